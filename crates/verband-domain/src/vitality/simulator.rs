//! Generated meeting histories, to check that the vitality signals mean
//! something, and to seed a demo network that shows a real warning.
//!
//! Pure and deterministic: the same scenario, seed, start and partners give
//! the same history. The calendar (which body meets when) comes from its own
//! random stream, so a healthy and a draining network of one seed meet on
//! the same dates and differ only in what happens at the table.
//!
//! What the scenarios model, per meeting:
//! - **healthy**: about 87% of invited partners come (the coordinator always);
//!   about 60% of agenda items come from partners, spread over several of
//!   them; 90% of action items are done on time; a success is shared about
//!   once a month.
//! - **draining** from a given meeting: attendance falls to about 40%, the
//!   coordinator brings in 95% of the items, a quarter of the action items
//!   is done on time and many stay open, stories dry up, and two partners
//!   leave in the months after.
//! - **recovering**: draining, then a new impulse from a given meeting: back
//!   to healthy behaviour, the coordinator clears the backlog of open action
//!   items (late), and a new partner joins.
//! - **small irregular**: five partners, one core group meeting every three
//!   to ten weeks, and an occasional learning session.

use chrono::{Datelike, Days, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{ActionFacts, AgendaFacts, BodyFacts, MeetingFacts, MembershipFacts, StoryFacts, VitalityInput};
use crate::meeting::BodyKind;

/// A generated history. Meeting numbers count all meetings of the network
/// in date order, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    Healthy,
    Draining { from_meeting: usize },
    Recovering { drain_from: usize, impulse_at: usize },
    SmallIrregular,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Behaviour {
    attendance: f64,
    coordinator_items: f64,
    on_time: f64,
    /// Of the items not done on time, the share done late (the rest stays open).
    late: f64,
    stories_per_week: f64,
}

const HEALTHY: Behaviour = Behaviour { attendance: 0.87, coordinator_items: 0.40, on_time: 0.90, late: 0.7, stories_per_week: 0.25 };
const DRAINED: Behaviour = Behaviour { attendance: 0.40, coordinator_items: 0.95, on_time: 0.25, late: 0.4, stories_per_week: 0.03 };

impl Behaviour {
    /// Between healthy (0) and drained (1).
    fn mix(depth: f64) -> Behaviour {
        let l = |a: f64, b: f64| a + (b - a) * depth;
        Behaviour {
            attendance: l(HEALTHY.attendance, DRAINED.attendance),
            coordinator_items: l(HEALTHY.coordinator_items, DRAINED.coordinator_items),
            on_time: l(HEALTHY.on_time, DRAINED.on_time),
            late: l(HEALTHY.late, DRAINED.late),
            stories_per_week: l(HEALTHY.stories_per_week, DRAINED.stories_per_week),
        }
    }
}

/// How drained the network is at meeting number `i`: energy goes quickly
/// but not all at once (three quarters at the first drained meeting).
fn depth(s: Scenario, i: usize) -> f64 {
    let drained = |from: usize| match i.checked_sub(from) {
        None => 0.0,
        Some(0) => 0.75,
        Some(_) => 1.0,
    };
    match s {
        Scenario::Healthy | Scenario::SmallIrregular => 0.0,
        Scenario::Draining { from_meeting } => drained(from_meeting),
        Scenario::Recovering { drain_from, impulse_at } if i < impulse_at => drained(drain_from),
        Scenario::Recovering { .. } => 0.0,
    }
}

struct Slot {
    body: usize,
    date: NaiveDate,
}

struct BodyPlan {
    id: i64,
    kind: BodyKind,
    name: &'static str,
    /// Invited partners (indices into the partner list); empty: everyone active.
    members: Vec<usize>,
    items: (u32, u32),
    actions: (u32, u32),
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(d)
    }
}

fn month_after(start: NaiveDate, months: u32) -> NaiveDate {
    start.checked_add_months(chrono::Months::new(months)).unwrap_or(start)
}

/// Bodies and calendar. Uses its own random stream.
fn plan(small: bool, seed: u64, start: NaiveDate, end: NaiveDate, partners: usize) -> (Vec<BodyPlan>, Vec<Slot>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x005E_EDCA_1E0D_A7E5);
    let mut bodies = Vec::new();
    // (body index, first offset in days, interval range in days)
    let mut rhythm: Vec<(usize, i64, (i64, i64))> = Vec::new();
    if small {
        bodies.push(BodyPlan { id: 1, kind: BodyKind::SteeringGroup, name: "Kerngroep", members: vec![], items: (2, 4), actions: (1, 2) });
        bodies.push(BodyPlan {
            id: 2,
            kind: BodyKind::LearningSession,
            name: "Leersessie",
            members: vec![],
            items: (1, 3),
            actions: (0, 1),
        });
        rhythm.push((0, rng.gen_range(3..20), (21, 70)));
        rhythm.push((1, rng.gen_range(60..150), (150, 240)));
    } else {
        let steering: Vec<usize> = (0..partners.min(8)).collect();
        let mut others: Vec<usize> = (1..partners).collect();
        others.shuffle(&mut rng);
        let mut working = vec![0];
        working.extend(others.iter().take(5).copied());
        working.sort_unstable();
        bodies.push(BodyPlan {
            id: 1,
            kind: BodyKind::SteeringGroup,
            name: "Regiegroep",
            members: steering,
            items: (3, 5),
            actions: (1, 3),
        });
        bodies.push(BodyPlan {
            id: 2,
            kind: BodyKind::WorkingGroup,
            name: "Werkgroep Gezond opgroeien",
            members: working,
            items: (2, 4),
            actions: (1, 3),
        });
        bodies.push(BodyPlan {
            id: 3,
            kind: BodyKind::NetworkMeeting,
            name: "Netwerkbijeenkomst",
            members: vec![],
            items: (2, 4),
            actions: (0, 2),
        });
        rhythm.push((0, rng.gen_range(3..10), (25, 33)));
        rhythm.push((1, rng.gen_range(10..30), (38, 48)));
        rhythm.push((2, rng.gen_range(30..70), (84, 100)));
    }
    let mut slots = Vec::new();
    for (body, first, (lo, hi)) in rhythm {
        let mut d = add_days(start, first);
        while d < end {
            slots.push(Slot { body, date: d });
            d = add_days(d, rng.gen_range(lo..=hi));
        }
    }
    slots.sort_by_key(|s| (s.date, s.body));
    (bodies, slots)
}

/// A generated history over `months` months from `start`, for the given
/// partner ids (the first is the coordinator's organisation). Body ids are
/// 1, 2, 3; meeting and action ids count from 1.
pub fn scenario(s: Scenario, seed: u64, start: NaiveDate, months: u32, partner_ids: &[i64]) -> VitalityInput {
    let small = matches!(s, Scenario::SmallIrregular);
    let partners: Vec<i64> = if small { partner_ids.iter().take(5).copied().collect() } else { partner_ids.to_vec() };
    let end = month_after(start, months);
    let (bodies, slots) = plan(small, seed, start, end, partners.len());
    let mut rng = ChaCha8Rng::seed_from_u64(seed);

    // Membership: everyone there from the start, except who joins or leaves.
    let mut joined: Vec<Option<NaiveDate>> = vec![None; partners.len()];
    let mut left: Vec<Option<NaiveDate>> = vec![None; partners.len()];
    let slot_date = |i: usize| slots.get(i).map(|x| x.date);
    match s {
        Scenario::Healthy if partners.len() > 3 => {
            joined[partners.len() - 1] = Some(month_after(start, 8));
        }
        Scenario::Draining { from_meeting } | Scenario::Recovering { drain_from: from_meeting, .. } if partners.len() > 4 => {
            if let Some(d) = slot_date(from_meeting) {
                left[partners.len() - 1] = Some(month_after(d, 4));
                left[partners.len() - 2] = Some(month_after(d, 8));
            }
            if let Scenario::Recovering { impulse_at, .. } = s {
                if let Some(d) = slot_date(impulse_at) {
                    // The impulse comes before the second partner would leave.
                    left[partners.len() - 2] = None;
                    joined[partners.len() - 3] = Some(month_after(d, 1));
                }
            }
        }
        _ => {}
    }
    let active = |p: usize, d: NaiveDate| joined[p].is_none_or(|j| j <= d) && left[p].is_none_or(|l| l > d);

    let mut input = VitalityInput {
        coordinator_organisation_ids: partners.first().copied().into_iter().collect(),
        bodies: bodies.iter().map(|b| BodyFacts { id: b.id, kind: b.kind, name: b.name.to_string() }).collect(),
        memberships: partners
            .iter()
            .enumerate()
            .map(|(i, id)| MembershipFacts { organisation_id: *id, joined: joined[i], left: left[i] })
            .collect(),
        ..Default::default()
    };

    let impulse_date = match s {
        Scenario::Recovering { impulse_at, .. } => slot_date(impulse_at),
        _ => None,
    };
    let mut next_action = 1;
    for (i, slot) in slots.iter().enumerate() {
        let b = &bodies[slot.body];
        let behaviour = Behaviour::mix(depth(s, i));
        let invited: Vec<usize> = if b.members.is_empty() { (0..partners.len()).collect() } else { b.members.clone() };
        let invited: Vec<usize> = invited.into_iter().filter(|p| active(*p, slot.date)).collect();
        let present: Vec<usize> = invited.iter().copied().filter(|p| *p == 0 || rng.gen_bool(behaviour.attendance)).collect();
        let others_present: Vec<usize> = present.iter().copied().filter(|p| *p != 0).collect();
        let others_invited: Vec<usize> = invited.iter().copied().filter(|p| *p != 0).collect();
        let mut agenda = Vec::new();
        for _ in 0..rng.gen_range(b.items.0..=b.items.1) {
            let by_coordinator = others_invited.is_empty() || rng.gen_bool(behaviour.coordinator_items);
            // Partners bring items in ahead of the meeting, so also ones that
            // end up not coming; those who come more often bring more.
            let who = if by_coordinator {
                0
            } else if !others_present.is_empty() && rng.gen_bool(0.7) {
                others_present[rng.gen_range(0..others_present.len())]
            } else {
                others_invited[rng.gen_range(0..others_invited.len())]
            };
            agenda.push(AgendaFacts { organisation_id: Some(partners[who]), by_coordinator });
        }
        for _ in 0..rng.gen_range(b.actions.0..=b.actions.1) {
            let owner = invited.get(rng.gen_range(0..invited.len().max(1))).copied().unwrap_or(0);
            let lead = rng.gen_range(21..=42);
            let due = add_days(slot.date, lead);
            let done_on = if rng.gen_bool(behaviour.on_time) {
                Some(add_days(slot.date, rng.gen_range(5..=lead)))
            } else if rng.gen_bool(behaviour.late) {
                Some(add_days(due, rng.gen_range(5..=45)))
            } else {
                None
            };
            // A new impulse starts with clearing the backlog.
            let done_on = match (done_on, impulse_date) {
                (None, Some(imp)) if slot.date < imp => Some(add_days(imp, rng.gen_range(7..=21)).max(add_days(due, 1))),
                (d, _) => d,
            };
            input.actions.push(ActionFacts {
                id: next_action,
                meeting_id: Some(i as i64 + 1),
                owner_organisation_id: partners.get(owner).copied(),
                due,
                done_on,
            });
            next_action += 1;
        }
        input.meetings.push(MeetingFacts {
            id: i as i64 + 1,
            body_id: b.id,
            date: slot.date,
            invited: if b.members.is_empty() { Vec::new() } else { invited.iter().map(|p| partners[*p]).collect() },
            present: Some(present.iter().map(|p| partners[*p]).collect()),
            agenda,
        });
    }

    // Stories, week by week, at the rate of the latest meeting's behaviour.
    let mut week = start;
    let mut last_meeting = 0usize;
    while week < end {
        while last_meeting + 1 < slots.len() && slots[last_meeting + 1].date <= week {
            last_meeting += 1;
        }
        let behaviour = Behaviour::mix(if slots.first().is_some_and(|f| f.date <= week) { depth(s, last_meeting) } else { 0.0 });
        if rng.gen_bool(behaviour.stories_per_week.clamp(0.0, 1.0)) {
            let who = partners.get(rng.gen_range(0..partners.len().max(1))).copied();
            input.stories.push(StoryFacts { shared_on: add_days(week, rng.gen_range(0..7)), organisation_id: who });
        }
        week = add_days(week, 7);
    }
    input
}

/// A large, healthy history for benchmarks: `bodies` bodies meeting monthly
/// for `years` years, all partners invited to each.
pub fn monthly_bodies(seed: u64, start: NaiveDate, years: u32, bodies: usize, partner_ids: &[i64]) -> VitalityInput {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut input = VitalityInput {
        coordinator_organisation_ids: partner_ids.first().copied().into_iter().collect(),
        bodies: (0..bodies)
            .map(|b| BodyFacts { id: b as i64 + 1, kind: BodyKind::WorkingGroup, name: format!("Werkgroep {}", b + 1) })
            .collect(),
        memberships: partner_ids.iter().map(|id| MembershipFacts { organisation_id: *id, joined: None, left: None }).collect(),
        ..Default::default()
    };
    let mut id = 1;
    for m in 0..years * 12 {
        let month = month_after(start, m);
        for b in 0..bodies {
            let date = add_days(month, (b as i64 * 5 + rng.gen_range(0..4)).min(27));
            let present = partner_ids.iter().copied().filter(|_| rng.gen_bool(HEALTHY.attendance)).collect();
            let agenda = (0..4)
                .map(|_| {
                    let by_coordinator = rng.gen_bool(HEALTHY.coordinator_items);
                    let who = if by_coordinator { partner_ids.first() } else { partner_ids.choose(&mut rng) };
                    AgendaFacts { organisation_id: who.copied(), by_coordinator }
                })
                .collect();
            for _ in 0..2 {
                let due = add_days(date, 30);
                let done_on = rng.gen_bool(HEALTHY.on_time).then(|| add_days(date, 20));
                input.actions.push(ActionFacts {
                    id,
                    meeting_id: Some(id),
                    owner_organisation_id: partner_ids.first().copied(),
                    due,
                    done_on,
                });
            }
            input.meetings.push(MeetingFacts { id, body_id: b as i64 + 1, date, invited: Vec::new(), present: Some(present), agenda });
            id += 1;
        }
        if month.month().is_multiple_of(2) {
            input.stories.push(StoryFacts { shared_on: add_days(month, 10), organisation_id: partner_ids.first().copied() });
        }
    }
    input
}

/// Agenda item titles for a demo network, as a coordinator would type them
/// (demo content, like the texts in `demo.rs`; not UI text).
pub const DEMO_AGENDA_TITLES: &[&str] = &[
    "Voortgang pilot valpreventie",
    "Begroting volgend jaar",
    "Evaluatie netwerkbijeenkomst",
    "Signalen uit de wijkteams",
    "Aanvraag regionale subsidie",
    "Nieuwe partner: kennismaking",
    "Terugkoppeling uit de gemeenteraad",
    "Jaarplan en prioriteiten",
    "Casus: samenwerking huisarts en welzijn",
    "Communicatie naar inwoners",
    "Rondvraag en afspraken",
    "Werkbezoek plannen",
];

/// Action item descriptions for a demo network.
pub const DEMO_ACTION_TITLES: &[&str] = &[
    "Notitie schrijven over de verlenging van de pilot",
    "Cijfers uit de monitor opvragen",
    "Contact leggen met de wethouder",
    "Uitnodiging versturen voor de leersessie",
    "Afspraken vastleggen in het convenant",
    "Eerste versie van het jaarverslag maken",
];

/// A stable demo title for agenda item `item` of meeting `meeting`.
pub fn demo_agenda_title(meeting: usize, item: usize) -> &'static str {
    DEMO_AGENDA_TITLES[(meeting * 5 + item * 7) % DEMO_AGENDA_TITLES.len()]
}

/// A stable demo description for action item number `n`.
pub fn demo_action_title(n: usize) -> &'static str {
    DEMO_ACTION_TITLES[n % DEMO_ACTION_TITLES.len()]
}

#[cfg(test)]
mod tests;
