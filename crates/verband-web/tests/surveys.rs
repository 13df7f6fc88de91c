//! Surveys through the real router: a coordinator starts a collaboration
//! scan for six people, makes their links in the outbox (no SMTP here), five
//! answer (one in two sittings), and the results show per-lens bands, the
//! sector split with "too few answers" for a group of two, and 5 of 6; then
//! the links that must not work: unknown, tampered, and after closing.

mod support;

use axum::http::StatusCode;
use axum::Router;
use support::{Client, PASSWORD};
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::{InstrumentKind, QuestionKind};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm, PersonForm};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    network: i64,
    persons: Vec<i64>,
    dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let mut persons = Vec::new();
    // Three people of municipalities, two of welfare, one of a school.
    for (i, (org, sector)) in [
        ("Gemeente Rivierstad", "municipality"),
        ("Gemeente Dijkdorp", "municipality"),
        ("Welzijn Rivierstad", "welfare"),
        ("ROC Rivierenland", "education"),
    ]
    .iter()
    .enumerate()
    {
        let form = OrganisationForm { name: (*org).into(), sector: (*sector).into(), ownership: "public".into(), ..Default::default() };
        let partner = service.create_partner(&sys, network, &form).await.unwrap().id;
        let count = match i {
            0 => 2,
            2 => 2,
            _ => 1,
        };
        for n in 0..count {
            let form = PersonForm {
                name: format!("Persoon {i}-{n}"),
                email: format!("p{i}{n}@example.nl"),
                organisation_id: partner.to_string(),
                data_source: "opgegeven door de partner".into(),
                ..Default::default()
            };
            persons.push(service.create_person(&sys, network, &form).await.unwrap().id);
        }
    }
    service.add_user(&sys, "coord", "coord", PASSWORD, false).await.unwrap();
    service.grant(&sys, "coord", network, NetworkRole::Coordinator).await.unwrap();
    service.add_user(&sys, "lid", "lid", PASSWORD, false).await.unwrap();
    service.grant(&sys, "lid", network, NetworkRole::Member).await.unwrap();
    World { app: router(service, WebConfig { secure_cookies: false }), network, persons, dir }
}

/// The personal links on an outbox page, in page order.
fn links_in(body: &str) -> Vec<String> {
    body.split("value=\"").skip(1).filter_map(|s| s.split('"').next()).filter(|s| s.contains("/enquete/")).map(|s| s.to_string()).collect()
}

fn path_of(link: &str) -> String {
    link[link.find("/enquete/").unwrap()..].to_string()
}

/// Answers for every scale statement of a page: `score` for all.
fn page_fields(page: usize, score: &str) -> Vec<(String, String)> {
    let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
    let mut out = vec![("page".to_string(), page.to_string()), ("action".to_string(), "next".to_string())];
    for q in &scan.pages[page].questions {
        match q.kind {
            QuestionKind::Scale { .. } => out.push((format!("q.{}", q.key), score.to_string())),
            QuestionKind::OpenText => out.push((format!("q.{}", q.key), format!("Meer overleg nodig ({score})"))),
            _ => {}
        }
    }
    out
}

async fn answer_page(c: &mut Client<'_>, path: &str, page: usize, score: &str) -> support::Page {
    let fields = page_fields(page, score);
    let refs: Vec<(&str, &str)> = fields.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    c.post(path, &refs).await
}

#[tokio::test]
async fn a_round_from_start_to_results_keeps_answers_anonymous() {
    let w = world().await;
    let base = format!("/netwerken/{}/evaluaties", w.network);
    let mut coord = Client::logged_in(&w.app, "coord").await;

    // A form with problems keeps what was typed.
    let new = format!("{base}/nieuw?instrument=builtin-collaboration_scan");
    let bad = coord.submit(&new, &new, &[("label", "Voorjaar 2027"), ("deadline", "2001-01-01")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body().contains("Voorjaar 2027") && bad.body().contains("Kies wie de vragenlijst krijgt"), "{}", bad.body());

    let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(10)).to_string();
    let ids: Vec<String> = w.persons.iter().map(|p| p.to_string()).collect();
    let mut fields = vec![("label", "Voorjaar 2027"), ("deadline", deadline.as_str()), ("threshold", "3")];
    fields.extend(ids.iter().map(|id| ("persons", id.as_str())));
    let started = coord.submit(&new, &new, &fields).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body());
    let round_path = started.location.clone().unwrap();
    let round_path = round_path.split('?').next().unwrap().to_string();
    let round_page = coord.get(&round_path).await;
    assert!(round_page.body().contains("0 van 6"), "{}", round_page.body());

    // No SMTP: the outbox makes six links, shown once.
    let links_page = coord.submit(&round_path, &format!("{round_path}/links"), &[]).await;
    assert_eq!(links_page.status, StatusCode::OK);
    let links = links_in(&links_page.body());
    assert_eq!(links.len(), 6, "{}", links_page.body());
    assert!(!coord.get(&round_path).await.body().contains(&links[0]), "a link is shown only once");

    let mut anon = Client::new(&w.app);
    let pages = builtin(InstrumentKind::CollaborationScan).unwrap().pages.len();
    // Links follow the persons by name: three of municipalities score 5, 5 and 4,
    // two of welfare score 2; the school does not answer.
    let scores = ["5", "5", "4", "2", "2"];
    for (i, score) in scores.iter().enumerate() {
        let path = path_of(&links[i]);
        let first = anon.get(&path).await;
        assert_eq!(first.status, StatusCode::OK);
        assert_eq!(first.header("referrer-policy"), "no-referrer");
        if i == 0 {
            // Two sittings: one page, then stop; coming back opens page 2 with the answers kept.
            answer_page(&mut anon, &path, 0, score).await;
            let mut stop = page_fields(1, score);
            stop[1].1 = "stop".into();
            let refs: Vec<(&str, &str)> = stop.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let stopped = anon.post(&path, &refs).await;
            assert!(stopped.body().contains("Je antwoorden zijn bewaard"), "{}", stopped.body());
            let back = anon.get(&path).await;
            assert!(back.body().contains("Pagina 2 van"), "{}", back.body());
            assert!(back.body().contains("value=\"5\" checked"), "saved answers are shown again");
            for page in 1..pages {
                answer_page(&mut anon, &path, page, score).await;
            }
        } else {
            for page in 0..pages {
                let res = answer_page(&mut anon, &path, page, score).await;
                assert_eq!(res.status, StatusCode::OK, "{}", res.body());
            }
        }
        assert!(anon.get(&path).await.body().contains("Bedankt"), "respondent {i} finished");
    }
    // An answer out of range is refused and saves nothing.
    let path = path_of(&links[5]);
    let mut bad = page_fields(0, "9");
    bad.truncate(3);
    let refs: Vec<(&str, &str)> = bad.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(anon.post(&path, &refs).await.status, StatusCode::BAD_REQUEST);

    let results = coord.get(&format!("{round_path}/resultaten")).await;
    assert_eq!(results.status, StatusCode::OK);
    let body = results.body();
    assert!(body.contains("5 van 6"), "{body}");
    // Every lens: (5 + 5 + 2 + 2 + 4) / 5 = 3.6 → attention.
    let factors = results.section("factor-results");
    assert_eq!(factors.matches("3,6").count(), 5, "{factors}");
    assert_eq!(factors.matches("Aandachtspunt").count(), 5, "{factors}");
    // Municipality 3 respondents: (5 + 5 + 4) / 3 = 4.7; welfare 2 respondents: too few.
    let sectors = results.section("sector-divergence");
    assert!(sectors.contains("4,7"), "{sectors}");
    assert!(sectors.contains("te weinig antwoorden"), "{sectors}");
    assert!(!sectors.contains("2,0"), "the welfare mean must not show: {sectors}");
    assert!(body.contains("Meer overleg nodig (5)"), "open answers show above the threshold");

    let csv = coord.get(&format!("{round_path}/resultaten.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let csv = csv.body();
    assert!(csv.contains("te weinig antwoorden") && csv.contains("Welzijn"), "{csv}");
    assert!(!csv.contains(";2,00;"), "the welfare mean must not be exported: {csv}");
    let xlsx = coord.get(&format!("{round_path}/resultaten.xlsx")).await;
    assert!(xlsx.bytes.starts_with(b"PK"));

    // The raw answers: five rows without names or sectors, in an order that says nothing.
    assert!(results.section("raw-answers").contains("antwoorden.csv"));
    let raw = coord.get(&format!("{round_path}/antwoorden.csv")).await;
    assert_eq!(raw.status, StatusCode::OK);
    let raw = raw.body();
    let lines: Vec<&str> = raw.lines().collect();
    assert_eq!(lines.len(), 6, "a header and five respondents: {raw}");
    assert!(lines[0].trim_start_matches('\u{feff}').starts_with("Respondent;"), "{raw}");
    assert!(!raw.contains("Persoon") && !raw.contains("Gemeente") && !raw.contains("Welzijn"), "{raw}");
    let scores: Vec<&str> = lines[1..].iter().map(|l| l.split(';').nth(1).unwrap()).collect();
    assert_eq!(scores, ["2", "2", "4", "5", "5"], "{raw}");
    assert!(raw.contains("Meer overleg nodig (4)"));
    assert!(coord.get(&format!("{round_path}/antwoorden.xlsx")).await.bytes.starts_with(b"PK"));

    // A member reads the results but cannot make links or take the raw answers.
    let mut lid = Client::logged_in(&w.app, "lid").await;
    assert_eq!(lid.get(&format!("{round_path}/resultaten")).await.status, StatusCode::OK);
    assert!(!lid.get(&format!("{round_path}/resultaten")).await.body().contains("antwoorden.csv"));
    assert_eq!(lid.get(&format!("{round_path}/antwoorden.csv")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(lid.submit(&round_path, &format!("{round_path}/links"), &[]).await.status, StatusCode::FORBIDDEN);

    // Unknown and tampered links: the same page, no data.
    let unknown = anon.get("/enquete/abc").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let mut tampered = path_of(&links[5]);
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let t = anon.get(&tampered).await;
    assert_eq!(t.status, StatusCode::NOT_FOUND);
    assert!(!t.body().contains("Voorjaar 2027") && !t.body().contains("Gezond Rivierenland"));
    assert_eq!(anon.post(&tampered, &[("page", "0"), ("action", "next")]).await.status, StatusCode::NOT_FOUND);

    // After closing, a used link says so politely and shows no answers.
    let closed = coord.submit(&format!("{round_path}/afsluiten"), &format!("{round_path}/afsluiten"), &[]).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let after = anon.get(&path_of(&links[0])).await;
    assert_eq!(after.status, StatusCode::GONE);
    assert!(after.body().contains("gesloten") && !after.body().contains("checked"), "{}", after.body());
}

/// Starts a collaboration scan for everyone of the world and makes its links in the outbox.
async fn start_round_with_links(w: &World, coord: &mut Client<'_>, label: &str) -> (String, Vec<String>) {
    let new = format!("/netwerken/{}/evaluaties/nieuw?instrument=builtin-collaboration_scan", w.network);
    let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(10)).to_string();
    let ids: Vec<String> = w.persons.iter().map(|p| p.to_string()).collect();
    let mut fields = vec![("label", label), ("deadline", deadline.as_str())];
    fields.extend(ids.iter().map(|id| ("persons", id.as_str())));
    let started = coord.submit(&new, &new, &fields).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body());
    let round_path = started.location.clone().unwrap().split('?').next().unwrap().to_string();
    let links = links_in(&coord.submit(&round_path, &format!("{round_path}/links"), &[]).await.body());
    assert_eq!(links.len(), w.persons.len());
    (round_path, links)
}

async fn answer_all(anon: &mut Client<'_>, link: &str, score: &str) {
    let pages = builtin(InstrumentKind::CollaborationScan).unwrap().pages.len();
    let path = path_of(link);
    for page in 0..pages {
        let res = answer_page(anon, &path, page, score).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body());
    }
}

#[tokio::test]
async fn a_second_round_shows_the_trend_and_a_passed_deadline_closes_the_links() {
    let w = world().await;
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let mut anon = Client::new(&w.app);

    // Round one: three people answer 3 everywhere.
    let (first, links) = start_round_with_links(&w, &mut coord, "Voorjaar 2027").await;
    for link in &links[..3] {
        answer_all(&mut anon, link, "3").await;
    }
    let closed = coord.submit(&format!("{first}/afsluiten"), &format!("{first}/afsluiten"), &[]).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let before = coord.get(&format!("{first}/resultaten")).await;
    assert!(!before.section("factor-results").contains("vorige keer"), "the first round has nothing to compare with");

    // Round two: four people answer 4 everywhere, so every lens goes up from 3,0 to 4,0.
    let (second, links) = start_round_with_links(&w, &mut coord, "Najaar 2027").await;
    // Before anyone answered, the raw answers are refused.
    assert_eq!(coord.get(&format!("{second}/antwoorden.csv")).await.status, StatusCode::CONFLICT);
    assert!(coord.get(&format!("{second}/resultaten")).await.section("raw-answers").contains("anonimiteitsgrens"));
    for link in &links[..4] {
        answer_all(&mut anon, link, "4").await;
    }
    let results = coord.get(&format!("{second}/resultaten")).await;
    assert_eq!(results.status, StatusCode::OK);
    assert!(results.body().contains("Vergeleken met het vorige meetmoment: Voorjaar 2027."), "{}", results.body());
    let factors = results.section("factor-results");
    assert_eq!(factors.matches("4,0").count(), 5, "{factors}");
    assert_eq!(factors.matches("↑").count(), 5, "an arrow up per lens: {factors}");
    assert_eq!(factors.matches("beter").count(), 5, "{factors}");
    assert_eq!(factors.matches("vorige keer 3,0").count(), 5, "{factors}");
    assert!(!factors.contains("↓"), "{factors}");
    let csv = coord.get(&format!("{second}/resultaten.csv")).await.body();
    assert!(csv.contains(";3,00"), "the previous value is exported: {csv}");

    // The deadline passes (set back in the database, as time would): a used
    // link and an unused one say so politely, show no answers and save nothing.
    let store = Store::connect(&Store::sqlite_url_in(w.dir.path())).await.unwrap();
    let round_id: i64 = second.rsplit('/').next().unwrap().parse().unwrap();
    let mut conn = store.conn().await.unwrap();
    sqlx::query("UPDATE survey_rounds SET deadline = '2001-01-01' WHERE id = $1").bind(round_id).execute(&mut *conn).await.unwrap();
    drop(conn);
    for link in [&links[0], &links[5]] {
        let late = anon.get(&path_of(link)).await;
        assert_eq!(late.status, StatusCode::GONE);
        assert!(late.body().contains("De termijn voor &quot;Najaar 2027&quot;"), "{}", late.body());
        assert!(!late.body().contains("checked") && !late.body().contains("q."), "no answers, no questions: {}", late.body());
    }
    let late = answer_page(&mut anon, &path_of(&links[5]), 0, "1").await;
    assert_eq!(late.status, StatusCode::GONE);
    let after = coord.get(&format!("{second}/resultaten")).await;
    assert!(after.body().contains("4 van 6"), "the late answer was not saved: {}", after.body());
}
