//! The rhythm of sessions: at a session each person records what they will try
//! before the next one; a later session's page asks them to check in on it. And
//! the personal learning log (`/log`), private until a reflection is shared.

use super::{ClientAddr, FormData, see_other};
use crate::error::{AppError, AppResult, authorise};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::rhythm::Typed;
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_domain::space::{BODY_MAX, COMMITMENT_MAX, CheckIn};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::Cohort;
use ymarfer_store::schedule::Meeting;
use ymarfer_store::space::Reflection;

/// The session named, and its cohort, if the viewer is of its cohort's space.
async fn session_for(
    state: &AppState,
    viewer: &Viewer,
    slug: &str,
    cslug: &str,
    id: i64,
) -> Result<(Cohort, Meeting), AppError> {
    let (_, cohort) = context::cohort(state, viewer, slug, cslug, Action::ViewSpace).await?;
    let m = state
        .db
        .meeting(cohort.id, id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    Ok((cohort, m))
}

/// Records a commitment made at a session that has begun.
pub async fn commit(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
    FormData(mut typed): FormData<Typed>,
) -> AppResult {
    let (cohort, m) = session_for(&state, &viewer, &slug, &cslug, id).await?;
    viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    let mut errors = FieldErrors::default();
    let body = parse::text(
        page.tr,
        &mut errors,
        "commitment",
        &typed.commitment,
        COMMITMENT_MAX,
        true,
    );
    if m.starts_at > Utc::now() {
        errors.add("commitment", page.t("commitment-error-future"));
    }
    let lang = parse::written_in(
        page.tr,
        &mut errors,
        "commitment_lang",
        &typed.commitment_lang,
    );
    if !errors.is_empty() {
        typed.errors = errors;
        return crate::views::session_page::show_with(
            &state,
            page,
            &viewer,
            (&slug, &cslug, id),
            None,
            typed,
        )
        .await;
    }
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    ymarfer_app::rhythm::commit(&state, &acting, &cohort, id, &body, lang).await?;
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}/sessions/{id}?done=committed#rhythm-heading"
    ))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CheckInForm {
    commitment: i64,
    status: String,
    note: String,
}

/// Checks in, at a session, on a commitment made at an earlier one.
pub async fn check_in(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
    FormData(form): FormData<CheckInForm>,
) -> AppResult {
    let (cohort, _) = session_for(&state, &viewer, &slug, &cslug, id).await?;
    viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    let mut errors = FieldErrors::default();
    let status = CheckIn::parse(&form.status);
    if status.is_none() {
        errors.add("checkin", page.t("checkin-error-status"));
    }
    let note = parse::text(
        page.tr,
        &mut errors,
        "checkin",
        &form.note,
        COMMITMENT_MAX,
        false,
    );
    let Some(status) = status.filter(|_| errors.is_empty()) else {
        let typed = Typed {
            errors,
            ..Default::default()
        };
        return crate::views::session_page::show_with(
            &state,
            page,
            &viewer,
            (&slug, &cslug, id),
            None,
            typed,
        )
        .await;
    };
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    ymarfer_app::rhythm::check_in(&state, &acting, &cohort, id, form.commitment, status, &note)
        .await?;
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}/sessions/{id}?done=checked-in#rhythm-heading"
    ))))
}

#[derive(Template)]
#[template(path = "space/log.html")]
struct LogPage {
    page: Page,
    entries: Vec<(Reflection, String)>,
    /// The cohorts whose space the person is of: (id, name).
    cohorts: Vec<(i64, String)>,
    form: LogForm,
    errors: FieldErrors,
    notice: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LogForm {
    reflection: String,
    cohort: String,
    lang: String,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

async fn log_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    form: LogForm,
    errors: FieldErrors,
    done: Option<String>,
) -> Result<LogPage, AppError> {
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    let cohorts: Vec<(i64, String)> = state
        .db
        .my_cohorts(me)
        .await?
        .into_iter()
        .filter(|c| context::may(viewer, Action::ViewSpace, c.programme_id, c.cohort_id))
        .map(|c| (c.cohort_id, page.pick(&c.name_en, &c.name_cy).to_string()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let cohorts: Vec<(i64, String)> = cohorts.into_iter().filter(|c| seen.insert(c.0)).collect();
    let entries = state
        .db
        .reflections(me)
        .await?
        .into_iter()
        .map(|r| {
            let html = crate::markdown::render(&r.body);
            (r, html)
        })
        .collect();
    let notice = page.done_notice(done.as_deref());
    Ok(LogPage {
        page: page.titled("log-title"),
        entries,
        cohorts,
        form,
        errors,
        notice,
    })
}

pub async fn log(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    axum::extract::Query(q): axum::extract::Query<DoneQuery>,
) -> AppResult {
    render(
        &log_page(
            &state,
            page,
            &viewer,
            LogForm::default(),
            FieldErrors::default(),
            q.done,
        )
        .await?,
    )
}

pub async fn add_to_log(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    FormData(form): FormData<LogForm>,
) -> AppResult {
    let p = log_page(&state, page, &viewer, form, FieldErrors::default(), None).await?;
    let mut errors = FieldErrors::default();
    let body = parse::text(
        p.page.tr,
        &mut errors,
        "reflection",
        &p.form.reflection,
        BODY_MAX,
        true,
    );
    let lang = parse::written_in(p.page.tr, &mut errors, "lang", &p.form.lang);
    let cohort = p
        .form
        .cohort
        .parse::<i64>()
        .ok()
        .filter(|c| p.cohorts.iter().any(|(id, _)| id == c));
    if cohort.is_none() {
        errors.add("cohort", p.page.t("log-error-cohort"));
    }
    match cohort.filter(|_| errors.is_empty()) {
        Some(cohort) => {
            let cohort = state
                .db
                .cohort_by_id(cohort)
                .await?
                .ok_or(AppError::NOT_FOUND)?;
            let acting = Acting::person(viewer.actor(), Door::Page, address);
            ymarfer_app::rhythm::reflect(&state, &acting, &cohort, &body, lang).await?;
            Ok(see_other(&p.page.href("log?done=reflected")))
        }
        None => render_status(StatusCode::UNPROCESSABLE_ENTITY, &LogPage { errors, ..p }),
    }
}

/// Shares one of the person's reflections with its cohort, as a post.
pub async fn share_reflection(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path(id): Path<i64>,
) -> AppResult {
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    let shared = ymarfer_app::rhythm::share_reflection(&state, &acting, id).await?;
    Ok(see_other(
        &page.href(&format!("posts/{}?done=shared", shared.id)),
    ))
}
