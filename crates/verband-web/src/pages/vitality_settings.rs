//! The network's vitality settings: the window and, per signal, the levels
//! below which it asks for attention or raises an alarm.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use maud::{html, Markup};
use verband_domain::vitality::{SignalKind, VitalitySettings, WindowBy};
use verband_domain::ValidationErrors;
use verband_service::ServiceError;

use crate::error::WebError;
use crate::forms::{code_options, Fields, Opts};
use crate::layout::{flash, page, PageMeta};
use crate::pages::{nav, DoneQuery};
use crate::visitor::Visitor;
use crate::AppState;

/// Shares are typed as percentages; counts as whole numbers.
fn is_share(kind: SignalKind) -> bool {
    !matches!(kind, SignalKind::AgendaContributors | SignalKind::Stories)
}

fn shown(kind: SignalKind, x: f64) -> String {
    if is_share(kind) {
        format!("{}", (x * 100.0).round())
    } else {
        format!("{}", x.round())
    }
}

fn settings_to_fields(s: &VitalitySettings) -> HashMap<String, String> {
    let mut m = HashMap::new();
    m.insert("windowBy".into(), s.window_by.code().to_string());
    m.insert("windowMeetings".into(), s.window_meetings.to_string());
    m.insert("windowDays".into(), s.window_days.to_string());
    for k in SignalKind::ALL {
        let t = s.thresholds.get(*k);
        m.insert(format!("watch-{}", k.code()), shown(*k, t.watch));
        m.insert(format!("alarm-{}", k.code()), t.alarm.map(|a| shown(*k, a)).unwrap_or_default());
    }
    m
}

/// Applies the typed fields to the current settings; every problem at once.
fn fields_to_settings(current: &VitalitySettings, f: &HashMap<String, String>) -> Result<VitalitySettings, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let mut s = current.clone();
    let get = |k: &str| f.get(k).map(|v| v.trim().replace(',', ".")).unwrap_or_default();
    match WindowBy::parse(&get("windowBy")) {
        Some(w) => s.window_by = w,
        None => e.add("windowBy", "choice-invalid"),
    }
    match get("windowMeetings").parse::<usize>() {
        Ok(n) => s.window_meetings = n,
        Err(_) => e.add("windowMeetings", "number-invalid"),
    }
    match get("windowDays").parse::<u32>() {
        Ok(n) => s.window_days = n,
        Err(_) => e.add("windowDays", "number-invalid"),
    }
    for k in SignalKind::ALL {
        let scale = if is_share(*k) { 100.0 } else { 1.0 };
        let watch_field = format!("watch-{}", k.code());
        match get(&watch_field).parse::<f64>() {
            Ok(x) if x.is_finite() => s.thresholds.get_mut(*k).watch = x / scale,
            _ => e.add(&watch_field, "number-invalid"),
        }
        let alarm_field = format!("alarm-{}", k.code());
        let raw = get(&alarm_field);
        if raw.is_empty() {
            s.thresholds.get_mut(*k).alarm = None;
        } else {
            match raw.parse::<f64>() {
                Ok(x) if x.is_finite() => s.thresholds.get_mut(*k).alarm = Some(x / scale),
                _ => e.add(&alarm_field, "number-invalid"),
            }
        }
    }
    e.finish(s)
}

async fn settings_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    typed: Option<&HashMap<String, String>>,
    errors: &ValidationErrors,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    if !role.may_edit_records() {
        return Err(WebError::Forbidden);
    }
    let current = state.service.vitality_settings(&actor, network_id).await?;
    let fields = match typed {
        Some(t) => t.clone(),
        None => settings_to_fields(&current),
    };
    let val = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let windows = code_options(v, WindowBy::ALL, WindowBy::code, WindowBy::label_key);
    let f = Fields::new(v, errors);
    let title = v.t("vitality-settings-title");
    let labels: Vec<(String, String)> = SignalKind::ALL
        .iter()
        .flat_map(|k| [(format!("watch-{}", k.code()), k.label_key()), (format!("alarm-{}", k.code()), k.label_key())])
        .chain([
            ("windowBy".to_string(), "vitality-window".to_string()),
            ("windowMeetings".into(), "vitality-window-meetings-count".into()),
            ("windowDays".into(), "vitality-window-days-count".into()),
        ])
        .collect();
    let label_refs: Vec<(&str, &str)> = labels.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let body = html! {
        p class="breadcrumb" { a href={ "/netwerken/" (network_id) } { (network.name) } }
        h1 { (title) }
        (flash(v, done))
        p class="lead" { (v.t("vitality-settings-intro")) }
        (f.summary(&label_refs))
        form method="post" action={ "/netwerken/" (network_id) "/vitaliteit" } class="stack" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            (f.select("windowBy", "vitality-window", &val("windowBy"), &windows, Opts::required()))
            (f.text("windowMeetings", "vitality-window-meetings-count", &val("windowMeetings"), Opts { inputmode: Some("numeric"), ..Opts::required() }))
            (f.text("windowDays", "vitality-window-days-count", &val("windowDays"), Opts { inputmode: Some("numeric"), ..Opts::required() }))
            table class="data" {
                caption { (v.t("vitality-thresholds")) }
                thead { tr {
                    th scope="col" { (v.t("vitality-signal")) }
                    th scope="col" { (v.t("vitality-watch-below")) }
                    th scope="col" { (v.t("vitality-alarm-below")) }
                } }
                tbody {
                    @for k in SignalKind::ALL {
                        @let unit = if is_share(*k) { "%" } else { "" };
                        tr {
                            th scope="row" id={ "sig-" (k.code()) } { (v.t(&k.label_key())) }
                            @for which in ["watch", "alarm"] {
                                @let name = format!("{which}-{}", k.code());
                                @let invalid = errors.for_field(&name).is_some();
                                td class={ @if invalid { "has-error" } } {
                                    label for={ "f-" (name) } class="visually-hidden" { (v.t(&k.label_key())) ": " (v.t(&format!("vitality-{which}-below"))) }
                                    input id={ "f-" (name) } name=(name) type="text" inputmode="decimal" size="5" value=(val(&name)) aria-invalid=[invalid.then_some("true")];
                                    " " (unit)
                                }
                            }
                        }
                    }
                }
            }
            div class="form-actions" {
                button type="submit" class="button primary" { (v.t("save")) }
                a href={ "/netwerken/" (network_id) } { (v.t("cancel")) }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "dashboard"), body))
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Markup, WebError> {
    settings_page(&state, &v, network_id, None, &ValidationErrors::default(), q.done.as_deref()).await
}

pub async fn save(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let typed: HashMap<String, String> = pairs.into_iter().collect();
    let actor = v.actor()?;
    let current = state.service.vitality_settings(&actor, network_id).await?;
    let result = match fields_to_settings(&current, &typed) {
        Ok(settings) => state.service.set_vitality_settings(&actor, network_id, &settings).await,
        Err(e) => Err(ServiceError::Invalid(e)),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/netwerken/{network_id}/vitaliteit?done=saved")).into_response()),
        Err(ServiceError::Invalid(e)) => {
            let e = ValidationErrors(
                e.0.into_iter().map(|f| verband_domain::FieldError { field: form_field(&f.field), code: f.code }).collect(),
            );
            Ok((StatusCode::BAD_REQUEST, settings_page(&state, &v, network_id, Some(&typed), &e, None).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The settings check names fields as `thresholds.agendaShare.alarm`; the
/// form calls that field `alarm-agenda_share`.
fn form_field(field: &str) -> String {
    let parts: Vec<&str> = field.split('.').collect();
    if let ["thresholds", signal, which] = parts.as_slice() {
        let code = SignalKind::ALL.iter().map(|k| k.code()).find(|c| c.replace('_', "") == signal.to_lowercase()).unwrap_or(signal);
        let which = if *which == "alarm" { "alarm" } else { "watch" };
        return format!("{which}-{code}");
    }
    field.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_settings_round_trip_and_errors_name_the_form_fields() {
        let defaults = VitalitySettings::default();
        let fields = settings_to_fields(&defaults);
        assert_eq!(fields["watch-attendance"], "70");
        let back = fields_to_settings(&defaults, &fields).unwrap();
        assert!((back.thresholds.attendance.watch - 0.70).abs() < 1e-9);
        let mut bad = fields.clone();
        bad.insert("alarm-agenda_share".into(), "veel".into());
        let e = fields_to_settings(&defaults, &bad).unwrap_err();
        assert_eq!(e.0[0].field, "alarm-agenda_share");
        assert_eq!(form_field("thresholds.agendaShare.alarm"), "alarm-agenda_share");
        assert_eq!(form_field("windowDays"), "windowDays");
    }
}
