//! The API's human page, in both languages: how to authenticate, page, read
//! errors, and what each operation does. The operations are listed from the
//! generated OpenAPI document, so the page cannot drift from the API.

use crate::error::AppResult;
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;

struct Operation {
    method: String,
    path: String,
    what: String,
}

#[derive(Template)]
#[template(path = "api.html")]
struct ApiPage {
    page: Page,
    operations: Vec<Operation>,
    /// How many requests a minute a token may make here.
    per_minute: i64,
}

pub async fn page(State(state): State<AppState>, page: Page) -> AppResult {
    let operations = crate::api::operations()
        .into_iter()
        .map(|(method, path, id)| Operation {
            what: page.t(&format!("api-op-{}", id.replace('_', "-"))),
            method,
            path: format!("/api/v1{path}"),
        })
        .collect();
    render(&ApiPage {
        page: page.titled("api-title"),
        operations,
        per_minute: state.config.api_per_minute,
    })
}
