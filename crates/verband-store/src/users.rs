//! User accounts and their roles per network.

use sqlx::Row;

use crate::{now_text, Conn, Result, StoreError};
use verband_domain::{Language, NetworkRole};

#[derive(Debug, Clone, PartialEq)]
pub struct UserRecord {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub password_hash: String,
    pub is_admin: bool,
    pub language: Language,
    /// Set when the account may no longer sign in.
    pub disabled_at: Option<String>,
}

const USER_COLUMNS: &str = "id, username, display_name, email, password_hash, is_admin, language, disabled_at";

fn user_from_row(r: &sqlx::any::AnyRow) -> Result<UserRecord> {
    let language: String = r.try_get("language")?;
    Ok(UserRecord {
        id: r.try_get("id")?,
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        email: r.try_get("email")?,
        password_hash: r.try_get("password_hash")?,
        is_admin: r.try_get::<i64, _>("is_admin")? != 0,
        language: Language::parse(&language).unwrap_or(Language::Nl),
        disabled_at: r.try_get("disabled_at")?,
    })
}

pub async fn insert_user(
    conn: &mut Conn,
    username: &str,
    display_name: &str,
    email: Option<&str>,
    password_hash: &str,
    is_admin: bool,
) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO users (username, display_name, email, password_hash, is_admin, language, created_at)
         VALUES ($1, $2, $3, $4, $5, 'nl', $6) RETURNING id",
    )
    .bind(username.to_string())
    .bind(display_name.to_string())
    .bind(email.map(str::to_string))
    .bind(password_hash.to_string())
    .bind(i64::from(is_admin))
    .bind(now_text())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// The user of a live session, in one query: it runs on every page request.
pub async fn user_of_live_session(conn: &mut Conn, token_hash: &str) -> Result<Option<UserRecord>> {
    let columns: Vec<String> = USER_COLUMNS.split(", ").map(|c| format!("u.{c}")).collect();
    let row = sqlx::query(&format!(
        "SELECT {} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL",
        columns.join(", ")
    ))
    .bind(token_hash.to_string())
    .bind(now_text())
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(user_from_row).transpose()
}

pub async fn user_by_username(conn: &mut Conn, username: &str) -> Result<Option<UserRecord>> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1"))
        .bind(username.to_string())
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

pub async fn user_by_id(conn: &mut Conn, id: i64) -> Result<Option<UserRecord>> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(user_from_row).transpose()
}

pub async fn list_users(conn: &mut Conn) -> Result<Vec<UserRecord>> {
    let rows = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username")).fetch_all(conn).await?;
    rows.iter().map(user_from_row).collect()
}

pub async fn set_password_hash(conn: &mut Conn, user_id: i64, hash: &str) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(hash.to_string()).bind(user_id).execute(conn).await?;
    Ok(())
}

pub async fn set_language(conn: &mut Conn, user_id: i64, language: Language) -> Result<()> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2").bind(language.code().to_string()).bind(user_id).execute(conn).await?;
    Ok(())
}

/// Gives `user_id` the role in the network, replacing any earlier role there.
pub async fn upsert_network_role(conn: &mut Conn, user_id: i64, network_id: i64, role: NetworkRole) -> Result<()> {
    sqlx::query(
        "INSERT INTO network_roles (user_id, network_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, network_id) DO UPDATE SET role = excluded.role",
    )
    .bind(user_id)
    .bind(network_id)
    .bind(role.code().to_string())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn network_role(conn: &mut Conn, user_id: i64, network_id: i64) -> Result<Option<NetworkRole>> {
    // An archived network is closed to everyone but the administrator.
    let row = sqlx::query(
        "SELECT r.role FROM network_roles r JOIN networks n ON n.id = r.network_id
         WHERE r.user_id = $1 AND r.network_id = $2 AND n.archived_at IS NULL",
    )
    .bind(user_id)
    .bind(network_id)
    .fetch_optional(conn)
    .await?;
    match row {
        None => Ok(None),
        Some(r) => {
            let code: String = r.try_get("role")?;
            NetworkRole::parse(&code).map(Some).ok_or(StoreError::Corrupt(format!("role {code}")))
        }
    }
}

/// Records which partner the user represents in the network (`None` clears it).
pub async fn set_role_organisation(conn: &mut Conn, user_id: i64, network_id: i64, organisation_id: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE network_roles SET organisation_id = $1 WHERE user_id = $2 AND network_id = $3")
        .bind(organisation_id)
        .bind(user_id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The partner the user represents in the network, if any.
pub async fn role_organisation(conn: &mut Conn, user_id: i64, network_id: i64) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT organisation_id FROM network_roles WHERE user_id = $1 AND network_id = $2")
        .bind(user_id)
        .bind(network_id)
        .fetch_optional(conn)
        .await?;
    Ok(match row {
        Some(r) => r.try_get("organisation_id")?,
        None => None,
    })
}

/// The organisations that coordinators of the network represent: agenda items
/// from these count as the coordinator's (vitality).
pub async fn coordinator_organisations(conn: &mut Conn, network_id: i64) -> Result<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT DISTINCT organisation_id FROM network_roles WHERE network_id = $1 AND role = 'coordinator' AND organisation_id IS NOT NULL",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("organisation_id")?)).collect()
}

/// (network id, role) for every network the user has a role in.
pub async fn roles_of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<(i64, NetworkRole)>> {
    let rows = sqlx::query(
        "SELECT r.network_id, r.role FROM network_roles r JOIN networks n ON n.id = r.network_id
         WHERE r.user_id = $1 AND n.archived_at IS NULL",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let code: String = r.try_get("role")?;
            let role = NetworkRole::parse(&code).ok_or(StoreError::Corrupt(format!("role {code}")))?;
            Ok((r.try_get("network_id")?, role))
        })
        .collect()
}
