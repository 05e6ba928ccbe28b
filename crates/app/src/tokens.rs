//! Personal access tokens for the JSON API: made and revoked by their person,
//! on their profile.

use crate::acting::Acting;
use crate::error::Error;
use crate::services::Services;
use chrono::{Duration, Utc};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::authz::TokenScope;
use ymarfer_domain::{Action, Resource};
use ymarfer_store::api_tokens::ApiToken;

/// How long a token may live, in days.
pub const LIFETIMES: [i64; 4] = [7, 30, 90, 365];

/// Makes a token for the acting person and returns it with its secret, shown
/// once. A token limited to one programme must name one the person may see.
/// A name the person has a live token of already is refused
/// (`tokens-error-name-taken`), so the same form sent twice makes one token.
pub async fn create(
    services: &Services,
    acting: &Acting,
    name: &str,
    scope: TokenScope,
    days: i64,
) -> Result<(ApiToken, String), Error> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    if let Some(p) = scope.programme {
        acting
            .may(Action::ViewProgramme, Resource::Programme(p))
            .map_err(|_| Error::Invalid("tokens-error-programme"))?;
    }
    if !LIFETIMES.contains(&days) {
        return Err(Error::Invalid("tokens-error-days"));
    }
    let mut event = acting.event(AuditAction::TokenCreated);
    event.programme_id = scope.programme;
    event.detail = format!(
        "{} · {days} days",
        if scope.write { "read-write" } else { "read" }
    );
    services
        .db
        .create_api_token(me, name, scope, Utc::now() + Duration::days(days), &event)
        .await?
        .ok_or(Error::Invalid("tokens-error-name-taken"))
}

/// Revokes one of the acting person's own tokens. Revoking it again changes
/// and records nothing; another person's token is not found.
pub async fn revoke(services: &Services, acting: &Acting, id: i64) -> Result<(), Error> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    let mut event = acting.event(AuditAction::TokenRevoked);
    event.subject = id.to_string();
    match services.db.revoke_api_token(me, id, &event).await? {
        None => Err(Error::NotFound),
        Some(_) => Ok(()),
    }
}
