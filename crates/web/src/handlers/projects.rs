//! Challenge projects: an organisation's real process problem, with its aim and
//! measures, the tools applied to it, test-and-learn cycles and readings.

use super::{FormData, see_other};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::project_page::show_page;
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::i18n::format_hundredths;
use ymarfer_app::projects::{ProjectCtx, Relation, project_for};
use ymarfer_domain::innovation::OsloFunction;
use ymarfer_domain::projects::{CycleDecision, ProjectStatus, Visibility, is_quiet};
use ymarfer_domain::toolkit::Number;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::projects::{Project, ProjectInput, ProjectSummary};

pub struct Row {
    pub s: ProjectSummary,
    pub last: Option<DateTime<Utc>>,
    pub stuck: bool,
}

#[derive(Template)]
#[template(path = "projects/list.html")]
struct ListPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    rows: Vec<Row>,
    staff: bool,
    can_start: bool,
}

impl ListPage {
    fn status_name(&self, status: &ProjectStatus) -> String {
        self.page.t(status.message_id())
    }
}

/// The cohort's projects: for facilitators, every one with its status, last
/// activity and cycles logged, so they see who is stuck; for participants, those
/// they may see.
pub async fn list(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohortPeople).await?;
    let staff = context::may(&viewer, Action::ManageCohort, programme.id, cohort.id);
    let relation = Relation::load(&state, &viewer.acting(Door::Page, ""), cohort.id).await?;
    let now = Utc::now();
    let mut rows = Vec::new();
    for s in state.db.cohort_projects(cohort.id).await? {
        let facts = relation.facts(
            programme.id,
            cohort.id,
            s.organisation_id,
            s.visibility,
            s.public_approved_by.is_some(),
        );
        if can(
            viewer.actor(),
            Action::ViewProject,
            Resource::Project(facts),
        )
        .allowed()
        {
            let last = s.last_activity.or(Some(s.updated_at));
            let stuck = last.is_some_and(|l| is_quiet(s.status, l, now));
            rows.push(Row { s, last, stuck });
        }
    }
    let can_start = !organisations_for(&state, &viewer, staff, cohort.id)
        .await?
        .is_empty();
    let cohort_name = page.pick(&cohort.name_en, &cohort.name_cy).to_string();
    render(&ListPage {
        page: page.titled("projects-title").about(&cohort_name),
        programme,
        cohort,
        rows,
        staff,
        can_start,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ProjectForm {
    organisation: String,
    title: String,
    problem: String,
    business_function: String,
    aim_measure: String,
    aim_unit: String,
    aim_baseline: String,
    aim_target: String,
    aim_by: String,
    outcome_measures: String,
    process_measures: String,
    balancing_measures: String,
    owners: String,
    status: String,
    visibility: String,
    case_study_consent: Option<String>,
    lang: String,
}

fn number_input(v: Option<i64>) -> String {
    v.map(format_hundredths).unwrap_or_default()
}

impl ProjectForm {
    fn from_project(p: &Project) -> ProjectForm {
        ProjectForm {
            organisation: p.organisation_id.to_string(),
            title: p.title.clone(),
            problem: p.problem.clone(),
            business_function: p.business_function.clone(),
            aim_measure: p.aim_measure.clone(),
            aim_unit: p.aim_unit.clone(),
            aim_baseline: number_input(p.aim_baseline),
            aim_target: number_input(p.aim_target),
            aim_by: p.aim_by.map(|d| d.to_string()).unwrap_or_default(),
            outcome_measures: p.outcome_measures.clone(),
            process_measures: p.process_measures.clone(),
            balancing_measures: p.balancing_measures.clone(),
            owners: p.owners.clone(),
            status: p.status.as_str().into(),
            visibility: p.visibility.as_str().into(),
            case_study_consent: p.case_study_consent.then(|| "yes".to_string()),
            lang: p.lang.clone(),
        }
    }

    fn validate(&self, page: &Page) -> Result<ProjectInput, FieldErrors> {
        let tr = page.tr;
        let mut e = FieldErrors::default();
        let title = parse::text(tr, &mut e, "title", &self.title, 200, true);
        let problem = parse::text(tr, &mut e, "problem", &self.problem, 5000, true);
        if OsloFunction::parse(&self.business_function).is_none() {
            e.add("business_function", tr.t("error-choose-one"));
        }
        let aim_measure = parse::text(tr, &mut e, "aim_measure", &self.aim_measure, 200, false);
        let aim_unit = parse::text(tr, &mut e, "aim_unit", &self.aim_unit, 50, false);
        let mut number = |field: &'static str, input: &str| -> Option<i64> {
            if input.trim().is_empty() {
                return None;
            }
            match Number::parse(input) {
                Ok(n) => Some(n.hundredths()),
                Err(_) => {
                    e.add(field, tr.t("tool-error-number"));
                    None
                }
            }
        };
        let aim_baseline = number("aim_baseline", &self.aim_baseline);
        let aim_target = number("aim_target", &self.aim_target);
        let aim_by = parse::date(tr, &mut e, "aim_by", &self.aim_by);
        let outcome_measures = parse::text(
            tr,
            &mut e,
            "outcome_measures",
            &self.outcome_measures,
            2000,
            false,
        );
        let process_measures = parse::text(
            tr,
            &mut e,
            "process_measures",
            &self.process_measures,
            2000,
            false,
        );
        let balancing_measures = parse::text(
            tr,
            &mut e,
            "balancing_measures",
            &self.balancing_measures,
            2000,
            false,
        );
        let owners = parse::text(tr, &mut e, "owners", &self.owners, 300, false);
        let lang = parse::written_in(tr, &mut e, "lang", &self.lang);
        let status = if self.status.is_empty() {
            Some(ProjectStatus::default())
        } else {
            ProjectStatus::parse(&self.status)
        };
        if status.is_none() {
            e.add("status", tr.t("error-choose-one"));
        }
        let visibility = Visibility::parse(&self.visibility);
        if visibility.is_none() {
            e.add("visibility", tr.t("error-choose-one"));
        }
        let (Some(status), Some(visibility), true) = (status, visibility, e.is_empty()) else {
            return Err(e);
        };
        Ok(ProjectInput {
            title,
            problem,
            business_function: self.business_function.clone(),
            aim_measure,
            aim_unit,
            aim_baseline,
            aim_target,
            aim_by,
            outcome_measures,
            process_measures,
            balancing_measures,
            owners,
            status,
            visibility,
            case_study_consent: self.case_study_consent.is_some(),
            lang,
        })
    }
}

#[derive(Template)]
#[template(path = "projects/form.html")]
struct FormPage {
    page: Page,
    action: String,
    form: ProjectForm,
    errors: FieldErrors,
    organisations: Vec<(i64, String)>,
}

impl FormPage {
    fn functions(&self) -> Vec<(&'static str, String)> {
        OsloFunction::ALL
            .iter()
            .map(|f| (f.as_str(), self.page.t(f.message_id())))
            .collect()
    }
    fn statuses(&self) -> Vec<(&'static str, String)> {
        ProjectStatus::ALL
            .iter()
            .map(|s| (s.as_str(), self.page.t(s.message_id())))
            .collect()
    }
    fn visibilities(&self) -> Vec<(&'static str, String)> {
        Visibility::ALL
            .iter()
            .map(|v| (v.as_str(), self.page.t(v.message_id())))
            .collect()
    }
}

/// The organisations a viewer may start a project for in this cohort: their own,
/// or for staff any enrolled in the cohort.
async fn organisations_for(
    state: &AppState,
    viewer: &Viewer,
    staff: bool,
    cohort: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    let enrolled = state.db.enrolled(cohort).await?;
    let mut orgs: Vec<(i64, String)> = enrolled
        .iter()
        .filter(|e| e.is_active())
        .filter(|e| staff || viewer.0.as_ref().is_some_and(|me| me.user.id == e.user_id))
        .filter_map(|e| Some((e.organisation_id?, e.organisation_name.clone()?)))
        .collect();
    orgs.sort();
    orgs.dedup();
    Ok(orgs)
}

pub async fn new_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohortPeople).await?;
    let staff = context::may(&viewer, Action::ManageCohort, programme.id, cohort.id);
    let organisations = organisations_for(&state, &viewer, staff, cohort.id).await?;
    if organisations.is_empty() {
        return Err(AppError::Kind(ErrorKind::Forbidden));
    }
    let action = page.href(&format!("programmes/{slug}/cohorts/{cslug}/projects/new"));
    let form = ProjectForm {
        visibility: "cohort".into(),
        status: "defining".into(),
        ..ProjectForm::default()
    };
    render(&FormPage {
        page: page.titled("project-new-title"),
        action,
        form,
        errors: FieldErrors::default(),
        organisations,
    })
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    FormData(form): FormData<ProjectForm>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohortPeople).await?;
    let staff = context::may(&viewer, Action::ManageCohort, programme.id, cohort.id);
    let organisations = organisations_for(&state, &viewer, staff, cohort.id).await?;
    if organisations.is_empty() {
        return Err(AppError::Kind(ErrorKind::Forbidden));
    }
    let organisation = form
        .organisation
        .parse::<i64>()
        .ok()
        .filter(|id| organisations.iter().any(|(o, _)| o == id));
    let result = form.validate(&page);
    let mut taken = FieldErrors::default();
    if let (Ok(input), Some(org)) = (&result, organisation) {
        let acting = viewer.acting(Door::Page, addr);
        match ymarfer_app::projects::start(&state, &acting, cohort.id, org, input).await {
            Ok(started) => {
                return Ok(see_other(
                    &page.href(&format!("projects/{}", started.project.id)),
                ));
            }
            Err(ymarfer_app::Error::Invalid(id @ "project-title-taken")) => {
                taken.add("title", page.t(id));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut errors = result.err().unwrap_or(taken);
    if organisation.is_none() {
        errors.add("organisation", page.t("error-choose-one"));
    }
    let action = page.href(&format!("programmes/{slug}/cohorts/{cslug}/projects/new"));
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            page: page.titled("project-new-title"),
            action,
            form,
            errors,
            organisations,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<super::DoneQuery>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::ViewProject,
    )
    .await?;
    let notice = page.done_notice(q.done.as_deref());
    let next = crate::views::next::NextSteps::on_project(&page, &viewer, &ctx, q.done.as_deref());
    let mut show = show_page(&state, page, &viewer, ctx, notice, Default::default()).await?;
    show.next = next;
    render(&show)
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::EditProject,
    )
    .await?;
    let action = page.href(&format!("projects/{id}/edit"));
    let organisations = vec![(ctx.project.organisation_id, ctx.organisation.clone())];
    let form = ProjectForm::from_project(&ctx.project);
    render(&FormPage {
        page: {
            let named = ctx.named(&page.tr);
            page.titled("project-edit-title").about(&named)
        },
        action,
        form,
        errors: FieldErrors::default(),
        organisations,
    })
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<ProjectForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    match form.validate(&page) {
        Ok(input) => {
            ymarfer_app::projects::edit(&state, &acting, id, &input).await?;
            Ok(see_other(&page.href(&format!("projects/{id}?done=saved"))))
        }
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/edit"));
            let organisations = vec![(ctx.project.organisation_id, ctx.organisation.clone())];
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    page: {
                        let named = ctx.named(&page.tr);
                        page.titled("project-edit-title").about(&named)
                    },
                    action,
                    form,
                    errors,
                    organisations,
                },
            )
        }
    }
}

#[derive(Template)]
#[template(path = "projects/case_study.html")]
struct CaseStudyPage {
    page: Page,
    ctx: ProjectCtx,
    sector: String,
    area: String,
    adopted: Vec<(String, &'static str)>,
    tools: Vec<String>,
    first: Option<String>,
    last: Option<String>,
    verified: String,
}

/// A one-page case study of a project, only with the organisation's consent.
pub async fn case_study(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::ViewProject,
    )
    .await?;
    if !ctx.project.case_study_consent {
        return Err(AppError::NOT_FOUND);
    }
    let tr = page.tr;
    let org = state
        .db
        .organisation_by_id(ctx.project.organisation_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let letter = org.sic_section.chars().next().unwrap_or('S');
    let sector = ymarfer_domain::reference::sic_name(letter, page.lang).to_string();
    let area = ymarfer_domain::reference::area(&org.principal_area)
        .map(|a| a.name(page.lang))
        .unwrap_or("")
        .to_string();
    let adopted = state
        .db
        .cycles(id)
        .await?
        .into_iter()
        .filter(|c| c.decision == Some(CycleDecision::Adopt))
        .map(|c| (c.change_idea, page.lang_of(&c.lang)))
        .collect();
    let all_tools = crate::views::toolkit::tools_for(&state, ctx.programme.id).await?;
    let mut tools: Vec<String> = state
        .db
        .applications(id)
        .await?
        .iter()
        .filter_map(|a| {
            all_tools
                .iter()
                .find(|t| t.id == a.tool_id)
                .map(|t| t.name.get(page.lang).to_string())
        })
        .collect();
    tools.dedup();
    let readings = state.db.readings(id).await?;
    let unit = ctx.project.aim_unit.clone();
    let show = |r: &ymarfer_store::projects::Reading| {
        format!(
            "{} {unit} ({})",
            format_hundredths(r.value),
            tr.day(r.taken_on)
        )
    };
    let (_, [verified, _, _]) = crate::views::ledger::project_ledger(&state, tr, &ctx).await?;
    let mut page = page;
    page.entitle(
        "case-study-title",
        &[("title", ctx.project.title.clone())],
        &["title"],
        &ctx.project.lang,
    );
    render(&CaseStudyPage {
        page,
        first: readings.first().map(show),
        last: readings.last().filter(|_| readings.len() > 1).map(show),
        sector,
        area,
        adopted,
        tools,
        verified,
        ctx,
    })
}

/// A facilitator or manager approves a project marked public as a showcase.
pub async fn approve(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(id): Path<i64>,
) -> AppResult {
    ymarfer_app::projects::approve(&state, &viewer.acting(Door::Page, addr), id).await?;
    Ok(see_other(
        &page.href(&format!("projects/{id}?done=approved")),
    ))
}
