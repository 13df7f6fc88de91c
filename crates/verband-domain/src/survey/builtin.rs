//! The built-in instruments, written for Verband in Dutch and English.
//!
//! Every text here is Verband's own wording, not taken from any licensed
//! questionnaire. Question keys are stored with the answers, so they never
//! change once released: reword a text, keep its key.

use super::instrument::{
    Bands, Choice, Factor, Instrument, InstrumentKind, Page, Question, QuestionKind, RatingDimension, RatingItem, Text,
};
use crate::{BuildingBlock, Phase};

/// The built-in instruments, in the order a coordinator sees them.
pub fn builtin_instruments() -> Vec<Instrument> {
    vec![relationship_survey(), collaboration_scan(), reciprocity_check(), process_evaluation(), phase_checklist()]
}

/// The built-in instrument of a kind (`None` for `custom`).
pub fn builtin(kind: InstrumentKind) -> Option<Instrument> {
    builtin_instruments().into_iter().find(|i| i.kind == kind)
}

fn t(nl: &str, en: &str) -> Text {
    Text::new(nl, en)
}

fn choice(key: &str, nl: &str, en: &str) -> Choice {
    Choice { key: key.to_string(), label: t(nl, en) }
}

fn factor(key: &str, nl: &str, en: &str) -> Factor {
    Factor { key: key.to_string(), name: t(nl, en) }
}

fn question(key: &str, factor: Option<&str>, nl: &str, en: &str, kind: QuestionKind) -> Question {
    Question { key: key.to_string(), text: t(nl, en), factor: factor.map(str::to_string), required: false, kind }
}

fn page(nl: &str, en: &str, questions: Vec<Question>) -> Page {
    Page { title: t(nl, en), questions }
}

/// The 1–5 agreement scale of the statement instruments.
fn agreement() -> Vec<Text> {
    vec![
        t("Helemaal oneens", "Strongly disagree"),
        t("Oneens", "Disagree"),
        t("Neutraal", "Neutral"),
        t("Eens", "Agree"),
        t("Helemaal eens", "Strongly agree"),
    ]
}

/// Statements of one lens: (key, Dutch, English), all on the agreement scale.
fn statements(factor: &str, items: &[(&str, &str, &str)]) -> Vec<Question> {
    items.iter().map(|(key, nl, en)| question(key, Some(factor), nl, en, QuestionKind::Scale { labels: agreement() })).collect()
}

/// A factor with its statements: key, Dutch and English name, then the
/// statements as (key, Dutch, English).
type Group = (&'static str, &'static str, &'static str, &'static [(&'static str, &'static str, &'static str)]);

fn open(key: &str, nl: &str, en: &str) -> Question {
    question(key, None, nl, en, QuestionKind::OpenText)
}

fn relationship_survey() -> Instrument {
    let frequency = vec![
        // Least to most often: results read the position as the tie's frequency.
        choice("yearly", "Een paar keer per jaar", "A few times a year"),
        choice("quarterly", "Elk kwartaal", "Every quarter"),
        choice("monthly", "Elke maand", "Every month"),
        choice("weekly", "Elke week", "Every week"),
        choice("daily", "(Bijna) elke dag", "(Almost) every day"),
    ];
    // The keys are the RelationshipKind codes, so a reported tie lands on the map as is.
    let work = vec![
        choice("information_exchange", "Informatie uitwisselen", "Information exchange"),
        choice("joint_project", "Samen een project", "Joint project"),
        choice("client_referral", "Cliënten doorverwijzen", "Client referral"),
        choice("shared_funding", "Gedeelde financiering", "Shared funding"),
        choice("shared_staff", "Gedeeld personeel", "Shared staff"),
        choice("other", "Anders", "Other"),
    ];
    let item = |key: &str, dimension, nl: &str, en: &str| RatingItem { key: key.to_string(), text: t(nl, en), dimension };
    let items = vec![
        item("reliable", RatingDimension::Trust, "Deze partner komt afspraken na.", "This partner keeps its agreements."),
        item(
            "mission",
            RatingDimension::Trust,
            "Deze partner zet zich in voor ons gezamenlijke doel.",
            "This partner works towards our shared goal.",
        ),
        item(
            "open",
            RatingDimension::Trust,
            "Met deze partner kun je open overleggen, ook over lastige punten.",
            "You can talk openly with this partner, difficult points included.",
        ),
        item(
            "influence",
            RatingDimension::Value,
            "Deze partner heeft de invloed om dingen voor elkaar te krijgen.",
            "This partner has the influence to get things done.",
        ),
        item(
            "involvement",
            RatingDimension::Value,
            "Deze partner is actief betrokken bij het netwerk.",
            "This partner is actively involved in the network.",
        ),
        item(
            "resources",
            RatingDimension::Value,
            "Deze partner brengt iets in: geld, mensen, kennis of contacten.",
            "This partner brings something in: money, people, knowledge or contacts.",
        ),
    ];
    let labels = vec![t("Helemaal niet", "Not at all"), t("Een beetje", "A little"), t("Redelijk", "Fairly"), t("Heel erg", "Very much")];
    Instrument {
        kind: InstrumentKind::RelationshipSurvey,
        name: t("Netwerkbevraging", "Relationship survey"),
        intro: t(
            "Met deze vragen brengen we in kaart met wie jouw organisatie samenwerkt, hoe vaak en hoe dat gaat. Je antwoordt namens je organisatie. \
             De antwoorden komen op de netwerkkaart. Cijfers over een partner tonen we alleen als genoeg organisaties over die partner een oordeel gaven.",
            "These questions map who your organisation works with, how often and how that goes. You answer on behalf of your organisation. \
             The answers feed the network map. Figures about a partner are only shown when enough organisations rated that partner.",
        ),
        bands: Bands::default(),
        factors: Vec::new(),
        pages: vec![
            page(
                "Partners",
                "Partners",
                vec![question(
                    "partners",
                    None,
                    "Met welke partners werkt jouw organisatie samen?",
                    "Which partners does your organisation work with?",
                    QuestionKind::Partners,
                )],
            ),
            page(
                "Samenwerking per partner",
                "Working with each partner",
                vec![question(
                    "ratings",
                    None,
                    "Hoe gaat de samenwerking met deze partner?",
                    "How does working with this partner go?",
                    QuestionKind::PartnerRatings { source: "partners".to_string(), frequency, work, items, labels },
                )],
            ),
            page(
                "Tot slot",
                "Finally",
                vec![open(
                    "remarks",
                    "Wil je nog iets kwijt over de samenwerking in het netwerk?",
                    "Is there anything else you want to say about working together in the network?",
                )],
            ),
        ],
    }
}

fn collaboration_scan() -> Instrument {
    let lenses: [Group; 5] = [
        (
            "ambition",
            "Ambitie",
            "Ambition",
            &[
                ("ambition_shared_goal", "We hebben een doel dat alle partners delen.", "We have a goal that all partners share."),
                (
                    "ambition_clear",
                    "Het is mij duidelijk wat het netwerk wil bereiken.",
                    "It is clear to me what the network wants to achieve.",
                ),
                (
                    "ambition_residents",
                    "Ons doel gaat over wat inwoners merken, niet alleen over onze organisaties.",
                    "Our goal is about what residents notice, not only about our organisations.",
                ),
                (
                    "ambition_feasible",
                    "Wat we willen bereiken, lukt met de tijd en middelen die we hebben.",
                    "What we want to achieve can be done with the time and means we have.",
                ),
                ("ambition_energy", "Het doel van het netwerk geeft mij energie.", "The network's goal gives me energy."),
            ],
        ),
        (
            "interests",
            "Belangen",
            "Interests",
            &[
                (
                    "interests_known",
                    "Ik weet wat de andere partners uit deze samenwerking willen halen.",
                    "I know what the other partners want to get out of this collaboration.",
                ),
                (
                    "interests_own",
                    "Mijn organisatie haalt genoeg uit deze samenwerking.",
                    "My organisation gets enough out of this collaboration.",
                ),
                (
                    "interests_open",
                    "Partners zeggen het eerlijk als hun eigen belang botst met dat van het netwerk.",
                    "Partners say so honestly when their own interest clashes with the network's.",
                ),
                ("interests_fair", "Lusten en lasten zijn eerlijk verdeeld.", "Benefits and burdens are shared fairly."),
            ],
        ),
        (
            "relations",
            "Relaties",
            "Relations",
            &[
                ("relations_trust", "Ik vertrouw erop dat partners doen wat ze zeggen.", "I trust partners to do what they say."),
                (
                    "relations_contact",
                    "Ik weet bij wie ik terechtkan als ik iets nodig heb van een andere partner.",
                    "I know whom to turn to when I need something from another partner.",
                ),
                (
                    "relations_disagree",
                    "We kunnen het oneens zijn zonder dat de samenwerking eronder lijdt.",
                    "We can disagree without the collaboration suffering.",
                ),
                (
                    "relations_respect",
                    "Partners hebben respect voor elkaars werk en werkwijze.",
                    "Partners respect each other's work and way of working.",
                ),
            ],
        ),
        (
            "organisation",
            "Organisatie",
            "Organisation",
            &[
                ("organisation_roles", "Het is duidelijk wie wat doet in het netwerk.", "It is clear who does what in the network."),
                (
                    "organisation_capacity",
                    "Er zijn genoeg mensen en geld om te doen wat we afspreken.",
                    "There are enough people and money to do what we agree.",
                ),
                (
                    "organisation_mandate",
                    "Wie aan tafel zit, mag namens de eigen organisatie besluiten.",
                    "Whoever is at the table may decide on behalf of their own organisation.",
                ),
                (
                    "organisation_support",
                    "Binnen mijn eigen organisatie is er steun voor deze samenwerking.",
                    "Within my own organisation there is support for this collaboration.",
                ),
            ],
        ),
        (
            "process",
            "Proces",
            "Process",
            &[
                ("process_agreements", "Afspraken worden nagekomen en opgevolgd.", "Agreements are kept and followed up."),
                ("process_decisions", "Het is duidelijk hoe we samen besluiten nemen.", "It is clear how we take decisions together."),
                ("process_progress", "We zien vooruitgang in wat we samen doen.", "We see progress in what we do together."),
                (
                    "process_reflect",
                    "We staan regelmatig stil bij hoe de samenwerking loopt.",
                    "We regularly stop to look at how the collaboration is going.",
                ),
                (
                    "process_guidance",
                    "De begeleiding van het netwerk helpt ons verder.",
                    "The way the network is guided helps us move forward.",
                ),
            ],
        ),
    ];
    let mut pages: Vec<Page> = lenses.iter().map(|(key, nl, en, items)| page(nl, en, statements(key, items))).collect();
    pages.push(page("Tot slot", "Finally", vec![open("remarks", "Wat wil je nog kwijt?", "Is there anything else you want to say?")]));
    Instrument {
        kind: InstrumentKind::CollaborationScan,
        name: t("Samenwerkingsscan", "Collaboration scan"),
        intro: t(
            "Met deze scan kijken we door vijf brillen naar onze samenwerking: ambitie, belangen, relaties, organisatie en proces. \
             Geef bij elke stelling aan in hoeverre je het ermee eens bent. Er zijn geen goede of foute antwoorden. \
             Juist verschillen tussen partners zijn de moeite waard om te bespreken.",
            "This scan looks at our collaboration through five lenses: ambition, interests, relations, organisation and process. \
             For each statement, say how far you agree. There are no right or wrong answers. \
             Differences between partners are exactly what is worth discussing.",
        ),
        bands: Bands::default(),
        factors: lenses.iter().map(|(key, nl, en, _)| factor(key, nl, en)).collect(),
        pages,
    }
}

fn reciprocity_check() -> Instrument {
    // The four conditions of DOMAIN.md, "Reciprocity".
    let conditions: [Group; 4] = [
        (
            "interdependence",
            "Wederzijdse afhankelijkheid",
            "Interdependence",
            &[
                (
                    "interdependence_need",
                    "Mijn organisatie kan haar doelen niet halen zonder de andere partners.",
                    "My organisation cannot reach its goals without the other partners.",
                ),
                ("interdependence_needed", "De andere partners hebben mijn organisatie nodig.", "The other partners need my organisation."),
                (
                    "interdependence_balance",
                    "Wat mijn organisatie inbrengt en wat ze terugkrijgt, is in evenwicht.",
                    "What my organisation puts in and what it gets back are in balance.",
                ),
            ],
        ),
        (
            "layers",
            "Meerdere lagen",
            "Several layers",
            &[
                (
                    "layers_administrators",
                    "Bestuurders en leidinggevenden van de partners doen actief mee.",
                    "Administrators and managers of the partners take an active part.",
                ),
                (
                    "layers_professionals",
                    "De professionals die het werk doen, doen actief mee.",
                    "The professionals who do the work take an active part.",
                ),
                (
                    "layers_connected",
                    "Wat bestuurders afspreken, komt terecht bij wie het werk doet, en andersom.",
                    "What administrators agree reaches those who do the work, and the other way round.",
                ),
            ],
        ),
        (
            "future",
            "Gedeeld toekomstbeeld",
            "Shared future",
            &[
                (
                    "future_picture",
                    "We hebben samen een beeld van waar we over een paar jaar willen staan.",
                    "Together we have a picture of where we want to be in a few years.",
                ),
                (
                    "future_value",
                    "Ik verwacht dat deze samenwerking ook de komende jaren iets oplevert.",
                    "I expect this collaboration to keep delivering in the coming years.",
                ),
                (
                    "future_invest",
                    "Partners willen blijven investeren in het netwerk.",
                    "Partners are willing to keep investing in the network.",
                ),
            ],
        ),
        (
            "reachability",
            "Bereikbaarheid",
            "Reachability",
            &[
                (
                    "reachability_contact",
                    "Ik weet hoe ik de andere partners snel bereik.",
                    "I know how to reach the other partners quickly.",
                ),
                (
                    "reachability_language",
                    "We gebruiken dezelfde woorden voor dezelfde dingen.",
                    "We use the same words for the same things.",
                ),
                (
                    "reachability_tools",
                    "We werken met gezamenlijke middelen, zoals één aanmeldformulier.",
                    "We work with shared tools, such as one intake form.",
                ),
            ],
        ),
    ];
    let mut pages: Vec<Page> = conditions.iter().map(|(key, nl, en, items)| page(nl, en, statements(key, items))).collect();
    pages.push(page(
        "Tot slot",
        "Finally",
        vec![open("suggestions", "Wat zou de samenwerking meer wederkerig maken?", "What would make the collaboration more reciprocal?")],
    ));
    Instrument {
        kind: InstrumentKind::ReciprocityCheck,
        name: t("Wederkerigheidscheck", "Reciprocity check"),
        intro: t(
            "Samenwerking houdt stand als partners elkaar nodig hebben en allemaal iets terugkrijgen. \
             Met deze check kijken we naar vier voorwaarden daarvoor. Geef bij elke stelling aan in hoeverre je het ermee eens bent.",
            "Collaboration lasts when partners need each other and all get something back. \
             This check looks at four conditions for that. For each statement, say how far you agree.",
        ),
        bands: Bands::default(),
        factors: conditions.iter().map(|(key, nl, en, _)| factor(key, nl, en)).collect(),
        pages,
    }
}

fn process_evaluation() -> Instrument {
    let mut process = statements(
        "process",
        &[
            ("process_steps", "Het is duidelijk welke stappen we zetten en waarom.", "It is clear which steps we take and why."),
            ("process_meetings", "Onze overleggen zijn nuttig en goed voorbereid.", "Our meetings are useful and well prepared."),
            (
                "process_voice",
                "Elke partner krijgt ruimte om mee te denken en mee te beslissen.",
                "Every partner gets room to think along and decide.",
            ),
            ("process_follow_up", "Wat we afspreken, gebeurt ook.", "What we agree actually happens."),
        ],
    );
    process.push(question(
        "continue",
        None,
        "Wil je dat jouw organisatie doorgaat met deze samenwerking?",
        "Do you want your organisation to continue this collaboration?",
        QuestionKind::Single {
            options: vec![choice("yes", "Ja", "Yes"), choice("doubt", "Ik twijfel", "I am not sure"), choice("no", "Nee", "No")],
        },
    ));
    Instrument {
        kind: InstrumentKind::ProcessEvaluation,
        name: t("Procesevaluatie", "Process evaluation"),
        intro: t(
            "We kijken terug op hoe de samenwerking loopt: wat helpt en wat belemmert. \
             Je open antwoorden ordenen we daarna in thema's, zonder namen.",
            "We look back at how the collaboration is going: what helps and what hinders. \
             Your open answers are grouped into themes afterwards, without names.",
        ),
        bands: Bands::default(),
        factors: vec![factor("process", "Proces", "Process")],
        pages: vec![
            page(
                "Wat helpt, wat belemmert",
                "What helps, what hinders",
                vec![
                    open("helps", "Wat helpt de samenwerking vooruit?", "What helps the collaboration move forward?"),
                    open("hinders", "Wat belemmert de samenwerking?", "What holds the collaboration back?"),
                ],
            ),
            page("Het proces", "The process", process),
        ],
    }
}

/// Label and explanation of each building block, in Dutch and English: the
/// wording of the checklist (portfolio.ftl, `block-…`), so a core group
/// recognises the blocks it keeps track of there.
fn block_text(block: BuildingBlock) -> [&'static str; 4] {
    use BuildingBlock::*;
    match block {
        FormAroundGoal => [
            "Samenkomen rond een doel",
            "Jullie vormen het netwerk rond één maatschappelijk doel, niet rond de organisaties die er al zijn.",
            "Form around a goal",
            "You form the network around one social goal, not around the organisations that happen to be there.",
        ],
        SharedPromise => [
            "Gedeelde belofte",
            "Samen hebben jullie opgeschreven wat het netwerk wil bereiken en waarom, in woorden die alle partners herkennen.",
            "Shared promise",
            "Together you have written down what the network wants to achieve and why, in words every partner recognises.",
        ],
        RightPartners => [
            "De juiste partners, op tijd",
            "De partners die het doel nodig heeft doen mee.",
            "The right partners, in time",
            "The partners the goal needs take part.",
        ],
        ExplicitInterests => [
            "Belangen op tafel",
            "Van elke partner is duidelijk wat die uit het netwerk wil halen en hoe dat bij het doel past.",
            "Interests on the table",
            "For every partner it is clear what it wants from the network and how that relates to the goal.",
        ],
        CapacityAndMoney => [
            "Capaciteit en geld geregeld",
            "Er zijn mensen en geld om het werk te doen.",
            "Capacity and money arranged",
            "There are people and money to do the work.",
        ],
        RolesAndTasks => [
            "Rollen, taken, tijd en geld afgesproken",
            "Wie doet wat, met hoeveel uur en welk budget, en wie is waarvoor verantwoordelijk: het staat op papier.",
            "Roles, tasks, time and money agreed",
            "Who does what, with how many hours and which budget, and who is responsible for what: it is on paper.",
        ],
        OutOfScope => [
            "Afgesproken wat er buiten valt",
            "Jullie weten ook wat het netwerk níét doet, zodat niemand verkeerde verwachtingen heeft.",
            "Agreed what is out of scope",
            "You also know what the network does not do, so nobody has the wrong expectations.",
        ],
        InternalSupport => [
            "Draagvlak binnen elke partner",
            "Binnen elke organisatie steunen bestuur en collega's de deelname, niet alleen de persoon die aan tafel zit.",
            "Support inside every partner",
            "Inside each organisation, management and colleagues back the participation, not only the person at the table.",
        ],
        ProcessExpertise => [
            "Kennis van het proces",
            "Er is iemand die weet hoe je een netwerk begeleidt: een procesbegeleider of netwerkadviseur.",
            "Process know-how",
            "Someone knows how to guide a network: a process facilitator or network advisor.",
        ],
        WrittenProcess => [
            "Proces, rollen en lijnen vastgelegd",
            "Werkwijze, rollen en lijnen staan beschreven, zodat het netwerk doorgaat als een partner of persoon wegvalt.",
            "Process, roles and lines written down",
            "Ways of working, roles and lines are described, so the network carries on when a partner or person drops out.",
        ],
        KeepLearning => [
            "Blijven leren",
            "Jullie proberen dingen uit, evalueren ze en stellen bij.",
            "Keep learning",
            "You try things out, evaluate them and adjust.",
        ],
        LinkOtherNetworks => [
            "Verbinding met andere netwerken",
            "Het netwerk kent netwerken die aan iets vergelijkbaars werken en leert van ze.",
            "Links with other networks",
            "The network knows networks working on something similar and learns from them.",
        ],
        KeepMomentum => [
            "Het proces in beweging houden",
            "Als het stilvalt, geven jullie een nieuwe impuls, of zetten bewust een stap terug.",
            "Keep the process going",
            "When things stall, you give a new impulse, or take a deliberate step back.",
        ],
        ContactAndEnergy => [
            "Contact en energie",
            "Partners delen successen, verhalen en vragen, zodat de energie blijft.",
            "Contact and energy",
            "Partners share successes, stories and questions, so the energy stays.",
        ],
        PoliticalAgenda => [
            "Op de politieke agenda",
            "Het thema staat op de agenda van bestuurders en politiek, met ambtenaren als bondgenoten.",
            "On the political agenda",
            "The theme is on the agenda of administrators and politicians, with civil servants as allies.",
        ],
        ScaleUp => [
            "Opschalen wat werkt",
            "Een pilot die werkt, wordt breder ingezet.",
            "Scale up what works",
            "A pilot that works is used more widely.",
        ],
        ShowAddedValue => [
            "Meerwaarde laten zien",
            "Jullie kunnen laten zien wat het netwerk oplevert, voor inwoners en voor de partners.",
            "Show the added value",
            "You can show what the network delivers, for residents and for the partners.",
        ],
        SettleGovernance => [
            "Sturing geregeld",
            "Het is voor de lange termijn duidelijk wie beslist, hoe en over wat.",
            "Governance settled",
            "It is clear for the long term who decides, how, and about what.",
        ],
        StructuralFunding => [
            "Van projectgeld naar structurele financiering",
            "Wat werkt, wordt betaald uit structureel geld in plaats van uit tijdelijke subsidies.",
            "From project money to structural funding",
            "What works is paid from structural budgets instead of temporary grants.",
        ],
        NewAmbition => [
            "Nieuwe stip op de horizon",
            "Jullie hebben een nieuw, ambitieus doel gekozen om naartoe te werken.",
            "A new point on the horizon",
            "You have chosen a new, ambitious goal to work towards.",
        ],
    }
}

/// Phase names as main.ftl has them (`phase-…`).
fn phase_name(phase: Phase) -> (&'static str, &'static str) {
    match phase {
        Phase::BuildUp => ("Netwerkopbouw", "Build-up"),
        Phase::DevelopAndGrow => ("Ontwikkelen en groeien", "Develop and grow"),
        Phase::SustainableImpact => ("Duurzame impact", "Sustainable impact"),
    }
}

fn phase_checklist() -> Instrument {
    let labels = || {
        vec![
            t("Niet aanwezig", "Not in place"),
            t("Net begonnen", "Just started"),
            t("Deels op orde", "Partly in place"),
            t("Grotendeels op orde", "Mostly in place"),
            t("Helemaal op orde", "Fully in place"),
        ]
    };
    let pages = Phase::ALL
        .iter()
        .map(|&phase| {
            let (nl, en) = phase_name(phase);
            let questions = BuildingBlock::of_phase(phase)
                .iter()
                .map(|&block| {
                    let [label_nl, help_nl, label_en, help_en] = block_text(block);
                    question(
                        block.code(),
                        Some(phase.code()),
                        &format!("{label_nl}. {help_nl}"),
                        &format!("{label_en}. {help_en}"),
                        QuestionKind::Scale { labels: labels() },
                    )
                })
                .collect();
            page(nl, en, questions)
        })
        .collect();
    Instrument {
        kind: InstrumentKind::PhaseChecklist,
        name: t("Fasechecklist", "Phase checklist"),
        intro: t(
            "Hoe ver is het netwerk met de bouwstenen van elke fase? Geef per bouwsteen aan in hoeverre die op orde is. \
             Deze lijst is voor de kerngroep.",
            "How far is the network with the building blocks of each phase? For each building block, say how far it is in place. \
             This list is for the core group.",
        ),
        bands: Bands::default(),
        factors: Phase::ALL
            .iter()
            .map(|&phase| {
                let (nl, en) = phase_name(phase);
                factor(phase.code(), nl, en)
            })
            .collect(),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relationship::RelationshipKind;

    /// Every text a respondent or coordinator can see, with where it sits.
    fn texts(i: &Instrument) -> Vec<(String, &Text)> {
        let mut out = vec![("name".to_string(), &i.name), ("intro".to_string(), &i.intro)];
        out.extend(i.factors.iter().map(|f| (format!("factor {}", f.key), &f.name)));
        for (n, p) in i.pages.iter().enumerate() {
            out.push((format!("page {n}"), &p.title));
            for q in &p.questions {
                out.push((q.key.clone(), &q.text));
                match &q.kind {
                    QuestionKind::Scale { labels } => out.extend(labels.iter().map(|l| (format!("{} label", q.key), l))),
                    QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                        out.extend(options.iter().map(|o| (format!("{} {}", q.key, o.key), &o.label)))
                    }
                    QuestionKind::PartnerRatings { frequency, work, items, labels, .. } => {
                        out.extend(frequency.iter().chain(work).map(|o| (format!("{} {}", q.key, o.key), &o.label)));
                        out.extend(items.iter().map(|it| (format!("{} {}", q.key, it.key), &it.text)));
                        out.extend(labels.iter().map(|l| (format!("{} label", q.key), l)));
                    }
                    QuestionKind::Number { .. } | QuestionKind::OpenText | QuestionKind::Partners => {}
                }
            }
        }
        out
    }

    #[test]
    fn one_of_each_kind_and_none_has_problems() {
        let all = builtin_instruments();
        let kinds: Vec<_> = all.iter().map(|i| i.kind).collect();
        let expected: Vec<_> = InstrumentKind::ALL.iter().copied().filter(|k| *k != InstrumentKind::Custom).collect();
        assert_eq!(kinds, expected);
        for i in &all {
            assert_eq!(i.problems(), Vec::<(String, String)>::new(), "{:?}", i.kind);
            // Stored as JSON: a built-in must survive the round trip unchanged.
            assert_eq!(Instrument::from_json(&i.to_json()).ok().as_ref(), Some(i));
        }
        assert!(builtin(InstrumentKind::Custom).is_none());
    }

    #[test]
    fn every_text_is_in_dutch_and_english() {
        for i in builtin_instruments() {
            for (place, text) in texts(&i) {
                assert!(!text.nl.trim().is_empty() && !text.en.trim().is_empty(), "{:?} {place}: {text:?}", i.kind);
            }
        }
    }

    #[test]
    fn keys_are_snake_case_ascii() {
        let ok = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        for i in builtin_instruments() {
            for f in &i.factors {
                assert!(ok(&f.key), "{}", f.key);
            }
            for q in i.questions() {
                assert!(ok(&q.key), "{}", q.key);
                let options: Vec<&str> = match &q.kind {
                    QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                        options.iter().map(|o| o.key.as_str()).collect()
                    }
                    QuestionKind::PartnerRatings { frequency, work, items, .. } => {
                        frequency.iter().chain(work).map(|o| o.key.as_str()).chain(items.iter().map(|it| it.key.as_str())).collect()
                    }
                    _ => Vec::new(),
                };
                assert!(options.iter().all(|k| ok(k)), "{options:?}");
            }
        }
    }

    #[test]
    fn relationship_survey_feeds_the_map() {
        let Some(i) = builtin(InstrumentKind::RelationshipSurvey) else { panic!("missing") };
        let Some(QuestionKind::PartnerRatings { source, frequency, work, items, labels }) = i.question("ratings").map(|q| &q.kind) else {
            panic!("no ratings question")
        };
        assert_eq!(source, "partners");
        assert_eq!(labels.len(), 4);
        let work: Vec<_> = work.iter().map(|w| w.key.as_str()).collect();
        let kinds: Vec<_> = RelationshipKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(work, kinds);
        let frequency: Vec<_> = frequency.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(frequency, ["yearly", "quarterly", "monthly", "weekly", "daily"]);
        let dims = |d| items.iter().filter(|it| it.dimension == d).map(|it| it.key.as_str()).collect::<Vec<_>>();
        assert_eq!(dims(RatingDimension::Trust), ["reliable", "mission", "open"]);
        assert_eq!(dims(RatingDimension::Value), ["influence", "involvement", "resources"]);
    }

    #[test]
    fn statement_instruments_group_every_scale_under_a_factor() {
        for kind in [InstrumentKind::CollaborationScan, InstrumentKind::ReciprocityCheck, InstrumentKind::PhaseChecklist] {
            let Some(i) = builtin(kind) else { panic!("missing {kind:?}") };
            for f in &i.factors {
                let n = i.questions().filter(|q| q.factor.as_deref() == Some(f.key.as_str())).count();
                let expected = match kind {
                    InstrumentKind::CollaborationScan => (4..=6).contains(&n),
                    InstrumentKind::ReciprocityCheck => n == 3,
                    _ => n >= 5,
                };
                assert!(expected, "{kind:?} {}: {n}", f.key);
            }
            assert!(i.questions().all(|q| q.factor.is_some() == matches!(q.kind, QuestionKind::Scale { .. })));
        }
        let Some(scan) = builtin(InstrumentKind::CollaborationScan) else { panic!("missing") };
        let keys: Vec<_> = scan.factors.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["ambition", "interests", "relations", "organisation", "process"]);
        assert_eq!(scan.pages.len(), 6);
        let Some(check) = builtin(InstrumentKind::ReciprocityCheck) else { panic!("missing") };
        let keys: Vec<_> = check.factors.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["interdependence", "layers", "future", "reachability"]);
    }

    #[test]
    fn phase_checklist_asks_every_building_block_under_its_phase() {
        let Some(i) = builtin(InstrumentKind::PhaseChecklist) else { panic!("missing") };
        let asked: Vec<_> = i.questions().map(|q| (q.key.as_str(), q.factor.as_deref())).collect();
        let blocks: Vec<_> = BuildingBlock::ALL.iter().map(|b| (b.code(), Some(b.phase().code()))).collect();
        assert_eq!(asked, blocks);
    }

    #[test]
    fn process_evaluation_asks_what_helps_and_hinders() {
        let Some(i) = builtin(InstrumentKind::ProcessEvaluation) else { panic!("missing") };
        for key in ["helps", "hinders"] {
            assert!(i.question(key).is_some_and(|q| q.kind == QuestionKind::OpenText), "{key}");
        }
        assert!(i.questions().any(|q| matches!(q.kind, QuestionKind::Single { .. })));
    }
}
