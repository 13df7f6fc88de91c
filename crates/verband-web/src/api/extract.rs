//! Extractors of the API. Each turns its failure into a problem+json
//! response, so axum's plain-text rejections never reach a client.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;
use verband_service::{Actor, Channel, Origin};

use super::problem::ApiError;
use crate::AppState;

/// The user behind the request's bearer token, as the service's actor.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let raw = parts.headers.get(header::AUTHORIZATION).ok_or(ApiError::MissingToken)?;
        let raw = raw.to_str().map_err(|_| ApiError::InvalidToken)?;
        let (scheme, token) = raw.trim().split_once(' ').ok_or(ApiError::InvalidToken)?;
        let token = token.trim();
        if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
            return Err(ApiError::InvalidToken);
        }
        let user = state.service.user_for_api_token(token).await?.ok_or(ApiError::InvalidToken)?;
        let ip = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(ApiActor(state.service.actor_for(&user, Origin { channel: Channel::Api, ip })))
    }
}

/// Path ids. An id that is not a number cannot name anything, hence 404.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state).await.map(|Path(v)| ApiPath(v)).map_err(|_| ApiError::NotFound)
    }
}

/// A JSON body. Whole-number JSON values of top-level fields, and of arrays
/// in top-level fields, are accepted where the form types hold text (ids,
/// counts, id lists), because the forms keep what was typed as text while API
/// clients naturally send numbers.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut object = read_object(req, state, false).await?.unwrap_or_default();
        object.retain(|_, v| !v.is_null());
        for v in object.values_mut() {
            match v {
                serde_json::Value::Array(items) => items.iter_mut().for_each(number_to_text),
                other => number_to_text(other),
            }
        }
        typed(object).map(ApiJson)
    }
}

/// Like [`ApiJson`], but the body may also be left out (empty), which reads
/// as an empty object: for actions whose every field is optional.
pub struct ApiJsonOrEmpty<T>(pub T);

impl<T, S> FromRequest<S> for ApiJsonOrEmpty<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut object = read_object(req, state, true).await?.unwrap_or_default();
        object.retain(|_, v| !v.is_null());
        object.values_mut().for_each(number_to_text);
        typed(object).map(ApiJsonOrEmpty)
    }
}

/// A JSON body read as it is, for types whose fields are numbers (settings)
/// rather than the text of a form.
pub struct ApiTypedJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiTypedJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let object = read_object(req, state, false).await?.unwrap_or_default();
        typed(object).map(ApiTypedJson)
    }
}

fn number_to_text(v: &mut serde_json::Value) {
    if let Some(n) = v.as_i64().map(|n| n.to_string()).or_else(|| v.as_u64().map(|n| n.to_string())) {
        *v = serde_json::Value::String(n);
    }
}

fn typed<T: DeserializeOwned>(object: serde_json::Map<String, serde_json::Value>) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::Object(object))
        .map_err(|e| ApiError::BadRequest(format!("The request body does not have the expected form: {e}.")))
}

/// The body as a JSON object; `None` for an empty body when `may_be_empty`.
async fn read_object<S: Send + Sync>(
    req: Request,
    state: &S,
    may_be_empty: bool,
) -> Result<Option<serde_json::Map<String, serde_json::Value>>, ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    let is_json =
        content_type.as_deref().is_some_and(|m| m == "application/json" || (m.starts_with("application/") && m.ends_with("+json")));
    let bytes = Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge
        } else {
            ApiError::BadRequest("The request body could not be read.".into())
        }
    })?;
    if may_be_empty && bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    if !is_json {
        return Err(ApiError::BadRequest("Send the request body as JSON with the header Content-Type: application/json.".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| ApiError::BadRequest(format!("The request body is not valid JSON: {e}.")))?;
    match value {
        serde_json::Value::Object(object) => Ok(Some(object)),
        _ => Err(ApiError::BadRequest("The request body must be a JSON object.".into())),
    }
}
