//! Contact persons (personal data: see "Privacy" in DOMAIN.md).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{is_plausible_email, optional_date, optional_text, required_text, ValidationErrors};
use crate::PersonRole;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct PersonForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Id of the partner organisation the person works for; empty for none.
    pub organisation_id: String,
    pub roles: Vec<String>,
    /// Where the data came from (AVG art. 14), e.g. "opgegeven door de GGD".
    pub data_source: String,
    /// When the person was told that the network holds their data.
    pub informed_on: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation_id: Option<i64>,
    pub roles: Vec<PersonRole>,
    pub data_source: String,
    pub informed_on: Option<NaiveDate>,
}

impl PersonForm {
    pub fn validate(&self, today: NaiveDate) -> Result<PersonDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let name = required_text(&mut e, "name", &self.name, 200);
        let email = optional_text(&mut e, "email", &self.email, 254).map(|m| m.to_lowercase());
        if let Some(m) = &email {
            if !is_plausible_email(m) {
                e.add("email", "email-invalid");
            }
        }
        let phone = optional_text(&mut e, "phone", &self.phone, 40);
        if let Some(p) = &phone {
            let ok = p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) && p.chars().filter(char::is_ascii_digit).count() >= 6;
            if !ok {
                e.add("phone", "phone-invalid");
            }
        }
        let organisation_id = match self.organisation_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    e.add("organisationId", "choice-invalid");
                    None
                }
            },
        };
        let mut roles = Vec::new();
        for raw in self.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            match PersonRole::parse(raw) {
                Some(r) if !roles.contains(&r) => roles.push(r),
                Some(_) => {}
                None => e.add("roles", "choice-invalid"),
            }
        }
        let data_source = required_text(&mut e, "dataSource", &self.data_source, 300);
        let informed_on = optional_date(&mut e, "informedOn", &self.informed_on);
        if informed_on.is_some_and(|d| d > today) {
            e.add("informedOn", "date-in-future");
        }
        e.finish(PersonDraft { name, email, phone, organisation_id, roles, data_source, informed_on })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    pub network_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub roles: Vec<PersonRole>,
    pub data_source: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub informed_on: Option<NaiveDate>,
    pub archived: bool,
}

impl Person {
    pub fn to_form(&self) -> PersonForm {
        PersonForm {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            organisation_id: self.organisation_id.map(|i| i.to_string()).unwrap_or_default(),
            roles: self.roles.iter().map(|r| r.code().to_string()).collect(),
            data_source: self.data_source.clone(),
            informed_on: self.informed_on.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn person_needs_name_and_source_and_a_sane_email() {
        let f = PersonForm { email: "not-an-address".into(), informed_on: "2030-01-01".into(), ..Default::default() };
        let e = f.validate(today()).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "dataSource", "informedOn"]);
    }

    #[test]
    fn roles_are_deduplicated_and_email_lowercased() {
        let f = PersonForm {
            name: "Fatima el Idrissi".into(),
            email: "F.elIdrissi@GGD.nl".into(),
            roles: vec!["project_lead".into(), "project_lead".into(), "civil_servant".into()],
            data_source: "Opgegeven door de GGD".into(),
            organisation_id: "4".into(),
            ..Default::default()
        };
        let d = f.validate(today()).unwrap();
        assert_eq!(d.email.as_deref(), Some("f.elidrissi@ggd.nl"));
        assert_eq!(d.roles, vec![PersonRole::ProjectLead, PersonRole::CivilServant]);
        assert_eq!(d.organisation_id, Some(4));
    }
}
