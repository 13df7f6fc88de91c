//! A respondent's answers, and reading one page of them from a submitted
//! form. Every question is optional unless marked required: "no answer" is
//! a valid answer in an evaluation, and a blank is never counted as a score.
//!
//! Form fields: `q.<key>` for a question (repeated for multiple choice and
//! partner picks); `q.<key>.<partner>.frequency`, `….work` and `….<item>`
//! for a partner rating.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::instrument::{Instrument, QuestionKind};
use crate::validation::ValidationErrors;

/// The longest open answer kept, in characters.
pub const MAX_OPEN_ANSWER: usize = 4000;

/// One partner's rating in the relationship survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerRating {
    pub partner_id: i64,
    #[serde(default)]
    pub frequency: Option<String>,
    #[serde(default)]
    pub work: Option<String>,
    /// Rating item key → point on the scale (1-based).
    #[serde(default)]
    pub scores: BTreeMap<String, u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Scale(u8),
    Choice(String),
    Choices(Vec<String>),
    Number(f64),
    Text(String),
    Partners(Vec<i64>),
    Ratings(Vec<PartnerRating>),
}

/// Question key → answer; questions left blank are absent.
pub type Answers = BTreeMap<String, AnswerValue>;

fn field(key: &str) -> String {
    format!("q.{key}")
}

/// Reads the answers to page `page` (0-based) from the form's pairs.
/// `partners` are the ids a respondent may pick; `earlier` holds the answers
/// given so far (a rating question rates the partners picked before).
/// Returns the page's answers: every question of the page appears in the
/// map when answered and is absent when left blank, so saving the result
/// over the stored answers also clears what the respondent emptied.
pub fn parse_page(
    instrument: &Instrument,
    page: usize,
    form: &[(String, String)],
    partners: &[i64],
    earlier: &Answers,
) -> Result<Answers, ValidationErrors> {
    let mut values: HashMap<&str, Vec<&str>> = HashMap::new();
    for (k, v) in form {
        values.entry(k.as_str()).or_default().push(v.trim());
    }
    let first = |name: &str| values.get(name).and_then(|v| v.iter().find(|s| !s.is_empty()).copied());
    let mut e = ValidationErrors::default();
    let mut out = Answers::new();
    let Some(page) = instrument.pages.get(page) else {
        return Ok(out);
    };
    for q in &page.questions {
        let name = field(&q.key);
        let answer = match &q.kind {
            QuestionKind::Scale { labels } => match first(&name) {
                None => None,
                Some(raw) => match raw.parse::<u8>() {
                    Ok(p) if p >= 1 && usize::from(p) <= labels.len() => Some(AnswerValue::Scale(p)),
                    _ => {
                        e.add(&name, "answer-invalid");
                        None
                    }
                },
            },
            QuestionKind::Single { options } => match first(&name) {
                None => None,
                Some(raw) if options.iter().any(|o| o.key == raw) => Some(AnswerValue::Choice(raw.to_string())),
                Some(_) => {
                    e.add(&name, "answer-invalid");
                    None
                }
            },
            QuestionKind::Multiple { options } => {
                let picked: Vec<String> = options
                    .iter()
                    .filter(|o| values.get(name.as_str()).is_some_and(|v| v.contains(&o.key.as_str())))
                    .map(|o| o.key.clone())
                    .collect();
                let unknown =
                    values.get(name.as_str()).is_some_and(|v| v.iter().any(|s| !s.is_empty() && !options.iter().any(|o| o.key == *s)));
                if unknown {
                    e.add(&name, "answer-invalid");
                }
                (!picked.is_empty()).then_some(AnswerValue::Choices(picked))
            }
            QuestionKind::Number { min, max } => match first(&name) {
                None => None,
                Some(raw) => match raw.replace(',', ".").parse::<f64>() {
                    Ok(n) if n.is_finite() && min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m) => Some(AnswerValue::Number(n)),
                    Ok(n) if n.is_finite() => {
                        e.add(&name, "answer-out-of-range");
                        None
                    }
                    _ => {
                        e.add(&name, "answer-number");
                        None
                    }
                },
            },
            QuestionKind::OpenText => match first(&name) {
                None => None,
                Some(raw) if raw.chars().count() > MAX_OPEN_ANSWER => {
                    e.add(&name, "too-long");
                    None
                }
                Some(raw) => Some(AnswerValue::Text(raw.to_string())),
            },
            QuestionKind::Partners => {
                let mut picked = Vec::new();
                for raw in values.get(name.as_str()).into_iter().flatten().filter(|s| !s.is_empty()) {
                    match raw.parse::<i64>() {
                        Ok(id) if partners.contains(&id) => {
                            if !picked.contains(&id) {
                                picked.push(id)
                            }
                        }
                        _ => e.add(&name, "answer-invalid"),
                    }
                }
                (!picked.is_empty()).then_some(AnswerValue::Partners(picked))
            }
            QuestionKind::PartnerRatings { source, frequency, work, items, labels } => {
                let picked: &[i64] = match earlier.get(source) {
                    Some(AnswerValue::Partners(p)) => p,
                    _ => &[],
                };
                let mut ratings = Vec::new();
                for &partner in picked {
                    let prefix = format!("{name}.{partner}");
                    let choice = |suffix: &str, options: &[super::Choice], e: &mut ValidationErrors| {
                        let f = format!("{prefix}.{suffix}");
                        match first(&f) {
                            None => None,
                            Some(raw) if options.iter().any(|o| o.key == raw) => Some(raw.to_string()),
                            Some(_) => {
                                e.add(&f, "answer-invalid");
                                None
                            }
                        }
                    };
                    let frequency = choice("frequency", frequency, &mut e);
                    let work = choice("work", work, &mut e);
                    let mut scores = BTreeMap::new();
                    for item in items {
                        let f = format!("{prefix}.{}", item.key);
                        if let Some(raw) = first(&f) {
                            match raw.parse::<u8>() {
                                Ok(p) if p >= 1 && usize::from(p) <= labels.len() => {
                                    scores.insert(item.key.clone(), p);
                                }
                                _ => e.add(&f, "answer-invalid"),
                            }
                        }
                    }
                    if frequency.is_some() || work.is_some() || !scores.is_empty() {
                        ratings.push(PartnerRating { partner_id: partner, frequency, work, scores });
                    }
                }
                (!ratings.is_empty()).then_some(AnswerValue::Ratings(ratings))
            }
        };
        match answer {
            Some(a) => {
                out.insert(q.key.clone(), a);
            }
            None if q.required && e.for_field(&name).is_none() => e.add(&name, "answer-required"),
            None => {}
        }
    }
    e.finish(out)
}
