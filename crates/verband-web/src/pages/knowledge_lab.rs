//! The Kennislab: one search box over every knowledge item the visitor may
//! see, facets with counts to narrow it down, and without search words the
//! newest and most viewed items. A plain GET form: the address of a search
//! can be bookmarked and shared, and it works without JavaScript.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Extension;
use axum_extra::extract::Query;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;
use verband_domain::{Phase, Sector};
use verband_search::{FacetCount, Facets, Filters, KnowledgeHit, SearchRequest, SnippetSource, Sort};

use crate::error::WebError;
use crate::layout::{number, page, PageMeta};
use crate::pages::knowledge_item::item_path;
use crate::visitor::Visitor;
use crate::AppState;

/// Results per page.
const PAGE_SIZE: usize = 20;
/// "Meest bekeken" beside the newest items when nothing is searched.
const MOST_VIEWED: usize = 5;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LabQuery {
    q: String,
    soort: Vec<String>,
    thema: Vec<String>,
    fase: Vec<String>,
    sector: Vec<String>,
    netwerk: Vec<String>,
    jaar: Vec<String>,
    volgorde: String,
    pagina: Option<usize>,
}

impl LabQuery {
    fn filters(&self) -> Filters {
        Filters {
            kinds: self.soort.clone(),
            themes: self.thema.clone(),
            phases: self.fase.clone(),
            sectors: self.sector.clone(),
            // Ignored when not a number: a hand-edited address still shows a page.
            networks: self.netwerk.iter().filter_map(|n| n.trim().parse().ok()).collect(),
            years: self.jaar.iter().filter_map(|y| y.trim().parse().ok()).collect(),
        }
    }

    fn sort(&self) -> Sort {
        match self.volgorde.as_str() {
            "nieuwste" => Sort::Newest,
            "meest-bekeken" => Sort::MostViewed,
            _ if self.q.trim().is_empty() => Sort::Newest,
            _ => Sort::Relevance,
        }
    }

    fn page(&self) -> usize {
        self.pagina.unwrap_or(1).clamp(1, verband_search::MAX_OFFSET / PAGE_SIZE)
    }

    /// This search as query parameters, without the page: for paging links.
    fn encoded(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("q", self.q.clone())];
        for (key, values) in [
            ("soort", &self.soort),
            ("thema", &self.thema),
            ("fase", &self.fase),
            ("sector", &self.sector),
            ("netwerk", &self.netwerk),
            ("jaar", &self.jaar),
        ] {
            pairs.extend(values.iter().map(|v| (key, v.clone())));
        }
        if !self.volgorde.is_empty() {
            pairs.push(("volgorde", self.volgorde.clone()));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }

    fn has_filters(&self) -> bool {
        [&self.soort, &self.thema, &self.fase, &self.sector, &self.netwerk, &self.jaar].iter().any(|v| !v.is_empty())
    }
}

pub async fn show(State(state): State<AppState>, Extension(v): Extension<Visitor>, Query(q): Query<LabQuery>) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let page_no = q.page();
    let request =
        SearchRequest { text: q.q.clone(), filters: q.filters(), sort: q.sort(), offset: (page_no - 1) * PAGE_SIZE, limit: PAGE_SIZE };
    let found = state.service.search_knowledge(&actor, request.clone()).await?;
    let browsing = q.q.trim().is_empty();
    let most_viewed = if browsing && page_no == 1 {
        let viewed = SearchRequest { sort: Sort::MostViewed, offset: 0, limit: MOST_VIEWED, ..request };
        Some(state.service.search_knowledge(&actor, viewed).await?.results.hits)
    } else {
        None
    };
    let networks = state.service.my_networks(&actor).await?;
    let results = &found.results;
    let names = &found.network_names;
    let pages = (results.total as usize).div_ceil(PAGE_SIZE).max(1);
    let title = v.t("knowledge-lab");
    let body = html! {
        div class="page-head" {
            h1 { (title) }
            @if !networks.is_empty() {
                div class="actions" {
                    @if let [(n, _)] = networks.as_slice() {
                        a class="button" href={ "/netwerken/" (n.id) "/kennislab/nieuw" } { (v.t("knowledge-add")) }
                    } @else {
                        details class="menu" {
                            summary class="button" { (v.t("knowledge-add")) }
                            ul { @for (n, _) in &networks { li { a href={ "/netwerken/" (n.id) "/kennislab/nieuw" } { (n.name) } } } }
                        }
                    }
                }
            }
        }
        p { (v.t("lab-intro")) }
        form class="lab-search" method="get" action="/kennislab" role="search" {
            div class="lab-search-box" {
                label for="lab-q" { (v.t("lab-search-label")) }
                input id="lab-q" type="search" name="q" value=(q.q) autocomplete="off";
                label for="lab-sort" { (v.t("lab-sort")) }
                select id="lab-sort" name="volgorde" {
                    option value="" selected[q.volgorde.is_empty()] { (v.t("lab-sort-relevance")) }
                    option value="nieuwste" selected[q.volgorde == "nieuwste"] { (v.t("lab-sort-newest")) }
                    option value="meest-bekeken" selected[q.volgorde == "meest-bekeken"] { (v.t("lab-sort-views")) }
                }
                button type="submit" class="button" { (v.t("lab-search-button")) }
            }
            div class="lab-layout" {
                (facet_panel(&v, &q, &results.facets, names))
                section class="lab-results" aria-labelledby="lab-results-title" {
                    h2 id="lab-results-title" {
                        @if browsing { (v.t("lab-newest")) } @else { (v.t("lab-results")) }
                    }
                    p role="status" class="lab-count" {
                        (v.ta("lab-count", &[("count", number(&v, results.total as i64).into())]))
                        @if q.has_filters() { " · " a href={ "/kennislab?q=" (urlencoding(&q.q)) } { (v.t("lab-clear-filters")) } }
                    }
                    @if results.hits.is_empty() {
                        p class="empty" { (v.t(if browsing && !q.has_filters() { "lab-empty" } else { "lab-no-results" })) }
                    } @else {
                        ol class="lab-hits" start=((page_no - 1) * PAGE_SIZE + 1) {
                            @for hit in &results.hits { li { (hit_card(&v, hit, names, "h3")) } }
                        }
                    }
                    @if pages > 1 {
                        nav class="pagination" aria-label=(v.t("pagination-label")) {
                            @if page_no > 1 { a rel="prev" href={ "/kennislab?" (q.encoded()) "&pagina=" (page_no - 1) } { (v.t("pagination-previous")) } }
                            span { (v.ta("pagination-position", &[("page", (page_no as i64).into()), ("pages", (pages as i64).into())])) }
                            @if page_no < pages { a rel="next" href={ "/kennislab?" (q.encoded()) "&pagina=" (page_no + 1) } { (v.t("pagination-next")) } }
                        }
                    }
                    @if let Some(viewed) = &most_viewed {
                        @if !viewed.is_empty() {
                            h2 { (v.t("lab-most-viewed")) }
                            ol class="lab-hits compact" { @for hit in viewed { li { (hit_card(&v, hit, names, "h3")) } } }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::plain(&title), body))
}

fn urlencoding(text: &str) -> String {
    serde_urlencoded::to_string([("", text)]).map(|s| s.trim_start_matches('=').to_string()).unwrap_or_default()
}

/// The facets as checkbox groups; applying them submits the search form.
fn facet_panel(v: &Visitor, q: &LabQuery, facets: &Facets, names: &BTreeMap<i64, String>) -> Markup {
    let label_kind = |code: &str| v.t(&format!("knowledge-kind-{code}"));
    let label_phase = |code: &str| Phase::parse(code).map_or_else(|| code.to_string(), |p| v.t(&p.label_key()));
    let label_sector = |code: &str| Sector::parse(code).map_or_else(|| code.to_string(), |s| v.t(&s.label_key()));
    let strings = |counts: &[FacetCount<String>]| counts.iter().map(|c| (c.value.clone(), c.count)).collect::<Vec<_>>();
    let networks: Vec<(String, u64)> = facets.network.iter().map(|c| (c.value.to_string(), c.count)).collect();
    let years: Vec<(String, u64)> = facets.year.iter().map(|c| (c.value.to_string(), c.count)).collect();
    html! {
        aside class="lab-facets" aria-labelledby="lab-facets-title" {
            h2 id="lab-facets-title" { (v.t("lab-filter")) }
            (facet_group(v, "soort", "knowledge-kind", &strings(&facets.kind), &q.soort, &label_kind))
            (facet_group(v, "thema", "knowledge-themes", &strings(&facets.theme), &q.thema, &|t: &str| t.to_string()))
            (facet_group(v, "fase", "knowledge-phase", &strings(&facets.phase), &q.fase, &label_phase))
            (facet_group(v, "sector", "knowledge-sectors", &strings(&facets.sector), &q.sector, &label_sector))
            (facet_group(v, "netwerk", "knowledge-network", &networks, &q.netwerk, &|id: &str| {
                id.parse::<i64>().ok().and_then(|id| names.get(&id).cloned()).unwrap_or_else(|| id.to_string())
            }))
            (facet_group(v, "jaar", "lab-year", &years, &q.jaar, &|y: &str| y.to_string()))
            button type="submit" class="button secondary" { (v.t("lab-apply-filters")) }
        }
    }
}

fn facet_group(
    v: &Visitor,
    param: &str,
    legend_key: &str,
    counts: &[(String, u64)],
    chosen: &[String],
    label: &dyn Fn(&str) -> String,
) -> Markup {
    // A chosen value the results no longer have stays visible, so it can be unticked.
    let mut values: Vec<(String, u64)> = counts.to_vec();
    for c in chosen {
        if !values.iter().any(|(value, _)| value == c) {
            values.push((c.clone(), 0));
        }
    }
    if values.is_empty() {
        return html! {};
    }
    html! {
        fieldset class="facet" {
            legend { (v.t(legend_key)) }
            ul {
                @for (i, (value, count)) in values.iter().enumerate() {
                    @let id = format!("f-{param}-{i}");
                    li {
                        input type="checkbox" id=(id) name=(param) value=(value) checked[chosen.contains(value)];
                        label for=(id) { (label(value)) " " span class="count" { "(" (count) ")" } }
                    }
                }
            }
        }
    }
}

/// One knowledge item in a result list: highlighted title, what it is and
/// where from, and the passage that matched.
pub(crate) fn hit_card(v: &Visitor, hit: &KnowledgeHit, names: &BTreeMap<i64, String>, heading: &str) -> Markup {
    let title = html! { a href=(item_path(hit.id)) { (PreEscaped(hit.title.to_html())) } };
    html! {
        article class="lab-hit" {
            @match heading {
                "h2" => h2 { (title) },
                "h4" => h4 { (title) },
                _ => h3 { (title) },
            }
            p class="lab-hit-facts" {
                span class="badge" { (v.t(&format!("knowledge-kind-{}", hit.kind))) }
                " " (names.get(&hit.network_id).cloned().unwrap_or_default())
                " · " (hit.year)
                @if hit.shared { " · " span class="badge muted" { (v.t("lab-shared")) } }
                " · " (v.ta("lab-views", &[("count", hit.views.into())]))
            }
            @if !hit.snippet.text.is_empty() {
                p class="lab-snippet" {
                    @if hit.snippet_source == SnippetSource::Attachment { span class="muted" { (v.t("lab-in-attachment")) " " } }
                    (PreEscaped(hit.snippet.to_html()))
                }
            }
            @if !hit.themes.is_empty() {
                p class="lab-themes" { span class="visually-hidden" { (v.t("knowledge-themes")) ": " } (hit.themes.join(" · ")) }
            }
        }
    }
}

/// "Verwante items" on an item's page (empty when the index has none).
pub(crate) async fn related_section(state: &AppState, v: &Visitor, id: i64) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let related = state.service.related_knowledge(&actor, id, 5).await?;
    if related.is_empty() {
        return Ok(html! {});
    }
    let mut ids: Vec<i64> = related.iter().map(|h| h.network_id).collect();
    ids.dedup();
    let names = state.service.network_names_of(&ids).await?;
    Ok(html! {
        section class="panel" aria-labelledby="related-title" {
            h2 id="related-title" { (v.t("lab-related")) }
            ul class="lab-hits compact" { @for hit in &related { li { (hit_card(v, hit, &names, "h3")) } } }
        }
    })
}
