//! A stemming token filter that remembers its stems.
//!
//! Words follow Zipf's law: a few hundred distinct words make up most of any
//! text, so most tokens were stemmed before. A lookup costs a fraction of a
//! Snowball run, and every text is stemmed twice (Dutch and English), which
//! made stemming the largest part of indexing after the postings themselves.

use std::collections::HashMap;

use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Past this many distinct words the cache starts over, bounding its memory
/// (a few MB) on texts with endless distinct tokens.
const MAX_ENTRIES: usize = 100_000;

/// Stems like tantivy's [`Stemmer`] (tokens lowercased beforehand), with a
/// cache per tokenizer instance (tantivy clones one per field and segment).
#[derive(Clone)]
pub(crate) struct CachedStemmer {
    language: Language,
}

impl CachedStemmer {
    pub fn new(language: Language) -> Self {
        CachedStemmer { language }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stemmer: TextAnalyzer::builder(RawTokenizer::default()).filter(Stemmer::new(self.language)).build(),
            cache: HashMap::new(),
        }
    }
}

pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    /// Stems one whole token.
    stemmer: TextAnalyzer,
    cache: HashMap<String, String>,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    /// A clone starts with an empty cache: clones go to other threads and
    /// segments, and copying a full cache would cost more than it saves.
    fn clone(&self) -> Self {
        CachedStemmerFilter { inner: self.inner.clone(), stemmer: self.stemmer.clone(), cache: HashMap::new() }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream { tail: self.inner.token_stream(text), stemmer: &mut self.stemmer, cache: &mut self.cache }
    }
}

pub(crate) struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: &'a mut TextAnalyzer,
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
        let stem = self.stemmer.token_stream(&token.text).next().map(|t| t.text.clone());
        if let Some(stem) = stem {
            if self.cache.len() >= MAX_ENTRIES {
                self.cache.clear();
            }
            self.cache.insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        }
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
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn stems(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = analyzer.token_stream(text);
        while let Some(t) = s.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn stems_like_the_plain_stemmer_also_when_cached() {
        let text = "Samenwerkingen en samenwerking; samenwerkingen gefinancierd, partnerships partnerships";
        for language in [Language::Dutch, Language::English] {
            let mut plain = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(Stemmer::new(language)).build();
            let mut cached =
                TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(CachedStemmer::new(language)).build();
            let expected = stems(&mut plain, text);
            assert_eq!(stems(&mut cached, text), expected);
            assert_eq!(stems(&mut cached, text), expected, "second pass, from the cache");
            assert_eq!(stems(&mut cached.clone(), text), expected);
        }
    }
}
