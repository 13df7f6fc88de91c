//! Meetings as iCalendar (RFC 5545): one meeting or a body's meetings for
//! download, and personal feed URLs that a calendar program subscribes to.
//!
//! Routes:
//! - `GET /netwerken/{network_id}/bijeenkomsten/{id}/agenda.ics`: one meeting (logged in);
//! - `GET /netwerken/{network_id}/organen/{body_id}/agenda.ics`: a body's meetings (logged in);
//! - `GET /agenda/{token}.ics`: a personal feed, without a session; the token is
//!   the secret. (`/agenda/{token}` answers the same, for programs that drop
//!   the extension.) Unknown and revoked tokens answer a plain 404.
//!
//! The feed route is outside the page router on purpose: no session, no
//! cookies, no CSRF, no error page. Nothing here logs the request path, and
//! the server has no request-logging layer, so the token stays out of logs.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use verband_domain::{Body, Meeting, MeetingStatus};

use crate::error::WebError;
use crate::visitor::{visitor_middleware, Visitor};
use crate::AppState;

/// How long a meeting lasts in the calendar when only its start is known.
const DEFAULT_MINUTES: i64 = 90;

/// How often a subscribed calendar program should fetch a feed again.
const FEED_REFRESH_HOURS: i64 = 1;

pub fn routes(state: AppState) -> Router {
    let pages = Router::new()
        .route("/netwerken/{network_id}/bijeenkomsten/{id}/agenda.ics", get(meeting_ics))
        .route("/netwerken/{network_id}/organen/{body_id}/agenda.ics", get(body_ics))
        .layer(middleware::from_fn_with_state(state.clone(), visitor_middleware));
    Router::new().merge(pages).route("/agenda/{token}", get(feed)).with_state(state)
}

// ---------------------------------------------------------------------------
// Building the calendar
// ---------------------------------------------------------------------------

/// Calendar programs read control characters other than line breaks as the
/// end of a line, which would let a typed value add properties of its own.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect()
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) }?;
    let last = first_of_next.pred_opt()?;
    let back = i64::from(last.weekday().num_days_from_sunday());
    Some(last - Duration::days(back))
}

/// A Dutch wall-clock time as UTC. Meetings are held in the Netherlands; the
/// EU summer-time rule (last Sunday of March to last Sunday of October,
/// switching at 01:00 UTC) gives the offset, so calendar programs anywhere
/// show the right moment without a VTIMEZONE block, which the icalendar
/// crate cannot write. In the autumn's repeated hour the first one is meant.
pub fn amsterdam_to_utc(local: NaiveDateTime) -> chrono::DateTime<Utc> {
    let year = local.year();
    let summer = match (last_sunday(year, 3), last_sunday(year, 10)) {
        (Some(start), Some(end)) => {
            // 02:00 local winter time and 03:00 local summer time are both 01:00 UTC.
            let starts = start.and_hms_opt(2, 0, 0);
            let ends = end.and_hms_opt(3, 0, 0);
            starts.is_some_and(|s| local >= s) && ends.is_some_and(|e| local < e)
        }
        _ => false,
    };
    let offset = Duration::hours(if summer { 2 } else { 1 });
    Utc.from_utc_datetime(&(local - offset))
}

/// One meeting as an event. The UID stays the same across exports and feeds,
/// so a calendar program updates the event instead of adding a copy.
pub fn meeting_event(meeting: &Meeting, body_name: &str) -> Event {
    let mut event = Event::new();
    event.uid(&format!("meeting-{}@verband", meeting.id));
    let summary = match meeting.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => format!("{body_name}: {title}"),
        None => body_name.to_string(),
    };
    event.summary(&clean(&summary));
    match meeting.start_time {
        Some(time) => {
            let start = amsterdam_to_utc(meeting.date.and_time(time));
            event.starts(start).ends(start + Duration::minutes(DEFAULT_MINUTES));
        }
        None => {
            // DTEND of an all-day event is exclusive: the day after.
            let next = meeting.date.succ_opt().unwrap_or(meeting.date);
            event.starts(meeting.date).ends(next);
        }
    }
    if let Some(place) = meeting.place.as_deref().filter(|p| !p.trim().is_empty()) {
        event.location(&clean(place));
    }
    if let Some(link) = meeting.link.as_deref().filter(|l| !l.trim().is_empty()) {
        let link = clean(link).replace('\n', "");
        event.url(&link);
        // Not every calendar program shows URL; the description carries it too.
        event.description(&link);
    }
    event.status(if meeting.status == MeetingStatus::Cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    event.done()
}

/// A calendar named `name` with these meetings (each with its body's name).
pub fn calendar(name: &str, meetings: &[(&Meeting, &str)], refresh: Option<Duration>) -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Verband//Verband//NL"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&clean(name).replace('\n', " "));
    if let Some(r) = refresh {
        cal.ttl(&r);
    }
    for (meeting, body_name) in meetings {
        cal.push(meeting_event(meeting, body_name));
    }
    cal.done()
}

/// The meetings a list calendar shows: cancelled ones are left out (a
/// single meeting's download keeps its status, so it can cancel the event).
fn listed<'a>(meetings: &'a [Meeting], bodies: &'a [Body]) -> Vec<(&'a Meeting, &'a str)> {
    meetings
        .iter()
        .filter(|m| m.status != MeetingStatus::Cancelled)
        .map(|m| (m, bodies.iter().find(|b| b.id == m.body_id).map(|b| b.name.as_str()).unwrap_or("")))
        .collect()
}

/// A file name of letters, digits and dashes, for `Content-Disposition`.
fn file_name(parts: &[&str]) -> String {
    let mut out = String::new();
    for c in parts.join("-").to_lowercase().chars() {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            _ => '-',
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-');
    format!("{}.ics", if out.is_empty() { "agenda" } else { out })
}

fn ics_response(cal: &Calendar, download_as: Option<&str>) -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], cal.to_string()).into_response();
    if let Some(name) = download_as {
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            response.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    response
}

// ---------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------

async fn meeting_ics(
    Extension(v): Extension<Visitor>,
    State(state): State<AppState>,
    Path((network_id, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let (network, _) = state.service.network(&actor, network_id).await?;
    let detail = state.service.meeting(&actor, network_id, id).await?;
    let name = format!("{} – {}", network.name, detail.body.name);
    let cal = calendar(&name, &[(&detail.meeting, detail.body.name.as_str())], None);
    let date = detail.meeting.date.to_string();
    Ok(ics_response(&cal, Some(&file_name(&[&detail.body.name, &date]))))
}

async fn body_ics(
    Extension(v): Extension<Visitor>,
    State(state): State<AppState>,
    Path((network_id, body_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let (network, _) = state.service.network(&actor, network_id).await?;
    let bodies = state.service.bodies(&actor, network_id).await?;
    let body = bodies.iter().find(|b| b.id == body_id).ok_or(WebError::NotFound)?;
    let meetings = state.service.meetings(&actor, network_id, Some(body_id)).await?;
    let name = format!("{} – {}", network.name, body.name);
    let cal = calendar(&name, &listed(&meetings, &bodies), None);
    Ok(ics_response(&cal, Some(&file_name(&[&body.name]))))
}

async fn feed(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    let not_found = || (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "Not found\n").into_response();
    if token.is_empty() || token.len() > 100 {
        return not_found();
    }
    let content = match state.service.calendar_feed(token).await {
        Ok(c) => c,
        Err(verband_service::ServiceError::NotFound) => return not_found(),
        Err(e) => {
            // The error is the store's; it never contains the token (only its hash is queried).
            tracing::error!("calendar feed: {e}");
            return (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "Error\n").into_response();
        }
    };
    let cal = calendar(&content.network_name, &listed(&content.meetings, &content.bodies), Some(Duration::hours(FEED_REFRESH_HOURS)));
    let mut response = ics_response(&cal, None);
    // The URL is a secret: keep the answer out of shared caches and search engines.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=300"));
    response.headers_mut().insert("x-robots-tag", HeaderValue::from_static("noindex"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(date: &str, time: &str) -> NaiveDateTime {
        NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap().and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())
    }

    #[test]
    fn dutch_time_follows_summer_time() {
        // 2026: summer time from Sunday 29 March to Sunday 25 October.
        assert_eq!(last_sunday(2026, 3), NaiveDate::from_ymd_opt(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), NaiveDate::from_ymd_opt(2026, 10, 25));
        assert_eq!(last_sunday(2026, 12), NaiveDate::from_ymd_opt(2026, 12, 27));
        assert_eq!(amsterdam_to_utc(at("2026-01-15", "15:00")).to_rfc3339(), "2026-01-15T14:00:00+00:00");
        assert_eq!(amsterdam_to_utc(at("2026-07-01", "15:00")).to_rfc3339(), "2026-07-01T13:00:00+00:00");
        assert_eq!(amsterdam_to_utc(at("2026-03-29", "01:59")).to_rfc3339(), "2026-03-29T00:59:00+00:00");
        assert_eq!(amsterdam_to_utc(at("2026-03-29", "03:00")).to_rfc3339(), "2026-03-29T01:00:00+00:00");
        assert_eq!(amsterdam_to_utc(at("2026-10-25", "02:30")).to_rfc3339(), "2026-10-25T00:30:00+00:00");
        assert_eq!(amsterdam_to_utc(at("2026-10-25", "03:00")).to_rfc3339(), "2026-10-25T02:00:00+00:00");
    }

    #[test]
    fn typed_text_cannot_add_lines() {
        assert_eq!(clean("Zaal 2\r\nATTENDEE:x\rY\u{0}"), "Zaal 2\nATTENDEE:xY");
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name(&["Regiegroep Zuid-Oost", "2026-03-12"]), "regiegroep-zuid-oost-2026-03-12.ics");
        assert_eq!(file_name(&["Coördinatie / één"]), "coordinatie-een.ics");
        assert_eq!(file_name(&["!!"]), "agenda.ics");
    }
}
