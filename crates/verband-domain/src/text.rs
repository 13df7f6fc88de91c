//! Text keys for searching and sorting that behave the same on every
//! database engine: SQLite's `LOWER` only knows ASCII, and collations differ
//! between PostgreSQL installations.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case without diacritics: "Één Zorg" → "een zorg", so that a search
/// for "een" or "één" finds it, and sorting puts it among the e's.
pub fn search_key(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::search_key;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(search_key("Stichting Één Zorg"), "stichting een zorg");
        assert_eq!(search_key("Coöperatie Huisartsen"), "cooperatie huisartsen");
        assert_eq!(search_key("ÇA"), "ca");
        assert_eq!(search_key("50%_x"), "50%_x");
    }
}
