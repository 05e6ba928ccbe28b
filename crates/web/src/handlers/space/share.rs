//! Sharing one of a project's records with its cohort.

use crate::error::{AppError, AppResult};
use crate::handlers::{ClientAddr, FormData, see_other};
use crate::page::{Page, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::project_for;
use ymarfer_app::space::{self, Record};
use ymarfer_domain::Action;
use ymarfer_domain::space::ItemKind;

/// A share of one of a project's records with its cohort.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShareForm {
    /// `tool:ID`, `cycle:NUMBER` or `reading` (the latest).
    what: String,
    #[serde(rename = "share_note")]
    note: String,
}

/// Shares a filled-in tool, a cycle or the latest reading with the cohort.
pub async fn share(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(project): Path<i64>,
    FormData(form): FormData<ShareForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let (kind, which) = form.what.split_once(':').unwrap_or((&form.what, ""));
    let record = match (ItemKind::parse(kind), which.parse()) {
        (Some(ItemKind::Tool), _) => Some(Record::Tool(which.to_string())),
        (Some(ItemKind::Cycle), Ok(number)) => Some(Record::Cycle(number)),
        (Some(ItemKind::Reading), _) => Some(Record::LatestReading),
        _ => None,
    };
    let Some(record) = record else {
        // Someone who may not is told so, not that the form was wrong.
        project_for(&state, &acting, project, Action::EditProject).await?;
        return Err(AppError::BAD_REQUEST);
    };
    let to = match space::share(&state, &acting, project, &record, &form.note, page.lang).await? {
        Some(id) => format!("posts/{id}?done=shared"),
        None => format!("projects/{project}?done=shared"),
    };
    Ok(see_other(&page.href(&to)))
}
