//! `verband analyze` as a user runs it: the real binary on files written to a temporary
//! folder, checked against networkx's values for Zachary's karate club
//! (`shared/oracles/karate.json`, beside the repository).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use verband_formats::{write_gexf, write_graphml, FileEdge, FileNode, NetworkFile};

const ORACLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/oracles/karate.json");

/// The values networkx computed (rounded to 9 decimals) and the edges they were computed on.
struct Oracle {
    n: usize,
    edges: Vec<(usize, usize, f64)>,
    nx: Value,
}

fn oracle() -> Oracle {
    let text = std::fs::read_to_string(ORACLE).unwrap_or_else(|e| panic!("{ORACLE}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap();
    let edges = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e[0].as_u64().unwrap() as usize, e[1].as_u64().unwrap() as usize, e[2].as_f64().unwrap()))
        .collect();
    Oracle { n: json["n"].as_u64().unwrap() as usize, edges, nx: json["networkx"].clone() }
}

/// The karate club as Verband's writers would export it: labels differ from ids, so the
/// output's `label` is checked to come from the file.
fn karate_file(o: &Oracle) -> NetworkFile {
    NetworkFile {
        directed: false,
        nodes: (0..o.n).map(|i| FileNode { id: i.to_string(), label: format!("Member {i}"), ..Default::default() }).collect(),
        edges: o
            .edges
            .iter()
            .map(|&(u, v, w)| FileEdge { source: u.to_string(), target: v.to_string(), weight: Some(w), ..Default::default() })
            .collect(),
    }
}

fn analyze(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verband"))
        .arg("analyze")
        .args(args)
        .current_dir(dir)
        .env_remove("VERBAND_DATABASE_URL")
        .env_remove("VERBAND_DATA")
        .env("VERBAND_LOG", "warn")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status, stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Checks the per-node `metric` of the output against `expected` (one value per node, in the
/// oracle's node order = the file's order).
fn close(out: &Value, metric: &str, expected: &[f64], tolerance: f64) {
    let nodes = out["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), expected.len(), "{metric}");
    for (i, (node, want)) in nodes.iter().zip(expected).enumerate() {
        assert_eq!(node["id"], i.to_string());
        let got = node[metric].as_f64().unwrap_or_else(|| panic!("{metric} of node {i}: {}", node[metric]));
        assert!((got - want).abs() <= tolerance, "{metric} of node {i}: {got} != {want}");
    }
}

fn vector(nx: &Value, key: &str) -> Vec<f64> {
    nx[key].as_array().unwrap_or_else(|| panic!("oracle has no {key}")).iter().map(|v| v.as_f64().unwrap()).collect()
}

#[test]
fn karate_from_graphml_matches_networkx() {
    let o = oracle();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("karate.graphml"), write_graphml(&karate_file(&o)).unwrap()).unwrap();
    let out = json(&analyze(dir.path(), &["karate.graphml"]));

    close(&out, "betweenness", &vector(&o.nx, "betweenness_normalized"), 1e-9);
    close(&out, "closeness", &vector(&o.nx, "closeness_wf"), 1e-9);
    close(&out, "harmonic", &vector(&o.nx, "harmonic"), 1e-9);
    close(&out, "clustering", &vector(&o.nx, "clustering_local"), 1e-9);
    close(&out, "degree_centrality", &vector(&o.nx, "degree_centrality"), 1e-9);
    close(&out, "degree", &vector(&o.nx, "degree"), 0.0);
    close(&out, "core_number", &vector(&o.nx, "core_number"), 0.0);
    close(&out, "component", &vector(&o.nx, "components_membership"), 0.0);
    close(&out, "pagerank", &vector(&o.nx, "pagerank"), 1e-6);
    close(&out, "eigenvector", &vector(&o.nx, "eigenvector_l2_numpy"), 1e-6);

    let graph = &out["graph"];
    assert_eq!(graph["nodes"], 34);
    assert_eq!(graph["edges"], 78);
    assert_eq!(graph["directed"], false);
    assert_eq!(graph["components"], 1);
    assert_eq!(graph["isolated"], 0);
    assert!(graph.get("reciprocity").is_none(), "reciprocity is for directed graphs only");
    for (ours, theirs) in [
        ("density", "density"),
        ("transitivity", "transitivity"),
        ("average_clustering", "average_clustering_count_zeros"),
        ("degree_centralization", "degree_centralization_freeman"),
    ] {
        let (got, want) = (graph[ours].as_f64().unwrap(), o.nx[theirs].as_f64().unwrap());
        assert!((got - want).abs() <= 1e-9, "{ours}: {got} != {want}");
    }
    // Louvain is seeded but draws its order differently from networkx (Q = 0.385 there);
    // any good partition of the karate club lies between the two-faction split and the optimum.
    let q = graph["modularity"].as_f64().unwrap();
    assert!((0.37..=0.42).contains(&q), "modularity {q}");
    let node = &out["nodes"][33];
    assert_eq!(node["label"], "Member 33");
    assert!(node.get("x").is_none(), "layout only when asked");
}

#[test]
fn json_keys_come_in_the_documented_order() {
    let o = oracle();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("karate.graphml"), write_graphml(&karate_file(&o)).unwrap()).unwrap();
    let out = analyze(dir.path(), &["karate.graphml", "--metrics", "pagerank,degree,density,nodes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The text, not a parsed map (whose keys serde_json sorts).
    let text = stdout(&out);
    assert!(text.starts_with(r#"{"graph":{"nodes":34,"density":0.13903743315508"#), "{text}");
    assert!(text.contains(r#""nodes":[{"id":"0","label":"Member 0","degree":16,"pagerank":0.09"#), "{text}");
}

#[test]
fn karate_from_gexf_with_weights_matches_networkx() {
    let o = oracle();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("karate.gexf"), write_gexf(&karate_file(&o)).unwrap()).unwrap();
    let out = json(&analyze(dir.path(), &["karate.gexf", "--weighted", "--metrics", "betweenness,closeness,pagerank,nodes"]));

    // Weights are lengths for betweenness and closeness, strengths for PageRank.
    let pairs = ((o.n - 1) * (o.n - 2)) as f64 / 2.0;
    let betweenness: Vec<f64> = vector(&o.nx, "betweenness_weighted_raw").iter().map(|b| b / pairs).collect();
    close(&out, "betweenness", &betweenness, 1e-9);
    close(&out, "closeness", &vector(&o.nx, "closeness_weighted_wf"), 1e-9);
    close(&out, "pagerank", &vector(&o.nx, "pagerank_weighted"), 1e-6);
    assert_eq!(out["graph"], serde_json::json!({"nodes": 34}));
    assert!(out["nodes"][0].get("degree").is_none());
}

#[test]
fn edge_lists_as_the_benchmark_writes_them_and_timings() {
    let o = oracle();
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("# karate club, as bench/graph/gen.py writes edge lists\n");
    for (u, v, _) in &o.edges {
        text.push_str(&format!("{u} {v}\n"));
    }
    std::fs::write(dir.path().join("karate.txt"), &text).unwrap();
    let out = json(&analyze(dir.path(), &["karate.txt", "--metrics", "pagerank,closeness,edges"]));
    close(&out, "pagerank", &vector(&o.nx, "pagerank"), 1e-6);
    close(&out, "closeness", &vector(&o.nx, "closeness_wf"), 1e-9);
    assert_eq!(out["graph"]["edges"], 78);
    assert_eq!(out["nodes"][5]["label"], "5");

    // The keys and order of the analyze_timing example, which bench/graph/compare.py reads.
    let timed = analyze(dir.path(), &["karate.txt", "--timings", "--skip-slow"]);
    assert!(timed.status.success(), "{}", stderr(&timed));
    let line = stdout(&timed);
    let keys: Vec<String> = line
        .trim()
        .trim_matches(['{', '}'])
        .split(", ")
        .map(|pair| {
            let (key, secs) = pair.split_once(": ").unwrap();
            assert!(secs.parse::<f64>().unwrap() >= 0.0, "{pair}");
            key.trim_matches('"').to_string()
        })
        .collect();
    let example = "build degree_centrality density degree_centralization harmonic eigenvector pagerank \
                   connected_components core_number transitivity average_clustering louvain layout";
    assert_eq!(keys.join(" "), example);
    serde_json::from_str::<Value>(&line).unwrap();
    // Nothing but the result on stdout, and no database folder made.
    assert!(!dir.path().join("verband-data").exists());
}

#[test]
fn csv_and_table_show_every_node() {
    let o = oracle();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("karate.graphml"), write_graphml(&karate_file(&o)).unwrap()).unwrap();

    let csv = analyze(dir.path(), &["karate.graphml", "--format", "csv", "--metrics", "degree,pagerank,density,layout"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = stdout(&csv);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,label,degree,pagerank,x,y");
    assert_eq!(lines.len(), 35, "{text}");
    let row: Vec<&str> = lines[34].split(',').collect();
    assert_eq!(row[..3], ["33", "Member 33", "17"]);
    // Full precision: the number reads back as networkx's value, not a rounded one.
    let pagerank: f64 = row[3].parse().unwrap();
    assert!((pagerank - vector(&o.nx, "pagerank")[33]).abs() < 1e-6 && row[3].len() > 10, "{}", row[3]);
    let x: f64 = row[4].parse().unwrap();
    assert!((-1.0..=1.0).contains(&x));
    // Graph values on stderr, so stdout stays a plain table.
    assert!(stderr(&csv).lines().any(|l| l.starts_with("# density,0.139037433")), "{}", stderr(&csv));

    let table = analyze(dir.path(), &["karate.graphml", "--format", "table", "--sort", "pagerank", "--top", "3"]);
    assert!(table.status.success(), "{}", stderr(&table));
    let text = stdout(&table);
    assert!(text.contains("GraphML"), "{text}");
    assert!(text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["nodes", "34"]), "{text}");
    let header = text.lines().find(|l| l.starts_with("id ")).unwrap_or_else(|| panic!("{text}"));
    assert!(header.contains("pagerank") && header.contains("community"), "{header}");
    // The three members with the highest PageRank in networkx: 33, 0, 32.
    let first: Vec<&str> =
        text.lines().skip_while(|l| !l.starts_with("id ")).skip(1).take(3).map(|l| l.split("  ").next().unwrap()).collect();
    assert_eq!(first, ["33", "0", "32"], "{text}");
    assert!(text.contains("(3 of 34 nodes shown)"));
    // Aligned: every row of the node table as long as its header.
    let widths: Vec<usize> = text.lines().skip_while(|l| !l.starts_with("id ")).take(4).map(|l| l.chars().count()).collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}\n{text}");
}

#[test]
fn directed_files_and_gephi_tables() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("edges.csv"), "Source,Target,Type\r\na,b,Directed\r\nb,a,Directed\r\nb,c,Directed\r\n").unwrap();
    std::fs::write(dir.path().join("nodes.csv"), "Id,Label\r\na,Alpha\r\nb,Beta\r\nc,Gamma\r\nd,Delta\r\n").unwrap();
    let out = json(&analyze(dir.path(), &["edges.csv", "--nodes", "nodes.csv", "--metrics", "reciprocity,isolated,degree,components"]));
    // a⇄b is mutual, b→c is not: 2 of 3 arcs are reciprocated; d has no edges.
    assert_eq!(out["graph"], serde_json::json!({"components": 2, "isolated": 1, "reciprocity": 2.0 / 3.0}));
    assert_eq!(out["nodes"][3], serde_json::json!({"id": "d", "label": "Delta", "degree": 0}));

    std::fs::write(dir.path().join("net.gexf"), write_gexf(&NetworkFile::default()).unwrap()).unwrap();
    let out = analyze(dir.path(), &["net.gexf", "--nodes", "nodes.csv"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--nodes goes with a Gephi edges table, but net.gexf is read as GEXF"), "{}", stderr(&out));
}

#[test]
fn malformed_file_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let gexf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <graph defaultedgetype=\"undirected\">\n    <nodes>\n      <node id=\"a\" label=\"A\">\n    </nodes>\n  </graph>\n</gexf>\n";
    std::fs::write(dir.path().join("broken.gexf"), gexf).unwrap();
    let out = analyze(dir.path(), &["broken.gexf"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    // The unclosed <node> on line 5, which </nodes> on line 6 runs into.
    assert!(message.starts_with("verband: broken.gexf (read as GEXF): line 5, column 7:"), "{message}");
    assert!(message.contains("line 6"), "{message}");

    std::fs::write(dir.path().join("bad.txt"), "1 2\n2 3 heavy\n").unwrap();
    let out = analyze(dir.path(), &["bad.txt"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 2: the weight \"heavy\" is not a positive number"), "{}", stderr(&out));

    let out = analyze(dir.path(), &["missing.gexf"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot read missing.gexf"), "{}", stderr(&out));

    std::fs::write(dir.path().join("notes.txt"), "Dear network,\nthis is a letter.\n").unwrap();
    let out = analyze(dir.path(), &["notes.txt"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("notes.txt: unknown network format"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--input-format"), "{}", stderr(&out));
}

#[test]
fn unknown_metric_lists_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.txt"), "0 1\n").unwrap();
    let out = analyze(dir.path(), &["e.txt", "--metrics", "pagerank,centrality"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    assert!(message.contains("unknown metric \"centrality\""), "{message}");
    for name in ["degree_centrality", "betweenness", "pagerank", "community", "modularity", "reciprocity", "layout"] {
        assert!(message.contains(name), "{name} missing from: {message}");
    }
}
