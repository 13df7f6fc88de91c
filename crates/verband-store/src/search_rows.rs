//! What the search index holds of partners, persons, projects and meetings:
//! one row per document, read for a whole rebuild or for the one record a
//! change-log entry names. Archived records come back with `live = false`,
//! so the index drops them.

use sqlx::Row;

use crate::{Conn, Result};

/// Which records a query reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowScope {
    /// Every record of the deployment (a rebuild).
    All,
    /// One record by id (for a partner: its membership of every network).
    One(i64),
}

/// One partner, person, project or meeting as the header search shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRow {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub text: String,
    /// False for archived records: they leave the index.
    pub live: bool,
}

fn scope_clause(scope: RowScope, column: &str) -> (String, i64) {
    match scope {
        RowScope::All => ("1 = 1".to_string(), 0),
        RowScope::One(id) => (format!("{column} = $1"), id),
    }
}

async fn rows(conn: &mut Conn, sql: &str, scope: RowScope) -> Result<Vec<SearchRow>> {
    let mut query = sqlx::query(sql);
    if let RowScope::One(id) = scope {
        query = query.bind(id);
    }
    let rows = query.fetch_all(conn).await?;
    rows.iter()
        .map(|r| {
            let text: Option<String> = r.try_get("text")?;
            Ok(SearchRow {
                id: r.try_get("id")?,
                network_id: r.try_get("network_id")?,
                title: r.try_get("title")?,
                text: text.unwrap_or_default(),
                live: r.try_get::<i64, _>("live")? == 1,
            })
        })
        .collect()
}

/// Partners: an organisation once per network it is a member of.
pub async fn partner_search_rows(conn: &mut Conn, scope: RowScope) -> Result<Vec<SearchRow>> {
    let (clause, _) = scope_clause(scope, "o.id");
    let sql = format!(
        "SELECT o.id, m.network_id, o.name AS title, o.description AS text, \
         CAST(CASE WHEN m.archived_at IS NULL THEN 1 ELSE 0 END AS BIGINT) AS live \
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE {clause} ORDER BY o.id, m.network_id"
    );
    rows(conn, &sql, scope).await
}

/// Persons, with their organisation's name (what people search for them by);
/// no e-mail or phone number, which a search box should not reveal.
pub async fn person_search_rows(conn: &mut Conn, scope: RowScope) -> Result<Vec<SearchRow>> {
    let (clause, _) = scope_clause(scope, "p.id");
    let sql = format!(
        "SELECT p.id, p.network_id, p.name AS title, o.name AS text, \
         CAST(CASE WHEN p.archived_at IS NULL THEN 1 ELSE 0 END AS BIGINT) AS live \
         FROM persons p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE {clause} ORDER BY p.id"
    );
    rows(conn, &sql, scope).await
}

/// Projects, with their description and results.
pub async fn project_search_rows(conn: &mut Conn, scope: RowScope) -> Result<Vec<SearchRow>> {
    let (clause, _) = scope_clause(scope, "p.id");
    let sql = format!(
        "SELECT p.id, p.network_id, p.title, \
         COALESCE(p.description, '') || ' ' || COALESCE(p.results, '') AS text, \
         CAST(CASE WHEN p.archived_at IS NULL THEN 1 ELSE 0 END AS BIGINT) AS live \
         FROM projects p WHERE {clause} ORDER BY p.id"
    );
    rows(conn, &sql, scope).await
}

/// Meetings: their title (or the body's name), with body, date, place and notes.
pub async fn meeting_search_rows(conn: &mut Conn, scope: RowScope) -> Result<Vec<SearchRow>> {
    let (clause, _) = scope_clause(scope, "m.id");
    let sql = format!(
        "SELECT m.id, m.network_id, COALESCE(m.title, b.name) AS title, \
         b.name || ' ' || m.date || ' ' || COALESCE(m.place, '') || ' ' || COALESCE(m.notes, '') AS text, \
         CAST(1 AS BIGINT) AS live \
         FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE {clause} ORDER BY m.id"
    );
    rows(conn, &sql, scope).await
}

/// The highest change-log sequence number (0 when empty): where a rebuild
/// starts following the log.
pub async fn last_change_seq(conn: &mut Conn) -> Result<i64> {
    let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS seq FROM change_log").fetch_one(conn).await?;
    Ok(row.try_get("seq")?)
}

/// Live knowledge items: the length of a rebuild's progress bar.
pub async fn knowledge_item_count(conn: &mut Conn) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM knowledge_items WHERE archived_at IS NULL").fetch_one(conn).await?;
    Ok(row.try_get("n")?)
}

/// The attachment text of every item with an id in `first..=last`, one
/// query for a whole batch of a rebuild (items without text are absent).
pub async fn knowledge_attachment_texts(conn: &mut Conn, first: i64, last: i64) -> Result<std::collections::BTreeMap<i64, String>> {
    let rows = sqlx::query(
        "SELECT item_id, extracted_text FROM knowledge_attachments \
         WHERE item_id >= $1 AND item_id <= $2 AND archived_at IS NULL AND extracted_text IS NOT NULL ORDER BY item_id, id",
    )
    .bind(first)
    .bind(last)
    .fetch_all(conn)
    .await?;
    let mut texts: std::collections::BTreeMap<i64, String> = std::collections::BTreeMap::new();
    for r in &rows {
        let text: String = r.try_get("extracted_text")?;
        let entry = texts.entry(r.try_get("item_id")?).or_default();
        if !entry.is_empty() {
            entry.push_str("\n\n");
        }
        entry.push_str(&text);
    }
    Ok(texts)
}
