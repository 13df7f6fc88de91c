//! A survey round on SQLite and PostgreSQL: start, make links, answer,
//! results with the threshold, trend against an earlier round, and closing
//! a relationship survey onto the map.

mod support;

use support::both;
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::{InstrumentKind, QuestionKind};
use verband_domain::{NetworkForm, OrganisationForm, PersonForm};
use verband_service::surveys::{InstrumentRef, PageAction, PageOutcome};
use verband_service::{Actor, Service};

async fn people(svc: &Service, network: i64, n: usize) -> Vec<String> {
    let sys = Actor::system("test");
    let org = svc
        .create_partner(
            &sys,
            network,
            &OrganisationForm {
                name: "Gemeente Rivierstad".into(),
                sector: "municipality".into(),
                ownership: "public".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let mut out = Vec::new();
    for i in 0..n {
        let form = PersonForm {
            name: format!("P{i}"),
            email: format!("p{i}@example.nl"),
            organisation_id: org.to_string(),
            data_source: "partner".into(),
            ..Default::default()
        };
        out.push(svc.create_person(&sys, network, &form).await.unwrap().id.to_string());
    }
    out
}

async fn answer_all(svc: &Service, token: &str, score: &str) {
    let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
    for (page, p) in scan.pages.iter().enumerate() {
        let form: Vec<(String, String)> = p
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Scale { .. }))
            .map(|q| (format!("q.{}", q.key), score.to_string()))
            .collect();
        match svc.submit_survey_page(token, page, &form, PageAction::Next).await.unwrap() {
            PageOutcome::Saved { .. } => {}
            _ => panic!("page {page} not saved"),
        }
    }
}

#[tokio::test]
async fn rounds_results_and_trend_on_both_engines() {
    both(|svc| async move {
        let sys = Actor::system("test");
        let network = svc.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
        let persons = people(&svc, network, 3).await;
        let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(5)).to_string();
        let form = SurveyRoundForm { label: "Voorjaar".into(), deadline: deadline.clone(), persons: persons.clone(), ..Default::default() };
        let scan = InstrumentRef::Builtin(InstrumentKind::CollaborationScan);
        let mut results = Vec::new();
        for (label, score) in [("Voorjaar", "2"), ("Najaar", "4")] {
            let form = SurveyRoundForm { label: label.into(), ..form.clone() };
            let round = svc.start_survey_round(&sys, network, scan, &form).await.unwrap();
            assert_eq!(round.invited, 3);
            let links = svc.fresh_links(&sys, network, round.round_id, None).await.unwrap();
            assert_eq!(links.len(), 3);
            for l in &links[..2] {
                answer_all(&svc, l.link.rsplit('/').next().unwrap(), score).await;
            }
            let r = svc.survey_results(&sys, network, round.round_id).await.unwrap();
            assert_eq!((r.round.invited, r.round.finished), (3, 2));
            // Two respondents: below the threshold of 3, no figure.
            assert!(r.results.factors.iter().all(|f| f.summary.is_none()), "{label}");
            answer_all(&svc, links[2].link.rsplit('/').next().unwrap(), score).await;
            results.push(svc.survey_results(&sys, network, round.round_id).await.unwrap());
        }
        let first = &results[0].results.factors[0];
        assert_eq!(first.summary.as_ref().map(|s| s.mean), Some(2.0));
        let second = &results[1].results.factors[0];
        assert_eq!(second.summary.as_ref().map(|s| s.mean), Some(4.0));
        assert_eq!(second.previous_mean, Some(2.0));
        assert_eq!(second.trend, Some(verband_domain::survey::Trend::Up));
        assert_eq!(results[1].round.version, results[0].round.version, "the same built-in text is one version");
        let overview = svc.surveys_overview(&sys, network).await.unwrap();
        assert_eq!(overview.rounds.len(), 2);
    })
    .await;
}
