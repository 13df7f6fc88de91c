//! Opening the index, writing to it, and the change-log position committed
//! together with the documents.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use tantivy::indexer::IndexWriterOptions;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, Term};

use crate::analysis::{self, Analyzers};
use crate::doc::{DocKind, EntityDoc, EntityKind, KnowledgeDoc};
use crate::documents;
use crate::error::{Result, SearchError};
use crate::schema::{self, Fields, SCHEMA_VERSION};

/// How many threads and how much memory the writer may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexOptions {
    pub indexing_threads: usize,
    /// Total over all indexing threads; at least 15 MB per thread.
    pub memory_budget_bytes: usize,
}

impl Default for IndexOptions {
    /// Enough for following the change log: one thread, 32 MB.
    fn default() -> Self {
        IndexOptions { indexing_threads: 1, memory_budget_bytes: 32 << 20 }
    }
}

impl IndexOptions {
    /// For a full rebuild: every core (up to four), 64 MB each.
    pub fn bulk() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
        IndexOptions { indexing_threads: threads, memory_budget_bytes: threads * (64 << 20) }
    }
}

/// What `open` found in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenState {
    /// There was no index: it is empty and must be filled from the database.
    Created,
    /// An index of this schema version was opened.
    Existing,
    /// An index was there but unusable (another schema version, or it could
    /// not be read); it was removed and an empty one created.
    Recreated { reason: String },
}

/// The change-log position the next commit will record.
#[derive(Debug, Clone, Copy)]
enum Pending {
    /// Keep the committed position (documents changed by other means).
    Keep,
    Set(i64),
    /// After `clear`: the index no longer reflects any position.
    Unset,
}

struct Writer {
    writer: IndexWriter,
    pending: Pending,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct CommitPayload {
    last_applied_change: i64,
}

/// The full-text index of knowledge items and global-search entities.
///
/// Cheap to share (`Arc<SearchIndex>`): searches take `&self` and run in
/// parallel; writes take a lock. Searches are CPU-bound and synchronous, so
/// async callers run them on a blocking thread.
pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) analyzers: Analyzers,
    writer: Mutex<Writer>,
    committed: Mutex<Option<i64>>,
    opened: OpenState,
}

const VERSION_DIR_PREFIX: &str = "schema-v";

impl SearchIndex {
    /// Opens the index in `dir` (created when missing) with the default
    /// writer options.
    ///
    /// The index lives in a subdirectory named after the schema version, so
    /// an index written by another version of Verband is never misread: it
    /// is removed, and [`last_applied_change`](Self::last_applied_change) is
    /// `None`, which tells the caller to rebuild from the database.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        Self::open_with(dir, IndexOptions::default())
    }

    pub fn open_with(dir: &Path, options: IndexOptions) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir)?;
        let current = format!("{VERSION_DIR_PREFIX}{SCHEMA_VERSION}");
        let mut stale = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            // Only directories this crate names are ever removed.
            let ours = name.strip_prefix(VERSION_DIR_PREFIX).is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
            if ours && name != current && entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(entry.path())?;
                stale.push(name);
            }
        }
        let path = dir.join(&current);
        let (schema, fields) = schema::build();
        let existed = path.join("meta.json").exists();
        let (index, opened) = if existed {
            match Index::open_in_dir(&path) {
                Ok(index) if index.schema() == schema => (index, OpenState::Existing),
                Ok(_) => (
                    Self::recreate(&path, schema)?,
                    OpenState::Recreated { reason: "the stored schema differs from this version's".into() },
                ),
                Err(e) => (Self::recreate(&path, schema)?, OpenState::Recreated { reason: format!("the index could not be opened: {e}") }),
            }
        } else {
            std::fs::create_dir_all(&path)?;
            let index = Index::create_in_dir(&path, schema)?;
            if stale.is_empty() {
                (index, OpenState::Created)
            } else {
                (index, OpenState::Recreated { reason: format!("an index of another schema version was removed ({})", stale.join(", ")) })
            }
        };
        Self::from_index(index, fields, opened, options)
    }

    fn recreate(path: &Path, schema: tantivy::schema::Schema) -> Result<Index> {
        std::fs::remove_dir_all(path)?;
        std::fs::create_dir_all(path)?;
        Ok(Index::create_in_dir(path, schema)?)
    }

    /// An index in memory, for tests.
    pub fn in_memory() -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        Self::from_index(Index::create_in_ram(schema), fields, OpenState::Created, IndexOptions::default())
    }

    fn from_index(index: Index, fields: Fields, opened: OpenState, options: IndexOptions) -> Result<SearchIndex> {
        analysis::register(index.tokenizers());
        let threads = options.indexing_threads.max(1);
        let writer = index.writer_with_options(
            IndexWriterOptions::builder()
                .num_worker_threads(threads)
                .memory_budget_per_thread(options.memory_budget_bytes / threads)
                // Merging runs beside searches and the web server on few cores.
                .num_merge_threads(1)
                .build(),
        )?;
        // Reloaded by our own commits only: a search right after `commit`
        // sees it, and no background thread polls the directory.
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let committed = index
            .load_metas()?
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<CommitPayload>(p).ok())
            .map(|p| p.last_applied_change);
        Ok(SearchIndex {
            index,
            reader,
            fields,
            analyzers: Analyzers::new(),
            writer: Mutex::new(Writer { writer, pending: Pending::Keep }),
            committed: Mutex::new(committed),
            opened,
        })
    }

    /// What `open` found.
    pub fn opened(&self) -> &OpenState {
        &self.opened
    }

    fn writer(&self) -> Result<MutexGuard<'_, Writer>> {
        self.writer.lock().map_err(|_| SearchError::Poisoned)
    }

    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Adds or replaces knowledge items (by id). Visible after [`commit`](Self::commit).
    pub fn upsert_knowledge(&self, docs: &[KnowledgeDoc]) -> Result<()> {
        let w = self.writer()?;
        for d in docs {
            w.writer.delete_term(self.key_term(&DocKind::knowledge_key(d.id)));
            w.writer.add_document(documents::knowledge(&self.fields, d))?;
        }
        Ok(())
    }

    /// Adds or replaces partners, persons, projects and meetings (by kind and id).
    pub fn upsert_entities(&self, docs: &[EntityDoc]) -> Result<()> {
        let w = self.writer()?;
        for d in docs {
            w.writer.delete_term(self.key_term(&DocKind::entity_key(d.kind, d.network_id, d.id)));
            w.writer.add_document(documents::entity(&self.fields, d))?;
        }
        Ok(())
    }

    /// Removes a knowledge item; nothing happens when it is not there.
    pub fn delete_knowledge(&self, id: i64) -> Result<()> {
        let w = self.writer()?;
        w.writer.delete_term(self.key_term(&DocKind::knowledge_key(id)));
        Ok(())
    }

    /// Removes a partner, person, project or meeting from one network's
    /// documents; nothing happens when it is not there.
    pub fn delete_entity(&self, kind: EntityKind, network_id: i64, id: i64) -> Result<()> {
        let w = self.writer()?;
        w.writer.delete_term(self.key_term(&DocKind::entity_key(kind, network_id, id)));
        Ok(())
    }

    /// Drops every document, including uncommitted ones, and forgets the
    /// change-log position: the start of a rebuild. Searches see the old
    /// contents until the next commit, so a rebuild swaps atomically.
    pub fn clear(&self) -> Result<()> {
        let mut w = self.writer()?;
        w.writer.rollback()?;
        w.writer.delete_all_documents()?;
        w.pending = Pending::Unset;
        Ok(())
    }

    /// The change-log sequence number the next commit records as applied.
    pub fn set_last_applied_change(&self, seq: i64) -> Result<()> {
        self.writer()?.pending = Pending::Set(seq);
        Ok(())
    }

    /// The last committed change-log sequence number: catch up from the one
    /// after it. `None` for a new, recreated or cleared index, which must be
    /// filled from the database first.
    pub fn last_applied_change(&self) -> Option<i64> {
        self.committed.lock().map_or(None, |c| *c)
    }

    /// Makes all writes since the last commit durable and searchable, in one
    /// step with the change-log position: after a crash the index is at a
    /// commit, and its position says exactly which changes it holds.
    pub fn commit(&self) -> Result<()> {
        let mut w = self.writer()?;
        let mut committed = self.committed.lock().map_err(|_| SearchError::Poisoned)?;
        let position = match w.pending {
            Pending::Keep => *committed,
            Pending::Set(seq) => Some(seq),
            Pending::Unset => None,
        };
        let mut prepared = w.writer.prepare_commit()?;
        if let Some(seq) = position {
            let payload = serde_json::to_string(&CommitPayload { last_applied_change: seq }).map_err(std::io::Error::other)?;
            prepared.set_payload(&payload);
        }
        prepared.commit()?;
        w.pending = Pending::Keep;
        *committed = position;
        drop(committed);
        drop(w);
        self.reader.reload()?;
        Ok(())
    }

    /// Merges all segments into one (after a full rebuild: fewer, larger
    /// segments answer faster). Blocks until done.
    pub fn compact(&self) -> Result<()> {
        let mut w = self.writer()?;
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            w.writer.merge(&ids).wait()?;
        }
        drop(w);
        self.reader.reload()?;
        Ok(())
    }

    /// Lets background merges finish and releases the writer lock.
    pub fn close(self) -> Result<()> {
        let w = self.writer.into_inner().map_err(|_| SearchError::Poisoned)?;
        w.writer.wait_merging_threads()?;
        Ok(())
    }

    /// Documents searchable now (knowledge items and entities).
    pub fn num_docs(&self) -> u64 {
        self.searcher().num_docs()
    }

    /// Segments searchable now (for the benchmark and diagnostics).
    pub fn segment_count(&self) -> usize {
        self.searcher().segment_readers().len()
    }

    pub(crate) fn key_term(&self, key: &str) -> Term {
        Term::from_field_text(self.fields.key, key)
    }
}
