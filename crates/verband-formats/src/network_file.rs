//! The interchange type for network files ([`NetworkFile`]), the errors of
//! their readers and writers ([`GraphFormatError`]), and the pieces the four
//! formats share: read limits, line numbers, attribute types and the
//! collection of nodes and edges into a checked network.
//!
//! A [`NetworkFile`] is deliberately plain: ids and labels as text, attributes
//! as typed values, edges with an optional weight, kind and label. Matching
//! partners by name or id and turning attributes into domain fields is the
//! service's work, not this crate's.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::{column_letter, FormatError};

/// A network as a file holds it: nodes with attributes, edges between them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkFile {
    /// Whether edges run from source to target. Verband's graph crate knows
    /// only wholly directed or wholly undirected networks; a file that mixes
    /// both is read as directed, with each undirected edge both ways. Kumu and
    /// Gephi's CSV state direction per edge only, so a network without edges
    /// written to them is read back as directed.
    pub directed: bool,
    pub nodes: Vec<FileNode>,
    pub edges: Vec<FileEdge>,
}

/// A node: an organisation, as far as the file knows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileNode {
    /// The file's own identifier; edges refer to it.
    pub id: String,
    /// The name shown to people. Readers use the id when a file has no label.
    pub label: String,
    pub attributes: BTreeMap<String, AttrValue>,
}

/// An edge between two nodes, by their ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileEdge {
    pub source: String,
    pub target: String,
    /// Positive and finite when present: Verband's graph crate uses weights as
    /// lengths and strengths, for which zero or negative values mean nothing.
    pub weight: Option<f64>,
    /// The type of relationship (GEXF 1.3 `kind`, Kumu `type`, a `kind`
    /// column or key elsewhere).
    pub kind: Option<String>,
    /// The text tools show on the edge (GEXF `label`, Kumu `label`, a `label`
    /// column or key elsewhere).
    pub label: Option<String>,
    pub attributes: BTreeMap<String, AttrValue>,
}

/// A typed attribute value. Integers are kept apart from numbers because the
/// formats declare them apart (GEXF `integer`/`long`, GraphML `int`/`long`)
/// and tools such as networkx give them back as different types.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    Text(String),
    Number(f64),
    Integer(i64),
    Bool(bool),
}

impl AttrValue {
    /// The value as text, the way every format writes it. Numbers use Rust's
    /// shortest round-trip notation and always show that they are numbers
    /// (`2.0`, not `2`), so that a reader inferring types from text (Gephi's
    /// CSV) does not mistake them for integers.
    pub fn to_text(&self) -> String {
        match self {
            AttrValue::Text(t) => t.clone(),
            AttrValue::Number(n) => format_number(*n),
            AttrValue::Integer(i) => i.to_string(),
            AttrValue::Bool(b) => b.to_string(),
        }
    }

    pub(crate) fn kind(&self) -> AttrType {
        match self {
            AttrValue::Text(_) => AttrType::Text,
            AttrValue::Number(_) => AttrType::Number,
            AttrValue::Integer(i) if i32::try_from(*i).is_ok() => AttrType::Integer,
            AttrValue::Integer(_) => AttrType::Long,
            AttrValue::Bool(_) => AttrType::Bool,
        }
    }
}

/// `2.0` rather than `2`, `1e300` rather than 301 digits; XML Schema's
/// spellings for the values that are not finite.
pub(crate) fn format_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "INF" } else { "-INF" }.into()
    } else {
        format!("{n:?}")
    }
}

/// The declared type of an attribute column, the same for every node (or
/// every edge) in a file. `Long` is an integer outside 32 bits, which Gephi
/// (Java) stores apart from `integer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    Text,
    Number,
    Integer,
    Long,
    Bool,
}

impl AttrType {
    /// The narrowest type that holds values of both types: integers widen to
    /// numbers, anything else mixed becomes text.
    fn join(self, other: AttrType) -> AttrType {
        use AttrType::*;
        match (self, other) {
            (a, b) if a == b => a,
            (Integer, Long) | (Long, Integer) => Long,
            (Integer | Long | Number, Integer | Long | Number) => Number,
            _ => Text,
        }
    }

    /// How a value of this column is written: as its own text, except that a
    /// number column writes integers in number notation.
    pub(crate) fn write(self, value: &AttrValue) -> String {
        match (self, value) {
            (AttrType::Number, AttrValue::Integer(i)) => format_number(*i as f64),
            _ => value.to_text(),
        }
    }

    /// Reads `text` as a value of this type; `None` when it is not one.
    pub(crate) fn parse(self, text: &str) -> Option<AttrValue> {
        match self {
            AttrType::Text => Some(AttrValue::Text(text.to_string())),
            AttrType::Integer | AttrType::Long => parse_integer(text).map(AttrValue::Integer),
            AttrType::Number => parse_number(text).map(AttrValue::Number),
            AttrType::Bool => parse_bool(text).map(AttrValue::Bool),
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            AttrType::Text => "text",
            AttrType::Number => "number",
            AttrType::Integer | AttrType::Long => "integer",
            AttrType::Bool => "true or false",
        }
    }
}

/// Integers as XML Schema writes them, and as some tools write them (`3.0`).
pub(crate) fn parse_integer(text: &str) -> Option<i64> {
    let t = text.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Some(i);
    }
    let f = t.parse::<f64>().ok()?;
    // Within ±2^53 every integral f64 is exact, so the cast loses nothing.
    (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0).then_some(f as i64)
}

/// Numbers as XML Schema (`INF`, `NaN`, `1.5E3`) and JSON write them.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok()
}

/// `true`/`false` in any case, and `1`/`0` as XML Schema allows.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// The declared type per attribute name over a set of attribute maps, in name order.
pub(crate) fn attribute_types<'a>(maps: impl Iterator<Item = &'a BTreeMap<String, AttrValue>>) -> BTreeMap<String, AttrType> {
    let mut types: BTreeMap<String, AttrType> = BTreeMap::new();
    for map in maps {
        for (name, value) in map {
            let t = value.kind();
            types.entry(name.clone()).and_modify(|e| *e = e.join(t)).or_insert(t);
        }
    }
    types
}

/// The network formats Verband reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Gexf,
    GraphMl,
    Kumu,
    /// Gephi's nodes or edges table.
    GephiCsv,
}

/// Tells the formats apart by content, not by a file name a user may have
/// changed: JSON starts with `{`, GEXF and GraphML by their root element;
/// anything else is taken for CSV (whose reader then says what is wrong).
pub fn detect_graph_format(bytes: &[u8]) -> GraphFormat {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => GraphFormat::Kumu,
        Some(b'<') => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
            let gexf = head.find("<gexf");
            let graphml = head.find("<graphml");
            match (gexf, graphml) {
                (Some(g), Some(m)) if m < g => GraphFormat::GraphMl,
                (None, Some(_)) => GraphFormat::GraphMl,
                _ => GraphFormat::Gexf,
            }
        }
        _ => GraphFormat::GephiCsv,
    }
}

/// How large and deep a file the readers accept. A web upload is already
/// limited in size; these limits keep a reader from spending memory or time
/// on a file that cannot be a network of organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The largest file in bytes (for Gephi's CSV: each of the two tables).
    pub max_bytes: usize,
    /// The deepest nesting of XML elements or JSON arrays and objects. Real
    /// files stay under 10; a file nested deeper is an attack or an accident.
    pub max_depth: usize,
    /// The most attribute values in a network, the defaults GEXF and GraphML
    /// fill into every node and edge included. A default is written once and
    /// applies to every element, so without this limit a few megabytes of
    /// declarations and nodes could become billions of values in memory.
    pub max_values: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits { max_bytes: 32 * 1024 * 1024, max_depth: 64, max_values: 1_000_000 }
    }
}

impl ReadLimits {
    pub(crate) fn check_size(&self, bytes: &[u8]) -> Result<(), GraphFormatError> {
        if bytes.len() > self.max_bytes {
            return Err(GraphFormatError::TooLarge { size: bytes.len(), limit: self.max_bytes });
        }
        Ok(())
    }
}

/// Which file of a format a position is in: Gephi's CSV comes as two tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    File,
    NodesTable,
    EdgesTable,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            Part::File => "file",
            Part::NodesTable => "nodes",
            Part::EdgesTable => "edges",
        }
    }
}

/// Where a problem is, as a user finds it: the line (1-based) in a text
/// editor, and the column (1-based, in characters) where known. In a CSV table
/// the line is the row a spreadsheet shows (header = 1) and the column
/// counts cells (1 = A), as in [`FormatError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub part: Part,
    pub line: usize,
    pub column: Option<usize>,
}

impl Position {
    pub(crate) fn line(line: usize) -> Self {
        Position { part: Part::File, line, column: None }
    }

    pub(crate) fn row(part: Part, row: usize, column: Option<usize>) -> Self {
        Position { part, line: row, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.part, self.column) {
            (Part::File, None) => write!(f, "line {}", self.line),
            (Part::File, Some(c)) => write!(f, "line {}, column {c}", self.line),
            (part, column) => {
                let table = if part == Part::NodesTable { "nodes table" } else { "edges table" };
                write!(f, "{table}, row {}", self.line)?;
                match column {
                    Some(c) => write!(f, ", column {}", column_letter(c)),
                    None => Ok(()),
                }
            }
        }
    }
}

/// A network file that could not be read or written. Each variant has a
/// stable [`GraphFormatError::code`]; the web layer turns it into a sentence
/// via the catalogue key `network-import-error-<code>` with
/// [`GraphFormatError::position`] as arguments. The English texts here are
/// for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphFormatError {
    #[error("the file is {size} bytes, more than the {limit} bytes allowed")]
    TooLarge { size: usize, limit: usize },
    #[error("{at}: the file is not UTF-8 text")]
    NotUtf8 { at: Position },
    #[error("{at}: the file is not well-formed XML ({detail})")]
    Xml { at: Position, detail: String },
    #[error("{at}: the file is not valid JSON ({detail})")]
    Json { at: Position, detail: String },
    #[error("in the {} table: {error}", if at.part == Part::NodesTable { "nodes" } else { "edges" })]
    Csv { at: Position, error: FormatError },
    #[error("{at}: the file is nested more than {limit} levels deep")]
    TooDeep { at: Position, limit: usize },
    #[error("{at}: this is not a {expected} file ({detail})")]
    WrongFormat { at: Position, expected: &'static str, detail: String },
    #[error("{at}: {detail}")]
    Invalid { at: Position, detail: String },
    #[error("{at}: the column {column:?} is missing")]
    MissingColumn { at: Position, column: &'static str },
    #[error("{at}: a node without an id")]
    MissingNodeId { at: Position },
    #[error("{at}: the node id {id:?} was already used on line {first_line}")]
    DuplicateNodeId { at: Position, id: String, first_line: usize },
    #[error("{at}: an edge without a {end}")]
    MissingEdgeEnd { at: Position, end: &'static str },
    #[error("{at}: the edge refers to {id:?}, which is not a node in the file")]
    UnknownNode { at: Position, id: String },
    #[error("{at}: the weight {value:?} is not a positive number")]
    BadWeight { at: Position, value: String },
    #[error("{at}: the value {value:?} of {attribute:?} is not {expected}")]
    BadValue { at: Position, attribute: String, value: String, expected: &'static str },
    #[error("{at}: a value for {key:?}, which the file does not declare")]
    UndeclaredAttribute { at: Position, key: String },
    #[error("{at}: {feature} is not supported")]
    Unsupported { at: Position, feature: String },
    #[error("the {element} attribute {name:?} has the name the format uses for the {field}")]
    ReservedName { element: &'static str, name: String, field: &'static str },
    #[error("the network cannot be written: {detail}")]
    CannotWrite { detail: String },
}

impl GraphFormatError {
    pub fn code(&self) -> &'static str {
        match self {
            GraphFormatError::TooLarge { .. } => "too-large",
            GraphFormatError::NotUtf8 { .. } => "not-utf8",
            GraphFormatError::Xml { .. } => "malformed-xml",
            GraphFormatError::Json { .. } => "malformed-json",
            GraphFormatError::Csv { .. } => "malformed-csv",
            GraphFormatError::TooDeep { .. } => "too-deep",
            GraphFormatError::WrongFormat { .. } => "wrong-format",
            GraphFormatError::Invalid { .. } => "invalid",
            GraphFormatError::MissingColumn { .. } => "missing-column",
            GraphFormatError::MissingNodeId { .. } => "missing-node-id",
            GraphFormatError::DuplicateNodeId { .. } => "duplicate-node-id",
            GraphFormatError::MissingEdgeEnd { .. } => "missing-edge-end",
            GraphFormatError::UnknownNode { .. } => "unknown-node",
            GraphFormatError::BadWeight { .. } => "bad-weight",
            GraphFormatError::BadValue { .. } => "bad-value",
            GraphFormatError::UndeclaredAttribute { .. } => "undeclared-attribute",
            GraphFormatError::Unsupported { .. } => "unsupported",
            GraphFormatError::ReservedName { .. } => "reserved-name",
            GraphFormatError::CannotWrite { .. } => "cannot-write",
        }
    }

    /// Where in the file the problem is, for errors that have a place.
    pub fn position(&self) -> Option<Position> {
        use GraphFormatError::*;
        match self {
            NotUtf8 { at }
            | Xml { at, .. }
            | Json { at, .. }
            | Csv { at, .. }
            | TooDeep { at, .. }
            | WrongFormat { at, .. }
            | Invalid { at, .. }
            | MissingColumn { at, .. }
            | MissingNodeId { at }
            | DuplicateNodeId { at, .. }
            | MissingEdgeEnd { at, .. }
            | UnknownNode { at, .. }
            | BadWeight { at, .. }
            | BadValue { at, .. }
            | UndeclaredAttribute { at, .. }
            | Unsupported { at, .. } => Some(*at),
            TooLarge { .. } | ReservedName { .. } | CannotWrite { .. } => None,
        }
    }

    /// The line (or, in a CSV table, the row) the problem is on.
    pub fn line(&self) -> Option<usize> {
        self.position().map(|p| p.line)
    }

    /// The column the problem is in, where known.
    pub fn column(&self) -> Option<usize> {
        self.position().and_then(|p| p.column)
    }
}

/// Byte offsets to lines and columns, for formats whose parsers report offsets.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The position of byte `offset`: line, and column in characters. The
    /// column costs the length of the line, so this is for errors, once.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let at = self.line_of(offset);
        let start = self.starts.get(at.line - 1).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        Position { column: Some(column), ..at }
    }

    /// The position of byte `offset`, without the column: for problems that
    /// belong to an element or object as a whole, and for every element read,
    /// since it costs no more than a binary search (a file on one line, as
    /// minified XML and JSON are, would otherwise cost its length per element).
    pub(crate) fn line_of(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        Position { part: Part::File, line, column: None }
    }
}

/// Whether XML 1.0 can hold `c` at all, even as a character reference. The
/// XML writers write U+FFFD for any other character in a label, a name or a
/// value (a stray control character pasted into a field), so that the file
/// stays readable; node ids with such characters are refused by every reader
/// and writer instead, because replacing them could make two ids one.
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Decodes a text file as UTF-8 (the only encoding GEXF, GraphML and JSON
/// files are written in by the tools Verband meets), without a byte order mark.
pub(crate) fn utf8_text(bytes: &[u8]) -> Result<&str, GraphFormatError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        GraphFormatError::NotUtf8 { at: LineIndex::new(valid).position(valid.len()) }
    })
}

/// How an edge's own direction relates to the file's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EdgeDirection {
    /// As the file's default says.
    Default,
    Directed,
    /// Undirected or mutual (both ways).
    Undirected,
}

/// Collects nodes and edges as a reader meets them, checks them, and resolves
/// edges at the end (GraphML allows edges before the nodes they join).
pub(crate) struct NetworkBuilder {
    nodes: Vec<FileNode>,
    /// Node id → (index, line), for duplicates and for resolving edges.
    ids: HashMap<String, (usize, usize)>,
    edges: Vec<(FileEdge, Position, EdgeDirection)>,
    /// Kumu lets connections name elements by label when they have no id.
    resolve_labels: bool,
    /// Attribute values so far, and the most allowed ([`ReadLimits::max_values`]).
    values: usize,
    max_values: usize,
}

impl NetworkBuilder {
    pub(crate) fn new(limits: &ReadLimits) -> Self {
        NetworkBuilder {
            nodes: Vec::new(),
            ids: HashMap::new(),
            edges: Vec::new(),
            resolve_labels: false,
            values: 0,
            max_values: limits.max_values,
        }
    }

    fn count_values(&mut self, count: usize, at: Position) -> Result<(), GraphFormatError> {
        self.values = self.values.saturating_add(count);
        if self.values > self.max_values {
            let feature = format!("more than {} attribute values in one network (defaults filled in included)", self.max_values);
            return Err(GraphFormatError::Unsupported { at, feature });
        }
        Ok(())
    }

    pub(crate) fn resolving_labels(mut self) -> Self {
        self.resolve_labels = true;
        self
    }

    pub(crate) fn add_node(&mut self, node: FileNode, at: Position) -> Result<(), GraphFormatError> {
        if node.id.trim().is_empty() {
            return Err(GraphFormatError::MissingNodeId { at });
        }
        if !node.id.chars().all(xml_char) {
            return Err(GraphFormatError::Invalid { at, detail: format!("the node id {:?} holds a control character", node.id) });
        }
        if let Some((_, first_line)) = self.ids.get(&node.id) {
            return Err(GraphFormatError::DuplicateNodeId { at, id: node.id, first_line: *first_line });
        }
        self.count_values(node.attributes.len(), at)?;
        self.ids.insert(node.id.clone(), (self.nodes.len(), at.line));
        self.nodes.push(node);
        Ok(())
    }

    pub(crate) fn add_edge(&mut self, edge: FileEdge, at: Position, direction: EdgeDirection) -> Result<(), GraphFormatError> {
        if edge.source.trim().is_empty() {
            return Err(GraphFormatError::MissingEdgeEnd { at, end: "source" });
        }
        if edge.target.trim().is_empty() {
            return Err(GraphFormatError::MissingEdgeEnd { at, end: "target" });
        }
        if let Some(w) = edge.weight {
            check_weight(w, &format_number(w), at)?;
        }
        self.count_values(edge.attributes.len(), at)?;
        self.edges.push((edge, at, direction));
        Ok(())
    }

    /// The checked network. A file is read as directed when its default
    /// (`default_directed`) says so or any edge is directed; then every edge marked
    /// undirected or mutual becomes two edges, one each way: in a network
    /// where every relationship has a direction, that is what an undirected
    /// relationship means (networkx reads GEXF's `mutual` the same way).
    pub(crate) fn finish(mut self, default_directed: bool) -> Result<NetworkFile, GraphFormatError> {
        let labels = if self.resolve_labels { self.unique_labels() } else { HashMap::new() };
        for (edge, at, _) in &mut self.edges {
            for end in [&mut edge.source, &mut edge.target] {
                if self.ids.contains_key(end.as_str()) {
                    continue;
                }
                match labels.get(end.as_str()) {
                    Some(id) => *end = id.clone(),
                    None => return Err(GraphFormatError::UnknownNode { at: *at, id: end.clone() }),
                }
            }
        }
        let directed = default_directed || self.edges.iter().any(|(_, _, d)| *d == EdgeDirection::Directed);
        let mut edges = Vec::with_capacity(self.edges.len());
        for (edge, _, d) in self.edges {
            let both_ways = directed && d == EdgeDirection::Undirected && edge.source != edge.target;
            if both_ways {
                let reverse = FileEdge { source: edge.target.clone(), target: edge.source.clone(), ..edge.clone() };
                edges.push(edge);
                edges.push(reverse);
            } else {
                edges.push(edge);
            }
        }
        Ok(NetworkFile { directed, nodes: self.nodes, edges })
    }

    fn unique_labels(&self) -> HashMap<String, String> {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for n in &self.nodes {
            *count.entry(n.label.as_str()).or_default() += 1;
        }
        self.nodes.iter().filter(|n| count.get(n.label.as_str()) == Some(&1)).map(|n| (n.label.clone(), n.id.clone())).collect()
    }
}

/// A weight must be a finite number above zero.
pub(crate) fn check_weight(weight: f64, text: &str, at: Position) -> Result<f64, GraphFormatError> {
    if weight.is_finite() && weight > 0.0 {
        Ok(weight)
    } else {
        Err(GraphFormatError::BadWeight { at, value: text.to_string() })
    }
}

/// Reads a weight written as text.
pub(crate) fn parse_weight(text: &str, at: Position) -> Result<f64, GraphFormatError> {
    match parse_number(text) {
        Some(w) => check_weight(w, text, at),
        None => Err(GraphFormatError::BadWeight { at, value: text.to_string() }),
    }
}

impl NetworkFile {
    /// Checks what every writer needs: unique, non-empty node ids, edges
    /// between known nodes, positive finite weights. Verband never builds a
    /// network that fails this; the check keeps a mistake from becoming a file
    /// that other tools (or Verband itself) refuse to read.
    pub fn check(&self) -> Result<(), GraphFormatError> {
        let mut ids = std::collections::HashSet::new();
        for node in &self.nodes {
            if node.id.trim().is_empty() {
                return Err(GraphFormatError::CannotWrite { detail: "a node has an empty id".into() });
            }
            if !node.id.chars().all(xml_char) {
                return Err(GraphFormatError::CannotWrite { detail: format!("the node id {:?} holds a control character", node.id) });
            }
            if !ids.insert(node.id.as_str()) {
                return Err(GraphFormatError::CannotWrite { detail: format!("the node id {:?} appears twice", node.id) });
            }
        }
        for name in self.nodes.iter().flat_map(|n| n.attributes.keys()).chain(self.edges.iter().flat_map(|e| e.attributes.keys())) {
            // Readers trim names; a CSV header cannot keep the spaces.
            if name.trim().is_empty() || name.trim() != name {
                return Err(GraphFormatError::CannotWrite {
                    detail: format!("the attribute name {name:?} is empty or has spaces around it"),
                });
            }
        }
        for edge in &self.edges {
            for end in [&edge.source, &edge.target] {
                if !ids.contains(end.as_str()) {
                    return Err(GraphFormatError::CannotWrite { detail: format!("an edge refers to the unknown node {end:?}") });
                }
            }
            if let Some(w) = edge.weight {
                if !(w.is_finite() && w > 0.0) {
                    return Err(GraphFormatError::CannotWrite { detail: format!("the weight {w} is not a positive number") });
                }
            }
        }
        Ok(())
    }

    /// Checks that no node attribute is named like one of `node_fields` and no
    /// edge attribute like one of `edge_fields` (each `(name, field)`),
    /// ignoring case when `ignore_case` (CSV headers, which Gephi matches so).
    pub(crate) fn check_reserved(
        &self,
        node_fields: &[(&str, &'static str)],
        edge_fields: &[(&str, &'static str)],
        ignore_case: bool,
    ) -> Result<(), GraphFormatError> {
        let same = |a: &str, b: &str| if ignore_case { a.eq_ignore_ascii_case(b) } else { a == b };
        let clash = |element: &'static str, fields: &[(&str, &'static str)], name: &String| {
            fields.iter().find(|(f, _)| same(f, name)).map(|(_, field)| GraphFormatError::ReservedName {
                element,
                name: name.clone(),
                field,
            })
        };
        for name in self.nodes.iter().flat_map(|n| n.attributes.keys()) {
            if let Some(e) = clash("node", node_fields, name) {
                return Err(e);
            }
        }
        for name in self.edges.iter().flat_map(|e| e.attributes.keys()) {
            if let Some(e) = clash("edge", edge_fields, name) {
                return Err(e);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(detect_graph_format(b"\xef\xbb\xbf \n{\"elements\": []}"), GraphFormat::Kumu);
        assert_eq!(detect_graph_format(b"<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\"/>"), GraphFormat::Gexf);
        assert_eq!(detect_graph_format(b"<?xml version=\"1.0\"?><graphml/>"), GraphFormat::GraphMl);
        assert_eq!(detect_graph_format(b"Id,Label\n"), GraphFormat::GephiCsv);
        assert_eq!(detect_graph_format(b""), GraphFormat::GephiCsv);
    }

    #[test]
    fn line_index_counts_lines_and_characters() {
        let idx = LineIndex::new("ab\ncö d\n\nx");
        assert_eq!(idx.position(0), Position { part: Part::File, line: 1, column: Some(1) });
        assert_eq!(idx.position(3).line, 2);
        // "cö " is 4 bytes, 3 characters.
        assert_eq!(idx.position(7).column, Some(4));
        assert_eq!(idx.position(9).line, 3);
        assert_eq!(idx.position(10).line, 4);
        assert_eq!(idx.position(999).line, 4);
    }

    #[test]
    fn attribute_types_join_as_documented() {
        let a: BTreeMap<String, AttrValue> =
            [("n".to_string(), AttrValue::Integer(1)), ("m".into(), AttrValue::Bool(true)), ("l".into(), AttrValue::Integer(1 << 40))]
                .into();
        let b: BTreeMap<String, AttrValue> = [("n".to_string(), AttrValue::Number(0.5)), ("m".into(), AttrValue::Integer(1))].into();
        let t = attribute_types([&a, &b].into_iter());
        assert_eq!(t["n"], AttrType::Number);
        assert_eq!(t["m"], AttrType::Text);
        assert_eq!(t["l"], AttrType::Long);
        assert_eq!(AttrType::Number.write(&AttrValue::Integer(3)), "3.0");
    }

    #[test]
    fn numbers_are_written_as_numbers() {
        assert_eq!(format_number(2.0), "2.0");
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(1e300), "1e300");
        assert_eq!(format_number(f64::NEG_INFINITY), "-INF");
        assert_eq!(parse_integer("3.0"), Some(3));
        assert_eq!(parse_integer("3.5"), None);
        assert_eq!(parse_bool(" True "), Some(true));
    }

    #[test]
    fn builder_reports_duplicates_unknown_nodes_and_bad_weights() {
        let node = |id: &str| FileNode { id: id.into(), label: id.into(), ..Default::default() };
        let mut b = NetworkBuilder::new(&ReadLimits::default());
        b.add_node(node("a"), Position::line(3)).unwrap();
        let e = b.add_node(node("a"), Position::line(4)).unwrap_err();
        assert_eq!(e, GraphFormatError::DuplicateNodeId { at: Position::line(4), id: "a".into(), first_line: 3 });
        let e = b.add_node(node(" "), Position::line(5)).unwrap_err();
        assert_eq!(e.code(), "missing-node-id");
        let edge = |w: Option<f64>| FileEdge { source: "a".into(), target: "b".into(), weight: w, ..Default::default() };
        assert_eq!(b.add_edge(edge(Some(-1.0)), Position::line(9), EdgeDirection::Default).unwrap_err().code(), "bad-weight");
        assert_eq!(b.add_edge(edge(Some(f64::NAN)), Position::line(9), EdgeDirection::Default).unwrap_err().code(), "bad-weight");
        b.add_edge(edge(Some(2.0)), Position::line(10), EdgeDirection::Default).unwrap();
        let e = b.finish(true).unwrap_err();
        assert_eq!(e, GraphFormatError::UnknownNode { at: Position::line(10), id: "b".into() });
    }

    #[test]
    fn mixed_files_become_directed_with_undirected_edges_both_ways() {
        let node = |id: &str| FileNode { id: id.into(), label: id.into(), ..Default::default() };
        let edge = |s: &str, t: &str| FileEdge { source: s.into(), target: t.into(), ..Default::default() };
        let mut b = NetworkBuilder::new(&ReadLimits::default());
        for id in ["a", "b", "c"] {
            b.add_node(node(id), Position::line(1)).unwrap();
        }
        b.add_edge(edge("a", "b"), Position::line(2), EdgeDirection::Directed).unwrap();
        b.add_edge(edge("b", "c"), Position::line(3), EdgeDirection::Undirected).unwrap();
        b.add_edge(edge("c", "c"), Position::line(4), EdgeDirection::Undirected).unwrap();
        let net = b.finish(false).unwrap();
        assert!(net.directed);
        let pairs: Vec<(&str, &str)> = net.edges.iter().map(|e| (e.source.as_str(), e.target.as_str())).collect();
        assert_eq!(pairs, [("a", "b"), ("b", "c"), ("c", "b"), ("c", "c")]);
    }

    #[test]
    fn check_refuses_what_no_reader_would_accept() {
        let mut net = NetworkFile {
            directed: false,
            nodes: vec![FileNode { id: "a".into(), label: "A".into(), ..Default::default() }],
            edges: vec![FileEdge { source: "a".into(), target: "a".into(), weight: Some(0.0), ..Default::default() }],
        };
        assert_eq!(net.check().unwrap_err().code(), "cannot-write");
        net.edges[0].weight = Some(1.0);
        assert!(net.check().is_ok());
        net.edges[0].target = "z".into();
        assert_eq!(net.check().unwrap_err().code(), "cannot-write");
    }

    #[test]
    fn positions_read_like_an_editor_or_a_spreadsheet() {
        assert_eq!(Position { part: Part::File, line: 7, column: Some(3) }.to_string(), "line 7, column 3");
        assert_eq!(Position::row(Part::EdgesTable, 4, Some(3)).to_string(), "edges table, row 4, column C");
        assert_eq!(Position::row(Part::NodesTable, 2, None).to_string(), "nodes table, row 2");
    }
}
