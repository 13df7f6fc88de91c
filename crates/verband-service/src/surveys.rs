//! Surveys and evaluations: instruments (built-in, copied, edited as new
//! versions), rounds with personal links, the respondent's pages, and the
//! results with the anonymity threshold. Everyone in a network may read the
//! results (they never identify anyone); those who keep its records run rounds.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{NaiveDate, Utc};
use verband_domain::relationship::{RelationshipDraft, RelationshipKind, RoundOrigin};
use verband_domain::survey::builtin::{builtin, builtin_instruments};
use verband_domain::survey::round::{SurveyRoundDraft, SurveyRoundForm};
use verband_domain::survey::{compute_results, parse_page, Answers, Instrument, InstrumentKind, QuestionKind, Respondent, RoundResults};
use verband_domain::{Language, PersonRole, Sector, ValidationErrors};
use verband_store::{Conn, InstrumentRecord, NewInvitation, NewSurveyRound, SurveyRoundRecord};

use crate::mail::{MailPurpose, SurveyMail};
use crate::secrets::{new_token, token_hash};
use crate::{Actor, Result, Service, ServiceError};

pub use verband_store::{InvitationMail, SurveyRoundRecord as SurveyRound};

/// Which instrument a coordinator means: a built-in one or one of the network's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstrumentRef {
    Builtin(InstrumentKind),
    Own(i64),
}

impl InstrumentRef {
    /// `builtin-<kind>` or the id of an own instrument.
    pub fn parse(raw: &str) -> Option<InstrumentRef> {
        match raw.strip_prefix("builtin-") {
            Some(kind) => InstrumentKind::parse(kind).map(InstrumentRef::Builtin),
            None => raw.parse().ok().map(InstrumentRef::Own),
        }
    }

    pub fn code(self) -> String {
        match self {
            InstrumentRef::Builtin(k) => format!("builtin-{}", k.code()),
            InstrumentRef::Own(id) => id.to_string(),
        }
    }
}

/// An instrument as the overview lists it.
#[derive(Debug, Clone)]
pub struct InstrumentEntry {
    pub reference: InstrumentRef,
    pub definition: Instrument,
    /// The newest version (built-ins: 0 until first used).
    pub version: i64,
    pub round_count: i64,
    pub editable: bool,
}

pub struct SurveysOverview {
    pub instruments: Vec<InstrumentEntry>,
    pub rounds: Vec<SurveyRoundRecord>,
    pub mail_sends: bool,
}

/// What the new-round form offers.
pub struct RoundChoices {
    pub instrument: InstrumentEntry,
    pub persons: Vec<verband_store::Invitee>,
    pub bodies: Vec<(i64, String)>,
    pub partners: Vec<(i64, String)>,
}

/// A started round, with the links made for it (shown once when no mail goes out).
pub struct StartedRound {
    pub round_id: i64,
    pub invited: usize,
}

/// A link made for the outbox: who it is for, and the link itself (shown once).
pub struct FreshLink {
    pub person_name: String,
    pub email: Option<String>,
    pub link: String,
}

/// The round page: counts, mail state and the outbox.
pub struct RoundDetail {
    pub round: SurveyRoundRecord,
    pub instrument: Instrument,
    pub mails: Vec<InvitationMail>,
    pub mail_sends: bool,
    /// Invitations whose reminder is due (for the outbox without SMTP).
    pub reminders_due: usize,
}

/// What a respondent's link opens.
pub enum SurveyLink {
    Open(Box<RespondentView>),
    /// The deadline has passed or the round was closed.
    Closed {
        round_label: String,
        network_name: String,
        language: Language,
    },
    /// No such link (unknown, mistyped or tampered with).
    Unknown,
}

pub struct RespondentView {
    /// The invitation the link belongs to, so saving needs no second look-up.
    invitation_id: i64,
    round_id: i64,
    pub round_label: String,
    pub deadline: NaiveDate,
    pub network_name: String,
    pub instrument: Arc<Instrument>,
    pub answers: Answers,
    /// The page the respondent is on (0-based); `instrument.pages.len()` when finished.
    pub page: usize,
    pub finished: bool,
    pub language: Language,
    /// The partners one may pick in a "which partners" question.
    pub partners: Vec<(i64, String)>,
}

/// What the respondent asked for with the page's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageAction {
    Next,
    Back,
    /// Save and come back later.
    Stop,
}

pub enum PageOutcome {
    /// Saved; show `page` next (the thank-you page when finished). `view`
    /// is the link as it stands after saving, so the next page is drawn
    /// without reading the link again.
    Saved {
        page: usize,
        finished: bool,
        view: Box<RespondentView>,
    },
    /// Not saved: the answers of this page are not valid. `view` is the
    /// link as it was, to draw the page again with the errors.
    Invalid {
        errors: ValidationErrors,
        view: Box<RespondentView>,
    },
    Link(SurveyLink),
}

/// The results page.
pub struct SurveyResults {
    pub round: SurveyRoundRecord,
    pub instrument: Instrument,
    pub results: RoundResults,
    pub previous: Option<SurveyRoundRecord>,
    /// (question key, answer hash) → theme.
    pub themes: HashMap<(String, String), String>,
    pub partner_names: HashMap<i64, String>,
}

/// Parsed instrument versions that rounds have asked, by version id. Such a
/// version never changes (editing it makes a new version), so a respondent's
/// save does not read and parse the definition again.
#[derive(Clone, Default)]
pub(crate) struct InstrumentCache(Arc<RwLock<HashMap<i64, Arc<Instrument>>>>);

impl InstrumentCache {
    fn get(&self, version_id: i64) -> Option<Arc<Instrument>> {
        // A panic elsewhere while holding the lock leaves a usable map behind.
        self.0.read().unwrap_or_else(|e| e.into_inner()).get(&version_id).cloned()
    }

    fn insert(&self, version_id: i64, instrument: Arc<Instrument>) {
        self.0.write().unwrap_or_else(|e| e.into_inner()).insert(version_id, instrument);
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The hash an open answer is tagged under.
pub fn answer_hash(text: &str) -> String {
    token_hash(&format!("answer:{text}"))
}

fn definition(raw: &str) -> Result<Instrument> {
    Instrument::from_json(raw).map_err(|e| ServiceError::Store(verband_store::StoreError::Corrupt(format!("instrument: {e}"))))
}

fn entry_of(record: &InstrumentRecord) -> Result<InstrumentEntry> {
    let kind = record.builtin.as_deref().and_then(InstrumentKind::parse);
    Ok(InstrumentEntry {
        reference: match kind {
            Some(k) => InstrumentRef::Builtin(k),
            None => InstrumentRef::Own(record.id),
        },
        definition: definition(&record.definition)?,
        version: record.version,
        round_count: record.round_count,
        editable: kind.is_none(),
    })
}

fn respondent_of(r: &verband_store::ResponseRecord) -> Result<Respondent> {
    let answers: Answers =
        serde_json::from_str(&r.answers).map_err(|e| ServiceError::Store(verband_store::StoreError::Corrupt(format!("answers: {e}"))))?;
    Ok(Respondent {
        sector: r.sector.as_deref().and_then(Sector::parse),
        steering: r.steering,
        organisation_id: r.organisation_id,
        answers,
    })
}

/// True when a round no longer takes answers.
fn closed(round: &SurveyRoundRecord, today: NaiveDate) -> bool {
    round.closed || today > round.deadline
}

async fn instrument_row(conn: &mut Conn, network_id: i64, r: InstrumentRef) -> Result<Option<InstrumentRecord>> {
    Ok(match r {
        InstrumentRef::Builtin(kind) => verband_store::builtin_instrument(conn, network_id, kind.code()).await?,
        InstrumentRef::Own(id) => verband_store::instrument_by_id(conn, network_id, id).await?,
    })
}

impl Service {
    pub async fn surveys_overview(&self, actor: &Actor, network_id: i64) -> Result<SurveysOverview> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let stored = verband_store::instruments_of_network(&mut conn, network_id).await?;
        let mut instruments = Vec::new();
        for b in builtin_instruments() {
            match stored.iter().find(|s| s.builtin.as_deref() == Some(b.kind.code())) {
                Some(s) => instruments.push(InstrumentEntry { definition: b, ..entry_of(s)? }),
                None => instruments.push(InstrumentEntry {
                    reference: InstrumentRef::Builtin(b.kind),
                    definition: b,
                    version: 0,
                    round_count: 0,
                    editable: false,
                }),
            }
        }
        for s in stored.iter().filter(|s| s.builtin.is_none()) {
            instruments.push(entry_of(s)?);
        }
        let rounds = verband_store::survey_rounds_of_network(&mut conn, network_id).await?;
        Ok(SurveysOverview { instruments, rounds, mail_sends: self.mail.sends() })
    }

    pub async fn instrument(&self, actor: &Actor, network_id: i64, r: InstrumentRef) -> Result<InstrumentEntry> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        match (r, instrument_row(&mut conn, network_id, r).await?) {
            (InstrumentRef::Builtin(kind), stored) => {
                let b = builtin(kind).ok_or(ServiceError::NotFound)?;
                Ok(InstrumentEntry {
                    reference: r,
                    definition: b,
                    version: stored.as_ref().map_or(0, |s| s.version),
                    round_count: stored.as_ref().map_or(0, |s| s.round_count),
                    editable: false,
                })
            }
            (InstrumentRef::Own(_), Some(s)) => entry_of(&s),
            (InstrumentRef::Own(_), None) => Err(ServiceError::NotFound),
        }
    }

    /// Makes an editable copy of an instrument; returns the copy's id.
    pub async fn copy_instrument(&self, actor: &Actor, network_id: i64, source: InstrumentRef, name_suffix: &str) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let mut def = self.instrument(actor, network_id, source).await?.definition;
        def.kind = match def.kind {
            // A copy of the relationship survey still feeds the map.
            InstrumentKind::RelationshipSurvey => InstrumentKind::RelationshipSurvey,
            _ => InstrumentKind::Custom,
        };
        def.name.nl = format!("{} ({name_suffix})", def.name.nl);
        if !def.name.en.is_empty() {
            def.name.en = format!("{} ({name_suffix})", def.name.en);
        }
        let mut tx = self.store.begin().await?;
        let id = verband_store::insert_instrument(&mut tx, network_id, None, &def.name.nl).await?;
        verband_store::insert_instrument_version(&mut tx, id, 1, &def.to_json()).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "instrument", id, &def.name.nl).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves an own instrument. Once a round has used its newest version, the
    /// change becomes a new version, so earlier results keep their questions.
    pub async fn save_instrument(&self, actor: &Actor, network_id: i64, id: i64, def: &Instrument) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let problems = def.problems();
        if !problems.is_empty() {
            let mut e = ValidationErrors::default();
            for (code, key) in problems {
                e.add(if key.is_empty() { "instrument" } else { &key }, &code);
            }
            return Err(e.into());
        }
        let mut tx = self.store.begin().await?;
        let current = verband_store::instrument_by_id(&mut tx, network_id, id).await?.ok_or(ServiceError::NotFound)?;
        if current.builtin.is_some() {
            return Err(ServiceError::Forbidden);
        }
        let used: bool =
            verband_store::survey_rounds_of_network(&mut tx, network_id).await?.iter().any(|r| r.version_id == current.version_id);
        let version = if used {
            verband_store::insert_instrument_version(&mut tx, id, current.version + 1, &def.to_json()).await?;
            current.version + 1
        } else {
            verband_store::update_instrument_version(&mut tx, current.version_id, &def.to_json()).await?;
            current.version
        };
        verband_store::rename_instrument(&mut tx, id, &def.name.nl).await?;
        self.record(&mut tx, actor, Some(network_id), "update", "instrument", id, &def.name.nl).await?;
        tx.commit().await?;
        Ok(version)
    }

    pub async fn round_choices(&self, actor: &Actor, network_id: i64, r: InstrumentRef) -> Result<RoundChoices> {
        self.require_records_editor(actor, network_id).await?;
        let instrument = self.instrument(actor, network_id, r).await?;
        let mut conn = self.store.conn().await?;
        let persons = verband_store::invitees(&mut conn, network_id).await?;
        let bodies = verband_store::bodies_of_network(&mut conn, network_id).await?.into_iter().map(|b| (b.id, b.name)).collect();
        let partners = verband_store::map_partners(&mut conn, network_id).await?.into_iter().map(|(id, name, _)| (id, name)).collect();
        Ok(RoundChoices { instrument, persons, bodies, partners })
    }

    /// Starts a round: one invitation per person chosen, each with a personal
    /// link. With SMTP the invitations are mailed in the background; without,
    /// the round's outbox makes the links.
    pub async fn start_survey_round(
        &self,
        actor: &Actor,
        network_id: i64,
        r: InstrumentRef,
        form: &SurveyRoundForm,
    ) -> Result<StartedRound> {
        self.require_records_editor(actor, network_id).await?;
        let d = form.validate(today())?;
        let mut tx = self.store.begin().await?;
        let network = verband_store::network_by_id(&mut tx, network_id).await?.ok_or(ServiceError::NotFound)?;
        let invitees = chosen(verband_store::invitees(&mut tx, network_id).await?, &d);
        if invitees.is_empty() {
            return Err(ValidationErrors::single("persons", "respondents-none").into());
        }
        // The instrument's row and newest version; a built-in gets its row on
        // first use, and a new version when the built-in text has changed.
        let (instrument_id, version_id) = match (r, instrument_row(&mut tx, network_id, r).await?) {
            (InstrumentRef::Builtin(kind), stored) => {
                let def = builtin(kind).ok_or(ServiceError::NotFound)?;
                let json = def.to_json();
                match stored {
                    Some(s) if s.definition == json => (s.id, s.version_id),
                    Some(s) => (s.id, verband_store::insert_instrument_version(&mut tx, s.id, s.version + 1, &json).await?),
                    None => {
                        let id = verband_store::insert_instrument(&mut tx, network_id, Some(kind.code()), &def.name.nl).await?;
                        (id, verband_store::insert_instrument_version(&mut tx, id, 1, &json).await?)
                    }
                }
            }
            (InstrumentRef::Own(_), Some(s)) => (s.id, s.version_id),
            (InstrumentRef::Own(_), None) => return Err(ServiceError::NotFound),
        };
        let round = NewSurveyRound {
            instrument_id,
            version_id,
            label: &d.label,
            deadline: d.deadline,
            reminder_days: d.reminder_days,
            threshold: d.threshold,
        };
        let round_id = verband_store::insert_survey_round(&mut tx, network_id, &round).await?;
        let mut mails = Vec::new();
        for p in &invitees {
            let steering = p.roles.iter().any(|r| r == PersonRole::SteeringGroupMember.code());
            let invitation = NewInvitation {
                person_id: p.person_id,
                language: Language::Nl.code(),
                sector: p.sector.as_deref(),
                steering,
                organisation_id: p.organisation_id,
            };
            let id = verband_store::insert_invitation(&mut tx, round_id, &invitation).await?;
            if let (true, Some(email)) = (self.mail.sends(), &p.email) {
                let token = new_token();
                verband_store::insert_survey_link(&mut tx, &token_hash(&token), id).await?;
                mails.push((id, email.clone(), p.name.clone(), token, Language::Nl));
            }
        }
        self.record(&mut tx, actor, Some(network_id), "create", "survey_round", round_id, &d.label).await?;
        tx.commit().await?;
        let invited = invitees.len();
        self.send_in_background(mails, MailPurpose::Invitation, network.name, d.label, d.deadline);
        Ok(StartedRound { round_id, invited })
    }

    /// Mails the links after the transaction that stored their hashes; the
    /// outcome of each is recorded on its invitation for the round page.
    fn send_in_background(
        &self,
        mails: Vec<(i64, String, String, String, Language)>,
        purpose: MailPurpose,
        network: String,
        label: String,
        deadline: NaiveDate,
    ) {
        if mails.is_empty() {
            return;
        }
        let service = self.clone();
        tokio::spawn(async move {
            for (invitation_id, to, person_name, token, language) in mails {
                let mail = SurveyMail {
                    purpose,
                    language,
                    person_name,
                    network_name: network.clone(),
                    round_label: label.clone(),
                    deadline,
                    link: service.mail.link(&token),
                };
                let outcome = service.mail.send(&to, &mail).await;
                if let Err(e) = &outcome {
                    tracing::warn!(invitation_id, error = %e, "survey mail not sent");
                }
                // A reminder was counted as mailed when it was chosen (so a second
                // trigger the same day sends nothing); only its failure is news.
                if purpose == MailPurpose::Reminder && outcome.is_ok() {
                    continue;
                }
                if let Ok(mut conn) = service.store.conn().await {
                    if let Err(e) = verband_store::record_invitation_mail(&mut conn, invitation_id, outcome.err().as_deref()).await {
                        tracing::warn!(invitation_id, error = %e, "survey mail outcome not recorded");
                    }
                }
            }
        });
    }

    pub async fn survey_round(&self, actor: &Actor, network_id: i64, round_id: i64) -> Result<RoundDetail> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let round = verband_store::survey_round_by_id(&mut conn, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        let (_, raw) = verband_store::instrument_version(&mut conn, round.version_id).await?.ok_or(ServiceError::NotFound)?;
        let instrument = definition(&raw)?;
        let mails = verband_store::invitation_mails(&mut conn, round_id).await?;
        let reminders_due = mails.iter().filter(|m| reminder_due(&round, m, today())).count();
        Ok(RoundDetail { round, instrument, mails, mail_sends: self.mail.sends(), reminders_due })
    }

    /// New links for the outbox: for the invitations named, or for every
    /// invitation that has not finished. Earlier links keep working.
    pub async fn fresh_links(&self, actor: &Actor, network_id: i64, round_id: i64, only: Option<i64>) -> Result<Vec<FreshLink>> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let round = verband_store::survey_round_by_id(&mut tx, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        if closed(&round, today()) {
            return Err(ServiceError::Conflict("round-closed".into()));
        }
        let mut out = Vec::new();
        for m in verband_store::invitation_mails(&mut tx, round_id).await? {
            let wanted = match only {
                Some(id) => m.invitation_id == id,
                None => !m.finished,
            };
            if !wanted {
                continue;
            }
            let token = new_token();
            verband_store::insert_survey_link(&mut tx, &token_hash(&token), m.invitation_id).await?;
            out.push(FreshLink { person_name: m.person_name, email: m.email, link: self.mail.link(&token) });
        }
        if only.is_some() && out.is_empty() {
            return Err(ServiceError::NotFound);
        }
        self.record(&mut tx, actor, Some(network_id), "links", "survey_round", round_id, &round.label).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Mails a reminder now to everyone who has not finished and was not mailed today.
    pub async fn remind_now(&self, actor: &Actor, network_id: i64, round_id: i64) -> Result<usize> {
        self.require_records_editor(actor, network_id).await?;
        if !self.mail.sends() {
            return Err(ServiceError::Conflict("mail-not-configured".into()));
        }
        let mut conn = self.store.conn().await?;
        let round = verband_store::survey_round_by_id(&mut conn, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        drop(conn);
        self.remind(&round, |m, today| !m.finished && !mailed_on(m, today)).await
    }

    /// Sends the reminders that are due by each round's schedule; called by
    /// the server every few minutes. Returns how many were sent.
    pub async fn send_due_reminders(&self, today: NaiveDate) -> Result<usize> {
        if !self.mail.sends() {
            return Ok(0);
        }
        let mut conn = self.store.conn().await?;
        let rounds = verband_store::rounds_with_reminders(&mut conn).await?;
        drop(conn);
        let mut sent = 0;
        for round in rounds.iter().filter(|r| !closed(r, today)) {
            sent += self.remind(round, |m, t| reminder_due(round, m, t)).await?;
        }
        Ok(sent)
    }

    async fn remind(&self, round: &SurveyRoundRecord, due: impl Fn(&InvitationMail, NaiveDate) -> bool) -> Result<usize> {
        let today = today();
        if closed(round, today) {
            return Err(ServiceError::Conflict("round-closed".into()));
        }
        let mut tx = self.store.begin().await?;
        let network = verband_store::network_by_id(&mut tx, round.network_id).await?.ok_or(ServiceError::NotFound)?;
        let mut mails = Vec::new();
        for m in verband_store::invitation_mails(&mut tx, round.id).await? {
            let Some(email) = m.email.clone() else { continue };
            if !due(&m, today) {
                continue;
            }
            let token = new_token();
            verband_store::insert_survey_link(&mut tx, &token_hash(&token), m.invitation_id).await?;
            // Marked as mailed now, so a second trigger the same day sends nothing.
            verband_store::record_invitation_mail(&mut tx, m.invitation_id, None).await?;
            mails.push((m.invitation_id, email, m.person_name, token, Language::parse(&m.language).unwrap_or(Language::Nl)));
        }
        tx.commit().await?;
        let n = mails.len();
        self.send_in_background(mails, MailPurpose::Reminder, network.name, round.label.clone(), round.deadline);
        Ok(n)
    }

    /// Opens a personal link. Unknown and tampered links look the same.
    pub async fn open_survey_link(&self, token: &str) -> Result<SurveyLink> {
        let mut conn = self.store.conn().await?;
        self.survey_link(&mut conn, token).await
    }

    /// One query for the link, its round, network and response; the
    /// instrument from the cache once read; the partners only for an
    /// instrument that asks about them.
    async fn survey_link(&self, conn: &mut Conn, token: &str) -> Result<SurveyLink> {
        if token.len() != 43 {
            return Ok(SurveyLink::Unknown);
        }
        let Some(link) = verband_store::respondent_link(conn, &token_hash(token)).await? else {
            return Ok(SurveyLink::Unknown);
        };
        let language = Language::parse(&link.language).unwrap_or(Language::Nl);
        if link.closed || today() > link.deadline {
            return Ok(SurveyLink::Closed { round_label: link.round_label, network_name: link.network_name, language });
        }
        let instrument = self.asked_instrument(conn, link.version_id).await?;
        let (answers, page, finished) = match link.response {
            Some((json, page, finished)) => (
                serde_json::from_str(&json)
                    .map_err(|e| ServiceError::Store(verband_store::StoreError::Corrupt(format!("answers: {e}"))))?,
                usize::try_from(page).unwrap_or(0),
                finished,
            ),
            None => (Answers::new(), 0, false),
        };
        let needs_partners = instrument.questions().any(|q| matches!(q.kind, QuestionKind::Partners));
        let partners = if needs_partners {
            verband_store::map_partners(conn, link.network_id)
                .await?
                .into_iter()
                .filter(|(id, _, _)| Some(*id) != link.organisation_id)
                .map(|(id, name, _)| (id, name))
                .collect()
        } else {
            Vec::new()
        };
        let page = if finished { instrument.pages.len() } else { page.min(instrument.pages.len().saturating_sub(1)) };
        Ok(SurveyLink::Open(Box::new(RespondentView {
            invitation_id: link.invitation_id,
            round_id: link.round_id,
            round_label: link.round_label,
            deadline: link.deadline,
            network_name: link.network_name,
            instrument,
            answers,
            page,
            finished,
            language,
            partners,
        })))
    }

    /// A version some round asks, parsed once per process.
    pub(crate) async fn asked_instrument(&self, conn: &mut Conn, version_id: i64) -> Result<Arc<Instrument>> {
        if let Some(i) = self.instruments.get(version_id) {
            return Ok(i);
        }
        let (_, raw) = verband_store::instrument_version(conn, version_id).await?.ok_or(ServiceError::NotFound)?;
        let instrument = Arc::new(definition(&raw)?);
        self.instruments.insert(version_id, instrument.clone());
        Ok(instrument)
    }

    /// Saves one page of answers and moves on. Answers on a page are kept
    /// even when the respondent goes back; invalid answers save nothing.
    ///
    /// One look-up of the link and one write, on one pooled connection and
    /// outside a transaction: on SQLite a transaction that reads first and
    /// writes later fails at once (`SQLITE_BUSY_SNAPSHOT`, no busy wait)
    /// when another respondent saved in between, whereas a single upsert
    /// waits its turn. Two saves of the same link at the same moment keep
    /// the later one, as they would in a read-committed transaction.
    pub async fn submit_survey_page(&self, token: &str, page: usize, form: &[(String, String)], action: PageAction) -> Result<PageOutcome> {
        let mut conn = self.store.conn().await?;
        let mut view = match self.survey_link(&mut conn, token).await? {
            SurveyLink::Open(v) => v,
            other => return Ok(PageOutcome::Link(other)),
        };
        let pages = view.instrument.pages.len();
        if page >= pages {
            return Ok(PageOutcome::Saved { page: view.page, finished: view.finished, view });
        }
        let partner_ids: Vec<i64> = view.partners.iter().map(|(id, _)| *id).collect();
        let parsed = match parse_page(&view.instrument, page, form, &partner_ids, &view.answers) {
            Ok(p) => p,
            // Going back keeps nothing of an invalid page, but is not refused.
            Err(_) if action == PageAction::Back => {
                return Ok(PageOutcome::Saved { page: page.saturating_sub(1), finished: view.finished, view })
            }
            Err(errors) => return Ok(PageOutcome::Invalid { errors, view }),
        };
        for q in &view.instrument.pages[page].questions {
            view.answers.remove(&q.key);
        }
        view.answers.extend(parsed);
        let (next, finished) = match action {
            PageAction::Next if page + 1 >= pages => (pages, true),
            PageAction::Next => (page + 1, view.finished),
            PageAction::Back => (page.saturating_sub(1), view.finished),
            PageAction::Stop => (page, view.finished),
        };
        let json =
            serde_json::to_string(&view.answers).map_err(|e| ServiceError::Store(verband_store::StoreError::Corrupt(e.to_string())))?;
        let stored_page = next.min(pages.saturating_sub(1));
        let page_number = i64::try_from(stored_page).unwrap_or(0);
        verband_store::save_response(&mut conn, view.invitation_id, view.round_id, &json, page_number, finished).await?;
        // The view as opening the link now would give it: a finished
        // response opens on the thank-you page, others where they stopped.
        view.finished = finished;
        view.page = if finished { pages } else { stored_page };
        Ok(PageOutcome::Saved { page: next, finished, view })
    }

    /// Remembers the language a respondent chose, for the next visit and reminders.
    pub async fn set_respondent_language(&self, token: &str, language: Language) -> Result<()> {
        let mut conn = self.store.conn().await?;
        if let Some(inv) = verband_store::invitation_by_token_hash(&mut conn, &token_hash(token)).await? {
            verband_store::set_invitation_language(&mut conn, inv.id, language.code()).await?;
        }
        Ok(())
    }

    pub async fn survey_results(&self, actor: &Actor, network_id: i64, round_id: i64) -> Result<SurveyResults> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let round = verband_store::survey_round_by_id(&mut conn, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        let (_, raw) = verband_store::instrument_version(&mut conn, round.version_id).await?.ok_or(ServiceError::NotFound)?;
        let instrument = definition(&raw)?;
        // The round of the same instrument started just before this one.
        let previous = verband_store::survey_rounds_of_network(&mut conn, network_id)
            .await?
            .into_iter()
            .filter(|r| r.instrument_id == round.instrument_id && (r.created_at.as_str(), r.id) < (round.created_at.as_str(), round.id))
            .max_by(|a, b| (a.created_at.as_str(), a.id).cmp(&(b.created_at.as_str(), b.id)));
        let previous_results = match &previous {
            Some(p) => {
                let (_, raw) = verband_store::instrument_version(&mut conn, p.version_id).await?.ok_or(ServiceError::NotFound)?;
                let respondents = round_respondents(&mut conn, p.id).await?;
                Some(compute_results(&definition(&raw)?, &respondents, usize::try_from(p.threshold).unwrap_or(3), None))
            }
            None => None,
        };
        let respondents = round_respondents(&mut conn, round_id).await?;
        let results = compute_results(&instrument, &respondents, usize::try_from(round.threshold).unwrap_or(3), previous_results.as_ref());
        let themes = verband_store::answer_themes(&mut conn, round_id).await?.into_iter().map(|(q, h, t)| ((q, h), t)).collect();
        let partner_names = verband_store::map_partners(&mut conn, network_id).await?.into_iter().map(|(id, name, _)| (id, name)).collect();
        Ok(SurveyResults { round, instrument, results, previous, themes, partner_names })
    }

    /// Gives an open answer of a round a theme (empty: none).
    pub async fn tag_open_answer(
        &self,
        actor: &Actor,
        network_id: i64,
        round_id: i64,
        question_key: &str,
        hash: &str,
        theme: &str,
    ) -> Result<()> {
        self.require_records_editor(actor, network_id).await?;
        let theme = theme.trim();
        if theme.chars().count() > 80 {
            return Err(ValidationErrors::single("theme", "too-long").into());
        }
        let mut tx = self.store.begin().await?;
        let round = verband_store::survey_round_by_id(&mut tx, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        verband_store::set_answer_theme(&mut tx, round_id, question_key, hash, theme).await?;
        self.record(&mut tx, actor, Some(network_id), "theme", "survey_round", round_id, &round.label).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes a round: no more answers. A relationship survey's reported
    /// ties become a relationship round (origin "survey") for the map.
    pub async fn close_survey_round(&self, actor: &Actor, network_id: i64, round_id: i64) -> Result<Option<i64>> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let round = verband_store::survey_round_by_id(&mut tx, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        if round.closed {
            return Err(ServiceError::Conflict("round-closed".into()));
        }
        let (_, raw) = verband_store::instrument_version(&mut tx, round.version_id).await?.ok_or(ServiceError::NotFound)?;
        let instrument = definition(&raw)?;
        let mut relationship_round = None;
        if let Some(QuestionKind::PartnerRatings { frequency, .. }) =
            instrument.questions().map(|q| &q.kind).find(|k| matches!(k, QuestionKind::PartnerRatings { .. }))
        {
            let respondents = round_respondents(&mut tx, round_id).await?;
            let results = compute_results(&instrument, &respondents, usize::try_from(round.threshold).unwrap_or(3), None);
            let new = verband_store::NewRound {
                label: &round.label,
                measured_on: today(),
                origin: RoundOrigin::Survey,
                directed: true,
                file_name: None,
            };
            let id = verband_store::insert_round(&mut tx, network_id, &new).await?;
            let points = frequency.len().max(1);
            for t in &results.ties {
                let draft = RelationshipDraft {
                    source_id: t.source_id,
                    target_id: t.target_id,
                    kind: t.work.as_deref().and_then(RelationshipKind::parse).unwrap_or(RelationshipKind::Other),
                    // Frequency on a 1–5 strength, as hand-entered ties have.
                    strength_centi: t
                        .frequency
                        .map_or(100, |f| centi(1.0 + 4.0 * (f.saturating_sub(1)) as f64 / (points.max(2) - 1) as f64)),
                    trust_centi: t.trust.map(centi),
                    value_centi: t.value.map(centi),
                    note: None,
                };
                verband_store::insert_relationship(&mut tx, network_id, id, &draft).await?;
            }
            self.record(&mut tx, actor, Some(network_id), "create", "relationship_round", id, &round.label).await?;
            relationship_round = Some(id);
        }
        verband_store::close_survey_round(&mut tx, round_id, relationship_round).await?;
        self.record(&mut tx, actor, Some(network_id), "close", "survey_round", round_id, &round.label).await?;
        tx.commit().await?;
        Ok(relationship_round)
    }
}

fn centi(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

pub(crate) async fn round_respondents(conn: &mut Conn, round_id: i64) -> Result<Vec<Respondent>> {
    verband_store::finished_responses(conn, round_id).await?.iter().map(respondent_of).collect()
}

fn mailed_on(m: &InvitationMail, day: NaiveDate) -> bool {
    m.last_mailed_at.as_deref().and_then(|t| t.get(..10)).and_then(|d| d.parse::<NaiveDate>().ok()).is_some_and(|d| d >= day)
}

/// A reminder is due for someone who has not finished, has an address, and
/// was last mailed at least the round's number of days ago (never twice a day).
fn reminder_due(round: &SurveyRoundRecord, m: &InvitationMail, today: NaiveDate) -> bool {
    let Some(every) = round.reminder_days else { return false };
    if m.finished || m.email.is_none() || closed(round, today) {
        return false;
    }
    let last = m.last_mailed_at.as_deref().and_then(|t| t.get(..10)).and_then(|d| d.parse::<NaiveDate>().ok());
    match last {
        Some(d) => (today - d).num_days() >= every.max(1),
        // Never mailed (no SMTP at the start): the invitation itself is owed, not a reminder.
        None => false,
    }
}

/// The persons a round's selection names: picked one by one, or by role,
/// by body (invited to its meetings) or by partner.
fn chosen(all: Vec<verband_store::Invitee>, d: &SurveyRoundDraft) -> Vec<verband_store::Invitee> {
    all.into_iter()
        .filter(|p| {
            d.persons.contains(&p.person_id)
                || d.roles.iter().any(|r| p.roles.iter().any(|x| x == r.code()))
                || d.bodies.iter().any(|b| p.bodies.contains(b))
                || p.organisation_id.is_some_and(|o| d.partners.contains(&o))
        })
        .collect()
}
