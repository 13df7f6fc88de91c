//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use serde::Serialize;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};
use verband_domain::phase_checklist::{ChecklistItemForm, Evidence};
use verband_domain::portfolio::{Agreement, AgreementForm, Commitment, CommitmentForm, Delivery, DeliveryForm, PartnerBalance};
use verband_domain::portfolio::{FundingStream, FundingStreamForm, Project, ProjectForm, StatusChange};
use verband_domain::portfolio_settings::{PortfolioSettings, PortfolioSettingsForm};
use verband_domain::vitality::{
    ArgValue, BodySignal, Composite, CompositeThresholds, HistoryPoint, Message, MessageArg, Signal, SignalKind, SignalStatus,
    SignalThresholds, SignalUnit, Thresholds, Trend, TrendDirection, VitalitySettings, WindowBy,
};
use verband_domain::{
    ActionDoneForm, ActionItem, ActionItemForm, AgendaItem, AgendaItemForm, AgendaOrderForm, Attendance, AttendanceForm, AttendanceStatus,
    Body, BodyForm, BodyKind, Decision, DecisionForm, Meeting, MeetingForm, MeetingStatus, MembershipStatus, Network, NetworkForm,
    NetworkRole, OrganisationForm, Ownership, Partner, Person, PersonForm, PersonRole, Phase, Sector, Story, StoryForm,
};
use verband_domain::{BuildingBlock, ChecklistStatus, EvidenceKind, FundingKind, FundingSource, ProjectStatus};

use super::agreements::{AgreementDocument, AgreementDocumentList, AgreementList, AgreementListItem, AgreementView};
use super::meetings::{ActionItemCreate, ActionItemList, BodyList, MeetingList, MeetingView, StoryList};
use super::network_map::{NetworkMapView, PreviousRound, RelationshipList, RoundList};
use super::networks::NetworkView;
use super::problem::{InvalidParam, Problem};
use super::projects::{
    ChecklistEntryView, ChecklistResponse, CliffList, CliffView, FindingList, FindingView, FundingStreamList, KindCount, ObjectView,
    PhaseProgressView, ProjectList, ProjectView, YearShareList, YearShareView,
};
use super::surveys::{
    PreviousSurveyRound, SurveyChoiceCount, SurveyFactorView, SurveyGroupView, SurveyOpenAnswerView, SurveyOpenAnswersView,
    SurveyPartnerScoreView, SurveyQuestionView, SurveyResultsView, SurveyRoundList, SurveyRoundStatus, SurveyRoundView, SurveyScoreView,
    SurveyTrend,
};
use super::vitality::{CompositeView, SignalView, VitalityView};
use super::{access, agreements, meetings, network_map, networks, organisations, persons, projects, surveys, vitality, API_VERSION};
use verband_domain::invitation::{InvitationForm, InvitationState};
use verband_domain::network_analysis::{CommunityMatch, MapLink, NetworkScores, PartnerScores};
use verband_domain::relationship::{Relationship, RelationshipForm, RelationshipKind, RelationshipRound, RoundForm, RoundOrigin};
use verband_domain::survey::{Band, InstrumentKind};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Verband API",
        version = "1.0.0",
        description = "Networks of organisations, their partner organisations and contact persons, their meetings \
            (bodies, agenda, attendance, decisions, action items), shared stories, the vitality of the network and the results of its surveys.\n\n\
            Authenticate with `Authorization: Bearer <token>` (create a token on your account page). \
            Every response carries an `API-Version` header. Errors are `application/problem+json` (RFC 9457); \
            a 400 lists every invalid field or parameter in `invalidParams`. A network you have no role in answers 404. \
            Lists are paged (`page`, `pageSize` up to 100) and carry an RFC 8288 `Link` header. \
            `DELETE` archives (a soft delete that `POST …/restore` undoes).",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    servers((url = "/api/v1", description = "This server")),
    paths(
        networks::list_networks,
        networks::get_network,
        networks::update_network,
        access::create_network,
        access::archive_network,
        access::restore_network,
        access::list_invitations,
        access::create_invitations,
        access::withdraw_invitation,
        access::list_roles,
        access::update_role,
        access::remove_role,
        organisations::list_organisations,
        organisations::create_organisation,
        organisations::get_organisation,
        organisations::update_organisation,
        organisations::archive_organisation,
        organisations::restore_organisation,
        persons::list_persons,
        persons::create_person,
        persons::get_person,
        persons::update_person,
        persons::archive_person,
        persons::restore_person,
        meetings::list_bodies,
        meetings::create_body,
        meetings::get_body,
        meetings::update_body,
        meetings::list_meetings,
        meetings::create_meeting,
        meetings::get_meeting,
        meetings::update_meeting,
        meetings::propose_agenda_item,
        meetings::get_agenda_item,
        meetings::order_agenda,
        meetings::record_attendance,
        meetings::add_decision,
        meetings::get_decision,
        meetings::list_action_items,
        meetings::create_action_item,
        meetings::get_action_item,
        meetings::mark_action_done,
        meetings::reopen_action,
        meetings::list_stories,
        meetings::share_story,
        meetings::get_story,
        agreements::list_agreements,
        agreements::create_agreement,
        agreements::get_agreement,
        agreements::update_agreement,
        agreements::archive_agreement,
        agreements::restore_agreement,
        agreements::create_commitment,
        agreements::get_commitment,
        agreements::update_commitment,
        agreements::remove_commitment,
        agreements::record_delivery,
        agreements::list_documents,
        agreements::get_document_content,
        vitality::get_vitality,
        vitality::get_settings,
        vitality::update_settings,
        projects::list_projects,
        projects::create_project,
        projects::get_project,
        projects::update_project,
        projects::archive_project,
        projects::restore_project,
        projects::list_funding_streams,
        projects::create_funding_stream,
        projects::get_funding_stream,
        projects::update_funding_stream,
        projects::archive_funding_stream,
        projects::list_findings,
        projects::list_funding_cliffs,
        projects::get_funding_share,
        projects::get_checklist,
        projects::update_checklist_item,
        projects::get_portfolio_settings,
        projects::update_portfolio_settings,
        network_map::list_rounds,
        network_map::create_round,
        network_map::list_relationships,
        network_map::create_relationship,
        network_map::get_network_map,
        surveys::list_rounds,
        surveys::get_round,
        surveys::get_results,
        openapi_json,
    ),
    components(schemas(
        Problem, InvalidParam, NetworkView, access::InvitationView, access::InvitationSentView, access::InviteResult,
        access::RoleView, access::RoleForm, InvitationForm, InvitationState, Network, NetworkForm, NetworkList, Partner, OrganisationForm, OrganisationList,
        Person, PersonForm, PersonList, Sector, Ownership, MembershipStatus, Phase, NetworkRole, PersonRole, Direction, NetworkSort,
        OrganisationSort, PersonSort,
        Body, BodyForm, BodyKind, BodyList, Meeting, MeetingForm, MeetingStatus, MeetingList, MeetingView, AgendaItem, AgendaItemForm,
        AgendaOrderForm, Attendance, AttendanceForm, AttendanceStatus, Decision, DecisionForm, ActionItem, ActionItemForm, ActionItemCreate,
        ActionItemList, ActionDoneForm, Story, StoryForm, StoryList,
        VitalityView, SignalView, CompositeView, Signal, Composite, HistoryPoint, VitalitySettings, Thresholds, SignalThresholds,
        CompositeThresholds, WindowBy, SignalKind, SignalStatus, SignalUnit, Trend, TrendDirection, BodySignal, Message, MessageArg, ArgValue,
        Agreement, AgreementForm, AgreementList, AgreementListItem, AgreementView, AgreementDocument, AgreementDocumentList, Commitment,
        CommitmentForm, Delivery, DeliveryForm, PartnerBalance,
        Project, ProjectForm, ProjectStatus, StatusChange, FundingStream, FundingStreamForm, FundingSource, FundingKind,
        PortfolioSettings, PortfolioSettingsForm, ChecklistItemForm, Evidence, EvidenceKind, BuildingBlock, ChecklistStatus,
        ProjectList, ProjectView, FundingStreamList, ObjectView, FindingView, FindingList, KindCount, CliffView, CliffList,
        YearShareView, YearShareList, ChecklistEntryView, PhaseProgressView, ChecklistResponse,
        RoundList, RelationshipList, PreviousRound, NetworkMapView, RelationshipRound, Relationship, RelationshipForm, RoundForm,
        RelationshipKind, RoundOrigin, PartnerScores, MapLink, NetworkScores, CommunityMatch,
        SurveyRoundList, SurveyRoundView, SurveyRoundStatus, InstrumentKind, SurveyResultsView, PreviousSurveyRound, SurveyFactorView,
        SurveyGroupView, SurveyQuestionView, SurveyChoiceCount, SurveyPartnerScoreView, SurveyScoreView, SurveyOpenAnswersView,
        SurveyOpenAnswerView, Band, SurveyTrend,
    )),
    modifiers(&BearerScheme),
    tags(
        (name = "networks", description = "The networks the caller has a role in"),
        (name = "access", description = "Who has access to a network, and invitations"),
        (name = "organisations", description = "Partner organisations of a network"),
        (name = "persons", description = "Contact persons of a network (personal data)"),
        (name = "meetings", description = "Bodies, meetings, agenda items, attendance, decisions, action items and stories of a network"),
        (name = "agreements", description = "Agreements between partners (covenants), the commitments of each party, the deliveries they report per quarter, and the signed documents"),
        (name = "vitality", description = "The energy of a network: signals, composite index, history and settings"),
        (name = "portfolio", description = "Projects and their funding, coherence findings, funding cliffs, the structural share and the phase checklist"),
        (name = "network-map", description = "Relationships between partners per round, and the network map's figures"),
        (name = "surveys", description = "Survey rounds (evaluations) with their response counts, and their results; no figure is given for a group of fewer respondents than the round's anonymity threshold"),
        (name = "meta", description = "About this API"),
    )
)]
pub struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearerAuth", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The document as JSON, with the version the `API-Version` header sends.
pub fn document() -> Result<String, serde_json::Error> {
    let mut doc = ApiDoc::openapi();
    doc.info.version = API_VERSION.to_string();
    doc.to_json()
}

/// This document (no token needed).
#[utoipa::path(
    get, path = "/openapi.json", tag = "meta", operation_id = "getOpenApi",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json")),
    security(())
)]
pub async fn openapi_json() -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    match document() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => super::problem::ApiError::Internal(e.to_string()).into_response(),
    }
}

// The types below only describe responses and query parameters in the
// document; the handlers build the same shapes with `list::ListBody` and
// parse queries by hand, so that every invalid parameter is reported at once.

/// A page of networks.
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkList {
    items: Vec<NetworkView>,
    /// Page number, from 1.
    page: u32,
    page_size: u32,
    /// Number of items on all pages together.
    total: i64,
}

/// A page of organisations.
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationList {
    items: Vec<Partner>,
    page: u32,
    page_size: u32,
    total: i64,
}

/// A page of contact persons.
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonList {
    items: Vec<Person>,
    page: u32,
    page_size: u32,
    total: i64,
}

#[allow(dead_code)]
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum Direction {
    Asc,
    Desc,
}

#[allow(dead_code)]
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum NetworkSort {
    Name,
}

#[allow(dead_code)]
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum OrganisationSort {
    Name,
    Sector,
    Status,
    Since,
    Persons,
}

#[allow(dead_code)]
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum PersonSort {
    Name,
    Organisation,
    Email,
}

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ListParams {
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    page: Option<u32>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<u32>,
    /// Search text, matched case-insensitively against the name.
    q: Option<String>,
    sort: Option<NetworkSort>,
    dir: Option<Direction>,
}

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct OrganisationListParams {
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    page: Option<u32>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<u32>,
    /// Search text, matched case-insensitively against the name.
    q: Option<String>,
    sector: Option<Sector>,
    /// Membership status in this network.
    status: Option<MembershipStatus>,
    /// Column to sort by (default `name`).
    sort: Option<OrganisationSort>,
    dir: Option<Direction>,
    /// Also list archived organisations (default false).
    include_archived: Option<bool>,
}

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct PersonListParams {
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    page: Option<u32>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<u32>,
    /// Search text, matched case-insensitively against name and e-mail.
    q: Option<String>,
    /// Only persons of this organisation.
    organisation_id: Option<i64>,
    /// Column to sort by (default `name`).
    sort: Option<PersonSort>,
    dir: Option<Direction>,
    /// Also list archived persons (default false).
    include_archived: Option<bool>,
}
