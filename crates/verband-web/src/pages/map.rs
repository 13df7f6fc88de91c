//! "Netwerkkaart": the partners as nodes and their relationships as links,
//! coloured and sized as the visitor chooses, filtered by kind, strength,
//! sector and round; the panel of one partner; the network scores as plain
//! sentences with the change since the previous round; and the table that is
//! the map's equivalent for screen readers and for sorting. Everything works
//! without JavaScript: the filters are a GET form, a partner's panel is a
//! link from the table; `map.js` adds pan, zoom, instant filters and clicks
//! on the nodes.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum_extra::extract::Query;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;
use verband_domain::network_analysis::{NetworkScores, PartnerScores};
use verband_domain::relationship::RelationshipKind;
use verband_domain::{Language, Sector};
use verband_service::{MapQuery, NetworkMap};

use crate::error::WebError;
use crate::layout::{date, page, sort_header, PageMeta};
use crate::pages::map_svg::{self, ColourBy, MapPicture, SizeBy};
use crate::pages::nav;
use crate::visitor::Visitor;
use crate::AppState;

/// The map page's query: Dutch names, as users share these links.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub(crate) struct MapParams {
    meting: String,
    kleur: String,
    grootte: String,
    soort: Vec<String>,
    sterkte: String,
    sector: String,
    partner: String,
    sort: String,
    dir: String,
}

impl MapParams {
    fn query(&self) -> MapQuery {
        MapQuery {
            round_id: self.meting.parse().ok(),
            kinds: self.soort.iter().filter_map(|k| RelationshipKind::parse(k)).collect(),
            min_strength_centi: self.sterkte.parse::<i64>().ok().filter(|s| (1..=5).contains(s)).map(|s| s * 100).unwrap_or(0),
        }
    }

    fn colour_by(&self) -> ColourBy {
        match self.kleur.as_str() {
            "gemeenschap" => ColourBy::Community,
            "werkgroep" => ColourBy::WorkingGroup,
            _ => ColourBy::Sector,
        }
    }

    fn size_by(&self) -> SizeBy {
        match self.grootte.as_str() {
            "tussenpositie" => SizeBy::Betweenness,
            "vertrouwen" => SizeBy::Trust,
            "waarde" => SizeBy::Value,
            _ => SizeBy::Degree,
        }
    }

    fn sector(&self) -> Option<Sector> {
        Sector::parse(&self.sector)
    }

    fn selected(&self) -> Option<i64> {
        self.partner.parse().ok()
    }

    /// The query without the partner, sorting or the given keys: for links that change one thing.
    fn keep(&self, without: &[&str]) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("meting", &self.meting),
            ("kleur", &self.kleur),
            ("grootte", &self.grootte),
            ("sterkte", &self.sterkte),
            ("sector", &self.sector),
        ] {
            if !v.is_empty() && !without.contains(&k) {
                s.append_pair(k, v);
            }
        }
        if !without.contains(&"soort") {
            for k in &self.soort {
                s.append_pair("soort", k);
            }
        }
        s.finish()
    }
}

fn base(network_id: i64) -> String {
    format!("/netwerken/{network_id}/kaart")
}

/// A decimal with the visitor's decimal mark.
pub(crate) fn decimal(v: &Visitor, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    if v.lang == Language::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

pub(crate) fn percent(v: &Visitor, share: f64) -> String {
    format!("{}%", decimal(v, share * 100.0, 0))
}

fn rating(v: &Visitor, r: Option<f64>) -> String {
    match r {
        Some(x) => format!("{} ({})", decimal(v, x, 2), percent(v, x / 4.0)),
        None => "—".into(),
    }
}

fn working_group_name(map: &NetworkMap, id: i64) -> String {
    map.working_groups.iter().find(|(w, _)| *w == id).map(|(_, n)| n.clone()).unwrap_or_else(|| format!("#{id}"))
}

/// The picture with the visitor's choices; also used for the downloads.
fn picture<'a>(v: &'a Visitor, map: &'a NetworkMap, p: &MapParams) -> MapPicture<'a> {
    let partner_groups = &map.partner_groups;
    let colour_by = p.colour_by();
    let (legend, colour_of): (Vec<(usize, String)>, map_svg::ColourOf) = match colour_by {
        ColourBy::Sector => {
            let used: Vec<Sector> = Sector::ALL.iter().copied().filter(|s| map.analysis.partners.iter().any(|x| x.sector == *s)).collect();
            let legend = used.iter().map(|s| (Sector::ALL.iter().position(|x| x == s).unwrap_or(0), v.t(&s.label_key()))).collect();
            (legend, Box::new(|x: &PartnerScores| Sector::ALL.iter().position(|s| *s == x.sector)))
        }
        ColourBy::Community => {
            let count = map.analysis.partners.iter().filter(|x| !x.isolated).map(|x| x.community).max().unwrap_or(0);
            let legend = (1..=count.min(11))
                .filter(|c| map.analysis.partners.iter().any(|x| !x.isolated && x.community == *c))
                .map(|c| (c - 1, v.ta("map-community-n", &[("n", FluentValue::from(c))])))
                .collect();
            (legend, Box::new(|x: &PartnerScores| (!x.isolated).then(|| x.community - 1)))
        }
        ColourBy::WorkingGroup => {
            let legend = map.working_groups.iter().enumerate().map(|(i, (_, name))| (i, name.clone())).collect();
            (
                legend,
                Box::new(move |x: &PartnerScores| {
                    let first = partner_groups.iter().find(|(id, _)| *id == x.id).and_then(|(_, g)| g.first().copied())?;
                    map.working_groups.iter().position(|(w, _)| *w == first)
                }),
            )
        }
    };
    MapPicture {
        analysis: &map.analysis,
        size_by: p.size_by(),
        sector: p.sector(),
        selected: p.selected(),
        title: v.ta(
            "map-svg-title",
            &[
                ("partners", FluentValue::from(map.analysis.scores.partners)),
                ("ties", FluentValue::from(map.analysis.scores.ties)),
                ("round", FluentValue::from(map.round.as_ref().map(|r| r.label.clone()).unwrap_or_default())),
            ],
        ),
        legend,
        broker_label: v.t("map-legend-broker"),
        isolated_label: v.t("map-legend-isolated"),
        hover: Box::new(move |x: &PartnerScores| {
            v.ta(
                "map-node-hover",
                &[
                    ("name", FluentValue::from(x.name.clone())),
                    ("sector", FluentValue::from(v.t(&x.sector.label_key()))),
                    ("degree", FluentValue::from(x.degree)),
                ],
            )
        }),
        colour_of,
    }
}

fn filters(v: &Visitor, network_id: i64, map: &NetworkMap, p: &MapParams) -> Markup {
    let kinds: Vec<RelationshipKind> = p.query().kinds;
    let option = |value: &str, current: &str, key: &str| html! { option value=(value) selected[value == current] { (v.t(key)) } };
    html! {
        form method="get" action=(base(network_id)) class="map-filters" id="map-filters" {
            @if let Some(id) = p.selected() { input type="hidden" name="partner" value=(id); }
            div class="field" {
                label for="f-meting" { (v.t("map-filter-round")) }
                select id="f-meting" name="meting" {
                    @for r in map.rounds.iter().rev() {
                        option value=(r.id) selected[map.round.as_ref().is_some_and(|x| x.id == r.id)] {
                            (r.label) " (" (date(v, Some(r.measured_on))) ")"
                        }
                    }
                }
            }
            div class="field" {
                label for="f-kleur" { (v.t("map-filter-colour")) }
                select id="f-kleur" name="kleur" {
                    (option("sector", &p.kleur, "map-colour-sector"))
                    (option("gemeenschap", &p.kleur, "map-colour-community"))
                    (option("werkgroep", &p.kleur, "map-colour-working-group"))
                }
            }
            div class="field" {
                label for="f-grootte" { (v.t("map-filter-size")) }
                select id="f-grootte" name="grootte" {
                    (option("graad", &p.grootte, "map-size-degree"))
                    (option("tussenpositie", &p.grootte, "map-size-betweenness"))
                    (option("vertrouwen", &p.grootte, "map-size-trust"))
                    (option("waarde", &p.grootte, "map-size-value"))
                }
            }
            div class="field" {
                label for="f-sector" { (v.t("map-filter-sector")) }
                select id="f-sector" name="sector" {
                    option value="" { (v.t("map-filter-all-sectors")) }
                    @for s in Sector::ALL {
                        option value=(s.code()) selected[p.sector() == Some(*s)] { (v.t(&s.label_key())) }
                    }
                }
            }
            div class="field" {
                label for="f-sterkte" { (v.t("map-filter-strength")) }
                select id="f-sterkte" name="sterkte" {
                    option value="" { (v.t("map-filter-any-strength")) }
                    @for s in 2..=5 {
                        option value=(s) selected[p.sterkte == s.to_string()] { (v.ta("map-strength-at-least", &[("n", FluentValue::from(s))])) }
                    }
                }
            }
            fieldset class="field" {
                legend { (v.t("map-filter-kinds")) }
                @for k in RelationshipKind::ALL {
                    div class="checkbox" {
                        input type="checkbox" id={ "f-soort-" (k.code()) } name="soort" value=(k.code()) checked[kinds.contains(k)];
                        label for={ "f-soort-" (k.code()) } { (v.t(&k.label_key())) }
                    }
                }
                p class="hint" { (v.t("map-filter-kinds-hint")) }
            }
            div class="form-actions" { button type="submit" class="button" { (v.t("map-filter-apply")) } }
        }
    }
}

fn partner_panel(v: &Visitor, network_id: i64, map: &NetworkMap, p: &MapParams, partner: &PartnerScores) -> Markup {
    let keep = p.keep(&[]);
    let sep = if keep.is_empty() { "" } else { "&" };
    let name_of = |id: i64| map.analysis.partners.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_default();
    html! {
        aside class="panel partner-panel" aria-labelledby="partner-panel-title" id="partner-panel" {
            h2 id="partner-panel-title" { (partner.name) }
            p { a href={ "/netwerken/" (network_id) "/partners/" (partner.id) } { (v.t("map-panel-open-partner")) } }
            @if partner.broker { p class="badge" { (v.t("map-panel-broker")) } }
            @if partner.isolated { p class="badge warning" { (v.t("map-panel-isolated")) } }
            dl class="facts" {
                dt { (v.t("map-col-sector")) } dd { (v.t(&partner.sector.label_key())) }
                dt { (v.t("map-col-degree")) } dd { (partner.degree) }
                dt { (v.t("map-col-betweenness")) } dd { (decimal(v, partner.betweenness, 3)) }
                dt { (v.t("map-col-closeness")) } dd { (decimal(v, partner.closeness, 3)) }
                dt { (v.t("map-col-trust")) } dd { (rating(v, partner.trust)) }
                dt { (v.t("map-col-value")) } dd { (rating(v, partner.value)) }
                dt { (v.t("map-col-community")) } dd { @if partner.isolated { "—" } @else { (partner.community) } }
            }
            h3 { (v.ta("map-panel-neighbours", &[("count", FluentValue::from(partner.neighbours.len()))])) }
            @if partner.neighbours.is_empty() {
                p class="empty" { (v.t("map-panel-no-neighbours")) }
            } @else {
                ul {
                    @for n in &partner.neighbours {
                        li { a href={ (base(network_id)) "?" (keep) (sep) "partner=" (n) "#partner-panel" } { (name_of(*n)) } }
                    }
                }
            }
            p { a href={ (base(network_id)) "?" (keep) } { (v.t("map-panel-close")) } }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Percent,
    Decimal,
    Count,
}

fn change(v: &Visitor, now: Option<f64>, before: Option<f64>, shown: Shown) -> Markup {
    let show = |x: Option<f64>| match x {
        Some(x) if shown == Shown::Percent => percent(v, x),
        Some(x) if shown == Shown::Count => decimal(v, x, 0),
        Some(x) => decimal(v, x, 2),
        None => "—".into(),
    };
    let arrow = match (now, before) {
        (Some(a), Some(b)) if a > b + 1e-9 => ("↑", "map-change-up"),
        (Some(a), Some(b)) if a + 1e-9 < b => ("↓", "map-change-down"),
        (Some(_), Some(_)) => ("=", "map-change-same"),
        _ => ("", ""),
    };
    html! {
        td { (show(before)) }
        td { (show(now)) " " @if !arrow.0.is_empty() { span aria-hidden="true" { (arrow.0) } span class="visually-hidden" { (v.t(arrow.1)) } } }
    }
}

fn band(x: f64, low: f64, high: f64) -> &'static str {
    if x < low {
        "low"
    } else if x > high {
        "high"
    } else {
        "medium"
    }
}

fn scores_panel(v: &Visitor, map: &NetworkMap) -> Markup {
    let s = &map.analysis.scores;
    let f = |x: f64| FluentValue::from(percent(v, x));
    let d = |x: f64| FluentValue::from(decimal(v, x, 2));
    html! {
        section class="panel" aria-labelledby="scores-title" id="netwerkscores" {
            h2 id="scores-title" { (v.t("map-scores-title")) }
            ul class="scores" {
                li { (v.ta("map-score-density", &[("share", f(s.density)), ("ties", FluentValue::from(s.ties)), ("partners", FluentValue::from(s.partners))])) }
                li { (v.ta("map-score-centralization", &[("value", d(s.centralization)), ("band", FluentValue::from(band(s.centralization, 0.2, 0.5)))])) }
                li { (v.ta("map-score-components", &[("components", FluentValue::from(s.components)), ("isolated", FluentValue::from(s.isolated))])) }
                li {
                    @match (s.average_trust, s.average_value) {
                        (Some(t), Some(val)) => (v.ta("map-score-trust-value", &[("trust", d(t)), ("trustShare", f(t / 4.0)), ("value", d(val)), ("valueShare", f(val / 4.0))])),
                        (Some(t), None) => (v.ta("map-score-trust-only", &[("trust", d(t)), ("trustShare", f(t / 4.0))])),
                        (None, Some(val)) => (v.ta("map-score-value-only", &[("value", d(val)), ("valueShare", f(val / 4.0))])),
                        (None, None) => (v.t("map-score-no-ratings")),
                    }
                }
                li {
                    @match s.reciprocity {
                        Some(r) => (v.ta("map-score-reciprocity", &[("share", f(r))])),
                        None => (v.t("map-score-reciprocity-undirected")),
                    }
                }
                li {
                    @match (s.cross_sector_share, s.ei_index) {
                        (Some(c), Some(ei)) => (v.ta("map-score-cross-sector", &[("share", f(c)), ("ei", d(ei)), ("band", FluentValue::from(band(ei, -0.3, 0.3)))])),
                        _ => (v.t("map-score-cross-sector-none")),
                    }
                }
                li {
                    (v.ta("map-score-communities", &[("count", FluentValue::from(s.community_matches.len())), ("modularity", d(s.modularity))]))
                    @if !s.community_matches.is_empty() {
                        ul {
                            @for m in &s.community_matches {
                                li {
                                    @match m.working_group_id {
                                        Some(wg) => (v.ta("map-community-match", &[
                                            ("n", FluentValue::from(m.community)), ("size", FluentValue::from(m.size)),
                                            ("group", FluentValue::from(working_group_name(map, wg))), ("shared", FluentValue::from(m.shared)),
                                        ])),
                                        None => (v.ta("map-community-no-match", &[("n", FluentValue::from(m.community)), ("size", FluentValue::from(m.size))])),
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some((round, before)) = &map.previous {
                (comparison(v, s, round.label.as_str(), before))
            } @else if map.round.is_some() {
                p class="empty" { (v.t("map-no-previous")) }
            }
        }
    }
}

fn comparison(v: &Visitor, now: &NetworkScores, previous_label: &str, before: &NetworkScores) -> Markup {
    let count = |x: usize| Some(x as f64);
    html! {
        div class="table-scroll" {
            table class="data" {
                caption { (v.ta("map-compare-caption", &[("round", FluentValue::from(previous_label.to_string()))])) }
                thead { tr { th scope="col" { (v.t("map-compare-measure")) } th scope="col" { (v.t("map-compare-before")) } th scope="col" { (v.t("map-compare-now")) } } }
                tbody {
                    tr { th scope="row" { (v.t("map-measure-density")) } (change(v, Some(now.density), Some(before.density), Shown::Percent)) }
                    tr { th scope="row" { (v.t("map-measure-ties")) } (change(v, count(now.ties), count(before.ties), Shown::Count)) }
                    tr { th scope="row" { (v.t("map-measure-centralization")) } (change(v, Some(now.centralization), Some(before.centralization), Shown::Decimal)) }
                    tr { th scope="row" { (v.t("map-measure-isolated")) } (change(v, count(now.isolated), count(before.isolated), Shown::Count)) }
                    tr { th scope="row" { (v.t("map-measure-trust")) } (change(v, now.average_trust, before.average_trust, Shown::Decimal)) }
                    tr { th scope="row" { (v.t("map-measure-value")) } (change(v, now.average_value, before.average_value, Shown::Decimal)) }
                    tr { th scope="row" { (v.t("map-measure-cross-sector")) } (change(v, now.cross_sector_share, before.cross_sector_share, Shown::Percent)) }
                }
            }
        }
    }
}

const COLUMNS: &[(&str, &str)] = &[
    ("naam", "map-col-partner"),
    ("sector", "map-col-sector"),
    ("graad", "map-col-degree"),
    ("tussenpositie", "map-col-betweenness"),
    ("nabijheid", "map-col-closeness"),
    ("vertrouwen", "map-col-trust"),
    ("waarde", "map-col-value"),
    ("gemeenschap", "map-col-community"),
];

fn sorted<'a>(v: &Visitor, partners: Vec<&'a PartnerScores>, column: &str, desc: bool) -> Vec<&'a PartnerScores> {
    let mut list = partners;
    let num = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
    list.sort_by(|a, b| {
        let o = match column {
            "sector" => v.t(&a.sector.label_key()).cmp(&v.t(&b.sector.label_key())),
            "graad" => a.degree.cmp(&b.degree),
            "tussenpositie" => a.betweenness.total_cmp(&b.betweenness),
            "nabijheid" => a.closeness.total_cmp(&b.closeness),
            "vertrouwen" => num(a.trust).total_cmp(&num(b.trust)),
            "waarde" => num(a.value).total_cmp(&num(b.value)),
            "gemeenschap" => a.community.cmp(&b.community),
            _ => std::cmp::Ordering::Equal,
        };
        let o = if desc { o.reverse() } else { o };
        o.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    list
}

fn table(v: &Visitor, network_id: i64, map: &NetworkMap, p: &MapParams) -> Markup {
    let shown: Vec<&PartnerScores> = map.analysis.partners.iter().filter(|x| p.sector().is_none_or(|s| x.sector == s)).collect();
    let desc = p.dir == "desc";
    let column = if COLUMNS.iter().any(|(c, _)| *c == p.sort) { p.sort.as_str() } else { "naam" };
    let rows = sorted(v, shown, column, desc);
    let keep = p.keep(&[]);
    let sep = if keep.is_empty() { "" } else { "&" };
    let name_of = |id: i64| map.analysis.partners.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_default();
    html! {
        section aria-labelledby="map-table-title" id="kaarttabel" {
            h2 id="map-table-title" { (v.t("map-table-title")) }
            div class="table-scroll" {
                table class="data" id="map-table" {
                    caption { (v.ta("map-table-caption", &[("count", FluentValue::from(rows.len()))])) }
                    thead { tr {
                        @for (col, key) in COLUMNS { (sort_header(v, key, col, column, desc, &keep, &base(network_id))) }
                        th scope="col" { (v.t("map-col-neighbours")) }
                    } }
                    tbody {
                        @for x in &rows {
                            tr data-partner=(x.id) {
                                th scope="row" { a href={ (base(network_id)) "?" (keep) (sep) "partner=" (x.id) "#partner-panel" } { (x.name) } }
                                td { (v.t(&x.sector.label_key())) }
                                td class="num" { (x.degree) }
                                td class="num" { (decimal(v, x.betweenness, 3)) }
                                td class="num" { (decimal(v, x.closeness, 3)) }
                                td class="num" { @match x.trust { Some(t) => (decimal(v, t, 2)), None => "—" } }
                                td class="num" { @match x.value { Some(t) => (decimal(v, t, 2)), None => "—" } }
                                td class="num" { @if x.isolated { "—" } @else { (x.community) } }
                                td { (x.neighbours.iter().map(|n| name_of(*n)).collect::<Vec<_>>().join(", ")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn load(state: &AppState, v: &Visitor, network_id: i64, p: &MapParams) -> Result<NetworkMap, WebError> {
    Ok(state.service.network_map(&v.actor()?, network_id, &p.query()).await?)
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(p): Query<MapParams>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let map = load(&state, &v, network_id, &p).await?;
    let title = v.t("map-title");
    let selected = p.selected().and_then(|id| map.analysis.partners.iter().find(|x| x.id == id));
    let keep = p.keep(&[]);
    let q = if keep.is_empty() { String::new() } else { format!("?{keep}") };
    let round_q = map.round.as_ref().map(|r| format!("&meting={}", r.id)).unwrap_or_default();
    let body = html! {
        h1 { (title) }
        p class="lead" { (v.t("map-intro")) }
        p class="actions" {
            a class="button" href={ "/netwerken/" (network_id) "/relaties" } { (v.t("map-link-relationships")) }
            " "
            a class="button" href={ "/netwerken/" (network_id) "/kaart/bestanden" } { (v.t("map-link-files")) }
        }
        @if map.round.is_none() {
            div class="panel empty-state" {
                p { (v.t("map-empty")) }
                @if role.may_edit_records() {
                    p { a href={ "/netwerken/" (network_id) "/relaties" } { (v.t("map-empty-add")) } }
                }
            }
        } @else {
            div class="map-layout" {
                (filters(&v, network_id, &map, &p))
                figure class="map-figure" {
                    div class="map-tools" hidden {
                        button type="button" class="button" data-map="zoom-in" { span aria-hidden="true" { "+" } span class="visually-hidden" { (v.t("map-zoom-in")) } }
                        button type="button" class="button" data-map="zoom-out" { span aria-hidden="true" { "−" } span class="visually-hidden" { (v.t("map-zoom-out")) } }
                        button type="button" class="button" data-map="reset" { (v.t("map-zoom-reset")) }
                    }
                    div class="map-canvas" id="map-canvas" data-base=(base(network_id)) data-query=(keep) {
                        (PreEscaped(map_svg::render(&picture(&v, &map, &p))))
                    }
                    figcaption {
                        (v.ta("map-caption", &[("partners", FluentValue::from(map.analysis.scores.partners)), ("ties", FluentValue::from(map.analysis.scores.ties))]))
                        " " a href="#kaarttabel" { (v.t("map-caption-table")) }
                        " · " a href={ (base(network_id)) "/kaart.svg" (q) } download { (v.t("map-download-svg")) }
                        " · " a href={ (base(network_id)) "/kaart.png" (q) } download { (v.t("map-download-png")) }
                        " · " a href={ "/netwerken/" (network_id) "/kaart/bestanden?" (round_q.trim_start_matches('&')) } { (v.t("map-download-files")) }
                    }
                }
                @if let Some(partner) = selected { (partner_panel(&v, network_id, &map, &p, partner)) }
            }
            (scores_panel(&v, &map))
            (table(&v, network_id, &map, &p))
        }
        script src="/static/map.js" defer {}
    };
    Ok(page(&v, &PageMeta::network(&title, nav(&network, role), "map"), body))
}

async fn picture_bytes(state: &AppState, v: &Visitor, network_id: i64, p: &MapParams) -> Result<String, WebError> {
    let map = load(state, v, network_id, p).await?;
    let svg = map_svg::render(&picture(v, &map, p));
    Ok(svg)
}

/// A file download that browsers save rather than show, and caches keep no copy of.
pub(crate) fn download(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn svg(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(p): Query<MapParams>,
) -> Result<Response, WebError> {
    let svg = picture_bytes(&state, &v, network_id, &p).await?;
    Ok(download("image/svg+xml", &format!("{}.svg", v.t("map-file-name")), svg.into_bytes()))
}

pub async fn png(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
    Query(p): Query<MapParams>,
) -> Result<Response, WebError> {
    let svg = picture_bytes(&state, &v, network_id, &p).await?;
    // A drawing holds a pixmap of about 10 MB for tens of milliseconds: at most
    // two at a time, so a burst of downloads queues instead of filling memory.
    static PNG_SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);
    let _slot = PNG_SLOTS.acquire().await.map_err(|e| WebError::Internal(e.to_string()))?;
    // Drawing takes tens of milliseconds: off the request threads.
    let png = tokio::task::spawn_blocking(move || map_svg::to_png(&svg))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .map_err(WebError::Internal)?;
    Ok(download("image/png", &format!("{}.png", v.t("map-file-name")), png))
}
