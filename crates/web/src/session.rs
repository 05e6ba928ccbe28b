//! Loads the signed-in person from the session cookie into the request, and sets
//! and clears session cookies.

use crate::cookies;
use crate::error::AppError;
use crate::page::{CurrentUser, Viewer};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{AppendHeaders, IntoResponse, Response};
use std::sync::Arc;
use ymarfer_store::sessions::IDLE_LIFETIME;

pub async fn load_viewer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let mut viewer = Viewer::default();
    let mut slid_cookie = None;
    if let Some(secret) = cookies::get(req.headers(), cookies::SESSION) {
        let found = match state.db.session_user(&secret).await {
            Ok(found) => found,
            Err(e) => return AppError::from(e).into_response(),
        };
        if let Some(ymarfer_store::sessions::SignedIn {
            session,
            user,
            slid,
            unread,
        }) = found
        {
            if slid {
                // The cookie lives as long as the session now does.
                let left = (session.expires_at - chrono::Utc::now()).num_seconds();
                slid_cookie = Some(cookies::set(
                    cookies::SESSION,
                    &secret,
                    left.max(0),
                    state.config.secure_cookies(),
                ));
            }
            let actor = match state.db.actor(&user).await {
                Ok(actor) => actor,
                Err(e) => return AppError::from(e).into_response(),
            };
            viewer = Viewer(Some(Arc::new(CurrentUser {
                user,
                actor,
                session_id: session.id,
                unread,
            })));
        }
    }
    req.extensions_mut().insert(viewer);
    let mut response = next.run(req).await;
    if let Some(value) = slid_cookie.and_then(|v| HeaderValue::from_str(&v).ok()) {
        // Unless the handler itself ended or replaced the session.
        let prefix = format!("{}=", cookies::SESSION);
        let replaced = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.starts_with(&prefix)));
        if !replaced {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Headers that start a new session (a new id at every sign-in) and a new CSRF token.
pub fn start_cookies(
    state: &AppState,
    secret: &str,
) -> AppendHeaders<[(header::HeaderName, HeaderValue); 2]> {
    let secure = state.config.secure_cookies();
    let session = cookies::set(
        cookies::SESSION,
        secret,
        IDLE_LIFETIME.num_seconds(),
        secure,
    );
    let csrf = cookies::set(
        cookies::CSRF,
        &crate::csrf::new_token(),
        60 * 60 * 24 * 30,
        secure,
    );
    // Appended, not inserted: both cookies must reach the browser.
    AppendHeaders([
        (
            header::SET_COOKIE,
            HeaderValue::from_str(&session).unwrap_or(HeaderValue::from_static("")),
        ),
        (
            header::SET_COOKIE,
            HeaderValue::from_str(&csrf).unwrap_or(HeaderValue::from_static("")),
        ),
    ])
}

pub fn end_cookie(state: &AppState) -> [(header::HeaderName, HeaderValue); 1] {
    let value = cookies::clear(cookies::SESSION, state.config.secure_cookies());
    [(
        header::SET_COOKIE,
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("")),
    )]
}
