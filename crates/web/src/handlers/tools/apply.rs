//! A tool applied to a project (`/projects/{id}/tools/{tool}`), and each
//! version of it.

use super::view::{
    Blanks, ComputedView, FieldView, RowChange, answers, computed_view, form_view, from_project,
    latest_lang, latest_values, tool_of, tool_title, versions,
};
use crate::error::{AppError, AppResult};
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_app::projects::project_for;
use ymarfer_domain::Action;
use ymarfer_domain::toolkit::{RawInput, Tool, ToolValues};

#[derive(Template)]
#[template(path = "tools/apply.html")]
struct ApplyPage {
    page: Page,
    ctx: ProjectCtx,
    tool: Tool,
    fields: Vec<FieldView>,
    errors: Vec<(String, String)>,
    versions: Vec<(i64, String)>,
    computed: Option<ComputedView>,
    notice: Option<String>,
    /// The next steps offered once the tool is saved.
    next: Option<crate::views::next::NextSteps>,
    /// The language what is typed in it is written in (`en` or `cy`).
    written: String,
}

pub async fn apply_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, tool_id)): Path<(i64, String)>,
    axum::extract::Query(q): axum::extract::Query<crate::handlers::DoneQuery>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::ViewProject,
    )
    .await?;
    let tool = tool_of(&state, &ctx, &tool_id).await?;
    let tr = page.tr;
    let apps = state.db.applications(id).await?;
    let latest = latest_values(&apps, &tool.id);
    let raw = match &latest {
        Some(values) => RawInput::from_values(values),
        None => from_project(&tool, &ctx.project),
    };
    let computed = latest.as_ref().and_then(|v| computed_view(tr, &tool, v));
    let written = latest_lang(&apps, &tool.id, &ctx.project);
    let notice = page.done_notice(q.done.as_deref());
    let next = if q.done.as_deref() == Some("saved") && ctx.can_edit() {
        let tools = crate::views::toolkit::tools_for(&state, ctx.programme.id).await?;
        let applied: Vec<&str> = apps.iter().map(|a| a.tool_id.as_str()).collect();
        Some(crate::views::next::NextSteps::after_tool(
            &page, &viewer, &ctx, &tools, &applied, &tool.id,
        ))
    } else {
        None
    };
    let mut page = page;
    page.title = tool_title(&page, &tool, &ctx);
    render(&ApplyPage {
        next,
        fields: form_view(tr, &tool, &raw, &[], &Blanks::default()),
        versions: versions(&state, tr, id, &tool.id).await?,
        page,
        ctx,
        tool,
        errors: Vec::new(),
        computed,
        notice,
        written,
    })
}

pub async fn apply(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path((id, tool_id)): Path<(i64, String)>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    let tool = tool_of(&state, &ctx, &tool_id).await?;
    let tr = page.tr;
    let written = form
        .iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    if let Some(change) = RowChange::from_form(&tool, &form) {
        let (form, blanks) = change.apply(&form);
        let raw = RawInput::from_form(&tool, &form);
        let apps = state.db.applications(id).await?;
        let computed = latest_values(&apps, &tool.id).and_then(|v| computed_view(tr, &tool, &v));
        let mut page = page;
        page.title = tool_title(&page, &tool, &ctx);
        return render(&ApplyPage {
            fields: form_view(tr, &tool, &raw, &[], &blanks),
            versions: versions(&state, tr, id, &tool.id).await?,
            page,
            ctx,
            tool,
            errors: Vec::new(),
            computed,
            notice: None,
            next: None,
            written,
        });
    }
    let raw = RawInput::from_form(&tool, &form);
    let mut lang_error = crate::forms::FieldErrors::default();
    let lang = crate::parse::written_in(tr, &mut lang_error, "lang", &written);
    match tool.validate_input(&raw) {
        Ok(values) if lang_error.is_empty() => {
            ymarfer_app::tools::apply(&state, &acting, id, &values, lang).await?;
            Ok(see_other(&page.href(&format!(
                "projects/{id}/tools/{}?done=saved",
                tool.id
            ))))
        }
        refused => {
            let errors = refused.err().unwrap_or_default();
            let fields = form_view(tr, &tool, &raw, &errors, &Blanks::from_form(&form));
            // Each problem named by the field it is in, linked to that field.
            let mut summary: Vec<(String, String)> = fields
                .iter()
                .flat_map(|f| std::iter::once(&f.input).chain(f.rows.iter().flatten()))
                .filter_map(|i| {
                    let e = i.error.as_ref()?;
                    Some((i.id.clone(), format!("{}: {e}", i.label)))
                })
                .collect();
            summary.extend(
                lang_error
                    .all()
                    .iter()
                    .map(|(f, e)| (f.to_string(), format!("{}: {e}", tr.t("field-lang")))),
            );
            let mut page = page;
            page.title = tool_title(&page, &tool, &ctx);
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ApplyPage {
                    fields,
                    versions: versions(&state, tr, id, &tool.id).await?,
                    page,
                    ctx,
                    tool,
                    errors: summary,
                    computed: None,
                    notice: None,
                    next: None,
                    written,
                },
            )
        }
    }
}

#[derive(Template)]
#[template(path = "tools/version.html")]
struct VersionPage {
    page: Page,
    ctx: ProjectCtx,
    tool: Tool,
    version: i64,
    saved: String,
    answers: Vec<crate::views::tool_reading::Answer>,
    computed: Option<ComputedView>,
    /// The language what was typed into it is in.
    written: String,
}

/// An earlier version of a filled-in tool, read-only.
pub async fn version(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, tool_id, version)): Path<(i64, String, i64)>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::ViewProject,
    )
    .await?;
    let tool = tool_of(&state, &ctx, &tool_id).await?;
    let app = state
        .db
        .applications(id)
        .await?
        .into_iter()
        .find(|a| a.tool_id == tool_id && a.version == version)
        .ok_or(AppError::NOT_FOUND)?;
    let values: ToolValues = serde_json::from_str(&app.data)?;
    let tr = page.tr;
    let answers = answers(tr, &tool, &values, &app.lang);
    let computed = computed_view(tr, &tool, &values);
    let mut page = page;
    page.title = tool_title(&page, &tool, &ctx);
    render(&VersionPage {
        saved: tr.date_time(app.created_at),
        page,
        ctx,
        tool,
        version,
        answers,
        computed,
        written: app.lang,
    })
}
