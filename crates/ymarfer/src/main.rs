//! The `ymarfer` command: serve the site, migrate the database, manage users,
//! load demo data and import people.

mod demo;
mod synth;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use ymarfer_app::acting::Acting;
use ymarfer_app::config::SmtpSecurity;
use ymarfer_app::ledger_import::Refused;
use ymarfer_app::{Config, Services, SmtpConfig};
use ymarfer_domain::{Email, Lang};
use ymarfer_store::Db;
use ymarfer_web::AppState;

/// Ymarfer runs programme communities of practice that help small firms innovate.
#[derive(Parser)]
#[command(name = "ymarfer", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Global {
    /// Folder for the SQLite database, the email outbox and other files.
    #[arg(
        long,
        env = "YMARFER_DATA_DIR",
        default_value = "./ymarfer-data",
        global = true
    )]
    data_dir: PathBuf,
    /// Database URL: sqlite://FILE or postgres://USER@HOST/DB. Default: an SQLite file in the data folder.
    #[arg(
        long,
        env = "YMARFER_DATABASE_URL",
        global = true,
        hide_env_values = true
    )]
    database_url: Option<String>,
    /// The address people reach Ymarfer at, used in emailed links. Default: http://BIND.
    #[arg(long, env = "YMARFER_BASE_URL", global = true)]
    base_url: Option<String>,
    /// Where to listen.
    #[arg(
        long,
        env = "YMARFER_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    bind: SocketAddr,
    /// Sender of Ymarfer's emails.
    #[arg(
        long,
        env = "YMARFER_MAIL_FROM",
        default_value = "Ymarfer <noreply@localhost>",
        global = true
    )]
    mail_from: String,
    /// SMTP server for email. Without it, emails are written to <data dir>/outbox/.
    #[arg(long, env = "YMARFER_SMTP_HOST", global = true)]
    smtp_host: Option<String>,
    #[arg(long, env = "YMARFER_SMTP_PORT", default_value_t = 587, global = true)]
    smtp_port: u16,
    #[arg(long, env = "YMARFER_SMTP_USERNAME", global = true)]
    smtp_username: Option<String>,
    /// Best given by the environment variable, so it stays out of process lists.
    #[arg(
        long,
        env = "YMARFER_SMTP_PASSWORD",
        global = true,
        hide_env_values = true
    )]
    smtp_password: Option<String>,
    /// tls, starttls or none.
    #[arg(
        long,
        env = "YMARFER_SMTP_SECURITY",
        default_value = "starttls",
        global = true
    )]
    smtp_security: String,
    /// Reverse proxies in front of Ymarfer, by address (comma-separated). Only
    /// requests from these may name their client in X-Forwarded-For.
    #[arg(
        long = "trusted-proxy",
        env = "YMARFER_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Partners' sites that may show the public health check in a frame, by
    /// origin (comma-separated), e.g. https://www.example.gov.wales
    #[arg(
        long = "frame-origin",
        env = "YMARFER_FRAME_ORIGINS",
        value_delimiter = ',',
        global = true
    )]
    frame_origins: Vec<String>,
    /// Days to keep the details left after a health check by firms that never
    /// enrolled; `followups send` forgets older ones.
    #[arg(
        long = "lead-retention-days",
        env = "YMARFER_LEAD_RETENTION_DAYS",
        default_value_t = 365,
        value_parser = clap::value_parser!(i64).range(1..),
        global = true
    )]
    lead_retention_days: i64,
    /// How many requests a minute each API token may make.
    #[arg(
        long = "api-per-minute",
        env = "YMARFER_API_PER_MINUTE",
        default_value_t = 600,
        value_parser = clap::value_parser!(i64).range(1..),
        global = true
    )]
    api_per_minute: i64,
    /// How many of the public health check's question and result pages one
    /// network address may load a minute on this server; 0 for no limit.
    #[arg(
        long = "public-per-minute",
        env = "YMARFER_PUBLIC_PER_MINUTE",
        default_value_t = 120,
        global = true
    )]
    public_per_minute: u32,
    /// Where attached photos and PDFs are kept: s3://BUCKET for an
    /// S3-compatible store shared by several servers (its endpoint and keys in
    /// the AWS_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
    /// AWS_REGION environment variables), or by default <data dir>/attachments.
    #[arg(long, env = "YMARFER_ATTACHMENTS", global = true)]
    attachments: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Ymarfer over HTTP, applying database migrations first.
    Serve {
        /// Load the demo programme first (if it is not there yet) and print its accounts.
        #[arg(long)]
        demo: bool,
        /// Do not run the scheduled jobs (notices by email, digests, follow-ups)
        /// in this process: for when cron runs `ymarfer followups send` instead,
        /// or another server runs them. Several servers may all run them: each
        /// job's run and each email happens once.
        #[arg(long, env = "YMARFER_NO_JOBS")]
        no_jobs: bool,
    },
    /// Load a realistic demo programme (idempotent) and print its accounts.
    Demo,
    /// Import data from files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Reports for funders.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Follow-ups after cohorts end.
    #[command(subcommand)]
    Followups(FollowupsCommand),
    /// Apply database migrations and exit.
    Migrate,
    /// Recompute every kept figure (stored line values, similar firms'
    /// savings, cohort places) from the records and compare: exits non-zero,
    /// naming each figure that differs. Safe while Ymarfer serves.
    Check,
    /// Write a consistent copy of the SQLite database to FILE, while Ymarfer
    /// serves. (For PostgreSQL, use pg_dump: see the README.)
    Backup {
        /// Where to write the copy; it must not exist yet.
        file: PathBuf,
    },
    /// Replace the SQLite database with a copy made by `ymarfer backup`. Stop
    /// `serve` first.
    Restore {
        /// The copy to restore.
        file: PathBuf,
    },
    /// Copy the whole instance from its SQLite database into an empty
    /// PostgreSQL database, then check every table value by value. Stop
    /// `serve` first; afterwards run it with --database-url set to the target.
    Copy {
        /// The PostgreSQL database to copy into, e.g. postgres://ymarfer@db/ymarfer.
        #[arg(long)]
        to: String,
    },
    /// Generate a realistic national dataset (the same for the same seed)
    /// into an empty database, for measuring Ymarfer at scale. Every generated
    /// account's password is "synth data only".
    Synth {
        /// 1 for Wales (267,000 firms, 50,000 participants, 1,000,000 posts
        /// and comments, 500,000 benefit lines, 300,000 health checks), or a
        /// fraction of it.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// The random seed.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Print the version.
    Version,
}

#[derive(Subcommand)]
enum FollowupsCommand {
    /// Email the follow-ups due 3, 6 and 12 months after each cohort ended, and
    /// remind once those unanswered after two weeks. Run it daily (e.g. from cron).
    Send {
        /// Act as if today were this date (YYYY-MM-DD).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// The impact of a programme (or one cohort): savings, ROI, reach.
    Impact {
        /// The programme's short name.
        #[arg(long)]
        programme: String,
        /// One cohort's short name; its share of the cost is used.
        #[arg(long)]
        cohort: Option<String>,
        /// json, csv or xlsx.
        #[arg(long, default_value = "json")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import organisations and people into a cohort from a CSV file (see docs/import.md).
    /// All or nothing: any bad row is named and nothing is written.
    People {
        /// The CSV file (UTF-8).
        file: PathBuf,
        /// The cohort's short name.
        #[arg(long)]
        cohort: String,
        /// The programme's short name, when several programmes have a cohort of that name.
        #[arg(long)]
        programme: Option<String>,
        /// Email each new person an invitation.
        #[arg(long)]
        invite: bool,
    },
    /// Import benefit lines for a programme's projects from CSV, matching organisation
    /// by name and project by title. All or nothing: every bad row is named.
    Ledger {
        /// The CSV file (UTF-8) with columns organisation,project,description,category,
        /// savings_type,frequency,start_date,status,amount_gbp,hours,hourly_rate_gbp,
        /// energy_kwh,waste_kg,fuel_litres.
        file: PathBuf,
        /// The programme's short name.
        #[arg(long)]
        programme: String,
        /// Who verified the lines the file marks verified: the email of an
        /// administrator or of the programme's staff. Without it, such lines are
        /// imported as claimed, to be verified in Ymarfer.
        #[arg(long, value_name = "EMAIL")]
        verified_by: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user and print the link with which they choose a password.
    Add {
        /// Their email address.
        email: String,
        /// Make them an instance administrator.
        #[arg(long)]
        admin: bool,
        /// Their name.
        #[arg(long, default_value = "")]
        name: String,
        /// Their language: en or cy.
        #[arg(long, default_value = "en")]
        language: String,
    },
}

impl Global {
    fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("ymarfer.db").display()))
    }

    fn config(&self) -> anyhow::Result<Config> {
        self.config_for(self.bind)
    }

    /// The configuration, with links defaulting to the address actually bound.
    fn config_for(&self, bound: SocketAddr) -> anyhow::Result<Config> {
        // Checked even without a host, so a typo is caught before it matters.
        let security = SmtpSecurity::parse(&self.smtp_security)?;
        let smtp = self.smtp_host.as_ref().map(|host| SmtpConfig {
            host: host.clone(),
            port: self.smtp_port,
            username: self.smtp_username.clone(),
            password: self.smtp_password.clone(),
            security,
        });
        let base_url = self
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{bound}"));
        Ok(
            Config::new(&base_url, self.data_dir.clone(), &self.mail_from, smtp)?
                .with_trusted_proxies(self.trusted_proxies.clone())
                .with_frame_origins(&self.frame_origins)?
                .with_lead_retention_days(self.lead_retention_days)
                .with_api_limit(self.api_per_minute)
                .with_public_limit(self.public_per_minute)
                .with_attachments(self.attachments.clone()),
        )
    }

    async fn open_db(&self) -> anyhow::Result<Db> {
        std::fs::create_dir_all(&self.data_dir).with_context(|| {
            format!("cannot create the data folder {}", self.data_dir.display())
        })?;
        let url = self.database_url();
        let db = Db::connect(&url)
            .await
            .context("cannot open the database")?;
        db.migrate()
            .await
            .context("cannot apply database migrations")?;
        Ok(db)
    }
}

/// Checks that FILE is a backup of a Ymarfer database no newer than this
/// version, then puts it in place of the SQLite database, atomically.
async fn restore(g: &Global, file: &std::path::Path) -> anyhow::Result<()> {
    let url = g.database_url();
    let target = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .map(PathBuf::from)
        .context(
            "the database is PostgreSQL: restore it with pg_restore or psql (see the README)",
        )?;
    anyhow::ensure!(file.is_file(), "there is no file {}", file.display());
    std::fs::create_dir_all(&g.data_dir)?;
    // Work on a copy beside the database, so the backup itself is never changed.
    let staged = target.with_extension("db.restoring");
    std::fs::copy(file, &staged)
        .with_context(|| format!("cannot copy {} beside the database", file.display()))?;
    let check = async {
        let copy = Db::connect(&format!("sqlite://{}", staged.display())).await?;
        let digests = copy.sqlite_digests().await;
        copy.close().await;
        anyhow::Ok(digests?)
    };
    let digests = match check.await {
        Ok(d)
            if d.iter().any(|t| t.table == "_sqlx_migrations")
                && d.iter().any(|t| t.table == "programmes") =>
        {
            d
        }
        _ => {
            let _ = std::fs::remove_file(&staged);
            anyhow::bail!("{} is not a backup of a Ymarfer database", file.display());
        }
    };
    // The old database's write-ahead log belongs to it, not to the copy.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
    }
    std::fs::rename(&staged, &target)?;
    // Bring the restored copy up to this version's schema.
    let db = g.open_db().await?;
    db.close().await;
    println!(
        "Restored {} tables from {} into {}.",
        digests.len(),
        file.display(),
        target.display()
    );
    Ok(())
}

/// Copies the SQLite instance into PostgreSQL and checks the copy.
async fn copy(g: &Global, to: &str) -> anyhow::Result<()> {
    anyhow::ensure!(
        to.starts_with("postgres://") || to.starts_with("postgresql://"),
        "--to must be a PostgreSQL URL such as postgres://ymarfer@127.0.0.1/ymarfer"
    );
    let from = g.open_db().await?;
    anyhow::ensure!(
        from.backend() == ymarfer_store::Backend::Sqlite,
        "the database is PostgreSQL already"
    );
    let target = Db::connect(to)
        .await
        .with_context(|| "cannot connect to the target database".to_string())?;
    let copied = from
        .copy_to(&target, |t| {
            eprintln!("copied {:>9} rows of {}", t.rows, t.table)
        })
        .await?;
    let mut differ = Vec::new();
    for (a, b) in from.compare_copy(&target).await? {
        if a != b {
            differ.push(format!(
                "{} ({} rows here, {} there)",
                a.table, a.rows, b.rows
            ));
        }
    }
    from.close().await;
    target.close().await;
    anyhow::ensure!(
        differ.is_empty(),
        "the copy differs from the original in: {}",
        differ.join(", ")
    );
    let rows: i64 = copied.iter().map(|t| t.rows).sum();
    println!(
        "Copied {} tables ({rows} rows); every table matches. Serve it with --database-url {to}",
        copied.len()
    );
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let g = &cli.global;
    match cli.command {
        Command::Version => {
            println!("ymarfer {}", env!("CARGO_PKG_VERSION"));
        }
        Command::Migrate => {
            let db = g.open_db().await?;
            println!("Database is up to date ({}).", db.backend().name());
            db.close().await;
        }
        Command::Check => {
            let db = g.open_db().await?;
            let drift = db.kept_drift().await;
            db.close().await;
            let drift = drift?;
            if !drift.is_empty() {
                for d in &drift {
                    eprintln!("{d}");
                }
                anyhow::bail!("{} kept figures differ from the records", drift.len());
            }
            println!("Every kept figure matches the records.");
        }
        Command::Backup { file } => {
            anyhow::ensure!(
                !file.exists(),
                "{} exists already: choose a new file for the backup",
                file.display()
            );
            let db = g.open_db().await?;
            let done = db.backup_to(&file).await;
            let tables = match &done {
                Ok(Some(())) => db.sqlite_digests().await?.len(),
                _ => 0,
            };
            db.close().await;
            match done.context("the backup failed")? {
                Some(()) => println!("Backed up {tables} tables to {}.", file.display()),
                None => anyhow::bail!(
                    "the database is PostgreSQL: back it up with pg_dump (see the README)"
                ),
            }
        }
        Command::Restore { file } => restore(g, &file).await?,
        Command::Copy { to } => copy(g, &to).await?,
        Command::Synth { scale, seed } => {
            anyhow::ensure!(
                scale > 0.0 && scale <= 4.0,
                "--scale must be above 0 and at most 4 (1 is Wales)"
            );
            let db = g.open_db().await?;
            let started = std::time::Instant::now();
            let bar = indicatif::ProgressBar::new_spinner();
            let summary = synth::generate(&db, synth::Scale::wales(scale), seed, |table, n| {
                bar.set_message(format!("{n} rows of {table}"));
                bar.tick();
            })
            .await;
            bar.finish_and_clear();
            db.close().await;
            let summary = summary?;
            for (table, n) in &summary.rows {
                println!("{n:>10}  {table}");
            }
            println!(
                "Generated in {:.1} s (seed {seed}). Every account's password: {}",
                started.elapsed().as_secs_f64(),
                synth::PASSWORD
            );
        }
        Command::Demo => {
            let config = g.config()?;
            let db = g.open_db().await?;
            let files =
                ymarfer_app::files::Files::open(config.attachments.as_deref(), &config.data_dir)?;
            let loaded = demo::load(&db, &files, &config).await?;
            println!(
                "{}",
                if loaded {
                    "Demo programme loaded."
                } else {
                    "Demo programme already present."
                }
            );
            print!("{}", demo::accounts_text(config.base_url.as_str()));
            db.close().await;
        }
        Command::Import(ImportCommand::People {
            file,
            cohort,
            programme,
            invite,
        }) => {
            let config = g.config()?;
            let db = g.open_db().await?;
            import_people(&db, config, &file, &cohort, programme.as_deref(), invite).await?;
            db.close().await;
        }
        Command::Import(ImportCommand::Ledger {
            file,
            programme,
            verified_by,
        }) => {
            let db = g.open_db().await?;
            let p = db
                .programme_by_slug(&programme)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no programme called {programme:?}"))?;
            let verifier = match &verified_by {
                None => None,
                Some(email) => {
                    let address = Email::parse(email)
                        .map_err(|_| anyhow::anyhow!("{email:?} is not an email address"))?;
                    let user = db
                        .user_by_email(&address)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("nobody has the address {email:?}"))?;
                    Some(user.id)
                }
            };
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let tr = ymarfer_app::i18n::Tr(Lang::En);
            let done = ymarfer_app::ledger_import::import_ledger(
                &db,
                &Acting::command_line(),
                tr,
                &p,
                &bytes,
                verifier,
            )
            .await;
            let done = match done {
                Err(ymarfer_app::Error::Invalid("ledger-import-verifier-refused")) => {
                    db.close().await;
                    let email = verified_by.unwrap_or_default();
                    anyhow::bail!("{email} may not verify savings in {programme}");
                }
                Err(ymarfer_app::Error::Invalid(id)) => {
                    db.close().await;
                    anyhow::bail!("{}", tr.t(id));
                }
                other => other?,
            };
            match done {
                Ok(done) => {
                    println!("Imported {} benefit lines into {programme}.", done.added);
                    println!("The file's SHA-256 is {}.", done.sha256);
                    if done.present > 0 {
                        println!(
                            "{} line(s) were in the ledger already and were left as they were.",
                            done.present
                        );
                    }
                }
                Err(Refused::AlreadyImported(why)) => {
                    db.close().await;
                    anyhow::bail!("{why}");
                }
                Err(Refused::BadRows(bad)) => {
                    for row in &bad {
                        eprintln!("line {}: {}", row.line, row.reasons.join(" "));
                    }
                    db.close().await;
                    anyhow::bail!("nothing was imported: {} bad row(s)", bad.len());
                }
            }
            db.close().await;
        }
        Command::Report(ReportCommand::Impact {
            programme,
            cohort,
            format,
            output,
        }) => {
            let db = g.open_db().await?;
            let p = db
                .programme_by_slug(&programme)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no programme called {programme:?}"))?;
            let c = match &cohort {
                Some(slug) => Some(
                    db.cohort_by_slug(p.id, slug)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("no cohort called {slug:?}"))?,
                ),
                None => None,
            };
            let tr = ymarfer_app::i18n::Tr(Lang::En);
            let (report, summary) =
                ymarfer_app::report::impact_report(&db, tr, &p, c.as_ref()).await?;
            let bytes = match format.as_str() {
                "json" => serde_json::to_vec_pretty(&report)?,
                "csv" => ymarfer_app::report::to_csv(&report, tr)?.into_bytes(),
                "xlsx" => {
                    ymarfer_app::report::to_xlsx(&db, tr, &p, &report, &summary, c.as_ref()).await?
                }
                other => anyhow::bail!("--format must be json, csv or xlsx (got {other:?})"),
            };
            match output {
                Some(path) => std::fs::write(&path, &bytes)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => {
                    use std::io::Write;
                    std::io::stdout().write_all(&bytes)?;
                    println!();
                }
            }
            db.close().await;
        }
        Command::Followups(FollowupsCommand::Send { today }) => {
            let config = g.config()?;
            let db = g.open_db().await?;
            let state = Services::new(db.clone(), config)?;
            let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let run = ymarfer_app::followups::send_due(&state, today).await?;
            println!(
                "Follow-ups sent: {}. Reminders sent: {}. Health checks offered again: {}.",
                run.sent, run.reminded, run.rechecks
            );
            db.close().await;
            if run.failed > 0 {
                anyhow::bail!(
                    "{} email(s) could not be sent; they will be tried again at the next run (see the log)",
                    run.failed
                );
            }
        }
        Command::Serve { demo, no_jobs } => {
            let config = g.config()?;
            let db = g.open_db().await?;
            if demo {
                let files = ymarfer_app::files::Files::open(
                    config.attachments.as_deref(),
                    &config.data_dir,
                )?;
                demo::load(&db, &files, &config).await?;
            }
            let listener = tokio::net::TcpListener::bind(g.bind)
                .await
                .with_context(|| format!("cannot listen on {}", g.bind))?;
            let state = AppState::new(db.clone(), g.config_for(listener.local_addr()?)?)?;
            tracing::info!(
                address = %listener.local_addr()?,
                database = db.backend().name(),
                email = %state.mailer.describe(),
                "Ymarfer is serving"
            );
            println!("Ymarfer is serving at {}", state.config.base_url);
            if demo {
                print!("{}", demo::accounts_text(state.config.base_url.as_str()));
            }
            if let Some(link) = ymarfer_app::setup_link_if_needed(&state).await? {
                println!(
                    "No administrator yet. Open this link within 24 hours to set one up:\n  {link}"
                );
            }
            if !no_jobs {
                tokio::spawn(ymarfer_app::jobs::run_forever(state.services()));
            }
            ymarfer_web::serve(listener, state, shutdown_signal()).await?;
            db.close().await;
        }
        Command::User(UserCommand::Add {
            email,
            admin,
            name,
            language,
        }) => {
            let config = g.config()?;
            let email = Email::parse(&email)
                .map_err(|_| anyhow::anyhow!("{email:?} is not a valid email address"))?;
            let language = Lang::parse(&language)
                .ok_or_else(|| anyhow::anyhow!("language must be en or cy"))?;
            let db = g.open_db().await?;
            let services = Services::new(db.clone(), config)?;
            let new = ymarfer_app::accounts::NewAccount {
                email: &email,
                name: &name,
                language,
                admin,
            };
            let added = ymarfer_app::accounts::add_user(
                &services,
                &Acting::command_line(),
                new,
                ymarfer_app::accounts::Delivery::Link,
            )
            .await;
            let added = match added {
                Err(ymarfer_app::Error::Invalid(_)) => {
                    db.close().await;
                    anyhow::bail!("{email} already has an account");
                }
                other => other?,
            };
            println!(
                "Added {}{}. They choose a password at this link (valid 7 days):\n  {}",
                added.user.email,
                if admin { " as an administrator" } else { "" },
                added.link.unwrap_or_default()
            );
            db.close().await;
        }
    }
    Ok(())
}

/// Imports people into a cohort, showing a progress bar; refuses the whole file
/// if any row is bad, naming each.
async fn import_people(
    db: &Db,
    config: Config,
    file: &std::path::Path,
    cohort: &str,
    programme: Option<&str>,
    invite: bool,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let programmes = db.programmes_visible_to(0, true).await?;
    let mut found = Vec::new();
    for p in programmes
        .iter()
        .filter(|p| programme.is_none_or(|s| s == p.slug))
    {
        if let Some(c) = db.cohort_by_slug(p.id, cohort).await? {
            found.push((p.clone(), c));
        }
    }
    let (p, c) = match found.len() {
        0 => anyhow::bail!("no cohort called {cohort:?}"),
        1 => found.remove(0),
        _ => anyhow::bail!(
            "several programmes have a cohort called {cohort:?}: name one with --programme"
        ),
    };
    let tr = ymarfer_app::i18n::Tr(Lang::En);
    let rows = match ymarfer_app::people_import::check(db, tr, c.id, &bytes).await? {
        Ok(rows) => rows,
        Err(problems) => {
            for problem in &problems {
                match problem.line {
                    0 => eprintln!("{}", problem.messages.join(" ")),
                    line => eprintln!("line {line}: {}", problem.messages.join(" ")),
                }
            }
            anyhow::bail!("nothing was imported: {} problem(s)", problems.len());
        }
    };
    let bar = indicatif::ProgressBar::new(rows.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} people {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let state = Services::new(db.clone(), config)?;
    let done = ymarfer_app::people_import::import(
        &state,
        &Acting::command_line(),
        &p,
        &c,
        &rows,
        invite,
        &|done, _| bar.set_position(done as u64),
    )
    .await?;
    bar.finish_with_message("imported");
    println!(
        "Imported {} people into {} / {} ({} new accounts{}).",
        done.people,
        p.slug,
        c.slug,
        done.new_accounts,
        if invite { ", invited by email" } else { "" }
    );
    if done.not_invited > 0 {
        anyhow::bail!(
            "{} invitation(s) could not be sent (see the log); the import stands",
            done.not_invited
        );
    }
    Ok(())
}

/// mimalloc: on the busiest pages glibc's allocator spent a sixth of the
/// server's time, and its per-thread arenas held memory long after a request.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("YMARFER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    if std::env::var("YMARFER_LOG_FORMAT").is_ok_and(|f| f.trim() == "json") {
        // One JSON object a line, for a log collector: each request's line
        // carries its method, route, status and milliseconds at the top level.
        tracing_subscriber::fmt()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    } else {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            // Colour only for a person at a terminal, never into a log file.
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
