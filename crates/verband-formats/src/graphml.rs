//! GraphML: <http://graphml.graphdrawing.org/>, read by networkx, Gephi,
//! yEd, igraph and Cytoscape.
//!
//! GraphML has no built-in labels or weights; everything is a `<data>`
//! value for a declared `<key>`. Conventions (those of networkx and Gephi):
//! - a node's label is the node key with `attr.name="label"`;
//! - an edge's weight, kind and label are the edge keys named `weight`,
//!   `kind` and `label`;
//! - every other key is an attribute, typed by `attr.type`: `string`,
//!   `double`, `int` (`long` beyond 32 bits) and `boolean` on write; on read
//!   also `float` and `long`. Keys are written with ids `d0`, `d1`, … as
//!   networkx does; a mixed column is declared as in [`crate::write_gexf`].
//! - `edgedefault` is `directed` or `undirected`; edges never carry their own
//!   `directed`, because networkx refuses an edge against the default.
//!
//! Reading applies key defaults, reads `directed` on edges (see
//! [`NetworkFile::directed`]), ignores ports and graph-level data, takes a
//! node's label from yEd's `NodeLabel` when there is no `label` key, and
//! refuses hyperedges, nested graphs and a second graph as unsupported.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use crate::network_file::{
    attribute_types, check_weight, parse_number, AttrType, AttrValue, EdgeDirection, FileEdge, FileNode, GraphFormatError, NetworkBuilder,
    NetworkFile, Position, ReadLimits,
};
use crate::xml::{escape_attr, escape_text, Start, XmlEvent, XmlReader};

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// Writes `network` as GraphML.
pub fn write_graphml(network: &NetworkFile) -> Result<String, GraphFormatError> {
    network.check()?;
    // Whether used or not: the reader takes keys with these names for the fields.
    network.check_reserved(&[("label", "label")], &[("weight", "weight"), ("kind", "kind"), ("label", "label")], false)?;
    let has_weight = network.edges.iter().any(|e| e.weight.is_some());
    let has_kind = network.edges.iter().any(|e| e.kind.is_some());
    let has_label = network.edges.iter().any(|e| e.label.is_some());

    let node_types = attribute_types(network.nodes.iter().map(|n| &n.attributes));
    let edge_types = attribute_types(network.edges.iter().map(|e| &e.attributes));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<graphml xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd\">"
    );
    let mut next_key = 0;
    let mut key = |out: &mut String, class: &str, name: &str, t: AttrType| {
        let id = format!("d{next_key}");
        next_key += 1;
        let _ = writeln!(out, "  <key id=\"{id}\" for=\"{class}\" attr.name=\"{}\" attr.type=\"{}\"/>", escape_attr(name), graphml_type(t));
        id
    };
    let label_key = key(&mut out, "node", "label", AttrType::Text);
    let node_keys: HashMap<&str, String> = node_types.iter().map(|(n, t)| (n.as_str(), key(&mut out, "node", n, *t))).collect();
    let weight_key = has_weight.then(|| key(&mut out, "edge", "weight", AttrType::Number));
    let kind_key = has_kind.then(|| key(&mut out, "edge", "kind", AttrType::Text));
    let edge_label_key = has_label.then(|| key(&mut out, "edge", "label", AttrType::Text));
    let edge_keys: HashMap<&str, String> = edge_types.iter().map(|(n, t)| (n.as_str(), key(&mut out, "edge", n, *t))).collect();

    let edge_default = if network.directed { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph edgedefault=\"{edge_default}\">");
    for node in &network.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", escape_attr(&node.id));
        data(&mut out, &label_key, &node.label);
        for (name, value) in &node.attributes {
            let t = node_types.get(name).copied().unwrap_or(AttrType::Text);
            if let Some(k) = node_keys.get(name.as_str()) {
                data(&mut out, k, &t.write(value));
            }
        }
        out.push_str("    </node>\n");
    }
    for edge in &network.edges {
        let _ = write!(out, "    <edge source=\"{}\" target=\"{}\"", escape_attr(&edge.source), escape_attr(&edge.target));
        let fields = [
            (weight_key.as_ref(), edge.weight.map(|w| AttrValue::Number(w).to_text())),
            (kind_key.as_ref(), edge.kind.clone()),
            (edge_label_key.as_ref(), edge.label.clone()),
        ];
        if edge.attributes.is_empty() && fields.iter().all(|(_, v)| v.is_none()) {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        for (k, v) in fields {
            if let (Some(k), Some(v)) = (k, v) {
                data(&mut out, k, &v);
            }
        }
        for (name, value) in &edge.attributes {
            let t = edge_types.get(name).copied().unwrap_or(AttrType::Text);
            if let Some(k) = edge_keys.get(name.as_str()) {
                data(&mut out, k, &t.write(value));
            }
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    Ok(out)
}

fn data(out: &mut String, key: &str, text: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape_text(text));
}

fn graphml_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Text => "string",
        AttrType::Number => "double",
        AttrType::Integer => "int",
        AttrType::Long => "long",
        AttrType::Bool => "boolean",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum For {
    Node,
    Edge,
    All,
    Other,
}

impl For {
    fn applies(self, class: For) -> bool {
        self == class || self == For::All
    }
}

struct Key {
    name: String,
    kind: AttrType,
    applies_to: For,
    default: Option<String>,
    /// yEd's graphics keys hold XML, not values.
    graphics: bool,
}

/// The keys by id, and per class the keys with a default in the order of
/// declaration, so that filling in defaults costs what it fills and not the
/// number of keys declared.
#[derive(Default)]
struct Keys {
    /// Key id → (declaration index, key).
    by_id: HashMap<String, (usize, Key)>,
    /// Declaration index → key id, of the keys with a default for nodes.
    node_defaults: BTreeMap<usize, String>,
    /// The same for edges.
    edge_defaults: BTreeMap<usize, String>,
}

impl Keys {
    /// A key declared again replaces the earlier one but keeps its place.
    fn declare(&mut self, id: String, key: Key) {
        let index = self.by_id.get(&id).map_or(self.by_id.len(), |(i, _)| *i);
        for (class, defaults) in [(For::Node, &mut self.node_defaults), (For::Edge, &mut self.edge_defaults)] {
            if key.default.is_some() && !key.graphics && key.applies_to.applies(class) {
                defaults.insert(index, id.clone());
            } else {
                defaults.remove(&index);
            }
        }
        self.by_id.insert(id, (index, key));
    }

    fn get(&self, id: &str) -> Option<&Key> {
        self.by_id.get(id).map(|(_, k)| k)
    }

    /// The keys with a default for a node or an edge, in declaration order.
    fn with_default(&self, class: For) -> impl Iterator<Item = &Key> {
        let defaults = if class == For::Node { &self.node_defaults } else { &self.edge_defaults };
        defaults.values().filter_map(|id| self.get(id))
    }
}

struct Element {
    class: For,
    at: Position,
    id: String,
    source: String,
    target: String,
    direction: EdgeDirection,
    /// Key id → (text, where the `<data>` starts).
    data: Vec<(String, String, Position)>,
    yed_label: Option<String>,
}

/// Reads a GraphML file.
pub fn read_graphml(bytes: &[u8], limits: &ReadLimits) -> Result<NetworkFile, GraphFormatError> {
    let mut xml = XmlReader::new(bytes, limits)?;
    let root = loop {
        match xml.next()? {
            XmlEvent::Start(s) => break s,
            XmlEvent::Text(_) => {}
            XmlEvent::End(_) | XmlEvent::Eof => {
                return Err(GraphFormatError::Invalid { at: Position::line(1), detail: "no root element".into() })
            }
        }
    };
    if root.name != "graphml" {
        return Err(GraphFormatError::WrongFormat { at: root.at, expected: "GraphML", detail: format!("it starts with <{}>", root.name) });
    }
    let mut keys = Keys::default();
    let mut builder = NetworkBuilder::new(limits);
    let mut graphs = 0;
    let mut directed = false;
    let mut current: Option<Element> = None;
    loop {
        let s = match xml.next()? {
            XmlEvent::Start(s) => s,
            XmlEvent::End(name) if name == "node" || name == "edge" => {
                if let Some(el) = current.take() {
                    finish_element(el, &keys, &mut builder)?;
                }
                continue;
            }
            XmlEvent::End(_) | XmlEvent::Text(_) => continue,
            XmlEvent::Eof => break,
        };
        let parent = xml.ancestor(1).unwrap_or("").to_string();
        match (s.name.as_str(), parent.as_str()) {
            ("key", "graphml") => {
                let Some(id) = s.attr("id").filter(|id| !id.trim().is_empty()).map(str::to_string) else {
                    return Err(GraphFormatError::Invalid { at: s.at, detail: "a <key> without an id".into() });
                };
                let key = read_key(&mut xml, &s)?;
                keys.declare(id, key);
            }
            ("graph", "graphml") => {
                graphs += 1;
                if graphs > 1 {
                    return Err(unsupported(&s, "a second <graph> in one file"));
                }
                directed = match s.attr("edgedefault").map(str::trim) {
                    Some("directed") => true,
                    None | Some("undirected") => false,
                    Some(other) => {
                        return Err(GraphFormatError::Invalid {
                            at: s.at,
                            detail: format!("edgedefault {other:?} is not directed or undirected"),
                        })
                    }
                };
            }
            ("graph", _) => return Err(unsupported(&s, "a graph inside a node or edge (nested graphs)")),
            ("hyperedge", _) => return Err(unsupported(&s, "a hyperedge")),
            ("node", "graph") => {
                let id = s.attr("id").unwrap_or_default().to_string();
                if id.trim().is_empty() {
                    return Err(GraphFormatError::MissingNodeId { at: s.at });
                }
                current = Some(element(For::Node, &s, id, EdgeDirection::Default));
            }
            ("edge", "graph") => {
                let direction = match s.attr("directed").map(str::trim) {
                    None => EdgeDirection::Default,
                    Some("true") => EdgeDirection::Directed,
                    Some("false") => EdgeDirection::Undirected,
                    Some(other) => {
                        return Err(GraphFormatError::Invalid { at: s.at, detail: format!("directed={other:?} is not true or false") })
                    }
                };
                current = Some(element(For::Edge, &s, String::new(), direction));
            }
            ("data", "node" | "edge") => {
                let Some(el) = current.as_mut() else {
                    xml.skip_element()?;
                    continue;
                };
                let key = s.attr("key").unwrap_or_default().to_string();
                let Some(k) = keys.get(&key) else {
                    return Err(GraphFormatError::UndeclaredAttribute { at: s.at, key });
                };
                let (text, had_elements, yed_label) = read_data(&mut xml)?;
                if el.yed_label.is_none() {
                    el.yed_label = yed_label;
                }
                if !had_elements && !k.graphics {
                    el.data.push((key, text, s.at));
                }
            }
            _ => xml.skip_element()?,
        }
    }
    if graphs == 0 {
        return Err(GraphFormatError::Invalid { at: root.at, detail: "the file has no <graph>".into() });
    }
    builder.finish(directed)
}

fn element(class: For, s: &Start, id: String, direction: EdgeDirection) -> Element {
    Element {
        class,
        at: s.at,
        id,
        source: s.attr("source").unwrap_or_default().to_string(),
        target: s.attr("target").unwrap_or_default().to_string(),
        direction,
        data: Vec::new(),
        yed_label: None,
    }
}

/// Reads a `<key>` and its `<default>`, up to the key's end.
fn read_key(xml: &mut XmlReader<'_>, s: &Start) -> Result<Key, GraphFormatError> {
    let graphics = s.attr("yfiles.type").is_some();
    // Names are trimmed, as in GEXF; a key without a name is named by its id.
    let name = s
        .attr("attr.name")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .or_else(|| s.attr("id").map(str::trim))
        .unwrap_or_default()
        .to_string();
    let kind = match s.attr("attr.type").map(|t| t.trim().to_ascii_lowercase()).as_deref() {
        Some("int" | "long") => AttrType::Integer,
        Some("float" | "double") => AttrType::Number,
        Some("boolean") => AttrType::Bool,
        _ => AttrType::Text,
    };
    let applies_to = match s.attr("for").map(str::trim) {
        Some("node") => For::Node,
        Some("edge") => For::Edge,
        None | Some("all") => For::All,
        Some(_) => For::Other,
    };
    let mut default = None;
    let depth = xml.depth();
    while xml.depth() >= depth {
        match xml.next()? {
            XmlEvent::Start(d) if d.name == "default" && xml.depth() == depth + 1 => default = Some(xml.text_content()?),
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    Ok(Key { name, kind, applies_to, default, graphics })
}

/// Reads a `<data>` up to its end: its text, whether it held elements (yEd's
/// graphics), and the text of a yEd `NodeLabel` or `EdgeLabel` inside.
fn read_data(xml: &mut XmlReader<'_>) -> Result<(String, bool, Option<String>), GraphFormatError> {
    let depth = xml.depth();
    let mut text = String::new();
    let mut had_elements = false;
    let mut label = None;
    while xml.depth() >= depth {
        match xml.next()? {
            XmlEvent::Text(t) if xml.depth() == depth => text.push_str(&t),
            XmlEvent::Start(s) => {
                had_elements = true;
                if (s.name == "NodeLabel" || s.name == "EdgeLabel") && label.is_none() {
                    label = Some(xml.text_content()?.trim().to_string());
                }
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    Ok((text, had_elements, label))
}

fn finish_element(el: Element, keys: &Keys, builder: &mut NetworkBuilder) -> Result<(), GraphFormatError> {
    let mut values: Vec<(&Key, String, Position)> = Vec::new();
    for (key, text, at) in el.data {
        if let Some(k) = keys.get(&key) {
            values.push((k, text, at));
        }
    }
    // The names with a value so far, as a set, so that many keys cost linear time.
    let mut given: HashSet<&str> = values.iter().map(|(k, ..)| k.name.as_str()).collect();
    for k in keys.with_default(el.class) {
        if let Some(default) = &k.default {
            if given.insert(k.name.as_str()) {
                values.push((k, default.clone(), el.at));
            }
        }
    }
    let mut attributes = BTreeMap::new();
    let mut label = None;
    let (mut weight, mut kind, mut edge_label) = (None, None, None);
    for (k, text, at) in values {
        match (el.class, k.name.as_str()) {
            (For::Node, "label") => label = Some(text),
            (For::Edge, "label") => edge_label = Some(text),
            (For::Edge, "kind") => kind = Some(text),
            (For::Edge, "weight") if !text.trim().is_empty() => match parse_number(&text) {
                Some(w) => weight = Some(check_weight(w, &text, at)?),
                None => return Err(GraphFormatError::BadWeight { at, value: text }),
            },
            _ => {
                if text.trim().is_empty() && k.kind != AttrType::Text {
                    continue;
                }
                let value = k.kind.parse(&text).ok_or_else(|| GraphFormatError::BadValue {
                    at,
                    attribute: k.name.clone(),
                    value: text.clone(),
                    expected: k.kind.name(),
                })?;
                attributes.insert(k.name.clone(), value);
            }
        }
    }
    match el.class {
        For::Node => {
            let label = label.or(el.yed_label).unwrap_or_else(|| el.id.clone());
            builder.add_node(FileNode { id: el.id, label, attributes }, el.at)
        }
        _ => {
            let edge = FileEdge { source: el.source, target: el.target, weight, kind, label: edge_label, attributes };
            builder.add_edge(edge, el.at, el.direction)
        }
    }
}

fn unsupported(s: &Start, feature: &str) -> GraphFormatError {
    GraphFormatError::Unsupported { at: s.at, feature: feature.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ReadLimits {
        ReadLimits::default()
    }

    fn sample() -> NetworkFile {
        let attrs = |pairs: &[(&str, AttrValue)]| pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        NetworkFile {
            directed: false,
            nodes: vec![
                FileNode {
                    id: "a&b".into(),
                    label: "  Stichting <Één>\r\n".into(),
                    attributes: attrs(&[
                        ("sector", AttrValue::Text("zorg".into())),
                        ("n", AttrValue::Integer(-7)),
                        ("x", AttrValue::Number(1e-9)),
                        ("ok", AttrValue::Bool(false)),
                    ]),
                },
                FileNode { id: "b".into(), label: "B".into(), attributes: BTreeMap::new() },
            ],
            edges: vec![
                FileEdge {
                    source: "a&b".into(),
                    target: "b".into(),
                    weight: Some(0.5),
                    kind: Some("overleg".into()),
                    label: None,
                    attributes: attrs(&[("sinds", AttrValue::Integer(2020))]),
                },
                FileEdge { source: "b".into(), target: "b".into(), ..Default::default() },
            ],
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let net = sample();
        let text = write_graphml(&net).unwrap();
        assert_eq!(read_graphml(text.as_bytes(), &limits()).unwrap(), net, "{text}");
        let directed = NetworkFile { directed: true, ..net };
        assert_eq!(read_graphml(write_graphml(&directed).unwrap().as_bytes(), &limits()).unwrap(), directed);
    }

    #[test]
    fn writes_keys_like_networkx() {
        let text = write_graphml(&sample()).unwrap();
        assert!(text.contains("<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"), "{text}");
        assert!(text.contains("attr.name=\"n\" attr.type=\"int\""));
        assert!(text.contains("attr.name=\"ok\" attr.type=\"boolean\""));
        assert!(text.contains("for=\"edge\" attr.name=\"weight\" attr.type=\"double\""));
        assert!(text.contains("<graph edgedefault=\"undirected\">"));
        assert!(text.contains("&lt;Één&gt;&#13;\n</data>"), "{text}");
        assert_eq!(text.matches("attr.name=\"label\"").count(), 1, "no edge label key without edge labels");
    }

    #[test]
    fn reserved_names_are_refused_on_write() {
        let mut net = sample();
        net.edges[1].attributes.insert("weight".into(), AttrValue::Integer(1));
        assert_eq!(write_graphml(&net).unwrap_err().code(), "reserved-name");
        let mut net = sample();
        net.nodes[1].attributes.insert("label".into(), AttrValue::Integer(1));
        assert_eq!(write_graphml(&net).unwrap_err().code(), "reserved-name");
    }

    #[test]
    fn key_defaults_apply_and_edges_may_come_first() {
        let xml = r#"<graphml>
<key id="k" for="node" attr.name="kleur" attr.type="string"><default>blauw</default></key>
<key id="w" for="edge" attr.name="weight" attr.type="double"><default>3</default></key>
<graph edgedefault="directed">
<edge source="a" target="b"/>
<node id="a"/><node id="b"><data key="k">rood</data></node>
</graph></graphml>"#;
        let net = read_graphml(xml.as_bytes(), &limits()).unwrap();
        assert!(net.directed);
        assert_eq!(net.nodes[0].attributes["kleur"], AttrValue::Text("blauw".into()));
        assert_eq!(net.nodes[1].attributes["kleur"], AttrValue::Text("rood".into()));
        assert_eq!(net.edges[0].weight, Some(3.0));
    }

    #[test]
    fn yed_graphics_are_skipped_and_labels_taken() {
        let xml = r#"<graphml xmlns:y="http://www.yworks.com/xml/graphml">
<key for="node" id="d6" yfiles.type="nodegraphics"/>
<graph edgedefault="undirected"><node id="n0"><data key="d6"><y:ShapeNode><y:Geometry x="1" y="2"/>
<y:NodeLabel>GGD</y:NodeLabel></y:ShapeNode></data></node></graph></graphml>"#;
        let net = read_graphml(xml.as_bytes(), &limits()).unwrap();
        assert_eq!(net.nodes[0].label, "GGD");
        assert!(net.nodes[0].attributes.is_empty());
    }

    #[test]
    fn structure_errors() {
        let wrap = |body: &str| {
            format!("<graphml>\n<key id=\"n\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n<graph>\n{body}\n</graph></graphml>")
        };
        let cases = [
            ("<node/>", "missing-node-id", 4),
            ("<node id=\"a\"/>\n<node id=\"a\"/>", "duplicate-node-id", 5),
            ("<node id=\"a\"/>\n\n<edge source=\"a\" target=\"z\"/>", "unknown-node", 6),
            ("<node id=\"a\"><data key=\"n\">\nveel</data></node>", "bad-value", 4),
            ("<node id=\"a\"><data key=\"q\">1</data></node>", "undeclared-attribute", 4),
            ("<hyperedge><endpoint node=\"a\"/></hyperedge>", "unsupported", 4),
            ("<node id=\"a\"><graph/></node>", "unsupported", 4),
        ];
        for (body, code, line) in cases {
            let e = read_graphml(wrap(body).as_bytes(), &limits()).unwrap_err();
            assert_eq!((e.code(), e.line()), (code, Some(line)), "{body}: {e}");
        }
        let weight = "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"w\">0</data></edge></graph></graphml>";
        let e = read_graphml(weight.as_bytes(), &limits()).unwrap_err();
        assert_eq!((e.code(), e.line()), ("bad-weight", Some(3)));
        assert_eq!(read_graphml(b"<gexf/>", &limits()).unwrap_err().code(), "wrong-format");
    }
}
