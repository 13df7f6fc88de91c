//! Triangles, clustering coefficients, transitivity and k-core numbers.

use rayon::prelude::*;

use crate::graph::{Graph, NodeId};

/// Triangles through each node, networkx `triangles`. Directed graphs are counted on their
/// underlying undirected graph (direction ignored, a reciprocal pair is one edge), as igraph
/// does; networkx refuses directed graphs here.
pub fn triangles(g: &Graph) -> Vec<u64> {
    if g.is_directed() {
        return triangles_undirected(&g.to_undirected());
    }
    triangles_undirected(g)
}

fn triangles_undirected(g: &Graph) -> Vec<u64> {
    let n = g.node_count();
    let (offsets, fwd) = forward_adjacency(g);
    let row = |u: usize| &fwd[offsets[u]..offsets[u + 1]];
    (0..n)
        .into_par_iter()
        .with_min_len(256)
        .fold(
            || (vec![u32::MAX; n], vec![0u64; n]),
            |(mut mark, mut tri), u| {
                for &v in row(u) {
                    mark[v as usize] = u as u32;
                }
                for &v in row(u) {
                    for &w in row(v as usize) {
                        if mark[w as usize] == u as u32 {
                            tri[u] += 1;
                            tri[v as usize] += 1;
                            tri[w as usize] += 1;
                        }
                    }
                }
                (mark, tri)
            },
        )
        .map(|(_, tri)| tri)
        .reduce(
            || vec![0; n],
            |mut a, b| {
                a.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
                a
            },
        )
}

/// Each edge oriented from the lower to the higher (degree, id) rank, as CSR `(offsets, targets)`
/// with rows ascending by id: every triangle is then found once, from its lowest-ranked
/// corner, and hubs have short forward lists (O(m^1.5) work overall).
fn forward_adjacency(g: &Graph) -> (Vec<usize>, Vec<NodeId>) {
    let n = g.node_count();
    let higher = |a: usize, b: usize| (g.out_degree(b as NodeId), b) > (g.out_degree(a as NodeId), a);
    let counts: Vec<usize> = (0..n)
        .into_par_iter()
        .with_min_len(4096)
        .map(|u| g.out_neighbors(u as NodeId).iter().filter(|&&v| higher(u, v as usize)).count())
        .collect();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut total = 0;
    for c in counts {
        total += c;
        offsets.push(total);
    }
    let mut fwd: Vec<NodeId> = vec![0; total];
    // Fill in blocks of nodes: each block owns a contiguous slice of `fwd`.
    const BLOCK: usize = 4096;
    let mut slices: Vec<(usize, &mut [NodeId])> = Vec::with_capacity(n.div_ceil(BLOCK));
    let mut rest: &mut [NodeId] = &mut fwd;
    for first in (0..n).step_by(BLOCK) {
        let last = (first + BLOCK).min(n);
        let (head, tail) = std::mem::take(&mut rest).split_at_mut(offsets[last] - offsets[first]);
        slices.push((first, head));
        rest = tail;
    }
    slices.into_par_iter().for_each(|(first, out)| {
        let last = (first + BLOCK).min(n);
        let mut k = 0;
        for u in first..last {
            for &v in g.out_neighbors(u as NodeId) {
                if higher(u, v as usize) {
                    out[k] = v;
                    k += 1;
                }
            }
        }
    });
    (offsets, fwd)
}

/// Number of triangles in an undirected graph: for every forward edge u → v, the size of
/// forward(u) ∩ forward(v), by merging the two sorted rows.
fn triangle_total(g: &Graph) -> u64 {
    let (offsets, fwd) = forward_adjacency(g);
    let row = |u: usize| &fwd[offsets[u]..offsets[u + 1]];
    (0..g.node_count())
        .into_par_iter()
        .with_min_len(1024)
        .map(|u| {
            let ru = row(u);
            ru.iter().map(|&v| sorted_intersection_len(ru, row(v as usize))).sum::<u64>()
        })
        .sum()
}

/// |a ∩ b| for two ascending slices.
fn sorted_intersection_len(a: &[NodeId], b: &[NodeId]) -> u64 {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        count += (x == y) as u64;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    count
}

/// Local clustering coefficient, networkx `clustering` (unweighted).
///
/// * Undirected: 2T(v) / (d(d−1)); nodes with degree < 2 (and nodes in no triangle) get **0**
///   (igraph's default gives NaN for degree < 2; its `mode="zero"` matches this).
/// * Directed: networkx's directed definition (Fagiolo 2007): T(v) / (2·(d_tot(d_tot−1) − 2·d↔)),
///   where T counts directed triangles through v, d_tot = in + out degree, d↔ = reciprocated
///   pairs.
pub fn local_clustering(g: &Graph) -> Vec<f64> {
    if g.is_directed() {
        return directed_clustering(g);
    }
    let tri = triangles_undirected(g);
    (0..g.node_count())
        .map(|v| {
            let d = g.out_degree(v as NodeId) as f64;
            if tri[v] == 0 {
                0.0
            } else {
                2.0 * tri[v] as f64 / (d * (d - 1.0))
            }
        })
        .collect()
}

fn directed_clustering(g: &Graph) -> Vec<f64> {
    let n = g.node_count();
    (0..n)
        .into_par_iter()
        .with_min_len(64)
        .map_init(
            || vec![0u8; n],
            |mark, i| {
                let (preds, succs) = (g.in_neighbors(i as NodeId), g.out_neighbors(i as NodeId));
                for &p in preds {
                    mark[p as usize] |= 1;
                }
                for &s in succs {
                    mark[s as usize] |= 2;
                }
                let count = |k: &NodeId| (mark[*k as usize] & 1) as u64 + (mark[*k as usize] >> 1) as u64;
                let mut t = 0u64;
                for &j in preds.iter().chain(succs) {
                    t += g.in_neighbors(j).iter().map(count).sum::<u64>();
                    t += g.out_neighbors(j).iter().map(count).sum::<u64>();
                }
                let reciprocal = preds.iter().filter(|&&p| mark[p as usize] == 3).count() as f64;
                for &k in preds.iter().chain(succs) {
                    mark[k as usize] = 0;
                }
                let dt = (preds.len() + succs.len()) as f64;
                if t == 0 {
                    0.0
                } else {
                    t as f64 / ((dt * (dt - 1.0) - 2.0 * reciprocal) * 2.0)
                }
            },
        )
        .collect()
}

/// Which nodes [`average_clustering`] averages over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AverageClustering {
    /// All nodes, degree < 2 counting as 0: networkx `average_clustering` default
    /// (`count_zeros=True`), igraph `transitivity_avglocal_undirected(mode="zero")`.
    #[default]
    CountZeros,
    /// Only nodes whose coefficient is not 0: networkx `count_zeros=False`.
    ExcludeZeros,
    /// Only nodes of degree ≥ 2: igraph's default `transitivity_avglocal_undirected()`
    /// (`mode="nan"`). Undirected graphs (directed ones are first made undirected, as igraph).
    ExcludeDegreeBelowTwo,
}

/// Average local clustering; see [`AverageClustering`] for which nodes count. Returns 0 when no
/// node qualifies (networkx raises on an empty graph, igraph returns NaN).
pub fn average_clustering(g: &Graph, mode: AverageClustering) -> f64 {
    let values: Vec<f64> = match mode {
        AverageClustering::CountZeros => local_clustering(g),
        AverageClustering::ExcludeZeros => local_clustering(g).into_iter().filter(|&c| c != 0.0).collect(),
        AverageClustering::ExcludeDegreeBelowTwo => {
            let u = g.to_undirected();
            local_clustering(&u).into_iter().enumerate().filter(|&(v, _)| u.out_degree(v as NodeId) >= 2).map(|(_, c)| c).collect()
        }
    };
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Global transitivity 3 × triangles / connected triples, networkx `transitivity`, igraph
/// `transitivity_undirected`. Directed graphs are taken as undirected (igraph's behaviour).
/// 0 when there is no triangle.
pub fn transitivity(g: &Graph) -> f64 {
    let u;
    let g = if g.is_directed() {
        u = g.to_undirected();
        &u
    } else {
        g
    };
    let triangles = triangle_total(g);
    if triangles == 0 {
        return 0.0;
    }
    // Connected triples: d(d − 1)/2 per centre; each triangle closes three of them.
    let triples: u64 = (0..g.node_count()).map(|v| g.out_degree(v as NodeId) as u64).map(|d| d * d.saturating_sub(1) / 2).sum();
    3.0 * triangles as f64 / triples as f64
}

/// Core number of each node (the largest k such that the node belongs to the k-core), networkx
/// `core_number`, igraph `coreness(mode="all")`. Directed graphs use in + out degree, so a
/// reciprocated pair counts twice (networkx and igraph; rustworkx differs here).
///
/// Batagelj–Zaversnik bucket algorithm, O(n + m).
pub fn core_number(g: &Graph) -> Vec<u32> {
    let n = g.node_count();
    let mut deg: Vec<usize> = (0..n).map(|v| g.degree(v as NodeId)).collect();
    let max = deg.iter().copied().max().unwrap_or(0);
    let mut bin = vec![0usize; max + 1];
    for &d in &deg {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let count = *b;
        *b = start;
        start += count;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0 as NodeId; n];
    for v in 0..n {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v as NodeId;
        bin[deg[v]] += 1;
    }
    for d in (1..=max).rev() {
        bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for i in 0..n {
        let v = vert[i] as usize;
        let ins: &[NodeId] = if g.is_directed() { g.in_neighbors(v as NodeId) } else { &[] };
        for &u in g.out_neighbors(v as NodeId).iter().chain(ins) {
            let u = u as usize;
            if deg[u] > deg[v] {
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw] as usize;
                if u != w {
                    pos[u] = pw;
                    pos[w] = pu;
                    vert[pu] = w as NodeId;
                    vert[pw] = u as NodeId;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg.into_iter().map(|d| d as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: usize, directed: bool, e: &[(u32, u32)]) -> Graph {
        let edges: Vec<_> = e.iter().map(|&(a, b)| (a, b, None)).collect();
        Graph::from_edges(n, directed, &edges).unwrap()
    }

    #[test]
    fn triangle_and_pendant() {
        let t = g(4, false, &[(0, 1), (1, 2), (2, 0), (2, 3)]);
        assert_eq!(triangles(&t), vec![1, 1, 1, 0]);
        assert_eq!(local_clustering(&t), vec![1.0, 1.0, 1.0 / 3.0, 0.0]);
        assert!((transitivity(&t) - 3.0 / 5.0).abs() < 1e-15);
        assert!((average_clustering(&t, AverageClustering::CountZeros) - (7.0 / 3.0) / 4.0).abs() < 1e-15);
        assert!((average_clustering(&t, AverageClustering::ExcludeZeros) - (7.0 / 3.0) / 3.0).abs() < 1e-15);
        assert!((average_clustering(&t, AverageClustering::ExcludeDegreeBelowTwo) - (7.0 / 3.0) / 3.0).abs() < 1e-15);
        assert_eq!(core_number(&t), vec![2, 2, 2, 1]);
    }

    #[test]
    fn empty_graphs() {
        let e = g(0, false, &[]);
        assert_eq!(transitivity(&e), 0.0);
        assert_eq!(average_clustering(&e, AverageClustering::CountZeros), 0.0);
        assert!(core_number(&e).is_empty());
        let one = g(1, false, &[]);
        assert_eq!(core_number(&one), vec![0]);
        assert_eq!(local_clustering(&one), vec![0.0]);
    }

    #[test]
    fn directed_matches_networkx() {
        // networkx: G = DiGraph([(0,1),(1,2),(2,0),(1,0),(2,3),(3,1)]); clustering(G)
        let d = g(4, true, &[(0, 1), (1, 2), (2, 0), (1, 0), (2, 3), (3, 1)]);
        let c = local_clustering(&d);
        let expected = [0.5, 0.3, 0.5, 0.5];
        for (a, b) in c.iter().zip(expected) {
            assert!((a - b).abs() < 1e-12, "{c:?}");
        }
        // networkx core_number(G) (in + out degree)
        assert_eq!(core_number(&d), vec![2, 2, 2, 2]);
        assert_eq!(triangles(&d), vec![1, 2, 2, 1]);
    }
}
