//! The results of one round: per factor (lens, condition) and per question
//! the mean, spread and distribution, banded; the divergence between
//! sectors and between steering group and members; the trend against the
//! previous round of the same instrument; the open answers; and for the
//! relationship survey each partner's trust and value and the ties reported.
//!
//! The anonymity rule lives here, once: a figure for a group of fewer
//! respondents than the threshold is `None` (shown as "too few answers"),
//! and open answers and per-partner scores follow the same rule.

use std::collections::BTreeMap;

use serde::Serialize;

use super::answers::{AnswerValue, Answers};
use super::instrument::{Bands, Factor, Instrument, Question, QuestionKind, RatingDimension};
use crate::Sector;

/// What results need of one respondent: answers and the groups they belong to.
/// Nothing here names the person.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    pub sector: Option<Sector>,
    /// Member of the steering group (a "layer" of the network).
    pub steering: bool,
    /// The organisation the respondent answers for (relationship survey).
    pub organisation_id: Option<i64>,
    pub answers: Answers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Strength,
    Attention,
    Concern,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Down,
    Same,
}

/// Mean, standard deviation (population) and count per scale point.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Respondents who gave a score.
    pub n: usize,
    pub mean: f64,
    pub sd: f64,
    /// `distribution[i]` = how many gave point i + 1.
    pub distribution: Vec<usize>,
}

/// A group's figure: `None` when the group has fewer respondents than the threshold.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    /// A sector code, or "steering" / "members".
    pub group: String,
    /// Respondents in the group (always shown: it is not an answer).
    pub respondents: usize,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FactorResult {
    pub key: String,
    pub name_nl: String,
    pub name_en: String,
    /// `None`: too few respondents.
    pub summary: Option<Summary>,
    pub band: Option<Band>,
    pub by_sector: Vec<GroupResult>,
    pub by_layer: Vec<GroupResult>,
    /// Largest difference between two shown sector means.
    pub sector_divergence: Option<f64>,
    /// Difference steering minus members, when both are shown.
    pub layer_divergence: Option<f64>,
    /// Either divergence at least the instrument's divergence bound.
    pub divergent: bool,
    pub previous_mean: Option<f64>,
    pub trend: Option<Trend>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QuestionResult {
    pub key: String,
    /// Scale and number questions.
    pub summary: Option<Summary>,
    pub band: Option<Band>,
    /// Choice questions: (option key, count); empty when too few.
    pub choices: Vec<(String, usize)>,
    pub previous_mean: Option<f64>,
    pub trend: Option<Trend>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OpenAnswer {
    pub question_key: String,
    /// Position among the round's answers to this question: a stable
    /// reference for theme tags that says nothing about who wrote it.
    pub index: usize,
    pub text: String,
}

/// Trust and value a partner received from the others (1–4 and % of max).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerScore {
    pub organisation_id: i64,
    /// Organisations that rated this partner (its own ratings excluded).
    pub raters: usize,
    pub trust: Option<f64>,
    pub value: Option<f64>,
    pub trust_percent: Option<f64>,
    pub value_percent: Option<f64>,
}

/// A tie one organisation reported to another, for the map.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportedTie {
    pub source_id: i64,
    pub target_id: i64,
    /// Frequency option's position, 1 = least often.
    pub frequency: Option<usize>,
    pub work: Option<String>,
    pub trust: Option<f64>,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoundResults {
    pub respondents: usize,
    pub threshold: usize,
    pub factors: Vec<FactorResult>,
    pub questions: Vec<QuestionResult>,
    /// Empty when fewer respondents than the threshold answered.
    pub open_answers: Vec<OpenAnswer>,
    pub partner_scores: Vec<PartnerScore>,
    pub ties: Vec<ReportedTie>,
}

/// Slack for comparing computed means with bounds: a mean of exactly 4.0
/// can come out a hair below after summing and dividing, and must still
/// count as a strength (and a change of exactly 0.1 as a change).
const EPS: f64 = 1e-9;

/// The smallest change between rounds shown as up or down.
const TREND_STEP: f64 = 0.1;

/// Computes a round's results. `previous` is the result of the previous round
/// of the same instrument, for the trend.
pub fn compute_results(
    instrument: &Instrument,
    respondents: &[Respondent],
    threshold: usize,
    previous: Option<&RoundResults>,
) -> RoundResults {
    let (partner_scores, ties) = relationships(instrument, respondents, threshold);
    RoundResults {
        respondents: respondents.len(),
        threshold,
        factors: instrument.factors.iter().map(|f| factor_result(instrument, f, respondents, threshold, previous)).collect(),
        questions: instrument.questions().map(|q| question_result(instrument, q, respondents, threshold, previous)).collect(),
        open_answers: open_answers(instrument, respondents, threshold),
        partner_scores,
        ties,
    }
}

/// A group too small to show: an empty group is never shown, even with a
/// threshold of 0, because it has no figure to show.
fn shown(n: usize, threshold: usize) -> bool {
    n > 0 && n >= threshold
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Bounds are set for a 1–5 scale; on a scale of `points` they keep their
/// relative place, so "strength" means the same on a 1–4 scale.
fn scaled(bound: f64, points: usize) -> f64 {
    1.0 + (bound - 1.0) * (points.max(1) as f64 - 1.0) / 4.0
}

fn band(mean: f64, bands: &Bands, points: usize) -> Band {
    if mean >= scaled(bands.strength, points) - EPS {
        Band::Strength
    } else if mean >= scaled(bands.attention, points) - EPS {
        Band::Attention
    } else {
        Band::Concern
    }
}

/// The bound on a difference scales with the width of the scale only: a
/// difference has no starting point.
fn divergence_bound(bands: &Bands, points: usize) -> f64 {
    bands.divergence * (points.max(1) as f64 - 1.0) / 4.0
}

/// Mean, population sd and, when `points` is given, how many values round
/// (half up) to each point. `None` for no values.
fn summarize(values: &[f64], points: Option<usize>) -> Option<Summary> {
    let m = mean(values)?;
    let sd = (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / values.len() as f64).sqrt();
    let mut distribution = vec![0; points.unwrap_or(0)];
    if let Some(points) = points.filter(|p| *p > 0) {
        for v in values {
            // Scores are means of whole points, so a .5 is exact and
            // floor(v + 0.5) rounds it up as intended.
            let point = ((v + 0.5).floor().max(1.0) as usize).min(points);
            distribution[point - 1] += 1;
        }
    }
    Some(Summary { n: values.len(), mean: m, sd, distribution })
}

fn trend(current: Option<f64>, previous: Option<f64>) -> Option<Trend> {
    let delta = current? - previous?;
    Some(if delta >= TREND_STEP - EPS {
        Trend::Up
    } else if delta <= -TREND_STEP + EPS {
        Trend::Down
    } else {
        Trend::Same
    })
}

/// The point a respondent gave on a scale question, if it lies on the scale.
fn scale_point(answers: &Answers, key: &str, points: usize) -> Option<u8> {
    match answers.get(key) {
        Some(AnswerValue::Scale(p)) if *p >= 1 && usize::from(*p) <= points => Some(*p),
        _ => None,
    }
}

/// A group's mean, or `None` when the group is too small.
fn group(name: &str, scores: &[f64], threshold: usize) -> GroupResult {
    GroupResult {
        group: name.to_string(),
        respondents: scores.len(),
        mean: if shown(scores.len(), threshold) { mean(scores) } else { None },
    }
}

const UNKNOWN_SECTOR: &str = "unknown";

fn factor_result(
    instrument: &Instrument,
    factor: &Factor,
    respondents: &[Respondent],
    threshold: usize,
    previous: Option<&RoundResults>,
) -> FactorResult {
    let questions: Vec<(&str, usize)> = instrument
        .questions()
        .filter(|q| q.factor.as_deref() == Some(factor.key.as_str()))
        .filter_map(|q| match &q.kind {
            QuestionKind::Scale { labels } => Some((q.key.as_str(), labels.len())),
            _ => None,
        })
        .collect();
    let points = questions.first().map_or(5, |q| q.1);
    // A respondent's factor score: the mean of the points given, summed as
    // whole numbers first so that halves stay exact for the distribution.
    let score = |r: &Respondent| {
        let given: Vec<u8> = questions.iter().filter_map(|(key, pts)| scale_point(&r.answers, key, *pts)).collect();
        (!given.is_empty()).then(|| given.iter().map(|p| u32::from(*p)).sum::<u32>() as f64 / given.len() as f64)
    };
    let scored: Vec<(&Respondent, f64)> = respondents.iter().filter_map(|r| score(r).map(|s| (r, s))).collect();
    let all: Vec<f64> = scored.iter().map(|(_, s)| *s).collect();
    let summary = if shown(all.len(), threshold) { summarize(&all, Some(points)) } else { None };

    // Every sector with a respondent is listed, also when nobody in it
    // answered this factor: the list stays the same across factors.
    let mut sectors: BTreeMap<&str, Vec<f64>> =
        respondents.iter().map(|r| (r.sector.map_or(UNKNOWN_SECTOR, |s| s.code()), Vec::new())).collect();
    for (r, s) in &scored {
        sectors.entry(r.sector.map_or(UNKNOWN_SECTOR, |s| s.code())).or_default().push(*s);
    }
    let by_sector: Vec<GroupResult> = sectors.iter().map(|(code, scores)| group(code, scores, threshold)).collect();
    let layer = |steering: bool| scored.iter().filter(|(r, _)| r.steering == steering).map(|(_, s)| *s).collect::<Vec<f64>>();
    let by_layer = vec![group("steering", &layer(true), threshold), group("members", &layer(false), threshold)];

    // Respondents of unknown sector are a mix, not a sector: a gap between
    // them and a real sector says nothing about sectors disagreeing.
    let sector_means: Vec<f64> = by_sector.iter().filter(|g| g.group != UNKNOWN_SECTOR).filter_map(|g| g.mean).collect();
    let sector_divergence = match sector_means.as_slice() {
        [_, _, ..] => {
            let max = sector_means.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let min = sector_means.iter().copied().fold(f64::INFINITY, f64::min);
            Some(max - min)
        }
        _ => None,
    };
    let layer_divergence = match (by_layer[0].mean, by_layer[1].mean) {
        (Some(steering), Some(members)) => Some(steering - members),
        _ => None,
    };
    let bound = divergence_bound(&instrument.bands, points) - EPS;
    let divergent = [sector_divergence, layer_divergence].iter().flatten().any(|d| d.abs() >= bound);

    let mean = summary.as_ref().map(|s| s.mean);
    let previous_mean =
        previous.and_then(|p| p.factors.iter().find(|f| f.key == factor.key)).and_then(|f| f.summary.as_ref()).map(|s| s.mean);
    FactorResult {
        key: factor.key.clone(),
        name_nl: factor.name.nl.clone(),
        name_en: factor.name.en.clone(),
        band: mean.map(|m| band(m, &instrument.bands, points)),
        summary,
        by_sector,
        by_layer,
        sector_divergence,
        layer_divergence,
        divergent,
        previous_mean,
        trend: trend(mean, previous_mean),
    }
}

fn question_result(
    instrument: &Instrument,
    q: &Question,
    respondents: &[Respondent],
    threshold: usize,
    previous: Option<&RoundResults>,
) -> QuestionResult {
    let answers = respondents.iter().filter_map(|r| r.answers.get(&q.key));
    let mut result =
        QuestionResult { key: q.key.clone(), summary: None, band: None, choices: Vec::new(), previous_mean: None, trend: None };
    match &q.kind {
        QuestionKind::Scale { labels } => {
            let points = labels.len();
            let given: Vec<f64> = respondents.iter().filter_map(|r| scale_point(&r.answers, &q.key, points)).map(f64::from).collect();
            if shown(given.len(), threshold) {
                result.summary = summarize(&given, Some(points));
            }
            result.band = result.summary.as_ref().map(|s| band(s.mean, &instrument.bands, points));
        }
        QuestionKind::Number { .. } => {
            let given: Vec<f64> = answers
                .filter_map(|a| match a {
                    AnswerValue::Number(n) if n.is_finite() => Some(*n),
                    _ => None,
                })
                .collect();
            if shown(given.len(), threshold) {
                result.summary = summarize(&given, None);
            }
        }
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            // Only picks of a current option count: a stored answer naming
            // an option that no longer exists is not an answer to this version.
            let picks: Vec<Vec<&str>> = answers
                .map(|a| match a {
                    AnswerValue::Choice(c) => vec![c.as_str()],
                    AnswerValue::Choices(cs) => cs.iter().map(String::as_str).collect(),
                    _ => Vec::new(),
                })
                .map(|picked| picked.into_iter().filter(|c| options.iter().any(|o| o.key == *c)).collect::<Vec<_>>())
                .filter(|picked| !picked.is_empty())
                .collect();
            if shown(picks.len(), threshold) {
                result.choices = options
                    .iter()
                    .map(|o| (o.key.clone(), picks.iter().filter(|picked| picked.contains(&o.key.as_str())).count()))
                    .collect();
            }
        }
        QuestionKind::OpenText | QuestionKind::Partners | QuestionKind::PartnerRatings { .. } => {}
    }
    let mean = result.summary.as_ref().map(|s| s.mean);
    result.previous_mean =
        previous.and_then(|p| p.questions.iter().find(|pq| pq.key == q.key)).and_then(|pq| pq.summary.as_ref()).map(|s| s.mean);
    result.trend = trend(mean, result.previous_mean);
    result
}

fn open_answers(instrument: &Instrument, respondents: &[Respondent], threshold: usize) -> Vec<OpenAnswer> {
    if respondents.len() < threshold {
        return Vec::new();
    }
    let mut out = Vec::new();
    for q in instrument.questions().filter(|q| q.kind == QuestionKind::OpenText) {
        let mut texts: Vec<&str> = respondents
            .iter()
            .filter_map(|r| match r.answers.get(&q.key) {
                Some(AnswerValue::Text(t)) if !t.trim().is_empty() => Some(t.as_str()),
                _ => None,
            })
            .collect();
        // Respondents arrive in the order they answered; sorting by text
        // hides that order. The exact text breaks ties so the order is total.
        texts.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b)));
        out.extend(texts.into_iter().enumerate().map(|(index, text)| OpenAnswer {
            question_key: q.key.clone(),
            index,
            text: text.to_string(),
        }));
    }
    out
}

/// What one organisation reported about one partner, over its respondents.
#[derive(Default)]
struct PairReport {
    trust: Vec<f64>,
    value: Vec<f64>,
    frequency: Option<usize>,
    work: Option<String>,
}

/// Partner scores and reported ties from the first partner-ratings
/// question: the map holds one tie per pair, so a second ratings question
/// (on its own scale) cannot be merged into it meaningfully.
fn relationships(instrument: &Instrument, respondents: &[Respondent], threshold: usize) -> (Vec<PartnerScore>, Vec<ReportedTie>) {
    let Some((key, source, frequency, work, items, labels)) = instrument.questions().find_map(|q| match &q.kind {
        QuestionKind::PartnerRatings { source, frequency, work, items, labels } => Some((&q.key, source, frequency, work, items, labels)),
        _ => None,
    }) else {
        return (Vec::new(), Vec::new());
    };
    let points = labels.len();
    let dimension_mean = |scores: &BTreeMap<String, u8>, dimension: RatingDimension| {
        let given: Vec<f64> = items
            .iter()
            .filter(|it| it.dimension == dimension)
            .filter_map(|it| scores.get(&it.key))
            .filter(|p| **p >= 1 && usize::from(**p) <= points)
            .map(|p| f64::from(*p))
            .collect();
        mean(&given)
    };

    let mut pairs: BTreeMap<(i64, i64), PairReport> = BTreeMap::new();
    for r in respondents {
        let Some(org) = r.organisation_id else { continue };
        let picked = match r.answers.get(source) {
            Some(AnswerValue::Partners(p)) => Some(p.as_slice()),
            _ => None,
        };
        // Picking a partner already reports the tie, also when the rating
        // page was skipped.
        for &partner in picked.unwrap_or(&[]).iter().filter(|p| **p != org) {
            pairs.entry((org, partner)).or_default();
        }
        let Some(AnswerValue::Ratings(ratings)) = r.answers.get(key) else { continue };
        for rating in ratings {
            // A rating of a partner since unpicked on the earlier page is
            // left over, not an answer.
            if rating.partner_id == org || picked.is_some_and(|p| !p.contains(&rating.partner_id)) {
                continue;
            }
            let pair = pairs.entry((org, rating.partner_id)).or_default();
            pair.trust.extend(dimension_mean(&rating.scores, RatingDimension::Trust));
            pair.value.extend(dimension_mean(&rating.scores, RatingDimension::Value));
            // Colleagues who disagree on how often: the most often wins,
            // since the one who works with the partner most knows best.
            let position = rating.frequency.as_ref().and_then(|f| frequency.iter().position(|o| o.key == *f)).map(|i| i + 1);
            pair.frequency = pair.frequency.max(position);
            if pair.work.is_none() {
                pair.work = rating.work.clone().filter(|w| work.iter().any(|o| o.key == *w));
            }
        }
    }

    let ties: Vec<ReportedTie> = pairs
        .iter()
        .map(|(&(source_id, target_id), pair)| ReportedTie {
            source_id,
            target_id,
            frequency: pair.frequency,
            work: pair.work.clone(),
            trust: mean(&pair.trust),
            value: mean(&pair.value),
        })
        .collect();

    let mut received: BTreeMap<i64, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for tie in &ties {
        let (trust, value) = received.entry(tie.target_id).or_default();
        trust.extend(tie.trust);
        value.extend(tie.value);
    }
    let percent = |m: f64| m / points.max(1) as f64 * 100.0;
    let scores = received
        .into_iter()
        .map(|(organisation_id, (trust, value))| {
            let raters = ties.iter().filter(|t| t.target_id == organisation_id && (t.trust.is_some() || t.value.is_some())).count();
            // Each figure has its own group: the organisations that gave it.
            let trust = if shown(trust.len(), threshold) { mean(&trust) } else { None };
            let value = if shown(value.len(), threshold) { mean(&value) } else { None };
            PartnerScore { organisation_id, raters, trust, value, trust_percent: trust.map(percent), value_percent: value.map(percent) }
        })
        .collect();
    (scores, ties)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::answers::{parse_page, PartnerRating};
    use crate::survey::builtin::builtin;
    use crate::survey::instrument::{Choice, InstrumentKind, Page, Text};

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    fn q(key: &str, factor: Option<&str>, kind: QuestionKind) -> Question {
        Question { key: key.to_string(), text: Text::new(key, key), factor: factor.map(str::to_string), required: false, kind }
    }

    fn scale(points: usize) -> QuestionKind {
        QuestionKind::Scale { labels: (1..=points).map(|p| Text::new(&p.to_string(), "")).collect() }
    }

    fn options(keys: &[&str]) -> Vec<Choice> {
        keys.iter().map(|k| Choice { key: k.to_string(), label: Text::new(k, k) }).collect()
    }

    /// A small scan: two lenses, one of each other kind of question.
    fn scan() -> Instrument {
        Instrument {
            kind: InstrumentKind::CollaborationScan,
            name: Text::new("Scan", "Scan"),
            intro: Text::default(),
            bands: Bands::default(),
            factors: vec![
                Factor { key: "ambition".to_string(), name: Text::new("Ambitie", "Ambition") },
                Factor { key: "process".to_string(), name: Text::new("Proces", "Process") },
            ],
            pages: vec![Page {
                title: Text::new("Alles", "All"),
                questions: vec![
                    q("a1", Some("ambition"), scale(5)),
                    q("a2", Some("ambition"), scale(5)),
                    q("p1", Some("process"), scale(5)),
                    q("continue", None, QuestionKind::Single { options: options(&["yes", "doubt", "no"]) }),
                    q("topics", None, QuestionKind::Multiple { options: options(&["x", "y", "z"]) }),
                    q("hours", None, QuestionKind::Number { min: None, max: None }),
                    q("remarks", None, QuestionKind::OpenText),
                ],
            }],
        }
    }

    fn respondent(sector: Option<Sector>, steering: bool, answers: &[(&str, AnswerValue)]) -> Respondent {
        Respondent { sector, steering, organisation_id: None, answers: answers.iter().map(|(k, v)| (k.to_string(), v.clone())).collect() }
    }

    fn five() -> Vec<Respondent> {
        use AnswerValue::*;
        let choices = |cs: &[&str]| Choices(cs.iter().map(|c| c.to_string()).collect());
        let text = |t: &str| Text(t.to_string());
        vec![
            respondent(
                Some(Sector::Municipality),
                true,
                &[
                    ("a1", Scale(5)),
                    ("a2", Scale(4)),
                    ("p1", Scale(4)),
                    ("continue", Choice("yes".into())),
                    ("topics", choices(&["x", "y"])),
                    ("hours", Number(4.0)),
                    ("remarks", text("zebra")),
                ],
            ),
            respondent(
                Some(Sector::Municipality),
                false,
                &[
                    ("a1", Scale(4)),
                    ("a2", Scale(4)),
                    ("p1", Scale(2)),
                    ("continue", Choice("yes".into())),
                    ("topics", choices(&["y"])),
                    ("hours", Number(6.0)),
                    ("remarks", text("  ")),
                ],
            ),
            respondent(
                Some(Sector::Municipality),
                false,
                &[("a1", Scale(5)), ("continue", Choice("no".into())), ("topics", choices(&["y", "z"])), ("remarks", text("Appel"))],
            ),
            respondent(
                Some(Sector::Welfare),
                true,
                &[("a1", Scale(2)), ("a2", Scale(3)), ("continue", Choice("doubt".into())), ("remarks", text("banaan"))],
            ),
            respondent(Some(Sector::Welfare), false, &[("a1", Scale(3)), ("a2", Scale(2))]),
        ]
    }

    fn factor<'a>(r: &'a RoundResults, key: &str) -> &'a FactorResult {
        r.factors.iter().find(|f| f.key == key).unwrap_or_else(|| panic!("no factor {key}"))
    }

    fn question<'a>(r: &'a RoundResults, key: &str) -> &'a QuestionResult {
        r.questions.iter().find(|q| q.key == key).unwrap_or_else(|| panic!("no question {key}"))
    }

    #[test]
    fn factor_summary_band_and_groups() {
        let r = compute_results(&scan(), &five(), 3, None);
        assert_eq!((r.respondents, r.threshold), (5, 3));
        let a = factor(&r, "ambition");
        // Scores: R1 (5+4)/2 = 4.5, R2 (4+4)/2 = 4, R3 5 (a2 blank), R4 (2+3)/2 = 2.5, R5 (3+2)/2 = 2.5.
        // Mean 18.5/5 = 3.7. Deviations .8 .3 1.3 -1.2 -1.2 → squares .64+.09+1.69+1.44+1.44 = 5.3;
        // sd = sqrt(5.3/5) = sqrt(1.06). Rounded half up: 5 4 5 3 3 → [0,0,2,1,2]. 3 ≤ 3.7 < 4: attention.
        let Some(s) = &a.summary else { panic!("ambition suppressed") };
        assert_eq!(s.n, 5);
        assert!(close(Some(s.mean), 3.7));
        assert!(close(Some(s.sd), 1.06f64.sqrt()));
        assert_eq!(s.distribution, [0, 0, 2, 1, 2]);
        assert_eq!(a.band, Some(Band::Attention));
        assert_eq!((a.name_nl.as_str(), a.name_en.as_str()), ("Ambitie", "Ambition"));
        // Municipality: 3 respondents, (4.5+4+5)/3 = 4.5; welfare: 2 < 3, hidden.
        assert_eq!(a.by_sector.len(), 2);
        assert_eq!((a.by_sector[0].group.as_str(), a.by_sector[0].respondents), ("municipality", 3));
        assert!(close(a.by_sector[0].mean, 4.5));
        assert_eq!(a.by_sector[1], GroupResult { group: "welfare".into(), respondents: 2, mean: None });
        // Steering R1, R4: 2, hidden; members R2, R3, R5: (4+5+2.5)/3 = 11.5/3.
        assert_eq!(a.by_layer[0], GroupResult { group: "steering".into(), respondents: 2, mean: None });
        assert_eq!((a.by_layer[1].group.as_str(), a.by_layer[1].respondents), ("members", 3));
        assert!(close(a.by_layer[1].mean, 11.5 / 3.0));
        // Only one group shown on each side: no divergence to speak of.
        assert_eq!((a.sector_divergence, a.layer_divergence, a.divergent), (None, None, false));
        assert_eq!((a.previous_mean, a.trend), (None, None));

        // Process: only R1 and R2 answered p1, so the group is 2 although 5 responded.
        let p = factor(&r, "process");
        assert_eq!((&p.summary, p.band), (&None, None));
        assert_eq!(p.by_sector[0], GroupResult { group: "municipality".into(), respondents: 2, mean: None });
        assert_eq!(p.by_sector[1], GroupResult { group: "welfare".into(), respondents: 0, mean: None });
    }

    #[test]
    fn divergence_shows_once_both_groups_are_large_enough() {
        let r = compute_results(&scan(), &five(), 2, None);
        let a = factor(&r, "ambition");
        // Municipality 4.5, welfare (2.5+2.5)/2 = 2.5: 4.5 − 2.5 = 2.0 ≥ 1.0.
        assert!(close(a.by_sector[1].mean, 2.5));
        assert!(close(a.sector_divergence, 2.0));
        // Steering (4.5+2.5)/2 = 3.5, members 11.5/3: 3.5 − 11.5/3 = −1/3.
        assert!(close(a.by_layer[0].mean, 3.5));
        assert!(close(a.layer_divergence, 3.5 - 11.5 / 3.0));
        assert!(a.divergent);
        // Process: p1 4 and 2 → mean 3, attention; each layer has 1 answer, hidden.
        let p = factor(&r, "process");
        assert!(close(p.summary.as_ref().map(|s| s.mean), 3.0));
        assert_eq!(p.band, Some(Band::Attention));
        assert_eq!(p.by_layer.iter().map(|g| g.mean).collect::<Vec<_>>(), [None, None]);
        assert!(!p.divergent);
    }

    #[test]
    fn unknown_sector_is_listed_but_not_compared() {
        let mut rs = five();
        rs.push(respondent(None, false, &[("a1", AnswerValue::Scale(1))]));
        let r = compute_results(&scan(), &rs, 1, None);
        let a = factor(&r, "ambition");
        let groups: Vec<_> = a.by_sector.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(groups, ["municipality", "unknown", "welfare"]);
        // Municipality 4.5 − welfare 2.5; the unknown 1.0 does not widen it.
        assert!(close(a.sector_divergence, 2.0));
    }

    #[test]
    fn question_results() {
        let r = compute_results(&scan(), &five(), 3, None);
        assert_eq!(
            r.questions.iter().map(|q| q.key.as_str()).collect::<Vec<_>>(),
            ["a1", "a2", "p1", "continue", "topics", "hours", "remarks"]
        );
        // a1: 5 4 5 2 3 → 19/5 = 3.8; deviations 1.2 .2 1.2 -1.8 -.8 → 1.44+.04+1.44+3.24+.64 = 6.8; sd sqrt(1.36).
        let a1 = question(&r, "a1");
        let Some(s) = &a1.summary else { panic!("a1 suppressed") };
        assert!(close(Some(s.mean), 3.8) && close(Some(s.sd), 1.36f64.sqrt()));
        assert_eq!(s.distribution, [0, 1, 1, 1, 2]);
        assert_eq!(a1.band, Some(Band::Attention));
        // a2: 4 4 3 2 → 13/4 = 3.25 from 4 respondents.
        assert!(close(question(&r, "a2").summary.as_ref().map(|s| s.mean), 3.25));
        // p1 and hours: 2 answers each, hidden.
        assert_eq!(question(&r, "p1").summary, None);
        assert_eq!(question(&r, "hours").summary, None);
        // continue: yes yes no doubt (R5 blank) = 4 answers.
        let count = |v: &[(&str, usize)]| v.iter().map(|(k, n)| (k.to_string(), *n)).collect::<Vec<_>>();
        assert_eq!(question(&r, "continue").choices, count(&[("yes", 2), ("doubt", 1), ("no", 1)]));
        // topics: [x,y] [y] [y,z] from 3 respondents.
        assert_eq!(question(&r, "topics").choices, count(&[("x", 1), ("y", 3), ("z", 1)]));
        let remarks = question(&r, "remarks");
        assert_eq!((&remarks.summary, remarks.band, remarks.choices.is_empty()), (&None, None, true));

        let r = compute_results(&scan(), &five(), 4, None);
        assert_eq!(question(&r, "continue").choices.len(), 3);
        assert!(question(&r, "topics").choices.is_empty(), "3 answers < 4");

        // hours 4 and 6 with threshold 2: mean 5, sd 1, no distribution for numbers.
        let r = compute_results(&scan(), &five(), 2, None);
        assert_eq!(question(&r, "hours").summary, Some(Summary { n: 2, mean: 5.0, sd: 1.0, distribution: Vec::new() }));
        assert_eq!(question(&r, "hours").band, None);
    }

    #[test]
    fn trend_against_the_previous_round() {
        let current = compute_results(&scan(), &five(), 3, None);
        let mut previous = current.clone();
        let set = |s: &mut Option<Summary>, mean: f64| *s = Some(Summary { n: 5, mean, sd: 0.0, distribution: Vec::new() });
        for f in previous.factors.iter_mut() {
            match f.key.as_str() {
                "ambition" => set(&mut f.summary, 3.6),
                _ => set(&mut f.summary, 2.0),
            }
        }
        for q in previous.questions.iter_mut() {
            match q.key.as_str() {
                "a1" => set(&mut q.summary, 3.9),
                "a2" => set(&mut q.summary, 3.3),
                _ => q.summary = None,
            }
        }
        let r = compute_results(&scan(), &five(), 3, Some(&previous));
        // Ambition 3.7 − 3.6 = +0.1: up.
        let a = factor(&r, "ambition");
        assert_eq!((a.previous_mean, a.trend), (Some(3.6), Some(Trend::Up)));
        // Process hidden now: the previous mean is shown, a trend is not.
        let p = factor(&r, "process");
        assert_eq!((p.previous_mean, p.trend), (Some(2.0), None));
        // a1 3.8 − 3.9 = −0.1: down; a2 3.25 − 3.3 = −0.05: same.
        assert_eq!(question(&r, "a1").trend, Some(Trend::Down));
        assert_eq!(question(&r, "a2").trend, Some(Trend::Same));
        // continue: no mean either round.
        assert_eq!((question(&r, "continue").previous_mean, question(&r, "continue").trend), (None, None));
    }

    #[test]
    fn open_answers_sorted_and_only_above_threshold() {
        let r = compute_results(&scan(), &five(), 3, None);
        let texts: Vec<_> = r.open_answers.iter().map(|a| (a.question_key.as_str(), a.index, a.text.as_str())).collect();
        // The blank of R2 is no answer; case does not decide the order.
        assert_eq!(texts, [("remarks", 0, "Appel"), ("remarks", 1, "banaan"), ("remarks", 2, "zebra")]);
        // 2 respondents < 3: nothing, also not the one answer given.
        assert!(compute_results(&scan(), &five()[..2], 3, None).open_answers.is_empty());
        let three = compute_results(&scan(), &five()[..3], 3, None);
        assert_eq!(three.open_answers.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["Appel", "zebra"]);
    }

    #[test]
    fn bands_scale_with_the_scale() {
        let bands = Bands::default();
        // On 1–4: strength 1 + 3×3/4 = 3.25, attention 1 + 2×3/4 = 2.5, divergence 1×3/4 = 0.75.
        assert_eq!((scaled(4.0, 4), scaled(3.0, 4), divergence_bound(&bands, 4)), (3.25, 2.5, 0.75));
        assert_eq!(band(3.25, &bands, 4), Band::Strength);
        assert_eq!(band(3.2, &bands, 4), Band::Attention);
        assert_eq!(band(2.49, &bands, 4), Band::Concern);
        // On 1–5 they stay as set; on 1–7: strength 1 + 3×6/4 = 5.5.
        assert_eq!(band(4.0, &bands, 5), Band::Strength);
        assert_eq!(band(5.4, &bands, 7), Band::Attention);

        let mut i = scan();
        i.factors.truncate(1);
        i.pages[0].questions = vec![q("s", Some("ambition"), scale(4))];
        let rs: Vec<_> = [3, 3, 4, 3].iter().map(|p| respondent(None, false, &[("s", AnswerValue::Scale(*p))])).collect();
        // (3+3+4+3)/4 = 3.25: attention on 1–5, a strength on 1–4.
        let r = compute_results(&i, &rs, 3, None);
        let a = factor(&r, "ambition");
        assert_eq!(a.summary.as_ref().map(|s| s.distribution.clone()), Some(vec![0, 0, 3, 1]));
        assert_eq!(a.band, Some(Band::Strength));
        assert_eq!(question(&r, "s").band, Some(Band::Strength));
    }

    /// Answers to the built-in relationship survey, read from form pairs
    /// the way the survey pages submit them.
    fn relationship_answers(i: &Instrument, form: &[(&str, &str)]) -> Answers {
        let form: Vec<(String, String)> = form.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let partners = [10, 20, 30, 40];
        let Ok(mut answers) = parse_page(i, 0, &form, &partners, &Answers::new()) else { panic!("page 1") };
        let Ok(ratings) = parse_page(i, 1, &form, &partners, &answers) else { panic!("page 2") };
        answers.extend(ratings);
        answers
    }

    fn rated(org: Option<i64>, answers: Answers) -> Respondent {
        Respondent { sector: None, steering: false, organisation_id: org, answers }
    }

    fn relationship_round() -> (Instrument, Vec<Respondent>) {
        let Some(i) = builtin(InstrumentKind::RelationshipSurvey) else { panic!("no relationship survey") };
        let all = |partner: &str, p: &str| -> Vec<(String, String)> {
            ["reliable", "mission", "open", "influence", "involvement", "resources"]
                .iter()
                .map(|it| (format!("q.ratings.{partner}.{it}"), p.to_string()))
                .collect()
        };
        let form = |pairs: &[(&str, &str)], extra: Vec<(String, String)>| {
            let mut v: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            v.extend(extra);
            v
        };
        let answers = |f: Vec<(String, String)>| {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            relationship_answers(&i, &pairs)
        };
        // Organisation 10, first respondent: rates 20, 30 and (ignored) itself.
        let a = answers(form(
            &[
                ("q.partners", "20"),
                ("q.partners", "30"),
                ("q.partners", "10"),
                ("q.ratings.20.frequency", "monthly"),
                ("q.ratings.20.work", "joint_project"),
                ("q.ratings.20.reliable", "4"),
                ("q.ratings.20.mission", "3"),
                ("q.ratings.20.open", "4"),
                ("q.ratings.20.influence", "2"),
                ("q.ratings.20.involvement", "3"),
                ("q.ratings.20.resources", "4"),
                ("q.ratings.30.frequency", "yearly"),
                ("q.ratings.30.work", "information_exchange"),
                ("q.ratings.30.reliable", "3"),
                ("q.ratings.30.mission", "3"),
                ("q.ratings.30.open", "3"),
                ("q.ratings.30.influence", "3"),
            ],
            all("10", "4"),
        ));
        // Organisation 10, second respondent: rates 20 only.
        let mut b = answers(form(
            &[
                ("q.partners", "20"),
                ("q.ratings.20.frequency", "weekly"),
                ("q.ratings.20.reliable", "2"),
                ("q.ratings.20.mission", "2"),
                ("q.ratings.20.open", "2"),
                ("q.ratings.20.involvement", "4"),
                ("q.ratings.20.resources", "4"),
            ],
            Vec::new(),
        ));
        // A rating left over from a partner picked earlier and since unpicked.
        if let Some(AnswerValue::Ratings(r)) = b.get_mut("ratings") {
            r.push(PartnerRating { partner_id: 40, frequency: None, work: None, scores: [("reliable".to_string(), 1)].into() });
        }
        let c = answers(form(
            &[
                ("q.partners", "30"),
                ("q.partners", "10"),
                ("q.ratings.30.frequency", "daily"),
                ("q.ratings.30.work", "client_referral"),
                ("q.ratings.10.frequency", "quarterly"),
                ("q.ratings.10.reliable", "3"),
                ("q.ratings.10.mission", "4"),
            ],
            all("30", "4"),
        ));
        let d = answers(form(
            &[
                ("q.partners", "20"),
                ("q.partners", "10"),
                ("q.ratings.20.frequency", "monthly"),
                ("q.ratings.20.work", "shared_funding"),
                ("q.ratings.20.reliable", "3"),
                ("q.ratings.20.mission", "3"),
                ("q.ratings.20.open", "4"),
                ("q.ratings.20.influence", "2"),
                ("q.ratings.20.involvement", "2"),
                ("q.ratings.20.resources", "2"),
                ("q.ratings.10.reliable", "2"),
                ("q.ratings.10.mission", "2"),
                ("q.ratings.10.open", "2"),
                ("q.ratings.10.influence", "1"),
                ("q.ratings.10.involvement", "1"),
                ("q.ratings.10.resources", "1"),
            ],
            Vec::new(),
        ));
        // Organisation 40 picks 30 without rating it, and rates itself.
        let mut e_pairs = all("20", "4");
        e_pairs.retain(|(k, _)| !k.ends_with("influence") && !k.ends_with("involvement") && !k.ends_with("resources"));
        e_pairs.extend(["influence", "involvement", "resources"].iter().map(|it| (format!("q.ratings.20.{it}"), "3".to_string())));
        e_pairs.extend(all("40", "1"));
        let e = answers(form(&[("q.partners", "20"), ("q.partners", "40"), ("q.partners", "30")], e_pairs));
        // No organisation known: counts for nothing.
        let f = answers(form(&[("q.partners", "30")], all("30", "1")));
        let respondents =
            vec![rated(Some(10), a), rated(Some(10), b), rated(Some(20), c), rated(Some(30), d), rated(Some(40), e), rated(None, f)];
        (i, respondents)
    }

    #[test]
    fn reported_ties_per_organisation_pair() {
        let (i, rs) = relationship_round();
        let r = compute_results(&i, &rs, 3, None);
        let tie = |s: i64, t: i64, f: Option<usize>, w: Option<&str>, trust: Option<f64>, value: Option<f64>| ReportedTie {
            source_id: s,
            target_id: t,
            frequency: f,
            work: w.map(str::to_string),
            trust,
            value,
        };
        assert_eq!(
            r.ties.iter().map(|t| (t.source_id, t.target_id)).collect::<Vec<_>>(),
            [(10, 20), (10, 30), (20, 10), (20, 30), (30, 10), (30, 20), (40, 20), (40, 30)],
            "no self-ties, none from the respondent without organisation, none for the unpicked partner 40"
        );
        // 10 → 20: respondent A trust (4+3+4)/3 = 11/3, value (2+3+4)/3 = 3; B trust 2, value (4+4)/2 = 4.
        // Averaged: trust (11/3 + 2)/2 = 17/6, value 3.5; frequency max(monthly 3, weekly 4) = 4; work from A.
        let t = &r.ties[0];
        assert_eq!((t.frequency, t.work.as_deref()), (Some(4), Some("joint_project")));
        assert!(close(t.trust, 17.0 / 6.0) && close(t.value, 3.5));
        assert_eq!(r.ties[1], tie(10, 30, Some(1), Some("information_exchange"), Some(3.0), Some(3.0)));
        // 20 → 10: trust (3+4)/2, no value items given.
        assert_eq!(r.ties[2], tie(20, 10, Some(2), None, Some(3.5), None));
        assert_eq!(r.ties[3], tie(20, 30, Some(5), Some("client_referral"), Some(4.0), Some(4.0)));
        assert_eq!(r.ties[4], tie(30, 10, None, None, Some(2.0), Some(1.0)));
        // 30 → 20: trust (3+3+4)/3 = 10/3, value 2.
        assert_eq!((r.ties[5].frequency, r.ties[5].work.as_deref(), r.ties[5].value), (Some(3), Some("shared_funding"), Some(2.0)));
        assert!(close(r.ties[5].trust, 10.0 / 3.0));
        assert_eq!(r.ties[6], tie(40, 20, None, None, Some(4.0), Some(3.0)));
        // Picked but not rated: still a tie, with nothing known about it.
        assert_eq!(r.ties[7], tie(40, 30, None, None, None, None));
    }

    #[test]
    fn partner_scores_from_other_organisations() {
        let (i, rs) = relationship_round();
        let r = compute_results(&i, &rs, 3, None);
        assert_eq!(r.partner_scores.iter().map(|p| (p.organisation_id, p.raters)).collect::<Vec<_>>(), [(10, 2), (20, 3), (30, 2)]);
        // 20, rated by 10, 30 and 40: trust (17/6 + 10/3 + 4)/3 = (17+20+24)/18 = 61/18,
        // value (3.5 + 2 + 3)/3 = 8.5/3; as % of 4: 61/18/4×100 = 84.72…, 8.5/3/4×100 = 70.83….
        let p = &r.partner_scores[1];
        assert!(close(p.trust, 61.0 / 18.0) && close(p.value, 8.5 / 3.0));
        assert!(close(p.trust_percent, 61.0 / 18.0 / 4.0 * 100.0) && close(p.value_percent, 8.5 / 3.0 / 4.0 * 100.0));
        // 10 and 30 have 2 raters < 3: hidden. 10's own 4s and 40's own 1s count nowhere.
        for p in [&r.partner_scores[0], &r.partner_scores[2]] {
            assert_eq!((p.trust, p.value, p.trust_percent, p.value_percent), (None, None, None, None));
        }

        let r = compute_results(&i, &rs, 2, None);
        // 10: trust (3.5 + 2)/2 = 2.75 → 68.75%; value only from 30, one organisation < 2: hidden.
        let p = &r.partner_scores[0];
        assert_eq!((p.trust, p.trust_percent, p.value, p.value_percent), (Some(2.75), Some(68.75), None, None));
        // 30: trust (3 + 4)/2 = 3.5, value (3 + 4)/2 = 3.5 → 87.5%; 40 picked it without rating: no rater.
        let p = &r.partner_scores[2];
        assert_eq!((p.raters, p.trust, p.value, p.value_percent), (2, Some(3.5), Some(3.5), Some(87.5)));
        // Ties are organisation facts for the map: never hidden.
        assert_eq!(compute_results(&i, &rs, 10, None).ties, r.ties);
    }

    #[test]
    fn no_ratings_question_no_partner_results() {
        let r = compute_results(&scan(), &five(), 1, None);
        assert!(r.partner_scores.is_empty() && r.ties.is_empty());
    }
}
