//! Meetings of the network's bodies and what follows from them: agenda,
//! attendance, decisions, action items; shared stories; the vitality panel;
//! personal calendar feeds.

use chrono::{NaiveDate, Utc};
use verband_domain::vitality::{history, vitality, HistoryPoint, MembershipFacts, VitalityInput, VitalityReport, VitalitySettings};
use verband_domain::{
    ActionDoneForm, ActionItem, ActionItemForm, AgendaItem, AgendaItemForm, AgendaOrderForm, Attendance, AttendanceForm, Body, BodyForm,
    Decision, DecisionForm, Meeting, MeetingForm, NetworkRole, Story, StoryForm, ValidationErrors,
};
use verband_store::{CalendarFeed, Conn, Proposer};

use crate::secrets::{new_token, token_hash};
use crate::{Actor, Result, Service, ServiceError};

/// A meeting with everything recorded about it.
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub body: Body,
    pub agenda: Vec<AgendaItem>,
    pub attendance: Vec<Attendance>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionItem>,
}

/// The vitality panel: today's report and the history for the chart.
#[derive(Clone)]
pub struct VitalityPanel {
    pub report: VitalityReport,
    pub history: Vec<HistoryPoint>,
    pub settings: VitalitySettings,
}

/// Panels computed before, per network, with the change-log position and the
/// day they were computed for. A panel is reused only while the network has
/// no newer change and the day is the same, so every instance on a shared
/// database still shows the current truth.
pub(crate) type VitalityCache = crate::network_cache::NetworkCache<VitalityPanel>;

/// What a calendar feed shows, read without a session.
pub struct FeedContent {
    pub network_name: String,
    pub bodies: Vec<Body>,
    pub meetings: Vec<Meeting>,
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Roles that take part (propose agenda items, share stories); advisors read.
fn participates(role: NetworkRole) -> bool {
    !matches!(role, NetworkRole::Advisor)
}

impl Service {
    pub async fn bodies(&self, actor: &Actor, network_id: i64) -> Result<Vec<Body>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::bodies_of_network(&mut conn, network_id).await?)
    }

    pub async fn save_body(&self, actor: &Actor, network_id: i64, body_id: Option<i64>, form: &BodyForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let id = match body_id {
            Some(id) => {
                verband_store::body_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                verband_store::update_body(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "body", id, &draft.name).await?;
                id
            }
            None => {
                let id = verband_store::insert_body(&mut tx, network_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "body", id, &draft.name).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn meetings(&self, actor: &Actor, network_id: i64, body_id: Option<i64>) -> Result<Vec<Meeting>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::meetings_of_network(&mut conn, network_id, body_id).await?)
    }

    pub async fn meeting(&self, actor: &Actor, network_id: i64, meeting_id: i64) -> Result<MeetingDetail> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let meeting = verband_store::meeting_by_id(&mut conn, network_id, meeting_id).await?.ok_or(ServiceError::NotFound)?;
        let body = verband_store::body_by_id(&mut conn, network_id, meeting.body_id).await?.ok_or(ServiceError::NotFound)?;
        Ok(MeetingDetail {
            agenda: verband_store::agenda_of_meeting(&mut conn, meeting_id).await?,
            attendance: verband_store::attendance_of_meeting(&mut conn, meeting_id).await?,
            decisions: verband_store::decisions_of_meeting(&mut conn, meeting_id).await?,
            actions: verband_store::actions_of_network(&mut conn, network_id, Some(meeting_id)).await?,
            meeting,
            body,
        })
    }

    /// Checks that ids in a form point at this network's own objects.
    pub(crate) async fn check_links(
        &self,
        conn: &mut Conn,
        network_id: i64,
        organisations: &[(&str, i64)],
        persons: &[(&str, i64)],
    ) -> Result<()> {
        let mut e = ValidationErrors::default();
        for (field, org) in organisations {
            if verband_store::partner_by_id(conn, network_id, *org).await?.is_none() && e.for_field(field).is_none() {
                e.add(field, "choice-invalid");
            }
        }
        for (field, person) in persons {
            if verband_store::person_by_id(conn, network_id, *person).await?.is_none() && e.for_field(field).is_none() {
                e.add(field, "choice-invalid");
            }
        }
        e.finish(())?;
        Ok(())
    }

    pub async fn save_meeting(&self, actor: &Actor, network_id: i64, meeting_id: Option<i64>, form: &MeetingForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let body = verband_store::body_by_id(&mut tx, network_id, draft.body_id).await?;
        let Some(body) = body else { return Err(ValidationErrors::single("bodyId", "choice-invalid").into()) };
        let orgs: Vec<(&str, i64)> = draft.invited_organisation_ids.iter().map(|o| ("invitedOrganisationIds", *o)).collect();
        let persons: Vec<(&str, i64)> = draft.invited_person_ids.iter().map(|p| ("invitedPersonIds", *p)).collect();
        self.check_links(&mut tx, network_id, &orgs, &persons).await?;
        let label = format!("{} {}", body.name, draft.date);
        let id = match meeting_id {
            Some(id) => {
                verband_store::meeting_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                verband_store::update_meeting(&mut tx, network_id, id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "update", "meeting", id, &label).await?;
                id
            }
            None => {
                let id = verband_store::insert_meeting(&mut tx, network_id, &draft).await?;
                self.record(&mut tx, actor, Some(network_id), "create", "meeting", id, &label).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    /// Anyone who takes part may propose an item. A member's item is their
    /// organisation's; a coordinator may record an item on behalf of a
    /// partner, otherwise it counts as the coordinator's own.
    pub async fn propose_agenda_item(&self, actor: &Actor, network_id: i64, meeting_id: i64, form: &AgendaItemForm) -> Result<i64> {
        let role = self.role_in(actor, network_id).await?;
        if !participates(role) {
            return Err(ServiceError::Forbidden);
        }
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        verband_store::meeting_by_id(&mut tx, network_id, meeting_id).await?.ok_or(ServiceError::NotFound)?;
        let own = match actor.user_id {
            Some(u) => verband_store::role_organisation(&mut tx, u, network_id).await?,
            None => None,
        };
        let coordinator_orgs = verband_store::coordinator_organisations(&mut tx, network_id).await?;
        let proposer = if role.may_edit_records() {
            let orgs: Vec<(&str, i64)> = draft.organisation_id.iter().map(|o| ("organisationId", *o)).collect();
            let persons: Vec<(&str, i64)> = draft.person_id.iter().map(|p| ("personId", *p)).collect();
            self.check_links(&mut tx, network_id, &orgs, &persons).await?;
            let organisation_id = draft.organisation_id.or(own);
            let by_coordinator = draft.organisation_id.is_none() || organisation_id.is_some_and(|o| coordinator_orgs.contains(&o));
            Proposer { organisation_id, person_id: draft.person_id, by_coordinator, user_id: actor.user_id }
        } else {
            Proposer {
                organisation_id: own,
                person_id: None,
                by_coordinator: own.is_some_and(|o| coordinator_orgs.contains(&o)),
                user_id: actor.user_id,
            }
        };
        let id = verband_store::insert_agenda_item(&mut tx, network_id, meeting_id, &draft, proposer, today()).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "agenda_item", id, &draft.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn order_agenda(&self, actor: &Actor, network_id: i64, meeting_id: i64, form: &AgendaOrderForm) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        verband_store::meeting_by_id(&mut tx, network_id, meeting_id).await?.ok_or(ServiceError::NotFound)?;
        let existing: Vec<i64> = verband_store::agenda_of_meeting(&mut tx, meeting_id).await?.iter().map(|a| a.id).collect();
        let order = form.validate(&existing)?;
        verband_store::set_agenda_order(&mut tx, meeting_id, &order).await?;
        self.record(&mut tx, actor, Some(network_id), "reorder", "meeting", meeting_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records who came; invited partners not named count as absent.
    pub async fn record_attendance(&self, actor: &Actor, network_id: i64, meeting_id: i64, form: &AttendanceForm) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let meeting = verband_store::meeting_by_id(&mut tx, network_id, meeting_id).await?.ok_or(ServiceError::NotFound)?;
        let mut orgs: Vec<(&str, i64)> = draft.present_organisation_ids.iter().map(|o| ("presentOrganisationIds", *o)).collect();
        orgs.extend(draft.excused_organisation_ids.iter().map(|o| ("excusedOrganisationIds", *o)));
        self.check_links(&mut tx, network_id, &orgs, &[]).await?;
        let statuses = draft.organisation_statuses(&meeting.invited_organisation_ids);
        verband_store::replace_attendance(&mut tx, meeting_id, &statuses).await?;
        self.record(&mut tx, actor, Some(network_id), "attendance", "meeting", meeting_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn add_decision(&self, actor: &Actor, network_id: i64, meeting_id: i64, form: &DecisionForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        verband_store::meeting_by_id(&mut tx, network_id, meeting_id).await?.ok_or(ServiceError::NotFound)?;
        if let Some(item) = draft.agenda_item_id {
            let agenda = verband_store::agenda_of_meeting(&mut tx, meeting_id).await?;
            if !agenda.iter().any(|a| a.id == item) {
                return Err(ValidationErrors::single("agendaItemId", "choice-invalid").into());
            }
        }
        let id = verband_store::insert_decision(&mut tx, network_id, meeting_id, &draft).await?;
        let label: String = draft.text.chars().take(80).collect();
        self.record(&mut tx, actor, Some(network_id), "create", "decision", id, &label).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn actions(&self, actor: &Actor, network_id: i64) -> Result<Vec<ActionItem>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::actions_of_network(&mut conn, network_id, None).await?)
    }

    pub async fn add_action(&self, actor: &Actor, network_id: i64, meeting_id: Option<i64>, form: &ActionItemForm) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        if let Some(m) = meeting_id {
            verband_store::meeting_by_id(&mut tx, network_id, m).await?.ok_or(ServiceError::NotFound)?;
        }
        let orgs: Vec<(&str, i64)> = draft.owner_organisation_id.iter().map(|o| ("ownerOrganisationId", *o)).collect();
        let persons: Vec<(&str, i64)> = draft.owner_person_id.iter().map(|p| ("ownerPersonId", *p)).collect();
        self.check_links(&mut tx, network_id, &orgs, &persons).await?;
        let id = verband_store::insert_action(&mut tx, network_id, meeting_id, &draft, today()).await?;
        let label: String = draft.description.chars().take(80).collect();
        self.record(&mut tx, actor, Some(network_id), "create", "action_item", id, &label).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Whether the actor may tick this item off: the coordinator, or whoever
    /// represents the owning organisation (or the owner person's organisation).
    pub async fn may_tick(&self, actor: &Actor, network_id: i64, item: &ActionItem) -> Result<bool> {
        let role = self.role_in(actor, network_id).await?;
        if role.may_edit_records() {
            return Ok(true);
        }
        let Some(user_id) = actor.user_id else { return Ok(false) };
        let mut conn = self.store.conn().await?;
        let Some(own) = verband_store::role_organisation(&mut conn, user_id, network_id).await? else { return Ok(false) };
        if item.owner_organisation_id == Some(own) {
            return Ok(true);
        }
        if let Some(p) = item.owner_person_id {
            let person = verband_store::person_by_id(&mut conn, network_id, p).await?;
            return Ok(person.is_some_and(|p| p.organisation_id == Some(own)));
        }
        Ok(false)
    }

    /// Ticks an action item off (`done = true`, on the form's date or today)
    /// or opens it again.
    pub async fn set_action_done(&self, actor: &Actor, network_id: i64, action_id: i64, done: bool, form: &ActionDoneForm) -> Result<()> {
        // The role check takes its own connection: ask it before holding one,
        // so that no request ever waits for a second connection while holding a first.
        self.role_in(actor, network_id).await?;
        let item = {
            let mut conn = self.store.conn().await?;
            verband_store::action_by_id(&mut conn, network_id, action_id).await?.ok_or(ServiceError::NotFound)?
        };
        if !self.may_tick(actor, network_id, &item).await? {
            return Err(ServiceError::Forbidden);
        }
        let done_on = if done { Some(form.validate(today())?) } else { None };
        let mut tx = self.store.begin().await?;
        verband_store::set_action_done(&mut tx, network_id, action_id, done_on).await?;
        let label: String = item.description.chars().take(80).collect();
        self.record(&mut tx, actor, Some(network_id), if done { "done" } else { "reopen" }, "action_item", action_id, &label).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn stories(&self, actor: &Actor, network_id: i64, limit: Option<i64>) -> Result<Vec<Story>> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::stories_of_network(&mut conn, network_id, limit).await?)
    }

    /// A member shares for its own organisation; a coordinator may name a partner.
    pub async fn share_story(&self, actor: &Actor, network_id: i64, form: &StoryForm) -> Result<i64> {
        let role = self.role_in(actor, network_id).await?;
        if !participates(role) {
            return Err(ServiceError::Forbidden);
        }
        let mut draft = form.validate()?;
        let mut tx = self.store.begin().await?;
        let own = match actor.user_id {
            Some(u) => verband_store::role_organisation(&mut tx, u, network_id).await?,
            None => None,
        };
        if role.may_edit_records() {
            let orgs: Vec<(&str, i64)> = draft.organisation_id.iter().map(|o| ("organisationId", *o)).collect();
            self.check_links(&mut tx, network_id, &orgs, &[]).await?;
            draft.organisation_id = draft.organisation_id.or(own);
        } else {
            draft.organisation_id = own;
        }
        let id = verband_store::insert_story(&mut tx, network_id, &draft, None, actor.user_id, today()).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "story", id, &draft.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn vitality_settings(&self, actor: &Actor, network_id: i64) -> Result<VitalitySettings> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        Self::settings_in(&mut conn, network_id).await
    }

    async fn settings_in(conn: &mut Conn, network_id: i64) -> Result<VitalitySettings> {
        Ok(match verband_store::vitality_settings(conn, network_id).await? {
            // Stored settings were checked when saved; fields added later take their defaults.
            Some(json) => serde_json::from_str(&json).unwrap_or_default(),
            None => VitalitySettings::default(),
        })
    }

    pub async fn set_vitality_settings(&self, actor: &Actor, network_id: i64, settings: &VitalitySettings) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        settings.check()?;
        let json = serde_json::to_string(settings).map_err(|e| ServiceError::Conflict(e.to_string()))?;
        let mut tx = self.store.begin().await?;
        verband_store::set_vitality_settings(&mut tx, network_id, &json).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "vitality_settings", network_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything the vitality rules read, loaded in a few queries.
    async fn vitality_input(&self, conn: &mut Conn, network_id: i64) -> Result<VitalityInput> {
        let coordinator_orgs = verband_store::coordinator_organisations(conn, network_id).await?;
        let bodies = verband_store::bodies_of_network(conn, network_id).await?;
        let meetings = verband_store::meetings_of_network(conn, network_id, None).await?;
        let agenda = verband_store::agenda_of_network(conn, network_id).await?;
        let attendance = verband_store::attendance_of_network(conn, network_id).await?;
        let actions = verband_store::actions_of_network(conn, network_id, None).await?;
        let memberships: Vec<MembershipFacts> = verband_store::membership_dates(conn, network_id)
            .await?
            .into_iter()
            .map(|(organisation_id, joined, left)| MembershipFacts { organisation_id, joined, left })
            .collect();
        let stories = verband_store::stories_of_network(conn, network_id, None).await?;
        let mut input =
            VitalityInput::from_records(&coordinator_orgs, &bodies, &meetings, &agenda, &attendance, &actions, &memberships, &stories);
        let agreements = verband_store::agreements_of_network(conn, network_id).await?;
        let commitments = verband_store::commitments_of_network(conn, network_id, None).await?;
        let deliveries = verband_store::deliveries_of_network(conn, network_id, None).await?;
        input.commitments_delivered = verband_domain::delivery_rate::delivery_rates(&agreements, &commitments, &deliveries, today());
        Ok(input)
    }

    pub async fn vitality(&self, actor: &Actor, network_id: i64) -> Result<VitalityPanel> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let seq = verband_store::latest_change_seq(&mut conn, network_id).await?;
        Ok((*self.vitality_at(&mut conn, network_id, seq).await?).clone())
    }

    /// The panel as of change `seq`, from the cache when nothing changed since.
    pub(crate) async fn vitality_at(
        &self,
        conn: &mut verband_store::Conn,
        network_id: i64,
        seq: i64,
    ) -> Result<std::sync::Arc<VitalityPanel>> {
        let day = today();
        if let Some(panel) = self.vitality_cache.get(network_id, seq, day) {
            return Ok(panel);
        }
        let settings = Self::settings_in(conn, network_id).await?;
        let input = self.vitality_input(conn, network_id).await?;
        let report = vitality(&input, &settings, today());
        // Planned meetings have dates ahead; the chart shows what happened.
        let mut history = history(&input, &settings);
        history.retain(|h| h.date <= today());
        let panel = std::sync::Arc::new(VitalityPanel { report, history, settings });
        self.vitality_cache.put(network_id, seq, day, panel.clone());
        Ok(panel)
    }

    /// A new personal feed URL secret for the network's (or one body's)
    /// meetings. Returned once; only its hash is kept.
    pub async fn create_calendar_feed(&self, actor: &Actor, network_id: i64, body_id: Option<i64>) -> Result<String> {
        self.role_in(actor, network_id).await?;
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        if let Some(b) = body_id {
            verband_store::body_by_id(&mut tx, network_id, b).await?.ok_or(ServiceError::NotFound)?;
        }
        let token = new_token();
        let id = verband_store::insert_feed(&mut tx, user_id, network_id, body_id, &token_hash(&token)).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "calendar_feed", id, "").await?;
        tx.commit().await?;
        Ok(token)
    }

    pub async fn calendar_feeds(&self, actor: &Actor, network_id: i64) -> Result<Vec<CalendarFeed>> {
        self.role_in(actor, network_id).await?;
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut conn = self.store.conn().await?;
        Ok(verband_store::feeds_of_user(&mut conn, user_id, network_id).await?)
    }

    pub async fn revoke_calendar_feed(&self, actor: &Actor, network_id: i64, feed_id: i64) -> Result<()> {
        self.role_in(actor, network_id).await?;
        let user_id = actor.user_id.ok_or(ServiceError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        if !verband_store::revoke_feed(&mut tx, user_id, feed_id).await? {
            return Err(ServiceError::NotFound);
        }
        self.record(&mut tx, actor, Some(network_id), "revoke", "calendar_feed", feed_id, "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The meetings behind a feed secret, for a calendar program without a
    /// session. The feed stops working when revoked or when its owner no
    /// longer has a role in the network.
    pub async fn calendar_feed(&self, token: &str) -> Result<FeedContent> {
        let mut conn = self.store.conn().await?;
        let feed = verband_store::live_feed(&mut conn, &token_hash(token)).await?.ok_or(ServiceError::NotFound)?;
        let user = verband_store::user_by_id(&mut conn, feed.user_id).await?.ok_or(ServiceError::NotFound)?;
        if !user.is_admin && verband_store::network_role(&mut conn, user.id, feed.network_id).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let network = verband_store::network_by_id(&mut conn, feed.network_id).await?.ok_or(ServiceError::NotFound)?;
        let bodies = verband_store::bodies_of_network(&mut conn, feed.network_id).await?;
        let meetings = verband_store::meetings_of_network(&mut conn, feed.network_id, feed.body_id).await?;
        Ok(FeedContent { network_name: network.name, bodies, meetings })
    }
}
