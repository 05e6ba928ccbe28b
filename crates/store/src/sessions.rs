use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::tokens::Purpose;
use crate::users::{Ended, USER_COLUMNS, User};
use crate::{Db, with_pool};
use chrono::{DateTime, Duration, Utc};
use ymarfer_domain::{Email, Lang};

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
    unread: i64,
    #[sqlx(flatten)]
    user: crate::users::User,
}

/// A live session found by its cookie: the session, its person, whether its
/// expiry slid forward just now, and how many of the person's notices are
/// unread (counted in the same statement, for the navigation).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session: Session,
    pub user: User,
    pub slid: bool,
    pub unread: i64,
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

/// What an emailed link did.
#[derive(Debug)]
pub enum ByLink {
    /// The person, and the secret of the session opened for them.
    Opened(User, String),
    /// The link was used or had expired, or names nobody: nothing changed.
    Invalid,
    /// The account is suspended: nothing changed.
    Suspended,
}

/// A password set by an emailed link, and the session it opens.
pub struct PasswordByLink<'a> {
    pub purpose: Purpose,
    pub secret: &'a str,
    /// The address typed, for the setup link, which names nobody.
    pub email: Option<&'a Email>,
    /// The name typed, where the journey asks for one.
    pub name: Option<&'a str>,
    pub hash: &'a str,
    /// The language of a new account.
    pub language: Lang,
    pub agent: &'a str,
}

/// Opens a session for person `$user` (browser `$agent`) through the
/// connection or transaction `$conn`; answers the cookie's secret.
macro_rules! open_session {
    ($conn:expr, $user:expr, $agent:expr) => {{
        let (plain, hash) = new_secret();
        let now = Utc::now();
        let agent: String = $agent.chars().take(200).collect();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, user_agent) \
             VALUES ($1, $2, $3, $3, $4, $5)",
        )
        .bind(&hash)
        .bind($user)
        .bind(now)
        .bind(expiry(now, now))
        .bind(&agent)
        .execute($conn)
        .await?;
        // A first sign-in is when an invited person joined.
        sqlx::query("UPDATE users SET joined_at = $1 WHERE id = $2 AND joined_at IS NULL")
            .bind(now)
            .bind($user)
            .execute($conn)
            .await?;
        plain
    }};
}

impl Db {
    /// Starts a session and returns the secret for the cookie.
    pub async fn create_session(&self, user_id: i64, user_agent: &str) -> Result<String> {
        Ok(with_pool!(self, |pool| open_session!(
            pool, user_id, user_agent
        )))
    }

    /// Opens a session for a person who has just signed in, with the audit
    /// event that says so, in one transaction; returns the cookie's secret.
    pub async fn create_session_recorded(
        &self,
        user_id: i64,
        user_agent: &str,
        event: &NewAuditEvent,
    ) -> Result<String> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let secret = open_session!(&mut *tx, user_id, user_agent);
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(secret)
        })
    }

    /// Signs a person in by an emailed sign-in link, in one transaction: the
    /// link is used, a session opened and `event` (completed with the person)
    /// recorded. A link used, expired or naming nobody changes nothing, nor
    /// does one for a suspended account.
    pub async fn open_session_by_link(
        &self,
        secret: &str,
        user_agent: &str,
        event: &NewAuditEvent,
    ) -> Result<ByLink> {
        let find = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let Some(Some(id)) = crate::tokens::use_link!(tx, Purpose::SignIn, secret) else {
                return Ok(ByLink::Invalid);
            };
            let user: Option<User> = sqlx::query_as(&find)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(user) = user else {
                return Ok(ByLink::Invalid);
            };
            if user.suspended_at.is_some() {
                return Ok(ByLink::Suspended);
            }
            let secret = open_session!(&mut *tx, user.id, user_agent);
            let event = NewAuditEvent {
                actor_id: Some(user.id),
                ..event.clone()
            };
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(ByLink::Opened(user, secret))
        })
    }

    /// Sets a password by an emailed link (a reset, an invitation or the
    /// setup link) and opens a session, in one transaction: the link is used;
    /// the password set, ending every other session and revoking API tokens;
    /// the name saved where one is given; the setup link's person made an
    /// administrator (the account the address has, or a new one); and the
    /// event `event` makes from the person and what ended recorded. A link
    /// used, expired or naming nobody where it should changes nothing, nor
    /// does one for a suspended account.
    pub async fn set_password_by_link(
        &self,
        by: &PasswordByLink<'_>,
        event: impl FnOnce(&User, Ended) -> NewAuditEvent,
    ) -> Result<ByLink> {
        let by_id = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let by_email = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        let insert = format!(
            "INSERT INTO users (email, display_name, password_hash, language, is_admin, created_at, joined_at) \
             VALUES ($1, $2, $3, $4, TRUE, $5, $5) RETURNING {USER_COLUMNS}"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let Some(named) = crate::tokens::use_link!(tx, by.purpose, by.secret) else {
                return Ok(ByLink::Invalid);
            };
            let found: Option<User> = match (named, by.email) {
                (Some(id), _) => {
                    let user: Option<User> = sqlx::query_as(&by_id)
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                    if user.is_none() {
                        return Ok(ByLink::Invalid);
                    }
                    user
                }
                // Only the setup link names nobody: the address typed says who.
                (None, Some(email)) if by.purpose == Purpose::Setup => {
                    sqlx::query_as(&by_email)
                        .bind(email.as_str())
                        .fetch_optional(&mut *tx)
                        .await?
                }
                (None, _) => return Ok(ByLink::Invalid),
            };
            let (user, ended) = match found {
                Some(user) => {
                    if user.suspended_at.is_some() {
                        return Ok(ByLink::Suspended);
                    }
                    let ended = crate::users::set_password_in!(tx, user.id, by.hash, None::<i64>);
                    if let Some(name) = by.name {
                        sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
                            .bind(name.trim())
                            .bind(user.id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    if by.purpose == Purpose::Setup {
                        sqlx::query("UPDATE users SET is_admin = TRUE WHERE id = $1")
                            .bind(user.id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let user: User = sqlx::query_as(&by_id)
                        .bind(user.id)
                        .fetch_one(&mut *tx)
                        .await?;
                    (user, ended)
                }
                None => {
                    let email = by.email.ok_or(crate::StoreError::Invalid(
                        "the setup link needs an address".into(),
                    ))?;
                    let user: User = sqlx::query_as(&insert)
                        .bind(email.as_str())
                        .bind(by.name.unwrap_or("").trim())
                        .bind(by.hash)
                        .bind(by.language.code())
                        .bind(Utc::now())
                        .fetch_one(&mut *tx)
                        .await?;
                    (user, Ended::default())
                }
            };
            let secret = open_session!(&mut *tx, user.id, by.agent);
            crate::audit::record_in!(tx, &event(&user, ended));
            tx.commit().await?;
            Ok(ByLink::Opened(user, secret))
        })
    }

    /// The live session and its user for a cookie secret. Slides the expiry forward
    /// at most once a minute so that reads stay cheap; the flag says it slid, so
    /// that the cookie can slide with it.
    pub async fn session_user(&self, secret: &str) -> Result<Option<SignedIn>> {
        let hash = hash_secret(secret);
        let now = Utc::now();
        // The session and its person in one statement: every signed-in request asks.
        let found: Option<SessionUser> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at, \
                 s.user_agent, u.id, u.email, u.display_name, u.password_hash, u.language, u.is_admin, \
                 u.created_at, u.suspended_at, u.erased_at, \
                 (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread \
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
            unread,
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
        Ok(Some(SignedIn {
            session,
            user,
            slid,
            unread,
        }))
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
