//! What signing in and setting a password share: starting a session, the
//! throttle on emailed links, and the one form that sets a password for a
//! reset, an invitation or the first administrator's setup.

use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::see_other;
use crate::page::{Page, render, render_status};
use crate::session;
use crate::state::AppState;
use crate::views::notice::Notice;
use askama::Template;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use ymarfer_app::passwords;
use ymarfer_domain::Email;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::password::check_new_password;
use ymarfer_store::audit::NewAuditEvent;
use ymarfer_store::throttle::Attempt;
use ymarfer_store::tokens::Purpose;
use ymarfer_store::users::{Ended, NewUser, User};

/// Starts a session for the user and sends them on.
pub async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user: &User,
    next: Option<String>,
) -> AppResult {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // A suspended account signs in nowhere, by any way.
    if user.suspended_at.is_some() {
        return Err(crate::error::AppError::Kind(
            crate::error::ErrorKind::Forbidden,
        ));
    }
    let secret = state.db.create_session(user.id, agent).await?;
    let to = next.unwrap_or_else(|| format!("/{}", user.lang().code()));
    Ok((session::start_cookies(state, &secret), see_other(&to)).into_response())
}

/// Whether another emailed link for this address, from this network address,
/// is one too many. Every request that is not refused counts, since each sends
/// an email (or would, for an address with an account).
pub async fn email_requests_throttled(
    state: &AppState,
    email: &Email,
    addr: &str,
) -> Result<bool, AppError> {
    let throttled = state
        .db
        .throttled(Attempt::EmailLink, email.as_str(), addr)
        .await?;
    if !throttled {
        state
            .db
            .record_attempt(Attempt::EmailLink, email.as_str(), addr, false)
            .await?;
    }
    Ok(throttled)
}

pub fn link_invalid(page: Page) -> AppResult {
    let tr = page.tr;
    let mut notice = Notice::new(page, "link-invalid-title", tr.t("link-invalid"));
    notice.link = Some((
        format!("/{}/sign-in", tr.lang().code()),
        tr.t("sign-in-title"),
    ));
    render_status(StatusCode::GONE, &notice)
}

/// One form sets a password for three journeys: reset, invitation and setup.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Journey {
    Reset,
    Invitation,
    Setup,
}

/// The trail's record of a password set through an emailed link, by the
/// person the link was for, with what the new password ended.
pub fn password_set(user: i64, journey: Journey, ended: Ended) -> NewAuditEvent {
    let how = match journey {
        Journey::Reset => "by a reset link",
        Journey::Invitation => "by an invitation",
        Journey::Setup => "by the setup link",
    };
    NewAuditEvent {
        actor_id: Some(user),
        action: Some(AuditAction::PasswordChanged),
        subject: format!("user {user}"),
        detail: format!(
            "{how}: {} sessions ended, {} API tokens revoked",
            ended.sessions, ended.tokens
        ),
        ..NewAuditEvent::default()
    }
}

impl Journey {
    pub fn purpose(self) -> Purpose {
        match self {
            Journey::Reset => Purpose::Reset,
            Journey::Invitation => Purpose::Invite,
            Journey::Setup => Purpose::Setup,
        }
    }
    pub fn path(self) -> &'static str {
        match self {
            Journey::Reset => "reset-password",
            Journey::Invitation => "invitation",
            Journey::Setup => "setup",
        }
    }
    pub fn title_key(self) -> &'static str {
        match self {
            Journey::Reset => "reset-choose-title",
            Journey::Invitation => "invitation-title",
            Journey::Setup => "setup-title",
        }
    }
}

#[derive(Template)]
#[template(path = "auth/set_password.html")]
pub struct SetPasswordPage {
    pub page: Page,
    pub action: String,
    pub intro: String,
    pub ask_email: bool,
    pub ask_name: bool,
    pub email: String,
    pub display_name: String,
    pub errors: FieldErrors,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SetPasswordForm {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub confirm: String,
}

pub async fn set_password_page(
    state: &AppState,
    page: Page,
    journey: Journey,
    token: &str,
) -> AppResult {
    let Some(user_id) = state.db.peek_token(journey.purpose(), token).await? else {
        return link_invalid(page);
    };
    let user = match user_id {
        Some(id) => state.db.user_by_id(id).await?,
        None => None,
    };
    let tr = page.tr;
    let intro = match (journey, &user) {
        (Journey::Invitation, Some(u)) => tr.t1("invitation-intro", "email", &u.email),
        (Journey::Setup, _) => tr.t("setup-intro"),
        (_, Some(u)) => tr.t1("reset-choose-intro", "email", &u.email),
        (_, None) => return link_invalid(page),
    };
    render(&SetPasswordPage {
        action: format!("/{}/{}/{token}", tr.lang().code(), journey.path()),
        page: page.titled(journey.title_key()),
        intro,
        ask_email: journey == Journey::Setup,
        ask_name: journey != Journey::Reset,
        email: String::new(),
        display_name: user.map(|u| u.display_name).unwrap_or_default(),
        errors: FieldErrors::default(),
    })
}

pub async fn set_password(
    state: &AppState,
    page: Page,
    headers: &HeaderMap,
    journey: Journey,
    token: &str,
    form: SetPasswordForm,
) -> AppResult {
    let tr = page.tr;
    let Some(user_id) = state.db.peek_token(journey.purpose(), token).await? else {
        return link_invalid(page);
    };
    let existing = match user_id {
        Some(id) => state.db.user_by_id(id).await?,
        None => None,
    };
    let mut errors = FieldErrors::default();
    let email = match (&existing, journey) {
        (Some(u), _) => Email::parse(&u.email).ok(),
        (None, Journey::Setup) => match Email::parse(&form.email) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.add("email", tr.t(e.message_id()));
                None
            }
        },
        (None, _) => return link_invalid(page),
    };
    let name = form.display_name.trim();
    if journey != Journey::Reset && name.is_empty() {
        errors.add("display_name", tr.t("error-name-empty"));
    } else if name.chars().count() > 100 {
        errors.add("display_name", tr.t("error-name-too-long"));
    }
    if let Err(e) = check_new_password(
        &form.password,
        email.as_ref().map(|e| e.as_str()).unwrap_or(""),
    ) {
        errors.add("password", tr.t(e.message_id()));
    } else if form.password != form.confirm {
        errors.add("confirm", tr.t("error-password-mismatch"));
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SetPasswordPage {
                action: format!("/{}/{}/{token}", tr.lang().code(), journey.path()),
                page: page.titled(journey.title_key()),
                intro: String::new(),
                ask_email: journey == Journey::Setup,
                ask_name: journey != Journey::Reset,
                email: form.email,
                display_name: form.display_name,
                errors,
            },
        );
    };
    let hash = passwords::hash(form.password).await?;
    if state
        .db
        .consume_token(journey.purpose(), token)
        .await?
        .is_none()
    {
        return link_invalid(page);
    }
    let user = match existing {
        Some(user) => {
            // A new password signs out every device and voids older links.
            state
                .db
                .set_password_hash(user.id, &hash, None, |ended| {
                    Some(password_set(user.id, journey, ended))
                })
                .await?;
            if journey != Journey::Reset {
                state.db.update_profile(user.id, name, user.lang()).await?;
            }
            user
        }
        None => {
            let created = state
                .db
                .create_user(NewUser {
                    email: &email,
                    display_name: name,
                    language: tr.lang(),
                    is_admin: true,
                    password_hash: Some(&hash),
                })
                .await;
            match created {
                Ok(user) => user,
                Err(e) if e.is_unique_violation() => {
                    // Setting up as someone who already has an account makes them admin.
                    let user = state
                        .db
                        .user_by_email(&email)
                        .await?
                        .ok_or(AppError::BAD_REQUEST)?;
                    state
                        .db
                        .set_password_hash(user.id, &hash, None, |ended| {
                            Some(password_set(user.id, journey, ended))
                        })
                        .await?;
                    state.db.set_admin(user.id, true).await?;
                    user
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let next = match journey {
        Journey::Setup => format!("/{}/admin/users", tr.lang().code()),
        _ => format!("/{}", tr.lang().code()),
    };
    start_session(state, headers, &user, Some(next)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}
