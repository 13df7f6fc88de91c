//! Errors of page handlers, mapped once to HTTP. The page itself is drawn by
//! the visitor middleware, which knows the visitor's language.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use verband_service::ServiceError;

use crate::layout::{page, PageMeta};
use crate::visitor::Visitor;

#[derive(Debug)]
pub enum WebError {
    /// Not logged in: go to the log-in page and come back to this path.
    LoginRequired(String),
    NotFound,
    Forbidden,
    Csrf,
    TooLarge,
    BadRequest,
    Conflict(String),
    Internal(String),
}

impl From<ServiceError> for WebError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::NotFound => WebError::NotFound,
            ServiceError::Forbidden => WebError::Forbidden,
            ServiceError::Invalid(_) | ServiceError::BadCredentials | ServiceError::Throttled => WebError::BadRequest,
            ServiceError::Conflict(m) => WebError::Conflict(m),
            ServiceError::Store(e) => WebError::Internal(e.to_string()),
            ServiceError::Search(e) => WebError::Internal(e),
        }
    }
}

/// Marks a response whose body the visitor middleware replaces by an error page.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    title_key: &'static str,
    text_key: &'static str,
}

impl ErrorPage {
    pub fn render(&self, v: &Visitor, status: StatusCode) -> Response {
        let title = v.t(self.title_key);
        let body = html! {
            h1 { (title) }
            p { (v.t(self.text_key)) }
            p { a href="/" { (v.t("error-back-home")) } }
        };
        (status, page(v, &PageMeta::plain(&title), body)).into_response()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, title_key, text_key) = match self {
            WebError::LoginRequired(next) => {
                let target = format!("/inloggen?next={}", form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>());
                return Redirect::to(&target).into_response();
            }
            WebError::NotFound => (StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-text"),
            WebError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden-text"),
            WebError::Csrf => (StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-text"),
            WebError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "error-too-large-title", "error-too-large-text"),
            WebError::BadRequest => (StatusCode::BAD_REQUEST, "error-bad-request-title", "error-bad-request-text"),
            WebError::Conflict(m) => {
                tracing::info!("conflict: {m}");
                (StatusCode::CONFLICT, "error-conflict-title", "error-conflict-text")
            }
            WebError::Internal(m) => {
                tracing::error!("internal error: {m}");
                (StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title", "error-internal-text")
            }
        };
        let mut r = (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], title_key).into_response();
        r.extensions_mut().insert(ErrorPage { title_key, text_key });
        r
    }
}
