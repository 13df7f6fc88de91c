#!/usr/bin/env python3
"""Opens the network files Verband writes with networkx and checks that they
hold the same nodes, edges and attributes as the Kumu JSON written beside them
(read with Python's own json module, so neither side is Verband's reader).

The files come from the test `sample_files_for_other_tools`:

    cargo test -p verband-formats --test graph_formats sample_files_for_other_tools
    python3 scripts/check-graph-files-networkx.py target/tmp/graph-formats

Needs networkx (pip install networkx). Exits non-zero on the first difference.
"""

import json
import sys
from pathlib import Path

import networkx as nx


def expected(kumu_path):
    """Nodes and edges as networkx should show them, from the Kumu JSON."""
    blueprint = json.loads(kumu_path.read_text(encoding="utf-8"))
    nodes = {}
    for element in blueprint["elements"]:
        data = {k: v for k, v in element.items() if k != "id"}
        nodes[element["id"]] = data
    edges = []
    directed = True
    for connection in blueprint["connections"]:
        directed = connection["direction"] == "directed"
        data = {}
        for key, value in connection.items():
            if key in ("from", "to", "direction"):
                continue
            data[{"strength": "weight", "type": "kind"}.get(key, key)] = value
        edges.append((connection["from"], connection["to"], data))
    return directed, nodes, edges


def typed(data):
    """Values with their Python type, so that True and 1 differ."""
    return {k: (type(v).__name__, v) for k, v in data.items()}


def check(path, graph, directed, nodes, edges):
    problems = []
    if graph.is_directed() != directed:
        problems.append(f"directed is {graph.is_directed()}, expected {directed}")
    if set(graph.nodes) != set(nodes):
        problems.append(f"nodes {sorted(graph.nodes)} != {sorted(nodes)}")
    for node, data in nodes.items():
        if node in graph.nodes and typed(graph.nodes[node]) != typed(data):
            problems.append(f"node {node!r}: {typed(graph.nodes[node])} != {typed(data)}")
    if graph.number_of_edges() != len(edges):
        problems.append(f"{graph.number_of_edges()} edges, expected {len(edges)}")
    for source, target, data in edges:
        if not graph.has_edge(source, target):
            problems.append(f"edge {source!r} -> {target!r} is missing")
            continue
        got = dict(graph.edges[source, target])
        if typed(got) != typed(data):
            problems.append(f"edge {source!r} -> {target!r}: {typed(got)} != {typed(data)}")
    for problem in problems:
        print(f"{path.name}: {problem}")
    if not problems:
        print(f"{path.name}: same nodes, edges and attributes")
    return not problems


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "target/tmp/graph-formats")
    ok = True
    for kumu_path in sorted(folder.glob("*.kumu.json")):
        stem = kumu_path.name.removesuffix(".kumu.json")
        directed, nodes, edges = expected(kumu_path)
        gexf = folder / f"{stem}.gexf"
        ok &= check(gexf, nx.read_gexf(gexf), directed, nodes, edges)
        graphml = folder / f"{stem}.graphml"
        ok &= check(graphml, nx.read_graphml(graphml), directed, nodes, edges)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
