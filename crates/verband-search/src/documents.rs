//! From the crate's document types to tantivy documents.

use tantivy::schema::Facet;
use tantivy::TantivyDocument;

use crate::doc::{DocKind, EntityDoc, KnowledgeDoc};
use crate::markdown::to_plain_text;
use crate::schema::{entity_scope_term, knowledge_scope_term, Fields, KNOWLEDGE_SHARED};

/// The stored copy of attachment text is cut here (the indexed copy is not):
/// it only serves snippets, and a 300-page PDF should not bloat the doc store.
const STORED_ATTACHMENT_BYTES: usize = 64 * 1024;

/// A facet of one level. The encoded form separates levels with NUL, so a
/// value may hold "/" but not NUL; empty values carry no information.
pub(crate) fn facet(value: &str) -> Option<Facet> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Some(Facet::from_path([value.replace('\0', "")]))
}

fn cut_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub(crate) fn knowledge(f: &Fields, d: &KnowledgeDoc) -> TantivyDocument {
    let body = to_plain_text(&d.body);
    let mut doc = TantivyDocument::new();
    doc.add_text(f.key, DocKind::knowledge_key(d.id));
    doc.add_text(f.scope, knowledge_scope_term(d.network_id));
    if d.shared {
        doc.add_text(f.scope, KNOWLEDGE_SHARED);
    }
    doc.add_i64(f.id, d.id);
    doc.add_i64(f.network_id, d.network_id);
    doc.add_bool(f.shared, d.shared);
    doc.add_i64(f.created, d.created);
    doc.add_i64(f.views, d.views);
    doc.add_i64(f.year, i64::from(d.year));
    doc.add_text(f.kind, &d.kind);
    doc.add_text(f.title, &d.title);
    doc.add_text(f.body, &body);
    doc.add_text(f.attachment, cut_at_char_boundary(&d.attachment_text, STORED_ATTACHMENT_BYTES));
    let t = &f.knowledge;
    for stemmed in [t.title.dutch, t.title.english] {
        doc.add_text(stemmed, &d.title);
    }
    for stemmed in [t.body.dutch, t.body.english] {
        doc.add_text(stemmed, &body);
    }
    if let Some(att) = t.attachment {
        if !d.attachment_text.is_empty() {
            doc.add_text(att.dutch, &d.attachment_text);
            doc.add_text(att.english, &d.attachment_text);
        }
    }
    doc.add_text(t.plain, &d.title);
    doc.add_text(t.plain, &body);
    let fc = &f.facets;
    let mut add = |field, value: &str| {
        if let Some(facet) = facet(value) {
            doc.add_facet(field, facet);
        }
    };
    add(fc.kind, &d.kind);
    for theme in &d.themes {
        add(fc.theme, theme);
    }
    if let Some(phase) = &d.phase {
        add(fc.phase, phase);
    }
    for sector in &d.sectors {
        add(fc.sector, sector);
    }
    add(fc.network, &d.network_id.to_string());
    add(fc.year, &d.year.to_string());
    doc
}

pub(crate) fn entity(f: &Fields, d: &EntityDoc) -> TantivyDocument {
    let kind = DocKind::Entity(d.kind);
    let mut doc = TantivyDocument::new();
    doc.add_text(f.key, DocKind::entity_key(d.kind, d.network_id, d.id));
    doc.add_text(f.scope, entity_scope_term(d.network_id));
    doc.add_i64(f.id, d.id);
    doc.add_i64(f.network_id, d.network_id);
    doc.add_bool(f.shared, false);
    doc.add_text(f.kind, kind.as_str());
    doc.add_text(f.title, &d.title);
    doc.add_text(f.body, &d.text);
    let t = &f.entity;
    doc.add_text(t.title.dutch, &d.title);
    doc.add_text(t.title.english, &d.title);
    doc.add_text(t.body.dutch, &d.text);
    doc.add_text(t.body.english, &d.text);
    doc.add_text(t.plain, &d.title);
    doc.add_text(t.plain, &d.text);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_respects_characters() {
        assert_eq!(cut_at_char_boundary("één", 2), "é");
        assert_eq!(cut_at_char_boundary("één", 1), "");
        assert_eq!(cut_at_char_boundary("abc", 10), "abc");
    }

    #[test]
    fn facets_keep_slashes_and_skip_empty_values() {
        assert!(facet("  ").is_none());
        let f = facet("zorg/welzijn").map(|f| f.to_path().join("|"));
        assert_eq!(f.as_deref(), Some("zorg/welzijn"));
    }
}
