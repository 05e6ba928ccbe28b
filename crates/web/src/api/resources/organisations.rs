//! The organisations taking part.

use crate::api::error::{ApiError, ApiResult, ErrorBody, validate};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::api::paging::{PageQuery, Paged};
use crate::context;
use crate::forms::FieldErrors;
use crate::handlers::ClientAddr;
use crate::page::Viewer;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::i18n::Tr;
use ymarfer_domain::authz::missing;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::organisations::Organisation;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: i64,
    pub name: String,
    pub companies_house: Option<String>,
    /// The SIC 2007 section letter.
    pub sic_section: String,
    /// `micro`, `small` or `medium`.
    #[schema(value_type = crate::codes::EmployeeBand)]
    pub employee_band: String,
    /// One of Wales's 22 principal areas.
    pub principal_area: String,
}

impl From<&Organisation> for OrganisationOut {
    fn from(o: &Organisation) -> OrganisationOut {
        OrganisationOut {
            id: o.id,
            name: o.name.clone(),
            companies_house: o.companies_house.clone(),
            sic_section: o.sic_section.clone(),
            employee_band: o.employee_band.as_str().to_string(),
            principal_area: o.principal_area.clone(),
        }
    }
}

#[utoipa::path(get, path = "/programmes/{p}/organisations", tag = "organisations",
    operation_id = "list_organisations",
    params(("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60), PageQuery),
    responses(
        (status = 200, description = "The organisations taking part in the programme", body = Paged<OrganisationOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's organisations", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn organisations(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paged<OrganisationOut>>> {
    let (after, limit) = q.bounds()?;
    let p = context::programme(&state, &viewer, &slug, Action::ViewProgramme).await?;
    crate::error::authorise(can(
        viewer.actor(),
        Action::ViewOrganisation,
        Resource::Organisation {
            programmes: &[p.id],
        },
    ))?;
    let rows = state
        .db
        .programme_organisations_after(p.id, after, limit + 1)
        .await?;
    let items = rows.iter().map(OrganisationOut::from).collect();
    Ok(Json(Paged::of(items, limit, |o: &OrganisationOut| o.id)))
}

/// One UKIS record of an organisation: at entry, at the end, or a follow-up.
#[derive(Debug, Serialize, ToSchema)]
pub struct InnovationRecord {
    #[schema(value_type = crate::codes::InnovationStage)]
    pub stage: String,
    pub asked_on: NaiveDate,
    pub new_goods_or_services: bool,
    pub new_business_process: bool,
    pub ongoing_or_abandoned: bool,
    pub innovation_spending: bool,
    /// Innovation active by the UKIS definition, from these answers.
    pub innovation_active: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationDetail {
    #[serde(flatten)]
    pub organisation: OrganisationOut,
    /// The programmes it takes part in that the token may see.
    pub programmes: Vec<i64>,
    pub innovation: Vec<InnovationRecord>,
}

#[utoipa::path(get, path = "/organisations/{id}", tag = "organisations",
    operation_id = "get_organisation",
    params(("id" = i64, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation and its innovation records", body = OrganisationDetail),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 404, description = "No such organisation, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn organisation(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OrganisationDetail>> {
    let Some(org) = state.db.organisation_by_id(id).await? else {
        return Err(crate::error::refused(missing(viewer.actor())).into());
    };
    let programmes = org.programmes();
    let decision = can(
        viewer.actor(),
        Action::ViewOrganisation,
        Resource::Organisation {
            programmes: &programmes,
        },
    );
    if !decision.allowed() {
        // Seen through no programme: as if it did not exist.
        return Err(ApiError::not_found());
    }
    let visible = programmes
        .into_iter()
        .filter(|p| context::may_programme(&viewer, Action::ViewProgramme, *p))
        .collect();
    let innovation = state
        .db
        .innovation_answers(id)
        .await?
        .into_iter()
        .map(|a| InnovationRecord {
            stage: a.stage.as_str().to_string(),
            asked_on: a.asked_on,
            new_goods_or_services: a.new_goods_or_services,
            new_business_process: a.new_business_process,
            ongoing_or_abandoned: a.ongoing_or_abandoned,
            innovation_spending: a.innovation_spending,
            innovation_active: ymarfer_store::organisations::Answers {
                new_goods_or_services: a.new_goods_or_services,
                new_business_process: a.new_business_process,
                ongoing_or_abandoned: a.ongoing_or_abandoned,
                innovation_spending: a.innovation_spending,
            }
            .innovation()
            .is_innovation_active(),
        })
        .collect();
    Ok(Json(OrganisationDetail {
        organisation: OrganisationOut::from(&org),
        programmes: visible,
        innovation,
    }))
}

/// An organisation's hourly rate, as the edit page takes it.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RateForm {
    /// Pounds an hour, such as `32.50`; empty for the programme's default.
    pub hourly_rate: String,
}

/// A rate changed, and what it moved.
#[derive(Debug, Serialize, ToSchema)]
pub struct RateChangeOut {
    pub organisation_id: i64,
    /// The rate now, in pence; none for the programme's default.
    pub hourly_rate_pence: Option<i64>,
    /// The rate before, in pence; none for the programme's default.
    pub previous_hourly_rate_pence: Option<i64>,
    /// The programme's claimed first-year total before the change, in pence
    /// (none when nothing moved, or the firm is in no programme).
    pub claimed_before_pence: Option<i64>,
    /// The programme's claimed first-year total after it.
    pub claimed_after_pence: Option<i64>,
}

#[utoipa::path(put, path = "/organisations/{id}/rate", tag = "organisations",
    operation_id = "change_organisation_rate",
    params(("id" = i64, Path, description = "The organisation's id")),
    request_body = RateForm,
    responses(
        (status = 200, description = "The rate, changed; its claimed and forecast hours are valued at it, verified lines keep theirs", body = RateChangeOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token may not change this organisation", body = ErrorBody),
        (status = 404, description = "No such organisation, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn change_rate(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<RateForm>,
) -> ApiResult<Json<RateChangeOut>> {
    // Seen at all, before the body is judged: as the edit page.
    let Some(org) = state.db.organisation_by_id(id).await? else {
        return Err(crate::error::refused(missing(viewer.actor())).into());
    };
    let programmes = org.programmes();
    crate::error::authorise(can(
        viewer.actor(),
        Action::EditOrganisation,
        Resource::Organisation {
            programmes: &programmes,
        },
    ))?;
    let rate = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        let rate = crate::parse::money_within(
            tr,
            &mut errors,
            "hourly_rate",
            &body.hourly_rate,
            false,
            ymarfer_domain::bounds::Bound::HourlyRate,
        );
        if errors.is_empty() {
            Ok(rate.map(|p| p.0))
        } else {
            Err(errors)
        }
    })?;
    let change = ymarfer_app::organisations::change_rate(
        &state,
        &Acting::person(viewer.actor(), Door::Api, address.clone()),
        id,
        rate,
    )
    .await
    .map_err(crate::error::AppError::from_app)?;
    Ok(Json(RateChangeOut {
        organisation_id: id,
        hourly_rate_pence: change.rate_after,
        previous_hourly_rate_pence: change.rate_before,
        claimed_before_pence: change.claimed.map(|(b, _)| b.0),
        claimed_after_pence: change.claimed.map(|(_, a)| a.0),
    }))
}
