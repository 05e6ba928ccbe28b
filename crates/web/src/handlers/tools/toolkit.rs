//! The toolkit (`/tools`) and each tool's guide.

use crate::error::{AppError, AppResult, authorise};
use crate::page::{Page, Viewer, render};
use crate::views::toolkit::shipped;
use askama::Template;
use axum::extract::Path;
use ymarfer_domain::toolkit::Tool;
use ymarfer_domain::{Action, Resource, can};

#[derive(Template)]
#[template(path = "tools/list.html")]
struct ListPage {
    page: Page,
    tools: Vec<Tool>,
}

pub async fn list(page: Page, viewer: Viewer) -> AppResult {
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    render(&ListPage {
        page: page.titled("toolkit-title"),
        tools: shipped().to_vec(),
    })
}

#[derive(Template)]
#[template(path = "tools/guide.html")]
struct GuidePage {
    page: Page,
    tool: Tool,
}

/// A tool's guidance, open to everyone: the health check points firms not yet
/// in a programme to it.
pub async fn guide(page: Page, viewer: Viewer, Path(id): Path<String>) -> AppResult {
    authorise(can(viewer.actor(), Action::ViewPublic, Resource::Site))?;
    let tool = shipped()
        .iter()
        .find(|t| t.id == id)
        .cloned()
        .ok_or(AppError::NOT_FOUND)?;
    let mut page = page;
    page.title = tool.name.get(page.lang).to_string();
    render(&GuidePage { page, tool })
}
