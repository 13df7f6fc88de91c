//! The start: my networks, and a network's dashboard.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};
use verband_domain::first_steps::{self, FirstStep, NetworkStart};
use verband_domain::NetworkRole;
use verband_service::AuditRecord;

use crate::error::WebError;
use crate::layout::{flash, number, page, PageMeta};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

pub async fn root(Extension(v): Extension<Visitor>) -> Response {
    if v.user.is_some() {
        Redirect::to("/netwerken").into_response()
    } else {
        Redirect::to("/inloggen").into_response()
    }
}

pub async fn networks(State(state): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let mine = state.service.my_networks(&actor).await?;
    let title = v.t("networks-title");
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            @if actor.is_admin { a class="button secondary" href="/beheer/netwerken" { (v.t("admin-networks-title")) } }
        }
        @if mine.is_empty() {
            div class="empty" {
                @if actor.is_admin {
                    p { (v.t("networks-empty-admin")) }
                    p { a class="button primary" href="/beheer/netwerken/nieuw" { (v.t("admin-networks-new")) } }
                } @else {
                    p { (v.t("networks-empty")) }
                }
            }
        } @else {
            ul class="cards" {
                @for (n, role) in &mine {
                    li class="card" {
                        h2 { a href={ "/netwerken/" (n.id) } { (n.name) } }
                        p class="meta" {
                            @if let Some(r) = &n.region { (r) " · " }
                            (v.t(&n.phase.label_key()))
                        }
                        p { span class="badge" { (v.t(&role.label_key())) } }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::plain(&title), body))
}

fn audit_sentence(v: &Visitor, r: &AuditRecord) -> String {
    let action = v.t(&format!("audit-{}", r.action));
    let object = v.t(&format!("object-{}", r.object_type));
    let label = r.object_label.as_deref().filter(|l| !l.is_empty()).map(|l| format!(" “{l}”")).unwrap_or_default();
    format!("{object}{label} {action}")
}

/// RFC 3339 UTC text as a short local-looking timestamp.
pub(crate) fn when(v: &Visitor, at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => {
            let t = t.with_timezone(&chrono::Utc);
            match v.lang {
                verband_domain::Language::Nl => t.format("%d-%m-%Y %H:%M UTC").to_string(),
                verband_domain::Language::En => t.format("%-d %b %Y %H:%M UTC").to_string(),
            }
        }
        Err(_) => at.to_string(),
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let view = state.service.dashboard_view(&actor, network_id, 3).await?;
    let (d, vitality, stories, partner_names, portfolio, agreements) =
        (view.dashboard, view.vitality, view.stories, view.partner_names, view.portfolio, view.agreements);
    let measures = first_steps::show_measures(&view.start);
    let n = &d.network;
    let base = format!("/netwerken/{}", n.id);
    let counts = [
        ("dashboard-active-partners", d.counts.active_partners, format!("{base}/partners?status=active")),
        ("dashboard-partners", d.counts.partners, format!("{base}/partners")),
        ("dashboard-persons", d.counts.persons, format!("{base}/personen")),
        ("dashboard-goals", d.counts.goals, format!("{base}/ambitie")),
        ("dashboard-interests", d.counts.interests, format!("{base}/belangen")),
    ];
    let body = html! {
        div class="page-head" {
            h1 { (n.name) }
            @if d.role.may_edit_records() { a class="button" href={ (base) "/gegevens" } { (v.t("network-edit")) } }
        }
        (flash(&v, q.done.as_deref()))
        p class="meta" {
            @if let Some(r) = &n.region { (r) }
            @if let Some(i) = n.inhabitants { " · " (v.ta("dashboard-inhabitants", &[("count", number(&v, i).into())])) }
            " · " (v.t("dashboard-phase")) ": " strong { (v.t(&n.phase.label_key())) }
            " · " (v.t("dashboard-your-role")) ": " (v.t(&d.role.label_key()))
        }
        @if first_steps::show_first_steps(&view.start) { (first_steps_panel(&v, n.id, d.role, &view.start, view.bodies)) }
        section aria-labelledby="ambition-title" class="panel" {
            h2 id="ambition-title" { (v.t("dashboard-ambition")) }
            @match &n.ambition {
                Some(a) => blockquote class="ambition" { p { (a) } },
                None => p class="empty" { (v.t("ambition-empty")) " " a href={ (base) "/ambitie" } { (v.t("ambition-write")) } },
            }
        }
        section aria-labelledby="counts-title" {
            h2 id="counts-title" class="visually-hidden" { (v.t("dashboard-counts")) }
            ul class="stats" {
                @for (key, count, href) in &counts {
                    li { a href=(href) { span class="stat-number" { (number(&v, *count)) } span class="stat-label" { (v.t(key)) } } }
                }
            }
        }
        // Without partners, projects or meetings these would present zeros as findings.
        @if measures {
            (crate::pages::vitality::panel(&v, n.id, &vitality, d.role.may_edit_records()))
            (crate::pages::portfolio::dashboard_panels(&v, n.id, &portfolio, &partner_names))
        }
        (crate::pages::agreements_panel::dashboard_panel(&v, n.id, &agreements, &partner_names))
        section aria-labelledby="stories-title" class="panel" {
            div class="page-head" {
                h2 id="stories-title" { (v.t("stories-title")) }
                a href={ (base) "/verhalen" } { (v.t("stories-all")) }
            }
            @if stories.is_empty() {
                p class="empty" { (v.t("stories-empty")) }
            } @else {
                ul class="stories" {
                    @for s in &stories {
                        li {
                            strong { (s.title) }
                            " — " (s.text)
                            " " span class="muted" {
                                @if let Some(name) = s.organisation_id.and_then(|o| partner_names.iter().find(|(id, _)| *id == o)) { (name.1) ", " }
                                (crate::layout::date(&v, Some(s.shared_on)))
                            }
                        }
                    }
                }
            }
        }
        div class="columns" {
            section aria-labelledby="sectors-title" class="panel" {
                h2 id="sectors-title" { (v.t("dashboard-per-sector")) }
                @if d.per_sector.is_empty() || !measures {
                    p class="empty" { (v.t("partners-empty")) }
                } @else {
                    @let max = d.per_sector.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
                    table class="data" {
                        caption class="visually-hidden" { (v.t("dashboard-per-sector")) }
                        thead { tr { th scope="col" { (v.t("partner-sector")) } th scope="col" class="num" { (v.t("dashboard-count")) } th scope="col" aria-hidden="true" {} } }
                        tbody {
                            @for (sector, count) in &d.per_sector {
                                tr {
                                    th scope="row" { a href={ (base) "/partners?sector=" (sector.code()) } { (v.t(&sector.label_key())) } }
                                    td class="num" { (count) }
                                    td aria-hidden="true" class="bar-cell" {
                                        // An SVG bar, because the security policy forbids inline styles.
                                        svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false" { rect x="0" y="0" height="10" width=(count * 100 / max) {} }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="recent-title" class="panel" {
                h2 id="recent-title" { (v.t("dashboard-recent")) }
                @if d.recent.is_empty() {
                    p class="empty" { (v.t("dashboard-recent-empty")) }
                } @else {
                    ol class="timeline" {
                        @for r in &d.recent {
                            li {
                                span class="when" { (when(&v, &r.at)) } " "
                                span { (audit_sentence(&v, r)) } " "
                                span class="who" { (v.ta("dashboard-by", &[("actor", r.actor.clone().into())])) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::network(&n.name, nav(n, d.role), "dashboard"), body))
}

/// The first steps of a new network, each ticked when done (in words too,
/// for screen readers), each with its link when the viewer may take it.
fn first_steps_panel(v: &Visitor, network_id: i64, role: NetworkRole, start: &NetworkStart, bodies: i64) -> Markup {
    let base = format!("/netwerken/{network_id}");
    let links = |step: FirstStep| -> Vec<(String, &'static str)> {
        match step {
            FirstStep::Partners if role.may_edit_records() => {
                vec![
                    (format!("{base}/partners/nieuw"), "first-step-partners-add"),
                    (format!("{base}/uitwisselen"), "first-step-partners-import"),
                ]
            }
            FirstStep::Ambition if role.may_edit_ambition() => vec![(format!("{base}/ambitie"), "first-step-ambition-link")],
            FirstStep::Agreement if role.may_edit_records() => vec![(format!("{base}/afspraken/nieuw"), "first-step-agreement-link")],
            // A meeting is planned in a body; without one, start there.
            FirstStep::Meeting if role.may_edit_records() && bodies > 0 => {
                vec![(format!("{base}/bijeenkomsten/nieuw"), "first-step-meeting-link")]
            }
            FirstStep::Meeting if role.may_edit_records() => vec![(format!("{base}/organen"), "first-step-meeting-body-link")],
            FirstStep::Invite if role.may_edit_records() => vec![(format!("{base}/toegang"), "first-step-invite-link")],
            _ => Vec::new(),
        }
    };
    let steps = first_steps::first_steps(start);
    let done = steps.iter().filter(|(_, d)| *d).count();
    html! {
        section aria-labelledby="first-steps-title" class="panel first-steps" id="first-steps" {
            h2 id="first-steps-title" { (v.t("first-steps-title")) }
            p { (v.ta("first-steps-intro", &[("done", done.into()), ("total", steps.len().into())])) }
            ol class="first-steps-list" {
                @for (step, is_done) in &steps {
                    li class={ "first-step " @if *is_done { "done" } @else { "todo" } } data-step=(step.code()) {
                        span class="first-step-mark" aria-hidden="true" { @if *is_done { "✓" } @else { "○" } }
                        " "
                        strong { (v.t(&format!("first-step-{}", step.code()))) }
                        " "
                        @if *is_done {
                            span class="badge status-ok" { (v.t("first-step-done")) }
                        } @else {
                            span class="badge muted" { (v.t("first-step-todo")) }
                        }
                        @let step_links = links(*step);
                        @if !*is_done && !step_links.is_empty() {
                            " — "
                            @for (i, (href, key)) in step_links.iter().enumerate() {
                                @if i > 0 { " " (v.t("first-step-or")) " " }
                                a href=(href) { (v.t(key)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
