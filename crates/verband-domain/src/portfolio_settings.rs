//! What a coordinator tunes for the portfolio checks: the most active
//! projects one partner should carry, and how far ahead the funding cliff looks.

use serde::{Deserialize, Serialize};

use crate::coherence::CoherenceSettings;
use crate::funding::DEFAULT_CLIFF_HORIZON_MONTHS;
use crate::validation::ValidationErrors;

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioSettings {
    pub max_active_projects_per_partner: u32,
    pub cliff_horizon_months: u32,
}

impl Default for PortfolioSettings {
    fn default() -> Self {
        Self {
            max_active_projects_per_partner: CoherenceSettings::default().max_active_projects_per_partner as u32,
            cliff_horizon_months: DEFAULT_CLIFF_HORIZON_MONTHS,
        }
    }
}

impl PortfolioSettings {
    /// The coherence settings these stand for; the duplicate thresholds keep their defaults.
    pub fn coherence(&self) -> CoherenceSettings {
        CoherenceSettings { max_active_projects_per_partner: self.max_active_projects_per_partner as usize, ..Default::default() }
    }

    pub fn to_form(&self) -> PortfolioSettingsForm {
        PortfolioSettingsForm {
            max_active_projects_per_partner: self.max_active_projects_per_partner.to_string(),
            cliff_horizon_months: self.cliff_horizon_months.to_string(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct PortfolioSettingsForm {
    pub max_active_projects_per_partner: String,
    pub cliff_horizon_months: String,
}

fn whole_number(e: &mut ValidationErrors, field: &str, raw: &str, range: std::ops::RangeInclusive<u32>) -> u32 {
    match raw.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => n,
        Ok(_) => {
            e.add(field, "number-out-of-range");
            0
        }
        Err(_) => {
            e.add(field, if raw.trim().is_empty() { "required" } else { "number-invalid" });
            0
        }
    }
}

impl PortfolioSettingsForm {
    /// A limit of 1 to 50 projects, a horizon of 1 to 36 months.
    pub fn validate(&self) -> Result<PortfolioSettings, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let max_active_projects_per_partner =
            whole_number(&mut e, "maxActiveProjectsPerPartner", &self.max_active_projects_per_partner, 1..=50);
        let cliff_horizon_months = whole_number(&mut e, "cliffHorizonMonths", &self.cliff_horizon_months, 1..=36);
        e.finish(PortfolioSettings { max_active_projects_per_partner, cliff_horizon_months })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_through_the_form() {
        let s = PortfolioSettings::default();
        assert_eq!(s.to_form().validate(), Ok(s.clone()));
        assert_eq!(s.cliff_horizon_months, 6);
        assert_eq!(s.coherence().max_active_projects_per_partner, 5);
    }

    #[test]
    fn out_of_range_and_text_are_refused_per_field() {
        let f = PortfolioSettingsForm { max_active_projects_per_partner: "0".into(), cliff_horizon_months: "zes".into() };
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("maxActiveProjectsPerPartner").map(|e| e.code.as_str()), Some("number-out-of-range"));
        assert_eq!(e.for_field("cliffHorizonMonths").map(|e| e.code.as_str()), Some("number-invalid"));
    }
}
