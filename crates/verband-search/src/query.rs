//! Building tantivy queries: the words of the search box, the access scope
//! and the facet filters.

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::analysis::QueryWord;
use crate::doc::{Access, DocKind};
use crate::documents::facet;
use crate::error::Result;
use crate::schema::{entity_scope_term, knowledge_scope_term, Fields, Stemmed, TextFields, KNOWLEDGE_SHARED};

/// Field weights: a word in the title counts most, attachment text least.
const TITLE_BOOST: f32 = 3.0;
const BODY_BOOST: f32 = 1.0;
const ATTACHMENT_BOOST: f32 = 0.4;
/// A fuzzy match scores this constant: well below any exact BM25 match of a
/// word, enough to find the item.
const FUZZY_SCORE: f32 = 0.3;

fn term_query(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    let q: Box<dyn Query> = Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs));
    if boost == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

/// One word: its Dutch or English stem in title, body or attachment text,
/// or (for a rare word) a word within its edit distance. The scores add up,
/// so an item with the exact inflected form (matching both stems) ranks a
/// little above one with another form; one flat union is also cheaper than
/// nested ones.
fn word_query(fields: &TextFields, word: &QueryWord) -> Box<dyn Query> {
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (pick, term) in [(Stemmed::dutch as fn(&Stemmed) -> Field, &word.dutch), (Stemmed::english, &word.english)] {
        alternatives.push((Occur::Should, term_query(pick(&fields.title), term, TITLE_BOOST)));
        alternatives.push((Occur::Should, term_query(pick(&fields.body), term, BODY_BOOST)));
        if let Some(att) = &fields.attachment {
            alternatives.push((Occur::Should, term_query(pick(att), term, ATTACHMENT_BOOST)));
        }
    }
    let mut fuzzy = |field: Field, text: &str, distance: u8| {
        if distance > 0 {
            let q = FuzzyTermQuery::new(Term::from_field_text(field, text), distance, true);
            alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), FUZZY_SCORE))));
        }
    };
    fuzzy(fields.plain, &word.plain, word.fuzzy_distance);
    // Typos in inflected Dutch words, against the Dutch stems (the
    // dictionaries already there: no extra field in the index).
    fuzzy(fields.title.dutch, &word.dutch, word.dutch_fuzzy_distance);
    fuzzy(fields.body.dutch, &word.dutch, word.dutch_fuzzy_distance);
    Box::new(BooleanQuery::new(alternatives))
}

/// A word found exactly in at least this share of the documents (and at
/// least [`KNOWN_WORD_MIN_DOCS`]) is taken as spelled on purpose.
const KNOWN_WORD_SHARE: u64 = 1000;
const KNOWN_WORD_MIN_DOCS: u64 = 3;

/// Typo tolerance only for words the index hardly knows. A word many items
/// contain is spelled the way the user meant; matching its neighbours too
/// would add noise, and reading every neighbour's postings is what makes a
/// fuzzy query slow. A rare word keeps its tolerance, so an item with a
/// typo is still found next to the exact matches.
pub(crate) fn limit_typo_tolerance(searcher: &Searcher, fields: &TextFields, words: &mut [QueryWord]) -> Result<()> {
    let known = (searcher.num_docs() / KNOWN_WORD_SHARE).max(KNOWN_WORD_MIN_DOCS);
    for w in words.iter_mut().filter(|w| w.fuzzy_distance > 0 || w.dutch_fuzzy_distance > 0) {
        let exact = [
            (fields.plain, w.plain.as_str()),
            (fields.body.dutch, w.dutch.as_str()),
            (fields.body.english, w.english.as_str()),
            (fields.title.dutch, w.dutch.as_str()),
            (fields.title.english, w.english.as_str()),
        ];
        let mut max = 0;
        for (field, text) in exact {
            max = max.max(searcher.doc_freq(&Term::from_field_text(field, text))?);
        }
        if max >= known {
            w.fuzzy_distance = 0;
            w.dutch_fuzzy_distance = 0;
        }
    }
    Ok(())
}

/// Every word must be found (in one of its forms): more words narrow the
/// result, as users of a search box expect.
pub(crate) fn words_query(fields: &TextFields, words: &[QueryWord]) -> Option<Box<dyn Query>> {
    if words.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(words.iter().map(|w| (Occur::Must, word_query(fields, w))).collect())))
}

/// A clause that selects without changing the score.
pub(crate) fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

fn scope(fields: &Fields, terms: Vec<String>) -> Box<dyn Query> {
    // Said outright: what an empty term set matches is tantivy's business.
    if terms.is_empty() {
        return Box::new(EmptyQuery);
    }
    filter(Box::new(TermSetQuery::new(terms.iter().map(|t| Term::from_field_text(fields.scope, t)))))
}

/// Knowledge items the user may see: of their networks, or shared.
pub(crate) fn knowledge_scope(fields: &Fields, access: &Access) -> Box<dyn Query> {
    let mut terms: Vec<String> = access.networks.iter().map(|n| knowledge_scope_term(*n)).collect();
    if access.include_shared {
        terms.push(KNOWLEDGE_SHARED.to_string());
    }
    scope(fields, terms)
}

/// Entities the user may see: of their networks only (nothing else is shared).
pub(crate) fn entity_scope(fields: &Fields, access: &Access) -> Box<dyn Query> {
    scope(fields, access.networks.iter().map(|n| entity_scope_term(*n)).collect())
}

/// Documents carrying any of the values in a facet field.
pub(crate) fn any_facet(field: Field, values: impl IntoIterator<Item = String>) -> Box<dyn Query> {
    let terms: Vec<Term> = values.into_iter().filter_map(|v| facet(&v)).map(|f| Term::from_facet(field, &f)).collect();
    if terms.is_empty() {
        return Box::new(EmptyQuery);
    }
    filter(Box::new(TermSetQuery::new(terms)))
}

/// All clauses must hold.
pub(crate) fn all(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(clauses.into_iter().map(|q| (Occur::Must, q)).collect()))
}

/// Leaves one knowledge item out (the item whose related items are asked).
pub(crate) fn except_knowledge(fields: &Fields, id: i64) -> (Occur, Box<dyn Query>) {
    let key = Term::from_field_text(fields.key, &DocKind::knowledge_key(id));
    (Occur::MustNot, Box::new(TermQuery::new(key, IndexRecordOption::Basic)))
}
