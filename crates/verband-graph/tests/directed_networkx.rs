//! A random directed, weighted graph (12 nodes) checked against networkx 3.6.1, for the
//! directed and weighted code paths the undirected oracle networks do not reach. Expected
//! values were produced with networkx (PageRank via `_pagerank_python`, tol=1e-15).

use verband_graph::centrality::{self, BetweennessOptions, ClosenessOptions};
use verband_graph::{clustering, components, summary, Graph};

const EDGES: [(u32, u32, f64); 24] = [
    (0, 2, 1.0),
    (0, 5, 2.0),
    (0, 9, 3.0),
    (2, 1, 1.0),
    (2, 7, 2.0),
    (3, 2, 3.0),
    (3, 6, 2.0),
    (4, 2, 2.0),
    (4, 5, 2.0),
    (4, 1, 2.0),
    (4, 9, 3.0),
    (5, 11, 3.0),
    (5, 7, 1.0),
    (6, 8, 1.0),
    (7, 3, 3.0),
    (7, 2, 1.0),
    (7, 11, 2.0),
    (8, 10, 3.0),
    (9, 4, 3.0),
    (9, 3, 1.0),
    (10, 8, 1.0),
    (11, 3, 2.0),
    (11, 5, 1.0),
    (11, 2, 1.0),
];

fn graph() -> Graph {
    let e: Vec<_> = EDGES.iter().map(|&(u, v, w)| (u, v, Some(w))).collect();
    Graph::from_edges(12, true, &e).unwrap()
}

/// PageRank stops at an L1 change of 1e-10, so it is within 6e-10 of networkx's tol=1e-15 values.
const PAGERANK_TOL: f64 = 1e-9;

fn close(name: &str, got: &[f64], want: &[f64], tol: f64) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= tol, "{name} node {i}: {g} vs {w}");
    }
}

const RAW: BetweennessOptions = BetweennessOptions { normalized: false, endpoints: false, weighted: false };

#[test]
fn directed_weighted_graph_matches_networkx() {
    let g = graph();
    #[rustfmt::skip]
    close("betweenness", &centrality::betweenness(&g, RAW), &[0.0, 0.0, 10.166666666666666, 21.833333333333332, 4.166666666666666, 4.833333333333333, 16.0, 11.0, 9.0, 9.0, 0.0, 6.0], 1e-12);
    #[rustfmt::skip]
    close("weighted betweenness", &centrality::betweenness(&g, BetweennessOptions { weighted: true, ..RAW }), &[0.0, 0.0, 10.166666666666666, 23.333333333333332, 2.666666666666667, 5.333333333333333, 16.0, 16.333333333333336, 9.0, 9.0, 0.0, 3.0], 1e-12);
    #[rustfmt::skip]
    close("betweenness endpoints", &centrality::betweenness(&g, BetweennessOptions { endpoints: true, ..Default::default() }), &[0.083333333333333, 0.060606060606061, 0.190656565656566, 0.279040404040404, 0.122474747474747, 0.150252525252525, 0.196969696969697, 0.196969696969697, 0.151515151515152, 0.159090909090909, 0.083333333333333, 0.159090909090909], 1e-12);
    #[rustfmt::skip]
    close("closeness", &centrality::closeness(&g, ClosenessOptions::default()), &[0.0, 0.387878787878788, 0.494949494949495, 0.40495867768595, 0.121212121212121, 0.318181818181818, 0.30622009569378, 0.342657342657343, 0.313479623824451, 0.181818181818182, 0.239234449760766, 0.318181818181818], 1e-12);
    #[rustfmt::skip]
    close("weighted closeness", &centrality::closeness(&g, ClosenessOptions { wf_improved: true, weighted: true }), &[0.0, 0.277056277056277, 0.318181818181818, 0.193675889328063, 0.04040404040404, 0.171328671328671, 0.149184149184149, 0.202479338842975, 0.185528756957328, 0.060606060606061, 0.116550116550117, 0.131016042780749], 1e-12);
    #[rustfmt::skip]
    close("harmonic", &centrality::harmonic(&g, false), &[0.0, 4.833333333333334, 6.0, 5.0, 1.5, 4.583333333333333, 3.833333333333333, 4.333333333333334, 4.5, 2.0, 3.383333333333333, 4.166666666666666], 1e-12);
    #[rustfmt::skip]
    close("pagerank", &centrality::pagerank(&g, 0.85, false), &[0.016952440003268, 0.062857976516722, 0.093613256113239, 0.066341939694643, 0.028799541954481, 0.044039102255221, 0.045147764373491, 0.075454692309864, 0.251306716120769, 0.027875534002854, 0.230563148705917, 0.057047887949532], PAGERANK_TOL);
    #[rustfmt::skip]
    close("weighted pagerank", &centrality::pagerank(&g, 0.85, true), &[0.015976807470592, 0.049084340761299, 0.092041990564777, 0.082916510678417, 0.037212190397752, 0.041127533530024, 0.044168421101254, 0.076873536332429, 0.241802709033015, 0.033310404591623, 0.221509110148649, 0.063976445390171], PAGERANK_TOL);
    #[rustfmt::skip]
    close("clustering", &clustering::local_clustering(&g), &[0.0, 0.5, 0.15, 0.2, 0.055555555555556, 0.111111111111111, 0.0, 0.388888888888889, 0.0, 0.0, 0.0, 0.333333333333333], 1e-12);
    assert_eq!(clustering::core_number(&g), vec![3, 2, 3, 3, 3, 3, 2, 3, 2, 3, 2, 3]);
    // networkx strongly_connected_components: [0], [1], [2,3,5,7,11], [4,9], [6], [8,10]
    let scc = components::strongly_connected(&g);
    assert_eq!(scc.count, 6);
    assert_eq!(scc.membership, vec![0, 1, 2, 2, 3, 2, 4, 2, 5, 3, 5, 2]);
    assert!((summary::reciprocity(&g).unwrap() - 1.0 / 3.0).abs() < 1e-15);
    assert!((summary::density(&g) - 0.18181818181818182).abs() < 1e-15);
}
