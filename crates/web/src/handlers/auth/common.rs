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
pub use ymarfer_app::access::{self, Journey, NewPassword, Origin};
use ymarfer_domain::Email;
use ymarfer_domain::password::check_new_password;
use ymarfer_store::sessions::ByLink;

/// Where the person comes from, for the acts that sign in.
pub fn origin<'a>(headers: &'a HeaderMap, address: &'a str) -> Origin<'a> {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Origin { address, agent }
}

/// Sets the cookies of a session just opened and sends the person on.
pub fn signed_in(state: &AppState, secret: &str, to: String) -> AppResult {
    Ok((session::start_cookies(state, secret), see_other(&to)).into_response())
}

/// What an emailed link did, as the person sees it: signed in and sent on,
/// the link no longer valid, or the account suspended.
pub fn by_link(state: &AppState, page: Page, done: ByLink, to: String) -> AppResult {
    match done {
        ByLink::Opened(_, secret) => signed_in(state, &secret, to),
        ByLink::Invalid => link_invalid(page),
        // A suspended account signs in nowhere, by any way.
        ByLink::Suspended => Err(AppError::Kind(crate::error::ErrorKind::Forbidden)),
    }
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

/// The path of a journey's emailed link, under the language.
pub fn path(journey: Journey) -> &'static str {
    match journey {
        Journey::Reset => "reset-password",
        Journey::Invitation => "invitation",
        Journey::Setup => "setup",
    }
}

pub fn title_key(journey: Journey) -> &'static str {
    match journey {
        Journey::Reset => "reset-choose-title",
        Journey::Invitation => "invitation-title",
        Journey::Setup => "setup-title",
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
        action: format!("/{}/{}/{token}", tr.lang().code(), path(journey)),
        page: page.titled(title_key(journey)),
        intro,
        ask_email: journey == Journey::Setup,
        ask_name: journey.asks_name(),
        email: String::new(),
        display_name: user.map(|u| u.display_name).unwrap_or_default(),
        errors: FieldErrors::default(),
    })
}

pub async fn set_password(
    state: &AppState,
    page: Page,
    headers: &HeaderMap,
    addr: &str,
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
    } else if name.chars().count() > access::NAME_MAX {
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
                action: format!("/{}/{}/{token}", tr.lang().code(), path(journey)),
                page: page.titled(title_key(journey)),
                intro: String::new(),
                ask_email: journey == Journey::Setup,
                ask_name: journey.asks_name(),
                email: form.email,
                display_name: form.display_name,
                errors,
            },
        );
    };
    let new = NewPassword {
        email: Some(&email),
        name,
        password: form.password,
        language: tr.lang(),
    };
    let done =
        access::set_password_by_link(state, journey, token, new, origin(headers, addr)).await?;
    let next = match journey {
        Journey::Setup => format!("/{}/admin/users", tr.lang().code()),
        _ => format!("/{}", tr.lang().code()),
    };
    by_link(state, page, done, next)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}
