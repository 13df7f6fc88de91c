//! The index on disk: reopening, the change-log position committed with the
//! documents, schema versions, and rebuilding from scratch.

mod common;

use common::{corpus, ids, item, member_of, search};
use verband_search::{Filters, KnowledgeDoc, OpenState, SearchIndex, SearchRequest, Sort};

#[test]
fn the_change_log_position_survives_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let index = SearchIndex::open(dir.path()).expect("open");
        assert_eq!(index.opened(), &OpenState::Created);
        assert_eq!(index.last_applied_change(), None, "a new index must be filled first");
        index.upsert_knowledge(&[item(1, 1, "Wijkteam", "")]).expect("upsert");
        index.set_last_applied_change(42).expect("set");
        index.commit().expect("commit");
        assert_eq!(index.last_applied_change(), Some(42));
    }
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.opened(), &OpenState::Existing);
    assert_eq!(index.last_applied_change(), Some(42));
    assert_eq!(ids(&search(&index, "wijkteam", &member_of(&[1]))), [1]);
    // A commit without a new position keeps the old one.
    index.upsert_knowledge(&[item(2, 1, "Mantelzorg", "")]).expect("upsert");
    index.commit().expect("commit");
    assert_eq!(index.last_applied_change(), Some(42));
}

#[test]
fn documents_and_position_are_committed_together_or_not_at_all() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let index = SearchIndex::open(dir.path()).expect("open");
        index.upsert_knowledge(&[item(1, 1, "Wijkteam", "")]).expect("upsert");
        index.set_last_applied_change(7).expect("set");
        index.commit().expect("commit");
        // Applied but never committed: as if the process died here.
        index.upsert_knowledge(&[item(2, 1, "Wijkteam twee", "")]).expect("upsert");
        index.set_last_applied_change(8).expect("set");
    }
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.last_applied_change(), Some(7));
    assert_eq!(ids(&search(&index, "wijkteam", &member_of(&[1]))), [1], "change 8 will be applied again");
}

#[test]
fn clearing_forgets_the_position_until_a_rebuild_sets_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    index.upsert_knowledge(&[item(1, 1, "Wijkteam", "")]).expect("upsert");
    index.set_last_applied_change(5).expect("set");
    index.commit().expect("commit");
    index.upsert_knowledge(&[item(2, 1, "Niet gecommit", "")]).expect("upsert");
    index.clear().expect("clear");
    // Until the rebuild commits, searches see the old contents.
    assert_eq!(search(&index, "", &member_of(&[1])).total, 1);
    index.commit().expect("commit");
    assert_eq!(search(&index, "", &member_of(&[1])).total, 0, "uncommitted writes before clear are gone too");
    assert_eq!(index.last_applied_change(), None);
    index.close().expect("close");
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.last_applied_change(), None);
}

#[test]
fn an_index_of_another_schema_version_is_replaced_and_nothing_else_touched() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schema-v0")).expect("mkdir");
    std::fs::write(dir.path().join("schema-v0/meta.json"), "{}").expect("write");
    std::fs::create_dir_all(dir.path().join("notes")).expect("mkdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    assert!(matches!(index.opened(), OpenState::Recreated { .. }), "{:?}", index.opened());
    assert_eq!(index.last_applied_change(), None);
    assert!(!dir.path().join("schema-v0").exists());
    assert!(dir.path().join("notes").exists());
}

#[test]
fn an_unreadable_index_is_recreated_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let index = SearchIndex::open(dir.path()).expect("open");
        index.upsert_knowledge(&[item(1, 1, "Wijkteam", "")]).expect("upsert");
        index.set_last_applied_change(3).expect("set");
        index.commit().expect("commit");
    }
    let meta = std::fs::read_dir(dir.path()).expect("ls").filter_map(|e| e.ok()).map(|e| e.path().join("meta.json")).find(|p| p.exists());
    std::fs::write(meta.expect("meta.json"), "not json").expect("corrupt");
    let index = SearchIndex::open(dir.path()).expect("open");
    assert!(matches!(index.opened(), OpenState::Recreated { .. }), "{:?}", index.opened());
    assert_eq!((index.last_applied_change(), index.num_docs()), (None, 0));
}

#[test]
fn a_second_writer_on_the_same_directory_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let _first = SearchIndex::open(dir.path()).expect("open");
    assert!(matches!(SearchIndex::open(dir.path()), Err(verband_search::SearchError::Locked(_))));
}

/// The queries compared between the two indexes.
fn requests() -> Vec<SearchRequest> {
    let mut r: Vec<SearchRequest> = ["", "samenwerking", "wijkteam mantelzorg", "funding", "finanicering", "nieuw"]
        .iter()
        .map(|t| SearchRequest { limit: 200, ..SearchRequest::text(t) })
        .collect();
    r.push(SearchRequest { sort: Sort::MostViewed, limit: 200, ..SearchRequest::default() });
    r.push(SearchRequest {
        filters: Filters { themes: vec!["zorg".into()], ..Filters::default() },
        limit: 200,
        ..SearchRequest::text("pilot")
    });
    r
}

#[test]
fn rebuilding_from_scratch_equals_incremental_indexing() {
    let access = member_of(&[1, 2, 3]);
    let mut docs = corpus(90);
    let incremental = SearchIndex::in_memory().expect("index");
    // Add in batches with commits, then change and delete some items.
    for chunk in docs.chunks(25) {
        incremental.upsert_knowledge(chunk).expect("upsert");
        incremental.commit().expect("commit");
    }
    for d in docs.iter_mut().filter(|d| d.id % 7 == 0) {
        d.title = format!("Nieuw: {}", d.title);
        d.themes.push("zorg".into());
        incremental.upsert_knowledge(std::slice::from_ref(d)).expect("upsert");
    }
    let deleted: Vec<i64> = docs.iter().filter(|d| d.id % 11 == 0).map(|d| d.id).collect();
    for id in &deleted {
        incremental.delete_knowledge(*id).expect("delete");
    }
    incremental.commit().expect("commit");
    let current: Vec<KnowledgeDoc> = docs.into_iter().filter(|d| !deleted.contains(&d.id)).collect();

    let rebuilt = SearchIndex::in_memory().expect("index");
    rebuilt.upsert_knowledge(&corpus(5)).expect("stale contents");
    rebuilt.commit().expect("commit");
    rebuilt.clear().expect("clear");
    rebuilt.upsert_knowledge(&current).expect("upsert");
    rebuilt.commit().expect("commit");

    for request in requests() {
        let a = incremental.search(&request, &access).expect("search");
        let b = rebuilt.search(&request, &access).expect("search");
        assert!(a.total > 0, "{:?} finds something", request.text);
        assert_eq!(a.total, b.total, "{:?}", request.text);
        assert_eq!(a.facets, b.facets, "{:?}", request.text);
        let (mut ia, mut ib) = (ids(&a), ids(&b));
        if request.text.is_empty() {
            assert_eq!(ia, ib, "listings are in the same order");
        }
        ia.sort();
        ib.sort();
        assert_eq!(ia, ib, "{:?}", request.text);
    }
    // Deleted documents still weigh in BM25 statistics until segments merge;
    // once merged, scores and hence the order are the same too.
    incremental.compact().expect("compact");
    rebuilt.compact().expect("compact");
    for request in requests() {
        let a = incremental.search(&request, &access).expect("search");
        let b = rebuilt.search(&request, &access).expect("search");
        assert_eq!(ids(&a), ids(&b), "{:?}", request.text);
    }
}
