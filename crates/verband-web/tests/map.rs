//! The network map, the relationships page and network files through the
//! real router: who may see and change what, forms that keep their input,
//! the downloads as real SVG, PNG and GEXF, and an import with its preview.

mod support;

use axum::http::{header, StatusCode};
use axum::Router;
use support::{Client, PASSWORD};
use verband_domain::relationship::{RelationshipForm, RoundForm};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Channel, Origin, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
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
    World { app: router(service.clone(), WebConfig { secure_cookies: false }), service, network, other, round, partners, _dir: dir }
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

async fn token_for(service: &Service, username: &str) -> String {
    let users = service.list_users(&Actor::system("test")).await.unwrap();
    let (user, _) = users.into_iter().find(|(u, _)| u.username == username).unwrap();
    let actor = service.actor_for(&user, Origin { channel: Channel::Api, ip: None });
    service.create_api_token(&actor, "test").await.unwrap().token
}

async fn api(app: &Router, method: &str, path: &str, token: &str, body: Option<serde_json::Value>) -> (StatusCode, serde_json::Value) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut req = axum::http::Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(b) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            axum::body::Body::from(b.to_string())
        }
        None => axum::body::Body::empty(),
    };
    let res = app.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn the_api_gives_rounds_ties_and_the_map_figures_to_those_with_a_role() {
    let w = world().await;
    let member = token_for(&w.service, "lid").await;
    let coordinator = token_for(&w.service, "coord").await;
    let outsider = token_for(&w.service, "buiten").await;
    let n = w.network;

    let (status, map) = api(&w.app, "GET", &format!("/api/v1/networks/{n}/network-map"), &member, None).await;
    assert_eq!(status, StatusCode::OK, "{map}");
    assert_eq!(map["round"]["label"], "Voorjaar");
    assert_eq!(map["partners"].as_array().unwrap().len(), 3);
    assert_eq!(map["scores"]["ties"], 1);
    assert_eq!(map["scores"]["isolated"], 1);
    assert!(map["previous"].is_null());
    assert_eq!(api(&w.app, "GET", &format!("/api/v1/networks/{n}/network-map"), &outsider, None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(api(&w.app, "GET", &format!("/api/v1/networks/{n}/network-map?round=x"), &member, None).await.0, StatusCode::NOT_FOUND);

    let round = serde_json::json!({"label": "Najaar", "measuredOn": "2026-10-01", "copyFrom": w.round.to_string()});
    assert_eq!(
        api(&w.app, "POST", &format!("/api/v1/networks/{n}/relationship-rounds"), &member, Some(round.clone())).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, created) = api(&w.app, "POST", &format!("/api/v1/networks/{n}/relationship-rounds"), &coordinator, Some(round)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["items"].as_array().unwrap().len(), 1, "copied from the first round");
    let autumn = created["round"]["id"].as_i64().unwrap();

    let tie = serde_json::json!({"sourceId": w.partners[2].to_string(), "targetId": w.partners[0].to_string(), "kind": "shared_funding", "strength": "7"});
    let path = format!("/api/v1/networks/{n}/relationship-rounds/{autumn}/relationships");
    let (status, problem) = api(&w.app, "POST", &path, &coordinator, Some(tie.clone())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(problem.to_string().contains("strength"), "{problem}");
    let mut tie = tie;
    tie["strength"] = "3".into();
    let (status, list) = api(&w.app, "POST", &path, &coordinator, Some(tie)).await;
    assert_eq!(status, StatusCode::CREATED, "{list}");
    assert_eq!(list["items"].as_array().unwrap().len(), 2);

    let (_, map) = api(&w.app, "GET", &format!("/api/v1/networks/{n}/network-map"), &member, None).await;
    assert_eq!(map["round"]["id"], autumn);
    assert_eq!(map["scores"]["ties"], 2);
    assert_eq!(map["previous"]["scores"]["ties"], 1);
    let (status, doc) = api(&w.app, "GET", "/api/v1/openapi.json", &member, None).await;
    assert_eq!(status, StatusCode::OK);
    for (path, methods) in [
        ("/networks/{networkId}/network-map", &["get"][..]),
        ("/networks/{networkId}/relationship-rounds", &["get", "post"][..]),
        ("/networks/{networkId}/relationship-rounds/{roundId}/relationships", &["get", "post"][..]),
    ] {
        for m in methods {
            assert!(doc["paths"][path][m]["security"].is_array(), "{m} {path} is described and needs a token");
        }
    }
}
