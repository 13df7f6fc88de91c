//! Projects, funding, the coherence and funding page, the dashboard panels
//! and the phase checklist, through the real router: pages with a minimal
//! cookie/CSRF client, and the JSON API with bearer tokens.

mod support;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use chrono::{Datelike, Duration, Utc};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use support::{Client, PASSWORD};
use tower::ServiceExt;
use verband_domain::portfolio::AgreementForm;
use verband_domain::{GoalForm, NetworkForm, NetworkRole, OrganisationForm, PersonForm};
use verband_service::{Actor, Channel, Origin, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
    n: i64,
    other: i64,
    goal_served: i64,
    goal_unserved: i64,
    welzijn: i64,
    ggd: i64,
    gemeente: i64,
    person: i64,
    agreement: i64,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let n = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let other = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    let org = |name: &str, sector: &str| OrganisationForm {
        name: name.into(),
        sector: sector.into(),
        ownership: "public".into(),
        ..Default::default()
    };
    let welzijn = service.create_partner(&sys, n, &org("Welzijn Rivierstad", "welfare")).await.unwrap().id;
    let ggd = service.create_partner(&sys, n, &org("GGD Rivierenland", "public_health")).await.unwrap().id;
    let gemeente = service.create_partner(&sys, n, &org("Gemeente Rivierstad", "municipality")).await.unwrap().id;
    let goal = |title: &str| GoalForm { title: title.into(), indicator: "Aantal".into(), target: "100".into(), ..Default::default() };
    let goal_served = service.save_goal(&sys, n, None, &goal("Meer ouderen bewegen")).await.unwrap();
    let goal_unserved = service.save_goal(&sys, n, None, &goal("Minder eenzaamheid")).await.unwrap();
    let person = service
        .create_person(
            &sys,
            n,
            &PersonForm {
                name: "Fatima Bakker".into(),
                organisation_id: welzijn.to_string(),
                data_source: "opgegeven door Welzijn".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let past = (Utc::now().date_naive() - Duration::days(20)).to_string();
    let start = (Utc::now().date_naive() - Duration::days(400)).to_string();
    let agreement = service
        .save_agreement(
            &sys,
            n,
            None,
            &AgreementForm {
                title: "Convenant Samen Gezond".into(),
                party_ids: vec![welzijn.to_string(), ggd.to_string()],
                starts_on: start,
                evaluation_date: past,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for (user, network, role) in
        [("coord", n, NetworkRole::Coordinator), ("lid", n, NetworkRole::Member), ("coord-b", other, NetworkRole::Coordinator)]
    {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    World {
        app: router(service.clone(), WebConfig { secure_cookies: false }),
        service,
        n,
        other,
        goal_served,
        goal_unserved,
        welzijn,
        ggd,
        gemeente,
        person,
        agreement,
        _dir: dir,
    }
}

// ---------------------------------------------------------------- projects through the pages

/// The steps of these tests that only projects have.
trait Projects {
    /// Creates a project through the form and returns its id.
    async fn project(&mut self, n: i64, fields: &[(&str, &str)]) -> i64;
}

impl Projects for Client<'_> {
    async fn project(&mut self, n: i64, fields: &[(&str, &str)]) -> i64 {
        let path = format!("/netwerken/{n}/projecten/nieuw");
        let res = self.submit(&path, &path, fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
        let location = res.location.unwrap();
        let id = location.split('/').next_back().unwrap().split('?').next().unwrap();
        id.parse().unwrap()
    }
}

fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{href}\">{text}</a>")
}

/// Projects that together show every kind of finding and a funding cliff.
struct Portfolio {
    no_goal: i64,
    no_lead: i64,
    twin_a: i64,
    twin_b: i64,
    cliff: i64,
}

async fn portfolio(c: &mut Client<'_>, w: &World) -> Portfolio {
    let (goal, welzijn, ggd, person) = (w.goal_served.to_string(), w.welzijn.to_string(), w.ggd.to_string(), w.person.to_string());
    let no_goal = c
        .project(w.n, &[("title", "Losse pilot"), ("leadOrganisationId", &welzijn), ("ownerPersonId", &person), ("status", "pilot")])
        .await;
    let no_lead = c.project(w.n, &[("title", "Zwevend idee"), ("goalIds", &goal), ("status", "idea")]).await;
    let twin = |title: &'static str, description: &'static str| {
        vec![("title", title), ("description", description), ("status", "running"), ("statusChangedOn", "2025-03-01"), ("budget", "12.500")]
    };
    let mut a = twin("Beweegmaatjes voor ouderen", "Vrijwillige beweegmaatjes wandelen wekelijks met ouderen in de wijk Dijkhoven.");
    let mut b = twin("Wandelmaatjes Dijkhoven", "Beweegmaatjes wandelen met ouderen in Dijkhoven, elke week.");
    for fields in [&mut a, &mut b] {
        fields.extend([
            ("goalIds", goal.as_str()),
            ("leadOrganisationId", welzijn.as_str()),
            ("ownerPersonId", person.as_str()),
            ("partnerIds", ggd.as_str()),
        ]);
    }
    let twin_a = c.project(w.n, &a).await;
    let twin_b = c.project(w.n, &b).await;
    let cliff = c
        .project(
            w.n,
            &[
                ("title", "Valpreventie thuis"),
                ("goalIds", &goal),
                ("leadOrganisationId", &ggd),
                ("ownerPersonId", &person),
                ("status", "pilot"),
            ],
        )
        .await;
    let today = Utc::now().date_naive();
    let stream_path = format!("/netwerken/{}/projecten/{cliff}/financiering/nieuw", w.n);
    let (start, end) = ((today - Duration::days(10)).to_string(), (today + Duration::days(50)).to_string());
    let res = c
        .submit(
            &stream_path,
            &stream_path,
            &[("source", "subsidy"), ("funder", "ZonMw"), ("amount", "5.000"), ("kind", "one_off"), ("startsOn", &start), ("endsOn", &end)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    // Structural money on another project: all of this year and the years after.
    let jan_first = format!("{}-01-01", today.year());
    let stream_path = format!("/netwerken/{}/projecten/{twin_a}/financiering/nieuw", w.n);
    let res = c
        .submit(
            &stream_path,
            &stream_path,
            &[
                ("source", "municipality"),
                ("funder", "Gemeente Rivierstad"),
                ("amount", "10000"),
                ("kind", "structural"),
                ("startsOn", &jan_first),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    // A limit of one active project per partner makes the welfare partner overloaded.
    let settings = format!("/netwerken/{}/portfolio", w.n);
    let res = c.submit(&settings, &settings, &[("maxActiveProjectsPerPartner", "1"), ("cliffHorizonMonths", "6")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    Portfolio { no_goal, no_lead, twin_a, twin_b, cliff }
}

#[tokio::test]
async fn the_portfolio_page_names_every_kind_of_finding_with_links() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let p = portfolio(&mut c, &w).await;
    let base = format!("/netwerken/{}", w.n);
    let page = c.get(&format!("{base}/portfolio")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body();
    let project = |id: i64, title: &str| link(&format!("{base}/projecten/{id}"), title);
    assert!(body.contains(&format!("{} draagt niet bij aan een van de doelen", project(p.no_goal, "Losse pilot"))), "{body}");
    assert!(body.contains(&format!("{} heeft geen trekker", project(p.no_lead, "Zwevend idee"))));
    assert!(body.contains(&format!("{} heeft geen eigenaar", project(p.no_lead, "Zwevend idee"))));
    assert!(
        body.contains(&format!(
            "{} en {} lijken op elkaar",
            project(p.twin_a, "Beweegmaatjes voor ouderen"),
            project(p.twin_b, "Wandelmaatjes Dijkhoven")
        )),
        "{body}"
    );
    assert!(body.contains(&format!("({})", link(&format!("{base}/ambitie#doel-{}", w.goal_served), "Meer ouderen bewegen"))));
    let partner = |id: i64, name: &str| link(&format!("{base}/partners/{id}"), name);
    assert!(
        body.contains(&format!("delen 2 partners ({}, {})", partner(w.welzijn, "Welzijn Rivierstad"), partner(w.ggd, "GGD Rivierenland"))),
        "{body}"
    );
    assert!(body.contains("dezelfde woorden: "), "the shared words say why they look alike");
    assert!(body.contains(&format!("{} doet mee aan", link(&format!("{base}/partners/{}", w.welzijn), "Welzijn Rivierstad"))));
    assert!(body.contains("jullie grens is 1"));
    assert!(body.contains(&format!("{} had op", link(&format!("{base}/afspraken/{}", w.agreement), "Convenant Samen Gezond"))));
    assert!(body.contains("20 dagen geleden"));
    assert!(body.contains(&format!(
        "Geen enkel project werkt aan het doel {}.",
        link(&format!("{base}/ambitie#doel-{}", w.goal_unserved), "Minder eenzaamheid")
    )));
    // Grouped by kind, with counts that link to their group.
    for (kind, count) in [
        ("project_without_goal", 1),
        ("project_without_lead", 1),
        ("project_without_owner", 1),
        ("likely_duplicate", 1),
        ("partner_overloaded", 2),
        ("agreement_past_evaluation", 1),
        ("goal_without_project", 1),
    ] {
        assert!(body.contains(&format!("href=\"#kind-{kind}\"")), "{kind}");
        assert!(body.contains(&format!("<h3 id=\"kind-{kind}\">")), "{kind}");
        let heading = &body[body.find(&format!("<h3 id=\"kind-{kind}\">")).unwrap()..];
        assert!(heading[..heading.find("</h3>").unwrap()].ends_with(&format!("({count})")), "{kind}: {}", &heading[..80]);
    }
    // The funding cliff, and the structural share with its numbers in a table.
    let cliffs = page.section("cliff-title");
    assert!(cliffs.contains(&format!("Het geld voor {} stopt op", project(p.cliff, "Valpreventie thuis"))), "{cliffs}");
    assert!(cliffs.contains("over 50 dagen"));
    let share = page.section("share-title");
    assert!(share.contains("<svg role=\"img\""));
    assert!(share.contains("<caption>Financiering per jaar</caption>"));
    let year = Utc::now().date_naive().year() + 2;
    let row = &share[share.find(&format!("<th scope=\"row\">{year}</th>")).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("€ 10.000,00") && row.contains("€ 0,00") && row.contains("100%"), "{row}");
    // The settings form keeps the saved values.
    assert!(page.body().contains("name=\"maxActiveProjectsPerPartner\" type=\"text\" value=\"1\""));
}

#[tokio::test]
async fn the_dashboard_counts_findings_and_lists_the_cliff() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let base = format!("/netwerken/{}", w.n);
    // Before any project: the unserved goals and the late agreement only.
    let before = c.get(&base).await;
    let funding = before.section("dash-funding-title");
    assert!(funding.contains("Geen bijzonderheden."), "{funding}");
    let p = portfolio(&mut c, &w).await;
    let page = c.get(&base).await;
    assert_eq!(page.status, StatusCode::OK);
    let coherence = page.section("dash-coherence-title");
    assert!(
        coherence.contains(&format!("href=\"{base}/portfolio#kind-likely_duplicate\">Projecten die op elkaar lijken: <strong>1</strong>")),
        "{coherence}"
    );
    assert!(coherence.contains("Partners met te veel projecten: <strong>2</strong>"));
    // The first sentences, linked; the rest behind a link.
    assert!(coherence.contains(&link(&format!("{base}/projecten/{}", p.no_goal), "Losse pilot")));
    assert!(coherence.contains("En nog 5 meer"), "{coherence}");
    let funding = page.section("dash-funding-title");
    assert!(funding.contains(&link(&format!("{base}/projecten/{}", p.cliff), "Valpreventie thuis")), "{funding}");
    assert!(funding.contains(&format!("href=\"{base}/portfolio#cliff-title\"")));
}

#[tokio::test]
async fn a_project_page_shows_history_money_cliff_and_its_findings() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let p = portfolio(&mut c, &w).await;
    let base = format!("/netwerken/{}/projecten", w.n);
    let page = c.get(&format!("{base}/{}", p.cliff)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body().contains("class=\"warning\""), "the cliff warning is shown");
    assert!(page.body().contains("ZonMw") && page.body().contains("€ 5.000,00") && page.body().contains("Eenmalig"));
    let findings = page.section("findings-title");
    assert!(findings.contains("GGD Rivierenland</a> doet mee aan 3 lopende projecten"), "{findings}");

    let twin = c.get(&format!("{base}/{}", p.twin_a)).await;
    let findings = twin.section("findings-title");
    assert!(findings.contains("lijken op elkaar"), "{findings}");
    assert!(twin.body().contains("sinds 01-03-2025"));
    assert!(twin.body().contains("€ 12.500,00"));
    // Changing the status adds a step to the history and keeps the typed budget notation.
    let edit = format!("{base}/{}/bewerken", p.twin_a);
    let form = c.get(&edit).await;
    assert!(form.body().contains("name=\"budget\" type=\"text\" value=\"12500,00\""), "Dutch notation in the form");
    let res = c.submit(&edit, &edit, &[("title", "Beweegmaatjes voor ouderen"), ("status", "scaled_up"), ("budget", "15.000,50")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let after = c.get(&format!("{base}/{}", p.twin_a)).await;
    let history = after.section("history-title");
    assert!(history.contains("Loopt") && history.contains("Opgeschaald"), "{history}");
    assert!(after.body().contains("€ 15.000,50"));
    // Leaving out goal, lead and owner shows up as findings about this project.
    let findings = after.section("findings-title");
    assert!(findings.contains("heeft geen trekker"), "{findings}");

    // An invalid form comes back with what was typed and the message per field.
    let res = c.submit(&edit, &edit, &[("title", ""), ("budget", "veel geld"), ("statusChangedOn", "2999-01-01")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("value=\"veel geld\""));
    assert!(
        res.body().contains("href=\"#f-budget\"")
            && res.body().contains("href=\"#f-title\"")
            && res.body().contains("href=\"#f-statusChangedOn\"")
    );
}

#[tokio::test]
async fn the_list_searches_filters_and_archives_after_asking() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let base = format!("/netwerken/{}/projecten", w.n);
    assert!(c.get(&base).await.body().contains("Er zijn nog geen projecten"));
    let p = portfolio(&mut c, &w).await;
    let list = c.get(&format!("{base}?q=maatjes")).await;
    assert!(list.body().contains("Beweegmaatjes voor ouderen") && list.body().contains("Wandelmaatjes Dijkhoven"));
    assert!(!list.body().contains("Losse pilot"));
    let pilots = c.get(&format!("{base}?status=pilot&sort=title&dir=desc")).await;
    let (a, b) = (pilots.body().find("Valpreventie thuis").unwrap(), pilots.body().find("Losse pilot").unwrap());
    assert!(a < b, "sorted by title, descending");
    assert!(!pilots.body().contains("Zwevend idee"));
    assert!(c.get(&format!("{base}?q=bestaat-niet")).await.body().contains("Niets gevonden met deze zoekterm"));

    let ask = c.get(&format!("{base}/{}/archiveren", p.no_goal)).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(ask.body().contains("Losse pilot"));
    let res = c.post(&format!("{base}/{}/archiveren", p.no_goal), &[("csrf", &ask.field("csrf"))]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(!c.get(&base).await.body().contains("Losse pilot"));
    assert!(c.get(&format!("{base}?archived=1")).await.body().contains("Losse pilot"));
    // Archived projects leave the findings.
    assert!(!c.get(&format!("/netwerken/{}/portfolio", w.n)).await.body().contains("draagt niet bij"));
}

#[tokio::test]
async fn the_checklist_saves_a_block_and_shows_progress() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let p = portfolio(&mut c, &w).await;
    let path = format!("/netwerken/{}/fasechecklist", w.n);
    let page = c.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body().contains("0 van 8 bouwstenen klaar (0%)"));
    assert!(page.body().contains("huidige fase"));
    let evidence = format!("project:{}\nafspraak:{}", p.twin_a, w.agreement);
    let action = format!("{path}/shared_promise");
    let res = c.submit(&path, &action, &[("status", "done"), ("ownerPersonId", &w.person.to_string()), ("evidence", &evidence)]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let res = c.submit(&path, &format!("{path}/form_around_goal"), &[("status", "done")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let body = c.get(&path).await.body();
    assert!(body.contains("2 van 8 bouwstenen klaar (25%)"), "progress");
    let block = &body[body.find("id=\"block-shared_promise\"").unwrap()..];
    let block = &block[..block.find("</li>\n").unwrap_or(block.find("id=\"block-right_partners\"").unwrap())];
    assert!(block.contains(&link(&format!("/netwerken/{}/projecten/{}", w.n, p.twin_a), "Beweegmaatjes voor ouderen")), "{block}");
    assert!(block.contains(&link(&format!("/netwerken/{}/afspraken/{}", w.n, w.agreement), "Convenant Samen Gezond")));
    assert!(block.contains(&link(&format!("/netwerken/{}/personen/{}", w.n, w.person), "Fatima Bakker")));
    assert!(body.contains("Staat op klaar, maar er is nog niets vastgelegd"), "done without evidence is pointed out");

    // Evidence that does not exist comes back in the block's own form.
    let res = c.submit(&path, &format!("{path}/keep_learning"), &[("status", "in_progress"), ("evidence", "bijeenkomst:999")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("Een van de bewijsstukken bestaat niet"));
    assert!(res.body().contains("bijeenkomst:999"));
    assert!(res.body().contains("href=\"#f-keep_learning-evidence\""));
    // An unknown block is not a page.
    assert_eq!(c.submit(&path, &format!("{path}/lunch"), &[("status", "done")]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_member_reads_but_gets_403_on_every_form() {
    let w = world().await;
    let mut coord = Client::new(&w.app);
    coord.login("coord").await;
    let p = portfolio(&mut coord, &w).await;
    let mut c = Client::new(&w.app);
    c.login("lid").await;
    let n = w.n;
    for path in [
        format!("/netwerken/{n}/projecten"),
        format!("/netwerken/{n}/projecten/{}", p.cliff),
        format!("/netwerken/{n}/portfolio"),
        format!("/netwerken/{n}/fasechecklist"),
    ] {
        let page = c.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(!page.body().contains("bewerken\""), "{path} offers no edit link");
    }
    assert!(!c.get(&format!("/netwerken/{n}/portfolio")).await.body().contains("name=\"maxActiveProjectsPerPartner\""));
    for path in [
        format!("/netwerken/{n}/projecten/nieuw"),
        format!("/netwerken/{n}/projecten/{}/bewerken", p.cliff),
        format!("/netwerken/{n}/projecten/{}/archiveren", p.cliff),
        format!("/netwerken/{n}/projecten/{}/financiering/nieuw", p.cliff),
    ] {
        assert_eq!(c.get(&path).await.status, StatusCode::FORBIDDEN, "GET {path}");
    }
    let csrf = c.get(&format!("/netwerken/{n}/projecten")).await.field("csrf");
    for (path, fields) in [
        (format!("/netwerken/{n}/projecten/nieuw"), vec![("title", "Stiekem project")]),
        (format!("/netwerken/{n}/projecten/{}/archiveren", p.cliff), vec![]),
        (
            format!("/netwerken/{n}/projecten/{}/financiering/nieuw", p.cliff),
            vec![("source", "subsidy"), ("amount", "1"), ("kind", "structural")],
        ),
        (format!("/netwerken/{n}/portfolio"), vec![("maxActiveProjectsPerPartner", "9"), ("cliffHorizonMonths", "9")]),
        (format!("/netwerken/{n}/fasechecklist/shared_promise"), vec![("status", "done")]),
    ] {
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend(fields);
        assert_eq!(c.post(&path, &all).await.status, StatusCode::FORBIDDEN, "POST {path}");
    }
    assert!(!coord.get(&format!("/netwerken/{n}/projecten")).await.body().contains("Stiekem project"));
    // Another network's coordinator does not see this one.
    let mut outsider = Client::new(&w.app);
    outsider.login("coord-b").await;
    assert_eq!(outsider.get(&format!("/netwerken/{n}/projecten/{}", p.cliff)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&format!("/netwerken/{}/projecten/{}", w.other, p.cliff)).await.status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------- the API

async fn token_for(service: &Service, username: &str) -> String {
    let system = Actor::system("test");
    let users = service.list_users(&system).await.unwrap();
    let (user, _) = users.into_iter().find(|(u, _)| u.username == username).unwrap();
    let actor = service.actor_for(&user, Origin { channel: Channel::Api, ip: None });
    service.create_api_token(&actor, "test").await.unwrap().token
}

async fn call(app: &Router, method: Method, uri: &str, token: &str, body: Option<Value>, lang: Option<&str>) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri).header(header::AUTHORIZATION, format!("Bearer {token}"));
    if let Some(l) = lang {
        req = req.header(header::ACCEPT_LANGUAGE, l);
    }
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() };
    (status, body)
}

#[tokio::test]
async fn the_api_keeps_projects_and_streams_and_explains_findings_and_cliffs() {
    let w = world().await;
    let coord = token_for(&w.service, "coord").await;
    let member = token_for(&w.service, "lid").await;
    let outsider = token_for(&w.service, "coord-b").await;
    let base = format!("/api/v1/networks/{}", w.n);

    let (status, body) = call(
        &w.app,
        Method::POST,
        &format!("{base}/projects"),
        &coord,
        Some(json!({"title": "", "budget": "heel veel", "goalIds": [w.goal_served]})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let names: Vec<&str> = body["invalidParams"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["title", "budget"]);

    let (status, project) = call(
        &w.app,
        Method::POST,
        &format!("{base}/projects"),
        &coord,
        Some(json!({"title": "Valpreventie thuis", "goalIds": [w.goal_served], "leadOrganisationId": w.gemeente, "status": "pilot", "budget": "8.000"})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{project}");
    let pid = project["id"].as_i64().unwrap();
    assert_eq!(project["budgetCents"], 800_000);
    assert_eq!(project["history"][0]["status"], "pilot");
    assert_eq!(project["fundingStreams"], json!([]));

    let today = Utc::now().date_naive();
    let (status, stream) = call(
        &w.app,
        Method::POST,
        &format!("{base}/projects/{pid}/funding-streams"),
        &coord,
        Some(json!({"source": "subsidy", "funder": "ZonMw", "amount": 5000, "kind": "one_off",
            "startsOn": (today - Duration::days(5)).to_string(), "endsOn": (today + Duration::days(30)).to_string()})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{stream}");
    let sid = stream["id"].as_i64().unwrap();
    assert_eq!(stream["amountCents"], 500_000);

    let (status, got) = call(&w.app, Method::GET, &format!("{base}/projects/{pid}"), &member, None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["fundingStreams"][0]["id"], sid);
    assert_eq!(got["cliff"]["daysLeft"], 30);
    assert_eq!(got["cliff"]["project"]["href"], format!("/netwerken/{}/projecten/{pid}", w.n));

    let (status, cliffs) = call(&w.app, Method::GET, &format!("{base}/funding-cliffs"), &member, None, Some("nl-NL,nl;q=0.9")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cliffs["horizonMonths"], 6);
    assert_eq!(cliffs["items"][0]["messageKey"], "funding-cliff");
    assert!(cliffs["items"][0]["message"].as_str().unwrap().starts_with("Het geld voor Valpreventie thuis stopt op"), "{cliffs}");

    let (status, findings) = call(&w.app, Method::GET, &format!("{base}/findings"), &member, None, None).await;
    assert_eq!(status, StatusCode::OK);
    let items = findings["items"].as_array().unwrap();
    let no_owner = items.iter().find(|f| f["kind"] == "project_without_owner").expect("a project without owner");
    assert_eq!(no_owner["message"], "Valpreventie thuis has no owner: no person is responsible for it.");
    assert_eq!(
        no_owner["objects"][0],
        json!({"type": "project", "id": pid, "name": "Valpreventie thuis", "href": format!("/netwerken/{}/projecten/{pid}", w.n)})
    );
    let late = items.iter().find(|f| f["kind"] == "agreement_past_evaluation").unwrap();
    assert_eq!(late["objects"][0]["name"], "Convenant Samen Gezond");
    assert_eq!(late["details"]["days_overdue"], 20);
    let unserved = items.iter().find(|f| f["kind"] == "goal_without_project").unwrap();
    assert_eq!(unserved["objects"][0]["id"], w.goal_unserved);
    assert!(findings["counts"].as_array().unwrap().iter().any(|c| c["kind"] == "goal_without_project" && c["count"] == 1));

    let (status, share) = call(&w.app, Method::GET, &format!("{base}/funding-share"), &member, None, None).await;
    assert_eq!(status, StatusCode::OK);
    let total: i64 = share["items"].as_array().unwrap().iter().map(|y| y["oneOffCents"].as_i64().unwrap()).sum();
    // Spread over the days of its period; a period across New Year may lose a cent to rounding.
    assert!((499_998..=500_000).contains(&total), "the one-off money lands in the years of its period: {total}");

    // Members read; only coordinators write. Another network's people see nothing.
    let (status, _) =
        call(&w.app, Method::PUT, &format!("{base}/projects/{pid}"), &member, Some(json!({"title": "Overgenomen"})), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&w.app, Method::GET, &format!("{base}/projects/{pid}"), &outsider, None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, changed) = call(
        &w.app,
        Method::PUT,
        &format!("{base}/funding-streams/{sid}"),
        &coord,
        Some(json!({"source": "subsidy", "amount": "6.000", "kind": "structural", "startsOn": (today - Duration::days(5)).to_string()})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["kind"], "structural");
    let (_, got) = call(&w.app, Method::GET, &format!("{base}/projects/{pid}"), &coord, None, None).await;
    assert_eq!(got["cliff"], Value::Null, "open-ended structural money is no cliff");
    let (status, _) = call(&w.app, Method::DELETE, &format!("{base}/funding-streams/{sid}"), &coord, None, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(&w.app, Method::GET, &format!("{base}/funding-streams/{sid}"), &coord, None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _) = call(&w.app, Method::DELETE, &format!("{base}/projects/{pid}"), &coord, None, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, list) = call(&w.app, Method::GET, &format!("{base}/projects"), &coord, None, None).await;
    assert_eq!(list["items"][0]["archived"], true);
    let (status, restored) = call(&w.app, Method::POST, &format!("{base}/projects/{pid}/restore"), &coord, None, None).await;
    assert_eq!((status, restored["archived"].clone()), (StatusCode::OK, json!(false)));
}

#[tokio::test]
async fn the_api_sets_checklist_blocks_and_portfolio_settings() {
    let w = world().await;
    let coord = token_for(&w.service, "coord").await;
    let member = token_for(&w.service, "lid").await;
    let base = format!("/api/v1/networks/{}", w.n);
    let (status, list) = call(&w.app, Method::GET, &format!("{base}/checklist"), &member, None, Some("nl")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["currentPhase"], "build_up");
    assert_eq!(list["items"].as_array().unwrap().len(), 20);
    assert_eq!(list["items"][1]["label"], "Gedeelde belofte");

    let body = json!({"status": "done", "evidence": [format!("agreement:{}", w.agreement), "https://intranet.example/belofte.pdf"]});
    let (status, _) = call(&w.app, Method::PUT, &format!("{base}/checklist/shared_promise"), &member, Some(body.clone()), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, after) = call(&w.app, Method::PUT, &format!("{base}/checklist/shared_promise"), &coord, Some(body), None).await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(after["progress"][0]["done"], 1);
    assert_eq!(after["items"][1]["evidence"][1]["url"], "https://intranet.example/belofte.pdf");
    let (status, bad) =
        call(&w.app, Method::PUT, &format!("{base}/checklist/shared_promise"), &coord, Some(json!({"evidence": ["meeting:999"]})), None)
            .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["invalidParams"][0]["code"], "evidence-unknown");
    let (status, _) = call(&w.app, Method::PUT, &format!("{base}/checklist/lunch"), &coord, Some(json!({})), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, s) = call(&w.app, Method::GET, &format!("{base}/portfolio-settings"), &member, None, None).await;
    assert_eq!((status, s.clone()), (StatusCode::OK, json!({"maxActiveProjectsPerPartner": 5, "cliffHorizonMonths": 6})));
    let (status, bad) = call(
        &w.app,
        Method::PUT,
        &format!("{base}/portfolio-settings"),
        &coord,
        Some(json!({"maxActiveProjectsPerPartner": 0, "cliffHorizonMonths": "zes"})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["invalidParams"].as_array().unwrap().len(), 2);
    let (status, s) = call(
        &w.app,
        Method::PUT,
        &format!("{base}/portfolio-settings"),
        &coord,
        Some(json!({"maxActiveProjectsPerPartner": 3, "cliffHorizonMonths": 12})),
        None,
    )
    .await;
    assert_eq!((status, s), (StatusCode::OK, json!({"maxActiveProjectsPerPartner": 3, "cliffHorizonMonths": 12})));
}

#[tokio::test]
async fn the_openapi_document_lists_the_portfolio_paths() {
    let w = world().await;
    let res = w.app.clone().oneshot(Request::get("/api/v1/openapi.json").body(Body::empty()).unwrap()).await.unwrap();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let doc: Value = serde_json::from_slice(&bytes).unwrap();
    let expected: &[(&str, &[&str])] = &[
        ("/networks/{networkId}/projects", &["get", "post"]),
        ("/networks/{networkId}/projects/{projectId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/projects/{projectId}/restore", &["post"]),
        ("/networks/{networkId}/projects/{projectId}/funding-streams", &["get", "post"]),
        ("/networks/{networkId}/funding-streams/{streamId}", &["get", "put", "delete"]),
        ("/networks/{networkId}/findings", &["get"]),
        ("/networks/{networkId}/funding-cliffs", &["get"]),
        ("/networks/{networkId}/funding-share", &["get"]),
        ("/networks/{networkId}/checklist", &["get"]),
        ("/networks/{networkId}/checklist/{block}", &["put"]),
        ("/networks/{networkId}/portfolio-settings", &["get", "put"]),
    ];
    for (path, methods) in expected {
        for m in *methods {
            let op = &doc["paths"][path][m];
            assert!(op.is_object(), "{m} {path} missing");
            for name in path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))) {
                let declared = op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
                assert!(declared, "{m} {path}: {name} not declared");
            }
        }
    }
    assert!(doc["components"]["schemas"]["FindingView"].is_object());
}
