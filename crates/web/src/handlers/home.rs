use crate::cookies;
use crate::error::AppResult;
use crate::page::{Page, Viewer, render};
use askama::Template;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::response::{IntoResponse, Redirect, Response};
use ymarfer_domain::Lang;

/// `/` chooses a language: the cookie from an earlier visit, then the signed-in
/// person's preference, then the browser's `Accept-Language`, then English.
pub async fn pick_language(headers: HeaderMap, viewer: Viewer) -> Response {
    let lang = cookies::get(&headers, cookies::LANG)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| viewer.0.as_ref().map(|c| c.user.lang()))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    Redirect::to(&format!("/{}", lang.code())).into_response()
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
}

pub async fn home(page: Page) -> AppResult {
    let page = page.titled("home-title");
    render(&Home { page })
}
