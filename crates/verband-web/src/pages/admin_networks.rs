//! The administrator's networks: create one (and invite its first
//! coordinator), archive and restore. A network is never deleted here.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::invitation::{normalise_email, InvitationForm};
use verband_domain::{NetworkForm, ValidationErrors};
use verband_service::{InviteOutcome, ServiceError};

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{flash, page, PageMeta};
use crate::pages::network::{network_fields, FIELD_LABELS};
use crate::visitor::Visitor;
use crate::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DoneOnly {
    done: Option<String>,
}

pub async fn list(State(state): State<AppState>, Extension(v): Extension<Visitor>, Query(q): Query<DoneOnly>) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let networks = state.service.networks_overview(&actor).await?;
    let title = v.t("admin-networks-title");
    let (active, archived): (Vec<_>, Vec<_>) = networks.iter().partition(|n| n.archived_at.is_none());
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            a class="button primary" href="/beheer/netwerken/nieuw" { (v.t("admin-networks-new")) }
        }
        @if q.done.as_deref() == Some("welcome") {
            div class="flash" role="status" { (v.t("admin-networks-welcome")) }
        } @else {
            (flash(&v, q.done.as_deref()))
        }
        @if active.is_empty() {
            div class="empty" {
                p { (v.t("admin-networks-empty")) }
                p { a href="/beheer/netwerken/nieuw" { (v.t("admin-networks-new")) } }
            }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (title) }
                thead { tr {
                    th scope="col" { (v.t("network-name")) }
                    th scope="col" { (v.t("network-region")) }
                    th scope="col" { span class="visually-hidden" { (v.t("actions")) } }
                } }
                tbody {
                    @for n in &active {
                        tr {
                            td { a href={ "/netwerken/" (n.id) } { (n.name) } }
                            td { (n.region.as_deref().unwrap_or("—")) }
                            td class="row-actions" {
                                a href={ "/netwerken/" (n.id) "/toegang" } { (v.t("nav-access")) span class="visually-hidden" { ": " (n.name) } }
                                " "
                                a href={ "/beheer/netwerken/" (n.id) "/archiveren" } { (v.t("archive")) span class="visually-hidden" { ": " (n.name) } }
                            }
                        }
                    }
                }
            }
        }
        @if !archived.is_empty() {
            section aria-labelledby="archived-title" class="panel" {
                h2 id="archived-title" { (v.t("admin-networks-archived")) }
                ul class="plain-list" {
                    @for n in &archived {
                        li {
                            (n.name) " "
                            form method="post" action={ "/beheer/netwerken/" (n.id) "/terugzetten" } class="inline" {
                                input type="hidden" name="csrf" value=(v.csrf);
                                button type="submit" class="button secondary" { (v.t("restore")) span class="visually-hidden" { ": " (n.name) } }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::plain(&title), body))
}

/// A new network's details, and the address of its first coordinator.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NewNetworkForm {
    #[serde(flatten)]
    network: NetworkForm,
    coordinator_email: String,
}

fn new_page(v: &Visitor, form: &NewNetworkForm, errors: &ValidationErrors) -> Markup {
    let title = v.t("admin-networks-new");
    let f = Fields::new(v, errors);
    let mut labels = FIELD_LABELS.to_vec();
    labels.push(("coordinatorEmail", "admin-networks-coordinator"));
    let body = html! {
        p class="breadcrumb" { a href="/beheer/netwerken" { (v.t("admin-networks-title")) } }
        h1 { (title) }
        (f.summary(&labels))
        form method="post" action="/beheer/netwerken/nieuw" class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (network_fields(v, &f, &form.network))
            (f.text("coordinatorEmail", "admin-networks-coordinator", &form.coordinator_email,
                Opts { kind: Some("email"), hint: Some("admin-networks-coordinator-hint"), autocomplete: Some("off"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("admin-networks-create")) }
                a href="/beheer/netwerken" { (v.t("cancel")) }
            }
        }
    };
    page(v, &PageMeta::plain(&title), body)
}

pub async fn new_form(Extension(v): Extension<Visitor>) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    if !actor.is_admin {
        return Err(WebError::Forbidden);
    }
    let form = NewNetworkForm { network: NetworkForm { phase: "build_up".into(), ..Default::default() }, ..Default::default() };
    Ok(new_page(&v, &form, &ValidationErrors::default()))
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(form): Form<NewNetworkForm>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    // The address is checked before anything is written, so that a typo
    // does not leave a network without its coordinator's invitation.
    let coordinator = form.coordinator_email.trim();
    let mut errors = form.network.validate().err().unwrap_or_default();
    if !coordinator.is_empty() && normalise_email(coordinator).is_none() {
        errors.add("coordinatorEmail", "email-invalid");
    }
    if !errors.is_empty() {
        return Ok((StatusCode::BAD_REQUEST, new_page(&v, &form, &errors)).into_response());
    }
    let network_id = match state.service.create_network(&actor, &form.network).await {
        Ok(id) => id,
        Err(ServiceError::Invalid(errors)) => return Ok((StatusCode::BAD_REQUEST, new_page(&v, &form, &errors)).into_response()),
        Err(e) => return Err(e.into()),
    };
    if coordinator.is_empty() {
        return Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?done=created")).into_response());
    }
    let invitation = InvitationForm { emails: coordinator.to_string(), role: "coordinator".into(), organisation_id: String::new() };
    let outcome: InviteOutcome = state.service.invite(&actor, network_id, &invitation).await?;
    let mailed = outcome.sent.iter().all(|s| s.mailed);
    if mailed {
        Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?done=created")).into_response())
    } else {
        // Without SMTP the link must be passed on by hand: show it once.
        Ok(crate::pages::access::after_invite(&state, &v, network_id, &outcome).await?.into_response())
    }
}

pub async fn confirm_archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<i64>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let networks = state.service.networks_overview(&actor).await?;
    let n = networks.iter().find(|n| n.id == id && n.archived_at.is_none()).ok_or(WebError::NotFound)?;
    let title = v.t("admin-networks-archive-title");
    let body = html! {
        p class="breadcrumb" { a href="/beheer/netwerken" { (v.t("admin-networks-title")) } }
        h1 { (title) }
        p { (v.ta("admin-networks-archive-text", &[("network", n.name.clone().into())])) }
        form method="post" action={ "/beheer/netwerken/" (id) "/archiveren" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("archive")) }
            a href="/beheer/netwerken" { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::plain(&title), body))
}

pub async fn archive(State(state): State<AppState>, Extension(v): Extension<Visitor>, Path(id): Path<i64>) -> Result<Response, WebError> {
    state.service.archive_network(&v.actor()?, id).await?;
    Ok(Redirect::to("/beheer/netwerken?done=archived").into_response())
}

pub async fn restore(State(state): State<AppState>, Extension(v): Extension<Visitor>, Path(id): Path<i64>) -> Result<Response, WebError> {
    state.service.restore_network(&v.actor()?, id).await?;
    Ok(Redirect::to("/beheer/netwerken?done=restored").into_response())
}
