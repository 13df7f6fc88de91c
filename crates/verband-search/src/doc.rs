//! The documents the index holds: knowledge items and the small entities of
//! the global search. Plain data, filled by the service layer from the store.

/// A knowledge item (*kennisitem*) as the index needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeDoc {
    pub id: i64,
    pub network_id: i64,
    /// Shared with the whole deployment (visible outside its network).
    pub shared: bool,
    /// `article`, `tool`, `reference`, `experience`, `success`, `question`.
    pub kind: String,
    pub title: String,
    /// Markdown source; the index keeps only its text.
    pub body: String,
    pub themes: Vec<String>,
    pub phase: Option<String>,
    pub sectors: Vec<String>,
    pub year: i32,
    /// Creation time, Unix seconds: the order of "newest first".
    pub created: i64,
    pub views: i64,
    /// Text extracted from attached PDF and DOCX files; searchable, weighed
    /// below the body.
    pub attachment_text: String,
}

/// What the global header search finds besides knowledge items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Partner,
    Person,
    Project,
    Meeting,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Partner, EntityKind::Person, EntityKind::Project, EntityKind::Meeting];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Partner => "partner",
            EntityKind::Person => "person",
            EntityKind::Project => "project",
            EntityKind::Meeting => "meeting",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A partner, person, project or meeting for the global search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityDoc {
    pub kind: EntityKind,
    pub id: i64,
    pub network_id: i64,
    /// Name of the partner or person, title of the project or meeting.
    pub title: String,
    /// A short text: description, organisation and role, meeting type and date.
    pub text: String,
}

/// Every kind of document (ids are unique per kind only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DocKind {
    Knowledge,
    Entity(EntityKind),
}

impl DocKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DocKind::Knowledge => "knowledge",
            DocKind::Entity(k) => k.as_str(),
        }
    }

    /// The unique key of a knowledge item in the index: what upserts and
    /// deletes replace by.
    pub(crate) fn knowledge_key(id: i64) -> String {
        format!("{}:{id}", DocKind::Knowledge.as_str())
    }

    /// The key of an entity carries its network: one organisation is a
    /// partner in each network it belongs to, with a document per network.
    pub(crate) fn entity_key(kind: EntityKind, network_id: i64, id: i64) -> String {
        format!("{}:{network_id}:{id}", kind.as_str())
    }
}

/// What a user may see: decided by the service layer, applied by every query
/// of this crate inside the query itself, so that hits, totals, facet counts,
/// snippets and related items all come from the same visible set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Access {
    /// Networks the user is a member of: all their knowledge items and entities.
    pub networks: Vec<i64>,
    /// Also knowledge items other networks share with the whole deployment.
    pub include_shared: bool,
}

impl Access {
    /// Sees nothing at all: no query needs to run.
    pub(crate) fn is_empty(&self) -> bool {
        self.networks.is_empty() && !self.include_shared
    }
}
