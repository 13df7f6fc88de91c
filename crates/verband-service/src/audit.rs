//! The audit log made readable: who did what and when, for a network's
//! coordinator (that network's rows) and for the administrator (everything,
//! also log-ins and failed log-ins, which belong to no network).

use verband_domain::{Network, NetworkRole, PageRequest, Paged};
use verband_store::{AuditFilter, AuditRecord, Conn};

use crate::{Actor, Result, Service, ServiceError};

/// The most rows one CSV export holds; the page's filters narrow further.
pub const AUDIT_EXPORT_LIMIT: i64 = 100_000;
/// The most names a filter's choice list offers.
const CHOICES_LIMIT: i64 = 500;

/// Whose rows: one network's, or the whole deployment's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditScope {
    Network(i64),
    Everything,
}

/// What the narrowing filters ask; the scope decides the network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub result: Option<String>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

/// Everything the audit log page shows, read on one connection.
pub struct AuditView {
    /// The network and the viewer's role in it (for a network's log).
    pub network: Option<(Network, NetworkRole)>,
    pub entries: Paged<AuditRecord>,
    /// The actor names and actions that occur in the scope, for the filters.
    pub actors: Vec<String>,
    pub actions: Vec<String>,
}

/// Only coordinators read a network's log: it names people and what they did.
pub fn may_read_audit(role: NetworkRole) -> bool {
    matches!(role, NetworkRole::Coordinator)
}

impl AuditQuery {
    fn filter(&self, network_id: Option<i64>) -> AuditFilter {
        AuditFilter {
            network_id,
            actor: self.actor.clone(),
            action: self.action.clone(),
            result: self.result.clone(),
            from: self.from,
            to: self.to,
        }
    }
}

impl Service {
    /// Decides once whether the actor may read the scope's log; the network
    /// and role for a network's log.
    async fn audit_scope_in(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        scope: AuditScope,
    ) -> Result<(Option<i64>, Option<(Network, NetworkRole)>)> {
        match scope {
            AuditScope::Everything if actor.is_admin => Ok((None, None)),
            AuditScope::Everything => Err(ServiceError::Forbidden),
            AuditScope::Network(id) => {
                let (network, role) = self.network_in(conn, actor, id).await?;
                if !may_read_audit(role) {
                    return Err(ServiceError::Forbidden);
                }
                Ok((Some(id), Some((network, role))))
            }
        }
    }

    /// One page of the log, newest first, with the filters' choices.
    pub async fn audit_view(&self, actor: &Actor, scope: AuditScope, query: &AuditQuery, page: PageRequest) -> Result<AuditView> {
        let mut conn = self.store.conn().await?;
        let (network_id, network) = self.audit_scope_in(&mut conn, actor, scope).await?;
        let filter = query.filter(network_id);
        let (items, total) = verband_store::audit_page(&mut conn, &filter, i64::from(page.size), page.offset()).await?;
        let (actors, actions) = verband_store::audit_choices(&mut conn, &filter, CHOICES_LIMIT).await?;
        Ok(AuditView { network, entries: Paged { items, total, page: page.number, page_size: page.size }, actors, actions })
    }

    /// Every filtered row for a CSV file (at most [`AUDIT_EXPORT_LIMIT`]),
    /// newest first. The export is itself written to the log, in the same
    /// transaction as the read.
    pub async fn audit_export(&self, actor: &Actor, scope: AuditScope, query: &AuditQuery) -> Result<Vec<AuditRecord>> {
        let mut tx = self.store.begin().await?;
        let (network_id, network) = self.audit_scope_in(&mut tx, actor, scope).await?;
        let rows = verband_store::audit_rows(&mut tx, &query.filter(network_id), AUDIT_EXPORT_LIMIT).await?;
        let label = network.as_ref().map(|(n, _)| n.name.clone());
        self.audit_download(&mut tx, actor, network_id, "audit_log", network_id, label.as_deref()).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// The audit entry of a download or export: it changed no data, so it
    /// writes no change-log row (caches and indexes have nothing to redo).
    pub(crate) async fn audit_download(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        network_id: Option<i64>,
        object_type: &str,
        object_id: Option<i64>,
        label: Option<&str>,
    ) -> Result<()> {
        let origin = actor.origin.describe();
        verband_store::insert_audit(
            conn,
            &verband_store::AuditEntry {
                network_id,
                actor_user_id: actor.user_id,
                actor: &actor.name,
                action: "export",
                object_type,
                object_id,
                object_label: label,
                result: "success",
                origin: &origin,
            },
        )
        .await?;
        Ok(())
    }
}
