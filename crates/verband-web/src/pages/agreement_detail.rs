//! The agreement's page: its facts, agreed against delivered per partner,
//! the commitments of each party with what they reported per quarter, the
//! form to report a delivery, and the signed documents.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::portfolio::{Agreement, Commitment, Delivery, DeliveryForm, PartnerBalance, Quarter};
use verband_domain::ValidationErrors;
use verband_service::{AgreementDetail, DocumentInfo, ServiceError};

use crate::error::WebError;
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::agreements::{base, evaluation_overdue, hours, money, name_of, partner_names, period, quarter_label, today};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

const DELIVERY_LABELS: &[(&str, &str)] =
    &[("quarter", "delivery-quarter"), ("hours", "delivery-hours"), ("money", "delivery-money"), ("note", "delivery-note")];

/// What a failed post brings back to the page: the form as typed, with its messages.
#[derive(Default)]
pub(crate) struct Returned {
    /// The commitment reported on, the form and its errors.
    pub delivery: Option<(i64, DeliveryForm, ValidationErrors)>,
    /// The problems with an uploaded document.
    pub upload: Option<ValidationErrors>,
}

/// The quarters one may report on, newest first: from the agreement's start
/// (at most three years back) to the current quarter or the agreement's end.
fn reportable_quarters(a: &Agreement) -> Vec<Quarter> {
    let now = Quarter::of(today());
    let last = a.ends_on.map_or(now, |e| Quarter::of(e).min(now));
    let mut first = now;
    for _ in 0..11 {
        first = first.previous();
    }
    if let Some(s) = a.starts_on {
        first = first.max(Quarter::of(s));
    }
    let mut out = Vec::new();
    let mut q = last;
    while q >= first {
        out.push(q);
        q = q.previous();
    }
    out
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    detail_page(&state, &v, network_id, id, Returned::default(), q.done.as_deref()).await
}

pub(crate) async fn detail_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: i64,
    returned: Returned,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let d = state.service.agreement(&actor, network_id, id).await?;
    let names = partner_names(state, v, network_id).await?;
    let a = &d.agreement;
    let path = format!("{}/{id}", base(network_id));
    let editor = role.may_edit_records();
    let partners_base = format!("/netwerken/{network_id}/partners");
    let title = a.title.clone();
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("agreements-title")) } }
        div class="page-head" {
            h1 { (a.title) @if a.archived { " " span class="badge muted" { (v.t("archived")) } } }
            @if editor {
                div class="actions" {
                    a class="button" href={ (path) "/bewerken" } { (v.t("edit")) }
                    @if a.archived {
                        form method="post" action={ (path) "/terugzetten" } {
                            input type="hidden" name="csrf" value=(v.csrf);
                            button type="submit" class="button" { (v.t("restore")) }
                        }
                    } @else {
                        a class="button secondary" href={ (path) "/archiveren" } { (v.t("archive")) }
                    }
                }
            }
        }
        (flash(v, done))
        dl class="facts" {
            dt { (v.t("agreement-parties")) }
            dd {
                ul class="inline-list" {
                    @for p in &a.party_ids { li { a href={ (partners_base) "/" (p) } { (name_of(v, &names, *p)) } } }
                }
            }
            dt { (v.t("agreement-period-label")) } dd { (period(v, a)) }
            dt { (v.t("agreement-evaluation-date")) }
            dd {
                (date(v, a.evaluation_date))
                @if evaluation_overdue(a) { " " span class="badge status-watch" { (v.t("agreement-evaluation-overdue")) } }
            }
            dt { (v.t("agreement-description")) } dd { (a.description.as_deref().unwrap_or("—")) }
            dt { (v.t("agreement-out-of-scope")) } dd { (a.out_of_scope.as_deref().unwrap_or("—")) }
            dt { (v.t("agreement-document-url")) }
            dd {
                @match &a.document_url {
                    Some(u) => a href=(u) rel="noopener noreferrer" { (v.t("agreement-document-url-open")) span class="visually-hidden" { ": " (a.title) } },
                    None => "—",
                }
            }
        }
        (balance_section(v, &d, &names))
        (commitments_section(v, &d, &names, &path, &returned))
        (documents_section(v, network_id, &d, &path, editor, returned.upload.as_ref()))
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "agreements"), body))
}

fn balance_section(v: &Visitor, d: &AgreementDetail, names: &HashMap<i64, String>) -> Markup {
    let due_until = Quarter::of(today()).previous().last_day();
    let due_until = d.agreement.ends_on.map_or(due_until, |e| e.min(due_until));
    let behind: Vec<&PartnerBalance> = d.balance.iter().filter(|b| b.behind).collect();
    let summary = if d.balance.is_empty() {
        v.t("balance-summary-none")
    } else if behind.is_empty() {
        v.ta("balance-summary-on-schedule", &[("count", d.balance.len().into())])
    } else {
        let who: Vec<String> = behind.iter().map(|b| name_of(v, names, b.organisation_id)).collect();
        v.ta(
            "balance-summary-behind",
            &[("behind", behind.len().into()), ("count", d.balance.len().into()), ("names", who.join(", ").into())],
        )
    };
    let dash = || html! { span class="muted" { "—" } };
    html! {
        section aria-labelledby="balance-title" class="panel" {
            h2 id="balance-title" { (v.t("balance-title")) }
            p id="balance-summary" { (summary) }
            @if !d.balance.is_empty() {
                // Focusable, so that a keyboard can scroll a table wider than the screen.
                div class="table-scroll" tabindex="0" role="region" aria-labelledby="balance-caption" {
                    table class="data balance" aria-describedby="balance-summary" {
                        caption id="balance-caption" { (v.ta("balance-caption", &[("date", date(v, Some(due_until)).into())])) }
                        thead { tr {
                            th scope="col" { (v.t("balance-partner")) }
                            th scope="col" class="num" { (v.t("balance-hours-per-month")) }
                            th scope="col" class="num" { (v.t("balance-hours-due")) }
                            th scope="col" class="num" { (v.t("balance-hours-delivered")) }
                            th scope="col" class="num" { (v.t("balance-money-agreed")) }
                            th scope="col" class="num" { (v.t("balance-money-due")) }
                            th scope="col" class="num" { (v.t("balance-money-delivered")) }
                            th scope="col" { (v.t("balance-status")) }
                        } }
                        tbody {
                            @for b in &d.balance {
                                tr {
                                    th scope="row" { (name_of(v, names, b.organisation_id)) }
                                    td class="num" { (hours(v, b.hours_per_month)) }
                                    td class="num" { (hours(v, b.hours_due)) }
                                    td class="num" { (hours(v, b.hours_delivered)) }
                                    td class="num" { (money(v, b.money_agreed_cents)) }
                                    td class="num" { @match b.money_due_cents { Some(c) => (money(v, c)), None => (dash()) } }
                                    td class="num" { (money(v, b.money_delivered_cents)) }
                                    td {
                                        @if b.behind { span class="badge status-alarm" { (v.t("balance-behind")) } }
                                        @else { span class="badge status-ok" { (v.t("balance-on-schedule")) } }
                                    }
                                }
                            }
                        }
                    }
                }
                p class="hint" { (v.t("balance-explain")) }
            }
        }
    }
}

fn commitments_section(v: &Visitor, d: &AgreementDetail, names: &HashMap<i64, String>, path: &str, returned: &Returned) -> Markup {
    let editor = d.role.may_edit_records();
    let quarters = reportable_quarters(&d.agreement);
    html! {
        section aria-labelledby="commitments-title" class="panel" {
            div class="page-head" {
                h2 id="commitments-title" { (v.t("commitments-title")) }
                @if editor && !d.agreement.archived {
                    a class="button primary" href={ (path) "/toezeggingen/nieuw" } { (v.t("commitments-add")) }
                }
            }
            @if d.commitments.is_empty() {
                p class="empty" { (v.t("commitments-empty")) }
            }
            @for c in &d.commitments {
                @let who = name_of(v, names, c.organisation_id);
                @let heading = match &c.role { Some(r) => format!("{who}: {r}"), None => who.clone() };
                article class="commitment" aria-labelledby={ "c" (c.id) "-title" } {
                    h3 id={ "c" (c.id) "-title" } { (heading) }
                    dl class="facts" {
                        dt { (v.t("commitment-role")) } dd { (c.role.as_deref().unwrap_or("—")) }
                        dt { (v.t("commitment-tasks")) } dd { (c.tasks.as_deref().unwrap_or("—")) }
                        dt { (v.t("commitment-hours-per-month")) } dd { @match c.hours_per_month { Some(h) => (hours(v, h)), None => "—" } }
                        dt { (v.t("commitment-money")) } dd { @match c.money_cents { Some(m) => (money(v, m)), None => "—" } }
                        dt { (v.t("commitment-in-kind")) } dd { (c.in_kind.as_deref().unwrap_or("—")) }
                    }
                    @if editor && !d.agreement.archived {
                        p class="row-actions" {
                            a href={ (path) "/toezeggingen/" (c.id) "/bewerken" } { (v.t("edit")) span class="visually-hidden" { ": " (heading) } }
                            " · "
                            a href={ (path) "/toezeggingen/" (c.id) "/verwijderen" } { (v.t("commitment-remove")) span class="visually-hidden" { ": " (heading) } }
                        }
                    }
                    (deliveries_table(v, c, &d.deliveries, &heading))
                    @if d.may_report(c) && !d.agreement.archived {
                        (delivery_form(v, c, &heading, path, &quarters, returned.delivery.as_ref().filter(|(id, _, _)| *id == c.id)))
                    }
                }
            }
        }
    }
}

fn deliveries_table(v: &Visitor, c: &Commitment, deliveries: &[Delivery], heading: &str) -> Markup {
    let mine: Vec<&Delivery> = deliveries.iter().filter(|x| x.commitment_id == c.id).rev().collect();
    html! {
        h4 { (v.t("deliveries-title")) }
        @if mine.is_empty() {
            p class="empty" { (v.t("deliveries-empty")) }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (v.t("deliveries-title")) ": " (heading) }
                thead { tr {
                    th scope="col" { (v.t("delivery-quarter")) }
                    th scope="col" class="num" { (v.t("delivery-hours")) }
                    th scope="col" class="num" { (v.t("delivery-money")) }
                    th scope="col" { (v.t("delivery-note")) }
                } }
                tbody {
                    @for x in mine {
                        tr {
                            th scope="row" { (quarter_label(v, x.quarter)) }
                            td class="num" { @match x.hours { Some(h) => (hours(v, h)), None => "—" } }
                            td class="num" { @match x.money_cents { Some(m) => (money(v, m)), None => "—" } }
                            td { (x.note.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}

/// The report form of one commitment. Its field ids carry the commitment's
/// id, as several of these forms share the page.
fn delivery_form(
    v: &Visitor,
    c: &Commitment,
    heading: &str,
    path: &str,
    quarters: &[Quarter],
    returned: Option<&(i64, DeliveryForm, ValidationErrors)>,
) -> Markup {
    if quarters.is_empty() {
        return html! { p class="hint" { (v.t("delivery-not-yet")) } };
    }
    let empty = ValidationErrors::default();
    let (form, errors) = match returned {
        Some((_, f, e)) => (f.clone(), e),
        None => (DeliveryForm { quarter: Quarter::of(today()).previous().to_string(), ..Default::default() }, &empty),
    };
    let selected = Quarter::parse(&form.quarter);
    let id = |field: &str| format!("d{}-{field}", c.id);
    let message = |field: &str| errors.for_field(field).map(|e| v.t(&format!("error-{}", e.code)));
    let field = |name: &str, label_key: &str, input: Markup, hint: Option<&str>| {
        let msg = message(name);
        html! {
            div class={ "field" @if msg.is_some() { " has-error" } } {
                label for=(id(name)) { (v.t(label_key)) @if name != "quarter" { " " span class="optional" { (v.t("field-optional")) } } }
                @if let Some(h) = hint { p class="hint" id={ (id(name)) "-hint" } { (v.t(h)) } }
                @if let Some(m) = msg { p class="field-error" id={ (id(name)) "-error" } { span class="visually-hidden" { (v.t("error-prefix")) " " } (m) } }
                (input)
            }
        }
    };
    let described = |name: &str, hint: bool| {
        let mut ids = Vec::new();
        if errors.for_field(name).is_some() {
            ids.push(format!("{}-error", id(name)));
        }
        if hint {
            ids.push(format!("{}-hint", id(name)));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let invalid = |name: &str| errors.for_field(name).is_some().then_some("true");
    html! {
        h4 id={ "d" (c.id) "-title" } { (v.t("delivery-report")) span class="visually-hidden" { ": " (heading) } }
        @if !errors.is_empty() {
            div class="error-summary" role="alert" aria-labelledby={ "d" (c.id) "-errors" } tabindex="-1" {
                h2 id={ "d" (c.id) "-errors" } { (v.t("error-summary-title")) }
                ul {
                    @for e in &errors.0 {
                        @let label = DELIVERY_LABELS.iter().find(|(n, _)| *n == e.field).map(|(_, k)| v.t(k)).unwrap_or_else(|| e.field.clone());
                        li { a href={ "#" (id(&e.field)) } { (label) ": " (v.t(&format!("error-{}", e.code))) } }
                    }
                }
            }
        }
        form method="post" action={ (path) "/toezeggingen/" (c.id) "/levering" } class="stack delivery-form" novalidate aria-labelledby={ "d" (c.id) "-title" } {
            input type="hidden" name="csrf" value=(v.csrf);
            (field("quarter", "delivery-quarter", html! {
                select id=(id("quarter")) name="quarter" required aria-invalid=[invalid("quarter")] aria-describedby=[described("quarter", false)] {
                    @if selected.is_none_or(|s| !quarters.contains(&s)) { option value="" selected { (v.t("choose")) } }
                    @for q in quarters { option value=(q.to_string()) selected[selected == Some(*q)] { (quarter_label(v, *q)) } }
                }
            }, None))
            (field("hours", "delivery-hours", html! {
                input id=(id("hours")) name="hours" type="text" inputmode="decimal" value=(form.hours)
                    aria-invalid=[invalid("hours")] aria-describedby=[described("hours", true)];
            }, Some("delivery-hours-hint")))
            (field("money", "delivery-money", html! {
                input id=(id("money")) name="money" type="text" inputmode="decimal" value=(form.money)
                    aria-invalid=[invalid("money")] aria-describedby=[described("money", true)];
            }, Some("delivery-money-hint")))
            (field("note", "delivery-note", html! {
                textarea id=(id("note")) name="note" rows="2" aria-invalid=[invalid("note")] aria-describedby=[described("note", false)] { (form.note) }
            }, None))
            div class="form-actions" { button type="submit" class="button primary" { (v.t("delivery-submit")) } }
        }
    }
}

fn size_text(v: &Visitor, bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        v.ta("document-size-kb", &[("size", ((bytes + 1023) / 1024).into())])
    } else {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        let text = match v.lang {
            verband_domain::Language::Nl => format!("{},{}", tenths / 10, tenths % 10),
            verband_domain::Language::En => format!("{}.{}", tenths / 10, tenths % 10),
        };
        v.ta("document-size-mb", &[("size", text.into())])
    }
}

fn documents_section(
    v: &Visitor,
    network_id: i64,
    d: &AgreementDetail,
    path: &str,
    editor: bool,
    errors: Option<&ValidationErrors>,
) -> Markup {
    let empty = ValidationErrors::default();
    let errors = errors.unwrap_or(&empty);
    let message = errors.for_field("document").map(|e| v.t(&format!("error-{}", e.code)));
    let max_mb = verband_service::agreements::MAX_DOCUMENT_BYTES / (1024 * 1024);
    html! {
        section aria-labelledby="documents-title" class="panel" {
            h2 id="documents-title" { (v.t("documents-title")) }
            @if d.documents.is_empty() {
                p class="empty" { (v.t("documents-empty")) }
            } @else {
                ul class="documents" {
                    @for doc in &d.documents {
                        li { (document_link(v, network_id, doc)) }
                    }
                }
            }
            @if editor {
                @if let Some(m) = &message {
                    div class="error-summary" role="alert" aria-labelledby="upload-errors" tabindex="-1" {
                        h2 id="upload-errors" { (v.t("error-summary-title")) }
                        ul { li { a href="#f-document" { (v.t("document-file")) ": " (m) } } }
                    }
                }
                form method="post" action={ (path) "/documenten" } enctype="multipart/form-data" class="stack" novalidate {
                    input type="hidden" name="csrf" value=(v.csrf);
                    div class={ "field" @if message.is_some() { " has-error" } } {
                        label for="f-document" { (v.t("document-file")) }
                        p class="hint" id="f-document-hint" { (v.ta("document-file-hint", &[("max", max_mb.into())])) }
                        @if let Some(m) = &message {
                            p class="field-error" id="f-document-error" { span class="visually-hidden" { (v.t("error-prefix")) " " } (m) }
                        }
                        input id="f-document" name="document" type="file" required
                            accept=".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                            aria-invalid=[message.is_some().then_some("true")]
                            aria-describedby={ @if message.is_some() { "f-document-error " } "f-document-hint" };
                    }
                    div class="form-actions" { button type="submit" class="button" { (v.t("document-upload")) } }
                }
            }
        }
    }
}

fn document_link(v: &Visitor, network_id: i64, doc: &DocumentInfo) -> Markup {
    let uploaded = chrono::NaiveDate::parse_from_str(doc.uploaded_at.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
    html! {
        a href={ (base(network_id)) "/documenten/" (doc.id) } download=(doc.file_name) {
            (v.t("document-download")) " " (doc.file_name)
        }
        " " span class="muted" { "(" (size_text(v, doc.size_bytes)) @if uploaded.is_some() { ", " (v.ta("document-uploaded-on", &[("date", date(v, uploaded).into())])) } ")" }
    }
}

/// Reports what was delivered on a commitment in a quarter. A commitment of
/// another agreement or network is not found; another partner's is forbidden.
pub async fn report_delivery(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id, commitment_id)): Path<(i64, i64, i64)>,
    Form(form): Form<DeliveryForm>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let detail = state.service.agreement(&actor, network_id, id).await?;
    if !detail.commitments.iter().any(|c| c.id == commitment_id) {
        return Err(WebError::NotFound);
    }
    match state.service.record_delivery(&actor, network_id, commitment_id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/{id}?done=saved#c{commitment_id}-title", base(network_id))).into_response()),
        Err(ServiceError::Invalid(e)) => {
            let r = Returned { delivery: Some((commitment_id, form, e)), ..Default::default() };
            Ok((StatusCode::BAD_REQUEST, detail_page(&state, &v, network_id, id, r, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
