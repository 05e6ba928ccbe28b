//! Error responses become pages in the request's language.

use crate::error::ErrorKind;
use crate::page::{Page, Viewer};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use ymarfer_domain::Lang;

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
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
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
    let mut response = match body {
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
    };
    if let Some(wait) = retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, wait);
    }
    response
}
