//! The rules a new password must meet, after NIST SP 800-63B (5.1.1.2):
//! long enough, no composition rules (no "one digit, one capital"), and not
//! common or guessable. Guessability is judged by zxcvbn, Dropbox's
//! estimator with its built-in dictionaries (common passwords, names, words,
//! keyboard patterns, dates, repeats and l33t substitutions), rather than a
//! hand-made list; see docs/decisions.md.

use crate::ValidationErrors;

/// At least this many characters (NIST asks 8 at the least; 12 leaves room
/// for passphrases and costs users little).
pub const MIN_PASSWORD_LENGTH: usize = 12;

/// At most this many characters: long enough for any passphrase or password
/// manager (NIST asks at least 64), short enough that hashing and the
/// estimator stay cheap.
pub const MAX_PASSWORD_LENGTH: usize = 256;

/// zxcvbn scores 0 to 4. Score 3 means "safely unguessable: moderate
/// protection from offline slow-hash scenario" (about 10^8 guesses or more
/// up to 10^10); 2 is only "somewhat guessable" (up to 10^8 guesses), which a
/// leaked argon2 hash does not hold for long. So 3 is the lowest we accept.
pub const MIN_STRENGTH_SCORE: u8 = 3;

/// How much of a password the estimator reads. Its matching grows faster
/// than the length; a password this long is not short of guesses anyway.
const ESTIMATED_CHARS: usize = 100;

/// Checks a password someone chooses. `context` holds what a guesser would
/// try first: the user name, the e-mail address, the display name. A
/// password that contains the user name or the e-mail address's local part
/// is refused outright; every context word also makes zxcvbn count it as
/// guessable. Errors are on the field `password`, with the codes
/// `password-too-short`, `password-too-long`, `password-contains-username`
/// and `password-common`.
pub fn check_new_password(password: &str, context: &[&str]) -> Result<(), ValidationErrors> {
    let field = "password";
    let length = password.chars().count();
    if length < MIN_PASSWORD_LENGTH {
        return Err(ValidationErrors::single(field, "password-too-short"));
    }
    if length > MAX_PASSWORD_LENGTH {
        return Err(ValidationErrors::single(field, "password-too-long"));
    }
    let lower = password.to_lowercase();
    let names: Vec<String> = context.iter().filter_map(|c| personal_word(c)).collect();
    if names.iter().any(|n| lower.contains(n.as_str())) {
        return Err(ValidationErrors::single(field, "password-contains-username"));
    }
    let estimated: String = password.chars().take(ESTIMATED_CHARS).collect();
    let mut inputs: Vec<&str> = context.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    inputs.extend(names.iter().map(String::as_str));
    inputs.extend(["verband"]);
    let score = u8::from(zxcvbn::zxcvbn(&estimated, &inputs).score());
    if score < MIN_STRENGTH_SCORE {
        return Err(ValidationErrors::single(field, "password-common"));
    }
    Ok(())
}

/// The part of a context value that must not appear in a password: a user
/// name as it is, an e-mail address's local part. Lower case; `None` when
/// too short to mean anything (a password may well contain "jo").
fn personal_word(value: &str) -> Option<String> {
    let value = value.trim().to_lowercase();
    let word = match value.split_once('@') {
        Some((local, _)) => local.to_string(),
        None => value,
    };
    (word.chars().count() >= 3).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(password: &str, context: &[&str]) -> Option<String> {
        check_new_password(password, context).err().and_then(|e| e.for_field("password").map(|f| f.code.clone()))
    }

    #[test]
    fn eleven_characters_are_too_few_twelve_may_do() {
        assert_eq!(code("q7#Lm2!vRx9", &[]).as_deref(), Some("password-too-short"));
        assert_eq!(code("q7#Lm2!vRx9w", &[]), None);
        // Characters, not bytes: twelve letters with accents are twelve.
        assert_ne!(code("ëïöüáéíóúàèì", &[]).as_deref(), Some("password-too-short"));
    }

    #[test]
    fn common_passwords_are_refused_even_when_long() {
        for p in ["password1234", "123456789012", "qwertyuiopas", "welkom123456", "aaaaaaaaaaaa", "Password123!"] {
            assert_eq!(code(p, &[]).as_deref(), Some("password-common"), "{p}");
        }
    }

    #[test]
    fn the_user_name_or_mail_name_inside_is_refused() {
        let ctx = ["sanne", "s.dewit@gezond-rivierenland.example"];
        assert_eq!(code("Xq-SANNE-lopt-7vw", &ctx).as_deref(), Some("password-contains-username"));
        assert_eq!(code("rood-s.dewit-kast-9", &ctx).as_deref(), Some("password-contains-username"));
        // The domain is not a name: a password may mention it.
        assert_eq!(code("fiets onder de brug bij de Waal", &ctx), None);
    }

    #[test]
    fn a_strong_passphrase_is_accepted() {
        assert_eq!(code("paarse olifant fietst naar Tiel", &["sanne"]), None);
        assert_eq!(code("correct horse battery staple", &[]), None);
    }

    #[test]
    fn no_composition_rules_and_no_cut_off() {
        // Only lower-case letters and spaces, yet long and uncommon: fine.
        assert_eq!(code("wolken boven de uiterwaarden", &[]), None);
        assert_eq!(code(&"x".repeat(MAX_PASSWORD_LENGTH + 1), &[]).as_deref(), Some("password-too-long"));
    }
}
