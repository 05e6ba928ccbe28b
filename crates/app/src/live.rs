//! Live sessions: the facilitator runs the room, the cohort writes from its
//! phones, and what the room makes lands in each firm's tools and the cohort
//! space (`docs/live.md`). Who may do what is the cohort's own policy:
//! running the room is managing the cohort (its facilitators, the
//! programme's managers); joining, writing, voting and "I'm done" are what
//! the cohort space allows (its participants and staff, not observers);
//! watching the projector view is seeing the cohort.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::services::Services;
use chrono::{Duration, Utc};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::live::{
    Board, CODE_LENGTH, NOTE_MAX, Stage, TIMER_MAX_MINUTES, VOTES_MAX, code_from, parse_code,
    ranked,
};
use ymarfer_domain::space::ItemKind;
use ymarfer_domain::toolkit::{Tool, ToolValues};
use ymarfer_domain::{Action, Lang, Resource};
use ymarfer_store::live::{Activity, Landed, Landing, Live, NewNote, Note, Voted};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::schedule::Meeting;
use ymarfer_store::space::NewItem;

/// The most a prompt may say, in characters.
pub const PROMPT_MAX: usize = 300;

/// A live session with what every screen of it needs, as the person may see it.
#[derive(Debug, Clone)]
pub struct Room {
    pub live: Live,
    pub session: Meeting,
    pub cohort: Cohort,
    pub programme: Programme,
    pub activities: Vec<Activity>,
    /// The activity every screen shows, and its notes as the person may see
    /// them: everyone's once revealed; before that, their own (all of them
    /// for the facilitator, who sees the room fill up).
    pub current: Option<Activity>,
    pub notes: Vec<Note>,
    /// How many notes are written so far (hidden ones too).
    pub written: usize,
    /// The notes the person has voted for.
    pub my_votes: Vec<i64>,
    /// How many have joined, and how many said they have finished the current activity.
    pub joined: usize,
    pub done: usize,
    pub i_am_done: bool,
    pub i_joined: bool,
    /// What the person may do.
    pub may_run: bool,
    pub may_write: bool,
    /// Whether the code still works (the session has not ended).
    pub open: bool,
}

impl Room {
    /// The votes the person has left on the current activity.
    pub fn votes_left(&self) -> i64 {
        self.current
            .as_ref()
            .map_or(0, |a| (a.votes_each - self.my_votes.len() as i64).max(0))
    }
}

fn cohort_resource(cohort: &Cohort) -> Resource<'static> {
    Resource::Cohort {
        programme: cohort.programme_id,
        cohort: cohort.id,
    }
}

/// The live session a code opens, with its session, cohort and programme,
/// if the person may see the cohort. A code that opens nothing is not found.
async fn placed(
    s: &Services,
    acting: &Acting,
    code: &str,
) -> Result<(Live, Meeting, Cohort, Programme)> {
    // Nobody signed in is asked to, whether or not the code opens anything.
    let unknown = || {
        if acting.user_id().is_none() {
            Error::SignIn
        } else {
            Error::NotFound
        }
    };
    let code = parse_code(code).ok_or_else(unknown)?;
    let live = s.db.live_by_code(&code).await?.ok_or_else(unknown)?;
    let session =
        s.db.meeting_by_id(live.session_id)
            .await?
            .ok_or(Error::NotFound)?;
    let cohort =
        s.db.cohort_by_id(session.cohort_id)
            .await?
            .ok_or(Error::NotFound)?;
    let programme =
        s.db.programme_by_id(cohort.programme_id)
            .await?
            .ok_or(Error::NotFound)?;
    acting.may(Action::ViewCohort, cohort_resource(&cohort))?;
    Ok((live, session, cohort, programme))
}

/// A live session as the person sees it: the projector view for anyone who
/// may see the cohort, the phone view for its members, the controls for its
/// staff. A handful of queries, whatever the room holds.
pub async fn room(s: &Services, acting: &Acting, code: &str) -> Result<Room> {
    let (live, session, cohort, programme) = placed(s, acting, code).await?;
    let resource = cohort_resource(&cohort);
    let may_run = acting.decide(Action::ManageCohort, resource).allowed();
    let may_write = acting.decide(Action::PostInSpace, resource).allowed();
    let activities = s.db.live_activities(live.id).await?;
    let current = live
        .current_activity
        .and_then(|id| activities.iter().find(|a| a.id == id).cloned());
    let me = acting.user_id();
    let (notes, written, my_votes, done) = match &current {
        Some(a) => {
            let all = s.db.live_notes(a.id).await?;
            let written = all.len();
            let notes = if a.stage.revealed() || may_run {
                all
            } else {
                all.into_iter().filter(|n| n.user_id == me).collect()
            };
            let votes = match me {
                Some(me) => s.db.live_votes_of(a.id, me).await?,
                None => Vec::new(),
            };
            (notes, written, votes, s.db.live_done(a.id).await?)
        }
        None => (Vec::new(), 0, Vec::new(), Vec::new()),
    };
    let joined = s.db.live_joined(live.id).await?;
    let open = Utc::now() < live.ends_at;
    Ok(Room {
        i_am_done: me.is_some_and(|m| done.contains(&m)),
        i_joined: me.is_some_and(|m| joined.contains(&m)),
        joined: joined.len(),
        done: done.len(),
        notes,
        written,
        my_votes,
        current,
        activities,
        live,
        session,
        cohort,
        programme,
        may_run,
        may_write,
        open,
    })
}

/// Starts the live session of a scheduled session (its facilitator): a new
/// join code that works until the session ends. A session live already is
/// given back as it is. Recorded.
pub async fn start(s: &Services, acting: &Acting, cohort: &Cohort, session: i64) -> Result<Live> {
    acting.may(Action::ManageCohort, cohort_resource(cohort))?;
    let meeting =
        s.db.meeting(cohort.id, session)
            .await?
            .ok_or(Error::NotFound)?;
    if let Some(live) = s.db.live_of_session(session).await? {
        return Ok(live);
    }
    if meeting.ends_at <= Utc::now() {
        return Err(Error::Invalid("live-error-ended"));
    }
    let by = acting.user_id().ok_or(Error::SignIn)?;
    let mut event = acting.event(AuditAction::LiveStarted);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("session {session} (cohort {})", cohort.id);
    // A code another live session holds is drawn again.
    for _ in 0..8 {
        let code = new_code();
        if let Some((live, _)) =
            s.db.start_live(session, &code, by, meeting.ends_at, &event)
                .await?
        {
            return Ok(live);
        }
    }
    Err(Error::Invalid("live-error-busy"))
}

/// A fresh join code.
fn new_code() -> String {
    let (secret, _) = ymarfer_store::secret::new_secret();
    let digest = Sha256::digest(secret.as_bytes());
    let mut bytes = [0u8; CODE_LENGTH];
    bytes.copy_from_slice(&digest[..CODE_LENGTH]);
    code_from(bytes)
}

/// The room, for someone who runs it, while its code works.
async fn to_run(s: &Services, acting: &Acting, code: &str) -> Result<Room> {
    let room = room(s, acting, code).await?;
    if !room.may_run {
        return Err(Error::Forbidden);
    }
    if !room.open {
        return Err(Error::Invalid("live-error-ended"));
    }
    Ok(room)
}

/// The room, for someone who takes part in it, while its code works.
async fn to_join(s: &Services, acting: &Acting, code: &str) -> Result<Room> {
    let room = room(s, acting, code).await?;
    if !room.may_write {
        return Err(Error::Forbidden);
    }
    if !room.open {
        return Err(Error::Invalid("live-error-ended"));
    }
    Ok(room)
}

/// The tool a brainstorm writes onto, and its board.
async fn board_of(s: &Services, programme: i64, tool_id: &str) -> Result<(Tool, Board)> {
    let tools = crate::tools::tools_for(s, programme).await?;
    let tool = tools
        .iter()
        .find(|t| t.id == tool_id)
        .cloned()
        .ok_or(Error::Invalid("live-error-tool"))?;
    let board = Board::of(&tool).ok_or(Error::Invalid("live-error-tool"))?;
    Ok((tool, board))
}

/// The tools a brainstorm can write onto: those with headings to write under.
pub async fn boards(s: &Services, programme: i64) -> Result<Vec<Tool>> {
    Ok(crate::tools::tools_for(s, programme)
        .await?
        .iter()
        .filter(|t| Board::of(t).is_some())
        .cloned()
        .collect())
}

/// Adds a silent brainstorm onto a tool's headings to the running order,
/// with the prompt the room sees and the votes each person will have.
pub async fn plan(
    s: &Services,
    acting: &Acting,
    code: &str,
    tool_id: &str,
    (prompt, lang): (&str, Lang),
    votes_each: i64,
) -> Result<i64> {
    let room = to_run(s, acting, code).await?;
    board_of(s, room.programme.id, tool_id).await?;
    let prompt = prompt.trim();
    if prompt.chars().count() > PROMPT_MAX {
        return Err(Error::Invalid("live-error-prompt"));
    }
    if !(1..=VOTES_MAX).contains(&votes_each) {
        return Err(Error::Invalid("live-error-votes"));
    }
    Ok(s.db
        .plan_live_activity(room.live.id, tool_id, (prompt, lang.code()), votes_each)
        .await?
        .0)
}

/// Moves an activity on from the stage the facilitator saw (`from`): opens
/// it for writing, reveals the notes, opens the vote, or closes it. Closing
/// lands what it made: each firm's notes as a new version of its project's
/// tool, and the ranked result as a post in the cohort space, written in
/// `lang`, in one transaction, recorded. Sent twice, the second changes
/// nothing.
pub async fn advance(
    s: &Services,
    acting: &Acting,
    code: &str,
    activity: i64,
    from: Stage,
    lang: Lang,
) -> Result<bool> {
    let room = to_run(s, acting, code).await?;
    let a = room
        .activities
        .iter()
        .find(|a| a.id == activity)
        .cloned()
        .ok_or(Error::NotFound)?;
    let Some(to) = from.next() else {
        return Ok(false);
    };
    if to != Stage::Closed {
        return Ok(s.db.set_live_stage(room.live.id, a.id, from, to).await?);
    }
    if a.stage != from {
        return Ok(false);
    }
    let (tool, board) = board_of(s, room.programme.id, &a.tool_id).await?;
    for _ in 0..3 {
        let notes = s.db.live_notes(a.id).await?;
        let landings = landings(s, &room.cohort, &tool, &board, &notes).await?;
        let body = result_post(&tool, &board, &a, &notes, lang);
        let author = acting.user_id().ok_or(Error::SignIn)?;
        let post = (!notes.is_empty()).then(|| NewItem {
            cohort: room.cohort.id,
            parent: None,
            author,
            kind: ItemKind::Post,
            project: None,
            tool_id: None,
            ref_id: None,
            body: &body,
            lang,
            alumni: None,
        });
        let mut event = acting.event(AuditAction::LiveLanded);
        event.programme_id = Some(room.programme.id);
        event.subject = format!("live session {}, activity {}", room.live.id, a.id);
        event.detail = format!(
            "{} notes; tool {} in projects {}",
            notes.len(),
            tool.id,
            landings
                .iter()
                .map(|l| l.project.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        match s
            .db
            .land_live_activity(
                room.live.id,
                a.id,
                from,
                &landings,
                post.as_ref(),
                Some(author),
                &event,
            )
            .await?
        {
            Landed::Done => return Ok(true),
            Landed::AlreadyClosed => return Ok(false),
            // A firm saved its tool meanwhile: read it again.
            Landed::Moved => continue,
        }
    }
    Err(Error::Invalid("live-error-busy"))
}

/// Each firm's tool with its notes added, for the firms that wrote.
async fn landings(
    s: &Services,
    cohort: &Cohort,
    tool: &Tool,
    board: &Board,
    notes: &[Note],
) -> Result<Vec<Landing>> {
    let mut by_firm: BTreeMap<i64, Vec<(String, String)>> = BTreeMap::new();
    for n in notes {
        if let Some(org) = n.organisation_id {
            by_firm
                .entry(org)
                .or_default()
                .push((n.heading.clone(), n.body.clone()));
        }
    }
    let projects = s.db.landing_projects(cohort.id, &tool.id).await?;
    let mut landings = Vec::new();
    for (org, project, fallback, version, data) in projects {
        let Some(firm_notes) = by_firm.get(&org) else {
            continue;
        };
        let before: Option<ToolValues> = data.and_then(|d| serde_json::from_str(&d).ok());
        let values = board.land(tool, before.as_ref(), firm_notes, &fallback);
        landings.push(Landing {
            project,
            tool_id: tool.id.clone(),
            tool_version: i64::from(tool.version),
            data: serde_json::to_string(&values).map_err(anyhow::Error::from)?,
            based_on: version,
        });
    }
    Ok(landings)
}

/// The cohort's post of an activity's result: the notes ranked by the room's
/// votes, under their headings, with who wrote each, in Markdown.
fn result_post(tool: &Tool, board: &Board, a: &Activity, notes: &[Note], lang: Lang) -> String {
    let tr = crate::i18n::Tr(lang);
    let mut body = format!(
        "**{}**{}\n\n",
        tool.name.get(lang),
        if a.prompt.is_empty() {
            String::new()
        } else {
            format!(": {}", a.prompt)
        }
    );
    body.push_str(&tr.t("live-post-intro"));
    body.push_str("\n\n");
    let order = ranked(notes.iter().map(|n| (n.id, n.votes)).collect());
    for (i, (id, votes)) in order.iter().enumerate() {
        let Some(n) = notes.iter().find(|n| n.id == *id) else {
            continue;
        };
        body.push_str(&format!(
            "{}. {} ({}) – {}{}\n",
            i + 1,
            n.body.replace('\n', " "),
            board.heading_name(&n.heading, lang).unwrap_or(&n.heading),
            tr.count("live-votes", *votes),
            n.author
                .as_ref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
        ));
    }
    body
}

/// Sets the current activity's timer to `minutes` from now, or stops it.
pub async fn timer(
    s: &Services,
    acting: &Acting,
    code: &str,
    activity: i64,
    minutes: Option<i64>,
) -> Result<()> {
    let room = to_run(s, acting, code).await?;
    if !room.activities.iter().any(|a| a.id == activity) {
        return Err(Error::NotFound);
    }
    let ends = match minutes {
        Some(m) if (1..=TIMER_MAX_MINUTES).contains(&m) => Some(Utc::now() + Duration::minutes(m)),
        Some(_) => return Err(Error::Invalid("live-error-timer")),
        None => None,
    };
    Ok(s.db.set_live_timer(room.live.id, activity, ends).await?)
}

/// A member of the cohort joins: the first time, they are marked present on
/// the session's register. Joining again changes nothing.
pub async fn join(s: &Services, acting: &Acting, code: &str) -> Result<bool> {
    let room = to_join(s, acting, code).await?;
    let me = acting.user_id().ok_or(Error::SignIn)?;
    Ok(s.db.join_live(&room.live, me).await?)
}

/// A note written onto the current activity's board, for the writer's firm,
/// in the language it was written in. The same note sent again (its key) is
/// one note.
pub async fn note(
    s: &Services,
    acting: &Acting,
    code: &str,
    heading: &str,
    body: &str,
    lang: Lang,
    key: &str,
) -> Result<Option<i64>> {
    let room = to_join(s, acting, code).await?;
    let a = room
        .current
        .as_ref()
        .ok_or(Error::Invalid("live-error-not-writing"))?;
    if a.stage != Stage::Writing {
        return Err(Error::Invalid("live-error-not-writing"));
    }
    let (_, board) = board_of(s, room.programme.id, &a.tool_id).await?;
    if board.heading_name(heading, lang).is_none() {
        return Err(Error::Invalid("live-error-heading"));
    }
    let body = body.trim();
    if body.is_empty() {
        return Err(Error::Invalid("error-required"));
    }
    if body.chars().count() > NOTE_MAX {
        return Err(Error::Invalid("live-error-note-long"));
    }
    let key = key.trim();
    if key.is_empty() || key.len() > 64 {
        return Err(Error::Invalid("live-error-key"));
    }
    let me = acting.user_id().ok_or(Error::SignIn)?;
    let organisation =
        s.db.enrolled(room.cohort.id)
            .await?
            .into_iter()
            .find(|e| e.user_id == me)
            .and_then(|e| e.organisation_id);
    Ok(s.db
        .add_live_note(
            room.live.id,
            &NewNote {
                activity: a.id,
                user: me,
                organisation,
                heading,
                body,
                lang: lang.code(),
                key,
            },
        )
        .await?)
}

/// A vote for a note of the current activity (or, `on` false, taken back).
pub async fn vote(s: &Services, acting: &Acting, code: &str, note: i64, on: bool) -> Result<Voted> {
    let room = to_join(s, acting, code).await?;
    let a = room.current.as_ref().ok_or(Error::NotFound)?;
    let me = acting.user_id().ok_or(Error::SignIn)?;
    Ok(s.db.vote_live(room.live.id, a.id, note, me, on).await?)
}

/// "I'm done" with the current activity.
pub async fn done(s: &Services, acting: &Acting, code: &str) -> Result<bool> {
    let room = to_join(s, acting, code).await?;
    let a = room.current.as_ref().ok_or(Error::NotFound)?;
    let me = acting.user_id().ok_or(Error::SignIn)?;
    Ok(s.db.done_live(room.live.id, a.id, me).await?)
}
