//! Single-use, expiring tokens sent by email: sign-in links, password resets,
//! invitations, and the first administrator's setup link.

use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::{Db, with_pool};
use chrono::{Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SignIn,
    Reset,
    Invite,
    Setup,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::SignIn => "sign_in",
            Purpose::Reset => "reset",
            Purpose::Invite => "invite",
            Purpose::Setup => "setup",
        }
    }

    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::SignIn => Duration::minutes(15),
            Purpose::Reset => Duration::hours(1),
            Purpose::Invite => Duration::days(7),
            Purpose::Setup => Duration::days(1),
        }
    }
}

/// Uses an emailed link's token inside the open transaction `$tx`: of two
/// attempts at once only one succeeds. Answers as `Db::consume_token` does.
macro_rules! use_link {
    ($tx:ident, $purpose:expr, $secret:expr) => {{
        let used: Option<Option<i64>> = sqlx::query_scalar(
            "UPDATE tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
             AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
        )
        .bind(chrono::Utc::now())
        .bind(crate::secret::hash_secret($secret))
        .bind($purpose.as_str())
        .fetch_optional(&mut *$tx)
        .await?;
        used
    }};
}
pub(crate) use use_link;

impl Db {
    /// Issues a token and returns its secret, which only the emailed link carries.
    pub async fn issue_token(&self, purpose: Purpose, user_id: Option<i64>) -> Result<String> {
        let (plain, hash) = new_secret();
        let now = Utc::now();
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO tokens (token_hash, purpose, user_id, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&hash)
            .bind(purpose.as_str())
            .bind(user_id)
            .bind(now)
            .bind(now + purpose.lifetime())
            .execute(pool)
            .await?;
        });
        Ok(plain)
    }

    /// Whether a token is unused and unexpired, without using it. The outer option
    /// is validity; the inner is the user it belongs to.
    pub async fn peek_token(&self, purpose: Purpose, secret: &str) -> Result<Option<Option<i64>>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT user_id FROM tokens WHERE token_hash = $1 AND purpose = $2 \
                 AND used_at IS NULL AND expires_at > $3",
            )
            .bind(hash_secret(secret))
            .bind(purpose.as_str())
            .bind(Utc::now())
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Uses a token, atomically: of two concurrent attempts only one succeeds.
    pub async fn consume_token(
        &self,
        purpose: Purpose,
        secret: &str,
    ) -> Result<Option<Option<i64>>> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let used = use_link!(tx, purpose, secret);
            tx.commit().await?;
            used
        }))
    }
}
