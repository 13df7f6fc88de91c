//! Shared successes and stories: what worked, with whom. Sharing them keeps
//! the energy in a network; the dashboard shows the newest.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::{NetworkRole, StoryForm, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

async fn stories_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    form: &StoryForm,
    errors: &ValidationErrors,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let stories = state.service.stories(&actor, network_id, None).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let partner_options: Vec<(String, String)> = partners.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    let f = Fields::new(v, errors);
    let title = v.t("stories-title");
    let body = html! {
        h1 { (title) }
        (flash(v, done))
        @if role != NetworkRole::Advisor {
            section aria-labelledby="share-title" class="panel" {
                h2 id="share-title" { (v.t("stories-share")) }
                (f.summary(&[("title", "story-title"), ("text", "story-text"), ("organisationId", "story-partner")]))
                form method="post" action={ "/netwerken/" (network_id) "/verhalen" } class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (f.text("title", "story-title", &form.title, Opts::required()))
                    (f.textarea("text", "story-text", &form.text, Opts { hint: Some("story-text-hint"), ..Opts::required() }))
                    @if role.may_edit_records() { (f.select("organisationId", "story-partner", &form.organisation_id, &partner_options, Opts::default())) }
                    div class="form-actions" { button type="submit" class="button primary" { (v.t("stories-share-submit")) } }
                }
            }
        }
        @if stories.is_empty() {
            div class="empty" { p { (v.t("stories-empty")) } }
        } @else {
            ul class="stories" {
                @for s in &stories {
                    li class="panel" {
                        h2 { (s.title) }
                        p { (s.text) }
                        p class="muted" {
                            @if let Some((_, name)) = s.organisation_id.and_then(|o| partners.iter().find(|(id, _)| *id == o)) { (name) ", " }
                            (date(v, Some(s.shared_on)))
                        }
                    }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "stories"), body))
}

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    stories_page(&state, &v, network_id, &StoryForm::default(), &ValidationErrors::default(), q.done.as_deref()).await
}

pub async fn share(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<StoryForm>,
) -> Result<Response, WebError> {
    match state.service.share_story(&v.actor()?, network_id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/netwerken/{network_id}/verhalen?done=created")).into_response()),
        Err(ServiceError::Invalid(e)) => {
            Ok((StatusCode::BAD_REQUEST, stories_page(&state, &v, network_id, &form, &e, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
