//! What every target checks after a successful read: Verband must be able to
//! write what it read, in every format, and read that back with the same
//! nodes and edges. A writer may only refuse an attribute whose name one
//! format uses for its own fields; anything else is a bug.

use verband_formats::{
    read_gephi_csv, read_gexf, read_graphml, read_kumu, write_gephi_csv, write_gexf, write_graphml, write_kumu, GraphFormatError,
    NetworkFile, ReadLimits,
};

fn same_shape(format: &str, original: &NetworkFile, back: Result<NetworkFile, GraphFormatError>, written: &dyn std::fmt::Debug) {
    let back = back.unwrap_or_else(|e| panic!("{format} written from {original:?} does not read back: {e}\n{written:?}"));
    let ids = |n: &NetworkFile| n.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&back), ids(original), "{format}: node ids changed\n{written:?}");
    assert_eq!(back.edges.len(), original.edges.len(), "{format}: edge count changed\n{written:?}");
    // Kumu and Gephi's CSV state direction per edge only (documented).
    if !original.edges.is_empty() {
        assert_eq!(back.directed, original.directed, "{format}: direction changed\n{written:?}");
    }
}

fn allowed(format: &str, e: GraphFormatError) {
    assert_eq!(e.code(), "reserved-name", "{format} refused to write: {e}");
}

pub fn check_written(net: &NetworkFile) {
    let limits = ReadLimits::default();
    match write_gexf(net) {
        Ok(t) => same_shape("GEXF", net, read_gexf(t.as_bytes(), &limits), &t),
        Err(e) => allowed("GEXF", e),
    }
    match write_graphml(net) {
        Ok(t) => same_shape("GraphML", net, read_graphml(t.as_bytes(), &limits), &t),
        Err(e) => allowed("GraphML", e),
    }
    match write_kumu(net) {
        Ok(t) => same_shape("Kumu", net, read_kumu(t.as_bytes(), &limits), &t),
        Err(e) => allowed("Kumu", e),
    }
    match write_gephi_csv(net) {
        Ok(csv) => {
            let written = (String::from_utf8_lossy(&csv.nodes).into_owned(), String::from_utf8_lossy(&csv.edges).into_owned());
            same_shape("Gephi CSV", net, read_gephi_csv(Some(&csv.nodes), &csv.edges, &limits), &written)
        }
        Err(e) => allowed("Gephi CSV", e),
    }
}
