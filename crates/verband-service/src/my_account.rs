//! "Mijn account": a person changes their own name, e-mail address,
//! language and password, and sees and ends their sessions. Changing the
//! password or the e-mail address ends every other session (someone who
//! knew the old password, or read the old mailbox, is out); the session
//! doing the change stays.

use chrono::{Duration, Utc};
use verband_domain::validation::{is_plausible_email, required_text};
use verband_domain::{Language, ValidationErrors};
use verband_store::UserRecord;

use crate::accounts::{
    check_password_rules, hash_password_blocking, verify_password_blocking, MAX_LOGIN_FAILURES, THROTTLE_WINDOW_MINUTES,
};
use crate::secrets::token_hash;
use crate::{Actor, Result, Service, ServiceError};

/// What "Mijn account" lets a person change about themselves, as typed.
#[derive(Debug, Clone, Default)]
pub struct ProfileChange {
    pub display_name: String,
    /// Empty for none; kept in lower case.
    pub email: String,
    /// A language code (`nl`, `en`).
    pub language: String,
}

/// One live session of the actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub created_at: String,
    pub expires_at: String,
    /// Channel and IP address of the log-in, when known.
    pub origin: Option<String>,
    /// The session this request came with.
    pub current: bool,
}

impl Service {
    /// The actor's own account, fresh from the database.
    pub async fn my_account(&self, actor: &Actor) -> Result<UserRecord> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut conn = self.store.conn().await?;
        verband_store::user_by_id(&mut conn, user_id).await?.ok_or(ServiceError::NotFound)
    }

    /// Changes name, e-mail address and language. An address may belong to
    /// one account only (it is where reset links go: field `email`, code
    /// `email-taken`). A changed address ends the actor's other sessions;
    /// `current_session` is the session token of this request, if any.
    pub async fn update_profile(&self, actor: &Actor, current_session: Option<&str>, change: &ProfileChange) -> Result<()> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut e = ValidationErrors::default();
        let display_name = required_text(&mut e, "display_name", &change.display_name, 100);
        let email = change.email.trim().to_lowercase();
        if !email.is_empty() && (!is_plausible_email(&email) || email.chars().count() > 254) {
            e.add("email", "email-invalid");
        }
        let language = Language::parse(change.language.trim());
        if language.is_none() {
            e.add("language", "choice-invalid");
        }
        let mut tx = self.store.begin().await?;
        let user = verband_store::user_by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
        if !email.is_empty() && e.for_field("email").is_none() {
            let owners = verband_store::user_ids_by_email(&mut tx, &email).await?;
            if owners.iter().any(|id| *id != user_id) {
                e.add("email", "email-taken");
            }
        }
        e.finish(())?;
        let language = language.unwrap_or(user.language);
        let email = (!email.is_empty()).then_some(email);
        verband_store::update_user_profile(&mut tx, user_id, &display_name, email.as_deref(), language).await?;
        let email_changed = email.as_deref() != user.email.as_deref().map(str::to_lowercase).as_deref();
        if email_changed {
            self.end_other_sessions(&mut tx, user_id, current_session).await?;
            // Links sent to the old address no longer work either.
            verband_store::retire_password_resets(&mut tx, user_id).await?;
        }
        let what = if email_changed { "profile email" } else { "profile" };
        self.record(&mut tx, actor, None, "update", "user", user_id, &format!("{} {what}", user.username)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes the actor's password after checking the current one. A wrong
    /// current password counts as a failed log-in (same throttle; field
    /// `current_password`, code `password-wrong`). Ends the other sessions.
    pub async fn change_password(&self, actor: &Actor, current_session: Option<&str>, current: &str, new: &str) -> Result<()> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let user = {
            let mut conn = self.store.conn().await?;
            let user = verband_store::user_by_id(&mut conn, user_id).await?.ok_or(ServiceError::NotFound)?;
            let since = (Utc::now() - Duration::minutes(THROTTLE_WINDOW_MINUTES)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
            if verband_store::login_failures_since(&mut conn, &user.username, &since).await? >= MAX_LOGIN_FAILURES {
                return Err(ServiceError::Throttled);
            }
            user
        };
        if !verify_password_blocking(current, user.password_hash.clone()).await? {
            let mut tx = self.store.begin().await?;
            verband_store::insert_login_failure(&mut tx, &user.username).await?;
            self.audit_only(&mut tx, actor, "change_password", "user", user_id, "failure").await?;
            tx.commit().await?;
            return Err(ValidationErrors::single("current_password", "password-wrong").into());
        }
        check_password_rules(new, &user)?;
        let hash = hash_password_blocking(new).await?;
        let mut tx = self.store.begin().await?;
        verband_store::set_password_hash(&mut tx, user_id, &hash).await?;
        verband_store::retire_password_resets(&mut tx, user_id).await?;
        self.end_other_sessions(&mut tx, user_id, current_session).await?;
        self.record(&mut tx, actor, None, "change_password", "user", user_id, &user.username).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The actor's live sessions, newest first; `current` marks this request's.
    pub async fn my_sessions(&self, actor: &Actor, current_session: Option<&str>) -> Result<Vec<SessionInfo>> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let current = current_session.map(token_hash);
        let mut conn = self.store.conn().await?;
        let sessions = verband_store::live_sessions_of_user(&mut conn, user_id).await?;
        Ok(sessions
            .into_iter()
            .map(|s| SessionInfo {
                current: current.as_deref() == Some(s.token_hash.as_str()),
                created_at: s.created_at,
                expires_at: s.expires_at,
                origin: s.origin,
            })
            .collect())
    }

    /// "Overal elders uitloggen": ends every session of the actor except
    /// `current_session`. Returns how many ended.
    pub async fn sign_out_other_sessions(&self, actor: &Actor, current_session: Option<&str>) -> Result<u64> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        let ended = self.end_other_sessions(&mut tx, user_id, current_session).await?;
        self.audit_only(&mut tx, actor, "sign_out_elsewhere", "user", user_id, "success").await?;
        tx.commit().await?;
        Ok(ended)
    }

    async fn end_other_sessions(&self, conn: &mut verband_store::Conn, user_id: i64, current_session: Option<&str>) -> Result<u64> {
        // Without a session of its own (API, CLI) the caller keeps none.
        let keep = current_session.map(token_hash).unwrap_or_default();
        Ok(verband_store::delete_other_sessions(conn, user_id, &keep).await?)
    }
}
