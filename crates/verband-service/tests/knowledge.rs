//! Knowledge items on both engines: who may add, see, share, edit and
//! archive them, and that every change reaches the change log the search
//! index follows.

mod support;

use support::{both, network, user};
use verband_domain::knowledge::{KnowledgeForm, KnowledgeKind, KnowledgeVisibility};
use verband_domain::{NetworkRole, Sector};
use verband_service::knowledge::KNOWLEDGE_ENTITY;
use verband_service::ServiceError;

fn form(title: &str, visibility: &str) -> KnowledgeForm {
    KnowledgeForm {
        kind: "experience".into(),
        title: title.into(),
        body: "Wat we probeerden, wat er gebeurde en wat we anders zouden doen.".into(),
        themes: "bewegen, eenzaamheid".into(),
        phase: "build_up".into(),
        sectors: vec!["welfare".into()],
        links: "https://example.nl/verslag".into(),
        visibility: visibility.into(),
    }
}

#[tokio::test]
async fn items_stay_in_their_network_unless_the_coordinator_shares_them() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, coord_a) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, member_a) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let (_, member_b) = user(&svc, "lid-b", Some((b, NetworkRole::Member))).await;

        // A member shares what they learned within the network...
        let private = svc.create_knowledge_item(&member_a, a, &form("Buurtsportcoach", "")).await.unwrap();
        let view = svc.knowledge_item(&member_a, private).await.unwrap();
        assert_eq!(view.item.kind, KnowledgeKind::Experience);
        assert_eq!(view.item.themes, vec!["bewegen", "eenzaamheid"]);
        assert_eq!(view.item.sectors, vec![Sector::Welfare]);
        assert_eq!(view.item.visibility, KnowledgeVisibility::Network);
        assert_eq!(view.item.author_name.as_deref(), Some("lid-a"));
        assert!(view.may_edit, "the author may edit");
        // ...but may not share it with the deployment.
        let refused = svc.create_knowledge_item(&member_a, a, &form("Gedeeld?", "shared")).await.unwrap_err();
        assert!(matches!(&refused, ServiceError::Invalid(e) if e.for_field("visibility").is_some()), "{refused:?}");

        // Someone of network B does not learn the private item exists.
        assert!(matches!(svc.knowledge_item(&member_b, private).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.update_knowledge_item(&member_b, private, &form("Gekaapt", "")).await, Err(ServiceError::NotFound)));

        // The coordinator shares it: B reads it, but may not edit it.
        svc.update_knowledge_item(&coord_a, private, &form("Buurtsportcoach", "shared")).await.unwrap();
        let seen = svc.knowledge_item(&member_b, private).await.unwrap();
        assert_eq!(seen.item.visibility, KnowledgeVisibility::Shared);
        assert!(!seen.may_edit);
        assert!(matches!(svc.update_knowledge_item(&member_b, private, &form("Gekaapt", "shared")).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.archive_knowledge_item(&member_b, private, true).await, Err(ServiceError::NotFound)));
        // Views are counted: this is the third read (A, B, A).
        assert_eq!(svc.knowledge_item(&member_a, private).await.unwrap().item.views, 3);

        // Archived: gone for readers, back after restoring.
        svc.archive_knowledge_item(&member_a, private, true).await.unwrap();
        assert!(matches!(svc.knowledge_item(&member_b, private).await, Err(ServiceError::NotFound)));
        assert!(svc.knowledge_item(&coord_a, private).await.unwrap().item.archived);
        svc.archive_knowledge_item(&coord_a, private, false).await.unwrap();
        assert!(!svc.knowledge_item(&member_b, private).await.unwrap().item.archived);

        // Every change reached the change log, in order.
        let mut conn = svc.store().conn().await.unwrap();
        let changes = verband_store::changes_since(&mut conn, 0, 1000).await.unwrap();
        let ops: Vec<&str> =
            changes.iter().filter(|c| c.entity == KNOWLEDGE_ENTITY && c.entity_id == private).map(|c| c.op.as_str()).collect();
        assert_eq!(ops, ["create", "update", "archive", "restore"]);
    })
    .await;
}

#[tokio::test]
async fn a_bad_form_is_refused_with_every_field_named_and_nothing_stored() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, member) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let bad = KnowledgeForm { kind: "roddel".into(), title: String::new(), links: "ftp://x".into(), ..form("", "") };
        let Err(ServiceError::Invalid(e)) = svc.create_knowledge_item(&member, a, &bad).await else {
            panic!("expected a validation error")
        };
        for field in ["kind", "title", "links"] {
            assert!(e.for_field(field).is_some(), "{field}");
        }
        let mut conn = svc.store().conn().await.unwrap();
        assert!(verband_store::knowledge_items_batch(&mut conn, 0, 10).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_demo_fills_both_labs_with_items_of_every_kind_over_several_years() {
    both(|svc| async move {
        let summary = svc.seed_demo(verband_service::demo::DEMO_SEED, 1).await.unwrap();
        let (main, small) = (summary.networks[0].0, summary.networks[summary.networks.len() - 1].0);
        let mut conn = svc.store().conn().await.unwrap();
        let items = verband_store::knowledge_items_batch(&mut conn, 0, 1000).await.unwrap();
        assert!((70..=90).contains(&items.len()), "{} items", items.len());
        let in_main = items.iter().filter(|i| i.network_id == main).count();
        let in_small = items.iter().filter(|i| i.network_id == small).count();
        assert!(in_main >= 50 && in_small >= 15 && in_main + in_small == items.len(), "{in_main} + {in_small}");
        let shared: Vec<_> = items.iter().filter(|i| i.visibility == KnowledgeVisibility::Shared).collect();
        assert!(shared.len() >= 8, "{} shared", shared.len());
        // Shared by the coordinator or the deployment itself, never by a member.
        let coordinator = verband_store::user_by_username(&mut conn, "coordinator").await.unwrap().unwrap();
        assert!(shared.iter().all(|i| i.author_user_id.is_none() || i.author_user_id == Some(coordinator.id)));
        assert!(items.iter().any(|i| i.author_user_id.is_some() && i.author_user_id != Some(coordinator.id)), "members write too");
        for kind in [
            KnowledgeKind::Article,
            KnowledgeKind::Tool,
            KnowledgeKind::Reference,
            KnowledgeKind::Experience,
            KnowledgeKind::Success,
            KnowledgeKind::Question,
        ] {
            assert!(items.iter().any(|i| i.kind == kind), "no {kind:?}");
        }

        let mut linked = 0;
        let mut link_kinds = Vec::new();
        let mut answered = 0;
        for item in &items {
            let links = verband_store::knowledge_item_links(&mut conn, item.id).await.unwrap();
            if !links.is_empty() {
                linked += 1;
            }
            for (kind, target) in links {
                // Always a record of the item's own network.
                let own = match kind.as_str() {
                    "project" => verband_store::project_by_id(&mut conn, item.network_id, target).await.unwrap().is_some(),
                    "meeting" => {
                        verband_store::meetings_of_network(&mut conn, item.network_id, None).await.unwrap().iter().any(|m| m.id == target)
                    }
                    "survey_round" => verband_store::survey_rounds_of_network(&mut conn, item.network_id)
                        .await
                        .unwrap()
                        .iter()
                        .any(|r| r.id == target && r.closed),
                    other => panic!("unknown link kind {other}"),
                };
                assert!(own, "{} links to {kind} {target} of another network", item.title);
                if !link_kinds.contains(&kind) {
                    link_kinds.push(kind);
                }
            }
            let questions = verband_store::knowledge_questions(&mut conn, item.id).await.unwrap();
            if questions.iter().any(|q| q.parent_id.is_none()) && questions.iter().any(|q| q.parent_id.is_some()) {
                answered += 1;
                assert!(questions.windows(2).all(|w| w[0].created_at <= w[1].created_at));
            }
        }
        assert!(linked >= 3, "{linked} linked items");
        link_kinds.sort();
        assert_eq!(link_kinds, ["meeting", "project", "survey_round"]);
        assert!(answered >= 6, "{answered} items with answered questions");
        let pilot = verband_store::projects_of_network(&mut conn, main)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.title == "Buurtkamers tegen eenzaamheid")
            .unwrap();
        let learned = verband_store::knowledge_items_linked_to(&mut conn, "project", pilot.id).await.unwrap();
        assert!(learned.iter().any(|i| i.title.starts_with("Wat we leerden van de pilot")), "{learned:?}");

        let mut years: Vec<&str> = items.iter().map(|i| &i.created_at[..4]).collect();
        years.sort_unstable();
        years.dedup();
        assert!(years.len() >= 3, "{years:?}");
        assert!(items.iter().all(|i| i.created_at == i.updated_at && i.created_at.len() == 20));
        let mut views: Vec<i64> = items.iter().map(|i| i.views).collect();
        views.sort_unstable();
        views.dedup();
        assert!(views.len() >= 20 && views[0] >= 0, "{views:?}");
    })
    .await;
}
