//! The text catalogue (Project Fluent), Dutch first, English second.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use verband_domain::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // Bidi isolation marks around arguments confuse copy-paste and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const LANGUAGES: &[Language] = &[Language::Nl, Language::En];

fn langid(lang: Language) -> LanguageIdentifier {
    match lang {
        Language::Nl => fluent_templates::langid!("nl"),
        Language::En => fluent_templates::langid!("en"),
    }
}

/// The text for `key` in `lang`.
pub fn translate(lang: Language, key: &str) -> String {
    LOCALES.lookup(&langid(lang), key)
}

/// The text for `key` with named arguments.
pub fn translate_args(lang: Language, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    LOCALES.lookup_with_args(&langid(lang), key, &map)
}

/// Whether `key` exists in the catalogue for `lang` (used by the catalogue test).
pub fn has_key(lang: Language, key: &str) -> bool {
    LOCALES.try_lookup(&langid(lang), key).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use verband_domain::{MembershipStatus, NetworkRole, Ownership, PersonRole, Phase, Sector};

    fn codes() -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(Sector::ALL.iter().map(|c| c.label_key()));
        keys.extend(Ownership::ALL.iter().map(|c| c.label_key()));
        keys.extend(MembershipStatus::ALL.iter().map(|c| c.label_key()));
        keys.extend(Phase::ALL.iter().map(|c| c.label_key()));
        keys.extend(NetworkRole::ALL.iter().map(|c| c.label_key()));
        keys.extend(PersonRole::ALL.iter().map(|c| c.label_key()));
        keys
    }

    #[test]
    fn every_code_has_a_label_in_both_languages() {
        for key in codes() {
            for lang in LANGUAGES {
                assert!(has_key(*lang, &key), "missing {key} in {lang}");
            }
        }
    }

    #[test]
    fn both_catalogues_have_the_same_keys() {
        let keys = |src: &str| -> Vec<String> {
            let mut k: Vec<String> = src
                .lines()
                .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && l.contains(" ="))
                .filter_map(|l| l.split(" =").next().map(str::to_string))
                .collect();
            k.sort();
            k
        };
        let nl = keys(include_str!("../locales/nl/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        let only_nl: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
        assert!(only_nl.is_empty() && only_en.is_empty(), "only in nl: {only_nl:?}; only in en: {only_en:?}");
    }

    #[test]
    fn arguments_are_filled_in() {
        let s = translate_args(Language::En, "list-count", &[("count", FluentValue::from(3))]);
        assert!(s.contains('3'), "{s}");
    }
}
