//! The `Idempotency-Key` header on every write (POST, PUT, PATCH, DELETE): a
//! retry with the same key, by the same token, of the same request (method,
//! path and body) is answered with the first answer, status and body, and
//! changes nothing. The key is claimed before the act, so two identical
//! requests at once cannot both act: the second is told to wait (409). The same
//! key for a different request is refused (422). Keys are kept for 24 hours.

use crate::api::error::ApiError;
use crate::csrf::MAX_BODY;
use crate::state::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use sha2::{Digest, Sha256};
use ymarfer_store::idempotency::Claim;

/// The request header.
pub const HEADER: HeaderName = HeaderName::from_static("idempotency-key");

/// Said on an answer that is a replay of the first.
pub const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// The token a request was authenticated by (its id), for keys to belong to.
#[derive(Debug, Clone, Copy)]
pub struct TokenId(pub i64);

/// A key is 1 to 255 visible ASCII characters.
pub fn valid_key(key: &[u8]) -> bool {
    (1..=255).contains(&key.len()) && key.iter().all(|b| (0x21..=0x7e).contains(b))
}

fn writes(method: &Method) -> bool {
    matches!(
        *method,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// What makes two requests the same: method, path with query, and body.
fn request_hash(method: &Method, target: &str, body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(method.as_str().as_bytes());
    hasher.update(b"\n");
    hasher.update(target.as_bytes());
    hasher.update(b"\n");
    hasher.update(body);
    hex::encode(hasher.finalize())
}

/// Runs a write with a key at most once; see the module's documentation.
pub async fn idempotent(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !writes(req.method()) {
        return next.run(req).await;
    }
    let Some(value) = req.headers().get(&HEADER) else {
        return next.run(req).await;
    };
    if !valid_key(value.as_bytes()) {
        return ApiError::new(StatusCode::BAD_REQUEST, "api-error-idempotency-key").into_response();
    }
    // A key names one change: it is kept per method and path, so that the
    // same key sent to another operation is a request of its own (answered
    // by that operation, or 405 where it has no such method).
    let key = format!(
        "{} {} {}",
        req.method(),
        req.uri().path(),
        String::from_utf8_lossy(value.as_bytes())
    );
    let Some(TokenId(token)) = req.extensions().get::<TokenId>().copied() else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "api-error-too-large").into_response();
    };
    let target = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or_default();
    let hash = request_hash(&parts.method, target, &bytes);
    match state
        .db
        .claim_idempotency_key(token, &key, &hash, Utc::now())
        .await
    {
        Err(e) => return ApiError::from(e).into_response(),
        Ok(Claim::Mismatch) => {
            return ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "api-error-idempotency-mismatch",
            )
            .into_response();
        }
        Ok(Claim::Pending) => {
            return ApiError::new(StatusCode::CONFLICT, "api-error-idempotency-pending")
                .into_response();
        }
        Ok(Claim::Answered { status, body }) => return replay(status, body),
        Ok(Claim::Fresh) => {}
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = response.into_parts();
    let Ok(out) = to_bytes(body, usize::MAX).await else {
        let _ = state.db.release_idempotency_key(token, &key).await;
        return ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "api-error-internal")
            .into_response();
    };
    let kept = if parts.status.is_server_error() {
        // The server's fault, not the request's: a retry may act.
        state.db.release_idempotency_key(token, &key).await
    } else {
        state
            .db
            .answer_idempotency_key(
                token,
                &key,
                i64::from(parts.status.as_u16()),
                &String::from_utf8_lossy(&out),
            )
            .await
    };
    if let Err(e) = kept {
        tracing::error!(error = %e, "an idempotency key could not be kept");
    }
    Response::from_parts(parts, Body::from(out))
}

/// The first answer again.
fn replay(status: i64, body: String) -> Response {
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
        .headers_mut()
        .insert(REPLAYED, HeaderValue::from_static("true"));
    response
}
