//! Throttling of sign-in attempts and of emailed links, per account and per
//! network address, kept in the database so that it holds across restarts and
//! across several servers sharing PostgreSQL.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{Duration, Utc};

pub const WINDOW: Duration = Duration::minutes(15);

/// What is being counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// A sign-in with a password; only failures count.
    Password,
    /// A request for an emailed sign-in link or password reset; every one counts,
    /// since each sends an email.
    EmailLink,
    /// A public health check started: every one counts, so a flood cannot fill
    /// the disk. Counted per network address (hashed).
    HealthCheck,
    /// Interest left after a health check: every one counts, since each emails
    /// the programme's managers.
    Interest,
    /// A live session's join code that opens nothing: only those count, per
    /// person and per network address (hashed), so that codes cannot be
    /// guessed by trying them.
    LiveCode,
}

impl Attempt {
    fn as_str(self) -> &'static str {
        match self {
            Attempt::Password => "password",
            Attempt::EmailLink => "email",
            Attempt::HealthCheck => "health_check",
            Attempt::Interest => "interest",
            Attempt::LiveCode => "live_code",
        }
    }

    /// How many may be counted in the window: per account, per address.
    pub fn limits(self) -> (i64, i64) {
        match self {
            Attempt::Password => (5, 20),
            Attempt::EmailLink => (3, 10),
            Attempt::HealthCheck => (30, 30),
            Attempt::Interest => (3, 5),
            Attempt::LiveCode => (10, 30),
        }
    }
}

impl Db {
    /// Records an attempt, and forgets those long past.
    pub async fn record_attempt(
        &self,
        kind: Attempt,
        account: &str,
        address: &str,
        succeeded: bool,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM login_attempts WHERE at < $1")
                .bind(now - WINDOW * 4)
                .execute(pool)
                .await?;
            sqlx::query(
                "INSERT INTO login_attempts (kind, account, address, succeeded, at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(kind.as_str())
            .bind(account)
            .bind(address)
            .bind(succeeded)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// True when recent counted attempts for the account or the address reach the limits.
    pub async fn throttled(&self, kind: Attempt, account: &str, address: &str) -> Result<bool> {
        let since = Utc::now() - WINDOW;
        let (by_account, by_address): (i64, i64) = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT \
                   (SELECT COUNT(*) FROM login_attempts WHERE kind = $4 AND account = $1 AND at > $3 AND NOT succeeded), \
                   (SELECT COUNT(*) FROM login_attempts WHERE kind = $4 AND address = $2 AND at > $3 AND NOT succeeded)",
            )
            .bind(account)
            .bind(address)
            .bind(since)
            .bind(kind.as_str())
            .fetch_one(pool)
            .await?
        });
        let (per_account, per_address) = kind.limits();
        Ok(by_account >= per_account || by_address >= per_address)
    }

    /// How many attempts are remembered at all (old ones are pruned).
    pub async fn remembered_attempts(&self) -> Result<i64> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts")
                .fetch_one(pool)
                .await?
        }))
    }

    /// Backdates every attempt, as if `by` had passed (for tests of pruning).
    pub async fn age_attempts(&self, by: Duration) -> Result<()> {
        let rows: Vec<(i64, chrono::DateTime<Utc>)> = with_pool!(self, |pool| {
            sqlx::query_as("SELECT id, at FROM login_attempts")
                .fetch_all(pool)
                .await?
        });
        for (id, at) in rows {
            with_pool!(self, |pool| {
                sqlx::query("UPDATE login_attempts SET at = $1 WHERE id = $2")
                    .bind(at - by)
                    .bind(id)
                    .execute(pool)
                    .await?;
            });
        }
        Ok(())
    }
}
