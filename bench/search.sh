#!/usr/bin/env bash
# Knowledge lab search benchmark (issue 7): verband-search (tantivy) against
# SQLite FTS5 on the same generated items and queries.
#
#   bash bench/search.sh                    # 100,000 items, 300 queries, 2 timed rounds
#   ITEMS=20000 QUERIES=500 bash bench/search.sh
#
# Builds the release example `crates/verband-search/examples/bench` (at idle
# priority, like every build on the shared machine) and runs it. It generates
# the items in memory (Dutch and English text, Markdown bodies, attachment
# text on some, 20 networks, all facets), then per engine: the full index
# build (items/s), compaction, size on disk, and the latency of 1–3 word
# queries with all facet counts and an access filter, wall clock and CPU
# time of the searching thread. Prints Markdown tables.
# Settings: ITEMS (100000), QUERIES (300), ROUNDS (2), SEED (7), THREADS (indexing threads; default cores up to 4).
set -euo pipefail
cd "$(dirname "$0")/.."

ITEMS=${ITEMS:-100000}
QUERIES=${QUERIES:-300}
ROUNDS=${ROUNDS:-2}
SEED=${SEED:-7}
TARGET=${CARGO_TARGET_DIR:-target}

chrt -i 0 cargo build --release -p verband-search --example bench >/dev/null
args=(--items "$ITEMS" --queries "$QUERIES" --rounds "$ROUNDS" --seed "$SEED")
[ -n "${THREADS:-}" ] && args+=(--threads "$THREADS")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$TARGET/release/examples/bench" "${args[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
