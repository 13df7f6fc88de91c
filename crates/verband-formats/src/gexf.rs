//! GEXF, Gephi's own format: <https://gexf.net>.
//!
//! Writing follows GEXF 1.3 (namespace `http://gexf.net/1.3`), which Gephi
//! 0.9.3 and later and networkx's `read_gexf` open. Conventions:
//! - `defaultedgetype` is `directed` or `undirected`; edges never carry their
//!   own `type`, because networkx refuses an undirected edge in a directed
//!   graph.
//! - Node and edge attributes are declared in `<attributes class="node">` and
//!   `<attributes class="edge">` with ids `0`, `1`, … and the attribute's name
//!   as `title`; types are `string`, `double`, `integer` (`long` when a value
//!   does not fit in 32 bits, as Gephi reads `integer` as a Java `int`) and
//!   `boolean`. An attribute whose values are integers on one node and numbers
//!   on another is declared `double`; any other mix is declared `string`.
//! - An edge's weight is its `weight`, its kind the 1.3 `kind`, its label
//!   `label`. Because networkx and other GEXF 1.2 readers ignore `kind`, the
//!   kind is also written as a string edge attribute titled `kind` (an edge
//!   attribute of that name of its own is then refused); the reader takes
//!   that attribute as the kind when there is no `kind`, and drops it when it
//!   repeats it. Edges get no ids (optional since 1.3).
//!
//! Reading accepts GEXF 1.1draft, 1.2draft and 1.3 alike (their differences do
//! not touch what Verband reads). Attribute values are typed by their
//! declaration (`integer`, `long`, `short`, `byte`, `biginteger` as integers;
//! `double`, `float`, `bigdecimal` as numbers; `boolean`; anything else as
//! text), declared defaults fill in missing values. Visual data (`viz:`),
//! time (spells, dynamic values: the last value given wins) and metadata are
//! ignored. Hierarchies (nodes inside nodes, `pid`, `parents`) and a second
//! graph are refused as unsupported.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::network_file::{
    attribute_types, parse_weight, AttrType, AttrValue, EdgeDirection, FileEdge, FileNode, GraphFormatError, NetworkBuilder, NetworkFile,
    Position, ReadLimits,
};
use crate::xml::{escape_attr, Start, XmlEvent, XmlReader};

const NAMESPACE: &str = "http://gexf.net/1.3";

/// Writes `network` as GEXF 1.3.
pub fn write_gexf(network: &NetworkFile) -> Result<String, GraphFormatError> {
    network.check()?;
    // The reader takes an edge attribute `kind` for the kind (see above).
    network.check_reserved(&[], &[("kind", "kind")], false)?;
    // The kind also goes into an edge attribute `kind`, because networkx
    // (and other GEXF 1.2 readers) do not know the 1.3 `kind`.
    let edge_attributes: Vec<BTreeMap<String, AttrValue>> = network
        .edges
        .iter()
        .map(|e| {
            let mut attributes = e.attributes.clone();
            if let Some(kind) = &e.kind {
                attributes.insert("kind".into(), AttrValue::Text(kind.clone()));
            }
            attributes
        })
        .collect();
    let node_types = attribute_types(network.nodes.iter().map(|n| &n.attributes));
    let edge_types = attribute_types(edge_attributes.iter());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<gexf xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} {NAMESPACE}/gexf.xsd\" version=\"1.3\">"
    );
    out.push_str("  <meta>\n    <creator>Verband</creator>\n  </meta>\n");
    let edge_type = if network.directed { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph mode=\"static\" defaultedgetype=\"{edge_type}\">");
    let node_ids = declare(&mut out, "node", &node_types);
    let edge_ids = declare(&mut out, "edge", &edge_types);
    out.push_str("    <nodes>\n");
    for node in &network.nodes {
        let _ = write!(out, "      <node id=\"{}\" label=\"{}\"", escape_attr(&node.id), escape_attr(&node.label));
        attvalues(&mut out, &node.attributes, &node_types, &node_ids, "node");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (edge, attributes) in network.edges.iter().zip(&edge_attributes) {
        let _ = write!(out, "      <edge source=\"{}\" target=\"{}\"", escape_attr(&edge.source), escape_attr(&edge.target));
        if let Some(w) = edge.weight {
            let _ = write!(out, " weight=\"{}\"", AttrValue::Number(w).to_text());
        }
        if let Some(kind) = &edge.kind {
            let _ = write!(out, " kind=\"{}\"", escape_attr(kind));
        }
        if let Some(label) = &edge.label {
            let _ = write!(out, " label=\"{}\"", escape_attr(label));
        }
        attvalues(&mut out, attributes, &edge_types, &edge_ids, "edge");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    Ok(out)
}

/// Writes the declarations of one class; returns the id per attribute name.
fn declare(out: &mut String, class: &str, types: &BTreeMap<String, AttrType>) -> HashMap<String, usize> {
    if types.is_empty() {
        return HashMap::new();
    }
    let _ = writeln!(out, "    <attributes class=\"{class}\">");
    let mut ids = HashMap::new();
    for (i, (name, t)) in types.iter().enumerate() {
        let _ = writeln!(out, "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>", escape_attr(name), gexf_type(*t));
        ids.insert(name.clone(), i);
    }
    out.push_str("    </attributes>\n");
    ids
}

fn gexf_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Text => "string",
        AttrType::Number => "double",
        AttrType::Integer => "integer",
        AttrType::Long => "long",
        AttrType::Bool => "boolean",
    }
}

/// Closes the element opened by the caller, with its `<attvalues>` if any.
fn attvalues(
    out: &mut String,
    attributes: &BTreeMap<String, AttrValue>,
    types: &BTreeMap<String, AttrType>,
    ids: &HashMap<String, usize>,
    element: &str,
) {
    if attributes.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n        <attvalues>\n");
    for (name, value) in attributes {
        let t = types.get(name).copied().unwrap_or(AttrType::Text);
        let id = ids.get(name).copied().unwrap_or_default();
        let _ = writeln!(out, "          <attvalue for=\"{id}\" value=\"{}\"/>", escape_attr(&t.write(value)));
    }
    let _ = writeln!(out, "        </attvalues>\n      </{element}>");
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    Node,
    Edge,
}

struct Declared {
    title: String,
    kind: AttrType,
    default: Option<AttrValue>,
    /// Its place in the order of declaration.
    index: usize,
}

enum Current {
    Node(FileNode, Position),
    Edge(FileEdge, Position, EdgeDirection),
}

struct GexfReader<'a> {
    xml: XmlReader<'a>,
    declared: HashMap<(Class, String), Declared>,
    /// Per class (nodes, edges) the title and default of each declaration
    /// with a default, by its place in the order of declaration: filling in
    /// defaults then costs what it fills, not the number of declarations.
    defaults: [BTreeMap<usize, (String, AttrValue)>; 2],
    class: Option<Class>,
    last_declared: Option<(Class, String)>,
    current: Option<Current>,
    builder: NetworkBuilder,
    graphs: usize,
    directed: bool,
}

/// Reads a GEXF file (1.1draft, 1.2draft or 1.3).
pub fn read_gexf(bytes: &[u8], limits: &ReadLimits) -> Result<NetworkFile, GraphFormatError> {
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
    if root.name != "gexf" {
        return Err(GraphFormatError::WrongFormat { at: root.at, expected: "GEXF", detail: format!("it starts with <{}>", root.name) });
    }
    let mut reader = GexfReader {
        xml,
        declared: HashMap::new(),
        defaults: [BTreeMap::new(), BTreeMap::new()],
        class: None,
        last_declared: None,
        current: None,
        builder: NetworkBuilder::new(limits),
        graphs: 0,
        directed: false,
    };
    reader.run()?;
    if reader.graphs == 0 {
        return Err(GraphFormatError::Invalid { at: root.at, detail: "the file has no <graph>".into() });
    }
    reader.builder.finish(reader.directed)
}

impl GexfReader<'_> {
    fn run(&mut self) -> Result<(), GraphFormatError> {
        loop {
            match self.xml.next()? {
                XmlEvent::Start(s) => self.start(s)?,
                XmlEvent::End(name) => self.end(&name)?,
                XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Ok(()),
            }
        }
    }

    fn parent(&self) -> &str {
        self.xml.ancestor(1).unwrap_or("")
    }

    fn start(&mut self, s: Start) -> Result<(), GraphFormatError> {
        let parent = self.parent().to_string();
        match (s.name.as_str(), parent.as_str()) {
            ("graph", "gexf") => {
                self.graphs += 1;
                if self.graphs > 1 {
                    return Err(unsupported(&s, "a second <graph> in one file"));
                }
                self.directed = match s.attr("defaultedgetype").map(str::trim) {
                    Some("directed") => true,
                    None | Some("undirected" | "mutual" | "mixed") => false,
                    Some(other) => return Err(invalid(&s, format!("defaultedgetype {other:?} is not directed, undirected or mutual"))),
                };
            }
            ("graph", _) => return Err(unsupported(&s, "a graph inside a graph")),
            ("attributes", "graph") => {
                self.class = match s.attr("class") {
                    Some("node") => Some(Class::Node),
                    Some("edge") => Some(Class::Edge),
                    _ => None,
                };
                if self.class.is_none() {
                    self.xml.skip_element()?;
                }
            }
            ("attribute", "attributes") => self.declare(&s)?,
            ("default", "attribute") => {
                let text = self.xml.text_content()?;
                self.set_default(&s, &text)?;
            }
            ("nodes", "graph") | ("edges", "graph") | ("attvalues", "node" | "edge") => {}
            ("nodes", "node") => return Err(unsupported(&s, "nodes inside a node (a hierarchical graph)")),
            ("parents", "node") => return Err(unsupported(&s, "parent nodes (a hierarchical graph)")),
            ("node", "nodes") => {
                if s.attr("pid").is_some() {
                    return Err(unsupported(&s, "a parent node id (pid, a hierarchical graph)"));
                }
                let id = s.attr("id").unwrap_or_default().to_string();
                if id.trim().is_empty() {
                    return Err(GraphFormatError::MissingNodeId { at: s.at });
                }
                let label = s.attr("label").map_or_else(|| id.clone(), str::to_string);
                self.current = Some(Current::Node(FileNode { id, label, attributes: BTreeMap::new() }, s.at));
            }
            ("edge", "edges") => {
                let direction = match s.attr("type").map(str::trim) {
                    None => EdgeDirection::Default,
                    Some("directed") => EdgeDirection::Directed,
                    Some("undirected" | "mutual") => EdgeDirection::Undirected,
                    Some(other) => return Err(invalid(&s, format!("the edge type {other:?} is not directed, undirected or mutual"))),
                };
                let weight = match s.attr("weight") {
                    Some(w) if !w.trim().is_empty() => Some(parse_weight(w, s.at)?),
                    _ => None,
                };
                let edge = FileEdge {
                    source: s.attr("source").unwrap_or_default().to_string(),
                    target: s.attr("target").unwrap_or_default().to_string(),
                    weight,
                    kind: s.attr("kind").map(str::to_string),
                    label: s.attr("label").map(str::to_string),
                    attributes: BTreeMap::new(),
                };
                self.current = Some(Current::Edge(edge, s.at, direction));
            }
            ("attvalue", "attvalues") => self.attvalue(&s)?,
            _ => self.xml.skip_element()?,
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), GraphFormatError> {
        match name {
            "node" | "edge" => match self.current.take() {
                Some(Current::Node(mut node, at)) => {
                    self.fill_defaults(Class::Node, &mut node.attributes);
                    self.builder.add_node(node, at)
                }
                Some(Current::Edge(mut edge, at, direction)) => {
                    self.fill_defaults(Class::Edge, &mut edge.attributes);
                    take_kind_attribute(&mut edge);
                    self.builder.add_edge(edge, at, direction)
                }
                None => Ok(()),
            },
            "attributes" => {
                self.class = None;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn declare(&mut self, s: &Start) -> Result<(), GraphFormatError> {
        let Some(class) = self.class else { return Ok(()) };
        let Some(id) = s.attr("id").filter(|id| !id.trim().is_empty()) else {
            return Err(invalid(s, "an attribute declaration without an id".into()));
        };
        // Names are trimmed: spaces around a name are never meant, and a CSV
        // header (Gephi's other format) cannot keep them.
        let title = s.attr("title").map(str::trim).filter(|t| !t.is_empty()).unwrap_or(id.trim()).to_string();
        let kind = match s.attr("type").map(|t| t.trim().to_ascii_lowercase()).as_deref() {
            Some("integer" | "long" | "short" | "byte" | "biginteger") => AttrType::Integer,
            Some("double" | "float" | "bigdecimal") => AttrType::Number,
            Some("boolean") => AttrType::Bool,
            _ => AttrType::Text,
        };
        let key = (class, id.to_string());
        // Declared again, it starts without a default but keeps its place.
        let index = self.declared.get(&key).map_or(self.declared.len(), |d| d.index);
        self.declared.insert(key.clone(), Declared { title, kind, default: None, index });
        self.defaults[class as usize].remove(&index);
        self.last_declared = Some(key);
        Ok(())
    }

    fn set_default(&mut self, s: &Start, text: &str) -> Result<(), GraphFormatError> {
        let Some(key) = &self.last_declared else { return Ok(()) };
        let Some(decl) = self.declared.get_mut(key) else { return Ok(()) };
        if text.trim().is_empty() && decl.kind != AttrType::Text {
            return Ok(());
        }
        match decl.kind.parse(text) {
            Some(v) => {
                self.defaults[key.0 as usize].insert(decl.index, (decl.title.clone(), v.clone()));
                decl.default = Some(v);
                Ok(())
            }
            None => Err(bad_value(s, &decl.title, text, decl.kind)),
        }
    }

    fn attvalue(&mut self, s: &Start) -> Result<(), GraphFormatError> {
        let class = match &self.current {
            Some(Current::Node(..)) => Class::Node,
            Some(Current::Edge(..)) => Class::Edge,
            None => return Ok(()),
        };
        // GEXF 1.0 named the declaration with `id`, later versions with `for`.
        let key = s.attr("for").or_else(|| s.attr("id")).unwrap_or_default().to_string();
        let Some(decl) = self.declared.get(&(class, key.clone())) else {
            return Err(GraphFormatError::UndeclaredAttribute { at: s.at, key });
        };
        let raw = s.attr("value").unwrap_or_default();
        if raw.trim().is_empty() && decl.kind != AttrType::Text {
            return Ok(());
        }
        let value = decl.kind.parse(raw).ok_or_else(|| bad_value(s, &decl.title, raw, decl.kind))?;
        let title = decl.title.clone();
        match &mut self.current {
            Some(Current::Node(node, _)) => node.attributes.insert(title, value),
            Some(Current::Edge(edge, ..)) => edge.attributes.insert(title, value),
            None => None,
        };
        Ok(())
    }

    fn fill_defaults(&self, class: Class, attributes: &mut BTreeMap<String, AttrValue>) {
        for (title, value) in self.defaults[class as usize].values() {
            attributes.entry(title.clone()).or_insert_with(|| value.clone());
        }
    }
}

/// The edge attribute `kind` that [`write_gexf`] adds for GEXF 1.2 readers
/// is the kind when the edge has no 1.3 `kind`, and a copy of it when it has.
fn take_kind_attribute(edge: &mut FileEdge) {
    if let Some(AttrValue::Text(kind)) = edge.attributes.get("kind") {
        if edge.kind.is_none() || edge.kind.as_ref() == Some(kind) {
            edge.kind = Some(kind.clone());
            edge.attributes.remove("kind");
        }
    }
}

fn unsupported(s: &Start, feature: &str) -> GraphFormatError {
    GraphFormatError::Unsupported { at: s.at, feature: feature.to_string() }
}

fn invalid(s: &Start, detail: String) -> GraphFormatError {
    GraphFormatError::Invalid { at: s.at, detail }
}

fn bad_value(s: &Start, attribute: &str, value: &str, kind: AttrType) -> GraphFormatError {
    GraphFormatError::BadValue { at: s.at, attribute: attribute.to_string(), value: value.to_string(), expected: kind.name() }
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
            directed: true,
            nodes: vec![
                FileNode {
                    id: "1".into(),
                    label: "Coöperatie \"De Linge\" & Zn.".into(),
                    attributes: attrs(&[
                        ("sector", AttrValue::Text("zorg\nwelzijn".into())),
                        ("medewerkers", AttrValue::Integer(12)),
                        ("budget", AttrValue::Number(0.1)),
                        ("actief", AttrValue::Bool(true)),
                        ("groot", AttrValue::Integer(1 << 40)),
                    ]),
                },
                FileNode { id: "ü/2".into(), label: "Gemeente Één".into(), attributes: attrs(&[("budget", AttrValue::Integer(3))]) },
            ],
            edges: vec![FileEdge {
                source: "1".into(),
                target: "ü/2".into(),
                weight: Some(2.5),
                kind: Some("financiering".into()),
                label: Some("geld <→> taken".into()),
                attributes: attrs(&[("sinds", AttrValue::Integer(2019))]),
            }],
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let net = sample();
        let text = write_gexf(&net).unwrap();
        let back = read_gexf(text.as_bytes(), &limits()).unwrap();
        let mut expected = net.clone();
        // A column with integers and numbers is declared double.
        expected.nodes[1].attributes.insert("budget".into(), AttrValue::Number(3.0));
        assert_eq!(back, expected, "{text}");
    }

    #[test]
    fn writes_declarations_weights_and_the_1_3_namespace() {
        let text = write_gexf(&sample()).unwrap();
        assert!(text.contains("xmlns=\"http://gexf.net/1.3\""), "{text}");
        assert!(text.contains("defaultedgetype=\"directed\""));
        assert!(text.contains("<attribute id=\"0\" title=\"actief\" type=\"boolean\"/>"), "{text}");
        assert!(text.contains("title=\"budget\" type=\"double\""));
        assert!(text.contains("title=\"groot\" type=\"long\""));
        assert!(text.contains("title=\"medewerkers\" type=\"integer\""));
        assert!(text.contains("title=\"sector\" type=\"string\""));
        assert!(text.contains("weight=\"2.5\" kind=\"financiering\" label=\"geld &lt;→&gt; taken\""), "{text}");
        assert!(text.contains("<attribute id=\"0\" title=\"kind\" type=\"string\"/>"), "{text}");
        assert!(text.contains("<attvalue for=\"0\" value=\"financiering\"/>"), "{text}");
        assert!(text.contains("value=\"zorg&#10;welzijn\""));
    }

    #[test]
    fn undirected_and_empty_networks() {
        let net = NetworkFile { directed: false, ..sample() };
        assert!(!read_gexf(write_gexf(&net).unwrap().as_bytes(), &limits()).unwrap().directed);
        let empty = NetworkFile::default();
        assert_eq!(read_gexf(write_gexf(&empty).unwrap().as_bytes(), &limits()).unwrap(), empty);
    }

    #[test]
    fn defaults_fill_missing_values_and_bad_values_are_named() {
        let xml = r#"<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
<graph defaultedgetype="undirected">
<attributes class="node"><attribute id="f" title="frog" type="boolean"><default>true</default></attribute>
<attribute id="n" title="n" type="integer"/></attributes>
<nodes><node id="a"/><node id="b"><attvalues><attvalue for="f" value="false"/></attvalues></node>
<node id="c"><attvalues><attvalue for="n" value="drie"/></attvalues></node></nodes>
</graph></gexf>"#;
        let e = read_gexf(xml.as_bytes(), &limits()).unwrap_err();
        assert_eq!((e.code(), e.line()), ("bad-value", Some(6)), "{e}");
        let ok = xml.replace("drie", "3");
        let net = read_gexf(ok.as_bytes(), &limits()).unwrap();
        assert_eq!(net.nodes[0].attributes["frog"], AttrValue::Bool(true));
        assert_eq!(net.nodes[0].label, "a");
        assert_eq!(net.nodes[1].attributes["frog"], AttrValue::Bool(false));
        assert_eq!(net.nodes[2].attributes["n"], AttrValue::Integer(3));
    }

    #[test]
    fn structure_errors() {
        let wrap = |body: &str| format!("<gexf>\n<graph defaultedgetype=\"directed\">\n{body}\n</graph>\n</gexf>");
        let cases = [
            ("<nodes><node label=\"x\"/></nodes>", "missing-node-id", 3),
            ("<nodes><node id=\"a\"/>\n<node id=\"a\"/></nodes>", "duplicate-node-id", 4),
            ("<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"b\"/></edges>", "unknown-node", 4),
            ("<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" weight=\"-1\"/></edges>", "bad-weight", 4),
            ("<nodes><node id=\"a\"/></nodes>\n<edges><edge target=\"a\"/></edges>", "missing-edge-end", 4),
            ("<nodes><node id=\"a\"><nodes><node id=\"b\"/></nodes></node></nodes>", "unsupported", 3),
            ("<nodes><node id=\"a\"><attvalues><attvalue for=\"x\" value=\"1\"/></attvalues></node></nodes>", "undeclared-attribute", 3),
        ];
        for (body, code, line) in cases {
            let e = read_gexf(wrap(body).as_bytes(), &limits()).unwrap_err();
            assert_eq!((e.code(), e.line()), (code, Some(line)), "{body}: {e}");
        }
        let e = read_gexf(b"<graphml/>", &limits()).unwrap_err();
        assert_eq!(e.code(), "wrong-format");
        let e = read_gexf(b"<gexf><graph/><graph/></gexf>", &limits()).unwrap_err();
        assert_eq!(e.code(), "unsupported");
    }

    #[test]
    fn mutual_edges_in_a_directed_file_run_both_ways() {
        let xml = r#"<gexf><graph defaultedgetype="directed"><nodes><node id="a"/><node id="b"/></nodes>
<edges><edge source="a" target="b" type="mutual" weight="2"/></edges></graph></gexf>"#;
        let net = read_gexf(xml.as_bytes(), &limits()).unwrap();
        assert!(net.directed);
        assert_eq!(net.edges.len(), 2);
        assert_eq!((net.edges[1].source.as_str(), net.edges[1].weight), ("b", Some(2.0)));
    }
}
