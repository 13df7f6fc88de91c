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
