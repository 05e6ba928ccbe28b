//! What a participant's home gathers about her own work: her firms' projects
//! with the tools each applied, her commitments not yet checked in with the
//! session each is due at, and her firms' claims. Each is one query, however
//! many projects, tools, commitments or claims there are.

use crate::db::Result;
use crate::projects::{ProjectSummary, SUMMARY_SELECT};
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::impact::Status;

/// The projects of the firms a person represents, in the cohorts she takes
/// part in actively, joined from `projects p`.
const REPRESENTED: &str = "JOIN enrolments e ON e.cohort_id = p.cohort_id \
     AND e.organisation_id = p.organisation_id AND e.status = 'active' AND e.user_id = $1";

/// A commitment not yet checked in, with where it was made and the session
/// it is due at: the next one of its cohort after it (none scheduled yet:
/// `None`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenCommitment {
    pub id: i64,
    pub body: String,
    /// The language it was written in (`en` or `cy`).
    pub lang: String,
    pub programme_id: i64,
    pub programme_slug: String,
    pub cohort_id: i64,
    pub cohort_slug: String,
    pub made_at: i64,
    pub made_title: String,
    pub due_id: Option<i64>,
    pub due_title: Option<String>,
    pub due_on: Option<DateTime<Utc>>,
}

/// A line of one of a person's firms' projects that has been claimed, as it
/// stands now (claimed, queried, returned, verified or rejected).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyClaim {
    pub line_id: i64,
    pub project_id: i64,
    pub description: String,
    #[sqlx(try_from = "String")]
    pub status: Status,
    /// When the line last changed.
    pub changed_at: DateTime<Utc>,
}

impl Db {
    /// The projects of the firms `user` represents, in the cohorts she takes
    /// part in actively, as `cohort_projects` gives them: one query.
    pub async fn represented_projects(&self, user: i64) -> Result<Vec<ProjectSummary>> {
        let sql = format!("{SUMMARY_SELECT} {REPRESENTED} ORDER BY p.cohort_id, p.title, p.id");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user).fetch_all(pool).await?
        }))
    }

    /// (project, tool id) for each tool applied to the projects `user`'s
    /// firms run, each once: one query.
    pub async fn represented_tools(&self, user: i64) -> Result<Vec<(i64, String)>> {
        let sql = format!(
            "SELECT DISTINCT a.project_id, a.tool_id FROM tool_applications a \
             JOIN projects p ON p.id = a.project_id {REPRESENTED} ORDER BY a.project_id, a.tool_id"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user).fetch_all(pool).await?
        }))
    }

    /// The lines of `user`'s firms' projects that have been claimed, as they
    /// stand now, most recently changed first: one query.
    pub async fn represented_claims(&self, user: i64) -> Result<Vec<MyClaim>> {
        let sql = format!(
            "SELECT l.id AS line_id, p.id AS project_id, v.description, l.status, v.created_at AS changed_at \
             FROM benefit_lines l JOIN benefit_versions v ON v.line_id = l.id \
             AND v.version = (SELECT MAX(version) FROM benefit_versions w WHERE w.line_id = l.id) \
             JOIN projects p ON p.id = l.project_id {REPRESENTED} \
             WHERE l.status <> 'forecast' ORDER BY v.created_at DESC, l.id DESC"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user).fetch_all(pool).await?
        }))
    }

    /// `user`'s commitments not yet checked in, in every cohort, each with the
    /// session it is due at: one query, oldest first.
    pub async fn open_commitments(&self, user: i64) -> Result<Vec<OpenCommitment>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT c.id, c.body, c.lang, k.programme_id, g.slug AS programme_slug, k.id AS cohort_id, \
                 k.slug AS cohort_slug, s.id AS made_at, s.title AS made_title, \
                 d.id AS due_id, d.title AS due_title, d.starts_at AS due_on \
                 FROM commitments c JOIN cohort_sessions s ON s.id = c.session_id \
                 JOIN cohorts k ON k.id = s.cohort_id JOIN programmes g ON g.id = k.programme_id \
                 LEFT JOIN cohort_sessions d ON d.id = (SELECT n.id FROM cohort_sessions n \
                 WHERE n.cohort_id = s.cohort_id AND n.starts_at > s.starts_at ORDER BY n.starts_at, n.id LIMIT 1) \
                 WHERE c.user_id = $1 AND c.checked_at IS NULL ORDER BY s.starts_at, c.id",
            )
            .bind(user)
            .fetch_all(pool)
            .await?
        }))
    }
}
