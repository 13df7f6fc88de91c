//! Survey rounds and results through the JSON API: the counts of a round,
//! hand-computed figures per factor, sector and layer, "too few answers"
//! (no figure) for a group of two, open answers only above the threshold,
//! who may read what, and the OpenAPI document.

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use support::Client;
use tower::ServiceExt;
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::{InstrumentKind, QuestionKind};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm, PersonForm};
use verband_service::surveys::{answer_hash, InstrumentRef};
use verband_service::{Actor, Channel, Origin, Service, Store};
use verband_web::{router, WebConfig};

/// One respondent of the round in network A: name, organisation, steering
/// group or not, the score given to every statement, and a remark.
struct Respondent {
    name: &'static str,
    organisation: usize,
    steering: bool,
    /// `None`: invited, does not answer; `Some("")`: saves the first page only.
    score: Option<&'static str>,
    remark: &'static str,
}

const ORGANISATIONS: [(&str, &str); 5] = [
    ("Gemeente Rivierstad", "municipality"),
    ("Gemeente Dijkdorp", "municipality"),
    ("GGD Rivierenland", "public_health"),
    ("Welzijn Rivierstad", "welfare"),
    ("ROC Rivierenland", "education"),
];

/// Municipality 5, 4, 4; public health 3, 3, 2; welfare 2, 1 (a group of
/// two); education: one stops after a page, one never starts. Steering
/// group: one of the municipality and one of public health (two).
const RESPONDENTS: [Respondent; 10] = [
    Respondent { name: "Anna Aalbers", organisation: 0, steering: true, score: Some("5"), remark: "Meer overleg met de wijkteams" },
    Respondent { name: "Bas Bakker", organisation: 0, steering: false, score: Some("4"), remark: "" },
    Respondent { name: "Cor Claassen", organisation: 1, steering: false, score: Some("4"), remark: "" },
    Respondent { name: "Dirk Dekker", organisation: 2, steering: true, score: Some("3"), remark: "" },
    Respondent { name: "Eva Evers", organisation: 2, steering: false, score: Some("3"), remark: "" },
    Respondent { name: "Fleur Fransen", organisation: 2, steering: false, score: Some("2"), remark: "" },
    Respondent { name: "Gert Gerritsen", organisation: 3, steering: false, score: Some("2"), remark: "" },
    Respondent { name: "Hanna Hendriks", organisation: 3, steering: false, score: Some("1"), remark: "Minder vergaderen" },
    Respondent { name: "Ids IJsselstein", organisation: 4, steering: false, score: Some(""), remark: "" },
    Respondent { name: "Jan Jansen", organisation: 4, steering: false, score: None, remark: "" },
];

struct World {
    _dir: tempfile::TempDir,
    service: Service,
    app: Router,
    a: i64,
    b: i64,
    round_a: i64,
    round_b: i64,
    /// Member of A.
    member: String,
    /// Member of B only.
    outsider: String,
}

async fn token_for(service: &Service, username: &str) -> String {
    let system = Actor::system("test");
    let users = service.list_users(&system).await.unwrap();
    let (user, _) = users.into_iter().find(|(u, _)| u.username == username).unwrap();
    let actor = service.actor_for(&user, Origin { channel: Channel::Api, ip: None });
    service.create_api_token(&actor, "test").await.unwrap().token
}

fn person(name: &str, organisation: i64, steering: bool) -> PersonForm {
    PersonForm {
        name: name.into(),
        email: format!("{}@example.nl", name.split(' ').next().unwrap().to_lowercase()),
        organisation_id: organisation.to_string(),
        roles: if steering { vec!["steering_group_member".into()] } else { Vec::new() },
        data_source: "opgegeven door de partner".into(),
        ..Default::default()
    }
}

/// The form fields of one page of the collaboration scan: `score` for every
/// statement (except those in `skip`), the remark on the last page.
fn page_fields(page: usize, score: &str, remark: &str, skip: &[&str]) -> Vec<(String, String)> {
    let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
    let mut out = vec![("page".to_string(), page.to_string()), ("action".to_string(), "next".to_string())];
    for q in &scan.pages[page].questions {
        match q.kind {
            QuestionKind::Scale { .. } if !skip.contains(&q.key.as_str()) => out.push((format!("q.{}", q.key), score.to_string())),
            QuestionKind::OpenText if !remark.is_empty() => out.push((format!("q.{}", q.key), remark.to_string())),
            _ => {}
        }
    }
    out
}

/// The first two statements of the scan: the first only the steering group
/// answers (a group of two), the second everyone.
fn first_statements() -> (String, String) {
    let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
    let keys: Vec<String> = scan.pages[0].questions.iter().map(|q| q.key.clone()).collect();
    (keys[0].clone(), keys[1].clone())
}

/// Answers through the respondent's personal link, as a browser does.
async fn answer(app: &Router, link: &str, score: &str, remark: &str, skip: &[&str]) {
    let path = &link[link.find("/enquete/").unwrap()..];
    let mut anon = Client::new(app);
    let pages = builtin(InstrumentKind::CollaborationScan).unwrap().pages.len();
    let last = if score.is_empty() { 1 } else { pages };
    for page in 0..last {
        let fields = page_fields(page, if score.is_empty() { "3" } else { score }, remark, skip);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let res = anon.post(path, &refs).await;
        assert_eq!(res.status, StatusCode::OK, "page {page}: {}", res.body());
    }
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let b = service.create_network(&sys, &NetworkForm { name: "Zorgpersoneel Oost".into(), ..Default::default() }).await.unwrap();
    let mut organisations = Vec::new();
    for (name, sector) in ORGANISATIONS {
        let form = OrganisationForm { name: name.into(), sector: sector.into(), ownership: "public".into(), ..Default::default() };
        organisations.push(service.create_partner(&sys, a, &form).await.unwrap().id);
    }
    let mut persons = Vec::new();
    for r in &RESPONDENTS {
        persons
            .push(service.create_person(&sys, a, &person(r.name, organisations[r.organisation], r.steering)).await.unwrap().id.to_string());
    }
    for (user, network) in [("mira", a), ("bram", b)] {
        service.add_user(&sys, user, user, support::PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, NetworkRole::Member).await.unwrap();
    }
    let app = router(service.clone(), WebConfig { secure_cookies: false });

    let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(14)).to_string();
    let scan = InstrumentRef::Builtin(InstrumentKind::CollaborationScan);
    let form = SurveyRoundForm { label: "Voorjaar 2027".into(), deadline: deadline.clone(), persons, ..Default::default() };
    let round_a = service.start_survey_round(&sys, a, scan, &form).await.unwrap().round_id;
    let links = service.fresh_links(&sys, a, round_a, None).await.unwrap();
    let (steering_only, _) = first_statements();
    for r in &RESPONDENTS {
        let Some(score) = r.score else { continue };
        let link = &links.iter().find(|l| l.person_name == r.name).unwrap().link;
        let skip: &[&str] = if r.steering { &[] } else { &[steering_only.as_str()] };
        answer(&app, link, score, r.remark, skip).await;
    }

    // Network B: a round where only two of three answer, both with a remark.
    let org_b = service
        .create_partner(
            &sys,
            b,
            &OrganisationForm {
                name: "Zorggroep Oost".into(),
                sector: "care_provider".into(),
                ownership: "private".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let mut persons_b = Vec::new();
    for name in ["Kees Kok", "Lies Lammers", "Mark Mulder"] {
        persons_b.push(service.create_person(&sys, b, &person(name, org_b, false)).await.unwrap().id.to_string());
    }
    let form = SurveyRoundForm { label: "Najaar Oost".into(), deadline, persons: persons_b, ..Default::default() };
    let round_b = service.start_survey_round(&sys, b, scan, &form).await.unwrap().round_id;
    let links = service.fresh_links(&sys, b, round_b, None).await.unwrap();
    for (link, remark) in links.iter().take(2).zip(["Geheime opmerking een", "Geheime opmerking twee"]) {
        answer(&app, &link.link, "4", remark, &[]).await;
    }

    let member = token_for(&service, "mira").await;
    let outsider = token_for(&service, "bram").await;
    World { _dir: dir, service, app, a, b, round_a, round_b, member, outsider }
}

struct Answer {
    status: StatusCode,
    content_type: String,
    body: Value,
    text: String,
}

async fn get(app: &Router, uri: &str, token: Option<&str>) -> Answer {
    let mut req = Request::get(uri);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let res = app.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let content_type = res.headers().get(header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    Answer { status, content_type, body, text }
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

fn group<'a>(groups: &'a Value, name: &str) -> &'a Value {
    groups.as_array().unwrap().iter().find(|g| g["group"] == name).unwrap_or_else(|| panic!("no group {name} in {groups}"))
}

#[tokio::test]
async fn a_round_and_its_counts() {
    let w = world().await;
    let list = get(&w.app, &format!("/api/v1/networks/{}/survey-rounds", w.a), Some(&w.member)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    let items = list.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only the rounds of this network: {}", list.text);
    let round = &items[0];
    assert_eq!(round["id"], w.round_a);
    assert_eq!(round["label"], "Voorjaar 2027");
    assert_eq!(round["instrumentKind"], "collaboration_scan");
    assert_eq!(round["instrumentName"], "Samenwerkingsscan");
    assert_eq!(round["instrumentNameEn"], "Collaboration scan");
    assert_eq!(round["instrumentVersion"], 1);
    assert_eq!(round["threshold"], 3);
    assert_eq!((round["invited"].as_i64(), round["started"].as_i64(), round["finished"].as_i64()), (Some(10), Some(9), Some(8)));
    assert!(close(&round["responseRate"], 0.8), "{round}");
    assert_eq!(round["status"], "open");
    assert!(round["reminderDays"].is_null() && round["relationshipRoundId"].is_null());

    let one = get(&w.app, &format!("/api/v1/networks/{}/survey-rounds/{}", w.a, w.round_a), Some(&w.member)).await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.text);
    assert_eq!(&one.body, round, "the round reads the same on its own as in the list");

    // Nothing names a person: no names, no addresses.
    for text in [&list.text, &one.text] {
        for r in &RESPONDENTS {
            assert!(!text.contains(r.name), "{} in {text}", r.name);
        }
        assert!(!text.contains("@example.nl"), "{text}");
    }
}

#[tokio::test]
async fn results_give_hand_computed_figures_and_nothing_for_a_group_of_two() {
    let w = world().await;
    let sys = Actor::system("test");
    let remark = "Minder vergaderen";
    w.service.tag_open_answer(&sys, w.a, w.round_a, "remarks", &answer_hash(remark), "Vergaderlast").await.unwrap();

    let r = get(&w.app, &format!("/api/v1/networks/{}/survey-rounds/{}/results", w.a, w.round_a), Some(&w.member)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let b = &r.body;
    assert_eq!((b["respondents"].as_u64(), b["threshold"].as_u64()), (Some(8), Some(3)));
    assert_eq!(b["round"]["finished"], 8);
    assert!(b["previousRound"].is_null());

    let factors = b["factors"].as_array().unwrap();
    assert_eq!(
        factors.iter().map(|f| f["key"].as_str().unwrap()).collect::<Vec<_>>(),
        ["ambition", "interests", "relations", "organisation", "process"]
    );
    for f in factors {
        // (5 + 4 + 4 + 3 + 3 + 2 + 2 + 1) / 8 = 3.0; deviations 2 1 1 0 0 −1 −1 −2 → 12 / 8 = 1.5, sd √1.5.
        assert_eq!(f["tooFewAnswers"], false, "{f}");
        assert_eq!(f["respondents"], 8);
        assert!(close(&f["mean"], 3.0) && close(&f["sd"], 1.5f64.sqrt()), "{f}");
        assert_eq!(f["distribution"], serde_json::json!([1, 2, 2, 2, 1]));
        assert_eq!(f["band"], "attention");
        assert!(f["previousMean"].is_null() && f["trend"].is_null());

        // Municipality (5 + 4 + 4) / 3, public health (3 + 3 + 2) / 3; welfare has two: no mean.
        let sectors = &f["bySector"];
        assert_eq!(sectors.as_array().unwrap().len(), 3, "education finished nobody: {sectors}");
        let m = group(sectors, "municipality");
        assert_eq!((m["respondents"].as_u64(), m["tooFewAnswers"].as_bool()), (Some(3), Some(false)));
        assert!(close(&m["mean"], 13.0 / 3.0), "{m}");
        assert!(close(&group(sectors, "public_health")["mean"], 8.0 / 3.0));
        let welfare = group(sectors, "welfare");
        assert_eq!(welfare, &serde_json::json!({"group": "welfare", "respondents": 2, "mean": null, "tooFewAnswers": true}));
        assert!(close(&f["sectorDivergence"], 5.0 / 3.0) && f["divergent"] == true, "{f}");

        // Steering group: two, no mean; members (4 + 4 + 3 + 2 + 2 + 1) / 6.
        let steering = group(&f["byLayer"], "steering");
        assert_eq!(
            (steering["respondents"].as_u64(), steering["mean"].is_null(), steering["tooFewAnswers"].as_bool()),
            (Some(2), true, Some(true))
        );
        assert!(close(&group(&f["byLayer"], "members")["mean"], 16.0 / 6.0));
        assert!(f["layerDivergence"].is_null(), "no difference with a group that is not shown: {f}");
    }
    // The welfare mean (1.5) and the steering group's (4.0) are nowhere in the answer.
    let groups: Vec<&Value> =
        factors.iter().flat_map(|f| f["bySector"].as_array().unwrap().iter().chain(f["byLayer"].as_array().unwrap())).collect();
    assert!(groups.iter().all(|g| !close(&g["mean"], 1.5) && !close(&g["mean"], 4.0)), "{groups:?}");

    // Per question: the first statement only the steering group answered (two): no figures.
    let (steering_only, everyone) = first_statements();
    let question = |key: &str| b["questions"].as_array().unwrap().iter().find(|q| q["key"] == key).unwrap().clone();
    let q = question(&steering_only);
    assert_eq!((q["type"].as_str(), q["tooFewAnswers"].as_bool(), q["factor"].as_str()), (Some("scale"), Some(true), Some("ambition")));
    for field in ["respondents", "mean", "sd", "distribution", "band"] {
        assert!(q[field].is_null(), "{field} of a question two answered: {q}");
    }
    let q = question(&everyone);
    assert_eq!((q["tooFewAnswers"].as_bool(), q["respondents"].as_u64(), q["band"].as_str()), (Some(false), Some(8), Some("attention")));
    assert!(close(&q["mean"], 3.0), "{q}");
    assert_eq!(q["distribution"], serde_json::json!([1, 2, 2, 2, 1]));
    let remarks = question("remarks");
    assert_eq!(
        (remarks["type"].as_str(), remarks["tooFewAnswers"].as_bool(), remarks["mean"].is_null()),
        (Some("open_text"), Some(false), true)
    );

    // Open answers, sorted by text, with the theme the coordinator gave.
    let open = &b["openAnswers"];
    assert_eq!(open["tooFewAnswers"], false);
    let items = open["items"].as_array().unwrap();
    assert_eq!(items.iter().map(|a| a["text"].as_str().unwrap()).collect::<Vec<_>>(), ["Meer overleg met de wijkteams", remark]);
    assert!(items[0]["theme"].is_null());
    assert_eq!(items[1]["theme"], "Vergaderlast");
    assert_eq!(b["partnerScores"], serde_json::json!([]), "a collaboration scan rates no partners");
    for p in &RESPONDENTS {
        assert!(!r.text.contains(p.name), "{} in the results", p.name);
    }
}

#[tokio::test]
async fn below_the_threshold_a_round_gives_no_figure_and_no_open_answer() {
    let w = world().await;
    let r = get(&w.app, &format!("/api/v1/networks/{}/survey-rounds/{}/results", w.b, w.round_b), Some(&w.outsider)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let b = &r.body;
    assert_eq!((b["respondents"].as_u64(), b["round"]["invited"].as_i64()), (Some(2), Some(3)));
    for f in b["factors"].as_array().unwrap() {
        assert_eq!(f["tooFewAnswers"], true, "{f}");
        for field in ["respondents", "mean", "sd", "distribution", "band", "sectorDivergence"] {
            assert!(f[field].is_null(), "{field}: {f}");
        }
        // The group's size is shown, as on the results page and in the CSV; its mean is not.
        assert_eq!(group(&f["bySector"], "care_provider")["respondents"], 2);
        assert!(group(&f["bySector"], "care_provider")["mean"].is_null());
    }
    assert!(b["questions"].as_array().unwrap().iter().all(|q| q["mean"].is_null()), "{}", r.text);
    assert_eq!(b["openAnswers"], serde_json::json!({"tooFewAnswers": true, "items": []}));
    assert!(!r.text.contains("Geheime opmerking") && !r.text.contains("4.0"), "{}", r.text);
}

#[tokio::test]
async fn only_those_with_a_role_in_the_network_read_its_rounds() {
    let w = world().await;
    let paths = |network: i64, round: i64| {
        [
            format!("/api/v1/networks/{network}/survey-rounds"),
            format!("/api/v1/networks/{network}/survey-rounds/{round}"),
            format!("/api/v1/networks/{network}/survey-rounds/{round}/results"),
        ]
    };
    for path in paths(w.a, w.round_a) {
        let r = get(&w.app, &path, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(r.content_type, "application/problem+json", "{path}");
        assert_eq!(get(&w.app, &path, Some("vb_not-a-token")).await.status, StatusCode::UNAUTHORIZED, "{path}");
        // A member of another network learns nothing, not even that the round exists.
        let r = get(&w.app, &path, Some(&w.outsider)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.text);
        assert_eq!(r.content_type, "application/problem+json");
        assert!(!r.text.contains("Voorjaar") && !r.text.contains("Gezond"), "{}", r.text);
    }
    // A's round under B's path, and a round that does not exist.
    for path in paths(w.b, w.round_a).into_iter().skip(1).chain(paths(w.a, 999_999).into_iter().skip(1)) {
        assert_eq!(get(&w.app, &path, Some(&w.outsider)).await.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(get(&w.app, &path, Some(&w.member)).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let own = get(&w.app, &format!("/api/v1/networks/{}/survey-rounds", w.b), Some(&w.outsider)).await;
    assert_eq!(own.body["items"].as_array().map(|i| i.len()), Some(1));
    assert_eq!(own.body["items"][0]["id"], w.round_b);
    assert_eq!(get(&w.app, &format!("/api/v1/networks/{}/survey-rounds/x", w.a), Some(&w.member)).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_describes_survey_rounds_and_results() {
    let w = world().await;
    let doc = get(&w.app, "/api/v1/openapi.json", None).await.body;
    let paths = doc["paths"].as_object().unwrap();
    let expected = [
        "/networks/{networkId}/survey-rounds",
        "/networks/{networkId}/survey-rounds/{roundId}",
        "/networks/{networkId}/survey-rounds/{roundId}/results",
    ];
    assert_eq!(paths.keys().filter(|p| p.contains("/survey-rounds")).count(), expected.len(), "{:?}", paths.keys().collect::<Vec<_>>());
    for path in expected {
        let op = &paths.get(path).unwrap_or_else(|| panic!("{path} missing"))["get"];
        assert_eq!(op["security"][0]["bearerAuth"], serde_json::json!([]), "{path} needs the bearer token");
        for status in ["200", "401", "404"] {
            assert!(op["responses"][status].is_object(), "{path} documents {status}");
        }
        assert!(op["responses"]["404"]["content"]["application/problem+json"].is_object(), "{path}");
        for name in path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))) {
            let declared = op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
            assert!(declared, "{path}: {name} not declared");
        }
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    // The suppressed figure is part of the contract: documented on every kind of group.
    for s in ["SurveyGroupView", "SurveyFactorView", "SurveyQuestionView", "SurveyScoreView", "SurveyOpenAnswersView"] {
        assert!(schemas[s]["properties"]["tooFewAnswers"].is_object(), "{s} documents tooFewAnswers");
    }
    assert!(schemas["SurveyRoundView"]["properties"]["responseRate"].is_object());
    assert!(schemas.contains_key("Trend") && schemas.contains_key("SurveyTrend"), "the survey trend does not replace the vitality one");
    let text = doc.to_string();
    for part in text.split("\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "dangling reference to {name}");
    }
    assert!(doc["tags"].as_array().unwrap().iter().any(|t| t["name"] == "surveys"));
}
