//! Collecting the top documents in a stable order, and reading hits back
//! from the stored fields.

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, FacetCollector, FacetCounts, MultiCollector, TopDocs};
use tantivy::query::Query;
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

use crate::error::Result;
use crate::schema::{CREATED, ID, VIEWS};

/// The order of a result list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first; without search words the same as `Newest`.
    #[default]
    Relevance,
    Newest,
    MostViewed,
}

/// The most results one page may ask for.
pub const MAX_LIMIT: usize = 200;
/// The deepest page: paging further is not searching any more, and each page
/// costs the documents before it.
pub const MAX_OFFSET: usize = 10_000;

/// What one collection pass returns.
pub(crate) struct Collected {
    /// The page of documents, with their score when sorted by relevance.
    pub top: Vec<(Option<f32>, DocAddress)>,
    pub total: u64,
    /// Counts per requested facet field, in the order asked.
    pub facets: Vec<FacetCounts>,
}

fn collect<C>(searcher: &Searcher, query: &dyn Query, top: C, facet_fields: &[&str]) -> Result<(C::Fruit, u64, Vec<FacetCounts>)>
where
    C: Collector + 'static,
{
    let mut multi = MultiCollector::new();
    let top = multi.add_collector(top);
    let count = multi.add_collector(Count);
    let facets: Vec<_> = facet_fields
        .iter()
        .map(|name| {
            let mut fc = FacetCollector::for_field(*name);
            fc.add_facet("/");
            multi.add_collector(fc)
        })
        .collect();
    let mut fruits = searcher.search(query, &multi)?;
    let facets = facets.into_iter().map(|h| h.extract(&mut fruits)).collect();
    Ok((top.extract(&mut fruits), count.extract(&mut fruits) as u64, facets))
}

/// One pass: the page in the requested order (ties broken by id, so equal
/// indexes give equal pages), the total and the facet counts.
pub(crate) fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    offset: usize,
    limit: usize,
    facet_fields: &[&str],
) -> Result<Collected> {
    // TopDocs refuses a limit of 0; an empty page is cut afterwards.
    let page = TopDocs::with_limit(limit.clamp(1, MAX_LIMIT)).and_offset(offset.min(MAX_OFFSET));
    let id = || SortByStaticFastValue::<i64>::for_field(ID);
    let (top, total, facets) = match sort {
        Sort::Relevance => {
            let (top, total, facets) =
                collect(searcher, query, page.order_by(((SortBySimilarityScore, Order::Desc), (id(), Order::Asc))), facet_fields)?;
            (top.into_iter().map(|((score, _), addr)| (Some(score), addr)).collect::<Vec<_>>(), total, facets)
        }
        Sort::Newest => {
            let created = SortByStaticFastValue::<i64>::for_field(CREATED);
            let (top, total, facets) =
                collect(searcher, query, page.order_by(((created, Order::Desc), (id(), Order::Desc))), facet_fields)?;
            (top.into_iter().map(|(_, addr)| (None, addr)).collect(), total, facets)
        }
        Sort::MostViewed => {
            let views = SortByStaticFastValue::<i64>::for_field(VIEWS);
            let created = SortByStaticFastValue::<i64>::for_field(CREATED);
            let (top, total, facets) =
                collect(searcher, query, page.order_by(((views, Order::Desc), (created, Order::Desc))), facet_fields)?;
            (top.into_iter().map(|(_, addr)| (None, addr)).collect(), total, facets)
        }
    };
    let top = if limit == 0 { Vec::new() } else { top };
    Ok(Collected { top, total, facets })
}

/// Reading stored values; a missing value reads as empty or zero (every
/// document this crate writes has them all).
pub(crate) struct Stored(pub TantivyDocument);

impl Stored {
    pub fn load(searcher: &Searcher, addr: DocAddress) -> Result<Stored> {
        Ok(Stored(searcher.doc(addr)?))
    }

    pub fn i64(&self, f: Field) -> i64 {
        self.0.get_first(f).and_then(|v| v.as_i64()).unwrap_or_default()
    }

    pub fn bool(&self, f: Field) -> bool {
        self.0.get_first(f).and_then(|v| v.as_bool()).unwrap_or_default()
    }

    pub fn text(&self, f: Field) -> String {
        self.0.get_first(f).and_then(|v| v.as_str()).unwrap_or_default().to_string()
    }

    /// Values of a one-level facet field.
    pub fn facets(&self, f: Field) -> Vec<String> {
        self.0.get_all(f).filter_map(|v| v.as_facet()).map(|encoded| encoded.to_string()).collect()
    }
}
