//! Times each metric of the public `verband-graph` API on one graph; stand-in for the future
//! `verband analyze` command in the side-by-side benchmark (`bench/graph/run.sh`).
//!
//!     cargo run --release -p verband-graph --example analyze_timing -- EDGES [--skip-slow] [--only a,b,…]
//!
//! EDGES holds one undirected edge `u v` per line (node count = largest id + 1; blank lines and
//! lines starting with `#` are ignored). Prints one JSON object `{"metric": seconds, ...}` on
//! stdout, in the order the metrics ran. `--skip-slow` leaves out betweenness and closeness
//! (the issue only asks for them up to n = 10,000; they are O(n·m)). `--only pagerank,layout`
//! times just the named metrics (for quick comparisons; `bench/graph/time_igraph.py` takes the
//! same option).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use verband_graph::centrality::{self, BetweennessOptions, ClosenessOptions};
use verband_graph::clustering::{self, AverageClustering};
use verband_graph::community::{self, LouvainOptions};
use verband_graph::layout::{self, LayoutOptions};
use verband_graph::summary::{self, DegreeMode};
use verband_graph::{components, Graph, NodeId};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let skip_slow = args.iter().any(|a| a == "--skip-slow");
    let only: Option<Vec<String>> = args
        .iter()
        .position(|a| a == "--only")
        .map(|i| args.get(i + 1).map(|list| list.split(',').map(str::to_owned).collect()).unwrap_or_default());
    let path = args.iter().enumerate().find(|&(i, a)| !a.starts_with("--") && (i == 0 || args[i - 1] != "--only")).map(|(_, a)| a);
    let Some(path) = path else {
        eprintln!("usage: analyze_timing EDGES [--skip-slow] [--only metric,metric,…]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let edges = match parse(&text) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    let n = edges.iter().map(|&(u, v, _)| u.max(v) as usize + 1).max().unwrap_or(0);

    let mut times: Vec<(&str, f64)> = Vec::new();
    // Graph construction is timed separately from the metrics, like each Python script times
    // building its own graph object.
    let start = Instant::now();
    let g = match Graph::from_edges(n, false, &edges) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    times.push(("build", start.elapsed().as_secs_f64()));

    // black_box keeps the optimiser from discarding a result that is never printed.
    let mut time = |name: &'static str, f: &mut dyn FnMut()| {
        if only.as_ref().is_some_and(|o| !o.iter().any(|m| m == name)) {
            return;
        }
        let start = Instant::now();
        f();
        times.push((name, start.elapsed().as_secs_f64()));
    };
    time("degree_centrality", &mut || {
        black_box(centrality::degree_centrality(&g));
    });
    time("density", &mut || {
        black_box(summary::density(&g));
    });
    time("degree_centralization", &mut || {
        black_box(summary::degree_centralization(&g, DegreeMode::All));
    });
    if !skip_slow {
        time("betweenness", &mut || {
            black_box(centrality::betweenness(&g, BetweennessOptions::default()));
        });
        time("closeness", &mut || {
            black_box(centrality::closeness(&g, ClosenessOptions::default()));
        });
    }
    time("harmonic", &mut || {
        black_box(centrality::harmonic(&g, false));
    });
    time("eigenvector", &mut || {
        black_box(centrality::eigenvector(&g, false));
    });
    time("pagerank", &mut || {
        black_box(centrality::pagerank(&g, 0.85, false));
    });
    time("connected_components", &mut || {
        black_box(components::connected(&g));
    });
    time("core_number", &mut || {
        black_box(clustering::core_number(&g));
    });
    time("transitivity", &mut || {
        black_box(clustering::transitivity(&g));
    });
    time("average_clustering", &mut || {
        black_box(clustering::average_clustering(&g, AverageClustering::CountZeros));
    });
    time("louvain", &mut || {
        black_box(community::louvain(&g, LouvainOptions { weighted: false, ..LouvainOptions::default() }));
    });
    time("layout", &mut || {
        black_box(layout::force_directed(&g, LayoutOptions::default()));
    });

    let body: Vec<String> = times.iter().map(|(name, secs)| format!("\"{name}\": {secs:.6}")).collect();
    println!("{{{}}}", body.join(", "));
    ExitCode::SUCCESS
}

fn parse(text: &str) -> Result<Vec<(NodeId, NodeId, Option<f64>)>, String> {
    let mut edges = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let mut id = || -> Result<NodeId, String> {
            let field = fields.next().ok_or_else(|| format!("line {}: expected `u v`", number + 1))?;
            field.parse().map_err(|_| format!("line {}: `{field}` is not a node id", number + 1))
        };
        let (u, v) = (id()?, id()?);
        edges.push((u, v, None));
    }
    Ok(edges)
}
