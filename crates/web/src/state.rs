use crate::config::Config;
use crate::mail::Mailer;
use std::sync::Arc;
use ymarfer_store::Db;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub db: Db,
    pub config: Config,
    pub mailer: Mailer,
    pub files: crate::files::Files,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, config: Config) -> anyhow::Result<AppState> {
        // The shipped emission factors are read now, so a broken file stops the
        // server at start instead of zeroing CO2e later.
        ymarfer_domain::impact::GhgFactors::shipped()
            .map_err(|e| anyhow::anyhow!("the shipped GHG conversion factors: {e}"))?;
        let mailer = Mailer::from_config(&config)?;
        let files = crate::files::Files::open(config.attachments.as_deref(), &config.data_dir)?;
        Ok(AppState(Arc::new(Inner {
            db,
            config,
            mailer,
            files,
        })))
    }
}
