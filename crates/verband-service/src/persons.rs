//! Contact persons of a network.

use chrono::Utc;
use verband_domain::{ListFilter, PageRequest, Paged, Person, PersonDraft, PersonForm};

use crate::{Actor, Result, Service, ServiceError};

impl Service {
    pub async fn persons(&self, actor: &Actor, network_id: i64, filter: &ListFilter, page: PageRequest) -> Result<Paged<Person>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::list_persons(&mut conn, network_id, filter, page).await?)
    }

    pub async fn person(&self, actor: &Actor, network_id: i64, id: i64) -> Result<Person> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        verband_store::person_by_id(&mut conn, network_id, id).await?.ok_or(ServiceError::NotFound)
    }

    /// Validates the form, including that the organisation is a partner here.
    async fn person_draft(&self, conn: &mut verband_store::Conn, network_id: i64, form: &PersonForm) -> Result<PersonDraft> {
        let validated = form.validate(Utc::now().date_naive());
        let mut errors = validated.as_ref().err().cloned().unwrap_or_default();
        if let Ok(org) = form.organisation_id.trim().parse::<i64>() {
            if verband_store::partner_by_id(conn, network_id, org).await?.is_none() {
                errors.add("organisationId", "choice-invalid");
            }
        }
        match validated {
            Ok(draft) if errors.is_empty() => Ok(draft),
            _ => Err(errors.into()),
        }
    }

    pub async fn create_person(&self, actor: &Actor, network_id: i64, form: &PersonForm) -> Result<Person> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let draft = self.person_draft(&mut tx, network_id, form).await?;
        let id = verband_store::insert_person(&mut tx, network_id, &draft).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "person", id, &draft.name).await?;
        let person = verband_store::person_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(person)
    }

    pub async fn update_person(&self, actor: &Actor, network_id: i64, id: i64, form: &PersonForm) -> Result<Person> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        verband_store::person_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        let draft = self.person_draft(&mut tx, network_id, form).await?;
        verband_store::update_person(&mut tx, network_id, id, &draft).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "person", id, &draft.name).await?;
        let person = verband_store::person_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(person)
    }

    pub async fn set_person_archived(&self, actor: &Actor, network_id: i64, id: i64, archived: bool) -> Result<Person> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let before = verband_store::person_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_person_archived(&mut tx, network_id, id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "person", id, &before.name).await?;
        let person = verband_store::person_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(person)
    }
}
