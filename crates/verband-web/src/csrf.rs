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
/// File uploads: the largest a handler accepts (a signed agreement document
/// of 20 MB) with room for the form around it. Each handler sets its own,
/// usually smaller, limit.
const MAX_MULTIPART_BYTES: usize = 24 * 1024 * 1024;

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
    if content_type.starts_with("multipart/form-data") {
        return multipart(req, next, &content_type, &expected).await;
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return WebError::Csrf.into_response();
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(b) => b,
        Err(_) => return WebError::TooLarge.into_response(),
    };
    let ok = form_urlencoded::parse(&bytes).any(|(k, v)| k == "csrf" && constant_time_eq(v.as_bytes(), expected.as_bytes()));
    if !ok {
        return WebError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// A form with a file: the token is one of its fields. The body is read
/// whole, searched for the `csrf` field and handed on unchanged.
async fn multipart(req: Request, next: Next, content_type: &str, expected: &str) -> Response {
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return WebError::Csrf.into_response();
    };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_MULTIPART_BYTES).await {
        Ok(b) => b,
        Err(_) => return WebError::TooLarge.into_response(),
    };
    let mut fields = multer::Multipart::new(Body::from(bytes.clone()).into_data_stream(), boundary);
    let mut ok = false;
    while let Ok(Some(field)) = fields.next_field().await {
        if field.name() == Some("csrf") {
            ok = field.text().await.is_ok_and(|v| constant_time_eq(v.as_bytes(), expected.as_bytes()));
            break;
        }
    }
    if !ok {
        return WebError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}
