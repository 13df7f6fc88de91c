//! Survey rounds and their results through the API. Everyone with a role in
//! the network reads them, as on the results page; nothing here is per
//! person. A figure for a group of fewer respondents than the round's
//! anonymity threshold is `null` with `tooFewAnswers: true`, exactly where
//! the results page and its CSV say "too few answers"; a group's number of
//! respondents is given as the page and the CSV give it.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use verband_domain::survey::results::{FactorResult, GroupResult, OpenAnswer, PartnerScore, QuestionResult};
use verband_domain::survey::{Band, Instrument, InstrumentKind, QuestionKind, Summary, Trend};
use verband_domain::Language;
use verband_service::surveys::{answer_hash, SurveyResults, SurveyRound};

use super::extract::{ApiActor, ApiPath};
use super::problem::{ApiError, Problem};
use crate::AppState;

/// Whether a round still takes answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyRoundStatus {
    /// Respondents can answer until the end of the deadline day.
    Open,
    /// The deadline has passed; the round has not been closed yet.
    PastDeadline,
    /// A coordinator closed the round.
    Closed,
}

/// How a mean moved against the previous round: by at least 0.1 up or down, or the same.
/// (Its own name in the document: the vitality signals have a `Trend` too.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyTrend {
    Up,
    Down,
    Same,
}

impl From<Trend> for SurveyTrend {
    fn from(t: Trend) -> Self {
        match t {
            Trend::Up => SurveyTrend::Up,
            Trend::Down => SurveyTrend::Down,
            Trend::Same => SurveyTrend::Same,
        }
    }
}

/// A survey round with its response counts. Who was invited or answered is never given.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyRoundView {
    pub id: i64,
    pub network_id: i64,
    pub label: String,
    pub instrument_id: i64,
    /// The instrument's name in Dutch, as the version used by this round has it.
    pub instrument_name: String,
    /// The instrument's name in English (the Dutch name when it has none).
    pub instrument_name_en: String,
    /// The version of the instrument this round asks; results always belong to it.
    pub instrument_version: i64,
    pub instrument_kind: InstrumentKind,
    /// The last day answers are taken.
    #[schema(value_type = String, format = Date)]
    pub deadline: NaiveDate,
    /// Reminders go to those who have not finished every this many days; null: no reminders.
    pub reminder_days: Option<i64>,
    /// The anonymity threshold: no figure is given for a group of fewer respondents.
    pub threshold: i64,
    pub invited: i64,
    /// Respondents who saved at least one page.
    pub started: i64,
    /// Respondents who answered every page; only they count in the results.
    pub finished: i64,
    /// `finished / invited` as a fraction (0.8 for 80%); null when nobody was invited.
    pub response_rate: Option<f64>,
    pub status: SurveyRoundStatus,
    /// The relationship round a closed relationship survey wrote its reported ties to (see `/relationship-rounds`).
    pub relationship_round_id: Option<i64>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyRoundList {
    /// Newest round first.
    pub items: Vec<SurveyRoundView>,
}

/// The round compared with for the trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviousSurveyRound {
    pub id: i64,
    pub label: String,
}

/// A group's mean (a sector, or the steering group and the members).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyGroupView {
    /// A sector code, `unknown` (no sector known), `steering` or `members`.
    pub group: String,
    /// Respondents in the group who gave a score (shown also when the mean is not).
    pub respondents: usize,
    /// Null when `tooFewAnswers`.
    pub mean: Option<f64>,
    /// The group has fewer respondents than the threshold: no mean is given.
    pub too_few_answers: bool,
}

/// A factor (lens, condition): the mean of each respondent's mean over its statements.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyFactorView {
    pub key: String,
    pub name_nl: String,
    pub name_en: String,
    /// Fewer respondents than the threshold scored this factor: every figure below is null.
    pub too_few_answers: bool,
    /// Respondents who scored the factor; null when `tooFewAnswers`.
    pub respondents: Option<usize>,
    pub mean: Option<f64>,
    /// Standard deviation (population).
    pub sd: Option<f64>,
    /// `distribution[i]`: respondents whose score rounds to point i + 1 of the scale.
    pub distribution: Option<Vec<usize>>,
    pub band: Option<Band>,
    pub by_sector: Vec<SurveyGroupView>,
    /// The steering group and the members, in that order.
    pub by_layer: Vec<SurveyGroupView>,
    /// The largest difference between two sector means that are given; null with fewer than two.
    pub sector_divergence: Option<f64>,
    /// Steering group mean minus members' mean, when both are given.
    pub layer_divergence: Option<f64>,
    /// A divergence is at least the instrument's bound: a disagreement worth discussing.
    pub divergent: bool,
    /// The factor's mean in the previous round of the same instrument, when that was given.
    pub previous_mean: Option<f64>,
    pub trend: Option<SurveyTrend>,
}

/// How many picked an option of a choice question.
#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyChoiceCount {
    pub option: String,
    pub count: usize,
}

/// One question's figures. Open text, partner and partner-rating questions
/// have none here: see `openAnswers` and `partnerScores`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyQuestionView {
    pub key: String,
    /// `scale`, `single`, `multiple`, `number`, `open_text`, `partners` or `partner_ratings`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The factor a scale statement counts towards.
    pub factor: Option<String>,
    pub text_nl: String,
    pub text_en: String,
    /// Fewer respondents than the threshold answered: no figures are given.
    /// Always false for questions without figures.
    pub too_few_answers: bool,
    /// Scale and number questions: respondents who answered; null when `tooFewAnswers`.
    pub respondents: Option<usize>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    /// Scale questions: `distribution[i]` answered point i + 1.
    pub distribution: Option<Vec<usize>>,
    pub band: Option<Band>,
    /// Choice questions: the count per option, in the instrument's order.
    pub choices: Option<Vec<SurveyChoiceCount>>,
    pub previous_mean: Option<f64>,
    pub trend: Option<SurveyTrend>,
}

/// A partner's trust or value score.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyScoreView {
    /// The mean rating on the survey's scale (1–4 in the built-in survey); null when `tooFewAnswers`.
    pub mean: Option<f64>,
    /// `mean` as a percentage of the scale's maximum.
    pub percent: Option<f64>,
    /// Fewer organisations than the threshold rated this: no score is given.
    pub too_few_answers: bool,
}

/// Trust and value one partner received from the other organisations (relationship survey).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyPartnerScoreView {
    pub organisation_id: i64,
    pub organisation_name: Option<String>,
    /// Organisations that rated this partner (its own ratings do not count).
    pub raters: usize,
    pub trust: SurveyScoreView,
    pub value: SurveyScoreView,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyOpenAnswerView {
    pub question_key: String,
    /// Position among this question's answers, which are sorted by text so that the order says nothing about who wrote them.
    pub index: usize,
    pub text: String,
    /// The theme a coordinator gave the answer.
    pub theme: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyOpenAnswersView {
    /// Fewer respondents than the threshold finished: no open answer is given.
    pub too_few_answers: bool,
    pub items: Vec<SurveyOpenAnswerView>,
}

/// A round's results: only finished responses count, and no figure is
/// given for a group below the threshold.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SurveyResultsView {
    pub round: SurveyRoundView,
    /// The round of the same instrument started before this one, which `previousMean` and `trend` compare with.
    pub previous_round: Option<PreviousSurveyRound>,
    /// Respondents who finished.
    pub respondents: usize,
    pub threshold: usize,
    pub factors: Vec<SurveyFactorView>,
    pub questions: Vec<SurveyQuestionView>,
    /// Relationship survey only. The ties it reports go to the network map when the round is closed.
    pub partner_scores: Vec<SurveyPartnerScoreView>,
    pub open_answers: SurveyOpenAnswersView,
}

fn status(round: &SurveyRound, today: NaiveDate) -> SurveyRoundStatus {
    if round.closed {
        SurveyRoundStatus::Closed
    } else if today > round.deadline {
        SurveyRoundStatus::PastDeadline
    } else {
        SurveyRoundStatus::Open
    }
}

/// A round as the API gives it; `instrument` is the version the round asks.
fn round_view(round: SurveyRound, instrument: &Instrument) -> SurveyRoundView {
    SurveyRoundView {
        status: status(&round, chrono::Utc::now().date_naive()),
        response_rate: (round.invited > 0).then(|| round.finished as f64 / round.invited as f64),
        id: round.id,
        network_id: round.network_id,
        label: round.label,
        instrument_id: round.instrument_id,
        instrument_name: instrument.name.nl.clone(),
        instrument_name_en: instrument.name.get(Language::En).to_string(),
        instrument_version: round.version,
        instrument_kind: instrument.kind,
        deadline: round.deadline,
        reminder_days: round.reminder_days,
        threshold: round.threshold,
        invited: round.invited,
        started: round.started,
        finished: round.finished,
        relationship_round_id: round.relationship_round_id,
        created_at: round.created_at,
    }
}

fn group_view(g: GroupResult) -> SurveyGroupView {
    SurveyGroupView { too_few_answers: g.mean.is_none(), group: g.group, respondents: g.respondents, mean: g.mean }
}

fn factor_view(f: FactorResult) -> SurveyFactorView {
    let summary = f.summary;
    SurveyFactorView {
        too_few_answers: summary.is_none(),
        respondents: summary.as_ref().map(|s| s.n),
        mean: summary.as_ref().map(|s| s.mean),
        sd: summary.as_ref().map(|s| s.sd),
        distribution: summary.map(|s| s.distribution),
        key: f.key,
        name_nl: f.name_nl,
        name_en: f.name_en,
        band: f.band,
        by_sector: f.by_sector.into_iter().map(group_view).collect(),
        by_layer: f.by_layer.into_iter().map(group_view).collect(),
        sector_divergence: f.sector_divergence,
        layer_divergence: f.layer_divergence,
        divergent: f.divergent,
        previous_mean: f.previous_mean,
        trend: f.trend.map(SurveyTrend::from),
    }
}

fn question_view(instrument: &Instrument, q: QuestionResult) -> SurveyQuestionView {
    let question = instrument.question(&q.key);
    let kind = question.map(|x| &x.kind);
    // The domain leaves a figure out in two cases: the question has none by
    // its kind, or too few answered. Only the second is "too few answers".
    let too_few_answers = match kind {
        Some(QuestionKind::Scale { .. } | QuestionKind::Number { .. }) => q.summary.is_none(),
        Some(QuestionKind::Single { .. } | QuestionKind::Multiple { .. }) => q.choices.is_empty(),
        _ => false,
    };
    let is_choice = matches!(kind, Some(QuestionKind::Single { .. } | QuestionKind::Multiple { .. }));
    let summary: Option<Summary> = q.summary;
    SurveyQuestionView {
        kind: kind.map(QuestionKind::code).unwrap_or_default().to_string(),
        factor: question.and_then(|x| x.factor.clone()),
        text_nl: question.map(|x| x.text.nl.clone()).unwrap_or_default(),
        text_en: question.map(|x| x.text.get(Language::En).to_string()).unwrap_or_default(),
        too_few_answers,
        respondents: summary.as_ref().map(|s| s.n),
        mean: summary.as_ref().map(|s| s.mean),
        sd: summary.as_ref().map(|s| s.sd),
        distribution: summary.map(|s| s.distribution).filter(|d| !d.is_empty()),
        band: q.band,
        choices: (is_choice && !too_few_answers)
            .then(|| q.choices.into_iter().map(|(option, count)| SurveyChoiceCount { option, count }).collect()),
        key: q.key,
        previous_mean: q.previous_mean,
        trend: q.trend.map(SurveyTrend::from),
    }
}

fn score(mean: Option<f64>, percent: Option<f64>) -> SurveyScoreView {
    SurveyScoreView { too_few_answers: mean.is_none(), mean, percent }
}

fn partner_view(p: PartnerScore, names: &HashMap<i64, String>) -> SurveyPartnerScoreView {
    SurveyPartnerScoreView {
        organisation_id: p.organisation_id,
        organisation_name: names.get(&p.organisation_id).cloned(),
        raters: p.raters,
        trust: score(p.trust, p.trust_percent),
        value: score(p.value, p.value_percent),
    }
}

fn open_answer_view(a: OpenAnswer, themes: &HashMap<(String, String), String>) -> SurveyOpenAnswerView {
    let theme = themes.get(&(a.question_key.clone(), answer_hash(&a.text))).filter(|t| !t.is_empty()).cloned();
    SurveyOpenAnswerView { question_key: a.question_key, index: a.index, text: a.text, theme }
}

fn results_view(r: SurveyResults) -> SurveyResultsView {
    let SurveyResults { round, instrument, results, previous, themes, partner_names } = r;
    SurveyResultsView {
        round: round_view(round, &instrument),
        previous_round: previous.map(|p| PreviousSurveyRound { id: p.id, label: p.label }),
        respondents: results.respondents,
        threshold: results.threshold,
        factors: results.factors.into_iter().map(factor_view).collect(),
        questions: results.questions.into_iter().map(|q| question_view(&instrument, q)).collect(),
        partner_scores: results.partner_scores.into_iter().map(|p| partner_view(p, &partner_names)).collect(),
        // The same rule as the results page: below the threshold, no open answer at all.
        open_answers: SurveyOpenAnswersView {
            too_few_answers: results.respondents < results.threshold,
            items: results.open_answers.into_iter().map(|a| open_answer_view(a, &themes)).collect(),
        },
    }
}

/// The network's survey rounds with their response counts, newest first.
#[utoipa::path(
    get, path = "/networks/{networkId}/survey-rounds", tag = "surveys", operation_id = "listSurveyRounds",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The rounds", body = SurveyRoundList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_rounds(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let rounds = state.service.surveys_overview(&actor, network_id).await?.rounds;
    // The list does not carry the instrument's kind and English name; they come
    // with a round's version definition, which rounds share, so each is read once.
    let mut versions: HashMap<i64, Instrument> = HashMap::new();
    let mut items = Vec::with_capacity(rounds.len());
    for round in rounds {
        if let Entry::Vacant(slot) = versions.entry(round.version_id) {
            slot.insert(state.service.survey_round(&actor, network_id, round.id).await?.instrument);
        }
        let Some(instrument) = versions.get(&round.version_id) else { continue };
        items.push(round_view(round, instrument));
    }
    Ok(Json(SurveyRoundList { items }).into_response())
}

/// One survey round with its response counts.
#[utoipa::path(
    get, path = "/networks/{networkId}/survey-rounds/{roundId}", tag = "surveys", operation_id = "getSurveyRound",
    params(("networkId" = i64, Path, description = "Id of the network"), ("roundId" = i64, Path, description = "Id of the survey round")),
    responses(
        (status = 200, description = "The round", body = SurveyRoundView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_round(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, round_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let detail = state.service.survey_round(&actor, network_id, round_id).await?;
    Ok(Json(round_view(detail.round, &detail.instrument)).into_response())
}

/// A round's results, as the results page shows them: per factor and per
/// question, by sector and by layer, the trend, partner scores and open
/// answers. Where a group has fewer respondents than the round's threshold,
/// its figures are null and `tooFewAnswers` is true.
#[utoipa::path(
    get, path = "/networks/{networkId}/survey-rounds/{roundId}/results", tag = "surveys", operation_id = "getSurveyResults",
    params(("networkId" = i64, Path, description = "Id of the network"), ("roundId" = i64, Path, description = "Id of the survey round")),
    responses(
        (status = 200, description = "The results", body = SurveyResultsView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_results(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, round_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let results = state.service.survey_results(&actor, network_id, round_id).await?;
    Ok(Json(results_view(results)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use verband_domain::survey::builtin::builtin;
    use verband_domain::survey::results::QuestionResult;

    fn question(key: &str) -> QuestionResult {
        QuestionResult { key: key.into(), summary: None, band: None, choices: Vec::new(), previous_mean: None, trend: None }
    }

    #[test]
    fn only_questions_with_figures_can_have_too_few_answers() {
        let Some(scan) = builtin(InstrumentKind::CollaborationScan) else { panic!("no collaboration scan") };
        let open = scan.questions().find(|q| q.kind == QuestionKind::OpenText).map(|q| q.key.clone()).unwrap_or_default();
        let scale = scan.questions().find(|q| matches!(q.kind, QuestionKind::Scale { .. })).map(|q| q.key.clone()).unwrap_or_default();
        let o = question_view(&scan, question(&open));
        assert_eq!((o.kind.as_str(), o.too_few_answers, o.choices.is_none()), ("open_text", false, true));
        let s = question_view(&scan, question(&scale));
        assert_eq!((s.kind.as_str(), s.too_few_answers, s.mean, s.distribution), ("scale", true, None, None));
        assert!(s.factor.is_some());
    }

    #[test]
    fn a_group_without_a_mean_says_so() {
        let g = group_view(GroupResult { group: "welfare".into(), respondents: 2, mean: None });
        let json = serde_json::to_value(&g).unwrap_or_default();
        assert_eq!(json, serde_json::json!({"group": "welfare", "respondents": 2, "mean": null, "tooFewAnswers": true}));
    }
}
