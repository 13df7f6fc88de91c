//! HTTP tests of the pages through the real router: log-in, CSRF, access
//! across networks, and forms that keep what the user typed.

mod support;

use axum::http::{header, StatusCode};
use axum::Router;
use support::{Client, PASSWORD};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
    network_a: i64,
    network_b: i64,
    partner_b: i64,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network_a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let network_b = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    let partner =
        |name: &str| OrganisationForm { name: name.into(), sector: "welfare".into(), ownership: "private".into(), ..Default::default() };
    service.create_partner(&sys, network_a, &partner("Welzijn Rivierstad")).await.unwrap();
    let partner_b = service.create_partner(&sys, network_b, &partner("Stichting Geheim Lingedal")).await.unwrap().id;
    for (user, network, role) in
        [("coord", network_a, NetworkRole::Coordinator), ("lid", network_a, NetworkRole::Member), ("lid-b", network_b, NetworkRole::Member)]
    {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    World { app: router(service.clone(), WebConfig { secure_cookies: false }), service, network_a, network_b, partner_b, _dir: dir }
}

#[tokio::test]
async fn login_page_is_dutch_by_default_and_english_on_request() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    let nl = c.get("/inloggen").await;
    assert_eq!(nl.status, StatusCode::OK);
    assert!(nl.body().contains("<html lang=\"nl\">"));
    assert!(nl.body().contains("Gebruikersnaam"));
    let en = c.get("/inloggen?lang=en").await;
    assert!(en.body().contains("<html lang=\"en\">"));
    assert!(en.body().contains("User name"));
    // The choice sticks through the cookie.
    assert!(c.get("/inloggen").await.body().contains("User name"));
}

#[tokio::test]
async fn pages_need_a_login_and_come_back_after_it() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    let res = c.get(&format!("/netwerken/{}/partners", w.network_a)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location.unwrap(), format!("/inloggen?next=%2Fnetwerken%2F{}%2Fpartners", w.network_a));
}

#[tokio::test]
async fn wrong_password_is_refused_and_keeps_the_user_name() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    let csrf = c.get("/inloggen").await.field("csrf");
    let res = c.post("/inloggen", &[("csrf", &csrf), ("username", "coord"), ("password", "fout-wachtwoord")]).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(res.body().contains("klopt niet"));
    assert!(res.body().contains("value=\"coord\""));
    assert!(!c.cookies.contains_key("verband_session"));
}

#[tokio::test]
async fn posts_without_the_right_csrf_token_are_refused() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let path = format!("/netwerken/{}/partners/nieuw", w.network_a);
    let fields = [("name", "Sluiproute BV"), ("sector", "business"), ("ownership", "private")];
    let missing = c.post(&path, &fields).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let mut wrong = fields.to_vec();
    wrong.push(("csrf", "0000"));
    assert_eq!(c.post(&path, &wrong).await.status, StatusCode::FORBIDDEN);
    // Nothing was stored.
    let list = c.get(&format!("/netwerken/{}/partners?q=sluiproute", w.network_a)).await;
    assert!(!list.body().contains("Sluiproute BV"));
}

#[tokio::test]
async fn a_member_of_one_network_gets_404_for_another_networks_pages() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("lid").await;
    for path in [
        format!("/netwerken/{}", w.network_b),
        format!("/netwerken/{}/partners", w.network_b),
        format!("/netwerken/{}/partners/{}", w.network_b, w.partner_b),
        format!("/netwerken/{}/partners/{}", w.network_a, w.partner_b),
        format!("/netwerken/{}/personen", w.network_b),
        format!("/netwerken/{}/ambitie", w.network_b),
    ] {
        let res = c.get(&path).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!res.body().contains("Geheim"), "{path} leaks data");
    }
    let networks = c.get("/netwerken").await;
    assert!(networks.body().contains("Gezond Rivierenland"));
    assert!(!networks.body().contains("Kansrijk Lingedal"));
}

#[tokio::test]
async fn invalid_partner_form_comes_back_filled_in_with_both_messages() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let path = format!("/netwerken/{}/partners/nieuw", w.network_a);
    let csrf = c.get(&path).await.field("csrf");
    let res = c
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("name", ""),
                ("kvkNumber", "123456789"),
                ("sector", "education"),
                ("ownership", "public"),
                ("website", "https://roc-rivierstad.example"),
                ("description", "Mbo-opleidingen zorg en welzijn"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("Vul dit in."), "name message");
    assert!(res.body().contains("Een KvK-nummer heeft precies 8 cijfers."), "kvk message");
    assert!(res.body().contains("value=\"123456789\""));
    assert!(res.body().contains("value=\"https://roc-rivierstad.example\""));
    assert!(res.body().contains("Mbo-opleidingen zorg en welzijn"));
    assert!(res.body().contains("<option value=\"education\" selected"));
    let sys = Actor::system("test");
    let all = w.service.partners(&sys, w.network_a, &Default::default(), Default::default()).await.unwrap();
    assert_eq!(all.total, 1, "nothing stored");
}

#[tokio::test]
async fn coordinator_creates_finds_archives_and_restores_a_partner() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let base = format!("/netwerken/{}/partners", w.network_a);
    let csrf = c.get(&format!("{base}/nieuw")).await.field("csrf");
    let res = c
        .post(
            &format!("{base}/nieuw"),
            &[
                ("csrf", &csrf),
                ("name", "Huisartsen Rivierstad"),
                ("sector", "primary_care"),
                ("ownership", "private"),
                ("kvkNumber", "1234 5678"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let detail_path = res.location.unwrap();
    let detail = c.get(&detail_path).await;
    assert!(detail.body().contains("Huisartsen Rivierstad"));
    assert!(detail.body().contains("12345678"));

    let found = c.get(&format!("{base}?q=huisarts")).await;
    assert!(found.body().contains("Huisartsen Rivierstad"));
    assert!(!found.body().contains("Welzijn Rivierstad"));

    let id = detail_path.trim_start_matches(&format!("{base}/")).split('?').next().unwrap().to_string();
    let csrf = detail.field("csrf");
    assert_eq!(c.post(&format!("{base}/{id}/archiveren"), &[("csrf", &csrf)]).await.status, StatusCode::SEE_OTHER);
    assert!(!c.get(&base).await.body().contains("Huisartsen Rivierstad"));
    assert!(c.get(&format!("{base}?archived=1")).await.body().contains("Huisartsen Rivierstad"));
    assert_eq!(c.post(&format!("{base}/{id}/terugzetten"), &[("csrf", &csrf)]).await.status, StatusCode::SEE_OTHER);
    assert!(c.get(&base).await.body().contains("Huisartsen Rivierstad"));

    let dashboard = c.get(&format!("/netwerken/{}", w.network_a)).await;
    assert!(dashboard.body().contains("Huisartsen Rivierstad"), "recent changes name the partner");
}

#[tokio::test]
async fn a_member_may_read_but_not_create_partners() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("lid").await;
    let base = format!("/netwerken/{}/partners", w.network_a);
    let list = c.get(&base).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.body().contains("/partners/nieuw"));
    assert_eq!(c.get(&format!("{base}/nieuw")).await.status, StatusCode::FORBIDDEN);
    let csrf = list.field("csrf");
    let res = c.post(&format!("{base}/nieuw"), &[("csrf", &csrf), ("name", "X"), ("sector", "other"), ("ownership", "public")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn switching_language_is_remembered_for_the_account() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let page = c.get("/netwerken").await;
    assert!(page.body().contains("Mijn netwerken"));
    let res = c.post("/taal", &[("csrf", &page.field("csrf")), ("lang", "en"), ("next", "/netwerken?lang=nl")]).await;
    assert_eq!(res.location.as_deref(), Some("/netwerken"));
    assert!(c.get("/netwerken").await.body().contains("My networks"));
    // A new browser of the same user gets English from the account.
    let mut fresh = Client::new(&w.app);
    fresh.login("coord").await;
    assert!(fresh.get("/netwerken").await.body().contains("My networks"));
}

#[tokio::test]
async fn responses_carry_security_headers_and_unknown_pages_are_404() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    let page = c.get("/inloggen").await;
    assert_eq!(page.headers.get("x-frame-options").unwrap(), "DENY");
    assert!(page.headers.get("content-security-policy").unwrap().to_str().unwrap().contains("default-src 'self'"));
    let cookie = page.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let missing = c.get("/bestaat-niet").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body().contains("Pagina niet gevonden"));
    // API paths answer as the API does, even with a trailing slash.
    let api = c.get("/api/v1/").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.headers.get(header::CONTENT_TYPE).unwrap(), "application/problem+json");
    assert!(api.headers.get("api-version").is_some());
}

#[tokio::test]
async fn api_tokens_are_shown_once_and_can_be_revoked() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let csrf = c.get("/account").await.field("csrf");
    let res = c.post("/account/tokens", &[("csrf", &csrf), ("name", "Excel-koppeling")]).await;
    assert_eq!(res.status, StatusCode::CREATED);
    let marker = "id=\"new-token\">";
    let start = res.body().find(marker).unwrap() + marker.len();
    let token = res.body()[start..].split('<').next().unwrap().to_string();
    assert!(token.starts_with("vb_"));
    assert!(w.service.user_for_api_token(&token).await.unwrap().is_some());
    let again = c.get("/account").await;
    assert!(again.body().contains("Excel-koppeling"));
    assert!(!again.body().contains(&token), "the token is shown only once");
    let tokens = w
        .service
        .api_tokens(&w.service.actor_for(
            &w.service.user_for_api_token(&token).await.unwrap().unwrap(),
            verband_service::Origin { channel: verband_service::Channel::Web, ip: None },
        ))
        .await
        .unwrap();
    let revoke = c.post(&format!("/account/tokens/{}/intrekken", tokens[0].id), &[("csrf", &again.field("csrf"))]).await;
    assert_eq!(revoke.status, StatusCode::SEE_OTHER);
    assert!(w.service.user_for_api_token(&token).await.unwrap().is_none());
}
