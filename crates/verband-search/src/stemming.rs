//! Stemming: which Snowball algorithm, and a cache of its results.
//!
//! Dutch uses the current Snowball Dutch stemmer (2024, which also maps
//! "organisaties" to "organisatie" and "evaluaties" to "evaluatie"), except
//! where it removes a "ge" prefix or infix: that step also makes
//! "begeleiding" "beleid", "gezondheid" "zon", "gemeente" "meen" and
//! "gewoon" "woon" (so "wonen" would find every "gewoon"). There the
//! classic Snowball Dutch stem is used, which keeps the "ge". The price:
//! "gefinancierd" no longer meets "financiering".
//!
//! Words follow Zipf's law: a few hundred distinct words make up most of any
//! text, so most tokens were stemmed before. A lookup costs a fraction of a
//! Snowball run, and every text is stemmed twice (Dutch and English), which
//! made stemming the largest part of indexing after the postings themselves.

use std::collections::HashMap;

use frostem::Algorithm;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Past this many distinct words the cache starts over, bounding its memory
/// (a few MB) on texts with endless distinct tokens.
const MAX_ENTRIES: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stemming {
    Dutch,
    English,
}

#[derive(Clone, Copy)]
struct Stemmers {
    main: frostem::Stemmer,
    /// Classic Dutch, for words where the main Dutch stemmer drops a "ge".
    keep_ge: Option<frostem::Stemmer>,
}

impl Stemmers {
    fn new(stemming: Stemming) -> Self {
        match stemming {
            Stemming::Dutch => {
                Stemmers { main: frostem::Stemmer::new(Algorithm::Dutch), keep_ge: Some(frostem::Stemmer::new(Algorithm::DutchPorter)) }
            }
            Stemming::English => Stemmers { main: frostem::Stemmer::new(Algorithm::English), keep_ge: None },
        }
    }

    /// The stem of a lowercased word.
    fn stem(&self, word: &str) -> String {
        let stem = self.main.stem(word);
        if let Some(classic) = self.keep_ge {
            let ge = |s: &str| s.matches("ge").count();
            if ge(&stem) < ge(word) {
                let kept = classic.stem(word);
                if ge(&kept) > ge(&stem) {
                    return kept.into_owned();
                }
            }
        }
        stem.into_owned()
    }
}

/// Stems lowercased tokens, with a cache per tokenizer instance (tantivy
/// clones one per field and segment).
#[derive(Clone, Copy)]
pub(crate) struct CachedStemmer {
    stemmers: Stemmers,
}

impl CachedStemmer {
    pub fn new(stemming: Stemming) -> Self {
        CachedStemmer { stemmers: Stemmers::new(stemming) }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer, stemmers: self.stemmers, cache: HashMap::new() }
    }
}

pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    stemmers: Stemmers,
    cache: HashMap<String, String>,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    /// A clone starts with an empty cache: clones go to other threads and
    /// segments, and copying a full cache would cost more than it saves.
    fn clone(&self) -> Self {
        CachedStemmerFilter { inner: self.inner.clone(), stemmers: self.stemmers, cache: HashMap::new() }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream { tail: self.inner.token_stream(text), stemmers: self.stemmers, cache: &mut self.cache }
    }
}

pub(crate) struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmers: Stemmers,
    cache: &'a mut HashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmers.stem(&token.text);
        if self.cache.len() >= MAX_ENTRIES {
            self.cache.clear();
        }
        self.cache.insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn stems(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = analyzer.token_stream(text);
        while let Some(t) = s.next() {
            out.push(t.text.clone());
        }
        out
    }

    fn dutch(word: &str) -> String {
        Stemmers::new(Stemming::Dutch).stem(word)
    }

    #[test]
    fn english_stems_like_tantivys_stemmer_also_when_cached() {
        let text = "Partnerships and partnership; funded funding, partnerships partnerships";
        let mut plain =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(Stemmer::new(Language::English)).build();
        let mut cached =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(CachedStemmer::new(Stemming::English)).build();
        let expected = stems(&mut plain, text);
        assert_eq!(stems(&mut cached, text), expected);
        assert_eq!(stems(&mut cached, text), expected, "second pass, from the cache");
        assert_eq!(stems(&mut cached.clone(), text), expected);
    }

    #[test]
    fn dutch_plurals_and_derivations_meet() {
        for (a, b) in [
            ("samenwerkingen", "samenwerking"),
            ("samenwerken", "samenwerking"),
            ("organisaties", "organisatie"),
            ("evaluaties", "evaluatie"),
            ("subsidies", "subsidie"),
            ("woningen", "woning"),
            ("gemeenten", "gemeente"),
            ("gezondheid", "gezond"),
        ] {
            assert_eq!(dutch(a), dutch(b), "{a} ~ {b}");
        }
    }

    #[test]
    fn dutch_ge_is_kept_so_unrelated_words_stay_apart() {
        for (a, b) in [("begeleiding", "beleid"), ("gewoon", "wonen"), ("gezondheid", "zon"), ("gemeente", "menen"), ("gezin", "zin")] {
            assert_ne!(dutch(a), dutch(b), "{a} ≁ {b}");
        }
        // The price: a participle no longer meets its noun.
        assert_ne!(dutch("gefinancierd"), dutch("financiering"));
    }
}
