//! What a result page holds: order, facet counts, filters, snippets,
//! attachments, related items and the header search.

mod common;

use std::collections::BTreeMap;

use common::{corpus, ids, index_with, item, member_of, search};
use verband_search::{EntityDoc, EntityKind, FacetCount, Filters, KnowledgeHit, SearchRequest, SearchResults, SnippetSource, Sort};

fn count_by<T: Ord + Clone>(hits: &[KnowledgeHit], values: impl Fn(&KnowledgeHit) -> Vec<T>) -> BTreeMap<T, u64> {
    let mut m = BTreeMap::new();
    for h in hits {
        for v in values(h) {
            *m.entry(v).or_insert(0) += 1;
        }
    }
    m
}

fn as_map<T: Ord + Clone>(counts: &[FacetCount<T>]) -> BTreeMap<T, u64> {
    counts.iter().map(|c| (c.value.clone(), c.count)).collect()
}

fn assert_facets_equal_hits(r: &SearchResults, what: &str) {
    assert_eq!(r.total, r.hits.len() as u64, "{what}: all hits are on the page");
    let h = &r.hits;
    assert_eq!(as_map(&r.facets.kind), count_by(h, |h| vec![h.kind.clone()]), "{what}: kind");
    assert_eq!(as_map(&r.facets.theme), count_by(h, |h| h.themes.clone()), "{what}: theme");
    assert_eq!(as_map(&r.facets.phase), count_by(h, |h| h.phase.iter().cloned().collect()), "{what}: phase");
    assert_eq!(as_map(&r.facets.sector), count_by(h, |h| h.sectors.clone()), "{what}: sector");
    assert_eq!(as_map(&r.facets.network), count_by(h, |h| vec![h.network_id]), "{what}: network");
    assert_eq!(as_map(&r.facets.year), count_by(h, |h| vec![h.year]), "{what}: year");
}

#[test]
fn facet_counts_equal_the_hits_per_value() {
    let index = index_with(&corpus(120));
    for access in [member_of(&[1]), member_of(&[1, 2, 3]), member_of(&[2])] {
        for text in ["", "samenwerking", "wijkteam mantelzorg", "funding", "finanicering"] {
            let r = search(&index, text, &access);
            assert!(r.total > 0, "{text:?} finds something");
            assert_facets_equal_hits(&r, text);
        }
    }
}

#[test]
fn filters_and_across_facets_or_within_one() {
    let index = index_with(&corpus(120));
    let access = member_of(&[1, 2, 3]);
    let filters = Filters { kinds: vec!["article".into(), "tool".into()], years: vec![2020, 2021, 2022], ..Filters::default() };
    let r = index.search(&SearchRequest { filters: filters.clone(), limit: 200, ..SearchRequest::default() }, &access).expect("search");
    assert!(r.total > 0);
    assert!(r.hits.iter().all(|h| (h.kind == "article" || h.kind == "tool") && (2020..=2022).contains(&h.year)));
    let expected = corpus(120).iter().filter(|d| (d.kind == "article" || d.kind == "tool") && (2020..=2022).contains(&d.year)).count();
    assert_eq!(r.total as usize, expected);
    // Facets without a selection count the hits.
    assert_eq!(as_map(&r.facets.theme), count_by(&r.hits, |h| h.themes.clone()));
    // A facet with a selection counts as if only the other filters applied,
    // so its other values stay visible.
    let without_kind = Filters { kinds: Vec::new(), ..filters };
    let all_kinds =
        index.search(&SearchRequest { filters: without_kind, limit: 200, ..SearchRequest::default() }, &access).expect("search");
    assert_eq!(as_map(&r.facets.kind), count_by(&all_kinds.hits, |h| vec![h.kind.clone()]));
    assert!(r.facets.kind.len() > 2);
}

#[test]
fn title_matches_rank_above_body_matches_and_attachments_below() {
    let mut in_attachment = item(3, 1, "Bijlage", "Niets over het onderwerp.");
    in_attachment.attachment_text = "Het rapport gaat over mantelzorg en respijtzorg.".into();
    let index = index_with(&[
        item(1, 1, "Over iets anders", "Mantelzorg, mantelzorg en nog eens mantelzorg in een lange tekst over de buurt."),
        item(2, 1, "Mantelzorg", "Een verhaal over de buurt."),
        in_attachment,
    ]);
    let r = search(&index, "mantelzorg", &member_of(&[1]));
    assert_eq!(ids(&r), [2, 1, 3]);
    let scores: Vec<f32> = r.hits.iter().filter_map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] > w[1]), "{scores:?}");
}

#[test]
fn a_pdf_attachments_text_is_found_and_quoted() {
    let mut d = item(1, 1, "Rapportage", "Zie de bijlage.");
    d.attachment_text = "Hoofdstuk 3. De risicoverevening tussen verzekeraars bleek het struikelblok.".into();
    let index = index_with(&[d]);
    let r = search(&index, "risicoverevening", &member_of(&[1]));
    assert_eq!(ids(&r), [1]);
    assert_eq!(r.hits[0].snippet_source, SnippetSource::Attachment);
    assert_eq!(r.hits[0].snippet.marked(), ["risicoverevening"]);
}

#[test]
fn empty_query_lists_newest_or_most_viewed() {
    let docs = corpus(30);
    let index = index_with(&docs);
    let access = member_of(&[1, 2, 3]);
    let newest = index.search(&SearchRequest { limit: 30, ..SearchRequest::default() }, &access).expect("search");
    let mut expected = docs.clone();
    expected.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
    assert_eq!(ids(&newest), expected.iter().map(|d| d.id).collect::<Vec<_>>());
    assert!(newest.hits.iter().all(|h| h.score.is_none() && h.title.highlights.is_empty()));

    let viewed = index.search(&SearchRequest { sort: Sort::MostViewed, limit: 30, ..SearchRequest::default() }, &access).expect("search");
    expected.sort_by(|a, b| b.views.cmp(&a.views).then(b.created.cmp(&a.created)));
    assert_eq!(ids(&viewed), expected.iter().map(|d| d.id).collect::<Vec<_>>());
}

#[test]
fn pages_follow_each_other() {
    let index = index_with(&corpus(50));
    let access = member_of(&[1, 2, 3]);
    let all = ids(&search(&index, "samenwerking", &access));
    assert!(all.len() > 12);
    let page =
        |offset| ids(&index.search(&SearchRequest { offset, limit: 5, ..SearchRequest::text("samenwerking") }, &access).expect("search"));
    assert_eq!([page(0), page(5), page(10)].concat(), all[..15]);
    let counts_only = index.search(&SearchRequest { limit: 0, ..SearchRequest::text("samenwerking") }, &access).expect("search");
    assert!(counts_only.hits.is_empty());
    assert_eq!(counts_only.total as usize, all.len());
}

#[test]
fn snippets_are_marked_and_escaped() {
    let index = index_with(&[item(
        1,
        1,
        "Mantelzorg <script>alert(1)</script>",
        "Inleiding. Als a < b & c > d dan helpt de **mantelzorg** via [de site](https://x.example/\"onclick=).",
    )]);
    let hit = &search(&index, "mantelzorg", &member_of(&[1])).hits[0];
    assert_eq!(hit.title.to_html(), "<mark>Mantelzorg</mark> &lt;script&gt;alert(1)&lt;/script&gt;");
    assert_eq!(hit.snippet.to_html(), "Inleiding. Als a &lt; b &amp; c &gt; d dan helpt de <mark>mantelzorg</mark> via de site.");
}

#[test]
fn related_items_share_themes_and_words() {
    let themed = |id, title: &str, body: &str, themes: &[&str]| {
        let mut d = item(id, 1, title, body);
        d.themes = themes.iter().map(|t| t.to_string()).collect();
        d
    };
    let index = index_with(&[
        themed(1, "Respijtzorg voor mantelzorgers", "Logeeropvang en dagbesteding geven mantelzorgers lucht.", &["zorg"]),
        themed(2, "Dagbesteding in de wijk", "Logeeropvang en dagbesteding bij de buurtkamer.", &["zorg"]),
        themed(3, "Woningbouw", "Nieuwe woningen aan de rand van het dorp.", &["wonen"]),
        themed(4, "Zorg thuis", "Wijkverpleging en huisarts.", &["zorg"]),
        themed(5, "Sportclubs", "Voetbal en hockey.", &[]),
    ]);
    let related: Vec<i64> = index.related(1, &member_of(&[1]), 10).expect("related").iter().map(|h| h.id).collect();
    assert_eq!(related.first(), Some(&2), "shares words and a theme: {related:?}");
    assert!(related.contains(&4), "shares a theme: {related:?}");
    assert!(!related.contains(&1) && !related.contains(&3) && !related.contains(&5), "{related:?}");
    assert!(index.related(99, &member_of(&[1]), 10).expect("related").is_empty());
}

#[test]
fn header_search_finds_entities_of_every_kind() {
    let index = index_with(&[item(1, 1, "Gemeente Utrecht en het wijkteam", "")]);
    let e = |kind, id, title: &str, text: &str| EntityDoc { kind, id, network_id: 1, title: title.into(), text: text.into() };
    index
        .upsert_entities(&[
            e(EntityKind::Partner, 1, "Gemeente Utrecht", "Afdeling maatschappelijke ontwikkeling"),
            e(EntityKind::Person, 1, "Jan Janssen", "Coördinator bij Gemeente Utrecht"),
            e(EntityKind::Project, 1, "Wijkteam Noord", "Pilot met huisartsen"),
            e(EntityKind::Meeting, 1, "Stuurgroep maart", "Over de financiering van het wijkteam"),
        ])
        .expect("upsert");
    index.commit().expect("commit");
    let access = member_of(&[1]);
    let found = |q: &str| index.search_entities(q, &access, 10).expect("search").iter().map(|h| (h.kind, h.id)).collect::<Vec<_>>();
    assert_eq!(found("utrecht"), [(EntityKind::Partner, 1), (EntityKind::Person, 1)]);
    assert_eq!(found("jansen"), [(EntityKind::Person, 1)]);
    assert_eq!(found("coordinator"), [(EntityKind::Person, 1)]);
    let mut wijkteam = found("wijkteam");
    wijkteam.sort_by_key(|(k, _)| k.as_str());
    assert_eq!(wijkteam, [(EntityKind::Meeting, 1), (EntityKind::Project, 1)]);
    assert!(found("").is_empty());
    // Entities stay out of the knowledge lab, and items out of the header search.
    assert_eq!(search(&index, "utrecht", &access).total, 1);
    let person = &index.search_entities("janssen", &access, 10).expect("search")[0];
    assert_eq!(person.title.to_html(), "Jan <mark>Janssen</mark>");
}

#[test]
fn upsert_replaces_and_delete_removes() {
    let index = index_with(&[item(1, 1, "Oude titel", "tekst"), item(2, 1, "Blijft", "tekst")]);
    index.upsert_knowledge(&[item(1, 1, "Nieuwe titel", "tekst")]).expect("upsert");
    index.delete_knowledge(2).expect("delete");
    index.delete_knowledge(404).expect("deleting what is not there is fine");
    // Not visible before the commit.
    assert_eq!(search(&index, "", &member_of(&[1])).total, 2);
    index.commit().expect("commit");
    let r = search(&index, "", &member_of(&[1]));
    assert_eq!(ids(&r), [1]);
    assert_eq!(r.hits[0].title.text, "Nieuwe titel");
    assert_eq!(search(&index, "oude", &member_of(&[1])).total, 0);
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<verband_search::SearchIndex>();
    let index = std::sync::Arc::new(index_with(&corpus(20)));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let index = index.clone();
            std::thread::spawn(move || index.search(&SearchRequest::text("samenwerking"), &member_of(&[1, 2, 3])).map(|r| r.total))
        })
        .collect();
    let totals: Vec<u64> = threads.into_iter().map(|t| t.join().expect("thread").expect("search")).collect();
    assert!(totals.windows(2).all(|w| w[0] == w[1]) && totals[0] > 0, "{totals:?}");
}
