//! The project portfolio: projects and their funding streams, the checks a
//! steering group asks for (coherence, funding cliff, structural share), the
//! phase checklist and the portfolio settings.

use chrono::{Datelike, NaiveDate, Utc};
use verband_domain::coherence::{coherence_findings, Finding};
use verband_domain::funding::{funding_cliffs, structural_share_per_year, FundingCliff, YearShare};
use verband_domain::phase_checklist::{checklist, phase_progress, ChecklistEntry, ChecklistItemForm, PhaseProgress};
use verband_domain::portfolio::{FundingStream, FundingStreamForm, Project, ProjectForm, StatusChange};
use verband_domain::portfolio_settings::{PortfolioSettings, PortfolioSettingsForm};
use verband_domain::{BuildingBlock, Goal};
use verband_store::{Conn, PortfolioSettingsRecord};

use crate::{Actor, Result, Service, ServiceError};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A project with its history and money.
pub struct ProjectDetail {
    pub project: Project,
    pub history: Vec<StatusChange>,
    pub streams: Vec<FundingStream>,
    /// Set when the project's money runs out within the horizon.
    pub cliff: Option<FundingCliff>,
}

/// What the dashboard and the portfolio pages show about the whole portfolio.
#[derive(Clone)]
pub struct PortfolioOverview {
    pub findings: Vec<Finding>,
    pub cliffs: Vec<FundingCliff>,
    pub shares: Vec<YearShare>,
    pub settings: PortfolioSettings,
    pub projects: Vec<Project>,
    pub goals: Vec<Goal>,
    pub agreements: Vec<verband_domain::portfolio::Agreement>,
}

/// The checklist with progress per phase.
pub struct ChecklistView {
    pub entries: Vec<ChecklistEntry>,
    pub progress: Vec<PhaseProgress>,
}

/// The years the structural-share chart covers: from the first year with
/// money (at most five years back) to two years ahead.
fn chart_years(streams: &[FundingStream], today: NaiveDate) -> std::ops::RangeInclusive<i32> {
    let this_year = today.year();
    let first = streams.iter().filter_map(|s| s.starts_on.map(|d| d.year())).min().unwrap_or(this_year);
    first.clamp(this_year - 5, this_year)..=this_year + 2
}

impl Service {
    pub(crate) async fn portfolio_settings_in(&self, conn: &mut Conn, network_id: i64) -> Result<PortfolioSettings> {
        Ok(match verband_store::portfolio_settings(conn, network_id).await? {
            Some(r) => PortfolioSettings {
                max_active_projects_per_partner: u32::try_from(r.max_active_projects_per_partner).unwrap_or(5),
                cliff_horizon_months: u32::try_from(r.cliff_horizon_months).unwrap_or(6),
            },
            None => PortfolioSettings::default(),
        })
    }

    pub async fn portfolio_settings(&self, actor: &Actor, network_id: i64) -> Result<PortfolioSettings> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        self.portfolio_settings_in(&mut conn, network_id).await
    }

    pub async fn save_portfolio_settings(&self, actor: &Actor, network_id: i64, form: &PortfolioSettingsForm) -> Result<PortfolioSettings> {
        self.require_records_editor(actor, network_id).await?;
        let s = form.validate()?;
        let mut tx = self.store.begin().await?;
        let record = PortfolioSettingsRecord {
            max_active_projects_per_partner: i64::from(s.max_active_projects_per_partner),
            cliff_horizon_months: i64::from(s.cliff_horizon_months),
        };
        verband_store::save_portfolio_settings(&mut tx, network_id, record).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "portfolio_settings", network_id, "").await?;
        tx.commit().await?;
        Ok(s)
    }

    pub async fn projects(&self, actor: &Actor, network_id: i64) -> Result<Vec<Project>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::projects_of_network(&mut conn, network_id).await?)
    }

    pub async fn project(&self, actor: &Actor, network_id: i64, project_id: i64) -> Result<ProjectDetail> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let project = verband_store::project_by_id(&mut conn, network_id, project_id).await?.ok_or(ServiceError::NotFound)?;
        let history = verband_store::status_history(&mut conn, project_id).await?;
        let streams = verband_store::funding_streams_of_network(&mut conn, network_id, Some(project_id)).await?;
        let settings = self.portfolio_settings_in(&mut conn, network_id).await?;
        let cliff = funding_cliffs(std::slice::from_ref(&project), &streams, today(), settings.cliff_horizon_months).pop();
        Ok(ProjectDetail { project, history, streams, cliff })
    }

    pub async fn save_project(&self, actor: &Actor, network_id: i64, project_id: Option<i64>, form: &ProjectForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate(today())?;
        let mut tx = self.store.begin().await?;
        let mut orgs: Vec<(&str, i64)> = draft.partner_ids.iter().map(|o| ("partnerIds", *o)).collect();
        orgs.extend(draft.lead_organisation_id.map(|o| ("leadOrganisationId", o)));
        let persons: Vec<(&str, i64)> = draft.owner_person_id.iter().map(|p| ("ownerPersonId", *p)).collect();
        self.check_links(&mut tx, network_id, &orgs, &persons).await?;
        for g in &draft.goal_ids {
            if verband_store::goal_by_id(&mut tx, network_id, *g).await?.is_none() {
                return Err(verband_domain::ValidationErrors::single("goalIds", "choice-invalid").into());
            }
        }
        let id = match project_id {
            Some(id) => {
                let before = verband_store::project_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                let date_given = !form.status_changed_on.trim().is_empty();
                verband_store::update_project(&mut tx, network_id, id, &before, &draft, date_given).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "project", id, &draft.title).await?;
                id
            }
            None => {
                let id = verband_store::insert_project(&mut tx, network_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "project", id, &draft.title).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_project_archived(&self, actor: &Actor, network_id: i64, project_id: i64, archived: bool) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let p = verband_store::project_by_id(&mut tx, network_id, project_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_project_archived(&mut tx, network_id, project_id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "project", project_id, &p.title).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn funding_streams(&self, actor: &Actor, network_id: i64, project_id: Option<i64>) -> Result<Vec<FundingStream>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::funding_streams_of_network(&mut conn, network_id, project_id).await?)
    }

    pub async fn save_funding_stream(
        &self,
        actor: &Actor,
        network_id: i64,
        project_id: i64,
        stream_id: Option<i64>,
        form: &FundingStreamForm,
    ) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let project = verband_store::project_by_id(&mut tx, network_id, project_id).await?.ok_or(ServiceError::NotFound)?;
        let label = format!("{} / {}", project.title, draft.funder.clone().unwrap_or_default());
        let id = match stream_id {
            Some(id) => {
                let s = verband_store::funding_stream_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                if s.project_id != project_id {
                    return Err(ServiceError::NotFound);
                }
                verband_store::update_funding_stream(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "funding_stream", id, &label).await?;
                id
            }
            None => {
                let id = verband_store::insert_funding_stream(&mut tx, network_id, project_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "funding_stream", id, &label).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_funding_stream_archived(&self, actor: &Actor, network_id: i64, stream_id: i64, archived: bool) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        if archived {
            verband_store::funding_stream_by_id(&mut tx, network_id, stream_id).await?.ok_or(ServiceError::NotFound)?;
        }
        verband_store::set_funding_stream_archived(&mut tx, network_id, stream_id, archived).await?;
        let action = if archived { "archive" } else { "restore" };
        self.record(&mut tx, actor, Some(network_id), action, "funding_stream", stream_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Coherence findings, funding cliffs and the structural share per year,
    /// computed from the network's current records.
    /// Kept per network until it changes or the day turns: the dashboard
    /// and the coherence page show it on every view.
    pub async fn portfolio_overview(&self, actor: &Actor, network_id: i64) -> Result<PortfolioOverview> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let seq = verband_store::latest_change_seq(&mut conn, network_id).await?;
        Ok((*self.portfolio_at(&mut conn, network_id, seq).await?).clone())
    }

    pub(crate) async fn portfolio_at(&self, conn: &mut Conn, network_id: i64, seq: i64) -> Result<std::sync::Arc<PortfolioOverview>> {
        let day = today();
        if let Some(o) = self.portfolio_cache.get(network_id, seq, day) {
            return Ok(o);
        }
        let overview = std::sync::Arc::new(self.compute_portfolio_overview(conn, network_id).await?);
        self.portfolio_cache.put(network_id, seq, day, overview.clone());
        Ok(overview)
    }

    async fn compute_portfolio_overview(&self, conn: &mut Conn, network_id: i64) -> Result<PortfolioOverview> {
        let goals = verband_store::goals_of_network(conn, network_id).await?;
        let projects = verband_store::projects_of_network(conn, network_id).await?;
        let agreements = verband_store::agreements_of_network(conn, network_id).await?;
        let streams = verband_store::funding_streams_of_network(conn, network_id, None).await?;
        let settings = self.portfolio_settings_in(conn, network_id).await?;
        let today = today();
        let findings = coherence_findings(&goals, &projects, &agreements, &settings.coherence(), today);
        let cliffs = funding_cliffs(&projects, &streams, today, settings.cliff_horizon_months);
        // Archived projects' money does not count towards the share either.
        let live_streams: Vec<FundingStream> =
            streams.into_iter().filter(|s| projects.iter().any(|p| p.id == s.project_id && !p.archived)).collect();
        let shares = structural_share_per_year(&live_streams, chart_years(&live_streams, today));
        Ok(PortfolioOverview { findings, cliffs, shares, settings, projects, goals, agreements })
    }

    pub async fn phase_checklist(&self, actor: &Actor, network_id: i64) -> Result<ChecklistView> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let items = verband_store::checklist_items_of_network(&mut conn, network_id).await?;
        Ok(ChecklistView { entries: checklist(&items), progress: phase_progress(&items) })
    }

    /// Sets a building block's status, owner, evidence and note. Evidence
    /// must point at this network's own agreements, meetings and projects.
    pub async fn save_checklist_item(&self, actor: &Actor, network_id: i64, block: BuildingBlock, form: &ChecklistItemForm) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let persons: Vec<(&str, i64)> = draft.owner_person_id.iter().map(|p| ("ownerPersonId", *p)).collect();
        self.check_links(&mut tx, network_id, &[], &persons).await?;
        for e in &draft.evidence {
            let Some(id) = e.object_id else { continue };
            let exists = match e.kind {
                verband_domain::EvidenceKind::Agreement => verband_store::agreement_by_id(&mut tx, network_id, id).await?.is_some(),
                verband_domain::EvidenceKind::Meeting => verband_store::meeting_by_id(&mut tx, network_id, id).await?.is_some(),
                verband_domain::EvidenceKind::Project => verband_store::project_by_id(&mut tx, network_id, id).await?.is_some(),
                // Knowledge items arrive with the knowledge lab; until then they cannot be checked.
                verband_domain::EvidenceKind::KnowledgeItem | verband_domain::EvidenceKind::Document => false,
            };
            if !exists {
                return Err(verband_domain::ValidationErrors::single("evidence", "evidence-unknown").into());
            }
        }
        verband_store::save_checklist_item(&mut tx, network_id, block, &draft, today()).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "checklist_item", network_id, block.code()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// (id, name, e-mail) of the network's persons, for pick lists.
    pub async fn person_choices(&self, actor: &Actor, network_id: i64) -> Result<Vec<(i64, String, Option<String>)>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::person_choices(&mut conn, network_id).await?)
    }
}
