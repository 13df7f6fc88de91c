//! Bodies, meetings and what follows from them: `/networks/{networkId}/bodies`,
//! `…/meetings` (with agenda items, agenda order, attendance, decisions),
//! `…/action-items` and `…/stories`.
//!
//! The lists here are short (a network has a handful of bodies and a few
//! dozen meetings a year), so they come whole, as `{"items": [...]}`.

use axum::extract::{OriginalUri, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use verband_domain::{
    ActionDoneForm, ActionItem, ActionItemForm, AgendaItem, AgendaItemForm, AgendaOrderForm, Attendance, AttendanceForm, Body, BodyForm,
    Decision, DecisionForm, Meeting, MeetingForm, Story, StoryForm, ValidationErrors,
};
use verband_service::{Actor, MeetingDetail, ServiceError};

use super::extract::{ApiActor, ApiJson, ApiJsonOrEmpty, ApiPath};
use super::problem::{ApiError, Problem};
use crate::AppState;

// ---------------------------------------------------------------------------
// Shapes of the answers
// ---------------------------------------------------------------------------

/// The bodies of a network (steering group, working groups, …), archived ones included.
#[derive(Debug, Serialize, ToSchema)]
pub struct BodyList {
    pub items: Vec<Body>,
}

/// Meetings, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingList {
    pub items: Vec<Meeting>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemList {
    pub items: Vec<ActionItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StoryList {
    pub items: Vec<Story>,
}

/// A meeting with its body and everything recorded about it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeetingView {
    #[serde(flatten)]
    pub meeting: Meeting,
    pub body: Body,
    /// In agenda order.
    pub agenda: Vec<AgendaItem>,
    /// One row per partner once attendance is recorded; invited partners not named are absent.
    pub attendance: Vec<Attendance>,
    pub decisions: Vec<Decision>,
    /// Action items made at this meeting.
    pub action_items: Vec<ActionItem>,
}

impl From<MeetingDetail> for MeetingView {
    fn from(d: MeetingDetail) -> Self {
        MeetingView {
            meeting: d.meeting,
            body: d.body,
            agenda: d.agenda,
            attendance: d.attendance,
            decisions: d.decisions,
            action_items: d.actions,
        }
    }
}

/// A new action item: the item itself, and optionally the meeting it came from.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct ActionItemCreate {
    /// Id of the meeting the item came from; leave out for an item made outside a meeting.
    #[schema(value_type = Option<i64>)]
    pub meeting_id: Option<String>,
    #[serde(flatten)]
    pub item: ActionItemForm,
}

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct MeetingListParams {
    /// Only the meetings of this body.
    body_id: Option<i64>,
}

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct StoryListParams {
    /// At most this many stories, newest first (default: all).
    #[param(minimum = 1)]
    limit: Option<i64>,
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn created<T: Serialize>(uri: &axum::http::Uri, id: i64, value: T) -> Response {
    let location = format!("{}/{}", uri.path(), id);
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(value)).into_response()
}

/// The value of query parameter `name`, if given.
fn query_value(uri: &axum::http::Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string())
}

/// A whole number of at least 1 in query parameter `name`.
fn query_id(uri: &axum::http::Uri, name: &str, e: &mut ValidationErrors) -> Option<i64> {
    match query_value(uri, name)?.as_str() {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                e.add(name, "id-invalid");
                None
            }
        },
    }
}

async fn body_of(state: &AppState, actor: &Actor, network_id: i64, body_id: i64) -> Result<Body, ApiError> {
    let bodies = state.service.bodies(actor, network_id).await?;
    bodies.into_iter().find(|b| b.id == body_id).ok_or(ApiError::NotFound)
}

async fn action_of(state: &AppState, actor: &Actor, network_id: i64, action_id: i64) -> Result<ActionItem, ApiError> {
    let actions = state.service.actions(actor, network_id).await?;
    actions.into_iter().find(|a| a.id == action_id).ok_or(ApiError::NotFound)
}

async fn meeting_view(state: &AppState, actor: &Actor, network_id: i64, meeting_id: i64) -> Result<MeetingView, ApiError> {
    Ok(state.service.meeting(actor, network_id, meeting_id).await?.into())
}

// ---------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------

/// The network's bodies that meet.
#[utoipa::path(
    get, path = "/networks/{networkId}/bodies", tag = "meetings", operation_id = "listBodies",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "Every body of the network", body = BodyList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_bodies(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let items = state.service.bodies(&actor, network_id).await?;
    Ok(Json(BodyList { items }).into_response())
}

/// Adds a body (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/bodies", tag = "meetings", operation_id = "createBody",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = BodyForm,
    responses(
        (status = 201, description = "Created", body = Body, headers(("Location" = String, description = "Path of the new body"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_body(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<BodyForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_body(&actor, network_id, None, &form).await?;
    Ok(created(&uri, id, body_of(&state, &actor, network_id, id).await?))
}

/// One body of the network.
#[utoipa::path(
    get, path = "/networks/{networkId}/bodies/{bodyId}", tag = "meetings", operation_id = "getBody",
    params(("networkId" = i64, Path, description = "Id of the network"), ("bodyId" = i64, Path, description = "Id of the body")),
    responses(
        (status = 200, description = "The body", body = Body),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such body in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_body(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, body_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(body_of(&state, &actor, network_id, body_id).await?).into_response())
}

/// Replaces the body's kind and name (coordinators only).
#[utoipa::path(
    put, path = "/networks/{networkId}/bodies/{bodyId}", tag = "meetings", operation_id = "updateBody",
    params(("networkId" = i64, Path, description = "Id of the network"), ("bodyId" = i64, Path, description = "Id of the body")),
    request_body = BodyForm,
    responses(
        (status = 200, description = "The changed body", body = Body),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such body in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_body(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, body_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<BodyForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_body(&actor, network_id, Some(body_id), &form).await?;
    Ok(Json(body_of(&state, &actor, network_id, id).await?).into_response())
}

// ---------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------

/// The network's meetings, oldest first; cancelled ones included (see `status`).
#[utoipa::path(
    get, path = "/networks/{networkId}/meetings", tag = "meetings", operation_id = "listMeetings",
    params(("networkId" = i64, Path, description = "Id of the network"), MeetingListParams),
    responses(
        (status = 200, description = "The meetings", body = MeetingList),
        (status = 400, description = "Invalid query parameters; every one is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_meetings(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    // Outsiders learn nothing, not even which query parameters are wrong.
    state.service.role_in(&actor, network_id).await?;
    let mut e = ValidationErrors::default();
    let body_id = query_id(&uri, "bodyId", &mut e);
    e.finish(()).map_err(ApiError::Invalid)?;
    let items = state.service.meetings(&actor, network_id, body_id).await?;
    Ok(Json(MeetingList { items }).into_response())
}

/// Plans a meeting of one of the network's bodies (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/meetings", tag = "meetings", operation_id = "createMeeting",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = MeetingForm,
    responses(
        (status = 201, description = "Created", body = MeetingView, headers(("Location" = String, description = "Path of the new meeting"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_meeting(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<MeetingForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_meeting(&actor, network_id, None, &form).await?;
    Ok(created(&uri, id, meeting_view(&state, &actor, network_id, id).await?))
}

/// One meeting with its body, agenda, attendance, decisions and action items.
#[utoipa::path(
    get, path = "/networks/{networkId}/meetings/{meetingId}", tag = "meetings", operation_id = "getMeeting",
    params(("networkId" = i64, Path, description = "Id of the network"), ("meetingId" = i64, Path, description = "Id of the meeting")),
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_meeting(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(meeting_view(&state, &actor, network_id, meeting_id).await?).into_response())
}

/// Replaces the meeting's details (coordinators only). Fields left out become empty.
#[utoipa::path(
    put, path = "/networks/{networkId}/meetings/{meetingId}", tag = "meetings", operation_id = "updateMeeting",
    params(("networkId" = i64, Path, description = "Id of the network"), ("meetingId" = i64, Path, description = "Id of the meeting")),
    request_body = MeetingForm,
    responses(
        (status = 200, description = "The changed meeting", body = MeetingView),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_meeting(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<MeetingForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_meeting(&actor, network_id, Some(meeting_id), &form).await?;
    Ok(Json(meeting_view(&state, &actor, network_id, id).await?).into_response())
}

/// Proposes an agenda item. Members and steering-group members propose for
/// their own organisation; a coordinator may name the partner (`organisationId`)
/// on whose behalf the item is brought in. Advisors cannot propose.
#[utoipa::path(
    post, path = "/networks/{networkId}/meetings/{meetingId}/agenda-items", tag = "meetings", operation_id = "proposeAgendaItem",
    params(("networkId" = i64, Path, description = "Id of the network"), ("meetingId" = i64, Path, description = "Id of the meeting")),
    request_body = AgendaItemForm,
    responses(
        (status = 201, description = "Created", body = AgendaItem, headers(("Location" = String, description = "Path of the new agenda item"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role does not take part (advisor)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn propose_agenda_item(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id)): ApiPath<(i64, i64)>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<AgendaItemForm>,
) -> Result<Response, ApiError> {
    let id = state.service.propose_agenda_item(&actor, network_id, meeting_id, &form).await?;
    let detail = state.service.meeting(&actor, network_id, meeting_id).await?;
    let item = detail.agenda.into_iter().find(|a| a.id == id).ok_or(ApiError::NotFound)?;
    Ok(created(&uri, id, item))
}

/// One agenda item of the meeting.
#[utoipa::path(
    get, path = "/networks/{networkId}/meetings/{meetingId}/agenda-items/{agendaItemId}", tag = "meetings", operation_id = "getAgendaItem",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("meetingId" = i64, Path, description = "Id of the meeting"),
        ("agendaItemId" = i64, Path, description = "Id of the agenda item"),
    ),
    responses(
        (status = 200, description = "The agenda item", body = AgendaItem),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agenda item of this meeting, or the caller has no role in the network", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_agenda_item(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id, item_id)): ApiPath<(i64, i64, i64)>,
) -> Result<Response, ApiError> {
    let detail = state.service.meeting(&actor, network_id, meeting_id).await?;
    let item = detail.agenda.into_iter().find(|a| a.id == item_id).ok_or(ApiError::NotFound)?;
    Ok(Json(item).into_response())
}

/// Puts the agenda in a new order (coordinators only). `itemIds` must name
/// every item of the meeting exactly once, so that a stale client cannot
/// silently drop an item.
#[utoipa::path(
    put, path = "/networks/{networkId}/meetings/{meetingId}/agenda-order", tag = "meetings", operation_id = "orderAgenda",
    params(("networkId" = i64, Path, description = "Id of the network"), ("meetingId" = i64, Path, description = "Id of the meeting")),
    request_body(content = AgendaOrderForm, example = json!({"itemIds": [12, 10, 11]})),
    responses(
        (status = 200, description = "The meeting with its agenda in the new order", body = MeetingView),
        (status = 400, description = "The ids are not exactly the meeting's agenda items", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn order_agenda(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<AgendaOrderForm>,
) -> Result<Response, ApiError> {
    state.service.order_agenda(&actor, network_id, meeting_id, &form).await?;
    Ok(Json(meeting_view(&state, &actor, network_id, meeting_id).await?).into_response())
}

/// Records who came (coordinators only). Replaces earlier attendance; invited
/// partners named in neither list count as absent.
#[utoipa::path(
    put, path = "/networks/{networkId}/meetings/{meetingId}/attendance", tag = "meetings", operation_id = "recordAttendance",
    params(("networkId" = i64, Path, description = "Id of the network"), ("meetingId" = i64, Path, description = "Id of the meeting")),
    request_body(content = AttendanceForm, example = json!({"presentOrganisationIds": [1, 2], "excusedOrganisationIds": [3]})),
    responses(
        (status = 200, description = "The meeting with its attendance", body = MeetingView),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn record_attendance(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<AttendanceForm>,
) -> Result<Response, ApiError> {
    state.service.record_attendance(&actor, network_id, meeting_id, &form).await?;
    Ok(Json(meeting_view(&state, &actor, network_id, meeting_id).await?).into_response())
}

/// Records a decision of the meeting (coordinators only), optionally on one of its agenda items.
#[utoipa::path(
    post, path = "/networks/{networkId}/meetings/{meetingId}/decisions", tag = "meetings", operation_id = "addDecision",
    params(("networkId" = i64, Path, description = "Id of the network"), ("meetingId" = i64, Path, description = "Id of the meeting")),
    request_body = DecisionForm,
    responses(
        (status = 201, description = "Created", body = Decision, headers(("Location" = String, description = "Path of the new decision"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn add_decision(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id)): ApiPath<(i64, i64)>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<DecisionForm>,
) -> Result<Response, ApiError> {
    let id = state.service.add_decision(&actor, network_id, meeting_id, &form).await?;
    let detail = state.service.meeting(&actor, network_id, meeting_id).await?;
    let decision = detail.decisions.into_iter().find(|d| d.id == id).ok_or(ApiError::NotFound)?;
    Ok(created(&uri, id, decision))
}

/// One decision of the meeting.
#[utoipa::path(
    get, path = "/networks/{networkId}/meetings/{meetingId}/decisions/{decisionId}", tag = "meetings", operation_id = "getDecision",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("meetingId" = i64, Path, description = "Id of the meeting"),
        ("decisionId" = i64, Path, description = "Id of the decision"),
    ),
    responses(
        (status = 200, description = "The decision", body = Decision),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision of this meeting, or the caller has no role in the network", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_decision(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, meeting_id, decision_id)): ApiPath<(i64, i64, i64)>,
) -> Result<Response, ApiError> {
    let detail = state.service.meeting(&actor, network_id, meeting_id).await?;
    let decision = detail.decisions.into_iter().find(|d| d.id == decision_id).ok_or(ApiError::NotFound)?;
    Ok(Json(decision).into_response())
}

// ---------------------------------------------------------------------------
// Action items
// ---------------------------------------------------------------------------

/// Every action item of the network, from meetings and outside them.
#[utoipa::path(
    get, path = "/networks/{networkId}/action-items", tag = "meetings", operation_id = "listActionItems",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The action items", body = ActionItemList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_action_items(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let items = state.service.actions(&actor, network_id).await?;
    Ok(Json(ActionItemList { items }).into_response())
}

/// Adds an action item (coordinators only). It needs an owner (a partner or a
/// person) and a due date; `meetingId` ties it to the meeting it came from.
#[utoipa::path(
    post, path = "/networks/{networkId}/action-items", tag = "meetings", operation_id = "createActionItem",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = ActionItemCreate,
    responses(
        (status = 201, description = "Created", body = ActionItem, headers(("Location" = String, description = "Path of the new action item"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_action_item(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(body): ApiJson<ActionItemCreate>,
) -> Result<Response, ApiError> {
    // The service decides again; asking first keeps "not yours to do" (403)
    // ahead of "invalid" (400), as on every other create.
    if !state.service.role_in(&actor, network_id).await?.may_edit_records() {
        return Err(ApiError::Forbidden);
    }
    // The meeting id and the item's fields are checked together, so that one
    // answer lists every invalid field.
    let mut e = match body.item.validate() {
        Ok(_) => ValidationErrors::default(),
        Err(e) => e,
    };
    let meeting_id = match body.meeting_id.as_deref().unwrap_or("").trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) if id >= 1 => Some(id),
            _ => {
                e.add("meetingId", "id-invalid");
                None
            }
        },
    };
    if let Some(m) = meeting_id {
        match state.service.meeting(&actor, network_id, m).await {
            Ok(_) => {}
            Err(ServiceError::NotFound) => e.add("meetingId", "choice-invalid"),
            Err(other) => return Err(other.into()),
        }
    }
    e.finish(()).map_err(ApiError::Invalid)?;
    let id = state.service.add_action(&actor, network_id, meeting_id, &body.item).await?;
    Ok(created(&uri, id, action_of(&state, &actor, network_id, id).await?))
}

/// One action item of the network.
#[utoipa::path(
    get, path = "/networks/{networkId}/action-items/{actionItemId}", tag = "meetings", operation_id = "getActionItem",
    params(("networkId" = i64, Path, description = "Id of the network"), ("actionItemId" = i64, Path, description = "Id of the action item")),
    responses(
        (status = 200, description = "The action item", body = ActionItem),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such action item in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_action_item(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, action_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(action_of(&state, &actor, network_id, action_id).await?).into_response())
}

/// Ticks an action item off, on `doneOn` or today (the body may be left out).
/// The coordinator may tick off any item; others only the items of their own
/// organisation (or of a person of it).
#[utoipa::path(
    post, path = "/networks/{networkId}/action-items/{actionItemId}/done", tag = "meetings", operation_id = "markActionItemDone",
    params(("networkId" = i64, Path, description = "Id of the network"), ("actionItemId" = i64, Path, description = "Id of the action item")),
    request_body(content = Option<ActionDoneForm>, description = "Optional; `doneOn` (YYYY-MM-DD, not in the future) defaults to today"),
    responses(
        (status = 200, description = "The action item, done", body = ActionItem),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The item is not the caller's to tick off", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such action item in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn mark_action_done(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, action_id)): ApiPath<(i64, i64)>,
    ApiJsonOrEmpty(form): ApiJsonOrEmpty<ActionDoneForm>,
) -> Result<Response, ApiError> {
    state.service.set_action_done(&actor, network_id, action_id, true, &form).await?;
    Ok(Json(action_of(&state, &actor, network_id, action_id).await?).into_response())
}

/// Opens a ticked-off action item again (same rights as ticking it off).
#[utoipa::path(
    delete, path = "/networks/{networkId}/action-items/{actionItemId}/done", tag = "meetings", operation_id = "reopenActionItem",
    params(("networkId" = i64, Path, description = "Id of the network"), ("actionItemId" = i64, Path, description = "Id of the action item")),
    responses(
        (status = 200, description = "The action item, open again", body = ActionItem),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The item is not the caller's to open again", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such action item in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn reopen_action(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, action_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.set_action_done(&actor, network_id, action_id, false, &ActionDoneForm::default()).await?;
    Ok(Json(action_of(&state, &actor, network_id, action_id).await?).into_response())
}

// ---------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------

/// Successes and stories shared in the network, newest first.
#[utoipa::path(
    get, path = "/networks/{networkId}/stories", tag = "meetings", operation_id = "listStories",
    params(("networkId" = i64, Path, description = "Id of the network"), StoryListParams),
    responses(
        (status = 200, description = "The stories", body = StoryList),
        (status = 400, description = "Invalid query parameters; every one is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_stories(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    state.service.role_in(&actor, network_id).await?;
    let mut e = ValidationErrors::default();
    let limit = match query_value(&uri, "limit").as_deref() {
        None | Some("") => None,
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                e.add("limit", "page-invalid");
                None
            }
        },
    };
    e.finish(()).map_err(ApiError::Invalid)?;
    let items = state.service.stories(&actor, network_id, limit).await?;
    Ok(Json(StoryList { items }).into_response())
}

/// Shares a success or story. A member shares for its own organisation; a
/// coordinator may name the partner (`organisationId`). Advisors cannot share.
#[utoipa::path(
    post, path = "/networks/{networkId}/stories", tag = "meetings", operation_id = "shareStory",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = StoryForm,
    responses(
        (status = 201, description = "Created", body = Story, headers(("Location" = String, description = "Path of the new story"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role does not take part (advisor)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn share_story(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<StoryForm>,
) -> Result<Response, ApiError> {
    let id = state.service.share_story(&actor, network_id, &form).await?;
    let stories = state.service.stories(&actor, network_id, None).await?;
    let story = stories.into_iter().find(|s| s.id == id).ok_or(ApiError::NotFound)?;
    Ok(created(&uri, id, story))
}

/// One story of the network.
#[utoipa::path(
    get, path = "/networks/{networkId}/stories/{storyId}", tag = "meetings", operation_id = "getStory",
    params(("networkId" = i64, Path, description = "Id of the network"), ("storyId" = i64, Path, description = "Id of the story")),
    responses(
        (status = 200, description = "The story", body = Story),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such story in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_story(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, story_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let stories = state.service.stories(&actor, network_id, None).await?;
    let story = stories.into_iter().find(|s| s.id == story_id).ok_or(ApiError::NotFound)?;
    Ok(Json(story).into_response())
}
