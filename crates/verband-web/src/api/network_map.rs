//! The network map through the API: relationship rounds, the relationships
//! in a round, and the map's figures (per partner and for the network, with
//! the previous round's scores to compare). Everyone with a role in the
//! network reads; coordinators add rounds and relationships.

use axum::extract::{OriginalUri, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use verband_domain::network_analysis::{MapLink, NetworkScores, PartnerScores};
use verband_domain::relationship::{Relationship, RelationshipForm, RelationshipRound, RoundForm};
use verband_service::MapQuery;

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::problem::{ApiError, Problem};
use crate::AppState;

#[derive(Serialize, ToSchema)]
pub struct RoundList {
    pub items: Vec<RelationshipRound>,
}

#[derive(Serialize, ToSchema)]
pub struct RelationshipList {
    pub round: RelationshipRound,
    pub items: Vec<Relationship>,
}

/// The round before the one shown, with its scores under the same filters.
#[derive(Serialize, ToSchema)]
pub struct PreviousRound {
    pub round: RelationshipRound,
    pub scores: NetworkScores,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkMapView {
    /// Absent while the network has no round.
    pub round: Option<RelationshipRound>,
    pub partners: Vec<PartnerScores>,
    /// Indexes into `partners`.
    pub links: Vec<MapLink>,
    pub scores: NetworkScores,
    pub previous: Option<PreviousRound>,
}

fn created<T: Serialize>(location: String, value: T) -> Response {
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(value)).into_response()
}

/// The network's rounds, oldest measurement first.
#[utoipa::path(
    get, path = "/networks/{networkId}/relationship-rounds", tag = "network-map", operation_id = "listRelationshipRounds",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The rounds", body = RoundList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_rounds(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    Ok(Json(RoundList { items: state.service.relationship_rounds(&actor, network_id).await? }).into_response())
}

/// Starts a round, empty or as a copy of another round's relationships (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/relationship-rounds", tag = "network-map", operation_id = "createRelationshipRound",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = RoundForm,
    responses(
        (status = 201, description = "Created", body = RelationshipList, headers(("Location" = String, description = "Path of the round's relationships"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_round(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<RoundForm>,
) -> Result<Response, ApiError> {
    let id = state.service.create_round(&actor, network_id, &form).await?;
    let r = state.service.round_relationships(&actor, network_id, id).await?;
    Ok(created(format!("{}/{id}/relationships", uri.path()), RelationshipList { round: r.round, items: r.relationships }))
}

/// The relationships of one round.
#[utoipa::path(
    get, path = "/networks/{networkId}/relationship-rounds/{roundId}/relationships", tag = "network-map", operation_id = "listRelationships",
    params(("networkId" = i64, Path, description = "Id of the network"), ("roundId" = i64, Path, description = "Id of the round")),
    responses(
        (status = 200, description = "The round and its relationships", body = RelationshipList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_relationships(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, round_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let r = state.service.round_relationships(&actor, network_id, round_id).await?;
    Ok(Json(RelationshipList { round: r.round, items: r.relationships }).into_response())
}

/// Records a relationship in a round (coordinators only). Strength 1–5, trust and value 1–4 when given.
#[utoipa::path(
    post, path = "/networks/{networkId}/relationship-rounds/{roundId}/relationships", tag = "network-map", operation_id = "createRelationship",
    params(("networkId" = i64, Path, description = "Id of the network"), ("roundId" = i64, Path, description = "Id of the round")),
    request_body = RelationshipForm,
    responses(
        (status = 201, description = "Created; the body is the round with all its relationships", body = RelationshipList),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_relationship(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, round_id)): ApiPath<(i64, i64)>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<RelationshipForm>,
) -> Result<Response, ApiError> {
    state.service.add_relationship(&actor, network_id, round_id, &form).await?;
    let r = state.service.round_relationships(&actor, network_id, round_id).await?;
    Ok(created(uri.path().to_string(), RelationshipList { round: r.round, items: r.relationships }))
}

/// The map's figures for a round (default: the latest), as the map page shows them.
#[utoipa::path(
    get, path = "/networks/{networkId}/network-map", tag = "network-map", operation_id = "getNetworkMap",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("round" = Option<i64>, Query, description = "Id of the round; the latest when left out"),
    ),
    responses(
        (status = 200, description = "Partners with their scores and positions, links, network scores and the previous round's scores", body = NetworkMapView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network or round, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_network_map(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    let mut round_id = None;
    for (k, v) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
        if k == "round" {
            round_id = Some(v.parse::<i64>().map_err(|_| ApiError::from(verband_service::ServiceError::NotFound))?);
        }
    }
    let map = state.service.network_map(&actor, network_id, &MapQuery { round_id, ..Default::default() }).await?;
    Ok(Json(NetworkMapView {
        round: map.round,
        partners: map.analysis.partners,
        links: map.analysis.links,
        scores: map.analysis.scores,
        previous: map.previous.map(|(round, scores)| PreviousRound { round, scores }),
    })
    .into_response())
}
