//! The shared ambition and its measurable goals. Coordinators and the
//! steering group may write them; everyone in the network reads them.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::{AmbitionForm, GoalForm, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

const GOAL_LABELS: &[(&str, &str)] = &[
    ("title", "goal-title"),
    ("indicator", "goal-indicator"),
    ("baseline", "goal-baseline"),
    ("target", "goal-target"),
    ("targetDate", "goal-date"),
];

async fn ambition_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    form: Option<&AmbitionForm>,
    errors: &ValidationErrors,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let goals = state.service.goals(&actor, network_id).await?;
    let base = format!("/netwerken/{network_id}/ambitie");
    let statement = form.map(|f| f.statement.clone()).or_else(|| network.ambition.clone()).unwrap_or_default();
    let f = Fields::new(v, errors);
    let title = v.t("ambition-title");
    let body = html! {
        h1 { (title) }
        (flash(v, done))
        section aria-labelledby="statement-title" class="panel" {
            h2 id="statement-title" { (v.t("ambition-statement")) }
            @if role.may_edit_ambition() {
                (f.summary(&[("statement", "ambition-statement")]))
                form method="post" action=(base) class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (f.textarea("statement", "ambition-statement", &statement, Opts { hint: Some("ambition-hint"), ..Opts::required() }))
                    div class="form-actions" { button type="submit" class="button primary" { (v.t("save")) } }
                }
            } @else {
                @match &network.ambition {
                    Some(a) => blockquote class="ambition" { p { (a) } },
                    None => p class="empty" { (v.t("ambition-empty")) },
                }
            }
        }
        section aria-labelledby="goals-title" class="panel" {
            div class="page-head" {
                h2 id="goals-title" { (v.t("goals-title")) }
                @if role.may_edit_ambition() { a class="button" href={ (base) "/doelen/nieuw" } { (v.t("goals-add")) } }
            }
            @if goals.is_empty() {
                p class="empty" { (v.t("goals-empty")) }
            } @else {
                table class="data" {
                    caption class="visually-hidden" { (v.t("goals-title")) }
                    thead { tr {
                        th scope="col" { (v.t("goal-title")) }
                        th scope="col" { (v.t("goal-indicator")) }
                        th scope="col" { (v.t("goal-baseline")) }
                        th scope="col" { (v.t("goal-target")) }
                        th scope="col" { (v.t("goal-date")) }
                    } }
                    tbody {
                        @for g in &goals {
                            tr id={ "doel-" (g.id) } {
                                td {
                                    @if role.may_edit_ambition() { a href={ (base) "/doelen/" (g.id) } { (g.title) } } @else { (g.title) }
                                    @if g.archived { " " span class="badge muted" { (v.t("archived")) } }
                                }
                                td { (g.indicator) }
                                td { (g.baseline.as_deref().unwrap_or("—")) }
                                td { (g.target) }
                                td { (date(v, g.target_date)) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "ambition"), body))
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    ambition_page(&state, &v, network_id, None, &ValidationErrors::default(), q.done.as_deref()).await
}

pub async fn save_statement(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<AmbitionForm>,
) -> Result<Response, WebError> {
    match state.service.set_ambition(&v.actor()?, network_id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/netwerken/{network_id}/ambitie?done=saved")).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, ambition_page(&state, &v, network_id, Some(&form), &errors, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn goal_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &GoalForm,
    errors: &ValidationErrors,
    archived: bool,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_ambition() {
        return Err(WebError::Forbidden);
    }
    let base = format!("/netwerken/{network_id}/ambitie");
    let (title, action) = match id {
        Some(id) => (v.t("goals-edit"), format!("{base}/doelen/{id}")),
        None => (v.t("goals-add"), format!("{base}/doelen/nieuw")),
    };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("ambition-title")) } }
        h1 { (title) }
        (f.summary(GOAL_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.text("title", "goal-title", &form.title, Opts::required()))
            (f.text("indicator", "goal-indicator", &form.indicator, Opts { hint: Some("goal-indicator-hint"), ..Opts::required() }))
            (f.text("baseline", "goal-baseline", &form.baseline, Opts::default()))
            (f.text("target", "goal-target", &form.target, Opts::required()))
            (f.text("targetDate", "goal-date", &form.target_date, Opts { kind: Some("date"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(base) { (v.t("cancel")) }
            }
        }
        @if let Some(id) = id {
            @let (verb, key) = if archived { ("terugzetten", "restore") } else { ("archiveren", "archive") };
            form method="post" action={ (base) "/doelen/" (id) "/" (verb) } class="danger-zone" {
                input type="hidden" name="csrf" value=(v.csrf);
                p { (v.t(if archived { "goal-archived-note" } else { "goal-archive-note" })) }
                button type="submit" class="button secondary" { (v.t(key)) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "ambition"), body))
}

pub async fn new_goal(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Markup, WebError> {
    goal_page(&state, &v, network_id, None, &GoalForm::default(), &ValidationErrors::default(), false).await
}

pub async fn edit_goal(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let g = state.service.goal(&v.actor()?, network_id, id).await?;
    goal_page(&state, &v, network_id, Some(id), &g.to_form(), &ValidationErrors::default(), g.archived).await
}

async fn save_goal(state: AppState, v: Visitor, network_id: i64, id: Option<i64>, form: GoalForm) -> Result<Response, WebError> {
    match state.service.save_goal(&v.actor()?, network_id, id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/netwerken/{network_id}/ambitie?done={}", if id.is_some() { "saved" } else { "created" }))
            .into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, goal_page(&state, &v, network_id, id, &form, &errors, false).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create_goal(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<GoalForm>,
) -> Result<Response, WebError> {
    save_goal(state, v, network_id, None, form).await
}

pub async fn update_goal(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<GoalForm>,
) -> Result<Response, WebError> {
    save_goal(state, v, network_id, Some(id), form).await
}

pub async fn archive_goal(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_goal_archived(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/ambitie?done=archived")).into_response())
}

pub async fn restore_goal(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_goal_archived(&v.actor()?, network_id, id, false).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/ambitie?done=restored")).into_response())
}
