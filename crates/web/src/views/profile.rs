//! A person's profile page, and the account it belongs to.

use crate::error::{AppError, AppResult, authorise};
use crate::forms::FieldErrors;
use crate::page::{CurrentUser, Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use std::sync::Arc;
use ymarfer_domain::{Action, Lang, Resource, can};
use ymarfer_store::sessions::Session;

/// The signed-in person, allowed to manage their own account.
pub fn account_owner(viewer: &Viewer) -> Result<Arc<CurrentUser>, AppError> {
    let id = viewer.0.as_ref().map(|c| c.user.id).unwrap_or_default();
    authorise(can(
        viewer.actor(),
        Action::ManageOwnAccount,
        Resource::Account(id),
    ))?;
    viewer.0.clone().ok_or(AppError::NOT_FOUND)
}

#[derive(Template)]
#[template(path = "account/profile.html")]
pub struct ProfilePage {
    page: Page,
    email: String,
    display_name: String,
    language: Lang,
    sessions: Vec<SessionRow>,
    current_session: i64,
    notice: Option<String>,
    errors: FieldErrors,
    password_errors: FieldErrors,
    feed_link: Option<String>,
    /// How the person hears of notices by email.
    notify: ymarfer_domain::space::NotifyMode,
}

impl ProfilePage {
    fn notify_modes(&self) -> Vec<(&'static str, String)> {
        ymarfer_domain::space::NotifyMode::ALL
            .iter()
            .map(|m| (m.as_str(), self.page.t(m.message_id())))
            .collect()
    }
}

pub struct SessionRow {
    id: i64,
    device: String,
    started: String,
    last_seen: String,
}

pub async fn profile_page(
    state: &AppState,
    page: Page,
    me: &CurrentUser,
    notice: Option<String>,
    form: Option<(String, Lang, FieldErrors)>,
    password_errors: FieldErrors,
) -> Result<ProfilePage, AppError> {
    let tr = page.tr;
    let sessions: Vec<Session> = state.db.sessions_of(me.user.id).await?;
    let notify = state.db.notify_mode(me.user.id).await?;
    let (display_name, language, errors) = form.unwrap_or_else(|| {
        (
            me.user.display_name.clone(),
            me.user.lang(),
            FieldErrors::default(),
        )
    });
    Ok(ProfilePage {
        page: page.titled("profile-title"),
        email: me.user.email.clone(),
        display_name,
        language,
        sessions: sessions
            .into_iter()
            .map(|s| SessionRow {
                id: s.id,
                device: if s.user_agent.is_empty() {
                    tr.t("profile-session-unknown-device")
                } else {
                    s.user_agent
                },
                started: tr.date_time(s.created_at),
                last_seen: tr.date_time(s.last_seen_at),
            })
            .collect(),
        current_session: me.session_id,
        notice,
        errors,
        password_errors,
        feed_link: None,
        notify,
    })
}

/// The profile, showing a calendar link just made (it is shown only this once).
pub async fn profile_with_feed(
    state: &AppState,
    page: Page,
    me: &CurrentUser,
    link: String,
) -> AppResult {
    let mut p = profile_page(state, page, me, None, None, FieldErrors::default()).await?;
    p.feed_link = Some(link);
    render(&p)
}
