//! The network's own details: name, region, inhabitants, domains, governance,
//! phase and start date. Coordinators keep them.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::{NetworkForm, Phase, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// The network's details as form fields: the edit page and the administrator's "new network".
pub(crate) fn network_fields(v: &Visitor, f: &Fields, form: &NetworkForm) -> Markup {
    let phases = code_options(v, Phase::ALL, Phase::code, Phase::label_key);
    html! {
        (f.text("name", "network-name", &form.name, Opts::required()))
        (f.text("region", "network-region", &form.region, Opts::default()))
        (f.text("inhabitants", "network-inhabitants", &form.inhabitants, Opts { inputmode: Some("numeric"), ..Default::default() }))
        (f.text("domains", "network-domains", &form.domains, Opts { hint: Some("network-domains-hint"), ..Default::default() }))
        (f.textarea("governance", "network-governance", &form.governance, Opts { hint: Some("network-governance-hint"), ..Default::default() }))
        (f.select("phase", "dashboard-phase", &form.phase, &phases, Opts::required()))
        (f.text("startDate", "network-start", &form.start_date, Opts { kind: Some("date"), ..Default::default() }))
    }
}

pub(crate) const FIELD_LABELS: &[(&str, &str)] = &[
    ("name", "network-name"),
    ("region", "network-region"),
    ("inhabitants", "network-inhabitants"),
    ("domains", "network-domains"),
    ("governance", "network-governance"),
    ("phase", "dashboard-phase"),
    ("startDate", "network-start"),
];

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    form: Option<&NetworkForm>,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let current = NetworkForm {
        name: network.name.clone(),
        region: network.region.clone().unwrap_or_default(),
        inhabitants: network.inhabitants.map(|i| i.to_string()).unwrap_or_default(),
        domains: network.domains.join(", "),
        governance: network.governance.clone().unwrap_or_default(),
        phase: network.phase.code().to_string(),
        start_date: network.start_date.map(|d| d.to_string()).unwrap_or_default(),
    };
    let form = form.unwrap_or(&current);
    let f = Fields::new(v, errors);
    let action = format!("/netwerken/{network_id}/gegevens");
    let title = v.t("network-edit");
    let body = html! {
        p class="breadcrumb" { a href={ "/netwerken/" (network_id) } { (network.name) } }
        h1 { (title) }
        (f.summary(FIELD_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (network_fields(v, &f, form))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href={ "/netwerken/" (network_id) } { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "dashboard"), body))
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Markup, WebError> {
    form_page(&state, &v, network_id, None, &ValidationErrors::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<NetworkForm>,
) -> Result<Response, WebError> {
    match state.service.update_network(&v.actor()?, network_id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/netwerken/{network_id}?done=saved")).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, form_page(&state, &v, network_id, Some(&form), &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
