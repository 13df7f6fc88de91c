//! What each partner wants to get out of the network, linked to the goals it
//! touches. Making interests explicit is step one of working in a network.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::{InterestForm, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{flash, page, PageMeta};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

const FIELD_LABELS: &[(&str, &str)] =
    &[("organisationId", "interest-partner"), ("description", "interest-description"), ("goalIds", "interest-goals")];

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let interests = state.service.interests(&actor, network_id, None).await?;
    let goals = state.service.goals(&actor, network_id).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let base = format!("/netwerken/{network_id}");
    let without: Vec<&(i64, String)> = partners.iter().filter(|(id, _)| !interests.iter().any(|i| i.organisation_id == *id)).collect();
    let title = v.t("interests-title");
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            @if role.may_edit_records() { a class="button primary" href={ (base) "/belangen/nieuw" } { (v.t("interests-add")) } }
        }
        (flash(&v, q.done.as_deref()))
        p class="lead" { (v.t("interests-intro")) }
        @if interests.is_empty() {
            div class="empty" { p { (v.t("interests-empty")) } }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (title) }
                thead { tr {
                    th scope="col" { (v.t("interest-partner")) }
                    th scope="col" { (v.t("interest-description")) }
                    th scope="col" { (v.t("interest-goals")) }
                    @if role.may_edit_records() { th scope="col" { span class="visually-hidden" { (v.t("actions")) } } }
                } }
                tbody {
                    @for i in &interests {
                        tr {
                            td { a href={ (base) "/partners/" (i.organisation_id) } { (i.organisation_name) } }
                            td { (i.description) }
                            td {
                                @let names: Vec<&str> = i.goal_ids.iter().filter_map(|g| goals.iter().find(|x| x.id == *g)).map(|g| g.title.as_str()).collect();
                                @if names.is_empty() { span class="muted" { (v.t("interest-no-goal")) } } @else { (names.join("; ")) }
                            }
                            @if role.may_edit_records() {
                                td class="row-actions" {
                                    a href={ (base) "/belangen/" (i.id) } { (v.t("edit")) span class="visually-hidden" { ": " (i.organisation_name) } }
                                    " "
                                    a href={ (base) "/belangen/" (i.id) "/verwijderen" } { (v.t("delete")) span class="visually-hidden" { ": " (i.organisation_name) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !without.is_empty() && !partners.is_empty() {
            section aria-labelledby="without-title" class="panel" {
                h2 id="without-title" { (v.t("interests-missing")) }
                p { (v.ta("interests-missing-text", &[("count", without.len().into())])) }
                ul class="inline-list" { @for (id, name) in &without { li { a href={ (base) "/partners/" (id) } { (name) } } } }
            }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "interests"), body))
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &InterestForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let partners: Vec<(String, String)> =
        state.service.partner_choices(&actor, network_id).await?.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    let goals: Vec<(String, String)> =
        state.service.goals(&actor, network_id).await?.into_iter().filter(|g| !g.archived).map(|g| (g.id.to_string(), g.title)).collect();
    let base = format!("/netwerken/{network_id}/belangen");
    let (title, action) = match id {
        Some(id) => (v.t("interests-edit"), format!("{base}/{id}")),
        None => (v.t("interests-add"), format!("{base}/nieuw")),
    };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("interests-title")) } }
        h1 { (title) }
        (f.summary(FIELD_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.select("organisationId", "interest-partner", &form.organisation_id, &partners, Opts::required()))
            (f.textarea("description", "interest-description", &form.description, Opts { hint: Some("interest-description-hint"), ..Opts::required() }))
            (f.checkboxes("goalIds", "interest-goals", &form.goal_ids, &goals))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(base) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "interests"), body))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewInterestQuery {
    organisation: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<NewInterestQuery>,
) -> Result<Markup, WebError> {
    let form = InterestForm { organisation_id: q.organisation, ..Default::default() };
    form_page(&state, &v, network_id, None, &form, &ValidationErrors::default()).await
}

async fn find(state: &AppState, v: &Visitor, network_id: i64, id: i64) -> Result<verband_domain::Interest, WebError> {
    let all = state.service.interests(&v.actor()?, network_id, None).await?;
    all.into_iter().find(|i| i.id == id).ok_or(WebError::NotFound)
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let i = find(&state, &v, network_id, id).await?;
    let form = InterestForm {
        organisation_id: i.organisation_id.to_string(),
        description: i.description.clone(),
        goal_ids: i.goal_ids.iter().map(i64::to_string).collect(),
    };
    form_page(&state, &v, network_id, Some(id), &form, &ValidationErrors::default()).await
}

async fn save(state: AppState, v: Visitor, network_id: i64, id: Option<i64>, form: InterestForm) -> Result<Response, WebError> {
    match state.service.save_interest(&v.actor()?, network_id, id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/netwerken/{network_id}/belangen?done={}", if id.is_some() { "saved" } else { "created" }))
            .into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, form_page(&state, &v, network_id, id, &form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<InterestForm>,
) -> Result<Response, WebError> {
    save(state, v, network_id, None, form).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<InterestForm>,
) -> Result<Response, WebError> {
    save(state, v, network_id, Some(id), form).await
}

/// Deleting cannot be undone, so it asks first.
pub async fn confirm_delete(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let i = find(&state, &v, network_id, id).await?;
    let base = format!("/netwerken/{network_id}/belangen");
    let title = v.t("interests-delete-title");
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("interests-title")) } }
        h1 { (title) }
        p { (v.ta("interests-delete-question", &[("partner", i.organisation_name.clone().into())])) }
        blockquote { p { (i.description) } }
        form method="post" action={ (base) "/" (id) "/verwijderen" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("delete")) }
            a href=(base) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "interests"), body))
}

pub async fn delete(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.delete_interest(&v.actor()?, network_id, id).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/belangen?done=deleted")).into_response())
}
