//! Single sign-on with OpenID Connect against a real HTTP provider (see
//! oidc_provider/), on SQLite and PostgreSQL: who is let in, how an account
//! is found or made, and every refusal — state, provider error, issuer,
//! audience, signature, expiry, nonce, unverified e-mail, no account,
//! disabled account — each audited, none with a secret in the audit log.

mod oidc_provider;
mod support;

use oidc_provider::{Claims, TestProvider};
use support::{both, network, user, web};
use verband_domain::NetworkRole;
use verband_service::{Oidc, Service, SsoLogin, SsoRefusal, TokenProblem};

async fn with_provider(svc: Service, domains: &[&str]) -> (Service, TestProvider) {
    let provider = TestProvider::start().await;
    let oidc = Oidc::new(provider.config(domains)).expect("settings");
    oidc.discover().await.expect("discovery");
    (svc.with_oidc(oidc), provider)
}

/// The whole round trip: start, the person signs in at the provider, back.
async fn sign_in(svc: &Service, provider: &TestProvider, claims: Claims, invitation: Option<&str>) -> Result<SsoLogin, SsoRefusal> {
    let start = svc.start_sso("/netwerken/1", invitation).await.expect("start").expect("started");
    let callback = provider.authorize(&start.authorize_url, claims);
    svc.finish_sso(callback, Some(&start.state), web()).await.expect("finish")
}

async fn sql(svc: &Service, statement: &str) {
    let mut conn = svc.store().conn().await.expect("connection");
    sqlx::query(statement).execute(&mut *conn).await.expect(statement);
}

/// (result, label) of the `login` audit rows, oldest first.
async fn logins(svc: &Service) -> Vec<(String, String)> {
    let mut conn = svc.store().conn().await.expect("connection");
    let mut rows: Vec<_> = verband_store::all_audit(&mut conn, 1000)
        .await
        .expect("audit")
        .into_iter()
        .filter(|a| a.action == "login")
        .map(|a| (a.result, a.object_label.unwrap_or_default()))
        .collect();
    rows.reverse();
    rows
}

async fn user_count(svc: &Service) -> usize {
    let mut conn = svc.store().conn().await.expect("connection");
    verband_store::list_users(&mut conn).await.expect("users").len()
}

#[tokio::test]
async fn an_account_with_the_verified_address_is_linked_and_signed_in() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &[]).await;
        let (sanne, _) = user(&svc, "sanne", None).await;
        sql(&svc, &format!("UPDATE users SET email = 'Sanne.de.Wit@Gemeente.nl' WHERE id = {}", sanne.id)).await;

        let login = sign_in(&svc, &provider, Claims::person("sub-sanne", "sanne.de.wit@gemeente.nl"), None).await.expect("signed in");
        assert_eq!(login.outcome.user.id, sanne.id);
        assert_eq!(login.next.as_deref(), Some("/netwerken/1"), "the page asked for before signing in");
        let session = svc.user_for_session(&login.outcome.session_token).await.unwrap();
        assert_eq!(session.map(|u| u.id), Some(sanne.id), "a session as after a password log-in");
        assert_eq!(provider.token_requests(), 1);

        // Linked now: the same identity finds the account even when the
        // provider gives another address later.
        let again = sign_in(&svc, &provider, Claims::person("sub-sanne", "s.dewit@nieuw.example.nl"), None).await.expect("again");
        assert_eq!(again.outcome.user.id, sanne.id);
        assert_eq!(user_count(&svc).await, 1, "no account was made");
        assert_eq!(logins(&svc).await, vec![("success".into(), "sso".into()), ("success".into(), "sso".into())]);
    })
    .await;
}

#[tokio::test]
async fn an_identity_never_makes_an_account_unless_its_domain_is_allowed() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &["gemeente.nl"]).await;
        let refused = sign_in(&svc, &provider, Claims::person("sub-x", "iemand@elders.example.org"), None).await;
        assert_eq!(refused.err(), Some(SsoRefusal::NoAccount));
        assert_eq!(user_count(&svc).await, 0);

        // An allowed domain makes an account, its user name from the address, made unique.
        user(&svc, "fleur", None).await;
        let login = sign_in(&svc, &provider, Claims::person("sub-fleur", "Fleur@Gemeente.nl"), None).await.expect("signed in");
        assert_eq!(login.outcome.user.username, "fleur-2");
        assert_eq!(login.outcome.user.email.as_deref(), Some("fleur@gemeente.nl"));
        assert!(!login.outcome.user.is_admin);
        // A subdomain is another domain.
        let sub = sign_in(&svc, &provider, Claims::person("sub-y", "y@wijk.gemeente.nl"), None).await;
        assert_eq!(sub.err(), Some(SsoRefusal::NoAccount));
        assert_eq!(
            logins(&svc).await,
            vec![
                ("failure".into(), "sso: no-account".into()),
                ("success".into(), "sso".into()),
                ("failure".into(), "sso: no-account".into())
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn an_unverified_address_is_refused_even_in_an_allowed_domain() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &["gemeente.nl"]).await;
        let (sanne, _) = user(&svc, "sanne", None).await;
        sql(&svc, &format!("UPDATE users SET email = 'sanne@gemeente.nl' WHERE id = {}", sanne.id)).await;
        for verified in [Some(false), None] {
            let claims = Claims { email_verified: verified, ..Claims::person("sub-sanne", "sanne@gemeente.nl") };
            assert_eq!(sign_in(&svc, &provider, claims, None).await.err(), Some(SsoRefusal::EmailNotVerified));
        }
        let no_address = Claims { email: None, ..Claims::person("sub-z", "") };
        assert_eq!(sign_in(&svc, &provider, no_address, None).await.err(), Some(SsoRefusal::EmailNotVerified));
        assert_eq!(user_count(&svc).await, 1);
        assert!(logins(&svc).await.iter().all(|(r, l)| r == "failure" && l == "sso: email-not-verified"));
    })
    .await;
}

#[tokio::test]
async fn every_check_of_the_id_token_refuses_a_bad_one() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &["gemeente.nl"]).await;
        let good = Claims::person("sub-a", "a@gemeente.nl");
        let cases = [
            (Claims { issuer: Some("https://evil.example.org".into()), ..good.clone() }, TokenProblem::Issuer, "wrong-issuer"),
            (Claims { audience: Some("someone-else".into()), ..good.clone() }, TokenProblem::Audience, "wrong-audience"),
            (Claims { expired: true, ..good.clone() }, TokenProblem::Expired, "expired-token"),
            (Claims { forged: true, ..good.clone() }, TokenProblem::Signature, "bad-signature"),
            (Claims { nonce: Some("another-nonce".into()), ..good.clone() }, TokenProblem::Nonce, "wrong-nonce"),
        ];
        for (claims, problem, code) in cases {
            let refused = sign_in(&svc, &provider, claims, None).await;
            assert_eq!(refused.err(), Some(SsoRefusal::Token(problem)), "{code}");
            assert_eq!(logins(&svc).await.last(), Some(&("failure".to_string(), format!("sso: {code}"))));
        }
        assert_eq!(user_count(&svc).await, 0, "no account from a bad token");
        // The good token still passes.
        assert!(sign_in(&svc, &provider, good, None).await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn a_state_is_used_once_by_the_browser_that_started_it_within_ten_minutes() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &["gemeente.nl"]).await;
        let claims = Claims::person("sub-a", "a@gemeente.nl");

        // A made-up state, and none at all.
        let made_up = verband_service::SsoCallback { code: Some("c".into()), state: Some("made-up".into()), error: None };
        assert_eq!(svc.finish_sso(made_up, Some("made-up"), web()).await.unwrap().err(), Some(SsoRefusal::UnknownState));
        let none = verband_service::SsoCallback { code: Some("c".into()), state: None, error: None };
        assert_eq!(svc.finish_sso(none, None, web()).await.unwrap().err(), Some(SsoRefusal::UnknownState));

        // Another browser (no cookie, or another sign-in's) cannot finish it, and it is gone after.
        let start = svc.start_sso("", None).await.unwrap().unwrap();
        let callback = provider.authorize(&start.authorize_url, claims.clone());
        assert_eq!(svc.finish_sso(callback.clone(), None, web()).await.unwrap().err(), Some(SsoRefusal::UnknownState));
        assert_eq!(svc.finish_sso(callback, Some(&start.state), web()).await.unwrap().err(), Some(SsoRefusal::UnknownState));

        // Used once: the same answer a second time is refused.
        let start = svc.start_sso("", None).await.unwrap().unwrap();
        let callback = provider.authorize(&start.authorize_url, claims.clone());
        let login = svc.finish_sso(callback.clone(), Some(&start.state), web()).await.unwrap().expect("first use");
        assert_eq!(login.next, None);
        assert_eq!(svc.finish_sso(callback, Some(&start.state), web()).await.unwrap().err(), Some(SsoRefusal::UnknownState));

        // Expired after ten minutes.
        let start = svc.start_sso("", None).await.unwrap().unwrap();
        let callback = provider.authorize(&start.authorize_url, claims.clone());
        sql(&svc, "UPDATE oidc_logins SET expires_at = '2000-01-01T00:00:00Z'").await;
        assert_eq!(svc.finish_sso(callback, Some(&start.state), web()).await.unwrap().err(), Some(SsoRefusal::UnknownState));

        // The provider's own refusal (the person pressed "cancel").
        let start = svc.start_sso("", None).await.unwrap().unwrap();
        let mut callback = provider.authorize(&start.authorize_url, claims);
        callback.code = None;
        callback.error = Some("access_denied".into());
        assert_eq!(svc.finish_sso(callback, Some(&start.state), web()).await.unwrap().err(), Some(SsoRefusal::ProviderError));

        assert_eq!(provider.token_requests(), 1, "only the one good sign-in reached the token endpoint");
        let labels: Vec<String> = logins(&svc).await.into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels.iter().filter(|l| *l == "sso: unknown-state").count(), 6);
        assert_eq!(labels.iter().filter(|l| *l == "sso: provider-error").count(), 1);
        assert_eq!(labels.iter().filter(|l| *l == "sso").count(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &[]).await;
        let (sanne, _) = user(&svc, "sanne", None).await;
        sql(&svc, &format!("UPDATE users SET email = 'sanne@gemeente.nl' WHERE id = {}", sanne.id)).await;
        assert!(sign_in(&svc, &provider, Claims::person("sub-s", "sanne@gemeente.nl"), None).await.is_ok());
        sql(&svc, &format!("UPDATE users SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = {}", sanne.id)).await;
        let refused = sign_in(&svc, &provider, Claims::person("sub-s", "sanne@gemeente.nl"), None).await;
        assert_eq!(refused.err(), Some(SsoRefusal::Disabled));
        assert_eq!(logins(&svc).await.last(), Some(&("failure".to_string(), "sso: account-disabled".to_string())));
    })
    .await;
}

#[tokio::test]
async fn an_invitation_link_makes_the_account_and_gives_the_role_once() {
    both(|svc| async move {
        let (svc, provider) = with_provider(svc, &[]).await;
        let network_id = network(&svc, "Gezond Rivierenland").await;
        let token = verband_service::secrets::new_token();
        let hash = verband_service::secrets::token_hash(&token);
        sql(
            &svc,
            &format!(
                "INSERT INTO invitations (network_id, email, role, token_hash, created_at, expires_at)
                 VALUES ({network_id}, 'coordinator@gemeente.nl', 'coordinator', '{hash}', '2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z')"
            ),
        )
        .await;

        // The link proves the invitation: the provider's address may differ from the invited one.
        let login = sign_in(&svc, &provider, Claims::person("sub-c", "c.jansen@gemeente.nl"), Some(&token)).await.expect("signed in");
        let user = login.outcome.user;
        assert_eq!(user.username, "c.jansen");
        let mut conn = svc.store().conn().await.unwrap();
        assert_eq!(verband_store::network_role(&mut conn, user.id, network_id).await.unwrap(), Some(NetworkRole::Coordinator));
        drop(conn);

        // Used: another identity with the same link gets nothing.
        let second = sign_in(&svc, &provider, Claims::person("sub-d", "d@gemeente.nl"), Some(&token)).await;
        assert_eq!(second.err(), Some(SsoRefusal::NoAccount));
        assert_eq!(user_count(&svc).await, 1);

        // An expired invitation neither.
        let late = verband_service::secrets::new_token();
        sql(
            &svc,
            &format!(
                "INSERT INTO invitations (network_id, email, role, token_hash, created_at, expires_at)
                 VALUES ({network_id}, 'x@gemeente.nl', 'member', '{}', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')",
                verband_service::secrets::token_hash(&late)
            ),
        )
        .await;
        let expired = sign_in(&svc, &provider, Claims::person("sub-e", "e@gemeente.nl"), Some(&late)).await;
        assert_eq!(expired.err(), Some(SsoRefusal::NoAccount));

        // An existing account that follows a link gains the role.
        let token = verband_service::secrets::new_token();
        sql(
            &svc,
            &format!(
                "INSERT INTO invitations (network_id, email, role, token_hash, created_at, expires_at)
                 VALUES ({network_id}, 'c.jansen@gemeente.nl', 'steering', '{}', '2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z')",
                verband_service::secrets::token_hash(&token)
            ),
        )
        .await;
        let again = sign_in(&svc, &provider, Claims::person("sub-c", "c.jansen@gemeente.nl"), Some(&token)).await.expect("again");
        assert_eq!(again.outcome.user.id, user.id);
        let mut conn = svc.store().conn().await.unwrap();
        assert_eq!(verband_store::network_role(&mut conn, user.id, network_id).await.unwrap(), Some(NetworkRole::Steering));
        let audit = verband_store::all_audit(&mut conn, 1000).await.unwrap();
        assert_eq!(audit.iter().filter(|a| a.action == "accept" && a.object_type == "invitation").count(), 2);
        // No secret in any audit row.
        assert!(audit.iter().all(|a| !a.object_label.clone().unwrap_or_default().contains(&token)));
    })
    .await;
}

#[tokio::test]
async fn without_settings_or_provider_single_sign_on_is_off_and_says_so() {
    both(|svc| async move {
        assert!(!svc.sso_enabled());
        assert_eq!(svc.start_sso("", None).await.unwrap().err(), Some(SsoRefusal::NotConfigured));

        // A provider that cannot be reached: Verband still starts; the sign-in says it is unavailable.
        let config = verband_service::OidcConfig {
            issuer: "http://127.0.0.1:9".into(),
            client_id: "verband".into(),
            client_secret: "s".into(),
            redirect_url: oidc_provider::REDIRECT_URL.into(),
            email_domains: vec![],
        };
        let oidc = Oidc::new(config).unwrap();
        assert!(oidc.discover().await.is_err());
        let svc = svc.with_oidc(oidc);
        assert!(svc.sso_enabled());
        assert_eq!(svc.start_sso("", None).await.unwrap().err(), Some(SsoRefusal::ProviderUnavailable));
    })
    .await;
}
