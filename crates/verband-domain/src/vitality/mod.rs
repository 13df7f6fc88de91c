//! Vitality signals (*energie van het netwerk*): is there still energy in the
//! network, or is it draining away? (DOMAIN.md, "Vitality signals" and
//! "What goes wrong".)
//!
//! Everything here is pure: [`vitality`] turns recorded activity
//! ([`VitalityInput`]) into a [`VitalityReport`] as seen on one day, and
//! [`history`] does the same at every meeting date, for the chart. Both
//! build one [`VitalityIndex`] (everything sorted once) and then read
//! windows by binary search, so ten years of meetings cost milliseconds.
//!
//! # The signals
//!
//! Every signal is "higher is better", has a watch and (usually) an alarm
//! threshold, a "good" level, a flat band for the trend, and a weight in
//! the composite. All are in [`VitalitySettings`] and can be set per network.
//!
//! | signal | value | watch below | alarm below | good | weight |
//! |---|---|---|---|---|---|
//! | `attendance` | share of expected partners present | 70% | 55% | 85% | 3 |
//! | `agenda_share` | share of agenda items brought in by partners other than the coordinator | 30% | 15% | 50% | 3 |
//! | `agenda_contributors` | distinct partners (not the coordinator) that brought in an item | 2 | 1 | 4 | 1 |
//! | `actions_on_time` | share of due action items that were done by their due date | 60% | 40% | 85% | 2 |
//! | `membership` | net change of partners (joined − left) as a share of the partners at the window's start | −10% | −20% | 0% | 1 |
//! | `stories` | successes and stories shared in the day window | 1 | — | 4 | 1 |
//! | `survey_response` | response rate of the latest survey round | 50% | 30% | 70% | 1 |
//! | `commitments_delivered` | delivered against agreed, latest measurement | 75% | 50% | 90% | 2 |
//!
//! Why these numbers:
//! - **Attendance.** In a network that works, most invited partners come most
//!   of the time; one or two sending apologies is normal (about 80–90%).
//!   Below 70% over three meetings, a quarter or more of the table is
//!   missing every time: worth a look. Below 55% barely half comes, and
//!   decisions stop carrying weight.
//! - **Agenda ownership** is the tell-tale sign in DOMAIN.md: the chair
//!   asking "does anyone have something for the agenda?". A coordinator
//!   naturally brings in about half the items (process, money, reports), so
//!   50% from partners is good. Under 30% the agenda is mainly the
//!   coordinator's; under 15% it practically is.
//! - **Contributors.** A healthy share carried by one partner alone is still
//!   fragile, so the number of distinct partners bringing in items counts
//!   separately: fewer than two is watch, none is alarm.
//! - **Action items.** Some slip in any network; when fewer than 60% of due
//!   items are done on time, promises made at the table stop meaning much,
//!   under 40% they are the exception.
//! - **Membership.** Partners come and go; a net loss of a tenth of the
//!   network in one window is watch, a fifth is alarm. Joining partners
//!   make up for leaving ones.
//! - **Stories.** A quiet spell without shared successes is worth noticing
//!   but never an alarm on its own, so it has no alarm threshold.
//! - **Commitments** are measured per completed quarter from the agreements'
//!   commitments and the deliveries partners report
//!   ([`crate::delivery_rate::delivery_rates`]); until something was due they
//!   are `None` and show as not measured. **Survey response** comes with the
//!   surveys and is `None` until then.
//!   Half of the respondents answering is the usual floor for a survey to
//!   say something; delivering three quarters of what was promised is the
//!   usual floor for trust between partners.
//!
//! # Windows
//!
//! Meeting-based signals (attendance, agenda, contributors, action items
//! made at meetings) look at the **last three meetings of each body**
//! (default; [`WindowBy::Meetings`]) or at the meetings of the last
//! 120 days ([`WindowBy::Days`]). The trend compares with the window just
//! before: the three meetings before those, or the 120 days before. Bodies
//! that have not met for a year (`dormant_after_days`) drop out, so a
//! working group that stopped long ago does not colour today's picture.
//! Time-based signals (membership, stories, action items made outside a
//! meeting) always use the day window; survey and commitments use the
//! latest measurement and the one before.
//!
//! A network signal pools the bodies (all meetings of all bodies in their
//! windows). Because pooling dilutes one body in trouble, a body that is
//! in alarm on its own lifts the network signal to at least watch, and the
//! explanation then names that body ("In de laatste drie vergaderingen van
//! de regiegroep kwamen alle agendapunten van de coördinator."). A single
//! body never raises a network alarm by itself.
//!
//! With too little to go on (fewer than two meetings, fewer than five
//! agenda items or due action items, less history than the day window)
//! the status is `not_enough_data` instead of a guess. A share computed
//! from fewer than ten observations (one partner out of seven items) can
//! warn but not alarm: in a small network, one quiet meeting is not yet a
//! pattern.
//!
//! Besides each body's window, the network's last three meetings (whatever
//! the body) are looked at on their own: when attendance and agenda
//! ownership are both below their watch line there, the two signals are at
//! least watch. That is the tell-tale combination, and it shows a drain
//! that began in all bodies at once before the slower bodies' windows
//! catch up.
//!
//! # Composite index
//!
//! Each signal maps to a score 0–100 through its own thresholds: the alarm
//! threshold scores 30, the watch threshold 60, the good level 100, linear
//! in between (and falling to 0 one band below alarm). The index is the
//! weighted mean over the signals that have data, so it is comparable
//! before and after survey or commitment data exist; it needs at least
//! two signals. Watch below 60, alarm below 40: an index at the watch line
//! means the parts sit at their watch lines on average. The index is always
//! shown beside its parts, and its explanation names the weakest part.
//!
//! # Validation
//!
//! [`simulator`] generates meeting histories for a healthy network, a
//! draining one, one that recovers after a new impulse, and a small one
//! that meets irregularly; its tests check that the drain is flagged within
//! three meetings, that healthy and small networks raise no alarm over two
//! years, and that recovery clears the alarm.

mod signals;
pub mod simulator;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::meeting::{ActionItem, AgendaItem, Attendance, AttendanceStatus, Body, BodyKind, Meeting, MeetingStatus, Story};
use crate::validation::ValidationErrors;

pub use signals::{history, vitality, VitalityIndex};

code_enum!(
    /// The vitality signals. Labels: `vitality-signal-<code>`.
    SignalKind, "vitality-signal" {
        Attendance => "attendance",
        AgendaShare => "agenda_share",
        AgendaContributors => "agenda_contributors",
        ActionsOnTime => "actions_on_time",
        Membership => "membership",
        Stories => "stories",
        SurveyResponse => "survey_response",
        CommitmentsDelivered => "commitments_delivered",
    }
);

code_enum!(
    /// How a signal (or the composite) stands. Labels: `vitality-status-<code>`.
    SignalStatus, "vitality-status" {
        Ok => "ok",
        Watch => "watch",
        Alarm => "alarm",
        NotEnoughData => "not_enough_data",
    }
);

code_enum!(
    /// Direction of a value against the window before. Labels: `vitality-trend-<code>`.
    TrendDirection, "vitality-trend" {
        Up => "up",
        Down => "down",
        Flat => "flat",
    }
);

code_enum!(
    /// Which window the meeting-based signals use.
    WindowBy, "vitality-window" {
        Meetings => "meetings",
        Days => "days",
    }
);

impl SignalStatus {
    /// Ordering for "worst of": not-enough-data below ok.
    pub fn severity(self) -> i8 {
        match self {
            SignalStatus::NotEnoughData => -1,
            SignalStatus::Ok => 0,
            SignalStatus::Watch => 1,
            SignalStatus::Alarm => 2,
        }
    }

    pub fn is_flagged(self) -> bool {
        matches!(self, SignalStatus::Watch | SignalStatus::Alarm)
    }
}

// ---------------------------------------------------------------------------
// Input: what a store loads
// ---------------------------------------------------------------------------

/// A body as the signals need it: its name goes into explanations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BodyFacts {
    pub id: i64,
    pub kind: BodyKind,
    pub name: String,
}

/// One agenda item: who brought it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaFacts {
    pub organisation_id: Option<i64>,
    pub by_coordinator: bool,
}

/// One meeting that took place or is planned (cancelled ones are left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeetingFacts {
    pub id: i64,
    pub body_id: i64,
    pub date: NaiveDate,
    /// Partners invited. Empty means every partner active on the date.
    pub invited: Vec<i64>,
    /// Partners present; `None` while attendance has not been recorded.
    pub present: Option<Vec<i64>>,
    pub agenda: Vec<AgendaFacts>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionFacts {
    pub id: i64,
    pub meeting_id: Option<i64>,
    pub owner_organisation_id: Option<i64>,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

/// A partner's membership span; `None` dates mean "before records began"
/// and "still a member".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MembershipFacts {
    pub organisation_id: i64,
    pub joined: Option<NaiveDate>,
    pub left: Option<NaiveDate>,
}

/// A shared success or story (knowledge items marked as a success story can
/// be passed in the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoryFacts {
    pub shared_on: NaiveDate,
    pub organisation_id: Option<i64>,
}

/// A measured ratio (0..=1) on a date: a survey round's response rate, or
/// commitments delivered against agreed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatePoint {
    pub date: NaiveDate,
    pub value: f64,
}

/// Everything the signals are computed from, for one network. Order does
/// not matter; the index sorts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct VitalityInput {
    /// The coordinator's organisation(s): items they bring in count as the
    /// coordinator's even when not flagged.
    pub coordinator_organisation_ids: Vec<i64>,
    pub bodies: Vec<BodyFacts>,
    pub meetings: Vec<MeetingFacts>,
    pub actions: Vec<ActionFacts>,
    pub memberships: Vec<MembershipFacts>,
    pub stories: Vec<StoryFacts>,
    /// `None`: surveys are not measured (yet).
    pub survey_response: Option<Vec<RatePoint>>,
    /// `None`: commitment delivery is not measured (yet).
    pub commitments_delivered: Option<Vec<RatePoint>>,
}

impl VitalityInput {
    /// Builds the input from stored records. Cancelled meetings are left
    /// out; a meeting has attendance once any attendance row exists for it.
    #[allow(clippy::too_many_arguments)]
    pub fn from_records(
        coordinator_organisation_ids: &[i64],
        bodies: &[Body],
        meetings: &[Meeting],
        agenda: &[AgendaItem],
        attendance: &[Attendance],
        actions: &[ActionItem],
        memberships: &[MembershipFacts],
        stories: &[Story],
    ) -> VitalityInput {
        use std::collections::HashMap;
        let mut agenda_by: HashMap<i64, Vec<AgendaFacts>> = HashMap::new();
        for a in agenda {
            agenda_by
                .entry(a.meeting_id)
                .or_default()
                .push(AgendaFacts { organisation_id: a.brought_in_by_organisation_id, by_coordinator: a.by_coordinator });
        }
        let mut present_by: HashMap<i64, Vec<i64>> = HashMap::new();
        for a in attendance {
            let list = present_by.entry(a.meeting_id).or_default();
            if a.status == AttendanceStatus::Present && !list.contains(&a.organisation_id) {
                list.push(a.organisation_id);
            }
        }
        VitalityInput {
            coordinator_organisation_ids: coordinator_organisation_ids.to_vec(),
            bodies: bodies.iter().map(|b| BodyFacts { id: b.id, kind: b.kind, name: b.name.clone() }).collect(),
            meetings: meetings
                .iter()
                .filter(|m| m.status != MeetingStatus::Cancelled)
                .map(|m| MeetingFacts {
                    id: m.id,
                    body_id: m.body_id,
                    date: m.date,
                    invited: m.invited_organisation_ids.clone(),
                    present: present_by.remove(&m.id),
                    agenda: agenda_by.remove(&m.id).unwrap_or_default(),
                })
                .collect(),
            actions: actions
                .iter()
                .map(|a| ActionFacts {
                    id: a.id,
                    meeting_id: a.meeting_id,
                    owner_organisation_id: a.owner_organisation_id,
                    due: a.due,
                    done_on: a.done_on,
                })
                .collect(),
            memberships: memberships.to_vec(),
            stories: stories.iter().map(|s| StoryFacts { shared_on: s.shared_on, organisation_id: s.organisation_id }).collect(),
            survey_response: None,
            commitments_delivered: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

/// Thresholds of one signal. Every signal is "higher is better".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    /// Below this: watch.
    pub watch: f64,
    /// Below this: alarm. `None`: this signal alone never raises an alarm.
    pub alarm: Option<f64>,
    /// At or above this the signal scores 100 in the composite.
    pub good: f64,
    /// Changes within this band count as flat.
    pub flat_within: f64,
    /// Weight in the composite; 0 leaves the signal out of it.
    pub weight: f64,
}

impl Thresholds {
    pub const fn new(watch: f64, alarm: Option<f64>, good: f64, flat_within: f64, weight: f64) -> Self {
        Thresholds { watch, alarm, good, flat_within, weight }
    }

    pub fn status(&self, value: f64) -> SignalStatus {
        match self.alarm {
            Some(a) if value < a => SignalStatus::Alarm,
            _ if value < self.watch => SignalStatus::Watch,
            _ => SignalStatus::Ok,
        }
    }

    /// The 0–100 score of a value: alarm line 30, watch line 60, good 100.
    pub fn score(&self, value: f64) -> f64 {
        let span = (self.good - self.watch).max(1e-9);
        if value >= self.good {
            return 100.0;
        }
        if value >= self.watch {
            return 60.0 + 40.0 * (value - self.watch) / span;
        }
        match self.alarm {
            Some(a) if a < self.watch => {
                let band = self.watch - a;
                if value >= a {
                    30.0 + 30.0 * (value - a) / band
                } else {
                    (30.0 * (1.0 - (a - value) / band)).max(0.0)
                }
            }
            _ => (60.0 - 60.0 * (self.watch - value) / span).max(0.0),
        }
    }
}

/// Thresholds for the composite index (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompositeThresholds {
    pub watch: f64,
    pub alarm: f64,
    pub flat_within: f64,
    /// Fewer signals with data than this: not enough data.
    pub min_signals: usize,
}

/// Per-signal thresholds, one field per [`SignalKind`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct SignalThresholds {
    pub attendance: Thresholds,
    pub agenda_share: Thresholds,
    pub agenda_contributors: Thresholds,
    pub actions_on_time: Thresholds,
    pub membership: Thresholds,
    pub stories: Thresholds,
    pub survey_response: Thresholds,
    pub commitments_delivered: Thresholds,
}

impl Default for SignalThresholds {
    fn default() -> Self {
        SignalThresholds {
            attendance: Thresholds::new(0.70, Some(0.55), 0.85, 0.05, 3.0),
            agenda_share: Thresholds::new(0.30, Some(0.15), 0.50, 0.05, 3.0),
            agenda_contributors: Thresholds::new(2.0, Some(1.0), 4.0, 0.5, 1.0),
            actions_on_time: Thresholds::new(0.60, Some(0.40), 0.85, 0.05, 2.0),
            membership: Thresholds::new(-0.10, Some(-0.20), 0.0, 0.02, 1.0),
            stories: Thresholds::new(1.0, None, 4.0, 0.5, 1.0),
            survey_response: Thresholds::new(0.50, Some(0.30), 0.70, 0.05, 1.0),
            commitments_delivered: Thresholds::new(0.75, Some(0.50), 0.90, 0.05, 2.0),
        }
    }
}

impl SignalThresholds {
    pub fn get(&self, kind: SignalKind) -> &Thresholds {
        match kind {
            SignalKind::Attendance => &self.attendance,
            SignalKind::AgendaShare => &self.agenda_share,
            SignalKind::AgendaContributors => &self.agenda_contributors,
            SignalKind::ActionsOnTime => &self.actions_on_time,
            SignalKind::Membership => &self.membership,
            SignalKind::Stories => &self.stories,
            SignalKind::SurveyResponse => &self.survey_response,
            SignalKind::CommitmentsDelivered => &self.commitments_delivered,
        }
    }

    pub fn get_mut(&mut self, kind: SignalKind) -> &mut Thresholds {
        match kind {
            SignalKind::Attendance => &mut self.attendance,
            SignalKind::AgendaShare => &mut self.agenda_share,
            SignalKind::AgendaContributors => &mut self.agenda_contributors,
            SignalKind::ActionsOnTime => &mut self.actions_on_time,
            SignalKind::Membership => &mut self.membership,
            SignalKind::Stories => &mut self.stories,
            SignalKind::SurveyResponse => &mut self.survey_response,
            SignalKind::CommitmentsDelivered => &mut self.commitments_delivered,
        }
    }
}

/// A network's vitality settings. Stored per network (e.g. as JSON);
/// missing fields take the defaults documented at the top of this module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct VitalitySettings {
    pub window_by: WindowBy,
    /// Meetings per body in the window (default 3).
    pub window_meetings: usize,
    /// Length of the day window (default 120).
    pub window_days: u32,
    /// A body that has not met for this long drops out (default 365).
    pub dormant_after_days: u32,
    /// Fewer meetings in the window: not enough data (default 2).
    pub min_meetings: usize,
    /// Fewer agenda items in the window: not enough data (default 5).
    pub min_agenda_items: usize,
    /// Fewer due action items in the window: not enough data (default 5).
    pub min_actions: usize,
    /// A share computed from fewer observations than this (attendance
    /// places, agenda items, action items) can warn but not alarm (default 10).
    pub min_sample_for_alarm: usize,
    pub thresholds: SignalThresholds,
    pub composite: CompositeThresholds,
}

impl Default for VitalitySettings {
    fn default() -> Self {
        VitalitySettings {
            window_by: WindowBy::Meetings,
            window_meetings: 3,
            window_days: 120,
            dormant_after_days: 365,
            min_meetings: 2,
            min_agenda_items: 5,
            min_actions: 5,
            min_sample_for_alarm: 10,
            thresholds: SignalThresholds::default(),
            composite: CompositeThresholds { watch: 60.0, alarm: 40.0, flat_within: 3.0, min_signals: 2 },
        }
    }
}

impl Default for CompositeThresholds {
    fn default() -> Self {
        VitalitySettings::default().composite
    }
}

// `code_enum!` derives for the enum as a whole, so `#[default]` on a variant
// is not available.
#[allow(clippy::derivable_impls)]
impl Default for WindowBy {
    fn default() -> Self {
        WindowBy::Meetings
    }
}

impl VitalitySettings {
    /// Checks settings a coordinator typed: sane windows, and for every
    /// signal alarm < watch < good and a weight that is not negative.
    /// Field names are `window_meetings`-style camelCase paths such as
    /// `thresholds.attendance.watch`.
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        if !(1..=24).contains(&self.window_meetings) {
            e.add("windowMeetings", "number-invalid");
        }
        if !(14..=730).contains(&self.window_days) {
            e.add("windowDays", "number-invalid");
        }
        if self.dormant_after_days < 30 {
            e.add("dormantAfterDays", "number-invalid");
        }
        for kind in SignalKind::ALL {
            let t = self.thresholds.get(*kind);
            let name = camel(kind.code());
            let finite = [t.watch, t.good, t.flat_within, t.weight, t.alarm.unwrap_or(0.0)].iter().all(|v| v.is_finite());
            if !finite {
                e.add(&format!("thresholds.{name}.watch"), "number-invalid");
                continue;
            }
            if t.watch >= t.good {
                e.add(&format!("thresholds.{name}.watch"), "threshold-order");
            }
            if t.alarm.is_some_and(|a| a >= t.watch) {
                e.add(&format!("thresholds.{name}.alarm"), "threshold-order");
            }
            if t.weight < 0.0 {
                e.add(&format!("thresholds.{name}.weight"), "number-invalid");
            }
            if t.flat_within < 0.0 {
                e.add(&format!("thresholds.{name}.flatWithin"), "number-invalid");
            }
        }
        let c = &self.composite;
        if !(c.alarm < c.watch && c.watch <= 100.0 && c.alarm >= 0.0) {
            e.add("composite.alarm", "threshold-order");
        }
        e.finish(())
    }
}

fn camel(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut upper = false;
    for c in code.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

/// The value of a message argument. `Label` is a catalogue key that the web
/// layer translates first (e.g. a signal's name inside a sentence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", tag = "type", content = "value")]
pub enum ArgValue {
    Text(String),
    Number(i64),
    Label(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MessageArg {
    pub name: String,
    pub value: ArgValue,
}

/// A sentence to translate: a catalogue key (in `locales/*/vitality.ftl`)
/// and its named arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub key: String,
    pub args: Vec<MessageArg>,
}

impl Message {
    pub fn new(key: &str) -> Self {
        Message { key: key.to_string(), args: Vec::new() }
    }

    pub fn num(mut self, name: &str, value: i64) -> Self {
        self.args.push(MessageArg { name: name.to_string(), value: ArgValue::Number(value) });
        self
    }

    pub fn text(mut self, name: &str, value: &str) -> Self {
        self.args.push(MessageArg { name: name.to_string(), value: ArgValue::Text(value.to_string()) });
        self
    }

    pub fn label(mut self, name: &str, key: String) -> Self {
        self.args.push(MessageArg { name: name.to_string(), value: ArgValue::Label(key) });
        self
    }

    pub fn arg(&self, name: &str) -> Option<&ArgValue> {
        self.args.iter().find(|a| a.name == name).map(|a| &a.value)
    }
}

/// How a value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignalUnit {
    /// 0..=1, shown as a percentage.
    Share,
    /// A whole number.
    Count,
    /// A signed share, shown as the counts joined and left.
    NetChange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    pub direction: TrendDirection,
    /// Whether the change is for the better; `None` when flat.
    pub good: Option<bool>,
}

/// One body's part in a meeting-based signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BodySignal {
    pub body_id: i64,
    pub meetings: usize,
    pub value: Option<f64>,
    pub status: SignalStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Signal {
    pub kind: SignalKind,
    pub unit: SignalUnit,
    pub value: Option<f64>,
    /// Language-neutral display form: "78%", "3", "+2 / −1"; "–" without data.
    pub display: String,
    pub previous: Option<f64>,
    pub trend: Option<Trend>,
    pub status: SignalStatus,
    pub explanation: Message,
    /// Score 0–100 used in the composite; `None` without data.
    pub score: Option<f64>,
    pub weight: f64,
    /// Per body, for meeting-based signals; empty otherwise.
    pub bodies: Vec<BodySignal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Composite {
    /// 0–100, rounded to whole numbers.
    pub value: Option<f64>,
    pub previous: Option<f64>,
    pub trend: Option<Trend>,
    pub status: SignalStatus,
    pub explanation: Message,
    /// How many signals went into it.
    pub parts: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VitalityReport {
    #[schema(value_type = String, format = Date)]
    pub as_of: NaiveDate,
    /// One per [`SignalKind`], in the order of `SignalKind::ALL`.
    pub signals: Vec<Signal>,
    pub composite: Composite,
}

impl VitalityReport {
    pub fn signal(&self, kind: SignalKind) -> Option<&Signal> {
        self.signals.iter().find(|s| s.kind == kind)
    }

    /// The worst status among the signals and the composite.
    pub fn worst_status(&self) -> SignalStatus {
        self.signals
            .iter()
            .map(|s| s.status)
            .chain([self.composite.status])
            .max_by_key(|s| s.severity())
            .unwrap_or(SignalStatus::NotEnoughData)
    }
}

/// The index and the signals on one date, for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPoint {
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    pub composite: Option<f64>,
    pub composite_status: SignalStatus,
    /// In the order of `SignalKind::ALL`.
    pub values: Vec<Option<f64>>,
    pub statuses: Vec<SignalStatus>,
}
