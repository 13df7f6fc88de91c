//! Knowledge items, their attachments, links and questions. Lists are kept
//! as JSON text so both engines store them the same way; the search index,
//! not SQL, answers full-text questions.

use sqlx::Row;
use verband_domain::knowledge::{KnowledgeDraft, KnowledgeKind, KnowledgeVisibility};
use verband_domain::{Phase, Sector};

use crate::{now_text, Conn, Result, StoreError};

/// A knowledge item as stored, with the names the pages show.
#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeRecord {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    pub kind: KnowledgeKind,
    pub title: String,
    pub body: String,
    pub themes: Vec<String>,
    pub phase: Option<Phase>,
    pub sectors: Vec<Sector>,
    pub links: Vec<String>,
    pub visibility: KnowledgeVisibility,
    pub author_user_id: Option<i64>,
    pub author_name: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub views: i64,
    pub created_at: String,
    pub updated_at: String,
    pub archived: bool,
}

fn json_list<T: AsRef<str>>(items: &[T]) -> Result<String> {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    serde_json::to_string(&items).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse_list(raw: &str, what: &str) -> Result<Vec<String>> {
    serde_json::from_str(raw).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

const ITEM_COLUMNS: &str = "k.id, k.network_id, n.name AS network_name, k.kind, k.title, k.body, k.themes, k.phase, k.sectors, k.links, \
     k.visibility, k.author_user_id, u.display_name AS author_name, k.organisation_id, o.name AS organisation_name, k.views, \
     k.created_at, k.updated_at, k.archived_at";
const ITEM_FROM: &str = "knowledge_items k JOIN networks n ON n.id = k.network_id LEFT JOIN users u ON u.id = k.author_user_id \
     LEFT JOIN organisations o ON o.id = k.organisation_id";

fn item_from_row(r: &sqlx::any::AnyRow) -> Result<KnowledgeRecord> {
    let kind: String = r.try_get("kind")?;
    let visibility: String = r.try_get("visibility")?;
    let phase: Option<String> = r.try_get("phase")?;
    let sectors = parse_list(&r.try_get::<String, _>("sectors")?, "sectors")?;
    let archived_at: Option<String> = r.try_get("archived_at")?;
    Ok(KnowledgeRecord {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        network_name: r.try_get("network_name")?,
        kind: KnowledgeKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("knowledge kind {kind}")))?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        themes: parse_list(&r.try_get::<String, _>("themes")?, "themes")?,
        phase: phase.as_deref().and_then(Phase::parse),
        sectors: sectors.iter().filter_map(|s| Sector::parse(s)).collect(),
        links: parse_list(&r.try_get::<String, _>("links")?, "links")?,
        visibility: KnowledgeVisibility::parse(&visibility).ok_or_else(|| StoreError::Corrupt(format!("visibility {visibility}")))?,
        author_user_id: r.try_get("author_user_id")?,
        author_name: r.try_get("author_name")?,
        organisation_id: r.try_get("organisation_id")?,
        organisation_name: r.try_get("organisation_name")?,
        views: r.try_get("views")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        archived: archived_at.is_some(),
    })
}

pub async fn insert_knowledge_item(
    conn: &mut Conn,
    network_id: i64,
    d: &KnowledgeDraft,
    author_user_id: Option<i64>,
    organisation_id: Option<i64>,
) -> Result<i64> {
    let now = now_text();
    let sectors: Vec<&str> = d.sectors.iter().map(|s| s.code()).collect();
    let row = sqlx::query(
        "INSERT INTO knowledge_items (network_id, kind, title, body, themes, phase, sectors, links, visibility, author_user_id, \
         organisation_id, views, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13) RETURNING id",
    )
    .bind(network_id)
    .bind(d.kind.code())
    .bind(d.title.clone())
    .bind(d.body.clone())
    .bind(json_list(&d.themes)?)
    .bind(d.phase.map(|p| p.code()))
    .bind(json_list(&sectors)?)
    .bind(json_list(&d.links)?)
    .bind(d.visibility.code())
    .bind(author_user_id)
    .bind(organisation_id)
    .bind(now.clone())
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// Overwrites what the form holds; author, organisation and views stay.
pub async fn update_knowledge_item(conn: &mut Conn, network_id: i64, id: i64, d: &KnowledgeDraft) -> Result<bool> {
    let sectors: Vec<&str> = d.sectors.iter().map(|s| s.code()).collect();
    let done = sqlx::query(
        "UPDATE knowledge_items SET kind = $1, title = $2, body = $3, themes = $4, phase = $5, sectors = $6, links = $7, \
         visibility = $8, updated_at = $9 WHERE id = $10 AND network_id = $11",
    )
    .bind(d.kind.code())
    .bind(d.title.clone())
    .bind(d.body.clone())
    .bind(json_list(&d.themes)?)
    .bind(d.phase.map(|p| p.code()))
    .bind(json_list(&sectors)?)
    .bind(json_list(&d.links)?)
    .bind(d.visibility.code())
    .bind(now_text())
    .bind(id)
    .bind(network_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn set_knowledge_item_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<bool> {
    let done = sqlx::query("UPDATE knowledge_items SET archived_at = $1, updated_at = $2 WHERE id = $3 AND network_id = $4")
        .bind(archived.then(now_text))
        .bind(now_text())
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// One item by id, whichever network holds it; the caller decides who may see it.
pub async fn knowledge_item(conn: &mut Conn, id: i64) -> Result<Option<KnowledgeRecord>> {
    let row = sqlx::query(&format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE k.id = $1")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(item_from_row).transpose()
}

/// Every live item, for building the search index from scratch, in id order
/// from `after_id`, at most `limit` (so a large lab is read in batches).
pub async fn knowledge_items_batch(conn: &mut Conn, after_id: i64, limit: i64) -> Result<Vec<KnowledgeRecord>> {
    let rows =
        sqlx::query(&format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE k.id > $1 AND k.archived_at IS NULL ORDER BY k.id LIMIT $2"))
            .bind(after_id)
            .bind(limit)
            .fetch_all(conn)
            .await?;
    rows.iter().map(item_from_row).collect()
}

/// Counts a view (the knowledge lab shows the most viewed items first when nothing is searched).
pub async fn count_knowledge_view(conn: &mut Conn, id: i64) -> Result<()> {
    sqlx::query("UPDATE knowledge_items SET views = views + 1 WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

// ------------------------------------------------------------------ attachments

#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeAttachment {
    pub id: i64,
    pub item_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: String,
}

pub struct NewKnowledgeAttachment<'a> {
    pub item_id: i64,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
    pub extracted_text: Option<&'a str>,
    pub user_id: Option<i64>,
}

pub async fn insert_knowledge_attachment(conn: &mut Conn, network_id: i64, a: &NewKnowledgeAttachment<'_>) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO knowledge_attachments (network_id, item_id, file_name, content_type, size_bytes, sha256, content, extracted_text, \
         uploaded_by_user_id, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(network_id)
    .bind(a.item_id)
    .bind(a.file_name.to_string())
    .bind(a.content_type.to_string())
    .bind(a.content.len() as i64)
    .bind(a.sha256.to_string())
    .bind(a.content.to_vec())
    .bind(a.extracted_text.map(str::to_string))
    .bind(a.user_id)
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

const ATTACHMENT_COLUMNS: &str = "id, item_id, file_name, content_type, size_bytes, sha256, uploaded_at";

fn attachment_from_row(r: &sqlx::any::AnyRow) -> Result<KnowledgeAttachment> {
    Ok(KnowledgeAttachment {
        id: r.try_get("id")?,
        item_id: r.try_get("item_id")?,
        file_name: r.try_get("file_name")?,
        content_type: r.try_get("content_type")?,
        size_bytes: r.try_get("size_bytes")?,
        sha256: r.try_get("sha256")?,
        uploaded_at: r.try_get("uploaded_at")?,
    })
}

pub async fn knowledge_attachments(conn: &mut Conn, item_id: i64) -> Result<Vec<KnowledgeAttachment>> {
    let rows = sqlx::query(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM knowledge_attachments WHERE item_id = $1 AND archived_at IS NULL ORDER BY uploaded_at, id"
    ))
    .bind(item_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(attachment_from_row).collect()
}

/// The text of every live attachment of an item, for the search index.
pub async fn knowledge_attachment_text(conn: &mut Conn, item_id: i64) -> Result<String> {
    let rows = sqlx::query(
        "SELECT extracted_text FROM knowledge_attachments WHERE item_id = $1 AND archived_at IS NULL AND extracted_text IS NOT NULL ORDER BY id",
    )
    .bind(item_id)
    .fetch_all(conn)
    .await?;
    let parts: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>("extracted_text")).collect::<std::result::Result<_, _>>()?;
    Ok(parts.join("\n\n"))
}

pub async fn knowledge_attachment_with_content(conn: &mut Conn, item_id: i64, id: i64) -> Result<Option<(KnowledgeAttachment, Vec<u8>)>> {
    let row = sqlx::query(&format!(
        "SELECT {ATTACHMENT_COLUMNS}, content FROM knowledge_attachments WHERE item_id = $1 AND id = $2 AND archived_at IS NULL"
    ))
    .bind(item_id)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    match row {
        Some(r) => Ok(Some((attachment_from_row(&r)?, r.try_get("content")?))),
        None => Ok(None),
    }
}

pub async fn set_knowledge_attachment_archived(conn: &mut Conn, item_id: i64, id: i64, archived: bool) -> Result<bool> {
    let done = sqlx::query("UPDATE knowledge_attachments SET archived_at = $1 WHERE id = $2 AND item_id = $3")
        .bind(archived.then(now_text))
        .bind(id)
        .bind(item_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

// ------------------------------------------------------------------ links to projects, meetings, rounds

/// Replaces the item's links to other records with `targets` (kind, id).
pub async fn set_knowledge_item_links(conn: &mut Conn, item_id: i64, targets: &[(&str, i64)]) -> Result<()> {
    sqlx::query("DELETE FROM knowledge_item_links WHERE item_id = $1").bind(item_id).execute(&mut *conn).await?;
    for (kind, id) in targets {
        sqlx::query("INSERT INTO knowledge_item_links (item_id, target_kind, target_id) VALUES ($1, $2, $3)")
            .bind(item_id)
            .bind(kind.to_string())
            .bind(*id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn knowledge_item_links(conn: &mut Conn, item_id: i64) -> Result<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT target_kind, target_id FROM knowledge_item_links WHERE item_id = $1 ORDER BY target_kind, target_id")
        .bind(item_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("target_kind")?, r.try_get("target_id")?))).collect()
}

/// Live items linked to one record ("what we learned from this pilot").
pub async fn knowledge_items_linked_to(conn: &mut Conn, target_kind: &str, target_id: i64) -> Result<Vec<KnowledgeRecord>> {
    let rows = sqlx::query(&format!(
        "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} JOIN knowledge_item_links l ON l.item_id = k.id \
         WHERE l.target_kind = $1 AND l.target_id = $2 AND k.archived_at IS NULL ORDER BY k.created_at DESC, k.id DESC"
    ))
    .bind(target_kind.to_string())
    .bind(target_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(item_from_row).collect()
}

// ------------------------------------------------------------------ questions and answers

#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeQuestion {
    pub id: i64,
    pub item_id: i64,
    /// `None` for a question, the question's id for an answer.
    pub parent_id: Option<i64>,
    pub body: String,
    pub author_user_id: Option<i64>,
    pub author_name: Option<String>,
    pub created_at: String,
}

pub async fn insert_knowledge_question(
    conn: &mut Conn,
    item_id: i64,
    parent_id: Option<i64>,
    body: &str,
    user_id: Option<i64>,
) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO knowledge_questions (item_id, parent_id, body, author_user_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(item_id)
    .bind(parent_id)
    .bind(body.to_string())
    .bind(user_id)
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

const QUESTION_SELECT: &str = "SELECT q.id, q.item_id, q.parent_id, q.body, q.author_user_id, u.display_name AS author_name, q.created_at \
     FROM knowledge_questions q LEFT JOIN users u ON u.id = q.author_user_id";

fn question_from_row(r: &sqlx::any::AnyRow) -> Result<KnowledgeQuestion> {
    Ok(KnowledgeQuestion {
        id: r.try_get("id")?,
        item_id: r.try_get("item_id")?,
        parent_id: r.try_get("parent_id")?,
        body: r.try_get("body")?,
        author_user_id: r.try_get("author_user_id")?,
        author_name: r.try_get("author_name")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Questions and answers of an item, oldest first (the page nests answers under their question).
pub async fn knowledge_questions(conn: &mut Conn, item_id: i64) -> Result<Vec<KnowledgeQuestion>> {
    let rows = sqlx::query(&format!("{QUESTION_SELECT} WHERE q.item_id = $1 AND q.archived_at IS NULL ORDER BY q.created_at, q.id"))
        .bind(item_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(question_from_row).collect()
}

/// One live question or answer of an item.
pub async fn knowledge_question(conn: &mut Conn, item_id: i64, id: i64) -> Result<Option<KnowledgeQuestion>> {
    let row = sqlx::query(&format!("{QUESTION_SELECT} WHERE q.item_id = $1 AND q.id = $2 AND q.archived_at IS NULL"))
        .bind(item_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(question_from_row).transpose()
}

pub async fn set_knowledge_question_archived(conn: &mut Conn, item_id: i64, id: i64, archived: bool) -> Result<bool> {
    let done = sqlx::query("UPDATE knowledge_questions SET archived_at = $1 WHERE id = $2 AND item_id = $3")
        .bind(archived.then(now_text))
        .bind(id)
        .bind(item_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

// ------------------------------------------------------------------ backdating, for the demo only

/// Sets when an item was written (and last changed). Only the demo uses it,
/// to spread its items over the years the way a lab fills up over time.
pub async fn set_knowledge_item_created_at(conn: &mut Conn, id: i64, created_at: &str) -> Result<bool> {
    let done = sqlx::query("UPDATE knowledge_items SET created_at = $1, updated_at = $2 WHERE id = $3")
        .bind(created_at.to_string())
        .bind(created_at.to_string())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Sets how often an item was viewed. Only the demo uses it, so that "most viewed" means something.
pub async fn set_knowledge_item_views(conn: &mut Conn, id: i64, views: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE knowledge_items SET views = $1 WHERE id = $2").bind(views).bind(id).execute(conn).await?;
    Ok(done.rows_affected() > 0)
}

/// Sets when a question or answer was written. Only the demo uses it, so a thread is not dated today under an item of years ago.
pub async fn set_knowledge_question_created_at(conn: &mut Conn, id: i64, created_at: &str) -> Result<bool> {
    let done = sqlx::query("UPDATE knowledge_questions SET created_at = $1 WHERE id = $2")
        .bind(created_at.to_string())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
