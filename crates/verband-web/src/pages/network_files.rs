//! "Netwerkbestanden": a round of the network as GEXF, GraphML, Kumu JSON or
//! Gephi's CSV tables, for Gephi, Kumu, networkx and the like; and a network
//! file from one of those tools read into a new round, with a preview of how
//! its nodes match the partners before anything is written.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::{Form, Query};
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use serde::Deserialize;
use verband_formats::{GraphFormatError, Part};
use verband_service::network_files::MAX_NETWORK_FILE_BYTES;
use verband_service::{NetworkFileFormat, NetworkImportOutcome, NetworkImportPreview, NodeMatch, ServiceError};

use crate::error::WebError;
use crate::layout::{date, page, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// Room for both tables of Gephi's CSV and the form around them.
pub const UPLOAD_BODY_LIMIT: usize = 2 * MAX_NETWORK_FILE_BYTES + 1024 * 1024;

fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/kaart/bestanden")
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct FilesQuery {
    meting: String,
    formaat: String,
    done: Option<String>,
}

fn label_key(f: NetworkFileFormat) -> String {
    format!("network-format-{}", f.code())
}

/// A reader's complaint as a sentence, with where in the file it is.
fn problem_text(v: &Visitor, e: &GraphFormatError) -> String {
    let what = v.t(&format!("network-import-error-{}", e.code()));
    match e.position() {
        Some(p) => {
            let part = match p.part {
                Part::File => String::new(),
                Part::NodesTable => format!("{}, ", v.t("network-import-nodes-table")),
                Part::EdgesTable => format!("{}, ", v.t("network-import-edges-table")),
            };
            let place = match p.column {
                Some(c) => v.ta("network-import-at-line-column", &[("line", FluentValue::from(p.line)), ("column", FluentValue::from(c))]),
                None => v.ta("network-import-at-line", &[("line", FluentValue::from(p.line))]),
            };
            format!("{part}{place}: {what}")
        }
        None => what,
    }
}

async fn files_page(state: &AppState, v: &Visitor, network_id: i64, q: &FilesQuery, problem: Option<String>) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let rounds = state.service.relationship_rounds(&actor, network_id).await?;
    let current = q.meting.parse::<i64>().ok().or(rounds.last().map(|r| r.id));
    let title = v.t("network-files-title");
    let limit = [("megabytes", FluentValue::from(MAX_NETWORK_FILE_BYTES / (1024 * 1024)))];
    let body = html! {
        p class="breadcrumb" { a href={ "/netwerken/" (network_id) "/kaart" } { (v.t("map-title")) } }
        h1 { (title) }
        @if q.done.as_deref() == Some("already-imported") { div class="flash" role="status" { (v.t("network-import-already")) } }
        p class="lead" { (v.t("network-files-intro")) }
        section class="panel" aria-labelledby="files-export-title" {
            h2 id="files-export-title" { (v.t("network-files-export")) }
            @if rounds.is_empty() {
                p class="empty" { (v.t("network-files-no-rounds")) }
            } @else {
                form method="get" action=(base(network_id)) class="inline-form" {
                    label for="f-meting" { (v.t("map-filter-round")) }
                    select id="f-meting" name="meting" {
                        @for r in rounds.iter().rev() {
                            option value=(r.id) selected[current == Some(r.id)] { (r.label) " (" (date(v, Some(r.measured_on))) ")" }
                        }
                    }
                    button type="submit" class="button" { (v.t("network-files-choose-round")) }
                }
                ul class="downloads" {
                    @for f in NetworkFileFormat::ALL {
                        li { a href={ (base(network_id)) "/download?formaat=" (f.code()) "&meting=" (current.unwrap_or_default()) } download { (v.t(&label_key(*f))) } }
                    }
                }
            }
        }
        section class="panel" aria-labelledby="files-import-title" id="inlezen" {
            h2 id="files-import-title" { (v.t("network-files-import")) }
            @if !role.may_edit_records() {
                p { (v.t("network-files-import-coordinator-only")) }
            } @else {
                p { (v.t("network-files-import-intro")) }
                @if let Some(m) = &problem {
                    div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                        h2 id="error-summary-title" { (v.t("error-summary-title")) }
                        ul { li { a href="#f-bestand" { (v.t("network-files-field-file")) ": " (m) } } }
                    }
                }
                form method="post" action={ (base(network_id)) "/inlezen" } enctype="multipart/form-data" class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    div class={ "field" @if problem.is_some() { " has-error" } } {
                        label for="f-bestand" { (v.t("network-files-field-file")) }
                        p class="hint" id="f-bestand-hint" { (v.ta("network-files-file-hint", &limit)) }
                        @if let Some(m) = &problem {
                            p class="field-error" id="f-bestand-error" { span class="visually-hidden" { (v.t("error-prefix")) " " } (m) }
                        }
                        input id="f-bestand" name="bestand" type="file" required accept=".gexf,.graphml,.json,.csv,.xml"
                            aria-invalid=[problem.as_ref().map(|_| "true")]
                            aria-describedby={ @if problem.is_some() { "f-bestand-error " } "f-bestand-hint" };
                    }
                    div class="field" {
                        label for="f-knopen" { (v.t("network-files-field-nodes")) " " span class="optional" { (v.t("field-optional")) } }
                        p class="hint" id="f-knopen-hint" { (v.t("network-files-nodes-hint")) }
                        input id="f-knopen" name="knopen" type="file" accept=".csv" aria-describedby="f-knopen-hint";
                    }
                    div class="form-actions" { button type="submit" class="button primary" { (v.t("network-files-check")) } }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "map"), body))
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<FilesQuery>,
) -> Result<Markup, WebError> {
    files_page(&state, &v, network_id, &q, None).await
}

pub async fn download(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<FilesQuery>,
) -> Result<Response, WebError> {
    let format = NetworkFileFormat::parse(&q.formaat).ok_or(WebError::NotFound)?;
    let round = q.meting.parse::<i64>().ok().filter(|id| *id > 0);
    let file = state.service.export_network_file(&v.actor()?, network_id, round, format).await?;
    Ok(crate::pages::map::download(file.media_type, &file.file_name, file.content))
}

/// The file and the optional nodes table; `Err` is the problem's catalogue key.
async fn read_form(multipart: &mut Multipart) -> Result<((String, Vec<u8>), Option<Vec<u8>>), &'static str> {
    let mut file = None;
    let mut nodes = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err("network-import-error-too-large"),
        };
        let name = field.name().map(str::to_string);
        let file_name = field.file_name().unwrap_or("").to_string();
        let bytes = field.bytes().await.map_err(|_| "network-import-error-too-large")?;
        if bytes.len() > MAX_NETWORK_FILE_BYTES {
            return Err("network-import-error-too-large");
        }
        match name.as_deref() {
            Some("bestand") if !(file_name.is_empty() && bytes.is_empty()) => file = Some((file_name, bytes.to_vec())),
            Some("knopen") if !bytes.is_empty() => nodes = Some(bytes.to_vec()),
            _ => {}
        }
    }
    file.map(|f| (f, nodes)).ok_or("network-import-file-missing")
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
    let unreadable = |problem: String| async {
        let page = files_page(&state, &v, network_id, &FilesQuery::default(), Some(problem)).await?;
        Ok::<Response, WebError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let ((name, bytes), nodes) = match read_form(&mut multipart).await {
        Ok(x) => x,
        Err(key) => return unreadable(v.t(key)).await,
    };
    match state.service.preview_network_import(&actor, network_id, &name, &bytes, nodes.as_deref()).await? {
        NetworkImportOutcome::Unreadable(e) => unreadable(problem_text(&v, &e)).await,
        NetworkImportOutcome::Checked(preview) => Ok(preview_page(&state, &v, network_id, &preview).await?.into_response()),
    }
}

async fn preview_page(state: &AppState, v: &Visitor, network_id: i64, p: &NetworkImportPreview) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let name = |id: i64| partners.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()).unwrap_or_default();
    let title = v.ta("network-preview-title", &[("file", FluentValue::from(p.file_name.clone()))]);
    let matched = p.nodes.len() - p.new_partners();
    let summary = [
        ("nodes", FluentValue::from(p.nodes.len())),
        ("matched", FluentValue::from(matched)),
        ("new", FluentValue::from(p.new_partners())),
        ("ties", FluentValue::from(p.ties)),
    ];
    let default_label = v.ta("network-import-default-label", &[("file", FluentValue::from(p.file_name.clone()))]);
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("network-files-title")) } }
        h1 { (title) }
        p class="lead" role="status" id="network-import-summary" { (v.ta("network-preview-summary", &summary)) }
        p { (v.t(if p.directed { "network-preview-directed" } else { "network-preview-undirected" })) }
        @if !p.skipped.is_empty() {
            p { (v.ta("network-preview-skipped", &[("count", FluentValue::from(p.skipped.len()))])) }
        }
        div class="table-scroll" {
            table class="data" {
                caption { (v.t("network-preview-caption")) }
                thead { tr {
                    th scope="col" { (v.t("network-preview-col-node")) }
                    th scope="col" { (v.t("network-preview-col-partner")) }
                } }
                tbody {
                    @for n in &p.nodes {
                        tr {
                            th scope="row" { (n.label) @if n.label != n.file_id { " " span class="muted" { "(" (n.file_id) ")" } } }
                            td { @match &n.matched {
                                NodeMatch::ById(id) => (v.ta("network-preview-by-id", &[("partner", FluentValue::from(name(*id)))])),
                                NodeMatch::ByName(id) => (v.ta("network-preview-by-name", &[("partner", FluentValue::from(name(*id)))])),
                                NodeMatch::New(sector) => strong { (v.ta("network-preview-new", &[("sector", FluentValue::from(v.t(&sector.label_key())))])) },
                            } }
                        }
                    }
                }
            }
        }
        @if let Some(upload) = p.upload_id {
            form method="post" action={ (base(network_id)) "/bevestigen" } class="stack" {
                input type="hidden" name="csrf" value=(v.csrf);
                input type="hidden" name="upload" value=(upload);
                div class="field" {
                    label for="f-label" { (v.t("network-import-field-label")) }
                    input id="f-label" name="label" type="text" required value=(default_label) maxlength="120";
                }
                div class="form-actions" {
                    button type="submit" class="button primary" { (v.t("network-import-confirm")) }
                    a href=(base(network_id)) { (v.t("cancel")) }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&v.t("network-files-title"), nav(&network, role), "map"), body))
}

#[derive(Debug, Deserialize)]
pub(crate) struct ConfirmForm {
    upload: i64,
    #[serde(default)]
    label: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    match state.service.apply_network_import(&actor, network_id, form.upload, &form.label).await {
        Ok(round) => Ok(Redirect::to(&format!("/netwerken/{network_id}/kaart?meting={round}")).into_response()),
        Err(ServiceError::Invalid(e)) if e.for_field("upload").is_some() => {
            Ok(Redirect::to(&format!("{}?done=already-imported", base(network_id))).into_response())
        }
        Err(ServiceError::Invalid(_)) => {
            // Only the label can be wrong here: show the preview again with its field filled in.
            let preview = state.service.network_import_preview(&actor, network_id, form.upload).await?;
            Ok((StatusCode::BAD_REQUEST, preview_page(&state, &v, network_id, &preview).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
