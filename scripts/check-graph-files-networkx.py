#!/usr/bin/env python3
"""Opens the network files Verband writes with networkx and checks that they
hold the same nodes, edges and attributes, each value with its type, as the
network the test wrote them from.

The files come from the test `sample_files_for_other_tools`, which writes per
sample network (`directed`, `undirected`) a GEXF, a GraphML and a Kumu JSON
file, and `NAME.expected.json`: the network straight from the test's data (not
through a Verband writer), as networkx should show it:

    {"directed": true,
     "nodes": {"17": {"label": "GGD…", "medewerkers": 420, …}, …},
     "edges": [["17", "18", {"weight": 2.5, "kind": "financiering", …}], …]}

The GEXF and GraphML files are read with networkx (`read_gexf`,
`read_graphml`), the Kumu JSON with Python's own json module (Kumu's `strength`
and `type` are the weight and kind); neither side uses Verband's readers.

    cargo test -p verband-formats --test graph_formats sample_files_for_other_tools
    python3 scripts/check-graph-files-networkx.py target/tmp/graph-formats

Needs networkx (pip install networkx; `scripts/test` makes a venv for it).
Prints every difference and exits non-zero when there is one, or when the
folder holds no sample files at all.
"""

import json
import sys
from pathlib import Path

import networkx as nx


def from_kumu(path):
    """The Kumu blueprint as a networkx graph, read with the json module."""
    blueprint = json.loads(path.read_text(encoding="utf-8"))
    connections = blueprint["connections"]
    directed = any(c.get("direction", "directed") == "directed" for c in connections)
    graph = nx.DiGraph() if directed else nx.Graph()
    for element in blueprint["elements"]:
        graph.add_node(element["id"], **{k: v for k, v in element.items() if k != "id"})
    for connection in connections:
        data = {}
        for key, value in connection.items():
            if key not in ("from", "to", "direction"):
                data[{"strength": "weight", "type": "kind"}.get(key, key)] = value
        graph.add_edge(connection["from"], connection["to"], **data)
    return graph


def typed(data):
    """Values with their Python type, so that True and 1, or 2 and 2.0, differ."""
    return {k: (type(v).__name__, v) for k, v in data.items()}


def check(path, graph, expected):
    problems = []
    directed, nodes, edges = expected["directed"], expected["nodes"], expected["edges"]
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
    references = sorted(folder.glob("*.expected.json"))
    if not references:
        print(f"{folder}: no *.expected.json; run the test sample_files_for_other_tools first")
        sys.exit(1)
    ok = True
    for reference in references:
        stem = reference.name.removesuffix(".expected.json")
        expected = json.loads(reference.read_text(encoding="utf-8"))
        readers = [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml), (".kumu.json", from_kumu)]
        for suffix, read in readers:
            path = folder / f"{stem}{suffix}"
            try:
                graph = read(path)
            except Exception as e:  # a file networkx cannot open is a difference too
                print(f"{path.name}: cannot be read: {type(e).__name__}: {e}")
                ok = False
                continue
            ok &= check(path, graph, expected)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
