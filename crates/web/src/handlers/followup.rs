//! Follow-ups at 3, 6 and 12 months after a cohort ends (`/follow-up/{token}`):
//! the short form an emailed link opens, and what it records.

use super::FormData;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::forms::FieldErrors;
use crate::page::{Page, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_domain::impact::net::Counterfactual;
use ymarfer_store::organisations::Answers;

#[derive(Template)]
#[template(path = "followup/form.html")]
struct FollowupPage {
    page: Page,
    months: i64,
    action: String,
    form: FollowupForm,
    errors: FieldErrors,
    /// Forecast lines of the organisation's projects: (line, description, typed actual).
    forecasts: Vec<(i64, String, String)>,
    /// Projects the organisation began in Ymarfer after the cohort ended.
    begun: i64,
    /// The organisation's projects in the cohort: (project, title, the answer
    /// chosen), for "would you have made this change without the programme?".
    projects: Vec<(i64, String, String)>,
    /// The answers' codes and message ids, in order.
    counterfactuals: Vec<(&'static str, &'static str)>,
}

impl FollowupPage {
    fn begun_hint(&self) -> String {
        if self.begun > 0 {
            self.page.count("followup-begun-hint", self.begun)
        } else {
            String::new()
        }
    }
}

/// Projects the follow-up's organisation began after its cohort ended.
async fn begun_since(
    state: &AppState,
    f: &ymarfer_store::capability::Followup,
) -> Result<i64, AppError> {
    let cohort = state
        .db
        .cohort_by_id(f.cohort_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    Ok(state
        .db
        .begun_after_end(cohort.programme_id, Some(f.cohort_id))
        .await?
        .into_iter()
        .find(|b| b.organisation_id == f.organisation_id)
        .map_or(0, |b| b.projects))
}

async fn projects(
    state: &AppState,
    f: &ymarfer_store::capability::Followup,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(ymarfer_app::followups::projects(state, f).await?)
}

fn counterfactual_choices() -> Vec<(&'static str, &'static str)> {
    Counterfactual::ALL
        .iter()
        .map(|c| (c.as_str(), c.message_id()))
        .collect()
}

async fn forecasts(
    state: &AppState,
    f: &ymarfer_store::capability::Followup,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(ymarfer_app::followups::forecasts(state, f).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowupForm {
    still_in_use: String,
    new_projects: String,
    q1: Option<String>,
    q2: Option<String>,
    q3: Option<String>,
    q4: Option<String>,
}

async fn open_followup(
    state: &AppState,
    token: &str,
) -> Result<ymarfer_store::capability::Followup, AppError> {
    match state.db.followup_by_secret(token).await? {
        Some(f) if f.completed_at.is_none() => Ok(f),
        _ => Err(AppError::Kind(ErrorKind::Gone)),
    }
}

pub async fn followup_form(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    let f = open_followup(&state, &token).await?;
    let action = page.href(&format!("follow-up/{token}"));
    let forecasts = forecasts(&state, &f)
        .await?
        .into_iter()
        .map(|(l, d)| (l, d, String::new()))
        .collect();
    render(&FollowupPage {
        page: page.titled("followup-title"),
        months: f.months,
        action,
        form: FollowupForm::default(),
        errors: FieldErrors::default(),
        forecasts,
        begun: begun_since(&state, &f).await?,
        projects: projects(&state, &f)
            .await?
            .into_iter()
            .map(|(p, t)| (p, t, String::new()))
            .collect(),
        counterfactuals: counterfactual_choices(),
    })
}

pub async fn followup_answer(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    FormData(pairs): FormData<Vec<(String, String)>>,
) -> AppResult {
    let f = open_followup(&state, &token).await?;
    let tr = page.tr;
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let form = FollowupForm {
        still_in_use: get("still_in_use").unwrap_or_default(),
        new_projects: get("new_projects").unwrap_or_default(),
        q1: get("q1"),
        q2: get("q2"),
        q3: get("q3"),
        q4: get("q4"),
    };
    let mut errors = FieldErrors::default();
    // Actual figures for forecast lines: an amount per period, where known.
    let mut actuals = Vec::new();
    let mut forecasts_typed = Vec::new();
    for (line, description) in forecasts(&state, &f).await? {
        let typed = get(&format!("actual-{line}")).unwrap_or_default();
        if !typed.trim().is_empty() {
            // The actual replaces a line's amount, so it has a line's bound.
            let bound = ymarfer_domain::bounds::Bound::Amount;
            match bound.parse(&typed) {
                Ok(p) => actuals.push((line, ymarfer_domain::Pence(p))),
                Err(ymarfer_domain::decimal::DecimalError::TooLarge) => {
                    errors.add("actuals", crate::parse::too_large(tr, bound))
                }
                Err(_) => errors.add("actuals", tr.t("error-money-invalid")),
            }
        }
        forecasts_typed.push((line, description, typed));
    }
    // Per project: would the firm have made the change without the programme?
    let mut counterfactuals = Vec::new();
    let mut projects_typed = Vec::new();
    for (project, title) in projects(&state, &f).await? {
        let typed = get(&format!("counterfactual-{project}")).unwrap_or_default();
        if !typed.is_empty() {
            match Counterfactual::parse(&typed) {
                Some(answer) => counterfactuals.push((project, answer)),
                None => errors.add("counterfactuals", tr.t("error-choose-one")),
            }
        }
        projects_typed.push((project, title, typed));
    }
    let in_use = match form.still_in_use.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.add("still_in_use", tr.t("error-choose-one"));
            None
        }
    };
    let new_projects = if form.new_projects.trim().is_empty() {
        0
    } else {
        parse::whole(tr, &mut errors, "new_projects", &form.new_projects, 0, 100)
    };
    let Some(in_use) = in_use.filter(|_| errors.is_empty()) else {
        let action = page.href(&format!("follow-up/{token}"));
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FollowupPage {
                page: page.titled("followup-title"),
                months: f.months,
                action,
                form,
                errors,
                forecasts: forecasts_typed,
                begun: begun_since(&state, &f).await?,
                projects: projects_typed,
                counterfactuals: counterfactual_choices(),
            },
        );
    };
    let answered = ymarfer_app::followups::Answered {
        answers: Answers {
            new_goods_or_services: form.q1.is_some(),
            new_business_process: form.q2.is_some(),
            ongoing_or_abandoned: form.q3.is_some(),
            innovation_spending: form.q4.is_some(),
        },
        actuals: actuals.into_iter().map(|(line, p)| (line, p.0)).collect(),
        still_in_use: in_use,
        new_projects,
        counterfactuals,
    };
    // Sent twice, the second finds it answered: the thanks again, nothing changed.
    ymarfer_app::followups::answer(&state, &f, &answered).await?;
    let mut notice =
        crate::views::notice::Notice::new(page, "followup-thanks-title", tr.t("followup-thanks"));
    notice.link = None;
    render(&notice)
}
