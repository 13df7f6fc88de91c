//! Portfolio coherence (*samenhang*): the "project carousel" made visible.
//! Every finding names the objects it is about and a catalogue key with
//! arguments; the web layer turns it into a sentence with links.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::portfolio::{Agreement, Project};
use crate::{search_key, Goal};

/// A link target in a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum ObjectRef {
    Project(i64),
    Goal(i64),
    Organisation(i64),
    Agreement(i64),
}

/// What the coordinator can tune; the defaults are the network defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoherenceSettings {
    /// Most active projects (pilot, running, scaled up) one partner should carry.
    pub max_active_projects_per_partner: usize,
    /// Text similarity (0–1) at which two projects on the same goal look alike on their own.
    pub duplicate_text_similarity: f64,
    /// Partner overlap (0–1) that, with some shared wording, makes two projects look alike.
    pub duplicate_partner_overlap: f64,
    /// The shared wording needed together with that partner overlap.
    pub duplicate_text_with_partners: f64,
}

impl Default for CoherenceSettings {
    fn default() -> Self {
        Self {
            max_active_projects_per_partner: 5,
            duplicate_text_similarity: 0.4,
            duplicate_partner_overlap: 0.5,
            duplicate_text_with_partners: 0.2,
        }
    }
}

/// One thing that does not hang together. Ids point at the objects; the
/// web layer looks up their names for the sentence and the links.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    ProjectWithoutGoal {
        project_id: i64,
    },
    ProjectWithoutLead {
        project_id: i64,
    },
    ProjectWithoutOwner {
        project_id: i64,
    },
    /// Two live projects that serve the same goal and look alike; the
    /// fields say why: the shared goals, the shared partners and the shared words.
    LikelyDuplicate {
        project_id: i64,
        other_project_id: i64,
        shared_goal_ids: Vec<i64>,
        shared_partner_ids: Vec<i64>,
        /// Most telling shared words first (rarest in the portfolio).
        shared_words: Vec<String>,
        /// Partner overlap (Jaccard), whole percent.
        partner_overlap_percent: u8,
        /// Wording overlap (Jaccard over word stems), whole percent.
        text_similarity_percent: u8,
    },
    PartnerOverloaded {
        organisation_id: i64,
        active_project_ids: Vec<i64>,
        limit: usize,
    },
    AgreementPastEvaluation {
        agreement_id: i64,
        evaluation_date: NaiveDate,
        days_overdue: i64,
    },
    GoalWithoutProject {
        goal_id: i64,
    },
}

/// An argument of a finding's message; the web layer formats each kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum FindingArg {
    /// Shown as the object's name, linked.
    Object(ObjectRef),
    /// Shown as a list of names, linked.
    Objects(Vec<ObjectRef>),
    Words(Vec<String>),
    Number(i64),
    Date(NaiveDate),
}

impl Finding {
    /// The catalogue key of the finding's sentence (see `locales/*/portfolio.ftl`).
    pub fn message_key(&self) -> &'static str {
        match self {
            Finding::ProjectWithoutGoal { .. } => "coherence-project-without-goal",
            Finding::ProjectWithoutLead { .. } => "coherence-project-without-lead",
            Finding::ProjectWithoutOwner { .. } => "coherence-project-without-owner",
            Finding::LikelyDuplicate { .. } => "coherence-likely-duplicate",
            Finding::PartnerOverloaded { .. } => "coherence-partner-overloaded",
            Finding::AgreementPastEvaluation { .. } => "coherence-agreement-past-evaluation",
            Finding::GoalWithoutProject { .. } => "coherence-goal-without-project",
        }
    }

    /// The named arguments for the message. Duplicates have a few optional
    /// parts (`goals`, `partners`, `words`); an empty list means the part does not apply.
    pub fn args(&self) -> Vec<(&'static str, FindingArg)> {
        use FindingArg::*;
        match self {
            Finding::ProjectWithoutGoal { project_id }
            | Finding::ProjectWithoutLead { project_id }
            | Finding::ProjectWithoutOwner { project_id } => vec![("project", Object(ObjectRef::Project(*project_id)))],
            Finding::LikelyDuplicate {
                project_id,
                other_project_id,
                shared_goal_ids,
                shared_partner_ids,
                shared_words,
                partner_overlap_percent,
                text_similarity_percent,
            } => vec![
                ("project", Object(ObjectRef::Project(*project_id))),
                ("other", Object(ObjectRef::Project(*other_project_id))),
                ("goals", Objects(shared_goal_ids.iter().map(|g| ObjectRef::Goal(*g)).collect())),
                ("goalCount", Number(shared_goal_ids.len() as i64)),
                ("partners", Objects(shared_partner_ids.iter().map(|p| ObjectRef::Organisation(*p)).collect())),
                ("partnerCount", Number(shared_partner_ids.len() as i64)),
                ("words", Words(shared_words.clone())),
                ("wordCount", Number(shared_words.len() as i64)),
                ("partnerOverlap", Number(i64::from(*partner_overlap_percent))),
                ("textSimilarity", Number(i64::from(*text_similarity_percent))),
            ],
            Finding::PartnerOverloaded { organisation_id, active_project_ids, limit } => vec![
                ("partner", Object(ObjectRef::Organisation(*organisation_id))),
                ("count", Number(active_project_ids.len() as i64)),
                ("limit", Number(*limit as i64)),
                ("projects", Objects(active_project_ids.iter().map(|p| ObjectRef::Project(*p)).collect())),
            ],
            Finding::AgreementPastEvaluation { agreement_id, evaluation_date, days_overdue } => vec![
                ("agreement", Object(ObjectRef::Agreement(*agreement_id))),
                ("date", Date(*evaluation_date)),
                ("days", Number(*days_overdue)),
            ],
            Finding::GoalWithoutProject { goal_id } => vec![("goal", Object(ObjectRef::Goal(*goal_id)))],
        }
    }

    /// Every object the finding is about, first the main one.
    pub fn objects(&self) -> Vec<ObjectRef> {
        let mut out = Vec::new();
        for (_, arg) in self.args() {
            match arg {
                FindingArg::Object(o) => out.push(o),
                FindingArg::Objects(os) => out.extend(os),
                _ => {}
            }
        }
        out
    }
}

/// All coherence findings, in a stable order: project gaps, duplicates,
/// overloaded partners, agreements, goals. Archived objects and stopped
/// projects do not count.
pub fn coherence_findings(
    goals: &[Goal],
    projects: &[Project],
    agreements: &[Agreement],
    settings: &CoherenceSettings,
    today: NaiveDate,
) -> Vec<Finding> {
    let live: Vec<&Project> = projects.iter().filter(|p| !p.archived && p.status.is_live()).collect();
    let mut findings = Vec::new();
    for p in &live {
        if p.goal_ids.is_empty() {
            findings.push(Finding::ProjectWithoutGoal { project_id: p.id });
        }
        if p.lead_organisation_id.is_none() {
            findings.push(Finding::ProjectWithoutLead { project_id: p.id });
        }
        if p.owner_person_id.is_none() {
            findings.push(Finding::ProjectWithoutOwner { project_id: p.id });
        }
    }
    findings.extend(likely_duplicates(&live, settings));
    findings.extend(overloaded_partners(&live, settings.max_active_projects_per_partner));
    for a in agreements.iter().filter(|a| !a.archived) {
        if let Some(date) = a.evaluation_date.filter(|d| *d < today) {
            findings.push(Finding::AgreementPastEvaluation {
                agreement_id: a.id,
                evaluation_date: date,
                days_overdue: (today - date).num_days(),
            });
        }
    }
    let mut served: Vec<i64> = live.iter().flat_map(|p| p.goal_ids.iter().copied()).collect();
    served.sort_unstable();
    for g in goals.iter().filter(|g| !g.archived) {
        if served.binary_search(&g.id).is_err() {
            findings.push(Finding::GoalWithoutProject { goal_id: g.id });
        }
    }
    findings
}

fn overloaded_partners(live: &[&Project], limit: usize) -> Vec<Finding> {
    let mut load: HashMap<i64, Vec<i64>> = HashMap::new();
    for p in live.iter().filter(|p| p.status.is_active()) {
        for org in p.all_partner_ids() {
            load.entry(org).or_default().push(p.id);
        }
    }
    let mut out: Vec<Finding> = load
        .into_iter()
        .filter(|(_, ps)| ps.len() > limit)
        .map(|(organisation_id, mut active_project_ids)| {
            active_project_ids.sort_unstable();
            Finding::PartnerOverloaded { organisation_id, active_project_ids, limit }
        })
        .collect();
    out.sort_by_key(|f| match f {
        Finding::PartnerOverloaded { organisation_id, .. } => *organisation_id,
        _ => 0,
    });
    out
}

// ---------------------------------------------------------------------------
// Likely duplicates

/// Words that say nothing about what a project does. Dutch first, then
/// English, then words every project description in this field uses.
const STOP_WORDS: &[&str] = &[
    "aan",
    "al",
    "alle",
    "als",
    "bij",
    "dan",
    "dat",
    "de",
    "deze",
    "die",
    "dit",
    "door",
    "een",
    "en",
    "er",
    "met",
    "hun",
    "het",
    "hoe",
    "in",
    "is",
    "je",
    "kan",
    "meer",
    "na",
    "naar",
    "niet",
    "nog",
    "of",
    "om",
    "ook",
    "op",
    "over",
    "te",
    "ten",
    "ter",
    "tot",
    "uit",
    "van",
    "veel",
    "voor",
    "wat",
    "we",
    "wij",
    "wie",
    "wel",
    "worden",
    "wordt",
    "zijn",
    "zo",
    "zodat",
    "zij",
    "and",
    "are",
    "for",
    "from",
    "into",
    "of",
    "the",
    "their",
    "this",
    "to",
    "with",
    "project",
    "projecten",
    "pilot",
    "samen",
    "samenwerking",
    "netwerk",
    "regio",
    "gaan",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// A crude Dutch stem so that "wijken" meets "wijk" and "ouderen" meets
/// "oudere": strip a plural or inflection ending when enough word remains.
fn stem(word: &str) -> &str {
    for suffix in ["en", "s", "e"] {
        if let Some(rest) = word.strip_suffix(suffix) {
            if rest.chars().count() >= 4 {
                return rest;
            }
        }
    }
    word
}

struct Prepared {
    id: i64,
    goals: Vec<i64>,
    partners: Vec<i64>,
    /// Stem ids, sorted and without repeats.
    stems: Vec<u32>,
    /// The same stems as a bitset.
    bits: Vec<u64>,
}

/// Projects on a shared goal are compared pairwise (the goal buckets are
/// the cheap pre-filter); per pair, partner overlap and wording are sorted
/// merges over small vectors.
fn likely_duplicates(live: &[&Project], settings: &CoherenceSettings) -> Vec<Finding> {
    let mut stem_ids: HashMap<String, u32> = HashMap::new();
    // The shortest surface form seen for a stem, to show the user a real word.
    let mut display: Vec<String> = Vec::new();
    let mut doc_freq: Vec<u32> = Vec::new();
    let mut prepared: Vec<Prepared> = live
        .iter()
        .map(|p| {
            let mut text = search_key(&p.title);
            if let Some(desc) = &p.description {
                text.push(' ');
                text.push_str(&search_key(desc));
            }
            let mut stems: Vec<u32> = Vec::new();
            for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3 && !is_stop_word(w)) {
                if word.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                let s = stem(word);
                let id = match stem_ids.get(s) {
                    Some(id) => {
                        if word.len() < display[*id as usize].len() {
                            display[*id as usize] = word.to_string();
                        }
                        *id
                    }
                    None => {
                        let id = stem_ids.len() as u32;
                        stem_ids.insert(s.to_string(), id);
                        display.push(word.to_string());
                        doc_freq.push(0);
                        id
                    }
                };
                stems.push(id);
            }
            stems.sort_unstable();
            stems.dedup();
            for s in &stems {
                doc_freq[*s as usize] += 1;
            }
            let mut goals = p.goal_ids.clone();
            goals.sort_unstable();
            goals.dedup();
            Prepared { id: p.id, goals, partners: p.all_partner_ids(), stems, bits: Vec::new() }
        })
        .collect();
    // Word sets as bitsets over the portfolio's vocabulary: the pair loop then
    // counts shared words with AND and popcount instead of merging lists.
    let words = display.len().div_ceil(64);
    for p in &mut prepared {
        p.bits = vec![0u64; words];
        for s in &p.stems {
            p.bits[*s as usize / 64] |= 1 << (*s % 64);
        }
    }

    let mut by_goal: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        for g in &p.goals {
            by_goal.entry(*g).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut goal_keys: Vec<i64> = by_goal.keys().copied().collect();
    goal_keys.sort_unstable();
    for goal in goal_keys {
        let members = &by_goal[&goal];
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&prepared[i], &prepared[j]);
                // Each pair once: in the bucket of the first goal it shares.
                if first_shared(&a.goals, &b.goals) != Some(goal) {
                    continue;
                }
                let shared_count: u32 = a.bits.iter().zip(&b.bits).map(|(x, y)| (x & y).count_ones()).sum();
                let union = a.stems.len() + b.stems.len() - shared_count as usize;
                let text = if union == 0 { 0.0 } else { f64::from(shared_count) / union as f64 };
                // Cheapest rejection first: too little wording in common for either rule.
                if text < settings.duplicate_text_with_partners.min(settings.duplicate_text_similarity) {
                    continue;
                }
                let partners = jaccard(&a.partners, &b.partners);
                let alike = text >= settings.duplicate_text_similarity
                    || (partners >= settings.duplicate_partner_overlap && text >= settings.duplicate_text_with_partners);
                if !alike {
                    continue;
                }
                let mut shared_stems: Vec<u32> = intersection(&a.stems, &b.stems);
                shared_stems.sort_by(|x, y| {
                    let (x, y) = (*x as usize, *y as usize);
                    (doc_freq[x], &display[x]).cmp(&(doc_freq[y], &display[y]))
                });
                let shared_words = shared_stems.iter().take(8).map(|s| display[*s as usize].clone()).collect();
                let shared_goal_ids = intersection(&a.goals, &b.goals);
                let (first, second) = if a.id <= b.id { (a, b) } else { (b, a) };
                out.push(Finding::LikelyDuplicate {
                    project_id: first.id,
                    other_project_id: second.id,
                    shared_goal_ids,
                    shared_partner_ids: intersection(&a.partners, &b.partners),
                    shared_words,
                    partner_overlap_percent: percent(partners),
                    text_similarity_percent: percent(text),
                });
            }
        }
    }
    out.sort_by_key(|f| match f {
        Finding::LikelyDuplicate { project_id, other_project_id, .. } => (*project_id, *other_project_id),
        _ => (0, 0),
    });
    out
}

fn first_shared<T: Ord + Copy>(a: &[T], b: &[T]) -> Option<T> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(a[i]),
        }
    }
    None
}

fn percent(x: f64) -> u8 {
    (x * 100.0).round().clamp(0.0, 100.0) as u8
}

fn intersection<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// |a ∩ b| / |a ∪ b| over sorted, repeat-free slices; 0 when both are empty.
fn jaccard<T: Ord + Copy>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ProjectStatus;

    pub(crate) fn project(id: i64, title: &str, goals: &[i64], lead: Option<i64>, partners: &[i64]) -> Project {
        Project {
            id,
            network_id: 1,
            title: title.into(),
            description: None,
            goal_ids: goals.to_vec(),
            lead_organisation_id: lead,
            owner_person_id: Some(100 + id),
            partner_ids: partners.to_vec(),
            status: ProjectStatus::Running,
            status_since: None,
            budget_cents: None,
            results: None,
            sustainability_plan: None,
            archived: false,
        }
    }

    pub(crate) fn goal(id: i64) -> Goal {
        Goal {
            id,
            network_id: 1,
            title: format!("Doel {id}"),
            indicator: "x".into(),
            baseline: None,
            target: "y".into(),
            target_date: None,
            archived: false,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    fn run(goals: &[Goal], projects: &[Project]) -> Vec<Finding> {
        coherence_findings(goals, projects, &[], &CoherenceSettings::default(), today())
    }

    #[test]
    fn project_without_goal_lead_or_owner() {
        let mut p = project(1, "Buurtsportcoach", &[], None, &[2]);
        p.owner_person_id = None;
        let f = run(&[], &[p.clone()]);
        assert_eq!(
            f,
            [
                Finding::ProjectWithoutGoal { project_id: 1 },
                Finding::ProjectWithoutLead { project_id: 1 },
                Finding::ProjectWithoutOwner { project_id: 1 }
            ]
        );
        p.status = ProjectStatus::Stopped;
        assert!(run(&[], &[p.clone()]).is_empty(), "stopped projects are no longer in the portfolio");
        p.status = ProjectStatus::Idea;
        p.archived = true;
        assert!(run(&[], &[p]).is_empty());
    }

    #[test]
    fn goal_served_only_by_stopped_or_archived_project_is_unserved() {
        let mut stopped = project(1, "a", &[1], Some(2), &[]);
        stopped.status = ProjectStatus::Stopped;
        let live = project(2, "b", &[2], Some(2), &[]);
        let mut archived_goal = goal(3);
        archived_goal.archived = true;
        let f = run(&[goal(1), goal(2), archived_goal], &[stopped, live]);
        assert_eq!(f, [Finding::GoalWithoutProject { goal_id: 1 }]);
        assert_eq!(f[0].objects(), [ObjectRef::Goal(1)]);
    }

    #[test]
    fn duplicate_by_wording_says_which_goal_and_words() {
        let mut a = project(1, "Valpreventie voor thuiswonende ouderen in de wijk", &[7], Some(10), &[11]);
        a.description = Some("Beweeggroepen en huisbezoeken om vallen te voorkomen.".into());
        let mut b = project(2, "Valpreventie ouderen wijken", &[7, 8], Some(20), &[21]);
        b.description = Some("Huisbezoek en beweeggroep tegen vallen.".into());
        let c = project(3, "Schuldhulp jongeren", &[7], Some(10), &[11]);
        let f = run(&[goal(7), goal(8)], &[a, b, c]);
        let dups: Vec<&Finding> = f.iter().filter(|x| matches!(x, Finding::LikelyDuplicate { .. })).collect();
        assert_eq!(dups.len(), 1, "{f:#?}");
        let Finding::LikelyDuplicate {
            project_id,
            other_project_id,
            shared_goal_ids,
            shared_partner_ids,
            shared_words,
            partner_overlap_percent,
            ..
        } = dups[0]
        else {
            unreachable!()
        };
        assert_eq!((*project_id, *other_project_id), (1, 2));
        assert_eq!(shared_goal_ids, &[7]);
        assert!(shared_partner_ids.is_empty());
        assert_eq!(*partner_overlap_percent, 0);
        for w in ["valpreventie", "ouderen", "wijk", "huisbezoek", "beweeggroep", "vallen"] {
            assert!(shared_words.contains(&w.to_string()), "{w} missing from {shared_words:?}");
        }
        assert!(!shared_words.iter().any(|w| w == "voor" || w == "de"), "stop words: {shared_words:?}");
    }

    #[test]
    fn duplicate_by_partners_needs_some_shared_wording_and_a_shared_goal() {
        let a = project(1, "Gezonde school Tiel", &[1], Some(10), &[11, 12]);
        let b = project(2, "Gezonde school Culemborg, Geldermalsen en Buren", &[1], Some(10), &[11, 12]);
        let f = run(&[goal(1)], &[a.clone(), b.clone()]);
        let Some(Finding::LikelyDuplicate { shared_partner_ids, partner_overlap_percent, text_similarity_percent, .. }) = f.first() else {
            panic!("{f:?}")
        };
        assert_eq!(shared_partner_ids, &[10, 11, 12]);
        assert_eq!(*partner_overlap_percent, 100);
        assert!(*text_similarity_percent < 40 && *text_similarity_percent >= 20, "{text_similarity_percent}");
        // Same partners, nothing in common in wording: not alike.
        let c = project(3, "Mantelzorgondersteuning", &[1], Some(10), &[11, 12]);
        assert!(run(&[goal(1)], &[a.clone(), c]).is_empty());
        // Identical text on different goals: not a duplicate either.
        let d = project(4, "Gezonde school Tiel", &[2], Some(10), &[11, 12]);
        assert!(run(&[goal(1), goal(2)], &[a, d]).is_empty());
    }

    #[test]
    fn pair_sharing_two_goals_is_reported_once() {
        let a = project(1, "Eenzaamheid ouderen aanpakken", &[1, 2], Some(10), &[]);
        let b = project(2, "Eenzaamheid ouderen aanpak", &[2, 1], Some(10), &[]);
        let f = run(&[goal(1), goal(2)], &[a, b]);
        assert_eq!(f.len(), 1);
        assert!(matches!(&f[0], Finding::LikelyDuplicate { shared_goal_ids, .. } if shared_goal_ids == &[1, 2]));
    }

    #[test]
    fn partner_over_the_limit_counts_only_active_projects() {
        let mut projects: Vec<Project> = (1..=6).map(|i| project(i, &format!("P{i} uniek{i}"), &[i], Some(10), &[])).collect();
        let settings = CoherenceSettings { max_active_projects_per_partner: 5, ..Default::default() };
        let f = coherence_findings(&[], &projects, &[], &settings, today());
        assert_eq!(f, [Finding::PartnerOverloaded { organisation_id: 10, active_project_ids: vec![1, 2, 3, 4, 5, 6], limit: 5 }]);
        projects[0].status = ProjectStatus::Idea;
        projects[1].status = ProjectStatus::Embedded;
        projects.push(project(7, "as participant", &[1], Some(11), &[10]));
        projects.push(project(8, "P8", &[1], Some(11), &[10]));
        let f = coherence_findings(&[], &projects, &[], &settings, today());
        assert!(
            matches!(&f[..], [Finding::PartnerOverloaded { active_project_ids, .. }] if active_project_ids == &[3, 4, 5, 6, 7, 8]),
            "{f:?}"
        );
        let args = f[0].args();
        assert_eq!(args[1], ("count", FindingArg::Number(6)));
    }

    #[test]
    fn agreement_past_its_evaluation_date() {
        let a = |id, eval: Option<NaiveDate>, archived| Agreement {
            id,
            network_id: 1,
            title: "c".into(),
            description: None,
            party_ids: vec![1, 2],
            starts_on: None,
            ends_on: None,
            evaluation_date: eval,
            document_url: None,
            out_of_scope: None,
            archived,
        };
        let past = NaiveDate::from_ymd_opt(2026, 5, 2).unwrap();
        let agreements = [a(1, Some(past), false), a(2, Some(today()), false), a(3, None, false), a(4, Some(past), true)];
        let f = coherence_findings(&[], &[], &agreements, &CoherenceSettings::default(), today());
        assert_eq!(f, [Finding::AgreementPastEvaluation { agreement_id: 1, evaluation_date: past, days_overdue: 30 }]);
        assert_eq!(f[0].message_key(), "coherence-agreement-past-evaluation");
    }

    #[test]
    fn stemming_and_similarity_helpers() {
        assert_eq!(stem("wijken"), "wijk");
        assert_eq!(stem("ouderen"), "ouder");
        assert_eq!(stem("oudere"), "ouder");
        assert_eq!(stem("zorg"), "zorg");
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard::<i64>(&[], &[]), 0.0);
        assert_eq!(intersection(&[1, 3, 5], &[1, 2, 5]), [1, 5]);
    }
}

#[cfg(test)]
mod timing {
    use super::tests::{goal, project};
    use super::*;
    use crate::ProjectStatus;

    /// Not an asserted benchmark (those live in `bench/`): run with
    /// `cargo test --release -p verband-domain -- --ignored --nocapture coherence_timing`
    /// to see how long 500 projects and 200 partners take.
    #[test]
    #[ignore]
    fn coherence_timing() {
        let words = [
            "valpreventie",
            "ouderen",
            "wijk",
            "eenzaamheid",
            "jongeren",
            "schuldhulp",
            "armoede",
            "bewegen",
            "voeding",
            "school",
            "mantelzorg",
            "dementie",
            "huisarts",
            "wijkteam",
            "taal",
            "werk",
            "wonen",
            "sport",
            "cultuur",
            "gezondheid",
            "preventie",
            "statushouders",
            "opvoeding",
            "zwangerschap",
            "leefstijl",
            "roken",
            "alcohol",
            "overgewicht",
            "digitaal",
            "vrijwilligers",
        ];
        let mut seed: u64 = 42;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let goals: Vec<Goal> = (1..=12).map(goal).collect();
        let vocabulary = std::env::var("VOCABULARY").ok().and_then(|v| v.parse::<usize>().ok()).unwrap_or(600);
        let extra: Vec<String> = (0..vocabulary.saturating_sub(words.len())).map(|i| format!("thema{i}")).collect();
        let words: Vec<&str> = words.iter().copied().chain(extra.iter().map(String::as_str)).collect();
        let projects: Vec<Project> = (1..=500)
            .map(|i| {
                let g: Vec<i64> = (0..1 + next(2)).map(|_| 1 + next(12) as i64).collect();
                let partners: Vec<i64> = (0..2 + next(5)).map(|_| 1 + next(200) as i64).collect();
                let title: Vec<&str> = (0..4).map(|_| words[next(words.len() as u64) as usize]).collect();
                let desc: Vec<&str> = (0..25).map(|_| words[next(words.len() as u64) as usize]).collect();
                let mut p = project(i, &title.join(" "), &g, Some(1 + next(200) as i64), &partners);
                p.description = Some(desc.join(" "));
                p.status = ProjectStatus::ALL[next(6) as usize];
                p
            })
            .collect();
        let start = std::time::Instant::now();
        let runs = 20;
        let mut n = 0;
        for _ in 0..runs {
            n = coherence_findings(&goals, &projects, &[], &CoherenceSettings::default(), NaiveDate::MIN).len();
        }
        let per_run = start.elapsed() / runs;
        println!("coherence: 500 projects, 200 partners, {vocabulary} words: {n} findings in {per_run:?} per run");
    }
}
