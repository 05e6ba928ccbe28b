//! Challenge projects: an organisation's real process problem, with its aim and
//! measures, the tools applied to it, test-and-learn cycles and readings.

use super::forms::FieldErrors;
use super::{FormData, context, parse, see_other};
use crate::charts::RunChart;
use crate::error::{AppError, AppResult, ErrorKind, authorise, refused};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use ymarfer_app::i18n::Tr;
use ymarfer_app::i18n::format_hundredths;
use ymarfer_domain::authz::{ProjectFacts, missing};
use ymarfer_domain::innovation::{EmployeeBand, OsloFunction};
use ymarfer_domain::projects::{CycleDecision, ProjectStatus, Visibility, is_quiet, median};
use ymarfer_domain::toolkit::Number;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::projects::{Cycle, Project, ProjectInput, ProjectSummary};

/// A project with its place in the programme and what the viewer may do with it.
pub struct ProjectCtx {
    pub project: Project,
    pub programme: Programme,
    pub cohort: Cohort,
    pub organisation: String,
    /// What authorisation knows of the project and the viewer.
    pub facts: ProjectFacts,
    may_edit: bool,
    may_see_ledger: bool,
    /// The firm as the viewer may know it: by name, or described.
    firm: Firm,
}

/// The firm behind a project, named only to those who see the project through
/// its programme, or to anyone once it consented to a case study.
pub enum Firm {
    Named,
    Described {
        sic_section: String,
        band: Option<EmployeeBand>,
        area: String,
    },
}

impl ProjectCtx {
    pub fn can_edit(&self) -> bool {
        self.may_edit
    }

    /// Whether the viewer sees the project's ledger: the same question the
    /// API asks before it answers with the ledger.
    pub fn sees_ledger(&self) -> bool {
        self.may_see_ledger
    }

    /// The firm as the viewer may know it.
    pub fn firm(&self, tr: &Tr) -> String {
        match &self.firm {
            Firm::Named => self.organisation.clone(),
            Firm::Described {
                sic_section,
                band,
                area,
            } => ymarfer_app::i18n::describe_firm(*tr, sic_section, *band, area),
        }
    }

    /// Whether the viewer may do `action` to this project.
    pub fn may(&self, viewer: &Viewer, action: Action) -> bool {
        can(viewer.actor(), action, Resource::Project(self.facts)).allowed()
    }
}

/// The viewer's relation to the projects of one cohort, loaded once for any
/// number of projects: the organisation they represent there, and the
/// organisations of the people in their action-learning set.
pub struct Relation {
    represents: Option<i64>,
    set_organisations: Vec<i64>,
}

impl Relation {
    /// No relation at all: for decisions that depend only on roles.
    pub fn none() -> Relation {
        Relation {
            represents: None,
            set_organisations: Vec::new(),
        }
    }

    pub async fn load(
        state: &AppState,
        viewer: &Viewer,
        cohort: i64,
    ) -> Result<Relation, AppError> {
        let Some(me) = viewer.0.as_ref() else {
            return Ok(Relation::none());
        };
        let represents = state.db.represented_in(cohort, me.user.id).await?;
        let members = state.db.set_members(cohort).await?;
        let mine = members
            .iter()
            .find(|m| m.user_id == me.user.id)
            .map(|m| m.set_id);
        let mut set_organisations = Vec::new();
        if let Some(mine) = mine {
            let enrolled = state.db.enrolled(cohort).await?;
            for m in members.iter().filter(|m| m.set_id == mine) {
                set_organisations.extend(
                    enrolled
                        .iter()
                        .filter(|e| e.user_id == m.user_id)
                        .filter_map(|e| e.organisation_id),
                );
            }
        }
        Ok(Relation {
            represents,
            set_organisations,
        })
    }

    /// What authorisation needs to know about one project of the cohort.
    pub fn facts(
        &self,
        programme: i64,
        cohort: i64,
        organisation: i64,
        visibility: Visibility,
        public_approved: bool,
    ) -> ProjectFacts {
        ProjectFacts {
            programme,
            cohort,
            visibility,
            public_approved,
            viewer_represents: self.represents == Some(organisation),
            viewer_same_set: self.set_organisations.contains(&organisation),
        }
    }
}

/// Loads a project if the viewer may do `action` to it. One they may not see
/// answers 404 (or sign-in for a visitor), so its existence does not leak.
pub async fn project_for(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    action: Action,
) -> Result<ProjectCtx, AppError> {
    let Some(project) = state.db.project(id).await? else {
        return Err(refused(missing(viewer.actor())));
    };
    let cohort = state
        .db
        .cohort_by_id(project.cohort_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let programme = state
        .db
        .programme_by_id(cohort.programme_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let relation = Relation::load(state, viewer, cohort.id).await?;
    let facts = relation.facts(
        programme.id,
        cohort.id,
        project.organisation_id,
        project.visibility,
        project.public_approved_by.is_some(),
    );
    authorise(can(viewer.actor(), action, Resource::Project(facts)))?;
    let may = |action| can(viewer.actor(), action, Resource::Project(facts)).allowed();
    let may_edit = may(Action::EditProject);
    let may_see_ledger = may(Action::ViewLedger);
    let named = project.case_study_consent || may(Action::NameFirm);
    let org = state.db.organisation_by_id(project.organisation_id).await?;
    let firm = match &org {
        Some(_) if named => Firm::Named,
        Some(o) => Firm::Described {
            sic_section: o.sic_section.clone(),
            band: Some(o.employee_band),
            area: o.principal_area.clone(),
        },
        None => Firm::Described {
            sic_section: String::new(),
            band: None,
            area: String::new(),
        },
    };
    let organisation = org.map(|o| o.name).unwrap_or_default();
    Ok(ProjectCtx {
        project,
        programme,
        cohort,
        organisation,
        facts,
        may_edit,
        may_see_ledger,
        firm,
    })
}

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
    let relation = Relation::load(&state, &viewer, cohort.id).await?;
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
    render(&ListPage {
        page: page.titled("projects-title"),
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
    match (result, organisation) {
        (Ok(input), Some(org)) => {
            let by = viewer.0.as_ref().map(|c| c.user.id);
            let p = state.db.create_project(cohort.id, org, &input, by).await?;
            Ok(see_other(&page.href(&format!("projects/{}", p.id))))
        }
        (result, organisation) => {
            let mut errors = result.err().unwrap_or_default();
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
    }
}

/// An entry on a project's timeline: a tool saved or a cycle logged, in order.
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub when: String,
    pub text: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "projects/show.html")]
pub struct ShowPage {
    page: Page,
    ctx: ProjectCtx,
    /// (value, label) of what the viewer may share with the cohort.
    shareable: Vec<(String, String)>,
    /// Photos and documents attached to the project.
    files: Vec<ymarfer_store::attachments::Attachment>,
    /// A refused upload's message.
    pub file_errors: FieldErrors,
    timeline: Vec<TimelineEntry>,
    cycles: Vec<Cycle>,
    /// (id, day, value, note) of each reading, oldest first.
    readings: Vec<(i64, String, String, String)>,
    /// What readings said before they were corrected or removed.
    reading_history: Vec<(String, String, String, String)>,
    chart: Option<RunChart>,
    median_text: String,
    tools: Vec<(String, String)>,
    notice: Option<String>,
    reading_errors: FieldErrors,
    /// A refused reading, as typed.
    reading_form: super::readings::ReadingForm,
    can_approve: bool,
    ledger: Vec<super::benefits::LedgerRow>,
    totals: [String; 3],
    can_verify: bool,
    width: f64,
    height: f64,
}

impl ShowPage {
    fn status_name(&self) -> String {
        self.page.t(self.ctx.project.status.message_id())
    }
    fn visibility_name(&self) -> String {
        self.page.t(self.ctx.project.visibility.message_id())
    }
    fn public(&self) -> bool {
        self.ctx.project.visibility == Visibility::Public
    }
    fn function_name(&self) -> String {
        OsloFunction::parse(&self.ctx.project.business_function)
            .map(|f| self.page.t(f.message_id()))
            .unwrap_or_default()
    }
    fn decision_name(&self, d: &Option<String>) -> String {
        d.as_deref()
            .and_then(CycleDecision::parse)
            .map(|d| self.page.t(d.message_id()))
            .unwrap_or_else(|| self.page.t("cycle-open"))
    }
    fn num(&self, v: &Option<i64>) -> String {
        v.map(format_hundredths).unwrap_or_else(|| "—".into())
    }
}

pub async fn show_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    ctx: ProjectCtx,
    notice: Option<String>,
    (reading_errors, reading_form): (FieldErrors, super::readings::ReadingForm),
) -> Result<ShowPage, AppError> {
    let tr = page.tr;
    let id = ctx.project.id;
    let tools = super::tools::tools_for(state, ctx.programme.id).await?;
    let tool_name = |tid: &str| {
        tools
            .iter()
            .find(|t| t.id == tid)
            .map(|t| t.name.get(tr.lang()).to_string())
            .unwrap_or_else(|| tid.to_string())
    };
    let applications = state.db.applications(id).await?;
    let mut applied: Vec<String> = applications.iter().map(|a| a.tool_id.clone()).collect();
    applied.sort_unstable();
    applied.dedup();
    let mut timeline: Vec<TimelineEntry> = applications
        .into_iter()
        .map(|a| TimelineEntry {
            at: a.created_at,
            when: tr.date(a.created_at),
            text: tr.args(
                "timeline-tool",
                &[
                    ("tool", tool_name(&a.tool_id)),
                    ("version", a.version.to_string()),
                ],
            ),
            href: page.href(&format!(
                "projects/{id}/tools/{}/versions/{}",
                a.tool_id, a.version
            )),
        })
        .collect();
    let cycles = state.db.cycles(id).await?;
    for c in &cycles {
        timeline.push(TimelineEntry {
            at: c.created_at,
            when: tr.date(c.created_at),
            text: tr.args(
                "timeline-cycle",
                &[
                    ("number", c.number.to_string()),
                    ("idea", c.change_idea.clone()),
                ],
            ),
            href: page.href(&format!("projects/{id}/cycles/{}", c.number)),
        });
    }
    timeline.sort_by_key(|e| e.at);
    let readings = state.db.readings(id).await?;
    let values: Vec<i64> = readings.iter().map(|r| r.value).collect();
    let med = median(&values);
    // Each cycle is marked on the chart on the day its change began (or, when
    // the team has not said, the day it was logged).
    let marks: Vec<(chrono::NaiveDate, String)> = cycles
        .iter()
        .map(|c| {
            (
                c.tested_on
                    .unwrap_or_else(|| ymarfer_domain::uktime::to_local(c.created_at).date()),
                c.number.to_string(),
            )
        })
        .collect();
    let chart = RunChart::new(
        tr,
        crate::charts::Scale::Hundredths,
        &readings
            .iter()
            .map(|r| (r.taken_on, r.value))
            .collect::<Vec<_>>(),
        med,
        ctx.project.aim_target,
        &marks,
    );
    let rows = readings
        .iter()
        .map(|r| {
            (
                r.id,
                tr.day(r.taken_on),
                format_hundredths(r.value),
                r.note.clone(),
            )
        })
        .collect();
    let reading_history = if ctx.can_edit() {
        state
            .db
            .reading_history(id)
            .await?
            .into_iter()
            .map(|h| {
                (
                    tr.day(h.taken_on),
                    format_hundredths(h.value),
                    h.note,
                    tr.args(
                        "reading-history-by",
                        &[
                            ("action", tr.t(h.action.message_id())),
                            ("name", h.changed_by.unwrap_or_else(|| "—".into())),
                            ("date", tr.date(h.changed_at)),
                        ],
                    ),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let can_approve = ctx.may(viewer, Action::ApproveProject)
        && ctx.project.visibility == Visibility::Public
        && ctx.project.public_approved_by.is_none();
    let (ledger, totals) = if ctx.sees_ledger() {
        super::benefits::project_ledger(state, tr, &ctx).await?
    } else {
        (Vec::new(), [String::new(), String::new(), String::new()])
    };
    let can_verify = ctx.may(viewer, Action::VerifyBenefit);
    let tool_links = tools
        .iter()
        .map(|t| (t.id.clone(), t.name.get(tr.lang()).to_string()))
        .collect();
    // What its people may share with their cohort: each tool applied, each
    // cycle, the latest reading.
    let may_share =
        ctx.can_edit() && context::may(viewer, Action::ViewSpace, ctx.programme.id, ctx.cohort.id);
    let shareable = if may_share {
        let mut options: Vec<(String, String)> = applied
            .iter()
            .map(|t| (format!("tool:{t}"), tool_name(t)))
            .collect();
        options.extend(cycles.iter().map(|c| {
            (
                format!("cycle:{}", c.number),
                tr.args(
                    "share-option-cycle",
                    &[
                        ("number", c.number.to_string()),
                        ("change", c.change_idea.clone()),
                    ],
                ),
            )
        }));
        if !readings.is_empty() {
            options.push(("reading".into(), tr.t("share-reading")));
        }
        options
    } else {
        Vec::new()
    };
    let mut page = page;
    page.title = ctx.project.title.clone();
    let files = state.db.project_attachments(id).await?;
    Ok(ShowPage {
        page,
        shareable,
        files,
        file_errors: FieldErrors::default(),
        timeline,
        cycles,
        readings: rows,
        reading_history,
        chart,
        median_text: med.map(format_hundredths).unwrap_or_default(),
        tools: tool_links,
        notice,
        reading_errors,
        reading_form,
        can_approve,
        ledger,
        totals,
        can_verify,
        width: crate::charts::WIDTH,
        height: crate::charts::HEIGHT,
        ctx,
    })
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<super::programmes::DoneQuery>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::ViewProject).await?;
    let notice = page.done_notice(q.done.as_deref());
    render(&show_page(&state, page, &viewer, ctx, notice, Default::default()).await?)
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    let action = page.href(&format!("projects/{id}/edit"));
    let organisations = vec![(ctx.project.organisation_id, ctx.organisation.clone())];
    let form = ProjectForm::from_project(&ctx.project);
    render(&FormPage {
        page: page.titled("project-edit-title"),
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
    Path(id): Path<i64>,
    FormData(form): FormData<ProjectForm>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    match form.validate(&page) {
        Ok(input) => {
            state.db.update_project(id, &input).await?;
            Ok(see_other(&page.href(&format!("projects/{id}?done=saved"))))
        }
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/edit"));
            let organisations = vec![(ctx.project.organisation_id, ctx.organisation.clone())];
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    page: page.titled("project-edit-title"),
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
    adopted: Vec<String>,
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
    let ctx = project_for(&state, &viewer, id, Action::ViewProject).await?;
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
        .filter(|c| c.decision.as_deref() == Some("adopt"))
        .map(|c| c.change_idea)
        .collect();
    let all_tools = super::tools::tools_for(&state, ctx.programme.id).await?;
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
    let (_, [verified, _, _]) = super::benefits::project_ledger(&state, tr, &ctx).await?;
    let mut page = page;
    page.title = tr.t1("case-study-title", "title", &ctx.project.title);
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
    let ctx = project_for(&state, &viewer, id, Action::ApproveProject).await?;
    if ctx.project.visibility != Visibility::Public {
        return Err(AppError::BAD_REQUEST);
    }
    state
        .db
        .approve_public(id, viewer.0.as_ref().map(|c| c.user.id))
        .await?;
    let act = ymarfer_app::audit::Act::new(
        ymarfer_domain::audit::AuditAction::ProjectApproved,
        Some(ctx.programme.id),
        format!("project {id}: {}", ctx.project.title),
    );
    ymarfer_app::audit::record(&state, viewer.user_id(), &addr, act).await?;
    Ok(see_other(
        &page.href(&format!("projects/{id}?done=approved")),
    ))
}
