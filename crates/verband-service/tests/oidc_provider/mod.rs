//! A small but real OpenID provider for the single sign-on tests: an HTTP
//! server on a free loopback port with a discovery document, a key set, and a
//! token endpoint that checks the client's secret and the PKCE verifier and
//! returns ID tokens signed with RSA (through the `openidconnect` crate's own
//! signing). Each test decides what the token says (issuer, audience,
//! expiry, nonce, signing key, e-mail), so that every check Verband makes can
//! be seen to fail. Verband's code is not mocked: it talks HTTP to this.

#![allow(dead_code)] // each test file uses its own part of this module

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use chrono::{Duration, Utc};
use openidconnect::core::{
    CoreIdToken, CoreIdTokenClaims, CoreIdTokenFields, CoreJsonWebKeySet, CoreJwsSigningAlgorithm, CoreProviderMetadata, CoreResponseType,
    CoreRsaPrivateSigningKey, CoreSubjectIdentifierType, CoreTokenResponse, CoreTokenType,
};
use openidconnect::{
    AccessToken, Audience, AuthUrl, EmptyAdditionalClaims, EmptyAdditionalProviderMetadata, EmptyExtraTokenFields, EndUserEmail, IssuerUrl,
    JsonWebKeyId, JsonWebKeySetUrl, Nonce, PrivateSigningKey, ResponseTypes, StandardClaims, SubjectIdentifier, TokenUrl,
};
use sha2::{Digest, Sha256};
use verband_service::{OidcConfig, SsoCallback};

pub const CLIENT_ID: &str = "verband-test";
pub const CLIENT_SECRET: &str = "verband-test-secret";
pub const REDIRECT_URL: &str = "https://verband.example.nl/inloggen/sso/terug";

const KEY: &str = include_str!("key1.pem");
/// Another key, unknown to the key set, under the same key id: a forged signature.
const OTHER_KEY: &str = include_str!("key2.pem");

/// What the provider's ID token for one sign-in says.
#[derive(Debug, Clone)]
pub struct Claims {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    /// Another issuer than the provider's own.
    pub issuer: Option<String>,
    /// Another audience than Verband's client ID.
    pub audience: Option<String>,
    /// Another nonce than the one Verband sent.
    pub nonce: Option<String>,
    /// Expired an hour ago.
    pub expired: bool,
    /// Signed with a key that is not in the key set.
    pub forged: bool,
}

impl Claims {
    /// A person with a verified e-mail address.
    pub fn person(subject: &str, email: &str) -> Claims {
        Claims {
            subject: subject.into(),
            email: Some(email.into()),
            email_verified: Some(true),
            issuer: None,
            audience: None,
            nonce: None,
            expired: false,
            forged: false,
        }
    }
}

struct Grant {
    claims: Claims,
    nonce: String,
    challenge: String,
}

struct Inner {
    issuer: String,
    grants: HashMap<String, Grant>,
    token_requests: usize,
}

#[derive(Clone)]
pub struct TestProvider {
    pub issuer: String,
    inner: Arc<Mutex<Inner>>,
}

impl TestProvider {
    /// Starts the provider on a free port of 127.0.0.1.
    pub async fn start() -> TestProvider {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the provider");
        let issuer = format!("http://{}", listener.local_addr().expect("address"));
        let inner = Arc::new(Mutex::new(Inner { issuer: issuer.clone(), grants: HashMap::new(), token_requests: 0 }));
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/token", post(token))
            .with_state(inner.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        TestProvider { issuer, inner }
    }

    /// Verband's settings for this provider.
    pub fn config(&self, email_domains: &[&str]) -> OidcConfig {
        OidcConfig {
            issuer: self.issuer.clone(),
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            redirect_url: REDIRECT_URL.into(),
            email_domains: email_domains.iter().map(|d| d.to_string()).collect(),
        }
    }

    /// What the provider's authorization endpoint does when the person signs
    /// in: checks Verband's request and answers with a one-time code.
    pub fn authorize(&self, authorize_url: &str, claims: Claims) -> SsoCallback {
        let url = openidconnect::url::Url::parse(authorize_url).expect("authorize URL");
        let q: HashMap<String, String> = url.query_pairs().into_owned().collect();
        assert!(authorize_url.starts_with(&format!("{}/authorize?", self.issuer)), "{authorize_url}");
        assert_eq!(q.get("response_type").map(String::as_str), Some("code"));
        assert_eq!(q.get("client_id").map(String::as_str), Some(CLIENT_ID));
        assert_eq!(q.get("redirect_uri").map(String::as_str), Some(REDIRECT_URL));
        let scopes: Vec<&str> = q["scope"].split(' ').collect();
        for s in ["openid", "email", "profile"] {
            assert!(scopes.contains(&s), "scope {s} in {scopes:?}");
        }
        assert_eq!(q.get("code_challenge_method").map(String::as_str), Some("S256"), "PKCE with S256");
        let code = format!("code-{}", rand::random::<u64>());
        let grant = Grant { claims, nonce: q["nonce"].clone(), challenge: q["code_challenge"].clone() };
        self.inner.lock().expect("provider state").grants.insert(code.clone(), grant);
        SsoCallback { code: Some(code), state: Some(q["state"].clone()), error: None }
    }

    pub fn token_requests(&self) -> usize {
        self.inner.lock().expect("provider state").token_requests
    }
}

fn signing_key(pem: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new("test-key".into()))).expect("test key")
}

async fn discovery(State(inner): State<Arc<Mutex<Inner>>>) -> Json<CoreProviderMetadata> {
    let issuer = inner.lock().expect("provider state").issuer.clone();
    let metadata = CoreProviderMetadata::new(
        IssuerUrl::new(issuer.clone()).expect("issuer"),
        AuthUrl::new(format!("{issuer}/authorize")).expect("auth URL"),
        JsonWebKeySetUrl::new(format!("{issuer}/jwks")).expect("jwks URL"),
        vec![ResponseTypes::new(vec![CoreResponseType::Code])],
        vec![CoreSubjectIdentifierType::Public],
        vec![CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256],
        EmptyAdditionalProviderMetadata {},
    )
    .set_token_endpoint(Some(TokenUrl::new(format!("{issuer}/token")).expect("token URL")));
    Json(metadata)
}

async fn jwks() -> Json<CoreJsonWebKeySet> {
    Json(CoreJsonWebKeySet::new(vec![signing_key(KEY).as_verification_key()]))
}

fn token_error(error: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(serde_json::json!({ "error": error }))).into_response()
}

async fn token(State(inner): State<Arc<Mutex<Inner>>>, headers: HeaderMap, Form(form): Form<HashMap<String, String>>) -> Response {
    let mut inner = inner.lock().expect("provider state");
    inner.token_requests += 1;
    // client_secret_basic: the ID and secret, form-encoded, in Basic auth.
    let expected = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if auth != format!("Basic {expected}") {
        return token_error("invalid_client");
    }
    if form.get("grant_type").map(String::as_str) != Some("authorization_code")
        || form.get("redirect_uri").map(String::as_str) != Some(REDIRECT_URL)
    {
        return token_error("invalid_request");
    }
    let Some(grant) = form.get("code").and_then(|c| inner.grants.remove(c)) else { return token_error("invalid_grant") };
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    if challenge != grant.challenge {
        return token_error("invalid_grant");
    }
    let c = grant.claims;
    let now = Utc::now();
    let (issued, expires) =
        if c.expired { (now - Duration::hours(2), now - Duration::hours(1)) } else { (now, now + Duration::minutes(5)) };
    let mut standard = StandardClaims::new(SubjectIdentifier::new(c.subject.clone()));
    standard = standard.set_email(c.email.clone().map(EndUserEmail::new)).set_email_verified(c.email_verified);
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(c.issuer.clone().unwrap_or_else(|| inner.issuer.clone())).expect("issuer"),
        vec![Audience::new(c.audience.clone().unwrap_or_else(|| CLIENT_ID.to_string()))],
        expires,
        issued,
        standard,
        EmptyAdditionalClaims {},
    )
    .set_nonce(Some(Nonce::new(c.nonce.clone().unwrap_or(grant.nonce))));
    let key = signing_key(if c.forged { OTHER_KEY } else { KEY });
    let access_token = AccessToken::new(format!("at-{}", rand::random::<u64>()));
    let id_token = CoreIdToken::new(claims, &key, CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256, Some(&access_token), None)
        .expect("sign the ID token");
    let response =
        CoreTokenResponse::new(access_token, CoreTokenType::Bearer, CoreIdTokenFields::new(Some(id_token), EmptyExtraTokenFields {}));
    Json(response).into_response()
}
