//! Action-learning sets: groups of 4–7 participants in a cohort, made by hand or
//! proposed automatically to mix sectors and balance sizes.

use super::{FormData, see_other};
use crate::context;
use crate::error::{AppError, AppResult};
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::{cohorts, people};
use ymarfer_domain::Action;
use ymarfer_domain::programme::{SET_MAX, SET_MIN};
use ymarfer_store::people::Enrolled;
use ymarfer_store::programmes::{Cohort, Programme};

pub struct SetView {
    pub id: i64,
    pub name: String,
    pub members: Vec<Enrolled>,
}

#[derive(Template)]
#[template(path = "sets/show.html")]
struct SetsPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    sets: Vec<SetView>,
    unplaced: Vec<Enrolled>,
    manage: bool,
}

impl SetsPage {
    fn base(&self) -> String {
        self.page.href(&format!(
            "programmes/{}/cohorts/{}/sets",
            self.programme.slug, self.cohort.slug
        ))
    }
    fn size_ok(&self, n: usize) -> bool {
        (SET_MIN..=SET_MAX).contains(&n)
    }
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohortPeople).await?;
    let manage = context::may(&viewer, Action::ManageCohort, programme.id, cohort.id);
    let active: Vec<Enrolled> = state
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| e.is_active())
        .collect();
    let members = state.db.set_members(cohort.id).await?;
    let sets: Vec<SetView> = state
        .db
        .set_names(cohort.id)
        .await?
        .into_iter()
        .map(|(id, name)| SetView {
            id,
            name,
            members: active
                .iter()
                .filter(|e| {
                    members
                        .iter()
                        .any(|m| m.set_id == id && m.user_id == e.user_id)
                })
                .cloned()
                .collect(),
        })
        .collect();
    let unplaced = active
        .iter()
        .filter(|e| !members.iter().any(|m| m.user_id == e.user_id))
        .cloned()
        .collect();
    render(&SetsPage {
        page: page.titled("sets-title"),
        programme,
        cohort,
        sets,
        unplaced,
        manage,
    })
}

/// Replaces the cohort's sets with an automatic proposal.
pub async fn propose(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (_, cohort) = context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    cohorts::propose_sets(&state, &acting, cohort.id, page.lang).await?;
    Ok(see_other(
        &page.href(&format!("programmes/{slug}/cohorts/{cslug}/sets")),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    user_id: i64,
    set_id: String,
}

/// Moves one participant into a set (or out of all sets).
pub async fn move_member(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    FormData(form): FormData<MoveForm>,
) -> AppResult {
    let (_, cohort) = context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let set = match form.set_id.trim() {
        "" => None,
        s => Some(s.parse::<i64>().map_err(|_| AppError::BAD_REQUEST)?),
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    people::place_in_set(&state, &acting, cohort.id, form.user_id, set).await?;
    Ok(see_other(
        &page.href(&format!("programmes/{slug}/cohorts/{cslug}/sets")),
    ))
}
