//! Who has access to a network: people with their role and the partner they
//! represent, open invitations (send again, withdraw), and inviting new
//! people one at a time or many at once. Coordinators and the administrator only.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::invitation::{InvitationForm, InvitationState};
use verband_domain::{NetworkRole, ValidationErrors};
use verband_service::{AccessView, InviteOutcome, ServiceError};

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{flash, page, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

const INVITE_LABELS: &[(&str, &str)] = &[("emails", "access-invite-emails"), ("role", "access-role"), ("organisationId", "access-partner")];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccessQuery {
    done: Option<String>,
    /// Pre-filled from a contact person's page: "invite to Verband".
    email: String,
    partner: String,
    problem: Option<String>,
}

fn role_options(v: &Visitor) -> Vec<(String, String)> {
    code_options(v, NetworkRole::ALL, NetworkRole::code, NetworkRole::label_key)
}

fn partner_options(view: &AccessView) -> Vec<(String, String)> {
    view.partners.iter().map(|(id, name)| (id.to_string(), name.clone())).collect()
}

fn when(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

fn access_page(
    v: &Visitor,
    view: &AccessView,
    form: &InvitationForm,
    errors: &ValidationErrors,
    outcome: Option<&InviteOutcome>,
    q: &AccessQuery,
) -> Markup {
    let base = format!("/netwerken/{}/toegang", view.network.id);
    let f = Fields::new(v, errors);
    let title = v.t("access-title");
    let roles = role_options(v);
    let partners = partner_options(view);
    let problem = q.problem.as_deref().map(|p| v.t(&format!("access-problem-{p}")));
    let body = html! {
        h1 { (title) }
        (flash(v, q.done.as_deref()))
        @if let Some(p) = problem {
            div class="error-summary" role="alert" { p { (p) } }
        }
        p class="lead" { (v.t("access-intro")) }
        @if let Some(o) = outcome { (outcome_panel(v, o)) }
        section aria-labelledby="invite-title" class="panel" {
            h2 id="invite-title" { (v.t("access-invite-title")) }
            (f.summary(INVITE_LABELS))
            form method="post" action={ (base) "/uitnodigen" } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.textarea("emails", "access-invite-emails", &form.emails, Opts { hint: Some("access-invite-emails-hint"), ..Opts::required() }))
                (f.select("role", "access-role", &form.role, &roles, Opts::required()))
                (f.select("organisationId", "access-partner", &form.organisation_id, &partners, Opts { hint: Some("access-partner-hint"), ..Default::default() }))
                div class="form-actions" {
                    button type="submit" class="button primary" { (v.t("access-invite-submit")) }
                }
            }
        }
        section aria-labelledby="invitations-title" class="panel" {
            h2 id="invitations-title" { (v.t("access-invitations-title")) }
            @if view.invitations.is_empty() {
                p class="empty" { (v.t("access-invitations-empty")) }
            } @else {
                table class="data" {
                    caption class="visually-hidden" { (v.t("access-invitations-title")) }
                    thead { tr {
                        th scope="col" { (v.t("access-email")) }
                        th scope="col" { (v.t("access-role")) }
                        th scope="col" { (v.t("access-partner")) }
                        th scope="col" { (v.t("access-status")) }
                        th scope="col" { span class="visually-hidden" { (v.t("actions")) } }
                    } }
                    tbody {
                        @for (inv, state) in &view.invitations {
                            tr {
                                td { (inv.email) }
                                td { (v.t(&inv.role.label_key())) }
                                td { (inv.organisation_name.as_deref().unwrap_or("—")) }
                                td {
                                    @match state {
                                        InvitationState::Expired => { (v.t("access-invitation-expired")) }
                                        _ => {
                                            @if inv.sent_at.is_some() {
                                                (v.ta("access-invitation-sent", &[("date", when(inv.sent_at.as_deref().unwrap_or_default()).to_string().into())]))
                                            } @else {
                                                (v.t("access-invitation-not-mailed"))
                                            }
                                            " · " (v.ta("access-invitation-valid-until", &[("date", when(&inv.expires_at).to_string().into())]))
                                        }
                                    }
                                }
                                td class="row-actions" {
                                    form method="post" action={ (base) "/uitnodigingen/" (inv.id) "/opnieuw" } class="inline" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        button type="submit" class="button secondary" { (v.t("access-resend")) span class="visually-hidden" { ": " (inv.email) } }
                                    }
                                    " "
                                    form method="post" action={ (base) "/uitnodigingen/" (inv.id) "/intrekken" } class="inline" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        button type="submit" class="button secondary" { (v.t("access-withdraw")) span class="visually-hidden" { ": " (inv.email) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="people-title" class="panel" {
            h2 id="people-title" { (v.t("access-people-title")) }
            @if view.people.is_empty() {
                p class="empty" { (v.t("access-people-empty")) }
            } @else {
                table class="data" {
                    caption class="visually-hidden" { (v.t("access-people-title")) }
                    thead { tr {
                        th scope="col" { (v.t("access-name")) }
                        th scope="col" { (v.t("access-email")) }
                        th scope="col" { (v.t("access-role-and-partner")) }
                        th scope="col" { span class="visually-hidden" { (v.t("actions")) } }
                    } }
                    tbody {
                        @for p in &view.people {
                            @let fid = format!("p{}", p.user_id);
                            tr {
                                td {
                                    (p.display_name) " " span class="muted" { "(" (p.username) ")" }
                                    @if view.me == Some(p.user_id) { " " span class="badge" { (v.t("access-you")) } }
                                }
                                td { (p.email.as_deref().unwrap_or("—")) }
                                td {
                                    form method="post" action={ (base) "/personen/" (p.user_id) } class="inline-form" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        label for={ (fid) "-role" } class="visually-hidden" { (v.t("access-role")) ": " (p.display_name) }
                                        select id={ (fid) "-role" } name="role" {
                                            @for (code, label) in &roles {
                                                option value=(code) selected[p.role.code() == code] { (label) }
                                            }
                                        }
                                        label for={ (fid) "-org" } class="visually-hidden" { (v.t("access-partner")) ": " (p.display_name) }
                                        select id={ (fid) "-org" } name="organisationId" {
                                            option value="" { (v.t("access-no-partner")) }
                                            @for (id, name) in &partners {
                                                option value=(id) selected[p.organisation_id.map(|o| o.to_string()).as_deref() == Some(id.as_str())] { (name) }
                                            }
                                        }
                                        button type="submit" class="button secondary" { (v.t("access-change")) span class="visually-hidden" { ": " (p.display_name) } }
                                    }
                                }
                                td class="row-actions" {
                                    a href={ (base) "/personen/" (p.user_id) "/verwijderen" } { (v.t("access-remove")) span class="visually-hidden" { ": " (p.display_name) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page(v, &PageMeta::network(&title, nav(&view.network, view.role), "access"), body)
}

/// What happened to each address just invited; links that could not be
/// mailed are shown here once, for the coordinator to pass on.
fn outcome_panel(v: &Visitor, o: &InviteOutcome) -> Markup {
    let mailed = o.sent.iter().filter(|s| s.mailed).count();
    html! {
        div class="flash" role="status" {
            @if mailed > 0 { p { (v.ta("access-invited-mailed", &[("count", (mailed as i64).into())])) } }
            @if !o.already_in.is_empty() {
                p { (v.t("access-invited-already")) " " (o.already_in.join(", ")) }
            }
            @let by_hand: Vec<_> = o.sent.iter().filter(|s| !s.mailed).collect();
            @if !by_hand.is_empty() {
                p { strong { (v.t("access-invited-by-hand")) } }
                ul {
                    @for s in by_hand {
                        li { (s.email) ": " code class="token" { (s.link.as_deref().unwrap_or_default()) } }
                    }
                }
            }
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<AccessQuery>,
) -> Result<Markup, WebError> {
    let view = state.service.access_view(&v.actor()?, network_id).await?;
    let form = InvitationForm { emails: q.email.clone(), role: "member".into(), organisation_id: q.partner.clone() };
    Ok(access_page(&v, &view, &form, &ValidationErrors::default(), None, &q))
}

/// The access page showing what became of invitations just sent.
pub(crate) async fn after_invite(state: &AppState, v: &Visitor, network_id: i64, outcome: &InviteOutcome) -> Result<Markup, WebError> {
    let view = state.service.access_view(&v.actor()?, network_id).await?;
    let form = InvitationForm { role: "member".into(), ..Default::default() };
    Ok(access_page(v, &view, &form, &ValidationErrors::default(), Some(outcome), &AccessQuery::default()))
}

pub async fn invite(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<InvitationForm>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    match state.service.invite(&actor, network_id, &form).await {
        Ok(outcome) => {
            let view = state.service.access_view(&actor, network_id).await?;
            let fresh = InvitationForm { role: form.role.clone(), ..Default::default() };
            Ok(access_page(&v, &view, &fresh, &ValidationErrors::default(), Some(&outcome), &AccessQuery::default()).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let view = state.service.access_view(&actor, network_id).await?;
            Ok((StatusCode::BAD_REQUEST, access_page(&v, &view, &form, &errors, None, &AccessQuery::default())).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn resend(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let sent = state.service.resend_invitation(&actor, network_id, id).await?;
    let outcome = InviteOutcome { sent: vec![sent], already_in: Vec::new() };
    Ok(after_invite(&state, &v, network_id, &outcome).await?.into_response())
}

pub async fn withdraw(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.withdraw_invitation(&v.actor()?, network_id, id).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?done=withdrawn")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ChangeForm {
    role: String,
    organisation_id: String,
}

fn problem_redirect(network_id: i64, e: ServiceError) -> Result<Response, WebError> {
    match e {
        ServiceError::Conflict(code) if code == "last-coordinator" => {
            Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?problem=last-coordinator")).into_response())
        }
        ServiceError::Invalid(_) => Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?problem=invalid")).into_response()),
        e => Err(e.into()),
    }
}

pub async fn change(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, user_id)): Path<(i64, i64)>,
    Form(form): Form<ChangeForm>,
) -> Result<Response, WebError> {
    let Some(role) = NetworkRole::parse(form.role.trim()) else {
        return problem_redirect(network_id, ServiceError::Invalid(ValidationErrors::single("role", "choice-invalid")));
    };
    let organisation = match form.organisation_id.trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().map_err(|_| WebError::BadRequest)?),
    };
    match state.service.change_access(&v.actor()?, network_id, user_id, role, organisation).await {
        Ok(()) => Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?done=saved")).into_response()),
        Err(e) => problem_redirect(network_id, e),
    }
}

/// Removing someone's access asks first, naming who and what they lose.
pub async fn confirm_remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, user_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let view = state.service.access_view(&v.actor()?, network_id).await?;
    let person = view.people.iter().find(|p| p.user_id == user_id).ok_or(WebError::NotFound)?;
    let base = format!("/netwerken/{network_id}/toegang");
    let title = v.t("access-remove-title");
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("access-title")) } }
        h1 { (title) }
        p { (v.ta("access-remove-text", &[("name", person.display_name.clone().into()), ("network", view.network.name.clone().into())])) }
        form method="post" action={ (base) "/personen/" (user_id) "/verwijderen" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("access-remove")) }
            a href=(base) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&view.network, view.role), "access"), body))
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, user_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    match state.service.remove_access(&v.actor()?, network_id, user_id).await {
        Ok(()) => Ok(Redirect::to(&format!("/netwerken/{network_id}/toegang?done=removed")).into_response()),
        Err(e) => problem_redirect(network_id, e),
    }
}
