//! The network map: relationship rounds, the relationships in them, and the
//! figures the map and the network scores show. Everyone in a network may
//! look; only those who keep its records change relationships.

use std::collections::HashMap;

use chrono::Utc;
use verband_domain::network_analysis::{analyse_network, MapPartner, NetworkAnalysis, NetworkScores, Tie, TieFilter};
use verband_domain::relationship::{Relationship, RelationshipForm, RelationshipKind, RelationshipRound, RoundForm, RoundOrigin};
use verband_domain::{BodyKind, ValidationErrors};
use verband_store::{Conn, NewRound};

use crate::{Actor, Result, Service, ServiceError};

/// What the map page asks for: a round (default the latest) and which ties count.
#[derive(Debug, Clone, Default)]
pub struct MapQuery {
    pub round_id: Option<i64>,
    pub kinds: Vec<RelationshipKind>,
    pub min_strength_centi: i64,
}

/// Everything the map page shows.
pub struct NetworkMap {
    pub rounds: Vec<RelationshipRound>,
    /// `None` while the network has no round yet.
    pub round: Option<RelationshipRound>,
    pub analysis: NetworkAnalysis,
    /// The round measured before this one and its scores, with the same filters.
    pub previous: Option<(RelationshipRound, NetworkScores)>,
    pub working_groups: Vec<(i64, String)>,
    /// Per partner, the working groups it takes part in.
    pub partner_groups: Vec<(i64, Vec<i64>)>,
}

/// A round with its relationships, for the page that keeps them.
pub struct RoundRelationships {
    pub round: RelationshipRound,
    pub relationships: Vec<Relationship>,
}

pub(crate) async fn map_partners(conn: &mut Conn, network_id: i64) -> Result<Vec<MapPartner>> {
    let mut groups: HashMap<i64, Vec<i64>> = HashMap::new();
    for (partner, body) in verband_store::working_group_participation(conn, network_id).await? {
        groups.entry(partner).or_default().push(body);
    }
    Ok(verband_store::map_partners(conn, network_id)
        .await?
        .into_iter()
        .map(|(id, name, sector)| MapPartner { id, name, sector, working_groups: groups.remove(&id).unwrap_or_default() })
        .collect())
}

pub(crate) fn ties(relationships: &[Relationship]) -> Vec<Tie> {
    relationships.iter().map(Tie::from).collect()
}

impl Service {
    pub async fn relationship_rounds(&self, actor: &Actor, network_id: i64) -> Result<Vec<RelationshipRound>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::rounds_of_network(&mut conn, network_id).await?)
    }

    pub async fn network_map(&self, actor: &Actor, network_id: i64, q: &MapQuery) -> Result<NetworkMap> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let rounds = verband_store::rounds_of_network(&mut conn, network_id).await?;
        let round = match q.round_id {
            Some(id) => Some(rounds.iter().find(|r| r.id == id).cloned().ok_or(ServiceError::NotFound)?),
            None => rounds.last().cloned(),
        };
        let partners = map_partners(&mut conn, network_id).await?;
        let filter = TieFilter { kinds: q.kinds.clone(), min_strength_centi: q.min_strength_centi };
        let (analysis, previous) = match &round {
            Some(r) => {
                let rels = verband_store::relationships_of_round(&mut conn, network_id, r.id).await?;
                let analysis = analyse_network(&partners, &ties(&rels), r.directed, &filter);
                let position = rounds.iter().position(|x| x.id == r.id).unwrap_or(0);
                let previous = match position.checked_sub(1).and_then(|p| rounds.get(p)) {
                    Some(p) => {
                        let rels = verband_store::relationships_of_round(&mut conn, network_id, p.id).await?;
                        Some((p.clone(), analyse_network(&partners, &ties(&rels), p.directed, &filter).scores))
                    }
                    None => None,
                };
                (analysis, previous)
            }
            None => (analyse_network(&partners, &[], false, &filter), None),
        };
        let working_groups = verband_store::bodies_of_network(&mut conn, network_id)
            .await?
            .into_iter()
            .filter(|b| b.kind == BodyKind::WorkingGroup)
            .map(|b| (b.id, b.name))
            .collect();
        let partner_groups = partners.into_iter().map(|p| (p.id, p.working_groups)).collect();
        Ok(NetworkMap { rounds, round, analysis, previous, working_groups, partner_groups })
    }

    pub async fn round_relationships(&self, actor: &Actor, network_id: i64, round_id: i64) -> Result<RoundRelationships> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let round = verband_store::round_by_id(&mut conn, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        let relationships = verband_store::relationships_of_round(&mut conn, network_id, round_id).await?;
        Ok(RoundRelationships { round, relationships })
    }

    /// Starts a round by hand, empty or as a copy of the live ties of another.
    pub async fn create_round(&self, actor: &Actor, network_id: i64, form: &RoundForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let d = form.validate()?;
        let mut tx = self.store.begin().await?;
        let copied = match d.copy_from {
            Some(from) => {
                if verband_store::round_by_id(&mut tx, network_id, from).await?.is_none() {
                    return Err(ValidationErrors::single("copyFrom", "choice-invalid").into());
                }
                verband_store::relationships_of_round(&mut tx, network_id, from).await?
            }
            None => Vec::new(),
        };
        let round =
            NewRound { label: &d.label, measured_on: d.measured_on, origin: RoundOrigin::Manual, directed: d.directed, file_name: None };
        let id = verband_store::insert_round(&mut tx, network_id, &round).await?;
        for r in &copied {
            let draft = verband_domain::relationship::RelationshipDraft {
                source_id: r.source_id,
                target_id: r.target_id,
                kind: r.kind,
                strength_centi: r.strength_centi,
                trust_centi: r.trust_centi,
                value_centi: r.value_centi,
                note: r.note.clone(),
            };
            verband_store::insert_relationship(&mut tx, network_id, id, &draft).await?;
        }
        self.record(&mut tx, actor, Some(network_id), "create", "relationship_round", id, &d.label).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_round_archived(&self, actor: &Actor, network_id: i64, round_id: i64, archived: bool) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        // An archived round is not found by round_by_id, so restoring looks it up among all.
        let label = match verband_store::round_by_id(&mut tx, network_id, round_id).await? {
            Some(r) => r.label,
            None if !archived => String::new(),
            None => return Err(ServiceError::NotFound),
        };
        verband_store::set_round_archived(&mut tx, network_id, round_id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "relationship_round", round_id, &label).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a tie in a round; both partners must be live partners of the network.
    pub async fn add_relationship(&self, actor: &Actor, network_id: i64, round_id: i64, form: &RelationshipForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let d = form.validate()?;
        let mut tx = self.store.begin().await?;
        verband_store::round_by_id(&mut tx, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        let partners = verband_store::partner_choices(&mut tx, network_id).await?;
        let mut e = ValidationErrors::default();
        for (field, id) in [("sourceId", d.source_id), ("targetId", d.target_id)] {
            if !partners.iter().any(|(p, _)| *p == id) {
                e.add(field, "choice-invalid");
            }
        }
        if !e.is_empty() {
            return Err(e.into());
        }
        let id = verband_store::insert_relationship(&mut tx, network_id, round_id, &d).await?;
        let name = |id: i64| partners.iter().find(|(p, _)| *p == id).map(|(_, n)| n.as_str()).unwrap_or("");
        let label = format!("{} – {}", name(d.source_id), name(d.target_id));
        self.record(&mut tx, actor, Some(network_id), "create", "relationship", id, &label).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes a tie, or puts a removed one back; gives the tie's round.
    pub async fn set_relationship_removed(&self, actor: &Actor, network_id: i64, relationship_id: i64, removed: bool) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let (r, _) = verband_store::relationship_by_id(&mut tx, network_id, relationship_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_relationship_removed(&mut tx, network_id, relationship_id, removed).await?;
        let action = if removed { "remove" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "relationship", relationship_id, "").await?;
        tx.commit().await?;
        Ok(r.round_id)
    }
}

impl Service {
    /// Demo rounds for one network: each (label, date, directed), oldest first.
    pub(crate) async fn seed_relationships(
        &self,
        actor: &Actor,
        network_id: i64,
        seed: u64,
        rounds: &[(&str, chrono::NaiveDate, bool)],
    ) -> Result<()> {
        use verband_domain::demo_relationships::{demo_ties, DemoRound};
        let mut tx = self.store.begin().await?;
        let partners: Vec<(i64, verband_domain::Sector)> =
            verband_store::map_partners(&mut tx, network_id).await?.into_iter().map(|(id, _, sector)| (id, sector)).collect();
        for (index, (label, measured_on, directed)) in rounds.iter().enumerate() {
            let round = NewRound { label, measured_on: *measured_on, origin: RoundOrigin::Manual, directed: *directed, file_name: None };
            let id = verband_store::insert_round(&mut tx, network_id, &round).await?;
            self.record(&mut tx, actor, Some(network_id), "create", "relationship_round", id, label).await?;
            for d in demo_ties(seed, &partners, DemoRound { index, directed: *directed }) {
                verband_store::insert_relationship(&mut tx, network_id, id, &d).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Today's date, for the label of an imported round.
pub(crate) fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
