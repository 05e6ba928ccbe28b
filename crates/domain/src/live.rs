//! Live sessions: the room itself. A facilitator runs activities one at a
//! time; participants write from their phones; what the room writes lands in
//! each firm's own tools. These are the rules; `docs/live.md` says how the
//! parts fit.

use crate::Lang;
use crate::toolkit::{FieldKind, Row, Tool, ToolValues, Value};
use std::collections::BTreeMap;

/// Letters and digits a person reads off a projector without mistaking one
/// for another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
/// How long a join code is.
pub const CODE_LENGTH: usize = 6;
/// The most a note may say, in characters.
pub const NOTE_MAX: usize = 200;
/// The most votes a person may have to spend on one activity.
pub const VOTES_MAX: i64 = 10;
/// The longest timer, in minutes.
pub const TIMER_MAX_MINUTES: i64 = 60;

/// A join code typed or scanned: the alphabet's characters, in either case,
/// with spaces or dashes ignored.
pub fn parse_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// A new join code from `random` bytes (one per character).
pub fn code_from(random: [u8; CODE_LENGTH]) -> String {
    random
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect()
}

crate::code::coded_enum! {
    /// Where an activity stands. A brainstorm is written silently, then
    /// revealed, then dot-voted, then closed (and landed in the firms' tools).
    pub enum Stage {
        Ready = "ready", "live-stage-ready";
        Writing = "writing", "live-stage-writing";
        Revealed = "revealed", "live-stage-revealed";
        Voting = "voting", "live-stage-voting";
        Closed = "closed", "live-stage-closed";
    }
}

impl Stage {
    /// The stage that follows, if any.
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Ready => Some(Stage::Writing),
            Stage::Writing => Some(Stage::Revealed),
            Stage::Revealed => Some(Stage::Voting),
            Stage::Voting => Some(Stage::Closed),
            Stage::Closed => None,
        }
    }

    /// Whether everyone sees everyone's notes.
    pub fn revealed(self) -> bool {
        matches!(self, Stage::Revealed | Stage::Voting | Stage::Closed)
    }

    /// The Fluent message of the button that moves the activity on from here.
    pub fn advance_message(self) -> Option<&'static str> {
        match self {
            Stage::Ready => Some("live-advance-writing"),
            Stage::Writing => Some("live-advance-reveal"),
            Stage::Revealed => Some("live-advance-vote"),
            Stage::Voting => Some("live-advance-close"),
            Stage::Closed => None,
        }
    }
}

crate::code::coded_enum! {
    /// What an activity is: a silent brainstorm onto a tool's headings, a
    /// quick poll (one choice, several choices, or a 1–5 scale), a round of
    /// the room (one line each), or the placement of a revealed brainstorm's
    /// ideas by impact and effort.
    pub enum Kind {
        Brainstorm = "brainstorm", "live-kind-brainstorm";
        PollSingle = "poll_single", "live-kind-poll-single";
        PollMultiple = "poll_multiple", "live-kind-poll-multiple";
        PollScale = "poll_scale", "live-kind-poll-scale";
        Round = "round", "live-kind-round";
        Placement = "placement", "live-kind-placement";
    }
}

impl Kind {
    /// Whether it is a quick poll.
    pub fn is_poll(self) -> bool {
        matches!(
            self,
            Kind::PollSingle | Kind::PollMultiple | Kind::PollScale
        )
    }

    /// The stage that follows `stage` for this kind: only a brainstorm is
    /// voted on; the others close from being revealed.
    pub fn next(self, stage: Stage) -> Option<Stage> {
        match (self, stage) {
            (Kind::Brainstorm, s) => s.next(),
            (_, Stage::Revealed) => Some(Stage::Closed),
            (_, Stage::Voting) => Some(Stage::Closed),
            (_, s) => s.next(),
        }
    }

    /// The Fluent message of the stage's name for this kind.
    pub fn stage_message(self, stage: Stage) -> &'static str {
        match (self, stage) {
            (Kind::Brainstorm, s) => s.message_id(),
            (_, Stage::Writing) => "live-stage-answering",
            (_, Stage::Revealed) => "live-stage-shown",
            (_, s) => s.message_id(),
        }
    }

    /// The Fluent message of the button that moves it on from `stage`.
    pub fn advance_message(self, stage: Stage) -> Option<&'static str> {
        match (self, stage) {
            (Kind::Brainstorm, s) => s.advance_message(),
            (_, Stage::Ready) => Some("live-advance-open"),
            (_, Stage::Writing) => Some("live-advance-show"),
            (_, Stage::Revealed | Stage::Voting) => Some("live-advance-post"),
            (_, Stage::Closed) => None,
        }
    }
}

/// The most a poll's option may say, in characters.
pub const OPTION_MAX: usize = 100;
/// The fewest and most options a poll may offer.
pub const OPTIONS_MIN: usize = 2;
pub const OPTIONS_MAX: usize = 10;
/// The most a line of a round of the room may say, in characters.
pub const LINE_MAX: usize = 200;
/// The points of a scale poll.
pub const SCALE: [&str; 5] = ["1", "2", "3", "4", "5"];

/// Why a poll's options were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionsError {
    /// Fewer than two, or more than ten.
    Count,
    /// An option longer than [`OPTION_MAX`].
    Long,
    /// The same option twice.
    Repeated,
}

/// A poll's options as typed, one a line; blank lines are skipped. A scale
/// poll has the points 1 to 5 whatever was typed.
pub fn poll_options(kind: Kind, typed: &str) -> Result<Vec<String>, OptionsError> {
    if kind == Kind::PollScale {
        return Ok(SCALE.iter().map(|s| s.to_string()).collect());
    }
    let options: Vec<String> = typed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if !(OPTIONS_MIN..=OPTIONS_MAX).contains(&options.len()) {
        return Err(OptionsError::Count);
    }
    if options.iter().any(|o| o.chars().count() > OPTION_MAX) {
        return Err(OptionsError::Long);
    }
    for (i, o) in options.iter().enumerate() {
        if options[..i]
            .iter()
            .any(|p| p.to_lowercase() == o.to_lowercase())
        {
            return Err(OptionsError::Repeated);
        }
    }
    Ok(options)
}

/// A poll's answer as picked: the options' numbers (from 0), each once, in
/// order. `None` when it is not an answer this poll takes: nothing picked,
/// an option it does not have, or more than one where one is asked for.
pub fn poll_answer(kind: Kind, options: usize, picked: &[usize]) -> Option<Vec<usize>> {
    let mut picked: Vec<usize> = picked.to_vec();
    picked.sort_unstable();
    picked.dedup();
    if picked.is_empty() || picked.iter().any(|p| *p >= options) {
        return None;
    }
    match kind {
        Kind::PollMultiple => Some(picked),
        Kind::PollSingle | Kind::PollScale if picked.len() == 1 => Some(picked),
        _ => None,
    }
}

/// A stored answer (`"0,2"`) back to the options' numbers.
pub fn read_answer(stored: &str) -> Vec<usize> {
    stored
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect()
}

/// An answer as stored.
pub fn write_answer(picked: &[usize]) -> String {
    picked
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// How many picked each option, from each person's answer.
pub fn tally(options: usize, answers: &[Vec<usize>]) -> Vec<i64> {
    let mut counts = vec![0; options];
    for a in answers {
        for p in a {
            if let Some(c) = counts.get_mut(*p) {
                *c += 1;
            }
        }
    }
    counts
}

crate::code::coded_enum! {
    /// Where the room placed an idea: by its impact and the effort it takes.
    /// In the order the quadrants are shown: the quick wins first.
    pub enum Quadrant {
        QuickWin = "quick_win", "live-quadrant-quick-win";
        MajorProject = "major_project", "live-quadrant-major-project";
        FillIn = "fill_in", "live-quadrant-fill-in";
        Thankless = "thankless", "live-quadrant-thankless";
    }
}

impl Quadrant {
    /// The quadrant of high or low impact and high or low effort.
    pub fn of(high_impact: bool, high_effort: bool) -> Quadrant {
        match (high_impact, high_effort) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::MajorProject,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::Thankless,
        }
    }

    /// Where the majority placed an idea, given how many placed it in each
    /// quadrant (in [`Quadrant::ALL`]'s order): the most placed; a tie goes
    /// to the quadrant shown first. `None` when nobody placed it.
    pub fn majority(counts: [i64; 4]) -> Option<(Quadrant, i64)> {
        let mut best: Option<(Quadrant, i64)> = None;
        for (q, n) in Quadrant::ALL.iter().zip(counts) {
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((*q, n));
            }
        }
        best
    }
}

/// Where a brainstorm's notes go in a tool: a `rows` field with a choice
/// column (the headings: the fishbone's six bones, the eight wastes) and a
/// text column (the note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub field: String,
    pub heading_column: String,
    pub text_column: String,
    /// (id, English, Welsh) of each heading, in the tool's order.
    pub headings: Vec<(String, String, String)>,
}

impl Board {
    /// The board of a tool, if it has one.
    pub fn of(tool: &Tool) -> Option<Board> {
        tool.fields.iter().find_map(|field| {
            let FieldKind::Rows { columns } = &field.kind else {
                return None;
            };
            let (heading_column, headings) = columns.iter().find_map(|c| match &c.kind {
                FieldKind::Choice { options } => Some((
                    c.id.clone(),
                    options
                        .iter()
                        .map(|o| (o.id.clone(), o.en.clone(), o.cy.clone()))
                        .collect::<Vec<_>>(),
                )),
                _ => None,
            })?;
            let text_column = columns
                .iter()
                .find(|c| matches!(c.kind, FieldKind::Text | FieldKind::LongText))?
                .id
                .clone();
            Some(Board {
                field: field.id.clone(),
                heading_column,
                text_column,
                headings,
            })
        })
    }

    /// The name of a heading in a language.
    pub fn heading_name(&self, id: &str, lang: Lang) -> Option<&str> {
        self.headings
            .iter()
            .find(|(h, _, _)| h == id)
            .map(|(_, en, cy)| match lang {
                Lang::En => en.as_str(),
                Lang::Cy => cy.as_str(),
            })
    }

    /// A firm's tool with its notes added: `before` (its latest version of
    /// the tool, if of this tool's version) with one row per note appended
    /// under its heading, or, when it has none, the notes alone with each
    /// required text field filled from `fallback` (the project's problem).
    pub fn land(
        &self,
        tool: &Tool,
        before: Option<&ToolValues>,
        notes: &[(String, String)],
        fallback: &str,
    ) -> ToolValues {
        let mut values = match before {
            Some(v) if v.tool_id == tool.id && v.tool_version == tool.version => v.clone(),
            _ => ToolValues {
                tool_id: tool.id.clone(),
                tool_version: tool.version,
                values: BTreeMap::new(),
            },
        };
        for field in &tool.fields {
            if field.required
                && matches!(field.kind, FieldKind::Text | FieldKind::LongText)
                && !values.values.contains_key(&field.id)
            {
                values
                    .values
                    .insert(field.id.clone(), Value::Text(fallback.to_string()));
            }
        }
        let mut rows = match values.values.remove(&self.field) {
            Some(Value::Rows(rows)) => rows,
            _ => Vec::new(),
        };
        for (heading, text) in notes {
            let mut row = BTreeMap::new();
            row.insert(self.heading_column.clone(), Value::Choice(heading.clone()));
            row.insert(self.text_column.clone(), Value::Text(text.clone()));
            rows.push(Row(row));
        }
        values.values.insert(self.field.clone(), Value::Rows(rows));
        values
    }
}

/// Notes ranked by votes, most first; ties keep the order they were written
/// in. Each is (note id, votes).
pub fn ranked(mut notes: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    notes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fishbone() -> Tool {
        crate::toolkit::shipped_tools()
            .unwrap()
            .into_iter()
            .find(|t| t.id == "fishbone")
            .unwrap()
    }

    #[test]
    fn codes_are_read_as_people_type_them() {
        assert_eq!(parse_code("ACD3E4").as_deref(), Some("ACD3E4"));
        assert_eq!(parse_code(" acd-3e4 ").as_deref(), Some("ACD3E4"));
        assert_eq!(parse_code("acd 3e4").as_deref(), Some("ACD3E4"));
        assert_eq!(parse_code("acd 3e4f"), None);
        assert_eq!(parse_code("acd3e"), None);
        // Look-alikes are never in a code.
        assert_eq!(parse_code("AC0OI1"), None);
        let code = code_from([0, 1, 2, 24, 25, 255]);
        assert_eq!(code.len(), CODE_LENGTH);
        assert_eq!(parse_code(&code), Some(code));
    }

    #[test]
    fn the_fishbone_has_a_board_of_six_bones() {
        let board = Board::of(&fishbone()).unwrap();
        assert_eq!(board.field, "causes");
        assert_eq!(board.heading_column, "category");
        assert_eq!(board.text_column, "cause");
        assert_eq!(board.headings.len(), 6);
        assert_eq!(board.heading_name("people", Lang::Cy), Some("Pobl"));
    }

    #[test]
    fn notes_land_after_what_the_firm_had() {
        let tool = fishbone();
        let board = Board::of(&tool).unwrap();
        // A firm with no fishbone yet: the effect comes from its problem.
        let first = board.land(
            &tool,
            None,
            &[("people".into(), "Only one driver knows the routes".into())],
            "Late deliveries",
        );
        assert_eq!(first.text("effect"), Some("Late deliveries"));
        assert_eq!(first.rows("causes").len(), 1);
        // Validated as the tool form would be: a complete fishbone.
        assert!(
            tool.validate_input(&crate::toolkit::RawInput::from_values(&first))
                .is_ok()
        );
        // A second landing keeps the first rows and the effect it had.
        let second = board.land(
            &tool,
            Some(&first),
            &[("method".into(), "No run sheet".into())],
            "Something else",
        );
        assert_eq!(second.text("effect"), Some("Late deliveries"));
        let rows = second.rows("causes");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].text("cause"), Some("No run sheet"));
    }

    #[test]
    fn only_a_brainstorm_is_voted_on() {
        assert_eq!(Kind::Brainstorm.next(Stage::Revealed), Some(Stage::Voting));
        assert_eq!(Kind::PollSingle.next(Stage::Revealed), Some(Stage::Closed));
        assert_eq!(Kind::Round.next(Stage::Ready), Some(Stage::Writing));
        assert_eq!(Kind::Placement.next(Stage::Closed), None);
        assert_eq!(
            Kind::Round.advance_message(Stage::Revealed),
            Some("live-advance-post")
        );
    }

    #[test]
    fn poll_options_are_typed_one_a_line() {
        assert_eq!(
            poll_options(Kind::PollSingle, "Yes\n\n No \r\nMaybe\n"),
            Ok(vec!["Yes".into(), "No".into(), "Maybe".into()])
        );
        assert_eq!(
            poll_options(Kind::PollSingle, "Only one"),
            Err(OptionsError::Count)
        );
        assert_eq!(
            poll_options(Kind::PollMultiple, "Yes\nyes"),
            Err(OptionsError::Repeated)
        );
        assert_eq!(
            poll_options(Kind::PollSingle, &format!("a\n{}", "b".repeat(101))),
            Err(OptionsError::Long)
        );
        assert_eq!(poll_options(Kind::PollScale, "").unwrap().len(), 5);
    }

    #[test]
    fn answers_are_what_the_poll_takes() {
        assert_eq!(poll_answer(Kind::PollSingle, 3, &[2]), Some(vec![2]));
        assert_eq!(poll_answer(Kind::PollSingle, 3, &[0, 2]), None);
        assert_eq!(poll_answer(Kind::PollSingle, 3, &[3]), None);
        assert_eq!(
            poll_answer(Kind::PollMultiple, 3, &[2, 0, 2]),
            Some(vec![0, 2])
        );
        assert_eq!(poll_answer(Kind::PollMultiple, 3, &[]), None);
        assert_eq!(poll_answer(Kind::PollScale, 5, &[4]), Some(vec![4]));
        assert_eq!(read_answer(&write_answer(&[0, 2])), vec![0, 2]);
        assert_eq!(tally(3, &[vec![0, 2], vec![2], vec![9]]), vec![1, 0, 2]);
    }

    #[test]
    fn an_idea_goes_where_most_placed_it() {
        assert_eq!(Quadrant::of(true, false), Quadrant::QuickWin);
        assert_eq!(
            Quadrant::majority([1, 3, 0, 2]),
            Some((Quadrant::MajorProject, 3))
        );
        // A tie goes to the quadrant shown first.
        assert_eq!(
            Quadrant::majority([0, 2, 0, 2]),
            Some((Quadrant::MajorProject, 2))
        );
        assert_eq!(Quadrant::majority([0; 4]), None);
    }

    #[test]
    fn votes_rank_most_first_and_ties_by_order_written() {
        assert_eq!(
            ranked(vec![(1, 2), (2, 5), (3, 2), (4, 0)]),
            vec![(2, 5), (1, 2), (3, 2), (4, 0)]
        );
    }
}
