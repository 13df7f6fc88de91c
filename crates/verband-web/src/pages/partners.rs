//! Partner organisations: list with search, filters and sorting; detail;
//! create, edit, archive and restore.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::{ListFilter, MembershipStatus, OrganisationForm, Ownership, PageRequest, Partner, Sector, SortDir, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{date, flash, page, pagination, sort_header, PageMeta};
use crate::pages::{nav, DoneQuery, ListQuery};
use crate::visitor::Visitor;
use crate::AppState;

const FIELD_LABELS: &[(&str, &str)] = &[
    ("name", "partner-name"),
    ("sector", "partner-sector"),
    ("ownership", "partner-ownership"),
    ("kvkNumber", "partner-kvk"),
    ("website", "partner-website"),
    ("description", "partner-description"),
    ("membershipStatus", "partner-status"),
    ("memberSince", "partner-since"),
];

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let filter = ListFilter {
        search: Some(q.q.clone()).filter(|s| !s.trim().is_empty()),
        sector: Sector::parse(&q.sector),
        status: MembershipStatus::parse(&q.status),
        organisation_id: None,
        include_archived: q.archived == "1",
        sort: q.sort.clone(),
        dir: Some(SortDir::parse(&q.dir)),
    };
    let paged = state.service.partners(&actor, network_id, &filter, PageRequest::new(q.page, None)).await?;
    let path = format!("/netwerken/{network_id}/partners");
    let fq = q.filter_query();
    let sort = if q.sort.is_empty() { "name" } else { q.sort.as_str() };
    let title = v.t("partners-title");
    let filtered = filter.search.is_some() || filter.sector.is_some() || filter.status.is_some();
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            div class="actions" {
                a class="button" href={ "/netwerken/" (network_id) "/uitwisselen" } { (v.t("exchange-link")) }
                @if role.may_edit_records() { a class="button primary" href={ (path) "/nieuw" } { (v.t("partners-add")) } }
            }
        }
        (flash(&v, q.done.as_deref()))
        form method="get" action=(path) class="filters" role="search" aria-label=(v.t("partners-search-label")) {
            div class="field" {
                label for="f-q" { (v.t("search")) }
                input id="f-q" name="q" type="search" value=(q.q);
            }
            div class="field" {
                label for="f-sector" { (v.t("partner-sector")) }
                select id="f-sector" name="sector" {
                    option value="" { (v.t("filter-all")) }
                    @for s in Sector::ALL { option value=(s.code()) selected[filter.sector == Some(*s)] { (v.t(&s.label_key())) } }
                }
            }
            div class="field" {
                label for="f-status" { (v.t("partner-status")) }
                select id="f-status" name="status" {
                    option value="" { (v.t("filter-all")) }
                    @for s in MembershipStatus::ALL { option value=(s.code()) selected[filter.status == Some(*s)] { (v.t(&s.label_key())) } }
                }
            }
            div class="checkbox" {
                input id="f-archived" name="archived" type="checkbox" value="1" checked[filter.include_archived];
                label for="f-archived" { (v.t("filter-show-archived")) }
            }
            button type="submit" class="button" { (v.t("filter-apply")) }
        }
        p class="count" role="status" { (v.ta("list-count", &[("count", paged.total.into())])) }
        @if paged.items.is_empty() {
            div class="empty" {
                p { (v.t(if filtered { "list-no-match" } else { "partners-empty" })) }
            }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (title) }
                thead { tr {
                    (sort_header(&v, "partner-name", "name", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "partner-sector", "sector", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "partner-status", "status", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "partner-persons", "persons", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "partner-since", "since", sort, q.desc(), &fq, &path))
                } }
                tbody {
                    @for p in &paged.items {
                        tr {
                            td { a href={ (path) "/" (p.id) } { (p.name) } @if p.archived { " " span class="badge muted" { (v.t("archived")) } } }
                            td { (v.t(&p.sector.label_key())) }
                            td { (v.t(&p.membership_status.label_key())) }
                            td class="num" { (p.person_count) }
                            td { (date(&v, p.member_since)) }
                        }
                    }
                }
            }
        }
        (pagination(&v, &paged, &q.page_query(), &path))
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "partners"), body))
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let p = state.service.partner(&actor, network_id, id).await?;
    let persons_filter = ListFilter { organisation_id: Some(id), ..Default::default() };
    let persons = state.service.persons(&actor, network_id, &persons_filter, PageRequest::new(Some(1), Some(100))).await?;
    let interests = state.service.interests(&actor, network_id, Some(id)).await?;
    let base = format!("/netwerken/{network_id}");
    let body = html! {
        p class="breadcrumb" { a href={ (base) "/partners" } { (v.t("partners-title")) } }
        div class="page-head" {
            h1 { (p.name) @if p.archived { " " span class="badge muted" { (v.t("archived")) } } }
            @if role.may_edit_records() {
                div class="actions" {
                    a class="button" href={ (base) "/partners/" (p.id) "/bewerken" } { (v.t("edit")) }
                    @if p.archived {
                        form method="post" action={ (base) "/partners/" (p.id) "/terugzetten" } {
                            input type="hidden" name="csrf" value=(v.csrf);
                            button type="submit" class="button" { (v.t("restore")) }
                        }
                    } @else {
                        form method="post" action={ (base) "/partners/" (p.id) "/archiveren" } {
                            input type="hidden" name="csrf" value=(v.csrf);
                            button type="submit" class="button secondary" { (v.t("archive")) }
                        }
                    }
                }
            }
        }
        (flash(&v, q.done.as_deref()))
        dl class="facts" {
            dt { (v.t("partner-sector")) } dd { (v.t(&p.sector.label_key())) }
            dt { (v.t("partner-ownership")) } dd { (v.t(&p.ownership.label_key())) }
            dt { (v.t("partner-status")) } dd { (v.t(&p.membership_status.label_key())) }
            dt { (v.t("partner-since")) } dd { (date(&v, p.member_since)) }
            dt { (v.t("partner-kvk")) } dd { (p.kvk_number.as_deref().unwrap_or("—")) }
            dt { (v.t("partner-website")) } dd { @match &p.website { Some(w) => a href=(w) rel="noopener noreferrer" { (w) }, None => "—" } }
            dt { (v.t("partner-description")) } dd { (p.description.as_deref().unwrap_or("—")) }
        }
        section aria-labelledby="persons-title" class="panel" {
            h2 id="persons-title" { (v.t("partner-persons-title")) }
            @if persons.items.is_empty() {
                p class="empty" { (v.t("persons-empty")) }
            } @else {
                ul { @for person in &persons.items { li { a href={ (base) "/personen/" (person.id) } { (person.name) } } } }
            }
        }
        section aria-labelledby="interests-title" class="panel" {
            h2 id="interests-title" { (v.t("partner-interests-title")) }
            @if interests.is_empty() {
                p class="empty" { (v.t("interests-empty")) }
            } @else {
                ul { @for i in &interests { li { (i.description) } } }
            }
            @if role.may_edit_records() { p { a href={ (base) "/belangen/nieuw?organisation=" (p.id) } { (v.t("interests-add")) } } }
        }
    };
    Ok(page(&v, &PageMeta::network(&p.name, nav(&network, role), "partners"), body))
}

fn partner_form(v: &Visitor, action: &str, cancel: &str, form: &OrganisationForm, errors: &ValidationErrors) -> Markup {
    let f = Fields::new(v, errors);
    let sectors = code_options(v, Sector::ALL, Sector::code, Sector::label_key);
    let ownerships = code_options(v, Ownership::ALL, Ownership::code, Ownership::label_key);
    let statuses = code_options(v, MembershipStatus::ALL, MembershipStatus::code, MembershipStatus::label_key);
    let status = if form.membership_status.is_empty() { "active" } else { form.membership_status.as_str() };
    html! {
        (f.summary(FIELD_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.text("name", "partner-name", &form.name, Opts { autocomplete: Some("organization"), ..Opts::required() }))
            (f.select("sector", "partner-sector", &form.sector, &sectors, Opts::required()))
            (f.select("ownership", "partner-ownership", &form.ownership, &ownerships, Opts::required()))
            (f.text("kvkNumber", "partner-kvk", &form.kvk_number, Opts { hint: Some("partner-kvk-hint"), inputmode: Some("numeric"), ..Default::default() }))
            (f.text("website", "partner-website", &form.website, Opts { kind: Some("url"), hint: Some("partner-website-hint"), ..Default::default() }))
            (f.textarea("description", "partner-description", &form.description, Opts::default()))
            (f.select("membershipStatus", "partner-status", status, &statuses, Opts::required()))
            (f.text("memberSince", "partner-since", &form.member_since, Opts { kind: Some("date"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(cancel) { (v.t("cancel")) }
            }
        }
    }
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &OrganisationForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let base = format!("/netwerken/{network_id}/partners");
    let (title, action, cancel) = match id {
        Some(id) => (v.t("partners-edit"), format!("{base}/{id}/bewerken"), format!("{base}/{id}")),
        None => (v.t("partners-add"), format!("{base}/nieuw"), base.clone()),
    };
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("partners-title")) } }
        h1 { (title) }
        (partner_form(v, &action, &cancel, form, errors))
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "partners"), body))
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Markup, WebError> {
    form_page(&state, &v, network_id, None, &OrganisationForm::default(), &ValidationErrors::default()).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let p: Partner = state.service.partner(&v.actor()?, network_id, id).await?;
    form_page(&state, &v, network_id, Some(id), &p.to_form(), &ValidationErrors::default()).await
}

/// The form again with the user's input and the messages, or the error page.
async fn invalid(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &OrganisationForm,
    e: ServiceError,
) -> Result<Response, WebError> {
    match e {
        ServiceError::Invalid(errors) => {
            Ok((StatusCode::BAD_REQUEST, form_page(state, v, network_id, id, form, &errors).await?).into_response())
        }
        other => Err(other.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<OrganisationForm>,
) -> Result<Response, WebError> {
    match state.service.create_partner(&v.actor()?, network_id, &form).await {
        Ok(p) => Ok(Redirect::to(&format!("/netwerken/{network_id}/partners/{}?done=created", p.id)).into_response()),
        Err(e) => invalid(&state, &v, network_id, None, &form, e).await,
    }
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<OrganisationForm>,
) -> Result<Response, WebError> {
    match state.service.update_partner(&v.actor()?, network_id, id, &form).await {
        Ok(p) => Ok(Redirect::to(&format!("/netwerken/{network_id}/partners/{}?done=saved", p.id)).into_response()),
        Err(e) => invalid(&state, &v, network_id, Some(id), &form, e).await,
    }
}

pub async fn archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_partner_archived(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/partners/{id}?done=archived")).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_partner_archived(&v.actor()?, network_id, id, false).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/partners/{id}?done=restored")).into_response())
}
