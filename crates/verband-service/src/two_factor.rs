//! Two-factor sign-in with time-based codes (TOTP, RFC 6238): SHA-1, six
//! digits, 30-second steps, one step of clock difference either way — what the
//! usual authenticator apps do. Each accepted step is remembered so a code
//! works once; ten recovery codes (stored as hashes) work once each. Wrong
//! codes are throttled per account like passwords. The administrator can
//! require it for everyone or for coordinators, and reset a person's factor.

use chrono::{Duration, Utc};
use rand::Rng;
use totp_rs::{Algorithm, Builder, Secret, Totp};
use verband_domain::{NetworkRole, ValidationErrors};
use verband_store::{TwoFactorAccount, UserRecord};

use crate::accounts::{verify_password_blocking, SignedIn, MAX_LOGIN_FAILURES, THROTTLE_WINDOW_MINUTES};
use crate::secrets::{new_token, token_hash};
use crate::{Actor, Origin, Result, Service, ServiceError};

/// The name authenticator apps show above the code.
pub const TOTP_ISSUER: &str = "Verband";
/// How long the second step of a log-in may take.
pub const PENDING_LOGIN_MINUTES: i64 = 5;
pub const RECOVERY_CODE_COUNT: usize = 10;
const SETTING_KEY: &str = "two_factor_required";
/// Recovery code letters: no 0/o, 1/l/i that are easily mistaken.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Who must use two-factor sign-in (the administrator's setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TwoFactorRequirement {
    #[default]
    Nobody,
    /// Anyone who is coordinator in some network, and administrators.
    Coordinators,
    Everyone,
}

impl TwoFactorRequirement {
    pub const ALL: [TwoFactorRequirement; 3] =
        [TwoFactorRequirement::Nobody, TwoFactorRequirement::Coordinators, TwoFactorRequirement::Everyone];

    pub fn code(self) -> &'static str {
        match self {
            TwoFactorRequirement::Nobody => "none",
            TwoFactorRequirement::Coordinators => "coordinators",
            TwoFactorRequirement::Everyone => "everyone",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A secret being set up: shown as a QR code of `otpauth_uri` and as text.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoFactorSetup {
    /// Base32, as authenticator apps take it when typed.
    pub secret: String,
    pub otpauth_uri: String,
    /// The account name the app shows (the user name).
    pub account: String,
}

impl TwoFactorSetup {
    /// The secret in groups of four, easier to type.
    pub fn secret_grouped(&self) -> String {
        let chars: Vec<char> = self.secret.chars().collect();
        chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TwoFactorStatus {
    Off,
    /// Started but not yet confirmed with a right code.
    SettingUp(TwoFactorSetup),
    On {
        enabled_at: String,
        recovery_codes_left: i64,
    },
}

/// The administrator's page: the setting and who has two-factor sign-in on.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoFactorAdminView {
    pub requirement: TwoFactorRequirement,
    pub accounts: Vec<TwoFactorAccount>,
}

fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill(&mut bytes);
    Secret::from(bytes.to_vec()).to_base32()
}

fn totp(secret: &str, account: &str) -> Result<Totp> {
    let secret = Secret::try_from_base32(secret).map_err(|_| ServiceError::Conflict("stored two-factor secret is not valid".into()))?;
    // A colon would end the label in the otpauth URI.
    let account = account.replace(':', "_");
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(TOTP_ISSUER))
        .build()
        .map_err(|e| ServiceError::Conflict(format!("two-factor set-up failed: {e}")))
}

fn setup_of(secret: &str, username: &str) -> Result<TwoFactorSetup> {
    let uri = totp(secret, username)?.to_url().map_err(|e| ServiceError::Conflict(format!("two-factor set-up failed: {e}")))?;
    Ok(TwoFactorSetup { secret: secret.to_string(), otpauth_uri: uri, account: username.to_string() })
}

/// Digits of a code as typed (spaces allowed); None when it is not six digits.
fn totp_digits(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// The time step a right code belongs to, within one step either way of now.
fn matching_step(secret: &str, username: &str, code: &str) -> Result<Option<i64>> {
    let Some(digits) = totp_digits(code) else { return Ok(None) };
    let now = u64::try_from(Utc::now().timestamp()).unwrap_or(0);
    Ok(totp(secret, username)?.check(&digits, now).and_then(|s| i64::try_from(s).ok()))
}

fn normalise_recovery_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let c: String = (0..10).map(|_| RECOVERY_ALPHABET[rng.gen_range(0..RECOVERY_ALPHABET.len())] as char).collect();
            format!("{}-{}", &c[..5], &c[5..])
        })
        .collect()
}

fn recovery_hashes(codes: &[String]) -> Vec<String> {
    codes.iter().map(|c| token_hash(&normalise_recovery_code(c))).collect()
}

fn scope(user_id: i64) -> String {
    format!("totp:{user_id}")
}

fn since_window() -> String {
    (Utc::now() - Duration::minutes(THROTTLE_WINDOW_MINUTES)).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

async fn throttled(conn: &mut verband_store::Conn, user_id: i64) -> Result<bool> {
    Ok(verband_store::attempt_failures_since(conn, &scope(user_id), &since_window()).await? >= MAX_LOGIN_FAILURES)
}

impl Service {
    /// Writes a pending log-in (the password was right, the code is still
    /// asked) in the caller's transaction; returns the cookie's secret.
    pub(crate) async fn start_pending_login(&self, conn: &mut verband_store::Conn, actor: &Actor, user_id: i64) -> Result<String> {
        let token = new_token();
        let expires = (Utc::now() + Duration::minutes(PENDING_LOGIN_MINUTES)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        verband_store::insert_pending_login(conn, &token_hash(&token), user_id, &expires).await?;
        self.audit_only(conn, actor, "login", "user", user_id, "second_factor_needed").await?;
        Ok(token)
    }

    /// Whether a pending log-in's cookie is still good (for showing the code form).
    pub async fn pending_login_is_live(&self, pending_token: &str) -> Result<bool> {
        let mut conn = self.store.conn().await?;
        Ok(verband_store::user_of_pending_login(&mut conn, &token_hash(pending_token)).await?.is_some())
    }

    /// The second step of a log-in: a code from the app (each time step
    /// accepted once, never an earlier one) or an unused recovery code.
    /// `NotFound` when the pending log-in has expired or is unknown;
    /// `Throttled` after `MAX_LOGIN_FAILURES` wrong codes in the window;
    /// `BadCredentials` for a wrong, old or reused code.
    pub async fn login_second_factor(&self, pending_token: &str, code: &str, origin: Origin) -> Result<SignedIn> {
        let pending_hash = token_hash(pending_token);
        let mut tx = self.store.begin().await?;
        let user_id = verband_store::user_of_pending_login(&mut tx, &pending_hash).await?.ok_or(ServiceError::NotFound)?;
        let user = verband_store::user_by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
        if user.disabled_at.is_some() {
            return Err(ServiceError::NotFound);
        }
        let actor = self.actor_for(&user, origin);
        if throttled(&mut tx, user.id).await? {
            self.audit_only(&mut tx, &actor, "login_second_factor", "user", user.id, "throttled").await?;
            tx.commit().await?;
            return Err(ServiceError::Throttled);
        }
        let factor = verband_store::two_factor_of_user(&mut tx, user.id).await?.filter(|t| t.enabled_at.is_some());
        let Some(factor) = factor else { return Err(ServiceError::NotFound) };
        let accepted = match matching_step(&factor.secret, &user.username, code)? {
            Some(step) => verband_store::use_totp_step(&mut tx, user.id, step).await?,
            None if totp_digits(code).is_none() => {
                let hash = token_hash(&normalise_recovery_code(code));
                let used = verband_store::use_recovery_code(&mut tx, user.id, &hash).await?;
                if used {
                    self.audit_only(&mut tx, &actor, "use_recovery_code", "user", user.id, "success").await?;
                }
                used
            }
            None => false,
        };
        if !accepted {
            verband_store::insert_attempt_failure(&mut tx, &scope(user.id)).await?;
            self.audit_only(&mut tx, &actor, "login_second_factor", "user", user.id, "failure").await?;
            tx.commit().await?;
            return Err(ServiceError::BadCredentials);
        }
        verband_store::delete_pending_login(&mut tx, &pending_hash).await?;
        verband_store::clear_attempt_failures(&mut tx, &scope(user.id)).await?;
        let session_token = self.open_session(&mut tx, &actor, user.id).await?;
        tx.commit().await?;
        Ok(SignedIn { session_token, user })
    }

    /// The actor's own two-factor state, for the account page.
    pub async fn two_factor_status(&self, actor: &Actor) -> Result<TwoFactorStatus> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut conn = self.store.conn().await?;
        let Some(factor) = verband_store::two_factor_of_user(&mut conn, user_id).await? else { return Ok(TwoFactorStatus::Off) };
        match factor.enabled_at {
            Some(enabled_at) => {
                let recovery_codes_left = verband_store::unused_recovery_codes(&mut conn, user_id).await?;
                Ok(TwoFactorStatus::On { enabled_at, recovery_codes_left })
            }
            None => Ok(TwoFactorStatus::SettingUp(setup_of(&factor.secret, &actor.name)?)),
        }
    }

    /// Starts setting up two-factor sign-in with a new secret (replacing one
    /// that was started but never confirmed). Nothing changes at log-in until
    /// `confirm_two_factor` receives a right code.
    pub async fn start_two_factor(&self, actor: &Actor) -> Result<TwoFactorSetup> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        if verband_store::two_factor_of_user(&mut tx, user_id).await?.is_some_and(|t| t.enabled_at.is_some()) {
            return Err(ServiceError::Conflict("two-factor sign-in is already on".into()));
        }
        let secret = new_secret();
        let setup = setup_of(&secret, &actor.name)?;
        verband_store::start_two_factor(&mut tx, user_id, &secret).await?;
        self.audit_only(&mut tx, actor, "start_two_factor", "user", user_id, "success").await?;
        tx.commit().await?;
        Ok(setup)
    }

    /// Switches two-factor sign-in on with the first right code and returns
    /// the recovery codes, shown once (only their hashes are kept).
    pub async fn confirm_two_factor(&self, actor: &Actor, code: &str) -> Result<Vec<String>> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        if throttled(&mut tx, user_id).await? {
            return Err(ServiceError::Throttled);
        }
        let factor = verband_store::two_factor_of_user(&mut tx, user_id).await?;
        let Some(factor) = factor.filter(|t| t.enabled_at.is_none()) else {
            return Err(ServiceError::Conflict("no two-factor set-up was started".into()));
        };
        let step = match matching_step(&factor.secret, &actor.name, code)? {
            Some(step) => step,
            None => {
                verband_store::insert_attempt_failure(&mut tx, &scope(user_id)).await?;
                self.audit_only(&mut tx, actor, "enable_two_factor", "user", user_id, "failure").await?;
                tx.commit().await?;
                let reason = if totp_digits(code).is_some() { "two-factor-code-wrong" } else { "two-factor-code-format" };
                return Err(ValidationErrors::single("code", reason).into());
            }
        };
        verband_store::use_totp_step(&mut tx, user_id, step).await?;
        verband_store::enable_two_factor(&mut tx, user_id).await?;
        let codes = new_recovery_codes();
        verband_store::replace_recovery_codes(&mut tx, user_id, &recovery_hashes(&codes)).await?;
        verband_store::clear_attempt_failures(&mut tx, &scope(user_id)).await?;
        self.record(&mut tx, actor, None, "enable_two_factor", "user", user_id, &actor.name).await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// New recovery codes in place of all old ones; shown once.
    pub async fn renew_recovery_codes(&self, actor: &Actor) -> Result<Vec<String>> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        if verband_store::two_factor_of_user(&mut tx, user_id).await?.is_none_or(|t| t.enabled_at.is_none()) {
            return Err(ServiceError::Conflict("two-factor sign-in is off".into()));
        }
        let codes = new_recovery_codes();
        verband_store::replace_recovery_codes(&mut tx, user_id, &recovery_hashes(&codes)).await?;
        self.record(&mut tx, actor, None, "renew_recovery_codes", "user", user_id, &actor.name).await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// Switches the actor's own two-factor sign-in off; asks the password.
    /// Wrong passwords count towards the code throttle of the account.
    pub async fn disable_two_factor(&self, actor: &Actor, password: &str) -> Result<()> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        // No pooled connection is held while the password is checked.
        let user = {
            let mut conn = self.store.conn().await?;
            if throttled(&mut conn, user_id).await? {
                return Err(ServiceError::Throttled);
            }
            verband_store::user_by_id(&mut conn, user_id).await?.ok_or(ServiceError::NotFound)?
        };
        let ok = verify_password_blocking(password, user.password_hash.clone()).await?;
        let mut tx = self.store.begin().await?;
        if !ok {
            verband_store::insert_attempt_failure(&mut tx, &scope(user_id)).await?;
            self.audit_only(&mut tx, actor, "disable_two_factor", "user", user_id, "failure").await?;
            tx.commit().await?;
            return Err(ValidationErrors::single("password", "two-factor-password-wrong").into());
        }
        if !verband_store::delete_two_factor(&mut tx, user_id).await? {
            return Err(ServiceError::Conflict("two-factor sign-in is off".into()));
        }
        self.record(&mut tx, actor, None, "disable_two_factor", "user", user_id, &user.username).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The administrator's view: the requirement and the accounts with
    /// two-factor sign-in on.
    pub async fn two_factor_admin_view(&self, actor: &Actor) -> Result<TwoFactorAdminView> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        let requirement = requirement(&mut conn).await?;
        let accounts = verband_store::two_factor_accounts(&mut conn).await?;
        Ok(TwoFactorAdminView { requirement, accounts })
    }

    /// Sets who must use two-factor sign-in (administrators only).
    pub async fn set_two_factor_requirement(&self, actor: &Actor, requirement: TwoFactorRequirement) -> Result<()> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        verband_store::write_deployment_setting(&mut tx, SETTING_KEY, requirement.code()).await?;
        let origin = actor.origin.describe();
        verband_store::insert_audit(
            &mut tx,
            &verband_store::AuditEntry {
                network_id: None,
                actor_user_id: actor.user_id,
                actor: &actor.name,
                action: "set_two_factor_requirement",
                object_type: "deployment_setting",
                object_id: None,
                object_label: Some(requirement.code()),
                result: "success",
                origin: &origin,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a person's second factor and recovery codes (administrators
    /// only), for someone who lost their phone; they sign in with the
    /// password alone again, or are asked to set it up when it is required.
    pub async fn reset_two_factor(&self, actor: &Actor, username: &str) -> Result<()> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let user = verband_store::user_by_username(&mut tx, &username.trim().to_lowercase()).await?.ok_or(ServiceError::NotFound)?;
        if !verband_store::delete_two_factor(&mut tx, user.id).await? {
            return Err(ServiceError::NotFound);
        }
        verband_store::clear_attempt_failures(&mut tx, &scope(user.id)).await?;
        self.record(&mut tx, actor, None, "reset_two_factor", "user", user.id, &user.username).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether this signed-in person must first set up two-factor sign-in
    /// before doing anything else (the administrator requires it and they
    /// have not switched it on).
    pub async fn must_enrol_two_factor(&self, user: &UserRecord) -> Result<bool> {
        let mut conn = self.store.conn().await?;
        let required = match requirement(&mut conn).await? {
            TwoFactorRequirement::Nobody => return Ok(false),
            TwoFactorRequirement::Everyone => true,
            TwoFactorRequirement::Coordinators => {
                user.is_admin || verband_store::roles_of_user(&mut conn, user.id).await?.iter().any(|(_, r)| *r == NetworkRole::Coordinator)
            }
        };
        Ok(required && verband_store::two_factor_of_user(&mut conn, user.id).await?.is_none_or(|t| t.enabled_at.is_none()))
    }
}

async fn requirement(conn: &mut verband_store::Conn) -> Result<TwoFactorRequirement> {
    let stored = verband_store::read_deployment_setting(conn, SETTING_KEY).await?;
    Ok(stored.as_deref().and_then(TwoFactorRequirement::parse).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_160_bits_and_grouped_by_four() {
        let s = new_secret();
        assert_eq!(s.len(), 32);
        let setup = setup_of(&s, "an@example.org").unwrap();
        assert!(setup.otpauth_uri.starts_with("otpauth://totp/Verband:an%40example.org?secret="));
        assert!(setup.otpauth_uri.contains("issuer=Verband"));
        assert_eq!(setup.secret_grouped().split(' ').count(), 8);
    }

    #[test]
    fn recovery_codes_are_distinct_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        assert_eq!(codes[0].len(), 11);
        assert_ne!(codes[0], codes[1]);
        assert_eq!(normalise_recovery_code(" ABCDE-fghij "), "abcdefghij");
        assert_eq!(totp_digits("123 456").as_deref(), Some("123456"));
        assert_eq!(totp_digits("12345"), None);
    }

    #[test]
    fn rfc6238_test_vector() {
        // RFC 6238 appendix B, SHA-1, last six digits.
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        let t = totp(&secret, "test").unwrap();
        assert_eq!(t.generate(59).to_string(), "287082");
        assert_eq!(t.generate(1111111109).to_string(), "081804");
    }
}
