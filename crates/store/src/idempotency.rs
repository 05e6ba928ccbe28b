//! The `Idempotency-Key` of each write through the JSON API: claimed before
//! the act (a pending row; the primary key lets only one request claim it),
//! answered after, replayed to a retry, and forgotten after a day.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Duration, Utc};

/// How long a key is remembered.
pub const KEPT_FOR: Duration = Duration::hours(24);

/// What a request with a key finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new: this request claimed it and should act.
    Fresh,
    /// The same request is being acted on now, and has no answer yet.
    Pending,
    /// The same request was answered: its status and body, to replay.
    Answered { status: i64, body: String },
    /// The key was used for a different request.
    Mismatch,
}

#[derive(sqlx::FromRow)]
struct Row {
    request_hash: String,
    response_status: Option<i64>,
    response_body: Option<String>,
}

impl Db {
    /// Claims `key` for a token's request (`request_hash`: its method, path
    /// and body, hashed), or says what the key already holds. Keys older than
    /// [`KEPT_FOR`] are forgotten first.
    pub async fn claim_idempotency_key(
        &self,
        token_id: i64,
        key: &str,
        request_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Claim> {
        let row: Option<Row> = with_pool!(self, |pool| {
            sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
                .bind(now - KEPT_FOR)
                .execute(pool)
                .await?;
            let claimed: Option<String> = sqlx::query_scalar(
                "INSERT INTO idempotency_keys (token_id, idempotency_key, request_hash, created_at) \
                 VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (token_id, idempotency_key) DO NOTHING RETURNING idempotency_key",
            )
            .bind(token_id)
            .bind(key)
            .bind(request_hash)
            .bind(now)
            .fetch_optional(pool)
            .await?;
            if claimed.is_some() {
                return Ok(Claim::Fresh);
            }
            sqlx::query_as(
                "SELECT request_hash, response_status, response_body FROM idempotency_keys \
                 WHERE token_id = $1 AND idempotency_key = $2",
            )
            .bind(token_id)
            .bind(key)
            .fetch_optional(pool)
            .await?
        });
        Ok(match row {
            // Forgotten between the two statements: as if in use; a retry claims it.
            None => Claim::Pending,
            Some(r) if r.request_hash != request_hash => Claim::Mismatch,
            Some(Row {
                response_status: Some(status),
                response_body,
                ..
            }) => Claim::Answered {
                status,
                body: response_body.unwrap_or_default(),
            },
            Some(_) => Claim::Pending,
        })
    }

    /// Keeps the answer to the request that claimed `key`, to replay.
    pub async fn answer_idempotency_key(
        &self,
        token_id: i64,
        key: &str,
        status: i64,
        body: &str,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE idempotency_keys SET response_status = $1, response_body = $2 \
                 WHERE token_id = $3 AND idempotency_key = $4 AND response_status IS NULL",
            )
            .bind(status)
            .bind(body)
            .bind(token_id)
            .bind(key)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Lets go of a claimed key whose request failed before it could be
    /// answered (a fault of the server's, not of the request), so a retry acts.
    pub async fn release_idempotency_key(&self, token_id: i64, key: &str) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "DELETE FROM idempotency_keys \
                 WHERE token_id = $1 AND idempotency_key = $2 AND response_status IS NULL",
            )
            .bind(token_id)
            .bind(key)
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}
