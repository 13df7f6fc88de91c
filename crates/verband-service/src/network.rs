//! Networks, their dashboard, the shared ambition, goals and interests.

use verband_domain::{AmbitionForm, Goal, GoalForm, Interest, InterestForm, Network, NetworkForm, NetworkRole, Sector, ValidationErrors};
use verband_store::{AuditRecord, NetworkCounts};

use crate::{Actor, Result, Service, ServiceError};

/// What the network's dashboard shows.
pub struct Dashboard {
    pub network: Network,
    pub role: NetworkRole,
    pub counts: NetworkCounts,
    pub per_sector: Vec<(Sector, i64)>,
    pub recent: Vec<AuditRecord>,
}

/// A line of the administrator's list of networks.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkListing {
    pub id: i64,
    pub name: String,
    pub region: Option<String>,
    pub archived_at: Option<String>,
}

/// Everything the dashboard shows, read with one connection and one role check.
pub struct DashboardView {
    pub dashboard: Dashboard,
    pub vitality: std::sync::Arc<crate::VitalityPanel>,
    pub stories: Vec<verband_domain::Story>,
    pub partner_names: Vec<(i64, String)>,
    pub portfolio: std::sync::Arc<crate::PortfolioOverview>,
    pub agreements: std::sync::Arc<crate::agreements::Balances>,
    /// How far the network is with its first steps.
    pub start: verband_domain::first_steps::NetworkStart,
    /// Live bodies (a meeting needs one to be planned in).
    pub bodies: i64,
}

impl Service {
    /// The dashboard's panels. The derived ones (vitality, portfolio,
    /// agreements) come from their caches while the network is unchanged,
    /// checked once against the change log for all three.
    pub async fn dashboard_view(&self, actor: &Actor, network_id: i64, stories: i64) -> Result<DashboardView> {
        let mut conn = self.store.conn().await?;
        let dashboard = self.dashboard_in(&mut conn, actor, network_id).await?;
        let seq = verband_store::latest_change_seq(&mut conn, network_id).await?;
        let vitality = self.vitality_at(&mut conn, network_id, seq).await?;
        let portfolio = self.portfolio_at(&mut conn, network_id, seq).await?;
        let agreements = self.balances_at(&mut conn, network_id, seq).await?;
        let stories = verband_store::stories_of_network(&mut conn, network_id, Some(stories)).await?;
        let partner_names = verband_store::partner_choices(&mut conn, network_id).await?;
        let more = verband_store::start_counts(&mut conn, network_id).await?;
        let start = verband_domain::first_steps::NetworkStart {
            partners: dashboard.counts.partners,
            has_ambition: dashboard.network.ambition.as_deref().is_some_and(|a| !a.trim().is_empty()),
            goals: dashboard.counts.goals,
            agreements: more.agreements,
            meetings: more.meetings,
            projects: more.projects,
            people_with_access: more.people_with_access,
        };
        Ok(DashboardView { dashboard, vitality, stories, partner_names, portfolio, agreements, start, bodies: more.bodies })
    }

    /// The networks the actor has a role in (all of them for admins), by name.
    pub async fn my_networks(&self, actor: &Actor) -> Result<Vec<(Network, NetworkRole)>> {
        let mut conn = self.store.conn().await?;
        if actor.is_admin {
            let all = verband_store::all_networks(&mut conn).await?;
            return Ok(all.into_iter().map(|n| (n, NetworkRole::Coordinator)).collect());
        }
        let Some(user_id) = actor.user_id else { return Ok(Vec::new()) };
        let roles = verband_store::roles_of_user(&mut conn, user_id).await?;
        let ids: Vec<i64> = roles.iter().map(|(id, _)| *id).collect();
        let networks = verband_store::networks_by_ids(&mut conn, &ids).await?;
        Ok(networks.into_iter().filter_map(|n| roles.iter().find(|(id, _)| *id == n.id).map(|(_, r)| (n.clone(), *r))).collect())
    }

    pub async fn network(&self, actor: &Actor, network_id: i64) -> Result<(Network, NetworkRole)> {
        let mut conn = self.store.conn().await?;
        self.network_in(&mut conn, actor, network_id).await
    }

    /// The network with the actor's role, on a connection the caller goes on using.
    pub(crate) async fn network_in(
        &self,
        conn: &mut verband_store::Conn,
        actor: &Actor,
        network_id: i64,
    ) -> Result<(Network, NetworkRole)> {
        if actor.is_admin {
            let network = verband_store::network_by_id(conn, network_id).await?.ok_or(ServiceError::NotFound)?;
            return Ok((network, NetworkRole::Coordinator));
        }
        let user_id = actor.user_id.ok_or(ServiceError::NotFound)?;
        verband_store::network_with_role(conn, network_id, user_id).await?.ok_or(ServiceError::NotFound)
    }

    pub async fn dashboard(&self, actor: &Actor, network_id: i64) -> Result<Dashboard> {
        let mut conn = self.store.conn().await?;
        self.dashboard_in(&mut conn, actor, network_id).await
    }

    async fn dashboard_in(&self, conn: &mut verband_store::Conn, actor: &Actor, network_id: i64) -> Result<Dashboard> {
        let (network, role) = self.network_in(conn, actor, network_id).await?;
        let counts = verband_store::network_counts(conn, network_id).await?;
        let per_sector = verband_store::partners_per_sector(conn, network_id).await?;
        let recent = verband_store::recent_audit(conn, network_id, 10).await?;
        Ok(Dashboard { network, role, counts, per_sector, recent })
    }

    /// Creates a network (admins and the CLI). The creator gets no role
    /// automatically; grant one with `grant`.
    pub async fn create_network(&self, actor: &Actor, form: &NetworkForm) -> Result<i64> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let id = verband_store::insert_network(&mut tx, &draft).await?;
        self.record(&mut tx, actor, Some(id), "create", "network", id, &draft.name).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every network with whether it is archived (administrators only).
    pub async fn networks_overview(&self, actor: &Actor) -> Result<Vec<NetworkListing>> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut conn = self.store.conn().await?;
        let rows = verband_store::networks_with_archive_state(&mut conn).await?;
        Ok(rows.into_iter().map(|(id, name, region, archived_at)| NetworkListing { id, name, region, archived_at }).collect())
    }

    /// Archives a network: it disappears for everyone but the administrator,
    /// its links stop working, and nothing is deleted, so it can be restored.
    pub async fn archive_network(&self, actor: &Actor, network_id: i64) -> Result<()> {
        self.set_network_archived(actor, network_id, true).await
    }

    pub async fn restore_network(&self, actor: &Actor, network_id: i64) -> Result<()> {
        self.set_network_archived(actor, network_id, false).await
    }

    async fn set_network_archived(&self, actor: &Actor, network_id: i64, archived: bool) -> Result<()> {
        if !actor.is_admin {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let network = verband_store::network_by_id(&mut tx, network_id).await?.ok_or(ServiceError::NotFound)?;
        if !verband_store::set_network_archived(&mut tx, network_id, archived).await? {
            return Err(ServiceError::Conflict(if archived { "already-archived" } else { "not-archived" }.into()));
        }
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "network", network_id, &network.name).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn update_network(&self, actor: &Actor, network_id: i64, form: &NetworkForm) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        verband_store::update_network(&mut tx, network_id, &draft).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "network", network_id, &draft.name).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Coordinators and the steering group may write the ambition.
    pub async fn set_ambition(&self, actor: &Actor, network_id: i64, form: &AmbitionForm) -> Result<()> {
        if !self.role_in(actor, network_id).await?.may_edit_ambition() {
            return Err(ServiceError::Forbidden);
        }
        let statement = form.validate()?;
        let mut tx = self.store.begin().await?;
        verband_store::set_ambition(&mut tx, network_id, &statement).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "ambition", network_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn goals(&self, actor: &Actor, network_id: i64) -> Result<Vec<Goal>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::goals_of_network(&mut conn, network_id).await?)
    }

    pub async fn goal(&self, actor: &Actor, network_id: i64, goal_id: i64) -> Result<Goal> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        verband_store::goal_by_id(&mut conn, network_id, goal_id).await?.ok_or(ServiceError::NotFound)
    }

    /// Goals belong to the ambition, so the same roles may write them.
    pub async fn save_goal(&self, actor: &Actor, network_id: i64, goal_id: Option<i64>, form: &GoalForm) -> Result<i64> {
        if !self.role_in(actor, network_id).await?.may_edit_ambition() {
            return Err(ServiceError::Forbidden);
        }
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let id = match goal_id {
            Some(id) => {
                verband_store::goal_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                verband_store::update_goal(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "goal", id, &draft.title).await?;
                id
            }
            None => {
                let id = verband_store::insert_goal(&mut tx, network_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "goal", id, &draft.title).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_goal_archived(&self, actor: &Actor, network_id: i64, goal_id: i64, archived: bool) -> Result<()> {
        if !self.role_in(actor, network_id).await?.may_edit_ambition() {
            return Err(ServiceError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let goal = verband_store::goal_by_id(&mut tx, network_id, goal_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_goal_archived(&mut tx, network_id, goal_id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "goal", goal_id, &goal.title).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn interests(&self, actor: &Actor, network_id: i64, organisation_id: Option<i64>) -> Result<Vec<Interest>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::interests_of_network(&mut conn, network_id, organisation_id).await?)
    }

    pub async fn save_interest(&self, actor: &Actor, network_id: i64, interest_id: Option<i64>, form: &InterestForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        // Links may only point at this network's own partners and goals.
        let mut e = ValidationErrors::default();
        if verband_store::partner_by_id(&mut tx, network_id, draft.organisation_id).await?.is_none() {
            e.add("organisationId", "choice-invalid");
        }
        for g in &draft.goal_ids {
            if verband_store::goal_by_id(&mut tx, network_id, *g).await?.is_none() {
                e.add("goalIds", "choice-invalid");
                break;
            }
        }
        e.finish(())?;
        let label: String = draft.description.chars().take(80).collect();
        let id = match interest_id {
            Some(id) => {
                let existing = verband_store::interests_of_network(&mut tx, network_id, None).await?;
                if !existing.iter().any(|i| i.id == id) {
                    return Err(ServiceError::NotFound);
                }
                verband_store::update_interest(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "interest", id, &label).await?;
                id
            }
            None => {
                let id = verband_store::insert_interest(&mut tx, network_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "interest", id, &label).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn delete_interest(&self, actor: &Actor, network_id: i64, interest_id: i64) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let existing = verband_store::interests_of_network(&mut tx, network_id, None).await?;
        let interest = existing.iter().find(|i| i.id == interest_id).ok_or(ServiceError::NotFound)?;
        let label: String = interest.description.chars().take(80).collect();
        verband_store::delete_interest(&mut tx, network_id, interest_id).await?;
        self.record(&mut tx, actor, Some(network_id), "delete", "interest", interest_id, &label).await?;
        tx.commit().await?;
        Ok(())
    }
}
