//! Field validation that collects every problem at once, so a form or an API
//! call can report all of them together.

use chrono::NaiveDate;
use serde::Serialize;

/// One invalid field. `code` names the problem; the web layer turns it into
/// a sentence via the catalogue key `error-<code>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn add(&mut self, field: &str, code: &str) {
        self.0.push(FieldError { field: field.to_string(), code: code.to_string() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    pub fn single(field: &str, code: &str) -> Self {
        let mut e = Self::default();
        e.add(field, code);
        e
    }

    /// `Ok(value)` when nothing was recorded, otherwise all recorded errors.
    pub fn finish<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|e| format!("{}: {}", e.field, e.code)).collect();
        write!(f, "{}", parts.join(", "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Trims and checks a required text of at most `max` characters.
pub fn required_text(errors: &mut ValidationErrors, field: &str, raw: &str, max: usize) -> String {
    let value = raw.trim().to_string();
    if value.is_empty() {
        errors.add(field, "required");
    } else if value.chars().count() > max {
        errors.add(field, "too-long");
    }
    value
}

/// Trims an optional text; empty becomes `None`.
pub fn optional_text(errors: &mut ValidationErrors, field: &str, raw: &str, max: usize) -> Option<String> {
    let value = raw.trim();
    if value.is_empty() {
        return None;
    }
    if value.chars().count() > max {
        errors.add(field, "too-long");
    }
    Some(value.to_string())
}

/// Parses an optional ISO date (`YYYY-MM-DD`, as an HTML date input sends it).
pub fn optional_date(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<NaiveDate> {
    let value = raw.trim();
    if value.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, "date-invalid");
            None
        }
    }
}

/// Parses an optional whole number that must not be negative.
pub fn optional_count(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<i64> {
    let value: String = raw.trim().chars().filter(|c| *c != '.' && *c != ' ' && *c != '_').collect();
    if value.is_empty() {
        return None;
    }
    match value.parse::<i64>() {
        Ok(n) if n >= 0 => Some(n),
        _ => {
            errors.add(field, "number-invalid");
            None
        }
    }
}

/// Parses a required code from a closed list.
pub fn required_code<T>(errors: &mut ValidationErrors, field: &str, raw: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
    let value = raw.trim();
    if value.is_empty() {
        errors.add(field, "required");
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        errors.add(field, "choice-invalid");
    }
    parsed
}

/// A plausible e-mail address: one `@`, something before it, a dot after it,
/// no spaces. Deliverability is the mail server's business.
pub fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_problem() {
        let mut e = ValidationErrors::default();
        required_text(&mut e, "name", "   ", 10);
        optional_date(&mut e, "since", "31-12-2024");
        optional_count(&mut e, "inhabitants", "-4");
        assert_eq!(e.0.len(), 3);
        assert_eq!(e.for_field("since").map(|f| f.code.as_str()), Some("date-invalid"));
    }

    #[test]
    fn counts_accept_dutch_thousand_separators() {
        let mut e = ValidationErrors::default();
        assert_eq!(optional_count(&mut e, "n", "245.000"), Some(245_000));
        assert!(e.is_empty());
    }

    #[test]
    fn email_plausibility() {
        assert!(is_plausible_email("a.jansen@gemeente-rivierstad.nl"));
        assert!(!is_plausible_email("a.jansen"));
        assert!(!is_plausible_email("a @b.nl"));
        assert!(!is_plausible_email("a@b"));
    }
}
