//! Agreements with their parties, the commitments made under them, what was
//! delivered per quarter, and the signed documents.

use sqlx::Row;

use crate::networks::parse_date;
use crate::{now_text, Conn, Result, StoreError};
use verband_domain::portfolio::{Agreement, AgreementDraft, Commitment, CommitmentDraft, Delivery, DeliveryDraft, Quarter};

/// `IN (...)` list of ids we produced ourselves (never user text).
pub(crate) fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Hours are stored in hundredths so both engines keep them exact.
pub(crate) fn hours_to_centi(h: Option<f64>) -> Option<i64> {
    h.map(|h| (h * 100.0).round() as i64)
}

pub(crate) fn centi_to_hours(c: Option<i64>) -> Option<f64> {
    c.map(|c| c as f64 / 100.0)
}

// ---------------------------------------------------------------- agreements

const AGREEMENT_COLUMNS: &str =
    "id, network_id, title, description, starts_on, ends_on, evaluation_date, document_url, out_of_scope, archived_at";

fn agreement_from_row(r: &sqlx::any::AnyRow) -> Result<Agreement> {
    Ok(Agreement {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        party_ids: Vec::new(),
        starts_on: parse_date(r.try_get("starts_on")?)?,
        ends_on: parse_date(r.try_get("ends_on")?)?,
        evaluation_date: parse_date(r.try_get("evaluation_date")?)?,
        document_url: r.try_get("document_url")?,
        out_of_scope: r.try_get("out_of_scope")?,
        archived: r.try_get::<Option<String>, _>("archived_at")?.is_some(),
    })
}

async fn attach_parties(conn: &mut Conn, agreements: &mut [Agreement]) -> Result<()> {
    if agreements.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = agreements.iter().map(|a| a.id).collect();
    let rows = sqlx::query(&format!(
        "SELECT agreement_id, organisation_id FROM agreement_parties WHERE agreement_id IN ({}) ORDER BY organisation_id",
        id_list(&ids)
    ))
    .fetch_all(conn)
    .await?;
    for r in &rows {
        let aid: i64 = r.try_get("agreement_id")?;
        if let Some(a) = agreements.iter_mut().find(|a| a.id == aid) {
            a.party_ids.push(r.try_get("organisation_id")?);
        }
    }
    Ok(())
}

async fn set_parties(conn: &mut Conn, agreement_id: i64, party_ids: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM agreement_parties WHERE agreement_id = $1").bind(agreement_id).execute(&mut *conn).await?;
    for org in party_ids {
        sqlx::query("INSERT INTO agreement_parties (agreement_id, organisation_id) VALUES ($1, $2)")
            .bind(agreement_id)
            .bind(*org)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_agreement(conn: &mut Conn, network_id: i64, d: &AgreementDraft) -> Result<i64> {
    let now = now_text();
    let row = sqlx::query(
        "INSERT INTO agreements (network_id, title, description, starts_on, ends_on, evaluation_date, document_url, out_of_scope, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(network_id)
    .bind(d.title.clone())
    .bind(d.description.clone())
    .bind(d.starts_on.map(|x| x.to_string()))
    .bind(d.ends_on.map(|x| x.to_string()))
    .bind(d.evaluation_date.map(|x| x.to_string()))
    .bind(d.document_url.clone())
    .bind(d.out_of_scope.clone())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let id: i64 = row.try_get("id")?;
    set_parties(conn, id, &d.party_ids).await?;
    Ok(id)
}

pub async fn update_agreement(conn: &mut Conn, network_id: i64, id: i64, d: &AgreementDraft) -> Result<()> {
    sqlx::query(
        "UPDATE agreements SET title = $1, description = $2, starts_on = $3, ends_on = $4, evaluation_date = $5, document_url = $6, \
         out_of_scope = $7, updated_at = $8 WHERE id = $9 AND network_id = $10",
    )
    .bind(d.title.clone())
    .bind(d.description.clone())
    .bind(d.starts_on.map(|x| x.to_string()))
    .bind(d.ends_on.map(|x| x.to_string()))
    .bind(d.evaluation_date.map(|x| x.to_string()))
    .bind(d.document_url.clone())
    .bind(d.out_of_scope.clone())
    .bind(now_text())
    .bind(id)
    .bind(network_id)
    .execute(&mut *conn)
    .await?;
    set_parties(conn, id, &d.party_ids).await
}

pub async fn set_agreement_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE agreements SET archived_at = $1, updated_at = $2 WHERE id = $3 AND network_id = $4")
        .bind(archived.then(now_text))
        .bind(now_text())
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn agreement_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Agreement>> {
    let row = sqlx::query(&format!("SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE network_id = $1 AND id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut list = vec![agreement_from_row(&row)?];
    attach_parties(conn, &mut list).await?;
    Ok(list.pop())
}

/// All agreements of a network, archived ones included, newest period first.
pub async fn agreements_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<Agreement>> {
    let rows = sqlx::query(&format!("SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE network_id = $1 ORDER BY starts_on DESC, title, id"))
        .bind(network_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut list = rows.iter().map(agreement_from_row).collect::<Result<Vec<_>>>()?;
    attach_parties(conn, &mut list).await?;
    Ok(list)
}

// ---------------------------------------------------------------- commitments

const COMMITMENT_COLUMNS: &str = "id, agreement_id, organisation_id, role, tasks, hours_per_month_centi, money_cents, in_kind";

fn commitment_from_row(r: &sqlx::any::AnyRow) -> Result<Commitment> {
    Ok(Commitment {
        id: r.try_get("id")?,
        agreement_id: r.try_get("agreement_id")?,
        organisation_id: r.try_get("organisation_id")?,
        role: r.try_get("role")?,
        tasks: r.try_get("tasks")?,
        hours_per_month: centi_to_hours(r.try_get("hours_per_month_centi")?),
        money_cents: r.try_get("money_cents")?,
        in_kind: r.try_get("in_kind")?,
    })
}

pub async fn insert_commitment(conn: &mut Conn, network_id: i64, agreement_id: i64, d: &CommitmentDraft) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO commitments (network_id, agreement_id, organisation_id, role, tasks, hours_per_month_centi, money_cents, in_kind) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(network_id)
    .bind(agreement_id)
    .bind(d.organisation_id)
    .bind(d.role.clone())
    .bind(d.tasks.clone())
    .bind(hours_to_centi(d.hours_per_month))
    .bind(d.money_cents)
    .bind(d.in_kind.clone())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_commitment(conn: &mut Conn, network_id: i64, id: i64, d: &CommitmentDraft) -> Result<()> {
    sqlx::query(
        "UPDATE commitments SET organisation_id = $1, role = $2, tasks = $3, hours_per_month_centi = $4, money_cents = $5, in_kind = $6 \
         WHERE id = $7 AND network_id = $8",
    )
    .bind(d.organisation_id)
    .bind(d.role.clone())
    .bind(d.tasks.clone())
    .bind(hours_to_centi(d.hours_per_month))
    .bind(d.money_cents)
    .bind(d.in_kind.clone())
    .bind(id)
    .bind(network_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A removed commitment keeps its deliveries for the record but no longer counts.
pub async fn set_commitment_removed(conn: &mut Conn, network_id: i64, id: i64, removed: bool) -> Result<()> {
    sqlx::query("UPDATE commitments SET removed_at = $1 WHERE id = $2 AND network_id = $3")
        .bind(removed.then(now_text))
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A live commitment of the network.
pub async fn commitment_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Commitment>> {
    let row =
        sqlx::query(&format!("SELECT {COMMITMENT_COLUMNS} FROM commitments WHERE network_id = $1 AND id = $2 AND removed_at IS NULL"))
            .bind(network_id)
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.as_ref().map(commitment_from_row).transpose()
}

/// Live commitments of the network, or of one agreement.
pub async fn commitments_of_network(conn: &mut Conn, network_id: i64, agreement_id: Option<i64>) -> Result<Vec<Commitment>> {
    let rows = sqlx::query(&format!(
        "SELECT {COMMITMENT_COLUMNS} FROM commitments WHERE network_id = $1 AND removed_at IS NULL \
         AND ($2 = 0 OR agreement_id = $2) ORDER BY agreement_id, organisation_id, id"
    ))
    .bind(network_id)
    .bind(agreement_id.unwrap_or(0))
    .fetch_all(conn)
    .await?;
    rows.iter().map(commitment_from_row).collect()
}

// ---------------------------------------------------------------- deliveries

fn delivery_from_row(r: &sqlx::any::AnyRow) -> Result<Delivery> {
    let quarter: String = r.try_get("quarter")?;
    Ok(Delivery {
        id: r.try_get("id")?,
        commitment_id: r.try_get("commitment_id")?,
        quarter: Quarter::parse(&quarter).ok_or(StoreError::Corrupt(format!("quarter {quarter}")))?,
        hours: centi_to_hours(r.try_get("hours_centi")?),
        money_cents: r.try_get("money_cents")?,
        note: r.try_get("note")?,
    })
}

/// One report per commitment and quarter: a second report for the same
/// quarter replaces the first. Returns the delivery's id.
pub async fn upsert_delivery(conn: &mut Conn, network_id: i64, commitment_id: i64, d: &DeliveryDraft, user_id: Option<i64>) -> Result<i64> {
    let existing = sqlx::query("SELECT id FROM deliveries WHERE commitment_id = $1 AND quarter = $2")
        .bind(commitment_id)
        .bind(d.quarter.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(row) = existing {
        let id: i64 = row.try_get("id")?;
        sqlx::query(
            "UPDATE deliveries SET hours_centi = $1, money_cents = $2, note = $3, recorded_by_user_id = $4, recorded_at = $5 WHERE id = $6",
        )
        .bind(hours_to_centi(d.hours))
        .bind(d.money_cents)
        .bind(d.note.clone())
        .bind(user_id)
        .bind(now_text())
        .bind(id)
        .execute(conn)
        .await?;
        return Ok(id);
    }
    let row = sqlx::query(
        "INSERT INTO deliveries (network_id, commitment_id, quarter, hours_centi, money_cents, note, recorded_by_user_id, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(network_id)
    .bind(commitment_id)
    .bind(d.quarter.to_string())
    .bind(hours_to_centi(d.hours))
    .bind(d.money_cents)
    .bind(d.note.clone())
    .bind(user_id)
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// Deliveries on live commitments of the network (or of one agreement), by quarter.
pub async fn deliveries_of_network(conn: &mut Conn, network_id: i64, agreement_id: Option<i64>) -> Result<Vec<Delivery>> {
    let rows = sqlx::query(
        "SELECT d.id, d.commitment_id, d.quarter, d.hours_centi, d.money_cents, d.note FROM deliveries d \
         JOIN commitments c ON c.id = d.commitment_id \
         WHERE d.network_id = $1 AND c.removed_at IS NULL AND ($2 = 0 OR c.agreement_id = $2) ORDER BY d.quarter, d.commitment_id",
    )
    .bind(network_id)
    .bind(agreement_id.unwrap_or(0))
    .fetch_all(conn)
    .await?;
    rows.iter().map(delivery_from_row).collect()
}

// ---------------------------------------------------------------- documents

/// A stored document without its content.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    pub id: i64,
    pub agreement_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: String,
}

fn document_from_row(r: &sqlx::any::AnyRow) -> Result<DocumentInfo> {
    Ok(DocumentInfo {
        id: r.try_get("id")?,
        agreement_id: r.try_get("agreement_id")?,
        file_name: r.try_get("file_name")?,
        content_type: r.try_get("content_type")?,
        size_bytes: r.try_get("size_bytes")?,
        sha256: r.try_get("sha256")?,
        uploaded_at: r.try_get("uploaded_at")?,
    })
}

pub struct NewDocument<'a> {
    pub agreement_id: i64,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
    pub user_id: Option<i64>,
}

pub async fn insert_document(conn: &mut Conn, network_id: i64, d: &NewDocument<'_>) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO agreement_documents (network_id, agreement_id, file_name, content_type, size_bytes, sha256, content, \
         uploaded_by_user_id, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(network_id)
    .bind(d.agreement_id)
    .bind(d.file_name.to_string())
    .bind(d.content_type.to_string())
    .bind(d.content.len() as i64)
    .bind(d.sha256.to_string())
    .bind(d.content.to_vec())
    .bind(d.user_id)
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

const DOCUMENT_COLUMNS: &str = "id, agreement_id, file_name, content_type, size_bytes, sha256, uploaded_at";

/// Documents of an agreement that are not archived, newest first.
pub async fn documents_of_agreement(conn: &mut Conn, network_id: i64, agreement_id: i64) -> Result<Vec<DocumentInfo>> {
    let rows = sqlx::query(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM agreement_documents WHERE network_id = $1 AND agreement_id = $2 AND archived_at IS NULL \
         ORDER BY uploaded_at DESC, id DESC"
    ))
    .bind(network_id)
    .bind(agreement_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(document_from_row).collect()
}

/// A document with its bytes; archived documents are not served.
pub async fn document_with_content(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<(DocumentInfo, Vec<u8>)>> {
    let row = sqlx::query(&format!(
        "SELECT {DOCUMENT_COLUMNS}, content FROM agreement_documents WHERE network_id = $1 AND id = $2 AND archived_at IS NULL"
    ))
    .bind(network_id)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    match row {
        Some(r) => Ok(Some((document_from_row(&r)?, r.try_get("content")?))),
        None => Ok(None),
    }
}

pub async fn set_document_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE agreement_documents SET archived_at = $1 WHERE id = $2 AND network_id = $3")
        .bind(archived.then(now_text))
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}
