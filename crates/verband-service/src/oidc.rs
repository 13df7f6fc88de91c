//! Single sign-on with OpenID Connect: the authorization code flow with PKCE
//! (S256), `state` and `nonce`, the provider found through its discovery
//! document, and the ID token checked by the `openidconnect` crate (issuer,
//! audience, expiry, signature, nonce). No JWT is checked by hand here.
//!
//! A sign-in under way lives in the database (`oidc_logins`: the state's
//! hash, the nonce and the PKCE verifier, ten minutes), so that any instance
//! can finish it, and is removed at the first answer, whatever its outcome.
//!
//! Who the person is, in this order: an identity linked before (issuer and
//! subject); an account with the same verified e-mail address (the identity
//! is linked to it); the invitation the sign-in was started from (a new
//! account, which accepts it); an e-mail domain the administrator allows (a
//! new account). Otherwise the sign-in is refused: an identity never makes an
//! account by itself. The provider's own second factor counts: an account
//! with two-factor sign-in is logged in directly.

use std::sync::Arc;

use chrono::{Duration, Utc};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims};
use openidconnect::{
    reqwest, AccessTokenHash, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};
use verband_store::{OidcLoginRecord, PendingInvitationRecord, UserRecord};

use crate::accounts::{hash_password_blocking, SignedIn, SESSION_HOURS};
use crate::secrets::{new_token, token_hash};
use crate::{Actor, Origin, Result, Service};

/// How long a sign-in started at the provider may take.
pub const SSO_LOGIN_MINUTES: i64 = 10;

/// How long a request to the provider (discovery, token, user info) may take.
const PROVIDER_TIMEOUT_SECONDS: u64 = 10;

type ProviderClient = CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The deployment's single sign-on settings, as the administrator gave them.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The issuer URL; its discovery document is at `/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// The address the provider sends the browser back to (public URL + `/inloggen/sso/terug`).
    pub redirect_url: String,
    /// Domains whose verified e-mail addresses may create an account by signing in.
    pub email_domains: Vec<String>,
}

/// Why the settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OidcSetupError {
    #[error("the OpenID issuer is not a valid URL: {0}")]
    Issuer(String),
    #[error("the redirect address is not a valid URL: {0}")]
    RedirectUrl(String),
    #[error("the OpenID client ID is empty")]
    ClientId,
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
    #[error("cannot read the provider's discovery document: {0}")]
    Discovery(String),
}

/// The provider's settings and, once its discovery document was read, the client.
pub struct Oidc {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect_url: RedirectUrl,
    email_domains: Vec<String>,
    http: reqwest::Client,
    client: tokio::sync::RwLock<Option<Arc<ProviderClient>>>,
}

impl Oidc {
    /// Checks the settings; does not contact the provider (see `discover`).
    pub fn new(config: OidcConfig) -> std::result::Result<Oidc, OidcSetupError> {
        let issuer = IssuerUrl::new(config.issuer.trim().to_string()).map_err(|e| OidcSetupError::Issuer(e.to_string()))?;
        let redirect_url = RedirectUrl::new(config.redirect_url.clone()).map_err(|e| OidcSetupError::RedirectUrl(e.to_string()))?;
        if config.client_id.trim().is_empty() {
            return Err(OidcSetupError::ClientId);
        }
        let http = reqwest::Client::builder()
            // Following redirects would open the client up to SSRF.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(PROVIDER_TIMEOUT_SECONDS))
            .build()
            .map_err(|e| OidcSetupError::Http(e.to_string()))?;
        let email_domains =
            config.email_domains.iter().map(|d| d.trim().trim_start_matches('@').to_lowercase()).filter(|d| !d.is_empty()).collect();
        Ok(Oidc {
            issuer,
            client_id: ClientId::new(config.client_id.trim().to_string()),
            client_secret: ClientSecret::new(config.client_secret),
            redirect_url,
            email_domains,
            http,
            client: tokio::sync::RwLock::new(None),
        })
    }

    /// Reads the provider's discovery document and keys. Called at start; when
    /// the provider cannot be reached then, the next sign-in tries again.
    pub async fn discover(&self) -> std::result::Result<(), OidcSetupError> {
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| OidcSetupError::Discovery(describe_error(&e)))?;
        let client = CoreClient::from_provider_metadata(metadata, self.client_id.clone(), Some(self.client_secret.clone()))
            .set_redirect_uri(self.redirect_url.clone());
        *self.client.write().await = Some(Arc::new(client));
        Ok(())
    }

    /// The issuer as configured.
    pub fn issuer(&self) -> &str {
        self.issuer.as_str()
    }

    async fn client(&self) -> Option<Arc<ProviderClient>> {
        if let Some(c) = self.client.read().await.as_ref() {
            return Some(c.clone());
        }
        match self.discover().await {
            Ok(()) => self.client.read().await.clone(),
            Err(e) => {
                tracing::warn!("single sign-on: {e}");
                None
            }
        }
    }

    fn domain_allowed(&self, email: &str) -> bool {
        email.rsplit_once('@').is_some_and(|(_, domain)| self.email_domains.iter().any(|d| d == domain))
    }
}

/// An error and its sources in one line (no tokens: the crate's errors name
/// claims and URLs, never their secret values).
fn describe_error(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Where to send the browser to sign in at the provider.
#[derive(Debug, Clone)]
pub struct SsoStart {
    pub authorize_url: String,
    /// The `state` of this sign-in: the web layer keeps it in a cookie, so
    /// that only the browser that started a sign-in can finish it.
    pub state: String,
}

/// What the provider sent back with the browser.
#[derive(Debug, Clone, Default)]
pub struct SsoCallback {
    pub code: Option<String>,
    pub state: Option<String>,
    /// An error code from the provider (`access_denied`, …).
    pub error: Option<String>,
}

/// A finished single sign-on: a session, and where the person wanted to go.
pub struct SsoLogin {
    pub outcome: SignedIn,
    pub next: Option<String>,
}

/// Which check of the ID token failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Missing,
    Signature,
    Issuer,
    Audience,
    Expired,
    Nonce,
    AccessTokenHash,
    Other,
}

impl TokenProblem {
    fn code(self) -> &'static str {
        match self {
            TokenProblem::Missing => "no-id-token",
            TokenProblem::Signature => "bad-signature",
            TokenProblem::Issuer => "wrong-issuer",
            TokenProblem::Audience => "wrong-audience",
            TokenProblem::Expired => "expired-token",
            TokenProblem::Nonce => "wrong-nonce",
            TokenProblem::AccessTokenHash => "wrong-at-hash",
            TokenProblem::Other => "invalid-token",
        }
    }

    fn of(e: &ClaimsVerificationError) -> TokenProblem {
        match e {
            ClaimsVerificationError::SignatureVerification(_) => TokenProblem::Signature,
            ClaimsVerificationError::InvalidIssuer(_) => TokenProblem::Issuer,
            ClaimsVerificationError::InvalidAudience(_) => TokenProblem::Audience,
            ClaimsVerificationError::Expired(_) => TokenProblem::Expired,
            ClaimsVerificationError::InvalidNonce(_) => TokenProblem::Nonce,
            _ => TokenProblem::Other,
        }
    }
}

/// Why a single sign-on was refused. The page says little (nothing an
/// attacker could learn from); the audit log says which check failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoRefusal {
    /// Single sign-on is not configured.
    NotConfigured,
    /// The provider cannot be reached (discovery, token endpoint).
    ProviderUnavailable,
    /// The provider answered with an error (`access_denied`, …) or no code.
    ProviderError,
    /// Unknown, used, expired or another browser's `state`.
    UnknownState,
    /// The ID token failed a check.
    Token(TokenProblem),
    /// The provider did not vouch for the e-mail address.
    EmailNotVerified,
    /// No linked identity, account, invitation or allowed domain.
    NoAccount,
    /// More than one account has this e-mail address.
    AmbiguousEmail,
    /// The account may no longer sign in.
    Disabled,
}

impl SsoRefusal {
    /// Short code for the audit log.
    pub fn code(self) -> &'static str {
        match self {
            SsoRefusal::NotConfigured => "not-configured",
            SsoRefusal::ProviderUnavailable => "provider-unavailable",
            SsoRefusal::ProviderError => "provider-error",
            SsoRefusal::UnknownState => "unknown-state",
            SsoRefusal::Token(p) => p.code(),
            SsoRefusal::EmailNotVerified => "email-not-verified",
            SsoRefusal::NoAccount => "no-account",
            SsoRefusal::AmbiguousEmail => "ambiguous-email",
            SsoRefusal::Disabled => "account-disabled",
        }
    }
}

/// The verified facts of a sign-in.
struct Identity {
    issuer: String,
    subject: String,
    email: String,
    name: Option<String>,
}

/// How the account of an identity was found or made.
enum Resolution {
    Found(UserRecord),
    /// A new account is needed; the password hash (of a random secret) is made first.
    NeedsHash,
    Refused(SsoRefusal),
}

impl Service {
    /// Turns single sign-on on.
    pub fn with_oidc(mut self, oidc: Oidc) -> Self {
        self.oidc = Some(Arc::new(oidc));
        self
    }

    /// Whether single sign-on is configured (the log-in page shows its button).
    pub fn sso_enabled(&self) -> bool {
        self.oidc.is_some()
    }

    /// Starts a sign-in at the provider: a new `state`, `nonce` and PKCE
    /// verifier, stored (the state as a hash) for ten minutes. `next` is the
    /// page to go to afterwards; `invitation_token` the invitation link the
    /// person came from, if any.
    pub async fn start_sso(&self, next: &str, invitation_token: Option<&str>) -> Result<std::result::Result<SsoStart, SsoRefusal>> {
        let Some(oidc) = &self.oidc else { return Ok(Err(SsoRefusal::NotConfigured)) };
        let Some(client) = oidc.client().await else { return Ok(Err(SsoRefusal::ProviderUnavailable)) };
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let next: String = next.chars().take(500).collect();
        let record = OidcLoginRecord {
            state_hash: token_hash(state.secret()),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            invitation_token_hash: invitation_token.map(str::trim).filter(|t| !t.is_empty()).map(token_hash),
            next: Some(next).filter(|n| !n.is_empty()),
            expires_at: (Utc::now() + Duration::minutes(SSO_LOGIN_MINUTES)).format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        };
        let mut conn = self.store.conn().await?;
        verband_store::delete_expired_oidc_logins(&mut conn).await?;
        verband_store::insert_oidc_login(&mut conn, &record).await?;
        Ok(Ok(SsoStart { authorize_url: url.to_string(), state: state.secret().clone() }))
    }

    /// Finishes a sign-in when the provider sends the browser back:
    /// `browser_state` is the state the web layer kept in this browser's
    /// cookie. Every success and refusal is audited (`login`, with the reason).
    pub async fn finish_sso(
        &self,
        callback: SsoCallback,
        browser_state: Option<&str>,
        origin: Origin,
    ) -> Result<std::result::Result<SsoLogin, SsoRefusal>> {
        let Some(oidc) = self.oidc.clone() else { return Ok(Err(SsoRefusal::NotConfigured)) };
        let login = match &callback.state {
            Some(state) if !state.is_empty() => {
                let mut conn = self.store.conn().await?;
                verband_store::take_oidc_login(&mut conn, &token_hash(state)).await?
            }
            _ => None,
        };
        let now = Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let login = match login {
            Some(l) if l.expires_at > now && browser_state.is_some() && browser_state == callback.state.as_deref() => l,
            _ => return self.refuse_sso(None, SsoRefusal::UnknownState, &origin).await,
        };
        if let Some(error) = &callback.error {
            // Only the error's code, cleaned: the description is the provider's free text.
            let code: String = error.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(40).collect();
            tracing::info!("single sign-on: the provider answered {code}");
            return self.refuse_sso(None, SsoRefusal::ProviderError, &origin).await;
        }
        let Some(code) = callback.code.filter(|c| !c.is_empty()) else {
            return self.refuse_sso(None, SsoRefusal::ProviderError, &origin).await;
        };
        let identity = match verify(&oidc, code, &login).await {
            Ok(identity) => identity,
            Err(refusal) => return self.refuse_sso(None, refusal, &origin).await,
        };
        let invitation_hash = login.invitation_token_hash.as_deref();
        let mut password_hash = None;
        loop {
            let mut tx = self.store.begin().await?;
            match self.resolve(&mut tx, &oidc, &identity, invitation_hash, password_hash.as_deref(), &origin).await? {
                Resolution::Found(user) => {
                    if user.disabled_at.is_some() {
                        drop(tx);
                        return self.refuse_sso(Some(&identity), SsoRefusal::Disabled, &origin).await;
                    }
                    let token = new_token();
                    let expires = (Utc::now() + Duration::hours(SESSION_HOURS)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
                    verband_store::insert_session(&mut tx, &token_hash(&token), user.id, &expires).await?;
                    let actor = self.actor_for(&user, origin.clone());
                    self.audit_sso(&mut tx, &actor, user.id, "success", "sso").await?;
                    tx.commit().await?;
                    return Ok(Ok(SsoLogin { outcome: SignedIn { session_token: token, user }, next: login.next }));
                }
                Resolution::NeedsHash if password_hash.is_none() => {
                    // Never hash while holding a connection: roll back, hash, try again.
                    drop(tx);
                    password_hash = Some(hash_password_blocking(&new_token()).await?);
                }
                Resolution::NeedsHash => {
                    return Err(crate::ServiceError::Conflict("single sign-on: account could not be made".into()));
                }
                Resolution::Refused(refusal) => {
                    drop(tx);
                    return self.refuse_sso(Some(&identity), refusal, &origin).await;
                }
            }
        }
    }

    /// Finds or makes the account of a verified identity, in the caller's transaction.
    async fn resolve(
        &self,
        tx: &mut verband_store::Conn,
        oidc: &Oidc,
        identity: &Identity,
        invitation_hash: Option<&str>,
        password_hash: Option<&str>,
        origin: &Origin,
    ) -> Result<Resolution> {
        let invitation = match invitation_hash {
            Some(h) => verband_store::pending_invitation_by_token_hash(tx, h).await?,
            None => None,
        };
        // 1. An identity linked before.
        if let Some(user_id) = verband_store::oidc_identity_user(tx, &identity.issuer, &identity.subject).await? {
            let Some(user) = verband_store::user_by_id(tx, user_id).await? else { return Ok(Resolution::Refused(SsoRefusal::NoAccount)) };
            if user.disabled_at.is_none() {
                self.accept_for(tx, invitation.as_ref(), &user, origin).await?;
            }
            return Ok(Resolution::Found(user));
        }
        // 2. An account with this verified e-mail address.
        let ids = verband_store::user_ids_by_email(tx, &identity.email).await?;
        if ids.len() > 1 {
            return Ok(Resolution::Refused(SsoRefusal::AmbiguousEmail));
        }
        if let Some(&user_id) = ids.first() {
            let Some(user) = verband_store::user_by_id(tx, user_id).await? else { return Ok(Resolution::Refused(SsoRefusal::NoAccount)) };
            if user.disabled_at.is_some() {
                return Ok(Resolution::Found(user));
            }
            verband_store::insert_oidc_identity(tx, &identity.issuer, &identity.subject, user.id).await?;
            let actor = self.actor_for(&user, origin.clone());
            self.record(tx, &actor, None, "link_sso", "user", user.id, &user.username).await?;
            self.accept_for(tx, invitation.as_ref(), &user, origin).await?;
            return Ok(Resolution::Found(user));
        }
        // 3. The invitation the sign-in came from, or 4. an allowed domain: a new account.
        if invitation.is_none() && !oidc.domain_allowed(&identity.email) {
            return Ok(Resolution::Refused(SsoRefusal::NoAccount));
        }
        let Some(password_hash) = password_hash else { return Ok(Resolution::NeedsHash) };
        let username = free_username(tx, &identity.email).await?;
        let display = identity.name.clone().unwrap_or_else(|| username.clone());
        let user_id = verband_store::insert_user(tx, &username, &display, Some(&identity.email), password_hash, false).await?;
        verband_store::insert_oidc_identity(tx, &identity.issuer, &identity.subject, user_id).await?;
        let user = verband_store::user_by_id(tx, user_id).await?.ok_or(crate::ServiceError::NotFound)?;
        let actor = self.actor_for(&user, origin.clone());
        let how = if invitation.is_some() { "invitation" } else { "email domain" };
        self.record(tx, &actor, None, "create", "user", user_id, &format!("{username} (sso, {how})")).await?;
        self.accept_for(tx, invitation.as_ref(), &user, origin).await?;
        Ok(Resolution::Found(user))
    }

    /// Accepts a pending invitation for this account: it gains the role.
    async fn accept_for(
        &self,
        tx: &mut verband_store::Conn,
        invitation: Option<&PendingInvitationRecord>,
        user: &UserRecord,
        origin: &Origin,
    ) -> Result<()> {
        let Some(invitation) = invitation else { return Ok(()) };
        if verband_store::accept_invitation_as(tx, invitation, user.id).await? {
            let actor = self.actor_for(user, origin.clone());
            let label = format!("{} {}", user.username, invitation.role.code());
            self.record(tx, &actor, Some(invitation.network_id), "accept", "invitation", invitation.id, &label).await?;
        }
        Ok(())
    }

    /// Audits a refused sign-in and returns the refusal.
    async fn refuse_sso(
        &self,
        identity: Option<&Identity>,
        refusal: SsoRefusal,
        origin: &Origin,
    ) -> Result<std::result::Result<SsoLogin, SsoRefusal>> {
        let mut tx = self.store.begin().await?;
        let user_id = match identity {
            Some(i) => verband_store::oidc_identity_user(&mut tx, &i.issuer, &i.subject).await?,
            None => None,
        };
        let name = identity.map_or_else(|| "sso".to_string(), |i| i.email.clone());
        let actor = Actor { user_id, name, is_admin: false, origin: origin.clone() };
        self.audit_sso(&mut tx, &actor, user_id.unwrap_or(0), "failure", &format!("sso: {}", refusal.code())).await?;
        tx.commit().await?;
        Ok(Err(refusal))
    }

    async fn audit_sso(&self, conn: &mut verband_store::Conn, actor: &Actor, user_id: i64, result: &str, label: &str) -> Result<()> {
        let origin = actor.origin.describe();
        verband_store::insert_audit(
            conn,
            &verband_store::AuditEntry {
                network_id: None,
                actor_user_id: actor.user_id,
                actor: &actor.name,
                action: "login",
                object_type: "user",
                object_id: Some(user_id),
                object_label: Some(label),
                result,
                origin: &origin,
            },
        )
        .await?;
        Ok(())
    }
}

/// Exchanges the code (with the PKCE verifier) and checks the ID token.
async fn verify(oidc: &Oidc, code: String, login: &OidcLoginRecord) -> std::result::Result<Identity, SsoRefusal> {
    let client = oidc.client().await.ok_or(SsoRefusal::ProviderUnavailable)?;
    let request = client.exchange_code(AuthorizationCode::new(code)).map_err(|_| SsoRefusal::ProviderUnavailable)?;
    let response =
        request.set_pkce_verifier(PkceCodeVerifier::new(login.pkce_verifier.clone())).request_async(&oidc.http).await.map_err(|e| {
            tracing::warn!("single sign-on: the token request failed: {}", describe_error(&e));
            SsoRefusal::ProviderError
        })?;
    let id_token = response.id_token().ok_or(SsoRefusal::Token(TokenProblem::Missing))?;
    let nonce = Nonce::new(login.nonce.clone());
    let first = id_token.claims(&client.id_token_verifier(), &nonce).cloned();
    let (client, claims) = match first {
        Ok(c) => (client, c),
        Err(ClaimsVerificationError::SignatureVerification(_)) => {
            // The provider may have rolled its keys over: read them again, once.
            oidc.client.write().await.take();
            let client = oidc.client().await.ok_or(SsoRefusal::ProviderUnavailable)?;
            let claims =
                id_token.claims(&client.id_token_verifier(), &nonce).cloned().map_err(|e| SsoRefusal::Token(TokenProblem::of(&e)))?;
            (client, claims)
        }
        Err(e) => return Err(SsoRefusal::Token(TokenProblem::of(&e))),
    };
    if let Some(expected) = claims.access_token_hash() {
        let verifier = client.id_token_verifier();
        let alg = id_token.signing_alg().map_err(|_| SsoRefusal::Token(TokenProblem::AccessTokenHash))?;
        let key = id_token.signing_key(&verifier).map_err(|_| SsoRefusal::Token(TokenProblem::AccessTokenHash))?;
        let actual =
            AccessTokenHash::from_token(response.access_token(), alg, key).map_err(|_| SsoRefusal::Token(TokenProblem::AccessTokenHash))?;
        if actual != *expected {
            return Err(SsoRefusal::Token(TokenProblem::AccessTokenHash));
        }
    }
    let subject = claims.subject().clone();
    let mut email = claims.email().map(|e| e.as_str().to_string());
    let mut verified = claims.email_verified();
    let mut name = claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_string());
    if email.is_none() {
        // Many providers give the e-mail claims only at the user info endpoint.
        let request = client.user_info(response.access_token().clone(), Some(subject.clone())).map_err(|_| SsoRefusal::EmailNotVerified)?;
        let info: CoreUserInfoClaims = request.request_async(&oidc.http).await.map_err(|e| {
            tracing::warn!("single sign-on: the user info request failed: {}", describe_error(&e));
            SsoRefusal::ProviderError
        })?;
        email = info.email().map(|e| e.as_str().to_string());
        verified = info.email_verified();
        name = name.or_else(|| info.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_string()));
    }
    let email = email.map(|e| e.trim().to_lowercase()).filter(|e| e.contains('@'));
    let (Some(email), Some(true)) = (email, verified) else { return Err(SsoRefusal::EmailNotVerified) };
    Ok(Identity {
        issuer: claims.issuer().as_str().to_string(),
        subject: subject.as_str().to_string(),
        email,
        name: name.map(|n| n.trim().chars().take(200).collect::<String>()).filter(|n| !n.is_empty()),
    })
}

/// A user name from the e-mail address's local part, made unique with a number.
async fn free_username(conn: &mut verband_store::Conn, email: &str) -> Result<String> {
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    let mut base: String = local.chars().filter(|c| c.is_ascii_alphanumeric() || "._-".contains(*c)).take(40).collect();
    if base.is_empty() {
        base = "gebruiker".into();
    }
    let mut candidate = base.clone();
    let mut n = 1;
    while verband_store::user_by_username(conn, &candidate).await?.is_some() {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oidc(domains: &[&str]) -> Oidc {
        Oidc::new(OidcConfig {
            issuer: "https://login.example.nl".into(),
            client_id: "verband".into(),
            client_secret: "s".into(),
            redirect_url: "https://verband.example.nl/inloggen/sso/terug".into(),
            email_domains: domains.iter().map(|d| d.to_string()).collect(),
        })
        .unwrap()
    }

    #[test]
    fn only_listed_domains_may_make_accounts() {
        let o = oidc(&[" @Gemeente.nl ", ""]);
        assert!(o.domain_allowed("an@gemeente.nl"));
        assert!(!o.domain_allowed("an@sub.gemeente.nl"));
        assert!(!o.domain_allowed("an@gemeente.nl.evil.nl"));
        assert!(!oidc(&[]).domain_allowed("an@gemeente.nl"));
    }

    #[test]
    fn settings_are_checked() {
        let bad = OidcConfig {
            issuer: "not a url".into(),
            client_id: "verband".into(),
            client_secret: "s".into(),
            redirect_url: "https://verband.example.nl/inloggen/sso/terug".into(),
            email_domains: vec![],
        };
        assert!(matches!(Oidc::new(bad.clone()), Err(OidcSetupError::Issuer(_))));
        assert!(matches!(
            Oidc::new(OidcConfig { issuer: "https://x.nl".into(), client_id: " ".into(), ..bad }),
            Err(OidcSetupError::ClientId)
        ));
    }
}
