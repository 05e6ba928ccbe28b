//! Personal access tokens for the JSON API. The secret is shown once and kept
//! only as its SHA-256 hash; each use is counted in a one-minute window on the
//! token's own row, so a limit holds however many servers share the database.

use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::{Db, with_pool};
use chrono::{DateTime, Duration, Utc};
use ymarfer_domain::authz::TokenScope;

/// What every token's secret begins with, so that one pasted by mistake is
/// recognisable (and findable by secret scanners).
pub const PREFIX: &str = "ymf_";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub can_write: bool,
    pub programme_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl ApiToken {
    pub fn scope(&self) -> TokenScope {
        TokenScope {
            write: self.can_write,
            programme: self.programme_id,
        }
    }

    pub fn live(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

/// A token that was presented and is live, with how many times it has been
/// used in the current minute (this use included).
#[derive(Debug, Clone)]
pub struct TokenUse {
    pub token: ApiToken,
    pub this_minute: i64,
}

const COLUMNS: &str =
    "id, user_id, name, can_write, programme_id, created_at, expires_at, last_used_at, revoked_at";

impl Db {
    /// Creates a token and returns it with its secret, which is never stored,
    /// recording `event` (named after the token) in the same transaction.
    /// `None` when the person has a live token of that name already.
    pub async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        scope: TokenScope,
        expires_at: DateTime<Utc>,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<Option<(ApiToken, String)>> {
        let (plain, _) = new_secret();
        let secret = format!("{PREFIX}{plain}");
        let hash = hash_secret(&secret);
        let now = Utc::now();
        let sql = format!(
            "INSERT INTO api_tokens (user_id, name, secret_hash, can_write, programme_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let live: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM api_tokens WHERE user_id = $1 AND lower(name) = lower($2) \
                 AND revoked_at IS NULL AND expires_at > $3",
            )
            .bind(user_id)
            .bind(name)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if live.is_some() {
                return Ok(None);
            }
            let token = sqlx::query_as::<_, ApiToken>(&sql)
                .bind(user_id)
                .bind(name)
                .bind(&hash)
                .bind(scope.write)
                .bind(scope.programme)
                .bind(now)
                .bind(expires_at)
                .fetch_one(&mut *tx)
                .await?;
            let event = crate::audit::NewAuditEvent {
                subject: token.name.clone(),
                ..event.clone()
            };
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(Some((token, secret)))
        })
    }

    /// A person's tokens, newest first, revoked and expired ones included.
    pub async fn api_tokens_of(&self, user_id: i64) -> Result<Vec<ApiToken>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC LIMIT 100"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?
        }))
    }

    /// Revokes one of a person's own tokens, recording `event` in the same
    /// transaction. `None` when it is not theirs; `Some(false)` when it was
    /// revoked already (nothing changes, nothing is recorded).
    pub async fn revoke_api_token(
        &self,
        user_id: i64,
        id: i64,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<Option<bool>> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let revoked: Option<Option<DateTime<Utc>>> = sqlx::query_scalar(
                "SELECT revoked_at FROM api_tokens WHERE id = $1 AND user_id = $2",
            )
            .bind(id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
            match revoked {
                None => return Ok(None),
                Some(Some(_)) => return Ok(Some(false)),
                Some(None) => {}
            }
            sqlx::query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
            )
            .bind(Utc::now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(Some(true))
        })
    }

    /// Looks up a presented secret and counts its use, in one statement: the
    /// token if it is live, with its uses this minute. A suspended person's
    /// tokens do nothing.
    pub async fn use_api_token(&self, secret: &str) -> Result<Option<TokenUse>> {
        if !secret.starts_with(PREFIX) {
            return Ok(None);
        }
        let now = Utc::now();
        let sql = format!(
            "UPDATE api_tokens SET
                 last_used_at = $2,
                 window_count = CASE WHEN window_start > $3 THEN window_count + 1 ELSE 1 END,
                 window_start = CASE WHEN window_start > $3 THEN window_start ELSE $2 END
             WHERE secret_hash = $1 AND revoked_at IS NULL AND expires_at > $2
               AND user_id IN (SELECT id FROM users WHERE suspended_at IS NULL AND erased_at IS NULL)
             RETURNING {COLUMNS}, window_count"
        );
        let row = with_pool!(self, |pool| {
            sqlx::query_as::<_, UseRow>(&sql)
                .bind(hash_secret(secret))
                .bind(now)
                .bind(now - Duration::minutes(1))
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|r| TokenUse {
            token: r.token,
            this_minute: r.window_count,
        }))
    }
}

#[derive(sqlx::FromRow)]
struct UseRow {
    #[sqlx(flatten)]
    token: ApiToken,
    window_count: i64,
}
