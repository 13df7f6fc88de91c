//! "Excel in en uit" through the real router: downloads, the import preview
//! with its problems per row and column, the confirmation, and who may do it.

mod support;

use axum::http::{header, StatusCode};
use axum::Router;
use support::{Client, Page, PASSWORD};
use verband_domain::{ListFilter, NetworkForm, NetworkRole, OrganisationForm, PageRequest};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
    network_a: i64,
    network_b: i64,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network_a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let network_b = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    let partner = |name: &str| OrganisationForm {
        name: name.into(),
        sector: "welfare".into(),
        ownership: "private".into(),
        description: "=HYPERLINK(\"http://x\")".into(),
        ..Default::default()
    };
    service.create_partner(&sys, network_a, &partner("Welzijn Rivierstad")).await.unwrap();
    service.create_partner(&sys, network_b, &partner("Stichting Geheim Lingedal")).await.unwrap();
    for (user, network, role) in [
        ("coord", network_a, NetworkRole::Coordinator),
        ("lid", network_a, NetworkRole::Member),
        ("coord-b", network_b, NetworkRole::Coordinator),
    ] {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    World { app: router(service.clone(), WebConfig { secure_cookies: false }), service, network_a, network_b, _dir: dir }
}

impl World {
    async fn partner_names(&self, network_id: i64) -> Vec<String> {
        let filter = ListFilter { include_archived: true, ..Default::default() };
        let page = self.service.partners(&Actor::system("test"), network_id, &filter, PageRequest::new(Some(1), Some(100))).await.unwrap();
        page.items.into_iter().map(|p| p.name).collect()
    }
}

/// The exchange page's own step: uploading a partner sheet.
trait Exchange {
    /// Uploads `content` as a partner sheet with the token of the exchange page.
    async fn upload(&mut self, network_id: i64, file_name: &str, content: &[u8]) -> Page;
}

impl Exchange for Client<'_> {
    async fn upload(&mut self, network_id: i64, file_name: &str, content: &[u8]) -> Page {
        let csrf = self.get(&format!("/netwerken/{network_id}/uitwisselen")).await.field("csrf");
        let path = format!("/netwerken/{network_id}/uitwisselen/inlezen");
        self.post_multipart(
            &path,
            &[("csrf", None, csrf.as_bytes()), ("soort", None, b"organisations"), ("bestand", Some(file_name), content)],
        )
        .await
    }
}

#[tokio::test]
async fn downloads_are_attachments_that_open_again() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("lid").await;
    let base = format!("/netwerken/{}/uitwisselen", w.network_a);
    let today = chrono::Utc::now().date_naive();

    let page = c.get(&base).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body().contains("soort=commitments&amp;formaat=csv-puntkomma"), "every kind in every format");
    assert!(page.body().contains("Alleen de coördinator"), "a member sees why there is no import form");
    assert!(!page.body().contains("name=\"bestand\""));

    let xlsx = c.get(&format!("{base}/bestand?soort=organisations&formaat=xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(xlsx.header(header::CONTENT_TYPE), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_eq!(xlsx.header(header::CONTENT_DISPOSITION), format!("attachment; filename=\"gezond-rivierenland-partners-{today}.xlsx\""));
    let table = verband_formats::read_xlsx(&xlsx.bytes).unwrap();
    assert_eq!(table.headers[..3], ["id", "naam", "sector"]);
    assert_eq!(table.rows.len(), 1, "only this network's partners");
    assert_eq!(table.rows[0][1], "Welzijn Rivierstad");
    assert_eq!(table.rows[0][6], "=HYPERLINK(\"http://x\")", "the formula comes back as text");

    let semicolon = c.get(&format!("{base}/bestand?soort=organisations&formaat=csv-puntkomma")).await;
    assert_eq!(semicolon.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    assert!(semicolon.header(header::CONTENT_DISPOSITION).ends_with(".csv\""));
    assert!(semicolon.bytes.starts_with(b"\xef\xbb\xbfid;naam;sector;"));
    assert!(semicolon.body().contains(";\"'=HYPERLINK(\"\"http"), "escaped against formula injection: {}", semicolon.body());
    let comma = c.get(&format!("{base}/bestand?soort=persons&formaat=csv")).await;
    assert!(comma.bytes.starts_with(b"id,naam,e-mail,"), "{}", comma.body());

    let english = c.get(&format!("{base}/bestand?soort=projects&formaat=csv&lang=en")).await;
    assert!(english.bytes.starts_with(b"id,title,description,"), "{}", english.body());
    assert!(english.header(header::CONTENT_DISPOSITION).contains("-projects-"));

    assert_eq!(c.get(&format!("{base}/bestand?soort=organisations&formaat=pdf")).await.status, StatusCode::NOT_FOUND);
    let other = c.get(&format!("/netwerken/{}/uitwisselen/bestand?soort=organisations&formaat=csv", w.network_b)).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert!(!other.body().contains("Geheim"));
}

#[tokio::test]
async fn an_upload_with_mistakes_lists_row_and_column_and_writes_nothing() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let csv = "naam;sector;publiek of privaat;KvK-nummer;opmerking\n\
               Nieuwe partner;Welzijn;Privaat;;\n\
               Bakkerij Jansen;bakkerij;private;123;lekker\n";
    let page = c.upload(w.network_a, "partners.csv", csv.as_bytes()).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = page.body();
    assert!(body.contains("2 problemen in het bestand"), "{body}");
    assert!(body.contains("<td class=\"num\">3</td><td>B (sector)</td><td>Kies een van de mogelijkheden.</td>"), "{body}");
    assert!(body.contains("<td>D (KvK-nummer)</td>"), "{body}");
    assert!(body.contains("Kolom E (&quot;opmerking&quot;) kennen we niet"), "{body}");
    assert!(body.contains("1 nieuw, 0 bijgewerkt, 0 ongewijzigd"), "{body}");
    assert!(!body.contains("name=\"upload\""), "no confirmation for a file with mistakes");
    assert_eq!(w.partner_names(w.network_a).await, ["Welzijn Rivierstad"]);

    // A file that is no spreadsheet at all, and no file: the form again, with the reason at the field.
    let page = c.upload(w.network_a, "brief.docx", b"PK\x03\x04 kapot").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body().contains("Dit is geen Excel-bestand"), "{}", page.body());
    assert!(page.body().contains("aria-invalid=\"true\""));
    let page = c.upload(w.network_a, "", b"").await;
    assert!(page.body().contains("Kies een bestand om in te lezen."), "{}", page.body());
    assert_eq!(w.partner_names(w.network_a).await, ["Welzijn Rivierstad"]);
}

#[tokio::test]
async fn confirming_a_clean_upload_writes_it_once() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("coord").await;
    // The coordinator's own export with one new row added.
    let base = format!("/netwerken/{}/uitwisselen", w.network_a);
    let mut xlsx = verband_formats::read_xlsx(&c.get(&format!("{base}/bestand?soort=organisations&formaat=xlsx")).await.bytes).unwrap();
    xlsx.rows.push(["", "Gemeente Rivierstad", "Gemeente", "Publiek"].map(String::from).to_vec());
    let file = verband_formats::write_xlsx(&xlsx, "Partners").unwrap();
    let page = c.upload(w.network_a, "partners.xlsx", &file).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body());
    assert!(page.body().contains("1 nieuw, 0 bijgewerkt, 1 ongewijzigd"), "{}", page.body());
    assert_eq!(w.partner_names(w.network_a).await.len(), 1, "the preview writes nothing");

    let upload = page.field("upload");
    let csrf = page.field("csrf");
    let done = c.post(&format!("{base}/bevestigen"), &[("csrf", &csrf), ("upload", &upload)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let next = done.location.unwrap();
    let flash = c.get(&next).await.body();
    assert!(flash.contains("Verwerkt: 1 nieuw, 0 bijgewerkt, 1 ongewijzigd."), "{flash}");
    assert!(flash.contains(&format!("href=\"/netwerken/{}/partners\"", w.network_a)));
    assert_eq!(w.partner_names(w.network_a).await, ["Gemeente Rivierstad", "Welzijn Rivierstad"]);

    // Sending the confirmation again (back button, double click) stores nothing twice.
    let again = c.post(&format!("{base}/bevestigen"), &[("csrf", &csrf), ("upload", &upload)]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(c.get(&again.location.unwrap()).await.body().contains("al verwerkt"));
    assert_eq!(w.partner_names(w.network_a).await.len(), 2);

    // The upload belongs to its network.
    let mut b = Client::new(&w.app);
    b.login("coord-b").await;
    let csrf_b = b.get(&format!("/netwerken/{}/uitwisselen", w.network_b)).await.field("csrf");
    let path_b = format!("/netwerken/{}/uitwisselen/bevestigen", w.network_b);
    assert_eq!(b.post(&path_b, &[("csrf", &csrf_b), ("upload", &upload)]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn members_may_not_import_and_every_upload_needs_the_token() {
    let w = world().await;
    let csv = b"naam;sector;publiek of privaat\nSluiproute BV;business;private\n";
    let path = format!("/netwerken/{}/uitwisselen/inlezen", w.network_a);

    let mut member = Client::new(&w.app);
    member.login("lid").await;
    assert_eq!(member.upload(w.network_a, "p.csv", csv).await.status, StatusCode::FORBIDDEN);

    let mut c = Client::new(&w.app);
    c.login("coord").await;
    let preview = c.upload(w.network_a, "p.csv", csv).await;
    let upload = preview.field("upload");
    let confirm = format!("/netwerken/{}/uitwisselen/bevestigen", w.network_a);
    let member_csrf = member.get(&format!("/netwerken/{}/uitwisselen", w.network_a)).await.field("csrf");
    assert_eq!(member.post(&confirm, &[("csrf", &member_csrf), ("upload", &upload)]).await.status, StatusCode::FORBIDDEN);

    let no_token = c.post_multipart(&path, &[("soort", None, b"organisations"), ("bestand", Some("p.csv"), csv)]).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let wrong =
        c.post_multipart(&path, &[("csrf", None, b"0000"), ("soort", None, b"organisations"), ("bestand", Some("p.csv"), csv)]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(c.post(&confirm, &[("upload", &upload)]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(w.partner_names(w.network_a).await, ["Welzijn Rivierstad"], "nothing written");
}

#[tokio::test]
async fn the_partner_and_person_lists_link_to_the_exchange_page() {
    let w = world().await;
    let mut c = Client::new(&w.app);
    c.login("lid").await;
    for list in ["partners", "personen"] {
        let body = c.get(&format!("/netwerken/{}/{list}", w.network_a)).await.body();
        assert!(body.contains(&format!("href=\"/netwerken/{}/uitwisselen\"", w.network_a)), "{list}");
        assert!(body.contains("Exporteren en importeren (Excel, CSV)"), "{list}");
    }
}
