//! One error type at the edge. The cause is logged; the person sees a safe,
//! translated page rendered by `error_page::render_errors` in the language of
//! the URL.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ymarfer_domain::Decision;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    BadRequest,
    SignIn,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    CsrfFailed,
    TooLarge,
    /// A link that has been used or has expired.
    Gone,
    /// An email could not be sent, and nothing was saved.
    MailFailed,
    /// Text arrived with a control character (see `edge.rs`).
    ControlCharacters,
    /// A link to a page of a list that names no item of it.
    BadPageLink,
    /// One address asked for too much too fast (with `Retry-After`).
    TooFast,
    /// Too many attempts lately (codes that open nothing); wait.
    TooMany,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest | ErrorKind::BadPageLink => StatusCode::BAD_REQUEST,
            ErrorKind::SignIn => StatusCode::SEE_OTHER,
            ErrorKind::Forbidden | ErrorKind::CsrfFailed => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::TooMany | ErrorKind::TooFast => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Gone => StatusCode::GONE,
            ErrorKind::MailFailed => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::ControlCharacters => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ErrorKind::BadRequest => "error-bad-request",
            ErrorKind::SignIn => "error-sign-in",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::MethodNotAllowed => "error-method",
            ErrorKind::CsrfFailed => "error-csrf",
            ErrorKind::TooLarge => "error-too-large",
            ErrorKind::Gone => "link-invalid-title",
            ErrorKind::MailFailed => "error-mail-failed",
            ErrorKind::ControlCharacters => "error-control-characters",
            ErrorKind::BadPageLink => "error-page-link",
            ErrorKind::TooFast => "error-too-fast",
            ErrorKind::TooMany => "error-too-many",
            ErrorKind::Internal => "error-internal",
        }
    }
}

#[derive(Debug)]
pub enum AppError {
    Kind(ErrorKind),
    Internal(anyhow::Error),
}

pub type AppResult<T = Response> = Result<T, AppError>;

impl AppError {
    /// The answer to an act's refusal. An invalid input that the handler did
    /// not show beside its form is a bad request.
    pub fn from_app(e: ymarfer_app::Error) -> AppError {
        match e {
            ymarfer_app::Error::SignIn => AppError::Kind(ErrorKind::SignIn),
            ymarfer_app::Error::Forbidden => AppError::Kind(ErrorKind::Forbidden),
            ymarfer_app::Error::NotFound => AppError::NOT_FOUND,
            ymarfer_app::Error::Invalid(_) => AppError::BAD_REQUEST,
            ymarfer_app::Error::MailFailed => AppError::Kind(ErrorKind::MailFailed),
            ymarfer_app::Error::Throttled => AppError::Kind(ErrorKind::TooMany),
            ymarfer_app::Error::Internal(cause) => AppError::Internal(cause),
        }
    }

    pub const NOT_FOUND: AppError = AppError::Kind(ErrorKind::NotFound);

    /// The answer to an address that asked too fast: wait `seconds`.
    pub fn too_fast(seconds: u64) -> Response {
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            [(axum::http::header::RETRY_AFTER, seconds.to_string())],
        )
            .into_response();
        response.extensions_mut().insert(ErrorKind::TooFast);
        response
    }
    pub const BAD_REQUEST: AppError = AppError::Kind(ErrorKind::BadRequest);
}

impl<E: Into<anyhow::Error>> From<E> for AppError {
    fn from(e: E) -> Self {
        // An act's refusal answers as what it is; anything else is internal.
        match e.into().downcast::<ymarfer_app::Error>() {
            Ok(refusal) => AppError::from_app(refusal),
            Err(cause) => AppError::Internal(cause),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = match self {
            AppError::Kind(kind) => kind,
            AppError::Internal(cause) => {
                // The cause goes to the log only; the page says something went wrong.
                tracing::error!(error = %format!("{cause:#}"), "request failed");
                ErrorKind::Internal
            }
        };
        let mut response = kind.status().into_response();
        response.extensions_mut().insert(kind);
        response
    }
}

/// Turns an authorisation decision into a result handlers can `?`.
pub fn authorise(decision: Decision) -> Result<(), AppError> {
    match decision {
        Decision::Allow => Ok(()),
        refusal => Err(refused(refusal)),
    }
}

/// The error that answers a refusal (an `Allow` here is treated as hidden).
pub fn refused(decision: Decision) -> AppError {
    match decision {
        Decision::SignIn => AppError::Kind(ErrorKind::SignIn),
        Decision::Forbid => AppError::Kind(ErrorKind::Forbidden),
        Decision::Allow | Decision::Hide => AppError::NOT_FOUND,
    }
}

pub async fn fallback() -> AppError {
    AppError::NOT_FOUND
}
