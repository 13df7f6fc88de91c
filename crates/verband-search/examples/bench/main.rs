//! Knowledge lab search benchmark: tantivy (this crate) against SQLite FTS5
//! on the same generated items and queries. Run through `bench/search.sh`.
//!
//! Measures the full index build rate, the latency of 1–3 word queries with
//! facets and an access filter (p50/p90/p99 over a few hundred queries, after
//! a warm-up pass), related items, and the size on disk.
//!
//! Arguments: `--items N` (100000), `--queries N` (300), `--rounds N` (2),
//! `--threads N` (indexing threads, default: cores up to 4), `--seed N`, `--no-fts5 1`.

mod corpus;
mod fts5;
mod queries;

use std::path::Path;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use verband_search::{Access, Filters, IndexOptions, SearchIndex, SearchRequest};

struct Args {
    items: usize,
    queries: usize,
    rounds: usize,
    threads: Option<usize>,
    seed: u64,
    /// Only tantivy (for profiling the queries).
    no_fts5: bool,
}

fn args() -> Result<Args, String> {
    let mut a = Args { items: 100_000, queries: 300, rounds: 2, threads: None, seed: 7, no_fts5: false };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let n: u64 = value.parse().map_err(|_| format!("{flag}: not a number: {value}"))?;
        match flag.as_str() {
            "--items" => a.items = n as usize,
            "--queries" => a.queries = n as usize,
            "--rounds" => a.rounds = (n as usize).max(1),
            "--threads" => a.threads = Some((n as usize).max(1)),
            "--seed" => a.seed = n,
            "--no-fts5" => a.no_fts5 = n != 0,
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    Ok(a)
}

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else { return 0 };
    entries
        .filter_map(|e| e.ok())
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// CPU time of this thread so far: the work a request did, apart from the
/// time it waited for a core on a busy machine. (Searches run on the calling
/// thread.)
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own and reports
    // failure through its return value.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall-clock and CPU time of one call.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (cpu, wall) = (thread_cpu(), Instant::now());
    let out = f();
    let wall = wall.elapsed();
    (out, wall, thread_cpu().saturating_sub(cpu))
}

#[derive(Default)]
struct Timings {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Timings {
    fn push(&mut self, wall: Duration, cpu: Duration) {
        self.wall.push(wall);
        self.cpu.push(cpu);
    }

    fn row(self) -> String {
        format!("{} | {}", Latency(self.wall).row(), Latency(self.cpu).short())
    }
}

struct Latency(Vec<Duration>);

impl Latency {
    fn percentile(&self, p: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort();
        let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
        v[rank.clamp(1, v.len()) - 1]
    }

    fn row(&self) -> String {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let max = self.0.iter().max().copied().unwrap_or_default();
        format!("{} | {} | {} | {}", ms(self.percentile(50.0)), ms(self.percentile(90.0)), ms(self.percentile(99.0)), ms(max))
    }

    fn short(&self) -> String {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        format!("{} / {}", ms(self.percentile(50.0)), ms(self.percentile(99.0)))
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

fn request(q: &queries::Query) -> (SearchRequest, Access) {
    let mut filters = Filters::default();
    match &q.filter {
        Some(queries::Filter::Theme(t)) => filters.themes.push(t.clone()),
        Some(queries::Filter::Kind(k)) => filters.kinds.push(k.clone()),
        Some(queries::Filter::Year(y)) => filters.years.push(*y),
        None => {}
    }
    (SearchRequest { text: q.text(), filters, ..SearchRequest::default() }, Access { networks: q.networks.clone(), include_shared: true })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = args()?;
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let gen = corpus::Generator::new(&mut rng);
    eprintln!("generating {} items …", args.items);
    let docs: Vec<_> = (1..=args.items as i64).map(|id| gen.item(id, &mut rng)).collect();
    let words: usize = docs.iter().map(|d| d.body.split_whitespace().count()).sum();
    let attachments = docs.iter().filter(|d| !d.attachment_text.is_empty()).count();
    let qs = queries::generate(&gen, args.queries, &mut rng);
    let work = tempfile::tempdir()?;

    // tantivy
    let options = match args.threads {
        Some(t) => IndexOptions { indexing_threads: t, memory_budget_bytes: t * (64 << 20) },
        None => IndexOptions::bulk(),
    };
    let dir = work.path().join("tantivy");
    eprintln!("tantivy: indexing with {} threads …", options.indexing_threads);
    let index = SearchIndex::open_with(&dir, options)?;
    let start = Instant::now();
    for chunk in docs.chunks(1000) {
        index.upsert_knowledge(chunk)?;
    }
    index.set_last_applied_change(args.items as i64)?;
    index.commit()?;
    let tantivy_build = start.elapsed();
    let segments = index.segment_count();
    let start = Instant::now();
    index.compact()?;
    let tantivy_compact = start.elapsed();
    index.close()?;
    let tantivy_size = dir_size(&dir);
    let index = SearchIndex::open(&dir)?;

    eprintln!("tantivy: {} queries × {} rounds …", qs.len(), args.rounds);
    let mut found = 0;
    for q in &qs {
        let (r, a) = request(q);
        found += usize::from(index.search(&r, &a)?.total > 0);
    }
    let mut tantivy_lat = Timings::default();
    for _ in 0..args.rounds {
        for q in &qs {
            let (r, a) = request(q);
            let (res, wall, cpu) = timed(|| index.search(&r, &a));
            std::hint::black_box(res?);
            tantivy_lat.push(wall, cpu);
        }
    }
    let mut related_lat = Timings::default();
    for _ in 0..args.queries {
        let id = rng.gen_range(1..=args.items as i64);
        let network = docs[(id - 1) as usize].network_id;
        let access = Access { networks: vec![network], include_shared: true };
        let (res, wall, cpu) = timed(|| index.related(id, &access, 5));
        std::hint::black_box(res?);
        related_lat.push(wall, cpu);
    }
    let mut newest_lat = Timings::default();
    for q in &qs {
        let (mut r, a) = request(q);
        r.text.clear();
        let (res, wall, cpu) = timed(|| index.search(&r, &a));
        std::hint::black_box(res?);
        newest_lat.push(wall, cpu);
    }
    drop(index);

    if args.no_fts5 {
        println!("tantivy: build {:.1} s, p50/p90/p99/max {}", tantivy_build.as_secs_f64(), tantivy_lat.row());
        return Ok(());
    }

    // SQLite FTS5
    eprintln!("fts5: indexing …");
    let db = work.path().join("fts5.sqlite");
    let start = Instant::now();
    let fts = fts5::Fts::build(&db, &docs)?;
    let fts_build = start.elapsed();
    let start = Instant::now();
    fts.optimize()?;
    let fts_optimize = start.elapsed();
    let fts_size = std::fs::metadata(&db)?.len();
    eprintln!("fts5: {} queries × {} rounds …", qs.len(), args.rounds);
    let mut fts_found = 0;
    for q in &qs {
        fts_found += usize::from(fts.search(q)?.total > 0);
    }
    let mut fts_lat = Timings::default();
    for _ in 0..args.rounds {
        for q in &qs {
            let (a, wall, cpu) = timed(|| fts.search(q));
            let a = a?;
            std::hint::black_box((a.total, a.hits, a.facet_values));
            fts_lat.push(wall, cpu);
        }
    }

    let mut fts_plain_lat = Timings::default();
    for q in &qs {
        let (a, wall, cpu) = timed(|| fts.search_without_facets(q));
        std::hint::black_box(a?.hits);
        fts_plain_lat.push(wall, cpu);
    }

    let rate = |d: Duration| format!("{:.0}", args.items as f64 / d.as_secs_f64());
    let typos = qs
        .iter()
        .filter(|q| q.words.iter().any(|w| !gen.dutch.content.words.contains(w) && !gen.english.content.words.contains(w)))
        .count();
    println!(
        "{} items ({} body words on average, {} with attachment text), {} queries of 1–3 words ({} with a typo, {} with a facet filter), {} rounds after a warm-up; access: member of 2 of {} networks plus shared items; page of 20 with snippets; all six facets counted.\n",
        args.items,
        words / args.items.max(1),
        attachments,
        qs.len(),
        typos,
        qs.iter().filter(|q| q.filter.is_some()).count(),
        args.rounds,
        corpus::NETWORKS
    );
    println!("| engine | build | items/s | compaction | size on disk | p50 | p90 | p99 | max | CPU p50 / p99 | queries with hits |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| tantivy (verband-search) | {:.1} s | {} | {:.1} s ({} segments before) | {} | {} | {}/{} |",
        tantivy_build.as_secs_f64(),
        rate(tantivy_build),
        tantivy_compact.as_secs_f64(),
        segments,
        mb(tantivy_size),
        tantivy_lat.row(),
        found,
        qs.len()
    );
    println!(
        "| SQLite FTS5 (porter unicode61) | {:.1} s | {} | {:.1} s (optimize) | {} | {} | {}/{} |",
        fts_build.as_secs_f64(),
        rate(fts_build),
        fts_optimize.as_secs_f64(),
        mb(fts_size),
        fts_lat.row(),
        fts_found,
        qs.len()
    );
    println!("\n| other requests (one round) | p50 | p90 | p99 | max | CPU p50 / p99 |\n|---|---|---|---|---|---|");
    println!("| tantivy: empty query, newest first, with facets | {} |", newest_lat.row());
    println!("| tantivy: related items (5) | {} |", related_lat.row());
    println!("| FTS5: the same queries, page and total only, no facets | {} |", fts_plain_lat.row());
    Ok(())
}
