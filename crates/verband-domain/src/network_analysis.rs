//! The network map's numbers: per partner its position in the network and
//! the trust and value others give it; for the whole network the scores a
//! steering group reads (density, centralization, components, reciprocity,
//! crossing of sectors, communities against the formal working groups).
//!
//! Conventions, so that figures compare with other tools:
//! - Centrality works on the **undirected** view of the ties (who is
//!   connected to whom), as PARTNER and most network reports do; direction
//!   only counts for reciprocity. Betweenness is normalised (networkx
//!   default), closeness uses the Wasserman–Faust correction.
//! - A partner's trust and value are the mean of the ratings it received
//!   from others (1–4), as the relationship survey defines them.
//! - Communities are Louvain's, with a fixed seed (same data, same groups),
//!   weighted by tie strength.
//! - Layout positions come from the round's ties before any filter, so that
//!   filtering hides partners without moving the others.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use verband_graph::centrality::{self, BetweennessOptions, ClosenessOptions};
use verband_graph::community::{self, LouvainOptions};
use verband_graph::layout::{self, LayoutOptions};
use verband_graph::summary::{self, DegreeMode};
use verband_graph::{components, Graph, NodeId};

use crate::relationship::RelationshipKind;
use crate::Sector;

/// A partner as the map needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPartner {
    pub id: i64,
    pub name: String,
    pub sector: Sector,
    /// The working groups (bodies) the partner takes part in.
    pub working_groups: Vec<i64>,
}

/// A tie between two partners of the map, by partner id.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    pub source: i64,
    pub target: i64,
    pub kind: RelationshipKind,
    pub strength_centi: i64,
    pub trust_centi: Option<i64>,
    pub value_centi: Option<i64>,
}

impl From<&crate::relationship::Relationship> for Tie {
    fn from(r: &crate::relationship::Relationship) -> Self {
        Tie {
            source: r.source_id,
            target: r.target_id,
            kind: r.kind,
            strength_centi: r.strength_centi,
            trust_centi: r.trust_centi,
            value_centi: r.value_centi,
        }
    }
}

impl From<&crate::relationship::RelationshipDraft> for Tie {
    fn from(d: &crate::relationship::RelationshipDraft) -> Self {
        Tie {
            source: d.source_id,
            target: d.target_id,
            kind: d.kind,
            strength_centi: d.strength_centi,
            trust_centi: d.trust_centi,
            value_centi: d.value_centi,
        }
    }
}

/// Which ties count.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TieFilter {
    /// Empty: every kind.
    pub kinds: Vec<RelationshipKind>,
    pub min_strength_centi: i64,
}

impl TieFilter {
    pub fn admits(&self, t: &Tie) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&t.kind)) && t.strength_centi >= self.min_strength_centi
    }
}

/// One partner's figures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerScores {
    pub id: i64,
    pub name: String,
    pub sector: Sector,
    pub degree: usize,
    pub degree_centrality: f64,
    pub betweenness: f64,
    pub closeness: f64,
    /// Mean trust received from others, 1–4; `None` without ratings.
    pub trust: Option<f64>,
    pub value: Option<f64>,
    /// Louvain community, numbered from 1.
    pub community: usize,
    pub neighbours: Vec<i64>,
    pub isolated: bool,
    /// Among the partners that most often lie between others.
    pub broker: bool,
    /// Position in [-1, 1]².
    pub x: f64,
    pub y: f64,
}

/// How much one community overlaps with its closest working group.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommunityMatch {
    pub community: usize,
    pub size: usize,
    /// The working group with the most members in the community.
    pub working_group_id: Option<i64>,
    /// How many partners of the community take part in that working group.
    pub shared: usize,
}

/// The network as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkScores {
    pub partners: usize,
    pub ties: usize,
    pub density: f64,
    pub centralization: f64,
    pub components: usize,
    pub isolated: usize,
    pub average_trust: Option<f64>,
    pub average_value: Option<f64>,
    /// Share of reported ties that the other side reported too; only for directed rounds.
    pub reciprocity: Option<f64>,
    /// Share of ties between partners of different sectors.
    pub cross_sector_share: Option<f64>,
    /// Krackhardt–Stern E-I index by sector: −1 all ties inside sectors, +1 all across.
    pub ei_index: Option<f64>,
    pub communities: usize,
    pub modularity: f64,
    pub community_matches: Vec<CommunityMatch>,
}

/// A tie as drawn: indexes into [`NetworkAnalysis::partners`].
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MapLink {
    pub source: usize,
    pub target: usize,
    pub kind: RelationshipKind,
    pub strength_centi: i64,
    /// Both partners reported the tie (directed rounds).
    pub mutual: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkAnalysis {
    pub partners: Vec<PartnerScores>,
    pub links: Vec<MapLink>,
    pub scores: NetworkScores,
}

/// How many partners count as brokers: the top tenth by betweenness, at least one.
fn broker_count(n: usize) -> usize {
    (n / 10).max(1)
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / count as f64)
}

/// Builds every figure of the map for one round. Ties whose partners are not
/// in `partners`, and self-ties, are ignored.
pub fn analyse_network(partners: &[MapPartner], ties: &[Tie], directed: bool, filter: &TieFilter) -> NetworkAnalysis {
    let index: HashMap<i64, NodeId> = partners.iter().enumerate().map(|(i, p)| (p.id, i as NodeId)).collect();
    let n = partners.len();
    let known = |t: &&Tie| t.source != t.target && index.contains_key(&t.source) && index.contains_key(&t.target);
    let all: Vec<&Tie> = ties.iter().filter(known).collect();
    let kept: Vec<&Tie> = all.iter().copied().filter(|t| filter.admits(t)).collect();
    let arcs = |list: &[&Tie]| -> Vec<(NodeId, NodeId, Option<f64>)> {
        list.iter().map(|t| (index[&t.source], index[&t.target], Some(t.strength_centi.max(1) as f64 / 100.0))).collect()
    };
    let build = |list: &[&Tie], directed: bool| graph(n, directed, &arcs(list));

    let positions = layout::force_directed(&build(&all, false), LayoutOptions { seed: 7, weighted: true, ..LayoutOptions::default() });
    let arc_graph = build(&kept, directed);
    let g = arc_graph.to_undirected();
    // Distances ignore strength: a close tie is not a shorter path.
    let unweighted = graph(n, false, &g.edges().map(|(u, v, _)| (u, v, None)).collect::<Vec<_>>());

    let degree = centrality::degree(&g);
    let degree_centrality = centrality::degree_centrality(&g);
    let betweenness = centrality::betweenness(&unweighted, BetweennessOptions::default());
    let closeness = centrality::closeness(&unweighted, ClosenessOptions::default());
    let communities = community::louvain(&g, LouvainOptions { seed: 7, weighted: true, resolution: 1.0 });
    let comps = components::connected(&g);

    let mut received: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); n];
    for t in &kept {
        let target = index[&t.target] as usize;
        if let Some(c) = t.trust_centi {
            received[target].0.push(c as f64 / 100.0);
        }
        if let Some(c) = t.value_centi {
            received[target].1.push(c as f64 / 100.0);
        }
    }

    let mut by_betweenness: Vec<usize> = (0..n).filter(|&i| betweenness[i] > 0.0).collect();
    by_betweenness.sort_by(|&a, &b| betweenness[b].total_cmp(&betweenness[a]).then(a.cmp(&b)));
    by_betweenness.truncate(broker_count(n));

    let scores_of: Vec<PartnerScores> = partners
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let v = i as NodeId;
            let mut neighbours: Vec<i64> = g.out_neighbors(v).iter().map(|&u| partners[u as usize].id).collect();
            neighbours.sort_unstable();
            PartnerScores {
                id: p.id,
                name: p.name.clone(),
                sector: p.sector,
                degree: degree[i],
                degree_centrality: degree_centrality[i],
                betweenness: betweenness[i],
                closeness: closeness[i],
                trust: mean(received[i].0.iter().copied()),
                value: mean(received[i].1.iter().copied()),
                community: communities.membership[i] as usize + 1,
                neighbours,
                isolated: degree[i] == 0,
                broker: by_betweenness.contains(&i),
                x: positions[i][0],
                y: positions[i][1],
            }
        })
        .collect();

    let mutual = |t: &Tie| kept.iter().any(|o| o.source == t.target && o.target == t.source);
    let mut links: Vec<MapLink> = Vec::new();
    let mut seen: BTreeMap<(NodeId, NodeId), usize> = BTreeMap::new();
    for t in &kept {
        let (a, b) = (index[&t.source], index[&t.target]);
        let key = (a.min(b), a.max(b));
        // One line per pair; the strongest tie decides its look.
        match seen.get(&key) {
            Some(&at) if links[at].strength_centi >= t.strength_centi => {}
            Some(&at) => links[at] = link(a, b, t, directed && mutual(t)),
            None => {
                seen.insert(key, links.len());
                links.push(link(a, b, t, directed && mutual(t)));
            }
        }
    }

    let sectors: Vec<u32> = partners.iter().map(|p| Sector::ALL.iter().position(|s| *s == p.sector).unwrap_or(0) as u32).collect();
    let cross = g.edges().filter(|&(u, v, _)| sectors[u as usize] != sectors[v as usize]).count();
    let scores = NetworkScores {
        partners: n,
        ties: g.edge_count(),
        density: summary::density(&g),
        centralization: summary::degree_centralization(&g, DegreeMode::All),
        components: comps.count,
        isolated: degree.iter().filter(|&&d| d == 0).count(),
        average_trust: mean(kept.iter().filter_map(|t| t.trust_centi).map(|c| c as f64 / 100.0)),
        average_value: mean(kept.iter().filter_map(|t| t.value_centi).map(|c| c as f64 / 100.0)),
        reciprocity: if directed { summary::reciprocity(&arc_graph) } else { None },
        cross_sector_share: (g.edge_count() > 0).then(|| cross as f64 / g.edge_count() as f64),
        ei_index: summary::ei_index(&g, &sectors),
        communities: communities.count,
        modularity: communities.modularity,
        community_matches: community_matches(partners, &communities.membership, &degree),
    };
    NetworkAnalysis { partners: scores_of, links, scores }
}

fn link(a: NodeId, b: NodeId, t: &Tie, mutual: bool) -> MapLink {
    MapLink { source: a as usize, target: b as usize, kind: t.kind, strength_centi: t.strength_centi, mutual }
}

/// `from_edges` refuses only weights that are not positive and finite and
/// more than 2³² nodes; weights here are strengths of at least 0.01 and the
/// nodes are a network's partners, so neither can happen.
#[allow(clippy::expect_used)]
fn graph(n: usize, directed: bool, edges: &[(NodeId, NodeId, Option<f64>)]) -> Graph {
    Graph::from_edges(n, directed, edges).expect("positive weights and fewer than 2^32 partners")
}

/// For every community of two or more connected partners, the working group
/// most of its partners take part in.
fn community_matches(partners: &[MapPartner], membership: &[u32], degree: &[usize]) -> Vec<CommunityMatch> {
    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, &c) in membership.iter().enumerate() {
        if degree[i] > 0 {
            groups.entry(c).or_default().push(i);
        }
    }
    groups
        .into_iter()
        .filter(|(_, members)| members.len() >= 2)
        .map(|(c, members)| {
            let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
            for &i in &members {
                for wg in &partners[i].working_groups {
                    *counts.entry(*wg).or_default() += 1;
                }
            }
            // Most shared first; the lowest id on a tie, so the sentence is stable.
            let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
            CommunityMatch {
                community: c as usize + 1,
                size: members.len(),
                working_group_id: best.map(|(id, _)| *id),
                shared: best.map(|(_, n)| *n).unwrap_or(0),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(id: i64, sector: Sector, groups: &[i64]) -> MapPartner {
        MapPartner { id, name: format!("P{id}"), sector, working_groups: groups.to_vec() }
    }

    fn tie(source: i64, target: i64, trust: Option<i64>) -> Tie {
        Tie { source, target, kind: RelationshipKind::JointProject, strength_centi: 300, trust_centi: trust, value_centi: None }
    }

    /// A star around partner 1 plus one isolated partner: 1–2, 1–3, 1–4; 5 alone.
    fn star() -> (Vec<MapPartner>, Vec<Tie>) {
        let partners = vec![
            partner(1, Sector::Municipality, &[10]),
            partner(2, Sector::Municipality, &[10]),
            partner(3, Sector::PrimaryCare, &[10]),
            partner(4, Sector::Education, &[]),
            partner(5, Sector::Education, &[]),
        ];
        let ties = vec![tie(1, 2, Some(400)), tie(1, 3, Some(200)), tie(4, 1, Some(300)), tie(2, 1, None)];
        (partners, ties)
    }

    #[test]
    fn scores_of_a_star_match_hand_computed_values() {
        let (partners, ties) = star();
        let a = analyse_network(&partners, &ties, true, &TieFilter::default());
        let s = &a.scores;
        assert_eq!((s.partners, s.ties), (5, 3));
        // 3 of the 10 possible pairs.
        assert!((s.density - 0.3).abs() < 1e-12);
        // Two components: the star and partner 5, who is isolated.
        assert_eq!((s.components, s.isolated), (2, 1));
        // Arcs 1→2, 2→1, 1→3, 4→1: 2 of 4 arcs have their reverse.
        assert_eq!(s.reciprocity, Some(0.5));
        // Ties across sectors: 1–3 and 1–4, not 1–2.
        assert!((s.cross_sector_share.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.ei_index.unwrap() - (2.0 - 1.0) / 3.0).abs() < 1e-12);
        assert!((s.average_trust.unwrap() - 3.0).abs() < 1e-12);
        let hub = &a.partners[0];
        assert_eq!(hub.degree, 3);
        assert_eq!(hub.neighbours, vec![2, 3, 4]);
        // The hub lies on all 3 shortest paths between its leaves: 3 / (4·3/2).
        assert!((hub.betweenness - 0.5).abs() < 1e-12);
        assert!(hub.broker);
        // Trust received by partner 1 from 4 only (partner 2's tie has none).
        assert_eq!(hub.trust, Some(3.0));
        assert_eq!(a.partners[1].trust, Some(4.0));
        assert_eq!(a.partners[3].trust, None);
        assert!(a.partners[4].isolated && !a.partners[4].broker);
        // 1–2 is drawn once, as mutual.
        assert_eq!(a.links.len(), 3);
        assert!(a.links.iter().any(|l| l.mutual));
    }

    #[test]
    fn undirected_rounds_have_no_reciprocity() {
        let (partners, ties) = star();
        let a = analyse_network(&partners, &ties, false, &TieFilter::default());
        assert_eq!(a.scores.reciprocity, None);
        assert!(a.links.iter().all(|l| !l.mutual));
    }

    #[test]
    fn filters_drop_ties_but_keep_positions() {
        let (partners, mut ties) = star();
        ties[1].kind = RelationshipKind::InformationExchange;
        ties[2].strength_centi = 100;
        let all = analyse_network(&partners, &ties, true, &TieFilter::default());
        let filter = TieFilter { kinds: vec![RelationshipKind::JointProject], min_strength_centi: 200 };
        let some = analyse_network(&partners, &ties, true, &filter);
        assert_eq!(some.scores.ties, 1);
        assert_eq!(some.partners[0].neighbours, vec![2]);
        for (x, y) in all.partners.iter().zip(&some.partners) {
            assert_eq!((x.x, x.y), (y.x, y.y));
        }
    }

    #[test]
    fn the_same_data_gives_the_same_picture() {
        let (partners, ties) = star();
        let a = analyse_network(&partners, &ties, true, &TieFilter::default());
        let b = analyse_network(&partners, &ties, true, &TieFilter::default());
        assert_eq!(a, b);
    }

    #[test]
    fn communities_are_set_against_working_groups() {
        // Two triangles joined by one tie; the first triangle is working group 10.
        let partners: Vec<MapPartner> = (1..=6)
            .map(|i| {
                partner(
                    i,
                    Sector::Welfare,
                    if i <= 3 {
                        &[10]
                    } else if i == 4 {
                        &[11]
                    } else {
                        &[]
                    },
                )
            })
            .collect();
        let ties =
            vec![tie(1, 2, None), tie(2, 3, None), tie(1, 3, None), tie(4, 5, None), tie(5, 6, None), tie(4, 6, None), tie(3, 4, None)];
        let a = analyse_network(&partners, &ties, false, &TieFilter::default());
        assert_eq!(a.scores.communities, 2);
        assert!(a.scores.modularity > 0.3);
        let m = &a.scores.community_matches;
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].size, m[0].working_group_id, m[0].shared), (3, Some(10), 3));
        assert_eq!((m[1].working_group_id, m[1].shared), (Some(11), 1));
        // No ties at all: nothing to say about sectors.
        let none = analyse_network(&partners, &[], false, &TieFilter::default());
        assert_eq!(none.scores.cross_sector_share, None);
        assert!(none.scores.community_matches.is_empty());
        assert_eq!(none.scores.isolated, 6);
    }

    #[test]
    fn ties_to_unknown_partners_and_self_ties_are_ignored() {
        let (partners, mut ties) = star();
        ties.push(tie(1, 99, None));
        ties.push(tie(2, 2, None));
        let a = analyse_network(&partners, &ties, true, &TieFilter::default());
        assert_eq!(a.scores.ties, 3);
    }
}
