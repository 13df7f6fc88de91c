//! Files attached to a knowledge item: added by those who may edit the item,
//! downloaded by everyone who may read it. The type is read from the bytes,
//! never taken from the name or the browser; the text of PDF, Word and Excel
//! files is extracted once, here, so the search index can find an item by
//! what its attachments say.

use sha2::{Digest, Sha256};
use verband_domain::ValidationErrors;
use verband_formats::attachment::{self, AttachmentRejected, AttachmentType};
use verband_store::{KnowledgeAttachment, KnowledgeRecord, NewKnowledgeAttachment};

use crate::knowledge::{may_edit, KNOWLEDGE_ENTITY};
use crate::{Actor, Result, Service, ServiceError};

/// The largest attachment: a report or a slide deck with pictures fits.
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;

/// The change-log entity of attachments themselves (the item gets an
/// "update" row too, which is what the search index follows).
pub const KNOWLEDGE_ATTACHMENT_ENTITY: &str = "knowledge_attachment";

/// The form field attachment errors belong to.
pub const ATTACHMENT_FIELD: &str = "attachment";

fn invalid(code: &str) -> ServiceError {
    ServiceError::Invalid(ValidationErrors::single(ATTACHMENT_FIELD, code))
}

fn rejected(r: AttachmentRejected) -> ServiceError {
    match r {
        AttachmentRejected::Empty => invalid("file-empty"),
        AttachmentRejected::UnknownType => invalid("attachment-type-not-allowed"),
        AttachmentRejected::NameMismatch => invalid("file-name-mismatch"),
    }
}

/// Reads the text of a file off the async workers: parsing a large PDF takes a while.
async fn extracted_text(kind: AttachmentType, content: &[u8]) -> Option<String> {
    let bytes = content.to_vec();
    match tokio::task::spawn_blocking(move || attachment::extract_text(kind, &bytes)).await {
        Ok(text) => text.filter(|t| !t.trim().is_empty()),
        Err(e) => {
            // A file the extractor cannot handle is still a good attachment; it is just not searchable.
            tracing::warn!("text extraction stopped: {e}");
            None
        }
    }
}

fn sha256_hex(content: &[u8]) -> String {
    Sha256::digest(content).iter().map(|b| format!("{b:02x}")).collect()
}

impl Service {
    /// The item when the actor may read it; archived items only for those who may restore them.
    async fn readable_item(&self, actor: &Actor, item_id: i64) -> Result<(KnowledgeRecord, bool)> {
        let item = self.knowledge_record(item_id).await?;
        let role = self.knowledge_access(actor, &item).await?;
        let editor = may_edit(actor, role, &item);
        if item.archived && !editor {
            return Err(ServiceError::NotFound);
        }
        Ok((item, editor))
    }

    /// The item when the actor may change its attachments.
    async fn editable_item(&self, actor: &Actor, item_id: i64) -> Result<KnowledgeRecord> {
        let (item, editor) = self.readable_item(actor, item_id).await?;
        if !editor || item.archived {
            return Err(ServiceError::Forbidden);
        }
        Ok(item)
    }

    /// Adds a file to an item. Refused: empty, too large, a type that is not
    /// a document or picture, or a name that says another type than the bytes.
    pub async fn add_knowledge_attachment(&self, actor: &Actor, item_id: i64, file_name: &str, content: &[u8]) -> Result<i64> {
        let item = self.editable_item(actor, item_id).await?;
        if content.is_empty() {
            return Err(invalid("file-empty"));
        }
        if content.len() > MAX_ATTACHMENT_BYTES {
            return Err(invalid("file-too-large"));
        }
        let kind = attachment::sniff(file_name, content).map_err(rejected)?;
        let file_name = attachment::safe_file_name(file_name, kind);
        let text = extracted_text(kind, content).await;
        let sha256 = sha256_hex(content);
        let mut tx = self.store.begin().await?;
        let new = NewKnowledgeAttachment {
            item_id,
            file_name: &file_name,
            content_type: kind.content_type(),
            sha256: &sha256,
            content,
            extracted_text: text.as_deref(),
            user_id: actor.user_id,
        };
        let id = verband_store::insert_knowledge_attachment(&mut tx, item.network_id, &new).await?;
        self.record(&mut tx, actor, Some(item.network_id), "upload", KNOWLEDGE_ATTACHMENT_ENTITY, id, &file_name).await?;
        // The index re-reads the item, with its attachments' text, when the item changes.
        self.record(&mut tx, actor, Some(item.network_id), "update", KNOWLEDGE_ENTITY, item_id, &item.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The item's live attachments.
    pub async fn knowledge_attachments(&self, actor: &Actor, item_id: i64) -> Result<Vec<KnowledgeAttachment>> {
        self.readable_item(actor, item_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::knowledge_attachments(&mut conn, item_id).await?)
    }

    /// One attachment with its bytes, for download. Archived attachments are not served.
    pub async fn knowledge_attachment(&self, actor: &Actor, item_id: i64, attachment_id: i64) -> Result<(KnowledgeAttachment, Vec<u8>)> {
        self.readable_item(actor, item_id).await?;
        let mut conn = self.store.conn().await?;
        verband_store::knowledge_attachment_with_content(&mut conn, item_id, attachment_id).await?.ok_or(ServiceError::NotFound)
    }

    /// Takes an attachment off the item (kept, but no longer listed, served or searched).
    pub async fn archive_knowledge_attachment(&self, actor: &Actor, item_id: i64, attachment_id: i64) -> Result<()> {
        let item = self.editable_item(actor, item_id).await?;
        let mut tx = self.store.begin().await?;
        let live = verband_store::knowledge_attachments(&mut tx, item_id).await?;
        let Some(a) = live.into_iter().find(|a| a.id == attachment_id) else {
            return Err(ServiceError::NotFound);
        };
        verband_store::set_knowledge_attachment_archived(&mut tx, item_id, attachment_id, true).await?;
        self.record(&mut tx, actor, Some(item.network_id), "archive", KNOWLEDGE_ATTACHMENT_ENTITY, attachment_id, &a.file_name).await?;
        self.record(&mut tx, actor, Some(item.network_id), "update", KNOWLEDGE_ENTITY, item_id, &item.title).await?;
        tx.commit().await?;
        Ok(())
    }
}
