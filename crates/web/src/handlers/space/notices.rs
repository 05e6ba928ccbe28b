//! A person's notices, how they come by email, and unsubscribing.

use crate::error::{AppError, AppResult, authorise};
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_domain::{Action, Resource, can};

#[derive(Template)]
#[template(path = "space/notices.html")]
struct NoticesPage {
    page: Page,
    notices: Vec<ymarfer_store::space::Notice>,
    requests: Vec<ymarfer_store::space::OpenRequest>,
}

/// The person's notices and open requests for feedback.
pub async fn notices(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    let me = viewer.user_id();
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    let me = me.ok_or(AppError::NOT_FOUND)?;
    let notices = state.db.notices(me, 50).await?;
    let requests = state.db.open_requests(me, None).await?;
    render(&NoticesPage {
        page: page.titled("notices-title"),
        notices,
        requests,
    })
}

pub async fn read_notices(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    ymarfer_app::accounts::read_notices(&state, &viewer.acting(Door::Page, "")).await?;
    Ok(see_other(&page.href("notices?done=read")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotifyForm {
    mode: String,
}

/// Chooses how notices come by email (the profile page's form).
pub async fn set_notify(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    FormData(form): FormData<NotifyForm>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, "");
    let Some(mode) = ymarfer_domain::space::NotifyMode::parse(&form.mode) else {
        // Someone signed out is asked to sign in, not told the form was wrong.
        acting.user_id().ok_or(ymarfer_app::Error::SignIn)?;
        return Err(AppError::BAD_REQUEST);
    };
    ymarfer_app::accounts::set_notify_mode(&state, &acting, mode).await?;
    Ok(see_other(&page.href("profile?done=notify#notices-heading")))
}

#[derive(Template)]
#[template(path = "space/unsubscribe.html")]
struct UnsubscribePage {
    page: Page,
    /// The token is known (else the link is stale).
    known: bool,
    done: bool,
}

/// The page an email's unsubscribe link opens, signed in or not.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    let known = state.db.unsubscriber(&token).await?.is_some();
    let status = if known {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    render_status(
        status,
        &UnsubscribePage {
            page: page.titled("unsubscribe-title"),
            known,
            done: false,
        },
    )
}

/// Stops emails about notices: the page's button, or a mail program's
/// one-click request (RFC 8058), which carries no cookie: the token in the
/// address is the proof.
pub async fn unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    if !ymarfer_app::accounts::unsubscribe(&state, &token).await? {
        return render_status(
            StatusCode::NOT_FOUND,
            &UnsubscribePage {
                page: page.titled("unsubscribe-title"),
                known: false,
                done: false,
            },
        );
    }
    render(&UnsubscribePage {
        page: page.titled("unsubscribe-title"),
        known: true,
        done: true,
    })
}
