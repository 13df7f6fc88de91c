//! "Wachtwoord vergeten" and "Mijn account" through the real router.

mod support;

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use support::{Client, PASSWORD};
use verband_service::mail::{AccountMail, MailSettings};
use verband_service::{Actor, ProfileChange, Service, Store};
use verband_web::{router, WebConfig};

const NEW_PASSWORD: &str = "paarse olifant fietst naar Tiel";

struct World {
    _dir: tempfile::TempDir,
    app: axum::Router,
    outbox: Arc<Mutex<Vec<AccountMail>>>,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let outbox: Arc<Mutex<Vec<AccountMail>>> = Arc::default();
    let kept = outbox.clone();
    let mail = MailSettings::outbox_only("http://verband.test", Arc::new(verband_web::compose_survey_mail)).with_account_mail(Arc::new(
        move |m: &AccountMail| {
            kept.lock().unwrap().push(m.clone());
            verband_web::compose_account_mail(m)
        },
    ));
    let service = Service::new(store).with_mail(mail);
    let sys = Actor::system("test");
    service.add_user(&sys, "sanne", "Sanne de Wit", PASSWORD, false).await.unwrap();
    service.add_user(&sys, "henk", "Henk Bos", PASSWORD, false).await.unwrap();
    let sanne =
        service.login("sanne", PASSWORD, verband_service::Origin { channel: verband_service::Channel::Cli, ip: None }).await.unwrap();
    let actor = service.actor_for(
        &sanne.signed_in().expect("no second step").user,
        verband_service::Origin { channel: verband_service::Channel::Cli, ip: None },
    );
    let change = ProfileChange { display_name: "Sanne de Wit".into(), email: "sanne@rivierenland.example".into(), language: "nl".into() };
    service.update_profile(&actor, None, &change).await.unwrap();
    let app = router(service, WebConfig { secure_cookies: false });
    World { _dir: dir, app, outbox }
}

async fn wait_for_mail(outbox: &Arc<Mutex<Vec<AccountMail>>>) -> AccountMail {
    for _ in 0..400 {
        if let Some(m) = outbox.lock().unwrap().first() {
            return m.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("no mail was composed");
}

#[tokio::test]
async fn forgotten_password_from_log_in_to_a_new_password() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    let login = c.get("/inloggen").await;
    assert!(login.body().contains("href=\"/wachtwoord-vergeten\""), "the log-in page links to the reset");

    let form = c.get("/wachtwoord-vergeten").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body().contains("Wachtwoord vergeten"));

    // A malformed address is marked on its field and kept.
    let bad = c.submit("/wachtwoord-vergeten", "/wachtwoord-vergeten", &[("email", "sanne-at-home")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body().contains("role=\"alert\"") && bad.body().contains("value=\"sanne-at-home\""));

    // Known and unknown addresses get the very same page.
    let unknown = c.submit("/wachtwoord-vergeten", "/wachtwoord-vergeten", &[("email", "niemand@rivierenland.example")]).await;
    let known = c.submit("/wachtwoord-vergeten", "/wachtwoord-vergeten", &[("email", "Sanne@rivierenland.example")]).await;
    assert_eq!((unknown.status, known.status), (StatusCode::OK, StatusCode::OK));
    let strip = |p: &support::Page| p.body().replace(&p.field("csrf"), "");
    assert_eq!(strip(&unknown), strip(&known), "nothing tells the two apart");
    assert!(known.body().contains("Als dit e-mailadres bij een account hoort"));

    let mail = wait_for_mail(&w.outbox).await;
    let (subject, body) = verband_web::compose_account_mail(&mail);
    assert_eq!(subject, "Je wachtwoord voor Verband");
    assert!(body.contains(&mail.link) && body.contains("sanne"), "{body}");
    let path = mail.link.strip_prefix("http://verband.test").unwrap().to_string();
    assert!(path.starts_with("/wachtwoord-herstellen/"));

    let choose = c.get(&path).await;
    assert_eq!(choose.status, StatusCode::OK);
    assert_eq!(choose.header("referrer-policy"), "no-referrer", "the token goes to no other site");
    assert!(choose.body().contains("autocomplete=\"new-password\""));

    // Two different passwords: said so, and the link still works.
    let mismatch = c.submit(&path, &path, &[("password", NEW_PASSWORD), ("repeat", "iets anders")]).await;
    assert_eq!(mismatch.status, StatusCode::BAD_REQUEST);
    assert!(mismatch.body().contains("De twee wachtwoorden zijn niet gelijk."));
    // A guessable one: the reason, in Dutch.
    let weak = c.submit(&path, &path, &[("password", "welkom123456"), ("repeat", "welkom123456")]).await;
    assert_eq!(weak.status, StatusCode::BAD_REQUEST);
    assert!(weak.body().contains("te makkelijk te raden"), "{}", weak.body());
    assert!(!weak.body().contains("welkom123456"), "a password is never sent back");

    let done = c.submit(&path, &path, &[("password", NEW_PASSWORD), ("repeat", NEW_PASSWORD)]).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.body().contains("Je wachtwoord is gewijzigd"));

    // Used: the polite page, the same as for a made-up link.
    let used = c.get(&path).await;
    let made_up = c.get("/wachtwoord-herstellen/verzonnen").await;
    assert_eq!((used.status, made_up.status), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    // Alike but for the address itself (the language switch returns to it).
    assert_eq!(strip(&used).replace(&path, ""), strip(&made_up).replace("/wachtwoord-herstellen/verzonnen", ""));
    assert!(used.body().contains("Deze link werkt niet (meer)"));

    // The new password logs in.
    let csrf = c.get("/inloggen").await.field("csrf");
    let r = c.post("/inloggen", &[("csrf", &csrf), ("username", "sanne"), ("password", NEW_PASSWORD), ("next", "")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn my_account_changes_details_password_and_sessions() {
    let w = world().await;
    let mut here = Client::logged_in(&w.app, "henk").await;
    let mut there = Client::logged_in(&w.app, "henk").await;

    let page = here.get("/account").await;
    assert_eq!(page.status, StatusCode::OK);
    let sessions = page.section("sessions-title");
    assert_eq!(sessions.matches("deze sessie").count(), 1, "{sessions}");
    assert!(sessions.contains("Overal elders uitloggen"));
    assert!(page.body().contains("tokens-title"), "API keys stay");

    // An address that belongs to someone else: refused, the typed values kept.
    let taken = here
        .submit(
            "/account",
            "/account/gegevens",
            &[("display_name", "Henk B."), ("email", "sanne@rivierenland.example"), ("language", "nl")],
        )
        .await;
    assert_eq!(taken.status, StatusCode::BAD_REQUEST);
    assert!(taken.body().contains("hoort al bij een ander account") && taken.body().contains("value=\"Henk B.\""));

    let saved = here
        .submit(
            "/account",
            "/account/gegevens",
            &[("display_name", "Henk Bos"), ("email", "henk@rivierenland.example"), ("language", "nl")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    // A new address ends the other session, not this one.
    assert_eq!(there.get("/account").await.status, StatusCode::SEE_OTHER, "sent to log in");
    let page = here.get(saved.location.as_deref().unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body().contains("value=\"henk@rivierenland.example\""));

    let mut there = Client::logged_in(&w.app, "henk").await;
    let wrong = here
        .submit("/account", "/account/wachtwoord", &[("current_password", "fout"), ("password", NEW_PASSWORD), ("repeat", NEW_PASSWORD)])
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(wrong.body().contains("Dit is niet je huidige wachtwoord."));
    let changed = here
        .submit("/account", "/account/wachtwoord", &[("current_password", PASSWORD), ("password", NEW_PASSWORD), ("repeat", NEW_PASSWORD)])
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(here.get("/account").await.status, StatusCode::OK);
    assert_eq!(there.get("/account").await.status, StatusCode::SEE_OTHER);

    // "Overal elders uitloggen".
    let mut third = Client::new(&w.app);
    let csrf = third.get("/inloggen").await.field("csrf");
    third.post("/inloggen", &[("csrf", &csrf), ("username", "henk"), ("password", NEW_PASSWORD), ("next", "")]).await;
    assert_eq!(third.get("/account").await.status, StatusCode::OK);
    let ended = here.submit("/account", "/account/sessies/elders-uitloggen", &[]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert_eq!(third.get("/account").await.status, StatusCode::SEE_OTHER);
    assert!(here.get("/account?done=sessions").await.body().contains("Je bent overal elders uitgelogd."));
}
