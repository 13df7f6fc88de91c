//! The full-text index of Verband's knowledge lab and global search.
//!
//! One [tantivy](https://docs.rs/tantivy) index holds knowledge items
//! ([`KnowledgeDoc`]) and the small entities of the header search
//! ([`EntityDoc`]). The database stays the source of truth: the service
//! layer feeds the index from the change log and records, in the same commit
//! as the documents, the last change it applied
//! ([`SearchIndex::set_last_applied_change`], [`SearchIndex::commit`]), so
//! after a restart or a crash it catches up from exactly there.
//!
//! * **Languages.** Titles, bodies and attachment text are indexed with a
//!   Dutch and an English Snowball stemmer after lowercasing and folding
//!   diacritics; a query word matches either form. Stop words of both
//!   languages are left out of queries.
//! * **Typos.** A word the index hardly knows (found exactly in fewer than
//!   one item in a thousand) also matches words one edit away from five
//!   letters, two from nine, unstemmed or as Dutch stems; such matches
//!   score a small constant, below any exact match.
//! * **Ranking.** BM25 per field, title ×3, body ×1, attachment text ×0.4,
//!   summed over the fields and both languages; every word must match. Ties
//!   are broken by id, so equal indexes give equal pages.
//! * **Access.** Every search takes an [`Access`]; its scope is a clause of
//!   the query, so hits, totals, facet counts, snippets and related items
//!   come only from what the user may see.
//! * **Snippets** are [`Highlighted`]: text plus byte ranges, with an
//!   escaping [`Highlighted::to_html`], so the web layer never has to trust
//!   indexed text.
//!
//! Searches are synchronous and CPU-bound (a few milliseconds on 100,000
//! items, see `docs/benchmarks.md`): call them from a blocking thread.

mod analysis;
mod doc;
mod documents;
mod entities;
mod error;
mod hits;
mod index;
mod markdown;
mod query;
mod related;
mod schema;
mod search;
mod snippet;
mod stemming;

pub use doc::{Access, EntityDoc, EntityKind, KnowledgeDoc};
pub use entities::EntityHit;
pub use error::{Result, SearchError};
pub use hits::{Sort, MAX_LIMIT, MAX_OFFSET};
pub use index::{IndexOptions, OpenState, SearchIndex};
pub use markdown::to_plain_text;
pub use search::{FacetCount, Facets, Filters, KnowledgeHit, SearchRequest, SearchResults, SnippetSource};
pub use snippet::Highlighted;
