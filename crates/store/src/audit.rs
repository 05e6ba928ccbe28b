//! The append-only audit trail.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::audit::AuditAction;

/// A sensitive act about to be recorded.
#[derive(Debug, Clone, Default)]
pub struct NewAuditEvent {
    pub actor_id: Option<i64>,
    /// Who, only when not an account (an address typed at a refused sign-in):
    /// an account is named from `users` when the trail is read, so that erasing
    /// a person never needs to change the trail.
    pub actor: String,
    pub action: Option<AuditAction>,
    pub programme_id: Option<i64>,
    pub subject: String,
    pub detail: String,
    pub address: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    /// Who, when not an account (an address typed at a refused sign-in).
    pub actor: String,
    /// The account's name and email now (none once erased).
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub actor_erased: bool,
    #[sqlx(try_from = "String")]
    pub action: AuditAction,
    pub programme_id: Option<i64>,
    pub subject: String,
    pub detail: String,
    pub address: String,
}

/// Which events to read: one programme's or all, one action or all, a period.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub programme: Option<i64>,
    pub action: Option<AuditAction>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// One person's acts only.
    pub actor: Option<i64>,
}

/// The most events a page of the trail shows.
pub const AUDIT_PAGE: i64 = 100;

/// The most events the trail counts; beyond, it says "more than".
pub const AUDIT_COUNT_MOST: i64 = 10_000;

/// Records `$event` (a `&NewAuditEvent`) inside the open transaction `$tx`,
/// so an act and its record commit together or not at all.
macro_rules! record_in {
    ($tx:ident, $event:expr) => {{
        let e: &$crate::audit::NewAuditEvent = $event;
        if let Some(action) = e.action {
            sqlx::query(
                "INSERT INTO audit_events (at, actor_id, actor, action, programme_id, subject, detail, address) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(chrono::Utc::now())
            .bind(e.actor_id)
            .bind(&e.actor)
            .bind(action.as_str())
            .bind(e.programme_id)
            .bind(&e.subject)
            .bind(&e.detail)
            .bind(&e.address)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}
pub(crate) use record_in;

impl Db {
    pub async fn record_audit(&self, e: &NewAuditEvent) -> Result<()> {
        let Some(action) = e.action else {
            return Ok(());
        };
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO audit_events (at, actor_id, actor, action, programme_id, subject, detail, address) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(Utc::now())
            .bind(e.actor_id)
            .bind(&e.actor)
            .bind(action.as_str())
            .bind(e.programme_id)
            .bind(&e.subject)
            .bind(&e.detail)
            .bind(&e.address)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Events newest first; `limit` of them after skipping `offset`.
    pub async fn audit_events(
        &self,
        q: &AuditQuery,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<AuditEvent>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT e.id, e.at, e.actor_id, e.actor, u.display_name AS actor_name, u.email AS actor_email, \
                 (u.erased_at IS NOT NULL) AS actor_erased, e.action, e.programme_id, e.subject, e.detail, e.address \
                 FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id \
                 WHERE ($1 IS NULL OR e.programme_id = $1) AND ($2 IS NULL OR e.action = $2) \
                 AND ($3 IS NULL OR e.at >= $3) AND ($4 IS NULL OR e.at < $4) \
                 AND ($7 IS NULL OR e.actor_id = $7) \
                 ORDER BY e.at DESC, e.id DESC LIMIT $5 OFFSET $6",
            )
            .bind(q.programme)
            .bind(q.action.map(|a| a.as_str()))
            .bind(q.from)
            .bind(q.to)
            .bind(limit)
            .bind(offset)
            .bind(q.actor)
            .fetch_all(pool)
            .await?
        }))
    }

    /// One page of events newest first (by id), sought from the one named by
    /// the cursor, and how many events match, counted up to
    /// [`AUDIT_COUNT_MOST`] (more is said as "more than"). The statement names
    /// only the filters given, so each form has one plan and its index.
    pub async fn audit_seek(
        &self,
        q: &AuditQuery,
        seek: crate::seek::Seek,
        limit: i64,
    ) -> Result<(crate::seek::Paged<AuditEvent>, i64)> {
        let (cond, by, key) = seek.sql("e.id", 1, crate::seek::Order::Down);
        let mut filters = String::new();
        for (given, f) in [
            (q.programme.is_some(), " AND e.programme_id = $3"),
            (q.action.is_some(), " AND e.action = $4"),
            (q.from.is_some(), " AND e.at >= $5"),
            (q.to.is_some(), " AND e.at < $6"),
            (q.actor.is_some(), " AND e.actor_id = $7"),
        ] {
            if given {
                filters.push_str(f);
            }
        }
        // Every parameter is named, so each can be bound whichever are used.
        let named = " AND ($3 IS NULL OR TRUE) AND ($4 IS NULL OR TRUE) AND ($5 IS NULL OR TRUE) \
                     AND ($6 IS NULL OR TRUE) AND ($7 IS NULL OR TRUE)";
        let sql = format!(
            "SELECT e.id, e.at, e.actor_id, e.actor, u.display_name AS actor_name, u.email AS actor_email, \
             (u.erased_at IS NOT NULL) AS actor_erased, e.action, e.programme_id, e.subject, e.detail, e.address \
             FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id \
             WHERE {cond}{filters}{named} ORDER BY {by} LIMIT $2"
        );
        let count = format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM audit_events e WHERE $1 = $1 AND $2 = $2{filters}{named} LIMIT {}) c",
            AUDIT_COUNT_MOST + 1
        );
        let (rows, total): (Vec<AuditEvent>, i64) = with_pool!(self, |pool| {
            let rows = sqlx::query_as(&sql)
                .bind(key)
                .bind(limit + 1)
                .bind(q.programme)
                .bind(q.action.map(|a| a.as_str()))
                .bind(q.from)
                .bind(q.to)
                .bind(q.actor)
                .fetch_all(pool)
                .await?;
            let total: i64 = sqlx::query_scalar(&count)
                .bind(0_i64)
                .bind(0_i64)
                .bind(q.programme)
                .bind(q.action.map(|a| a.as_str()))
                .bind(q.from)
                .bind(q.to)
                .bind(q.actor)
                .fetch_one(pool)
                .await?;
            (rows, total)
        });
        Ok((seek.page(rows, limit, |e: &AuditEvent| e.id), total))
    }
}
