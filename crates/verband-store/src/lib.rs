//! All SQL of Verband, for SQLite and PostgreSQL through one code path.
//!
//! Queries use `$1`-style placeholders, which both engines accept, and only
//! portable column types (integers, text), so one query text serves both.
//! Times are stored as RFC 3339 UTC text and dates as ISO text.

mod accounts;
mod agreements;
mod audit;
mod auth;
mod checklist;
mod goals;
mod import_uploads;
mod knowledge;
mod meetings;
mod network_invitations;
mod networks;
mod oidc;
mod partners;
mod persons;
mod projects;
mod relationships;
mod search_rows;
mod sql;
mod surveys;
mod two_factor;
mod users;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Connection};

pub type Conn = AnyConnection;
pub type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored value is not valid: {0}")]
    Corrupt(String),
    #[error("unsupported database URL (use sqlite:// or postgres://): {0}")]
    UnsupportedUrl(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The database handle shared by all requests.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    engine: Engine,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

impl Store {
    /// Opens (and for SQLite creates) the database. Does not migrate.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let engine = if url.starts_with("sqlite:") {
            Engine::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Engine::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        };
        let options = AnyConnectOptions::from_str(url)?.log_statements(tracing::log::LevelFilter::Trace);
        let pool = match engine {
            Engine::Sqlite => {
                // WAL lets readers work while one writer commits; the setting
                // lives in the file, so set it once on a first connection.
                let mut first = AnyConnection::connect_with(&options).await?;
                sqlx::query("PRAGMA journal_mode = WAL").execute(&mut first).await?;
                first.close().await?;
                AnyPoolOptions::new()
                    .max_connections(8)
                    .min_connections(1)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                            sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut *conn).await?;
                            sqlx::query("PRAGMA busy_timeout = 5000").execute(&mut *conn).await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Engine::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .min_connections(1)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?
            }
        };
        Ok(Store { pool, engine })
    }

    /// The URL of a SQLite file in `dir`, created when missing.
    pub fn sqlite_url_in(dir: &std::path::Path) -> String {
        format!("sqlite://{}?mode=rwc", dir.join("verband.sqlite").display())
    }

    pub async fn migrate(&self) -> Result<()> {
        match self.engine {
            Engine::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Engine::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// A write transaction. On SQLite it takes the write lock at the start
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and then
    /// writes fails at once ("database is locked", SQLITE_BUSY_SNAPSHOT) when
    /// another writer committed in between, and the busy timeout cannot help;
    /// taking the lock first makes concurrent writers wait their turn instead.
    pub async fn begin(&self) -> Result<Tx<'static>> {
        match self.engine {
            Engine::Sqlite => Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?),
            Engine::Postgres => Ok(self.pool.begin().await?),
        }
    }

    /// A pooled connection for reads.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>> {
        Ok(self.pool.acquire().await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The current time as stored: RFC 3339 UTC with second precision.
pub fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub use accounts::*;
pub use agreements::*;
pub use audit::*;
pub use auth::*;
pub use checklist::*;
pub use goals::*;
pub use import_uploads::*;
pub use knowledge::*;
pub use meetings::*;
pub use network_invitations::*;
pub use networks::*;
pub use oidc::*;
pub use partners::*;
pub use persons::*;
pub use projects::*;
pub use relationships::*;
pub use search_rows::*;
pub use sqlx::Error as SqlxError;
pub use surveys::*;
pub use two_factor::*;
pub use users::*;
