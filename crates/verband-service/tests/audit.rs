//! Every change writes one audit entry and one change-log row; a refused or
//! invalid change writes neither. On SQLite and PostgreSQL.

mod support;

use support::{audit_count, both, change_count, last_seq, network, org_form, person_form, system, user, PASSWORD};
use verband_domain::{AmbitionForm, GoalForm, InterestForm, NetworkForm, NetworkRole, OrganisationForm, PersonForm};
use verband_service::{Actor, Channel, Origin, Service, ServiceError};
use verband_store::AuditRecord;

/// What one change should have written.
struct Expect<'a> {
    actor: &'a str,
    origin: &'a str,
    network_id: Option<i64>,
    action: &'a str,
    object_type: &'a str,
    object_id: i64,
}

/// Asserts that exactly one audit entry and one change-log row were written
/// since `since` (last audit id, last change seq), and returns the new marks.
async fn expect_one(svc: &Service, since: (i64, i64), e: Expect<'_>) -> (i64, i64) {
    let mut conn = svc.store().conn().await.unwrap();
    let audit: Vec<AuditRecord> =
        verband_store::all_audit(&mut conn, 100_000).await.unwrap().into_iter().filter(|a| a.id > since.0).collect();
    assert_eq!(audit.len(), 1, "{} {}: one audit entry expected, got {audit:#?}", e.action, e.object_type);
    let a = &audit[0];
    assert_eq!(
        (a.actor.as_str(), a.origin.as_str(), a.network_id, a.action.as_str(), a.object_type.as_str(), a.object_id, a.result.as_str()),
        (e.actor, e.origin, e.network_id, e.action, e.object_type, Some(e.object_id), "success"),
    );
    assert!(chrono::DateTime::parse_from_rfc3339(&a.at).is_ok(), "audit time {} is RFC 3339", a.at);
    if let Some(n) = e.network_id {
        let recent = verband_store::recent_audit(&mut conn, n, 1).await.unwrap();
        assert_eq!(recent.first(), Some(a), "the entry is the network's newest");
    }

    let changes = verband_store::changes_since(&mut conn, since.1, 100).await.unwrap();
    assert_eq!(changes.len(), 1, "{} {}: one change-log row expected, got {changes:#?}", e.action, e.object_type);
    let c = &changes[0];
    assert!(c.seq > since.1, "seq {} must grow past {}", c.seq, since.1);
    assert_eq!((c.network_id, c.entity.as_str(), c.entity_id, c.op.as_str()), (e.network_id, e.object_type, e.object_id, e.action));
    (a.id, c.seq)
}

async fn marks(svc: &Service) -> (i64, i64) {
    let mut conn = svc.store().conn().await.unwrap();
    let audit = verband_store::all_audit(&mut conn, 1).await.unwrap();
    (audit.first().map_or(0, |a| a.id), last_seq(svc).await)
}

fn goal_form(title: &str) -> GoalForm {
    GoalForm { title: title.into(), indicator: "Aandeel inwoners".into(), target: "80%".into(), ..Default::default() }
}

#[tokio::test]
async fn every_change_writes_one_audit_entry_and_one_change_row() {
    both(|svc| async move {
        let sys = "system:test";
        let mut m = marks(&svc).await;

        let n = svc.create_network(&system(), &NetworkForm { name: "Netwerk".into(), ..Default::default() }).await.unwrap();
        m = expect_one(
            &svc,
            m,
            Expect { actor: sys, origin: "cli", network_id: Some(n), action: "create", object_type: "network", object_id: n },
        )
        .await;
        let uid = svc.add_user(&system(), "coco", "Coco", PASSWORD, false).await.unwrap();
        m = expect_one(
            &svc,
            m,
            Expect { actor: sys, origin: "cli", network_id: None, action: "create", object_type: "user", object_id: uid },
        )
        .await;
        svc.grant(&system(), "coco", n, NetworkRole::Coordinator).await.unwrap();
        m = expect_one(
            &svc,
            m,
            Expect { actor: sys, origin: "cli", network_id: Some(n), action: "grant", object_type: "user", object_id: uid },
        )
        .await;

        // From here on a user acts, from the web with a known address.
        let record = {
            let mut conn = svc.store().conn().await.unwrap();
            verband_store::user_by_username(&mut conn, "coco").await.unwrap().unwrap()
        };
        let coco: Actor = svc.actor_for(&record, Origin { channel: Channel::Web, ip: Some("203.0.113.9".into()) });
        let at = |action, object_type, object_id| Expect {
            actor: "coco",
            origin: "web 203.0.113.9",
            network_id: Some(n),
            action,
            object_type,
            object_id,
        };

        svc.update_network(&coco, n, &NetworkForm { name: "Netwerk Zuid".into(), ..Default::default() }).await.unwrap();
        m = expect_one(&svc, m, at("update", "network", n)).await;
        svc.set_ambition(&coco, n, &AmbitionForm { statement: "Gezond oud worden".into() }).await.unwrap();
        m = expect_one(&svc, m, at("update", "ambition", n)).await;

        let p = svc.create_partner(&coco, n, &org_form("GGD", "public_health")).await.unwrap();
        m = expect_one(&svc, m, at("create", "partner", p.id)).await;
        svc.update_partner(&coco, n, p.id, &org_form("GGD Zuid", "public_health")).await.unwrap();
        m = expect_one(&svc, m, at("update", "partner", p.id)).await;
        svc.set_partner_archived(&coco, n, p.id, true).await.unwrap();
        m = expect_one(&svc, m, at("archive", "partner", p.id)).await;
        svc.set_partner_archived(&coco, n, p.id, false).await.unwrap();
        m = expect_one(&svc, m, at("restore", "partner", p.id)).await;

        let person = svc.create_person(&coco, n, &person_form("Jan", Some(p.id))).await.unwrap();
        m = expect_one(&svc, m, at("create", "person", person.id)).await;
        svc.update_person(&coco, n, person.id, &person_form("Jan de Boer", Some(p.id))).await.unwrap();
        m = expect_one(&svc, m, at("update", "person", person.id)).await;
        svc.set_person_archived(&coco, n, person.id, true).await.unwrap();
        m = expect_one(&svc, m, at("archive", "person", person.id)).await;

        let g = svc.save_goal(&coco, n, None, &goal_form("Doel")).await.unwrap();
        m = expect_one(&svc, m, at("create", "goal", g)).await;
        svc.save_goal(&coco, n, Some(g), &goal_form("Doel 2")).await.unwrap();
        m = expect_one(&svc, m, at("update", "goal", g)).await;
        svc.set_goal_archived(&coco, n, g, true).await.unwrap();
        m = expect_one(&svc, m, at("archive", "goal", g)).await;
        svc.set_goal_archived(&coco, n, g, false).await.unwrap();
        m = expect_one(&svc, m, at("restore", "goal", g)).await;

        let interest =
            InterestForm { organisation_id: p.id.to_string(), description: "Minder zorgvraag".into(), goal_ids: vec![g.to_string()] };
        let i = svc.save_interest(&coco, n, None, &interest).await.unwrap();
        m = expect_one(&svc, m, at("create", "interest", i)).await;
        svc.save_interest(&coco, n, Some(i), &InterestForm { goal_ids: vec![], ..interest }).await.unwrap();
        m = expect_one(&svc, m, at("update", "interest", i)).await;
        svc.delete_interest(&coco, n, i).await.unwrap();
        m = expect_one(&svc, m, at("delete", "interest", i)).await;

        let token = svc.create_api_token(&coco, "Koppeling").await.unwrap();
        let no_network = |action, object_type, object_id| Expect { network_id: None, ..at(action, object_type, object_id) };
        m = expect_one(&svc, m, no_network("create", "api_token", token.id)).await;
        svc.revoke_api_token(&coco, token.id).await.unwrap();
        m = expect_one(&svc, m, no_network("revoke", "api_token", token.id)).await;
        svc.set_password(&system(), "coco", "een ander wachtwoord").await.unwrap();
        expect_one(
            &svc,
            m,
            Expect { actor: sys, origin: "cli", network_id: None, action: "set_password", object_type: "user", object_id: uid },
        )
        .await;

        // The change log reads in order, with each seq larger than the last.
        let mut conn = svc.store().conn().await.unwrap();
        let all = verband_store::changes_since(&mut conn, 0, 1000).await.unwrap();
        assert_eq!(all.len(), 22);
        assert!(all.windows(2).all(|w| w[0].seq < w[1].seq), "seq grows monotonically");
        let tail = verband_store::changes_since(&mut conn, all[19].seq, 1000).await.unwrap();
        assert_eq!(tail, all[20..].to_vec(), "changes_since returns exactly the rows after the given seq");
    })
    .await;
}

#[tokio::test]
async fn invalid_or_refused_changes_write_nothing() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let other = network(&svc, "Ander netwerk").await;
        let p = support::partner(&svc, n, "GGD", "public_health").await;
        let foreign_goal = svc.save_goal(&system(), other, None, &goal_form("Elders")).await.unwrap();
        let (_, member) = user(&svc, "mia", Some((n, NetworkRole::Member))).await;
        let before = (audit_count(&svc).await, change_count(&svc).await);

        let invalid = |r: Result<i64, ServiceError>, what: &str| assert!(matches!(r, Err(ServiceError::Invalid(_))), "{what}: {r:?}");
        invalid(svc.create_network(&system(), &NetworkForm::default()).await, "network without name");
        invalid(
            svc.update_network(&system(), n, &NetworkForm { phase: "ended".into(), ..Default::default() }).await.map(|_| 0),
            "bad phase",
        );
        invalid(svc.set_ambition(&system(), n, &AmbitionForm { statement: "  ".into() }).await.map(|_| 0), "empty ambition");
        invalid(svc.create_partner(&system(), n, &OrganisationForm::default()).await.map(|p| p.id), "empty partner");
        invalid(
            svc.update_partner(&system(), n, p.id, &OrganisationForm { website: "ftp://x".into(), ..org_form("GGD", "public_health") })
                .await
                .map(|p| p.id),
            "bad website",
        );
        invalid(svc.create_person(&system(), n, &PersonForm::default()).await.map(|p| p.id), "empty person");
        invalid(
            svc.save_goal(&system(), n, None, &GoalForm { title: "Zonder maat".into(), ..Default::default() }).await,
            "goal without indicator",
        );
        let foreign_link =
            InterestForm { organisation_id: p.id.to_string(), description: "Belang".into(), goal_ids: vec![foreign_goal.to_string()] };
        invalid(svc.save_interest(&system(), n, None, &foreign_link).await, "interest linked to another network's goal");
        invalid(svc.add_user(&system(), "kort", "", "kort", false).await, "short password");
        let refused = svc.create_partner(&member, n, &org_form("Mag niet", "other")).await;
        assert!(matches!(refused, Err(ServiceError::Forbidden)), "{refused:?}");

        assert_eq!((audit_count(&svc).await, change_count(&svc).await), before);
        assert_eq!(svc.dashboard(&system(), n).await.unwrap().counts.interests, 0);
    })
    .await;
}
