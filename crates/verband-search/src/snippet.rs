//! Highlighting: which words of a text a query matched, and the fragment of
//! a long text that shows most of them.
//!
//! Done here rather than with tantivy's `SnippetGenerator` because a word
//! matches in three forms (Dutch stem, English stem, typo of the plain word)
//! and the generator knows one field's terms and nothing of fuzzy matches.

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::{edit_distance_within, Analyzers, QueryWord};

/// A text with the spans a query matched. The web layer can trust it: the
/// ranges are on character boundaries, and [`to_html`](Self::to_html)
/// escapes everything it does not mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlighted {
    pub text: String,
    /// Byte ranges into `text`, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
    /// The text is a fragment that starts after the beginning of the original.
    pub cut_before: bool,
    /// The fragment ends before the end of the original.
    pub cut_after: bool,
}

impl Highlighted {
    pub(crate) fn plain(text: String) -> Highlighted {
        Highlighted { text, highlights: Vec::new(), cut_before: false, cut_after: false }
    }

    /// HTML-escaped text with the matches in `<mark>`, and "…" where cut.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.highlights.len() + 8);
        if self.cut_before {
            out.push('…');
        }
        let mut at = 0;
        for r in &self.highlights {
            escape_into(&mut out, &self.text[at..r.start]);
            out.push_str("<mark>");
            escape_into(&mut out, &self.text[r.clone()]);
            out.push_str("</mark>");
            at = r.end;
        }
        escape_into(&mut out, &self.text[at..]);
        if self.cut_after {
            out.push('…');
        }
        out
    }

    /// The highlighted words themselves.
    pub fn marked(&self) -> Vec<&str> {
        self.highlights.iter().map(|r| &self.text[r.clone()]).collect()
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Fragments are about this long (bytes; a little less in characters).
const FRAGMENT_BYTES: usize = 220;
/// Context shown before the first match of a fragment.
const CONTEXT_BEFORE_BYTES: usize = 60;
/// Only the start of a very long text is searched for a fragment.
const SCAN_BYTES: usize = 32 * 1024;

pub(crate) struct Highlighter<'w> {
    words: &'w [QueryWord],
    analyzers: Analyzers,
    /// The query word each distinct token matches: texts repeat their words,
    /// and stemming every occurrence twice would cost more than the search.
    seen: HashMap<String, Option<usize>>,
}

struct Token {
    range: Range<usize>,
    /// Index of the query word it matches.
    word: Option<usize>,
}

/// Which query word a token (lowercased and folded) matches: equal
/// unstemmed, an equal Dutch or English stem, or within a typo's distance.
fn word_of(words: &[QueryWord], analyzers: &mut Analyzers, plain: &str) -> Option<usize> {
    // Stemming the folded form gives the stem of the original token: the
    // stemming analysers lowercase and fold first, and both are idempotent.
    let nl = Analyzers::single(&mut analyzers.dutch, plain);
    let en = Analyzers::single(&mut analyzers.english, plain);
    words.iter().position(|w| {
        w.plain == plain
            || nl.as_deref() == Some(w.dutch.as_str())
            || en.as_deref() == Some(w.english.as_str())
            || (w.fuzzy_distance > 0 && edit_distance_within(plain, &w.plain, w.fuzzy_distance).is_some())
            || (w.dutch_fuzzy_distance > 0
                && nl.as_deref().is_some_and(|nl| edit_distance_within(nl, &w.dutch, w.dutch_fuzzy_distance).is_some()))
    })
}

impl<'w> Highlighter<'w> {
    pub fn new(words: &'w [QueryWord], analyzers: &Analyzers) -> Self {
        Highlighter { words, analyzers: analyzers.clone(), seen: HashMap::new() }
    }

    fn tokens(&mut self, text: &str) -> Vec<Token> {
        let Highlighter { words, analyzers, seen } = self;
        let mut plain = analyzers.plain.clone();
        let mut stream = plain.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            let word = match seen.get(t.text.as_str()) {
                Some(w) => *w,
                None => {
                    let w = word_of(words, analyzers, &t.text);
                    seen.insert(t.text.clone(), w);
                    w
                }
            };
            out.push(Token { range: t.offset_from..t.offset_to, word });
        }
        out
    }

    /// The whole text with its matches (for titles).
    pub fn whole(&mut self, text: &str) -> Highlighted {
        let highlights = self.tokens(text).into_iter().filter(|t| t.word.is_some()).map(|t| t.range).collect();
        Highlighted { text: text.to_string(), highlights, cut_before: false, cut_after: false }
    }

    /// The fragment of `text` with the most distinct query words, or `None`
    /// when no word matches in it.
    pub fn fragment(&mut self, text: &str) -> Option<Highlighted> {
        let scanned = &text[..floor_char_boundary(text, SCAN_BYTES)];
        let tokens = self.tokens(scanned);
        let mut best: Option<(usize, usize, usize)> = None; // (score, first token, last token)
        for (anchor, t) in tokens.iter().enumerate() {
            if t.word.is_none() {
                continue;
            }
            let mut first = anchor;
            while first > 0 && t.range.start - tokens[first - 1].range.start <= CONTEXT_BEFORE_BYTES {
                first -= 1;
            }
            let start = tokens[first].range.start;
            let mut last = anchor;
            while last + 1 < tokens.len() && tokens[last + 1].range.end - start <= FRAGMENT_BYTES {
                last += 1;
            }
            let mut seen = vec![false; self.words.len()];
            let mut count = 0;
            for w in tokens[first..=last].iter().filter_map(|t| t.word) {
                seen[w] = true;
                count += 1;
            }
            let score = seen.iter().filter(|s| **s).count() * 1000 + count;
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, first, last));
            }
        }
        let (_, first, last) = best?;
        let start = if first == 0 { 0 } else { tokens[first].range.start };
        let end = if last + 1 == tokens.len() && scanned.len() == text.len() { text.len() } else { tokens[last].range.end };
        let highlights =
            tokens[first..=last].iter().filter(|t| t.word.is_some()).map(|t| t.range.start - start..t.range.end - start).collect();
        let fragment = &text[start..end];
        Some(Highlighted {
            text: fragment.to_string(),
            highlights,
            cut_before: !text[..start].trim().is_empty(),
            cut_after: !text[end..].trim().is_empty(),
        })
    }
}

/// The beginning of a text, for an item whose body did not match.
pub(crate) fn opening(text: &str) -> Highlighted {
    let mut end = floor_char_boundary(text, FRAGMENT_BYTES);
    if end < text.len() {
        // End at a word boundary when there is one.
        if let Some(space) = text[..end].rfind(char::is_whitespace) {
            end = space;
        }
    }
    let fragment = text[..end].trim_end();
    Highlighted {
        text: fragment.to_string(),
        highlights: Vec::new(),
        cut_before: false,
        cut_after: !text[fragment.len()..].trim().is_empty(),
    }
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    let mut i = max;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<QueryWord> {
        Analyzers::new().query_words(q)
    }

    #[test]
    fn marks_stems_in_both_languages_and_typos() {
        let w = words("samenwerkingen partnerships finanicering");
        let mut h = Highlighter::new(&w, &Analyzers::new());
        let t = h.whole("Samenwerking en partnership: de financiering <b>rond</b>");
        assert_eq!(t.marked(), ["Samenwerking", "partnership", "financiering"]);
        assert_eq!(
            t.to_html(),
            "<mark>Samenwerking</mark> en <mark>partnership</mark>: de <mark>financiering</mark> &lt;b&gt;rond&lt;/b&gt;"
        );
    }

    #[test]
    fn the_fragment_with_most_distinct_words_wins() {
        let w = words("wijkteam huisarts");
        let mut h = Highlighter::new(&w, &Analyzers::new());
        let filler = "tekst ".repeat(60);
        let text = format!("Het wijkteam begon. {filler} Daarna sprak het wijkteam met de huisarts. {filler}");
        let f = h.fragment(&text).expect("a fragment");
        assert_eq!(f.marked(), ["wijkteam", "huisarts"]);
        assert!(f.cut_before && f.cut_after);
        assert!(f.text.len() <= FRAGMENT_BYTES);
        assert!(f.to_html().starts_with('…') && f.to_html().ends_with('…'));
    }

    #[test]
    fn no_fragment_without_a_match_and_openings_cut_at_a_word() {
        let w = words("mantelzorg");
        let mut h = Highlighter::new(&w, &Analyzers::new());
        assert!(h.fragment("niets hierover").is_none());
        let long = "woord ".repeat(100);
        let o = opening(&long);
        assert!(o.text.ends_with("woord") && o.cut_after && o.highlights.is_empty());
        let short = opening("kort");
        assert_eq!((short.text.as_str(), short.cut_after), ("kort", false));
    }

    #[test]
    fn multibyte_text_is_cut_on_character_boundaries() {
        let w = words("coördinatie");
        let mut h = Highlighter::new(&w, &Analyzers::new());
        let text = format!("{} coördinatie {}", "één ".repeat(80), "ëë ".repeat(80));
        let f = h.fragment(&text).expect("a fragment");
        assert_eq!(f.marked(), ["coördinatie"]);
    }
}
