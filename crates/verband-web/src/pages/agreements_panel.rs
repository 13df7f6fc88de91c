//! The dashboard's agreements panel: every live agreement with how its
//! partners stand against what they promised, so a steering group sees at a
//! glance whether promises are kept.

use maud::{html, Markup};
use verband_domain::portfolio::{Agreement, PartnerBalance};

use crate::pages::agreements::{base, evaluation_overdue, name_of, period, standing};
use crate::visitor::Visitor;

/// At most this many agreements on the dashboard; the list page has them all.
const DASHBOARD_AGREEMENTS: usize = 5;

pub(crate) fn dashboard_panel(
    v: &Visitor,
    network_id: i64,
    agreements: &[(Agreement, Vec<PartnerBalance>)],
    partners: &[(i64, String)],
) -> Markup {
    let list = base(network_id);
    let names: std::collections::HashMap<i64, String> = partners.iter().cloned().collect();
    html! {
        section aria-labelledby="dash-agreements-title" class="panel" {
            div class="page-head" {
                h2 id="dash-agreements-title" { (v.t("dashboard-agreements")) }
                a href=(list) { (v.t("dashboard-agreements-all")) }
            }
            @if agreements.is_empty() {
                p class="empty" { (v.t("dashboard-agreements-empty")) }
            } @else {
                ul class="dashboard-agreements" {
                    @for (a, balance) in agreements.iter().take(DASHBOARD_AGREEMENTS) {
                        li {
                            a href={ (list) "/" (a.id) } { (a.title) }
                            " · " (period(v, a))
                            @if evaluation_overdue(a) { " · " strong { (v.t("agreement-evaluation-overdue")) } }
                            " · " (standing(v, balance))
                            @let behind: Vec<String> = balance.iter().filter(|b| b.behind).map(|b| name_of(v, &names, b.organisation_id)).collect();
                            @if !behind.is_empty() {
                                " " span class="meta" { "(" (behind.join(", ")) ")" }
                            }
                        }
                    }
                }
                @if agreements.len() > DASHBOARD_AGREEMENTS {
                    p { a href=(list) { (v.ta("dashboard-agreements-more", &[("count", ((agreements.len() - DASHBOARD_AGREEMENTS) as i64).into())])) } }
                }
            }
        }
    }
}
