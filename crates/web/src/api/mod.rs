//! The JSON API under `/api/v1`: the same records the pages show, through the
//! same authorisation policy, for other programs (reporting, CRMs, finance).
//!
//! A request is authenticated by a personal access token (`Authorization:
//! Bearer ymf_…`) and never by a cookie, so there is no CSRF surface. The
//! token's person becomes the viewer, narrowed by the token's scope in the
//! policy itself. Lists are paged by an opaque cursor; every GET answer carries
//! an ETag; every error is one shape, with its Fluent message id and its text
//! in both languages. The OpenAPI 3.1 document is generated from this code.

mod doc;
mod error;
mod extract;
mod idempotency;
mod middleware;
mod paging;
mod resources;

pub use doc::{openapi, operations};
use error::ApiError;

use crate::state::AppState;
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::{Json, Router};
use middleware::{authenticate, finish, refuse_control_characters};

/// The API's routes, nested at `/api/v1` outside the pages' cookie sessions
/// and CSRF checks.
pub fn router(state: AppState) -> Router<AppState> {
    resources::routes()
        .route_layer(from_fn_with_state(state.clone(), idempotency::idempotent))
        .route_layer(from_fn_with_state(state, authenticate))
        .route(
            "/openapi.json",
            axum::routing::get(|| async { Json(openapi()) }),
        )
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "api-error-not-found") })
        .layer(from_fn(refuse_control_characters))
        .layer(from_fn(finish))
}
