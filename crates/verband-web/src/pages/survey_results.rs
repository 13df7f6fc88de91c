//! A round's results: per factor (lens) the mean, spread, distribution and
//! band, the divergence between sectors and between steering group and
//! members, the trend against the previous round, the open answers with
//! their themes, and the relationship survey's trust and value per partner.
//! A figure for a group below the anonymity threshold reads "too few answers".

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Form;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::survey::results::{FactorResult, GroupResult};
use verband_domain::survey::{Band, QuestionKind, Summary, Trend};
use verband_domain::Sector;
use verband_service::surveys::{answer_hash, SurveyResults};

use crate::error::WebError;
use crate::layout::{page, PageMeta};
use crate::pages::map::decimal;
use crate::pages::nav;
use crate::pages::surveys::{base, response_rate};
use crate::visitor::Visitor;
use crate::AppState;

pub(crate) fn too_few(v: &Visitor) -> Markup {
    html! { span class="too-few" { (v.t("survey-too-few")) } }
}

fn mean(v: &Visitor, m: Option<f64>) -> Markup {
    match m {
        Some(m) => html! { (decimal(v, m, 1)) },
        None => too_few(v),
    }
}

fn band_code(b: Band) -> &'static str {
    match b {
        Band::Strength => "strength",
        Band::Attention => "attention",
        Band::Concern => "concern",
    }
}

fn band(v: &Visitor, b: Option<Band>) -> Markup {
    match b {
        Some(b) => {
            let code = band_code(b);
            html! { span class={ "band band-" (code) } { (v.t(&format!("survey-band-{code}"))) } }
        }
        None => html! {},
    }
}

fn trend(v: &Visitor, t: Option<Trend>, previous: Option<f64>) -> Markup {
    let Some(p) = previous else { return html! { span class="muted" { "—" } } };
    let (arrow, key) = match t {
        Some(Trend::Up) => ("↑", "survey-trend-up"),
        Some(Trend::Down) => ("↓", "survey-trend-down"),
        _ => ("→", "survey-trend-same"),
    };
    html! {
        span class="trend" { span aria-hidden="true" { (arrow) } " " (v.t(key)) } " "
        span class="muted" { (v.ta("survey-trend-previous", &[("value", FluentValue::from(decimal(v, p, 1)))])) }
    }
}

fn distribution(v: &Visitor, s: &Summary) -> String {
    s.distribution.iter().enumerate().map(|(i, n)| format!("{}: {n}", i + 1)).collect::<Vec<_>>().join(" · ")
        + &format!(" ({})", v.t("survey-distribution-points"))
}

fn group_name(v: &Visitor, g: &GroupResult) -> String {
    match g.group.as_str() {
        "steering" => v.t("survey-group-steering"),
        "members" => v.t("survey-group-members"),
        "unknown" => v.t("survey-group-unknown"),
        code => Sector::parse(code).map(|s| v.t(&s.label_key())).unwrap_or_else(|| code.to_string()),
    }
}

fn factor_name(v: &Visitor, f: &FactorResult) -> String {
    match v.lang {
        verband_domain::Language::En if !f.name_en.is_empty() => f.name_en.clone(),
        _ => f.name_nl.clone(),
    }
}

fn factors_table(v: &Visitor, r: &SurveyResults) -> Markup {
    html! {
        div class="table-scroll" tabindex="0" role="region" aria-labelledby="factor-results-caption" {
            table class="data" id="factor-results" {
                caption id="factor-results-caption" { (v.t("survey-factors-caption")) }
                thead { tr {
                    th scope="col" { (v.t("survey-col-factor")) }
                    th scope="col" class="num" { (v.t("survey-col-mean")) }
                    th scope="col" class="num" { (v.t("survey-col-spread")) }
                    th scope="col" { (v.t("survey-col-band")) }
                    th scope="col" { (v.t("survey-col-distribution")) }
                    th scope="col" { (v.t("survey-col-trend")) }
                } }
                tbody {
                    @for f in &r.results.factors {
                        tr {
                            th scope="row" { (factor_name(v, f)) }
                            td class="num" { (mean(v, f.summary.as_ref().map(|s| s.mean))) }
                            td class="num" { @if let Some(s) = &f.summary { (decimal(v, s.sd, 2)) } }
                            td { (band(v, f.band)) }
                            td { @if let Some(s) = &f.summary { (distribution(v, s)) } @else { (too_few(v)) } }
                            td { (trend(v, f.trend, f.previous_mean)) }
                        }
                    }
                }
            }
        }
    }
}

fn divergence_table(v: &Visitor, r: &SurveyResults, layer: bool) -> Markup {
    let groups: Vec<String> = match r.results.factors.first() {
        Some(f) => (if layer { &f.by_layer } else { &f.by_sector }).iter().map(|g| g.group.clone()).collect(),
        None => Vec::new(),
    };
    let (id, caption) = if layer { ("layer-divergence", "survey-layer-caption") } else { ("sector-divergence", "survey-sector-caption") };
    html! {
        // Focusable, so a table wider than the screen (many sectors) scrolls by keyboard too.
        div class="table-scroll" tabindex="0" role="region" aria-labelledby={ (id) "-caption" } {
            table class="data" id=(id) {
                caption id={ (id) "-caption" } { (v.t(caption)) }
                thead { tr {
                    th scope="col" { (v.t("survey-col-factor")) }
                    @for g in r.results.factors.first().map(|f| if layer { &f.by_layer } else { &f.by_sector }).into_iter().flatten() {
                        th scope="col" class="num" { (group_name(v, g)) " " span class="muted" { "(" (g.respondents) ")" } }
                    }
                    th scope="col" class="num" { (v.t("survey-col-divergence")) }
                } }
                tbody {
                    @for f in &r.results.factors {
                        @let list = if layer { &f.by_layer } else { &f.by_sector };
                        @let div = if layer { f.layer_divergence.map(f64::abs) } else { f.sector_divergence };
                        tr class=[f.divergent.then_some("divergent")] {
                            th scope="row" { (factor_name(v, f)) }
                            @for g in &groups {
                                td class="num" { (mean(v, list.iter().find(|x| &x.group == g).and_then(|x| x.mean))) }
                            }
                            td class="num" {
                                @match div {
                                    Some(d) => {
                                        (decimal(v, d, 1))
                                        @if f.divergent { " " strong class="divergence-flag" { (v.t("survey-divergent")) } }
                                    },
                                    None => (too_few(v)),
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn open_answers(v: &Visitor, r: &SurveyResults, may_edit: bool) -> Markup {
    let here = format!("{}/{}/themas", base(r.round.network_id), r.round.id);
    let mut themes: Vec<&String> = r.themes.values().collect();
    themes.sort();
    themes.dedup();
    html! {
        @if r.results.respondents < r.results.threshold {
            p { (too_few(v)) }
        } @else if r.results.open_answers.is_empty() {
            p class="empty" { (v.t("survey-open-empty")) }
        } @else {
            datalist id="survey-themes" { @for t in &themes { option value=(t) {} } }
            @for q in r.instrument.questions().filter(|q| matches!(q.kind, QuestionKind::OpenText)) {
                @let answers: Vec<_> = r.results.open_answers.iter().filter(|a| a.question_key == q.key).collect();
                @if !answers.is_empty() {
                    h3 { (q.text.get(v.lang)) }
                    ul class="open-answers" {
                        @for a in answers {
                            @let hash = answer_hash(&a.text);
                            @let theme = r.themes.get(&(a.question_key.clone(), hash.clone())).cloned().unwrap_or_default();
                            li {
                                blockquote { (a.text) }
                                @if may_edit {
                                    form method="post" action=(here) class="inline theme-form" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        input type="hidden" name="question" value=(a.question_key);
                                        input type="hidden" name="answer" value=(hash);
                                        label for={ "theme-" (a.question_key) "-" (a.index) } { (v.t("survey-theme")) }
                                        input type="text" id={ "theme-" (a.question_key) "-" (a.index) } name="theme" value=(theme) list="survey-themes" maxlength="80";
                                        button type="submit" class="link-button" { (v.t("save")) }
                                    }
                                } @else if !theme.is_empty() {
                                    p class="muted" { (v.t("survey-theme")) ": " (theme) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn partner_scores(v: &Visitor, r: &SurveyResults) -> Markup {
    let percent = |p: Option<f64>| p.map(|p| format!("{}%", decimal(v, p, 0)));
    html! {
        div class="table-scroll" tabindex="0" role="region" aria-labelledby="partner-scores-caption" {
            table class="data" id="partner-scores" {
                caption id="partner-scores-caption" { (v.t("survey-partner-scores-caption")) }
                thead { tr {
                    th scope="col" { (v.t("survey-col-partner")) }
                    th scope="col" class="num" { (v.t("survey-col-raters")) }
                    th scope="col" class="num" { (v.t("survey-col-trust")) }
                    th scope="col" class="num" { (v.t("survey-col-value")) }
                } }
                tbody {
                    @for p in &r.results.partner_scores {
                        tr {
                            th scope="row" { (r.partner_names.get(&p.organisation_id).cloned().unwrap_or_else(|| format!("#{}", p.organisation_id))) }
                            td class="num" { (p.raters) }
                            td class="num" { (mean(v, p.trust)) @if let Some(x) = percent(p.trust_percent) { " (" (x) ")" } }
                            td class="num" { (mean(v, p.value)) @if let Some(x) = percent(p.value_percent) { " (" (x) ")" } }
                        }
                    }
                }
            }
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let r = state.service.survey_results(&actor, network_id, round_id).await?;
    let title = v.ta("survey-results-title", &[("round", FluentValue::from(r.round.label.clone()))]);
    let has_ratings = r.instrument.questions().any(|q| matches!(q.kind, QuestionKind::PartnerRatings { .. }));
    let body = html! {
        p class="breadcrumb" { a href={ (base(network_id)) "/" (round_id) } { (r.round.label) } }
        h1 { (title) }
        p id="results-response" { (v.t("survey-col-response")) ": " (response_rate(&v, &r.round)) }
        p class="hint" { (v.ta("survey-threshold-note", &[("threshold", FluentValue::from(r.results.threshold))])) }
        @if let Some(p) = &r.previous { p { (v.ta("survey-compared-with", &[("round", FluentValue::from(p.label.clone()))])) } }
        p { a href={ (base(network_id)) "/" (round_id) "/resultaten.xlsx" } { (v.t("survey-download-xlsx")) } " · "
            a href={ (base(network_id)) "/" (round_id) "/resultaten.csv" } { (v.t("survey-download-csv")) } }
        @if role.may_edit_records() {
            @if r.results.respondents >= r.results.threshold {
                p id="raw-answers" {
                    (v.t("survey-raw-answers")) ": "
                    a href={ (base(network_id)) "/" (round_id) "/antwoorden.xlsx" } { (v.t("survey-download-xlsx")) } " · "
                    a href={ (base(network_id)) "/" (round_id) "/antwoorden.csv" } { (v.t("survey-download-csv")) }
                    br;
                    span class="hint" { (v.t("survey-raw-answers-hint")) }
                }
            } @else {
                p id="raw-answers" class="hint" { (v.t("survey-raw-answers-too-few")) }
            }
        }
        @if !r.results.factors.is_empty() {
            section aria-labelledby="factors-title" {
                h2 id="factors-title" { (v.t("survey-factors-title")) }
                (factors_table(&v, &r))
            }
            section aria-labelledby="divergence-title" {
                h2 id="divergence-title" { (v.t("survey-divergence-title")) }
                p { (v.t("survey-divergence-intro")) }
                (divergence_table(&v, &r, false))
                (divergence_table(&v, &r, true))
            }
        }
        @if has_ratings {
            section aria-labelledby="partner-scores-title" {
                h2 id="partner-scores-title" { (v.t("survey-partner-scores-title")) }
                (partner_scores(&v, &r))
            }
        }
        @if r.instrument.questions().any(|q| matches!(q.kind, QuestionKind::OpenText)) {
            section aria-labelledby="open-title" {
                h2 id="open-title" { (v.t("survey-open-title")) }
                (open_answers(&v, &r, role.may_edit_records()))
            }
        }
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ThemeForm {
    question: String,
    answer: String,
    theme: String,
}

pub async fn tag(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id)): Path<(i64, i64)>,
    Form(form): Form<ThemeForm>,
) -> Result<Response, WebError> {
    state.service.tag_open_answer(&v.actor()?, network_id, round_id, &form.question, &form.answer, &form.theme).await?;
    Ok(Redirect::to(&format!("{}/{round_id}/resultaten#open-title", base(network_id))).into_response())
}

/// The results as a table: one row per factor and group, the same figures
/// as the page, with "too few answers" where the page says so.
fn results_table(v: &Visitor, r: &SurveyResults) -> verband_formats::Table {
    let mut t = verband_formats::Table::new(
        [
            "survey-col-factor",
            "survey-col-group",
            "survey-col-respondents",
            "survey-col-mean",
            "survey-col-spread",
            "survey-col-band",
            "survey-col-previous",
        ]
        .iter()
        .map(|k| v.t(k))
        .collect(),
    );
    let fmt = |m: Option<f64>| m.map(|m| decimal(v, m, 2)).unwrap_or_else(|| v.t("survey-too-few"));
    for f in &r.results.factors {
        let band = f.band.map(|b| v.t(&format!("survey-band-{}", band_code(b))));
        t.rows.push(vec![
            factor_name(v, f),
            v.t("survey-group-all"),
            f.summary.as_ref().map_or(String::new(), |s| s.n.to_string()),
            fmt(f.summary.as_ref().map(|s| s.mean)),
            f.summary.as_ref().map_or(String::new(), |s| decimal(v, s.sd, 2)),
            band.unwrap_or_default(),
            f.previous_mean.map(|p| decimal(v, p, 2)).unwrap_or_default(),
        ]);
        for g in f.by_sector.iter().chain(&f.by_layer) {
            t.rows.push(vec![
                factor_name(v, f),
                group_name(v, g),
                g.respondents.to_string(),
                fmt(g.mean),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    for p in &r.results.partner_scores {
        let name = r.partner_names.get(&p.organisation_id).cloned().unwrap_or_default();
        t.rows.push(vec![
            v.t("survey-col-trust"),
            name.clone(),
            p.raters.to_string(),
            fmt(p.trust),
            String::new(),
            String::new(),
            String::new(),
        ]);
        t.rows.push(vec![v.t("survey-col-value"), name, p.raters.to_string(), fmt(p.value), String::new(), String::new(), String::new()]);
    }
    t
}

pub async fn export(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, round_id, file)): Path<(i64, i64, String)>,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    if let Some(format) = file.strip_prefix("antwoorden.") {
        return raw_answers_export(&state, &v, network_id, round_id, format).await;
    }
    let r = state.service.survey_results_download(&actor, network_id, round_id).await?;
    let table = results_table(&v, &r);
    let name = v.t("survey-file-name");
    match file.as_str() {
        "resultaten.csv" => Ok(crate::pages::map::download(
            "text/csv; charset=utf-8",
            &format!("{name}.csv"),
            verband_formats::write_csv(&table, verband_formats::Delimiter::Semicolon),
        )),
        "resultaten.xlsx" => {
            let bytes = verband_formats::write_xlsx(&table, &v.t("survey-results-sheet")).map_err(|e| WebError::Internal(e.to_string()))?;
            Ok(crate::pages::map::download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{name}.xlsx"),
                bytes,
            ))
        }
        _ => Err(WebError::NotFound),
    }
}

/// The raw answers without names, one row per respondent who finished; refused
/// while the round is below its threshold (the page then offers no link).
async fn raw_answers_export(state: &AppState, v: &Visitor, network_id: i64, round_id: i64, format: &str) -> Result<Response, WebError> {
    if format != "csv" && format != "xlsx" {
        return Err(WebError::NotFound);
    }
    let raw = state.service.survey_raw_answers(&v.actor()?, network_id, round_id, v.lang).await?;
    let Some(raw) = raw else {
        return Err(WebError::Conflict(v.t("survey-raw-answers-too-few")));
    };
    let mut header = vec![v.t("survey-col-respondent")];
    header.extend(raw.columns.iter().map(|(key, text)| format!("{text} [{key}]")));
    let mut table = verband_formats::Table::new(header);
    for (i, row) in raw.rows.into_iter().enumerate() {
        let mut cells = vec![(i + 1).to_string()];
        cells.extend(row);
        table.rows.push(cells);
    }
    let name = v.t("survey-raw-file-name");
    if format == "csv" {
        return Ok(crate::pages::map::download(
            "text/csv; charset=utf-8",
            &format!("{name}.csv"),
            verband_formats::write_csv(&table, verband_formats::Delimiter::Semicolon),
        ));
    }
    let bytes = verband_formats::write_xlsx(&table, &v.t("survey-raw-sheet")).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(crate::pages::map::download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &format!("{name}.xlsx"), bytes))
}
