//! Ymarfer's web layer: extract and authorise the request, ask the domain, persist
//! through the store, render a page. Templates compute nothing.

pub mod api;
mod assets;
mod calendar;
pub mod charts;
mod codes;
mod context;
mod cookies;
mod csrf;
mod edge;
mod error;
mod error_page;
mod flood;
mod forms;
mod handlers;
mod live_feed;
mod markdown;
mod page;
mod paging;
mod parse;
mod router;
mod security;
mod session;
mod state;
mod views;

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
