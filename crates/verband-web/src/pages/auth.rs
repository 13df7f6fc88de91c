//! Logging in and out, and switching the language.

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::html;
use serde::Deserialize;
use verband_domain::Language;
use verband_service::{Channel, LoginOutcome, Origin, ServiceError};

use crate::error::WebError;
use crate::forms::safe_next;
use crate::layout::{page, PageMeta};
use crate::visitor::{set_cookie, Visitor, PRELOGIN_COOKIE, SESSION_COOKIE};
use crate::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginQuery {
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    username: String,
    password: String,
    next: String,
}

/// Which message the log-in form shows after a failed attempt.
enum LoginProblem {
    None,
    BadCredentials,
    Throttled,
}

fn login_form(v: &Visitor, sso: bool, username: &str, next: &str, problem: LoginProblem) -> maud::Markup {
    let title = v.t("login-title");
    let message = match problem {
        LoginProblem::None => None,
        LoginProblem::BadCredentials => Some(v.t("login-failed")),
        LoginProblem::Throttled => Some(v.t("login-throttled")),
    };
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p class="lead" { (v.t("login-intro")) }
            @if let Some(m) = message {
                div class="error-summary" role="alert" tabindex="-1" id="login-error" { p { (m) } }
            }
            form method="post" action="/inloggen" class="stack" {
                input type="hidden" name="csrf" value=(v.csrf);
                input type="hidden" name="next" value=(next);
                div class="field" {
                    label for="f-username" { (v.t("login-username")) }
                    input id="f-username" name="username" type="text" value=(username) required autocomplete="username" autocapitalize="none" spellcheck="false";
                }
                div class="field" {
                    label for="f-password" { (v.t("login-password")) }
                    input id="f-password" name="password" type="password" required autocomplete="current-password";
                }
                button type="submit" class="button primary" { (v.t("login-submit")) }
            }
            @if sso { (super::sso::button(v, next)) }
            p { a href="/wachtwoord-vergeten" { (v.t("reset-link-on-login")) } }
        }
    };
    page(v, &PageMeta::plain(&title), body)
}

pub async fn login_page(State(state): State<AppState>, Extension(v): Extension<Visitor>, Query(q): Query<LoginQuery>) -> Response {
    if v.user.is_some() {
        return Redirect::to(safe_next(if q.next.is_empty() { "/netwerken" } else { &q.next })).into_response();
    }
    login_form(&v, state.service.sso_enabled(), "", &q.next, LoginProblem::None).into_response()
}

pub async fn login(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<LoginForm>,
) -> Result<Response, WebError> {
    let origin = Origin { channel: Channel::Web, ip: v.ip.clone() };
    match state.service.login(&f.username, &f.password, origin).await {
        Ok(LoginOutcome::SignedIn(signed_in)) => {
            let target = if f.next.is_empty() { "/netwerken" } else { safe_next(&f.next) };
            Ok(signed_in_response(&state, target, &signed_in.session_token))
        }
        Ok(LoginOutcome::SecondFactorNeeded(pending)) => Ok(super::two_factor::pending_response(&state, &pending.pending_token, &f.next)),
        Err(ServiceError::BadCredentials) => {
            Ok((StatusCode::UNAUTHORIZED, login_form(&v, state.service.sso_enabled(), &f.username, &f.next, LoginProblem::BadCredentials))
                .into_response())
        }
        Err(ServiceError::Throttled) => {
            Ok((StatusCode::TOO_MANY_REQUESTS, login_form(&v, state.service.sso_enabled(), &f.username, &f.next, LoginProblem::Throttled))
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The session cookie of a new session (the pre-log-in cookie is done), and on to `target`.
pub(crate) fn signed_in_response(state: &AppState, target: &str, session_token: &str) -> Response {
    let secure = state.config.secure_cookies;
    let mut r = Redirect::to(target).into_response();
    let age = verband_service::SESSION_HOURS * 3600;
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, session_token, Some(age), secure));
    r.headers_mut().append(header::SET_COOKIE, set_cookie(PRELOGIN_COOKIE, "", Some(0), secure));
    r
}

pub async fn logout(State(state): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Response, WebError> {
    if let Some(token) = &v.session_token {
        state.service.logout(token).await?;
    }
    let mut r = Redirect::to("/inloggen").into_response();
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies));
    Ok(r)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    lang: String,
    next: String,
}

/// Remembers the language in a cookie and, for a logged-in user, in the account.
pub async fn switch_language(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<LanguageForm>,
) -> Result<Response, WebError> {
    let lang = Language::parse(f.lang.trim()).ok_or(WebError::BadRequest)?;
    if v.user.is_some() {
        state.service.set_language(&v.actor()?, lang).await?;
    }
    let mut r = Redirect::to(&without_lang(safe_next(&f.next))).into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(crate::visitor::LANG_COOKIE, lang.code(), Some(365 * 24 * 3600), state.config.secure_cookies),
    );
    Ok(r)
}

/// The path without a `lang` query parameter, which would otherwise undo the switch.
fn without_lang(next: &str) -> String {
    let Some((path, query)) = next.split_once('?') else { return next.to_string() };
    let kept: Vec<&str> = query.split('&').filter(|p| !p.starts_with("lang=") && !p.is_empty()).collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::without_lang;

    #[test]
    fn language_parameter_is_dropped_from_the_return_path() {
        assert_eq!(without_lang("/netwerken/1?lang=en"), "/netwerken/1");
        assert_eq!(without_lang("/netwerken/1/partners?q=ggd&lang=en&page=2"), "/netwerken/1/partners?q=ggd&page=2");
        assert_eq!(without_lang("/account"), "/account");
    }
}
