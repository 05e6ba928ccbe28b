//! A person's own profile: name, language, password and active sessions.

use super::{FormData, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::session;
use crate::state::AppState;
use crate::views::profile::{account_owner, profile_page};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use ymarfer_app::accounts;
use ymarfer_app::acting::Door;
use ymarfer_domain::Lang;

#[derive(Deserialize, Default)]
pub struct ProfileQuery {
    done: Option<String>,
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
    let mut errors = FieldErrors::default();
    let language = Lang::parse(&form.language);
    let saved = match language {
        Some(language) => {
            let acting = viewer.acting(Door::Page, "");
            match accounts::update_profile(&state, &acting, &form.display_name, language).await {
                Ok(_) => Some(language),
                Err(ymarfer_app::Error::Invalid(message)) => {
                    errors.add("display_name", page.t(message));
                    None
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => {
            errors.add("language", page.t("error-language-invalid"));
            None
        }
    };
    match saved {
        // The profile then appears in the language just chosen.
        Some(language) => Ok(see_other(&format!(
            "/{}/profile?done=saved",
            language.code()
        ))),
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
    super::ClientAddr(addr): super::ClientAddr,
    FormData(form): FormData<PasswordForm>,
) -> AppResult {
    let me = account_owner(&viewer)?;
    let acting = viewer.acting(Door::Page, addr);
    // This device stays signed in; every other is signed out.
    let changed = accounts::change_password(
        &state,
        &acting,
        form.current,
        form.password,
        &form.confirm,
        Some(me.session_id),
    )
    .await;
    match changed {
        Ok(()) => Ok(see_other(&format!(
            "/{}/profile?done=password",
            page.lang.code()
        ))),
        Err(ymarfer_app::Error::Invalid(message)) => {
            let field = match message {
                "error-password-current" => "current",
                "error-password-mismatch" => "confirm",
                _ => "password",
            };
            let mut errors = FieldErrors::default();
            errors.add(field, page.t(message));
            let page = profile_page(&state, page, &me, None, None, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => Err(e.into()),
    }
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
