//! Tool definitions: the schema, its errors, and reading and checking a definition.

use super::*;
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

// ---------------------------------------------------------------------------
// Tool definitions
// ---------------------------------------------------------------------------

/// One option of a `choice`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub id: String,
    pub en: String,
    pub cy: String,
}

impl Choice {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Cy => &self.cy,
        }
    }
}

/// Settings of a `number` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberSpec {
    pub min: Option<Number>,
    pub max: Option<Number>,
    pub unit: Option<Text>,
    /// Whole numbers only.
    pub integer: bool,
}

/// What kind of value a field holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several paragraphs.
    LongText,
    Number(NumberSpec),
    Choice {
        options: Vec<Choice>,
    },
    /// A whole number on a scale, e.g. 1–5.
    Rating {
        min: u8,
        max: u8,
    },
    /// A repeating table; only in a [`Field`], never in a [`Column`].
    Rows {
        columns: Vec<Column>,
    },
}

impl FieldKind {
    /// The name used in the TOML (`kind = "..."`).
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::LongText => "long_text",
            FieldKind::Number(_) => "number",
            FieldKind::Choice { .. } => "choice",
            FieldKind::Rating { .. } => "rating",
            FieldKind::Rows { .. } => "rows",
        }
    }

    /// The option with this id, for a `choice`.
    pub fn option(&self, id: &str) -> Option<&Choice> {
        match self {
            FieldKind::Choice { options } => options.iter().find(|o| o.id == id),
            _ => None,
        }
    }
}

/// A field a participant fills in about their own process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    /// For `rows`: at least one row must be filled in.
    pub required: bool,
    pub kind: FieldKind,
}

impl Field {
    /// The columns of a `rows` field (empty for every other kind).
    pub fn columns(&self) -> &[Column] {
        match &self.kind {
            FieldKind::Rows { columns } => columns,
            _ => &[],
        }
    }

    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns().iter().find(|c| c.id == id)
    }
}

/// A column of a `rows` field: a field of kind text, number, choice or rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    /// A filled-in row must have this cell.
    pub required: bool,
    pub kind: FieldKind,
}

/// The computed outputs a tool may declare with `computed = "..."`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComputedKind {
    ValueStream,
    Wastes,
    ImpactEffort,
    Fishbone,
}

impl ComputedKind {
    pub const ALL: [ComputedKind; 4] = [
        ComputedKind::ValueStream,
        ComputedKind::Wastes,
        ComputedKind::ImpactEffort,
        ComputedKind::Fishbone,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ComputedKind::ValueStream => "value_stream",
            ComputedKind::Wastes => "wastes",
            ComputedKind::ImpactEffort => "impact_effort",
            ComputedKind::Fishbone => "fishbone",
        }
    }

    pub fn from_id(id: &str) -> Option<ComputedKind> {
        ComputedKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A tool of the toolkit: guidance in both languages plus the fields a
/// participant fills in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tool {
    /// A slug, e.g. `value-stream-map`.
    pub id: String,
    /// Raised whenever the fields change; stored with every filled-in tool.
    pub version: u32,
    pub name: Text,
    pub purpose: Text,
    pub when_to_use: Text,
    /// Step-by-step guidance.
    pub steps: Vec<Text>,
    /// Questions a peer asks when reviewing a filled-in tool.
    pub checklist: Vec<Text>,
    /// A worked example from a small Welsh firm.
    pub example: Text,
    pub computed: Option<ComputedKind>,
    pub fields: Vec<Field>,
}

// ---------------------------------------------------------------------------
// Definition errors
// ---------------------------------------------------------------------------

/// Why a tool definition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ToolError {
    /// Not TOML, or a key of the wrong type or unknown to the schema. The
    /// message is the TOML reader's and names the line and column.
    #[error("{0}")]
    Toml(String),
    /// Well-formed TOML that breaks the rules; every problem found is listed.
    #[error("{}", join_issues(.0))]
    Invalid(Vec<ToolIssue>),
    /// A tool shipped with Ymarfer is broken (a bug in `toolkit/`).
    #[error("toolkit/{file}.toml: {error}")]
    Shipped {
        file: &'static str,
        error: Box<ToolError>,
    },
}

pub(crate) fn join_issues(issues: &[ToolIssue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl ToolError {
    /// The problems found, when the TOML itself was readable.
    pub fn issues(&self) -> &[ToolIssue] {
        match self {
            ToolError::Toml(_) => &[],
            ToolError::Invalid(issues) => issues,
            ToolError::Shipped { error, .. } => error.issues(),
        }
    }
}

/// One problem in a tool definition, and where it is, e.g.
/// `fields[2] "steps".columns[3] "pca".max`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolIssue {
    pub at: String,
    pub problem: Problem,
}

impl fmt::Display for ToolIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}

/// What is wrong with part of a tool definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A key that must be there is not.
    Missing,
    /// A text (in one language) is blank.
    Empty,
    /// The tool id is not a slug (lowercase letters, digits, single hyphens).
    NotSlug(String),
    /// A field, column or option id is not lowercase letters, digits and
    /// underscores starting with a letter (at most 40 characters).
    NotIdentifier(String),
    /// The version is not a whole number from 1 up.
    BadVersion(i64),
    /// The id is used twice among its siblings.
    Duplicate(String),
    /// The kind is not one of the six kinds.
    UnknownKind(String),
    /// The key means nothing for this kind of field.
    NotAllowedHere {
        key: &'static str,
        kind: &'static str,
    },
    /// A choice needs at least two options.
    TooFewOptions,
    /// A rows field needs at least one column.
    NoColumns,
    /// Columns may be text, number, choice or rating only.
    NotAllowedInColumn(&'static str),
    /// `min` is greater than `max`.
    MinAboveMax,
    /// A bound is not a number with at most two decimals below one trillion.
    BadBound,
    /// A whole-number field has a bound with decimals.
    FractionalBound,
    /// A rating scale must be whole numbers with 0 ≤ min < max ≤ 10.
    BadRatingScale,
    /// `computed` names no known output.
    UnknownComputed(String),
    /// The computed output needs a field or column the tool lacks.
    ComputedNeeds {
        computed: ComputedKind,
        field: &'static str,
        column: Option<&'static str>,
        requirement: &'static str,
    },
    /// A shipped tool's id differs from its file name.
    IdNotFileName(String),
}

impl Problem {
    /// A Fluent key for showing the problem in either language.
    pub fn message_id(&self) -> &'static str {
        match self {
            Problem::Missing => "toolkit-error-missing",
            Problem::Empty => "toolkit-error-empty",
            Problem::NotSlug(_) => "toolkit-error-not-slug",
            Problem::NotIdentifier(_) => "toolkit-error-not-identifier",
            Problem::BadVersion(_) => "toolkit-error-version",
            Problem::Duplicate(_) => "toolkit-error-duplicate",
            Problem::UnknownKind(_) => "toolkit-error-unknown-kind",
            Problem::NotAllowedHere { .. } => "toolkit-error-key-not-allowed",
            Problem::TooFewOptions => "toolkit-error-too-few-options",
            Problem::NoColumns => "toolkit-error-no-columns",
            Problem::NotAllowedInColumn(_) => "toolkit-error-column-kind",
            Problem::MinAboveMax => "toolkit-error-min-above-max",
            Problem::BadBound => "toolkit-error-bound",
            Problem::FractionalBound => "toolkit-error-fractional-bound",
            Problem::BadRatingScale => "toolkit-error-rating-scale",
            Problem::UnknownComputed(_) => "toolkit-error-unknown-computed",
            Problem::ComputedNeeds { .. } => "toolkit-error-computed-needs",
            Problem::IdNotFileName(_) => "toolkit-error-id-not-file-name",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing => f.write_str("is missing"),
            Problem::Empty => f.write_str("is empty"),
            Problem::NotSlug(s) => write!(
                f,
                "{s:?} is not a slug (lowercase letters, digits and single hyphens, at most 64 characters)"
            ),
            Problem::NotIdentifier(s) => write!(
                f,
                "{s:?} is not a valid id (a lowercase letter, then lowercase letters, digits or underscores, at most 40 characters)"
            ),
            Problem::BadVersion(v) => write!(f, "{v} is not a version (a whole number from 1)"),
            Problem::Duplicate(s) => write!(f, "the id {s:?} is used more than once"),
            Problem::UnknownKind(s) => write!(
                f,
                "{s:?} is not a kind (text, long_text, number, choice, rating, rows)"
            ),
            Problem::NotAllowedHere { key, kind } => {
                write!(f, "a {kind} field cannot have `{key}`")
            }
            Problem::TooFewOptions => f.write_str("a choice needs at least two options"),
            Problem::NoColumns => f.write_str("a rows field needs at least one column"),
            Problem::NotAllowedInColumn(kind) => write!(
                f,
                "a column cannot be {kind} (only text, number, choice or rating)"
            ),
            Problem::MinAboveMax => f.write_str("min is greater than max"),
            Problem::BadBound => {
                f.write_str("is not a number with at most two decimals below one trillion")
            }
            Problem::FractionalBound => {
                f.write_str("has decimals but the field takes whole numbers (integer = true)")
            }
            Problem::BadRatingScale => {
                f.write_str("a rating scale needs whole numbers with 0 ≤ min < max ≤ 10")
            }
            Problem::UnknownComputed(s) => write!(
                f,
                "{s:?} is not a computed output (value_stream, wastes, impact_effort, fishbone)"
            ),
            Problem::ComputedNeeds {
                computed,
                field,
                column,
                requirement,
            } => match column {
                Some(column) => write!(
                    f,
                    "{} needs the rows field {field:?} to have a column {column:?}: {requirement}",
                    computed.id()
                ),
                None => write!(f, "{} needs {field:?}: {requirement}", computed.id()),
            },
            Problem::IdNotFileName(s) => write!(f, "the id must be the file name {s:?}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Reading and checking a definition
// ---------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTool {
    pub(crate) id: Option<String>,
    pub(crate) version: Option<i64>,
    pub(crate) name: Option<RawText>,
    pub(crate) purpose: Option<RawText>,
    pub(crate) when_to_use: Option<RawText>,
    pub(crate) steps: Option<Vec<RawText>>,
    pub(crate) checklist: Option<Vec<RawText>>,
    pub(crate) example: Option<RawText>,
    pub(crate) computed: Option<String>,
    pub(crate) fields: Option<Vec<RawField>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawText {
    pub(crate) en: Option<String>,
    pub(crate) cy: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChoice {
    pub(crate) id: Option<String>,
    pub(crate) en: Option<String>,
    pub(crate) cy: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
pub(crate) enum RawNum {
    Int(i64),
    Float(f64),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawField {
    pub(crate) id: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) label: Option<RawText>,
    pub(crate) help: Option<RawText>,
    pub(crate) required: Option<bool>,
    pub(crate) min: Option<RawNum>,
    pub(crate) max: Option<RawNum>,
    pub(crate) unit: Option<RawText>,
    pub(crate) integer: Option<bool>,
    pub(crate) options: Option<Vec<RawChoice>>,
    pub(crate) columns: Option<Vec<RawField>>,
}

/// Lowercase letters and digits in groups joined by single hyphens.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A lowercase letter, then lowercase letters, digits or underscores.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut bytes = s.bytes();
    s.len() <= 40
        && bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[derive(Default)]
pub(crate) struct Checker {
    pub(crate) issues: Vec<ToolIssue>,
}

impl Checker {
    fn push(&mut self, at: impl Into<String>, problem: Problem) {
        self.issues.push(ToolIssue {
            at: at.into(),
            problem,
        });
    }

    fn lang_text(&mut self, at: String, value: Option<&String>) -> String {
        match value {
            None => {
                self.push(at, Problem::Missing);
                String::new()
            }
            Some(s) if s.trim().is_empty() => {
                self.push(at, Problem::Empty);
                String::new()
            }
            Some(s) => s.trim().to_string(),
        }
    }

    fn text(&mut self, at: &str, raw: Option<&RawText>) -> Text {
        match raw {
            None => {
                self.push(at, Problem::Missing);
                Text::new("", "")
            }
            Some(raw) => Text {
                en: self.lang_text(format!("{at}.en"), raw.en.as_ref()),
                cy: self.lang_text(format!("{at}.cy"), raw.cy.as_ref()),
            },
        }
    }

    fn identifier(&mut self, at: &str, id: Option<&String>) -> String {
        match id {
            None => {
                self.push(format!("{at}.id"), Problem::Missing);
                String::new()
            }
            Some(id) => {
                if !is_identifier(id) {
                    self.push(format!("{at}.id"), Problem::NotIdentifier(id.clone()));
                }
                id.clone()
            }
        }
    }

    fn bound(&mut self, at: String, raw: Option<RawNum>, integer: bool) -> Option<Number> {
        let n = match raw? {
            RawNum::Int(i) => {
                if i.unsigned_abs() >= 10u64.pow(NUMBER_MAX_WHOLE_DIGITS as u32) {
                    self.push(at, Problem::BadBound);
                    return None;
                }
                Number::from_int(i)
            }
            RawNum::Float(x) => {
                let scaled = x * 100.0;
                let rounded = scaled.round();
                if !x.is_finite() || x.abs() >= 1e12 || (scaled - rounded).abs() > 1e-6 {
                    self.push(at, Problem::BadBound);
                    return None;
                }
                // Within ±1e14, so the conversion is exact.
                Number::from_hundredths(rounded as i64)
            }
        };
        if integer && !n.is_integer() {
            self.push(at, Problem::FractionalBound);
        }
        Some(n)
    }

    fn rating_bound(&mut self, at: &str, raw: Option<RawNum>, default: u8) -> Option<u8> {
        match raw {
            None => Some(default),
            Some(RawNum::Int(i)) if (0..=RATING_CEILING).contains(&i) => u8::try_from(i).ok(),
            Some(_) => {
                self.push(at, Problem::BadRatingScale);
                None
            }
        }
    }

    /// Reports the kind-specific keys that mean nothing for `kind`.
    fn forbid(&mut self, at: &str, raw: &RawField, kind: &'static str, allowed: &[&str]) {
        let present = [
            ("min", raw.min.is_some()),
            ("max", raw.max.is_some()),
            ("unit", raw.unit.is_some()),
            ("integer", raw.integer.is_some()),
            ("options", raw.options.is_some()),
            ("columns", raw.columns.is_some()),
        ];
        for (key, is_present) in present {
            if is_present && !allowed.contains(&key) {
                self.push(format!("{at}.{key}"), Problem::NotAllowedHere { key, kind });
            }
        }
    }

    fn field(&mut self, at: &str, raw: &RawField, in_column: bool) -> Field {
        let id = self.identifier(at, raw.id.as_ref());
        let label = self.text(&format!("{at}.label"), raw.label.as_ref());
        let help = raw
            .help
            .as_ref()
            .map(|h| self.text(&format!("{at}.help"), Some(h)));
        let required = raw.required.unwrap_or(false);
        let kind = match raw.kind.as_deref() {
            None => {
                self.push(format!("{at}.kind"), Problem::Missing);
                FieldKind::Text
            }
            Some("text") => {
                self.forbid(at, raw, "text", &[]);
                FieldKind::Text
            }
            Some("long_text") => {
                self.forbid(at, raw, "long_text", &[]);
                FieldKind::LongText
            }
            Some("number") => {
                self.forbid(at, raw, "number", &["min", "max", "unit", "integer"]);
                let integer = raw.integer.unwrap_or(false);
                let min = self.bound(format!("{at}.min"), raw.min, integer);
                let max = self.bound(format!("{at}.max"), raw.max, integer);
                if let (Some(lo), Some(hi)) = (min, max)
                    && lo > hi
                {
                    self.push(format!("{at}.min"), Problem::MinAboveMax);
                }
                let unit = raw
                    .unit
                    .as_ref()
                    .map(|u| self.text(&format!("{at}.unit"), Some(u)));
                FieldKind::Number(NumberSpec {
                    min,
                    max,
                    unit,
                    integer,
                })
            }
            Some("choice") => {
                self.forbid(at, raw, "choice", &["options"]);
                let options = self.options(at, raw.options.as_deref());
                FieldKind::Choice { options }
            }
            Some("rating") => {
                self.forbid(at, raw, "rating", &["min", "max"]);
                let min = self.rating_bound(&format!("{at}.min"), raw.min, 1);
                let max = self.rating_bound(&format!("{at}.max"), raw.max, 5);
                match (min, max) {
                    (Some(min), Some(max)) if min < max => FieldKind::Rating { min, max },
                    (Some(min), Some(max)) => {
                        self.push(format!("{at}.min"), Problem::BadRatingScale);
                        FieldKind::Rating { min, max }
                    }
                    _ => FieldKind::Rating { min: 1, max: 5 },
                }
            }
            Some("rows") => {
                self.forbid(at, raw, "rows", &["columns"]);
                let columns = self.columns(at, raw.columns.as_deref());
                FieldKind::Rows { columns }
            }
            Some(other) => {
                self.push(
                    format!("{at}.kind"),
                    Problem::UnknownKind(other.to_string()),
                );
                FieldKind::Text
            }
        };
        if in_column && matches!(kind, FieldKind::LongText | FieldKind::Rows { .. }) {
            self.push(
                format!("{at}.kind"),
                Problem::NotAllowedInColumn(kind.name()),
            );
        }
        Field {
            id,
            label,
            help,
            required,
            kind,
        }
    }

    fn options(&mut self, at: &str, raw: Option<&[RawChoice]>) -> Vec<Choice> {
        let Some(raw) = raw else {
            self.push(format!("{at}.options"), Problem::Missing);
            return Vec::new();
        };
        if raw.len() < 2 {
            self.push(format!("{at}.options"), Problem::TooFewOptions);
        }
        let mut seen = BTreeSet::new();
        let mut options = Vec::new();
        for (i, o) in raw.iter().enumerate() {
            let here = match &o.id {
                Some(id) => format!("{at}.options[{i}] {id:?}"),
                None => format!("{at}.options[{i}]"),
            };
            let id = self.identifier(&here, o.id.as_ref());
            if !id.is_empty() && !seen.insert(id.clone()) {
                self.push(format!("{here}.id"), Problem::Duplicate(id.clone()));
            }
            options.push(Choice {
                id,
                en: self.lang_text(format!("{here}.en"), o.en.as_ref()),
                cy: self.lang_text(format!("{here}.cy"), o.cy.as_ref()),
            });
        }
        options
    }

    fn columns(&mut self, at: &str, raw: Option<&[RawField]>) -> Vec<Column> {
        let Some(raw) = raw else {
            self.push(format!("{at}.columns"), Problem::Missing);
            return Vec::new();
        };
        if raw.is_empty() {
            self.push(format!("{at}.columns"), Problem::NoColumns);
        }
        let mut seen = BTreeSet::new();
        let mut columns = Vec::new();
        for (i, c) in raw.iter().enumerate() {
            let here = match &c.id {
                Some(id) => format!("{at}.columns[{i}] {id:?}"),
                None => format!("{at}.columns[{i}]"),
            };
            let f = self.field(&here, c, true);
            if !f.id.is_empty() && !seen.insert(f.id.clone()) {
                self.push(format!("{here}.id"), Problem::Duplicate(f.id.clone()));
            }
            columns.push(Column {
                id: f.id,
                label: f.label,
                help: f.help,
                required: f.required,
                kind: f.kind,
            });
        }
        columns
    }
}

/// What a computed output needs of one column.
pub(crate) struct Need {
    pub(crate) column: &'static str,
    pub(crate) requirement: &'static str,
    pub(crate) check: fn(&Column) -> bool,
}

pub(crate) fn is_required_text(c: &Column) -> bool {
    c.required && c.kind == FieldKind::Text
}

pub(crate) fn is_text(c: &Column) -> bool {
    c.kind == FieldKind::Text
}

pub(crate) fn is_non_negative_number(c: &Column) -> bool {
    matches!(&c.kind, FieldKind::Number(spec) if spec.min.is_some_and(|m| m >= Number::ZERO))
}

pub(crate) fn is_required_non_negative_number(c: &Column) -> bool {
    c.required && is_non_negative_number(c)
}

pub(crate) fn is_required_percentage(c: &Column) -> bool {
    c.required
        && matches!(&c.kind, FieldKind::Number(spec)
            if spec.min.is_some_and(|m| m >= Number::ZERO)
                && spec.max.is_some_and(|m| m <= Number::from_int(100)))
}

pub(crate) fn is_required_one_to_five(c: &Column) -> bool {
    c.required && c.kind == (FieldKind::Rating { min: 1, max: 5 })
}

pub(crate) fn has_exactly_options(c: &Column, ids: &[&str]) -> bool {
    match &c.kind {
        FieldKind::Choice { options } => {
            let have: BTreeSet<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let want: BTreeSet<&str> = ids.iter().copied().collect();
            c.required && have == want && options.len() == ids.len()
        }
        _ => false,
    }
}

pub(crate) fn is_waste_choice(c: &Column) -> bool {
    has_exactly_options(c, &Waste::ALL.map(Waste::id))
}

pub(crate) fn is_bone_choice(c: &Column) -> bool {
    has_exactly_options(c, &Bone::ALL.map(Bone::id))
}

/// The rows field and columns each computed output reads.
pub(crate) fn contract(kind: ComputedKind) -> (&'static str, Vec<Need>) {
    match kind {
        ComputedKind::ValueStream => (
            "steps",
            vec![
                Need {
                    column: "step",
                    requirement: "a required text column",
                    check: is_required_text,
                },
                Need {
                    column: "process_time",
                    requirement: "a required number column with min ≥ 0",
                    check: is_required_non_negative_number,
                },
                Need {
                    column: "lead_time",
                    requirement: "a required number column with min ≥ 0",
                    check: is_required_non_negative_number,
                },
                Need {
                    column: "pca",
                    requirement: "a required number column with min ≥ 0 and max ≤ 100",
                    check: is_required_percentage,
                },
            ],
        ),
        ComputedKind::Wastes => (
            "wastes",
            vec![
                Need {
                    column: "waste",
                    requirement: "a required choice whose option ids are exactly transport, inventory, motion, waiting, overproduction, overprocessing, defects, skills",
                    check: is_waste_choice,
                },
                Need {
                    column: "where_seen",
                    requirement: "a text column",
                    check: is_text,
                },
                Need {
                    column: "cost_per_month",
                    requirement: "a number column (pounds) with min ≥ 0",
                    check: is_non_negative_number,
                },
            ],
        ),
        ComputedKind::ImpactEffort => (
            "ideas",
            vec![
                Need {
                    column: "idea",
                    requirement: "a required text column",
                    check: is_required_text,
                },
                Need {
                    column: "impact",
                    requirement: "a required rating column from 1 to 5",
                    check: is_required_one_to_five,
                },
                Need {
                    column: "effort",
                    requirement: "a required rating column from 1 to 5",
                    check: is_required_one_to_five,
                },
            ],
        ),
        ComputedKind::Fishbone => (
            "causes",
            vec![
                Need {
                    column: "category",
                    requirement: "a required choice whose option ids are exactly people, method, machine, material, measurement, environment",
                    check: is_bone_choice,
                },
                Need {
                    column: "cause",
                    requirement: "a required text column",
                    check: is_required_text,
                },
            ],
        ),
    }
}

pub(crate) fn check_contract(checker: &mut Checker, computed: ComputedKind, fields: &[Field]) {
    let (field_id, needs) = contract(computed);
    let Some(field) = fields
        .iter()
        .find(|f| f.id == field_id && matches!(f.kind, FieldKind::Rows { .. }))
    else {
        checker.push(
            "computed",
            Problem::ComputedNeeds {
                computed,
                field: field_id,
                column: None,
                requirement: "a rows field with this id",
            },
        );
        return;
    };
    for need in needs {
        let ok = field.column(need.column).is_some_and(need.check);
        if !ok {
            checker.push(
                "computed",
                Problem::ComputedNeeds {
                    computed,
                    field: field_id,
                    column: Some(need.column),
                    requirement: need.requirement,
                },
            );
        }
    }
}

impl Tool {
    /// Reads a tool definition and checks every rule; all problems found are
    /// reported together, each with where it is.
    pub fn parse(toml: &str) -> Result<Tool, ToolError> {
        let raw: RawTool = toml::from_str(toml).map_err(|e| ToolError::Toml(e.to_string()))?;
        let mut c = Checker::default();

        let id = match raw.id {
            None => {
                c.push("id", Problem::Missing);
                String::new()
            }
            Some(id) => {
                if !is_slug(&id) {
                    c.push("id", Problem::NotSlug(id.clone()));
                }
                id
            }
        };
        let version = match raw.version {
            None => {
                c.push("version", Problem::Missing);
                0
            }
            Some(v) => match u32::try_from(v) {
                Ok(v) if v >= 1 => v,
                _ => {
                    c.push("version", Problem::BadVersion(v));
                    0
                }
            },
        };
        let name = c.text("name", raw.name.as_ref());
        let purpose = c.text("purpose", raw.purpose.as_ref());
        let when_to_use = c.text("when_to_use", raw.when_to_use.as_ref());
        let steps = match raw.steps {
            None => {
                c.push("steps", Problem::Missing);
                Vec::new()
            }
            Some(steps) => {
                if steps.is_empty() {
                    c.push("steps", Problem::Empty);
                }
                steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| c.text(&format!("steps[{i}]"), Some(s)))
                    .collect()
            }
        };
        // Optional: a programme's own tools may have no checklist.
        let checklist = raw
            .checklist
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, q)| c.text(&format!("checklist[{i}]"), Some(q)))
            .collect();
        let example = c.text("example", raw.example.as_ref());
        let computed = match raw.computed {
            None => None,
            Some(name) => {
                let kind = ComputedKind::from_id(&name);
                if kind.is_none() {
                    c.push("computed", Problem::UnknownComputed(name));
                }
                kind
            }
        };
        let mut fields = Vec::new();
        match raw.fields {
            None => c.push("fields", Problem::Missing),
            Some(raw_fields) => {
                if raw_fields.is_empty() {
                    c.push("fields", Problem::Empty);
                }
                let mut seen = BTreeSet::new();
                for (i, rf) in raw_fields.iter().enumerate() {
                    let here = match &rf.id {
                        Some(id) => format!("fields[{i}] {id:?}"),
                        None => format!("fields[{i}]"),
                    };
                    let f = c.field(&here, rf, false);
                    if !f.id.is_empty() && !seen.insert(f.id.clone()) {
                        c.push(format!("{here}.id"), Problem::Duplicate(f.id.clone()));
                    }
                    fields.push(f);
                }
            }
        }
        if let Some(kind) = computed {
            check_contract(&mut c, kind, &fields);
        }

        if c.issues.is_empty() {
            Ok(Tool {
                id,
                version,
                name,
                purpose,
                when_to_use,
                steps,
                checklist,
                example,
                computed,
                fields,
            })
        } else {
            Err(ToolError::Invalid(c.issues))
        }
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// What a form name refers to: the field, and for a cell its row and
    /// column. For an error summary such as "Steps, row 2, %C&A".
    pub fn locate(&self, name: &str) -> Option<(&Field, Option<(usize, &Column)>)> {
        if let Some(field) = self.field(name) {
            return Some((field, None));
        }
        let (field_id, row, column_id) = parse_cell_name(name)?;
        let field = self.field(field_id)?;
        let column = field.column(column_id)?;
        Some((field, Some((row, column))))
    }
}
