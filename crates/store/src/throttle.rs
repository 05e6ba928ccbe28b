//! Sign-in throttling, per account and per network address, kept in the database so
//! that it holds across restarts and across several servers sharing PostgreSQL.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{Duration, Utc};

pub const WINDOW: Duration = Duration::minutes(15);
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;

impl Db {
    pub async fn record_sign_in_attempt(
        &self,
        account: &str,
        address: &str,
        succeeded: bool,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("INSERT INTO login_attempts (account, address, succeeded, at) VALUES ($1, $2, $3, $4)")
                .bind(account)
                .bind(address)
                .bind(succeeded)
                .bind(Utc::now())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// True when recent failures for the account or the address exceed the limits.
    pub async fn sign_in_throttled(&self, account: &str, address: &str) -> Result<bool> {
        let since = Utc::now() - WINDOW;
        let (by_account, by_address): (i64, i64) = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT \
                   (SELECT COUNT(*) FROM login_attempts WHERE account = $1 AND at > $3 AND NOT succeeded), \
                   (SELECT COUNT(*) FROM login_attempts WHERE address = $2 AND at > $3 AND NOT succeeded)",
            )
            .bind(account)
            .bind(address)
            .bind(since)
            .fetch_one(pool)
            .await?
        });
        Ok(by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS)
    }

    /// Forgets old attempts; run now and then.
    pub async fn prune_sign_in_attempts(&self) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM login_attempts WHERE at < $1")
                .bind(Utc::now() - WINDOW * 4)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
