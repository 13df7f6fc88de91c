//! "Wachtwoord vergeten": a link by e-mail to choose a new password.
//!
//! The request answers the same whether or not the address belongs to an
//! account, and takes about as long: both ways count the request in one
//! transaction, and the mail goes out after the answer (in its own task), so
//! the SMTP server's speed tells nothing either. A link is valid for
//! `RESET_LINK_MINUTES`, works once and is stored only as a hash; a newer
//! request retires the older links of that account, so only the latest mail
//! works. Expired, used and made-up links all get the same `NotFound`.

use chrono::{Duration, Utc};
use verband_domain::ValidationErrors;
use verband_store::UserRecord;

use crate::accounts::{check_password_rules, hash_password_blocking};
use crate::mail::{AccountMail, AccountMailKind};
use crate::secrets::{new_token, token_hash};
use crate::{Actor, Origin, Result, Service, ServiceError};

/// How long a reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;
/// Reset mails per address within `RESET_REQUEST_WINDOW_MINUTES`; further
/// requests are answered as always but send nothing.
pub const MAX_RESET_REQUESTS: i64 = 3;
pub const RESET_REQUEST_WINDOW_MINUTES: i64 = 60;
/// Wrong, expired or used links opened from one address within
/// `RESET_LINK_WINDOW_MINUTES` before even a right one is refused.
pub const MAX_RESET_LINK_FAILURES: i64 = 10;
pub const RESET_LINK_WINDOW_MINUTES: i64 = 15;

fn stamp(t: chrono::DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A live reset link: whose password it sets (for the form's hidden user
/// name field, which password managers use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordResetLink {
    pub username: String,
}

impl Service {
    /// Sends a reset link to every account with this address, if any. The
    /// outcome is the same for an unknown address; only a malformed address
    /// is refused (field `email`).
    pub async fn request_password_reset(&self, email: &str, origin: Origin) -> Result<()> {
        let email = email.trim().to_lowercase();
        if !verband_domain::validation::is_plausible_email(&email) {
            return Err(ValidationErrors::single("email", "email-invalid").into());
        }
        let now = Utc::now();
        // The address hashed: the table need not hold addresses that may belong to no one.
        let scope = format!("reset:{}", &token_hash(&email)[..32]);
        let since = stamp(now - Duration::minutes(RESET_REQUEST_WINDOW_MINUTES));
        let mut mails = Vec::new();
        let mut tx = self.store.begin().await?;
        let recent = verband_store::attempts_since(&mut tx, &scope, &since).await?;
        verband_store::insert_attempt(&mut tx, &scope, &stamp(now)).await?;
        let ids = if recent >= MAX_RESET_REQUESTS { Vec::new() } else { verband_store::user_ids_by_email(&mut tx, &email).await? };
        for id in ids {
            let Some(user) = verband_store::user_by_id(&mut tx, id).await? else { continue };
            if user.disabled_at.is_some() {
                continue;
            }
            let token = new_token();
            verband_store::retire_password_resets(&mut tx, user.id).await?;
            let expires = stamp(now + Duration::minutes(RESET_LINK_MINUTES));
            verband_store::insert_password_reset(&mut tx, &token_hash(&token), user.id, &expires).await?;
            let actor = self.actor_for(&user, origin.clone());
            self.audit_only(&mut tx, &actor, "request_password_reset", "user", user.id, "success").await?;
            let link = self.mail.url(&format!("/wachtwoord-herstellen/{token}"));
            let mail =
                AccountMail { kind: AccountMailKind::PasswordReset { username: user.username.clone() }, language: user.language, link };
            mails.push((user.username, mail));
        }
        tx.commit().await?;
        for (username, mail) in mails {
            let settings = self.mail.clone();
            let to = email.clone();
            tokio::spawn(async move {
                if let Err(error) = settings.send_account(&to, &mail).await {
                    // Never the link: an administrator can still use `verband user set-password`.
                    tracing::warn!(user = %username, %error, "password reset mail not sent");
                }
            });
        }
        Ok(())
    }

    /// Whether a reset link still works. `NotFound` for an unknown, expired
    /// or used link alike; `Throttled` after too many of those from one address.
    pub async fn password_reset_link(&self, token: &str, origin: &Origin) -> Result<PasswordResetLink> {
        let user = self.live_reset(token, origin).await?;
        Ok(PasswordResetLink { username: user.username })
    }

    async fn live_reset(&self, token: &str, origin: &Origin) -> Result<UserRecord> {
        let now = Utc::now();
        let scope = format!("reset-link:{}", origin.ip.as_deref().unwrap_or("-"));
        let mut conn = self.store.conn().await?;
        let since = stamp(now - Duration::minutes(RESET_LINK_WINDOW_MINUTES));
        if verband_store::attempts_since(&mut conn, &scope, &since).await? >= MAX_RESET_LINK_FAILURES {
            return Err(ServiceError::Throttled);
        }
        let live = verband_store::password_reset_by_hash(&mut conn, &token_hash(token))
            .await?
            .filter(|r| r.used_at.is_none() && r.expires_at > stamp(now));
        let user = match live {
            Some(r) => verband_store::user_by_id(&mut conn, r.user_id).await?.filter(|u| u.disabled_at.is_none()),
            None => None,
        };
        match user {
            Some(user) => Ok(user),
            None => {
                verband_store::insert_attempt(&mut conn, &scope, &stamp(now)).await?;
                Err(ServiceError::NotFound)
            }
        }
    }

    /// Sets the new password through a reset link, which is then used up.
    /// Ends every session of the account and lifts the log-in throttle.
    pub async fn reset_password(&self, token: &str, password: &str, origin: Origin) -> Result<()> {
        let user = self.live_reset(token, &origin).await?;
        check_password_rules(password, &user)?;
        let hash = hash_password_blocking(password).await?;
        let mut tx = self.store.begin().await?;
        // Checked again in the same statement that uses it: two tabs cannot both use one link.
        if !verband_store::use_password_reset(&mut tx, &token_hash(token), &stamp(Utc::now())).await? {
            return Err(ServiceError::NotFound);
        }
        verband_store::set_password_hash(&mut tx, user.id, &hash).await?;
        verband_store::retire_password_resets(&mut tx, user.id).await?;
        verband_store::delete_sessions_of_user(&mut tx, user.id).await?;
        verband_store::clear_login_failures(&mut tx, &user.username).await?;
        let actor = Actor { user_id: Some(user.id), name: user.username.clone(), is_admin: false, origin };
        self.record(&mut tx, &actor, None, "reset_password", "user", user.id, &user.username).await?;
        tx.commit().await?;
        Ok(())
    }
}
