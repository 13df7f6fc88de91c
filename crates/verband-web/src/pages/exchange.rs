//! "Excel in en uit": downloads of partners, persons, projects and
//! commitments as XLSX or CSV, and importing such a file: upload → preview
//! with every problem per row and column → confirmation. Nothing is written
//! before the confirmation, and then all rows or none (see the service).

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::import::{CodeAliases, HeaderProblem};
use verband_domain::{MembershipStatus, Network, Ownership, PersonRole, ProjectStatus, Sector};
use verband_formats::{column_letter, write_csv, write_xlsx, Delimiter};
use verband_service::exchange::{MAX_IMPORT_BYTES, MAX_IMPORT_ROWS};
use verband_service::{FileProblem, ImportCheck, PreviewOutcome, ServiceError, SheetKind};

use crate::error::WebError;
use crate::i18n::{translate, LANGUAGES};
use crate::layout::{number, page, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// What the import form accepts; a little above the service's file limit
/// for the form around the file, so that the service can say "too large".
pub const IMPORT_BODY_LIMIT: usize = MAX_IMPORT_BYTES + 1024 * 1024;

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The labels of the codes in both languages, so a sheet may say "Welzijn"
/// or "Welfare" where the code is `welfare`.
pub fn code_aliases() -> CodeAliases {
    let mut a = CodeAliases::default();
    for lang in LANGUAGES {
        let mut add = |field: &str, key: String, code: &str| a.add(field, &translate(*lang, &key), code);
        for c in Sector::ALL {
            add("sector", c.label_key(), c.code());
        }
        for c in Ownership::ALL {
            add("ownership", c.label_key(), c.code());
        }
        for c in MembershipStatus::ALL {
            add("membershipStatus", c.label_key(), c.code());
        }
        for c in PersonRole::ALL {
            add("roles", c.label_key(), c.code());
        }
        for c in ProjectStatus::ALL {
            add("status", c.label_key(), c.code());
        }
    }
    a
}

/// The list page of a kind, where the import's result can be seen.
fn list_path(kind: SheetKind) -> Option<&'static str> {
    match kind {
        SheetKind::Organisations => Some("/partners"),
        SheetKind::Persons => Some("/personen"),
        SheetKind::Projects => Some("/projecten"),
        SheetKind::Commitments => Some("/afspraken"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Csv,
    CsvSemicolon,
}

impl Format {
    const ALL: [Format; 3] = [Format::Xlsx, Format::CsvSemicolon, Format::Csv];

    fn code(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::CsvSemicolon => "csv-puntkomma",
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            Format::Xlsx => "export-xlsx",
            Format::Csv => "export-csv-comma",
            Format::CsvSemicolon => "export-csv-excel",
        }
    }

    fn parse(raw: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.code() == raw)
    }
}

/// Lower-case ASCII letters and digits joined by hyphens, for file names.
fn slug(text: &str) -> String {
    let folded = verband_domain::search_key(text);
    let words: Vec<String> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
    if words.is_empty() {
        "verband".into()
    } else {
        words.join("-")
    }
}

fn file_name(v: &Visitor, network: &Network, kind: SheetKind, format: Format) -> String {
    let extension = if format == Format::Xlsx { "xlsx" } else { "csv" };
    let today = chrono::Utc::now().date_naive();
    format!("{}-{}-{today}.{extension}", slug(&network.name), slug(&v.t(&format!("exchange-file-{}", kind.code()))))
}

// ---------------------------------------------------------------------------
// The exchange page

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ExchangeQuery {
    done: String,
    soort: String,
    nieuw: usize,
    bijgewerkt: usize,
    ongewijzigd: usize,
}

/// The import form's state after a file could not be read.
struct FormError {
    kind: Option<SheetKind>,
    problem: FileProblem,
}

fn problem_text(v: &Visitor, p: &FileProblem) -> String {
    let row = FluentValue::from(p.row.unwrap_or(0));
    let column = FluentValue::from(p.column.map(column_letter).unwrap_or_default());
    let limits = [
        ("megabytes", FluentValue::from(MAX_IMPORT_BYTES / (1024 * 1024))),
        ("rows", FluentValue::from(number(v, MAX_IMPORT_ROWS as i64))),
    ];
    let mut args = vec![("row", row), ("column", column)];
    args.extend(limits);
    v.ta(&format!("import-error-{}", p.code), &args)
}

fn flash(v: &Visitor, network_id: i64, q: &ExchangeQuery) -> Markup {
    match q.done.as_str() {
        "imported" => {
            let kind = SheetKind::parse(&q.soort);
            let args = [
                ("create", FluentValue::from(q.nieuw)),
                ("update", FluentValue::from(q.bijgewerkt)),
                ("unchanged", FluentValue::from(q.ongewijzigd)),
            ];
            html! {
                div class="flash" role="status" {
                    (v.ta("exchange-imported", &args))
                    @if let Some((kind, path)) = kind.and_then(|k| list_path(k).map(|p| (k, p))) {
                        " " a href={ "/netwerken/" (network_id) (path) } { (v.ta("exchange-to-list", &[("kind", FluentValue::from(v.t(&kind.label_key())))])) }
                    }
                }
            }
        }
        "already-imported" => html! { div class="flash" role="status" { (v.t("exchange-already-imported")) } },
        _ => html! {},
    }
}

fn import_form(v: &Visitor, network_id: i64, error: Option<&FormError>) -> Markup {
    let message = error.map(|e| problem_text(v, &e.problem));
    let selected = error.and_then(|e| e.kind);
    let limits = [
        ("megabytes", FluentValue::from(MAX_IMPORT_BYTES / (1024 * 1024))),
        ("rows", FluentValue::from(number(v, MAX_IMPORT_ROWS as i64))),
    ];
    html! {
        @if let Some(m) = &message {
            div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 id="error-summary-title" { (v.t("error-summary-title")) }
                ul { li { a href="#f-bestand" { (v.t("exchange-field-file")) ": " (m) } } }
            }
        }
        form method="post" action={ "/netwerken/" (network_id) "/uitwisselen/inlezen" } enctype="multipart/form-data" class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            div class="field" {
                label for="f-soort" { (v.t("exchange-field-kind")) }
                select id="f-soort" name="soort" required {
                    @for k in SheetKind::ALL {
                        option value=(k.code()) selected[selected == Some(*k)] { (v.t(&k.label_key())) }
                    }
                }
            }
            div class={ "field" @if message.is_some() { " has-error" } } {
                label for="f-bestand" { (v.t("exchange-field-file")) }
                p class="hint" id="f-bestand-hint" { (v.ta("exchange-file-hint", &limits)) }
                @if let Some(m) = &message {
                    p class="field-error" id="f-bestand-error" { span class="visually-hidden" { (v.t("error-prefix")) " " } (m) }
                }
                input id="f-bestand" name="bestand" type="file" required
                    accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-invalid=[message.as_ref().map(|_| "true")]
                    aria-describedby={ @if message.is_some() { "f-bestand-error " } "f-bestand-hint" };
            }
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("exchange-check")) }
            }
        }
    }
}

async fn exchange_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    q: &ExchangeQuery,
    error: Option<&FormError>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let base = format!("/netwerken/{network_id}/uitwisselen");
    let title = v.t("exchange-title");
    let body = html! {
        h1 { (title) }
        (flash(v, network_id, q))
        p class="lead" { (v.t("exchange-intro")) }
        section class="panel" aria-labelledby="export-title" {
            h2 id="export-title" { (v.t("exchange-export-title")) }
            p { (v.t("exchange-export-intro")) }
            div class="table-scroll" {
                table class="data" {
                    caption class="visually-hidden" { (v.t("exchange-export-caption")) }
                    thead { tr {
                        th scope="col" { (v.t("exchange-col-kind")) }
                        th scope="col" { (v.t("exchange-col-downloads")) }
                    } }
                    tbody {
                        @for kind in SheetKind::ALL {
                            @let label = v.t(&kind.label_key());
                            tr {
                                th scope="row" { (label) }
                                td {
                                    ul class="inline-list" {
                                        @for f in Format::ALL {
                                            li { a href={ (base) "/bestand?soort=" (kind.code()) "&formaat=" (f.code()) } download {
                                                (v.t(f.label_key())) span class="visually-hidden" { ", " (label) }
                                            } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section class="panel" aria-labelledby="import-title" id="importeren" {
            h2 id="import-title" { (v.t("exchange-import-title")) }
            @if role.may_edit_records() {
                p { (v.t("exchange-import-intro")) }
                (import_form(v, network_id, error))
            } @else {
                p { (v.t("exchange-import-coordinator-only")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), ""), body))
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<ExchangeQuery>,
) -> Result<Markup, WebError> {
    exchange_page(&state, &v, network_id, &q, None).await
}

// ---------------------------------------------------------------------------
// Downloads

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DownloadQuery {
    soort: String,
    formaat: String,
}

pub async fn download(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, WebError> {
    let (Some(kind), Some(format)) = (SheetKind::parse(&q.soort), Format::parse(&q.formaat)) else {
        return Err(WebError::NotFound);
    };
    let actor = v.actor()?;
    let (network, _) = state.service.network(&actor, network_id).await?;
    let table = state.service.export_sheet(&actor, network_id, kind, v.lang).await?;
    let (content_type, bytes) = match format {
        Format::Xlsx => {
            let sheet = v.t(&kind.label_key());
            (XLSX_TYPE, write_xlsx(&table, &sheet).map_err(|e| WebError::Internal(e.to_string()))?)
        }
        Format::Csv => ("text/csv; charset=utf-8", write_csv(&table, Delimiter::Comma)),
        Format::CsvSemicolon => ("text/csv; charset=utf-8", write_csv(&table, Delimiter::Semicolon)),
    };
    let disposition = format!("attachment; filename=\"{}\"", file_name(&v, &network, kind, format));
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".into()),
        ],
        bytes,
    )
        .into_response())
}

// ---------------------------------------------------------------------------
// Import: upload, preview, confirmation

/// Reads the import form; `Err` is the problem to show at the file field.
async fn read_form(multipart: &mut Multipart) -> (Option<SheetKind>, Result<(String, Vec<u8>), FileProblem>) {
    let mut kind = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    let problem = |code: &str| FileProblem { code: code.to_string(), row: None, column: None };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return (kind, Err(problem("too-large"))),
        };
        match field.name() {
            Some("soort") => kind = field.text().await.ok().and_then(|t| SheetKind::parse(&t)),
            Some("bestand") => {
                let name = field.file_name().unwrap_or("").to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(_) => return (kind, Err(problem("too-large"))),
                }
            }
            _ => {}
        }
    }
    match file {
        // A form sent without choosing a file has a file part with no name and no bytes.
        Some((name, bytes)) if !(name.is_empty() && bytes.is_empty()) => (kind, Ok((name, bytes))),
        _ => (kind, Err(problem("file-missing"))),
    }
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let (_, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let (kind, file) = read_form(&mut multipart).await;
    let (name, bytes) = match file {
        Ok(f) => f,
        Err(problem) => return unreadable(&state, &v, network_id, FormError { kind, problem }).await,
    };
    let Some(kind) = kind else { return Err(WebError::BadRequest) };
    match state.service.preview_import(&actor, network_id, kind, &name, &bytes, &code_aliases()).await? {
        PreviewOutcome::Unreadable(problem) => unreadable(&state, &v, network_id, FormError { kind: Some(kind), problem }).await,
        PreviewOutcome::Checked(check) => preview_page(&state, &v, network_id, &check, false).await,
    }
}

/// The exchange page again, with the reason the file could not be read at its field.
async fn unreadable(state: &AppState, v: &Visitor, network_id: i64, error: FormError) -> Result<Response, WebError> {
    let page = exchange_page(state, v, network_id, &ExchangeQuery::default(), Some(&error)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

fn header_problem_text(v: &Visitor, h: &HeaderProblem) -> String {
    let args =
        [("header", FluentValue::from(h.header.clone())), ("column", FluentValue::from(h.column.map(column_letter).unwrap_or_default()))];
    v.ta(&format!("import-header-{}", h.code), &args)
}

/// The checked file: counts, every problem, and the confirmation when clean.
/// `changed` says that a confirmation was refused because the data changed.
async fn preview_page(state: &AppState, v: &Visitor, network_id: i64, check: &ImportCheck, changed: bool) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let base = format!("/netwerken/{network_id}/uitwisselen");
    let title = v.ta("exchange-preview-title", &[("file", FluentValue::from(check.file_name.clone()))]);
    let summary = [
        ("create", FluentValue::from(check.counts.created)),
        ("update", FluentValue::from(check.counts.updated)),
        ("unchanged", FluentValue::from(check.counts.unchanged)),
    ];
    let clean = check.is_clean();
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("exchange-title")) } }
        h1 { (title) }
        p { (v.ta("exchange-preview-kind", &[("kind", FluentValue::from(v.t(&check.kind.label_key())))])) }
        @if changed {
            div class="error-summary" role="alert" tabindex="-1" { p { (v.t("exchange-changed-since")) } }
        }
        p class="lead" role="status" id="import-summary" { (v.ta("import-preview-summary", &summary)) }
        @if clean {
            p { (v.t("exchange-preview-clean")) }
        } @else {
            div class="error-summary" role="alert" aria-labelledby="problems-summary-title" tabindex="-1" {
                h2 id="problems-summary-title" { (v.ta("exchange-problem-count", &[("count", FluentValue::from(check.header_problems.len() + check.problems.len()))])) }
                p { (v.t("import-preview-has-errors")) }
                ul {
                    @if !check.header_problems.is_empty() { li { a href="#header-problems" { (v.t("exchange-header-problems-title")) } } }
                    @if !check.problems.is_empty() { li { a href="#row-problems" { (v.t("exchange-problems-title")) } } }
                }
            }
        }
        @if !check.header_problems.is_empty() {
            section class="panel" aria-labelledby="header-problems" {
                h2 id="header-problems" tabindex="-1" { (v.t("exchange-header-problems-title")) }
                ul { @for h in &check.header_problems { li { (header_problem_text(v, h)) } } }
            }
        }
        @if !check.problems.is_empty() {
            section class="panel" aria-labelledby="row-problems" {
                h2 id="row-problems" tabindex="-1" { (v.t("exchange-problems-title")) }
                div class="table-scroll" {
                    table class="data" {
                        caption class="visually-hidden" { (v.t("exchange-problems-caption")) }
                        thead { tr {
                            th scope="col" { (v.t("exchange-col-row")) }
                            th scope="col" { (v.t("exchange-col-column")) }
                            th scope="col" { (v.t("exchange-col-problem")) }
                        } }
                        tbody {
                            @for p in &check.problems {
                                tr {
                                    td class="num" { (p.row) }
                                    td { @match (p.column, &p.header) {
                                        (Some(c), Some(h)) => { (column_letter(c)) " (" (h) ")" },
                                        _ => "—",
                                    } }
                                    td { (v.t(&format!("error-{}", p.code))) }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !check.ignored_columns.is_empty() {
            section class="panel" aria-labelledby="ignored-title" {
                h2 id="ignored-title" { (v.t("exchange-ignored-title")) }
                ul { @for (c, h) in &check.ignored_columns {
                    li { (v.ta("import-ignored-column", &[("column", FluentValue::from(column_letter(*c))), ("header", FluentValue::from(h.clone()))])) }
                } }
            }
        }
        @match check.upload_id {
            Some(upload) => {
                form method="post" action={ (base) "/bevestigen" } class="form-actions" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    input type="hidden" name="upload" value=(upload);
                    input type="hidden" name="soort" value=(check.kind.code());
                    button type="submit" class="button primary" { (v.t("import-confirm")) }
                    a href=(base) { (v.t("exchange-cancel")) }
                }
            }
            None => p { a href={ (base) "#importeren" } { (v.t("exchange-other-file")) } },
        }
    };
    let status = if clean { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, page(v, &PageMeta::network(&title, nav(&network, role), ""), body)).into_response())
}

#[derive(Debug, Deserialize)]
pub(crate) struct ConfirmForm {
    upload: i64,
}

pub async fn confirm(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let aliases = code_aliases();
    let base = format!("/netwerken/{network_id}/uitwisselen");
    match state.service.apply_import(&actor, network_id, form.upload, &aliases).await {
        Ok(done) => {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("done", "imported")
                .append_pair("soort", done.kind.code())
                .append_pair("nieuw", &done.counts.created.to_string())
                .append_pair("bijgewerkt", &done.counts.updated.to_string())
                .append_pair("ongewijzigd", &done.counts.unchanged.to_string())
                .finish();
            Ok(Redirect::to(&format!("{base}?{query}")).into_response())
        }
        Err(ServiceError::Invalid(e)) if e.for_field("upload").is_some_and(|e| e.code == "already-imported") => {
            Ok(Redirect::to(&format!("{base}?done=already-imported")).into_response())
        }
        Err(ServiceError::Invalid(_)) => {
            let check = state.service.check_upload(&actor, network_id, form.upload, &aliases).await?;
            let mut response = preview_page(&state, &v, network_id, &check, true).await?;
            *response.status_mut() = StatusCode::CONFLICT;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(slug("Gezond Rivierenland"), "gezond-rivierenland");
        assert_eq!(slug("Coöperatie Één / Zorg & Welzijn"), "cooperatie-een-zorg-welzijn");
        assert_eq!(slug("!!!"), "verband");
    }

    #[test]
    fn labels_of_both_languages_become_codes() {
        use verband_domain::import::preview_organisations;
        let headers: Vec<String> = ["naam", "sector", "publiek of privaat", "status lidmaatschap"].map(String::from).to_vec();
        for lang in LANGUAGES {
            let row = vec![
                "GGD".to_string(),
                translate(*lang, &Sector::Welfare.label_key()),
                translate(*lang, &Ownership::Private.label_key()).to_uppercase(),
                translate(*lang, &MembershipStatus::Prospect.label_key()),
            ];
            let p = preview_organisations(&headers, &[row], &[], &code_aliases());
            assert!(p.is_clean(), "{lang:?}: {:?}", p.cell_problems());
            let d = p.rows[0].draft.as_ref().unwrap();
            assert_eq!((d.sector, d.ownership, d.membership_status), (Sector::Welfare, Ownership::Private, MembershipStatus::Prospect));
        }
    }
}
