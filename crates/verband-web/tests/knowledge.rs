//! Knowledge items through the real router: the form that keeps what was
//! typed, the item page with its Markdown made safe, editing, archiving with
//! a question first, sharing, attachments as downloads, questions and
//! answers, and "Wat we leerden" on a project's page.

mod support;

use std::io::Write;

use axum::http::StatusCode;
use axum::Router;
use support::{Client, Page, PASSWORD};
use verband_domain::portfolio::ProjectForm;
use verband_domain::{NetworkForm, NetworkRole};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    service: Service,
    a: i64,
    project: i64,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let b = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    for (user, network, role) in [
        ("coord", a, NetworkRole::Coordinator),
        ("lid", a, NetworkRole::Member),
        ("ander", a, NetworkRole::Member),
        ("lid-b", b, NetworkRole::Member),
    ] {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    let project =
        service.save_project(&sys, a, None, &ProjectForm { title: "Pilot buurtsportcoach".into(), ..Default::default() }).await.unwrap();
    World { app: router(service.clone(), WebConfig { secure_cookies: false }), service, a, project, _dir: dir }
}

/// The id at the end of a redirect such as `/kennislab/7?done=created`.
fn id_in(location: &str) -> i64 {
    let rest = &location[location.find("/kennislab/").unwrap() + "/kennislab/".len()..];
    rest.split(['?', '/', '#']).next().unwrap().parse().unwrap()
}

/// Creates an item through the form; returns its id.
async fn create(c: &mut Client<'_>, network: i64, fields: &[(&str, &str)]) -> i64 {
    let path = format!("/netwerken/{network}/kennislab/nieuw");
    let res = c.submit(&path, &path, fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    id_in(res.location.as_deref().unwrap())
}

/// A Word document whose body says `text`.
fn docx(text: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    )
    .unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

async fn upload(c: &mut Client<'_>, id: i64, file_name: &str, content: &[u8]) -> Page {
    let csrf = c.get(&format!("/kennislab/{id}")).await.field("csrf");
    c.post_multipart_typed(
        &format!("/kennislab/{id}/bijlagen"),
        &[("csrf", None, csrf.as_bytes()), ("attachment", Some((file_name, "application/octet-stream")), content)],
    )
    .await
}

#[tokio::test]
async fn an_item_is_created_shown_safely_edited_archived_and_restored() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "lid").await;
    let new = format!("/netwerken/{}/kennislab/nieuw", w.a);

    // The form, and the network's navigation leading to the lab.
    let form = c.get(&new).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body().contains(&format!("href=\"/kennislab?netwerk={}\"", w.a)), "the lab is in the network navigation");
    assert!(!form.body().contains("value=\"shared\""), "a member is not offered sharing");

    // Errors keep what was typed, per field, with a summary on top.
    let res = c.submit(&new, &new, &[("kind", "roddel"), ("title", ""), ("body", "Mijn **tekst**"), ("links", "ftp://oud")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let body = res.body();
    assert!(body.contains("error-summary") && body.contains("href=\"#f-title\""), "{body}");
    assert!(body.contains("Mijn **tekst**") && body.contains("ftp://oud"), "typed input stays");
    assert!(body.contains("id=\"f-links-error\""));

    let id = create(
        &mut c,
        w.a,
        &[
            ("kind", "experience"),
            ("title", "Buurtsportcoach in Dijkhoven"),
            ("body", "# Wat we leerden\n\nWe **bewogen** wekelijks.\n\n<script>alert('x')</script>\n\n[klik](javascript:alert(1))"),
            ("themes", "bewegen, eenzaamheid"),
            ("phase", "develop_and_grow"),
            ("sectors", "welfare"),
            ("sectors", "municipality"),
            ("links", "https://example.nl/verslag"),
            ("visibility", "network"),
        ],
    )
    .await;
    let page = c.get(&format!("/kennislab/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body();
    assert!(body.contains("<h2>Wat we leerden</h2>") && body.contains("<strong>bewogen</strong>"), "Markdown is rendered");
    assert!(!body.contains("<script>alert"), "no raw script");
    assert!(body.contains("&lt;script&gt;"), "typed HTML shows as text");
    assert!(!body.contains("javascript:"), "no script links");
    assert!(body.contains("href=\"https://example.nl/verslag\" rel=\"noopener noreferrer\""));
    for text in ["Leerervaring", "Gezond Rivierenland", "bewegen", "eenzaamheid", "Ontwikkelen en groeien", "Welzijn", "Alleen dit netwerk"]
    {
        assert!(body.contains(text), "{text}");
    }
    assert!(body.contains(&format!("href=\"/kennislab/{id}/bewerken\"")), "the author may edit");

    // Edit: the form comes filled in, and saves.
    let edit = c.get(&format!("/kennislab/{id}/bewerken")).await;
    assert!(edit.body().contains("value=\"Buurtsportcoach in Dijkhoven\"") && edit.body().contains("bewegen, eenzaamheid"));
    let path = format!("/kennislab/{id}/bewerken");
    let res = c.submit(&path, &path, &[("kind", "success"), ("title", "Buurtsportcoach: een succes"), ("visibility", "network")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    assert!(c.get(&format!("/kennislab/{id}")).await.body().contains("Buurtsportcoach: een succes"));

    // Another member reads it, without the buttons, and may not edit it.
    let mut other = Client::logged_in(&w.app, "ander").await;
    let seen = other.get(&format!("/kennislab/{id}")).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(!seen.body().contains("/bewerken\""));
    assert_eq!(other.get(&path).await.status, StatusCode::FORBIDDEN);

    // Archive asks first; then the item shows a notice and a restore button.
    let confirm = c.get(&format!("/kennislab/{id}/archiveren")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body().contains("Buurtsportcoach: een succes"));
    let archive = format!("/kennislab/{id}/archiveren");
    let res = c.submit(&archive, &archive, &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let archived = c.get(&format!("/kennislab/{id}")).await;
    assert!(archived.body().contains("Dit kennisitem is gearchiveerd"));
    assert!(archived.body().contains(&format!("action=\"/kennislab/{id}/terugzetten\"")));
    assert_eq!(other.get(&format!("/kennislab/{id}")).await.status, StatusCode::NOT_FOUND, "gone for readers");
    let restore = format!("/kennislab/{id}/terugzetten");
    let res = c.submit(&format!("/kennislab/{id}"), &restore, &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(other.get(&format!("/kennislab/{id}")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn only_the_coordinator_shares_and_outsiders_see_only_what_is_shared() {
    let w = world().await;
    let mut member = Client::logged_in(&w.app, "lid").await;
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let mut outsider = Client::logged_in(&w.app, "lid-b").await;
    let new = format!("/netwerken/{}/kennislab/nieuw", w.a);

    // A member who forges the choice gets a message, and the input stays.
    let res = member.submit(&new, &new, &[("kind", "tool"), ("title", "Intakeformulier"), ("visibility", "shared")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("Alleen de coördinator deelt een kennisitem met alle netwerken."), "{}", res.body());
    assert!(res.body().contains("value=\"Intakeformulier\""));

    let private = create(&mut member, w.a, &[("kind", "tool"), ("title", "Intakeformulier"), ("visibility", "network")]).await;
    assert_eq!(outsider.get(&format!("/kennislab/{private}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&format!("/netwerken/{}/kennislab/nieuw", w.a)).await.status, StatusCode::NOT_FOUND);

    // The coordinator is offered sharing and shares.
    assert!(coord.get(&new).await.body().contains("value=\"shared\""));
    let shared = create(&mut coord, w.a, &[("kind", "reference"), ("title", "Handreiking wijkaanpak"), ("visibility", "shared")]).await;
    let seen = outsider.get(&format!("/kennislab/{shared}")).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen.body().contains("Handreiking wijkaanpak") && seen.body().contains("Alle netwerken van deze installatie"));
    assert!(!seen.body().contains("/bewerken\""), "readers from elsewhere do not edit");
    assert_eq!(outsider.get(&format!("/kennislab/{shared}/bewerken")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(outsider.get(&format!("/kennislab/{shared}/archiveren")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn attachments_are_added_refused_downloaded_and_removed() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "lid").await;
    let id = create(&mut c, w.a, &[("kind", "article"), ("title", "Verslag pilot"), ("visibility", "network")]).await;

    // An HTML page that calls itself a PDF is refused with a clear message.
    let html = b"<!doctype html><html><script>alert(document.cookie)</script></html>";
    let res = upload(&mut c, id, "verslag.pdf", html).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("Dit soort bestand kan niet."), "{}", res.body());
    assert!(res.body().contains("href=\"#f-attachment\""), "the summary leads to the field");

    // A Word document is kept and its text extracted.
    let doc = docx("Wat de buurtsportcoach opleverde");
    let res = upload(&mut c, id, "Verslag pilot – 2026.docx", &doc).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let page = c.get(&format!("/kennislab/{id}")).await;
    assert!(page.body().contains("Word-document"));
    let marker = format!("/kennislab/{id}/bijlagen/");
    let at = page.body().find(&format!("href=\"{marker}")).expect("a download link") + "href=\"".len() + marker.len();
    let aid: i64 = page.body()[at..].split('"').next().unwrap().parse().unwrap();
    let mut conn = w.service.store().conn().await.unwrap();
    let text = verband_store::knowledge_attachment_text(&mut conn, id).await.unwrap();
    assert!(text.contains("buurtsportcoach opleverde"), "{text}");
    drop(conn);

    // Anyone in the network downloads it, as an attachment in a sandbox.
    let mut other = Client::logged_in(&w.app, "ander").await;
    let file = other.get(&format!("{marker}{aid}")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.bytes, doc);
    assert_eq!(file.header("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    let disposition = file.header("content-disposition");
    assert!(disposition.starts_with("attachment;") && disposition.contains("filename*=UTF-8''"), "{disposition}");
    assert_eq!(file.header("x-content-type-options"), "nosniff");
    assert!(file.header("content-security-policy").starts_with("sandbox"));
    assert!(file.header("cache-control").contains("private"), "{}", file.header("cache-control"));
    // Outsiders do not get it; other members may not take it off.
    let mut outsider = Client::logged_in(&w.app, "lid-b").await;
    assert_eq!(outsider.get(&format!("{marker}{aid}")).await.status, StatusCode::NOT_FOUND);
    let remove = format!("{marker}{aid}/verwijderen");
    assert_eq!(other.submit(&format!("/kennislab/{id}"), &remove, &[]).await.status, StatusCode::FORBIDDEN);

    // The author takes it off: no longer listed or served.
    let res = c.submit(&format!("/kennislab/{id}"), &remove, &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(!c.get(&format!("/kennislab/{id}")).await.body().contains(&format!("href=\"{marker}{aid}\"")));
    assert_eq!(c.get(&format!("{marker}{aid}")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn questions_and_answers_appear_under_the_item() {
    let w = world().await;
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let id = create(&mut coord, w.a, &[("kind", "question"), ("title", "Hoe werf je vrijwilligers?"), ("visibility", "shared")]).await;
    let item = format!("/kennislab/{id}");
    let ask = format!("{item}/vragen");

    // Someone from another network asks; an empty question keeps the form and says why.
    let mut outsider = Client::logged_in(&w.app, "lid-b").await;
    let res = outsider.submit(&item, &ask, &[("body", "   ")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body().contains("href=\"#f-body\"") && res.body().contains("id=\"f-body-error\""));
    let res = outsider.submit(&item, &ask, &[("body", "Werkt de buurtkrant nog?")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let page = coord.get(&item).await;
    assert!(page.body().contains("Werkt de buurtkrant nog?"));
    let at = page.body().find("id=\"vraag-").unwrap() + "id=\"vraag-".len();
    let qid: i64 = page.body()[at..].split('"').next().unwrap().parse().unwrap();

    // The coordinator answers under the question.
    let res = coord.submit(&item, &ask, &[("body", "Ja, vooral bij ouderen."), ("parentId", &qid.to_string())]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body());
    let page = outsider.get(&item).await;
    let thread = page.section("questions-title");
    let q_at = thread.find("Werkt de buurtkrant nog?").unwrap();
    let a_at = thread.find("Ja, vooral bij ouderen.").unwrap();
    assert!(q_at < a_at && thread[q_at..a_at].contains("class=\"answers\""), "the answer is nested under the question");

    // The asker takes their question back.
    let remove = format!("{item}/vragen/{qid}/verwijderen");
    assert_eq!(outsider.submit(&item, &remove, &[]).await.status, StatusCode::SEE_OTHER);
    assert!(!coord.get(&item).await.body().contains("Werkt de buurtkrant nog?"));
}

#[tokio::test]
async fn a_linked_project_shows_the_item_under_what_we_learned() {
    let w = world().await;
    let mut c = Client::logged_in(&w.app, "lid").await;
    let project_page = format!("/netwerken/{}/projecten/{}", w.a, w.project);
    let page = c.get(&project_page).await;
    let learned = page.section("learned-title");
    assert!(learned.contains("Wat we leerden"));
    let add = format!("/netwerken/{}/kennislab/nieuw?project={}", w.a, w.project);
    assert!(learned.contains(&add), "{learned}");

    // The form opened from the project has it ticked.
    let form = c.get(&add).await;
    assert!(form.body().contains("Pilot buurtsportcoach"));
    let ticked = format!("name=\"projectIds\" value=\"{}\" checked", w.project);
    assert!(form.body().contains(&ticked), "{}", form.body());

    let project = w.project.to_string();
    let id = create(&mut c, w.a, &[("kind", "experience"), ("title", "Lessen uit de pilot"), ("projectIds", &project)]).await;
    let learned = c.get(&project_page).await.section("learned-title");
    assert!(learned.contains(&format!("href=\"/kennislab/{id}\"")) && learned.contains("Lessen uit de pilot"), "{learned}");
    let item = c.get(&format!("/kennislab/{id}")).await;
    assert!(item.body().contains(&format!("href=\"{project_page}\"")), "the item links back to the project");

    // Another network's project is refused.
    let foreign = c
        .submit(
            &format!("/netwerken/{}/kennislab/nieuw", w.a),
            &format!("/netwerken/{}/kennislab/nieuw", w.a),
            &[("kind", "tool"), ("title", "Mis"), ("projectIds", "999999")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    assert!(foreign.body().contains("href=\"#f-projectIds\""));
}
