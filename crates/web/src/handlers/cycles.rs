//! A project's test-and-learn cycles (`/projects/{id}/cycles`): plan, do, study,
//! then adopt, adapt or abandon.

use super::forms::FieldErrors;
use super::projects::{ProjectCtx, project_for};
use super::{FormData, parse, see_other};
use crate::error::{AppError, AppResult};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_domain::Action;
use ymarfer_domain::projects::CycleDecision;
use ymarfer_store::projects::{Cycle, CycleInput};

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CycleForm {
    change_idea: String,
    prediction: String,
    plan_who: String,
    plan_what: String,
    plan_when: String,
    plan_where: String,
    happened: String,
    study: String,
    decision: String,
}

impl CycleForm {
    fn from_cycle(c: &Cycle) -> CycleForm {
        CycleForm {
            change_idea: c.change_idea.clone(),
            prediction: c.prediction.clone(),
            plan_who: c.plan_who.clone(),
            plan_what: c.plan_what.clone(),
            plan_when: c.plan_when.clone(),
            plan_where: c.plan_where.clone(),
            happened: c.happened.clone(),
            study: c.study.clone(),
            decision: c.decision.clone().unwrap_or_default(),
        }
    }

    fn validate(&self, page: &Page) -> Result<CycleInput, FieldErrors> {
        let tr = page.tr;
        let mut e = FieldErrors::default();
        let mut text = |field: &'static str, v: &str, max: usize, required: bool| {
            parse::text(tr, &mut e, field, v, max, required)
        };
        let input = CycleInput {
            change_idea: text("change_idea", &self.change_idea, 500, true),
            prediction: text("prediction", &self.prediction, 2000, false),
            plan_who: text("plan_who", &self.plan_who, 300, false),
            plan_what: text("plan_what", &self.plan_what, 2000, false),
            plan_when: text("plan_when", &self.plan_when, 300, false),
            plan_where: text("plan_where", &self.plan_where, 300, false),
            happened: text("happened", &self.happened, 5000, false),
            study: text("study", &self.study, 5000, false),
            decision: None,
        };
        let decision = match self.decision.trim() {
            "" => None,
            d => match CycleDecision::parse(d) {
                Some(d) => Some(d.as_str().to_string()),
                None => {
                    e.add("decision", tr.t("error-choose-one"));
                    None
                }
            },
        };
        // A decision needs the study that justifies it.
        if decision.is_some() && input.study.is_empty() && e.get("study").is_none() {
            e.add("study", tr.t("error-study-before-decision"));
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(CycleInput { decision, ..input })
    }
}

#[derive(Template)]
#[template(path = "projects/cycle.html")]
struct CyclePage {
    page: Page,
    ctx: ProjectCtx,
    action: String,
    number: Option<i64>,
    form: CycleForm,
    errors: FieldErrors,
}

impl CyclePage {
    fn decisions(&self) -> Vec<(&'static str, String)> {
        CycleDecision::ALL
            .iter()
            .map(|d| (d.as_str(), self.page.t(d.message_id())))
            .collect()
    }
}

#[derive(Deserialize, Default)]
pub struct FromQuery {
    from: Option<i64>,
}

/// A new cycle; `?from=N` starts it from cycle N's change idea, for an adapted change.
pub async fn new_cycle_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<FromQuery>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    let mut form = CycleForm::default();
    if let Some(n) = q.from
        && let Some(prev) = state
            .db
            .cycles(id)
            .await?
            .into_iter()
            .find(|c| c.number == n)
    {
        form.change_idea = prev.change_idea;
        form.prediction = prev.prediction;
    }
    let action = page.href(&format!("projects/{id}/cycles/new"));
    render(&CyclePage {
        page: page.titled("cycle-new-title"),
        ctx,
        action,
        number: None,
        form,
        errors: FieldErrors::default(),
    })
}

pub async fn create_cycle(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<CycleForm>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    match form.validate(&page) {
        Ok(input) => {
            let c = state
                .db
                .create_cycle(id, &input, viewer.0.as_ref().map(|c| c.user.id))
                .await?;
            Ok(see_other(&page.href(&format!(
                "projects/{id}/cycles/{}?done=saved",
                c.number
            ))))
        }
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/cycles/new"));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CyclePage {
                    page: page.titled("cycle-new-title"),
                    ctx,
                    action,
                    number: None,
                    form,
                    errors,
                },
            )
        }
    }
}

pub async fn cycle_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, number)): Path<(i64, i64)>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::ViewProject).await?;
    let cycle = state
        .db
        .cycles(id)
        .await?
        .into_iter()
        .find(|c| c.number == number)
        .ok_or(AppError::NOT_FOUND)?;
    let action = page.href(&format!("projects/{id}/cycles/{number}"));
    let mut page = page;
    page.title = page.tr.t1("cycle-title", "number", &number.to_string());
    render(&CyclePage {
        page,
        ctx,
        action,
        number: Some(number),
        form: CycleForm::from_cycle(&cycle),
        errors: FieldErrors::default(),
    })
}

pub async fn update_cycle(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, number)): Path<(i64, i64)>,
    FormData(form): FormData<CycleForm>,
) -> AppResult {
    let ctx = project_for(&state, &viewer, id, Action::EditProject).await?;
    state
        .db
        .cycles(id)
        .await?
        .into_iter()
        .find(|c| c.number == number)
        .ok_or(AppError::NOT_FOUND)?;
    match form.validate(&page) {
        Ok(input) => {
            state.db.update_cycle(id, number, &input).await?;
            Ok(see_other(&page.href(&format!(
                "projects/{id}/cycles/{number}?done=saved"
            ))))
        }
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/cycles/{number}"));
            let mut page = page;
            page.title = page.tr.t1("cycle-title", "number", &number.to_string());
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CyclePage {
                    page,
                    ctx,
                    action,
                    number: Some(number),
                    form,
                    errors,
                },
            )
        }
    }
}
