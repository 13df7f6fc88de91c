//! Node centralities. Every function returns a `Vec<f64>` (or `Vec<usize>`) indexed by node id.
//!
//! The conventions follow **networkx 3.6** unless a function says otherwise; the names of the
//! networkx functions are given so results can be checked against it. Where igraph differs, the
//! doc says how to convert.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;

use crate::graph::{Csr, Graph, NodeId};

/// Degree of every node, as networkx `G.degree`: neighbours when undirected, in + out when directed.
pub fn degree(g: &Graph) -> Vec<usize> {
    (0..g.node_count() as NodeId).map(|v| g.degree(v)).collect()
}

pub fn in_degree(g: &Graph) -> Vec<usize> {
    (0..g.node_count() as NodeId).map(|v| g.in_degree(v)).collect()
}

pub fn out_degree(g: &Graph) -> Vec<usize> {
    (0..g.node_count() as NodeId).map(|v| g.out_degree(v)).collect()
}

/// Degree centrality `deg(v) / (n − 1)`, as networkx `degree_centrality`.
///
/// Directed graphs use in + out degree, so values can exceed 1 (networkx does the same; see
/// [`in_degree_centrality`] and [`out_degree_centrality`]). A graph with one node gives it 1,
/// as networkx does; the empty graph gives an empty vector.
pub fn degree_centrality(g: &Graph) -> Vec<f64> {
    scaled_degree(g, degree(g))
}

/// In-degree / (n − 1), networkx `in_degree_centrality` (plain degree centrality when undirected).
pub fn in_degree_centrality(g: &Graph) -> Vec<f64> {
    scaled_degree(g, in_degree(g))
}

/// Out-degree / (n − 1), networkx `out_degree_centrality` (plain degree centrality when undirected).
pub fn out_degree_centrality(g: &Graph) -> Vec<f64> {
    scaled_degree(g, out_degree(g))
}

fn scaled_degree(g: &Graph, deg: Vec<usize>) -> Vec<f64> {
    let n = g.node_count();
    if n <= 1 {
        return vec![1.0; n];
    }
    let s = 1.0 / (n - 1) as f64;
    deg.into_iter().map(|d| d as f64 * s).collect()
}

/// Options for [`betweenness`]. The default is networkx's default: normalised, no endpoints,
/// unweighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BetweennessOptions {
    /// Divide by the number of pairs that could pass through a node (see [`betweenness`]).
    pub normalized: bool,
    /// Count the endpoints of each shortest path as lying on it (networkx `endpoints=True`).
    pub endpoints: bool,
    /// Use edge weights as lengths (networkx `weight="weight"`, igraph `weights=`).
    pub weighted: bool,
}

impl Default for BetweennessOptions {
    fn default() -> Self {
        BetweennessOptions { normalized: true, endpoints: false, weighted: false }
    }
}

/// Exact betweenness centrality (Brandes 2001), networkx `betweenness_centrality`.
///
/// * **Raw** (`normalized: false`): Σ over pairs s ≠ v ≠ t of σ_st(v)/σ_st. Undirected graphs
///   count each unordered pair {s, t} once, directed graphs each ordered pair. This equals
///   networkx `normalized=False` and igraph `betweenness()`.
/// * **Normalised** (default): raw / ((n−1)(n−2)/2) when undirected, raw / ((n−1)(n−2)) when
///   directed — networkx's default. With `endpoints` the denominators are n(n−1)/2 and n(n−1),
///   and each node also gets credit for the paths it starts or ends (as networkx). Graphs with
///   too few nodes for any pair (n ≤ 2, or n < 2 with endpoints) are not rescaled.
/// * **Weighted**: weights are lengths; Dijkstra compares path lengths exactly (as networkx),
///   so counts of equally short paths are only unambiguous when sums of weights are exact in
///   `f64` (e.g. integer weights). On an unweighted graph `weighted` changes nothing.
/// * Isolated nodes and leaves get 0.
///
/// Runs one BFS (or Dijkstra) per source in parallel with rayon; O(n·m) unweighted.
pub fn betweenness(g: &Graph, opts: BetweennessOptions) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let csr = g.out_csr();
    let weighted = opts.weighted && g.is_weighted();
    let endpoints = opts.endpoints;
    // Fixed chunks of sources, one workspace each, summed in chunk order: the result does not
    // depend on how rayon schedules the work (a `fold` would split differently each run and make
    // the last bits of the sums vary).
    let chunks = (rayon::current_num_threads() * 8).clamp(1, n);
    let per_chunk = n.div_ceil(chunks);
    let partial: Vec<Vec<f64>> = (0..n.div_ceil(per_chunk))
        .into_par_iter()
        .map(|c| {
            let mut ws = Workspace::new(n);
            let mut acc = vec![0.0f64; n];
            for s in c * per_chunk..((c + 1) * per_chunk).min(n) {
                if weighted {
                    ws.dijkstra(csr, s as NodeId, true);
                    ws.accumulate_weighted(csr, s as NodeId, &mut acc, endpoints);
                } else {
                    ws.bfs(csr, s as NodeId, true);
                    ws.accumulate_unweighted(csr, s as NodeId, &mut acc, endpoints);
                }
                ws.reset();
            }
            acc
        })
        .collect();
    let mut bc = vec![0.0f64; n];
    for acc in &partial {
        bc.iter_mut().zip(acc).for_each(|(x, y)| *x += y);
    }
    // The sum above runs over ordered pairs (s, t).
    let pairs_base = if endpoints { n } else { n.saturating_sub(1) };
    let scale = if opts.normalized {
        if pairs_base < 2 {
            None
        } else {
            Some(1.0 / (pairs_base as f64 * (pairs_base - 1) as f64))
        }
    } else if g.is_directed() {
        None
    } else {
        Some(0.5)
    };
    if let Some(s) = scale {
        bc.iter_mut().for_each(|x| *x *= s);
    }
    bc
}

/// Options for [`closeness`]. Default: networkx's default (Wasserman–Faust scaling, unweighted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosenessOptions {
    /// Multiply by (r−1)/(n−1), the Wasserman–Faust correction (networkx `wf_improved=True`).
    pub wf_improved: bool,
    /// Use edge weights as lengths (networkx `distance="weight"`).
    pub weighted: bool,
}

impl Default for ClosenessOptions {
    fn default() -> Self {
        ClosenessOptions { wf_improved: true, weighted: false }
    }
}

/// Closeness centrality, networkx `closeness_centrality`.
///
/// With r(u) the number of nodes that can reach u (u included) and Σd the sum of their
/// distances **to** u: C(u) = (r−1)/Σd, times (r−1)/(n−1) when `wf_improved` (the default, the
/// Wasserman–Faust scaling that keeps nodes of small components from scoring high; it is 1 on
/// connected graphs). A node nobody reaches (e.g. isolated) gets 0.
///
/// * Directed graphs use **incoming** distances d(v, u), as networkx; for outgoing closeness
///   reverse the graph first.
/// * igraph `closeness()` is the `wf_improved: false` variant for connected parts, but returns
///   NaN where this returns 0, and on directed graphs defaults to ignoring direction.
pub fn closeness(g: &Graph, opts: ClosenessOptions) -> Vec<f64> {
    let n = g.node_count();
    let weighted = opts.weighted && g.is_weighted();
    per_source(g, weighted, |dist_sum, _harm, reached| {
        if dist_sum > 0.0 && n > 1 {
            let r1 = (reached - 1) as f64;
            let c = r1 / dist_sum;
            if opts.wf_improved {
                c * (r1 / (n - 1) as f64)
            } else {
                c
            }
        } else {
            0.0
        }
    })
}

/// Harmonic centrality Σ_{v≠u} 1/d(v, u), networkx `harmonic_centrality` (not normalised;
/// igraph's default divides by n − 1). Unreachable pairs add 0. Directed graphs use incoming
/// distances, as networkx. `weighted` uses weights as lengths (networkx `distance="weight"`).
pub fn harmonic(g: &Graph, weighted: bool) -> Vec<f64> {
    let weighted = weighted && g.is_weighted();
    per_source(g, weighted, |_sum, harm, _reached| harm)
}

/// Runs a single-source search from every node over the incoming adjacency and maps
/// (sum of distances, sum of reciprocal distances, reached count incl. the source).
fn per_source<F>(g: &Graph, weighted: bool, f: F) -> Vec<f64>
where
    F: Fn(f64, f64, usize) -> f64 + Sync,
{
    let n = g.node_count();
    let csr = g.incoming();
    (0..n)
        .into_par_iter()
        .with_min_len(16)
        .map_init(
            || Workspace::new(n),
            |ws, u| {
                let (sum, harm) = if weighted {
                    ws.dijkstra(csr, u as NodeId, false);
                    ws.order.iter().fold((0.0, 0.0), |(s, h), &v| {
                        let d = ws.dist[v as usize];
                        (s + d, if d > 0.0 { h + 1.0 / d } else { h })
                    })
                } else {
                    ws.bfs(csr, u as NodeId, false);
                    let mut sum = 0u64;
                    let mut harm = 0.0;
                    for &v in &ws.order[1..] {
                        let d = ws.hops[v as usize];
                        sum += d as u64;
                        harm += 1.0 / d as f64;
                    }
                    (sum as f64, harm)
                };
                let reached = ws.order.len();
                ws.reset();
                f(sum, harm, reached)
            },
        )
        .collect()
}

const UNSEEN: u32 = u32::MAX;

/// Per-thread scratch space for single-source shortest paths; reset touches only visited nodes.
struct Workspace {
    hops: Vec<u32>,
    dist: Vec<f64>,
    sigma: Vec<f64>,
    /// Brandes' dependency, stored as (1 + δ(w)) / σ(w) once w is finished.
    coef: Vec<f64>,
    order: Vec<NodeId>,
    heap: BinaryHeap<HeapItem>,
}

impl Workspace {
    fn new(n: usize) -> Workspace {
        Workspace {
            hops: vec![UNSEEN; n],
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            coef: vec![0.0; n],
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.order {
            let v = v as usize;
            self.hops[v] = UNSEEN;
            self.dist[v] = f64::INFINITY;
            self.sigma[v] = 0.0;
            self.coef[v] = 0.0;
        }
        self.order.clear();
        self.heap.clear();
    }

    /// BFS from `s`; `order` gets nodes by non-decreasing distance. Counts shortest paths only
    /// when asked (closeness does not need them). The inner loop is branch-free: on graphs with
    /// small diameter "seen or not" is a coin toss, and mispredicted branches cost more than the
    /// unconditional writes.
    fn bfs(&mut self, csr: &Csr, s: NodeId, count_paths: bool) {
        let n = self.hops.len();
        // One spare slot: the unconditional write below may land one past the tail.
        self.order.resize(n + 1, 0);
        self.hops[s as usize] = 0;
        self.sigma[s as usize] = 1.0;
        self.order[0] = s;
        let mut tail = 1;
        let mut head = 0;
        while head < tail {
            let v = self.order[head] as usize;
            head += 1;
            let next = self.hops[v] + 1;
            let sv = self.sigma[v];
            for &w in csr.row(v) {
                let w = w as usize;
                let hw = self.hops[w];
                let unseen = hw == UNSEEN;
                self.order[tail] = w as NodeId;
                tail += unseen as usize;
                let hw = if unseen { next } else { hw };
                self.hops[w] = hw;
                if count_paths {
                    self.sigma[w] += if hw == next { sv } else { 0.0 };
                }
            }
        }
        self.order.truncate(tail);
    }

    /// Dijkstra from `s` with exact comparisons of path lengths (as networkx).
    fn dijkstra(&mut self, csr: &Csr, s: NodeId, count_paths: bool) {
        let Some(weights) = csr.weights.as_deref() else {
            // Callers only ask for Dijkstra on weighted graphs.
            return self.bfs(csr, s, count_paths);
        };
        self.dist[s as usize] = 0.0;
        self.sigma[s as usize] = 1.0;
        self.heap.push(HeapItem { dist: 0.0, node: s });
        while let Some(HeapItem { dist, node }) = self.heap.pop() {
            let v = node as usize;
            // `hops` marks finished nodes here; a stale heap entry has a larger distance.
            if self.hops[v] != UNSEEN || dist > self.dist[v] {
                continue;
            }
            self.hops[v] = 0;
            self.order.push(node);
            let sv = self.sigma[v];
            let (a, b) = (csr.offsets[v], csr.offsets[v + 1]);
            for (&w, &len) in csr.targets[a..b].iter().zip(&weights[a..b]) {
                let w = w as usize;
                if self.hops[w] != UNSEEN {
                    continue;
                }
                let nd = dist + len;
                let dw = self.dist[w];
                if nd < dw {
                    self.dist[w] = nd;
                    if count_paths {
                        self.sigma[w] = sv;
                    }
                    self.heap.push(HeapItem { dist: nd, node: w as NodeId });
                } else if count_paths && nd == dw {
                    self.sigma[w] += sv;
                }
            }
        }
    }

    fn accumulate_unweighted(&mut self, csr: &Csr, s: NodeId, acc: &mut [f64], endpoints: bool) {
        for &v in self.order.iter().rev() {
            let v = v as usize;
            let next = self.hops[v] + 1;
            // Four partial sums break the chain of dependent float additions.
            let mut part = [0.0f64; 4];
            let row = csr.row(v);
            let mut quads = row.chunks_exact(4);
            for q in &mut quads {
                for (p, &w) in part.iter_mut().zip(q) {
                    let c = self.coef[w as usize];
                    *p += if self.hops[w as usize] == next { c } else { 0.0 };
                }
            }
            for &w in quads.remainder() {
                let c = self.coef[w as usize];
                part[0] += if self.hops[w as usize] == next { c } else { 0.0 };
            }
            let sum = (part[0] + part[1]) + (part[2] + part[3]);
            let delta = self.sigma[v] * sum;
            self.coef[v] = (1.0 + delta) / self.sigma[v];
            if v != s as usize {
                acc[v] += if endpoints { delta + 1.0 } else { delta };
            }
        }
        if endpoints {
            acc[s as usize] += (self.order.len() - 1) as f64;
        }
    }

    fn accumulate_weighted(&mut self, csr: &Csr, s: NodeId, acc: &mut [f64], endpoints: bool) {
        let weights = csr.weights.as_deref().unwrap_or(&[]);
        for &v in self.order.iter().rev() {
            let v = v as usize;
            let dv = self.dist[v];
            let mut sum = 0.0;
            let (a, b) = (csr.offsets[v], csr.offsets[v + 1]);
            for (&w, &len) in csr.targets[a..b].iter().zip(&weights[a..b]) {
                if dv + len == self.dist[w as usize] {
                    sum += self.coef[w as usize];
                }
            }
            let delta = self.sigma[v] * sum;
            self.coef[v] = (1.0 + delta) / self.sigma[v];
            if v != s as usize {
                acc[v] += if endpoints { delta + 1.0 } else { delta };
            }
        }
        if endpoints {
            acc[s as usize] += (self.order.len() - 1) as f64;
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct HeapItem {
    dist: f64,
    node: NodeId,
}

impl PartialEq for HeapItem {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for HeapItem {}
impl PartialOrd for HeapItem {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapItem {
    /// Reversed so `BinaryHeap` pops the smallest distance; distances are finite sums of positive
    /// finite weights, so `total_cmp` is the ordinary order.
    fn cmp(&self, other: &Self) -> Ordering {
        other.dist.total_cmp(&self.dist).then_with(|| other.node.cmp(&self.node))
    }
}

/// Eigenvector centrality, equal to networkx `eigenvector_centrality_numpy` (the exact leading
/// eigenvector, unit **L2** norm, all entries ≥ 0) to about 1e-10 on connected graphs.
///
/// Computed by power iteration on A + I (the shift keeps bipartite graphs from oscillating),
/// from the uniform vector, until successive vectors differ by less than 1e-13 (max norm) or
/// after 100,000 steps. Directed graphs use **in-edges**: x_u ∝ Σ_{v→u} x_v (networkx and
/// igraph). `weighted` uses weights as strengths. igraph scales to max = 1 instead: divide by the
/// largest entry.
///
/// On a disconnected graph the exact eigenvector is not unique (networkx's numpy version
/// refuses); this returns the power-iteration limit from the uniform start, which concentrates
/// on the component(s) with the largest spectral radius. Without edges every node gets
/// 1/√n.
pub fn eigenvector(g: &Graph, weighted: bool) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let csr = g.incoming();
    let weights = if weighted { csr.weights.as_deref() } else { None };
    let mut x = vec![1.0 / (n as f64).sqrt(); n];
    let mut next = vec![0.0; n];
    for _ in 0..100_000 {
        next.par_iter_mut().with_min_len(1024).enumerate().for_each(|(u, out)| {
            let (a, b) = (csr.offsets[u], csr.offsets[u + 1]);
            let mut s = x[u];
            match weights {
                Some(ws) => {
                    for (&v, &w) in csr.targets[a..b].iter().zip(&ws[a..b]) {
                        s += w * x[v as usize];
                    }
                }
                None => {
                    for &v in &csr.targets[a..b] {
                        s += x[v as usize];
                    }
                }
            }
            *out = s;
        });
        let norm = next.par_iter().with_min_len(1024).map(|v| v * v).sum::<f64>().sqrt();
        let inv = 1.0 / norm;
        let change = next
            .par_iter_mut()
            .with_min_len(1024)
            .zip(x.par_iter())
            .map(|(v, old)| {
                *v *= inv;
                (*v - old).abs()
            })
            .reduce(|| 0.0, f64::max);
        std::mem::swap(&mut x, &mut next);
        if change < 1e-13 {
            break;
        }
    }
    x
}

/// PageRank with damping α, networkx `pagerank` (and igraph PRPACK) to better than 1e-9.
///
/// Power iteration from the uniform vector until the L1 change between two steps is below
/// [`PAGERANK_L1_CHANGE`] (1e-10). One step is a contraction by α in the L1 norm, so the L1
/// distance to the exact vector is then below α/(1−α) · 1e-10 ≈ 6e-10, and every entry is at
/// least that close (igraph's PRPACK solves to 1e-10; networkx's default tolerance stops much
/// earlier and is only good to ~1e-5). Nodes
/// without out-edges (dangling) spread their rank uniformly over all nodes; teleportation is
/// uniform; an undirected edge counts as two arcs. `weighted` uses weights as strengths: a node
/// passes rank in proportion to the weight of each out-edge. Note that networkx's `pagerank`
/// uses the `weight` attribute **by default** when it exists, igraph does not. Sums to 1.
///
/// Each step is one fused pass over the in-adjacency CSR (parallel over fixed blocks of nodes,
/// so the result is the same whatever the number of threads): it pulls the neighbours' rank
/// shares (rank × 1/out-strength, precomputed), and in the same pass writes the node's own
/// share for the next step and sums the L1 change and the dangling rank.
pub fn pagerank(g: &Graph, alpha: f64, weighted: bool) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let out = g.out_csr();
    let inc = g.incoming();
    let weighted = weighted && g.is_weighted();
    let inv_strength: Vec<f64> = (0..n)
        .map(|v| {
            let s = if weighted { g.out_strength(v) } else { out.len(v) as f64 };
            if s > 0.0 {
                1.0 / s
            } else {
                0.0
            }
        })
        .collect();
    let in_weights = if weighted { inc.weights.as_deref() } else { None };
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    // share[v] = x[v] / out-strength(v): what v passes along each (unit-weight) out-edge.
    let mut share: Vec<f64> = inv_strength.iter().map(|&i| i / nf).collect();
    let mut next_share = vec![0.0; n];
    let mut dangle: f64 = inv_strength.iter().filter(|&&i| i == 0.0).count() as f64 / nf;
    const BLOCK: usize = 2048;
    let mut partial: Vec<(f64, f64)> = Vec::with_capacity(n.div_ceil(BLOCK));
    for _ in 0..10_000 {
        let base = (alpha * dangle + (1.0 - alpha)) / nf;
        next.par_chunks_mut(BLOCK)
            .zip(next_share.par_chunks_mut(BLOCK))
            .enumerate()
            .map(|(b, (xs, ss))| {
                let first = b * BLOCK;
                let (mut err, mut dangling) = (0.0, 0.0);
                for (k, (xo, so)) in xs.iter_mut().zip(ss.iter_mut()).enumerate() {
                    let u = first + k;
                    let (a, e) = (inc.offsets[u], inc.offsets[u + 1]);
                    let mut s = 0.0;
                    match in_weights {
                        Some(ws) => {
                            for (&v, &w) in inc.targets[a..e].iter().zip(&ws[a..e]) {
                                s += w * share[v as usize];
                            }
                        }
                        None => s = gather_sum(&inc.targets[a..e], &share),
                    }
                    let r = alpha * s + base;
                    err += (r - x[u]).abs();
                    let inv = inv_strength[u];
                    if inv == 0.0 {
                        dangling += r;
                    }
                    *xo = r;
                    *so = r * inv;
                }
                (err, dangling)
            })
            .collect_into_vec(&mut partial);
        // Summed in block order: the same bits whatever the thread count.
        let (err, dangling) = partial.iter().fold((0.0, 0.0), |(e, d), &(pe, pd)| (e + pe, d + pd));
        std::mem::swap(&mut x, &mut next);
        std::mem::swap(&mut share, &mut next_share);
        dangle = dangling;
        if err < PAGERANK_L1_CHANGE {
            break;
        }
    }
    let total: f64 = x.iter().sum();
    x.iter_mut().for_each(|v| *v /= total);
    x
}

/// Σ values[i] over `ids`, with four independent accumulators: a single running sum is one long
/// chain of dependent additions, which costs more than the (cache-resident) loads it waits for.
#[inline]
fn gather_sum(ids: &[NodeId], values: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let mut quads = ids.chunks_exact(4);
    for q in &mut quads {
        acc[0] += values[q[0] as usize];
        acc[1] += values[q[1] as usize];
        acc[2] += values[q[2] as usize];
        acc[3] += values[q[3] as usize];
    }
    for (a, &v) in acc.iter_mut().zip(quads.remainder()) {
        *a += values[v as usize];
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// [`pagerank`] stops when one step changes the vector by less than this in the L1 norm.
pub const PAGERANK_L1_CHANGE: f64 = 1e-10;

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: usize, directed: bool, e: &[(u32, u32)]) -> Graph {
        let edges: Vec<_> = e.iter().map(|&(a, b)| (a, b, None)).collect();
        Graph::from_edges(n, directed, &edges).unwrap()
    }

    fn close(a: &[f64], b: &[f64]) {
        close_to(a, b, 1e-12);
    }

    fn close_to(a: &[f64], b: &[f64], tol: f64) {
        assert_eq!(a.len(), b.len());
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            assert!((x - y).abs() < tol, "index {i}: {x} vs {y}\n{a:?}\n{b:?}");
        }
    }

    /// PageRank stops at an L1 change of 1e-10, so it is within 6e-10 of the fixed point.
    const PAGERANK_TOL: f64 = 1e-9;

    const RAW: BetweennessOptions = BetweennessOptions { normalized: false, endpoints: false, weighted: false };

    #[test]
    fn path_betweenness_and_closeness() {
        let p = g(4, false, &[(0, 1), (1, 2), (2, 3)]);
        close(&betweenness(&p, RAW), &[0.0, 2.0, 2.0, 0.0]);
        close(&betweenness(&p, BetweennessOptions::default()), &[0.0, 2.0 / 3.0, 2.0 / 3.0, 0.0]);
        close(&closeness(&p, ClosenessOptions::default()), &[3.0 / 6.0, 3.0 / 4.0, 3.0 / 4.0, 3.0 / 6.0]);
        close(&harmonic(&p, false), &[1.0 + 0.5 + 1.0 / 3.0, 2.5, 2.5, 1.0 + 0.5 + 1.0 / 3.0]);
        close(&degree_centrality(&p), &[1.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 1.0 / 3.0]);
    }

    #[test]
    fn star_betweenness_with_endpoints() {
        let s = g(4, false, &[(0, 1), (0, 2), (0, 3)]);
        close(&betweenness(&s, RAW), &[3.0, 0.0, 0.0, 0.0]);
        close(&betweenness(&s, BetweennessOptions::default()), &[1.0, 0.0, 0.0, 0.0]);
        // networkx: betweenness_centrality(star_graph(3), endpoints=True)
        let e = betweenness(&s, BetweennessOptions { endpoints: true, ..Default::default() });
        close(&e, &[1.0, 0.5, 0.5, 0.5]);
    }

    #[test]
    fn directed_cycle() {
        let c = g(3, true, &[(0, 1), (1, 2), (2, 0)]);
        close(&betweenness(&c, RAW), &[1.0, 1.0, 1.0]);
        close(&betweenness(&c, BetweennessOptions::default()), &[0.5, 0.5, 0.5]);
        close(&closeness(&c, ClosenessOptions::default()), &[2.0 / 3.0; 3]);
        close(&pagerank(&c, 0.85, false), &[1.0 / 3.0; 3]);
        close(&eigenvector(&c, false), &[1.0 / 3f64.sqrt(); 3]);
    }

    #[test]
    fn directed_closeness_uses_incoming_distances() {
        // 0 → 1 → 2: networkx closeness_centrality gives {0: 0, 1: 0.5, 2: 2/3}.
        let p = g(3, true, &[(0, 1), (1, 2)]);
        close(&closeness(&p, ClosenessOptions::default()), &[0.0, 0.5, 2.0 / 3.0]);
        close(&closeness(&p, ClosenessOptions { wf_improved: false, weighted: false }), &[0.0, 1.0, 2.0 / 3.0]);
        close(&harmonic(&p, false), &[0.0, 1.0, 1.5]);
        // networkx pagerank(DiGraph 0→1→2): dangling node 2 spreads uniformly.
        let pr = pagerank(&p, 0.85, false);
        close_to(&pr, &[0.18441678192715505, 0.34117104656523783, 0.4744121715076068], PAGERANK_TOL);
    }

    #[test]
    fn disconnected_and_isolated() {
        // Edge {0,1}, path 2-3-4, isolated 5 (networkx values).
        let d = g(6, false, &[(0, 1), (2, 3), (3, 4)]);
        close(&betweenness(&d, RAW), &[0.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        close(&closeness(&d, ClosenessOptions::default()), &[0.2, 0.2, 2.0 / 3.0 * 0.4, 0.4, 2.0 / 3.0 * 0.4, 0.0]);
        close(&closeness(&d, ClosenessOptions { wf_improved: false, weighted: false }), &[1.0, 1.0, 2.0 / 3.0, 1.0, 2.0 / 3.0, 0.0]);
        let pr = pagerank(&d, 0.85, false);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // networkx (tight tolerance)
        close_to(
            &pr,
            &[0.19417475728155337, 0.19417475728155337, 0.14956704277092692, 0.2833901863028063, 0.14956704277092692, 0.02912621359223301],
            PAGERANK_TOL,
        );
    }

    #[test]
    fn tiny_graphs() {
        let empty = g(0, false, &[]);
        assert!(betweenness(&empty, BetweennessOptions::default()).is_empty());
        assert!(closeness(&empty, ClosenessOptions::default()).is_empty());
        assert!(pagerank(&empty, 0.85, false).is_empty());
        assert!(eigenvector(&empty, false).is_empty());
        assert!(degree_centrality(&empty).is_empty());
        let one = g(1, false, &[]);
        close(&betweenness(&one, BetweennessOptions::default()), &[0.0]);
        close(&betweenness(&one, BetweennessOptions { endpoints: true, ..Default::default() }), &[0.0]);
        close(&closeness(&one, ClosenessOptions::default()), &[0.0]);
        close(&pagerank(&one, 0.85, false), &[1.0]);
        close(&eigenvector(&one, false), &[1.0]);
        close(&degree_centrality(&one), &[1.0]);
        let two = g(2, false, &[(0, 1)]);
        close(&betweenness(&two, BetweennessOptions::default()), &[0.0, 0.0]);
        close(&eigenvector(&two, false), &[0.5f64.sqrt(); 2]);
    }

    #[test]
    fn weighted_paths_prefer_short_lengths() {
        // Square 0-1-2-3-0 with one long side: 0→2 goes only via 1 when 0-3 is long.
        let e = [(0, 1, Some(1.0)), (1, 2, Some(1.0)), (2, 3, Some(1.0)), (3, 0, Some(5.0))];
        let sq = Graph::from_edges(4, false, &e).unwrap();
        let bw = betweenness(&sq, BetweennessOptions { normalized: false, endpoints: false, weighted: true });
        // networkx: {0: 0, 1: 2, 2: 2, 3: 0}
        close(&bw, &[0.0, 2.0, 2.0, 0.0]);
        let unweighted = betweenness(&sq, RAW);
        close(&unweighted, &[0.5; 4]);
        let c = closeness(&sq, ClosenessOptions { wf_improved: true, weighted: true });
        close(&c, &[3.0 / 6.0, 3.0 / 4.0, 3.0 / 4.0, 3.0 / 6.0]);
    }
}
