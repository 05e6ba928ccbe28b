//! Inviting a person by email, from a cohort, a programme or a lead.

use crate::error::AppError;
use crate::state::AppState;
use serde::Deserialize;
use ymarfer_domain::{Email, Lang};
use ymarfer_store::users::{NewUser, User};

/// The person with this email, or a new account for them with an invitation sent
/// in their language.
pub async fn find_or_invite(
    state: &AppState,
    email: &Email,
    name: &str,
    language: Lang,
    _by: Option<i64>,
) -> Result<User, AppError> {
    if let Some(user) = state.db.user_by_email(email).await? {
        return Ok(user);
    }
    let user = state
        .db
        .create_user(NewUser {
            email,
            display_name: name,
            language,
            is_admin: false,
            password_hash: None,
        })
        .await?;
    ymarfer_app::invitations::invite_or_undo(state, &user).await?;
    Ok(user)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub role: String,
    pub organisation: String,
}

impl InviteForm {
    pub fn new(lang: Lang) -> InviteForm {
        InviteForm {
            language: lang.code().into(),
            role: "participant".into(),
            ..InviteForm::default()
        }
    }
}
