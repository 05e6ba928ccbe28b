//! The journeys an emailed link starts: resetting a password, accepting an
//! invitation, and setting up the first administrator.

use super::common::*;
use crate::error::AppResult;
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, FormData};
use crate::page::{Page, render, render_status};
use crate::state::AppState;
use crate::views::notice::Notice;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use ymarfer_domain::Email;

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
    headers: HeaderMap,
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
    let from = origin(&headers, &addr);
    if !access::send_link(&state, &email, access::Asked::Reset, from).await? {
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
    let message = tr.t1("reset-sent", "email", email.as_str());
    render(&Notice::new(page, "reset-sent-title", message))
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
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    FormData(form): FormData<SetPasswordForm>,
) -> AppResult {
    set_password(&state, page, &headers, &addr, Journey::Reset, &token, form).await
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
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    FormData(form): FormData<SetPasswordForm>,
) -> AppResult {
    set_password(
        &state,
        page,
        &headers,
        &addr,
        Journey::Invitation,
        &token,
        form,
    )
    .await
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
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    FormData(form): FormData<SetPasswordForm>,
) -> AppResult {
    set_password(&state, page, &headers, &addr, Journey::Setup, &token, form).await
}
