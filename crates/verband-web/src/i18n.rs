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

/// The text for `key` with arguments named at run time (messages that the
/// domain composes, such as the vitality explanations).
pub fn translate_named(lang: Language, key: &str, args: Vec<(String, FluentValue<'static>)>) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect();
    LOCALES.lookup_with_args(&langid(lang), key, &map)
}

/// Whether `key` exists in the catalogue for `lang` (used by the catalogue test).
pub fn has_key(lang: Language, key: &str) -> bool {
    // A message with a variable fails to format without it, and `try_lookup`
    // then answers `None` although the key exists: look it up with the
    // variables the catalogue's sentences use.
    let id = langid(lang);
    let args: HashMap<Cow<'static, str>, FluentValue> = [(Cow::Borrowed("object"), FluentValue::from(""))].into_iter().collect();
    LOCALES.try_lookup(&id, key).is_some() || LOCALES.try_lookup_with_args(&id, key, &args).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use verband_domain::knowledge::{KnowledgeKind, KnowledgeLinkKind, KnowledgeVisibility};
    use verband_domain::{MembershipStatus, NetworkRole, Ownership, PersonRole, Phase, Sector};

    fn codes() -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(Sector::ALL.iter().map(|c| c.label_key()));
        keys.extend(Ownership::ALL.iter().map(|c| c.label_key()));
        keys.extend(MembershipStatus::ALL.iter().map(|c| c.label_key()));
        keys.extend(Phase::ALL.iter().map(|c| c.label_key()));
        keys.extend(NetworkRole::ALL.iter().map(|c| c.label_key()));
        keys.extend(PersonRole::ALL.iter().map(|c| c.label_key()));
        keys.extend(KnowledgeKind::ALL.iter().map(|c| c.label_key()));
        keys.extend(KnowledgeVisibility::ALL.iter().map(|c| c.label_key()));
        keys.extend(KnowledgeLinkKind::ALL.iter().map(|c| c.label_key()));
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

    /// The message keys of every catalogue file of one language, by file name.
    fn catalogue(lang: &str) -> std::collections::BTreeMap<String, Vec<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
        let mut files = std::collections::BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let src = std::fs::read_to_string(&path).unwrap();
            let mut keys: Vec<String> = src
                .lines()
                .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && l.contains(" ="))
                .filter_map(|l| l.split(" =").next().map(str::to_string))
                .collect();
            keys.sort();
            files.insert(path.file_name().unwrap().to_string_lossy().into_owned(), keys);
        }
        files
    }

    #[test]
    fn both_catalogues_have_the_same_files_and_keys() {
        let nl = catalogue("nl");
        let en = catalogue("en");
        assert_eq!(nl.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>(), "the same .ftl files in nl and en");
        for (file, nl_keys) in &nl {
            let en_keys = &en[file];
            let only_nl: Vec<_> = nl_keys.iter().filter(|k| !en_keys.contains(k)).collect();
            let only_en: Vec<_> = en_keys.iter().filter(|k| !nl_keys.contains(k)).collect();
            assert!(only_nl.is_empty() && only_en.is_empty(), "{file}: only in nl: {only_nl:?}; only in en: {only_en:?}");
            let mut unique = nl_keys.clone();
            unique.dedup();
            assert_eq!(&unique, nl_keys, "{file} defines a key twice");
        }
        let mut all: Vec<&String> = nl.values().flatten().collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count, "a key is defined in two catalogue files");
    }

    #[test]
    fn arguments_are_filled_in() {
        let s = translate_args(Language::En, "list-count", &[("count", FluentValue::from(3))]);
        assert!(s.contains('3'), "{s}");
    }
}
