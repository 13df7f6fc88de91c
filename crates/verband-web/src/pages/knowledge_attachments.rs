//! Attachments of a knowledge item: the list with size and type, the upload
//! form for those who may edit the item, download for every reader, and
//! taking a file off. Downloads go out as attachments in a sandbox
//! (`agreement_documents::file_response`), whatever the file holds.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};
use verband_domain::{Language, ValidationErrors};
use verband_service::knowledge_attachments::{ATTACHMENT_FIELD, MAX_ATTACHMENT_BYTES};
use verband_service::{KnowledgeAttachment, KnowledgeRecord, ServiceError};

use crate::error::WebError;
use crate::forms::Fields;
use crate::pages::agreement_documents::file_response;
use crate::pages::knowledge_item::{item_path, returned_page, stored_date, Returned};
use crate::visitor::Visitor;
use crate::AppState;

/// The body limit of the upload route: the largest attachment plus the form around it.
pub const UPLOAD_BODY_LIMIT: usize = MAX_ATTACHMENT_BYTES + 64 * 1024;

/// "840 kB" or "2,4 MB", in the visitor's notation.
fn size(v: &Visitor, bytes: i64) -> String {
    let kb = (bytes as f64 / 1024.0).max(1.0);
    let text = if kb < 1024.0 { format!("{} kB", kb.round()) } else { format!("{:.1} MB", kb / 1024.0) };
    match v.lang {
        Language::Nl => text.replace('.', ","),
        Language::En => text,
    }
}

/// A short name for a stored content type ("PDF", "Word").
fn type_label(v: &Visitor, content_type: &str) -> String {
    let key = match content_type {
        "application/pdf" => "knowledge-file-pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "knowledge-file-docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "knowledge-file-xlsx",
        t if t.starts_with("image/") => "knowledge-file-image",
        _ => "knowledge-file-other",
    };
    v.t(key)
}

fn download_path(item_id: i64, attachment_id: i64) -> String {
    format!("{}/bijlagen/{attachment_id}", item_path(item_id))
}

/// The attachments section of the item page.
pub(crate) fn section(
    v: &Visitor,
    item: &KnowledgeRecord,
    attachments: &[KnowledgeAttachment],
    may_edit: bool,
    upload_errors: Option<&ValidationErrors>,
) -> Markup {
    let no_errors = ValidationErrors::default();
    let errors = upload_errors.unwrap_or(&no_errors);
    let f = Fields::new(v, errors);
    let invalid = errors.for_field(ATTACHMENT_FIELD).is_some();
    html! {
        section aria-labelledby="attachments-title" class="panel" {
            h2 id="attachments-title" { (v.t("knowledge-attachments")) }
            (f.summary(&[(ATTACHMENT_FIELD, "knowledge-attachment-file")]))
            @if attachments.is_empty() { p class="empty" { (v.t("knowledge-attachments-empty")) } }
            @else {
                div class="table-scroll" tabindex="0" role="region" aria-labelledby="attachments-caption" {
                    table class="data" {
                        caption id="attachments-caption" class="visually-hidden" { (v.t("knowledge-attachments")) }
                        thead { tr {
                            th scope="col" { (v.t("knowledge-attachment-name")) }
                            th scope="col" { (v.t("knowledge-attachment-type")) }
                            th scope="col" class="num" { (v.t("knowledge-attachment-size")) }
                            th scope="col" { (v.t("knowledge-attachment-date")) }
                            @if may_edit && !item.archived { th scope="col" { (v.t("actions")) } }
                        } }
                        tbody {
                            @for a in attachments {
                                tr {
                                    td { a href=(download_path(item.id, a.id)) download { (a.file_name) } }
                                    td { (type_label(v, &a.content_type)) }
                                    td class="num" { (size(v, a.size_bytes)) }
                                    td { (stored_date(v, &a.uploaded_at)) }
                                    @if may_edit && !item.archived {
                                        td {
                                            form method="post" action={ (download_path(item.id, a.id)) "/verwijderen" } class="inline" {
                                                input type="hidden" name="csrf" value=(v.csrf);
                                                button type="submit" class="link-button" {
                                                    (v.t("knowledge-attachment-remove")) span class="visually-hidden" { ": " (a.file_name) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if may_edit && !item.archived {
                form method="post" action={ (item_path(item.id)) "/bijlagen" } enctype="multipart/form-data" class="stack" {
                    // The token first, so the CSRF check finds it before the file.
                    input type="hidden" name="csrf" value=(v.csrf);
                    div class={ "field" @if invalid { " has-error" } } {
                        label for="f-attachment" { (v.t("knowledge-attachment-file")) }
                        p class="hint" id="f-attachment-hint" { (v.t("knowledge-attachment-hint")) }
                        @if let Some(e) = errors.for_field(ATTACHMENT_FIELD) {
                            p class="field-error" id="f-attachment-error" {
                                span class="visually-hidden" { (v.t("error-prefix")) " " } (v.t(&format!("error-{}", e.code)))
                            }
                        }
                        input id="f-attachment" name="attachment" type="file"
                            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
                            aria-invalid=[invalid.then_some("true")]
                            aria-describedby={ @if invalid { "f-attachment-error " } "f-attachment-hint" };
                    }
                    div class="form-actions" { button type="submit" class="button" { (v.t("knowledge-attachment-add")) } }
                }
            }
        }
    }
}

/// The file of a multipart form, or why there is none.
async fn read_file(multipart: &mut Multipart) -> Result<(String, Vec<u8>), &'static str> {
    let mut file = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                if field.name() != Some(ATTACHMENT_FIELD) {
                    continue;
                }
                let name = field.file_name().unwrap_or("").to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err("file-too-large"),
                    Err(_) => return Err("bad-request"),
                }
            }
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err("file-too-large"),
            Err(_) => return Err("bad-request"),
        }
    }
    match file {
        // A form sent without choosing a file has an empty, nameless part.
        Some((name, bytes)) if !(name.is_empty() && bytes.is_empty()) => Ok((name, bytes)),
        _ => Err("file-missing"),
    }
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let result = match read_file(&mut multipart).await {
        Ok((name, bytes)) => state.service.add_knowledge_attachment(&actor, id, &name, &bytes).await,
        Err("bad-request") => return Err(WebError::BadRequest),
        Err(code) => {
            // Say the problem only to those who may upload; others learn what the service says.
            state.service.knowledge_item_for_edit(&actor, id).await?;
            Err(ServiceError::Invalid(ValidationErrors::single(ATTACHMENT_FIELD, code)))
        }
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{}?done=created#attachments-title", item_path(id))).into_response()),
        Err(ServiceError::Invalid(e)) => returned_page(&state, &v, id, Returned { upload: Some(e), ..Default::default() }).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn download(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((id, attachment_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (a, content) = state.service.knowledge_attachment(&v.actor()?, id, attachment_id).await?;
    Ok(file_response(&a.file_name, &a.content_type, content))
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((id, attachment_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.archive_knowledge_attachment(&v.actor()?, id, attachment_id).await?;
    Ok(Redirect::to(&format!("{}?done=deleted#attachments-title", item_path(id))).into_response())
}
