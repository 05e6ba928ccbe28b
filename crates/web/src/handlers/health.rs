use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// `{"status":"ok","database":"sqlite"}` once the database has answered.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let database = state.db.backend().name();
    match state.db.ping().await {
        Ok(()) => Json(json!({"status": "ok", "database": database})).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "unavailable", "database": database})),
            )
                .into_response()
        }
    }
}
