//! The JSON API under `/api/v1` (Dutch API Design Rules): bearer tokens,
//! camelCase JSON, problem+json errors, paged lists with `Link` headers, and
//! an OpenAPI 3.1 document at `/api/v1/openapi.json`. Every decision of who may
//! do what is the service's.

mod extract;
mod list;
mod networks;
mod openapi;
mod organisations;
mod persons;
mod problem;

use axum::http::{HeaderName, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use problem::ApiError;

/// The version in every response's `API-Version` header and in the OpenAPI document.
pub const API_VERSION: &str = "1.0.0";

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/networks", get(networks::list_networks))
        .route("/networks/{network_id}", get(networks::get_network).put(networks::update_network))
        .route("/networks/{network_id}/organisations", get(organisations::list_organisations).post(organisations::create_organisation))
        .route(
            "/networks/{network_id}/organisations/{organisation_id}",
            get(organisations::get_organisation).put(organisations::update_organisation).delete(organisations::archive_organisation),
        )
        .route("/networks/{network_id}/organisations/{organisation_id}/restore", post(organisations::restore_organisation))
        .route("/networks/{network_id}/persons", get(persons::list_persons).post(persons::create_person))
        .route(
            "/networks/{network_id}/persons/{person_id}",
            get(persons::get_person).put(persons::update_person).delete(persons::archive_person),
        )
        .route("/networks/{network_id}/persons/{person_id}/restore", post(persons::restore_person))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("api-version"), HeaderValue::from_static(API_VERSION)))
        .with_state(state)
}

/// The answer for API paths that miss the nested router (`/api/v1/`).
pub async fn not_found() -> axum::response::Response {
    let mut r = axum::response::IntoResponse::into_response(ApiError::NotFound);
    r.headers_mut().insert(HeaderName::from_static("api-version"), HeaderValue::from_static(API_VERSION));
    r
}
