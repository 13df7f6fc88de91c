//! Action items across the network's meetings: who does what by when, what
//! is overdue; owners tick their own items off.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use chrono::Utc;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::{ActionDoneForm, ActionItem};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::safe_next;
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// The action items as a table with tick-off buttons where the visitor may
/// use them; `back` is where a tick returns to.
pub fn table(v: &Visitor, network_id: i64, actions: &[ActionItem], may_tick: &[bool], partners: &[(i64, String)], back: &str) -> Markup {
    let today = Utc::now().date_naive();
    let owner = |a: &ActionItem| a.owner_organisation_id.and_then(|o| partners.iter().find(|(id, _)| *id == o)).map(|(_, n)| n.clone());
    if actions.is_empty() {
        return html! { p class="empty" { (v.t("actions-empty")) } };
    }
    html! {
        table class="data" {
            caption class="visually-hidden" { (v.t("actions-title")) }
            thead { tr {
                th scope="col" { (v.t("action-description")) }
                th scope="col" { (v.t("action-owner")) }
                th scope="col" { (v.t("action-due")) }
                th scope="col" { (v.t("action-state")) }
                th scope="col" { span class="visually-hidden" { (v.t("actions")) } }
            } }
            tbody {
                @for (i, a) in actions.iter().enumerate() {
                    tr {
                        td {
                            (a.description)
                            @if let Some(m) = a.meeting_id { " " a href={ "/netwerken/" (network_id) "/bijeenkomsten/" (m) } class="muted" { (v.t("action-from-meeting")) } }
                        }
                        td { (owner(a).unwrap_or_else(|| "—".into())) }
                        td { (date(v, Some(a.due))) }
                        td {
                            @match a.done_on {
                                Some(d) => span class="badge status-ok" { (v.t("action-done")) " " (date(v, Some(d))) },
                                None if a.is_overdue(today) => span class="badge status-alarm" { (v.t("action-overdue")) },
                                None => span class="badge" { (v.t("action-open")) },
                            }
                        }
                        td {
                            @if may_tick.get(i).copied().unwrap_or(false) {
                                @let (verb, key) = if a.done_on.is_some() { ("heropenen", "action-reopen") } else { ("afvinken", "action-tick") };
                                form method="post" action={ "/netwerken/" (network_id) "/acties/" (a.id) "/" (verb) } class="inline" {
                                    input type="hidden" name="csrf" value=(v.csrf);
                                    input type="hidden" name="next" value=(back);
                                    button type="submit" class="button secondary" { (v.t(key)) span class="visually-hidden" { ": " (a.description) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionsQuery {
    alle: String,
    done: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<ActionsQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let all = state.service.actions(&actor, network_id).await?;
    let show_all = q.alle == "1";
    let shown: Vec<ActionItem> = all.into_iter().filter(|a| show_all || a.done_on.is_none()).collect();
    let mut ticks = Vec::with_capacity(shown.len());
    for a in &shown {
        ticks.push(state.service.may_tick(&actor, network_id, a).await?);
    }
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let path = format!("/netwerken/{network_id}/acties");
    let title = v.t("actions-title");
    let body = html! {
        h1 { (title) }
        (flash(&v, q.done.as_deref()))
        p {
            @if show_all { a href=(path) { (v.t("actions-show-open")) } }
            @else { a href={ (path) "?alle=1" } { (v.t("actions-show-all")) } }
        }
        (table(&v, network_id, &shown, &ticks, &partners, &path))
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "actions"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TickForm {
    next: String,
    #[serde(rename = "doneOn")]
    done_on: String,
}

async fn set(state: AppState, v: Visitor, network_id: i64, id: i64, done: bool, f: TickForm) -> Result<Response, WebError> {
    match state.service.set_action_done(&v.actor()?, network_id, id, done, &ActionDoneForm { done_on: f.done_on }).await {
        Ok(()) => {
            let next = if f.next.is_empty() { format!("/netwerken/{network_id}/acties") } else { safe_next(&f.next).to_string() };
            let sep = if next.contains('?') { '&' } else { '?' };
            Ok(Redirect::to(&format!("{next}{sep}done=saved")).into_response())
        }
        Err(ServiceError::Invalid(_)) => Err(WebError::BadRequest),
        Err(e) => Err(e.into()),
    }
}

pub async fn tick(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(f): Form<TickForm>,
) -> Result<Response, WebError> {
    set(state, v, network_id, id, true, f).await
}

pub async fn reopen(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(f): Form<TickForm>,
) -> Result<Response, WebError> {
    set(state, v, network_id, id, false, f).await
}
