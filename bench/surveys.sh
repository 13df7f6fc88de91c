#!/usr/bin/env bash
# Survey benchmark (surveys issue):
#  (a) submitting answers: `verband demo --survey-links` writes the demo plus
#      an open collaboration-scan round for RESPONDENTS generated people and
#      their personal links; `verband serve` on that SQLite database; then wrk
#      posts page 1 of the scan (five statements, a real save each) through a
#      different link per request with CONNECTIONS connections for DURATION.
#      Target: at least 500 submissions/s with p99 under 100 ms at 64.
#  (b) results of a round of RESPONDENTS respondents: the domain computation
#      and the whole service call on SQLite, median of REPEATS runs
#      (example `survey_results_timing`). Target: under 200 ms.
#
#   bash bench/surveys.sh
#
# Needs wrk (Debian package, installed when missing). Prints Markdown.
# Settings: RESPONDENTS (2000), DURATION (20s), CONNECTIONS (64), THREADS (2),
# PORT (18081), REPEATS (30).
set -euo pipefail
cd "$(dirname "$0")/.."

RESPONDENTS=${RESPONDENTS:-2000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18081}
REPEATS=${REPEATS:-30}
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/verband"

if ! command -v wrk >/dev/null; then
  (apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }) >/dev/null
fi
cargo build --release -p verband --bin verband --example survey_results_timing >/dev/null 2>&1

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
"$BIN" --data "$work/data" demo --no-serve --listen "127.0.0.1:$PORT" \
  --survey-links "$work/links" --survey-respondents "$RESPONDENTS" >/dev/null 2>"$work/seed.log"
seed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
links=$(wc -l <"$work/links")
[ "$links" -eq "$RESPONDENTS" ] || { echo "expected $RESPONDENTS links, got $links" >&2; exit 1; }

"$BIN" --data "$work/data" serve --listen "127.0.0.1:$PORT" >/dev/null 2>"$work/serve.log" &
server=$!
until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.01; done

# One submission by hand first: it must save, and the answers must come back
# when the respondent looks at the page again.
first=$(head -1 "$work/links")
curl -fs -o /dev/null --data "page=0&action=next&q.ambition_shared_goal=4&q.ambition_clear=2&q.ambition_residents=5&q.ambition_feasible=3&q.ambition_energy=4" "$first"
checked=$(curl -fs "$first?pagina=0" | grep -o 'checked' | wc -l || true)
[ "$checked" -eq 5 ] || { echo "a submitted page did not keep its 5 answers ($checked)" >&2; exit 1; }

out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/surveys.lua "http://127.0.0.1:$PORT" -- "$work/links" "$THREADS")
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
total=$(echo "$out" | awk '/requests in/ {print $1}')
bad=$(echo "$out" | awk -F': ' '/not a saved page/ {print $2}')
socket=$(echo "$out" | grep -E "Socket errors|Non-2xx" | tr '\n' ' ' || true)
errors="${socket}"
[ "${bad:-?}" != 0 ] && errors="${bad:-?} not saved ${socket}"
load=$(cut -d' ' -f1-3 /proc/loadavg)

echo "demo with $RESPONDENTS survey links written in ${seed_ms} ms"
echo
echo "| what | connections | requests | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|---|"
echo "| save page 1 of the collaboration scan (POST \`/enquete/{token}\`) | $CONNECTIONS | $total | $rps | $p50 | $p99 | ${errors:-none} |"
echo
echo "load average after the run: $load"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
echo
"$TARGET/release/examples/survey_results_timing" "$RESPONDENTS" "$REPEATS" 2>/dev/null | sed 's/^/- /'
