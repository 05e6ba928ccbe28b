use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::users::User;
use crate::{Db, with_pool};
use chrono::{DateTime, Duration, Utc};

/// How long a session lasts without use, and at most.
pub const IDLE_LIFETIME: Duration = Duration::days(14);

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub user_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: String,
}

impl Db {
    /// Starts a session and returns the secret for the cookie.
    pub async fn create_session(&self, user_id: i64, user_agent: &str) -> Result<String> {
        let (plain, hash) = new_secret();
        let now = Utc::now();
        let agent: String = user_agent.chars().take(200).collect();
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, user_agent) \
                 VALUES ($1, $2, $3, $3, $4, $5)",
            )
            .bind(&hash)
            .bind(user_id)
            .bind(now)
            .bind(now + IDLE_LIFETIME)
            .bind(&agent)
            .execute(pool)
            .await?;
        });
        Ok(plain)
    }

    /// The live session and its user for a cookie secret; slides the expiry forward
    /// at most once a minute so that reads stay cheap.
    pub async fn session_user(&self, secret: &str) -> Result<Option<(Session, User)>> {
        let hash = hash_secret(secret);
        let now = Utc::now();
        let session: Option<Session> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, user_id, created_at, last_seen_at, expires_at, user_agent \
                 FROM sessions WHERE token_hash = $1 AND expires_at > $2",
            )
            .bind(&hash)
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        let Some(session) = session else {
            return Ok(None);
        };
        if now - session.last_seen_at > Duration::minutes(1) {
            with_pool!(self, |pool| {
                sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3")
                    .bind(now)
                    .bind(now + IDLE_LIFETIME)
                    .bind(session.id)
                    .execute(pool)
                    .await?;
            });
        }
        let user = self.user_by_id(session.user_id).await?;
        Ok(user.map(|u| (session, u)))
    }

    pub async fn sessions_of(&self, user_id: i64) -> Result<Vec<Session>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, user_id, created_at, last_seen_at, expires_at, user_agent \
                 FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC",
            )
            .bind(user_id)
            .bind(Utc::now())
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn end_session(&self, secret: &str) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(hash_secret(secret))
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Ends one of a user's sessions; `false` when it is not theirs.
    pub async fn end_session_by_id(&self, user_id: i64, session_id: i64) -> Result<bool> {
        let done = with_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE id = $1 AND user_id = $2")
                .bind(session_id)
                .bind(user_id)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(done > 0)
    }

    /// "Sign out everywhere": ends every session of the user.
    pub async fn end_all_sessions(&self, user_id: i64) -> Result<u64> {
        Ok(with_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }
}
