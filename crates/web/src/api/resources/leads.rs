//! Leads from the health check.

use crate::api::error::{ApiResult, ErrorBody, validate};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::api::paging::{PageQuery, Paged};
use crate::context;
use crate::handlers::ClientAddr;
use crate::handlers::leads::LeadForm;
use crate::page::Viewer;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Action;
use ymarfer_store::health::{HealthCheck, Lead};
use ymarfer_store::seek::{Order, Seek};

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadOut {
    pub id: i64,
    pub programme_id: Option<i64>,
    pub cohort_id: Option<i64>,
    pub health_check_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organisation_name: String,
    #[schema(value_type = crate::codes::Language)]
    pub language: String,
    /// `new`, `contacted`, `invited`, `enrolled` or `closed`.
    #[schema(value_type = crate::codes::LeadStatus)]
    pub status: String,
    pub notes: String,
    pub organisation_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

impl From<Lead> for LeadOut {
    fn from(l: Lead) -> LeadOut {
        LeadOut {
            id: l.id,
            programme_id: l.programme_id,
            cohort_id: l.cohort_id,
            health_check_id: l.health_check_id,
            name: l.name,
            email: l.email,
            phone: l.phone,
            organisation_name: l.organisation_name,
            language: l.language,
            status: l.status.as_str().to_string(),
            notes: l.notes,
            organisation_id: l.organisation_id,
            created_at: l.created_at,
        }
    }
}

#[utoipa::path(get, path = "/programmes/{p}/leads", tag = "leads",
    operation_id = "list_leads",
    params(("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60), PageQuery),
    responses(
        (status = 200, description = "Firms that asked to hear more, after the health check", body = Paged<LeadOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's leads", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn leads(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paged<LeadOut>>> {
    let (after, limit) = q.bounds()?;
    let p = context::programme(&state, &viewer, &slug, Action::ViewLeads).await?;
    // The same seek as the leads page's, in id order.
    let seek = if after == 0 {
        Seek::First
    } else {
        Seek::After(after)
    };
    let page = state
        .db
        .leads_page(Some(p.id), seek, Order::Up, limit)
        .await?;
    Ok(Json(Paged {
        items: page.items.into_iter().map(LeadOut::from).collect(),
        next: page.next.map(|id| id.to_string()),
    }))
}

/// A health check as the firm answered it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthCheckOut {
    pub id: i64,
    #[schema(value_type = crate::codes::Language)]
    pub language: String,
    pub sector: Option<String>,
    pub employee_band: Option<String>,
    pub principal_area: Option<String>,
    pub new_goods_or_services: Option<bool>,
    pub new_business_process: Option<bool>,
    pub ongoing_or_abandoned: Option<bool>,
    pub innovation_spending: Option<bool>,
    /// The pain points chosen, by code.
    pub pain_points: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl From<HealthCheck> for HealthCheckOut {
    fn from(c: HealthCheck) -> HealthCheckOut {
        HealthCheckOut {
            pain_points: c
                .pain_points()
                .into_iter()
                .map(|p| p.as_str().to_string())
                .collect(),
            id: c.id,
            language: c.language,
            sector: c.sector,
            employee_band: c.employee_band,
            principal_area: c.principal_area,
            new_goods_or_services: c.new_goods_or_services,
            new_business_process: c.new_business_process,
            ongoing_or_abandoned: c.ongoing_or_abandoned,
            innovation_spending: c.innovation_spending,
            created_at: c.created_at,
            completed_at: c.completed_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadDetail {
    #[serde(flatten)]
    pub lead: LeadOut,
    /// Its health checks: the first, and any taken again later.
    pub health_checks: Vec<HealthCheckOut>,
}

#[utoipa::path(get, path = "/programmes/{p}/leads/{id}", tag = "leads",
    operation_id = "get_lead",
    params(
        ("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("id" = i64, Path, description = "The lead's id"),
    ),
    responses(
        (status = 200, description = "The lead and its health checks", body = LeadDetail),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's leads", body = ErrorBody),
        (status = 404, description = "No such lead in the programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn lead(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, id)): ApiPath<(String, i64)>,
) -> ApiResult<Json<LeadDetail>> {
    let p = context::programme(&state, &viewer, &slug, Action::ViewLeads).await?;
    let lead = crate::handlers::leads::lead_in(&state, &p, id).await?;
    let checks = state.db.checks_of_lead(&lead).await?;
    Ok(Json(LeadDetail {
        lead: LeadOut::from(lead),
        health_checks: checks.into_iter().map(HealthCheckOut::from).collect(),
    }))
}

#[utoipa::path(patch, path = "/programmes/{p}/leads/{id}", tag = "leads",
    operation_id = "change_lead",
    params(
        ("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("id" = i64, Path, description = "The lead's id"),
    ),
    request_body = LeadForm,
    responses(
        (status = 200, description = "The lead, changed", body = LeadOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token may not change the programme's leads", body = ErrorBody),
        (status = 404, description = "No such lead in the programme, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn change_lead(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    ApiPath((slug, id)): ApiPath<(String, i64)>,
    ApiJson(body): ApiJson<LeadForm>,
) -> ApiResult<Json<LeadOut>> {
    let p = context::programme(&state, &viewer, &slug, Action::ManageLeads).await?;
    crate::handlers::leads::lead_in(&state, &p, id).await?;
    let (status, notes) = validate(|tr: Tr| body.check(tr))?;
    ymarfer_app::leads::set_status(
        &state,
        &Acting::person(viewer.actor(), Door::Api, address),
        p.id,
        id,
        status,
        &notes,
    )
    .await
    .map_err(crate::error::AppError::from_app)?;
    Ok(Json(LeadOut::from(
        crate::handlers::leads::lead_in(&state, &p, id).await?,
    )))
}
