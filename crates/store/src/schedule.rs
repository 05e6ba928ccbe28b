//! Sessions, attendance, action-learning sets and calendar feeds.

use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::programme::SessionKind;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Meeting {
    pub id: i64,
    pub cohort_id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: SessionKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    pub online_url: String,
    pub agenda: String,
    pub resources: String,
    pub created_at: DateTime<Utc>,
    /// Its revision: one more each time it is changed.
    pub sequence: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default)]
pub struct MeetingInput {
    pub title: String,
    pub kind: SessionKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    pub online_url: String,
    pub agenda: String,
    pub resources: String,
}

const MEETING_COLUMNS: &str = "id, cohort_id, title, kind, starts_at, ends_at, location, online_url, agenda, resources, \
     created_at, sequence, COALESCE(updated_at, created_at) AS updated_at";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttendanceRecord {
    pub session_id: i64,
    pub user_id: i64,
    #[sqlx(try_from = "String")]
    pub status: ymarfer_domain::programme::Attendance,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SetMember {
    pub set_id: i64,
    pub set_name: String,
    pub user_id: i64,
    pub display_name: String,
}

/// What a calendar link shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedTarget {
    Cohort(i64),
    Person(i64),
}

impl Db {
    pub async fn create_meeting(&self, cohort_id: i64, m: &MeetingInput) -> Result<Meeting> {
        let sql = format!(
            "INSERT INTO cohort_sessions (cohort_id, title, kind, starts_at, ends_at, location, online_url, agenda, \
             resources, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
             RETURNING {MEETING_COLUMNS}"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(cohort_id)
                .bind(&m.title)
                .bind(m.kind.as_str())
                .bind(m.starts_at)
                .bind(m.ends_at)
                .bind(&m.location)
                .bind(&m.online_url)
                .bind(&m.agenda)
                .bind(&m.resources)
                .bind(Utc::now())
                .fetch_one(pool)
                .await?
        }))
    }

    pub async fn update_meeting(&self, id: i64, m: &MeetingInput) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE cohort_sessions SET title = $1, kind = $2, starts_at = $3, ends_at = $4, location = $5, \
                 online_url = $6, agenda = $7, resources = $8, sequence = sequence + 1, updated_at = $10 \
                 WHERE id = $9",
            )
            .bind(&m.title)
            .bind(m.kind.as_str())
            .bind(m.starts_at)
            .bind(m.ends_at)
            .bind(&m.location)
            .bind(&m.online_url)
            .bind(&m.agenda)
            .bind(&m.resources)
            .bind(id)
            .bind(Utc::now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn meetings_of(&self, cohort_id: i64) -> Result<Vec<Meeting>> {
        let sql = format!(
            "SELECT {MEETING_COLUMNS} FROM cohort_sessions WHERE cohort_id = $1 ORDER BY starts_at, id"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(cohort_id).fetch_all(pool).await?
        }))
    }

    pub async fn meeting(&self, cohort_id: i64, id: i64) -> Result<Option<Meeting>> {
        let sql = format!(
            "SELECT {MEETING_COLUMNS} FROM cohort_sessions WHERE cohort_id = $1 AND id = $2"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(cohort_id)
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Sessions of every cohort the person holds a role in.
    pub async fn meetings_for_person(&self, user_id: i64) -> Result<Vec<Meeting>> {
        let sql = format!(
            "SELECT {MEETING_COLUMNS} FROM cohort_sessions WHERE cohort_id IN \
             (SELECT cohort_id FROM memberships WHERE user_id = $1 AND cohort_id IS NOT NULL \
              UNION SELECT c.id FROM cohorts c JOIN memberships m ON m.programme_id = c.programme_id \
              WHERE m.user_id = $1 AND m.cohort_id IS NULL) ORDER BY starts_at, id"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?
        }))
    }

    /// Records a session's register, replacing what was there, in one transaction.
    pub async fn record_attendance(
        &self,
        session_id: i64,
        marks: &[(i64, String)],
        by: i64,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM attendance WHERE session_id = $1")
                .bind(session_id)
                .execute(&mut *tx)
                .await?;
            for (user_id, status) in marks {
                sqlx::query(
                    "INSERT INTO attendance (session_id, user_id, status, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(session_id)
                .bind(user_id)
                .bind(status)
                .bind(by)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    pub async fn attendance_of_cohort(&self, cohort_id: i64) -> Result<Vec<AttendanceRecord>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT a.session_id, a.user_id, a.status FROM attendance a \
                 JOIN cohort_sessions s ON s.id = a.session_id WHERE s.cohort_id = $1",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn set_members(&self, cohort_id: i64) -> Result<Vec<SetMember>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT s.id AS set_id, s.name AS set_name, m.user_id, u.display_name \
                 FROM learning_sets s LEFT JOIN learning_set_members m ON m.set_id = s.id \
                 LEFT JOIN users u ON u.id = m.user_id WHERE s.cohort_id = $1 ORDER BY s.name, lower(u.display_name)",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await
            .map(|rows: Vec<(i64, String, Option<i64>, Option<String>)>| {
                rows.into_iter()
                    .filter_map(|(set_id, set_name, user_id, name)| {
                        Some(SetMember { set_id, set_name, user_id: user_id?, display_name: name.unwrap_or_default() })
                    })
                    .collect()
            })?
        }))
    }

    pub async fn set_names(&self, cohort_id: i64) -> Result<Vec<(i64, String)>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as("SELECT id, name FROM learning_sets WHERE cohort_id = $1 ORDER BY name")
                .bind(cohort_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Replaces the cohort's sets with these (name, members), all or nothing.
    pub async fn replace_sets(&self, cohort_id: i64, sets: &[(String, Vec<i64>)]) -> Result<()> {
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
                    sqlx::query("INSERT INTO learning_set_members (set_id, cohort_id, user_id) VALUES ($1, $2, $3)")
                        .bind(set_id)
                        .bind(cohort_id)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Puts one person into a set (or into none), leaving the others as they are.
    pub async fn move_to_set(
        &self,
        cohort_id: i64,
        user_id: i64,
        set_id: Option<i64>,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM learning_set_members WHERE cohort_id = $1 AND user_id = $2")
                .bind(cohort_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            if let Some(set_id) = set_id {
                sqlx::query("INSERT INTO learning_set_members (set_id, cohort_id, user_id) VALUES ($1, $2, $3)")
                    .bind(set_id)
                    .bind(cohort_id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// A new secret calendar link; any earlier link for the same target stops working.
    pub async fn new_calendar_feed(&self, target: FeedTarget) -> Result<String> {
        let (plain, hash) = new_secret();
        let now = Utc::now();
        let (cohort, user) = match target {
            FeedTarget::Cohort(c) => (Some(c), None),
            FeedTarget::Person(u) => (None, Some(u)),
        };
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE calendar_feeds SET revoked_at = $1 WHERE revoked_at IS NULL \
                 AND COALESCE(cohort_id, 0) = COALESCE($2, 0) AND COALESCE(user_id, 0) = COALESCE($3, 0)",
            )
            .bind(now)
            .bind(cohort)
            .bind(user)
            .execute(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO calendar_feeds (token_hash, cohort_id, user_id, created_at) VALUES ($1, $2, $3, $4)")
                .bind(&hash)
                .bind(cohort)
                .bind(user)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(plain)
    }

    pub async fn revoke_calendar_feeds(&self, target: FeedTarget) -> Result<()> {
        let (cohort, user) = match target {
            FeedTarget::Cohort(c) => (Some(c), None),
            FeedTarget::Person(u) => (None, Some(u)),
        };
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE calendar_feeds SET revoked_at = $1 WHERE revoked_at IS NULL \
                 AND COALESCE(cohort_id, 0) = COALESCE($2, 0) AND COALESCE(user_id, 0) = COALESCE($3, 0)",
            )
            .bind(Utc::now())
            .bind(cohort)
            .bind(user)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn calendar_feed(&self, secret: &str) -> Result<Option<FeedTarget>> {
        let row: Option<(Option<i64>, Option<i64>)> = with_pool!(self, |pool| {
            sqlx::query_as("SELECT cohort_id, user_id FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL")
                .bind(hash_secret(secret))
                .fetch_optional(pool)
                .await?
        });
        Ok(row.and_then(|(c, u)| match (c, u) {
            (Some(c), _) => Some(FeedTarget::Cohort(c)),
            (None, Some(u)) => Some(FeedTarget::Person(u)),
            _ => None,
        }))
    }
}
