//! Who is visiting a page: their account (if logged in), their language and
//! their CSRF token. Worked out once per page request by a middleware.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use fluent_templates::fluent_bundle::FluentValue;
use verband_domain::Language;
use verband_service::secrets::{new_token, token_hash};
use verband_service::{Actor, Channel, Origin, UserRecord};

use crate::error::{ErrorPage, WebError};
use crate::i18n::{translate, translate_args};
use crate::AppState;

pub const SESSION_COOKIE: &str = "verband_session";
pub const PRELOGIN_COOKIE: &str = "verband_pre";
pub const LANG_COOKIE: &str = "verband_lang";

#[derive(Clone)]
pub struct Visitor {
    pub user: Option<UserRecord>,
    pub lang: Language,
    pub csrf: String,
    pub session_token: Option<String>,
    pub ip: Option<String>,
    /// Path and query of this request, to come back to after log-in.
    pub path: String,
}

impl Visitor {
    pub fn t(&self, key: &str) -> String {
        translate(self.lang, key)
    }

    pub fn ta(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        translate_args(self.lang, key, args)
    }

    /// The logged-in actor, or a redirect to the log-in page.
    pub fn actor(&self) -> Result<Actor, WebError> {
        match &self.user {
            Some(u) => Ok(Actor {
                user_id: Some(u.id),
                name: u.username.clone(),
                is_admin: u.is_admin,
                origin: Origin { channel: Channel::Web, ip: self.ip.clone() },
            }),
            None => Err(WebError::LoginRequired(self.path.clone())),
        }
    }
}

pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value; `max_age` None means a browser-session cookie.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Path=/"))
}

fn query_lang(query: Option<&str>) -> Option<Language> {
    form_urlencoded::parse(query?.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Language::parse(&v))
}

fn accept_language(headers: &HeaderMap) -> Option<Language> {
    let raw = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    raw.split(',').filter_map(|part| part.split(';').next()).find_map(|tag| Language::from_tag(tag.trim()))
}

/// The token a form must carry: bound to the session (or, before log-in, to
/// the pre-log-in cookie), so another site cannot know it.
pub fn csrf_for(secret: &str) -> String {
    token_hash(&format!("csrf:{secret}"))
}

pub async fn visitor_middleware(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers().clone();
    let session_token = cookie_value(&headers, SESSION_COOKIE);
    let user = match &session_token {
        Some(t) => match state.service.user_for_session(t).await {
            Ok(u) => u,
            Err(e) => return WebError::from(e).into_response(),
        },
        None => None,
    };
    let session_token = session_token.filter(|_| user.is_some());

    let mut new_prelogin = None;
    let csrf_secret = match (&session_token, cookie_value(&headers, PRELOGIN_COOKIE)) {
        (Some(s), _) => s.clone(),
        (None, Some(p)) => p,
        (None, None) => {
            let p = new_token();
            new_prelogin = Some(p.clone());
            p
        }
    };
    let asked_lang = query_lang(req.uri().query());
    let lang = asked_lang
        .or_else(|| cookie_value(&headers, LANG_COOKIE).and_then(|c| Language::parse(&c)))
        .or(user.as_ref().map(|u| u.language))
        .or_else(|| accept_language(&headers))
        .unwrap_or(Language::Nl);
    let ip = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let path = req.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
    // The provider's answer carries a code and state in the query: never echo
    // them into the page (the language switch and log-in links reuse `path`).
    let path = if req.uri().path() == "/inloggen/sso/terug" { "/inloggen".to_string() } else { path };
    let visitor = Visitor { user, lang, csrf: csrf_for(&csrf_secret), session_token, ip, path };
    req.extensions_mut().insert(visitor.clone());

    // Where two-factor sign-in is required and not yet set up, that comes first.
    let gate = match &visitor.user {
        Some(u) => crate::pages::two_factor::enrolment_gate(&state, u, &visitor.path).await,
        None => None,
    };
    let mut response = match gate {
        Some(r) => r,
        None => next.run(req).await,
    };

    if let Some(page) = response.extensions().get::<ErrorPage>().cloned() {
        response = page.render(&visitor, response.status());
    }
    let secure = state.config.secure_cookies;
    if let Some(p) = new_prelogin {
        response.headers_mut().append(header::SET_COOKIE, set_cookie(PRELOGIN_COOKIE, &p, None, secure));
    }
    if let Some(l) = asked_lang {
        response.headers_mut().append(header::SET_COOKIE, set_cookie(LANG_COOKIE, l.code(), Some(365 * 24 * 3600), secure));
    }
    // Pages are never stored; a handler that chose its own policy (a file download) keeps it.
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
