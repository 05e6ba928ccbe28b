//! Live sessions as stored (see `docs/live.md`): the live session of a
//! scheduled session, its activities, who joined, the notes, votes and
//! "I'm done" of each activity. Every change moves the live session's version
//! on in the same transaction, which is how every screen on every server
//! learns that there is something new to draw.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, Utc};
use ymarfer_domain::live::{Kind, Quadrant, Stage};

/// A live session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Live {
    pub id: i64,
    pub session_id: i64,
    pub code: String,
    pub started_by: Option<i64>,
    pub started_at: DateTime<Utc>,
    /// When the code stops working: the session's end.
    pub ends_at: DateTime<Utc>,
    pub current_activity: Option<i64>,
    pub version: i64,
}

/// One activity of a live session's running order.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Activity {
    pub id: i64,
    pub live_id: i64,
    pub position: i64,
    pub tool_id: String,
    pub prompt: String,
    /// The language the prompt was written in.
    pub prompt_lang: String,
    #[sqlx(try_from = "String")]
    pub stage: Stage,
    pub votes_each: i64,
    pub timer_ends_at: Option<DateTime<Utc>>,
    pub post_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub kind: Kind,
    /// A poll's options, one a line.
    pub choices: String,
    /// The brainstorm whose ideas a placement places.
    pub source_id: Option<i64>,
}

impl Activity {
    /// A poll's options.
    pub fn options(&self) -> Vec<&str> {
        self.choices.lines().filter(|l| !l.is_empty()).collect()
    }
}

/// An activity prepared for the running order: a poll, a round or a placement.
#[derive(Debug, Clone)]
pub struct NewActivity<'a> {
    pub kind: Kind,
    pub prompt: &'a str,
    pub prompt_lang: &'a str,
    /// A poll's options, one a line.
    pub choices: &'a str,
    pub source: Option<i64>,
}

/// An activity of a running order saved as a template.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TemplateItem {
    pub position: i64,
    #[sqlx(try_from = "String")]
    pub kind: Kind,
    pub tool_id: String,
    pub prompt: String,
    pub prompt_lang: String,
    pub choices: String,
    pub votes_each: i64,
    /// For a placement: the position of the brainstorm it places.
    pub source_position: Option<i64>,
}

/// A saved running order: its name and how many activities it has.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Template {
    pub id: i64,
    pub programme_id: i64,
    pub name: String,
    pub items: i64,
}

/// A person's answer to a poll, or their line in a round of the room.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Answer {
    pub user_id: i64,
    /// Its writer's name (none once they are erased).
    pub author: Option<String>,
    /// The options picked, as stored (`"0,2"`).
    pub choice: String,
    pub body: String,
    pub lang: String,
}

/// A note, with who wrote it for which firm and its votes.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Note {
    pub id: i64,
    pub user_id: Option<i64>,
    /// Its writer's name (none once they are erased).
    pub author: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation: Option<String>,
    pub heading: String,
    pub body: String,
    pub lang: String,
    pub votes: i64,
}

/// A note as written.
#[derive(Debug, Clone)]
pub struct NewNote<'a> {
    pub activity: i64,
    pub user: i64,
    pub organisation: Option<i64>,
    pub heading: &'a str,
    pub body: &'a str,
    pub lang: &'a str,
    /// The one-time key the phone sent it with: sent again, it is one note.
    pub key: &'a str,
}

/// What became of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voted {
    /// Cast (or taken back).
    Done,
    /// Every vote is spent already; nothing changed.
    NoneLeft,
}

/// One firm's tool, landed: a new version of its application of the tool.
#[derive(Debug, Clone)]
pub struct Landing {
    pub project: i64,
    pub tool_id: String,
    pub tool_version: i64,
    pub data: String,
    /// The version the new one was made from (none when it had none): if the
    /// firm has saved another since, nothing is written.
    pub based_on: Option<i64>,
}

/// What became of closing an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landed {
    Done,
    /// Closed already (sent twice); nothing changed.
    AlreadyClosed,
    /// A firm's tool changed since it was read; nothing changed: read again.
    Moved,
}

const LIVE_COLUMNS: &str =
    "id, session_id, code, started_by, started_at, ends_at, current_activity, version";
const ACTIVITY_COLUMNS: &str = "id, live_id, position, tool_id, prompt, prompt_lang, stage, votes_each, timer_ends_at, post_id, kind, choices, source_id";

/// Moves a live session's version on, in the open transaction `$tx`.
macro_rules! moved_on {
    ($tx:ident, $live:expr) => {
        sqlx::query("UPDATE live_sessions SET version = version + 1 WHERE id = $1")
            .bind($live)
            .execute(&mut *$tx)
            .await?;
    };
}

impl Db {
    /// Starts the live session of a scheduled session with `code`, recording
    /// `event`; a session already live is answered as it is (false). `None`
    /// when another live session holds the code: try another.
    pub async fn start_live(
        &self,
        session_id: i64,
        code: &str,
        by: i64,
        ends_at: DateTime<Utc>,
        event: &NewAuditEvent,
    ) -> Result<Option<(Live, bool)>> {
        let now = Utc::now();
        let find = format!("SELECT {LIVE_COLUMNS} FROM live_sessions WHERE session_id = $1");
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            if let Some(live) = sqlx::query_as::<_, Live>(&find)
                .bind(session_id)
                .fetch_optional(&mut *tx)
                .await?
            {
                return Ok(Some((live, false)));
            }
            let made: Option<i64> = sqlx::query_scalar(
                "INSERT INTO live_sessions (session_id, code, started_by, started_at, ends_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(session_id)
            .bind(code)
            .bind(by)
            .bind(now)
            .bind(ends_at)
            .fetch_optional(&mut *tx)
            .await?;
            if made.is_none() {
                // Started at the same moment elsewhere, or the code is taken.
                let live: Option<Live> = sqlx::query_as(&find)
                    .bind(session_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                return Ok(live.map(|l| (l, false)));
            }
            crate::audit::record_in!(tx, event);
            let live: Live = sqlx::query_as(&find)
                .bind(session_id)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Some((live, true))
        }))
    }

    /// Sets when a live session's code stops working (the demo's finished
    /// session, run before its records are dated back).
    pub async fn set_live_ends_at(&self, live: i64, ends_at: DateTime<Utc>) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE live_sessions SET ends_at = $1 WHERE id = $2")
                .bind(ends_at)
                .bind(live)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The live session a code opens.
    pub async fn live_by_code(&self, code: &str) -> Result<Option<Live>> {
        let sql = format!("SELECT {LIVE_COLUMNS} FROM live_sessions WHERE code = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(code)
            .fetch_optional(pool)
            .await?))
    }

    /// The live session of a scheduled session, if it was started.
    pub async fn live_of_session(&self, session_id: i64) -> Result<Option<Live>> {
        let sql = format!("SELECT {LIVE_COLUMNS} FROM live_sessions WHERE session_id = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(session_id)
            .fetch_optional(pool)
            .await?))
    }

    /// A live session's version: what every screen compares with its own.
    pub async fn live_version(&self, live: i64) -> Result<Option<i64>> {
        Ok(with_pool!(self, |pool| sqlx::query_scalar(
            "SELECT version FROM live_sessions WHERE id = $1"
        )
        .bind(live)
        .fetch_optional(pool)
        .await?))
    }

    /// The running order of a live session.
    pub async fn live_activities(&self, live: i64) -> Result<Vec<Activity>> {
        let sql = format!(
            "SELECT {ACTIVITY_COLUMNS} FROM live_activities WHERE live_id = $1 ORDER BY position"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(live)
            .fetch_all(pool)
            .await?))
    }

    /// Adds an activity to the end of the running order. The same tool and
    /// prompt waiting to run already is that activity (a form sent twice).
    pub async fn plan_live_activity(
        &self,
        live: i64,
        tool_id: &str,
        (prompt, prompt_lang): (&str, &str),
        votes_each: i64,
    ) -> Result<(i64, bool)> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "live_sessions", "version", live);
            let same: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM live_activities WHERE live_id = $1 AND tool_id = $2 AND prompt = $3 \
                 AND stage = 'ready' ORDER BY id LIMIT 1",
            )
            .bind(live)
            .bind(tool_id)
            .bind(prompt)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = same {
                return Ok((id, false));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO live_activities (live_id, position, tool_id, prompt, prompt_lang, votes_each, created_at) \
                 SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $6, $4, $5 FROM live_activities WHERE live_id = $1 \
                 RETURNING id",
            )
            .bind(live)
            .bind(tool_id)
            .bind(prompt)
            .bind(votes_each)
            .bind(now)
            .bind(prompt_lang)
            .fetch_one(&mut *tx)
            .await?;
            moved_on!(tx, live);
            tx.commit().await?;
            (id, true)
        }))
    }

    /// Moves an activity from `from` to `to` (not to closed: see
    /// [`Db::land_live_activity`]). Opening one for writing makes it the one
    /// every screen shows. False when it was not at `from` (sent twice).
    pub async fn set_live_stage(
        &self,
        live: i64,
        activity: i64,
        from: Stage,
        to: Stage,
    ) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let moved = sqlx::query(
                "UPDATE live_activities SET stage = $1 WHERE id = $2 AND live_id = $3 AND stage = $4",
            )
            .bind(to.as_str())
            .bind(activity)
            .bind(live)
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !moved {
                return Ok(false);
            }
            if to == Stage::Writing {
                sqlx::query("UPDATE live_sessions SET current_activity = $1 WHERE id = $2")
                    .bind(activity)
                    .bind(live)
                    .execute(&mut *tx)
                    .await?;
            }
            moved_on!(tx, live);
            tx.commit().await?;
            true
        }))
    }

    /// Sets (or, with none, stops) an activity's timer.
    pub async fn set_live_timer(
        &self,
        live: i64,
        activity: i64,
        ends_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE live_activities SET timer_ends_at = $1 WHERE id = $2 AND live_id = $3",
            )
            .bind(ends_at)
            .bind(activity)
            .bind(live)
            .execute(&mut *tx)
            .await?;
            moved_on!(tx, live);
            tx.commit().await?;
        });
        Ok(())
    }

    /// A person joins: the first time, they are marked present on the
    /// session's register (a correction the facilitator makes later stands,
    /// however often they join again). True the first time.
    pub async fn join_live(&self, live: &Live, user: i64) -> Result<bool> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let first: Option<i64> = sqlx::query_scalar(
                "INSERT INTO live_joins (live_id, user_id, joined_at) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING RETURNING user_id",
            )
            .bind(live.id)
            .bind(user)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if first.is_none() {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO attendance (session_id, user_id, status, recorded_by, recorded_at) \
                 VALUES ($1, $2, 'present', $2, $3) \
                 ON CONFLICT (session_id, user_id) DO UPDATE SET status = 'present', recorded_by = $2, recorded_at = $3",
            )
            .bind(live.session_id)
            .bind(user)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            moved_on!(tx, live.id);
            tx.commit().await?;
            true
        }))
    }

    /// Who has joined a live session.
    pub async fn live_joined(&self, live: i64) -> Result<Vec<i64>> {
        Ok(with_pool!(self, |pool| sqlx::query_scalar(
            "SELECT user_id FROM live_joins WHERE live_id = $1 ORDER BY user_id"
        )
        .bind(live)
        .fetch_all(pool)
        .await?))
    }

    /// Saves a note as sent, while its activity is open for writing. `None`
    /// when the same note was saved before (its key) or writing has closed.
    pub async fn add_live_note(&self, live: i64, n: &NewNote<'_>) -> Result<Option<i64>> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO live_notes (activity_id, user_id, organisation_id, heading, body, lang, client_key, created_at) \
                 SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM live_activities \
                 WHERE id = $1 AND live_id = $9 AND stage = 'writing' \
                 ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(n.activity)
            .bind(n.user)
            .bind(n.organisation)
            .bind(n.heading)
            .bind(n.body)
            .bind(n.lang)
            .bind(n.key)
            .bind(now)
            .bind(live)
            .fetch_optional(&mut *tx)
            .await?;
            if id.is_some() {
                moved_on!(tx, live);
            }
            tx.commit().await?;
            id
        }))
    }

    /// Every note of an activity with its votes, in the order written. One query.
    pub async fn live_notes(&self, activity: i64) -> Result<Vec<Note>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
            "SELECT n.id, n.user_id, CASE WHEN u.erased_at IS NULL THEN u.display_name END AS author, \
             n.organisation_id, o.name AS organisation, n.heading, n.body, n.lang, \
             (SELECT COUNT(*) FROM live_votes v WHERE v.note_id = n.id) AS votes \
             FROM live_notes n LEFT JOIN users u ON u.id = n.user_id \
             LEFT JOIN organisations o ON o.id = n.organisation_id \
             WHERE n.activity_id = $1 ORDER BY n.id"
        )
        .bind(activity)
        .fetch_all(pool)
        .await?
        }))
    }

    /// The notes a person has voted for in an activity.
    pub async fn live_votes_of(&self, activity: i64, user: i64) -> Result<Vec<i64>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
            "SELECT note_id FROM live_votes WHERE activity_id = $1 AND user_id = $2 ORDER BY note_id"
        )
        .bind(activity)
        .bind(user)
        .fetch_all(pool)
        .await?
        }))
    }

    /// Casts a vote for a note (or, with `on` false, takes it back), while
    /// the activity is voting and the person has votes left. The person's
    /// votes are counted under a lock on the activity, so two taps at once
    /// never spend more than `votes_each`.
    pub async fn vote_live(
        &self,
        live: i64,
        activity: i64,
        note: i64,
        user: i64,
        on: bool,
    ) -> Result<Voted> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "live_activities", "votes_each", activity);
            let open: Option<i64> = sqlx::query_scalar(
                "SELECT a.votes_each FROM live_activities a JOIN live_notes n ON n.activity_id = a.id \
                 WHERE a.id = $1 AND a.live_id = $2 AND a.stage = 'voting' AND n.id = $3",
            )
            .bind(activity)
            .bind(live)
            .bind(note)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(votes_each) = open else {
                return Ok(Voted::NoneLeft);
            };
            let changed = if on {
                let mine: Vec<i64> = sqlx::query_scalar(
                    "SELECT note_id FROM live_votes WHERE activity_id = $1 AND user_id = $2",
                )
                .bind(activity)
                .bind(user)
                .fetch_all(&mut *tx)
                .await?;
                if mine.contains(&note) {
                    // Voted for it already: the same vote sent again.
                    return Ok(Voted::Done);
                }
                if mine.len() as i64 >= votes_each {
                    return Ok(Voted::NoneLeft);
                }
                sqlx::query(
                    "INSERT INTO live_votes (note_id, user_id, activity_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                )
                .bind(note)
                .bind(user)
                .bind(activity)
                .execute(&mut *tx)
                .await?
                .rows_affected()
            } else {
                sqlx::query("DELETE FROM live_votes WHERE note_id = $1 AND user_id = $2")
                    .bind(note)
                    .bind(user)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
            };
            if changed > 0 {
                moved_on!(tx, live);
            }
            tx.commit().await?;
            Voted::Done
        }))
    }

    /// A person says they have finished the activity. True the first time.
    pub async fn done_live(&self, live: i64, activity: i64, user: i64) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let first = sqlx::query(
                "INSERT INTO live_done (activity_id, user_id) SELECT id, $2 FROM live_activities \
                 WHERE id = $1 AND live_id = $3 ON CONFLICT DO NOTHING",
            )
            .bind(activity)
            .bind(user)
            .bind(live)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if first {
                moved_on!(tx, live);
            }
            tx.commit().await?;
            first
        }))
    }

    /// Who has said they have finished an activity.
    pub async fn live_done(&self, activity: i64) -> Result<Vec<i64>> {
        Ok(with_pool!(self, |pool| sqlx::query_scalar(
            "SELECT user_id FROM live_done WHERE activity_id = $1 ORDER BY user_id"
        )
        .bind(activity)
        .fetch_all(pool)
        .await?))
    }

    /// For each firm, its project in a cohort that a live session's work
    /// lands in (its most recently active), and that project's latest
    /// version of a tool: (organisation, project, problem or title, latest
    /// version and data of the tool, if any). One query.
    pub async fn landing_projects(
        &self,
        cohort: i64,
        tool_id: &str,
    ) -> Result<Vec<(i64, i64, String, Option<i64>, Option<String>)>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
            "SELECT p.organisation_id, p.id, CASE WHEN p.problem = '' THEN p.title ELSE p.problem END, \
             a.version, a.data FROM projects p \
             LEFT JOIN tool_applications a ON a.project_id = p.id AND a.tool_id = $2 AND a.version = \
             (SELECT MAX(version) FROM tool_applications b WHERE b.project_id = p.id AND b.tool_id = $2) \
             WHERE p.cohort_id = $1 AND p.id = (SELECT q.id FROM projects q WHERE q.cohort_id = $1 \
             AND q.organisation_id = p.organisation_id ORDER BY q.updated_at DESC, q.id DESC LIMIT 1) \
             ORDER BY p.organisation_id"
        )
        .bind(cohort)
        .bind(tool_id)
        .fetch_all(pool)
        .await?
        }))
    }

    /// Closes an activity and lands what it made, in one transaction: each
    /// firm's new tool version, the cohort's post of the result (made by
    /// `post`, given the version written), and `event`. Nothing is written
    /// when it was closed already, or when a firm's tool moved since it was
    /// read.
    #[allow(clippy::too_many_arguments)]
    pub async fn land_live_activity(
        &self,
        live: i64,
        activity: i64,
        from: Stage,
        landings: &[Landing],
        post: Option<&crate::space::NewItem<'_>>,
        by: Option<i64>,
        event: &NewAuditEvent,
    ) -> Result<Landed> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let closed = sqlx::query(
                "UPDATE live_activities SET stage = 'closed' WHERE id = $1 AND live_id = $2 AND stage = $3",
            )
            .bind(activity)
            .bind(live)
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !closed {
                return Ok(Landed::AlreadyClosed);
            }
            for l in landings {
                let last: Option<i64> = sqlx::query_scalar(
                    "SELECT MAX(version) FROM tool_applications WHERE project_id = $1 AND tool_id = $2",
                )
                .bind(l.project)
                .bind(&l.tool_id)
                .fetch_one(&mut *tx)
                .await?;
                if last != l.based_on {
                    return Ok(Landed::Moved);
                }
                sqlx::query(
                    "INSERT INTO tool_applications (project_id, tool_id, tool_version, version, data, created_by, created_at, lang) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT lang FROM projects WHERE id = $1))",
                )
                .bind(l.project)
                .bind(&l.tool_id)
                .bind(l.tool_version)
                .bind(last.unwrap_or(0) + 1)
                .bind(&l.data)
                .bind(by)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                sqlx::query(crate::projects::TOUCH_PROJECT)
                    .bind(now)
                    .bind(l.project)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some(item) = post {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO posts (cohort_id, author_id, kind, body, lang, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(item.cohort)
                .bind(item.author)
                .bind(item.kind.as_str())
                .bind(item.body)
                .bind(item.lang.code())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("UPDATE live_activities SET post_id = $1 WHERE id = $2")
                    .bind(id)
                    .bind(activity)
                    .execute(&mut *tx)
                    .await?;
            }
            crate::audit::record_in!(tx, event);
            moved_on!(tx, live);
            tx.commit().await?;
            Landed::Done
        }))
    }

    /// Adds a poll, a round of the room or a placement to the end of the
    /// running order. The same one waiting to run already is that activity
    /// (a form sent twice).
    pub async fn prepare_live_activity(
        &self,
        live: i64,
        a: &NewActivity<'_>,
    ) -> Result<(i64, bool)> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "live_sessions", "version", live);
            let same: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM live_activities WHERE live_id = $1 AND kind = $2 AND prompt = $3 \
                 AND choices = $4 AND COALESCE(source_id, 0) = COALESCE($5, 0) AND stage = 'ready' ORDER BY id LIMIT 1",
            )
            .bind(live)
            .bind(a.kind.as_str())
            .bind(a.prompt)
            .bind(a.choices)
            .bind(a.source)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = same {
                return Ok((id, false));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO live_activities (live_id, position, tool_id, prompt, prompt_lang, kind, choices, source_id, created_at) \
                 SELECT $1, COALESCE(MAX(position), 0) + 1, '', $2, $3, $4, $5, $6, $7 FROM live_activities WHERE live_id = $1 \
                 RETURNING id",
            )
            .bind(live)
            .bind(a.prompt)
            .bind(a.prompt_lang)
            .bind(a.kind.as_str())
            .bind(a.choices)
            .bind(a.source)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            moved_on!(tx, live);
            tx.commit().await?;
            (id, true)
        }))
    }

    /// A person's answer to a poll (`choice`) or line in a round (`body`, in
    /// `lang`), replacing any they gave before, while the activity is open.
    /// False when it is not open, or the answer is the one they gave already.
    pub async fn answer_live(
        &self,
        live: i64,
        activity: i64,
        user: i64,
        (choice, body, lang): (&str, &str, &str),
    ) -> Result<bool> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "INSERT INTO live_answers (activity_id, user_id, choice, body, lang, answered_at) \
                 SELECT id, $2, $3, $4, $5, $6 FROM live_activities WHERE id = $1 AND live_id = $7 AND stage = 'writing' \
                 ON CONFLICT (activity_id, user_id) DO UPDATE SET choice = excluded.choice, body = excluded.body, \
                 lang = excluded.lang, answered_at = excluded.answered_at \
                 WHERE live_answers.choice <> excluded.choice OR live_answers.body <> excluded.body \
                 OR live_answers.lang <> excluded.lang",
            )
            .bind(activity)
            .bind(user)
            .bind(choice)
            .bind(body)
            .bind(lang)
            .bind(now)
            .bind(live)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if changed {
                moved_on!(tx, live);
            }
            tx.commit().await?;
            changed
        }))
    }

    /// Every answer or line of an activity, in the order first given. One query.
    pub async fn live_answers(&self, activity: i64) -> Result<Vec<Answer>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT w.user_id, CASE WHEN u.erased_at IS NULL THEN u.display_name END AS author, \
                 w.choice, w.body, w.lang FROM live_answers w JOIN users u ON u.id = w.user_id \
                 WHERE w.activity_id = $1 ORDER BY w.answered_at, w.user_id",
            )
            .bind(activity)
            .fetch_all(pool)
            .await?
        }))
    }

    /// A person places an idea of the brainstorm a placement places, replacing
    /// where they placed it before, while the placement is open. False when
    /// it is not open, or the idea is not one of that brainstorm's.
    pub async fn place_live(
        &self,
        live: i64,
        activity: i64,
        note: i64,
        user: i64,
        quadrant: Quadrant,
    ) -> Result<bool> {
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "INSERT INTO live_places (activity_id, note_id, user_id, quadrant) \
                 SELECT a.id, n.id, $3, $4 FROM live_activities a JOIN live_notes n ON n.activity_id = a.source_id \
                 WHERE a.id = $1 AND a.live_id = $5 AND a.stage = 'writing' AND n.id = $2 \
                 ON CONFLICT (activity_id, note_id, user_id) DO UPDATE SET quadrant = excluded.quadrant \
                 WHERE live_places.quadrant <> excluded.quadrant",
            )
            .bind(activity)
            .bind(note)
            .bind(user)
            .bind(quadrant.as_str())
            .bind(live)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if changed {
                moved_on!(tx, live);
            }
            tx.commit().await?;
            changed
        }))
    }

    /// How many placed each idea in each quadrant: (note, quadrant, count).
    /// One query.
    pub async fn live_places(&self, activity: i64) -> Result<Vec<(i64, Quadrant, i64)>> {
        let rows: Vec<(i64, String, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT note_id, quadrant, COUNT(*) FROM live_places WHERE activity_id = $1 \
                 GROUP BY note_id, quadrant ORDER BY note_id",
            )
            .bind(activity)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(n, q, c)| Quadrant::parse(&q).map(|q| (n, q, c)))
            .collect())
    }

    /// Where a person placed each idea of a placement.
    pub async fn live_places_of(&self, activity: i64, user: i64) -> Result<Vec<(i64, Quadrant)>> {
        let rows: Vec<(i64, String)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT note_id, quadrant FROM live_places WHERE activity_id = $1 AND user_id = $2 ORDER BY note_id",
            )
            .bind(activity)
            .bind(user)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(n, q)| Quadrant::parse(&q).map(|q| (n, q)))
            .collect())
    }

    /// Saves a running order as a programme's template named `name`: saved
    /// again under the same name, its activities are replaced. The
    /// template's id, and whether it was new.
    pub async fn save_live_template(
        &self,
        programme: i64,
        name: &str,
        by: i64,
        items: &[TemplateItem],
    ) -> Result<(i64, bool)> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let made: Option<i64> = sqlx::query_scalar(
                "INSERT INTO live_templates (programme_id, name, created_by, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (programme_id, name) DO NOTHING RETURNING id",
            )
            .bind(programme)
            .bind(name)
            .bind(by)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let id: i64 = match made {
                Some(id) => id,
                None => {
                    let id: i64 = sqlx::query_scalar(
                        "SELECT id FROM live_templates WHERE programme_id = $1 AND name = $2",
                    )
                    .bind(programme)
                    .bind(name)
                    .fetch_one(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE live_templates SET updated_at = $1 WHERE id = $2")
                        .bind(now)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("DELETE FROM live_template_items WHERE template_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    id
                }
            };
            for i in items {
                sqlx::query(
                    "INSERT INTO live_template_items (template_id, position, kind, tool_id, prompt, prompt_lang, \
                     choices, votes_each, source_position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(id)
                .bind(i.position)
                .bind(i.kind.as_str())
                .bind(&i.tool_id)
                .bind(&i.prompt)
                .bind(&i.prompt_lang)
                .bind(&i.choices)
                .bind(i.votes_each)
                .bind(i.source_position)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            (id, made.is_some())
        }))
    }

    /// A programme's saved running orders, by name. One query.
    pub async fn live_templates(&self, programme: i64) -> Result<Vec<Template>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT t.id, t.programme_id, t.name, \
                 (SELECT COUNT(*) FROM live_template_items i WHERE i.template_id = t.id) AS items \
                 FROM live_templates t WHERE t.programme_id = $1 ORDER BY t.name",
            )
            .bind(programme)
            .fetch_all(pool)
            .await?
        }))
    }

    /// A saved running order, with its activities in order.
    pub async fn live_template(&self, id: i64) -> Result<Option<(Template, Vec<TemplateItem>)>> {
        Ok(with_pool!(self, |pool| {
            let template: Option<Template> = sqlx::query_as(
                "SELECT t.id, t.programme_id, t.name, \
                 (SELECT COUNT(*) FROM live_template_items i WHERE i.template_id = t.id) AS items \
                 FROM live_templates t WHERE t.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?;
            match template {
                None => None,
                Some(t) => {
                    let items = sqlx::query_as(
                        "SELECT position, kind, tool_id, prompt, prompt_lang, choices, votes_each, source_position \
                         FROM live_template_items WHERE template_id = $1 ORDER BY position",
                    )
                    .bind(id)
                    .fetch_all(pool)
                    .await?;
                    Some((t, items))
                }
            }
        }))
    }

    /// Adds a saved running order's activities to the end of a live
    /// session's, each waiting to run, a placement placing the brainstorm
    /// added with it. The form's one-time `key`: sent again, nothing is
    /// added (false).
    pub async fn apply_live_template(
        &self,
        live: i64,
        items: &[TemplateItem],
        key: &str,
    ) -> Result<bool> {
        let now = Utc::now();
        let key = format!("live-template:{key}");
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "live_sessions", "version", live);
            if !crate::health::first_use!(tx, Some(key.as_str())) {
                return Ok(false);
            }
            let mut added: Vec<(i64, i64)> = Vec::new();
            for i in items {
                let source = i
                    .source_position
                    .and_then(|p| added.iter().find(|(pos, _)| *pos == p).map(|(_, id)| *id));
                if i.kind == Kind::Placement && source.is_none() {
                    continue;
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO live_activities (live_id, position, tool_id, prompt, prompt_lang, votes_each, kind, choices, source_id, created_at) \
                     SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM live_activities WHERE live_id = $1 \
                     RETURNING id",
                )
                .bind(live)
                .bind(&i.tool_id)
                .bind(&i.prompt)
                .bind(&i.prompt_lang)
                .bind(i.votes_each)
                .bind(i.kind.as_str())
                .bind(&i.choices)
                .bind(source)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                added.push((i.position, id));
            }
            moved_on!(tx, live);
            tx.commit().await?;
            true
        }))
    }
}
