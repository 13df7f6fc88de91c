"""Writes Barabási–Albert edge lists (igraph Graph.Barabasi(n, 3), fixed seed) as `u v` lines.

    python gen.py OUTDIR N [N ...]   ->  OUTDIR/ba_N.txt
"""
import random
import sys

import igraph as ig

SEED = 20261123


def main():
    out = sys.argv[1]
    for n in map(int, sys.argv[2:]):
        # igraph draws from Python's `random` module, so seeding it fixes the graph.
        random.seed(SEED + n)
        g = ig.Graph.Barabasi(n, 3)
        g.simplify()
        with open(f"{out}/ba_{n}.txt", "w") as f:
            f.write(f"# Barabasi-Albert n={n} m=3 seed={SEED + n} edges={g.ecount()}\n")
            f.writelines(f"{u} {v}\n" for u, v in g.get_edgelist())
        print(f"ba_{n}.txt: {g.vcount()} nodes, {g.ecount()} edges", file=sys.stderr)


if __name__ == "__main__":
    main()
