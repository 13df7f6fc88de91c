//! Single sign-on with OpenID Connect: sign-ins under way (state hash, nonce,
//! PKCE verifier) and the provider identities linked to accounts. A pending
//! invitation can be accepted by a new account made at sign-in.

use sqlx::Row;

use crate::{now_text, Conn, Result, StoreError};
use verband_domain::NetworkRole;

/// A sign-in started at the provider, kept so that any instance can finish it.
#[derive(Debug, Clone, PartialEq)]
pub struct OidcLoginRecord {
    pub state_hash: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub invitation_token_hash: Option<String>,
    pub next: Option<String>,
    pub expires_at: String,
}

pub async fn insert_oidc_login(conn: &mut Conn, login: &OidcLoginRecord) -> Result<()> {
    sqlx::query(
        "INSERT INTO oidc_logins (state_hash, nonce, pkce_verifier, invitation_token_hash, next, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(login.state_hash.clone())
    .bind(login.nonce.clone())
    .bind(login.pkce_verifier.clone())
    .bind(login.invitation_token_hash.clone())
    .bind(login.next.clone())
    .bind(now_text())
    .bind(login.expires_at.clone())
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the sign-in with this state hash and returns it, expired or not:
/// a state is used once, whatever the outcome.
pub async fn take_oidc_login(conn: &mut Conn, state_hash: &str) -> Result<Option<OidcLoginRecord>> {
    let row = sqlx::query(
        "DELETE FROM oidc_logins WHERE state_hash = $1
         RETURNING state_hash, nonce, pkce_verifier, invitation_token_hash, next, expires_at",
    )
    .bind(state_hash.to_string())
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(OidcLoginRecord {
            state_hash: r.try_get("state_hash")?,
            nonce: r.try_get("nonce")?,
            pkce_verifier: r.try_get("pkce_verifier")?,
            invitation_token_hash: r.try_get("invitation_token_hash")?,
            next: r.try_get("next")?,
            expires_at: r.try_get("expires_at")?,
        })
    })
    .transpose()
}

/// Forgets sign-ins that were started but never finished.
pub async fn delete_expired_oidc_logins(conn: &mut Conn) -> Result<u64> {
    let r = sqlx::query("DELETE FROM oidc_logins WHERE expires_at <= $1").bind(now_text()).execute(conn).await?;
    Ok(r.rows_affected())
}

/// The account linked to this identity at this provider.
pub async fn oidc_identity_user(conn: &mut Conn, issuer: &str, subject: &str) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT user_id FROM oidc_identities WHERE issuer = $1 AND subject = $2")
        .bind(issuer.to_string())
        .bind(subject.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(|r| Ok(r.try_get("user_id")?)).transpose()
}

pub async fn insert_oidc_identity(conn: &mut Conn, issuer: &str, subject: &str, user_id: i64) -> Result<()> {
    sqlx::query("INSERT INTO oidc_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)")
        .bind(issuer.to_string())
        .bind(subject.to_string())
        .bind(user_id)
        .bind(now_text())
        .execute(conn)
        .await?;
    Ok(())
}

/// An invitation that can still be accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingInvitationRecord {
    pub id: i64,
    pub network_id: i64,
    pub email: String,
    pub role: NetworkRole,
    pub organisation_id: Option<i64>,
}

/// The invitation with this token hash when it is neither accepted, withdrawn nor expired.
pub async fn pending_invitation_by_token_hash(conn: &mut Conn, token_hash: &str) -> Result<Option<PendingInvitationRecord>> {
    let row = sqlx::query(
        "SELECT id, network_id, email, role, organisation_id FROM invitations
         WHERE token_hash = $1 AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash.to_string())
    .bind(now_text())
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        let code: String = r.try_get("role")?;
        Ok(PendingInvitationRecord {
            id: r.try_get("id")?,
            network_id: r.try_get("network_id")?,
            email: r.try_get("email")?,
            role: NetworkRole::parse(&code).ok_or(StoreError::Corrupt(format!("role {code}")))?,
            organisation_id: r.try_get("organisation_id")?,
        })
    })
    .transpose()
}

/// Gives the user the invitation's role (and partner) and marks it accepted.
/// False when the invitation was accepted or withdrawn in the meantime.
pub async fn accept_invitation_as(conn: &mut Conn, invitation: &PendingInvitationRecord, user_id: i64) -> Result<bool> {
    let now = now_text();
    let r = sqlx::query(
        "UPDATE invitations SET accepted_at = $1, accepted_by = $2
         WHERE id = $3 AND accepted_at IS NULL AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(invitation.id)
    .execute(&mut *conn)
    .await?;
    if r.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO network_roles (user_id, network_id, role, organisation_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, network_id) DO UPDATE SET role = excluded.role, organisation_id = excluded.organisation_id",
    )
    .bind(user_id)
    .bind(invitation.network_id)
    .bind(invitation.role.code().to_string())
    .bind(invitation.organisation_id)
    .execute(conn)
    .await?;
    Ok(true)
}
