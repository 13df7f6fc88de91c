"""Prints one Markdown table per graph size from the JSON files run.sh wrote.

    python compare.py RESULTS_DIR N [N ...]

Reads RESULTS_DIR/{verband,igraph,networkx}_N.json ({metric: seconds}; a missing file or
metric means "not run"). Ratio vs igraph = verband time / igraph time (≤ 1.0: verband at least
as fast); ratio vs networkx = networkx time / verband time (how many times faster verband is).
"""
import json
import os
import sys

METRICS = [
    "degree_centrality", "density", "degree_centralization", "betweenness", "closeness",
    "harmonic", "eigenvector", "pagerank", "connected_components", "core_number",
    "transitivity", "average_clustering", "louvain", "layout",
]
TOOLS = ("verband", "igraph", "networkx")


def load(directory, tool, n):
    path = os.path.join(directory, f"{tool}_{n}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else None


def secs(t):
    if t is None:
        return "–"
    if t < 1e-3:
        return f"{t * 1e6:.0f} µs"
    if t < 1:
        return f"{t * 1e3:.1f} ms"
    return f"{t:.2f} s"


def ratio(a, b, fmt):
    if a is None or b is None:
        return "–"
    if b == 0:
        return "∞" if a > 0 else "–"
    return fmt(a / b)


def main():
    directory = sys.argv[1]
    for n in map(int, sys.argv[2:]):
        data = {tool: load(directory, tool, n) for tool in TOOLS}
        if data["verband"] is None:
            continue
        print(f"\n### n = {n:,}\n")
        print("| metric | verband | igraph | networkx | ratio vs igraph (verband/igraph) | ratio vs networkx (networkx/verband) |")
        print("|---|---:|---:|---:|---:|---:|")
        rows = ["build"] + METRICS
        for metric in rows:
            t = {tool: (data[tool] or {}).get(metric) for tool in TOOLS}
            if all(v is None for v in t.values()):
                continue
            label = "build graph (not in totals)" if metric == "build" else metric
            print(
                f"| {label} | {secs(t['verband'])} | {secs(t['igraph'])} | {secs(t['networkx'])} "
                f"| {ratio(t['verband'], t['igraph'], lambda r: f'{r:.2f}')} "
                f"| {ratio(t['networkx'], t['verband'], lambda r: f'{r:,.0f}×')} |"
            )
        # Totals over the metrics every listed tool ran, so the sums compare the same work.
        v = data["verband"]
        for other in ("igraph", "networkx"):
            o = data[other]
            if o is None:
                continue
            common = [m for m in METRICS if m in v and m in o]
            missing = [m for m in METRICS if m in v and m not in o]
            tv = sum(v[m] for m in common)
            to = sum(o[m] for m in common)
            note = f" (without {', '.join(missing)}, which {other} did not run)" if missing else ""
            if other == "igraph":
                print(f"\nFull set vs igraph{note}: verband {secs(tv)}, igraph {secs(to)}, ratio {tv / to:.2f}.")
            else:
                print(f"\nFull set vs networkx{note}: verband {secs(tv)}, networkx {secs(to)}, verband {to / tv:,.0f}× faster.")
        print(f"\nverband, all {len([m for m in METRICS if m in v])} metrics run: {secs(sum(v[m] for m in METRICS if m in v))}.")


if __name__ == "__main__":
    main()
