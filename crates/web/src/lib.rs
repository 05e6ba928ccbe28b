//! Ymarfer's web layer: extract and authorise the request, ask the domain, persist
//! through the store, render a page. Templates compute nothing.

pub mod api;
mod assets;
pub mod audit;
mod calendar;
pub mod config;
mod cookies;
mod csrf;
mod edge;
mod error;
pub mod files;
pub mod followups;
mod handlers;
pub mod invitations;
pub mod jobs;
mod lead_mail;
pub mod people_import;
pub use followups::{FollowupRun, send_due as send_due_followups};
pub mod charts;
pub mod i18n;
pub mod ledger_import;
pub mod mail;
mod markdown;
mod page;
pub mod passwords;
pub mod report;
mod router;
mod security;
mod session;
mod state;

pub use config::{Config, ConfigError, SmtpConfig};
pub use router::router;
pub use state::AppState;

use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;

/// Serves Ymarfer on the listener until `shutdown` completes; requests in flight
/// are allowed to finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// The link that lets the first administrator set up their account, when the
/// instance has none yet.
pub async fn setup_link_if_needed(state: &AppState) -> anyhow::Result<Option<String>> {
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
