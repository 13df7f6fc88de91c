//! `/networks/{networkId}/vitality`: the energy of the network — today's
//! signals and composite index, their history, and the settings they use.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Serialize;
use utoipa::ToSchema;
use verband_domain::vitality::{ArgValue, Composite, HistoryPoint, Message, Signal, SignalKind, VitalitySettings};
use verband_domain::Language;

use super::extract::{ApiActor, ApiPath, ApiTypedJson};
use super::problem::{ApiError, Problem};
use crate::i18n::{translate, translate_named};
use crate::AppState;

/// The vitality panel as of today.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VitalityView {
    /// The day the report is computed for (today).
    #[schema(value_type = String, format = Date)]
    pub as_of: chrono::NaiveDate,
    /// The composite index (0–100), always to be shown beside its parts.
    pub composite: CompositeView,
    /// Every signal, in a fixed order; signals without data have status `not_enough_data`.
    pub signals: Vec<SignalView>,
    /// The index and the signal values at each meeting date, oldest first.
    pub history: Vec<HistoryPoint>,
    /// The signals that `history[].values` and `history[].statuses` hold, in that order.
    pub history_signals: Vec<SignalKind>,
    pub settings: VitalitySettings,
}

/// A signal with its explanation written out.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignalView {
    #[serde(flatten)]
    pub signal: Signal,
    /// `explanation` as an English sentence.
    pub explanation_text: String,
}

/// The composite index with its explanation written out.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompositeView {
    #[serde(flatten)]
    pub composite: Composite,
    /// `explanation` as an English sentence.
    pub explanation_text: String,
}

/// A domain message as an English sentence, like the API's other texts.
fn sentence(message: &Message) -> String {
    let lang = Language::En;
    let args = message
        .args
        .iter()
        .map(|a| {
            let value = match &a.value {
                ArgValue::Number(n) => FluentValue::from(*n),
                ArgValue::Text(t) => FluentValue::from(t.clone()),
                ArgValue::Label(key) => FluentValue::from(translate(lang, key)),
            };
            (a.name.clone(), value)
        })
        .collect();
    translate_named(lang, &message.key, args)
}

/// The network's vitality signals, composite index, history and settings.
#[utoipa::path(
    get, path = "/networks/{networkId}/vitality", tag = "vitality", operation_id = "getVitality",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The vitality panel", body = VitalityView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_vitality(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let panel = state.service.vitality(&actor, network_id).await?;
    let report = panel.report;
    let view = VitalityView {
        as_of: report.as_of,
        composite: CompositeView { explanation_text: sentence(&report.composite.explanation), composite: report.composite },
        signals: report.signals.into_iter().map(|s| SignalView { explanation_text: sentence(&s.explanation), signal: s }).collect(),
        history: panel.history,
        history_signals: SignalKind::ALL.to_vec(),
        settings: panel.settings,
    };
    Ok(Json(view).into_response())
}

/// The settings the signals are computed with (windows, thresholds, weights).
#[utoipa::path(
    get, path = "/networks/{networkId}/vitality/settings", tag = "vitality", operation_id = "getVitalitySettings",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "The settings", body = VitalitySettings),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_settings(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.vitality_settings(&actor, network_id).await?).into_response())
}

/// Replaces the settings (coordinators only). Fields left out take their
/// defaults, so `{}` restores the default settings. Shares are fractions
/// (0.7 for 70%).
#[utoipa::path(
    put, path = "/networks/{networkId}/vitality/settings", tag = "vitality", operation_id = "updateVitalitySettings",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = VitalitySettings,
    responses(
        (status = 200, description = "The settings as stored", body = VitalitySettings),
        (status = 400, description = "Invalid settings; every invalid field is listed (nested fields as `thresholds.attendance.watch`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_settings(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    ApiTypedJson(settings): ApiTypedJson<VitalitySettings>,
) -> Result<Response, ApiError> {
    state.service.set_vitality_settings(&actor, network_id, &settings).await?;
    Ok(Json(state.service.vitality_settings(&actor, network_id).await?).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanations_are_written_out() {
        let m = Message::new("vitality-not-enough-meetings").num("count", 2);
        assert_eq!(sentence(&m), "There are not yet 2 meetings with recorded attendance.");
    }
}
