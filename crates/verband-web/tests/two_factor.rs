//! Two-factor sign-in through the real router: setting it up on the account
//! page, logging in with password and code, and the administrator's
//! requirement sending people to the set-up first.

mod support;

use axum::http::StatusCode;
use axum::Router;
use support::{Client, PASSWORD};
use totp_rs::{Algorithm, Builder, Secret};
use verband_domain::{NetworkForm, NetworkRole};
use verband_service::{Actor, Service, Store, TwoFactorRequirement};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    for (user, role) in [("coord", NetworkRole::Coordinator), ("lid", NetworkRole::Member)] {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    service.add_user(&sys, "beheer", "Beheer", PASSWORD, true).await.unwrap();
    World { app: router(service.clone(), WebConfig { secure_cookies: false }), service, _dir: dir }
}

/// The code an authenticator app shows `offset` seconds from now.
fn code_at(secret: &str, offset: i64) -> String {
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::try_from_base32(secret).unwrap())
        .build()
        .unwrap();
    totp.generate(u64::try_from(chrono::Utc::now().timestamp() + offset).unwrap()).to_string()
}

/// The secret as the set-up page shows it (groups of four), without spaces.
fn shown_secret(body: &str) -> String {
    let marker = "id=\"two-factor-secret\">";
    let start = body.find(marker).expect("secret on the page") + marker.len();
    body[start..].split('<').next().unwrap().replace(' ', "")
}

const PAGE: &str = "/account/tweestapsverificatie";

#[tokio::test]
async fn set_up_on_the_account_page_then_log_in_with_password_and_code() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    assert!(c.get("/account").await.body().contains(&format!("href=\"{PAGE}\"")), "the account page links to the set-up");
    let off = c.get(PAGE).await;
    assert_eq!(off.status, StatusCode::OK);
    assert!(off.body().contains("staat uit"));

    let started = c.submit(PAGE, &format!("{PAGE}/starten"), &[]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let setup = c.get(PAGE).await;
    let body = setup.body();
    assert!(body.contains("<svg role=\"img\" aria-labelledby=\"qr-caption\""), "the QR code is inline SVG with a name");
    let secret = shown_secret(&body);
    assert_eq!(secret.len(), 32);

    // A wrong code keeps it off and says so at the field.
    let wrong = if code_at(&secret, 0) == "123456" { "654321" } else { "123456" };
    let res = c.submit(PAGE, &format!("{PAGE}/bevestigen"), &[("code", wrong)]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("role=\"alert\"") && res.body().contains("href=\"#f-code\""));
    let res = c.submit(PAGE, &format!("{PAGE}/bevestigen"), &[("code", &code_at(&secret, 0))]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body());
    assert_eq!(res.body().matches("<li><code>").count(), 10, "ten recovery codes, shown once");
    assert!(c.get(PAGE).await.body().contains("staat aan"));

    // Log in afresh: the password leads to the code form, not to a session.
    let mut fresh = Client::new(&w.app);
    let csrf = fresh.get("/inloggen").await.field("csrf");
    let res = fresh.post("/inloggen", &[("csrf", &csrf), ("username", "coord"), ("password", PASSWORD), ("next", "/account")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location.as_deref(), Some("/inloggen/code?next=%2Faccount"));
    assert!(!fresh.cookies.contains_key("verband_session"));
    assert!(fresh.cookies.contains_key("verband_2fa"));
    assert!(res.headers.get_all("set-cookie").iter().all(|h| h.to_str().unwrap().contains("HttpOnly")));
    assert_eq!(fresh.get("/account").await.status, StatusCode::SEE_OTHER, "no session yet");

    let form = fresh.get("/inloggen/code?next=%2Faccount").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.field("csrf");
    let res = fresh.post("/inloggen/code", &[("csrf", &csrf), ("code", "000000"), ("next", "/account")]).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(res.body().contains("klopt niet"));
    let res = fresh.post("/inloggen/code", &[("csrf", &csrf), ("code", &code_at(&secret, 30)), ("next", "/account")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    assert_eq!(res.location.as_deref(), Some("/account"));
    assert!(fresh.cookies.contains_key("verband_session"));
    assert!(!fresh.cookies.contains_key("verband_2fa"), "the pending cookie is cleared");
    assert_eq!(fresh.get("/account").await.status, StatusCode::OK);

    // Without a pending log-in the code form sends back to the password.
    let mut stranger = Client::new(&w.app);
    let res = stranger.get("/inloggen/code").await;
    assert_eq!(res.location.as_deref(), Some("/inloggen"));
}

#[tokio::test]
async fn a_required_factor_comes_before_anything_else() {
    let w = world().await;
    let mut admin = Client::logged_in(&w.app, "beheer").await;
    let mut member = Client::logged_in(&w.app, "lid").await;
    assert_eq!(member.get("/beheer/tweestapsverificatie").await.status, StatusCode::FORBIDDEN);

    let page = admin.get("/beheer/tweestapsverificatie").await;
    assert_eq!(page.status, StatusCode::OK);
    let res = admin.submit("/beheer/tweestapsverificatie", "/beheer/tweestapsverificatie", &[("requirement", "everyone")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(w.service.two_factor_admin_view(&Actor::system("test")).await.unwrap().requirement, TwoFactorRequirement::Everyone);

    // The member's next page is the set-up; the set-up itself opens.
    let res = member.get("/netwerken").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location.as_deref(), Some(PAGE));
    let setup = member.get(PAGE).await;
    assert_eq!(setup.status, StatusCode::OK);
    assert!(setup.body().contains("De beheerder vraagt"));
    member.submit(PAGE, &format!("{PAGE}/starten"), &[]).await;
    let secret = shown_secret(&member.get(PAGE).await.body());
    let res = member.submit(PAGE, &format!("{PAGE}/bevestigen"), &[("code", &code_at(&secret, 0))]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(member.get("/netwerken").await.status, StatusCode::OK, "set up: the way is free");

    // The administrator is one of everyone, and sets it up too.
    assert_eq!(admin.get("/beheer/tweestapsverificatie").await.location.as_deref(), Some(PAGE));
    admin.submit(PAGE, &format!("{PAGE}/starten"), &[]).await;
    let secret = shown_secret(&admin.get(PAGE).await.body());
    assert_eq!(admin.submit(PAGE, &format!("{PAGE}/bevestigen"), &[("code", &code_at(&secret, 0))]).await.status, StatusCode::OK);

    // The administrator resets the member's from the page; the member is asked again.
    let page = admin.get("/beheer/tweestapsverificatie").await;
    assert!(page.body().contains("value=\"lid\""));
    let res = admin.submit("/beheer/tweestapsverificatie", "/beheer/tweestapsverificatie/herstellen", &[("username", "lid")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(member.get("/netwerken").await.location.as_deref(), Some(PAGE));
}
