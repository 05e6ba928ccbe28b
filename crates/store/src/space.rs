//! The cohort space: posts, shares and comments with their history, reactions,
//! structured feedback and requests for it, commitments and check-ins, the
//! learning log and in-app notices. See `docs/space.md`.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::engagement::SpaceEventKind;
use ymarfer_domain::space::{CheckIn, ItemKind, NoticeKind, PAGE_SIZE, Reaction};

/// The page of the session a notice is about (under the language), from
/// [`SESSION_JOIN`]; none for a notice about something else.
pub(crate) const SESSION_PATH: &str = "('programmes/' || npr.slug || '/cohorts/' || nco.slug || '/sessions/' || CAST(nse.id AS TEXT))";
/// Joins a notice `n` to its session, cohort and programme, for [`SESSION_PATH`].
pub(crate) const SESSION_JOIN: &str = "LEFT JOIN cohort_sessions nse ON nse.id = n.session_id \
     LEFT JOIN cohorts nco ON nco.id = nse.cohort_id LEFT JOIN programmes npr ON npr.id = nco.programme_id";

/// An item of the stream (or a comment), with what the page shows about it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Item {
    pub id: i64,
    pub cohort_id: i64,
    /// In the alumni space of this programme (then `cohort_id` is its author's).
    pub alumni_programme_id: Option<i64>,
    pub parent_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub kind: ItemKind,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub project_id: Option<i64>,
    pub project_title: Option<String>,
    /// The language the project's title was written in.
    pub project_lang: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation: Option<String>,
    /// The project's visibility code and whether its publication was approved,
    /// so the page can ask the policy whether to link to it.
    pub visibility: Option<String>,
    pub public_approved: bool,
    pub tool_id: Option<String>,
    pub ref_id: Option<i64>,
    pub body: String,
    /// The language the author wrote in (`en` or `cy`).
    pub lang: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    /// The shared record, as it stands now.
    pub tool_version: Option<i64>,
    pub cycle_number: Option<i64>,
    pub cycle_change: Option<String>,
    /// The language the shared cycle was written in.
    pub cycle_lang: Option<String>,
    pub cycle_decision: Option<String>,
    pub reading_value: Option<i64>,
    pub reading_on: Option<NaiveDate>,
    pub aim_unit: Option<String>,
    pub comments: i64,
    pub useful: i64,
    pub tried: i64,
    pub feedback: i64,
    pub mine_useful: i64,
    pub mine_tried: i64,
}

impl Item {
    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }
}

/// The columns of [`Item`]; `$1` is the viewer (for their own reactions).
const ITEM_SELECT: &str = "SELECT p.id, p.cohort_id, p.alumni_programme_id, p.parent_id, p.kind, p.author_id, \
    CASE WHEN u.erased_at IS NULL THEN u.display_name END AS author, \
    p.project_id, pr.title AS project_title, pr.lang AS project_lang, pr.organisation_id, o.name AS organisation, \
    pr.visibility, (pr.public_approved_by IS NOT NULL) AS public_approved, \
    p.tool_id, p.ref_id, p.body, p.lang, p.created_at, p.edited_at, p.deleted_at, \
    ta.version AS tool_version, cy.number AS cycle_number, cy.change_idea AS cycle_change, cy.lang AS cycle_lang, cy.decision AS cycle_decision, \
    rd.value AS reading_value, rd.taken_on AS reading_on, pr.aim_unit, \
    (SELECT COUNT(*) FROM posts c WHERE c.parent_id = p.id AND c.deleted_at IS NULL) AS comments, \
    (SELECT COUNT(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'useful') AS useful, \
    (SELECT COUNT(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'tried') AS tried, \
    (SELECT COUNT(*) FROM feedback f WHERE f.post_id = p.id) AS feedback, \
    (SELECT COUNT(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'useful' AND r.user_id = $1) AS mine_useful, \
    (SELECT COUNT(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'tried' AND r.user_id = $1) AS mine_tried \
    FROM posts p \
    LEFT JOIN users u ON u.id = p.author_id \
    LEFT JOIN projects pr ON pr.id = p.project_id \
    LEFT JOIN organisations o ON o.id = pr.organisation_id \
    LEFT JOIN tool_applications ta ON p.kind = 'tool' AND ta.id = p.ref_id \
    LEFT JOIN cycles cy ON p.kind = 'cycle' AND cy.id = p.ref_id \
    LEFT JOIN readings rd ON p.kind = 'reading' AND rd.id = p.ref_id";

/// What a stream is narrowed to; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StreamFilter {
    pub project: Option<i64>,
    pub author: Option<i64>,
    pub tool: Option<String>,
    pub kind: Option<ItemKind>,
    /// Only items older than this one (the next page).
    pub before: Option<i64>,
    /// Only items newer than this one (what arrived since the page was drawn).
    pub after: Option<i64>,
}

/// A new item or comment. The author must be allowed to post in the cohort,
/// and a share must be of a record of `project` (the web layer checks both).
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    pub cohort: i64,
    pub parent: Option<i64>,
    pub author: i64,
    pub kind: ItemKind,
    pub project: Option<i64>,
    pub tool_id: Option<&'a str>,
    pub ref_id: Option<i64>,
    pub body: &'a str,
    /// The language the author wrote in.
    pub lang: ymarfer_domain::Lang,
    /// In the alumni space of this programme, not the cohort's own.
    pub alumni: Option<i64>,
}

/// Someone of the space, for mentions, filters and requests.
#[derive(Debug, Clone, sqlx::FromRow, PartialEq, Eq)]
pub struct Member {
    pub user_id: i64,
    pub display_name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub body: String,
    pub edited_by: Option<String>,
    pub edited_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Feedback {
    pub id: i64,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub strong: String,
    pub question: String,
    pub suggestion: String,
    /// The checklist items (by index) the reviewer found met, comma-separated.
    pub checklist: String,
    pub created_at: DateTime<Utc>,
    /// The language its words were written in (`en` or `cy`).
    pub lang: String,
}

impl Feedback {
    pub fn ticked(&self) -> Vec<usize> {
        self.checklist
            .split(',')
            .filter_map(|i| i.trim().parse().ok())
            .collect()
    }
}

/// Feedback as given.
#[derive(Debug, Clone, Default)]
pub struct FeedbackInput {
    pub strong: String,
    pub question: String,
    pub suggestion: String,
    pub checklist: Vec<usize>,
    /// The language its words are written in.
    pub lang: ymarfer_domain::Lang,
}

/// A request for feedback not yet answered, as the person asked sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenRequest {
    pub post_id: i64,
    pub asked_by: Option<String>,
    pub body: String,
    /// The language the post was written in.
    pub lang: String,
    pub project_title: Option<String>,
    /// The language the project's title was written in.
    pub project_lang: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Who was asked for feedback on an item, and whether they have given it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Asked {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub answered_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Commitment {
    pub id: i64,
    pub session_id: i64,
    pub session_title: String,
    pub session_on: DateTime<Utc>,
    pub body: String,
    pub check_status: Option<String>,
    pub check_note: String,
    pub checked_at: Option<DateTime<Utc>>,
    /// The language it was written in (`en` or `cy`).
    pub lang: String,
}

impl Commitment {
    pub fn status(&self) -> Option<CheckIn> {
        self.check_status.as_deref().and_then(CheckIn::parse)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reflection {
    pub id: i64,
    pub cohort_id: i64,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub shared_post_id: Option<i64>,
    /// The language it was written in (`en` or `cy`).
    pub lang: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notice {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: NoticeKind,
    pub post_id: Option<i64>,
    /// The item the notice leads to: the post itself, or the post a comment is on.
    pub thread_id: Option<i64>,
    /// The project whose ledger the notice leads to (a claim verified).
    pub project_id: Option<i64>,
    /// The session the notice leads to (its time or place changed), as the
    /// path of its page under the language: `programmes/…/sessions/…`.
    pub session_path: Option<String>,
    pub actor: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

impl Db {
    /// The people of a cohort's space: its participants and staff, by name.
    pub async fn space_members(&self, programme: i64, cohort: i64) -> Result<Vec<Member>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT DISTINCT u.id AS user_id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.programme_id = $1 AND u.erased_at IS NULL AND \
                 ((m.cohort_id = $2 AND m.role IN ('participant', 'facilitator')) \
                  OR (m.cohort_id IS NULL AND m.role IN ('programme_manager', 'facilitator'))) \
                 ORDER BY u.display_name, u.id",
            )
            .bind(programme)
            .bind(cohort)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The people of a programme's alumni space: the participants and
    /// facilitators of its finished cohorts, and its programme-wide staff.
    pub async fn alumni_members(&self, programme: i64, finished: &[i64]) -> Result<Vec<Member>> {
        let marks: Vec<String> = (0..finished.len()).map(|i| format!("${}", i + 2)).collect();
        let in_finished = if finished.is_empty() {
            "FALSE".to_string()
        } else {
            format!("m.cohort_id IN ({})", marks.join(", "))
        };
        let sql = format!(
            "SELECT DISTINCT u.id AS user_id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.programme_id = $1 AND u.erased_at IS NULL AND \
             (({in_finished} AND m.role IN ('participant', 'facilitator')) \
              OR (m.cohort_id IS NULL AND m.role IN ('programme_manager', 'facilitator'))) \
             ORDER BY u.display_name, u.id"
        );
        Ok(with_pool!(self, |pool| {
            let mut q = sqlx::query_as(&sql).bind(programme);
            for c in finished {
                q = q.bind(c);
            }
            q.fetch_all(pool).await?
        }))
    }

    /// Adds an item or comment and tells those it concerns, in one transaction.
    /// `notify` lists (person, why); the author is never told of their own act.
    pub async fn add_item(&self, item: &NewItem<'_>, notify: &[(i64, NoticeKind)]) -> Result<i64> {
        self.add_item_with(item, notify, &[]).await
    }

    /// [`Db::add_item`], with files already in the object store attached to it.
    pub async fn add_item_with(
        &self,
        item: &NewItem<'_>,
        notify: &[(i64, NoticeKind)],
        files: &[crate::attachments::NewAttachment],
    ) -> Result<i64> {
        // Without a one-time key the item is always made.
        Ok(self
            .add_item_once(item, notify, files, None)
            .await?
            .unwrap_or_default())
    }

    /// [`Db::add_item_with`], from a form that carries a one-time key: the
    /// same form sent again makes nothing and answers `None`.
    pub async fn add_item_once(
        &self,
        item: &NewItem<'_>,
        notify: &[(i64, NoticeKind)],
        files: &[crate::attachments::NewAttachment],
        form_key: Option<&str>,
    ) -> Result<Option<i64>> {
        use crate::attachments::{Owner, insert_attachments};
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            if !crate::health::first_use!(tx, form_key) {
                return Ok(None);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO posts (cohort_id, parent_id, author_id, kind, project_id, tool_id, ref_id, body, lang, created_at, alumni_programme_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(item.cohort)
            .bind(item.parent)
            .bind(item.author)
            .bind(item.kind.as_str())
            .bind(item.project)
            .bind(item.tool_id)
            .bind(item.ref_id)
            .bind(item.body)
            .bind(item.lang.code())
            .bind(now)
            .bind(item.alumni)
            .fetch_one(&mut *tx)
            .await?;
            insert_attachments!(tx, Owner::Post(id), item.author, files, now);
            for (person, why) in notify.iter().filter(|(p, _)| *p != item.author) {
                sqlx::query("INSERT INTO notifications (user_id, kind, post_id, actor_id, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(person)
                    .bind(why.as_str())
                    .bind(id)
                    .bind(item.author)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Some(id)
        }))
    }

    /// One item or comment, whoever may see it (the caller asks the policy).
    pub async fn item(&self, id: i64, viewer: Option<i64>) -> Result<Option<Item>> {
        let sql = format!("{ITEM_SELECT} WHERE p.id = $2");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(viewer.unwrap_or(0))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// A page of a cohort's stream, newest first: at most [`PAGE_SIZE`] items,
    /// and whether there are more.
    pub async fn stream(
        &self,
        cohort: i64,
        filter: &StreamFilter,
        viewer: i64,
    ) -> Result<(Vec<Item>, bool)> {
        self.stream_of(
            "p.cohort_id = $2 AND p.alumni_programme_id IS NULL",
            cohort,
            filter,
            viewer,
        )
        .await
    }

    /// A page of a programme's alumni space, as [`Db::stream`].
    pub async fn alumni_stream(
        &self,
        programme: i64,
        filter: &StreamFilter,
        viewer: i64,
    ) -> Result<(Vec<Item>, bool)> {
        self.stream_of("p.alumni_programme_id = $2", programme, filter, viewer)
            .await
    }

    /// The statement names only the filters given, so that each combination is
    /// one fixed statement with one plan: a catch-all `($n IS NULL OR …)` makes
    /// SQLite choose, and prepare, the plan afresh for every set of values.
    async fn stream_of(
        &self,
        space: &str,
        key: i64,
        filter: &StreamFilter,
        viewer: i64,
    ) -> Result<(Vec<Item>, bool)> {
        enum Arg<'a> {
            Int(i64),
            Text(&'a str),
        }
        let mut args = Vec::new();
        let mut sql = format!("{ITEM_SELECT} WHERE {space} AND p.parent_id IS NULL");
        let mut narrow = |condition: &str, arg| {
            args.push(arg);
            sql.push_str(&format!(" AND {condition} ${}", args.len() + 2));
        };
        if let Some(project) = filter.project {
            narrow("p.project_id =", Arg::Int(project));
        }
        if let Some(author) = filter.author {
            narrow("p.author_id =", Arg::Int(author));
        }
        if let Some(tool) = filter.tool.as_deref() {
            narrow("p.tool_id =", Arg::Text(tool));
        }
        if let Some(kind) = filter.kind {
            narrow("p.kind =", Arg::Text(kind.as_str()));
        }
        if let Some(before) = filter.before {
            narrow("p.id <", Arg::Int(before));
        }
        if let Some(after) = filter.after {
            narrow("p.id >", Arg::Int(after));
        }
        sql.push_str(&format!(" ORDER BY p.id DESC LIMIT ${}", args.len() + 3));
        let mut items: Vec<Item> = with_pool!(self, |pool| {
            let mut query = sqlx::query_as(&sql).bind(viewer).bind(key);
            for arg in &args {
                query = match arg {
                    Arg::Int(n) => query.bind(*n),
                    Arg::Text(t) => query.bind(*t),
                };
            }
            query.bind(PAGE_SIZE + 1).fetch_all(pool).await?
        });
        let more = items.len() as i64 > PAGE_SIZE;
        items.truncate(PAGE_SIZE as usize);
        Ok((items, more))
    }

    /// An item's comments, oldest first.
    pub async fn comments(&self, post: i64, viewer: i64) -> Result<Vec<Item>> {
        let sql = format!("{ITEM_SELECT} WHERE p.parent_id = $2 ORDER BY p.id");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(viewer)
                .bind(post)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Changes an item's words, keeping what it said before.
    pub async fn edit_item(
        &self,
        id: i64,
        body: &str,
        lang: ymarfer_domain::Lang,
        by: i64,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO post_versions (post_id, body, edited_by, edited_at) \
                 SELECT id, body, $1, $2 FROM posts WHERE id = $3",
            )
            .bind(by)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE posts SET body = $1, lang = $2, edited_at = $3 WHERE id = $4")
                .bind(body)
                .bind(lang.code())
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// What an item said before each edit, newest first.
    pub async fn item_versions(&self, id: i64) -> Result<Vec<Version>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT v.body, u.display_name AS edited_by, v.edited_at FROM post_versions v \
                 LEFT JOIN users u ON u.id = v.edited_by WHERE v.post_id = $1 ORDER BY v.id DESC",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Deletes an item softly (`by` someone), or restores it (`None`).
    /// Deletes an item softly (`by` someone), or restores it (`by` none),
    /// with its audit event, in one transaction. Nothing changes or is
    /// recorded when it is in that state already. True when it changed.
    pub async fn set_item_deleted(
        &self,
        id: i64,
        by: Option<i64>,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<bool> {
        let at = by.map(|_| Utc::now());
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE posts SET deleted_at = $1, deleted_by = $2 WHERE id = $3 \
                 AND (deleted_at IS NULL) <> ($1 IS NULL)",
            )
            .bind(at)
            .bind(by)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if changed {
                crate::audit::record_in!(tx, event);
            }
            tx.commit().await?;
            changed
        }))
    }

    /// Gives a reaction (`on`) or takes it back: the same again changes
    /// nothing. True when it changed.
    pub async fn set_reaction(
        &self,
        post: i64,
        user: i64,
        kind: Reaction,
        on: bool,
    ) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            let done = if on {
                sqlx::query(
                    "INSERT INTO reactions (post_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(post)
                .bind(user)
                .bind(kind.as_str())
                .bind(Utc::now())
                .execute(pool)
                .await?
            } else {
                sqlx::query(
                    "DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3",
                )
                .bind(post)
                .bind(user)
                .bind(kind.as_str())
                .execute(pool)
                .await?
            };
            done.rows_affected() == 1
        }))
    }

    /// Records feedback on an item: answers the giver's request for it, if any,
    /// and tells the item's author, in one transaction. The same feedback from
    /// the same person again records nothing and answers `None`.
    pub async fn add_feedback(
        &self,
        post: i64,
        author: i64,
        input: &FeedbackInput,
        tell: Option<i64>,
    ) -> Result<Option<i64>> {
        let now = Utc::now();
        let checklist = input
            .checklist
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let given: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM feedback WHERE post_id = $1 AND author_id = $2 AND strong = $3 \
                 AND question = $4 AND suggestion = $5 AND checklist = $6",
            )
            .bind(post)
            .bind(author)
            .bind(&input.strong)
            .bind(&input.question)
            .bind(&input.suggestion)
            .bind(&checklist)
            .fetch_optional(&mut *tx)
            .await?;
            if given.is_some() {
                return Ok(None);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO feedback (post_id, author_id, strong, question, suggestion, checklist, created_at, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(post)
            .bind(author)
            .bind(&input.strong)
            .bind(&input.question)
            .bind(&input.suggestion)
            .bind(&checklist)
            .bind(now)
            .bind(input.lang.code())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE feedback_requests SET answered_at = $1 WHERE post_id = $2 AND asked_of = $3 AND answered_at IS NULL")
                .bind(now)
                .bind(post)
                .bind(author)
                .execute(&mut *tx)
                .await?;
            if let Some(tell) = tell.filter(|t| *t != author) {
                sqlx::query("INSERT INTO notifications (user_id, kind, post_id, actor_id, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(tell)
                    .bind(NoticeKind::Feedback.as_str())
                    .bind(post)
                    .bind(author)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Some(id)
        }))
    }

    pub async fn feedback_on(&self, post: i64) -> Result<Vec<Feedback>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT f.id, f.author_id, CASE WHEN u.erased_at IS NULL THEN u.display_name END AS author, f.strong, f.question, f.suggestion, f.checklist, f.created_at, f.lang \
                 FROM feedback f LEFT JOIN users u ON u.id = f.author_id WHERE f.post_id = $1 ORDER BY f.id",
            )
            .bind(post)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Asks people for feedback on an item; asking someone twice asks once.
    /// Each newly asked person is told. Returns how many were newly asked.
    pub async fn request_feedback(&self, post: i64, by: i64, of: &[i64]) -> Result<u64> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let mut asked = 0;
            for person in of.iter().filter(|p| **p != by) {
                let new = sqlx::query(
                    "INSERT INTO feedback_requests (post_id, asked_by, asked_of, created_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (post_id, asked_of) DO NOTHING",
                )
                .bind(post)
                .bind(by)
                .bind(person)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if new == 1 {
                    asked += 1;
                    sqlx::query("INSERT INTO notifications (user_id, kind, post_id, actor_id, created_at) VALUES ($1, $2, $3, $4, $5)")
                        .bind(person)
                        .bind(NoticeKind::FeedbackRequest.as_str())
                        .bind(post)
                        .bind(by)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            asked
        }))
    }

    /// Who was asked for feedback on an item.
    pub async fn asked_for_feedback(&self, post: i64) -> Result<Vec<Asked>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT r.asked_of AS user_id, u.display_name, u.email, r.answered_at FROM feedback_requests r \
                 JOIN users u ON u.id = r.asked_of WHERE r.post_id = $1 ORDER BY u.display_name",
            )
            .bind(post)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The requests for feedback a person has not answered, in one cohort (or
    /// all their cohorts), on items not deleted, oldest first.
    pub async fn open_requests(&self, user: i64, cohort: Option<i64>) -> Result<Vec<OpenRequest>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT p.id AS post_id, u.display_name AS asked_by, p.body, p.lang, pr.title AS project_title, pr.lang AS project_lang, r.created_at \
                 FROM feedback_requests r JOIN posts p ON p.id = r.post_id \
                 LEFT JOIN users u ON u.id = r.asked_by LEFT JOIN projects pr ON pr.id = p.project_id \
                 WHERE r.asked_of = $1 AND r.answered_at IS NULL AND p.deleted_at IS NULL \
                 AND ($2 IS NULL OR p.cohort_id = $2) ORDER BY r.created_at, r.id",
            )
            .bind(user)
            .bind(cohort)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Records what a person commits to try before the next session.
    pub async fn add_commitment(&self, session: i64, user: i64, body: &str) -> Result<i64> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO commitments (session_id, user_id, body, created_at, lang) \
                 VALUES ($1, $2, $3, $4, COALESCE((SELECT language FROM users WHERE id = $2), 'en')) RETURNING id",
            )
            .bind(session)
            .bind(user)
            .bind(body)
            .bind(Utc::now())
            .fetch_one(pool)
            .await?
        }))
    }

    /// Records what a person commits to try before the next session, with
    /// `event` (its subject prefixed with the commitment's number), in one
    /// transaction. The same words by the same person at the same session are
    /// the same commitment (a form sent twice): its number, with false, and
    /// nothing is written.
    pub async fn make_commitment(
        &self,
        session: i64,
        user: i64,
        body: (&str, ymarfer_domain::Lang),
        event: &crate::audit::NewAuditEvent,
    ) -> Result<(i64, bool)> {
        let (body, lang) = body;
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "cohort_sessions", "title", session);
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM commitments WHERE session_id = $1 AND user_id = $2 AND body = $3 ORDER BY id LIMIT 1",
            )
            .bind(session)
            .bind(user)
            .bind(body)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = found {
                return Ok((id, false));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO commitments (session_id, user_id, body, created_at, lang) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(session)
            .bind(user)
            .bind(body)
            .bind(Utc::now())
            .bind(lang.code())
            .fetch_one(&mut *tx)
            .await?;
            let mut e = event.clone();
            e.subject = format!("commitment {id}, {}", e.subject);
            crate::audit::record_in!(tx, &e);
            tx.commit().await?;
            (id, true)
        }))
    }

    /// Checks in on one of a person's own commitments, at a session, with
    /// `event`, in one transaction. `None` when the commitment is not theirs;
    /// `Some(false)` when it holds this check-in already (the form sent
    /// twice), and nothing is written.
    pub async fn check_in_recorded(
        &self,
        commitment: i64,
        user: i64,
        status: CheckIn,
        note: &str,
        at_session: i64,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<Option<bool>> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let found: Option<(Option<String>, String, Option<i64>)> = sqlx::query_as(
                "SELECT check_status, check_note, checked_in_session FROM commitments WHERE id = $1 AND user_id = $2",
            )
            .bind(commitment)
            .bind(user)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((was, was_note, was_at)) = found else {
                return Ok(None);
            };
            if was.as_deref() == Some(status.as_str())
                && was_note == note
                && was_at == Some(at_session)
            {
                return Ok(Some(false));
            }
            sqlx::query(
                "UPDATE commitments SET check_status = $1, check_note = $2, checked_at = $3, checked_in_session = $4 \
                 WHERE id = $5 AND user_id = $6",
            )
            .bind(status.as_str())
            .bind(note)
            .bind(Utc::now())
            .bind(at_session)
            .bind(commitment)
            .bind(user)
            .execute(&mut *tx)
            .await?;
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Some(true)
        }))
    }

    /// Adds a reflection to a person's learning log with `event` (its subject
    /// prefixed with the reflection's number), in one transaction. The same
    /// words by the same person for the same cohort are the same reflection
    /// (a form sent twice): its number, with false, and nothing is written.
    pub async fn reflect(
        &self,
        user: i64,
        cohort: i64,
        body: (&str, ymarfer_domain::Lang),
        event: &crate::audit::NewAuditEvent,
    ) -> Result<(i64, bool)> {
        let (body, lang) = body;
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "users", "email", user);
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM reflections WHERE user_id = $1 AND cohort_id = $2 AND body = $3 ORDER BY id LIMIT 1",
            )
            .bind(user)
            .bind(cohort)
            .bind(body)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = found {
                return Ok((id, false));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO reflections (user_id, cohort_id, body, created_at, lang) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(user)
            .bind(cohort)
            .bind(body)
            .bind(Utc::now())
            .bind(lang.code())
            .fetch_one(&mut *tx)
            .await?;
            let mut e = event.clone();
            e.subject = format!("reflection {id}, {}", e.subject);
            crate::audit::record_in!(tx, &e);
            tx.commit().await?;
            (id, true)
        }))
    }

    /// A person's commitments in a cohort, oldest session first.
    pub async fn commitments(&self, cohort: i64, user: i64) -> Result<Vec<Commitment>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT c.id, c.session_id, s.title AS session_title, s.starts_at AS session_on, c.body, \
                 c.check_status, c.check_note, c.checked_at, c.lang FROM commitments c \
                 JOIN cohort_sessions s ON s.id = c.session_id \
                 WHERE s.cohort_id = $1 AND c.user_id = $2 ORDER BY s.starts_at, c.id",
            )
            .bind(cohort)
            .bind(user)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Checks in on one of a person's own commitments, at a session. False when
    /// the commitment is not theirs.
    pub async fn check_in(
        &self,
        commitment: i64,
        user: i64,
        status: CheckIn,
        note: &str,
        at_session: i64,
    ) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE commitments SET check_status = $1, check_note = $2, checked_at = $3, checked_in_session = $4 \
                 WHERE id = $5 AND user_id = $6",
            )
            .bind(status.as_str())
            .bind(note)
            .bind(Utc::now())
            .bind(at_session)
            .bind(commitment)
            .bind(user)
            .execute(pool)
            .await?
            .rows_affected()
                == 1
        }))
    }

    /// Adds a reflection to a person's learning log.
    pub async fn add_reflection(&self, user: i64, cohort: i64, body: &str) -> Result<i64> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO reflections (user_id, cohort_id, body, created_at, lang) \
                 VALUES ($1, $2, $3, $4, COALESCE((SELECT language FROM users WHERE id = $1), 'en')) RETURNING id",
            )
            .bind(user)
            .bind(cohort)
            .bind(body)
            .bind(Utc::now())
            .fetch_one(pool)
            .await?
        }))
    }

    /// A person's learning log, newest first.
    pub async fn reflections(&self, user: i64) -> Result<Vec<Reflection>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, cohort_id, body, created_at, shared_post_id, lang FROM reflections WHERE user_id = $1 ORDER BY id DESC",
            )
            .bind(user)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Shares one of a person's reflections with their cohort, as a post, once.
    /// The post's id, or `None` when it is not theirs.
    pub async fn share_reflection(&self, reflection: i64, user: i64) -> Result<Option<i64>> {
        Ok(self
            .share_reflection_recorded(reflection, user, None)
            .await?
            .map(|(post, _)| post))
    }

    /// [`Db::share_reflection`], writing `event` (when given) with the new
    /// post, in one transaction: the post's id, and whether it is new (false
    /// when the reflection was shared already, and nothing is written).
    pub async fn share_reflection_recorded(
        &self,
        reflection: i64,
        user: i64,
        event: Option<&crate::audit::NewAuditEvent>,
    ) -> Result<Option<(i64, bool)>> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let found: Option<(i64, String, Option<i64>, String)> = sqlx::query_as(
                "SELECT cohort_id, body, shared_post_id, lang FROM reflections WHERE id = $1 AND user_id = $2",
            )
            .bind(reflection)
            .bind(user)
            .fetch_optional(&mut *tx)
            .await?;
            let post = match found {
                None => None,
                Some((_, _, Some(post), _)) => Some((post, false)),
                Some((cohort, body, None, lang)) => {
                    let post: i64 = sqlx::query_scalar(
                        "INSERT INTO posts (cohort_id, author_id, kind, body, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(cohort)
                    .bind(user)
                    .bind(ItemKind::Reflection.as_str())
                    .bind(&body)
                    .bind(&lang)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE reflections SET shared_post_id = $1 WHERE id = $2")
                        .bind(post)
                        .bind(reflection)
                        .execute(&mut *tx)
                        .await?;
                    if let Some(event) = event {
                        let mut e = event.clone();
                        e.subject = format!("reflection {reflection}, post {post}, {}", e.subject);
                        crate::audit::record_in!(tx, &e);
                    }
                    Some((post, true))
                }
            };
            tx.commit().await?;
            post
        }))
    }

    /// A person's latest notices, newest first.
    pub async fn notices(&self, user: i64, limit: i64) -> Result<Vec<Notice>> {
        let sql = format!(
            "SELECT n.id, n.kind, n.post_id, COALESCE(p.parent_id, p.id) AS thread_id, n.project_id, \
             {SESSION_PATH} AS session_path, u.display_name AS actor, n.created_at, n.read_at \
             FROM notifications n LEFT JOIN posts p ON p.id = n.post_id LEFT JOIN users u ON u.id = n.actor_id \
             {SESSION_JOIN} WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(user)
                .bind(limit)
                .fetch_all(pool)
                .await?
        }))
    }

    pub async fn unread_notices(&self, user: i64) -> Result<i64> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
            )
            .bind(user)
            .fetch_one(pool)
            .await?
        }))
    }

    pub async fn mark_notices_read(&self, user: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
            )
            .bind(Utc::now())
            .bind(user)
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}

/// Something a person did in a cohort space, read from the records
/// themselves; `other` is, for feedback, the item's author.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SpaceEvent {
    pub user_id: i64,
    pub at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub kind: SpaceEventKind,
    pub other: Option<i64>,
}

impl Db {
    /// Everything done in a cohort's space, in one query.
    pub async fn space_events(&self, cohort: i64) -> Result<Vec<SpaceEvent>> {
        use SpaceEventKind as K;
        let sql = format!(
            "SELECT author_id AS user_id, created_at AS at, \
               CASE WHEN parent_id IS NULL THEN '{shared}' ELSE '{comment}' END AS kind, CAST(NULL AS BIGINT) AS other \
             FROM posts WHERE cohort_id = $1 AND author_id IS NOT NULL \
             UNION ALL SELECT f.author_id, f.created_at, '{feedback}', p.author_id \
             FROM feedback f JOIN posts p ON p.id = f.post_id WHERE p.cohort_id = $1 AND f.author_id IS NOT NULL \
             UNION ALL SELECT r.user_id, r.created_at, '{reaction}', CAST(NULL AS BIGINT) \
             FROM reactions r JOIN posts p ON p.id = r.post_id WHERE p.cohort_id = $1 \
             UNION ALL SELECT c.user_id, c.created_at, '{commitment}', CAST(NULL AS BIGINT) \
             FROM commitments c JOIN cohort_sessions s ON s.id = c.session_id WHERE s.cohort_id = $1 \
             UNION ALL SELECT c.user_id, c.checked_at, CASE WHEN c.check_status = 'done' THEN '{kept}' ELSE '{checked}' END, \
               CAST(NULL AS BIGINT) \
             FROM commitments c JOIN cohort_sessions s ON s.id = c.session_id WHERE s.cohort_id = $1 AND c.checked_at IS NOT NULL",
            shared = K::Shared,
            comment = K::Comment,
            feedback = K::Feedback,
            reaction = K::Reaction,
            commitment = K::Commitment,
            kept = K::Kept,
            checked = K::Checked,
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(cohort).fetch_all(pool).await?
        }))
    }
}

/// A record the demo dates in the past, so its space has a history.
#[derive(Debug, Clone, Copy)]
pub enum Backdate {
    /// An item or comment.
    Item(i64),
    /// The feedback given on an item.
    FeedbackOn(i64),
    /// A commitment: when it was made.
    Commitment(i64),
    /// A commitment: when it was checked in.
    CheckIn(i64),
    /// Every enrolment in a cohort.
    Enrolments(i64),
}

impl Db {
    /// Moves a record's time into the past (demo data only).
    pub async fn backdate(&self, what: Backdate, at: DateTime<Utc>) -> Result<()> {
        let (sql, id) = match what {
            Backdate::Item(id) => ("UPDATE posts SET created_at = $1 WHERE id = $2", id),
            Backdate::FeedbackOn(id) => {
                ("UPDATE feedback SET created_at = $1 WHERE post_id = $2", id)
            }
            Backdate::Commitment(id) => {
                ("UPDATE commitments SET created_at = $1 WHERE id = $2", id)
            }
            Backdate::CheckIn(id) => ("UPDATE commitments SET checked_at = $1 WHERE id = $2", id),
            Backdate::Enrolments(cohort) => (
                "UPDATE enrolments SET created_at = $1 WHERE cohort_id = $2",
                cohort,
            ),
        };
        with_pool!(self, |pool| {
            sqlx::query(sql).bind(at).bind(id).execute(pool).await?;
        });
        Ok(())
    }
}
