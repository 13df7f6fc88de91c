#!/usr/bin/env bash
# HTTP benchmark (issues: dashboard and partner list at 64 connections on a
# `demo --scale 1000` database, the dashboard with the portfolio's findings,
# cliffs and agreements; the network map page and its PNG; idle and loaded RSS).
#
#   bash bench/http.sh                      # SQLite (embedded default)
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/verband_bench bash bench/http.sh
#
# Needs wrk (Debian package, installed when missing). Prints a Markdown table.
# Settings: SCALE (default 1000), DURATION (default 20s), CONNECTIONS (64), PORT (18080).
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${SCALE:-1000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/verband"

if ! command -v wrk >/dev/null; then
  (apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }) >/dev/null
fi
cargo build --release -p verband >/dev/null

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

db_args=(--data "$work/data")
if [ -n "${DATABASE_URL:-}" ]; then
  db_name=${DATABASE_URL##*/}
  admin_url=${DATABASE_URL%/*}/postgres
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" -c "CREATE DATABASE $db_name" >/dev/null
  db_args=(--database-url "$DATABASE_URL")
fi

start=$(date +%s%N)
"$BIN" "${db_args[@]}" demo --scale "$SCALE" --no-serve >/dev/null 2>"$work/seed.log"
seed_s=$(( ($(date +%s%N) - start) / 1000000000 ))

start=$(date +%s%N)
"$BIN" "${db_args[@]}" serve --listen "127.0.0.1:$PORT" >/dev/null 2>"$work/serve.log" &
server=$!
until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.01; done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 2
idle_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")

# Log in as the coordinator of the main demo network (id 1).
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$PORT/inloggen" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode username=coordinator \
  --data-urlencode password=verband-demo "http://127.0.0.1:$PORT/inloggen"
session=$(awk '$6 == "verband_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "log-in failed" >&2; exit 1; }

run() { # name path
  local out
  curl -fs -o /dev/null -H "Cookie: verband_session=$session" "http://127.0.0.1:$PORT$2" || { echo "$2 does not answer 200" >&2; exit 1; }
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: verband_session=$session" "http://127.0.0.1:$PORT$2")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr '\n' ' ' || true)
  echo "| $1 | \`$2\` | $rps | $p50 | $p99 | ${errors:-none} |"
}

engine=SQLite; [ -n "${DATABASE_URL:-}" ] && engine=PostgreSQL
echo "engine: $engine; demo --scale $SCALE written in ${seed_s} s; serve ready in ${ready_ms} ms"
echo
echo "| page | path | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
run dashboard /netwerken/1
run "partner list" /netwerken/1/partners
run "partner list, search + sort" "/netwerken/1/partners?q=gemeente&sort=sector&dir=desc"
run "coherence and funding" /netwerken/1/portfolio
run "agreement (agreed vs delivered)" /netwerken/1/afspraken/1
run "network map (SVG, scores, table)" /netwerken/1/kaart
run "network map as PNG" /netwerken/1/kaart/kaart.png
loaded_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
echo
echo "RSS idle: $((idle_kb / 1024)) MB; peak under load: $((loaded_kb / 1024)) MB"
