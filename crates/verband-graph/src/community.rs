//! Modularity of a partition and Louvain community detection.

use std::collections::VecDeque;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::graph::Graph;

/// Modularity Q of a node partition, networkx `community.modularity` (= igraph `modularity`).
///
/// * Undirected: Q = Σ_c [ L_c / m − γ (D_c / 2m)² ], with m the total edge weight, L_c the
///   weight inside community c and D_c the summed (weighted) degree of its nodes.
/// * Directed (Leicht–Newman): Q = Σ_c [ L_c / m − γ D⁺_c D⁻_c / m² ] with out- and in-degree
///   sums.
///
/// `membership[v]` is the community of node v (any numbering). `weighted` uses weights as
/// strengths; `resolution` is γ (1 is the classic definition). Returns 0 for a graph without
/// edges (networkx raises, igraph gives NaN), and NaN when `membership` does not have one entry
/// per node.
pub fn modularity(g: &Graph, membership: &[u32], weighted: bool, resolution: f64) -> f64 {
    if membership.len() != g.node_count() {
        return f64::NAN;
    }
    let k = membership.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut inside = vec![0.0; k];
    let mut out_sum = vec![0.0; k];
    let mut in_sum = vec![0.0; k];
    let mut total = 0.0;
    for (u, v, w) in g.edges() {
        let w = if weighted { w } else { 1.0 };
        let (cu, cv) = (membership[u as usize] as usize, membership[v as usize] as usize);
        total += w;
        if cu == cv {
            inside[cu] += w;
        }
        out_sum[cu] += w;
        in_sum[cv] += w;
    }
    if total == 0.0 {
        return 0.0;
    }
    if g.is_directed() {
        (0..k).map(|c| inside[c] / total - resolution * out_sum[c] * in_sum[c] / (total * total)).sum()
    } else {
        let deg_sum = 2.0 * total;
        (0..k)
            .map(|c| {
                let d = out_sum[c] + in_sum[c];
                inside[c] / total - resolution * d * d / (deg_sum * deg_sum)
            })
            .sum()
    }
}

/// Options for [`louvain`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LouvainOptions {
    /// Seed for the node visiting order (ChaCha8); equal seeds give equal results.
    pub seed: u64,
    /// Use weights as strengths (networkx's `louvain_communities` does so **by default**).
    pub weighted: bool,
    /// Resolution γ; values above 1 favour smaller communities.
    pub resolution: f64,
}

impl Default for LouvainOptions {
    fn default() -> Self {
        LouvainOptions { seed: 42, weighted: true, resolution: 1.0 }
    }
}

/// Result of [`louvain`].
#[derive(Debug, Clone, PartialEq)]
pub struct Communities {
    /// Community of each node, numbered 0, 1, … by smallest member node.
    pub membership: Vec<u32>,
    pub count: usize,
    /// Modularity of `membership` (see [`modularity`]), with the same weighting and resolution.
    pub modularity: f64,
}

/// Louvain community detection (Blondel et al. 2008), deterministic for a given seed.
///
/// Local moving in a random node order (drawn from `seed`), each node moving to the neighbouring
/// community with the largest modularity gain, until no move raises modularity (neighbours of a
/// moved node are revisited, Traag et al.'s fast local move); then communities are
/// merged into nodes and the process repeats while modularity grows by more than 1e-7
/// (networkx's default threshold). The partitions are comparable in quality to networkx
/// `louvain_communities` and igraph `community_multilevel`, but not identical: each library
/// draws its random order differently.
///
/// Directed graphs are clustered as undirected (reciprocal arcs merged, weights summed), as igraph
/// requires; the reported modularity is then that of the undirected graph. Isolated nodes stay
/// alone.
pub fn louvain(g: &Graph, opts: LouvainOptions) -> Communities {
    let u;
    let g = if g.is_directed() {
        u = g.to_undirected();
        &u
    } else {
        g
    };
    let n = g.node_count();
    let weighted = opts.weighted && g.is_weighted();
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let mut level = Level::from_graph(g, weighted);
    let mut node_comm: Vec<u32> = (0..n as u32).collect();
    let mut best_q = modularity(g, &node_comm, weighted, opts.resolution);
    if g.edge_count() > 0 {
        loop {
            let (comm, moved) = level.local_moving(opts.resolution, &mut rng);
            if !moved {
                break;
            }
            let (renumbered, k) = renumber(&comm);
            // Level node → community at this level, numbered 0..k.
            let level_map: Vec<u32> = comm.iter().map(|&c| renumbered[c as usize]).collect();
            let candidate: Vec<u32> = node_comm.iter().map(|&v| level_map[v as usize]).collect();
            let q = modularity(g, &candidate, weighted, opts.resolution);
            // As networkx: the level's partition is kept (moves never lower Q), but a gain of
            // at most the threshold ends the search.
            node_comm = candidate;
            let gain = q - best_q;
            best_q = q;
            if gain <= 1e-7 {
                break;
            }
            level = level.aggregate(&level_map, k);
        }
    }
    let (membership, count) = renumber(&node_comm);
    let membership: Vec<u32> = node_comm.iter().map(|&c| membership[c as usize]).collect();
    let modularity = modularity(g, &membership, weighted, opts.resolution);
    Communities { membership, count, modularity }
}

/// Canonical renumbering: label → 0, 1, … by first appearance (= smallest node when the labels
/// are indexed by node). Returns the map from old label to new and the number of labels.
fn renumber(labels: &[u32]) -> (Vec<u32>, usize) {
    let k = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut map = vec![u32::MAX; k];
    let mut next = 0u32;
    for &l in labels {
        if map[l as usize] == u32::MAX {
            map[l as usize] = next;
            next += 1;
        }
    }
    (map, next as usize)
}

/// One level of the Louvain hierarchy: a weighted undirected graph with self-loops.
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    /// Weight of the self-loop (edges merged inside this node), counted once.
    loops: Vec<f64>,
    /// Weighted degree, self-loops counted twice.
    strength: Vec<f64>,
    /// Σ strength = 2m.
    total: f64,
}

impl Level {
    fn from_graph(g: &Graph, weighted: bool) -> Level {
        let n = g.node_count();
        let mut edges = Vec::with_capacity(g.edge_count());
        for (u, v, w) in g.edges() {
            edges.push((u, v, if weighted { w } else { 1.0 }));
        }
        Level::build(n, &edges, vec![0.0; n])
    }

    /// `edges` hold each undirected non-loop edge once, no duplicates.
    fn build(n: usize, edges: &[(u32, u32, f64)], loops: Vec<f64>) -> Level {
        let mut offsets = vec![0usize; n + 1];
        for &(u, v, _) in edges {
            offsets[u as usize + 1] += 1;
            offsets[v as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        let mut weights = vec![0.0; offsets[n]];
        let mut strength: Vec<f64> = loops.iter().map(|l| 2.0 * l).collect();
        for &(u, v, w) in edges {
            for (a, b) in [(u, v), (v, u)] {
                let slot = fill[a as usize];
                fill[a as usize] += 1;
                targets[slot] = b;
                weights[slot] = w;
                strength[a as usize] += w;
            }
        }
        let total = strength.iter().sum();
        Level { offsets, targets, weights, loops, strength, total }
    }

    fn len(&self) -> usize {
        self.loops.len()
    }

    /// Moves nodes between communities until no move raises modularity. Nodes wait in a queue
    /// (first in a random order); when a node moves, its neighbours outside its new community
    /// are queued again (the "fast local move" of Traag et al. 2019). That reaches the same kind
    /// of local optimum as sweeping all nodes until a sweep moves none, in a fraction of the
    /// work on large graphs. Returns each node's community and whether anything moved.
    fn local_moving(&self, resolution: f64, rng: &mut ChaCha8Rng) -> (Vec<u32>, bool) {
        let n = self.len();
        let mut comm: Vec<u32> = (0..n as u32).collect();
        let mut tot = self.strength.clone();
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.shuffle(rng);
        let mut queue: VecDeque<u32> = order.into();
        let mut queued = vec![true; n];
        let mut neigh_weight = vec![0.0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        let m2 = self.total;
        let mut moved_any = false;
        // A safety net only: every move raises Q by a positive amount, so the queue empties.
        let mut budget = 100 * n + 1000;
        while let Some(v) = queue.pop_front() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            let v = v as usize;
            queued[v] = false;
            let old = comm[v] as usize;
            let kv = self.strength[v];
            for i in self.offsets[v]..self.offsets[v + 1] {
                let c = comm[self.targets[i] as usize];
                if neigh_weight[c as usize] == 0.0 {
                    touched.push(c);
                }
                neigh_weight[c as usize] += self.weights[i];
            }
            tot[old] -= kv;
            // Gain of joining c, up to terms that do not depend on c: w(v, c) − γ·tot(c)·k_v / 2m.
            let mut best = old;
            let mut best_gain = neigh_weight[old] - resolution * tot[old] * kv / m2;
            for &c in &touched {
                let c = c as usize;
                let gain = neigh_weight[c] - resolution * tot[c] * kv / m2;
                if (gain - best_gain) / m2 > 1e-12 {
                    best = c;
                    best_gain = gain;
                }
            }
            for &c in &touched {
                neigh_weight[c as usize] = 0.0;
            }
            touched.clear();
            tot[best] += kv;
            if best != old {
                comm[v] = best as u32;
                moved_any = true;
                for i in self.offsets[v]..self.offsets[v + 1] {
                    let u = self.targets[i] as usize;
                    if !queued[u] && comm[u] as usize != best {
                        queued[u] = true;
                        queue.push_back(u as u32);
                    }
                }
            }
        }
        (comm, moved_any)
    }

    /// Merges each community into one node; `map[v]` is node v's community in `0..k`.
    fn aggregate(&self, map: &[u32], k: usize) -> Level {
        let mut loops = vec![0.0; k];
        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        for v in 0..self.len() {
            let cv = map[v];
            loops[cv as usize] += self.loops[v];
            for i in self.offsets[v]..self.offsets[v + 1] {
                let u = self.targets[i] as usize;
                if u < v {
                    continue;
                }
                let cu = map[u];
                if cu == cv {
                    loops[cv as usize] += self.weights[i];
                } else {
                    edges.push((cv.min(cu), cv.max(cu), self.weights[i]));
                }
            }
        }
        edges.sort_unstable_by_key(|&(a, b, _)| (a, b));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len());
        for e in edges {
            match merged.last_mut() {
                Some(last) if last.0 == e.0 && last.1 == e.1 => last.2 += e.2,
                _ => merged.push(e),
            }
        }
        Level::build(k, &merged, loops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: usize, directed: bool, e: &[(u32, u32)]) -> Graph {
        let edges: Vec<_> = e.iter().map(|&(a, b)| (a, b, None)).collect();
        Graph::from_edges(n, directed, &edges).unwrap()
    }

    fn two_triangles() -> Graph {
        g(6, false, &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    }

    #[test]
    fn modularity_of_two_triangles() {
        let t = two_triangles();
        // networkx: modularity(G, [{0,1,2},{3,4,5}]) = 0.35714285714285715
        let q = modularity(&t, &[0, 0, 0, 1, 1, 1], false, 1.0);
        assert!((q - 0.35714285714285715).abs() < 1e-15, "{q}");
        assert!(modularity(&t, &[0; 6], false, 1.0).abs() < 1e-15);
        assert!(modularity(&t, &[0; 5], false, 1.0).is_nan());
    }

    #[test]
    fn directed_modularity() {
        // networkx: modularity(DiGraph([(0,1),(1,2),(2,0),(2,3),(3,2)]), [{0,1,2},{3}]) = -0.08
        let d = g(4, true, &[(0, 1), (1, 2), (2, 0), (2, 3), (3, 2)]);
        assert!((modularity(&d, &[0, 0, 0, 1], false, 1.0) + 0.08).abs() < 1e-15);
    }

    #[test]
    fn louvain_finds_the_two_triangles() {
        let c = louvain(&two_triangles(), LouvainOptions::default());
        assert_eq!(c.membership, vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(c.count, 2);
        assert!((c.modularity - 0.35714285714285715).abs() < 1e-12);
    }

    #[test]
    fn louvain_edge_cases() {
        let empty = louvain(&g(0, false, &[]), LouvainOptions::default());
        assert_eq!((empty.count, empty.modularity), (0, 0.0));
        let isolated = louvain(&g(3, false, &[]), LouvainOptions::default());
        assert_eq!(isolated.membership, vec![0, 1, 2]);
        let pair = louvain(&g(3, false, &[(0, 1)]), LouvainOptions::default());
        assert_eq!(pair.membership, vec![0, 0, 1]);
    }

    #[test]
    fn louvain_is_deterministic_per_seed() {
        let edges: Vec<(u32, u32)> = (0..40u32).flat_map(|i| [(i, (i + 1) % 40), (i, (i * 7 + 3) % 40)]).filter(|(a, b)| a != b).collect();
        let r = g(40, false, &edges);
        let a = louvain(&r, LouvainOptions { seed: 7, ..Default::default() });
        let b = louvain(&r, LouvainOptions { seed: 7, ..Default::default() });
        assert_eq!(a, b);
        assert!(a.modularity > 0.3, "{}", a.modularity);
    }
}
