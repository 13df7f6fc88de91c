//! Links from knowledge items to projects, meetings and survey rounds of the
//! same network ("wat we leerden van deze pilot"). The item form offers the
//! network's records; the service checks each chosen one belongs to it, so a
//! hand-made form cannot tie an item to another network's project.

use std::collections::HashMap;

use chrono::NaiveDate;
use verband_domain::knowledge::KnowledgeLinkKind;
use verband_domain::ValidationErrors;
use verband_store::{Conn, KnowledgeRecord};

use crate::{Actor, Result, Service, ServiceError};

/// A project, meeting or survey round as the knowledge pages name it.
#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeTarget {
    pub kind: KnowledgeLinkKind,
    pub id: i64,
    /// The project's title, the meeting's body (and title), or the round's label.
    pub label: String,
    /// The meeting's date; `None` for projects and rounds.
    pub date: Option<NaiveDate>,
    /// An archived project or a closed round: still linkable, shown as such.
    pub inactive: bool,
}

/// The form field that holds links of this kind, for error messages.
pub fn target_field(kind: KnowledgeLinkKind) -> &'static str {
    match kind {
        KnowledgeLinkKind::Project => "projectIds",
        KnowledgeLinkKind::Meeting => "meetingIds",
        KnowledgeLinkKind::SurveyRound => "roundIds",
    }
}

/// Every project, meeting and survey round of the network, in that order
/// (meetings and rounds newest first).
async fn network_targets(conn: &mut Conn, network_id: i64) -> Result<Vec<KnowledgeTarget>> {
    let mut out = Vec::new();
    let mut projects = verband_store::projects_of_network(conn, network_id).await?;
    projects.sort_by_key(|p| verband_domain::search_key(&p.title));
    out.extend(projects.into_iter().map(|p| KnowledgeTarget {
        kind: KnowledgeLinkKind::Project,
        id: p.id,
        label: p.title,
        date: None,
        inactive: p.archived,
    }));
    let bodies: HashMap<i64, String> =
        verband_store::bodies_of_network(conn, network_id).await?.into_iter().map(|b| (b.id, b.name)).collect();
    let mut meetings = verband_store::meetings_of_network(conn, network_id, None).await?;
    meetings.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    out.extend(meetings.into_iter().map(|m| {
        let body = bodies.get(&m.body_id).cloned().unwrap_or_default();
        let label = match &m.title {
            Some(t) if !body.is_empty() => format!("{body}: {t}"),
            Some(t) => t.clone(),
            None => body,
        };
        KnowledgeTarget { kind: KnowledgeLinkKind::Meeting, id: m.id, label, date: Some(m.date), inactive: false }
    }));
    out.extend(verband_store::survey_rounds_of_network(conn, network_id).await?.into_iter().map(|r| KnowledgeTarget {
        kind: KnowledgeLinkKind::SurveyRound,
        id: r.id,
        label: format!("{} – {}", r.instrument_name, r.label),
        date: None,
        inactive: r.closed,
    }));
    Ok(out)
}

/// Refuses a link to anything that is not a record of this network.
pub(crate) async fn check_targets(conn: &mut Conn, network_id: i64, targets: &[(KnowledgeLinkKind, i64)]) -> Result<()> {
    let mut errors = ValidationErrors::default();
    for (kind, id) in targets {
        let found = match kind {
            KnowledgeLinkKind::Project => verband_store::project_by_id(conn, network_id, *id).await?.is_some(),
            KnowledgeLinkKind::Meeting => verband_store::meeting_by_id(conn, network_id, *id).await?.is_some(),
            KnowledgeLinkKind::SurveyRound => verband_store::survey_round_by_id(conn, network_id, *id).await?.is_some(),
        };
        if !found && errors.for_field(target_field(*kind)).is_none() {
            errors.add(target_field(*kind), "choice-invalid");
        }
    }
    errors.finish(()).map_err(ServiceError::Invalid)
}

/// The links as the store keeps them.
pub(crate) fn stored_targets(targets: &[(KnowledgeLinkKind, i64)]) -> Vec<(&'static str, i64)> {
    targets.iter().map(|(k, id)| (k.code(), *id)).collect()
}

/// The records an item is linked to, named; links whose record is gone are left out.
pub(crate) async fn item_targets(conn: &mut Conn, item: &KnowledgeRecord) -> Result<Vec<KnowledgeTarget>> {
    let links = verband_store::knowledge_item_links(conn, item.id).await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let all = network_targets(conn, item.network_id).await?;
    Ok(all.into_iter().filter(|t| links.iter().any(|(k, id)| *k == t.kind.code() && *id == t.id)).collect())
}

impl Service {
    /// What an item of this network can be linked to, for the item form.
    pub async fn knowledge_link_choices(&self, actor: &Actor, network_id: i64) -> Result<Vec<KnowledgeTarget>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        network_targets(&mut conn, network_id).await
    }

    /// The live items linked to a project, meeting or survey round of the
    /// network, for that record's page. Only the network's own items can be
    /// linked, so everyone with a role in it may see them all.
    pub async fn knowledge_linked_to(
        &self,
        actor: &Actor,
        network_id: i64,
        target_kind: KnowledgeLinkKind,
        target_id: i64,
    ) -> Result<Vec<KnowledgeRecord>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let items = verband_store::knowledge_items_linked_to(&mut conn, target_kind.code(), target_id).await?;
        // The network check keeps another network's items out even if a link ever pointed across.
        Ok(items.into_iter().filter(|i| i.network_id == network_id).collect())
    }
}
