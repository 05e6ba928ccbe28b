//! The API's operations. Each loads its records through the same helpers as
//! the pages, so the same policy decides what a token's person may read or
//! change; lists are scoped to what they may see before they are paged.

use super::{
    ApiError, ApiJson, ApiPath, ApiQuery, ApiResult, ErrorBody, PageQuery, Paged, Texts, validate,
};
use crate::context;
use crate::forms::FieldErrors;
use crate::handlers::benefits::BenefitForm;
use crate::handlers::cycles::CycleForm;
use crate::handlers::leads::LeadForm;
use crate::page::Viewer;
use crate::state::AppState;
use crate::views::project::Relation;
use crate::views::project::project_for;
use crate::views::reading::ReadingForm;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use ymarfer_app::i18n::Tr;
use ymarfer_app::report::ImpactReport;
use ymarfer_domain::authz::missing;
use ymarfer_domain::authz::{only_programme, sees_every_programme};
use ymarfer_domain::programme::Attendance;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::health::{HealthCheck, Lead};
use ymarfer_store::ledger::BenefitVersion;
use ymarfer_store::organisations::Organisation;
use ymarfer_store::programmes::{Cohort, Programme};

pub fn routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/me", get(me))
        .route("/programmes", get(programmes))
        .route("/programmes/{p}", get(programme))
        .route("/programmes/{p}/cohorts", get(cohorts))
        .route("/programmes/{p}/organisations", get(organisations))
        .route("/programmes/{p}/impact", get(impact))
        .route("/programmes/{p}/leads", get(leads))
        .route("/programmes/{p}/leads/{id}", get(lead).patch(change_lead))
        .route("/programmes/{p}/cohorts/{c}/projects", get(projects))
        .route("/programmes/{p}/cohorts/{c}/sessions", get(sessions))
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/attendance",
            put(record_attendance),
        )
        .route("/organisations/{id}", get(organisation))
        .route("/projects/{id}", get(project))
        .route("/projects/{id}/benefits", get(benefits).post(add_benefit))
        .route(
            "/projects/{id}/benefits/{line}/review",
            post(review_benefit),
        )
        .route("/projects/{id}/cycles", post(add_cycle))
        .route("/projects/{id}/readings", post(add_reading))
}

fn viewer_of(viewer: &Viewer) -> ApiResult<&crate::page::CurrentUser> {
    viewer
        .0
        .as_deref()
        .ok_or_else(|| ApiError::new(StatusCode::UNAUTHORIZED, "api-error-token"))
}

fn both(en: &str, cy: &str) -> Texts {
    Texts {
        en: en.to_string(),
        cy: cy.to_string(),
    }
}

// ---- Who the token is for ----

/// The token's person and what the token lets them do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user_id: i64,
    pub display_name: String,
    /// `en` or `cy`: the language they chose.
    pub language: String,
    /// Whether the token may change things, or only read.
    pub write: bool,
    /// The one programme the token is limited to, if it is.
    pub programme_id: Option<i64>,
}

#[utoipa::path(get, path = "/me", tag = "account",
    operation_id = "me",
    responses(
        (status = 200, description = "The token's person and scope", body = Me),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn me(viewer: Viewer) -> ApiResult<Json<Me>> {
    let me = viewer_of(&viewer)?;
    let token = me.actor.token.unwrap_or(ymarfer_domain::authz::TokenScope {
        write: false,
        programme: None,
    });
    Ok(Json(Me {
        user_id: me.user.id,
        display_name: me.user.display_name.clone(),
        language: me.user.lang().code().to_string(),
        write: token.write,
        programme_id: token.programme,
    }))
}

// ---- Programmes and cohorts ----

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
            name: both(&p.name_en, &p.name_cy),
            description: both(&p.description_en, &p.description_cy),
            funder: both(&p.funder, &p.funder_cy),
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
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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
    params(("p" = String, Path, description = "The programme's slug")),
    responses(
        (status = 200, description = "The programme", body = ProgrammeOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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
    pub delivery_mode: String,
    pub region: String,
    /// The language it is delivered in: `en`, `cy` or `bilingual`.
    pub language: String,
}

impl From<&Cohort> for CohortOut {
    fn from(c: &Cohort) -> CohortOut {
        CohortOut {
            id: c.id,
            programme_id: c.programme_id,
            slug: c.slug.clone(),
            name: both(&c.name_en, &c.name_cy),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            capacity: c.capacity,
            delivery_mode: c.delivery_mode.clone(),
            region: c.region.clone(),
            language: c.language.as_str().to_string(),
        }
    }
}

#[utoipa::path(get, path = "/programmes/{p}/cohorts", tag = "programmes",
    operation_id = "list_cohorts",
    params(("p" = String, Path, description = "The programme's slug"), PageQuery),
    responses(
        (status = 200, description = "The programme's cohorts the token may see", body = Paged<CohortOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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

// ---- Organisations ----

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: i64,
    pub name: String,
    pub companies_house: Option<String>,
    /// The SIC 2007 section letter.
    pub sic_section: String,
    /// `micro`, `small` or `medium`.
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
    params(("p" = String, Path, description = "The programme's slug"), PageQuery),
    responses(
        (status = 200, description = "The organisations taking part in the programme", body = Paged<OrganisationOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's organisations", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such organisation, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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

// ---- Projects, with their tools, cycles, readings and ledger ----

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectSummaryOut {
    pub id: i64,
    pub title: String,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// `planning`, `testing`, `adopted`, `abandoned`…
    pub status: String,
    /// Who may see it: `private`, `set`, `cohort`, `programme` or `public`.
    pub visibility: String,
    pub tools_applied: i64,
    pub cycles: i64,
    pub readings: i64,
    pub updated_at: DateTime<Utc>,
}

#[utoipa::path(get, path = "/programmes/{p}/cohorts/{c}/projects", tag = "projects",
    operation_id = "list_projects",
    params(
        ("p" = String, Path, description = "The programme's slug"),
        ("c" = String, Path, description = "The cohort's slug"),
        PageQuery,
    ),
    responses(
        (status = 200, description = "The cohort's projects the token may see", body = Paged<ProjectSummaryOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not see the cohort's projects", body = ErrorBody),
        (status = 404, description = "No such cohort, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn projects(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, cslug)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paged<ProjectSummaryOut>>> {
    let (after, limit) = q.bounds()?;
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohortPeople).await?;
    let relation = Relation::load(&state, &viewer, cohort.id).await?;
    let mut items: Vec<ProjectSummaryOut> = state
        .db
        .cohort_projects(cohort.id)
        .await?
        .into_iter()
        .filter(|s| s.id > after)
        .filter(|s| {
            let facts = relation.facts(
                programme.id,
                cohort.id,
                s.organisation_id,
                s.visibility,
                s.public_approved_by.is_some(),
            );
            can(
                viewer.actor(),
                Action::ViewProject,
                Resource::Project(facts),
            )
            .allowed()
        })
        .map(|s| ProjectSummaryOut {
            id: s.id,
            title: s.title,
            cohort_id: s.cohort_id,
            organisation_id: s.organisation_id,
            organisation_name: s.organisation_name,
            status: s.status.as_str().to_string(),
            visibility: s.visibility.as_str().to_string(),
            tools_applied: s.tools,
            cycles: s.cycles,
            readings: s.readings,
            updated_at: s.updated_at,
        })
        .collect();
    items.sort_by_key(|s| s.id);
    items.truncate(limit as usize + 1);
    Ok(Json(Paged::of(items, limit, |s| s.id)))
}

/// One saved version of a tool applied to the project.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolApplicationOut {
    pub tool_id: String,
    pub tool_version: i64,
    pub version: i64,
    /// What was written into the tool's fields, by field id.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// A test-and-learn (PDSA) cycle.
#[derive(Debug, Serialize, ToSchema)]
pub struct CycleOut {
    pub number: i64,
    pub change_idea: String,
    pub prediction: String,
    pub plan_who: String,
    pub plan_what: String,
    pub plan_when: String,
    pub plan_where: String,
    pub happened: String,
    pub study: String,
    /// `adopt`, `adapt` or `abandon`, once decided.
    pub decision: Option<String>,
    pub tested_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

/// A reading of the project's measure.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReadingOut {
    pub id: i64,
    pub taken_on: NaiveDate,
    /// The value in hundredths of the measure's unit.
    pub value_hundredths: i64,
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Aim {
    pub measure: String,
    pub unit: String,
    pub baseline: Option<i64>,
    pub target: Option<i64>,
    pub by: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectOut {
    pub id: i64,
    pub programme_id: i64,
    pub cohort_id: i64,
    pub organisation_id: i64,
    /// The firm's name; described by its size, sector and area instead to
    /// someone who sees the project only as a public case study, unless the
    /// firm consented to be named.
    pub organisation_name: String,
    pub title: String,
    pub problem: String,
    pub business_function: String,
    pub aim: Aim,
    pub status: String,
    pub visibility: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub tools: Vec<ToolApplicationOut>,
    pub cycles: Vec<CycleOut>,
    pub readings: Vec<ReadingOut>,
}

#[utoipa::path(get, path = "/projects/{id}", tag = "projects",
    operation_id = "get_project",
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project, with its tools, cycles and readings", body = ProjectOut),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn project(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ProjectOut>> {
    let ctx = project_for(&state, &viewer, id, Action::ViewProject).await?;
    let tools = state
        .db
        .applications(id)
        .await?
        .into_iter()
        .map(|a| ToolApplicationOut {
            data: serde_json::from_str(&a.data).unwrap_or(serde_json::Value::Null),
            tool_id: a.tool_id,
            tool_version: a.tool_version,
            version: a.version,
            created_at: a.created_at,
        })
        .collect();
    let cycles = state
        .db
        .cycles(id)
        .await?
        .into_iter()
        .map(cycle_out)
        .collect();
    let readings = state
        .db
        .readings(id)
        .await?
        .into_iter()
        .map(reading_out)
        .collect();
    let lang = viewer
        .0
        .as_deref()
        .map(|me| me.user.lang())
        .unwrap_or(ymarfer_domain::Lang::En);
    let organisation_name = ctx.firm(&Tr(lang));
    let p = ctx.project;
    Ok(Json(ProjectOut {
        id: p.id,
        programme_id: ctx.programme.id,
        cohort_id: p.cohort_id,
        organisation_id: p.organisation_id,
        organisation_name,
        title: p.title,
        problem: p.problem,
        business_function: p.business_function,
        aim: Aim {
            measure: p.aim_measure,
            unit: p.aim_unit,
            baseline: p.aim_baseline,
            target: p.aim_target,
            by: p.aim_by,
        },
        status: p.status.as_str().to_string(),
        visibility: p.visibility.as_str().to_string(),
        created_at: p.created_at,
        updated_at: p.updated_at,
        tools,
        cycles,
        readings,
    }))
}

fn reading_out(r: ymarfer_store::projects::Reading) -> ReadingOut {
    ReadingOut {
        id: r.id,
        taken_on: r.taken_on,
        value_hundredths: r.value,
        note: r.note,
    }
}

#[utoipa::path(post, path = "/projects/{id}/readings", tag = "projects",
    operation_id = "add_reading",
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ReadingForm,
    responses(
        (status = 201, description = "The reading, added", body = ReadingOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token may not change this project", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_reading(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReadingForm>,
) -> ApiResult<(StatusCode, Json<ReadingOut>)> {
    project_for(&state, &viewer, id, Action::EditProject).await?;
    let checked = validate(|tr: Tr| body.check(tr))?;
    let (taken_on, value, note) = (checked.taken_on, checked.value, checked.note);
    let reading_id = state
        .db
        .add_reading(id, taken_on, value, &note, viewer.user_id())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(ReadingOut {
            id: reading_id,
            taken_on,
            value_hundredths: value,
            note,
        }),
    ))
}

/// One version of a benefit line: a line's claimed, verified and reopened
/// states are each kept, never overwritten.
#[derive(Debug, Serialize, ToSchema)]
pub struct BenefitVersionOut {
    pub version: i64,
    pub description: String,
    pub category: String,
    pub savings_type: String,
    pub frequency: String,
    pub starts_on: NaiveDate,
    /// `forecast`, `claimed`, `verified`, `returned` (sent back to the
    /// claimant for rework) or `rejected`.
    pub status: String,
    pub amount_pence: Option<i64>,
    pub hours_hundredths: Option<i64>,
    pub hourly_rate_pence: Option<i64>,
    pub energy_kwh_milli: i64,
    pub waste_kg_milli: i64,
    pub fuel_litres_milli: i64,
    pub verified_at: Option<DateTime<Utc>>,
    pub verify_note: Option<String>,
    /// Why this version was made, when a person said: why a claim was sent
    /// back, rejected or reopened.
    pub change_note: Option<String>,
    /// Who made this version (a claim, an edit, a review), if still known.
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// A line of the project's benefits ledger with every version, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct BenefitLineOut {
    pub line_id: i64,
    pub versions: Vec<BenefitVersionOut>,
}

fn version_out(v: BenefitVersion) -> BenefitVersionOut {
    BenefitVersionOut {
        version: v.version,
        description: v.description,
        category: v.category.as_str().to_string(),
        savings_type: v.savings_type.as_str().to_string(),
        frequency: v.frequency.as_str().to_string(),
        starts_on: v.starts_on,
        status: v.status.as_str().to_string(),
        amount_pence: v.amount_pence,
        hours_hundredths: v.hours_hundredths,
        hourly_rate_pence: v.hourly_rate_pence,
        energy_kwh_milli: v.energy_kwh_milli,
        waste_kg_milli: v.waste_kg_milli,
        fuel_litres_milli: v.fuel_litres_milli,
        verified_at: v.verified_at,
        verify_note: v.verify_note,
        change_note: v.change_note,
        created_by: v.created_by,
        created_at: v.created_at,
    }
}

#[utoipa::path(get, path = "/projects/{id}/benefits", tag = "projects",
    operation_id = "list_benefits",
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's benefits ledger, each line with its versions", body = Vec<BenefitLineOut>),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may see the project but not its ledger (only its organisation's people and the cohort's staff may)", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn benefits(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<BenefitLineOut>>> {
    // The ledger, claims and every version, only to those the project page
    // shows it to.
    project_for(&state, &viewer, id, Action::ViewLedger).await?;
    let mut lines: Vec<BenefitLineOut> = Vec::new();
    let mut history = state.db.benefit_history(id).await?;
    history.sort_by_key(|v| (v.line_id, v.version));
    for v in history {
        match lines.last_mut() {
            Some(line) if line.line_id == v.line_id => line.versions.push(version_out(v)),
            _ => lines.push(BenefitLineOut {
                line_id: v.line_id,
                versions: vec![version_out(v)],
            }),
        }
    }
    Ok(Json(lines))
}

fn cycle_out(c: ymarfer_store::projects::Cycle) -> CycleOut {
    CycleOut {
        number: c.number,
        change_idea: c.change_idea,
        prediction: c.prediction,
        plan_who: c.plan_who,
        plan_what: c.plan_what,
        plan_when: c.plan_when,
        plan_where: c.plan_where,
        happened: c.happened,
        study: c.study,
        decision: c.decision,
        tested_on: c.tested_on,
        updated_at: c.updated_at,
    }
}

#[utoipa::path(post, path = "/projects/{id}/cycles", tag = "projects",
    operation_id = "add_cycle",
    params(("id" = i64, Path, description = "The project's id")),
    request_body = CycleForm,
    responses(
        (status = 201, description = "The cycle, begun", body = CycleOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token may not change this project", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_cycle(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<CycleForm>,
) -> ApiResult<(StatusCode, Json<CycleOut>)> {
    project_for(&state, &viewer, id, Action::EditProject).await?;
    let input = validate(|tr: Tr| body.validate(tr))?;
    let cycle = state.db.create_cycle(id, &input, viewer.user_id()).await?;
    Ok((StatusCode::CREATED, Json(cycle_out(cycle))))
}

#[utoipa::path(post, path = "/projects/{id}/benefits", tag = "projects",
    operation_id = "add_benefit",
    params(("id" = i64, Path, description = "The project's id")),
    request_body = BenefitForm,
    responses(
        (status = 201, description = "The line, forecast or claimed", body = BenefitLineOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token may not change this project", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_benefit(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<BenefitForm>,
) -> ApiResult<(StatusCode, Json<BenefitLineOut>)> {
    project_for(&state, &viewer, id, Action::EditProject).await?;
    let input = validate(|tr: Tr| body.validate(tr))?;
    let ids = state
        .db
        .add_benefit_lines(&[(id, input)], viewer.user_id(), false)
        .await?;
    let line_id = ids.first().copied().ok_or_else(ApiError::not_found)?;
    let versions = state
        .db
        .benefit_line_versions(line_id)
        .await?
        .into_iter()
        .map(version_out)
        .collect();
    Ok((
        StatusCode::CREATED,
        Json(BenefitLineOut { line_id, versions }),
    ))
}

/// A reviewer's decision on a claimed line.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReviewBody {
    /// The version of the line the reviewer saw: the review is refused (409)
    /// if the line has changed since.
    pub version: i64,
    /// `verify`, `return` (to the claimant for rework) or `reject`.
    pub decision: String,
    /// Why the reviewer is satisfied, or why the claim goes back or is
    /// rejected: required, at most 1,000 characters.
    pub note: String,
}

#[utoipa::path(post, path = "/projects/{id}/benefits/{line}/review", tag = "projects",
    operation_id = "review_benefit",
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("line" = i64, Path, description = "The line's id"),
    ),
    request_body = ReviewBody,
    responses(
        (status = 200, description = "The line with every version: verified, or a new version returned for rework or rejected, with who, when and why. Sending the same review again changes nothing.", body = BenefitLineOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not review this project's claims (only the cohort's facilitators and the programme's managers may), or the token is read-only", body = ErrorBody),
        (status = 404, description = "No such project or line, or not one the token may see", body = ErrorBody),
        (status = 409, description = "The line has changed since the version sent, or is not waiting for review", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn review_benefit(
    State(state): State<AppState>,
    viewer: Viewer,
    addr: crate::handlers::ClientAddr,
    ApiPath((id, line)): ApiPath<(i64, i64)>,
    ApiJson(body): ApiJson<ReviewBody>,
) -> ApiResult<Json<BenefitLineOut>> {
    use ymarfer_app::acting::{Acting, Door};
    use ymarfer_app::claims::{self, Outcome, Seen};
    // Who may review is asked before what they sent is read; the act asks again.
    project_for(&state, &viewer, id, Action::VerifyBenefit).await?;
    let decision = body.decision.trim();
    let note = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        if !matches!(decision, "verify" | "return" | "reject") {
            errors.add("decision", tr.t("review-decision-required"));
        }
        let note = crate::parse::text(tr, &mut errors, "note", &body.note, claims::NOTE_MAX, true);
        if errors.is_empty() {
            Ok(note)
        } else {
            Err(errors)
        }
    })?;
    let acting = Acting::person(viewer.actor(), Door::Api, addr.0.clone());
    let seen = Seen {
        project: id,
        line,
        version: body.version,
        note: &note,
    };
    let outcome = match decision {
        "verify" => claims::verify(&state, &acting, seen).await,
        "return" => claims::return_claim(&state, &acting, seen).await,
        _ => claims::reject(&state, &acting, seen).await,
    }
    .map_err(|e| ApiError::from(crate::error::AppError::from_app(e)))?;
    match outcome {
        Outcome::Done | Outcome::AlreadyDone => {}
        Outcome::Changed { .. } => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "api-error-review-changed",
            ));
        }
        Outcome::NotOpen { .. } => {
            return Err(ApiError::new(StatusCode::CONFLICT, "claim-review-not-open"));
        }
    }
    let versions = state
        .db
        .benefit_line_versions(line)
        .await?
        .into_iter()
        .map(version_out)
        .collect();
    Ok(Json(BenefitLineOut {
        line_id: line,
        versions,
    }))
}

// ---- Impact ----

#[utoipa::path(get, path = "/programmes/{p}/impact", tag = "impact",
    operation_id = "get_impact",
    params(("p" = String, Path, description = "The programme's slug")),
    responses(
        (status = 200, description = "The programme's impact report, by the impact method", body = ImpactReport),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's figures", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn impact(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
) -> ApiResult<Json<ImpactReport>> {
    let p = context::programme(&state, &viewer, &slug, Action::ViewAggregates).await?;
    let (report, _) =
        ymarfer_app::report::impact_report(&state.db, Tr(ymarfer_domain::Lang::En), &p, None)
            .await
            .map_err(crate::error::AppError::from)?;
    Ok(Json(report))
}

// ---- Leads from the health check ----

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
    pub language: String,
    /// `new`, `contacted`, `invited`, `enrolled` or `closed`.
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
    params(("p" = String, Path, description = "The programme's slug"), PageQuery),
    responses(
        (status = 200, description = "Firms that asked to hear more, after the health check", body = Paged<LeadOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's leads", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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
    let rows = state.db.leads_after(p.id, after, limit + 1).await?;
    let items = rows.into_iter().map(LeadOut::from).collect();
    Ok(Json(Paged::of(items, limit, |l: &LeadOut| l.id)))
}

/// A health check as the firm answered it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthCheckOut {
    pub id: i64,
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
        ("p" = String, Path, description = "The programme's slug"),
        ("id" = i64, Path, description = "The lead's id"),
    ),
    responses(
        (status = 200, description = "The lead and its health checks", body = LeadDetail),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's leads", body = ErrorBody),
        (status = 404, description = "No such lead in the programme, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
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
        ("p" = String, Path, description = "The programme's slug"),
        ("id" = i64, Path, description = "The lead's id"),
    ),
    request_body = LeadForm,
    responses(
        (status = 200, description = "The lead, changed", body = LeadOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token may not change the programme's leads", body = ErrorBody),
        (status = 404, description = "No such lead in the programme, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn change_lead(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, id)): ApiPath<(String, i64)>,
    ApiJson(body): ApiJson<LeadForm>,
) -> ApiResult<Json<LeadOut>> {
    let p = context::programme(&state, &viewer, &slug, Action::ManageLeads).await?;
    crate::handlers::leads::lead_in(&state, &p, id).await?;
    let (status, notes) = validate(|tr: Tr| body.check(tr))?;
    state.db.update_lead(id, status, &notes).await?;
    Ok(Json(LeadOut::from(
        crate::handlers::leads::lead_in(&state, &p, id).await?,
    )))
}

// ---- Sessions and attendance ----

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Mark {
    pub user_id: i64,
    /// `present`, `apologies` or `absent`.
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    /// The register, for those who keep it (the cohort's staff).
    pub attendance: Option<Vec<Mark>>,
}

#[utoipa::path(get, path = "/programmes/{p}/cohorts/{c}/sessions", tag = "sessions",
    operation_id = "list_sessions",
    params(
        ("p" = String, Path, description = "The programme's slug"),
        ("c" = String, Path, description = "The cohort's slug"),
    ),
    responses(
        (status = 200, description = "The cohort's sessions, with the register for its staff", body = Vec<SessionOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person may not see the cohort", body = ErrorBody),
        (status = 404, description = "No such cohort, or not one the token may see", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn sessions(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, cslug)): ApiPath<(String, String)>,
) -> ApiResult<Json<Vec<SessionOut>>> {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohort).await?;
    let keeps_register = context::may(&viewer, Action::ViewRegister, programme.id, cohort.id);
    let marks = if keeps_register {
        state.db.attendance_of_cohort(cohort.id).await?
    } else {
        Vec::new()
    };
    let items = state
        .db
        .meetings_of(cohort.id)
        .await?
        .into_iter()
        .map(|m| SessionOut {
            attendance: keeps_register.then(|| {
                marks
                    .iter()
                    .filter(|a| a.session_id == m.id)
                    .map(|a| Mark {
                        user_id: a.user_id,
                        status: a.status.as_str().to_string(),
                    })
                    .collect()
            }),
            id: m.id,
            title: m.title,
            kind: m.kind.as_str().to_string(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location,
        })
        .collect();
    Ok(Json(items))
}

/// A session's whole register, replacing what was recorded.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Register {
    pub marks: Vec<Mark>,
}

#[utoipa::path(put, path = "/programmes/{p}/cohorts/{c}/sessions/{s}/attendance", tag = "sessions",
    operation_id = "record_attendance",
    params(
        ("p" = String, Path, description = "The programme's slug"),
        ("c" = String, Path, description = "The cohort's slug"),
        ("s" = i64, Path, description = "The session's id"),
    ),
    request_body = Register,
    responses(
        (status = 200, description = "The register as recorded", body = Vec<Mark>),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token may not keep the cohort's register", body = ErrorBody),
        (status = 404, description = "No such session, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A mark was refused; each is named", body = ErrorBody),
        (status = 429, description = "Too many requests this minute", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn record_attendance(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, cslug, id)): ApiPath<(String, String, i64)>,
    ApiJson(body): ApiJson<Register>,
) -> ApiResult<Json<Vec<Mark>>> {
    let (_, cohort) = context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    if state.db.meeting(cohort.id, id).await?.is_none() {
        return Err(ApiError::not_found());
    }
    let active: Vec<i64> = state
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| e.is_active())
        .map(|e| e.user_id)
        .collect();
    let marks = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        let mut marks = Vec::new();
        for m in &body.marks {
            if !active.contains(&m.user_id) {
                errors.add("marks", tr.t("api-error-not-enrolled"));
            } else if Attendance::parse(&m.status).is_none() {
                errors.add("marks", tr.t("error-choose-one"));
            } else if marks.iter().any(|(u, _)| *u == m.user_id) {
                errors.add("marks", tr.t("api-error-twice"));
            } else {
                marks.push((m.user_id, m.status.clone()));
            }
        }
        if errors.is_empty() {
            Ok(marks)
        } else {
            Err(errors)
        }
    })?;
    let by = viewer.user_id().unwrap_or_default();
    state.db.record_attendance(id, &marks, by).await?;
    Ok(Json(
        marks
            .into_iter()
            .map(|(user_id, status)| Mark { user_id, status })
            .collect(),
    ))
}
