"""Times the igraph equivalents of each verband-graph metric; prints JSON {metric: seconds}.

    python time_igraph.py EDGES [--skip-slow] [--only metric,metric,...]
"""
import sys

import igraph as ig

from common import SLOW, Timer, centralization, read_edges


def main():
    path = sys.argv[1]
    skip = SLOW if "--skip-slow" in sys.argv else ()
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    n, edges = read_edges(path)
    t = Timer(skip, only)
    g = t.run("build", lambda: ig.Graph(n=n, edges=edges, directed=False))
    t.run("degree_centrality", lambda: [d / (n - 1) for d in g.degree()])
    t.run("density", lambda: g.density())
    t.run("degree_centralization", lambda: centralization(g.degree()))
    t.run("betweenness", lambda: g.betweenness())
    t.run("closeness", lambda: g.closeness())
    t.run("harmonic", lambda: g.harmonic_centrality())
    t.run("eigenvector", lambda: g.eigenvector_centrality())
    t.run("pagerank", lambda: g.pagerank())
    t.run("connected_components", lambda: g.connected_components())
    t.run("core_number", lambda: g.coreness())
    t.run("transitivity", lambda: g.transitivity_undirected())
    t.run("average_clustering", lambda: g.transitivity_avglocal_undirected(mode="zero"))
    t.run("louvain", lambda: g.community_multilevel())
    # Fruchterman-Reingold with igraph's defaults: 500 iterations, grid approximation of the
    # repulsion above 1,000 nodes.
    t.run("layout", lambda: g.layout_fruchterman_reingold())
    t.dump()


if __name__ == "__main__":
    main()
