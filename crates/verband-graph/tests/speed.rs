//! Timing runs on Barabási–Albert graphs, not timed assertions (benchmarks are run on demand):
//!
//! `cargo test --release -p verband-graph --test speed -- --ignored --nocapture`

use std::time::Instant;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use verband_graph::centrality::{self, BetweennessOptions, ClosenessOptions};
use verband_graph::clustering::{self, AverageClustering};
use verband_graph::community::{self, LouvainOptions};
use verband_graph::layout::{self, LayoutOptions};
use verband_graph::{components, summary, Graph};

/// Barabási–Albert graph as networkx `barabasi_albert_graph(n, m)`: a star on m + 1 nodes, then
/// each new node links to m distinct nodes drawn with probability proportional to degree.
fn barabasi_albert(n: usize, m: usize, seed: u64) -> Graph {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut edges: Vec<(u32, u32, Option<f64>)> = (1..=m as u32).map(|v| (0, v, None)).collect();
    let mut repeated: Vec<u32> = edges.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    let mut targets: Vec<u32> = Vec::with_capacity(m);
    for source in (m + 1) as u32..n as u32 {
        targets.clear();
        while targets.len() < m {
            let t = repeated[rng.gen_range(0..repeated.len())];
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        for &t in &targets {
            edges.push((source, t, None));
            repeated.push(source);
            repeated.push(t);
        }
    }
    Graph::from_edges(n, false, &edges).expect("BA graph")
}

fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{label:<28} {:>9.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}

#[test]
fn ba_graph_is_simple_and_sized() {
    let g = barabasi_albert(1000, 3, 1);
    assert_eq!(g.node_count(), 1000);
    assert_eq!(g.edge_count(), 3 + 3 * (1000 - 4));
    assert_eq!(components::connected(&g).count, 1);
}

#[test]
#[ignore = "timing run; use --release --ignored --nocapture"]
fn timings() {
    eprintln!("rayon threads: {}", rayon::current_num_threads());
    for n in [1_000usize, 10_000, 100_000] {
        let g = barabasi_albert(n, 3, 7);
        eprintln!("--- BA n = {n}, m = {}", g.edge_count());
        if n <= 10_000 {
            time("betweenness", || centrality::betweenness(&g, BetweennessOptions::default()));
            time("closeness", || centrality::closeness(&g, ClosenessOptions::default()));
            time("harmonic", || centrality::harmonic(&g, false));
            time("layout (200 iterations)", || layout::force_directed(&g, LayoutOptions::default()));
        }
        time("degree centrality", || centrality::degree_centrality(&g));
        time("density + centralization", || (summary::density(&g), summary::degree_centralization(&g, Default::default())));
        time("eigenvector", || centrality::eigenvector(&g, false));
        time("pagerank", || centrality::pagerank(&g, 0.85, false));
        time("connected components", || components::connected(&g));
        time("strongly connected", || components::strongly_connected(&g));
        time("core number", || clustering::core_number(&g));
        time("transitivity", || clustering::transitivity(&g));
        time("average clustering", || clustering::average_clustering(&g, AverageClustering::CountZeros));
        time("louvain", || community::louvain(&g, LouvainOptions::default()));
        let groups: Vec<u32> = (0..n as u32).map(|v| v % 5).collect();
        time("e-i index", || summary::ei_index(&g, &groups));
    }
}
