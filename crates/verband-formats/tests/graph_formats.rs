//! The four network formats through the crate's public API: round trips,
//! files as other tools write them, errors with their lines, and hostile input.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use verband_formats::{
    detect_graph_format, read_gephi_csv, read_gexf, read_graphml, read_kumu, write_gephi_csv, write_gexf, write_graphml, write_kumu,
    AttrValue, FileEdge, FileNode, GraphFormat, GraphFormatError, NetworkFile, Part, ReadLimits,
};

const FORMATS: [GraphFormat; 4] = [GraphFormat::Gexf, GraphFormat::GraphMl, GraphFormat::Kumu, GraphFormat::GephiCsv];

fn limits() -> ReadLimits {
    ReadLimits::default()
}

/// Writes and reads back through one format.
fn round_trip(format: GraphFormat, net: &NetworkFile) -> NetworkFile {
    let read = match format {
        GraphFormat::Gexf => read_gexf(write_gexf(net).unwrap().as_bytes(), &limits()),
        GraphFormat::GraphMl => read_graphml(write_graphml(net).unwrap().as_bytes(), &limits()),
        GraphFormat::Kumu => read_kumu(write_kumu(net).unwrap().as_bytes(), &limits()),
        GraphFormat::GephiCsv => {
            let csv = write_gephi_csv(net).unwrap();
            read_gephi_csv(Some(&csv.nodes), &csv.edges, &limits())
        }
    };
    read.unwrap_or_else(|e| panic!("{format:?}: {e}"))
}

fn attrs(pairs: &[(&str, AttrValue)]) -> BTreeMap<String, AttrValue> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// A network of the kind Verband exports: Dutch names with every awkward
/// character, attributes of each type, weights and kinds.
fn network(directed: bool) -> NetworkFile {
    NetworkFile {
        directed,
        nodes: vec![
            FileNode {
                id: "17".into(),
                label: "GGD Gelderland-Zuid".into(),
                attributes: attrs(&[
                    ("sector", AttrValue::Text("publieke gezondheid".into())),
                    ("medewerkers", AttrValue::Integer(420)),
                    ("begroting_mln", AttrValue::Number(12.75)),
                    ("kernpartner", AttrValue::Bool(true)),
                ]),
            },
            FileNode {
                id: "18".into(),
                label: "Coöperatie \"De Linge\" & Zn. <Tiel>, ’s-Hertogenbosch — Één 😀".into(),
                attributes: attrs(&[
                    ("sector", AttrValue::Text("eerstelijnszorg; huisartsen\nen apotheken".into())),
                    ("medewerkers", AttrValue::Integer(-1)),
                    ("begroting_mln", AttrValue::Number(0.1)),
                    ("kernpartner", AttrValue::Bool(false)),
                ]),
            },
            FileNode {
                id: "gemeente-tiel".into(),
                label: "Gemeente Tiel".into(),
                attributes: attrs(&[("sector", AttrValue::Text("=gemeente".into()))]),
            },
        ],
        edges: vec![
            FileEdge {
                source: "17".into(),
                target: "18".into(),
                weight: Some(2.5),
                kind: Some("financiering".into()),
                label: Some("subsidie 2024–2025".into()),
                attributes: attrs(&[("sinds", AttrValue::Integer(2019)), ("formeel", AttrValue::Bool(true))]),
            },
            FileEdge {
                source: "18".into(),
                target: "gemeente-tiel".into(),
                weight: Some(1.0),
                kind: Some("samenwerking".into()),
                label: None,
                attributes: attrs(&[("sinds", AttrValue::Integer(2021))]),
            },
            FileEdge {
                source: "gemeente-tiel".into(),
                target: "17".into(),
                weight: None,
                kind: None,
                label: None,
                attributes: BTreeMap::new(),
            },
        ],
    }
}

#[test]
fn every_format_round_trips_directed_and_undirected_networks() {
    for format in FORMATS {
        for directed in [true, false] {
            let net = network(directed);
            assert_eq!(round_trip(format, &net), net, "{format:?}, directed: {directed}");
        }
    }
}

#[test]
fn every_format_round_trips_an_empty_network_and_isolated_nodes() {
    let lonely = NetworkFile { directed: true, nodes: network(true).nodes, edges: vec![] };
    for format in FORMATS {
        assert_eq!(round_trip(format, &lonely), lonely, "{format:?}");
    }
}

#[test]
fn written_files_are_recognised_by_content() {
    let net = network(true);
    assert_eq!(detect_graph_format(write_gexf(&net).unwrap().as_bytes()), GraphFormat::Gexf);
    assert_eq!(detect_graph_format(write_graphml(&net).unwrap().as_bytes()), GraphFormat::GraphMl);
    assert_eq!(detect_graph_format(write_kumu(&net).unwrap().as_bytes()), GraphFormat::Kumu);
    assert_eq!(detect_graph_format(&write_gephi_csv(&net).unwrap().nodes), GraphFormat::GephiCsv);
}

#[test]
fn writers_refuse_a_network_no_reader_would_accept() {
    let mut net = network(true);
    net.edges[0].weight = Some(-1.0);
    for err in [write_gexf(&net).unwrap_err(), write_graphml(&net).unwrap_err(), write_kumu(&net).unwrap_err()] {
        assert_eq!(err.code(), "cannot-write");
    }
    let mut net = network(true);
    net.nodes.push(net.nodes[0].clone());
    assert_eq!(write_gephi_csv(&net).unwrap_err().code(), "cannot-write");
}

/// Written by networkx 3.6 `write_gexf` (GEXF 1.2draft), unchanged.
const NETWORKX_GEXF: &str = include_str!("data/networkx-write_gexf.gexf");
/// Written by networkx 3.6 `write_graphml` from the same graph, unchanged.
const NETWORKX_GRAPHML: &str = include_str!("data/networkx-write_graphml.graphml");

fn check_networkx_graph(net: &NetworkFile) {
    assert!(net.directed);
    let ids: Vec<&str> = net.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["ggd", "gem", "wijk"]);
    assert_eq!(net.nodes[2].label, "Wijkteam Oost – “Één”");
    assert_eq!(
        net.nodes[0].attributes,
        attrs(&[
            ("sector", AttrValue::Text("zorg".into())),
            ("employees", AttrValue::Integer(420)),
            ("budget", AttrValue::Number(12.5)),
            ("public", AttrValue::Bool(true)),
        ])
    );
    assert_eq!(net.nodes[2].attributes["public"], AttrValue::Bool(false));
    assert_eq!(net.edges.len(), 2);
    assert_eq!((net.edges[1].source.as_str(), net.edges[1].target.as_str(), net.edges[1].weight), ("gem", "wijk", Some(1.5)));
    assert_eq!(net.edges[0].attributes["soort"], AttrValue::Text("financiering".into()));
}

#[test]
fn reads_gexf_as_networkx_writes_it() {
    check_networkx_graph(&read_gexf(NETWORKX_GEXF.as_bytes(), &limits()).unwrap());
}

#[test]
fn reads_graphml_as_networkx_writes_it() {
    check_networkx_graph(&read_graphml(NETWORKX_GRAPHML.as_bytes(), &limits()).unwrap());
}

/// In the shape Gephi 0.10 exports GEXF 1.3: attribute ids that are names,
/// visual data in the viz namespace, edge ids, a computed metric.
const GEPHI_GEXF: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2025-02-11">
    <creator>Gephi 0.10.1</creator>
    <title></title>
    <description></description>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="sector" title="Sector" type="string"></attribute>
      <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
      <attribute id="betweenesscentrality" title="Betweenness Centrality" type="double"></attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="soort" title="Soort" type="string"></attribute>
    </attributes>
    <nodes>
      <node id="0" label="GGD">
        <attvalues>
          <attvalue for="sector" value="zorg"></attvalue>
          <attvalue for="modularity_class" value="0"></attvalue>
          <attvalue for="betweenesscentrality" value="1.0"></attvalue>
        </attvalues>
        <viz:size value="10.0"></viz:size>
        <viz:position x="-95.28" y="12.6"></viz:position>
        <viz:color r="153" g="0" b="255"></viz:color>
      </node>
      <node id="1" label="Gemeente">
        <attvalues>
          <attvalue for="sector" value="overheid"></attvalue>
          <attvalue for="modularity_class" value="0"></attvalue>
          <attvalue for="betweenesscentrality" value="0.0"></attvalue>
        </attvalues>
        <viz:size value="10.0"></viz:size>
        <viz:position x="44.1" y="-7.9"></viz:position>
        <viz:color r="153" g="0" b="255"></viz:color>
      </node>
      <node id="2" label="Wijkteam"/>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="3.0">
        <attvalues>
          <attvalue for="soort" value="financiering"></attvalue>
        </attvalues>
        <viz:color r="153" g="0" b="255"></viz:color>
      </edge>
      <edge id="1" source="1" target="2" label="overleg"/>
    </edges>
  </graph>
</gexf>
"#;

#[test]
fn reads_gexf_as_gephi_exports_it() {
    let net = read_gexf(GEPHI_GEXF.as_bytes(), &limits()).unwrap();
    assert!(!net.directed);
    assert_eq!(net.nodes.len(), 3);
    assert_eq!(net.nodes[0].attributes["Modularity Class"], AttrValue::Integer(0));
    assert_eq!(net.nodes[0].attributes["Betweenness Centrality"], AttrValue::Number(1.0));
    assert!(net.nodes[2].attributes.is_empty());
    assert_eq!(net.edges[0].weight, Some(3.0));
    assert_eq!(net.edges[0].attributes["Soort"], AttrValue::Text("financiering".into()));
    assert_eq!((net.edges[1].label.as_deref(), net.edges[1].weight), (Some("overleg"), None));
}

/// The fuller example of Kumu's blueprint documentation, unchanged.
const KUMU_DOCS: &str = r#"{
  "elements": [
    {
        "label": "A",
        "type": "Letter",
        "description": "This is A",
        "tags": ["one", "two"]
    },
    {
        "label": "B",
        "type": "Letter",
        "Favorite Dessert": "shave ice"
    }
  ],
  "connections": [
    {
        "from": "A",
        "to": "B",
        "type": "likes"
    }
  ]
}"#;

#[test]
fn reads_kumu_as_its_documentation_shows() {
    let net = read_kumu(KUMU_DOCS.as_bytes(), &limits()).unwrap();
    assert!(net.directed);
    assert_eq!(net.nodes[0].attributes["type"], AttrValue::Text("Letter".into()));
    assert_eq!(net.nodes[0].attributes["description"], AttrValue::Text("This is A".into()));
    assert_eq!(net.edges[0].kind.as_deref(), Some("likes"));
}

fn error_in(format: GraphFormat, text: &str) -> GraphFormatError {
    let bytes = text.as_bytes();
    match format {
        GraphFormat::Gexf => read_gexf(bytes, &limits()),
        GraphFormat::GraphMl => read_graphml(bytes, &limits()),
        GraphFormat::Kumu => read_kumu(bytes, &limits()),
        GraphFormat::GephiCsv => {
            let (nodes, edges) = text.split_once("\n---\n").unwrap_or((text, "Source,Target\n"));
            read_gephi_csv(Some(nodes.as_bytes()), edges.as_bytes(), &limits())
        }
    }
    .expect_err(text)
}

#[test]
fn an_unclosed_tag_is_reported_on_its_line() {
    let gexf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">
  <graph defaultedgetype=\"directed\">
    <nodes>
      <node id=\"a\" label=\"A\"/>
      <node id=\"b\" label=\"B\"/>
      <node id=\"c\" label=\"C\">
    </nodes>
  </graph>
</gexf>";
    let e = error_in(GraphFormat::Gexf, gexf);
    assert_eq!((e.code(), e.line(), e.column()), ("malformed-xml", Some(7), Some(7)), "{e}");
    assert!(e.to_string().contains("<node> is not closed"), "{e}");

    let graphml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">
  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>
  <graph edgedefault=\"undirected\">
    <node id=\"a\"><data key=\"d0\">A</data></node>
    <node id=\"b\"><data key=\"d0\">B</data></node>
    <node id=\"c\"><data key=\"d0\">C</node>
  </graph>
</graphml>";
    let e = error_in(GraphFormat::GraphMl, graphml);
    assert_eq!((e.code(), e.line()), ("malformed-xml", Some(7)), "{e}");

    // Cut off in the middle of line 7: the tag itself is never finished.
    let cut = gexf.lines().take(6).collect::<Vec<_>>().join("\n") + "\n      <node id=\"c";
    let e = error_in(GraphFormat::Gexf, &cut);
    assert_eq!((e.code(), e.line()), ("malformed-xml", Some(7)), "{e}");
}

#[test]
fn malformed_json_and_csv_are_reported_with_their_place() {
    let e = error_in(GraphFormat::Kumu, "{\n  \"elements\": [\n    {\"label\": \"A\"}\n    {\"label\": \"B\"}\n  ]\n}");
    assert_eq!((e.code(), e.line(), e.column()), ("malformed-json", Some(4), Some(5)), "{e}");
    let e = error_in(GraphFormat::GephiCsv, "Id,Label\na,A\nb,\"B\n");
    assert_eq!((e.code(), e.line(), e.position().map(|p| p.part)), ("malformed-csv", Some(3), Some(Part::NodesTable)), "{e}");
}

/// The same three mistakes in every format, each on the line where it is.
#[test]
fn unknown_nodes_duplicate_ids_and_negative_weights_are_named_with_their_line() {
    let cases: [(GraphFormat, &str, &str, usize); 12] = [
        (GraphFormat::Gexf, "<gexf><graph>\n<nodes><node id=\"a\"/></nodes>\n<edges>\n<edge source=\"a\" target=\"x\"/></edges></graph></gexf>", "unknown-node", 4),
        (GraphFormat::Gexf, "<gexf><graph>\n<nodes>\n<node id=\"a\"/>\n<node id=\"a\"/></nodes></graph></gexf>", "duplicate-node-id", 4),
        (GraphFormat::Gexf, "<gexf><graph>\n<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" weight=\"-2\"/></edges></graph></gexf>", "bad-weight", 3),
        (GraphFormat::GraphMl, "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"x\" target=\"a\"/></graph></graphml>", "unknown-node", 3),
        (GraphFormat::GraphMl, "<graphml><graph>\n<node id=\"a\"/>\n\n<node id=\"a\"/></graph></graphml>", "duplicate-node-id", 4),
        (
            GraphFormat::GraphMl,
            "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\">\n<data key=\"w\">-2</data></edge></graph></graphml>",
            "bad-weight",
            4,
        ),
        (GraphFormat::Kumu, "{\"elements\": [{\"label\": \"a\"}],\n\"connections\": [\n{\"from\": \"a\", \"to\": \"x\"}]}", "unknown-node", 3),
        (GraphFormat::Kumu, "{\"elements\": [\n{\"id\": \"a\", \"label\": \"A\"},\n{\"id\": \"a\", \"label\": \"B\"}]}", "duplicate-node-id", 3),
        (GraphFormat::Kumu, "{\"elements\": [{\"label\": \"a\"}],\n\"connections\": [\n{\"from\": \"a\", \"to\": \"a\", \"strength\": -2}]}", "bad-weight", 3),
        (GraphFormat::GephiCsv, "Id\na\n---\nSource,Target\na,a\na,x\n", "unknown-node", 3),
        (GraphFormat::GephiCsv, "Id,Label\na,A\nb,B\na,C\n", "duplicate-node-id", 4),
        (GraphFormat::GephiCsv, "Id\na\n---\nSource,Target,Weight\na,a,-2\n", "bad-weight", 2),
    ];
    for (format, text, code, line) in cases {
        let e = error_in(format, text);
        assert_eq!((e.code(), e.line()), (code, Some(line)), "{format:?} {text}: {e}");
    }
}

fn refused_quickly(format: GraphFormat, text: &str, limits: &ReadLimits) -> GraphFormatError {
    let started = Instant::now();
    let bytes = text.as_bytes();
    let result = match format {
        GraphFormat::Gexf => read_gexf(bytes, limits),
        GraphFormat::GraphMl => read_graphml(bytes, limits),
        GraphFormat::Kumu => read_kumu(bytes, limits),
        GraphFormat::GephiCsv => read_gephi_csv(None, bytes, limits),
    };
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "{format:?} took {took:?}");
    result.expect_err("hostile input must be refused")
}

#[test]
fn deeply_nested_input_is_refused_quickly_and_cleanly() {
    let xml_deep = format!("<gexf><graph><nodes><node id=\"a\">{}", "<x>".repeat(1_000_000));
    let e = refused_quickly(GraphFormat::Gexf, &xml_deep, &limits());
    assert_eq!(e.code(), "too-deep");
    let graphml_deep = format!("<graphml><key id=\"d\"/><graph><node id=\"a\"><data key=\"d\">{}", "<y:x>".repeat(1_000_000));
    assert_eq!(refused_quickly(GraphFormat::GraphMl, &graphml_deep, &limits()).code(), "too-deep");
    let json_deep = format!("{{\"elements\": {}", "[{\"a\":".repeat(1_000_000));
    assert_eq!(refused_quickly(GraphFormat::Kumu, &json_deep, &limits()).code(), "too-deep");
}

/// Found by review while fuzzing (2026-11-23), beyond the fuzzers' 4 KB
/// inputs: work that grew with the square of the file. A file on one line
/// (minified XML or JSON; each element's column counted from the line's
/// start), a Gephi table with many columns (each header compared with every
/// earlier one), a GraphML element with many keys that have defaults (each
/// looked up among the element's values so far), and defaults filled into
/// every node, which let a few megabytes become billions of values.
#[test]
fn long_lines_wide_files_and_many_defaults_cost_linear_time_and_bounded_memory() {
    let nodes: String = (0..100_000).map(|i| format!("<node id=\"n{i}\"/>")).collect();
    let one_line = format!("<gexf><graph><nodes>{nodes}</nodes></graph></gexf>");
    let started = Instant::now();
    assert_eq!(read_gexf(one_line.as_bytes(), &limits()).unwrap().nodes.len(), 100_000);
    assert!(started.elapsed() < Duration::from_secs(5), "one-line GEXF took {:?}", started.elapsed());
    let elements: Vec<String> = (0..100_000).map(|i| format!("{{\"label\":\"n{i}\"}}")).collect();
    let one_line = format!("{{\"elements\":[{}]}}", elements.join(","));
    let started = Instant::now();
    assert_eq!(read_kumu(one_line.as_bytes(), &limits()).unwrap().nodes.len(), 100_000);
    assert!(started.elapsed() < Duration::from_secs(5), "one-line Kumu took {:?}", started.elapsed());

    let wide = format!("Source,Target,{}\na,b\n", (0..200_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","));
    let started = Instant::now();
    let net = read_gephi_csv(None, wide.as_bytes(), &limits()).unwrap();
    assert_eq!(net.edges.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(5), "wide CSV took {:?}", started.elapsed());

    // Many columns and many short rows: types and values must not cost their product.
    let columns: Vec<String> = (0..20_000).map(|i| format!("c{i}")).collect();
    let values = vec!["1"; 20_000].join(",");
    let short_rows = "a,a\n".repeat(20_000);
    let tall = format!("Source,Target,{}\na,a,{values}\n{short_rows}", columns.join(","));
    let started = Instant::now();
    let net = read_gephi_csv(None, tall.as_bytes(), &limits()).unwrap();
    assert_eq!((net.edges.len(), net.edges[0].attributes.len()), (20_001, 20_000));
    assert!(started.elapsed() < Duration::from_secs(5), "wide and tall CSV took {:?}", started.elapsed());

    let keys: String = (0..50_000).map(|i| format!("<key id=\"k{i}\" for=\"node\"><default>x</default></key>")).collect();
    let graphml = format!("<graphml>{keys}<graph edgedefault=\"directed\"><node id=\"a\"/></graph></graphml>");
    let started = Instant::now();
    let net = read_graphml(graphml.as_bytes(), &limits()).unwrap();
    assert_eq!(net.nodes[0].attributes.len(), 50_000);
    assert!(started.elapsed() < Duration::from_secs(5), "GraphML defaults took {:?}", started.elapsed());

    // 2,000 defaults for each of 1,000 nodes: two million values from 160 KB,
    // refused here under a lower limit than the default million to stay quick.
    let lower = ReadLimits { max_values: 200_000, ..limits() };
    let nodes: String = (0..1_000).map(|i| format!("<node id=\"n{i}\"/>")).collect();
    let decls: String = (0..2_000).map(|i| format!("<attribute id=\"{i}\"><default>x</default></attribute>")).collect();
    let gexf = format!("<gexf><graph><attributes class=\"node\">{decls}</attributes><nodes>{nodes}</nodes></graph></gexf>");
    let e = refused_quickly(GraphFormat::Gexf, &gexf, &lower);
    assert_eq!(e.code(), "unsupported", "{e}");
    let keys: String = (0..2_000).map(|i| format!("<key id=\"k{i}\" for=\"node\"><default>x</default></key>")).collect();
    let graphml = format!("<graphml>{keys}<graph edgedefault=\"directed\">{nodes}</graph></graphml>");
    let e = refused_quickly(GraphFormat::GraphMl, &graphml, &lower);
    assert_eq!(e.code(), "unsupported", "{e}");
    assert_eq!(limits().max_values, 1_000_000);
    // The limit counts every value, explicit or filled in, and is the reader's to set.
    let gexf = "<gexf><graph><attributes class=\"node\"><attribute id=\"0\"><default>x</default></attribute></attributes>
<nodes><node id=\"a\"/><node id=\"b\"/><node id=\"c\"><attvalues><attvalue for=\"0\" value=\"y\"/></attvalues></node></nodes></graph></gexf>";
    assert_eq!(
        read_gexf(gexf.as_bytes(), &ReadLimits { max_values: 3, ..limits() }).unwrap().nodes[2].attributes["0"],
        AttrValue::Text("y".into())
    );
    let e = read_gexf(gexf.as_bytes(), &ReadLimits { max_values: 2, ..limits() }).unwrap_err();
    assert_eq!((e.code(), e.line()), ("unsupported", Some(2)), "{e}");
}

#[test]
fn files_beyond_the_limit_are_refused_before_reading() {
    let small = ReadLimits { max_bytes: 1000, ..ReadLimits::default() };
    let big = "x".repeat(1001);
    for format in FORMATS {
        let e = refused_quickly(format, &big, &small);
        assert_eq!(e, GraphFormatError::TooLarge { size: 1001, limit: 1000 }, "{format:?}");
    }
}

#[test]
fn a_large_valid_network_reads_in_reasonable_time() {
    let nodes: Vec<FileNode> = (0..5_000)
        .map(|i| FileNode { id: format!("n{i}"), label: format!("Organisatie {i}"), attributes: attrs(&[("i", AttrValue::Integer(i))]) })
        .collect();
    let edges: Vec<FileEdge> = (0..10_000)
        .map(|i| FileEdge {
            source: format!("n{}", i % 5_000),
            target: format!("n{}", (i * 7 + 1) % 5_000),
            weight: Some(1.0),
            ..Default::default()
        })
        .collect();
    let net = NetworkFile { directed: true, nodes, edges };
    for format in FORMATS {
        let started = Instant::now();
        assert_eq!(round_trip(format, &net).edges.len(), 10_000);
        assert!(started.elapsed() < Duration::from_secs(20), "{format:?} took {:?}", started.elapsed());
    }
}

#[test]
fn garbage_is_refused_by_every_reader_without_panicking() {
    let samples: [&[u8]; 9] = [
        b"",
        b"\xff\xfe<\x00g\x00",
        b"<",
        b"{",
        b"\"",
        b"<gexf><graph><nodes><node id=\"a\"><attvalues><attvalue for=\"1\"",
        b"{\"elements\": [{\"label\": [[[]]]}]}",
        b"<graphml><key/><graph><node id=\"a\"><data key=\"\">x</data></node></graph></graphml>",
        b"Source\n\"",
    ];
    for bytes in samples {
        let _ = read_gexf(bytes, &limits());
        let _ = read_graphml(bytes, &limits());
        let _ = read_kumu(bytes, &limits());
        let _ = read_gephi_csv(Some(bytes), bytes, &limits());
        let _ = read_gephi_csv(None, bytes, &limits());
    }
}

/// Found by fuzzing: names that differ only by surrounding spaces, ids with
/// control characters, and names a reader would take for a field.
#[test]
fn what_the_fuzzers_found_stays_fixed() {
    // Kumu → Gephi CSV: "  n" and "n" were two columns that read_csv then refused as one header twice.
    let kumu = r#"{"elements": [{"label": "A", "  n": 1}, {"label": "B", "n": 2}]}"#;
    let net = read_kumu(kumu.as_bytes(), &limits()).unwrap();
    assert_eq!(net.nodes[0].attributes.keys().collect::<Vec<_>>(), ["n"]);
    assert_eq!(round_trip(GraphFormat::GephiCsv, &net), net);

    // Gephi CSV → GEXF: a vertical tab in an id became U+FFFD, so the id changed.
    let e = read_gephi_csv(None, b"Source,Target\na\x0bb,c\n", &limits()).unwrap_err();
    assert_eq!((e.code(), e.line()), ("invalid", Some(2)), "{e}");
    let e = read_gexf(b"<gexf><graph><nodes><node id=\"a&#11;\"/></nodes></graph></gexf>", &limits()).unwrap_err();
    assert_eq!(e.code(), "malformed-xml");
    let mut net = network(true);
    net.nodes[0].id = "a\u{b}".into();
    assert_eq!(write_graphml(&net).unwrap_err().code(), "cannot-write");

    // A network without edges keeps its direction only where the file has a place for it.
    let lonely = NetworkFile { directed: false, nodes: network(false).nodes, edges: vec![] };
    assert!(!round_trip(GraphFormat::Gexf, &lonely).directed);
    assert!(!round_trip(GraphFormat::GraphMl, &lonely).directed);
    assert!(round_trip(GraphFormat::Kumu, &lonely).directed);

    // An attribute named like a field the reader looks for is refused even when the field is unused.
    let mut net = network(true);
    for e in &mut net.edges {
        e.weight = None;
    }
    net.edges[2].attributes.insert("weight".into(), AttrValue::Text("veel".into()));
    assert_eq!(write_graphml(&net).unwrap_err().code(), "reserved-name");
    assert_eq!(write_gephi_csv(&net).unwrap_err().code(), "reserved-name");
    let mut net = network(true);
    net.edges[2].attributes.insert("strength".into(), AttrValue::Text("sterk".into()));
    assert_eq!(write_kumu(&net).unwrap_err().code(), "reserved-name", "weights are in use");
    net.edges.iter_mut().for_each(|e| e.weight = None);
    assert_eq!(round_trip(GraphFormat::Kumu, &net), net);
}

/// Found by fuzzing (read_gexf, 2026-11-23): an attribute name with more
/// semicolons than the header row has commas made `read_csv` take `;` for the
/// delimiter of the Gephi tables, which are written with commas, so the
/// edges table came back with an empty column header. The input as
/// `cargo fuzz tmin` left it.
#[test]
fn attribute_names_with_another_delimiter_survive_gephi_csv() {
    let gexf = "<gexf >
  <graph> <attributes class=\"edge\"> <attribute id=\"1\" title=\";;;;ger\"/></attributes>
 <nodes>  <node id=\"17\" l=\"uid\"></node><node id=\"18\">  </node>
</nodes>
    <edges>>
 <edge source=\"17\" target=\"18\">
<attvalues>      <attvalue for=\"1\" />
  </attvalues> </edge>  </edges>  </graph></gexf>
";
    let net = read_gexf(gexf.as_bytes(), &limits()).unwrap();
    let back = round_trip(GraphFormat::GephiCsv, &net);
    assert_eq!((back.nodes, back.edges.len()), (net.nodes, 1));

    // Names with each delimiter the reader recognises, in both tables.
    let mut net = network(true);
    net.nodes[0].attributes.insert("a;b;c;d;e;f;g".into(), AttrValue::Text("x".into()));
    net.nodes[1].attributes.insert("h\ti\tj\tk\tl\tm\tn".into(), AttrValue::Integer(1));
    net.edges[0].attributes.insert("p;q;r;s;t;u;v;w;x".into(), AttrValue::Bool(true));
    assert_eq!(round_trip(GraphFormat::GephiCsv, &net), net);
}

/// Leaves the files Verband writes for the sample network in the test's
/// temporary directory, so that other tools can be pointed at them
/// (`scripts/check-graph-files-networkx.py` reads them with networkx and
/// compares them with `*.expected.json`; `scripts/test` runs it).
#[test]
fn sample_files_for_other_tools() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("graph-formats");
    std::fs::create_dir_all(&dir).unwrap();
    for (directed, name) in [(true, "directed"), (false, "undirected")] {
        let net = network(directed);
        let expected = serde_json::to_string_pretty(&as_networkx_shows_it(&net)).unwrap();
        std::fs::write(dir.join(format!("{name}.expected.json")), expected).unwrap();
        std::fs::write(dir.join(format!("{name}.gexf")), write_gexf(&net).unwrap()).unwrap();
        std::fs::write(dir.join(format!("{name}.graphml")), write_graphml(&net).unwrap()).unwrap();
        std::fs::write(dir.join(format!("{name}.kumu.json")), write_kumu(&net).unwrap()).unwrap();
        let csv = write_gephi_csv(&net).unwrap();
        std::fs::write(dir.join(format!("{name}.nodes.csv")), csv.nodes).unwrap();
        std::fs::write(dir.join(format!("{name}.edges.csv")), csv.edges).unwrap();
    }
}

/// The network as networkx should show it after reading any of the files:
/// node data `label` plus the attributes, edge data `weight`, `kind`, `label`
/// plus the attributes, each value with its JSON type (integer, number, text,
/// boolean). Built from the test's data, not by a Verband writer, so that a
/// writer that drops or retypes a value cannot change the reference with it.
fn as_networkx_shows_it(net: &NetworkFile) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let typed = |v: &AttrValue| match v {
        AttrValue::Text(t) => json!(t),
        AttrValue::Number(n) => json!(n),
        AttrValue::Integer(i) => json!(i),
        AttrValue::Bool(b) => json!(b),
    };
    let nodes: Map<String, Value> = net
        .nodes
        .iter()
        .map(|n| {
            let mut data = Map::new();
            data.insert("label".into(), json!(n.label));
            data.extend(n.attributes.iter().map(|(k, v)| (k.clone(), typed(v))));
            (n.id.clone(), Value::Object(data))
        })
        .collect();
    let edges: Vec<Value> = net
        .edges
        .iter()
        .map(|e| {
            let mut data = Map::new();
            if let Some(w) = e.weight {
                data.insert("weight".into(), json!(w));
            }
            if let Some(k) = &e.kind {
                data.insert("kind".into(), json!(k));
            }
            if let Some(l) = &e.label {
                data.insert("label".into(), json!(l));
            }
            data.extend(e.attributes.iter().map(|(k, v)| (k.clone(), typed(v))));
            json!([e.source, e.target, data])
        })
        .collect();
    json!({"directed": net.directed, "nodes": nodes, "edges": edges})
}
