//! "Samenhang en financiering": the questions a steering group asks about
//! the portfolio. Every coherence finding as a sentence with links, grouped
//! by kind; the projects about to lose their money; the structural share of
//! funding per year as an SVG bar chart with the same numbers in a table;
//! and the settings the checks use. Also the two dashboard panels.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::funding::YearShare;
use verband_domain::portfolio_settings::PortfolioSettingsForm;
use verband_domain::ValidationErrors;
use verband_service::{PortfolioOverview, ServiceError};

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{flash, page, PageMeta};
use crate::pages::findings::{cliff_sentence, counts, finding_sentence, kind, Names, KINDS};
use crate::pages::projects::money;
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

/// How many sentences the dashboard shows before pointing to the whole page.
const DASHBOARD_SENTENCES: usize = 3;
const DASHBOARD_CLIFFS: usize = 5;

fn path(network_id: i64) -> String {
    format!("/netwerken/{network_id}/portfolio")
}

const SETTINGS_LABELS: &[(&str, &str)] =
    &[("maxActiveProjectsPerPartner", "portfolio-max-active"), ("cliffHorizonMonths", "portfolio-cliff-horizon")];

async fn portfolio_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    typed: Option<(&PortfolioSettingsForm, &ValidationErrors)>,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let o = state.service.portfolio_overview(&actor, network_id).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let names = Names::new(&o.projects, &o.goals, &o.agreements, &partners);
    let title = v.t("portfolio-title");
    let no_errors = ValidationErrors::default();
    let (form, errors) = match typed {
        Some((f, e)) => (f.clone(), e),
        None => (o.settings.to_form(), &no_errors),
    };
    let f = Fields::new(v, errors);
    let per_kind = counts(&o.findings);
    let body = html! {
        h1 { (title) }
        (flash(v, done))
        p class="lead" { (v.t("portfolio-intro")) }
        section aria-labelledby="coherence-title" class="panel" {
            h2 id="coherence-title" { (v.ta("portfolio-coherence-count", &[("count", (o.findings.len() as i64).into())])) }
            @if o.findings.is_empty() {
                p class="empty" { (v.t("coherence-none")) }
            } @else {
                ul class="finding-counts" {
                    @for (k, heading, n) in &per_kind {
                        li { a href={ "#kind-" (k) } { (v.t(heading)) ": " strong { (n) } } }
                    }
                }
                @for (k, heading) in KINDS {
                    @let of_kind: Vec<_> = o.findings.iter().filter(|f| kind(f) == *k).collect();
                    @if !of_kind.is_empty() {
                        h3 id={ "kind-" (k) } { (v.t(heading)) " (" (of_kind.len()) ")" }
                        ul class="findings" {
                            @for finding in of_kind { li { (finding_sentence(v.lang, finding, &names, network_id)) } }
                        }
                    }
                }
            }
        }
        section aria-labelledby="cliff-title" class="panel" {
            h2 id="cliff-title" { (v.t("portfolio-cliff-title")) }
            p { (v.ta("portfolio-cliff-intro", &[("months", i64::from(o.settings.cliff_horizon_months).into())])) }
            @if o.cliffs.is_empty() {
                p class="empty" { (v.t("portfolio-cliff-none")) }
            } @else {
                ul class="findings cliffs" {
                    @for c in &o.cliffs { li { (cliff_sentence(v.lang, c, &names, network_id)) } }
                }
            }
        }
        section aria-labelledby="share-title" class="panel" {
            h2 id="share-title" { (v.t("portfolio-share-title")) }
            p { (v.t("portfolio-share-intro")) }
            (share_chart(v, &o.shares))
        }
        section aria-labelledby="settings-title" class="panel" {
            h2 id="settings-title" { (v.t("portfolio-settings-title")) }
            @if role.may_edit_records() {
                (f.summary(SETTINGS_LABELS))
                form method="post" action=(path(network_id)) class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (f.text("maxActiveProjectsPerPartner", "portfolio-max-active", &form.max_active_projects_per_partner, Opts { inputmode: Some("numeric"), hint: Some("portfolio-max-active-hint"), ..Opts::required() }))
                    (f.text("cliffHorizonMonths", "portfolio-cliff-horizon", &form.cliff_horizon_months, Opts { inputmode: Some("numeric"), hint: Some("portfolio-cliff-horizon-hint"), ..Opts::required() }))
                    div class="form-actions" { button type="submit" class="button primary" { (v.t("portfolio-settings-save")) } }
                }
            } @else {
                dl class="facts" {
                    dt { (v.t("portfolio-max-active")) } dd { (o.settings.max_active_projects_per_partner) }
                    dt { (v.t("portfolio-cliff-horizon")) } dd { (o.settings.cliff_horizon_months) }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "portfolio"), body))
}

const CHART_W: f64 = 420.0;
const CHART_H: f64 = 220.0;
const PAD_L: f64 = 40.0;
const PAD_T: f64 = 18.0;
const PAD_B: f64 = 26.0;

/// Bars of 100% per year, split into structural (below) and one-off money
/// (above), drawn on the server; the table beside it holds every number.
fn share_chart(v: &Visitor, shares: &[YearShare]) -> Markup {
    if shares.iter().all(|s| s.structural_percent.is_none()) {
        return html! { p class="empty" { (v.t("portfolio-share-empty")) } };
    }
    let plot_h = CHART_H - PAD_T - PAD_B;
    let slot = (CHART_W - PAD_L - 8.0) / shares.len().max(1) as f64;
    let bar_w = slot * 0.6;
    let y = |percent: f64| PAD_T + plot_h * (1.0 - percent / 100.0);
    let title = v.t("portfolio-share-title");
    html! {
        div class="chart-and-table" {
            figure class="chart" {
                svg role="img" aria-labelledby="share-chart-title share-chart-desc" viewBox={ "0 0 " (CHART_W) " " (CHART_H) } class="bar-chart" focusable="false" {
                    title id="share-chart-title" { (title) }
                    desc id="share-chart-desc" { (v.t("portfolio-share-chart-desc")) }
                    @for level in [0.0, 50.0, 100.0] {
                        line x1=(PAD_L) x2=(CHART_W - 8.0) y1=(y(level)) y2=(y(level)) class="grid" {}
                        text x=(PAD_L - 6.0) y=(y(level) + 4.0) text-anchor="end" class="axis" { (level) "%" }
                    }
                    @for (i, s) in shares.iter().enumerate() {
                        @let x = PAD_L + slot * i as f64 + (slot - bar_w) / 2.0;
                        @let cx = x + bar_w / 2.0;
                        @match s.structural_percent {
                            Some(p) => {
                                @let p = f64::from(p);
                                rect x=(format!("{x:.1}")) y=(format!("{:.1}", y(100.0))) width=(format!("{bar_w:.1}")) height=(format!("{:.1}", plot_h * (100.0 - p) / 100.0)) class="bar-one-off" {}
                                rect x=(format!("{x:.1}")) y=(format!("{:.1}", y(p))) width=(format!("{bar_w:.1}")) height=(format!("{:.1}", plot_h * p / 100.0)) class="bar-structural" {}
                                text x=(format!("{cx:.1}")) y=(format!("{:.1}", PAD_T - 5.0)) text-anchor="middle" class="value" { (p) "%" }
                            },
                            None => text x=(format!("{cx:.1}")) y=(format!("{:.1}", y(0.0) - 4.0)) text-anchor="middle" class="axis" { "—" },
                        }
                        text x=(format!("{cx:.1}")) y=(CHART_H - 8.0) text-anchor="middle" class="axis" { (s.year) }
                    }
                }
                figcaption {
                    span class="key key-structural" { (v.t("funding-kind-structural")) }
                    " "
                    span class="key key-one-off" { (v.t("funding-kind-one_off")) }
                }
            }
            div class="table-scroll" {
                table class="data share-table" {
                    caption { (v.t("portfolio-share-table")) }
                    thead { tr {
                        th scope="col" { (v.t("portfolio-year")) }
                        th scope="col" class="num" { (v.t("funding-kind-structural")) }
                        th scope="col" class="num" { (v.t("funding-kind-one_off")) }
                        th scope="col" class="num" { (v.t("portfolio-share-percent")) }
                    } }
                    tbody {
                        @for s in shares {
                            tr {
                                th scope="row" { (s.year) }
                                td class="num" { (money(v, s.structural_cents)) }
                                td class="num" { (money(v, s.one_off_cents)) }
                                td class="num" { @match s.structural_percent { Some(p) => { (p) "%" }, None => "—" } }
                            }
                        }
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
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    portfolio_page(&state, &v, network_id, None, q.done.as_deref()).await
}

pub async fn save_settings(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<PortfolioSettingsForm>,
) -> Result<Response, WebError> {
    match state.service.save_portfolio_settings(&v.actor()?, network_id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("{}?done=saved#settings-title", path(network_id))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, portfolio_page(&state, &v, network_id, Some((&form, &errors)), None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The dashboard's "Samenhang" and "Financiering" panels, from one overview.
pub(crate) fn dashboard_panels(v: &Visitor, network_id: i64, o: &PortfolioOverview, partners: &[(i64, String)]) -> Markup {
    let names = Names::new(&o.projects, &o.goals, &o.agreements, partners);
    let per_kind = counts(&o.findings);
    let more = path(network_id);
    html! {
        div class="columns" {
            section aria-labelledby="dash-coherence-title" class="panel" {
                div class="page-head" {
                    h2 id="dash-coherence-title" { (v.t("dashboard-coherence")) }
                    a href=(more) { (v.t("dashboard-coherence-all")) }
                }
                @if o.findings.is_empty() {
                    p class="empty" { (v.t("portfolio-nothing")) }
                } @else {
                    ul class="finding-counts" {
                        @for (k, heading, n) in &per_kind {
                            li { a href={ (more) "#kind-" (k) } { (v.t(heading)) ": " strong { (n) } } }
                        }
                    }
                    ul class="findings" {
                        @for f in o.findings.iter().take(DASHBOARD_SENTENCES) { li { (finding_sentence(v.lang, f, &names, network_id)) } }
                    }
                    @if o.findings.len() > DASHBOARD_SENTENCES {
                        p { a href={ (more) "#coherence-title" } { (v.ta("dashboard-coherence-more", &[("count", ((o.findings.len() - DASHBOARD_SENTENCES) as i64).into())])) } }
                    }
                }
            }
            section aria-labelledby="dash-funding-title" class="panel" {
                div class="page-head" {
                    h2 id="dash-funding-title" { (v.t("dashboard-funding")) }
                    a href={ (more) "#cliff-title" } { (v.t("dashboard-funding-all")) }
                }
                @if o.cliffs.is_empty() {
                    p class="empty" { (v.t("portfolio-nothing")) }
                } @else {
                    ul class="findings cliffs" {
                        @for c in o.cliffs.iter().take(DASHBOARD_CLIFFS) { li { (cliff_sentence(v.lang, c, &names, network_id)) } }
                    }
                }
            }
        }
    }
}
