//! "Relaties": the network's measurement rounds and, per round, its
//! relationships; coordinators start a round, add ties by hand, remove one
//! (with undo) or archive a whole round (after a confirmation). Everyone in
//! the network may read.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::{Form, Query};
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::relationship::{Relationship, RelationshipForm, RelationshipKind, RelationshipRound, RoundForm};
use verband_domain::ValidationErrors;
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::map::decimal;
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// Relationships shown per page of a round.
const PAGE_SIZE: usize = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RelationshipsQuery {
    meting: String,
    pagina: String,
    done: Option<String>,
    /// The relationship just removed, offered for undo.
    ongedaan: Option<i64>,
}

fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/relaties")
}

const ROUND_LABELS: &[(&str, &str)] =
    &[("label", "round-field-label"), ("measuredOn", "round-field-date"), ("copyFrom", "round-field-copy")];
const TIE_LABELS: &[(&str, &str)] = &[
    ("sourceId", "relationship-field-source"),
    ("targetId", "relationship-field-target"),
    ("kind", "relationship-field-kind"),
    ("strength", "relationship-field-strength"),
    ("trust", "relationship-field-trust"),
    ("value", "relationship-field-value"),
    ("note", "relationship-field-note"),
];

/// What was typed into one of the two forms, with its problems.
enum Typed<'a> {
    None,
    Round(&'a RoundForm, &'a ValidationErrors),
    Tie(&'a RelationshipForm, &'a ValidationErrors),
}

fn centi(v: &Visitor, c: Option<i64>) -> String {
    match c {
        Some(c) if c % 100 == 0 => (c / 100).to_string(),
        Some(c) => decimal(v, c as f64 / 100.0, 2),
        None => "—".into(),
    }
}

fn round_form(v: &Visitor, network_id: i64, rounds: &[RelationshipRound], typed: &Typed) -> Markup {
    let empty = ValidationErrors::default();
    let blank = RoundForm::default();
    let (form, errors) = match typed {
        Typed::Round(f, e) => (*f, *e),
        _ => (&blank, &empty),
    };
    let f = Fields::new(v, errors);
    let copy: Vec<(String, String)> =
        rounds.iter().rev().map(|r| (r.id.to_string(), format!("{} ({})", r.label, date(v, Some(r.measured_on))))).collect();
    html! {
        details class="panel" open[matches!(typed, Typed::Round(..))] {
            summary { (v.t("round-new")) }
            (f.summary(ROUND_LABELS))
            form method="post" action={ (base(network_id)) "/metingen" } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.text("label", "round-field-label", &form.label, Opts { hint: Some("round-field-label-hint"), ..Opts::required() }))
                (f.text("measuredOn", "round-field-date", &form.measured_on, Opts { kind: Some("date"), ..Opts::required() }))
                div class="checkbox" {
                    input type="checkbox" id="f-directed" name="directed" value="1" checked[form.directed == "1"];
                    label for="f-directed" { (v.t("round-field-directed")) }
                }
                (f.select("copyFrom", "round-field-copy", &form.copy_from, &copy, Opts::default()))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("round-create")) } }
            }
        }
    }
}

fn tie_form(v: &Visitor, network_id: i64, round: &RelationshipRound, partners: &[(i64, String)], typed: &Typed) -> Markup {
    let empty = ValidationErrors::default();
    let blank = RelationshipForm { strength: "3".into(), ..Default::default() };
    let (form, errors) = match typed {
        Typed::Tie(f, e) => (*f, *e),
        _ => (&blank, &empty),
    };
    let f = Fields::new(v, errors);
    let choices: Vec<(String, String)> = partners.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    let strengths: Vec<(String, String)> = (1..=5).map(|s| (s.to_string(), v.t(&format!("relationship-strength-{s}")))).collect();
    let ratings: Vec<(String, String)> = (1..=4).map(|s| (s.to_string(), v.t(&format!("relationship-rating-{s}")))).collect();
    html! {
        section class="panel" aria-labelledby="tie-form-title" id="relatie-toevoegen" {
            h3 id="tie-form-title" { (v.t("relationship-add")) }
            (f.summary(TIE_LABELS))
            form method="post" action={ (base(network_id)) "/metingen/" (round.id) } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                (f.select("sourceId", "relationship-field-source", &form.source_id, &choices, Opts::required()))
                (f.select("targetId", "relationship-field-target", &form.target_id, &choices, Opts::required()))
                (f.select("kind", "relationship-field-kind", &form.kind, &code_options(v, RelationshipKind::ALL, RelationshipKind::code, RelationshipKind::label_key), Opts::required()))
                (f.select("strength", "relationship-field-strength", &form.strength, &strengths, Opts::required()))
                (f.select("trust", "relationship-field-trust", &form.trust, &ratings, Opts { hint: Some("relationship-field-trust-hint"), ..Opts::default() }))
                (f.select("value", "relationship-field-value", &form.value, &ratings, Opts { hint: Some("relationship-field-value-hint"), ..Opts::default() }))
                (f.text("note", "relationship-field-note", &form.note, Opts::default()))
                div class="form-actions" { button type="submit" class="button primary" { (v.t("relationship-save")) } }
            }
        }
    }
}

fn ties_table(v: &Visitor, network_id: i64, may_edit: bool, rels: &[Relationship], names: &[(i64, String)], page_no: usize) -> Markup {
    let name = |id: i64| names.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()).unwrap_or_else(|| format!("#{id}"));
    let pages = rels.len().div_ceil(PAGE_SIZE).max(1);
    let page_no = page_no.clamp(1, pages);
    let shown = rels.iter().skip((page_no - 1) * PAGE_SIZE).take(PAGE_SIZE);
    html! {
        @if rels.is_empty() {
            p class="empty" { (v.t("relationships-empty")) }
        } @else {
            div class="table-scroll" {
                table class="data" {
                    caption { (v.ta("relationships-caption", &[("count", FluentValue::from(rels.len()))])) }
                    thead { tr {
                        th scope="col" { (v.t("relationship-field-source")) }
                        th scope="col" { (v.t("relationship-field-target")) }
                        th scope="col" { (v.t("relationship-field-kind")) }
                        th scope="col" class="num" { (v.t("relationship-field-strength")) }
                        th scope="col" class="num" { (v.t("relationship-field-trust")) }
                        th scope="col" class="num" { (v.t("relationship-field-value")) }
                        th scope="col" { (v.t("relationship-field-note")) }
                        @if may_edit { th scope="col" { span class="visually-hidden" { (v.t("actions-column")) } } }
                    } }
                    tbody {
                        @for r in shown {
                            tr {
                                td { (name(r.source_id)) }
                                td { (name(r.target_id)) }
                                td { (v.t(&r.kind.label_key())) }
                                td class="num" { (centi(v, Some(r.strength_centi))) }
                                td class="num" { (centi(v, r.trust_centi)) }
                                td class="num" { (centi(v, r.value_centi)) }
                                td { (r.note.clone().unwrap_or_default()) }
                                @if may_edit {
                                    td {
                                        form method="post" action={ (base(network_id)) "/" (r.id) "/verwijderen" } {
                                            input type="hidden" name="csrf" value=(v.csrf);
                                            button type="submit" class="link-button" {
                                                (v.t("relationship-remove"))
                                                span class="visually-hidden" { ": " (name(r.source_id)) " – " (name(r.target_id)) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if pages > 1 {
                nav class="pagination" aria-label=(v.t("pagination-label")) {
                    @if page_no > 1 { a href={ "?meting=" (rels[0].round_id) "&pagina=" (page_no - 1) } rel="prev" { (v.t("pagination-previous")) } " " }
                    span { (v.ta("pagination-position", &[("page", FluentValue::from(page_no)), ("pages", FluentValue::from(pages))])) }
                    @if page_no < pages { " " a href={ "?meting=" (rels[0].round_id) "&pagina=" (page_no + 1) } rel="next" { (v.t("pagination-next")) } }
                }
            }
        }
    }
}

async fn relationships_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    q: &RelationshipsQuery,
    typed: Typed<'_>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let may_edit = role.may_edit_records();
    let rounds = state.service.relationship_rounds(&actor, network_id).await?;
    let current = match q.meting.parse::<i64>() {
        Ok(id) => Some(rounds.iter().find(|r| r.id == id).ok_or(WebError::NotFound)?),
        Err(_) => rounds.last(),
    };
    let rels = match current {
        Some(r) => state.service.round_relationships(&actor, network_id, r.id).await?.relationships,
        None => Vec::new(),
    };
    let partners = state.service.partner_choices(&actor, network_id).await?;
    let title = v.t("relationships-title");
    let body = html! {
        p class="breadcrumb" { a href={ "/netwerken/" (network_id) "/kaart" } { (v.t("map-title")) } }
        h1 { (title) }
        (flash(v, q.done.as_deref()))
        @if let (Some("round-archived"), Some(undo)) = (q.done.as_deref(), q.ongedaan) {
            div class="flash" role="status" {
                (v.t("round-archived")) " "
                form method="post" action={ (base(network_id)) "/metingen/" (undo) "/terugzetten" } class="inline" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    button type="submit" class="link-button" { (v.t("undo")) }
                }
            }
        }
        @if let (Some("removed"), Some(undo)) = (q.done.as_deref(), q.ongedaan) {
            div class="flash" role="status" {
                (v.t("relationship-removed")) " "
                form method="post" action={ (base(network_id)) "/" (undo) "/terugzetten" } class="inline" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    button type="submit" class="link-button" { (v.t("undo")) }
                }
            }
        }
        p class="lead" { (v.t("relationships-intro")) }
        section class="panel" aria-labelledby="rounds-title" {
            h2 id="rounds-title" { (v.t("rounds-title")) }
            @if rounds.is_empty() {
                p class="empty" { (v.t("rounds-empty")) }
            } @else {
                div class="table-scroll" {
                    table class="data" {
                        caption class="visually-hidden" { (v.t("rounds-title")) }
                        thead { tr {
                            th scope="col" { (v.t("round-field-label")) }
                            th scope="col" { (v.t("round-field-date")) }
                            th scope="col" { (v.t("round-col-origin")) }
                            th scope="col" class="num" { (v.t("round-col-count")) }
                            @if may_edit { th scope="col" { span class="visually-hidden" { (v.t("actions-column")) } } }
                        } }
                        tbody {
                            @for r in rounds.iter().rev() {
                                tr {
                                    th scope="row" {
                                        a href={ "?meting=" (r.id) } aria-current=[current.is_some_and(|c| c.id == r.id).then_some("true")] { (r.label) }
                                    }
                                    td { (date(v, Some(r.measured_on))) }
                                    td { (v.t(&r.origin.label_key())) @if r.directed { " · " (v.t("round-directed")) } }
                                    td class="num" { (r.relationship_count) }
                                    @if may_edit {
                                        td { a href={ (base(network_id)) "/metingen/" (r.id) "/archiveren" } { (v.t("archive")) span class="visually-hidden" { ": " (r.label) } } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if may_edit { (round_form(v, network_id, &rounds, &typed)) }
        }
        @if let Some(round) = current {
            section aria-labelledby="ties-title" {
                h2 id="ties-title" { (v.ta("relationships-of-round", &[("round", FluentValue::from(round.label.clone()))])) }
                p { a href={ "/netwerken/" (network_id) "/kaart?meting=" (round.id) } { (v.t("relationships-see-map")) } }
                @if may_edit {
                    @if partners.len() < 2 { p class="empty" { (v.t("relationships-need-partners")) } }
                    @else { (tie_form(v, network_id, round, &partners, &typed)) }
                }
                (ties_table(v, network_id, may_edit, &rels, &partners, q.pagina.parse().unwrap_or(1)))
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "map"), body))
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<RelationshipsQuery>,
) -> Result<Markup, WebError> {
    relationships_page(&state, &v, network_id, &q, Typed::None).await
}

pub async fn create_round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(form): Form<RoundForm>,
) -> Result<Response, WebError> {
    match state.service.create_round(&v.actor()?, network_id, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("{}?meting={id}&done=created", base(network_id))).into_response()),
        Err(ServiceError::Invalid(e)) => {
            let page = relationships_page(&state, &v, network_id, &RelationshipsQuery::default(), Typed::Round(&form, &e)).await?;
            Ok((StatusCode::BAD_REQUEST, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
    Form(form): Form<RelationshipForm>,
) -> Result<Response, WebError> {
    match state.service.add_relationship(&v.actor()?, network_id, round_id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("{}?meting={round_id}&done=created#relatie-toevoegen", base(network_id))).into_response()),
        Err(ServiceError::Invalid(e)) => {
            let q = RelationshipsQuery { meting: round_id.to_string(), ..Default::default() };
            let page = relationships_page(&state, &v, network_id, &q, Typed::Tie(&form, &e)).await?;
            Ok((StatusCode::BAD_REQUEST, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let round = state.service.set_relationship_removed(&v.actor()?, network_id, id, true).await?;
    Ok(Redirect::to(&format!("{}?meting={round}&done=removed&ongedaan={id}", base(network_id))).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let round = state.service.set_relationship_removed(&v.actor()?, network_id, id, false).await?;
    Ok(Redirect::to(&format!("{}?meting={round}&done=restored", base(network_id))).into_response())
}

pub async fn confirm_archive_round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let r = state.service.round_relationships(&actor, network_id, round_id).await?;
    let title = v.t("round-archive-title");
    let back = format!("{}?meting={round_id}", base(network_id));
    let body = html! {
        p class="breadcrumb" { a href=(back) { (r.round.label) } }
        h1 { (title) }
        p { (v.ta("round-archive-question", &[("round", FluentValue::from(r.round.label.clone())), ("count", FluentValue::from(r.relationships.len()))])) }
        form method="post" action={ (base(network_id)) "/metingen/" (round_id) "/archiveren" } class="form-actions" {
            input type="hidden" name="csrf" value=(v.csrf);
            button type="submit" class="button danger" { (v.t("archive")) }
            a href=(back) { (v.t("cancel")) }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "map"), body))
}

pub async fn archive_round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_round_archived(&v.actor()?, network_id, round_id, true).await?;
    Ok(Redirect::to(&format!("{}?done=round-archived&ongedaan={round_id}", base(network_id))).into_response())
}

pub async fn restore_round(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    state.service.set_round_archived(&v.actor()?, network_id, round_id, false).await?;
    Ok(Redirect::to(&format!("{}?meting={round_id}&done=restored", base(network_id))).into_response())
}
