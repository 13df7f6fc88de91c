//! "Evaluaties": the instruments a network can use, its survey rounds with
//! their response rates, starting a round, and a round's page with the mail
//! state and the outbox (personal links to pass on when no SMTP server is
//! set up). Who answered what is never shown: only counts.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::{Form, Query};
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::knowledge::KnowledgeLinkKind;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::{PersonRole, Sector, ValidationErrors};
use verband_service::surveys::{FreshLink, InstrumentRef, RoundChoices, SurveyRound};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::knowledge_learned::learned_section;
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

pub(crate) fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/evaluaties")
}

/// "5 van 6 (83%)"
pub(crate) fn response_rate(v: &Visitor, r: &SurveyRound) -> String {
    let percent = if r.invited > 0 { (r.finished * 100 + r.invited / 2) / r.invited } else { 0 };
    v.ta(
        "survey-response-rate",
        &[("finished", FluentValue::from(r.finished)), ("invited", FluentValue::from(r.invited)), ("percent", FluentValue::from(percent))],
    )
}

pub(crate) fn round_status(v: &Visitor, r: &SurveyRound) -> String {
    if r.closed {
        v.t("survey-status-closed")
    } else if chrono::Utc::now().date_naive() > r.deadline {
        v.t("survey-status-past-deadline")
    } else {
        v.t("survey-status-open")
    }
}

pub async fn overview(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<crate::pages::DoneQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let may_edit = role.may_edit_records();
    let o = state.service.surveys_overview(&actor, network_id).await?;
    let title = v.t("surveys-title");
    let body = html! {
        h1 { (title) }
        (flash(&v, q.done.as_deref()))
        p class="lead" { (v.t("surveys-intro")) }
        section class="panel" aria-labelledby="survey-rounds-title" {
            h2 id="survey-rounds-title" { (v.t("survey-rounds-title")) }
            @if o.rounds.is_empty() {
                p class="empty" { (v.t("survey-rounds-empty")) }
            } @else {
                div class="table-scroll" {
                    table class="data" {
                        caption class="visually-hidden" { (v.t("survey-rounds-title")) }
                        thead { tr {
                            th scope="col" { (v.t("survey-field-label")) }
                            th scope="col" { (v.t("survey-col-instrument")) }
                            th scope="col" { (v.t("survey-field-deadline")) }
                            th scope="col" { (v.t("survey-col-response")) }
                            th scope="col" { (v.t("survey-col-status")) }
                        } }
                        tbody {
                            @for r in &o.rounds {
                                tr {
                                    th scope="row" { a href={ (base(network_id)) "/" (r.id) } { (r.label) } }
                                    td { (r.instrument_name) " " span class="muted" { (v.ta("survey-version", &[("version", FluentValue::from(r.version))])) } }
                                    td { (date(&v, Some(r.deadline))) }
                                    td { (response_rate(&v, r)) }
                                    td { (round_status(&v, r)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        section class="panel" aria-labelledby="instruments-title" {
            h2 id="instruments-title" { (v.t("instruments-title")) }
            @if !o.mail_sends { p class="hint" { (v.t("survey-no-smtp")) } }
            ul class="cards" {
                @for i in &o.instruments {
                    li class="card" {
                        h3 { (i.definition.name.get(v.lang)) }
                        p { (i.definition.intro.get(v.lang)) }
                        p class="muted" {
                            (v.t(&i.definition.kind.label_key()))
                            @if i.version > 0 { " · " (v.ta("survey-version", &[("version", FluentValue::from(i.version))])) }
                            " · " (v.ta("instrument-questions", &[("count", FluentValue::from(i.definition.questions().count()))]))
                        }
                        @if may_edit {
                            div class="form-actions" {
                                a class="button primary" href={ (base(network_id)) "/nieuw?instrument=" (i.reference.code()) } {
                                    (v.t("survey-start")) span class="visually-hidden" { ": " (i.definition.name.get(v.lang)) }
                                }
                                @if i.editable {
                                    a href={ (base(network_id)) "/instrumenten/" (i.reference.code()) } {
                                        (v.t("instrument-edit")) span class="visually-hidden" { ": " (i.definition.name.get(v.lang)) }
                                    }
                                }
                                form method="post" action={ (base(network_id)) "/instrumenten/kopie" } class="inline" {
                                    input type="hidden" name="csrf" value=(v.csrf);
                                    input type="hidden" name="instrument" value=(i.reference.code());
                                    button type="submit" class="link-button" {
                                        (v.t("instrument-copy")) span class="visually-hidden" { ": " (i.definition.name.get(v.lang)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if may_edit {
                form method="post" action={ (base(network_id)) "/instrumenten/nieuw" } class="inline" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    button type="submit" class="button" { (v.t("instrument-new-blank")) }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct InstrumentQuery {
    instrument: String,
}

const ROUND_LABELS: &[(&str, &str)] = &[
    ("label", "survey-field-label"),
    ("deadline", "survey-field-deadline"),
    ("reminderDays", "survey-field-reminders"),
    ("threshold", "survey-field-threshold"),
    ("persons", "survey-field-persons"),
];

fn round_form(v: &Visitor, network_id: i64, c: &RoundChoices, form: &SurveyRoundForm, errors: &ValidationErrors) -> Markup {
    let f = Fields::new(v, errors);
    let name = c.instrument.definition.name.get(v.lang);
    let persons: Vec<(String, String)> = c
        .persons
        .iter()
        .map(|p| {
            let email = p.email.clone().unwrap_or_else(|| v.t("survey-person-no-email"));
            // The sector helps a coordinator spread a round over the network.
            match p.sector.as_deref().and_then(Sector::parse) {
                Some(sector) => (p.person_id.to_string(), format!("{}, {} ({email})", p.name, v.t(&sector.label_key()))),
                None => (p.person_id.to_string(), format!("{} ({email})", p.name)),
            }
        })
        .collect();
    let roles = code_options(v, PersonRole::ALL, PersonRole::code, PersonRole::label_key);
    let bodies: Vec<(String, String)> = c.bodies.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    let partners: Vec<(String, String)> = c.partners.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    html! {
        (f.summary(ROUND_LABELS))
        form method="post" action={ (base(network_id)) "/nieuw?instrument=" (c.instrument.reference.code()) } class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            p { (v.ta("survey-new-instrument", &[("instrument", FluentValue::from(name.to_string()))])) }
            (f.text("label", "survey-field-label", &form.label, Opts { hint: Some("survey-field-label-hint"), ..Opts::required() }))
            (f.text("deadline", "survey-field-deadline", &form.deadline, Opts { kind: Some("date"), ..Opts::required() }))
            (f.text("reminderDays", "survey-field-reminders", &form.reminder_days, Opts { hint: Some("survey-field-reminders-hint"), inputmode: Some("numeric"), ..Opts::default() }))
            (f.text("threshold", "survey-field-threshold", &form.threshold, Opts { hint: Some("survey-field-threshold-hint"), inputmode: Some("numeric"), ..Opts::default() }))
            h2 { (v.t("survey-who")) }
            p class="hint" { (v.t("survey-who-hint")) }
            (f.checkboxes("roles", "survey-field-roles", &form.roles, &roles))
            (f.checkboxes("bodies", "survey-field-bodies", &form.bodies, &bodies))
            (f.checkboxes("partners", "survey-field-partners", &form.partners, &partners))
            (f.checkboxes("persons", "survey-field-persons", &form.persons, &persons))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("survey-start")) }
                a href=(base(network_id)) { (v.t("cancel")) }
            }
        }
    }
}

async fn new_round_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    r: InstrumentRef,
    form: &SurveyRoundForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let choices = state.service.round_choices(&actor, network_id, r).await?;
    let title = v.t("survey-new-title");
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("surveys-title")) } }
        h1 { (title) }
        (round_form(v, network_id, &choices, form, errors))
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

fn instrument_ref(q: &InstrumentQuery) -> Result<InstrumentRef, WebError> {
    InstrumentRef::parse(&q.instrument).ok_or(WebError::NotFound)
}

pub async fn new_round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<InstrumentQuery>,
) -> Result<Markup, WebError> {
    let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(14)).to_string();
    let form = SurveyRoundForm { deadline, threshold: "3".into(), reminder_days: "7".into(), ..Default::default() };
    new_round_page(&state, &v, network_id, instrument_ref(&q)?, &form, &ValidationErrors::default()).await
}

pub async fn start_round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<InstrumentQuery>,
    Form(form): Form<SurveyRoundForm>,
) -> Result<Response, WebError> {
    let r = instrument_ref(&q)?;
    match state.service.start_survey_round(&v.actor()?, network_id, r, &form).await {
        Ok(s) => Ok(Redirect::to(&format!("{}/{}?done=survey-started", base(network_id), s.round_id)).into_response()),
        Err(ServiceError::Invalid(e)) => {
            Ok((StatusCode::BAD_REQUEST, new_round_page(&state, &v, network_id, r, &form, &e).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct CopyForm {
    instrument: String,
}

pub async fn copy_instrument(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<CopyForm>,
) -> Result<Response, WebError> {
    let r = InstrumentRef::parse(&form.instrument).ok_or(WebError::NotFound)?;
    state.service.copy_instrument(&v.actor()?, network_id, r, &v.t("instrument-copy-suffix")).await?;
    Ok(Redirect::to(&format!("{}?done=created", base(network_id))).into_response())
}

fn links_table(v: &Visitor, links: &[FreshLink]) -> Markup {
    html! {
        div class="table-scroll" {
            table class="data" {
                caption { (v.t("survey-links-caption")) }
                thead { tr {
                    th scope="col" { (v.t("survey-col-person")) }
                    th scope="col" { (v.t("person-email")) }
                    th scope="col" { (v.t("survey-col-link")) }
                } }
                tbody {
                    @for l in links {
                        tr {
                            th scope="row" { (l.person_name) }
                            td { (l.email.clone().unwrap_or_default()) }
                            td { input type="text" readonly value=(l.link) aria-label={ (v.t("survey-col-link")) ": " (l.person_name) } class="copy-link"; }
                        }
                    }
                }
            }
        }
    }
}

async fn round_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    round_id: i64,
    done: Option<&str>,
    links: Option<&[FreshLink]>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let may_edit = role.may_edit_records();
    let d = state.service.survey_round(&actor, network_id, round_id).await?;
    let learned = learned_section(state, v, network_id, KnowledgeLinkKind::SurveyRound, round_id).await?;
    let r = &d.round;
    let open = !r.closed && chrono::Utc::now().date_naive() <= r.deadline;
    let here = format!("{}/{}", base(network_id), r.id);
    let mailed = d.mails.iter().filter(|m| m.mail_count > 0).count();
    let failed = d.mails.iter().filter(|m| m.mail_error.is_some()).count();
    let no_email = d.mails.iter().filter(|m| m.email.is_none()).count();
    let title = r.label.clone();
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("surveys-title")) } }
        h1 { (title) }
        (flash(v, done))
        @if done == Some("survey-started") { div class="flash" role="status" { (v.t("survey-started")) } }
        @if let Some(n) = done.and_then(|d| d.strip_prefix("reminded-")) { div class="flash" role="status" { (v.ta("survey-reminded", &[("count", FluentValue::from(n.parse::<i64>().unwrap_or(0)))])) } }
        dl class="facts" {
            dt { (v.t("survey-col-instrument")) } dd { (d.instrument.name.get(v.lang)) " " span class="muted" { (v.ta("survey-version", &[("version", FluentValue::from(r.version))])) } }
            dt { (v.t("survey-field-deadline")) } dd { (date(v, Some(r.deadline))) }
            dt { (v.t("survey-col-status")) } dd { (round_status(v, r)) }
            dt { (v.t("survey-col-response")) } dd id="response-rate" { (response_rate(v, r)) }
            dt { (v.t("survey-col-started")) } dd { (r.started - r.finished) }
            dt { (v.t("survey-field-threshold")) } dd { (r.threshold) }
            dt { (v.t("survey-field-reminders")) } dd {
                @match r.reminder_days { Some(n) => (v.ta("survey-reminders-every", &[("days", FluentValue::from(n))])), None => (v.t("survey-reminders-none")) }
            }
        }
        p { a class="button primary" href={ (here) "/resultaten" } { (v.t("survey-results-link")) } }
        p class="hint" { (v.t("survey-privacy-note")) }
        @if may_edit {
            section class="panel" aria-labelledby="mail-title" {
                h2 id="mail-title" { (v.t("survey-mail-title")) }
                @if d.mail_sends {
                    p { (v.ta("survey-mail-state", &[("mailed", FluentValue::from(mailed)), ("invited", FluentValue::from(d.mails.len())), ("failed", FluentValue::from(failed)), ("noemail", FluentValue::from(no_email))])) }
                    @if open {
                        form method="post" action={ (here) "/herinneren" } class="inline" {
                            input type="hidden" name="csrf" value=(v.csrf);
                            button type="submit" class="button" { (v.t("survey-remind-now")) }
                        }
                    }
                } @else {
                    p { (v.t("survey-outbox-intro")) }
                    @if d.reminders_due > 0 { p { (v.ta("survey-reminders-due", &[("count", FluentValue::from(d.reminders_due))])) } }
                }
                @if let Some(links) = links {
                    div role="status" { p { (v.t("survey-links-once")) } }
                    (links_table(v, links))
                } @else if open {
                    form method="post" action={ (here) "/links" } class="inline" {
                        input type="hidden" name="csrf" value=(v.csrf);
                        button type="submit" class="button" { (v.t("survey-make-links")) }
                    }
                    p class="hint" { (v.t("survey-make-links-hint")) }
                }
            }
            @if !r.closed {
                p { a href={ (here) "/afsluiten" } { (v.t("survey-close")) } }
            }
        }
        (learned)
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

pub async fn round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
    Query(q): Query<crate::pages::DoneQuery>,
) -> Result<Markup, WebError> {
    round_page(&state, &v, network_id, round_id, q.done.as_deref(), None).await
}

/// Makes fresh links for everyone who has not finished and shows them once.
pub async fn links(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let links = state.service.fresh_links(&v.actor()?, network_id, round_id, None).await?;
    round_page(&state, &v, network_id, round_id, None, Some(&links)).await
}

pub async fn remind(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let n = state.service.remind_now(&v.actor()?, network_id, round_id).await?;
    Ok(Redirect::to(&format!("{}/{round_id}?done=reminded-{n}", base(network_id))).into_response())
}

pub async fn confirm_close(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let d = state.service.survey_round(&actor, network_id, round_id).await?;
    let here = format!("{}/{round_id}", base(network_id));
    let title = v.t("survey-close-title");
    let body = html! {
        p class="breadcrumb" { a href=(here) { (d.round.label) } }
        h1 { (title) }
        p { (v.ta("survey-close-question", &[("round", FluentValue::from(d.round.label.clone())), ("finished", FluentValue::from(d.round.finished)), ("invited", FluentValue::from(d.round.invited))])) }
        form method="post" action={ (here) "/afsluiten" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("survey-close")) }
            a href=(here) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

pub async fn close(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let rel = state.service.close_survey_round(&v.actor()?, network_id, round_id).await?;
    let done = if rel.is_some() { "survey-closed-map" } else { "survey-closed" };
    Ok(Redirect::to(&format!("{}/{round_id}?done={done}", base(network_id))).into_response())
}
