//! A programme's own tools (`/programmes/{slug}/tools`).

use crate::context;
use crate::error::{AppError, AppResult};
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::toolkit::shipped;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_domain::Action;
use ymarfer_domain::toolkit::{self, Tool};

#[derive(Template)]
#[template(path = "tools/programme.html")]
struct ProgrammeToolsPage {
    page: Page,
    programme: ymarfer_store::programmes::Programme,
    tools: Vec<(String, i64, String)>,
    definition: String,
    problems: Vec<String>,
}

async fn programme_tools_page(
    state: &AppState,
    page: Page,
    programme: ymarfer_store::programmes::Programme,
    definition: String,
    problems: Vec<String>,
) -> Result<ProgrammeToolsPage, AppError> {
    let lang = page.lang;
    let programme_name = page
        .pick(&programme.name_en, &programme.name_cy)
        .to_string();
    let tools = state
        .db
        .programme_tools(programme.id)
        .await?
        .into_iter()
        .map(|t| {
            let name = Tool::parse(&t.definition)
                .map(|tool| tool.name.get(lang).to_string())
                .unwrap_or_default();
            (t.tool_id, t.version, name)
        })
        .collect();
    Ok(ProgrammeToolsPage {
        page: page.titled("programme-tools-title").about(&programme_name),
        programme,
        tools,
        definition,
        problems,
    })
}

pub async fn programme_tools(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult {
    let programme = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    render(&programme_tools_page(&state, page, programme, String::new(), Vec::new()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DefinitionForm {
    definition: String,
}

/// Adds a programme's own tool from its TOML definition, checked exactly as the
/// shipped tools are; every problem is listed and nothing is saved until it is right.
pub async fn add_programme_tool(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path(slug): Path<String>,
    FormData(form): FormData<DefinitionForm>,
) -> AppResult {
    let programme = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let tr = page.tr;
    let problems = match Tool::parse(&form.definition) {
        Ok(tool) if shipped().iter().any(|t| t.id == tool.id) => {
            vec![tr.t1("programme-tools-clash", "id", &tool.id)]
        }
        Ok(_) => {
            let acting = viewer.acting(Door::Page, addr);
            ymarfer_app::tools::add_to_programme(&state, &acting, programme.id, &form.definition)
                .await?;
            return Ok(see_other(
                &page.href(&format!("programmes/{slug}/tools?done=saved")),
            ));
        }
        Err(toolkit::ToolError::Toml(message)) => {
            vec![tr.t1("programme-tools-toml", "detail", &message)]
        }
        Err(e) => {
            let issues: Vec<String> = e
                .issues()
                .iter()
                .map(|i| format!("{}: {}", i.at, tr.t(i.problem.message_id())))
                .collect();
            if issues.is_empty() {
                vec![e.to_string()]
            } else {
                issues
            }
        }
    };
    let page = programme_tools_page(&state, page, programme, form.definition, problems).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
