//! A filled-in tool read back, as its pages draw it and as the cohort space
//! shows it when shared: its computed part (the value stream map, the ranked
//! wastes, the matrix, the fishbone) and each field with what was saved.

use crate::charts::Matrix;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Lang;
use ymarfer_domain::toolkit::{self, Computed, FieldKind, RawInput, Tool, ToolValues};

/// One step of a value stream map as drawn: the wait before it (the inventory
/// triangle), its box, and its rungs on the lead-time ladder.
pub struct VsmStepView {
    pub name: String,
    pub wait: String,
    pub process_time: String,
    pub lead_time: String,
    pub pca: String,
}

/// A value stream map, prepared for the page: every time with its unit.
pub struct VsmView {
    pub steps: Vec<VsmStepView>,
    pub total_lead_time: String,
    pub total_process_time: String,
    pub total_wait: String,
    pub activity_ratio: Option<String>,
    pub rolled_pca: Option<String>,
    pub largest_waits: Vec<(String, String)>,
}

pub fn vsm_view(tr: Tr, tool: &Tool, v: &toolkit::ValueStream) -> VsmView {
    let unit = tool
        .field("steps")
        .and_then(|f| f.column("lead_time"))
        .and_then(|c| match &c.kind {
            FieldKind::Number(spec) => spec.unit.as_ref(),
            _ => None,
        })
        .map(|u| u.get(tr.lang()).to_string())
        .unwrap_or_default();
    let time = |n: toolkit::Number| {
        format!(
            "{} {unit}",
            ymarfer_app::i18n::grouped_hundredths(n.hundredths())
        )
        .trim_end()
        .to_string()
    };
    VsmView {
        steps: v
            .steps
            .iter()
            .map(|s| VsmStepView {
                name: s.name.clone(),
                wait: time(s.wait()),
                process_time: time(s.process_time),
                lead_time: time(s.lead_time),
                pca: format!(
                    "{}%",
                    ymarfer_app::i18n::grouped_hundredths(s.pca.hundredths())
                ),
            })
            .collect(),
        total_lead_time: time(v.total_lead_time),
        total_process_time: time(v.total_process_time),
        total_wait: time(v.total_wait),
        activity_ratio: v.activity_ratio.map(|r| r.to_string()),
        rolled_pca: v.rolled_pca.map(|r| r.to_string()),
        largest_waits: v
            .largest_waits()
            .iter()
            .map(|w| (w.name.clone(), time(w.wait)))
            .collect(),
    }
}

/// A computed output, prepared for the page.
pub enum ComputedView {
    ValueStream(VsmView),
    Wastes(Vec<(String, String, usize)>, String),
    ImpactEffort(Vec<(usize, String, u8, u8, String)>, Vec<String>, Matrix),
    /// The effect in lines, and each bone's name with its causes.
    Fishbone(Vec<String>, Vec<(String, Vec<String>)>),
}

pub fn choice_label(tool: &Tool, field: &str, column: &str, id: &str, lang: Lang) -> String {
    tool.field(field)
        .and_then(|f| f.column(column))
        .and_then(|c| c.kind.option(id))
        .map(|o| o.label(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

pub fn computed_view(tr: Tr, tool: &Tool, values: &ToolValues) -> Option<ComputedView> {
    let lang = tr.lang();
    Some(match tool.compute(values)? {
        Computed::ValueStream(v) => ComputedView::ValueStream(vsm_view(tr, tool, &v)),
        Computed::Wastes(w) => ComputedView::Wastes(
            w.ranked
                .iter()
                .filter(|t| t.monthly_cost.0 > 0 || !t.sightings.is_empty())
                .map(|t| {
                    (
                        choice_label(tool, "wastes", "waste", t.waste.id(), lang),
                        tr.money(t.monthly_cost),
                        t.sightings.len(),
                    )
                })
                .collect(),
            tr.money(w.total_monthly),
        ),
        Computed::ImpactEffort(m) => ComputedView::ImpactEffort(
            m.ideas
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    (
                        i + 1,
                        p.idea.clone(),
                        p.impact,
                        p.effort,
                        tr.t(p.quadrant.message_id()),
                    )
                })
                .collect(),
            m.quick_wins.clone(),
            Matrix::new(&m.ideas),
        ),
        Computed::Fishbone(f) => ComputedView::Fishbone(
            crate::charts::wrap(f.effect.as_deref().unwrap_or_default(), 28, 6),
            f.bones
                .iter()
                .map(|b| {
                    (
                        choice_label(tool, "causes", "category", b.bone.id(), lang),
                        b.causes.clone(),
                    )
                })
                .collect(),
        ),
    })
}

/// A stored value as a person reads it: a choice by its label.
pub fn shown(tr: Tr, kind: &FieldKind, value: &str) -> String {
    match kind {
        FieldKind::Choice { options } => options
            .iter()
            .find(|o| o.id == value)
            .map(|o| o.label(tr.lang()).to_string())
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// A value read back, with the `lang` mark it needs when people typed it in
/// the other language than the reader's.
pub type Shown = (String, &'static str);

/// One field of a saved tool as read back: label, value, and for a table its
/// rows and column headings.
pub type Answer = (String, Shown, Vec<Vec<Shown>>, Vec<String>);

/// A value of a field of this kind, read back to `tr`'s reader: typed text
/// is marked with the language it was `written` in.
fn shown_marked(tr: Tr, kind: &FieldKind, value: &str, written: &str) -> Shown {
    let mark = match kind {
        FieldKind::Text | FieldKind::LongText => crate::page::lang_mark(tr.lang(), written),
        _ => "",
    };
    (shown(tr, kind, value), mark)
}

/// Each field of a saved tool as read back, a choice by its label, what
/// people typed marked with the language it was `written` in.
pub fn answers(tr: Tr, tool: &Tool, values: &ToolValues, written: &str) -> Vec<Answer> {
    let raw = RawInput::from_values(values);
    tool.fields
        .iter()
        .map(|f| {
            let columns: Vec<String> = f
                .columns()
                .iter()
                .map(|c| c.label.get(tr.lang()).to_string())
                .collect();
            let rows = (0..raw.row_count(&f.id))
                .map(|r| {
                    f.columns()
                        .iter()
                        .map(|c| shown_marked(tr, &c.kind, raw.cell(&f.id, r, &c.id), written))
                        .collect()
                })
                .collect();
            (
                f.label.get(tr.lang()).to_string(),
                shown_marked(tr, &f.kind, raw.value(&f.id), written),
                rows,
                columns,
            )
        })
        .collect()
}

/// A saved tool as read back: its computed part, if the tool has one, and
/// its fields.
pub struct ToolReading {
    pub computed: Option<ComputedView>,
    pub answers: Vec<Answer>,
    /// The `lang` mark of what was typed in it, for its drawing.
    pub mark: &'static str,
}

impl ToolReading {
    pub fn of(tr: Tr, tool: &Tool, values: &ToolValues, written: &str) -> ToolReading {
        ToolReading {
            computed: computed_view(tr, tool, values),
            answers: answers(tr, tool, values, written),
            mark: crate::page::lang_mark(tr.lang(), written),
        }
    }
}
