//! "Wachtwoord vergeten": ask for a link by e-mail, then choose a new
//! password through it. The request page answers the same whether or not
//! the address is known; a link that does not work (any more) gets one
//! polite page, whatever the reason.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::ValidationErrors;
use verband_service::{Channel, Origin, ServiceError};

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::visitor::Visitor;
use crate::AppState;

fn origin(v: &Visitor) -> Origin {
    Origin { channel: Channel::Web, ip: v.ip.clone() }
}

/// The token is in the address of these pages: it goes to no other site.
fn private(status: StatusCode, body: Markup) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    r.headers_mut().insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    r
}

fn request_form(v: &Visitor, email: &str, errors: &ValidationErrors) -> Markup {
    let title = v.t("reset-request-title");
    let f = Fields::new(v, errors);
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p class="lead" { (v.t("reset-request-intro")) }
            (f.summary(&[("email", "reset-email")]))
            form method="post" action="/wachtwoord-vergeten" class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.text("email", "reset-email", email, Opts { kind: Some("email"), autocomplete: Some("email"), ..Opts::required() }))
                button type="submit" class="button primary" { (v.t("reset-request-submit")) }
            }
            p { a href="/inloggen" { (v.t("reset-back-to-login")) } }
        }
    };
    page(v, &PageMeta::plain(&title), body)
}

pub async fn request_page(Extension(v): Extension<Visitor>) -> Markup {
    request_form(&v, "", &ValidationErrors::default())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    email: String,
}

pub async fn request(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<RequestForm>,
) -> Result<Response, WebError> {
    match state.service.request_password_reset(&f.email, origin(&v)).await {
        Ok(()) => {
            let title = v.t("reset-sent-title");
            let body = html! {
                div class="narrow" {
                    h1 { (title) }
                    div class="flash" role="status" { p { (v.t("reset-sent-text")) } }
                    p { (v.t("reset-sent-hint")) }
                    p { a href="/inloggen" { (v.t("reset-back-to-login")) } }
                }
            };
            Ok(page(&v, &PageMeta::plain(&title), body).into_response())
        }
        Err(ServiceError::Invalid(errors)) => Ok((StatusCode::BAD_REQUEST, request_form(&v, &f.email, &errors)).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// The one page for a link that does not work, or for too many of those.
fn link_problem(v: &Visitor, throttled: bool) -> Response {
    let (title_key, text_key, status) = if throttled {
        ("reset-throttled-title", "reset-throttled-text", StatusCode::TOO_MANY_REQUESTS)
    } else {
        ("reset-link-invalid-title", "reset-link-invalid-text", StatusCode::NOT_FOUND)
    };
    let title = v.t(title_key);
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p { (v.t(text_key)) }
            p { a href="/wachtwoord-vergeten" { (v.t("reset-request-again")) } }
        }
    };
    private(status, page(v, &PageMeta::plain(&title), body))
}

fn choose_form(v: &Visitor, token: &str, username: &str, errors: &ValidationErrors) -> Markup {
    let title = v.t("reset-choose-title");
    let f = Fields::new(v, errors);
    let new_password =
        Opts { kind: Some("password"), autocomplete: Some("new-password"), hint: Some("password-rules-hint"), ..Opts::required() };
    let repeat = Opts { kind: Some("password"), autocomplete: Some("new-password"), ..Opts::required() };
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            (f.summary(&[("password", "password-new"), ("repeat", "password-repeat")]))
            form method="post" action={ "/wachtwoord-herstellen/" (token) } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                // For password managers: whose password this is.
                input type="text" name="username" value=(username) autocomplete="username" hidden readonly;
                // Passwords are never sent back into a page.
                (f.text("password", "password-new", "", new_password))
                (f.text("repeat", "password-repeat", "", repeat))
                button type="submit" class="button primary" { (v.t("reset-choose-submit")) }
            }
        }
    };
    page(v, &PageMeta::plain(&title), body)
}

pub async fn choose_page(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match state.service.password_reset_link(&token, &origin(&v)).await {
        Ok(link) => Ok(private(StatusCode::OK, choose_form(&v, &token, &link.username, &ValidationErrors::default()))),
        Err(ServiceError::NotFound) => Ok(link_problem(&v, false)),
        Err(ServiceError::Throttled) => Ok(link_problem(&v, true)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChooseForm {
    username: String,
    password: String,
    repeat: String,
}

pub async fn choose(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token): Path<String>,
    Form(f): Form<ChooseForm>,
) -> Result<Response, WebError> {
    let outcome = if f.password != f.repeat {
        // Checked first so that the link is not spent on a typing mistake.
        state
            .service
            .password_reset_link(&token, &origin(&v))
            .await
            .and(Err(ValidationErrors::single("repeat", "password-mismatch").into()))
    } else {
        state.service.reset_password(&token, &f.password, origin(&v)).await
    };
    match outcome {
        Ok(()) => {
            let title = v.t("reset-done-title");
            let body = html! {
                div class="narrow" {
                    h1 { (title) }
                    div class="flash" role="status" { p { (v.t("reset-done-text")) } }
                    p { a class="button primary" href="/inloggen" { (v.t("login-submit")) } }
                }
            };
            Ok(private(StatusCode::OK, page(&v, &PageMeta::plain(&title), body)))
        }
        Err(ServiceError::Invalid(errors)) => Ok(private(StatusCode::BAD_REQUEST, choose_form(&v, &token, &f.username, &errors))),
        Err(ServiceError::NotFound) => Ok(link_problem(&v, false)),
        Err(ServiceError::Throttled) => Ok(link_problem(&v, true)),
        Err(e) => Err(e.into()),
    }
}
