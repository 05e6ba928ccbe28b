//! A project's readings of its measure (`/projects/{id}/readings`), drawn on its run chart.

use super::forms::FieldErrors;
use super::projects::{project_for, show_page};
use super::{FormData, parse, see_other};
use crate::error::AppResult;
use crate::page::{Page, Viewer, render_status};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_domain::Action;
use ymarfer_domain::toolkit::Number;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReadingForm {
    taken_on: String,
    value: String,
    note: String,
}

pub async fn add_reading(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<ReadingForm>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let taken_on = parse::date(tr, &mut errors, "taken_on", &form.taken_on);
    if form.taken_on.trim().is_empty() {
        errors.add("taken_on", tr.t("error-required"));
    }
    // A reading is of something measured: not a day still to come.
    if taken_on.is_some_and(|d| d > ymarfer_domain::uktime::today()) {
        errors.add("taken_on", tr.t("error-date-future"));
    }
    let value = match Number::parse(&form.value) {
        Ok(n) => Some(n.hundredths()),
        Err(_) => {
            errors.add("value", tr.t("tool-error-number"));
            None
        }
    };
    let note = parse::text(tr, &mut errors, "note", &form.note, 300, false);
    match (taken_on, value, errors.is_empty()) {
        (Some(on), Some(v), true) => {
            state
                .db
                .add_reading(id, on, v, &note, viewer.0.as_ref().map(|c| c.user.id))
                .await?;
            Ok(see_other(
                &page.href(&format!("projects/{id}?done=reading#measures")),
            ))
        }
        _ => {
            let show = show_page(&state, page, &viewer, ctx, None, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &show)
        }
    }
}
