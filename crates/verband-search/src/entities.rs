//! The global header search over partners, persons, projects and meetings.

use crate::doc::{Access, EntityKind};
use crate::error::Result;
use crate::hits::{top_docs, Sort, Stored};
use crate::index::SearchIndex;
use crate::query::{all, entity_scope, limit_typo_tolerance, words_query};
use crate::snippet::{opening, Highlighted, Highlighter};

/// A partner, person, project or meeting found by the header search.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityHit {
    pub kind: EntityKind,
    pub id: i64,
    pub network_id: i64,
    pub title: Highlighted,
    pub text: Highlighted,
    pub score: f32,
}

impl SearchIndex {
    /// Partners, persons, projects and meetings of the user's networks that
    /// match every word of `text` (stemmed in Dutch and English, typos
    /// tolerated), best first. An empty `text` finds nothing.
    pub fn search_entities(&self, text: &str, access: &Access, limit: usize) -> Result<Vec<EntityHit>> {
        let mut words = self.analyzers.clone().query_words(text);
        if words.is_empty() || access.networks.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let f = &self.fields;
        let searcher = self.searcher();
        limit_typo_tolerance(&searcher, &f.entity, &mut words)?;
        let Some(words_q) = words_query(&f.entity, &words) else {
            return Ok(Vec::new());
        };
        let query = all(vec![entity_scope(f, access), words_q]);
        let collected = top_docs(&searcher, query.as_ref(), Sort::Relevance, 0, limit, &[])?;
        let mut highlighter = Highlighter::new(&words, &self.analyzers);
        let mut hits = Vec::with_capacity(collected.top.len());
        for (score, addr) in collected.top {
            let doc = Stored::load(&searcher, addr)?;
            // The scope admits entity kinds only; anything else is skipped.
            let Some(kind) = EntityKind::parse(&doc.text(f.kind)) else { continue };
            let body = doc.text(f.body);
            hits.push(EntityHit {
                kind,
                id: doc.i64(f.id),
                network_id: doc.i64(f.network_id),
                title: highlighter.whole(&doc.text(f.title)),
                text: highlighter.fragment(&body).unwrap_or_else(|| opening(&body)),
                score: score.unwrap_or_default(),
            });
        }
        Ok(hits)
    }
}
