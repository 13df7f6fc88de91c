//! The project portfolio: the list with search, status filter and sorting;
//! a project's page with its goals, partners, status history, money, the
//! funding-cliff warning and the coherence findings about it; archiving with
//! a question first. The forms live in `project_form.rs`.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use maud::{html, Markup};
use verband_domain::coherence::ObjectRef;
use verband_domain::knowledge::KnowledgeLinkKind;
use verband_domain::portfolio::Project;
use verband_domain::{search_key, Language, Paged, ProjectStatus};
use verband_service::ProjectDetail;

use crate::error::WebError;
use crate::layout::{date, flash, number, page, pagination, sort_header, PageMeta};
use crate::pages::findings::{cliff_sentence, finding_sentence, Names};
use crate::pages::knowledge_learned::learned_section;
use crate::pages::{nav, DoneQuery, ListQuery};
use crate::visitor::Visitor;
use crate::AppState;

const PAGE_SIZE: usize = 25;

pub(crate) fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/projecten")
}

/// An amount for reading: "€ 1.250,50" or "€1,250.50".
pub(crate) fn money(v: &Visitor, cents: i64) -> String {
    let euros = number(v, cents / 100);
    let rest = (cents % 100).abs();
    let mark = if v.lang == Language::Nl { ',' } else { '.' };
    let space = if v.lang == Language::Nl { " " } else { "" };
    let sign = if cents < 0 && cents / 100 == 0 { "-" } else { "" };
    format!("€{space}{sign}{euros}{mark}{rest:02}")
}

/// An amount to edit in a form, as people in the visitor's language type it.
pub(crate) fn money_input(lang: Language, cents: i64) -> String {
    let mark = if lang == Language::Nl { ',' } else { '.' };
    format!("{}{mark}{:02}", cents / 100, (cents % 100).abs())
}

fn status_badge(v: &Visitor, s: ProjectStatus) -> Markup {
    html! { span class={ "badge project-status-" (s.code()) } { (v.t(&s.label_key())) } }
}

fn sorted(mut projects: Vec<Project>, sort: &str, desc: bool, lead_name: &dyn Fn(Option<i64>) -> String) -> Vec<Project> {
    let rank = |s: ProjectStatus| ProjectStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
    match sort {
        "status" => {
            projects.sort_by(|a, b| rank(a.status).cmp(&rank(b.status)).then_with(|| search_key(&a.title).cmp(&search_key(&b.title))))
        }
        "lead" => projects.sort_by_cached_key(|p| (search_key(&lead_name(p.lead_organisation_id)), search_key(&p.title))),
        _ => projects.sort_by_cached_key(|p| search_key(&p.title)),
    }
    if desc {
        projects.reverse();
    }
    projects
}

pub async fn list(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let all = state.service.projects(&actor, network_id).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let lead_name = |id: Option<i64>| id.and_then(|o| partners.iter().find(|(p, _)| *p == o)).map(|(_, n)| n.clone()).unwrap_or_default();
    let status = ProjectStatus::parse(&q.status);
    let include_archived = q.archived == "1";
    let needle = search_key(q.q.trim());
    let any = !all.is_empty();
    let matching: Vec<Project> = all
        .into_iter()
        .filter(|p| include_archived || !p.archived)
        .filter(|p| status.is_none_or(|s| p.status == s))
        .filter(|p| {
            needle.is_empty()
                || search_key(&p.title).contains(&needle)
                || p.description.as_deref().is_some_and(|d| search_key(d).contains(&needle))
        })
        .collect();
    let sort = if matches!(q.sort.as_str(), "status" | "lead") { q.sort.as_str() } else { "title" };
    let rows = sorted(matching, sort, q.desc(), &lead_name);
    let total = rows.len();
    let page_no = q.page.unwrap_or(1).max(1);
    let items: Vec<Project> = rows.into_iter().skip((page_no as usize - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    let paged = Paged { items, total: total as i64, page: page_no, page_size: PAGE_SIZE as u32 };
    let path = base(network_id);
    let fq = q.filter_query();
    let title = v.t("projects-title");
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            div class="actions" {
                a class="button" href={ "/netwerken/" (network_id) "/portfolio" } { (v.t("portfolio-title")) }
                a class="button" href={ "/netwerken/" (network_id) "/uitwisselen" } { (v.t("exchange-link")) }
                @if role.may_edit_records() { a class="button primary" href={ (path) "/nieuw" } { (v.t("projects-add")) } }
            }
        }
        (flash(&v, q.done.as_deref()))
        form method="get" action=(path) class="filters" role="search" aria-label=(v.t("projects-search-label")) {
            div class="field" {
                label for="f-q" { (v.t("search")) }
                input id="f-q" name="q" type="search" value=(q.q);
            }
            div class="field" {
                label for="f-status" { (v.t("project-status")) }
                select id="f-status" name="status" {
                    option value="" { (v.t("filter-all")) }
                    @for s in ProjectStatus::ALL { option value=(s.code()) selected[status == Some(*s)] { (v.t(&s.label_key())) } }
                }
            }
            div class="checkbox" {
                input id="f-archived" name="archived" type="checkbox" value="1" checked[include_archived];
                label for="f-archived" { (v.t("filter-show-archived")) }
            }
            button type="submit" class="button" { (v.t("filter-apply")) }
        }
        p class="count" role="status" { (v.ta("list-count", &[("count", (total as i64).into())])) }
        @if paged.items.is_empty() {
            div class="empty" { p { (v.t(if any { "list-no-match" } else { "projects-empty" })) } }
        } @else {
            table class="data" {
                caption class="visually-hidden" { (title) }
                thead { tr {
                    (sort_header(&v, "project-title", "title", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "project-status", "status", sort, q.desc(), &fq, &path))
                    (sort_header(&v, "project-lead", "lead", sort, q.desc(), &fq, &path))
                    th scope="col" class="num" { (v.t("project-budget")) }
                } }
                tbody {
                    @for p in &paged.items {
                        tr {
                            td { a href={ (path) "/" (p.id) } { (p.title) } @if p.archived { " " span class="badge muted" { (v.t("archived")) } } }
                            td { (status_badge(&v, p.status)) }
                            td { @match p.lead_organisation_id { Some(_) => (lead_name(p.lead_organisation_id)), None => span class="muted" { (v.t("project-no-lead")) } } }
                            td class="num" { (p.budget_cents.map(|c| money(&v, c)).unwrap_or_else(|| "—".into())) }
                        }
                    }
                }
            }
        }
        (pagination(&v, &paged, &q.page_query(), &path))
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "projects"), body))
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let ProjectDetail { project: p, history, streams, cliff } = state.service.project(&actor, network_id, id).await?;
    let overview = state.service.portfolio_overview(&actor, network_id).await?;
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let persons = state.service.person_choices(&actor, network_id).await?;
    let names = Names::new(&overview.projects, &overview.goals, &overview.agreements, &partners);
    let about_this: Vec<_> = overview.findings.iter().filter(|f| f.objects().contains(&ObjectRef::Project(id))).collect();
    let path = format!("{}/{id}", base(network_id));
    let n = format!("/netwerken/{network_id}");
    let editor = role.may_edit_records();
    let org = |o: i64| html! { a href={ (n) "/partners/" (o) } { (names.name(ObjectRef::Organisation(o))) } };
    let learned = learned_section(&state, &v, network_id, KnowledgeLinkKind::Project, id).await?;
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("projects-title")) } }
        div class="page-head" {
            h1 { (p.title) @if p.archived { " " span class="badge muted" { (v.t("archived")) } } }
            @if editor {
                div class="actions" {
                    a class="button" href={ (path) "/bewerken" } { (v.t("edit")) }
                    @if p.archived {
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
        (flash(&v, q.done.as_deref()))
        @if let Some(c) = &cliff {
            div class="warning" role="note" {
                p { strong { (v.t("project-cliff-warning")) } " " (cliff_sentence(v.lang, c, &names, network_id)) }
            }
        }
        @if let Some(d) = &p.description { p class="lead" { (d) } }
        dl class="facts" {
            dt { (v.t("project-status")) }
            dd { (status_badge(&v, p.status)) @if let Some(since) = p.status_since { " " (v.ta("project-status-since-date", &[("date", date(&v, Some(since)).into())])) } }
            dt { (v.t("project-goals")) }
            dd {
                @if p.goal_ids.is_empty() { span class="muted" { (v.t("project-no-goal")) } }
                @else { ul class="inline-list" { @for g in &p.goal_ids { li { a href={ (n) "/ambitie#doel-" (g) } { (names.name(ObjectRef::Goal(*g))) } } } } }
            }
            dt { (v.t("project-lead")) }
            dd { @match p.lead_organisation_id { Some(o) => (org(o)), None => span class="muted" { (v.t("project-no-lead")) } } }
            dt { (v.t("project-owner")) }
            dd {
                @match p.owner_person_id.and_then(|o| persons.iter().find(|(id, _, _)| *id == o)) {
                    Some((pid, name, _)) => a href={ (n) "/personen/" (pid) } { (name) },
                    None => span class="muted" { (v.t("project-no-owner")) },
                }
            }
            dt { (v.t("project-partners")) }
            dd {
                @if p.partner_ids.is_empty() { "—" }
                @else { ul class="inline-list" { @for o in &p.partner_ids { li { (org(*o)) } } } }
            }
            dt { (v.t("project-budget")) }
            dd { (p.budget_cents.map(|c| money(&v, c)).unwrap_or_else(|| "—".into())) }
        }
        section aria-labelledby="findings-title" class="panel" {
            h2 id="findings-title" { (v.t("project-findings")) }
            @if about_this.is_empty() { p class="empty" { (v.t("portfolio-nothing")) } }
            @else { ul class="findings" { @for f in &about_this { li { (finding_sentence(v.lang, f, &names, network_id)) } } } }
        }
        section aria-labelledby="funding-title" class="panel" {
            div class="page-head" {
                h2 id="funding-title" { (v.t("funding-title")) }
                @if editor { a class="button" href={ (path) "/financiering/nieuw" } { (v.t("funding-add")) } }
            }
            @if streams.is_empty() {
                p class="empty" { (v.t("funding-empty")) }
            } @else {
                div class="table-scroll" {
                    table class="data" {
                        caption class="visually-hidden" { (v.t("funding-title")) }
                        thead { tr {
                            th scope="col" { (v.t("funding-source")) }
                            th scope="col" { (v.t("funding-funder")) }
                            th scope="col" class="num" { (v.t("funding-amount")) }
                            th scope="col" { (v.t("funding-period")) }
                            th scope="col" { (v.t("funding-kind")) }
                            th scope="col" { (v.t("funding-pays-for")) }
                            @if editor { th scope="col" { (v.t("actions")) } }
                        } }
                        tbody {
                            @for s in &streams {
                                @let label = s.funder.clone().unwrap_or_else(|| v.t(&s.source.label_key()));
                                tr {
                                    td { (v.t(&s.source.label_key())) }
                                    td { (s.funder.as_deref().unwrap_or("—")) }
                                    td class="num" { (money(&v, s.amount_cents)) }
                                    td { (date(&v, s.starts_on)) " – " (s.ends_on.map(|d| date(&v, Some(d))).unwrap_or_else(|| v.t("funding-open-ended"))) }
                                    td { (v.t(&s.kind.label_key())) }
                                    td { (s.pays_for.as_deref().unwrap_or("—")) }
                                    @if editor {
                                        td {
                                            a href={ (path) "/financiering/" (s.id) } { (v.t("edit")) span class="visually-hidden" { ": " (label) } }
                                            " · "
                                            a href={ (path) "/financiering/" (s.id) "/archiveren" } { (v.t("archive")) span class="visually-hidden" { ": " (label) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="history-title" class="panel" {
            h2 id="history-title" { (v.t("project-history")) }
            @if history.is_empty() { p class="empty" { (v.t("project-history-empty")) } }
            @else {
                ol class="timeline" {
                    @for h in &history { li { span class="when" { (date(&v, Some(h.changed_on))) } " " (v.t(&h.status.label_key())) } }
                }
            }
        }
        section aria-labelledby="results-title" class="panel" {
            h2 id="results-title" { (v.t("project-results")) }
            @match &p.results { Some(r) => p class="prewrap" { (r) }, None => p class="empty" { (v.t("project-results-empty")) } }
        }
        section aria-labelledby="sustain-title" class="panel" {
            h2 id="sustain-title" { (v.t("project-sustainability")) }
            p class="hint" { (v.t("project-sustainability-hint")) }
            @match &p.sustainability_plan { Some(r) => p class="prewrap" { (r) }, None => p class="empty" { (v.t("project-sustainability-empty")) } }
        }
        (learned)
    };
    Ok(page(&v, &PageMeta::network(&p.title, nav(&network, role), "projects"), body))
}

/// Archiving takes the project out of the portfolio checks, so it asks first.
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
    let d = state.service.project(&actor, network_id, id).await?;
    let path = format!("{}/{id}", base(network_id));
    let title = v.t("project-archive-title");
    let body = html! {
        p class="breadcrumb" { a href=(path) { (d.project.title) } }
        h1 { (title) }
        p { (v.ta("project-archive-question", &[("project", d.project.title.clone().into())])) }
        form method="post" action={ (path) "/archiveren" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("archive")) }
            a href=(path) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "projects"), body))
}

pub async fn archive(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_project_archived(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("{}/{id}?done=archived", base(network_id))).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_project_archived(&v.actor()?, network_id, id, false).await?;
    Ok(Redirect::to(&format!("{}/{id}?done=restored", base(network_id))).into_response())
}
