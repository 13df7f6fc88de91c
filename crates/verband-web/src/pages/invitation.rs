//! Accepting an invitation: a new person chooses a user name and password;
//! someone with an account logs in and accepts. Any link that does not work
//! (expired, used, withdrawn, mistyped) gets the same polite page.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::invitation::AccountForm;
use verband_domain::ValidationErrors;
use verband_service::{Channel, InvitationPreview, Origin, ServiceError};

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::visitor::{set_cookie, Visitor, PRELOGIN_COOKIE, SESSION_COOKIE};
use crate::AppState;

pub(crate) const ACCOUNT_LABELS: &[(&str, &str)] = &[
    ("displayName", "account-form-name"),
    ("username", "login-username"),
    ("email", "account-form-email"),
    ("password", "login-password"),
    ("passwordAgain", "account-form-password-again"),
];

/// The page for a link that does not (or no longer) work. Says nothing of why.
pub(crate) fn link_not_working(v: &Visitor, title_key: &str, text_key: &str) -> Response {
    let title = v.t(title_key);
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p { (v.t(text_key)) }
            p { a href="/inloggen" { (v.t("invitation-to-login")) } }
        }
    };
    (StatusCode::NOT_FOUND, page(v, &PageMeta::plain(&title), body)).into_response()
}

fn origin(v: &Visitor) -> Origin {
    Origin { channel: Channel::Web, ip: v.ip.clone() }
}

/// Name, user name and password twice: the form of a new account.
pub(crate) fn account_fields(f: &Fields, form: &AccountForm, with_email: bool) -> Markup {
    html! {
        (f.text("displayName", "account-form-name", &form.display_name, Opts { autocomplete: Some("name"), ..Opts::required() }))
        (f.text("username", "login-username", &form.username, Opts { hint: Some("account-form-username-hint"), autocomplete: Some("username"), ..Opts::required() }))
        @if with_email {
            (f.text("email", "account-form-email", &form.email, Opts { kind: Some("email"), autocomplete: Some("email"), ..Opts::required() }))
        }
        (f.text("password", "login-password", "", Opts { kind: Some("password"), hint: Some("account-form-password-hint"), autocomplete: Some("new-password"), ..Opts::required() }))
        (f.text("passwordAgain", "account-form-password-again", "", Opts { kind: Some("password"), autocomplete: Some("new-password"), ..Opts::required() }))
    }
}

fn invitation_page(v: &Visitor, token: &str, p: &InvitationPreview, form: &AccountForm, errors: &ValidationErrors) -> Markup {
    let title = v.ta("invitation-title", &[("network", p.network_name.clone().into())]);
    let f = Fields::new(v, errors);
    let here = format!("/uitnodiging/{token}");
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p class="lead" {
                (v.ta("invitation-intro", &[("network", p.network_name.clone().into()), ("role", v.t(&p.role.label_key()).into())]))
                @if let Some(org) = &p.organisation_name { " " (v.ta("invitation-for-partner", &[("partner", org.clone().into())])) }
            }
            @if let Some(user) = &v.user {
                p { (v.ta("invitation-accept-as", &[("name", user.display_name.clone().into())])) }
                form method="post" action={ (here) "/accepteren" } class="form-actions" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    button type="submit" class="button primary" { (v.t("invitation-accept")) }
                }
            } @else if p.account_exists {
                p { (v.t("invitation-account-exists")) }
                p { a class="button primary" href={ "/inloggen?next=" (here) } { (v.t("invitation-login-to-accept")) } }
            } @else {
                p { (v.ta("invitation-new-account", &[("email", p.email.clone().into())])) }
                (f.summary(ACCOUNT_LABELS))
                form method="post" action=(here) class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (account_fields(&f, form, false))
                    div class="form-actions" {
                        button type="submit" class="button primary" { (v.t("invitation-create-account")) }
                    }
                }
                p { a href={ "/inloggen?next=" (here) } { (v.t("invitation-have-account")) } }
            }
        }
    };
    page(v, &PageMeta::plain(&title), body)
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match state.service.invitation_preview(&token, &origin(&v)).await {
        Ok(p) => Ok(invitation_page(&v, &token, &p, &AccountForm::default(), &ValidationErrors::default()).into_response()),
        Err(ServiceError::NotFound) | Err(ServiceError::Throttled) => {
            Ok(link_not_working(&v, "invitation-invalid-title", "invitation-invalid-text"))
        }
        Err(e) => Err(e.into()),
    }
}

fn with_session(target: &str, token: &str, secure: bool) -> Response {
    let mut r = Redirect::to(target).into_response();
    let age = verband_service::SESSION_HOURS * 3600;
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, token, Some(age), secure));
    r.headers_mut().append(header::SET_COOKIE, set_cookie(PRELOGIN_COOKIE, "", Some(0), secure));
    r
}

/// A new person: makes the account, gives the role, signs in.
pub async fn create_account(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token): Path<String>,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    match state.service.accept_invitation_with_new_account(&token, &form, origin(&v)).await {
        Ok((outcome, network_id)) => {
            Ok(with_session(&format!("/netwerken/{network_id}?done=welcome"), &outcome.session_token, state.config.secure_cookies))
        }
        Err(ServiceError::Invalid(errors)) => match state.service.invitation_preview(&token, &origin(&v)).await {
            Ok(p) => Ok((StatusCode::BAD_REQUEST, invitation_page(&v, &token, &p, &form, &errors)).into_response()),
            Err(_) => Ok(link_not_working(&v, "invitation-invalid-title", "invitation-invalid-text")),
        },
        // Someone made an account with this address meanwhile: log in to accept.
        Err(ServiceError::Conflict(_)) => Ok(Redirect::to(&format!("/inloggen?next=/uitnodiging/{token}")).into_response()),
        Err(ServiceError::NotFound) | Err(ServiceError::Throttled) => {
            Ok(link_not_working(&v, "invitation-invalid-title", "invitation-invalid-text"))
        }
        Err(e) => Err(e.into()),
    }
}

/// Someone logged in accepts for their own account.
pub async fn accept(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    match state.service.accept_invitation(&actor, &token).await {
        Ok(network_id) => Ok(Redirect::to(&format!("/netwerken/{network_id}?done=welcome")).into_response()),
        Err(ServiceError::NotFound) | Err(ServiceError::Throttled) => {
            Ok(link_not_working(&v, "invitation-invalid-title", "invitation-invalid-text"))
        }
        Err(e) => Err(e.into()),
    }
}
