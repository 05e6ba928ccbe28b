use std::sync::Arc;
use ymarfer_app::{Config, Services};
use ymarfer_store::Db;

/// What every handler is given: the application's services, shared, and
/// the live sessions this server's screens watch.
#[derive(Clone)]
pub struct AppState {
    services: Arc<Services>,
    pub live: Arc<crate::live_feed::LiveFeed>,
    /// Each address's allowance of the public health check's pages.
    pub flood: Arc<crate::flood::Flood>,
}

impl std::ops::Deref for AppState {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.services
    }
}

impl AppState {
    pub fn new(db: Db, config: Config) -> anyhow::Result<AppState> {
        let flood = Arc::new(crate::flood::Flood::new(config.public_per_minute));
        Ok(AppState {
            services: Arc::new(Services::new(db, config)?),
            live: Arc::default(),
            flood,
        })
    }

    /// The services themselves, to hand to work that outlives a request.
    pub fn services(&self) -> Arc<Services> {
        self.services.clone()
    }
}
