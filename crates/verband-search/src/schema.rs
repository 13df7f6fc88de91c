//! The index schema: which fields exist and how each is indexed.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use crate::analysis::{DUTCH, ENGLISH, PLAIN};

/// Bump when the schema or an analyser (also the stemmers' version) changes:
/// an index of another version
/// is thrown away and rebuilt from the database (see `SearchIndex::open`).
/// 2: entity keys carry the network.
pub(crate) const SCHEMA_VERSION: u32 = 2;

/// The indexed forms of one text: its Dutch and English stems.
#[derive(Clone, Copy)]
pub(crate) struct Stemmed {
    pub dutch: Field,
    pub english: Field,
}

impl Stemmed {
    pub fn dutch(&self) -> Field {
        self.dutch
    }

    pub fn english(&self) -> Field {
        self.english
    }
}

/// The text fields a query searches, with their weights.
#[derive(Clone, Copy)]
pub(crate) struct TextFields {
    pub title: Stemmed,
    pub body: Stemmed,
    pub attachment: Option<Stemmed>,
    /// Title and body unstemmed, for typo matching only.
    pub plain: Field,
}

#[derive(Clone)]
pub(crate) struct Fields {
    /// `knowledge:12`, `partner:7`: what an upsert replaces.
    pub key: Field,
    /// Who may see the document, as terms an access scope selects in one
    /// step (see [`scope_terms`]).
    pub scope: Field,
    pub id: Field,
    pub network_id: Field,
    pub shared: Field,
    pub created: Field,
    pub views: Field,
    pub year: Field,
    /// Knowledge kind (`article`, …) or entity kind, stored.
    pub kind: Field,
    /// Stored only: what a hit shows and a snippet is cut from.
    pub title: Field,
    pub body: Field,
    pub attachment: Field,
    pub knowledge: TextFields,
    pub entity: TextFields,
    pub facets: FacetFields,
}

#[derive(Clone, Copy)]
pub(crate) struct FacetFields {
    pub kind: Field,
    pub theme: Field,
    pub phase: Field,
    pub sector: Field,
    pub network: Field,
    pub year: Field,
}

pub(crate) const ID: &str = "id";
pub(crate) const CREATED: &str = "created";
pub(crate) const VIEWS: &str = "views";

fn text(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record))
}

fn stemmed(b: &mut tantivy::schema::SchemaBuilder, name: &str) -> Stemmed {
    // Frequencies and field lengths for BM25; no positions: there is no
    // phrase search, and positions would be the largest part of the index.
    Stemmed {
        dutch: b.add_text_field(&format!("{name}_nl"), text(DUTCH, IndexRecordOption::WithFreqs)),
        english: b.add_text_field(&format!("{name}_en"), text(ENGLISH, IndexRecordOption::WithFreqs)),
    }
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let key = b.add_text_field("key", STRING);
    let scope = b.add_text_field("scope", STRING);
    let id = b.add_i64_field(ID, NumericOptions::default() | FAST | STORED);
    let network_id = b.add_i64_field("network_id", STORED);
    let shared = b.add_bool_field("shared", STORED);
    let created = b.add_i64_field(CREATED, FAST | STORED);
    let views = b.add_i64_field(VIEWS, FAST | STORED);
    let year = b.add_i64_field("year", STORED);
    let kind = b.add_text_field("kind", STORED);
    let title = b.add_text_field("title", STORED);
    let body = b.add_text_field("body", STORED);
    let attachment = b.add_text_field("attachment", STORED);
    let knowledge = TextFields {
        title: stemmed(&mut b, "title"),
        body: stemmed(&mut b, "body"),
        attachment: Some(stemmed(&mut b, "attachment")),
        // A fuzzy term scores a constant: document ids are all it needs.
        plain: b.add_text_field("plain", text(PLAIN, IndexRecordOption::Basic)),
    };
    let entity = TextFields {
        title: stemmed(&mut b, "entity_title"),
        body: stemmed(&mut b, "entity_text"),
        attachment: None,
        plain: b.add_text_field("entity_plain", text(PLAIN, IndexRecordOption::Basic)),
    };
    let facets = FacetFields {
        kind: b.add_facet_field("f_kind", FacetOptions::default()),
        theme: b.add_facet_field("f_theme", FacetOptions::default().set_stored()),
        phase: b.add_facet_field("f_phase", FacetOptions::default().set_stored()),
        sector: b.add_facet_field("f_sector", FacetOptions::default().set_stored()),
        network: b.add_facet_field("f_network", FacetOptions::default()),
        year: b.add_facet_field("f_year", FacetOptions::default()),
    };
    let fields =
        Fields { key, scope, id, network_id, shared, created, views, year, kind, title, body, attachment, knowledge, entity, facets };
    (b.build(), fields)
}

/// The scope terms of a document, and what an access scope asks for: a
/// knowledge item of network 3 is `knowledge:3`, and also `knowledge:shared`
/// when shared; a partner of network 3 is `entity:3`. An access check is then
/// one set of terms, resolved to one bitset per segment, rather than a union
/// of network and shared clauses intersected with a document type.
pub(crate) fn knowledge_scope_term(network_id: i64) -> String {
    format!("knowledge:{network_id}")
}

pub(crate) const KNOWLEDGE_SHARED: &str = "knowledge:shared";

pub(crate) fn entity_scope_term(network_id: i64) -> String {
    format!("entity:{network_id}")
}
