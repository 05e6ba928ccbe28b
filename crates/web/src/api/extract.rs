//! Reading a request: its body, path and query, each refused in the API's
//! shape; and the token's person.

use crate::api::error::{ApiError, ApiResult, control_characters};
use crate::page::{CurrentUser, Viewer};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// The token's person; a request without one never reaches an operation.
pub fn viewer_of(viewer: &Viewer) -> ApiResult<&CurrentUser> {
    viewer
        .0
        .as_deref()
        .ok_or_else(|| ApiError::new(StatusCode::UNAUTHORIZED, "api-error-token"))
}

/// A JSON body; one that cannot be read is a 400 in the API's shape, and one
/// with a control character in a string a 422.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bad = |e: &dyn std::fmt::Display| {
            tracing::debug!(error = %e, "API body refused");
            ApiError::new(StatusCode::BAD_REQUEST, "api-error-bad-body")
        };
        // Read as JSON first, so every string is checked at the edge.
        let Json(value) = Json::<serde_json::Value>::from_request(req, state)
            .await
            .map_err(|e: JsonRejection| bad(&e))?;
        if !crate::edge::clean_json(&value) {
            return Err(control_characters());
        }
        serde_json::from_value::<T>(value)
            .map(ApiJson)
            .map_err(|e| bad(&e))
    }
}

/// Path parameters; ones of the wrong type are a 400 in the API's shape.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|_: PathRejection| ApiError::bad_request())
    }
}

/// Query parameters; ones of the wrong type are a 400 in the API's shape.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|_: QueryRejection| ApiError::bad_request())
    }
}

/// Reads a whole number as JSON Schema counts one: `7` or `7.0` (a number
/// with no fraction), within what an id can hold; anything else is refused.
pub fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    use serde::Deserialize;
    use serde::de::Error;
    let n = serde_json::Number::deserialize(d)?;
    n.as_i64()
        .or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        })
        .ok_or_else(|| D::Error::custom("a whole number"))
}
