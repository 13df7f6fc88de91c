//! Related items: what else to read next to a knowledge item.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::Term;

use crate::doc::{Access, DocKind};
use crate::documents::facet;
use crate::error::Result;
use crate::hits::{top_docs, Sort, Stored};
use crate::index::SearchIndex;
use crate::query::{all, except_knowledge, knowledge_scope};
use crate::search::KnowledgeHit;
use crate::snippet::Highlighter;

/// A shared theme counts about as much as a good shared word.
const THEME_SCORE: f32 = 2.0;
/// Words of the item that make up the "more like this" query.
const MAX_TERMS: usize = 20;

impl SearchIndex {
    /// Items like item `id`: sharing its themes and its most telling words
    /// (tf-idf, in Dutch and English forms), best first, never the item
    /// itself, and only items `access` may see. Nothing when `access` may
    /// not see item `id` itself: its related items would reveal its words.
    pub fn related(&self, id: i64, access: &Access, limit: usize) -> Result<Vec<KnowledgeHit>> {
        if access.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let f = &self.fields;
        let searcher = self.searcher();
        let itself = all(vec![
            knowledge_scope(f, access),
            Box::new(TermQuery::new(Term::from_field_text(f.key, &DocKind::knowledge_key(id)), IndexRecordOption::Basic)),
        ]);
        let Some((_, addr)) = searcher.search(itself.as_ref(), &TopDocs::with_limit(1).order_by_score())?.into_iter().next() else {
            return Ok(Vec::new());
        };
        let doc = Stored::load(&searcher, addr)?;
        let (title, body) = (doc.text(f.title), doc.text(f.body));
        let t = &f.knowledge;
        let texts = vec![
            (t.title.dutch, vec![OwnedValue::Str(title.clone())]),
            (t.title.english, vec![OwnedValue::Str(title)]),
            (t.body.dutch, vec![OwnedValue::Str(body.clone())]),
            (t.body.english, vec![OwnedValue::Str(body)]),
        ];
        let num_docs = searcher.num_docs();
        // Words in at least one other item, and not in so many that they say nothing.
        let words = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency((num_docs / 5).max(5))
            .with_min_term_frequency(1)
            .with_max_query_terms(MAX_TERMS)
            .with_min_word_length(3)
            .with_max_word_length(40)
            .with_boost_factor(1.0)
            .with_document_fields(texts);
        let mut likeness: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(words))];
        for theme in doc.facets(f.facets.theme).iter().filter_map(|t| facet(t)) {
            let q = TermQuery::new(Term::from_facet(f.facets.theme, &theme), IndexRecordOption::Basic);
            likeness.push((Occur::Should, Box::new(ConstScoreQuery::new(Box::new(q), THEME_SCORE))));
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, knowledge_scope(f, access)),
            (Occur::Must, Box::new(BooleanQuery::new(likeness))),
            except_knowledge(f, id),
        ]);
        let collected = top_docs(&searcher, &query, Sort::Relevance, 0, limit, &[])?;
        let mut highlighter = Highlighter::new(&[], &self.analyzers);
        collected.top.into_iter().map(|(score, addr)| self.knowledge_hit(&searcher, addr, score, &[], &mut highlighter)).collect()
    }
}
