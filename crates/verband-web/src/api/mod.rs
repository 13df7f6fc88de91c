//! The JSON API under `/api/v1` (Dutch API Design Rules): bearer tokens,
//! camelCase JSON, problem+json errors, paged lists with `Link` headers, and
//! an OpenAPI 3.1 document at `/api/v1/openapi.json`. Every decision of who may
//! do what is the service's.

mod access;
mod agreements;
mod extract;
mod list;
mod meetings;
mod network_map;
mod networks;
mod openapi;
mod organisations;
mod persons;
mod problem;
mod projects;
mod surveys;
mod vitality;

use axum::http::{HeaderName, HeaderValue};
use axum::routing::{get, post, put};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use problem::ApiError;

/// The version in every response's `API-Version` header and in the OpenAPI document.
pub const API_VERSION: &str = "1.0.0";

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/networks", get(networks::list_networks).post(access::create_network))
        .route("/networks/{network_id}", get(networks::get_network).put(networks::update_network).delete(access::archive_network))
        .route("/networks/{network_id}/restore", post(access::restore_network))
        .route("/networks/{network_id}/invitations", get(access::list_invitations).post(access::create_invitations))
        .route("/networks/{network_id}/invitations/{invitation_id}", axum::routing::delete(access::withdraw_invitation))
        .route("/networks/{network_id}/roles", get(access::list_roles))
        .route("/networks/{network_id}/roles/{user_id}", put(access::update_role).delete(access::remove_role))
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
        .route("/networks/{network_id}/bodies", get(meetings::list_bodies).post(meetings::create_body))
        .route("/networks/{network_id}/bodies/{body_id}", get(meetings::get_body).put(meetings::update_body))
        .route("/networks/{network_id}/meetings", get(meetings::list_meetings).post(meetings::create_meeting))
        .route("/networks/{network_id}/meetings/{meeting_id}", get(meetings::get_meeting).put(meetings::update_meeting))
        .route("/networks/{network_id}/meetings/{meeting_id}/agenda-items", post(meetings::propose_agenda_item))
        .route("/networks/{network_id}/meetings/{meeting_id}/agenda-items/{item_id}", get(meetings::get_agenda_item))
        .route("/networks/{network_id}/meetings/{meeting_id}/agenda-order", put(meetings::order_agenda))
        .route("/networks/{network_id}/meetings/{meeting_id}/attendance", put(meetings::record_attendance))
        .route("/networks/{network_id}/meetings/{meeting_id}/decisions", post(meetings::add_decision))
        .route("/networks/{network_id}/meetings/{meeting_id}/decisions/{decision_id}", get(meetings::get_decision))
        .route("/networks/{network_id}/action-items", get(meetings::list_action_items).post(meetings::create_action_item))
        .route("/networks/{network_id}/action-items/{action_item_id}", get(meetings::get_action_item))
        .route(
            "/networks/{network_id}/action-items/{action_item_id}/done",
            post(meetings::mark_action_done).delete(meetings::reopen_action),
        )
        .route("/networks/{network_id}/stories", get(meetings::list_stories).post(meetings::share_story))
        .route("/networks/{network_id}/stories/{story_id}", get(meetings::get_story))
        .route("/networks/{network_id}/agreements", get(agreements::list_agreements).post(agreements::create_agreement))
        .route(
            "/networks/{network_id}/agreements/{agreement_id}",
            get(agreements::get_agreement).put(agreements::update_agreement).delete(agreements::archive_agreement),
        )
        .route("/networks/{network_id}/agreements/{agreement_id}/restore", post(agreements::restore_agreement))
        .route("/networks/{network_id}/agreements/{agreement_id}/commitments", post(agreements::create_commitment))
        .route("/networks/{network_id}/agreements/{agreement_id}/documents", get(agreements::list_documents))
        .route("/networks/{network_id}/agreements/{agreement_id}/documents/{document_id}/content", get(agreements::get_document_content))
        .route(
            "/networks/{network_id}/commitments/{commitment_id}",
            get(agreements::get_commitment).put(agreements::update_commitment).delete(agreements::remove_commitment),
        )
        .route("/networks/{network_id}/commitments/{commitment_id}/deliveries", post(agreements::record_delivery))
        .route("/networks/{network_id}/vitality", get(vitality::get_vitality))
        .route("/networks/{network_id}/vitality/settings", get(vitality::get_settings).put(vitality::update_settings))
        .route("/networks/{network_id}/projects", get(projects::list_projects).post(projects::create_project))
        .route(
            "/networks/{network_id}/projects/{project_id}",
            get(projects::get_project).put(projects::update_project).delete(projects::archive_project),
        )
        .route("/networks/{network_id}/projects/{project_id}/restore", post(projects::restore_project))
        .route(
            "/networks/{network_id}/projects/{project_id}/funding-streams",
            get(projects::list_funding_streams).post(projects::create_funding_stream),
        )
        .route(
            "/networks/{network_id}/funding-streams/{stream_id}",
            get(projects::get_funding_stream).put(projects::update_funding_stream).delete(projects::archive_funding_stream),
        )
        .route("/networks/{network_id}/relationship-rounds", get(network_map::list_rounds).post(network_map::create_round))
        .route(
            "/networks/{network_id}/relationship-rounds/{round_id}/relationships",
            get(network_map::list_relationships).post(network_map::create_relationship),
        )
        .route("/networks/{network_id}/network-map", get(network_map::get_network_map))
        .route("/networks/{network_id}/survey-rounds", get(surveys::list_rounds))
        .route("/networks/{network_id}/survey-rounds/{round_id}", get(surveys::get_round))
        .route("/networks/{network_id}/survey-rounds/{round_id}/results", get(surveys::get_results))
        .route("/networks/{network_id}/findings", get(projects::list_findings))
        .route("/networks/{network_id}/funding-cliffs", get(projects::list_funding_cliffs))
        .route("/networks/{network_id}/funding-share", get(projects::get_funding_share))
        .route("/networks/{network_id}/checklist", get(projects::get_checklist))
        .route("/networks/{network_id}/checklist/{block}", put(projects::update_checklist_item))
        .route("/networks/{network_id}/portfolio-settings", get(projects::get_portfolio_settings).put(projects::update_portfolio_settings))
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
