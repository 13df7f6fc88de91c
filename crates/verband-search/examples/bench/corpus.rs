//! Believable generated knowledge items: Dutch (about 70 %) and English,
//! Zipf-distributed words from a vocabulary with Dutch compounds and
//! inflections (so the dictionary is as large as real text would make it),
//! Markdown bodies, attachment text on some items, and every facet varied.

use rand::distributions::{Distribution, WeightedIndex};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use verband_search::KnowledgeDoc;

pub const NETWORKS: i64 = 20;

const NL_WORDS: &[&str] = &[
    "samenwerking",
    "netwerk",
    "gemeente",
    "wijk",
    "buurt",
    "zorg",
    "welzijn",
    "partner",
    "bewoner",
    "jongere",
    "oudere",
    "mantelzorger",
    "vrijwilliger",
    "huisarts",
    "wijkteam",
    "financiering",
    "subsidie",
    "project",
    "pilot",
    "evaluatie",
    "ervaring",
    "resultaat",
    "doel",
    "afspraak",
    "overleg",
    "bijeenkomst",
    "stuurgroep",
    "werkgroep",
    "coördinator",
    "regie",
    "eigenaarschap",
    "draagvlak",
    "vertrouwen",
    "belang",
    "rol",
    "taak",
    "verantwoordelijkheid",
    "beleid",
    "wethouder",
    "ambtenaar",
    "raad",
    "begroting",
    "budget",
    "verzekeraar",
    "zorgkantoor",
    "fonds",
    "provincie",
    "woningcorporatie",
    "school",
    "onderwijs",
    "leerling",
    "werkgever",
    "werkzoekende",
    "schuld",
    "armoede",
    "eenzaamheid",
    "gezondheid",
    "preventie",
    "bewegen",
    "sport",
    "cultuur",
    "veiligheid",
    "politie",
    "jeugd",
    "gezin",
    "opvoeding",
    "dagbesteding",
    "respijtzorg",
    "thuiszorg",
    "wijkverpleging",
    "ggz",
    "verslaving",
    "huisvesting",
    "dakloosheid",
    "inclusie",
    "participatie",
    "integratie",
    "taal",
    "digitalisering",
    "innovatie",
    "kennis",
    "leren",
    "verbeteren",
    "monitoren",
    "indicator",
    "effect",
    "impact",
    "opschaling",
    "borging",
    "verduurzaming",
    "continuïteit",
    "structureel",
    "tijdelijk",
    "aanpak",
    "methode",
    "werkwijze",
    "instrument",
    "handreiking",
    "checklist",
    "sjabloon",
    "convenant",
    "contract",
    "intentieverklaring",
    "knelpunt",
    "oplossing",
    "kans",
    "risico",
    "uitdaging",
    "succes",
    "les",
    "vraag",
    "antwoord",
    "advies",
    "onderzoek",
    "rapport",
    "analyse",
    "gesprek",
    "interview",
    "enquête",
    "cliënt",
    "patiënt",
    "professional",
    "organisatie",
    "bestuurder",
    "directeur",
    "manager",
    "medewerker",
    "team",
    "capaciteit",
    "tijd",
    "geld",
    "menskracht",
    "ruimte",
    "locatie",
    "ontmoeting",
    "activiteit",
    "aanbod",
    "vraagstuk",
    "doelgroep",
    "ketenaanpak",
    "casusoverleg",
    "signalering",
    "doorverwijzing",
    "toegang",
    "loket",
];
const NL_VERBS: &[&str] = &[
    "werken",
    "leren",
    "delen",
    "bouwen",
    "financieren",
    "organiseren",
    "evalueren",
    "verbinden",
    "ondersteunen",
    "versterken",
    "ontwikkelen",
    "betrekken",
    "afstemmen",
    "signaleren",
    "verwijzen",
    "begeleiden",
    "investeren",
    "borgen",
    "opschalen",
    "meten",
];
const NL_FUNCTION: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "op", "met", "voor", "dat", "is", "te", "zijn", "er", "niet", "ook", "als", "bij", "door",
    "naar", "om", "aan", "we", "wij", "hebben", "werd", "meer", "nog", "wel", "maar", "tussen", "samen", "goed", "nieuwe", "eerste",
];
const NL_PARTS: &[&str] = &[
    "jeugd",
    "zorg",
    "wijk",
    "buurt",
    "huis",
    "werk",
    "netwerk",
    "gezondheid",
    "welzijn",
    "school",
    "sport",
    "taal",
    "schuld",
    "woon",
    "geld",
    "kennis",
    "leer",
    "ouder",
    "gezin",
    "cliënt",
    "burger",
    "dorp",
    "stad",
    "regio",
    "project",
    "ketens",
    "samenwerkings",
    "financierings",
    "subsidie",
    "vrijwilligers",
    "mantelzorg",
    "preventie",
    "beleids",
    "innovatie",
    "ontmoetings",
    "participatie",
];
const NL_HEADS: &[&str] = &[
    "team",
    "plan",
    "netwerk",
    "centrum",
    "aanpak",
    "overleg",
    "agenda",
    "fonds",
    "loket",
    "punt",
    "coach",
    "consulent",
    "regeling",
    "verband",
    "afspraak",
    "budget",
    "model",
    "traject",
    "programma",
    "aanbieder",
    "organisatie",
    "werker",
    "kamer",
    "huis",
    "route",
];
const EN_WORDS: &[&str] = &[
    "partnership",
    "network",
    "municipality",
    "neighbourhood",
    "community",
    "care",
    "wellbeing",
    "partner",
    "resident",
    "youth",
    "volunteer",
    "funding",
    "grant",
    "project",
    "pilot",
    "evaluation",
    "experience",
    "result",
    "goal",
    "agreement",
    "meeting",
    "steering",
    "group",
    "coordinator",
    "ownership",
    "trust",
    "interest",
    "role",
    "task",
    "responsibility",
    "policy",
    "budget",
    "insurer",
    "fund",
    "housing",
    "school",
    "education",
    "employer",
    "debt",
    "poverty",
    "loneliness",
    "health",
    "prevention",
    "sport",
    "culture",
    "safety",
    "family",
    "innovation",
    "knowledge",
    "learning",
    "improvement",
    "monitoring",
    "indicator",
    "effect",
    "impact",
    "scaling",
    "sustainability",
    "approach",
    "method",
    "tool",
    "template",
    "checklist",
    "covenant",
    "bottleneck",
    "solution",
    "opportunity",
    "risk",
    "challenge",
    "success",
    "lesson",
    "question",
    "answer",
    "advice",
    "research",
    "report",
    "analysis",
    "interview",
    "survey",
    "client",
    "professional",
    "organisation",
    "director",
    "manager",
    "staff",
    "capacity",
    "time",
    "money",
    "location",
    "activity",
    "service",
    "target",
    "referral",
    "access",
    "governance",
    "stakeholder",
    "collaboration",
    "commitment",
];
const EN_FUNCTION: &[&str] = &[
    "the", "a", "and", "of", "in", "to", "for", "with", "on", "that", "is", "was", "we", "our", "it", "by", "from", "as", "at", "this",
    "have", "more", "not", "but", "between", "together", "new", "first", "how", "what",
];
const PLACES: &[&str] = &[
    "Utrecht",
    "Zwolle",
    "Amersfoort",
    "Deventer",
    "Enschede",
    "Groningen",
    "Leeuwarden",
    "Tilburg",
    "Breda",
    "Eindhoven",
    "Almere",
    "Haarlem",
    "Leiden",
    "Delft",
    "Nijmegen",
    "Arnhem",
    "Apeldoorn",
    "Maastricht",
    "Venlo",
    "Assen",
];
pub const KINDS: &[&str] = &["article", "tool", "reference", "experience", "success", "question"];
pub const THEMES: &[&str] = &[
    "zorg",
    "wonen",
    "werk",
    "onderwijs",
    "veiligheid",
    "armoede",
    "jeugd",
    "ouderen",
    "gezondheid",
    "participatie",
    "duurzaamheid",
    "digitalisering",
];
const PHASES: &[&str] = &["build_up", "develop", "sustain"];
pub const SECTORS: &[&str] = &[
    "gemeente",
    "zorgaanbieder",
    "welzijn",
    "onderwijs",
    "woningcorporatie",
    "zorgverzekeraar",
    "werkgever",
    "burgerinitiatief",
    "kennisinstelling",
    "overig",
];

/// Words with Zipf weights (rank r weighs 1/r).
pub struct Vocabulary {
    pub words: Vec<String>,
    weights: WeightedIndex<f64>,
}

impl Vocabulary {
    fn new(words: Vec<String>, rng: &mut ChaCha8Rng) -> Vocabulary {
        let mut words = words;
        // A random rank order, so the frequent words differ from run to run of
        // the list rather than following the order written above.
        for i in (1..words.len()).rev() {
            words.swap(i, rng.gen_range(0..=i));
        }
        let weights = WeightedIndex::new((1..=words.len()).map(|r| 1.0 / r as f64)).expect("non-empty vocabulary");
        Vocabulary { words, weights }
    }

    pub fn pick<'a>(&'a self, rng: &mut ChaCha8Rng) -> &'a str {
        &self.words[self.weights.sample(rng)]
    }
}

pub struct Language {
    pub content: Vocabulary,
    function: &'static [&'static str],
}

pub struct Generator {
    pub dutch: Language,
    pub english: Language,
}

fn dutch_forms() -> Vec<String> {
    let mut out = Vec::new();
    for w in NL_WORDS {
        out.push(w.to_string());
        // Plurals: "-en" after a consonant, "-s" after a vowel or -e.
        if w.ends_with(['a', 'e', 'i', 'o', 'u', 'r']) {
            out.push(format!("{w}s"));
        } else {
            out.push(format!("{w}en"));
        }
    }
    for v in NL_VERBS {
        let stem = v.trim_end_matches("en");
        out.push(v.to_string());
        out.push(format!("{stem}t"));
        out.push(format!("ge{stem}d"));
        out.push(format!("{stem}ing"));
    }
    for p in NL_PARTS {
        for h in NL_HEADS {
            out.push(format!("{p}{h}"));
        }
    }
    out
}

fn english_forms() -> Vec<String> {
    let mut out = Vec::new();
    for w in EN_WORDS {
        out.push(w.to_string());
        out.push(match w.strip_suffix('y') {
            Some(stem) => format!("{stem}ies"),
            None => format!("{w}s"),
        });
    }
    for v in ["fund", "build", "share", "learn", "connect", "support", "evaluate", "organise", "scale", "measure", "invest", "engage"] {
        let base = v.trim_end_matches('e');
        out.extend([v.to_string(), format!("{v}s"), format!("{base}ed"), format!("{base}ing")]);
    }
    out
}

impl Generator {
    pub fn new(rng: &mut ChaCha8Rng) -> Generator {
        Generator {
            dutch: Language { content: Vocabulary::new(dutch_forms(), rng), function: NL_FUNCTION },
            english: Language { content: Vocabulary::new(english_forms(), rng), function: EN_FUNCTION },
        }
    }

    fn sentence(lang: &Language, rng: &mut ChaCha8Rng, lengths: std::ops::RangeInclusive<usize>) -> String {
        let words = rng.gen_range(lengths);
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            let w: &str = match rng.gen_range(0..100) {
                0..=44 => lang.function[rng.gen_range(0..lang.function.len())],
                45..=47 => PLACES[rng.gen_range(0..PLACES.len())],
                _ => lang.content.pick(rng),
            };
            if i == 0 {
                let mut c = w.chars();
                if let Some(first) = c.next() {
                    s.extend(first.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn body(lang: &Language, rng: &mut ChaCha8Rng) -> String {
        let mut md = String::new();
        for p in 0..rng.gen_range(2..=5) {
            if p > 0 && rng.gen_bool(0.3) {
                md.push_str(&format!("## {}\n\n", Self::sentence(lang, rng, 2..=4).trim_end_matches('.')));
            }
            if rng.gen_bool(0.15) {
                for _ in 0..rng.gen_range(2..5) {
                    md.push_str(&format!("- {}\n", Self::sentence(lang, rng, 3..=7)));
                }
                md.push('\n');
                continue;
            }
            for s in 0..rng.gen_range(3..=6) {
                if s > 0 {
                    md.push(' ');
                }
                let mut sentence = Self::sentence(lang, rng, 6..=16);
                if rng.gen_bool(0.1) {
                    sentence = format!("**{}**", sentence);
                }
                if rng.gen_bool(0.05) {
                    sentence.push_str(" Zie [de handreiking](https://example.org/kennis/123).");
                }
                md.push_str(&sentence);
            }
            md.push_str("\n\n");
        }
        md
    }

    fn pick_some(rng: &mut ChaCha8Rng, from: &[&str], max: usize) -> Vec<String> {
        let n = rng.gen_range(0..=max);
        let mut out: Vec<String> = Vec::new();
        while out.len() < n {
            let v = from[rng.gen_range(0..from.len())].to_string();
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    pub fn item(&self, id: i64, rng: &mut ChaCha8Rng) -> KnowledgeDoc {
        let lang = if rng.gen_bool(0.7) { &self.dutch } else { &self.english };
        let year = rng.gen_range(2015..=2026);
        let title = Self::sentence(lang, rng, 3..=8).trim_end_matches('.').to_string();
        let attachment_text = if rng.gen_bool(0.15) {
            (0..rng.gen_range(20..=100)).map(|_| Self::sentence(lang, rng, 8..=18)).collect::<Vec<_>>().join(" ")
        } else {
            String::new()
        };
        let mut sectors = Self::pick_some(rng, SECTORS, 2);
        if sectors.is_empty() {
            sectors.push(SECTORS[rng.gen_range(0..SECTORS.len())].to_string());
        }
        KnowledgeDoc {
            id,
            network_id: rng.gen_range(1..=NETWORKS),
            shared: rng.gen_bool(0.2),
            kind: KINDS[rng.gen_range(0..KINDS.len())].to_string(),
            title,
            body: Self::body(lang, rng),
            themes: Self::pick_some(rng, THEMES, 3),
            phase: rng.gen_bool(0.8).then(|| PHASES[rng.gen_range(0..PHASES.len())].to_string()),
            sectors,
            year,
            // Somewhere in that year.
            created: (i64::from(year) - 1970) * 31_556_952 + rng.gen_range(0..31_556_952),
            views: (1000.0 / rng.gen_range(1.0f64..1000.0)) as i64,
            attachment_text,
        }
    }
}
