//! Whole-graph numbers: density, degree centralization, reciprocity, E-I index.

use crate::graph::{Graph, NodeId};

/// Density, networkx `density`, igraph `density(loops=False)`: 2m / (n(n−1)) undirected,
/// m / (n(n−1)) directed; 0 for graphs with fewer than two nodes.
pub fn density(g: &Graph) -> f64 {
    let n = g.node_count() as f64;
    if g.node_count() < 2 {
        return 0.0;
    }
    let m = g.edge_count() as f64;
    if g.is_directed() {
        m / (n * (n - 1.0))
    } else {
        2.0 * m / (n * (n - 1.0))
    }
}

/// Which degree [`degree_centralization`] uses on a directed graph (ignored when undirected).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DegreeMode {
    #[default]
    In,
    Out,
    /// In + out.
    All,
}

/// Freeman degree centralization Σ_v (d_max − d_v) / max, where max is the largest value the sum
/// can take on a loop-free graph with n nodes (igraph C `igraph_centralization_degree_tmax`):
///
/// * undirected: (n−1)(n−2), attained by a star;
/// * directed, in- or out-degree: (n−1)²;
/// * directed, in + out degree: 2(n−1)(n−2).
///
/// 0 for graphs with fewer than three nodes (two with in/out mode), where the maximum is 0.
/// Neither networkx nor igraph's Python API exposes this; values agree with igraph's C core.
pub fn degree_centralization(g: &Graph, mode: DegreeMode) -> f64 {
    let n = g.node_count();
    let degrees: Vec<usize> = (0..n as NodeId)
        .map(|v| match (g.is_directed(), mode) {
            (false, _) => g.out_degree(v),
            (true, DegreeMode::In) => g.in_degree(v),
            (true, DegreeMode::Out) => g.out_degree(v),
            (true, DegreeMode::All) => g.degree(v),
        })
        .collect();
    let Some(&max) = degrees.iter().max() else {
        return 0.0;
    };
    let nf = n as f64;
    let tmax = match (g.is_directed(), mode) {
        (false, _) => (nf - 1.0) * (nf - 2.0),
        (true, DegreeMode::In | DegreeMode::Out) => (nf - 1.0) * (nf - 1.0),
        (true, DegreeMode::All) => 2.0 * (nf - 1.0) * (nf - 2.0),
    };
    if tmax <= 0.0 {
        return 0.0;
    }
    let sum: usize = degrees.iter().map(|&d| max - d).sum();
    sum as f64 / tmax
}

/// Reciprocity: the share of arcs u→v whose reverse v→u also exists, networkx
/// `overall_reciprocity` and igraph `reciprocity()` (default mode). Every edge of an undirected
/// graph is mutual, so it gives 1 (igraph; networkx refuses). `None` without edges (both
/// libraries raise or return NaN there).
pub fn reciprocity(g: &Graph) -> Option<f64> {
    let m = g.edge_count();
    if m == 0 {
        return None;
    }
    if !g.is_directed() {
        return Some(1.0);
    }
    let mutual: usize = (0..g.node_count() as NodeId)
        .map(|u| g.out_neighbors(u).iter().filter(|&&v| g.out_neighbors(v).binary_search(&u).is_ok()).count())
        .sum();
    Some(mutual as f64 / m as f64)
}

/// External–internal index (Krackhardt & Stern 1988) of a node partition: (E − I) / (E + I),
/// with E the number of edges between different groups and I the number inside a group. −1: all
/// ties internal; +1: all ties external. Directed graphs count arcs; weights are ignored.
/// `groups[v]` is the group of node v. `None` when the graph has no edges, or when `groups` does
/// not have one entry per node.
pub fn ei_index(g: &Graph, groups: &[u32]) -> Option<f64> {
    if groups.len() != g.node_count() {
        return None;
    }
    let (mut external, mut internal) = (0usize, 0usize);
    for (u, v, _) in g.edges() {
        if groups[u as usize] == groups[v as usize] {
            internal += 1;
        } else {
            external += 1;
        }
    }
    let total = external + internal;
    (total > 0).then(|| (external as f64 - internal as f64) / total as f64)
}

/// E-I index of each group: edges with one end in the group (E) against edges with both ends in
/// it (I). Indexed by group id `0..=max(groups)`; `None` for a group without edges, or for every
/// group when `groups` does not have one entry per node.
pub fn ei_index_per_group(g: &Graph, groups: &[u32]) -> Vec<Option<f64>> {
    let k = groups.iter().copied().max().map_or(0, |m| m as usize + 1);
    if groups.len() != g.node_count() {
        return vec![None; k];
    }
    let mut external = vec![0usize; k];
    let mut internal = vec![0usize; k];
    for (u, v, _) in g.edges() {
        let (a, b) = (groups[u as usize] as usize, groups[v as usize] as usize);
        if a == b {
            internal[a] += 1;
        } else {
            external[a] += 1;
            external[b] += 1;
        }
    }
    (0..k)
        .map(|c| {
            let total = external[c] + internal[c];
            (total > 0).then(|| (external[c] as f64 - internal[c] as f64) / total as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: usize, directed: bool, e: &[(u32, u32)]) -> Graph {
        let edges: Vec<_> = e.iter().map(|&(a, b)| (a, b, None)).collect();
        Graph::from_edges(n, directed, &edges).unwrap()
    }

    #[test]
    fn star_is_maximally_centralized() {
        let star = g(5, false, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(degree_centralization(&star, DegreeMode::default()), 1.0);
        assert!((density(&star) - 0.4).abs() < 1e-15);
        let cycle = g(4, false, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert_eq!(degree_centralization(&cycle, DegreeMode::default()), 0.0);
        let in_star = g(4, true, &[(1, 0), (2, 0), (3, 0)]);
        assert_eq!(degree_centralization(&in_star, DegreeMode::In), 1.0);
        assert!((degree_centralization(&in_star, DegreeMode::Out) - 1.0 / 9.0).abs() < 1e-15);
        assert!((density(&in_star) - 0.25).abs() < 1e-15);
    }

    #[test]
    fn tiny_graphs() {
        let empty = g(0, false, &[]);
        assert_eq!(density(&empty), 0.0);
        assert_eq!(degree_centralization(&empty, DegreeMode::In), 0.0);
        assert_eq!(reciprocity(&empty), None);
        assert_eq!(ei_index(&empty, &[]), None);
        let one = g(1, true, &[]);
        assert_eq!(density(&one), 0.0);
        assert_eq!(degree_centralization(&one, DegreeMode::All), 0.0);
    }

    #[test]
    fn reciprocity_counts_mutual_arcs() {
        let d = g(3, true, &[(0, 1), (1, 0), (1, 2)]);
        assert!((reciprocity(&d).unwrap() - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(reciprocity(&g(2, false, &[(0, 1)])), Some(1.0));
    }

    #[test]
    fn ei_index_of_two_groups() {
        // two triangles joined by one edge
        let t = g(6, false, &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]);
        let groups = [0, 0, 0, 1, 1, 1];
        assert!((ei_index(&t, &groups).unwrap() - (1.0 - 6.0) / 7.0).abs() < 1e-15);
        assert_eq!(ei_index_per_group(&t, &groups), vec![Some(-0.5), Some(-0.5)]);
        assert_eq!(ei_index(&t, &[0, 0]), None);
        assert_eq!(ei_index(&t, &[0, 1, 2, 3, 4, 5]), Some(1.0));
    }
}
