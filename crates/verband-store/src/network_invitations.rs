//! Invitations to a network, who has access to it, the first administrator
//! and archived networks. Links are stored only as hashes.

use sqlx::Row;
use verband_domain::NetworkRole;

use crate::{now_text, Conn, Result, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkInvitationRecord {
    pub id: i64,
    pub network_id: i64,
    pub email: String,
    pub role: NetworkRole,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub invited_by: Option<i64>,
    pub created_at: String,
    pub expires_at: String,
    pub sent_at: Option<String>,
    pub mail_error: Option<String>,
    pub accepted_at: Option<String>,
    pub withdrawn_at: Option<String>,
}

const INVITATION_COLUMNS: &str = "i.id, i.network_id, i.email, i.role, i.organisation_id, o.name AS organisation_name, i.invited_by, \
     i.created_at, i.expires_at, i.sent_at, i.mail_error, i.accepted_at, i.withdrawn_at";

fn role_of(code: &str) -> Result<NetworkRole> {
    NetworkRole::parse(code).ok_or(StoreError::Corrupt(format!("role {code}")))
}

fn invitation_from_row(r: &sqlx::any::AnyRow) -> Result<NetworkInvitationRecord> {
    let role: String = r.try_get("role")?;
    Ok(NetworkInvitationRecord {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        email: r.try_get("email")?,
        role: role_of(&role)?,
        organisation_id: r.try_get("organisation_id")?,
        organisation_name: r.try_get("organisation_name")?,
        invited_by: r.try_get("invited_by")?,
        created_at: r.try_get("created_at")?,
        expires_at: r.try_get("expires_at")?,
        sent_at: r.try_get("sent_at")?,
        mail_error: r.try_get("mail_error")?,
        accepted_at: r.try_get("accepted_at")?,
        withdrawn_at: r.try_get("withdrawn_at")?,
    })
}

/// What a new invitation row holds.
pub struct NewNetworkInvitation<'a> {
    pub network_id: i64,
    pub email: &'a str,
    pub role: NetworkRole,
    pub organisation_id: Option<i64>,
    pub token_hash: &'a str,
    pub invited_by: Option<i64>,
    pub expires_at: &'a str,
}

pub async fn insert_network_invitation(conn: &mut Conn, n: &NewNetworkInvitation<'_>) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO invitations (network_id, email, role, organisation_id, token_hash, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(n.network_id)
    .bind(n.email.to_string())
    .bind(n.role.code().to_string())
    .bind(n.organisation_id)
    .bind(n.token_hash.to_string())
    .bind(n.invited_by)
    .bind(now_text())
    .bind(n.expires_at.to_string())
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// The open (not accepted, not withdrawn, not expired) invitation of an
/// address to a network, if any.
pub async fn open_network_invitation_for(conn: &mut Conn, network_id: i64, email: &str) -> Result<Option<NetworkInvitationRecord>> {
    let row = sqlx::query(&format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE i.network_id = $1 AND i.email = $2 AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL AND i.expires_at > $3
         ORDER BY i.id DESC LIMIT 1"
    ))
    .bind(network_id)
    .bind(email.to_string())
    .bind(now_text())
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(invitation_from_row).transpose()
}

/// Gives an open invitation a new link (the old one stops working), a new
/// expiry, and the role and partner of the latest request.
pub async fn renew_network_invitation(
    conn: &mut Conn,
    id: i64,
    token_hash: &str,
    expires_at: &str,
    role: NetworkRole,
    organisation_id: Option<i64>,
) -> Result<()> {
    sqlx::query(
        "UPDATE invitations SET token_hash = $1, expires_at = $2, role = $3, organisation_id = $4, sent_at = NULL, mail_error = NULL
         WHERE id = $5",
    )
    .bind(token_hash.to_string())
    .bind(expires_at.to_string())
    .bind(role.code().to_string())
    .bind(organisation_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn network_invitation_by_token_hash(conn: &mut Conn, token_hash: &str) -> Result<Option<NetworkInvitationRecord>> {
    let row = sqlx::query(&format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1"
    ))
    .bind(token_hash.to_string())
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(invitation_from_row).transpose()
}

pub async fn network_invitation_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<NetworkInvitationRecord>> {
    let row = sqlx::query(&format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE i.network_id = $1 AND i.id = $2"
    ))
    .bind(network_id)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(invitation_from_row).transpose()
}

/// Invitations of a network not yet accepted or withdrawn (expired ones
/// included, so they can be sent again), newest first.
pub async fn open_network_invitations(conn: &mut Conn, network_id: i64) -> Result<Vec<NetworkInvitationRecord>> {
    let rows = sqlx::query(&format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE i.network_id = $1 AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL ORDER BY i.id DESC"
    ))
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(invitation_from_row).collect()
}

/// Marks the invitation used; `false` when it was no longer open (a second
/// click racing the first).
pub async fn accept_network_invitation(conn: &mut Conn, id: i64, user_id: i64) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE invitations SET accepted_at = $1, accepted_by = $2 WHERE id = $3 AND accepted_at IS NULL AND withdrawn_at IS NULL",
    )
    .bind(now_text())
    .bind(user_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn withdraw_network_invitation(conn: &mut Conn, network_id: i64, id: i64) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE invitations SET withdrawn_at = $1 WHERE network_id = $2 AND id = $3 AND accepted_at IS NULL AND withdrawn_at IS NULL",
    )
    .bind(now_text())
    .bind(network_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// What happened to the mail of an invitation (`error` without the link).
pub async fn record_network_invitation_mail(conn: &mut Conn, id: i64, error: Option<&str>) -> Result<()> {
    let sent_at = error.is_none().then(now_text);
    sqlx::query("UPDATE invitations SET sent_at = $1, mail_error = $2 WHERE id = $3")
        .bind(sent_at)
        .bind(error.map(str::to_string))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// One account's access to a network, as the access page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessRecord {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: NetworkRole,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
}

/// Everyone with a role in the network, by name.
pub async fn access_of_network(conn: &mut Conn, network_id: i64) -> Result<Vec<AccessRecord>> {
    let rows = sqlx::query(
        "SELECT u.id, u.username, u.display_name, u.email, r.role, r.organisation_id, o.name AS organisation_name
         FROM network_roles r JOIN users u ON u.id = r.user_id LEFT JOIN organisations o ON o.id = r.organisation_id
         WHERE r.network_id = $1 ORDER BY u.display_name, u.id",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            Ok(AccessRecord {
                user_id: r.try_get("id")?,
                username: r.try_get("username")?,
                display_name: r.try_get("display_name")?,
                email: r.try_get("email")?,
                role: role_of(&role)?,
                organisation_id: r.try_get("organisation_id")?,
                organisation_name: r.try_get("organisation_name")?,
            })
        })
        .collect()
}

/// Gives the role and the partner in one write (insert or replace).
pub async fn set_network_access(
    conn: &mut Conn,
    user_id: i64,
    network_id: i64,
    role: NetworkRole,
    organisation_id: Option<i64>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO network_roles (user_id, network_id, role, organisation_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, network_id) DO UPDATE SET role = excluded.role, organisation_id = excluded.organisation_id",
    )
    .bind(user_id)
    .bind(network_id)
    .bind(role.code().to_string())
    .bind(organisation_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn remove_network_access(conn: &mut Conn, user_id: i64, network_id: i64) -> Result<bool> {
    let r = sqlx::query("DELETE FROM network_roles WHERE user_id = $1 AND network_id = $2")
        .bind(user_id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn coordinator_count(conn: &mut Conn, network_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM network_roles WHERE network_id = $1 AND role = 'coordinator'")
        .bind(network_id)
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("n")?)
}

pub async fn admin_count(conn: &mut Conn) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE is_admin <> 0 AND disabled_at IS NULL").fetch_one(conn).await?;
    Ok(row.try_get("n")?)
}

/// The account with this (lower-case) e-mail address, if any.
pub async fn user_id_by_email(conn: &mut Conn, email: &str) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT id FROM users WHERE LOWER(email) = $1 ORDER BY id LIMIT 1")
        .bind(email.to_lowercase())
        .fetch_optional(conn)
        .await?;
    row.map(|r| Ok(r.try_get("id")?)).transpose()
}

/// Archives (`true`) or restores a network; `false` when nothing changed.
pub async fn set_network_archived(conn: &mut Conn, network_id: i64, archived: bool) -> Result<bool> {
    let sql = if archived {
        "UPDATE networks SET archived_at = $1 WHERE id = $2 AND archived_at IS NULL"
    } else {
        "UPDATE networks SET archived_at = NULL WHERE id = $2 AND archived_at IS NOT NULL AND $1 <> ''"
    };
    let r = sqlx::query(sql).bind(now_text()).bind(network_id).execute(conn).await?;
    Ok(r.rows_affected() == 1)
}

/// When the network was archived, if it was; `None` inside when it is active.
pub async fn network_archived_at(conn: &mut Conn, network_id: i64) -> Result<Option<Option<String>>> {
    let row = sqlx::query("SELECT archived_at FROM networks WHERE id = $1").bind(network_id).fetch_optional(conn).await?;
    row.map(|r| Ok(r.try_get("archived_at")?)).transpose()
}

/// Every network with its archive time, by name (the administrator's list).
pub async fn networks_with_archive_state(conn: &mut Conn) -> Result<Vec<(i64, String, Option<String>, Option<String>)>> {
    let rows = sqlx::query("SELECT id, name, region, archived_at FROM networks ORDER BY name, id").fetch_all(conn).await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?, r.try_get("region")?, r.try_get("archived_at")?))).collect()
}

/// Notes a failed attempt on a link or code; `scope` names what was tried
/// and from where (never the secret itself).
pub async fn insert_attempt_failure(conn: &mut Conn, scope: &str) -> Result<()> {
    sqlx::query("INSERT INTO attempt_failures (scope, at) VALUES ($1, $2)").bind(scope.to_string()).bind(now_text()).execute(conn).await?;
    Ok(())
}

pub async fn attempt_failures_since(conn: &mut Conn, scope: &str, since: &str) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM attempt_failures WHERE scope = $1 AND at > $2")
        .bind(scope.to_string())
        .bind(since.to_string())
        .fetch_one(conn)
        .await?;
    Ok(row.try_get("n")?)
}
