//! The API's one error shape: the HTTP status, the Fluent message id, the
//! message in both languages, and what was wrong with each refused field.

use crate::error::{AppError, ErrorKind};
use crate::forms::FieldErrors;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Lang;

/// Text in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Texts {
    pub en: String,
    pub cy: String,
}

impl Texts {
    /// The same words in both languages, as given.
    pub fn both(en: &str, cy: &str) -> Texts {
        Texts {
            en: en.to_string(),
            cy: cy.to_string(),
        }
    }

    /// A message in both languages, by its Fluent id.
    pub fn of(id: &str) -> Texts {
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
                ErrorKind::BadPageLink => (StatusCode::BAD_REQUEST, "api-error-cursor"),
                ErrorKind::TooMany | ErrorKind::TooFast => {
                    (StatusCode::TOO_MANY_REQUESTS, "api-error-rate")
                }
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

impl From<ymarfer_app::Error> for ApiError {
    fn from(e: ymarfer_app::Error) -> ApiError {
        ApiError::from(AppError::from_app(e))
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
pub fn control_characters() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "api-error-control-characters",
    )
}
