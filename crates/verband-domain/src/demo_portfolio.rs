//! Demo portfolio: agreements, commitments, deliveries, projects, funding
//! and checklist progress for a generated network. Pure and deterministic
//! for a given network and day; references are indices into the
//! [`DemoNetwork`]'s vectors, the service turns them into ids.
//!
//! The main network's portfolio is built so that every coherence finding
//! and both kinds of funding cliff appear once; the small network's is in
//! order, so a coordinator can see what "no findings" looks like.

use chrono::{Months, NaiveDate};

use crate::demo::DemoNetwork;
use crate::portfolio::{add_months, AgreementForm, CommitmentForm, FundingStreamForm, Quarter};
use crate::{BuildingBlock, ChecklistStatus, ProjectStatus};

pub struct DemoAgreement {
    pub form: AgreementForm,
    /// Indices into `partners`; the form's `party_ids` is left empty.
    pub parties: Vec<usize>,
    pub commitments: Vec<DemoCommitment>,
}

pub struct DemoCommitment {
    pub party: usize,
    /// `organisation_id` is left empty.
    pub form: CommitmentForm,
    /// Share of the due hours delivered in each completed quarter, oldest
    /// first; the last value repeats. `None` in a quarter: not reported.
    pub delivered: Vec<Option<f64>>,
}

pub struct DemoProject {
    pub title: String,
    pub description: String,
    /// Indices into `goals`.
    pub goals: Vec<usize>,
    pub lead: Option<usize>,
    /// The owner is a contact person of this partner (the first one).
    pub owner_from: Option<usize>,
    pub partners: Vec<usize>,
    /// Status changes, oldest first; the last is the current status.
    pub history: Vec<(ProjectStatus, NaiveDate)>,
    pub budget: String,
    pub results: String,
    pub sustainability_plan: String,
    pub streams: Vec<FundingStreamForm>,
}

pub struct DemoChecklistItem {
    pub block: BuildingBlock,
    pub status: ChecklistStatus,
    /// Evidence points at the agreement with this index.
    pub agreement_evidence: Option<usize>,
    pub note: String,
}

pub struct DemoPortfolio {
    pub agreements: Vec<DemoAgreement>,
    pub projects: Vec<DemoProject>,
    pub checklist: Vec<DemoChecklistItem>,
}

/// The index of the first partner whose name starts with `prefix`.
fn partner(demo: &DemoNetwork, prefix: &str) -> Option<usize> {
    demo.partners.iter().position(|p| p.name.starts_with(prefix))
}

fn partners(demo: &DemoNetwork, prefixes: &[&str]) -> Vec<usize> {
    let mut out: Vec<usize> = prefixes.iter().filter_map(|p| partner(demo, p)).collect();
    out.dedup();
    out
}

fn months_ago(today: NaiveDate, months: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).unwrap_or(today)
}

fn stream(
    source: &str,
    funder: &str,
    amount: &str,
    starts: NaiveDate,
    ends: Option<NaiveDate>,
    structural: bool,
    pays_for: &str,
) -> FundingStreamForm {
    FundingStreamForm {
        source: source.into(),
        funder: funder.into(),
        amount: amount.into(),
        starts_on: starts.to_string(),
        ends_on: ends.map(|d| d.to_string()).unwrap_or_default(),
        kind: if structural { "structural" } else { "one_off" }.into(),
        pays_for: pays_for.into(),
    }
}

fn commitment(
    party: usize,
    role: &str,
    tasks: &str,
    hours: &str,
    money: &str,
    in_kind: &str,
    delivered: Vec<Option<f64>>,
) -> DemoCommitment {
    DemoCommitment {
        party,
        form: CommitmentForm {
            organisation_id: String::new(),
            role: role.into(),
            tasks: tasks.into(),
            hours_per_month: hours.into(),
            money: money.into(),
            in_kind: in_kind.into(),
        },
        delivered,
    }
}

/// The portfolio of the main (and every further large) demo network.
pub fn main_portfolio(demo: &DemoNetwork, today: NaiveDate) -> DemoPortfolio {
    let p = |prefix| partner(demo, prefix);
    let gemeente = p("Gemeente").unwrap_or(0);
    let welzijn = p("Welzijn").unwrap_or(0);
    let thuiszorg = p("Thuiszorg").unwrap_or(0);
    let ggz = p("GGZ").unwrap_or(0);
    let ggd = p("GGD").unwrap_or(0);
    let roc = p("ROC").unwrap_or(0);
    let verzekeraar = p("Zorgverzekeraar").unwrap_or(0);
    let corporatie = p("Woningcorporatie").unwrap_or(0);
    let schuldhulp = p("SchuldHulpMaatje").unwrap_or(0);
    let huisartsen = p("Huisartsen").unwrap_or(0);
    let sport = p("Sportservice").unwrap_or(0);
    let bewoners = p("Bewonersinitiatief").unwrap_or(0);
    let hogeschool = p("Hogeschool").unwrap_or(0);

    // The covenant started seven quarters ago and was due for evaluation two months ago.
    let start = Quarter::of(today).previous().previous().previous().previous().previous().previous().previous().first_day();
    let covenant = DemoAgreement {
        form: AgreementForm {
            title: "Convenant Gezond Rivierenland".into(),
            description: "De partners werken vier jaar samen aan de gedeelde ambitie en brengen daar elk tijd, geld of middelen voor in."
                .into(),
            party_ids: Vec::new(),
            starts_on: start.to_string(),
            ends_on: (add_months(start, 48) - chrono::Days::new(1)).to_string(),
            evaluation_date: months_ago(today, 2).to_string(),
            document_url: String::new(),
            out_of_scope: "Individuele zorg en hulp aan inwoners blijven bij de eigen organisatie; het netwerk neemt geen taken over \
                           van het sociaal wijkteam en bemoeit zich niet met de inkoop van zorg."
                .into(),
        },
        parties: vec![gemeente, ggd, welzijn, thuiszorg, ggz, roc, verzekeraar, corporatie],
        commitments: vec![
            commitment(
                gemeente,
                "Trekker en werkgever coördinator",
                "Netwerkcoördinatie, secretariaat van de regiegroep",
                "24",
                "120.000",
                "Vergaderruimte in het gemeentehuis",
                vec![Some(1.0)],
            ),
            commitment(
                ggd,
                "Kennispartner gezondheid",
                "Monitor en cijfers per wijk, advies bij de aanpak",
                "12",
                "",
                "Gezondheidsmonitor",
                vec![Some(1.0), Some(1.0), Some(0.9)],
            ),
            commitment(
                welzijn,
                "Uitvoerder in de wijken",
                "Buurtkamers en ontmoeting, inzet opbouwwerkers",
                "16",
                "",
                "",
                vec![Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(1.0), None],
            ),
            commitment(
                thuiszorg,
                "Uitvoerder zorg thuis",
                "Signaleren van eenzaamheid en valrisico bij cliënten",
                "8",
                "",
                "",
                vec![Some(1.0), Some(0.8), Some(0.6), Some(0.5), Some(0.4)],
            ),
            commitment(
                ggz,
                "Uitvoerder mentale gezondheid",
                "Consultatie voor huisartsen en wijkteams",
                "8",
                "",
                "",
                vec![Some(1.0), Some(1.0), Some(0.5), Some(0.0)],
            ),
            commitment(
                roc,
                "Opleider",
                "Stageplaatsen en lesprogramma gezonde leefstijl",
                "4",
                "",
                "Studenten als vrijwilliger",
                vec![Some(1.0)],
            ),
            commitment(verzekeraar, "Financier", "Meedenken over bekostiging na de pilots", "4", "80.000", "", vec![Some(1.0)]),
            commitment(
                corporatie,
                "Partner wonen",
                "Ruimtes voor buurtkamers, signalen van huurachterstand",
                "4",
                "",
                "Twee buurtruimtes zonder huur",
                vec![Some(1.0)],
            ),
        ],
    };
    let debts = DemoAgreement {
        form: AgreementForm {
            title: "Samenwerkingsafspraak Vroegsignalering schulden".into(),
            description: "Afspraken over het delen van signalen van betalingsachterstanden en de eerste huisbezoeken.".into(),
            party_ids: Vec::new(),
            starts_on: Quarter::of(today).previous().previous().previous().first_day().to_string(),
            ends_on: String::new(),
            evaluation_date: add_months(today, 5).to_string(),
            document_url: String::new(),
            out_of_scope: "Schuldhulpverlening zelf blijft bij de gemeente.".into(),
        },
        parties: vec![gemeente, welzijn, corporatie, schuldhulp, verzekeraar],
        commitments: vec![
            commitment(gemeente, "Trekker", "Signalen verzamelen en verdelen", "16", "", "", vec![Some(1.0)]),
            commitment(
                schuldhulp,
                "Uitvoerder",
                "Huisbezoek binnen twee weken na een signaal",
                "12",
                "",
                "Vrijwillige maatjes",
                vec![Some(1.0)],
            ),
            commitment(corporatie, "Signaalgever", "Huurachterstanden na twee maanden melden", "2", "", "", vec![Some(1.0)]),
        ],
    };

    let since = |m| months_ago(today, m);
    let mut projects = vec![
        DemoProject {
            title: "Buurtkamers tegen eenzaamheid".into(),
            description: "Laagdrempelige ontmoetingsplekken in de wijk waar ouderen elkaar ontmoeten, samen koffie drinken en activiteiten doen, zodat eenzaamheid afneemt.".into(),
            goals: vec![0],
            lead: Some(welzijn),
            owner_from: Some(welzijn),
            partners: vec![gemeente, thuiszorg, corporatie],
            history: vec![(ProjectStatus::Idea, since(30)), (ProjectStatus::Pilot, since(24)), (ProjectStatus::Running, since(12))],
            budget: "180.000".into(),
            results: "Zeven buurtkamers open, gemiddeld 25 bezoekers per week.".into(),
            sustainability_plan: "De gemeenten betalen de buurtkamers structureel uit het Wmo-budget; de corporatie levert de ruimtes.".into(),
            streams: vec![stream("municipality", "Gemeenten Rivierenland", "60.000", since(12), None, true, "Opbouwwerkers en huur")],
        },
        DemoProject {
            title: "Ontmoetingsplekken voor ouderen in de wijk".into(),
            description: "Ontmoetingsplekken in de wijk waar ouderen elkaar ontmoeten, koffie drinken en activiteiten doen om eenzaamheid te verminderen.".into(),
            goals: vec![0],
            lead: Some(thuiszorg),
            owner_from: Some(thuiszorg),
            partners: vec![welzijn, gemeente],
            history: vec![(ProjectStatus::Idea, since(10)), (ProjectStatus::Pilot, since(8))],
            budget: "45.000".into(),
            results: String::new(),
            sustainability_plan: String::new(),
            streams: vec![stream("subsidy", "Fonds Ouderen Samen", "45.000", since(8), Some(add_months(today, 4)), false, "Projectleider en activiteiten")],
        },
        DemoProject {
            title: "Gezonde School Rivierenland".into(),
            description: "Scholen werken met een vast programma aan water drinken, gezonde lunch en dagelijks bewegen.".into(),
            goals: vec![1],
            lead: Some(roc),
            owner_from: Some(roc),
            partners: vec![ggd, sport],
            history: vec![(ProjectStatus::Pilot, since(20)), (ProjectStatus::Running, since(9))],
            budget: "90.000".into(),
            results: "Twaalf scholen hebben het vignet Gezonde School.".into(),
            sustainability_plan: "Na de subsidie neemt de zorgverzekeraar een deel over; daarover lopen gesprekken.".into(),
            streams: vec![
                stream("insurer", "De Zorgkring", "50.000", since(20), Some(add_months(today, 2)), false, "Coördinatie en lespakketten"),
                stream("insurer", "De Zorgkring", "30.000", add_months(today, 5), Some(add_months(today, 29)), false, "Vervolg na evaluatie"),
            ],
        },
        DemoProject {
            title: "Overbruggingszorg ggz-wachtlijst".into(),
            description: "Wie op de wachtlijst van de ggz staat, krijgt in de tussentijd steun van een praktijkondersteuner en lotgenotengroepen.".into(),
            goals: vec![2],
            lead: Some(ggz),
            owner_from: Some(ggz),
            partners: vec![huisartsen],
            history: vec![(ProjectStatus::Pilot, since(14)), (ProjectStatus::Running, since(6))],
            budget: "120.000".into(),
            results: "Wachtenden voelen zich minder alleen gelaten.".into(),
            sustainability_plan: String::new(),
            streams: vec![stream("regional_fund", "Regiofonds Rivierenland", "120.000", since(14), Some(add_months(today, 5)), false, "Praktijkondersteuners")],
        },
        DemoProject {
            title: "Vroeg Eropaf".into(),
            description: "Bij een betalingsachterstand gaat binnen twee weken iemand op huisbezoek, voordat de schuld groeit.".into(),
            goals: vec![3],
            lead: Some(gemeente),
            owner_from: Some(gemeente),
            partners: vec![welzijn, corporatie, schuldhulp, verzekeraar],
            history: vec![(ProjectStatus::Pilot, since(26)), (ProjectStatus::Running, since(18)), (ProjectStatus::ScaledUp, since(5))],
            budget: "150.000".into(),
            results: "Vierhonderd huishoudens bereikt; de helft voordat er een deurwaarder kwam.".into(),
            sustainability_plan: "Opgenomen in het beleidsplan schulden van alle vijf gemeenten.".into(),
            streams: vec![stream("municipality", "Gemeenten Rivierenland", "150.000", since(26), None, true, "Huisbezoekers en coördinatie")],
        },
        DemoProject {
            title: "Wijkfestival Samen Rivierenland".into(),
            description: "Een jaarlijks festival in elke kern om partners en inwoners met elkaar kennis te laten maken.".into(),
            goals: vec![],
            lead: Some(welzijn),
            owner_from: Some(welzijn),
            partners: vec![bewoners],
            history: vec![(ProjectStatus::Running, since(7))],
            budget: "15.000".into(),
            results: String::new(),
            sustainability_plan: String::new(),
            streams: vec![],
        },
        DemoProject {
            title: "Beweegmaatjes".into(),
            description: "Vrijwilligers wandelen en fietsen wekelijks met inwoners die alleen niet in beweging komen.".into(),
            goals: vec![1],
            lead: None,
            owner_from: Some(sport),
            partners: vec![sport, welzijn],
            history: vec![(ProjectStatus::Pilot, since(4))],
            budget: String::new(),
            results: String::new(),
            sustainability_plan: String::new(),
            streams: vec![],
        },
        DemoProject {
            title: "Valpreventie thuis".into(),
            description: "Thuiszorg en fysiotherapie lopen samen met ouderen hun huis na op valrisico's en oefenen balans.".into(),
            goals: vec![0],
            lead: Some(thuiszorg),
            owner_from: None,
            partners: vec![welzijn],
            history: vec![(ProjectStatus::Idea, since(3)), (ProjectStatus::Pilot, since(1))],
            budget: "20.000".into(),
            results: String::new(),
            sustainability_plan: String::new(),
            streams: vec![],
        },
        DemoProject {
            title: "Formulierenbrigade".into(),
            description: "Vrijwilligers helpen inwoners met brieven en formulieren van instanties, in de bibliotheek en aan huis.".into(),
            goals: vec![3],
            lead: Some(welzijn),
            owner_from: Some(welzijn),
            partners: vec![schuldhulp],
            history: vec![(ProjectStatus::Running, since(16))],
            budget: "25.000".into(),
            results: "Spreekuur in vier bibliotheken.".into(),
            sustainability_plan: "Loopt mee in de reguliere begroting van Welzijn.".into(),
            streams: vec![stream("partner_contribution", "Welzijn Rivierenland", "25.000", since(16), None, true, "Coördinator vrijwilligers")],
        },
        DemoProject {
            title: "Gezondheidsapp Rivierenland".into(),
            description: "Een app met het aanbod van alle partners op één plek.".into(),
            goals: vec![1],
            lead: Some(hogeschool),
            owner_from: Some(hogeschool),
            partners: vec![ggd],
            history: vec![(ProjectStatus::Idea, since(28)), (ProjectStatus::Pilot, since(22)), (ProjectStatus::Stopped, since(11))],
            budget: "60.000".into(),
            results: "Te weinig gebruikers; de kennis over het aanbod gaat naar de sociale kaart.".into(),
            sustainability_plan: String::new(),
            streams: vec![stream("national_fund", "ZonMw", "60.000", since(22), Some(since(11)), false, "Ontwikkeling app")],
        },
    ];
    // Keep partner lists free of the lead and of repeats.
    for pr in &mut projects {
        let lead = pr.lead;
        pr.partners.retain(|x| Some(*x) != lead);
        pr.partners.sort_unstable();
        pr.partners.dedup();
    }
    let checklist = vec![
        DemoChecklistItem {
            block: BuildingBlock::FormAroundGoal,
            status: ChecklistStatus::Done,
            agreement_evidence: Some(0),
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::SharedPromise,
            status: ChecklistStatus::Done,
            agreement_evidence: Some(0),
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::RightPartners,
            status: ChecklistStatus::Done,
            agreement_evidence: None,
            note: "Huisartsen sloten later aan.".into(),
        },
        DemoChecklistItem {
            block: BuildingBlock::ExplicitInterests,
            status: ChecklistStatus::InProgress,
            agreement_evidence: None,
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::CapacityAndMoney,
            status: ChecklistStatus::Done,
            agreement_evidence: Some(0),
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::RolesAndTasks,
            status: ChecklistStatus::Done,
            agreement_evidence: Some(0),
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::OutOfScope,
            status: ChecklistStatus::Done,
            agreement_evidence: Some(0),
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::WrittenProcess,
            status: ChecklistStatus::InProgress,
            agreement_evidence: None,
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::KeepMomentum,
            status: ChecklistStatus::InProgress,
            agreement_evidence: None,
            note: "Opkomst regiegroep loopt terug.".into(),
        },
    ];
    DemoPortfolio { agreements: vec![covenant, debts], projects, checklist }
}

/// The small network's portfolio: every goal served, every project led and
/// owned, money secured past the horizon.
pub fn coherent_portfolio(demo: &DemoNetwork, today: NaiveDate) -> DemoPortfolio {
    let p = |prefix| partner(demo, prefix);
    let gemeente = p("Gemeente").unwrap_or(0);
    let ggd = p("GGD").unwrap_or(0);
    let opvang = p("Kinderopvang").unwrap_or(0);
    let school = p("Stichting Primair").unwrap_or(0);
    let jongeren = p("Jongerenwerk").unwrap_or(0);
    let meedoen = p("Stichting Meedoen").unwrap_or(0);
    let sport = p("Sportclub").unwrap_or(0);
    let since = |m| months_ago(today, m);
    let start = Quarter::of(today).previous().previous().first_day();
    let agreement = DemoAgreement {
        form: AgreementForm {
            title: "Samenwerkingsovereenkomst Kansrijk Opgroeien".into(),
            description: "De partners werken drie jaar samen aan gelijke kansen voor kinderen in het Lingedal.".into(),
            party_ids: Vec::new(),
            starts_on: start.to_string(),
            ends_on: (add_months(start, 36) - chrono::Days::new(1)).to_string(),
            evaluation_date: add_months(today, 8).to_string(),
            document_url: String::new(),
            out_of_scope: "Jeugdhulp in individuele gezinnen.".into(),
        },
        parties: partners(demo, &["Gemeente", "GGD", "Kinderopvang", "Stichting Primair"]),
        commitments: vec![
            commitment(gemeente, "Trekker", "Kwartiermaker en secretariaat", "16", "40.000", "", vec![Some(1.0)]),
            commitment(ggd, "Kennispartner", "Cijfers jeugdgezondheid", "4", "", "", vec![Some(1.0)]),
            commitment(school, "Uitvoerder", "Programma's op school", "8", "", "Lokalen na schooltijd", vec![Some(1.0)]),
        ],
    };
    let project = |title: &str, description: &str, goal: usize, lead: usize, partners: Vec<usize>, months: u32, funder: &str| DemoProject {
        title: title.into(),
        description: description.into(),
        goals: vec![goal],
        lead: Some(lead),
        owner_from: Some(lead),
        partners: partners.into_iter().filter(|x| *x != lead).collect(),
        history: vec![(ProjectStatus::Pilot, since(months + 6)), (ProjectStatus::Running, since(months))],
        budget: "40.000".into(),
        results: String::new(),
        sustainability_plan: "Structureel gefinancierd door de twee gemeenten.".into(),
        streams: vec![stream("municipality", funder, "40.000", since(months + 6), None, true, "Uitvoering")],
    };
    let projects = vec![
        project(
            "Sportief naar school",
            "Kinderen fietsen of lopen samen naar school en doen elke ochtend tien minuten bewegingsspel.",
            0,
            sport,
            vec![school, ggd],
            4,
            "Gemeente Lingestein",
        ),
        project(
            "Geen kind buitenspel",
            "Een fonds en een vaste contactpersoon zorgen dat kinderen uit gezinnen met weinig geld mee kunnen doen met sport en cultuur.",
            1,
            meedoen,
            vec![gemeente],
            6,
            "Gemeenten Lingedal",
        ),
        project(
            "Taalrijke peuterspeelzaal",
            "Peuters met een taalachterstand krijgen extra uren op de opvang, met ouders die meedoen.",
            2,
            opvang,
            vec![ggd],
            5,
            "Gemeente Beesdijk",
        ),
        project(
            "Stage dichtbij",
            "Jongeren zonder startkwalificatie vinden via het jongerenwerk een stage bij een bedrijf in de buurt.",
            3,
            jongeren,
            vec![gemeente],
            3,
            "Gemeenten Lingedal",
        ),
    ];
    let checklist = vec![
        DemoChecklistItem {
            block: BuildingBlock::FormAroundGoal,
            status: ChecklistStatus::Done,
            agreement_evidence: Some(0),
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::SharedPromise,
            status: ChecklistStatus::InProgress,
            agreement_evidence: None,
            note: String::new(),
        },
        DemoChecklistItem {
            block: BuildingBlock::RightPartners,
            status: ChecklistStatus::InProgress,
            agreement_evidence: None,
            note: String::new(),
        },
    ];
    DemoPortfolio { agreements: vec![agreement], projects, checklist }
}
