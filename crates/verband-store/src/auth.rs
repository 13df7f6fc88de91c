//! Sessions, API tokens and failed log-ins. Only hashes of secrets are stored.

use sqlx::Row;

use crate::{now_text, Conn, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked: bool,
}

pub async fn insert_session(conn: &mut Conn, token_hash: &str, user_id: i64, expires_at: &str) -> Result<()> {
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash.to_string())
        .bind(user_id)
        .bind(now_text())
        .bind(expires_at.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// The session for a token hash, if it has not expired.
pub async fn delete_session(conn: &mut Conn, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash.to_string()).execute(conn).await?;
    Ok(())
}

pub async fn delete_sessions_of_user(conn: &mut Conn, user_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

pub async fn delete_expired_sessions(conn: &mut Conn) -> Result<u64> {
    let r = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now_text()).execute(conn).await?;
    Ok(r.rows_affected())
}

pub async fn insert_api_token(conn: &mut Conn, user_id: i64, name: &str, token_hash: &str) -> Result<i64> {
    let row = sqlx::query("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(user_id)
        .bind(name.to_string())
        .bind(token_hash.to_string())
        .bind(now_text())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("id")?)
}

/// The user of a token that has not been revoked.
pub async fn user_of_api_token(conn: &mut Conn, token_hash: &str) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
        .bind(token_hash.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(|r| Ok(r.try_get("user_id")?)).transpose()
}

pub async fn api_tokens_of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<ApiTokenRecord>> {
    let rows = sqlx::query("SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id DESC")
        .bind(user_id)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ApiTokenRecord {
                id: r.try_get("id")?,
                user_id: r.try_get("user_id")?,
                name: r.try_get("name")?,
                created_at: r.try_get("created_at")?,
                revoked: r.try_get::<Option<String>, _>("revoked_at")?.is_some(),
            })
        })
        .collect()
}

/// Revokes a token of this user; false when the user has no such live token.
pub async fn revoke_api_token(conn: &mut Conn, user_id: i64, token_id: i64) -> Result<bool> {
    let r = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
        .bind(now_text())
        .bind(token_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn insert_login_failure(conn: &mut Conn, username: &str) -> Result<()> {
    sqlx::query("INSERT INTO login_failures (username, at) VALUES ($1, $2)")
        .bind(username.to_string())
        .bind(now_text())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn login_failures_since(conn: &mut Conn, username: &str, since: &str) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM login_failures WHERE username = $1 AND at > $2")
        .bind(username.to_string())
        .bind(since.to_string())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("n")?)
}

pub async fn clear_login_failures(conn: &mut Conn, username: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE username = $1").bind(username.to_string()).execute(conn).await?;
    Ok(())
}
