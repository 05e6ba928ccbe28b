//! Personal data: what is held about a person, erasing it at their request,
//! and forgetting leads that never enrolled.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};

/// The domain of the placeholder address an erased account is given. No page
/// shows it: a person whose address ends so is shown as a former participant.
pub const ERASED_DOMAIN: &str = "@erased.invalid";

/// Whether `email` is the placeholder address of an erased account.
pub fn is_erased_address(email: &str) -> bool {
    email.ends_with(ERASED_DOMAIN)
}

/// A session's register entry for the person.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyAttendance {
    pub cohort: String,
    pub session: String,
    pub starts_at: DateTime<Utc>,
    pub status: String,
}

/// One answer of the person's capability self-assessment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyCapability {
    pub cohort: String,
    pub stage: String,
    pub question: String,
    pub score: i64,
}

/// A follow-up sent to the person, and what they answered.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyFollowup {
    pub cohort: String,
    pub months: i64,
    pub sent_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub still_in_use: Option<bool>,
}

/// What the person wrote in a cohort space: an item, a comment or a
/// reflection of their learning log, or feedback they gave.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyWords {
    pub cohort: String,
    pub kind: String,
    pub text: String,
    pub written_at: DateTime<Utc>,
}

/// One kind of record in a person's download: its name in the file, the
/// table (aliased `t`), which rows are theirs (`$1` is their account, or the
/// audit subject naming it), and the columns given.
struct Kind {
    name: &'static str,
    from: &'static str,
    mine: &'static str,
    by_subject: bool,
    columns: &'static [&'static str],
}

const KINDS: &[Kind] = &[
    Kind {
        name: "projects",
        from: "projects t",
        mine: "t.created_by = $1",
        by_subject: false,
        columns: &[
            "id",
            "cohort_id",
            "title",
            "problem",
            "business_function",
            "aim_measure",
            "aim_unit",
            "aim_baseline",
            "aim_target",
            "aim_by",
            "outcome_measures",
            "process_measures",
            "balancing_measures",
            "owners",
            "status",
            "visibility",
            "created_at",
            "updated_at",
        ],
    },
    Kind {
        name: "tool_applications",
        from: "tool_applications t",
        mine: "t.created_by = $1",
        by_subject: false,
        columns: &[
            "id",
            "project_id",
            "tool_id",
            "tool_version",
            "version",
            "data",
            "created_at",
        ],
    },
    Kind {
        name: "cycles",
        from: "cycles t",
        mine: "t.created_by = $1",
        by_subject: false,
        columns: &[
            "id",
            "project_id",
            "number",
            "change_idea",
            "prediction",
            "plan_who",
            "plan_what",
            "plan_when",
            "plan_where",
            "happened",
            "study",
            "decision",
            "tested_on",
            "created_at",
            "updated_at",
        ],
    },
    Kind {
        name: "readings",
        from: "readings t",
        mine: "t.created_by = $1",
        by_subject: false,
        columns: &[
            "id",
            "project_id",
            "taken_on",
            "value",
            "note",
            "created_at",
        ],
    },
    Kind {
        name: "claims",
        from: "benefit_versions t",
        mine: "t.line_id IN (SELECT line_id FROM benefit_versions WHERE created_by = $1)",
        by_subject: false,
        columns: &[
            "id",
            "line_id",
            "version",
            "description",
            "category",
            "savings_type",
            "frequency",
            "starts_on",
            "status",
            "amount_pence",
            "hours_hundredths",
            "hourly_rate_pence",
            "energy_kwh_milli",
            "waste_kg_milli",
            "waste_level",
            "fuel_litres_milli",
            "first_year_pence",
            "co2e_grams",
            "change_note",
            "verify_note",
            "verified_at",
            "created_at",
        ],
    },
    Kind {
        name: "post_versions",
        from: "post_versions t",
        mine: "t.post_id IN (SELECT id FROM posts WHERE author_id = $1)",
        by_subject: false,
        columns: &["id", "post_id", "body", "edited_at"],
    },
    Kind {
        name: "feedback_received",
        from: "feedback t JOIN posts p ON p.id = t.post_id",
        mine: "p.author_id = $1",
        by_subject: false,
        columns: &[
            "id",
            "post_id",
            "strong",
            "question",
            "suggestion",
            "created_at",
        ],
    },
    Kind {
        name: "reactions",
        from: "reactions t",
        mine: "t.user_id = $1",
        by_subject: false,
        columns: &["post_id", "kind", "created_at"],
    },
    Kind {
        name: "audit_events_about_them",
        from: "audit_events t",
        mine: "t.subject = $1",
        by_subject: true,
        columns: &["id", "at", "action", "subject", "detail"],
    },
];

/// The most rows of one kind a download holds.
const KIND_LIMIT: i64 = 50_000;

/// The kinds of record `my_entries` gives, by name.
pub fn entry_kinds() -> Vec<&'static str> {
    KINDS.iter().map(|k| k.name).collect()
}

impl Db {
    /// Every record of the kinds in `KINDS` that the person entered or that
    /// is about them, each row as its columns in text. One query per kind.
    pub async fn my_entries(
        &self,
        user: i64,
    ) -> Result<Vec<(&'static str, Vec<Vec<(&'static str, Option<String>)>>)>> {
        use sqlx::Row;
        let subject = format!("account {user}");
        let mut out = Vec::new();
        for k in KINDS {
            let columns = k
                .columns
                .iter()
                .map(|c| format!("CAST(t.{c} AS TEXT) AS {c}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "SELECT {columns} FROM {} WHERE {} ORDER BY t.{} LIMIT {KIND_LIMIT}",
                k.from, k.mine, k.columns[0]
            );
            let rows: Vec<Vec<(&'static str, Option<String>)>> = with_pool!(self, |pool| {
                let q = sqlx::query(&sql);
                let q = if k.by_subject {
                    q.bind(subject.clone())
                } else {
                    q.bind(user)
                };
                let mut rows = Vec::new();
                for r in q.fetch_all(pool).await? {
                    let mut row = Vec::new();
                    for (i, c) in k.columns.iter().enumerate() {
                        row.push((*c, r.try_get::<Option<String>, _>(i)?));
                    }
                    rows.push(row);
                }
                rows
            });
            out.push((k.name, rows));
        }
        Ok(out)
    }

    /// Everything a person wrote in cohort spaces: items and comments,
    /// feedback, commitments with their check-ins, and their learning log. One query.
    pub async fn my_words(&self, user: i64) -> Result<Vec<MyWords>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT c.slug AS cohort, p.kind, p.body AS text, p.created_at AS written_at FROM posts p \
                 JOIN cohorts c ON c.id = p.cohort_id WHERE p.author_id = $1 \
                 UNION ALL SELECT c.slug, 'feedback', f.strong || ' | ' || f.question || ' | ' || f.suggestion, f.created_at \
                 FROM feedback f JOIN posts p ON p.id = f.post_id JOIN cohorts c ON c.id = p.cohort_id WHERE f.author_id = $1 \
                 UNION ALL SELECT c.slug, 'commitment', m.body || ' | ' || COALESCE(m.check_status, '') || ' | ' || m.check_note, m.created_at \
                 FROM commitments m JOIN cohort_sessions s ON s.id = m.session_id JOIN cohorts c ON c.id = s.cohort_id WHERE m.user_id = $1 \
                 UNION ALL SELECT c.slug, 'learning_log', r.body, r.created_at \
                 FROM reflections r JOIN cohorts c ON c.id = r.cohort_id WHERE r.user_id = $1 \
                 UNION ALL SELECT c.slug, 'live_note', n.heading || ' | ' || n.body, n.created_at \
                 FROM live_notes n JOIN live_activities a ON a.id = n.activity_id JOIN live_sessions ls ON ls.id = a.live_id \
                 JOIN cohort_sessions s ON s.id = ls.session_id JOIN cohorts c ON c.id = s.cohort_id WHERE n.user_id = $1 \
                 UNION ALL SELECT c.slug, 'live_line', w.body, w.answered_at \
                 FROM live_answers w JOIN live_activities a ON a.id = w.activity_id JOIN live_sessions ls ON ls.id = a.live_id \
                 JOIN cohort_sessions s ON s.id = ls.session_id JOIN cohorts c ON c.id = s.cohort_id \
                 WHERE w.user_id = $1 AND w.body <> '' \
                 ORDER BY written_at",
            )
            .bind(user)
            .fetch_all(pool)
            .await?
        }))
    }

    /// What the registers, the self-assessment and the follow-ups hold about a
    /// person, for their own download. Three queries.
    pub async fn my_records(
        &self,
        user: i64,
    ) -> Result<(Vec<MyAttendance>, Vec<MyCapability>, Vec<MyFollowup>)> {
        Ok(with_pool!(self, |pool| {
            let attendance = sqlx::query_as(
                "SELECT c.slug AS cohort, s.title AS session, s.starts_at, a.status FROM attendance a \
                 JOIN cohort_sessions s ON s.id = a.session_id JOIN cohorts c ON c.id = s.cohort_id \
                 WHERE a.user_id = $1 ORDER BY s.starts_at",
            )
            .bind(user)
            .fetch_all(pool)
            .await?;
            let capability = sqlx::query_as(
                "SELECT c.slug AS cohort, a.stage, a.question, a.score FROM capability_answers a \
                 JOIN cohorts c ON c.id = a.cohort_id WHERE a.user_id = $1 ORDER BY a.id",
            )
            .bind(user)
            .fetch_all(pool)
            .await?;
            let followups = sqlx::query_as(
                "SELECT c.slug AS cohort, f.months, f.sent_at, f.completed_at, f.still_in_use FROM followups f \
                 JOIN cohorts c ON c.id = f.cohort_id WHERE f.user_id = $1 ORDER BY f.sent_at",
            )
            .bind(user)
            .fetch_all(pool)
            .await?;
            (attendance, capability, followups)
        }))
    }

    /// Erases a person's personal data in one transaction: their account becomes
    /// a placeholder (no name, no email, no password, no sessions or links),
    /// their name is taken out of the projects and cycles that carry it, and the
    /// leads from their address become anonymous funnel entries. Enrolments, benefit lines and every
    /// figure stay, attributed to a former participant.
    /// The erasure's audit event `event` is recorded in the same transaction.
    pub async fn erase_user(
        &self,
        id: i64,
        former: &str,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<bool> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let who: Option<(String, String)> = sqlx::query_as(
                "SELECT email, display_name FROM users WHERE id = $1 AND erased_at IS NULL",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((email, name)) = who else {
                return Ok(false);
            };
            sqlx::query(
                "UPDATE users SET email = $1, display_name = '', password_hash = NULL, erased_at = $2, \
                 unsubscribe_token = NULL, notify_mode = 'off' WHERE id = $3",
            )
            .bind(format!("erased-{id}{ERASED_DOMAIN}"))
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            for sql in [
                "DELETE FROM sessions WHERE user_id = $1",
                "DELETE FROM tokens WHERE user_id = $1",
                "DELETE FROM api_tokens WHERE user_id = $1",
                "DELETE FROM calendar_feeds WHERE user_id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut *tx).await?;
            }
            sqlx::query("DELETE FROM login_attempts WHERE lower(account) = lower($1)")
                .bind(&email)
                .execute(&mut *tx)
                .await?;
            // Emails to them, sent or waiting, name them.
            sqlx::query("DELETE FROM mail_queue WHERE lower(to_addr) = lower($1)")
                .bind(&email)
                .execute(&mut *tx)
                .await?;
            // What they wrote in cohort spaces is theirs: the words go, the
            // items stay (removed) so that threads and counts keep their shape.
            for sql in [
                "DELETE FROM post_versions WHERE edited_by = $1 OR post_id IN (SELECT id FROM posts WHERE author_id = $1)",
                "UPDATE feedback SET strong = '', question = '', suggestion = '' WHERE author_id = $1",
                "DELETE FROM commitments WHERE user_id = $1",
                "DELETE FROM reflections WHERE user_id = $1",
                "DELETE FROM attachments WHERE uploaded_by = $1",
                "DELETE FROM notifications WHERE user_id = $1",
                "UPDATE live_notes SET body = '' WHERE user_id = $1",
                "UPDATE live_answers SET body = '' WHERE user_id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE posts SET body = '', deleted_at = COALESCE(deleted_at, $1) WHERE author_id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            // Their leads stay as anonymous entries of the funnel: status,
            // programme, area and dates are kept so that no count changes;
            // everything that names or reaches them goes.
            sqlx::query(
                "UPDATE leads SET name = '', email = '', phone = '', notes = '', organisation_name = '', \
                 recheck = FALSE, recheck_token_hash = NULL \
                 WHERE user_id = $1 OR (email <> '' AND lower(email) = lower($2))",
            )
            .bind(id)
                .bind(&email)
                .execute(&mut *tx)
                .await?;
            if !name.trim().is_empty() {
                for sql in [
                    "UPDATE projects SET owners = REPLACE(owners, $1, $2) WHERE owners LIKE '%' || $1 || '%'",
                    "UPDATE cycles SET plan_who = REPLACE(plan_who, $1, $2) WHERE plan_who LIKE '%' || $1 || '%'",
                    "UPDATE posts SET body = REPLACE(body, $1, $2) WHERE body LIKE '%' || $1 || '%'",
                    "UPDATE post_versions SET body = REPLACE(body, $1, $2) WHERE body LIKE '%' || $1 || '%'",
                ] {
                    sqlx::query(sql)
                        .bind(&name)
                        .bind(former)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        // The search index forgets their words for good, not just marks them gone.
        if let Db::Sqlite(pool) = self {
            sqlx::query("INSERT INTO search_index (search_index) VALUES ('optimize')")
                .execute(pool)
                .await?;
        }
        Ok(true)
    }

    /// Removes leads that never became an enrolment and came before `before`.
    /// A lead that agreed to take the check again is kept until its 12-month
    /// invitation went before `invited_again_before`, so that the invitations
    /// can be sent and answered.
    pub async fn forget_old_leads(
        &self,
        before: DateTime<Utc>,
        invited_again_before: DateTime<Utc>,
    ) -> Result<u64> {
        Ok(with_pool!(self, |pool| sqlx::query(
            "DELETE FROM leads WHERE user_id IS NULL AND created_at < $1 \
             AND (NOT recheck OR rechecked_12_at < $2)"
        )
        .bind(before)
        .bind(invited_again_before)
        .execute(pool)
        .await?
        .rows_affected()))
    }
}
