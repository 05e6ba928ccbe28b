//! Signing in (password or emailed link), signing out, password reset, accepting
//! an invitation, and the first administrator's setup.

use super::{ClientAddr, FormData, safe_next, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, render, render_status};
use crate::state::AppState;
use crate::views::notice::Notice;
use crate::{cookies, session};
use askama::Template;
use axum::extract::{Path, Query, State};
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

#[derive(Template)]
#[template(path = "auth/sign_in.html")]
struct SignInPage {
    page: Page,
    email: String,
    next: String,
    errors: FieldErrors,
    link_email: String,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn sign_in_page(page: Page, Query(q): Query<NextQuery>) -> AppResult {
    render(&SignInPage {
        page: page.titled("sign-in-title"),
        email: String::new(),
        next: safe_next(q.next.as_deref()).unwrap_or_default(),
        errors: FieldErrors::default(),
        link_email: String::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInForm {
    email: String,
    password: String,
    next: String,
}

/// Starts a session for the user and sends them on.
async fn start_session(
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

pub async fn sign_in(
    State(state): State<AppState>,
    page: Page,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    FormData(form): FormData<SignInForm>,
) -> AppResult {
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let email = match Email::parse(&form.email) {
        Ok(e) => Some(e),
        Err(e) => {
            errors.add("email", tr.t(e.message_id()));
            None
        }
    };
    if form.password.is_empty() {
        errors.add("password", tr.t("error-password-empty"));
    }
    let again = |page: Page, errors: FieldErrors, status: StatusCode| {
        render_status(
            status,
            &SignInPage {
                page: page.titled("sign-in-title"),
                email: form.email.clone(),
                next: safe_next(Some(&form.next)).unwrap_or_default(),
                errors,
                link_email: String::new(),
            },
        )
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return again(page, errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    if state
        .db
        .throttled(Attempt::Password, email.as_str(), &addr)
        .await?
    {
        errors.add("form", tr.t("error-throttled"));
        return again(page, errors, StatusCode::TOO_MANY_REQUESTS);
    }
    let user = state.db.user_by_email(&email).await?;
    let ok = passwords::verify(
        form.password.clone(),
        user.as_ref().and_then(|u| u.password_hash.clone()),
    )
    .await?;
    state
        .db
        .record_attempt(Attempt::Password, email.as_str(), &addr, ok)
        .await?;
    use ymarfer_app::audit::{Act, record_as};
    use ymarfer_domain::audit::AuditAction;
    match user.as_ref().filter(|_| ok) {
        Some(user) if user.suspended_at.is_some() => {
            errors.add("form", tr.t("error-suspended"));
            again(page, errors, StatusCode::FORBIDDEN)
        }
        Some(user) => {
            let act = Act::new(AuditAction::SignIn, None, "password");
            record_as(&state, Some(user.id), String::new(), &addr, act).await?;
            start_session(&state, &headers, user, safe_next(Some(&form.next))).await
        }
        None => {
            let act = Act::new(AuditAction::SignInFailed, None, "password");
            // An account is named by its id; an address with none, as typed.
            let (id, typed) = match &user {
                Some(u) => (Some(u.id), String::new()),
                None => (None, email.as_str().to_string()),
            };
            record_as(&state, id, typed, &addr, act).await?;
            errors.add("form", tr.t("error-sign-in-failed"));
            again(page, errors, StatusCode::UNAUTHORIZED)
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    email: String,
}

/// Whether another emailed link for this address, from this network address,
/// is one too many. Every request that is not refused counts, since each sends
/// an email (or would, for an address with an account).
async fn email_requests_throttled(
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

/// The sign-in page carries two forms; this one's field is `link_email` so that
/// the two email inputs have distinct ids.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LinkForm {
    link_email: String,
}

pub async fn request_link(
    State(state): State<AppState>,
    page: Page,
    ClientAddr(addr): ClientAddr,
    FormData(form): FormData<LinkForm>,
) -> AppResult {
    let tr = page.tr;
    let email = match Email::parse(&form.link_email) {
        Ok(e) => e,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("link_email", tr.t(e.message_id()));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SignInPage {
                    page: page.titled("sign-in-title"),
                    email: String::new(),
                    next: String::new(),
                    errors,
                    link_email: form.link_email,
                },
            );
        }
    };
    if email_requests_throttled(&state, &email, &addr).await? {
        let mut errors = FieldErrors::default();
        errors.add("form", tr.t("error-throttled"));
        return render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &SignInPage {
                page: page.titled("sign-in-title"),
                email: String::new(),
                next: String::new(),
                errors,
                link_email: form.link_email,
            },
        );
    }
    if let Some(user) = state.db.user_by_email(&email).await? {
        ymarfer_app::invitations::email_link(
            &state,
            &user,
            Purpose::SignIn,
            "sign-in/link",
            "email-sign-in",
        )
        .await?;
    }
    let message = tr.t1("sign-in-link-sent", "email", email.as_str());
    render(&Notice::new(page, "sign-in-link-sent-title", message))
}

fn link_invalid(page: Page) -> AppResult {
    let tr = page.tr;
    let mut notice = Notice::new(page, "link-invalid-title", tr.t("link-invalid"));
    notice.link = Some((
        format!("/{}/sign-in", tr.lang().code()),
        tr.t("sign-in-title"),
    ));
    render_status(StatusCode::GONE, &notice)
}

pub async fn link_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    if state
        .db
        .peek_token(Purpose::SignIn, &token)
        .await?
        .is_none()
    {
        return link_invalid(page);
    }
    // A button, not an automatic sign-in: mail scanners that follow links must
    // not use up the link.
    let tr = page.tr;
    let mut notice = Notice::new(page, "sign-in-link-title", tr.t("sign-in-link-confirm"));
    notice.action = Some(format!("/{}/sign-in/link/{token}", tr.lang().code()));
    notice.button = tr.t("sign-in-link-button");
    render(&notice)
}

pub async fn use_link(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> AppResult {
    let user_id = state
        .db
        .consume_token(Purpose::SignIn, &token)
        .await?
        .flatten();
    let user = match user_id {
        Some(id) => state.db.user_by_id(id).await?,
        None => None,
    };
    match user {
        Some(user) => {
            start_session(
                &state,
                &headers,
                &user,
                Some(format!("/{}", page.lang.code())),
            )
            .await
        }
        None => link_invalid(page),
    }
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap, page: Page) -> AppResult {
    let lang = page.lang;
    if let Some(secret) = cookies::get(&headers, cookies::SESSION) {
        state.db.end_session(&secret).await?;
    }
    Ok((
        session::end_cookie(&state),
        see_other(&format!("/{}", lang.code())),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "auth/reset_request.html")]
struct ResetRequestPage {
    page: Page,
    email: String,
    errors: FieldErrors,
}

pub async fn reset_request_page(page: Page) -> AppResult {
    render(&ResetRequestPage {
        page: page.titled("reset-title"),
        email: String::new(),
        errors: FieldErrors::default(),
    })
}

pub async fn reset_request(
    State(state): State<AppState>,
    page: Page,
    ClientAddr(addr): ClientAddr,
    FormData(form): FormData<EmailForm>,
) -> AppResult {
    let tr = page.tr;
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("email", tr.t(e.message_id()));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ResetRequestPage {
                    page: page.titled("reset-title"),
                    email: form.email,
                    errors,
                },
            );
        }
    };
    if email_requests_throttled(&state, &email, &addr).await? {
        let mut errors = FieldErrors::default();
        errors.add("form", tr.t("error-throttled"));
        return render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &ResetRequestPage {
                page: page.titled("reset-title"),
                email: form.email,
                errors,
            },
        );
    }
    if let Some(user) = state.db.user_by_email(&email).await? {
        ymarfer_app::invitations::email_link(
            &state,
            &user,
            Purpose::Reset,
            "reset-password",
            "email-reset",
        )
        .await?;
    }
    let message = tr.t1("reset-sent", "email", email.as_str());
    render(&Notice::new(page, "reset-sent-title", message))
}

/// One form sets a password for three journeys: reset, invitation and setup.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Journey {
    Reset,
    Invitation,
    Setup,
}

/// The trail's record of a password set through an emailed link, by the
/// person the link was for, with what the new password ended.
fn password_set(user: i64, journey: Journey, ended: Ended) -> NewAuditEvent {
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
    fn purpose(self) -> Purpose {
        match self {
            Journey::Reset => Purpose::Reset,
            Journey::Invitation => Purpose::Invite,
            Journey::Setup => Purpose::Setup,
        }
    }
    fn path(self) -> &'static str {
        match self {
            Journey::Reset => "reset-password",
            Journey::Invitation => "invitation",
            Journey::Setup => "setup",
        }
    }
    fn title_key(self) -> &'static str {
        match self {
            Journey::Reset => "reset-choose-title",
            Journey::Invitation => "invitation-title",
            Journey::Setup => "setup-title",
        }
    }
}

#[derive(Template)]
#[template(path = "auth/set_password.html")]
struct SetPasswordPage {
    page: Page,
    action: String,
    intro: String,
    ask_email: bool,
    ask_name: bool,
    email: String,
    display_name: String,
    errors: FieldErrors,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SetPasswordForm {
    email: String,
    display_name: String,
    password: String,
    confirm: String,
}

async fn set_password_page(
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

async fn set_password(
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

pub async fn reset_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    set_password_page(&state, page, Journey::Reset, &token).await
}

pub async fn reset(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
    FormData(form): FormData<SetPasswordForm>,
) -> AppResult {
    set_password(&state, page, &headers, Journey::Reset, &token, form).await
}

pub async fn invitation_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    set_password_page(&state, page, Journey::Invitation, &token).await
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
    FormData(form): FormData<SetPasswordForm>,
) -> AppResult {
    set_password(&state, page, &headers, Journey::Invitation, &token, form).await
}

pub async fn setup_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    set_password_page(&state, page, Journey::Setup, &token).await
}

pub async fn setup(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Path(token): Path<String>,
    FormData(form): FormData<SetPasswordForm>,
) -> AppResult {
    set_password(&state, page, &headers, Journey::Setup, &token, form).await
}
