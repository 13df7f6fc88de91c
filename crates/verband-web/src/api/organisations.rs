//! `/networks/{networkId}/organisations`: the network's partner organisations.

use axum::extract::{OriginalUri, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use verband_domain::{OrganisationForm, Partner};

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::list::{list_response, parse_list_query, ListKind};
use super::openapi::{OrganisationList, OrganisationListParams};
use super::problem::{ApiError, Problem};
use crate::AppState;

/// A page of the network's organisations; archived ones only with `includeArchived=true`.
#[utoipa::path(
    get, path = "/networks/{networkId}/organisations", tag = "organisations", operation_id = "listOrganisations",
    params(("networkId" = i64, Path, description = "Id of the network"), OrganisationListParams),
    responses(
        (status = 200, description = "A page of organisations", body = OrganisationList,
            headers(("Link" = String, description = "RFC 8288 links: first, prev, next, last"))),
        (status = 400, description = "Invalid query parameters; every one is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_organisations(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    // Outsiders learn nothing, not even which query parameters are wrong.
    state.service.role_in(&actor, network_id).await?;
    let query = parse_list_query(uri.query(), ListKind::Organisations).map_err(ApiError::Invalid)?;
    let paged = state.service.partners(&actor, network_id, &query.filter, query.page).await?;
    Ok(list_response(&query, &uri, paged.items, paged.total))
}

/// Adds an organisation to the network (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/organisations", tag = "organisations", operation_id = "createOrganisation",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = OrganisationForm,
    responses(
        (status = 201, description = "Created", body = Partner,
            headers(("Location" = String, description = "Path of the new organisation"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_organisation(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<OrganisationForm>,
) -> Result<Response, ApiError> {
    let partner = state.service.create_partner(&actor, network_id, &form).await?;
    let location = format!("{}/{}", uri.path(), partner.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(partner)).into_response())
}

/// One organisation of the network (also when archived).
#[utoipa::path(
    get, path = "/networks/{networkId}/organisations/{organisationId}", tag = "organisations", operation_id = "getOrganisation",
    params(("networkId" = i64, Path, description = "Id of the network"), ("organisationId" = i64, Path, description = "Id of the organisation")),
    responses(
        (status = 200, description = "The organisation", body = Partner),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_organisation(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.partner(&actor, network_id, id).await?).into_response())
}

/// Replaces the organisation's details (coordinators only). Fields left out become empty.
#[utoipa::path(
    put, path = "/networks/{networkId}/organisations/{organisationId}", tag = "organisations", operation_id = "updateOrganisation",
    params(("networkId" = i64, Path, description = "Id of the network"), ("organisationId" = i64, Path, description = "Id of the organisation")),
    request_body = OrganisationForm,
    responses(
        (status = 200, description = "The changed organisation", body = Partner),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_organisation(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<OrganisationForm>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.update_partner(&actor, network_id, id, &form).await?).into_response())
}

/// Archives the organisation in this network (coordinators only). This is a
/// soft delete: nothing is erased, the organisation keeps its history, is
/// left out of lists unless `includeArchived=true`, and can be brought back
/// with `POST …/restore`. Archiving twice is harmless.
#[utoipa::path(
    delete, path = "/networks/{networkId}/organisations/{organisationId}", tag = "organisations", operation_id = "archiveOrganisation",
    params(("networkId" = i64, Path, description = "Id of the network"), ("organisationId" = i64, Path, description = "Id of the organisation")),
    responses(
        (status = 200, description = "The archived organisation (`archived` is true)", body = Partner),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn archive_organisation(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.set_partner_archived(&actor, network_id, id, true).await?).into_response())
}

/// Brings an archived organisation back (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/organisations/{organisationId}/restore", tag = "organisations", operation_id = "restoreOrganisation",
    params(("networkId" = i64, Path, description = "Id of the network"), ("organisationId" = i64, Path, description = "Id of the organisation")),
    responses(
        (status = 200, description = "The restored organisation (`archived` is false)", body = Partner),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn restore_organisation(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.set_partner_archived(&actor, network_id, id, false).await?).into_response())
}
