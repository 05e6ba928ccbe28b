//! Live sessions (`/live/{code}`): the phone view each person in the room
//! uses, the projector view (`/screen`) with the facilitator's controls, the
//! events stream that tells every screen to draw again, and the forms behind
//! each act. Every page works without JavaScript; with it, screens redraw
//! within a second of a change.

use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::i18n::Tr;
use ymarfer_app::live::{PROMPT_MAX, Room};
use ymarfer_domain::live::{Board, Kind, LINE_MAX, NOTE_MAX, Quadrant, Stage};
use ymarfer_domain::programme::DeliveryLanguage;
use ymarfer_domain::toolkit::Tool;
use ymarfer_domain::{Action, Lang};

/// Words of the interface in one language or two: each part with the
/// `lang` to mark it with when it is not the page's own.
#[derive(Clone, Default)]
pub struct Said(Vec<(Option<&'static str>, String)>);

impl Said {
    /// As HTML: each part escaped and, when not in the page's language,
    /// marked with its own; two languages are parted by a slash.
    pub fn html(&self) -> String {
        let mut out = String::new();
        for (i, (lang, text)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(" / ");
            }
            let text = html_escape(text);
            match lang {
                Some(l) => out.push_str(&format!("<span lang=\"{l}\">{text}</span>")),
                None => out.push_str(&text),
            }
        }
        out
    }

    /// As plain text, for an attribute.
    pub fn text(&self) -> String {
        self.0
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// Drawn as HTML, escaped part by part (see [`Said::html`]).
impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.html())
    }
}

impl askama::filters::HtmlSafe for Said {}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The languages a view's interface speaks: a phone, the person's own; the
/// projector, the cohort's (both, Welsh first, for a cohort that works in
/// both).
#[derive(Clone)]
pub struct Voice(Vec<(Lang, Option<&'static str>)>);

impl Voice {
    pub fn of_page(lang: Lang) -> Voice {
        Voice(vec![(lang, None)])
    }

    pub fn of_cohort(language: DeliveryLanguage, page: Lang) -> Voice {
        let langs = match language {
            DeliveryLanguage::Welsh => vec![Lang::Cy],
            DeliveryLanguage::English => vec![Lang::En],
            DeliveryLanguage::Both => vec![Lang::Cy, Lang::En],
        };
        Voice(
            langs
                .into_iter()
                .map(|l| (l, (l != page).then_some(l.code())))
                .collect(),
        )
    }

    /// Something said in each of the voice's languages.
    pub fn say(&self, f: impl Fn(Tr) -> String) -> Said {
        Said(self.0.iter().map(|(l, mark)| (*mark, f(Tr(*l)))).collect())
    }

    pub fn t(&self, key: &str) -> Said {
        self.say(|tr| tr.t(key))
    }
}

/// A heading of the board with its notes, as a screen shows them.
pub struct Column {
    pub name: Said,
    pub notes: Vec<NoteView>,
}

pub struct NoteView {
    pub id: i64,
    pub body: String,
    /// `lang` to mark it with, when written in the other language.
    pub lang: Option<&'static str>,
    pub author: String,
    pub votes: Said,
    pub mine_voted: bool,
}

/// An option of a poll with how many picked it.
pub struct PollRow {
    pub number: usize,
    pub option: String,
    pub count: i64,
    /// Whether the person picked it.
    pub mine: bool,
}

/// A line of a round of the room.
pub struct LineView {
    pub body: String,
    pub lang: Option<&'static str>,
    pub author: String,
}

/// A quadrant of a placement with the ideas the room placed in it.
pub struct QuadrantView {
    pub name: Said,
    /// (idea, its `lang`, how many placed it here of how many).
    pub ideas: Vec<(String, Option<&'static str>, Said)>,
}

/// An idea to place from a phone, with where the person placed it.
pub struct ToPlace {
    pub id: i64,
    pub body: String,
    pub lang: Option<&'static str>,
    pub high_impact: Option<bool>,
    pub high_effort: Option<bool>,
}

/// What both views draw of a room.
pub struct Drawn {
    /// The languages its interface speaks.
    pub voice: Voice,
    pub kind: Option<Kind>,
    pub is_brainstorm: bool,
    pub is_poll: bool,
    pub is_round: bool,
    pub is_placement: bool,
    /// The most a poll's bar can reach: how many answered (at least one).
    pub poll_max: i64,
    /// A poll's options with their counts (counted only once shown, or for
    /// the facilitator).
    pub poll: Vec<PollRow>,
    /// "3 have answered so far".
    pub answered: Said,
    pub lines: Vec<LineView>,
    pub my_line: String,
    pub quadrants: Vec<QuadrantView>,
    pub to_place: Vec<ToPlace>,
    pub code: String,
    pub version: i64,
    pub tool: Option<Said>,
    pub prompt: String,
    /// `lang` for the prompt, when written in the other language.
    pub prompt_lang: Option<&'static str>,
    pub stage: Option<Stage>,
    pub stage_name: Said,
    pub columns: Vec<Column>,
    /// Notes ranked by votes, once voting has begun.
    pub ranked: Vec<NoteView>,
    pub written: Said,
    pub counts: Said,
    pub timer: Option<(String, Said)>,
    pub headings: Vec<(String, String)>,
    pub events: String,
    pub activity: Option<i64>,
}

impl Drawn {
    /// A message in the view's languages.
    pub fn say(&self, key: &str) -> Said {
        self.voice.t(key)
    }

    /// Where a phone joins (`base` and the join page in each language), in
    /// the view's languages.
    pub fn join_at(&self, base: &str) -> Said {
        self.voice.say(|tr| {
            tr.args(
                "live-join-at",
                &[("url", format!("{base}/{}/live", tr.0.code()))],
            )
        })
    }
}

/// What a view draws of a room, its interface in `voice`.
fn draw(page: &Page, room: &Room, tools: &[Tool], voice: Voice) -> Drawn {
    let tr = page.tr;
    let lang = page.lang;
    let current = room.current.as_ref();
    let tool = current.and_then(|a| tools.iter().find(|t| t.id == a.tool_id));
    let board = tool.and_then(Board::of);
    let view = |n: &ymarfer_store::live::Note| NoteView {
        id: n.id,
        body: n.body.clone(),
        lang: Lang::parse(&n.lang)
            .filter(|l| *l != lang)
            .map(|l| l.code()),
        author: match (&n.author, &n.organisation) {
            (Some(a), Some(o)) => format!("{a}, {o}"),
            (Some(a), None) => a.clone(),
            (None, _) if n.user_id.is_some() => tr.t("former-participant"),
            _ => "—".into(),
        },
        votes: voice.say(|tr| tr.count("live-votes", n.votes)),
        mine_voted: room.my_votes.contains(&n.id),
    };
    let columns = board
        .as_ref()
        .map(|b| {
            b.headings
                .iter()
                .map(|(id, en, cy)| Column {
                    name: voice.say(|tr| match tr.0 {
                        Lang::En => en.clone(),
                        Lang::Cy => cy.clone(),
                    }),
                    notes: room
                        .notes
                        .iter()
                        .filter(|n| &n.heading == id)
                        .map(view)
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let ranked = match current.map(|a| a.stage) {
        Some(Stage::Voting | Stage::Closed) => {
            ymarfer_domain::live::ranked(room.notes.iter().map(|n| (n.id, n.votes)).collect())
                .into_iter()
                .filter_map(|(id, _)| room.notes.iter().find(|n| n.id == id).map(view))
                .collect()
        }
        _ => Vec::new(),
    };
    let kind = current.map(|a| a.kind);
    let mark = |l: &str| Lang::parse(l).filter(|l| *l != lang).map(|l| l.code());
    let poll = match current {
        Some(a) if a.kind.is_poll() => {
            let answers: Vec<Vec<usize>> = room
                .answers
                .iter()
                .map(|w| ymarfer_domain::live::read_answer(&w.choice))
                .collect();
            let options = a.options();
            let counts = ymarfer_domain::live::tally(options.len(), &answers);
            let mine = room
                .my_answer
                .as_ref()
                .map(|w| ymarfer_domain::live::read_answer(&w.choice))
                .unwrap_or_default();
            options
                .iter()
                .zip(counts)
                .enumerate()
                .map(|(i, (o, count))| PollRow {
                    number: i,
                    option: o.to_string(),
                    count,
                    mine: mine.contains(&i),
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let lines = match kind {
        Some(Kind::Round) => room
            .answers
            .iter()
            .map(|w| LineView {
                body: w.body.clone(),
                lang: mark(&w.lang),
                author: w
                    .author
                    .clone()
                    .unwrap_or_else(|| tr.t("former-participant")),
            })
            .collect(),
        _ => Vec::new(),
    };
    let (quadrants, to_place) = match kind {
        Some(Kind::Placement) => {
            let placed = ymarfer_app::live::placed_by_majority(&room.notes, &room.places);
            let quadrants = Quadrant::ALL
                .iter()
                .map(|q| QuadrantView {
                    name: voice.t(q.message_id()),
                    ideas: placed
                        .iter()
                        .filter(|p| p.1 == *q)
                        .filter_map(|(id, _, n, of)| {
                            room.notes.iter().find(|x| x.id == *id).map(|note| {
                                (
                                    note.body.clone(),
                                    mark(&note.lang),
                                    voice.say(|tr| {
                                        tr.args(
                                            "live-placed-count",
                                            &[("count", n.to_string()), ("of", of.to_string())],
                                        )
                                    }),
                                )
                            })
                        })
                        .collect(),
                })
                .collect();
            let to_place = room
                .notes
                .iter()
                .map(|n| {
                    let mine = room
                        .my_places
                        .iter()
                        .find(|(id, _)| *id == n.id)
                        .map(|p| p.1);
                    ToPlace {
                        id: n.id,
                        body: n.body.clone(),
                        lang: mark(&n.lang),
                        high_impact: mine
                            .map(|q| matches!(q, Quadrant::QuickWin | Quadrant::MajorProject)),
                        high_effort: mine
                            .map(|q| matches!(q, Quadrant::MajorProject | Quadrant::Thankless)),
                    }
                })
                .collect();
            (quadrants, to_place)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let timer = current.and_then(|a| a.timer_ends_at).map(|at| {
        (
            at.to_rfc3339(),
            voice.say(|tr| tr.args("live-timer-ends", &[("time", tr.time(at))])),
        )
    });
    Drawn {
        kind,
        is_brainstorm: kind == Some(Kind::Brainstorm),
        is_poll: kind.is_some_and(Kind::is_poll),
        is_round: kind == Some(Kind::Round),
        is_placement: kind == Some(Kind::Placement),
        poll_max: (room.answered as i64).max(1),
        poll,
        answered: voice.say(|tr| tr.count("live-answered", room.answered as i64)),
        lines,
        my_line: room
            .my_answer
            .as_ref()
            .map(|w| w.body.clone())
            .unwrap_or_default(),
        quadrants,
        to_place,
        code: room.live.code.clone(),
        version: room.live.version,
        tool: match current {
            Some(a) if a.kind != Kind::Brainstorm => Some(voice.t(a.kind.message_id())),
            _ => tool.map(|t| voice.say(|tr| t.name.get(tr.0).to_string())),
        },
        prompt: current.map(|a| a.prompt.clone()).unwrap_or_default(),
        prompt_lang: current
            .and_then(|a| Lang::parse(&a.prompt_lang))
            .filter(|l| *l != lang)
            .map(|l| l.code()),
        stage: current.map(|a| a.stage),
        stage_name: current
            .map(|a| voice.t(a.kind.stage_message(a.stage)))
            .unwrap_or_default(),
        columns,
        ranked,
        written: voice.say(|tr| tr.count("live-written", room.written as i64)),
        counts: voice.say(|tr| {
            tr.args(
                "live-counts",
                &[
                    ("joined", room.joined.to_string()),
                    ("done", room.done.to_string()),
                ],
            )
        }),
        timer,
        headings: board
            .map(|b| {
                b.headings
                    .iter()
                    .map(|(id, en, cy)| (id.clone(), page.pick(en, cy).to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        events: page.href(&format!("live/{}/events", room.live.code)),
        activity: current.map(|a| a.id),
        voice,
    }
}

#[derive(Template)]
#[template(path = "live/room.html")]
struct RoomPage {
    page: Page,
    room: Room,
    d: Drawn,
    /// A note refused, as typed, with why.
    heading: String,
    body: String,
    errors: FieldErrors,
    key: String,
    notice: Option<String>,
}

#[derive(Template)]
#[template(path = "live/screen.html")]
struct ScreenPage {
    page: Page,
    room: Room,
    d: Drawn,
    /// The tools a brainstorm may write onto: (id, name).
    boards: Vec<(String, String)>,
    /// Each activity of the running order: (name, prompt, stage).
    order: Vec<(String, String, String)>,
    /// Where this server is, for the address a phone joins at.
    join_url: String,
    errors: FieldErrors,
    /// The kinds of poll and the round, to prepare: (code, name).
    kinds: Vec<(String, String)>,
    /// The revealed brainstorms whose ideas may be placed: (id, name).
    sources: Vec<(String, String)>,
    /// A poll or round refused, as typed.
    typed: Typed,
    /// The programme's saved running orders: (id, name and count).
    templates: Vec<(String, String)>,
    /// A fresh one-time key for applying one.
    template_key: String,
    notice: Option<String>,
}

/// A poll or round, or a template's name, as the facilitator typed it.
#[derive(Default)]
pub struct Typed {
    kind: String,
    question: String,
    options: String,
    template_name: String,
}

impl ScreenPage {
    fn advance_label(&self) -> Option<String> {
        match (self.d.kind, self.d.stage) {
            (Some(k), Some(s)) => k.advance_message(s).map(|m| self.page.t(m)),
            _ => None,
        }
    }
    /// How the controls name an activity: a brainstorm by its prompt, the
    /// others by their kind and prompt.
    fn name_of(&self, a: &ymarfer_store::live::Activity) -> String {
        if a.kind == Kind::Brainstorm {
            a.prompt.clone()
        } else if a.prompt.is_empty() {
            self.page.t(a.kind.message_id())
        } else {
            format!("{} – {}", self.page.t(a.kind.message_id()), a.prompt)
        }
    }

    /// Activities waiting to be opened: (id, name).
    fn ready(&self) -> Vec<(i64, String)> {
        self.room
            .activities
            .iter()
            .filter(|a| a.stage == Stage::Ready)
            .map(|a| (a.id, self.name_of(a)))
            .collect()
    }

    /// Activities opened before the current one and not yet closed, to move
    /// on from where they were left: (id, stage, button, name).
    fn left_open(&self) -> Vec<(i64, &'static str, String, String)> {
        self.room
            .activities
            .iter()
            .filter(|a| {
                !matches!(a.stage, Stage::Ready | Stage::Closed)
                    && Some(a.id) != self.room.live.current_activity
            })
            .filter_map(|a| {
                let label = a.kind.advance_message(a.stage)?;
                Some((a.id, a.stage.as_str(), self.page.t(label), self.name_of(a)))
            })
            .collect()
    }
}

async fn room_of(
    state: &AppState,
    viewer: &Viewer,
    addr: &str,
    code: &str,
) -> Result<Room, AppError> {
    Ok(ymarfer_app::live::room(state, &viewer.acting(Door::Page, addr), code).await?)
}

/// The room, for one who takes part in it (its members and staff).
async fn as_member(
    state: &AppState,
    viewer: &Viewer,
    addr: &str,
    code: &str,
) -> Result<Room, AppError> {
    let room = room_of(state, viewer, addr, code).await?;
    if !room.may_write {
        return Err(AppError::from_app(ymarfer_app::Error::Forbidden));
    }
    Ok(room)
}

/// The room, for one who runs it.
async fn as_staff(
    state: &AppState,
    viewer: &Viewer,
    addr: &str,
    code: &str,
) -> Result<Room, AppError> {
    let room = room_of(state, viewer, addr, code).await?;
    if !room.may_run {
        return Err(AppError::from_app(ymarfer_app::Error::Forbidden));
    }
    Ok(room)
}

async fn tools(state: &AppState, room: &Room) -> Result<Vec<Tool>, AppError> {
    Ok(ymarfer_app::tools::tools_for(state, room.programme.id)
        .await?
        .into_owned())
}

/// A record's number as a form carries it; anything else is a bad request.
fn number(text: &str) -> Result<i64, AppError> {
    text.trim().parse().map_err(|_| AppError::BAD_REQUEST)
}

/// A fresh one-time key for a note form.
fn note_key() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 12];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

async fn room_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    addr: &str,
    code: &str,
    typed: (String, String, FieldErrors),
    notice: Option<String>,
) -> Result<RoomPage, AppError> {
    let room = room_of(state, viewer, addr, code).await?;
    let d = draw(
        &page,
        &room,
        &tools(state, &room).await?,
        Voice::of_page(page.lang),
    );
    let mut page = page;
    page.title = page.t1("live-title", "session", &room.session.title);
    page.about = Some(
        page.pick(&room.cohort.name_en, &room.cohort.name_cy)
            .to_string(),
    );
    let (heading, body, errors) = typed;
    Ok(RoomPage {
        page,
        room,
        d,
        heading,
        body,
        errors,
        key: note_key(),
        notice,
    })
}

/// The phone view: join, write, vote, say you are done.
pub async fn room(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    Query(q): Query<super::DoneQuery>,
) -> AppResult {
    let notice = page.done_notice(q.done.as_deref());
    let p = room_page(
        &state,
        page,
        &viewer,
        &addr,
        &code,
        (String::new(), String::new(), FieldErrors::default()),
        notice,
    )
    .await?;
    render(&p)
}

async fn screen_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    addr: &str,
    code: &str,
    errors: FieldErrors,
) -> Result<ScreenPage, AppError> {
    screen_page_typed(state, page, viewer, addr, code, errors, Typed::default()).await
}

async fn screen_page_typed(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    addr: &str,
    code: &str,
    errors: FieldErrors,
    typed: Typed,
) -> Result<ScreenPage, AppError> {
    let room = room_of(state, viewer, addr, code).await?;
    let all = tools(state, &room).await?;
    let d = draw(
        &page,
        &room,
        &all,
        Voice::of_cohort(room.cohort.language, page.lang),
    );
    let lang = page.lang;
    let boards = all
        .iter()
        .filter(|t| Board::of(t).is_some())
        .map(|t| (t.id.clone(), t.name.get(lang).to_string()))
        .collect();
    let order = room
        .activities
        .iter()
        .map(|a| {
            (
                if a.kind == Kind::Brainstorm {
                    all.iter()
                        .find(|t| t.id == a.tool_id)
                        .map(|t| t.name.get(lang).to_string())
                        .unwrap_or_else(|| a.tool_id.clone())
                } else {
                    page.t(a.kind.message_id())
                },
                a.prompt.clone(),
                page.t(a.kind.stage_message(a.stage)),
            )
        })
        .collect();
    let mut page = page;
    page.title = page.t1("live-screen-title", "session", &room.session.title);
    page.about = Some(
        page.pick(&room.cohort.name_en, &room.cohort.name_cy)
            .to_string(),
    );
    let join_url = state
        .config
        .base_url
        .as_str()
        .trim_end_matches('/')
        .to_string();
    let kinds = [
        Kind::PollSingle,
        Kind::PollMultiple,
        Kind::PollScale,
        Kind::Round,
    ]
    .iter()
    .map(|k| (k.as_str().to_string(), page.t(k.message_id())))
    .collect();
    let sources = room
        .activities
        .iter()
        .filter(|a| a.kind == Kind::Brainstorm && a.stage.revealed())
        .map(|a| {
            let tool = all
                .iter()
                .find(|t| t.id == a.tool_id)
                .map(|t| t.name.get(lang).to_string())
                .unwrap_or_else(|| a.tool_id.clone());
            let name = if a.prompt.is_empty() {
                tool
            } else {
                format!("{tool}: {}", a.prompt)
            };
            (a.id.to_string(), name)
        })
        .collect();
    let templates = ymarfer_app::live::templates(state, &room)
        .await?
        .into_iter()
        .map(|t| {
            (
                t.id.to_string(),
                format!("{} ({})", t.name, page.count("live-activities", t.items)),
            )
        })
        .collect();
    Ok(ScreenPage {
        page,
        room,
        d,
        boards,
        order,
        errors,
        join_url,
        kinds,
        sources,
        typed,
        templates,
        template_key: note_key(),
        notice: None,
    })
}

/// The projector view, with the facilitator's controls below it.
pub async fn screen(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    Query(q): Query<super::DoneQuery>,
) -> AppResult {
    let notice = page.done_notice(q.done.as_deref());
    let mut p = screen_page(&state, page, &viewer, &addr, &code, FieldErrors::default()).await?;
    p.notice = notice;
    render(&p)
}

/// The join code as a QR code, to scan from the projector.
pub async fn qr(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
) -> AppResult {
    let room = room_of(&state, &viewer, &addr, &code).await?;
    let url = format!(
        "{}{}",
        state.config.base_url.as_str().trim_end_matches('/'),
        page.href(&format!("live/{}", room.live.code))
    );
    let qr = qrcode::QrCode::new(url.as_bytes()).map_err(|_| AppError::BAD_REQUEST)?;
    let svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

/// Every change to the room, as the version it moved to: a screen that sees
/// a version it has not drawn draws again.
pub async fn events(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
) -> AppResult {
    let room = room_of(&state, &viewer, &addr, &code).await?;
    let receiver = state.live.watch(&state.db, room.live.id, room.live.version);
    let stream =
        futures_util::stream::unfold((receiver, true), |(mut receiver, first)| async move {
            if !first && receiver.changed().await.is_err() {
                return None;
            }
            let version = *receiver.borrow_and_update();
            Some((
                Ok::<_, std::convert::Infallible>(Event::default().data(version.to_string())),
                (receiver, false),
            ))
        });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct JoinQuery {
    code: String,
}

#[derive(Template)]
#[template(path = "live/join.html")]
struct JoinPage {
    page: Page,
    code: String,
    errors: FieldErrors,
}

/// "Join a live session": the code from the screen.
pub async fn find(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<JoinQuery>,
) -> AppResult {
    if viewer.user_id().is_none() {
        return Err(AppError::from_app(ymarfer_app::Error::SignIn));
    }
    let mut errors = FieldErrors::default();
    let mut status = StatusCode::OK;
    if !q.code.trim().is_empty() {
        // Opened as the room's own pages open it: a code that opens nothing
        // the person may see is counted, and too many such are refused.
        match room_of(&state, &viewer, &addr, &q.code).await {
            Ok(room) => return Ok(see_other(&page.href(&format!("live/{}", room.live.code)))),
            Err(AppError::Kind(crate::error::ErrorKind::TooMany)) => {
                status = StatusCode::TOO_MANY_REQUESTS;
                errors.add("code", page.t("error-too-many-detail"));
            }
            Err(AppError::Kind(crate::error::ErrorKind::NotFound)) => {
                status = StatusCode::UNPROCESSABLE_ENTITY;
                errors.add("code", page.t("live-join-unknown"));
            }
            Err(e) => return Err(e),
        }
    }
    render_status(
        status,
        &JoinPage {
            page: page.titled("live-join-title"),
            code: q.code,
            errors,
        },
    )
}

/// Starts a session's live room (its facilitator) and opens the projector view.
pub async fn start(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
) -> AppResult {
    let (_, cohort, _) = crate::views::session_page::meeting_for(
        &state,
        &viewer,
        &slug,
        &cslug,
        id,
        Action::ManageCohort,
    )
    .await?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    let live = ymarfer_app::live::start(&state, &acting, &cohort, id).await?;
    Ok(see_other(&page.href(&format!("live/{}/screen", live.code))))
}

/// Joining the room marks the person present.
pub async fn join(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
) -> AppResult {
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    ymarfer_app::live::join(&state, &acting, &code).await?;
    Ok(see_other(&page.href(&format!("live/{code}"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoteForm {
    heading: String,
    body: String,
    key: String,
}

/// A note onto the board; refused, the phone view says why and keeps it.
pub async fn note(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<NoteForm>,
) -> AppResult {
    as_member(&state, &viewer, &addr, &code).await?;
    let mut errors = FieldErrors::default();
    let body = crate::parse::text(page.tr, &mut errors, "body", &form.body, NOTE_MAX, true);
    if form.heading.trim().is_empty() {
        errors.add("heading", page.t("error-choose-one"));
    }
    if errors.is_empty() {
        let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
        match ymarfer_app::live::note(
            &state,
            &acting,
            &code,
            form.heading.trim(),
            &body,
            page.lang,
            &form.key,
        )
        .await
        {
            Ok(_) => return Ok(see_other(&page.href(&format!("live/{code}#write")))),
            Err(ymarfer_app::Error::Invalid(message)) => errors.add("body", page.t(message)),
            Err(e) => return Err(e.into()),
        }
    }
    let p = room_page(
        &state,
        page,
        &viewer,
        &addr,
        &code,
        (form.heading, form.body, errors),
        None,
    )
    .await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VoteForm {
    note: String,
    /// "1" to vote, "0" to take the vote back.
    on: String,
}

pub async fn vote(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<VoteForm>,
) -> AppResult {
    as_member(&state, &viewer, &addr, &code).await?;
    let note = number(&form.note)?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    let voted =
        ymarfer_app::live::vote(&state, &acting, &code, note, form.on.trim() != "0").await?;
    let done = match voted {
        ymarfer_store::live::Voted::Done => "",
        ymarfer_store::live::Voted::NoneLeft => "?done=live-no-votes",
    };
    Ok(see_other(&page.href(&format!("live/{code}{done}#board"))))
}

pub async fn done(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
) -> AppResult {
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    ymarfer_app::live::done(&state, &acting, &code).await?;
    Ok(see_other(&page.href(&format!("live/{code}"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanForm {
    tool: String,
    prompt: String,
    votes: String,
}

/// Adds a brainstorm to the running order.
pub async fn plan(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<PlanForm>,
) -> AppResult {
    as_staff(&state, &viewer, &addr, &code).await?;
    let mut errors = FieldErrors::default();
    let prompt = crate::parse::text(
        page.tr,
        &mut errors,
        "prompt",
        &form.prompt,
        PROMPT_MAX,
        false,
    );
    let votes = match form.votes.trim().parse::<i64>() {
        Ok(v) if (1..=ymarfer_domain::live::VOTES_MAX).contains(&v) => v,
        _ => {
            errors.add("votes", page.t("live-error-votes"));
            0
        }
    };
    if form.tool.trim().is_empty() {
        errors.add("tool", page.t("error-choose-one"));
    }
    if errors.is_empty() {
        let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
        match ymarfer_app::live::plan(
            &state,
            &acting,
            &code,
            form.tool.trim(),
            (&prompt, page.lang),
            votes,
        )
        .await
        {
            Ok(_) => {
                return Ok(see_other(
                    &page.href(&format!("live/{code}/screen#controls")),
                ));
            }
            Err(ymarfer_app::Error::Invalid(message)) => errors.add("tool", page.t(message)),
            Err(e) => return Err(e.into()),
        }
    }
    let p = screen_page(&state, page, &viewer, &addr, &code, errors).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AdvanceForm {
    activity: String,
    /// The stage the facilitator saw.
    from: String,
}

/// Moves an activity on: open, reveal, vote, close (and land).
pub async fn advance(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<AdvanceForm>,
) -> AppResult {
    as_staff(&state, &viewer, &addr, &code).await?;
    let activity = number(&form.activity)?;
    let from = Stage::parse(form.from.trim()).ok_or(AppError::BAD_REQUEST)?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    ymarfer_app::live::advance(&state, &acting, &code, activity, from, page.lang).await?;
    Ok(see_other(&page.href(&format!("live/{code}/screen"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TimerForm {
    activity: String,
    /// Whole minutes; empty stops the timer.
    minutes: String,
}

pub async fn timer(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<TimerForm>,
) -> AppResult {
    as_staff(&state, &viewer, &addr, &code).await?;
    let activity = number(&form.activity)?;
    let minutes = match form.minutes.trim() {
        "" => None,
        m => match m.parse::<i64>() {
            Ok(m) if (1..=ymarfer_domain::live::TIMER_MAX_MINUTES).contains(&m) => Some(m),
            _ => {
                let mut errors = FieldErrors::default();
                errors.add("minutes", page.t("live-error-timer"));
                let p = screen_page(&state, page, &viewer, &addr, &code, errors).await?;
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
            }
        },
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    ymarfer_app::live::timer(&state, &acting, &code, activity, minutes).await?;
    Ok(see_other(&page.href(&format!("live/{code}/screen"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PrepareForm {
    kind: String,
    question: String,
    options: String,
    source: String,
}

/// Adds a quick poll, a round of the room, or a placement of a revealed
/// brainstorm's ideas to the running order; refused, said why, kept as typed.
pub async fn prepare(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<PrepareForm>,
) -> AppResult {
    as_staff(&state, &viewer, &addr, &code).await?;
    let mut errors = FieldErrors::default();
    let placing = !form.source.trim().is_empty() || form.kind.trim() == Kind::Placement.as_str();
    let kind = if placing {
        Some(Kind::Placement)
    } else {
        Kind::parse(form.kind.trim()).filter(|k| *k != Kind::Brainstorm)
    };
    let field = if placing { "source" } else { "question" };
    let question = crate::parse::text(
        page.tr,
        &mut errors,
        "question",
        &form.question,
        PROMPT_MAX,
        false,
    );
    let source = if placing {
        match form.source.trim().parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("source", page.t("error-choose-one"));
                None
            }
        }
    } else {
        None
    };
    match kind {
        None => errors.add("kind", page.t("error-choose-one")),
        Some(kind) if errors.is_empty() => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
            let prepared = ymarfer_app::live::Prepared {
                kind,
                prompt: &question,
                lang: page.lang,
                options: &form.options,
                source,
            };
            match ymarfer_app::live::prepare(&state, &acting, &code, &prepared).await {
                Ok(_) => {
                    return Ok(see_other(
                        &page.href(&format!("live/{code}/screen#controls")),
                    ));
                }
                Err(ymarfer_app::Error::Invalid(message)) => {
                    let at = if message.starts_with("live-error-option") {
                        "options"
                    } else {
                        field
                    };
                    errors.add(at, page.t(message))
                }
                Err(e) => return Err(e.into()),
            }
        }
        Some(_) => {}
    }
    let typed = Typed {
        kind: form.kind,
        question: form.question,
        options: form.options,
        ..Default::default()
    };
    let p = screen_page_typed(&state, page, &viewer, &addr, &code, errors, typed).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

/// An answer to the current poll (its options picked, `choice` once each) or
/// a line in the current round (`line`); refused, the phone view says why.
pub async fn answer(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let room = as_member(&state, &viewer, &addr, &code).await?;
    let mut errors = FieldErrors::default();
    let round = room.current.as_ref().is_some_and(|a| a.kind == Kind::Round);
    let field = if round { "line" } else { "choice" };
    let typed_line = form
        .iter()
        .find(|(k, _)| k == "line")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let line = if round {
        crate::parse::text(page.tr, &mut errors, "line", &typed_line, LINE_MAX, true)
    } else {
        String::new()
    };
    let answered = if round {
        Some(ymarfer_app::live::Answered::Line(&line))
    } else {
        let mut picked = Vec::new();
        for (k, v) in &form {
            if k == "choice" {
                picked.push(
                    v.trim()
                        .parse::<usize>()
                        .map_err(|_| AppError::BAD_REQUEST)?,
                );
            }
        }
        if picked.is_empty() {
            errors.add("choice", page.t("error-choose-one"));
            None
        } else {
            Some(ymarfer_app::live::Answered::Poll(picked))
        }
    };
    if let (Some(answered), true) = (answered, errors.is_empty()) {
        let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
        match ymarfer_app::live::answer(&state, &acting, &code, answered, page.lang).await {
            Ok(_) => {
                return Ok(see_other(
                    &page.href(&format!("live/{code}?done=live-answer-saved#answer")),
                ));
            }
            Err(ymarfer_app::Error::Invalid(message)) => errors.add(field, page.t(message)),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = room_page(
        &state,
        page,
        &viewer,
        &addr,
        &code,
        (String::new(), String::new(), errors),
        None,
    )
    .await?;
    if round {
        p.d.my_line = typed_line;
    }
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlaceForm {
    note: String,
    /// "high" or "low".
    impact: String,
    effort: String,
}

/// Places an idea of the current placement by its impact and effort.
pub async fn place(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<PlaceForm>,
) -> AppResult {
    as_member(&state, &viewer, &addr, &code).await?;
    let note = number(&form.note)?;
    let high = |v: &str| match v.trim() {
        "high" => Some(true),
        "low" => Some(false),
        _ => None,
    };
    let (Some(impact), Some(effort)) = (high(&form.impact), high(&form.effort)) else {
        return Ok(see_other(
            &page.href(&format!("live/{code}?done=live-place-both#idea-{note}")),
        ));
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    ymarfer_app::live::place(&state, &acting, &code, note, Quadrant::of(impact, effort)).await?;
    Ok(see_other(&page.href(&format!("live/{code}#idea-{note}"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SaveTemplateForm {
    template_name: String,
}

/// Saves the running order as a template for the programme; refused, said
/// why, kept as typed.
pub async fn save_template(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<SaveTemplateForm>,
) -> AppResult {
    as_staff(&state, &viewer, &addr, &code).await?;
    let mut errors = FieldErrors::default();
    let name = crate::parse::text(
        page.tr,
        &mut errors,
        "template_name",
        &form.template_name,
        ymarfer_app::live::TEMPLATE_NAME_MAX,
        true,
    );
    if errors.is_empty() {
        let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
        match ymarfer_app::live::save_template(&state, &acting, &code, &name).await {
            Ok(_) => {
                return Ok(see_other(&page.href(&format!(
                    "live/{code}/screen?done=live-template-saved#controls"
                ))));
            }
            Err(ymarfer_app::Error::Invalid(message)) => {
                errors.add("template_name", page.t(message))
            }
            Err(e) => return Err(e.into()),
        }
    }
    let typed = Typed {
        template_name: form.template_name,
        ..Default::default()
    };
    let p = screen_page_typed(&state, page, &viewer, &addr, &code, errors, typed).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApplyTemplateForm {
    template: String,
    key: String,
}

/// Adds a saved running order to this room's.
pub async fn apply_template(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    FormData(form): FormData<ApplyTemplateForm>,
) -> AppResult {
    as_staff(&state, &viewer, &addr, &code).await?;
    if form.template.trim().is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("template", page.t("error-choose-one"));
        let p = screen_page(&state, page, &viewer, &addr, &code, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let template = number(&form.template)?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    ymarfer_app::live::apply_template(&state, &acting, &code, template, &form.key).await?;
    Ok(see_other(
        &page.href(&format!("live/{code}/screen#controls")),
    ))
}
