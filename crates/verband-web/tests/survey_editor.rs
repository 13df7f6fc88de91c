//! The instrument editor through the real router: a coordinator copies a
//! built-in instrument, rewords a statement and adds a choice question; bad
//! input comes back with every problem next to its field and nothing typed
//! lost; editing an instrument a round used makes a new version while the
//! round keeps its own; a blank instrument is built and sent out; and a
//! member may do none of it.

mod support;

use axum::http::StatusCode;
use axum::Router;
use support::{Client, Page, PASSWORD};
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm, PersonForm};
use verband_service::{Actor, Service, Store};
use verband_web::{router, WebConfig};

struct World {
    app: Router,
    network: i64,
    persons: Vec<i64>,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let network = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let form =
        OrganisationForm { name: "Welzijn Rivierstad".into(), sector: "welfare".into(), ownership: "public".into(), ..Default::default() };
    let partner = service.create_partner(&sys, network, &form).await.unwrap().id;
    let mut persons = Vec::new();
    for i in 0..3 {
        let form = PersonForm {
            name: format!("Persoon {i}"),
            email: format!("p{i}@example.nl"),
            organisation_id: partner.to_string(),
            data_source: "opgegeven door de partner".into(),
            ..Default::default()
        };
        persons.push(service.create_person(&sys, network, &form).await.unwrap().id);
    }
    service.add_user(&sys, "coord", "coord", PASSWORD, false).await.unwrap();
    service.grant(&sys, "coord", network, NetworkRole::Coordinator).await.unwrap();
    service.add_user(&sys, "lid", "lid", PASSWORD, false).await.unwrap();
    service.grant(&sys, "lid", network, NetworkRole::Member).await.unwrap();
    World { app: router(service, WebConfig { secure_cookies: false }), network, persons, _dir: dir }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let tag = format!(" {tag}");
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let len = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + len]))
}

fn flag(tag: &str, name: &str) -> bool {
    tag.split_whitespace().any(|w| w == name)
}

/// The fields of the editor form as a browser sends them (buttons aside):
/// inputs, checked boxes, text areas and the chosen option of each list.
fn form_fields(page: &Page) -> Vec<(String, String)> {
    let body = page.body();
    let start = body.find("id=\"instrument-form\"").unwrap_or_else(|| panic!("no editor form in {body}"));
    let form = &body[start..start + body[start..].find("</form>").unwrap()];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        if let Some(attrs) = tag.strip_prefix("input ") {
            if attr(attrs, "type").as_deref() == Some("checkbox") && !flag(attrs, "checked") {
                continue;
            }
            if let Some(name) = attr(attrs, "name") {
                out.push((name, attr(attrs, "value").unwrap_or_default()));
            }
        } else if let Some(attrs) = tag.strip_prefix("textarea ") {
            let close = rest.find("</textarea>").unwrap();
            out.push((attr(attrs, "name").unwrap(), unescape(&rest[end + 1..close])));
        } else if let Some(attrs) = tag.strip_prefix("select ") {
            let close = rest.find("</select>").unwrap();
            let mut first = None;
            let mut chosen = None;
            for option in rest[end + 1..close].split("<option ").skip(1) {
                let otag = &option[..option.find('>').unwrap()];
                let value = attr(otag, "value").unwrap_or_default();
                first.get_or_insert(value.clone());
                if flag(otag, "selected") {
                    chosen = Some(value);
                }
            }
            out.push((attr(attrs, "name").unwrap(), chosen.or(first).unwrap_or_default()));
        }
    }
    out
}

fn get<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("no field {name}"))
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some(f) => f.1 = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
}

/// How many questions page `p` of the form has.
fn questions_on(fields: &[(String, String)], p: usize) -> usize {
    let prefix = format!("page.{p}.q.");
    fields.iter().filter(|(k, _)| k.starts_with(&prefix) && k.ends_with(".key")).count()
}

/// Presses a button of the editor: posts the whole form with its action.
async fn press(c: &mut Client<'_>, path: &str, fields: &[(String, String)], action: &str) -> Page {
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    all.push(("action", action));
    c.post(path, &all).await
}

/// The editor links of the network's own instruments on the overview.
fn edit_links(body: &str) -> Vec<String> {
    body.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.split("/instrumenten/").nth(1).is_some_and(|id| id.chars().all(|c| c.is_ascii_digit())))
        .map(str::to_string)
        .collect()
}

async fn copy_builtin(c: &mut Client<'_>, base: &str, kind: &str) -> String {
    let copied = c.submit(base, &format!("{base}/instrumenten/kopie"), &[("instrument", kind)]).await;
    assert_eq!(copied.status, StatusCode::SEE_OTHER, "{}", copied.body());
    edit_links(&c.get(base).await.body()).pop().expect("the copy has an edit link")
}

/// Starts a round of instrument `reference` for everyone; returns the round's path.
async fn start_round(c: &mut Client<'_>, w: &World, reference: &str, label: &str) -> String {
    let new = format!("/netwerken/{}/evaluaties/nieuw?instrument={reference}", w.network);
    let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(10)).to_string();
    let ids: Vec<String> = w.persons.iter().map(|p| p.to_string()).collect();
    let mut fields = vec![("label", label), ("deadline", deadline.as_str()), ("threshold", "3")];
    fields.extend(ids.iter().map(|id| ("persons", id.as_str())));
    let started = c.submit(&new, &new, &fields).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body());
    started.location.unwrap().split('?').next().unwrap().to_string()
}

fn reference_of(editor: &str) -> &str {
    editor.rsplit('/').next().unwrap()
}

#[tokio::test]
async fn a_copy_is_reworded_extended_and_saved() {
    let w = world().await;
    let base = format!("/netwerken/{}/evaluaties", w.network);
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let editor = copy_builtin(&mut coord, &base, "builtin-collaboration_scan").await;

    let opened = coord.get(&editor).await;
    assert_eq!(opened.status, StatusCode::OK);
    assert!(opened.body().contains("Nog geen meetmoment gebruikt deze versie"), "{}", opened.body());
    let mut fields = form_fields(&opened);
    let reworded = "Wij hebben samen één doel & dat staat op papier.";
    set(&mut fields, "page.0.q.0.text.nl", reworded);

    // Adding a question keeps what was typed and saves nothing yet.
    set(&mut fields, "page.1.new", "single");
    let before = questions_on(&fields, 1);
    let added = press(&mut coord, &editor, &fields, "addquestion-1").await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body());
    assert!(added.body().contains("Vraag toegevoegd. Nog niet opgeslagen."), "{}", added.body());
    let mut fields = form_fields(&added);
    assert_eq!(get(&fields, "page.0.q.0.text.nl"), reworded);
    assert_eq!(questions_on(&fields, 1), before + 1);
    let new = format!("page.1.q.{before}");
    assert_eq!(get(&fields, &format!("{new}.kind")), "single");
    assert!(!coord.get(&editor).await.body().contains("samen één doel"), "a button does not store");

    set(&mut fields, &format!("{new}.text.nl"), "Hoe vaak overleg je met andere partners?");
    set(&mut fields, &format!("{new}.text.en"), "How often do you consult other partners?");
    set(&mut fields, &format!("{new}.options"), "Wekelijks | Weekly\r\nmaand | Maandelijks | Monthly\r\nZelden");

    // Moving keeps the typed text with its question.
    let moved = press(&mut coord, &editor, &fields, "down-0-0").await;
    let mut fields = form_fields(&moved);
    assert_eq!(get(&fields, "page.0.q.1.text.nl"), reworded);
    fields = form_fields(&press(&mut coord, &editor, &fields, "up-0-1").await);
    assert_eq!(get(&fields, "page.0.q.0.text.nl"), reworded);

    let saved = press(&mut coord, &editor, &fields, "save").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body());
    let shown = coord.get(&saved.location.unwrap()).await;
    let body = shown.body();
    assert!(body.contains("Versie 1 opgeslagen. Er liep nog geen meetmoment mee"), "{body}");
    let fields = form_fields(&shown);
    assert_eq!(get(&fields, "page.0.q.0.text.nl"), reworded);
    assert_eq!(get(&fields, &format!("{new}.kind")), "single");
    // Choices typed without a code got one from their Dutch label.
    assert_eq!(
        get(&fields, &format!("{new}.options")),
        "wekelijks | Wekelijks | Weekly\nmaand | Maandelijks | Monthly\nzelden | Zelden | "
    );

    // The round form offers the copy, and a respondent sees the new text.
    let round = start_round(&mut coord, &w, reference_of(&editor), "Najaar 2027").await;
    let links = coord.submit(&round, &format!("{round}/links"), &[]).await.body();
    let link = links.split("value=\"").skip(1).filter_map(|s| s.split('"').next()).find(|s| s.contains("/enquete/")).unwrap().to_string();
    let mut anon = Client::new(&w.app);
    let first = anon.get(&link[link.find("/enquete/").unwrap()..]).await;
    assert!(first.body().contains("Wij hebben samen één doel &amp; dat staat op papier."), "{}", first.body());
}

#[tokio::test]
async fn problems_are_named_at_their_fields_and_nothing_typed_is_lost() {
    let w = world().await;
    let base = format!("/netwerken/{}/evaluaties", w.network);
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let editor = copy_builtin(&mut coord, &base, "builtin-collaboration_scan").await;
    let mut fields = form_fields(&coord.get(&editor).await);
    let third = get(&fields, "page.0.q.2.key").to_string();
    set(&mut fields, "page.0.q.0.key", "");
    set(&mut fields, "page.0.q.1.key", &third);
    set(&mut fields, "page.0.q.2.labels", "Alleen | Only");
    set(&mut fields, "page.0.q.3.text.nl", "Deze getypte tekst blijft staan");
    set(&mut fields, "bands.attention", "4,5");

    let refused = press(&mut coord, &editor, &fields, "save").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let body = refused.body();
    assert!(body.contains("Controleer deze velden"), "{body}");
    for message in [
        "Vul een code in.",
        "Deze code is al gebruikt. Kies een andere.",
        "Een schaal heeft 2 tot en met 11 punten",
        "Het aandachtspunt moet lager liggen dan het sterke punt",
    ] {
        assert!(body.contains(message), "missing {message:?}");
    }
    // Each message sits at its field (a repeated code where it repeats) and the field points to it.
    for field in ["f-page-0-q-0-key", "f-page-0-q-2-key", "f-page-0-q-2-labels", "f-bands-attention"] {
        assert!(body.contains(&format!("id=\"{field}-error\"")), "no message for {field}");
        assert!(body.contains(&format!("aria-describedby=\"{field}-error")), "{field} does not point to its message");
        assert!(body.contains(&format!("href=\"#{field}\"")), "the summary does not link {field}");
    }
    let kept = form_fields(&refused);
    assert_eq!(get(&kept, "page.0.q.0.key"), "");
    assert_eq!(get(&kept, "page.0.q.1.key"), third);
    assert_eq!(get(&kept, "page.0.q.2.labels"), "Alleen | Only");
    assert_eq!(get(&kept, "page.0.q.3.text.nl"), "Deze getypte tekst blijft staan");
    assert_eq!(get(&kept, "bands.attention"), "4,5");
    assert!(!coord.get(&editor).await.body().contains("Deze getypte tekst"), "nothing was stored");

    // A page without questions is named too.
    let stored = form_fields(&coord.get(&editor).await);
    let mut fields = form_fields(&press(&mut coord, &editor, &stored, "addpage").await);
    let last = fields.iter().filter(|(k, _)| k.starts_with("page.") && k.ends_with(".title.nl")).count() - 1;
    assert_eq!(questions_on(&fields, last), 0);
    set(&mut fields, &format!("page.{last}.title.nl"), "Leeg");
    let empty = press(&mut coord, &editor, &fields, "save").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert!(empty.body().contains("Deze pagina heeft nog geen vragen"), "{}", empty.body());
}

#[tokio::test]
async fn editing_a_used_instrument_makes_a_new_version_and_the_round_keeps_its_own() {
    let w = world().await;
    let base = format!("/netwerken/{}/evaluaties", w.network);
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let editor = copy_builtin(&mut coord, &base, "builtin-reciprocity_check").await;
    let round = start_round(&mut coord, &w, reference_of(&editor), "Voorjaar 2027").await;

    let opened = coord.get(&editor).await;
    assert!(opened.body().contains("Opslaan maakt versie 2"), "{}", opened.body());
    let mut fields = form_fields(&opened);
    set(&mut fields, "page.0.q.0.text.nl", "Een nieuwe formulering");
    let saved = press(&mut coord, &editor, &fields, "save").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body());
    let shown = coord.get(&saved.location.unwrap()).await;
    assert!(shown.body().contains("Versie 2 opgeslagen. Meetmomenten die al liepen, houden hun versie."), "{}", shown.body());

    // The round says version 1 and its results still read.
    let round_page = coord.get(&round).await.body();
    assert!(round_page.contains("versie 1") && !round_page.contains("versie 2"), "{round_page}");
    assert_eq!(coord.get(&format!("{round}/resultaten")).await.status, StatusCode::OK);
    assert!(coord.get(&base).await.body().contains("versie 2"), "the instrument shows its newest version");

    // No round has used version 2: saving again changes it in place.
    let stored = form_fields(&coord.get(&editor).await);
    let again = press(&mut coord, &editor, &stored, "save").await;
    assert_eq!(again.location.as_deref(), Some(format!("{editor}?saved=2").as_str()));
}

#[tokio::test]
async fn a_blank_instrument_is_built_and_sent_out() {
    let w = world().await;
    let base = format!("/netwerken/{}/evaluaties", w.network);
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let created = coord.submit(&base, &format!("{base}/instrumenten/nieuw"), &[]).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body());
    let editor = created.location.unwrap().split('?').next().unwrap().to_string();
    let opened = coord.get(&editor).await;
    assert!(opened.body().contains("Nieuwe vragenlijst"), "{}", opened.body());
    let mut fields = form_fields(&opened);
    assert_eq!(questions_on(&fields, 0), 1);
    assert_eq!(get(&fields, "page.0.q.0.kind"), "scale");

    set(&mut fields, "name.nl", "Evaluatie van de werkconferentie");
    set(&mut fields, "page.0.q.0.text.nl", "De werkconferentie was de moeite waard.");
    let mut fields = form_fields(&press(&mut coord, &editor, &fields, "addpage").await);
    set(&mut fields, "page.1.title.nl", "Tot slot");
    set(&mut fields, "page.1.new", "number");
    let mut fields = form_fields(&press(&mut coord, &editor, &fields, "addquestion-1").await);
    set(&mut fields, "page.1.q.0.text.nl", "Hoeveel uur heb je eraan besteed?");
    set(&mut fields, "page.1.q.0.min", "0");
    set(&mut fields, "page.1.q.0.max", "40");
    set(&mut fields, "page.1.q.0.required", "1");
    let saved = press(&mut coord, &editor, &fields, "save").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body());

    let round = start_round(&mut coord, &w, reference_of(&editor), "Werkconferentie").await;
    assert!(coord.get(&round).await.body().contains("Evaluatie van de werkconferentie"));
    let links = coord.submit(&round, &format!("{round}/links"), &[]).await.body();
    let link = links.split("value=\"").skip(1).filter_map(|s| s.split('"').next()).find(|s| s.contains("/enquete/")).unwrap().to_string();
    let path = link[link.find("/enquete/").unwrap()..].to_string();
    let mut anon = Client::new(&w.app);
    assert!(anon.get(&path).await.body().contains("De werkconferentie was de moeite waard."));
    let second = anon.post(&path, &[("page", "0"), ("action", "next"), ("q.q1", "4")]).await;
    assert!(second.body().contains("Hoeveel uur heb je eraan besteed?"), "{}", second.body());
    // The bounds typed in the editor hold for the respondent.
    let refused = anon.post(&path, &[("page", "1"), ("action", "next"), ("q.q2", "99")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body());
}

#[tokio::test]
async fn built_ins_are_read_only_and_members_may_not_edit() {
    let w = world().await;
    let base = format!("/netwerken/{}/evaluaties", w.network);
    let mut coord = Client::logged_in(&w.app, "coord").await;
    let builtin = format!("{base}/instrumenten/builtin-collaboration_scan");
    let shown = coord.get(&builtin).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body().contains("Kopie maken om aan te passen") && !shown.body().contains("instrument-form"), "{}", shown.body());
    assert_eq!(coord.submit(&builtin, &builtin, &[("action", "save")]).await.status, StatusCode::FORBIDDEN);
    let editor = copy_builtin(&mut coord, &base, "builtin-collaboration_scan").await;
    let fields = form_fields(&coord.get(&editor).await);

    let mut lid = Client::logged_in(&w.app, "lid").await;
    let overview = lid.get(&base).await.body();
    assert!(edit_links(&overview).is_empty() && !overview.contains("/instrumenten/nieuw"), "{overview}");
    assert_eq!(lid.get(&editor).await.status, StatusCode::FORBIDDEN);
    let csrf = lid.get(&base).await.field("csrf");
    let mut theirs = fields.clone();
    set(&mut theirs, "csrf", &csrf);
    set(&mut theirs, "page.0.q.0.text.nl", "Door een lid veranderd");
    assert_eq!(press(&mut lid, &editor, &theirs, "save").await.status, StatusCode::FORBIDDEN);
    assert_eq!(press(&mut lid, &editor, &theirs, "addpage").await.status, StatusCode::FORBIDDEN);
    assert_eq!(lid.post(&format!("{base}/instrumenten/nieuw"), &[("csrf", &csrf)]).await.status, StatusCode::FORBIDDEN);
    assert!(!coord.get(&editor).await.body().contains("Door een lid"));
}
