//! Networks and the ambition they share.

use chrono::NaiveDate;
use sqlx::Row;

use crate::{now_text, Conn, Result, StoreError};
use verband_domain::{Network, NetworkDraft, Phase};

const NETWORK_COLUMNS: &str = "id, name, region, inhabitants, domains, governance, phase, start_date, ambition";

pub(crate) fn parse_date(raw: Option<String>) -> Result<Option<NaiveDate>> {
    raw.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| StoreError::Corrupt(format!("date {s}")))).transpose()
}

fn network_from_row(r: &sqlx::any::AnyRow) -> Result<Network> {
    let phase: String = r.try_get("phase")?;
    let domains: String = r.try_get("domains")?;
    Ok(Network {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        region: r.try_get("region")?,
        inhabitants: r.try_get("inhabitants")?,
        domains: domains.split('\n').filter(|d| !d.is_empty()).map(str::to_string).collect(),
        governance: r.try_get("governance")?,
        phase: Phase::parse(&phase).ok_or(StoreError::Corrupt(format!("phase {phase}")))?,
        start_date: parse_date(r.try_get("start_date")?)?,
        ambition: r.try_get("ambition")?,
    })
}

pub async fn insert_network(conn: &mut Conn, d: &NetworkDraft) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO networks (name, region, inhabitants, domains, governance, phase, start_date, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(d.name.clone())
    .bind(d.region.clone())
    .bind(d.inhabitants)
    .bind(d.domains.join("\n"))
    .bind(d.governance.clone())
    .bind(d.phase.code().to_string())
    .bind(d.start_date.map(|x| x.to_string()))
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_network(conn: &mut Conn, id: i64, d: &NetworkDraft) -> Result<()> {
    sqlx::query(
        "UPDATE networks SET name = $1, region = $2, inhabitants = $3, domains = $4, governance = $5, phase = $6, start_date = $7
         WHERE id = $8",
    )
    .bind(d.name.clone())
    .bind(d.region.clone())
    .bind(d.inhabitants)
    .bind(d.domains.join("\n"))
    .bind(d.governance.clone())
    .bind(d.phase.code().to_string())
    .bind(d.start_date.map(|x| x.to_string()))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_ambition(conn: &mut Conn, id: i64, statement: &str) -> Result<()> {
    sqlx::query("UPDATE networks SET ambition = $1 WHERE id = $2").bind(statement.to_string()).bind(id).execute(conn).await?;
    Ok(())
}

pub async fn network_by_id(conn: &mut Conn, id: i64) -> Result<Option<Network>> {
    let row = sqlx::query(&format!("SELECT {NETWORK_COLUMNS} FROM networks WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(network_from_row).transpose()
}

/// The network and the user's role in it, in one query; `None` when the
/// network does not exist or the user has no role there.
pub async fn network_with_role(conn: &mut Conn, id: i64, user_id: i64) -> Result<Option<(Network, verband_domain::NetworkRole)>> {
    let columns: Vec<String> = NETWORK_COLUMNS.split(", ").map(|c| format!("n.{c}")).collect();
    let row = sqlx::query(&format!(
        "SELECT {}, r.role FROM networks n JOIN network_roles r ON r.network_id = n.id
         WHERE n.id = $1 AND r.user_id = $2 AND n.archived_at IS NULL",
        columns.join(", ")
    ))
    .bind(id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("role")?;
    let role = verband_domain::NetworkRole::parse(&code).ok_or(StoreError::Corrupt(format!("role {code}")))?;
    Ok(Some((network_from_row(&row)?, role)))
}

/// Networks by id, in name order.
pub async fn networks_by_ids(conn: &mut Conn, ids: &[i64]) -> Result<Vec<Network>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    // The ids are integers we produced, so inlining them is safe.
    let rows = sqlx::query(&format!("SELECT {NETWORK_COLUMNS} FROM networks WHERE id IN ({}) ORDER BY name, id", list.join(",")))
        .fetch_all(conn)
        .await?;
    rows.iter().map(network_from_row).collect()
}

pub async fn all_networks(conn: &mut Conn) -> Result<Vec<Network>> {
    let rows =
        sqlx::query(&format!("SELECT {NETWORK_COLUMNS} FROM networks WHERE archived_at IS NULL ORDER BY name, id")).fetch_all(conn).await?;
    rows.iter().map(network_from_row).collect()
}

pub async fn network_count(conn: &mut Conn) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM networks").fetch_one(conn).await?;
    Ok(row.try_get("n")?)
}

/// Counts shown on a network's dashboard.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkCounts {
    pub active_partners: i64,
    pub partners: i64,
    pub persons: i64,
    pub goals: i64,
    pub interests: i64,
}

pub async fn network_counts(conn: &mut Conn, id: i64) -> Result<NetworkCounts> {
    let row = sqlx::query(
        "SELECT
           (SELECT COUNT(*) FROM memberships WHERE network_id = $1 AND archived_at IS NULL AND status = 'active') AS active_partners,
           (SELECT COUNT(*) FROM memberships WHERE network_id = $1 AND archived_at IS NULL) AS partners,
           (SELECT COUNT(*) FROM persons WHERE network_id = $1 AND archived_at IS NULL) AS persons,
           (SELECT COUNT(*) FROM goals WHERE network_id = $1 AND archived_at IS NULL) AS goals,
           (SELECT COUNT(*) FROM interests WHERE network_id = $1) AS interests",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok(NetworkCounts {
        active_partners: row.try_get("active_partners")?,
        partners: row.try_get("partners")?,
        persons: row.try_get("persons")?,
        goals: row.try_get("goals")?,
        interests: row.try_get("interests")?,
    })
}

/// What a new network has done of its first steps, beyond [`NetworkCounts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StartCounts {
    pub agreements: i64,
    pub meetings: i64,
    pub projects: i64,
    pub bodies: i64,
    /// Accounts with a role here plus invitations still open.
    pub people_with_access: i64,
}

pub async fn start_counts(conn: &mut Conn, id: i64) -> Result<StartCounts> {
    let row = sqlx::query(
        "SELECT
           (SELECT COUNT(*) FROM agreements WHERE network_id = $1 AND archived_at IS NULL) AS agreements,
           (SELECT COUNT(*) FROM meetings WHERE network_id = $1) AS meetings,
           (SELECT COUNT(*) FROM projects WHERE network_id = $1 AND archived_at IS NULL) AS projects,
           (SELECT COUNT(*) FROM bodies WHERE network_id = $1 AND archived_at IS NULL) AS bodies,
           (SELECT COUNT(*) FROM network_roles WHERE network_id = $1)
             + (SELECT COUNT(*) FROM invitations WHERE network_id = $1 AND accepted_at IS NULL AND withdrawn_at IS NULL) AS people",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok(StartCounts {
        agreements: row.try_get("agreements")?,
        meetings: row.try_get("meetings")?,
        projects: row.try_get("projects")?,
        bodies: row.try_get("bodies")?,
        people_with_access: row.try_get("people")?,
    })
}
