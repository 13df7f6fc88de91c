//! The phase checklist: the building blocks of the three phases, each with
//! a status, an owner and evidence, and progress per phase.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{optional_text, required_code, ValidationErrors};
use crate::{BuildingBlock, ChecklistStatus, EvidenceKind, Phase};

use BuildingBlock::*;

const BUILD_UP: &[BuildingBlock] =
    &[FormAroundGoal, SharedPromise, RightPartners, ExplicitInterests, CapacityAndMoney, RolesAndTasks, OutOfScope, InternalSupport];
const DEVELOP_AND_GROW: &[BuildingBlock] =
    &[ProcessExpertise, WrittenProcess, KeepLearning, LinkOtherNetworks, KeepMomentum, ContactAndEnergy, PoliticalAgenda];
const SUSTAINABLE_IMPACT: &[BuildingBlock] = &[ScaleUp, ShowAddedValue, SettleGovernance, StructuralFunding, NewAmbition];

impl BuildingBlock {
    /// The building blocks of one phase, in checklist order.
    pub fn of_phase(phase: Phase) -> &'static [BuildingBlock] {
        match phase {
            Phase::BuildUp => BUILD_UP,
            Phase::DevelopAndGrow => DEVELOP_AND_GROW,
            Phase::SustainableImpact => SUSTAINABLE_IMPACT,
        }
    }

    pub fn phase(self) -> Phase {
        Phase::ALL.iter().copied().find(|p| Self::of_phase(*p).contains(&self)).unwrap_or(Phase::BuildUp)
    }

    /// Catalogue key of the one-sentence explanation shown under the label.
    pub fn help_key(self) -> String {
        format!("{}-help", self.label_key())
    }
}

/// What shows that a building block is in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The agreement, meeting, project or knowledge item; `None` for a document link.
    pub object_id: Option<i64>,
    /// The document's address; `None` for objects in Verband.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub network_id: i64,
    pub block: BuildingBlock,
    pub status: ChecklistStatus,
    pub owner_person_id: Option<i64>,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub updated_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct ChecklistItemForm {
    pub status: String,
    pub owner_person_id: String,
    /// One per entry: `agreement:12`, `meeting:4`, `project:7`,
    /// `knowledge_item:3`, or a web address for a document.
    pub evidence: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItemDraft {
    pub status: ChecklistStatus,
    pub owner_person_id: Option<i64>,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
}

impl ChecklistItemForm {
    pub fn validate(&self) -> Result<ChecklistItemDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let status_raw = if self.status.trim().is_empty() { "open" } else { self.status.as_str() };
        let status = required_code(&mut e, "status", status_raw, ChecklistStatus::parse);
        let owner_person_id = match self.owner_person_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    e.add("ownerPersonId", "choice-invalid");
                    None
                }
            },
        };
        let mut evidence: Vec<Evidence> = Vec::new();
        for raw in self.evidence.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            match parse_evidence(raw) {
                Some(ev) if !evidence.contains(&ev) => evidence.push(ev),
                Some(_) => {}
                None => {
                    if e.for_field("evidence").is_none() {
                        e.add("evidence", "evidence-invalid");
                    }
                }
            }
        }
        let note = optional_text(&mut e, "note", &self.note, 2000);
        match status {
            Some(status) if e.is_empty() => Ok(ChecklistItemDraft { status, owner_person_id, evidence, note }),
            _ => Err(e),
        }
    }
}

fn parse_evidence(raw: &str) -> Option<Evidence> {
    if raw.starts_with("https://") || raw.starts_with("http://") {
        if raw.len() > 500 || raw.chars().any(char::is_whitespace) {
            return None;
        }
        return Some(Evidence { kind: EvidenceKind::Document, object_id: None, url: Some(raw.to_string()) });
    }
    let (kind, id) = raw.split_once(':')?;
    let kind = EvidenceKind::parse(kind.trim()).filter(|k| *k != EvidenceKind::Document)?;
    let id = id.trim().parse::<i64>().ok().filter(|i| *i > 0)?;
    Some(Evidence { kind, object_id: Some(id), url: None })
}

impl Evidence {
    /// The form value this evidence came from.
    pub fn to_form_value(&self) -> String {
        match (&self.url, self.object_id) {
            (Some(url), _) => url.clone(),
            (None, Some(id)) => format!("{}:{id}", self.kind.code()),
            (None, None) => String::new(),
        }
    }
}

/// One line of the checklist: a building block and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistEntry {
    pub block: BuildingBlock,
    pub phase: Phase,
    pub status: ChecklistStatus,
    pub owner_person_id: Option<i64>,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
    /// Marked done but nothing shows it: worth a question in the core group.
    pub done_without_evidence: bool,
}

/// Every building block in checklist order; blocks nobody has touched are open.
pub fn checklist(items: &[ChecklistItem]) -> Vec<ChecklistEntry> {
    Phase::ALL
        .iter()
        .flat_map(|phase| BuildingBlock::of_phase(*phase).iter().map(move |b| (*phase, *b)))
        .map(|(phase, block)| match items.iter().find(|i| i.block == block) {
            Some(i) => ChecklistEntry {
                block,
                phase,
                status: i.status,
                owner_person_id: i.owner_person_id,
                evidence: i.evidence.clone(),
                note: i.note.clone(),
                done_without_evidence: i.status == ChecklistStatus::Done && i.evidence.is_empty(),
            },
            None => ChecklistEntry {
                block,
                phase,
                status: ChecklistStatus::Open,
                owner_person_id: None,
                evidence: Vec::new(),
                note: None,
                done_without_evidence: false,
            },
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseProgress {
    pub phase: Phase,
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub open: usize,
    pub not_applicable: usize,
    /// Done as a share of the blocks that apply, 0 to 100; `None` when none apply.
    pub percent_done: Option<u8>,
}

/// Progress per phase, in phase order. Blocks marked not applicable do not
/// count against the phase; work in progress is shown, not half-counted.
pub fn phase_progress(items: &[ChecklistItem]) -> Vec<PhaseProgress> {
    let entries = checklist(items);
    Phase::ALL
        .iter()
        .map(|phase| {
            let of_phase: Vec<&ChecklistEntry> = entries.iter().filter(|e| e.phase == *phase).collect();
            let count = |s: ChecklistStatus| of_phase.iter().filter(|e| e.status == s).count();
            let (done, in_progress, open, not_applicable) = (
                count(ChecklistStatus::Done),
                count(ChecklistStatus::InProgress),
                count(ChecklistStatus::Open),
                count(ChecklistStatus::NotApplicable),
            );
            let applicable = of_phase.len() - not_applicable;
            let percent_done = (applicable > 0).then(|| ((done as f64 / applicable as f64) * 100.0).round() as u8);
            PhaseProgress { phase: *phase, total: of_phase.len(), done, in_progress, open, not_applicable, percent_done }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(block: BuildingBlock, status: ChecklistStatus) -> ChecklistItem {
        ChecklistItem { network_id: 1, block, status, owner_person_id: None, evidence: Vec::new(), note: None, updated_on: None }
    }

    #[test]
    fn every_block_belongs_to_exactly_one_phase() {
        let mut all: Vec<BuildingBlock> = Phase::ALL.iter().flat_map(|p| BuildingBlock::of_phase(*p).iter().copied()).collect();
        assert_eq!(all.len(), BuildingBlock::ALL.len());
        assert_eq!(all, BuildingBlock::ALL, "checklist order follows the code list");
        all.dedup();
        assert_eq!(all.len(), 20);
        assert_eq!(OutOfScope.phase(), Phase::BuildUp);
        assert_eq!(PoliticalAgenda.phase(), Phase::DevelopAndGrow);
        assert_eq!(StructuralFunding.phase(), Phase::SustainableImpact);
        assert_eq!(StructuralFunding.help_key(), "block-structural_funding-help");
    }

    #[test]
    fn progress_counts_done_over_applicable_blocks() {
        let items = [
            item(FormAroundGoal, ChecklistStatus::Done),
            item(SharedPromise, ChecklistStatus::Done),
            item(RightPartners, ChecklistStatus::InProgress),
            item(OutOfScope, ChecklistStatus::NotApplicable),
            item(InternalSupport, ChecklistStatus::NotApplicable),
        ];
        let p = phase_progress(&items);
        assert_eq!(
            p[0],
            PhaseProgress { phase: Phase::BuildUp, total: 8, done: 2, in_progress: 1, open: 3, not_applicable: 2, percent_done: Some(33) }
        );
        assert_eq!((p[1].open, p[1].percent_done), (7, Some(0)));
        let all_na: Vec<ChecklistItem> = SUSTAINABLE_IMPACT.iter().map(|b| item(*b, ChecklistStatus::NotApplicable)).collect();
        assert_eq!(phase_progress(&all_na)[2].percent_done, None);
    }

    #[test]
    fn checklist_fills_untouched_blocks_and_flags_done_without_evidence() {
        let mut with_proof = item(SharedPromise, ChecklistStatus::Done);
        with_proof.evidence.push(Evidence { kind: EvidenceKind::Agreement, object_id: Some(4), url: None });
        let c = checklist(&[item(FormAroundGoal, ChecklistStatus::Done), with_proof]);
        assert_eq!(c.len(), 20);
        assert!(c[0].done_without_evidence);
        assert!(!c[1].done_without_evidence);
        assert_eq!((c[2].block, c[2].status), (RightPartners, ChecklistStatus::Open));
    }

    #[test]
    fn form_parses_evidence_and_defaults_to_open() {
        let f = ChecklistItemForm {
            evidence: vec!["agreement:4".into(), " https://intranet.example/verslag.pdf ".into(), "agreement:4".into(), "".into()],
            owner_person_id: "12".into(),
            ..Default::default()
        };
        let d = f.validate().unwrap();
        assert_eq!(d.status, ChecklistStatus::Open);
        assert_eq!(d.evidence.len(), 2);
        assert_eq!(d.evidence[0].to_form_value(), "agreement:4");
        assert_eq!(d.evidence[1].kind, EvidenceKind::Document);
        for bad in ["document:3", "meeting:x", "ftp://x", "lunch:1", "meeting:-1"] {
            let e = ChecklistItemForm { evidence: vec![bad.into()], ..Default::default() }.validate().unwrap_err();
            assert_eq!(e.for_field("evidence").unwrap().code, "evidence-invalid", "{bad}");
        }
        let e = ChecklistItemForm { status: "finished".into(), ..Default::default() }.validate().unwrap_err();
        assert_eq!(e.for_field("status").unwrap().code, "choice-invalid");
    }
}
