//! Times [`force_directed`] on an edge list and prints simple quality measures of the picture,
//! for comparing layout settings:
//!
//!     cargo run --release -p verband-graph --example layout_quality -- EDGES [ITERATIONS] [MULTILEVEL_ABOVE] [OUT.csv]
//!
//! * `edge/pair`: mean edge length / mean distance of random node pairs (lower: linked nodes
//!   sit closer together than unrelated ones);
//! * `near p1/p50`: 1st percentile and median of each node's distance to its nearest other
//!   node, in units of the even spacing √(area/n) (near 0 for many nodes: a collapse).
//!
//! EDGES holds `u v` lines as for `analyze_timing`; OUT.csv receives `x,y` per node.

use std::time::Instant;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use verband_graph::layout::{force_directed, LayoutOptions};
use verband_graph::Graph;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).expect("edge list");
    let edges: Vec<(u32, u32, Option<f64>)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split_whitespace().map(|x| x.parse::<u32>().expect("node id"));
            (f.next().expect("u"), f.next().expect("v"), None)
        })
        .collect();
    let n = edges.iter().map(|&(u, v, _)| u.max(v) as usize + 1).max().unwrap_or(0);
    let g = Graph::from_edges(n, false, &edges).expect("graph");
    let mut opts = LayoutOptions::default();
    if let Some(it) = args.get(1) {
        opts.iterations = it.parse().expect("iterations");
    }
    if let Some(m) = args.get(2) {
        opts.multilevel_above = m.parse().expect("multilevel_above");
    }
    let start = Instant::now();
    let pos = force_directed(&g, opts);
    let secs = start.elapsed().as_secs_f64();

    let d = |a: [f64; 2], b: [f64; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
    let edge_mean = edges.iter().map(|&(u, v, _)| d(pos[u as usize], pos[v as usize])).sum::<f64>() / edges.len() as f64;
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let pairs = 200_000;
    let pair_mean = (0..pairs).map(|_| d(pos[rng.gen_range(0..n)], pos[rng.gen_range(0..n)])).sum::<f64>() / pairs as f64;

    // Nearest-neighbour distances with a uniform grid over the bounding box.
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in &pos {
        for a in 0..2 {
            lo[a] = lo[a].min(p[a]);
            hi[a] = hi[a].max(p[a]);
        }
    }
    let area = (hi[0] - lo[0]) * (hi[1] - lo[1]);
    let spacing = (area / n as f64).sqrt();
    let side = ((n as f64).sqrt() as usize).max(1);
    let cell = |p: [f64; 2], a: usize| (((p[a] - lo[a]) / (hi[a] - lo[a] + 1e-12) * side as f64) as usize).min(side - 1);
    let mut grid: Vec<Vec<usize>> = vec![Vec::new(); side * side];
    for (i, &p) in pos.iter().enumerate() {
        grid[cell(p, 1) * side + cell(p, 0)].push(i);
    }
    let mut near: Vec<f64> = (0..n)
        .map(|i| {
            let (cx, cy) = (cell(pos[i], 0) as i64, cell(pos[i], 1) as i64);
            let mut best = f64::INFINITY;
            for r in 1..side as i64 {
                for y in (cy - r).max(0)..=(cy + r).min(side as i64 - 1) {
                    for x in (cx - r).max(0)..=(cx + r).min(side as i64 - 1) {
                        for &j in &grid[y as usize * side + x as usize] {
                            if j != i {
                                best = best.min(d(pos[i], pos[j]));
                            }
                        }
                    }
                }
                if best.is_finite() {
                    break;
                }
            }
            best / spacing
        })
        .collect();
    near.sort_by(f64::total_cmp);
    println!("n {n} time {secs:.3} s  edge/pair {:.4}  near p1 {:.4} p50 {:.4}", edge_mean / pair_mean, near[n / 100], near[n / 2]);
    if let Some(out) = args.get(3) {
        let body: String = pos.iter().map(|p| format!("{},{}\n", p[0], p[1])).collect();
        std::fs::write(out, body).expect("write positions");
    }
}
