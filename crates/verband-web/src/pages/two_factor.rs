//! Two-factor sign-in: setting it up on one's own account (QR code made here
//! as SVG, with the secret as text beside it), the second step of a log-in,
//! and the administrator's page (who must use it; resetting a person's
//! factor). What is allowed is decided in the service.

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;
use verband_domain::ValidationErrors;
use verband_service::{Channel, Origin, ServiceError, TwoFactorRequirement, TwoFactorSetup, TwoFactorStatus, UserRecord};

use crate::error::WebError;
use crate::forms::{safe_next, Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::visitor::{cookie_value, set_cookie, Visitor};
use crate::AppState;

pub const PATH: &str = "/account/tweestapsverificatie";
pub const LOGIN_CODE_PATH: &str = "/inloggen/code";
pub const ADMIN_PATH: &str = "/beheer/tweestapsverificatie";
/// The short-lived cookie between the right password and the right code.
pub const PENDING_COOKIE: &str = "verband_2fa";

/// When the administrator requires two-factor sign-in and this person has
/// not set it up, every page but the set-up itself (and logging out or
/// switching the language) leads there first.
pub(crate) async fn enrolment_gate(state: &AppState, user: &UserRecord, path: &str) -> Option<Response> {
    let path_only = path.split('?').next().unwrap_or(path);
    if path_only.starts_with(PATH) || path_only == "/uitloggen" || path_only == "/taal" {
        return None;
    }
    match state.service.must_enrol_two_factor(user).await {
        Ok(false) => None,
        Ok(true) => Some(Redirect::to(PATH).into_response()),
        Err(e) => Some(WebError::from(e).into_response()),
    }
}

/// The QR code of the otpauth URI as inline SVG, named by `caption_id`.
fn qr_svg(uri: &str, caption_id: &str) -> Option<Markup> {
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build();
    let start = svg.find("<svg")?;
    let svg = svg[start..].replacen("<svg", &format!(r#"<svg role="img" aria-labelledby="{caption_id}" class="qr-code""#), 1);
    Some(PreEscaped(svg))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DoneQuery {
    done: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    code: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    password: String,
}

fn throttled_alert(v: &Visitor) -> Markup {
    html! { div class="error-summary" role="alert" tabindex="-1" { p { (v.t("two-factor-throttled")) } } }
}

fn setup_section(v: &Visitor, setup: &TwoFactorSetup, errors: &ValidationErrors, throttled: bool) -> Markup {
    let f = Fields::new(v, errors);
    html! {
        section aria-labelledby="setup-title" class="panel" {
            h2 id="setup-title" { (v.t("two-factor-setup-title")) }
            ol class="steps" {
                li { (v.t("two-factor-setup-step-app")) }
                li { (v.t("two-factor-setup-step-scan")) }
                li { (v.t("two-factor-setup-step-code")) }
            }
            figure class="qr" {
                @if let Some(svg) = qr_svg(&setup.otpauth_uri, "qr-caption") { (svg) }
                figcaption id="qr-caption" { (v.t("two-factor-qr-caption")) }
            }
            p { (v.t("two-factor-manual")) }
            dl class="facts" {
                dt { (v.t("two-factor-secret")) } dd { code id="two-factor-secret" { (setup.secret_grouped()) } }
                dt { (v.t("two-factor-issuer")) } dd { (verband_service::TOTP_ISSUER) }
                dt { (v.t("two-factor-account")) } dd { (setup.account) }
                dt { (v.t("two-factor-kind")) } dd { (v.t("two-factor-kind-value")) }
            }
            @if throttled { (throttled_alert(v)) }
            (f.summary(&[("code", "two-factor-code")]))
            form method="post" action={ (PATH) "/bevestigen" } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.text("code", "two-factor-code", "", Opts {
                    hint: Some("two-factor-code-hint"), autocomplete: Some("one-time-code"), inputmode: Some("numeric"), ..Opts::required()
                }))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("two-factor-confirm")) } }
            }
            form method="post" action={ (PATH) "/starten" } {
                input type="hidden" name="csrf" value=(v.csrf);
                button type="submit" class="button secondary" { (v.t("two-factor-restart")) }
            }
        }
    }
}

async fn account_page(state: &AppState, v: &Visitor, errors: &ValidationErrors, throttled: bool, done: &str) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let user = v.user.as_ref().ok_or(WebError::LoginRequired(v.path.clone()))?;
    let status = state.service.two_factor_status(&actor).await?;
    let required = state.service.must_enrol_two_factor(user).await?;
    let title = v.t("two-factor-title");
    let f = Fields::new(v, errors);
    let body = html! {
        p { a href="/account" { (v.t("two-factor-back-to-account")) } }
        h1 { (title) }
        @if done == "off" { div class="flash" role="status" { p { (v.t("two-factor-switched-off")) } } }
        @if required { div class="notice" role="status" { p { (v.t("two-factor-required-notice")) } } }
        p class="lead" { (v.t("two-factor-intro")) }
        @match &status {
            TwoFactorStatus::Off => {
                p { strong { (v.t("two-factor-is-off")) } }
                form method="post" action={ (PATH) "/starten" } {
                    input type="hidden" name="csrf" value=(v.csrf);
                    button type="submit" class="button primary" { (v.t("two-factor-start")) }
                }
            }
            TwoFactorStatus::SettingUp(setup) => { (setup_section(v, setup, errors, throttled)) }
            TwoFactorStatus::On { enabled_at, recovery_codes_left } => {
                p { strong { (v.t("two-factor-is-on")) } " " (v.ta("two-factor-on-since", &[("date", enabled_at.get(..10).unwrap_or(enabled_at).to_string().into())])) }
                section aria-labelledby="recovery-title" class="panel" {
                    h2 id="recovery-title" { (v.t("two-factor-recovery-title")) }
                    p { (v.ta("two-factor-recovery-left", &[("count", (*recovery_codes_left).into())])) }
                    form method="post" action={ (PATH) "/herstelcodes" } {
                        input type="hidden" name="csrf" value=(v.csrf);
                        button type="submit" class="button secondary" { (v.t("two-factor-recovery-new")) }
                    }
                }
                section aria-labelledby="off-title" class="panel" {
                    h2 id="off-title" { (v.t("two-factor-off-title")) }
                    p { (v.t("two-factor-off-intro")) }
                    @if throttled { (throttled_alert(v)) }
                    (f.summary(&[("password", "login-password")]))
                    form method="post" action={ (PATH) "/uitzetten" } class="stack" novalidate {
                        input type="hidden" name="csrf" value=(v.csrf);
                        (f.text("password", "login-password", "", Opts { kind: Some("password"), autocomplete: Some("current-password"), ..Opts::required() }))
                        div class="form-actions" { button type="submit" class="button secondary" { (v.t("two-factor-off-submit")) } }
                    }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::plain(&title), body))
}

fn recovery_codes_page(v: &Visitor, codes: &[String], first_time: bool) -> Markup {
    let title = v.t("two-factor-recovery-title");
    let body = html! {
        h1 { (title) }
        div class="flash" role="status" {
            @if first_time { p { strong { (v.t("two-factor-switched-on")) } } }
            p { (v.t("two-factor-recovery-once")) }
        }
        ul class="recovery-codes" id="recovery-codes" {
            @for c in codes { li { code { (c) } } }
        }
        p { (v.t("two-factor-recovery-use")) }
        p { a class="button primary" href=(PATH) { (v.t("two-factor-recovery-saved")) } }
    };
    page(v, &PageMeta::plain(&title), body)
}

pub async fn show(State(state): State<AppState>, Extension(v): Extension<Visitor>, Query(q): Query<DoneQuery>) -> Result<Markup, WebError> {
    account_page(&state, &v, &ValidationErrors::default(), false, &q.done).await
}

pub async fn start(State(state): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Response, WebError> {
    match state.service.start_two_factor(&v.actor()?).await {
        Ok(_) | Err(ServiceError::Conflict(_)) => Ok(Redirect::to(PATH).into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<CodeForm>,
) -> Result<Response, WebError> {
    match state.service.confirm_two_factor(&v.actor()?, &f.code).await {
        // Shown in this response only, never again: no redirect that could be replayed.
        Ok(codes) => Ok(recovery_codes_page(&v, &codes, true).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, account_page(&state, &v, &errors, false, "").await?).into_response())
        }
        Err(ServiceError::Throttled) => {
            Ok((StatusCode::TOO_MANY_REQUESTS, account_page(&state, &v, &ValidationErrors::default(), true, "").await?).into_response())
        }
        Err(ServiceError::Conflict(_)) => Ok(Redirect::to(PATH).into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn renew_codes(State(state): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Response, WebError> {
    match state.service.renew_recovery_codes(&v.actor()?).await {
        Ok(codes) => Ok(recovery_codes_page(&v, &codes, false).into_response()),
        Err(ServiceError::Conflict(_)) => Ok(Redirect::to(PATH).into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn switch_off(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<PasswordForm>,
) -> Result<Response, WebError> {
    match state.service.disable_two_factor(&v.actor()?, &f.password).await {
        Ok(()) => Ok(Redirect::to(&format!("{PATH}?done=off")).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, account_page(&state, &v, &errors, false, "").await?).into_response())
        }
        Err(ServiceError::Throttled) => {
            Ok((StatusCode::TOO_MANY_REQUESTS, account_page(&state, &v, &ValidationErrors::default(), true, "").await?).into_response())
        }
        Err(ServiceError::Conflict(_)) => Ok(Redirect::to(PATH).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// Which message the code form of the log-in shows.
enum CodeProblem {
    None,
    Wrong,
    Throttled,
    Expired,
}

fn login_code_form(v: &Visitor, next: &str, problem: CodeProblem) -> Markup {
    let title = v.t("two-factor-login-title");
    let message = match problem {
        CodeProblem::None => None,
        CodeProblem::Wrong => Some(v.t("two-factor-login-wrong")),
        CodeProblem::Throttled => Some(v.t("two-factor-throttled")),
        CodeProblem::Expired => Some(v.t("two-factor-login-expired")),
    };
    let expired = matches!(problem, CodeProblem::Expired);
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            @if let Some(m) = &message {
                div class="error-summary" role="alert" tabindex="-1" id="code-error" {
                    p { (m) }
                    @if expired { p { a href="/inloggen" { (v.t("two-factor-login-again")) } } }
                }
            }
            @if !expired {
                p class="lead" { (v.t("two-factor-login-intro")) }
                form method="post" action=(LOGIN_CODE_PATH) class="stack" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    input type="hidden" name="next" value=(next);
                    div class="field" {
                        label for="f-code" { (v.t("two-factor-login-code")) }
                        p class="hint" id="f-code-hint" { (v.t("two-factor-login-code-hint")) }
                        input id="f-code" name="code" type="text" required autocomplete="one-time-code" autocapitalize="none" spellcheck="false"
                            aria-describedby=[if message.is_some() { Some("code-error f-code-hint") } else { Some("f-code-hint") }]
                            aria-invalid=[message.is_some().then_some("true")];
                    }
                    button type="submit" class="button primary" { (v.t("two-factor-login-submit")) }
                }
            }
        }
    };
    page(v, &PageMeta::plain(&title), body)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

pub async fn login_code_page(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    headers: axum::http::HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    if v.user.is_some() {
        return Ok(Redirect::to(safe_next(if q.next.is_empty() { "/netwerken" } else { &q.next })).into_response());
    }
    let live = match cookie_value(&headers, PENDING_COOKIE) {
        Some(token) => state.service.pending_login_is_live(&token).await?,
        None => false,
    };
    if !live {
        return Ok(Redirect::to("/inloggen").into_response());
    }
    Ok(login_code_form(&v, &q.next, CodeProblem::None).into_response())
}

pub async fn login_code(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    headers: axum::http::HeaderMap,
    Form(f): Form<CodeForm>,
) -> Result<Response, WebError> {
    let Some(token) = cookie_value(&headers, PENDING_COOKIE) else {
        return Ok((StatusCode::UNAUTHORIZED, login_code_form(&v, &f.next, CodeProblem::Expired)).into_response());
    };
    let origin = Origin { channel: Channel::Web, ip: v.ip.clone() };
    match state.service.login_second_factor(&token, &f.code, origin).await {
        Ok(signed_in) => {
            let target = if f.next.is_empty() { "/netwerken" } else { safe_next(&f.next) };
            let mut r = crate::pages::auth::signed_in_response(&state, target, &signed_in.session_token);
            r.headers_mut().append(header::SET_COOKIE, set_cookie(PENDING_COOKIE, "", Some(0), state.config.secure_cookies));
            Ok(r)
        }
        Err(ServiceError::BadCredentials) => {
            Ok((StatusCode::UNAUTHORIZED, login_code_form(&v, &f.next, CodeProblem::Wrong)).into_response())
        }
        Err(ServiceError::Throttled) => {
            Ok((StatusCode::TOO_MANY_REQUESTS, login_code_form(&v, &f.next, CodeProblem::Throttled)).into_response())
        }
        Err(ServiceError::NotFound) => Ok((StatusCode::UNAUTHORIZED, login_code_form(&v, &f.next, CodeProblem::Expired)).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// After the right password of an account with two-factor sign-in: the
/// pending cookie, and on to the code form.
pub(crate) fn pending_response(state: &AppState, pending_token: &str, next: &str) -> Response {
    let target = if next.is_empty() {
        LOGIN_CODE_PATH.to_string()
    } else {
        format!("{LOGIN_CODE_PATH}?next={}", form_urlencoded::byte_serialize(safe_next(next).as_bytes()).collect::<String>())
    };
    let mut r = Redirect::to(&target).into_response();
    let age = verband_service::PENDING_LOGIN_MINUTES * 60;
    r.headers_mut().append(header::SET_COOKIE, set_cookie(PENDING_COOKIE, pending_token, Some(age), state.config.secure_cookies));
    r
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequirementForm {
    requirement: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    username: String,
}

fn requirement_label(r: TwoFactorRequirement) -> String {
    format!("two-factor-requirement-{}", r.code())
}

pub async fn admin_page(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    let view = state.service.two_factor_admin_view(&v.actor()?).await?;
    let errors = ValidationErrors::default();
    let f = Fields::new(&v, &errors);
    let options: Vec<(String, String)> =
        TwoFactorRequirement::ALL.iter().map(|r| (r.code().to_string(), v.t(&requirement_label(*r)))).collect();
    let title = v.t("two-factor-admin-title");
    let body = html! {
        h1 { (title) }
        @if q.done == "saved" { div class="flash" role="status" { p { (v.t("flash-saved")) } } }
        @if q.done == "reset" { div class="flash" role="status" { p { (v.t("two-factor-admin-reset-done")) } } }
        section aria-labelledby="requirement-title" class="panel" {
            h2 id="requirement-title" { (v.t("two-factor-admin-requirement")) }
            form method="post" action=(ADMIN_PATH) class="stack" {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.radios("requirement", "two-factor-admin-who", view.requirement.code(), &options, Opts::required()))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("save")) } }
            }
        }
        section aria-labelledby="accounts-title" class="panel" {
            h2 id="accounts-title" { (v.t("two-factor-admin-accounts")) }
            p { (v.t("two-factor-admin-reset-intro")) }
            @if view.accounts.is_empty() {
                p class="empty" { (v.t("two-factor-admin-none")) }
            } @else {
                table class="data" {
                    caption class="visually-hidden" { (v.t("two-factor-admin-accounts")) }
                    thead { tr {
                        th scope="col" { (v.t("account-name")) }
                        th scope="col" { (v.t("login-username")) }
                        th scope="col" { (v.t("two-factor-admin-since")) }
                        th scope="col" { span class="visually-hidden" { (v.t("actions")) } }
                    } }
                    tbody {
                        @for a in &view.accounts {
                            tr {
                                td { (a.display_name) }
                                td { (a.username) }
                                td { (a.enabled_at.get(..10).unwrap_or(&a.enabled_at)) }
                                td {
                                    form method="post" action={ (ADMIN_PATH) "/herstellen" } {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        input type="hidden" name="username" value=(a.username);
                                        button type="submit" class="button secondary" {
                                            (v.t("two-factor-admin-reset")) span class="visually-hidden" { ": " (a.display_name) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::plain(&title), body))
}

pub async fn admin_save(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<RequirementForm>,
) -> Result<Response, WebError> {
    let requirement = TwoFactorRequirement::parse(f.requirement.trim()).ok_or(WebError::BadRequest)?;
    state.service.set_two_factor_requirement(&v.actor()?, requirement).await?;
    Ok(Redirect::to(&format!("{ADMIN_PATH}?done=saved")).into_response())
}

pub async fn admin_reset(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Form(f): Form<ResetForm>,
) -> Result<Response, WebError> {
    state.service.reset_two_factor(&v.actor()?, &f.username).await?;
    Ok(Redirect::to(&format!("{ADMIN_PATH}?done=reset")).into_response())
}
