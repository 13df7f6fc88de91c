//! The vitality panel on the dashboard: the composite index beside its parts,
//! each with value, trend, status and a sentence; the history as an SVG line
//! chart with a table that says the same for screen readers.

use maud::{html, Markup};
use verband_domain::vitality::{ArgValue, HistoryPoint, Message, Signal, SignalKind, SignalStatus, Trend, TrendDirection, VitalityReport};
use verband_service::VitalityPanel;

use crate::i18n::translate_named;
use crate::layout::date;
use crate::visitor::Visitor;

/// A domain message in the visitor's language; label arguments are
/// catalogue keys and are translated first.
pub fn message(v: &Visitor, m: &Message) -> String {
    let args = m
        .args
        .iter()
        .map(|a| {
            let value = match &a.value {
                ArgValue::Text(t) => t.clone().into(),
                ArgValue::Number(n) => (*n).into(),
                ArgValue::Label(key) => v.t(key).into(),
            };
            (a.name.clone(), value)
        })
        .collect();
    translate_named(v.lang, &m.key, args)
}

fn status_class(s: SignalStatus) -> &'static str {
    match s {
        SignalStatus::Ok => "status-ok",
        SignalStatus::Watch => "status-watch",
        SignalStatus::Alarm => "status-alarm",
        SignalStatus::NotEnoughData => "status-none",
    }
}

fn status_badge(v: &Visitor, s: SignalStatus) -> Markup {
    html! { span class={ "badge " (status_class(s)) } { (v.t(&s.label_key())) } }
}

fn trend(v: &Visitor, t: Option<Trend>, previous: Option<String>) -> Markup {
    let Some(t) = t else { return html! { span class="muted" { "—" } } };
    let arrow = match t.direction {
        TrendDirection::Up => "↑",
        TrendDirection::Down => "↓",
        TrendDirection::Flat => "→",
    };
    let class = match t.good {
        Some(true) => "trend-good",
        Some(false) => "trend-bad",
        None => "trend-flat",
    };
    html! {
        span class=(class) { span aria-hidden="true" { (arrow) " " } (v.t(&t.direction.label_key())) }
        @if let Some(p) = previous { " " span class="muted" { "(" (v.t("vitality-previous")) " " (p) ")" } }
    }
}

fn display(unit_share: bool, value: Option<f64>) -> Option<String> {
    value.map(|x| if unit_share { format!("{}%", (x * 100.0).round()) } else { format!("{}", x.round()) })
}

fn signal_row(v: &Visitor, s: &Signal) -> Markup {
    let share = matches!(s.unit, verband_domain::vitality::SignalUnit::Share | verband_domain::vitality::SignalUnit::NetChange);
    html! {
        tr class=(status_class(s.status)) {
            th scope="row" { (v.t(&s.kind.label_key())) }
            td class="num" { (s.display) }
            td { (trend(v, s.trend, display(share, s.previous))) }
            td { (status_badge(v, s.status)) }
            td { (message(v, &s.explanation)) }
        }
    }
}

/// The panel for the dashboard.
pub fn panel(v: &Visitor, network_id: i64, p: &VitalityPanel, may_configure: bool) -> Markup {
    let r: &VitalityReport = &p.report;
    let c = &r.composite;
    html! {
        section aria-labelledby="vitality-title" class="panel vitality" {
            div class="page-head" {
                h2 id="vitality-title" { (v.t("vitality-panel-title")) }
                @if may_configure { a href={ "/netwerken/" (network_id) "/vitaliteit" } { (v.t("vitality-settings")) } }
            }
            div class={ "composite " (status_class(c.status)) } {
                p class="composite-value" {
                    span class="composite-name" { (v.t("vitality-composite-name")) }
                    @match c.value {
                        Some(x) => strong { (v.ta("vitality-composite-scale", &[("score", (x.round() as i64).into())])) },
                        None => strong { "—" },
                    }
                    " " (status_badge(v, c.status))
                    " " (trend(v, c.trend, c.previous.map(|x| format!("{}", x.round()))))
                }
                p { (message(v, &c.explanation)) }
            }
            table class="data signals" {
                caption { (v.t("vitality-parts")) }
                thead { tr {
                    th scope="col" { (v.t("vitality-signal")) }
                    th scope="col" class="num" { (v.t("vitality-value")) }
                    th scope="col" { (v.t("vitality-trend")) }
                    th scope="col" { (v.t("vitality-status")) }
                    th scope="col" { (v.t("vitality-explanation")) }
                } }
                tbody { @for s in &r.signals { (signal_row(v, s)) } }
            }
            (chart(v, &p.history))
        }
    }
}

const CHART_W: f64 = 640.0;
const CHART_H: f64 = 200.0;
const PAD_L: f64 = 36.0;
const PAD_B: f64 = 24.0;

/// The composite index and attendance over the network's history: an SVG
/// drawn on the server, and the same numbers as a table.
fn chart(v: &Visitor, history: &[HistoryPoint]) -> Markup {
    let points: Vec<&HistoryPoint> = history.iter().filter(|h| h.composite.is_some()).collect();
    if points.len() < 2 {
        return html! { p class="muted" { (v.t("vitality-history-empty")) } };
    }
    let n = points.len() as f64;
    let x = |i: usize| PAD_L + (CHART_W - PAD_L - 8.0) * (i as f64) / (n - 1.0);
    let y = |value: f64| 8.0 + (CHART_H - PAD_B - 8.0) * (1.0 - value.clamp(0.0, 100.0) / 100.0);
    let line = |values: Vec<Option<f64>>| -> String {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, val) in values.iter().enumerate() {
            match val {
                Some(val) => {
                    d.push_str(&format!("{}{:.1},{:.1} ", if pen_down { "L" } else { "M" }, x(i), y(*val)));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        d
    };
    // The share signals run 0–100% like the index, so they share its axis.
    let charted = [SignalKind::Attendance, SignalKind::AgendaShare, SignalKind::ActionsOnTime];
    let index_of = |k: SignalKind| SignalKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    let composite = line(points.iter().map(|p| p.composite).collect());
    let series: Vec<(SignalKind, String)> = charted
        .iter()
        .map(|k| (*k, line(points.iter().map(|p| p.values.get(index_of(*k)).copied().flatten().map(|a| a * 100.0)).collect())))
        .collect();
    let first = points.first().map(|p| p.date);
    let last = points.last().map(|p| p.date);
    let title = v.t("vitality-history-title");
    let share = |k: SignalKind| !matches!(k, SignalKind::AgendaContributors | SignalKind::Stories);
    html! {
        figure class="chart" {
            svg role="img" aria-labelledby="vitality-chart-title" viewBox={ "0 0 " (CHART_W) " " (CHART_H) } class="line-chart" focusable="false" {
                title id="vitality-chart-title" { (title) }
                @for level in [0.0, 40.0, 60.0, 100.0] {
                    line x1=(PAD_L) x2=(CHART_W - 8.0) y1=(y(level)) y2=(y(level)) class={ "grid" @if level == 40.0 || level == 60.0 { " threshold" } } {}
                    text x=(PAD_L - 6.0) y=(y(level) + 4.0) text-anchor="end" class="axis" { (level) }
                }
                @for (k, d) in &series { path d=(d) class={ "series-signal series-" (k.code()) } {} }
                path d=(composite) class="series-composite" {}
                text x=(PAD_L) y=(CHART_H - 6.0) class="axis" { (date(v, first)) }
                text x=(CHART_W - 8.0) y=(CHART_H - 6.0) text-anchor="end" class="axis" { (date(v, last)) }
            }
            figcaption {
                span class="key key-composite" { (v.t("vitality-composite-name")) }
                @for k in &charted { " " span class={ "key key-" (k.code()) } { (v.t(&k.label_key())) " (%)" } }
            }
        }
        details class="chart-table" {
            summary { (v.t("vitality-history-table")) }
            div class="table-scroll" {
                table class="data" {
                    caption { (title) }
                    thead { tr {
                        th scope="col" { (v.t("vitality-date")) }
                        th scope="col" class="num" { (v.t("vitality-composite-name")) }
                        th scope="col" { (v.t("vitality-status")) }
                        @for k in SignalKind::ALL { th scope="col" class="num" { (v.t(&k.label_key())) } }
                    } }
                    tbody {
                        @for p in points.iter().rev() {
                            tr {
                                th scope="row" { (date(v, Some(p.date))) }
                                td class="num" { (p.composite.map(|c| format!("{}", c.round())).unwrap_or_default()) }
                                td { (v.t(&p.composite_status.label_key())) }
                                @for k in SignalKind::ALL {
                                    td class="num" { (display(share(*k), p.values.get(index_of(*k)).copied().flatten()).unwrap_or_else(|| "—".into())) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
