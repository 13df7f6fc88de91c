//! Password reset by e-mail, the password rules where passwords are set,
//! and "Mijn account" (profile, password change, sessions), on SQLite and
//! PostgreSQL.

mod support;

use std::sync::{Arc, Mutex};

use support::{both, system, user, web, PASSWORD};
use verband_service::mail::{AccountMail, AccountMailKind, MailSettings};
use verband_service::password_reset::{MAX_RESET_LINK_FAILURES, MAX_RESET_REQUESTS};
use verband_service::{Actor, Channel, Origin, ProfileChange, Service, ServiceError};

const NEW_PASSWORD: &str = "paarse olifant fietst naar Tiel";

type Outbox = Arc<Mutex<Vec<AccountMail>>>;

/// The service with a mail composer that keeps what it was asked to write:
/// the mail that would go out (no SMTP server is configured, so none does).
fn with_outbox(svc: &Service) -> (Service, Outbox) {
    let outbox: Outbox = Arc::default();
    let kept = outbox.clone();
    let mail = MailSettings::outbox_only("https://verband.example.nl", Arc::new(|m| (m.round_label.clone(), m.link.clone())))
        .with_account_mail(Arc::new(move |m: &AccountMail| {
            kept.lock().expect("outbox").push(m.clone());
            ("subject".into(), m.link.clone())
        }));
    (svc.clone().with_mail(mail), outbox)
}

/// Waits until `n` mails were composed: they go out after the request answered.
async fn mails(outbox: &Outbox, n: usize) -> Vec<AccountMail> {
    for _ in 0..400 {
        if outbox.lock().expect("outbox").len() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    outbox.lock().expect("outbox").clone()
}

fn token_of(mail: &AccountMail) -> String {
    let prefix = "https://verband.example.nl/wachtwoord-herstellen/";
    assert!(mail.link.starts_with(prefix), "{}", mail.link);
    mail.link[prefix.len()..].to_string()
}

async fn with_email(svc: &Service, actor: &Actor, name: &str, email: &str) {
    let change = ProfileChange { display_name: name.into(), email: email.into(), language: "nl".into() };
    svc.update_profile(actor, None, &change).await.expect("set e-mail");
}

fn code(r: &Result<(), ServiceError>, field: &str) -> Option<String> {
    match r {
        Err(ServiceError::Invalid(e)) => e.for_field(field).map(|f| f.code.clone()),
        _ => None,
    }
}

#[tokio::test]
async fn a_reset_link_works_once_and_ends_every_session() {
    both(|svc| async move {
        let (svc, outbox) = with_outbox(&svc);
        let (anna, actor) = user(&svc, "anna", None).await;
        with_email(&svc, &actor, "Anna", "Anna@Rivierenland.example").await;
        let session = svc.login("anna", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;

        // The address is compared regardless of case and spaces.
        svc.request_password_reset("  anna@RIVIERENLAND.example ", web()).await.unwrap();
        let sent = mails(&outbox, 1).await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].kind, AccountMailKind::PasswordReset { username: "anna".into() });
        let token = token_of(&sent[0]);

        // Only the hash is stored, valid for one hour.
        let mut conn = svc.store().conn().await.unwrap();
        assert!(verband_store::password_reset_by_hash(&mut conn, &token).await.unwrap().is_none(), "the token itself is not stored");
        let row = verband_store::password_reset_by_hash(&mut conn, &verband_service::secrets::token_hash(&token)).await.unwrap().unwrap();
        drop(conn);
        let created = chrono::DateTime::parse_from_rfc3339(&row.created_at).unwrap();
        let expires = chrono::DateTime::parse_from_rfc3339(&row.expires_at).unwrap();
        assert_eq!(expires - created, chrono::Duration::hours(1));
        assert_eq!(row.user_id, anna.id);

        assert_eq!(svc.password_reset_link(&token, &web()).await.unwrap().username, "anna");
        // A password the rules refuse does not spend the link.
        let weak = svc.reset_password(&token, "wachtwoord123", web()).await;
        assert_eq!(code(&weak, "password").as_deref(), Some("password-common"));
        let named = svc.reset_password(&token, "anna-rivierenland-7-brug", web()).await;
        assert_eq!(code(&named, "password").as_deref(), Some("password-contains-username"));
        assert!(svc.user_for_session(&session).await.unwrap().is_some(), "a refused reset ends nothing");

        svc.reset_password(&token, NEW_PASSWORD, web()).await.unwrap();
        assert_eq!(svc.user_for_session(&session).await.unwrap(), None, "every session ended");
        assert!(matches!(svc.login("anna", PASSWORD, web()).await, Err(ServiceError::BadCredentials)));
        svc.login("anna", NEW_PASSWORD, web()).await.unwrap();

        // Once only.
        assert!(matches!(svc.password_reset_link(&token, &web()).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.reset_password(&token, "nog een ander lang zinnetje", web()).await, Err(ServiceError::NotFound)));

        // Audited, without the token or password anywhere.
        let mut conn = svc.store().conn().await.unwrap();
        let audit = verband_store::all_audit(&mut conn, 100).await.unwrap();
        assert!(audit.iter().any(|a| a.action == "request_password_reset" && a.object_id == Some(anna.id)));
        assert!(audit.iter().any(|a| a.action == "reset_password" && a.actor == "anna" && a.result == "success"));
        for a in &audit {
            let label = a.object_label.clone().unwrap_or_default();
            assert!(!label.contains(&token) && !label.contains(NEW_PASSWORD), "{label}");
        }
    })
    .await;
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    both(|svc| async move {
        let (svc, outbox) = with_outbox(&svc);
        let (_, actor) = user(&svc, "kees", None).await;
        with_email(&svc, &actor, "Kees", "kees@lingedal.example").await;

        let unknown: Result<(), ServiceError> = svc.request_password_reset("niemand@lingedal.example", web()).await;
        assert!(unknown.is_ok(), "{unknown:?}");
        // Then a known one: only its mail is composed.
        let known: Result<(), ServiceError> = svc.request_password_reset("kees@lingedal.example", web()).await;
        assert!(known.is_ok(), "{known:?}");
        let sent = mails(&outbox, 1).await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let sent_later = outbox.lock().unwrap().len();
        assert_eq!((sent.len(), sent_later), (1, 1), "one mail, for the known address");
        assert_eq!(sent[0].kind, AccountMailKind::PasswordReset { username: "kees".into() });

        // Only a malformed address is refused, on its field.
        let r = svc.request_password_reset("geen adres", web()).await;
        assert_eq!(code(&r, "email").as_deref(), Some("email-invalid"));
    })
    .await;
}

#[tokio::test]
async fn expired_tampered_and_older_links_do_not_work() {
    both(|svc| async move {
        let (svc, outbox) = with_outbox(&svc);
        let (piet, actor) = user(&svc, "piet", None).await;
        with_email(&svc, &actor, "Piet", "piet@example.org").await;

        // A link made two hours ago expired an hour ago.
        let old = verband_service::secrets::new_token();
        let past = (chrono::Utc::now() - chrono::Duration::hours(1)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        {
            let mut conn = svc.store().conn().await.unwrap();
            verband_store::insert_password_reset(&mut conn, &verband_service::secrets::token_hash(&old), piet.id, &past).await.unwrap();
        }
        assert!(matches!(svc.password_reset_link(&old, &web()).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.reset_password(&old, NEW_PASSWORD, web()).await, Err(ServiceError::NotFound)));

        svc.request_password_reset("piet@example.org", web()).await.unwrap();
        let first = token_of(&mails(&outbox, 1).await[0]);
        let mut tampered = first.clone();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        assert!(matches!(svc.password_reset_link(&tampered, &web()).await, Err(ServiceError::NotFound)));

        // A newer request retires the older link.
        svc.request_password_reset("piet@example.org", web()).await.unwrap();
        let second = token_of(&mails(&outbox, 2).await[1]);
        assert!(matches!(svc.password_reset_link(&first, &web()).await, Err(ServiceError::NotFound)));
        svc.reset_password(&second, NEW_PASSWORD, web()).await.unwrap();
        svc.login("piet", NEW_PASSWORD, web()).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn requests_and_link_guessing_are_throttled() {
    both(|svc| async move {
        let (svc, outbox) = with_outbox(&svc);
        let (_, actor) = user(&svc, "mila", None).await;
        with_email(&svc, &actor, "Mila", "mila@example.org").await;

        for _ in 0..MAX_RESET_REQUESTS + 2 {
            svc.request_password_reset("mila@example.org", web()).await.unwrap();
        }
        let n = MAX_RESET_REQUESTS as usize;
        assert_eq!(mails(&outbox, n).await.len(), n);
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert_eq!(outbox.lock().unwrap().len(), n, "further requests send nothing");
        let live = token_of(outbox.lock().unwrap().last().unwrap());

        // Guessing links from one address: after the limit even a right link waits.
        let guesser = Origin { channel: Channel::Web, ip: Some("192.0.2.7".into()) };
        for i in 0..MAX_RESET_LINK_FAILURES {
            let r = svc.password_reset_link(&format!("guess-{i}"), &guesser).await;
            assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());
        }
        assert!(matches!(svc.password_reset_link(&live, &guesser).await, Err(ServiceError::Throttled)));
        assert!(matches!(svc.reset_password(&live, NEW_PASSWORD, guesser).await, Err(ServiceError::Throttled)));
        // Someone else is not held up.
        svc.reset_password(&live, NEW_PASSWORD, web()).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_only() {
    both(|svc| async move {
        let (_, actor) = user(&svc, "sanne", None).await;
        let here = svc
            .login("sanne", PASSWORD, Origin { channel: Channel::Web, ip: Some("192.0.2.1".into()) })
            .await
            .unwrap()
            .signed_in()
            .expect("no second step")
            .session_token;
        let there = svc.login("sanne", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;

        let sessions = svc.my_sessions(&actor, Some(&here)).await.unwrap();
        assert_eq!(sessions.len(), 2);
        assert_eq!(sessions.iter().filter(|s| s.current).count(), 1);
        let current = sessions.iter().find(|s| s.current).unwrap();
        assert_eq!(current.origin.as_deref(), Some("web 192.0.2.1"), "where the log-in came from");
        assert!(current.expires_at > current.created_at);

        let wrong = svc.change_password(&actor, Some(&here), "not my password", NEW_PASSWORD).await;
        assert_eq!(code(&wrong, "current_password").as_deref(), Some("password-wrong"));
        let short = svc.change_password(&actor, Some(&here), PASSWORD, "elf tekens!").await;
        assert_eq!(code(&short, "password").as_deref(), Some("password-too-short"));
        assert!(svc.user_for_session(&there).await.unwrap().is_some(), "refused changes end nothing");

        svc.change_password(&actor, Some(&here), PASSWORD, NEW_PASSWORD).await.unwrap();
        assert!(svc.user_for_session(&here).await.unwrap().is_some(), "this session stays");
        assert_eq!(svc.user_for_session(&there).await.unwrap(), None, "the other one ended");
        assert_eq!(svc.my_sessions(&actor, Some(&here)).await.unwrap().len(), 1);
        svc.login("sanne", NEW_PASSWORD, web()).await.unwrap();

        let mut conn = svc.store().conn().await.unwrap();
        let audit = verband_store::all_audit(&mut conn, 100).await.unwrap();
        let changes: Vec<_> = audit.iter().filter(|a| a.action == "change_password").map(|a| a.result.as_str()).collect();
        assert_eq!(changes, ["success", "failure"], "newest first");
    })
    .await;
}

#[tokio::test]
async fn profile_e_mail_is_unique_and_ending_sessions_elsewhere() {
    both(|svc| async move {
        let (_, henk) = user(&svc, "henk", None).await;
        let (_, yas) = user(&svc, "yasmina", None).await;
        with_email(&svc, &henk, "Henk Bos", "henk@example.org").await;
        let here = svc.login("yasmina", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;
        let there = svc.login("yasmina", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;

        let taken = ProfileChange { display_name: "Yasmina".into(), email: "HENK@example.org".into(), language: "en".into() };
        let r = svc.update_profile(&yas, Some(&here), &taken).await;
        assert_eq!(code(&r, "email").as_deref(), Some("email-taken"));
        let bad = ProfileChange { display_name: " ".into(), email: "geen adres".into(), language: "fr".into() };
        let r = svc.update_profile(&yas, Some(&here), &bad).await;
        assert_eq!(
            (code(&r, "display_name"), code(&r, "email"), code(&r, "language")),
            (Some("required".into()), Some("email-invalid".into()), Some("choice-invalid".into()))
        );

        // Name and language alone keep the other sessions.
        let same = ProfileChange { display_name: "Yasmina El Amrani".into(), email: String::new(), language: "en".into() };
        svc.update_profile(&yas, Some(&here), &same).await.unwrap();
        assert!(svc.user_for_session(&there).await.unwrap().is_some());
        let me = svc.my_account(&yas).await.unwrap();
        assert_eq!((me.display_name.as_str(), me.language.code(), me.email), ("Yasmina El Amrani", "en", None));

        // A new address ends them.
        let mail = ProfileChange { email: " Yasmina@Example.org ".into(), ..same };
        svc.update_profile(&yas, Some(&here), &mail).await.unwrap();
        assert_eq!(svc.my_account(&yas).await.unwrap().email.as_deref(), Some("yasmina@example.org"));
        assert!(svc.user_for_session(&here).await.unwrap().is_some());
        assert_eq!(svc.user_for_session(&there).await.unwrap(), None);

        // "Sign out everywhere else".
        let third = svc.login("yasmina", PASSWORD, web()).await.unwrap().signed_in().expect("no second step").session_token;
        assert_eq!(svc.sign_out_other_sessions(&yas, Some(&here)).await.unwrap(), 1);
        assert_eq!(svc.user_for_session(&third).await.unwrap(), None);
        assert!(svc.user_for_session(&here).await.unwrap().is_some());
        let r = svc.my_sessions(&system(), None).await;
        assert!(matches!(r, Err(ServiceError::Forbidden)), "{:?}", r.err());
    })
    .await;
}

#[tokio::test]
async fn the_rules_hold_wherever_a_password_is_set() {
    both(|svc| async move {
        for (password, expected) in [
            ("elf tekens!", "password-too-short"),
            ("wachtwoord12", "password-common"),
            ("jansen-wandelt-naar-huis", "password-contains-username"),
        ] {
            let r = svc.add_user(&system(), "jansen", "", password, false).await.map(|_| ());
            assert_eq!(code(&r, "password").as_deref(), Some(expected), "{password}");
        }
        svc.add_user(&system(), "jansen", "", NEW_PASSWORD, false).await.unwrap();
        let r = svc.set_password(&system(), "jansen", verband_service::demo::DEMO_PASSWORD).await;
        assert_eq!(code(&r, "password").as_deref(), Some("password-common"), "the public demo password is no password");
    })
    .await;
}
