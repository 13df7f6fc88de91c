//! Agreements, commitments, deliveries, documents, projects, funding, the
//! portfolio checks and the phase checklist, on SQLite and PostgreSQL.

mod support;

use chrono::{Datelike, Months, Utc};
use support::{both, network, partner, system, user};
use verband_domain::coherence::Finding;
use verband_domain::phase_checklist::ChecklistItemForm;
use verband_domain::portfolio::{AgreementForm, CommitmentForm, DeliveryForm, FundingStreamForm, ProjectForm, Quarter};
use verband_domain::portfolio_settings::PortfolioSettingsForm;
use verband_domain::{BuildingBlock, ChecklistStatus, GoalForm, NetworkRole, ProjectStatus};
use verband_service::{Service, ServiceError};

struct Setup {
    network: i64,
    other_network: i64,
    gemeente: i64,
    welzijn: i64,
    school: i64,
}

async fn setup(svc: &Service) -> Setup {
    let other_network = network(svc, "Kansrijk Lingedal").await;
    let network = network(svc, "Gezond Rivierenland").await;
    let gemeente = partner(svc, network, "Gemeente Rivierstad", "municipality").await.id;
    let welzijn = partner(svc, network, "Welzijn Rivierenland", "welfare").await.id;
    let school = partner(svc, network, "ROC Rivierenland", "education").await.id;
    Setup { network, other_network, gemeente, welzijn, school }
}

fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

fn agreement_form(s: &Setup, title: &str) -> AgreementForm {
    let start = Quarter::of(today()).previous().previous().first_day();
    AgreementForm {
        title: title.into(),
        party_ids: vec![s.gemeente.to_string(), s.welzijn.to_string(), s.school.to_string()],
        starts_on: start.to_string(),
        ends_on: (start + Months::new(24)).to_string(),
        evaluation_date: (start + Months::new(12)).to_string(),
        out_of_scope: "Individuele zorg".into(),
        ..Default::default()
    }
}

fn goal_form(title: &str) -> GoalForm {
    GoalForm { title: title.into(), indicator: "Aandeel inwoners".into(), target: "10 procent minder".into(), ..Default::default() }
}

fn commitment(org: i64, hours: &str, money: &str) -> CommitmentForm {
    CommitmentForm {
        organisation_id: org.to_string(),
        role: "Trekker".into(),
        hours_per_month: hours.into(),
        money: money.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn agreed_against_delivered_and_who_may_report() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        svc.set_user_organisation(&system(), "lid", s.network, Some(s.welzijn)).await.unwrap();
        let (_, advisor) = user(&svc, "adviseur", Some((s.network, NetworkRole::Advisor))).await;
        let (_, outsider) = user(&svc, "buiten", Some((s.other_network, NetworkRole::Coordinator))).await;

        // Only the coordinator records agreements; one party is too few.
        let mut lonely = agreement_form(&s, "Convenant");
        lonely.party_ids.truncate(1);
        let err = svc.save_agreement(&coordinator, s.network, None, &lonely).await.unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("partyIds").is_some()), "{err:?}");
        assert!(matches!(svc.save_agreement(&member, s.network, None, &agreement_form(&s, "C")).await, Err(ServiceError::Forbidden)));
        let agreement = svc.save_agreement(&coordinator, s.network, None, &agreement_form(&s, "Convenant Gezond")).await.unwrap();

        let welzijn_c = svc.save_commitment(&coordinator, s.network, agreement, None, &commitment(s.welzijn, "8", "")).await.unwrap();
        let school_c = svc.save_commitment(&coordinator, s.network, agreement, None, &commitment(s.school, "4", "6.000")).await.unwrap();
        // A partner that did not sign cannot commit.
        let other = partner(&svc, s.network, "Huisartsen Rivierenland", "primary_care").await.id;
        let err = svc.save_commitment(&coordinator, s.network, agreement, None, &commitment(other, "2", "")).await.unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("organisationId").is_some()), "{err:?}");

        let last_quarter = Quarter::of(today()).previous().to_string();
        let delivery = |hours: &str| DeliveryForm { quarter: last_quarter.clone(), hours: hours.into(), ..Default::default() };
        // The member reports for their own organisation ...
        svc.record_delivery(&member, s.network, welzijn_c, &delivery("48")).await.unwrap();
        // ... not for another partner (403), not in another network (404), advisors not at all.
        assert!(matches!(svc.record_delivery(&member, s.network, school_c, &delivery("1")).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.record_delivery(&member, s.other_network, school_c, &delivery("1")).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.record_delivery(&outsider, s.network, school_c, &delivery("1")).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.record_delivery(&advisor, s.network, welzijn_c, &delivery("1")).await, Err(ServiceError::Forbidden)));
        // A later quarter cannot be reported yet.
        let future = DeliveryForm { quarter: Quarter::of(today()).next().to_string(), hours: "1".into(), ..Default::default() };
        assert!(matches!(svc.record_delivery(&member, s.network, welzijn_c, &future).await, Err(ServiceError::Invalid(_))));
        // A second report for the quarter replaces the first.
        svc.record_delivery(&member, s.network, welzijn_c, &delivery("47")).await.unwrap();

        let detail = svc.agreement(&member, s.network, agreement).await.unwrap();
        assert_eq!(detail.deliveries.len(), 1);
        // The vitality panel now measures commitments: 47 of 48 hours and 0 of 24 hours plus money due.
        let panel = svc.vitality(&member, s.network).await.unwrap();
        let delivered = panel.report.signal(verband_domain::vitality::SignalKind::CommitmentsDelivered).unwrap();
        let value = delivered.value.expect("commitments are measured once something was due");
        assert!(value > 0.0 && value < 0.9, "{value}");
        let welzijn = detail.balance.iter().find(|b| b.organisation_id == s.welzijn).unwrap();
        let school = detail.balance.iter().find(|b| b.organisation_id == s.school).unwrap();
        // Two completed quarters at 8 hours a month are 48 hours due; 47 is within the tolerance.
        assert_eq!(welzijn.hours_due, 48.0);
        assert_eq!(welzijn.hours_delivered, 47.0);
        assert!(!welzijn.behind);
        assert!(school.behind, "the school reported nothing");
        assert!(detail.may_report(&detail.commitments[0]) != detail.may_report(&detail.commitments[1]));

        // A party with commitments cannot be dropped from the agreement.
        let mut fewer = agreement_form(&s, "Convenant Gezond");
        fewer.party_ids = vec![s.gemeente.to_string(), s.welzijn.to_string()];
        let err = svc.save_agreement(&coordinator, s.network, Some(agreement), &fewer).await.unwrap_err();
        assert!(
            matches!(err, ServiceError::Invalid(ref e) if e.for_field("partyIds").map(|f| f.code.as_str()) == Some("party-has-commitments"))
        );

        // Removing a commitment takes it out of the balance; restoring brings it back.
        svc.set_commitment_removed(&coordinator, s.network, school_c, true).await.unwrap();
        assert_eq!(svc.agreement(&coordinator, s.network, agreement).await.unwrap().balance.len(), 1);
        svc.set_commitment_removed(&coordinator, s.network, school_c, false).await.unwrap();
        assert_eq!(svc.agreement(&coordinator, s.network, agreement).await.unwrap().balance.len(), 2);
        assert!(matches!(svc.agreement(&outsider, s.network, agreement).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn signed_documents_are_checked_by_content_and_served_back() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        let agreement = svc.save_agreement(&coordinator, s.network, None, &agreement_form(&s, "Convenant")).await.unwrap();
        let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".to_vec();
        let html = b"<html><script>alert(1)</script></html>".to_vec();
        let err = svc.upload_agreement_document(&coordinator, s.network, agreement, "getekend.pdf", &html).await.unwrap_err();
        assert!(
            matches!(err, ServiceError::Invalid(ref e) if e.for_field("document").map(|f| f.code.as_str()) == Some("file-type-not-allowed"))
        );
        assert!(matches!(svc.upload_agreement_document(&member, s.network, agreement, "x.pdf", &pdf).await, Err(ServiceError::Forbidden)));
        let id = svc.upload_agreement_document(&coordinator, s.network, agreement, "C:\\stukken\\getekend.pdf", &pdf).await.unwrap();
        let (info, bytes) = svc.agreement_document(&member, s.network, id).await.unwrap();
        assert_eq!(bytes, pdf);
        assert_eq!(info.file_name, "getekend.pdf");
        assert_eq!(info.content_type, "application/pdf");
        assert_eq!(svc.agreement(&member, s.network, agreement).await.unwrap().documents.len(), 1);
        svc.set_agreement_document_archived(&coordinator, s.network, id, true).await.unwrap();
        assert!(matches!(svc.agreement_document(&member, s.network, id).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn projects_keep_their_status_history_and_the_overview_finds_gaps_and_cliffs() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        let goal = svc.save_goal(&coordinator, s.network, None, &goal_form("Minder eenzaamheid")).await.unwrap();
        let unserved = svc.save_goal(&coordinator, s.network, None, &goal_form("Meer bewegen")).await.unwrap();
        let served = ProjectForm {
            title: "Buurtkamers".into(),
            goal_ids: vec![goal.to_string()],
            lead_organisation_id: s.welzijn.to_string(),
            partner_ids: vec![s.gemeente.to_string()],
            status: "idea".into(),
            status_changed_on: "2025-01-06".into(),
            ..Default::default()
        };
        assert!(matches!(svc.save_project(&member, s.network, None, &served).await, Err(ServiceError::Forbidden)));
        let project = svc.save_project(&coordinator, s.network, None, &served).await.unwrap();
        let mut pilot = served.clone();
        pilot.status = "pilot".into();
        pilot.status_changed_on = "2025-06-02".into();
        svc.save_project(&coordinator, s.network, Some(project), &pilot).await.unwrap();
        let detail = svc.project(&member, s.network, project).await.unwrap();
        let steps: Vec<(ProjectStatus, String)> = detail.history.iter().map(|h| (h.status, h.changed_on.to_string())).collect();
        assert_eq!(steps, [(ProjectStatus::Idea, "2025-01-06".into()), (ProjectStatus::Pilot, "2025-06-02".into())]);
        assert_eq!(detail.project.status_since.map(|d| d.to_string()).as_deref(), Some("2025-06-02"));

        // A goal of another network is refused.
        let foreign_goal = svc.save_goal(&system(), s.other_network, None, &goal_form("Elders")).await.unwrap();
        let mut wrong = served.clone();
        wrong.goal_ids = vec![foreign_goal.to_string()];
        assert!(matches!(svc.save_project(&coordinator, s.network, None, &wrong).await, Err(ServiceError::Invalid(_))));

        // A project without goal, lead or owner.
        let orphan = svc
            .save_project(
                &coordinator,
                s.network,
                None,
                &ProjectForm { title: "Losse actie".into(), status: "running".into(), ..Default::default() },
            )
            .await
            .unwrap();

        // Subsidy that ends in three months with nothing after it: a cliff.
        let ends = today() + Months::new(3);
        let stream = FundingStreamForm {
            source: "subsidy".into(),
            funder: "ZonMw".into(),
            amount: "40.000".into(),
            starts_on: (today() - Months::new(9)).to_string(),
            ends_on: ends.to_string(),
            kind: "one_off".into(),
            pays_for: "Projectleider".into(),
        };
        let stream_id = svc.save_funding_stream(&coordinator, s.network, project, None, &stream).await.unwrap();
        let overview = svc.portfolio_overview(&member, s.network).await.unwrap();
        assert_eq!(overview.cliffs.len(), 1);
        assert_eq!(overview.cliffs[0].project_id, project);
        assert_eq!(overview.cliffs[0].funded_until, ends);
        assert!(overview.findings.contains(&Finding::ProjectWithoutGoal { project_id: orphan }));
        assert!(overview.findings.contains(&Finding::ProjectWithoutLead { project_id: orphan }));
        assert!(overview.findings.contains(&Finding::ProjectWithoutOwner { project_id: orphan }));
        assert!(overview.findings.contains(&Finding::GoalWithoutProject { goal_id: unserved }));
        assert!(!overview.findings.contains(&Finding::GoalWithoutProject { goal_id: goal }));
        let this_year = overview.shares.iter().find(|y| y.year == today().year()).unwrap();
        assert!(this_year.one_off_cents > 0);

        // A structural follow-up stream removes the cliff.
        let follow_up = FundingStreamForm {
            source: "municipality".into(),
            amount: "30.000".into(),
            starts_on: (ends + chrono::Days::new(1)).to_string(),
            kind: "structural".into(),
            ..Default::default()
        };
        svc.save_funding_stream(&coordinator, s.network, project, None, &follow_up).await.unwrap();
        assert!(svc.portfolio_overview(&member, s.network).await.unwrap().cliffs.is_empty());
        assert!(svc.project(&member, s.network, project).await.unwrap().cliff.is_none());
        // Archiving the follow-up brings the cliff back.
        let follow_id =
            svc.funding_streams(&member, s.network, Some(project)).await.unwrap().iter().find(|f| f.id != stream_id).unwrap().id;
        svc.set_funding_stream_archived(&coordinator, s.network, follow_id, true).await.unwrap();
        assert_eq!(svc.portfolio_overview(&member, s.network).await.unwrap().cliffs.len(), 1);

        // The horizon is the network's own setting.
        let narrow = PortfolioSettingsForm { max_active_projects_per_partner: "5".into(), cliff_horizon_months: "2".into() };
        assert!(matches!(svc.save_portfolio_settings(&member, s.network, &narrow).await, Err(ServiceError::Forbidden)));
        svc.save_portfolio_settings(&coordinator, s.network, &narrow).await.unwrap();
        assert!(svc.portfolio_overview(&member, s.network).await.unwrap().cliffs.is_empty());

        // Archived projects drop out of the findings.
        svc.set_project_archived(&coordinator, s.network, orphan, true).await.unwrap();
        let overview = svc.portfolio_overview(&member, s.network).await.unwrap();
        assert!(!overview.findings.iter().any(|f| f.objects().contains(&verband_domain::coherence::ObjectRef::Project(orphan))));
    })
    .await;
}

#[tokio::test]
async fn the_checklist_keeps_status_owner_and_evidence_of_this_network() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        let agreement = svc.save_agreement(&coordinator, s.network, None, &agreement_form(&s, "Convenant")).await.unwrap();
        let foreign_org_a = partner(&svc, s.other_network, "Gemeente Lingedal", "municipality").await.id;
        let foreign_org_b = partner(&svc, s.other_network, "GGD Lingedal", "public_health").await.id;
        let foreign = svc
            .save_agreement(
                &system(),
                s.other_network,
                None,
                &AgreementForm {
                    title: "Elders".into(),
                    party_ids: vec![foreign_org_a.to_string(), foreign_org_b.to_string()],
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let form = |evidence: Vec<String>| ChecklistItemForm { status: "done".into(), evidence, ..Default::default() };
        let err = svc
            .save_checklist_item(&coordinator, s.network, BuildingBlock::SharedPromise, &form(vec![format!("agreement:{foreign}")]))
            .await
            .unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(_)), "{err:?}");
        svc.save_checklist_item(
            &coordinator,
            s.network,
            BuildingBlock::SharedPromise,
            &form(vec![format!("agreement:{agreement}"), "https://example.org/convenant.pdf".into()]),
        )
        .await
        .unwrap();
        svc.save_checklist_item(
            &coordinator,
            s.network,
            BuildingBlock::OutOfScope,
            &ChecklistItemForm { status: "not_applicable".into(), ..Default::default() },
        )
        .await
        .unwrap();
        let view = svc.phase_checklist(&coordinator, s.network).await.unwrap();
        assert_eq!(view.entries.len(), 20);
        let promise = view.entries.iter().find(|e| e.block == BuildingBlock::SharedPromise).unwrap();
        assert_eq!(promise.status, ChecklistStatus::Done);
        assert_eq!(promise.evidence.len(), 2);
        let build_up = &view.progress[0];
        assert_eq!((build_up.done, build_up.not_applicable, build_up.total), (1, 1, 8));
        assert_eq!(build_up.percent_done, Some(14));
    })
    .await;
}

#[tokio::test]
async fn the_demo_shows_every_finding_kind_and_both_cliffs_and_its_small_network_none() {
    both(|svc| async move {
        svc.seed_demo(verband_service::demo::DEMO_SEED, 1).await.unwrap();
        let main = svc.portfolio_overview(&system(), 1).await.unwrap();
        let mut kinds: Vec<&str> = main.findings.iter().map(|f| f.message_key()).collect();
        kinds.dedup();
        for kind in [
            "coherence-project-without-goal",
            "coherence-project-without-lead",
            "coherence-project-without-owner",
            "coherence-likely-duplicate",
            "coherence-partner-overloaded",
            "coherence-agreement-past-evaluation",
            "coherence-goal-without-project",
        ] {
            assert!(kinds.contains(&kind), "{kind} missing in {kinds:?}");
        }
        let cliff_kinds: Vec<&str> = main.cliffs.iter().map(|c| c.message_key()).collect();
        assert!(cliff_kinds.contains(&"funding-cliff") && cliff_kinds.contains(&"funding-cliff-gap"), "{cliff_kinds:?}");
        assert!(main.shares.iter().any(|y| y.structural_percent.is_some()));
        let balances = svc.agreement_balances(&system(), 1).await.unwrap();
        assert!(balances.iter().any(|(_, b)| b.iter().any(|p| p.behind)), "some partner is behind in the demo");

        let small = svc.portfolio_overview(&system(), 2).await.unwrap();
        assert!(small.findings.is_empty(), "{:?}", small.findings);
        assert!(small.cliffs.is_empty());
        assert!(!small.projects.is_empty());
    })
    .await;
}
