//! Meetings as iCalendar through the real router: one meeting, a body's
//! meetings, and personal feeds that work without a session.

use axum::body::Body as HttpBody;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus};
use tower::ServiceExt;
use verband_domain::{BodyForm, MeetingForm, NetworkForm, NetworkRole, OrganisationForm};
use verband_service::{Actor, Channel, Origin, Service, Store};
use verband_web::{router, WebConfig};

const PASSWORD: &str = "een-lang-wachtwoord";

struct World {
    _dir: tempfile::TempDir,
    app: Router,
    service: Service,
    a: i64,
    regiegroep: i64,
    werkgroep: i64,
    /// Planned, with a start time, a place and an online link.
    march: i64,
    /// Without a start time.
    april: i64,
    cancelled: i64,
    /// The working group's meeting.
    working: i64,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap();
    store.migrate().await.unwrap();
    let service = Service::new(store);
    let sys = Actor::system("test");
    let a = service.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
    let b = service.create_network(&sys, &NetworkForm { name: "Kansrijk Lingedal".into(), ..Default::default() }).await.unwrap();
    let org = OrganisationForm {
        name: "Gemeente Rivierstad".into(),
        sector: "municipality".into(),
        ownership: "public".into(),
        ..Default::default()
    };
    let municipality = service.create_partner(&sys, a, &org).await.unwrap().id;
    for (user, network, role) in
        [("coord", a, NetworkRole::Coordinator), ("lid", a, NetworkRole::Member), ("lid-b", b, NetworkRole::Member)]
    {
        service.add_user(&sys, user, user, PASSWORD, false).await.unwrap();
        service.grant(&sys, user, network, role).await.unwrap();
    }
    let body = |kind: &str, name: &str| BodyForm { kind: kind.into(), name: name.into() };
    let regiegroep = service.save_body(&sys, a, None, &body("steering_group", "Regiegroep")).await.unwrap();
    let werkgroep = service.save_body(&sys, a, None, &body("working_group", "Werkgroep jeugd")).await.unwrap();
    let meeting = |body: i64, date: &str| MeetingForm {
        body_id: body.to_string(),
        date: date.into(),
        invited_organisation_ids: vec![municipality.to_string()],
        ..Default::default()
    };
    let march = service
        .save_meeting(
            &sys,
            a,
            None,
            &MeetingForm {
                title: "Voorjaar; begroting, pilot".into(),
                start_time: "15:00".into(),
                place: "Stadhuis, zaal 2".into(),
                link: "https://meet.example/regiegroep".into(),
                ..meeting(regiegroep, "2026-03-12")
            },
        )
        .await
        .unwrap();
    let april = service.save_meeting(&sys, a, None, &meeting(regiegroep, "2026-04-09")).await.unwrap();
    let cancelled = service
        .save_meeting(&sys, a, None, &MeetingForm { status: "cancelled".into(), ..meeting(regiegroep, "2026-05-14") })
        .await
        .unwrap();
    let working =
        service.save_meeting(&sys, a, None, &MeetingForm { start_time: "10:00".into(), ..meeting(werkgroep, "2026-07-02") }).await.unwrap();
    World {
        app: router(service.clone(), WebConfig { secure_cookies: false }),
        service,
        a,
        regiegroep,
        werkgroep,
        march,
        april,
        cancelled,
        working,
        _dir: dir,
    }
}

/// A session cookie for `user`, as the log-in page would set it.
async fn session(service: &Service, user: &str) -> String {
    let outcome =
        service.login(user, PASSWORD, Origin { channel: Channel::Web, ip: None }).await.unwrap().signed_in().expect("no second step");
    format!("verband_session={}", outcome.session_token)
}

async fn actor(service: &Service, user: &str) -> Actor {
    let users = service.list_users(&Actor::system("test")).await.unwrap();
    let (record, _) = users.into_iter().find(|(u, _)| u.username == user).unwrap();
    service.actor_for(&record, Origin { channel: Channel::Web, ip: None })
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    text: String,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    fn calendar(&self) -> Calendar {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text);
        assert_eq!(self.header("content-type"), "text/calendar; charset=utf-8");
        self.text.parse::<Calendar>().unwrap_or_else(|e| panic!("not iCalendar ({e}): {}", self.text))
    }
}

async fn get(app: &Router, path: &str, cookie: Option<&str>) -> Answer {
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = app.clone().oneshot(req.body(HttpBody::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Answer { status, headers, text: String::from_utf8_lossy(&bytes).into_owned() }
}

fn uids(cal: &Calendar) -> Vec<String> {
    cal.events().map(|e| e.get_uid().unwrap().to_string()).collect()
}

#[tokio::test]
async fn one_meeting_downloads_as_an_event() {
    let w = world().await;
    let cookie = session(&w.service, "lid").await;
    let r = get(&w.app, &format!("/netwerken/{}/bijeenkomsten/{}/agenda.ics", w.a, w.march), Some(&cookie)).await;
    let cal = r.calendar();
    assert_eq!(r.header("content-disposition"), "attachment; filename=\"regiegroep-2026-03-12.ics\"");
    assert!(r.text.contains("\r\n"), "lines end in CRLF");
    assert!(r.text.lines().all(|l| l.len() <= 75), "long lines are folded:\n{}", r.text);
    assert_eq!(cal.get_name(), Some("Gezond Rivierenland – Regiegroep"));
    assert!(r.text.contains("X-WR-CALNAME:Gezond Rivierenland – Regiegroep"), "{}", r.text);

    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 1);
    let e = events[0];
    assert_eq!(e.get_uid(), Some(format!("meeting-{}@verband", w.march).as_str()));
    // Commas and semicolons typed by the user survive the round trip.
    assert_eq!(e.get_summary(), Some("Regiegroep: Voorjaar; begroting, pilot"));
    assert_eq!(e.get_location(), Some("Stadhuis, zaal 2"));
    assert_eq!(e.get_url(), Some("https://meet.example/regiegroep"));
    assert!(e.get_description().unwrap().contains("https://meet.example/regiegroep"));
    assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
    // 15:00 in Dutch winter time is 14:00 UTC; 90 minutes by default.
    let utc = |s: &str| DatePerhapsTime::DateTime(CalendarDateTime::Utc(chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc()));
    assert_eq!(e.get_start(), Some(utc("2026-03-12T14:00:00Z")));
    assert_eq!(e.get_end(), Some(utc("2026-03-12T15:30:00Z")));

    // Without a start time the meeting is an all-day event; a cancelled one says so.
    let cal = get(&w.app, &format!("/netwerken/{}/bijeenkomsten/{}/agenda.ics", w.a, w.april), Some(&cookie)).await.calendar();
    let e = cal.events().next().unwrap();
    let day = |s: &str| DatePerhapsTime::Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    assert_eq!(e.get_start(), Some(day("2026-04-09")));
    assert_eq!(e.get_end(), Some(day("2026-04-10")), "DTEND of a date is exclusive");
    assert_eq!(e.get_summary(), Some("Regiegroep"));
    assert_eq!(e.get_location(), None);
    let cal = get(&w.app, &format!("/netwerken/{}/bijeenkomsten/{}/agenda.ics", w.a, w.cancelled), Some(&cookie)).await.calendar();
    assert_eq!(cal.events().next().unwrap().get_status(), Some(EventStatus::Cancelled));
}

#[tokio::test]
async fn a_bodys_calendar_has_its_meetings_that_go_ahead() {
    let w = world().await;
    let cookie = session(&w.service, "lid").await;
    let r = get(&w.app, &format!("/netwerken/{}/organen/{}/agenda.ics", w.a, w.regiegroep), Some(&cookie)).await;
    let cal = r.calendar();
    assert_eq!(r.header("content-disposition"), "attachment; filename=\"regiegroep.ics\"");
    assert_eq!(uids(&cal), [format!("meeting-{}@verband", w.march), format!("meeting-{}@verband", w.april)]);
    assert_eq!(cal.get_name(), Some("Gezond Rivierenland – Regiegroep"));

    let cal = get(&w.app, &format!("/netwerken/{}/organen/{}/agenda.ics", w.a, w.werkgroep), Some(&cookie)).await.calendar();
    assert_eq!(uids(&cal), [format!("meeting-{}@verband", w.working)]);
    // 10:00 in Dutch summer time is 08:00 UTC.
    let start = cal.events().next().unwrap().get_start().unwrap();
    assert_eq!(start, DatePerhapsTime::DateTime(CalendarDateTime::Utc("2026-07-02T08:00:00Z".parse().unwrap())));
}

#[tokio::test]
async fn downloads_need_a_login_and_a_role_in_the_network() {
    let w = world().await;
    let paths = [
        format!("/netwerken/{}/bijeenkomsten/{}/agenda.ics", w.a, w.march),
        format!("/netwerken/{}/organen/{}/agenda.ics", w.a, w.regiegroep),
    ];
    let outsider = session(&w.service, "lid-b").await;
    for path in &paths {
        let anonymous = get(&w.app, path, None).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER, "{path}");
        assert!(anonymous.header("location").starts_with("/inloggen?next="), "{path}");
        let r = get(&w.app, path, Some(&outsider)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.text);
        assert!(!r.text.contains("BEGIN:VCALENDAR"));
    }
    let member = session(&w.service, "lid").await;
    // A meeting or body of network A cannot be reached through another network's path.
    let r = get(&w.app, &format!("/netwerken/{}/organen/{}/agenda.ics", w.a, w.regiegroep + 100), Some(&member)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = get(&w.app, &format!("/netwerken/{}/bijeenkomsten/{}/agenda.ics", w.a, w.march + 100), Some(&member)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_personal_feed_works_without_a_session_until_revoked() {
    let w = world().await;
    let lid = actor(&w.service, "lid").await;
    let token = w.service.create_calendar_feed(&lid, w.a, None).await.unwrap();
    let body_token = w.service.create_calendar_feed(&lid, w.a, Some(w.werkgroep)).await.unwrap();

    for path in [format!("/agenda/{token}.ics"), format!("/agenda/{token}")] {
        let r = get(&w.app, &path, None).await;
        let cal = r.calendar();
        assert_eq!(cal.get_name(), Some("Gezond Rivierenland"));
        let mut got = uids(&cal);
        got.sort();
        let mut want: Vec<String> = [w.march, w.april, w.working].iter().map(|id| format!("meeting-{id}@verband")).collect();
        want.sort();
        assert_eq!(got, want, "every meeting that goes ahead, the cancelled one left out");
        assert!(r.headers.get(header::SET_COOKIE).is_none(), "a feed sets no cookies");
        assert!(r.header("cache-control").starts_with("private"));
        assert!(r.header("content-disposition").is_empty());
        assert!(r.text.contains("REFRESH-INTERVAL"), "{}", r.text);
    }
    let cal = get(&w.app, &format!("/agenda/{body_token}.ics"), None).await.calendar();
    assert_eq!(uids(&cal), [format!("meeting-{}@verband", w.working)]);

    // Unknown and revoked tokens are a plain 404.
    let unknown = get(&w.app, "/agenda/dit-is-geen-token.ics", None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.header("content-type").starts_with("text/plain"));
    let feeds = w.service.calendar_feeds(&lid, w.a).await.unwrap();
    let all = feeds.iter().find(|f| f.body_id.is_none()).unwrap();
    w.service.revoke_calendar_feed(&lid, w.a, all.id).await.unwrap();
    let revoked = get(&w.app, &format!("/agenda/{token}.ics"), None).await;
    assert_eq!(revoked.status, StatusCode::NOT_FOUND);
    assert!(!revoked.text.contains("VCALENDAR"));
    assert_eq!(get(&w.app, &format!("/agenda/{body_token}.ics"), None).await.status, StatusCode::OK, "other feeds keep working");
}
