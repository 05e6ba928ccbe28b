//! A project's ledger lines, added and changed (`/projects/{id}/benefits/…`).

use super::form::*;
use crate::error::AppResult;
use crate::forms::FieldErrors;
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use ymarfer_app::acting::Door;
use ymarfer_app::benefits;
use ymarfer_domain::impact::Status;

pub async fn new_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let ctx = ledger_project(&state, &viewer, id).await?;
    let action = page.href(&format!("projects/{id}/benefits/new"));
    let form = BenefitForm {
        // Forecast or claim: the person chooses; nothing is chosen for them.
        frequency: "monthly".into(),
        savings_type: "hard".into(),
        starts_on: Utc::now().date_naive().to_string(),
        ..BenefitForm::default()
    };
    render(&FormPage {
        page: {
            let named = ctx.named(&page.tr);
            page.titled("benefit-new-title").about(&named)
        },
        ctx,
        action,
        form,
        errors: FieldErrors::default(),
        history: Vec::new(),
    })
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<BenefitForm>,
) -> AppResult {
    let ctx = ledger_project(&state, &viewer, id).await?;
    match form.validate(page.tr) {
        Ok(input) => {
            benefits::add(&state, &viewer.acting(Door::Page, addr), id, &input).await?;
            Ok(see_other(
                &page.href(&format!("projects/{id}?done=benefit#ledger")),
            ))
        }
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/benefits/new"));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    page: {
                        let named = ctx.named(&page.tr);
                        page.titled("benefit-new-title").about(&named)
                    },
                    ctx,
                    action,
                    form,
                    errors,
                    history: Vec::new(),
                },
            )
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, line)): Path<(i64, i64)>,
) -> AppResult {
    let ctx = ledger_project(&state, &viewer, id).await?;
    let history = line_history(&state, id, line).await?;
    let form = history
        .last()
        .map(BenefitForm::from_version)
        .unwrap_or_default();
    let action = page.href(&format!("projects/{id}/benefits/{line}"));
    render(&FormPage {
        page: page.titled("benefit-edit-title"),
        ctx,
        action,
        form,
        errors: FieldErrors::default(),
        history,
    })
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path((id, line)): Path<(i64, i64)>,
    FormData(form): FormData<BenefitForm>,
) -> AppResult {
    let ctx = ledger_project(&state, &viewer, id).await?;
    let history = line_history(&state, id, line).await?;
    if history.last().is_some_and(|v| v.status == Status::Rejected) {
        // A rejected line is closed: a saving is claimed again as a new line.
        let mut errors = FieldErrors::default();
        errors.add("form", page.t("benefit-rejected-closed"));
        let action = page.href(&format!("projects/{id}/benefits/{line}"));
        return render_status(
            StatusCode::CONFLICT,
            &FormPage {
                page: page.titled("benefit-edit-title"),
                ctx,
                action,
                form,
                errors,
                history,
            },
        );
    }
    match form.validate(page.tr) {
        Ok(input) => {
            benefits::change(&state, &viewer.acting(Door::Page, addr), id, line, &input).await?;
            Ok(see_other(
                &page.href(&format!("projects/{id}?done=benefit#ledger")),
            ))
        }
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/benefits/{line}"));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    page: page.titled("benefit-edit-title"),
                    ctx,
                    action,
                    form,
                    errors,
                    history,
                },
            )
        }
    }
}
