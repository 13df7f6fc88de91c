//! The phase checklist and the network's portfolio settings.

use chrono::NaiveDate;
use sqlx::Row;

use crate::networks::parse_date;
use crate::{now_text, Conn, Result, StoreError};
use verband_domain::phase_checklist::{ChecklistItem, ChecklistItemDraft, Evidence};
use verband_domain::{BuildingBlock, ChecklistStatus, EvidenceKind};

fn code<T>(raw: String, parse: fn(&str) -> Option<T>, what: &str) -> Result<T> {
    parse(&raw).ok_or(StoreError::Corrupt(format!("{what} {raw}")))
}

/// The building blocks someone has touched; the others count as open.
pub async fn checklist_items_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<ChecklistItem>> {
    let rows = sqlx::query("SELECT block, status, owner_person_id, note, updated_on FROM checklist_items WHERE network_id = $1")
        .bind(network_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut items = Vec::new();
    for r in &rows {
        items.push(ChecklistItem {
            network_id,
            block: code(r.try_get("block")?, BuildingBlock::parse, "building block")?,
            status: code(r.try_get("status")?, ChecklistStatus::parse, "checklist status")?,
            owner_person_id: r.try_get("owner_person_id")?,
            evidence: Vec::new(),
            note: r.try_get("note")?,
            updated_on: parse_date(r.try_get("updated_on")?)?,
        });
    }
    let rows = sqlx::query("SELECT block, kind, object_id, url FROM checklist_evidence WHERE network_id = $1 ORDER BY block, position")
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    for r in &rows {
        let block = code(r.try_get("block")?, BuildingBlock::parse, "building block")?;
        let evidence = Evidence {
            kind: code(r.try_get("kind")?, EvidenceKind::parse, "evidence kind")?,
            object_id: r.try_get("object_id")?,
            url: r.try_get("url")?,
        };
        if let Some(item) = items.iter_mut().find(|i| i.block == block) {
            item.evidence.push(evidence);
        }
    }
    Ok(items)
}

pub async fn save_checklist_item(
    conn: &mut Conn,
    network_id: i64,
    block: BuildingBlock,
    d: &ChecklistItemDraft,
    today: NaiveDate,
) -> Result<()> {
    sqlx::query("DELETE FROM checklist_evidence WHERE network_id = $1 AND block = $2")
        .bind(network_id)
        .bind(block.code().to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM checklist_items WHERE network_id = $1 AND block = $2")
        .bind(network_id)
        .bind(block.code().to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO checklist_items (network_id, block, status, owner_person_id, note, updated_on) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(network_id)
    .bind(block.code().to_string())
    .bind(d.status.code().to_string())
    .bind(d.owner_person_id)
    .bind(d.note.clone())
    .bind(today.to_string())
    .execute(&mut *conn)
    .await?;
    for (position, e) in d.evidence.iter().enumerate() {
        sqlx::query("INSERT INTO checklist_evidence (network_id, block, position, kind, object_id, url) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(network_id)
            .bind(block.code().to_string())
            .bind(position as i64)
            .bind(e.kind.code().to_string())
            .bind(e.object_id)
            .bind(e.url.clone())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// What a coordinator tuned for the portfolio checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortfolioSettingsRecord {
    pub max_active_projects_per_partner: i64,
    pub cliff_horizon_months: i64,
}

/// The stored settings, `None` when the network still uses the defaults.
pub async fn portfolio_settings(conn: &mut Conn, network_id: i64) -> Result<Option<PortfolioSettingsRecord>> {
    let row = sqlx::query("SELECT max_active_projects_per_partner, cliff_horizon_months FROM portfolio_settings WHERE network_id = $1")
        .bind(network_id)
        .fetch_optional(conn)
        .await?;
    match row {
        Some(r) => Ok(Some(PortfolioSettingsRecord {
            max_active_projects_per_partner: r.try_get("max_active_projects_per_partner")?,
            cliff_horizon_months: r.try_get("cliff_horizon_months")?,
        })),
        None => Ok(None),
    }
}

pub async fn save_portfolio_settings(conn: &mut Conn, network_id: i64, s: PortfolioSettingsRecord) -> Result<()> {
    sqlx::query("DELETE FROM portfolio_settings WHERE network_id = $1").bind(network_id).execute(&mut *conn).await?;
    sqlx::query(
        "INSERT INTO portfolio_settings (network_id, max_active_projects_per_partner, cliff_horizon_months, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(network_id)
    .bind(s.max_active_projects_per_partner)
    .bind(s.cliff_horizon_months)
    .bind(now_text())
    .execute(conn)
    .await?;
    Ok(())
}
