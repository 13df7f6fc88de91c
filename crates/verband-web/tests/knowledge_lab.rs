//! The Kennislab search page and the header search through the real router:
//! stemmed words, facets that narrow and count, paging, highlighted
//! snippets, and nothing of another network's private items.

mod support;

use axum::http::StatusCode;
use axum::Router;
use support::{Client, PASSWORD};
use verband_domain::knowledge::KnowledgeForm;
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    a: i64,
    b: i64,
    _dir: tempfile::TempDir,
}

fn item(kind: &str, title: &str, body: &str, themes: &str, visibility: &str) -> KnowledgeForm {
    KnowledgeForm {
        kind: kind.into(),
        title: title.into(),
        body: body.into(),
        themes: themes.into(),
        visibility: visibility.into(),
        ..KnowledgeForm::default()
    }
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let b = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    for (user, network, role) in [("lid", a, NetworkRole::Member), ("lid-b", b, NetworkRole::Member)] {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    for i in 0..23 {
        let kind = if i % 2 == 0 { "experience" } else { "tool" };
        let title = format!("Samenwerkingen in de wijk, deel {i}");
        service
            .create_knowledge_item(&sys, a, &item(kind, &title, "Wat we leerden over overleg.", "wijkgericht werken", ""))
            .await
            .unwrap();
    }
    service
        .create_knowledge_item(&sys, b, &item("article", "Geheime samenwerking met <b>Lingedal</b>", "Alleen voor B.", "geheim", ""))
        .await
        .unwrap();
    service
        .create_knowledge_item(&sys, b, &item("success", "Gedeelde samenwerking Lingedal", "Voor iedereen.", "delen", "shared"))
        .await
        .unwrap();
    service
        .create_partner(
            &sys,
            a,
            &OrganisationForm {
                name: "Welzijn Rivierenland".into(),
                sector: "welfare".into(),
                ownership: "public".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    service
        .create_partner(
            &sys,
            b,
            &OrganisationForm {
                name: "Welzijn Lingedal".into(),
                sector: "welfare".into(),
                ownership: "public".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    World { app: router(service, WebConfig { secure_cookies: false }), a, b, _dir: dir }
}

/// A facet value with its count, as the page shows it.
fn facet(label: &str, count: u64) -> String {
    format!("{label} <span class=\"count\">({count})</span>")
}

#[tokio::test]
async fn the_lab_finds_stemmed_words_counts_facets_pages_and_hides_other_networks_private_items() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "lid").await;

    let page = c.get("/kennislab?q=samenwerking").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body();
    // 23 of A and the shared one of B; never B's private item, not even escaped.
    assert!(body.contains("Gevonden: 24"), "{body}");
    assert!(!body.contains("Geheime") && !body.contains("geheim"), "B's private item leaked");
    assert!(body.contains("<mark>Samenwerkingen</mark>"), "the matched word is highlighted");
    assert!(
        body.contains(&facet("Leerervaring", 12))
            && body.contains(&facet("Werkwijze of sjabloon", 11))
            && body.contains(&facet("Succesverhaal", 1)),
        "{body}"
    );
    assert!(body.contains(&facet("Gezond Rivierenland", 23)) && body.contains(&facet("Kansrijk Lingedal", 1)));
    assert!(body.contains("Pagina 1 van 2"));

    // A facet narrows the list; the other values of that facet keep their counts.
    let narrowed = c.get("/kennislab?q=samenwerking&soort=success").await.body();
    assert!(narrowed.contains("Gevonden: 1"), "{narrowed}");
    assert!(narrowed.contains("Gedeelde <mark>samenwerking</mark> Lingedal"));
    assert!(narrowed.contains(&facet("Leerervaring", 12)), "choosable still");
    let networks = c.get(&format!("/kennislab?netwerk={}", w.a)).await.body();
    assert!(networks.contains("Gevonden: 23"), "{networks}");

    // Page two keeps the search and its filters.
    let second = c.get("/kennislab?q=samenwerking&pagina=2").await.body();
    assert!(second.contains("Pagina 2 van 2") && second.contains("rel=\"prev\""));

    // A network filter on B shows only what B shares.
    let b_only = c.get(&format!("/kennislab?netwerk={}", w.b)).await.body();
    assert!(b_only.contains("Gevonden: 1") && !b_only.contains("Geheime"), "{b_only}");

    // Without words: the newest and the most viewed.
    let browse = c.get("/kennislab").await.body();
    assert!(browse.contains("Nieuwste kennisitems") && browse.contains("Meest bekeken"));

    // B's member finds their own private item, escaped.
    let mut other = Client::logged_in(&w.app, "lid-b").await;
    let theirs = other.get("/kennislab?q=geheime").await.body();
    assert!(theirs.contains("&lt;b&gt;Lingedal&lt;/b&gt;") || theirs.contains("&lt;b&gt;"), "{theirs}");
    assert!(theirs.contains("Gevonden: 1"));

    // A nonsense filter value or page is not an error.
    assert_eq!(c.get("/kennislab?netwerk=x&jaar=y&pagina=999999").await.status, StatusCode::OK);
    // The lab is for logged-in people only.
    let anonymous = Client::new(&w.app).get("/kennislab").await;
    assert_ne!(anonymous.status, StatusCode::OK);
}

#[tokio::test]
async fn the_header_search_finds_records_of_the_visitors_networks_and_knowledge() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "lid").await;
    let home = c.get("/kennislab").await.body();
    assert!(home.contains("action=\"/zoeken\""), "the header has the search box");
    let found = c.get("/zoeken?q=welzijn").await.body();
    assert!(found.contains("<mark>Welzijn</mark> Rivierenland"), "{found}");
    assert!(found.contains(&format!("/netwerken/{}/partners/", w.a)));
    assert!(!found.contains("Lingedal</a>") && !found.contains("<mark>Welzijn</mark> Lingedal"), "B's partner: {found}");
    let knowledge = c.get("/zoeken?q=overleg").await.body();
    assert!(knowledge.contains("Alle 23 kennisitems bekijken"), "{knowledge}");
    assert!(c.get("/zoeken?q=zzzqqq").await.body().contains("Niets gevonden voor"));
}
