"""Times the networkx equivalents of each verband-graph metric; prints JSON {metric: seconds}.

    python time_networkx.py EDGES [--skip-slow] [--skip-harmonic]

--skip-slow leaves out betweenness and closeness, --skip-harmonic harmonic centrality.
"""
import sys

import networkx as nx

from common import SLOW, Timer, centralization, read_edges


def main():
    path = sys.argv[1]
    skip = set(SLOW) if "--skip-slow" in sys.argv else set()
    if "--skip-harmonic" in sys.argv:
        skip.add("harmonic")
    n, edges = read_edges(path)
    t = Timer(skip)

    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        return g

    g = t.run("build", build)
    t.run("degree_centrality", lambda: nx.degree_centrality(g))
    t.run("density", lambda: nx.density(g))
    t.run("degree_centralization", lambda: centralization([d for _, d in g.degree()]))
    t.run("betweenness", lambda: nx.betweenness_centrality(g))
    t.run("closeness", lambda: nx.closeness_centrality(g))
    t.run("harmonic", lambda: nx.harmonic_centrality(g))
    # The numpy/scipy (ARPACK) variant: much faster than the pure-Python power iteration.
    t.run("eigenvector", lambda: nx.eigenvector_centrality_numpy(g))
    t.run("pagerank", lambda: nx.pagerank(g))
    t.run("connected_components", lambda: list(nx.connected_components(g)))
    t.run("core_number", lambda: nx.core_number(g))
    t.run("transitivity", lambda: nx.transitivity(g))
    t.run("average_clustering", lambda: nx.average_clustering(g))
    t.run("louvain", lambda: nx.community.louvain_communities(g, seed=42))
    # Defaults: 50 iterations; networkx >= 3.5 picks method="energy" (scipy optimiser) from 500
    # nodes up.
    t.run("layout", lambda: nx.spring_layout(g, seed=42))
    t.dump()


if __name__ == "__main__":
    main()
