//! Inviting people to a network, accepting an invitation, and who has access
//! to a network. Links are random 256-bit tokens stored only as hashes, valid
//! 14 days and for one use; every invalid link gets the same answer.

use chrono::{Duration, Utc};
use verband_domain::invitation::{AccountForm, InvitationForm, InvitationState, INVITATION_DAYS};
use verband_domain::{Language, Network, NetworkRole, ValidationErrors};
use verband_store::{AccessRecord, NetworkInvitationRecord, NewNetworkInvitation, UserRecord};

use crate::mail::{AccountMail, AccountMailKind};
use crate::secrets::{new_token, token_hash};
use crate::{Actor, Origin, Result, Service, ServiceError, SignedIn};

/// Wrong invitation links allowed per client address within the window.
const MAX_LINK_FAILURES: i64 = 20;
const LINK_WINDOW_MINUTES: i64 = 15;

fn time_text(t: chrono::DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// One address invited (or invited again).
#[derive(Debug, Clone)]
pub struct InvitationSent {
    pub id: i64,
    pub email: String,
    /// An open invitation for this address existed: it got a new link.
    pub renewed: bool,
    /// The mail went out through SMTP.
    pub mailed: bool,
    /// The link, for the inviter to pass on by hand, only when it was not mailed.
    pub link: Option<String>,
}

/// The outcome of inviting several addresses at once.
#[derive(Debug, Clone, Default)]
pub struct InviteOutcome {
    pub sent: Vec<InvitationSent>,
    /// Addresses of accounts that already have a role in the network.
    pub already_in: Vec<String>,
}

/// What the invitation page shows before it is accepted.
#[derive(Debug, Clone)]
pub struct InvitationPreview {
    pub network_name: String,
    pub network_id: i64,
    pub role: NetworkRole,
    pub email: String,
    pub organisation_name: Option<String>,
    /// An account with the invited address exists: it should log in to accept.
    pub account_exists: bool,
}

/// The access page of a network: who has which role, and who is invited.
pub struct AccessView {
    pub network: Network,
    pub role: NetworkRole,
    pub people: Vec<AccessRecord>,
    pub invitations: Vec<(NetworkInvitationRecord, InvitationState)>,
    pub partners: Vec<(i64, String)>,
    /// The viewer's own account id, so that the page can mark "you".
    pub me: Option<i64>,
}

impl Service {
    /// The network and the actor's role, when the actor may manage who has
    /// access: its coordinators and the administrator, while it is not archived.
    async fn access_manager_in(&self, conn: &mut verband_store::Conn, actor: &Actor, network_id: i64) -> Result<(Network, NetworkRole)> {
        let (network, role) = self.network_in(conn, actor, network_id).await?;
        if !role.may_edit_records() {
            return Err(ServiceError::Forbidden);
        }
        if verband_store::network_archived_at(conn, network_id).await?.flatten().is_some() {
            return Err(ServiceError::Conflict("network-archived".into()));
        }
        Ok((network, role))
    }

    /// Invites one or more addresses with a role (and partner). An address
    /// with an open invitation gets a fresh link instead of a second
    /// invitation; an address whose account already has a role is reported.
    pub async fn invite(&self, actor: &Actor, network_id: i64, form: &InvitationForm) -> Result<InviteOutcome> {
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let (network, _) = self.access_manager_in(&mut tx, actor, network_id).await?;
        if let Some(org) = draft.organisation_id {
            if verband_store::partner_by_id(&mut tx, network_id, org).await?.is_none() {
                return Err(ValidationErrors::single("organisationId", "choice-invalid").into());
            }
        }
        let expires = time_text(Utc::now() + Duration::days(INVITATION_DAYS));
        let mut outcome = InviteOutcome::default();
        let mut to_mail = Vec::new();
        for email in &draft.emails {
            if let Some(user_id) = verband_store::user_id_by_email(&mut tx, email).await? {
                if verband_store::network_role(&mut tx, user_id, network_id).await?.is_some() {
                    outcome.already_in.push(email.to_string());
                    continue;
                }
            }
            let token = new_token();
            let hash = token_hash(&token);
            let (id, renewed) = match verband_store::open_network_invitation_for(&mut tx, network_id, email).await? {
                Some(open) => {
                    verband_store::renew_network_invitation(&mut tx, open.id, &hash, &expires, draft.role, draft.organisation_id).await?;
                    (open.id, true)
                }
                None => {
                    let new = NewNetworkInvitation {
                        network_id,
                        email,
                        role: draft.role,
                        organisation_id: draft.organisation_id,
                        token_hash: &hash,
                        invited_by: actor.user_id,
                        expires_at: &expires,
                    };
                    (verband_store::insert_network_invitation(&mut tx, &new).await?, false)
                }
            };
            let label = format!("{email} {}", draft.role.code());
            self.record(&mut tx, actor, Some(network_id), if renewed { "resend" } else { "invite" }, "invitation", id, &label).await?;
            to_mail.push((id, email.clone(), token, renewed));
        }
        tx.commit().await?;
        for (id, email, token, renewed) in to_mail {
            let sent = self.mail_invitation(actor, &network, draft.role, id, &email, &token).await?;
            outcome.sent.push(InvitationSent { renewed, ..sent });
        }
        Ok(outcome)
    }

    /// Sends the invitation mail after the invitation is committed, and notes
    /// the result on it. Without SMTP the link is returned to show the inviter once.
    async fn mail_invitation(
        &self,
        actor: &Actor,
        network: &Network,
        role: NetworkRole,
        id: i64,
        email: &str,
        token: &str,
    ) -> Result<InvitationSent> {
        let link = self.mail.url(&format!("/uitnodiging/{token}"));
        let mail = AccountMail {
            kind: AccountMailKind::Invitation { network_name: network.name.clone(), role, inviter: actor.name.clone() },
            language: Language::Nl,
            link: link.clone(),
        };
        let result = if self.mail.sends() { self.mail.send_account(email, &mail).await } else { Err("no SMTP server configured".into()) };
        let mut conn = self.store.conn().await?;
        verband_store::record_network_invitation_mail(&mut conn, id, result.as_ref().err().map(String::as_str)).await?;
        if let Err(e) = &result {
            if self.mail.sends() {
                tracing::warn!(invitation = id, error = %e, "invitation mail not sent");
            }
        }
        let mailed = result.is_ok();
        Ok(InvitationSent { id, email: email.to_string(), renewed: false, mailed, link: (!mailed).then_some(link) })
    }

    /// Sends an open invitation again with a new link (the old one stops working).
    pub async fn resend_invitation(&self, actor: &Actor, network_id: i64, invitation_id: i64) -> Result<InvitationSent> {
        let token = new_token();
        let expires = time_text(Utc::now() + Duration::days(INVITATION_DAYS));
        let mut tx = self.store.begin().await?;
        let (network, _) = self.access_manager_in(&mut tx, actor, network_id).await?;
        let inv = verband_store::network_invitation_by_id(&mut tx, network_id, invitation_id).await?.ok_or(ServiceError::NotFound)?;
        if inv.accepted_at.is_some() || inv.withdrawn_at.is_some() {
            return Err(ServiceError::Conflict("invitation-closed".into()));
        }
        verband_store::renew_network_invitation(&mut tx, inv.id, &token_hash(&token), &expires, inv.role, inv.organisation_id).await?;
        self.record(&mut tx, actor, Some(network_id), "resend", "invitation", inv.id, &inv.email).await?;
        tx.commit().await?;
        let sent = self.mail_invitation(actor, &network, inv.role, inv.id, &inv.email, &token).await?;
        Ok(InvitationSent { renewed: true, ..sent })
    }

    pub async fn withdraw_invitation(&self, actor: &Actor, network_id: i64, invitation_id: i64) -> Result<()> {
        let mut tx = self.store.begin().await?;
        self.access_manager_in(&mut tx, actor, network_id).await?;
        let inv = verband_store::network_invitation_by_id(&mut tx, network_id, invitation_id).await?.ok_or(ServiceError::NotFound)?;
        if !verband_store::withdraw_network_invitation(&mut tx, network_id, invitation_id).await? {
            return Err(ServiceError::Conflict("invitation-closed".into()));
        }
        self.record(&mut tx, actor, Some(network_id), "withdraw", "invitation", invitation_id, &inv.email).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The open invitation of a link. Every reason a link does not work
    /// (unknown, tampered, expired, used, withdrawn, archived network) is the
    /// same `NotFound`, and counts against the client's address.
    async fn open_invitation(
        &self,
        conn: &mut verband_store::Conn,
        token: &str,
        origin: &Origin,
    ) -> Result<(NetworkInvitationRecord, Network)> {
        let scope = format!("invitation-link:{}", origin.ip.as_deref().unwrap_or("-"));
        let since = time_text(Utc::now() - Duration::minutes(LINK_WINDOW_MINUTES));
        if verband_store::attempt_failures_since(conn, &scope, &since).await? >= MAX_LINK_FAILURES {
            return Err(ServiceError::Throttled);
        }
        let now = time_text(Utc::now());
        let found = match verband_store::network_invitation_by_token_hash(conn, &token_hash(token)).await? {
            Some(inv) => {
                let state = InvitationState::of(inv.accepted_at.as_deref(), inv.withdrawn_at.as_deref(), &inv.expires_at, &now);
                let archived = verband_store::network_archived_at(conn, inv.network_id).await?.flatten().is_some();
                match (state, archived) {
                    (InvitationState::Pending, false) => verband_store::network_by_id(conn, inv.network_id).await?.map(|n| (inv, n)),
                    _ => None,
                }
            }
            None => None,
        };
        match found {
            Some(found) => Ok(found),
            None => {
                verband_store::insert_attempt_failure(conn, &scope).await?;
                Err(ServiceError::NotFound)
            }
        }
    }

    /// What the invitation page shows; `NotFound` for any link that does not work.
    pub async fn invitation_preview(&self, token: &str, origin: &Origin) -> Result<InvitationPreview> {
        let mut conn = self.store.conn().await?;
        let (inv, network) = self.open_invitation(&mut conn, token, origin).await?;
        let account_exists = verband_store::user_id_by_email(&mut conn, &inv.email).await?.is_some();
        Ok(InvitationPreview {
            network_name: network.name,
            network_id: network.id,
            role: inv.role,
            email: inv.email,
            organisation_name: inv.organisation_name,
            account_exists,
        })
    }

    /// A logged-in person accepts: their account gains the role (an earlier
    /// role in the network is replaced by the invited one). Returns the network id.
    pub async fn accept_invitation(&self, actor: &Actor, token: &str) -> Result<i64> {
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        let (inv, _) = self.open_invitation(&mut tx, token, &actor.origin).await?;
        self.take_invitation(&mut tx, actor, &inv, user_id).await?;
        tx.commit().await?;
        Ok(inv.network_id)
    }

    /// Gives the invited role to `user_id` and closes the invitation, in the caller's transaction.
    pub(crate) async fn take_invitation(
        &self,
        conn: &mut verband_store::Conn,
        actor: &Actor,
        inv: &NetworkInvitationRecord,
        user_id: i64,
    ) -> Result<()> {
        if !verband_store::accept_network_invitation(conn, inv.id, user_id).await? {
            return Err(ServiceError::NotFound);
        }
        verband_store::set_network_access(conn, user_id, inv.network_id, inv.role, inv.organisation_id).await?;
        let label = format!("{} {}", inv.email, inv.role.code());
        self.record(conn, actor, Some(inv.network_id), "accept", "invitation", inv.id, &label).await?;
        Ok(())
    }

    /// A new person accepts: an account is made with the invited address, the
    /// role given, and a session opened. Returns the session and the network id.
    pub async fn accept_invitation_with_new_account(&self, token: &str, form: &AccountForm, origin: Origin) -> Result<(SignedIn, i64)> {
        // The address is the invited one; the form's own is ignored.
        let form = AccountForm { email: String::new(), ..form.clone() };
        let draft = form.validate(false)?;
        crate::accounts::check_account_password(
            &draft.password,
            &[&draft.username, draft.email.as_deref().unwrap_or_default(), &draft.display_name],
        )?;
        let hash = crate::accounts::hash_password_blocking(&draft.password).await?;
        let mut tx = self.store.begin().await?;
        let (inv, _) = self.open_invitation(&mut tx, token, &origin).await?;
        if verband_store::user_by_username(&mut tx, &draft.username).await?.is_some() {
            return Err(ValidationErrors::single("username", "username-taken").into());
        }
        if verband_store::user_id_by_email(&mut tx, &inv.email).await?.is_some() {
            // The address has an account: it must log in and accept.
            return Err(ServiceError::Conflict("account-exists".into()));
        }
        let user_id = verband_store::insert_user(&mut tx, &draft.username, &draft.display_name, Some(&inv.email), &hash, false).await?;
        let user = verband_store::user_by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
        let actor = self.actor_for(&user, origin.clone());
        self.record(&mut tx, &actor, Some(inv.network_id), "create", "user", user_id, &draft.username).await?;
        self.take_invitation(&mut tx, &actor, &inv, user_id).await?;
        let outcome = self.open_session_in(&mut tx, user, origin).await?;
        tx.commit().await?;
        Ok((outcome, inv.network_id))
    }

    /// Opens a session for a user whose identity was just proven, in the caller's transaction.
    pub(crate) async fn open_session_in(&self, conn: &mut verband_store::Conn, user: UserRecord, origin: Origin) -> Result<SignedIn> {
        let actor = self.actor_for(&user, origin);
        let session_token = self.open_session(conn, &actor, user.id).await?;
        Ok(SignedIn { session_token, user })
    }

    /// The access page: people with their roles and partners, and open invitations.
    pub async fn access_view(&self, actor: &Actor, network_id: i64) -> Result<AccessView> {
        let mut conn = self.store.conn().await?;
        let (network, role) = self.network_in(&mut conn, actor, network_id).await?;
        if !role.may_edit_records() {
            return Err(ServiceError::Forbidden);
        }
        let people = verband_store::access_of_network(&mut conn, network_id).await?;
        let now = time_text(Utc::now());
        let invitations = verband_store::open_network_invitations(&mut conn, network_id)
            .await?
            .into_iter()
            .map(|i| {
                let state = InvitationState::of(i.accepted_at.as_deref(), i.withdrawn_at.as_deref(), &i.expires_at, &now);
                (i, state)
            })
            .collect();
        let partners = verband_store::partner_choices(&mut conn, network_id).await?;
        Ok(AccessView { network, role, people, invitations, partners, me: actor.user_id })
    }

    /// Changes someone's role and partner. The last coordinator cannot be demoted.
    pub async fn change_access(
        &self,
        actor: &Actor,
        network_id: i64,
        user_id: i64,
        role: NetworkRole,
        organisation_id: Option<i64>,
    ) -> Result<()> {
        let mut tx = self.store.begin().await?;
        self.access_manager_in(&mut tx, actor, network_id).await?;
        let current = verband_store::network_role(&mut tx, user_id, network_id).await?.ok_or(ServiceError::NotFound)?;
        if current == NetworkRole::Coordinator
            && role != NetworkRole::Coordinator
            && verband_store::coordinator_count(&mut tx, network_id).await? <= 1
        {
            return Err(ServiceError::Conflict("last-coordinator".into()));
        }
        if let Some(org) = organisation_id {
            if verband_store::partner_by_id(&mut tx, network_id, org).await?.is_none() {
                return Err(ValidationErrors::single("organisationId", "choice-invalid").into());
            }
        }
        verband_store::set_network_access(&mut tx, user_id, network_id, role, organisation_id).await?;
        let user = verband_store::user_by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
        let label = format!("{} {}", user.username, role.code());
        self.record(&mut tx, actor, Some(network_id), "grant", "user", user_id, &label).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes someone's access to the network away. The last coordinator stays.
    pub async fn remove_access(&self, actor: &Actor, network_id: i64, user_id: i64) -> Result<()> {
        let mut tx = self.store.begin().await?;
        self.access_manager_in(&mut tx, actor, network_id).await?;
        let current = verband_store::network_role(&mut tx, user_id, network_id).await?.ok_or(ServiceError::NotFound)?;
        if current == NetworkRole::Coordinator && verband_store::coordinator_count(&mut tx, network_id).await? <= 1 {
            return Err(ServiceError::Conflict("last-coordinator".into()));
        }
        let user = verband_store::user_by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::remove_network_access(&mut tx, user_id, network_id).await?;
        self.record(&mut tx, actor, Some(network_id), "revoke_role", "user", user_id, &user.username).await?;
        tx.commit().await?;
        Ok(())
    }
}
