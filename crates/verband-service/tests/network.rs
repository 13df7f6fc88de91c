//! Networks, ambition, goals, interests and the dashboard, on SQLite and
//! PostgreSQL.

mod support;

use support::{both, network, org_form, partner, person_form, system};
use verband_domain::{AmbitionForm, GoalForm, InterestForm, NetworkForm, NetworkRole, Phase, Sector};
use verband_service::ServiceError;
use verband_store::NetworkCounts;

fn goal_form(title: &str) -> GoalForm {
    GoalForm {
        title: title.into(),
        indicator: "Aandeel inwoners dat zich gezond voelt".into(),
        baseline: "68%".into(),
        target: "75%".into(),
        target_date: "2030-12-31".into(),
    }
}

fn interest(org: i64, text: &str, goals: &[i64]) -> InterestForm {
    InterestForm { organisation_id: org.to_string(), description: text.into(), goal_ids: goals.iter().map(i64::to_string).collect() }
}

#[tokio::test]
async fn create_and_update_network() {
    both(|svc| async move {
        let form = NetworkForm {
            name: " Gezond Rivierenland ".into(),
            region: "Rivierenland".into(),
            inhabitants: "245.000".into(),
            domains: "zorg, welzijn; Zorg".into(),
            governance: "Bestuurlijke regiegroep met werkgroepen".into(),
            phase: "develop_and_grow".into(),
            start_date: "2023-09-01".into(),
        };
        let id = svc.create_network(&system(), &form).await.unwrap();
        let (n, role) = svc.network(&system(), id).await.unwrap();
        assert_eq!(role, NetworkRole::Coordinator);
        assert_eq!(n.id, id);
        assert_eq!(n.name, "Gezond Rivierenland");
        assert_eq!(n.region.as_deref(), Some("Rivierenland"));
        assert_eq!(n.inhabitants, Some(245_000));
        assert_eq!(n.domains, ["zorg", "welzijn"]);
        assert_eq!(n.phase, Phase::DevelopAndGrow);
        assert_eq!(n.start_date.map(|d| d.to_string()).as_deref(), Some("2023-09-01"));
        assert_eq!(n.ambition, None);

        svc.update_network(&system(), id, &NetworkForm { name: "Gezond Rivierenland 2".into(), ..Default::default() }).await.unwrap();
        let (n, _) = svc.network(&system(), id).await.unwrap();
        assert_eq!(n.name, "Gezond Rivierenland 2");
        assert_eq!((n.region, n.inhabitants, n.domains.len(), n.phase, n.start_date), (None, None, 0, Phase::BuildUp, None));

        let invalid = svc.create_network(&system(), &NetworkForm { inhabitants: "veel".into(), ..Default::default() }).await;
        match invalid {
            Err(ServiceError::Invalid(e)) => {
                assert!(e.for_field("name").is_some(), "{e}");
                assert!(e.for_field("inhabitants").is_some(), "{e}");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        assert_eq!(svc.my_networks(&system()).await.unwrap().len(), 1);
        let missing = svc.update_network(&system(), id + 1000, &NetworkForm { name: "X".into(), ..Default::default() }).await;
        assert!(matches!(missing, Err(ServiceError::NotFound)), "{missing:?}");
    })
    .await;
}

#[tokio::test]
async fn ambition_and_goals() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let other = network(&svc, "Ander netwerk").await;

        svc.set_ambition(&system(), n, &AmbitionForm { statement: "  Iedereen doet mee  ".into() }).await.unwrap();
        assert_eq!(svc.network(&system(), n).await.unwrap().0.ambition.as_deref(), Some("Iedereen doet mee"));
        assert_eq!(svc.network(&system(), other).await.unwrap().0.ambition, None, "only this network's ambition changed");

        let first = svc.save_goal(&system(), n, None, &goal_form("Gezonde wijken")).await.unwrap();
        let second = svc
            .save_goal(
                &system(),
                n,
                None,
                &GoalForm { baseline: String::new(), target_date: String::new(), ..goal_form("Minder eenzaamheid") },
            )
            .await
            .unwrap();
        let foreign = svc.save_goal(&system(), other, None, &goal_form("Elders")).await.unwrap();

        let g = svc.goal(&system(), n, first).await.unwrap();
        assert_eq!((g.title.as_str(), g.baseline.as_deref(), g.target.as_str()), ("Gezonde wijken", Some("68%"), "75%"));
        assert_eq!(g.target_date.map(|d| d.to_string()).as_deref(), Some("2030-12-31"));
        let g2 = svc.goal(&system(), n, second).await.unwrap();
        assert_eq!((g2.baseline, g2.target_date), (None, None));

        let mut edit = g.to_form();
        edit.target = "80%".into();
        assert_eq!(svc.save_goal(&system(), n, Some(first), &edit).await.unwrap(), first);
        assert_eq!(svc.goal(&system(), n, first).await.unwrap().target, "80%");

        // Archived goals come last.
        svc.set_goal_archived(&system(), n, first, true).await.unwrap();
        let goals = svc.goals(&system(), n).await.unwrap();
        assert_eq!(goals.iter().map(|g| (g.id, g.archived)).collect::<Vec<_>>(), [(second, false), (first, true)]);
        assert_eq!(svc.dashboard(&system(), n).await.unwrap().counts.goals, 1);
        svc.set_goal_archived(&system(), n, first, false).await.unwrap();
        let goals = svc.goals(&system(), n).await.unwrap();
        assert_eq!(goals.iter().map(|g| (g.id, g.archived)).collect::<Vec<_>>(), [(first, false), (second, false)]);

        // Another network's goal cannot be reached through this one.
        let r = svc.goal(&system(), n, foreign).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
        let r = svc.save_goal(&system(), n, Some(foreign), &goal_form("Gekaapt")).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
        let r = svc.set_goal_archived(&system(), n, foreign, true).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
        let foreign_goal = svc.goal(&system(), other, foreign).await.unwrap();
        assert_eq!((foreign_goal.title.as_str(), foreign_goal.archived), ("Elders", false));
    })
    .await;
}

#[tokio::test]
async fn interests_with_goal_links() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let other = network(&svc, "Ander netwerk").await;
        let ggd = partner(&svc, n, "GGD", "public_health").await;
        let gemeente = partner(&svc, n, "Gemeente", "municipality").await;
        let foreign_partner = partner(&svc, other, "Elders", "other").await;
        let g1 = svc.save_goal(&system(), n, None, &goal_form("Doel 1")).await.unwrap();
        let g2 = svc.save_goal(&system(), n, None, &goal_form("Doel 2")).await.unwrap();
        let foreign_goal = svc.save_goal(&system(), other, None, &goal_form("Doel elders")).await.unwrap();

        let i1 = svc.save_interest(&system(), n, None, &interest(ggd.id, "Minder zorgvraag", &[g2, g1, g2])).await.unwrap();
        let i2 = svc.save_interest(&system(), n, None, &interest(gemeente.id, "Lagere kosten Wmo", &[])).await.unwrap();
        let all = svc.interests(&system(), n, None).await.unwrap();
        let summary: Vec<(i64, &str, Vec<i64>)> = all.iter().map(|i| (i.id, i.organisation_name.as_str(), i.goal_ids.clone())).collect();
        let mut linked = vec![g1, g2];
        linked.sort();
        assert_eq!(summary, [(i2, "Gemeente", vec![]), (i1, "GGD", linked)], "by partner name; each goal once");
        let of_ggd = svc.interests(&system(), n, Some(ggd.id)).await.unwrap();
        assert_eq!(of_ggd.iter().map(|i| i.id).collect::<Vec<_>>(), [i1]);
        assert!(svc.interests(&system(), other, None).await.unwrap().is_empty());

        // Links only to this network's own goals and partners.
        match svc.save_interest(&system(), n, None, &interest(ggd.id, "Gekoppeld aan elders", &[g1, foreign_goal])).await {
            Err(ServiceError::Invalid(e)) => {
                assert_eq!(e.for_field("goalIds").map(|f| f.code.as_str()), Some("choice-invalid"), "{e}");
                assert_eq!(e.0.len(), 1, "{e}");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        match svc.save_interest(&system(), n, None, &interest(foreign_partner.id, "Van elders", &[])).await {
            Err(ServiceError::Invalid(e)) => {
                assert_eq!(e.for_field("organisationId").map(|f| f.code.as_str()), Some("choice-invalid"), "{e}")
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        let r = svc.save_interest(&system(), n, Some(i1), &interest(ggd.id, "Gewijzigd", &[foreign_goal])).await;
        assert!(matches!(r, Err(ServiceError::Invalid(_))), "{r:?}");
        assert_eq!(svc.interests(&system(), n, None).await.unwrap().len(), 2);
        assert_eq!(svc.interests(&system(), n, Some(ggd.id)).await.unwrap()[0].description, "Minder zorgvraag", "nothing changed");

        // Update replaces text, partner and links.
        assert_eq!(svc.save_interest(&system(), n, Some(i1), &interest(gemeente.id, "Gezondere inwoners", &[g2])).await.unwrap(), i1);
        let of_gemeente = svc.interests(&system(), n, Some(gemeente.id)).await.unwrap();
        let updated = of_gemeente.iter().find(|i| i.id == i1).expect("moved to the municipality");
        assert_eq!((updated.description.as_str(), updated.goal_ids.clone()), ("Gezondere inwoners", vec![g2]));
        assert!(svc.interests(&system(), n, Some(ggd.id)).await.unwrap().is_empty());

        // An interest of another network cannot be changed or deleted from here.
        let foreign_interest =
            svc.save_interest(&system(), other, None, &interest(foreign_partner.id, "Elders", &[foreign_goal])).await.unwrap();
        let r = svc.save_interest(&system(), n, Some(foreign_interest), &interest(ggd.id, "Gekaapt", &[])).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
        let r = svc.delete_interest(&system(), n, foreign_interest).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
        assert_eq!(svc.interests(&system(), other, None).await.unwrap()[0].description, "Elders");

        svc.delete_interest(&system(), n, i1).await.unwrap();
        assert_eq!(svc.interests(&system(), n, None).await.unwrap().iter().map(|i| i.id).collect::<Vec<_>>(), [i2]);
        let r = svc.delete_interest(&system(), n, i1).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
    })
    .await;
}

#[tokio::test]
async fn dashboard_counts() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let other = network(&svc, "Ander netwerk").await;
        partner(&svc, other, "Elders", "municipality").await;

        let empty = svc.dashboard(&system(), n).await.unwrap();
        assert_eq!(empty.counts, NetworkCounts::default());
        assert!(empty.per_sector.is_empty());

        let ggd = partner(&svc, n, "GGD", "public_health").await;
        let tiel = partner(&svc, n, "Gemeente Tiel", "municipality").await;
        partner(&svc, n, "Gemeente Culemborg", "municipality").await;
        let prospect = svc
            .create_partner(
                &system(),
                n,
                &verband_domain::OrganisationForm { membership_status: "prospect".into(), ..org_form("Zorgverzekeraar", "insurer") },
            )
            .await
            .unwrap();
        let archived = partner(&svc, n, "Gestopt", "welfare").await;
        svc.set_partner_archived(&system(), n, archived.id, true).await.unwrap();

        let p = svc.create_person(&system(), n, &person_form("Anna", Some(ggd.id))).await.unwrap();
        svc.create_person(&system(), n, &person_form("Bram", Some(tiel.id))).await.unwrap();
        svc.set_person_archived(&system(), n, p.id, true).await.unwrap();
        svc.create_person(&system(), n, &person_form("Cor", None)).await.unwrap();

        let g = svc.save_goal(&system(), n, None, &goal_form("Doel")).await.unwrap();
        let gone = svc.save_goal(&system(), n, None, &goal_form("Oud doel")).await.unwrap();
        svc.set_goal_archived(&system(), n, gone, true).await.unwrap();
        svc.save_interest(&system(), n, None, &interest(ggd.id, "Belang", &[g])).await.unwrap();
        svc.save_interest(&system(), n, None, &interest(prospect.id, "Belang 2", &[])).await.unwrap();

        let d = svc.dashboard(&system(), n).await.unwrap();
        assert_eq!(d.network.id, n);
        assert_eq!(d.counts, NetworkCounts { active_partners: 3, partners: 4, persons: 2, goals: 1, interests: 2 });
        assert_eq!(d.per_sector, [(Sector::Municipality, 2), (Sector::Insurer, 1), (Sector::PublicHealth, 1)]);
        assert_eq!(d.recent.len(), 10, "the ten newest entries");
        assert_eq!((d.recent[0].action.as_str(), d.recent[0].object_type.as_str()), ("create", "interest"));
        assert!(d.recent.windows(2).all(|w| w[0].id > w[1].id), "newest first");
        assert!(d.recent.iter().all(|a| a.network_id == Some(n)), "only this network's entries");

        let o = svc.dashboard(&system(), other).await.unwrap();
        assert_eq!(o.counts, NetworkCounts { active_partners: 1, partners: 1, ..Default::default() });
    })
    .await;
}
