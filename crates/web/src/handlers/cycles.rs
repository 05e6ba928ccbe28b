//! A project's test-and-learn cycles (`/projects/{id}/cycles`): plan, do, study,
//! then adopt, adapt or abandon.

use super::{FormData, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_app::projects::project_for;
use ymarfer_domain::Action;
use ymarfer_domain::projects::CycleDecision;
use ymarfer_store::projects::{Cycle, CycleInput};

/// A test-and-learn cycle as typed (also the API's body for a new cycle):
/// the change idea is needed; dates are `YYYY-MM-DD`; the decision, once
/// made, is `adopt`, `adapt` or `abandon`.
#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
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
    tested_on: String,
    /// `en` or `cy`: the language it is written in; the writer's language
    /// unless given.
    #[schema(value_type = crate::codes::Language)]
    lang: String,
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
            decision: c
                .decision
                .map(|d| d.as_str().to_string())
                .unwrap_or_default(),
            tested_on: c.tested_on.map(|d| d.to_string()).unwrap_or_default(),
            lang: c.lang.clone(),
        }
    }

    pub fn validate(&self, tr: Tr) -> Result<CycleInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let tested_on = parse::date(tr, &mut e, "tested_on", &self.tested_on);
        // A change is marked when it began: not on a day still to come.
        if tested_on.is_some_and(|d| d > ymarfer_domain::uktime::today()) {
            e.add("tested_on", tr.t("error-date-future"));
        }
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
            tested_on,
            lang: parse::written_in(tr, &mut e, "lang", &self.lang),
        };
        let decision = match self.decision.trim() {
            "" => None,
            d => match CycleDecision::parse(d) {
                Some(d) => Some(d),
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
    /// The cycle as saved, shown to read; `None` while the form is open.
    saved: Option<Cycle>,
    notice: Option<String>,
    /// The next steps offered once the cycle is saved.
    next: Option<crate::views::next::NextSteps>,
}

impl CyclePage {
    fn decision_name(&self) -> String {
        CycleDecision::parse(&self.form.decision)
            .map(|d| self.page.t(d.message_id()))
            .unwrap_or_else(|| self.page.t("cycle-open"))
    }

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
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::EditProject,
    )
    .await?;
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
        saved: None,
        notice: None,
        next: None,
    })
}

pub async fn create_cycle(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<CycleForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    match form.validate(page.tr) {
        Ok(input) => {
            let begun = ymarfer_app::cycles::start(&state, &acting, id, &input).await?;
            Ok(see_other(&page.href(&format!(
                "projects/{id}/cycles/{}?done=cycle",
                begun.cycle.number
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
                    saved: None,
                    notice: None,
                    next: None,
                },
            )
        }
    }
}

#[derive(Deserialize, Default)]
pub struct CycleQuery {
    done: Option<String>,
}

/// A cycle as saved, to read; its form opens with `/edit`.
pub async fn cycle_page(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, number)): Path<(i64, i64)>,
    Query(q): Query<CycleQuery>,
) -> AppResult {
    cycle_view(state, page, viewer, id, number, q.done.as_deref(), false).await
}

pub async fn cycle_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, number)): Path<(i64, i64)>,
) -> AppResult {
    cycle_view(state, page, viewer, id, number, None, true).await
}

async fn cycle_view(
    state: AppState,
    page: Page,
    viewer: Viewer,
    id: i64,
    number: i64,
    done: Option<&str>,
    editing: bool,
) -> AppResult {
    let action = if editing {
        Action::EditProject
    } else {
        Action::ViewProject
    };
    let ctx = project_for(&state, &viewer.acting(Door::Page, ""), id, action).await?;
    let cycle = state
        .db
        .cycles(id)
        .await?
        .into_iter()
        .find(|c| c.number == number)
        .ok_or(AppError::NOT_FOUND)?;
    let notice = page.done_notice(done);
    let next = (done == Some("cycle") && !editing && ctx.can_edit())
        .then(|| crate::views::next::NextSteps::after_cycle(&page, &viewer, &ctx, number));
    let form_action = page.href(&format!("projects/{id}/cycles/{number}"));
    let mut page = page;
    page.entitle(
        if editing {
            "cycle-edit-page-title"
        } else {
            "cycle-page-title"
        },
        &[
            ("number", number.to_string()),
            ("project", ctx.project.title.clone()),
        ],
        &["project"],
        &ctx.project.lang,
    );
    render(&CyclePage {
        page,
        ctx,
        action: form_action,
        number: Some(number),
        form: CycleForm::from_cycle(&cycle),
        errors: FieldErrors::default(),
        saved: (!editing).then_some(cycle),
        notice,
        next,
    })
}

pub async fn update_cycle(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((id, number)): Path<(i64, i64)>,
    FormData(form): FormData<CycleForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    state
        .db
        .cycles(id)
        .await?
        .into_iter()
        .find(|c| c.number == number)
        .ok_or(AppError::NOT_FOUND)?;
    let result = match form.validate(page.tr) {
        Ok(input) => match ymarfer_app::cycles::update(&state, &acting, id, number, &input).await {
            Ok(_) => Ok(()),
            Err(ymarfer_app::Error::Invalid(why)) => {
                let mut errors = FieldErrors::default();
                errors.add("change_idea", page.t(why));
                Err(errors)
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => Err(errors),
    };
    match result {
        Ok(()) => Ok(see_other(
            &page.href(&format!("projects/{id}/cycles/{number}?done=cycle")),
        )),
        Err(errors) => {
            let action = page.href(&format!("projects/{id}/cycles/{number}"));
            let mut page = page;
            page.entitle(
                "cycle-edit-page-title",
                &[
                    ("number", number.to_string()),
                    ("project", ctx.project.title.clone()),
                ],
                &["project"],
                &ctx.project.lang,
            );
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CyclePage {
                    page,
                    ctx,
                    action,
                    number: Some(number),
                    form,
                    errors,
                    saved: None,
                    notice: None,
                    next: None,
                },
            )
        }
    }
}
