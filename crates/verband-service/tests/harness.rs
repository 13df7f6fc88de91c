//! Checks the two-engine test harness itself: both engines really run, a
//! failure names its engine, and no test database is left behind.

mod support;

use std::sync::{Arc, Mutex};

use sqlx::{Connection, Row};
use support::{both, database_url, network};
use verband_service::Engine;

#[tokio::test]
async fn every_body_runs_once_per_engine_on_a_fresh_database() {
    let seen: Arc<Mutex<Vec<(Engine, usize)>>> = Arc::default();
    let record = seen.clone();
    both(move |svc| {
        let record = record.clone();
        async move {
            let before = svc.my_networks(&support::system()).await.unwrap().len();
            network(&svc, "Netwerk").await;
            record.lock().unwrap().push((svc.store().engine(), before));
        }
    })
    .await;
    assert_eq!(*seen.lock().unwrap(), [(Engine::Sqlite, 0), (Engine::Postgres, 0)]);
}

#[tokio::test]
async fn a_failure_names_its_engine_and_the_database_is_dropped() {
    let outcome = tokio::spawn(both(|svc| async move {
        if svc.store().engine() == Engine::Postgres {
            panic!("only on PostgreSQL");
        }
    }))
    .await;
    let payload = outcome.expect_err("the PostgreSQL run must fail").into_panic();
    let message = payload.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(message.starts_with("test failed on PostgreSQL (database verband_t_"), "{message}");
    assert!(message.ends_with("only on PostgreSQL"), "{message}");

    let name = message.split("(database ").nth(1).and_then(|s| s.split(')').next()).unwrap_or_default().to_string();
    let admin = std::env::var("VERBAND_TEST_POSTGRES_URL").unwrap_or_else(|_| support::DEFAULT_POSTGRES_URL.to_string());
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    let left = sqlx::query("SELECT COUNT(*) AS n FROM pg_database WHERE datname = $1").bind(&name).fetch_one(&mut conn).await.unwrap();
    assert_eq!(left.get::<i64, _>("n"), 0, "database {name} was dropped");
}

#[test]
fn database_url_swaps_only_the_database() {
    assert_eq!(database_url("postgres://postgres@127.0.0.1:5432/postgres", "x"), "postgres://postgres@127.0.0.1:5432/x");
    assert_eq!(database_url("postgres://u:p@h/db?sslmode=disable", "x"), "postgres://u:p@h/x?sslmode=disable");
    assert_eq!(database_url("postgres://h:5432", "x"), "postgres://h:5432/x");
}
