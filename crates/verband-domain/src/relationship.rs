//! Relationships between partners (DOMAIN.md, Relationship), kept per
//! measurement round: what a coordinator enters by hand, what a network file
//! brings in, and later what a relationship survey reports.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::portfolio::parse_centi;
use crate::search_key;
use crate::validation::{optional_text, required_code, required_text, ValidationErrors};

code_enum!(
    /// What a tie between two partners consists of.
    RelationshipKind, "relationship-kind" {
        InformationExchange => "information_exchange",
        JointProject => "joint_project",
        ClientReferral => "client_referral",
        SharedFunding => "shared_funding",
        SharedStaff => "shared_staff",
        Other => "other",
    }
);

impl RelationshipKind {
    /// The kind a network file names, in its code or in plain Dutch or
    /// English; anything else is `Other`.
    pub fn from_file_text(raw: &str) -> RelationshipKind {
        let key = search_key(raw).replace(['-', '_'], " ");
        let key = key.trim();
        if let Some(k) = RelationshipKind::parse(&key.replace(' ', "_")) {
            return k;
        }
        const WORDS: &[(&str, RelationshipKind)] = &[
            ("informatie", RelationshipKind::InformationExchange),
            ("information", RelationshipKind::InformationExchange),
            ("project", RelationshipKind::JointProject),
            ("verwijz", RelationshipKind::ClientReferral),
            ("referral", RelationshipKind::ClientReferral),
            ("financ", RelationshipKind::SharedFunding),
            ("funding", RelationshipKind::SharedFunding),
            ("personeel", RelationshipKind::SharedStaff),
            ("staff", RelationshipKind::SharedStaff),
        ];
        WORDS.iter().find(|(w, _)| key.contains(w)).map(|(_, k)| *k).unwrap_or(RelationshipKind::Other)
    }
}

code_enum!(
    /// Where a round's relationships came from.
    RoundOrigin, "round-origin" {
        Manual => "manual",
        Import => "import",
        Survey => "survey",
    }
);

/// One measurement of the network's relationships.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipRound {
    pub id: i64,
    pub network_id: i64,
    pub label: String,
    #[schema(value_type = String, format = Date)]
    pub measured_on: NaiveDate,
    pub origin: RoundOrigin,
    /// A tie is one partner's report about another (surveys, directed files)
    /// rather than a bond that holds both ways.
    pub directed: bool,
    pub file_name: Option<String>,
    pub relationship_count: i64,
}

/// A tie between two partners in one round.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    pub id: i64,
    pub round_id: i64,
    pub source_id: i64,
    pub target_id: i64,
    pub kind: RelationshipKind,
    /// 1 (loose) to 5 (close) by hand; a file's weight as it came.
    pub strength_centi: i64,
    /// How the source rates the target, 1–4 (relationship survey scales).
    pub trust_centi: Option<i64>,
    pub value_centi: Option<i64>,
    pub note: Option<String>,
}

/// A checked relationship, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationshipDraft {
    pub source_id: i64,
    pub target_id: i64,
    pub kind: RelationshipKind,
    pub strength_centi: i64,
    pub trust_centi: Option<i64>,
    pub value_centi: Option<i64>,
    pub note: Option<String>,
}

/// The relationship form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct RelationshipForm {
    pub source_id: String,
    pub target_id: String,
    pub kind: String,
    pub strength: String,
    pub trust: String,
    pub value: String,
    pub note: String,
}

fn partner_id(e: &mut ValidationErrors, field: &str, raw: &str) -> i64 {
    let raw = raw.trim();
    if raw.is_empty() {
        e.add(field, "required");
        return 0;
    }
    match raw.parse::<i64>() {
        Ok(id) if id > 0 => id,
        _ => {
            e.add(field, "choice-invalid");
            0
        }
    }
}

/// A rating in `range` (whole units), hundredths allowed in between.
fn rating(e: &mut ValidationErrors, field: &str, raw: &str, range: std::ops::RangeInclusive<i64>, required: bool) -> Option<i64> {
    if raw.trim().is_empty() {
        if required {
            e.add(field, "required");
        }
        return None;
    }
    match parse_centi(raw) {
        Some(c) if (range.start() * 100..=range.end() * 100).contains(&c) => Some(c),
        Some(_) => {
            e.add(field, "number-out-of-range");
            None
        }
        None => {
            e.add(field, "number-invalid");
            None
        }
    }
}

impl RelationshipForm {
    /// Two different partners, a kind, a strength of 1 to 5, and trust and
    /// value of 1 to 4 when given. Whether the partners belong to the
    /// network is the service's check.
    pub fn validate(&self) -> Result<RelationshipDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let source_id = partner_id(&mut e, "sourceId", &self.source_id);
        let target_id = partner_id(&mut e, "targetId", &self.target_id);
        if source_id != 0 && source_id == target_id {
            e.add("targetId", "relationship-same-partner");
        }
        let kind = required_code(&mut e, "kind", &self.kind, RelationshipKind::parse);
        let strength_centi = rating(&mut e, "strength", &self.strength, 1..=5, true).unwrap_or(0);
        let trust_centi = rating(&mut e, "trust", &self.trust, 1..=4, false);
        let value_centi = rating(&mut e, "value", &self.value, 1..=4, false);
        let note = optional_text(&mut e, "note", &self.note, 500);
        e.finish(RelationshipDraft {
            source_id,
            target_id,
            kind: kind.unwrap_or(RelationshipKind::Other),
            strength_centi,
            trust_centi,
            value_centi,
            note,
        })
    }
}

/// A checked round, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundDraft {
    pub label: String,
    pub measured_on: NaiveDate,
    pub directed: bool,
    /// Copy the live relationships of this round into the new one.
    pub copy_from: Option<i64>,
}

/// The form that starts a new round by hand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct RoundForm {
    pub label: String,
    pub measured_on: String,
    /// "1" when ties are reports of one partner about another.
    pub directed: String,
    pub copy_from: String,
}

impl RoundForm {
    pub fn validate(&self) -> Result<RoundDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let label = required_text(&mut e, "label", &self.label, 120);
        let measured_on = match crate::validation::optional_date(&mut e, "measuredOn", &self.measured_on) {
            Some(d) => d,
            None => {
                if self.measured_on.trim().is_empty() {
                    e.add("measuredOn", "required");
                }
                NaiveDate::MIN
            }
        };
        let directed = matches!(self.directed.trim(), "1" | "on" | "true");
        let copy_from = match self.copy_from.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    e.add("copyFrom", "choice-invalid");
                    None
                }
            },
        };
        e.finish(RoundDraft { label, measured_on, directed, copy_from })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RelationshipForm {
        RelationshipForm {
            source_id: "3".into(),
            target_id: "4".into(),
            kind: "joint_project".into(),
            strength: "4".into(),
            trust: "3,5".into(),
            value: "".into(),
            note: " ".into(),
        }
    }

    #[test]
    fn a_valid_form_becomes_a_draft_in_hundredths() {
        let d = form().validate().unwrap();
        assert_eq!((d.source_id, d.target_id), (3, 4));
        assert_eq!(d.kind, RelationshipKind::JointProject);
        assert_eq!(d.strength_centi, 400);
        assert_eq!(d.trust_centi, Some(350));
        assert_eq!(d.value_centi, None);
        assert_eq!(d.note, None);
    }

    #[test]
    fn a_tie_needs_two_partners_a_kind_and_a_strength_in_range() {
        let f = RelationshipForm { target_id: "3".into(), kind: "friendship".into(), strength: "6".into(), trust: "0".into(), ..form() };
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("targetId").map(|x| x.code.as_str()), Some("relationship-same-partner"));
        assert_eq!(e.for_field("kind").map(|x| x.code.as_str()), Some("choice-invalid"));
        assert_eq!(e.for_field("strength").map(|x| x.code.as_str()), Some("number-out-of-range"));
        assert_eq!(e.for_field("trust").map(|x| x.code.as_str()), Some("number-out-of-range"));
        let empty = RelationshipForm::default().validate().unwrap_err();
        for field in ["sourceId", "targetId", "kind", "strength"] {
            assert_eq!(empty.for_field(field).map(|x| x.code.as_str()), Some("required"), "{field}");
        }
        assert!(empty.for_field("trust").is_none());
    }

    #[test]
    fn file_kinds_are_read_in_dutch_and_english() {
        assert_eq!(RelationshipKind::from_file_text("joint_project"), RelationshipKind::JointProject);
        assert_eq!(RelationshipKind::from_file_text("Informatie-uitwisseling"), RelationshipKind::InformationExchange);
        assert_eq!(RelationshipKind::from_file_text("Client referral"), RelationshipKind::ClientReferral);
        assert_eq!(RelationshipKind::from_file_text("Gedeelde financiering"), RelationshipKind::SharedFunding);
        assert_eq!(RelationshipKind::from_file_text("vriendschap"), RelationshipKind::Other);
    }

    #[test]
    fn a_round_needs_a_label_and_a_date() {
        let e = RoundForm::default().validate().unwrap_err();
        assert!(e.for_field("label").is_some());
        assert_eq!(e.for_field("measuredOn").map(|x| x.code.as_str()), Some("required"));
        let r = RoundForm { label: "Najaar".into(), measured_on: "2026-10-01".into(), directed: "1".into(), copy_from: "7".into() }
            .validate()
            .unwrap();
        assert!(r.directed);
        assert_eq!(r.copy_from, Some(7));
    }
}
