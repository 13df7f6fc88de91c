//! A knowledge item's own page: what it says (Markdown, sanitised), where it
//! comes from, what it is linked to, its attachments and its questions; and
//! archiving with a question first, and restoring. The form is in
//! `knowledge_form`, attachments and questions have their own files.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};
use verband_domain::knowledge::{KnowledgeLinkKind, KnowledgeQuestionForm};
use verband_domain::ValidationErrors;
use verband_service::knowledge::KnowledgeView;
use verband_service::knowledge_links::KnowledgeTarget;
use verband_service::KnowledgeRecord;
use verband_service::ServiceError;

use crate::error::WebError;
use crate::layout::{date, flash, page, PageMeta};
use crate::markdown;
use crate::pages::{knowledge_attachments, knowledge_questions, nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

/// The address of an item's page.
pub(crate) fn item_path(id: i64) -> String {
    format!("/kennislab/{id}")
}

/// The knowledge lab's search page, on one network.
pub(crate) fn lab_path(network_id: i64) -> String {
    format!("/kennislab?netwerk={network_id}")
}

/// What a failed form on the item page sends back: the typed input and its problems.
#[derive(Default)]
pub(crate) struct Returned {
    pub question: Option<(KnowledgeQuestionForm, ValidationErrors)>,
    pub upload: Option<ValidationErrors>,
}

/// "12-03-2026" from a stored time ("2026-03-12T10:00:00Z").
pub(crate) fn stored_date(v: &Visitor, stored: &str) -> String {
    let day = stored.get(..10).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    date(v, day)
}

/// The page shell: in the network's navigation for its people, plain for
/// readers of a shared item from elsewhere.
pub(crate) async fn item_meta(state: &AppState, v: &Visitor, item: &KnowledgeRecord, title: &str) -> Result<PageMeta, WebError> {
    match state.service.network(&v.actor()?, item.network_id).await {
        Ok((network, role)) => Ok(PageMeta::network(title, nav(&network, role), "knowledge")),
        Err(ServiceError::NotFound) => Ok(PageMeta::plain(title)),
        Err(e) => Err(e.into()),
    }
}

/// The address of a linked record's page.
pub(crate) fn target_path(network_id: i64, t: &KnowledgeTarget) -> String {
    match t.kind {
        KnowledgeLinkKind::Project => format!("/netwerken/{network_id}/projecten/{}", t.id),
        KnowledgeLinkKind::Meeting => format!("/netwerken/{network_id}/bijeenkomsten/{}", t.id),
        KnowledgeLinkKind::SurveyRound => format!("/netwerken/{network_id}/evaluaties/{}", t.id),
    }
}

/// A linked record as the form and the page name it.
pub(crate) fn target_label(v: &Visitor, t: &KnowledgeTarget) -> String {
    let mut label = t.label.clone();
    if t.date.is_some() {
        label = format!("{label} ({})", date(v, t.date));
    }
    if t.inactive {
        let key = if t.kind == KnowledgeLinkKind::SurveyRound { "knowledge-target-closed" } else { "knowledge-target-archived" };
        label = format!("{label} – {}", v.t(key));
    }
    label
}

fn facts(v: &Visitor, item: &KnowledgeRecord) -> Markup {
    html! {
        dl class="facts" {
            dt { (v.t("knowledge-kind")) } dd { (v.t(&item.kind.label_key())) }
            dt { (v.t("knowledge-network")) } dd { (item.network_name) }
            dt { (v.t("knowledge-author")) }
            dd {
                (item.author_name.clone().unwrap_or_else(|| v.t("knowledge-author-unknown")))
                @if let Some(o) = &item.organisation_name { " (" (o) ")" }
            }
            dt { (v.t("knowledge-date")) }
            dd {
                (stored_date(v, &item.created_at))
                @if item.updated_at.get(..10) != item.created_at.get(..10) {
                    " " span class="muted" { (v.ta("knowledge-updated-on", &[("date", stored_date(v, &item.updated_at).into())])) }
                }
            }
            @if !item.themes.is_empty() {
                dt { (v.t("knowledge-themes")) }
                dd { ul class="inline-list" { @for t in &item.themes { li { (t) } } } }
            }
            @if let Some(p) = item.phase { dt { (v.t("knowledge-phase")) } dd { (v.t(&p.label_key())) } }
            @if !item.sectors.is_empty() {
                dt { (v.t("knowledge-sectors")) }
                dd { ul class="inline-list" { @for s in &item.sectors { li { (v.t(&s.label_key())) } } } }
            }
            dt { (v.t("knowledge-visibility")) } dd { (v.t(&item.visibility.label_key())) }
            dt { (v.t("knowledge-views")) } dd { (item.views) }
        }
    }
}

fn links_and_targets(v: &Visitor, item: &KnowledgeRecord, targets: &[KnowledgeTarget]) -> Markup {
    html! {
        @if !item.links.is_empty() {
            section aria-labelledby="links-title" class="panel" {
                h2 id="links-title" { (v.t("knowledge-links")) }
                ul { @for l in &item.links { li { a href=(l) rel="noopener noreferrer" { (l) } } } }
            }
        }
        @if !targets.is_empty() {
            section aria-labelledby="targets-title" class="panel" {
                h2 id="targets-title" { (v.t("knowledge-targets")) }
                @for kind in KnowledgeLinkKind::ALL {
                    @let of_kind = targets.iter().filter(|t| t.kind == *kind).collect::<Vec<_>>();
                    @if !of_kind.is_empty() {
                        h3 { (v.t(&kind.label_key())) }
                        ul { @for t in of_kind { li { a href=(target_path(item.network_id, t)) { (target_label(v, t)) } } } }
                    }
                }
            }
        }
    }
}

/// The item page; `returned` carries a failed question or upload back with its input.
pub(crate) async fn item_page(state: &AppState, v: &Visitor, id: i64, done: Option<&str>, returned: Returned) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let view = state.service.knowledge_item(&actor, id).await?;
    let threads = view.threads(&actor);
    let KnowledgeView { item, attachments, targets, may_edit, .. } = view;
    let path = item_path(id);
    let related = crate::pages::knowledge_lab::related_section(state, v, id).await?;
    let body = html! {
        p class="breadcrumb" { a href=(lab_path(item.network_id)) { (v.t("knowledge-lab")) } }
        div class="page-head" {
            h1 {
                (item.title) " " span class="badge" { (v.t(&item.kind.label_key())) }
                @if item.archived { " " span class="badge muted" { (v.t("archived")) } }
            }
            @if may_edit {
                div class="actions" {
                    a class="button" href={ (path) "/bewerken" } { (v.t("edit")) }
                    @if !item.archived { a class="button secondary" href={ (path) "/archiveren" } { (v.t("archive")) } }
                }
            }
        }
        (flash(v, done))
        @if item.archived {
            div class="warning" role="note" {
                p { (v.t("knowledge-archived-notice")) }
                @if may_edit {
                    form method="post" action={ (path) "/terugzetten" } {
                        input type="hidden" name="csrf" value=(v.csrf);
                        button type="submit" class="button" { (v.t("restore")) }
                    }
                }
            }
        }
        (knowledge_questions::error_summary(v, returned.question.as_ref()))
        (facts(v, &item))
        div class="knowledge-body" { (markdown::render(&item.body)) }
        (related)
        (links_and_targets(v, &item, &targets))
        (knowledge_attachments::section(v, &item, &attachments, may_edit, returned.upload.as_ref()))
        (knowledge_questions::section(v, &item, &threads, returned.question.as_ref()))
    };
    let meta = item_meta(state, v, &item, &item.title).await?;
    Ok(page(v, &meta, body))
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    item_page(&state, &v, id, q.done.as_deref(), Returned::default()).await
}

/// Asks before archiving: the item leaves the lab and the search.
pub async fn confirm_archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<i64>,
) -> Result<Markup, WebError> {
    let (item, _) = state.service.knowledge_item_for_edit(&v.actor()?, id).await?;
    let path = item_path(id);
    let title = v.t("knowledge-archive-title");
    let body = html! {
        p class="breadcrumb" { a href=(lab_path(item.network_id)) { (v.t("knowledge-lab")) } " › " a href=(path) { (item.title) } }
        h1 { (title) }
        p { (v.ta("knowledge-archive-question", &[("title", item.title.clone().into())])) }
        p { (v.t("knowledge-archive-explain")) }
        form method="post" action={ (path) "/archiveren" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("archive")) }
            a href=(path) { (v.t("cancel")) }
        }
    };
    let meta = item_meta(&state, &v, &item, &title).await?;
    Ok(page(&v, &meta, body))
}

pub async fn archive(State(state): State<AppState>, Extension(v): Extension<Visitor>, Path(id): Path<i64>) -> Result<Response, WebError> {
    state.service.archive_knowledge_item(&v.actor()?, id, true).await?;
    Ok(Redirect::to(&format!("{}?done=archived", item_path(id))).into_response())
}

pub async fn restore(State(state): State<AppState>, Extension(v): Extension<Visitor>, Path(id): Path<i64>) -> Result<Response, WebError> {
    state.service.archive_knowledge_item(&v.actor()?, id, false).await?;
    Ok(Redirect::to(&format!("{}?done=restored", item_path(id))).into_response())
}

/// The item page again with a form's problems, as a 400.
pub(crate) async fn returned_page(state: &AppState, v: &Visitor, id: i64, returned: Returned) -> Result<Response, WebError> {
    Ok((StatusCode::BAD_REQUEST, item_page(state, v, id, None, returned).await?).into_response())
}
