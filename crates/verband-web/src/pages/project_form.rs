//! The forms of the portfolio: a project (new and edit) and a funding stream
//! of a project (new, edit, archive with a question first).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::portfolio::{FundingStreamForm, ProjectForm};
use verband_domain::{FundingKind, FundingSource, ProjectStatus, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{date, page, PageMeta};
use crate::pages::nav;
use crate::pages::projects::{base, money, money_input};
use crate::visitor::Visitor;
use crate::AppState;

const PROJECT_LABELS: &[(&str, &str)] = &[
    ("title", "project-title"),
    ("description", "project-description"),
    ("goalIds", "project-goals"),
    ("leadOrganisationId", "project-lead"),
    ("ownerPersonId", "project-owner"),
    ("partnerIds", "project-partners"),
    ("status", "project-status"),
    ("statusChangedOn", "project-status-since"),
    ("budget", "project-budget"),
    ("results", "project-results"),
    ("sustainabilityPlan", "project-sustainability"),
];

const STREAM_LABELS: &[(&str, &str)] = &[
    ("source", "funding-source"),
    ("funder", "funding-funder"),
    ("amount", "funding-amount"),
    ("startsOn", "funding-starts"),
    ("endsOn", "funding-ends"),
    ("kind", "funding-kind"),
    ("paysFor", "funding-pays-for"),
];

async fn project_form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &ProjectForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let goals: Vec<(String, String)> = state
        .service
        .goals(&actor, network_id)
        .await?
        .into_iter()
        .filter(|g| !g.archived || form.goal_ids.contains(&g.id.to_string()))
        .map(|g| (g.id.to_string(), g.title))
        .collect();
    let partners: Vec<(String, String)> =
        state.service.partner_choices(&actor, network_id).await?.into_iter().map(|(id, n)| (id.to_string(), n)).collect();
    let persons: Vec<(String, String)> = state
        .service
        .person_choices(&actor, network_id)
        .await?
        .into_iter()
        .map(|(id, name, email)| (id.to_string(), email.map(|e| format!("{name} ({e})")).unwrap_or(name)))
        .collect();
    let statuses = code_options(v, ProjectStatus::ALL, ProjectStatus::code, ProjectStatus::label_key);
    let path = base(network_id);
    let (title, action, cancel) = match id {
        Some(id) => (v.t("projects-edit"), format!("{path}/{id}/bewerken"), format!("{path}/{id}")),
        None => (v.t("projects-add"), format!("{path}/nieuw"), path.clone()),
    };
    let status = if form.status.is_empty() { "idea" } else { form.status.as_str() };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" { a href=(path) { (v.t("projects-title")) } }
        h1 { (title) }
        (f.summary(PROJECT_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.text("title", "project-title", &form.title, Opts::required()))
            (f.textarea("description", "project-description", &form.description, Opts { hint: Some("project-description-hint"), ..Default::default() }))
            (f.checkboxes("goalIds", "project-goals", &form.goal_ids, &goals))
            (f.select("leadOrganisationId", "project-lead", &form.lead_organisation_id, &partners, Opts { hint: Some("project-lead-hint"), ..Default::default() }))
            (f.select("ownerPersonId", "project-owner", &form.owner_person_id, &persons, Opts { hint: Some("project-owner-hint"), ..Default::default() }))
            (f.checkboxes("partnerIds", "project-partners", &form.partner_ids, &partners))
            (f.select("status", "project-status", status, &statuses, Opts::required()))
            (f.text("statusChangedOn", "project-status-since", &form.status_changed_on, Opts { kind: Some("date"), hint: Some("project-status-since-hint"), ..Default::default() }))
            (f.text("budget", "project-budget", &form.budget, Opts { inputmode: Some("decimal"), hint: Some("money-hint"), ..Default::default() }))
            (f.textarea("results", "project-results", &form.results, Opts::default()))
            (f.textarea("sustainabilityPlan", "project-sustainability", &form.sustainability_plan, Opts { hint: Some("project-sustainability-hint"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(cancel) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "projects"), body))
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Markup, WebError> {
    project_form_page(&state, &v, network_id, None, &ProjectForm::default(), &ValidationErrors::default()).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let d = state.service.project(&v.actor()?, network_id, id).await?;
    let mut form = d.project.to_form();
    // Left empty, the status keeps its date; a new status gets today.
    form.status_changed_on = String::new();
    form.budget = d.project.budget_cents.map(|c| money_input(v.lang, c)).unwrap_or_default();
    project_form_page(&state, &v, network_id, Some(id), &form, &ValidationErrors::default()).await
}

async fn save_project(state: AppState, v: Visitor, network_id: i64, id: Option<i64>, form: ProjectForm) -> Result<Response, WebError> {
    match state.service.save_project(&v.actor()?, network_id, id, &form).await {
        Ok(pid) => {
            let done = if id.is_some() { "saved" } else { "created" };
            Ok(Redirect::to(&format!("{}/{pid}?done={done}", base(network_id))).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, project_form_page(&state, &v, network_id, id, &form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<ProjectForm>,
) -> Result<Response, WebError> {
    save_project(state, v, network_id, None, form).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<ProjectForm>,
) -> Result<Response, WebError> {
    save_project(state, v, network_id, Some(id), form).await
}

// ---------------------------------------------------------------- funding streams

async fn stream_form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    project_id: i64,
    stream_id: Option<i64>,
    form: &FundingStreamForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let d = state.service.project(&actor, network_id, project_id).await?;
    let sources = code_options(v, FundingSource::ALL, FundingSource::code, FundingSource::label_key);
    let kinds = code_options(v, FundingKind::ALL, FundingKind::code, FundingKind::label_key);
    let project_path = format!("{}/{project_id}", base(network_id));
    let (title, action) = match stream_id {
        Some(sid) => (v.t("funding-edit"), format!("{project_path}/financiering/{sid}")),
        None => (v.t("funding-add"), format!("{project_path}/financiering/nieuw")),
    };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("projects-title")) } " › " a href=(project_path) { (d.project.title) } }
        h1 { (title) }
        p class="lead" { (v.ta("funding-for-project", &[("project", d.project.title.clone().into())])) }
        (f.summary(STREAM_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.select("source", "funding-source", &form.source, &sources, Opts::required()))
            (f.text("funder", "funding-funder", &form.funder, Opts { hint: Some("funding-funder-hint"), ..Default::default() }))
            (f.text("amount", "funding-amount", &form.amount, Opts { inputmode: Some("decimal"), hint: Some("money-hint"), ..Opts::required() }))
            (f.select("kind", "funding-kind", &form.kind, &kinds, Opts { hint: Some("funding-kind-hint"), ..Opts::required() }))
            (f.text("startsOn", "funding-starts", &form.starts_on, Opts { kind: Some("date"), ..Default::default() }))
            (f.text("endsOn", "funding-ends", &form.ends_on, Opts { kind: Some("date"), hint: Some("funding-ends-hint"), ..Default::default() }))
            (f.textarea("paysFor", "funding-pays-for", &form.pays_for, Opts::default()))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(project_path) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "projects"), body))
}

pub async fn new_stream(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, project_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    stream_form_page(&state, &v, network_id, project_id, None, &FundingStreamForm::default(), &ValidationErrors::default()).await
}

async fn find_stream(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    project_id: i64,
    stream_id: i64,
) -> Result<verband_domain::portfolio::FundingStream, WebError> {
    let streams = state.service.funding_streams(&v.actor()?, network_id, Some(project_id)).await?;
    streams.into_iter().find(|s| s.id == stream_id).ok_or(WebError::NotFound)
}

pub async fn edit_stream(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, project_id, stream_id)): Path<(i64, i64, i64)>,
) -> Result<Markup, WebError> {
    let s = find_stream(&state, &v, network_id, project_id, stream_id).await?;
    let mut form = s.to_form();
    form.amount = money_input(v.lang, s.amount_cents);
    stream_form_page(&state, &v, network_id, project_id, Some(stream_id), &form, &ValidationErrors::default()).await
}

async fn save_stream(
    state: AppState,
    v: Visitor,
    network_id: i64,
    project_id: i64,
    stream_id: Option<i64>,
    form: FundingStreamForm,
) -> Result<Response, WebError> {
    match state.service.save_funding_stream(&v.actor()?, network_id, project_id, stream_id, &form).await {
        Ok(_) => {
            let done = if stream_id.is_some() { "saved" } else { "created" };
            Ok(Redirect::to(&format!("{}/{project_id}?done={done}#funding-title", base(network_id))).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, stream_form_page(&state, &v, network_id, project_id, stream_id, &form, &errors).await?)
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create_stream(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, project_id)): Path<(i64, i64)>,
    Form(form): Form<FundingStreamForm>,
) -> Result<Response, WebError> {
    save_stream(state, v, network_id, project_id, None, form).await
}

pub async fn update_stream(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, project_id, stream_id)): Path<(i64, i64, i64)>,
    Form(form): Form<FundingStreamForm>,
) -> Result<Response, WebError> {
    save_stream(state, v, network_id, project_id, Some(stream_id), form).await
}

/// Archiving a stream changes the funding cliff, so it asks first.
pub async fn confirm_archive_stream(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, project_id, stream_id)): Path<(i64, i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let s = find_stream(&state, &v, network_id, project_id, stream_id).await?;
    let project_path = format!("{}/{project_id}", base(network_id));
    let title = v.t("funding-archive-title");
    let what = format!(
        "{} {} ({} – {})",
        s.funder.clone().unwrap_or_else(|| v.t(&s.source.label_key())),
        money(&v, s.amount_cents),
        date(&v, s.starts_on),
        s.ends_on.map(|d| date(&v, Some(d))).unwrap_or_else(|| v.t("funding-open-ended")),
    );
    let body = html! {
        p class="breadcrumb" { a href=(project_path) { (v.t("funding-title")) } }
        h1 { (title) }
        p { (v.ta("funding-archive-question", &[("stream", what.into())])) }
        form method="post" action={ (project_path) "/financiering/" (stream_id) "/archiveren" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("archive")) }
            a href=(project_path) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "projects"), body))
}

pub async fn archive_stream(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, project_id, stream_id)): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    // The stream must belong to this project, not just to the network.
    find_stream(&state, &v, network_id, project_id, stream_id).await?;
    state.service.set_funding_stream_archived(&v.actor()?, network_id, stream_id, true).await?;
    Ok(Redirect::to(&format!("{}/{project_id}?done=archived#funding-title", base(network_id))).into_response())
}
