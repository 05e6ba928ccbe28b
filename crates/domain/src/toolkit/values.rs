//! Participants' values: what a person fills in, checked against the tool.

use super::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
pub(crate) fn normalise_line(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Paragraphs: line endings become `\n`, other control characters but tab
/// are dropped; trimmed.
pub(crate) fn normalise_long(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_string()
}

pub(crate) fn limit_as_number(n: usize) -> Number {
    Number::from_int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Checks one typed value against its kind; `None` when empty or refused.
pub(crate) fn check_value(
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
