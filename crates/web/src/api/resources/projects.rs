//! Projects, with their tools, cycles, readings and benefits ledger.

use crate::api::error::{ApiResult, ErrorBody, validate};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::api::paging::{PageQuery, Paged};
use crate::context;
use crate::handlers::cycles::CycleForm;
use crate::page::Viewer;
use crate::state::AppState;
use crate::views::reading::ReadingForm;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use ymarfer_app::acting::Door;
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::{Relation, project_for};
use ymarfer_domain::{Action, Resource, can};

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectSummaryOut {
    pub id: i64,
    pub title: String,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// `planning`, `testing`, `adopted`, `abandoned`…
    #[schema(value_type = crate::codes::ProjectStatus)]
    pub status: String,
    /// Who may see it: `private`, `set`, `cohort`, `programme` or `public`.
    #[schema(value_type = crate::codes::Visibility)]
    pub visibility: String,
    pub tools_applied: i64,
    pub cycles: i64,
    pub readings: i64,
    pub updated_at: DateTime<Utc>,
}

#[utoipa::path(get, path = "/programmes/{p}/cohorts/{c}/projects", tag = "projects",
    operation_id = "list_projects",
    params(
        ("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("c" = String, Path, description = "The cohort's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        PageQuery,
    ),
    responses(
        (status = 200, description = "The cohort's projects the token may see", body = Paged<ProjectSummaryOut>),
        (status = 400, description = "A bad cursor or limit", body = ErrorBody),
        (status = 403, description = "The token's person may not see the cohort's projects", body = ErrorBody),
        (status = 404, description = "No such cohort, or not one the token may see", body = ErrorBody),
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
    let relation = Relation::load(&state, &viewer.acting(Door::Api, ""), cohort.id).await?;
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
    /// The language what was written into it is in.
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
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
    /// The language it is written in.
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
}

/// A reading of the project's measure.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReadingOut {
    pub id: i64,
    pub taken_on: NaiveDate,
    /// The value in hundredths of the measure's unit.
    pub value_hundredths: i64,
    pub note: String,
    /// The language the note is written in.
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
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
    /// The language its title, problem, aim and measures are written in.
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
    pub business_function: String,
    pub aim: Aim,
    #[schema(value_type = crate::codes::ProjectStatus)]
    pub status: String,
    #[schema(value_type = crate::codes::Visibility)]
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
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn project(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ProjectOut>> {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Api, ""),
        id,
        Action::ViewProject,
    )
    .await?;
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
            lang: a.lang,
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
        lang: p.lang,
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
        lang: r.lang,
    }
}

#[utoipa::path(post, path = "/projects/{id}/readings", tag = "projects",
    operation_id = "add_reading",
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ReadingForm,
    responses(
        (status = 201, description = "The reading, added", body = ReadingOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token may not change this project", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_reading(
    State(state): State<AppState>,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReadingForm>,
) -> ApiResult<(StatusCode, Json<ReadingOut>)> {
    let acting = viewer.acting(Door::Api, addr);
    // Who may is asked before what they sent is read; the act asks again.
    project_for(&state, &acting, id, Action::EditProject).await?;
    let checked = validate(|tr: Tr| body.check(tr))?;
    let (taken_on, value, note, lang) =
        (checked.taken_on, checked.value, checked.note, checked.lang);
    let reading = ymarfer_app::readings::NewReading {
        taken_on,
        value,
        note: &note,
        lang,
    };
    let reading_id = ymarfer_app::readings::record(&state, &acting, id, reading)
        .await?
        .id;
    Ok((
        StatusCode::CREATED,
        Json(ReadingOut {
            id: reading_id,
            taken_on,
            value_hundredths: value,
            note,
            lang: lang.code().to_string(),
        }),
    ))
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
        decision: c.decision.map(|d| d.as_str().to_string()),
        tested_on: c.tested_on,
        updated_at: c.updated_at,
        lang: c.lang,
    }
}

#[utoipa::path(post, path = "/projects/{id}/cycles", tag = "projects",
    operation_id = "add_cycle",
    params(("id" = i64, Path, description = "The project's id")),
    request_body = CycleForm,
    responses(
        (status = 201, description = "The cycle, begun", body = CycleOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token may not change this project", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_cycle(
    State(state): State<AppState>,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<CycleForm>,
) -> ApiResult<(StatusCode, Json<CycleOut>)> {
    let acting = viewer.acting(Door::Api, addr);
    // Who may is asked before what they sent is read; the act asks again.
    project_for(&state, &acting, id, Action::EditProject).await?;
    let input = validate(|tr: Tr| body.validate(tr))?;
    let begun = ymarfer_app::cycles::start(&state, &acting, id, &input).await?;
    Ok((StatusCode::CREATED, Json(cycle_out(begun.cycle))))
}
