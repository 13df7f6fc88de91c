//! The one error type of the crate.

/// What can go wrong while opening, writing or searching the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Another writer (another process on the same data directory, or a
    /// `verband reindex` while the server runs) holds the index lock.
    #[error("the search index is in use by another process: {0}")]
    Locked(String),
    /// A file of the index could not be read or written.
    #[error("search index I/O: {0}")]
    Io(#[from] std::io::Error),
    /// Tantivy reported a problem (corrupt file, failed merge, …).
    #[error("search index: {0}")]
    Index(tantivy::TantivyError),
    /// A thread panicked while holding the writer; the index stays as it was
    /// at the last commit, and a new `SearchIndex` can be opened.
    #[error("the search index writer was poisoned by a panic")]
    Poisoned,
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        match e {
            tantivy::TantivyError::LockFailure(lock, msg) => {
                SearchError::Locked(format!("{lock}{}", msg.map(|m| format!(" ({m})")).unwrap_or_default()))
            }
            other => SearchError::Index(other),
        }
    }
}

/// Result with [`SearchError`].
pub type Result<T, E = SearchError> = std::result::Result<T, E>;
