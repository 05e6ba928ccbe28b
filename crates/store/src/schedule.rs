//! Sessions, attendance, action-learning sets and calendar feeds.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::programme::{Attendance, SessionKind};
use ymarfer_domain::space::NoticeKind;

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
    pub status: Attendance,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SetMember {
    pub set_id: i64,
    pub set_name: String,
    pub user_id: i64,
    pub display_name: String,
    /// Their address, only to tell an erased account (never shown).
    pub email: String,
}

/// A set and one of its members as read, before sets with nobody are left out.
type SetMemberRow = (i64, String, Option<i64>, Option<String>, Option<String>);

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

    /// A session by its number alone.
    pub async fn meeting_by_id(&self, id: i64) -> Result<Option<Meeting>> {
        let sql = format!("SELECT {MEETING_COLUMNS} FROM cohort_sessions WHERE id = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
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
        marks: &[(i64, Attendance)],
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
                .bind(status.as_str())
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

    /// One session's register: (person, mark), by person.
    pub async fn register_of(&self, session_id: i64) -> Result<Vec<(i64, Attendance)>> {
        let rows: Vec<AttendanceRecord> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT session_id, user_id, status FROM attendance WHERE session_id = $1 ORDER BY user_id",
            )
            .bind(session_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(|r| (r.user_id, r.status)).collect())
    }

    /// Takes a session's register: replaces what was recorded with `marks`
    /// and writes `event`, in one transaction. When the register holds these
    /// marks already (the same form sent twice), nothing is written and the
    /// answer is false.
    pub async fn take_register(
        &self,
        session_id: i64,
        marks: &[(i64, Attendance)],
        by: i64,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        let mut wanted: Vec<(i64, &str)> = marks.iter().map(|(u, a)| (*u, a.as_str())).collect();
        wanted.sort();
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let current: Vec<(i64, String)> = sqlx::query_as(
                "SELECT user_id, status FROM attendance WHERE session_id = $1 ORDER BY user_id, status",
            )
            .bind(session_id)
            .fetch_all(&mut *tx)
            .await?;
            let same = current.len() == wanted.len()
                && current
                    .iter()
                    .zip(&wanted)
                    .all(|((u, s), (wu, ws))| u == wu && s == ws);
            if same {
                return Ok(false);
            }
            sqlx::query("DELETE FROM attendance WHERE session_id = $1")
                .bind(session_id)
                .execute(&mut *tx)
                .await?;
            for (user_id, status) in &wanted {
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
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            true
        }))
    }

    /// Schedules a session of a cohort with `event`, in one transaction; the
    /// event's subject is prefixed with the new session's number. A session of
    /// the cohort with the same title and start is the same session (a form
    /// sent twice): it is returned as it is, with false, and nothing is written.
    pub async fn schedule_meeting(
        &self,
        cohort_id: i64,
        m: &MeetingInput,
        event: &NewAuditEvent,
    ) -> Result<(Meeting, bool)> {
        let find = format!(
            "SELECT {MEETING_COLUMNS} FROM cohort_sessions WHERE cohort_id = $1 AND title = $2 AND starts_at = $3 \
             ORDER BY id LIMIT 1"
        );
        let insert = format!(
            "INSERT INTO cohort_sessions (cohort_id, title, kind, starts_at, ends_at, location, online_url, agenda, \
             resources, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
             RETURNING {MEETING_COLUMNS}"
        );
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "cohorts", "slug", cohort_id);
            let found: Option<Meeting> = sqlx::query_as(&find)
                .bind(cohort_id)
                .bind(&m.title)
                .bind(m.starts_at)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(found) = found {
                return Ok((found, false));
            }
            let made: Meeting = sqlx::query_as(&insert)
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
                .fetch_one(&mut *tx)
                .await?;
            let mut e = event.clone();
            e.subject = format!("session {}: {}", made.id, e.subject);
            crate::audit::record_in!(tx, &e);
            tx.commit().await?;
            (made, true)
        }))
    }

    /// Changes a session with `event`, and tells `notify` (each with the
    /// person acting as the notice's actor), in one transaction. A session
    /// that holds these values already (the form sent twice) is left as it
    /// is, with its revision, and the answer is false.
    pub async fn change_meeting(
        &self,
        id: i64,
        m: &MeetingInput,
        event: &NewAuditEvent,
        notify: &[i64],
    ) -> Result<bool> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE cohort_sessions SET title = $1, kind = $2, starts_at = $3, ends_at = $4, location = $5, \
                 online_url = $6, agenda = $7, resources = $8, sequence = sequence + 1, updated_at = $10 \
                 WHERE id = $9 AND NOT (title = $1 AND kind = $2 AND starts_at = $3 AND ends_at = $4 \
                 AND location = $5 AND online_url = $6 AND agenda = $7 AND resources = $8)",
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
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !changed {
                return Ok(false);
            }
            crate::audit::record_in!(tx, event);
            for person in notify.iter().filter(|p| Some(**p) != event.actor_id) {
                sqlx::query(
                    "INSERT INTO notifications (user_id, kind, session_id, actor_id, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(person)
                .bind(NoticeKind::SessionChanged.as_str())
                .bind(id)
                .bind(event.actor_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            true
        }))
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
                "SELECT s.id AS set_id, s.name AS set_name, m.user_id, u.display_name, u.email \
                 FROM learning_sets s LEFT JOIN learning_set_members m ON m.set_id = s.id \
                 LEFT JOIN users u ON u.id = m.user_id WHERE s.cohort_id = $1 ORDER BY s.name, lower(u.display_name)",
            )
            .bind(cohort_id)
            .fetch_all(pool)
            .await
            .map(|rows: Vec<SetMemberRow>| {
                rows.into_iter()
                    .filter_map(|(set_id, set_name, user_id, name, email)| {
                        Some(SetMember {
                            set_id,
                            set_name,
                            user_id: user_id?,
                            display_name: name.unwrap_or_default(),
                            email: email.unwrap_or_default(),
                        })
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
        self.new_calendar_feed_recorded(target, &NewAuditEvent::default())
            .await
    }

    /// [`Db::new_calendar_feed`], writing `event` (if it names an action) in
    /// the same transaction.
    pub async fn new_calendar_feed_recorded(
        &self,
        target: FeedTarget,
        event: &NewAuditEvent,
    ) -> Result<String> {
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
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(plain)
    }

    /// Stops every live calendar link of the target, writing `event` in the
    /// same transaction. False when none was live: nothing is written.
    pub async fn revoke_calendar_feeds_recorded(
        &self,
        target: FeedTarget,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        let (cohort, user) = match target {
            FeedTarget::Cohort(c) => (Some(c), None),
            FeedTarget::Person(u) => (None, Some(u)),
        };
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let stopped = sqlx::query(
                "UPDATE calendar_feeds SET revoked_at = $1 WHERE revoked_at IS NULL \
                 AND COALESCE(cohort_id, 0) = COALESCE($2, 0) AND COALESCE(user_id, 0) = COALESCE($3, 0)",
            )
            .bind(Utc::now())
            .bind(cohort)
            .bind(user)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if stopped == 0 {
                return Ok(false);
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            true
        }))
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
