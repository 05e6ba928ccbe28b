//! Signing in with a password or an emailed link, and signing out.

use super::common::*;
use crate::error::AppResult;
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, FormData, safe_next, see_other};
use crate::page::{Page, render, render_status};
use crate::state::AppState;
use crate::views::notice::Notice;
use crate::{cookies, session};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use ymarfer_domain::Email;
use ymarfer_store::tokens::Purpose;

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
    let done = access::sign_in(
        &state,
        &email,
        form.password.clone(),
        origin(&headers, &addr),
    )
    .await?;
    match done {
        access::SignIn::Opened(user, secret) => {
            let to =
                safe_next(Some(&form.next)).unwrap_or_else(|| format!("/{}", user.lang().code()));
            signed_in(&state, &secret, to)
        }
        access::SignIn::Throttled => {
            errors.add("form", tr.t("error-throttled"));
            again(page, errors, StatusCode::TOO_MANY_REQUESTS)
        }
        access::SignIn::Suspended => {
            errors.add("form", tr.t("error-suspended"));
            again(page, errors, StatusCode::FORBIDDEN)
        }
        access::SignIn::Failed => {
            errors.add("form", tr.t("error-sign-in-failed"));
            again(page, errors, StatusCode::UNAUTHORIZED)
        }
    }
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
    headers: HeaderMap,
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
    let from = origin(&headers, &addr);
    if !access::send_link(&state, &email, access::Asked::SignIn, from).await? {
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
    let message = tr.t1("sign-in-link-sent", "email", email.as_str());
    render(&Notice::new(page, "sign-in-link-sent-title", message))
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
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
) -> AppResult {
    let done = access::sign_in_by_link(&state, &token, origin(&headers, &addr)).await?;
    let to = format!("/{}", page.lang.code());
    by_link(&state, page, done, to)
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap, page: Page) -> AppResult {
    let lang = page.lang;
    if let Some(secret) = cookies::get(&headers, cookies::SESSION) {
        access::sign_out(&state, &secret).await?;
    }
    Ok((
        session::end_cookie(&state),
        see_other(&format!("/{}", lang.code())),
    )
        .into_response())
}
