//! Times the results of a collaboration-scan round with many respondents
//! (issue: 2,000 respondents under 200 ms), for `bench/surveys.sh`:
//!
//! - the domain's `compute_results` on generated answers, with the previous
//!   round's results for the trend, as the results page asks for it;
//! - the whole `Service::survey_results` on a fresh SQLite database: the
//!   round, its previous round, both rounds' responses read and parsed, and
//!   both computed.
//!
//!     cargo run --release -p verband --example survey_results_timing -- [RESPONDENTS] [REPEATS]
//!
//! Prints the median, fastest and slowest of REPEATS runs (default 2000 and 30).

use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::Context;
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::{compute_results, InstrumentKind};
use verband_service::demo_surveys::demo_scan_respondents;
use verband_service::{Actor, Service, Store};

/// (median, fastest, slowest) of the runs.
fn spread(mut runs: Vec<Duration>) -> (Duration, Duration, Duration) {
    runs.sort();
    let median = runs.get(runs.len() / 2).copied().unwrap_or_default();
    (median, runs.first().copied().unwrap_or_default(), runs.last().copied().unwrap_or_default())
}

fn report(what: &str, runs: Vec<Duration>) {
    let n = runs.len();
    let (p50, min, max) = spread(runs);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{what}: p50 {:.2} ms (fastest {:.2} ms, slowest {:.2} ms, {n} runs)", ms(p50), ms(min), ms(max));
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let respondents: usize = args.first().map(|a| a.parse()).transpose().context("RESPONDENTS must be a number")?.unwrap_or(2000);
    let repeats: usize = args.get(1).map(|a| a.parse()).transpose().context("REPEATS must be a number")?.unwrap_or(30).max(1);

    let scan = builtin(InstrumentKind::CollaborationScan).context("the collaboration scan is built in")?;
    let earlier = demo_scan_respondents(1, respondents);
    let later = demo_scan_respondents(2, respondents);
    let previous = compute_results(&scan, &earlier, 3, None);
    let runs = (0..repeats)
        .map(|_| {
            let start = Instant::now();
            black_box(compute_results(black_box(&scan), black_box(&later), 3, Some(&previous)));
            start.elapsed()
        })
        .collect();
    report(&format!("compute_results, {respondents} respondents (domain)"), runs);

    let dir = tempfile::tempdir()?;
    let store = Store::connect(&Store::sqlite_url_in(dir.path())).await?;
    store.migrate().await?;
    let service = Service::new(store);
    let start = Instant::now();
    let load = service.seed_survey_load(2026, respondents).await?;
    eprintln!("(rounds written in {:.1} s)", start.elapsed().as_secs_f64());
    let actor = Actor::system("bench");
    let mut runs = Vec::with_capacity(repeats);
    for _ in 0..repeats {
        let start = Instant::now();
        let results = service.survey_results(&actor, load.network_id, load.results_round_id).await?;
        runs.push(start.elapsed());
        anyhow::ensure!(results.results.respondents == respondents, "the round holds {} respondents", results.results.respondents);
        anyhow::ensure!(results.previous.is_some(), "the round has a previous round");
    }
    report(&format!("Service::survey_results on SQLite, {respondents} respondents + previous round"), runs);
    Ok(())
}
