use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::{Actor, Email, Lang, Membership, Role, Scope};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub language: String,
    pub is_admin: bool,
    pub created_at: DateTime<Utc>,
    /// Set while an administrator has suspended the account.
    pub suspended_at: Option<DateTime<Utc>>,
    /// Set once the person's personal data was erased.
    pub erased_at: Option<DateTime<Utc>>,
}

impl User {
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or_default()
    }

    /// The name to show: the display name, or the email when none is set.
    pub fn name(&self) -> &str {
        if self.display_name.trim().is_empty() {
            &self.email
        } else {
            &self.display_name
        }
    }
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub display_name: &'a str,
    pub language: Lang,
    pub is_admin: bool,
    pub password_hash: Option<&'a str>,
}

pub(crate) const USER_COLUMNS: &str = "id, email, display_name, password_hash, language, is_admin, created_at, suspended_at, erased_at";

/// What a new password ended: other sessions, and API tokens revoked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ended {
    pub sessions: u64,
    pub tokens: u64,
}

/// Sets person `$id`'s password hash inside the open transaction `$tx`: every
/// session but `$keep` ends, unused sign-in and reset links are void, and API
/// tokens are revoked. Answers what ended.
macro_rules! set_password_in {
    ($tx:ident, $id:expr, $hash:expr, $keep:expr) => {{
        let now = chrono::Utc::now();
        sqlx::query(
            "UPDATE users SET password_hash = $1, joined_at = COALESCE(joined_at, $3) WHERE id = $2",
        )
        .bind($hash)
        .bind($id)
        .bind(now)
        .execute(&mut *$tx)
            .await?;
        let sessions =
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND ($2 IS NULL OR id <> $2)")
                .bind($id)
                .bind($keep)
                .execute(&mut *$tx)
                .await?
                .rows_affected();
        sqlx::query(
            "UPDATE tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL \
             AND purpose IN ('sign_in', 'reset')",
        )
        .bind(now)
        .bind($id)
        .execute(&mut *$tx)
        .await?;
        // A new password ends what the old one let anyone make: API tokens too.
        let tokens = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind($id)
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        $crate::users::Ended { sessions, tokens }
    }};
}
pub(crate) use set_password_in;

impl Db {
    /// Who hears of a new lead: a programme's managers, or with no programme the
    /// instance's administrators.
    /// Who hears of a lead: the managers of `programmes`, and, with
    /// `admins`, every administrator; each once.
    pub async fn lead_recipients(&self, programmes: &[i64], admins: bool) -> Result<Vec<User>> {
        let list = if programmes.is_empty() {
            "NULL".to_string()
        } else {
            programmes
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE (is_admin AND $1) OR id IN \
             (SELECT user_id FROM memberships WHERE programme_id IN ({list}) AND role = 'programme_manager') \
             ORDER BY id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(admins)
            .fetch_all(pool)
            .await?))
    }

    pub async fn create_user(&self, new: NewUser<'_>) -> Result<User> {
        let sql = format!(
            "INSERT INTO users (email, display_name, password_hash, language, is_admin, created_at, joined_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {USER_COLUMNS}"
        );
        // An account made with a password can be used at once: joined.
        let now = Utc::now();
        let user = with_pool!(self, |pool| {
            sqlx::query_as::<_, User>(&sql)
                .bind(new.email.as_str())
                .bind(new.display_name.trim())
                .bind(new.password_hash)
                .bind(new.language.code())
                .bind(new.is_admin)
                .bind(now)
                .bind(new.password_hash.map(|_| now))
                .fetch_one(pool)
                .await?
        });
        Ok(user)
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as::<_, User>(&sql)
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as::<_, User>(&sql)
                .bind(email.as_str())
                .fetch_optional(pool)
                .await?
        }))
    }

    /// One page of the accounts whose name or address holds `q` (all, when
    /// empty), by name then id, sought from the one the cursor names, and
    /// how many there are.
    pub async fn users_seek(
        &self,
        q: &str,
        seek: crate::seek::Seek,
        limit: i64,
    ) -> Result<(crate::seek::Paged<User>, i64)> {
        let (after, by, key) = seek.sql_keyed(
            ("lower(users.display_name)", "lower(x.display_name)"),
            "users.id",
            "users",
            3,
            crate::seek::Order::Up,
        );
        // Each form names only what it filters on, so each has one plan.
        let matching = if q.trim().is_empty() {
            "$1 = ''"
        } else {
            "(lower(display_name) LIKE '%' || lower($1) || '%' OR lower(email) LIKE '%' || lower($1) || '%')"
        };
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE {matching} AND {after} ORDER BY {by} LIMIT $2"
        );
        let count = format!("SELECT COUNT(*) FROM users WHERE {matching}");
        let (rows, total): (Vec<User>, i64) = with_pool!(self, |pool| {
            let rows = sqlx::query_as::<_, User>(&sql)
                .bind(q.trim())
                .bind(limit + 1)
                .bind(key)
                .fetch_all(pool)
                .await?;
            let total: i64 = sqlx::query_scalar(&count)
                .bind(q.trim())
                .fetch_one(pool)
                .await?;
            (rows, total)
        });
        Ok((seek.page(rows, limit, |u: &User| u.id), total))
    }

    /// The accounts of everyone ever enrolled in a cohort, in one query.
    pub async fn cohort_users(&self, cohort: i64) -> Result<Vec<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE id IN (SELECT user_id FROM enrolments WHERE cohort_id = $1)"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as::<_, User>(&sql)
            .bind(cohort)
            .fetch_all(pool)
            .await?))
    }

    /// Suspends (and signs out everywhere) or reactivates an account.
    pub async fn set_suspended(&self, id: i64, suspended: bool) -> Result<()> {
        let at = suspended.then(Utc::now);
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE users SET suspended_at = $1 WHERE id = $2")
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if suspended {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn list_users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY lower(display_name), email");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as::<_, User>(&sql).fetch_all(pool).await?
        }))
    }

    pub async fn any_admin(&self) -> Result<bool> {
        let n: i64 = with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE is_admin")
                .fetch_one(pool)
                .await?
        });
        Ok(n > 0)
    }

    pub async fn update_profile(&self, id: i64, display_name: &str, language: Lang) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE users SET display_name = $1, language = $2 WHERE id = $3")
                .bind(display_name.trim())
                .bind(language.code())
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Sets a person's password: every other session (all but `keep`) ends,
    /// unused sign-in and reset links are void, and API tokens are revoked,
    /// with the audit event `event` makes from what ended, in one transaction.
    pub async fn set_password_hash(
        &self,
        id: i64,
        hash: &str,
        keep: Option<i64>,
        event: impl FnOnce(Ended) -> Option<crate::audit::NewAuditEvent>,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let ended = set_password_in!(tx, id, hash, keep);
            if let Some(event) = event(ended) {
                crate::audit::record_in!(tx, &event);
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Removes an account that has just been made, when its invitation could not go.
    pub async fn delete_user(&self, id: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM users WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn set_admin(&self, id: i64, is_admin: bool) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE users SET is_admin = $1 WHERE id = $2")
                .bind(is_admin)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The roles a user holds, as authorisation sees them.
    pub async fn memberships(&self, user_id: i64) -> Result<Vec<Membership>> {
        let rows: Vec<(String, i64, Option<i64>)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT role, programme_id, cohort_id FROM memberships WHERE user_id = $1",
            )
            .bind(user_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(role, programme, cohort)| {
                let role = Role::parse(&role)?;
                let scope = match cohort {
                    Some(cohort) => Scope::Cohort { programme, cohort },
                    None => Scope::Programme(programme),
                };
                Some(Membership { role, scope })
            })
            .collect())
    }

    pub async fn actor(&self, user: &User) -> Result<Actor> {
        Ok(Actor {
            user_id: user.id,
            is_admin: user.is_admin,
            memberships: self.memberships(user.id).await?,
            token: None,
        })
    }

    /// Grants a role; granting one already held changes nothing.
    pub async fn grant(&self, user_id: i64, role: Role, scope: Scope) -> Result<()> {
        let (programme, cohort) = match scope {
            Scope::Programme(p) => (p, None),
            Scope::Cohort { programme, cohort } => (programme, Some(cohort)),
        };
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO memberships (user_id, programme_id, cohort_id, role, created_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(user_id)
            .bind(programme)
            .bind(cohort)
            .bind(role.as_str())
            .bind(Utc::now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Creates a programme with one cohort; used by tests and demo data until
    /// programmes have pages of their own. Returns (programme id, cohort id).
    pub async fn create_programme_with_cohort(&self, slug: &str, name: &str) -> Result<(i64, i64)> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let programme: i64 = sqlx::query_scalar(
                "INSERT INTO programmes (slug, name_en, name_cy, created_at) VALUES ($1, $2, $2, $3) RETURNING id",
            )
            .bind(slug)
            .bind(name)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let cohort: i64 = sqlx::query_scalar(
                "INSERT INTO cohorts (programme_id, slug, name_en, name_cy, created_at) \
                 VALUES ($1, 'cohort-1', $2, $2, $3) RETURNING id",
            )
            .bind(programme)
            .bind(name)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok((programme, cohort))
        })
    }
}
