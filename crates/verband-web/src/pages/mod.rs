//! The server-rendered pages. Paths are Dutch, as users see and share them.
//! Every page request first passes the visitor middleware (account, language,
//! CSRF token), then the CSRF check for anything that is not a GET.

mod access;
mod account;
pub(crate) mod actions;
mod admin_networks;
mod agreement_detail;
pub(crate) mod agreement_documents;
mod agreements;
mod agreements_panel;
mod ambition;
mod audit;
mod auth;
pub(crate) mod calendar_feeds;
mod checklist;
mod commitments;
mod exchange;
pub(crate) mod findings;
mod home;
mod interests;
mod invitation;
mod knowledge_attachments;
mod knowledge_form;
mod knowledge_item;
mod knowledge_lab;
mod knowledge_learned;
mod knowledge_questions;
pub(crate) mod map;
mod map_svg;
mod meetings;
mod network;
mod network_files;
mod partners;
mod password_reset;
mod persons;
pub(crate) mod portfolio;
mod project_form;
pub(crate) mod projects;
mod relationships;
mod search;
mod setup;
mod sso;
mod stories;
mod survey_editor_form;
mod survey_instruments;
pub(crate) mod survey_results;
pub(crate) mod surveys;
pub(crate) mod two_factor;
pub(crate) mod vitality;
mod vitality_settings;

use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use verband_domain::{Network, NetworkRole, SortDir};

use crate::csrf::csrf_middleware;
use crate::error::WebError;
use crate::layout::NavNetwork;
use crate::visitor::visitor_middleware;
use crate::AppState;

pub fn routes(state: AppState) -> Router {
    let n = "/netwerken/{network_id}";
    Router::new()
        .route("/", get(home::root))
        .route("/inloggen", get(auth::login_page).post(auth::login))
        .route("/inloggen/sso", get(sso::start))
        .route("/inloggen/sso/terug", get(sso::finish))
        .route("/uitloggen", post(auth::logout))
        .route("/taal", post(auth::switch_language))
        .route("/account", get(account::page_handler))
        .route("/account/gegevens", post(account::save_profile))
        .route("/account/wachtwoord", post(account::change_password))
        .route("/account/sessies/elders-uitloggen", post(account::end_other_sessions))
        .route("/wachtwoord-vergeten", get(password_reset::request_page).post(password_reset::request))
        .route("/wachtwoord-herstellen/{token}", get(password_reset::choose_page).post(password_reset::choose))
        .route("/account/tokens", post(account::create_token))
        .route(two_factor::PATH, get(two_factor::show))
        .route(&format!("{}/starten", two_factor::PATH), post(two_factor::start))
        .route(&format!("{}/bevestigen", two_factor::PATH), post(two_factor::confirm))
        .route(&format!("{}/herstelcodes", two_factor::PATH), post(two_factor::renew_codes))
        .route(&format!("{}/uitzetten", two_factor::PATH), post(two_factor::switch_off))
        .route(two_factor::LOGIN_CODE_PATH, get(two_factor::login_code_page).post(two_factor::login_code))
        .route(two_factor::ADMIN_PATH, get(two_factor::admin_page).post(two_factor::admin_save))
        .route(&format!("{}/herstellen", two_factor::ADMIN_PATH), post(two_factor::admin_reset))
        .route("/account/tokens/{token_id}/intrekken", post(account::revoke_token))
        .route("/netwerken", get(home::networks))
        .route("/eerste-beheerder/{token}", get(setup::show).post(setup::create))
        .route("/uitnodiging/{token}", get(invitation::show).post(invitation::create_account))
        .route("/uitnodiging/{token}/accepteren", post(invitation::accept))
        .route("/beheer/netwerken", get(admin_networks::list))
        .route("/beheer/netwerken/nieuw", get(admin_networks::new_form).post(admin_networks::create))
        .route("/beheer/netwerken/{id}/archiveren", get(admin_networks::confirm_archive).post(admin_networks::archive))
        .route("/beheer/netwerken/{id}/terugzetten", post(admin_networks::restore))
        .route(&format!("{n}/toegang"), get(access::show))
        .route(&format!("{n}/toegang/uitnodigen"), post(access::invite))
        .route(&format!("{n}/toegang/uitnodigingen/{{id}}/opnieuw"), post(access::resend))
        .route(&format!("{n}/toegang/uitnodigingen/{{id}}/intrekken"), post(access::withdraw))
        .route(&format!("{n}/toegang/personen/{{id}}"), post(access::change))
        .route(&format!("{n}/toegang/personen/{{id}}/verwijderen"), get(access::confirm_remove).post(access::remove))
        .route(n, get(home::dashboard))
        .route(&format!("{n}/logboek"), get(audit::network_log))
        .route(&format!("{n}/logboek.csv"), get(audit::network_csv))
        .route("/beheer/logboek", get(audit::admin_log))
        .route("/beheer/logboek.csv", get(audit::admin_csv))
        .route(&format!("{n}/gegevens"), get(network::edit_form).post(network::update))
        .route(&format!("{n}/partners"), get(partners::list))
        .route(&format!("{n}/partners/nieuw"), get(partners::new_form).post(partners::create))
        .route(&format!("{n}/partners/{{id}}"), get(partners::detail))
        .route(&format!("{n}/partners/{{id}}/bewerken"), get(partners::edit_form).post(partners::update))
        .route(&format!("{n}/partners/{{id}}/archiveren"), post(partners::archive))
        .route(&format!("{n}/partners/{{id}}/terugzetten"), post(partners::restore))
        .route(&format!("{n}/personen"), get(persons::list))
        .route(&format!("{n}/personen/nieuw"), get(persons::new_form).post(persons::create))
        .route(&format!("{n}/personen/{{id}}"), get(persons::detail))
        .route(&format!("{n}/personen/{{id}}/bewerken"), get(persons::edit_form).post(persons::update))
        .route(&format!("{n}/personen/{{id}}/archiveren"), post(persons::archive))
        .route(&format!("{n}/personen/{{id}}/terugzetten"), post(persons::restore))
        .route(&format!("{n}/ambitie"), get(ambition::show).post(ambition::save_statement))
        .route(&format!("{n}/ambitie/doelen/nieuw"), get(ambition::new_goal).post(ambition::create_goal))
        .route(&format!("{n}/ambitie/doelen/{{id}}"), get(ambition::edit_goal).post(ambition::update_goal))
        .route(&format!("{n}/ambitie/doelen/{{id}}/archiveren"), post(ambition::archive_goal))
        .route(&format!("{n}/ambitie/doelen/{{id}}/terugzetten"), post(ambition::restore_goal))
        .route(&format!("{n}/belangen"), get(interests::list))
        .route(&format!("{n}/belangen/nieuw"), get(interests::new_form).post(interests::create))
        .route(&format!("{n}/belangen/{{id}}"), get(interests::edit_form).post(interests::update))
        .route(&format!("{n}/belangen/{{id}}/verwijderen"), get(interests::confirm_delete).post(interests::delete))
        .route(&format!("{n}/bijeenkomsten"), get(meetings::list))
        .route(&format!("{n}/bijeenkomsten/nieuw"), get(meetings::new_form).post(meetings::create))
        .route(&format!("{n}/bijeenkomsten/{{id}}"), get(meetings::detail))
        .route(&format!("{n}/bijeenkomsten/{{id}}/bewerken"), get(meetings::edit_form).post(meetings::update))
        .route(&format!("{n}/bijeenkomsten/{{id}}/agendapunten"), post(meetings::propose))
        .route(&format!("{n}/bijeenkomsten/{{id}}/agendavolgorde"), post(meetings::order))
        .route(&format!("{n}/bijeenkomsten/{{id}}/aanwezigheid"), post(meetings::attendance))
        .route(&format!("{n}/bijeenkomsten/{{id}}/besluiten"), post(meetings::decide))
        .route(&format!("{n}/bijeenkomsten/{{id}}/acties"), post(meetings::add_action))
        .route(&format!("{n}/organen"), get(meetings::bodies).post(meetings::create_body))
        .route(&format!("{n}/acties"), get(actions::list))
        .route(&format!("{n}/acties/{{id}}/afvinken"), post(actions::tick))
        .route(&format!("{n}/acties/{{id}}/heropenen"), post(actions::reopen))
        .route(&format!("{n}/afspraken"), get(agreements::list))
        .route(&format!("{n}/afspraken/nieuw"), get(agreements::new_form).post(agreements::create))
        .route(&format!("{n}/afspraken/{{id}}"), get(agreement_detail::detail))
        .route(&format!("{n}/afspraken/{{id}}/bewerken"), get(agreements::edit_form).post(agreements::update))
        .route(&format!("{n}/afspraken/{{id}}/archiveren"), get(agreements::confirm_archive).post(agreements::archive))
        .route(&format!("{n}/afspraken/{{id}}/terugzetten"), post(agreements::restore))
        .route(&format!("{n}/afspraken/{{id}}/toezeggingen/nieuw"), get(commitments::new_form).post(commitments::create))
        .route(&format!("{n}/afspraken/{{id}}/toezeggingen/{{cid}}/bewerken"), get(commitments::edit_form).post(commitments::update))
        .route(
            &format!("{n}/afspraken/{{id}}/toezeggingen/{{cid}}/verwijderen"),
            get(commitments::confirm_remove).post(commitments::remove),
        )
        .route(&format!("{n}/afspraken/{{id}}/toezeggingen/{{cid}}/levering"), post(agreement_detail::report_delivery))
        .route(
            &format!("{n}/afspraken/{{id}}/documenten"),
            post(agreement_documents::upload).layer(DefaultBodyLimit::max(agreement_documents::UPLOAD_BODY_LIMIT)),
        )
        .route(&format!("{n}/afspraken/documenten/{{id}}"), get(agreement_documents::download))
        .route(&format!("{n}/verhalen"), get(stories::list).post(stories::share))
        .route(&format!("{n}/vitaliteit"), get(vitality_settings::show).post(vitality_settings::save))
        .route(&format!("{n}/uitwisselen"), get(exchange::show))
        .route(&format!("{n}/uitwisselen/bestand"), get(exchange::download))
        .route(
            &format!("{n}/uitwisselen/inlezen"),
            post(exchange::upload).layer(axum::extract::DefaultBodyLimit::max(exchange::IMPORT_BODY_LIMIT)),
        )
        .route(&format!("{n}/uitwisselen/bevestigen"), post(exchange::confirm))
        .route(&format!("{n}/agenda-abonnementen"), post(calendar_feeds::create))
        .route(&format!("{n}/agenda-abonnementen/{{id}}/intrekken"), post(calendar_feeds::revoke))
        .route(&format!("{n}/projecten"), get(projects::list))
        .route(&format!("{n}/projecten/nieuw"), get(project_form::new_form).post(project_form::create))
        .route(&format!("{n}/projecten/{{id}}"), get(projects::detail))
        .route(&format!("{n}/projecten/{{id}}/bewerken"), get(project_form::edit_form).post(project_form::update))
        .route(&format!("{n}/projecten/{{id}}/archiveren"), get(projects::confirm_archive).post(projects::archive))
        .route(&format!("{n}/projecten/{{id}}/terugzetten"), post(projects::restore))
        .route(&format!("{n}/projecten/{{id}}/financiering/nieuw"), get(project_form::new_stream).post(project_form::create_stream))
        .route(&format!("{n}/projecten/{{id}}/financiering/{{sid}}"), get(project_form::edit_stream).post(project_form::update_stream))
        .route(
            &format!("{n}/projecten/{{id}}/financiering/{{sid}}/archiveren"),
            get(project_form::confirm_archive_stream).post(project_form::archive_stream),
        )
        .route(&format!("{n}/portfolio"), get(portfolio::show).post(portfolio::save_settings))
        .route(&format!("{n}/kaart"), get(map::show))
        .route(&format!("{n}/kaart/kaart.svg"), get(map::svg))
        .route(&format!("{n}/kaart/kaart.png"), get(map::png))
        .route(&format!("{n}/kaart/bestanden"), get(network_files::show))
        .route(&format!("{n}/kaart/bestanden/download"), get(network_files::download))
        .route(
            &format!("{n}/kaart/bestanden/inlezen"),
            post(network_files::upload).layer(DefaultBodyLimit::max(network_files::UPLOAD_BODY_LIMIT)),
        )
        .route(&format!("{n}/kaart/bestanden/bevestigen"), post(network_files::confirm))
        .route(&format!("{n}/relaties"), get(relationships::show))
        .route(&format!("{n}/relaties/metingen"), post(relationships::create_round))
        .route(&format!("{n}/relaties/metingen/{{rid}}"), post(relationships::add))
        .route(
            &format!("{n}/relaties/metingen/{{rid}}/archiveren"),
            get(relationships::confirm_archive_round).post(relationships::archive_round),
        )
        .route(&format!("{n}/relaties/metingen/{{rid}}/terugzetten"), post(relationships::restore_round))
        .route(&format!("{n}/relaties/{{id}}/verwijderen"), post(relationships::remove))
        .route(&format!("{n}/relaties/{{id}}/terugzetten"), post(relationships::restore))
        .route(&format!("{n}/fasechecklist"), get(checklist::show))
        .route(&format!("{n}/fasechecklist/{{block}}"), post(checklist::save_block))
        .route(&format!("{n}/evaluaties"), get(surveys::overview))
        .route(&format!("{n}/evaluaties/nieuw"), get(surveys::new_round).post(surveys::start_round))
        .route(&format!("{n}/evaluaties/instrumenten/kopie"), post(surveys::copy_instrument))
        // Static segments win over `{iid}` and over `{rid}/{file}` below, so these do not clash.
        .route(&format!("{n}/evaluaties/instrumenten/nieuw"), post(survey_instruments::create))
        .route(&format!("{n}/evaluaties/instrumenten/{{iid}}"), get(survey_instruments::show).post(survey_instruments::save))
        .route(&format!("{n}/evaluaties/{{rid}}"), get(surveys::round))
        .route(&format!("{n}/evaluaties/{{rid}}/links"), post(surveys::links))
        .route(&format!("{n}/evaluaties/{{rid}}/herinneren"), post(surveys::remind))
        .route(&format!("{n}/evaluaties/{{rid}}/afsluiten"), get(surveys::confirm_close).post(surveys::close))
        .route(&format!("{n}/evaluaties/{{rid}}/resultaten"), get(survey_results::show))
        .route(&format!("{n}/evaluaties/{{rid}}/themas"), post(survey_results::tag))
        .route(&format!("{n}/evaluaties/{{rid}}/{{file}}"), get(survey_results::export))
        // The knowledge lab: items are created in a network, then live under
        // /kennislab, because a shared item is read from every network. The
        // search page GET /kennislab itself is the lab's search (elsewhere).
        .route(&format!("{n}/kennislab/nieuw"), get(knowledge_form::new_form).post(knowledge_form::create))
        .route("/kennislab", get(knowledge_lab::show))
        .route("/zoeken", get(search::show))
        .route("/kennislab/{id}", get(knowledge_item::show))
        .route("/kennislab/{id}/bewerken", get(knowledge_form::edit_form).post(knowledge_form::update))
        .route("/kennislab/{id}/archiveren", get(knowledge_item::confirm_archive).post(knowledge_item::archive))
        .route("/kennislab/{id}/terugzetten", post(knowledge_item::restore))
        .route(
            "/kennislab/{id}/bijlagen",
            post(knowledge_attachments::upload).layer(DefaultBodyLimit::max(knowledge_attachments::UPLOAD_BODY_LIMIT)),
        )
        .route("/kennislab/{id}/bijlagen/{aid}", get(knowledge_attachments::download))
        .route("/kennislab/{id}/bijlagen/{aid}/verwijderen", post(knowledge_attachments::remove))
        .route("/kennislab/{id}/vragen", post(knowledge_questions::ask))
        .route("/kennislab/{id}/vragen/{qid}/verwijderen", post(knowledge_questions::remove))
        .fallback(not_found)
        .layer(middleware::from_fn(csrf_middleware))
        .layer(middleware::from_fn_with_state(state.clone(), visitor_middleware))
        .with_state(state)
}

async fn not_found(_req: Request) -> WebError {
    WebError::NotFound
}

pub(crate) fn nav(network: &Network, role: NetworkRole) -> NavNetwork {
    NavNetwork { id: network.id, name: network.name.clone(), role }
}

/// The query of a list page: search, filters, sorting, page, and the
/// message of a change just made.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ListQuery {
    pub q: String,
    pub sector: String,
    pub status: String,
    pub organisation: String,
    pub archived: String,
    pub sort: String,
    pub dir: String,
    pub page: Option<u32>,
    pub done: Option<String>,
}

impl ListQuery {
    pub fn desc(&self) -> bool {
        SortDir::parse(&self.dir) == SortDir::Desc
    }

    /// The filter part of the query, to keep in sort and page links.
    pub fn filter_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("q", &self.q),
            ("sector", &self.sector),
            ("status", &self.status),
            ("organisation", &self.organisation),
            ("archived", &self.archived),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }

    /// The filter and sort part, for page links.
    pub fn page_query(&self) -> String {
        let mut q = self.filter_query();
        if !self.sort.is_empty() {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(
                &form_urlencoded::Serializer::new(String::new()).append_pair("sort", &self.sort).append_pair("dir", &self.dir).finish(),
            );
        }
        q
    }
}

/// The `done` message after a redirect.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DoneQuery {
    pub done: Option<String>,
}
