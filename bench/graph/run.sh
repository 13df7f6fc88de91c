#!/usr/bin/env bash
# Side-by-side benchmark of verband-graph against python-igraph and networkx on
# Barabási–Albert graphs (m = 3), generated once with igraph from a fixed seed.
#
#   bash bench/graph/run.sh                   # n = 1,000 10,000 100,000
#   SIZES="1000 10000" bash bench/graph/run.sh
#   NX_SKIP_SLOW=1 bash bench/graph/run.sh    # networkx at 10,000 without betweenness,
#                                             # closeness and harmonic (~25 min saved)
#
# Creates (or reuses) a venv in bench/graph/.venv with python-igraph and networkx from PyPI.
# Verband is timed by its own command, `verband analyze FILE --timings` (release build),
# which reads the edge list and runs each metric of verband-graph. Every tool runs once per size; each prints
# {metric: seconds} and compare.py prints a Markdown table per size.
#
# networkx runs only up to 10,000 nodes (it needs tens of minutes for betweenness and closeness
# there and would need days at 100,000). Betweenness and closeness are skipped for all three
# tools at 100,000 nodes: the targets ask for them at 10,000 only.
# Settings: SIZES, NX_SKIP_SLOW (default 0: run the full set, the 50x claim needs it),
# KEEP=dir (keep edge lists and JSON results there instead of a temp dir).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

SIZES=${SIZES:-"1000 10000 100000"}
NX_SKIP_SLOW=${NX_SKIP_SLOW:-0}
venv="$here/.venv"
py="$venv/bin/python"

if [ ! -x "$py" ] || ! "$py" -c "import igraph, networkx, numpy, scipy" 2>/dev/null; then
  python3 -m venv "$venv"
  # numpy/scipy: networkx's eigenvector_centrality_numpy, pagerank and spring_layout need them.
  "$venv/bin/pip" install -q python-igraph networkx numpy scipy
fi

if [ -n "${KEEP:-}" ]; then
  work="$KEEP"
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

cargo build --release -q -p verband
verband="${CARGO_TARGET_DIR:-$root/target}/release/verband"
# shellcheck disable=SC2086
"$py" "$here/gen.py" "$work" $SIZES

for n in $SIZES; do
  edges="$work/ba_$n.txt"
  skip=()
  [ "$n" -ge 100000 ] && skip=(--skip-slow)
  echo "n=$n: verband" >&2
  "$verband" analyze "$edges" --timings "${skip[@]}" >"$work/verband_$n.json"
  echo "n=$n: igraph" >&2
  (cd "$here" && "$py" time_igraph.py "$edges" "${skip[@]}") >"$work/igraph_$n.json"
  if [ "$n" -le 10000 ]; then
    nx_skip=()
    [ "$n" -ge 10000 ] && [ "$NX_SKIP_SLOW" = 1 ] && nx_skip=(--skip-slow --skip-harmonic)
    echo "n=$n: networkx" >&2
    (cd "$here" && "$py" time_networkx.py "$edges" "${nx_skip[@]}") >"$work/networkx_$n.json"
  fi
done

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$py" -c 'import igraph, networkx; print("python-igraph", igraph.__version__, "networkx", networkx.__version__)')"
# shellcheck disable=SC2086
"$py" "$here/compare.py" "$work" $SIZES
