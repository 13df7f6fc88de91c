//! Spreadsheets kept between the import preview and the user's confirmation.

use sqlx::Row;

use crate::{now_text, Conn, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct ImportUpload {
    pub id: i64,
    pub network_id: i64,
    pub user_id: Option<i64>,
    /// What the sheet holds: `organisations`, `persons`, `projects`, `commitments`.
    pub kind: String,
    pub file_name: String,
    pub content: Vec<u8>,
    pub imported: bool,
}

pub async fn insert_import_upload(
    conn: &mut Conn,
    network_id: i64,
    user_id: Option<i64>,
    kind: &str,
    file_name: &str,
    content: &[u8],
) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO import_uploads (network_id, user_id, kind, file_name, content, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(network_id)
    .bind(user_id)
    .bind(kind.to_string())
    .bind(file_name.to_string())
    .bind(content.to_vec())
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn import_upload_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<ImportUpload>> {
    let row = sqlx::query(
        "SELECT id, network_id, user_id, kind, file_name, content, imported_at FROM import_uploads WHERE network_id = $1 AND id = $2",
    )
    .bind(network_id)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    match row {
        Some(r) => Ok(Some(ImportUpload {
            id: r.try_get("id")?,
            network_id: r.try_get("network_id")?,
            user_id: r.try_get("user_id")?,
            kind: r.try_get("kind")?,
            file_name: r.try_get("file_name")?,
            content: r.try_get("content")?,
            imported: r.try_get::<Option<String>, _>("imported_at")?.is_some(),
        })),
        None => Ok(None),
    }
}

/// Marks the upload as imported; `false` when it already was. On PostgreSQL
/// the row stays locked until the transaction ends, so of two confirmations
/// of the same upload at the same moment only one gets `true`.
pub async fn mark_import_upload_imported(conn: &mut Conn, id: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE import_uploads SET imported_at = $1 WHERE id = $2 AND imported_at IS NULL")
        .bind(now_text())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Forgets the files of the network's uploads made before `before` (RFC 3339,
/// as [`now_text`] writes it): an upload never confirmed is deleted, one that
/// was imported keeps its row (so a late second confirmation is still refused)
/// but not its content, which may hold personal data.
pub async fn forget_old_import_uploads(conn: &mut Conn, network_id: i64, before: &str) -> Result<()> {
    sqlx::query("DELETE FROM import_uploads WHERE network_id = $1 AND created_at < $2 AND imported_at IS NULL")
        .bind(network_id)
        .bind(before.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE import_uploads SET content = $1 WHERE network_id = $2 AND created_at < $3 AND imported_at IS NOT NULL")
        .bind(Vec::<u8>::new())
        .bind(network_id)
        .bind(before.to_string())
        .execute(conn)
        .await?;
    Ok(())
}
