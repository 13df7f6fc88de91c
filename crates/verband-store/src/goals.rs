//! Measurable goals of the shared ambition, and the interests of partners.

use sqlx::Row;

use crate::networks::parse_date;
use crate::{now_text, Conn, Result};
use verband_domain::{Goal, GoalDraft, Interest, InterestDraft};

fn goal_from_row(r: &sqlx::any::AnyRow) -> Result<Goal> {
    Ok(Goal {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        title: r.try_get("title")?,
        indicator: r.try_get("indicator")?,
        baseline: r.try_get("baseline")?,
        target: r.try_get("target")?,
        target_date: parse_date(r.try_get("target_date")?)?,
        archived: r.try_get::<Option<String>, _>("archived_at")?.is_some(),
    })
}

const GOAL_COLUMNS: &str = "id, network_id, title, indicator, baseline, target, target_date, archived_at";

pub async fn insert_goal(conn: &mut Conn, network_id: i64, d: &GoalDraft) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO goals (network_id, title, indicator, baseline, target, target_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(network_id)
    .bind(d.title.clone())
    .bind(d.indicator.clone())
    .bind(d.baseline.clone())
    .bind(d.target.clone())
    .bind(d.target_date.map(|x| x.to_string()))
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_goal(conn: &mut Conn, network_id: i64, id: i64, d: &GoalDraft) -> Result<()> {
    sqlx::query(
        "UPDATE goals SET title = $1, indicator = $2, baseline = $3, target = $4, target_date = $5 WHERE id = $6 AND network_id = $7",
    )
    .bind(d.title.clone())
    .bind(d.indicator.clone())
    .bind(d.baseline.clone())
    .bind(d.target.clone())
    .bind(d.target_date.map(|x| x.to_string()))
    .bind(id)
    .bind(network_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_goal_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE goals SET archived_at = $1 WHERE id = $2 AND network_id = $3")
        .bind(archived.then(now_text))
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn goal_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Goal>> {
    let row = sqlx::query(&format!("SELECT {GOAL_COLUMNS} FROM goals WHERE network_id = $1 AND id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(goal_from_row).transpose()
}

/// The network's goals in the order they were written; archived ones last.
pub async fn goals_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<Goal>> {
    let rows = sqlx::query(&format!(
        "SELECT {GOAL_COLUMNS} FROM goals WHERE network_id = $1 ORDER BY CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END, id"
    ))
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(goal_from_row).collect()
}

async fn replace_interest_goals(conn: &mut Conn, interest_id: i64, goal_ids: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM interest_goals WHERE interest_id = $1").bind(interest_id).execute(&mut *conn).await?;
    for g in goal_ids {
        sqlx::query("INSERT INTO interest_goals (interest_id, goal_id) VALUES ($1, $2)")
            .bind(interest_id)
            .bind(*g)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_interest(conn: &mut Conn, network_id: i64, d: &InterestDraft) -> Result<i64> {
    let row =
        sqlx::query("INSERT INTO interests (network_id, organisation_id, description, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(network_id)
            .bind(d.organisation_id)
            .bind(d.description.clone())
            .bind(now_text())
            .fetch_one(&mut *conn)
            .await?;
    let id: i64 = row.try_get("id")?;
    replace_interest_goals(conn, id, &d.goal_ids).await?;
    Ok(id)
}

pub async fn update_interest(conn: &mut Conn, network_id: i64, id: i64, d: &InterestDraft) -> Result<()> {
    sqlx::query("UPDATE interests SET organisation_id = $1, description = $2 WHERE id = $3 AND network_id = $4")
        .bind(d.organisation_id)
        .bind(d.description.clone())
        .bind(id)
        .bind(network_id)
        .execute(&mut *conn)
        .await?;
    replace_interest_goals(conn, id, &d.goal_ids).await
}

pub async fn delete_interest(conn: &mut Conn, network_id: i64, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM interest_goals WHERE interest_id = $1").bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM interests WHERE id = $1 AND network_id = $2").bind(id).bind(network_id).execute(conn).await?;
    Ok(())
}

/// The network's interests, by partner name; `organisation_id` narrows to one partner.
pub async fn interests_of_network(conn: &mut Conn, network_id: i64, organisation_id: Option<i64>) -> Result<Vec<Interest>> {
    let rows = sqlx::query(
        "SELECT i.id, i.network_id, i.organisation_id, o.name AS organisation_name, i.description
         FROM interests i JOIN organisations o ON o.id = i.organisation_id
         WHERE i.network_id = $1 AND ($2 = 0 OR i.organisation_id = $2)
         ORDER BY o.sort_name, i.id",
    )
    .bind(network_id)
    .bind(organisation_id.unwrap_or(0))
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .iter()
        .map(|r| {
            Ok(Interest {
                id: r.try_get("id")?,
                network_id: r.try_get("network_id")?,
                organisation_id: r.try_get("organisation_id")?,
                organisation_name: r.try_get("organisation_name")?,
                description: r.try_get("description")?,
                goal_ids: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let links = sqlx::query(
        "SELECT ig.interest_id, ig.goal_id FROM interest_goals ig JOIN interests i ON i.id = ig.interest_id
         WHERE i.network_id = $1 ORDER BY ig.goal_id",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    for l in &links {
        let iid: i64 = l.try_get("interest_id")?;
        if let Some(i) = out.iter_mut().find(|i| i.id == iid) {
            i.goal_ids.push(l.try_get("goal_id")?);
        }
    }
    Ok(out)
}
