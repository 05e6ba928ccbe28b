//! Emails that carry a single-use link (sign-in, password reset, invitation),
//! each in the recipient's own language.

use crate::error::Error;
use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use ymarfer_store::programmes::Cohort;
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

/// Sends an invitation in the invitee's language, naming the cohort (and
/// when it starts) when it is to one.
pub async fn send_invitation(
    state: &Services,
    user: &User,
    cohort: Option<&Cohort>,
) -> anyhow::Result<()> {
    let Some(cohort) = cohort else {
        return email_link(
            state,
            user,
            Purpose::Invite,
            "invitation",
            "email-invitation",
        )
        .await;
    };
    let lang = user.lang();
    let tr = Tr(lang);
    let secret = state.db.issue_token(Purpose::Invite, Some(user.id)).await?;
    let link = state.config.link(lang, &format!("invitation/{secret}"));
    let mut mail = message(tr, "email-invitation", user, &link);
    let name = tr.pick(&cohort.name_en, &cohort.name_cy).to_string();
    let joining = match cohort.starts_on {
        Some(d) => tr.args(
            "email-invitation-cohort-starts",
            &[("cohort", name), ("date", tr.day(d))],
        ),
        None => tr.t1("email-invitation-cohort", "cohort", &name),
    };
    mail.subject = tr.t1(
        "email-invitation-cohort-subject",
        "cohort",
        tr.pick(&cohort.name_en, &cohort.name_cy),
    );
    let greeting = tr.t1("email-greeting", "name", user.name());
    mail.body = mail
        .body
        .replacen(&greeting, &format!("{greeting}\n\n{joining}"), 1);
    crate::outbox::post(state, mail).await
}

/// Invites a person whose account was just made (to `cohort`, when it is to
/// one). If the email cannot be sent, the account is removed again and the
/// person asking is told, so nothing is left half-done.
pub async fn invite_or_undo(
    state: &Services,
    user: &User,
    cohort: Option<&Cohort>,
) -> Result<(), Error> {
    if let Err(e) = send_invitation(state, user, cohort).await {
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
    cohort: Option<&Cohort>,
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
    invite_or_undo(state, &user, cohort).await?;
    Ok(user)
}
