//! Net additional impact: each programme's additionality settings, the
//! deadweight firms' follow-up answers set for their projects, the verified
//! values the method nets down, and what forecast lines turned out to be.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::ledger::{joined, split_sum};
use crate::{Db, with_pool};
use chrono::Utc;
use ymarfer_domain::Pence;
use ymarfer_domain::impact::net::{Additionality, Counterfactual, Percent, Setting};

/// A programme's settings as stored, in hundredths of a percent.
#[derive(sqlx::FromRow)]
struct Row {
    deadweight_bp: i64,
    deadweight_low_bp: Option<i64>,
    deadweight_high_bp: Option<i64>,
    deadweight_source: String,
    displacement_bp: i64,
    displacement_low_bp: Option<i64>,
    displacement_high_bp: Option<i64>,
    displacement_source: String,
    leakage_bp: i64,
    leakage_low_bp: Option<i64>,
    leakage_high_bp: Option<i64>,
    leakage_source: String,
    substitution_bp: i64,
    substitution_low_bp: Option<i64>,
    substitution_high_bp: Option<i64>,
    substitution_source: String,
    persistence_year2_bp: i64,
    persistence_year3_bp: i64,
    persistence_source: String,
}

fn setting(value: i64, low: Option<i64>, high: Option<i64>, source: String) -> Setting {
    Setting {
        value: Percent(value),
        low: low.map(Percent),
        high: high.map(Percent),
        source,
    }
}

impl From<Row> for Additionality {
    fn from(r: Row) -> Additionality {
        Additionality {
            deadweight: setting(
                r.deadweight_bp,
                r.deadweight_low_bp,
                r.deadweight_high_bp,
                r.deadweight_source,
            ),
            displacement: setting(
                r.displacement_bp,
                r.displacement_low_bp,
                r.displacement_high_bp,
                r.displacement_source,
            ),
            leakage: setting(
                r.leakage_bp,
                r.leakage_low_bp,
                r.leakage_high_bp,
                r.leakage_source,
            ),
            substitution: setting(
                r.substitution_bp,
                r.substitution_low_bp,
                r.substitution_high_bp,
                r.substitution_source,
            ),
            persistence_year2: Percent(r.persistence_year2_bp),
            persistence_year3: Percent(r.persistence_year3_bp),
            persistence_source: r.persistence_source,
        }
    }
}

const COLUMNS: &str = "deadweight_bp, deadweight_low_bp, deadweight_high_bp, deadweight_source, \
     displacement_bp, displacement_low_bp, displacement_high_bp, displacement_source, \
     leakage_bp, leakage_low_bp, leakage_high_bp, leakage_source, \
     substitution_bp, substitution_low_bp, substitution_high_bp, substitution_source, \
     persistence_year2_bp, persistence_year3_bp, persistence_source";

/// Verified first-year value of lines that began as forecasts, with what they
/// were first forecast at, for one cohort (`None`: the sum over all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastOutturn {
    pub cohort_id: i64,
    /// Σ current verified first-year value of those lines.
    pub verified: Pence,
    /// Σ their first version's (forecast) first-year value.
    pub forecast: Pence,
    pub lines: i64,
}

impl Db {
    /// A programme's additionality settings; all zero when it has none.
    pub async fn additionality_of(&self, programme_id: i64) -> Result<Additionality> {
        let sql = format!("SELECT {COLUMNS} FROM programme_additionality WHERE programme_id = $1");
        let row: Option<Row> = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(Additionality::from).unwrap_or_default())
    }

    /// Sets a programme's additionality settings with the event `event` makes
    /// from the settings before, in one transaction. The programme's row is
    /// locked first, so that two sendings at once are one after the other:
    /// when `event` gives nothing (the settings as they stand), nothing is
    /// written (false).
    pub async fn set_additionality_recorded(
        &self,
        programme_id: i64,
        a: &Additionality,
        event: &(dyn Fn(&Additionality) -> Option<NewAuditEvent> + Sync),
    ) -> Result<bool> {
        let read = format!("SELECT {COLUMNS} FROM programme_additionality WHERE programme_id = $1");
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            // Takes the write lock (SQLite) or the programme's row (PostgreSQL).
            sqlx::query("UPDATE programmes SET slug = slug WHERE id = $1")
                .bind(programme_id)
                .execute(&mut *tx)
                .await?;
            let before: Option<Row> = sqlx::query_as(&read)
                .bind(programme_id)
                .fetch_optional(&mut *tx)
                .await?;
            let before = before.map(Additionality::from).unwrap_or_default();
            let Some(e) = event(&before) else {
                return Ok(false);
            };
            let bp = |p: Percent| p.0;
            let low = |s: &Setting| s.low.map(bp);
            let high = |s: &Setting| s.high.map(bp);
            sqlx::query(
                "INSERT INTO programme_additionality (programme_id, deadweight_bp, deadweight_low_bp, deadweight_high_bp, \
                 deadweight_source, displacement_bp, displacement_low_bp, displacement_high_bp, displacement_source, \
                 leakage_bp, leakage_low_bp, leakage_high_bp, leakage_source, substitution_bp, substitution_low_bp, \
                 substitution_high_bp, substitution_source, persistence_year2_bp, persistence_year3_bp, \
                 persistence_source, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) \
                 ON CONFLICT (programme_id) DO UPDATE SET deadweight_bp = excluded.deadweight_bp, \
                 deadweight_low_bp = excluded.deadweight_low_bp, deadweight_high_bp = excluded.deadweight_high_bp, \
                 deadweight_source = excluded.deadweight_source, displacement_bp = excluded.displacement_bp, \
                 displacement_low_bp = excluded.displacement_low_bp, displacement_high_bp = excluded.displacement_high_bp, \
                 displacement_source = excluded.displacement_source, leakage_bp = excluded.leakage_bp, \
                 leakage_low_bp = excluded.leakage_low_bp, leakage_high_bp = excluded.leakage_high_bp, \
                 leakage_source = excluded.leakage_source, substitution_bp = excluded.substitution_bp, \
                 substitution_low_bp = excluded.substitution_low_bp, substitution_high_bp = excluded.substitution_high_bp, \
                 substitution_source = excluded.substitution_source, persistence_year2_bp = excluded.persistence_year2_bp, \
                 persistence_year3_bp = excluded.persistence_year3_bp, persistence_source = excluded.persistence_source, \
                 updated_at = excluded.updated_at",
            )
            .bind(programme_id)
            .bind(bp(a.deadweight.value))
            .bind(low(&a.deadweight))
            .bind(high(&a.deadweight))
            .bind(&a.deadweight.source)
            .bind(bp(a.displacement.value))
            .bind(low(&a.displacement))
            .bind(high(&a.displacement))
            .bind(&a.displacement.source)
            .bind(bp(a.leakage.value))
            .bind(low(&a.leakage))
            .bind(high(&a.leakage))
            .bind(&a.leakage.source)
            .bind(bp(a.substitution.value))
            .bind(low(&a.substitution))
            .bind(high(&a.substitution))
            .bind(&a.substitution.source)
            .bind(bp(a.persistence_year2))
            .bind(bp(a.persistence_year3))
            .bind(&a.persistence_source)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            crate::audit::record_in!(tx, &e);
            tx.commit().await?;
            true
        }))
    }

    /// Each project's latest follow-up answer to "would you have made this
    /// change without the programme?", in a programme (optionally one cohort).
    pub async fn counterfactuals_in(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<(i64, Counterfactual)>> {
        let rows: Vec<(i64, String)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT a.project_id, a.answer FROM project_counterfactuals a \
                 JOIN projects p ON p.id = a.project_id JOIN cohorts c ON c.id = p.cohort_id \
                 WHERE c.programme_id = $1 AND ($2 IS NULL OR p.cohort_id = $2) \
                 ORDER BY a.project_id, a.answered_at, a.followup_id",
            )
            .bind(programme_id)
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        });
        let mut out: Vec<(i64, Counterfactual)> = Vec::new();
        for (project, answer) in rows {
            let Some(answer) = Counterfactual::parse(&answer) else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.0 == project => last.1 = answer,
                _ => out.push((project, answer)),
            }
        }
        Ok(out)
    }

    /// The stored first-year values of a programme's current verified lines
    /// (optionally one cohort's), by project: (project, value, how many lines
    /// have that value). Each line is netted on its own; lines of a project
    /// with the same value net the same, so they are read once.
    pub async fn verified_values_by_project(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<(i64, Pence, i64)>> {
        let rows: Vec<(i64, Option<i64>, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT l.project_id, l.first_year_pence, COUNT(*) FROM benefit_lines l \
                 WHERE l.programme_id = $1 AND ($2 IS NULL OR l.cohort_id = $2) AND l.status = 'verified' \
                 GROUP BY l.project_id, l.first_year_pence ORDER BY l.project_id, l.first_year_pence",
            )
            .bind(programme_id)
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(project, value, n)| (project, Pence(value.unwrap_or(0)), n))
            .collect())
    }

    /// Each verified line's first-year value in a programme, grouped as
    /// (organisation, project, value, how many lines of that value), for
    /// taking each firm's savings from gross to net. One query.
    pub async fn verified_values_by_organisation(
        &self,
        programme_id: i64,
    ) -> Result<Vec<(i64, i64, Pence, i64)>> {
        let rows: Vec<(i64, i64, Option<i64>, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT l.organisation_id, l.project_id, l.first_year_pence, COUNT(*) FROM benefit_lines l \
                 WHERE l.programme_id = $1 AND l.status = 'verified' \
                 GROUP BY l.organisation_id, l.project_id, l.first_year_pence \
                 ORDER BY l.organisation_id, l.project_id, l.first_year_pence",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(org, project, value, n)| (org, project, Pence(value.unwrap_or(0)), n))
            .collect())
    }

    /// For each cohort of a programme: the current verified first-year value of
    /// the lines first recorded as forecasts, and the first-year value of that
    /// first (forecast) version, which the ledger keeps in the line's history.
    pub async fn forecast_outturn(&self, programme_id: i64) -> Result<Vec<ForecastOutturn>> {
        let sql = format!(
            "SELECT l.cohort_id, {}, {}, COUNT(*) AS lines FROM benefit_lines l \
             JOIN benefit_versions f ON f.line_id = l.id \
             WHERE l.programme_id = $1 AND l.status = 'verified' AND f.status = 'forecast' \
             AND f.version = (SELECT MIN(w.version) FROM benefit_versions w WHERE w.line_id = l.id) \
             GROUP BY l.cohort_id ORDER BY l.cohort_id",
            split_sum("l.first_year_pence", "verified"),
            split_sum("f.first_year_pence", "forecast"),
        );
        let rows: Vec<(i64, i64, i64, i64, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(cohort_id, vh, vl, fh, fl, lines)| ForecastOutturn {
                cohort_id,
                verified: Pence(joined(vh, vl)),
                forecast: Pence(joined(fh, fl)),
                lines,
            })
            .collect())
    }
}
