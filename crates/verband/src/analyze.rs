//! `verband analyze FILE`: network metrics for a file, without a database.
//!
//! Reads GEXF, GraphML, Kumu JSON, a Gephi edges table (with `--nodes` for its
//! nodes table) or a plain edge list, builds a [`verband_graph::Graph`] and
//! prints the chosen metrics as JSON, CSV or an aligned table.
//!
//! Choices a user meets (also in `verband analyze --help` and the README):
//! - Metrics follow `verband-graph`, i.e. networkx 3.6's defaults: normalised
//!   betweenness, closeness with the Wasserman–Faust correction (incoming
//!   distances when directed), PageRank with α = 0.85, eigenvector centrality
//!   with unit length, Louvain seeded (`--seed`, default 42). Components are
//!   weakly connected ones; self-loops are dropped and parallel edges merged.
//! - Weights are ignored unless `--weighted`: then they are lengths for
//!   betweenness, closeness and harmonic centrality and strengths for
//!   PageRank, eigenvector, Louvain, modularity and the layout.
//! - CSV output is a plain table (one row per node) so that a spreadsheet
//!   opens it as is; the graph-level values go to stderr as `# name,value`
//!   lines instead of comment lines that spreadsheets would show as rows.
//! - `--timings` prints `{"build": s, "<step>": s, …}` with the keys and in the
//!   order of `crates/verband-graph/examples/analyze_timing.rs`, which
//!   `bench/graph/compare.py` reads.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use verband_formats::{
    detect_graph_format, read_gephi_csv, read_gexf, read_graphml, read_kumu, write_csv, Delimiter, GraphFormat, NetworkFile, ReadLimits,
    Table,
};
use verband_graph::centrality::{self, BetweennessOptions, ClosenessOptions};
use verband_graph::clustering;
use verband_graph::community::{self, LouvainOptions};
use verband_graph::layout::{self, LayoutOptions};
use verband_graph::summary::{self, DegreeMode};
use verband_graph::{components, Graph, NodeId};

#[derive(Args, Clone)]
pub struct AnalyzeArgs {
    /// The network file: GEXF, GraphML, Kumu JSON, a Gephi edges table (CSV) or an edge list
    /// (`u v` or `u v weight` per line, `#` starts a comment). Told apart by content.
    file: PathBuf,
    /// Output: json (one object), csv (one row per node; graph values on stderr) or table.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    format: OutputFormat,
    /// Comma-separated metrics (default: all but layout). Per node: degree, degree_centrality,
    /// betweenness, closeness, harmonic, eigenvector, pagerank, core_number, clustering,
    /// community, component; for the graph: nodes, edges, directed, density,
    /// degree_centralization, components, isolated, transitivity, average_clustering,
    /// reciprocity (directed graphs), modularity; and layout (x, y per node).
    #[arg(long, value_delimiter = ',')]
    metrics: Option<Vec<String>>,
    /// The nodes table that belongs to a Gephi edges table given as FILE.
    #[arg(long, value_name = "NODES.csv")]
    nodes: Option<PathBuf>,
    /// Read FILE as this format instead of telling it by its content.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Use edge weights: as lengths for betweenness, closeness and harmonic centrality, as
    /// strengths for PageRank, eigenvector, Louvain, modularity and layout.
    #[arg(long)]
    weighted: bool,
    /// Read an edge list as directed (the other formats say so themselves).
    #[arg(long)]
    directed: bool,
    /// Seed of Louvain and the layout: the same seed gives the same communities and positions.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Order the nodes by this per-node metric, highest first.
    #[arg(long, value_name = "METRIC")]
    sort: Option<String>,
    /// Show only the first N nodes (after --sort).
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Print only how long each step took, as JSON seconds (as the benchmark's analyze_timing
    /// example does); with no --metrics, every metric including layout is timed.
    #[arg(long)]
    timings: bool,
    /// Leave out betweenness and closeness, which take O(n·m) time.
    #[arg(long)]
    skip_slow: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Json,
    Csv,
    Table,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
enum InputFormat {
    Gexf,
    Graphml,
    Kumu,
    GephiCsv,
    Edgelist,
}

impl InputFormat {
    fn name(self) -> &'static str {
        match self {
            InputFormat::Gexf => "GEXF",
            InputFormat::Graphml => "GraphML",
            InputFormat::Kumu => "Kumu JSON",
            InputFormat::GephiCsv => "Gephi CSV",
            InputFormat::Edgelist => "edge list",
        }
    }
}

/// What a user can ask for in `--metrics`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Metric {
    Degree,
    DegreeCentrality,
    Betweenness,
    Closeness,
    Harmonic,
    Eigenvector,
    Pagerank,
    CoreNumber,
    Clustering,
    Community,
    Component,
    Nodes,
    Edges,
    Directed,
    Density,
    DegreeCentralization,
    Components,
    Isolated,
    Transitivity,
    AverageClustering,
    Reciprocity,
    Modularity,
    Layout,
}

/// Per-node metrics, in the order of the output columns.
const NODE_METRICS: [Metric; 11] = [
    Metric::Degree,
    Metric::DegreeCentrality,
    Metric::Betweenness,
    Metric::Closeness,
    Metric::Harmonic,
    Metric::Eigenvector,
    Metric::Pagerank,
    Metric::CoreNumber,
    Metric::Clustering,
    Metric::Community,
    Metric::Component,
];

/// Graph-level metrics, in output order.
const GRAPH_METRICS: [Metric; 11] = [
    Metric::Nodes,
    Metric::Edges,
    Metric::Directed,
    Metric::Density,
    Metric::DegreeCentralization,
    Metric::Components,
    Metric::Isolated,
    Metric::Transitivity,
    Metric::AverageClustering,
    Metric::Reciprocity,
    Metric::Modularity,
];

impl Metric {
    fn name(self) -> &'static str {
        match self {
            Metric::Degree => "degree",
            Metric::DegreeCentrality => "degree_centrality",
            Metric::Betweenness => "betweenness",
            Metric::Closeness => "closeness",
            Metric::Harmonic => "harmonic",
            Metric::Eigenvector => "eigenvector",
            Metric::Pagerank => "pagerank",
            Metric::CoreNumber => "core_number",
            Metric::Clustering => "clustering",
            Metric::Community => "community",
            Metric::Component => "component",
            Metric::Nodes => "nodes",
            Metric::Edges => "edges",
            Metric::Directed => "directed",
            Metric::Density => "density",
            Metric::DegreeCentralization => "degree_centralization",
            Metric::Components => "components",
            Metric::Isolated => "isolated",
            Metric::Transitivity => "transitivity",
            Metric::AverageClustering => "average_clustering",
            Metric::Reciprocity => "reciprocity",
            Metric::Modularity => "modularity",
            Metric::Layout => "layout",
        }
    }

    fn all() -> impl Iterator<Item = Metric> {
        NODE_METRICS.into_iter().chain(GRAPH_METRICS).chain([Metric::Layout])
    }

    fn parse(name: &str) -> Option<Metric> {
        Metric::all().find(|m| m.name() == name)
    }

    /// The output columns of a per-node metric (none for a graph-level one).
    fn columns(self) -> Vec<&'static str> {
        match self {
            Metric::Layout => vec!["x", "y"],
            m if NODE_METRICS.contains(&m) => vec![m.name()],
            _ => Vec::new(),
        }
    }
}

/// One timed computation. The order of [`STEPS`] and the keys are those of the
/// `analyze_timing` example, so the benchmark can use either.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    DegreeCentrality,
    Density,
    DegreeCentralization,
    Betweenness,
    Closeness,
    Harmonic,
    Eigenvector,
    Pagerank,
    ConnectedComponents,
    CoreNumber,
    Transitivity,
    AverageClustering,
    Reciprocity,
    Louvain,
    Layout,
}

const STEPS: [Step; 15] = [
    Step::DegreeCentrality,
    Step::Density,
    Step::DegreeCentralization,
    Step::Betweenness,
    Step::Closeness,
    Step::Harmonic,
    Step::Eigenvector,
    Step::Pagerank,
    Step::ConnectedComponents,
    Step::CoreNumber,
    Step::Transitivity,
    Step::AverageClustering,
    Step::Reciprocity,
    Step::Louvain,
    Step::Layout,
];

impl Step {
    fn key(self) -> &'static str {
        match self {
            Step::DegreeCentrality => "degree_centrality",
            Step::Density => "density",
            Step::DegreeCentralization => "degree_centralization",
            Step::Betweenness => "betweenness",
            Step::Closeness => "closeness",
            Step::Harmonic => "harmonic",
            Step::Eigenvector => "eigenvector",
            Step::Pagerank => "pagerank",
            Step::ConnectedComponents => "connected_components",
            Step::CoreNumber => "core_number",
            Step::Transitivity => "transitivity",
            Step::AverageClustering => "average_clustering",
            Step::Reciprocity => "reciprocity",
            Step::Louvain => "louvain",
            Step::Layout => "layout",
        }
    }

    /// The metrics this step gives. Nodes, edges, directed and isolated need no step.
    fn metrics(self) -> &'static [Metric] {
        match self {
            Step::DegreeCentrality => &[Metric::Degree, Metric::DegreeCentrality],
            Step::Density => &[Metric::Density],
            Step::DegreeCentralization => &[Metric::DegreeCentralization],
            Step::Betweenness => &[Metric::Betweenness],
            Step::Closeness => &[Metric::Closeness],
            Step::Harmonic => &[Metric::Harmonic],
            Step::Eigenvector => &[Metric::Eigenvector],
            Step::Pagerank => &[Metric::Pagerank],
            Step::ConnectedComponents => &[Metric::Component, Metric::Components],
            Step::CoreNumber => &[Metric::CoreNumber],
            Step::Transitivity => &[Metric::Transitivity],
            Step::AverageClustering => &[Metric::Clustering, Metric::AverageClustering],
            Step::Reciprocity => &[Metric::Reciprocity],
            Step::Louvain => &[Metric::Community, Metric::Modularity],
            Step::Layout => &[Metric::Layout],
        }
    }

    fn slow(self) -> bool {
        matches!(self, Step::Betweenness | Step::Closeness)
    }
}

/// The metrics of `--metrics`, or the default set.
fn chosen_metrics(given: Option<&[String]>, timings: bool) -> anyhow::Result<Vec<Metric>> {
    let Some(names) = given else {
        // The timing run stands in for the benchmark's example, which times the layout too.
        return Ok(Metric::all().filter(|m| timings || *m != Metric::Layout).collect());
    };
    let mut chosen = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match Metric::parse(name) {
            Some(m) if !chosen.contains(&m) => chosen.push(m),
            Some(_) => {}
            None => bail!("unknown metric {name:?}: use {}", metric_list()),
        }
    }
    if chosen.is_empty() {
        bail!("--metrics names no metric: use {}", metric_list());
    }
    Ok(chosen)
}

fn metric_list() -> String {
    let names = |ms: &[Metric]| ms.iter().map(|m| m.name()).collect::<Vec<_>>().join(", ");
    format!("per node {}; for the graph {}; or layout", names(&NODE_METRICS), names(&GRAPH_METRICS))
}

/// A network as the metrics need it: nodes `0..n` with the file's ids and labels.
struct Network {
    format: InputFormat,
    directed: bool,
    /// Whether any edge in the file has a weight (used or not).
    has_weights: bool,
    ids: Vec<String>,
    labels: Vec<String>,
    edges: Vec<(NodeId, NodeId, Option<f64>)>,
}

impl Network {
    fn new(format: InputFormat, directed: bool, ids: Vec<String>, labels: Vec<String>, edges: Vec<(NodeId, NodeId, Option<f64>)>) -> Self {
        let has_weights = edges.iter().any(|e| e.2.is_some());
        Network { format, directed, has_weights, ids, labels, edges }
    }
}

/// Values per node.
enum Column {
    Count(Vec<u64>),
    Real(Vec<f64>),
}

/// A graph-level value.
#[derive(Clone, Copy)]
enum Value {
    Count(u64),
    Real(f64),
    Flag(bool),
    /// Not defined for this graph (reciprocity without edges).
    Missing,
}

#[derive(Default)]
struct Results {
    nodes: HashMap<&'static str, Column>,
    graph: HashMap<&'static str, Value>,
}

struct Options {
    weighted: bool,
    seed: u64,
}

pub fn run(args: &AnalyzeArgs) -> anyhow::Result<()> {
    let metrics = chosen_metrics(args.metrics.as_deref(), args.timings)?;
    let sort = match &args.sort {
        Some(name) => match Metric::parse(name.trim()) {
            Some(m) if NODE_METRICS.contains(&m) && metrics.contains(&m) => Some(m),
            Some(m) if NODE_METRICS.contains(&m) => bail!("--sort {name}: add {name} to --metrics to sort by it"),
            _ => bail!("--sort {name:?}: sort by one of the per-node metrics {}", NODE_METRICS.map(Metric::name).join(", ")),
        },
        None => None,
    };
    let mut progress = Progress::start();

    progress.message("reading the file");
    let mut network = read_network(args)?;
    if !args.weighted {
        // An unweighted graph, so that no metric can use the weights by accident.
        network.edges.iter_mut().for_each(|e| e.2 = None);
    }

    progress.message("building the graph");
    let start = Instant::now();
    let graph = Graph::from_edges(network.ids.len(), network.directed, &network.edges)
        .with_context(|| format!("building the graph of {}", args.file.display()))?;
    let mut times = vec![("build", start.elapsed().as_secs_f64())];

    let steps: Vec<Step> = STEPS
        .into_iter()
        .filter(|s| s.metrics().iter().any(|m| metrics.contains(m)))
        .filter(|s| !(args.skip_slow && s.slow()))
        // Reciprocity is 1 by definition when every edge goes both ways.
        .filter(|s| *s != Step::Reciprocity || graph.is_directed())
        .collect();
    progress.set_length(steps.len());
    let options = Options { weighted: args.weighted, seed: args.seed };
    let mut results = Results::default();
    for step in &steps {
        progress.message(step.key());
        let start = Instant::now();
        run_step(*step, &graph, &options, &mut results);
        times.push((step.key(), start.elapsed().as_secs_f64()));
        progress.done_one();
    }
    progress.finish();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.timings {
        // Formatted as analyze_timing prints it, so that the two are interchangeable.
        let body: Vec<String> = times.iter().map(|(name, secs)| format!("\"{name}\": {secs:.6}")).collect();
        writeln!(out, "{{{}}}", body.join(", "))?;
    } else {
        free_graph_values(&graph, &mut results);
        let report = Report::new(&network, &metrics, &results, sort, args.top);
        match args.format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, &report)?;
                writeln!(out)?;
            }
            OutputFormat::Csv => {
                // Graph values go to stderr: stdout stays a table any spreadsheet opens.
                let mut err = std::io::stderr().lock();
                for (name, value) in &report.graph {
                    writeln!(err, "# {name},{}", value_text(*value))?;
                }
                out.write_all(&report.csv())?;
            }
            OutputFormat::Table => out.write_all(report.table(&args.file, args.weighted).as_bytes())?,
        }
    }
    out.flush().context("writing the results")?;
    Ok(())
}

fn run_step(step: Step, g: &Graph, o: &Options, r: &mut Results) {
    let weighted = o.weighted;
    match step {
        Step::DegreeCentrality => {
            let degree = centrality::degree(g).into_iter().map(|d| d as u64).collect();
            r.nodes.insert("degree", Column::Count(degree));
            r.nodes.insert("degree_centrality", Column::Real(centrality::degree_centrality(g)));
        }
        Step::Density => {
            r.graph.insert("density", Value::Real(summary::density(g)));
        }
        Step::DegreeCentralization => {
            // In + out degree on directed graphs, as the benchmark example measures it.
            r.graph.insert("degree_centralization", Value::Real(summary::degree_centralization(g, DegreeMode::All)));
        }
        Step::Betweenness => {
            let opts = BetweennessOptions { weighted, ..BetweennessOptions::default() };
            r.nodes.insert("betweenness", Column::Real(centrality::betweenness(g, opts)));
        }
        Step::Closeness => {
            let opts = ClosenessOptions { weighted, ..ClosenessOptions::default() };
            r.nodes.insert("closeness", Column::Real(centrality::closeness(g, opts)));
        }
        Step::Harmonic => {
            r.nodes.insert("harmonic", Column::Real(centrality::harmonic(g, weighted)));
        }
        Step::Eigenvector => {
            r.nodes.insert("eigenvector", Column::Real(centrality::eigenvector(g, weighted)));
        }
        Step::Pagerank => {
            r.nodes.insert("pagerank", Column::Real(centrality::pagerank(g, 0.85, weighted)));
        }
        Step::ConnectedComponents => {
            let c = components::connected(g);
            r.graph.insert("components", Value::Count(c.count as u64));
            r.nodes.insert("component", Column::Count(c.membership.into_iter().map(u64::from).collect()));
        }
        Step::CoreNumber => {
            r.nodes.insert("core_number", Column::Count(clustering::core_number(g).into_iter().map(u64::from).collect()));
        }
        Step::Transitivity => {
            r.graph.insert("transitivity", Value::Real(clustering::transitivity(g)));
        }
        Step::AverageClustering => {
            // The mean of the local values is what average_clustering(CountZeros) computes;
            // doing it here spares a second pass over the triangles when both are asked.
            let local = clustering::local_clustering(g);
            let average = if local.is_empty() { 0.0 } else { local.iter().sum::<f64>() / local.len() as f64 };
            r.graph.insert("average_clustering", Value::Real(average));
            r.nodes.insert("clustering", Column::Real(local));
        }
        Step::Reciprocity => {
            r.graph.insert("reciprocity", summary::reciprocity(g).map_or(Value::Missing, Value::Real));
        }
        Step::Louvain => {
            let c = community::louvain(g, LouvainOptions { seed: o.seed, weighted, resolution: 1.0 });
            r.graph.insert("modularity", Value::Real(c.modularity));
            r.nodes.insert("community", Column::Count(c.membership.into_iter().map(u64::from).collect()));
        }
        Step::Layout => {
            let xy = layout::force_directed(g, LayoutOptions { seed: o.seed, weighted, ..LayoutOptions::default() });
            r.nodes.insert("x", Column::Real(xy.iter().map(|p| p[0]).collect()));
            r.nodes.insert("y", Column::Real(xy.iter().map(|p| p[1]).collect()));
        }
    }
}

/// The graph values that need no computation of their own.
fn free_graph_values(g: &Graph, r: &mut Results) {
    r.graph.insert("nodes", Value::Count(g.node_count() as u64));
    r.graph.insert("edges", Value::Count(g.edge_count() as u64));
    r.graph.insert("directed", Value::Flag(g.is_directed()));
    let isolated = (0..g.node_count() as NodeId).filter(|&v| g.degree(v) == 0).count();
    r.graph.insert("isolated", Value::Count(isolated as u64));
}

// ---------------------------------------------------------------- reading

fn read_network(args: &AnalyzeArgs) -> anyhow::Result<Network> {
    let path = &args.file;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let format = match args.input_format {
        Some(f) => f,
        // A nodes table makes FILE an edges table, whatever its header, unless it is plainly
        // another format (then the check below says so).
        None if args.nodes.is_some() => match detect_graph_format(&bytes) {
            GraphFormat::Gexf => InputFormat::Gexf,
            GraphFormat::GraphMl => InputFormat::Graphml,
            GraphFormat::Kumu => InputFormat::Kumu,
            GraphFormat::GephiCsv => InputFormat::GephiCsv,
        },
        None => detect(&bytes).with_context(|| format!("{}: unknown network format", path.display()))?,
    };
    if args.nodes.is_some() && format != InputFormat::GephiCsv {
        bail!("--nodes goes with a Gephi edges table, but {} is read as {}", path.display(), format.name());
    }
    // The web upload has its own size limit; here the file is the user's own, so only the
    // nesting limit (which guards the parsers' stacks) stays.
    let limits = ReadLimits { max_bytes: usize::MAX, ..ReadLimits::default() };
    let file = match format {
        InputFormat::Gexf => read_gexf(&bytes, &limits),
        InputFormat::Graphml => read_graphml(&bytes, &limits),
        InputFormat::Kumu => read_kumu(&bytes, &limits),
        InputFormat::GephiCsv => {
            let nodes = match &args.nodes {
                Some(p) => Some(std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?),
                None => None,
            };
            read_gephi_csv(nodes.as_deref(), &bytes, &limits)
        }
        InputFormat::Edgelist => {
            return read_edge_list(&bytes, args.directed).with_context(|| format!("{} (read as an edge list)", path.display()));
        }
    };
    let file = file.with_context(|| format!("{} (read as {})", path.display(), format.name()))?;
    from_file(file, format)
}

/// Tells the formats apart by content. GEXF, GraphML and Kumu announce themselves; the rest is
/// a Gephi table when its first line names the Source and Target columns, an edge list when
/// it holds two or three fields separated by spaces.
fn detect(bytes: &[u8]) -> anyhow::Result<InputFormat> {
    match detect_graph_format(bytes) {
        GraphFormat::Gexf => return Ok(InputFormat::Gexf),
        GraphFormat::GraphMl => return Ok(InputFormat::Graphml),
        GraphFormat::Kumu => return Ok(InputFormat::Kumu),
        GraphFormat::GephiCsv => {}
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    let head = head.strip_prefix('\u{feff}').unwrap_or(&head);
    let first = head.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#'));
    let Some(first) = first else {
        bail!("the file holds no nodes or edges");
    };
    let cells: Vec<String> = first.split([',', ';', '\t']).map(|c| c.trim().trim_matches('"').to_ascii_lowercase()).collect();
    if cells.iter().any(|c| c == "source") && cells.iter().any(|c| c == "target") {
        return Ok(InputFormat::GephiCsv);
    }
    let fields = first.split_whitespace().count();
    if (2..=3).contains(&fields) && !first.contains([',', ';', '"']) {
        return Ok(InputFormat::Edgelist);
    }
    bail!(
        "it is not GEXF, GraphML or Kumu JSON, and its first line is neither a Gephi edges table header \
         (Source,Target,…) nor an edge (`u v` or `u v weight`); name the format with --input-format"
    )
}

/// Reads `u v` or `u v weight` lines; blank lines and lines starting with `#` are skipped.
///
/// Ids that are all whole numbers, at least half of `0..=max` of them present, are taken as
/// node numbers: the nodes are `0..=max`, ids that appear on no line included, as the
/// benchmark's scripts and igraph read such files. Any other ids are names, numbered in order
/// of appearance.
fn read_edge_list(bytes: &[u8], directed: bool) -> anyhow::Result<Network> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow::anyhow!("line {line}: the file is not UTF-8 text")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<(&str, &str, Option<f64>)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let weight = match fields.as_slice() {
            [_, _] => None,
            [_, _, w] => match w.parse::<f64>() {
                Ok(x) if x.is_finite() && x > 0.0 => Some(x),
                _ => bail!("line {}: the weight {w:?} is not a positive number", index + 1),
            },
            _ => bail!("line {}: expected `u v` or `u v weight`, found {} fields", index + 1, fields.len()),
        };
        lines.push((fields[0], fields[1], weight));
    }

    let numbers: Option<Vec<(u32, u32)>> = lines.iter().map(|(u, v, _)| Some((u.parse().ok()?, v.parse().ok()?))).collect();
    if let Some(numbers) = numbers {
        let max = numbers.iter().map(|&(u, v)| u.max(v)).max();
        let mut seen = std::collections::HashSet::new();
        for &(u, v) in &numbers {
            seen.insert(u);
            seen.insert(v);
        }
        if let Some(max) = max.filter(|&m| (seen.len() as u64) * 2 > u64::from(m)) {
            let ids: Vec<String> = (0..=max).map(|i| i.to_string()).collect();
            let edges = numbers.iter().zip(&lines).map(|(&(u, v), &(_, _, w))| (u, v, w)).collect();
            return Ok(Network::new(InputFormat::Edgelist, directed, ids.clone(), ids, edges));
        }
    }
    let mut index: HashMap<&str, NodeId> = HashMap::new();
    let mut ids: Vec<String> = Vec::new();
    let mut edges = Vec::with_capacity(lines.len());
    for (u, v, w) in lines {
        let a = intern(u, &mut index, &mut ids)?;
        let b = intern(v, &mut index, &mut ids)?;
        edges.push((a, b, w));
    }
    Ok(Network::new(InputFormat::Edgelist, directed, ids.clone(), ids, edges))
}

/// The node number of `name`, numbering names in order of appearance.
fn intern<'t>(name: &'t str, index: &mut HashMap<&'t str, NodeId>, ids: &mut Vec<String>) -> anyhow::Result<NodeId> {
    if let Some(&i) = index.get(name) {
        return Ok(i);
    }
    let i = NodeId::try_from(ids.len()).context("more nodes than a graph can hold")?;
    index.insert(name, i);
    ids.push(name.to_string());
    Ok(i)
}

fn from_file(file: NetworkFile, format: InputFormat) -> anyhow::Result<Network> {
    let mut index: HashMap<&str, NodeId> = HashMap::with_capacity(file.nodes.len());
    for (i, node) in file.nodes.iter().enumerate() {
        index.insert(&node.id, NodeId::try_from(i).context("more nodes than a graph can hold")?);
    }
    let mut edges = Vec::with_capacity(file.edges.len());
    for edge in &file.edges {
        // The readers check that edges join known nodes; this only keeps a mistake there from
        // becoming a panic here.
        let (Some(&u), Some(&v)) = (index.get(edge.source.as_str()), index.get(edge.target.as_str())) else {
            bail!("an edge refers to a node that is not in the file ({} → {})", edge.source, edge.target);
        };
        edges.push((u, v, edge.weight));
    }
    drop(index);
    let (ids, labels) = file.nodes.into_iter().map(|n| (n.id, n.label)).unzip();
    Ok(Network::new(format, file.directed, ids, labels, edges))
}

// ---------------------------------------------------------------- output

/// The results in output order, nodes in the order they are shown.
struct Report<'a> {
    network: &'a Network,
    graph: Vec<(&'static str, Value)>,
    columns: Vec<(&'static str, &'a Column)>,
    order: Vec<usize>,
}

impl<'a> Report<'a> {
    fn new(network: &'a Network, metrics: &[Metric], results: &'a Results, sort: Option<Metric>, top: Option<usize>) -> Self {
        let graph = GRAPH_METRICS
            .into_iter()
            .filter(|m| metrics.contains(m))
            .filter_map(|m| results.graph.get(m.name()).map(|v| (m.name(), *v)))
            .collect();
        let columns: Vec<(&'static str, &Column)> = NODE_METRICS
            .into_iter()
            .chain([Metric::Layout])
            .filter(|m| metrics.contains(m))
            .flat_map(Metric::columns)
            .filter_map(|name| results.nodes.get(name).map(|c| (name, c)))
            .collect();
        let mut order: Vec<usize> = (0..network.ids.len()).collect();
        if let Some(column) = sort.and_then(|m| results.nodes.get(m.name())) {
            // Stable: ties keep the file's order. NaN (never produced today) sorts last.
            let key = |i: usize| match column {
                Column::Count(v) => v[i] as f64,
                Column::Real(v) => v[i],
            };
            order.sort_by(|&a, &b| key(b).partial_cmp(&key(a)).unwrap_or_else(|| key(a).is_nan().cmp(&key(b).is_nan())));
        }
        if let Some(top) = top {
            order.truncate(top);
        }
        Report { network, graph, columns, order }
    }

    fn csv(&self) -> Vec<u8> {
        let mut headers = vec!["id".to_string(), "label".to_string()];
        headers.extend(self.columns.iter().map(|(name, _)| name.to_string()));
        let mut table = Table::new(headers);
        for &i in &self.order {
            let mut row = vec![self.network.ids[i].clone(), self.network.labels[i].clone()];
            row.extend(self.columns.iter().map(|(_, c)| cell_text(c, i)));
            table.rows.push(row);
        }
        write_csv(&table, Delimiter::Comma)
    }

    fn table(&self, file: &Path, weighted: bool) -> String {
        let mut out = String::new();
        let n = &self.network;
        let weights = match (n.has_weights, weighted) {
            (false, _) => "no weights",
            (true, false) => "weights ignored without --weighted",
            (true, true) => "weighted",
        };
        out.push_str(&format!("{} ({}, {weights})\n\n", file.display(), n.format.name()));
        let width = self.graph.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
        for (name, value) in &self.graph {
            let text = match value {
                Value::Real(x) => format!("{x:.6}"),
                Value::Missing => "n/a".to_string(),
                other => value_text(*other),
            };
            out.push_str(&format!("{name:<width$}  {text}\n"));
        }
        if self.columns.is_empty() {
            return out;
        }
        out.push('\n');
        let mut rows: Vec<Vec<String>> =
            vec![["id", "label"].into_iter().chain(self.columns.iter().map(|(name, _)| *name)).map(String::from).collect()];
        for &i in &self.order {
            let mut row = vec![shorten(&n.ids[i], 20), shorten(&n.labels[i], 32)];
            row.extend(self.columns.iter().map(|(_, c)| match c {
                Column::Count(v) => v[i].to_string(),
                Column::Real(v) => format!("{:.6}", v[i]),
            }));
            rows.push(row);
        }
        let widths: Vec<usize> = (0..rows[0].len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
        for row in &rows {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let pad = widths[c] - cell.chars().count();
                if c > 0 {
                    line.push_str("  ");
                }
                // Text left, numbers right, so digits line up.
                if c < 2 {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                } else {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if self.order.len() < n.ids.len() {
            out.push_str(&format!("({} of {} nodes shown)\n", self.order.len(), n.ids.len()));
        }
        out
    }
}

fn shorten(text: &str, max: usize) -> String {
    // Line breaks in a label would break the table's rows.
    let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let mut s: String = flat.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Full precision: Rust's shortest text that reads back as the same number, never in exponent
/// notation (which spreadsheets in some locales take for text). Non-finite values are empty.
fn real_text(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

fn cell_text(column: &Column, i: usize) -> String {
    match column {
        Column::Count(v) => v[i].to_string(),
        Column::Real(v) => real_text(v[i]),
    }
}

fn value_text(value: Value) -> String {
    match value {
        Value::Count(c) => c.to_string(),
        Value::Real(x) => real_text(x),
        Value::Flag(b) => b.to_string(),
        Value::Missing => String::new(),
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Count(c) => s.serialize_u64(c),
            // serde_json writes shortest round-trip digits, and null for NaN and infinity.
            Value::Real(x) => s.serialize_f64(x),
            Value::Flag(b) => s.serialize_bool(b),
            Value::Missing => s.serialize_none(),
        }
    }
}

// Written by hand so that keys come out in the documented order, whatever serde_json's
// map type is.
impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("graph", &GraphJson(&self.graph))?;
        map.serialize_entry("nodes", &NodesJson(self))?;
        map.end()
    }
}

struct GraphJson<'a>(&'a [(&'static str, Value)]);

impl Serialize for GraphJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

struct NodesJson<'a, 'b>(&'b Report<'a>);

impl Serialize for NodesJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let mut seq = s.serialize_seq(Some(report.order.len()))?;
        for &i in &report.order {
            seq.serialize_element(&NodeJson(report, i))?;
        }
        seq.end()
    }
}

struct NodeJson<'a, 'b>(&'b Report<'a>, usize);

impl Serialize for NodeJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (report, i) = (self.0, self.1);
        let mut map = s.serialize_map(Some(2 + report.columns.len()))?;
        map.serialize_entry("id", &report.network.ids[i])?;
        map.serialize_entry("label", &report.network.labels[i])?;
        for (name, column) in &report.columns {
            match column {
                Column::Count(v) => map.serialize_entry(name, &v[i])?,
                Column::Real(v) => map.serialize_entry(name, &v[i])?,
            }
        }
        map.end()
    }
}

// ---------------------------------------------------------------- progress

/// A progress bar on stderr that appears only after a second, so quick runs print nothing
/// extra, and never when stderr is not a terminal (indicatif hides itself then too).
struct Progress {
    bar: ProgressBar,
    stop: Option<mpsc::Sender<()>>,
    waiter: Option<JoinHandle<()>>,
}

impl Progress {
    fn start() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{spinner} [{elapsed}] {pos}/{len} metrics done, now: {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        let (stop, waiting) = mpsc::channel::<()>();
        let waiter = std::io::stderr().is_terminal().then(|| {
            let shown = bar.clone();
            std::thread::spawn(move || {
                // The sender is dropped when the work is done; a timeout means it is still running.
                if let Err(mpsc::RecvTimeoutError::Timeout) = waiting.recv_timeout(Duration::from_secs(1)) {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(Duration::from_millis(200));
                }
            })
        });
        Progress { bar, stop: Some(stop), waiter }
    }

    fn message(&self, text: &'static str) {
        self.bar.set_message(text);
    }

    fn set_length(&self, steps: usize) {
        self.bar.set_length(steps as u64);
    }

    fn done_one(&self) {
        self.bar.inc(1);
    }

    /// Stops the waiting thread before clearing, so that it cannot show the bar afterwards.
    fn finish(&mut self) {
        drop(self.stop.take());
        if let Some(waiter) = self.waiter.take() {
            let _ = waiter.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    /// On an error the bar must be gone before the message is printed.
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_comes_from_exactly_one_place() {
        let free = [Metric::Nodes, Metric::Edges, Metric::Directed, Metric::Isolated];
        for m in Metric::all() {
            let steps = STEPS.iter().filter(|s| s.metrics().contains(&m)).count();
            assert_eq!(steps + usize::from(free.contains(&m)), 1, "{m:?}");
            assert_eq!(Metric::parse(m.name()), Some(m));
        }
    }

    #[test]
    fn timing_keys_follow_the_benchmark_example() {
        // The keys and order of crates/verband-graph/examples/analyze_timing.rs (an undirected
        // graph, so no reciprocity), which bench/graph/compare.py reads.
        let example = [
            "degree_centrality",
            "density",
            "degree_centralization",
            "betweenness",
            "closeness",
            "harmonic",
            "eigenvector",
            "pagerank",
            "connected_components",
            "core_number",
            "transitivity",
            "average_clustering",
            "louvain",
            "layout",
        ];
        let keys: Vec<&str> = STEPS.iter().filter(|s| **s != Step::Reciprocity).map(|s| s.key()).collect();
        assert_eq!(keys, example);
    }

    #[test]
    fn edge_lists_with_numbers_count_from_zero_and_names_keep_their_order() {
        let net = read_edge_list(b"# comment\n0 2\n\n2 3 1.5\n", false).unwrap();
        assert_eq!(net.ids, ["0", "1", "2", "3"]);
        assert_eq!(net.edges, [(0, 2, None), (2, 3, Some(1.5))]);
        let net = read_edge_list(b"b a\na c\n1000000 b\n", true).unwrap();
        assert_eq!(net.ids, ["b", "a", "c", "1000000"]);
        assert_eq!(net.edges, [(0, 1, None), (1, 2, None), (3, 0, None)]);
        assert!(net.directed);
        let e = read_edge_list(b"1 2\n1 2 -3\n", false).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("line 2: the weight \"-3\" is not a positive number"));
        let e = read_edge_list(b"1 2\n\n1\n", false).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("line 3: expected `u v` or `u v weight`, found 1 fields"));
    }

    #[test]
    fn formats_are_told_apart() {
        assert_eq!(detect(b"<?xml version=\"1.0\"?><gexf/>").unwrap(), InputFormat::Gexf);
        assert_eq!(detect(b"\xef\xbb\xbfSource;Target;Weight\r\na;b;1\r\n").unwrap(), InputFormat::GephiCsv);
        assert_eq!(detect(b"# BA graph\n0 1\n").unwrap(), InputFormat::Edgelist);
        assert_eq!(detect(b"a\tb\t2.5\n").unwrap(), InputFormat::Edgelist);
        assert!(detect(b"Id,Label\n1,x\n").is_err());
        assert!(detect(b"just one\tline with words\n").is_err());
        assert!(detect(b"\n# only a comment\n").is_err());
    }
}
