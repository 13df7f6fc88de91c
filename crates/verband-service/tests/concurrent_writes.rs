//! Many people saving at once: every write succeeds on both engines. On
//! SQLite a transaction that reads before it writes used to fail at once with
//! "database is locked" when another writer committed in between.

mod support;

use support::{both, network, org_form, partner, person_form, system};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_records_saved_at_once_all_arrive() {
    both(|svc| async move {
        let network_id = network(&svc, "Druk netwerk").await;
        let home = partner(&svc, network_id, "Thuisbasis", "welfare").await.id;
        // Adding a person reads (its organisation) before it writes; adding a
        // partner writes at once. Both kinds interleave here.
        let mut tasks = Vec::new();
        for i in 0..32 {
            let s = svc.clone();
            tasks.push(tokio::spawn(async move {
                s.create_partner(&system(), network_id, &org_form(&format!("Partner {i}"), "welfare")).await.map(|_| ())
            }));
            let s = svc.clone();
            tasks.push(tokio::spawn(async move {
                s.create_person(&system(), network_id, &person_form(&format!("Persoon {i}"), Some(home))).await.map(|_| ())
            }));
        }
        let mut failures = Vec::new();
        for t in tasks {
            if let Err(e) = t.await.expect("task") {
                failures.push(e.to_string());
            }
        }
        assert!(failures.is_empty(), "{} of 64 failed: {failures:?}", failures.len());
        let mut conn = svc.store().conn().await.expect("connection");
        let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).bind(network_id);
        assert_eq!(count("SELECT COUNT(*) FROM memberships WHERE network_id = $1").fetch_one(&mut *conn).await.expect("count"), 33);
        assert_eq!(count("SELECT COUNT(*) FROM persons WHERE network_id = $1").fetch_one(&mut *conn).await.expect("count"), 32);
    })
    .await;
}
