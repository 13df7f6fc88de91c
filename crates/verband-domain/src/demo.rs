//! Deterministic demo data: a fictional but believable Dutch regional network.
//! Pure: the same seed and index always give the same network.
//!
//! Every name is invented. E-mail addresses and websites use the reserved
//! `.example` top-level domain, so a demo can never mail or link a real party.
//! The Dutch texts are demo content as a coordinator would type it, not UI
//! texts, which is why they live here and not in the i18n catalogue.

use chrono::{Datelike, Days, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::{AmbitionForm, GoalForm, MembershipStatus, NetworkForm, OrganisationForm, Ownership, PersonForm, PersonRole, Phase, Sector};

/// One generated network, as the forms a coordinator would have filled in.
/// Cross-references use indices into the vectors of this struct.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoNetwork {
    pub network: NetworkForm,
    pub ambition: AmbitionForm,
    pub goals: Vec<GoalForm>,
    pub partners: Vec<OrganisationForm>,
    /// (index into `partners`, person). `PersonForm::organisation_id` is left empty.
    pub persons: Vec<(usize, PersonForm)>,
    /// (index into `partners`, description, indices into `goals`).
    pub interests: Vec<(usize, String, Vec<usize>)>,
}

/// The main demo network (index 0: about 30 partners, 60 persons) or, for
/// `index > 0`, further networks of the same size with other names.
pub fn generate(seed: u64, index: usize) -> DemoNetwork {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ mix(index as u64 + 1));
    let spec = if index == 0 { main_spec() } else { scaled_spec(&mut rng, index) };
    build(&mut rng, &spec)
}

/// The second, smaller demo network (about 10 partners).
pub fn generate_small(seed: u64) -> DemoNetwork {
    // Index 0 of `mix` is never used by `generate`, so the streams differ.
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ mix(0));
    build(&mut rng, &small_spec())
}

/// Spreads neighbouring indices over the whole seed space, so that network 1
/// of seed 2026 does not share a random stream with network 0 of seed 2027.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

// ---------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoalKey {
    Loneliness,
    HealthyWeight,
    MentalHealthWait,
    DebtsEarly,
    Exercise,
    CarerStrain,
    SchoolLeavers,
    LivingAtHome,
    ChildPoverty,
    PreSchool,
}

enum Unit {
    Percent,
    Weeks,
    /// A count of something, named by the noun.
    Count(&'static str),
}

enum Target {
    /// Baseline plus this many units (percentage points, weeks).
    Plus(i32),
    /// This percentage of the baseline.
    Share(u32),
}

struct GoalTemplate {
    key: GoalKey,
    title: &'static str,
    indicator: &'static str,
    unit: Unit,
    /// Inclusive range of the measured starting value.
    baseline: (u32, u32),
    target: Target,
}

const GOALS: &[GoalTemplate] = &[
    GoalTemplate {
        key: GoalKey::Loneliness,
        title: "Minder eenzame ouderen",
        indicator: "Aandeel 75-plussers dat zich ernstig eenzaam voelt (Gezondheidsmonitor Volwassenen en Ouderen)",
        unit: Unit::Percent,
        baseline: (11, 15),
        target: Target::Plus(-3),
    },
    GoalTemplate {
        key: GoalKey::HealthyWeight,
        title: "Meer kinderen op een gezond gewicht",
        indicator: "Aandeel kinderen van 4 tot 12 jaar met een gezond gewicht (metingen jeugdgezondheidszorg)",
        unit: Unit::Percent,
        baseline: (78, 83),
        target: Target::Plus(4),
    },
    GoalTemplate {
        key: GoalKey::MentalHealthWait,
        title: "Kortere wachttijd voor mentale steun",
        indicator: "Gemiddelde tijd tussen aanmelding en eerste gesprek bij laagdrempelige mentale steun, in weken",
        unit: Unit::Weeks,
        baseline: (9, 14),
        target: Target::Plus(-5),
    },
    GoalTemplate {
        key: GoalKey::DebtsEarly,
        title: "Mensen met schulden eerder in beeld",
        indicator: "Aantal huishoudens per jaar dat binnen drie maanden na een betalingsachterstand hulp krijgt via vroegsignalering",
        unit: Unit::Count("huishoudens"),
        baseline: (240, 520),
        target: Target::Share(200),
    },
    GoalTemplate {
        key: GoalKey::Exercise,
        title: "Meer inwoners die voldoende bewegen",
        indicator: "Aandeel volwassenen dat voldoet aan de beweegrichtlijnen",
        unit: Unit::Percent,
        baseline: (43, 52),
        target: Target::Plus(6),
    },
    GoalTemplate {
        key: GoalKey::CarerStrain,
        title: "Minder overbelaste mantelzorgers",
        indicator: "Aandeel mantelzorgers dat zich zwaar belast voelt",
        unit: Unit::Percent,
        baseline: (13, 18),
        target: Target::Plus(-4),
    },
    GoalTemplate {
        key: GoalKey::SchoolLeavers,
        title: "Minder jongeren zonder startkwalificatie",
        indicator: "Aantal nieuwe voortijdig schoolverlaters van 18 tot 23 jaar per schooljaar",
        unit: Unit::Count("jongeren"),
        baseline: (90, 180),
        target: Target::Share(70),
    },
    GoalTemplate {
        key: GoalKey::LivingAtHome,
        title: "Langer prettig thuis wonen",
        indicator: "Aandeel 80-plussers dat zelfstandig thuis woont",
        unit: Unit::Percent,
        baseline: (84, 89),
        target: Target::Plus(3),
    },
    GoalTemplate {
        key: GoalKey::ChildPoverty,
        title: "Minder kinderen in armoede",
        indicator: "Aandeel kinderen dat opgroeit in een huishouden met een laag inkomen",
        unit: Unit::Percent,
        baseline: (7, 11),
        target: Target::Plus(-3),
    },
    GoalTemplate {
        key: GoalKey::PreSchool,
        title: "Meer peuters naar de voorschool",
        indicator: "Bereik van voorschoolse educatie onder doelgroeppeuters",
        unit: Unit::Percent,
        baseline: (68, 80),
        target: Target::Plus(12),
    },
];

fn goal_template(key: GoalKey) -> &'static GoalTemplate {
    // Every key has exactly one template (checked by a test); the fallback
    // only keeps this total.
    GOALS.iter().find(|g| g.key == key).unwrap_or(&GOALS[0])
}

fn goal_form(rng: &mut ChaCha8Rng, key: GoalKey, start: NaiveDate) -> GoalForm {
    let t = goal_template(key);
    let base = rng.gen_range(t.baseline.0..=t.baseline.1);
    let target = match t.target {
        Target::Plus(d) => (base as i32 + d).max(1) as u32,
        Target::Share(pct) => base * pct / 100,
    };
    let measured = start.year().min(2024) - 1;
    let target_year = (start.year() + rng.gen_range(5..=7)).max(2027);
    let (baseline, target) = match t.unit {
        Unit::Percent => (format!("{base}% (meting {measured})"), format!("{target}%")),
        Unit::Weeks => (format!("{base} weken ({measured})"), format!("{target} weken")),
        Unit::Count(noun) => (format!("{base} {noun} ({measured})"), format!("{target} {noun}")),
    };
    GoalForm { title: t.title.into(), indicator: t.indicator.into(), baseline, target, target_date: format!("{target_year}-12-31") }
}

// ---------------------------------------------------------------------------
// Themes and regions of the further networks
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Health,
    Youth,
    Elderly,
    Livelihood,
}

impl Focus {
    /// The goals a network with this focus always has.
    fn core_goals(self) -> &'static [GoalKey] {
        match self {
            Focus::Health => &[GoalKey::Loneliness, GoalKey::HealthyWeight, GoalKey::MentalHealthWait, GoalKey::Exercise],
            Focus::Youth => &[GoalKey::HealthyWeight, GoalKey::ChildPoverty, GoalKey::PreSchool, GoalKey::SchoolLeavers],
            Focus::Elderly => &[GoalKey::Loneliness, GoalKey::CarerStrain, GoalKey::LivingAtHome],
            Focus::Livelihood => &[GoalKey::DebtsEarly, GoalKey::SchoolLeavers, GoalKey::MentalHealthWait],
        }
    }

    fn domains(self) -> &'static str {
        match self {
            Focus::Health => "gezondheid, welzijn, wonen",
            Focus::Youth => "jeugd, onderwijs, gezondheid",
            Focus::Elderly => "ouderen, zorg, wonen, welzijn",
            Focus::Livelihood => "werk en inkomen, welzijn, gezondheid",
        }
    }

    /// `{region}` and `{year}` are filled in.
    fn ambition(self) -> &'static str {
        match self {
            Focus::Health => {
                "In {year} voelen inwoners van {region} zich gezonder en minder alleen, en krijgt wie vastloopt op tijd hulp dichtbij huis. \
                 Gemeenten, zorg, welzijn, onderwijs en bedrijven werken daarvoor als één netwerk: de gezonde keuze wordt de makkelijke keuze."
            }
            Focus::Youth => {
                "Alle kinderen in {region} groeien in {year} gezond en veilig op en krijgen gelijke kansen, ongeacht wat hun ouders verdienen. \
                 Kinderopvang, school, zorg en gemeenten werken daarvoor samen rond het gezin."
            }
            Focus::Elderly => {
                "Ouderen in {region} wonen in {year} zo lang als ze willen prettig thuis, in een buurt waar ze elkaar kennen en helpen. \
                 Mantelzorgers staan er niet alleen voor."
            }
            Focus::Livelihood => {
                "In {year} kan iedereen in {region} meedoen: wie geldzorgen heeft, wordt vroeg gevonden en geholpen, \
                 en elke jongere haalt een diploma of vindt werk."
            }
        }
    }
}

struct Theme {
    name: &'static str,
    focus: Focus,
}

/// Network name = theme + region. 25 themes and 41 regions (coprime, so
/// stepping both at once visits every one of the 1025 pairs before repeating).
/// The foci take turns, so that a handful of networks already shows variety.
const THEMES: [Theme; 25] = [
    Theme { name: "Gezond", focus: Focus::Health },
    Theme { name: "Kansrijk Opgroeien", focus: Focus::Youth },
    Theme { name: "Samen Oud in", focus: Focus::Elderly },
    Theme { name: "Sterk Sociaal", focus: Focus::Livelihood },
    Theme { name: "Samen Gezond", focus: Focus::Health },
    Theme { name: "Kansrijke Start", focus: Focus::Youth },
    Theme { name: "Langer Thuis in", focus: Focus::Elderly },
    Theme { name: "Samen Sterk", focus: Focus::Livelihood },
    Theme { name: "Vitaal", focus: Focus::Health },
    Theme { name: "Jong in", focus: Focus::Youth },
    Theme { name: "Zorg Dichtbij", focus: Focus::Elderly },
    Theme { name: "Meedoen in", focus: Focus::Livelihood },
    Theme { name: "Positief Gezond", focus: Focus::Health },
    Theme { name: "Gezond Opgroeien in", focus: Focus::Youth },
    Theme { name: "Vitaal Ouder in", focus: Focus::Elderly },
    Theme { name: "Iedereen Telt in", focus: Focus::Livelihood },
    Theme { name: "Gezonde Regio", focus: Focus::Health },
    Theme { name: "Alle Kinderen Tellen in", focus: Focus::Youth },
    Theme { name: "Zorgzame Gemeenschap", focus: Focus::Elderly },
    Theme { name: "Grip op Geld", focus: Focus::Livelihood },
    Theme { name: "Gezond Leven in", focus: Focus::Health },
    Theme { name: "Kansengelijkheid", focus: Focus::Youth },
    Theme { name: "Thuis in", focus: Focus::Elderly },
    Theme { name: "Bestaanszeker", focus: Focus::Livelihood },
    Theme { name: "Mentaal Sterk", focus: Focus::Health },
];

/// Invented regions; "Rivierenland" and "Lingedal" are left out because the
/// main and the small network use them.
const REGIONS: [&str; 41] = [
    "Noorderkwartier",
    "Veenstreek",
    "Zandmeren",
    "Bovenwaard",
    "Lindeland",
    "Beekdal",
    "Kempenrand",
    "Duinkust",
    "Polderhart",
    "Wadkust",
    "Hooglanden",
    "Venendal",
    "Heidezoom",
    "Merwezoom",
    "Eemhoek",
    "Vechtplassen",
    "Dommeldal",
    "Lekoever",
    "Dijkland",
    "Kreekrug",
    "Oeverland",
    "Geestgronden",
    "Schorrenland",
    "Weidehart",
    "Essenland",
    "Brinkstreek",
    "Terpenland",
    "Hunzedal",
    "Kanaalstreek",
    "Bloemenkust",
    "Wierdenland",
    "Turfstreek",
    "Boslanden",
    "Berkendal",
    "Valleirand",
    "Stroomdal",
    "Grebbezoom",
    "Slotendal",
    "Zuiderwaard",
    "Oosterpolder",
    "Westerhout",
];

/// Syllables for the invented towns of the further networks.
const TOWN_HEADS: &[&str] = &[
    "Beek", "Zand", "Wilgen", "Linde", "Eiken", "Heide", "Meer", "Molen", "Dijk", "Kerk", "Oever", "Veen", "Berken", "Brink", "Reiger",
    "Ooie", "Elzen", "Hazel", "Kraai", "Vlas",
];
const TOWN_TAILS: &[&str] = &["hoven", "dam", "wijk", "broek", "veld", "horst", "oord", "sloot", "kamp", "rade", "huizen", "werf"];

fn theme_and_region(index: usize) -> (&'static Theme, &'static str, usize) {
    let k = index.saturating_sub(1);
    (&THEMES[k % THEMES.len()], REGIONS[k % REGIONS.len()], k / (THEMES.len() * REGIONS.len()))
}

/// The name of network `index` (≥ 1); distinct for every index.
fn network_name(index: usize) -> String {
    let (theme, region, round) = theme_and_region(index);
    match round {
        0 => format!("{} {region}", theme.name),
        r => format!("{} {region} {}", theme.name, r + 1),
    }
}

// ---------------------------------------------------------------------------
// Partners
// ---------------------------------------------------------------------------

/// One partner as a pattern: `{region}` and `{town0}`…`{town4}` are filled in.
struct PartnerTemplate {
    name: &'static str,
    /// Becomes the e-mail and website domain (slugged, plus `.example`).
    domain: &'static str,
    sector: Sector,
    ownership: Ownership,
    description: &'static str,
    /// How many contact persons the partner has.
    persons: usize,
    /// Sends an administrator to the steering group (the first person).
    lead: bool,
    interests: &'static [(&'static str, &'static [GoalKey])],
}

use GoalKey::*;
use Ownership::{Private, Public};

const MAIN_PARTNERS: &[PartnerTemplate] = &[
    PartnerTemplate {
        name: "Gemeente {town0}",
        domain: "gemeente {town0}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Centrumgemeente van de regio; trekker van het netwerk en werkgever van de netwerkcoördinator.",
        persons: 3,
        lead: true,
        interests: &[
            (
                "Minder inwoners die zwaar leunen op dure maatwerkvoorzieningen uit Wmo en jeugdhulp",
                &[Loneliness, CarerStrain, MentalHealthWait, LivingAtHome],
            ),
            ("Eén sociaal domein dat voor inwoners herkenbaar is, ook over gemeentegrenzen heen", &[]),
        ],
    },
    PartnerTemplate {
        name: "Gemeente {town1}",
        domain: "gemeente {town1}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Plattelandsgemeente met veel kernen en een vergrijzende bevolking.",
        persons: 3,
        lead: true,
        interests: &[
            ("Voorzieningen in de kleine kernen overeind houden", &[Loneliness, LivingAtHome]),
            ("Inwoners met geldzorgen vroeg in beeld hebben", &[DebtsEarly]),
        ],
    },
    PartnerTemplate {
        name: "Gemeente {town2}",
        domain: "gemeente {town2}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Groeigemeente met nieuwe wijken en veel jonge gezinnen.",
        persons: 3,
        lead: true,
        interests: &[(
            "Kinderen gezond en kansrijk laten opgroeien in de nieuwe wijken",
            &[HealthyWeight, ChildPoverty, PreSchool, Exercise],
        )],
    },
    PartnerTemplate {
        name: "Gemeente {town3}",
        domain: "gemeente {town3}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Kleine gemeente die het sociaal domein deels samen met de buurgemeenten uitvoert.",
        persons: 3,
        lead: true,
        interests: &[
            ("Minder wachttijd bij de toegang tot zorg en ondersteuning", &[MentalHealthWait]),
            ("Kennis en capaciteit delen met de buurgemeenten", &[]),
        ],
    },
    PartnerTemplate {
        name: "Gemeente {town4}",
        domain: "gemeente {town4}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Gemeente met een oude binnenstad en twee wijken met grote gezondheidsverschillen.",
        persons: 3,
        lead: true,
        interests: &[("Gezondheidsverschillen tussen wijken kleiner maken", &[HealthyWeight, Exercise, DebtsEarly])],
    },
    PartnerTemplate {
        name: "GGD {region}",
        domain: "ggd {region}",
        sector: Sector::PublicHealth,
        ownership: Public,
        description: "Gezondheidsdienst voor de hele regio: monitoring, jeugdgezondheidszorg en preventie.",
        persons: 3,
        lead: true,
        interests: &[
            ("Gezondheidsachterstanden verkleinen met aanpakken die aantoonbaar werken", &[HealthyWeight, Exercise, Loneliness]),
            ("Monitorgegevens echt gebruikt zien bij beleid en projecten", &[]),
        ],
    },
    PartnerTemplate {
        name: "Huisartsencoöperatie {region}",
        domain: "huisartsen {region}",
        sector: Sector::PrimaryCare,
        ownership: Private,
        description: "Coöperatie van ruim zestig huisartsen; organiseert praktijkondersteuning en ketenzorg.",
        persons: 2,
        lead: true,
        interests: &[
            (
                "Minder spreekuurbezoek voor problemen die niet medisch zijn, en snel kunnen doorverwijzen naar welzijn",
                &[Loneliness, DebtsEarly, MentalHealthWait],
            ),
            ("Praktijkondersteuners jeugd en ggz structureel gefinancierd", &[MentalHealthWait]),
        ],
    },
    PartnerTemplate {
        name: "Gezondheidscentrum De Linde",
        domain: "gc delinde {town2}",
        sector: Sector::PrimaryCare,
        ownership: Private,
        description: "Huisartsen, fysiotherapie, diëtetiek en wijkverpleging onder één dak in {town2}.",
        persons: 2,
        lead: false,
        interests: &[("Leefstijlprogramma's voor patiënten dicht bij huis kunnen aanbieden", &[HealthyWeight, Exercise])],
    },
    PartnerTemplate {
        name: "Fysiotherapie & Leefstijl {town3}",
        domain: "fysio {town3}",
        sector: Sector::PrimaryCare,
        ownership: Private,
        description: "Praktijk voor fysiotherapie met beweeggroepen voor ouderen.",
        persons: 1,
        lead: false,
        interests: &[("Doorverwijzingen naar beweeggroepen voor ouderen vergoed krijgen", &[Exercise, LivingAtHome])],
    },
    PartnerTemplate {
        name: "Thuiszorg {region}",
        domain: "thuiszorg {region}",
        sector: Sector::CareProvider,
        ownership: Private,
        description: "Wijkverpleging en huishoudelijke hulp in alle gemeenten van de regio.",
        persons: 2,
        lead: true,
        interests: &[
            ("Wijkverpleegkundigen ontlasten door eerder welzijn en mantelzorgondersteuning in te schakelen", &[CarerStrain, LivingAtHome]),
            ("Personeel vinden en vasthouden", &[SchoolLeavers]),
        ],
    },
    PartnerTemplate {
        name: "GGZ {region}",
        domain: "ggz {region}",
        sector: Sector::CareProvider,
        ownership: Private,
        description: "Specialistische geestelijke gezondheidszorg met een laagdrempelig inlooppunt per gemeente.",
        persons: 2,
        lead: true,
        interests: &[("Kortere wachtlijsten door lichtere hulp eerder en dichterbij te organiseren", &[MentalHealthWait])],
    },
    PartnerTemplate {
        name: "Zorggroep De Wilgenhof",
        domain: "wilgenhof {region}",
        sector: Sector::CareProvider,
        ownership: Private,
        description: "Ouderenzorg met drie verpleeghuizen en dagbesteding in {town0} en {town1}.",
        persons: 2,
        lead: false,
        interests: &[(
            "Ouderen langer thuis laten wonen, zodat verpleeghuisplekken er zijn voor wie ze echt nodig heeft",
            &[LivingAtHome, Loneliness],
        )],
    },
    PartnerTemplate {
        name: "Jeugdhulp {region}",
        domain: "jeugdhulp {region}",
        sector: Sector::CareProvider,
        ownership: Private,
        description: "Ambulante jeugdhulp en gezinsbegeleiding.",
        persons: 2,
        lead: false,
        interests: &[("Minder zware jeugdhulp door eerder en lichter te helpen in de wijk", &[ChildPoverty, MentalHealthWait])],
    },
    PartnerTemplate {
        name: "Welzijn {region}",
        domain: "welzijn {region}",
        sector: Sector::Welfare,
        ownership: Private,
        description: "Welzijnsorganisatie voor ouderenwerk, jongerenwerk en mantelzorgondersteuning.",
        persons: 3,
        lead: true,
        interests: &[
            ("Meer inwoners bereiken die nu buiten beeld blijven", &[Loneliness, CarerStrain]),
            ("Structurele financiering voor preventieve activiteiten in plaats van jaarlijkse subsidies", &[]),
        ],
    },
    PartnerTemplate {
        name: "Sociaal Wijkteam {town0}",
        domain: "wijkteam {town0}",
        sector: Sector::Welfare,
        ownership: Public,
        description: "Integraal wijkteam voor vragen over zorg, opvoeden, geld en wonen.",
        persons: 2,
        lead: false,
        interests: &[("Eén plan per huishouden in plaats van vijf hulpverleners naast elkaar", &[DebtsEarly, MentalHealthWait])],
    },
    PartnerTemplate {
        name: "SchuldHulpMaatje {region}",
        domain: "schuldhulpmaatje {region}",
        sector: Sector::Welfare,
        ownership: Private,
        description: "Getrainde vrijwilligers die inwoners met geldzorgen begeleiden.",
        persons: 1,
        lead: false,
        interests: &[("Eerder ingeschakeld worden, voordat schulden zich opstapelen", &[DebtsEarly])],
    },
    PartnerTemplate {
        name: "Vrijwilligerscentrale {town4}",
        domain: "vrijwilligers {town4}",
        sector: Sector::Welfare,
        ownership: Private,
        description: "Koppelt vrijwilligers aan organisaties en buurtinitiatieven.",
        persons: 1,
        lead: false,
        interests: &[("Meer vrijwilligers voor maatjesprojecten en mantelzorgondersteuning", &[Loneliness, CarerStrain])],
    },
    PartnerTemplate {
        name: "ROC {region}",
        domain: "roc {region}",
        sector: Sector::Education,
        ownership: Public,
        description: "Middelbaar beroepsonderwijs met opleidingen in zorg, welzijn en techniek.",
        persons: 2,
        lead: true,
        interests: &[
            ("Minder studenten die uitvallen zonder diploma", &[SchoolLeavers, MentalHealthWait]),
            ("Stageplaatsen en leerwerkbanen in zorg en welzijn bij de netwerkpartners", &[SchoolLeavers]),
        ],
    },
    PartnerTemplate {
        name: "Stichting Primair Onderwijs {region}",
        domain: "spo {region}",
        sector: Sector::Education,
        ownership: Public,
        description: "Schoolbestuur van zeventien basisscholen.",
        persons: 2,
        lead: false,
        interests: &[
            ("Gezonde school: meer bewegen en gezond eten op en rond school", &[HealthyWeight, Exercise]),
            ("Leerkrachten die minder tijd kwijt zijn aan zorgen buiten de klas", &[ChildPoverty]),
        ],
    },
    PartnerTemplate {
        name: "Het {town2} College",
        domain: "college {town2}",
        sector: Sector::Education,
        ownership: Public,
        description: "Scholengemeenschap voor vmbo, havo en vwo.",
        persons: 1,
        lead: false,
        interests: &[("Minder schoolverzuim door mentale problemen", &[MentalHealthWait, SchoolLeavers])],
    },
    PartnerTemplate {
        name: "Zorgverzekeraar De Zorgkring",
        domain: "dezorgkring",
        sector: Sector::Insurer,
        ownership: Private,
        description: "Grootste zorgverzekeraar in de regio, met een eigen preventiebudget.",
        persons: 2,
        lead: true,
        interests: &[
            ("Lagere zorgkosten door preventie en minder onnodige verwijzingen", &[MentalHealthWait, Exercise, HealthyWeight]),
            ("Bewezen aanpakken die op te schalen zijn naar andere regio's", &[]),
        ],
    },
    PartnerTemplate {
        name: "Bouwbedrijf Van Dijk & Zn.",
        domain: "vandijkbouw",
        sector: Sector::Business,
        ownership: Private,
        description: "Familiebedrijf in bouw en onderhoud met 120 medewerkers.",
        persons: 1,
        lead: false,
        interests: &[
            ("Jongeren opleiden in de eigen werkplaats", &[SchoolLeavers]),
            ("Gezonde medewerkers en minder verzuim", &[Exercise]),
        ],
    },
    PartnerTemplate {
        name: "Ondernemersvereniging {town0}",
        domain: "ondernemers {town0}",
        sector: Sector::Business,
        ownership: Private,
        description: "Vereniging van ruim tweehonderd ondernemers in {town0}.",
        persons: 1,
        lead: false,
        interests: &[("Een levendige binnenstad waar mensen elkaar ontmoeten", &[Loneliness])],
    },
    PartnerTemplate {
        name: "Supermarkt De Verse Hoek",
        domain: "deversehoek",
        sector: Sector::Business,
        ownership: Private,
        description: "Buurtsupermarkt in {town4} die meedoet met gezonde schoolkantines.",
        persons: 1,
        lead: false,
        interests: &[("Gezonde producten zichtbaar en betaalbaar in de winkel", &[HealthyWeight])],
    },
    PartnerTemplate {
        name: "Hogeschool {region}",
        domain: "hogeschool {region}",
        sector: Sector::KnowledgeInstitute,
        ownership: Public,
        description: "Hogeschool met een lectoraat Gezonde Leefomgeving.",
        persons: 2,
        lead: true,
        interests: &[
            ("Praktijkgericht onderzoek en afstudeerplekken voor studenten", &[]),
            ("Kennis over wat werkt in de wijk terugbrengen in het onderwijs", &[Loneliness, HealthyWeight]),
        ],
    },
    PartnerTemplate {
        name: "Kenniscentrum Gezonde Regio",
        domain: "kenniscentrum {region}",
        sector: Sector::KnowledgeInstitute,
        ownership: Public,
        description: "Regionaal kennisnetwerk dat gezondheidsgegevens en onderzoek bundelt.",
        persons: 1,
        lead: false,
        interests: &[("Eén gedeelde monitor voor het hele netwerk", &[])],
    },
    PartnerTemplate {
        name: "Bewonersinitiatief Samen in de Buurt",
        domain: "samenindebuurt {town4}",
        sector: Sector::CitizenInitiative,
        ownership: Private,
        description: "Bewoners in {town4} organiseren koffieochtenden, een buurtmoestuin en boodschappenhulp.",
        persons: 1,
        lead: false,
        interests: &[
            ("Een vaste ontmoetingsplek in de wijk", &[Loneliness]),
            ("Minder papierwerk bij het aanvragen van een subsidie", &[]),
        ],
    },
    PartnerTemplate {
        name: "Zorgcoöperatie {town1}",
        domain: "zorgcooperatie {town1}",
        sector: Sector::CitizenInitiative,
        ownership: Private,
        description: "Inwoners die elkaar helpen met vervoer, klusjes en gezelschap.",
        persons: 1,
        lead: false,
        interests: &[("Ouderen in het dorp laten blijven wonen", &[LivingAtHome, Loneliness, CarerStrain])],
    },
    PartnerTemplate {
        name: "Woningcorporatie {region} Wonen",
        domain: "{region} wonen",
        sector: Sector::Other,
        ownership: Private,
        description: "Verhuurt ruim 14.000 sociale huurwoningen in de regio.",
        persons: 2,
        lead: true,
        interests: &[
            ("Minder huurachterstanden en geen huisuitzettingen", &[DebtsEarly]),
            ("Leefbare wijken met ontmoetingsplekken", &[Loneliness, LivingAtHome]),
        ],
    },
    PartnerTemplate {
        name: "Bibliotheek {region}",
        domain: "bibliotheek {region}",
        sector: Sector::Other,
        ownership: Public,
        description: "Bibliotheek met vestigingen in vijf gemeenten en een Informatiepunt Digitale Overheid.",
        persons: 1,
        lead: false,
        interests: &[("Inwoners met laaggeletterdheid of een digitale achterstand eerder helpen", &[DebtsEarly, Loneliness])],
    },
    PartnerTemplate {
        name: "Sportservice {region}",
        domain: "sportservice {region}",
        sector: Sector::Other,
        ownership: Public,
        description: "Buurtsportcoaches en ondersteuning van sportverenigingen.",
        persons: 1,
        lead: false,
        interests: &[("Meer kinderen en ouderen in beweging via de sportverenigingen", &[Exercise, HealthyWeight])],
    },
];

const SMALL_PARTNERS: &[PartnerTemplate] = &[
    PartnerTemplate {
        name: "Gemeente {town0}",
        domain: "gemeente {town0}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Trekker van de aanpak Kansrijk Opgroeien en werkgever van de kwartiermaker.",
        persons: 3,
        lead: true,
        interests: &[("Elk kind een eerlijke kans, ongeacht het inkomen van de ouders", &[ChildPoverty, PreSchool])],
    },
    PartnerTemplate {
        name: "Gemeente {town1}",
        domain: "gemeente {town1}",
        sector: Sector::Municipality,
        ownership: Public,
        description: "Buurgemeente die de aanpak samen met {town0} financiert.",
        persons: 2,
        lead: true,
        interests: &[("Minder instroom in dure jeugdhulp", &[ChildPoverty, SchoolLeavers])],
    },
    PartnerTemplate {
        name: "GGD {region}",
        domain: "ggd {region}",
        sector: Sector::PublicHealth,
        ownership: Public,
        description: "Jeugdgezondheidszorg en consultatiebureaus in het {region}.",
        persons: 2,
        lead: true,
        interests: &[("Alle peuters in beeld bij het consultatiebureau", &[PreSchool, HealthyWeight])],
    },
    PartnerTemplate {
        name: "Kinderopvang De Boomhut",
        domain: "deboomhut",
        sector: Sector::Business,
        ownership: Private,
        description: "Kinderdagverblijven en peuteropvang met voorschoolse educatie.",
        persons: 1,
        lead: false,
        interests: &[("Meer doelgroeppeuters bereiken voor voorschoolse educatie", &[PreSchool])],
    },
    PartnerTemplate {
        name: "Stichting Primair Onderwijs {region}",
        domain: "spo {region}",
        sector: Sector::Education,
        ownership: Public,
        description: "Schoolbestuur van negen basisscholen.",
        persons: 2,
        lead: true,
        interests: &[("Gezonde school, en geen kinderen die zonder ontbijt in de klas zitten", &[HealthyWeight, ChildPoverty])],
    },
    PartnerTemplate {
        name: "Jongerenwerk {region}",
        domain: "jongerenwerk {region}",
        sector: Sector::Welfare,
        ownership: Private,
        description: "Jongerenwerk en schoolmaatschappelijk werk.",
        persons: 1,
        lead: false,
        interests: &[("Jongeren in beeld houden die dreigen uit te vallen", &[SchoolLeavers])],
    },
    PartnerTemplate {
        name: "Stichting Meedoen {region}",
        domain: "meedoen {region}",
        sector: Sector::Other,
        ownership: Private,
        description: "Zorgt dat kinderen uit gezinnen met weinig geld mee kunnen doen met sport, cultuur en school.",
        persons: 1,
        lead: false,
        interests: &[("Geen kind buitenspel door geldgebrek", &[ChildPoverty])],
    },
    PartnerTemplate {
        name: "Huisartsenpraktijk {town0}",
        domain: "huisarts {town0}",
        sector: Sector::PrimaryCare,
        ownership: Private,
        description: "Praktijk met drie huisartsen en een praktijkondersteuner jeugd.",
        persons: 1,
        lead: false,
        interests: &[("Snel kunnen doorverwijzen bij opvoedvragen en zorgen om geld", &[ChildPoverty])],
    },
    PartnerTemplate {
        name: "Sportclub {town1}",
        domain: "sportclub {town1}",
        sector: Sector::Other,
        ownership: Private,
        description: "Omnisportvereniging met voetbal, turnen en zwemles.",
        persons: 1,
        lead: false,
        interests: &[("Meer kinderen lid, ook als de contributie een probleem is", &[HealthyWeight, ChildPoverty])],
    },
    PartnerTemplate {
        name: "Ouderinitiatief Samen Spelen",
        domain: "samenspelen {town1}",
        sector: Sector::CitizenInitiative,
        ownership: Private,
        description: "Ouders in {town1} die een speelplek en inloopochtenden voor jonge gezinnen organiseren.",
        persons: 1,
        lead: false,
        interests: &[("Een speelplek en ontmoetingsruimte voor jonge gezinnen", &[])],
    },
];

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

const FIRST_NAMES: &[&str] = &[
    "Anna", "Bas", "Chantal", "Daan", "Emma", "Fatima", "Gerrit", "Hanneke", "Ibrahim", "Jeroen", "Karin", "Lars", "Mohammed", "Noor",
    "Olga", "Pieter", "Priya", "Rachid", "Sanne", "Thijs", "Yusuf", "Zeynep", "Marieke", "Willem", "Esther", "Kevin", "Lotte", "Mehmet",
    "Ayşe", "Femke", "Ruud", "Ingrid", "Stefan", "Naima", "Hatice", "Tom", "Wendy", "Joost", "Anouk", "Dewi", "Kwame", "Sevda", "Roel",
    "Linda", "Mark", "Sophie", "Bram", "Ilse", "Hamza", "Marloes", "Remco", "Nadia", "Jolanda", "Erik", "Aylin", "Sander", "Miriam",
    "Bert", "Kim", "Ahmed", "Eline", "Gijs", "Yvonne", "Özlem", "Martijn", "Saskia", "Dirk", "Latifa", "Renée", "Jasper",
];

const LAST_NAMES: &[&str] = &[
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van Dijk",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
    "Kramer",
    "El Amrani",
    "Yilmaz",
    "Kaya",
    "Öztürk",
    "El Idrissi",
    "Bouzid",
    "Demir",
    "Çelik",
    "Şahin",
    "Tahiri",
    "Ramdin",
    "Mahabier",
    "Pinas",
    "Nguyen",
    "Wong",
    "Kowalski",
    "Nowak",
    "Abdi",
    "Haddou",
    "Ouali",
    "Verhoeven",
    "Postma",
    "Timmermans",
    "Bosman",
    "Scholten",
    "van Beek",
    "Lammers",
    "Wouters",
    "Hermans",
    "Veenstra",
    "Kuipers",
];

/// A person with a fixed name, so that the demo accounts meet themselves in
/// the data: (partner index, position among its persons, first, last name).
type Reserved = (usize, usize, &'static str, &'static str);

const MAIN_RESERVED: &[Reserved] = &[(0, 0, "Henk", "Bos"), (0, 1, "Sanne", "de Wit"), (13, 1, "Yasmina", "El Amrani")];
const SMALL_RESERVED: &[Reserved] = &[(3, 0, "Kees", "Mulder")];

// ---------------------------------------------------------------------------
// Building a network
// ---------------------------------------------------------------------------

/// Everything that differs between the main, the small and the further networks.
struct Spec {
    name: String,
    region: String,
    inhabitants: u32,
    domains: &'static str,
    governance: String,
    phase: Phase,
    start: NaiveDate,
    ambition: String,
    goals: Vec<GoalKey>,
    towns: Vec<String>,
    partners: &'static [PartnerTemplate],
    /// Extra persons spread over random partners, on top of the templates' counts.
    extra_persons: usize,
    /// How many partners are (prospect, joining, leaving); the rest is active.
    statuses: (usize, usize, usize),
    reserved: &'static [Reserved],
}

fn main_spec() -> Spec {
    let region = "Rivierenland";
    let towns = ["Rivierstad", "Dijkhoven", "Waalbergen", "Uiterwaard", "Kribbendam"];
    Spec {
        name: format!("Gezond {region}"),
        region: region.into(),
        inhabitants: 245_000,
        domains: Focus::Health.domains(),
        governance:
            "Een bestuurlijke regiegroep met de wethouders zorg van de vijf gemeenten en bestuurders van GGD, huisartsencoöperatie, \
                     thuiszorg, ggz, welzijn, ROC, zorgverzekeraar, woningcorporatie en hogeschool stuurt op de gedeelde ambitie en komt \
                     zes keer per jaar bijeen. Drie werkgroepen (Samen Oud Worden, Gezond Opgroeien, Bestaanszekerheid) werken de doelen \
                     uit in projecten. De netwerkcoördinator is in dienst van de gemeente Rivierstad en bereidt de regiegroep voor."
                .into(),
        phase: Phase::DevelopAndGrow,
        start: date(2022, 3, 1),
        ambition: "In 2030 voelen inwoners van Rivierenland zich gezonder en minder alleen, en krijgt wie vastloopt met zorgen over geld, \
                   gezondheid of opvoeding op tijd hulp dichtbij huis. Gemeenten, zorg, welzijn, onderwijs, wonen en bedrijven werken \
                   daarvoor als één netwerk: de gezonde keuze wordt de makkelijke keuze."
            .into(),
        goals: vec![Loneliness, HealthyWeight, MentalHealthWait, DebtsEarly, CarerStrain],
        towns: towns.iter().map(|t| t.to_string()).collect(),
        partners: MAIN_PARTNERS,
        extra_persons: 3,
        statuses: (2, 1, 1),
        reserved: MAIN_RESERVED,
    }
}

fn small_spec() -> Spec {
    let region = "Lingedal";
    Spec {
        name: format!("Kansrijk Opgroeien {region}"),
        region: region.into(),
        inhabitants: 68_000,
        domains: "jeugd, onderwijs, armoede, gezondheid",
        governance: "Een stuurgroep van de twee wethouders jeugd, de GGD en het schoolbestuur besluit; een kernteam van uitvoerders \
                     uit opvang, school, jeugdgezondheidszorg en jongerenwerk komt elke maand bij elkaar. Een kwartiermaker van de \
                     gemeente Lingestein houdt de lijnen bij elkaar."
            .into(),
        phase: Phase::BuildUp,
        start: date(2024, 9, 1),
        ambition: "Alle kinderen in het Lingedal groeien gezond en veilig op en krijgen gelijke kansen, ongeacht waar ze wonen of wat \
                   hun ouders verdienen. Kinderopvang, school, zorg, sport en gemeenten werken daarvoor samen rond het gezin."
            .into(),
        goals: vec![HealthyWeight, ChildPoverty, PreSchool, SchoolLeavers],
        towns: vec!["Lingestein".into(), "Beesdijk".into()],
        partners: SMALL_PARTNERS,
        extra_persons: 0,
        statuses: (1, 1, 0),
        reserved: SMALL_RESERVED,
    }
}

/// Governance sketches for the further networks; `{town0}` is filled in.
const GOVERNANCE: &[&str] = &[
    "Een bestuurlijke regiegroep van wethouders en bestuurders van de grote partners stuurt op de ambitie; werkgroepen per doel \
     werken projecten uit. De netwerkcoördinator is in dienst van de gemeente {town0}.",
    "Een stuurgroep van vijf bestuurders besluit over geld en prioriteiten; een kernteam van projectleiders komt elke twee weken \
     bij elkaar. Twee keer per jaar is er een netwerkbijeenkomst voor alle partners.",
    "De partners vormen samen een coöperatieve netwerkraad met een roulerend voorzitterschap. Een programmabureau bij de GGD \
     ondersteunt de werkgroepen en houdt de voortgang bij.",
];

fn scaled_spec(rng: &mut ChaCha8Rng, index: usize) -> Spec {
    let (theme, region, _) = theme_and_region(index);
    let phase = *Phase::ALL.choose(rng).unwrap_or(&Phase::BuildUp);
    let (from, to) = match phase {
        Phase::BuildUp => (date(2024, 1, 1), date(2025, 6, 1)),
        Phase::DevelopAndGrow => (date(2020, 1, 1), date(2023, 12, 1)),
        Phase::SustainableImpact => (date(2015, 1, 1), date(2019, 12, 1)),
    };
    let start = random_date(rng, from, to).with_day(1).unwrap_or(from);
    let horizon = (start.year() + 8).max(2030);
    let ambition = theme.focus.ambition().replace("{region}", region).replace("{year}", &horizon.to_string());

    let mut goals: Vec<GoalKey> = theme.focus.core_goals().to_vec();
    let mut others: Vec<GoalKey> = GOALS.iter().map(|g| g.key).filter(|k| !goals.contains(k)).collect();
    others.shuffle(rng);
    let wanted: usize = rng.gen_range(4..=6);
    goals.extend(others.into_iter().take(wanted.saturating_sub(goals.len())));

    let mut towns: Vec<String> = Vec::with_capacity(5);
    while towns.len() < 5 {
        let town = format!("{}{}", pick(rng, TOWN_HEADS), pick(rng, TOWN_TAILS));
        if !towns.contains(&town) {
            towns.push(town);
        }
    }
    let governance = pick(rng, GOVERNANCE).replace("{town0}", &towns[0]);

    Spec {
        name: network_name(index),
        region: region.into(),
        inhabitants: rng.gen_range(80..=450) * 1000 + rng.gen_range(0..10) * 100,
        domains: theme.focus.domains(),
        governance,
        phase,
        start,
        ambition,
        goals,
        towns,
        partners: MAIN_PARTNERS,
        extra_persons: 3,
        statuses: (2, 1, 1),
        reserved: &[],
    }
}

fn build(rng: &mut ChaCha8Rng, spec: &Spec) -> DemoNetwork {
    let network = NetworkForm {
        name: spec.name.clone(),
        region: spec.region.clone(),
        inhabitants: thousands(spec.inhabitants),
        domains: spec.domains.into(),
        governance: spec.governance.clone(),
        phase: spec.phase.code().into(),
        start_date: spec.start.to_string(),
    };
    let ambition = AmbitionForm { statement: spec.ambition.clone() };
    let goals: Vec<GoalForm> = spec.goals.iter().map(|k| goal_form(rng, *k, spec.start)).collect();

    let statuses = assign_statuses(rng, spec);
    let mut partners = Vec::with_capacity(spec.partners.len());
    let mut domains = Vec::with_capacity(spec.partners.len());
    for (t, status) in spec.partners.iter().zip(&statuses) {
        let domain = format!("{}.example", slug(&fill(t.domain, spec), "-"));
        partners.push(partner_form(rng, t, spec, *status, &domain));
        domains.push(domain);
    }

    let mut counts: Vec<usize> = spec.partners.iter().map(|t| t.persons).collect();
    for _ in 0..spec.extra_persons {
        let i = rng.gen_range(0..counts.len());
        counts[i] += 1;
    }
    let mut used: Vec<String> = spec.reserved.iter().map(|r| format!("{} {}", r.2, r.3)).collect();
    let mut persons = Vec::new();
    for (p, t) in spec.partners.iter().enumerate() {
        for pos in 0..counts[p] {
            let (first, last) = match spec.reserved.iter().find(|r| r.0 == p && r.1 == pos) {
                Some(r) => (r.2, r.3),
                None => fresh_name(rng, &mut used),
            };
            let roles = person_roles(rng, t, p, pos, statuses[p]);
            let mut person = person_form(rng, first, last, &domains[p], &partners[p].name, roles);
            // Two colleagues can share an initial and a surname ("s.lammers");
            // a real mail server would number the second one.
            let mut n = 1;
            while persons.iter().any(|(_, other): &(usize, PersonForm)| other.email == person.email) {
                let number = if n == 1 { String::new() } else { n.to_string() };
                person.email = format!("{}.{}{number}@{}", slug(first, ""), slug(last, ""), domains[p]);
                n += 1;
            }
            persons.push((p, person));
        }
    }

    let mut interests = Vec::new();
    for (p, t) in spec.partners.iter().enumerate() {
        let n = match rng.gen_range(0..100) {
            // "Most partners": some have not made theirs explicit yet.
            0..=14 if !t.lead => 0,
            0..=59 => 1,
            _ => 2,
        };
        for (text, keys) in t.interests.iter().take(n) {
            let goal_indices = keys.iter().filter_map(|k| spec.goals.iter().position(|g| g == k)).collect();
            interests.push((p, fill(text, spec), goal_indices));
        }
    }

    DemoNetwork { network, ambition, goals, partners, persons, interests }
}

/// Picks which partners are not (yet, or no longer) active. Steering-group
/// partners and partners of the demo accounts always stay active.
fn assign_statuses(rng: &mut ChaCha8Rng, spec: &Spec) -> Vec<MembershipStatus> {
    let mut statuses = vec![MembershipStatus::Active; spec.partners.len()];
    let mut candidates: Vec<usize> =
        (0..spec.partners.len()).filter(|i| !spec.partners[*i].lead && !spec.reserved.iter().any(|r| r.0 == *i)).collect();
    candidates.shuffle(rng);
    let (prospect, joining, leaving) = spec.statuses;
    let wanted = std::iter::repeat_n(MembershipStatus::Prospect, prospect)
        .chain(std::iter::repeat_n(MembershipStatus::Joining, joining))
        .chain(std::iter::repeat_n(MembershipStatus::Leaving, leaving));
    for (i, status) in candidates.into_iter().zip(wanted) {
        statuses[i] = status;
    }
    statuses
}

fn partner_form(rng: &mut ChaCha8Rng, t: &PartnerTemplate, spec: &Spec, status: MembershipStatus, domain: &str) -> OrganisationForm {
    let kvk_chance = if t.ownership == Private { 0.85 } else { 0.3 };
    let kvk_number = if rng.gen_bool(kvk_chance) { rng.gen_range(10_000_000..100_000_000u32).to_string() } else { String::new() };
    let site_chance = if t.sector == Sector::CitizenInitiative { 0.4 } else { 0.9 };
    let website = if rng.gen_bool(site_chance) { format!("https://www.{domain}") } else { String::new() };
    let latest = date(2025, 11, 30);
    let member_since = match status {
        MembershipStatus::Prospect | MembershipStatus::Joining => String::new(),
        _ if t.lead => spec.start.to_string(),
        _ => random_date(rng, spec.start, latest.max(spec.start)).to_string(),
    };
    OrganisationForm {
        name: fill(t.name, spec),
        sector: t.sector.code().into(),
        ownership: t.ownership.code().into(),
        kvk_number,
        website,
        description: fill(t.description, spec),
        membership_status: status.code().into(),
        member_since,
    }
}

fn person_roles(rng: &mut ChaCha8Rng, t: &PartnerTemplate, partner: usize, pos: usize, status: MembershipStatus) -> Vec<String> {
    use PersonRole::*;
    let roles: Vec<PersonRole> = if status == MembershipStatus::Prospect {
        vec![ContactPerson]
    } else if pos == 0 && t.lead {
        vec![SteeringGroupMember]
    } else if partner == 0 && pos == 1 {
        // The network coordinator works for the leading municipality.
        vec![Coordinator, CivilServant]
    } else if t.sector == Sector::Municipality {
        vec![CivilServant, *pick(rng, &[WorkingGroupMember, WorkingGroupMember, ProjectLead])]
    } else if pos == 0 {
        let mut r = vec![ContactPerson];
        if rng.gen_bool(0.3) {
            r.push(*pick(rng, &[WorkingGroupMember, Professional]));
        }
        r
    } else {
        let first = *pick(rng, &[WorkingGroupMember, WorkingGroupMember, ProjectLead, Professional, ContactPerson]);
        let mut r = vec![first];
        let second = *pick(rng, &[WorkingGroupMember, ProjectLead, Professional]);
        if second != first && rng.gen_bool(0.25) {
            r.push(second);
        }
        r
    };
    roles.into_iter().map(|r| r.code().to_string()).collect()
}

fn person_form(rng: &mut ChaCha8Rng, first: &str, last: &str, domain: &str, partner: &str, roles: Vec<String>) -> PersonForm {
    let (first_slug, last_slug) = (slug(first, ""), slug(last, ""));
    let initial: String = first_slug.chars().take(1).collect();
    let local = if rng.gen_bool(0.2) { format!("{initial}.{last_slug}") } else { format!("{first_slug}.{last_slug}") };
    let phone = match rng.gen_range(0..10) {
        0..=3 => format!("06-{:08}", rng.gen_range(10_000_000..100_000_000u32)),
        4..=5 => format!("(0345) {:02} {:02} {:02}", rng.gen_range(10..100), rng.gen_range(0..100), rng.gen_range(0..100)),
        _ => String::new(),
    };
    let data_source = match rng.gen_range(0..10) {
        0..=6 => format!("Opgegeven door {partner}"),
        7..=8 => format!("Contactpersonenlijst van {partner}"),
        _ => "Zelf aangemeld op een netwerkbijeenkomst".to_string(),
    };
    PersonForm {
        name: format!("{first} {last}"),
        email: format!("{local}@{domain}"),
        phone,
        organisation_id: String::new(),
        roles,
        data_source,
        informed_on: random_date(rng, date(2024, 1, 1), date(2025, 12, 31)).to_string(),
    }
}

/// A first and last name not used before in this network.
fn fresh_name(rng: &mut ChaCha8Rng, used: &mut Vec<String>) -> (&'static str, &'static str) {
    loop {
        let (first, last) = (*pick(rng, FIRST_NAMES), *pick(rng, LAST_NAMES));
        let full = format!("{first} {last}");
        // Terminates: a network has far fewer persons than the 4 000+ combinations.
        if !used.contains(&full) {
            used.push(full);
            return (first, last);
        }
    }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn random_date(rng: &mut ChaCha8Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from.checked_add_days(Days::new(rng.gen_range(0..=span))).unwrap_or(from)
}

/// Fills `{region}` and `{town0}`…`{town4}`.
fn fill(pattern: &str, spec: &Spec) -> String {
    let mut out = pattern.replace("{region}", &spec.region);
    for (i, town) in spec.towns.iter().enumerate() {
        out = out.replace(&format!("{{town{i}}}"), town);
    }
    out
}

/// Lower-case ASCII letters and digits; accents dropped, everything else
/// becomes `sep` (collapsed, never at either end).
fn slug(text: &str, sep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ş' => 's',
            'ğ' => 'g',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if pending && !out.is_empty() {
                out.push_str(sep);
            }
            pending = false;
            out.push(c);
        } else {
            pending = true;
        }
    }
    out
}

/// 245000 → "245.000", as a Dutch coordinator would type it.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// Every form validates and every cross-reference points inside the network.
    fn assert_consistent(d: &DemoNetwork) {
        let name = &d.network.name;
        d.network.validate().unwrap_or_else(|e| panic!("{name}: network: {e}"));
        d.ambition.validate().unwrap_or_else(|e| panic!("{name}: ambition: {e}"));
        for g in &d.goals {
            g.validate().unwrap_or_else(|e| panic!("{name}: goal {g:?}: {e}"));
        }
        for p in &d.partners {
            p.validate().unwrap_or_else(|e| panic!("{name}: partner {p:?}: {e}"));
        }
        let mut emails = HashSet::new();
        for (p, person) in &d.persons {
            assert!(*p < d.partners.len(), "{name}: person {} points at partner {p}", person.name);
            let draft = person.validate(today()).unwrap_or_else(|e| panic!("{name}: person {person:?}: {e}"));
            assert!(!draft.roles.is_empty(), "{name}: {} has no role", person.name);
            assert_eq!(person.email, person.email.to_lowercase());
            assert!(person.email.ends_with(".example"), "{}", person.email);
            assert!(emails.insert(person.email.clone()), "{name}: duplicate e-mail {}", person.email);
            let informed = draft.informed_on.unwrap();
            assert!((2024..=2025).contains(&informed.year()), "{name}: informed on {informed}");
        }
        for (p, text, goals) in &d.interests {
            assert!(*p < d.partners.len());
            assert!(!text.trim().is_empty());
            assert!(goals.iter().all(|g| *g < d.goals.len()), "{name}: interest {text} refers to goals {goals:?}");
        }
    }

    fn sectors(d: &DemoNetwork) -> HashSet<Sector> {
        d.partners.iter().map(|p| Sector::parse(&p.sector).unwrap()).collect()
    }

    #[test]
    fn same_seed_gives_the_same_network() {
        assert_eq!(generate(2026, 0), generate(2026, 0));
        assert_eq!(generate(7, 12), generate(7, 12));
        assert_eq!(generate_small(2026), generate_small(2026));
    }

    #[test]
    fn another_seed_gives_other_people() {
        let names = |d: &DemoNetwork| d.persons.iter().map(|(_, p)| p.name.clone()).collect::<Vec<_>>();
        assert_ne!(names(&generate(1, 0)), names(&generate(2, 0)));
        assert_eq!(generate(1, 0).network.name, generate(2, 0).network.name);
    }

    #[test]
    fn other_index_gives_other_name() {
        assert_eq!(generate(2026, 0).network.name, "Gezond Rivierenland");
        assert_ne!(generate(2026, 1).network.name, generate(2026, 0).network.name);
        assert_ne!(generate(2026, 1).network.name, generate(2026, 2).network.name);
    }

    #[test]
    fn a_thousand_indices_give_a_thousand_valid_networks_with_distinct_names() {
        let mut names = HashSet::new();
        names.insert(generate_small(2026).network.name);
        for index in 0..1000 {
            let d = generate(2026, index);
            assert_consistent(&d);
            assert!(names.insert(d.network.name.clone()), "duplicate name {}", d.network.name);
        }
        assert_eq!(names.len(), 1001);
    }

    #[test]
    fn names_stay_distinct_after_the_combinations_run_out() {
        let combinations = THEMES.len() * REGIONS.len();
        let names: HashSet<String> = (1..=3 * combinations).map(network_name).collect();
        assert_eq!(names.len(), 3 * combinations);
        assert!(!names.contains("Gezond Rivierenland"));
        assert!(!names.contains("Kansrijk Opgroeien Lingedal"));
        assert_eq!(network_name(combinations + 1), format!("{} 2", network_name(1)));
    }

    #[test]
    fn main_network_has_the_promised_size_and_all_sectors() {
        for seed in [0, 1, 2026, u64::MAX] {
            let d = generate(seed, 0);
            assert_consistent(&d);
            assert!((25..=35).contains(&d.partners.len()), "{} partners", d.partners.len());
            assert!((55..=65).contains(&d.persons.len()), "{} persons", d.persons.len());
            assert!((4..=6).contains(&d.goals.len()), "{} goals", d.goals.len());
            assert_eq!(sectors(&d).len(), Sector::ALL.len());
            let statuses: Vec<&str> = d.partners.iter().map(|p| p.membership_status.as_str()).collect();
            let active = statuses.iter().filter(|s| **s == "active").count();
            assert!(active * 4 > statuses.len() * 3, "most partners are active: {statuses:?}");
            assert!(statuses.contains(&"prospect") && statuses.contains(&"joining") && statuses.contains(&"leaving"));
            let with_interest: HashSet<usize> = d.interests.iter().map(|i| i.0).collect();
            assert!(with_interest.len() * 2 > d.partners.len(), "most partners state an interest");
        }
    }

    #[test]
    fn further_networks_have_the_main_size_and_all_sectors() {
        for index in [1, 2, 500, 999] {
            let d = generate(2026, index);
            assert_eq!(d.partners.len(), generate(2026, 0).partners.len());
            assert!((55..=65).contains(&d.persons.len()));
            assert!((4..=6).contains(&d.goals.len()));
            assert_eq!(sectors(&d).len(), Sector::ALL.len());
        }
    }

    #[test]
    fn main_network_has_one_coordinator_and_steering_members() {
        let d = generate(2026, 0);
        let with_role = |role: &str| d.persons.iter().filter(|(_, p)| p.roles.iter().any(|r| r == role)).count();
        assert_eq!(with_role("coordinator"), 1);
        assert!(with_role("steering_group_member") >= 5);
        assert!(with_role("civil_servant") >= 5);
        let sanne = d.persons.iter().find(|(_, p)| p.name == "Sanne de Wit").unwrap();
        assert_eq!(sanne.0, 0);
        assert!(sanne.1.roles.contains(&"coordinator".to_string()));
        assert!(sanne.1.email.ends_with(".dewit@gemeente-rivierstad.example"), "{}", sanne.1.email);
    }

    #[test]
    fn small_network_is_smaller_and_valid() {
        let small = generate_small(2026);
        let main = generate(2026, 0);
        assert_consistent(&small);
        assert_eq!(small.network.name, "Kansrijk Opgroeien Lingedal");
        assert!(small.partners.len() < main.partners.len());
        assert!(small.persons.len() < main.persons.len());
        assert!((8..=12).contains(&small.partners.len()));
        assert!((12..=18).contains(&small.persons.len()));
        assert_eq!(small.goals.len(), 4);
        assert!(small.persons.iter().any(|(_, p)| p.name == "Kees Mulder"));
    }

    #[test]
    fn every_goal_key_has_one_template() {
        for key in [
            Loneliness,
            HealthyWeight,
            MentalHealthWait,
            DebtsEarly,
            Exercise,
            CarerStrain,
            SchoolLeavers,
            LivingAtHome,
            ChildPoverty,
            PreSchool,
        ] {
            assert_eq!(GOALS.iter().filter(|g| g.key == key).count(), 1, "{key:?}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(thousands(245_000), "245.000");
        assert_eq!(thousands(1_234_567), "1.234.567");
        assert_eq!(thousands(999), "999");
        assert_eq!(slug("Huisartsencoöperatie Rivierenland", "-"), "huisartsencooperatie-rivierenland");
        assert_eq!(slug("Van Dijk & Zn.", "-"), "van-dijk-zn");
        assert_eq!(slug("Şahin", ""), "sahin");
        assert_eq!(slug("El Amrani", ""), "elamrani");
    }
}
