//! Keeps the full-text index in step with the database. The database is the
//! source of truth; the index follows the change log from the position it
//! committed last, re-reading each named record as it is now (so applying a
//! change twice does no harm). A new or unreadable index is rebuilt from the
//! tables. Each instance keeps its own index; several instances on one
//! PostgreSQL database all follow the same log.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use verband_search::{EntityDoc, EntityKind, KnowledgeDoc, SearchIndex};
use verband_store::{ChangeRecord, Conn, KnowledgeRecord, RowScope, SearchRow};

use crate::knowledge::KNOWLEDGE_ENTITY;
use crate::{Result, Service, ServiceError};

/// How often an instance looks for changes in the log: often enough that
/// another instance's change is found within a second, cheap enough (one
/// indexed query) to do all day.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(250);
/// Changes read per step of a catch-up.
const CHANGES_PER_STEP: i64 = 1000;
/// Knowledge items read per step of a rebuild.
const ITEMS_PER_STEP: i64 = 500;
/// How long a hole in the change log's numbering may be a transaction still
/// running (PostgreSQL hands out numbers before commit, so a later number can
/// commit first). After this it is taken for a rolled-back one and passed.
const GAP_PATIENCE: chrono::Duration = chrono::Duration::seconds(10);

/// The index of one instance and the lock that lets one catch-up run at a time.
#[derive(Default)]
pub(crate) struct SearchSlot {
    index: OnceLock<Arc<SearchIndex>>,
    feed: tokio::sync::Mutex<()>,
}

/// How far a rebuild is: records written so far, and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RebuildProgress {
    pub done: u64,
    pub total: u64,
}

/// What a rebuild wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RebuildStats {
    pub knowledge_items: u64,
    pub entities: u64,
    /// The change-log position the index now follows from.
    pub position: i64,
}

impl SearchSlot {
    pub(crate) fn with_index(index: SearchIndex) -> SearchSlot {
        let slot = SearchSlot::default();
        // A fresh lock cannot be set yet.
        let _ = slot.index.set(Arc::new(index));
        slot
    }
}

impl Service {
    /// Uses this index (normally in the data directory) instead of one in
    /// memory. Call [`catch_up_search`](Self::catch_up_search) or
    /// [`follow_changes`](Self::follow_changes) to fill it.
    pub fn with_search_index(mut self, index: SearchIndex) -> Self {
        self.search = Arc::new(SearchSlot::with_index(index));
        self
    }

    /// The index; one in memory when none was given (tests, one-off commands).
    pub(crate) fn search_index(&self) -> Result<Arc<SearchIndex>> {
        if let Some(index) = self.search.index.get() {
            return Ok(index.clone());
        }
        let index = Arc::new(SearchIndex::in_memory()?);
        Ok(self.search.index.get_or_init(|| index).clone())
    }

    /// Where the index is in the change log (`None`: not filled yet).
    pub fn search_position(&self) -> Result<Option<i64>> {
        Ok(self.search_index()?.last_applied_change())
    }

    /// Applies every change the index has not seen yet (or rebuilds it when
    /// it is new); returns how many change-log rows were read. Runs one at a
    /// time per instance: a second caller waits and then finds little to do.
    pub async fn catch_up_search(&self) -> Result<usize> {
        let index = self.search_index()?;
        let _feed = self.search.feed.lock().await;
        let Some(mut position) = index.last_applied_change() else {
            self.rebuild_locked(&index, &mut |_| {}).await?;
            return Ok(0);
        };
        let mut read = 0;
        loop {
            let mut conn = self.store.conn().await?;
            let changes = verband_store::changes_since(&mut conn, position, CHANGES_PER_STEP).await?;
            if changes.is_empty() {
                break;
            }
            read += changes.len();
            let (safe, waiting) = safe_position(position, &changes, chrono::Utc::now());
            let batch = read_changed(&mut conn, &changes).await?;
            drop(conn);
            let full = changes.len() as i64 == CHANGES_PER_STEP;
            let writer = index.clone();
            run_search(move || {
                batch.apply(&writer)?;
                writer.set_last_applied_change(safe)?;
                writer.commit()
            })
            .await?;
            position = safe;
            if waiting || !full {
                break;
            }
        }
        Ok(read)
    }

    /// Rebuilds the index from the tables, reporting progress; searches see
    /// the old contents until the new ones are committed.
    pub async fn rebuild_search(&self, progress: &mut (dyn FnMut(RebuildProgress) + Send)) -> Result<RebuildStats> {
        let index = self.search_index()?;
        let _feed = self.search.feed.lock().await;
        self.rebuild_locked(&index, progress).await
    }

    async fn rebuild_locked(&self, index: &Arc<SearchIndex>, progress: &mut (dyn FnMut(RebuildProgress) + Send)) -> Result<RebuildStats> {
        let mut conn = self.store.conn().await?;
        // Read the position first: a change made while rebuilding is applied
        // again by the next catch-up, which does no harm.
        let position = verband_store::last_change_seq(&mut conn).await?;
        let mut entities = Vec::new();
        for kind in EntityKind::ALL {
            for row in entity_rows(&mut conn, kind, RowScope::All).await? {
                if row.live {
                    entities.push(entity_doc(kind, row));
                }
            }
        }
        let items_total = verband_store::knowledge_item_count(&mut conn).await?.max(0) as u64;
        let total = items_total + entities.len() as u64;
        let entity_count = entities.len() as u64;
        let writer = index.clone();
        run_search(move || {
            writer.clear()?;
            writer.upsert_entities(&entities)
        })
        .await?;
        let mut done = entity_count;
        progress(RebuildProgress { done, total });
        let mut items = 0u64;
        let mut after = 0;
        loop {
            let records = verband_store::knowledge_items_batch(&mut conn, after, ITEMS_PER_STEP).await?;
            let (Some(first), Some(last)) = (records.first(), records.last()) else { break };
            after = last.id;
            let mut texts = verband_store::knowledge_attachment_texts(&mut conn, first.id, last.id).await?;
            let docs: Vec<KnowledgeDoc> = records.iter().map(|r| knowledge_doc(r, texts.remove(&r.id).unwrap_or_default())).collect();
            items += docs.len() as u64;
            done += docs.len() as u64;
            let writer = index.clone();
            run_search(move || writer.upsert_knowledge(&docs)).await?;
            progress(RebuildProgress { done, total: total.max(done) });
        }
        drop(conn);
        let writer = index.clone();
        run_search(move || {
            writer.set_last_applied_change(position)?;
            writer.commit()?;
            writer.compact()
        })
        .await?;
        Ok(RebuildStats { knowledge_items: items, entities: entity_count, position })
    }

    /// Follows the change log in the background: catches up now, then every
    /// `every`, so changes made through other instances show within about
    /// that long. Failures are logged and retried on the next tick.
    pub fn follow_changes(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let service = self.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(e) = service.catch_up_search().await {
                    tracing::warn!(error = %e, "search index: catching up with the change log failed");
                }
            }
        })
    }
}

/// The position the index may record after applying `changes`: the last
/// change before the first hole in the numbering that may still fill, and
/// whether such a hole was found (then stop and read again later).
fn safe_position(from: i64, changes: &[ChangeRecord], now: chrono::DateTime<chrono::Utc>) -> (i64, bool) {
    let mut safe = from;
    for c in changes {
        if c.seq != safe + 1 {
            let at = chrono::DateTime::parse_from_rfc3339(&c.at).map(|t| t.with_timezone(&chrono::Utc));
            // A change written well after the hole opened means the hole is a
            // rollback, not a transaction still to commit.
            let settled = at.is_ok_and(|t| now - t > GAP_PATIENCE);
            if !settled {
                return (safe, true);
            }
        }
        safe = c.seq;
    }
    (safe, false)
}

/// The documents to write and remove for a run of changes.
#[derive(Default)]
struct Batch {
    knowledge: Vec<KnowledgeDoc>,
    knowledge_gone: Vec<i64>,
    entities: Vec<EntityDoc>,
    entities_gone: Vec<(EntityKind, i64, i64)>,
}

impl Batch {
    fn apply(&self, index: &SearchIndex) -> verband_search::Result<()> {
        for id in &self.knowledge_gone {
            index.delete_knowledge(*id)?;
        }
        for (kind, network, id) in &self.entities_gone {
            index.delete_entity(*kind, *network, *id)?;
        }
        index.upsert_knowledge(&self.knowledge)?;
        index.upsert_entities(&self.entities)
    }
}

fn entity_kind(entity: &str) -> Option<EntityKind> {
    match entity {
        "partner" => Some(EntityKind::Partner),
        "person" => Some(EntityKind::Person),
        "project" => Some(EntityKind::Project),
        "meeting" => Some(EntityKind::Meeting),
        _ => None,
    }
}

/// Reads each record the changes name, once, as it is now.
async fn read_changed(conn: &mut Conn, changes: &[ChangeRecord]) -> Result<Batch> {
    let mut items = BTreeSet::new();
    let mut entities = BTreeSet::new();
    for c in changes {
        if c.entity == KNOWLEDGE_ENTITY {
            items.insert(c.entity_id);
        } else if let Some(kind) = entity_kind(&c.entity) {
            entities.insert((kind.as_str(), c.entity_id, c.network_id));
        }
    }
    let mut batch = Batch::default();
    for id in items {
        match verband_store::knowledge_item(conn, id).await? {
            Some(r) if !r.archived => {
                let text = verband_store::knowledge_attachment_text(conn, id).await?;
                batch.knowledge.push(knowledge_doc(&r, text));
            }
            _ => batch.knowledge_gone.push(id),
        }
    }
    for (kind, id, network) in entities {
        let Some(kind) = EntityKind::parse(kind) else { continue };
        let rows = entity_rows(conn, kind, RowScope::One(id)).await?;
        if rows.is_empty() {
            if let Some(network) = network {
                batch.entities_gone.push((kind, network, id));
            }
        }
        for row in rows {
            if row.live {
                batch.entities.push(entity_doc(kind, row));
            } else {
                batch.entities_gone.push((kind, row.network_id, row.id));
            }
        }
    }
    Ok(batch)
}

async fn entity_rows(conn: &mut Conn, kind: EntityKind, scope: RowScope) -> Result<Vec<SearchRow>> {
    Ok(match kind {
        EntityKind::Partner => verband_store::partner_search_rows(conn, scope).await?,
        EntityKind::Person => verband_store::person_search_rows(conn, scope).await?,
        EntityKind::Project => verband_store::project_search_rows(conn, scope).await?,
        EntityKind::Meeting => verband_store::meeting_search_rows(conn, scope).await?,
    })
}

fn entity_doc(kind: EntityKind, row: SearchRow) -> EntityDoc {
    EntityDoc { kind, id: row.id, network_id: row.network_id, title: row.title, text: row.text.trim().to_string() }
}

fn knowledge_doc(r: &KnowledgeRecord, attachment_text: String) -> KnowledgeDoc {
    let created = chrono::DateTime::parse_from_rfc3339(&r.created_at).map(|t| t.with_timezone(&chrono::Utc)).unwrap_or_default();
    KnowledgeDoc {
        id: r.id,
        network_id: r.network_id,
        shared: r.visibility == verband_domain::knowledge::KnowledgeVisibility::Shared,
        kind: r.kind.code().to_string(),
        title: r.title.clone(),
        body: r.body.clone(),
        themes: r.themes.clone(),
        phase: r.phase.map(|p| p.code().to_string()),
        sectors: r.sectors.iter().map(|s| s.code().to_string()).collect(),
        year: chrono::Datelike::year(&created),
        created: created.timestamp(),
        views: r.views,
        attachment_text,
    }
}

/// Index work blocks: searches use the CPU, commits may wait for the disk.
pub(crate) async fn run_search<T: Send + 'static>(work: impl FnOnce() -> verband_search::Result<T> + Send + 'static) -> Result<T> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => Ok(result?),
        Err(e) => Err(ServiceError::Search(format!("index task failed: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(seq: i64, at: &str) -> ChangeRecord {
        ChangeRecord { seq, at: at.into(), network_id: Some(1), entity: "partner".into(), entity_id: 1, op: "update".into() }
    }

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339("2026-11-24T12:00:30Z").map(|t| t.with_timezone(&chrono::Utc)).unwrap_or_default()
    }

    #[test]
    fn contiguous_changes_are_all_applied() {
        let changes = [change(11, "2026-11-24T12:00:29Z"), change(12, "2026-11-24T12:00:29Z")];
        assert_eq!(safe_position(10, &changes, now()), (12, false));
    }

    #[test]
    fn a_fresh_hole_holds_the_position_before_it() {
        // 12 may be a transaction that has not committed yet.
        let changes = [change(11, "2026-11-24T12:00:29Z"), change(13, "2026-11-24T12:00:29Z")];
        assert_eq!(safe_position(10, &changes, now()), (11, true));
        let first_missing = [change(12, "2026-11-24T12:00:29Z")];
        assert_eq!(safe_position(10, &first_missing, now()), (10, true));
    }

    #[test]
    fn an_old_hole_is_a_rollback_and_is_passed() {
        let changes = [change(11, "2026-11-24T12:00:00Z"), change(13, "2026-11-24T12:00:00Z"), change(14, "2026-11-24T12:00:29Z")];
        assert_eq!(safe_position(10, &changes, now()), (14, false));
    }
}
