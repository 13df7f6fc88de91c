//! The peer: the same items and queries in SQLite FTS5 (the SQLite that
//! sqlx bundles), the way an application would use it: BM25 with column
//! weights, `snippet()`, access as a join condition, and facet counts by
//! GROUP BY over the matching rowids.

use std::path::Path;

use rusqlite::{params, Connection};
use verband_search::{to_plain_text, KnowledgeDoc};

use crate::queries::{Filter, Query};

pub struct Fts {
    conn: Connection,
}

pub struct Answer {
    pub total: u64,
    pub hits: Vec<(i64, String)>,
    pub facet_values: usize,
}

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA mmap_size = 1073741824;
PRAGMA cache_size = -65536;
CREATE TABLE items(id INTEGER PRIMARY KEY, network_id INTEGER NOT NULL, shared INTEGER NOT NULL, kind TEXT NOT NULL,
                   phase TEXT, year INTEGER NOT NULL, created INTEGER NOT NULL, views INTEGER NOT NULL);
CREATE INDEX items_network ON items(network_id);
CREATE TABLE item_themes(item_id INTEGER NOT NULL, theme TEXT NOT NULL, PRIMARY KEY (item_id, theme)) WITHOUT ROWID;
CREATE TABLE item_sectors(item_id INTEGER NOT NULL, sector TEXT NOT NULL, PRIMARY KEY (item_id, sector)) WITHOUT ROWID;
-- FTS5 has no Dutch stemmer; porter (English) over unicode61 with diacritics removed is its best offer.
CREATE VIRTUAL TABLE items_fts USING fts5(title, body, attachment, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TEMP TABLE hits(id INTEGER PRIMARY KEY);
CREATE TEMP TABLE hits_unfiltered(id INTEGER PRIMARY KEY);
";

impl Fts {
    pub fn build(path: &Path, docs: &[KnowledgeDoc]) -> rusqlite::Result<Fts> {
        let mut conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        let tx = conn.transaction()?;
        {
            let mut item = tx.prepare("INSERT INTO items VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
            let mut theme = tx.prepare("INSERT OR IGNORE INTO item_themes VALUES (?1, ?2)")?;
            let mut sector = tx.prepare("INSERT OR IGNORE INTO item_sectors VALUES (?1, ?2)")?;
            let mut fts = tx.prepare("INSERT INTO items_fts(rowid, title, body, attachment) VALUES (?1, ?2, ?3, ?4)")?;
            for d in docs {
                item.execute(params![d.id, d.network_id, d.shared, d.kind, d.phase, d.year, d.created, d.views])?;
                for t in &d.themes {
                    theme.execute(params![d.id, t])?;
                }
                for s in &d.sectors {
                    sector.execute(params![d.id, s])?;
                }
                fts.execute(params![d.id, d.title, to_plain_text(&d.body), d.attachment_text])?;
            }
        }
        tx.commit()?;
        Ok(Fts { conn })
    }

    /// FTS5's own compaction (merges all b-tree segments).
    pub fn optimize(&self) -> rusqlite::Result<()> {
        self.conn.execute("INSERT INTO items_fts(items_fts) VALUES ('optimize')", [])?;
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }

    fn filter_sql(filter: &Option<Filter>) -> (&'static str, Option<String>) {
        match filter {
            None => ("", None),
            Some(Filter::Theme(t)) => (" AND i.id IN (SELECT item_id FROM item_themes WHERE theme = ?2)", Some(t.clone())),
            Some(Filter::Kind(k)) => (" AND i.kind = ?2", Some(k.clone())),
            Some(Filter::Year(y)) => (" AND i.year = ?2", Some(y.to_string())),
        }
    }

    fn fill(&self, table: &str, where_sql: &str, matched: &str, value: &Option<String>) -> rusqlite::Result<()> {
        self.conn.execute(&format!("DELETE FROM temp.{table}"), [])?;
        let sql = format!("INSERT INTO temp.{table} SELECT i.id FROM items_fts JOIN items i ON i.id = items_fts.rowid WHERE {where_sql}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        match value {
            Some(v) => stmt.execute(params![matched, v])?,
            None => stmt.execute(params![matched])?,
        };
        Ok(())
    }

    fn group(&self, sql: &str) -> rusqlite::Result<usize> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, rusqlite::types::Value>(0)?, r.get::<_, i64>(1)?)))?;
        let mut n = 0;
        for row in rows {
            row?;
            n += 1;
        }
        Ok(n)
    }

    /// The page and the total only, without facet counts: where FTS5's time goes.
    pub fn search_without_facets(&self, q: &Query) -> rusqlite::Result<Answer> {
        self.run(q, false)
    }

    pub fn search(&self, q: &Query) -> rusqlite::Result<Answer> {
        self.run(q, true)
    }

    fn run(&self, q: &Query, with_facets: bool) -> rusqlite::Result<Answer> {
        // Every word must match, each quoted so it is never FTS5 syntax.
        let matched = q.words.iter().map(|w| format!("\"{}\"", w.replace('"', ""))).collect::<Vec<_>>().join(" ");
        let access = format!("(i.network_id IN ({}) OR i.shared = 1)", q.networks.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        let (filter_sql, value) = Self::filter_sql(&q.filter);
        let where_sql = format!("items_fts MATCH ?1 AND {access}{filter_sql}");

        let top_sql = format!(
            "SELECT i.id, snippet(items_fts, 1, '<mark>', '</mark>', '…', 24) FROM items_fts JOIN items i ON i.id = items_fts.rowid
             WHERE {where_sql} ORDER BY bm25(items_fts, 3.0, 1.0, 0.4) LIMIT 20"
        );
        let mut stmt = self.conn.prepare_cached(&top_sql)?;
        let map = |r: &rusqlite::Row<'_>| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?));
        let hits = match &value {
            Some(v) => stmt.query_map(params![matched, v], map)?.collect::<rusqlite::Result<Vec<_>>>()?,
            None => stmt.query_map(params![matched], map)?.collect::<rusqlite::Result<Vec<_>>>()?,
        };

        if !with_facets {
            let count_sql = format!("SELECT count(*) FROM items_fts JOIN items i ON i.id = items_fts.rowid WHERE {where_sql}");
            let mut stmt = self.conn.prepare_cached(&count_sql)?;
            let total: i64 = match &value {
                Some(v) => stmt.query_row(params![matched, v], |r| r.get(0))?,
                None => stmt.query_row(params![matched], |r| r.get(0))?,
            };
            return Ok(Answer { total: total as u64, hits, facet_values: 0 });
        }
        self.fill("hits", &where_sql, &matched, &value)?;
        let total: i64 = self.conn.query_row("SELECT count(*) FROM temp.hits", [], |r| r.get(0))?;
        let mut facet_values = 0;
        let facet = |column: &str, hits: &str| {
            format!("SELECT i.{column}, count(*) FROM temp.{hits} h JOIN items i ON i.id = h.id GROUP BY i.{column}")
        };
        let multi = |table: &str, column: &str, hits: &str| {
            format!("SELECT t.{column}, count(*) FROM temp.{hits} h JOIN {table} t ON t.item_id = h.id GROUP BY t.{column}")
        };
        // Like the tantivy side: a facet with a selection is counted
        // without that selection.
        let filtered = match &q.filter {
            Some(Filter::Theme(_)) => Some("theme"),
            Some(Filter::Kind(_)) => Some("kind"),
            Some(Filter::Year(_)) => Some("year"),
            None => None,
        };
        if filtered.is_some() {
            self.fill("hits_unfiltered", &format!("items_fts MATCH ?1 AND {access}"), &matched, &None)?;
        }
        let source = |name: &str| if filtered == Some(name) { "hits_unfiltered" } else { "hits" };
        for column in ["kind", "network_id", "year", "phase"] {
            let name = if column == "network_id" { "network" } else { column };
            facet_values += self.group(&facet(column, source(name)))?;
        }
        facet_values += self.group(&multi("item_themes", "theme", source("theme")))?;
        facet_values += self.group(&multi("item_sectors", "sector", source("sector")))?;
        Ok(Answer { total: total as u64, hits, facet_values })
    }
}
