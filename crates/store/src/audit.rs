//! The append-only audit trail.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::audit::AuditAction;

/// A sensitive act about to be recorded.
#[derive(Debug, Clone, Default)]
pub struct NewAuditEvent {
    pub actor_id: Option<i64>,
    /// Name and email as they are now.
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
    pub actor: String,
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
}

/// The most events a page of the trail shows.
pub const AUDIT_PAGE: i64 = 100;

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
                "SELECT id, at, actor_id, actor, action, programme_id, subject, detail, address FROM audit_events \
                 WHERE ($1 IS NULL OR programme_id = $1) AND ($2 IS NULL OR action = $2) \
                 AND ($3 IS NULL OR at >= $3) AND ($4 IS NULL OR at < $4) \
                 ORDER BY at DESC, id DESC LIMIT $5 OFFSET $6",
            )
            .bind(q.programme)
            .bind(q.action.map(|a| a.as_str()))
            .bind(q.from)
            .bind(q.to)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?
        }))
    }
}
