//! The compact graph type: compressed sparse row (CSR) adjacency with `u32` node ids.

use thiserror::Error;

/// Node identifier: an index `0..n`.
pub type NodeId = u32;

/// Why a graph could not be built.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum GraphError {
    /// The node count does not fit in a `u32` id space.
    #[error("too many nodes: {0} (at most {max})", max = u32::MAX)]
    TooManyNodes(usize),
    /// An edge names a node outside `0..n`.
    #[error("edge {index} refers to node {node}, but the graph has only {n} nodes")]
    NodeOutOfRange { index: usize, node: NodeId, n: usize },
    /// A weight that is not finite and strictly positive.
    #[error("edge {index} has weight {weight}; weights must be finite and greater than zero")]
    InvalidWeight { index: usize, weight: f64 },
}

/// A simple graph (no self-loops, no parallel edges), directed or undirected, optionally weighted.
///
/// Storage is CSR: for node `v` its out-neighbours are `targets[offsets[v]..offsets[v + 1]]`, sorted
/// ascending. An undirected edge `{u, v}` is stored as the two arcs `u→v` and `v→u`. Directed graphs
/// also keep the reverse (in-neighbour) CSR, so metrics that follow incoming edges (closeness,
/// PageRank, eigenvector) read memory sequentially.
///
/// Weights have two readings, as in networkx and igraph: a **length** (distance) for
/// betweenness, closeness and harmonic centrality, and a **strength** for PageRank, eigenvector
/// centrality, modularity and Louvain. Every metric that can use weights takes an explicit
/// `weighted` switch; on an unweighted graph every edge has weight 1.
#[derive(Debug, Clone)]
pub struct Graph {
    n: usize,
    directed: bool,
    edge_count: usize,
    out: Csr,
    /// Reverse adjacency; only for directed graphs (for undirected graphs `out` is symmetric).
    inc: Option<Csr>,
}

#[derive(Debug, Clone)]
pub(crate) struct Csr {
    pub(crate) offsets: Vec<usize>,
    pub(crate) targets: Vec<NodeId>,
    pub(crate) weights: Option<Vec<f64>>,
}

impl Csr {
    /// Builds rows from arcs `(from, to, weight)` that are already unique; rows come out sorted.
    fn build(n: usize, arcs: &[(NodeId, NodeId, f64)], weighted: bool) -> Csr {
        let mut offsets = vec![0usize; n + 1];
        for &(u, _, _) in arcs {
            offsets[u as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0 as NodeId; arcs.len()];
        let mut weights = if weighted { vec![0.0; arcs.len()] } else { Vec::new() };
        for &(u, v, w) in arcs {
            let slot = fill[u as usize];
            fill[u as usize] += 1;
            targets[slot] = v;
            if weighted {
                weights[slot] = w;
            }
        }
        let mut csr = Csr { offsets, targets, weights: weighted.then_some(weights) };
        csr.sort_rows();
        csr
    }

    fn sort_rows(&mut self) {
        let n = self.offsets.len() - 1;
        let mut buf: Vec<(NodeId, f64)> = Vec::new();
        for v in 0..n {
            let (a, b) = (self.offsets[v], self.offsets[v + 1]);
            let row = &self.targets[a..b];
            if row.windows(2).all(|w| w[0] < w[1]) {
                continue;
            }
            match &mut self.weights {
                Some(ws) => {
                    buf.clear();
                    buf.extend(row.iter().copied().zip(ws[a..b].iter().copied()));
                    buf.sort_unstable_by_key(|&(t, _)| t);
                    for (i, &(t, w)) in buf.iter().enumerate() {
                        self.targets[a + i] = t;
                        ws[a + i] = w;
                    }
                }
                None => self.targets[a..b].sort_unstable(),
            }
        }
    }

    #[inline]
    pub(crate) fn row(&self, v: usize) -> &[NodeId] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    #[inline]
    pub(crate) fn row_weights(&self, v: usize) -> Option<&[f64]> {
        self.weights.as_ref().map(|w| &w[self.offsets[v]..self.offsets[v + 1]])
    }

    #[inline]
    pub(crate) fn len(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }
}

impl Graph {
    /// Builds a graph with nodes `0..n` from `(source, target, weight)` triples.
    ///
    /// * If any edge carries `Some(weight)` the graph is weighted; edges with `None` then get
    ///   weight 1 (networkx's default for a missing `weight` attribute).
    /// * Weights must be finite and strictly positive (they are used as path lengths, and
    ///   shortest-path counting is only well defined for positive lengths).
    /// * Self-loops are dropped: none of the metrics here gives them a meaning for
    ///   relationship networks, and dropping them keeps degree, clustering and k-core in line with
    ///   networkx on simple graphs.
    /// * Repeated edges collapse into one, and the **last** weight wins, exactly like
    ///   `networkx.Graph.add_edges_from`. In an undirected graph `(u, v)` and `(v, u)` are the same
    ///   edge; in a directed graph they are two arcs.
    pub fn from_edges(n: usize, directed: bool, edges: &[(NodeId, NodeId, Option<f64>)]) -> Result<Graph, GraphError> {
        if n > u32::MAX as usize {
            return Err(GraphError::TooManyNodes(n));
        }
        let weighted = edges.iter().any(|e| e.2.is_some());
        let mut list: Vec<(NodeId, NodeId, f64)> = Vec::with_capacity(edges.len());
        for (index, &(u, v, w)) in edges.iter().enumerate() {
            for node in [u, v] {
                if node as usize >= n {
                    return Err(GraphError::NodeOutOfRange { index, node, n });
                }
            }
            let w = w.unwrap_or(1.0);
            if !(w.is_finite() && w > 0.0) {
                return Err(GraphError::InvalidWeight { index, weight: w });
            }
            if u == v {
                continue;
            }
            let (a, b) = if directed || u < v { (u, v) } else { (v, u) };
            list.push((a, b, w));
        }
        // Stable sort, then keep the last of each run: "last weight wins".
        list.sort_by_key(|&(a, b, _)| (a, b));
        let mut unique: Vec<(NodeId, NodeId, f64)> = Vec::with_capacity(list.len());
        for e in list {
            match unique.last_mut() {
                Some(last) if last.0 == e.0 && last.1 == e.1 => *last = e,
                _ => unique.push(e),
            }
        }
        Ok(Graph::from_unique_arcs(n, directed, weighted, unique))
    }

    /// `arcs` must be unique and loop-free; for undirected graphs each edge once, any orientation.
    pub(crate) fn from_unique_arcs(n: usize, directed: bool, weighted: bool, arcs: Vec<(NodeId, NodeId, f64)>) -> Graph {
        let edge_count = arcs.len();
        if directed {
            let out = Csr::build(n, &arcs, weighted);
            let rev: Vec<_> = arcs.iter().map(|&(u, v, w)| (v, u, w)).collect();
            let inc = Csr::build(n, &rev, weighted);
            Graph { n, directed, edge_count, out, inc: Some(inc) }
        } else {
            let mut both = Vec::with_capacity(2 * arcs.len());
            for &(u, v, w) in &arcs {
                both.push((u, v, w));
                both.push((v, u, w));
            }
            let out = Csr::build(n, &both, weighted);
            Graph { n, directed, edge_count, out, inc: None }
        }
    }

    /// Number of nodes `n`.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of edges `m` (undirected edges counted once; arcs for directed graphs).
    pub fn edge_count(&self) -> usize {
        self.edge_count
    }

    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Whether edges carry weights (any edge was given `Some(weight)`).
    pub fn is_weighted(&self) -> bool {
        self.out.weights.is_some()
    }

    /// Out-neighbours of `v` (all neighbours when undirected), ascending.
    pub fn out_neighbors(&self, v: NodeId) -> &[NodeId] {
        self.out.row(v as usize)
    }

    /// In-neighbours of `v` (all neighbours when undirected), ascending.
    pub fn in_neighbors(&self, v: NodeId) -> &[NodeId] {
        self.incoming().row(v as usize)
    }

    /// Weights parallel to [`Graph::out_neighbors`], or `None` for an unweighted graph.
    pub fn out_weights(&self, v: NodeId) -> Option<&[f64]> {
        self.out.row_weights(v as usize)
    }

    /// Weights parallel to [`Graph::in_neighbors`], or `None` for an unweighted graph.
    pub fn in_weights(&self, v: NodeId) -> Option<&[f64]> {
        self.incoming().row_weights(v as usize)
    }

    pub fn out_degree(&self, v: NodeId) -> usize {
        self.out.len(v as usize)
    }

    pub fn in_degree(&self, v: NodeId) -> usize {
        self.incoming().len(v as usize)
    }

    /// Degree as networkx's `G.degree`: the number of neighbours when undirected, in + out when
    /// directed (a reciprocated pair counts twice).
    pub fn degree(&self, v: NodeId) -> usize {
        if self.directed {
            self.out_degree(v) + self.in_degree(v)
        } else {
            self.out_degree(v)
        }
    }

    /// Every edge once as `(source, target, weight)` (weight 1 when unweighted). Undirected edges
    /// come out as `(u, v)` with `u < v`.
    pub fn edges(&self) -> impl Iterator<Item = (NodeId, NodeId, f64)> + '_ {
        (0..self.n).flat_map(move |u| {
            let row = self.out.row(u);
            let ws = self.out.row_weights(u);
            row.iter().enumerate().filter_map(move |(i, &v)| {
                if !self.directed && (v as usize) < u {
                    return None;
                }
                Some((u as NodeId, v, ws.map_or(1.0, |w| w[i])))
            })
        })
    }

    /// The underlying undirected graph: reciprocal arcs `u→v`, `v→u` merge into one edge whose
    /// weight is the **sum** of both (a mutual relation counts double in strength-based metrics).
    /// Returns a clone for a graph that is already undirected.
    pub fn to_undirected(&self) -> Graph {
        if !self.directed {
            return self.clone();
        }
        let mut arcs: Vec<(NodeId, NodeId, f64)> = self.edges().map(|(u, v, w)| if u < v { (u, v, w) } else { (v, u, w) }).collect();
        arcs.sort_by_key(|&(a, b, _)| (a, b));
        let mut unique: Vec<(NodeId, NodeId, f64)> = Vec::with_capacity(arcs.len());
        for e in arcs {
            match unique.last_mut() {
                Some(last) if last.0 == e.0 && last.1 == e.1 => last.2 += e.2,
                _ => unique.push(e),
            }
        }
        Graph::from_unique_arcs(self.n, false, self.is_weighted(), unique)
    }

    pub(crate) fn out_csr(&self) -> &Csr {
        &self.out
    }

    /// For undirected graphs the same as `out_csr`.
    pub(crate) fn incoming(&self) -> &Csr {
        self.inc.as_ref().unwrap_or(&self.out)
    }

    /// Weighted out-degree (strength); the plain out-degree when unweighted.
    pub(crate) fn out_strength(&self, v: usize) -> f64 {
        match self.out.row_weights(v) {
            Some(w) => w.iter().sum(),
            None => self.out.len(v) as f64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_last_weight_wins_and_loops_dropped() {
        let g = Graph::from_edges(3, false, &[(0, 1, Some(2.0)), (1, 0, Some(5.0)), (2, 2, None), (1, 2, None)]).unwrap();
        assert_eq!(g.edge_count(), 2);
        assert!(g.is_weighted());
        let e: Vec<_> = g.edges().collect();
        assert_eq!(e, vec![(0, 1, 5.0), (1, 2, 1.0)]);
        assert_eq!(g.out_neighbors(1), &[0, 2]);
        assert_eq!(g.degree(1), 2);
    }

    #[test]
    fn directed_keeps_both_arcs_and_reverse_adjacency() {
        let g = Graph::from_edges(3, true, &[(0, 1, None), (1, 0, None), (2, 1, Some(3.0))]).unwrap();
        assert_eq!(g.edge_count(), 3);
        assert_eq!(g.in_neighbors(1), &[0, 2]);
        assert_eq!(g.out_neighbors(1), &[0]);
        assert_eq!(g.degree(1), 3);
        let u = g.to_undirected();
        assert_eq!(u.edge_count(), 2);
        assert_eq!(u.edges().collect::<Vec<_>>(), vec![(0, 1, 2.0), (1, 2, 3.0)]);
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(Graph::from_edges(2, false, &[(0, 2, None)]).unwrap_err(), GraphError::NodeOutOfRange { index: 0, node: 2, n: 2 });
        assert!(matches!(Graph::from_edges(2, false, &[(0, 1, Some(0.0))]), Err(GraphError::InvalidWeight { .. })));
        assert!(matches!(Graph::from_edges(2, false, &[(0, 1, Some(f64::NAN))]), Err(GraphError::InvalidWeight { .. })));
        assert!(matches!(Graph::from_edges(2, false, &[(0, 1, Some(-1.0))]), Err(GraphError::InvalidWeight { .. })));
    }
}
