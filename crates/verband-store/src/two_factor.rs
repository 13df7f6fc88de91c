//! Two-factor sign-in: the TOTP secret per account, recovery codes (hashes
//! only), log-ins waiting for their second step, failed attempts on codes and
//! the deployment's settings.

use sqlx::Row;

use crate::{now_text, Conn, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct TwoFactorRecord {
    pub user_id: i64,
    /// Base32 TOTP secret.
    pub secret: String,
    /// None while the account is still setting it up.
    pub enabled_at: Option<String>,
    /// The last time step a code was accepted for.
    pub last_step: i64,
}

/// An account with two-factor sign-in switched on, for the administrator.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoFactorAccount {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub enabled_at: String,
}

pub async fn two_factor_of_user(conn: &mut Conn, user_id: i64) -> Result<Option<TwoFactorRecord>> {
    let row = sqlx::query("SELECT user_id, secret, enabled_at, last_step FROM two_factor WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    row.map(|r| {
        Ok(TwoFactorRecord {
            user_id: r.try_get("user_id")?,
            secret: r.try_get("secret")?,
            enabled_at: r.try_get("enabled_at")?,
            last_step: r.try_get("last_step")?,
        })
    })
    .transpose()
}

/// Starts (or starts again) the set-up with a new secret, not yet switched on.
pub async fn start_two_factor(conn: &mut Conn, user_id: i64, secret: &str) -> Result<()> {
    sqlx::query("DELETE FROM two_factor WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO two_factor (user_id, secret, enabled_at, last_step) VALUES ($1, $2, NULL, 0)")
        .bind(user_id)
        .bind(secret.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn enable_two_factor(conn: &mut Conn, user_id: i64) -> Result<()> {
    sqlx::query("UPDATE two_factor SET enabled_at = $1 WHERE user_id = $2").bind(now_text()).bind(user_id).execute(conn).await?;
    Ok(())
}

/// Records that a code of `step` was accepted; false when that step or a
/// later one was already used (a replayed code, or a race with another log-in).
pub async fn use_totp_step(conn: &mut Conn, user_id: i64, step: i64) -> Result<bool> {
    let r = sqlx::query("UPDATE two_factor SET last_step = $1 WHERE user_id = $2 AND last_step < $1")
        .bind(step)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Removes the second factor, its recovery codes and pending log-ins.
pub async fn delete_two_factor(conn: &mut Conn, user_id: i64) -> Result<bool> {
    let r = sqlx::query("DELETE FROM two_factor WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM pending_logins WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(r.rows_affected() > 0)
}

pub async fn two_factor_accounts(conn: &mut Conn) -> Result<Vec<TwoFactorAccount>> {
    let rows = sqlx::query(
        "SELECT u.id, u.username, u.display_name, t.enabled_at FROM two_factor t JOIN users u ON u.id = t.user_id
         WHERE t.enabled_at IS NOT NULL ORDER BY u.username",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(TwoFactorAccount {
                user_id: r.try_get("id")?,
                username: r.try_get("username")?,
                display_name: r.try_get("display_name")?,
                enabled_at: r.try_get("enabled_at")?,
            })
        })
        .collect()
}

/// Replaces all recovery codes of the user by these hashes.
pub async fn replace_recovery_codes(conn: &mut Conn, user_id: i64, hashes: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    for h in hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)")
            .bind(user_id)
            .bind(h.clone())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Marks an unused recovery code as used; false when there is no such unused code.
pub async fn use_recovery_code(conn: &mut Conn, user_id: i64, code_hash: &str) -> Result<bool> {
    let r = sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL")
        .bind(now_text())
        .bind(user_id)
        .bind(code_hash.to_string())
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn unused_recovery_codes(conn: &mut Conn, user_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("n")?)
}

pub async fn insert_pending_login(conn: &mut Conn, token_hash: &str, user_id: i64, expires_at: &str) -> Result<()> {
    sqlx::query("INSERT INTO pending_logins (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash.to_string())
        .bind(user_id)
        .bind(now_text())
        .bind(expires_at.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// The user of a pending log-in that has not expired.
pub async fn user_of_pending_login(conn: &mut Conn, token_hash: &str) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT user_id FROM pending_logins WHERE token_hash = $1 AND expires_at > $2")
        .bind(token_hash.to_string())
        .bind(now_text())
        .fetch_optional(conn)
        .await?;
    row.map(|r| Ok(r.try_get("user_id")?)).transpose()
}

/// Deletes this pending log-in, and any that have expired.
pub async fn delete_pending_login(conn: &mut Conn, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM pending_logins WHERE token_hash = $1 OR expires_at <= $2")
        .bind(token_hash.to_string())
        .bind(now_text())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn clear_attempt_failures(conn: &mut Conn, scope: &str) -> Result<()> {
    sqlx::query("DELETE FROM attempt_failures WHERE scope = $1").bind(scope.to_string()).execute(conn).await?;
    Ok(())
}

pub async fn read_deployment_setting(conn: &mut Conn, key: &str) -> Result<Option<String>> {
    let row = sqlx::query("SELECT value FROM deployment_settings WHERE key = $1").bind(key.to_string()).fetch_optional(conn).await?;
    row.map(|r| Ok(r.try_get("value")?)).transpose()
}

pub async fn write_deployment_setting(conn: &mut Conn, key: &str, value: &str) -> Result<()> {
    sqlx::query("INSERT INTO deployment_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key.to_string())
        .bind(value.to_string())
        .execute(conn)
        .await?;
    Ok(())
}
