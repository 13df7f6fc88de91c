//! Test fixtures: small hand-written knowledge items and entities.
#![allow(dead_code)]

use verband_search::{Access, KnowledgeDoc, SearchIndex, SearchRequest, SearchResults};

pub fn item(id: i64, network_id: i64, title: &str, body: &str) -> KnowledgeDoc {
    KnowledgeDoc {
        id,
        network_id,
        shared: false,
        kind: "article".into(),
        title: title.into(),
        body: body.into(),
        themes: Vec::new(),
        phase: None,
        sectors: Vec::new(),
        year: 2024,
        created: 1_700_000_000 + id,
        views: 0,
        attachment_text: String::new(),
    }
}

pub fn member_of(networks: &[i64]) -> Access {
    Access { networks: networks.to_vec(), include_shared: true }
}

pub fn index_with(items: &[KnowledgeDoc]) -> SearchIndex {
    let index = SearchIndex::in_memory().expect("index");
    index.upsert_knowledge(items).expect("upsert");
    index.commit().expect("commit");
    index
}

pub fn search(index: &SearchIndex, text: &str, access: &Access) -> SearchResults {
    index.search(&SearchRequest { limit: 200, ..SearchRequest::text(text) }, access).expect("search")
}

pub fn ids(results: &SearchResults) -> Vec<i64> {
    results.hits.iter().map(|h| h.id).collect()
}

/// A deterministic corpus of `n` items over three networks, with every
/// facet varied, for tests that compare counts or indexes.
pub fn corpus(n: i64) -> Vec<KnowledgeDoc> {
    let kinds = ["article", "tool", "reference", "experience", "success", "question"];
    let themes = ["zorg", "wonen", "werk", "onderwijs", "veiligheid"];
    let phases = ["build_up", "develop", "sustain"];
    let sectors = ["gemeente", "zorgaanbieder", "onderwijs", "woningcorporatie"];
    let words =
        ["samenwerking", "wijkteam", "mantelzorg", "financiering", "subsidie", "evaluatie", "partnership", "funding", "pilot", "huisarts"];
    (0..n)
        .map(|i| {
            let w = |k: i64| words[((i * 7 + k * 3) % words.len() as i64) as usize];
            let mut d = item(i + 1, i % 3 + 1, &format!("{} en {}", w(0), w(1)), &format!("Over {} met {} en de {}.", w(2), w(3), w(4)));
            d.kind = kinds[(i % 6) as usize].into();
            d.themes = (0..(i % 3)).map(|k| themes[((i + k) % 5) as usize].to_string()).collect();
            d.phase = (i % 4 != 0).then(|| phases[(i % 3) as usize].to_string());
            d.sectors = vec![sectors[(i % 4) as usize].into()];
            d.year = 2019 + (i % 6) as i32;
            d.shared = i % 5 == 0;
            d.views = (i * 37) % 101;
            d.created = 1_600_000_000 + ((i * 7919) % 1000) * 86_400;
            d
        })
        .collect()
}
