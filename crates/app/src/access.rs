//! Signing in and out, and the emailed links that sign a person in or set
//! their password: acts by someone who is not signed in yet, whose password
//! or link is the proof. Guessing is throttled, each way in is recorded, and
//! each is one transaction, so a link sent twice (or used in two tabs) opens
//! one session and sets one password.

use crate::error::{Error, Result};
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::password::check_new_password;
use ymarfer_domain::{Email, Lang};
use ymarfer_store::audit::NewAuditEvent;
use ymarfer_store::sessions::{ByLink, PasswordByLink};
use ymarfer_store::throttle::Attempt;
use ymarfer_store::tokens::Purpose;
use ymarfer_store::users::{Ended, User};

/// Where a person comes from: the network address (for the trail and the
/// throttle) and the browser (named on their list of sessions).
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub address: &'a str,
    pub agent: &'a str,
}

/// What signing in with a password did.
#[derive(Debug)]
pub enum SignIn {
    /// The person, and the secret of the session opened for them.
    Opened(User, String),
    /// Too many attempts for this address lately: nothing was checked.
    Throttled,
    /// The address and password do not match an account.
    Failed,
    /// The password is right, but the account is suspended.
    Suspended,
}

/// Signs a person in with their password. Every attempt counts towards the
/// throttle and is recorded: a success with the session it opened, in one
/// transaction; a failure naming the account, or the address as typed when
/// it has none.
pub async fn sign_in(
    s: &Services,
    email: &Email,
    password: String,
    from: Origin<'_>,
) -> Result<SignIn> {
    if s.db
        .throttled(Attempt::Password, email.as_str(), from.address)
        .await?
    {
        return Ok(SignIn::Throttled);
    }
    let user = s.db.user_by_email(email).await?;
    let ok = crate::passwords::verify(
        password,
        user.as_ref().and_then(|u| u.password_hash.clone()),
    )
    .await?;
    s.db.record_attempt(Attempt::Password, email.as_str(), from.address, ok)
        .await?;
    let event = |action, actor_id, actor: String| NewAuditEvent {
        actor_id,
        actor,
        action: Some(action),
        detail: "password".into(),
        address: from.address.to_string(),
        ..NewAuditEvent::default()
    };
    match user.filter(|_| ok) {
        Some(user) if user.suspended_at.is_some() => Ok(SignIn::Suspended),
        Some(user) => {
            let recorded = event(AuditAction::SignIn, Some(user.id), String::new());
            let secret =
                s.db.create_session_recorded(user.id, from.agent, &recorded)
                    .await?;
            Ok(SignIn::Opened(user, secret))
        }
        None => {
            // An account is named by its id; an address with none, as typed.
            let known = s.db.user_by_email(email).await?;
            let (id, typed) = match known {
                Some(u) => (Some(u.id), String::new()),
                None => (None, email.as_str().to_string()),
            };
            s.db.record_audit(&event(AuditAction::SignInFailed, id, typed))
                .await?;
            Ok(SignIn::Failed)
        }
    }
}

/// Ends the session the cookie's secret names; ending one that is gone
/// already changes nothing.
pub async fn sign_out(s: &Services, secret: &str) -> Result<()> {
    s.db.end_session(secret).await?;
    Ok(())
}

/// An emailed link a person asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    SignIn,
    Reset,
}

/// Emails the link asked for, in the person's language, when the address has
/// an account; the answer is the same either way, so nobody learns who has
/// one. False when too many were asked for this address lately: nothing sent.
pub async fn send_link(
    s: &Services,
    email: &Email,
    asked: Asked,
    from: Origin<'_>,
) -> Result<bool> {
    if s.db
        .throttled(Attempt::EmailLink, email.as_str(), from.address)
        .await?
    {
        return Ok(false);
    }
    // Every request that is not refused counts, since each sends an email
    // (or would, for an address with an account).
    s.db.record_attempt(Attempt::EmailLink, email.as_str(), from.address, false)
        .await?;
    if let Some(user) = s.db.user_by_email(email).await? {
        let (purpose, path, key) = match asked {
            Asked::SignIn => (Purpose::SignIn, "sign-in/link", "email-sign-in"),
            Asked::Reset => (Purpose::Reset, "reset-password", "email-reset"),
        };
        crate::invitations::email_link(s, &user, purpose, path, key).await?;
    }
    Ok(true)
}

/// Signs a person in by an emailed sign-in link, used once, with a record.
pub async fn sign_in_by_link(s: &Services, token: &str, from: Origin<'_>) -> Result<ByLink> {
    let event = NewAuditEvent {
        action: Some(AuditAction::SignIn),
        detail: "link".into(),
        address: from.address.to_string(),
        ..NewAuditEvent::default()
    };
    Ok(s.db.open_session_by_link(token, from.agent, &event).await?)
}

/// The three journeys that set a password by an emailed link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Journey {
    Reset,
    Invitation,
    /// The first administrator's, from the link the server prints.
    Setup,
}

impl Journey {
    pub fn purpose(self) -> Purpose {
        match self {
            Journey::Reset => Purpose::Reset,
            Journey::Invitation => Purpose::Invite,
            Journey::Setup => Purpose::Setup,
        }
    }

    /// Whether the journey asks the person's name.
    pub fn asks_name(self) -> bool {
        self != Journey::Reset
    }

    fn how(self) -> &'static str {
        match self {
            Journey::Reset => "by a reset link",
            Journey::Invitation => "by an invitation",
            Journey::Setup => "by the setup link",
        }
    }
}

/// What a person types on the page an emailed link opens.
pub struct NewPassword<'a> {
    /// The address, asked only by the setup link, which names nobody.
    pub email: Option<&'a Email>,
    pub name: &'a str,
    pub password: String,
    /// The language of an account the setup link makes.
    pub language: Lang,
}

/// The longest name a person may give.
pub const NAME_MAX: usize = 100;

/// Sets a password by an emailed link and signs the person in, in one
/// transaction (see `Db::set_password_by_link`): the link is used once, every
/// other session ends and API tokens are revoked, and the trail records it
/// with what ended. The setup link makes its person an administrator.
pub async fn set_password_by_link(
    s: &Services,
    journey: Journey,
    token: &str,
    new: NewPassword<'_>,
    from: Origin<'_>,
) -> Result<ByLink> {
    let name = new.name.trim();
    if journey.asks_name() && name.is_empty() {
        return Err(Error::Invalid("error-name-empty"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Error::Invalid("error-name-too-long"));
    }
    // The password is checked against the address it belongs to.
    let address = match (journey, new.email) {
        (Journey::Setup, Some(email)) => email.as_str().to_string(),
        (Journey::Setup, None) => return Err(Error::Invalid("error-email-invalid")),
        _ => match s.db.peek_token(journey.purpose(), token).await? {
            Some(Some(id)) => {
                s.db.user_by_id(id)
                    .await?
                    .map(|u| u.email)
                    .unwrap_or_default()
            }
            _ => return Ok(ByLink::Invalid),
        },
    };
    check_new_password(&new.password, &address).map_err(|e| Error::Invalid(e.message_id()))?;
    let hash = crate::passwords::hash(new.password).await?;
    let by = PasswordByLink {
        purpose: journey.purpose(),
        secret: token,
        email: new.email.filter(|_| journey == Journey::Setup),
        name: journey.asks_name().then_some(name),
        hash: &hash,
        language: new.language,
        agent: from.agent,
    };
    let address = from.address.to_string();
    let recorded = |user: &User, ended: Ended| NewAuditEvent {
        actor_id: Some(user.id),
        action: Some(AuditAction::PasswordChanged),
        subject: format!("user {}", user.id),
        detail: format!(
            "{}: {} sessions ended, {} API tokens revoked",
            journey.how(),
            ended.sessions,
            ended.tokens
        ),
        address,
        ..NewAuditEvent::default()
    };
    Ok(s.db.set_password_by_link(&by, recorded).await?)
}
