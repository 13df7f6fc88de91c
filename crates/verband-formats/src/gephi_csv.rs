//! Gephi's spreadsheet import: a nodes table and an edges table, each a CSV
//! file, as Gephi's Data Laboratory exports them and its "Import
//! spreadsheet" reads them.
//!
//! Conventions:
//! - Nodes table: `Id`, `Label`, then one column per attribute (in name
//!   order). Edges table: `Source`, `Target`, `Type` (`Directed` or
//!   `Undirected`), then `Kind`, `Label` and `Weight` when any edge has one,
//!   then the attributes. Gephi matches these headers without regard to case,
//!   and so does the reader; attribute names that collide with them are
//!   refused on write.
//! - CSV has no types, so the reader infers one per column from the cells
//!   that are not empty: whole numbers → integer, other numbers → number,
//!   `true`/`false` → boolean, anything else → text. A number with a leading
//!   zero (`0612…`, a KvK number) stays text. The writer writes numbers as
//!   numbers (`2.0`), so a round trip keeps integers and numbers apart; a text
//!   attribute that happens to hold only digits in every row comes back as an
//!   integer. An empty cell is a missing value.
//! - Both files are written by [`crate::write_csv`] with commas (RFC 4180,
//!   what Gephi expects), so cells a spreadsheet would run as a formula get a
//!   leading `'`; [`crate::read_csv`] removes it again. Reading accepts any
//!   delimiter and encoding that reader does.
//! - The nodes table is optional on read: without it, Gephi (and this
//!   reader) make a node of every id the edges name. A missing or empty
//!   `Type` means directed, as in Gephi.

use std::collections::BTreeMap;

use crate::network_file::{
    attribute_types, parse_weight, AttrType, AttrValue, EdgeDirection, FileEdge, FileNode, GraphFormatError, NetworkBuilder, NetworkFile,
    Part, Position, ReadLimits,
};
use crate::{read_csv, unescape_cell, write_csv, Delimiter, Table};

/// The two tables of Gephi's spreadsheet import, as CSV bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GephiCsv {
    pub nodes: Vec<u8>,
    pub edges: Vec<u8>,
}

/// Writes `network` as Gephi's nodes and edges tables.
pub fn write_gephi_csv(network: &NetworkFile) -> Result<GephiCsv, GraphFormatError> {
    network.check()?;
    let has_kind = network.edges.iter().any(|e| e.kind.is_some());
    let has_label = network.edges.iter().any(|e| e.label.is_some());
    let has_weight = network.edges.iter().any(|e| e.weight.is_some());
    // Whether used or not: the reader takes columns with these names for the fields.
    let edge_fields = [
        ("Source", "source"),
        ("Target", "target"),
        ("Type", "direction"),
        ("Id", "edge id"),
        ("Kind", "kind"),
        ("Label", "label"),
        ("Weight", "weight"),
    ];
    network.check_reserved(&[("Id", "id"), ("Label", "label")], &edge_fields, true)?;

    let node_types = attribute_types(network.nodes.iter().map(|n| &n.attributes));
    let mut nodes = Table::new(["Id", "Label"].into_iter().map(String::from).chain(node_types.keys().cloned()).collect());
    for node in &network.nodes {
        let mut row = vec![node.id.clone(), node.label.clone()];
        row.extend(cells(&node.attributes, &node_types));
        nodes.rows.push(row);
    }

    let edge_types = attribute_types(network.edges.iter().map(|e| &e.attributes));
    let mut headers: Vec<String> = ["Source", "Target", "Type"].into_iter().map(String::from).collect();
    for (used, name) in [(has_kind, "Kind"), (has_label, "Label"), (has_weight, "Weight")] {
        if used {
            headers.push(name.into());
        }
    }
    headers.extend(edge_types.keys().cloned());
    let mut edges = Table::new(headers);
    let direction = if network.directed { "Directed" } else { "Undirected" };
    for edge in &network.edges {
        let mut row = vec![edge.source.clone(), edge.target.clone(), direction.to_string()];
        if has_kind {
            row.push(edge.kind.clone().unwrap_or_default());
        }
        if has_label {
            row.push(edge.label.clone().unwrap_or_default());
        }
        if has_weight {
            row.push(edge.weight.map(|w| AttrValue::Number(w).to_text()).unwrap_or_default());
        }
        row.extend(cells(&edge.attributes, &edge_types));
        edges.rows.push(row);
    }
    Ok(GephiCsv { nodes: write_csv(&nodes, Delimiter::Comma), edges: write_csv(&edges, Delimiter::Comma) })
}

fn cells<'a>(attributes: &'a BTreeMap<String, AttrValue>, types: &'a BTreeMap<String, AttrType>) -> impl Iterator<Item = String> + 'a {
    types.iter().map(|(name, t)| attributes.get(name).map(|v| t.write(v)).unwrap_or_default())
}

/// Reads Gephi's tables: the nodes table when there is one, and the edges table.
pub fn read_gephi_csv(nodes: Option<&[u8]>, edges: &[u8], limits: &ReadLimits) -> Result<NetworkFile, GraphFormatError> {
    let mut builder = NetworkBuilder::new(limits);
    if let Some(bytes) = nodes {
        let table = table(bytes, Part::NodesTable, limits)?;
        read_nodes(&table, &mut builder)?;
    }
    let table = table(edges, Part::EdgesTable, limits)?;
    let mut implicit = nodes.is_none().then(Vec::new);
    read_edges(&table, &mut builder, implicit.as_mut())?;
    if let Some(ids) = implicit {
        let mut seen = std::collections::HashSet::new();
        for (id, at) in ids {
            if seen.insert(id.clone()) {
                builder.add_node(FileNode { label: id.clone(), id, attributes: BTreeMap::new() }, at)?;
            }
        }
    }
    // Every edge states its direction (an empty Type is Gephi's default,
    // directed); a table without edges is directed by the same default.
    builder.finish(table.rows.is_empty())
}

fn table(bytes: &[u8], part: Part, limits: &ReadLimits) -> Result<Table, GraphFormatError> {
    limits.check_size(bytes)?;
    read_csv(bytes).map_err(|error| GraphFormatError::Csv { at: Position::row(part, error.row().unwrap_or(1), error.column()), error })
}

/// The columns of a table: the index of each known header, and the rest as attributes.
struct Columns {
    known: BTreeMap<&'static str, usize>,
    /// Per column: name and type when it is an attribute column with any value.
    attributes: Vec<Option<(String, AttrType)>>,
}

fn columns(table: &Table, known: &[&'static str], ignored: &[&str]) -> Columns {
    // The types in one pass over the cells there are, not over every column
    // of every row: a table may have many columns or many (short or empty)
    // rows, and neither may cost time in the product of the two.
    let mut types: Vec<Option<AttrType>> = vec![None; table.headers.len()];
    for row in &table.rows {
        for (t, cell) in types.iter_mut().zip(row) {
            *t = join_inferred(*t, cell);
        }
    }
    let mut found = BTreeMap::new();
    let mut attributes = vec![None; table.headers.len()];
    for (i, header) in table.headers.iter().enumerate() {
        // The writer escapes headers like cells (`=x` as `'=x`); read_csv
        // unescapes only the cells.
        let header = &unescape_cell(header).to_string();
        if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(header)) {
            found.entry(*k).or_insert(i);
        } else if !ignored.iter().any(|k| k.eq_ignore_ascii_case(header)) {
            if let Some(t) = types[i] {
                attributes[i] = Some((header.clone(), t));
            }
        }
    }
    Columns { known: found, attributes }
}

/// The type of a column from its non-empty cells; `None` when all are empty.
#[cfg(test)]
fn infer_type<'a>(cells: impl Iterator<Item = &'a str>) -> Option<AttrType> {
    cells.fold(None, join_inferred)
}

/// The type of a column so far, joined with one more cell's (an empty cell
/// changes nothing).
fn join_inferred(so_far: Option<AttrType>, cell: &str) -> Option<AttrType> {
    let t = cell.trim();
    if t.is_empty() || so_far == Some(AttrType::Text) {
        return so_far;
    }
    let this = if leading_zero(t) {
        AttrType::Text
    } else if t.parse::<i64>().is_ok() {
        AttrType::Integer
    } else if t.parse::<f64>().is_ok_and(f64::is_finite) && t.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) {
        AttrType::Number
    } else if t.eq_ignore_ascii_case("true") || t.eq_ignore_ascii_case("false") {
        AttrType::Bool
    } else {
        AttrType::Text
    };
    Some(match (so_far, this) {
        (None, t) => t,
        (Some(a), b) if a == b => a,
        (Some(AttrType::Integer | AttrType::Number), AttrType::Integer | AttrType::Number) => AttrType::Number,
        _ => AttrType::Text,
    })
}

/// `0612`, `-007`: digits a number would lose, so the cell is text.
fn leading_zero(t: &str) -> bool {
    let digits = t.trim_start_matches(['+', '-']).as_bytes();
    digits.len() > 1 && digits[0] == b'0' && digits[1].is_ascii_digit()
}

fn attributes(row: &[String], columns: &Columns) -> BTreeMap<String, AttrValue> {
    let mut out = BTreeMap::new();
    // The row's own cells, which may be fewer than the columns.
    for (cell, column) in row.iter().zip(&columns.attributes) {
        let Some((name, t)) = column else { continue };
        if cell.trim().is_empty() {
            continue;
        }
        // Inference saw every cell, so each parses; text is the safe fallback.
        let value = t.parse(cell).unwrap_or_else(|| AttrValue::Text(cell.to_string()));
        out.insert(name.clone(), value);
    }
    out
}

fn cell<'a>(row: &'a [String], index: Option<&usize>) -> &'a str {
    index.and_then(|i| row.get(*i)).map_or("", String::as_str)
}

fn read_nodes(table: &Table, builder: &mut NetworkBuilder) -> Result<(), GraphFormatError> {
    let columns = columns(table, &["Id", "Label"], &[]);
    let Some(id_column) = columns.known.get("Id").copied() else {
        return Err(GraphFormatError::MissingColumn { at: Position::row(Part::NodesTable, 1, None), column: "Id" });
    };
    for (index, row) in table.rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = Position::row(Part::NodesTable, Table::sheet_row(index), None);
        let id = cell(row, Some(&id_column)).to_string();
        if id.trim().is_empty() {
            return Err(GraphFormatError::MissingNodeId { at: Position { column: Some(id_column + 1), ..at } });
        }
        let label = Some(cell(row, columns.known.get("Label"))).filter(|l| !l.trim().is_empty()).map_or_else(|| id.clone(), str::to_string);
        builder.add_node(FileNode { id, label, attributes: attributes(row, &columns) }, at)?;
    }
    Ok(())
}

fn read_edges(
    table: &Table,
    builder: &mut NetworkBuilder,
    mut implicit: Option<&mut Vec<(String, Position)>>,
) -> Result<(), GraphFormatError> {
    let columns = columns(table, &["Source", "Target", "Type", "Kind", "Label", "Weight"], &["Id"]);
    for needed in ["Source", "Target"] {
        if !columns.known.contains_key(needed) {
            return Err(GraphFormatError::MissingColumn { at: Position::row(Part::EdgesTable, 1, None), column: needed });
        }
    }
    let optional =
        |row: &[String], name: &str| Some(cell(row, columns.known.get(name))).filter(|c| !c.trim().is_empty()).map(str::to_string);
    for (index, row) in table.rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = Table::sheet_row(index);
        let at = Position::row(Part::EdgesTable, line, None);
        let at_column = |name: &str| Position::row(Part::EdgesTable, line, columns.known.get(name).map(|i| i + 1));
        let direction = match cell(row, columns.known.get("Type")).trim().to_ascii_lowercase().as_str() {
            "" | "directed" => EdgeDirection::Directed,
            "undirected" | "mutual" => EdgeDirection::Undirected,
            _ => {
                return Err(GraphFormatError::BadValue {
                    at: at_column("Type"),
                    attribute: "Type".into(),
                    value: cell(row, columns.known.get("Type")).to_string(),
                    expected: "Directed or Undirected",
                })
            }
        };
        let weight = match optional(row, "Weight") {
            Some(w) => Some(parse_weight(&w, at_column("Weight"))?),
            None => None,
        };
        let edge = FileEdge {
            source: cell(row, columns.known.get("Source")).to_string(),
            target: cell(row, columns.known.get("Target")).to_string(),
            weight,
            kind: optional(row, "Kind"),
            label: optional(row, "Label"),
            attributes: attributes(row, &columns),
        };
        if let Some(ids) = implicit.as_deref_mut() {
            ids.push((edge.source.clone(), at));
            ids.push((edge.target.clone(), at));
        }
        builder.add_edge(edge, at, direction)?;
    }
    Ok(())
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
                    id: "1".into(),
                    label: "Coöperatie \"De Linge\", Tiel".into(),
                    attributes: attrs(&[
                        ("sector", AttrValue::Text("=zorg".into())),
                        ("medewerkers", AttrValue::Integer(-12)),
                        ("budget", AttrValue::Number(3.0)),
                        ("actief", AttrValue::Bool(true)),
                        ("kvk", AttrValue::Text("01234567".into())),
                    ]),
                },
                FileNode {
                    id: "2".into(),
                    label: "Gemeente Één\nregel 2".into(),
                    attributes: attrs(&[("budget", AttrValue::Number(0.25))]),
                },
            ],
            edges: vec![
                FileEdge {
                    source: "1".into(),
                    target: "2".into(),
                    weight: Some(1.5),
                    kind: Some("financiering".into()),
                    label: None,
                    attributes: attrs(&[("sinds", AttrValue::Integer(2019))]),
                },
                FileEdge { source: "2".into(), target: "1".into(), ..Default::default() },
            ],
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        for directed in [true, false] {
            let net = sample(directed);
            let csv = write_gephi_csv(&net).unwrap();
            let back = read_gephi_csv(Some(&csv.nodes), &csv.edges, &limits()).unwrap();
            assert_eq!(back, net, "{}\n{}", String::from_utf8_lossy(&csv.nodes), String::from_utf8_lossy(&csv.edges));
        }
    }

    #[test]
    fn writes_gephi_headers() {
        let csv = write_gephi_csv(&sample(true)).unwrap();
        let nodes = String::from_utf8(csv.nodes).unwrap();
        let edges = String::from_utf8(csv.edges).unwrap();
        assert!(nodes.starts_with("Id,Label,actief,budget,kvk,medewerkers,sector\r\n"), "{nodes}");
        assert!(nodes.contains("1,\"Coöperatie \"\"De Linge\"\", Tiel\",true,3.0,01234567,-12,'=zorg\r\n"), "{nodes}");
        assert!(edges.starts_with("Source,Target,Type,Kind,Weight,sinds\r\n1,2,Directed,financiering,1.5,2019\r\n"), "{edges}");
    }

    #[test]
    fn reads_a_data_laboratory_export_and_edges_alone() {
        let nodes = b"Id,Label,timeset,sector,modularity_class\n0,GGD,,zorg,1\n1,Gemeente,,overheid,0\n";
        let edges = b"Source,Target,Type,Id,Label,timeset,Weight\n0,1,Undirected,0,,,2.0\n";
        let net = read_gephi_csv(Some(nodes), edges, &limits()).unwrap();
        assert!(!net.directed);
        assert_eq!(net.nodes[0].attributes.keys().collect::<Vec<_>>(), ["modularity_class", "sector"]);
        assert_eq!(net.nodes[0].attributes["modularity_class"], AttrValue::Integer(1));
        assert_eq!(net.edges[0].weight, Some(2.0));
        assert!(net.edges[0].attributes.is_empty());

        let net = read_gephi_csv(None, b"source;target\nA;B\nB;C\n", &limits()).unwrap();
        assert!(net.directed);
        assert_eq!(net.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
    }

    #[test]
    fn errors_name_table_row_and_column() {
        let nodes = b"Id,Label\na,A\na,B\n";
        let e = read_gephi_csv(Some(nodes), b"Source,Target\n", &limits()).unwrap_err();
        assert_eq!((e.code(), e.position().map(|p| (p.part, p.line))), ("duplicate-node-id", Some((Part::NodesTable, 3))));
        let e = read_gephi_csv(Some(b"Id\na\n"), b"Source,Target,Weight\na,a,1\na,a,0\n", &limits()).unwrap_err();
        assert_eq!((e.code(), e.line(), e.column()), ("bad-weight", Some(3), Some(3)));
        assert_eq!(e.to_string(), "edges table, row 3, column C: the weight \"0\" is not a positive number");
        let e = read_gephi_csv(Some(b"Id\na\n"), b"Source,Target\na,b\n", &limits()).unwrap_err();
        assert_eq!((e.code(), e.line()), ("unknown-node", Some(2)));
        let e = read_gephi_csv(Some(b"Label\na\n"), b"Source,Target\n", &limits()).unwrap_err();
        assert_eq!(e.code(), "missing-column");
        let e = read_gephi_csv(None, b"Source,Target,Type\na,b,sideways\n", &limits()).unwrap_err();
        assert_eq!((e.code(), e.column()), ("bad-value", Some(3)));
        let e = read_gephi_csv(None, b"Source,Target\na,\"b\n", &limits()).unwrap_err();
        assert_eq!((e.code(), e.position().map(|p| p.part)), ("malformed-csv", Some(Part::EdgesTable)));
        let e = read_gephi_csv(None, b"Source,Target\n,b\n", &limits()).unwrap_err();
        assert_eq!((e.code(), e.line()), ("missing-edge-end", Some(2)));
    }

    #[test]
    fn types_are_inferred_per_column() {
        let cells = |c: &[&'static str]| infer_type(c.iter().copied());
        assert_eq!(cells(&["1", "", "-3"]), Some(AttrType::Integer));
        assert_eq!(cells(&["1", "2.5"]), Some(AttrType::Number));
        assert_eq!(cells(&["1e3"]), Some(AttrType::Number));
        assert_eq!(cells(&["TRUE", "false"]), Some(AttrType::Bool));
        assert_eq!(cells(&["1", "x"]), Some(AttrType::Text));
        assert_eq!(cells(&["0612345678"]), Some(AttrType::Text));
        assert_eq!(cells(&["0", "0.5"]), Some(AttrType::Number));
        assert_eq!(cells(&["inf"]), Some(AttrType::Text));
        assert_eq!(cells(&["", " "]), None);
    }

    #[test]
    fn reserved_headers_are_refused_ignoring_case() {
        let mut net = sample(true);
        net.nodes[0].attributes.insert("label".into(), AttrValue::Integer(1));
        assert_eq!(write_gephi_csv(&net).unwrap_err().code(), "reserved-name");
        let mut net = sample(true);
        net.edges[0].attributes.insert("TYPE".into(), AttrValue::Integer(1));
        assert_eq!(write_gephi_csv(&net).unwrap_err().code(), "reserved-name");
    }
}
