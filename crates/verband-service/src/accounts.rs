//! Accounts, log-in with throttling, sessions and API tokens.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{Duration, Utc};
use verband_domain::{Language, NetworkRole, ValidationErrors};
use verband_store::UserRecord;

use crate::secrets::{new_token, token_hash};
use crate::{Actor, ApiTokenRecord, Origin, Result, Service, ServiceError};

/// Failed log-ins allowed per user name within `THROTTLE_WINDOW_MINUTES`.
pub const MAX_LOGIN_FAILURES: i64 = 5;
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;
pub const SESSION_HOURS: i64 = 12;

/// What a right password leads to: a session, or (for an account with
/// two-factor sign-in) a log-in waiting for its code.
pub enum LoginOutcome {
    SignedIn(SignedIn),
    SecondFactorNeeded(PendingLogin),
}

impl LoginOutcome {
    /// The session, when no second step is needed.
    pub fn signed_in(self) -> Option<SignedIn> {
        match self {
            LoginOutcome::SignedIn(s) => Some(s),
            LoginOutcome::SecondFactorNeeded(_) => None,
        }
    }
}

/// A session just opened.
pub struct SignedIn {
    /// The secret for the session cookie; only its hash is stored.
    pub session_token: String,
    pub user: UserRecord,
}

/// A right password for an account with two-factor sign-in: no session yet.
pub struct PendingLogin {
    /// The secret for the short-lived cookie of the second step; only its hash is stored.
    pub pending_token: String,
    pub user: UserRecord,
}

pub struct NewApiToken {
    pub id: i64,
    /// Shown once to the user; only its hash is stored.
    pub token: String,
}

fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ServiceError::Conflict(format!("password hashing failed: {e}")))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Password hashing is deliberately slow (argon2, ~20 MB and tens of ms):
/// bounded to the number of cores so that a burst queues instead of
/// starving every other request.
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> =
    std::sync::LazyLock::new(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// `verify_password` on a blocking thread, at most one per core at once.
pub(crate) async fn verify_password_blocking(password: &str, hash: String) -> Result<bool> {
    let _permit = HASHING.acquire().await.map_err(|_| ServiceError::Conflict("password check unavailable".into()))?;
    let password = password.to_string();
    tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|_| ServiceError::Conflict("password check failed".into()))
}

/// `hash_password` on a blocking thread, bounded like `verify_password_blocking`.
pub(crate) async fn hash_password_blocking(password: &str) -> Result<String> {
    let _permit = HASHING.acquire().await.map_err(|_| ServiceError::Conflict("password hashing unavailable".into()))?;
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| ServiceError::Conflict("password hashing failed".into()))?
}

/// Verified against for unknown user names, so that a wrong name takes as
/// long as a wrong password and names cannot be probed by timing.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3V1fRO8D8cMUwD0cSxS4V4Bc9lZnsZvGmfaKgg0Dj8E";

/// The rules for a new password of this account: its user name, e-mail
/// address and name are what a guesser tries first.
pub(crate) fn check_password_rules(password: &str, user: &UserRecord) -> Result<()> {
    let email = user.email.clone().unwrap_or_default();
    Ok(verband_domain::check_new_password(password, &[&user.username, &email, &user.display_name])?)
}

/// The rules for the password of an account being made: the user name and
/// e-mail address may not be part of it.
pub(crate) fn check_account_password(password: &str, context: &[&str]) -> Result<()> {
    Ok(verband_domain::check_new_password(password, context)?)
}

impl Service {
    pub fn actor_for(&self, user: &UserRecord, origin: Origin) -> Actor {
        Actor { user_id: Some(user.id), name: user.username.clone(), is_admin: user.is_admin, origin }
    }

    /// Checks the password and opens a session, or, when the account has
    /// two-factor sign-in switched on, a pending log-in that
    /// `login_second_factor` finishes. After `MAX_LOGIN_FAILURES` failures
    /// within the window, even a right password is refused.
    ///
    /// No pooled connection is held while the password is hashed: the check
    /// runs on a blocking thread, at most as many at once as there are cores,
    /// so a flood of wrong log-ins can neither stall the async workers nor
    /// empty the pool for everyone else.
    pub async fn login(&self, username: &str, password: &str, origin: Origin) -> Result<LoginOutcome> {
        let username = username.trim().to_lowercase();
        let since = (Utc::now() - Duration::minutes(THROTTLE_WINDOW_MINUTES)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let user = {
            let mut conn = self.store.conn().await?;
            if verband_store::login_failures_since(&mut conn, &username, &since).await? >= MAX_LOGIN_FAILURES {
                return Err(ServiceError::Throttled);
            }
            verband_store::user_by_username(&mut conn, &username).await?
        };
        let hash = match &user {
            Some(u) if u.disabled_at.is_none() => u.password_hash.clone(),
            _ => DUMMY_HASH.to_string(),
        };
        let ok = verify_password_blocking(password, hash).await? && user.as_ref().is_some_and(|u| u.disabled_at.is_none());
        let mut tx = self.store.begin().await?;
        match (user, ok) {
            (Some(user), true) => {
                verband_store::clear_login_failures(&mut tx, &username).await?;
                let actor = self.actor_for(&user, origin);
                if verband_store::two_factor_of_user(&mut tx, user.id).await?.is_some_and(|t| t.enabled_at.is_some()) {
                    let pending_token = self.start_pending_login(&mut tx, &actor, user.id).await?;
                    tx.commit().await?;
                    return Ok(LoginOutcome::SecondFactorNeeded(PendingLogin { pending_token, user }));
                }
                let session_token = self.open_session(&mut tx, &actor, user.id).await?;
                tx.commit().await?;
                Ok(LoginOutcome::SignedIn(SignedIn { session_token, user }))
            }
            (user, _) => {
                verband_store::insert_login_failure(&mut tx, &username).await?;
                let actor = Actor { user_id: user.as_ref().map(|u| u.id), name: username.clone(), is_admin: false, origin };
                self.audit_only(&mut tx, &actor, "login", "user", user.map_or(0, |u| u.id), "failure").await?;
                tx.commit().await?;
                Err(ServiceError::BadCredentials)
            }
        }
    }

    /// Opens a session for the user and audits the log-in, in the caller's transaction.
    pub(crate) async fn open_session(&self, conn: &mut verband_store::Conn, actor: &Actor, user_id: i64) -> Result<String> {
        let token = new_token();
        let expires = (Utc::now() + Duration::hours(SESSION_HOURS)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        verband_store::insert_session_with_origin(conn, &token_hash(&token), user_id, &expires, &actor.origin.describe()).await?;
        self.audit_only(conn, actor, "login", "user", user_id, "success").await?;
        Ok(token)
    }

    pub(crate) async fn audit_only(
        &self,
        conn: &mut verband_store::Conn,
        actor: &Actor,
        action: &str,
        object: &str,
        id: i64,
        result: &str,
    ) -> Result<()> {
        let origin = actor.origin.describe();
        verband_store::insert_audit(
            conn,
            &verband_store::AuditEntry {
                network_id: None,
                actor_user_id: actor.user_id,
                actor: &actor.name,
                action,
                object_type: object,
                object_id: Some(id),
                object_label: None,
                result,
                origin: &origin,
            },
        )
        .await?;
        Ok(())
    }

    /// The user of a live session cookie.
    pub async fn user_for_session(&self, token: &str) -> Result<Option<UserRecord>> {
        let mut conn = self.store.conn().await?;
        Ok(verband_store::user_of_live_session(&mut conn, &token_hash(token)).await?)
    }

    /// Removes sessions past their expiry (run periodically by the server).
    pub async fn delete_expired_sessions(&self) -> Result<u64> {
        let mut conn = self.store.conn().await?;
        Ok(verband_store::delete_expired_sessions(&mut conn).await?)
    }

    pub async fn logout(&self, token: &str) -> Result<()> {
        let mut conn = self.store.conn().await?;
        verband_store::delete_session(&mut conn, &token_hash(token)).await?;
        Ok(())
    }

    /// The user of a bearer token that has not been revoked.
    pub async fn user_for_api_token(&self, token: &str) -> Result<Option<UserRecord>> {
        let mut conn = self.store.conn().await?;
        match verband_store::user_of_api_token(&mut conn, &token_hash(token)).await? {
            Some(id) => Ok(verband_store::user_by_id(&mut conn, id).await?),
            None => Ok(None),
        }
    }

    pub async fn create_api_token(&self, actor: &Actor, name: &str) -> Result<NewApiToken> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let name = name.trim();
        let mut e = ValidationErrors::default();
        if name.is_empty() {
            e.add("name", "required");
        } else if name.chars().count() > 100 {
            e.add("name", "too-long");
        }
        e.finish(())?;
        let token = format!("vb_{}", new_token());
        let mut tx = self.store.begin().await?;
        let id = verband_store::insert_api_token(&mut tx, user_id, name, &token_hash(&token)).await?;
        self.record(&mut tx, actor, None, "create", "api_token", id, name).await?;
        tx.commit().await?;
        Ok(NewApiToken { id, token })
    }

    pub async fn api_tokens(&self, actor: &Actor) -> Result<Vec<ApiTokenRecord>> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::api_tokens_of_user(&mut conn, user_id).await?)
    }

    pub async fn revoke_api_token(&self, actor: &Actor, token_id: i64) -> Result<()> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        if !verband_store::revoke_api_token(&mut tx, user_id, token_id).await? {
            return Err(ServiceError::NotFound);
        }
        self.record(&mut tx, actor, None, "revoke", "api_token", token_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_language(&self, actor: &Actor, language: Language) -> Result<()> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut conn = self.store.conn().await?;
        verband_store::set_language(&mut conn, user_id, language).await?;
        Ok(())
    }

    /// Creates an account (CLI and admins only).
    pub async fn add_user(&self, actor: &Actor, username: &str, display_name: &str, password: &str, is_admin: bool) -> Result<i64> {
        self.create_account(actor, username, display_name, None, password, is_admin, true).await
    }

    /// `add_user`, for the demo seeder also without the password rules: the
    /// demo password is printed for everyone and is not a secret anyway.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn create_account(
        &self,
        actor: &Actor,
        username: &str,
        display_name: &str,
        email: Option<&str>,
        password: &str,
        is_admin: bool,
        password_rules: bool,
    ) -> Result<i64> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let username = username.trim().to_lowercase();
        let mut e = ValidationErrors::default();
        if username.is_empty() || !username.chars().all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c)) {
            e.add("username", "username-invalid");
        }
        if password_rules {
            if let Err(p) = verband_domain::check_new_password(password, &[&username, display_name, email.unwrap_or("")]) {
                e.0.extend(p.0);
            }
        }
        e.finish(())?;
        let hash = hash_password_blocking(password).await?;
        let mut tx = self.store.begin().await?;
        if verband_store::user_by_username(&mut tx, &username).await?.is_some() {
            return Err(ServiceError::Conflict(format!("user {username} already exists")));
        }
        let display = if display_name.trim().is_empty() { username.as_str() } else { display_name.trim() };
        let id = verband_store::insert_user(&mut tx, &username, display, email, &hash, is_admin).await?;
        self.record(&mut tx, actor, None, "create", "user", id, &username).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn list_users(&self, actor: &Actor) -> Result<Vec<(UserRecord, Vec<(i64, NetworkRole)>)>> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        let users = verband_store::list_users(&mut conn).await?;
        let mut out = Vec::with_capacity(users.len());
        for u in users {
            let roles = verband_store::roles_of_user(&mut conn, u.id).await?;
            out.push((u, roles));
        }
        Ok(out)
    }

    /// Sets a new password and ends the user's sessions.
    pub async fn set_password(&self, actor: &Actor, username: &str, password: &str) -> Result<()> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let user = {
            let mut conn = self.store.conn().await?;
            verband_store::user_by_username(&mut conn, &username.trim().to_lowercase()).await?.ok_or(ServiceError::NotFound)?
        };
        check_password_rules(password, &user)?;
        let hash = hash_password_blocking(password).await?;
        let mut tx = self.store.begin().await?;
        verband_store::set_password_hash(&mut tx, user.id, &hash).await?;
        verband_store::retire_password_resets(&mut tx, user.id).await?;
        verband_store::delete_sessions_of_user(&mut tx, user.id).await?;
        self.record(&mut tx, actor, None, "set_password", "user", user.id, &user.username).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives a user a role in a network (CLI and admins only).
    pub async fn grant(&self, actor: &Actor, username: &str, network_id: i64, role: NetworkRole) -> Result<()> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let user = verband_store::user_by_username(&mut tx, &username.trim().to_lowercase()).await?.ok_or(ServiceError::NotFound)?;
        verband_store::network_by_id(&mut tx, network_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::upsert_network_role(&mut tx, user.id, network_id, role).await?;
        self.record(&mut tx, actor, Some(network_id), "grant", "user", user.id, &format!("{} {}", user.username, role.code())).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records which partner a user represents in a network (admins and the
    /// CLI only). The user must have a role there and the organisation must
    /// be a partner of the network.
    pub async fn set_user_organisation(&self, actor: &Actor, username: &str, network_id: i64, organisation_id: Option<i64>) -> Result<()> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let user = verband_store::user_by_username(&mut tx, &username.trim().to_lowercase()).await?.ok_or(ServiceError::NotFound)?;
        verband_store::network_role(&mut tx, user.id, network_id).await?.ok_or(ServiceError::NotFound)?;
        let label = match organisation_id {
            Some(org) => {
                let partner = verband_store::partner_by_id(&mut tx, network_id, org).await?;
                let partner = partner.ok_or_else(|| ValidationErrors::single("organisationId", "choice-invalid"))?;
                format!("{} {}", user.username, partner.name)
            }
            None => user.username.clone(),
        };
        verband_store::set_role_organisation(&mut tx, user.id, network_id, organisation_id).await?;
        self.record(&mut tx, actor, Some(network_id), "represent", "user", user.id, &label).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The partner the actor represents in the network, if any.
    pub async fn my_organisation(&self, actor: &Actor, network_id: i64) -> Result<Option<i64>> {
        self.role_in(actor, network_id).await?;
        let Some(user_id) = actor.user_id else { return Ok(None) };
        let mut conn = self.store.conn().await?;
        Ok(verband_store::role_organisation(&mut conn, user_id, network_id).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_round_trip() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", DUMMY_HASH));
    }
}
