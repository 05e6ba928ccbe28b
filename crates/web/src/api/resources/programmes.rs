//! Programmes and their cohorts.

use crate::api::error::{ApiResult, ErrorBody, Texts};
use crate::api::extract::{ApiPath, ApiQuery, viewer_of};
use crate::api::paging::{PageQuery, Paged};
use crate::context;
use crate::page::Viewer;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use ymarfer_domain::authz::{only_programme, sees_every_programme};
use ymarfer_domain::programme::DeliveryMode;
use ymarfer_domain::reference::Region;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::{Cohort, Programme};

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeOut {
    pub id: i64,
    pub slug: String,
    pub name: Texts,
    pub description: Texts,
    pub funder: Texts,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// The programme's whole cost, in pence.
    pub cost_pence: i64,
    /// The share of savings credited to the programme, in thousandths.
    pub capture_factor_thousandths: i64,
}

impl From<&Programme> for ProgrammeOut {
    fn from(p: &Programme) -> ProgrammeOut {
        ProgrammeOut {
            id: p.id,
            slug: p.slug.clone(),
            name: Texts::both(&p.name_en, &p.name_cy),
            description: Texts::both(&p.description_en, &p.description_cy),
            funder: Texts::both(&p.funder, &p.funder_cy),
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            cost_pence: p.cost_pence,
            capture_factor_thousandths: p.capture_factor_thousandths,
        }
    }
}

#[utoipa::path(get, path = "/programmes", tag = "programmes",
    operation_id = "list_programmes",
    params(PageQuery),
    responses(
        (status = 200, description = "The programmes the token may see", body = Paged<ProgrammeOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn programmes(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paged<ProgrammeOut>>> {
    let me = viewer_of(&viewer)?;
    let (after, limit) = q.bounds()?;
    let mut visible: Vec<Programme> = state
        .db
        .programmes_visible_to(me.user.id, sees_every_programme(&me.actor))
        .await?
        .into_iter()
        .filter(|p| p.id > after)
        .filter(|p| {
            can(
                Some(&me.actor),
                Action::ViewProgramme,
                Resource::Programme(p.id),
            )
            .allowed()
        })
        .collect();
    // A token limited to one programme an administrator holds no role in.
    if let Some(only) = only_programme(&me.actor)
        && only > after
        && !visible.iter().any(|p| p.id == only)
        && can(
            Some(&me.actor),
            Action::ViewProgramme,
            Resource::Programme(only),
        )
        .allowed()
        && let Some(p) = state.db.programme_by_id(only).await?
    {
        visible.push(p);
    }
    visible.sort_by_key(|p| p.id);
    visible.truncate(limit as usize + 1);
    let items: Vec<ProgrammeOut> = visible.iter().map(ProgrammeOut::from).collect();
    Ok(Json(Paged::of(items, limit, |p| p.id)))
}

#[utoipa::path(get, path = "/programmes/{p}", tag = "programmes",
    operation_id = "get_programme",
    params(("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60)),
    responses(
        (status = 200, description = "The programme", body = ProgrammeOut),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn programme(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
) -> ApiResult<Json<ProgrammeOut>> {
    let p = context::programme(&state, &viewer, &slug, Action::ViewProgramme).await?;
    Ok(Json(ProgrammeOut::from(&p)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CohortOut {
    pub id: i64,
    pub programme_id: i64,
    pub slug: String,
    pub name: Texts,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub capacity: i64,
    #[schema(value_type = crate::codes::DeliveryMode)]
    pub delivery_mode: DeliveryMode,
    #[schema(value_type = crate::codes::Region)]
    pub region: Region,
    /// The language it is delivered in: `en`, `cy` or `bilingual`.
    #[schema(value_type = crate::codes::DeliveryLanguage)]
    pub language: String,
}

impl From<&Cohort> for CohortOut {
    fn from(c: &Cohort) -> CohortOut {
        CohortOut {
            id: c.id,
            programme_id: c.programme_id,
            slug: c.slug.clone(),
            name: Texts::both(&c.name_en, &c.name_cy),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            capacity: c.capacity,
            delivery_mode: c.delivery_mode,
            region: c.region,
            language: c.language.as_str().to_string(),
        }
    }
}

#[utoipa::path(get, path = "/programmes/{p}/cohorts", tag = "programmes",
    operation_id = "list_cohorts",
    params(("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60), PageQuery),
    responses(
        (status = 200, description = "The programme's cohorts the token may see", body = Paged<CohortOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn cohorts(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paged<CohortOut>>> {
    let (after, limit) = q.bounds()?;
    let p = context::programme(&state, &viewer, &slug, Action::ViewProgramme).await?;
    let mut items: Vec<CohortOut> = state
        .db
        .cohorts_of(p.id)
        .await?
        .iter()
        .filter(|c| c.id > after)
        .filter(|c| context::may(&viewer, Action::ViewCohort, p.id, c.id))
        .map(CohortOut::from)
        .collect();
    items.sort_by_key(|c| c.id);
    items.truncate(limit as usize + 1);
    Ok(Json(Paged::of(items, limit, |c| c.id)))
}
