//! Runs each service test twice: on a fresh SQLite file and on a fresh
//! PostgreSQL database, so that the one query code path is proven on both
//! engines (ARCHITECTURE.md, "the same test suite runs against both").
//!
//! PostgreSQL is never skipped: a test that cannot reach it fails and says
//! how to start it.

#![allow(dead_code)] // each test file uses its own part of this module

use std::future::Future;
use std::panic::AssertUnwindSafe;

use rand::Rng;
use sqlx::Connection;
use verband_domain::{NetworkForm, NetworkRole, OrganisationForm, Partner, PersonForm};
use verband_service::{Actor, Channel, Origin, Service, UserRecord};
use verband_store::Store;

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
/// Long enough for the password rules; every test user gets it.
pub const PASSWORD: &str = "correct horse battery";

fn admin_url() -> String {
    std::env::var("VERBAND_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_string())
}

/// Runs `body` on SQLite, then on PostgreSQL. A failure names the engine.
pub async fn both<F, Fut>(body: F)
where
    F: Fn(Service) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    on_sqlite(&body).await;
    on_postgres(&body).await;
}

async fn on_sqlite<F, Fut>(body: &F)
where
    F: Fn(Service) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = tempfile::tempdir().expect("temp dir for SQLite");
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await.unwrap_or_else(|e| panic!("[SQLite] cannot open database: {e}"));
    store.migrate().await.unwrap_or_else(|e| panic!("[SQLite] migration failed: {e}"));
    let outcome = run(Service::new(store.clone()), body).await;
    store.close().await;
    drop(dir);
    if let Err(message) = outcome {
        panic!("test failed on SQLite: {message}");
    }
}

async fn on_postgres<F, Fut>(body: &F)
where
    F: Fn(Service) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let admin = admin_url();
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap_or_else(|e| {
        panic!(
            "[PostgreSQL] cannot connect to {admin}: {e}\n\
             These tests run on PostgreSQL as well as SQLite and are never skipped.\n\
             Start PostgreSQL (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`)\n\
             or point VERBAND_TEST_POSTGRES_URL at a server where this user may CREATE DATABASE."
        )
    });
    let name = format!("verband_t_{:016x}", rand::thread_rng().gen::<u64>());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("[PostgreSQL] cannot create database {name} via {admin}: {e}"));
    let url = database_url(&admin, &name);
    let outcome = async {
        let store = Store::connect(&url).await.map_err(|e| format!("cannot connect to {url}: {e}"))?;
        store.migrate().await.map_err(|e| format!("migration failed: {e}"))?;
        let outcome = run(Service::new(store.clone()), body).await;
        store.close().await;
        outcome
    }
    .await;
    // Dropped even when the body failed, so failed runs leave nothing behind.
    let dropped = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await;
    let _ = conn.close().await;
    if let Err(message) = outcome {
        panic!("test failed on PostgreSQL (database {name}): {message}");
    }
    if let Err(e) = dropped {
        panic!("[PostgreSQL] cannot drop test database {name}: {e}");
    }
}

/// The admin URL with its database name replaced.
pub fn database_url(admin: &str, database: &str) -> String {
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let root = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{database}?{q}"),
        None => format!("{root}/{database}"),
    }
}

/// Runs the body in its own task so that a panic comes back as a message
/// and the database can still be cleaned up.
async fn run<F, Fut>(service: Service, body: &F) -> Result<(), String>
where
    F: Fn(Service) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let fut = std::panic::catch_unwind(AssertUnwindSafe(|| body(service))).map_err(panic_message)?;
    match tokio::spawn(fut).await {
        Ok(()) => Ok(()),
        Err(e) if e.is_panic() => Err(panic_message(e.into_panic())),
        Err(e) => Err(format!("test task did not finish: {e}")),
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

// ---- fixtures -------------------------------------------------------------

pub fn system() -> Actor {
    Actor::system("test")
}

pub fn web() -> Origin {
    Origin { channel: Channel::Web, ip: None }
}

pub async fn network(svc: &Service, name: &str) -> i64 {
    svc.create_network(&system(), &NetworkForm { name: name.into(), region: "Rivierenland".into(), ..Default::default() })
        .await
        .expect("create network")
}

pub fn org_form(name: &str, sector: &str) -> OrganisationForm {
    OrganisationForm { name: name.into(), sector: sector.into(), ownership: "public".into(), ..Default::default() }
}

pub async fn partner(svc: &Service, network_id: i64, name: &str, sector: &str) -> Partner {
    svc.create_partner(&system(), network_id, &org_form(name, sector)).await.expect("create partner")
}

pub fn person_form(name: &str, organisation_id: Option<i64>) -> PersonForm {
    PersonForm {
        name: name.into(),
        organisation_id: organisation_id.map(|i| i.to_string()).unwrap_or_default(),
        data_source: "Opgegeven door de organisatie".into(),
        ..Default::default()
    }
}

/// A user with `role` in `network_id` (or none), as an actor acting via the web.
pub async fn user(svc: &Service, username: &str, role: Option<(i64, NetworkRole)>) -> (UserRecord, Actor) {
    svc.add_user(&system(), username, username, PASSWORD, false).await.expect("add user");
    if let Some((network_id, role)) = role {
        svc.grant(&system(), username, network_id, role).await.expect("grant");
    }
    let mut conn = svc.store().conn().await.expect("connection");
    let record = verband_store::user_by_username(&mut conn, username).await.expect("read user").expect("user exists");
    let actor = svc.actor_for(&record, web());
    (record, actor)
}

pub async fn audit_count(svc: &Service) -> usize {
    let mut conn = svc.store().conn().await.expect("connection");
    verband_store::all_audit(&mut conn, 100_000).await.expect("audit").len()
}

pub async fn change_count(svc: &Service) -> usize {
    let mut conn = svc.store().conn().await.expect("connection");
    verband_store::changes_since(&mut conn, 0, 100_000).await.expect("changes").len()
}

pub async fn last_seq(svc: &Service) -> i64 {
    let mut conn = svc.store().conn().await.expect("connection");
    verband_store::changes_since(&mut conn, 0, 100_000).await.expect("changes").last().map_or(0, |c| c.seq)
}
