//! Relationship rounds and the relationships in them; which partners take
//! part in which working group (for the map's communities).

use chrono::NaiveDate;
use sqlx::Row;

use crate::networks::parse_date;
use crate::{now_text, Conn, Result, StoreError};
use verband_domain::relationship::{Relationship, RelationshipDraft, RelationshipKind, RelationshipRound, RoundOrigin};

fn code<T>(raw: String, parse: fn(&str) -> Option<T>, what: &str) -> Result<T> {
    parse(&raw).ok_or(StoreError::Corrupt(format!("{what} {raw}")))
}

/// A round as it is stored; the service gives it a label and an origin.
#[derive(Debug, Clone)]
pub struct NewRound<'a> {
    pub label: &'a str,
    pub measured_on: NaiveDate,
    pub origin: RoundOrigin,
    pub directed: bool,
    pub file_name: Option<&'a str>,
}

const ROUND_SELECT: &str = "SELECT r.id, r.network_id, r.label, r.measured_on, r.origin, r.directed, r.file_name, \
     (SELECT COUNT(*) FROM relationships x WHERE x.round_id = r.id AND x.removed_at IS NULL) AS relationship_count \
     FROM relationship_rounds r";

fn round_from_row(r: &sqlx::any::AnyRow) -> Result<RelationshipRound> {
    let measured: String = r.try_get("measured_on")?;
    Ok(RelationshipRound {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        label: r.try_get("label")?,
        measured_on: parse_date(Some(measured.clone()))?.ok_or(StoreError::Corrupt(format!("date {measured}")))?,
        origin: code(r.try_get("origin")?, RoundOrigin::parse, "round origin")?,
        directed: r.try_get::<i64, _>("directed")? != 0,
        file_name: r.try_get("file_name")?,
        relationship_count: r.try_get("relationship_count")?,
    })
}

/// The network's rounds that are not archived, oldest measurement first.
pub async fn rounds_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<RelationshipRound>> {
    let rows = sqlx::query(&format!("{ROUND_SELECT} WHERE r.network_id = $1 AND r.archived_at IS NULL ORDER BY r.measured_on, r.id"))
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(round_from_row).collect()
}

pub async fn round_by_id(conn: &mut Conn, network_id: i64, round_id: i64) -> Result<Option<RelationshipRound>> {
    let row = sqlx::query(&format!("{ROUND_SELECT} WHERE r.network_id = $1 AND r.id = $2 AND r.archived_at IS NULL"))
        .bind(network_id)
        .bind(round_id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(round_from_row).transpose()
}

pub async fn insert_round(conn: &mut Conn, network_id: i64, round: &NewRound<'_>) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO relationship_rounds (network_id, label, measured_on, origin, directed, file_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(network_id)
    .bind(round.label.to_string())
    .bind(round.measured_on.to_string())
    .bind(round.origin.code().to_string())
    .bind(i64::from(round.directed))
    .bind(round.file_name.map(str::to_string))
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn set_round_archived(conn: &mut Conn, network_id: i64, round_id: i64, archived: bool) -> Result<()> {
    let at = archived.then(now_text);
    sqlx::query("UPDATE relationship_rounds SET archived_at = $1 WHERE network_id = $2 AND id = $3")
        .bind(at)
        .bind(network_id)
        .bind(round_id)
        .execute(conn)
        .await?;
    Ok(())
}

const RELATIONSHIP_COLUMNS: &str =
    "id, round_id, source_organisation_id, target_organisation_id, kind, strength_centi, trust_centi, value_centi, note";

fn relationship_from_row(r: &sqlx::any::AnyRow) -> Result<Relationship> {
    Ok(Relationship {
        id: r.try_get("id")?,
        round_id: r.try_get("round_id")?,
        source_id: r.try_get("source_organisation_id")?,
        target_id: r.try_get("target_organisation_id")?,
        kind: code(r.try_get("kind")?, RelationshipKind::parse, "relationship kind")?,
        strength_centi: r.try_get("strength_centi")?,
        trust_centi: r.try_get("trust_centi")?,
        value_centi: r.try_get("value_centi")?,
        note: r.try_get("note")?,
    })
}

/// The live relationships of a round, in the order they were recorded.
pub async fn relationships_of_round(conn: &mut Conn, network_id: i64, round_id: i64) -> Result<Vec<Relationship>> {
    let rows = sqlx::query(&format!(
        "SELECT {RELATIONSHIP_COLUMNS} FROM relationships WHERE network_id = $1 AND round_id = $2 AND removed_at IS NULL ORDER BY id"
    ))
    .bind(network_id)
    .bind(round_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(relationship_from_row).collect()
}

/// A relationship of the network, also when it was removed (so that it can be put back).
pub async fn relationship_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<(Relationship, bool)>> {
    let row = sqlx::query(&format!("SELECT {RELATIONSHIP_COLUMNS}, removed_at FROM relationships WHERE network_id = $1 AND id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    match row {
        Some(r) => Ok(Some((relationship_from_row(&r)?, r.try_get::<Option<String>, _>("removed_at")?.is_some()))),
        None => Ok(None),
    }
}

pub async fn insert_relationship(conn: &mut Conn, network_id: i64, round_id: i64, d: &RelationshipDraft) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO relationships (network_id, round_id, source_organisation_id, target_organisation_id, kind, strength_centi, \
         trust_centi, value_centi, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(network_id)
    .bind(round_id)
    .bind(d.source_id)
    .bind(d.target_id)
    .bind(d.kind.code().to_string())
    .bind(d.strength_centi)
    .bind(d.trust_centi)
    .bind(d.value_centi)
    .bind(d.note.clone())
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// Removes (or with `removed == false` puts back) one relationship; kept in
/// the table so that the removal can be undone and the audit log points somewhere.
pub async fn set_relationship_removed(conn: &mut Conn, network_id: i64, id: i64, removed: bool) -> Result<()> {
    sqlx::query("UPDATE relationships SET removed_at = $1 WHERE network_id = $2 AND id = $3")
        .bind(removed.then(now_text))
        .bind(network_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// (partner, working group) for every partner invited to, or present at, a
/// meeting of one of the network's working groups that is not archived.
pub async fn working_group_participation(conn: &mut Conn, network_id: i64) -> Result<Vec<(i64, i64)>> {
    let rows = sqlx::query(
        "SELECT DISTINCT o.organisation_id, b.id AS body_id FROM bodies b \
         JOIN meetings m ON m.body_id = b.id \
         JOIN (SELECT meeting_id, organisation_id FROM meeting_organisations \
               UNION SELECT meeting_id, organisation_id FROM attendance) o ON o.meeting_id = m.id \
         WHERE b.network_id = $1 AND b.kind = 'working_group' AND b.archived_at IS NULL \
         ORDER BY o.organisation_id, b.id",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("organisation_id")?, r.try_get("body_id")?))).collect()
}

/// The network's live partners with their sector, by name.
pub async fn map_partners(conn: &mut Conn, network_id: i64) -> Result<Vec<(i64, String, verband_domain::Sector)>> {
    let rows = sqlx::query(
        "SELECT o.id, o.name, o.sector FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.network_id = $1 AND m.archived_at IS NULL ORDER BY o.sort_name, o.id",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("name")?, code(r.try_get("sector")?, verband_domain::Sector::parse, "sector")?)))
        .collect()
}
