//! Network analytics and layout for Verband. Pure: no domain types, no I/O, no async.
//!
//! Build a [`Graph`] with [`Graph::from_edges`] (nodes are `0..n`, ids `u32`), then call the
//! functions in the modules; per-node results are `Vec`s indexed by node id.
//!
//! | module | contents |
//! |---|---|
//! | [`centrality`] | degree, degree centrality, betweenness, closeness, harmonic, eigenvector, PageRank |
//! | [`components`] | connected, weakly and strongly connected components |
//! | [`clustering`] | triangles, local / average clustering, transitivity, k-core numbers |
//! | [`community`] | modularity of a partition, Louvain |
//! | [`summary`] | density, Freeman degree centralization, reciprocity, E-I index |
//! | [`layout`] | Barnes–Hut force-directed layout with a multilevel start |
//!
//! # Conventions
//!
//! Values follow **networkx 3.6** defaults unless a function says otherwise, and each function
//! names the networkx (and where useful igraph) function it matches. The test suite checks them
//! against values computed by networkx and igraph on two real networks
//! (`shared/oracles/*.json`): within 1e-9, PageRank and eigenvector within 1e-6. In short:
//!
//! * Weights are **lengths** for betweenness, closeness and harmonic centrality and
//!   **strengths** for PageRank, eigenvector centrality, modularity, Louvain and layout; every
//!   weighted metric has an explicit switch (networkx's PageRank and Louvain use weights by
//!   default when they exist; here the caller decides).
//! * Betweenness is normalised by default (raw / ((n−1)(n−2)/2) undirected); raw equals igraph.
//! * Closeness uses incoming distances on directed graphs and the Wasserman–Faust correction
//!   by default; unreachable nodes get 0 (igraph: NaN, and no correction).
//! * Eigenvector centrality has unit L2 norm (igraph: max 1) and follows in-edges.
//! * PageRank: α is a parameter (use 0.85), dangling nodes spread uniformly, converged to within
//!   6e-10 in the L1 norm (igraph's PRPACK: 1e-10).
//! * Average clustering counts nodes of degree < 2 as 0 by default (igraph excludes them).
//! * Directed graphs: degree is in + out; k-core uses in + out degree; triangles and
//!   transitivity ignore direction.
//! * Self-loops are dropped and parallel edges merged when the graph is built.
//!
//! Betweenness, closeness, harmonic centrality, PageRank and eigenvector steps, triangle
//! counting and the layout's force step run in parallel on rayon's global pool. PageRank,
//! triangle counts and the layout give the same bits whatever the number of threads.

pub mod centrality;
pub mod clustering;
pub mod community;
pub mod components;
mod graph;
pub mod layout;
pub mod summary;

pub use graph::{Graph, GraphError, NodeId};
