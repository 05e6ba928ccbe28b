//! The claimant's answer to a reviewer's question about a claim
//! (`/projects/{id}/benefits/{line}/answer`).

use super::form::{ledger_project, line_history};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::claims::{self, NOTE_MAX, Outcome, Seen};
use ymarfer_app::projects::ProjectCtx;
use ymarfer_domain::impact::Status;
use ymarfer_store::ledger::BenefitVersion;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    /// The version (the question) the claimant saw.
    version: String,
    answer: String,
}

#[derive(Template)]
#[template(path = "ledger/answer.html")]
struct AnswerPage {
    page: Page,
    ctx: ProjectCtx,
    line: i64,
    v: BenefitVersion,
    /// Who asked, and when.
    asked: String,
    answer: String,
    errors: FieldErrors,
}

/// The page, for a line whose current version is a question.
async fn answer_page(
    state: &AppState,
    page: Page,
    ctx: ProjectCtx,
    line: i64,
    answer: String,
    errors: FieldErrors,
) -> Result<AnswerPage, AppError> {
    let history = line_history(state, ctx.project.id, line).await?;
    let v = history.last().cloned().ok_or(AppError::NOT_FOUND)?;
    if v.status != Status::Queried {
        return Err(AppError::NOT_FOUND);
    }
    let asker = match v.created_by {
        Some(id) => state
            .db
            .user_by_id(id)
            .await?
            .filter(|u| u.erased_at.is_none())
            .map(|u| u.display_name),
        None => None,
    };
    let asked = page.args(
        "answer-intro",
        [
            ("name", asker.unwrap_or_else(|| "—".into())),
            ("date", page.tr.date(v.created_at)),
        ],
    );
    let mut page = page;
    page.title = page.t1("answer-title", "line", &v.description);
    Ok(AnswerPage {
        page,
        ctx,
        line,
        v,
        asked,
        answer,
        errors,
    })
}

pub async fn answer_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, line)): Path<(i64, i64)>,
) -> AppResult {
    let ctx = ledger_project(&state, &viewer, id).await?;
    let p = answer_page(
        &state,
        page,
        ctx,
        line,
        String::new(),
        FieldErrors::default(),
    )
    .await?;
    render(&p)
}

/// The claimant answers: the line is claimed again, carrying the answer, and
/// the reviewer who asked is told.
pub async fn answer(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path((id, line)): Path<(i64, i64)>,
    FormData(form): FormData<AnswerForm>,
) -> AppResult {
    let ctx = ledger_project(&state, &viewer, id).await?;
    let seen: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BAD_REQUEST)?;
    let mut errors = FieldErrors::default();
    let text = parse::text(page.tr, &mut errors, "answer", &form.answer, NOTE_MAX, true);
    if !errors.is_empty() {
        let p = answer_page(&state, page, ctx, line, form.answer.clone(), errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    let outcome = claims::answer(
        &state,
        &acting,
        Seen {
            project: id,
            line,
            version: seen,
            note: &text,
        },
    )
    .await?;
    match outcome {
        Outcome::Done | Outcome::AlreadyDone => Ok(see_other(
            &page.href(&format!("projects/{id}?done=answered#ledger")),
        )),
        // Answered already by someone else, or the line moved on: its page says how it stands.
        Outcome::NotOpen { .. } | Outcome::Changed { .. } => Ok(see_other(
            &page.href(&format!("projects/{id}/benefits/{line}")),
        )),
    }
}
