//! The audit log page and its CSV through the real router, and the first
//! steps on a new network's dashboard.

mod support;

use axum::http::StatusCode;
use axum::Router;
use support::{Client, PASSWORD};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    network_a: i64,
    network_b: i64,
    empty: i64,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network = |name: &str| NetworkForm { name: name.into(), ..Default::default() };
    let network_a = service.create_network(&sys, &network("Gezond Rivierenland")).await.unwrap();
    let network_b = service.create_network(&sys, &network("Kansrijk Lingedal")).await.unwrap();
    let empty = service.create_network(&sys, &network("Nieuw Netwerk")).await.unwrap();
    let partner =
        |name: &str| OrganisationForm { name: name.into(), sector: "welfare".into(), ownership: "private".into(), ..Default::default() };
    service.create_partner(&sys, network_a, &partner("Welzijn Rivierstad")).await.unwrap();
    service.create_partner(&sys, network_a, &partner("=HYPERLINK(\"x\")")).await.unwrap();
    service.create_partner(&sys, network_b, &partner("Stichting Geheim Lingedal")).await.unwrap();
    for (user, network, role) in [
        ("coord", network_a, NetworkRole::Coordinator),
        ("lid", network_a, NetworkRole::Member),
        ("nieuw", empty, NetworkRole::Coordinator),
        ("nieuw-lid", empty, NetworkRole::Member),
    ] {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    World { app: router(service, WebConfig { secure_cookies: false }), network_a, network_b, empty, _dir: dir }
}

#[tokio::test]
async fn a_coordinator_reads_their_networks_log_and_filters_it() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let path = format!("/netwerken/{}/logboek", w.network_a);
    let page = c.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body());
    let body = page.body();
    assert!(body.contains("maakte partner aan"), "{body}");
    assert!(body.contains("Welzijn Rivierstad"));
    assert!(!body.contains("Stichting Geheim Lingedal"), "another network's rows stay out");
    assert!(body.contains("id=\"nav-audit\""), "the navigation links the log for coordinators");
    assert!(body.contains("aria-current=\"page\">Logboek"));

    // Narrowed to one person: the system's partner rows go, the grants by the system too.
    let narrowed = c.get(&format!("{path}?persoon=coord")).await.body();
    assert!(!narrowed.contains("Welzijn Rivierstad"), "{narrowed}");
    assert!(narrowed.contains("Niets gevonden"));
    // A kind that occurs keeps its rows; the select says which is chosen.
    let creates = c.get(&format!("{path}?soort=create")).await.body();
    assert!(creates.contains("Welzijn Rivierstad") && creates.contains("<option value=\"create\" selected"));
    let later = c.get(&format!("{path}?van=2999-01-01")).await.body();
    assert!(!later.contains("Welzijn Rivierstad"));
    // A date that cannot be read is said, and the page still answers.
    let bad = c.get(&format!("{path}?tot=gisteren")).await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body().contains("role=\"alert\""));
}

#[tokio::test]
async fn the_csv_holds_the_filtered_rows_escaped_and_is_itself_logged() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let path = format!("/netwerken/{}/logboek", w.network_a);
    let csv = c.get(&format!("{path}.csv?soort=create")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.header("content-disposition").contains("logboek.csv"));
    let text = csv.body();
    assert!(text.contains("Welzijn Rivierstad"));
    assert!(!text.contains("Stichting Geheim Lingedal"));
    assert!(text.contains("'=HYPERLINK"), "formulas are escaped: {text}");
    assert!(!text.contains(";=HYPERLINK") && !text.contains("\"=HYPERLINK"), "no bare formula: {text}");
    assert!(!text.contains(";grant;"), "only the chosen kind");
    let page = c.get(&path).await.body();
    assert!(page.contains("downloadde het logboek"), "{page}");
}

#[tokio::test]
async fn members_and_outsiders_are_refused() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "lid").await;
    let own = c.get(&format!("/netwerken/{}/logboek", w.network_a)).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    assert_eq!(c.get(&format!("/netwerken/{}/logboek.csv", w.network_a)).await.status, StatusCode::FORBIDDEN);
    assert!(!c.get(&format!("/netwerken/{}", w.network_a)).await.body().contains("id=\"nav-audit\""));
    assert_eq!(c.get(&format!("/netwerken/{}/logboek", w.network_b)).await.status, StatusCode::NOT_FOUND);
    let mut coord = Client::logged_in(&w.app, "coord").await;
    assert_eq!(coord.get("/beheer/logboek").await.status, StatusCode::FORBIDDEN);
    assert_eq!(coord.get(&format!("/netwerken/{}/logboek", w.network_b)).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_new_networks_dashboard_shows_first_steps_instead_of_empty_charts() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "nieuw").await;
    let body = c.get(&format!("/netwerken/{}", w.empty)).await.body();
    assert!(body.contains("id=\"first-steps\""), "{body}");
    // Only "invite the partners" is done: the world gave the network a member besides its coordinator.
    assert_eq!(body.matches("nog te doen").count(), 4);
    assert!(body.contains(&format!("/netwerken/{}/partners/nieuw", w.empty)));
    assert!(body.contains(&format!("/netwerken/{}/toegang", w.empty)));
    assert!(!body.contains("id=\"vitality-title\""), "no vitality panel without data");
    assert!(!body.contains("id=\"dash-funding-title\"") && !body.contains("id=\"dash-coherence-title\""));

    // A member sees the steps, without the links it may not follow.
    let mut m = Client::logged_in(&w.app, "nieuw-lid").await;
    let body = m.get(&format!("/netwerken/{}", w.empty)).await.body();
    assert!(body.contains("id=\"first-steps\""));
    assert!(!body.contains(&format!("/netwerken/{}/partners/nieuw", w.empty)));
    assert!(!body.contains(&format!("/netwerken/{}/toegang", w.empty)));

    // With partners, the partner step is ticked and the panels come back.
    let mut a = Client::logged_in(&w.app, "coord").await;
    let body = a.get(&format!("/netwerken/{}", w.network_a)).await.body();
    assert!(body.contains("data-step=\"partners\""));
    assert!(body.contains(">gedaan<"));
    assert!(body.contains("id=\"vitality-title\""));
}

#[tokio::test]
async fn the_demo_dashboard_keeps_its_panels_and_the_admin_reads_everything() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let summary = service.seed_demo(verband_service::demo::DEMO_SEED, 1).await.unwrap();
    let app = router(service, WebConfig { secure_cookies: false });
    let main = summary.networks[0].0;
    let mut c = Client::new(&app);
    let csrf = c.get("/inloggen").await.field("csrf");
    let res = c
        .post(
            "/inloggen",
            &[("csrf", &csrf), ("username", "coordinator"), ("password", verband_service::demo::DEMO_PASSWORD), ("next", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let body = c.get(&format!("/netwerken/{main}")).await.body();
    assert!(body.contains("id=\"vitality-title\""));
    assert!(body.contains("id=\"dash-coherence-title\"") && body.contains("id=\"dash-funding-title\""));

    let mut admin = Client::new(&app);
    let csrf = admin.get("/inloggen").await.field("csrf");
    admin.post("/inloggen", &[("csrf", &csrf), ("username", "nobody"), ("password", "wrong-password"), ("next", "")]).await;
    admin
        .post("/inloggen", &[("csrf", &csrf), ("username", "admin"), ("password", verband_service::demo::DEMO_PASSWORD), ("next", "")])
        .await;
    let log = admin.get("/beheer/logboek?soort=login").await;
    assert_eq!(log.status, StatusCode::OK);
    let body = log.body();
    assert!(body.contains("mislukte inlogpoging") && body.contains("nobody"), "{body}");
    assert!(body.contains("logde in"));
    assert!(admin.get("/netwerken").await.body().contains("href=\"/beheer/logboek\""));
}
