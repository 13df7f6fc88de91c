//! Day one: networks are created and archived, people are invited, accept
//! once, and access is changed or removed — on SQLite and PostgreSQL.

mod support;

use support::{both, network, partner, system, user, web, PASSWORD};
use verband_domain::invitation::{AccountForm, InvitationForm};
use verband_domain::NetworkRole;
use verband_service::{Origin, Service, ServiceError};

fn invite_form(emails: &str, role: &str, organisation: Option<i64>) -> InvitationForm {
    InvitationForm { emails: emails.into(), role: role.into(), organisation_id: organisation.map(|o| o.to_string()).unwrap_or_default() }
}

fn account(username: &str) -> AccountForm {
    AccountForm {
        display_name: format!("{username} Jansen"),
        username: username.into(),
        email: String::new(),
        password: PASSWORD.into(),
        password_again: PASSWORD.into(),
    }
}

/// The token at the end of a link the service returned (no SMTP in these tests).
fn token_of(link: &Option<String>) -> String {
    link.as_deref().and_then(|l| l.rsplit('/').next()).expect("a link is returned when nothing is mailed").to_string()
}

async fn invite_one(svc: &Service, network_id: i64, email: &str, role: &str, organisation: Option<i64>) -> String {
    let outcome = svc.invite(&system(), network_id, &invite_form(email, role, organisation)).await.expect("invite");
    assert_eq!(outcome.sent.len(), 1);
    assert!(!outcome.sent[0].mailed, "no SMTP server in the tests");
    token_of(&outcome.sent[0].link)
}

#[tokio::test]
async fn an_invitation_link_works_once_and_gives_the_role_and_partner() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let ggd = partner(&svc, n, "GGD Gelderland-Zuid", "public_health").await;
        let token = invite_one(&svc, n, "Anna@GGD.nl", "member", Some(ggd.id)).await;

        let preview = svc.invitation_preview(&token, &web()).await.unwrap();
        assert_eq!(
            (preview.network_name.as_str(), preview.role, preview.email.as_str()),
            ("Gezond Rivierenland", NetworkRole::Member, "anna@ggd.nl")
        );
        assert!(!preview.account_exists);

        let (session, network_id) = svc.accept_invitation_with_new_account(&token, &account("anna"), web()).await.unwrap();
        assert_eq!(network_id, n);
        let me = svc.user_for_session(&session.session_token).await.unwrap().expect("signed in");
        assert_eq!(me.email.as_deref(), Some("anna@ggd.nl"), "the invited address becomes the account's");
        let actor = svc.actor_for(&me, web());
        assert_eq!(svc.role_in(&actor, n).await.unwrap(), NetworkRole::Member);
        assert_eq!(svc.my_organisation(&actor, n).await.unwrap(), Some(ggd.id));

        // The second use of the same link is refused like any bad link.
        assert!(matches!(svc.invitation_preview(&token, &web()).await, Err(ServiceError::NotFound)));
        let again = svc.accept_invitation_with_new_account(&token, &account("anna2"), web()).await;
        assert!(matches!(again, Err(ServiceError::NotFound)), "{:?}", again.err());
        // A tampered link too.
        let mut tampered = token.clone();
        tampered.replace_range(0..1, if tampered.starts_with('A') { "B" } else { "A" });
        assert!(matches!(svc.invitation_preview(&tampered, &web()).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn an_expired_or_withdrawn_invitation_does_not_work() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let expired = invite_one(&svc, n, "oud@example.nl", "member", None).await;
        {
            let mut conn = svc.store().conn().await.unwrap();
            sqlx::query("UPDATE invitations SET expires_at = '2020-01-01T00:00:00Z' WHERE email = 'oud@example.nl'")
                .execute(&mut *conn)
                .await
                .unwrap();
        }
        assert!(matches!(svc.invitation_preview(&expired, &web()).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.accept_invitation_with_new_account(&expired, &account("oud"), web()).await, Err(ServiceError::NotFound)));

        let token = invite_one(&svc, n, "weg@example.nl", "advisor", None).await;
        let view = svc.access_view(&system(), n).await.unwrap();
        let id = view.invitations.iter().find(|(i, _)| i.email == "weg@example.nl").map(|(i, _)| i.id).unwrap();
        svc.withdraw_invitation(&system(), n, id).await.unwrap();
        assert!(matches!(svc.invitation_preview(&token, &web()).await, Err(ServiceError::NotFound)));
        // Withdrawing twice says it is closed.
        assert!(matches!(svc.withdraw_invitation(&system(), n, id).await, Err(ServiceError::Conflict(_))));
    })
    .await;
}

#[tokio::test]
async fn inviting_an_address_twice_keeps_one_invitation_with_a_new_link() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let first = invite_one(&svc, n, "piet@example.nl", "member", None).await;
        let outcome = svc.invite(&system(), n, &invite_form("Piet <PIET@example.nl>\nkees@example.nl", "steering", None)).await.unwrap();
        assert_eq!(outcome.sent.len(), 2);
        assert!(outcome.sent.iter().any(|s| s.email == "piet@example.nl" && s.renewed));
        let view = svc.access_view(&system(), n).await.unwrap();
        let piet: Vec<_> = view.invitations.iter().filter(|(i, _)| i.email == "piet@example.nl").collect();
        assert_eq!(piet.len(), 1, "one pending invitation per address");
        assert_eq!(piet[0].0.role, NetworkRole::Steering, "the latest role counts");
        // The old link stopped working; the new one works.
        assert!(matches!(svc.invitation_preview(&first, &web()).await, Err(ServiceError::NotFound)));
        let new = outcome.sent.iter().find(|s| s.email == "piet@example.nl").unwrap();
        assert!(svc.invitation_preview(&token_of(&new.link), &web()).await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn an_existing_account_accepts_and_gains_the_role() {
    both(|svc| async move {
        let n = network(&svc, "Eerste").await;
        let m = network(&svc, "Tweede").await;
        let (_, actor) = user(&svc, "sanne", Some((n, NetworkRole::Member))).await;
        {
            let mut conn = svc.store().conn().await.unwrap();
            sqlx::query("UPDATE users SET email = 'sanne@example.nl' WHERE username = 'sanne'").execute(&mut *conn).await.unwrap();
        }
        let token = invite_one(&svc, m, "sanne@example.nl", "advisor", None).await;
        assert!(svc.invitation_preview(&token, &web()).await.unwrap().account_exists);
        // Without logging in, a new account with the same address is refused.
        assert!(matches!(svc.accept_invitation_with_new_account(&token, &account("sanne2"), web()).await, Err(ServiceError::Conflict(_))));
        assert_eq!(svc.accept_invitation(&actor, &token).await.unwrap(), m);
        assert_eq!(svc.role_in(&actor, m).await.unwrap(), NetworkRole::Advisor);
        assert_eq!(svc.role_in(&actor, n).await.unwrap(), NetworkRole::Member, "the other network is untouched");
        // Inviting someone who already has access reports it instead of inviting.
        let outcome = svc.invite(&system(), m, &invite_form("sanne@example.nl", "member", None)).await.unwrap();
        assert_eq!(outcome.already_in, vec!["sanne@example.nl".to_string()]);
        assert!(outcome.sent.is_empty());
    })
    .await;
}

#[tokio::test]
async fn only_coordinators_and_the_administrator_manage_access() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let other = network(&svc, "Ander netwerk").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        for (name, role) in [("stuur", NetworkRole::Steering), ("lid", NetworkRole::Member), ("advies", NetworkRole::Advisor)] {
            let (_, actor) = user(&svc, name, Some((n, role))).await;
            let r = svc.invite(&actor, n, &invite_form("x@example.nl", "member", None)).await;
            assert!(matches!(r, Err(ServiceError::Forbidden)), "{name} may not invite: {:?}", r.err());
            assert!(matches!(svc.access_view(&actor, n).await, Err(ServiceError::Forbidden)), "{name}");
        }
        // A coordinator of one network is a stranger in another.
        let r = svc.invite(&coordinator, other, &invite_form("x@example.nl", "member", None)).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());
        assert!(svc.invite(&coordinator, n, &invite_form("x@example.nl", "member", None)).await.is_ok());
        // Bad input names the fields and writes nothing.
        let r = svc.invite(&coordinator, n, &invite_form("geen-adres", "baas", None)).await;
        match r {
            Err(ServiceError::Invalid(e)) => {
                assert!(e.for_field("emails").is_some() && e.for_field("role").is_some());
            }
            other => panic!("expected invalid input, got {:?}", other.err()),
        }
        // A partner of another network cannot be named.
        let foreign = partner(&svc, other, "Elders", "welfare").await;
        let r = svc.invite(&coordinator, n, &invite_form("y@example.nl", "member", Some(foreign.id))).await;
        assert!(matches!(r, Err(ServiceError::Invalid(_))), "{:?}", r.err());
        let open = svc.access_view(&coordinator, n).await.unwrap().invitations;
        assert_eq!(open.len(), 1, "only the valid invitation exists");
    })
    .await;
}

#[tokio::test]
async fn the_last_coordinator_cannot_be_removed_or_demoted() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let (coord, actor) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let (member, _) = user(&svc, "lid", Some((n, NetworkRole::Member))).await;
        let r = svc.remove_access(&actor, n, coord.id).await;
        assert!(matches!(r, Err(ServiceError::Conflict(ref c)) if c == "last-coordinator"), "{:?}", r.err());
        let r = svc.change_access(&actor, n, coord.id, NetworkRole::Member, None).await;
        assert!(matches!(r, Err(ServiceError::Conflict(ref c)) if c == "last-coordinator"), "{:?}", r.err());

        // With a second coordinator the first may step down.
        svc.change_access(&actor, n, member.id, NetworkRole::Coordinator, None).await.unwrap();
        svc.change_access(&system(), n, coord.id, NetworkRole::Steering, None).await.unwrap();
        assert_eq!(svc.role_in(&actor, n).await.unwrap(), NetworkRole::Steering);
        let view = svc.access_view(&system(), n).await.unwrap();
        assert_eq!(view.people.iter().filter(|p| p.role == NetworkRole::Coordinator).count(), 1);
        // Removing someone takes their access away.
        svc.remove_access(&system(), n, coord.id).await.unwrap();
        assert!(matches!(svc.role_in(&actor, n).await, Err(ServiceError::NotFound)));
        let mut conn = svc.store().conn().await.unwrap();
        let audit = verband_store::all_audit(&mut conn, 20).await.unwrap();
        assert!(audit.iter().any(|a| a.action == "revoke_role" && a.object_id == Some(coord.id)));
        assert!(audit.iter().any(|a| a.action == "grant" && a.object_id == Some(member.id)));
    })
    .await;
}

#[tokio::test]
async fn an_archived_network_takes_no_invitations_and_can_be_restored() {
    both(|svc| async move {
        let n = network(&svc, "Oud netwerk").await;
        let (_, member) = user(&svc, "lid", Some((n, NetworkRole::Member))).await;
        let token = invite_one(&svc, n, "nieuw@example.nl", "member", None).await;
        let (_, not_admin) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        assert!(matches!(svc.archive_network(&not_admin, n).await, Err(ServiceError::Forbidden)));

        svc.archive_network(&system(), n).await.unwrap();
        assert!(matches!(svc.invitation_preview(&token, &web()).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.role_in(&member, n).await, Err(ServiceError::NotFound)), "members no longer see it");
        assert!(svc.my_networks(&member).await.unwrap().is_empty());
        let r = svc.invite(&system(), n, &invite_form("later@example.nl", "member", None)).await;
        assert!(matches!(r, Err(ServiceError::Conflict(ref c)) if c == "network-archived"), "{:?}", r.err());
        let listing = svc.networks_overview(&system()).await.unwrap();
        assert!(listing.iter().any(|l| l.id == n && l.archived_at.is_some()));

        svc.restore_network(&system(), n).await.unwrap();
        assert_eq!(svc.role_in(&member, n).await.unwrap(), NetworkRole::Member);
        assert!(svc.invitation_preview(&token, &web()).await.is_ok(), "the open invitation works again");
    })
    .await;
}

#[tokio::test]
async fn guessing_invitation_links_is_throttled() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let token = invite_one(&svc, n, "echt@example.nl", "member", None).await;
        let from = Origin { ip: Some("203.0.113.9".into()), ..web() };
        for i in 0..20 {
            let r = svc.invitation_preview(&format!("geraden-{i}"), &from).await;
            assert!(matches!(r, Err(ServiceError::NotFound)));
        }
        // Now even the right link is refused from that address for a while; another address is unaffected.
        assert!(matches!(svc.invitation_preview(&token, &from).await, Err(ServiceError::Throttled)));
        assert!(svc.invitation_preview(&token, &web()).await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn the_first_administrator_is_made_once_through_the_setup_address() {
    both(|svc| async move {
        let address = svc.setup_address().await.unwrap().expect("no administrator yet");
        let token = address.rsplit('/').next().unwrap().to_string();
        assert!(svc.setup_link_works(&token).await.unwrap());
        assert!(!svc.setup_link_works("iets-anders").await.unwrap());

        let mut form = account("beheer");
        form.email = "beheer@gemeente.nl".into();
        form.password_again = "iets anders dan het eerste".into();
        assert!(matches!(svc.create_first_admin(&token, &form, web()).await, Err(ServiceError::Invalid(_))));
        form.password_again = PASSWORD.into();
        let session = svc.create_first_admin(&token, &form, web()).await.unwrap();
        assert!(session.user.is_admin);

        // The address is spent, and no new one is handed out.
        assert!(!svc.setup_link_works(&token).await.unwrap());
        let mut second = account("tweede");
        second.email = "tweede@gemeente.nl".into();
        assert!(matches!(svc.create_first_admin(&token, &second, web()).await, Err(ServiceError::NotFound)));
        assert!(svc.setup_address().await.unwrap().is_none());
    })
    .await;
}
