//! Starting a round: its name, deadline, reminders, anonymity threshold and
//! who is asked (persons picked one by one, or by role, body or partner).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{optional_date, required_text, ValidationErrors};
use crate::PersonRole;

/// The smallest group a figure may describe; lower would identify people.
pub const MIN_THRESHOLD: i64 = 3;
pub const DEFAULT_THRESHOLD: i64 = 3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct SurveyRoundForm {
    pub label: String,
    pub deadline: String,
    /// Remind who has not finished every this many days; empty: no reminders.
    pub reminder_days: String,
    pub threshold: String,
    pub persons: Vec<String>,
    pub roles: Vec<String>,
    pub bodies: Vec<String>,
    pub partners: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRoundDraft {
    pub label: String,
    pub deadline: NaiveDate,
    pub reminder_days: Option<i64>,
    pub threshold: i64,
    pub persons: Vec<i64>,
    pub roles: Vec<PersonRole>,
    pub bodies: Vec<i64>,
    pub partners: Vec<i64>,
}

fn ids(e: &mut ValidationErrors, field: &str, raw: &[String]) -> Vec<i64> {
    let mut out = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        match r.parse::<i64>() {
            Ok(id) if !out.contains(&id) => out.push(id),
            Ok(_) => {}
            Err(_) => e.add(field, "choice-invalid"),
        }
    }
    out
}

impl SurveyRoundForm {
    pub fn validate(&self, today: NaiveDate) -> Result<SurveyRoundDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let label = required_text(&mut e, "label", &self.label, 200);
        let deadline = optional_date(&mut e, "deadline", &self.deadline);
        if deadline.is_none() && e.for_field("deadline").is_none() {
            e.add("deadline", "required");
        }
        if deadline.is_some_and(|d| d < today) {
            e.add("deadline", "date-in-past");
        }
        let reminder_days = match self.reminder_days.trim() {
            "" | "0" => None,
            raw => match raw.parse::<i64>() {
                Ok(n) if (1..=60).contains(&n) => Some(n),
                _ => {
                    e.add("reminderDays", "reminder-days-range");
                    None
                }
            },
        };
        let threshold = match self.threshold.trim() {
            "" => DEFAULT_THRESHOLD,
            raw => match raw.parse::<i64>() {
                Ok(n) if (MIN_THRESHOLD..=100).contains(&n) => n,
                _ => {
                    e.add("threshold", "threshold-range");
                    DEFAULT_THRESHOLD
                }
            },
        };
        let persons = ids(&mut e, "persons", &self.persons);
        let bodies = ids(&mut e, "bodies", &self.bodies);
        let partners = ids(&mut e, "partners", &self.partners);
        let mut roles = Vec::new();
        for r in self.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            match PersonRole::parse(r) {
                Some(role) if !roles.contains(&role) => roles.push(role),
                Some(_) => {}
                None => e.add("roles", "choice-invalid"),
            }
        }
        if persons.is_empty() && bodies.is_empty() && partners.is_empty() && roles.is_empty() {
            e.add("persons", "respondents-none");
        }
        e.finish(SurveyRoundDraft {
            label,
            deadline: deadline.unwrap_or(today),
            reminder_days,
            threshold,
            persons,
            roles,
            bodies,
            partners,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_round_needs_a_name_a_future_deadline_and_someone_to_ask() {
        let e = SurveyRoundForm { deadline: "2026-01-01".into(), threshold: "2".into(), ..Default::default() }
            .validate(day("2026-02-01"))
            .unwrap_err();
        for (f, c) in
            [("label", "required"), ("deadline", "date-in-past"), ("threshold", "threshold-range"), ("persons", "respondents-none")]
        {
            assert_eq!(e.for_field(f).map(|x| x.code.as_str()), Some(c), "{f}");
        }
        let d = SurveyRoundForm {
            label: "Voorjaar".into(),
            deadline: "2026-03-01".into(),
            reminder_days: "7".into(),
            roles: vec!["steering_group_member".into()],
            persons: vec!["4".into(), "4".into()],
            ..Default::default()
        }
        .validate(day("2026-02-01"))
        .unwrap();
        assert_eq!(d.threshold, 3);
        assert_eq!(d.reminder_days, Some(7));
        assert_eq!(d.persons, vec![4]);
        assert_eq!(d.roles, vec![PersonRole::SteeringGroupMember]);
    }
}
