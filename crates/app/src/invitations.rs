//! Emails that carry a single-use link (sign-in, password reset, invitation),
//! each in the recipient's own language.

use crate::error::Error;
use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use ymarfer_store::tokens::Purpose;
use ymarfer_store::users::User;

fn message(tr: Tr, key: &str, user: &User, link: &str) -> Outgoing {
    let greeting = tr.t1("email-greeting", "name", user.name());
    let body = tr.t1(&format!("{key}-body"), "link", link);
    Outgoing {
        to: user.email.clone(),
        subject: tr.t(&format!("{key}-subject")),
        body: format!("{greeting}\n\n{body}\n\n{}\n", tr.t("email-signature")),
        unsubscribe: None,
        lang: tr.0,
    }
}

/// Sends a single-use link by email in the person's own language. Callers never
/// tell the requester whether it went, so accounts cannot be probed.
pub async fn email_link(
    state: &Services,
    user: &User,
    purpose: Purpose,
    path: &str,
    key: &str,
) -> anyhow::Result<()> {
    let lang = user.lang();
    let secret = state.db.issue_token(purpose, Some(user.id)).await?;
    let link = state.config.link(lang, &format!("{path}/{secret}"));
    crate::outbox::post(state, message(Tr(lang), key, user, &link)).await
}

/// Sends an invitation in the invitee's language.
pub async fn send_invitation(state: &Services, user: &User) -> anyhow::Result<()> {
    email_link(
        state,
        user,
        Purpose::Invite,
        "invitation",
        "email-invitation",
    )
    .await
}

/// Invites a person whose account was just made. If the email cannot be sent,
/// the account is removed again and the person asking is told, so nothing is
/// left half-done.
pub async fn invite_or_undo(state: &Services, user: &User) -> Result<(), Error> {
    if let Err(e) = send_invitation(state, user).await {
        tracing::error!(error = %format!("{e:#}"), "invitation could not be sent");
        state.db.delete_user(user.id).await?;
        return Err(Error::MailFailed);
    }
    Ok(())
}

/// The person with this email, or a new account for them with an invitation
/// sent in their language (the account removed again if it cannot be sent).
pub async fn find_or_invite(
    state: &Services,
    email: &ymarfer_domain::Email,
    name: &str,
    language: ymarfer_domain::Lang,
) -> Result<User, Error> {
    if let Some(user) = state.db.user_by_email(email).await? {
        return Ok(user);
    }
    let user = state
        .db
        .create_user(ymarfer_store::users::NewUser {
            email,
            display_name: name,
            language,
            is_admin: false,
            password_hash: None,
        })
        .await?;
    invite_or_undo(state, &user).await?;
    Ok(user)
}
