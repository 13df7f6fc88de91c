//! Who may see and do what, on SQLite and PostgreSQL.

mod support;

use support::{audit_count, both, change_count, network, org_form, partner, person_form, system, user, PASSWORD};
use verband_domain::{AmbitionForm, GoalForm, InterestForm, ListFilter, NetworkForm, NetworkRole, PageRequest};
use verband_service::{ServiceError, UserRecord};

fn goal_form(title: &str) -> GoalForm {
    GoalForm { title: title.into(), indicator: "Aantal wijken".into(), target: "10".into(), ..Default::default() }
}

fn is_not_found<T: std::fmt::Debug>(r: Result<T, ServiceError>, what: &str) {
    assert!(matches!(r, Err(ServiceError::NotFound)), "{what}: expected NotFound, got {r:?}");
}

fn is_forbidden<T: std::fmt::Debug>(r: Result<T, ServiceError>, what: &str) {
    assert!(matches!(r, Err(ServiceError::Forbidden)), "{what}: expected Forbidden, got {r:?}");
}

#[tokio::test]
async fn member_of_one_network_sees_nothing_of_another() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let pa = partner(&svc, a, "Partner A", "welfare").await;
        let pb = partner(&svc, b, "Partner B", "welfare").await;
        let person_b = svc.create_person(&system(), b, &person_form("Persoon B", Some(pb.id))).await.unwrap();
        let goal_b = svc.save_goal(&system(), b, None, &goal_form("Doel B")).await.unwrap();
        let interest_b = InterestForm { organisation_id: pb.id.to_string(), description: "Belang B".into(), goal_ids: vec![] };
        let interest_b_id = svc.save_interest(&system(), b, None, &interest_b).await.unwrap();
        let (_, member) = user(&svc, "mia", Some((a, NetworkRole::Member))).await;

        // What the member may see of its own network.
        assert_eq!(svc.dashboard(&member, a).await.unwrap().role, NetworkRole::Member);
        assert_eq!(svc.partners(&member, a, &ListFilter::default(), PageRequest::default()).await.unwrap().total, 1);
        assert_eq!(svc.partner(&member, a, pa.id).await.unwrap().id, pa.id);
        assert!(svc.goals(&member, a).await.unwrap().is_empty());

        // Nothing of network B, not even that it exists.
        is_not_found(svc.network(&member, b).await, "network");
        is_not_found(svc.dashboard(&member, b).await.map(|d| d.counts), "dashboard");
        is_not_found(svc.partners(&member, b, &ListFilter::default(), PageRequest::default()).await, "partners list");
        is_not_found(svc.partner(&member, b, pb.id).await, "partner by id");
        is_not_found(svc.partner_choices(&member, b).await, "partner choices");
        is_not_found(svc.persons(&member, b, &ListFilter::default(), PageRequest::default()).await, "persons list");
        is_not_found(svc.person(&member, b, person_b.id).await, "person by id");
        is_not_found(svc.goals(&member, b).await, "goals");
        is_not_found(svc.goal(&member, b, goal_b).await, "goal by id");
        is_not_found(svc.interests(&member, b, None).await, "interests");
        is_not_found(svc.network(&member, b + 1000).await, "a network that does not exist");
        // B's objects through A's id are not found either: queries are scoped.
        is_not_found(svc.partner(&member, a, pb.id).await, "partner of B via A");
        is_not_found(svc.person(&member, a, person_b.id).await, "person of B via A");
        is_not_found(svc.goal(&member, a, goal_b).await, "goal of B via A");
        // Writes to B are refused the same way, and change nothing.
        let (audits, changes) = (audit_count(&svc).await, change_count(&svc).await);
        is_not_found(svc.create_partner(&member, b, &org_form("Indringer", "other")).await, "create partner in B");
        is_not_found(svc.set_partner_archived(&member, b, pb.id, true).await, "archive partner in B");
        is_not_found(svc.set_ambition(&member, b, &AmbitionForm { statement: "Overgenomen".into() }).await, "ambition of B");
        is_not_found(svc.delete_interest(&member, b, interest_b_id).await, "delete interest of B");
        assert_eq!((audit_count(&svc).await, change_count(&svc).await), (audits, changes));
        assert!(!svc.partner(&system(), b, pb.id).await.unwrap().archived);
        assert_eq!(svc.interests(&system(), b, None).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn roles_decide_what_may_be_changed() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let pa = partner(&svc, a, "Partner A", "welfare").await;
        let (_, member) = user(&svc, "mia", Some((a, NetworkRole::Member))).await;
        let (_, steering) = user(&svc, "stef", Some((a, NetworkRole::Steering))).await;
        svc.add_user(&system(), "ada", "Ada Beheer", PASSWORD, true).await.unwrap();
        let admin_record: UserRecord = {
            let mut conn = svc.store().conn().await.unwrap();
            verband_store::user_by_username(&mut conn, "ada").await.unwrap().unwrap()
        };
        let admin = svc.actor_for(&admin_record, support::web());
        let (audits, changes) = (audit_count(&svc).await, change_count(&svc).await);

        // A member reads but does not keep the records.
        is_forbidden(svc.create_partner(&member, a, &org_form("Nieuw", "other")).await, "member creates partner");
        is_forbidden(svc.update_partner(&member, a, pa.id, &org_form("Hernoemd", "other")).await, "member updates partner");
        is_forbidden(svc.set_partner_archived(&member, a, pa.id, true).await, "member archives partner");
        is_forbidden(svc.create_person(&member, a, &person_form("Iemand", None)).await, "member creates person");
        is_forbidden(svc.set_ambition(&member, a, &AmbitionForm { statement: "Stip".into() }).await, "member sets ambition");
        is_forbidden(svc.save_goal(&member, a, None, &goal_form("Doel")).await, "member saves goal");
        is_forbidden(svc.update_network(&member, a, &NetworkForm { name: "X".into(), ..Default::default() }).await, "member edits network");
        is_forbidden(
            svc.create_network(&member, &NetworkForm { name: "Eigen".into(), ..Default::default() }).await,
            "member creates network",
        );
        is_forbidden(svc.add_user(&member, "nieuw", "", PASSWORD, false).await, "member adds user");
        is_forbidden(svc.grant(&member, "mia", a, NetworkRole::Coordinator).await, "member grants itself");
        is_forbidden(svc.list_users(&member).await, "member lists users");
        assert_eq!((audit_count(&svc).await, change_count(&svc).await), (audits, changes), "refused changes write nothing");
        assert_eq!(svc.partner(&system(), a, pa.id).await.unwrap().name, "Partner A");

        // Steering writes the ambition and its goals, not the partner records.
        svc.set_ambition(&steering, a, &AmbitionForm { statement: "Iedereen gezond".into() }).await.unwrap();
        let goal = svc.save_goal(&steering, a, None, &goal_form("Gezonde wijken")).await.unwrap();
        svc.save_goal(&steering, a, Some(goal), &goal_form("Gezonde wijken en dorpen")).await.unwrap();
        svc.set_goal_archived(&steering, a, goal, true).await.unwrap();
        assert_eq!(svc.network(&steering, a).await.unwrap().0.ambition.as_deref(), Some("Iedereen gezond"));
        is_forbidden(svc.create_partner(&steering, a, &org_form("Nieuw", "other")).await, "steering creates partner");
        is_forbidden(svc.update_partner(&steering, a, pa.id, &org_form("Nieuw", "other")).await, "steering updates partner");
        let interest = InterestForm { organisation_id: pa.id.to_string(), description: "Belang".into(), goal_ids: vec![] };
        is_forbidden(svc.save_interest(&steering, a, None, &interest).await, "steering saves interest");
        is_not_found(svc.set_ambition(&steering, b, &AmbitionForm { statement: "Elders".into() }).await, "steering elsewhere");

        // An admin may do everything, in every network.
        let created = svc.create_partner(&admin, b, &org_form("Door beheerder", "other")).await.unwrap();
        svc.update_partner(&admin, a, pa.id, &org_form("Partner A hernoemd", "welfare")).await.unwrap();
        svc.set_partner_archived(&admin, b, created.id, true).await.unwrap();
        svc.set_ambition(&admin, b, &AmbitionForm { statement: "Samen".into() }).await.unwrap();
        svc.save_goal(&admin, b, None, &goal_form("Doel B")).await.unwrap();
        svc.save_interest(&admin, a, None, &interest).await.unwrap();
        svc.create_network(&admin, &NetworkForm { name: "Netwerk C".into(), ..Default::default() }).await.unwrap();
        svc.grant(&admin, "mia", b, NetworkRole::Coordinator).await.unwrap();
        assert_eq!(svc.dashboard(&admin, a).await.unwrap().role, NetworkRole::Coordinator);
        assert_eq!(svc.list_users(&admin).await.unwrap().len(), 3);

        // The grant made the member coordinator of B: now it may keep B's records.
        svc.create_partner(&member, b, &org_form("Door mia", "other")).await.unwrap();
        is_forbidden(svc.create_partner(&member, a, &org_form("Nog steeds niet", "other")).await, "member role in A is unchanged");
    })
    .await;
}

#[tokio::test]
async fn my_networks_lists_only_networks_with_a_role() {
    both(|svc| async move {
        let a = network(&svc, "Zuid").await;
        let b = network(&svc, "Noord").await;
        let c = network(&svc, "Midden").await;
        let (_, member) = user(&svc, "mia", Some((a, NetworkRole::Member))).await;
        svc.grant(&system(), "mia", c, NetworkRole::Advisor).await.unwrap();
        let (_, outsider) = user(&svc, "olaf", None).await;

        let mine: Vec<(i64, NetworkRole)> = svc.my_networks(&member).await.unwrap().into_iter().map(|(n, r)| (n.id, r)).collect();
        assert_eq!(mine, [(c, NetworkRole::Advisor), (a, NetworkRole::Member)], "by name: Midden, Zuid");
        assert!(svc.my_networks(&outsider).await.unwrap().is_empty());
        is_not_found(svc.dashboard(&outsider, a).await.map(|d| d.counts), "outsider dashboard");

        // Granting again replaces the role rather than adding a second one.
        svc.grant(&system(), "mia", a, NetworkRole::Steering).await.unwrap();
        let mine: Vec<(i64, NetworkRole)> = svc.my_networks(&member).await.unwrap().into_iter().map(|(n, r)| (n.id, r)).collect();
        assert_eq!(mine, [(c, NetworkRole::Advisor), (a, NetworkRole::Steering)]);
        assert!(!mine.iter().any(|(id, _)| *id == b));

        let all: Vec<i64> = svc.my_networks(&system()).await.unwrap().into_iter().map(|(n, _)| n.id).collect();
        assert_eq!(all, [c, b, a], "the system sees every network, by name");
        is_not_found(svc.grant(&system(), "niemand", a, NetworkRole::Member).await, "grant to unknown user");
        is_not_found(svc.grant(&system(), "mia", a + b + c + 1000, NetworkRole::Member).await, "grant in unknown network");
    })
    .await;
}
