//! Errors of the API, mapped once to `application/problem+json` (RFC 9457).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use verband_domain::{Language, ValidationErrors};
use verband_service::ServiceError;

use crate::i18n::{has_key, translate};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem detail (RFC 9457). `type` is `about:blank` for every problem, so
/// `title` is the HTTP status phrase; `detail` says in plain words what happened.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "type": "about:blank",
    "title": "Bad Request",
    "status": 400,
    "detail": "2 fields are not valid.",
    "invalidParams": [
        {"name": "name", "reason": "This field is required.", "code": "required"},
        {"name": "kvkNumber", "reason": "A KvK number has exactly 8 digits.", "code": "kvk-invalid"}
    ]
}))]
pub struct Problem {
    /// A URI naming the kind of problem; always `about:blank` in this version.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Every invalid field or query parameter of the request, all at once (400 only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct InvalidParam {
    /// The field of the body (camelCase) or the query parameter.
    pub name: String,
    /// A plain English sentence.
    pub reason: String,
    /// A stable code for programs, e.g. `required`, `kvk-invalid`.
    pub code: String,
}

#[derive(Debug)]
pub enum ApiError {
    /// No bearer token was sent.
    MissingToken,
    /// A token was sent but is unknown or revoked.
    InvalidToken,
    NotFound,
    Forbidden,
    MethodNotAllowed,
    Invalid(ValidationErrors),
    /// The request could not be read (malformed JSON, wrong content type); the text is for the client.
    BadRequest(String),
    TooLarge,
    Conflict(String),
    Internal(String),
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::NotFound => ApiError::NotFound,
            ServiceError::Forbidden => ApiError::Forbidden,
            ServiceError::Invalid(v) => ApiError::Invalid(v),
            // Neither happens on API routes (no log-in here); treat as an invalid token.
            ServiceError::BadCredentials | ServiceError::Throttled => ApiError::InvalidToken,
            ServiceError::Conflict(m) => ApiError::Conflict(m),
            ServiceError::Store(e) => ApiError::Internal(e.to_string()),
            ServiceError::Search(e) => ApiError::Internal(e),
        }
    }
}

/// The sentence for a validation code. The catalogue's sentences are written
/// for form fields ("Fill this in."), so a few read better reworded for an API.
pub fn reason(code: &str) -> String {
    let own = match code {
        "required" => Some("This field is required."),
        "choice-invalid" => Some("This is not one of the allowed values."),
        "page-invalid" => Some("Use a whole number of 1 or more."),
        "page-size-invalid" => Some("Use a whole number from 1 to 100."),
        "sort-invalid" => Some("This is not a column the list can be sorted by."),
        "dir-invalid" => Some("Use asc or desc."),
        "boolean-invalid" => Some("Use true or false."),
        "id-invalid" => Some("Use the whole-number id of an object."),
        _ => None,
    };
    if let Some(text) = own {
        return text.to_string();
    }
    let key = format!("error-{code}");
    if has_key(Language::En, &key) {
        translate(Language::En, &key)
    } else {
        "This value is not valid.".to_string()
    }
}

fn problem(status: StatusCode, detail: impl Into<String>, invalid_params: Vec<InvalidParam>) -> Problem {
    Problem {
        kind: "about:blank".into(),
        title: status.canonical_reason().unwrap_or("Error").into(),
        status: status.as_u16(),
        detail: detail.into(),
        invalid_params,
    }
}

impl ApiError {
    fn to_problem(&self) -> Problem {
        match self {
            ApiError::MissingToken => {
                problem(StatusCode::UNAUTHORIZED, "Send an API token in the header Authorization: Bearer <token>.", vec![])
            }
            ApiError::InvalidToken => problem(StatusCode::UNAUTHORIZED, "The API token is unknown or has been revoked.", vec![]),
            ApiError::NotFound => problem(StatusCode::NOT_FOUND, "This resource does not exist, or you have no access to it.", vec![]),
            ApiError::Forbidden => problem(StatusCode::FORBIDDEN, "Your role in this network does not allow this.", vec![]),
            ApiError::MethodNotAllowed => problem(StatusCode::METHOD_NOT_ALLOWED, "This resource does not support this method.", vec![]),
            ApiError::Invalid(errors) => {
                let params: Vec<InvalidParam> = errors
                    .0
                    .iter()
                    .map(|e| InvalidParam { name: e.field.clone(), reason: reason(&e.code), code: e.code.clone() })
                    .collect();
                let detail = match params.len() {
                    1 => "1 field is not valid.".to_string(),
                    n => format!("{n} fields are not valid."),
                };
                problem(StatusCode::BAD_REQUEST, detail, params)
            }
            ApiError::BadRequest(detail) => problem(StatusCode::BAD_REQUEST, detail.clone(), vec![]),
            ApiError::TooLarge => problem(StatusCode::PAYLOAD_TOO_LARGE, "The request body is too large.", vec![]),
            ApiError::Conflict(_) => problem(StatusCode::CONFLICT, "This conflicts with what is already stored.", vec![]),
            ApiError::Internal(_) => {
                problem(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side. Try again later.", vec![])
            }
        }
    }
}

/// A problem+json response with this status and body.
pub fn problem_response(p: &Problem) -> Response {
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(p).unwrap_or_else(|_| b"{\"type\":\"about:blank\",\"status\":500}".to_vec());
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))], body).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Internal(m) => tracing::error!("api internal error: {m}"),
            ApiError::Conflict(m) => tracing::info!("api conflict: {m}"),
            _ => {}
        }
        let mut response = problem_response(&self.to_problem());
        let challenge = match self {
            ApiError::MissingToken => Some("Bearer realm=\"verband\""),
            ApiError::InvalidToken => Some("Bearer realm=\"verband\", error=\"invalid_token\""),
            _ => None,
        };
        if let Some(c) = challenge {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(c));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_with_a_sentence() {
        let mut v = ValidationErrors::default();
        v.add("name", "required");
        v.add("kvkNumber", "kvk-invalid");
        let p = ApiError::Invalid(v).to_problem();
        assert_eq!(p.status, 400);
        assert_eq!(p.invalid_params.len(), 2);
        assert_eq!(p.invalid_params[1].reason, "A KvK number has exactly 8 digits.");
        assert_eq!(reason("no-such-code"), "This value is not valid.");
    }

    #[test]
    fn internal_errors_do_not_leak() {
        let p = ApiError::Internal("database is locked at /secret/path".into()).to_problem();
        assert!(!p.detail.contains("secret"));
        assert_eq!(p.title, "Internal Server Error");
    }
}
