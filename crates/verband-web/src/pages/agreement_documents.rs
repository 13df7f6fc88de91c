//! Signed documents of an agreement: upload (coordinator) and download
//! (anyone in the network). Downloads are always attachments in a sandbox,
//! never shown inline, whatever the file contains.

use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use verband_domain::ValidationErrors;
use verband_service::{DocumentInfo, ServiceError};

use crate::error::WebError;
use crate::pages::agreement_detail::{detail_page, Returned};
use crate::pages::agreements::base;
use crate::visitor::Visitor;
use crate::AppState;

/// The body limit of the upload route: the largest document plus the form around it.
pub const UPLOAD_BODY_LIMIT: usize = verband_service::agreements::MAX_DOCUMENT_BYTES + 64 * 1024;

pub async fn upload(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut too_large = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                if field.name() != Some("document") {
                    continue;
                }
                let name = field.file_name().unwrap_or("").to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        too_large = true;
                        break;
                    }
                    Err(_) => return Err(WebError::BadRequest),
                }
            }
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                too_large = true;
                break;
            }
            Err(_) => return Err(WebError::BadRequest),
        }
    }
    let result = match (&file, too_large) {
        (_, true) => Err(ServiceError::Invalid(ValidationErrors::single("document", "file-too-large"))),
        (None, false) => Err(ServiceError::Invalid(ValidationErrors::single("document", "file-missing"))),
        (Some((name, bytes)), false) => {
            if name.is_empty() && bytes.is_empty() {
                // The form was sent without choosing a file.
                Err(ServiceError::Invalid(ValidationErrors::single("document", "file-missing")))
            } else {
                state.service.upload_agreement_document(&actor, network_id, id, name, bytes).await
            }
        }
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{}/{id}?done=created#documents-title", base(network_id))).into_response()),
        Err(ServiceError::Invalid(e)) => {
            // Only coordinators see the form; anyone else learns no more than the service says.
            let role = state.service.role_in(&actor, network_id).await?;
            if !role.may_edit_records() {
                return Err(WebError::Forbidden);
            }
            let r = Returned { upload: Some(e), ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, detail_page(&state, &v, network_id, id, r, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// RFC 8187 encoding of a file name for `filename*=UTF-8''…`.
fn rfc8187(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The file name for old clients that ignore `filename*`: plain ASCII, no quotes.
fn ascii_fallback(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect()
}

pub(crate) fn attachment_response(doc: &DocumentInfo, content: Vec<u8>) -> Response {
    file_response(&doc.file_name, &doc.content_type, content)
}

/// A stored file as a download: never shown inline, never sniffed, run in a
/// sandbox if a browser opens it anyway, and kept out of shared caches.
pub(crate) fn file_response(file_name: &str, content_type: &str, content: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii_fallback(file_name), rfc8187(file_name));
    let content_type = HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let disposition = HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'")),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
        ],
        content,
    )
        .into_response()
}

pub async fn download(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, document_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (doc, content) = state.service.agreement_document(&v.actor()?, network_id, document_id).await?;
    Ok(attachment_response(&doc, content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_in_the_header() {
        assert_eq!(rfc8187("Convenant 2026 – getekend.pdf"), "Convenant%202026%20%E2%80%93%20getekend.pdf");
        assert_eq!(ascii_fallback("Convenant \"2026\" – é.pdf"), "Convenant _2026_ _ _.pdf");
    }
}
