//! What every API request passes through: the query checked for control
//! characters, the token authenticated, and the answer finished (an ETag on a
//! successful GET, a bare 405 made an error object).

use crate::api::error::ApiError;
use crate::api::idempotency::TokenId;
use crate::error::{AppError, ErrorKind};
use crate::page::{CurrentUser, Viewer};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Refuses an API request whose query string carries a control character:
/// a 400, as for any query the API cannot read (a JSON string with one is a
/// refused field, 422).
pub async fn refuse_control_characters(req: Request, next: Next) -> Response {
    if !crate::edge::clean_query(&req) {
        return ApiError::new(StatusCode::BAD_REQUEST, "api-error-control-characters")
            .into_response();
    }
    next.run(req).await
}

/// Authenticates a request by its token and makes its person the viewer.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let secret = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
    let found = match state.db.use_api_token(&secret).await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let Some(used) = found else {
        return ApiError::new(StatusCode::UNAUTHORIZED, "api-error-token").into_response();
    };
    if used.this_minute > state.config.api_per_minute {
        return ApiError::new(StatusCode::TOO_MANY_REQUESTS, "api-error-rate").into_response();
    }
    let user = match state.db.user_by_id(used.token.user_id).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return ApiError::new(StatusCode::UNAUTHORIZED, "api-error-token").into_response();
        }
        Err(e) => return ApiError::from(e).into_response(),
    };
    let mut actor = match state.db.actor(&user).await {
        Ok(actor) => actor,
        Err(e) => return ApiError::from(e).into_response(),
    };
    actor.token = Some(used.token.scope());
    req.extensions_mut().insert(TokenId(used.token.id));
    req.extensions_mut()
        .insert(Viewer(Some(Arc::new(CurrentUser {
            user,
            actor,
            session_id: 0,
            unread: 0,
        }))));
    next.run(req).await
}

/// Every answer in the API's shape: a bare 405 becomes an error object, and a
/// successful GET carries an ETag and answers `If-None-Match` with 304.
pub async fn finish(req: Request, next: Next) -> Response {
    let get = req.method() == Method::GET;
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(req).await;
    if response.status() == StatusCode::METHOD_NOT_ALLOWED
        && !response.headers().contains_key(header::CONTENT_TYPE)
    {
        let allow = response.headers().get(header::ALLOW).cloned();
        let mut refused =
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "api-error-method").into_response();
        if let Some(allow) = allow {
            refused.headers_mut().insert(header::ALLOW, allow);
        }
        return refused;
    }
    if !get || response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return ApiError::from(AppError::Kind(ErrorKind::Internal)).into_response();
    };
    let digest = Sha256::digest(&bytes);
    let tag = format!("\"{}\"", hex::encode(&digest[..16]));
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    // Clients may keep a copy, but must ask again before using it.
    parts.headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    parts
        .headers
        .insert(header::VARY, HeaderValue::from_static("Authorization"));
    if matches {
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return (StatusCode::NOT_MODIFIED, parts.headers).into_response();
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}
