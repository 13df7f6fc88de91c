//! The audit log (who did what, for people) and the change log (what changed,
//! for machines: search indexes and caches follow it by sequence number).

use sqlx::Row;

use crate::{now_text, Conn, Result};

/// One audit entry to write. Written in the same transaction as the change.
#[derive(Debug, Clone)]
pub struct AuditEntry<'a> {
    pub network_id: Option<i64>,
    pub actor_user_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<i64>,
    pub object_label: Option<&'a str>,
    pub result: &'a str,
    pub origin: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub network_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub object_label: Option<String>,
    pub result: String,
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRecord {
    pub seq: i64,
    pub at: String,
    pub network_id: Option<i64>,
    pub entity: String,
    pub entity_id: i64,
    pub op: String,
}

pub async fn insert_audit(conn: &mut Conn, e: &AuditEntry<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, network_id, actor_user_id, actor, action, object_type, object_id, object_label, result, origin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(now_text())
    .bind(e.network_id)
    .bind(e.actor_user_id)
    .bind(e.actor.to_string())
    .bind(e.action.to_string())
    .bind(e.object_type.to_string())
    .bind(e.object_id)
    .bind(e.object_label.map(str::to_string))
    .bind(e.result.to_string())
    .bind(e.origin.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// Key of the PostgreSQL advisory lock that orders change-log writers.
const CHANGE_LOG_LOCK: i64 = 0x0076_6572_6261_6e64; // "verband"

pub async fn insert_change(conn: &mut Conn, network_id: Option<i64>, entity: &str, entity_id: i64, op: &str) -> Result<()> {
    // PostgreSQL hands out sequence numbers at insert, not at commit: two
    // writers could commit seq 8 before seq 7, and a reader that already
    // passed 8 would never see 7. Holding a transaction lock until commit
    // makes seq order equal commit order. SQLite has one writer at a time.
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(CHANGE_LOG_LOCK).execute(&mut *conn).await?;
    }
    sqlx::query("INSERT INTO change_log (at, network_id, entity, entity_id, op) VALUES ($1, $2, $3, $4, $5)")
        .bind(now_text())
        .bind(network_id)
        .bind(entity.to_string())
        .bind(entity_id)
        .bind(op.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

fn audit_from_row(r: &sqlx::any::AnyRow) -> Result<AuditRecord> {
    Ok(AuditRecord {
        id: r.try_get("id")?,
        at: r.try_get("at")?,
        network_id: r.try_get("network_id")?,
        actor: r.try_get("actor")?,
        action: r.try_get("action")?,
        object_type: r.try_get("object_type")?,
        object_id: r.try_get("object_id")?,
        object_label: r.try_get("object_label")?,
        result: r.try_get("result")?,
        origin: r.try_get("origin")?,
    })
}

/// The newest audit entries of one network, newest first.
pub async fn recent_audit(conn: &mut Conn, network_id: i64, limit: i64) -> Result<Vec<AuditRecord>> {
    let rows = sqlx::query(
        "SELECT id, at, network_id, actor, action, object_type, object_id, object_label, result, origin
         FROM audit_log WHERE network_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(network_id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter().map(audit_from_row).collect()
}

/// Audit entries of the whole deployment, newest first (for tests and admins).
pub async fn all_audit(conn: &mut Conn, limit: i64) -> Result<Vec<AuditRecord>> {
    let rows = sqlx::query(
        "SELECT id, at, network_id, actor, action, object_type, object_id, object_label, result, origin
         FROM audit_log ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter().map(audit_from_row).collect()
}

/// Change-log rows after `after_seq`, oldest first.
pub async fn changes_since(conn: &mut Conn, after_seq: i64, limit: i64) -> Result<Vec<ChangeRecord>> {
    let rows = sqlx::query("SELECT seq, at, network_id, entity, entity_id, op FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2")
        .bind(after_seq)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ChangeRecord {
                seq: r.try_get("seq")?,
                at: r.try_get("at")?,
                network_id: r.try_get("network_id")?,
                entity: r.try_get("entity")?,
                entity_id: r.try_get("entity_id")?,
                op: r.try_get("op")?,
            })
        })
        .collect()
}

/// The newest change-log sequence number of a network (0 when none): what a
/// cache of derived figures compares against to know it is still current.
pub async fn latest_change_seq(conn: &mut Conn, network_id: i64) -> Result<i64> {
    let row =
        sqlx::query("SELECT COALESCE(MAX(seq), 0) AS seq FROM change_log WHERE network_id = $1").bind(network_id).fetch_one(conn).await?;
    Ok(row.try_get("seq")?)
}

/// What the audit log page asks for: one network (or everything), narrowed
/// by who, what and when. Dates are whole days in UTC, both ends included.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    /// `Some(id)`: only that network's rows; `None`: every row, also those without a network.
    pub network_id: Option<i64>,
    /// Exact actor name as written in the log.
    pub actor: Option<String>,
    pub action: Option<String>,
    /// `success` or `failure`.
    pub result: Option<String>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

enum Bind {
    Int(i64),
    Text(String),
}

impl AuditFilter {
    /// The WHERE clause (starting with " WHERE", or empty) and its values.
    /// `scope_only` leaves out the narrowing filters: the choices a filter
    /// offers come from the whole scope, not from what is already narrowed.
    fn clause(&self, scope_only: bool) -> (String, Vec<Bind>) {
        let mut parts: Vec<String> = Vec::new();
        let mut binds: Vec<Bind> = Vec::new();
        let mut push = |sql: &str, b: Bind, parts: &mut Vec<String>| {
            binds.push(b);
            parts.push(sql.replace('?', &format!("${}", binds.len())));
        };
        if let Some(n) = self.network_id {
            push("network_id = ?", Bind::Int(n), &mut parts);
        }
        if !scope_only {
            if let Some(a) = &self.actor {
                push("actor = ?", Bind::Text(a.clone()), &mut parts);
            }
            if let Some(a) = &self.action {
                push("action = ?", Bind::Text(a.clone()), &mut parts);
            }
            if let Some(r) = &self.result {
                push("result = ?", Bind::Text(r.clone()), &mut parts);
            }
            if let Some(d) = self.from {
                push("at >= ?", Bind::Text(format!("{}T00:00:00Z", d.format("%Y-%m-%d"))), &mut parts);
            }
            if let Some(d) = self.to.and_then(|d| d.succ_opt()) {
                push("at < ?", Bind::Text(format!("{}T00:00:00Z", d.format("%Y-%m-%d"))), &mut parts);
            }
        }
        if parts.is_empty() {
            (String::new(), binds)
        } else {
            (format!(" WHERE {}", parts.join(" AND ")), binds)
        }
    }
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    binds: Vec<Bind>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for b in binds {
        q = match b {
            Bind::Int(i) => q.bind(i),
            Bind::Text(t) => q.bind(t),
        };
    }
    q
}

/// One page of the filtered audit log, newest first, and how many rows match.
pub async fn audit_page(conn: &mut Conn, filter: &AuditFilter, limit: i64, offset: i64) -> Result<(Vec<AuditRecord>, i64)> {
    let (clause, binds) = filter.clause(false);
    let row = bind_all(sqlx::query(&format!("SELECT COUNT(*) AS n FROM audit_log{clause}")), binds).fetch_one(&mut *conn).await?;
    let total: i64 = row.try_get("n")?;
    let (clause, mut binds) = filter.clause(false);
    let next = binds.len();
    binds.push(Bind::Int(limit));
    binds.push(Bind::Int(offset));
    let sql = format!(
        "SELECT id, at, network_id, actor, action, object_type, object_id, object_label, result, origin
         FROM audit_log{clause} ORDER BY id DESC LIMIT ${} OFFSET ${}",
        next + 1,
        next + 2
    );
    let rows = bind_all(sqlx::query(&sql), binds).fetch_all(&mut *conn).await?;
    Ok((rows.iter().map(audit_from_row).collect::<Result<Vec<_>>>()?, total))
}

/// Every row of the filtered audit log, newest first, at most `limit`.
pub async fn audit_rows(conn: &mut Conn, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditRecord>> {
    Ok(audit_page(conn, filter, limit, 0).await?.0)
}

/// The actor names and the actions that occur in the filter's scope (its
/// network, or everything), each sorted and at most `limit` long: the
/// choices of the page's filters.
pub async fn audit_choices(conn: &mut Conn, filter: &AuditFilter, limit: i64) -> Result<(Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    for column in ["actor", "action"] {
        let (clause, mut binds) = filter.clause(true);
        binds.push(Bind::Int(limit));
        let sql = format!("SELECT DISTINCT {column} AS v FROM audit_log{clause} ORDER BY {column} LIMIT ${}", binds.len());
        let rows = bind_all(sqlx::query(&sql), binds).fetch_all(&mut *conn).await?;
        out.push(rows.iter().map(|r| r.try_get::<String, _>("v")).collect::<std::result::Result<Vec<_>, _>>()?);
    }
    let actions = out.pop().unwrap_or_default();
    let actors = out.pop().unwrap_or_default();
    Ok((actors, actions))
}
