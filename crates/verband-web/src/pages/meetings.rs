//! Meetings of the network's bodies: the list, planning, and the meeting page
//! where members propose agenda items and the coordinator records
//! attendance, decisions and action items.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use chrono::Utc;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::knowledge::KnowledgeLinkKind;
use verband_domain::{
    ActionItemForm, AgendaItemForm, AgendaOrderForm, AttendanceForm, AttendanceStatus, BodyForm, BodyKind, DecisionForm, MeetingForm,
    MeetingStatus, ValidationErrors,
};
use verband_service::{MeetingDetail, ServiceError};

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::knowledge_learned::learned_section;
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

const MEETING_LABELS: &[(&str, &str)] = &[
    ("bodyId", "meeting-body"),
    ("title", "meeting-title"),
    ("date", "meeting-date"),
    ("startTime", "meeting-time"),
    ("place", "meeting-place"),
    ("link", "meeting-link"),
    ("status", "meeting-status"),
    ("invitedOrganisationIds", "meeting-invited"),
    ("invitedPersonIds", "meeting-invited-persons"),
    ("notes", "meeting-notes"),
];

fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/bijeenkomsten")
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MeetingsQuery {
    orgaan: String,
    done: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<MeetingsQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let bodies = state.service.bodies(&actor, network_id).await?;
    let body_filter = q.orgaan.parse::<i64>().ok();
    let meetings = state.service.meetings(&actor, network_id, body_filter).await?;
    let today = Utc::now().date_naive();
    let (upcoming, past): (Vec<_>, Vec<_>) = meetings.iter().partition(|m| m.date >= today);
    let body_name = |id: i64| bodies.iter().find(|b| b.id == id).map(|b| b.name.clone()).unwrap_or_default();
    let title = v.t("meetings-title");
    let path = base(network_id);
    let table = |rows: Vec<&verband_domain::Meeting>, caption: String| {
        html! {
            table class="data" {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (v.t("meeting-date")) }
                    th scope="col" { (v.t("meeting-body")) }
                    th scope="col" { (v.t("meeting-title")) }
                    th scope="col" { (v.t("meeting-status")) }
                } }
                tbody {
                    @for m in rows {
                        tr {
                            td { a href={ (path) "/" (m.id) } { (date(&v, Some(m.date))) } }
                            td { (body_name(m.body_id)) }
                            td { (m.title.as_deref().unwrap_or("—")) }
                            td { (v.t(&m.status.label_key())) }
                        }
                    }
                }
            }
        }
    };
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            div class="actions" {
                a class="button" href={ "/netwerken/" (network_id) "/organen" } { (v.t("bodies-title")) }
                @if role.may_edit_records() && !bodies.is_empty() { a class="button primary" href={ (path) "/nieuw" } { (v.t("meetings-add")) } }
            }
        }
        (flash(&v, q.done.as_deref()))
        @if bodies.is_empty() {
            div class="empty" { p { (v.t("bodies-empty")) } }
        } @else {
            form method="get" action=(path) class="filters" role="search" aria-label=(v.t("meetings-filter-label")) {
                div class="field" {
                    label for="f-orgaan" { (v.t("meeting-body")) }
                    select id="f-orgaan" name="orgaan" {
                        option value="" { (v.t("filter-all")) }
                        @for b in &bodies { option value=(b.id) selected[body_filter == Some(b.id)] { (b.name) } }
                    }
                }
                button type="submit" class="button" { (v.t("filter-apply")) }
            }
            @if upcoming.is_empty() { p class="empty" { (v.t("meetings-none-upcoming")) } }
            @else { (table(upcoming, v.t("meetings-upcoming"))) }
            @if !past.is_empty() { (table(past.into_iter().rev().collect(), v.t("meetings-past"))) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "meetings"), body))
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &MeetingForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let bodies: Vec<(String, String)> =
        state.service.bodies(&actor, network_id).await?.into_iter().filter(|b| !b.archived).map(|b| (b.id.to_string(), b.name)).collect();
    let partners: Vec<(String, String)> =
        state.service.partner_choices(&actor, network_id).await?.into_iter().map(|(id, n)| (id.to_string(), n)).collect();
    let statuses = code_options(v, MeetingStatus::ALL, MeetingStatus::code, MeetingStatus::label_key);
    let people =
        state.service.persons(&actor, network_id, &Default::default(), verband_domain::PageRequest::new(Some(1), Some(100))).await?;
    let person_options: Vec<(String, String)> = people
        .items
        .into_iter()
        .map(|p| {
            let label = match &p.organisation_name {
                Some(org) => format!("{} ({org})", p.name),
                None => p.name.clone(),
            };
            (p.id.to_string(), label)
        })
        .collect();
    let path = base(network_id);
    let (title, action, cancel) = match id {
        Some(id) => (v.t("meetings-edit"), format!("{path}/{id}/bewerken"), format!("{path}/{id}")),
        None => (v.t("meetings-add"), format!("{path}/nieuw"), path.clone()),
    };
    let status = if form.status.is_empty() { "planned" } else { form.status.as_str() };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" { a href=(path) { (v.t("meetings-title")) } }
        h1 { (title) }
        (f.summary(MEETING_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.select("bodyId", "meeting-body", &form.body_id, &bodies, Opts::required()))
            (f.text("title", "meeting-title", &form.title, Opts::default()))
            (f.text("date", "meeting-date", &form.date, Opts { kind: Some("date"), ..Opts::required() }))
            (f.text("startTime", "meeting-time", &form.start_time, Opts { kind: Some("time"), ..Default::default() }))
            (f.text("place", "meeting-place", &form.place, Opts::default()))
            (f.text("link", "meeting-link", &form.link, Opts { kind: Some("url"), hint: Some("partner-website-hint"), ..Default::default() }))
            (f.select("status", "meeting-status", status, &statuses, Opts::required()))
            (f.checkboxes("invitedOrganisationIds", "meeting-invited", &form.invited_organisation_ids, &partners))
            details class="field" open[!form.invited_person_ids.is_empty()] {
                summary { (v.t("meeting-invited-persons")) }
                (f.checkboxes("invitedPersonIds", "meeting-invited-persons", &form.invited_person_ids, &person_options))
            }
            (f.textarea("notes", "meeting-notes", &form.notes, Opts::default()))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(cancel) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "meetings"), body))
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Markup, WebError> {
    // Everyone active is invited unless the coordinator unticks them.
    let partners = state.service.partner_choices(&v.actor()?, network_id).await?;
    let form = MeetingForm { invited_organisation_ids: partners.iter().map(|(id, _)| id.to_string()).collect(), ..Default::default() };
    form_page(&state, &v, network_id, None, &form, &ValidationErrors::default()).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let d = state.service.meeting(&v.actor()?, network_id, id).await?;
    form_page(&state, &v, network_id, Some(id), &d.meeting.to_form(), &ValidationErrors::default()).await
}

async fn save(state: AppState, v: Visitor, network_id: i64, id: Option<i64>, form: MeetingForm) -> Result<Response, WebError> {
    match state.service.save_meeting(&v.actor()?, network_id, id, &form).await {
        Ok(mid) => {
            Ok(Redirect::to(&format!("{}/{mid}?done={}", base(network_id), if id.is_some() { "saved" } else { "created" })).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, form_page(&state, &v, network_id, id, &form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<MeetingForm>,
) -> Result<Response, WebError> {
    save(state, v, network_id, None, form).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<MeetingForm>,
) -> Result<Response, WebError> {
    save(state, v, network_id, Some(id), form).await
}

/// Which sub-form of the meeting page came back with problems, and what was typed.
#[derive(Default)]
struct Returned {
    agenda: Option<(AgendaItemForm, ValidationErrors)>,
    decision: Option<(DecisionForm, ValidationErrors)>,
    action: Option<(ActionItemForm, ValidationErrors)>,
}

async fn detail_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: i64,
    returned: Returned,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let MeetingDetail { meeting, body, agenda, attendance, decisions, actions } = state.service.meeting(&actor, network_id, id).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let mut invited_people = Vec::with_capacity(meeting.invited_person_ids.len());
    for p in &meeting.invited_person_ids {
        if let Ok(person) = state.service.person(&actor, network_id, *p).await {
            invited_people.push(person.name);
        }
    }
    let name_of = |org: Option<i64>| org.and_then(|o| partners.iter().find(|(id, _)| *id == o)).map(|(_, n)| n.clone());
    let path = format!("{}/{id}", base(network_id));
    let editor = role.may_edit_records();
    let takes_part = !matches!(role, verband_domain::NetworkRole::Advisor);
    let mut ticks = Vec::with_capacity(actions.len());
    for a in &actions {
        ticks.push(state.service.may_tick(&actor, network_id, a).await?);
    }
    let title = format!("{} {}", body.name, date(v, Some(meeting.date)));
    let learned = learned_section(state, v, network_id, KnowledgeLinkKind::Meeting, id).await?;
    let (agenda_form, agenda_errors) = returned.agenda.unwrap_or_default();
    let (decision_form, decision_errors) = returned.decision.unwrap_or_default();
    let (action_form, action_errors) = returned.action.unwrap_or_default();
    let partner_options: Vec<(String, String)> = partners.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    let agenda_options: Vec<(String, String)> = agenda.iter().map(|a| (a.id.to_string(), a.title.clone())).collect();
    let ids: Vec<i64> = agenda.iter().map(|a| a.id).collect();
    let body_markup = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("meetings-title")) } }
        div class="page-head" {
            h1 { (title) @if let Some(t) = &meeting.title { ": " (t) } }
            div class="actions" {
                a class="button" href={ (path) "/agenda.ics" } { (v.t("meeting-ics")) }
                @if editor { a class="button" href={ (path) "/bewerken" } { (v.t("edit")) } }
            }
        }
        (flash(v, done))
        dl class="facts" {
            dt { (v.t("meeting-body")) } dd { (body.name) " (" (v.t(&body.kind.label_key())) ")" }
            dt { (v.t("meeting-date")) } dd { (date(v, Some(meeting.date))) @if let Some(t) = meeting.start_time { ", " (t.format("%H:%M")) } }
            dt { (v.t("meeting-place")) } dd { (meeting.place.as_deref().unwrap_or("—")) }
            dt { (v.t("meeting-link")) } dd { @match &meeting.link { Some(l) => a href=(l) rel="noopener noreferrer" { (l) }, None => "—" } }
            dt { (v.t("meeting-status")) } dd { (v.t(&meeting.status.label_key())) }
            @if !invited_people.is_empty() { dt { (v.t("meeting-invited-persons")) } dd { (invited_people.join(", ")) } }
            @if let Some(n) = &meeting.notes { dt { (v.t("meeting-notes")) } dd { (n) } }
        }

        section aria-labelledby="agenda-title" class="panel" {
            h2 id="agenda-title" { (v.t("agenda-title")) }
            @if agenda.is_empty() {
                p class="empty" { (v.t("agenda-empty")) }
            } @else {
                ol class="agenda" {
                    @for (i, a) in agenda.iter().enumerate() {
                        li {
                            strong { (a.title) }
                            " " span class="muted" {
                                "(" (v.t("agenda-brought-in-by")) " "
                                @if a.by_coordinator { (v.t("agenda-by-coordinator")) }
                                @else { (name_of(a.brought_in_by_organisation_id).unwrap_or_else(|| v.t("agenda-unknown"))) }
                                ")"
                            }
                            @if let Some(d) = &a.description { p { (d) } }
                            @if editor && agenda.len() > 1 {
                                div class="row-actions" {
                                    @if i > 0 { (order_button(v, &path, &ids, i, i - 1, "agenda-up", &a.title)) }
                                    @if i + 1 < agenda.len() { (order_button(v, &path, &ids, i, i + 1, "agenda-down", &a.title)) }
                                }
                            }
                        }
                    }
                }
            }
            @if takes_part && meeting.status != MeetingStatus::Cancelled {
                h3 { (v.t("agenda-propose")) }
                @let f = Fields::new(v, &agenda_errors);
                (f.summary(&[("title", "agenda-item-title"), ("description", "agenda-item-description"), ("organisationId", "agenda-on-behalf")]))
                form method="post" action={ (path) "/agendapunten" } class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (f.text("title", "agenda-item-title", &agenda_form.title, Opts::required()))
                    (f.textarea("description", "agenda-item-description", &agenda_form.description, Opts::default()))
                    @if editor { (f.select("organisationId", "agenda-on-behalf", &agenda_form.organisation_id, &partner_options, Opts { hint: Some("agenda-on-behalf-hint"), ..Default::default() })) }
                    div class="form-actions" { button type="submit" class="button primary" { (v.t("agenda-propose-submit")) } }
                }
            }
        }

        section aria-labelledby="attendance-title" class="panel" {
            h2 id="attendance-title" { (v.t("attendance-title")) }
            @if meeting.invited_organisation_ids.is_empty() {
                p class="empty" { (v.t("attendance-none-invited")) }
            } @else if editor {
                form method="post" action={ (path) "/aanwezigheid" } {
                    input type="hidden" name="csrf" value=(v.csrf);
                    table class="data" {
                        caption class="visually-hidden" { (v.t("attendance-title")) }
                        thead { tr {
                            th scope="col" { (v.t("interest-partner")) }
                            @for s in AttendanceStatus::ALL { th scope="col" { (v.t(&s.label_key())) } }
                        } }
                        tbody {
                            @for org in &meeting.invited_organisation_ids {
                                @let current = attendance.iter().find(|a| a.organisation_id == *org).map(|a| a.status);
                                @let name = name_of(Some(*org)).unwrap_or_default();
                                tr {
                                    th scope="row" id={ "att-" (org) } { (name) }
                                    @for s in AttendanceStatus::ALL {
                                        td {
                                            input type="radio" name={ "status-" (org) } value=(s.code()) id={ "att-" (org) "-" (s.code()) }
                                                checked[current.unwrap_or(AttendanceStatus::Absent) == *s]
                                                aria-labelledby={ "att-" (org) " att-" (org) "-" (s.code()) "-label" };
                                            label for={ "att-" (org) "-" (s.code()) } id={ "att-" (org) "-" (s.code()) "-label" } class="visually-hidden" { (v.t(&s.label_key())) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    div class="form-actions" { button type="submit" class="button primary" { (v.t("attendance-save")) } }
                }
            } @else if attendance.is_empty() {
                p class="empty" { (v.t("attendance-not-recorded")) }
            } @else {
                ul { @for a in &attendance { li { (name_of(Some(a.organisation_id)).unwrap_or_default()) ": " (v.t(&a.status.label_key())) } } }
            }
        }

        section aria-labelledby="decisions-title" class="panel" {
            h2 id="decisions-title" { (v.t("decisions-title")) }
            @if decisions.is_empty() { p class="empty" { (v.t("decisions-empty")) } }
            @else { ul { @for d in &decisions { li { (d.text) } } } }
            @if editor {
                @let f = Fields::new(v, &decision_errors);
                (f.summary(&[("text", "decision-text"), ("agendaItemId", "decision-agenda-item")]))
                form method="post" action={ (path) "/besluiten" } class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (f.textarea("text", "decision-text", &decision_form.text, Opts::required()))
                    (f.select("agendaItemId", "decision-agenda-item", &decision_form.agenda_item_id, &agenda_options, Opts::default()))
                    div class="form-actions" { button type="submit" class="button" { (v.t("decision-add")) } }
                }
            }
        }

        section aria-labelledby="actions-title" class="panel" {
            h2 id="actions-title" { (v.t("actions-title")) }
            (crate::pages::actions::table(v, network_id, &actions, &ticks, &partners, &path))
            @if editor {
                @let f = Fields::new(v, &action_errors);
                (f.summary(&[("description", "action-description"), ("ownerOrganisationId", "action-owner"), ("ownerPersonId", "action-owner"), ("due", "action-due")]))
                h3 { (v.t("action-add")) }
                form method="post" action={ (path) "/acties" } class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    (f.text("description", "action-description", &action_form.description, Opts::required()))
                    (f.select("ownerOrganisationId", "action-owner", &action_form.owner_organisation_id, &partner_options, Opts::required()))
                    (f.text("due", "action-due", &action_form.due, Opts { kind: Some("date"), ..Opts::required() }))
                    div class="form-actions" { button type="submit" class="button" { (v.t("action-add")) } }
                }
            }
        }
        (learned)
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "meetings"), body_markup))
}

/// A button that moves one agenda item, as a form: works without JavaScript.
fn order_button(v: &Visitor, path: &str, ids: &[i64], from: usize, to: usize, label_key: &str, item: &str) -> Markup {
    let mut order = ids.to_vec();
    order.swap(from, to);
    html! {
        form method="post" action={ (path) "/agendavolgorde" } class="inline" {
            input type="hidden" name="csrf" value=(v.csrf);
            @for id in &order { input type="hidden" name="itemIds" value=(id); }
            button type="submit" class="link-like" { (v.t(label_key)) span class="visually-hidden" { ": " (item) } }
        }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    detail_page(&state, &v, network_id, id, Returned::default(), q.done.as_deref()).await
}

fn back(network_id: i64, id: i64, done: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{}/{id}?done={done}#{anchor}", base(network_id))).into_response()
}

pub async fn propose(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<AgendaItemForm>,
) -> Result<Response, WebError> {
    match state.service.propose_agenda_item(&v.actor()?, network_id, id, &form).await {
        Ok(_) => Ok(back(network_id, id, "created", "agenda-title")),
        Err(ServiceError::Invalid(e)) => {
            let r = Returned { agenda: Some((form, e)), ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, detail_page(&state, &v, network_id, id, r, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn order(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<AgendaOrderForm>,
) -> Result<Response, WebError> {
    match state.service.order_agenda(&v.actor()?, network_id, id, &form).await {
        Ok(()) => Ok(back(network_id, id, "saved", "agenda-title")),
        // The agenda changed meanwhile: show it as it is now.
        Err(ServiceError::Invalid(_)) => Ok(back(network_id, id, "stale", "agenda-title")),
        Err(e) => Err(e.into()),
    }
}

pub async fn attendance(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = AttendanceForm::default();
    for (key, value) in &pairs {
        let Some(org) = key.strip_prefix("status-") else { continue };
        match AttendanceStatus::parse(value) {
            Some(AttendanceStatus::Present) => form.present_organisation_ids.push(org.to_string()),
            Some(AttendanceStatus::Excused) => form.excused_organisation_ids.push(org.to_string()),
            Some(AttendanceStatus::Absent) => {}
            None => return Err(WebError::BadRequest),
        }
    }
    state.service.record_attendance(&v.actor()?, network_id, id, &form).await?;
    Ok(back(network_id, id, "saved", "attendance-title"))
}

pub async fn decide(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    match state.service.add_decision(&v.actor()?, network_id, id, &form).await {
        Ok(_) => Ok(back(network_id, id, "created", "decisions-title")),
        Err(ServiceError::Invalid(e)) => {
            let r = Returned { decision: Some((form, e)), ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, detail_page(&state, &v, network_id, id, r, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_action(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<ActionItemForm>,
) -> Result<Response, WebError> {
    match state.service.add_action(&v.actor()?, network_id, Some(id), &form).await {
        Ok(_) => Ok(back(network_id, id, "created", "actions-title")),
        Err(ServiceError::Invalid(e)) => {
            let r = Returned { action: Some((form, e)), ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, detail_page(&state, &v, network_id, id, r, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- bodies

async fn bodies_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    form: &BodyForm,
    errors: &ValidationErrors,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let bodies = state.service.bodies(&actor, network_id).await?;
    let kinds = code_options(v, BodyKind::ALL, BodyKind::code, BodyKind::label_key);
    let f = Fields::new(v, errors);
    let title = v.t("bodies-title");
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("meetings-title")) } }
        h1 { (title) }
        (flash(v, done))
        p class="lead" { (v.t("bodies-intro")) }
        @if bodies.is_empty() {
            div class="empty" { p { (v.t("bodies-empty")) } }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (title) }
                thead { tr { th scope="col" { (v.t("body-name")) } th scope="col" { (v.t("body-kind")) } th scope="col" { (v.t("meeting-ics")) } } }
                tbody {
                    @for b in &bodies {
                        tr {
                            td { a href={ (base(network_id)) "?orgaan=" (b.id) } { (b.name) } }
                            td { (v.t(&b.kind.label_key())) }
                            td { a href={ "/netwerken/" (network_id) "/organen/" (b.id) "/agenda.ics" } { (v.t("body-ics")) span class="visually-hidden" { ": " (b.name) } } }
                        }
                    }
                }
            }
        }
        @if role.may_edit_records() {
            h2 { (v.t("bodies-add")) }
            (f.summary(&[("kind", "body-kind"), ("name", "body-name")]))
            form method="post" action={ "/netwerken/" (network_id) "/organen" } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.text("name", "body-name", &form.name, Opts { hint: Some("body-name-hint"), ..Opts::required() }))
                (f.select("kind", "body-kind", &form.kind, &kinds, Opts::required()))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("bodies-add")) } }
            }
        }
        (crate::pages::calendar_feeds::section(state, v, network_id, &bodies).await?)
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "meetings"), body))
}

pub async fn bodies(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    bodies_page(&state, &v, network_id, &BodyForm::default(), &ValidationErrors::default(), q.done.as_deref()).await
}

pub async fn create_body(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<BodyForm>,
) -> Result<Response, WebError> {
    match state.service.save_body(&v.actor()?, network_id, None, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/netwerken/{network_id}/organen?done=created")).into_response()),
        Err(ServiceError::Invalid(e)) => {
            Ok((StatusCode::BAD_REQUEST, bodies_page(&state, &v, network_id, &form, &e, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
