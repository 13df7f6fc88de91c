//! Questions under a knowledge item and answers to them. Whoever may read the
//! item may ask and answer, so a shared item gathers questions from every
//! network of the deployment; that is what sharing is for. People take back
//! their own words; the item's network coordinator may tidy up the rest.

use verband_domain::knowledge::KnowledgeQuestionForm;
use verband_domain::ValidationErrors;
use verband_store::{KnowledgeQuestion, KnowledgeRecord};

use crate::{Actor, Result, Service, ServiceError};

/// The change-log entity of questions and answers.
pub const KNOWLEDGE_QUESTION_ENTITY: &str = "knowledge_question";

/// One entry as its page shows it, with whether the reader may archive it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionEntry {
    pub entry: KnowledgeQuestion,
    pub may_archive: bool,
}

/// A question with its answers, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionThread {
    pub question: QuestionEntry,
    pub answers: Vec<QuestionEntry>,
}

/// Groups a flat list (oldest first) into questions with their answers.
/// Answers whose question is gone are left out: they made sense only under it.
pub fn nest_questions(flat: Vec<KnowledgeQuestion>, may_archive: impl Fn(&KnowledgeQuestion) -> bool) -> Vec<QuestionThread> {
    let (questions, answers): (Vec<_>, Vec<_>) = flat.into_iter().partition(|q| q.parent_id.is_none());
    let mut threads: Vec<QuestionThread> = questions
        .into_iter()
        .map(|q| QuestionThread { question: QuestionEntry { may_archive: may_archive(&q), entry: q }, answers: Vec::new() })
        .collect();
    for a in answers {
        if let Some(t) = threads.iter_mut().find(|t| Some(t.question.entry.id) == a.parent_id) {
            t.answers.push(QuestionEntry { may_archive: may_archive(&a), entry: a });
        }
    }
    threads
}

impl Service {
    /// The item when the actor may take part in its questions: readable, and not archived.
    async fn question_access(&self, actor: &Actor, item_id: i64) -> Result<(KnowledgeRecord, bool)> {
        let item = self.knowledge_record(item_id).await?;
        let role = self.knowledge_access(actor, &item).await?;
        if item.archived {
            // Editors still see an archived item, but it takes no new questions.
            return Err(if crate::knowledge::may_edit(actor, role, &item) { ServiceError::Forbidden } else { ServiceError::NotFound });
        }
        let moderator = role.is_some_and(|r| r.may_edit_records());
        Ok((item, moderator))
    }

    /// Asks a question under an item, or answers one of its questions (`parentId`).
    pub async fn ask_knowledge_question(&self, actor: &Actor, item_id: i64, form: &KnowledgeQuestionForm) -> Result<i64> {
        let (item, _) = self.question_access(actor, item_id).await?;
        let (body, parent_id) = form.validate()?;
        let mut tx = self.store.begin().await?;
        if let Some(parent) = parent_id {
            // Only a live question of this same item takes answers; an answer is not answered in turn.
            let ok = verband_store::knowledge_question(&mut tx, item_id, parent).await?.is_some_and(|q| q.parent_id.is_none());
            if !ok {
                return Err(ServiceError::Invalid(ValidationErrors::single("parentId", "choice-invalid")));
            }
        }
        let id = verband_store::insert_knowledge_question(&mut tx, item_id, parent_id, &body, actor.user_id).await?;
        let action = if parent_id.is_some() { "answer" } else { "ask" };
        self.record(&mut tx, actor, Some(item.network_id), action, KNOWLEDGE_QUESTION_ENTITY, id, &item.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The item's questions with their answers nested, for its page.
    pub async fn knowledge_question_threads(&self, actor: &Actor, item_id: i64) -> Result<Vec<QuestionThread>> {
        let item = self.knowledge_record(item_id).await?;
        let role = self.knowledge_access(actor, &item).await?;
        if item.archived && !crate::knowledge::may_edit(actor, role, &item) {
            return Err(ServiceError::NotFound);
        }
        // The same rule as `KnowledgeView::threads`.
        let moderator = role.is_some_and(|r| r.may_edit_records());
        let mut conn = self.store.conn().await?;
        let flat = verband_store::knowledge_questions(&mut conn, item_id).await?;
        Ok(nest_questions(flat, |q| moderator || (actor.user_id.is_some() && q.author_user_id == actor.user_id)))
    }

    /// Archives a question or answer: one's own, or any as the item network's coordinator.
    /// Archiving a question hides its answers with it.
    pub async fn archive_knowledge_question(&self, actor: &Actor, item_id: i64, question_id: i64) -> Result<()> {
        let (item, moderator) = self.question_access(actor, item_id).await?;
        let mut tx = self.store.begin().await?;
        let q = verband_store::knowledge_question(&mut tx, item_id, question_id).await?.ok_or(ServiceError::NotFound)?;
        let own = actor.user_id.is_some() && q.author_user_id == actor.user_id;
        if !own && !moderator {
            return Err(ServiceError::Forbidden);
        }
        verband_store::set_knowledge_question_archived(&mut tx, item_id, question_id, true).await?;
        self.record(&mut tx, actor, Some(item.network_id), "archive", KNOWLEDGE_QUESTION_ENTITY, question_id, &item.title).await?;
        tx.commit().await?;
        Ok(())
    }
}
