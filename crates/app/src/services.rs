use crate::config::Config;
use crate::files::Files;
use crate::mail::Mailer;
use ymarfer_store::Db;

/// What every act works with: the database, the configuration, the way out for
/// email and the place files are kept.
pub struct Services {
    pub db: Db,
    pub config: Config,
    pub mailer: Mailer,
    pub files: Files,
}

impl Services {
    pub fn new(db: Db, config: Config) -> anyhow::Result<Services> {
        // The shipped emission factors are read now, so a broken file stops the
        // server at start instead of zeroing CO2e later.
        ymarfer_domain::impact::GhgFactors::shipped()
            .map_err(|e| anyhow::anyhow!("the shipped GHG conversion factors: {e}"))?;
        let mailer = Mailer::from_config(&config)?;
        let files = Files::open(config.attachments.as_deref(), &config.data_dir)?;
        Ok(Services {
            db,
            config,
            mailer,
            files,
        })
    }
}
