//! Every route Ymarfer answers, in one place.

use crate::handlers::{account, admin, auth, health, home};
use crate::state::AppState;
use crate::{assets, csrf, error, security, session};
use axum::extract::Request;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Extension, Router};
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;
use ymarfer_domain::Lang;

/// The pages, the same under `/en` and `/cy`.
fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/sign-in", get(auth::sign_in_page).post(auth::sign_in))
        .route("/sign-in/link", post(auth::request_link))
        .route(
            "/sign-in/link/{token}",
            get(auth::link_page).post(auth::use_link),
        )
        .route("/sign-out", post(auth::sign_out))
        .route(
            "/reset-password",
            get(auth::reset_request_page).post(auth::reset_request),
        )
        .route(
            "/reset-password/{token}",
            get(auth::reset_page).post(auth::reset),
        )
        .route(
            "/invitation/{token}",
            get(auth::invitation_page).post(auth::accept_invitation),
        )
        .route("/setup/{token}", get(auth::setup_page).post(auth::setup))
        .route(
            "/profile",
            get(account::profile).post(account::update_profile),
        )
        .route("/profile/password", post(account::change_password))
        .route("/profile/sessions/{id}/end", post(account::end_session))
        .route(
            "/profile/sign-out-everywhere",
            post(account::sign_out_everywhere),
        )
        .route("/admin/users", get(admin::users))
        .route("/admin/users/invite", post(admin::invite))
        .route_layer(axum::middleware::from_fn(crate::page::remember_language))
}

/// Paths as logged: secrets that emailed links carry are masked.
pub fn redact_path(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.len() >= 32 && seg.chars().all(|c| c.is_ascii_hexdigit()) {
                "…"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn router(state: AppState) -> Router {
    let trace = TraceLayer::new_for_http()
        .make_span_with(|req: &Request| {
            let id = req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-")
                .to_string();
            tracing::info_span!("request", id = %id, method = %req.method(), path = %redact_path(req.uri().path()))
        })
        .on_request(())
        .on_response(|res: &axum::response::Response, latency: Duration, _: &Span| {
            tracing::info!(status = res.status().as_u16(), ms = latency.as_millis() as u64, "served");
        });
    let mut app = Router::new()
        .route("/", get(home::pick_language))
        .route(
            "/en/",
            get(|| async { axum::response::Redirect::permanent("/en") }),
        )
        .route(
            "/cy/",
            get(|| async { axum::response::Redirect::permanent("/cy") }),
        )
        .route("/healthz", get(health::healthz))
        .route("/static/{*path}", get(assets::serve))
        .nest("/en", pages().layer(Extension(Lang::En)))
        .nest("/cy", pages().layer(Extension(Lang::Cy)))
        .fallback(error::fallback)
        .layer(from_fn_with_state(state.clone(), csrf::protect))
        .layer(from_fn_with_state(state.clone(), error::render_errors))
        .layer(from_fn_with_state(state.clone(), session::load_viewer));
    for layer in security::layers() {
        app = app.layer(layer);
    }
    app.layer(RequestBodyLimitLayer::new(csrf::MAX_BODY))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(trace)
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_are_masked_in_logged_paths() {
        let token = "a".repeat(64);
        assert_eq!(
            super::redact_path(&format!("/en/sign-in/link/{token}")),
            "/en/sign-in/link/…"
        );
        assert_eq!(super::redact_path("/cy/profile"), "/cy/profile");
    }
}
