//! Building tantivy queries: the words of the search box, the access scope
//! and the facet filters.

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analysis::QueryWord;
use crate::doc::{Access, DocKind, EntityKind};
use crate::documents::facet;
use crate::schema::{Fields, Stemmed, TextFields};

/// Field weights: a word in the title counts most, attachment text least.
const TITLE_BOOST: f32 = 3.0;
const BODY_BOOST: f32 = 1.0;
const ATTACHMENT_BOOST: f32 = 0.4;
/// A fuzzy match scores this constant: well below any exact BM25 match of a
/// word, enough to find the item.
const FUZZY_SCORE: f32 = 0.3;
/// Dutch and English forms of a word are alternatives, not evidence twice:
/// the better one counts, the other adds a little.
const LANGUAGE_TIE_BREAKER: f32 = 0.1;

fn term_query(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    let q: Box<dyn Query> = Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs));
    if boost == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn language(fields: &TextFields, pick: impl Fn(&Stemmed) -> Field, term: &str) -> Box<dyn Query> {
    let mut clauses = vec![
        (Occur::Should, term_query(pick(&fields.title), term, TITLE_BOOST)),
        (Occur::Should, term_query(pick(&fields.body), term, BODY_BOOST)),
    ];
    if let Some(att) = &fields.attachment {
        clauses.push((Occur::Should, term_query(pick(att), term, ATTACHMENT_BOOST)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// One word: its Dutch stem, its English stem, or (if long enough) a word
/// within its edit distance.
fn word_query(fields: &TextFields, word: &QueryWord) -> Box<dyn Query> {
    let mut alternatives = vec![language(fields, |s| s.dutch, &word.dutch), language(fields, |s| s.english, &word.english)];
    let mut fuzzy = |field: Field, text: &str, distance: u8| {
        if distance > 0 {
            let q = FuzzyTermQuery::new(Term::from_field_text(field, text), distance, true);
            alternatives.push(Box::new(BoostQuery::new(Box::new(q), FUZZY_SCORE)));
        }
    };
    fuzzy(fields.plain, &word.plain, word.fuzzy_distance);
    // Typos in inflected Dutch words, against the Dutch stems (the
    // dictionaries already there: no extra field in the index).
    fuzzy(fields.title.dutch, &word.dutch, word.dutch_fuzzy_distance);
    fuzzy(fields.body.dutch, &word.dutch, word.dutch_fuzzy_distance);
    Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, LANGUAGE_TIE_BREAKER))
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

fn networks(fields: &Fields, networks: &[i64]) -> Box<dyn Query> {
    // Said outright: what an empty term set matches is tantivy's business.
    if networks.is_empty() {
        return Box::new(EmptyQuery);
    }
    Box::new(TermSetQuery::new(networks.iter().map(|n| Term::from_field_i64(fields.network_id, *n))))
}

fn doc_type(fields: &Fields, kind: DocKind) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(fields.doc_type, kind.as_str()), IndexRecordOption::Basic))
}

/// Knowledge items the user may see: of their networks, or shared.
pub(crate) fn knowledge_scope(fields: &Fields, access: &Access) -> Box<dyn Query> {
    let mut visible = vec![(Occur::Should, networks(fields, &access.networks))];
    if access.include_shared {
        visible.push((
            Occur::Should,
            Box::new(TermQuery::new(Term::from_field_bool(fields.shared, true), IndexRecordOption::Basic)) as Box<dyn Query>,
        ));
    }
    filter(Box::new(BooleanQuery::new(vec![
        (Occur::Must, doc_type(fields, DocKind::Knowledge)),
        (Occur::Must, Box::new(BooleanQuery::new(visible))),
    ])))
}

/// Entities the user may see: of their networks only (nothing else is shared).
pub(crate) fn entity_scope(fields: &Fields, access: &Access) -> Box<dyn Query> {
    let kinds = EntityKind::ALL.into_iter().map(|k| (Occur::Should, doc_type(fields, DocKind::Entity(k)))).collect();
    filter(Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(BooleanQuery::new(kinds)) as Box<dyn Query>),
        (Occur::Must, networks(fields, &access.networks)),
    ])))
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

/// Excludes one document.
pub(crate) fn except(fields: &Fields, kind: DocKind, id: i64) -> (Occur, Box<dyn Query>) {
    let key = Term::from_field_text(fields.key, &kind.key(id));
    (Occur::MustNot, Box::new(TermQuery::new(key, IndexRecordOption::Basic)))
}
