//! Knowledge items: everyone with a role in a network shares what it learned;
//! only its coordinator shares an item with the whole deployment (DOMAIN.md:
//! nothing of a network is visible outside it except what its coordinator
//! marks as shared). Changes go to the change log, which the search index follows.

use verband_domain::knowledge::{KnowledgeForm, KnowledgeLinkKind, KnowledgeVisibility};
use verband_domain::{NetworkRole, ValidationErrors};
use verband_store::{KnowledgeAttachment, KnowledgeQuestion, KnowledgeRecord};

use crate::knowledge_links::{check_targets, item_targets, stored_targets, KnowledgeTarget};
use crate::{Actor, Result, Service, ServiceError};

/// The change-log entity of knowledge items.
pub const KNOWLEDGE_ENTITY: &str = "knowledge_item";

/// One item as its page shows it.
pub struct KnowledgeView {
    pub item: KnowledgeRecord,
    pub attachments: Vec<KnowledgeAttachment>,
    pub questions: Vec<KnowledgeQuestion>,
    /// The projects, meetings and rounds it tells about; empty for readers
    /// from other networks, to whom those records are not visible.
    pub targets: Vec<KnowledgeTarget>,
    /// The reader may edit or archive it (its author, or those who keep the network's records).
    pub may_edit: bool,
    /// The reader keeps the network's records: may archive anyone's question or answer.
    pub may_moderate: bool,
}

impl KnowledgeView {
    /// The questions with their answers, as `knowledge_question_threads` gives
    /// them, from what this view already read.
    pub fn threads(&self, reader: &Actor) -> Vec<crate::knowledge_questions::QuestionThread> {
        let moderator = self.may_moderate;
        crate::knowledge_questions::nest_questions(self.questions.clone(), |q| {
            moderator || (reader.user_id.is_some() && q.author_user_id == reader.user_id)
        })
    }
}

/// The form as an item's edit page fills it.
fn to_form(item: &KnowledgeRecord, links: &[(String, i64)]) -> KnowledgeForm {
    let ids =
        |kind: KnowledgeLinkKind| -> Vec<String> { links.iter().filter(|(k, _)| k == kind.code()).map(|(_, id)| id.to_string()).collect() };
    KnowledgeForm {
        kind: item.kind.code().to_string(),
        title: item.title.clone(),
        body: item.body.clone(),
        themes: item.themes.join(", "),
        phase: item.phase.map(|p| p.code().to_string()).unwrap_or_default(),
        sectors: item.sectors.iter().map(|s| s.code().to_string()).collect(),
        links: item.links.join("\n"),
        visibility: item.visibility.code().to_string(),
        project_ids: ids(KnowledgeLinkKind::Project),
        meeting_ids: ids(KnowledgeLinkKind::Meeting),
        round_ids: ids(KnowledgeLinkKind::SurveyRound),
    }
}

pub(crate) fn may_edit(actor: &Actor, role: Option<NetworkRole>, item: &KnowledgeRecord) -> bool {
    match role {
        Some(r) if r.may_edit_records() => true,
        Some(_) => actor.user_id.is_some() && actor.user_id == item.author_user_id,
        None => false,
    }
}

/// Members may keep an item in their network; sharing it deployment-wide is the coordinator's call.
fn check_visibility(role: NetworkRole, visibility: KnowledgeVisibility) -> Result<()> {
    if visibility == KnowledgeVisibility::Shared && !role.may_edit_records() {
        return Err(ServiceError::Invalid(ValidationErrors::single("visibility", "shared-coordinator-only")));
    }
    Ok(())
}

impl Service {
    /// The actor's role in the item's network, or `None` when they have none
    /// but may read it because it is shared. `NotFound` for everything else,
    /// so a private item's existence is not revealed.
    pub(crate) async fn knowledge_access(&self, actor: &Actor, item: &KnowledgeRecord) -> Result<Option<NetworkRole>> {
        match self.role_in(actor, item.network_id).await {
            Ok(role) => Ok(Some(role)),
            Err(ServiceError::NotFound) if item.visibility == KnowledgeVisibility::Shared && actor.user_id.is_some() && !item.archived => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    pub async fn create_knowledge_item(&self, actor: &Actor, network_id: i64, form: &KnowledgeForm) -> Result<i64> {
        let role = self.role_in(actor, network_id).await?;
        let draft = form.validate()?;
        check_visibility(role, draft.visibility)?;
        let mut tx = self.store.begin().await?;
        let organisation_id = match actor.user_id {
            Some(u) => verband_store::role_organisation(&mut tx, u, network_id).await?,
            None => None,
        };
        check_targets(&mut tx, network_id, &draft.targets).await?;
        let id = verband_store::insert_knowledge_item(&mut tx, network_id, &draft, actor.user_id, organisation_id).await?;
        verband_store::set_knowledge_item_links(&mut tx, id, &stored_targets(&draft.targets)).await?;
        self.record(&mut tx, actor, Some(network_id), "create", KNOWLEDGE_ENTITY, id, &draft.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_knowledge_item(&self, actor: &Actor, id: i64, form: &KnowledgeForm) -> Result<()> {
        let item = self.knowledge_record(id).await?;
        let role = self.knowledge_access(actor, &item).await?;
        if !may_edit(actor, role, &item) {
            return Err(ServiceError::Forbidden);
        }
        let draft = form.validate()?;
        if let Some(role) = role {
            // A member may keep an item shared that the coordinator shared, but not share one.
            if item.visibility != KnowledgeVisibility::Shared {
                check_visibility(role, draft.visibility)?;
            }
        }
        let mut tx = self.store.begin().await?;
        check_targets(&mut tx, item.network_id, &draft.targets).await?;
        verband_store::update_knowledge_item(&mut tx, item.network_id, id, &draft).await?;
        verband_store::set_knowledge_item_links(&mut tx, id, &stored_targets(&draft.targets)).await?;
        self.record(&mut tx, actor, Some(item.network_id), "update", KNOWLEDGE_ENTITY, id, &draft.title).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Archives (or restores) an item: it leaves the lab and the index, and can come back.
    pub async fn archive_knowledge_item(&self, actor: &Actor, id: i64, archived: bool) -> Result<()> {
        let item = self.knowledge_record(id).await?;
        let role = self.role_in(actor, item.network_id).await?;
        if !may_edit(actor, Some(role), &item) {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        verband_store::set_knowledge_item_archived(&mut tx, item.network_id, id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(item.network_id), action, KNOWLEDGE_ENTITY, id, &item.title).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An item for its page; counts the view. Archived items only for those who may restore them.
    pub async fn knowledge_item(&self, actor: &Actor, id: i64) -> Result<KnowledgeView> {
        let mut item = self.knowledge_record(id).await?;
        let role = self.knowledge_access(actor, &item).await?;
        let may_edit = may_edit(actor, role, &item);
        if item.archived && !may_edit {
            return Err(ServiceError::NotFound);
        }
        let mut conn = self.store.conn().await?;
        verband_store::count_knowledge_view(&mut conn, id).await?;
        // This view counts too.
        item.views += 1;
        let attachments = verband_store::knowledge_attachments(&mut conn, id).await?;
        let questions = verband_store::knowledge_questions(&mut conn, id).await?;
        let targets = if role.is_some() { item_targets(&mut conn, &item).await? } else { Vec::new() };
        let may_moderate = role.is_some_and(|r| r.may_edit_records());
        Ok(KnowledgeView { item, attachments, questions, targets, may_edit, may_moderate })
    }

    /// An item and its form, for the edit page of those who may edit it (no view is counted).
    pub async fn knowledge_item_for_edit(&self, actor: &Actor, id: i64) -> Result<(KnowledgeRecord, KnowledgeForm)> {
        let item = self.knowledge_record(id).await?;
        let role = self.knowledge_access(actor, &item).await?;
        if !may_edit(actor, role, &item) {
            // Whoever got this far may read the item, so it is no secret that it exists.
            return Err(ServiceError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        let links = verband_store::knowledge_item_links(&mut conn, id).await?;
        let form = to_form(&item, &links);
        Ok((item, form))
    }

    pub(crate) async fn knowledge_record(&self, id: i64) -> Result<KnowledgeRecord> {
        let mut conn = self.store.conn().await?;
        verband_store::knowledge_item(&mut conn, id).await?.ok_or(ServiceError::NotFound)
    }
}
