//! Single sign-on through the real router and a real (small) OpenID
//! provider over HTTP: the log-in page's button, the way to the provider with
//! the state in a cookie, the way back to a session and the page asked for,
//! and the polite pages of a refusal, which say nothing of the check that failed.

#[path = "../../verband-service/tests/oidc_provider/mod.rs"]
mod oidc_provider;
mod support;

use axum::http::StatusCode;
use axum::Router;
use oidc_provider::{Claims, TestProvider};
use support::Client;
use verband_service::{Oidc, Service, Store};
use verband_web::{router, WebConfig};

async fn app(sso: bool) -> (Router, Option<TestProvider>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let mut service = Service::new(store);
    let mut provider = None;
    if sso {
        let p = TestProvider::start().await;
        let oidc = Oidc::new(p.config(&["gemeente.nl"])).unwrap();
        oidc.discover().await.unwrap();
        service = service.with_oidc(oidc);
        provider = Some(p);
    }
    (router(service, WebConfig { secure_cookies: false }), provider, dir)
}

/// The callback path and query the provider would send the browser to.
fn callback_path(callback: &verband_service::SsoCallback) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if let Some(c) = &callback.code {
        q.append_pair("code", c);
    }
    if let Some(s) = &callback.state {
        q.append_pair("state", s);
    }
    if let Some(e) = &callback.error {
        q.append_pair("error", e);
    }
    format!("/inloggen/sso/terug?{}", q.finish())
}

#[tokio::test]
async fn the_button_shows_only_when_single_sign_on_is_configured() {
    let (plain, _, _d1) = app(false).await;
    let page = Client::new(&plain).get("/inloggen").await;
    assert!(!page.body().contains("/inloggen/sso"));
    assert_eq!(Client::new(&plain).get("/inloggen/sso").await.status, StatusCode::NOT_FOUND);

    let (app, _p, _d2) = app(true).await;
    let page = Client::new(&app).get("/inloggen?next=/account").await;
    assert!(page.body().contains("Inloggen met je organisatieaccount"));
    assert!(page.body().contains("href=\"/inloggen/sso?next=%2Faccount\""), "the page asked for travels along");
}

#[tokio::test]
async fn a_round_trip_through_the_provider_opens_a_session_and_goes_to_next() {
    let (app, provider, _d) = app(true).await;
    let provider = provider.unwrap();
    let mut browser = Client::new(&app);
    let start = browser.get("/inloggen/sso?next=/account").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER);
    let to = start.location.clone().unwrap();
    assert!(to.starts_with(&provider.issuer), "{to}");
    assert!(browser.cookies.contains_key("verband_sso"), "the state is kept in this browser");

    let callback = provider.authorize(&to, Claims::person("sub-1", "nieuw@gemeente.nl"));
    let back = browser.get(&callback_path(&callback)).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body());
    assert_eq!(back.location.as_deref(), Some("/account"));
    assert!(browser.cookies.contains_key("verband_session"));
    assert!(!browser.cookies.contains_key("verband_sso"), "the state cookie is cleared");
    let account = browser.get("/account").await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body().contains("nieuw"));

    // An outside `next` is not followed.
    let mut other = Client::new(&app);
    let start = other.get("/inloggen/sso?next=//evil.example.org/").await;
    let callback = provider.authorize(start.location.as_deref().unwrap(), Claims::person("sub-1", "nieuw@gemeente.nl"));
    let back = other.get(&callback_path(&callback)).await;
    assert_eq!(back.location.as_deref(), Some("/"));
}

#[tokio::test]
async fn refusals_are_polite_pages_that_leak_nothing() {
    let (app, provider, _d) = app(true).await;
    let provider = provider.unwrap();

    // A callback link from someone else's sign-in: this browser has no state cookie.
    let mut attacker = Client::new(&app);
    let start = attacker.get("/inloggen/sso").await;
    let callback = provider.authorize(start.location.as_deref().unwrap(), Claims::person("sub-a", "a@gemeente.nl"));
    let mut victim = Client::new(&app);
    let page = victim.get(&callback_path(&callback)).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body().contains("Inloggen met je organisatieaccount is niet gelukt"));
    assert!(!victim.cookies.contains_key("verband_session"));

    // Cancelled at the provider.
    let mut browser = Client::new(&app);
    let start = browser.get("/inloggen/sso").await;
    let mut callback = provider.authorize(start.location.as_deref().unwrap(), Claims::person("sub-a", "a@gemeente.nl"));
    callback.code = None;
    callback.error = Some("access_denied".into());
    let page = browser.get(&callback_path(&callback)).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body().contains("afgebroken"));

    // A forged token and an unverified address: a page that names no check.
    for (claims, text) in [
        (Claims { forged: true, ..Claims::person("sub-b", "b@gemeente.nl") }, "kon niet worden gecontroleerd"),
        (Claims { email_verified: Some(false), ..Claims::person("sub-c", "c@gemeente.nl") }, "niet bevestigd"),
        (Claims::person("sub-d", "d@elders.example.org"), "uitnodiging"),
    ] {
        let mut browser = Client::new(&app);
        let start = browser.get("/inloggen/sso").await;
        let callback = provider.authorize(start.location.as_deref().unwrap(), claims);
        let page = browser.get(&callback_path(&callback)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        let body = page.body();
        assert!(body.contains(text), "{body}");
        for secret in ["signature", "sub-", callback.code.as_deref().unwrap()] {
            assert!(!body.contains(secret), "{secret:?} in {body}");
        }
        assert!(!browser.cookies.contains_key("verband_session"));
    }
}
