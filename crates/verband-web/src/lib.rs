//! HTTP for Verband: the server-rendered pages and the JSON API under
//! `/api/v1`. Only this crate knows HTTP; every decision of who may do what
//! is made by `verband-service`.

mod account_mail;
mod api;
mod calendar;
mod csrf;
mod error;
mod forms;
mod i18n;
mod layout;
pub mod markdown;
mod pages;
mod respondent;
mod visitor;

use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;
use verband_service::Service;

pub use account_mail::compose_account_mail;
pub use i18n::{translate, LANGUAGES};
pub use respondent::compose_survey_mail;

/// Settings the binary passes to the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when the public URL is https).
    pub secure_cookies: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub service: Service,
    pub config: WebConfig,
}

/// The whole application: pages, API and static assets.
pub fn router(service: Service, config: WebConfig) -> Router {
    let state = AppState { service, config };
    let pages = pages::routes(state.clone());
    let api = api::routes(state.clone());
    Router::new()
        .merge(pages)
        // iCalendar downloads (logged in) and personal feeds (a secret URL, no session).
        .merge(calendar::routes(state.clone()))
        // Survey pages for respondents: a personal link, no session.
        .merge(respondent::routes(state.clone()))
        .nest("/api/v1", api)
        // With a trailing slash the path misses the nest; the API's own
        // fallback still answers it, as problem+json rather than a page.
        .route("/api/v1/", axum::routing::any(api::not_found))
        .route("/static/verband.css", get(stylesheet))
        .route("/static/map.js", get(map_script))
        .route("/health", get(|| async { "ok" }))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
            ),
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        // Enforced by the extractors, so each side answers an oversized body
        // in its own way (an error page, or problem+json).
        .layer(axum::extract::DefaultBodyLimit::max(2 * 1024 * 1024))
}

async fn map_script() -> impl axum::response::IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../static/map.js"),
    )
}

async fn stylesheet() -> impl axum::response::IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../static/verband.css"),
    )
}
