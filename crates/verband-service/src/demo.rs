//! Seeds the demo: generated networks, written through the same store
//! functions and audit trail as any other change, plus demo accounts.

use verband_domain::demo::{generate, generate_small, DemoNetwork};
use verband_domain::vitality::simulator::Scenario;
use verband_domain::{ListFilter, NetworkRole, PageRequest, ValidationErrors};

use crate::{Actor, Result, Service, ServiceError};

/// The password of every demo account (printed by `verband demo`).
pub const DEMO_PASSWORD: &str = "verband-demo";
pub const DEMO_SEED: u64 = 2026;
/// The meeting from which the main demo network's energy drains away.
const DRAIN_FROM_MEETING: usize = 40;

/// Demo accounts: (user name, display name, is admin).
pub const DEMO_USERS: &[(&str, &str, bool)] = &[
    ("coordinator", "Sanne de Wit (coördinator)", false),
    ("steering", "Henk Bos (regiegroep)", false),
    ("member", "Yasmina El Amrani (partner)", false),
    ("advisor", "Pieter Smit (netwerkadviseur)", false),
    ("member-lingedal", "Kees Mulder (partner Lingedal)", false),
    // Kept for trying "Wachtwoord vergeten": no other demo tour logs in as this account.
    ("steering-lingedal", "Fatima Yilmaz (regiegroep Lingedal)", false),
    ("admin", "Beheerder", true),
];

/// The e-mail address of a demo account (the `.example` domain reaches no one).
pub fn demo_email(username: &str) -> String {
    format!("{username}@{DEMO_MAIL_DOMAIN}")
}

pub const DEMO_MAIL_DOMAIN: &str = "gezond-rivierenland.example";

pub struct DemoSummary {
    pub networks: Vec<(i64, String)>,
}

impl Service {
    /// True when the database holds no network yet.
    pub async fn is_empty(&self) -> Result<bool> {
        let mut conn = self.store.conn().await?;
        Ok(verband_store::network_count(&mut conn).await? == 0)
    }

    /// Writes `scale` networks of the main size plus the small second network,
    /// and the demo accounts with their roles.
    pub async fn seed_demo(&self, seed: u64, scale: usize) -> Result<DemoSummary> {
        let actor = Actor::system("demo");
        let mut networks = Vec::new();
        for index in 0..scale.max(1) {
            let demo = generate(seed, index);
            networks.push((self.seed_network(&actor, &demo, false).await?, demo.network.name.clone()));
        }
        let small = generate_small(seed);
        networks.push((self.seed_network(&actor, &small, true).await?, small.network.name.clone()));

        let main = networks[0].0;
        let second = networks[networks.len() - 1].0;
        for (username, display, is_admin) in DEMO_USERS {
            // With an address, so that "Wachtwoord vergeten" can be tried (with a mail sink).
            self.create_account(&actor, username, display, Some(&demo_email(username)), DEMO_PASSWORD, *is_admin, false).await?;
        }
        let grants: [(&str, i64, NetworkRole); 7] = [
            ("coordinator", main, NetworkRole::Coordinator),
            ("steering", main, NetworkRole::Steering),
            ("member", main, NetworkRole::Member),
            ("advisor", main, NetworkRole::Advisor),
            ("advisor", second, NetworkRole::Advisor),
            ("member-lingedal", second, NetworkRole::Member),
            ("steering-lingedal", second, NetworkRole::Steering),
        ];
        for (username, network, role) in grants {
            self.grant(&actor, username, network, role).await?;
        }
        // The demo people behind the accounts also appear as contact persons;
        // their accounts represent those persons' organisations.
        for (username, network) in [("coordinator", main), ("steering", main), ("member", main), ("member-lingedal", second)] {
            let Some((_, display, _)) = DEMO_USERS.iter().find(|(u, _, _)| *u == username) else { continue };
            let name = display.split(" (").next().unwrap_or(display);
            let filter = ListFilter { search: Some(name.to_string()), ..Default::default() };
            let found = self.persons(&actor, network, &filter, PageRequest::new(Some(1), Some(1))).await?;
            if let Some(org) = found.items.first().and_then(|p| p.organisation_id) {
                self.set_user_organisation(&actor, username, network, Some(org)).await?;
            }
        }
        // Meeting histories for the two networks people look at: the main one
        // drains (its panel warns), the small one meets irregularly but well.
        for (network, which) in [(main, Scenario::Draining { from_meeting: DRAIN_FROM_MEETING }), (second, Scenario::SmallIrregular)] {
            let mut partners = Vec::new();
            if let Some(user) = verband_store::user_by_username(&mut *self.store.conn().await?, "coordinator").await? {
                let mut conn = self.store.conn().await?;
                partners.extend(verband_store::role_organisation(&mut conn, user.id, network).await?);
            }
            for (id, _) in self.partner_choices(&actor, network).await? {
                if !partners.contains(&id) {
                    partners.push(id);
                }
            }
            self.seed_meetings(&actor, network, which, seed, &partners).await?;
        }
        // Two survey-like rounds for the main network (so the map compares
        // them), one round kept by hand for the small one.
        let today = chrono::Utc::now().date_naive();
        let months_ago = |m: u32| today.checked_sub_months(chrono::Months::new(m)).unwrap_or(today);
        self.seed_relationships(
            &actor,
            main,
            seed,
            &[("Netwerkbevraging voorjaar", months_ago(8), true), ("Netwerkbevraging najaar", months_ago(1), true)],
        )
        .await?;
        self.seed_relationships(&actor, second, seed, &[("Relaties bij de start", months_ago(3), false)]).await?;
        // Two closed rounds of the collaboration scan, so its results and trend show.
        self.seed_surveys(&actor, main, seed).await?;
        // The knowledge lab, last: its items tell about the projects, meetings and rounds above.
        self.seed_knowledge(&actor, main, second, seed).await?;
        Ok(DemoSummary { networks })
    }

    /// One network in one transaction. A `coherent` network gets a portfolio
    /// without findings; the others show every kind.
    async fn seed_network(&self, actor: &Actor, demo: &DemoNetwork, coherent: bool) -> Result<i64> {
        let invalid = |e: ValidationErrors| ServiceError::Conflict(format!("demo data is invalid: {e}"));
        let today = chrono::Utc::now().date_naive();
        let mut tx = self.store.begin().await?;
        let draft = demo.network.validate().map_err(invalid)?;
        let nid = verband_store::insert_network(&mut tx, &draft).await?;
        self.record(&mut tx, actor, Some(nid), "create", "network", nid, &draft.name).await?;
        let ambition = demo.ambition.validate().map_err(invalid)?;
        verband_store::set_ambition(&mut tx, nid, &ambition).await?;
        self.record(&mut tx, actor, Some(nid), "update", "ambition", nid, "").await?;

        let mut goal_ids = Vec::with_capacity(demo.goals.len());
        for g in &demo.goals {
            let d = g.validate().map_err(invalid)?;
            let id = verband_store::insert_goal(&mut tx, nid, &d).await?;
            self.record(&mut tx, actor, Some(nid), "create", "goal", id, &d.title).await?;
            goal_ids.push(id);
        }
        let mut partner_ids = Vec::with_capacity(demo.partners.len());
        for p in &demo.partners {
            let d = p.validate().map_err(invalid)?;
            let id = verband_store::insert_partner(&mut tx, nid, &d).await?;
            self.record(&mut tx, actor, Some(nid), "create", "partner", id, &d.name).await?;
            partner_ids.push(id);
        }
        let mut person_ids = Vec::with_capacity(demo.persons.len());
        for (partner, form) in &demo.persons {
            let mut form = form.clone();
            form.organisation_id = partner_ids.get(*partner).map(|id| id.to_string()).unwrap_or_default();
            let d = form.validate(today).map_err(invalid)?;
            let id = verband_store::insert_person(&mut tx, nid, &d).await?;
            self.record(&mut tx, actor, Some(nid), "create", "person", id, &d.name).await?;
            person_ids.push((*partner, id));
        }
        for (partner, description, goals) in &demo.interests {
            let Some(organisation_id) = partner_ids.get(*partner).copied() else { continue };
            let d = verband_domain::InterestDraft {
                organisation_id,
                description: description.clone(),
                goal_ids: goals.iter().filter_map(|g| goal_ids.get(*g).copied()).collect(),
            };
            let id = verband_store::insert_interest(&mut tx, nid, &d).await?;
            let label: String = description.chars().take(80).collect();
            self.record(&mut tx, actor, Some(nid), "create", "interest", id, &label).await?;
        }
        let ids = crate::demo_portfolio::DemoIds { network: nid, goals: &goal_ids, partners: &partner_ids, persons: &person_ids };
        let portfolio = if coherent {
            verband_domain::demo_portfolio::coherent_portfolio(demo, today)
        } else {
            verband_domain::demo_portfolio::main_portfolio(demo, today)
        };
        self.seed_portfolio(&mut tx, actor, &ids, &portfolio, today).await?;
        tx.commit().await?;
        Ok(nid)
    }
}
