//! Invitations to a network and the first administrator: the forms people
//! fill in and the rules those forms follow. No I/O.

use serde::Deserialize;

use crate::validation::{is_plausible_email, optional_text, required_code, required_text};
use crate::{NetworkRole, ValidationErrors};

/// How long an invitation link stays valid.
pub const INVITATION_DAYS: i64 = 14;
/// At most this many addresses in one go: enough for a steering group and one
/// person per partner, small enough that one mistake does not mail hundreds.
pub const MAX_ADDRESSES_AT_ONCE: usize = 200;

/// "Invite people": addresses one per line (commas and semicolons too, as
/// people paste them from Outlook), a role, optionally the partner they represent.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct InvitationForm {
    /// One or more e-mail addresses, one per line.
    pub emails: String,
    /// coordinator, steering, member or advisor.
    pub role: String,
    /// Id of the partner (organisation) the invited people represent; empty for none.
    pub organisation_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InvitationDraft {
    pub emails: Vec<String>,
    pub role: NetworkRole,
    pub organisation_id: Option<i64>,
}

/// The addresses in a pasted text: split on lines, commas and semicolons,
/// `Name <address>` reduced to the address, lower-cased, duplicates dropped.
pub fn split_addresses(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split(['\n', '\r', ',', ';']) {
        let part = part.trim();
        let address = match (part.rfind('<'), part.rfind('>')) {
            (Some(open), Some(close)) if open < close => &part[open + 1..close],
            _ => part,
        };
        let address = address.trim().to_lowercase();
        if !address.is_empty() && !out.contains(&address) {
            out.push(address);
        }
    }
    out
}

/// A normalised e-mail address, or `None` when it is not plausible.
pub fn normalise_email(raw: &str) -> Option<String> {
    let address = raw.trim().to_lowercase();
    (address.chars().count() <= 254 && is_plausible_email(&address)).then_some(address)
}

impl InvitationForm {
    pub fn validate(&self) -> Result<InvitationDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let emails = split_addresses(&self.emails);
        if emails.is_empty() {
            e.add("emails", "required");
        } else if emails.len() > MAX_ADDRESSES_AT_ONCE {
            e.add("emails", "too-many-addresses");
        } else if emails.iter().any(|a| normalise_email(a).is_none()) {
            e.add("emails", "email-invalid");
        }
        let role = required_code(&mut e, "role", &self.role, NetworkRole::parse);
        let organisation_id = match self.organisation_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    e.add("organisationId", "choice-invalid");
                    None
                }
            },
        };
        let role = e.finish(role)?;
        let role = role.ok_or_else(|| ValidationErrors::single("role", "required"))?;
        Ok(InvitationDraft { emails, role, organisation_id })
    }
}

/// Where an invitation stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvitationState {
    Pending,
    Accepted,
    Withdrawn,
    Expired,
}

impl InvitationState {
    /// Accepted and withdrawn are final; otherwise the expiry decides.
    /// Times are RFC 3339 UTC text, which compares in time order.
    pub fn of(accepted_at: Option<&str>, withdrawn_at: Option<&str>, expires_at: &str, now: &str) -> InvitationState {
        if accepted_at.is_some() {
            InvitationState::Accepted
        } else if withdrawn_at.is_some() {
            InvitationState::Withdrawn
        } else if expires_at <= now {
            InvitationState::Expired
        } else {
            InvitationState::Pending
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            InvitationState::Pending => "pending",
            InvitationState::Accepted => "accepted",
            InvitationState::Withdrawn => "withdrawn",
            InvitationState::Expired => "expired",
        }
    }
}

/// A new account: on the first-administrator page and when a new person
/// accepts an invitation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AccountForm {
    pub display_name: String,
    pub username: String,
    pub email: String,
    pub password: String,
    /// The password typed a second time.
    pub password_again: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AccountDraft {
    pub display_name: String,
    pub username: String,
    pub email: Option<String>,
    pub password: String,
}

/// Letters, digits and `._-@`, lower case: easy to type, safe in a URL and a log.
pub fn is_valid_username(name: &str) -> bool {
    !name.is_empty() && name.len() <= 64 && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-@".contains(c))
}

impl AccountForm {
    /// Checks the form; the password's strength is checked by the caller with
    /// the deployment's password rules, which need the user name too.
    pub fn validate(&self, email_required: bool) -> Result<AccountDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let display_name = required_text(&mut e, "displayName", &self.display_name, 200);
        let username = self.username.trim().to_lowercase();
        if username.is_empty() {
            e.add("username", "required");
        } else if !is_valid_username(&username) {
            e.add("username", "username-invalid");
        }
        let email = match optional_text(&mut e, "email", &self.email, 254) {
            Some(raw) => match normalise_email(&raw) {
                Some(a) => Some(a),
                None => {
                    e.add("email", "email-invalid");
                    None
                }
            },
            None => {
                if email_required {
                    e.add("email", "required");
                }
                None
            }
        };
        if self.password.is_empty() {
            e.add("password", "required");
        } else if self.password != self.password_again {
            e.add("passwordAgain", "password-mismatch");
        }
        e.finish(AccountDraft { display_name, username, email, password: self.password.clone() })
    }
}

/// A user name made from an e-mail address for someone who did not choose
/// one: the part before the `@`, reduced to the allowed characters.
pub fn username_from_email(email: &str) -> String {
    // "anna+verband@x.nl" is Anna's address with a tag: the tag is no part of her name.
    let local = email.split('@').next().unwrap_or_default().split('+').next().unwrap_or_default().to_lowercase();
    let name: String = local.chars().filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(*c)).take(48).collect();
    if name.is_empty() {
        "gebruiker".to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_split_normalised_and_deduplicated() {
        let got = split_addresses("Anna <Anna@Gemeente.nl>; piet@ggd.nl\n\n piet@ggd.nl ,kees@school.nl\r\n");
        assert_eq!(got, vec!["anna@gemeente.nl", "piet@ggd.nl", "kees@school.nl"]);
    }

    #[test]
    fn invitation_form_names_every_problem() {
        let f = InvitationForm { emails: "goed@example.nl\nniet-goed".into(), role: "boss".into(), organisation_id: "x".into() };
        let e = f.validate().unwrap_err();
        assert!(e.for_field("emails").is_some());
        assert!(e.for_field("role").is_some());
        assert!(e.for_field("organisationId").is_some());
        let ok = InvitationForm { emails: "a@b.nl".into(), role: "member".into(), organisation_id: "7".into() }.validate().unwrap();
        assert_eq!(ok, InvitationDraft { emails: vec!["a@b.nl".into()], role: NetworkRole::Member, organisation_id: Some(7) });
    }

    #[test]
    fn too_many_addresses_are_refused() {
        let many: Vec<String> = (0..=MAX_ADDRESSES_AT_ONCE).map(|i| format!("p{i}@example.nl")).collect();
        let f = InvitationForm { emails: many.join("\n"), role: "member".into(), organisation_id: String::new() };
        assert_eq!(f.validate().unwrap_err().for_field("emails").map(|x| x.code.as_str()), Some("too-many-addresses"));
    }

    #[test]
    fn state_follows_acceptance_withdrawal_and_expiry() {
        let now = "2026-12-07T10:00:00Z";
        assert_eq!(InvitationState::of(None, None, "2026-12-08T00:00:00Z", now), InvitationState::Pending);
        assert_eq!(InvitationState::of(None, None, "2026-12-07T10:00:00Z", now), InvitationState::Expired);
        assert_eq!(InvitationState::of(Some(now), None, "2026-12-01T00:00:00Z", now), InvitationState::Accepted);
        assert_eq!(InvitationState::of(None, Some(now), "2026-12-08T00:00:00Z", now), InvitationState::Withdrawn);
    }

    #[test]
    fn account_form_checks_names_and_the_repeated_password() {
        let f = AccountForm {
            display_name: " ".into(),
            username: "Anna Jansen".into(),
            email: "nope".into(),
            password: "een lange zin".into(),
            password_again: "een andere zin".into(),
        };
        let e = f.validate(true).unwrap_err();
        for field in ["displayName", "username", "email", "passwordAgain"] {
            assert!(e.for_field(field).is_some(), "{field}");
        }
        assert_eq!(username_from_email("Anna.Jansen+verband@gemeente.nl"), "anna.jansen");
        assert_eq!(username_from_email("@x.nl"), "gebruiker");
    }
}
