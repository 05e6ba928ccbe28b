//! A tool as its pages show it: the fields of its form with what was typed,
//! its computed parts (the value stream map, scores), and its versions.

use crate::error::AppError;
use crate::page::Page;
use crate::state::AppState;
use crate::views::toolkit::tools_for;
use std::collections::HashMap;
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_domain::toolkit::{self, FieldError, FieldKind, RawInput, Tool, ToolValues, cell_name};

pub use crate::views::tool_reading::{ComputedView, answers, computed_view};

/// A tool page's title: the tool and the project it is applied to.
pub fn tool_title(page: &Page, tool: &Tool, ctx: &ProjectCtx) -> String {
    format!("{}: {}", tool.name.get(page.lang), ctx.project.title)
}

/// One input of the form, ready to render.
pub struct Input {
    pub name: String,
    pub id: String,
    pub label: String,
    pub help: String,
    pub kind: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub unit: String,
    pub options: Vec<(String, String)>,
    pub scale: Vec<String>,
}

pub struct FieldView {
    pub input: Input,
    pub rows: Vec<Vec<Input>>,
    /// How many of `rows` hold something typed (the rest are empty).
    pub typed: usize,
    /// Empty rows to offer again when the form comes back.
    pub blanks: usize,
}

pub fn error_text(tr: Tr, e: &FieldError) -> String {
    let mut args = Vec::new();
    if let Some(min) = e.min {
        args.push(("min", min.to_string()));
    }
    if let Some(max) = e.max {
        args.push(("max", max.to_string()));
    }
    tr.args(e.message_id, &args)
}

pub fn input(
    tr: Tr,
    name: String,
    label: &toolkit::Text,
    help: Option<&toolkit::Text>,
    kind: &FieldKind,
    value: &str,
    errors: &HashMap<String, String>,
) -> Input {
    let lang = tr.lang();
    let (kind_name, unit, options, scale) = match kind {
        FieldKind::Text => ("text", String::new(), Vec::new(), Vec::new()),
        FieldKind::LongText => ("long_text", String::new(), Vec::new(), Vec::new()),
        FieldKind::Number(spec) => (
            "number",
            spec.unit
                .as_ref()
                .map(|u| u.get(lang).to_string())
                .unwrap_or_default(),
            Vec::new(),
            Vec::new(),
        ),
        FieldKind::Choice { options } => (
            "choice",
            String::new(),
            options
                .iter()
                .map(|o| (o.id.clone(), o.label(lang).to_string()))
                .collect(),
            Vec::new(),
        ),
        FieldKind::Rating { min, max } => (
            "rating",
            String::new(),
            Vec::new(),
            (*min..=*max).map(|n| n.to_string()).collect(),
        ),
        FieldKind::Rows { .. } => ("rows", String::new(), Vec::new(), Vec::new()),
    };
    Input {
        id: name
            .replace(['[', ']'], "-")
            .replace("--", "-")
            .trim_end_matches('-')
            .to_string(),
        error: errors.get(&name).cloned(),
        name,
        label: label.get(lang).to_string(),
        help: help.map(|h| h.get(lang).to_string()).unwrap_or_default(),
        kind: kind_name,
        value: value.to_string(),
        unit,
        options,
        scale,
    }
}

/// The form for a tool with what was typed (or saved) and any errors, as views.
pub fn form_view(
    tr: Tr,
    tool: &Tool,
    raw: &RawInput,
    errors: &[FieldError],
    blanks: &Blanks,
) -> Vec<FieldView> {
    let errors: HashMap<String, String> = errors
        .iter()
        .map(|e| (e.field.clone(), error_text(tr, e)))
        .collect();
    tool.fields
        .iter()
        .map(|f| {
            let main = input(
                tr,
                f.id.clone(),
                &f.label,
                f.help.as_ref(),
                &f.kind,
                raw.value(&f.id),
                &errors,
            );
            // Rows typed so far, and empty ones to fill in (one unless the
            // person asked for more).
            let count = if f.columns().is_empty() {
                0
            } else {
                raw.row_count(&f.id) + blanks.of(&f.id)
            };
            let rows = (0..count)
                .map(|r| {
                    f.columns()
                        .iter()
                        .map(|c| {
                            let name = cell_name(&f.id, r, &c.id);
                            let value = raw.cell(&f.id, r, &c.id).to_string();
                            let label = toolkit::Text::new(
                                format!("{} {}", c.label.en, r + 1),
                                format!("{} {}", c.label.cy, r + 1),
                            );
                            input(tr, name, &label, None, &c.kind, &value, &errors)
                        })
                        .collect()
                })
                .collect();
            FieldView {
                input: main,
                rows,
                typed: raw.row_count(&f.id),
                blanks: blanks.of(&f.id),
            }
        })
        .collect()
}

/// How many empty rows each rows field shows: one, or as many as the person
/// asked for with "Add a row" (posted back in `_blank_FIELD`).
#[derive(Default)]
pub struct Blanks(HashMap<String, usize>);

/// The most empty rows a form offers at once.
pub const MAX_BLANKS: usize = 20;

impl Blanks {
    pub fn of(&self, field: &str) -> usize {
        self.0.get(field).copied().unwrap_or(1)
    }

    pub fn from_form(form: &[(String, String)]) -> Blanks {
        Blanks(
            form.iter()
                .filter_map(|(k, v)| {
                    let field = k.strip_prefix("_blank_")?;
                    let n = v.trim().parse::<usize>().ok()?;
                    Some((field.to_string(), n.min(MAX_BLANKS)))
                })
                .collect(),
        )
    }
}

/// A press of "Add a row" or "Remove" on a rows field: the form is shown again
/// with the change, and nothing is saved.
pub enum RowChange {
    Add(String),
    Remove(String, usize),
}

impl RowChange {
    pub fn from_form(tool: &Tool, form: &[(String, String)]) -> Option<RowChange> {
        let (_, v) = form.iter().find(|(k, _)| k == "_rows")?;
        let mut parts = v.split(':');
        let change = match (parts.next()?, parts.next()?, parts.next()) {
            ("add", field, None) => RowChange::Add(field.to_string()),
            ("remove", field, Some(row)) => RowChange::Remove(field.to_string(), row.parse().ok()?),
            _ => return None,
        };
        let field = match &change {
            RowChange::Add(f) | RowChange::Remove(f, _) => f,
        };
        tool.field(field)
            .is_some_and(|f| !f.columns().is_empty())
            .then_some(change)
    }

    /// The posted form with the change made, and the empty rows to show.
    pub fn apply(&self, form: &[(String, String)]) -> (Vec<(String, String)>, Blanks) {
        let mut blanks = Blanks::from_form(form);
        let kept = match self {
            RowChange::Add(field) => {
                let n = (blanks.of(field) + 1).min(MAX_BLANKS);
                blanks.0.insert(field.clone(), n);
                form.to_vec()
            }
            RowChange::Remove(field, row) => form
                .iter()
                .filter(|(k, _)| {
                    toolkit::parse_cell_name(k).is_none_or(|(f, r, _)| f != field || r != *row)
                })
                .cloned()
                .collect(),
        };
        (kept, blanks)
    }
}

/// A tool's fields that start, before anything is saved, from the project's
/// own words: its problem is the fishbone's effect and the five whys' problem.
pub fn from_project(tool: &Tool, project: &ymarfer_store::projects::Project) -> RawInput {
    let mut raw = RawInput::default();
    for (field, text) in [
        ("effect", &project.problem),
        ("problem", &project.problem),
        ("background", &project.problem),
        ("title", &project.title),
    ] {
        if tool.field(field).is_some() && !text.trim().is_empty() {
            raw.values.insert(field.to_string(), text.clone());
        }
    }
    raw
}

pub async fn tool_of(state: &AppState, ctx: &ProjectCtx, tool_id: &str) -> Result<Tool, AppError> {
    tools_for(state, ctx.programme.id)
        .await?
        .iter()
        .find(|t| t.id == tool_id)
        .cloned()
        .ok_or(AppError::NOT_FOUND)
}

pub async fn versions(
    state: &AppState,
    tr: Tr,
    project: i64,
    tool: &str,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(state
        .db
        .applications(project)
        .await?
        .into_iter()
        .filter(|a| a.tool_id == tool)
        .rev()
        .map(|a| (a.version, tr.date_time(a.created_at)))
        .collect())
}

/// The language what was typed into the tool is in: its latest version's,
/// or before any, the project's.
pub fn latest_lang(
    apps: &[ymarfer_store::projects::Application],
    tool: &str,
    project: &ymarfer_store::projects::Project,
) -> String {
    apps.iter()
        .rev()
        .find(|a| a.tool_id == tool)
        .map_or_else(|| project.lang.clone(), |a| a.lang.clone())
}

pub fn latest_values(
    apps: &[ymarfer_store::projects::Application],
    tool: &str,
) -> Option<ToolValues> {
    apps.iter()
        .rev()
        .find(|a| a.tool_id == tool)
        .and_then(|a| serde_json::from_str(&a.data).ok())
}
