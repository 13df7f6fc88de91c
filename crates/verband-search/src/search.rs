//! The knowledge lab search: words, filters, facets, a page of hits.

use tantivy::collector::FacetCounts;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::Searcher;

use crate::analysis::QueryWord;
use crate::doc::Access;
use crate::error::Result;
use crate::hits::{top_docs, Sort, Stored};
use crate::index::SearchIndex;
use crate::query::{all, any_facet, knowledge_scope, limit_typo_tolerance, words_query};
use crate::snippet::{opening, Highlighted, Highlighter};

/// Facet filters: an item must match every facet that has values, and any
/// one value within a facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kinds: Vec<String>,
    pub themes: Vec<String>,
    pub phases: Vec<String>,
    pub sectors: Vec<String>,
    pub networks: Vec<i64>,
    pub years: Vec<i32>,
}

/// One search of the knowledge lab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The search box, as typed: no query syntax, only words.
    pub text: String,
    pub filters: Filters,
    pub sort: Sort,
    pub offset: usize,
    /// Page size, at most [`MAX_LIMIT`](crate::MAX_LIMIT); 0 gives counts only.
    pub limit: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest { text: String::new(), filters: Filters::default(), sort: Sort::Relevance, offset: 0, limit: 20 }
    }
}

impl SearchRequest {
    pub fn text(text: &str) -> Self {
        SearchRequest { text: text.to_string(), ..SearchRequest::default() }
    }
}

/// A value of a facet and how many results have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount<T> {
    pub value: T,
    pub count: u64,
}

/// Counts per facet value over the results the user may see.
///
/// For a facet with selected values, the counts are those the results would
/// have without that facet's own selection (with all the others), so the
/// other values of that facet remain visible and choosable ("or" within a
/// facet). For every other facet they count the results as listed.
/// Strings are sorted by count, then value; years newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub kind: Vec<FacetCount<String>>,
    pub theme: Vec<FacetCount<String>>,
    pub phase: Vec<FacetCount<String>>,
    pub sector: Vec<FacetCount<String>>,
    pub network: Vec<FacetCount<i64>>,
    pub year: Vec<FacetCount<i32>>,
}

/// Where a hit's snippet comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnippetSource {
    Body,
    /// The words matched only in an attachment's text.
    Attachment,
}

/// One knowledge item in a result list.
#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeHit {
    pub id: i64,
    pub network_id: i64,
    pub shared: bool,
    pub kind: String,
    pub title: Highlighted,
    pub snippet: Highlighted,
    pub snippet_source: SnippetSource,
    pub themes: Vec<String>,
    pub phase: Option<String>,
    pub sectors: Vec<String>,
    pub year: i32,
    pub created: i64,
    pub views: i64,
    /// BM25-based score when sorted by relevance.
    pub score: Option<f32>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// All results the user may see (not just this page).
    pub total: u64,
    pub hits: Vec<KnowledgeHit>,
    pub facets: Facets,
    /// The words searched for, after dropping stop words: what the page can
    /// say it looked for.
    pub words: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FacetName {
    Kind,
    Theme,
    Phase,
    Sector,
    Network,
    Year,
}

const FACET_NAMES: [FacetName; 6] =
    [FacetName::Kind, FacetName::Theme, FacetName::Phase, FacetName::Sector, FacetName::Network, FacetName::Year];

impl FacetName {
    fn field_name(self) -> &'static str {
        match self {
            FacetName::Kind => "f_kind",
            FacetName::Theme => "f_theme",
            FacetName::Phase => "f_phase",
            FacetName::Sector => "f_sector",
            FacetName::Network => "f_network",
            FacetName::Year => "f_year",
        }
    }
}

impl SearchIndex {
    fn facet_field(&self, name: FacetName) -> Field {
        let f = &self.fields.facets;
        match name {
            FacetName::Kind => f.kind,
            FacetName::Theme => f.theme,
            FacetName::Phase => f.phase,
            FacetName::Sector => f.sector,
            FacetName::Network => f.network,
            FacetName::Year => f.year,
        }
    }

    fn filter_clauses(&self, filters: &Filters) -> Vec<(FacetName, Box<dyn Query>)> {
        let strings = |v: &Vec<String>| v.clone();
        let selected: [(FacetName, Vec<String>); 6] = [
            (FacetName::Kind, strings(&filters.kinds)),
            (FacetName::Theme, strings(&filters.themes)),
            (FacetName::Phase, strings(&filters.phases)),
            (FacetName::Sector, strings(&filters.sectors)),
            (FacetName::Network, filters.networks.iter().map(i64::to_string).collect()),
            (FacetName::Year, filters.years.iter().map(i32::to_string).collect()),
        ];
        selected
            .into_iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(name, values)| (name, any_facet(self.facet_field(name), values)))
            .collect()
    }

    /// Searches the knowledge items `access` may see.
    ///
    /// The access scope is a clause of the query itself, so the total, the
    /// facet counts and the snippets come only from visible items.
    pub fn search(&self, request: &SearchRequest, access: &Access) -> Result<SearchResults> {
        let mut words = self.analyzers.clone().query_words(&request.text);
        let word_list = words.iter().map(|w| w.plain.clone()).collect();
        if access.is_empty() {
            return Ok(SearchResults { total: 0, hits: Vec::new(), facets: Facets::default(), words: word_list });
        }
        let searcher = self.searcher();
        limit_typo_tolerance(&searcher, &self.fields.knowledge, &mut words)?;
        let text = words_query(&self.fields.knowledge, &words);
        let filters = self.filter_clauses(&request.filters);
        // Scope, words and the filters except the one named: the query of
        // the hits (None) or of one filtered facet's counts.
        let query_without = |skip: Option<FacetName>| -> Box<dyn Query> {
            let mut clauses = vec![knowledge_scope(&self.fields, access)];
            clauses.extend(text.iter().map(|q| q.box_clone()));
            clauses.extend(filters.iter().filter(|(name, _)| Some(*name) != skip).map(|(_, q)| q.box_clone()));
            all(clauses)
        };
        let filtered = |name: FacetName| filters.iter().any(|(n, _)| *n == name);
        let in_main_pass: Vec<FacetName> = FACET_NAMES.into_iter().filter(|n| !filtered(*n)).collect();
        let field_names: Vec<&str> = in_main_pass.iter().map(|n| n.field_name()).collect();
        let sort = if words.is_empty() && request.sort == Sort::Relevance { Sort::Newest } else { request.sort };
        let collected = top_docs(&searcher, query_without(None).as_ref(), sort, request.offset, request.limit, &field_names)?;

        let mut counts: Vec<(FacetName, FacetCounts)> = in_main_pass.into_iter().zip(collected.facets).collect();
        for (name, _) in &filters {
            let facet_query = query_without(Some(*name));
            let page = top_docs(&searcher, facet_query.as_ref(), Sort::Newest, 0, 0, &[name.field_name()])?;
            counts.extend(page.facets.into_iter().map(|c| (*name, c)));
        }
        let facets = facets_from(&counts);

        let mut highlighter = Highlighter::new(&words, &self.analyzers);
        let hits = collected
            .top
            .into_iter()
            .map(|(score, addr)| self.knowledge_hit(&searcher, addr, score, &words, &mut highlighter))
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResults { total: collected.total, hits, facets, words: word_list })
    }

    pub(crate) fn knowledge_hit(
        &self,
        searcher: &Searcher,
        addr: tantivy::DocAddress,
        score: Option<f32>,
        words: &[QueryWord],
        highlighter: &mut Highlighter<'_>,
    ) -> Result<KnowledgeHit> {
        let f = &self.fields;
        let doc = Stored::load(searcher, addr)?;
        let title = doc.text(f.title);
        let body = doc.text(f.body);
        let (title, snippet, snippet_source) = if words.is_empty() {
            (Highlighted::plain(title), opening(&body), SnippetSource::Body)
        } else {
            let title = highlighter.whole(&title);
            match highlighter.fragment(&body) {
                Some(s) => (title, s, SnippetSource::Body),
                None => match highlighter.fragment(&doc.text(f.attachment)) {
                    Some(s) => (title, s, SnippetSource::Attachment),
                    None => (title, opening(&body), SnippetSource::Body),
                },
            }
        };
        Ok(KnowledgeHit {
            id: doc.i64(f.id),
            network_id: doc.i64(f.network_id),
            shared: doc.bool(f.shared),
            kind: doc.text(f.kind),
            title,
            snippet,
            snippet_source,
            themes: doc.facets(f.facets.theme),
            phase: doc.facets(f.facets.phase).into_iter().next(),
            sectors: doc.facets(f.facets.sector),
            year: i32::try_from(doc.i64(f.year)).unwrap_or_default(),
            created: doc.i64(f.created),
            views: doc.i64(f.views),
            score,
        })
    }
}

fn values(counts: &FacetCounts) -> impl Iterator<Item = (String, u64)> + '_ {
    counts.get("/").map(|(facet, count)| (facet.to_path().join("/"), count))
}

fn by_count<T: Ord>(mut list: Vec<FacetCount<T>>) -> Vec<FacetCount<T>> {
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    list
}

fn facets_from(counts: &[(FacetName, FacetCounts)]) -> Facets {
    let mut out = Facets::default();
    for (name, c) in counts {
        let strings = || by_count(values(c).map(|(value, count)| FacetCount { value, count }).collect());
        match name {
            FacetName::Kind => out.kind = strings(),
            FacetName::Theme => out.theme = strings(),
            FacetName::Phase => out.phase = strings(),
            FacetName::Sector => out.sector = strings(),
            FacetName::Network => {
                out.network = by_count(values(c).filter_map(|(v, count)| v.parse().ok().map(|value| FacetCount { value, count })).collect())
            }
            FacetName::Year => {
                let mut years: Vec<FacetCount<i32>> =
                    values(c).filter_map(|(v, count)| v.parse().ok().map(|value| FacetCount { value, count })).collect();
                years.sort_by_key(|c| std::cmp::Reverse(c.value));
                out.year = years;
            }
        }
    }
    out
}
