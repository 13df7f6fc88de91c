//! Questions and answers on a knowledge item's page: the threads, a form to
//! ask, a form under each question to answer, and archiving one's own words.
//! A failed form comes back on the item page with the text kept.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::knowledge::KnowledgeQuestionForm;
use verband_domain::ValidationErrors;
use verband_service::knowledge_questions::{QuestionEntry, QuestionThread};
use verband_service::{KnowledgeRecord, ServiceError};

use crate::error::WebError;
use crate::pages::knowledge_item::{item_path, returned_page, stored_date, Returned};
use crate::visitor::Visitor;
use crate::AppState;

/// The id of the text field of the ask form, or of the answer form under question `parent`.
fn body_id(parent: Option<i64>) -> String {
    match parent {
        None => "f-body".to_string(),
        Some(q) => format!("f-body-{q}"),
    }
}

/// The parent a returned form was for (`None`: the ask form), if it parses.
fn returned_parent(form: &KnowledgeQuestionForm) -> Option<i64> {
    form.parent_id.trim().parse().ok()
}

/// The error summary at the top of the page, linking to the form that failed.
pub(crate) fn error_summary(v: &Visitor, returned: Option<&(KnowledgeQuestionForm, ValidationErrors)>) -> Markup {
    let Some((form, errors)) = returned else { return html! {} };
    if errors.is_empty() {
        return html! {};
    }
    let target = body_id(returned_parent(form));
    html! {
        div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
            h2 id="error-summary-title" { (v.t("error-summary-title")) }
            ul {
                @for e in &errors.0 {
                    @let label = if e.field == "parentId" { v.t("knowledge-answer") } else { v.t("knowledge-question-body") };
                    li { a href={ "#" (target) } { (label) ": " (v.t(&format!("error-{}", e.code))) } }
                }
            }
        }
    }
}

/// A text field for a question or an answer, with its problems when it came back.
fn text_form(v: &Visitor, item_id: i64, parent: Option<i64>, returned: Option<&(KnowledgeQuestionForm, ValidationErrors)>) -> Markup {
    let mine = returned.filter(|(form, _)| returned_parent(form) == parent);
    let value = mine.map(|(f, _)| f.body.as_str()).unwrap_or("");
    let error = mine.and_then(|(_, e)| e.0.first()).map(|e| v.t(&format!("error-{}", e.code)));
    let id = body_id(parent);
    let (label, button) = match parent {
        None => ("knowledge-question-body", "knowledge-ask"),
        Some(_) => ("knowledge-answer-body", "knowledge-answer"),
    };
    html! {
        form method="post" action={ (item_path(item_id)) "/vragen" } class="stack" {
            input type="hidden" name="csrf" value=(v.csrf);
            @if let Some(q) = parent { input type="hidden" name="parentId" value=(q); }
            div class={ "field" @if error.is_some() { " has-error" } } {
                label for=(id) { (v.t(label)) }
                @if let Some(m) = &error {
                    p class="field-error" id={ (id) "-error" } { span class="visually-hidden" { (v.t("error-prefix")) " " } (m) }
                }
                textarea id=(id) name="body" rows="3" required
                    aria-invalid=[error.is_some().then_some("true")] aria-describedby=[error.is_some().then(|| format!("{id}-error"))] { (value) }
            }
            div class="form-actions" { button type="submit" class="button" { (v.t(button)) } }
        }
    }
}

fn entry(v: &Visitor, item_id: i64, e: &QuestionEntry) -> Markup {
    html! {
        p class="prewrap" { (e.entry.body) }
        div class="question-meta" {
            (e.entry.author_name.clone().unwrap_or_else(|| v.t("knowledge-author-unknown"))) ", " (stored_date(v, &e.entry.created_at))
            @if e.may_archive {
                form method="post" action={ (item_path(item_id)) "/vragen/" (e.entry.id) "/verwijderen" } class="inline" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    " "
                    button type="submit" class="link-button" {
                        (v.t("knowledge-question-remove"))
                        span class="visually-hidden" { ": " (e.entry.body.chars().take(60).collect::<String>()) }
                    }
                }
            }
        }
    }
}

/// The questions section of the item page.
pub(crate) fn section(
    v: &Visitor,
    item: &KnowledgeRecord,
    threads: &[QuestionThread],
    returned: Option<&(KnowledgeQuestionForm, ValidationErrors)>,
) -> Markup {
    let open = !item.archived;
    html! {
        section aria-labelledby="questions-title" class="panel" {
            h2 id="questions-title" { (v.t("knowledge-questions")) }
            @if threads.is_empty() { p class="empty" { (v.t("knowledge-questions-empty")) } }
            @else {
                ol class="questions" {
                    @for t in threads {
                        li id={ "vraag-" (t.question.entry.id) } {
                            (entry(v, item.id, &t.question))
                            @if !t.answers.is_empty() {
                                ol class="answers" aria-label=(v.t("knowledge-answers")) {
                                    @for a in &t.answers { li id={ "vraag-" (a.entry.id) } { (entry(v, item.id, a)) } }
                                }
                            }
                            @if open {
                                details open[returned.is_some_and(|(f, _)| returned_parent(f) == Some(t.question.entry.id))] {
                                    summary { (v.t("knowledge-answer")) }
                                    (text_form(v, item.id, Some(t.question.entry.id), returned))
                                }
                            }
                        }
                    }
                }
            }
            @if open {
                h3 { (v.t("knowledge-ask-title")) }
                p class="hint" { (v.t("knowledge-ask-hint")) }
                (text_form(v, item.id, None, returned))
            }
        }
    }
}

pub async fn ask(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<i64>,
    Form(form): Form<KnowledgeQuestionForm>,
) -> Result<Response, WebError> {
    match state.service.ask_knowledge_question(&v.actor()?, id, &form).await {
        Ok(qid) => Ok(Redirect::to(&format!("{}?done=created#vraag-{qid}", item_path(id))).into_response()),
        Err(ServiceError::Invalid(e)) => returned_page(&state, &v, id, Returned { question: Some((form, e)), ..Default::default() }).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((id, question_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.archive_knowledge_question(&v.actor()?, id, question_id).await?;
    Ok(Redirect::to(&format!("{}?done=deleted#questions-title", item_path(id))).into_response())
}
