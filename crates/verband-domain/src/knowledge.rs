//! Knowledge items of the knowledge lab (DOMAIN.md, "Knowledge item"): what
//! a network learned, tried, made or wants to know, visible to the network
//! itself or shared with every network of the deployment.

use serde::{Deserialize, Serialize};

use crate::validation::{optional_text, required_code, required_text, ValidationErrors};
use crate::{Phase, Sector};

code_enum!(
    /// What kind of knowledge an item holds.
    KnowledgeKind, "knowledge-kind" {
        Article => "article",
        Tool => "tool",
        Reference => "reference",
        Experience => "experience",
        Success => "success",
        Question => "question",
    }
);

code_enum!(
    /// Who may see an item: the network's own people, or everyone of the deployment.
    KnowledgeVisibility, "knowledge-visibility" {
        Network => "network",
        Shared => "shared",
    }
);

code_enum!(
    /// What an item can be linked to in its own network ("what we learned from this pilot").
    KnowledgeLinkKind, "knowledge-link-kind" {
        Project => "project",
        Meeting => "meeting",
        SurveyRound => "survey_round",
    }
);

/// Most themes one item carries; more makes facets useless.
pub const MAX_THEMES: usize = 8;
/// Most links one item carries.
pub const MAX_LINKS: usize = 20;
/// Longest body, in characters (Markdown source).
pub const MAX_BODY: usize = 50_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct KnowledgeForm {
    pub kind: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    /// Comma-separated, as typed.
    pub themes: String,
    /// Empty: no phase.
    pub phase: String,
    pub sectors: Vec<String>,
    /// One link per line.
    pub links: String,
    /// Empty means `network`.
    pub visibility: String,
    /// Ids of projects, meetings and survey rounds of the item's network it tells about.
    pub project_ids: Vec<String>,
    pub meeting_ids: Vec<String>,
    pub round_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeDraft {
    pub kind: KnowledgeKind,
    pub title: String,
    pub body: String,
    pub themes: Vec<String>,
    pub phase: Option<Phase>,
    pub sectors: Vec<Sector>,
    pub links: Vec<String>,
    pub visibility: KnowledgeVisibility,
    /// Records of the same network the item is linked to; the service checks they are.
    pub targets: Vec<(KnowledgeLinkKind, i64)>,
}

/// Longest question or answer, in characters.
pub const MAX_QUESTION: usize = 5_000;

/// A question under an item, or (with `parent_id`) an answer to one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct KnowledgeQuestionForm {
    pub body: String,
    /// Empty: a new question; otherwise the id of the question this answers.
    pub parent_id: String,
}

impl KnowledgeQuestionForm {
    /// The trimmed text and the question it answers, if any.
    pub fn validate(&self) -> Result<(String, Option<i64>), ValidationErrors> {
        let mut e = ValidationErrors::default();
        let body = required_text(&mut e, "body", &self.body, MAX_QUESTION);
        let parent = self.parent_id.trim();
        let parent_id = if parent.is_empty() {
            None
        } else {
            match parent.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    e.add("parentId", "choice-invalid");
                    None
                }
            }
        };
        e.finish((body, parent_id))
    }
}

/// Ids as a form sends them, each once; `None` when one is not an id.
fn parse_ids(raw: &[String]) -> Option<Vec<i64>> {
    let mut out = Vec::new();
    for id in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match id.parse::<i64>() {
            Ok(id) if id > 0 => {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Splits typed themes on commas and semicolons; trims, drops empties and
/// repeats (case-insensitive), keeps the first spelling.
pub fn parse_themes(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for theme in raw.split([',', ';']).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty()) {
        if !out.iter().any(|o| o.to_lowercase() == theme.to_lowercase()) {
            out.push(theme);
        }
    }
    out
}

impl KnowledgeForm {
    pub fn validate(&self) -> Result<KnowledgeDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let kind = required_code(&mut e, "kind", &self.kind, KnowledgeKind::parse);
        let title = required_text(&mut e, "title", &self.title, 200);
        let body = optional_text(&mut e, "body", &self.body, MAX_BODY).unwrap_or_default();
        let themes = parse_themes(&self.themes);
        if themes.len() > MAX_THEMES {
            e.add("themes", "too-many");
        }
        if themes.iter().any(|t| t.chars().count() > 60) {
            e.add("themes", "too-long");
        }
        let phase = if self.phase.trim().is_empty() { None } else { required_code(&mut e, "phase", self.phase.trim(), Phase::parse) };
        let mut sectors = Vec::new();
        for raw in self.sectors.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            match Sector::parse(raw) {
                Some(s) if !sectors.contains(&s) => sectors.push(s),
                Some(_) => {}
                None => e.add("sectors", "choice-invalid"),
            }
        }
        let links: Vec<String> = self.links.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        if links.len() > MAX_LINKS {
            e.add("links", "too-many");
        }
        if links
            .iter()
            .any(|l| !(l.starts_with("https://") || l.starts_with("http://")) || l.len() > 500 || l.contains(char::is_whitespace))
        {
            e.add("links", "url-invalid");
        }
        let visibility_raw = if self.visibility.trim().is_empty() { "network" } else { self.visibility.trim() };
        let visibility = required_code(&mut e, "visibility", visibility_raw, KnowledgeVisibility::parse);
        let mut targets = Vec::new();
        for (field, kind, raw) in [
            ("projectIds", KnowledgeLinkKind::Project, &self.project_ids),
            ("meetingIds", KnowledgeLinkKind::Meeting, &self.meeting_ids),
            ("roundIds", KnowledgeLinkKind::SurveyRound, &self.round_ids),
        ] {
            match parse_ids(raw) {
                Some(ids) => targets.extend(ids.into_iter().map(|id| (kind, id))),
                None => e.add(field, "choice-invalid"),
            }
        }
        match (kind, visibility) {
            (Some(kind), Some(visibility)) if e.is_empty() => {
                Ok(KnowledgeDraft { kind, title, body, themes, phase, sectors, links, visibility, targets })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> KnowledgeForm {
        KnowledgeForm {
            kind: "experience".into(),
            title: "Buurtsportcoach in Dijkhoven".into(),
            body: "Wat we probeerden: **wekelijks** bewegen.".into(),
            themes: "Bewegen, eenzaamheid; bewegen ,  Jeugd".into(),
            phase: "develop_and_grow".into(),
            sectors: vec!["welfare".into(), "municipality".into(), "welfare".into()],
            links: "https://example.nl/verslag\n\n  http://example.nl/a  \n".into(),
            visibility: String::new(),
            project_ids: vec!["3".into(), "3".into()],
            meeting_ids: vec![" 5 ".into()],
            round_ids: Vec::new(),
        }
    }

    #[test]
    fn a_good_form_becomes_a_draft_with_tidy_lists() {
        let d = form().validate().unwrap();
        assert_eq!(d.kind, KnowledgeKind::Experience);
        assert_eq!(d.themes, vec!["Bewegen", "eenzaamheid", "Jeugd"]);
        assert_eq!(d.sectors, vec![Sector::Welfare, Sector::Municipality]);
        assert_eq!(d.links, vec!["https://example.nl/verslag", "http://example.nl/a"]);
        assert_eq!(d.visibility, KnowledgeVisibility::Network, "private to the network unless chosen otherwise");
        assert_eq!(d.phase, Some(Phase::DevelopAndGrow));
        assert_eq!(d.targets, vec![(KnowledgeLinkKind::Project, 3), (KnowledgeLinkKind::Meeting, 5)]);
    }

    #[test]
    fn questions_need_text_and_answers_a_question_id() {
        let q = KnowledgeQuestionForm { body: "  Hoe vonden jullie vrijwilligers?  ".into(), parent_id: String::new() };
        assert_eq!(q.validate().unwrap(), ("Hoe vonden jullie vrijwilligers?".to_string(), None));
        let a = KnowledgeQuestionForm { body: "Via de buurtkrant.".into(), parent_id: "12".into() };
        assert_eq!(a.validate().unwrap().1, Some(12));
        let bad = KnowledgeQuestionForm { body: "x".repeat(MAX_QUESTION + 1), parent_id: "twaalf".into() };
        let e = bad.validate().unwrap_err();
        assert!(e.for_field("body").is_some() && e.for_field("parentId").is_some(), "{e:?}");
        assert!(KnowledgeQuestionForm::default().validate().unwrap_err().for_field("body").is_some());
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let bad = KnowledgeForm {
            kind: "gossip".into(),
            title: " ".into(),
            themes: (0..9).map(|i| format!("thema {i}")).collect::<Vec<_>>().join(","),
            phase: "someday".into(),
            sectors: vec!["bakery".into()],
            links: "javascript:alert(1)".into(),
            visibility: "public".into(),
            project_ids: vec!["drie".into()],
            ..form()
        };
        let e = bad.validate().unwrap_err();
        for field in ["kind", "title", "themes", "phase", "sectors", "links", "visibility", "projectIds"] {
            assert!(e.for_field(field).is_some(), "{field}: {e:?}");
        }
    }
}
