//! Who is acting, and through which door. Every act takes an [`Acting`]: it
//! asks the policy with it, records it in the audit trail and tells the people
//! concerned in their language.

use crate::error::Error;
use ymarfer_domain::{Action, Actor, Decision, Resource, can};
use ymarfer_store::audit::NewAuditEvent;

/// The way an act reached Ymarfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    /// A page, signed in with a session.
    Page,
    /// The JSON API, with a personal access token (its scope rides on the actor).
    Api,
    /// The `ymarfer` command, run by whoever operates the server.
    CommandLine,
}

impl Door {
    pub fn as_str(self) -> &'static str {
        match self {
            Door::Page => "page",
            Door::Api => "api",
            Door::CommandLine => "command line",
        }
    }
}

/// The person acting (none when signed out), the door, and the address the
/// request came from.
#[derive(Debug, Clone)]
pub struct Acting {
    pub actor: Option<Actor>,
    pub door: Door,
    pub address: String,
}

impl Acting {
    /// A person, or nobody signed in, at a page or the API.
    pub fn person(actor: Option<&Actor>, door: Door, address: impl Into<String>) -> Acting {
        Acting {
            actor: actor.cloned(),
            door,
            address: address.into(),
        }
    }

    /// Whoever runs the `ymarfer` command: they hold the server and its
    /// database, so the policy treats them as an administrator; the audit
    /// trail names the command line, not an account.
    pub fn command_line() -> Acting {
        Acting {
            actor: Some(Actor {
                is_admin: true,
                ..Actor::default()
            }),
            door: Door::CommandLine,
            address: String::new(),
        }
    }

    /// The account acting, if any.
    pub fn user_id(&self) -> Option<i64> {
        match self.door {
            Door::CommandLine => None,
            _ => self.actor.as_ref().map(|a| a.user_id),
        }
    }

    /// The answer about a record this person may not know of: sign in first,
    /// or (signed in) not found, so that its existence does not leak.
    pub fn unknown(&self) -> Error {
        match self.actor {
            None => Error::SignIn,
            Some(_) => Error::NotFound,
        }
    }

    /// What the policy says of `action` on `resource` for this person.
    pub fn decide(&self, action: Action, resource: Resource<'_>) -> Decision {
        can(self.actor.as_ref(), action, resource)
    }

    /// Allowed, or the refusal as an error: signed out, forbidden, or (for a
    /// record the person may not know of) not found.
    pub fn may(&self, action: Action, resource: Resource<'_>) -> Result<(), Error> {
        refusal(self.decide(action, resource))
    }

    /// An audit event by this person, to be filled in by the act.
    pub fn event(&self, action: ymarfer_domain::audit::AuditAction) -> NewAuditEvent {
        NewAuditEvent {
            actor_id: self.user_id(),
            actor: match self.door {
                Door::CommandLine => Door::CommandLine.as_str().to_string(),
                _ => String::new(),
            },
            action: Some(action),
            address: self.address.clone(),
            ..NewAuditEvent::default()
        }
    }
}

/// A policy decision as a result.
pub fn refusal(decision: Decision) -> Result<(), Error> {
    match decision {
        Decision::Allow => Ok(()),
        Decision::SignIn => Err(Error::SignIn),
        Decision::Forbid => Err(Error::Forbidden),
        Decision::Hide => Err(Error::NotFound),
    }
}
