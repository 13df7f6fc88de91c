//! "Mijn account": name, e-mail address and language, the password, the
//! sessions (with "sign out everywhere else") and API tokens for scripts and
//! other tools (shown once, stored only as a hash).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::{Language, ValidationErrors};
use verband_service::{ProfileChange, ServiceError};

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::visitor::Visitor;
use crate::AppState;

/// What the page shows besides the stored values: a token just made, what
/// was typed into a form that was refused, and the message of a change.
#[derive(Default)]
struct PageState<'a> {
    new_token: Option<&'a str>,
    token_name: &'a str,
    token_errors: ValidationErrors,
    /// The profile as typed, when it was refused.
    profile: Option<(&'a ProfileChange, ValidationErrors)>,
    password_errors: ValidationErrors,
    done: Option<&'a str>,
}

/// A stored time (`2026-03-01T09:30:00Z`) as the visitor reads it.
fn moment(v: &Visitor, stamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stamp) {
        Ok(t) => format!("{} {} UTC", crate::layout::date(v, Some(t.date_naive())), t.format("%H:%M")),
        Err(_) => stamp.to_string(),
    }
}

async fn account_page(state: &AppState, v: &Visitor, s: PageState<'_>) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let user = state.service.my_account(&actor).await?;
    let tokens = state.service.api_tokens(&actor).await?;
    let sessions = state.service.my_sessions(&actor, v.session_token.as_deref()).await?;
    let stored = ProfileChange {
        display_name: user.display_name.clone(),
        email: user.email.clone().unwrap_or_default(),
        language: user.language.code().to_string(),
    };
    let (profile, profile_errors) = match &s.profile {
        Some((typed, errors)) => (*typed, errors.clone()),
        None => (&stored, ValidationErrors::default()),
    };
    let fp = Fields::new(v, &profile_errors);
    let fw = Fields::new(v, &s.password_errors);
    let ft = Fields::new(v, &s.token_errors);
    let languages: Vec<(String, String)> =
        crate::LANGUAGES.iter().map(|l| (l.code().to_string(), crate::translate(*l, "language-name"))).collect();
    let flash = match s.done {
        Some("profile") => Some("account-profile-saved"),
        Some("password") => Some("account-password-changed"),
        Some("sessions") => Some("account-sessions-ended"),
        _ => None,
    };
    let title = v.t("account-title");
    let body = html! {
        h1 { (title) }
        @if let Some(key) = flash { div class="flash" role="status" { (v.t(key)) } }
        dl class="facts" {
            dt { (v.t("login-username")) } dd { (user.username) }
        }
        section aria-labelledby="profile-title" class="panel" {
            h2 id="profile-title" { (v.t("account-profile-title")) }
            (fp.summary(&[("display_name", "account-name"), ("email", "account-email"), ("language", "account-language")]))
            form method="post" action="/account/gegevens" class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (fp.text("display_name", "account-name", &profile.display_name, Opts { autocomplete: Some("name"), ..Opts::required() }))
                (fp.text("email", "account-email", &profile.email, Opts { kind: Some("email"), autocomplete: Some("email"), hint: Some("account-email-hint"), ..Opts::default() }))
                (fp.select("language", "account-language", &profile.language, &languages, Opts::required()))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("account-profile-save")) } }
            }
        }
        section aria-labelledby="password-title" class="panel" {
            h2 id="password-title" { (v.t("account-password-title")) }
            p { (v.t("account-password-intro")) }
            (fw.summary(&[("current_password", "password-current"), ("password", "password-new"), ("repeat", "password-repeat")]))
            form method="post" action="/account/wachtwoord" class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                input type="text" name="username" value=(user.username) autocomplete="username" hidden readonly;
                (fw.text("current_password", "password-current", "", Opts { kind: Some("password"), autocomplete: Some("current-password"), ..Opts::required() }))
                (fw.text("password", "password-new", "", Opts { kind: Some("password"), autocomplete: Some("new-password"), hint: Some("password-rules-hint"), ..Opts::required() }))
                (fw.text("repeat", "password-repeat", "", Opts { kind: Some("password"), autocomplete: Some("new-password"), ..Opts::required() }))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("account-password-save")) } }
            }
        }
        // Two-factor sign-in: its own page, linked from here.
        section aria-labelledby="sessions-title" class="panel" {
            h2 id="sessions-title" { (v.t("account-sessions-title")) }
            p { (v.t("account-sessions-intro")) }
            table class="data" {
                caption class="visually-hidden" { (v.t("account-sessions-title")) }
                thead { tr {
                    th scope="col" { (v.t("account-session-created")) }
                    th scope="col" { (v.t("account-session-expires")) }
                    th scope="col" { (v.t("account-session-origin")) }
                } }
                tbody {
                    @for s in &sessions {
                        tr {
                            td {
                                (moment(v, &s.created_at))
                                @if s.current { " " strong class="badge" { (v.t("account-session-current")) } }
                            }
                            td { (moment(v, &s.expires_at)) }
                            td { (s.origin.clone().unwrap_or_else(|| "—".into())) }
                        }
                    }
                }
            }
            @if sessions.iter().any(|s| !s.current) {
                form method="post" action="/account/sessies/elders-uitloggen" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    button type="submit" class="button secondary" { (v.t("account-sessions-end-others")) }
                }
            }
        }
        // Your networks and roles: a section of its own goes here.
        p { a href=(super::two_factor::PATH) { (v.t("two-factor-title")) } }
        section aria-labelledby="tokens-title" class="panel" {
            h2 id="tokens-title" { (v.t("tokens-title")) }
            p { (v.t("tokens-intro")) " " a href="/api/v1/openapi.json" { (v.t("footer-api")) } }
            @if let Some(t) = s.new_token {
                div class="flash" role="status" {
                    p { strong { (v.t("tokens-created")) } }
                    p { (v.t("tokens-copy-now")) }
                    p { code class="token" id="new-token" { (t) } }
                }
            }
            @if tokens.is_empty() {
                p class="empty" { (v.t("tokens-empty")) }
            } @else {
                table class="data" {
                    caption class="visually-hidden" { (v.t("tokens-title")) }
                    thead { tr {
                        th scope="col" { (v.t("tokens-name")) }
                        th scope="col" { (v.t("tokens-created-at")) }
                        th scope="col" { (v.t("tokens-status")) }
                        th scope="col" { span class="visually-hidden" { (v.t("actions")) } }
                    } }
                    tbody {
                        @for t in &tokens {
                            tr {
                                td { (t.name) }
                                td { (t.created_at.get(..10).unwrap_or(&t.created_at)) }
                                td { (v.t(if t.revoked { "tokens-revoked" } else { "tokens-active" })) }
                                td {
                                    @if !t.revoked {
                                        form method="post" action={ "/account/tokens/" (t.id) "/intrekken" } {
                                            input type="hidden" name="csrf" value=(v.csrf);
                                            button type="submit" class="button secondary" { (v.t("tokens-revoke")) span class="visually-hidden" { ": " (t.name) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h3 { (v.t("tokens-new")) }
            (ft.summary(&[("name", "tokens-name")]))
            form method="post" action="/account/tokens" class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (ft.text("name", "tokens-name", s.token_name, Opts { hint: Some("tokens-name-hint"), ..Opts::required() }))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("tokens-create")) } }
            }
        }
    };
    Ok(page(v, &PageMeta::plain(&title), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn page_handler(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    account_page(&state, &v, PageState { done: q.done.as_deref(), ..Default::default() }).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    display_name: String,
    email: String,
    language: String,
}

pub async fn save_profile(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<ProfileForm>,
) -> Result<Response, WebError> {
    let change = ProfileChange { display_name: f.display_name, email: f.email, language: f.language };
    match state.service.update_profile(&v.actor()?, v.session_token.as_deref(), &change).await {
        Ok(()) => {
            // The page follows the language just chosen, also over the cookie.
            let lang = Language::parse(change.language.trim()).unwrap_or(v.lang);
            Ok(Redirect::to(&format!("/account?done=profile&lang={}", lang.code())).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let s = PageState { profile: Some((&change, errors)), ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, account_page(&state, &v, s).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    password: String,
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let outcome = if f.password != f.repeat {
        Err(ValidationErrors::single("repeat", "password-mismatch").into())
    } else {
        state.service.change_password(&v.actor()?, v.session_token.as_deref(), &f.current_password, &f.password).await
    };
    match outcome {
        Ok(()) => Ok(Redirect::to("/account?done=password").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let s = PageState { password_errors: errors, ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, account_page(&state, &v, s).await?).into_response())
        }
        Err(ServiceError::Throttled) => {
            let s = PageState { password_errors: ValidationErrors::single("current_password", "password-throttled"), ..Default::default() };
            Ok((StatusCode::TOO_MANY_REQUESTS, account_page(&state, &v, s).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn end_other_sessions(State(state): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Response, WebError> {
    state.service.sign_out_other_sessions(&v.actor()?, v.session_token.as_deref()).await?;
    Ok(Redirect::to("/account?done=sessions").into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<TokenForm>,
) -> Result<Response, WebError> {
    match state.service.create_api_token(&v.actor()?, &f.name).await {
        // Shown in this response only, never again: no redirect that could be replayed.
        Ok(t) => Ok((StatusCode::CREATED, account_page(&state, &v, PageState { new_token: Some(&t.token), ..Default::default() }).await?)
            .into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let s = PageState { token_name: &f.name, token_errors: errors, ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, account_page(&state, &v, s).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token_id): Path<i64>,
) -> Result<Response, WebError> {
    state.service.revoke_api_token(&v.actor()?, token_id).await?;
    Ok(Redirect::to("/account").into_response())
}
