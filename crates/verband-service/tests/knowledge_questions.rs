//! Questions and answers under knowledge items on both engines: who may ask,
//! answer and archive, and that answers stay under a question of the same item.

mod support;

use support::{both, change_count, network, user};
use verband_domain::knowledge::{KnowledgeForm, KnowledgeQuestionForm, MAX_QUESTION};
use verband_domain::NetworkRole;
use verband_service::knowledge_questions::KNOWLEDGE_QUESTION_ENTITY;
use verband_service::ServiceError;

fn item(title: &str) -> KnowledgeForm {
    KnowledgeForm { kind: "question".into(), title: title.into(), body: "Wie heeft hier ervaring mee?".into(), ..Default::default() }
}

fn ask(body: &str) -> KnowledgeQuestionForm {
    KnowledgeQuestionForm { body: body.into(), parent_id: String::new() }
}

fn answer(body: &str, to: i64) -> KnowledgeQuestionForm {
    KnowledgeQuestionForm { body: body.into(), parent_id: to.to_string() }
}

#[tokio::test]
async fn a_shared_item_is_asked_and_answered_across_networks() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, coord_a) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, member_a) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let (_, member_b) = user(&svc, "lid-b", Some((b, NetworkRole::Member))).await;
        let private = svc.create_knowledge_item(&member_a, a, &item("Vrijwilligers werven")).await.unwrap();

        // Private: people of B do not learn it exists, so cannot ask either.
        assert!(matches!(svc.ask_knowledge_question(&member_b, private, &ask("Hoe?")).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.knowledge_question_threads(&member_b, private).await, Err(ServiceError::NotFound)));

        // Shared: B asks, A answers, B answers too.
        let shared =
            svc.create_knowledge_item(&coord_a, a, &KnowledgeForm { visibility: "shared".into(), ..item("Buurtsport") }).await.unwrap();
        let before = change_count(&svc).await;
        let q = svc.ask_knowledge_question(&member_b, shared, &ask("  Hoe vonden jullie vrijwilligers?  ")).await.unwrap();
        let a1 = svc.ask_knowledge_question(&member_a, shared, &answer("Via de buurtkrant.", q)).await.unwrap();
        let a2 = svc.ask_knowledge_question(&member_b, shared, &answer("Dank, dat proberen we.", q)).await.unwrap();
        let q2 = svc.ask_knowledge_question(&member_a, shared, &ask("En wie betaalde?")).await.unwrap();
        assert_eq!(change_count(&svc).await, before + 4, "every question and answer reaches the change log");

        let threads = svc.knowledge_question_threads(&member_b, shared).await.unwrap();
        assert_eq!(threads.len(), 2);
        assert_eq!(threads[0].question.entry.id, q);
        assert_eq!(threads[0].question.entry.body, "Hoe vonden jullie vrijwilligers?", "the text is trimmed");
        assert_eq!(threads[0].question.entry.author_name.as_deref(), Some("lid-b"));
        assert_eq!(threads[0].answers.iter().map(|a| a.entry.id).collect::<Vec<_>>(), vec![a1, a2]);
        assert!(threads[0].question.may_archive, "one's own question");
        assert!(!threads[0].answers[0].may_archive, "not someone else's answer");
        assert!(threads[1].answers.is_empty() && threads[1].question.entry.id == q2);
        // The coordinator of the item's network may archive everything.
        assert!(svc.knowledge_question_threads(&coord_a, shared).await.unwrap().iter().all(|t| t.question.may_archive));
        // The item page lists them too.
        assert_eq!(svc.knowledge_item(&member_b, shared).await.unwrap().questions.len(), 4);
    })
    .await;
}

#[tokio::test]
async fn answers_belong_to_a_question_of_the_same_item_and_text_is_required() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, member) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let one = svc.create_knowledge_item(&member, a, &item("Een")).await.unwrap();
        let two = svc.create_knowledge_item(&member, a, &item("Twee")).await.unwrap();
        let q = svc.ask_knowledge_question(&member, one, &ask("Vraag bij een")).await.unwrap();
        let reply = svc.ask_knowledge_question(&member, one, &answer("Antwoord", q)).await.unwrap();

        for (item_id, form) in [
            (two, answer("Onder het verkeerde item", q)),
            (one, answer("Antwoord op een antwoord", reply)),
            (one, answer("Op niets", 999_999)),
        ] {
            let e = svc.ask_knowledge_question(&member, item_id, &form).await.unwrap_err();
            assert!(matches!(&e, ServiceError::Invalid(v) if v.for_field("parentId").is_some()), "{e:?}");
        }
        for body in ["   ", &"x".repeat(MAX_QUESTION + 1)] {
            let e = svc.ask_knowledge_question(&member, one, &ask(body)).await.unwrap_err();
            assert!(matches!(&e, ServiceError::Invalid(v) if v.for_field("body").is_some()), "{e:?}");
        }
        assert!(svc.ask_knowledge_question(&member, one, &ask(&"x".repeat(MAX_QUESTION))).await.is_ok(), "5,000 characters fit");
        assert!(svc.knowledge_question_threads(&member, two).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn people_archive_their_own_words_and_the_coordinator_any() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, coord) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid-a", Some((a, NetworkRole::Member))).await;
        let (_, other) = user(&svc, "ander-a", Some((a, NetworkRole::Member))).await;
        let (_, coord_b) = user(&svc, "coord-b", Some((b, NetworkRole::Coordinator))).await;
        let id = svc.create_knowledge_item(&coord, a, &KnowledgeForm { visibility: "shared".into(), ..item("Gedeeld") }).await.unwrap();
        let q = svc.ask_knowledge_question(&member, id, &ask("Mijn vraag")).await.unwrap();
        let reply = svc.ask_knowledge_question(&other, id, &answer("Mijn antwoord", q)).await.unwrap();
        let q2 = svc.ask_knowledge_question(&coord_b, id, &ask("Vraag uit B")).await.unwrap();

        // Not someone else's; the other network's coordinator is no coordinator here.
        assert!(matches!(svc.archive_knowledge_question(&other, id, q).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.archive_knowledge_question(&coord_b, id, reply).await, Err(ServiceError::Forbidden)));
        // One's own: yes, also from another network.
        svc.archive_knowledge_question(&coord_b, id, q2).await.unwrap();
        svc.archive_knowledge_question(&other, id, reply).await.unwrap();
        // The coordinator of the item's network tidies up anyone's.
        svc.archive_knowledge_question(&coord, id, q).await.unwrap();
        assert!(svc.knowledge_question_threads(&member, id).await.unwrap().is_empty());
        // Gone is gone: archiving again, or under another item, finds nothing.
        assert!(matches!(svc.archive_knowledge_question(&coord, id, q).await, Err(ServiceError::NotFound)));

        let mut conn = svc.store().conn().await.unwrap();
        let changes = verband_store::changes_since(&mut conn, 0, 1000).await.unwrap();
        let archived = changes.iter().filter(|c| c.entity == KNOWLEDGE_QUESTION_ENTITY && c.op == "archive").count();
        assert_eq!(archived, 3);

        // An archived item takes no new questions.
        svc.archive_knowledge_item(&coord, id, true).await.unwrap();
        assert!(matches!(svc.ask_knowledge_question(&coord, id, &ask("Nog een")).await, Err(ServiceError::Forbidden)));
        for reader in [&member, &coord_b] {
            assert!(matches!(svc.ask_knowledge_question(reader, id, &ask("Nog een")).await, Err(ServiceError::NotFound)));
        }
    })
    .await;
}
