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
    fn votes_rank_most_first_and_ties_by_order_written() {
        assert_eq!(
            ranked(vec![(1, 2), (2, 5), (3, 2), (4, 0)]),
            vec![(2, 5), (1, 2), (3, 2), (4, 0)]
        );
    }
}
