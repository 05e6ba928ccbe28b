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
mod resources;

pub use doc::{openapi, operations};

use crate::error::{AppError, ErrorKind};
use crate::forms::FieldErrors;
use crate::page::{CurrentUser, Viewer};
use crate::state::AppState;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use utoipa::ToSchema;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Lang;

/// The most items one page of a list holds, and how many it holds unless asked.
pub const MAX_LIMIT: i64 = 200;
pub const DEFAULT_LIMIT: i64 = 50;

/// The API's routes, nested at `/api/v1` outside the pages' cookie sessions
/// and CSRF checks.
pub fn router(state: AppState) -> Router<AppState> {
    resources::routes()
        .route_layer(from_fn_with_state(state, authenticate))
        .route(
            "/openapi.json",
            axum::routing::get(|| async { Json(openapi()) }),
        )
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "api-error-not-found") })
        .layer(from_fn(refuse_control_characters))
        .layer(from_fn(finish))
}

/// Text in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Texts {
    pub en: String,
    pub cy: String,
}

impl Texts {
    fn of(id: &str) -> Texts {
        Texts {
            en: Tr(Lang::En).t(id),
            cy: Tr(Lang::Cy).t(id),
        }
    }
}

/// What was wrong with one field of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: Texts,
}

/// Every error the API answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status, repeated.
    pub status: u16,
    /// The Fluent message id, stable across languages and releases.
    pub id: String,
    pub message: Texts,
    /// For a refused body: what was wrong with each field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    id: &'static str,
    fields: Vec<FieldProblem>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, id: &'static str) -> ApiError {
        ApiError {
            status,
            id,
            fields: Vec::new(),
        }
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "api-error-not-found")
    }

    pub fn bad_request() -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "api-error-bad-request")
    }

    /// A body whose fields were refused, with each field's message as the
    /// pages would say it, in both languages.
    fn invalid(en: FieldErrors, cy: FieldErrors) -> ApiError {
        let fields = en
            .all()
            .iter()
            .enumerate()
            .map(|(i, (field, text))| FieldProblem {
                field: field.to_string(),
                message: Texts {
                    en: text.clone(),
                    cy: cy
                        .all()
                        .get(i)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_else(|| text.clone()),
                },
            })
            .collect();
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            id: "api-error-invalid",
            fields,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        let (status, id) = match e {
            AppError::Kind(kind) => match kind {
                ErrorKind::NotFound => (StatusCode::NOT_FOUND, "api-error-not-found"),
                ErrorKind::Forbidden | ErrorKind::CsrfFailed => {
                    (StatusCode::FORBIDDEN, "api-error-forbidden")
                }
                ErrorKind::SignIn => (StatusCode::UNAUTHORIZED, "api-error-token"),
                ErrorKind::BadRequest => (StatusCode::BAD_REQUEST, "api-error-bad-request"),
                ErrorKind::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "api-error-method"),
                ErrorKind::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "api-error-too-large"),
                ErrorKind::Gone => (StatusCode::GONE, "api-error-not-found"),
                ErrorKind::ControlCharacters => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "api-error-control-characters",
                ),
                ErrorKind::MailFailed | ErrorKind::Internal => {
                    (StatusCode::INTERNAL_SERVER_ERROR, "api-error-internal")
                }
            },
            AppError::Internal(cause) => {
                tracing::error!(error = %format!("{cause:#}"), "API request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "api-error-internal")
            }
        };
        ApiError::new(status, id)
    }
}

impl From<ymarfer_store::StoreError> for ApiError {
    fn from(e: ymarfer_store::StoreError) -> ApiError {
        ApiError::from(AppError::from(e))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                id: self.id.to_string(),
                message: Texts::of(self.id),
                fields: self.fields,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        match self.status {
            StatusCode::UNAUTHORIZED => {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"ymarfer\""),
                );
            }
            StatusCode::TOO_MANY_REQUESTS => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
            }
            _ => {}
        }
        response
    }
}

/// Checks a request's fields as the pages do, in both languages: the value,
/// or every refusal said in English and in Welsh.
pub fn validate<T>(check: impl Fn(Tr) -> Result<T, FieldErrors>) -> ApiResult<T> {
    check(Tr(Lang::En)).map_err(|en| {
        let cy = check(Tr(Lang::Cy)).err().unwrap_or_default();
        ApiError::invalid(en, cy)
    })
}

/// The refusal of text with a control character (see `edge.rs`).
fn control_characters() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "api-error-control-characters",
    )
}

/// Refuses an API request whose query string carries a control character:
/// a 400, as for any query the API cannot read (a JSON string with one is a
/// refused field, 422).
async fn refuse_control_characters(req: Request, next: Next) -> Response {
    if !crate::edge::clean_query(&req) {
        return ApiError::new(StatusCode::BAD_REQUEST, "api-error-control-characters")
            .into_response();
    }
    next.run(req).await
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

/// Where a page of a list starts and how long it is.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next` cursor of the previous page; none for the first page.
    pub after: Option<String>,
    /// How many items, 1 to 200; 50 unless given.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

impl PageQuery {
    /// The last id already seen (0 for the first page) and the page's length.
    pub fn bounds(&self) -> ApiResult<(i64, i64)> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::new(StatusCode::BAD_REQUEST, "api-error-limit"));
        }
        let after = match self.after.as_deref() {
            None | Some("") => 0,
            Some(cursor) => URL_SAFE_NO_PAD
                .decode(cursor)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|s| s.strip_prefix("id:").and_then(|n| n.parse::<i64>().ok()))
                .filter(|n| *n >= 0)
                .ok_or_else(|| ApiError::new(StatusCode::BAD_REQUEST, "api-error-cursor"))?,
        };
        Ok((after, limit))
    }
}

/// A page of a list, in id order, and the cursor of the next page (none at the end).
#[derive(Debug, Serialize, ToSchema)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

impl<T> Paged<T> {
    /// From one more item than asked for: its presence says there is a next page.
    pub fn of(mut items: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> Paged<T> {
        let more = items.len() as i64 > limit;
        items.truncate(limit.max(0) as usize);
        let next = if more {
            items
                .last()
                .map(|last| URL_SAFE_NO_PAD.encode(format!("id:{}", id(last))))
        } else {
            None
        };
        Paged { items, next }
    }
}

/// Authenticates a request by its token and makes its person the viewer.
async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
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
    req.extensions_mut()
        .insert(Viewer(Some(Arc::new(CurrentUser {
            user,
            actor,
            session_id: 0,
        }))));
    next.run(req).await
}

/// Every answer in the API's shape: a bare 405 becomes an error object, and a
/// successful GET carries an ETag and answers `If-None-Match` with 304.
async fn finish(req: Request, next: Next) -> Response {
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
