//! A project's readings of its measure (`/projects/{id}/readings`), drawn on its
//! run chart: added, corrected and removed, with what they said before kept.

use super::{FormData, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::project_page::show_page;
use crate::views::reading::ReadingForm;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_app::projects::project_for;
use ymarfer_app::readings::NewReading;
use ymarfer_domain::Action;
use ymarfer_store::projects::Reading;

pub async fn add_reading(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<ReadingForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    match form.check(page.tr) {
        Ok(r) => {
            let reading = NewReading {
                taken_on: r.taken_on,
                value: r.value,
                note: &r.note,
                lang: r.lang,
            };
            ymarfer_app::readings::record(&state, &acting, id, reading).await?;
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
    page.entitle(
        "reading-edit-title",
        &[("project", ctx.project.title.clone())],
        &["project"],
        &ctx.project.lang,
    );
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
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::EditProject,
    )
    .await?;
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
    super::ClientAddr(addr): super::ClientAddr,
    Path((id, reading)): Path<(i64, i64)>,
    FormData(form): FormData<ReadingForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    the_reading(&state, id, reading).await?;
    match form.check(page.tr) {
        Ok(r) => {
            let to = NewReading {
                taken_on: r.taken_on,
                value: r.value,
                note: &r.note,
                lang: r.lang,
            };
            ymarfer_app::readings::correct(&state, &acting, id, reading, to).await?;
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
    super::ClientAddr(addr): super::ClientAddr,
    Path((id, reading)): Path<(i64, i64)>,
) -> AppResult {
    ymarfer_app::readings::remove(&state, &viewer.acting(Door::Page, addr), id, reading).await?;
    Ok(see_other(&page.href(&format!(
        "projects/{id}?done=reading-removed#measures"
    ))))
}
