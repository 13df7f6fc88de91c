//! `/networks` (create, archive, restore), `/networks/{id}/invitations` and
//! `/networks/{id}/roles`: who has access to a network and who is invited.
//! Coordinators of the network and the administrator only; the service decides.

use axum::extract::{OriginalUri, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use verband_domain::invitation::{InvitationForm, InvitationState};
use verband_domain::{NetworkForm, NetworkRole};

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::networks::NetworkView;
use super::problem::{ApiError, Problem};
use crate::AppState;

/// Creates a network (the administrator only). The creator gets no role in
/// it: invite its coordinator through `POST /networks/{networkId}/invitations`.
#[utoipa::path(
    post, path = "/networks", tag = "networks", operation_id = "createNetwork",
    request_body = NetworkForm,
    responses(
        (status = 201, description = "Created", body = NetworkView,
            headers(("Location" = String, description = "Path of the new network"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not the administrator", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_network(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<NetworkForm>,
) -> Result<Response, ApiError> {
    let id = state.service.create_network(&actor, &form).await?;
    let (network, role) = state.service.network(&actor, id).await?;
    let location = format!("{}/{id}", uri.path());
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(NetworkView { network, role })).into_response())
}

/// Archives a network (the administrator only): it disappears for everyone
/// else and its invitations stop working; nothing is deleted.
#[utoipa::path(
    delete, path = "/networks/{networkId}", tag = "networks", operation_id = "archiveNetwork",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 204, description = "Archived"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not the administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn archive_network(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    state.service.archive_network(&actor, network_id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Restores an archived network (the administrator only).
#[utoipa::path(
    post, path = "/networks/{networkId}/restore", tag = "networks", operation_id = "restoreNetwork",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 204, description = "Restored"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not the administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn restore_network(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    state.service.restore_network(&actor, network_id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// An invitation as the API shows it; never its link, which only the invited person receives.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationView {
    pub id: i64,
    pub email: String,
    pub role: NetworkRole,
    pub organisation_id: Option<i64>,
    pub state: InvitationState,
    /// RFC 3339 UTC.
    pub expires_at: String,
    /// When the mail went out; empty when it was not mailed.
    pub sent_at: Option<String>,
}

/// What became of one invited address.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationSentView {
    pub id: i64,
    pub email: String,
    /// An open invitation existed and got a new link.
    pub renewed: bool,
    pub mailed: bool,
    /// The personal link, only when it could not be mailed (no SMTP server): pass it on yourself.
    pub link: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InviteResult {
    pub sent: Vec<InvitationSentView>,
    /// Addresses whose accounts already have a role in the network.
    pub already_in: Vec<String>,
}

/// The open invitations of a network (coordinators only), newest first.
#[utoipa::path(
    get, path = "/networks/{networkId}/invitations", tag = "access", operation_id = "listInvitations",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "Open invitations", body = [InvitationView]),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_invitations(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let view = state.service.access_view(&actor, network_id).await?;
    let items: Vec<InvitationView> = view
        .invitations
        .into_iter()
        .map(|(i, state)| InvitationView {
            id: i.id,
            email: i.email,
            role: i.role,
            organisation_id: i.organisation_id,
            state,
            expires_at: i.expires_at,
            sent_at: i.sent_at,
        })
        .collect();
    Ok(Json(items).into_response())
}

/// Invites one or more addresses (one per line in `emails`) with a role and
/// optionally the partner they represent. An address with an open invitation
/// gets a fresh link instead of a second invitation.
#[utoipa::path(
    post, path = "/networks/{networkId}/invitations", tag = "access", operation_id = "createInvitations",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body = InvitationForm,
    responses(
        (status = 201, description = "Invited", body = InviteResult),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The network is archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_invitations(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    ApiJson(form): ApiJson<InvitationForm>,
) -> Result<Response, ApiError> {
    let outcome = state.service.invite(&actor, network_id, &form).await?;
    let result = InviteResult {
        sent: outcome
            .sent
            .into_iter()
            .map(|s| InvitationSentView { id: s.id, email: s.email, renewed: s.renewed, mailed: s.mailed, link: s.link })
            .collect(),
        already_in: outcome.already_in,
    };
    Ok((StatusCode::CREATED, Json(result)).into_response())
}

/// Withdraws an open invitation: its link stops working.
#[utoipa::path(
    delete, path = "/networks/{networkId}/invitations/{invitationId}", tag = "access", operation_id = "withdrawInvitation",
    params(("networkId" = i64, Path, description = "Id of the network"), ("invitationId" = i64, Path, description = "Id of the invitation")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invitation in this network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already accepted or withdrawn", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn withdraw_invitation(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, invitation_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.withdraw_invitation(&actor, network_id, invitation_id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// One account's role in a network.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: NetworkRole,
    /// The partner this person represents, if any.
    pub organisation_id: Option<i64>,
}

/// Everyone with a role in the network (coordinators only).
#[utoipa::path(
    get, path = "/networks/{networkId}/roles", tag = "access", operation_id = "listRoles",
    params(("networkId" = i64, Path, description = "Id of the network")),
    responses(
        (status = 200, description = "Accounts with their role", body = [RoleView]),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_roles(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let view = state.service.access_view(&actor, network_id).await?;
    let items: Vec<RoleView> = view
        .people
        .into_iter()
        .map(|p| RoleView {
            user_id: p.user_id,
            username: p.username,
            display_name: p.display_name,
            role: p.role,
            organisation_id: p.organisation_id,
        })
        .collect();
    Ok(Json(items).into_response())
}

/// A new role (and partner) for someone who already has access.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleForm {
    pub role: NetworkRole,
    #[serde(default)]
    pub organisation_id: Option<i64>,
}

/// Changes someone's role and partner. The last coordinator cannot be demoted (409).
#[utoipa::path(
    put, path = "/networks/{networkId}/roles/{userId}", tag = "access", operation_id = "updateRole",
    params(("networkId" = i64, Path, description = "Id of the network"), ("userId" = i64, Path, description = "Id of the account")),
    request_body = RoleForm,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "Invalid body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The account has no role in this network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This would leave the network without a coordinator", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_role(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, user_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<RoleForm>,
) -> Result<Response, ApiError> {
    state.service.change_access(&actor, network_id, user_id, form.role, form.organisation_id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Removes someone's access. The last coordinator cannot be removed (409).
#[utoipa::path(
    delete, path = "/networks/{networkId}/roles/{userId}", tag = "access", operation_id = "removeRole",
    params(("networkId" = i64, Path, description = "Id of the network"), ("userId" = i64, Path, description = "Id of the account")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The account has no role in this network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This would leave the network without a coordinator", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn remove_role(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, user_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.remove_access(&actor, network_id, user_id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
