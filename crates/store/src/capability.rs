//! Capability self-assessments and follow-ups after a cohort ends.

use crate::db::Result;
use crate::secret::hash_secret;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CapabilityAnswer {
    pub user_id: i64,
    #[sqlx(try_from = "String")]
    pub stage: ymarfer_domain::capability::Moment,
    pub question: String,
    pub score: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Followup {
    pub id: i64,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub user_id: Option<i64>,
    pub months: i64,
    pub sent_at: DateTime<Utc>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub still_in_use: Option<bool>,
    pub new_projects: Option<i64>,
}

const FOLLOWUP_COLUMNS: &str = "id, cohort_id, organisation_id, user_id, months, sent_at, reminded_at, completed_at, still_in_use, new_projects";

impl Db {
    /// Saves one person's self-assessment at a stage, replacing an earlier one.
    pub async fn save_capability(
        &self,
        cohort: i64,
        user: i64,
        stage: ymarfer_domain::capability::Moment,
        scores: &[(&str, i64)],
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM capability_answers WHERE cohort_id = $1 AND user_id = $2 AND stage = $3")
                .bind(cohort)
                .bind(user)
                .bind(stage.as_str())
                .execute(&mut *tx)
                .await?;
            for (question, score) in scores {
                sqlx::query(
                    "INSERT INTO capability_answers (cohort_id, user_id, stage, question, score, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(cohort)
                .bind(user)
                .bind(stage.as_str())
                .bind(question)
                .bind(score)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Every capability answer in a programme (optionally one cohort), with its
    /// cohort: (cohort id, answer). One query.
    pub async fn capability_in(
        &self,
        programme: i64,
        cohort: Option<i64>,
    ) -> Result<Vec<(i64, CapabilityAnswer)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            cohort_id: i64,
            #[sqlx(flatten)]
            answer: CapabilityAnswer,
        }
        let rows: Vec<Row> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT a.cohort_id, a.user_id, a.stage, a.question, a.score FROM capability_answers a \
                 JOIN cohorts c ON c.id = a.cohort_id WHERE c.programme_id = $1 AND ($2 IS NULL OR a.cohort_id = $2)",
            )
            .bind(programme)
            .bind(cohort)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(|r| (r.cohort_id, r.answer)).collect())
    }

    pub async fn capability_of(&self, cohort: i64) -> Result<Vec<CapabilityAnswer>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as("SELECT user_id, stage, question, score FROM capability_answers WHERE cohort_id = $1")
                .bind(cohort)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Records a follow-up whose email has gone, with the hash of the secret its
    /// link carries; `false` when that follow-up was recorded already.
    pub async fn record_followup(
        &self,
        cohort: i64,
        organisation: i64,
        user: Option<i64>,
        months: i64,
        secret: &str,
    ) -> Result<bool> {
        let inserted = with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO followups (cohort_id, organisation_id, user_id, months, token_hash, sent_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            )
            .bind(cohort)
            .bind(organisation)
            .bind(user)
            .bind(months)
            .bind(hash_secret(secret))
            .bind(Utc::now())
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(inserted > 0)
    }

    /// Records that a reminder, whose link carries `secret`, has gone.
    pub async fn record_reminder(&self, id: i64, secret: &str) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE followups SET token_hash = $1, reminded_at = $2 WHERE id = $3")
                .bind(hash_secret(secret))
                .bind(Utc::now())
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn followup_by_secret(&self, secret: &str) -> Result<Option<Followup>> {
        let sql = format!("SELECT {FOLLOWUP_COLUMNS} FROM followups WHERE token_hash = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(hash_secret(secret))
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn complete_followup(
        &self,
        id: i64,
        still_in_use: bool,
        new_projects: i64,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE followups SET completed_at = $1, still_in_use = $2, new_projects = $3 WHERE id = $4")
                .bind(Utc::now())
                .bind(still_in_use)
                .bind(new_projects)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Every follow-up of a programme (optionally one cohort), in one query.
    pub async fn followups_in(&self, programme: i64, cohort: Option<i64>) -> Result<Vec<Followup>> {
        let columns = FOLLOWUP_COLUMNS
            .split(", ")
            .map(|c| format!("f.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {columns} FROM followups f JOIN cohorts c ON c.id = f.cohort_id \
             WHERE c.programme_id = $1 AND ($2 IS NULL OR f.cohort_id = $2)"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme)
            .bind(cohort)
            .fetch_all(pool)
            .await?))
    }

    pub async fn followups_of(&self, cohort: i64) -> Result<Vec<Followup>> {
        let sql = format!(
            "SELECT {FOLLOWUP_COLUMNS} FROM followups WHERE cohort_id = $1 ORDER BY months, organisation_id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(cohort)
            .fetch_all(pool)
            .await?))
    }
}

/// Projects an organisation began in a cohort after the cohort ended: the
/// toolkit used on its own, counted as sustained innovation.
#[derive(Debug, Clone, sqlx::FromRow, PartialEq, Eq)]
pub struct BegunAfter {
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub projects: i64,
}

impl Db {
    /// For each organisation of a programme (or one cohort), how many projects
    /// it began after its cohort's last day. One query.
    pub async fn begun_after_end(
        &self,
        programme: i64,
        cohort: Option<i64>,
    ) -> Result<Vec<BegunAfter>> {
        // The day after the end, by each backend's date arithmetic.
        let after = match self.backend() {
            crate::Backend::Sqlite => "date(c.ends_on, '+1 day')",
            crate::Backend::Postgres => "(c.ends_on + 1)",
        };
        let sql = format!(
            "SELECT p.cohort_id, p.organisation_id, COUNT(*) AS projects FROM projects p \
             JOIN cohorts c ON c.id = p.cohort_id WHERE c.programme_id = $1 AND ($2 IS NULL OR p.cohort_id = $2) \
             AND c.ends_on IS NOT NULL AND p.created_at >= {after} \
             GROUP BY p.cohort_id, p.organisation_id ORDER BY p.cohort_id, p.organisation_id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme)
            .bind(cohort)
            .fetch_all(pool)
            .await?))
    }
}

/// A firm's answers to a follow-up: see [`Db::answer_followup`].
#[derive(Debug, Clone)]
pub struct FollowupAnswer<'a> {
    pub followup: i64,
    pub organisation: i64,
    /// The innovation answers' stage (`follow_up_6`, `follow_up_12`).
    pub stage: &'a str,
    pub answers: crate::organisations::Answers,
    pub band: ymarfer_domain::innovation::EmployeeBand,
    /// Actual amounts (pence) for forecast lines.
    pub actuals: &'a [(i64, i64)],
    pub by: Option<i64>,
    pub still_in_use: bool,
    pub new_projects: i64,
    /// Per project of the firm: would it have made the change without the
    /// programme? Sets the project's deadweight.
    pub counterfactuals: &'a [(i64, ymarfer_domain::impact::net::Counterfactual)],
}

impl Db {
    /// A firm's answers to its follow-up, from the link it was sent, with the
    /// audit event, in one transaction: its innovation answers at the
    /// follow-up's stage, the actual figures that replace forecast lines
    /// (each a new claimed version for staff to verify), whether the change is
    /// still in use, how many projects it has begun since, and per project
    /// whether it would have made the change without the programme. A
    /// follow-up answered already changes nothing (false).
    pub async fn answer_followup(
        &self,
        a: &FollowupAnswer<'_>,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<bool> {
        let now = Utc::now();
        let current_sql = format!(
            "SELECT {} FROM benefit_versions v WHERE v.line_id = $1 ORDER BY v.version DESC LIMIT 1",
            crate::ledger::VERSION_COLUMNS
        );
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let open = sqlx::query(
                "UPDATE followups SET completed_at = $1, still_in_use = $2, new_projects = $3 \
                 WHERE id = $4 AND completed_at IS NULL",
            )
            .bind(now)
            .bind(a.still_in_use)
            .bind(a.new_projects)
            .bind(a.followup)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if open == 0 {
                return Ok(false);
            }
            crate::organisations::insert_answers!(
                tx,
                a.organisation,
                a.stage,
                now.date_naive(),
                a.answers,
                a.band,
                now
            );
            for (line, amount) in a.actuals {
                let current: crate::ledger::BenefitVersion = sqlx::query_as(&current_sql)
                    .bind(line)
                    .fetch_one(&mut *tx)
                    .await?;
                let b = crate::ledger::BenefitInput {
                    description: current.description.clone(),
                    category: current.category,
                    savings_type: current.savings_type,
                    frequency: current.frequency,
                    starts_on: current.starts_on,
                    status: ymarfer_domain::impact::Status::Claimed,
                    amount_pence: Some(*amount),
                    hours_hundredths: None,
                    hourly_rate_pence: None,
                    energy_kwh_milli: current.energy_kwh_milli,
                    waste_kg_milli: current.waste_kg_milli,
                    waste_level: current.waste_level.clone(),
                    fuel_litres_milli: current.fuel_litres_milli,
                    factor_year: current.factor_year,
                };
                let status = ymarfer_domain::ledger::status_of_new_version(
                    b.status,
                    Some(current.status),
                    false,
                );
                crate::ledger::insert_version!(
                    tx,
                    *line,
                    current.version + 1,
                    b,
                    status.as_str(),
                    a.by,
                    now
                );
            }
            for (project, answer) in a.counterfactuals {
                sqlx::query(
                    "INSERT INTO project_counterfactuals (followup_id, project_id, answer, answered_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(a.followup)
                .bind(project)
                .bind(answer.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            true
        }))
    }
}
