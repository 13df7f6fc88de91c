//! Agreements, their commitments, the deliveries reported on them and the
//! signed documents: `/networks/{networkId}/agreements`, `…/commitments`.
//!
//! A network has a handful of agreements, so lists come whole, as `{"items": [...]}`.
//! Hours and money are sent as text, the way people type them ("2,5",
//! "1.250,50", "1250.50"), or as whole numbers.

use axum::extract::{OriginalUri, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};
use verband_domain::portfolio::{Agreement, AgreementForm, Commitment, CommitmentForm, Delivery, DeliveryForm, PartnerBalance};
use verband_domain::ValidationErrors;
use verband_service::{Actor, AgreementDetail, DocumentInfo};

use super::extract::{ApiActor, ApiJson, ApiPath};
use super::problem::{ApiError, Problem};
use crate::AppState;

// ---------------------------------------------------------------------------
// Shapes of the answers
// ---------------------------------------------------------------------------

/// An agreement in the list, with how many partners are behind.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgreementListItem {
    #[serde(flatten)]
    pub agreement: Agreement,
    /// Partners that delivered clearly less than was due so far; absent for archived agreements.
    pub partners_behind: Option<usize>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementList {
    pub items: Vec<AgreementListItem>,
}

/// A signed document kept with an agreement (its bytes are at `contentPath`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgreementDocument {
    pub id: i64,
    pub agreement_id: i64,
    pub file_name: String,
    /// Judged from the content when it was uploaded.
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content, in hex.
    pub sha256: String,
    /// RFC 3339, UTC.
    pub uploaded_at: String,
    /// Path (under `/api/v1`) to download the content.
    pub content_path: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementDocumentList {
    pub items: Vec<AgreementDocument>,
}

/// An agreement with its commitments, the deliveries reported on them, agreed
/// against delivered per partner, and its documents.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgreementView {
    #[serde(flatten)]
    pub agreement: Agreement,
    pub commitments: Vec<Commitment>,
    /// Oldest quarter first.
    pub deliveries: Vec<Delivery>,
    /// Per partner with commitments: agreed, due by the end of the last completed quarter, delivered, and whether behind.
    pub balance: Vec<PartnerBalance>,
    pub documents: Vec<AgreementDocument>,
}

fn document_view(network_id: i64, d: DocumentInfo) -> AgreementDocument {
    AgreementDocument {
        content_path: format!("/networks/{network_id}/agreements/{}/documents/{}/content", d.agreement_id, d.id),
        id: d.id,
        agreement_id: d.agreement_id,
        file_name: d.file_name,
        content_type: d.content_type,
        size_bytes: d.size_bytes,
        sha256: d.sha256,
        uploaded_at: d.uploaded_at,
    }
}

impl AgreementView {
    fn from_detail(network_id: i64, d: AgreementDetail) -> Self {
        AgreementView {
            agreement: d.agreement,
            commitments: d.commitments,
            deliveries: d.deliveries,
            balance: d.balance,
            documents: d.documents.into_iter().map(|x| document_view(network_id, x)).collect(),
        }
    }
}

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct AgreementListParams {
    /// Also list archived agreements (default false).
    include_archived: Option<bool>,
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn created_at<T: Serialize>(location: String, value: T) -> Response {
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(value)).into_response()
}

async fn agreement_view(state: &AppState, actor: &Actor, network_id: i64, agreement_id: i64) -> Result<AgreementView, ApiError> {
    Ok(AgreementView::from_detail(network_id, state.service.agreement(actor, network_id, agreement_id).await?))
}

fn include_archived(uri: &axum::http::Uri) -> Result<bool, ApiError> {
    let value = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).find(|(k, _)| k == "includeArchived").map(|(_, v)| v);
    match value.as_deref().map(str::trim) {
        None | Some("") | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(ApiError::Invalid(ValidationErrors::single("includeArchived", "boolean-invalid"))),
    }
}

// ---------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------

/// The network's agreements, with how many partners are behind on each.
#[utoipa::path(
    get, path = "/networks/{networkId}/agreements", tag = "agreements", operation_id = "listAgreements",
    params(("networkId" = i64, Path, description = "Id of the network"), AgreementListParams),
    responses(
        (status = 200, description = "The agreements", body = AgreementList),
        (status = 400, description = "Invalid query parameters; every one is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_agreements(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, ApiError> {
    state.service.role_in(&actor, network_id).await?;
    let with_archived = include_archived(&uri)?;
    let balances = state.service.agreement_balances(&actor, network_id).await?;
    let items = state
        .service
        .agreements(&actor, network_id)
        .await?
        .into_iter()
        .filter(|a| with_archived || !a.archived)
        .map(|a| {
            let partners_behind = balances.iter().find(|(b, _)| b.id == a.id).map(|(_, b)| b.iter().filter(|p| p.behind).count());
            AgreementListItem { agreement: a, partners_behind }
        })
        .collect();
    Ok(Json(AgreementList { items }).into_response())
}

/// Records an agreement between at least two of the network's partners (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/agreements", tag = "agreements", operation_id = "createAgreement",
    params(("networkId" = i64, Path, description = "Id of the network")),
    request_body(content = AgreementForm, example = json!({
        "title": "Convenant Gezond Rivierenland", "partyIds": [1, 2], "startsOn": "2026-01-01", "endsOn": "2027-12-31",
        "evaluationDate": "2026-12-01", "outOfScope": "Individuele zorg"
    })),
    responses(
        (status = 201, description = "Created", body = AgreementView, headers(("Location" = String, description = "Path of the new agreement"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_agreement(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath(network_id): ApiPath<i64>,
    OriginalUri(uri): OriginalUri,
    ApiJson(form): ApiJson<AgreementForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_agreement(&actor, network_id, None, &form).await?;
    Ok(created_at(format!("{}/{id}", uri.path()), agreement_view(&state, &actor, network_id, id).await?))
}

/// One agreement with its commitments, deliveries, agreed against delivered per partner, and documents.
#[utoipa::path(
    get, path = "/networks/{networkId}/agreements/{agreementId}", tag = "agreements", operation_id = "getAgreement",
    params(("networkId" = i64, Path, description = "Id of the network"), ("agreementId" = i64, Path, description = "Id of the agreement")),
    responses(
        (status = 200, description = "The agreement", body = AgreementView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_agreement(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(agreement_view(&state, &actor, network_id, agreement_id).await?).into_response())
}

/// Replaces the agreement's details (coordinators only). Fields left out
/// become empty. A party with commitments cannot be left out.
#[utoipa::path(
    put, path = "/networks/{networkId}/agreements/{agreementId}", tag = "agreements", operation_id = "updateAgreement",
    params(("networkId" = i64, Path, description = "Id of the network"), ("agreementId" = i64, Path, description = "Id of the agreement")),
    request_body = AgreementForm,
    responses(
        (status = 200, description = "The changed agreement", body = AgreementView),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_agreement(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<AgreementForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_agreement(&actor, network_id, Some(agreement_id), &form).await?;
    Ok(Json(agreement_view(&state, &actor, network_id, id).await?).into_response())
}

/// Archives the agreement (coordinators only): a soft delete that keeps its
/// commitments, deliveries and documents; `POST …/restore` undoes it.
#[utoipa::path(
    delete, path = "/networks/{networkId}/agreements/{agreementId}", tag = "agreements", operation_id = "archiveAgreement",
    params(("networkId" = i64, Path, description = "Id of the network"), ("agreementId" = i64, Path, description = "Id of the agreement")),
    responses(
        (status = 200, description = "The archived agreement (`archived` is true)", body = AgreementView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn archive_agreement(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.set_agreement_archived(&actor, network_id, agreement_id, true).await?;
    Ok(Json(agreement_view(&state, &actor, network_id, agreement_id).await?).into_response())
}

/// Brings an archived agreement back (coordinators only).
#[utoipa::path(
    post, path = "/networks/{networkId}/agreements/{agreementId}/restore", tag = "agreements", operation_id = "restoreAgreement",
    params(("networkId" = i64, Path, description = "Id of the network"), ("agreementId" = i64, Path, description = "Id of the agreement")),
    responses(
        (status = 200, description = "The restored agreement", body = AgreementView),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn restore_agreement(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.set_agreement_archived(&actor, network_id, agreement_id, false).await?;
    Ok(Json(agreement_view(&state, &actor, network_id, agreement_id).await?).into_response())
}

// ---------------------------------------------------------------------------
// Commitments and deliveries
// ---------------------------------------------------------------------------

/// Adds what one party brings into the agreement (coordinators only). Only
/// the agreement's parties can commit.
#[utoipa::path(
    post, path = "/networks/{networkId}/agreements/{agreementId}/commitments", tag = "agreements", operation_id = "createCommitment",
    params(("networkId" = i64, Path, description = "Id of the network"), ("agreementId" = i64, Path, description = "Id of the agreement")),
    request_body(content = CommitmentForm, example = json!({"organisationId": 2, "role": "Trekker", "hoursPerMonth": "8", "money": "12.500", "inKind": "Vergaderruimte"})),
    responses(
        (status = 201, description = "Created", body = Commitment, headers(("Location" = String, description = "Path of the new commitment"))),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn create_commitment(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<CommitmentForm>,
) -> Result<Response, ApiError> {
    let id = state.service.save_commitment(&actor, network_id, agreement_id, None, &form).await?;
    let c = state.service.commitment(&actor, network_id, id).await?;
    Ok(created_at(format!("/api/v1/networks/{network_id}/commitments/{id}"), c))
}

/// One commitment.
#[utoipa::path(
    get, path = "/networks/{networkId}/commitments/{commitmentId}", tag = "agreements", operation_id = "getCommitment",
    params(("networkId" = i64, Path, description = "Id of the network"), ("commitmentId" = i64, Path, description = "Id of the commitment")),
    responses(
        (status = 200, description = "The commitment", body = Commitment),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such commitment in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_commitment(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, commitment_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.service.commitment(&actor, network_id, commitment_id).await?).into_response())
}

/// Replaces the commitment (coordinators only). Fields left out become empty.
#[utoipa::path(
    put, path = "/networks/{networkId}/commitments/{commitmentId}", tag = "agreements", operation_id = "updateCommitment",
    params(("networkId" = i64, Path, description = "Id of the network"), ("commitmentId" = i64, Path, description = "Id of the commitment")),
    request_body = CommitmentForm,
    responses(
        (status = 200, description = "The changed commitment", body = Commitment),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such commitment in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn update_commitment(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, commitment_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<CommitmentForm>,
) -> Result<Response, ApiError> {
    let current = state.service.commitment(&actor, network_id, commitment_id).await?;
    state.service.save_commitment(&actor, network_id, current.agreement_id, Some(commitment_id), &form).await?;
    Ok(Json(state.service.commitment(&actor, network_id, commitment_id).await?).into_response())
}

/// Takes the commitment out of its agreement (coordinators only). Its
/// deliveries stay on record; it no longer counts in the balance.
#[utoipa::path(
    delete, path = "/networks/{networkId}/commitments/{commitmentId}", tag = "agreements", operation_id = "removeCommitment",
    params(("networkId" = i64, Path, description = "Id of the network"), ("commitmentId" = i64, Path, description = "Id of the commitment")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is not a coordinator of this network", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such commitment in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn remove_commitment(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, commitment_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    state.service.set_commitment_removed(&actor, network_id, commitment_id, true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Reports what was delivered on a commitment in a quarter (the current one
/// or an earlier one); a second report for the same quarter replaces the
/// first. Coordinators report for every party; members and steering-group
/// members only for the organisation their account represents.
#[utoipa::path(
    post, path = "/networks/{networkId}/commitments/{commitmentId}/deliveries", tag = "agreements", operation_id = "recordDelivery",
    params(("networkId" = i64, Path, description = "Id of the network"), ("commitmentId" = i64, Path, description = "Id of the commitment")),
    request_body(content = DeliveryForm, example = json!({"quarter": "2026-Q1", "hours": "24", "money": "3.000", "note": "Twee bijeenkomsten georganiseerd"})),
    responses(
        (status = 201, description = "Recorded", body = Delivery),
        (status = 400, description = "Invalid body; every invalid field is listed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The commitment is another organisation's, or the caller is an advisor", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such commitment in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn record_delivery(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, commitment_id)): ApiPath<(i64, i64)>,
    ApiJson(form): ApiJson<DeliveryForm>,
) -> Result<Response, ApiError> {
    let id = state.service.record_delivery(&actor, network_id, commitment_id, &form).await?;
    let c = state.service.commitment(&actor, network_id, commitment_id).await?;
    let detail = state.service.agreement(&actor, network_id, c.agreement_id).await?;
    let delivery = detail.deliveries.into_iter().find(|d| d.id == id).ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(delivery)).into_response())
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

/// The signed documents of an agreement, newest first (without their content).
#[utoipa::path(
    get, path = "/networks/{networkId}/agreements/{agreementId}/documents", tag = "agreements", operation_id = "listAgreementDocuments",
    params(("networkId" = i64, Path, description = "Id of the network"), ("agreementId" = i64, Path, description = "Id of the agreement")),
    responses(
        (status = 200, description = "The documents", body = AgreementDocumentList),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement in this network, or the caller has no role in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn list_documents(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let view = agreement_view(&state, &actor, network_id, agreement_id).await?;
    Ok(Json(AgreementDocumentList { items: view.documents }).into_response())
}

/// The content of a document, as an attachment with the content type judged at upload.
#[utoipa::path(
    get, path = "/networks/{networkId}/agreements/{agreementId}/documents/{documentId}/content", tag = "agreements",
    operation_id = "getAgreementDocumentContent",
    params(
        ("networkId" = i64, Path, description = "Id of the network"),
        ("agreementId" = i64, Path, description = "Id of the agreement"),
        ("documentId" = i64, Path, description = "Id of the document"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream",
            headers(("Content-Disposition" = String, description = "attachment, with the file name"))),
        (status = 401, description = "No valid API token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document of this agreement, or the caller has no role in the network", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearerAuth" = []))
)]
pub async fn get_document_content(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiPath((network_id, agreement_id, document_id)): ApiPath<(i64, i64, i64)>,
) -> Result<Response, ApiError> {
    let (doc, content) = state.service.agreement_document(&actor, network_id, document_id).await?;
    if doc.agreement_id != agreement_id {
        return Err(ApiError::NotFound);
    }
    Ok(crate::pages::agreement_documents::attachment_response(&doc, content))
}
