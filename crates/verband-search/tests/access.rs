//! A private item of network B never reaches a member of network A: not as a
//! hit, a snippet, a count, a total or a related item.

mod common;

use common::{ids, index_with, item, member_of, search};
use verband_search::{Access, EntityDoc, EntityKind, Filters, KnowledgeDoc, SearchRequest};

const A: i64 = 1;
const B: i64 = 2;

fn items() -> Vec<KnowledgeDoc> {
    let themed = |mut d: KnowledgeDoc, shared: bool| {
        d.themes = vec!["zorg".into(), "wonen".into()];
        d.sectors = vec!["gemeente".into()];
        d.kind = "experience".into();
        d.shared = shared;
        d
    };
    vec![
        themed(item(1, A, "Wijkteam en mantelzorg", "Mantelzorg in het wijkteam: wat werkte."), false),
        themed(item(2, A, "Mantelzorg ondersteunen", "Het wijkteam helpt mantelzorgers."), false),
        // B's private item: the same themes and words, and a secret word.
        themed(item(3, B, "Zonnebloem: mantelzorg in het wijkteam", "Geheim plan Zonnebloem voor mantelzorg en het wijkteam."), false),
        // B's shared item.
        themed(item(4, B, "Gedeeld: mantelzorg en wijkteam", "Openbaar verslag over mantelzorg."), true),
    ]
}

#[test]
fn a_private_item_of_another_network_is_never_a_hit_nor_counted() {
    let index = index_with(&items());
    let a = member_of(&[A]);
    for text in ["", "mantelzorg", "wijkteam mantelzorg", "zonnebloem", "geheim", "zonnebloom"] {
        let r = search(&index, text, &a);
        assert!(!ids(&r).contains(&3), "{text:?}: {:?}", ids(&r));
        let visible = r.hits.len() as u64;
        assert_eq!(r.total, visible, "{text:?}: the total counts only visible items");
        for h in &r.hits {
            assert!(!h.title.text.contains("Zonnebloem") && !h.snippet.text.contains("Zonnebloem"));
        }
        let f = &r.facets;
        for counts in [&f.kind, &f.theme, &f.sector] {
            assert!(counts.iter().all(|c| c.count <= visible), "{text:?}: {counts:?}");
        }
        let from_b: u64 = f.network.iter().filter(|c| c.value == B).map(|c| c.count).sum();
        assert_eq!(from_b, r.hits.iter().filter(|h| h.network_id == B).count() as u64, "{text:?}");
        assert!(r.hits.iter().all(|h| h.network_id == A || h.shared));
    }
    let secret = search(&index, "zonnebloem", &a);
    assert_eq!((secret.total, secret.hits.len()), (0, 0));
    assert_eq!(secret.facets, Default::default());
}

#[test]
fn a_member_of_b_does_see_it() {
    let index = index_with(&items());
    assert_eq!(ids(&search(&index, "zonnebloem", &member_of(&[B]))), [3]);
    assert_eq!(search(&index, "", &member_of(&[A, B])).total, 4);
}

#[test]
fn shared_items_need_include_shared() {
    let index = index_with(&items());
    let mut found = ids(&search(&index, "mantelzorg", &Access { networks: vec![A], include_shared: false }));
    found.sort();
    assert_eq!(found, [1, 2]);
    let mut found = ids(&search(&index, "mantelzorg", &member_of(&[A])));
    found.sort();
    assert_eq!(found, [1, 2, 4]);
    assert!(search(&index, "", &Access::default()).hits.is_empty());
    assert_eq!(ids(&search(&index, "", &Access { networks: vec![], include_shared: true })), [4]);
}

#[test]
fn filtering_on_the_other_network_shows_only_what_it_shares() {
    let index = index_with(&items());
    let request = SearchRequest { filters: Filters { networks: vec![B], ..Filters::default() }, limit: 50, ..SearchRequest::default() };
    let r = index.search(&request, &member_of(&[A])).expect("search");
    assert_eq!(ids(&r), [4]);
    assert_eq!(r.total, 1);
    // The network facet is counted without its own filter: A's two items and B's one shared.
    let counts: Vec<(i64, u64)> = r.facets.network.iter().map(|c| (c.value, c.count)).collect();
    assert_eq!(counts, [(A, 2), (B, 1)]);
}

#[test]
fn related_items_respect_access_both_ways() {
    let index = index_with(&items());
    let a = member_of(&[A]);
    let related = index.related(1, &a, 10).expect("related");
    let found: Vec<i64> = related.iter().map(|h| h.id).collect();
    assert!(!found.contains(&3), "{found:?}");
    assert!(!found.contains(&1), "never the item itself: {found:?}");
    assert!(found.contains(&2) && found.contains(&4), "{found:?}");
    // B's member does get the private item as related.
    let found_b: Vec<i64> = index.related(4, &member_of(&[B]), 10).expect("related").iter().map(|h| h.id).collect();
    assert!(found_b.contains(&3), "{found_b:?}");
    // Asking for the related items of an item one may not see reveals nothing.
    assert!(index.related(3, &a, 10).expect("related").is_empty());
}

#[test]
fn entities_of_another_network_are_not_found() {
    let index = index_with(&[]);
    let person = |id, network_id, title: &str| EntityDoc {
        kind: EntityKind::Person,
        id,
        network_id,
        title: title.into(),
        text: "coördinator".into(),
    };
    index.upsert_entities(&[person(1, A, "Jan Janssen"), person(2, B, "Piet Janssen")]).expect("upsert");
    index.commit().expect("commit");
    let found: Vec<i64> = index.search_entities("janssen", &member_of(&[A]), 10).expect("search").iter().map(|h| h.id).collect();
    assert_eq!(found, [1]);
    assert!(index.search_entities("piet", &member_of(&[A]), 10).expect("search").is_empty());
    assert!(index.search_entities("janssen", &Access { networks: vec![], include_shared: true }, 10).expect("search").is_empty());
}
