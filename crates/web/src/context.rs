//! Loading the programme or cohort a URL names, and checking the viewer may act on it.

use crate::error::{AppError, authorise};
use crate::page::Viewer;
use crate::state::AppState;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::{Cohort, Programme};

/// The programme named by `slug`, if the viewer may do `action` to it. A programme
/// that does not exist and one the viewer has no connection with look the same.
pub async fn programme(
    state: &AppState,
    viewer: &Viewer,
    slug: &str,
    action: Action,
) -> Result<Programme, AppError> {
    let Some(programme) = state.db.programme_by_slug(slug).await? else {
        authorise(can(viewer.actor(), action, Resource::Programme(-1)))?;
        return Err(AppError::NOT_FOUND);
    };
    authorise(can(
        viewer.actor(),
        action,
        Resource::Programme(programme.id),
    ))?;
    Ok(programme)
}

pub async fn cohort(
    state: &AppState,
    viewer: &Viewer,
    slug: &str,
    cohort_slug: &str,
    action: Action,
) -> Result<(Programme, Cohort), AppError> {
    let programme = state.db.programme_by_slug(slug).await?;
    let cohort = match &programme {
        Some(p) => state.db.cohort_by_slug(p.id, cohort_slug).await?,
        None => None,
    };
    let (Some(programme), Some(cohort)) = (programme, cohort) else {
        authorise(can(viewer.actor(), action, Resource::Programme(-1)))?;
        return Err(AppError::NOT_FOUND);
    };
    authorise(can(
        viewer.actor(),
        action,
        Resource::Cohort {
            programme: programme.id,
            cohort: cohort.id,
        },
    ))?;
    Ok((programme, cohort))
}

/// Whether the viewer may do `action` to the cohort (for showing or hiding parts of a page).
pub fn may(viewer: &Viewer, action: Action, programme: i64, cohort: i64) -> bool {
    can(
        viewer.actor(),
        action,
        Resource::Cohort { programme, cohort },
    ) == ymarfer_domain::Decision::Allow
}

pub fn may_programme(viewer: &Viewer, action: Action, programme: i64) -> bool {
    can(viewer.actor(), action, Resource::Programme(programme)) == ymarfer_domain::Decision::Allow
}
