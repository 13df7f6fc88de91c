//! The visitor's own account: language, and API tokens for scripts and
//! other tools (shown once, stored only as a hash).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::ValidationErrors;
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{page, PageMeta};
use crate::visitor::Visitor;
use crate::AppState;

async fn account_page(
    state: &AppState,
    v: &Visitor,
    new_token: Option<&str>,
    name: &str,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let tokens = state.service.api_tokens(&actor).await?;
    let user = v.user.as_ref().ok_or(WebError::LoginRequired(v.path.clone()))?;
    let f = Fields::new(v, errors);
    let title = v.t("account-title");
    let body = html! {
        h1 { (title) }
        dl class="facts" {
            dt { (v.t("account-name")) } dd { (user.display_name) }
            dt { (v.t("login-username")) } dd { (user.username) }
            dt { (v.t("account-language")) } dd { (v.t("language-name")) }
        }
        p { a href=(super::two_factor::PATH) { (v.t("two-factor-title")) } }
        section aria-labelledby="tokens-title" class="panel" {
            h2 id="tokens-title" { (v.t("tokens-title")) }
            p { (v.t("tokens-intro")) " " a href="/api/v1/openapi.json" { (v.t("footer-api")) } }
            @if let Some(t) = new_token {
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
            (f.summary(&[("name", "tokens-name")]))
            form method="post" action="/account/tokens" class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.text("name", "tokens-name", name, Opts { hint: Some("tokens-name-hint"), ..Opts::required() }))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("tokens-create")) } }
            }
        }
    };
    Ok(page(v, &PageMeta::plain(&title), body))
}

pub async fn page_handler(State(state): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Markup, WebError> {
    account_page(&state, &v, None, "", &ValidationErrors::default()).await
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
        Ok(t) => {
            Ok((StatusCode::CREATED, account_page(&state, &v, Some(&t.token), "", &ValidationErrors::default()).await?).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, account_page(&state, &v, None, &f.name, &errors).await?).into_response())
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
