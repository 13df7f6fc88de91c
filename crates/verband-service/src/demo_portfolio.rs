//! Writes a demo portfolio through the same store functions and audit trail
//! as the use cases, inside the demo network's transaction.

use chrono::NaiveDate;
use verband_domain::demo_portfolio::DemoPortfolio;
use verband_domain::phase_checklist::ChecklistItemForm;
use verband_domain::portfolio::{DeliveryDraft, ProjectForm, Quarter};
use verband_domain::ValidationErrors;
use verband_store::Conn;

use crate::{Actor, Result, Service, ServiceError};

/// The ids the demo network's records got, by the indices the demo uses.
pub(crate) struct DemoIds<'a> {
    pub network: i64,
    pub goals: &'a [i64],
    pub partners: &'a [i64],
    /// (partner index, person id).
    pub persons: &'a [(usize, i64)],
}

fn invalid(e: ValidationErrors) -> ServiceError {
    ServiceError::Conflict(format!("demo portfolio is invalid: {e}"))
}

impl Service {
    pub(crate) async fn seed_portfolio(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        ids: &DemoIds<'_>,
        demo: &DemoPortfolio,
        today: NaiveDate,
    ) -> Result<()> {
        let nid = ids.network;
        let org = |i: usize| ids.partners.get(i).copied();
        let mut agreement_ids = Vec::new();
        for a in &demo.agreements {
            let mut form = a.form.clone();
            form.party_ids = a.parties.iter().filter_map(|p| org(*p)).map(|id| id.to_string()).collect();
            let draft = form.validate().map_err(invalid)?;
            let aid = verband_store::insert_agreement(conn, nid, &draft).await?;
            self.record(conn, actor, Some(nid), "create", "agreement", aid, &draft.title).await?;
            agreement_ids.push(aid);
            for c in &a.commitments {
                let mut cform = c.form.clone();
                cform.organisation_id = org(c.party).map(|id| id.to_string()).unwrap_or_default();
                let cd = cform.validate(&draft.party_ids).map_err(invalid)?;
                let cid = verband_store::insert_commitment(conn, nid, aid, &cd).await?;
                self.record(conn, actor, Some(nid), "create", "commitment", cid, cd.role.as_deref().unwrap_or("")).await?;
                let (Some(start), Some(hours)) = (draft.starts_on, cd.hours_per_month) else { continue };
                // One report per completed quarter, at the share the demo says.
                let mut quarter = Quarter::of(start);
                let last = Quarter::of(today).previous();
                let mut index = 0;
                while quarter <= last {
                    let share = c.delivered.get(index).or(c.delivered.last()).copied().flatten();
                    if let Some(share) = share {
                        let delivery = DeliveryDraft { quarter, hours: Some((hours * 3.0 * share).round()), money_cents: None, note: None };
                        let did = verband_store::upsert_delivery(conn, nid, cid, &delivery, None).await?;
                        self.record(conn, actor, Some(nid), "report", "delivery", did, &quarter.to_string()).await?;
                    }
                    quarter = quarter.next();
                    index += 1;
                }
            }
        }
        for p in &demo.projects {
            let owner = p.owner_from.and_then(|o| ids.persons.iter().find(|(partner, _)| *partner == o)).map(|(_, id)| *id);
            let mut form = ProjectForm {
                title: p.title.clone(),
                description: p.description.clone(),
                goal_ids: p.goals.iter().filter_map(|g| ids.goals.get(*g)).map(|id| id.to_string()).collect(),
                lead_organisation_id: p.lead.and_then(org).map(|id| id.to_string()).unwrap_or_default(),
                owner_person_id: owner.map(|id| id.to_string()).unwrap_or_default(),
                partner_ids: p.partners.iter().filter_map(|x| org(*x)).map(|id| id.to_string()).collect(),
                status: String::new(),
                status_changed_on: String::new(),
                budget: p.budget.clone(),
                results: p.results.clone(),
                sustainability_plan: p.sustainability_plan.clone(),
            };
            let mut project_id = None;
            for (status, on) in &p.history {
                form.status = status.code().to_string();
                form.status_changed_on = on.to_string();
                let draft = form.validate(today).map_err(invalid)?;
                match project_id {
                    None => {
                        let id = verband_store::insert_project(conn, nid, &draft).await?;
                        self.record(conn, actor, Some(nid), "create", "project", id, &draft.title).await?;
                        project_id = Some(id);
                    }
                    Some(id) => {
                        let before = verband_store::project_by_id(conn, nid, id).await?.ok_or(ServiceError::NotFound)?;
                        verband_store::update_project(conn, nid, id, &before, &draft, true).await?;
                        self.record(conn, actor, Some(nid), "update", "project", id, &draft.title).await?;
                    }
                }
            }
            let Some(pid) = project_id else { continue };
            for s in &p.streams {
                let d = s.validate().map_err(invalid)?;
                let sid = verband_store::insert_funding_stream(conn, nid, pid, &d).await?;
                self.record(conn, actor, Some(nid), "create", "funding_stream", sid, d.funder.as_deref().unwrap_or("")).await?;
            }
        }
        for item in &demo.checklist {
            let form = ChecklistItemForm {
                status: item.status.code().to_string(),
                owner_person_id: String::new(),
                evidence: item
                    .agreement_evidence
                    .and_then(|a| agreement_ids.get(a))
                    .map(|id| format!("agreement:{id}"))
                    .into_iter()
                    .collect(),
                note: item.note.clone(),
            };
            let draft = form.validate().map_err(invalid)?;
            verband_store::save_checklist_item(conn, nid, item.block, &draft, today).await?;
            self.record(conn, actor, Some(nid), "update", "checklist_item", nid, item.block.code()).await?;
        }
        Ok(())
    }
}
