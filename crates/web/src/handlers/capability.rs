//! The capability self-assessment of a cohort's participants, before and after
//! (`/programmes/{p}/cohorts/{c}/capability`), and its paired change.

use super::{FormData, see_other};
use crate::context;
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use std::collections::HashMap;
use ymarfer_domain::Action;
use ymarfer_domain::capability::{Moment, QUESTIONS, SCALE};
use ymarfer_store::programmes::{Cohort, Programme};

#[derive(Template)]
#[template(path = "followup/capability.html")]
struct CapabilityPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    stage: Moment,
    scores: HashMap<String, String>,
    errors: FieldErrors,
    done: bool,
}

impl CapabilityPage {
    fn before(&self) -> bool {
        self.stage == Moment::Before
    }
    fn questions(&self) -> Vec<(&'static str, &'static str)> {
        QUESTIONS
            .iter()
            .map(|q| (q.id, q.text(self.page.lang)))
            .collect()
    }
    fn scale(&self) -> Vec<String> {
        SCALE.map(|n| n.to_string()).collect()
    }
    fn checked(&self, q: &str, n: &str) -> bool {
        self.scores.get(q).is_some_and(|v| v == n)
    }
}

pub async fn capability_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::AnswerCapability).await?;
    let me = viewer.0.as_ref().map(|c| c.user.id).unwrap_or_default();
    let mine: Vec<_> = state
        .db
        .capability_of(cohort.id)
        .await?
        .into_iter()
        .filter(|a| a.user_id == me)
        .collect();
    let stage = if mine.iter().any(|a| a.stage == Moment::Before) {
        Moment::After
    } else {
        Moment::Before
    };
    let done = mine.iter().any(|a| a.stage == Moment::After);
    let scores = mine
        .iter()
        .filter(|a| a.stage == stage)
        .map(|a| (a.question.clone(), a.score.to_string()))
        .collect();
    render(&CapabilityPage {
        page: page.titled("capability-title"),
        programme,
        cohort,
        stage,
        scores,
        errors: FieldErrors::default(),
        done,
    })
}

pub async fn save_capability(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::AnswerCapability).await?;
    let get = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let stage = Moment::parse(&get("stage")).ok_or(AppError::BAD_REQUEST)?;
    let mut errors = FieldErrors::default();
    let mut scores = Vec::new();
    let mut typed = HashMap::new();
    for q in &QUESTIONS {
        let v = get(q.id);
        match v.parse::<i64>() {
            Ok(n) if SCALE.contains(&n) => scores.push((q.id, n)),
            _ => errors.add(q.id, page.t("capability-error")),
        }
        typed.insert(q.id.to_string(), v);
    }
    if !errors.is_empty() {
        let p = CapabilityPage {
            page: page.titled("capability-title"),
            programme,
            cohort,
            stage,
            scores: typed,
            errors,
            done: false,
        };
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let acting = viewer.acting(ymarfer_app::acting::Door::Page, "");
    ymarfer_app::capability::answer(&state, &acting, programme.id, cohort.id, stage, &scores)
        .await?;
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}?done=capability"
    ))))
}
