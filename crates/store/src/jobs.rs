//! Scheduled jobs' runs (claimed once per slot), and notices claimed for
//! email: whichever server claims a run or a notice first does it; the others
//! find nothing to do.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::Lang;
use ymarfer_domain::space::{NoticeKind, NotifyMode};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRun {
    pub name: String,
    pub slot: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub outcome: String,
}

/// Someone with notices not yet emailed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: i64,
    pub email: String,
    /// The language code of their emails.
    pub language: String,
}

impl Recipient {
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or(Lang::En)
    }
}

/// A notice as an email tells it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmailNotice {
    #[sqlx(try_from = "String")]
    pub kind: NoticeKind,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub project_id: Option<i64>,
    /// The page of the session the notice is about, under the language.
    pub session_path: Option<String>,
    pub actor: Option<String>,
}

impl Db {
    /// Claims a job's run for a slot. True for the one caller that claims it.
    pub async fn claim_job(&self, name: &str, slot: &str) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO job_runs (name, slot, started_at) VALUES ($1, $2, $3) ON CONFLICT (name, slot) DO NOTHING",
            )
            .bind(name)
            .bind(slot)
            .bind(Utc::now())
            .execute(pool)
            .await?
            .rows_affected()
                == 1
        }))
    }

    pub async fn finish_job(&self, name: &str, slot: &str, outcome: &str) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE job_runs SET finished_at = $1, outcome = $2 WHERE name = $3 AND slot = $4",
            )
            .bind(Utc::now())
            .bind(outcome)
            .bind(name)
            .bind(slot)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The latest run of each job, and its recent runs, newest first.
    pub async fn job_runs(&self, limit: i64) -> Result<Vec<JobRun>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT name, slot, started_at, finished_at, outcome FROM job_runs ORDER BY started_at DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await?
        }))
    }

    /// People who chose `mode` and have notices not yet emailed.
    pub async fn notice_recipients(&self, mode: NotifyMode) -> Result<Vec<Recipient>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT u.id AS user_id, u.email, u.language FROM users u \
                 WHERE u.notify_mode = $1 AND u.erased_at IS NULL AND u.suspended_at IS NULL \
                 AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.emailed_at IS NULL) \
                 ORDER BY u.id",
            )
            .bind(mode.as_str())
            .fetch_all(pool)
            .await?
        }))
    }

    /// Claims a person's notices not yet emailed, and returns them, oldest
    /// first. Two servers claiming at once: one gets them, the other nothing.
    pub async fn claim_notices_for_email(&self, user: i64) -> Result<Vec<EmailNotice>> {
        let batch = crate::secret::new_secret().0;
        let select = format!(
            "SELECT n.kind, COALESCE(p.parent_id, p.id) AS thread_id, n.post_id, n.project_id, \
             {} AS session_path, u.display_name AS actor \
             FROM notifications n LEFT JOIN posts p ON p.id = n.post_id LEFT JOIN users u ON u.id = n.actor_id \
             {} WHERE n.email_batch = $1 ORDER BY n.id",
            crate::space::SESSION_PATH,
            crate::space::SESSION_JOIN
        );
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE notifications SET emailed_at = $1, email_batch = $2 WHERE user_id = $3 AND emailed_at IS NULL",
            )
            .bind(Utc::now())
            .bind(&batch)
            .bind(user)
            .execute(&mut *tx)
            .await?;
            let claimed = sqlx::query_as(&select)
                .bind(&batch)
                .fetch_all(&mut *tx)
                .await?;
            tx.commit().await?;
            claimed
        }))
    }

    /// Gives notices claimed for email back, when the email could not be sent.
    pub async fn release_notices(&self, user: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE notifications SET emailed_at = NULL, email_batch = NULL WHERE user_id = $1 \
                 AND email_batch = (SELECT email_batch FROM notifications WHERE user_id = $1 AND email_batch IS NOT NULL ORDER BY emailed_at DESC LIMIT 1)",
            )
            .bind(user)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn notify_mode(&self, user: i64) -> Result<NotifyMode> {
        let code: Option<String> = with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT notify_mode FROM users WHERE id = $1")
                .bind(user)
                .fetch_optional(pool)
                .await?
        });
        Ok(code
            .as_deref()
            .and_then(NotifyMode::parse)
            .unwrap_or(NotifyMode::Daily))
    }

    pub async fn set_notify_mode(&self, user: i64, mode: NotifyMode) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE users SET notify_mode = $1 WHERE id = $2")
                .bind(mode.as_str())
                .bind(user)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The person's unsubscribe token, made the first time it is needed.
    pub async fn unsubscribe_token(&self, user: i64) -> Result<String> {
        let fresh = crate::secret::new_secret().0;
        Ok(with_pool!(self, |pool| {
            sqlx::query("UPDATE users SET unsubscribe_token = $1 WHERE id = $2 AND unsubscribe_token IS NULL")
                .bind(&fresh)
                .bind(user)
                .execute(pool)
                .await?;
            sqlx::query_scalar::<_, String>("SELECT unsubscribe_token FROM users WHERE id = $1")
                .bind(user)
                .fetch_one(pool)
                .await?
        }))
    }

    /// Whose token this is, if anyone's.
    pub async fn unsubscriber(&self, token: &str) -> Result<Option<i64>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM users WHERE unsubscribe_token = $1 AND erased_at IS NULL",
            )
            .bind(token)
            .fetch_optional(pool)
            .await?
        }))
    }
}

/// A programme at a glance, for administrators.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProgrammeGlance {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub cohorts: i64,
    pub participants: i64,
}

/// A member of some programme's team, for administrators.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamRow {
    pub programme_id: i64,
    pub display_name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: ymarfer_domain::Role,
    pub cohort: Option<String>,
}

impl Db {
    /// Every programme with its cohorts and active participants counted, and
    /// every team member of every programme: two queries.
    pub async fn programmes_at_a_glance(&self) -> Result<(Vec<ProgrammeGlance>, Vec<TeamRow>)> {
        Ok(with_pool!(self, |pool| {
            let programmes = sqlx::query_as(
                "SELECT p.id, p.slug, p.name_en, p.name_cy, \
                 (SELECT COUNT(*) FROM cohorts c WHERE c.programme_id = p.id) AS cohorts, \
                 (SELECT COUNT(*) FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
                  WHERE c.programme_id = p.id AND e.status = 'active') AS participants \
                 FROM programmes p ORDER BY p.name_en",
            )
            .fetch_all(pool)
            .await?;
            let team = sqlx::query_as(
                "SELECT m.programme_id, u.display_name, u.email, m.role, c.slug AS cohort \
                 FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN cohorts c ON c.id = m.cohort_id \
                 WHERE m.role <> 'participant' ORDER BY m.programme_id, m.role, lower(u.display_name)",
            )
            .fetch_all(pool)
            .await?;
            (programmes, team)
        }))
    }
}
