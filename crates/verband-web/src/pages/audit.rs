//! The audit log page: who did what and when. A network's log for its
//! coordinator, the whole deployment's for the administrator; filters by
//! person, kind, result and period in a plain GET form; CSV of what is shown.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Extension;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::PageRequest;
use verband_formats::{write_csv, Delimiter, Table};
use verband_service::{AuditQuery, AuditRecord, AuditScope, AuditView};

use crate::error::WebError;
use crate::i18n::has_key;
use crate::layout::{page, pagination, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// The filter form's fields, as the address carries them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditParams {
    persoon: String,
    soort: String,
    uitkomst: String,
    van: String,
    tot: String,
    page: String,
}

impl AuditParams {
    /// The service's query, and the names of the date fields that could not be read.
    fn query(&self) -> (AuditQuery, Vec<&'static str>) {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let mut bad = Vec::new();
        let mut day = |s: &str, field: &'static str| {
            let s = s.trim();
            if s.is_empty() {
                return None;
            }
            let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            if d.is_none() {
                bad.push(field);
            }
            d
        };
        let from = day(&self.van, "van");
        let to = day(&self.tot, "tot");
        let result = text(&self.uitkomst).filter(|r| r == "success" || r == "failure");
        (AuditQuery { actor: text(&self.persoon), action: text(&self.soort), result, from, to }, bad)
    }

    /// The filters as a query string, for page links and the CSV link.
    fn filter_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in
            [("persoon", &self.persoon), ("soort", &self.soort), ("uitkomst", &self.uitkomst), ("van", &self.van), ("tot", &self.tot)]
        {
            if !v.trim().is_empty() {
                s.append_pair(k, v.trim());
            }
        }
        s.finish()
    }

    fn page(&self) -> PageRequest {
        PageRequest::new(self.page.trim().parse().ok(), None)
    }
}

/// What someone did, as a short sentence: "maakte partner aan", "logde in",
/// "mislukte inlogpoging". Combinations the catalogue does not know fall
/// back to the raw codes, so nothing in the log goes unshown.
pub(crate) fn action_text(v: &Visitor, action: &str, object_type: &str, result: &str) -> String {
    for special in [format!("audit-did-{action}-{result}"), format!("audit-did-{action}-{object_type}")] {
        if has_key(v.lang, &special) {
            return v.t(&special);
        }
    }
    let key = format!("audit-did-{action}");
    if !has_key(v.lang, &key) {
        return format!("{action} {object_type}");
    }
    let noun_key = format!("audit-noun-{object_type}");
    let noun = if has_key(v.lang, &noun_key) { v.t(&noun_key) } else { object_type.to_string() };
    v.ta(&key, &[("object", noun.into())])
}

/// A kind in the filter's list: the action with "…" for its object.
fn kind_text(v: &Visitor, action: &str) -> String {
    let key = format!("audit-did-{action}");
    if has_key(v.lang, &key) {
        v.ta(&key, &[("object", "…".into())])
    } else {
        action.to_string()
    }
}

fn result_text(v: &Visitor, result: &str) -> String {
    let key = format!("audit-result-{result}");
    if has_key(v.lang, &key) {
        v.t(&key)
    } else {
        result.to_string()
    }
}

fn scope_path(scope: AuditScope) -> String {
    match scope {
        AuditScope::Network(id) => format!("/netwerken/{id}/logboek"),
        AuditScope::Everything => "/beheer/logboek".to_string(),
    }
}

pub async fn network_log(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<AuditParams>,
) -> Result<Markup, WebError> {
    show(&state, &v, AuditScope::Network(network_id), &q).await
}

pub async fn admin_log(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(q): Query<AuditParams>,
) -> Result<Markup, WebError> {
    show(&state, &v, AuditScope::Everything, &q).await
}

pub async fn network_csv(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<AuditParams>,
) -> Result<Response, WebError> {
    csv(&state, &v, AuditScope::Network(network_id), &q).await
}

pub async fn admin_csv(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(q): Query<AuditParams>,
) -> Result<Response, WebError> {
    csv(&state, &v, AuditScope::Everything, &q).await
}

async fn show(state: &AppState, v: &Visitor, scope: AuditScope, q: &AuditParams) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (query, bad) = q.query();
    let view: AuditView = state.service.audit_view(&actor, scope, &query, q.page()).await?;
    let path = scope_path(scope);
    let fq = q.filter_query();
    let csv_href = if fq.is_empty() { format!("{path}.csv") } else { format!("{path}.csv?{fq}") };
    let title = v.t("audit-title");
    let filtered = query != AuditQuery::default();
    let entries = &view.entries;
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            div class="actions" { a class="button" href=(csv_href) download { (v.t("audit-csv")) } }
        }
        p { (v.t(match scope { AuditScope::Network(_) => "audit-intro-network", AuditScope::Everything => "audit-intro-all" })) }
        @if !bad.is_empty() {
            div class="error-summary" role="alert" tabindex="-1" {
                p { (v.t("audit-date-invalid")) }
                ul { @for f in &bad { li { a href={ "#f-" (f) } { (v.t(&format!("audit-filter-{f}"))) } } } }
            }
        }
        form method="get" action=(path) class="filters" role="search" aria-label=(v.t("audit-filter-label")) {
            div class="field" {
                label for="f-persoon" { (v.t("audit-filter-persoon")) }
                select id="f-persoon" name="persoon" {
                    option value="" { (v.t("filter-all")) }
                    @for a in &view.actors { option value=(a) selected[query.actor.as_deref() == Some(a.as_str())] { (a) } }
                }
            }
            div class="field" {
                label for="f-soort" { (v.t("audit-filter-soort")) }
                select id="f-soort" name="soort" {
                    option value="" { (v.t("filter-all")) }
                    @for a in &view.actions { option value=(a) selected[query.action.as_deref() == Some(a.as_str())] { (kind_text(v, a)) } }
                }
            }
            div class="field" {
                label for="f-uitkomst" { (v.t("audit-filter-uitkomst")) }
                select id="f-uitkomst" name="uitkomst" {
                    option value="" { (v.t("filter-all")) }
                    @for r in ["success", "failure"] { option value=(r) selected[query.result.as_deref() == Some(r)] { (result_text(v, r)) } }
                }
            }
            div class="field" {
                label for="f-van" { (v.t("audit-filter-van")) }
                input id="f-van" name="van" type="date" value=(q.van) aria-invalid=[bad.contains(&"van").then_some("true")];
            }
            div class="field" {
                label for="f-tot" { (v.t("audit-filter-tot")) }
                input id="f-tot" name="tot" type="date" value=(q.tot) aria-invalid=[bad.contains(&"tot").then_some("true")];
            }
            button type="submit" class="button" { (v.t("filter-apply")) }
            @if filtered { " " a href=(path) { (v.t("audit-filter-clear")) } }
        }
        p class="count" role="status" { (v.ta("list-count", &[("count", entries.total.into())])) }
        @if entries.items.is_empty() {
            div class="empty" { p { (v.t(if filtered { "list-no-match" } else { "audit-empty" })) } }
        } @else {
            table class="data" id="audit-log" {
                caption class="visually-hidden" { (title) }
                thead { tr {
                    th scope="col" { (v.t("audit-col-when")) }
                    th scope="col" { (v.t("audit-col-who")) }
                    th scope="col" { (v.t("audit-col-what")) }
                    th scope="col" { (v.t("audit-col-object")) }
                    th scope="col" { (v.t("audit-col-result")) }
                    th scope="col" { (v.t("audit-col-origin")) }
                } }
                tbody {
                    @for r in &entries.items {
                        tr {
                            td { time datetime=(r.at) { (crate::pages::home::when(v, &r.at)) } }
                            td { (r.actor) }
                            td { (action_text(v, &r.action, &r.object_type, &r.result)) }
                            td { (r.object_label.as_deref().unwrap_or("")) }
                            td { @if r.result == "failure" { strong { (result_text(v, &r.result)) } } @else { (result_text(v, &r.result)) } }
                            td { (r.origin) }
                        }
                    }
                }
            }
        }
        (pagination(v, entries, &fq, &path))
    };
    let meta = match &view.network {
        Some((network, role)) => PageMeta::network(&title, nav(network, *role), "audit"),
        None => PageMeta::plain(&title),
    };
    Ok(page(v, &meta, body))
}

async fn csv(state: &AppState, v: &Visitor, scope: AuditScope, q: &AuditParams) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let (query, _) = q.query();
    let rows = state.service.audit_export(&actor, scope, &query).await?;
    Ok(crate::pages::map::download(
        "text/csv; charset=utf-8",
        &format!("{}.csv", v.t("audit-file-name")),
        write_csv(&csv_table(v, &rows), Delimiter::Semicolon),
    ))
}

/// One row per entry: the readable sentence and the raw codes, so that a
/// spreadsheet can both be read and filtered. Cells are escaped against
/// formulas by the writer.
fn csv_table(v: &Visitor, rows: &[AuditRecord]) -> Table {
    let headers = [
        "audit-col-when",
        "audit-col-who",
        "audit-col-what",
        "audit-col-object",
        "audit-col-result",
        "audit-col-origin",
        "audit-col-network",
        "audit-col-action",
        "audit-col-object-type",
        "audit-col-object-id",
    ];
    let mut table = Table::new(headers.iter().map(|k| v.t(k)).collect());
    for r in rows {
        table.rows.push(vec![
            r.at.clone(),
            r.actor.clone(),
            action_text(v, &r.action, &r.object_type, &r.result),
            r.object_label.clone().unwrap_or_default(),
            result_text(v, &r.result),
            r.origin.clone(),
            r.network_id.map(|n| n.to_string()).unwrap_or_default(),
            r.action.clone(),
            r.object_type.clone(),
            r.object_id.map(|n| n.to_string()).unwrap_or_default(),
        ]);
    }
    table
}
