//! The instrument editor's form as typed. Every field stays text, so a round
//! trip (add, remove or move a question) gives back exactly what the
//! coordinator typed, and only saving turns it into an `Instrument`, naming
//! every problem by the field it belongs to.
//!
//! Lists of options are one line each: `key | Nederlands | English` for
//! choices, `Nederlands | English` for scale points and
//! `key | kind | Nederlands | English` for partner rating items.

use std::collections::{BTreeSet, HashMap};

use verband_domain::survey::{
    Bands, Choice, Factor, Instrument, InstrumentKind, Page, Question, QuestionKind, RatingDimension, RatingItem, Text,
};
use verband_domain::{Language, ValidationErrors};

use crate::i18n::translate;

/// The question kinds, in the order the editor offers them.
pub(crate) const KINDS: &[&str] = &["scale", "single", "multiple", "number", "open_text", "partners", "partner_ratings"];

const MAX_KEY: usize = 40;
const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TextDraft {
    pub nl: String,
    pub en: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FactorDraft {
    pub key: String,
    pub name: TextDraft,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct QuestionDraft {
    pub key: String,
    pub text: TextDraft,
    pub factor: String,
    pub required: bool,
    pub kind: String,
    /// Scale points (scale, partner ratings), one per line.
    pub labels: String,
    /// Choices of a single or multiple choice question, one per line.
    pub options: String,
    pub min: String,
    pub max: String,
    /// The "which partners" question a partner rating question follows.
    pub source: String,
    pub frequency: String,
    pub work: String,
    pub items: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageDraft {
    pub title: TextDraft,
    pub questions: Vec<QuestionDraft>,
    /// The kind chosen for the next question added to this page.
    pub new_kind: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Draft {
    pub name: TextDraft,
    pub intro: TextDraft,
    pub strength: String,
    pub attention: String,
    pub divergence: String,
    pub factors: Vec<FactorDraft>,
    pub pages: Vec<PageDraft>,
}

/// What a button of the editor asks for. Only `Save` stores anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Save,
    /// Draw the form again, e.g. with the details of a newly chosen kind.
    Refresh,
    AddFactor,
    RemoveFactor(usize),
    AddPage,
    RemovePage(usize),
    AddQuestion(usize),
    RemoveQuestion(usize, usize),
    Up(usize, usize),
    Down(usize, usize),
}

impl Action {
    pub fn parse(raw: &str) -> Option<Action> {
        let mut parts = raw.split('-');
        let name = parts.next()?;
        let numbers: Vec<usize> = parts.map(str::parse).collect::<Result<_, _>>().ok()?;
        Some(match (name, numbers.as_slice()) {
            ("save", []) => Action::Save,
            ("refresh", []) => Action::Refresh,
            ("addfactor", []) => Action::AddFactor,
            ("removefactor", [i]) => Action::RemoveFactor(*i),
            ("addpage", []) => Action::AddPage,
            ("removepage", [p]) => Action::RemovePage(*p),
            ("addquestion", [p]) => Action::AddQuestion(*p),
            ("removequestion", [p, q]) => Action::RemoveQuestion(*p, *q),
            ("up", [p, q]) => Action::Up(*p, *q),
            ("down", [p, q]) => Action::Down(*p, *q),
            _ => return None,
        })
    }

    pub fn code(self) -> String {
        match self {
            Action::Save => "save".into(),
            Action::Refresh => "refresh".into(),
            Action::AddFactor => "addfactor".into(),
            Action::RemoveFactor(i) => format!("removefactor-{i}"),
            Action::AddPage => "addpage".into(),
            Action::RemovePage(p) => format!("removepage-{p}"),
            Action::AddQuestion(p) => format!("addquestion-{p}"),
            Action::RemoveQuestion(p, q) => format!("removequestion-{p}-{q}"),
            Action::Up(p, q) => format!("up-{p}-{q}"),
            Action::Down(p, q) => format!("down-{p}-{q}"),
        }
    }
}

pub(crate) fn factor_field(i: usize, f: &str) -> String {
    format!("factor.{i}.{f}")
}

pub(crate) fn page_field(p: usize, f: &str) -> String {
    format!("page.{p}.{f}")
}

pub(crate) fn question_field(p: usize, q: usize, f: &str) -> String {
    format!("page.{p}.q.{q}.{f}")
}

/// The error "field" of a whole page (a page without questions).
pub(crate) fn page_group(p: usize) -> String {
    format!("page.{p}")
}

/// The numbers `n` for which a field `{prefix}{n}{suffix}` was sent, in order.
fn indices(pairs: &[(String, String)], prefix: &str, suffix: &str) -> Vec<usize> {
    let found: BTreeSet<usize> = pairs.iter().filter_map(|(k, _)| k.strip_prefix(prefix)?.strip_suffix(suffix)?.parse().ok()).collect();
    found.into_iter().collect()
}

/// Browsers send line breaks in text areas as CRLF.
fn unix_lines(s: &str) -> String {
    s.replace("\r\n", "\n")
}

fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_KEY && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn dimension_word(d: RatingDimension, lang: Language) -> String {
    let key = match d {
        RatingDimension::Trust => "editor-dimension-trust",
        RatingDimension::Value => "editor-dimension-value",
        RatingDimension::Other => "editor-dimension-other",
    };
    translate(lang, key)
}

/// A kind of rating item, by its code or its word in either language.
fn parse_dimension(raw: &str) -> Option<RatingDimension> {
    let raw = raw.trim().to_lowercase();
    [RatingDimension::Trust, RatingDimension::Value, RatingDimension::Other].into_iter().find(|d| {
        let code = match d {
            RatingDimension::Trust => "trust",
            RatingDimension::Value => "value",
            RatingDimension::Other => "other",
        };
        raw == code || [Language::Nl, Language::En].iter().any(|l| raw == dimension_word(*d, *l).to_lowercase())
    })
}

fn text_lines(labels: &[Text]) -> String {
    labels.iter().map(|l| format!("{} | {}", l.nl, l.en)).collect::<Vec<_>>().join("\n")
}

fn choice_lines(options: &[Choice]) -> String {
    options.iter().map(|o| format!("{} | {} | {}", o.key, o.label.nl, o.label.en)).collect::<Vec<_>>().join("\n")
}

/// A scale's points in both languages, from the catalogue: `prefix-1` … `prefix-n`.
pub(crate) fn catalogue_scale(prefix: &str, points: usize) -> Vec<Text> {
    (1..=points)
        .map(|i| {
            let key = format!("{prefix}-{i}");
            Text { nl: translate(Language::Nl, &key), en: translate(Language::En, &key) }
        })
        .collect()
}

/// A key for a choice typed without one: the Dutch label made into letters,
/// digits and `_`, numbered when it is taken.
fn derived_key(label: &str, taken: &[Choice]) -> String {
    let mut slug = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('_') {
            slug.push('_');
        }
    }
    let mut slug: String = slug.trim_matches('_').chars().take(30).collect();
    if slug.is_empty() {
        slug = "optie".into();
    }
    let mut key = slug.clone();
    let mut n = 2;
    while taken.iter().any(|c| c.key == key) {
        key = format!("{slug}_{n}");
        n += 1;
    }
    key
}

fn split_line(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

fn parse_labels(raw: &str, field: &str, e: &mut ValidationErrors) -> Vec<Text> {
    let mut out = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match split_line(line).as_slice() {
            [nl] if !nl.is_empty() => out.push(Text::new(nl, "")),
            [nl, en] if !nl.is_empty() => out.push(Text::new(nl, en)),
            _ => e.add(field, "editor-line-format"),
        }
    }
    out
}

fn parse_choices(raw: &str, field: &str, e: &mut ValidationErrors) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (key, nl, en) = match split_line(line).as_slice() {
            [nl] => ("", *nl, ""),
            [nl, en] => ("", *nl, *en),
            [key, nl, en] => (*key, *nl, *en),
            _ => ("", "", ""),
        };
        if nl.is_empty() {
            e.add(field, "editor-line-format");
            continue;
        }
        let key = if key.is_empty() { derived_key(nl, &out) } else { key.to_string() };
        if !valid_key(&key) {
            e.add(field, "editor-line-key-format");
        } else if out.iter().any(|c| c.key == key) {
            e.add(field, "editor-line-key-repeated");
        }
        out.push(Choice { key, label: Text::new(nl, en) });
    }
    out
}

fn parse_items(raw: &str, field: &str, e: &mut ValidationErrors) -> Vec<RatingItem> {
    let mut out: Vec<RatingItem> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (key, dimension, nl, en) = match split_line(line).as_slice() {
            [key, d, nl] => (*key, parse_dimension(d), *nl, ""),
            [key, d, nl, en] => (*key, parse_dimension(d), *nl, *en),
            _ => ("", None, "", ""),
        };
        let Some(dimension) = dimension.filter(|_| !nl.is_empty()) else {
            e.add(field, "editor-item-line-format");
            continue;
        };
        // The respondent's form names a rating `<partner>.<item>` next to
        // `<partner>.frequency` and `<partner>.work`.
        if !valid_key(key) || key == "frequency" || key == "work" {
            e.add(field, "editor-line-key-format");
        } else if out.iter().any(|i| i.key == key) {
            e.add(field, "editor-line-key-repeated");
        }
        out.push(RatingItem { key: key.to_string(), text: Text::new(nl, en), dimension });
    }
    out
}

fn parse_number(raw: &str, field: &str, e: &mut ValidationErrors) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            e.add(field, "editor-number");
            None
        }
    }
}

fn bounded(e: &mut ValidationErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        e.add(field, "too-long");
    }
    value.to_string()
}

fn text_of(e: &mut ValidationErrors, field: &str, t: &TextDraft, max: usize) -> Text {
    Text { nl: bounded(e, &format!("{field}.nl"), &t.nl, max), en: bounded(e, &format!("{field}.en"), &t.en, max) }
}

/// The definition with every question keyed by its place (`page.question`),
/// so the domain's problems name the question even when keys are empty or
/// repeated (those are checked per field above). A rating question's
/// source follows its question, found by key as the domain finds it.
fn positional(def: &Instrument) -> Instrument {
    let mut first: HashMap<&str, String> = HashMap::new();
    for (p, page) in def.pages.iter().enumerate() {
        for (q, question) in page.questions.iter().enumerate() {
            first.entry(question.key.as_str()).or_insert_with(|| format!("{p}.{q}"));
        }
    }
    let mut probe = def.clone();
    for (p, page) in probe.pages.iter_mut().enumerate() {
        for (q, question) in page.questions.iter_mut().enumerate() {
            question.key = format!("{p}.{q}");
            if let QuestionKind::PartnerRatings { source, .. } = &mut question.kind {
                if let Some(place) = first.get(source.as_str()) {
                    *source = place.clone();
                }
            }
        }
    }
    probe
}

/// Which field a problem the domain found belongs to.
fn problem_field(code: &str, question: Option<(usize, usize)>) -> String {
    match (code, question) {
        ("instrument-name-missing", _) => "name.nl".into(),
        ("instrument-empty", _) => "pages".into(),
        ("question-factor-unknown", Some((p, q))) => question_field(p, q, "factor"),
        ("question-scale-points", Some((p, q))) => question_field(p, q, "labels"),
        ("question-options-few", Some((p, q))) => question_field(p, q, "options"),
        ("question-source-unknown", Some((p, q))) => question_field(p, q, "source"),
        ("question-text-missing", Some((p, q))) => question_field(p, q, "text.nl"),
        (_, Some((p, q))) => question_field(p, q, "key"),
        _ => "instrument".into(),
    }
}

impl QuestionDraft {
    /// A new question of `kind` with a key not yet used; a scale starts with
    /// the five-point agreement scale.
    pub fn new(kind: &str, key: String, partners_question: Option<&str>) -> QuestionDraft {
        let kind = if KINDS.contains(&kind) { kind } else { "scale" };
        let mut q = QuestionDraft { key, kind: kind.to_string(), ..Default::default() };
        match kind {
            "scale" => q.labels = text_lines(&catalogue_scale("editor-agreement", 5)),
            "partner_ratings" => {
                q.source = partners_question.unwrap_or_default().to_string();
                q.labels = text_lines(&catalogue_scale("editor-extent", 4));
            }
            _ => {}
        }
        q
    }

    fn of(q: &Question, lang: Language) -> QuestionDraft {
        let mut d = QuestionDraft {
            key: q.key.clone(),
            text: TextDraft { nl: q.text.nl.clone(), en: q.text.en.clone() },
            factor: q.factor.clone().unwrap_or_default(),
            required: q.required,
            kind: q.kind.code().to_string(),
            ..Default::default()
        };
        match &q.kind {
            QuestionKind::Scale { labels } => d.labels = text_lines(labels),
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => d.options = choice_lines(options),
            QuestionKind::Number { min, max } => {
                d.min = min.map(|n| n.to_string()).unwrap_or_default();
                d.max = max.map(|n| n.to_string()).unwrap_or_default();
            }
            QuestionKind::OpenText | QuestionKind::Partners => {}
            QuestionKind::PartnerRatings { source, frequency, work, items, labels } => {
                d.source = source.clone();
                d.frequency = choice_lines(frequency);
                d.work = choice_lines(work);
                d.items = items
                    .iter()
                    .map(|i| format!("{} | {} | {} | {}", i.key, dimension_word(i.dimension, lang), i.text.nl, i.text.en))
                    .collect::<Vec<_>>()
                    .join("\n");
                d.labels = text_lines(labels);
            }
        }
        d
    }

    fn kind(&self, p: usize, q: usize, e: &mut ValidationErrors) -> QuestionKind {
        let f = |name: &str| question_field(p, q, name);
        match self.kind.as_str() {
            "scale" => QuestionKind::Scale { labels: parse_labels(&self.labels, &f("labels"), e) },
            "single" => QuestionKind::Single { options: parse_choices(&self.options, &f("options"), e) },
            "multiple" => QuestionKind::Multiple { options: parse_choices(&self.options, &f("options"), e) },
            "number" => {
                let min = parse_number(&self.min, &f("min"), e);
                let max = parse_number(&self.max, &f("max"), e);
                if let (Some(a), Some(b)) = (min, max) {
                    if a > b {
                        e.add(&f("max"), "editor-bounds-order");
                    }
                }
                QuestionKind::Number { min, max }
            }
            "open_text" => QuestionKind::OpenText,
            "partners" => QuestionKind::Partners,
            "partner_ratings" => {
                let frequency = parse_choices(&self.frequency, &f("frequency"), e);
                let work = parse_choices(&self.work, &f("work"), e);
                let items = parse_items(&self.items, &f("items"), e);
                for (field, empty) in [("frequency", frequency.is_empty()), ("work", work.is_empty()), ("items", items.is_empty())] {
                    if empty && e.for_field(&f(field)).is_none() {
                        e.add(&f(field), "editor-lines-none");
                    }
                }
                QuestionKind::PartnerRatings {
                    source: self.source.trim().to_string(),
                    frequency,
                    work,
                    items,
                    labels: parse_labels(&self.labels, &f("labels"), e),
                }
            }
            _ => {
                e.add(&f("kind"), "editor-kind-unknown");
                QuestionKind::OpenText
            }
        }
    }
}

impl Draft {
    /// The form of a stored definition; rating kinds in the visitor's language.
    pub fn of(def: &Instrument, lang: Language) -> Draft {
        let text = |t: &Text| TextDraft { nl: t.nl.clone(), en: t.en.clone() };
        Draft {
            name: text(&def.name),
            intro: text(&def.intro),
            strength: def.bands.strength.to_string(),
            attention: def.bands.attention.to_string(),
            divergence: def.bands.divergence.to_string(),
            factors: def.factors.iter().map(|f| FactorDraft { key: f.key.clone(), name: text(&f.name) }).collect(),
            pages: def
                .pages
                .iter()
                .map(|p| PageDraft {
                    title: text(&p.title),
                    questions: p.questions.iter().map(|q| QuestionDraft::of(q, lang)).collect(),
                    new_kind: "scale".into(),
                })
                .collect(),
        }
    }

    /// The form as posted. Rows are told apart by the numbers in their
    /// names and kept in that order.
    pub fn from_pairs(pairs: &[(String, String)]) -> Draft {
        let map: HashMap<&str, &str> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let get = |k: &str| map.get(k).map(|v| unix_lines(v)).unwrap_or_default();
        let text = |prefix: &str| TextDraft { nl: get(&format!("{prefix}.nl")), en: get(&format!("{prefix}.en")) };
        let factors = indices(pairs, "factor.", ".key")
            .into_iter()
            .map(|i| FactorDraft { key: get(&factor_field(i, "key")), name: text(&format!("factor.{i}.name")) })
            .collect();
        let pages = indices(pairs, "page.", ".title.nl")
            .into_iter()
            .map(|p| PageDraft {
                title: text(&page_field(p, "title")),
                new_kind: get(&page_field(p, "new")),
                questions: indices(pairs, &format!("page.{p}.q."), ".key")
                    .into_iter()
                    .map(|q| {
                        let f = |name: &str| get(&question_field(p, q, name));
                        QuestionDraft {
                            key: f("key"),
                            text: text(&question_field(p, q, "text")),
                            factor: f("factor"),
                            required: map.contains_key(question_field(p, q, "required").as_str()),
                            kind: f("kind"),
                            labels: f("labels"),
                            options: f("options"),
                            min: f("min"),
                            max: f("max"),
                            source: f("source"),
                            frequency: f("frequency"),
                            work: f("work"),
                            items: f("items"),
                        }
                    })
                    .collect(),
            })
            .collect();
        Draft {
            name: text("name"),
            intro: text("intro"),
            strength: get("bands.strength"),
            attention: get("bands.attention"),
            divergence: get("bands.divergence"),
            factors,
            pages,
        }
    }

    /// The keys of the "which partners" questions, for a rating question's source.
    pub fn partners_questions(&self) -> Vec<String> {
        self.pages.iter().flat_map(|p| &p.questions).filter(|q| q.kind == "partners").map(|q| q.key.trim().to_string()).collect()
    }

    fn unused_key(&self) -> String {
        let taken: Vec<&str> = self.pages.iter().flat_map(|p| &p.questions).map(|q| q.key.trim()).collect();
        (taken.len() + 1..).map(|n| format!("q{n}")).find(|k| !taken.contains(&k.as_str())).unwrap_or_default()
    }

    /// Carries out a button other than save; returns the status message
    /// key, or `None` when the button pointed at nothing (a stale form).
    pub fn apply(&mut self, action: Action) -> Option<&'static str> {
        match action {
            Action::Save => None,
            Action::Refresh => Some("editor-done-refreshed"),
            Action::AddFactor => {
                self.factors.push(FactorDraft::default());
                Some("editor-done-factor-added")
            }
            Action::RemoveFactor(i) => {
                (i < self.factors.len()).then(|| self.factors.remove(i))?;
                Some("editor-done-factor-removed")
            }
            Action::AddPage => {
                self.pages.push(PageDraft { new_kind: "scale".into(), ..Default::default() });
                Some("editor-done-page-added")
            }
            Action::RemovePage(p) => {
                (p < self.pages.len()).then(|| self.pages.remove(p))?;
                Some("editor-done-page-removed")
            }
            Action::AddQuestion(p) => {
                let key = self.unused_key();
                let source = self.partners_questions().into_iter().next();
                let page = self.pages.get_mut(p)?;
                page.questions.push(QuestionDraft::new(&page.new_kind, key, source.as_deref()));
                Some("editor-done-question-added")
            }
            Action::RemoveQuestion(p, q) => {
                let page = self.pages.get_mut(p)?;
                (q < page.questions.len()).then(|| page.questions.remove(q))?;
                Some("editor-done-question-removed")
            }
            Action::Up(p, q) => {
                let page = self.pages.get_mut(p)?;
                if q >= page.questions.len() {
                    return None;
                }
                if q > 0 {
                    page.questions.swap(q, q - 1);
                } else if p > 0 {
                    // The first question of a page moves to the end of the page before.
                    let moved = page.questions.remove(0);
                    self.pages[p - 1].questions.push(moved);
                } else {
                    return None;
                }
                Some("editor-done-question-moved")
            }
            Action::Down(p, q) => {
                let pages = self.pages.len();
                let page = self.pages.get_mut(p)?;
                let len = page.questions.len();
                if q >= len {
                    return None;
                }
                if q + 1 < len {
                    page.questions.swap(q, q + 1);
                } else if p + 1 < pages {
                    let moved = page.questions.remove(q);
                    self.pages[p + 1].questions.insert(0, moved);
                } else {
                    return None;
                }
                Some("editor-done-question-moved")
            }
        }
    }

    /// The definition the form describes, or every problem with its field:
    /// the form's own (keys, lines, numbers) and the domain's `problems()`.
    pub fn to_instrument(&self, kind: InstrumentKind) -> Result<Instrument, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let bands = self.bands(&mut e);
        let mut factors: Vec<Factor> = Vec::new();
        for (i, f) in self.factors.iter().enumerate() {
            let key = f.key.trim();
            if key.is_empty() && f.name.nl.trim().is_empty() && f.name.en.trim().is_empty() {
                continue; // an empty row added and left unused
            }
            let field = factor_field(i, "key");
            if key.is_empty() {
                e.add(&field, "editor-key-missing");
            } else if !valid_key(key) {
                e.add(&field, "editor-key-format");
            } else if factors.iter().any(|x| x.key == key) {
                e.add(&field, "editor-key-repeated");
            }
            if f.name.nl.trim().is_empty() {
                e.add(&factor_field(i, "name.nl"), "required");
            }
            factors.push(Factor { key: key.to_string(), name: text_of(&mut e, &format!("factor.{i}.name"), &f.name, MAX_NAME) });
        }
        let mut seen: Vec<String> = Vec::new();
        let mut pages = Vec::new();
        for (p, page) in self.pages.iter().enumerate() {
            if page.title.nl.trim().is_empty() {
                e.add(&page_field(p, "title.nl"), "required");
            }
            if page.questions.is_empty() {
                e.add(&page_group(p), "editor-page-empty");
            }
            let mut questions = Vec::new();
            for (q, d) in page.questions.iter().enumerate() {
                let key = d.key.trim().to_string();
                let field = question_field(p, q, "key");
                if key.is_empty() {
                    e.add(&field, "editor-key-missing");
                } else if !valid_key(&key) {
                    e.add(&field, "editor-key-format");
                } else if seen.contains(&key) {
                    e.add(&field, "editor-key-repeated");
                }
                seen.push(key.clone());
                let factor = d.factor.trim();
                questions.push(Question {
                    key,
                    text: text_of(&mut e, &question_field(p, q, "text"), &d.text, MAX_TEXT),
                    factor: (!factor.is_empty()).then(|| factor.to_string()),
                    required: d.required,
                    kind: d.kind(p, q, &mut e),
                });
            }
            pages.push(Page { title: text_of(&mut e, &page_field(p, "title"), &page.title, MAX_NAME), questions });
        }
        let def = Instrument {
            kind,
            name: text_of(&mut e, "name", &self.name, MAX_NAME),
            intro: text_of(&mut e, "intro", &self.intro, MAX_TEXT),
            bands,
            factors,
            pages,
        };
        for (code, key) in positional(&def).problems() {
            let place = key.split_once('.').and_then(|(p, q)| Some((p.parse().ok()?, q.parse().ok()?)));
            let field = problem_field(&code, place);
            if e.for_field(&field).is_none() {
                e.add(&field, &code);
            }
        }
        e.finish(def)
    }

    fn bands(&self, e: &mut ValidationErrors) -> Bands {
        let mut number = |raw: &str, field: &str| match parse_number(raw, field, e) {
            Some(n) => Some(n),
            None if raw.trim().is_empty() => {
                e.add(field, "required");
                None
            }
            None => None,
        };
        let strength = number(&self.strength, "bands.strength");
        let attention = number(&self.attention, "bands.attention");
        let divergence = number(&self.divergence, "bands.divergence");
        if let (Some(s), Some(a)) = (strength, attention) {
            if !(1.0 <= a && a < s && s <= 5.0) {
                e.add("bands.attention", "editor-bands-order");
            }
        }
        if divergence.is_some_and(|d| d <= 0.0 || d > 4.0) {
            e.add("bands.divergence", "editor-divergence-range");
        }
        let d = Bands::default();
        Bands {
            strength: strength.unwrap_or(d.strength),
            attention: attention.unwrap_or(d.attention),
            divergence: divergence.unwrap_or(d.divergence),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use verband_domain::survey::builtin::builtin_instruments;

    fn pairs_of(d: &Draft) -> Vec<(String, String)> {
        let mut out = vec![
            ("name.nl".to_string(), d.name.nl.clone()),
            ("name.en".to_string(), d.name.en.clone()),
            ("intro.nl".to_string(), d.intro.nl.clone()),
            ("intro.en".to_string(), d.intro.en.clone()),
            ("bands.strength".to_string(), d.strength.clone()),
            ("bands.attention".to_string(), d.attention.clone()),
            ("bands.divergence".to_string(), d.divergence.clone()),
        ];
        for (i, f) in d.factors.iter().enumerate() {
            out.push((factor_field(i, "key"), f.key.clone()));
            out.push((factor_field(i, "name.nl"), f.name.nl.clone()));
            out.push((factor_field(i, "name.en"), f.name.en.clone()));
        }
        for (p, page) in d.pages.iter().enumerate() {
            out.push((page_field(p, "title.nl"), page.title.nl.clone()));
            out.push((page_field(p, "title.en"), page.title.en.clone()));
            for (q, x) in page.questions.iter().enumerate() {
                let f = |n: &str| question_field(p, q, n);
                for (name, value) in [
                    ("key", &x.key),
                    ("text.nl", &x.text.nl),
                    ("text.en", &x.text.en),
                    ("factor", &x.factor),
                    ("kind", &x.kind),
                    ("labels", &x.labels),
                    ("options", &x.options),
                    ("min", &x.min),
                    ("max", &x.max),
                    ("source", &x.source),
                    ("frequency", &x.frequency),
                    ("work", &x.work),
                    ("items", &x.items),
                ] {
                    out.push((f(name), value.replace('\n', "\r\n")));
                }
                if x.required {
                    out.push((f("required"), "1".into()));
                }
            }
        }
        out
    }

    #[test]
    fn every_builtin_survives_the_form_unchanged() {
        for def in builtin_instruments() {
            for lang in [Language::Nl, Language::En] {
                let draft = Draft::of(&def, lang);
                let back = Draft::from_pairs(&pairs_of(&draft));
                let mut expected = draft.clone();
                for p in &mut expected.pages {
                    p.new_kind = String::new();
                }
                assert_eq!(back, expected, "{:?}", def.kind);
                assert_eq!(back.to_instrument(def.kind), Ok(def.clone()), "{:?}", def.kind);
            }
        }
    }

    #[test]
    fn choices_without_a_key_get_one_and_bad_lines_are_named() {
        let mut e = ValidationErrors::default();
        let c = parse_choices("Ja | Yes\nMisschien wel\nja | Ja hoor | Sure", "f", &mut e);
        assert_eq!(c.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["ja", "misschien_wel", "ja"]);
        assert_eq!(e.for_field("f").map(|x| x.code.as_str()), Some("editor-line-key-repeated"));
        let mut e = ValidationErrors::default();
        parse_choices("a | b | c | d", "f", &mut e);
        assert_eq!(e.for_field("f").map(|x| x.code.as_str()), Some("editor-line-format"));
    }

    #[test]
    fn moving_past_the_end_of_a_page_moves_to_the_next_one() {
        let mut d = Draft::of(&builtin_instruments()[1], Language::Nl);
        let last = d.pages[0].questions.len() - 1;
        let moved = d.pages[0].questions[last].key.clone();
        assert!(d.apply(Action::Down(0, last)).is_some());
        assert_eq!(d.pages[1].questions[0].key, moved);
        assert!(d.apply(Action::Up(1, 0)).is_some());
        assert_eq!(d.pages[0].questions[last].key, moved);
        assert!(d.apply(Action::Up(0, 0)).is_none(), "nothing above the first question");
        assert!(d.apply(Action::RemoveQuestion(9, 0)).is_none(), "a stale button changes nothing");
    }

    #[test]
    fn actions_read_back_what_they_write() {
        for a in [Action::Save, Action::AddQuestion(2), Action::RemoveQuestion(1, 4), Action::Up(0, 3), Action::RemoveFactor(1)] {
            assert_eq!(Action::parse(&a.code()), Some(a));
        }
        assert_eq!(Action::parse("up-1"), None);
        assert_eq!(Action::parse("removepage-x"), None);
    }
}
