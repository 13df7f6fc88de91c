//! What happens to a survey round after it starts, on SQLite and
//! PostgreSQL: reminders (by the round's schedule, only to those who have
//! not finished, never twice a day, not after the deadline or closing),
//! theme tags on open answers, and a closed relationship survey's ties on
//! the network map.

mod support;

use std::sync::Arc;
use std::time::Duration;

use support::{both, partner, user};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use verband_domain::relationship::RoundOrigin;
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::{InstrumentKind, QuestionKind};
use verband_domain::{NetworkRole, PersonForm};
use verband_service::mail::{MailPurpose, MailSettings, SurveyMail};
use verband_service::surveys::{answer_hash, InstrumentRef, PageAction, PageOutcome};
use verband_service::{Actor, MapQuery, Service, ServiceError};
use verband_store::InvitationMail;

// ---- a loopback SMTP server -------------------------------------------------

/// A mail as the SMTP server received it.
#[derive(Debug, Clone)]
struct Received {
    to: String,
    subject: String,
    body: String,
}

/// Starts an SMTP server on loopback that accepts every mail, speaking just
/// enough SMTP for the service's client; returns its port and the mails.
async fn smtp_sink() -> (u16, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP sink");
    let port = listener.local_addr().expect("sink address").port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(smtp_session(stream, tx.clone()));
        }
    });
    (port, rx)
}

async fn smtp_session(stream: TcpStream, mails: mpsc::UnboundedSender<Received>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut recipients = Vec::new();
    if write.write_all(b"220 sink ESMTP\r\n").await.is_err() {
        return;
    }
    while let Ok(Some(line)) = lines.next_line().await {
        let command = line.to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
            b"250 sink\r\n"
        } else if command.starts_with("RCPT TO:") {
            recipients.push(line[8..].trim().trim_start_matches('<').trim_end_matches('>').to_string());
            b"250 OK\r\n"
        } else if command == "DATA" {
            if write.write_all(b"354 go on\r\n").await.is_err() {
                return;
            }
            let (mut subject, mut body, mut in_body) = (String::new(), String::new(), false);
            while let Ok(Some(l)) = lines.next_line().await {
                if l == "." {
                    break;
                }
                if in_body {
                    body.push_str(&l);
                    body.push('\n');
                } else if l.is_empty() {
                    in_body = true;
                } else if let Some(s) = l.strip_prefix("Subject: ") {
                    subject = s.to_string();
                }
            }
            for to in recipients.drain(..) {
                let _ = mails.send(Received { to, subject: subject.clone(), body: body.clone() });
            }
            b"250 OK\r\n"
        } else if command.starts_with("QUIT") {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"250 OK\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}

/// Mail settings that send through the sink; the subject says why a mail went out.
fn mail_through(port: u16) -> MailSettings {
    let compose = Arc::new(|m: &SurveyMail| {
        let why = match m.purpose {
            MailPurpose::Invitation => "invitation",
            MailPurpose::Reminder => "reminder",
        };
        (format!("{why}: {}", m.round_label), m.link.clone())
    });
    MailSettings::new(Some(&format!("smtp://127.0.0.1:{port}")), "Verband <verband@example.nl>", "http://verband.test", compose)
        .expect("mail settings")
}

/// The next `n` mails; a guard against waiting for ever, not a measurement.
async fn next_mails(rx: &mut mpsc::UnboundedReceiver<Received>, n: usize) -> Vec<Received> {
    let mut out = Vec::new();
    while out.len() < n {
        match tokio::time::timeout(Duration::from_secs(60), rx.recv()).await {
            Ok(Some(m)) => out.push(m),
            _ => panic!("expected {n} mails, received {out:?}"),
        }
    }
    out
}

/// Sorted addressees of these mails, checking they all went out for `why`.
fn addressees(mails: &[Received], why: &str) -> Vec<String> {
    assert!(mails.iter().all(|m| m.subject.starts_with(why)), "{mails:?}");
    let mut to: Vec<String> = mails.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to
}

async fn mail_state(svc: &Service, round_id: i64) -> Vec<InvitationMail> {
    let mut conn = svc.store().conn().await.expect("connection");
    verband_store::invitation_mails(&mut conn, round_id).await.expect("invitation mails")
}

/// Waits until the background sender has recorded `n` mails to everyone with an address.
async fn recorded(svc: &Service, round_id: i64, n: i64) {
    for _ in 0..6000 {
        if mail_state(svc, round_id).await.iter().filter(|m| m.email.is_some()).all(|m| m.mail_count >= n) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("mails not recorded: {:?}", mail_state(svc, round_id).await);
}

/// Moves the round's "last mailed" back by `days`, as if that many days had passed.
async fn days_pass(svc: &Service, round_id: i64, days: u64) {
    let then = (chrono::Utc::now() - chrono::Duration::days(i64::try_from(days).unwrap())).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut conn = svc.store().conn().await.expect("connection");
    sqlx::query("UPDATE survey_invitations SET last_mailed_at = $1 WHERE round_id = $2 AND last_mailed_at IS NOT NULL")
        .bind(then)
        .bind(round_id)
        .execute(&mut *conn)
        .await
        .expect("move last mailed");
}

// ---- respondents ------------------------------------------------------------

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

fn person_form(name: &str, email: &str, organisation: i64) -> PersonForm {
    PersonForm {
        name: name.into(),
        email: email.into(),
        organisation_id: organisation.to_string(),
        data_source: "opgegeven door de partner".into(),
        ..Default::default()
    }
}

fn token_of(link: &str) -> String {
    link.rsplit('/').next().expect("token in link").trim().to_string()
}

/// Saves pages of an instrument with these form pairs per page.
async fn submit(svc: &Service, token: &str, pages: &[Vec<(String, String)>]) {
    for (page, form) in pages.iter().enumerate() {
        match svc.submit_survey_page(token, page, form, PageAction::Next).await.expect("submit") {
            PageOutcome::Saved { .. } => {}
            PageOutcome::Invalid { errors, .. } => panic!("page {page} not valid: {errors:?}"),
            PageOutcome::Link(_) => panic!("page {page}: the link is not open"),
        }
    }
}

/// Every page of the collaboration scan with `score` on each statement and `remark`.
fn scan_pages(score: &str, remark: &str) -> Vec<Vec<(String, String)>> {
    let scan = builtin(InstrumentKind::CollaborationScan).expect("collaboration scan");
    scan.pages
        .iter()
        .map(|p| {
            p.questions
                .iter()
                .filter_map(|q| match q.kind {
                    QuestionKind::Scale { .. } => Some((format!("q.{}", q.key), score.to_string())),
                    QuestionKind::OpenText if !remark.is_empty() => Some((format!("q.{}", q.key), remark.to_string())),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

fn pairs(raw: &[(&str, &str)]) -> Vec<(String, String)> {
    raw.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

// ---- reminders --------------------------------------------------------------

#[tokio::test]
async fn reminders_go_by_the_schedule_to_those_who_have_not_finished() {
    both(|svc| async move {
        let (port, mut inbox) = smtp_sink().await;
        let svc = svc.with_mail(mail_through(port));
        let sys = Actor::system("test");
        let network = support::network(&svc, "Gezond Rivierenland").await;
        let org = partner(&svc, network, "Gemeente Rivierstad", "municipality").await.id;
        let mut persons = Vec::new();
        for (name, email) in
            [("Anna", "anna@example.nl"), ("Bas", "bas@example.nl"), ("Cor", "cor@example.nl"), ("Dirk", "dirk@example.nl"), ("Eva", "")]
        {
            persons.push(svc.create_person(&sys, network, &person_form(name, email, org)).await.expect("person").id.to_string());
        }
        let deadline = today() + chrono::Days::new(20);
        let scan = InstrumentRef::Builtin(InstrumentKind::CollaborationScan);
        let form = SurveyRoundForm {
            label: "Voorjaar".into(),
            deadline: deadline.to_string(),
            reminder_days: "3".into(),
            persons: persons.clone(),
            ..Default::default()
        };
        // One round every three days, one without a schedule, and one that will be closed: the
        // last two are never reminded, however long ago they were mailed. Invitations go to the
        // four with an address. Each round waits for the previous one's mail to be recorded:
        // on SQLite a round started while the sender records would fail (see the report).
        let quiet = SurveyRoundForm { label: "Zonder herinneringen".into(), reminder_days: String::new(), ..form.clone() };
        let closing = SurveyRoundForm { label: "Gesloten".into(), reminder_days: "1".into(), ..form.clone() };
        let mut rounds = Vec::new();
        let mut invitations = Vec::new();
        for f in [&form, &quiet, &closing] {
            let id = svc.start_survey_round(&sys, network, scan, f).await.expect("start").round_id;
            let mails = next_mails(&mut inbox, 4).await;
            assert_eq!(
                addressees(&mails, &format!("invitation: {}", f.label)),
                ["anna@example.nl", "bas@example.nl", "cor@example.nl", "dirk@example.nl"]
            );
            recorded(&svc, id, 1).await;
            rounds.push(id);
            invitations.extend(mails);
        }
        let [round, quiet, closing] = rounds[..] else { panic!("three rounds") };

        // Anna finishes through the link in her mail; Bas saves one page and stops.
        let link_of = |to: &str| {
            let m = invitations.iter().find(|m| m.to == to && m.subject == "invitation: Voorjaar").expect("invitation");
            token_of(m.body.lines().find(|l| l.contains("/enquete/")).expect("link in mail"))
        };
        submit(&svc, &link_of("anna@example.nl"), &scan_pages("4", "")).await;
        submit(&svc, &link_of("bas@example.nl"), &scan_pages("4", "")[..1]).await;

        // Mailed today: nothing is due.
        assert_eq!(svc.send_due_reminders(today()).await.expect("reminders"), 0);
        // Two days on for the round (every three days), a month for the others: still nothing.
        days_pass(&svc, round, 2).await;
        days_pass(&svc, quiet, 30).await;
        days_pass(&svc, closing, 30).await;
        assert_eq!(svc.close_survey_round(&sys, network, closing).await.expect("close"), None, "a scan puts nothing on the map");
        assert_eq!(svc.send_due_reminders(today()).await.expect("reminders"), 0, "two days is not three; no schedule; closed");

        // Three days on: due, but not after the deadline.
        days_pass(&svc, round, 3).await;
        assert_eq!(svc.send_due_reminders(deadline + chrono::Days::new(1)).await.expect("reminders"), 0, "after the deadline");
        // On the deadline day itself they go out: to Bas, Cor and Dirk; not Anna (finished), not Eva (no address).
        assert_eq!(svc.send_due_reminders(deadline).await.expect("reminders"), 3);
        let reminders = next_mails(&mut inbox, 3).await;
        assert_eq!(addressees(&reminders, "reminder: Voorjaar"), ["bas@example.nl", "cor@example.nl", "dirk@example.nl"]);
        // Never twice on one day.
        assert_eq!(svc.send_due_reminders(today()).await.expect("reminders"), 0);
        assert_eq!(svc.send_due_reminders(deadline).await.expect("reminders"), 0);

        let state = mail_state(&svc, round).await;
        let by_name = |name: &str| state.iter().find(|m| m.person_name == name).expect("invitation");
        assert_eq!((by_name("Anna").mail_count, by_name("Eva").mail_count), (1, 0));
        // The invitation and one reminder: counted once each, also after the sender is done.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let state = mail_state(&svc, round).await;
        let by_name = |name: &str| state.iter().find(|m| m.person_name == name).expect("invitation");
        assert_eq!((by_name("Bas").mail_count, by_name("Cor").mail_count), (2, 2));
        assert!(by_name("Eva").last_mailed_at.is_none());
        let day = today().to_string();
        for name in ["Bas", "Cor", "Dirk"] {
            assert_eq!(by_name(name).last_mailed_at.as_deref().and_then(|t| t.get(..10)), Some(day.as_str()), "{name}");
        }
    })
    .await;
}

#[tokio::test]
async fn without_smtp_no_reminder_is_sent() {
    both(|svc| async move {
        let sys = Actor::system("test");
        let network = support::network(&svc, "Gezond Rivierenland").await;
        let org = partner(&svc, network, "Gemeente Rivierstad", "municipality").await.id;
        let p = svc.create_person(&sys, network, &person_form("Anna", "anna@example.nl", org)).await.expect("person").id;
        let form = SurveyRoundForm {
            label: "Voorjaar".into(),
            deadline: (today() + chrono::Days::new(20)).to_string(),
            reminder_days: "1".into(),
            persons: vec![p.to_string()],
            ..Default::default()
        };
        let round =
            svc.start_survey_round(&sys, network, InstrumentRef::Builtin(InstrumentKind::CollaborationScan), &form).await.expect("start");
        assert_eq!(svc.send_due_reminders(today()).await.expect("reminders"), 0);
        assert!(matches!(svc.remind_now(&sys, network, round.round_id).await, Err(ServiceError::Conflict(_))));
        // The outbox owes the invitation itself; nothing counts as mailed.
        assert_eq!(mail_state(&svc, round.round_id).await[0].mail_count, 0);
    })
    .await;
}

// ---- themes -----------------------------------------------------------------

#[tokio::test]
async fn themes_stay_with_their_answer_and_show_in_the_results() {
    both(|svc| async move {
        let sys = Actor::system("test");
        let network = support::network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coco", Some((network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "mira", Some((network, NetworkRole::Member))).await;
        let org = partner(&svc, network, "Gemeente Rivierstad", "municipality").await.id;
        let mut persons = Vec::new();
        for name in ["Anna", "Bas", "Cor", "Dirk"] {
            persons.push(svc.create_person(&sys, network, &person_form(name, "", org)).await.expect("person").id.to_string());
        }
        let form = SurveyRoundForm {
            label: "Voorjaar".into(),
            deadline: (today() + chrono::Days::new(20)).to_string(),
            persons,
            ..Default::default()
        };
        let scan = InstrumentRef::Builtin(InstrumentKind::CollaborationScan);
        let round = svc.start_survey_round(&coordinator, network, scan, &form).await.expect("start").round_id;
        let links = svc.fresh_links(&coordinator, network, round, None).await.expect("links");
        for (link, remark) in links.iter().zip(["Zebrapaden in de wijk", "appels en peren", "Meer overleg"]) {
            submit(&svc, &token_of(&link.link), &scan_pages("3", remark)).await;
        }
        let texts = |r: &verband_service::surveys::SurveyResults| {
            r.results
                .open_answers
                .iter()
                .map(|a| (a.index, a.text.clone(), r.themes.get(&(a.question_key.clone(), answer_hash(&a.text))).cloned()))
                .collect::<Vec<_>>()
        };

        let tag = |actor: Actor, text: &'static str, theme: &'static str| {
            let svc = svc.clone();
            async move { svc.tag_open_answer(&actor, network, round, "remarks", &answer_hash(text), theme).await }
        };
        tag(coordinator.clone(), "Meer overleg", "Samenwerking").await.expect("tag");
        tag(coordinator.clone(), "appels en peren", "Taal").await.expect("tag");
        // Members read themes but do not set them; a theme has at most 80 characters.
        assert!(matches!(tag(member.clone(), "Meer overleg", "Iets anders").await, Err(ServiceError::Forbidden)));
        let long = "x".repeat(81).leak();
        assert!(matches!(tag(coordinator.clone(), "Meer overleg", long).await, Err(ServiceError::Invalid(_))));
        let r = svc.survey_results(&member, network, round).await.expect("results");
        assert_eq!(
            texts(&r),
            [
                (0, "appels en peren".to_string(), Some("Taal".to_string())),
                (1, "Meer overleg".to_string(), Some("Samenwerking".to_string())),
                (2, "Zebrapaden in de wijk".to_string(), None),
            ]
        );

        // A fourth answer sorts first: the tagged answers move down, their themes go with them.
        submit(&svc, &token_of(&links[3].link), &scan_pages("3", "Aan de slag")).await;
        // Retagging replaces; an empty theme takes it away.
        tag(coordinator.clone(), "Zebrapaden in de wijk", "Verkeer").await.expect("tag");
        tag(coordinator.clone(), "appels en peren", "").await.expect("untag");
        svc.close_survey_round(&coordinator, network, round).await.expect("close");
        let r = svc.survey_results(&member, network, round).await.expect("results");
        assert_eq!(
            texts(&r),
            [
                (0, "Aan de slag".to_string(), None),
                (1, "appels en peren".to_string(), None),
                (2, "Meer overleg".to_string(), Some("Samenwerking".to_string())),
                (3, "Zebrapaden in de wijk".to_string(), Some("Verkeer".to_string())),
            ]
        );

        // Another network's coordinator cannot tag this round's answers.
        let other = support::network(&svc, "Zorgpersoneel Oost").await;
        let (_, stranger) = user(&svc, "sam", Some((other, NetworkRole::Coordinator))).await;
        assert!(matches!(tag(stranger.clone(), "Meer overleg", "Weg").await, Err(ServiceError::NotFound)));
        let other_round = svc.tag_open_answer(&stranger, other, round, "remarks", &answer_hash("Meer overleg"), "Weg").await;
        assert!(matches!(other_round, Err(ServiceError::NotFound)), "{other_round:?}");
    })
    .await;
}

// ---- relationship survey onto the map ---------------------------------------

#[tokio::test]
async fn a_closed_relationship_survey_puts_its_ties_on_the_map() {
    both(|svc| async move {
        let sys = Actor::system("test");
        let network = support::network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coco", Some((network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "mira", Some((network, NetworkRole::Member))).await;
        let a = partner(&svc, network, "Gemeente Rivierstad", "municipality").await.id;
        let b = partner(&svc, network, "GGD Rivierenland", "public_health").await.id;
        let c = partner(&svc, network, "Welzijn Rivierstad", "welfare").await.id;
        let d = partner(&svc, network, "ROC Rivierenland", "education").await.id;
        let mut persons = Vec::new();
        for (name, org) in [("Anna", a), ("Bas", b), ("Cor", c), ("Dirk", d)] {
            persons.push(svc.create_person(&sys, network, &person_form(name, "", org)).await.expect("person").id.to_string());
        }
        let form = SurveyRoundForm {
            label: "Netwerk 2027".into(),
            deadline: (today() + chrono::Days::new(20)).to_string(),
            persons,
            ..Default::default()
        };
        let survey = InstrumentRef::Builtin(InstrumentKind::RelationshipSurvey);
        let round = svc.start_survey_round(&coordinator, network, survey, &form).await.expect("start").round_id;
        let links = svc.fresh_links(&coordinator, network, round, None).await.expect("links");
        let token = |name: &str| token_of(&links.iter().find(|l| l.person_name == name).expect("link").link);
        let (sa, sb, sc) = (a.to_string(), b.to_string(), c.to_string());
        let rating = |p: &str, item: &str| format!("q.ratings.{p}.{item}");

        // Anna (A) works with B weekly on a project, and with C yearly (trust items only).
        let mut ratings = pairs(&[]);
        for (item, v) in [
            ("frequency", "weekly"),
            ("work", "joint_project"),
            ("reliable", "4"),
            ("mission", "3"),
            ("open", "4"),
            ("influence", "2"),
            ("involvement", "3"),
            ("resources", "4"),
        ] {
            ratings.push((rating(&sb, item), v.to_string()));
        }
        for (item, v) in [("frequency", "yearly"), ("work", "information_exchange"), ("reliable", "3"), ("mission", "3"), ("open", "3")] {
            ratings.push((rating(&sc, item), v.to_string()));
        }
        submit(&svc, &token("Anna"), &[vec![("q.partners".into(), sb.clone()), ("q.partners".into(), sc.clone())], ratings, Vec::new()])
            .await;
        // Bas (B) works with A monthly, referring clients.
        let mut ratings = Vec::new();
        for (item, v) in [
            ("frequency", "monthly"),
            ("work", "client_referral"),
            ("reliable", "2"),
            ("mission", "2"),
            ("open", "2"),
            ("influence", "1"),
            ("involvement", "1"),
            ("resources", "1"),
        ] {
            ratings.push((rating(&sa, item), v.to_string()));
        }
        submit(&svc, &token("Bas"), &[vec![("q.partners".into(), sa.clone())], ratings, Vec::new()]).await;
        // Cor (C) works with A daily on shared funding, and picks B without rating it.
        let mut ratings = Vec::new();
        for (item, v) in [
            ("frequency", "daily"),
            ("work", "shared_funding"),
            ("reliable", "4"),
            ("mission", "4"),
            ("open", "4"),
            ("influence", "3"),
            ("involvement", "3"),
            ("resources", "3"),
        ] {
            ratings.push((rating(&sa, item), v.to_string()));
        }
        submit(&svc, &token("Cor"), &[vec![("q.partners".into(), sa.clone()), ("q.partners".into(), sb.clone())], ratings, Vec::new()])
            .await;
        // Dirk (D) does not answer.

        // Before closing the map has no round.
        assert!(svc.relationship_rounds(&member, network).await.expect("rounds").is_empty());
        assert!(matches!(svc.close_survey_round(&member, network, round).await, Err(ServiceError::Forbidden)));
        let map_round = svc.close_survey_round(&coordinator, network, round).await.expect("close").expect("a relationship round");
        assert!(matches!(svc.close_survey_round(&coordinator, network, round).await, Err(ServiceError::Conflict(_))), "closed once");
        let closed = svc.survey_round(&member, network, round).await.expect("round").round;
        assert_eq!((closed.closed, closed.relationship_round_id), (true, Some(map_round)));

        let rounds = svc.relationship_rounds(&member, network).await.expect("rounds");
        assert_eq!(rounds.len(), 1);
        let r = &rounds[0];
        assert_eq!(
            (r.id, r.label.as_str(), r.origin, r.directed, r.measured_on),
            (map_round, "Netwerk 2027", RoundOrigin::Survey, true, today())
        );
        assert_eq!(r.relationship_count, 5);

        // Strength is the frequency on 1–5 (weekly 4, yearly 1, monthly 3, daily 5; not given: 1);
        // trust and value the means of the items, in hundredths.
        let mut ties: Vec<_> = svc
            .round_relationships(&member, network, map_round)
            .await
            .expect("relationships")
            .relationships
            .into_iter()
            .map(|t| (t.source_id, t.target_id, t.kind.code(), t.strength_centi, t.trust_centi, t.value_centi))
            .collect();
        ties.sort();
        let mut expected = vec![
            // (4 + 3 + 4) / 3 = 3.67; (2 + 3 + 4) / 3 = 3.
            (a, b, "joint_project", 400, Some(367), Some(300)),
            (a, c, "information_exchange", 100, Some(300), None),
            (b, a, "client_referral", 300, Some(200), Some(100)),
            (c, a, "shared_funding", 500, Some(400), Some(300)),
            (c, b, "other", 100, None, None),
        ];
        expected.sort();
        assert_eq!(ties, expected);

        // The map reads the survey's round: the latest, directed, with D alone.
        let map = svc.network_map(&member, network, &MapQuery::default()).await.expect("map");
        assert_eq!(map.round.as_ref().map(|r| r.id), Some(map_round));
        assert_eq!(map.analysis.scores.isolated, 1);
        assert!(map.analysis.partners.iter().find(|p| p.id == d).is_some_and(|p| p.isolated));
        // Four of the five reported ties were reported back (A–B and A–C both ways, C→B not).
        let reciprocity = map.analysis.scores.reciprocity.expect("directed round has reciprocity");
        assert!((reciprocity - 0.8).abs() < 1e-9, "{reciprocity}");
    })
    .await;
}
