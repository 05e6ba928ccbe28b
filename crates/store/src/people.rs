//! People in cohorts: enrolment with its history, and the cohort's staff.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::Role;
use ymarfer_domain::programme::EnrolmentStatus;

/// A participant's enrolment as a cohort page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Enrolled {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub sic_section: Option<String>,
    pub employee_band: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: EnrolmentStatus,
    pub created_at: DateTime<Utc>,
}

impl Enrolled {
    pub fn is_active(&self) -> bool {
        self.status == EnrolmentStatus::Active
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EnrolmentEvent {
    pub user_id: i64,
    pub kind: String,
    pub by_name: Option<String>,
    pub note: String,
    pub at: DateTime<Utc>,
}

/// A cohort a person takes part in, for their home page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyCohort {
    pub programme_id: i64,
    pub programme_slug: String,
    pub programme_name_en: String,
    pub programme_name_cy: String,
    pub cohort_id: i64,
    pub cohort_slug: String,
    pub name_en: String,
    pub name_cy: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    /// The language the cohort works in.
    #[sqlx(try_from = "String")]
    pub language: ymarfer_domain::programme::DeliveryLanguage,
    pub ends_on: Option<chrono::NaiveDate>,
}

/// Enrols (or re-admits) inside an open transaction `$tx`; shared by single
/// enrolment and import so both record the same history.
macro_rules! enrol_in {
    ($tx:ident, $programme:expr, $cohort:expr, $user:expr, $org:expr, $by:expr) => {{
        let now = Utc::now();
        let existing: Option<(i64, String)> =
            sqlx::query_as("SELECT id, status FROM enrolments WHERE cohort_id = $1 AND user_id = $2")
                .bind($cohort)
                .bind($user)
                .fetch_optional(&mut *$tx)
                .await?;
        let (enrolment, kind) = match existing {
            Some((id, status)) => {
                sqlx::query("UPDATE enrolments SET status = 'active', organisation_id = COALESCE($1, organisation_id) WHERE id = $2")
                    .bind($org)
                    .bind(id)
                    .execute(&mut *$tx)
                    .await?;
                (id, if status == "withdrawn" { Some("readmitted") } else { None })
            }
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO enrolments (cohort_id, user_id, organisation_id, status, created_at) \
                     VALUES ($1, $2, $3, 'active', $4) RETURNING id",
                )
                .bind($cohort)
                .bind($user)
                .bind($org)
                .bind(now)
                .fetch_one(&mut *$tx)
                .await?;
                (id, Some("enrolled"))
            }
        };
        if let Some(kind) = kind {
            sqlx::query("INSERT INTO enrolment_events (enrolment_id, kind, by_user_id, at) VALUES ($1, $2, $3, $4)")
                .bind(enrolment)
                .bind(kind)
                .bind($by)
                .bind(now)
                .execute(&mut *$tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO memberships (user_id, programme_id, cohort_id, role, created_at) \
             VALUES ($1, $2, $3, 'participant', $4) ON CONFLICT DO NOTHING",
        )
        .bind($user)
        .bind($programme)
        .bind($cohort)
        .bind(now)
        .execute(&mut *$tx)
        .await?;
        // The organisation a person represents belongs to the enrolment, and
        // must be the programme's own record of the firm.
        if let Some(org) = $org {
            let own: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM organisations WHERE id = $1 AND programme_id = $2",
            )
            .bind(org)
            .bind($programme)
            .fetch_optional(&mut *$tx)
            .await?;
            if own.is_none() {
                return Err(crate::StoreError::Invalid(
                    "an enrolment's organisation must be its programme's record".into(),
                ));
            }
        }
    }};
}

impl Db {
    /// Enrols a participant in a cohort (or re-admits them), grants the role, and
    /// records the event, all at once.
    pub async fn enrol(
        &self,
        programme_id: i64,
        cohort_id: i64,
        user_id: i64,
        organisation_id: Option<i64>,
        by: Option<i64>,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            enrol_in!(tx, programme_id, cohort_id, user_id, organisation_id, by);
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Enrols (or re-admits) a participant as [`Db::enrol`] does, with `event`
    /// in the same transaction. Someone actively enrolled already, for the same
    /// organisation (or none named), is left as they are: `false`, nothing
    /// written or recorded.
    pub async fn enrol_recorded(
        &self,
        programme_id: i64,
        cohort_id: i64,
        user_id: i64,
        organisation_id: Option<i64>,
        by: Option<i64>,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let now: Option<(String, Option<i64>)> = sqlx::query_as(
                "SELECT status, organisation_id FROM enrolments WHERE cohort_id = $1 AND user_id = $2",
            )
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((status, org)) = now
                && status == EnrolmentStatus::Active.as_str()
                && (organisation_id.is_none() || organisation_id == org)
            {
                return Ok(false);
            }
            enrol_in!(tx, programme_id, cohort_id, user_id, organisation_id, by);
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Marks a lead invited (the cohort, organisation and person it became)
    /// and enrols the person for the organisation, with `event`, in one
    /// transaction. A lead invited to this cohort already is left as it is:
    /// `false`, nothing written or recorded.
    #[allow(clippy::too_many_arguments)]
    pub async fn invite_lead_recorded(
        &self,
        lead: i64,
        programme_id: i64,
        cohort_id: i64,
        organisation_id: i64,
        user_id: i64,
        by: Option<i64>,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let marked = sqlx::query(
                "UPDATE leads SET status = 'invited', cohort_id = $1, organisation_id = $2, user_id = $3 \
                 WHERE id = $4 AND NOT (status = 'invited' AND COALESCE(cohort_id, 0) = $1 AND COALESCE(user_id, 0) = $3)",
            )
            .bind(cohort_id)
            .bind(organisation_id)
            .bind(user_id)
            .bind(lead)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if marked == 0 {
                return Ok(false);
            }
            enrol_in!(
                tx,
                programme_id,
                cohort_id,
                user_id,
                Some(organisation_id),
                by
            );
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Grants a role with `event` in the same transaction; a role held already
    /// changes and records nothing (`false`).
    pub async fn grant_recorded(
        &self,
        user_id: i64,
        role: Role,
        scope: ymarfer_domain::Scope,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        let (programme, cohort) = match scope {
            ymarfer_domain::Scope::Programme(p) => (p, None),
            ymarfer_domain::Scope::Cohort { programme, cohort } => (programme, Some(cohort)),
        };
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let added = sqlx::query(
                "INSERT INTO memberships (user_id, programme_id, cohort_id, role, created_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(user_id)
            .bind(programme)
            .bind(cohort)
            .bind(role.as_str())
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if added == 0 {
                return Ok(false);
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Puts one person into a set (or into none) with `event` in the same
    /// transaction; where they are already, nothing is written or recorded
    /// (`false`).
    pub async fn move_to_set_recorded(
        &self,
        cohort_id: i64,
        user_id: i64,
        set_id: Option<i64>,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let now: Option<i64> = sqlx::query_scalar(
                "SELECT set_id FROM learning_set_members WHERE cohort_id = $1 AND user_id = $2",
            )
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
            if now == set_id {
                return Ok(false);
            }
            sqlx::query("DELETE FROM learning_set_members WHERE cohort_id = $1 AND user_id = $2")
                .bind(cohort_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            if let Some(set_id) = set_id {
                sqlx::query(
                    "INSERT INTO learning_set_members (set_id, cohort_id, user_id) VALUES ($1, $2, $3)",
                )
                .bind(set_id)
                .bind(cohort_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Replaces the cohort's sets with these (name, members), with `event`, all
    /// or nothing.
    pub async fn replace_sets_recorded(
        &self,
        cohort_id: i64,
        sets: &[(String, Vec<i64>)],
        event: &NewAuditEvent,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM learning_sets WHERE cohort_id = $1")
                .bind(cohort_id)
                .execute(&mut *tx)
                .await?;
            for (name, members) in sets {
                let set_id: i64 = sqlx::query_scalar(
                    "INSERT INTO learning_sets (cohort_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
                )
                .bind(cohort_id)
                .bind(name)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for user_id in members {
                    sqlx::query(
                        "INSERT INTO learning_set_members (set_id, cohort_id, user_id) VALUES ($1, $2, $3)",
                    )
                    .bind(set_id)
                    .bind(cohort_id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Emails of people already actively enrolled in the cohort, among these.
    pub async fn already_enrolled(&self, cohort_id: i64, emails: &[&str]) -> Result<Vec<String>> {
        let active: Vec<String> = with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT u.email FROM enrolments e JOIN users u ON u.id = e.user_id \
                 WHERE e.cohort_id = $1 AND e.status = 'active'",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        });
        let active: std::collections::HashSet<String> = active.into_iter().collect();
        Ok(emails
            .iter()
            .filter(|e| active.contains(**e))
            .map(|e| e.to_string())
            .collect())
    }

    /// Imports checked rows into a cohort, all or nothing: organisations are found by
    /// name or created, people by email or created (without a password), and each
    /// is enrolled. `progress(done, total)` is called after each row. Returns the
    /// ids of people who had no account before.
    pub async fn import_people(
        &self,
        programme_id: i64,
        cohort_id: i64,
        rows: &[ymarfer_domain::import::PersonRow],
        by: Option<i64>,
        event: &crate::audit::NewAuditEvent,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Vec<i64>> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let mut created = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let org: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM organisations WHERE programme_id = $1 AND lower(name) = lower($2)",
                )
                .bind(programme_id)
                .bind(&row.organisation)
                .fetch_optional(&mut *tx)
                .await?;
                let org = match org {
                    Some(id) => id,
                    None => {
                        sqlx::query_scalar(
                            "INSERT INTO organisations (name, companies_house, sic_section, employee_band, principal_area, \
                             hourly_rate_pence, created_at, programme_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                             RETURNING id",
                        )
                        .bind(&row.organisation)
                        .bind(&row.companies_house)
                        .bind(row.sector.to_string())
                        .bind(row.employee_band)
                        .bind(row.area)
                        .bind(row.hourly_rate.map(|p| p.0))
                        .bind(now)
                        .bind(programme_id)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                };
                let user: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                    .bind(row.email.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
                let user = match user {
                    Some(id) => id,
                    None => {
                        let id: i64 = sqlx::query_scalar(
                            "INSERT INTO users (email, display_name, language, is_admin, created_at) \
                             VALUES ($1, $2, $3, FALSE, $4) RETURNING id",
                        )
                        .bind(row.email.as_str())
                        .bind(&row.name)
                        .bind(row.language.code())
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                        created.push(id);
                        id
                    }
                };
                enrol_in!(tx, programme_id, cohort_id, user, Some(org), by);
                progress(i + 1, rows.len());
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(created)
        })
    }

    /// Withdraws a participant: the enrolment stays, with its history; the role goes.
    /// `false` when they were not actively enrolled.
    pub async fn withdraw(
        &self,
        cohort_id: i64,
        user_id: i64,
        by: Option<i64>,
        note: &str,
    ) -> Result<bool> {
        self.withdraw_recorded(cohort_id, user_id, by, note, &NewAuditEvent::default())
            .await
    }

    /// Withdraws a participant as [`Db::withdraw`] does, with `event` in the
    /// same transaction; nothing is written or recorded (`false`) when they
    /// were not actively enrolled.
    pub async fn withdraw_recorded(
        &self,
        cohort_id: i64,
        user_id: i64,
        by: Option<i64>,
        note: &str,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE enrolments SET status = 'withdrawn' WHERE cohort_id = $1 AND user_id = $2 AND status = 'active' RETURNING id",
            )
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else {
                return Ok(false);
            };
            sqlx::query("INSERT INTO enrolment_events (enrolment_id, kind, by_user_id, note, at) VALUES ($1, 'withdrawn', $2, $3, $4)")
                .bind(id)
                .bind(by)
                .bind(note.trim())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND cohort_id = $2 AND role = 'participant'")
                .bind(user_id)
                .bind(cohort_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM learning_set_members WHERE user_id = $1 AND cohort_id = $2")
                .bind(user_id)
                .bind(cohort_id)
                .execute(&mut *tx)
                .await?;
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The organisation a person represents through their active enrolment in a cohort.
    pub async fn represented_in(&self, cohort_id: i64, user_id: i64) -> Result<Option<i64>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT organisation_id FROM enrolments WHERE cohort_id = $1 AND user_id = $2 AND status = 'active'",
            )
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(pool)
            .await?
            .flatten()
        }))
    }

    /// Who takes part actively in a programme (or one cohort of it): how many
    /// people, how many organisations, and whether any is a micro firm.
    pub async fn active_enrolment_counts(
        &self,
        programme: i64,
        cohort: Option<i64>,
    ) -> Result<EnrolmentCounts> {
        let sql = format!(
            "SELECT COUNT(*) AS participants, COUNT(DISTINCT e.organisation_id) AS organisations, \
             COALESCE(MAX(CASE WHEN o.employee_band = $3 THEN 1 ELSE 0 END), 0) = 1 AS micro \
             FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
             LEFT JOIN organisations o ON o.id = e.organisation_id \
             WHERE c.programme_id = $1 AND e.status = 'active' {}",
            match cohort {
                Some(_) => "AND e.cohort_id = $2",
                None => "AND ($2 IS NULL)",
            }
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme)
                .bind(cohort)
                .bind(ymarfer_domain::innovation::EmployeeBand::Micro.as_str())
                .fetch_one(pool)
                .await?
        }))
    }

    /// How many take part actively in each cohort of a programme: (cohort, count).
    pub async fn active_counts_by_cohort(&self, programme: i64) -> Result<Vec<(i64, i64)>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT e.cohort_id, COUNT(*) FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
                 WHERE c.programme_id = $1 AND e.status = 'active' GROUP BY e.cohort_id",
            )
            .bind(programme)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Everyone ever enrolled in the cohort, active first.
    pub async fn enrolled(&self, cohort_id: i64) -> Result<Vec<Enrolled>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT u.id AS user_id, u.display_name, u.email, e.organisation_id, o.name AS organisation_name, \
                 o.sic_section, o.employee_band, e.status, e.created_at \
                 FROM enrolments e JOIN users u ON u.id = e.user_id \
                 LEFT JOIN organisations o ON o.id = e.organisation_id \
                 WHERE e.cohort_id = $1 ORDER BY e.status, lower(u.display_name), u.email",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn enrolment_history(&self, cohort_id: i64) -> Result<Vec<EnrolmentEvent>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT e.user_id, ev.kind, b.display_name AS by_name, ev.note, ev.at \
                 FROM enrolment_events ev JOIN enrolments e ON e.id = ev.enrolment_id \
                 LEFT JOIN users b ON b.id = ev.by_user_id \
                 WHERE e.cohort_id = $1 ORDER BY ev.at, ev.id",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Facilitators and observers of the cohort itself (not programme-wide roles).
    pub async fn cohort_staff(&self, cohort_id: i64) -> Result<Vec<crate::programmes::TeamMember>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT u.id AS user_id, u.display_name, u.email, m.role, m.cohort_id \
                 FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.cohort_id = $1 AND m.role IN ('facilitator', 'observer') \
                 ORDER BY m.role, lower(u.display_name)",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The cohorts a person holds a cohort-level role in, newest first.
    pub async fn my_cohorts(&self, user_id: i64) -> Result<Vec<MyCohort>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.id AS programme_id, p.slug AS programme_slug, p.name_en AS programme_name_en, p.name_cy AS programme_name_cy, \
                 c.id AS cohort_id, c.slug AS cohort_slug, c.name_en, c.name_cy, m.role, c.language, c.ends_on \
                 FROM memberships m JOIN cohorts c ON c.id = m.cohort_id JOIN programmes p ON p.id = c.programme_id \
                 WHERE m.user_id = $1 ORDER BY c.starts_on DESC, c.id DESC",
            )
            .bind(user_id)
            .fetch_all(pool)
            .await?
        }))
    }
}

/// Counts of those taking part actively; see [`Db::active_enrolment_counts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct EnrolmentCounts {
    pub participants: i64,
    pub organisations: i64,
    pub micro: bool,
}
