//! The JSON API through the real router: tokens, paging, problems, roles.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use verband_domain::{ListFilter, NetworkForm, NetworkRole, OrganisationForm, PageRequest};
use verband_service::{Actor, Channel, Origin, Service};
use verband_store::Store;
use verband_web::{router, WebConfig};

struct World {
    _dir: tempfile::TempDir,
    service: Service,
    app: Router,
    /// Coordinator of network A.
    coordinator: String,
    /// Member (not coordinator) of network A.
    member: String,
    a: i64,
    b: i64,
}

async fn token_for(service: &Service, username: &str) -> String {
    let system = Actor::system("test");
    let users = service.list_users(&system).await.unwrap();
    let (user, _) = users.into_iter().find(|(u, _)| u.username == username).unwrap();
    let actor = service.actor_for(&user, Origin { channel: Channel::Api, ip: None });
    service.create_api_token(&actor, "test").await.unwrap().token
}

fn org(name: &str, sector: &str) -> OrganisationForm {
    OrganisationForm { name: name.into(), sector: sector.into(), ownership: "public".into(), ..Default::default() }
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let system = Actor::system("test");
    let a = service.create_network(&system, &NetworkForm { name: "Gezond Rivierland".into(), ..Default::default() }).await.unwrap();
    let b = service.create_network(&system, &NetworkForm { name: "Zorgpersoneel Oost".into(), ..Default::default() }).await.unwrap();
    service.add_user(&system, "coco", "Coco Coördinator", "a long password 1", false).await.unwrap();
    service.add_user(&system, "mira", "Mira Member", "a long password 2", false).await.unwrap();
    service.grant(&system, "coco", a, NetworkRole::Coordinator).await.unwrap();
    service.grant(&system, "mira", a, NetworkRole::Member).await.unwrap();
    for (i, sector) in ["municipality", "public_health", "welfare", "education", "insurer"].iter().enumerate() {
        service.create_partner(&system, a, &org(&format!("Partner A{i}"), sector)).await.unwrap();
    }
    service.create_partner(&system, b, &org("Geheim B", "business")).await.unwrap();
    let coordinator = token_for(&service, "coco").await;
    let member = token_for(&service, "mira").await;
    let app = router(service.clone(), WebConfig { secure_cookies: false });
    World { _dir: dir, service, app, coordinator, member, a, b }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    fn assert_problem(&self, status: StatusCode) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.header("content-type"), "application/problem+json", "{}", self.body);
        assert_eq!(self.body["status"], status.as_u16());
        assert!(self.body["type"].is_string() && self.body["title"].is_string() && self.body["detail"].is_string(), "{}", self.body);
        assert_eq!(self.header("api-version"), "1.0.0");
    }
}

async fn call(app: &Router, method: Method, uri: &str, token: Option<&str>, body: Option<Value>) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    send(app, req).await
}

async fn send(app: &Router, req: Request<Body>) -> Answer {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| panic!("not JSON ({status}): {}", String::from_utf8_lossy(&bytes)))
    };
    Answer { status, headers, body }
}

#[tokio::test]
async fn without_a_valid_token_the_answer_is_401() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/organisations", w.a);
    for token in [None, Some("vb_not-a-token")] {
        let r = call(&w.app, Method::GET, &uri, token, None).await;
        r.assert_problem(StatusCode::UNAUTHORIZED);
        assert!(r.header("www-authenticate").starts_with("Bearer"), "{:?}", r.headers);
        assert!(r.headers.get(header::SET_COOKIE).is_none());
    }
    let basic = Request::get(&uri).header(header::AUTHORIZATION, "Basic Y29jbzp4").body(Body::empty()).unwrap();
    send(&w.app, basic).await.assert_problem(StatusCode::UNAUTHORIZED);

    // A revoked token stops working.
    let system = Actor::system("test");
    let users = w.service.list_users(&system).await.unwrap();
    let (coco, _) = users.into_iter().find(|(u, _)| u.username == "coco").unwrap();
    let actor = w.service.actor_for(&coco, Origin { channel: Channel::Api, ip: None });
    let t = w.service.create_api_token(&actor, "short-lived").await.unwrap();
    assert_eq!(call(&w.app, Method::GET, &uri, Some(&t.token), None).await.status, StatusCode::OK);
    w.service.revoke_api_token(&actor, t.id).await.unwrap();
    call(&w.app, Method::GET, &uri, Some(&t.token), None).await.assert_problem(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn lists_are_paged_with_link_headers() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/organisations?pageSize=2&page=2&sort=name&dir=asc", w.a);
    let r = call(&w.app, Method::GET, &uri, Some(&w.member), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("api-version"), "1.0.0");
    assert!(r.header("content-type").starts_with("application/json"));
    assert_eq!((r.body["page"].as_u64(), r.body["pageSize"].as_u64(), r.body["total"].as_u64()), (Some(2), Some(2), Some(5)));
    let names: Vec<&str> = r.body["items"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Partner A2", "Partner A3"]);
    assert_eq!(r.body["items"][0]["membershipStatus"], "active", "camelCase fields: {}", r.body);

    let base = format!("/api/v1/networks/{}/organisations?sort=name&dir=asc", w.a);
    let link = r.header("link");
    for (page, rel) in [(1, "first"), (1, "prev"), (3, "next"), (3, "last")] {
        let expected = format!("<{base}&page={page}&pageSize=2>; rel=\"{rel}\"");
        assert!(link.contains(&expected), "missing {expected} in {link}");
    }

    // Filters and search go through to the service.
    let r = call(&w.app, Method::GET, &format!("/api/v1/networks/{}/organisations?sector=welfare", w.a), Some(&w.member), None).await;
    assert_eq!(r.body["total"], 1, "{}", r.body);
    let r = call(&w.app, Method::GET, &format!("/api/v1/networks/{}/organisations?q=a4", w.a), Some(&w.member), None).await;
    assert_eq!(r.body["items"][0]["name"], "Partner A4", "{}", r.body);

    // Every bad parameter is named at once.
    let r = call(&w.app, Method::GET, &format!("/api/v1/networks/{}/organisations?page=0&sector=bakery", w.a), Some(&w.member), None).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    let names: Vec<&str> = r.body["invalidParams"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["page", "sector"]);

    // The caller's networks: only A for this member.
    let r = call(&w.app, Method::GET, "/api/v1/networks", Some(&w.member), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["total"], 1);
    assert_eq!(r.body["items"][0]["id"], w.a);
    assert_eq!(r.body["items"][0]["role"], "member");
    assert!(r.header("link").contains("rel=\"last\""));
}

#[tokio::test]
async fn create_answers_201_with_location_and_can_be_read_back() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/organisations", w.a);
    let body = json!({"name": "GGD Gelderland-Zuid", "sector": "public_health", "ownership": "public", "kvkNumber": "1234 5678"});
    let r = call(&w.app, Method::POST, &uri, Some(&w.coordinator), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_i64().unwrap();
    assert_eq!(r.header("location"), format!("{uri}/{id}"));
    assert_eq!(r.body["kvkNumber"], "12345678");

    let got = call(&w.app, Method::GET, r.header("location"), Some(&w.member), None).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.body["name"], "GGD Gelderland-Zuid");
    assert_eq!(got.body["networkId"], w.a);

    // PUT replaces the details.
    let body = json!({"name": "GGD Gelderland-Zuid", "sector": "public_health", "ownership": "public", "website": "https://ggdgz.nl"});
    let put = call(&w.app, Method::PUT, &format!("{uri}/{id}"), Some(&w.coordinator), Some(body)).await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    assert_eq!(put.body["website"], "https://ggdgz.nl");
    assert_eq!(put.body["kvkNumber"], Value::Null);

    // Persons: a whole-number organisationId is accepted.
    let body = json!({"name": "Fatima el Idrissi", "email": "f.elidrissi@ggd.nl", "organisationId": id, "dataSource": "Opgegeven door de GGD", "roles": ["project_lead"]});
    let p = call(&w.app, Method::POST, &format!("/api/v1/networks/{}/persons", w.a), Some(&w.coordinator), Some(body)).await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.body);
    assert_eq!(p.body["organisationId"], id);
    assert_eq!(p.body["roles"], json!(["project_lead"]));
    let list = call(&w.app, Method::GET, &format!("/api/v1/networks/{}/persons?organisationId={id}", w.a), Some(&w.member), None).await;
    assert_eq!(list.body["total"], 1, "{}", list.body);
}

#[tokio::test]
async fn invalid_create_lists_every_field_and_stores_nothing() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/organisations", w.a);
    let body = json!({"name": "", "sector": "education", "ownership": "public", "kvkNumber": "123456789"});
    let r = call(&w.app, Method::POST, &uri, Some(&w.coordinator), Some(body)).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    let params = r.body["invalidParams"].as_array().unwrap();
    let by_name = |n: &str| params.iter().find(|p| p["name"] == n).unwrap_or_else(|| panic!("{n} missing in {}", r.body));
    assert_eq!(by_name("name")["code"], "required");
    assert_eq!(by_name("kvkNumber")["code"], "kvk-invalid");
    assert!(by_name("kvkNumber")["reason"].as_str().unwrap().contains("8 digits"));
    assert_eq!(params.len(), 2);

    let system = Actor::system("test");
    let all = ListFilter { include_archived: true, ..Default::default() };
    let stored = w.service.partners(&system, w.a, &all, PageRequest::default()).await.unwrap();
    assert_eq!(stored.total, 5, "nothing may be stored");

    // Malformed JSON and a wrong content type are problems too, never axum's plain text.
    let bad = Request::post(&uri)
        .header(header::AUTHORIZATION, format!("Bearer {}", w.coordinator))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"name\": "))
        .unwrap();
    send(&w.app, bad).await.assert_problem(StatusCode::BAD_REQUEST);
    let form = Request::post(&uri)
        .header(header::AUTHORIZATION, format!("Bearer {}", w.coordinator))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name=x"))
        .unwrap();
    send(&w.app, form).await.assert_problem(StatusCode::BAD_REQUEST);
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    let too_large = Request::post(&uri)
        .header(header::AUTHORIZATION, format!("Bearer {}", w.coordinator))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(big))
        .unwrap();
    send(&w.app, too_large).await.assert_problem(StatusCode::PAYLOAD_TOO_LARGE);
    let wrong_shape = call(&w.app, Method::POST, &uri, Some(&w.coordinator), Some(json!({"name": ["x"]}))).await;
    wrong_shape.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(w.service.partners(&system, w.a, &all, PageRequest::default()).await.unwrap().total, 5);
}

#[tokio::test]
async fn another_networks_data_is_not_found() {
    let w = world().await;
    let system = Actor::system("test");
    let b_partner = w.service.partners(&system, w.b, &ListFilter::default(), PageRequest::default()).await.unwrap().items[0].id;
    let paths = [
        format!("/api/v1/networks/{}", w.b),
        format!("/api/v1/networks/{}/organisations", w.b),
        format!("/api/v1/networks/{}/organisations/{b_partner}", w.b),
        format!("/api/v1/networks/{}/persons", w.b),
        // B's partner through A's path: scoped by network, so not found either.
        format!("/api/v1/networks/{}/organisations/{b_partner}", w.a),
        format!("/api/v1/networks/{}/organisations/not-a-number", w.a),
    ];
    for p in &paths {
        call(&w.app, Method::GET, p, Some(&w.coordinator), None).await.assert_problem(StatusCode::NOT_FOUND);
    }
    let body = json!({"name": "Indringer", "sector": "business", "ownership": "private"});
    let r = call(&w.app, Method::POST, &format!("/api/v1/networks/{}/organisations", w.b), Some(&w.coordinator), Some(body)).await;
    r.assert_problem(StatusCode::NOT_FOUND);
    let r = call(&w.app, Method::DELETE, &format!("/api/v1/networks/{}/organisations/{b_partner}", w.b), Some(&w.coordinator), None).await;
    r.assert_problem(StatusCode::NOT_FOUND);
    let r = call(&w.app, Method::PUT, &format!("/api/v1/networks/{}", w.b), Some(&w.coordinator), Some(json!({"name": "Mine"}))).await;
    r.assert_problem(StatusCode::NOT_FOUND);
    let (b, _) = w.service.network(&system, w.b).await.unwrap();
    assert_eq!(b.name, "Zorgpersoneel Oost");

    // Unknown routes and methods under /api/v1 are problems as well.
    for p in ["/api/v1/no-such-thing", "/api/v1/networks/", "/api/v1"] {
        call(&w.app, Method::GET, p, Some(&w.coordinator), None).await.assert_problem(StatusCode::NOT_FOUND);
    }
    call(&w.app, Method::PATCH, &format!("/api/v1/networks/{}", w.a), Some(&w.coordinator), None)
        .await
        .assert_problem(StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn a_member_may_read_but_not_change() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/organisations", w.a);
    let body = json!({"name": "Nieuw", "sector": "welfare", "ownership": "private"});
    call(&w.app, Method::POST, &uri, Some(&w.member), Some(body)).await.assert_problem(StatusCode::FORBIDDEN);
    let r = call(&w.app, Method::PUT, &format!("/api/v1/networks/{}", w.a), Some(&w.member), Some(json!({"name": "Anders"}))).await;
    r.assert_problem(StatusCode::FORBIDDEN);
    let first = call(&w.app, Method::GET, &uri, Some(&w.member), None).await.body["items"][0]["id"].as_i64().unwrap();
    call(&w.app, Method::DELETE, &format!("{uri}/{first}"), Some(&w.member), None).await.assert_problem(StatusCode::FORBIDDEN);
    assert_eq!(call(&w.app, Method::GET, &uri, Some(&w.member), None).await.body["total"], 5);

    // The coordinator may change the network.
    let r = call(
        &w.app,
        Method::PUT,
        &format!("/api/v1/networks/{}", w.a),
        Some(&w.coordinator),
        Some(json!({"name": "Gezond Rivierenland", "inhabitants": 245000})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        (r.body["name"].as_str(), r.body["inhabitants"].as_i64(), r.body["role"].as_str()),
        (Some("Gezond Rivierenland"), Some(245000), Some("coordinator"))
    );
}

#[tokio::test]
async fn delete_archives_and_restore_brings_back() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/organisations", w.a);
    let first = call(&w.app, Method::GET, &uri, Some(&w.coordinator), None).await.body["items"][0]["id"].as_i64().unwrap();
    let r = call(&w.app, Method::DELETE, &format!("{uri}/{first}"), Some(&w.coordinator), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["archived"], true);

    let ids = |body: &Value| -> Vec<i64> { body["items"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect() };
    let hidden = call(&w.app, Method::GET, &uri, Some(&w.coordinator), None).await;
    assert_eq!(hidden.body["total"], 4);
    assert!(!ids(&hidden.body).contains(&first));
    let shown = call(&w.app, Method::GET, &format!("{uri}?includeArchived=true"), Some(&w.coordinator), None).await;
    assert_eq!(shown.body["total"], 5);
    assert!(ids(&shown.body).contains(&first));
    // Still readable on its own, marked archived.
    assert_eq!(call(&w.app, Method::GET, &format!("{uri}/{first}"), Some(&w.member), None).await.body["archived"], true);

    let r = call(&w.app, Method::POST, &format!("{uri}/{first}/restore"), Some(&w.coordinator), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["archived"], false);
    let back = call(&w.app, Method::GET, &uri, Some(&w.coordinator), None).await;
    assert_eq!(back.body["total"], 5);
    assert!(ids(&back.body).contains(&first));
}

#[tokio::test]
async fn openapi_document_is_public_and_complete() {
    let w = world().await;
    let r = call(&w.app, Method::GET, "/api/v1/openapi.json", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("api-version"), "1.0.0");
    let doc = r.body;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    assert_eq!(doc["info"]["version"], "1.0.0");
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert_eq!(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
    let expected: &[(&str, &[&str])] = &[
        ("/networks", &["get", "post"]),
        ("/networks/{networkId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/restore", &["post"]),
        ("/networks/{networkId}/invitations", &["get", "post"]),
        ("/networks/{networkId}/invitations/{invitationId}", &["delete"]),
        ("/networks/{networkId}/roles", &["get"]),
        ("/networks/{networkId}/roles/{userId}", &["put", "delete"]),
        ("/networks/{networkId}/organisations", &["get", "post"]),
        ("/networks/{networkId}/organisations/{organisationId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/organisations/{organisationId}/restore", &["post"]),
        ("/networks/{networkId}/persons", &["get", "post"]),
        ("/networks/{networkId}/persons/{personId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/persons/{personId}/restore", &["post"]),
        ("/openapi.json", &["get"]),
    ];
    // Meetings, action items, stories and vitality are checked in tests/api_meetings.rs,
    // agreements and commitments in tests/agreements.rs; projects, funding, findings,
    // the checklist and portfolio settings in tests/projects.rs; rounds, relationships and
    // the network map in tests/map.rs; survey rounds and results in tests/api_surveys.rs.
    let theirs = |p: &str| {
        [
            "/bodies",
            "/meetings",
            "/action-items",
            "/stories",
            "/vitality",
            "/agreements",
            "/commitments",
            "/relationship-rounds",
            "/network-map",
            "/survey-rounds",
        ]
        .iter()
        .any(|s| p.contains(s))
    };
    let portfolio = |p: &str| ["/projects", "/funding-", "/findings", "/checklist", "/portfolio-settings"].iter().any(|s| p.contains(s));
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().filter(|p| !theirs(p) && !portfolio(p)).collect();
    assert_eq!(paths.len(), expected.len(), "{paths:?}");
    for (path, methods) in expected {
        for m in *methods {
            let op = &doc["paths"][path][m];
            assert!(op.is_object(), "{m} {path} missing");
            // Every path parameter in the template is declared.
            for name in path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))) {
                let declared = op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
                assert!(declared, "{m} {path}: {name} not declared");
            }
        }
    }
    let list = &doc["paths"]["/networks/{networkId}/organisations"]["get"];
    let query: Vec<&str> =
        list["parameters"].as_array().unwrap().iter().filter(|p| p["in"] == "query").map(|p| p["name"].as_str().unwrap()).collect();
    for q in ["page", "pageSize", "q", "sector", "status", "sort", "dir", "includeArchived"] {
        assert!(query.contains(&q), "query parameter {q} missing: {query:?}");
    }
    let post = &doc["paths"]["/networks/{networkId}/organisations"]["post"];
    assert!(post["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str().unwrap().ends_with("/OrganisationForm"));
    assert!(post["responses"]["400"]["content"]["application/problem+json"].is_object());
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["invalidParams"].is_object());
    // Every reference points at a schema that exists.
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(doc["components"]["schemas"][name].is_object(), "dangling $ref {name}");
    }
}
