//! Sharing one of a project's records with its cohort.

use crate::error::{AppError, AppResult, authorise};
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::project_for;
use ymarfer_app::space;
use ymarfer_domain::space::{BODY_MAX, ItemKind};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::space::NewItem;

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
    Path(project): Path<i64>,
    FormData(form): FormData<ShareForm>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        project,
        Action::EditProject,
    )
    .await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    // Only a person of the space can share into it (staff editing a project
    // are; an administrator outside it is not).
    authorise(can(
        viewer.actor(),
        Action::ViewSpace,
        Resource::Cohort {
            programme: ctx.programme.id,
            cohort: ctx.cohort.id,
        },
    ))?;
    let (kind, which) = form.what.split_once(':').unwrap_or((&form.what, ""));
    let kind = ItemKind::parse(kind)
        .filter(|k| k.is_share())
        .ok_or(AppError::BAD_REQUEST)?;
    let (tool_id, ref_id) = match kind {
        ItemKind::Tool => {
            let latest = state
                .db
                .applications(project)
                .await?
                .into_iter()
                .filter(|a| a.tool_id == which)
                .max_by_key(|a| a.version)
                .ok_or(AppError::NOT_FOUND)?;
            (Some(latest.tool_id), latest.id)
        }
        ItemKind::Cycle => {
            let number: i64 = which.parse().map_err(|_| AppError::BAD_REQUEST)?;
            let cycle = state
                .db
                .cycles(project)
                .await?
                .into_iter()
                .find(|c| c.number == number)
                .ok_or(AppError::NOT_FOUND)?;
            (None, cycle.id)
        }
        _ => {
            let latest = state
                .db
                .readings(project)
                .await?
                .into_iter()
                .next_back()
                .ok_or(AppError::NOT_FOUND)?;
            (None, latest.id)
        }
    };
    let note = form.note.trim();
    if note.chars().count() > BODY_MAX {
        return Err(AppError::BAD_REQUEST);
    }
    let members = state
        .db
        .space_members(ctx.programme.id, ctx.cohort.id)
        .await?;
    let id = state
        .db
        .add_item(
            &NewItem {
                cohort: ctx.cohort.id,
                parent: None,
                author: me,
                kind,
                project: Some(project),
                tool_id: tool_id.as_deref(),
                ref_id: Some(ref_id),
                body: note,
                lang: page.lang,
                alumni: None,
            },
            &space::mentions(note, &members),
        )
        .await?;
    Ok(see_other(&page.href(&format!("posts/{id}?done=shared"))))
}
