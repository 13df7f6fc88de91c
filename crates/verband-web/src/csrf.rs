//! Every state-changing page request must carry the visitor's CSRF token, as
//! a `csrf` form field or an `X-CSRF-Token` header. Checked here, in one
//! place, so that no handler can forget it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::WebError;
use crate::visitor::Visitor;

const MAX_FORM_BYTES: usize = 1024 * 1024;
/// Largest multipart body (a file upload) read here; the route's own body
/// limit and the service decide what is really accepted.
const MAX_MULTIPART_BYTES: usize = verband_service::agreements::MAX_DOCUMENT_BYTES + 1024 * 1024;

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn csrf_middleware(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(expected) = req.extensions().get::<Visitor>().map(|v| v.csrf.clone()) else {
        return WebError::Csrf.into_response();
    };
    if let Some(h) = req.headers().get("x-csrf-token").and_then(|h| h.to_str().ok()) {
        return if constant_time_eq(h.as_bytes(), expected.as_bytes()) { next.run(req).await } else { WebError::Csrf.into_response() };
    }
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|c| c.to_str().ok()).unwrap_or("").to_string();
    let boundary = multipart_boundary(&content_type);
    if !content_type.starts_with("application/x-www-form-urlencoded") && boundary.is_none() {
        return WebError::Csrf.into_response();
    }
    let limit = if boundary.is_some() { MAX_MULTIPART_BYTES } else { MAX_FORM_BYTES };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(_) => return WebError::TooLarge.into_response(),
    };
    let ok = match &boundary {
        Some(b) => multipart_field(&bytes, b, "csrf").is_some_and(|v| constant_time_eq(v, expected.as_bytes())),
        None => form_urlencoded::parse(&bytes).any(|(k, v)| k == "csrf" && constant_time_eq(v.as_bytes(), expected.as_bytes())),
    };
    if !ok {
        return WebError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// The boundary of a `multipart/form-data` body (a form with a file).
fn multipart_boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        let v = v.trim().trim_matches('"');
        (k.trim().eq_ignore_ascii_case("boundary") && !v.is_empty()).then(|| v.to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The value of the plain (non-file) field `name` of a multipart body.
/// Browsers send fields in page order, so the CSRF field, placed first in
/// the form, is found without scanning the file after it.
fn multipart_field<'a>(body: &'a [u8], boundary: &str, name: &str) -> Option<&'a [u8]> {
    let delimiter = format!("--{boundary}").into_bytes();
    let separator = [b"\r\n".as_slice(), &delimiter].concat();
    let wanted = format!("; name=\"{name}\"");
    let mut rest = &body[find(body, &delimiter)? + delimiter.len()..];
    loop {
        rest = rest.strip_prefix(b"\r\n")?;
        let end = find(rest, &separator)?;
        let part = &rest[..end];
        let header_end = find(part, b"\r\n\r\n")?;
        let headers = std::str::from_utf8(&part[..header_end]).ok()?;
        let named = headers.lines().any(|l| l.to_ascii_lowercase().starts_with("content-disposition:") && l.contains(&wanted));
        if named && !headers.to_ascii_lowercase().contains("filename=") {
            return Some(&part[header_end + 4..]);
        }
        rest = &rest[end + separator.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_token_in_a_multipart_body() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok123\r\n--XyZ\r\n\
            Content-Disposition: form-data; name=\"document\"; filename=\"csrf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1\r\n--XyZ--\r\n";
        assert_eq!(multipart_boundary("multipart/form-data; boundary=XyZ").as_deref(), Some("XyZ"));
        assert_eq!(multipart_boundary("multipart/form-data; boundary=\"XyZ\"").as_deref(), Some("XyZ"));
        assert_eq!(multipart_boundary("application/x-www-form-urlencoded"), None);
        assert_eq!(multipart_field(body, "XyZ", "csrf"), Some(b"tok123".as_slice()));
        assert_eq!(multipart_field(body, "XyZ", "other"), None);
        // A file whose name is "csrf" is not the token field.
        let only_file = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"; filename=\"a\"\r\n\r\ntok123\r\n--XyZ--\r\n";
        assert_eq!(multipart_field(only_file, "XyZ", "csrf"), None);
    }
}
