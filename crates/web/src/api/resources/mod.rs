//! The API's operations, a file for each kind of record. Each loads its
//! records through the same helpers as the pages, so the same policy decides
//! what a token's person may read or change; lists are scoped to what they may
//! see before they are paged.

pub mod account;
pub mod benefits;
pub mod impact;
pub mod leads;
pub mod organisations;
pub mod programmes;
pub mod projects;
pub mod sessions;
pub mod space;

use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post, put};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(account::me))
        .route("/programmes", get(programmes::programmes))
        .route("/programmes/{p}", get(programmes::programme))
        .route("/programmes/{p}/cohorts", get(programmes::cohorts))
        .route(
            "/programmes/{p}/organisations",
            get(organisations::organisations),
        )
        .route("/programmes/{p}/impact", get(impact::impact))
        .route("/programmes/{p}/returns", get(impact::funder_return))
        .route("/programmes/{p}/leads", get(leads::leads))
        .route(
            "/programmes/{p}/leads/{id}",
            get(leads::lead).patch(leads::change_lead),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/projects",
            get(projects::projects),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions",
            get(sessions::sessions),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/attendance",
            put(sessions::record_attendance),
        )
        .route("/programmes/{p}/cohorts/{c}/posts", post(space::add_post))
        .route("/organisations/{id}", get(organisations::organisation))
        .route("/organisations/{id}/rate", put(organisations::change_rate))
        .route("/projects/{id}", get(projects::project))
        .route(
            "/projects/{id}/benefits",
            get(benefits::benefits).post(benefits::add_benefit),
        )
        .route(
            "/projects/{id}/benefits/{line}/review",
            post(benefits::review_benefit),
        )
        .route(
            "/projects/{id}/benefits/{line}/answer",
            post(benefits::answer_query),
        )
        .route("/projects/{id}/cycles", post(projects::add_cycle))
        .route("/projects/{id}/readings", post(projects::add_reading))
}
