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
use ymarfer_store::throttle::Attempt;

#[derive(Template)]
#[template(path = "health/choose.html")]
struct ChoosePage {
    page: Page,
}

/// `/health-check`: the two languages side by side, Welsh first.
pub async fn choose(page: Page) -> AppResult {
    render(&ChoosePage {
        page: page.titled("health-title"),
    })
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
    // The address is kept only hashed, and only for the throttling window.
    let addr = ymarfer_store::secret::hash_secret(&addr);
    if state
        .db
        .throttled(Attempt::HealthCheck, EVERYONE, &addr)
        .await?
    {
        return render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &IntroPage {
                error: Some(page.t("health-throttled")),
                source: clean_source(&form.source),
                again: clean_token(&form.again),
                page: page.titled("health-title"),
            },
        );
    }
    state
        .db
        .record_attempt(Attempt::HealthCheck, EVERYONE, &addr, false)
        .await?;
    // Taken again at a lead's invitation: the new check joins its others.
    let lead = match clean_token(&form.again).as_str() {
        "" => None,
        again => state.db.lead_by_recheck_token(again).await?.map(|l| l.id),
    };
    let token = state
        .db
        .start_check(page.lang, &clean_source(&form.source), lead)
        .await?;
    Ok(see_other(&page.href(&format!("health-check/{token}/1"))))
}
