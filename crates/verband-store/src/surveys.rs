//! Instruments and their versions, survey rounds, invitations, personal
//! links (hashes only), responses and the themes of open answers.

use sqlx::Row;

use crate::{now_text, Conn, Result};

/// An instrument with its newest version.
#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentRecord {
    pub id: i64,
    /// The built-in kind code this row stands for; `None` for an own instrument.
    pub builtin: Option<String>,
    pub name: String,
    pub version_id: i64,
    pub version: i64,
    pub definition: String,
    /// Rounds asked with any version of it.
    pub round_count: i64,
}

const INSTRUMENT_SELECT: &str = "SELECT i.id, i.builtin, i.name, v.id AS version_id, v.version, v.definition, \
     (SELECT COUNT(*) FROM survey_rounds r WHERE r.instrument_id = i.id) AS round_count \
     FROM instruments i JOIN instrument_versions v ON v.instrument_id = i.id \
     AND v.version = (SELECT MAX(x.version) FROM instrument_versions x WHERE x.instrument_id = i.id)";

fn instrument_from_row(r: &sqlx::any::AnyRow) -> Result<InstrumentRecord> {
    Ok(InstrumentRecord {
        id: r.try_get("id")?,
        builtin: r.try_get("builtin")?,
        name: r.try_get("name")?,
        version_id: r.try_get("version_id")?,
        version: r.try_get("version")?,
        definition: r.try_get("definition")?,
        round_count: r.try_get("round_count")?,
    })
}

/// The network's instruments that are not archived: built-in ones first, then by name.
pub async fn instruments_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<InstrumentRecord>> {
    let rows = sqlx::query(&format!(
        "{INSTRUMENT_SELECT} WHERE i.network_id = $1 AND i.archived_at IS NULL ORDER BY (i.builtin IS NULL), i.name, i.id"
    ))
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(instrument_from_row).collect()
}

pub async fn instrument_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<InstrumentRecord>> {
    let row = sqlx::query(&format!("{INSTRUMENT_SELECT} WHERE i.network_id = $1 AND i.id = $2 AND i.archived_at IS NULL"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(instrument_from_row).transpose()
}

pub async fn builtin_instrument(conn: &mut Conn, network_id: i64, kind: &str) -> Result<Option<InstrumentRecord>> {
    let row = sqlx::query(&format!("{INSTRUMENT_SELECT} WHERE i.network_id = $1 AND i.builtin = $2"))
        .bind(network_id)
        .bind(kind.to_string())
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(instrument_from_row).transpose()
}

pub async fn insert_instrument(conn: &mut Conn, network_id: i64, builtin: Option<&str>, name: &str) -> Result<i64> {
    let row = sqlx::query("INSERT INTO instruments (network_id, builtin, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(network_id)
        .bind(builtin.map(str::to_string))
        .bind(name.to_string())
        .bind(now_text())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("id")?)
}

pub async fn rename_instrument(conn: &mut Conn, id: i64, name: &str) -> Result<()> {
    sqlx::query("UPDATE instruments SET name = $1 WHERE id = $2").bind(name.to_string()).bind(id).execute(conn).await?;
    Ok(())
}

pub async fn set_instrument_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE instruments SET archived_at = $1 WHERE network_id = $2 AND id = $3")
        .bind(archived.then(now_text))
        .bind(network_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_instrument_version(conn: &mut Conn, instrument_id: i64, version: i64, definition: &str) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO instrument_versions (instrument_id, version, definition, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(instrument_id)
    .bind(version)
    .bind(definition.to_string())
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// Rewrites a version no round has used yet.
pub async fn update_instrument_version(conn: &mut Conn, version_id: i64, definition: &str) -> Result<()> {
    sqlx::query("UPDATE instrument_versions SET definition = $1 WHERE id = $2")
        .bind(definition.to_string())
        .bind(version_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// (version number, definition) of a version.
pub async fn instrument_version(conn: &mut Conn, version_id: i64) -> Result<Option<(i64, String)>> {
    let row =
        sqlx::query("SELECT version, definition FROM instrument_versions WHERE id = $1").bind(version_id).fetch_optional(conn).await?;
    match row {
        Some(r) => Ok(Some((r.try_get("version")?, r.try_get("definition")?))),
        None => Ok(None),
    }
}

#[derive(Debug, Clone)]
pub struct NewSurveyRound<'a> {
    pub instrument_id: i64,
    pub version_id: i64,
    pub label: &'a str,
    pub deadline: chrono::NaiveDate,
    pub reminder_days: Option<i64>,
    pub threshold: i64,
}

/// A round with its response counts.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRoundRecord {
    pub id: i64,
    pub network_id: i64,
    pub instrument_id: i64,
    pub instrument_name: String,
    pub version_id: i64,
    pub version: i64,
    pub label: String,
    pub deadline: chrono::NaiveDate,
    pub reminder_days: Option<i64>,
    pub threshold: i64,
    pub relationship_round_id: Option<i64>,
    pub created_at: String,
    pub closed: bool,
    pub invited: i64,
    pub started: i64,
    pub finished: i64,
}

const ROUND_SELECT: &str = "SELECT r.id, r.network_id, r.instrument_id, i.name AS instrument_name, r.instrument_version_id, \
     v.version, r.label, r.deadline, r.reminder_days, r.threshold, r.relationship_round_id, r.created_at, r.closed_at, \
     (SELECT COUNT(*) FROM survey_invitations x WHERE x.round_id = r.id) AS invited, \
     (SELECT COUNT(*) FROM survey_responses x WHERE x.round_id = r.id) AS started, \
     (SELECT COUNT(*) FROM survey_responses x WHERE x.round_id = r.id AND x.finished_at IS NOT NULL) AS finished \
     FROM survey_rounds r JOIN instruments i ON i.id = r.instrument_id JOIN instrument_versions v ON v.id = r.instrument_version_id";

fn round_from_row(r: &sqlx::any::AnyRow) -> Result<SurveyRoundRecord> {
    let deadline: String = r.try_get("deadline")?;
    Ok(SurveyRoundRecord {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        instrument_id: r.try_get("instrument_id")?,
        instrument_name: r.try_get("instrument_name")?,
        version_id: r.try_get("instrument_version_id")?,
        version: r.try_get("version")?,
        label: r.try_get("label")?,
        deadline: crate::networks::parse_date(Some(deadline.clone()))?.ok_or(crate::StoreError::Corrupt(format!("deadline {deadline}")))?,
        reminder_days: r.try_get("reminder_days")?,
        threshold: r.try_get("threshold")?,
        relationship_round_id: r.try_get("relationship_round_id")?,
        created_at: r.try_get("created_at")?,
        closed: r.try_get::<Option<String>, _>("closed_at")?.is_some(),
        invited: r.try_get("invited")?,
        started: r.try_get("started")?,
        finished: r.try_get("finished")?,
    })
}

/// The network's rounds, newest first.
pub async fn survey_rounds_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<SurveyRoundRecord>> {
    let rows = sqlx::query(&format!("{ROUND_SELECT} WHERE r.network_id = $1 ORDER BY r.created_at DESC, r.id DESC"))
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(round_from_row).collect()
}

pub async fn survey_round_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<SurveyRoundRecord>> {
    let row = sqlx::query(&format!("{ROUND_SELECT} WHERE r.network_id = $1 AND r.id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(round_from_row).transpose()
}

/// Rounds of any network whose reminders may be due: open, with a schedule.
pub async fn rounds_with_reminders(conn: &mut Conn) -> Result<Vec<SurveyRoundRecord>> {
    let rows = sqlx::query(&format!("{ROUND_SELECT} WHERE r.closed_at IS NULL AND r.reminder_days IS NOT NULL ORDER BY r.id"))
        .fetch_all(conn)
        .await?;
    rows.iter().map(round_from_row).collect()
}

pub async fn insert_survey_round(conn: &mut Conn, network_id: i64, r: &NewSurveyRound<'_>) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO survey_rounds (network_id, instrument_id, instrument_version_id, label, deadline, reminder_days, threshold, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(network_id)
    .bind(r.instrument_id)
    .bind(r.version_id)
    .bind(r.label.to_string())
    .bind(r.deadline.to_string())
    .bind(r.reminder_days)
    .bind(r.threshold)
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_survey_round_schedule(conn: &mut Conn, id: i64, deadline: chrono::NaiveDate, reminder_days: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE survey_rounds SET deadline = $1, reminder_days = $2 WHERE id = $3")
        .bind(deadline.to_string())
        .bind(reminder_days)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn close_survey_round(conn: &mut Conn, id: i64, relationship_round_id: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE survey_rounds SET closed_at = $1, relationship_round_id = $2 WHERE id = $3")
        .bind(now_text())
        .bind(relationship_round_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct NewInvitation<'a> {
    pub person_id: i64,
    pub language: &'a str,
    pub sector: Option<&'a str>,
    pub steering: bool,
    pub organisation_id: Option<i64>,
}

pub async fn insert_invitation(conn: &mut Conn, round_id: i64, i: &NewInvitation<'_>) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO survey_invitations (round_id, person_id, language, sector, steering, organisation_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(round_id)
    .bind(i.person_id)
    .bind(i.language.to_string())
    .bind(i.sector.map(str::to_string))
    .bind(i64::from(i.steering))
    .bind(i.organisation_id)
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn insert_survey_link(conn: &mut Conn, token_hash: &str, invitation_id: i64) -> Result<()> {
    sqlx::query("INSERT INTO survey_links (token_hash, invitation_id, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash.to_string())
        .bind(invitation_id)
        .bind(now_text())
        .execute(conn)
        .await?;
    Ok(())
}

/// What a personal link opens: the invitation, its round and the respondent's groups.
#[derive(Debug, Clone, PartialEq)]
pub struct InvitationRecord {
    pub id: i64,
    pub round_id: i64,
    pub network_id: i64,
    pub language: String,
    pub sector: Option<String>,
    pub steering: bool,
    pub organisation_id: Option<i64>,
}

pub async fn invitation_by_token_hash(conn: &mut Conn, token_hash: &str) -> Result<Option<InvitationRecord>> {
    let row = sqlx::query(
        "SELECT i.id, i.round_id, r.network_id, i.language, i.sector, i.steering, i.organisation_id FROM survey_links l \
         JOIN survey_invitations i ON i.id = l.invitation_id JOIN survey_rounds r ON r.id = i.round_id WHERE l.token_hash = $1",
    )
    .bind(token_hash.to_string())
    .fetch_optional(conn)
    .await?;
    match row {
        Some(r) => Ok(Some(InvitationRecord {
            id: r.try_get("id")?,
            round_id: r.try_get("round_id")?,
            network_id: r.try_get("network_id")?,
            language: r.try_get("language")?,
            sector: r.try_get("sector")?,
            steering: r.try_get::<i64, _>("steering")? != 0,
            organisation_id: r.try_get("organisation_id")?,
        })),
        None => Ok(None),
    }
}

/// Everything a respondent's link opens, read in one query: the invitation,
/// its round and network, and the response so far. No counts: a respondent
/// is never shown how many others answered.
#[derive(Debug, Clone, PartialEq)]
pub struct RespondentLinkRecord {
    pub invitation_id: i64,
    pub round_id: i64,
    pub network_id: i64,
    pub network_name: String,
    pub language: String,
    pub organisation_id: Option<i64>,
    pub round_label: String,
    pub deadline: chrono::NaiveDate,
    pub closed: bool,
    pub version_id: i64,
    /// (answers JSON, page, finished) when the respondent has saved a page.
    pub response: Option<(String, i64, bool)>,
}

pub async fn respondent_link(conn: &mut Conn, token_hash: &str) -> Result<Option<RespondentLinkRecord>> {
    let row = sqlx::query(
        "SELECT i.id, i.round_id, r.network_id, n.name AS network_name, i.language, i.organisation_id, r.label, r.deadline, \
         r.closed_at, r.instrument_version_id, s.answers, s.page, s.finished_at FROM survey_links l \
         JOIN survey_invitations i ON i.id = l.invitation_id JOIN survey_rounds r ON r.id = i.round_id \
         JOIN networks n ON n.id = r.network_id LEFT JOIN survey_responses s ON s.invitation_id = i.id WHERE l.token_hash = $1",
    )
    .bind(token_hash.to_string())
    .fetch_optional(conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let deadline: String = r.try_get("deadline")?;
    let answers: Option<String> = r.try_get("answers")?;
    let response = match answers {
        Some(a) => Some((a, r.try_get::<Option<i64>, _>("page")?.unwrap_or(0), r.try_get::<Option<String>, _>("finished_at")?.is_some())),
        None => None,
    };
    Ok(Some(RespondentLinkRecord {
        invitation_id: r.try_get("id")?,
        round_id: r.try_get("round_id")?,
        network_id: r.try_get("network_id")?,
        network_name: r.try_get("network_name")?,
        language: r.try_get("language")?,
        organisation_id: r.try_get("organisation_id")?,
        round_label: r.try_get("label")?,
        deadline: crate::networks::parse_date(Some(deadline.clone()))?.ok_or(crate::StoreError::Corrupt(format!("deadline {deadline}")))?,
        closed: r.try_get::<Option<String>, _>("closed_at")?.is_some(),
        version_id: r.try_get("instrument_version_id")?,
        response,
    }))
}

/// An invitation as the outbox and the reminders see it: who, where to, and
/// whether mail is still owed. Whether the person finished is only used to
/// decide on reminders and is never shown per person.
#[derive(Debug, Clone, PartialEq)]
pub struct InvitationMail {
    pub invitation_id: i64,
    pub person_name: String,
    pub email: Option<String>,
    pub language: String,
    pub last_mailed_at: Option<String>,
    pub mail_count: i64,
    pub mail_error: Option<String>,
    pub finished: bool,
}

pub async fn invitation_mails(conn: &mut Conn, round_id: i64) -> Result<Vec<InvitationMail>> {
    let rows = sqlx::query(
        "SELECT i.id, p.name, p.email, i.language, i.last_mailed_at, i.mail_count, i.mail_error, \
         (SELECT COUNT(*) FROM survey_responses s WHERE s.invitation_id = i.id AND s.finished_at IS NOT NULL) AS finished \
         FROM survey_invitations i JOIN persons p ON p.id = i.person_id WHERE i.round_id = $1 ORDER BY p.sort_name, i.id",
    )
    .bind(round_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(InvitationMail {
                invitation_id: r.try_get("id")?,
                person_name: r.try_get("name")?,
                email: r.try_get("email")?,
                language: r.try_get("language")?,
                last_mailed_at: r.try_get("last_mailed_at")?,
                mail_count: r.try_get("mail_count")?,
                mail_error: r.try_get("mail_error")?,
                finished: r.try_get::<i64, _>("finished")? > 0,
            })
        })
        .collect()
}

/// Records a mail handed to the SMTP server (`error` None) or refused by it.
pub async fn record_invitation_mail(conn: &mut Conn, invitation_id: i64, error: Option<&str>) -> Result<()> {
    match error {
        None => {
            sqlx::query("UPDATE survey_invitations SET last_mailed_at = $1, mail_count = mail_count + 1, mail_error = NULL WHERE id = $2")
                .bind(now_text())
                .bind(invitation_id)
                .execute(conn)
                .await?;
        }
        Some(e) => {
            sqlx::query("UPDATE survey_invitations SET mail_error = $1 WHERE id = $2")
                .bind(e.to_string())
                .bind(invitation_id)
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}

/// (answers JSON, page, finished) of an invitation's response.
pub async fn response_of(conn: &mut Conn, invitation_id: i64) -> Result<Option<(String, i64, bool)>> {
    let row = sqlx::query("SELECT answers, page, finished_at FROM survey_responses WHERE invitation_id = $1")
        .bind(invitation_id)
        .fetch_optional(conn)
        .await?;
    match row {
        Some(r) => Ok(Some((r.try_get("answers")?, r.try_get("page")?, r.try_get::<Option<String>, _>("finished_at")?.is_some()))),
        None => Ok(None),
    }
}

pub async fn save_response(conn: &mut Conn, invitation_id: i64, round_id: i64, answers: &str, page: i64, finished: bool) -> Result<()> {
    let now = now_text();
    let finished_at = finished.then(|| now.clone());
    sqlx::query(
        "INSERT INTO survey_responses (invitation_id, round_id, answers, page, finished_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (invitation_id) DO UPDATE SET answers = excluded.answers, page = excluded.page, \
         finished_at = COALESCE(survey_responses.finished_at, excluded.finished_at), updated_at = excluded.updated_at",
    )
    .bind(invitation_id)
    .bind(round_id)
    .bind(answers.to_string())
    .bind(page)
    .bind(finished_at)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A finished response with the groups of its respondent; no person.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRecord {
    pub sector: Option<String>,
    pub steering: bool,
    pub organisation_id: Option<i64>,
    pub answers: String,
}

/// The round's finished responses, in an order that says nothing about who
/// answered when (by the answers' text).
pub async fn finished_responses(conn: &mut Conn, round_id: i64) -> Result<Vec<ResponseRecord>> {
    let rows = sqlx::query(
        "SELECT i.sector, i.steering, i.organisation_id, s.answers FROM survey_responses s \
         JOIN survey_invitations i ON i.id = s.invitation_id WHERE s.round_id = $1 AND s.finished_at IS NOT NULL ORDER BY s.answers",
    )
    .bind(round_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ResponseRecord {
                sector: r.try_get("sector")?,
                steering: r.try_get::<i64, _>("steering")? != 0,
                organisation_id: r.try_get("organisation_id")?,
                answers: r.try_get("answers")?,
            })
        })
        .collect()
}

/// Gives an open answer a theme, or with an empty theme takes it away.
pub async fn set_answer_theme(conn: &mut Conn, round_id: i64, question_key: &str, answer_hash: &str, theme: &str) -> Result<()> {
    sqlx::query("DELETE FROM survey_answer_themes WHERE round_id = $1 AND question_key = $2 AND answer_hash = $3")
        .bind(round_id)
        .bind(question_key.to_string())
        .bind(answer_hash.to_string())
        .execute(&mut *conn)
        .await?;
    if !theme.is_empty() {
        sqlx::query("INSERT INTO survey_answer_themes (round_id, question_key, answer_hash, theme) VALUES ($1, $2, $3, $4)")
            .bind(round_id)
            .bind(question_key.to_string())
            .bind(answer_hash.to_string())
            .bind(theme.to_string())
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// (question key, answer hash, theme) of a round.
pub async fn answer_themes(conn: &mut Conn, round_id: i64) -> Result<Vec<(String, String, String)>> {
    let rows = sqlx::query("SELECT question_key, answer_hash, theme FROM survey_answer_themes WHERE round_id = $1 ORDER BY theme")
        .bind(round_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("question_key")?, r.try_get("answer_hash")?, r.try_get("theme")?))).collect()
}

/// A person who may be invited: their organisation's sector and whether
/// they sit in the steering group (by role, or invited to its meetings).
#[derive(Debug, Clone, PartialEq)]
pub struct Invitee {
    pub person_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub organisation_id: Option<i64>,
    pub sector: Option<String>,
    pub roles: Vec<String>,
    pub bodies: Vec<i64>,
}

/// The network's live persons with what a round's selection needs.
pub async fn invitees(conn: &mut Conn, network_id: i64) -> Result<Vec<Invitee>> {
    let rows = sqlx::query(
        "SELECT p.id, p.name, p.email, p.organisation_id, o.sector FROM persons p LEFT JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.network_id = $1 AND p.archived_at IS NULL ORDER BY p.sort_name, p.id",
    )
    .bind(network_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<Invitee> = rows
        .iter()
        .map(|r| {
            Ok(Invitee {
                person_id: r.try_get("id")?,
                name: r.try_get("name")?,
                email: r.try_get("email")?,
                organisation_id: r.try_get("organisation_id")?,
                sector: r.try_get("sector")?,
                roles: Vec::new(),
                bodies: Vec::new(),
            })
        })
        .collect::<Result<_>>()?;
    let index: std::collections::HashMap<i64, usize> = out.iter().enumerate().map(|(i, p)| (p.person_id, i)).collect();
    let roles = sqlx::query("SELECT r.person_id, r.role FROM person_roles r JOIN persons p ON p.id = r.person_id WHERE p.network_id = $1")
        .bind(network_id)
        .fetch_all(&mut *conn)
        .await?;
    for r in &roles {
        if let Some(&i) = index.get(&r.try_get::<i64, _>("person_id")?) {
            out[i].roles.push(r.try_get("role")?);
        }
    }
    let bodies = sqlx::query(
        "SELECT DISTINCT mp.person_id, m.body_id FROM meeting_persons mp JOIN meetings m ON m.id = mp.meeting_id \
         JOIN bodies b ON b.id = m.body_id WHERE b.network_id = $1 AND b.archived_at IS NULL",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    for r in &bodies {
        if let Some(&i) = index.get(&r.try_get::<i64, _>("person_id")?) {
            out[i].bodies.push(r.try_get("body_id")?);
        }
    }
    Ok(out)
}

pub async fn set_invitation_language(conn: &mut Conn, invitation_id: i64, language: &str) -> Result<()> {
    sqlx::query("UPDATE survey_invitations SET language = $1 WHERE id = $2")
        .bind(language.to_string())
        .bind(invitation_id)
        .execute(conn)
        .await?;
    Ok(())
}
