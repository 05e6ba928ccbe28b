//! Funder returns: the indicator sets a programme reports against, the
//! indicators its managers add, and the records a return is counted from,
//! each read for the whole programme in one query.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::returns::{EvidenceRule, Indicator, IndicatorSet};

/// A firm of a programme as a return names it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReturnFirm {
    pub id: i64,
    pub name: String,
    pub companies_house: Option<String>,
}

/// A firm's enrolment (by any of its people) in a cohort.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FirmEnrolment {
    pub cohort_id: i64,
    pub organisation_id: i64,
    /// Whether any of its people is enrolled and active there.
    pub active: bool,
}

/// A session someone enrolled for a firm was present at.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SupportMark {
    pub organisation_id: i64,
    pub session_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// A test-and-learn cycle of a firm's decided "adopt".
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Adoption {
    pub organisation_id: i64,
    pub tested_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct IndicatorRow {
    code: String,
    rule: String,
    hours: Option<i64>,
    name_en: String,
    name_cy: String,
    definition_en: String,
    definition_cy: String,
}

/// An indicator a programme's managers add, already validated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndicatorInput {
    pub code: String,
    pub rule: Option<EvidenceRule>,
    pub hours: Option<i64>,
    pub name_en: String,
    pub name_cy: String,
    pub definition_en: String,
    pub definition_cy: String,
}

impl Db {
    /// The firms of a programme: its own records and any enrolled in its cohorts.
    pub async fn return_firms(&self, programme_id: i64) -> Result<Vec<ReturnFirm>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT o.id, o.name, o.companies_house FROM organisations o \
                 WHERE o.programme_id = $1 OR o.id IN (SELECT e.organisation_id FROM enrolments e \
                   JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1) \
                 ORDER BY o.name, o.id",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Each firm enrolled in each cohort of a programme, once per cohort.
    pub async fn firm_enrolments(&self, programme_id: i64) -> Result<Vec<FirmEnrolment>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT e.cohort_id, e.organisation_id, \
                 MAX(CASE WHEN e.status = 'active' THEN 1 ELSE 0 END) = 1 AS active \
                 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
                 WHERE c.programme_id = $1 AND e.organisation_id IS NOT NULL \
                 GROUP BY e.cohort_id, e.organisation_id ORDER BY e.cohort_id, e.organisation_id",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Every session of a programme at which someone enrolled for a firm was
    /// marked present, once per firm and session.
    pub async fn support_marks(&self, programme_id: i64) -> Result<Vec<SupportMark>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT DISTINCT e.organisation_id, s.id AS session_id, s.starts_at, s.ends_at \
                 FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id \
                 JOIN cohorts c ON c.id = s.cohort_id \
                 JOIN enrolments e ON e.cohort_id = s.cohort_id AND e.user_id = a.user_id \
                 WHERE c.programme_id = $1 AND a.status = 'present' AND e.organisation_id IS NOT NULL \
                 ORDER BY 1, 2",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Every cycle of a programme's projects decided "adopt".
    pub async fn adoptions(&self, programme_id: i64) -> Result<Vec<Adoption>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.organisation_id, y.tested_on, y.updated_at FROM cycles y \
                 JOIN projects p ON p.id = y.project_id JOIN cohorts c ON c.id = p.cohort_id \
                 WHERE c.programme_id = $1 AND y.decision = 'adopt' ORDER BY p.organisation_id, y.id",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The indicator sets a programme reports against; empty when it has
    /// chosen none (it then reports against every shipped set).
    pub async fn indicator_sets_of(&self, programme_id: i64) -> Result<Vec<IndicatorSet>> {
        let rows: Vec<(String,)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT indicator_set FROM programme_indicator_sets WHERE programme_id = $1 \
                 ORDER BY indicator_set",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(s,)| IndicatorSet::parse(&s))
            .collect())
    }

    /// Sets the indicator sets a programme reports against, with the event
    /// `event` makes from the sets before, in one transaction; when it gives
    /// nothing (the sets as they stand), nothing is written (false).
    pub async fn set_indicator_sets_recorded(
        &self,
        programme_id: i64,
        sets: &[IndicatorSet],
        event: &(dyn Fn(&[IndicatorSet]) -> Option<NewAuditEvent> + Sync),
    ) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE programmes SET slug = slug WHERE id = $1")
                .bind(programme_id)
                .execute(&mut *tx)
                .await?;
            let before: Vec<(String,)> = sqlx::query_as(
                "SELECT indicator_set FROM programme_indicator_sets WHERE programme_id = $1",
            )
            .bind(programme_id)
            .fetch_all(&mut *tx)
            .await?;
            let before: Vec<IndicatorSet> = IndicatorSet::ALL
                .into_iter()
                .filter(|s| before.iter().any(|(b,)| b == s.as_str()))
                .collect();
            let Some(e) = event(&before) else {
                return Ok(false);
            };
            sqlx::query("DELETE FROM programme_indicator_sets WHERE programme_id = $1")
                .bind(programme_id)
                .execute(&mut *tx)
                .await?;
            for s in sets {
                sqlx::query(
                    "INSERT INTO programme_indicator_sets (programme_id, indicator_set) VALUES ($1, $2)",
                )
                .bind(programme_id)
                .bind(s.as_str())
                .execute(&mut *tx)
                .await?;
            }
            crate::audit::record_in!(tx, &e);
            tx.commit().await?;
            true
        }))
    }

    /// The indicators a programme's managers added, by code.
    pub async fn custom_indicators(&self, programme_id: i64) -> Result<Vec<Indicator>> {
        let rows: Vec<IndicatorRow> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT code, rule, hours, name_en, name_cy, definition_en, definition_cy \
                 FROM programme_indicators WHERE programme_id = $1 ORDER BY code",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| Indicator {
                set: None,
                code: r.code,
                rule: EvidenceRule::parse(&r.rule).unwrap_or(EvidenceRule::Manual),
                hours: r.hours,
                name_en: r.name_en,
                name_cy: r.name_cy,
                definition_en: r.definition_en,
                definition_cy: r.definition_cy,
            })
            .collect())
    }

    /// Adds an indicator to a programme with its audit event, in one
    /// transaction. A code the programme has already is left as it is and
    /// records nothing (false).
    pub async fn add_indicator_recorded(
        &self,
        programme_id: i64,
        input: &IndicatorInput,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        let rule = input.rule.unwrap_or(EvidenceRule::Manual);
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "INSERT INTO programme_indicators (programme_id, code, rule, hours, name_en, name_cy, \
                 definition_en, definition_cy, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (programme_id, code) DO NOTHING",
            )
            .bind(programme_id)
            .bind(&input.code)
            .bind(rule.as_str())
            .bind(input.hours)
            .bind(&input.name_en)
            .bind(&input.name_cy)
            .bind(&input.definition_en)
            .bind(&input.definition_cy)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            true
        }))
    }
}
