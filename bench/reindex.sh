#!/usr/bin/env bash
# Full reindex through the product (issue 7): `verband reindex` on a SQLite
# database holding ITEMS knowledge items, read from the database as the
# server would, with the demo's partners, persons, projects and meetings.
#
#   bash bench/reindex.sh                 # 100,000 items
#   ITEMS=20000 bash bench/reindex.sh
#
# Writes the demo into a temporary data directory, then copies its 80
# knowledge items (Dutch and English Markdown, themes, phases, sectors)
# until ITEMS rows exist, each with its number in the title so no two are
# equal, and runs `verband reindex` twice (the second run on a warm page
# cache), printing its own figures and the index's size on disk.
set -euo pipefail
cd "$(dirname "$0")/.."

ITEMS=${ITEMS:-100000}
TARGET=${CARGO_TARGET_DIR:-target}
chrt -i 0 cargo build --release -p verband >/dev/null
BIN="$TARGET/release/verband"
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

"$BIN" --data "$DATA" demo --no-serve >/dev/null
python3 - "$DATA/verband.sqlite" "$ITEMS" <<'PY'
import sqlite3, sys
db, wanted = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
have = con.execute("SELECT COUNT(*) FROM knowledge_items").fetchone()[0]
cols = "network_id, kind, title, body, themes, phase, sectors, links, visibility, author_user_id, organisation_id, views, created_at, updated_at"
rounds = 0
while have < wanted:
    rounds += 1
    con.execute(f"""INSERT INTO knowledge_items ({cols})
        SELECT network_id, kind, title || ' (' || {rounds} || '-' || id || ')', body, themes, phase, sectors, links, visibility,
               author_user_id, organisation_id, views, created_at, updated_at
        FROM knowledge_items WHERE id <= (SELECT MIN(id) + 79 FROM knowledge_items) LIMIT {wanted - have}""")
    have = con.execute("SELECT COUNT(*) FROM knowledge_items").fetchone()[0]
con.commit()
print(f"{have} knowledge items in the database", file=sys.stderr)
PY
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for run in 1 2; do
  "$BIN" --data "$DATA" reindex
done
echo "index size on disk: $(du -sh "$DATA/search-index" | cut -f1)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
