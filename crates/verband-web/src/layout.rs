//! The page shell (landmarks, skip link, header, language switch, network
//! navigation) and small shared pieces: tables, pagination, flash messages.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use verband_domain::{Language, NetworkRole, Paged};

use crate::visitor::Visitor;

/// The network a page belongs to, for the navigation.
#[derive(Debug, Clone)]
pub struct NavNetwork {
    pub id: i64,
    pub name: String,
    pub role: NetworkRole,
}

pub struct PageMeta {
    pub title: String,
    pub network: Option<NavNetwork>,
    /// Which network navigation item is current.
    pub active: &'static str,
}

impl PageMeta {
    pub fn plain(title: &str) -> PageMeta {
        PageMeta { title: title.to_string(), network: None, active: "" }
    }

    pub fn network(title: &str, network: NavNetwork, active: &'static str) -> PageMeta {
        PageMeta { title: title.to_string(), network: Some(network), active }
    }
}

/// The network navigation: (key, address with `{n}` for the network id, element id).
const NETWORK_NAV: &[(&str, &str, &str)] = &[
    ("dashboard", "/netwerken/{n}", "nav-dashboard"),
    ("partners", "/netwerken/{n}/partners", "nav-partners"),
    ("persons", "/netwerken/{n}/personen", "nav-persons"),
    ("ambition", "/netwerken/{n}/ambitie", "nav-ambition"),
    ("interests", "/netwerken/{n}/belangen", "nav-interests"),
    ("meetings", "/netwerken/{n}/bijeenkomsten", "nav-meetings"),
    ("actions", "/netwerken/{n}/acties", "nav-actions"),
    ("agreements", "/netwerken/{n}/afspraken", "nav-agreements"),
    ("stories", "/netwerken/{n}/verhalen", "nav-stories"),
    ("projects", "/netwerken/{n}/projecten", "nav-projects"),
    ("portfolio", "/netwerken/{n}/portfolio", "nav-portfolio"),
    ("checklist", "/netwerken/{n}/fasechecklist", "nav-checklist"),
    ("map", "/netwerken/{n}/kaart", "nav-map"),
    ("surveys", "/netwerken/{n}/evaluaties", "nav-surveys"),
    // The knowledge lab spans networks (shared items), so it lives outside
    // the network's path and opens filtered on this network.
    ("knowledge", "/kennislab?netwerk={n}", "nav-knowledge"),
];

pub fn page(v: &Visitor, meta: &PageMeta, body: Markup) -> Markup {
    let other = match v.lang {
        Language::Nl => Language::En,
        Language::En => Language::Nl,
    };
    html! {
        (DOCTYPE)
        html lang=(v.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (meta.title) " · Verband" }
                link rel="stylesheet" href="/static/verband.css";
            }
            body {
                a class="skip-link" href="#main" { (v.t("skip-to-content")) }
                header class="site-header" {
                    div class="bar" {
                        a class="brand" href="/" { "Verband" }
                        @if let Some(n) = &meta.network {
                            span class="bar-network" { (n.name) " · " span class="bar-role" { (v.t(&n.role.label_key())) } }
                        }
                        div class="bar-tools" {
                            form class="lang-switch" method="post" action="/taal" {
                                input type="hidden" name="csrf" value=(v.csrf);
                                input type="hidden" name="next" value=(v.path);
                                button type="submit" name="lang" value=(other.code()) lang=(other.code()) {
                                    (crate::i18n::translate(other, "language-name"))
                                }
                            }
                            @if v.user.is_some() {
                                form class="header-search" method="get" action="/zoeken" role="search" {
                                    label for="header-q" class="visually-hidden" { (v.t("header-search-label")) }
                                    input id="header-q" type="search" name="q" placeholder=(v.t("search-title"));
                                    button type="submit" class="button secondary" { (v.t("lab-search-button")) }
                                }
                            }
                            @if let Some(u) = &v.user {
                                nav class="account-nav" aria-label=(v.t("nav-account-label")) {
                                    a href="/account" { (u.display_name) }
                                    @if u.is_admin { a id="nav-admin-audit" href="/beheer/logboek" { (v.t("nav-admin-audit")) } }
                                    form method="post" action="/uitloggen" {
                                        input type="hidden" name="csrf" value=(v.csrf);
                                        button type="submit" class="link-button" { (v.t("logout")) }
                                    }
                                }
                            }
                        }
                    }
                    @if let Some(n) = &meta.network {
                        nav class="network-nav" aria-label=(v.t("nav-network-label")) {
                            ul {
                                li { a href="/netwerken" { (v.t("nav-networks")) } }
                                @for (key, href, id) in NETWORK_NAV {
                                    li {
                                        a id=(id) href=(href.replace("{n}", &n.id.to_string()))
                                          aria-current=[(meta.active == *key).then_some("page")] { (v.t(&format!("nav-{key}"))) }
                                    }
                                }
                                @if n.role.may_edit_records() {
                                    li {
                                        a id="nav-access" href={ "/netwerken/" (n.id) "/toegang" }
                                          aria-current=[(meta.active == "access").then_some("page")] { (v.t("nav-access")) }
                                    }
                                }
                                // The audit log names people and what they did: coordinators only.
                                @if n.role == NetworkRole::Coordinator {
                                    li { a id="nav-audit" href={ "/netwerken/" (n.id) "/logboek" } aria-current=[(meta.active == "audit").then_some("page")] { (v.t("nav-audit")) } }
                                }
                            }
                        }
                    }
                }
                main id="main" tabindex="-1" { (body) }
                footer class="site-footer" {
                    p { (v.t("footer-text")) " · " a href="/api/v1/openapi.json" { (v.t("footer-api")) } }
                }
            }
        }
    }
}

/// A message after a change ("Opgeslagen."), shown once from the `done` query.
pub fn flash(v: &Visitor, done: Option<&str>) -> Markup {
    let key = match done {
        Some("created") => "flash-created",
        Some("saved") => "flash-saved",
        Some("archived") => "flash-archived",
        Some("restored") => "flash-restored",
        Some("deleted") => "flash-deleted",
        Some("stale") => "flash-stale",
        Some("withdrawn") => "flash-withdrawn",
        Some("removed") => "flash-removed",
        Some("survey-closed") => "survey-closed",
        Some("survey-closed-map") => "survey-closed-map",
        _ => return html! {},
    };
    html! { div class="flash" role="status" { (v.t(key)) } }
}

/// "Pagina 2 van 5" with previous/next links keeping the other parameters.
pub fn pagination<T>(v: &Visitor, paged: &Paged<T>, base_query: &str, path: &str) -> Markup {
    let pages = paged.page_count();
    if pages <= 1 {
        return html! {};
    }
    let link = |n: u32| {
        if base_query.is_empty() {
            format!("{path}?page={n}")
        } else {
            format!("{path}?{base_query}&page={n}")
        }
    };
    html! {
        nav class="pagination" aria-label=(v.t("pagination-label")) {
            @if paged.page > 1 { a rel="prev" href=(link(paged.page - 1)) { (v.t("pagination-previous")) } }
            span { (v.ta("pagination-position", &[("page", paged.page.into()), ("pages", pages.into())])) }
            @if paged.page < pages { a rel="next" href=(link(paged.page + 1)) { (v.t("pagination-next")) } }
        }
    }
}

/// A column header that sorts the list; says its current direction to screen readers.
pub fn sort_header(v: &Visitor, label_key: &str, column: &str, current: &str, desc: bool, base_query: &str, path: &str) -> Markup {
    let active = current == column;
    let next_dir = if active && !desc { "desc" } else { "asc" };
    let sep = if base_query.is_empty() { "" } else { "&" };
    let href = format!("{path}?{base_query}{sep}sort={column}&dir={next_dir}");
    let aria = active.then_some(if desc { "descending" } else { "ascending" });
    html! {
        th scope="col" aria-sort=[aria] {
            a href=(href) {
                (v.t(label_key))
                @if active { span aria-hidden="true" { (PreEscaped(if desc { " ▼" } else { " ▲" })) } }
            }
        }
    }
}

/// A date in the visitor's usual notation.
pub fn date(v: &Visitor, d: Option<chrono::NaiveDate>) -> String {
    match (d, v.lang) {
        (None, _) => "—".into(),
        (Some(d), Language::Nl) => d.format("%d-%m-%Y").to_string(),
        (Some(d), Language::En) => d.format("%-d %b %Y").to_string(),
    }
}

/// A whole number with the visitor's thousands separator.
pub fn number(v: &Visitor, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if v.lang == Language::Nl { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}
