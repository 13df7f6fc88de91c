//! Projects with their goals, partners and status history; funding streams.

use chrono::NaiveDate;
use sqlx::Row;

use crate::agreements::id_list;
use crate::networks::parse_date;
use crate::{now_text, Conn, Result, StoreError};
use verband_domain::portfolio::{FundingStream, FundingStreamDraft, Project, ProjectDraft, StatusChange};
use verband_domain::{FundingKind, FundingSource, ProjectStatus};

fn code<T>(raw: String, parse: fn(&str) -> Option<T>, what: &str) -> Result<T> {
    parse(&raw).ok_or(StoreError::Corrupt(format!("{what} {raw}")))
}

fn required_date(raw: String) -> Result<NaiveDate> {
    parse_date(Some(raw.clone()))?.ok_or(StoreError::Corrupt(format!("date {raw}")))
}

// ---------------------------------------------------------------- projects

const PROJECT_COLUMNS: &str = "id, network_id, title, description, lead_organisation_id, owner_person_id, status, status_since, \
                               budget_cents, results, sustainability_plan, archived_at";

fn project_from_row(r: &sqlx::any::AnyRow) -> Result<Project> {
    Ok(Project {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        goal_ids: Vec::new(),
        lead_organisation_id: r.try_get("lead_organisation_id")?,
        owner_person_id: r.try_get("owner_person_id")?,
        partner_ids: Vec::new(),
        status: code(r.try_get("status")?, ProjectStatus::parse, "project status")?,
        status_since: parse_date(r.try_get("status_since")?)?,
        budget_cents: r.try_get("budget_cents")?,
        results: r.try_get("results")?,
        sustainability_plan: r.try_get("sustainability_plan")?,
        archived: r.try_get::<Option<String>, _>("archived_at")?.is_some(),
    })
}

/// Fills in goals and participating partners with two queries.
async fn attach_links(conn: &mut Conn, projects: &mut [Project]) -> Result<()> {
    if projects.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = projects.iter().map(|p| p.id).collect();
    let list = id_list(&ids);
    let index: std::collections::HashMap<i64, usize> = projects.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let rows = sqlx::query(&format!("SELECT project_id, goal_id FROM project_goals WHERE project_id IN ({list}) ORDER BY goal_id"))
        .fetch_all(&mut *conn)
        .await?;
    for r in &rows {
        if let Some(i) = index.get(&r.try_get::<i64, _>("project_id")?) {
            projects[*i].goal_ids.push(r.try_get("goal_id")?);
        }
    }
    let rows = sqlx::query(&format!(
        "SELECT project_id, organisation_id FROM project_partners WHERE project_id IN ({list}) ORDER BY organisation_id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        if let Some(i) = index.get(&r.try_get::<i64, _>("project_id")?) {
            projects[*i].partner_ids.push(r.try_get("organisation_id")?);
        }
    }
    Ok(())
}

async fn set_links(conn: &mut Conn, project_id: i64, d: &ProjectDraft) -> Result<()> {
    sqlx::query("DELETE FROM project_goals WHERE project_id = $1").bind(project_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM project_partners WHERE project_id = $1").bind(project_id).execute(&mut *conn).await?;
    for g in &d.goal_ids {
        sqlx::query("INSERT INTO project_goals (project_id, goal_id) VALUES ($1, $2)")
            .bind(project_id)
            .bind(*g)
            .execute(&mut *conn)
            .await?;
    }
    for o in &d.partner_ids {
        sqlx::query("INSERT INTO project_partners (project_id, organisation_id) VALUES ($1, $2)")
            .bind(project_id)
            .bind(*o)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn insert_status_change(conn: &mut Conn, project_id: i64, status: ProjectStatus, on: NaiveDate) -> Result<()> {
    sqlx::query("INSERT INTO project_status_changes (project_id, status, changed_on) VALUES ($1, $2, $3)")
        .bind(project_id)
        .bind(status.code().to_string())
        .bind(on.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_project(conn: &mut Conn, network_id: i64, d: &ProjectDraft) -> Result<i64> {
    let now = now_text();
    let row = sqlx::query(
        "INSERT INTO projects (network_id, title, description, lead_organisation_id, owner_person_id, status, status_since, \
         budget_cents, results, sustainability_plan, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    )
    .bind(network_id)
    .bind(d.title.clone())
    .bind(d.description.clone())
    .bind(d.lead_organisation_id)
    .bind(d.owner_person_id)
    .bind(d.status.code().to_string())
    .bind(d.status_changed_on.to_string())
    .bind(d.budget_cents)
    .bind(d.results.clone())
    .bind(d.sustainability_plan.clone())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let id: i64 = row.try_get("id")?;
    set_links(conn, id, d).await?;
    insert_status_change(conn, id, d.status, d.status_changed_on).await?;
    Ok(id)
}

/// Updates a project; a new status is added to its history with its date.
/// The same status keeps the date it had unless the user gave another one.
pub async fn update_project(conn: &mut Conn, network_id: i64, id: i64, before: &Project, d: &ProjectDraft, date_given: bool) -> Result<()> {
    let status_changed = before.status != d.status;
    let since = if status_changed || date_given { Some(d.status_changed_on) } else { before.status_since };
    sqlx::query(
        "UPDATE projects SET title = $1, description = $2, lead_organisation_id = $3, owner_person_id = $4, status = $5, \
         status_since = $6, budget_cents = $7, results = $8, sustainability_plan = $9, updated_at = $10 WHERE id = $11 AND network_id = $12",
    )
    .bind(d.title.clone())
    .bind(d.description.clone())
    .bind(d.lead_organisation_id)
    .bind(d.owner_person_id)
    .bind(d.status.code().to_string())
    .bind(since.map(|x| x.to_string()))
    .bind(d.budget_cents)
    .bind(d.results.clone())
    .bind(d.sustainability_plan.clone())
    .bind(now_text())
    .bind(id)
    .bind(network_id)
    .execute(&mut *conn)
    .await?;
    set_links(conn, id, d).await?;
    if status_changed {
        insert_status_change(conn, id, d.status, d.status_changed_on).await?;
    }
    Ok(())
}

pub async fn set_project_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE projects SET archived_at = $1, updated_at = $2 WHERE id = $3 AND network_id = $4")
        .bind(archived.then(now_text))
        .bind(now_text())
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn project_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Project>> {
    let row = sqlx::query(&format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE network_id = $1 AND id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut list = vec![project_from_row(&row)?];
    attach_links(conn, &mut list).await?;
    Ok(list.pop())
}

/// All projects of a network, archived ones included, by title.
pub async fn projects_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<Project>> {
    let rows = sqlx::query(&format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE network_id = $1 ORDER BY title, id"))
        .bind(network_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut list = rows.iter().map(project_from_row).collect::<Result<Vec<_>>>()?;
    attach_links(conn, &mut list).await?;
    Ok(list)
}

/// The project's statuses in the order they were set.
pub async fn status_history(conn: &mut Conn, project_id: i64) -> Result<Vec<StatusChange>> {
    let rows =
        sqlx::query("SELECT project_id, status, changed_on FROM project_status_changes WHERE project_id = $1 ORDER BY changed_on, id")
            .bind(project_id)
            .fetch_all(conn)
            .await?;
    rows.iter()
        .map(|r| {
            Ok(StatusChange {
                project_id: r.try_get("project_id")?,
                status: code(r.try_get("status")?, ProjectStatus::parse, "project status")?,
                changed_on: required_date(r.try_get("changed_on")?)?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------- funding

const STREAM_COLUMNS: &str = "id, project_id, source, funder, amount_cents, starts_on, ends_on, kind, pays_for";

fn stream_from_row(r: &sqlx::any::AnyRow) -> Result<FundingStream> {
    Ok(FundingStream {
        id: r.try_get("id")?,
        project_id: r.try_get("project_id")?,
        source: code(r.try_get("source")?, FundingSource::parse, "funding source")?,
        funder: r.try_get("funder")?,
        amount_cents: r.try_get("amount_cents")?,
        starts_on: parse_date(r.try_get("starts_on")?)?,
        ends_on: parse_date(r.try_get("ends_on")?)?,
        kind: code(r.try_get("kind")?, FundingKind::parse, "funding kind")?,
        pays_for: r.try_get("pays_for")?,
    })
}

pub async fn insert_funding_stream(conn: &mut Conn, network_id: i64, project_id: i64, d: &FundingStreamDraft) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO funding_streams (network_id, project_id, source, funder, amount_cents, starts_on, ends_on, kind, pays_for) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(network_id)
    .bind(project_id)
    .bind(d.source.code().to_string())
    .bind(d.funder.clone())
    .bind(d.amount_cents)
    .bind(d.starts_on.map(|x| x.to_string()))
    .bind(d.ends_on.map(|x| x.to_string()))
    .bind(d.kind.code().to_string())
    .bind(d.pays_for.clone())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_funding_stream(conn: &mut Conn, network_id: i64, id: i64, d: &FundingStreamDraft) -> Result<()> {
    sqlx::query(
        "UPDATE funding_streams SET source = $1, funder = $2, amount_cents = $3, starts_on = $4, ends_on = $5, kind = $6, pays_for = $7 \
         WHERE id = $8 AND network_id = $9",
    )
    .bind(d.source.code().to_string())
    .bind(d.funder.clone())
    .bind(d.amount_cents)
    .bind(d.starts_on.map(|x| x.to_string()))
    .bind(d.ends_on.map(|x| x.to_string()))
    .bind(d.kind.code().to_string())
    .bind(d.pays_for.clone())
    .bind(id)
    .bind(network_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_funding_stream_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE funding_streams SET archived_at = $1 WHERE id = $2 AND network_id = $3")
        .bind(archived.then(now_text))
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A funding stream of the network that is not archived.
pub async fn funding_stream_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<FundingStream>> {
    let row =
        sqlx::query(&format!("SELECT {STREAM_COLUMNS} FROM funding_streams WHERE network_id = $1 AND id = $2 AND archived_at IS NULL"))
            .bind(network_id)
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.as_ref().map(stream_from_row).transpose()
}

/// Funding streams of the network (or of one project) that are not archived, by start.
pub async fn funding_streams_of_network(conn: &mut Conn, network_id: i64, project_id: Option<i64>) -> Result<Vec<FundingStream>> {
    let rows = sqlx::query(&format!(
        "SELECT {STREAM_COLUMNS} FROM funding_streams WHERE network_id = $1 AND archived_at IS NULL \
         AND ($2 = 0 OR project_id = $2) ORDER BY project_id, starts_on, id"
    ))
    .bind(network_id)
    .bind(project_id.unwrap_or(0))
    .fetch_all(conn)
    .await?;
    rows.iter().map(stream_from_row).collect()
}
