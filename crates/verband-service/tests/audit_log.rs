//! The audit log page's reading: a coordinator reads their own network's
//! rows only, the administrator everything (also log-ins, which belong to
//! no network), other roles are refused; filters, paging, the CSV export
//! (itself logged) and the downloads that must leave a trace. On SQLite and
//! PostgreSQL.

mod support;

use support::{both, network, partner, system, user, web, PASSWORD};
use verband_domain::{NetworkRole, PageRequest};
use verband_service::{AuditQuery, AuditScope, ServiceError, SheetKind};

#[tokio::test]
async fn a_coordinator_reads_only_their_own_network() {
    both(|svc| async move {
        let a = network(&svc, "Alfa").await;
        let b = network(&svc, "Bravo").await;
        let (_, coco) = user(&svc, "coco", Some((a, NetworkRole::Coordinator))).await;
        svc.create_partner(&coco, a, &support::org_form("Gemeente Alfa", "municipality")).await.unwrap();
        partner(&svc, b, "Gemeente Bravo", "municipality").await;
        svc.login("coco", PASSWORD, web()).await.unwrap();
        assert!(svc.login("coco", "wrong password!", web()).await.is_err());

        let view = svc.audit_view(&coco, AuditScope::Network(a), &AuditQuery::default(), PageRequest::default()).await.unwrap();
        assert!(!view.entries.items.is_empty());
        assert!(view.entries.items.iter().all(|r| r.network_id == Some(a)), "only Alfa's rows: {:#?}", view.entries.items);
        assert!(view.entries.items.iter().any(|r| r.object_label.as_deref() == Some("Gemeente Alfa")));
        assert!(view.entries.items.iter().all(|r| r.action != "login"), "log-ins belong to no network");
        assert_eq!(view.entries.total, view.entries.items.len() as i64);
        assert_eq!(view.network.as_ref().map(|(n, _)| n.name.as_str()), Some("Alfa"));
        assert!(view.actors.contains(&"coco".to_string()));
        assert!(view.actions.contains(&"create".to_string()));
        // Newest first.
        assert!(view.entries.items.windows(2).all(|w| w[0].id > w[1].id));

        // Bravo does not exist for Alfa's coordinator.
        let other = svc.audit_view(&coco, AuditScope::Network(b), &AuditQuery::default(), PageRequest::default()).await;
        assert!(matches!(other, Err(ServiceError::NotFound)), "{:?}", other.err());
        let all = svc.audit_view(&coco, AuditScope::Everything, &AuditQuery::default(), PageRequest::default()).await;
        assert!(matches!(all, Err(ServiceError::Forbidden)), "{:?}", all.err());
    })
    .await;
}

#[tokio::test]
async fn steering_members_and_advisors_are_refused() {
    both(|svc| async move {
        let a = network(&svc, "Alfa").await;
        for (name, role) in [("stuur", NetworkRole::Steering), ("lid", NetworkRole::Member), ("advies", NetworkRole::Advisor)] {
            let (_, actor) = user(&svc, name, Some((a, role))).await;
            let view = svc.audit_view(&actor, AuditScope::Network(a), &AuditQuery::default(), PageRequest::default()).await;
            assert!(matches!(view, Err(ServiceError::Forbidden)), "{role:?}: {:?}", view.err());
            let csv = svc.audit_export(&actor, AuditScope::Network(a), &AuditQuery::default()).await;
            assert!(matches!(csv, Err(ServiceError::Forbidden)), "{role:?}: {:?}", csv.err());
        }
    })
    .await;
}

#[tokio::test]
async fn the_administrator_reads_everything_with_log_ins() {
    both(|svc| async move {
        let a = network(&svc, "Alfa").await;
        let b = network(&svc, "Bravo").await;
        user(&svc, "coco", Some((a, NetworkRole::Coordinator))).await;
        svc.add_user(&system(), "beheer", "Beheer", PASSWORD, true).await.unwrap();
        let admin = svc.login("beheer", PASSWORD, web()).await.unwrap().signed_in().expect("no second step");
        let admin = svc.actor_for(&admin.user, web());
        assert!(svc.login("coco", "not the password", web()).await.is_err());
        assert!(svc.login("nobody", "not the password", web()).await.is_err());
        partner(&svc, b, "Gemeente Bravo", "municipality").await;

        let view = svc.audit_view(&admin, AuditScope::Everything, &AuditQuery::default(), PageRequest::default()).await.unwrap();
        let items = &view.entries.items;
        assert!(items.iter().any(|r| r.network_id == Some(a)));
        assert!(items.iter().any(|r| r.network_id == Some(b)));
        assert!(items.iter().any(|r| r.action == "login" && r.result == "success" && r.actor == "beheer"));
        assert!(items.iter().any(|r| r.action == "login" && r.result == "failure" && r.actor == "nobody"));
        assert!(view.network.is_none());

        // Failed log-ins only.
        let q = AuditQuery { action: Some("login".into()), result: Some("failure".into()), ..Default::default() };
        let failed = svc.audit_view(&admin, AuditScope::Everything, &q, PageRequest::default()).await.unwrap();
        let actors: Vec<&str> = failed.entries.items.iter().map(|r| r.actor.as_str()).collect();
        assert_eq!(actors, ["nobody", "coco"]);
        // The admin reads a network's log too, as its coordinator would.
        let net = svc.audit_view(&admin, AuditScope::Network(b), &AuditQuery::default(), PageRequest::default()).await.unwrap();
        assert!(net.entries.items.iter().all(|r| r.network_id == Some(b)));
    })
    .await;
}

#[tokio::test]
async fn filters_narrow_and_pages_follow_each_other() {
    both(|svc| async move {
        let a = network(&svc, "Alfa").await;
        let (_, coco) = user(&svc, "coco", Some((a, NetworkRole::Coordinator))).await;
        for i in 0..5 {
            svc.create_partner(&coco, a, &support::org_form(&format!("Partner {i}"), "municipality")).await.unwrap();
        }
        partner(&svc, a, "Door het systeem", "municipality").await;
        let scope = AuditScope::Network(a);

        let by_coco = AuditQuery { actor: Some("coco".into()), ..Default::default() };
        let v = svc.audit_view(&coco, scope, &by_coco, PageRequest::default()).await.unwrap();
        assert_eq!(v.entries.total, 5);
        assert!(v.entries.items.iter().all(|r| r.actor == "coco"));
        // The choices stay those of the whole network, not of the narrowed rows.
        assert!(v.actors.contains(&"system:test".to_string()) && v.actors.contains(&"coco".to_string()));

        let first = svc.audit_view(&coco, scope, &by_coco, PageRequest::new(Some(1), Some(2))).await.unwrap();
        let second = svc.audit_view(&coco, scope, &by_coco, PageRequest::new(Some(2), Some(2))).await.unwrap();
        let third = svc.audit_view(&coco, scope, &by_coco, PageRequest::new(Some(3), Some(2))).await.unwrap();
        let labels = |v: &verband_service::AuditView| -> Vec<String> {
            v.entries.items.iter().map(|r| r.object_label.clone().unwrap_or_default()).collect()
        };
        assert_eq!(labels(&first), ["Partner 4", "Partner 3"]);
        assert_eq!(labels(&second), ["Partner 2", "Partner 1"]);
        assert_eq!(labels(&third), ["Partner 0"]);
        assert_eq!((first.entries.total, first.entries.page_count()), (5, 3));

        let today = chrono::Utc::now().date_naive();
        let tomorrow = today.succ_opt().unwrap();
        let yesterday = today.pred_opt().unwrap();
        let within = AuditQuery { from: Some(today), to: Some(today), ..Default::default() };
        let all = svc.audit_view(&coco, scope, &AuditQuery::default(), PageRequest::default()).await.unwrap();
        assert_eq!(svc.audit_view(&coco, scope, &within, PageRequest::default()).await.unwrap().entries.total, all.entries.total);
        let later = AuditQuery { from: Some(tomorrow), ..Default::default() };
        assert_eq!(svc.audit_view(&coco, scope, &later, PageRequest::default()).await.unwrap().entries.total, 0);
        let earlier = AuditQuery { to: Some(yesterday), ..Default::default() };
        assert_eq!(svc.audit_view(&coco, scope, &earlier, PageRequest::default()).await.unwrap().entries.total, 0);

        let updates = AuditQuery { action: Some("update".into()), ..Default::default() };
        assert_eq!(svc.audit_view(&coco, scope, &updates, PageRequest::default()).await.unwrap().entries.total, 0);
    })
    .await;
}

#[tokio::test]
async fn exporting_the_log_and_downloading_data_leave_a_trace() {
    both(|svc| async move {
        let a = network(&svc, "Alfa").await;
        let (_, coco) = user(&svc, "coco", Some((a, NetworkRole::Coordinator))).await;
        let (_, lid) = user(&svc, "lid", Some((a, NetworkRole::Member))).await;
        partner(&svc, a, "Gemeente Alfa", "municipality").await;

        let q = AuditQuery { action: Some("create".into()), ..Default::default() };
        let rows = svc.audit_export(&coco, AuditScope::Network(a), &q).await.unwrap();
        assert!(!rows.is_empty() && rows.iter().all(|r| r.action == "create" && r.network_id == Some(a)));

        svc.export_sheet(&lid, a, SheetKind::Persons, verband_domain::Language::Nl).await.unwrap();
        svc.export_network_file(&lid, a, None, verband_service::NetworkFileFormat::Gexf).await.unwrap();

        let q = AuditQuery { action: Some("export".into()), ..Default::default() };
        let v = svc.audit_view(&coco, AuditScope::Network(a), &q, PageRequest::default()).await.unwrap();
        let seen: Vec<(&str, &str)> = v.entries.items.iter().map(|r| (r.actor.as_str(), r.object_type.as_str())).collect();
        assert_eq!(seen, [("lid", "network_file"), ("lid", "sheet"), ("coco", "audit_log")]);
    })
    .await;
}

#[tokio::test]
async fn the_dashboard_knows_how_far_a_new_network_is() {
    both(|svc| async move {
        let a = network(&svc, "Alfa").await;
        let (_, coco) = user(&svc, "coco", Some((a, NetworkRole::Coordinator))).await;
        let v = svc.dashboard_view(&coco, a, 3).await.unwrap();
        assert_eq!(
            v.start,
            verband_domain::first_steps::NetworkStart { people_with_access: 1, ..Default::default() },
            "a fresh network has only its coordinator"
        );
        assert!(verband_domain::first_steps::show_first_steps(&v.start));
        assert!(!verband_domain::first_steps::show_measures(&v.start));

        partner(&svc, a, "Gemeente Alfa", "municipality").await;
        user(&svc, "lid", Some((a, NetworkRole::Member))).await;
        let v = svc.dashboard_view(&coco, a, 3).await.unwrap();
        assert_eq!((v.start.partners, v.start.people_with_access), (1, 2));
        assert!(verband_domain::first_steps::show_measures(&v.start));
    })
    .await;
}
