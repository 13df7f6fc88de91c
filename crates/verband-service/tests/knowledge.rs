//! Knowledge items on both engines: who may add, see, share, edit and
//! archive them, and that every change reaches the change log the search
//! index follows.

mod support;

use support::{both, network, person_form, system, user};
use verband_domain::knowledge::{KnowledgeForm, KnowledgeKind, KnowledgeLinkKind, KnowledgeVisibility};
use verband_domain::portfolio::ProjectForm;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::InstrumentKind;
use verband_domain::{BodyForm, MeetingForm, NetworkRole, Sector};
use verband_service::knowledge::KNOWLEDGE_ENTITY;
use verband_service::surveys::InstrumentRef;
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
        ..Default::default()
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
async fn items_link_to_projects_meetings_and_rounds_of_their_own_network_only() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, member_a) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let (_, member_b) = user(&svc, "lid-b", Some((b, NetworkRole::Member))).await;
        let sys = system();
        let project =
            svc.save_project(&sys, a, None, &ProjectForm { title: "Pilot buurtsport".into(), ..Default::default() }).await.unwrap();
        let project_b =
            svc.save_project(&sys, b, None, &ProjectForm { title: "Geheim project".into(), ..Default::default() }).await.unwrap();
        let body =
            svc.save_body(&sys, a, None, &BodyForm { kind: "working_group".into(), name: "Werkgroep bewegen".into() }).await.unwrap();
        let meeting = svc
            .save_meeting(&sys, a, None, &MeetingForm { body_id: body.to_string(), date: "2026-03-12".into(), ..Default::default() })
            .await
            .unwrap();
        let person = svc
            .create_person(&sys, a, &verband_domain::PersonForm { email: "p@example.nl".into(), ..person_form("Piet", None) })
            .await
            .unwrap()
            .id;
        let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(5)).to_string();
        let round_form = SurveyRoundForm { label: "Voorjaar".into(), deadline, persons: vec![person.to_string()], ..Default::default() };
        let round =
            svc.start_survey_round(&sys, a, InstrumentRef::Builtin(InstrumentKind::CollaborationScan), &round_form).await.unwrap().round_id;

        // The form offers the network's own records.
        let choices = svc.knowledge_link_choices(&member_a, a).await.unwrap();
        let offered: Vec<(KnowledgeLinkKind, i64)> = choices.iter().map(|c| (c.kind, c.id)).collect();
        assert!(offered.contains(&(KnowledgeLinkKind::Project, project)));
        assert!(offered.contains(&(KnowledgeLinkKind::Meeting, meeting)));
        assert!(offered.contains(&(KnowledgeLinkKind::SurveyRound, round)));
        assert!(!offered.contains(&(KnowledgeLinkKind::Project, project_b)), "another network's project is not offered");
        let meeting_choice = choices.iter().find(|c| c.kind == KnowledgeLinkKind::Meeting).unwrap();
        assert_eq!(meeting_choice.label, "Werkgroep bewegen");
        assert!(matches!(svc.knowledge_link_choices(&member_b, a).await, Err(ServiceError::NotFound)));

        // "What we learned from this pilot", linked to all three.
        let linked = KnowledgeForm {
            project_ids: vec![project.to_string()],
            meeting_ids: vec![meeting.to_string()],
            round_ids: vec![round.to_string()],
            ..form("Wat we leerden van de pilot", "")
        };
        let id = svc.create_knowledge_item(&member_a, a, &linked).await.unwrap();
        let view = svc.knowledge_item(&member_a, id).await.unwrap();
        let targets: Vec<(KnowledgeLinkKind, i64)> = view.targets.iter().map(|t| (t.kind, t.id)).collect();
        assert_eq!(targets.len(), 3, "{targets:?}");
        for (kind, target) in
            [(KnowledgeLinkKind::Project, project), (KnowledgeLinkKind::Meeting, meeting), (KnowledgeLinkKind::SurveyRound, round)]
        {
            let items = svc.knowledge_linked_to(&member_a, a, kind, target).await.unwrap();
            assert_eq!(items.iter().map(|i| i.id).collect::<Vec<_>>(), vec![id], "{kind:?}");
        }
        // The project page of another network does not show it, nor may outsiders ask.
        assert!(svc.knowledge_linked_to(&member_b, b, KnowledgeLinkKind::Project, project).await.unwrap().is_empty());
        assert!(matches!(svc.knowledge_linked_to(&member_b, a, KnowledgeLinkKind::Project, project).await, Err(ServiceError::NotFound)));

        // The edit form holds the links; editing replaces them.
        let (_, edit) = svc.knowledge_item_for_edit(&member_a, id).await.unwrap();
        assert_eq!(edit.project_ids, vec![project.to_string()]);
        assert_eq!(edit.meeting_ids, vec![meeting.to_string()]);
        assert_eq!(edit.themes, "bewegen, eenzaamheid");
        svc.update_knowledge_item(&member_a, id, &KnowledgeForm { meeting_ids: Vec::new(), round_ids: Vec::new(), ..edit.clone() })
            .await
            .unwrap();
        assert!(svc.knowledge_linked_to(&member_a, a, KnowledgeLinkKind::Meeting, meeting).await.unwrap().is_empty());
        assert_eq!(svc.knowledge_linked_to(&member_a, a, KnowledgeLinkKind::Project, project).await.unwrap().len(), 1);

        // A link to another network's project is refused, on create and on edit, and nothing changes.
        let foreign = KnowledgeForm { project_ids: vec![project_b.to_string()], ..form("Over de grens", "") };
        let e = svc.create_knowledge_item(&member_a, a, &foreign).await.unwrap_err();
        assert!(matches!(&e, ServiceError::Invalid(v) if v.for_field("projectIds").is_some()), "{e:?}");
        let e = svc
            .update_knowledge_item(&member_a, id, &KnowledgeForm { project_ids: vec![project_b.to_string()], ..edit })
            .await
            .unwrap_err();
        assert!(matches!(&e, ServiceError::Invalid(v) if v.for_field("projectIds").is_some()), "{e:?}");
        assert_eq!(svc.knowledge_linked_to(&member_a, a, KnowledgeLinkKind::Project, project).await.unwrap().len(), 1);
        assert!(svc.knowledge_linked_to(&member_b, b, KnowledgeLinkKind::Project, project_b).await.unwrap().is_empty());
        let e = svc.create_knowledge_item(&member_a, a, &KnowledgeForm { meeting_ids: vec!["999999".into()], ..form("Spook", "") }).await;
        assert!(matches!(&e, Err(ServiceError::Invalid(v)) if v.for_field("meetingIds").is_some()), "{e:?}");

        // A shared item's readers from other networks do not see the network's records.
        let (_, coord_a) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, shared_form) = svc.knowledge_item_for_edit(&coord_a, id).await.unwrap();
        svc.update_knowledge_item(&coord_a, id, &KnowledgeForm { visibility: "shared".into(), ..shared_form }).await.unwrap();
        assert!(svc.knowledge_item(&member_b, id).await.unwrap().targets.is_empty());
        // Archived items leave the record's page.
        svc.archive_knowledge_item(&coord_a, id, true).await.unwrap();
        assert!(svc.knowledge_linked_to(&member_a, a, KnowledgeLinkKind::Project, project).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn only_those_who_may_edit_get_the_edit_form() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, author) = user(&svc, "auteur", Some((a, NetworkRole::Member))).await;
        let (_, other_member) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let (_, coord) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, outsider) = user(&svc, "lid-b", Some((b, NetworkRole::Member))).await;
        let id = svc.create_knowledge_item(&author, a, &form("Van de auteur", "")).await.unwrap();
        assert!(svc.knowledge_item_for_edit(&author, id).await.is_ok());
        assert!(svc.knowledge_item_for_edit(&coord, id).await.is_ok());
        assert!(matches!(svc.knowledge_item_for_edit(&other_member, id).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.knowledge_item_for_edit(&outsider, id).await, Err(ServiceError::NotFound)));
        // Another member reads it but may not change or archive it.
        assert!(!svc.knowledge_item(&other_member, id).await.unwrap().may_edit);
        assert!(matches!(svc.update_knowledge_item(&other_member, id, &form("Overgenomen", "")).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.archive_knowledge_item(&other_member, id, true).await, Err(ServiceError::Forbidden)));
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
