use verband_domain::ValidationErrors;
use verband_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The object does not exist, or the actor may not know that it does.
    #[error("not found")]
    NotFound,
    /// The actor can see the object but may not do this with it.
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input: {0}")]
    Invalid(ValidationErrors),
    #[error("wrong user name or password")]
    BadCredentials,
    #[error("too many failed log-ins; try again later")]
    Throttled,
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The full-text index failed (disk, lock); the database is unaffected.
    #[error("search index: {0}")]
    Search(String),
}

impl From<verband_search::SearchError> for ServiceError {
    fn from(e: verband_search::SearchError) -> Self {
        ServiceError::Search(e.to_string())
    }
}

impl From<ValidationErrors> for ServiceError {
    fn from(e: ValidationErrors) -> Self {
        ServiceError::Invalid(e)
    }
}

/// Commit and rollback errors come straight from the driver.
impl From<verband_store::SqlxError> for ServiceError {
    fn from(e: verband_store::SqlxError) -> Self {
        ServiceError::Store(StoreError::from(e))
    }
}
