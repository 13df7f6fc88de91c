//! Sending survey mail through the SMTP server configured for the
//! deployment. Without one, nothing is sent and the round's outbox page
//! gives the coordinator the links to pass on by hand.
//!
//! The texts come from the web layer's catalogue through `MailComposer`, so
//! this crate sends mail without owning any user-facing words.

use std::sync::Arc;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use verband_domain::Language;

/// Why a mail goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailPurpose {
    Invitation,
    Reminder,
}

/// Everything a mail text may mention.
#[derive(Debug, Clone)]
pub struct SurveyMail {
    pub purpose: MailPurpose,
    pub language: Language,
    pub person_name: String,
    pub network_name: String,
    pub round_label: String,
    pub deadline: chrono::NaiveDate,
    /// The respondent's personal link, whole.
    pub link: String,
}

/// Subject and plain-text body of a survey mail.
pub type MailComposer = Arc<dyn Fn(&SurveyMail) -> (String, String) + Send + Sync>;

/// Why a mail about someone's access goes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountMailKind {
    /// An invitation to take a role in a network.
    Invitation { network_name: String, role: verband_domain::NetworkRole, inviter: String },
    /// A link to choose a new password.
    PasswordReset { username: String },
}

/// Everything a mail about access may mention.
#[derive(Debug, Clone)]
pub struct AccountMail {
    pub kind: AccountMailKind,
    pub language: Language,
    /// The personal link, whole.
    pub link: String,
}

/// Subject and plain-text body of a mail about access.
pub type AccountMailComposer = Arc<dyn Fn(&AccountMail) -> (String, String) + Send + Sync>;

/// Used only where the binary gave no composer (tests that do not read the text).
fn plain_account_mail(m: &AccountMail) -> (String, String) {
    match &m.kind {
        AccountMailKind::Invitation { network_name, .. } => (format!("Verband: {network_name}"), m.link.clone()),
        AccountMailKind::PasswordReset { .. } => ("Verband".to_string(), m.link.clone()),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SMTP address is not valid: {0}")]
    Url(String),
    #[error("sender address is not valid: {0}")]
    From(String),
}

/// The deployment's mail settings, made once by the binary.
#[derive(Clone)]
pub struct MailSettings {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    /// Set whenever `smtp` is.
    from: Option<Mailbox>,
    /// Where respondents reach this deployment, e.g. https://verband.example.nl
    pub public_url: String,
    pub compose: MailComposer,
    pub compose_account: AccountMailComposer,
}

impl MailSettings {
    /// `smtp_url` as lettre reads it: `smtp://host:port` (plain, for a relay
    /// on the same host), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host` (TLS).
    pub fn new(smtp_url: Option<&str>, from: &str, public_url: &str, compose: MailComposer) -> Result<MailSettings, MailError> {
        let smtp = match smtp_url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::Url(e.to_string()))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build(),
            ),
            None => None,
        };
        let from = from.parse::<Mailbox>().map_err(|e| MailError::From(e.to_string()))?;
        Ok(MailSettings {
            smtp,
            from: Some(from),
            public_url: public_url.trim_end_matches('/').to_string(),
            compose,
            compose_account: Arc::new(plain_account_mail),
        })
    }

    /// No SMTP: links go to the outbox page.
    pub fn outbox_only(public_url: &str, compose: MailComposer) -> MailSettings {
        MailSettings {
            smtp: None,
            from: None,
            public_url: public_url.trim_end_matches('/').to_string(),
            compose,
            compose_account: Arc::new(plain_account_mail),
        }
    }

    /// The texts of invitation and password-reset mail (the web layer's catalogue).
    pub fn with_account_mail(mut self, compose: AccountMailComposer) -> MailSettings {
        self.compose_account = compose;
        self
    }

    /// A whole address of this deployment for a path such as `/uitnodiging/…`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// Composes and sends a mail about access; `Err` says why it did not go out.
    pub async fn send_account(&self, to: &str, mail: &AccountMail) -> Result<(), String> {
        let (subject, body) = (self.compose_account)(mail);
        self.send_text(to, &subject, &body).await
    }

    pub fn sends(&self) -> bool {
        self.smtp.is_some()
    }

    /// The personal link for a token.
    pub fn link(&self, token: &str) -> String {
        format!("{}/enquete/{token}", self.public_url)
    }

    /// Hands one mail to the SMTP server. The error text never holds the
    /// link: it is stored and shown to the coordinator.
    pub(crate) async fn send(&self, to: &str, mail: &SurveyMail) -> Result<(), String> {
        let (subject, body) = (self.compose)(mail);
        self.send_text(to, &subject, &body).await
    }

    /// Hands one plain-text mail (invitation, password reset) to the SMTP
    /// server. The error text never holds the body, which may carry a link.
    pub async fn send_text(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let (Some(smtp), Some(from)) = (&self.smtp, &self.from) else {
            return Err("no SMTP server configured".into());
        };
        let to: Mailbox = to.parse().map_err(|_| "address not valid".to_string())?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(subject)
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| e.to_string())?;
        smtp.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}
