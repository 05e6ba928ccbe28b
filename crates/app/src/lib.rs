//! Ymarfer's application layer: what a person can do and see, whichever door
//! they come in by (a page, the JSON API or the command line). Each act takes
//! the acting person, typed input and the services; it asks the policy itself,
//! runs in one transaction, records what it did and tells whom it concerns.
//! Nothing here knows about HTTP or HTML.

pub mod access;
pub mod accounts;
pub mod acting;
pub mod acts;
pub mod audit;
pub mod benefits;
pub mod capability;
pub mod claims;
pub mod cohorts;
pub mod comparison;
pub mod config;
pub mod cycles;
mod error;
pub mod files;
pub mod fixtures;
pub mod followups;
pub mod health_checks;
pub mod home;
pub mod i18n;
pub mod invitations;
pub mod jobs;
pub mod leads;
pub mod ledger_import;
pub mod live;
pub mod mail;
pub mod organisations;
pub mod outbox;
pub mod passwords;
pub mod people;
pub mod people_import;
pub mod programmes;
pub mod projects;
pub mod readings;
pub mod report;
pub mod returns;
pub mod rhythm;
mod services;
pub mod sessions;
pub mod space;
pub mod tokens;
pub mod tools;

pub use config::{Config, ConfigError, SmtpConfig};
pub use error::{Error, Result};
pub use services::Services;

/// The link that lets the first administrator set up their account, when the
/// instance has none yet.
pub async fn setup_link_if_needed(state: &Services) -> anyhow::Result<Option<String>> {
    if state.db.any_admin().await? {
        return Ok(None);
    }
    let secret = state
        .db
        .issue_token(ymarfer_store::tokens::Purpose::Setup, None)
        .await?;
    Ok(Some(state.config.link(
        ymarfer_domain::Lang::En,
        &format!("setup/{secret}"),
    )))
}
