//! `/networks`: the caller's networks.

use axum::extract::{OriginalUri, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use verband_domain::{Network, NetworkForm, NetworkRole};

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::list::{list_response, parse_list_query, ListKind};
use super::openapi::{ListParams, NetworkList};
use super::problem::{ApiError, Problem};
use crate::AppState;

/// A network together with the caller's role in it, so a client knows what it may change.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    #[serde(flatten)]
    pub network: Network,
    /// The caller's role in this network; only coordinators may change its records.
    pub role: NetworkRole,
}

/// The networks the caller has a role in, by name.
#[utoipa::path(
    get, path = "/networks", tag = "networks", operation_id = "listNetworks",
    params(ListParams),
    responses(
        (status = 200, description = "A page of networks", body = NetworkList,
            headers(("Link" = String, description = "RFC 8288 links: first, prev, next, last"))),
        (status = 400, description = "Invalid query parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_networks(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    let query = parse_list_query(uri.query(), ListKind::Networks).map_err(ApiError::Invalid)?;
    let mut all = state.service.my_networks(&actor).await?;
    let search = query.filter.search.as_deref().map(str::to_lowercase);
    if let Some(s) = &search {
        all.retain(|(n, _)| n.name.to_lowercase().contains(s.as_str()));
    }
    all.sort_by(|(a, _), (b, _)| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
    if query.filter.dir == Some(verband_domain::SortDir::Desc) {
        all.reverse();
    }
    let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
    let offset = usize::try_from(query.page.offset()).unwrap_or(usize::MAX);
    let items: Vec<NetworkView> =
        all.into_iter().skip(offset).take(query.page.size as usize).map(|(network, role)| NetworkView { network, role }).collect();
    Ok(list_response(&query, &uri, items, total))
}

/// One network.
#[utoipa::path(
    get, path = "/networks/{networkId}", tag = "networks", operation_id = "getNetwork",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The network", body = NetworkView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_network(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let (network, role) = state.service.network(&actor, network_id).await?;
    Ok(Json(NetworkView { network, role }).into_response())
}

/// Changes the network's details (coordinators only). Fields left out become empty.
#[utoipa::path(
    put, path = "/networks/{networkId}", tag = "networks", operation_id = "updateNetwork",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = NetworkForm,
    responses(
        (status = 200, description = "The changed network", body = NetworkView),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_network(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    ApiJson(form): ApiJson<NetworkForm>,
) -> Result<Response, ApiError> {
    state.service.update_network(&actor, network_id, &form).await?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    Ok(Json(NetworkView { network, role }).into_response())
}
