//! `/networks/{networkId}/persons`: the network's contact persons.

use axum::extract::{OriginalUri, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use verband_domain::{Person, PersonForm};

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::list::{list_response, parse_list_query, ListKind};
use super::openapi::{PersonList, PersonListParams};
use super::problem::{ApiError, Problem};
use crate::AppState;

/// A page of the network's persons; archived ones only with `includeArchived=true`.
#[utoipa::path(
    get, path = "/networks/{networkId}/persons", tag = "persons", operation_id = "listPersons",
    params(("networkId" = i64, Path, description = "Id of the network"), PersonListParams),
    responses(
        (status = 200, description = "A page of persons", body = PersonList,
            headers(("Link" = String, description = "RFC 8288 links: first, prev, next, last"))),
        (status = 400, description = "Invalid query parameters; every one is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_persons(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    // Outsiders learn nothing, not even which query parameters are wrong.
    state.service.role_in(&actor, network_id).await?;
    let query = parse_list_query(uri.query(), ListKind::Persons).map_err(ApiError::Invalid)?;
    let paged = state.service.persons(&actor, network_id, &query.filter, query.page).await?;
    Ok(list_response(&query, &uri, paged.items, paged.total))
}

/// Adds a contact person to the network (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/persons", tag = "persons", operation_id = "createPerson",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = PersonForm,
    responses(
        (status = 201, description = "Created", body = Person,
            headers(("Location" = String, description = "Path of the new person"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_person(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<PersonForm>,
) -> Result<Response, ApiError> {
    let person = state.service.create_person(&actor, network_id, &form).await?;
    let location = format!("{}/{}", uri.path(), person.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(person)).into_response())
}

/// One person of the network (also when archived).
#[utoipa::path(
    get, path = "/networks/{networkId}/persons/{personId}", tag = "persons", operation_id = "getPerson",
    params(("networkId" = i64, Path, description = "Id of the network"), ("personId" = i64, Path, description = "Id of the person")),
    responses(
        (status = 200, description = "The person", body = Person),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_person(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.person(&actor, network_id, id).await?).into_response())
}

/// Replaces the person's details (coordinators only). Fields left out become empty.
#[utoipa::path(
    put, path = "/networks/{networkId}/persons/{personId}", tag = "persons", operation_id = "updatePerson",
    params(("networkId" = i64, Path, description = "Id of the network"), ("personId" = i64, Path, description = "Id of the person")),
    request_body = PersonForm,
    responses(
        (status = 200, description = "The changed person", body = Person),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_person(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<PersonForm>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.update_person(&actor, network_id, id, &form).await?).into_response())
}

/// Archives the person in this network (coordinators only). This is a
/// soft delete: nothing is erased, the person keeps their place in the history, is
/// left out of lists unless `includeArchived=true`, and can be brought back
/// with `POST …/restore`. Archiving twice is harmless. (Archiving is not
/// erasure under the GDPR.)
#[utoipa::path(
    delete, path = "/networks/{networkId}/persons/{personId}", tag = "persons", operation_id = "archivePerson",
    params(("networkId" = i64, Path, description = "Id of the network"), ("personId" = i64, Path, description = "Id of the person")),
    responses(
        (status = 200, description = "The archived person (`archived` is true)", body = Person),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn archive_person(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.set_person_archived(&actor, network_id, id, true).await?).into_response())
}

/// Brings an archived person back (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/persons/{personId}/restore", tag = "persons", operation_id = "restorePerson",
    params(("networkId" = i64, Path, description = "Id of the network"), ("personId" = i64, Path, description = "Id of the person")),
    responses(
        (status = 200, description = "The restored person (`archived` is false)", body = Person),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn restore_person(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.set_person_archived(&actor, network_id, id, false).await?).into_response())
}
