//! The first administrator of a new installation. While no administrator
//! exists, the server prints a one-time setup address; its token lives only
//! in this process (as a hash), so it is gone when the server restarts or
//! once it is used.

use std::sync::{Arc, Mutex};

use verband_domain::invitation::AccountForm;
use verband_domain::ValidationErrors;

use crate::secrets::{new_token, token_hash};
use crate::{Origin, Result, Service, ServiceError, SignedIn};

/// The hash of the current setup token, if one was issued.
#[derive(Default)]
pub(crate) struct SetupSlot(Mutex<Option<String>>);

impl SetupSlot {
    fn set(&self, hash: Option<String>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = hash;
        }
    }

    fn matches(&self, token: &str) -> bool {
        let wanted = token_hash(token);
        self.0.lock().map(|slot| slot.as_deref() == Some(wanted.as_str())).unwrap_or(false)
    }
}

pub(crate) type SharedSetup = Arc<SetupSlot>;

impl Service {
    /// A new one-time setup address when the installation has no
    /// administrator yet; `None` otherwise.
    pub async fn setup_address(&self) -> Result<Option<String>> {
        let mut conn = self.store.conn().await?;
        if verband_store::admin_count(&mut conn).await? > 0 {
            self.setup.set(None);
            return Ok(None);
        }
        let token = new_token();
        self.setup.set(Some(token_hash(&token)));
        Ok(Some(self.mail.url(&format!("/eerste-beheerder/{token}"))))
    }

    /// Whether the setup page may be shown for this token.
    pub async fn setup_link_works(&self, token: &str) -> Result<bool> {
        if !self.setup.matches(token) {
            return Ok(false);
        }
        let mut conn = self.store.conn().await?;
        Ok(verband_store::admin_count(&mut conn).await? == 0)
    }

    /// Creates the first administrator and signs them in. The token stops
    /// working, and so does every later attempt once an administrator exists.
    pub async fn create_first_admin(&self, token: &str, form: &AccountForm, origin: Origin) -> Result<SignedIn> {
        if !self.setup.matches(token) {
            return Err(ServiceError::NotFound);
        }
        let draft = form.validate(true)?;
        crate::accounts::check_account_password(
            &draft.password,
            &[&draft.username, draft.email.as_deref().unwrap_or_default(), &draft.display_name],
        )?;
        let hash = crate::accounts::hash_password_blocking(&draft.password).await?;
        let mut tx = self.store.begin().await?;
        if verband_store::admin_count(&mut tx).await? > 0 {
            return Err(ServiceError::NotFound);
        }
        if verband_store::user_by_username(&mut tx, &draft.username).await?.is_some() {
            return Err(ValidationErrors::single("username", "username-taken").into());
        }
        let id = verband_store::insert_user(&mut tx, &draft.username, &draft.display_name, draft.email.as_deref(), &hash, true).await?;
        let user = verband_store::user_by_id(&mut tx, id).await?.ok_or(ServiceError::NotFound)?;
        let actor = self.actor_for(&user, origin.clone());
        self.record(&mut tx, &actor, None, "create_first_admin", "user", id, &draft.username).await?;
        let outcome = self.open_session_in(&mut tx, user, origin).await?;
        tx.commit().await?;
        self.setup.set(None);
        Ok(outcome)
    }
}
