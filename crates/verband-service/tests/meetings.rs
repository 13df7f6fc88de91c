//! Meetings, agenda, attendance, decisions, action items, stories, calendar
//! feeds and the vitality panel, on SQLite and PostgreSQL.

mod support;

use support::{both, network, partner, system, user};
use verband_domain::vitality::{SignalKind, SignalStatus};
use verband_domain::{
    ActionDoneForm, ActionItemForm, AgendaItemForm, AgendaOrderForm, AttendanceForm, AttendanceStatus, BodyForm, DecisionForm, MeetingForm,
    NetworkRole, StoryForm,
};
use verband_service::{Service, ServiceError};

struct Setup {
    network: i64,
    other_network: i64,
    body: i64,
    coordinator_org: i64,
    welfare: i64,
    school: i64,
}

async fn setup(svc: &Service) -> Setup {
    let network = network(svc, "Gezond Rivierenland").await;
    let other_network = network_b(svc).await;
    let coordinator_org = partner(svc, network, "Gemeente Rivierstad", "municipality").await.id;
    let welfare = partner(svc, network, "Welzijn Rivierenland", "welfare").await.id;
    let school = partner(svc, network, "ROC Rivierenland", "education").await.id;
    let body =
        svc.save_body(&system(), network, None, &BodyForm { kind: "steering_group".into(), name: "Regiegroep".into() }).await.unwrap();
    Setup { network, other_network, body, coordinator_org, welfare, school }
}

async fn network_b(svc: &Service) -> i64 {
    network(svc, "Kansrijk Lingedal").await
}

fn meeting_form(s: &Setup, date: &str) -> MeetingForm {
    MeetingForm {
        body_id: s.body.to_string(),
        date: date.into(),
        start_time: "15:00".into(),
        place: "Gemeentehuis".into(),
        invited_organisation_ids: vec![s.coordinator_org.to_string(), s.welfare.to_string(), s.school.to_string()],
        ..Default::default()
    }
}

#[tokio::test]
async fn a_meeting_is_planned_proposed_to_recorded_and_followed_up() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        svc.set_user_organisation(&system(), "coord", s.network, Some(s.coordinator_org)).await.unwrap();
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        svc.set_user_organisation(&system(), "lid", s.network, Some(s.welfare)).await.unwrap();
        let (_, advisor) = user(&svc, "adviseur", Some((s.network, NetworkRole::Advisor))).await;

        let meeting = svc.save_meeting(&coordinator, s.network, None, &meeting_form(&s, "2026-03-12")).await.unwrap();
        // Members may not plan meetings; advisors may not propose.
        assert!(matches!(svc.save_meeting(&member, s.network, None, &meeting_form(&s, "2026-04-01")).await, Err(ServiceError::Forbidden)));
        let item = AgendaItemForm { title: "Voortgang beweegmaatjes".into(), ..Default::default() };
        assert!(matches!(svc.propose_agenda_item(&advisor, s.network, meeting, &item).await, Err(ServiceError::Forbidden)));

        let own = svc
            .propose_agenda_item(&coordinator, s.network, meeting, &AgendaItemForm { title: "Begroting 2027".into(), ..Default::default() })
            .await
            .unwrap();
        let theirs = svc.propose_agenda_item(&member, s.network, meeting, &item).await.unwrap();
        let detail = svc.meeting(&advisor, s.network, meeting).await.unwrap();
        let by: Vec<(i64, Option<i64>, bool)> =
            detail.agenda.iter().map(|a| (a.id, a.brought_in_by_organisation_id, a.by_coordinator)).collect();
        assert_eq!(by, vec![(own, Some(s.coordinator_org), true), (theirs, Some(s.welfare), false)]);

        svc.order_agenda(&coordinator, s.network, meeting, &AgendaOrderForm { item_ids: vec![theirs.to_string(), own.to_string()] })
            .await
            .unwrap();
        let order: Vec<i64> = svc.meeting(&coordinator, s.network, meeting).await.unwrap().agenda.iter().map(|a| a.id).collect();
        assert_eq!(order, vec![theirs, own]);

        let attendance =
            AttendanceForm { present_organisation_ids: vec![s.coordinator_org.to_string(), s.welfare.to_string()], ..Default::default() };
        // One earlier meeting with attendance: too little for the signal yet.
        let earlier = svc.save_meeting(&coordinator, s.network, None, &meeting_form(&s, "2026-02-12")).await.unwrap();
        svc.record_attendance(&coordinator, s.network, earlier, &attendance).await.unwrap();
        let before = svc.vitality(&coordinator, s.network).await.unwrap();
        svc.record_attendance(&coordinator, s.network, meeting, &attendance).await.unwrap();
        // The panel is cached per network, but a change makes it current again.
        let after = svc.vitality(&coordinator, s.network).await.unwrap();
        let attended = |p: &verband_service::VitalityPanel| p.report.signal(SignalKind::Attendance).map(|s| s.display.clone());
        assert_ne!(attended(&before), attended(&after), "attendance shows in the panel at once");
        svc.add_decision(
            &coordinator,
            s.network,
            meeting,
            &DecisionForm { text: "De regiegroep stemt in met de pilot.".into(), ..Default::default() },
        )
        .await
        .unwrap();
        let for_school = ActionItemForm {
            description: "Plan gesprek met de mbo-opleiding".into(),
            owner_organisation_id: s.school.to_string(),
            due: "2026-04-01".into(),
            ..Default::default()
        };
        let for_welfare = ActionItemForm { owner_organisation_id: s.welfare.to_string(), ..for_school.clone() };
        let school_action = svc.add_action(&coordinator, s.network, Some(meeting), &for_school).await.unwrap();
        let welfare_action = svc.add_action(&coordinator, s.network, Some(meeting), &for_welfare).await.unwrap();

        let detail = svc.meeting(&coordinator, s.network, meeting).await.unwrap();
        let statuses: Vec<(i64, AttendanceStatus)> = detail.attendance.iter().map(|a| (a.organisation_id, a.status)).collect();
        assert!(statuses.contains(&(s.school, AttendanceStatus::Absent)), "invited but not named counts as absent: {statuses:?}");
        assert_eq!(detail.decisions.len(), 1);
        assert_eq!(detail.actions.len(), 2);

        // Owners tick their own items off, not someone else's.
        let done = ActionDoneForm { done_on: "2026-03-20".into() };
        svc.set_action_done(&member, s.network, welfare_action, true, &done).await.unwrap();
        assert!(matches!(svc.set_action_done(&member, s.network, school_action, true, &done).await, Err(ServiceError::Forbidden)));
        let actions = svc.actions(&coordinator, s.network).await.unwrap();
        let welfare_done = actions.iter().find(|a| a.id == welfare_action).and_then(|a| a.done_on);
        assert_eq!(welfare_done.map(|d| d.to_string()), Some("2026-03-20".to_string()));
        assert!(matches!(
            svc.set_action_done(&member, s.network, welfare_action, true, &ActionDoneForm { done_on: "2999-01-01".into() }).await,
            Err(ServiceError::Invalid(_))
        ));

        // Stories: a member shares for its own organisation.
        svc.share_story(
            &member,
            s.network,
            &StoryForm { title: "Eerste beweegmaatje".into(), text: "Het werkt.".into(), organisation_id: s.school.to_string() },
        )
        .await
        .unwrap();
        let stories = svc.stories(&advisor, s.network, Some(5)).await.unwrap();
        assert_eq!(stories[0].organisation_id, Some(s.welfare));
    })
    .await;
}

#[tokio::test]
async fn links_must_stay_inside_the_network() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let stranger = partner(&svc, s.other_network, "Stichting Elders", "welfare").await.id;
        let mut form = meeting_form(&s, "2026-03-12");
        form.invited_organisation_ids.push(stranger.to_string());
        let e = svc.save_meeting(&system(), s.network, None, &form).await.unwrap_err();
        assert!(matches!(e, ServiceError::Invalid(ref v) if v.for_field("invitedOrganisationIds").is_some()), "{e:?}");
        let other_body = svc
            .save_body(&system(), s.other_network, None, &BodyForm { kind: "working_group".into(), name: "Werkgroep".into() })
            .await
            .unwrap();
        let e = svc
            .save_meeting(&system(), s.network, None, &MeetingForm { body_id: other_body.to_string(), ..meeting_form(&s, "2026-03-12") })
            .await;
        assert!(matches!(e, Err(ServiceError::Invalid(ref v)) if v.for_field("bodyId").is_some()));
        // Another network's member sees nothing of these meetings.
        let meeting = svc.save_meeting(&system(), s.network, None, &meeting_form(&s, "2026-03-12")).await.unwrap();
        let (_, outsider) = user(&svc, "buiten", Some((s.other_network, NetworkRole::Member))).await;
        assert!(matches!(svc.meeting(&outsider, s.network, meeting).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.meetings(&outsider, s.network, None).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.vitality(&outsider, s.network).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn calendar_feeds_work_without_a_session_until_revoked() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        svc.save_meeting(&system(), s.network, None, &meeting_form(&s, "2026-03-12")).await.unwrap();
        let token = svc.create_calendar_feed(&member, s.network, None).await.unwrap();
        let feed = svc.calendar_feed(&token).await.unwrap();
        assert_eq!(feed.meetings.len(), 1);
        assert_eq!(feed.network_name, "Gezond Rivierenland");
        assert!(svc.calendar_feed("not-a-token").await.is_err());
        let feeds = svc.calendar_feeds(&member, s.network).await.unwrap();
        svc.revoke_calendar_feed(&member, s.network, feeds[0].id).await.unwrap();
        assert!(matches!(svc.calendar_feed(&token).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn the_demo_network_drains_and_its_panel_says_so() {
    both(|svc| async move {
        svc.seed_demo(verband_service::demo::DEMO_SEED, 1).await.unwrap();
        let panel = svc.vitality(&system(), 1).await.unwrap();
        let report = &panel.report;
        assert!(report.worst_status().is_flagged(), "the draining demo network warns: {:?}", report.composite);
        let agenda = report.signal(SignalKind::AgendaShare).unwrap();
        assert!(agenda.status.is_flagged(), "agenda ownership drained: {agenda:?}");
        assert!(!panel.history.is_empty());
        // The small network meets irregularly but is not in alarm.
        let small = svc.vitality(&system(), 2).await.unwrap();
        assert_ne!(small.report.composite.status, SignalStatus::Alarm);
    })
    .await;
}
