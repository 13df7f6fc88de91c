//! Single sign-on with OpenID Connect: `/inloggen/sso` sends the browser to
//! the organisation's provider, `/inloggen/sso/terug` finishes the sign-in.
//! The service checks everything; this page keeps the sign-in's `state` in a
//! short-lived cookie, so that only the browser that started a sign-in can
//! finish it (no one can log a victim in to the attacker's account by
//! sending them a callback link).

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};
use serde::Deserialize;
use verband_service::{Channel, Origin, SsoCallback, SsoRefusal};

use crate::error::WebError;
use crate::forms::safe_next;
use crate::layout::{page, PageMeta};
use crate::visitor::{cookie_value, set_cookie, Visitor, PRELOGIN_COOKIE, SESSION_COOKIE};
use crate::AppState;

/// The cookie holding the `state` of this browser's sign-in under way.
pub const SSO_COOKIE: &str = "verband_sso";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartQuery {
    next: String,
    uitnodiging: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// The log-in page's way in: a link, not a form, since a form may not lead
/// to another site (`form-action 'self'`).
pub fn button(v: &Visitor, next: &str) -> Markup {
    let href = if next.is_empty() {
        "/inloggen/sso".to_string()
    } else {
        format!("/inloggen/sso?{}", form_urlencoded::Serializer::new(String::new()).append_pair("next", next).finish())
    };
    html! {
        div class="sso" {
            p { (v.t("sso-or")) }
            a class="button secondary" href=(href) { (v.t("sso-button")) }
        }
    }
}

pub async fn start(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(q): Query<StartQuery>,
) -> Result<Response, WebError> {
    let next = if q.next.is_empty() { "" } else { safe_next(&q.next) };
    if v.user.is_some() && q.uitnodiging.is_empty() {
        return Ok(Redirect::to(if next.is_empty() { "/netwerken" } else { next }).into_response());
    }
    let invitation = Some(q.uitnodiging.as_str()).filter(|t| !t.is_empty());
    match state.service.start_sso(next, invitation).await? {
        Ok(start) => {
            let mut r = Redirect::to(&start.authorize_url).into_response();
            let age = verband_service::oidc::SSO_LOGIN_MINUTES * 60;
            r.headers_mut().append(header::SET_COOKIE, set_cookie(SSO_COOKIE, &start.state, Some(age), state.config.secure_cookies));
            Ok(r)
        }
        Err(refusal) => Ok(refused(&v, refusal)),
    }
}

pub async fn finish(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    headers: axum::http::HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Result<Response, WebError> {
    let origin = Origin { channel: Channel::Web, ip: v.ip.clone() };
    let browser_state = cookie_value(&headers, SSO_COOKIE);
    let callback = SsoCallback { code: q.code, state: q.state, error: q.error };
    let secure = state.config.secure_cookies;
    let mut r = match state.service.finish_sso(callback, browser_state.as_deref(), origin).await? {
        Ok(login) => {
            if let Some(old) = &v.session_token {
                state.service.logout(old).await?;
            }
            let next = login.next.as_deref().map(safe_next).unwrap_or("/netwerken");
            let mut r = Redirect::to(next).into_response();
            let age = verband_service::SESSION_HOURS * 3600;
            r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, &login.outcome.session_token, Some(age), secure));
            r.headers_mut().append(header::SET_COOKIE, set_cookie(PRELOGIN_COOKIE, "", Some(0), secure));
            r
        }
        Err(refusal) => refused(&v, refusal),
    };
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SSO_COOKIE, "", Some(0), secure));
    Ok(r)
}

/// The polite page of a refused sign-in: what to do next, never which check failed.
fn refused(v: &Visitor, refusal: SsoRefusal) -> Response {
    let (status, key) = match refusal {
        SsoRefusal::NotConfigured => (StatusCode::NOT_FOUND, "sso-refused-not-configured"),
        SsoRefusal::ProviderUnavailable => (StatusCode::SERVICE_UNAVAILABLE, "sso-refused-unavailable"),
        SsoRefusal::ProviderError => (StatusCode::FORBIDDEN, "sso-refused-provider"),
        SsoRefusal::UnknownState => (StatusCode::BAD_REQUEST, "sso-refused-state"),
        SsoRefusal::Token(_) => (StatusCode::FORBIDDEN, "sso-refused-token"),
        SsoRefusal::EmailNotVerified => (StatusCode::FORBIDDEN, "sso-refused-email"),
        SsoRefusal::NoAccount | SsoRefusal::AmbiguousEmail => (StatusCode::FORBIDDEN, "sso-refused-no-account"),
        SsoRefusal::Disabled => (StatusCode::FORBIDDEN, "sso-refused-disabled"),
    };
    let title = v.t("sso-refused-title");
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p class="lead" id="sso-refusal" { (v.t(key)) }
            p {
                a class="button primary" href="/inloggen" { (v.t("sso-back-to-login")) }
            }
        }
    };
    (status, page(v, &PageMeta::plain(&title), body)).into_response()
}
