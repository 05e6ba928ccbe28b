//! Accounts an administrator (or the server's operator) looks after: adding a
//! person, and suspending, reactivating or signing out an account.

use crate::acting::Acting;
use crate::error::Error;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Action, Email, Lang, Resource};
use ymarfer_store::tokens::Purpose;
use ymarfer_store::users::{NewUser, User};

/// A person to add.
pub struct NewAccount<'a> {
    pub email: &'a Email,
    pub name: &'a str,
    pub language: Lang,
    pub admin: bool,
}

/// How the new person hears of their account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// An invitation by email, in their language; if it cannot be sent, the
    /// account is removed again and nothing is recorded.
    Email,
    /// A link for whoever added them to hand over (the command line prints it).
    Link,
}

/// What adding a person did.
pub struct Added {
    pub user: User,
    /// The link with which they choose a password, when delivered as a link.
    pub link: Option<String>,
}

/// Adds a person and invites them. Only those who manage users may. An address
/// that has an account already is refused (`error-email-taken`), so the same
/// form sent twice adds one person.
pub async fn add_user(
    services: &Services,
    acting: &Acting,
    new: NewAccount<'_>,
    delivery: Delivery,
) -> Result<Added, Error> {
    acting.may(Action::ManageUsers, Resource::Site)?;
    let created = services
        .db
        .create_user(NewUser {
            email: new.email,
            display_name: new.name,
            language: new.language,
            is_admin: new.admin,
            password_hash: None,
        })
        .await;
    let user = match created {
        Ok(user) => user,
        Err(e) if e.is_unique_violation() => return Err(Error::Invalid("error-email-taken")),
        Err(e) => return Err(e.into()),
    };
    let link = match delivery {
        Delivery::Email => {
            crate::invitations::invite_or_undo(services, &user, None).await?;
            None
        }
        Delivery::Link => {
            let secret = services
                .db
                .issue_token(Purpose::Invite, Some(user.id))
                .await?;
            Some(
                services
                    .config
                    .link(new.language, &format!("invitation/{secret}")),
            )
        }
    };
    let mut event = acting.event(AuditAction::UserAdded);
    event.subject = format!("account {}", user.id);
    event.detail = if new.admin {
        "administrator".to_string()
    } else {
        String::new()
    };
    services.db.record_audit(&event).await?;
    Ok(Added { user, link })
}

/// What to do to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Suspend,
    Reactivate,
    /// End every session it has, on every device.
    SignOut,
}

/// Suspends an account (signing it out everywhere), reactivates it, or signs it
/// out everywhere. Only those who manage users may, and never on their own
/// account. Suspending a suspended account (or reactivating an active one)
/// changes nothing and records nothing.
pub async fn set_access(
    services: &Services,
    acting: &Acting,
    account: i64,
    access: Access,
) -> Result<(), Error> {
    acting.may(Action::ManageUsers, Resource::Site)?;
    let user = services
        .db
        .user_by_id(account)
        .await?
        .ok_or(Error::NotFound)?;
    if acting.user_id() == Some(user.id) {
        return Err(Error::Invalid("error-bad-request"));
    }
    let suspended = user.suspended_at.is_some();
    let action = match access {
        Access::Suspend if suspended => return Ok(()),
        Access::Reactivate if !suspended => return Ok(()),
        Access::Suspend => {
            services.db.set_suspended(account, true).await?;
            AuditAction::UserSuspended
        }
        Access::Reactivate => {
            services.db.set_suspended(account, false).await?;
            AuditAction::UserReactivated
        }
        Access::SignOut => {
            services.db.end_all_sessions(account).await?;
            AuditAction::UserSignedOut
        }
    };
    let mut event = acting.event(action);
    event.subject = format!("account {account}");
    services.db.record_audit(&event).await?;
    Ok(())
}

/// Erases a person's personal data: their attached files, then their account
/// and name wherever it is carried, in one transaction with its audit event
/// (naming the account by number only). Only those who manage users may,
/// never on their own account, and only with the person's email typed again
/// (`confirm`), since it cannot be undone. `former` is what their work is
/// attributed to afterwards. An account erased already is left as it is.
pub async fn erase(
    services: &Services,
    acting: &Acting,
    account: i64,
    confirm: &str,
    former: &str,
) -> Result<(), Error> {
    acting.may(Action::ManageUsers, Resource::Site)?;
    let user = services
        .db
        .user_by_id(account)
        .await?
        .ok_or(Error::NotFound)?;
    if user.erased_at.is_some() {
        return Ok(());
    }
    if !confirm.trim().eq_ignore_ascii_case(user.email.as_str())
        || acting.user_id() == Some(account)
    {
        return Err(Error::Invalid("erase-error-confirm"));
    }
    // The files they attached go first; their rows go with the rest.
    for a in services.db.attachments_by(account).await? {
        services
            .files
            .delete(&a.object_key, a.thumb_key.as_deref())
            .await?;
    }
    let mut event = acting.event(AuditAction::PersonErased);
    event.subject = format!("account {account}");
    services.db.erase_user(account, former, &event).await?;
    Ok(())
}

/// Changes one's own password, given the current one: every other session
/// ends, and the person's API tokens are revoked (a token made with the old
/// password must not outlive it), recorded with how many of each. The
/// session `keep` stays signed in. The error names the field at fault.
pub async fn change_password(
    s: &Services,
    acting: &Acting,
    current: String,
    new: String,
    confirm: &str,
    keep: Option<i64>,
) -> Result<(), Error> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    let user = s.db.user_by_id(me).await?.ok_or(Error::NotFound)?;
    if !crate::passwords::verify(current, user.password_hash.clone()).await? {
        return Err(Error::Invalid("error-password-current"));
    }
    ymarfer_domain::password::check_new_password(&new, &user.email)
        .map_err(|e| Error::Invalid(e.message_id()))?;
    if new != confirm {
        return Err(Error::Invalid("error-password-mismatch"));
    }
    let hash = crate::passwords::hash(new).await?;
    s.db.set_password_hash(me, &hash, keep, |ended| {
        let mut event = acting.event(AuditAction::PasswordChanged);
        event.subject = format!("user {me}");
        event.detail = format!(
            "{} other sessions ended, {} API tokens revoked",
            ended.sessions, ended.tokens
        );
        Some(event)
    })
    .await?;
    Ok(())
}

/// Changes one's own name and language. Naturally safe to repeat: the same
/// again writes nothing (false). The error names the message for the name.
pub async fn update_profile(
    s: &Services,
    acting: &Acting,
    name: &str,
    lang: Lang,
) -> Result<bool, Error> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("error-name-empty"));
    }
    if name.chars().count() > 100 {
        return Err(Error::Invalid("error-name-too-long"));
    }
    let user = s.db.user_by_id(me).await?.ok_or(Error::NotFound)?;
    if user.display_name == name && user.lang() == lang {
        return Ok(false);
    }
    s.db.update_profile(me, name, lang).await?;
    Ok(true)
}

/// Marks all one's notices read; again, nothing more to mark.
pub async fn read_notices(s: &Services, acting: &Acting) -> Result<(), Error> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    s.db.mark_notices_read(me).await?;
    Ok(())
}

/// Chooses how one's notices come by email (at once, daily, weekly or not at
/// all); the same choice again changes nothing.
pub async fn set_notify_mode(
    s: &Services,
    acting: &Acting,
    mode: ymarfer_domain::space::NotifyMode,
) -> Result<(), Error> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    s.db.set_notify_mode(me, mode).await?;
    Ok(())
}

/// Stops a person's notice emails by the unsubscribe link in one of them (a
/// page's button or a mail program's one-click request): the link is the
/// proof, so nobody need be signed in. False when the link names nobody.
/// Stopping them again changes nothing.
pub async fn unsubscribe(s: &Services, token: &str) -> Result<bool, Error> {
    let Some(user) = s.db.unsubscriber(token).await? else {
        return Ok(false);
    };
    s.db.set_notify_mode(user, ymarfer_domain::space::NotifyMode::Off)
        .await?;
    Ok(true)
}
