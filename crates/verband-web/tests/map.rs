//! The network map, the relationships page and network files through the
//! real router: who may see and change what, forms that keep their input,
//! the downloads as real SVG, PNG and GEXF, and an import with its preview.

mod support;

use axum::http::{header, StatusCode};
use axum::Router;
use support::{Client, PASSWORD};
use verband_domain::relationship::{RelationshipForm, RoundForm};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    network: i64,
    other: i64,
    round: i64,
    partners: Vec<i64>,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let other = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    let mut partners = Vec::new();
    for (name, sector) in [("Gemeente Rivierstad", "municipality"), ("Welzijn <Rivierstad>", "welfare"), ("ROC Rivierenland", "education")]
    {
        let form = OrganisationForm { name: name.into(), sector: sector.into(), ownership: "public".into(), ..Default::default() };
        partners.push(service.create_partner(&sys, network, &form).await.unwrap().id);
    }
    let round = service
        .create_round(&sys, network, &RoundForm { label: "Voorjaar".into(), measured_on: "2026-03-01".into(), ..Default::default() })
        .await
        .unwrap();
    let tie = RelationshipForm {
        source_id: partners[0].to_string(),
        target_id: partners[1].to_string(),
        kind: "joint_project".into(),
        strength: "4".into(),
        ..Default::default()
    };
    service.add_relationship(&sys, network, round, &tie).await.unwrap();
    for (user, network, role) in
        [("coord", network, NetworkRole::Coordinator), ("lid", network, NetworkRole::Member), ("buiten", other, NetworkRole::Coordinator)]
    {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    World { app: router(service, WebConfig { secure_cookies: false }), network, other, round, partners, _dir: dir }
}

#[tokio::test]
async fn a_member_sees_the_map_and_its_downloads_but_changes_nothing() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("lid").await;
    let base = format!("/netwerken/{}", w.network);

    let page = c.get(&format!("{base}/kaart")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body();
    assert_eq!(body.matches("class=\"node\"").count(), 3, "one node per partner");
    assert!(body.contains("Welzijn &lt;Rivierstad&gt;"), "names are escaped in the SVG and the table");
    assert!(!body.contains("Welzijn <Rivierstad>"));
    assert!(body.contains("Dichtheid 33%"), "one of three possible ties");
    assert!(body.contains("1 partner heeft nog geen enkele relatie"));
    assert!(body.contains("<script src=\"/static/map.js\" defer"));

    // The partner panel and a sector filter work through the query alone.
    let panel = c.get(&format!("{base}/kaart?partner={}&sector=welfare", w.partners[1])).await.body();
    assert!(panel.contains("id=\"partner-panel\""));
    assert_eq!(panel.matches("class=\"node\"").count(), 1);

    let svg = c.get(&format!("{base}/kaart/kaart.svg")).await;
    assert_eq!(svg.header(header::CONTENT_TYPE), "image/svg+xml");
    assert!(svg.header(header::CONTENT_DISPOSITION).starts_with("attachment; filename=\"netwerkkaart.svg\""));
    let doc = String::from_utf8(svg.bytes.clone()).unwrap();
    assert_eq!(doc.matches("<circle").count(), 3 + 3 + 2, "three partners, three sectors in the legend, the broker and isolated keys");
    let png = c.get(&format!("{base}/kaart/kaart.png")).await;
    assert_eq!(png.header(header::CONTENT_TYPE), "image/png");
    assert!(png.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));

    let gexf = c.get(&format!("{base}/kaart/bestanden/download?formaat=gexf&meting={}", w.round)).await;
    assert_eq!(gexf.status, StatusCode::OK);
    let file = verband_formats::read_gexf(&gexf.bytes, &Default::default()).unwrap();
    assert_eq!((file.nodes.len(), file.edges.len()), (3, 1));
    assert_eq!(file.edges[0].kind.as_deref(), Some("joint_project"));

    // Reading is all a member does.
    let relaties = c.get(&format!("{base}/relaties")).await;
    assert_eq!(relaties.status, StatusCode::OK);
    assert!(!relaties.body().contains("Relatie opslaan"));
    let csrf = relaties.field("csrf");
    let res = c.post(&format!("{base}/relaties/metingen"), &[("csrf", &csrf), ("label", "Stiekem"), ("measuredOn", "2026-05-01")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let files = c.get(&format!("{base}/kaart/bestanden")).await;
    assert!(files.body().contains("Alleen de coördinator"));
    let res = c
        .post_multipart(
            &format!("{base}/kaart/bestanden/inlezen"),
            &[("csrf", None, csrf.as_bytes()), ("bestand", Some("k.gexf"), &gexf.bytes)],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // Another network's map does not exist for an outsider.
    let mut outsider = Client::new(&w.app);
    outsider.login("buiten").await;
    assert_eq!(outsider.get(&format!("{base}/kaart")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&format!("{base}/kaart/kaart.png")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&format!("/netwerken/{}/kaart", w.other)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_coordinator_keeps_ties_and_reads_in_a_file_after_its_preview() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let base = format!("/netwerken/{}", w.network);
    let csrf = c.get(&format!("{base}/relaties")).await.field("csrf");

    // A tie with the same partner twice comes back with what was typed.
    let path = format!("{base}/relaties/metingen/{}", w.round);
    let same = w.partners[2].to_string();
    let res = c
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("sourceId", &same),
                ("targetId", &same),
                ("kind", "shared_staff"),
                ("strength", "5"),
                ("note", "Zelfde partner"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let body = res.body();
    assert!(body.contains("Kies twee verschillende partners."));
    assert!(body.contains("value=\"Zelfde partner\""), "the note is kept");
    assert!(body.contains("<option value=\"shared_staff\" selected"), "the kind is kept");

    let target = w.partners[0].to_string();
    let res =
        c.post(&path, &[("csrf", &csrf), ("sourceId", &same), ("targetId", &target), ("kind", "shared_staff"), ("strength", "5")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let map = c.get(&format!("{base}/kaart")).await.body();
    assert!(map.contains("elke partner heeft minstens één relatie"));

    // A broken file: the line is named, nothing is kept.
    let broken = b"<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n<nodes>\n<node id=\"1\">\n</nodes>";
    let upload = format!("{base}/kaart/bestanden/inlezen");
    let res = c.post_multipart(&upload, &[("csrf", None, csrf.as_bytes()), ("bestand", Some("kapot.gexf"), broken)]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body().contains("regel 4, kolom 1"), "the unclosed node: {}", res.body());
    assert!(res.body().contains("geen geldige XML"));

    // A Kumu file: a preview first, then the confirmation makes a new round.
    let kumu = br#"{"elements":[{"id":"x","label":"Gemeente Rivierstad"},{"id":"y","label":"Buurtcentrum De Kern","sector":"welfare"}],
        "connections":[{"from":"x","to":"y","direction":"undirected","type":"Informatie-uitwisseling","strength":2}]}"#;
    let res = c.post_multipart(&upload, &[("csrf", None, csrf.as_bytes()), ("bestand", Some("kumu.json"), kumu)]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body());
    let preview = res.body();
    assert!(preview.contains("2 punten, waarvan 1 bij een bestaande partner horen en 1 nieuwe partners worden; 1 relaties."), "{preview}");
    assert!(preview.contains("Gemeente Rivierstad (zelfde naam)"));
    let upload_id = res.field("upload");
    let confirm = format!("{base}/kaart/bestanden/bevestigen");
    let res = c.post(&confirm, &[("csrf", &csrf), ("upload", &upload_id), ("label", "Uit Kumu")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let location = res.location.unwrap();
    assert!(location.starts_with(&format!("{base}/kaart?meting=")), "{location}");
    let map = c.get(&location).await.body();
    assert!(map.contains("Buurtcentrum De Kern"));
    assert!(map.contains("Vergeleken met de vorige meting (Voorjaar)"));
    let again = c.post(&confirm, &[("csrf", &csrf), ("upload", &upload_id), ("label", "Uit Kumu")]).await;
    assert_eq!(again.location.as_deref(), Some(format!("{base}/kaart/bestanden?done=already-imported").as_str()));
}
