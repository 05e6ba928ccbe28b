//! A project's readings of its measure (`/projects/{id}/readings`), drawn on its
//! run chart: added, corrected and removed, with what they said before kept.

use super::forms::FieldErrors;
use super::projects::{ProjectCtx, project_for, show_page};
use super::{FormData, parse, see_other};
use crate::error::{AppError, AppResult};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::Deserialize;
use ymarfer_app::i18n::Tr;
use ymarfer_app::i18n::format_hundredths;
use ymarfer_domain::Action;
use ymarfer_domain::toolkit::Number;
use ymarfer_store::projects::{Reading, ReadingChange};

/// A reading as typed: kept to show again when it is refused. (Also the
/// API's body for a new reading.)
#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
#[serde(default)]
pub struct ReadingForm {
    /// The day it was taken, `YYYY-MM-DD`, not one still to come.
    pub taken_on: String,
    /// The value, as a number such as `12.5`.
    pub value: String,
    /// Up to 300 characters.
    pub note: String,
}

/// A checked reading: its day (not one still to come), value in hundredths and note.
pub struct Checked {
    pub taken_on: NaiveDate,
    pub value: i64,
    pub note: String,
}

impl ReadingForm {
    fn from_reading(r: &Reading) -> ReadingForm {
        ReadingForm {
            taken_on: r.taken_on.to_string(),
            value: format_hundredths(r.value),
            note: r.note.clone(),
        }
    }

    pub fn check(&self, tr: Tr) -> Result<Checked, FieldErrors> {
        let mut errors = FieldErrors::default();
        let taken_on = parse::date(tr, &mut errors, "taken_on", &self.taken_on);
        if self.taken_on.trim().is_empty() {
            errors.add("taken_on", tr.t("error-required"));
        }
        // A reading is of something measured: not a day still to come.
        if taken_on.is_some_and(|d| d > ymarfer_domain::uktime::today()) {
            errors.add("taken_on", tr.t("error-date-future"));
        }
        let value = match Number::parse(&self.value) {
            Ok(n) => Some(n.hundredths()),
            Err(_) => {
                errors.add("value", tr.t("tool-error-number"));
                None
            }
        };
        let note = parse::text(tr, &mut errors, "note", &self.note, 300, false);
        match (taken_on, value) {
            (Some(taken_on), Some(value)) if errors.is_empty() => Ok(Checked {
                taken_on,
                value,
                note,
            }),
            _ => Err(errors),
        }
    }
}

pub async fn add_reading(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<ReadingForm>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    match form.check(page.tr) {
        Ok(r) => {
            state
                .db
                .add_reading(id, r.taken_on, r.value, &r.note, viewer.user_id())
                .await?;
            Ok(see_other(
                &page.href(&format!("projects/{id}?done=reading#measures")),
            ))
        }
        Err(errors) => {
            let show = show_page(&state, page, &viewer, ctx, None, (errors, form)).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &show)
        }
    }
}

#[derive(Template)]
#[template(path = "projects/reading.html")]
struct ReadingPage {
    page: Page,
    ctx: ProjectCtx,
    reading: i64,
    form: ReadingForm,
    errors: FieldErrors,
}

async fn the_reading(state: &AppState, project: i64, reading: i64) -> Result<Reading, AppError> {
    state
        .db
        .readings(project)
        .await?
        .into_iter()
        .find(|r| r.id == reading)
        .ok_or(AppError::NOT_FOUND)
}

fn reading_page(
    page: Page,
    ctx: ProjectCtx,
    reading: i64,
    form: ReadingForm,
    errors: FieldErrors,
) -> ReadingPage {
    let mut page = page;
    page.title = page.t1("reading-edit-title", "project", &ctx.project.title);
    ReadingPage {
        page,
        ctx,
        reading,
        form,
        errors,
    }
}

/// The form to correct or remove one reading.
pub async fn reading_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, reading)): Path<(i64, i64)>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    let r = the_reading(&state, id, reading).await?;
    render(&reading_page(
        page,
        ctx,
        reading,
        ReadingForm::from_reading(&r),
        FieldErrors::default(),
    ))
}

pub async fn correct_reading(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, reading)): Path<(i64, i64)>,
    FormData(form): FormData<ReadingForm>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    the_reading(&state, id, reading).await?;
    match form.check(page.tr) {
        Ok(r) => {
            let change = ReadingChange::Correct {
                taken_on: r.taken_on,
                value: r.value,
                note: &r.note,
            };
            if !state
                .db
                .correct_reading(id, reading, change, viewer.user_id())
                .await?
            {
                return Err(AppError::NOT_FOUND);
            }
            Ok(see_other(&page.href(&format!(
                "projects/{id}?done=reading-corrected#measures"
            ))))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &reading_page(page, ctx, reading, form, errors),
        ),
    }
}

pub async fn remove_reading(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, reading)): Path<(i64, i64)>,
) -> AppResult {
    project_for(&state, &viewer, id, Action::EditProject).await?;
    if !state
        .db
        .correct_reading(id, reading, ReadingChange::Remove, viewer.user_id())
        .await?
    {
        return Err(AppError::NOT_FOUND);
    }
    Ok(see_other(&page.href(&format!(
        "projects/{id}?done=reading-removed#measures"
    ))))
}
