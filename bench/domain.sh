#!/usr/bin/env bash
# Timings of the pure domain rules, in release mode:
#  - the vitality panel (one report + the history for the chart) for a network
#    with 10 years of monthly meetings of 5 bodies (issue: under 10 ms);
#  - all coherence findings for 500 projects and 200 partners (issue: under 20 ms).
# They are ignored tests, so the normal suite never asserts a time.
#
#   bash bench/domain.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release -q -p verband-domain --lib -- --ignored --nocapture bench_history coherence_timing 2>&1 \
  | grep -E "history:|findings|ms|µs" || true
