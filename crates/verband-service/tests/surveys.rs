//! A survey round on SQLite and PostgreSQL: start, make links, answer,
//! results with the threshold, trend against an earlier round, saving pages
//! (also many at once), and the demo's survey rounds.

mod support;

use support::both;
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::{AnswerValue, Band, InstrumentKind, QuestionKind, Trend};
use verband_domain::{NetworkForm, OrganisationForm, PersonForm};
use verband_service::surveys::{InstrumentRef, PageAction, PageOutcome, SurveyLink};
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

/// Page `page` of the collaboration scan with every statement at `score`.
fn scan_page(page: usize, score: &str) -> Vec<(String, String)> {
    let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
    scan.pages[page]
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Scale { .. }))
        .map(|q| (format!("q.{}", q.key), score.to_string()))
        .collect()
}

async fn started_round(svc: &Service, network: i64, persons: Vec<String>) -> (i64, Vec<String>) {
    let sys = Actor::system("test");
    let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(5)).to_string();
    let form = SurveyRoundForm { label: "Voorjaar".into(), deadline, persons, ..Default::default() };
    let round = svc.start_survey_round(&sys, network, InstrumentRef::Builtin(InstrumentKind::CollaborationScan), &form).await.unwrap();
    let links = svc.fresh_links(&sys, network, round.round_id, None).await.unwrap();
    (round.round_id, links.iter().map(|l| l.link.rsplit('/').next().unwrap().to_string()).collect())
}

#[tokio::test]
async fn a_save_returns_the_page_that_opening_the_link_again_gives() {
    both(|svc| async move {
        let sys = Actor::system("test");
        let network = svc.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
        let persons = people(&svc, network, 1).await;
        let (_, tokens) = started_round(&svc, network, persons).await;
        let token = tokens[0].as_str();
        let last = builtin(InstrumentKind::CollaborationScan).unwrap().pages.len() - 1;
        // Forward, stop, back, forward to the end, then a change after finishing.
        let mut steps =
            vec![(0, PageAction::Next, "3"), (1, PageAction::Stop, "4"), (1, PageAction::Back, "2"), (0, PageAction::Next, "5")];
        steps.extend((1..=last).map(|p| (p, PageAction::Next, "4")));
        steps.extend([(2, PageAction::Back, "1"), (0, PageAction::Next, "2"), (last + 1, PageAction::Next, "2")]);
        for (page, action, score) in steps {
            let saved = match svc.submit_survey_page(token, page, &scan_page(page.min(last), score), action).await.unwrap() {
                PageOutcome::Saved { view, .. } => view,
                _ => panic!("page {page} ({action:?}) not saved"),
            };
            let opened = match svc.open_survey_link(token).await.unwrap() {
                SurveyLink::Open(v) => v,
                _ => panic!("the link no longer opens"),
            };
            let step = format!("page {page}, {action:?}");
            assert_eq!(saved.answers, opened.answers, "{step}");
            assert_eq!((saved.page, saved.finished), (opened.page, opened.finished), "{step}");
        }
        // Invalid answers save nothing; the view is the link as it stood.
        let bad = vec![("q.ambition_clear".to_string(), "9".to_string())];
        let PageOutcome::Invalid { errors, view } = svc.submit_survey_page(token, 0, &bad, PageAction::Next).await.unwrap() else {
            panic!("an answer off the scale was accepted");
        };
        assert!(errors.for_field("q.ambition_clear").is_some());
        let SurveyLink::Open(opened) = svc.open_survey_link(token).await.unwrap() else { panic!("the link no longer opens") };
        assert_eq!(view.answers, opened.answers);
        assert_eq!(opened.answers.get("ambition_clear"), Some(&AnswerValue::Scale(2)));
    })
    .await;
}

#[tokio::test]
async fn many_respondents_saving_at_once_all_get_their_page_saved() {
    both(|svc| async move {
        let sys = Actor::system("test");
        let network = svc.create_network(&sys, &NetworkForm { name: "Gezond Rivierenland".into(), ..Default::default() }).await.unwrap();
        let persons = people(&svc, network, 48).await;
        let (round_id, tokens) = started_round(&svc, network, persons).await;
        // Each respondent saves two pages; the saves of different respondents overlap.
        let tasks: Vec<_> = tokens
            .into_iter()
            .map(|token| {
                let svc = svc.clone();
                tokio::spawn(async move {
                    for page in 0..2 {
                        match svc.submit_survey_page(&token, page, &scan_page(page, "4"), PageAction::Next).await {
                            Ok(PageOutcome::Saved { .. }) => {}
                            Ok(_) => return Err(format!("page {page} refused")),
                            Err(e) => return Err(format!("page {page}: {e}")),
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let round = svc.survey_round(&sys, network, round_id).await.unwrap().round;
        assert_eq!((round.invited, round.started, round.finished), (48, 48, 0));
    })
    .await;
}

#[tokio::test]
async fn the_demo_has_two_closed_scan_rounds_with_trends_a_divergence_and_a_sector_too_small_to_show() {
    both(|svc| async move {
        let sys = Actor::system("test");
        svc.seed_demo(verband_service::demo::DEMO_SEED, 1).await.unwrap();
        let overview = svc.surveys_overview(&sys, 1).await.unwrap();
        assert_eq!(overview.rounds.len(), 2);
        // Starting a round is what a coordinator does; the demo leaves none open.
        assert!(overview.rounds.iter().all(|r| r.closed));
        let newest = &overview.rounds[0];
        assert!(newest.finished * 10 >= newest.invited * 7, "most people answered: {} of {}", newest.finished, newest.invited);
        let r = svc.survey_results(&sys, 1, newest.id).await.unwrap();
        assert_eq!(r.previous.as_ref().map(|p| p.id), Some(overview.rounds[1].id));
        let factors = &r.results.factors;
        assert!(factors.iter().all(|f| f.summary.is_some() && f.previous_mean.is_some()));
        let trends: Vec<_> = factors.iter().map(|f| f.trend).collect();
        assert!(trends.contains(&Some(Trend::Up)) && trends.contains(&Some(Trend::Down)), "{trends:?}");
        let bands: Vec<_> = factors.iter().filter_map(|f| f.band).collect();
        assert!(bands.contains(&Band::Strength) && bands.contains(&Band::Concern), "{bands:?}");
        assert!(factors.iter().any(|f| f.divergent));
        let sectors = &factors[0].by_sector;
        assert!(sectors.iter().filter(|g| g.mean.is_some()).count() >= 3, "{sectors:?}");
        assert!(sectors.iter().any(|g| g.respondents > 0 && g.respondents < 3 && g.mean.is_none()), "{sectors:?}");
        let texts: Vec<&str> = r.results.open_answers.iter().map(|a| a.text.as_str()).collect();
        let mut distinct = texts.clone();
        distinct.sort();
        distinct.dedup();
        assert!(texts.len() >= 5 && distinct.len() == texts.len(), "{texts:?}");
    })
    .await;
}
