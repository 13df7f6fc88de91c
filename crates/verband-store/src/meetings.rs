//! Bodies, meetings, agenda items, attendance, decisions, action items and
//! stories.

use chrono::{NaiveDate, NaiveTime};
use sqlx::Row;

use crate::networks::parse_date;
use crate::{now_text, Conn, Result, StoreError};
use verband_domain::{
    ActionItem, ActionItemDraft, AgendaItem, AgendaItemDraft, Attendance, AttendanceStatus, Body, BodyDraft, BodyKind, Decision,
    DecisionDraft, Meeting, MeetingDraft, MeetingStatus, Story, StoryDraft,
};

fn required_date(raw: String) -> Result<NaiveDate> {
    parse_date(Some(raw.clone()))?.ok_or(StoreError::Corrupt(format!("date {raw}")))
}

fn parse_time(raw: Option<String>) -> Result<Option<NaiveTime>> {
    raw.map(|s| NaiveTime::parse_from_str(&s, "%H:%M").map_err(|_| StoreError::Corrupt(format!("time {s}")))).transpose()
}

fn code<T>(raw: String, parse: fn(&str) -> Option<T>, what: &str) -> Result<T> {
    parse(&raw).ok_or(StoreError::Corrupt(format!("{what} {raw}")))
}

/// `IN (...)` list of ids we produced ourselves (never user text).
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

// ---------------------------------------------------------------- bodies

fn body_from_row(r: &sqlx::any::AnyRow) -> Result<Body> {
    Ok(Body {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        kind: code(r.try_get("kind")?, BodyKind::parse, "body kind")?,
        name: r.try_get("name")?,
        archived: r.try_get::<Option<String>, _>("archived_at")?.is_some(),
    })
}

pub async fn insert_body(conn: &mut Conn, network_id: i64, d: &BodyDraft) -> Result<i64> {
    let row = sqlx::query("INSERT INTO bodies (network_id, kind, name) VALUES ($1, $2, $3) RETURNING id")
        .bind(network_id)
        .bind(d.kind.code().to_string())
        .bind(d.name.clone())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_body(conn: &mut Conn, network_id: i64, id: i64, d: &BodyDraft) -> Result<()> {
    sqlx::query("UPDATE bodies SET kind = $1, name = $2 WHERE id = $3 AND network_id = $4")
        .bind(d.kind.code().to_string())
        .bind(d.name.clone())
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn bodies_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<Body>> {
    let rows = sqlx::query("SELECT id, network_id, kind, name, archived_at FROM bodies WHERE network_id = $1 ORDER BY name, id")
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(body_from_row).collect()
}

pub async fn body_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Body>> {
    let row = sqlx::query("SELECT id, network_id, kind, name, archived_at FROM bodies WHERE network_id = $1 AND id = $2")
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(body_from_row).transpose()
}

// ---------------------------------------------------------------- meetings

const MEETING_COLUMNS: &str = "id, network_id, body_id, title, date, start_time, place, link, status, notes";

fn meeting_from_row(r: &sqlx::any::AnyRow) -> Result<Meeting> {
    Ok(Meeting {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        body_id: r.try_get("body_id")?,
        title: r.try_get("title")?,
        date: required_date(r.try_get("date")?)?,
        start_time: parse_time(r.try_get("start_time")?)?,
        place: r.try_get("place")?,
        link: r.try_get("link")?,
        status: code(r.try_get("status")?, MeetingStatus::parse, "meeting status")?,
        invited_organisation_ids: Vec::new(),
        invited_person_ids: Vec::new(),
        notes: r.try_get("notes")?,
    })
}

/// Fills in the invited organisations and persons with two queries.
async fn attach_invitees(conn: &mut Conn, meetings: &mut [Meeting]) -> Result<()> {
    if meetings.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();
    let list = id_list(&ids);
    let rows = sqlx::query(&format!(
        "SELECT meeting_id, organisation_id FROM meeting_organisations WHERE meeting_id IN ({list}) ORDER BY organisation_id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        let mid: i64 = r.try_get("meeting_id")?;
        if let Some(m) = meetings.iter_mut().find(|m| m.id == mid) {
            m.invited_organisation_ids.push(r.try_get("organisation_id")?);
        }
    }
    let rows = sqlx::query(&format!("SELECT meeting_id, person_id FROM meeting_persons WHERE meeting_id IN ({list}) ORDER BY person_id"))
        .fetch_all(&mut *conn)
        .await?;
    for r in &rows {
        let mid: i64 = r.try_get("meeting_id")?;
        if let Some(m) = meetings.iter_mut().find(|m| m.id == mid) {
            m.invited_person_ids.push(r.try_get("person_id")?);
        }
    }
    Ok(())
}

async fn replace_invitees(conn: &mut Conn, meeting_id: i64, d: &MeetingDraft) -> Result<()> {
    sqlx::query("DELETE FROM meeting_organisations WHERE meeting_id = $1").bind(meeting_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM meeting_persons WHERE meeting_id = $1").bind(meeting_id).execute(&mut *conn).await?;
    for org in &d.invited_organisation_ids {
        sqlx::query("INSERT INTO meeting_organisations (meeting_id, organisation_id) VALUES ($1, $2)")
            .bind(meeting_id)
            .bind(*org)
            .execute(&mut *conn)
            .await?;
    }
    for person in &d.invited_person_ids {
        sqlx::query("INSERT INTO meeting_persons (meeting_id, person_id) VALUES ($1, $2)")
            .bind(meeting_id)
            .bind(*person)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_meeting(conn: &mut Conn, network_id: i64, d: &MeetingDraft) -> Result<i64> {
    let now = now_text();
    let row = sqlx::query(
        "INSERT INTO meetings (network_id, body_id, title, date, start_time, place, link, status, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(network_id)
    .bind(d.body_id)
    .bind(d.title.clone())
    .bind(d.date.to_string())
    .bind(d.start_time.map(|t| t.format("%H:%M").to_string()))
    .bind(d.place.clone())
    .bind(d.link.clone())
    .bind(d.status.code().to_string())
    .bind(d.notes.clone())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let id: i64 = row.try_get("id")?;
    replace_invitees(conn, id, d).await?;
    Ok(id)
}

pub async fn update_meeting(conn: &mut Conn, network_id: i64, id: i64, d: &MeetingDraft) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET body_id = $1, title = $2, date = $3, start_time = $4, place = $5, link = $6, status = $7, notes = $8,
           updated_at = $9 WHERE id = $10 AND network_id = $11",
    )
    .bind(d.body_id)
    .bind(d.title.clone())
    .bind(d.date.to_string())
    .bind(d.start_time.map(|t| t.format("%H:%M").to_string()))
    .bind(d.place.clone())
    .bind(d.link.clone())
    .bind(d.status.code().to_string())
    .bind(d.notes.clone())
    .bind(now_text())
    .bind(id)
    .bind(network_id)
    .execute(&mut *conn)
    .await?;
    replace_invitees(conn, id, d).await
}

pub async fn meeting_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Meeting>> {
    let row = sqlx::query(&format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 AND id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut meetings = vec![meeting_from_row(&row)?];
    attach_invitees(conn, &mut meetings).await?;
    Ok(meetings.pop())
}

/// A network's meetings, optionally of one body, oldest first.
pub async fn meetings_of_network(conn: &mut Conn, network_id: i64, body_id: Option<i64>) -> Result<Vec<Meeting>> {
    let rows = match body_id {
        Some(b) => {
            sqlx::query(&format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 AND body_id = $2 ORDER BY date, id"))
                .bind(network_id)
                .bind(b)
                .fetch_all(&mut *conn)
                .await?
        }
        None => {
            sqlx::query(&format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 ORDER BY date, id"))
                .bind(network_id)
                .fetch_all(&mut *conn)
                .await?
        }
    };
    let mut meetings = rows.iter().map(meeting_from_row).collect::<Result<Vec<_>>>()?;
    attach_invitees(conn, &mut meetings).await?;
    Ok(meetings)
}

// ---------------------------------------------------------------- agenda

const AGENDA_COLUMNS: &str = "id, meeting_id, position, title, description, organisation_id, person_id, by_coordinator, proposed_on";

fn agenda_from_row(r: &sqlx::any::AnyRow) -> Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.try_get("id")?,
        meeting_id: r.try_get("meeting_id")?,
        position: i32::try_from(r.try_get::<i64, _>("position")?).unwrap_or(i32::MAX),
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        brought_in_by_organisation_id: r.try_get("organisation_id")?,
        brought_in_by_person_id: r.try_get("person_id")?,
        by_coordinator: r.try_get::<i64, _>("by_coordinator")? != 0,
        proposed_on: required_date(r.try_get("proposed_on")?)?,
    })
}

/// Who brought an agenda item in, as the service worked it out.
#[derive(Debug, Clone, Copy)]
pub struct Proposer {
    pub organisation_id: Option<i64>,
    pub person_id: Option<i64>,
    pub by_coordinator: bool,
    pub user_id: Option<i64>,
}

/// Adds the item at the end of the agenda.
pub async fn insert_agenda_item(
    conn: &mut Conn,
    network_id: i64,
    meeting_id: i64,
    d: &AgendaItemDraft,
    by: Proposer,
    on: NaiveDate,
) -> Result<i64> {
    let next: i64 = sqlx::query("SELECT COALESCE(MAX(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1")
        .bind(meeting_id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("next")?;
    let row = sqlx::query(
        "INSERT INTO agenda_items (network_id, meeting_id, position, title, description, organisation_id, person_id, by_coordinator,
           proposed_by_user_id, proposed_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(network_id)
    .bind(meeting_id)
    .bind(next)
    .bind(d.title.clone())
    .bind(d.description.clone())
    .bind(by.organisation_id)
    .bind(by.person_id)
    .bind(i64::from(by.by_coordinator))
    .bind(by.user_id)
    .bind(on.to_string())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn agenda_of_meeting(conn: &mut Conn, meeting_id: i64) -> Result<Vec<AgendaItem>> {
    let rows = sqlx::query(&format!("SELECT {AGENDA_COLUMNS} FROM agenda_items WHERE meeting_id = $1 ORDER BY position, id"))
        .bind(meeting_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(agenda_from_row).collect()
}

pub async fn agenda_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<AgendaItem>> {
    let rows = sqlx::query(&format!("SELECT {AGENDA_COLUMNS} FROM agenda_items WHERE network_id = $1 ORDER BY meeting_id, position"))
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(agenda_from_row).collect()
}

/// Numbers the items 1, 2, 3… in the given order.
pub async fn set_agenda_order(conn: &mut Conn, meeting_id: i64, ordered_ids: &[i64]) -> Result<()> {
    for (i, id) in ordered_ids.iter().enumerate() {
        sqlx::query("UPDATE agenda_items SET position = $1 WHERE id = $2 AND meeting_id = $3")
            .bind(i64::try_from(i + 1).unwrap_or(i64::MAX))
            .bind(*id)
            .bind(meeting_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

// ---------------------------------------------------------------- attendance

fn attendance_from_row(r: &sqlx::any::AnyRow) -> Result<Attendance> {
    Ok(Attendance {
        meeting_id: r.try_get("meeting_id")?,
        organisation_id: r.try_get("organisation_id")?,
        person_id: None,
        status: code(r.try_get("status")?, AttendanceStatus::parse, "attendance")?,
    })
}

pub async fn replace_attendance(conn: &mut Conn, meeting_id: i64, statuses: &[(i64, AttendanceStatus)]) -> Result<()> {
    sqlx::query("DELETE FROM attendance WHERE meeting_id = $1").bind(meeting_id).execute(&mut *conn).await?;
    for (org, status) in statuses {
        sqlx::query("INSERT INTO attendance (meeting_id, organisation_id, status) VALUES ($1, $2, $3)")
            .bind(meeting_id)
            .bind(*org)
            .bind(status.code().to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn attendance_of_meeting(conn: &mut Conn, meeting_id: i64) -> Result<Vec<Attendance>> {
    let rows = sqlx::query("SELECT meeting_id, organisation_id, status FROM attendance WHERE meeting_id = $1 ORDER BY organisation_id")
        .bind(meeting_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(attendance_from_row).collect()
}

pub async fn attendance_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<Attendance>> {
    let rows = sqlx::query(
        "SELECT a.meeting_id, a.organisation_id, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.network_id = $1",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(attendance_from_row).collect()
}

// ---------------------------------------------------------------- decisions

pub async fn insert_decision(conn: &mut Conn, network_id: i64, meeting_id: i64, d: &DecisionDraft) -> Result<i64> {
    let row = sqlx::query("INSERT INTO decisions (network_id, meeting_id, agenda_item_id, text) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(network_id)
        .bind(meeting_id)
        .bind(d.agenda_item_id)
        .bind(d.text.clone())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("id")?)
}

pub async fn decisions_of_meeting(conn: &mut Conn, meeting_id: i64) -> Result<Vec<Decision>> {
    let rows = sqlx::query("SELECT id, meeting_id, agenda_item_id, text FROM decisions WHERE meeting_id = $1 ORDER BY id")
        .bind(meeting_id)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Decision {
                id: r.try_get("id")?,
                meeting_id: r.try_get("meeting_id")?,
                agenda_item_id: r.try_get("agenda_item_id")?,
                text: r.try_get("text")?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------- action items

const ACTION_COLUMNS: &str = "id, network_id, meeting_id, description, owner_organisation_id, owner_person_id, due, done_on, created_on";

fn action_from_row(r: &sqlx::any::AnyRow) -> Result<ActionItem> {
    Ok(ActionItem {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        meeting_id: r.try_get("meeting_id")?,
        description: r.try_get("description")?,
        owner_organisation_id: r.try_get("owner_organisation_id")?,
        owner_person_id: r.try_get("owner_person_id")?,
        due: required_date(r.try_get("due")?)?,
        done_on: parse_date(r.try_get("done_on")?)?,
        created_on: required_date(r.try_get("created_on")?)?,
    })
}

pub async fn insert_action(conn: &mut Conn, network_id: i64, meeting_id: Option<i64>, d: &ActionItemDraft, on: NaiveDate) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO action_items (network_id, meeting_id, description, owner_organisation_id, owner_person_id, due, created_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(network_id)
    .bind(meeting_id)
    .bind(d.description.clone())
    .bind(d.owner_organisation_id)
    .bind(d.owner_person_id)
    .bind(d.due.to_string())
    .bind(on.to_string())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn action_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<ActionItem>> {
    let row = sqlx::query(&format!("SELECT {ACTION_COLUMNS} FROM action_items WHERE network_id = $1 AND id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(action_from_row).transpose()
}

/// Marks the item done on `done_on`, or open again with `None`.
pub async fn set_action_done(conn: &mut Conn, network_id: i64, id: i64, done_on: Option<NaiveDate>) -> Result<()> {
    sqlx::query("UPDATE action_items SET done_on = $1 WHERE network_id = $2 AND id = $3")
        .bind(done_on.map(|d| d.to_string()))
        .bind(network_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A network's action items (of one meeting, when given), by due date.
pub async fn actions_of_network(conn: &mut Conn, network_id: i64, meeting_id: Option<i64>) -> Result<Vec<ActionItem>> {
    let rows = match meeting_id {
        Some(m) => {
            sqlx::query(&format!("SELECT {ACTION_COLUMNS} FROM action_items WHERE network_id = $1 AND meeting_id = $2 ORDER BY due, id"))
                .bind(network_id)
                .bind(m)
                .fetch_all(conn)
                .await?
        }
        None => {
            sqlx::query(&format!("SELECT {ACTION_COLUMNS} FROM action_items WHERE network_id = $1 ORDER BY due, id"))
                .bind(network_id)
                .fetch_all(conn)
                .await?
        }
    };
    rows.iter().map(action_from_row).collect()
}

// ---------------------------------------------------------------- stories

pub async fn insert_story(
    conn: &mut Conn,
    network_id: i64,
    d: &StoryDraft,
    person_id: Option<i64>,
    user_id: Option<i64>,
    on: NaiveDate,
) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO stories (network_id, organisation_id, person_id, title, text, shared_on, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(network_id)
    .bind(d.organisation_id)
    .bind(person_id)
    .bind(d.title.clone())
    .bind(d.text.clone())
    .bind(on.to_string())
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// The newest stories first; `limit` None for all.
pub async fn stories_of_network(conn: &mut Conn, network_id: i64, limit: Option<i64>) -> Result<Vec<Story>> {
    let rows = sqlx::query(
        "SELECT id, network_id, organisation_id, person_id, title, text, shared_on FROM stories WHERE network_id = $1
         ORDER BY shared_on DESC, id DESC LIMIT $2",
    )
    .bind(network_id)
    .bind(limit.unwrap_or(i64::MAX))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Story {
                id: r.try_get("id")?,
                network_id: r.try_get("network_id")?,
                organisation_id: r.try_get("organisation_id")?,
                person_id: r.try_get("person_id")?,
                title: r.try_get("title")?,
                text: r.try_get("text")?,
                shared_on: required_date(r.try_get("shared_on")?)?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------- membership history

/// (organisation id, joined on, left on) of every partner of the network.
pub async fn membership_dates(conn: &mut Conn, network_id: i64) -> Result<Vec<(i64, Option<NaiveDate>, Option<NaiveDate>)>> {
    let rows = sqlx::query("SELECT organisation_id, member_since, left_on FROM memberships WHERE network_id = $1")
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("organisation_id")?, parse_date(r.try_get("member_since")?)?, parse_date(r.try_get("left_on")?)?)))
        .collect()
}

// ---------------------------------------------------------------- settings and feeds

pub async fn vitality_settings(conn: &mut Conn, network_id: i64) -> Result<Option<String>> {
    let row = sqlx::query("SELECT settings FROM vitality_settings WHERE network_id = $1").bind(network_id).fetch_optional(conn).await?;
    Ok(row.map(|r| r.try_get("settings")).transpose()?)
}

pub async fn set_vitality_settings(conn: &mut Conn, network_id: i64, settings_json: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO vitality_settings (network_id, settings) VALUES ($1, $2)
         ON CONFLICT (network_id) DO UPDATE SET settings = excluded.settings",
    )
    .bind(network_id)
    .bind(settings_json.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarFeed {
    pub id: i64,
    pub user_id: i64,
    pub network_id: i64,
    pub body_id: Option<i64>,
    pub created_at: String,
    pub revoked: bool,
}

fn feed_from_row(r: &sqlx::any::AnyRow) -> Result<CalendarFeed> {
    Ok(CalendarFeed {
        id: r.try_get("id")?,
        user_id: r.try_get("user_id")?,
        network_id: r.try_get("network_id")?,
        body_id: r.try_get("body_id")?,
        created_at: r.try_get("created_at")?,
        revoked: r.try_get::<Option<String>, _>("revoked_at")?.is_some(),
    })
}

pub async fn insert_feed(conn: &mut Conn, user_id: i64, network_id: i64, body_id: Option<i64>, token_hash: &str) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO calendar_feeds (user_id, network_id, body_id, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(network_id)
    .bind(body_id)
    .bind(token_hash.to_string())
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// The live (not revoked) feed with this token hash.
pub async fn live_feed(conn: &mut Conn, token_hash: &str) -> Result<Option<CalendarFeed>> {
    let row = sqlx::query(
        "SELECT id, user_id, network_id, body_id, created_at, revoked_at FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash.to_string())
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(feed_from_row).transpose()
}

pub async fn feeds_of_user(conn: &mut Conn, user_id: i64, network_id: i64) -> Result<Vec<CalendarFeed>> {
    let rows = sqlx::query(
        "SELECT id, user_id, network_id, body_id, created_at, revoked_at FROM calendar_feeds WHERE user_id = $1 AND network_id = $2
         ORDER BY id",
    )
    .bind(user_id)
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(feed_from_row).collect()
}

pub async fn revoke_feed(conn: &mut Conn, user_id: i64, feed_id: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE calendar_feeds SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
        .bind(now_text())
        .bind(feed_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
