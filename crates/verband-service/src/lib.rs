//! Verband's use cases. Every function here decides who may do what, validates
//! with the domain's rules and stores in one transaction together with an
//! audit entry and a change-log row. Web, API and CLI all come through here.

mod access;
mod accounts;
pub mod agreements;
pub mod audit;
pub mod demo;
mod demo_knowledge;
mod demo_meetings;
mod demo_portfolio;
pub mod demo_surveys;
mod error;
pub mod exchange;
pub mod invitations;
pub mod knowledge;
pub mod knowledge_attachments;
pub mod knowledge_links;
pub mod knowledge_questions;
pub mod mail;
mod meetings;
mod my_account;
mod network;
mod network_cache;
pub mod network_files;
pub mod network_map;
pub mod oidc;
mod partners;
pub mod password_reset;
mod persons;
pub mod portfolio;
pub mod search;
mod search_feed;
pub mod secrets;
mod setup;
pub mod survey_instruments;
mod survey_raw;
pub mod surveys;
mod two_factor;

pub use access::{Actor, Channel, Origin};
pub use accounts::{LoginOutcome, NewApiToken, PendingLogin, SignedIn, MAX_LOGIN_FAILURES, SESSION_HOURS};
pub use agreements::AgreementDetail;
pub use audit::{AuditQuery, AuditScope, AuditView};
pub use error::ServiceError;
pub use exchange::{FileProblem, ImportCheck, ImportCounts, ImportDone, PreviewOutcome, SheetKind};
pub use invitations::{AccessView, InvitationPreview, InvitationSent, InviteOutcome};
pub use meetings::{FeedContent, MeetingDetail, VitalityPanel};
pub use my_account::{ProfileChange, SessionInfo};
pub use network::{Dashboard, DashboardView, NetworkListing};
pub use network_files::{NetworkDownload, NetworkFileFormat, NetworkImportOutcome, NetworkImportPreview, NodeMatch};
pub use network_map::{MapQuery, NetworkMap, RoundRelationships};
pub use oidc::{Oidc, OidcConfig, OidcSetupError, SsoCallback, SsoLogin, SsoRefusal, SsoStart, TokenProblem};
pub use password_reset::PasswordResetLink;
pub use portfolio::{ChecklistView, PortfolioOverview, ProjectDetail};
pub use search::{GlobalSearch, KnowledgeSearch};
pub use search_feed::{RebuildProgress, RebuildStats, FOLLOW_EVERY};
pub use two_factor::{TwoFactorAdminView, TwoFactorRequirement, TwoFactorSetup, TwoFactorStatus, PENDING_LOGIN_MINUTES, TOTP_ISSUER};
pub use verband_store::TwoFactorAccount;
pub use verband_store::{ApiTokenRecord, AuditRecord, CalendarFeed, DocumentInfo, Engine, NetworkCounts, Store, UserRecord};
pub use verband_store::{KnowledgeAttachment, KnowledgeQuestion, KnowledgeRecord};

pub type Result<T> = std::result::Result<T, ServiceError>;

/// The entry point for every use case; cheap to clone.
#[derive(Clone)]
pub struct Service {
    store: Store,
    vitality_cache: meetings::VitalityCache,
    portfolio_cache: network_cache::NetworkCache<PortfolioOverview>,
    balances_cache: network_cache::NetworkCache<agreements::Balances>,
    /// Instrument versions respondents' links ask, parsed once.
    instruments: surveys::InstrumentCache,
    mail: std::sync::Arc<mail::MailSettings>,
    /// The full-text index this instance keeps (in memory until one is given).
    search: std::sync::Arc<search_feed::SearchSlot>,
    /// The one-time address that creates the first administrator.
    setup: setup::SharedSetup,
    /// Single sign-on with OpenID Connect, when configured.
    oidc: Option<std::sync::Arc<oidc::Oidc>>,
}

impl Service {
    pub fn new(store: Store) -> Self {
        let mail = mail::MailSettings::outbox_only(
            "http://127.0.0.1:8080",
            std::sync::Arc::new(|m: &mail::SurveyMail| (m.round_label.clone(), m.link.clone())),
        );
        Service {
            store,
            vitality_cache: Default::default(),
            portfolio_cache: Default::default(),
            balances_cache: Default::default(),
            instruments: Default::default(),
            mail: std::sync::Arc::new(mail),
            search: Default::default(),
            setup: Default::default(),
            oidc: None,
        }
    }

    /// The deployment's mail settings (SMTP or the outbox, and the public address for links).
    pub fn with_mail(mut self, mail: mail::MailSettings) -> Self {
        self.mail = std::sync::Arc::new(mail);
        self
    }

    /// The deployment's mail settings (public address, SMTP or none).
    pub fn mail_settings(&self) -> &mail::MailSettings {
        &self.mail
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Writes the audit entry and the change-log row of a successful change,
    /// inside the caller's transaction. The arguments are the audit entry's
    /// fields; a struct would only rename them at every call.
    #[allow(clippy::too_many_arguments)]
    async fn record(
        &self,
        conn: &mut verband_store::Conn,
        actor: &Actor,
        network_id: Option<i64>,
        action: &str,
        entity: &str,
        id: i64,
        label: &str,
    ) -> Result<()> {
        let origin = actor.origin.describe();
        verband_store::insert_audit(
            conn,
            &verband_store::AuditEntry {
                network_id,
                actor_user_id: actor.user_id,
                actor: &actor.name,
                action,
                object_type: entity,
                object_id: Some(id),
                object_label: Some(label),
                result: "success",
                origin: &origin,
            },
        )
        .await?;
        verband_store::insert_change(conn, network_id, entity, id, action).await?;
        Ok(())
    }
}
