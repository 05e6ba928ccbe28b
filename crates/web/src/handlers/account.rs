//! A person's own profile: name, language, password and active sessions.

use super::forms::FieldErrors;
use super::{FormData, see_other};
use crate::error::{AppError, AppResult, authorise};
use crate::page::{CurrentUser, Page, Viewer, render, render_status};
use crate::session;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use std::sync::Arc;
use ymarfer_app::passwords;
use ymarfer_domain::password::check_new_password;
use ymarfer_domain::{Action, Lang, Resource, can};
use ymarfer_store::sessions::Session;

/// The signed-in person, allowed to manage their own account.
pub(super) fn account_owner(viewer: &Viewer) -> Result<Arc<CurrentUser>, AppError> {
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
struct ProfilePage {
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

struct SessionRow {
    id: i64,
    device: String,
    started: String,
    last_seen: String,
}

#[derive(Deserialize, Default)]
pub struct ProfileQuery {
    done: Option<String>,
}

async fn profile_page(
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

pub async fn profile(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<ProfileQuery>,
) -> AppResult {
    let me = account_owner(&viewer)?;
    let notice = match q.done.as_deref() {
        Some("saved") => Some(page.t("profile-saved")),
        Some("password") => Some(page.t("profile-password-changed")),
        Some("session") => Some(page.t("profile-session-ended")),
        Some("calendar-revoked") => Some(page.t("profile-calendar-revoked")),
        _ => None,
    };
    render(&profile_page(&state, page, &me, notice, None, FieldErrors::default()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    display_name: String,
    language: String,
}

pub async fn update_profile(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    FormData(form): FormData<ProfileForm>,
) -> AppResult {
    let me = account_owner(&viewer)?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let name = form.display_name.trim();
    if name.is_empty() {
        errors.add("display_name", tr.t("error-name-empty"));
    } else if name.chars().count() > 100 {
        errors.add("display_name", tr.t("error-name-too-long"));
    }
    let language = Lang::parse(&form.language);
    if language.is_none() {
        errors.add("language", tr.t("error-language-invalid"));
    }
    match language.filter(|_| errors.is_empty()) {
        Some(language) => {
            state.db.update_profile(me.user.id, name, language).await?;
            // The profile then appears in the language just chosen.
            Ok(see_other(&format!(
                "/{}/profile?done=saved",
                language.code()
            )))
        }
        None => {
            let keep = (form.display_name, language.unwrap_or(page.lang), errors);
            let page =
                profile_page(&state, page, &me, None, Some(keep), FieldErrors::default()).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current: String,
    password: String,
    confirm: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    FormData(form): FormData<PasswordForm>,
) -> AppResult {
    let me = account_owner(&viewer)?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    if !passwords::verify(form.current, me.user.password_hash.clone()).await? {
        errors.add("current", tr.t("error-password-current"));
    }
    if let Err(e) = check_new_password(&form.password, &me.user.email) {
        errors.add("password", tr.t(e.message_id()));
    } else if form.password != form.confirm {
        errors.add("confirm", tr.t("error-password-mismatch"));
    }
    if !errors.is_empty() {
        let page = profile_page(&state, page, &me, None, None, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let hash = passwords::hash(form.password).await?;
    // Every other device is signed out; this one stays.
    state
        .db
        .set_password_hash(me.user.id, &hash, Some(me.session_id))
        .await?;
    Ok(see_other(&format!(
        "/{}/profile?done=password",
        page.lang.code()
    )))
}

pub async fn end_session(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let me = account_owner(&viewer)?;
    if !state.db.end_session_by_id(me.user.id, id).await? {
        return Err(AppError::NOT_FOUND);
    }
    if id == me.session_id {
        return Ok((
            session::end_cookie(&state),
            see_other(&format!("/{}", page.lang.code())),
        )
            .into_response());
    }
    Ok(see_other(&format!(
        "/{}/profile?done=session",
        page.lang.code()
    )))
}

pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
) -> AppResult {
    let me = account_owner(&viewer)?;
    state.db.end_all_sessions(me.user.id).await?;
    Ok((
        session::end_cookie(&state),
        see_other(&format!("/{}/sign-in", page.lang.code())),
    )
        .into_response())
}
