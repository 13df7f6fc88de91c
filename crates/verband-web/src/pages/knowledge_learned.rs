//! "Wat we leerden": on a project, meeting or survey round page, the
//! knowledge items linked to it, and a way to add one already linked.

use maud::{html, Markup};
use verband_domain::knowledge::KnowledgeLinkKind;

use crate::error::WebError;
use crate::pages::knowledge_form::new_path;
use crate::pages::knowledge_item::{item_path, stored_date};
use crate::visitor::Visitor;
use crate::AppState;

/// The section for the page of record `target_id` of `kind` in the network.
pub(crate) async fn learned_section(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    kind: KnowledgeLinkKind,
    target_id: i64,
) -> Result<Markup, WebError> {
    let items = state.service.knowledge_linked_to(&v.actor()?, network_id, kind, target_id).await?;
    let param = match kind {
        KnowledgeLinkKind::Project => "project",
        KnowledgeLinkKind::Meeting => "meeting",
        KnowledgeLinkKind::SurveyRound => "round",
    };
    Ok(html! {
        section aria-labelledby="learned-title" class="panel" {
            div class="page-head" {
                h2 id="learned-title" { (v.t("knowledge-learned")) }
                a class="button" href={ (new_path(network_id)) "?" (param) "=" (target_id) } { (v.t("knowledge-learned-add")) }
            }
            @if items.is_empty() { p class="empty" { (v.t("knowledge-learned-empty")) } }
            @else {
                ul {
                    @for i in &items {
                        li {
                            a href=(item_path(i.id)) { (i.title) }
                            " " span class="badge" { (v.t(&i.kind.label_key())) }
                            " " span class="muted" { (stored_date(v, &i.created_at)) }
                        }
                    }
                }
            }
        }
    })
}
