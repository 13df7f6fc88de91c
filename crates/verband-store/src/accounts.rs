//! A person's own account: profile, sessions with their origin, password
//! reset links (stored only as hashes) and failed attempts on links.

use sqlx::Row;

use crate::{now_text, Conn, Result};

/// One live session of a user, as "Mijn account" lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
    pub token_hash: String,
    pub created_at: String,
    pub expires_at: String,
    /// `Origin::describe` of the log-in ("web 192.0.2.7"); older sessions have none.
    pub origin: Option<String>,
}

/// A password reset link: only the hash of its token is known.
#[derive(Debug, Clone, PartialEq)]
pub struct PasswordResetRecord {
    pub user_id: i64,
    pub created_at: String,
    pub expires_at: String,
    pub used_at: Option<String>,
}

/// Like `insert_session`, recording where the log-in came from.
pub async fn insert_session_with_origin(conn: &mut Conn, token_hash: &str, user_id: i64, expires_at: &str, origin: &str) -> Result<()> {
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, origin) VALUES ($1, $2, $3, $4, $5)")
        .bind(token_hash.to_string())
        .bind(user_id)
        .bind(now_text())
        .bind(expires_at.to_string())
        .bind(origin.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// The user's sessions that have not expired, newest first.
pub async fn live_sessions_of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<SessionRecord>> {
    let rows = sqlx::query(
        "SELECT token_hash, created_at, expires_at, origin FROM sessions
         WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, token_hash",
    )
    .bind(user_id)
    .bind(now_text())
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SessionRecord {
                token_hash: r.try_get("token_hash")?,
                created_at: r.try_get("created_at")?,
                expires_at: r.try_get("expires_at")?,
                origin: r.try_get("origin")?,
            })
        })
        .collect()
}

/// Ends every session of the user except the one with `keep_hash`; returns how many ended.
pub async fn delete_other_sessions(conn: &mut Conn, user_id: i64, keep_hash: &str) -> Result<u64> {
    let r = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id)
        .bind(keep_hash.to_string())
        .execute(conn)
        .await?;
    Ok(r.rows_affected())
}

/// Name, e-mail address (lower case, or none) and language of an account.
pub async fn update_user_profile(
    conn: &mut Conn,
    user_id: i64,
    display_name: &str,
    email: Option<&str>,
    language: verband_domain::Language,
) -> Result<()> {
    sqlx::query("UPDATE users SET display_name = $1, email = $2, language = $3 WHERE id = $4")
        .bind(display_name.to_string())
        .bind(email.map(str::to_string))
        .bind(language.code().to_string())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The ids of accounts with this e-mail address, compared in lower case.
pub async fn user_ids_by_email(conn: &mut Conn, email: &str) -> Result<Vec<i64>> {
    let rows =
        sqlx::query("SELECT id FROM users WHERE LOWER(email) = $1 ORDER BY id").bind(email.trim().to_lowercase()).fetch_all(conn).await?;
    rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
}

pub async fn insert_password_reset(conn: &mut Conn, token_hash: &str, user_id: i64, expires_at: &str) -> Result<()> {
    sqlx::query("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash.to_string())
        .bind(user_id)
        .bind(now_text())
        .bind(expires_at.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn password_reset_by_hash(conn: &mut Conn, token_hash: &str) -> Result<Option<PasswordResetRecord>> {
    let row = sqlx::query("SELECT user_id, created_at, expires_at, used_at FROM password_resets WHERE token_hash = $1")
        .bind(token_hash.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(|r| {
        Ok(PasswordResetRecord {
            user_id: r.try_get("user_id")?,
            created_at: r.try_get("created_at")?,
            expires_at: r.try_get("expires_at")?,
            used_at: r.try_get("used_at")?,
        })
    })
    .transpose()
}

/// Marks the link used if it is unused and not expired at `now`; false
/// otherwise. One statement, so two requests cannot both use one link.
pub async fn use_password_reset(conn: &mut Conn, token_hash: &str, now: &str) -> Result<bool> {
    let r = sqlx::query("UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1")
        .bind(now.to_string())
        .bind(token_hash.to_string())
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Retires every unused link of the user (a newer one was sent, or the password changed).
pub async fn retire_password_resets(conn: &mut Conn, user_id: i64) -> Result<()> {
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now_text())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Counts one attempt against `scope` (e.g. a reset request for an address,
/// or a wrong reset link from an address).
pub async fn insert_attempt(conn: &mut Conn, scope: &str, at: &str) -> Result<()> {
    sqlx::query("INSERT INTO attempt_failures (scope, at) VALUES ($1, $2)")
        .bind(scope.to_string())
        .bind(at.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn attempts_since(conn: &mut Conn, scope: &str, since: &str) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM attempt_failures WHERE scope = $1 AND at > $2")
        .bind(scope.to_string())
        .bind(since.to_string())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("n")?)
}
