//! The search index following the database on both engines: what a user
//! finds in the knowledge lab and the header search, what they never find,
//! rebuild against incremental, and two instances on one database.

mod support;

use std::time::{Duration, Instant};

use support::{both, network, org_form, person_form, user};
use verband_domain::knowledge::KnowledgeForm;
use verband_domain::NetworkRole;
use verband_search::{EntityKind, Filters, SearchRequest};
use verband_service::{Actor, Service};

fn item(title: &str, body: &str, visibility: &str) -> KnowledgeForm {
    KnowledgeForm {
        kind: "experience".into(),
        title: title.into(),
        body: body.into(),
        themes: "samenwerking".into(),
        phase: String::new(),
        sectors: vec!["welfare".into()],
        links: String::new(),
        visibility: visibility.into(),
        ..KnowledgeForm::default()
    }
}

async fn titles(svc: &Service, actor: &Actor, text: &str) -> Vec<String> {
    let found = svc.search_knowledge(actor, SearchRequest::text(text)).await.unwrap();
    found.results.hits.iter().map(|h| h.title.text.clone()).collect()
}

#[tokio::test]
async fn a_user_finds_what_their_networks_wrote_and_what_was_shared_and_nothing_else() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, coord_a) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, member_a) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let (_, coord_b) = user(&svc, "coord-b", Some((b, NetworkRole::Coordinator))).await;

        svc.create_knowledge_item(&member_a, a, &item("Samenwerkingen met huisartsen", "Wekelijks overleg in de wijk.", "")).await.unwrap();
        let secret = svc
            .create_knowledge_item(&coord_b, b, &item("Geheime samenwerking met de zorgverzekeraar", "Vertrouwelijk.", ""))
            .await
            .unwrap();
        svc.create_knowledge_item(&coord_b, b, &item("Samenwerking in de buurt", "Gedeeld met iedereen.", "shared")).await.unwrap();

        // Stemming: the plural finds the singular and the other way round.
        let seen = titles(&svc, &member_a, "samenwerking").await;
        assert!(seen.contains(&"Samenwerkingen met huisartsen".to_string()), "{seen:?}");
        assert!(seen.contains(&"Samenwerking in de buurt".to_string()), "the shared item of B: {seen:?}");
        assert!(!seen.iter().any(|t| t.contains("Geheime")), "B's private item must not show for A: {seen:?}");

        let found = svc.search_knowledge(&member_a, SearchRequest::text("zorgverzekeraar")).await.unwrap();
        assert_eq!(found.results.total, 0, "not even counted");
        assert!(found.results.facets.network.iter().all(|f| f.value != b || f.count == 1), "{:?}", found.results.facets.network);

        // Facet counts equal the hits; the network facet carries the names.
        let all = svc.search_knowledge(&member_a, SearchRequest::text("samenwerking")).await.unwrap();
        let per_network: u64 = all.results.facets.network.iter().map(|f| f.count).sum();
        assert_eq!(per_network, all.results.total);
        assert_eq!(all.network_names.get(&b).map(String::as_str), Some("Netwerk B"));
        let only_b = SearchRequest { filters: Filters { networks: vec![b], ..Filters::default() }, ..SearchRequest::text("samenwerking") };
        assert_eq!(svc.search_knowledge(&member_a, only_b).await.unwrap().results.total, 1);

        // Related items never show the private one either.
        let own = all.results.hits.iter().find(|h| h.network_id == a).map(|h| h.id).unwrap();
        let related = svc.related_knowledge(&member_a, own, 10).await.unwrap();
        assert!(related.iter().all(|h| h.id != secret), "{related:?}");
        // Nor can A ask for items related to B's private one.
        assert!(svc.related_knowledge(&member_a, secret, 10).await.is_err());

        // An archived item leaves the index; restored, it is back.
        svc.archive_knowledge_item(&coord_a, own, true).await.unwrap();
        assert!(!titles(&svc, &member_a, "huisartsen").await.iter().any(|t| t.contains("huisartsen")));
        svc.archive_knowledge_item(&coord_a, own, false).await.unwrap();
        assert_eq!(titles(&svc, &member_a, "huisartsen").await, vec!["Samenwerkingen met huisartsen".to_string()]);

        // An edit is found under its new words at once.
        svc.update_knowledge_item(&coord_a, own, &item("Samenwerkingen met apothekers", "Overleg.", "")).await.unwrap();
        assert_eq!(titles(&svc, &member_a, "apotheker").await, vec!["Samenwerkingen met apothekers".to_string()]);
        assert!(titles(&svc, &member_a, "huisartsen").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_header_search_finds_partners_persons_projects_of_the_users_networks_only() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, member_a) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let system = support::system();
        let partner = svc.create_partner(&system, a, &org_form("Stichting Welzijn Rivierenland", "welfare")).await.unwrap().id;
        svc.create_partner(&system, b, &org_form("Welzijn Lingedal", "welfare")).await.unwrap();
        svc.create_person(&system, a, &person_form("Fatima Welzijnsbaan", Some(partner))).await.unwrap();

        let found = svc.search_everything(&member_a, "welzijn", 10).await.unwrap();
        let names: Vec<(EntityKind, String)> = found.entities.iter().map(|e| (e.kind, e.title.text.clone())).collect();
        assert!(names.contains(&(EntityKind::Partner, "Stichting Welzijn Rivierenland".into())), "{names:?}");
        assert!(names.contains(&(EntityKind::Person, "Fatima Welzijnsbaan".into())), "found by her organisation: {names:?}");
        assert!(!names.iter().any(|(_, n)| n.contains("Lingedal")), "network B's partner: {names:?}");

        // An archived partner is no longer found.
        svc.set_partner_archived(&system, a, partner, true).await.unwrap();
        let found = svc.search_everything(&member_a, "rivierenland", 10).await.unwrap();
        assert!(found.entities.iter().all(|e| e.kind != EntityKind::Partner), "{:?}", found.entities);
    })
    .await;
}

#[tokio::test]
async fn a_rebuild_from_scratch_gives_the_same_results_as_following_the_log() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, coord) = user(&svc, "coord", Some((a, NetworkRole::Coordinator))).await;
        for (i, title) in
            ["Financiering van de buurtsportcoach", "Financieren met een subsidie", "Mantelzorgers ondersteunen", "Eenzaamheid bij ouderen"]
                .iter()
                .enumerate()
        {
            let id = svc
                .create_knowledge_item(&coord, a, &item(title, &format!("Deel {i} over financiering en mantelzorg."), ""))
                .await
                .unwrap();
            if i == 3 {
                svc.archive_knowledge_item(&coord, id, true).await.unwrap();
            }
        }
        let queries = ["financiering", "mantelzorger", "ouderen", "", "financeiring"];
        let mut before = Vec::new();
        for q in queries {
            before.push(svc.search_knowledge(&coord, SearchRequest::text(q)).await.unwrap().results);
        }
        let position = svc.search_position().unwrap();
        let stats = svc.rebuild_search(&mut |_| {}).await.unwrap();
        assert_eq!(stats.knowledge_items, 3, "the archived one is not indexed");
        assert_eq!(Some(stats.position), position, "the rebuild follows the log from where it is");
        for (q, earlier) in queries.iter().zip(before) {
            let now = svc.search_knowledge(&coord, SearchRequest::text(q)).await.unwrap().results;
            assert_eq!(now, earlier, "query {q:?}");
        }
        // A typo still finds the items.
        assert!(!titles(&svc, &coord, "financeiring").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn two_instances_on_one_database_each_find_what_the_other_saved_within_a_second() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, coord) = user(&svc, "coord", Some((a, NetworkRole::Coordinator))).await;
        // Two instances: one database, each its own index following the log.
        let first = Service::new(svc.store().clone());
        let second = Service::new(svc.store().clone());
        first.catch_up_search().await.unwrap();
        second.catch_up_search().await.unwrap();
        let followers = [first.follow_changes(verband_service::FOLLOW_EVERY), second.follow_changes(verband_service::FOLLOW_EVERY)];

        for (writer, reader, title) in [(&first, &second, "Wijkteam in Dijkhoven"), (&second, &first, "Huiskamer in Lingewaard")] {
            writer.create_knowledge_item(&coord, a, &item(title, "Een verslag.", "")).await.unwrap();
            let target = writer.store().clone();
            let newest = verband_store::last_change_seq(&mut target.conn().await.unwrap()).await.unwrap();
            // The reader's follower, not a search, brings its index up to date.
            let started = Instant::now();
            while reader.search_position().unwrap().unwrap_or(0) < newest {
                assert!(started.elapsed() < Duration::from_secs(1), "{title}: the other instance did not follow within a second");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            let found = titles(reader, &coord, title).await;
            assert_eq!(found, vec![title.to_string()]);
        }
        for f in followers {
            f.abort();
        }
    })
    .await;
}

#[tokio::test]
async fn words_inside_an_attached_pdf_find_the_item() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, coord) = user(&svc, "coord", Some((a, NetworkRole::Coordinator))).await;
        let id = svc.create_knowledge_item(&coord, a, &item("Verslag voorjaar", "Zie de bijlage.", "")).await.unwrap();
        assert!(titles(&svc, &coord, "casuïstiekoverleg").await.is_empty(), "not in the item's own text");
        // A real PDF (made with fpdf2, see crates/verband-formats/tests/attachment.rs).
        let pdf = include_bytes!("../../verband-formats/tests/fixtures/verslag-fpdf2.pdf");
        svc.add_knowledge_attachment(&coord, id, "verslag.pdf", pdf).await.unwrap();
        let found = svc.search_knowledge(&coord, SearchRequest::text("casuistiekoverleg")).await.unwrap().results;
        assert_eq!(found.hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![id]);
        assert_eq!(found.hits[0].snippet_source, verband_search::SnippetSource::Attachment);
        assert!(found.hits[0].snippet.text.contains("casuïstiekoverleg"), "{:?}", found.hits[0].snippet);
    })
    .await;
}
