//! The search box in the header: partners, persons, projects and meetings
//! of the visitor's networks, and the first knowledge items, on one page.

use axum::extract::{Query, State};
use axum::Extension;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;
use verband_search::EntityKind;

use crate::error::WebError;
use crate::layout::{page, PageMeta};
use crate::pages::knowledge_lab::hit_card;
use crate::visitor::Visitor;
use crate::AppState;

/// Hits per kind of record.
const PER_KIND: usize = 10;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    q: String,
}

fn entity_path(kind: EntityKind, network_id: i64, id: i64) -> String {
    let part = match kind {
        EntityKind::Partner => "partners",
        EntityKind::Person => "personen",
        EntityKind::Project => "projecten",
        EntityKind::Meeting => "bijeenkomsten",
    };
    format!("/netwerken/{network_id}/{part}/{id}")
}

fn kind_key(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Partner => "search-partners",
        EntityKind::Person => "search-persons",
        EntityKind::Project => "search-projects",
        EntityKind::Meeting => "search-meetings",
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(q): Query<SearchQuery>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let text = q.q.trim();
    let title = v.t("search-title");
    let found = if text.is_empty() { None } else { Some(state.service.search_everything(&actor, text, PER_KIND).await?) };
    let body = html! {
        h1 { (title) }
        form method="get" action="/zoeken" role="search" class="lab-search-box" {
            label for="search-q" { (v.t("search-label")) }
            input id="search-q" type="search" name="q" value=(q.q);
            button type="submit" class="button" { (v.t("lab-search-button")) }
        }
        @if let Some(found) = &found {
            @let nothing = found.entities.is_empty() && found.knowledge.hits.is_empty();
            p role="status" {
                @if nothing { (v.ta("search-nothing", &[("text", text.to_string().into())])) }
                @else { (v.ta("search-found-for", &[("text", text.to_string().into())])) }
            }
            @for kind in EntityKind::ALL {
                @let hits = found.entities.iter().filter(|e| e.kind == kind).collect::<Vec<_>>();
                @if !hits.is_empty() {
                    section aria-labelledby={ "search-" (kind.as_str()) } {
                        h2 id={ "search-" (kind.as_str()) } { (v.t(kind_key(kind))) }
                        ul class="search-hits" {
                            @for hit in hits {
                                li {
                                    a href=(entity_path(hit.kind, hit.network_id, hit.id)) { (PreEscaped(hit.title.to_html())) }
                                    " " span class="muted" { (found.network_names.get(&hit.network_id).cloned().unwrap_or_default()) }
                                    @if !hit.text.text.is_empty() { br; span class="lab-snippet" { (PreEscaped(hit.text.to_html())) } }
                                }
                            }
                        }
                    }
                }
            }
            @if !found.knowledge.hits.is_empty() {
                section aria-labelledby="search-knowledge" {
                    h2 id="search-knowledge" { (v.t("knowledge-lab")) }
                    ol class="lab-hits compact" { @for hit in &found.knowledge.hits { li { (hit_card(&v, hit, &found.network_names, "h3")) } } }
                    @if found.knowledge.total > found.knowledge.hits.len() as u64 {
                        p { a href={ "/kennislab?" (serde_urlencoded::to_string([("q", text)]).unwrap_or_default()) } {
                            (v.ta("search-all-knowledge", &[("count", (found.knowledge.total as i64).into())]))
                        } }
                    }
                }
            }
        }
    };
    Ok(page(&v, &PageMeta::plain(&title), body))
}
