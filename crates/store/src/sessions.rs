use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::users::User;
use crate::{Db, with_pool};
use chrono::{DateTime, Duration, Utc};

/// How long a session lasts without use.
pub const IDLE_LIFETIME: Duration = Duration::days(14);
/// How long a session lasts at most, however often it is used.
pub const MAX_LIFETIME: Duration = Duration::days(30);

/// When a session used at `now` should expire: after `IDLE_LIFETIME` without use,
/// and never later than `MAX_LIFETIME` after it began.
pub fn expiry(created_at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    (now + IDLE_LIFETIME).min(created_at + MAX_LIFETIME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_slide_but_stop_at_thirty_days() {
        let start = Utc::now();
        assert_eq!(expiry(start, start), start + IDLE_LIFETIME);
        let later = start + Duration::days(10);
        assert_eq!(expiry(start, later), later + IDLE_LIFETIME);
        let late = start + Duration::days(25);
        assert_eq!(expiry(start, late), start + MAX_LIFETIME);
    }
}

/// A session row with its person's, read together.
#[derive(sqlx::FromRow)]
struct SessionUser {
    session_id: i64,
    session_created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    user_agent: String,
    #[sqlx(flatten)]
    user: crate::users::User,
}

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
            .bind(expiry(now, now))
            .bind(&agent)
            .execute(pool)
            .await?;
        });
        Ok(plain)
    }

    /// The live session and its user for a cookie secret. Slides the expiry forward
    /// at most once a minute so that reads stay cheap; the flag says it slid, so
    /// that the cookie can slide with it.
    pub async fn session_user(&self, secret: &str) -> Result<Option<(Session, User, bool)>> {
        let hash = hash_secret(secret);
        let now = Utc::now();
        // The session and its person in one statement: every signed-in request asks.
        let found: Option<SessionUser> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at, \
                 s.user_agent, u.id, u.email, u.display_name, u.password_hash, u.language, u.is_admin, \
                 u.created_at, u.suspended_at, u.erased_at \
                 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
            )
            .bind(&hash)
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        let Some(SessionUser {
            session_id,
            session_created_at,
            last_seen_at,
            expires_at,
            user_agent,
            user,
        }) = found
        else {
            return Ok(None);
        };
        let mut session = Session {
            id: session_id,
            user_id: user.id,
            created_at: session_created_at,
            last_seen_at,
            expires_at,
            user_agent,
        };
        let slid = now - session.last_seen_at > Duration::minutes(1);
        if slid {
            session.last_seen_at = now;
            session.expires_at = expiry(session.created_at, now);
            with_pool!(self, |pool| {
                sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3")
                    .bind(now)
                    .bind(session.expires_at)
                    .bind(session.id)
                    .execute(pool)
                    .await?;
            });
        }
        Ok(Some((session, user, slid)))
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
