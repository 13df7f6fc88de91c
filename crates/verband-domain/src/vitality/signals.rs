//! The rules: from a sorted index of the input to signals, composite and
//! history. Everything is sorted once in [`VitalityIndex::new`]; a report
//! for one day reads its windows by binary search, so its cost depends on
//! the window, not on the length of the history.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Days, NaiveDate};

use super::{
    BodySignal, Composite, HistoryPoint, Message, RatePoint, Signal, SignalKind, SignalStatus, SignalUnit, Thresholds, Trend,
    TrendDirection, VitalityInput, VitalityReport, VitalitySettings, WindowBy,
};

/// The report for one day.
pub fn vitality(input: &VitalityInput, settings: &VitalitySettings, as_of: NaiveDate) -> VitalityReport {
    VitalityIndex::new(input).report(settings, as_of)
}

/// The index and every signal's value at each date on which a meeting took
/// place (up to the last one), oldest first: the data of the chart.
pub fn history(input: &VitalityInput, settings: &VitalitySettings) -> Vec<HistoryPoint> {
    let index = VitalityIndex::new(input);
    index.history(settings, index.meeting_dates())
}

/// A due (or done) action item: (due, done_on).
type ActionDates = (NaiveDate, Option<NaiveDate>);

#[derive(Debug, Clone)]
struct MeetingStat {
    /// (present, expected) partners; `None` when attendance is not recorded
    /// or nobody was expected.
    attendance: Option<(u32, u32)>,
    /// Agenda items whose source is known.
    items: u32,
    /// Of those, brought in by partners other than the coordinator.
    partner_items: u32,
    /// Distinct partners (not the coordinator) that brought in items.
    partners: Vec<i64>,
    actions: Vec<ActionDates>,
}

#[derive(Debug, Clone)]
struct BodyIndex {
    id: i64,
    name: String,
    /// Sorted; `stats[i]` belongs to `dates[i]`.
    dates: Vec<NaiveDate>,
    stats: Vec<MeetingStat>,
}

/// The input, sorted and pre-aggregated per meeting. Build once, then ask
/// for reports at any date.
#[derive(Debug, Clone)]
pub struct VitalityIndex {
    bodies: Vec<BodyIndex>,
    /// Action items not tied to a (known) meeting, sorted by due date.
    loose_actions: Vec<ActionDates>,
    /// Members whose joining date is unknown (there from the start).
    founding_members: usize,
    joined: Vec<NaiveDate>,
    left: Vec<NaiveDate>,
    /// Membership spans of the coordinator's own organisations, which do not
    /// count as "other partners".
    coordinator_spans: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
    stories: Vec<NaiveDate>,
    survey: Option<Vec<RatePoint>>,
    commitments: Option<Vec<RatePoint>>,
    first_activity: Option<NaiveDate>,
    meeting_dates: Vec<NaiveDate>,
    /// Every meeting as (date, body, position in the body), in date order:
    /// the network's most recent meetings across bodies.
    order: Vec<(NaiveDate, usize, usize)>,
}

fn active_on(joined: Option<NaiveDate>, left: Option<NaiveDate>, d: NaiveDate) -> bool {
    joined.is_none_or(|j| j <= d) && left.is_none_or(|l| l > d)
}

fn count_upto(sorted: &[NaiveDate], d: NaiveDate) -> usize {
    sorted.partition_point(|x| *x <= d)
}

/// Count of dates in (from, to].
fn count_between(sorted: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> usize {
    count_upto(sorted, to).saturating_sub(count_upto(sorted, from))
}

fn days_before(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MIN)
}

fn ratio(n: u32, d: u32) -> f64 {
    if d == 0 {
        0.0
    } else {
        f64::from(n) / f64::from(d)
    }
}

fn percent(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

impl VitalityIndex {
    pub fn new(input: &VitalityInput) -> Self {
        let coordinator = |org: Option<i64>| org.is_some_and(|o| input.coordinator_organisation_ids.contains(&o));

        let mut actions_by_meeting: HashMap<i64, Vec<ActionDates>> = HashMap::new();
        let meeting_ids: std::collections::HashSet<i64> = input.meetings.iter().map(|m| m.id).collect();
        let mut loose_actions = Vec::new();
        for a in &input.actions {
            match a.meeting_id {
                Some(id) if meeting_ids.contains(&id) => actions_by_meeting.entry(id).or_default().push((a.due, a.done_on)),
                _ => loose_actions.push((a.due, a.done_on)),
            }
        }
        loose_actions.sort();

        let mut body_pos: HashMap<i64, usize> = HashMap::new();
        let mut bodies: Vec<BodyIndex> = Vec::new();
        for b in &input.bodies {
            body_pos.entry(b.id).or_insert_with(|| {
                bodies.push(BodyIndex { id: b.id, name: b.name.clone(), dates: Vec::new(), stats: Vec::new() });
                bodies.len() - 1
            });
        }

        let mut order = Vec::with_capacity(input.meetings.len());
        let mut meetings: Vec<&super::MeetingFacts> = input.meetings.iter().collect();
        meetings.sort_by_key(|m| (m.date, m.id));
        for m in meetings {
            let pos = *body_pos.entry(m.body_id).or_insert_with(|| {
                bodies.push(BodyIndex { id: m.body_id, name: format!("#{}", m.body_id), dates: Vec::new(), stats: Vec::new() });
                bodies.len() - 1
            });
            let attendance = m.present.as_ref().and_then(|present| {
                let expected: Vec<i64> = if m.invited.is_empty() {
                    input.memberships.iter().filter(|ms| active_on(ms.joined, ms.left, m.date)).map(|ms| ms.organisation_id).collect()
                } else {
                    m.invited.clone()
                };
                let mut seen: Vec<i64> = Vec::with_capacity(present.len());
                for p in present {
                    if expected.contains(p) && !seen.contains(p) {
                        seen.push(*p);
                    }
                }
                (!expected.is_empty()).then_some((seen.len() as u32, expected.len() as u32))
            });
            let mut items = 0;
            let mut partner_items = 0;
            let mut partners: Vec<i64> = Vec::new();
            for a in &m.agenda {
                if a.by_coordinator || coordinator(a.organisation_id) {
                    items += 1;
                } else if let Some(org) = a.organisation_id {
                    items += 1;
                    partner_items += 1;
                    if !partners.contains(&org) {
                        partners.push(org);
                    }
                }
                // An item of unknown origin says nothing about ownership.
            }
            let body = &mut bodies[pos];
            order.push((m.date, pos, body.dates.len()));
            body.dates.push(m.date);
            body.stats.push(MeetingStat {
                attendance,
                items,
                partner_items,
                partners,
                actions: actions_by_meeting.remove(&m.id).unwrap_or_default(),
            });
        }

        let mut founding_members = 0;
        let mut joined = Vec::new();
        let mut left = Vec::new();
        let mut coordinator_spans = Vec::new();
        for ms in &input.memberships {
            match ms.joined {
                Some(d) => joined.push(d),
                None => founding_members += 1,
            }
            if let Some(d) = ms.left {
                left.push(d);
            }
            if coordinator(Some(ms.organisation_id)) {
                coordinator_spans.push((ms.joined, ms.left));
            }
        }
        joined.sort();
        left.sort();

        let mut stories: Vec<NaiveDate> = input.stories.iter().map(|s| s.shared_on).collect();
        stories.sort();
        let sorted_points = |p: &Option<Vec<RatePoint>>| {
            p.as_ref().map(|v| {
                let mut v = v.clone();
                v.sort_by_key(|r| r.date);
                v
            })
        };

        let mut meeting_dates: Vec<NaiveDate> = input.meetings.iter().map(|m| m.date).collect();
        meeting_dates.sort();
        meeting_dates.dedup();
        let first_activity =
            [meeting_dates.first().copied(), joined.first().copied(), stories.first().copied()].into_iter().flatten().min();

        VitalityIndex {
            bodies,
            loose_actions,
            founding_members,
            joined,
            left,
            coordinator_spans,
            stories,
            survey: sorted_points(&input.survey_response),
            commitments: sorted_points(&input.commitments_delivered),
            first_activity,
            meeting_dates,
            order,
        }
    }

    /// Every distinct meeting date, oldest first.
    pub fn meeting_dates(&self) -> &[NaiveDate] {
        &self.meeting_dates
    }

    /// The chart data at the given dates.
    pub fn history(&self, settings: &VitalitySettings, dates: &[NaiveDate]) -> Vec<HistoryPoint> {
        dates
            .iter()
            .map(|d| {
                let r = self.report(settings, *d);
                HistoryPoint {
                    date: *d,
                    composite: r.composite.value,
                    composite_status: r.composite.status,
                    values: r.signals.iter().map(|s| s.value).collect(),
                    statuses: r.signals.iter().map(|s| s.status).collect(),
                }
            })
            .collect()
    }

    fn active_partners(&self, d: NaiveDate) -> usize {
        (self.founding_members + count_upto(&self.joined, d)).saturating_sub(count_upto(&self.left, d))
    }

    fn active_other_partners(&self, d: NaiveDate) -> usize {
        let coordinators = self.coordinator_spans.iter().filter(|(j, l)| active_on(*j, *l, d)).count();
        self.active_partners(d).saturating_sub(coordinators)
    }

    /// The current and previous window of one body, as index ranges.
    fn windows(&self, b: &BodyIndex, s: &VitalitySettings, as_of: NaiveDate) -> Option<(Range<usize>, Range<usize>)> {
        let end = count_upto(&b.dates, as_of);
        if end == 0 {
            return None;
        }
        match s.window_by {
            WindowBy::Meetings => {
                if (as_of - b.dates[end - 1]).num_days() > i64::from(s.dormant_after_days) {
                    return None;
                }
                let n = s.window_meetings.max(1);
                let cur = end.saturating_sub(n)..end;
                let prev = cur.start.saturating_sub(n)..cur.start;
                Some((cur, prev))
            }
            WindowBy::Days => {
                let from = days_before(as_of, s.window_days);
                let from2 = days_before(from, s.window_days);
                let a = count_upto(&b.dates, from);
                let p = count_upto(&b.dates, from2);
                Some((a..end, p..a))
            }
        }
    }

    /// The report as seen on `as_of`.
    pub fn report(&self, s: &VitalitySettings, as_of: NaiveDate) -> VitalityReport {
        // Per body, current and previous window.
        let mut per_body: Vec<(usize, Agg, Agg)> = Vec::with_capacity(self.bodies.len());
        for (i, b) in self.bodies.iter().enumerate() {
            if let Some((cur, prev)) = self.windows(b, s, as_of) {
                let c = Agg::of(&b.stats[cur], as_of);
                let p = Agg::of(&b.stats[prev], as_of);
                if c.meetings > 0 || p.meetings > 0 {
                    per_body.push((i, c, p));
                }
            }
        }
        let mut cur = Agg::default();
        let mut prev = Agg::default();
        for (_, c, p) in &per_body {
            cur.merge(c);
            prev.merge(p);
        }
        // The network's last few meetings, across bodies. One weak lens there
        // is noise; attendance and agenda ownership dropping together is the
        // tell-tale of DOMAIN.md, so then each counts as if in alarm.
        let recent = self.recent(s, as_of);
        let mut recent_attendance = Lens::of(attendance_value(s, &recent), recent.att_meetings, &s.thresholds.attendance);
        let mut recent_agenda = Lens::of(agenda_value(s, &recent), recent.meetings, &s.thresholds.agenda_share);
        if let (Some(a), Some(g)) = (&mut recent_attendance, &mut recent_agenda) {
            if a.status.is_flagged() && g.status.is_flagged() {
                a.status = SignalStatus::Alarm;
                g.status = SignalStatus::Alarm;
            }
        }
        let mut cur_actions = cur.actions();
        let mut prev_actions = prev.actions();
        let from = days_before(as_of, s.window_days);
        self.add_loose_actions(&mut cur_actions, from, as_of);
        self.add_loose_actions(&mut prev_actions, days_before(from, s.window_days), from);

        let signals = vec![
            self.attendance(s, &cur, &prev, &per_body, recent_attendance),
            self.agenda_share(s, &cur, &prev, &per_body, recent_agenda),
            self.contributors(s, &cur, &prev, as_of),
            self.actions_on_time(s, cur_actions, prev_actions, &per_body),
            self.membership(s, as_of),
            self.stories(s, as_of),
            measured(SignalKind::SurveyResponse, s, self.survey.as_deref(), as_of, "vitality-survey-response"),
            measured(SignalKind::CommitmentsDelivered, s, self.commitments.as_deref(), as_of, "vitality-commitments-delivered"),
        ];
        let composite = composite(s, &signals);
        VitalityReport { as_of, signals, composite }
    }

    /// The network's last `window_meetings` meetings, whatever the body.
    fn recent(&self, s: &VitalitySettings, as_of: NaiveDate) -> Agg {
        let end = self.order.partition_point(|(d, _, _)| *d <= as_of);
        let mut a = Agg::default();
        for (_, body, pos) in &self.order[end.saturating_sub(s.window_meetings.max(1))..end] {
            a.merge(&Agg::of(std::slice::from_ref(&self.bodies[*body].stats[*pos]), as_of));
        }
        a
    }

    fn add_loose_actions(&self, acc: &mut ActionAgg, from: NaiveDate, to: NaiveDate) {
        let a = self.loose_actions.partition_point(|(due, _)| *due <= from);
        let b = self.loose_actions.partition_point(|(due, _)| *due <= to);
        for (due, done) in &self.loose_actions[a..b] {
            acc.judge(*due, *done, to);
        }
    }

    fn has_history(&self, s: &VitalitySettings, as_of: NaiveDate, windows: u32) -> bool {
        self.first_activity.is_some_and(|f| f <= days_before(as_of, s.window_days.saturating_mul(windows)))
    }

    fn attendance(&self, s: &VitalitySettings, cur: &Agg, prev: &Agg, per_body: &[(usize, Agg, Agg)], recent: Option<Lens>) -> Signal {
        let t = &s.thresholds.attendance;
        let value_of = |a: &Agg| attendance_value(s, a);
        let value = value_of(cur);
        let bodies: Vec<BodySignal> = per_body
            .iter()
            .filter(|(_, c, _)| c.att_meetings > 0 && c.expected > 0)
            .map(|(i, c, _)| BodySignal {
                body_id: self.bodies[*i].id,
                meetings: c.att_meetings,
                value: Some(ratio(c.present, c.expected)),
                status: cap(value_of(c).map_or(SignalStatus::NotEnoughData, |v| t.status(v)), c.expected, s),
            })
            .collect();
        let mut sig = Signal::new(SignalKind::Attendance, SignalUnit::Share, value, value_of(prev), t);
        sig.status = cap(sig.status, cur.expected, s);
        sig.status = escalate(sig.status, &bodies, recent);
        sig.explanation = match value {
            None => Message::new("vitality-not-enough-meetings").num("count", s.min_meetings as i64),
            Some(v) => match self.weakest_part(&bodies, recent, sig.status) {
                Some(Part::Body(name, b)) => Message::new("vitality-attendance-low-body")
                    .text("body", name)
                    .num("percent", percent(b.value.unwrap_or(0.0)))
                    .num("count", b.meetings as i64),
                Some(Part::Recent(l)) => {
                    Message::new("vitality-attendance-low-recent").num("percent", percent(l.value)).num("count", l.meetings as i64)
                }
                None if sig.status == SignalStatus::Ok => {
                    Message::new("vitality-attendance-ok").num("percent", percent(v)).num("count", cur.att_meetings as i64)
                }
                None => Message::new("vitality-attendance-low").num("percent", percent(v)).num("count", cur.att_meetings as i64),
            },
        };
        sig.bodies = bodies;
        sig
    }

    fn agenda_share(&self, s: &VitalitySettings, cur: &Agg, prev: &Agg, per_body: &[(usize, Agg, Agg)], recent: Option<Lens>) -> Signal {
        let t = &s.thresholds.agenda_share;
        let value_of = |a: &Agg| agenda_value(s, a);
        let value = value_of(cur);
        let bodies: Vec<BodySignal> = per_body
            .iter()
            .filter(|(_, c, _)| c.items > 0)
            .map(|(i, c, _)| BodySignal {
                body_id: self.bodies[*i].id,
                meetings: c.meetings,
                value: Some(ratio(c.partner_items, c.items)),
                status: cap(value_of(c).map_or(SignalStatus::NotEnoughData, |v| t.status(v)), c.items, s),
            })
            .collect();
        let mut sig = Signal::new(SignalKind::AgendaShare, SignalUnit::Share, value, value_of(prev), t);
        sig.status = cap(sig.status, cur.items, s);
        sig.status = escalate(sig.status, &bodies, recent);
        sig.explanation = match value {
            None => Message::new("vitality-agenda-not-enough-data").num("count", s.min_agenda_items as i64),
            Some(v) => match self.weakest_part(&bodies, recent, sig.status) {
                Some(Part::Body(name, b)) if b.value == Some(0.0) => {
                    Message::new("vitality-agenda-only-coordinator").text("body", name).num("count", b.meetings as i64)
                }
                Some(Part::Body(name, b)) => Message::new("vitality-agenda-share-low-body")
                    .text("body", name)
                    .num("percent", percent(b.value.unwrap_or(0.0)))
                    .num("count", b.meetings as i64),
                Some(Part::Recent(l)) if l.value == 0.0 => {
                    Message::new("vitality-agenda-only-coordinator-recent").num("count", l.meetings as i64)
                }
                Some(Part::Recent(l)) => {
                    Message::new("vitality-agenda-share-low-recent").num("percent", percent(l.value)).num("count", l.meetings as i64)
                }
                None if sig.status == SignalStatus::Ok => Message::new("vitality-agenda-share-ok")
                    .num("percent", percent(v))
                    .num("items", i64::from(cur.items))
                    .num("count", cur.meetings as i64),
                None => Message::new("vitality-agenda-share-low")
                    .num("percent", percent(v))
                    .num("items", i64::from(cur.items))
                    .num("count", cur.meetings as i64),
            },
        };
        sig.bodies = bodies;
        sig
    }

    fn contributors(&self, s: &VitalitySettings, cur: &Agg, prev: &Agg, as_of: NaiveDate) -> Signal {
        let t = &s.thresholds.agenda_contributors;
        let value_of =
            |a: &Agg| (a.meetings >= s.min_meetings && a.items as usize >= s.min_agenda_items).then_some(a.partners.len() as f64);
        let value = value_of(cur);
        let mut sig = Signal::new(SignalKind::AgendaContributors, SignalUnit::Count, value, value_of(prev), t);
        sig.status = cap(sig.status, cur.items, s);
        sig.explanation = match value {
            None => Message::new("vitality-agenda-not-enough-data").num("count", s.min_agenda_items as i64),
            Some(v) if v < 0.5 => Message::new("vitality-contributors-none").num("count", cur.meetings as i64),
            Some(v) => Message::new("vitality-contributors")
                .num("count", v as i64)
                .num("active", self.active_other_partners(as_of) as i64)
                .num("meetings", cur.meetings as i64),
        };
        sig
    }

    fn actions_on_time(&self, s: &VitalitySettings, cur: ActionAgg, prev: ActionAgg, per_body: &[(usize, Agg, Agg)]) -> Signal {
        let t = &s.thresholds.actions_on_time;
        let value_of = |a: &ActionAgg| (a.judged as usize >= s.min_actions).then(|| ratio(a.on_time, a.judged));
        let value = value_of(&cur);
        let mut sig = Signal::new(SignalKind::ActionsOnTime, SignalUnit::Share, value, value_of(&prev), t);
        sig.status = cap(sig.status, cur.judged, s);
        // Per body for the panel, but no escalation: a body has too few
        // action items for one bad month to mean much.
        sig.bodies = per_body
            .iter()
            .map(|(i, c, _)| (i, c.actions()))
            .filter(|(_, a)| a.judged > 0)
            .map(|(i, a)| BodySignal {
                body_id: self.bodies[*i].id,
                meetings: 0,
                value: Some(ratio(a.on_time, a.judged)),
                status: cap(value_of(&a).map_or(SignalStatus::NotEnoughData, |v| t.status(v)), a.judged, s),
            })
            .collect();
        sig.explanation = match value {
            None => Message::new("vitality-actions-not-enough-data").num("count", s.min_actions as i64),
            Some(v) if sig.status == SignalStatus::Ok => {
                Message::new("vitality-actions-ok").num("percent", percent(v)).num("count", i64::from(cur.judged))
            }
            Some(v) => Message::new("vitality-actions-late")
                .num("percent", percent(v))
                .num("count", i64::from(cur.judged))
                .num("overdue", i64::from(cur.overdue_open)),
        };
        sig
    }

    fn membership(&self, s: &VitalitySettings, as_of: NaiveDate) -> Signal {
        let t = &s.thresholds.membership;
        let from = days_before(as_of, s.window_days);
        let window = |from: NaiveDate, to: NaiveDate| {
            let base = self.active_partners(from);
            let joined = count_between(&self.joined, from, to);
            let left = count_between(&self.left, from, to);
            (base > 0).then_some((base, joined, left))
        };
        let cur = if self.has_history(s, as_of, 1) { window(from, as_of) } else { None };
        let prev = if self.has_history(s, as_of, 2) { window(days_before(from, s.window_days), from) } else { None };
        let value_of = |w: Option<(usize, usize, usize)>| w.map(|(base, j, l)| (j as f64 - l as f64) / base as f64);
        let mut sig = Signal::new(SignalKind::Membership, SignalUnit::NetChange, value_of(cur), value_of(prev), t);
        sig.explanation = match cur {
            None => Message::new("vitality-not-enough-history").num("days", i64::from(s.window_days)),
            Some((_, j, l)) => {
                sig.display = format!("+{j} / −{l}");
                Message::new("vitality-membership").num("joined", j as i64).num("left", l as i64).num("days", i64::from(s.window_days))
            }
        };
        sig
    }

    fn stories(&self, s: &VitalitySettings, as_of: NaiveDate) -> Signal {
        let t = &s.thresholds.stories;
        let from = days_before(as_of, s.window_days);
        let cur = self.has_history(s, as_of, 1).then(|| count_between(&self.stories, from, as_of) as f64);
        let prev = self.has_history(s, as_of, 2).then(|| count_between(&self.stories, days_before(from, s.window_days), from) as f64);
        let mut sig = Signal::new(SignalKind::Stories, SignalUnit::Count, cur, prev, t);
        sig.explanation = match cur {
            None => Message::new("vitality-not-enough-history").num("days", i64::from(s.window_days)),
            Some(v) => Message::new("vitality-stories").num("count", v as i64).num("days", i64::from(s.window_days)),
        };
        sig
    }

    /// The part that most explains a flagged network signal: the lowest
    /// value among the flagged bodies and the flagged recent-meetings lens.
    fn weakest_part<'a>(&'a self, bodies: &'a [BodySignal], recent: Option<Lens>, network: SignalStatus) -> Option<Part<'a>> {
        if !network.is_flagged() {
            return None;
        }
        let body = bodies
            .iter()
            .filter(|b| b.status.is_flagged())
            .min_by(|a, b| a.value.unwrap_or(0.0).total_cmp(&b.value.unwrap_or(0.0)))
            .and_then(|b| self.bodies.iter().find(|x| x.id == b.body_id).map(|x| (x.name.as_str(), b)));
        let recent = recent.filter(|l| l.status.is_flagged());
        match (body, recent) {
            (Some((_, b)), Some(l)) if l.value < b.value.unwrap_or(0.0) => Some(Part::Recent(l)),
            (Some((name, b)), _) => Some(Part::Body(name, b)),
            (None, Some(l)) => Some(Part::Recent(l)),
            (None, None) => None,
        }
    }
}

fn attendance_value(s: &VitalitySettings, a: &Agg) -> Option<f64> {
    (a.att_meetings >= s.min_meetings && a.expected > 0).then(|| ratio(a.present, a.expected))
}

fn agenda_value(s: &VitalitySettings, a: &Agg) -> Option<f64> {
    (a.meetings >= s.min_meetings && a.items as usize >= s.min_agenda_items).then(|| ratio(a.partner_items, a.items))
}

/// The network's most recent meetings, across bodies, seen on their own.
#[derive(Debug, Clone, Copy)]
struct Lens {
    value: f64,
    meetings: usize,
    status: SignalStatus,
}

impl Lens {
    fn of(value: Option<f64>, meetings: usize, t: &Thresholds) -> Option<Lens> {
        value.map(|value| Lens { value, meetings, status: t.status(value) })
    }
}

enum Part<'a> {
    Body(&'a str, &'a BodySignal),
    Recent(Lens),
}

/// A share from too few observations warns but does not alarm.
fn cap(status: SignalStatus, observations: u32, s: &VitalitySettings) -> SignalStatus {
    if status == SignalStatus::Alarm && (observations as usize) < s.min_sample_for_alarm {
        SignalStatus::Watch
    } else {
        status
    }
}

/// A body alone in alarm, or the network's last few meetings in alarm,
/// lift the network signal to watch, never to alarm: pooling the windows of
/// all bodies would otherwise hide trouble in one body, or a drain that has
/// only just begun in all of them.
fn escalate(status: SignalStatus, bodies: &[BodySignal], recent: Option<Lens>) -> SignalStatus {
    let part_in_alarm = bodies.iter().any(|b| b.status == SignalStatus::Alarm) || recent.is_some_and(|l| l.status == SignalStatus::Alarm);
    if status == SignalStatus::Ok && part_in_alarm {
        SignalStatus::Watch
    } else {
        status
    }
}

fn measured(kind: SignalKind, s: &VitalitySettings, points: Option<&[RatePoint]>, as_of: NaiveDate, key: &str) -> Signal {
    let t = s.thresholds.get(kind);
    let Some(points) = points else {
        let mut sig = Signal::new(kind, SignalUnit::Share, None, None, t);
        sig.explanation = Message::new("vitality-not-measured");
        return sig;
    };
    let n = points.partition_point(|p| p.date <= as_of);
    let value = n.checked_sub(1).map(|i| points[i].value.clamp(0.0, 1.0));
    let prev = n.checked_sub(2).map(|i| points[i].value.clamp(0.0, 1.0));
    let mut sig = Signal::new(kind, SignalUnit::Share, value, prev, t);
    sig.explanation = match value {
        None => Message::new("vitality-no-measurement-yet"),
        Some(v) => Message::new(key).num("percent", percent(v)),
    };
    sig
}

fn trend(cur: Option<f64>, prev: Option<f64>, flat_within: f64) -> Option<Trend> {
    let (c, p) = (cur?, prev?);
    let diff = c - p;
    Some(if diff.abs() <= flat_within {
        Trend { direction: TrendDirection::Flat, good: None }
    } else if diff > 0.0 {
        Trend { direction: TrendDirection::Up, good: Some(true) }
    } else {
        Trend { direction: TrendDirection::Down, good: Some(false) }
    })
}

impl Signal {
    fn new(kind: SignalKind, unit: SignalUnit, value: Option<f64>, previous: Option<f64>, t: &Thresholds) -> Signal {
        let display = match (value, unit) {
            (None, _) => "–".to_string(),
            (Some(v), SignalUnit::Share) => format!("{}%", percent(v)),
            (Some(v), SignalUnit::NetChange) => format!("{:+}%", percent(v)),
            (Some(v), SignalUnit::Count) => format!("{}", v.round() as i64),
        };
        Signal {
            kind,
            unit,
            value,
            display,
            previous,
            trend: trend(value, previous, t.flat_within),
            status: value.map_or(SignalStatus::NotEnoughData, |v| t.status(v)),
            explanation: Message::new("vitality-not-enough-data"),
            score: value.map(|v| t.score(v)),
            weight: t.weight,
            bodies: Vec::new(),
        }
    }
}

fn weighted(signals: &[Signal], pick: impl Fn(&Signal) -> Option<f64>, s: &VitalitySettings) -> (Option<f64>, usize) {
    let mut sum = 0.0;
    let mut weights = 0.0;
    let mut parts = 0;
    for sig in signals {
        if sig.weight <= 0.0 {
            continue;
        }
        if let Some(v) = pick(sig) {
            sum += sig.weight * s.thresholds.get(sig.kind).score(v);
            weights += sig.weight;
            parts += 1;
        }
    }
    let value = (parts >= s.composite.min_signals && weights > 0.0).then(|| (sum / weights).round());
    (value, parts)
}

fn composite(s: &VitalitySettings, signals: &[Signal]) -> Composite {
    let c = &s.composite;
    let (value, parts) = weighted(signals, |sig| sig.value, s);
    let (previous, _) = weighted(signals, |sig| sig.previous, s);
    let status = match value {
        None => SignalStatus::NotEnoughData,
        Some(v) if v < c.alarm => SignalStatus::Alarm,
        Some(v) if v < c.watch => SignalStatus::Watch,
        Some(_) => SignalStatus::Ok,
    };
    let weakest = signals
        .iter()
        .filter(|sig| sig.weight > 0.0)
        .filter_map(|sig| sig.score.map(|sc| (sig.kind, sc)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let explanation = match (value, weakest) {
        (None, _) => Message::new("vitality-composite-not-enough-data").num("count", c.min_signals as i64),
        (Some(v), Some((kind, _))) if status != SignalStatus::Ok => {
            Message::new("vitality-composite-weakest").num("score", v as i64).num("parts", parts as i64).label("weakest", kind.label_key())
        }
        (Some(v), _) => Message::new("vitality-composite").num("score", v as i64).num("parts", parts as i64),
    };
    Composite { value, previous, trend: trend(value, previous, c.flat_within), status, explanation, parts }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct ActionAgg {
    judged: u32,
    on_time: u32,
    overdue_open: u32,
}

impl ActionAgg {
    /// An item counts once it is done (on time or late) or once it is past
    /// due while still open, as seen on `as_of`.
    fn judge(&mut self, due: NaiveDate, done: Option<NaiveDate>, as_of: NaiveDate) {
        match done.filter(|d| *d <= as_of) {
            Some(d) => {
                self.judged += 1;
                if d <= due {
                    self.on_time += 1;
                }
            }
            None if due < as_of => {
                self.judged += 1;
                self.overdue_open += 1;
            }
            None => {}
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Agg {
    meetings: usize,
    att_meetings: usize,
    present: u32,
    expected: u32,
    items: u32,
    partner_items: u32,
    partners: Vec<i64>,
    acts: ActionAgg,
}

impl Agg {
    fn of(stats: &[MeetingStat], as_of: NaiveDate) -> Agg {
        let mut a = Agg::default();
        for m in stats {
            a.meetings += 1;
            if let Some((p, e)) = m.attendance {
                a.att_meetings += 1;
                a.present += p;
                a.expected += e;
            }
            a.items += m.items;
            a.partner_items += m.partner_items;
            for p in &m.partners {
                if !a.partners.contains(p) {
                    a.partners.push(*p);
                }
            }
            for (due, done) in &m.actions {
                a.acts.judge(*due, *done, as_of);
            }
        }
        a
    }

    fn merge(&mut self, o: &Agg) {
        self.meetings += o.meetings;
        self.att_meetings += o.att_meetings;
        self.present += o.present;
        self.expected += o.expected;
        self.items += o.items;
        self.partner_items += o.partner_items;
        for p in &o.partners {
            if !self.partners.contains(p) {
                self.partners.push(*p);
            }
        }
        self.acts.judged += o.acts.judged;
        self.acts.on_time += o.acts.on_time;
        self.acts.overdue_open += o.acts.overdue_open;
    }

    fn actions(&self) -> ActionAgg {
        self.acts
    }
}

#[cfg(test)]
mod tests;
