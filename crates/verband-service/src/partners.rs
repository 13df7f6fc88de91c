//! Partner organisations of a network.

use verband_domain::{ListFilter, OrganisationForm, PageRequest, Paged, Partner};

use crate::{Actor, Result, Service, ServiceError};

impl Service {
    pub async fn partners(&self, actor: &Actor, network_id: i64, filter: &ListFilter, page: PageRequest) -> Result<Paged<Partner>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::list_partners(&mut conn, network_id, filter, page).await?)
    }

    pub async fn partner(&self, actor: &Actor, network_id: i64, id: i64) -> Result<Partner> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        verband_store::partner_by_id(&mut conn, network_id, id).await?.ok_or(ServiceError::NotFound)
    }

    /// (id, name) of the partners that are not archived, for choice lists.
    pub async fn partner_choices(&self, actor: &Actor, network_id: i64) -> Result<Vec<(i64, String)>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::partner_choices(&mut conn, network_id).await?)
    }

    pub async fn create_partner(&self, actor: &Actor, network_id: i64, form: &OrganisationForm) -> Result<Partner> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let id = verband_store::insert_partner(&mut tx, network_id, &draft).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "partner", id, &draft.name).await?;
        let partner = verband_store::partner_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(partner)
    }

    pub async fn update_partner(&self, actor: &Actor, network_id: i64, id: i64, form: &OrganisationForm) -> Result<Partner> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        verband_store::partner_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::update_partner(&mut tx, network_id, id, &draft).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "partner", id, &draft.name).await?;
        let partner = verband_store::partner_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(partner)
    }

    /// Archives the partner in this network (it stays in the history and can
    /// be restored); `archived = false` restores it.
    pub async fn set_partner_archived(&self, actor: &Actor, network_id: i64, id: i64, archived: bool) -> Result<Partner> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let before = verband_store::partner_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_partner_archived(&mut tx, network_id, id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "partner", id, &before.name).await?;
        let partner = verband_store::partner_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(partner)
    }
}
