//! Coherence findings and funding cliffs as sentences in which every object
//! is named and linked. The catalogue sentence is filled in with markers
//! where the objects go; the markers are then replaced by links (pages) or
//! names (the API), so translators keep whole sentences.

use std::collections::HashMap;

use chrono::NaiveDate;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use verband_domain::coherence::{Finding, FindingArg, ObjectRef};
use verband_domain::funding::FundingCliff;
use verband_domain::portfolio::{Agreement, Project};
use verband_domain::{Goal, Language};

use crate::i18n::translate_args;

/// The kinds of finding in the order the pages show them, with the
/// catalogue key of their heading.
pub(crate) const KINDS: &[(&str, &str)] = &[
    ("project_without_goal", "portfolio-kind-project_without_goal"),
    ("project_without_lead", "portfolio-kind-project_without_lead"),
    ("project_without_owner", "portfolio-kind-project_without_owner"),
    ("likely_duplicate", "portfolio-kind-likely_duplicate"),
    ("partner_overloaded", "portfolio-kind-partner_overloaded"),
    ("agreement_past_evaluation", "portfolio-kind-agreement_past_evaluation"),
    ("goal_without_project", "portfolio-kind-goal_without_project"),
];

/// The finding's kind as its JSON `kind` and its place in [`KINDS`].
pub(crate) fn kind(f: &Finding) -> &'static str {
    match f {
        Finding::ProjectWithoutGoal { .. } => "project_without_goal",
        Finding::ProjectWithoutLead { .. } => "project_without_lead",
        Finding::ProjectWithoutOwner { .. } => "project_without_owner",
        Finding::LikelyDuplicate { .. } => "likely_duplicate",
        Finding::PartnerOverloaded { .. } => "partner_overloaded",
        Finding::AgreementPastEvaluation { .. } => "agreement_past_evaluation",
        Finding::GoalWithoutProject { .. } => "goal_without_project",
    }
}

/// How many findings of each kind, in [`KINDS`] order, kinds without findings left out.
pub(crate) fn counts(findings: &[Finding]) -> Vec<(&'static str, &'static str, usize)> {
    KINDS.iter().map(|(k, heading)| (*k, *heading, findings.iter().filter(|f| kind(f) == *k).count())).filter(|(_, _, n)| *n > 0).collect()
}

/// The names of the objects a finding can point at.
#[derive(Default)]
pub(crate) struct Names {
    projects: HashMap<i64, String>,
    goals: HashMap<i64, String>,
    organisations: HashMap<i64, String>,
    agreements: HashMap<i64, String>,
}

impl Names {
    pub fn new(projects: &[Project], goals: &[Goal], agreements: &[Agreement], partners: &[(i64, String)]) -> Self {
        Names {
            projects: projects.iter().map(|p| (p.id, p.title.clone())).collect(),
            goals: goals.iter().map(|g| (g.id, g.title.clone())).collect(),
            organisations: partners.iter().cloned().collect(),
            agreements: agreements.iter().map(|a| (a.id, a.title.clone())).collect(),
        }
    }

    /// The object's name; its number when the name is not known (an archived partner).
    pub fn name(&self, o: ObjectRef) -> String {
        let (map, id) = match o {
            ObjectRef::Project(id) => (&self.projects, id),
            ObjectRef::Goal(id) => (&self.goals, id),
            ObjectRef::Organisation(id) => (&self.organisations, id),
            ObjectRef::Agreement(id) => (&self.agreements, id),
        };
        map.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
    }
}

/// The object's type as the API names it.
pub(crate) fn object_type(o: ObjectRef) -> &'static str {
    match o {
        ObjectRef::Project(_) => "project",
        ObjectRef::Goal(_) => "goal",
        ObjectRef::Organisation(_) => "organisation",
        ObjectRef::Agreement(_) => "agreement",
    }
}

pub(crate) fn object_id(o: ObjectRef) -> i64 {
    match o {
        ObjectRef::Project(id) | ObjectRef::Goal(id) | ObjectRef::Organisation(id) | ObjectRef::Agreement(id) => id,
    }
}

/// The page of the object. Goals have no page of their own; they are rows on the ambition page.
pub(crate) fn href(network_id: i64, o: ObjectRef) -> String {
    let base = format!("/netwerken/{network_id}");
    match o {
        ObjectRef::Project(id) => format!("{base}/projecten/{id}"),
        ObjectRef::Goal(id) => format!("{base}/ambitie#doel-{id}"),
        ObjectRef::Organisation(id) => format!("{base}/partners/{id}"),
        ObjectRef::Agreement(id) => format!("{base}/afspraken/{id}"),
    }
}

/// A date as the language writes it (the same notation as `layout::date`).
pub(crate) fn date_text(lang: Language, d: NaiveDate) -> String {
    match lang {
        Language::Nl => d.format("%d-%m-%Y").to_string(),
        Language::En => d.format("%-d %b %Y").to_string(),
    }
}

/// A piece of a composed sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Segment {
    Text(String),
    Object(ObjectRef),
    Objects(Vec<ObjectRef>),
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Fills in the catalogue sentence `key`; objects become segments of their own.
pub(crate) fn compose(lang: Language, key: &str, args: Vec<(&'static str, FindingArg)>) -> Vec<Segment> {
    let mut objects: Vec<Segment> = Vec::new();
    let mut fluent: Vec<(&'static str, FluentValue<'static>)> = Vec::new();
    for (name, arg) in args {
        let value = match arg {
            FindingArg::Object(o) => {
                objects.push(Segment::Object(o));
                FluentValue::from(format!("{OPEN}{}{CLOSE}", objects.len() - 1))
            }
            FindingArg::Objects(os) => {
                objects.push(Segment::Objects(os));
                FluentValue::from(format!("{OPEN}{}{CLOSE}", objects.len() - 1))
            }
            FindingArg::Words(words) => FluentValue::from(words.join(", ")),
            FindingArg::Number(n) => FluentValue::from(n),
            FindingArg::Date(d) => FluentValue::from(date_text(lang, d)),
        };
        fluent.push((name, value));
    }
    let text = translate_args(lang, key, &fluent);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find(OPEN) {
        if start > 0 {
            out.push(Segment::Text(rest[..start].to_string()));
        }
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            rest = after;
            continue;
        };
        if let Some(seg) = after[..end].parse::<usize>().ok().and_then(|i| objects.get(i)) {
            out.push(seg.clone());
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest.to_string()));
    }
    out
}

/// The arguments of a funding cliff's sentence.
pub(crate) fn cliff_args(c: &FundingCliff) -> Vec<(&'static str, FindingArg)> {
    let mut args = vec![
        ("project", FindingArg::Object(ObjectRef::Project(c.project_id))),
        ("date", FindingArg::Date(c.funded_until)),
        ("days", FindingArg::Number(c.days_left)),
    ];
    if let Some(next) = c.next_stream_starts {
        args.push(("nextStart", FindingArg::Date(next)));
    }
    args
}

/// The sentence as plain text, objects by name.
pub(crate) fn plain(segments: &[Segment], names: &Names) -> String {
    segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => t.clone(),
            Segment::Object(o) => names.name(*o),
            Segment::Objects(os) => os.iter().map(|o| names.name(*o)).collect::<Vec<_>>().join(", "),
        })
        .collect()
}

/// The sentence as HTML, each object a link to its page.
pub(crate) fn linked(segments: &[Segment], names: &Names, network_id: i64) -> Markup {
    html! {
        @for s in segments {
            @match s {
                Segment::Text(t) => (t),
                Segment::Object(o) => a href=(href(network_id, *o)) { (names.name(*o)) },
                Segment::Objects(os) => {
                    @for (i, o) in os.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(href(network_id, *o)) { (names.name(*o)) }
                    }
                },
            }
        }
    }
}

/// A finding as a linked sentence.
pub(crate) fn finding_sentence(lang: Language, f: &Finding, names: &Names, network_id: i64) -> Markup {
    linked(&compose(lang, f.message_key(), f.args()), names, network_id)
}

/// A funding cliff as a linked sentence.
pub(crate) fn cliff_sentence(lang: Language, c: &FundingCliff, names: &Names, network_id: i64) -> Markup {
    linked(&compose(lang, c.message_key(), cliff_args(c)), names, network_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        let mut n = Names::default();
        n.projects.insert(1, "Beweegmaatjes".into());
        n.projects.insert(2, "Samen bewegen <wijk>".into());
        n.goals.insert(9, "Gezond ouder worden".into());
        n.organisations.insert(4, "Welzijn Rivierstad".into());
        n
    }

    #[test]
    fn objects_become_links_and_the_rest_stays_text() {
        let f = Finding::ProjectWithoutGoal { project_id: 1 };
        let segments = compose(Language::Nl, f.message_key(), f.args());
        assert_eq!(segments[0], Segment::Object(ObjectRef::Project(1)));
        assert_eq!(plain(&segments, &names()), "Beweegmaatjes draagt niet bij aan een van de doelen van het netwerk.");
        let html = finding_sentence(Language::Nl, &f, &names(), 7).into_string();
        assert!(html.starts_with("<a href=\"/netwerken/7/projecten/1\">Beweegmaatjes</a> draagt"), "{html}");
    }

    #[test]
    fn duplicates_list_every_shared_object_and_names_are_escaped() {
        let f = Finding::LikelyDuplicate {
            project_id: 1,
            other_project_id: 2,
            shared_goal_ids: vec![9],
            shared_partner_ids: vec![4],
            shared_words: vec!["bewegen".into(), "ouderen".into()],
            partner_overlap_percent: 100,
            text_similarity_percent: 40,
        };
        let html = finding_sentence(Language::En, &f, &names(), 7).into_string();
        assert!(html.contains("<a href=\"/netwerken/7/ambitie#doel-9\">Gezond ouder worden</a>"), "{html}");
        assert!(html.contains("<a href=\"/netwerken/7/partners/4\">Welzijn Rivierstad</a>"), "{html}");
        assert!(html.contains("Samen bewegen &lt;wijk&gt;"), "{html}");
        assert!(html.contains("the same words: bewegen, ouderen"), "{html}");
        // An unknown object still shows something to click.
        assert_eq!(names().name(ObjectRef::Agreement(3)), "#3");
    }

    #[test]
    fn cliff_with_a_gap_names_the_next_start() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let c = FundingCliff {
            project_id: 1,
            funded_until: d(6, 30),
            days_left: 40,
            ending_stream_ids: vec![3],
            ending_amount_cents: 100,
            next_stream_starts: Some(d(9, 1)),
        };
        let text = plain(&compose(Language::Nl, c.message_key(), cliff_args(&c)), &names());
        assert_eq!(text, "Het geld voor Beweegmaatjes stopt op 30-06-2026; nieuw geld komt pas op 01-09-2026. Tot dan is er niets.");
    }
}
