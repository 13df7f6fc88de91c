//! Network files in and out: any round (or the latest) as GEXF, GraphML,
//! Kumu JSON or Gephi's CSV tables; and a network file read into a new round,
//! with a preview of how its nodes match the partners before anything is
//! written.
//!
//! The preview keeps the file (converted to GraphML by Verband's own writer,
//! so one reader serves every format at confirmation) in `import_uploads`;
//! the confirmation reads it again and writes the round, its ties and any
//! new partners in one transaction.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use verband_domain::network_analysis::{analyse_network, TieFilter};
use verband_domain::relationship::{RelationshipDraft, RelationshipKind, RoundOrigin};
use verband_domain::{search_key, MembershipStatus, OrganisationDraft, Ownership, Sector, ValidationErrors};
use verband_formats::{
    detect_graph_format, read_gephi_csv, read_gexf, read_graphml, read_kumu, write_gephi_csv, write_gexf, write_graphml, write_kumu,
    AttrValue, FileEdge, FileNode, GraphFormat, GraphFormatError, NetworkFile, ReadLimits,
};
use verband_store::{Conn, NewRound};

use crate::agreements::clean_file_name;
use crate::network_map::{map_partners, ties, today};
use crate::{Actor, Result, Service, ServiceError};

/// The formats a network can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFileFormat {
    Gexf,
    GraphMl,
    Kumu,
    GephiNodes,
    GephiEdges,
}

impl NetworkFileFormat {
    pub const ALL: &'static [NetworkFileFormat] = &[
        NetworkFileFormat::Gexf,
        NetworkFileFormat::GraphMl,
        NetworkFileFormat::Kumu,
        NetworkFileFormat::GephiNodes,
        NetworkFileFormat::GephiEdges,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NetworkFileFormat::Gexf => "gexf",
            NetworkFileFormat::GraphMl => "graphml",
            NetworkFileFormat::Kumu => "kumu",
            NetworkFileFormat::GephiNodes => "gephi-nodes",
            NetworkFileFormat::GephiEdges => "gephi-edges",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|f| f.code() == raw)
    }

    pub fn extension(self) -> &'static str {
        match self {
            NetworkFileFormat::Gexf => "gexf",
            NetworkFileFormat::GraphMl => "graphml",
            NetworkFileFormat::Kumu => "json",
            NetworkFileFormat::GephiNodes => "nodes.csv",
            NetworkFileFormat::GephiEdges => "edges.csv",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            NetworkFileFormat::Gexf | NetworkFileFormat::GraphMl => "application/xml; charset=utf-8",
            NetworkFileFormat::Kumu => "application/json; charset=utf-8",
            NetworkFileFormat::GephiNodes | NetworkFileFormat::GephiEdges => "text/csv; charset=utf-8",
        }
    }
}

/// A written network file.
pub struct NetworkDownload {
    pub file_name: String,
    pub media_type: &'static str,
    pub content: Vec<u8>,
}

/// The largest network file a user may upload.
pub const MAX_NETWORK_FILE_BYTES: usize = 10 * 1024 * 1024;
const UPLOAD_KIND: &str = "network";
const UPLOAD_KEPT_HOURS: i64 = 24;

/// How a node of the file found (or did not find) its partner.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeMatch {
    ById(i64),
    ByName(i64),
    /// No partner fits: created on import, with this sector.
    New(Sector),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodePreview {
    pub file_id: String,
    pub label: String,
    pub matched: NodeMatch,
}

/// Why an edge of the file does not become a relationship.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedEdge {
    pub source: String,
    pub target: String,
    /// `self-tie`
    pub reason: &'static str,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkImportPreview {
    pub file_name: String,
    pub directed: bool,
    pub nodes: Vec<NodePreview>,
    pub ties: usize,
    pub skipped: Vec<SkippedEdge>,
    /// Set when the file was read and kept for confirmation.
    pub upload_id: Option<i64>,
}

impl NetworkImportPreview {
    pub fn new_partners(&self) -> usize {
        self.nodes.iter().filter(|n| matches!(n.matched, NodeMatch::New(_))).count()
    }
}

pub enum NetworkImportOutcome {
    /// The file could not be read; nothing was kept.
    Unreadable(GraphFormatError),
    Checked(NetworkImportPreview),
}

/// Node ids Verband writes (`partner-12`), or a bare number.
fn partner_id_of(file_id: &str) -> Option<i64> {
    file_id.strip_prefix("partner-").unwrap_or(file_id).parse().ok()
}

fn text_attr<'a>(attrs: &'a BTreeMap<String, AttrValue>, names: &[&str]) -> Option<&'a AttrValue> {
    attrs.iter().find(|(k, _)| names.contains(&search_key(k).as_str())).map(|(_, v)| v)
}

/// A sector named by its code or by a word of its Dutch or English label.
fn sector_of(node: &FileNode) -> Sector {
    let Some(value) = text_attr(&node.attributes, &["sector", "domein", "domain"]) else { return Sector::Other };
    let key = search_key(&value.to_text()).replace([' ', '-'], "_");
    Sector::parse(&key).unwrap_or(Sector::Other)
}

/// A 1–4 rating from an edge attribute, in hundredths.
fn rating(edge: &FileEdge, names: &[&str]) -> Option<i64> {
    let v = match text_attr(&edge.attributes, names)? {
        AttrValue::Number(n) => *n,
        AttrValue::Integer(i) => *i as f64,
        AttrValue::Text(t) => t.trim().replace(',', ".").parse().ok()?,
        AttrValue::Bool(_) => return None,
    };
    (1.0..=4.0).contains(&v).then(|| (v * 100.0).round() as i64)
}

fn strength_centi(edge: &FileEdge) -> i64 {
    edge.weight.map(|w| (w.min(1e6) * 100.0).round() as i64).unwrap_or(100).max(1)
}

fn read_network(primary: &[u8], nodes_table: Option<&[u8]>) -> std::result::Result<NetworkFile, GraphFormatError> {
    let limits = ReadLimits { max_bytes: MAX_NETWORK_FILE_BYTES, ..ReadLimits::default() };
    match detect_graph_format(primary) {
        GraphFormat::Gexf => read_gexf(primary, &limits),
        GraphFormat::GraphMl => read_graphml(primary, &limits),
        GraphFormat::Kumu => read_kumu(primary, &limits),
        GraphFormat::GephiCsv => read_gephi_csv(nodes_table, primary, &limits),
    }
}

/// Matches every node to a partner: by Verband's id first, then by name.
fn match_nodes(file: &NetworkFile, partners: &[(i64, String)]) -> Vec<NodePreview> {
    let by_name: HashMap<String, i64> = partners.iter().map(|(id, name)| (search_key(name), *id)).collect();
    file.nodes
        .iter()
        .map(|n| {
            let matched = match partner_id_of(&n.id).filter(|id| partners.iter().any(|(p, _)| p == id)) {
                Some(id) => NodeMatch::ById(id),
                None => match by_name.get(&search_key(&n.label)) {
                    Some(id) => NodeMatch::ByName(*id),
                    None => NodeMatch::New(sector_of(n)),
                },
            };
            NodePreview { file_id: n.id.clone(), label: n.label.clone(), matched }
        })
        .collect()
}

fn preview_of(file: &NetworkFile, file_name: &str, partners: &[(i64, String)]) -> NetworkImportPreview {
    let skipped: Vec<SkippedEdge> = file
        .edges
        .iter()
        .filter(|e| e.source == e.target)
        .map(|e| SkippedEdge { source: e.source.clone(), target: e.target.clone(), reason: "self-tie" })
        .collect();
    NetworkImportPreview {
        file_name: file_name.to_string(),
        directed: file.directed,
        nodes: match_nodes(file, partners),
        ties: file.edges.len() - skipped.len(),
        skipped,
        upload_id: None,
    }
}

impl Service {
    /// The network's partners and one round's ties (default: the latest) as
    /// a network file, with each partner's sector and map figures as node
    /// attributes. Everyone in the network may export what they may see.
    pub async fn export_network_file(
        &self,
        actor: &Actor,
        network_id: i64,
        round_id: Option<i64>,
        format: NetworkFileFormat,
    ) -> Result<NetworkDownload> {
        let (network, _) = self.network(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let rounds = verband_store::rounds_of_network(&mut conn, network_id).await?;
        let round = match round_id {
            Some(id) => Some(rounds.iter().find(|r| r.id == id).cloned().ok_or(ServiceError::NotFound)?),
            None => rounds.last().cloned(),
        };
        let partners = map_partners(&mut conn, network_id).await?;
        let rels = match &round {
            Some(r) => verband_store::relationships_of_round(&mut conn, network_id, r.id).await?,
            None => Vec::new(),
        };
        let directed = round.as_ref().is_some_and(|r| r.directed);
        let analysis = analyse_network(&partners, &ties(&rels), directed, &TieFilter::default());
        let nodes = analysis
            .partners
            .iter()
            .map(|p| {
                let mut attributes = BTreeMap::new();
                attributes.insert("sector".to_string(), AttrValue::Text(p.sector.code().to_string()));
                attributes.insert("degree".to_string(), AttrValue::Integer(p.degree as i64));
                attributes.insert("betweenness".to_string(), AttrValue::Number(p.betweenness));
                attributes.insert("closeness".to_string(), AttrValue::Number(p.closeness));
                attributes.insert("community".to_string(), AttrValue::Integer(p.community as i64));
                if let Some(t) = p.trust {
                    attributes.insert("trust".to_string(), AttrValue::Number(t));
                }
                if let Some(v) = p.value {
                    attributes.insert("value".to_string(), AttrValue::Number(v));
                }
                FileNode { id: format!("partner-{}", p.id), label: p.name.clone(), attributes }
            })
            .collect();
        let live: std::collections::HashSet<i64> = partners.iter().map(|p| p.id).collect();
        let edges = rels
            .iter()
            .filter(|r| live.contains(&r.source_id) && live.contains(&r.target_id) && r.source_id != r.target_id)
            .map(|r| {
                let mut attributes = BTreeMap::new();
                if let Some(t) = r.trust_centi {
                    attributes.insert("trust".to_string(), AttrValue::Number(t as f64 / 100.0));
                }
                if let Some(v) = r.value_centi {
                    attributes.insert("value".to_string(), AttrValue::Number(v as f64 / 100.0));
                }
                FileEdge {
                    source: format!("partner-{}", r.source_id),
                    target: format!("partner-{}", r.target_id),
                    weight: Some(r.strength_centi as f64 / 100.0),
                    kind: Some(r.kind.code().to_string()),
                    label: None,
                    attributes,
                }
            })
            .collect();
        let file = NetworkFile { directed, nodes, edges };
        let content = match format {
            NetworkFileFormat::Gexf => write_gexf(&file).map(String::into_bytes),
            NetworkFileFormat::GraphMl => write_graphml(&file).map(String::into_bytes),
            NetworkFileFormat::Kumu => write_kumu(&file).map(String::into_bytes),
            NetworkFileFormat::GephiNodes => write_gephi_csv(&file).map(|c| c.nodes),
            NetworkFileFormat::GephiEdges => write_gephi_csv(&file).map(|c| c.edges),
        }
        .map_err(|e| corrupt(format!("writing a network file: {e}")))?;
        let mut stem: String = search_key(&network.name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
        if let Some(r) = &round {
            stem.push_str(&format!("-{}", r.measured_on));
        }
        let file_name = format!("{stem}.{}", format.extension());
        drop(conn);
        let mut tx = self.store.begin().await?;
        self.audit_download(&mut tx, actor, Some(network_id), "network_file", round.as_ref().map(|r| r.id), Some(&file_name)).await?;
        tx.commit().await?;
        Ok(NetworkDownload { file_name, media_type: format.media_type(), content })
    }

    /// Reads a network file and shows what importing it would do. When the
    /// file can be read it is kept for [`Service::apply_network_import`].
    /// Only those who keep the network's records import.
    pub async fn preview_network_import(
        &self,
        actor: &Actor,
        network_id: i64,
        file_name: &str,
        content: &[u8],
        nodes_table: Option<&[u8]>,
    ) -> Result<NetworkImportOutcome> {
        self.require_records_editor(actor, network_id).await?;
        let file = match read_network(content, nodes_table) {
            Ok(f) => f,
            Err(e) => return Ok(NetworkImportOutcome::Unreadable(e)),
        };
        let kept = write_graphml(&file).map_err(|e| corrupt(format!("keeping a network file: {e}")))?;
        let file_name = clean_file_name(file_name);
        let mut conn = self.store.conn().await?;
        let partners = verband_store::partner_choices(&mut conn, network_id).await?;
        let mut preview = preview_of(&file, &file_name, &partners);
        let before = (Utc::now() - chrono::Duration::hours(UPLOAD_KEPT_HOURS)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        verband_store::forget_old_import_uploads(&mut conn, network_id, &before).await?;
        let id =
            verband_store::insert_import_upload(&mut conn, network_id, actor.user_id, UPLOAD_KIND, &file_name, kept.as_bytes()).await?;
        preview.upload_id = Some(id);
        Ok(NetworkImportOutcome::Checked(preview))
    }

    /// The preview of a kept file, against the partners as they are now.
    pub async fn network_import_preview(&self, actor: &Actor, network_id: i64, upload_id: i64) -> Result<NetworkImportPreview> {
        self.require_records_editor(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let (file, file_name, imported) = kept_file(&mut conn, network_id, upload_id).await?;
        let partners = verband_store::partner_choices(&mut conn, network_id).await?;
        let mut preview = preview_of(&file, &file_name, &partners);
        preview.upload_id = (!imported).then_some(upload_id);
        Ok(preview)
    }

    /// Imports a kept file as a new round, in one transaction: partners the
    /// file names but the network lacks are created, then every tie. Gives
    /// the new round's id. A second confirmation is refused.
    pub async fn apply_network_import(&self, actor: &Actor, network_id: i64, upload_id: i64, label: &str) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 120 {
            return Err(ValidationErrors::single("label", if label.is_empty() { "required" } else { "too-long" }).into());
        }
        let mut tx = self.store.begin().await?;
        let (file, file_name, imported) = kept_file(&mut tx, network_id, upload_id).await?;
        if imported || !verband_store::mark_import_upload_imported(&mut tx, upload_id).await? {
            return Err(ValidationErrors::single("upload", "already-imported").into());
        }
        let partners = verband_store::partner_choices(&mut tx, network_id).await?;
        let preview = preview_of(&file, &file_name, &partners);
        let n = Some(network_id);
        let mut ids: HashMap<String, i64> = HashMap::new();
        for node in &preview.nodes {
            let id = match node.matched {
                NodeMatch::ById(id) | NodeMatch::ByName(id) => id,
                NodeMatch::New(sector) => {
                    let name: String = node.label.trim().chars().take(200).collect();
                    let name = if name.is_empty() { node.file_id.clone() } else { name };
                    let draft = OrganisationDraft {
                        name: name.clone(),
                        sector,
                        ownership: if sector == Sector::Business { Ownership::Private } else { Ownership::Public },
                        kvk_number: None,
                        website: None,
                        description: None,
                        membership_status: MembershipStatus::Active,
                        member_since: None,
                    };
                    let id = verband_store::insert_partner(&mut tx, network_id, &draft).await?;
                    self.record(&mut tx, actor, n, "create", "partner", id, &name).await?;
                    id
                }
            };
            ids.insert(node.file_id.clone(), id);
        }
        let round =
            NewRound { label, measured_on: today(), origin: RoundOrigin::Import, directed: file.directed, file_name: Some(&file_name) };
        let round_id = verband_store::insert_round(&mut tx, network_id, &round).await?;
        for e in file.edges.iter().filter(|e| e.source != e.target) {
            let (Some(&source_id), Some(&target_id)) = (ids.get(&e.source), ids.get(&e.target)) else { continue };
            if source_id == target_id {
                continue;
            }
            let draft = RelationshipDraft {
                source_id,
                target_id,
                kind: e.kind.as_deref().map(RelationshipKind::from_file_text).unwrap_or(RelationshipKind::Other),
                strength_centi: strength_centi(e),
                trust_centi: rating(e, &["trust", "vertrouwen"]),
                value_centi: rating(e, &["value", "waarde"]),
                note: e.label.clone().filter(|l| !l.trim().is_empty()).map(|l| l.chars().take(500).collect()),
            };
            verband_store::insert_relationship(&mut tx, network_id, round_id, &draft).await?;
        }
        self.record(&mut tx, actor, n, "import", "relationship_round", round_id, &file_name).await?;
        tx.commit().await?;
        Ok(round_id)
    }
}

async fn kept_file(conn: &mut Conn, network_id: i64, upload_id: i64) -> Result<(NetworkFile, String, bool)> {
    let upload = verband_store::import_upload_by_id(conn, network_id, upload_id).await?.ok_or(ServiceError::NotFound)?;
    if upload.kind != UPLOAD_KIND {
        return Err(ServiceError::NotFound);
    }
    // An imported upload is emptied after a day; it still refuses a second confirmation.
    if upload.content.is_empty() && upload.imported {
        return Ok((NetworkFile::default(), upload.file_name, true));
    }
    let file = read_graphml(&upload.content, &ReadLimits::default()).map_err(|e| corrupt(format!("a kept network file: {e}")))?;
    Ok((file, upload.file_name, upload.imported))
}

/// A file Verband wrote itself that it cannot write or read back is a fault
/// of the stored data, not of the user.
fn corrupt(what: String) -> ServiceError {
    ServiceError::Store(verband_store::StoreError::Corrupt(what))
}
