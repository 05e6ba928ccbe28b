//! Challenge projects, tool applications with their versions, test-and-learn
//! cycles, readings, and a programme's own tools.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::projects::{CycleDecision, ProjectStatus, ReadingAction, Visibility};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Project {
    pub id: i64,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub title: String,
    pub problem: String,
    pub business_function: String,
    pub aim_measure: String,
    pub aim_unit: String,
    pub aim_baseline: Option<i64>,
    pub aim_target: Option<i64>,
    pub aim_by: Option<NaiveDate>,
    pub outcome_measures: String,
    pub process_measures: String,
    pub balancing_measures: String,
    pub owners: String,
    #[sqlx(try_from = "String")]
    pub status: ProjectStatus,
    #[sqlx(try_from = "String")]
    pub visibility: Visibility,
    pub public_approved_by: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub case_study_consent: bool,
    /// The language its words were written in (`en` or `cy`).
    pub lang: String,
}

/// A project's editable fields, already validated. Numbers are hundredths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectInput {
    pub title: String,
    pub problem: String,
    pub business_function: String,
    pub aim_measure: String,
    pub aim_unit: String,
    pub aim_baseline: Option<i64>,
    pub aim_target: Option<i64>,
    pub aim_by: Option<NaiveDate>,
    pub outcome_measures: String,
    pub process_measures: String,
    pub balancing_measures: String,
    pub owners: String,
    pub status: ProjectStatus,
    pub visibility: Visibility,
    pub case_study_consent: bool,
    /// The language its words are written in.
    pub lang: ymarfer_domain::Lang,
}

impl ProjectInput {
    /// What a project says now, as a form would send it.
    pub fn of(p: &Project) -> ProjectInput {
        ProjectInput {
            title: p.title.clone(),
            problem: p.problem.clone(),
            business_function: p.business_function.clone(),
            aim_measure: p.aim_measure.clone(),
            aim_unit: p.aim_unit.clone(),
            aim_baseline: p.aim_baseline,
            aim_target: p.aim_target,
            aim_by: p.aim_by,
            outcome_measures: p.outcome_measures.clone(),
            process_measures: p.process_measures.clone(),
            balancing_measures: p.balancing_measures.clone(),
            owners: p.owners.clone(),
            status: p.status,
            visibility: p.visibility,
            case_study_consent: p.case_study_consent,
            lang: ymarfer_domain::Lang::parse(&p.lang).unwrap_or_default(),
        }
    }
}

/// What starting a project came to.
#[derive(Debug, Clone)]
pub enum Started {
    /// Made now, and recorded.
    New(Project),
    /// The firm has a project of this title and problem in the cohort
    /// already (the form sent twice): nothing was written.
    Same(Project),
    /// The firm has a different project of this title in the cohort.
    TitleTaken,
}

/// A change to a project's content: newer activity, and approval withdrawn.
pub(crate) const TOUCH_PROJECT: &str =
    "UPDATE projects SET updated_at = $1, public_approved_by = NULL WHERE id = $2";

const PROJECT_COLUMNS: &str = "id, cohort_id, organisation_id, title, problem, business_function, aim_measure, aim_unit, \
     aim_baseline, aim_target, aim_by, outcome_measures, process_measures, balancing_measures, owners, status, \
     visibility, public_approved_by, created_by, created_at, updated_at, case_study_consent, lang";

/// A project with its counts and last activity, for the lists that show them.
pub(crate) const SUMMARY_SELECT: &str = "SELECT p.id, p.title, p.lang, p.cohort_id, p.organisation_id, o.name AS organisation_name, \
     p.status, p.visibility, p.public_approved_by, p.updated_at, \
     (SELECT COUNT(*) FROM tool_applications a WHERE a.project_id = p.id) AS tools, \
     (SELECT COUNT(*) FROM cycles c WHERE c.project_id = p.id) AS cycles, \
     (SELECT MIN(c.number) FROM cycles c WHERE c.project_id = p.id AND c.decision IS NULL) AS open_cycle, \
     (SELECT COUNT(*) FROM readings r WHERE r.project_id = p.id) AS readings, \
     (SELECT MAX(x.at) FROM (SELECT created_at AS at FROM tool_applications WHERE project_id = p.id \
        UNION ALL SELECT updated_at FROM cycles WHERE project_id = p.id \
        UNION ALL SELECT created_at FROM readings WHERE project_id = p.id \
        UNION ALL SELECT updated_at FROM projects WHERE id = p.id) x) AS last_activity \
     FROM projects p JOIN organisations o ON o.id = p.organisation_id";

/// A project as the cohort's list shows it, with signs of life.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectSummary {
    pub id: i64,
    pub title: String,
    /// The language its title was written in.
    pub lang: String,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    #[sqlx(try_from = "String")]
    pub status: ProjectStatus,
    #[sqlx(try_from = "String")]
    pub visibility: Visibility,
    pub public_approved_by: Option<i64>,
    pub updated_at: DateTime<Utc>,
    pub tools: i64,
    pub cycles: i64,
    /// The first cycle still without a decision, if any.
    pub open_cycle: Option<i64>,
    pub readings: i64,
    pub last_activity: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub id: i64,
    pub project_id: i64,
    pub tool_id: String,
    pub tool_version: i64,
    pub version: i64,
    pub data: String,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// The language its words were written in (`en` or `cy`).
    pub lang: String,
}

#[derive(Debug, Clone)]
pub struct Cycle {
    pub id: i64,
    pub project_id: i64,
    pub number: i64,
    pub change_idea: String,
    pub prediction: String,
    pub plan_who: String,
    pub plan_what: String,
    pub plan_when: String,
    pub plan_where: String,
    pub happened: String,
    pub study: String,
    pub decision: Option<CycleDecision>,
    /// The day the change began to be tried, when the team says.
    pub tested_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The language its words were written in (`en` or `cy`).
    pub lang: String,
}

/// A cycle as stored, its decision still a code.
#[derive(sqlx::FromRow)]
struct CycleRow {
    id: i64,
    project_id: i64,
    number: i64,
    change_idea: String,
    prediction: String,
    plan_who: String,
    plan_what: String,
    plan_when: String,
    plan_where: String,
    happened: String,
    study: String,
    decision: Option<String>,
    tested_on: Option<NaiveDate>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    lang: String,
}

impl TryFrom<CycleRow> for Cycle {
    type Error = crate::StoreError;
    fn try_from(r: CycleRow) -> Result<Cycle> {
        let decision = match r.decision {
            None => None,
            Some(code) => Some(
                CycleDecision::try_from(code)
                    .map_err(|e| crate::StoreError::Sqlx(sqlx::Error::Decode(Box::new(e))))?,
            ),
        };
        Ok(Cycle {
            id: r.id,
            project_id: r.project_id,
            number: r.number,
            change_idea: r.change_idea,
            prediction: r.prediction,
            plan_who: r.plan_who,
            plan_what: r.plan_what,
            plan_when: r.plan_when,
            plan_where: r.plan_where,
            happened: r.happened,
            study: r.study,
            decision,
            tested_on: r.tested_on,
            created_at: r.created_at,
            updated_at: r.updated_at,
            lang: r.lang,
        })
    }
}

impl Cycle {
    /// What the cycle says now, as a form would send it.
    pub fn input(&self) -> CycleInput {
        CycleInput {
            change_idea: self.change_idea.clone(),
            prediction: self.prediction.clone(),
            plan_who: self.plan_who.clone(),
            plan_what: self.plan_what.clone(),
            plan_when: self.plan_when.clone(),
            plan_where: self.plan_where.clone(),
            happened: self.happened.clone(),
            study: self.study.clone(),
            decision: self.decision,
            tested_on: self.tested_on,
            lang: ymarfer_domain::Lang::parse(&self.lang).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CycleInput {
    pub change_idea: String,
    pub prediction: String,
    pub plan_who: String,
    pub plan_what: String,
    pub plan_when: String,
    pub plan_where: String,
    pub happened: String,
    pub study: String,
    pub decision: Option<CycleDecision>,
    pub tested_on: Option<NaiveDate>,
    /// The language its words are written in.
    pub lang: ymarfer_domain::Lang,
}

/// A new cycle, numbered after the project's last: its content binds $2 to
/// $11 and $14 (`CycleInput` in order, then its language), $12 the writer,
/// $13 the moment.
fn cycle_insert() -> String {
    format!(
        "INSERT INTO cycles (project_id, number, change_idea, prediction, plan_who, plan_what, plan_when, plan_where, \
         happened, study, decision, tested_on, created_by, created_at, updated_at, lang) \
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM cycles WHERE project_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) \
         RETURNING {CYCLE_COLUMNS}"
    )
}

const CYCLE_COLUMNS: &str = "id, project_id, number, change_idea, prediction, plan_who, plan_what, plan_when, plan_where, \
     happened, study, decision, tested_on, created_at, updated_at, lang";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reading {
    pub id: i64,
    pub taken_on: NaiveDate,
    pub value: i64,
    pub note: String,
    /// The language its note was written in (`en` or `cy`).
    pub lang: String,
}

/// A correction to a reading, or its removal.
#[derive(Debug, Clone, Copy)]
pub enum ReadingChange<'a> {
    Correct {
        taken_on: NaiveDate,
        value: i64,
        note: &'a str,
        lang: ymarfer_domain::Lang,
    },
    Remove,
}

impl ReadingChange<'_> {
    fn action(&self) -> &'static str {
        match self {
            ReadingChange::Correct { .. } => ReadingAction::Corrected.as_str(),
            ReadingChange::Remove => ReadingAction::Removed.as_str(),
        }
    }
}

/// What a reading said before it was corrected or removed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReadingHistory {
    pub reading_id: i64,
    pub taken_on: NaiveDate,
    pub value: i64,
    pub note: String,
    #[sqlx(try_from = "String")]
    pub action: ReadingAction,
    pub changed_by: Option<String>,
    pub changed_at: DateTime<Utc>,
    /// The language its note was written in.
    pub lang: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProgrammeTool {
    pub tool_id: String,
    pub version: i64,
    pub definition: String,
}

impl Db {
    /// Creates a project of the programme's own record of a firm.
    pub async fn create_project(
        &self,
        cohort_id: i64,
        organisation_id: i64,
        input: &ProjectInput,
        by: Option<i64>,
    ) -> Result<Project> {
        let sql = format!(
            "INSERT INTO projects (cohort_id, organisation_id, title, problem, business_function, aim_measure, aim_unit, \
             aim_baseline, aim_target, aim_by, outcome_measures, process_measures, balancing_measures, owners, status, \
             visibility, created_by, created_at, updated_at, case_study_consent, lang) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20) RETURNING {PROJECT_COLUMNS}"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let own: Option<i64> = sqlx::query_scalar(
                "SELECT o.id FROM organisations o JOIN cohorts c ON c.programme_id = o.programme_id \
                 WHERE o.id = $1 AND c.id = $2",
            )
            .bind(organisation_id)
            .bind(cohort_id)
            .fetch_optional(&mut *tx)
            .await?;
            if own.is_none() {
                return Err(crate::StoreError::Invalid(
                    "a project's organisation must be its programme's record".into(),
                ));
            }
            let project: Project = sqlx::query_as(&sql)
                .bind(cohort_id)
                .bind(organisation_id)
                .bind(&input.title)
                .bind(&input.problem)
                .bind(&input.business_function)
                .bind(&input.aim_measure)
                .bind(&input.aim_unit)
                .bind(input.aim_baseline)
                .bind(input.aim_target)
                .bind(input.aim_by)
                .bind(&input.outcome_measures)
                .bind(&input.process_measures)
                .bind(&input.balancing_measures)
                .bind(&input.owners)
                .bind(input.status.as_str())
                .bind(input.visibility.as_str())
                .bind(by)
                .bind(Utc::now())
                .bind(input.case_study_consent)
                .bind(input.lang.code())
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(project)
        })
    }

    /// Saves a project. Any change withdraws approval to publish it, until a
    /// facilitator has read the new text and approves again.
    pub async fn update_project(&self, id: i64, input: &ProjectInput) -> Result<()> {
        self.update_project_recorded(id, input, &NewAuditEvent::default())
            .await
    }

    pub async fn approve_public(&self, id: i64, by: Option<i64>) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE projects SET public_approved_by = $1 WHERE id = $2 AND visibility = 'public'")
                .bind(by)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn project(&self, id: i64) -> Result<Option<Project>> {
        let sql = format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE id = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    /// Marks a project changed; what the world sees needs approving again.
    async fn touch_project(&self, id: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(TOUCH_PROJECT)
                .bind(Utc::now())
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// How many projects a programme (optionally one cohort) has.
    pub async fn project_count_in(&self, programme: i64, cohort: Option<i64>) -> Result<i64> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM projects p JOIN cohorts c ON c.id = p.cohort_id \
                 WHERE c.programme_id = $1 AND ($2 IS NULL OR p.cohort_id = $2)",
            )
            .bind(programme)
            .bind(cohort)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Every project in a cohort with its counts and last activity, for the
    /// facilitator's view of who is moving and who is stuck.
    pub async fn cohort_projects(&self, cohort_id: i64) -> Result<Vec<ProjectSummary>> {
        let sql = format!("{SUMMARY_SELECT} WHERE p.cohort_id = $1 ORDER BY o.name, p.title");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(cohort_id).fetch_all(pool).await?
        }))
    }

    /// Every project of a programme (optionally one cohort), as `cohort_projects`
    /// gives them, in one query.
    pub async fn programme_projects(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<ProjectSummary>> {
        let sql = format!(
            "{SUMMARY_SELECT} JOIN cohorts k ON k.id = p.cohort_id \
             WHERE k.programme_id = $1 AND ($2 IS NULL OR p.cohort_id = $2) ORDER BY p.cohort_id, o.name, p.title"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(cohort_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Saves a tool as filled in: a new version, numbered after the last.
    pub async fn save_application(
        &self,
        project_id: i64,
        tool_id: &str,
        tool_version: i64,
        data: &str,
        by: Option<i64>,
    ) -> Result<i64> {
        let now = Utc::now();
        let version = with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let last: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(version) FROM tool_applications WHERE project_id = $1 AND tool_id = $2",
            )
            .bind(project_id)
            .bind(tool_id)
            .fetch_one(&mut *tx)
            .await?;
            let version = last.unwrap_or(0) + 1;
            sqlx::query(
                "INSERT INTO tool_applications (project_id, tool_id, tool_version, version, data, created_by, created_at, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE((SELECT language FROM users WHERE id = $6), 'en'))",
            )
            .bind(project_id)
            .bind(tool_id)
            .bind(tool_version)
            .bind(version)
            .bind(data)
            .bind(by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(TOUCH_PROJECT)
                .bind(now)
                .bind(project_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<i64, crate::StoreError>(version)
        })?;
        Ok(version)
    }

    /// Every saved version of every tool on a project, oldest first.
    pub async fn applications(&self, project_id: i64) -> Result<Vec<Application>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, project_id, tool_id, tool_version, version, data, created_by, created_at, lang \
                 FROM tool_applications WHERE project_id = $1 ORDER BY created_at, id",
            )
            .bind(project_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The tool applications with these ids (the versions shared to a
    /// cohort's space), in one query however many.
    pub async fn applications_by_id(&self, ids: &[i64]) -> Result<Vec<Application>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, project_id, tool_id, tool_version, version, data, created_by, created_at, lang \
             FROM tool_applications WHERE id IN ({}) ORDER BY id",
            marks.join(", ")
        );
        Ok(with_pool!(self, |pool| {
            let mut q = sqlx::query_as(&sql);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(pool).await?
        }))
    }

    pub async fn create_cycle(
        &self,
        project_id: i64,
        c: &CycleInput,
        by: Option<i64>,
    ) -> Result<Cycle> {
        let sql = cycle_insert();
        let cycle: CycleRow = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(project_id)
                .bind(&c.change_idea)
                .bind(&c.prediction)
                .bind(&c.plan_who)
                .bind(&c.plan_what)
                .bind(&c.plan_when)
                .bind(&c.plan_where)
                .bind(&c.happened)
                .bind(&c.study)
                .bind(c.decision.map(CycleDecision::as_str))
                .bind(c.tested_on)
                .bind(by)
                .bind(Utc::now())
                .bind(c.lang.code())
                .fetch_one(pool)
                .await?
        });
        self.touch_project(project_id).await?;
        cycle.try_into()
    }

    pub async fn update_cycle(&self, project_id: i64, number: i64, c: &CycleInput) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE cycles SET change_idea = $1, prediction = $2, plan_who = $3, plan_what = $4, plan_when = $5, \
                 plan_where = $6, happened = $7, study = $8, decision = $9, tested_on = $10, updated_at = $11, \
                 lang = $14 WHERE project_id = $12 AND number = $13",
            )
            .bind(&c.change_idea)
            .bind(&c.prediction)
            .bind(&c.plan_who)
            .bind(&c.plan_what)
            .bind(&c.plan_when)
            .bind(&c.plan_where)
            .bind(&c.happened)
            .bind(&c.study)
            .bind(c.decision.map(CycleDecision::as_str))
            .bind(c.tested_on)
            .bind(Utc::now())
            .bind(project_id)
            .bind(number)
            .bind(c.lang.code())
            .execute(pool)
            .await?;
        });
        self.touch_project(project_id).await
    }

    pub async fn cycles(&self, project_id: i64) -> Result<Vec<Cycle>> {
        let sql =
            format!("SELECT {CYCLE_COLUMNS} FROM cycles WHERE project_id = $1 ORDER BY number");
        let rows: Vec<CycleRow> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(project_id)
            .fetch_all(pool)
            .await?);
        rows.into_iter().map(Cycle::try_from).collect()
    }

    pub async fn add_reading(
        &self,
        project_id: i64,
        taken_on: NaiveDate,
        value: i64,
        note: &str,
        by: Option<i64>,
    ) -> Result<i64> {
        let id: i64 = with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO readings (project_id, taken_on, value, note, created_by, created_at, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT language FROM users WHERE id = $5), 'en')) RETURNING id",
            )
                .bind(project_id)
                .bind(taken_on)
                .bind(value)
                .bind(note)
                .bind(by)
                .bind(Utc::now())
                .fetch_one(pool)
                .await?
        });
        self.touch_project(project_id).await?;
        Ok(id)
    }

    /// Corrects or removes a reading, keeping what it said before, with its
    /// audit event, in one transaction. False, with nothing written, when the
    /// project has no such reading.
    pub async fn correct_reading(
        &self,
        project_id: i64,
        reading: i64,
        change: ReadingChange<'_>,
        by: Option<i64>,
        audit: &NewAuditEvent,
    ) -> Result<bool> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let kept = sqlx::query(
                "INSERT INTO reading_history (reading_id, project_id, taken_on, value, note, action, changed_by, changed_at, lang) \
                 SELECT id, project_id, taken_on, value, note, $1, $2, $3, lang FROM readings WHERE id = $4 AND project_id = $5",
            )
            .bind(change.action())
            .bind(by)
            .bind(now)
            .bind(reading)
            .bind(project_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if kept != 1 {
                return Ok(false);
            }
            match change {
                ReadingChange::Correct {
                    taken_on,
                    value,
                    note,
                    lang,
                } => {
                    sqlx::query("UPDATE readings SET taken_on = $1, value = $2, note = $3, lang = $6 WHERE id = $4 AND project_id = $5")
                        .bind(taken_on)
                        .bind(value)
                        .bind(note)
                        .bind(reading)
                        .bind(project_id)
                        .bind(lang.code())
                        .execute(&mut *tx)
                        .await?;
                }
                ReadingChange::Remove => {
                    sqlx::query("DELETE FROM readings WHERE id = $1 AND project_id = $2")
                        .bind(reading)
                        .bind(project_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            sqlx::query(TOUCH_PROJECT)
                .bind(now)
                .bind(project_id)
                .execute(&mut *tx)
                .await?;
            crate::audit::record_in!(tx, audit);
            tx.commit().await?;
            true
        }))
    }

    /// What a project's readings said before each correction or removal, newest first.
    pub async fn reading_history(&self, project_id: i64) -> Result<Vec<ReadingHistory>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT h.reading_id, h.taken_on, h.value, h.note, h.action, u.display_name AS changed_by, h.changed_at, h.lang \
                 FROM reading_history h LEFT JOIN users u ON u.id = h.changed_by \
                 WHERE h.project_id = $1 ORDER BY h.changed_at DESC, h.id DESC",
            )
            .bind(project_id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn readings(&self, project_id: i64) -> Result<Vec<Reading>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as("SELECT id, taken_on, value, note, lang FROM readings WHERE project_id = $1 ORDER BY taken_on, id")
                .bind(project_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// The latest version of each of a programme's own tools.
    pub async fn programme_tools(&self, programme_id: i64) -> Result<Vec<ProgrammeTool>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT t.tool_id, t.version, t.definition FROM programme_tools t WHERE t.programme_id = $1 \
                 AND t.version = (SELECT MAX(version) FROM programme_tools u WHERE u.programme_id = t.programme_id AND u.tool_id = t.tool_id) \
                 ORDER BY t.tool_id",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }
}

/// A saved version of a tool: its number, and whether it was written now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedVersion {
    pub version: i64,
    /// False when the latest version said the same already: nothing was written.
    pub new: bool,
}

/// The acts on projects, each in one transaction with its audit event.
impl Db {
    /// Starts a project for a firm of the cohort's programme, with its audit
    /// event. The firm's project of the same title in the cohort is not made
    /// twice: the same problem again finds it (`Same`), another is refused.
    pub async fn start_project(
        &self,
        cohort_id: i64,
        organisation_id: i64,
        input: &ProjectInput,
        by: Option<i64>,
        audit: &NewAuditEvent,
    ) -> Result<Started> {
        let insert = format!(
            "INSERT INTO projects (cohort_id, organisation_id, title, problem, business_function, aim_measure, aim_unit, \
             aim_baseline, aim_target, aim_by, outcome_measures, process_measures, balancing_measures, owners, status, \
             visibility, created_by, created_at, updated_at, case_study_consent, lang) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20) RETURNING {PROJECT_COLUMNS}"
        );
        let same = format!(
            "SELECT {PROJECT_COLUMNS} FROM projects WHERE cohort_id = $1 AND organisation_id = $2 AND title = $3 \
             ORDER BY id LIMIT 1"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "cohorts", "slug", cohort_id);
            let own: Option<i64> = sqlx::query_scalar(
                "SELECT o.id FROM organisations o JOIN cohorts c ON c.programme_id = o.programme_id \
                 WHERE o.id = $1 AND c.id = $2",
            )
            .bind(organisation_id)
            .bind(cohort_id)
            .fetch_optional(&mut *tx)
            .await?;
            if own.is_none() {
                return Err(crate::StoreError::Invalid(
                    "a project's organisation must be its programme's record".into(),
                ));
            }
            let existing: Option<Project> = sqlx::query_as(&same)
                .bind(cohort_id)
                .bind(organisation_id)
                .bind(&input.title)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(p) = existing {
                return Ok(if p.problem == input.problem {
                    Started::Same(p)
                } else {
                    Started::TitleTaken
                });
            }
            let project: Project = sqlx::query_as(&insert)
                .bind(cohort_id)
                .bind(organisation_id)
                .bind(&input.title)
                .bind(&input.problem)
                .bind(&input.business_function)
                .bind(&input.aim_measure)
                .bind(&input.aim_unit)
                .bind(input.aim_baseline)
                .bind(input.aim_target)
                .bind(input.aim_by)
                .bind(&input.outcome_measures)
                .bind(&input.process_measures)
                .bind(&input.balancing_measures)
                .bind(&input.owners)
                .bind(input.status.as_str())
                .bind(input.visibility.as_str())
                .bind(by)
                .bind(Utc::now())
                .bind(input.case_study_consent)
                .bind(input.lang.code())
                .fetch_one(&mut *tx)
                .await?;
            let mut event = audit.clone();
            event.subject = format!("project {}: {}", project.id, event.subject);
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(Started::New(project))
        })
    }

    /// Saves a project with its audit event. Any change withdraws approval to
    /// publish it, until a facilitator has read the new text and approves again.
    pub async fn update_project_recorded(
        &self,
        id: i64,
        input: &ProjectInput,
        audit: &NewAuditEvent,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE projects SET title = $1, problem = $2, business_function = $3, aim_measure = $4, aim_unit = $5, \
                 aim_baseline = $6, aim_target = $7, aim_by = $8, outcome_measures = $9, process_measures = $10, \
                 balancing_measures = $11, owners = $12, status = $13, visibility = $14, updated_at = $15, \
                 public_approved_by = NULL, \
                 case_study_consent = $17, lang = $18 WHERE id = $16",
            )
            .bind(&input.title)
            .bind(&input.problem)
            .bind(&input.business_function)
            .bind(&input.aim_measure)
            .bind(&input.aim_unit)
            .bind(input.aim_baseline)
            .bind(input.aim_target)
            .bind(input.aim_by)
            .bind(&input.outcome_measures)
            .bind(&input.process_measures)
            .bind(&input.balancing_measures)
            .bind(&input.owners)
            .bind(input.status.as_str())
            .bind(input.visibility.as_str())
            .bind(Utc::now())
            .bind(id)
            .bind(input.case_study_consent)
            .bind(input.lang.code())
            .execute(&mut *tx)
            .await?;
            crate::audit::record_in!(tx, audit);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Approves a public project not yet approved, with its audit event, and
    /// tells the people enrolled for its firm in its cohort (but the approver).
    /// False, with nothing written, when it is approved already or not public.
    pub async fn approve_public_recorded(
        &self,
        id: i64,
        by: Option<i64>,
        audit: &NewAuditEvent,
    ) -> Result<bool> {
        let now = Utc::now();
        let kind = ymarfer_domain::space::NoticeKind::ProjectApproved;
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let approved = sqlx::query(
                "UPDATE projects SET public_approved_by = $1 \
                 WHERE id = $2 AND visibility = 'public' AND public_approved_by IS NULL",
            )
            .bind(by)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if approved {
                sqlx::query(
                    "INSERT INTO notifications (user_id, kind, project_id, actor_id, created_at) \
                     SELECT DISTINCT e.user_id, $1, p.id, $2, $3 FROM projects p \
                     JOIN enrolments e ON e.cohort_id = p.cohort_id AND e.organisation_id = p.organisation_id \
                     WHERE p.id = $4 AND e.status = 'active' AND ($2 IS NULL OR e.user_id <> $2)",
                )
                .bind(kind.as_str())
                .bind(by)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                crate::audit::record_in!(tx, audit);
                tx.commit().await?;
            }
            approved
        }))
    }

    /// Saves a tool as filled in, as a new version numbered after the last,
    /// with its audit event. When the latest version says the same already
    /// (the form sent twice), nothing is written.
    pub async fn save_application_recorded(
        &self,
        project_id: i64,
        tool_id: &str,
        tool_version: i64,
        (data, lang): (&str, ymarfer_domain::Lang),
        by: Option<i64>,
        audit: &NewAuditEvent,
    ) -> Result<SavedVersion> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let last: Option<(i64, i64, String, String)> = sqlx::query_as(
                "SELECT version, tool_version, data, lang FROM tool_applications WHERE project_id = $1 AND tool_id = $2 \
                 ORDER BY version DESC LIMIT 1",
            )
            .bind(project_id)
            .bind(tool_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((version, v, d, l)) = &last
                && *v == tool_version
                && d == data
                && l == lang.code()
            {
                return Ok(SavedVersion {
                    version: *version,
                    new: false,
                });
            }
            let version = last.map_or(0, |l| l.0) + 1;
            sqlx::query(
                "INSERT INTO tool_applications (project_id, tool_id, tool_version, version, data, created_by, created_at, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(project_id)
            .bind(tool_id)
            .bind(tool_version)
            .bind(version)
            .bind(data)
            .bind(by)
            .bind(now)
            .bind(lang.code())
            .execute(&mut *tx)
            .await?;
            sqlx::query(TOUCH_PROJECT)
                .bind(now)
                .bind(project_id)
                .execute(&mut *tx)
                .await?;
            let mut event = audit.clone();
            event.detail = format!("version {version}");
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(SavedVersion { version, new: true })
        })
    }

    /// Begins a cycle, numbered after the last, with its audit event. With
    /// `once`, when the project's latest cycle says the same already (the form
    /// sent twice), it is given back and nothing is written: the flag is false.
    pub async fn start_cycle(
        &self,
        project_id: i64,
        c: &CycleInput,
        by: Option<i64>,
        once: bool,
        audit: &NewAuditEvent,
    ) -> Result<(Cycle, bool)> {
        let last_sql = format!(
            "SELECT {CYCLE_COLUMNS} FROM cycles WHERE project_id = $1 ORDER BY number DESC LIMIT 1"
        );
        let insert = cycle_insert();
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let last: Option<CycleRow> = sqlx::query_as(&last_sql)
                .bind(project_id)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(last) = last.filter(|_| once) {
                let last = Cycle::try_from(last)?;
                if last.input() == *c {
                    return Ok((last, false));
                }
            }
            let row: CycleRow = sqlx::query_as(&insert)
                .bind(project_id)
                .bind(&c.change_idea)
                .bind(&c.prediction)
                .bind(&c.plan_who)
                .bind(&c.plan_what)
                .bind(&c.plan_when)
                .bind(&c.plan_where)
                .bind(&c.happened)
                .bind(&c.study)
                .bind(c.decision.map(CycleDecision::as_str))
                .bind(c.tested_on)
                .bind(by)
                .bind(now)
                .bind(c.lang.code())
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(TOUCH_PROJECT)
                .bind(now)
                .bind(project_id)
                .execute(&mut *tx)
                .await?;
            let mut event = audit.clone();
            event.subject = format!("cycle {} of {}", row.number, event.subject);
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok((Cycle::try_from(row)?, true))
        })
    }

    /// Saves a cycle with its audit event, if it is still as the person saw
    /// it (`seen`, its content then). False, with nothing written, when it
    /// changed meanwhile or is not there.
    pub async fn update_cycle_recorded(
        &self,
        project_id: i64,
        number: i64,
        seen: &CycleInput,
        c: &CycleInput,
        audit: &NewAuditEvent,
    ) -> Result<bool> {
        let sql =
            format!("SELECT {CYCLE_COLUMNS} FROM cycles WHERE project_id = $1 AND number = $2");
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let current: Option<CycleRow> = sqlx::query_as(&sql)
                .bind(project_id)
                .bind(number)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(current) = current else {
                return Ok(false);
            };
            if Cycle::try_from(current)?.input() != *seen {
                return Ok(false);
            }
            sqlx::query(
                "UPDATE cycles SET change_idea = $1, prediction = $2, plan_who = $3, plan_what = $4, plan_when = $5, \
                 plan_where = $6, happened = $7, study = $8, decision = $9, tested_on = $10, updated_at = $11, \
                 lang = $14 WHERE project_id = $12 AND number = $13",
            )
            .bind(&c.change_idea)
            .bind(&c.prediction)
            .bind(&c.plan_who)
            .bind(&c.plan_what)
            .bind(&c.plan_when)
            .bind(&c.plan_where)
            .bind(&c.happened)
            .bind(&c.study)
            .bind(c.decision.map(CycleDecision::as_str))
            .bind(c.tested_on)
            .bind(now)
            .bind(project_id)
            .bind(number)
            .bind(c.lang.code())
            .execute(&mut *tx)
            .await?;
            sqlx::query(TOUCH_PROJECT)
                .bind(now)
                .bind(project_id)
                .execute(&mut *tx)
                .await?;
            crate::audit::record_in!(tx, audit);
            tx.commit().await?;
            true
        }))
    }

    /// Records a reading with its audit event. With `once`, the same reading
    /// again (the same day, value and note: the form sent twice) is the one
    /// there already, and nothing is written: the flag is false.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_reading(
        &self,
        project_id: i64,
        taken_on: NaiveDate,
        value: i64,
        note: (&str, ymarfer_domain::Lang),
        by: Option<i64>,
        once: bool,
        audit: &NewAuditEvent,
    ) -> Result<(i64, bool)> {
        let (note, lang) = note;
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let same: Option<i64> = if !once {
                None
            } else {
                sqlx::query_scalar(
                "SELECT id FROM readings WHERE project_id = $1 AND taken_on = $2 AND value = $3 AND note = $4 \
                 ORDER BY id LIMIT 1",
            )
                .bind(project_id)
                .bind(taken_on)
                .bind(value)
                .bind(note)
                .fetch_optional(&mut *tx)
                .await?
            };
            if let Some(id) = same {
                return Ok((id, false));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO readings (project_id, taken_on, value, note, created_by, created_at, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(project_id)
            .bind(taken_on)
            .bind(value)
            .bind(note)
            .bind(by)
            .bind(now)
            .bind(lang.code())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(TOUCH_PROJECT)
                .bind(now)
                .bind(project_id)
                .execute(&mut *tx)
                .await?;
            let mut event = audit.clone();
            event.subject = format!("reading {id} of {}", event.subject);
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok((id, true))
        })
    }
}

impl Db {
    /// Adds a programme's own tool (a new version when the id exists already),
    /// with its audit event. When its latest version has the same definition
    /// (the form sent twice), nothing is written.
    pub async fn add_programme_tool_recorded(
        &self,
        programme_id: i64,
        tool_id: &str,
        definition: &str,
        by: Option<i64>,
        audit: &NewAuditEvent,
    ) -> Result<SavedVersion> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let last: Option<(i64, String)> = sqlx::query_as(
                "SELECT version, definition FROM programme_tools WHERE programme_id = $1 AND tool_id = $2 \
                 ORDER BY version DESC LIMIT 1",
            )
            .bind(programme_id)
            .bind(tool_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((version, d)) = &last
                && d == definition
            {
                return Ok(SavedVersion {
                    version: *version,
                    new: false,
                });
            }
            let version = last.map_or(0, |l| l.0) + 1;
            sqlx::query(
                "INSERT INTO programme_tools (programme_id, tool_id, version, definition, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(programme_id)
            .bind(tool_id)
            .bind(version)
            .bind(definition)
            .bind(by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let mut event = audit.clone();
            event.detail = format!("version {version}");
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(SavedVersion { version, new: true })
        })
    }
}
