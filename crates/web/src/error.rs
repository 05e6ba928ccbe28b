//! One error type at the edge. The cause is logged; the person sees a safe,
//! translated page rendered by [`render_errors`] in the language of the URL.

use crate::page::{Page, Viewer};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use ymarfer_domain::{Decision, Lang};

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
    Internal,
}

impl ErrorKind {
    fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::SignIn => StatusCode::SEE_OTHER,
            ErrorKind::Forbidden | ErrorKind::CsrfFailed => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::Gone => StatusCode::GONE,
            ErrorKind::MailFailed => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::ControlCharacters => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn key(self) -> &'static str {
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
    pub const NOT_FOUND: AppError = AppError::Kind(ErrorKind::NotFound);
    pub const BAD_REQUEST: AppError = AppError::Kind(ErrorKind::BadRequest);
}

impl<E: Into<anyhow::Error>> From<E> for AppError {
    fn from(e: E) -> Self {
        AppError::Internal(e.into())
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

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    detail_key: String,
    status: u16,
}

/// The language a request is in, from its path; English when the path names none.
pub fn lang_of_path(path: &str) -> Lang {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// Renders error responses as pages in the request's language, and sends
/// signed-out visitors to sign in, returning them afterwards.
pub async fn render_errors(State(_state): State<AppState>, req: Request, next: Next) -> Response {
    let path_and_query = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let lang = lang_of_path(req.uri().path());
    let viewer = req
        .extensions()
        .get::<Viewer>()
        .cloned()
        .unwrap_or_default();
    let csrf = crate::cookies::get(req.headers(), crate::cookies::CSRF);
    let wants_json = req.uri().path() == "/healthz";
    let response = next.run(req).await;
    let kind = match response.extensions().get::<ErrorKind>() {
        Some(kind) => *kind,
        None if response.status() == StatusCode::METHOD_NOT_ALLOWED => ErrorKind::MethodNotAllowed,
        None if response.status() == StatusCode::PAYLOAD_TOO_LARGE => ErrorKind::TooLarge,
        None => return response,
    };
    if wants_json {
        return response;
    }
    if kind == ErrorKind::SignIn {
        let next =
            url::form_urlencoded::byte_serialize(path_and_query.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/{}/sign-in?next={next}", lang.code())).into_response();
    }
    let page =
        Page::new(lang, &path_and_query, viewer, csrf.unwrap_or_default()).titled(kind.key());
    let body = ErrorPage {
        page,
        detail_key: format!("{}-detail", kind.key()),
        status: kind.status().as_u16(),
    }
    .render();
    match body {
        Ok(html) => (
            kind.status(),
            [(header::CACHE_CONTROL, "no-store")],
            Html(html),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            kind.status().into_response()
        }
    }
}

pub async fn fallback() -> AppError {
    AppError::NOT_FOUND
}
