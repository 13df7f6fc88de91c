//! The form of a knowledge item, new (in a network) and edit. Everyone with
//! a role in the network adds items; only its coordinator is offered the
//! choice to share one with every network (the service decides either way).
//! A new item can come pre-linked from a project, meeting or round page.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::knowledge::{KnowledgeForm, KnowledgeKind, KnowledgeLinkKind, KnowledgeVisibility};
use verband_domain::{Phase, Sector, ValidationErrors};
use verband_service::knowledge_links::KnowledgeTarget;
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::pages::knowledge_item::{item_path, lab_path, target_label};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

const LABELS: &[(&str, &str)] = &[
    ("kind", "knowledge-kind"),
    ("title", "knowledge-title"),
    ("body", "knowledge-body"),
    ("themes", "knowledge-themes"),
    ("phase", "knowledge-phase"),
    ("sectors", "knowledge-sectors"),
    ("links", "knowledge-links"),
    ("visibility", "knowledge-visibility"),
    ("projectIds", "knowledge-link-kind-project"),
    ("meetingIds", "knowledge-link-kind-meeting"),
    ("roundIds", "knowledge-link-kind-survey_round"),
];

/// The address of the new-item form of a network.
pub(crate) fn new_path(network_id: i64) -> String {
    format!("/netwerken/{network_id}/kennislab/nieuw")
}

/// The record a new item starts linked to, from the page it was added on.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    project: Option<String>,
    meeting: Option<String>,
    round: Option<String>,
}

/// The choices of one kind, as checkbox options. Archived projects and
/// closed rounds only when already chosen: they are history, not news.
fn target_options(v: &Visitor, targets: &[KnowledgeTarget], kind: KnowledgeLinkKind, chosen: &[String]) -> Vec<(String, String)> {
    targets
        .iter()
        .filter(|t| t.kind == kind && (!t.inactive || chosen.contains(&t.id.to_string())))
        .map(|t| (t.id.to_string(), target_label(v, t)))
        .collect()
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &KnowledgeForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let targets = state.service.knowledge_link_choices(&actor, network_id).await?;
    let kinds = code_options(v, KnowledgeKind::ALL, KnowledgeKind::code, KnowledgeKind::label_key);
    let phases = code_options(v, Phase::ALL, Phase::code, Phase::label_key);
    let sectors = code_options(v, Sector::ALL, Sector::code, Sector::label_key);
    // Sharing is the coordinator's call; an item someone else already shared stays offered as it is.
    let visibilities: Vec<(String, String)> = KnowledgeVisibility::ALL
        .iter()
        .filter(|vis| **vis == KnowledgeVisibility::Network || role.may_edit_records() || form.visibility == vis.code())
        .map(|vis| (vis.code().to_string(), v.t(&vis.label_key())))
        .collect();
    let visibility = if form.visibility.is_empty() { KnowledgeVisibility::Network.code() } else { form.visibility.as_str() };
    let (title, action, cancel) = match id {
        Some(id) => (v.t("knowledge-edit"), format!("{}/bewerken", item_path(id)), item_path(id)),
        None => (v.t("knowledge-add"), new_path(network_id), lab_path(network_id)),
    };
    let f = Fields::new(v, errors);
    let project_options = target_options(v, &targets, KnowledgeLinkKind::Project, &form.project_ids);
    let meeting_options = target_options(v, &targets, KnowledgeLinkKind::Meeting, &form.meeting_ids);
    let round_options = target_options(v, &targets, KnowledgeLinkKind::SurveyRound, &form.round_ids);
    let body = html! {
        p class="breadcrumb" { a href=(lab_path(network_id)) { (v.t("knowledge-lab")) } }
        h1 { (title) }
        p class="lead" { (v.t("knowledge-form-intro")) }
        (f.summary(LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.select("kind", "knowledge-kind", &form.kind, &kinds, Opts::required()))
            (f.text("title", "knowledge-title", &form.title, Opts::required()))
            (f.textarea("body", "knowledge-body", &form.body, Opts { hint: Some("knowledge-body-hint"), ..Default::default() }))
            (f.text("themes", "knowledge-themes", &form.themes, Opts { hint: Some("knowledge-themes-hint"), ..Default::default() }))
            (f.select("phase", "knowledge-phase", &form.phase, &phases, Opts::default()))
            (f.checkboxes("sectors", "knowledge-sectors", &form.sectors, &sectors))
            (f.textarea("links", "knowledge-links", &form.links, Opts { hint: Some("knowledge-links-hint"), ..Default::default() }))
            (f.radios("visibility", "knowledge-visibility", visibility, &visibilities, Opts { hint: Some("knowledge-visibility-hint"), ..Opts::required() }))
            h2 { (v.t("knowledge-targets")) }
            p class="hint" { (v.t("knowledge-targets-hint")) }
            (f.checkboxes("projectIds", "knowledge-link-kind-project", &form.project_ids, &project_options))
            (f.checkboxes("meetingIds", "knowledge-link-kind-meeting", &form.meeting_ids, &meeting_options))
            (f.checkboxes("roundIds", "knowledge-link-kind-survey_round", &form.round_ids, &round_options))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(cancel) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "knowledge"), body))
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<NewQuery>,
) -> Result<Markup, WebError> {
    let mut form = KnowledgeForm::default();
    // Only ids go through; the service checks they are this network's when the form is saved.
    let id = |raw: Option<String>| raw.filter(|r| r.trim().parse::<i64>().is_ok()).map(|r| vec![r.trim().to_string()]).unwrap_or_default();
    form.project_ids = id(q.project);
    form.meeting_ids = id(q.meeting);
    form.round_ids = id(q.round);
    form_page(&state, &v, network_id, None, &form, &ValidationErrors::default()).await
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<KnowledgeForm>,
) -> Result<Response, WebError> {
    match state.service.create_knowledge_item(&v.actor()?, network_id, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("{}?done=created", item_path(id))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, form_page(&state, &v, network_id, None, &form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_form(State(state): State<AppState>, Extension(v): Extension<Visitor>, Path(id): Path<i64>) -> Result<Markup, WebError> {
    let (item, form) = state.service.knowledge_item_for_edit(&v.actor()?, id).await?;
    form_page(&state, &v, item.network_id, Some(id), &form, &ValidationErrors::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<i64>,
    Form(form): Form<KnowledgeForm>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    match state.service.update_knowledge_item(&actor, id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("{}?done=saved", item_path(id))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let (item, _) = state.service.knowledge_item_for_edit(&actor, id).await?;
            Ok((StatusCode::BAD_REQUEST, form_page(&state, &v, item.network_id, Some(id), &form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
