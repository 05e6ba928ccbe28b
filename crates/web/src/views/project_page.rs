//! A project's page: its timeline, cycles, readings, chart, tools, files and ledger.

use crate::charts::RunChart;
use crate::context;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer};
use crate::state::AppState;
use askama::Template;
use chrono::{DateTime, Utc};
use ymarfer_app::acting::Door;
use ymarfer_app::i18n::format_hundredths;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_domain::Action;
use ymarfer_domain::innovation::OsloFunction;
use ymarfer_domain::projects::{CycleDecision, Visibility};
use ymarfer_store::projects::Cycle;

/// An entry on a project's timeline: a tool saved or a cycle logged, in order.
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub when: String,
    /// What happened, as HTML (what people typed in it marked with `lang`).
    pub html: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "projects/show.html")]
pub struct ShowPage {
    page: Page,
    ctx: ProjectCtx,
    /// (value, label, the label's `lang` mark) of what the viewer may share
    /// with the cohort.
    shareable: Vec<(String, String, &'static str)>,
    /// Photos and documents attached to the project.
    files: Vec<ymarfer_store::attachments::Attachment>,
    /// A refused upload's message.
    pub file_errors: FieldErrors,
    /// The upload form's one-time key: the same file sent twice is attached once.
    pub once: String,
    timeline: Vec<TimelineEntry>,
    cycles: Vec<Cycle>,
    /// (id, day, value, note, the note's `lang` mark) of each reading, oldest first.
    readings: Vec<(i64, String, String, String, &'static str)>,
    /// What readings said before they were corrected or removed: (day,
    /// value, note, the note's `lang` mark, who did what when).
    reading_history: Vec<(String, String, String, &'static str, String)>,
    chart: Option<RunChart>,
    median_text: String,
    /// What the run chart rules say, sentence by sentence.
    signal_words: Vec<String>,
    /// Each tool a project may use: (id, name, applied already).
    tools: Vec<(String, String, bool)>,
    notice: Option<String>,
    /// The next steps offered after a save.
    pub next: Option<crate::views::next::NextSteps>,
    reading_errors: FieldErrors,
    /// A refused reading, as typed.
    reading_form: crate::views::reading::ReadingForm,
    can_approve: bool,
    ledger: Vec<crate::views::ledger::LedgerRow>,
    totals: [String; 3],
    can_verify: bool,
    width: f64,
    height: f64,
}

impl ShowPage {
    fn status_name(&self) -> String {
        self.page.t(self.ctx.project.status.message_id())
    }
    fn visibility_name(&self) -> String {
        self.page.t(self.ctx.project.visibility.message_id())
    }
    fn public(&self) -> bool {
        self.ctx.project.visibility == Visibility::Public
    }
    fn function_name(&self) -> String {
        OsloFunction::parse(&self.ctx.project.business_function)
            .map(|f| self.page.t(f.message_id()))
            .unwrap_or_default()
    }
    fn decision_name(&self, d: &Option<CycleDecision>) -> String {
        d.map(|d| self.page.t(d.message_id()))
            .unwrap_or_else(|| self.page.t("cycle-open"))
    }
    fn num(&self, v: &Option<i64>) -> String {
        v.map(format_hundredths).unwrap_or_else(|| "—".into())
    }
}

pub async fn show_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    ctx: ProjectCtx,
    notice: Option<String>,
    (reading_errors, reading_form): (FieldErrors, crate::views::reading::ReadingForm),
) -> Result<ShowPage, AppError> {
    let tr = page.tr;
    let id = ctx.project.id;
    let tools = crate::views::toolkit::tools_for(state, ctx.programme.id).await?;
    let tool_name = |tid: &str| {
        tools
            .iter()
            .find(|t| t.id == tid)
            .map(|t| t.name.get(tr.lang()).to_string())
            .unwrap_or_else(|| tid.to_string())
    };
    let applications = state.db.applications(id).await?;
    let mut applied: Vec<String> = applications.iter().map(|a| a.tool_id.clone()).collect();
    applied.sort_unstable();
    applied.dedup();
    let mut timeline: Vec<TimelineEntry> = applications
        .into_iter()
        .map(|a| TimelineEntry {
            at: a.created_at,
            when: tr.date(a.created_at),
            html: crate::page::escape_html(&tr.args(
                "timeline-tool",
                &[
                    ("tool", tool_name(&a.tool_id)),
                    ("version", a.version.to_string()),
                ],
            )),
            href: page.href(&format!(
                "projects/{id}/tools/{}/versions/{}",
                a.tool_id, a.version
            )),
        })
        .collect();
    let cycles = state.db.cycles(id).await?;
    for c in &cycles {
        timeline.push(TimelineEntry {
            at: c.created_at,
            when: tr.date(c.created_at),
            html: page.args_in(
                "timeline-cycle",
                [
                    ("number", c.number.to_string()),
                    ("idea", c.change_idea.clone()),
                ],
                &["idea"],
                &c.lang,
            ),
            href: page.href(&format!("projects/{id}/cycles/{}", c.number)),
        });
    }
    timeline.sort_by_key(|e| e.at);
    let readings = state.db.readings(id).await?;
    let judged = ymarfer_app::readings::judge(&ctx.project, &readings, &cycles);
    let med = judged.analysis.median;
    // Each cycle is marked on the chart on the day its change began.
    let marks: Vec<(chrono::NaiveDate, String)> = cycles
        .iter()
        .map(|c| (ymarfer_app::readings::change_day(c), c.number.to_string()))
        .collect();
    let chart = RunChart::new(
        tr,
        crate::charts::Scale::Hundredths,
        &readings
            .iter()
            .map(|r| (r.taken_on, r.value))
            .collect::<Vec<_>>(),
        med,
        ctx.project.aim_target,
        &marks,
    )
    .map(|c| c.with_signals(judged.analysis.signals.as_deref().unwrap_or_default()));
    let signal_words = crate::views::run_signals::words(tr, &judged);
    let rows = readings
        .iter()
        .map(|r| {
            (
                r.id,
                tr.day(r.taken_on),
                format_hundredths(r.value),
                r.note.clone(),
                page.lang_of(&r.lang),
            )
        })
        .collect();
    let reading_history = if ctx.can_edit() {
        state
            .db
            .reading_history(id)
            .await?
            .into_iter()
            .map(|h| {
                (
                    tr.day(h.taken_on),
                    format_hundredths(h.value),
                    h.note,
                    page.lang_of(&h.lang),
                    tr.args(
                        "reading-history-by",
                        &[
                            ("action", tr.t(h.action.message_id())),
                            ("name", h.changed_by.unwrap_or_else(|| "—".into())),
                            ("date", tr.date(h.changed_at)),
                        ],
                    ),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let can_approve = ctx.may(&viewer.acting(Door::Page, ""), Action::ApproveProject)
        && ctx.project.visibility == Visibility::Public
        && ctx.project.public_approved_by.is_none();
    let (ledger, totals) = if ctx.sees_ledger() {
        crate::views::ledger::project_ledger(state, tr, &ctx).await?
    } else {
        (Vec::new(), [String::new(), String::new(), String::new()])
    };
    let can_verify = ctx.may(&viewer.acting(Door::Page, ""), Action::VerifyBenefit);
    let tool_links = tools
        .iter()
        .map(|t| {
            (
                t.id.clone(),
                t.name.get(tr.lang()).to_string(),
                applied.contains(&t.id),
            )
        })
        .collect();
    // What its people may share with their cohort: each tool applied, each
    // cycle, the latest reading.
    let may_share =
        ctx.can_edit() && context::may(viewer, Action::ViewSpace, ctx.programme.id, ctx.cohort.id);
    let shareable = if may_share {
        let mut options: Vec<(String, String, &'static str)> = applied
            .iter()
            .map(|t| (format!("tool:{t}"), tool_name(t), ""))
            .collect();
        options.extend(cycles.iter().map(|c| {
            (
                format!("cycle:{}", c.number),
                tr.args(
                    "share-option-cycle",
                    &[
                        ("number", c.number.to_string()),
                        ("change", c.change_idea.clone()),
                    ],
                ),
                page.lang_of(&c.lang),
            )
        }));
        if !readings.is_empty() {
            options.push(("reading".into(), tr.t("share-reading"), ""));
        }
        options
    } else {
        Vec::new()
    };
    let mut page = page;
    page.entitle_typed(&ctx.project.title, &ctx.project.lang);
    page.about = Some(ctx.firm(&page.tr));
    let files = state.db.project_attachments(id).await?;
    Ok(ShowPage {
        page,
        shareable,
        files,
        file_errors: FieldErrors::default(),
        once: crate::forms::once_key(),
        timeline,
        cycles,
        readings: rows,
        reading_history,
        chart,
        median_text: med.map(format_hundredths).unwrap_or_default(),
        signal_words,
        tools: tool_links,
        notice,
        next: None,
        reading_errors,
        reading_form,
        can_approve,
        ledger,
        totals,
        can_verify,
        width: crate::charts::WIDTH,
        height: crate::charts::HEIGHT,
        ctx,
    })
}
