//! The JSON API for bodies, meetings, action items, stories and vitality,
//! through the real router.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Channel, Origin, Service};
use verband_store::Store;
use verband_web::{router, WebConfig};

struct World {
    _dir: tempfile::TempDir,
    app: Router,
    /// Coordinator of network A, representing the municipality.
    coordinator: String,
    /// Member of network A, representing the welfare partner.
    member: String,
    /// Advisor of network A.
    advisor: String,
    /// Coordinator of network B only.
    outsider: String,
    a: i64,
    b: i64,
    municipality: i64,
    welfare: i64,
    school: i64,
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
    let municipality = service.create_partner(&system, a, &org("Gemeente Rivierstad", "municipality")).await.unwrap().id;
    let welfare = service.create_partner(&system, a, &org("Welzijn Rivierland", "welfare")).await.unwrap().id;
    let school = service.create_partner(&system, a, &org("ROC Rivierland", "education")).await.unwrap().id;
    service.create_partner(&system, b, &org("Geheim B", "business")).await.unwrap();
    for (user, network, role) in [
        ("coco", a, NetworkRole::Coordinator),
        ("mira", a, NetworkRole::Member),
        ("adam", a, NetworkRole::Advisor),
        ("otto", b, NetworkRole::Coordinator),
    ] {
        service.add_user(&system, user, user, "a long password 1", false).await.unwrap();
        service.grant(&system, user, network, role).await.unwrap();
    }
    service.set_user_organisation(&system, "coco", a, Some(municipality)).await.unwrap();
    service.set_user_organisation(&system, "mira", a, Some(welfare)).await.unwrap();
    World {
        app: router(service.clone(), WebConfig { secure_cookies: false }),
        coordinator: token_for(&service, "coco").await,
        member: token_for(&service, "mira").await,
        advisor: token_for(&service, "adam").await,
        outsider: token_for(&service, "otto").await,
        _dir: dir,
        a,
        b,
        municipality,
        welfare,
        school,
    }
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

    fn expect(&self, status: StatusCode) -> &Value {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.header("api-version"), "1.0.0");
        &self.body
    }

    fn assert_problem(&self, status: StatusCode) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.header("content-type"), "application/problem+json", "{}", self.body);
        assert_eq!(self.body["status"], status.as_u16());
        assert_eq!(self.header("api-version"), "1.0.0");
    }

    fn invalid_names(&self) -> Vec<String> {
        self.body["invalidParams"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_string()).collect()
    }

    fn id(&self) -> i64 {
        self.body["id"].as_i64().unwrap_or_else(|| panic!("no id in {}", self.body))
    }
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
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| panic!("not JSON ({status}): {}", String::from_utf8_lossy(&bytes)))
    };
    Answer { status, headers, body }
}

/// Creates a body and a meeting in network A (as the coordinator) and returns their ids.
async fn body_and_meeting(w: &World) -> (i64, i64) {
    let base = format!("/api/v1/networks/{}", w.a);
    let body = call(
        &w.app,
        Method::POST,
        &format!("{base}/bodies"),
        &w.coordinator,
        Some(json!({"kind": "steering_group", "name": "Regiegroep"})),
    )
    .await;
    body.expect(StatusCode::CREATED);
    let meeting = json!({
        "bodyId": body.id(), "title": "Maart", "date": "2026-03-12", "startTime": "15:00", "place": "Stadhuis",
        "invitedOrganisationIds": [w.municipality, w.welfare, w.school],
    });
    let m = call(&w.app, Method::POST, &format!("{base}/meetings"), &w.coordinator, Some(meeting)).await;
    m.expect(StatusCode::CREATED);
    (body.id(), m.id())
}

#[tokio::test]
async fn a_meeting_is_planned_proposed_to_recorded_and_followed_up() {
    let w = world().await;
    let base = format!("/api/v1/networks/{}", w.a);

    // Bodies: create (201 + Location), read back, rename, list.
    let r = call(
        &w.app,
        Method::POST,
        &format!("{base}/bodies"),
        &w.coordinator,
        Some(json!({"kind": "steering_group", "name": "Regiegroep"})),
    )
    .await;
    r.expect(StatusCode::CREATED);
    let body_id = r.id();
    assert_eq!(r.header("location"), format!("{base}/bodies/{body_id}"));
    assert_eq!(r.body["kind"], "steering_group");
    let got = call(&w.app, Method::GET, r.header("location"), &w.member, None).await;
    assert_eq!(got.expect(StatusCode::OK)["name"], "Regiegroep");
    let put = call(
        &w.app,
        Method::PUT,
        &format!("{base}/bodies/{body_id}"),
        &w.coordinator,
        Some(json!({"kind": "steering_group", "name": "Bestuurlijke regiegroep"})),
    )
    .await;
    assert_eq!(put.expect(StatusCode::OK)["name"], "Bestuurlijke regiegroep");
    let list = call(&w.app, Method::GET, &format!("{base}/bodies"), &w.advisor, None).await;
    assert_eq!(list.expect(StatusCode::OK)["items"].as_array().unwrap().len(), 1);
    // Members read but do not keep the records.
    let r =
        call(&w.app, Method::POST, &format!("{base}/bodies"), &w.member, Some(json!({"kind": "working_group", "name": "Werkgroep"}))).await;
    r.assert_problem(StatusCode::FORBIDDEN);

    // A meeting, with the ids sent as JSON numbers.
    let meeting = json!({
        "bodyId": body_id, "title": "Maart", "date": "2026-03-12", "startTime": "15:00", "place": "Stadhuis",
        "invitedOrganisationIds": [w.municipality, w.welfare, w.school],
    });
    let m = call(&w.app, Method::POST, &format!("{base}/meetings"), &w.coordinator, Some(meeting.clone())).await;
    m.expect(StatusCode::CREATED);
    let meeting_id = m.id();
    let meeting_uri = format!("{base}/meetings/{meeting_id}");
    assert_eq!(m.header("location"), meeting_uri);
    assert_eq!(m.body["startTime"], "15:00:00");
    assert_eq!(m.body["status"], "planned");
    assert_eq!(m.body["body"]["id"], body_id);
    assert_eq!(m.body["invitedOrganisationIds"], json!([w.municipality, w.welfare, w.school]));
    let mut changed = meeting.clone();
    changed["place"] = json!("Gemeentehuis, zaal 2");
    let put = call(&w.app, Method::PUT, &meeting_uri, &w.coordinator, Some(changed)).await;
    assert_eq!(put.expect(StatusCode::OK)["place"], "Gemeentehuis, zaal 2");
    let list = call(&w.app, Method::GET, &format!("{base}/meetings?bodyId={body_id}"), &w.member, None).await;
    assert_eq!(list.expect(StatusCode::OK)["items"][0]["id"], meeting_id);
    let none = call(&w.app, Method::GET, &format!("{base}/meetings?bodyId={}", body_id + 100), &w.member, None).await;
    assert_eq!(none.expect(StatusCode::OK)["items"], json!([]));

    // Agenda: the coordinator's item counts as the coordinator's, the member's as its partner's.
    let own =
        call(&w.app, Method::POST, &format!("{meeting_uri}/agenda-items"), &w.coordinator, Some(json!({"title": "Begroting 2027"}))).await;
    own.expect(StatusCode::CREATED);
    let theirs =
        call(&w.app, Method::POST, &format!("{meeting_uri}/agenda-items"), &w.member, Some(json!({"title": "Voortgang beweegmaatjes"})))
            .await;
    theirs.expect(StatusCode::CREATED);
    assert_eq!(theirs.header("location"), format!("{meeting_uri}/agenda-items/{}", theirs.id()));
    assert_eq!(theirs.body["broughtInByOrganisationId"], w.welfare);
    assert_eq!(theirs.body["byCoordinator"], false);
    assert_eq!(own.body["byCoordinator"], true);
    let back = call(&w.app, Method::GET, theirs.header("location"), &w.advisor, None).await;
    assert_eq!(back.expect(StatusCode::OK)["title"], "Voortgang beweegmaatjes");
    let r = call(&w.app, Method::POST, &format!("{meeting_uri}/agenda-items"), &w.advisor, Some(json!({"title": "Iets"}))).await;
    r.assert_problem(StatusCode::FORBIDDEN);

    // Order: numbers, every item once.
    let order = json!({"itemIds": [theirs.id(), own.id()]});
    let r = call(&w.app, Method::PUT, &format!("{meeting_uri}/agenda-order"), &w.coordinator, Some(order.clone())).await;
    let ids: Vec<i64> = r.expect(StatusCode::OK)["agenda"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![theirs.id(), own.id()]);
    call(&w.app, Method::PUT, &format!("{meeting_uri}/agenda-order"), &w.member, Some(order)).await.assert_problem(StatusCode::FORBIDDEN);
    let r = call(&w.app, Method::PUT, &format!("{meeting_uri}/agenda-order"), &w.coordinator, Some(json!({"itemIds": [own.id()]}))).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["itemIds"]);

    // Attendance: the school, invited but not named, is absent.
    let att = json!({"presentOrganisationIds": [w.municipality], "excusedOrganisationIds": [w.welfare]});
    let r = call(&w.app, Method::PUT, &format!("{meeting_uri}/attendance"), &w.coordinator, Some(att.clone())).await;
    let rows = r.expect(StatusCode::OK)["attendance"].as_array().unwrap().clone();
    let status_of = |org: i64| rows.iter().find(|a| a["organisationId"] == org).map(|a| a["status"].clone());
    assert_eq!(status_of(w.municipality), Some(json!("present")));
    assert_eq!(status_of(w.welfare), Some(json!("excused")));
    assert_eq!(status_of(w.school), Some(json!("absent")));
    call(&w.app, Method::PUT, &format!("{meeting_uri}/attendance"), &w.member, Some(att)).await.assert_problem(StatusCode::FORBIDDEN);

    // A decision on an agenda item.
    let d = call(
        &w.app,
        Method::POST,
        &format!("{meeting_uri}/decisions"),
        &w.coordinator,
        Some(json!({"text": "De regiegroep stemt in met de pilot.", "agendaItemId": theirs.id()})),
    )
    .await;
    d.expect(StatusCode::CREATED);
    assert_eq!(d.body["agendaItemId"], theirs.id());
    assert_eq!(call(&w.app, Method::GET, d.header("location"), &w.member, None).await.expect(StatusCode::OK)["id"], d.id());

    // Action items, one from the meeting for each partner.
    let item = |owner: i64| json!({"description": "Plan gesprek met de opleiding", "ownerOrganisationId": owner, "due": "2026-04-01", "meetingId": meeting_id});
    let for_school = call(&w.app, Method::POST, &format!("{base}/action-items"), &w.coordinator, Some(item(w.school))).await;
    for_school.expect(StatusCode::CREATED);
    assert_eq!(for_school.header("location"), format!("{base}/action-items/{}", for_school.id()));
    assert_eq!(for_school.body["meetingId"], meeting_id);
    let for_welfare = call(&w.app, Method::POST, &format!("{base}/action-items"), &w.coordinator, Some(item(w.welfare))).await;
    for_welfare.expect(StatusCode::CREATED);
    let loose = json!({"description": "Nieuwsbrief", "ownerOrganisationId": w.welfare, "due": "2026-05-01"});
    let loose = call(&w.app, Method::POST, &format!("{base}/action-items"), &w.coordinator, Some(loose)).await;
    assert_eq!(loose.expect(StatusCode::CREATED)["meetingId"], Value::Null);
    call(&w.app, Method::POST, &format!("{base}/action-items"), &w.member, Some(item(w.welfare)))
        .await
        .assert_problem(StatusCode::FORBIDDEN);

    // The member ticks off its own item, not the school's.
    let done = format!("{base}/action-items/{}/done", for_welfare.id());
    let r = call(&w.app, Method::POST, &done, &w.member, Some(json!({"doneOn": "2026-03-20"}))).await;
    assert_eq!(r.expect(StatusCode::OK)["doneOn"], "2026-03-20");
    let r = call(&w.app, Method::POST, &format!("{base}/action-items/{}/done", for_school.id()), &w.member, None).await;
    r.assert_problem(StatusCode::FORBIDDEN);
    let r = call(&w.app, Method::POST, &done, &w.member, Some(json!({"doneOn": "2999-01-01"}))).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["doneOn"]);
    // Without a body it is done today; DELETE opens it again.
    let r = call(&w.app, Method::POST, &format!("{base}/action-items/{}/done", for_school.id()), &w.coordinator, None).await;
    assert!(r.expect(StatusCode::OK)["doneOn"].is_string());
    let r = call(&w.app, Method::DELETE, &done, &w.member, None).await;
    assert_eq!(r.expect(StatusCode::OK)["doneOn"], Value::Null);
    let all = call(&w.app, Method::GET, &format!("{base}/action-items"), &w.advisor, None).await;
    assert_eq!(all.expect(StatusCode::OK)["items"].as_array().unwrap().len(), 3);

    // The meeting shows everything recorded about it.
    let detail = call(&w.app, Method::GET, &meeting_uri, &w.advisor, None).await;
    let detail = detail.expect(StatusCode::OK);
    assert_eq!(detail["id"], meeting_id);
    assert_eq!(detail["body"]["name"], "Bestuurlijke regiegroep");
    assert_eq!(detail["agenda"].as_array().unwrap().len(), 2);
    assert_eq!(detail["attendance"].as_array().unwrap().len(), 3);
    assert_eq!(detail["decisions"].as_array().unwrap().len(), 1);
    assert_eq!(detail["actionItems"].as_array().unwrap().len(), 2, "only the items from this meeting");

    // Stories: the member shares for its own organisation, whatever it names.
    let s = call(
        &w.app,
        Method::POST,
        &format!("{base}/stories"),
        &w.member,
        Some(json!({"title": "Eerste beweegmaatje", "text": "Het werkt.", "organisationId": w.school})),
    )
    .await;
    s.expect(StatusCode::CREATED);
    assert_eq!(s.body["organisationId"], w.welfare);
    assert_eq!(
        call(&w.app, Method::GET, s.header("location"), &w.advisor, None).await.expect(StatusCode::OK)["title"],
        "Eerste beweegmaatje"
    );
    let list = call(&w.app, Method::GET, &format!("{base}/stories?limit=1"), &w.advisor, None).await;
    assert_eq!(list.expect(StatusCode::OK)["items"].as_array().unwrap().len(), 1);
    call(&w.app, Method::POST, &format!("{base}/stories"), &w.advisor, Some(json!({"title": "x", "text": "y"})))
        .await
        .assert_problem(StatusCode::FORBIDDEN);

    // Vitality: eight signals beside a composite, with sentences.
    let v = call(&w.app, Method::GET, &format!("{base}/vitality"), &w.member, None).await;
    let v = v.expect(StatusCode::OK);
    let signals = v["signals"].as_array().unwrap();
    assert_eq!(signals.len(), 8, "{v}");
    let kinds: Vec<&str> = signals.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"attendance") && kinds.contains(&"agenda_share"), "{kinds:?}");
    for s in signals {
        assert!(s["status"].is_string() && s["explanation"]["key"].is_string(), "{s}");
        let text = s["explanationText"].as_str().unwrap();
        assert!(!text.is_empty() && !text.starts_with("Unknown localization"), "untranslated explanation: {text}");
    }
    assert!(v["composite"]["status"].is_string(), "{v}");
    assert!(v["composite"].get("value").is_some() && v["composite"]["explanationText"].is_string(), "{v}");
    assert_eq!(v["historySignals"].as_array().unwrap().len(), 8);
    assert!(v["history"].is_array());
    assert_eq!(v["settings"]["windowMeetings"], 3);
}

#[tokio::test]
async fn vitality_settings_are_replaced_by_the_coordinator_and_checked() {
    let w = world().await;
    let uri = format!("/api/v1/networks/{}/vitality/settings", w.a);
    let current = call(&w.app, Method::GET, &uri, &w.member, None).await;
    let mut settings = current.expect(StatusCode::OK).clone();
    settings["windowMeetings"] = json!(4);
    settings["thresholds"]["attendance"]["watch"] = json!(0.75);
    let r = call(&w.app, Method::PUT, &uri, &w.coordinator, Some(settings.clone())).await;
    assert_eq!(r.expect(StatusCode::OK)["windowMeetings"], 4);
    assert_eq!(r.body["thresholds"]["attendance"]["watch"], 0.75);
    let v = call(&w.app, Method::GET, &format!("/api/v1/networks/{}/vitality", w.a), &w.advisor, None).await;
    assert_eq!(v.expect(StatusCode::OK)["settings"]["windowMeetings"], 4);

    call(&w.app, Method::PUT, &uri, &w.member, Some(settings.clone())).await.assert_problem(StatusCode::FORBIDDEN);

    settings["windowMeetings"] = json!(0);
    settings["thresholds"]["attendance"]["alarm"] = json!(0.9);
    let r = call(&w.app, Method::PUT, &uri, &w.coordinator, Some(settings)).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["windowMeetings", "thresholds.attendance.alarm"]);
    let kept = call(&w.app, Method::GET, &uri, &w.member, None).await;
    assert_eq!(kept.expect(StatusCode::OK)["windowMeetings"], 4, "nothing stored from an invalid request");
}

#[tokio::test]
async fn another_networks_meetings_are_not_found() {
    let w = world().await;
    let (body_id, meeting_id) = body_and_meeting(&w).await;
    let action = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/networks/{}/action-items", w.a),
        &w.coordinator,
        Some(json!({"description": "x", "ownerOrganisationId": w.welfare, "due": "2026-04-01"})),
    )
    .await;
    action.expect(StatusCode::CREATED);
    let a = w.a;
    let action_id = action.id();

    // The coordinator of network B sees nothing of A, by A's paths...
    let reads = [
        format!("/api/v1/networks/{a}/bodies"),
        format!("/api/v1/networks/{a}/bodies/{body_id}"),
        format!("/api/v1/networks/{a}/meetings"),
        format!("/api/v1/networks/{a}/meetings/{meeting_id}"),
        format!("/api/v1/networks/{a}/action-items"),
        format!("/api/v1/networks/{a}/action-items/{action_id}"),
        format!("/api/v1/networks/{a}/stories"),
        format!("/api/v1/networks/{a}/vitality"),
        format!("/api/v1/networks/{a}/vitality/settings"),
        // ...and not with a bad query either: outsiders learn nothing about parameters.
        format!("/api/v1/networks/{a}/meetings?bodyId=abc"),
    ];
    for uri in &reads {
        call(&w.app, Method::GET, uri, &w.outsider, None).await.assert_problem(StatusCode::NOT_FOUND);
    }
    let writes = [
        (Method::POST, format!("/api/v1/networks/{a}/meetings/{meeting_id}/agenda-items"), json!({"title": "x"})),
        (Method::PUT, format!("/api/v1/networks/{a}/meetings/{meeting_id}/attendance"), json!({})),
        (Method::POST, format!("/api/v1/networks/{a}/action-items/{action_id}/done"), json!({})),
        (Method::PUT, format!("/api/v1/networks/{a}/bodies/{body_id}"), json!({"kind": "working_group", "name": "x"})),
        (Method::POST, format!("/api/v1/networks/{a}/action-items"), json!({"description": "x"})),
    ];
    for (method, uri, body) in writes {
        call(&w.app, method, &uri, &w.outsider, Some(body)).await.assert_problem(StatusCode::NOT_FOUND);
    }

    // ...nor through its own network's paths.
    let b = w.b;
    for uri in [
        format!("/api/v1/networks/{b}/meetings/{meeting_id}"),
        format!("/api/v1/networks/{b}/bodies/{body_id}"),
        format!("/api/v1/networks/{b}/action-items/{action_id}"),
        format!("/api/v1/networks/{b}/meetings/{meeting_id}/agenda-items/1"),
    ] {
        call(&w.app, Method::GET, &uri, &w.outsider, None).await.assert_problem(StatusCode::NOT_FOUND);
    }
    let r = call(&w.app, Method::POST, &format!("/api/v1/networks/{b}/action-items/{action_id}/done"), &w.outsider, None).await;
    r.assert_problem(StatusCode::NOT_FOUND);
    let r = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/networks/{b}/meetings"),
        &w.outsider,
        Some(json!({"bodyId": body_id, "date": "2026-05-01"})),
    )
    .await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["bodyId"], "another network's body cannot be used");
    let still = call(&w.app, Method::GET, &format!("/api/v1/networks/{a}/action-items/{action_id}"), &w.coordinator, None).await;
    assert_eq!(still.expect(StatusCode::OK)["doneOn"], Value::Null);
}

#[tokio::test]
async fn invalid_requests_list_every_field() {
    let w = world().await;
    let (_, meeting_id) = body_and_meeting(&w).await;
    let base = format!("/api/v1/networks/{}", w.a);

    let bad_meeting = json!({"date": "12-03-2026", "startTime": "25:00", "link": "teams.example/abc", "invitedOrganisationIds": [3, "x"]});
    let r = call(&w.app, Method::POST, &format!("{base}/meetings"), &w.coordinator, Some(bad_meeting)).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["bodyId", "date", "startTime", "link", "invitedOrganisationIds"]);
    let codes: Vec<&str> = r.body["invalidParams"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(codes[0], "required");
    assert_eq!(codes[2], "time-invalid");
    assert!(r.body["invalidParams"][2]["reason"].as_str().unwrap().contains("time"), "{}", r.body);

    let r = call(&w.app, Method::POST, &format!("{base}/bodies"), &w.coordinator, Some(json!({"kind": "board"}))).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["kind", "name"]);

    // The meeting id is checked together with the item's own fields.
    let r =
        call(&w.app, Method::POST, &format!("{base}/action-items"), &w.coordinator, Some(json!({"description": "", "meetingId": 9999})))
            .await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["description", "ownerPersonId", "due", "meetingId"]);

    let r = call(
        &w.app,
        Method::PUT,
        &format!("{base}/meetings/{meeting_id}/attendance"),
        &w.coordinator,
        Some(json!({"presentOrganisationIds": [w.welfare, "x"], "excusedOrganisationIds": [w.welfare]})),
    )
    .await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["presentOrganisationIds", "excusedOrganisationIds"]);

    let r = call(&w.app, Method::POST, &format!("{base}/stories"), &w.member, Some(json!({"title": "", "text": ""}))).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["title", "text"]);

    let r = call(&w.app, Method::GET, &format!("{base}/meetings?bodyId=abc"), &w.member, None).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["bodyId"]);
    let r = call(&w.app, Method::GET, &format!("{base}/stories?limit=0"), &w.member, None).await;
    r.assert_problem(StatusCode::BAD_REQUEST);
    assert_eq!(r.invalid_names(), ["limit"]);

    // Nothing was stored by any of these.
    let meetings = call(&w.app, Method::GET, &format!("{base}/meetings"), &w.member, None).await;
    assert_eq!(meetings.expect(StatusCode::OK)["items"].as_array().unwrap().len(), 1);
    let actions = call(&w.app, Method::GET, &format!("{base}/action-items"), &w.member, None).await;
    assert_eq!(actions.expect(StatusCode::OK)["items"], json!([]));

    // Malformed JSON is a problem too; a non-numeric path id names nothing.
    let req = Request::post(format!("{base}/stories"))
        .header(header::AUTHORIZATION, format!("Bearer {}", w.member))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"title\": "))
        .unwrap();
    let res = w.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/problem+json");
    call(&w.app, Method::GET, &format!("{base}/meetings/abc"), &w.member, None).await.assert_problem(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_describes_meetings_and_vitality() {
    let w = world().await;
    let req = Request::get("/api/v1/openapi.json").body(Body::empty()).unwrap();
    let res = w.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let expected = [
        ("/networks/{networkId}/bodies", &["get", "post"][..]),
        ("/networks/{networkId}/bodies/{bodyId}", &["get", "put"]),
        ("/networks/{networkId}/meetings", &["get", "post"]),
        ("/networks/{networkId}/meetings/{meetingId}", &["get", "put"]),
        ("/networks/{networkId}/meetings/{meetingId}/agenda-items", &["post"]),
        ("/networks/{networkId}/meetings/{meetingId}/agenda-order", &["put"]),
        ("/networks/{networkId}/meetings/{meetingId}/attendance", &["put"]),
        ("/networks/{networkId}/meetings/{meetingId}/decisions", &["post"]),
        ("/networks/{networkId}/action-items", &["get", "post"]),
        ("/networks/{networkId}/action-items/{actionItemId}/done", &["post", "delete"]),
        ("/networks/{networkId}/stories", &["get", "post"]),
        ("/networks/{networkId}/vitality", &["get"]),
        ("/networks/{networkId}/vitality/settings", &["get", "put"]),
        // Where the Location of each create points.
        ("/networks/{networkId}/meetings/{meetingId}/agenda-items/{agendaItemId}", &["get"]),
        ("/networks/{networkId}/meetings/{meetingId}/decisions/{decisionId}", &["get"]),
        ("/networks/{networkId}/action-items/{actionItemId}", &["get"]),
        ("/networks/{networkId}/stories/{storyId}", &["get"]),
    ];
    // No path of this part is left undocumented or documented twice.
    let ours = |p: &str| ["/bodies", "/meetings", "/action-items", "/stories", "/vitality"].iter().any(|s| p.contains(s));
    assert_eq!(paths.keys().filter(|p| ours(p)).count(), expected.len(), "{:?}", paths.keys().collect::<Vec<_>>());
    for (path, methods) in expected {
        let item = paths.get(path).unwrap_or_else(|| panic!("{path} missing from the OpenAPI document"));
        for m in methods {
            let op = &item[*m];
            assert!(op.is_object(), "{m} {path} missing");
            assert_eq!(op["security"][0]["bearerAuth"], json!([]), "{m} {path} needs the bearer token");
            assert!(op["responses"]["404"].is_object(), "{m} {path} documents 404");
            for name in path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))) {
                let declared = op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
                assert!(declared, "{m} {path}: {name} not declared");
            }
        }
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in ["MeetingView", "MeetingForm", "ActionItemCreate", "VitalityView", "VitalitySettings", "Signal", "AgendaOrderForm"] {
        assert!(schemas.contains_key(s), "schema {s} missing");
    }
    // Every reference in the document points at a schema that exists.
    let text = doc.to_string();
    for part in text.split("\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "dangling reference to {name}");
    }
    assert!(doc["tags"].as_array().unwrap().iter().any(|t| t["name"] == "vitality"));
}
