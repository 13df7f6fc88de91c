//! Text analysis: how words become index terms, for indexing, queries and
//! highlighting alike.
//!
//! Every text field is indexed twice, once with a Dutch and once with an
//! English Snowball stemmer (see `stemming`), so one search box serves both languages without
//! guessing the language of an item or a query. A third, unstemmed form
//! ("plain") carries most of the typo tolerance: a typo changes how a
//! stemmer cuts a word, so edit distances are measured between unstemmed
//! words, and also between Dutch stems (for a typo in an inflected word).

use crate::stemming::{CachedStemmer, Stemming};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter, TextAnalyzer, TokenizerManager,
};

pub(crate) const DUTCH: &str = "verband_nl";
pub(crate) const ENGLISH: &str = "verband_en";
pub(crate) const PLAIN: &str = "verband_plain";

/// Longer tokens are not words (hashes, URLs run together) and would only
/// bloat the dictionary.
const MAX_TOKEN_BYTES: usize = 40;
/// More words than this in one query are ignored: every word is a required
/// clause, and a pasted paragraph should not make a slow query.
pub(crate) const MAX_QUERY_WORDS: usize = 10;

/// The shared first steps. Lowercase, then fold diacritics, so "Coördinator"
/// and "coordinator" meet; the same steps in all three analysers keep their
/// tokens and offsets aligned, which highlighting relies on. A macro rather
/// than a function because the builder's type spells out every filter.
macro_rules! base {
    () => {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
    };
}

pub(crate) fn dutch() -> TextAnalyzer {
    base!().filter(CachedStemmer::new(Stemming::Dutch)).build()
}

pub(crate) fn english() -> TextAnalyzer {
    base!().filter(CachedStemmer::new(Stemming::English)).build()
}

pub(crate) fn plain() -> TextAnalyzer {
    base!().build()
}

/// Tokenizers are not stored in the index: every opened index gets them again.
pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(DUTCH, dutch());
    manager.register(ENGLISH, english());
    manager.register(PLAIN, plain());
}

/// The three analysers, kept together so queries and snippets need not
/// rebuild them.
#[derive(Clone)]
pub(crate) struct Analyzers {
    pub dutch: TextAnalyzer,
    pub english: TextAnalyzer,
    pub plain: TextAnalyzer,
    stop: TextAnalyzer,
}

impl Analyzers {
    pub fn new() -> Analyzers {
        let mut stop = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).dynamic();
        // Both lists ship with tantivy's `stopwords` feature; `None` would
        // only mean a language without a list, and both have one.
        if let Some(nl) = StopWordFilter::new(Language::Dutch) {
            stop = stop.filter_dynamic(nl);
        }
        if let Some(en) = StopWordFilter::new(Language::English) {
            stop = stop.filter_dynamic(en);
        }
        Analyzers { dutch: dutch(), english: english(), plain: plain(), stop: stop.build() }
    }

    /// All tokens of `text` as (byte range, term), in order.
    pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push((t.offset_from, t.offset_to, t.text.clone()));
        }
        out
    }

    /// The term of a single word, if the analyser keeps it.
    pub fn single(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
        let mut stream = analyzer.token_stream(word);
        stream.next().map(|t| t.text.clone())
    }

    fn is_stop_word(&mut self, word: &str) -> bool {
        Self::single(&mut self.stop, word).is_none()
    }

    /// The words of a search box, each with its Dutch and English term and
    /// the edit distance it tolerates. Stop words ("de", "van", "the") are
    /// left out unless the query has nothing else, because every word must
    /// match and an English item has no "de".
    pub fn query_words(&mut self, text: &str) -> Vec<QueryWord> {
        let mut words: Vec<(QueryWord, bool)> = Vec::new();
        for (from, to, plain) in Self::tokens(&mut self.plain, text) {
            let raw = &text[from..to];
            if words.iter().any(|(w, _)| w.plain == plain) {
                continue;
            }
            let (Some(dutch), Some(english)) = (Self::single(&mut self.dutch, raw), Self::single(&mut self.english, raw)) else {
                continue;
            };
            let stop = self.is_stop_word(raw);
            let word =
                QueryWord { fuzzy_distance: fuzzy_distance(&plain), dutch_fuzzy_distance: fuzzy_distance(&dutch), plain, dutch, english };
            words.push((word, stop));
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        if words.iter().all(|(_, stop)| *stop) {
            return words.into_iter().map(|(w, _)| w).collect();
        }
        words.into_iter().filter(|(_, stop)| !stop).map(|(w, _)| w).collect()
    }
}

/// One word of a query in its three forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QueryWord {
    /// Lowercased and folded, unstemmed: for typo matching.
    pub plain: String,
    pub dutch: String,
    pub english: String,
    /// Edits tolerated: 0 below 5 letters (too many short words are one edit
    /// apart), 1 from 5, 2 from 9.
    pub fuzzy_distance: u8,
    /// The same for the Dutch stem, matched against Dutch stems: a typo in
    /// an inflected word ("finanicering" for "gefinancierd") is near the
    /// stem but far from every unstemmed form.
    pub dutch_fuzzy_distance: u8,
}

fn fuzzy_distance(plain: &str) -> u8 {
    match plain.chars().count() {
        n if n >= 9 => 2,
        n if n >= 5 => 1,
        _ => 0,
    }
}

/// Optimal string alignment distance (Levenshtein plus adjacent
/// transpositions, as tantivy's fuzzy query with `transposition_cost_one`),
/// or `None` when above `max`. Used to highlight the words a fuzzy term
/// matched, which tantivy does not report.
pub(crate) fn edit_distance_within(a: &str, b: &str, max: u8) -> Option<u8> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(analyzer: &mut TextAnalyzer, word: &str) -> String {
        Analyzers::tokens(analyzer, word).into_iter().map(|t| t.2).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn diacritics_fold_before_stemming() {
        let mut a = Analyzers::new();
        assert_eq!(stem(&mut a.plain, "Coördinator"), "coordinator");
        assert_eq!(stem(&mut a.dutch, "coördinatoren"), stem(&mut a.dutch, "coordinatoren"));
    }

    #[test]
    fn query_words_drop_stop_words_unless_nothing_else_is_left() {
        let mut a = Analyzers::new();
        let words: Vec<String> = a.query_words("De samenwerking van de gemeente").into_iter().map(|w| w.plain).collect();
        assert_eq!(words, ["samenwerking", "gemeente"]);
        let words: Vec<String> = a.query_words("the who").into_iter().map(|w| w.plain).collect();
        assert_eq!(words, ["who"]);
        let words: Vec<String> = a.query_words("Van de").into_iter().map(|w| w.plain).collect();
        assert_eq!(words, ["van", "de"]);
    }

    #[test]
    fn query_words_are_deduplicated_and_limited() {
        let mut a = Analyzers::new();
        assert_eq!(a.query_words("zorg Zorg ZORG").len(), 1);
        let many = (0..30).map(|i| format!("woord{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(a.query_words(&many).len(), MAX_QUERY_WORDS);
        assert!(a.query_words("  ,.;!?  ").is_empty());
    }

    #[test]
    fn fuzzy_distance_grows_with_word_length() {
        let mut a = Analyzers::new();
        let d: Vec<(u8, u8)> =
            a.query_words("zorg wijkteam samenwerking").iter().map(|w| (w.fuzzy_distance, w.dutch_fuzzy_distance)).collect();
        // Stems: "zorg", "wijkteam", "samenwerk".
        assert_eq!(d, [(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one() {
        assert_eq!(edit_distance_within("finanicering", "financiering", 2), Some(1));
        assert_eq!(edit_distance_within("samenwerkng", "samenwerking", 1), Some(1));
        assert_eq!(edit_distance_within("kitten", "sitting", 2), None);
        assert_eq!(edit_distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(edit_distance_within("abc", "abc", 0), Some(0));
        assert_eq!(edit_distance_within("", "ab", 2), Some(2));
    }
}
