//! Personal calendar feeds: a secret address that Outlook or Google Calendar
//! subscribes to, shown once, revocable.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::Body;

use crate::error::WebError;
use crate::visitor::Visitor;
use crate::AppState;

/// The address a calendar program subscribes to.
pub fn feed_path(token: &str) -> String {
    format!("/agenda/{token}.ics")
}

pub async fn section(state: &AppState, v: &Visitor, network_id: i64, bodies: &[Body]) -> Result<Markup, WebError> {
    let feeds = state.service.calendar_feeds(&v.actor()?, network_id).await?;
    let body_name = |id: Option<i64>| match id {
        Some(b) => bodies.iter().find(|x| x.id == b).map(|x| x.name.clone()).unwrap_or_default(),
        None => v.t("feeds-all-meetings"),
    };
    Ok(html! {
        section aria-labelledby="feeds-title" class="panel" {
            h2 id="feeds-title" { (v.t("feeds-title")) }
            p { (v.t("feeds-intro")) }
            @if !feeds.is_empty() {
                ul {
                    @for f in &feeds {
                        li {
                            (body_name(f.body_id)) " — " (f.created_at.get(..10).unwrap_or(&f.created_at)) " — "
                            @if f.revoked { (v.t("tokens-revoked")) } @else {
                                (v.t("tokens-active")) " "
                                form method="post" action={ "/netwerken/" (network_id) "/agenda-abonnementen/" (f.id) "/intrekken" } class="inline" {
                                    input type="hidden" name="csrf" value=(v.csrf);
                                    button type="submit" class="button secondary" { (v.t("tokens-revoke")) span class="visually-hidden" { ": " (body_name(f.body_id)) } }
                                }
                            }
                        }
                    }
                }
            }
            form method="post" action={ "/netwerken/" (network_id) "/agenda-abonnementen" } class="stack" {
                input type="hidden" name="csrf" value=(v.csrf);
                div class="field" {
                    label for="f-feed-body" { (v.t("feeds-which")) }
                    select id="f-feed-body" name="bodyId" {
                        option value="" { (v.t("feeds-all-meetings")) }
                        @for b in bodies { option value=(b.id) { (b.name) } }
                    }
                }
                div class="form-actions" { button type="submit" class="button" { (v.t("feeds-create")) } }
            }
        }
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedForm {
    #[serde(rename = "bodyId")]
    body_id: String,
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(f): Form<FeedForm>,
) -> Result<Response, WebError> {
    let body_id = match f.body_id.trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().map_err(|_| WebError::BadRequest)?),
    };
    let token = state.service.create_calendar_feed(&v.actor()?, network_id, body_id).await?;
    let (network, role) = state.service.network(&v.actor()?, network_id).await?;
    let title = v.t("feeds-title");
    let path = feed_path(&token);
    // Shown in this answer only: the address is a secret and only its hash is kept.
    let body = html! {
        p class="breadcrumb" { a href={ "/netwerken/" (network_id) "/organen" } { (v.t("bodies-title")) } }
        h1 { (title) }
        div class="flash" role="status" {
            p { strong { (v.t("feeds-created")) } }
            p { (v.t("feeds-copy-now")) }
            p { code class="token" id="feed-url" { (path) } }
        }
        p { a href={ "/netwerken/" (network_id) "/organen" } { (v.t("feeds-back")) } }
    };
    Ok((
        StatusCode::CREATED,
        crate::layout::page(&v, &crate::layout::PageMeta::network(&title, crate::pages::nav(&network, role), "meetings"), body),
    )
        .into_response())
}

pub async fn revoke(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.revoke_calendar_feed(&v.actor()?, network_id, id).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/organen?done=saved")).into_response())
}
