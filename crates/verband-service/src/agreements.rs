//! Agreements (covenants, collaboration agreements), the commitments of
//! their parties, what each party delivered per quarter, and the signed
//! documents.

use chrono::{NaiveDate, Utc};
use sha2::{Digest, Sha256};
use verband_domain::portfolio::{
    agreement_balance, Agreement, AgreementForm, Commitment, CommitmentForm, Delivery, DeliveryForm, PartnerBalance,
};
use verband_domain::{NetworkRole, ValidationErrors};
use verband_store::{DocumentInfo, NewDocument};

use crate::{Actor, Result, Service, ServiceError};

/// Largest signed document we keep: a scanned covenant of many pages fits.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// An agreement with its commitments, deliveries, documents and the balance
/// of agreed against delivered per party.
/// Live agreements with agreed against delivered per partner.
pub type Balances = Vec<(Agreement, Vec<PartnerBalance>)>;

pub struct AgreementDetail {
    pub agreement: Agreement,
    pub commitments: Vec<Commitment>,
    pub deliveries: Vec<Delivery>,
    pub balance: Vec<PartnerBalance>,
    pub documents: Vec<DocumentInfo>,
    /// The organisation the actor's account represents in this network, if any.
    pub my_organisation_id: Option<i64>,
    pub role: NetworkRole,
}

impl AgreementDetail {
    /// Whether the actor may report deliveries on this commitment.
    pub fn may_report(&self, commitment: &Commitment) -> bool {
        may_report(self.role, self.my_organisation_id, commitment)
    }
}

/// Coordinators report for everyone; members and steering for the
/// organisation their account represents; advisors only read.
fn may_report(role: NetworkRole, my_organisation_id: Option<i64>, commitment: &Commitment) -> bool {
    role.may_edit_records() || (role != NetworkRole::Advisor && my_organisation_id == Some(commitment.organisation_id))
}

/// What kind of file an upload is, judged by its first bytes rather than by
/// the name or the browser's claim. Returns the content type to serve it with.
pub fn sniff_document(bytes: &[u8], file_name: &str) -> Option<&'static str> {
    let lower = file_name.to_lowercase();
    if bytes.starts_with(b"%PDF-") {
        return Some("application/pdf");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if lower.ends_with(".docx") {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        } else if lower.ends_with(".odt") {
            Some("application/vnd.oasis.opendocument.text")
        } else if lower.ends_with(".xlsx") {
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else {
            None
        };
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return Some("image/jpeg");
    }
    None
}

/// A file name safe to put in a header and to save: no paths, no control
/// characters, not empty.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let cleaned: String = base.chars().filter(|c| !c.is_control() && *c != '"').take(200).collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        "document".to_string()
    } else {
        cleaned
    }
}

impl Service {
    pub async fn agreements(&self, actor: &Actor, network_id: i64) -> Result<Vec<Agreement>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::agreements_of_network(&mut conn, network_id).await?)
    }

    /// Agreed against delivered for every live agreement, for lists and the dashboard.
    /// Every live agreement with agreed against delivered per partner; kept
    /// per network until it changes (the dashboard shows it on every view).
    pub async fn agreement_balances(&self, actor: &Actor, network_id: i64) -> Result<Balances> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let seq = verband_store::latest_change_seq(&mut conn, network_id).await?;
        Ok((*self.balances_at(&mut conn, network_id, seq).await?).clone())
    }

    pub(crate) async fn balances_at(&self, conn: &mut verband_store::Conn, network_id: i64, seq: i64) -> Result<std::sync::Arc<Balances>> {
        let day = today();
        if let Some(b) = self.balances_cache.get(network_id, seq, day) {
            return Ok(b);
        }
        let balances = std::sync::Arc::new(Self::compute_balances(conn, network_id).await?);
        self.balances_cache.put(network_id, seq, day, balances.clone());
        Ok(balances)
    }

    async fn compute_balances(conn: &mut verband_store::Conn, network_id: i64) -> Result<Balances> {
        let agreements = verband_store::agreements_of_network(conn, network_id).await?;
        let commitments = verband_store::commitments_of_network(conn, network_id, None).await?;
        let deliveries = verband_store::deliveries_of_network(conn, network_id, None).await?;
        let today = today();
        Ok(agreements
            .into_iter()
            .filter(|a| !a.archived)
            .map(|a| {
                let b = agreement_balance(&a, &commitments, &deliveries, today);
                (a, b)
            })
            .collect())
    }

    pub async fn agreement(&self, actor: &Actor, network_id: i64, agreement_id: i64) -> Result<AgreementDetail> {
        let role = self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let agreement = verband_store::agreement_by_id(&mut conn, network_id, agreement_id).await?.ok_or(ServiceError::NotFound)?;
        let commitments = verband_store::commitments_of_network(&mut conn, network_id, Some(agreement_id)).await?;
        let deliveries = verband_store::deliveries_of_network(&mut conn, network_id, Some(agreement_id)).await?;
        let balance = agreement_balance(&agreement, &commitments, &deliveries, today());
        let documents = verband_store::documents_of_agreement(&mut conn, network_id, agreement_id).await?;
        let my_organisation_id = match actor.user_id {
            Some(u) => verband_store::role_organisation(&mut conn, u, network_id).await?,
            None => None,
        };
        Ok(AgreementDetail { agreement, commitments, deliveries, balance, documents, my_organisation_id, role })
    }

    /// One live commitment of the network, for anyone with a role in it.
    pub async fn commitment(&self, actor: &Actor, network_id: i64, commitment_id: i64) -> Result<Commitment> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        verband_store::commitment_by_id(&mut conn, network_id, commitment_id).await?.ok_or(ServiceError::NotFound)
    }

    pub async fn save_agreement(&self, actor: &Actor, network_id: i64, agreement_id: Option<i64>, form: &AgreementForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let orgs: Vec<(&str, i64)> = draft.party_ids.iter().map(|o| ("partyIds", *o)).collect();
        self.check_links(&mut tx, network_id, &orgs, &[]).await?;
        let id = match agreement_id {
            Some(id) => {
                verband_store::agreement_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                // A party with commitments cannot leave the agreement: remove its commitments first.
                let committed = verband_store::commitments_of_network(&mut tx, network_id, Some(id)).await?;
                if committed.iter().any(|c| !draft.party_ids.contains(&c.organisation_id)) {
                    return Err(ValidationErrors::single("partyIds", "party-has-commitments").into());
                }
                verband_store::update_agreement(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "agreement", id, &draft.title).await?;
                id
            }
            None => {
                let id = verband_store::insert_agreement(&mut tx, network_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "agreement", id, &draft.title).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_agreement_archived(&self, actor: &Actor, network_id: i64, agreement_id: i64, archived: bool) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let a = verband_store::agreement_by_id(&mut tx, network_id, agreement_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_agreement_archived(&mut tx, network_id, agreement_id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "agreement", agreement_id, &a.title).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds or changes a party's commitment; only the agreement's parties can commit.
    pub async fn save_commitment(
        &self,
        actor: &Actor,
        network_id: i64,
        agreement_id: i64,
        commitment_id: Option<i64>,
        form: &CommitmentForm,
    ) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let agreement = verband_store::agreement_by_id(&mut tx, network_id, agreement_id).await?.ok_or(ServiceError::NotFound)?;
        let draft = form.validate(&agreement.party_ids)?;
        let label = format!("{} / {}", agreement.title, draft.role.clone().unwrap_or_default());
        let id = match commitment_id {
            Some(id) => {
                let c = verband_store::commitment_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                if c.agreement_id != agreement_id {
                    return Err(ServiceError::NotFound);
                }
                verband_store::update_commitment(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "commitment", id, &label).await?;
                id
            }
            None => {
                let id = verband_store::insert_commitment(&mut tx, network_id, agreement_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "commitment", id, &label).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    /// Takes a commitment out of the agreement; its deliveries stay on record
    /// and `restore` brings it back.
    pub async fn set_commitment_removed(&self, actor: &Actor, network_id: i64, commitment_id: i64, removed: bool) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        if !removed {
            verband_store::set_commitment_removed(&mut tx, network_id, commitment_id, false).await?;
        }
        let c = verband_store::commitment_by_id(&mut tx, network_id, commitment_id).await?.ok_or(ServiceError::NotFound)?;
        if removed {
            verband_store::set_commitment_removed(&mut tx, network_id, commitment_id, true).await?;
        }
        let action = if removed { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "commitment", commitment_id, c.role.as_deref().unwrap_or("")).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reports what was delivered on a commitment in a quarter. Members may
    /// report only their own organisation's commitments (403 otherwise); a
    /// commitment of another network does not exist for them (404).
    pub async fn record_delivery(&self, actor: &Actor, network_id: i64, commitment_id: i64, form: &DeliveryForm) -> Result<i64> {
        let role = self.role_in(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let commitment = verband_store::commitment_by_id(&mut tx, network_id, commitment_id).await?.ok_or(ServiceError::NotFound)?;
        let mine = match actor.user_id {
            Some(u) => verband_store::role_organisation(&mut tx, u, network_id).await?,
            None => None,
        };
        if !may_report(role, mine, &commitment) {
            return Err(ServiceError::Forbidden);
        }
        let draft = form.validate(today())?;
        let id = verband_store::upsert_delivery(&mut tx, network_id, commitment_id, &draft, actor.user_id).await?;
        self.record(&mut tx, actor, Some(network_id), "report", "delivery", id, &draft.quarter.to_string()).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Stores a signed document with an agreement. Only PDF, Word/OpenDocument
    /// text, Excel and images are kept, judged by content.
    pub async fn upload_agreement_document(
        &self,
        actor: &Actor,
        network_id: i64,
        agreement_id: i64,
        file_name: &str,
        content: &[u8],
    ) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        if content.is_empty() {
            return Err(ValidationErrors::single("document", "file-empty").into());
        }
        if content.len() > MAX_DOCUMENT_BYTES {
            return Err(ValidationErrors::single("document", "file-too-large").into());
        }
        let file_name = clean_file_name(file_name);
        let Some(content_type) = sniff_document(content, &file_name) else {
            return Err(ValidationErrors::single("document", "file-type-not-allowed").into());
        };
        let sha256: String = Sha256::digest(content).iter().map(|b| format!("{b:02x}")).collect();
        let mut tx = self.store.begin().await?;
        verband_store::agreement_by_id(&mut tx, network_id, agreement_id).await?.ok_or(ServiceError::NotFound)?;
        let doc = NewDocument { agreement_id, file_name: &file_name, content_type, sha256: &sha256, content, user_id: actor.user_id };
        let id = verband_store::insert_document(&mut tx, network_id, &doc).await?;
        self.record(&mut tx, actor, Some(network_id), "upload", "agreement_document", id, &file_name).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A document's bytes for download, for anyone in the network.
    pub async fn agreement_document(&self, actor: &Actor, network_id: i64, document_id: i64) -> Result<(DocumentInfo, Vec<u8>)> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        verband_store::document_with_content(&mut conn, network_id, document_id).await?.ok_or(ServiceError::NotFound)
    }

    pub async fn set_agreement_document_archived(&self, actor: &Actor, network_id: i64, document_id: i64, archived: bool) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        if archived {
            verband_store::document_with_content(&mut tx, network_id, document_id).await?.ok_or(ServiceError::NotFound)?;
        }
        verband_store::set_document_archived(&mut tx, network_id, document_id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "agreement_document", document_id, "").await?;
        tx.commit().await?;
        Ok(())
    }
}
