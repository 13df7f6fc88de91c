//! The project portfolio: `/networks/{networkId}/projects` with their
//! funding streams, the coherence findings, the funding cliffs, the
//! structural share per year, the phase checklist and the portfolio settings.
//!
//! Findings and cliffs carry a sentence (`message`) in the language of the
//! `Accept-Language` header (Dutch or English; English when neither is
//! asked for), the catalogue key it came from, and every object it is about
//! with its name and the path of its page in the web app.

use axum::extract::{OriginalUri, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use verband_domain::coherence::{Finding, ObjectRef};
use verband_domain::funding::FundingCliff;
use verband_domain::phase_checklist::{ChecklistEntry, ChecklistItemForm, Evidence};
use verband_domain::portfolio::{FundingStream, FundingStreamForm, Project, ProjectForm, StatusChange};
use verband_domain::portfolio_settings::{PortfolioSettings, PortfolioSettingsForm};
use verband_domain::{BuildingBlock, ChecklistStatus, Language, Phase};
use verband_service::{Actor, PortfolioOverview, ProjectDetail};

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::problem::{ApiError, Problem};
use crate::i18n::translate;
use crate::pages::findings::{cliff_args, compose, href, kind, object_id, object_type, plain, Names};
use crate::AppState;

// ---------------------------------------------------------------------------
// Shapes of the answers
// ---------------------------------------------------------------------------

/// The network's projects by title, archived ones included (see `archived`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectList {
    pub items: Vec<Project>,
}

/// A project with its status history, its funding streams and, when its
/// money runs out within the horizon, the funding cliff.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectView {
    #[serde(flatten)]
    pub project: Project,
    /// Every status the project had, oldest first.
    pub history: Vec<StatusChange>,
    /// Funding streams that are not archived, by start date.
    pub funding_streams: Vec<FundingStream>,
    pub cliff: Option<CliffView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FundingStreamList {
    pub items: Vec<FundingStream>,
}

/// An object a finding or cliff is about.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectView {
    /// `project`, `goal`, `organisation` or `agreement`.
    #[serde(rename = "type")]
    pub kind: String,
    pub id: i64,
    /// Its name; `#id` when the name is not known (an archived partner).
    pub name: String,
    /// The path of its page in the web app.
    pub href: String,
}

/// One coherence finding.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FindingView {
    /// `project_without_goal`, `project_without_lead`, `project_without_owner`,
    /// `likely_duplicate`, `partner_overloaded`, `agreement_past_evaluation` or `goal_without_project`.
    pub kind: String,
    /// The sentence, in the language asked for.
    pub message: String,
    /// The catalogue key of the sentence.
    pub message_key: String,
    /// Every object the finding is about, the main one first.
    pub objects: Vec<ObjectView>,
    /// The finding's own fields (ids, shared words, overlap percentages, days overdue).
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KindCount {
    pub kind: String,
    pub count: usize,
}

/// Every coherence finding, in a stable order, and how many of each kind.
#[derive(Debug, Serialize, ToSchema)]
pub struct FindingList {
    pub items: Vec<FindingView>,
    /// Kinds with at least one finding.
    pub counts: Vec<KindCount>,
}

/// A project whose money runs out within the horizon without follow-up funding.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CliffView {
    pub project: ObjectView,
    /// The last day covered without interruption from today.
    #[schema(value_type = String, format = Date)]
    pub funded_until: NaiveDate,
    pub days_left: i64,
    pub ending_stream_ids: Vec<i64>,
    pub ending_amount_cents: i64,
    /// When later money starts only after a gap, its start.
    #[schema(value_type = Option<String>, format = Date)]
    pub next_stream_starts: Option<NaiveDate>,
    pub message: String,
    pub message_key: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CliffList {
    /// How many months ahead the check looks (a portfolio setting).
    pub horizon_months: u32,
    /// Soonest first.
    pub items: Vec<CliffView>,
}

/// Structural and one-off money in one calendar year.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct YearShareView {
    pub year: i32,
    pub structural_cents: i64,
    pub one_off_cents: i64,
    /// 0 to 100; null when there is no money that year.
    pub structural_percent: Option<u8>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct YearShareList {
    pub items: Vec<YearShareView>,
}

/// A building block of the checklist and where it stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistEntryView {
    pub block: BuildingBlock,
    pub phase: Phase,
    /// The block's name, in the language asked for.
    pub label: String,
    pub status: ChecklistStatus,
    pub owner_person_id: Option<i64>,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
    /// Marked done while nothing shows it.
    pub done_without_evidence: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhaseProgressView {
    pub phase: Phase,
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub open: usize,
    pub not_applicable: usize,
    /// Done as a share of the blocks that apply (0–100); null when none apply.
    pub percent_done: Option<u8>,
}

/// The phase checklist: every building block in order, and progress per phase.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistResponse {
    /// The phase the network is in now.
    pub current_phase: Phase,
    pub progress: Vec<PhaseProgressView>,
    pub items: Vec<ChecklistEntryView>,
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Dutch or English from `Accept-Language`, English otherwise.
fn language(headers: &HeaderMap) -> Language {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|raw| raw.split(',').filter_map(|part| part.split(';').next()).find_map(|tag| Language::from_tag(tag.trim())))
        .unwrap_or(Language::En)
}

fn created<T: Serialize>(uri: &axum::http::Uri, id: i64, value: T) -> Response {
    let location = format!("{}/{}", uri.path(), id);
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(value)).into_response()
}

fn object_view(network_id: i64, o: ObjectRef, names: &Names) -> ObjectView {
    ObjectView { kind: object_type(o).to_string(), id: object_id(o), name: names.name(o), href: href(network_id, o) }
}

fn finding_view(lang: Language, network_id: i64, f: &Finding, names: &Names) -> FindingView {
    FindingView {
        kind: kind(f).to_string(),
        message: plain(&compose(lang, f.message_key(), f.args()), names),
        message_key: f.message_key().to_string(),
        objects: f.objects().into_iter().map(|o| object_view(network_id, o, names)).collect(),
        details: serde_json::to_value(f).unwrap_or(serde_json::Value::Null),
    }
}

fn cliff_view(lang: Language, network_id: i64, c: &FundingCliff, names: &Names) -> CliffView {
    CliffView {
        project: object_view(network_id, ObjectRef::Project(c.project_id), names),
        funded_until: c.funded_until,
        days_left: c.days_left,
        ending_stream_ids: c.ending_stream_ids.clone(),
        ending_amount_cents: c.ending_amount_cents,
        next_stream_starts: c.next_stream_starts,
        message: plain(&compose(lang, c.message_key(), cliff_args(c)), names),
        message_key: c.message_key().to_string(),
    }
}

async fn overview_with_names(state: &AppState, actor: &Actor, network_id: i64) -> Result<(PortfolioOverview, Names), ApiError> {
    let o = state.service.portfolio_overview(actor, network_id).await?;
    let partners = state.service.partner_choices(actor, network_id).await?;
    let names = Names::new(&o.projects, &o.goals, &o.agreements, &partners);
    Ok((o, names))
}

async fn project_view(state: &AppState, actor: &Actor, network_id: i64, project_id: i64, lang: Language) -> Result<ProjectView, ApiError> {
    let ProjectDetail { project, history, streams, cliff } = state.service.project(actor, network_id, project_id).await?;
    let cliff = match cliff {
        Some(c) => {
            let (_, names) = overview_with_names(state, actor, network_id).await?;
            Some(cliff_view(lang, network_id, &c, &names))
        }
        None => None,
    };
    Ok(ProjectView { project, history, funding_streams: streams, cliff })
}

async fn stream_of(state: &AppState, actor: &Actor, network_id: i64, stream_id: i64) -> Result<FundingStream, ApiError> {
    let streams = state.service.funding_streams(actor, network_id, None).await?;
    streams.into_iter().find(|s| s.id == stream_id).ok_or(ApiError::NotFound)
}

fn entry_view(lang: Language, e: ChecklistEntry) -> ChecklistEntryView {
    ChecklistEntryView {
        label: translate(lang, &e.block.label_key()),
        block: e.block,
        phase: e.phase,
        status: e.status,
        owner_person_id: e.owner_person_id,
        evidence: e.evidence,
        note: e.note,
        done_without_evidence: e.done_without_evidence,
    }
}

async fn checklist_response(state: &AppState, actor: &Actor, network_id: i64, lang: Language) -> Result<ChecklistResponse, ApiError> {
    let (network, _) = state.service.network(actor, network_id).await?;
    let view = state.service.phase_checklist(actor, network_id).await?;
    Ok(ChecklistResponse {
        current_phase: network.phase,
        progress: view
            .progress
            .into_iter()
            .map(|p| PhaseProgressView {
                phase: p.phase,
                total: p.total,
                done: p.done,
                in_progress: p.in_progress,
                open: p.open,
                not_applicable: p.not_applicable,
                percent_done: p.percent_done,
            })
            .collect(),
        items: view.entries.into_iter().map(|e| entry_view(lang, e)).collect(),
    })
}

// ---------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------

/// The network's projects, archived ones included.
#[utoipa::path(
    get, path = "/networks/{networkId}/projects", tag = "portfolio", operation_id = "listProjects",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The projects", body = ProjectList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_projects(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    Ok(Json(ProjectList { items: state.service.projects(&actor, network_id).await? }).into_response())
}

/// Adds a project (coordinators only). Goal, lead and owner may be left out;
/// the coherence findings then point the gap out.
#[utoipa::path(
    post, path = "/networks/{networkId}/projects", tag = "portfolio", operation_id = "createProject",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = ProjectForm,
    responses(
        (status = 201, description = "Created", body = ProjectView, headers(("Location" = String, description = "Path of the new project"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_project(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    ApiJson(form): ApiJson<ProjectForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_project(&actor, network_id, None, &form).await?;
    Ok(created(&uri, id, project_view(&state, &actor, network_id, id, language(&headers)).await?))
}

/// One project with its status history, funding streams and funding cliff.
#[utoipa::path(
    get, path = "/networks/{networkId}/projects/{projectId}", tag = "portfolio", operation_id = "getProject",
    params(("networkId" = i64, Path, description = "Id of the network"), ("projectId" = i64, Path, description = "Id of the project")),
    responses(
        (status = 200, description = "The project", body = ProjectView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_project(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, project_id)): ApiPath<(i64, i64)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(Json(project_view(&state, &actor, network_id, project_id, language(&headers)).await?).into_response())
}

/// Replaces the project (coordinators only). A new status is added to the
/// history with `statusChangedOn` (default today).
#[utoipa::path(
    put, path = "/networks/{networkId}/projects/{projectId}", tag = "portfolio", operation_id = "updateProject",
    params(("networkId" = i64, Path, description = "Id of the network"), ("projectId" = i64, Path, description = "Id of the project")),
    request_body = ProjectForm,
    responses(
        (status = 200, description = "The changed project", body = ProjectView),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_project(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, project_id)): ApiPath<(i64, i64)>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<ProjectForm>,
) -> Result<Response, ApiError> {
    state.service.save_project(&actor, network_id, Some(project_id), &form).await?;
    Ok(Json(project_view(&state, &actor, network_id, project_id, language(&headers)).await?).into_response())
}

/// Archives the project (coordinators only); `POST …/restore` undoes it.
#[utoipa::path(
    delete, path = "/networks/{networkId}/projects/{projectId}", tag = "portfolio", operation_id = "archiveProject",
    params(("networkId" = i64, Path, description = "Id of the network"), ("projectId" = i64, Path, description = "Id of the project")),
    responses(
        (status = 204, description = "Archived"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn archive_project(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, project_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.set_project_archived(&actor, network_id, project_id, true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Restores an archived project (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/projects/{projectId}/restore", tag = "portfolio", operation_id = "restoreProject",
    params(("networkId" = i64, Path, description = "Id of the network"), ("projectId" = i64, Path, description = "Id of the project")),
    responses(
        (status = 200, description = "The restored project", body = ProjectView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn restore_project(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, project_id)): ApiPath<(i64, i64)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    state.service.set_project_archived(&actor, network_id, project_id, false).await?;
    Ok(Json(project_view(&state, &actor, network_id, project_id, language(&headers)).await?).into_response())
}

// ---------------------------------------------------------------------------
// Funding streams
// ---------------------------------------------------------------------------

/// The project's funding streams that are not archived, by start date.
#[utoipa::path(
    get, path = "/networks/{networkId}/projects/{projectId}/funding-streams", tag = "portfolio", operation_id = "listFundingStreams",
    params(("networkId" = i64, Path, description = "Id of the network"), ("projectId" = i64, Path, description = "Id of the project")),
    responses(
        (status = 200, description = "The funding streams", body = FundingStreamList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_funding_streams(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, project_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let d = state.service.project(&actor, network_id, project_id).await?;
    Ok(Json(FundingStreamList { items: d.streams }).into_response())
}

/// Adds a funding stream to the project (coordinators only). Amounts are
/// euros as text (`"12500"`, `"1.250,50"`) or a whole number of euros.
#[utoipa::path(
    post, path = "/networks/{networkId}/projects/{projectId}/funding-streams", tag = "portfolio", operation_id = "createFundingStream",
    params(("networkId" = i64, Path, description = "Id of the network"), ("projectId" = i64, Path, description = "Id of the project")),
    request_body = FundingStreamForm,
    responses(
        (status = 201, description = "Created", body = FundingStream, headers(("Location" = String, description = "Path of the new funding stream"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_funding_stream(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, project_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<FundingStreamForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_funding_stream(&actor, network_id, project_id, None, &form).await?;
    let stream = stream_of(&state, &actor, network_id, id).await?;
    let location = format!("/api/v1/networks/{network_id}/funding-streams/{id}");
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(stream)).into_response())
}

/// One funding stream that is not archived.
#[utoipa::path(
    get, path = "/networks/{networkId}/funding-streams/{streamId}", tag = "portfolio", operation_id = "getFundingStream",
    params(("networkId" = i64, Path, description = "Id of the network"), ("streamId" = i64, Path, description = "Id of the funding stream")),
    responses(
        (status = 200, description = "The funding stream", body = FundingStream),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such funding stream in this network, or it is archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_funding_stream(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, stream_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(stream_of(&state, &actor, network_id, stream_id).await?).into_response())
}

/// Replaces the funding stream (coordinators only).
#[utoipa::path(
    put, path = "/networks/{networkId}/funding-streams/{streamId}", tag = "portfolio", operation_id = "updateFundingStream",
    params(("networkId" = i64, Path, description = "Id of the network"), ("streamId" = i64, Path, description = "Id of the funding stream")),
    request_body = FundingStreamForm,
    responses(
        (status = 200, description = "The changed funding stream", body = FundingStream),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such funding stream in this network, or it is archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_funding_stream(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, stream_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<FundingStreamForm>,
) -> Result<Response, ApiError> {
    let before = stream_of(&state, &actor, network_id, stream_id).await?;
    state.service.save_funding_stream(&actor, network_id, before.project_id, Some(stream_id), &form).await?;
    Ok(Json(stream_of(&state, &actor, network_id, stream_id).await?).into_response())
}

/// Archives the funding stream (coordinators only): it no longer counts in
/// the funding cliff and the structural share.
#[utoipa::path(
    delete, path = "/networks/{networkId}/funding-streams/{streamId}", tag = "portfolio", operation_id = "archiveFundingStream",
    params(("networkId" = i64, Path, description = "Id of the network"), ("streamId" = i64, Path, description = "Id of the funding stream")),
    responses(
        (status = 204, description = "Archived"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such funding stream in this network, or it is archived already", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn archive_funding_stream(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, stream_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.set_funding_stream_archived(&actor, network_id, stream_id, true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ---------------------------------------------------------------------------
// Coherence, funding cliff, structural share
// ---------------------------------------------------------------------------

/// The coherence findings: projects without goal, lead or owner, likely
/// duplicates, overloaded partners, agreements past their evaluation date,
/// goals no project serves.
#[utoipa::path(
    get, path = "/networks/{networkId}/findings", tag = "portfolio", operation_id = "listFindings",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("Accept-Language" = Option<String>, Header, description = "`nl` or `en` for the sentences (default English)"),
    ),
    responses(
        (status = 200, description = "The findings", body = FindingList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_findings(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = language(&headers);
    let (o, names) = overview_with_names(&state, &actor, network_id).await?;
    let counts =
        crate::pages::findings::counts(&o.findings).into_iter().map(|(k, _, n)| KindCount { kind: k.to_string(), count: n }).collect();
    let items = o.findings.iter().map(|f| finding_view(lang, network_id, f, &names)).collect();
    Ok(Json(FindingList { items, counts }).into_response())
}

/// Projects whose funding ends within the horizon without follow-up funding.
#[utoipa::path(
    get, path = "/networks/{networkId}/funding-cliffs", tag = "portfolio", operation_id = "listFundingCliffs",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("Accept-Language" = Option<String>, Header, description = "`nl` or `en` for the sentences (default English)"),
    ),
    responses(
        (status = 200, description = "The funding cliffs, soonest first", body = CliffList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_funding_cliffs(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = language(&headers);
    let (o, names) = overview_with_names(&state, &actor, network_id).await?;
    let items = o.cliffs.iter().map(|c| cliff_view(lang, network_id, c, &names)).collect();
    Ok(Json(CliffList { horizon_months: o.settings.cliff_horizon_months, items }).into_response())
}

/// Structural and one-off money per calendar year, from the first year with
/// money (at most five years back) to two years ahead.
#[utoipa::path(
    get, path = "/networks/{networkId}/funding-share", tag = "portfolio", operation_id = "getFundingShare",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The share per year", body = YearShareList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_funding_share(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let o = state.service.portfolio_overview(&actor, network_id).await?;
    let items = o
        .shares
        .into_iter()
        .map(|s| YearShareView {
            year: s.year,
            structural_cents: s.structural_cents,
            one_off_cents: s.one_off_cents,
            structural_percent: s.structural_percent,
        })
        .collect();
    Ok(Json(YearShareList { items }).into_response())
}

// ---------------------------------------------------------------------------
// Phase checklist and settings
// ---------------------------------------------------------------------------

/// The phase checklist with progress per phase and the network's current phase.
#[utoipa::path(
    get, path = "/networks/{networkId}/checklist", tag = "portfolio", operation_id = "getChecklist",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("Accept-Language" = Option<String>, Header, description = "`nl` or `en` for the block labels (default English)"),
    ),
    responses(
        (status = 200, description = "The checklist", body = ChecklistResponse),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_checklist(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(Json(checklist_response(&state, &actor, network_id, language(&headers)).await?).into_response())
}

/// Sets one building block's status, owner, evidence and note (coordinators
/// only). Evidence items are `agreement:12`, `meeting:4`, `project:7` or a
/// document's `https://` address.
#[utoipa::path(
    put, path = "/networks/{networkId}/checklist/{block}", tag = "portfolio", operation_id = "updateChecklistItem",
    params(("networkId" = i64, Path, description = "Id of the network"), ("block" = BuildingBlock, Path, description = "The building block")),
    request_body = ChecklistItemForm,
    responses(
        (status = 200, description = "The whole checklist after the change", body = ChecklistResponse),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network or building block, or the caller has no role in the network", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_checklist_item(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, block)): ApiPath<(i64, String)>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<ChecklistItemForm>,
) -> Result<Response, ApiError> {
    let block = BuildingBlock::parse(&block).ok_or(ApiError::NotFound)?;
    state.service.save_checklist_item(&actor, network_id, block, &form).await?;
    Ok(Json(checklist_response(&state, &actor, network_id, language(&headers)).await?).into_response())
}

/// The settings of the portfolio checks.
#[utoipa::path(
    get, path = "/networks/{networkId}/portfolio-settings", tag = "portfolio", operation_id = "getPortfolioSettings",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The settings", body = PortfolioSettings),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_portfolio_settings(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.portfolio_settings(&actor, network_id).await?).into_response())
}

/// Replaces the settings (coordinators only): the most active projects per
/// partner (1–50) and the funding-cliff horizon in months (1–36).
#[utoipa::path(
    put, path = "/networks/{networkId}/portfolio-settings", tag = "portfolio", operation_id = "updatePortfolioSettings",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = PortfolioSettingsForm,
    responses(
        (status = 200, description = "The settings as stored", body = PortfolioSettings),
        (status = 400, description = "Invalid settings; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_portfolio_settings(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    ApiJson(form): ApiJson<PortfolioSettingsForm>,
) -> Result<Response, ApiError> {
    let saved: PortfolioSettings = state.service.save_portfolio_settings(&actor, network_id, &form).await?;
    Ok(Json(saved).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_follows_accept_language_and_defaults_to_english() {
        let mut h = HeaderMap::new();
        assert_eq!(language(&h), Language::En);
        h.insert(header::ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9,en;q=0.8".parse().unwrap());
        assert_eq!(language(&h), Language::Nl);
    }
}
