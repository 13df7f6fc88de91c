//! Demo meeting histories: the simulator's facts written as the records a
//! coordinator would have kept, so the vitality panel has something real to
//! read. The main demo network drains, so its panel shows a warning.

use chrono::{Months, NaiveDate, Utc};
use verband_domain::vitality::simulator::{demo_action_title, demo_agenda_title, scenario, Scenario};
use verband_domain::{ActionItemDraft, AgendaItemDraft, AttendanceStatus, BodyDraft, MeetingDraft, MeetingStatus, StoryDraft};
use verband_store::Proposer;

use crate::{Actor, Result, Service};

const DEMO_STORIES: &[(&str, &str)] = &[
    ("Wijkteam en huisarts samen aan tafel", "Sinds de huisartsen één keer per maand aansluiten bij het wijkteamoverleg, komen mensen met geldzorgen sneller bij de schuldhulp."),
    ("Eerste beweegmaatje gekoppeld", "Via de buurtsportcoach fietst meneer De Groot nu elke week met een vrijwilliger. Hij zegt dat hij weer iets heeft om naar uit te kijken."),
    ("Gezonde kantine op het ROC", "De kantine van het ROC heeft water en fruit vooraan gezet. De verkoop van frisdrank is met een derde gedaald."),
    ("Mantelzorgcafé loopt storm", "Het eerste mantelzorgcafé in de bibliotheek trok 28 bezoekers. Drie van hen vroegen daarna respijtzorg aan."),
];

impl Service {
    /// Writes about two years of meetings of three bodies for a demo network,
    /// following `which` scenario, up to a few weeks ahead of today.
    pub(crate) async fn seed_meetings(&self, actor: &Actor, network_id: i64, which: Scenario, seed: u64, partners: &[i64]) -> Result<()> {
        let today = Utc::now().date_naive();
        let start = today.checked_sub_months(Months::new(22)).unwrap_or(today);
        let input = scenario(which, seed, start, 23, partners);
        let mut tx = self.store.begin().await?;

        let mut body_ids = Vec::new();
        for b in &input.bodies {
            let id = verband_store::insert_body(&mut tx, network_id, &BodyDraft { kind: b.kind, name: b.name.clone() }).await?;
            self.record(&mut tx, actor, Some(network_id), "create", "body", id, &b.name).await?;
            body_ids.push((b.id, id));
        }
        let real_body = |fact: i64| body_ids.iter().find(|(f, _)| *f == fact).map(|(_, r)| *r);

        let mut meeting_ids: Vec<(i64, i64, NaiveDate)> = Vec::new();
        for (n, m) in input.meetings.iter().enumerate() {
            let Some(body_id) = real_body(m.body_id) else { continue };
            let held = m.date <= today;
            let draft = MeetingDraft {
                body_id,
                title: None,
                date: m.date,
                start_time: chrono::NaiveTime::from_hms_opt(if n % 2 == 0 { 15 } else { 10 }, 0, 0),
                place: Some("Gemeentehuis Rivierstad, zaal De Linge".into()),
                link: None,
                status: if held { MeetingStatus::Held } else { MeetingStatus::Planned },
                invited_organisation_ids: m.invited.clone(),
                invited_person_ids: Vec::new(),
                notes: None,
            };
            let id = verband_store::insert_meeting(&mut tx, network_id, &draft).await?;
            self.record(&mut tx, actor, Some(network_id), "create", "meeting", id, &m.date.to_string()).await?;
            meeting_ids.push((m.id, id, m.date));
            if let (true, Some(present)) = (held, &m.present) {
                let statuses: Vec<(i64, AttendanceStatus)> = m
                    .invited
                    .iter()
                    .map(|o| (*o, if present.contains(o) { AttendanceStatus::Present } else { AttendanceStatus::Absent }))
                    .collect();
                verband_store::replace_attendance(&mut tx, id, &statuses).await?;
            }
            for (i, item) in m.agenda.iter().enumerate() {
                let draft = AgendaItemDraft {
                    title: demo_agenda_title(n, i).to_string(),
                    description: None,
                    organisation_id: None,
                    person_id: None,
                };
                let by =
                    Proposer { organisation_id: item.organisation_id, person_id: None, by_coordinator: item.by_coordinator, user_id: None };
                let proposed = m.date.checked_sub_days(chrono::Days::new(10)).unwrap_or(m.date);
                verband_store::insert_agenda_item(&mut tx, network_id, id, &draft, by, proposed).await?;
            }
        }
        for (n, a) in input.actions.iter().enumerate() {
            let meeting = a.meeting_id.and_then(|f| meeting_ids.iter().find(|(fact, _, _)| *fact == f));
            let created = meeting.map(|(_, _, d)| *d).unwrap_or(a.due);
            if created > today {
                continue;
            }
            let draft = ActionItemDraft {
                description: demo_action_title(n).to_string(),
                owner_organisation_id: a.owner_organisation_id,
                owner_person_id: None,
                due: a.due,
            };
            let id = verband_store::insert_action(&mut tx, network_id, meeting.map(|(_, r, _)| *r), &draft, created).await?;
            if let Some(done) = a.done_on.filter(|d| *d <= today) {
                verband_store::set_action_done(&mut tx, network_id, id, Some(done)).await?;
            }
        }
        for (n, s) in input.stories.iter().filter(|s| s.shared_on <= today).enumerate() {
            let (title, text) = DEMO_STORIES[n % DEMO_STORIES.len()];
            let draft = StoryDraft { title: title.into(), text: text.into(), organisation_id: s.organisation_id };
            verband_store::insert_story(&mut tx, network_id, &draft, None, None, s.shared_on).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
