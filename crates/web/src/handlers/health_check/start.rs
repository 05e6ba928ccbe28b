//! The health check's front door: choosing a language, the introduction and
//! starting a check (`/health-check`).

use super::check::*;
use crate::error::AppResult;
use crate::handlers::{ClientAddr, FormData, see_other};
use crate::page::{Page, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::health_checks;

#[derive(Template)]
#[template(path = "health/choose.html")]
struct ChoosePage {
    page: Page,
}

/// `/health-check`: the two languages side by side, Welsh first.
pub async fn choose(page: Page) -> AppResult {
    // The page is in both languages, and so is its title.
    let both = |lang| ymarfer_app::i18n::Tr(lang).t("health-title");
    let mut page = page;
    page.title = format!(
        "{} / {}",
        both(ymarfer_domain::Lang::Cy),
        both(ymarfer_domain::Lang::En)
    );
    render(&ChoosePage { page })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SourceQuery {
    source: String,
    /// The token of an invitation to take the check again.
    again: String,
}

#[derive(Template)]
#[template(path = "health/intro.html")]
struct IntroPage {
    page: Page,
    source: String,
    again: String,
    error: Option<String>,
}

pub async fn intro(page: Page, Query(q): Query<SourceQuery>) -> AppResult {
    render(&IntroPage {
        page: page.titled("health-title"),
        source: clean_source(&q.source),
        again: clean_token(&q.again),
        error: None,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartForm {
    source: String,
    again: String,
}

pub async fn start(
    State(state): State<AppState>,
    page: Page,
    ClientAddr(addr): ClientAddr,
    FormData(form): FormData<StartForm>,
) -> AppResult {
    let started = health_checks::start(&state, page.lang, &form.source, &form.again, &addr).await?;
    let Some(token) = started else {
        return render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &IntroPage {
                error: Some(page.t("health-throttled")),
                source: clean_source(&form.source),
                again: clean_token(&form.again),
                page: page.titled("health-title"),
            },
        );
    };
    Ok(see_other(&page.href(&format!("health-check/{token}/1"))))
}
