//! The toolkit as data: tool definitions (TOML, bilingual, versioned), the
//! validation of what a participant fills in, and the tools' computed outputs.
//!
//! Everything here is pure: a tool is parsed from `&str`, form data arrives as
//! the `(name, value)` pairs a browser posts, and results are plain values.
//! The schema is described in `docs/toolkit.md`.
//!
//! Numbers are fixed-point: a [`Number`] holds hundredths, so a participant may
//! type at most two decimal places; pounds become pence exactly. Percentages
//! computed here are [`Percent`]s in tenths of a percent, rounded half away
//! from zero. No floating point is used for any value a person sees.

use crate::decimal::{self, DecimalError, Sign};
use crate::{Lang, Pence};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Most rows a repeating table accepts.
pub const MAX_ROWS: usize = 100;
/// Most characters in a `text` value.
pub const TEXT_MAX_CHARS: usize = 300;
/// Most characters in a `long_text` value.
pub const LONG_TEXT_MAX_CHARS: usize = 10_000;
/// Most digits before the decimal point of a number (so every value is below
/// one trillion and sums of [`MAX_ROWS`] values cannot overflow).
const NUMBER_MAX_WHOLE_DIGITS: usize = 12;
/// Ratings may run from 0 up to this.
const RATING_CEILING: i64 = 10;

// ---------------------------------------------------------------------------
// Bilingual text
// ---------------------------------------------------------------------------

/// A piece of text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub cy: String,
}

impl Text {
    pub fn new(en: impl Into<String>, cy: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            cy: cy.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Cy => &self.cy,
        }
    }
}

// ---------------------------------------------------------------------------
// Numbers and percentages
// ---------------------------------------------------------------------------

/// A decimal number with at most two decimal places, held as hundredths
/// (so £12.34 is `Number(1234)`, which is also 1234 pence). Serialised as a
/// decimal string such as `"12.5"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Number(i64);

/// Why a typed number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all ("abc", "1e5", "1.2.3", "").
    Invalid,
    /// More than two decimal places.
    TooPrecise,
    /// More than twelve digits before the decimal point.
    TooLarge,
}

impl Number {
    pub const ZERO: Number = Number(0);

    pub const fn from_hundredths(hundredths: i64) -> Number {
        Number(hundredths)
    }

    /// A whole number (saturating at the limits of `i64` hundredths).
    pub const fn from_int(whole: i64) -> Number {
        Number(whole.saturating_mul(100))
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    pub const fn is_integer(self) -> bool {
        self.0 % 100 == 0
    }

    /// As pence, reading the number as pounds.
    pub const fn as_pence(self) -> Pence {
        Pence(self.0)
    }

    /// Parses a number as a person types it: `"12"`, `"-3.5"`, `".25"`,
    /// `"1,250.50"` (commas only as thousands separators), `"£40"`, `"95%"`.
    pub fn parse(input: &str) -> Result<Number, NumberError> {
        let mut s = input.trim();
        let negative = match s.strip_prefix('-') {
            Some(rest) => {
                s = rest.trim_start();
                "-"
            }
            None => "",
        };
        s = s.strip_prefix('£').unwrap_or(s);
        s = s.strip_suffix('%').unwrap_or(s).trim_end();
        let hundredths =
            decimal::parse(&format!("{negative}{s}"), 2, Sign::Any).map_err(|e| match e {
                DecimalError::TooPrecise => NumberError::TooPrecise,
                DecimalError::TooLarge => NumberError::TooLarge,
                DecimalError::Invalid | DecimalError::Negative => NumberError::Invalid,
            })?;
        if hundredths.unsigned_abs() >= 10u64.pow(NUMBER_MAX_WHOLE_DIGITS as u32) * 100 {
            return Err(NumberError::TooLarge);
        }
        Ok(Number(hundredths))
    }
}

impl fmt::Display for Number {
    /// Plain decimal, no grouping, no trailing zeros: `12`, `12.5`, `12.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        if self.0 < 0 {
            f.write_str("-")?;
        }
        let (whole, frac) = (abs / 100, abs % 100);
        if frac == 0 {
            write!(f, "{whole}")
        } else if frac % 10 == 0 {
            write!(f, "{whole}.{}", frac / 10)
        } else {
            write!(f, "{whole}.{frac:02}")
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        let s = String::deserialize(deserializer)?;
        Number::parse(&s).map_err(|_| serde::de::Error::custom(format!("not a number: {s:?}")))
    }
}

/// A percentage with one decimal place, held in tenths of a percent
/// (`Percent { tenths: 581 }` is 58.1%). Displayed as `58.1%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Percent {
    pub tenths: i64,
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.tenths.unsigned_abs();
        let sign = if self.tenths < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{}%", abs / 10, abs % 10)
    }
}

use crate::decimal::div_round;

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

fn join_issues(issues: &[ToolIssue]) -> String {
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
struct RawTool {
    id: Option<String>,
    version: Option<i64>,
    name: Option<RawText>,
    purpose: Option<RawText>,
    when_to_use: Option<RawText>,
    steps: Option<Vec<RawText>>,
    example: Option<RawText>,
    computed: Option<String>,
    fields: Option<Vec<RawField>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: Option<String>,
    cy: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: Option<String>,
    en: Option<String>,
    cy: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
enum RawNum {
    Int(i64),
    Float(f64),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: Option<String>,
    kind: Option<String>,
    label: Option<RawText>,
    help: Option<RawText>,
    required: Option<bool>,
    min: Option<RawNum>,
    max: Option<RawNum>,
    unit: Option<RawText>,
    integer: Option<bool>,
    options: Option<Vec<RawChoice>>,
    columns: Option<Vec<RawField>>,
}

/// Lowercase letters and digits in groups joined by single hyphens.
fn is_slug(s: &str) -> bool {
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
fn is_identifier(s: &str) -> bool {
    let mut bytes = s.bytes();
    s.len() <= 40
        && bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[derive(Default)]
struct Checker {
    issues: Vec<ToolIssue>,
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
struct Need {
    column: &'static str,
    requirement: &'static str,
    check: fn(&Column) -> bool,
}

fn is_required_text(c: &Column) -> bool {
    c.required && c.kind == FieldKind::Text
}

fn is_text(c: &Column) -> bool {
    c.kind == FieldKind::Text
}

fn is_non_negative_number(c: &Column) -> bool {
    matches!(&c.kind, FieldKind::Number(spec) if spec.min.is_some_and(|m| m >= Number::ZERO))
}

fn is_required_non_negative_number(c: &Column) -> bool {
    c.required && is_non_negative_number(c)
}

fn is_required_percentage(c: &Column) -> bool {
    c.required
        && matches!(&c.kind, FieldKind::Number(spec)
            if spec.min.is_some_and(|m| m >= Number::ZERO)
                && spec.max.is_some_and(|m| m <= Number::from_int(100)))
}

fn is_required_one_to_five(c: &Column) -> bool {
    c.required && c.kind == (FieldKind::Rating { min: 1, max: 5 })
}

fn has_exactly_options(c: &Column, ids: &[&str]) -> bool {
    match &c.kind {
        FieldKind::Choice { options } => {
            let have: BTreeSet<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let want: BTreeSet<&str> = ids.iter().copied().collect();
            c.required && have == want && options.len() == ids.len()
        }
        _ => false,
    }
}

fn is_waste_choice(c: &Column) -> bool {
    has_exactly_options(c, &Waste::ALL.map(Waste::id))
}

fn is_bone_choice(c: &Column) -> bool {
    has_exactly_options(c, &Bone::ALL.map(Bone::id))
}

/// The rows field and columns each computed output reads.
fn contract(kind: ComputedKind) -> (&'static str, Vec<Need>) {
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

fn check_contract(checker: &mut Checker, computed: ComputedKind, fields: &[Field]) {
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

// ---------------------------------------------------------------------------
// The shipped toolkit
// ---------------------------------------------------------------------------

/// The twelve tools shipped in `toolkit/`, file name (= tool id) and source,
/// in teaching order.
pub const SHIPPED: [(&str, &str); 12] = [
    ("sipoc", include_str!("../../../toolkit/sipoc.toml")),
    (
        "process-map",
        include_str!("../../../toolkit/process-map.toml"),
    ),
    (
        "value-stream-map",
        include_str!("../../../toolkit/value-stream-map.toml"),
    ),
    (
        "eight-wastes",
        include_str!("../../../toolkit/eight-wastes.toml"),
    ),
    ("five-whys", include_str!("../../../toolkit/five-whys.toml")),
    ("fishbone", include_str!("../../../toolkit/fishbone.toml")),
    (
        "impact-effort",
        include_str!("../../../toolkit/impact-effort.toml"),
    ),
    (
        "model-for-improvement",
        include_str!("../../../toolkit/model-for-improvement.toml"),
    ),
    ("pdsa", include_str!("../../../toolkit/pdsa.toml")),
    (
        "driver-diagram",
        include_str!("../../../toolkit/driver-diagram.toml"),
    ),
    ("a3", include_str!("../../../toolkit/a3.toml")),
    (
        "waste-hierarchy",
        include_str!("../../../toolkit/waste-hierarchy.toml"),
    ),
];

/// Parses the shipped tools, in teaching order. An error here is a bug in
/// `toolkit/` (the tests parse every file).
pub fn shipped_tools() -> Result<Vec<Tool>, ToolError> {
    SHIPPED
        .iter()
        .map(|(file, source)| {
            let shipped = |error| ToolError::Shipped {
                file,
                error: Box::new(error),
            };
            let tool = Tool::parse(source).map_err(shipped)?;
            if tool.id != *file {
                return Err(shipped(ToolError::Invalid(vec![ToolIssue {
                    at: "id".into(),
                    problem: Problem::IdNotFileName((*file).to_string()),
                }])));
            }
            Ok(tool)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Participants' values
// ---------------------------------------------------------------------------

/// One validated value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// From a `text` or `long_text` field (trimmed; long text keeps `\n`).
    Text(String),
    Number(Number),
    /// The option id.
    Choice(String),
    Rating(u8),
    Rows(Vec<Row>),
}

impl Value {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_choice(&self) -> Option<&str> {
        match self {
            Value::Choice(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_rating(&self) -> Option<u8> {
        match self {
            Value::Rating(r) => Some(*r),
            _ => None,
        }
    }

    pub fn as_rows(&self) -> Option<&[Row]> {
        match self {
            Value::Rows(rows) => Some(rows),
            _ => None,
        }
    }

    /// As typed into a form input (numbers without grouping).
    fn to_input(&self) -> String {
        match self {
            Value::Text(s) | Value::Choice(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Rating(r) => r.to_string(),
            Value::Rows(_) => String::new(),
        }
    }
}

/// One filled-in row of a `rows` field: column id → value. Empty optional
/// cells are absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Row(pub BTreeMap<String, Value>);

impl Row {
    pub fn get(&self, column: &str) -> Option<&Value> {
        self.0.get(column)
    }

    pub fn text(&self, column: &str) -> Option<&str> {
        self.get(column).and_then(Value::as_text)
    }

    pub fn number(&self, column: &str) -> Option<Number> {
        self.get(column).and_then(Value::as_number)
    }

    pub fn choice(&self, column: &str) -> Option<&str> {
        self.get(column).and_then(Value::as_choice)
    }

    pub fn rating(&self, column: &str) -> Option<u8> {
        self.get(column).and_then(Value::as_rating)
    }
}

/// A participant's validated answers to one version of a tool; the web layer
/// stores it as JSON. Empty optional fields are absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolValues {
    pub tool_id: String,
    pub tool_version: u32,
    pub values: BTreeMap<String, Value>,
}

impl ToolValues {
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.values.get(field)
    }

    pub fn text(&self, field: &str) -> Option<&str> {
        self.get(field).and_then(Value::as_text)
    }

    /// The rows of a `rows` field (empty when there are none).
    pub fn rows(&self, field: &str) -> &[Row] {
        self.get(field).and_then(Value::as_rows).unwrap_or(&[])
    }
}

/// A refused value: the form field name (`aim`, `steps[2][pca]`), a Fluent
/// message key, and the bound to show where the message needs one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    /// One of `tool-error-required`, `tool-error-number`, `tool-error-decimals`,
    /// `tool-error-number-too-large`, `tool-error-integer`, `tool-error-min`
    /// (with `min`), `tool-error-max` (with `max`), `tool-error-choice`,
    /// `tool-error-rating` (with `min` and `max`), `tool-error-too-long` (with
    /// `max` characters), `tool-error-too-many-rows` (with `max` rows),
    /// `tool-error-lead-time-below-process-time` (with `min`, the process time).
    pub message_id: &'static str,
    pub min: Option<Number>,
    pub max: Option<Number>,
}

impl FieldError {
    fn new(field: impl Into<String>, message_id: &'static str) -> FieldError {
        FieldError {
            field: field.into(),
            message_id,
            min: None,
            max: None,
        }
    }

    fn with_min(mut self, min: Number) -> FieldError {
        self.min = Some(min);
        self
    }

    fn with_max(mut self, max: Number) -> FieldError {
        self.max = Some(max);
        self
    }
}

/// The form name of a cell: `steps[0][process_time]`.
pub fn cell_name(field: &str, row: usize, column: &str) -> String {
    format!("{field}[{row}][{column}]")
}

/// Splits `steps[0][process_time]` into `("steps", 0, "process_time")`.
pub fn parse_cell_name(name: &str) -> Option<(&str, usize, &str)> {
    let (field, rest) = name.split_once('[')?;
    let (index, rest) = rest.split_once("][")?;
    let column = rest.strip_suffix(']')?;
    if field.is_empty()
        || column.is_empty()
        || column.contains(['[', ']'])
        || index.is_empty()
        || index.len() > 6
        || !index.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((field, index.parse().ok()?, column))
}

/// What a person typed, kept so a refused form can be shown again as they
/// left it. Rows are renumbered from 0 in the order posted, with rows left
/// wholly blank dropped; error names refer to this numbering.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawInput {
    /// Field id → text typed, for every field but `rows`.
    pub values: BTreeMap<String, String>,
    /// `rows` field id → rows, each column id → text typed.
    pub rows: BTreeMap<String, Vec<BTreeMap<String, String>>>,
}

impl RawInput {
    /// From posted form pairs. Names the tool does not know (such as `_csrf`)
    /// are ignored; if a name comes twice the last one wins.
    pub fn from_form(tool: &Tool, form: &[(String, String)]) -> RawInput {
        let mut values = BTreeMap::new();
        let mut by_index: BTreeMap<String, BTreeMap<usize, BTreeMap<String, String>>> =
            BTreeMap::new();
        for (name, value) in form {
            if let Some(field) = tool.field(name) {
                if !matches!(field.kind, FieldKind::Rows { .. }) {
                    values.insert(name.clone(), value.clone());
                }
                continue;
            }
            let Some((field_id, index, column)) = parse_cell_name(name) else {
                continue;
            };
            let known = tool
                .field(field_id)
                .is_some_and(|f| f.column(column).is_some());
            if known {
                by_index
                    .entry(field_id.to_string())
                    .or_default()
                    .entry(index)
                    .or_default()
                    .insert(column.to_string(), value.clone());
            }
        }
        let rows = by_index
            .into_iter()
            .map(|(field, rows)| {
                let kept = rows
                    .into_values()
                    .filter(|cells| cells.values().any(|v| !v.trim().is_empty()))
                    .collect();
                (field, kept)
            })
            .collect();
        RawInput { values, rows }
    }

    /// From stored values, to fill a form for editing.
    pub fn from_values(values: &ToolValues) -> RawInput {
        let mut raw = RawInput::default();
        for (id, value) in &values.values {
            match value {
                Value::Rows(rows) => {
                    let rows = rows
                        .iter()
                        .map(|row| {
                            row.0
                                .iter()
                                .map(|(col, v)| (col.clone(), v.to_input()))
                                .collect()
                        })
                        .collect();
                    raw.rows.insert(id.clone(), rows);
                }
                other => {
                    raw.values.insert(id.clone(), other.to_input());
                }
            }
        }
        raw
    }

    /// The text for a field's input ("" when none).
    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or("")
    }

    /// How many filled-in rows a `rows` field has.
    pub fn row_count(&self, field: &str) -> usize {
        self.rows.get(field).map_or(0, Vec::len)
    }

    /// The text for one cell's input ("" when none).
    pub fn cell(&self, field: &str, row: usize, column: &str) -> &str {
        self.rows
            .get(field)
            .and_then(|rows| rows.get(row))
            .and_then(|cells| cells.get(column))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// One line: control characters (newlines, tabs) become spaces; trimmed.
fn normalise_line(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Paragraphs: line endings become `\n`, other control characters but tab
/// are dropped; trimmed.
fn normalise_long(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_string()
}

fn limit_as_number(n: usize) -> Number {
    Number::from_int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Checks one typed value against its kind; `None` when empty or refused.
fn check_value(
    kind: &FieldKind,
    required: bool,
    raw: &str,
    name: &str,
    errors: &mut Vec<FieldError>,
) -> Option<Value> {
    let text = match kind {
        FieldKind::LongText => normalise_long(raw),
        _ => normalise_line(raw),
    };
    if text.is_empty() {
        if required {
            errors.push(FieldError::new(name, "tool-error-required"));
        }
        return None;
    }
    let mut refuse = |e: FieldError| {
        errors.push(e);
        None
    };
    match kind {
        FieldKind::Text | FieldKind::LongText => {
            let limit = if *kind == FieldKind::Text {
                TEXT_MAX_CHARS
            } else {
                LONG_TEXT_MAX_CHARS
            };
            if text.chars().count() > limit {
                return refuse(
                    FieldError::new(name, "tool-error-too-long").with_max(limit_as_number(limit)),
                );
            }
            Some(Value::Text(text))
        }
        FieldKind::Number(spec) => {
            let n = match Number::parse(&text) {
                Ok(n) => n,
                Err(NumberError::TooPrecise) if spec.integer => {
                    return refuse(FieldError::new(name, "tool-error-integer"));
                }
                Err(NumberError::TooPrecise) => {
                    return refuse(FieldError::new(name, "tool-error-decimals"));
                }
                Err(NumberError::TooLarge) => {
                    return refuse(FieldError::new(name, "tool-error-number-too-large"));
                }
                Err(NumberError::Invalid) => {
                    return refuse(FieldError::new(name, "tool-error-number"));
                }
            };
            if spec.integer && !n.is_integer() {
                return refuse(FieldError::new(name, "tool-error-integer"));
            }
            if let Some(min) = spec.min.filter(|min| n < *min) {
                return refuse(FieldError::new(name, "tool-error-min").with_min(min));
            }
            if let Some(max) = spec.max.filter(|max| n > *max) {
                return refuse(FieldError::new(name, "tool-error-max").with_max(max));
            }
            Some(Value::Number(n))
        }
        FieldKind::Choice { options } => {
            if options.iter().any(|o| o.id == text) {
                Some(Value::Choice(text))
            } else {
                refuse(FieldError::new(name, "tool-error-choice"))
            }
        }
        FieldKind::Rating { min, max } => match text.parse::<u8>() {
            Ok(r) if (*min..=*max).contains(&r) => Some(Value::Rating(r)),
            _ => refuse(
                FieldError::new(name, "tool-error-rating")
                    .with_min(Number::from_int(i64::from(*min)))
                    .with_max(Number::from_int(i64::from(*max))),
            ),
        },
        FieldKind::Rows { .. } => None,
    }
}

impl Tool {
    /// Validates posted form data. To show a refused form again with what the
    /// person typed, build [`RawInput::from_form`] and use
    /// [`Tool::validate_input`], which this wraps.
    pub fn validate(&self, form: &[(String, String)]) -> Result<ToolValues, Vec<FieldError>> {
        self.validate_input(&RawInput::from_form(self, form))
    }

    /// Validates what a person typed; every problem is reported, in field
    /// order, named as the form names it.
    pub fn validate_input(&self, input: &RawInput) -> Result<ToolValues, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut values = BTreeMap::new();
        for field in &self.fields {
            let FieldKind::Rows { columns } = &field.kind else {
                if let Some(v) = check_value(
                    &field.kind,
                    field.required,
                    input.value(&field.id),
                    &field.id,
                    &mut errors,
                ) {
                    values.insert(field.id.clone(), v);
                }
                continue;
            };
            let raw_rows = input.rows.get(&field.id).map_or(&[][..], Vec::as_slice);
            if raw_rows.is_empty() {
                if field.required {
                    errors.push(FieldError::new(&field.id, "tool-error-required"));
                }
                continue;
            }
            if raw_rows.len() > MAX_ROWS {
                errors.push(
                    FieldError::new(&field.id, "tool-error-too-many-rows")
                        .with_max(limit_as_number(MAX_ROWS)),
                );
                continue;
            }
            let mut rows = Vec::with_capacity(raw_rows.len());
            for (i, cells) in raw_rows.iter().enumerate() {
                let mut row = BTreeMap::new();
                for column in columns {
                    let name = cell_name(&field.id, i, &column.id);
                    let raw = cells.get(&column.id).map_or("", String::as_str);
                    if let Some(v) =
                        check_value(&column.kind, column.required, raw, &name, &mut errors)
                    {
                        row.insert(column.id.clone(), v);
                    }
                }
                rows.push(Row(row));
            }
            if self.computed == Some(ComputedKind::ValueStream) && field.id == "steps" {
                // Lead time includes process time, so it cannot be shorter.
                for (i, row) in rows.iter().enumerate() {
                    if let (Some(pt), Some(lt)) =
                        (row.number("process_time"), row.number("lead_time"))
                        && lt < pt
                    {
                        errors.push(
                            FieldError::new(
                                cell_name(&field.id, i, "lead_time"),
                                "tool-error-lead-time-below-process-time",
                            )
                            .with_min(pt),
                        );
                    }
                }
            }
            values.insert(field.id.clone(), Value::Rows(rows));
        }
        if errors.is_empty() {
            Ok(ToolValues {
                tool_id: self.id.clone(),
                tool_version: self.version,
                values,
            })
        } else {
            Err(errors)
        }
    }

    /// The tool's computed output for these values, if it declares one.
    pub fn compute(&self, values: &ToolValues) -> Option<Computed> {
        Some(match self.computed? {
            ComputedKind::ValueStream => Computed::ValueStream(value_stream(values)),
            ComputedKind::Wastes => Computed::Wastes(rank_wastes(values)),
            ComputedKind::ImpactEffort => Computed::ImpactEffort(impact_effort(values)),
            ComputedKind::Fishbone => Computed::Fishbone(fishbone(values)),
        })
    }
}

// ---------------------------------------------------------------------------
// Computed outputs
// ---------------------------------------------------------------------------

/// A tool's computed output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "computed", rename_all = "snake_case")]
pub enum Computed {
    ValueStream(ValueStream),
    Wastes(WasteRanking),
    ImpactEffort(ImpactEffort),
    Fishbone(Fishbone),
}

// --- value stream ----------------------------------------------------------

/// How many of the largest waits a value stream map highlights.
pub const HIGHLIGHTED_WAITS: usize = 3;

/// One step of a value stream. Times are in the tool's time unit (minutes in
/// the shipped map); `pca` is percent complete and accurate, 0–100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VsmStep {
    pub name: String,
    pub process_time: Number,
    /// Waiting plus process time.
    pub lead_time: Number,
    pub pca: Number,
}

impl VsmStep {
    /// Lead time − process time, never below zero.
    pub fn wait(&self) -> Number {
        Number::from_hundredths((self.lead_time.0 - self.process_time.0).max(0))
    }
}

/// A wait between steps: which step (0-based), its name and how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepWait {
    pub index: usize,
    pub name: String,
    pub wait: Number,
}

/// The figures of a value stream map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueStream {
    pub steps: Vec<VsmStep>,
    /// ΣPT, in the tool's time unit.
    pub total_process_time: Number,
    /// ΣLT, in the tool's time unit.
    pub total_lead_time: Number,
    /// ΣLT − ΣPT of the steps (each wait floored at zero).
    pub total_wait: Number,
    /// ΣPT ÷ ΣLT as a percent, one decimal; `None` when ΣLT is 0.
    pub activity_ratio: Option<Percent>,
    /// Π %C&A as a percent, one decimal; `None` when there are no steps.
    pub rolled_pca: Option<Percent>,
    /// Every step that waits, biggest wait first (ties in step order).
    pub waits: Vec<StepWait>,
}

impl ValueStream {
    /// Computes the figures. Activity ratio is exact then rounded half away
    /// from zero; rolled %C&A is the product in 18-decimal fixed point
    /// (exact for up to nine whole-number percentages, otherwise within
    /// 10⁻¹⁶), then rounded the same way.
    pub fn from_steps(steps: Vec<VsmStep>) -> ValueStream {
        let total_process_time = Number(steps.iter().map(|s| s.process_time.0).sum());
        let total_lead_time = Number(steps.iter().map(|s| s.lead_time.0).sum());
        let total_wait = Number(steps.iter().map(|s| s.wait().0).sum());
        let activity_ratio = (total_lead_time.0 > 0).then(|| Percent {
            tenths: clamp_i64(div_round(
                i128::from(total_process_time.0) * 1000,
                i128::from(total_lead_time.0),
            )),
        });
        let rolled_pca = (!steps.is_empty()).then(|| {
            const SCALE: u128 = 1_000_000_000_000_000_000;
            let mut product = SCALE;
            for s in &steps {
                // pca in hundredths of a percent: 95% is 9500, i.e. 9500/10000.
                let p = u128::try_from(s.pca.0.clamp(0, 10_000)).unwrap_or(0);
                product = product * p / 10_000;
            }
            let tenths = (product * 1000 * 2 + SCALE) / (2 * SCALE);
            Percent {
                tenths: i64::try_from(tenths).unwrap_or(i64::MAX),
            }
        });
        let mut waits: Vec<StepWait> = steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.wait() > Number::ZERO)
            .map(|(index, s)| StepWait {
                index,
                name: s.name.clone(),
                wait: s.wait(),
            })
            .collect();
        // Stable sort: equal waits stay in step order.
        waits.sort_by_key(|w| std::cmp::Reverse(w.wait));
        ValueStream {
            steps,
            total_process_time,
            total_lead_time,
            total_wait,
            activity_ratio,
            rolled_pca,
            waits,
        }
    }

    /// The waits to highlight: the [`HIGHLIGHTED_WAITS`] biggest.
    pub fn largest_waits(&self) -> &[StepWait] {
        &self.waits[..self.waits.len().min(HIGHLIGHTED_WAITS)]
    }
}

fn clamp_i64(n: i128) -> i64 {
    i64::try_from(n).unwrap_or(if n < 0 { i64::MIN } else { i64::MAX })
}

/// The value stream of a filled-in map (rows field `steps`). A missing time
/// counts as 0 and a missing %C&A as 100 (the shipped tool requires them all).
pub fn value_stream(values: &ToolValues) -> ValueStream {
    let steps = values
        .rows("steps")
        .iter()
        .map(|r| VsmStep {
            name: r.text("step").unwrap_or_default().to_string(),
            process_time: r.number("process_time").unwrap_or_default(),
            lead_time: r.number("lead_time").unwrap_or_default(),
            pca: r.number("pca").unwrap_or(Number::from_int(100)),
        })
        .collect();
    ValueStream::from_steps(steps)
}

// --- eight wastes ------------------------------------------------------------

/// The eight wastes, TIMWOODS order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Waste {
    Transport,
    Inventory,
    Motion,
    Waiting,
    Overproduction,
    Overprocessing,
    Defects,
    Skills,
}

impl Waste {
    pub const ALL: [Waste; 8] = [
        Waste::Transport,
        Waste::Inventory,
        Waste::Motion,
        Waste::Waiting,
        Waste::Overproduction,
        Waste::Overprocessing,
        Waste::Defects,
        Waste::Skills,
    ];

    /// The option id in the tool.
    pub fn id(self) -> &'static str {
        match self {
            Waste::Transport => "transport",
            Waste::Inventory => "inventory",
            Waste::Motion => "motion",
            Waste::Waiting => "waiting",
            Waste::Overproduction => "overproduction",
            Waste::Overprocessing => "overprocessing",
            Waste::Defects => "defects",
            Waste::Skills => "skills",
        }
    }

    pub fn from_id(id: &str) -> Option<Waste> {
        Waste::ALL.into_iter().find(|w| w.id() == id)
    }
}

/// One place a waste was seen, with its estimated cost per month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteSighting {
    pub waste: Waste,
    pub where_seen: String,
    pub monthly_cost: Pence,
}

/// One waste's total across its sightings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteTotal {
    pub waste: Waste,
    /// Σ estimated cost per month, in pence.
    pub monthly_cost: Pence,
    /// Biggest cost first; ties in the order entered.
    pub sightings: Vec<WasteSighting>,
}

/// The wastes seen, ranked by estimated monthly cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteRanking {
    /// Only wastes seen at least once; biggest cost first, ties in TIMWOODS
    /// order.
    pub ranked: Vec<WasteTotal>,
    /// Σ of every sighting, per month, in pence.
    pub total_monthly: Pence,
}

impl WasteRanking {
    pub fn from_sightings(sightings: Vec<WasteSighting>) -> WasteRanking {
        let mut ranked: Vec<WasteTotal> = Waste::ALL
            .into_iter()
            .filter_map(|waste| {
                let mut mine: Vec<WasteSighting> = sightings
                    .iter()
                    .filter(|s| s.waste == waste)
                    .cloned()
                    .collect();
                if mine.is_empty() {
                    return None;
                }
                mine.sort_by_key(|s| std::cmp::Reverse(s.monthly_cost));
                Some(WasteTotal {
                    waste,
                    monthly_cost: Pence(mine.iter().map(|s| s.monthly_cost.0).sum()),
                    sightings: mine,
                })
            })
            .collect();
        // Stable sort over TIMWOODS order keeps ties in that order.
        ranked.sort_by_key(|t| std::cmp::Reverse(t.monthly_cost));
        let total_monthly = Pence(ranked.iter().map(|t| t.monthly_cost.0).sum());
        WasteRanking {
            ranked,
            total_monthly,
        }
    }
}

/// The ranking of a filled-in walk (rows field `wastes`; `cost_per_month` in
/// pounds, a missing cost counting as £0).
pub fn rank_wastes(values: &ToolValues) -> WasteRanking {
    let sightings = values
        .rows("wastes")
        .iter()
        .filter_map(|r| {
            Some(WasteSighting {
                waste: Waste::from_id(r.choice("waste")?)?,
                where_seen: r.text("where_seen").unwrap_or_default().to_string(),
                monthly_cost: r.number("cost_per_month").unwrap_or_default().as_pence(),
            })
        })
        .collect();
    WasteRanking::from_sightings(sightings)
}

// --- impact / effort ---------------------------------------------------------

/// A quadrant of the impact/effort matrix, on 1–5 scales.
///
/// The rule: impact is **high at 3 or more** (the midpoint counts as worth
/// having); effort is **low at 2 or less** (the midpoint counts as real
/// effort, since small firms tend to underestimate it).
///
/// | | effort 1–2 | effort 3–5 |
/// |---|---|---|
/// | impact 3–5 | quick win | major project |
/// | impact 1–2 | fill-in | thankless task |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    QuickWin,
    MajorProject,
    FillIn,
    ThanklessTask,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWin,
        Quadrant::MajorProject,
        Quadrant::FillIn,
        Quadrant::ThanklessTask,
    ];

    pub fn of(impact: u8, effort: u8) -> Quadrant {
        match (impact >= 3, effort <= 2) {
            (true, true) => Quadrant::QuickWin,
            (true, false) => Quadrant::MajorProject,
            (false, true) => Quadrant::FillIn,
            (false, false) => Quadrant::ThanklessTask,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick_win",
            Quadrant::MajorProject => "major_project",
            Quadrant::FillIn => "fill_in",
            Quadrant::ThanklessTask => "thankless_task",
        }
    }

    /// Fluent key of the quadrant's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "tool-quadrant-quick-win",
            Quadrant::MajorProject => "tool-quadrant-major-project",
            Quadrant::FillIn => "tool-quadrant-fill-in",
            Quadrant::ThanklessTask => "tool-quadrant-thankless-task",
        }
    }
}

/// An idea with its ratings and quadrant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedIdea {
    /// Row number (0-based) as entered.
    pub index: usize,
    pub idea: String,
    pub impact: u8,
    pub effort: u8,
    pub quadrant: Quadrant,
}

/// The ideas placed on the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpactEffort {
    /// In the order entered.
    pub ideas: Vec<PlacedIdea>,
    /// The quick wins' names, best first: highest impact, then lowest
    /// effort, then the order entered.
    pub quick_wins: Vec<String>,
}

impl ImpactEffort {
    /// `(idea, impact, effort)` in the order entered.
    pub fn from_ratings(ratings: Vec<(String, u8, u8)>) -> ImpactEffort {
        let ideas: Vec<PlacedIdea> = ratings
            .into_iter()
            .enumerate()
            .map(|(index, (idea, impact, effort))| PlacedIdea {
                index,
                idea,
                impact,
                effort,
                quadrant: Quadrant::of(impact, effort),
            })
            .collect();
        let mut wins: Vec<&PlacedIdea> = ideas
            .iter()
            .filter(|i| i.quadrant == Quadrant::QuickWin)
            .collect();
        wins.sort_by(|a, b| b.impact.cmp(&a.impact).then(a.effort.cmp(&b.effort)));
        let quick_wins = wins.into_iter().map(|i| i.idea.clone()).collect();
        ImpactEffort { ideas, quick_wins }
    }

    /// The ideas in one quadrant, in the order entered.
    pub fn in_quadrant(&self, quadrant: Quadrant) -> impl Iterator<Item = &PlacedIdea> {
        self.ideas.iter().filter(move |i| i.quadrant == quadrant)
    }
}

/// The matrix of a filled-in tool (rows field `ideas`). Rows missing a rating
/// are left out.
pub fn impact_effort(values: &ToolValues) -> ImpactEffort {
    let ratings = values
        .rows("ideas")
        .iter()
        .filter_map(|r| {
            Some((
                r.text("idea").unwrap_or_default().to_string(),
                r.rating("impact")?,
                r.rating("effort")?,
            ))
        })
        .collect();
    ImpactEffort::from_ratings(ratings)
}

// --- fishbone ----------------------------------------------------------------

/// The six bones (6M) of a fishbone diagram, in drawing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bone {
    /// Manpower.
    People,
    Method,
    Machine,
    Material,
    Measurement,
    /// Mother nature.
    Environment,
}

impl Bone {
    pub const ALL: [Bone; 6] = [
        Bone::People,
        Bone::Method,
        Bone::Machine,
        Bone::Material,
        Bone::Measurement,
        Bone::Environment,
    ];

    /// The option id in the tool.
    pub fn id(self) -> &'static str {
        match self {
            Bone::People => "people",
            Bone::Method => "method",
            Bone::Machine => "machine",
            Bone::Material => "material",
            Bone::Measurement => "measurement",
            Bone::Environment => "environment",
        }
    }

    pub fn from_id(id: &str) -> Option<Bone> {
        Bone::ALL.into_iter().find(|b| b.id() == id)
    }
}

/// The causes on one bone, in the order entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoneCauses {
    pub bone: Bone,
    pub causes: Vec<String>,
}

/// A fishbone: the effect and all six bones in [`Bone::ALL`] order (empty
/// bones included, so the diagram always has six).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fishbone {
    pub effect: Option<String>,
    pub bones: Vec<BoneCauses>,
}

impl Fishbone {
    pub fn from_causes(effect: Option<String>, causes: Vec<(Bone, String)>) -> Fishbone {
        let bones = Bone::ALL
            .into_iter()
            .map(|bone| BoneCauses {
                bone,
                causes: causes
                    .iter()
                    .filter(|(b, _)| *b == bone)
                    .map(|(_, c)| c.clone())
                    .collect(),
            })
            .collect();
        Fishbone { effect, bones }
    }
}

/// The fishbone of a filled-in tool (text field `effect`, rows field
/// `causes`).
pub fn fishbone(values: &ToolValues) -> Fishbone {
    let causes = values
        .rows("causes")
        .iter()
        .filter_map(|r| {
            Some((
                Bone::from_id(r.choice("category")?)?,
                r.text("cause")?.to_string(),
            ))
        })
        .collect();
    Fishbone::from_causes(values.text("effect").map(str::to_string), causes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn shipped(id: &str) -> Tool {
        shipped_tools()
            .unwrap()
            .into_iter()
            .find(|t| t.id == id)
            .unwrap()
    }

    fn n(whole: i64) -> Number {
        Number::from_int(whole)
    }

    fn error_ids(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.message_id))
            .collect()
    }

    // --- numbers -------------------------------------------------------------

    #[test]
    fn numbers_parse_as_people_type_them() {
        assert_eq!(Number::parse("12"), Ok(Number(1200)));
        assert_eq!(Number::parse(" 12.5 "), Ok(Number(1250)));
        assert_eq!(Number::parse(".25"), Ok(Number(25)));
        assert_eq!(Number::parse("5."), Ok(Number(500)));
        assert_eq!(Number::parse("-3.05"), Ok(Number(-305)));
        assert_eq!(Number::parse("1,440"), Ok(Number(144_000)));
        assert_eq!(Number::parse("£1,250.50"), Ok(Number(125_050)));
        assert_eq!(Number::parse("95%"), Ok(Number(9500)));
        assert_eq!(Number::parse("0007"), Ok(Number(700)));
        assert_eq!(Number::parse("ten"), Err(NumberError::Invalid));
        assert_eq!(Number::parse(""), Err(NumberError::Invalid));
        assert_eq!(Number::parse("-"), Err(NumberError::Invalid));
        assert_eq!(Number::parse("."), Err(NumberError::Invalid));
        assert_eq!(Number::parse("1e5"), Err(NumberError::Invalid));
        assert_eq!(Number::parse("1.2.3"), Err(NumberError::Invalid));
        // A decimal comma is not a thousands separator: refused, not read as 15.
        assert_eq!(Number::parse("1,5"), Err(NumberError::Invalid));
        assert_eq!(Number::parse(",500"), Err(NumberError::Invalid));
        assert_eq!(Number::parse("1.234"), Err(NumberError::TooPrecise));
        assert_eq!(
            Number::parse("999999999999"),
            Ok(Number(99_999_999_999_900))
        );
        assert_eq!(Number::parse("1000000000000"), Err(NumberError::TooLarge));
    }

    #[test]
    fn numbers_display_without_trailing_zeros() {
        assert_eq!(Number(1200).to_string(), "12");
        assert_eq!(Number(1250).to_string(), "12.5");
        assert_eq!(Number(1205).to_string(), "12.05");
        assert_eq!(Number(-5).to_string(), "-0.05");
        assert_eq!(Percent { tenths: 581 }.to_string(), "58.1%");
        assert_eq!(Percent { tenths: 1000 }.to_string(), "100.0%");
        assert_eq!(Percent { tenths: 4 }.to_string(), "0.4%");
    }

    #[test]
    fn stored_values_read_back() {
        // The web layer stores JSON; TOML exercises the same Deserialize impls.
        #[derive(Deserialize)]
        struct Stored {
            values: ToolValues,
        }
        let stored: Stored = toml::from_str(
            r#"
            [values]
            tool_id = "value-stream-map"
            tool_version = 1
            [values.values.product_family]
            kind = "text"
            value = "Service"
            [values.values.steps]
            kind = "rows"
            value = [{ step = { kind = "text", value = "Repair" }, pca = { kind = "number", value = "95.5" } }]
            "#,
        )
        .unwrap();
        let values = stored.values;
        assert_eq!(values.text("product_family"), Some("Service"));
        assert_eq!(values.rows("steps")[0].number("pca"), Some(Number(9550)));
        assert_eq!(values.rows("steps")[0].text("step"), Some("Repair"));
    }

    // --- the shipped toolkit -------------------------------------------------

    fn assert_both(at: &str, t: &Text) {
        assert!(!t.en.trim().is_empty(), "{at}.en is empty");
        assert!(!t.cy.trim().is_empty(), "{at}.cy is empty");
    }

    fn assert_kind_bilingual(at: &str, kind: &FieldKind) {
        match kind {
            FieldKind::Number(spec) => {
                if let Some(unit) = &spec.unit {
                    assert_both(&format!("{at}.unit"), unit);
                }
            }
            FieldKind::Choice { options } => {
                for o in options {
                    assert!(!o.en.is_empty() && !o.cy.is_empty(), "{at}.{}", o.id);
                    assert_ne!(o.en, o.cy, "{at}.{} is not translated", o.id);
                }
            }
            FieldKind::Rows { columns } => {
                for c in columns {
                    let here = format!("{at}.{}", c.id);
                    assert_both(&here, &c.label);
                    if let Some(help) = &c.help {
                        assert_both(&here, help);
                    }
                    assert_kind_bilingual(&here, &c.kind);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_shipped_tool_parses_and_has_both_languages() {
        let tools = shipped_tools().unwrap();
        assert_eq!(tools.len(), 12);
        let ids: BTreeSet<&str> = tools.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), 12, "tool ids are unique");
        for tool in &tools {
            let at = tool.id.as_str();
            assert!(tool.version >= 1);
            for (what, text) in [
                ("name", &tool.name),
                ("purpose", &tool.purpose),
                ("when_to_use", &tool.when_to_use),
                ("example", &tool.example),
            ] {
                assert_both(&format!("{at}.{what}"), text);
            }
            // Real prose in both languages, not one copied into the other.
            for text in [&tool.purpose, &tool.when_to_use, &tool.example] {
                assert_ne!(text.en, text.cy, "{at}: Welsh copied from English");
            }
            assert!(tool.steps.len() >= 4, "{at}: step-by-step guidance");
            for (i, step) in tool.steps.iter().enumerate() {
                assert_both(&format!("{at}.steps[{i}]"), step);
                assert_ne!(step.en, step.cy);
            }
            // A worked example has believable numbers in it.
            assert!(tool.example.en.chars().any(|c| c.is_ascii_digit()), "{at}");
            assert!(tool.example.cy.chars().any(|c| c.is_ascii_digit()), "{at}");
            assert!(!tool.fields.is_empty());
            assert!(
                tool.fields.iter().any(|f| f.required),
                "{at}: something required"
            );
            for f in &tool.fields {
                let here = format!("{at}.{}", f.id);
                assert_both(&here, &f.label);
                if let Some(help) = &f.help {
                    assert_both(&here, help);
                }
                assert_kind_bilingual(&here, &f.kind);
            }
            // Every tool accepts what it asks for: an empty form is refused
            // with errors naming only the tool's own fields.
            let errors = tool.validate(&[]).unwrap_err();
            for e in &errors {
                assert!(tool.field(&e.field).is_some(), "{at}: {}", e.field);
                assert_eq!(e.message_id, "tool-error-required");
            }
        }
        let computed: Vec<(&str, ComputedKind)> = tools
            .iter()
            .filter_map(|t| Some((t.id.as_str(), t.computed?)))
            .collect();
        assert_eq!(
            computed,
            vec![
                ("value-stream-map", ComputedKind::ValueStream),
                ("eight-wastes", ComputedKind::Wastes),
                ("fishbone", ComputedKind::Fishbone),
                ("impact-effort", ComputedKind::ImpactEffort),
            ]
        );
    }

    #[test]
    fn shipped_value_stream_columns_are_as_specified() {
        let tool = shipped("value-stream-map");
        let steps = tool.field("steps").unwrap();
        let ids: Vec<&str> = steps.columns().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["step", "process_time", "lead_time", "pca"]);
        let FieldKind::Number(pca) = &steps.column("pca").unwrap().kind else {
            panic!("pca is a number");
        };
        assert_eq!((pca.min, pca.max), (Some(n(0)), Some(n(100))));
    }

    // --- definition errors ---------------------------------------------------

    const HEAD: &str = r#"
id = "test-tool"
version = 1
name = { en = "Test", cy = "Prawf" }
purpose = { en = "Purpose", cy = "Diben" }
when_to_use = { en = "When", cy = "Pryd" }
steps = [{ en = "Step", cy = "Cam" }]
example = { en = "Example", cy = "Enghraifft" }
"#;

    fn issues_of(fields: &str) -> Vec<(String, Problem)> {
        match Tool::parse(&format!("{HEAD}{fields}")) {
            Err(ToolError::Invalid(issues)) => {
                issues.into_iter().map(|i| (i.at, i.problem)).collect()
            }
            other => panic!("expected rule errors, got {other:?}"),
        }
    }

    fn issue(at: &str, problem: Problem) -> Vec<(String, Problem)> {
        vec![(at.to_string(), problem)]
    }

    #[test]
    fn a_minimal_tool_parses() {
        let tool = Tool::parse(&format!(
            "{HEAD}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
        ))
        .unwrap();
        assert_eq!(tool.id, "test-tool");
        assert_eq!(tool.fields[0].kind, FieldKind::Text);
        assert!(!tool.fields[0].required, "required defaults to false");
        assert_eq!(tool.name.get(Lang::Cy), "Prawf");
        assert_eq!(tool.name.get(Lang::En), "Test");
    }

    #[test]
    fn not_toml_or_unknown_keys_name_the_line() {
        let Err(ToolError::Toml(msg)) = Tool::parse("id = \"x\"\nversion = = 1\n") else {
            panic!("syntax error expected");
        };
        assert!(msg.contains("line 2"), "{msg}");
        let Err(ToolError::Toml(msg)) = Tool::parse(&format!(
            "{HEAD}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nrequried = true\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
        )) else {
            panic!("unknown key expected");
        };
        assert!(msg.contains("requried"), "{msg}");
    }

    #[test]
    fn tool_id_must_be_a_slug_and_version_positive() {
        let src = HEAD
            .replace("\"test-tool\"", "\"Test Tool\"")
            .replace("version = 1", "version = 0");
        let err = Tool::parse(&format!(
            "{src}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
        ))
        .unwrap_err();
        let got: Vec<(String, Problem)> = err
            .issues()
            .iter()
            .map(|i| (i.at.clone(), i.problem.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("id".into(), Problem::NotSlug("Test Tool".into())),
                ("version".into(), Problem::BadVersion(0)),
            ]
        );
        assert!(!is_slug("a--b") && !is_slug("-a") && !is_slug("a-") && !is_slug(""));
        assert!(is_slug("a3") && is_slug("value-stream-map"));
    }

    #[test]
    fn both_languages_are_required_everywhere() {
        let got = issues_of(
            r#"
[[fields]]
id = "a"
kind = "text"
label = { en = "A" }
help = { en = "  ", cy = "Help" }
"#,
        );
        assert_eq!(
            got,
            vec![
                (r#"fields[0] "a".label.cy"#.into(), Problem::Missing),
                (r#"fields[0] "a".help.en"#.into(), Problem::Empty),
            ]
        );
        let src = HEAD.replace(
            r#"{ en = "Step", cy = "Cam" }"#,
            r#"{ en = "Step", cy = "" }"#,
        );
        let err = Tool::parse(&format!(
            "{src}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
        ))
        .unwrap_err();
        assert_eq!(err.to_string(), "steps[0].cy: is empty");
    }

    #[test]
    fn field_ids_must_be_unique() {
        let got = issues_of(
            r#"
[[fields]]
id = "aim"
kind = "text"
label = { en = "Aim", cy = "Nod" }

[[fields]]
id = "aim"
kind = "long_text"
label = { en = "Aim again", cy = "Nod eto" }
"#,
        );
        assert_eq!(
            got,
            issue(r#"fields[1] "aim".id"#, Problem::Duplicate("aim".into()))
        );
    }

    #[test]
    fn bad_field_ids_and_kinds_are_named() {
        let got = issues_of(
            r#"
[[fields]]
id = "Process-Time"
kind = "numbr"
label = { en = "PT", cy = "PT" }
"#,
        );
        assert_eq!(
            got,
            vec![
                (
                    r#"fields[0] "Process-Time".id"#.into(),
                    Problem::NotIdentifier("Process-Time".into())
                ),
                (
                    r#"fields[0] "Process-Time".kind"#.into(),
                    Problem::UnknownKind("numbr".into())
                ),
            ]
        );
    }

    #[test]
    fn a_choice_needs_options() {
        let got = issues_of(
            r#"
[[fields]]
id = "decision"
kind = "choice"
label = { en = "Decision", cy = "Penderfyniad" }
"#,
        );
        assert_eq!(
            got,
            issue(r#"fields[0] "decision".options"#, Problem::Missing)
        );
        let got = issues_of(
            r#"
[[fields]]
id = "decision"
kind = "choice"
label = { en = "Decision", cy = "Penderfyniad" }
options = [{ id = "adopt", en = "Adopt", cy = "Mabwysiadu" }]
"#,
        );
        assert_eq!(
            got,
            issue(r#"fields[0] "decision".options"#, Problem::TooFewOptions)
        );
        let got = issues_of(
            r#"
[[fields]]
id = "decision"
kind = "choice"
label = { en = "Decision", cy = "Penderfyniad" }
options = [
  { id = "adopt", en = "Adopt", cy = "Mabwysiadu" },
  { id = "adopt", en = "Adapt", cy = "" },
]
"#,
        );
        assert_eq!(
            got,
            vec![
                (
                    r#"fields[0] "decision".options[1] "adopt".id"#.into(),
                    Problem::Duplicate("adopt".into())
                ),
                (
                    r#"fields[0] "decision".options[1] "adopt".cy"#.into(),
                    Problem::Empty
                ),
            ]
        );
    }

    #[test]
    fn rows_need_columns_of_simple_kinds() {
        let got = issues_of(
            r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }
"#,
        );
        assert_eq!(got, issue(r#"fields[0] "steps".columns"#, Problem::Missing));
        let got = issues_of(
            r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }
columns = []
"#,
        );
        assert_eq!(
            got,
            issue(r#"fields[0] "steps".columns"#, Problem::NoColumns)
        );
        let got = issues_of(
            r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }

[[fields.columns]]
id = "notes"
kind = "long_text"
label = { en = "Notes", cy = "Nodiadau" }
"#,
        );
        assert_eq!(
            got,
            issue(
                r#"fields[0] "steps".columns[0] "notes".kind"#,
                Problem::NotAllowedInColumn("long_text")
            )
        );
    }

    #[test]
    fn number_bounds_are_checked() {
        let got = issues_of(
            r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }

[[fields.columns]]
id = "pca"
kind = "number"
min = 100
max = 0
label = { en = "%C&A", cy = "%C&A" }
"#,
        );
        assert_eq!(
            got,
            issue(
                r#"fields[0] "steps".columns[0] "pca".min"#,
                Problem::MinAboveMax
            )
        );
        let got = issues_of(
            r#"
[[fields]]
id = "count"
kind = "number"
integer = true
min = 0.5
max = 2.125
label = { en = "Count", cy = "Nifer" }
"#,
        );
        assert_eq!(
            got,
            vec![
                (r#"fields[0] "count".min"#.into(), Problem::FractionalBound),
                (r#"fields[0] "count".max"#.into(), Problem::BadBound),
            ]
        );
        // Equal bounds are allowed; decimals with two places are exact.
        let tool = Tool::parse(&format!(
            "{HEAD}\n[[fields]]\nid = \"x\"\nkind = \"number\"\nmin = 2.5\nmax = 2.5\nlabel = {{ en = \"X\", cy = \"X\" }}\n"
        ))
        .unwrap();
        let FieldKind::Number(spec) = &tool.fields[0].kind else {
            panic!()
        };
        assert_eq!(spec.min, Some(Number(250)));
    }

    #[test]
    fn keys_of_other_kinds_and_bad_rating_scales_are_refused() {
        let got = issues_of(
            r#"
[[fields]]
id = "name"
kind = "text"
max = 10
label = { en = "Name", cy = "Enw" }

[[fields]]
id = "score"
kind = "rating"
min = 5
max = 5
unit = { en = "points", cy = "pwyntiau" }
label = { en = "Score", cy = "Sgôr" }
"#,
        );
        assert_eq!(
            got,
            vec![
                (
                    r#"fields[0] "name".max"#.into(),
                    Problem::NotAllowedHere {
                        key: "max",
                        kind: "text"
                    }
                ),
                (
                    r#"fields[1] "score".unit"#.into(),
                    Problem::NotAllowedHere {
                        key: "unit",
                        kind: "rating"
                    }
                ),
                (r#"fields[1] "score".min"#.into(), Problem::BadRatingScale),
            ]
        );
    }

    #[test]
    fn computed_outputs_need_their_fields() {
        let got = issues_of(
            r#"
computed = "value_steam"
[[fields]]
id = "a"
kind = "text"
label = { en = "A", cy = "A" }
"#,
        );
        assert_eq!(
            got,
            issue("computed", Problem::UnknownComputed("value_steam".into()))
        );
        // A value stream whose %C&A has no upper bound of 100.
        let got = issues_of(
            r#"
computed = "value_stream"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }
[[fields.columns]]
id = "step"
kind = "text"
required = true
label = { en = "Step", cy = "Cam" }
[[fields.columns]]
id = "process_time"
kind = "number"
required = true
min = 0
label = { en = "PT", cy = "PT" }
[[fields.columns]]
id = "lead_time"
kind = "number"
required = true
min = 0
label = { en = "LT", cy = "LT" }
[[fields.columns]]
id = "pca"
kind = "number"
required = true
min = 0
label = { en = "%C&A", cy = "%C&A" }
"#,
        );
        assert_eq!(
            got,
            issue(
                "computed",
                Problem::ComputedNeeds {
                    computed: ComputedKind::ValueStream,
                    field: "steps",
                    column: Some("pca"),
                    requirement: "a required number column with min ≥ 0 and max ≤ 100",
                }
            )
        );
        let got = issues_of(
            r#"
computed = "fishbone"
[[fields]]
id = "effect"
kind = "text"
label = { en = "Effect", cy = "Effaith" }
"#,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].1.to_string(),
            "fishbone needs \"causes\": a rows field with this id"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let err = Tool::parse(
            r#"
id = "x"
version = 1
name = { en = "X" }
[[fields]]
kind = "choice"
label = { en = "A", cy = "A" }
options = []
"#,
        )
        .unwrap_err();
        let text = err.to_string();
        for part in [
            "name.cy: is missing",
            "purpose: is missing",
            "when_to_use: is missing",
            "steps: is missing",
            "example: is missing",
            "fields[0].id: is missing",
            "fields[0].options: a choice needs at least two options",
        ] {
            assert!(text.contains(part), "{part} not in {text}");
        }
        assert_eq!(
            err.issues()[0].problem.message_id(),
            "toolkit-error-missing"
        );
    }

    // --- validating what a participant typed ---------------------------------

    fn garage_form() -> Vec<(String, String)> {
        form(&[
            ("_csrf", "token"),
            ("product_family", "Routine service, fault found"),
            ("steps[0][step]", "Check-in"),
            ("steps[0][process_time]", "10"),
            ("steps[0][lead_time]", "30"),
            ("steps[0][pca]", "90"),
            ("steps[1][step]", "Diagnosis"),
            ("steps[1][process_time]", "45"),
            ("steps[1][lead_time]", "240"),
            ("steps[1][pca]", "80"),
            ("steps[2][step]", "Repair"),
            ("steps[2][process_time]", "120"),
            ("steps[2][lead_time]", "1,440"),
            ("steps[2][pca]", "95%"),
            ("steps[3][step]", "Invoice and hand-back"),
            ("steps[3][process_time]", "15"),
            ("steps[3][lead_time]", "120"),
            ("steps[3][pca]", "85"),
            // A blank row the form offered for adding a step.
            ("steps[4][step]", ""),
            ("steps[4][process_time]", " "),
        ])
    }

    #[test]
    fn a_good_value_stream_is_accepted() {
        let tool = shipped("value-stream-map");
        let values = tool.validate(&garage_form()).unwrap();
        assert_eq!(values.tool_id, "value-stream-map");
        assert_eq!(values.tool_version, 1);
        let rows = values.rows("steps");
        assert_eq!(rows.len(), 4, "the blank row is dropped");
        assert_eq!(rows[2].number("lead_time"), Some(n(1440)));
        assert_eq!(rows[2].number("pca"), Some(n(95)));
        assert_eq!(values.get("demand_per_week"), None, "empty optional field");
        assert_eq!(values.get("_csrf"), None);
    }

    #[test]
    fn text_in_a_number_140_percent_and_an_empty_step_are_refused() {
        let tool = shipped("value-stream-map");
        let posted = form(&[
            ("product_family", "Kitchens"),
            ("steps[0][step]", "Survey"),
            ("steps[0][process_time]", "ten"),
            ("steps[0][lead_time]", "60"),
            ("steps[0][pca]", "140"),
            ("steps[1][step]", "   "),
            ("steps[1][process_time]", "30"),
            ("steps[1][lead_time]", "90"),
            ("steps[1][pca]", "75"),
        ]);
        let errors = tool.validate(&posted).unwrap_err();
        assert_eq!(
            error_ids(&errors),
            vec![
                ("steps[0][process_time]", "tool-error-number"),
                ("steps[0][pca]", "tool-error-max"),
                ("steps[1][step]", "tool-error-required"),
            ]
        );
        assert_eq!(errors[1].max, Some(n(100)));
        assert_eq!(errors[1].min, None);

        // What they typed is kept so the form can be shown again.
        let input = RawInput::from_form(&tool, &posted);
        assert_eq!(input.value("product_family"), "Kitchens");
        assert_eq!(input.row_count("steps"), 2);
        assert_eq!(input.cell("steps", 0, "process_time"), "ten");
        assert_eq!(input.cell("steps", 0, "pca"), "140");
        assert_eq!(input.cell("steps", 1, "pca"), "75");
        assert_eq!(input.cell("steps", 5, "pca"), "");
        assert_eq!(tool.validate_input(&input).unwrap_err(), errors);
    }

    #[test]
    fn more_value_errors() {
        let tool = shipped("value-stream-map");
        // Nothing but a blank row: the required rows field is empty.
        let errors = tool
            .validate(&form(&[("steps[0][step]", ""), ("product_family", "")]))
            .unwrap_err();
        assert_eq!(
            error_ids(&errors),
            vec![
                ("product_family", "tool-error-required"),
                ("steps", "tool-error-required"),
            ]
        );

        let errors = tool
            .validate(&form(&[
                ("product_family", "x"),
                ("demand_per_week", "12.5"),
                ("steps[0][step]", "Cut"),
                ("steps[0][process_time]", "-1"),
                ("steps[0][lead_time]", "1.255"),
                ("steps[0][pca]", "50"),
                ("steps[1][step]", "Fit"),
                ("steps[1][process_time]", "90"),
                ("steps[1][lead_time]", "60"),
                ("steps[1][pca]", "100"),
            ]))
            .unwrap_err();
        assert_eq!(
            error_ids(&errors),
            vec![
                ("demand_per_week", "tool-error-integer"),
                ("steps[0][process_time]", "tool-error-min"),
                ("steps[0][lead_time]", "tool-error-decimals"),
                (
                    "steps[1][lead_time]",
                    "tool-error-lead-time-below-process-time"
                ),
            ]
        );
        assert_eq!(errors[1].min, Some(n(0)));
        assert_eq!(errors[3].min, Some(n(90)));
    }

    #[test]
    fn choices_ratings_and_lengths_are_checked() {
        let tool = shipped("impact-effort");
        let long = "x".repeat(TEXT_MAX_CHARS + 1);
        let errors = tool
            .validate(&form(&[
                ("goal", &long),
                ("ideas[0][idea]", "Postcode order"),
                ("ideas[0][impact]", "6"),
                ("ideas[0][effort]", "two"),
            ]))
            .unwrap_err();
        assert_eq!(
            error_ids(&errors),
            vec![
                ("goal", "tool-error-too-long"),
                ("ideas[0][impact]", "tool-error-rating"),
                ("ideas[0][effort]", "tool-error-rating"),
            ]
        );
        assert_eq!(errors[0].max, Some(n(300)));
        assert_eq!((errors[1].min, errors[1].max), (Some(n(1)), Some(n(5))));

        let wastes = shipped("eight-wastes");
        let errors = wastes
            .validate(&form(&[
                ("area", "Yard"),
                ("wastes[0][waste]", "laziness"),
                ("wastes[0][where_seen]", "Loading bay"),
                ("wastes[0][cost_per_month]", "40"),
            ]))
            .unwrap_err();
        assert_eq!(
            error_ids(&errors),
            vec![("wastes[0][waste]", "tool-error-choice")]
        );
    }

    #[test]
    fn text_is_normalised() {
        let tool = shipped("pdsa");
        let values = tool
            .validate(&form(&[
                ("cycle", "1"),
                ("change", "  Pre-orders\r\nfor sourdough "),
                ("prediction", "  15 of 40\r\n\r\nloaves\u{0} "),
                ("plan", "Sign on the counter"),
                ("decision", "adapt"),
            ]))
            .unwrap();
        assert_eq!(values.text("change"), Some("Pre-orders  for sourdough"));
        assert_eq!(values.text("prediction"), Some("15 of 40\n\nloaves"));
        assert_eq!(values.get("decision"), Some(&Value::Choice("adapt".into())));
        assert_eq!(values.get("cycle"), Some(&Value::Number(n(1))));
    }

    #[test]
    fn rows_are_renumbered_in_posted_order_and_round_trip() {
        let tool = shipped("fishbone");
        // Rows 0 and 2 were filled in, row 1 left blank, row 10 added by script.
        let posted = form(&[
            ("effect", "14 late deliveries in a quarter"),
            ("causes[10][category]", "environment"),
            ("causes[10][cause]", "Roadworks on the A483"),
            ("causes[0][category]", "method"),
            ("causes[0][cause]", "No run sheet"),
            ("causes[1][category]", ""),
            ("causes[1][cause]", ""),
            ("causes[2][category]", "people"),
            ("causes[2][cause]", ""),
            ("causes[2][unknown]", "ignored"),
            ("causes[x][cause]", "ignored"),
        ]);
        let input = RawInput::from_form(&tool, &posted);
        assert_eq!(input.row_count("causes"), 3);
        assert_eq!(input.cell("causes", 1, "category"), "people");
        assert_eq!(input.cell("causes", 2, "cause"), "Roadworks on the A483");
        let errors = tool.validate_input(&input).unwrap_err();
        assert_eq!(
            error_ids(&errors),
            vec![("causes[1][cause]", "tool-error-required")]
        );

        let mut fixed = input.clone();
        fixed.rows.get_mut("causes").unwrap()[1]
            .insert("cause".into(), "One driver knows the routes".into());
        let values = tool.validate_input(&fixed).unwrap();
        let again = RawInput::from_values(&values);
        assert_eq!(tool.validate_input(&again).unwrap(), values);
        assert_eq!(
            again.cell("causes", 1, "cause"),
            "One driver knows the routes"
        );
    }

    #[test]
    fn too_many_rows_are_refused() {
        let tool = shipped("sipoc");
        let mut posted = Vec::new();
        for i in 0..=MAX_ROWS {
            posted.push((format!("process_steps[{i}][step]"), format!("Step {i}")));
        }
        let errors = tool.validate(&posted).unwrap_err();
        assert!(errors.contains(&FieldError {
            field: "process_steps".into(),
            message_id: "tool-error-too-many-rows",
            min: None,
            max: Some(n(100)),
        }));
    }

    #[test]
    fn form_names_are_located() {
        let tool = shipped("value-stream-map");
        let (field, cell) = tool.locate("steps[1][pca]").unwrap();
        assert_eq!(field.id, "steps");
        let (row, column) = cell.unwrap();
        assert_eq!((row, column.id.as_str()), (1, "pca"));
        assert_eq!(column.label.get(Lang::Cy), "%C&A (cyflawn a chywir)");
        let (field, cell) = tool.locate("product_family").unwrap();
        assert_eq!(
            (field.id.as_str(), cell.is_none()),
            ("product_family", true)
        );
        assert!(tool.locate("steps[1][nope]").is_none());
        assert!(tool.locate("_csrf").is_none());
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name("steps", 3, "pca"), "steps[3][pca]");
        assert_eq!(parse_cell_name("steps[3][pca]"), Some(("steps", 3, "pca")));
        assert_eq!(parse_cell_name("steps[3]"), None);
        assert_eq!(parse_cell_name("steps[-1][pca]"), None);
        assert_eq!(parse_cell_name("steps[1][pca][x]"), None);
        assert_eq!(parse_cell_name("steps[9999999][pca]"), None);
        assert_eq!(parse_cell_name("[0][pca]"), None);
    }

    // --- computed outputs ----------------------------------------------------

    fn step(name: &str, pt: i64, lt: i64, pca: i64) -> VsmStep {
        VsmStep {
            name: name.into(),
            process_time: n(pt),
            lead_time: n(lt),
            pca: n(pca),
        }
    }

    #[test]
    fn value_stream_of_four_steps_worked_by_hand() {
        // Garej Tywi, minutes:
        //   step        PT    LT   wait = LT − PT   %C&A
        //   check-in    10    30     20              90
        //   diagnosis   45   240    195              80
        //   repair     120  1440   1320              95
        //   invoice     15   120    105              85
        //   ΣPT = 10 + 45 + 120 + 15 = 190
        //   ΣLT = 30 + 240 + 1440 + 120 = 1830
        //   Σwait = 1830 − 190 = 1640
        //   activity ratio = 190 ÷ 1830 = 0.103825… → 10.3825% → 10.4%
        //   rolled %C&A = 0.90 × 0.80 × 0.95 × 0.85
        //               = 0.72 × 0.95 × 0.85 = 0.684 × 0.85 = 0.5814 → 58.1%
        let tool = shipped("value-stream-map");
        let values = tool.validate(&garage_form()).unwrap();
        let Some(Computed::ValueStream(vs)) = tool.compute(&values) else {
            panic!("a value stream");
        };
        assert_eq!(vs.total_process_time, n(190));
        assert_eq!(vs.total_lead_time, n(1830));
        assert_eq!(vs.total_wait, n(1640));
        assert_eq!(vs.activity_ratio, Some(Percent { tenths: 104 }));
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 581 }));
        let waits: Vec<(usize, &str, Number)> = vs
            .waits
            .iter()
            .map(|w| (w.index, w.name.as_str(), w.wait))
            .collect();
        assert_eq!(
            waits,
            vec![
                (2, "Repair", n(1320)),
                (1, "Diagnosis", n(195)),
                (3, "Invoice and hand-back", n(105)),
                (0, "Check-in", n(20)),
            ]
        );
        let top: Vec<usize> = vs.largest_waits().iter().map(|w| w.index).collect();
        assert_eq!(top, vec![2, 1, 3]);
    }

    #[test]
    fn activity_ratio_rounds_half_away_from_zero() {
        // 1 ÷ 3 = 33.333…% → 33.3%
        let vs = ValueStream::from_steps(vec![step("a", 1, 3, 100)]);
        assert_eq!(vs.activity_ratio, Some(Percent { tenths: 333 }));
        // 1 ÷ 16 = 6.25% exactly, a tie → 6.3%
        let vs = ValueStream::from_steps(vec![step("a", 1, 16, 100)]);
        assert_eq!(vs.activity_ratio, Some(Percent { tenths: 63 }));
        // 0.5 ÷ 1.5 minutes: decimals cancel, 33.3%
        let vs = ValueStream::from_steps(vec![VsmStep {
            name: "a".into(),
            process_time: Number(50),
            lead_time: Number(150),
            pca: n(100),
        }]);
        assert_eq!(vs.activity_ratio, Some(Percent { tenths: 333 }));
        // All lead times zero: no ratio rather than a division by zero.
        let vs = ValueStream::from_steps(vec![step("a", 0, 0, 100)]);
        assert_eq!(vs.activity_ratio, None);
        assert!(vs.waits.is_empty());
        let vs = ValueStream::from_steps(vec![]);
        assert_eq!((vs.activity_ratio, vs.rolled_pca), (None, None));
    }

    #[test]
    fn rolled_pca_worked_by_hand() {
        // 95% × 95% = 0.9025 → 90.25% → a tie at the second decimal → 90.3%
        let vs = ValueStream::from_steps(vec![step("a", 1, 1, 95), step("b", 1, 1, 95)]);
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 903 }));
        // 50% × 50% × 50% = 0.125 → 12.5%
        let vs = ValueStream::from_steps(vec![
            step("a", 1, 1, 50),
            step("b", 1, 1, 50),
            step("c", 1, 1, 50),
        ]);
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 125 }));
        // 99.5% × 99.5% = 0.990025 → 99.0025% → 99.0%
        let vs = ValueStream::from_steps(vec![
            VsmStep {
                pca: Number(9950),
                ..step("a", 1, 1, 0)
            },
            VsmStep {
                pca: Number(9950),
                ..step("b", 1, 1, 0)
            },
        ]);
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 990 }));
        // One step at 0%: nothing gets through first time.
        let vs = ValueStream::from_steps(vec![step("a", 1, 1, 100), step("b", 1, 1, 0)]);
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 0 }));
        // Twenty steps at 99%: 0.99^20 = 0.817906… → 81.8%
        let vs = ValueStream::from_steps((0..20).map(|_| step("s", 1, 1, 99)).collect());
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 818 }));
        // Single step at 100%: 100.0%
        let vs = ValueStream::from_steps(vec![step("a", 1, 1, 100)]);
        assert_eq!(vs.rolled_pca, Some(Percent { tenths: 1000 }));
    }

    #[test]
    fn equal_waits_keep_step_order() {
        let vs = ValueStream::from_steps(vec![
            step("a", 5, 10, 100), // wait 5
            step("b", 1, 21, 100), // wait 20
            step("c", 5, 5, 100),  // no wait: not listed
            step("d", 0, 20, 100), // wait 20, after b
        ]);
        let order: Vec<&str> = vs.waits.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(order, ["b", "d", "a"]);
    }

    #[test]
    fn wastes_are_ranked_by_monthly_cost() {
        // Becws Bryn, £ a month:
        //   motion          225.00 + 30.50 = 255.50 → 25,550p
        //   overproduction  445.00         → 44,500p
        //   waiting         140.00         → 14,000p
        //   transport       120.00         → 12,000p  } tie: TIMWOODS order,
        //   defects         120.00         → 12,000p  } transport before defects
        //   total = 44,500 + 25,550 + 14,000 + 12,000 + 12,000 = 108,050p
        let tool = shipped("eight-wastes");
        let values = tool
            .validate(&form(&[
                ("area", "Production floor"),
                ("wastes[0][waste]", "motion"),
                ("wastes[0][where_seen]", "Trays from the back store"),
                ("wastes[0][cost_per_month]", "225"),
                ("wastes[1][waste]", "overproduction"),
                ("wastes[1][where_seen]", "Unsold loaves"),
                ("wastes[1][cost_per_month]", "£445.00"),
                ("wastes[2][waste]", "defects"),
                ("wastes[2][where_seen]", "Over-baked rolls"),
                ("wastes[2][cost_per_month]", "120"),
                ("wastes[3][waste]", "waiting"),
                ("wastes[3][where_seen]", "Van driver"),
                ("wastes[3][cost_per_month]", "140"),
                ("wastes[4][waste]", "motion"),
                ("wastes[4][where_seen]", "Searching for labels"),
                ("wastes[4][cost_per_month]", "30.5"),
                ("wastes[5][waste]", "transport"),
                ("wastes[5][where_seen]", "Flour sacks moved twice"),
                ("wastes[5][cost_per_month]", "120"),
            ]))
            .unwrap();
        let Some(Computed::Wastes(ranking)) = tool.compute(&values) else {
            panic!("a ranking");
        };
        let ranked: Vec<(Waste, Pence)> = ranking
            .ranked
            .iter()
            .map(|t| (t.waste, t.monthly_cost))
            .collect();
        assert_eq!(
            ranked,
            vec![
                (Waste::Overproduction, Pence(44_500)),
                (Waste::Motion, Pence(25_550)),
                (Waste::Waiting, Pence(14_000)),
                (Waste::Transport, Pence(12_000)),
                (Waste::Defects, Pence(12_000)),
            ]
        );
        assert_eq!(ranking.total_monthly, Pence(108_050));
        let motion: Vec<&str> = ranking.ranked[1]
            .sightings
            .iter()
            .map(|s| s.where_seen.as_str())
            .collect();
        assert_eq!(
            motion,
            ["Trays from the back store", "Searching for labels"]
        );
        assert!(ranking.ranked.iter().all(|t| t.waste != Waste::Skills));
    }

    #[test]
    fn quadrant_rule_edges() {
        // High impact: 3–5. Low effort: 1–2.
        assert_eq!(Quadrant::of(3, 2), Quadrant::QuickWin); // both edges in
        assert_eq!(Quadrant::of(5, 1), Quadrant::QuickWin);
        assert_eq!(Quadrant::of(3, 3), Quadrant::MajorProject); // effort 3 is not low
        assert_eq!(Quadrant::of(5, 5), Quadrant::MajorProject);
        assert_eq!(Quadrant::of(2, 2), Quadrant::FillIn); // impact 2 is not high
        assert_eq!(Quadrant::of(1, 1), Quadrant::FillIn);
        assert_eq!(Quadrant::of(2, 3), Quadrant::ThanklessTask);
        assert_eq!(Quadrant::of(1, 5), Quadrant::ThanklessTask);
        for impact in 1..=5u8 {
            for effort in 1..=5u8 {
                let q = Quadrant::of(impact, effort);
                assert_eq!(q == Quadrant::QuickWin, impact >= 3 && effort <= 2);
            }
        }
    }

    #[test]
    fn quick_wins_are_named_best_first() {
        // Gofal Glannau:
        //   postcode order   4/2 → quick win
        //   WhatsApp swaps   3/1 → quick win
        //   rota software    5/5 → major project
        //   printed maps     1/2 → fill-in
        //   move the office  2/5 → thankless task
        //   shared car       4/1 → quick win
        // Quick wins by impact desc, then effort asc:
        //   shared car (4/1), postcode order (4/2), WhatsApp (3/1)
        let tool = shipped("impact-effort");
        let values = tool
            .validate(&form(&[
                ("goal", "Less driving between visits"),
                ("ideas[0][idea]", "Postcode order"),
                ("ideas[0][impact]", "4"),
                ("ideas[0][effort]", "2"),
                ("ideas[1][idea]", "WhatsApp swaps"),
                ("ideas[1][impact]", "3"),
                ("ideas[1][effort]", "1"),
                ("ideas[2][idea]", "Rota software"),
                ("ideas[2][impact]", "5"),
                ("ideas[2][effort]", "5"),
                ("ideas[3][idea]", "Printed maps"),
                ("ideas[3][impact]", "1"),
                ("ideas[3][effort]", "2"),
                ("ideas[4][idea]", "Move the office"),
                ("ideas[4][impact]", "2"),
                ("ideas[4][effort]", "5"),
                ("ideas[5][idea]", "Shared car"),
                ("ideas[5][impact]", "4"),
                ("ideas[5][effort]", "1"),
            ]))
            .unwrap();
        let Some(Computed::ImpactEffort(matrix)) = tool.compute(&values) else {
            panic!("a matrix");
        };
        assert_eq!(
            matrix.quick_wins,
            ["Shared car", "Postcode order", "WhatsApp swaps"]
        );
        let quadrants: Vec<Quadrant> = matrix.ideas.iter().map(|i| i.quadrant).collect();
        assert_eq!(
            quadrants,
            [
                Quadrant::QuickWin,
                Quadrant::QuickWin,
                Quadrant::MajorProject,
                Quadrant::FillIn,
                Quadrant::ThanklessTask,
                Quadrant::QuickWin,
            ]
        );
        let major: Vec<&str> = matrix
            .in_quadrant(Quadrant::MajorProject)
            .map(|i| i.idea.as_str())
            .collect();
        assert_eq!(major, ["Rota software"]);
    }

    #[test]
    fn fishbone_groups_causes_in_fixed_order() {
        // Entered: method A, people B, environment C, method D.
        // Drawn:   people [B] · method [A, D] · machine [] · material []
        //          · measurement [] · environment [C]
        let tool = shipped("fishbone");
        let values = tool
            .validate(&form(&[
                ("effect", "Late buffets"),
                ("causes[0][category]", "method"),
                ("causes[0][cause]", "A"),
                ("causes[1][category]", "people"),
                ("causes[1][cause]", "B"),
                ("causes[2][category]", "environment"),
                ("causes[2][cause]", "C"),
                ("causes[3][category]", "method"),
                ("causes[3][cause]", "D"),
            ]))
            .unwrap();
        let Some(Computed::Fishbone(fish)) = tool.compute(&values) else {
            panic!("a fishbone");
        };
        assert_eq!(fish.effect.as_deref(), Some("Late buffets"));
        let bones: Vec<(Bone, Vec<&str>)> = fish
            .bones
            .iter()
            .map(|b| (b.bone, b.causes.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            bones,
            vec![
                (Bone::People, vec!["B"]),
                (Bone::Method, vec!["A", "D"]),
                (Bone::Machine, vec![]),
                (Bone::Material, vec![]),
                (Bone::Measurement, vec![]),
                (Bone::Environment, vec!["C"]),
            ]
        );
    }

    #[test]
    fn tools_without_a_computed_output_compute_nothing() {
        let tool = shipped("pdsa");
        let values = tool
            .validate(&form(&[
                ("cycle", "2"),
                ("change", "Text ordering"),
                ("prediction", "Fewer unsold loaves"),
                ("plan", "Two Saturdays"),
            ]))
            .unwrap();
        assert_eq!(tool.compute(&values), None);
    }
}
