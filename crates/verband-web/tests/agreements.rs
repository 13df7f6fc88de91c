//! Agreements through the real router, as pages and as API: recording an
//! agreement with commitments, agreed against delivered, who may report a
//! delivery, forms that keep what was typed, and signed documents.

mod support;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use chrono::{Months, Utc};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use support::{Client, Page, PASSWORD};
use tower::ServiceExt;
use verband_domain::portfolio::{AgreementForm, CommitmentForm, Quarter};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Channel, Origin, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
    a: i64,
    b: i64,
    gemeente: i64,
    welzijn: i64,
    school: i64,
    /// A commitment in network B, which nobody in A may touch.
    commitment_b: i64,
    _dir: tempfile::TempDir,
}

fn org(name: &str, sector: &str) -> OrganisationForm {
    OrganisationForm { name: name.into(), sector: sector.into(), ownership: "public".into(), ..Default::default() }
}

/// The first day of the quarter before the previous one: two quarters are complete, so hours are due.
fn start() -> chrono::NaiveDate {
    Quarter::of(Utc::now().date_naive()).previous().previous().first_day()
}

fn last_quarter() -> String {
    Quarter::of(Utc::now().date_naive()).previous().to_string()
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let b = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    let gemeente = service.create_partner(&sys, a, &org("Gemeente Rivierstad", "municipality")).await.unwrap().id;
    let welzijn = service.create_partner(&sys, a, &org("Welzijn Rivierstad", "welfare")).await.unwrap().id;
    let school = service.create_partner(&sys, a, &org("ROC Rivierstad", "education")).await.unwrap().id;
    let b1 = service.create_partner(&sys, b, &org("Stichting Geheim Lingedal", "welfare")).await.unwrap().id;
    let b2 = service.create_partner(&sys, b, &org("Gemeente Lingedal", "municipality")).await.unwrap().id;
    for (user, network, role) in [
        ("coord", a, NetworkRole::Coordinator),
        ("lid", a, NetworkRole::Member),
        ("adviseur", a, NetworkRole::Advisor),
        ("lid-b", b, NetworkRole::Coordinator),
    ] {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    service.set_user_organisation(&sys, "coord", a, Some(gemeente)).await.unwrap();
    service.set_user_organisation(&sys, "lid", a, Some(welzijn)).await.unwrap();
    let agreement_b = service
        .save_agreement(
            &sys,
            b,
            None,
            &AgreementForm {
                title: "Geheim convenant".into(),
                party_ids: vec![b1.to_string(), b2.to_string()],
                starts_on: start().to_string(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let commitment_b = service
        .save_commitment(
            &sys,
            b,
            agreement_b,
            None,
            &CommitmentForm { organisation_id: b1.to_string(), hours_per_month: "4".into(), ..Default::default() },
        )
        .await
        .unwrap();
    World {
        app: router(service.clone(), WebConfig { secure_cookies: false }),
        service,
        a,
        b,
        gemeente,
        welzijn,
        school,
        commitment_b,
        _dir: dir,
    }
}

// ---------------------------------------------------------------- agreements through the pages

/// The steps of these tests that only agreements have.
trait Agreements {
    /// Posts a signed document the way a browser does: multipart, the CSRF field first.
    async fn upload(&mut self, path: &str, csrf: Option<&str>, file_name: &str, content_type: &str, content: &[u8]) -> Page;
}

impl Agreements for Client<'_> {
    async fn upload(&mut self, path: &str, csrf: Option<&str>, file_name: &str, content_type: &str, content: &[u8]) -> Page {
        let mut parts = Vec::new();
        if let Some(token) = csrf {
            parts.push(("csrf", None, token.as_bytes()));
        }
        parts.push(("document", Some((file_name, content_type)), content));
        self.post_multipart_typed(path, &parts).await
    }
}

/// The id at the end of a redirect such as `/netwerken/1/afspraken/7?done=created`.
fn id_in(location: &str, after: &str) -> i64 {
    let rest = &location[location.find(after).unwrap() + after.len()..];
    rest.split(['?', '/', '#']).next().unwrap().parse().unwrap()
}

/// The coordinator records an agreement between the three partners with
/// commitments of the welfare partner (8 h/month) and the school (4 h/month,
/// € 6.000), all through the pages. Returns the agreement's id.
async fn agreement_with_two_commitments(w: &World, c: &mut Client<'_>) -> i64 {
    let base = format!("/netwerken/{}/afspraken", w.a);
    let csrf = c.get(&format!("{base}/nieuw")).await.field("csrf");
    let (g, wz, s) = (w.gemeente.to_string(), w.welzijn.to_string(), w.school.to_string());
    let starts = start().to_string();
    let ends = (start() + Months::new(24)).to_string();
    let evaluation = (start() + Months::new(3)).to_string();
    let res = c
        .post(
            &format!("{base}/nieuw"),
            &[
                ("csrf", &csrf),
                ("title", "Convenant Gezond Rivierenland"),
                ("partyIds", &g),
                ("partyIds", &wz),
                ("partyIds", &s),
                ("startsOn", &starts),
                ("endsOn", &ends),
                ("evaluationDate", &evaluation),
                ("outOfScope", "Individuele zorg"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let location = res.location.unwrap();
    let id = id_in(&location, "/afspraken/");
    for (org, hours, money, role) in [(&wz, "8", "", "Trekker"), (&s, "4", "6.000", "Stageplekken")] {
        let path = format!("{base}/{id}/toezeggingen/nieuw");
        let csrf = c.get(&path).await.field("csrf");
        let res =
            c.post(&path, &[("csrf", &csrf), ("organisationId", org), ("role", role), ("hoursPerMonth", hours), ("money", money)]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    }
    id
}

fn commitment_ids(w: &World, detail: &str, agreement: i64) -> Vec<i64> {
    let marker = format!("/netwerken/{}/afspraken/{agreement}/toezeggingen/", w.a);
    let mut ids: Vec<i64> =
        detail.match_indices(&marker).filter_map(|(i, _)| detail[i + marker.len()..].split('/').next()?.parse().ok()).collect();
    ids.dedup();
    ids
}

#[tokio::test]
async fn coordinator_records_an_agreement_and_sees_agreed_against_delivered() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let list = c.get(&format!("/netwerken/{}/afspraken", w.a)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body().contains("Nog geen afspraken. Een afspraak is"), "empty state explains: {}", list.body());
    assert!(list.body().contains("Leg de eerste afspraak vast"));
    assert!(list.body().contains("aria-current=\"page\"") && list.body().contains(">Afspraken</a>"), "nav entry");

    let id = agreement_with_two_commitments(&w, &mut c).await;
    let detail = c.get(&format!("/netwerken/{}/afspraken/{id}", w.a)).await;
    assert_eq!(detail.status, StatusCode::OK);
    let body = detail.body();
    assert!(body.contains("<h2 id=\"balance-title\">Afgesproken en geleverd</h2>"));
    assert!(body.contains("<caption id=\"balance-caption\">Afgesproken en geleverd per partner, tot en met"));
    assert!(body.contains("<th scope=\"row\">Welzijn Rivierstad</th>"), "{body}");
    assert!(body.contains("<th scope=\"row\">ROC Rivierstad</th>"));
    // Two complete quarters at 8 hours a month: 48 hours due, none delivered.
    assert!(body.contains(">48<"), "hours due shown");
    assert!(body.contains("2 van de 2 partners lopen achter: Welzijn Rivierstad, ROC Rivierstad."), "{body}");
    assert!(body.contains("Individuele zorg"));
    assert!(body.contains("evaluatie verlopen"), "the evaluation date three months after the start has passed");
    // The coordinator may report for everyone.
    assert_eq!(body.matches("/levering\"").count(), 2);

    let list = c.get(&format!("/netwerken/{}/afspraken", w.a)).await;
    assert!(list.body().contains("Convenant Gezond Rivierenland"));
    assert!(list.body().contains("2 partners lopen achter"));

    // Archive asks first, then hides the agreement behind the filter.
    let confirm = c.get(&format!("/netwerken/{}/afspraken/{id}/archiveren", w.a)).await;
    assert!(confirm.body().contains("Wil je de afspraak “Convenant Gezond Rivierenland” archiveren?"));
    let res = c.post(&format!("/netwerken/{}/afspraken/{id}/archiveren", w.a), &[("csrf", &confirm.field("csrf"))]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let list = c.get(&format!("/netwerken/{}/afspraken", w.a)).await;
    assert!(!list.body().contains("Convenant Gezond Rivierenland"));
    assert!(list.body().contains("Toon ook gearchiveerde afspraken (1)"));
    let with_archived = c.get(&format!("/netwerken/{}/afspraken?archived=1", w.a)).await;
    assert!(with_archived.body().contains("Convenant Gezond Rivierenland"));
}

#[tokio::test]
async fn a_member_reports_for_their_own_organisation_only() {
    let w = world().await;
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let id = agreement_with_two_commitments(&w, &mut coord).await;
    let detail_path = format!("/netwerken/{}/afspraken/{id}", w.a);
    let ids = commitment_ids(&w, &coord.get(&detail_path).await.body(), id);
    assert_eq!(ids.len(), 2, "{ids:?}");
    let (own, other) = (ids[0], ids[1]);

    let mut member = Client::logged_in(&w.app, "lid").await;
    let page = member.get(&detail_path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body().matches("/levering\"").count(), 1, "only the own commitment has a report form");
    assert!(page.body().contains(&format!("/toezeggingen/{own}/levering\"")));
    assert!(!page.body().contains("Toezegging toevoegen"), "members do not add commitments");
    let csrf = page.field("csrf");
    let q = last_quarter();

    let res = member
        .post(
            &format!("{detail_path}/toezeggingen/{own}/levering"),
            &[("csrf", &csrf), ("quarter", &q), ("hours", "47"), ("note", "Inloopspreekuur")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let after = member.get(&detail_path).await.body();
    assert!(after.contains("Inloopspreekuur"));
    // 47 of 48 hours is within the tolerance: only the school is behind now.
    assert!(after.contains("1 van de 2 partners loopt achter: ROC Rivierstad."), "{after}");

    // Another partner's commitment: forbidden, and nothing stored.
    let res =
        member.post(&format!("{detail_path}/toezeggingen/{other}/levering"), &[("csrf", &csrf), ("quarter", &q), ("hours", "99")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.body().contains("<h1>"), "an error page, not a bare text");
    // A commitment of another network: not found, through this agreement or through the other network.
    let res = member
        .post(&format!("{detail_path}/toezeggingen/{}/levering", w.commitment_b), &[("csrf", &csrf), ("quarter", &q), ("hours", "1")])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = member
        .post(
            &format!("/netwerken/{}/afspraken/1/toezeggingen/{}/levering", w.b, w.commitment_b),
            &[("csrf", &csrf), ("quarter", &q), ("hours", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!res.body().contains("Geheim"));
    // Members cannot change commitments either.
    let res = member.get(&format!("{detail_path}/toezeggingen/{other}/bewerken")).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let detail = w.service.agreement(&Actor::system("test"), w.a, id).await.unwrap();
    assert_eq!(detail.deliveries.len(), 1, "only the own report was stored");
}

#[tokio::test]
async fn forms_keep_what_was_typed_on_error() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let path = format!("/netwerken/{}/afspraken/nieuw", w.a);
    let csrf = c.get(&path).await.field("csrf");
    let welzijn = w.welzijn.to_string();
    let res = c
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("title", "Convenant Halfaf"),
                ("partyIds", &welzijn),
                ("startsOn", "2026-06-01"),
                ("endsOn", "2026-01-01"),
                ("outOfScope", "Zorg thuis"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("value=\"Convenant Halfaf\""));
    assert!(res.body().contains("Zorg thuis"));
    assert!(res.body().contains(&format!("value=\"{welzijn}\" checked")), "the chosen party stays ticked");
    assert!(res.body().contains("href=\"#f-partyIds\""), "the summary links to the field");
    assert!(res.body().contains("Kies minstens twee partijen."));
    assert!(res.body().contains("Deze datum ligt vóór de startdatum."));

    // A delivery with unreadable hours comes back typed, next to its own commitment.
    let id = agreement_with_two_commitments(&w, &mut c).await;
    let detail_path = format!("/netwerken/{}/afspraken/{id}", w.a);
    let page = c.get(&detail_path).await;
    let ids = commitment_ids(&w, &page.body(), id);
    let res = c
        .post(
            &format!("{detail_path}/toezeggingen/{}/levering", ids[1]),
            &[("csrf", &page.field("csrf")), ("quarter", &last_quarter()), ("hours", "heel veel"), ("note", "Zie verslag")],
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("value=\"heel veel\""));
    assert!(res.body().contains("Zie verslag"));
    assert!(res.body().contains(&format!("href=\"#d{}-hours\"", ids[1])));
    assert!(res.body().contains(&format!("id=\"d{}-hours-error\"", ids[1])));

    // A commitment without anything promised.
    let path = format!("{detail_path}/toezeggingen/nieuw");
    let res = c.post(&path, &[("csrf", &page.field("csrf")), ("organisationId", &welzijn), ("money", "twee ton")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("value=\"twee ton\""));
    assert!(res.body().contains("Vul een bedrag in euro"));
}

#[tokio::test]
async fn documents_are_uploaded_by_the_coordinator_and_downloaded_as_attachments() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let id = agreement_with_two_commitments(&w, &mut c).await;
    let detail_path = format!("/netwerken/{}/afspraken/{id}", w.a);
    let csrf = c.get(&detail_path).await.field("csrf");
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".to_vec();

    // Without the CSRF token the upload is refused.
    let res = c.upload(&format!("{detail_path}/documenten"), None, "convenant.pdf", "application/pdf", &pdf).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let res = c.upload(&format!("{detail_path}/documenten"), Some(&csrf), "Convenant getekend – 2026.pdf", "application/pdf", &pdf).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let detail = c.get(&detail_path).await;
    let marker = format!("/netwerken/{}/afspraken/documenten/", w.a);
    let at = detail.body().find(&marker).expect("a download link");
    let doc_id: i64 = detail.body()[at + marker.len()..].split('"').next().unwrap().parse().unwrap();

    let member = &mut Client::logged_in(&w.app, "lid").await;
    let file = member.get(&format!("{marker}{doc_id}")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.bytes, pdf);
    assert_eq!(file.header("content-type"), "application/pdf");
    let disposition = file.header("content-disposition");
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(disposition.contains("filename*=UTF-8''Convenant%20getekend%20%E2%80%93%202026.pdf"), "{disposition}");
    assert_eq!(file.header("x-content-type-options"), "nosniff");
    assert!(file.header("content-security-policy").starts_with("sandbox"), "{}", file.header("content-security-policy"));

    // The document of this network does not exist from another network's path.
    let outsider = &mut Client::logged_in(&w.app, "lid-b").await;
    assert_eq!(outsider.get(&format!("{marker}{doc_id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&format!("/netwerken/{}/afspraken/documenten/{doc_id}", w.b)).await.status, StatusCode::NOT_FOUND);

    // A scanned covenant of several megabytes fits; more than the limit gets a message, not a broken page.
    let mut big = pdf.clone();
    big.resize(3 * 1024 * 1024, b' ');
    let res = c.upload(&format!("{detail_path}/documenten"), Some(&csrf), "scan.pdf", "application/pdf", &big).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    big.resize(verband_service::agreements::MAX_DOCUMENT_BYTES + 100 * 1024, b' ');
    let res = c.upload(&format!("{detail_path}/documenten"), Some(&csrf), "te-groot.pdf", "application/pdf", &big).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("Dit bestand is te groot."), "{}", &res.body()[..res.body().len().min(500)]);

    // Members cannot upload.
    let member_csrf = member.get(&detail_path).await.field("csrf");
    let res = member.upload(&format!("{detail_path}/documenten"), Some(&member_csrf), "x.pdf", "application/pdf", &pdf).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_html_file_is_refused_whatever_its_name() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let id = agreement_with_two_commitments(&w, &mut c).await;
    let detail_path = format!("/netwerken/{}/afspraken/{id}", w.a);
    let csrf = c.get(&detail_path).await.field("csrf");
    let html = b"<!doctype html><html><script>alert(document.cookie)</script></html>";
    for (name, claimed) in [("convenant.html", "text/html"), ("convenant.pdf", "application/pdf")] {
        let res = c.upload(&format!("{detail_path}/documenten"), Some(&csrf), name, claimed, html).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{name}");
        assert!(res.body().contains("Dit soort bestand kan niet."), "{}", res.body());
        assert!(res.body().contains("href=\"#f-document\""));
    }
    let detail = w.service.agreement(&Actor::system("test"), w.a, id).await.unwrap();
    assert!(detail.documents.is_empty());
}

// ---------------------------------------------------------------- API

async fn token_for(service: &Service, username: &str) -> String {
    let users = service.list_users(&Actor::system("test")).await.unwrap();
    let (user, _) = users.into_iter().find(|(u, _)| u.username == username).unwrap();
    let actor = service.actor_for(&user, Origin { channel: Channel::Api, ip: None });
    service.create_api_token(&actor, "test").await.unwrap().token
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
    bytes: Vec<u8>,
}

async fn call(app: &Router, method: Method, uri: &str, token: &str, body: Option<Value>) -> Answer {
    let req = Request::builder().method(method).uri(uri).header(header::AUTHORIZATION, format!("Bearer {token}"));
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer { status, headers, body, bytes }
}

#[tokio::test]
async fn api_agreements_commitments_and_deliveries() {
    let w = world().await;
    let coord = token_for(&w.service, "coord").await;
    let member = token_for(&w.service, "lid").await;
    let advisor = token_for(&w.service, "adviseur").await;
    let base = format!("/api/v1/networks/{}", w.a);

    // Every invalid field at once.
    let res =
        call(&w.app, Method::POST, &format!("{base}/agreements"), &coord, Some(json!({"partyIds": [w.welzijn], "documentUrl": "ftp://x"})))
            .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(res.headers[header::CONTENT_TYPE], "application/problem+json");
    let names: Vec<&str> = res.body["invalidParams"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["title", "partyIds", "documentUrl"]);

    let form = json!({
        "title": "Convenant API", "partyIds": [w.gemeente, w.welzijn, w.school],
        "startsOn": start().to_string(), "endsOn": (start() + Months::new(24)).to_string(), "outOfScope": "Individuele zorg"
    });
    assert_eq!(call(&w.app, Method::POST, &format!("{base}/agreements"), &member, Some(form.clone())).await.status, StatusCode::FORBIDDEN);
    let res = call(&w.app, Method::POST, &format!("{base}/agreements"), &coord, Some(form)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let agreement = res.body["id"].as_i64().unwrap();
    assert_eq!(res.headers[header::LOCATION], format!("{base}/agreements/{agreement}"));

    let commit = |org: i64, hours: &str| json!({"organisationId": org, "role": "Trekker", "hoursPerMonth": hours});
    let res = call(&w.app, Method::POST, &format!("{base}/agreements/{agreement}/commitments"), &coord, Some(commit(w.welzijn, "8"))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let own = res.body["id"].as_i64().unwrap();
    assert_eq!(res.headers[header::LOCATION], format!("{base}/commitments/{own}"));
    let res = call(&w.app, Method::POST, &format!("{base}/agreements/{agreement}/commitments"), &coord, Some(commit(w.school, "4"))).await;
    let other = res.body["id"].as_i64().unwrap();

    // The member reports on their own organisation's commitment ...
    let delivery = json!({"quarter": last_quarter(), "hours": "47", "money": "1.250,50"});
    let res = call(&w.app, Method::POST, &format!("{base}/commitments/{own}/deliveries"), &member, Some(delivery.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.body["hours"], 47.0);
    assert_eq!(res.body["moneyCents"], 125_050);
    // ... not on another's (403), not on another network's (404), and advisors not at all.
    let res = call(&w.app, Method::POST, &format!("{base}/commitments/{other}/deliveries"), &member, Some(delivery.clone())).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.headers[header::CONTENT_TYPE], "application/problem+json");
    let res =
        call(&w.app, Method::POST, &format!("{base}/commitments/{}/deliveries", w.commitment_b), &member, Some(delivery.clone())).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/networks/{}/commitments/{}/deliveries", w.b, w.commitment_b),
        &member,
        Some(delivery.clone()),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = call(&w.app, Method::POST, &format!("{base}/commitments/{own}/deliveries"), &advisor, Some(delivery)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = call(
        &w.app,
        Method::POST,
        &format!("{base}/commitments/{own}/deliveries"),
        &member,
        Some(json!({"quarter": "2999-Q1", "hours": "x"})),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.body["invalidParams"].as_array().unwrap().len(), 2, "{}", res.body);

    // The agreement with commitments, deliveries and the balance per partner.
    let res = call(&w.app, Method::GET, &format!("{base}/agreements/{agreement}"), &member, None).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body["commitments"].as_array().unwrap().len(), 2);
    assert_eq!(res.body["deliveries"].as_array().unwrap().len(), 1);
    let balance = res.body["balance"].as_array().unwrap();
    let school = balance.iter().find(|b| b["organisationId"] == w.school).unwrap();
    let welzijn = balance.iter().find(|b| b["organisationId"] == w.welzijn).unwrap();
    assert_eq!((welzijn["hoursDue"].as_f64(), welzijn["behind"].as_bool()), (Some(48.0), Some(false)));
    assert_eq!(school["behind"], true);
    let list = call(&w.app, Method::GET, &format!("{base}/agreements"), &member, None).await;
    assert_eq!(list.body["items"][0]["partnersBehind"], 1);

    // Changing and removing commitments is the coordinator's.
    let res = call(&w.app, Method::PUT, &format!("{base}/commitments/{other}"), &coord, Some(commit(w.school, "2,5"))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.body["hoursPerMonth"], 2.5);
    assert_eq!(call(&w.app, Method::DELETE, &format!("{base}/commitments/{other}"), &member, None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(call(&w.app, Method::DELETE, &format!("{base}/commitments/{other}"), &coord, None).await.status, StatusCode::NO_CONTENT);
    assert_eq!(call(&w.app, Method::GET, &format!("{base}/commitments/{other}"), &coord, None).await.status, StatusCode::NOT_FOUND);

    // Archive and restore.
    let res = call(&w.app, Method::DELETE, &format!("{base}/agreements/{agreement}"), &coord, None).await;
    assert_eq!(res.body["archived"], true);
    assert!(call(&w.app, Method::GET, &format!("{base}/agreements"), &coord, None).await.body["items"].as_array().unwrap().is_empty());
    let res = call(&w.app, Method::GET, &format!("{base}/agreements?includeArchived=true"), &coord, None).await;
    assert_eq!(res.body["items"].as_array().unwrap().len(), 1);
    let res = call(&w.app, Method::POST, &format!("{base}/agreements/{agreement}/restore"), &coord, None).await;
    assert_eq!(res.body["archived"], false);
}

#[tokio::test]
async fn api_documents_are_listed_and_served_as_attachments() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "coord").await;
    let id = agreement_with_two_commitments(&w, &mut c).await;
    let png = b"\x89PNG\r\n\x1a\n0000IHDR".to_vec();
    let doc = w.service.upload_agreement_document(&Actor::system("test"), w.a, id, "handtekening.png", &png).await.unwrap();
    let token = token_for(&w.service, "lid").await;
    let base = format!("/api/v1/networks/{}/agreements/{id}", w.a);
    let list = call(&w.app, Method::GET, &format!("{base}/documents"), &token, None).await;
    assert_eq!(list.status, StatusCode::OK);
    let item = &list.body["items"][0];
    assert_eq!(item["fileName"], "handtekening.png");
    assert_eq!(item["contentType"], "image/png");
    let path = item["contentPath"].as_str().unwrap();
    let file = call(&w.app, Method::GET, &format!("/api/v1{path}"), &token, None).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.bytes, png);
    assert!(file.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(file.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // Through another agreement's path it does not exist.
    let res =
        call(&w.app, Method::GET, &format!("/api/v1/networks/{}/agreements/{}/documents/{doc}/content", w.a, id + 1000), &token, None)
            .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    let doc_json = call(&w.app, Method::GET, "/api/v1/openapi.json", &token, None).await.body;
    let expected: &[(&str, &[&str])] = &[
        ("/networks/{networkId}/agreements", &["get", "post"]),
        ("/networks/{networkId}/agreements/{agreementId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/agreements/{agreementId}/restore", &["post"]),
        ("/networks/{networkId}/agreements/{agreementId}/commitments", &["post"]),
        ("/networks/{networkId}/commitments/{commitmentId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/commitments/{commitmentId}/deliveries", &["post"]),
        ("/networks/{networkId}/agreements/{agreementId}/documents", &["get"]),
        ("/networks/{networkId}/agreements/{agreementId}/documents/{documentId}/content", &["get"]),
    ];
    let ours = |p: &str| p.contains("/agreements") || p.contains("/commitments");
    let documented: Vec<&String> = doc_json["paths"].as_object().unwrap().keys().filter(|p| ours(p)).collect();
    assert_eq!(documented.len(), expected.len(), "{documented:?}");
    for (path, methods) in expected {
        for m in *methods {
            let op = &doc_json["paths"][path][m];
            assert!(op.is_object(), "{m} {path} missing from the OpenAPI document");
            for name in path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))) {
                let declared = op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
                assert!(declared, "{m} {path}: {name} not declared");
            }
        }
    }
    let text = doc_json.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(doc_json["components"]["schemas"][name].is_object(), "dangling $ref {name}");
    }
}
