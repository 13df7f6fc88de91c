//! The first administrator: the one-time address the server prints while
//! no administrator exists. Once one exists, the address answers 404.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::invitation::AccountForm;
use verband_domain::ValidationErrors;
use verband_service::{Channel, Origin, ServiceError};

use crate::error::WebError;
use crate::forms::Fields;
use crate::layout::{page, PageMeta};
use crate::pages::invitation::{account_fields, ACCOUNT_LABELS};
use crate::visitor::{set_cookie, Visitor, PRELOGIN_COOKIE, SESSION_COOKIE};
use crate::AppState;

fn setup_page(v: &Visitor, token: &str, form: &AccountForm, errors: &ValidationErrors) -> Markup {
    let title = v.t("setup-title");
    let f = Fields::new(v, errors);
    let body = html! {
        div class="narrow" {
            h1 { (title) }
            p class="lead" { (v.t("setup-intro")) }
            (f.summary(ACCOUNT_LABELS))
            form method="post" action={ "/eerste-beheerder/" (token) } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (account_fields(&f, form, true))
                div class="form-actions" {
                    button type="submit" class="button primary" { (v.t("setup-submit")) }
                }
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
    if !state.service.setup_link_works(&token).await? {
        return Err(WebError::NotFound);
    }
    Ok(setup_page(&v, &token, &AccountForm::default(), &ValidationErrors::default()).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(token): Path<String>,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    let origin = Origin { channel: Channel::Web, ip: v.ip.clone() };
    match state.service.create_first_admin(&token, &form, origin).await {
        Ok(outcome) => {
            let secure = state.config.secure_cookies;
            let mut r = Redirect::to("/beheer/netwerken?done=welcome").into_response();
            let age = verband_service::SESSION_HOURS * 3600;
            r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, &outcome.session_token, Some(age), secure));
            r.headers_mut().append(header::SET_COOKIE, set_cookie(PRELOGIN_COOKIE, "", Some(0), secure));
            Ok(r)
        }
        Err(ServiceError::Invalid(errors)) => Ok((StatusCode::BAD_REQUEST, setup_page(&v, &token, &form, &errors)).into_response()),
        Err(e) => Err(e.into()),
    }
}
