//! Accounts, log-in, sessions and API tokens, on SQLite and PostgreSQL.

mod support;

use support::{audit_count, both, system, user, web, PASSWORD};
use verband_service::{ServiceError, MAX_LOGIN_FAILURES};

#[tokio::test]
async fn login_opens_a_session_and_logout_ends_it() {
    both(|svc| async move {
        let id = svc.add_user(&system(), "  Sanne ", "Sanne de Wit", PASSWORD, false).await.unwrap();

        // User names are kept in lower case, so log-in ignores case.
        let outcome = svc.login("SANNE", PASSWORD, web()).await.unwrap().signed_in().expect("no second step");
        assert_eq!(outcome.user.id, id);
        assert_eq!(outcome.user.username, "sanne");
        assert_eq!(outcome.user.display_name, "Sanne de Wit");
        assert!(!outcome.user.password_hash.contains(PASSWORD), "only a hash is stored");
        let token = outcome.session_token;
        assert_eq!(svc.user_for_session(&token).await.unwrap().map(|u| u.id), Some(id));
        assert_eq!(svc.user_for_session("not-a-session").await.unwrap(), None);

        // A second session is independent of the first.
        let second = svc.login("sanne", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;
        assert_ne!(second, token);
        svc.logout(&token).await.unwrap();
        assert_eq!(svc.user_for_session(&token).await.unwrap(), None);
        assert_eq!(svc.user_for_session(&second).await.unwrap().map(|u| u.id), Some(id));

        // A successful log-in is audited with its origin.
        let mut conn = svc.store().conn().await.unwrap();
        let audit = verband_store::all_audit(&mut conn, 100).await.unwrap();
        let logins: Vec<_> = audit.iter().filter(|a| a.action == "login").collect();
        assert_eq!(logins.len(), 2);
        assert!(logins.iter().all(|a| a.result == "success" && a.actor == "sanne" && a.origin == "web" && a.object_id == Some(id)));
    })
    .await;
}

#[tokio::test]
async fn wrong_password_then_throttle() {
    both(|svc| async move {
        svc.add_user(&system(), "kees", "", PASSWORD, false).await.unwrap();
        let before = audit_count(&svc).await;

        let r = svc.login("kees", "wrong password!", web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "{:?}", r.err());
        let r = svc.login("nobody", PASSWORD, web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "unknown user: {:?}", r.err());
        {
            let mut conn = svc.store().conn().await.unwrap();
            let failure = &verband_store::all_audit(&mut conn, 1).await.unwrap()[0];
            assert_eq!((failure.action.as_str(), failure.result.as_str(), failure.actor.as_str()), ("login", "failure", "nobody"));
        }
        assert_eq!(audit_count(&svc).await, before + 2, "failed log-ins are audited");

        // A success clears the failures counted so far.
        svc.login("kees", PASSWORD, web()).await.unwrap().signed_in().expect("no second step");
        for _ in 0..MAX_LOGIN_FAILURES {
            let r = svc.login("Kees", "wrong password!", web()).await;
            assert!(matches!(r, Err(ServiceError::BadCredentials)), "{:?}", r.err());
        }
        let r = svc.login("kees", PASSWORD, web()).await;
        assert!(matches!(r, Err(ServiceError::Throttled)), "even the right password is refused: {:?}", r.err());
        let r = svc.login("kees", "wrong password!", web()).await;
        assert!(matches!(r, Err(ServiceError::Throttled)), "{:?}", r.err());
    })
    .await;
}

#[tokio::test]
async fn set_password_ends_sessions() {
    both(|svc| async move {
        let (record, actor) = user(&svc, "anna", None).await;
        let token = svc.login("anna", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;
        assert!(svc.user_for_session(&token).await.unwrap().is_some());

        let short = svc.set_password(&system(), "anna", "kort").await;
        assert!(matches!(&short, Err(ServiceError::Invalid(e)) if e.for_field("password").is_some()), "{:?}", short.err());
        assert!(svc.user_for_session(&token).await.unwrap().is_some(), "a refused change keeps the session");
        let r = svc.set_password(&actor, "anna", "een nieuw wachtwoord").await;
        assert!(matches!(r, Err(ServiceError::Forbidden)), "{:?}", r.err());
        let r = svc.set_password(&system(), "niemand", "een nieuw wachtwoord").await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());

        svc.set_password(&system(), "anna", "een nieuw wachtwoord").await.unwrap();
        assert_eq!(svc.user_for_session(&token).await.unwrap(), None, "the old session is gone");
        let r = svc.login("anna", PASSWORD, web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "{:?}", r.err());
        let again = svc.login("anna", "een nieuw wachtwoord", web()).await.unwrap().signed_in().expect("no second step");
        assert_eq!(again.user.id, record.id);
    })
    .await;
}

#[tokio::test]
async fn api_tokens_work_until_revoked() {
    both(|svc| async move {
        let (record, actor) = user(&svc, "bot", None).await;
        let first = svc.create_api_token(&actor, " Koppeling ").await.unwrap();
        let second = svc.create_api_token(&actor, "Rapportage").await.unwrap();
        assert!(first.token.starts_with("vb_"));
        assert_ne!(first.token, second.token);
        assert_eq!(svc.user_for_api_token(&first.token).await.unwrap().map(|u| u.id), Some(record.id));
        assert_eq!(svc.user_for_api_token("vb_guessed").await.unwrap(), None);

        let listed = svc.api_tokens(&actor).await.unwrap();
        assert_eq!(listed.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["Rapportage", "Koppeling"]);
        assert!(listed.iter().all(|t| !t.revoked && t.user_id == record.id));

        svc.revoke_api_token(&actor, first.id).await.unwrap();
        assert_eq!(svc.user_for_api_token(&first.token).await.unwrap(), None);
        assert!(svc.user_for_api_token(&second.token).await.unwrap().is_some(), "only the revoked token stops working");
        assert!(svc.api_tokens(&actor).await.unwrap().iter().any(|t| t.id == first.id && t.revoked));
        let twice = svc.revoke_api_token(&actor, first.id).await;
        assert!(matches!(twice, Err(ServiceError::NotFound)), "{:?}", twice.err());

        let empty = svc.create_api_token(&actor, "  ").await;
        assert!(matches!(&empty, Err(ServiceError::Invalid(e)) if e.for_field("name").is_some()), "{:?}", empty.err());
        let r = svc.create_api_token(&system(), "systeem").await;
        assert!(matches!(r, Err(ServiceError::Forbidden)), "the system is no user: {:?}", r.err());
    })
    .await;
}

#[tokio::test]
async fn another_users_token_cannot_be_revoked() {
    both(|svc| async move {
        let (_, owner) = user(&svc, "eigenaar", None).await;
        let (_, other) = user(&svc, "ander", None).await;
        let token = svc.create_api_token(&owner, "Koppeling").await.unwrap();
        let r = svc.revoke_api_token(&other, token.id).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());
        assert!(svc.user_for_api_token(&token.token).await.unwrap().is_some());
        assert!(svc.api_tokens(&other).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn user_rules_short_password_and_duplicate_name() {
    both(|svc| async move {
        let before = audit_count(&svc).await;
        let r = svc.add_user(&system(), "piet", "", "123456789", false).await;
        match r {
            Err(ServiceError::Invalid(e)) => assert_eq!(e.for_field("password").map(|f| f.code.as_str()), Some("password-too-short")),
            other => panic!("expected Invalid, got {other:?}"),
        }
        let r = svc.add_user(&system(), "piet jansen", "", PASSWORD, false).await;
        assert!(matches!(&r, Err(ServiceError::Invalid(e)) if e.for_field("username").is_some()), "{r:?}");
        assert_eq!(audit_count(&svc).await, before, "refused accounts write nothing");

        svc.add_user(&system(), "piet", "", "boterham met hagelslag", false).await.unwrap();
        let r = svc.add_user(&system(), " PIET ", "", PASSWORD, false).await;
        assert!(matches!(r, Err(ServiceError::Conflict(_))), "{r:?}");
        let users = svc.list_users(&system()).await.unwrap();
        assert_eq!(users.iter().map(|(u, _)| u.username.as_str()).collect::<Vec<_>>(), ["piet"]);
        assert_eq!(users[0].0.display_name, "piet", "an empty display name falls back to the user name");
        assert_eq!(
            svc.login("piet", "boterham met hagelslag", web()).await.unwrap().signed_in().expect("no second step").user.username,
            "piet"
        );
    })
    .await;
}
