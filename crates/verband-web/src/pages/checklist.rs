//! The phase checklist: the building blocks of the three phases, each with
//! status, owner, evidence and note, the progress per phase and the
//! network's current phase. Coordinators edit one block at a time.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::phase_checklist::{ChecklistEntry, ChecklistItemForm, Evidence, PhaseProgress};
use verband_domain::{BuildingBlock, ChecklistStatus, EvidenceKind, Language, Phase, ValidationErrors};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::layout::{date, flash, page, PageMeta};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

fn path(network_id: i64) -> String {
    format!("/netwerken/{network_id}/fasechecklist")
}

/// Evidence prefixes as Dutch users type them, beside the API's codes.
const DUTCH_PREFIXES: &[(&str, EvidenceKind)] = &[
    ("afspraak", EvidenceKind::Agreement),
    ("bijeenkomst", EvidenceKind::Meeting),
    ("project", EvidenceKind::Project),
    ("kennisitem", EvidenceKind::KnowledgeItem),
];

/// One line of the evidence field in the domain's notation (`agreement:12`).
fn evidence_line(raw: &str) -> String {
    let raw = raw.trim();
    if let Some((prefix, rest)) = raw.split_once(':') {
        let prefix = prefix.trim().to_lowercase();
        if let Some((_, kind)) = DUTCH_PREFIXES.iter().find(|(p, _)| *p == prefix) {
            return format!("{}:{}", kind.code(), rest.trim());
        }
    }
    raw.to_string()
}

/// Evidence as the form shows it, in the visitor's language.
fn evidence_text(lang: Language, e: &Evidence) -> String {
    match (lang, e.object_id) {
        (Language::Nl, Some(id)) => match DUTCH_PREFIXES.iter().find(|(_, k)| *k == e.kind) {
            Some((p, _)) => format!("{p}:{id}"),
            None => e.to_form_value(),
        },
        _ => e.to_form_value(),
    }
}

/// What the block form sends: the evidence as one line per item.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BlockForm {
    status: String,
    owner_person_id: String,
    evidence: String,
    note: String,
}

impl BlockForm {
    fn from_entry(lang: Language, e: &ChecklistEntry) -> Self {
        BlockForm {
            status: e.status.code().to_string(),
            owner_person_id: e.owner_person_id.map(|p| p.to_string()).unwrap_or_default(),
            evidence: e.evidence.iter().map(|x| evidence_text(lang, x)).collect::<Vec<_>>().join("\n"),
            note: e.note.clone().unwrap_or_default(),
        }
    }

    fn to_domain(&self) -> ChecklistItemForm {
        ChecklistItemForm {
            status: self.status.clone(),
            owner_person_id: self.owner_person_id.clone(),
            evidence: self.evidence.lines().map(evidence_line).filter(|l| !l.is_empty()).collect(),
            note: self.note.clone(),
        }
    }
}

/// Names of what evidence points at, for the links.
struct EvidenceNames {
    network_id: i64,
    agreements: Vec<(i64, String)>,
    meetings: Vec<(i64, String)>,
    projects: Vec<(i64, String)>,
}

impl EvidenceNames {
    fn link(&self, v: &Visitor, e: &Evidence) -> Markup {
        let base = format!("/netwerken/{}", self.network_id);
        let find = |list: &[(i64, String)], id: i64| list.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone());
        let kind = v.t(&e.kind.label_key());
        match (e.kind, e.object_id, &e.url) {
            (_, None, Some(url)) => html! { (kind) ": " a href=(url) rel="noopener noreferrer" { (url) } },
            (EvidenceKind::Agreement, Some(id), _) => {
                html! { (kind) ": " a href={ (base) "/afspraken/" (id) } { (find(&self.agreements, id).unwrap_or_else(|| format!("#{id}"))) } }
            }
            (EvidenceKind::Meeting, Some(id), _) => {
                html! { (kind) ": " a href={ (base) "/bijeenkomsten/" (id) } { (find(&self.meetings, id).unwrap_or_else(|| format!("#{id}"))) } }
            }
            (EvidenceKind::Project, Some(id), _) => {
                html! { (kind) ": " a href={ (base) "/projecten/" (id) } { (find(&self.projects, id).unwrap_or_else(|| format!("#{id}"))) } }
            }
            (_, Some(id), _) => html! { (kind) " #" (id) },
            (_, None, None) => html! { (kind) },
        }
    }
}

fn progress_text(v: &Visitor, p: &PhaseProgress) -> String {
    match p.percent_done {
        Some(percent) => v.ta(
            "checklist-progress",
            &[
                ("done", (p.done as i64).into()),
                ("applicable", ((p.total - p.not_applicable) as i64).into()),
                ("percent", i64::from(percent).into()),
            ],
        ),
        None => v.t("checklist-progress-none"),
    }
}

fn status_class(s: ChecklistStatus) -> &'static str {
    match s {
        ChecklistStatus::Done => "status-ok",
        ChecklistStatus::InProgress => "status-watch",
        ChecklistStatus::Open => "status-none",
        ChecklistStatus::NotApplicable => "muted",
    }
}

/// A block's form came back with problems: which block, what was typed, what is wrong.
type Returned = Option<(BuildingBlock, BlockForm, ValidationErrors)>;

async fn checklist_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    returned: Returned,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let view = state.service.phase_checklist(&actor, network_id).await?;
    let persons = state.service.person_choices(&actor, network_id).await?;
    let bodies = state.service.bodies(&actor, network_id).await?;
    let meeting_name = |m: &verband_domain::Meeting| {
        let body = bodies.iter().find(|b| b.id == m.body_id).map(|b| b.name.clone()).unwrap_or_default();
        format!("{body} {}", date(v, Some(m.date)))
    };
    let names = EvidenceNames {
        network_id,
        agreements: state.service.agreements(&actor, network_id).await?.into_iter().map(|a| (a.id, a.title)).collect(),
        meetings: state.service.meetings(&actor, network_id, None).await?.iter().map(|m| (m.id, meeting_name(m))).collect(),
        projects: state.service.projects(&actor, network_id).await?.into_iter().map(|p| (p.id, p.title)).collect(),
    };
    let editor = role.may_edit_records();
    let title = v.t("checklist-title");
    let base = path(network_id);
    let body = html! {
        h1 { (title) }
        (flash(v, done))
        p class="lead" { (v.t("checklist-intro")) }
        p { (v.t("dashboard-phase")) ": " strong { (v.t(&network.phase.label_key())) } }
        section aria-labelledby="progress-title" class="panel" {
            h2 id="progress-title" { (v.t("checklist-progress-title")) }
            ul class="phase-progress" {
                @for p in &view.progress {
                    li class={ @if p.phase == network.phase { "current-phase" } } {
                        a href={ "#phase-" (p.phase.code()) } { (v.t(&p.phase.label_key())) }
                        @if p.phase == network.phase { " " span class="badge" { (v.t("checklist-current-phase")) } }
                        ": " (progress_text(v, p))
                        @if p.in_progress > 0 { " · " (v.ta("checklist-in-progress-count", &[("count", (p.in_progress as i64).into())])) }
                    }
                }
            }
        }
        @if editor {
            details class="panel evidence-help" {
                summary { (v.t("checklist-evidence-codes")) }
                p class="hint" { (v.t("checklist-evidence-hint")) }
                @for (prefix, list, label) in [("afspraak", &names.agreements, "evidence-kind-agreement"), ("bijeenkomst", &names.meetings, "evidence-kind-meeting"), ("project", &names.projects, "evidence-kind-project")] {
                    @if !list.is_empty() {
                        h3 { (v.t(label)) }
                        ul class="codes" {
                            @for (id, name) in list.iter() {
                                @let code = if v.lang == Language::Nl { format!("{prefix}:{id}") } else { format!("{}:{id}", DUTCH_PREFIXES.iter().find(|(p, _)| *p == prefix).map(|(_, k)| k.code()).unwrap_or(prefix)) };
                                li { code { (code) } " — " (name) }
                            }
                        }
                    }
                }
            }
        }
        @for phase in Phase::ALL {
            @let progress = view.progress.iter().find(|p| p.phase == *phase);
            section aria-labelledby={ "phase-" (phase.code()) } class={ "panel phase" @if *phase == network.phase { " current-phase" } } {
                h2 id={ "phase-" (phase.code()) } {
                    (v.t(&phase.label_key()))
                    @if *phase == network.phase { " " span class="badge" { (v.t("checklist-current-phase")) } }
                }
                @if let Some(p) = progress {
                    @let applicable = p.total - p.not_applicable;
                    p {
                        @if applicable > 0 {
                            progress id={ "progress-" (phase.code()) } max=(applicable) value=(p.done) aria-label=(progress_text(v, p)) {}
                            " "
                        }
                        (progress_text(v, p))
                    }
                }
                ol class="blocks" {
                    @for e in view.entries.iter().filter(|e| e.phase == *phase) {
                        @let returned_here = returned.as_ref().filter(|(b, _, _)| *b == e.block);
                        li id={ "block-" (e.block.code()) } class="block" {
                            h3 { (v.t(&e.block.label_key())) " " span class={ "badge " (status_class(e.status)) } { (v.t(&e.status.label_key())) } }
                            p class="hint" { (v.t(&e.block.help_key())) }
                            @if e.owner_person_id.is_some() || !e.evidence.is_empty() || e.note.is_some() {
                                dl class="facts compact" {
                                    dt { (v.t("checklist-owner")) }
                                    dd {
                                        @match e.owner_person_id.and_then(|o| persons.iter().find(|(id, _, _)| *id == o)) {
                                            Some((pid, name, _)) => a href={ "/netwerken/" (network_id) "/personen/" (pid) } { (name) },
                                            None => "—",
                                        }
                                    }
                                    dt { (v.t("checklist-evidence")) }
                                    dd {
                                        @if e.evidence.is_empty() { "—" }
                                        @else { ul class="evidence" { @for x in &e.evidence { li { (names.link(v, x)) } } } }
                                    }
                                    @if let Some(n) = &e.note { dt { (v.t("checklist-note")) } dd class="prewrap" { (n) } }
                                }
                            }
                            @if e.done_without_evidence { p class="warning" { (v.t("checklist-done-without-evidence")) } }
                            @if editor {
                                @let (form, errors) = match returned_here {
                                    Some((_, f, e)) => (f.clone(), e.clone()),
                                    None => (BlockForm::from_entry(v.lang, e), ValidationErrors::default()),
                                };
                                (block_form(v, &base, e.block, &form, &errors, returned_here.is_some(), &persons))
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "checklist"), body))
}

/// The edit form of one block, folded away unless it came back with problems.
/// Ids carry the block's code, as twenty forms share the page.
fn block_form(
    v: &Visitor,
    base: &str,
    block: BuildingBlock,
    form: &BlockForm,
    errors: &ValidationErrors,
    open: bool,
    persons: &[(i64, String, Option<String>)],
) -> Markup {
    let code = block.code();
    let id = |field: &str| format!("f-{code}-{field}");
    let message = |field: &str| errors.for_field(field).map(|e| v.t(&format!("error-{}", e.code)));
    let error = |field: &str| {
        html! {
            @if let Some(m) = message(field) {
                p class="field-error" id={ (id(field)) "-error" } { span class="visually-hidden" { (v.t("error-prefix")) " " } (m) }
            }
        }
    };
    let described = |field: &str, hint: bool| {
        let mut ids = Vec::new();
        if message(field).is_some() {
            ids.push(format!("{}-error", id(field)));
        }
        if hint {
            ids.push(format!("{}-hint", id(field)));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let invalid = |field: &str| message(field).is_some().then_some("true");
    let label = v.t(&block.label_key());
    html! {
        details class="block-edit" open[open] {
            summary { (v.t("checklist-edit")) span class="visually-hidden" { ": " (label) } }
            @if !errors.is_empty() {
                div class="error-summary" role="alert" tabindex="-1" {
                    h4 { (v.t("error-summary-title")) }
                    ul {
                        @for e in &errors.0 {
                            @let field = if e.field == "ownerPersonId" { "owner" } else { e.field.as_str() };
                            li { a href={ "#" (id(field)) } { (v.t(&format!("checklist-field-{field}"))) ": " (v.t(&format!("error-{}", e.code))) } }
                        }
                    }
                }
            }
            form method="post" action={ (base) "/" (code) } class="stack" novalidate {
                input type="hidden" name="csrf" value=(v.csrf);
                div class="field" {
                    label for=(id("status")) { (v.t("checklist-field-status")) }
                    (error("status"))
                    select id=(id("status")) name="status" aria-invalid=[invalid("status")] aria-describedby=[described("status", false)] {
                        @for s in ChecklistStatus::ALL { option value=(s.code()) selected[s.code() == form.status] { (v.t(&s.label_key())) } }
                    }
                }
                div class="field" {
                    label for=(id("owner")) { (v.t("checklist-field-owner")) " " span class="optional" { (v.t("field-optional")) } }
                    (error("ownerPersonId"))
                    select id=(id("owner")) name="ownerPersonId" aria-invalid=[invalid("ownerPersonId")] aria-describedby=[described("ownerPersonId", false)] {
                        option value="" { (v.t("choose")) }
                        @for (pid, name, _) in persons { option value=(pid) selected[pid.to_string() == form.owner_person_id] { (name) } }
                    }
                }
                div class="field" {
                    label for=(id("evidence")) { (v.t("checklist-field-evidence")) " " span class="optional" { (v.t("field-optional")) } }
                    p class="hint" id={ (id("evidence")) "-hint" } { (v.t("checklist-evidence-hint")) }
                    (error("evidence"))
                    textarea id=(id("evidence")) name="evidence" rows="3" aria-invalid=[invalid("evidence")] aria-describedby=[described("evidence", true)] { (form.evidence) }
                }
                div class="field" {
                    label for=(id("note")) { (v.t("checklist-field-note")) " " span class="optional" { (v.t("field-optional")) } }
                    (error("note"))
                    textarea id=(id("note")) name="note" rows="2" aria-invalid=[invalid("note")] aria-describedby=[described("note", false)] { (form.note) }
                }
                div class="form-actions" {
                    button type="submit" class="button primary" { (v.t("save")) span class="visually-hidden" { ": " (label) } }
                }
            }
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    checklist_page(&state, &v, network_id, None, q.done.as_deref()).await
}

pub async fn save_block(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, code)): Path<(i64, String)>,
    Form(form): Form<BlockForm>,
) -> Result<Response, WebError> {
    let block = BuildingBlock::parse(&code).ok_or(WebError::NotFound)?;
    match state.service.save_checklist_item(&v.actor()?, network_id, block, &form.to_domain()).await {
        Ok(()) => Ok(Redirect::to(&format!("{}?done=saved#block-{code}", path(network_id))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let returned = Some((block, form, errors));
            Ok((StatusCode::BAD_REQUEST, checklist_page(&state, &v, network_id, returned, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_english_evidence_lines_mean_the_same() {
        assert_eq!(evidence_line(" Afspraak: 12 "), "agreement:12");
        assert_eq!(evidence_line("meeting:4"), "meeting:4");
        assert_eq!(evidence_line("https://intranet.example/a:b"), "https://intranet.example/a:b");
        let e = Evidence { kind: EvidenceKind::Meeting, object_id: Some(4), url: None };
        assert_eq!(evidence_text(Language::Nl, &e), "bijeenkomst:4");
        assert_eq!(evidence_text(Language::En, &e), "meeting:4");
    }
}
