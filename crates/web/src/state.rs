use std::sync::Arc;
use ymarfer_app::{Config, Services};
use ymarfer_store::Db;

/// What every handler is given: the application's services, shared.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl std::ops::Deref for AppState {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, config: Config) -> anyhow::Result<AppState> {
        Ok(AppState(Arc::new(Services::new(db, config)?)))
    }

    /// The services themselves, to hand to work that outlives a request.
    pub fn services(&self) -> Arc<Services> {
        self.0.clone()
    }
}
