//! Kumu's JSON import, which Kumu calls a blueprint
//! (<https://docs.kumu.io/guides/import/blueprints>):
//!
//! ```json
//! {"elements": [{"label": "A", "type": "Letter"}, {"label": "B"}],
//!  "connections": [{"from": "A", "to": "B", "type": "likes", "direction": "mutual"}]}
//! ```
//!
//! Conventions:
//! - An element's `id` is the node id, its `label` the label; Kumu lets
//!   either stand for the other, and connections name elements by id or, when
//!   elements have none, by label. Every other field (`type`, `description`,
//!   `tags`, custom fields) is an attribute: JSON text, integers, other
//!   numbers and booleans keep their type; a list (Kumu's `tags`) becomes text
//!   with the values joined by `|`, the separator Kumu uses for several values
//!   in one cell; an object becomes its JSON text; `null` is left out.
//! - A connection's `from` and `to` are the source and target, `type` is the
//!   kind, `label` the label, and a numeric `strength` (Kumu's field for the
//!   weight of a connection) the weight. A `strength` in words (Kumu's own
//!   example says "Strong") stays an attribute. A connection's `id` is not
//!   kept.
//! - `direction` is `directed` (Kumu's default when it is missing),
//!   `undirected` or `mutual`; see [`NetworkFile::directed`] for a file that
//!   mixes them. On write every connection states its direction.
//! - Other top-level fields (`loops`, and the maps and views of a full
//!   project backup) are ignored.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};

use crate::network_file::{
    check_weight, format_number, parse_number, utf8_text, AttrValue, EdgeDirection, FileEdge, FileNode, GraphFormatError, LineIndex,
    NetworkBuilder, NetworkFile, Position, ReadLimits,
};

/// Writes `network` as a Kumu blueprint.
pub fn write_kumu(network: &NetworkFile) -> Result<String, GraphFormatError> {
    network.check()?;
    let mut edge_fields = vec![
        ("from", "source"),
        ("to", "target"),
        ("direction", "direction"),
        ("id", "connection id"),
        ("type", "kind"),
        ("label", "label"),
    ];
    // A `strength` in words can be an attribute; a number is the weight.
    let numeric_strength = network.edges.iter().any(|e| match e.attributes.get("strength") {
        Some(AttrValue::Text(t)) => parse_number(t).is_some(),
        Some(_) => true,
        None => false,
    });
    if numeric_strength || network.edges.iter().any(|e| e.weight.is_some()) {
        edge_fields.push(("strength", "weight"));
    }
    network.check_reserved(&[("id", "id"), ("label", "label")], &edge_fields, false)?;

    let elements: Vec<Value> = network
        .nodes
        .iter()
        .map(|n| {
            let mut m = attributes_to_json(&n.attributes);
            m.insert("id".into(), Value::String(n.id.clone()));
            m.insert("label".into(), Value::String(n.label.clone()));
            Value::Object(m)
        })
        .collect();
    let direction = if network.directed { "directed" } else { "undirected" };
    let connections: Vec<Value> = network
        .edges
        .iter()
        .map(|e| {
            let mut m = attributes_to_json(&e.attributes);
            m.insert("from".into(), Value::String(e.source.clone()));
            m.insert("to".into(), Value::String(e.target.clone()));
            m.insert("direction".into(), Value::String(direction.into()));
            if let Some(kind) = &e.kind {
                m.insert("type".into(), Value::String(kind.clone()));
            }
            if let Some(label) = &e.label {
                m.insert("label".into(), Value::String(label.clone()));
            }
            if let Some(w) = e.weight {
                m.insert("strength".into(), number(w));
            }
            Value::Object(m)
        })
        .collect();
    let mut top = Map::new();
    top.insert("elements".into(), Value::Array(elements));
    top.insert("connections".into(), Value::Array(connections));
    serde_json::to_string_pretty(&Value::Object(top)).map_err(|e| GraphFormatError::CannotWrite { detail: e.to_string() })
}

fn attributes_to_json(attributes: &BTreeMap<String, AttrValue>) -> Map<String, Value> {
    attributes
        .iter()
        .map(|(k, v)| {
            let value = match v {
                AttrValue::Text(t) => Value::String(t.clone()),
                AttrValue::Number(n) => number(*n),
                AttrValue::Integer(i) => Value::Number((*i).into()),
                AttrValue::Bool(b) => Value::Bool(*b),
            };
            (k.clone(), value)
        })
        .collect()
}

/// JSON has no infinity or NaN; such a number is written as its text.
fn number(n: f64) -> Value {
    Number::from_f64(n).map_or_else(|| Value::String(format_number(n)), Value::Number)
}

/// Reads a Kumu blueprint.
pub fn read_kumu(bytes: &[u8], limits: &ReadLimits) -> Result<NetworkFile, GraphFormatError> {
    limits.check_size(bytes)?;
    let text = utf8_text(bytes)?;
    let lines = LineIndex::new(text);
    check_depth(text, limits.max_depth, &lines)?;
    let top: BTreeMap<String, &RawValue> = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => GraphFormatError::WrongFormat {
            at: Position::line(e.line().max(1)),
            expected: "Kumu JSON",
            detail: "the file is not a JSON object".into(),
        },
        _ => json_error(&e),
    })?;
    let (elements, connections) = (top.get("elements"), top.get("connections"));
    if elements.is_none() && connections.is_none() {
        return Err(GraphFormatError::WrongFormat {
            at: Position::line(1),
            expected: "Kumu JSON",
            detail: "it has neither \"elements\" nor \"connections\"".into(),
        });
    }
    let at = |raw: &RawValue| lines.line_of(offset_in(text, raw.get()));
    let mut builder = NetworkBuilder::new(limits).resolving_labels();
    for raw in list(elements, "elements", &at)? {
        let fields = object(raw, "an element", &at)?;
        let node = element(fields, at(raw))?;
        builder.add_node(node, at(raw))?;
    }
    let connections = list(connections, "connections", &at)?;
    let no_connections = connections.is_empty();
    for raw in connections {
        let fields = object(raw, "a connection", &at)?;
        let (edge, direction) = connection(fields, at(raw))?;
        builder.add_edge(edge, at(raw), direction)?;
    }
    // Kumu's connections are directed unless they say otherwise, so every
    // connection states its direction to the builder; a map without any is
    // directed by the same default.
    builder.finish(no_connections)
}

fn json_error(e: &serde_json::Error) -> GraphFormatError {
    // serde_json's message ends in " at line L column C", which the position says already.
    let message = e.to_string();
    let detail = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_string();
    GraphFormatError::Json { at: Position { column: Some(e.column().max(1)), ..Position::line(e.line().max(1)) }, detail }
}

/// Where `part`, a slice of `text`, starts in it.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

/// Refuses nesting deeper than `limit` before any parser recurses into it.
fn check_depth(text: &str, limit: usize, lines: &LineIndex<'_>) -> Result<(), GraphFormatError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Err(GraphFormatError::TooDeep { at: lines.line_of(i), limit });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn list<'a>(raw: Option<&&'a RawValue>, name: &str, at: &dyn Fn(&RawValue) -> Position) -> Result<Vec<&'a RawValue>, GraphFormatError> {
    match raw {
        None => Ok(Vec::new()),
        Some(raw) if raw.get() == "null" => Ok(Vec::new()),
        Some(raw) => serde_json::from_str(raw.get())
            .map_err(|_| GraphFormatError::Invalid { at: at(raw), detail: format!("\"{name}\" is not a list") }),
    }
}

fn object(raw: &RawValue, what: &str, at: &dyn Fn(&RawValue) -> Position) -> Result<Map<String, Value>, GraphFormatError> {
    serde_json::from_str(raw.get()).map_err(|_| GraphFormatError::Invalid { at: at(raw), detail: format!("{what} is not a JSON object") })
}

/// A JSON value as text, for fields that are names: text and numbers.
fn name(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn element(mut fields: Map<String, Value>, at: Position) -> Result<FileNode, GraphFormatError> {
    let id = name(fields.get("id")).filter(|s| !s.trim().is_empty());
    let label = name(fields.get("label")).filter(|s| !s.trim().is_empty());
    let (id, label) = match (id, label) {
        (Some(id), Some(label)) => (id, label),
        (Some(id), None) => (id.clone(), id),
        (None, Some(label)) => (label.clone(), label),
        (None, None) => return Err(GraphFormatError::MissingNodeId { at }),
    };
    fields.remove("id");
    fields.remove("label");
    Ok(FileNode { id, label, attributes: attributes(fields) })
}

fn connection(mut fields: Map<String, Value>, at: Position) -> Result<(FileEdge, EdgeDirection), GraphFormatError> {
    let source = name(fields.get("from")).unwrap_or_default();
    let target = name(fields.get("to")).unwrap_or_default();
    let direction = match fields.get("direction") {
        None | Some(Value::Null) => EdgeDirection::Directed,
        Some(Value::String(d)) if d.trim().eq_ignore_ascii_case("directed") => EdgeDirection::Directed,
        Some(Value::String(d)) if ["undirected", "mutual"].iter().any(|u| d.trim().eq_ignore_ascii_case(u)) => EdgeDirection::Undirected,
        Some(other) => {
            return Err(GraphFormatError::BadValue {
                at,
                attribute: "direction".into(),
                value: text_of(other),
                expected: "directed, undirected or mutual",
            })
        }
    };
    let weight = match fields.get("strength") {
        Some(Value::Number(n)) => {
            let w = n.as_f64().unwrap_or(f64::NAN);
            Some(check_weight(w, &n.to_string(), at)?)
        }
        Some(Value::String(s)) => match parse_number(s) {
            Some(w) => Some(check_weight(w, s, at)?),
            None => None,
        },
        _ => None,
    };
    if weight.is_some() {
        fields.remove("strength");
    }
    let kind = fields.get("type").filter(|v| !v.is_null()).map(text_of);
    let label = fields.get("label").filter(|v| !v.is_null()).map(text_of);
    for key in ["from", "to", "direction", "type", "label", "id"] {
        fields.remove(key);
    }
    Ok((FileEdge { source, target, weight, kind, label, attributes: attributes(fields) }, direction))
}

fn attributes(fields: Map<String, Value>) -> BTreeMap<String, AttrValue> {
    fields
        .into_iter()
        .filter_map(|(k, v)| {
            // Names are trimmed, as in the other formats; a field without a name is left out.
            let k = k.trim().to_string();
            if k.is_empty() {
                return None;
            }
            let value = match v {
                Value::Null => return None,
                Value::Bool(b) => AttrValue::Bool(b),
                Value::Number(n) => match n.as_i64() {
                    Some(i) => AttrValue::Integer(i),
                    None => AttrValue::Number(n.as_f64().unwrap_or(f64::NAN)),
                },
                other => AttrValue::Text(text_of(&other)),
            };
            Some((k, value))
        })
        .collect()
}

/// Text for a field that Verband keeps as text: a list of plain values is
/// joined with `|`, as Kumu joins several values in one cell.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|i| !i.is_array() && !i.is_object()) => {
            items.iter().filter(|i| !i.is_null()).map(text_of).collect::<Vec<_>>().join("|")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ReadLimits {
        ReadLimits::default()
    }

    fn sample(directed: bool) -> NetworkFile {
        let attrs = |pairs: &[(&str, AttrValue)]| pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        NetworkFile {
            directed,
            nodes: vec![
                FileNode {
                    id: "org-1".into(),
                    label: "Zorggroep \"Één\" – Tiel".into(),
                    attributes: attrs(&[
                        ("type", AttrValue::Text("zorg".into())),
                        ("medewerkers", AttrValue::Integer(250)),
                        ("budget", AttrValue::Number(2.0)),
                        ("actief", AttrValue::Bool(true)),
                    ]),
                },
                FileNode { id: "org-2".into(), label: "Zorggroep \"Één\" – Tiel".into(), attributes: BTreeMap::new() },
            ],
            edges: vec![FileEdge {
                source: "org-1".into(),
                target: "org-2".into(),
                weight: Some(3.0),
                kind: Some("samenwerking".into()),
                label: Some("sinds 2020".into()),
                attributes: attrs(&[("description", AttrValue::Text("regel 1\nregel 2".into()))]),
            }],
        }
    }

    #[test]
    fn round_trip_keeps_everything_even_duplicate_labels() {
        for directed in [true, false] {
            let net = sample(directed);
            let text = write_kumu(&net).unwrap();
            assert_eq!(read_kumu(text.as_bytes(), &limits()).unwrap(), net, "{text}");
        }
    }

    #[test]
    fn the_documented_examples_read() {
        let doc = r#"{
  "elements": [
    {"label": "A", "type": "Letter", "description": "This is A", "tags": ["one", "two"]},
    {"label": "B", "type": "Letter", "Favorite Dessert": "shave ice"}
  ],
  "connections": [
    {"from": "A", "to": "B", "type": "likes"}
  ]
}"#;
        let net = read_kumu(doc.as_bytes(), &limits()).unwrap();
        assert!(net.directed);
        assert_eq!(net.nodes[0].id, "A");
        assert_eq!(net.nodes[0].attributes["tags"], AttrValue::Text("one|two".into()));
        assert_eq!(net.nodes[1].attributes["Favorite Dessert"], AttrValue::Text("shave ice".into()));
        assert_eq!(net.edges[0].kind.as_deref(), Some("likes"));

        let ids = r#"{"elements": [{"id": "e1", "label": "A"}, {"id": "e2", "label": "A"}],
                      "connections": [{"id": "c1", "from": "e1", "to": "e2", "direction": "mutual"}]}"#;
        let net = read_kumu(ids.as_bytes(), &limits()).unwrap();
        assert!(!net.directed);
        assert_eq!((net.edges[0].source.as_str(), net.edges[0].target.as_str()), ("e1", "e2"));
        assert!(net.edges[0].attributes.is_empty(), "connection ids are not kept");
    }

    #[test]
    fn labels_resolve_when_elements_have_ids_and_strength_in_words_stays() {
        let doc = r#"{"elements": [{"id": "1", "label": "GGD"}, {"id": 2, "label": "Gemeente"}],
                      "connections": [{"from": "GGD", "to": 2, "strength": "Strong"}, {"from": "1", "to": "2", "strength": "0.5"}]}"#;
        let net = read_kumu(doc.as_bytes(), &limits()).unwrap();
        assert_eq!((net.edges[0].source.as_str(), net.edges[0].target.as_str()), ("1", "2"));
        assert_eq!(net.edges[0].attributes["strength"], AttrValue::Text("Strong".into()));
        assert_eq!(net.edges[1].weight, Some(0.5));
    }

    #[test]
    fn errors_name_the_line_of_the_element() {
        let cases = [
            ("{\"elements\": [\n{\"label\": \"A\"},\n{\"label\": \"A\"}]}", "duplicate-node-id", 3, None),
            ("{\"elements\": [\n{\"type\": \"x\"}]}", "missing-node-id", 2, None),
            ("{\"elements\": [{\"label\": \"A\"}],\n\"connections\": [\n{\"from\": \"A\", \"to\": \"B\"}]}", "unknown-node", 3, None),
            (
                "{\"elements\": [{\"label\": \"A\"}],\n\"connections\": [\n{\"from\": \"A\", \"to\": \"A\", \"strength\": -2}]}",
                "bad-weight",
                3,
                None,
            ),
            ("{\"elements\": [{\"label\": \"A\"}],\n\"connections\": [\n{\"to\": \"A\"}]}", "missing-edge-end", 3, None),
            (
                "{\"elements\": [{\"label\": \"A\"}],\n\"connections\": [\n{\"from\": \"A\", \"to\": \"A\", \"direction\": \"up\"}]}",
                "bad-value",
                3,
                None,
            ),
            ("{\"elements\": [\n{\"label\": \"A\",}]}", "malformed-json", 2, Some(15)),
            ("{\"elements\": {}}", "invalid", 1, None),
            ("[1, 2]", "wrong-format", 1, None),
            ("{\"nodes\": []}", "wrong-format", 1, None),
        ];
        for (doc, code, line, column) in cases {
            let e = read_kumu(doc.as_bytes(), &limits()).unwrap_err();
            assert_eq!((e.code(), e.line()), (code, Some(line)), "{doc}: {e}");
            if column.is_some() {
                assert_eq!(e.column(), column, "{e}");
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("{{\"elements\": [{{\"label\": \"A\", \"x\": {}1{}}}]}}", "[".repeat(200_000), "]".repeat(200_000));
        let e = read_kumu(deep.as_bytes(), &limits()).unwrap_err();
        assert_eq!(e.code(), "too-deep");
        // Brackets inside text do not count.
        let text = format!("{{\"elements\": [{{\"label\": \"{}\"}}]}}", "[{".repeat(1000));
        assert_eq!(read_kumu(text.as_bytes(), &limits()).unwrap().nodes.len(), 1);
    }

    #[test]
    fn reserved_names_are_refused_on_write() {
        let mut net = sample(true);
        net.edges[0].attributes.insert("strength".into(), AttrValue::Text("sterk".into()));
        assert_eq!(write_kumu(&net).unwrap_err().code(), "reserved-name");
        net.edges[0].weight = None;
        let back = read_kumu(write_kumu(&net).unwrap().as_bytes(), &limits()).unwrap();
        assert_eq!(back.edges[0].attributes["strength"], AttrValue::Text("sterk".into()));
    }
}
