//! The mail queue: every email from the moment it is written until it is
//! sent. A message is claimed before each attempt by moving its next attempt
//! on, so however many servers share the database, one tries it at a time.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Duration, Utc};

/// After this many failed attempts a message is given up, and shown as such
/// to administrators.
pub const MAX_ATTEMPTS: i64 = 8;

/// How long one attempt holds its message before another may try it.
const HOLD: i64 = 10;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub unsubscribe: Option<String>,
    /// The language it is written in: `en` or `cy`.
    pub language: String,
    pub created_at: DateTime<Utc>,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: String,
    pub sent_at: Option<DateTime<Utc>>,
}

/// How many messages wait, were sent in the last day, and were given up.
#[derive(Debug, Clone, Copy, Default, sqlx::FromRow)]
pub struct MailCounts {
    pub waiting: i64,
    pub sent_today: i64,
    pub given_up: i64,
}

const COLUMNS: &str = "id, to_addr, subject, body, unsubscribe, language, created_at, attempts, next_attempt_at, last_error, sent_at";

/// The wait before the next attempt, after `attempts` failures.
pub fn backoff(attempts: i64) -> Duration {
    let minutes = [1, 5, 15, 60, 180, 360, 720];
    Duration::minutes(minutes[(attempts.max(1) as usize - 1).min(minutes.len() - 1)])
}

impl Db {
    /// Keeps a message, held for the attempt its sender makes at once.
    pub async fn queue_mail(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        unsubscribe: Option<&str>,
        language: ymarfer_domain::Lang,
    ) -> Result<(i64, DateTime<Utc>)> {
        let now = Utc::now();
        let id = with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO mail_queue (to_addr, subject, body, unsubscribe, language, created_at, next_attempt_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(to)
            .bind(subject)
            .bind(body)
            .bind(unsubscribe)
            .bind(language.code())
            .bind(now)
            .bind(now + Duration::minutes(HOLD))
            .fetch_one(pool)
            .await?
        });
        Ok((id, now))
    }

    /// The message went: its words are forgotten.
    pub async fn mail_sent(&self, id: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE mail_queue SET sent_at = $1, body = '', attempts = attempts + 1 WHERE id = $2")
                .bind(Utc::now())
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// An attempt failed: counted, with why, and the next one set.
    pub async fn mail_failed(&self, id: i64, error: &str) -> Result<()> {
        let error: String = error.chars().take(300).collect();
        with_pool!(self, |pool| {
            let attempts: i64 = sqlx::query_scalar(
                "UPDATE mail_queue SET attempts = attempts + 1, last_error = $1 WHERE id = $2 RETURNING attempts",
            )
            .bind(&error)
            .bind(id)
            .fetch_one(pool)
            .await?;
            sqlx::query("UPDATE mail_queue SET next_attempt_at = $1 WHERE id = $2")
                .bind(Utc::now() + backoff(attempts))
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Claims up to `limit` messages due at `now` for one attempt each.
    pub async fn claim_due_mail(&self, now: DateTime<Utc>, limit: i64) -> Result<Vec<QueuedMail>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM mail_queue WHERE sent_at IS NULL AND attempts < $1 AND next_attempt_at <= $2 \
             ORDER BY id LIMIT $3"
        );
        let due: Vec<QueuedMail> = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(MAX_ATTEMPTS)
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        let mut claimed = Vec::new();
        for m in due {
            let won = with_pool!(self, |pool| {
                sqlx::query(
                    "UPDATE mail_queue SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL",
                )
                .bind(now + Duration::minutes(HOLD))
                .bind(m.id)
                .bind(m.next_attempt_at)
                .execute(pool)
                .await?
                .rows_affected()
                    == 1
            });
            if won {
                claimed.push(m);
            }
        }
        Ok(claimed)
    }

    /// What the administrators' page shows: the counts, the messages not sent
    /// (oldest first) and the latest sent, never their words.
    pub async fn mail_queue_view(&self, limit: i64) -> Result<(MailCounts, Vec<QueuedMail>)> {
        let since = Utc::now() - Duration::days(1);
        let list = "SELECT id, to_addr, subject, '' AS body, unsubscribe, language, created_at, attempts, next_attempt_at, last_error, sent_at \
             FROM mail_queue WHERE sent_at IS NULL OR sent_at > $1 ORDER BY sent_at IS NULL DESC, id DESC LIMIT $2";
        Ok(with_pool!(self, |pool| {
            let counts: MailCounts = sqlx::query_as(
                "SELECT \
                 (SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NULL AND attempts < $1) AS waiting, \
                 (SELECT COUNT(*) FROM mail_queue WHERE sent_at > $2) AS sent_today, \
                 (SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NULL AND attempts >= $1) AS given_up",
            )
            .bind(MAX_ATTEMPTS)
            .bind(since)
            .fetch_one(pool)
            .await?;
            let rows = sqlx::query_as(list)
                .bind(since)
                .bind(limit)
                .fetch_all(pool)
                .await?;
            (counts, rows)
        }))
    }
}
