//! Partner organisations and their membership of a network.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{optional_date, optional_text, required_code, required_text, ValidationErrors};
use crate::{MembershipStatus, Ownership, Sector};

/// A Dutch Chamber of Commerce number: exactly eight digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KvkNumber(String);

impl KvkNumber {
    /// Accepts spaces and dots as people type them ("1234 5678"), nothing else.
    pub fn parse(raw: &str) -> Option<Self> {
        let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
        (digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit())).then_some(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a person typed into the partner form (or sent to the API), kept as
/// text so that it can be shown back unchanged when something is wrong.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct OrganisationForm {
    pub name: String,
    pub sector: String,
    pub ownership: String,
    pub kvk_number: String,
    pub website: String,
    pub description: String,
    pub membership_status: String,
    pub member_since: String,
}

/// A validated organisation with its membership of the network in context.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationDraft {
    pub name: String,
    pub sector: Sector,
    pub ownership: Ownership,
    pub kvk_number: Option<KvkNumber>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub membership_status: MembershipStatus,
    pub member_since: Option<NaiveDate>,
}

impl OrganisationForm {
    pub fn validate(&self) -> Result<OrganisationDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let name = required_text(&mut e, "name", &self.name, 200);
        let sector = required_code(&mut e, "sector", &self.sector, Sector::parse);
        let ownership = required_code(&mut e, "ownership", &self.ownership, Ownership::parse);
        let kvk_number = match self.kvk_number.trim() {
            "" => None,
            raw => {
                let parsed = KvkNumber::parse(raw);
                if parsed.is_none() {
                    e.add("kvkNumber", "kvk-invalid");
                }
                parsed
            }
        };
        let website = optional_text(&mut e, "website", &self.website, 300);
        if let Some(w) = &website {
            if !(w.starts_with("https://") || w.starts_with("http://")) {
                e.add("website", "url-invalid");
            }
        }
        let description = optional_text(&mut e, "description", &self.description, 4000);
        let status_raw = if self.membership_status.trim().is_empty() { "active" } else { self.membership_status.as_str() };
        let membership_status = required_code(&mut e, "membershipStatus", status_raw, MembershipStatus::parse);
        let member_since = optional_date(&mut e, "memberSince", &self.member_since);
        match (sector, ownership, membership_status) {
            (Some(sector), Some(ownership), Some(membership_status)) if e.is_empty() => {
                Ok(OrganisationDraft { name, sector, ownership, kvk_number, website, description, membership_status, member_since })
            }
            _ => Err(e),
        }
    }
}

/// A partner as seen in one network: the organisation and its membership.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    pub id: i64,
    pub network_id: i64,
    pub name: String,
    pub sector: Sector,
    pub ownership: Ownership,
    pub kvk_number: Option<String>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub membership_status: MembershipStatus,
    #[schema(value_type = Option<String>, format = Date)]
    pub member_since: Option<NaiveDate>,
    pub archived: bool,
    pub person_count: i64,
}

impl Partner {
    /// The form filled with this partner's current values, for editing.
    pub fn to_form(&self) -> OrganisationForm {
        OrganisationForm {
            name: self.name.clone(),
            sector: self.sector.code().into(),
            ownership: self.ownership.code().into(),
            kvk_number: self.kvk_number.clone().unwrap_or_default(),
            website: self.website.clone().unwrap_or_default(),
            description: self.description.clone().unwrap_or_default(),
            membership_status: self.membership_status.code().into(),
            member_since: self.member_since.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> OrganisationForm {
        OrganisationForm {
            name: "GGD Rivierenland".into(),
            sector: "public_health".into(),
            ownership: "public".into(),
            kvk_number: "1234 5678".into(),
            ..Default::default()
        }
    }

    #[test]
    fn valid_form_becomes_draft_with_defaults() {
        let d = form().validate().unwrap();
        assert_eq!(d.kvk_number.unwrap().as_str(), "12345678");
        assert_eq!(d.membership_status, MembershipStatus::Active);
        assert_eq!(d.sector, Sector::PublicHealth);
    }

    #[test]
    fn nine_digit_kvk_and_empty_name_are_both_reported() {
        let f = OrganisationForm { name: " ".into(), kvk_number: "123456789".into(), ..form() };
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("name").unwrap().code, "required");
        assert_eq!(e.for_field("kvkNumber").unwrap().code, "kvk-invalid");
        assert_eq!(e.0.len(), 2);
    }

    #[test]
    fn kvk_rejects_letters_and_short_numbers() {
        assert!(KvkNumber::parse("1234567a").is_none());
        assert!(KvkNumber::parse("1234567").is_none());
        assert!(KvkNumber::parse("12.34.56.78").is_some());
    }

    #[test]
    fn unknown_sector_and_bad_website() {
        let f = OrganisationForm { sector: "bakery".into(), website: "www.x.nl".into(), ..form() };
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("sector").unwrap().code, "choice-invalid");
        assert_eq!(e.for_field("website").unwrap().code, "url-invalid");
    }
}
