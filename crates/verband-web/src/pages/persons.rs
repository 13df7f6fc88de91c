//! Contact persons: list with search and sorting; detail; create, edit,
//! archive and restore. Persons are personal data: the form asks where the
//! data came from and when the person was told (AVG art. 14).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::{ListFilter, PageRequest, PersonForm, PersonRole, SortDir, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{date, flash, page, pagination, sort_header, PageMeta};
use crate::pages::{nav, DoneQuery, ListQuery};
use crate::visitor::Visitor;
use crate::AppState;

const FIELD_LABELS: &[(&str, &str)] = &[
    ("name", "person-name"),
    ("email", "person-email"),
    ("phone", "person-phone"),
    ("organisationId", "person-organisation"),
    ("roles", "person-roles"),
    ("dataSource", "person-source"),
    ("informedOn", "person-informed"),
];

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let organisation_id = q.organisation.parse::<i64>().ok();
    let filter = ListFilter {
        search: Some(q.q.clone()).filter(|s| !s.trim().is_empty()),
        organisation_id,
        include_archived: q.archived == "1",
        sort: q.sort.clone(),
        dir: Some(SortDir::parse(&q.dir)),
        ..Default::default()
    };
    let paged = state.service.persons(&actor, network_id, &filter, PageRequest::new(q.page, None)).await?;
    let choices = state.service.partner_choices(&actor, network_id).await?;
    let path = format!("/netwerken/{network_id}/personen");
    let fq = q.filter_query();
    let sort = if q.sort.is_empty() { "name" } else { q.sort.as_str() };
    let title = v.t("persons-title");
    let filtered = filter.search.is_some() || organisation_id.is_some();
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            div class="actions" {
                a class="button" href={ "/netwerken/" (network_id) "/uitwisselen" } { (v.t("exchange-link")) }
                @if role.may_edit_records() { a class="button primary" href={ (path) "/nieuw" } { (v.t("persons-add")) } }
            }
        }
        (flash(&v, q.done.as_deref()))
        form method="get" action=(path) class="filters" role="search" aria-label=(v.t("persons-search-label")) {
            div class="field" {
                label for="f-q" { (v.t("search")) }
                input id="f-q" name="q" type="search" value=(q.q);
            }
            div class="field" {
                label for="f-organisation" { (v.t("person-organisation")) }
                select id="f-organisation" name="organisation" {
                    option value="" { (v.t("filter-all")) }
                    @for (id, name) in &choices { option value=(id) selected[organisation_id == Some(*id)] { (name) } }
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
            div class="empty" { p { (v.t(if filtered { "list-no-match" } else { "persons-empty" })) } }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (title) }
                thead { tr {
                    (sort_header(&v, "person-name", "name", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "person-organisation", "organisation", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "person-email", "email", sort, q.desc(), &fq, &path))
                    th scope="col" { (v.t("person-roles")) }
                } }
                tbody {
                    @for p in &paged.items {
                        tr {
                            td { a href={ (path) "/" (p.id) } { (p.name) } @if p.archived { " " span class="badge muted" { (v.t("archived")) } } }
                            td { (p.organisation_name.as_deref().unwrap_or("—")) }
                            td { @if let Some(m) = &p.email { a href={ "mailto:" (m) } { (m) } } @else { "—" } }
                            td { (p.roles.iter().map(|r| v.t(&r.label_key())).collect::<Vec<_>>().join(", ")) }
                        }
                    }
                }
            }
        }
        (pagination(&v, &paged, &q.page_query(), &path))
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "persons"), body))
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let p = state.service.person(&actor, network_id, id).await?;
    let base = format!("/netwerken/{network_id}");
    let body = html! {
        p class="breadcrumb" { a href={ (base) "/personen" } { (v.t("persons-title")) } }
        div class="page-head" {
            h1 { (p.name) @if p.archived { " " span class="badge muted" { (v.t("archived")) } } }
            @if role.may_edit_records() {
                div class="actions" {
                    a class="button" href={ (base) "/personen/" (p.id) "/bewerken" } { (v.t("edit")) }
                    @let (verb, key, class) = if p.archived { ("terugzetten", "restore", "button") } else { ("archiveren", "archive", "button secondary") };
                    form method="post" action={ (base) "/personen/" (p.id) "/" (verb) } {
                        input type="hidden" name="csrf" value=(v.csrf);
                        button type="submit" class=(class) { (v.t(key)) }
                    }
                }
            }
        }
        (flash(&v, q.done.as_deref()))
        dl class="facts" {
            dt { (v.t("person-organisation")) }
            dd { @match (p.organisation_id, &p.organisation_name) { (Some(oid), Some(n)) => a href={ (base) "/partners/" (oid) } { (n) }, _ => "—" } }
            dt { (v.t("person-email")) } dd { @if let Some(m) = &p.email { a href={ "mailto:" (m) } { (m) } } @else { "—" } }
            dt { (v.t("person-phone")) } dd { (p.phone.as_deref().unwrap_or("—")) }
            dt { (v.t("person-roles")) }
            dd { @if p.roles.is_empty() { "—" } @else { (p.roles.iter().map(|r| v.t(&r.label_key())).collect::<Vec<_>>().join(", ")) } }
            dt { (v.t("person-source")) } dd { (p.data_source) }
            dt { (v.t("person-informed")) } dd { (date(&v, p.informed_on)) }
        }
    };
    Ok(page(&v, &PageMeta::network(&p.name, nav(&network, role), "persons"), body))
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &PersonForm,
    errors: &ValidationErrors,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let partners: Vec<(String, String)> =
        state.service.partner_choices(&actor, network_id).await?.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    let roles = code_options(v, PersonRole::ALL, PersonRole::code, PersonRole::label_key);
    let base = format!("/netwerken/{network_id}/personen");
    let (title, action, cancel) = match id {
        Some(id) => (v.t("persons-edit"), format!("{base}/{id}/bewerken"), format!("{base}/{id}")),
        None => (v.t("persons-add"), format!("{base}/nieuw"), base.clone()),
    };
    let f = Fields::new(v, errors);
    let body = html! {
        p class="breadcrumb" { a href=(base) { (v.t("persons-title")) } }
        h1 { (title) }
        (f.summary(FIELD_LABELS))
        form method="post" action=(action) class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.text("name", "person-name", &form.name, Opts { autocomplete: Some("off"), ..Opts::required() }))
            (f.text("email", "person-email", &form.email, Opts { kind: Some("email"), autocomplete: Some("off"), ..Default::default() }))
            (f.text("phone", "person-phone", &form.phone, Opts { kind: Some("tel"), autocomplete: Some("off"), ..Default::default() }))
            (f.select("organisationId", "person-organisation", &form.organisation_id, &partners, Opts::default()))
            (f.checkboxes("roles", "person-roles", &form.roles, &roles))
            (f.text("dataSource", "person-source", &form.data_source, Opts { hint: Some("person-source-hint"), ..Opts::required() }))
            (f.text("informedOn", "person-informed", &form.informed_on, Opts { kind: Some("date"), hint: Some("person-informed-hint"), ..Default::default() }))
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href=(cancel) { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "persons"), body))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewPersonQuery {
    organisation: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<NewPersonQuery>,
) -> Result<Markup, WebError> {
    let form = PersonForm { organisation_id: q.organisation, ..Default::default() };
    form_page(&state, &v, network_id, None, &form, &ValidationErrors::default()).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let p = state.service.person(&v.actor()?, network_id, id).await?;
    form_page(&state, &v, network_id, Some(id), &p.to_form(), &ValidationErrors::default()).await
}

async fn invalid(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    id: Option<i64>,
    form: &PersonForm,
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
    Form(form): Form<PersonForm>,
) -> Result<Response, WebError> {
    match state.service.create_person(&v.actor()?, network_id, &form).await {
        Ok(p) => Ok(Redirect::to(&format!("/netwerken/{network_id}/personen/{}?done=created", p.id)).into_response()),
        Err(e) => invalid(&state, &v, network_id, None, &form, e).await,
    }
}

pub async fn update(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Form(form): Form<PersonForm>,
) -> Result<Response, WebError> {
    match state.service.update_person(&v.actor()?, network_id, id, &form).await {
        Ok(p) => Ok(Redirect::to(&format!("/netwerken/{network_id}/personen/{}?done=saved", p.id)).into_response()),
        Err(e) => invalid(&state, &v, network_id, Some(id), &form, e).await,
    }
}

pub async fn archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_person_archived(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/personen/{id}?done=archived")).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_person_archived(&v.actor()?, network_id, id, false).await?;
    Ok(Redirect::to(&format!("/netwerken/{network_id}/personen/{id}?done=restored")).into_response())
}
