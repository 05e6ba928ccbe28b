//! Rows describing attached photos and PDFs; their bytes live in the object
//! store (see the web layer's `files`).

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};

/// A file checked and stored, to be recorded.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub object_key: String,
    pub thumb_key: Option<String>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    /// Its text alternative, and the language it is in (`en` or `cy`).
    pub description: String,
    pub description_lang: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub id: i64,
    pub post_id: Option<i64>,
    pub project_id: Option<i64>,
    pub uploaded_by: Option<i64>,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub object_key: String,
    pub thumb_key: Option<String>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// What it shows, in words, for people who cannot see it; empty when
    /// none was given.
    pub description: String,
    pub description_lang: String,
}

impl Attachment {
    pub fn is_image(&self) -> bool {
        self.content_type.starts_with("image/")
    }
}

const COLUMNS: &str = "id, post_id, project_id, uploaded_by, filename, content_type, size, object_key, \
    thumb_key, width, height, created_at, description, description_lang";

/// What an attachment belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Post(i64),
    Project(i64),
}

/// Inserts attachment rows inside an open transaction `$tx`.
macro_rules! insert_attachments {
    ($tx:expr, $owner:expr, $by:expr, $files:expr, $now:expr) => {{
        let (post, project) = match $owner {
            Owner::Post(p) => (Some(p), None),
            Owner::Project(p) => (None, Some(p)),
        };
        for a in $files {
            sqlx::query(
                "INSERT INTO attachments (post_id, project_id, uploaded_by, filename, content_type, size, object_key, \
                 thumb_key, width, height, created_at, description, description_lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            )
            .bind(post)
            .bind(project)
            .bind($by)
            .bind(&a.filename)
            .bind(&a.content_type)
            .bind(a.size)
            .bind(&a.object_key)
            .bind(&a.thumb_key)
            .bind(a.width)
            .bind(a.height)
            .bind($now)
            .bind(&a.description)
            .bind(&a.description_lang)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}
pub(crate) use insert_attachments;

impl Db {
    /// Records files attached to a project. Like any change to a project, it
    /// withdraws a public project's approval.
    /// Attaches files already in the object store to a project, from a form
    /// that may carry a one-time key: the same form sent again attaches
    /// nothing (false).
    pub async fn attach_to_project(
        &self,
        project: i64,
        by: i64,
        files: &[NewAttachment],
        form_key: Option<&str>,
    ) -> Result<bool> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            if !crate::health::first_use!(tx, form_key) {
                return Ok(false);
            }
            insert_attachments!(tx, Owner::Project(project), by, files, now);
            sqlx::query(crate::projects::TOUCH_PROJECT)
                .bind(now)
                .bind(project)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            true
        }))
    }

    pub async fn attachment(&self, id: i64) -> Result<Option<Attachment>> {
        let sql = format!("SELECT {COLUMNS} FROM attachments WHERE id = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        }))
    }

    /// The files of any number of items, in one query.
    pub async fn attachments_of_posts(&self, posts: &[i64]) -> Result<Vec<Attachment>> {
        if posts.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=posts.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {COLUMNS} FROM attachments WHERE post_id IN ({}) ORDER BY id",
            marks.join(", ")
        );
        Ok(with_pool!(self, |pool| {
            let mut q = sqlx::query_as(&sql);
            for p in posts {
                q = q.bind(p);
            }
            q.fetch_all(pool).await?
        }))
    }

    pub async fn project_attachments(&self, project: i64) -> Result<Vec<Attachment>> {
        let sql = format!("SELECT {COLUMNS} FROM attachments WHERE project_id = $1 ORDER BY id");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(project).fetch_all(pool).await?
        }))
    }

    /// The files a person uploaded, for their download and their erasure.
    pub async fn attachments_by(&self, user: i64) -> Result<Vec<Attachment>> {
        let sql = format!("SELECT {COLUMNS} FROM attachments WHERE uploaded_by = $1 ORDER BY id");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user).fetch_all(pool).await?
        }))
    }

    /// Forgets an attachment's row; the caller removes its bytes. A project
    /// that loses a file has changed, so a public one needs approving again.
    pub async fn remove_attachment(&self, id: i64) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE projects SET updated_at = $1, public_approved_by = NULL \
                 WHERE id = (SELECT project_id FROM attachments WHERE id = $2)",
            )
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM attachments WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
