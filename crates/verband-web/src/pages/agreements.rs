//! Agreements (covenants, collaboration agreements): the list with how many
//! partners are behind, the form, and archive/restore. The agreement's own
//! page, its commitments, deliveries and documents are in `agreement_detail`.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use chrono::{NaiveDate, Utc};
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::portfolio::{hours_text, Agreement, AgreementForm, PartnerBalance, Quarter};
use verband_domain::{Language, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{Fields, Opts};
use crate::layout::{date, flash, number, page, PageMeta};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

pub(crate) const AGREEMENT_LABELS: &[(&str, &str)] = &[
    ("title", "agreement-title"),
    ("description", "agreement-description"),
    ("partyIds", "agreement-parties"),
    ("startsOn", "agreement-starts-on"),
    ("endsOn", "agreement-ends-on"),
    ("evaluationDate", "agreement-evaluation-date"),
    ("documentUrl", "agreement-document-url"),
    ("outOfScope", "agreement-out-of-scope"),
];

pub(crate) fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/afspraken")
}

pub(crate) fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Euro cents in the visitor's notation: "€ 1.250,50" or "€1,250.50".
pub(crate) fn money(v: &Visitor, cents: i64) -> String {
    let whole = number(v, cents / 100);
    let rest = (cents % 100).abs();
    match (v.lang, rest) {
        (Language::Nl, 0) => format!("€ {whole},-"),
        (Language::Nl, r) => format!("€ {whole},{r:02}"),
        (Language::En, 0) => format!("€{whole}"),
        (Language::En, r) => format!("€{whole}.{r:02}"),
    }
}

/// Hours in the visitor's notation: "2,5" or "2.5".
pub(crate) fn hours(v: &Visitor, h: f64) -> String {
    let text = hours_text(h);
    match v.lang {
        Language::Nl => text.replace('.', ","),
        Language::En => text,
    }
}

pub(crate) fn quarter_label(v: &Visitor, q: Quarter) -> String {
    v.ta("agreement-quarter", &[("year", q.year.to_string().into()), ("quarter", q.quarter.into())])
}

/// "1-1-2026 t/m 31-12-2027", or what is known of the period.
pub(crate) fn period(v: &Visitor, a: &Agreement) -> String {
    match (a.starts_on, a.ends_on) {
        (None, None) => "—".into(),
        (Some(s), None) => v.ta("agreement-period-from", &[("start", date(v, Some(s)).into())]),
        (None, Some(e)) => v.ta("agreement-period-until", &[("end", date(v, Some(e)).into())]),
        (Some(s), Some(e)) => v.ta("agreement-period", &[("start", date(v, Some(s)).into()), ("end", date(v, Some(e)).into())]),
    }
}

/// Whether the evaluation date has passed for a live agreement.
pub(crate) fn evaluation_overdue(a: &Agreement) -> bool {
    !a.archived && a.evaluation_date.is_some_and(|d| d < today())
}

/// The names of the network's partners by id.
pub(crate) async fn partner_names(state: &AppState, v: &Visitor, network_id: i64) -> Result<HashMap<i64, String>, WebError> {
    Ok(state.service.partner_choices(&v.actor()?, network_id).await?.into_iter().collect())
}

pub(crate) fn name_of(v: &Visitor, names: &HashMap<i64, String>, id: i64) -> String {
    names.get(&id).cloned().unwrap_or_else(|| v.ta("agreement-partner-unknown", &[("id", id.to_string().into())]))
}

/// "On schedule" or "behind" as a badge, or nothing when there are no commitments yet.
pub(crate) fn standing(v: &Visitor, balance: &[PartnerBalance]) -> Markup {
    let behind = balance.iter().filter(|b| b.behind).count();
    html! {
        @if balance.is_empty() { span class="muted" { (v.t("agreement-no-commitments-short")) } }
        @else if behind == 0 { span class="badge status-ok" { (v.t("agreement-on-schedule")) } }
        @else { span class="badge status-alarm" { (v.ta("agreement-partners-behind", &[("count", behind.into())])) } }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AgreementsQuery {
    archived: String,
    done: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<AgreementsQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let show_archived = q.archived == "1";
    let all = state.service.agreements(&actor, network_id).await?;
    let balances: HashMap<i64, Vec<PartnerBalance>> =
        state.service.agreement_balances(&actor, network_id).await?.into_iter().map(|(a, b)| (a.id, b)).collect();
    let archived_count = all.iter().filter(|a| a.archived).count();
    let shown: Vec<&Agreement> = all.iter().filter(|a| show_archived || !a.archived).collect();
    let path = base(network_id);
    let title = v.t("agreements-title");
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            div class="actions" {
                a class="button" href={ (path.trim_end_matches("/afspraken")) "/uitwisselen" } { (v.t("exchange-link")) }
                @if role.may_edit_records() { a class="button primary" href={ (path) "/nieuw" } { (v.t("agreements-add")) } }
            }
        }
        (flash(&v, q.done.as_deref()))
        @if all.is_empty() {
            div class="empty" {
                p { (v.t("agreements-empty")) }
                @if role.may_edit_records() { p { a class="button primary" href={ (path) "/nieuw" } { (v.t("agreements-add-first")) } } }
            }
        } @else {
            @if archived_count > 0 {
                form method="get" action=(path) class="filters" aria-label=(v.t("agreements-filter-label")) {
                    div class="checkbox" {
                        input id="f-archived" name="archived" type="checkbox" value="1" checked[show_archived];
                        label for="f-archived" { (v.ta("agreements-show-archived", &[("count", archived_count.into())])) }
                    }
                    button type="submit" class="button" { (v.t("filter-apply")) }
                }
            }
            @if shown.is_empty() {
                p class="empty" { (v.t("agreements-all-archived")) }
            } @else {
                div class="table-scroll" tabindex="0" role="region" aria-labelledby="agreements-caption" {
                    table class="data" {
                        caption id="agreements-caption" class="visually-hidden" { (title) }
                        thead { tr {
                            th scope="col" { (v.t("agreement-title")) }
                            th scope="col" class="num" { (v.t("agreement-parties")) }
                            th scope="col" { (v.t("agreement-period-label")) }
                            th scope="col" { (v.t("agreement-evaluation-date")) }
                            th scope="col" { (v.t("agreement-standing")) }
                        } }
                        tbody {
                            @for a in &shown {
                                tr {
                                    td {
                                        a href={ (path) "/" (a.id) } { (a.title) }
                                        @if a.archived { " " span class="badge muted" { (v.t("archived")) } }
                                    }
                                    td class="num" { (a.party_ids.len()) }
                                    td { (period(&v, a)) }
                                    td {
                                        (date(&v, a.evaluation_date))
                                        @if evaluation_overdue(a) { " " span class="badge status-watch" { (v.t("agreement-evaluation-overdue")) } }
                                    }
                                    td {
                                        @match balances.get(&a.id) {
                                            Some(b) => (standing(&v, b)),
                                            None => span class="muted" { "—" },
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "agreements"), body))
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &AgreementForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let mut partners: Vec<(String, String)> =
        state.service.partner_choices(&actor, network_id).await?.into_iter().map(|(id, n)| (id.to_string(), n)).collect();
    // A party that left the network since stays visible, so saving does not drop it unseen.
    for p in &form.party_ids {
        if !partners.iter().any(|(id, _)| id == p) {
            if let Ok(id) = p.parse::<i64>() {
                partners.push((p.clone(), v.ta("agreement-partner-unknown", &[("id", id.to_string().into())])));
            }
        }
    }
    let path = base(network_id);
    let (title, action, cancel) = match id {
        Some(id) => (v.t("agreements-edit"), format!("{path}/{id}/bewerken"), format!("{path}/{id}")),
        None => (v.t("agreements-add"), format!("{path}/nieuw"), path.clone()),
    };
    let f = Fields::new(v, errors);
    let date_opts = Opts { kind: Some("date"), ..Default::default() };
    let body = html! {
        p class="breadcrumb" { a href=(path) { (v.t("agreements-title")) } }
        h1 { (title) }
        p class="lead" { (v.t("agreements-form-intro")) }
        (f.summary(AGREEMENT_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.text("title", "agreement-title", &form.title, Opts { hint: Some("agreement-title-hint"), ..Opts::required() }))
            (f.textarea("description", "agreement-description", &form.description, Opts::default()))
            (f.checkboxes("partyIds", "agreement-parties", &form.party_ids, &partners))
            (f.text("startsOn", "agreement-starts-on", &form.starts_on, date_opts))
            (f.text("endsOn", "agreement-ends-on", &form.ends_on, date_opts))
            (f.text("evaluationDate", "agreement-evaluation-date", &form.evaluation_date, Opts { hint: Some("agreement-evaluation-hint"), ..date_opts }))
            (f.text("documentUrl", "agreement-document-url", &form.document_url, Opts { kind: Some("url"), hint: Some("agreement-document-url-hint"), ..Default::default() }))
            (f.textarea("outOfScope", "agreement-out-of-scope", &form.out_of_scope, Opts { hint: Some("agreement-out-of-scope-hint"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(cancel) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "agreements"), body))
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Markup, WebError> {
    form_page(&state, &v, network_id, None, &AgreementForm::default(), &ValidationErrors::default()).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let detail = state.service.agreement(&v.actor()?, network_id, id).await?;
    form_page(&state, &v, network_id, Some(id), &detail.agreement.to_form(), &ValidationErrors::default()).await
}

async fn save(state: &AppState, v: &Visitor, network_id: i64, id: Option<i64>, form: &AgreementForm) -> Result<Response, WebError> {
    match state.service.save_agreement(&v.actor()?, network_id, id, form).await {
        Ok(saved) => {
            let done = if id.is_some() { "saved" } else { "created" };
            Ok(Redirect::to(&format!("{}/{saved}?done={done}", base(network_id))).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            Ok((StatusCode::BAD_REQUEST, form_page(state, v, network_id, id, form, &errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<AgreementForm>,
) -> Result<Response, WebError> {
    save(&state, &v, network_id, None, &form).await
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<AgreementForm>,
) -> Result<Response, WebError> {
    save(&state, &v, network_id, Some(id), &form).await
}

/// Asks before archiving: the agreement leaves the list and the dashboard.
pub async fn confirm_archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let detail = state.service.agreement(&actor, network_id, id).await?;
    let path = base(network_id);
    let title = v.t("agreements-archive-title");
    let body = html! {
        p class="breadcrumb" { a href=(path) { (v.t("agreements-title")) } " › " a href={ (path) "/" (id) } { (detail.agreement.title) } }
        h1 { (title) }
        p { (v.ta("agreements-archive-question", &[("title", detail.agreement.title.clone().into())])) }
        p { (v.t("agreements-archive-explain")) }
        form method="post" action={ (path) "/" (id) "/archiveren" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("archive")) }
            a href={ (path) "/" (id) } { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "agreements"), body))
}

pub async fn archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_agreement_archived(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("{}/{id}?done=archived", base(network_id))).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_agreement_archived(&v.actor()?, network_id, id, false).await?;
    Ok(Redirect::to(&format!("{}/{id}?done=restored", base(network_id))).into_response())
}
