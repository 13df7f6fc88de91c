//! The network itself, its shared ambition, measurable goals, and the
//! interests partners bring.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{optional_count, optional_date, optional_text, required_code, required_text, ValidationErrors};
use crate::Phase;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct NetworkForm {
    pub name: String,
    pub region: String,
    pub inhabitants: String,
    /// Comma-separated domains, e.g. "gezondheid, wonen, werk".
    pub domains: String,
    pub governance: String,
    pub phase: String,
    pub start_date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkDraft {
    pub name: String,
    pub region: Option<String>,
    pub inhabitants: Option<i64>,
    pub domains: Vec<String>,
    pub governance: Option<String>,
    pub phase: Phase,
    pub start_date: Option<NaiveDate>,
}

impl NetworkForm {
    pub fn validate(&self) -> Result<NetworkDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let name = required_text(&mut e, "name", &self.name, 200);
        let region = optional_text(&mut e, "region", &self.region, 200);
        let inhabitants = optional_count(&mut e, "inhabitants", &self.inhabitants);
        let domains = split_list(&self.domains);
        let governance = optional_text(&mut e, "governance", &self.governance, 4000);
        let phase_raw = if self.phase.trim().is_empty() { "build_up" } else { self.phase.as_str() };
        let phase = required_code(&mut e, "phase", phase_raw, Phase::parse);
        let start_date = optional_date(&mut e, "startDate", &self.start_date);
        match phase {
            Some(phase) if e.is_empty() => Ok(NetworkDraft { name, region, inhabitants, domains, governance, phase, start_date }),
            _ => Err(e),
        }
    }
}

/// Splits a comma- or semicolon-separated list, trimmed, without empties or repeats.
pub fn split_list(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(part)) {
            out.push(part.to_string());
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    pub id: i64,
    pub name: String,
    pub region: Option<String>,
    pub inhabitants: Option<i64>,
    pub domains: Vec<String>,
    pub governance: Option<String>,
    pub phase: Phase,
    #[schema(value_type = Option<String>, format = Date)]
    pub start_date: Option<NaiveDate>,
    /// The shared ambition (*stip op de horizon*); empty until written.
    pub ambition: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AmbitionForm {
    pub statement: String,
}

impl AmbitionForm {
    pub fn validate(&self) -> Result<String, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let s = required_text(&mut e, "statement", &self.statement, 4000);
        e.finish(s)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct GoalForm {
    pub title: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub target_date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalDraft {
    pub title: String,
    pub indicator: String,
    pub baseline: Option<String>,
    pub target: String,
    pub target_date: Option<NaiveDate>,
}

impl GoalForm {
    /// A goal is measurable: it needs an indicator and a target.
    pub fn validate(&self) -> Result<GoalDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = required_text(&mut e, "title", &self.title, 300);
        let indicator = required_text(&mut e, "indicator", &self.indicator, 500);
        let baseline = optional_text(&mut e, "baseline", &self.baseline, 200);
        let target = required_text(&mut e, "target", &self.target, 200);
        let target_date = optional_date(&mut e, "targetDate", &self.target_date);
        e.finish(GoalDraft { title, indicator, baseline, target, target_date })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub indicator: String,
    pub baseline: Option<String>,
    pub target: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub target_date: Option<NaiveDate>,
    pub archived: bool,
}

impl Goal {
    pub fn to_form(&self) -> GoalForm {
        GoalForm {
            title: self.title.clone(),
            indicator: self.indicator.clone(),
            baseline: self.baseline.clone().unwrap_or_default(),
            target: self.target.clone(),
            target_date: self.target_date.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct InterestForm {
    pub organisation_id: String,
    pub description: String,
    pub goal_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InterestDraft {
    pub organisation_id: i64,
    pub description: String,
    pub goal_ids: Vec<i64>,
}

impl InterestForm {
    pub fn validate(&self) -> Result<InterestDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let organisation_id = match self.organisation_id.trim().parse::<i64>() {
            Ok(id) => id,
            Err(_) => {
                e.add("organisationId", "required");
                0
            }
        };
        let description = required_text(&mut e, "description", &self.description, 2000);
        let mut goal_ids = Vec::new();
        for raw in self.goal_ids.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
            match raw.parse::<i64>() {
                Ok(id) if !goal_ids.contains(&id) => goal_ids.push(id),
                Ok(_) => {}
                Err(_) => e.add("goalIds", "choice-invalid"),
            }
        }
        e.finish(InterestDraft { organisation_id, description, goal_ids })
    }
}

/// What a partner wants to get out of the network, and the goals it touches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interest {
    pub id: i64,
    pub network_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub description: String,
    pub goal_ids: Vec<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_defaults_to_build_up() {
        let f = NetworkForm {
            name: "Gezond Rivierenland".into(),
            inhabitants: "245.000".into(),
            domains: "zorg, welzijn; Zorg".into(),
            ..Default::default()
        };
        let d = f.validate().unwrap();
        assert_eq!(d.phase, Phase::BuildUp);
        assert_eq!(d.inhabitants, Some(245_000));
        assert_eq!(d.domains, vec!["zorg", "welzijn"]);
    }

    #[test]
    fn goal_must_be_measurable() {
        let e = GoalForm { title: "Minder eenzaamheid".into(), ..Default::default() }.validate().unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["indicator", "target"]);
    }

    #[test]
    fn interest_needs_partner_and_text() {
        let e = InterestForm { goal_ids: vec!["x".into()], ..Default::default() }.validate().unwrap_err();
        assert_eq!(e.0.len(), 3);
        let ok = InterestForm {
            organisation_id: "3".into(),
            description: "Minder zorgvraag".into(),
            goal_ids: vec!["1".into(), "1".into(), "2".into()],
        }
        .validate()
        .unwrap();
        assert_eq!(ok.goal_ids, vec![1, 2]);
    }
}
