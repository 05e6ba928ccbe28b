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
    Board, CODE_LENGTH, Kind, LINE_MAX, NOTE_MAX, OptionsError, Quadrant, Stage, TIMER_MAX_MINUTES,
    VOTES_MAX, code_from, parse_code, poll_answer, poll_options, ranked, read_answer, tally,
    write_answer,
};
use ymarfer_domain::space::ItemKind;
use ymarfer_domain::toolkit::{Tool, ToolValues};
use ymarfer_domain::{Action, Lang, Resource};
use ymarfer_store::live::{
    Activity, Answer, Landed, Landing, Live, NewActivity, NewNote, Note, Template, TemplateItem,
    Voted,
};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::schedule::Meeting;
use ymarfer_store::space::NewItem;
use ymarfer_store::throttle::Attempt;

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
    /// The current poll's answers or round's lines as the person may see
    /// them: everyone's once shown (the facilitator's throughout); before
    /// that, their own.
    pub answers: Vec<Answer>,
    /// How many have answered so far.
    pub answered: usize,
    pub my_answer: Option<Answer>,
    /// For a placement (whose ideas are `notes`, the brainstorm's): how many
    /// placed each idea in each quadrant, and where the person placed each.
    pub places: Vec<(i64, Quadrant, i64)>,
    pub my_places: Vec<(i64, Quadrant)>,
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
/// if the person may see the cohort. A code that opens nothing is not found,
/// and counted: too many such from a person or address lately are refused
/// (throttled) before any code is looked up.
async fn placed(
    s: &Services,
    acting: &Acting,
    code: &str,
) -> Result<(Live, Meeting, Cohort, Programme)> {
    // Nobody signed in is asked to, whether or not the code opens anything.
    let Some(me) = acting.user_id() else {
        return Err(Error::SignIn);
    };
    // Codes that open nothing are counted against the person and their
    // address; too many lately, and no code is looked up at all.
    let account = me.to_string();
    let address = ymarfer_store::secret::hash_secret(&acting.address);
    if s.db
        .throttled(Attempt::LiveCode, &account, &address)
        .await?
    {
        return Err(Error::Throttled);
    }
    let found = match parse_code(code) {
        Some(code) => s.db.live_by_code(&code).await?,
        None => None,
    };
    let Some(live) = found else {
        s.db.record_attempt(Attempt::LiveCode, &account, &address, false)
            .await?;
        return Err(Error::NotFound);
    };
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
    let mut answers = Vec::new();
    let mut places = Vec::new();
    let mut my_places = Vec::new();
    let (notes, written, my_votes, done) = match &current {
        Some(a) if a.kind == Kind::Placement => {
            let notes = match a.source_id {
                Some(source) => s.db.live_notes(source).await?,
                None => Vec::new(),
            };
            places = s.db.live_places(a.id).await?;
            if let Some(me) = me {
                my_places = s.db.live_places_of(a.id, me).await?;
            }
            let written = notes.len();
            (notes, written, Vec::new(), s.db.live_done(a.id).await?)
        }
        Some(a) if a.kind != Kind::Brainstorm => {
            answers = s.db.live_answers(a.id).await?;
            (Vec::new(), 0, Vec::new(), s.db.live_done(a.id).await?)
        }
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
    let answered = answers.len();
    let my_answer = answers.iter().find(|w| Some(w.user_id) == me).cloned();
    if !(current.as_ref().is_some_and(|a| a.stage.revealed()) || may_run) {
        answers.retain(|w| Some(w.user_id) == me);
    }
    Ok(Room {
        answers,
        answered,
        my_answer,
        places,
        my_places,
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
    let Some(to) = a.kind.next(from) else {
        return Ok(false);
    };
    // A placement opens only on a brainstorm whose notes everyone has seen.
    if a.kind == Kind::Placement && from == Stage::Ready {
        let revealed = room
            .activities
            .iter()
            .any(|b| Some(b.id) == a.source_id && b.stage.revealed());
        if !revealed {
            return Err(Error::Invalid("live-error-source"));
        }
    }
    if to != Stage::Closed {
        return Ok(s.db.set_live_stage(room.live.id, a.id, from, to).await?);
    }
    if a.stage != from {
        return Ok(false);
    }
    if a.kind != Kind::Brainstorm {
        return close_with_post(s, acting, &room, &a, from, lang).await;
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
            format!(": {}", written(&a.prompt, &a.prompt_lang, lang))
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
            written(&n.body, &n.lang, lang),
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

/// An activity to prepare: a quick poll, a round of the room, or the
/// placement of a revealed brainstorm's ideas.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    pub kind: Kind,
    /// The question or prompt the room sees, in `lang`.
    pub prompt: &'a str,
    pub lang: Lang,
    /// A poll's options as typed, one a line (a scale poll needs none).
    pub options: &'a str,
    /// The brainstorm whose ideas a placement places.
    pub source: Option<i64>,
}

/// Adds a quick poll (one choice, several, or a 1–5 scale), a round of the
/// room, or an impact/effort placement of a revealed brainstorm's ideas to
/// the running order. The same one waiting already is the one held.
pub async fn prepare(s: &Services, acting: &Acting, code: &str, p: &Prepared<'_>) -> Result<i64> {
    let room = to_run(s, acting, code).await?;
    let prompt = p.prompt.trim();
    if prompt.chars().count() > PROMPT_MAX {
        return Err(Error::Invalid("live-error-prompt"));
    }
    let mut choices = String::new();
    let mut source = None;
    match p.kind {
        Kind::Brainstorm => return Err(Error::Invalid("live-error-kind")),
        Kind::PollSingle | Kind::PollMultiple | Kind::PollScale => {
            if prompt.is_empty() {
                return Err(Error::Invalid("live-error-question"));
            }
            choices = poll_options(p.kind, p.options)
                .map_err(|e| {
                    Error::Invalid(match e {
                        OptionsError::Count => "live-error-options-count",
                        OptionsError::Long => "live-error-option-long",
                        OptionsError::Repeated => "live-error-option-repeated",
                    })
                })?
                .join("\n");
        }
        Kind::Round => {
            if prompt.is_empty() {
                return Err(Error::Invalid("live-error-question"));
            }
        }
        Kind::Placement => {
            let brainstorm = room
                .activities
                .iter()
                .find(|a| Some(a.id) == p.source && a.kind == Kind::Brainstorm)
                .ok_or(Error::Invalid("live-error-source"))?;
            if !brainstorm.stage.revealed() {
                return Err(Error::Invalid("live-error-source"));
            }
            source = Some(brainstorm.id);
        }
    }
    Ok(s.db
        .prepare_live_activity(
            room.live.id,
            &NewActivity {
                kind: p.kind,
                prompt,
                prompt_lang: p.lang.code(),
                choices: &choices,
                source,
            },
        )
        .await?
        .0)
}

/// What a phone sends to the current activity.
#[derive(Debug, Clone)]
pub enum Answered<'a> {
    /// The options picked in a poll (numbered from 0).
    Poll(Vec<usize>),
    /// A line in a round of the room.
    Line(&'a str),
}

/// A person's answer to the current poll, or their line in the current
/// round, in the language they wrote it in: one each, a new one replacing
/// the last. True when it changed anything.
pub async fn answer(
    s: &Services,
    acting: &Acting,
    code: &str,
    answered: Answered<'_>,
    lang: Lang,
) -> Result<bool> {
    let room = to_join(s, acting, code).await?;
    let a = room
        .current
        .as_ref()
        .ok_or(Error::Invalid("live-error-not-writing"))?;
    if a.stage != Stage::Writing {
        return Err(Error::Invalid("live-error-not-writing"));
    }
    let (choice, body) = match (a.kind, answered) {
        (k, Answered::Poll(picked)) if k.is_poll() => {
            let picked = poll_answer(k, a.options().len(), &picked)
                .ok_or(Error::Invalid("live-error-pick"))?;
            (write_answer(&picked), String::new())
        }
        (Kind::Round, Answered::Line(line)) => {
            let line = line.trim().replace(['\r', '\n'], " ");
            if line.is_empty() {
                return Err(Error::Invalid("error-required"));
            }
            if line.chars().count() > LINE_MAX {
                return Err(Error::Invalid("live-error-note-long"));
            }
            (String::new(), line)
        }
        _ => return Err(Error::Invalid("live-error-not-writing")),
    };
    let me = acting.user_id().ok_or(Error::SignIn)?;
    Ok(s.db
        .answer_live(room.live.id, a.id, me, (&choice, &body, lang.code()))
        .await?)
}

/// A person places an idea of the current placement by its impact and
/// effort, replacing where they placed it before. True when it changed.
pub async fn place(
    s: &Services,
    acting: &Acting,
    code: &str,
    note: i64,
    quadrant: Quadrant,
) -> Result<bool> {
    let room = to_join(s, acting, code).await?;
    let a = room
        .current
        .as_ref()
        .filter(|a| a.kind == Kind::Placement && a.stage == Stage::Writing)
        .ok_or(Error::Invalid("live-error-not-writing"))?;
    if !room.notes.iter().any(|n| n.id == note) {
        return Err(Error::NotFound);
    }
    let me = acting.user_id().ok_or(Error::SignIn)?;
    Ok(s.db
        .place_live(room.live.id, a.id, note, me, quadrant)
        .await?)
}

/// Where the room placed each idea, by the majority: (note, quadrant, how
/// many placed it there, how many placed it at all), in the order written.
pub fn placed_by_majority(
    notes: &[Note],
    places: &[(i64, Quadrant, i64)],
) -> Vec<(i64, Quadrant, i64, i64)> {
    notes
        .iter()
        .filter_map(|n| {
            let mut counts = [0i64; 4];
            for (note, q, c) in places {
                if *note == n.id
                    && let Some(i) = Quadrant::ALL.iter().position(|x| x == q)
                {
                    counts[i] += c;
                }
            }
            Quadrant::majority(counts).map(|(q, c)| (n.id, q, c, counts.iter().sum()))
        })
        .collect()
}

/// Closes a poll, a round or a placement, and posts its result to the
/// cohort space, written in `lang`, in one transaction, recorded.
async fn close_with_post(
    s: &Services,
    acting: &Acting,
    room: &Room,
    a: &Activity,
    from: Stage,
    lang: Lang,
) -> Result<bool> {
    let author = acting.user_id().ok_or(Error::SignIn)?;
    let (body, count) = match a.kind {
        Kind::Placement => {
            let notes = match a.source_id {
                Some(source) => s.db.live_notes(source).await?,
                None => Vec::new(),
            };
            let places = s.db.live_places(a.id).await?;
            let placed = placed_by_majority(&notes, &places);
            (placement_post(a, &notes, &placed, lang), placed.len())
        }
        _ => {
            let answers = s.db.live_answers(a.id).await?;
            let body = if a.kind == Kind::Round {
                round_post(a, &answers, lang)
            } else {
                poll_post(a, &answers, lang)
            };
            (body, answers.len())
        }
    };
    let post = (count > 0).then(|| NewItem {
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
    event.detail = format!("{} of {}", count, a.kind.as_str());
    Ok(
        match s
            .db
            .land_live_activity(
                room.live.id,
                a.id,
                from,
                &[],
                post.as_ref(),
                Some(author),
                &event,
            )
            .await?
        {
            Landed::Done => true,
            Landed::AlreadyClosed | Landed::Moved => false,
        },
    )
}

/// The first line of a result's post: what it was and what was asked.
fn post_heading(a: &Activity, lang: Lang) -> String {
    let tr = crate::i18n::Tr(lang);
    format!(
        "**{}**{}\n\n",
        tr.t(a.kind.message_id()),
        if a.prompt.is_empty() {
            String::new()
        } else {
            format!(": {}", written(&a.prompt, &a.prompt_lang, lang))
        }
    )
}

/// Typed words in a post written in `lang`: as they are when they are in
/// `lang` too, else marked with the language they were written in, so that
/// screen readers say them in it.
fn written(text: &str, written_in: &str, lang: Lang) -> String {
    let text = text.replace('\n', " ");
    match Lang::parse(written_in) {
        Some(other) if other != lang => format!(
            "<span lang=\"{}\">{}</span>",
            other.code(),
            crate::mail::escape_html(&text)
        ),
        _ => text,
    }
}

/// A cell of a Markdown table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A poll's result: each option with how many picked it, as a bar and a
/// number, in a Markdown table.
fn poll_post(a: &Activity, answers: &[Answer], lang: Lang) -> String {
    let tr = crate::i18n::Tr(lang);
    let options = a.options();
    let counts = tally(
        options.len(),
        &answers
            .iter()
            .map(|w| read_answer(&w.choice))
            .collect::<Vec<_>>(),
    );
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let mut body = post_heading(a, lang);
    body.push_str(&tr.count("live-answered", answers.len() as i64));
    body.push_str(&format!(
        "\n\n| {} | {} |\n|---|---|\n",
        tr.t("live-poll-option"),
        tr.t("live-poll-count")
    ));
    for (o, n) in options.iter().zip(&counts) {
        let bar = "█".repeat(usize::try_from(n * 10 / most).unwrap_or(0));
        body.push_str(&format!("| {} | {bar} {n} |\n", cell(o)));
    }
    body
}

/// A round's lines, each with who wrote it.
fn round_post(a: &Activity, answers: &[Answer], lang: Lang) -> String {
    let tr = crate::i18n::Tr(lang);
    let mut body = post_heading(a, lang);
    for w in answers {
        body.push_str(&format!(
            "- {} ({})\n",
            written(&w.body, &w.lang, lang),
            w.author
                .clone()
                .unwrap_or_else(|| tr.t("former-participant"))
        ));
    }
    body
}

/// A placement's result: the ideas under the quadrant most placed them in.
fn placement_post(
    a: &Activity,
    notes: &[Note],
    placed: &[(i64, Quadrant, i64, i64)],
    lang: Lang,
) -> String {
    let tr = crate::i18n::Tr(lang);
    let mut body = post_heading(a, lang);
    for q in Quadrant::ALL {
        body.push_str(&format!("### {}\n\n", tr.t(q.message_id())));
        let mine: Vec<_> = placed.iter().filter(|p| p.1 == q).collect();
        if mine.is_empty() {
            body.push_str("–\n\n");
            continue;
        }
        for (id, _, n, of) in mine {
            if let Some(note) = notes.iter().find(|x| x.id == *id) {
                body.push_str(&format!(
                    "- {} ({})\n",
                    written(&note.body, &note.lang, lang),
                    tr.args(
                        "live-placed-count",
                        &[("count", n.to_string()), ("of", of.to_string())]
                    )
                ));
            }
        }
        body.push('\n');
    }
    body
}

/// The most a template's name may say, in characters.
pub const TEMPLATE_NAME_MAX: usize = 100;

/// The running orders saved for a room's programme, to apply to it.
pub async fn templates(s: &Services, room: &Room) -> Result<Vec<Template>> {
    if !room.may_run {
        return Ok(Vec::new());
    }
    Ok(s.db.live_templates(room.programme.id).await?)
}

/// Saves the room's running order as a template for its programme, named
/// `name`, for facilitators of any of its cohorts to apply to another
/// session. Saved again under the same name, the template is replaced.
pub async fn save_template(s: &Services, acting: &Acting, code: &str, name: &str) -> Result<i64> {
    let room = to_run(s, acting, code).await?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > TEMPLATE_NAME_MAX {
        return Err(Error::Invalid("live-error-template-name"));
    }
    if room.activities.is_empty() {
        return Err(Error::Invalid("live-error-template-empty"));
    }
    let items: Vec<TemplateItem> = room
        .activities
        .iter()
        .map(|a| TemplateItem {
            position: a.position,
            kind: a.kind,
            tool_id: a.tool_id.clone(),
            prompt: a.prompt.clone(),
            prompt_lang: a.prompt_lang.clone(),
            choices: a.choices.clone(),
            votes_each: a.votes_each,
            source_position: a.source_id.and_then(|source| {
                room.activities
                    .iter()
                    .find(|b| b.id == source)
                    .map(|b| b.position)
            }),
        })
        .collect();
    let me = acting.user_id().ok_or(Error::SignIn)?;
    Ok(s.db
        .save_live_template(room.programme.id, name, me, &items)
        .await?
        .0)
}

/// Adds a saved running order of the room's programme to the end of the
/// room's, each activity waiting to run. The form's one-time `key`: sent
/// again, nothing more is added (false).
pub async fn apply_template(
    s: &Services,
    acting: &Acting,
    code: &str,
    template: i64,
    key: &str,
) -> Result<bool> {
    let room = to_run(s, acting, code).await?;
    let (t, items) = s.db.live_template(template).await?.ok_or(Error::NotFound)?;
    if t.programme_id != room.programme.id {
        return Err(Error::NotFound);
    }
    let key = key.trim();
    if key.is_empty() || key.len() > 64 {
        return Err(Error::Invalid("live-error-key"));
    }
    Ok(s.db.apply_live_template(room.live.id, &items, key).await?)
}
