//! Meetings of the network's bodies: agenda items (and who brought them in),
//! attendance, decisions, action items, and the successes partners share.
//! These records are also what the vitality signals are computed from
//! (see [`crate::vitality`]).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::validation::{optional_date, optional_text, required_code, required_text, ValidationErrors};

code_enum!(
    /// The kind of body that meets (DOMAIN.md, Meeting).
    BodyKind, "meeting-body" {
        SteeringGroup => "steering_group",
        WorkingGroup => "working_group",
        NetworkMeeting => "network_meeting",
        WorkVisit => "work_visit",
        LearningSession => "learning_session",
    }
);

code_enum!(
    /// Where a meeting stands. Cancelled meetings stay on record but count
    /// for nothing in the vitality signals.
    MeetingStatus, "meeting-status" {
        Planned => "planned",
        Held => "held",
        Cancelled => "cancelled",
    }
);

code_enum!(
    /// Whether a partner (or person) was at a meeting. Excused counts as not
    /// present for the attendance signal: energy is about who shows up.
    AttendanceStatus, "attendance" {
        Present => "present",
        Excused => "excused",
        Absent => "absent",
    }
);

// ---------------------------------------------------------------------------
// Small parsing helpers for ids and dates typed into forms
// ---------------------------------------------------------------------------

fn optional_id(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<i64> {
    match raw.trim() {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add(field, "choice-invalid");
                None
            }
        },
    }
}

fn required_id(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<i64> {
    if raw.trim().is_empty() {
        errors.add(field, "required");
        return None;
    }
    optional_id(errors, field, raw)
}

/// Parses a list of ids (checkboxes, multi-select), dropping empties and repeats.
fn id_list(errors: &mut ValidationErrors, field: &str, raw: &[String]) -> Vec<i64> {
    let mut out = Vec::new();
    let mut bad = false;
    for v in raw.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match v.parse::<i64>() {
            Ok(id) if id > 0 => {
                if !out.contains(&id) {
                    out.push(id)
                }
            }
            _ => bad = true,
        }
    }
    if bad {
        errors.add(field, "choice-invalid");
    }
    out
}

fn required_date(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<NaiveDate> {
    if raw.trim().is_empty() {
        errors.add(field, "required");
        return None;
    }
    optional_date(errors, field, raw)
}

/// Parses an optional time of day as an HTML time input sends it (`HH:MM`).
fn optional_time(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<NaiveTime> {
    let v = raw.trim();
    if v.is_empty() {
        return None;
    }
    match NaiveTime::parse_from_str(v, "%H:%M").or_else(|_| NaiveTime::parse_from_str(v, "%H:%M:%S")) {
        Ok(t) => Some(t),
        Err(_) => {
            errors.add(field, "time-invalid");
            None
        }
    }
}

fn optional_url(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<String> {
    let url = optional_text(errors, field, raw, 500);
    if let Some(u) = &url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            errors.add(field, "url-invalid");
        }
    }
    url
}

// ---------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------

/// A body of the network that meets: the steering group, a working group,
/// the network meeting... A network can have several bodies of one kind
/// (several working groups), hence the name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Body {
    pub id: i64,
    pub network_id: i64,
    pub kind: BodyKind,
    pub name: String,
    pub archived: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct BodyForm {
    pub kind: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BodyDraft {
    pub kind: BodyKind,
    pub name: String,
}

impl BodyForm {
    pub fn validate(&self) -> Result<BodyDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let kind = required_code(&mut e, "kind", &self.kind, BodyKind::parse);
        let name = required_text(&mut e, "name", &self.name, 200);
        match kind {
            Some(kind) if e.is_empty() => Ok(BodyDraft { kind, name }),
            _ => Err(e),
        }
    }
}

// ---------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: i64,
    pub network_id: i64,
    pub body_id: i64,
    pub title: Option<String>,
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    #[schema(value_type = Option<String>)]
    pub start_time: Option<NaiveTime>,
    pub place: Option<String>,
    /// Link for an online meeting.
    pub link: Option<String>,
    pub status: MeetingStatus,
    pub invited_organisation_ids: Vec<i64>,
    pub invited_person_ids: Vec<i64>,
    pub notes: Option<String>,
}

impl Meeting {
    pub fn to_form(&self) -> MeetingForm {
        let ids = |v: &[i64]| v.iter().map(i64::to_string).collect();
        MeetingForm {
            body_id: self.body_id.to_string(),
            title: self.title.clone().unwrap_or_default(),
            date: self.date.to_string(),
            start_time: self.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
            place: self.place.clone().unwrap_or_default(),
            link: self.link.clone().unwrap_or_default(),
            status: self.status.code().into(),
            invited_organisation_ids: ids(&self.invited_organisation_ids),
            invited_person_ids: ids(&self.invited_person_ids),
            notes: self.notes.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct MeetingForm {
    pub body_id: String,
    pub title: String,
    pub date: String,
    pub start_time: String,
    pub place: String,
    pub link: String,
    /// Empty means `planned`.
    pub status: String,
    pub invited_organisation_ids: Vec<String>,
    pub invited_person_ids: Vec<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingDraft {
    pub body_id: i64,
    pub title: Option<String>,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub place: Option<String>,
    pub link: Option<String>,
    pub status: MeetingStatus,
    pub invited_organisation_ids: Vec<i64>,
    pub invited_person_ids: Vec<i64>,
    pub notes: Option<String>,
}

impl MeetingForm {
    pub fn validate(&self) -> Result<MeetingDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let body_id = required_id(&mut e, "bodyId", &self.body_id);
        let title = optional_text(&mut e, "title", &self.title, 200);
        let date = required_date(&mut e, "date", &self.date);
        let start_time = optional_time(&mut e, "startTime", &self.start_time);
        let place = optional_text(&mut e, "place", &self.place, 300);
        let link = optional_url(&mut e, "link", &self.link);
        let status_raw = if self.status.trim().is_empty() { "planned" } else { self.status.as_str() };
        let status = required_code(&mut e, "status", status_raw, MeetingStatus::parse);
        let invited_organisation_ids = id_list(&mut e, "invitedOrganisationIds", &self.invited_organisation_ids);
        let invited_person_ids = id_list(&mut e, "invitedPersonIds", &self.invited_person_ids);
        let notes = optional_text(&mut e, "notes", &self.notes, 8000);
        match (body_id, date, status) {
            (Some(body_id), Some(date), Some(status)) if e.is_empty() => Ok(MeetingDraft {
                body_id,
                title,
                date,
                start_time,
                place,
                link,
                status,
                invited_organisation_ids,
                invited_person_ids,
                notes,
            }),
            _ => Err(e),
        }
    }
}

// ---------------------------------------------------------------------------
// Agenda
// ---------------------------------------------------------------------------

/// One agenda item. Who brought it in is the heart of the agenda-ownership
/// signal: `by_coordinator` is set by the service from the proposer's role
/// (or because the organisation is the coordinator's), never from the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    /// Order on the agenda, set by the coordinator; lower comes first.
    pub position: i32,
    pub title: String,
    pub description: Option<String>,
    pub brought_in_by_organisation_id: Option<i64>,
    pub brought_in_by_person_id: Option<i64>,
    pub by_coordinator: bool,
    #[schema(value_type = String, format = Date)]
    pub proposed_on: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct AgendaItemForm {
    pub title: String,
    pub description: String,
    /// The partner on whose behalf the item is brought in; the service fills
    /// in the proposer's own organisation when this is empty.
    pub organisation_id: String,
    pub person_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItemDraft {
    pub title: String,
    pub description: Option<String>,
    pub organisation_id: Option<i64>,
    pub person_id: Option<i64>,
}

impl AgendaItemForm {
    pub fn validate(&self) -> Result<AgendaItemDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = required_text(&mut e, "title", &self.title, 300);
        let description = optional_text(&mut e, "description", &self.description, 4000);
        let organisation_id = optional_id(&mut e, "organisationId", &self.organisation_id);
        let person_id = optional_id(&mut e, "personId", &self.person_id);
        e.finish(AgendaItemDraft { title, description, organisation_id, person_id })
    }
}

/// The coordinator's new order of a meeting's agenda.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct AgendaOrderForm {
    pub item_ids: Vec<String>,
}

impl AgendaOrderForm {
    /// The ids in their new order. It must name every item of the meeting
    /// exactly once, so that a stale page cannot silently drop an item.
    pub fn validate(&self, existing: &[i64]) -> Result<Vec<i64>, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let mut order = Vec::with_capacity(self.item_ids.len());
        for raw in &self.item_ids {
            match raw.trim().parse::<i64>() {
                Ok(id) if existing.contains(&id) && !order.contains(&id) => order.push(id),
                _ => {
                    e.add("itemIds", "choice-invalid");
                    return Err(e);
                }
            }
        }
        if order.len() != existing.len() {
            e.add("itemIds", "choice-invalid");
        }
        e.finish(order)
    }
}

// ---------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------

/// Attendance of one partner (and optionally one of its people) at a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attendance {
    pub meeting_id: i64,
    pub organisation_id: i64,
    pub person_id: Option<i64>,
    pub status: AttendanceStatus,
}

/// The attendance list as the coordinator ticks it after the meeting.
/// Invited partners that are in neither list were absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct AttendanceForm {
    pub present_organisation_ids: Vec<String>,
    pub excused_organisation_ids: Vec<String>,
    pub present_person_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceDraft {
    pub present_organisation_ids: Vec<i64>,
    pub excused_organisation_ids: Vec<i64>,
    pub present_person_ids: Vec<i64>,
}

impl AttendanceForm {
    pub fn validate(&self) -> Result<AttendanceDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let present = id_list(&mut e, "presentOrganisationIds", &self.present_organisation_ids);
        let excused = id_list(&mut e, "excusedOrganisationIds", &self.excused_organisation_ids);
        let persons = id_list(&mut e, "presentPersonIds", &self.present_person_ids);
        if excused.iter().any(|id| present.contains(id)) {
            e.add("excusedOrganisationIds", "present-and-excused");
        }
        e.finish(AttendanceDraft { present_organisation_ids: present, excused_organisation_ids: excused, present_person_ids: persons })
    }
}

impl AttendanceDraft {
    /// One row per partner: the present and excused ones, and every other
    /// invited partner as absent.
    pub fn organisation_statuses(&self, invited: &[i64]) -> Vec<(i64, AttendanceStatus)> {
        let mut out: Vec<(i64, AttendanceStatus)> = Vec::new();
        out.extend(self.present_organisation_ids.iter().map(|id| (*id, AttendanceStatus::Present)));
        out.extend(self.excused_organisation_ids.iter().map(|id| (*id, AttendanceStatus::Excused)));
        for id in invited {
            if !out.iter().any(|(o, _)| o == id) {
                out.push((*id, AttendanceStatus::Absent));
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Decisions and action items
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct DecisionForm {
    pub text: String,
    pub agenda_item_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionDraft {
    pub text: String,
    pub agenda_item_id: Option<i64>,
}

impl DecisionForm {
    pub fn validate(&self) -> Result<DecisionDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let text = required_text(&mut e, "text", &self.text, 4000);
        let agenda_item_id = optional_id(&mut e, "agendaItemId", &self.agenda_item_id);
        e.finish(DecisionDraft { text, agenda_item_id })
    }
}

/// Something someone promised to do. Owners tick off their own items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActionItem {
    pub id: i64,
    pub network_id: i64,
    /// The meeting it came from; `None` for an item made outside a meeting.
    pub meeting_id: Option<i64>,
    pub description: String,
    pub owner_organisation_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    #[schema(value_type = String, format = Date)]
    pub due: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub done_on: Option<NaiveDate>,
    #[schema(value_type = String, format = Date)]
    pub created_on: NaiveDate,
}

impl ActionItem {
    /// Open after its due date, as seen on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.due < today && self.done_on.is_none_or(|d| d > today)
    }

    /// `Some(true)` when done by its due date, `Some(false)` when done late,
    /// `None` while still open.
    pub fn done_on_time(&self) -> Option<bool> {
        self.done_on.map(|d| d <= self.due)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct ActionItemForm {
    pub description: String,
    pub owner_organisation_id: String,
    pub owner_person_id: String,
    pub due: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionItemDraft {
    pub description: String,
    pub owner_organisation_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    pub due: NaiveDate,
}

impl ActionItemForm {
    /// An action item needs an owner (a partner or a person) and a due date:
    /// without them nobody can tell whether it was done on time.
    pub fn validate(&self) -> Result<ActionItemDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let description = required_text(&mut e, "description", &self.description, 1000);
        let owner_organisation_id = optional_id(&mut e, "ownerOrganisationId", &self.owner_organisation_id);
        let owner_person_id = optional_id(&mut e, "ownerPersonId", &self.owner_person_id);
        if self.owner_organisation_id.trim().is_empty() && self.owner_person_id.trim().is_empty() {
            e.add("ownerPersonId", "required");
        }
        let due = required_date(&mut e, "due", &self.due);
        match due {
            Some(due) if e.is_empty() => Ok(ActionItemDraft { description, owner_organisation_id, owner_person_id, due }),
            _ => Err(e),
        }
    }
}

/// Ticking an action item off; an empty date means today.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct ActionDoneForm {
    pub done_on: String,
}

impl ActionDoneForm {
    pub fn validate(&self, today: NaiveDate) -> Result<NaiveDate, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let done_on = optional_date(&mut e, "doneOn", &self.done_on).unwrap_or(today);
        if done_on > today {
            e.add("doneOn", "date-in-future");
        }
        e.finish(done_on)
    }
}

// ---------------------------------------------------------------------------
// Shared successes and stories
// ---------------------------------------------------------------------------

/// A short success or story a partner shares with the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    pub id: i64,
    pub network_id: i64,
    pub organisation_id: Option<i64>,
    pub person_id: Option<i64>,
    pub title: String,
    pub text: String,
    #[schema(value_type = String, format = Date)]
    pub shared_on: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct StoryForm {
    pub title: String,
    pub text: String,
    pub organisation_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoryDraft {
    pub title: String,
    pub text: String,
    pub organisation_id: Option<i64>,
}

impl StoryForm {
    /// Short on purpose: a story is a quick share, not a report.
    pub fn validate(&self) -> Result<StoryDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = required_text(&mut e, "title", &self.title, 200);
        let text = required_text(&mut e, "text", &self.text, 2000);
        let organisation_id = optional_id(&mut e, "organisationId", &self.organisation_id);
        e.finish(StoryDraft { title, text, organisation_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn body_kinds_have_stable_codes_and_labels() {
        assert_eq!(BodyKind::ALL.len(), 5);
        assert_eq!(BodyKind::parse("steering_group"), Some(BodyKind::SteeringGroup));
        assert_eq!(BodyKind::LearningSession.label_key(), "meeting-body-learning_session");
        let e = BodyForm { kind: "board".into(), name: "".into() }.validate().unwrap_err();
        assert_eq!(e.for_field("kind").unwrap().code, "choice-invalid");
        assert_eq!(e.for_field("name").unwrap().code, "required");
    }

    #[test]
    fn meeting_form_collects_all_problems_and_keeps_defaults() {
        let f = MeetingForm {
            date: "12-03-2026".into(),
            start_time: "25:00".into(),
            link: "teams.example/abc".into(),
            invited_organisation_ids: vec!["3".into(), "x".into()],
            ..Default::default()
        };
        let e = f.validate().unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["bodyId", "date", "startTime", "link", "invitedOrganisationIds"]);
        assert_eq!(e.for_field("startTime").unwrap().code, "time-invalid");

        let ok = MeetingForm {
            body_id: "2".into(),
            date: "2026-03-12".into(),
            start_time: "14:30".into(),
            link: "https://meet.example/regiegroep".into(),
            invited_organisation_ids: vec!["3".into(), "3".into(), "".into(), "5".into()],
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.status, MeetingStatus::Planned);
        assert_eq!(ok.invited_organisation_ids, vec![3, 5]);
        assert_eq!(ok.start_time, NaiveTime::from_hms_opt(14, 30, 0));
    }

    #[test]
    fn meeting_round_trips_through_its_form() {
        let m = Meeting {
            id: 1,
            network_id: 1,
            body_id: 4,
            title: Some("Regiegroep maart".into()),
            date: d("2026-03-12"),
            start_time: NaiveTime::from_hms_opt(9, 0, 0),
            place: Some("Stadhuis, zaal 2".into()),
            link: None,
            status: MeetingStatus::Held,
            invited_organisation_ids: vec![1, 2],
            invited_person_ids: vec![],
            notes: None,
        };
        let draft = m.to_form().validate().unwrap();
        assert_eq!(draft.date, m.date);
        assert_eq!(draft.start_time, m.start_time);
        assert_eq!(draft.status, MeetingStatus::Held);
        assert_eq!(draft.invited_organisation_ids, m.invited_organisation_ids);
    }

    #[test]
    fn agenda_item_needs_a_title_and_keeps_text_as_typed() {
        let e = AgendaItemForm { organisation_id: "abc".into(), ..Default::default() }.validate().unwrap_err();
        assert_eq!(e.0.len(), 2);
        let ok = AgendaItemForm { title: "  Evaluatie pilot valpreventie ".into(), organisation_id: "7".into(), ..Default::default() }
            .validate()
            .unwrap();
        assert_eq!(ok.title, "Evaluatie pilot valpreventie");
        assert_eq!(ok.organisation_id, Some(7));
    }

    #[test]
    fn agenda_order_must_be_a_permutation() {
        let existing = [10, 11, 12];
        let ok = AgendaOrderForm { item_ids: vec!["12".into(), "10".into(), "11".into()] }.validate(&existing).unwrap();
        assert_eq!(ok, vec![12, 10, 11]);
        assert!(AgendaOrderForm { item_ids: vec!["12".into(), "10".into()] }.validate(&existing).is_err());
        assert!(AgendaOrderForm { item_ids: vec!["12".into(), "12".into(), "11".into()] }.validate(&existing).is_err());
        assert!(AgendaOrderForm { item_ids: vec!["12".into(), "10".into(), "99".into()] }.validate(&existing).is_err());
    }

    #[test]
    fn attendance_cannot_be_present_and_excused() {
        let f = AttendanceForm {
            present_organisation_ids: vec!["1".into(), "2".into()],
            excused_organisation_ids: vec!["2".into()],
            ..Default::default()
        };
        assert_eq!(f.validate().unwrap_err().0[0].code, "present-and-excused");
        let draft =
            AttendanceForm { present_organisation_ids: vec!["1".into()], excused_organisation_ids: vec!["2".into()], ..Default::default() }
                .validate()
                .unwrap();
        let rows = draft.organisation_statuses(&[1, 2, 3]);
        assert_eq!(rows, vec![(1, AttendanceStatus::Present), (2, AttendanceStatus::Excused), (3, AttendanceStatus::Absent)]);
    }

    #[test]
    fn action_item_needs_owner_and_due_date() {
        let e = ActionItemForm { description: "Notitie schrijven".into(), ..Default::default() }.validate().unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["ownerPersonId", "due"]);
        let ok = ActionItemForm {
            description: "Notitie schrijven".into(),
            owner_organisation_id: "4".into(),
            due: "2026-04-01".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.owner_organisation_id, Some(4));
        assert_eq!(ok.owner_person_id, None);
    }

    #[test]
    fn action_item_overdue_and_on_time() {
        let mut a = ActionItem {
            id: 1,
            network_id: 1,
            meeting_id: Some(1),
            description: "x".into(),
            owner_organisation_id: Some(1),
            owner_person_id: None,
            due: d("2026-04-01"),
            done_on: None,
            created_on: d("2026-03-01"),
        };
        assert!(!a.is_overdue(d("2026-04-01")));
        assert!(a.is_overdue(d("2026-04-02")));
        assert_eq!(a.done_on_time(), None);
        a.done_on = Some(d("2026-04-05"));
        assert_eq!(a.done_on_time(), Some(false));
        assert!(a.is_overdue(d("2026-04-03")), "not yet done as seen on that day");
        assert!(!a.is_overdue(d("2026-04-06")));
        a.done_on = Some(d("2026-04-01"));
        assert_eq!(a.done_on_time(), Some(true));
    }

    #[test]
    fn ticking_off_defaults_to_today_and_refuses_the_future() {
        let today = d("2026-05-01");
        assert_eq!(ActionDoneForm::default().validate(today).unwrap(), today);
        assert_eq!(ActionDoneForm { done_on: "2026-04-20".into() }.validate(today).unwrap(), d("2026-04-20"));
        assert_eq!(ActionDoneForm { done_on: "2026-05-02".into() }.validate(today).unwrap_err().0[0].code, "date-in-future");
    }

    #[test]
    fn story_is_short() {
        let long = "a".repeat(2001);
        let e = StoryForm { title: "Gelukt!".into(), text: long, ..Default::default() }.validate().unwrap_err();
        assert_eq!(e.for_field("text").unwrap().code, "too-long");
        assert!(StoryForm { title: "Gelukt!".into(), text: "De eerste tien huishoudens zijn bereikt.".into(), ..Default::default() }
            .validate()
            .is_ok());
    }
}
