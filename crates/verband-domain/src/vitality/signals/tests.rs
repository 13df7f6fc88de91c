//! Hand-made cases for each signal: ones that must fire and ones that must not.

use chrono::NaiveDate;

use super::*;
use crate::meeting::BodyKind;
use crate::vitality::{ActionFacts, AgendaFacts, ArgValue, BodyFacts, MeetingFacts, MembershipFacts, StoryFacts};

const COORD: i64 = 1;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn base() -> VitalityInput {
    VitalityInput {
        coordinator_organisation_ids: vec![COORD],
        bodies: vec![
            BodyFacts { id: 1, kind: BodyKind::SteeringGroup, name: "regiegroep".into() },
            BodyFacts { id: 2, kind: BodyKind::WorkingGroup, name: "werkgroep jeugd".into() },
        ],
        memberships: (1..=6).map(|o| MembershipFacts { organisation_id: o, joined: None, left: None }).collect(),
        ..Default::default()
    }
}

/// A meeting of body `body` with partners 1..=6 invited, `present` of them
/// there, and agenda items from the given organisations.
fn meeting(id: i64, body: i64, date: &str, present: &[i64], agenda_from: &[i64]) -> MeetingFacts {
    MeetingFacts {
        id,
        body_id: body,
        date: d(date),
        invited: (1..=6).collect(),
        present: Some(present.to_vec()),
        agenda: agenda_from.iter().map(|o| AgendaFacts { organisation_id: Some(*o), by_coordinator: *o == COORD }).collect(),
    }
}

fn monthly(input: &mut VitalityInput, body: i64, first_id: i64, n: usize, present: &[i64], agenda_from: &[i64]) {
    for i in 0..n {
        let date = NaiveDate::from_ymd_opt(2025, 1 + i as u32, 10 + body as u32).unwrap();
        input.meetings.push(meeting(first_id + i as i64, body, &date.to_string(), present, agenda_from));
    }
}

fn sig(r: &VitalityReport, k: SignalKind) -> &Signal {
    r.signal(k).unwrap()
}

fn settings() -> VitalitySettings {
    VitalitySettings::default()
}

#[test]
fn attendance_fires_below_thresholds_and_not_above() {
    let mut input = base();
    monthly(&mut input, 1, 1, 6, &[1, 2, 3, 4, 5], &[1, 2, 3, 4, 5]);
    let r = vitality(&input, &settings(), d("2025-06-30"));
    let a = sig(&r, SignalKind::Attendance);
    assert_eq!(a.display, "83%");
    assert_eq!(a.status, SignalStatus::Ok);
    assert_eq!(a.explanation.key, "vitality-attendance-ok");

    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[1, 2, 3, 4, 5]);
    for (i, date) in ["2025-04-11", "2025-05-11", "2025-06-11"].iter().enumerate() {
        input.meetings.push(meeting(20 + i as i64, 1, date, &[1, 2, 3], &[1, 2, 3, 4, 5]));
    }
    let r = vitality(&input, &settings(), d("2025-06-30"));
    let a = sig(&r, SignalKind::Attendance);
    assert_eq!(a.value, Some(0.5));
    assert_eq!(a.status, SignalStatus::Alarm);
    assert_eq!(a.previous.map(|p| (p * 100.0).round()), Some(83.0));
    assert_eq!(a.trend, Some(Trend { direction: TrendDirection::Down, good: Some(false) }));
    assert!(a.explanation.key.starts_with("vitality-attendance-low"), "{:?}", a.explanation);

    // 4 of 6 (67%) is watch.
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4], &[1, 2, 3, 4, 5]);
    assert_eq!(sig(&vitality(&input, &settings(), d("2025-06-30")), SignalKind::Attendance).status, SignalStatus::Watch);
}

#[test]
fn only_the_coordinator_on_the_agenda_is_named_per_body() {
    let mut input = base();
    // The steering group's agenda is all the coordinator's; the working
    // group's is the partners'. Pooled it looks fine; the body does not.
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[1, 1, 1, 1]);
    monthly(&mut input, 2, 10, 3, &[1, 2, 3, 4, 5], &[2, 3, 4, 5, 6]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    let a = sig(&r, SignalKind::AgendaShare);
    assert_eq!(a.value.map(|v| (v * 100.0).round()), Some(56.0));
    assert_eq!(a.status, SignalStatus::Watch, "one body in alarm lifts the network to watch, not to alarm");
    assert_eq!(a.explanation.key, "vitality-agenda-only-coordinator");
    assert_eq!(a.explanation.arg("body"), Some(&ArgValue::Text("regiegroep".into())));
    assert_eq!(a.explanation.arg("count"), Some(&ArgValue::Number(3)));
    let body = a.bodies.iter().find(|b| b.body_id == 1).unwrap();
    assert_eq!((body.value, body.status), (Some(0.0), SignalStatus::Alarm));

    let c = sig(&r, SignalKind::AgendaContributors);
    assert_eq!(c.value, Some(5.0));
    assert_eq!(c.status, SignalStatus::Ok);
}

#[test]
fn agenda_share_network_wide() {
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[1, 1, 1, 1, 2]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    let a = sig(&r, SignalKind::AgendaShare);
    assert_eq!(a.display, "20%");
    assert_eq!(a.status, SignalStatus::Watch);
    let c = sig(&r, SignalKind::AgendaContributors);
    assert_eq!((c.value, c.status), (Some(1.0), SignalStatus::Watch));
    assert_eq!(c.explanation.key, "vitality-contributors");

    // Items flagged as the coordinator's count as such whatever the organisation.
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[2, 3, 4, 5]);
    for m in &mut input.meetings {
        m.agenda.iter_mut().for_each(|a| a.by_coordinator = true);
    }
    let r = vitality(&input, &settings(), d("2025-03-30"));
    assert_eq!(sig(&r, SignalKind::AgendaShare).status, SignalStatus::Alarm);
    assert_eq!(sig(&r, SignalKind::AgendaContributors).explanation.key, "vitality-contributors-none");
}

#[test]
fn small_samples_warn_but_do_not_alarm() {
    let mut input = base();
    // Six items in three meetings, none from partners: a clear pattern, but
    // fewer than ten items.
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[1, 1]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    assert_eq!(sig(&r, SignalKind::AgendaShare).status, SignalStatus::Watch);
    let mut strict = settings();
    strict.min_sample_for_alarm = 5;
    assert_eq!(sig(&vitality(&input, &strict, d("2025-03-30")), SignalKind::AgendaShare).status, SignalStatus::Alarm);
}

#[test]
fn not_enough_data_instead_of_a_guess() {
    let r = vitality(&base(), &settings(), d("2025-03-30"));
    assert!(r.signals.iter().all(|s| s.status == SignalStatus::NotEnoughData && s.value.is_none() && s.display == "–"));
    assert_eq!(r.composite.status, SignalStatus::NotEnoughData);
    assert_eq!(r.composite.explanation.key, "vitality-composite-not-enough-data");
    assert_eq!(sig(&r, SignalKind::SurveyResponse).explanation.key, "vitality-not-measured");

    // One meeting is not a window.
    let mut input = base();
    monthly(&mut input, 1, 1, 1, &[1], &[1, 1, 1, 1, 1, 1]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    assert_eq!(sig(&r, SignalKind::Attendance).status, SignalStatus::NotEnoughData);
    assert_eq!(sig(&r, SignalKind::Attendance).explanation.key, "vitality-not-enough-meetings");
    // Before any meeting, nothing counts, even though meetings follow.
    let mut input = base();
    monthly(&mut input, 1, 1, 6, &[1, 2], &[1, 1]);
    assert_eq!(sig(&vitality(&input, &settings(), d("2024-12-01")), SignalKind::Attendance).status, SignalStatus::NotEnoughData);
}

#[test]
fn actions_on_time_counts_done_and_overdue_items() {
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[2, 3, 4]);
    let mut id = 0;
    let mut act = |meeting: i64, due: &str, done: Option<&str>| {
        id += 1;
        ActionFacts { id, meeting_id: Some(meeting), owner_organisation_id: Some(2), due: d(due), done_on: done.map(d) }
    };
    input.actions = vec![
        act(1, "2025-02-01", Some("2025-01-30")),
        act(1, "2025-02-01", Some("2025-02-01")),
        act(2, "2025-03-01", Some("2025-02-20")),
        act(2, "2025-03-01", Some("2025-03-20")),
        act(2, "2025-03-01", None),
        act(3, "2025-03-20", None),
        act(3, "2025-04-30", None),               // not due yet: does not count
        act(3, "2025-04-30", Some("2025-03-25")), // done early: counts
    ];
    let r = vitality(&input, &settings(), d("2025-03-30"));
    let a = sig(&r, SignalKind::ActionsOnTime);
    assert_eq!(a.value, Some(4.0 / 7.0));
    assert_eq!(a.status, SignalStatus::Watch);
    assert_eq!(a.explanation.key, "vitality-actions-late");
    assert_eq!(a.explanation.arg("overdue"), Some(&ArgValue::Number(2)));
    // Seen on an earlier day, the late item was still open and fewer were due.
    let r = vitality(&input, &settings(), d("2025-03-10"));
    assert_eq!(sig(&r, SignalKind::ActionsOnTime).explanation.arg("count"), Some(&ArgValue::Number(5)));
    // Items not made at a meeting use the day window by due date.
    input.actions.iter_mut().for_each(|a| a.meeting_id = None);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    assert_eq!(sig(&r, SignalKind::ActionsOnTime).value, Some(3.0 / 6.0));
}

#[test]
fn membership_and_stories_use_the_day_window() {
    let mut input = base();
    monthly(&mut input, 1, 1, 12, &[1, 2, 3, 4, 5], &[2, 3, 4]);
    input.memberships[5].left = Some(d("2025-10-01"));
    input.memberships[4].left = Some(d("2025-11-01"));
    input.memberships.push(MembershipFacts { organisation_id: 7, joined: Some(d("2025-06-01")), left: None });
    input.stories = vec![StoryFacts { shared_on: d("2025-11-20"), organisation_id: Some(3) }];
    let r = vitality(&input, &settings(), d("2025-12-15"));
    let m = sig(&r, SignalKind::Membership);
    assert_eq!(m.display, "+0 / −2");
    assert_eq!(m.value.map(|v| (v * 100.0).round()), Some(-29.0));
    assert_eq!(m.status, SignalStatus::Alarm);
    assert_eq!(m.previous.map(|v| (v * 100.0).round()), Some(17.0));
    let s = sig(&r, SignalKind::Stories);
    assert_eq!((s.value, s.status), (Some(1.0), SignalStatus::Ok));
    // A quiet spell is worth a look, never an alarm on its own.
    let r = vitality(&input, &settings(), d("2026-05-01"));
    let s = sig(&r, SignalKind::Stories);
    assert_eq!((s.value, s.status), (Some(0.0), SignalStatus::Watch));
    assert_eq!(s.explanation.arg("count"), Some(&ArgValue::Number(0)));
    // Less history than the window: no verdict on membership or stories.
    let r = vitality(&input, &settings(), d("2025-02-15"));
    assert_eq!(sig(&r, SignalKind::Stories).status, SignalStatus::NotEnoughData);
    assert_eq!(sig(&r, SignalKind::Membership).explanation.key, "vitality-not-enough-history");
}

#[test]
fn survey_and_commitments_plug_in_when_measured() {
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[2, 3, 4, 1, 5]);
    let before = vitality(&input, &settings(), d("2025-03-30")).composite.value;
    input.survey_response = Some(vec![
        RatePoint { date: d("2024-03-01"), value: 0.72 },
        RatePoint { date: d("2025-03-01"), value: 0.41 },
        RatePoint { date: d("2026-03-01"), value: 0.9 },
    ]);
    input.commitments_delivered = Some(vec![]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    let sv = sig(&r, SignalKind::SurveyResponse);
    assert_eq!((sv.display.as_str(), sv.status), ("41%", SignalStatus::Watch));
    assert_eq!(sv.trend.map(|t| t.direction), Some(TrendDirection::Down));
    assert_eq!(sv.explanation.key, "vitality-survey-response");
    let c = sig(&r, SignalKind::CommitmentsDelivered);
    assert_eq!((c.status, c.explanation.key.as_str()), (SignalStatus::NotEnoughData, "vitality-no-measurement-yet"));
    assert!(r.composite.value < before, "a weak survey response pulls the index down");
    // Attendance, agenda share, contributors and the survey; membership and
    // stories need 120 days of history first.
    assert_eq!(r.composite.parts, 4);
}

#[test]
fn trend_is_flat_within_the_band() {
    assert_eq!(trend(Some(0.80), Some(0.78), 0.05).map(|t| t.direction), Some(TrendDirection::Flat));
    assert_eq!(trend(Some(0.80), Some(0.70), 0.05), Some(Trend { direction: TrendDirection::Up, good: Some(true) }));
    assert_eq!(trend(Some(0.80), None, 0.05), None);
}

#[test]
fn scores_follow_the_thresholds() {
    let t = Thresholds::new(0.70, Some(0.55), 0.85, 0.05, 3.0);
    assert_eq!(t.score(0.85), 100.0);
    assert_eq!(t.score(0.95), 100.0);
    assert!((t.score(0.70) - 60.0).abs() < 1e-9);
    assert!((t.score(0.55) - 30.0).abs() < 1e-9);
    assert_eq!(t.score(0.0), 0.0);
    assert!(t.score(0.62) > 30.0 && t.score(0.62) < 60.0);
    let no_alarm = Thresholds::new(1.0, None, 4.0, 0.5, 1.0);
    assert_eq!(no_alarm.status(0.0), SignalStatus::Watch);
    assert!((no_alarm.score(0.0) - 40.0).abs() < 1e-9);
}

#[test]
fn composite_weighs_the_parts_that_have_data() {
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5, 6], &[2, 3, 4, 5, 1]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    // Attendance 100%, agenda 80%, contributors 4: all at "good".
    assert_eq!(r.composite.value, Some(100.0));
    assert_eq!(r.composite.parts, 3);
    assert_eq!(r.composite.status, SignalStatus::Ok);

    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2], &[1, 1, 1, 1, 2]);
    let r = vitality(&input, &settings(), d("2025-03-30"));
    assert_eq!(r.composite.status, SignalStatus::Alarm);
    assert_eq!(r.composite.explanation.key, "vitality-composite-weakest");
    assert!(matches!(r.composite.explanation.arg("weakest"), Some(ArgValue::Label(k)) if k.starts_with("vitality-signal-")));
    // A weight of zero leaves a signal out.
    let mut s = settings();
    s.thresholds.attendance.weight = 0.0;
    s.thresholds.agenda_share.weight = 0.0;
    assert_eq!(vitality(&input, &s, d("2025-03-30")).composite.parts, 1);
    assert_eq!(vitality(&input, &s, d("2025-03-30")).composite.status, SignalStatus::NotEnoughData);
}

#[test]
fn thresholds_and_window_come_from_settings() {
    let mut input = base();
    monthly(&mut input, 1, 1, 6, &[1, 2, 3, 4], &[2, 3, 4]);
    let mut s = settings();
    assert_eq!(sig(&vitality(&input, &s, d("2025-06-30")), SignalKind::Attendance).status, SignalStatus::Watch);
    s.thresholds.attendance.watch = 0.6;
    s.thresholds.attendance.alarm = Some(0.4);
    assert_eq!(sig(&vitality(&input, &s, d("2025-06-30")), SignalKind::Attendance).status, SignalStatus::Ok);

    // Window of two meetings per body, or of 45 days.
    let mut input = base();
    monthly(&mut input, 1, 1, 4, &[1, 2, 3, 4, 5, 6], &[2, 3, 4]);
    input.meetings[2].present = Some(vec![1]);
    input.meetings[3].present = Some(vec![1]);
    let mut s = settings();
    s.window_meetings = 2;
    assert_eq!(sig(&vitality(&input, &s, d("2025-04-30")), SignalKind::Attendance).value.map(|v| (v * 100.0).round()), Some(17.0));
    s.window_by = WindowBy::Days;
    s.window_days = 45;
    let a = vitality(&input, &s, d("2025-04-30"));
    assert_eq!(sig(&a, SignalKind::Attendance).status, SignalStatus::NotEnoughData, "one meeting in 45 days");
}

#[test]
fn dormant_bodies_drop_out() {
    let mut input = base();
    monthly(&mut input, 2, 1, 3, &[1], &[1, 1, 1]);
    let r = vitality(&input, &settings(), d("2026-06-01"));
    assert_eq!(sig(&r, SignalKind::Attendance).status, SignalStatus::NotEnoughData);
}

#[test]
fn settings_check_catches_inverted_thresholds() {
    assert!(VitalitySettings::default().check().is_ok());
    let mut s = VitalitySettings::default();
    s.thresholds.agenda_share.alarm = Some(0.4);
    s.window_meetings = 0;
    let e = s.check().unwrap_err();
    assert_eq!(e.for_field("thresholds.agendaShare.alarm").unwrap().code, "threshold-order");
    assert_eq!(e.for_field("windowMeetings").unwrap().code, "number-invalid");
}

#[test]
fn unknown_agenda_origin_is_left_out() {
    let mut input = base();
    monthly(&mut input, 1, 1, 3, &[1, 2, 3, 4, 5], &[2, 3]);
    for m in &mut input.meetings {
        m.agenda.push(AgendaFacts { organisation_id: None, by_coordinator: false });
    }
    let r = vitality(&input, &settings(), d("2025-03-30"));
    assert_eq!(sig(&r, SignalKind::AgendaShare).value, Some(1.0));
}
