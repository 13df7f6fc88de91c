//! What an instrument is: pages of questions, each question with its text in
//! both languages. A version's definition is stored as JSON, so the shape of
//! these types is the stored format; fields are only ever added, with
//! defaults, so old versions keep reading.

use serde::{Deserialize, Serialize};

use crate::Language;

/// A text in Dutch and English. An empty English text falls back to Dutch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(nl: &str, en: &str) -> Text {
        Text { nl: nl.to_string(), en: en.to_string() }
    }

    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.nl,
        }
    }
}

code_enum!(
    /// Which built-in instrument a definition follows; `custom` for one
    /// built from scratch. Results read the kind to know, for instance,
    /// that ratings feed the map.
    InstrumentKind, "instrument-kind" {
        RelationshipSurvey => "relationship_survey",
        CollaborationScan => "collaboration_scan",
        ReciprocityCheck => "reciprocity_check",
        ProcessEvaluation => "process_evaluation",
        PhaseChecklist => "phase_checklist",
        Custom => "custom",
    }
);

/// Where a mean on a 1–5 scale counts as a strength (≥ `strength`), as
/// needing attention (≥ `attention`) or as a concern (below). On other
/// scales the bounds are scaled to the scale's range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    pub strength: f64,
    pub attention: f64,
    /// A difference between group means at least this large is shown as
    /// a divergence worth discussing.
    #[serde(default = "default_divergence")]
    pub divergence: f64,
}

fn default_divergence() -> f64 {
    1.0
}

impl Default for Bands {
    fn default() -> Self {
        Bands { strength: 4.0, attention: 3.0, divergence: 1.0 }
    }
}

/// A lens, factor or condition that statements are grouped under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    pub key: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub key: String,
    pub label: Text,
}

/// Whether a partner rating item measures trust or value (relationship survey).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingDimension {
    Trust,
    Value,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingItem {
    pub key: String,
    pub text: Text,
    pub dimension: RatingDimension,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// A statement on an agreement scale; the points are 1..=labels.len().
    Scale {
        labels: Vec<Text>,
    },
    Single {
        options: Vec<Choice>,
    },
    Multiple {
        options: Vec<Choice>,
    },
    Number {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
    OpenText,
    /// "Which partners do you work with": picks from the network's partners.
    Partners,
    /// For each partner picked in the `Partners` question `source`: how
    /// often, what kind of work, and the rating items on the scale `labels`.
    PartnerRatings {
        source: String,
        frequency: Vec<Choice>,
        work: Vec<Choice>,
        items: Vec<RatingItem>,
        labels: Vec<Text>,
    },
}

impl QuestionKind {
    pub fn code(&self) -> &'static str {
        match self {
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::Number { .. } => "number",
            QuestionKind::OpenText => "open_text",
            QuestionKind::Partners => "partners",
            QuestionKind::PartnerRatings { .. } => "partner_ratings",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Unique within the instrument; answers are stored under it, so a new
    /// version keeps the key of a question it only rewords.
    pub key: String,
    pub text: Text,
    /// The factor (lens, condition) a scale statement counts towards.
    #[serde(default)]
    pub factor: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub title: Text,
    pub questions: Vec<Question>,
}

/// One version of an instrument, as respondents see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    pub kind: InstrumentKind,
    pub name: Text,
    #[serde(default)]
    pub intro: Text,
    #[serde(default)]
    pub bands: Bands,
    #[serde(default)]
    pub factors: Vec<Factor>,
    pub pages: Vec<Page>,
}

impl Instrument {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.pages.iter().flat_map(|p| p.questions.iter())
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    pub fn factor(&self, key: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.key == key)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(raw: &str) -> Result<Instrument, serde_json::Error> {
        serde_json::from_str(raw)
    }

    /// Problems that make a definition unusable: no pages, repeated keys,
    /// a scale without points, a factor or source that does not exist.
    /// Codes are i18n keys; the second part names the question.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.name.nl.trim().is_empty() {
            out.push(("instrument-name-missing".to_string(), String::new()));
        }
        if self.pages.is_empty() || self.questions().next().is_none() {
            out.push(("instrument-empty".to_string(), String::new()));
        }
        let mut seen = std::collections::HashSet::new();
        for q in self.questions() {
            if q.key.trim().is_empty() || !seen.insert(q.key.as_str()) {
                out.push(("question-key-repeated".to_string(), q.key.clone()));
            }
            if q.text.nl.trim().is_empty() {
                out.push(("question-text-missing".to_string(), q.key.clone()));
            }
            if let Some(f) = &q.factor {
                if self.factor(f).is_none() {
                    out.push(("question-factor-unknown".to_string(), q.key.clone()));
                }
            }
            match &q.kind {
                QuestionKind::Scale { labels } if labels.len() < 2 || labels.len() > 11 => {
                    out.push(("question-scale-points".to_string(), q.key.clone()))
                }
                QuestionKind::Single { options } | QuestionKind::Multiple { options } if options.len() < 2 => {
                    out.push(("question-options-few".to_string(), q.key.clone()))
                }
                QuestionKind::PartnerRatings { source, labels, .. } => {
                    let ok = self.question(source).is_some_and(|s| matches!(s.kind, QuestionKind::Partners));
                    if !ok {
                        out.push(("question-source-unknown".to_string(), q.key.clone()));
                    }
                    if labels.len() < 2 {
                        out.push(("question-scale-points".to_string(), q.key.clone()));
                    }
                }
                _ => {}
            }
        }
        out
    }
}
