//! A party's commitment under an agreement: add, change, and remove (the
//! deliveries already reported stay on record).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::portfolio::CommitmentForm;
use verband_domain::ValidationErrors;
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::pages::agreements::{base, name_of, partner_names};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

const COMMITMENT_LABELS: &[(&str, &str)] = &[
    ("organisationId", "commitment-party"),
    ("role", "commitment-role"),
    ("tasks", "commitment-tasks"),
    ("hoursPerMonth", "commitment-hours-per-month"),
    ("money", "commitment-money"),
    ("inKind", "commitment-in-kind"),
];

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    agreement_id: i64,
    id: Option<i64>,
    form: &CommitmentForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let detail = state.service.agreement(&actor, network_id, agreement_id).await?;
    let names = partner_names(state, v, network_id).await?;
    let parties: Vec<(String, String)> = detail.agreement.party_ids.iter().map(|p| (p.to_string(), name_of(v, &names, *p))).collect();
    let agreement_path = format!("{}/{agreement_id}", base(network_id));
    let (title, action) = match id {
        Some(id) => (v.t("commitments-edit"), format!("{agreement_path}/toezeggingen/{id}/bewerken")),
        None => (v.t("commitments-add"), format!("{agreement_path}/toezeggingen/nieuw")),
    };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" {
            a href=(base(network_id)) { (v.t("agreements-title")) } " › " a href=(agreement_path) { (detail.agreement.title) }
        }
        h1 { (title) }
        p class="lead" { (v.t("commitments-form-intro")) }
        (f.summary(COMMITMENT_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.select("organisationId", "commitment-party", &form.organisation_id, &parties, Opts::required()))
            (f.text("role", "commitment-role", &form.role, Opts { hint: Some("commitment-role-hint"), ..Default::default() }))
            (f.textarea("tasks", "commitment-tasks", &form.tasks, Opts::default()))
            (f.text("hoursPerMonth", "commitment-hours-per-month", &form.hours_per_month, Opts { hint: Some("commitment-hours-hint"), inputmode: Some("decimal"), ..Default::default() }))
            (f.text("money", "commitment-money", &form.money, Opts { hint: Some("commitment-money-hint"), inputmode: Some("decimal"), ..Default::default() }))
            (f.textarea("inKind", "commitment-in-kind", &form.in_kind, Opts { hint: Some("commitment-in-kind-hint"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href={ (agreement_path) "#commitments-title" } { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "agreements"), body))
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, agreement_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    form_page(&state, &v, network_id, agreement_id, None, &CommitmentForm::default(), &ValidationErrors::default()).await
}

/// The commitment, provided it belongs to this agreement.
async fn find(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    agreement_id: i64,
    id: i64,
) -> Result<verband_domain::portfolio::Commitment, WebError> {
    let c = state.service.commitment(&v.actor()?, network_id, id).await?;
    if c.agreement_id != agreement_id {
        return Err(WebError::NotFound);
    }
    Ok(c)
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, agreement_id, id)): Path<(i64, i64, i64)>,
) -> Result<Markup, WebError> {
    let c = find(&state, &v, network_id, agreement_id, id).await?;
    form_page(&state, &v, network_id, agreement_id, Some(id), &c.to_form(), &ValidationErrors::default()).await
}

async fn save(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    agreement_id: i64,
    id: Option<i64>,
    form: &CommitmentForm,
) -> Result<Response, WebError> {
    match state.service.save_commitment(&v.actor()?, network_id, agreement_id, id, form).await {
        Ok(saved) => {
            let done = if id.is_some() { "saved" } else { "created" };
            Ok(Redirect::to(&format!("{}/{agreement_id}?done={done}#c{saved}-title", base(network_id))).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, form_page(state, v, network_id, agreement_id, id, form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, agreement_id)): Path<(i64, i64)>,
    Form(form): Form<CommitmentForm>,
) -> Result<Response, WebError> {
    save(&state, &v, network_id, agreement_id, None, &form).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, agreement_id, id)): Path<(i64, i64, i64)>,
    Form(form): Form<CommitmentForm>,
) -> Result<Response, WebError> {
    save(&state, &v, network_id, agreement_id, Some(id), &form).await
}

/// Asks before taking a commitment out of the agreement.
pub async fn confirm_remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, agreement_id, id)): Path<(i64, i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let c = find(&state, &v, network_id, agreement_id, id).await?;
    let names = partner_names(&state, &v, network_id).await?;
    let agreement_path = format!("{}/{agreement_id}", base(network_id));
    let title = v.t("commitments-remove-title");
    let who = name_of(&v, &names, c.organisation_id);
    let body = html! {
        p class="breadcrumb" { a href=(agreement_path) { (v.t("agreement-back")) } }
        h1 { (title) }
        p { (v.ta("commitments-remove-question", &[("partner", who.into()), ("role", c.role.clone().unwrap_or_default().into())])) }
        p { (v.t("commitments-remove-explain")) }
        form method="post" action={ (agreement_path) "/toezeggingen/" (id) "/verwijderen" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("commitment-remove")) }
            a href=(agreement_path) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "agreements"), body))
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, agreement_id, id)): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    find(&state, &v, network_id, agreement_id, id).await?;
    state.service.set_commitment_removed(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("{}/{agreement_id}?done=deleted#commitments-title", base(network_id))).into_response())
}
