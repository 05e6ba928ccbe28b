//! The jobs `serve` runs on schedule (see `ymarfer_domain::jobs`): notices by
//! email at once or as daily and weekly digests, and the follow-ups. Each slot
//! is claimed in the database before it runs and each notice is claimed before
//! it is emailed, so several servers sharing a database send every email once.

use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use chrono::{DateTime, Utc};
use std::time::Duration;
use ymarfer_domain::jobs::Job;
use ymarfer_domain::space::NotifyMode;

/// What one job's run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    pub job: Job,
    pub slot: String,
    pub outcome: Outcome,
}

/// What a job's run came to: stored as JSON, read in each reader's language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Notices emailed: one email a person.
    Emails { sent: u64, failed: u64 },
    /// The mail queue tried again.
    Mail { sent: u64, waiting: u64 },
    /// Follow-ups, their reminders, health checks to take again, and leads forgotten.
    Followups {
        sent: u64,
        reminded: u64,
        rechecks: u64,
        forgotten: u64,
        failed: u64,
    },
    /// The run failed, with the error as the program gave it.
    Failed { error: String },
}

impl Outcome {
    /// As the database keeps it.
    pub fn stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What the database keeps, read back; `None` for text kept before
    /// outcomes were stored this way.
    pub fn read(stored: &str) -> Option<Outcome> {
        serde_json::from_str(stored).ok()
    }

    /// In the reader's language.
    pub fn text(&self, tr: Tr) -> String {
        let n = |v: &u64| v.to_string();
        match self {
            Outcome::Emails { sent, failed } => tr.args(
                "jobs-outcome-emails",
                &[("sent", n(sent)), ("failed", n(failed))],
            ),
            Outcome::Mail { sent, waiting } => tr.args(
                "jobs-outcome-mail",
                &[("sent", n(sent)), ("waiting", n(waiting))],
            ),
            Outcome::Followups {
                sent,
                reminded,
                rechecks,
                forgotten,
                failed,
            } => tr.args(
                "jobs-outcome-followups",
                &[
                    ("sent", n(sent)),
                    ("reminded", n(reminded)),
                    ("rechecks", n(rechecks)),
                    ("forgotten", n(forgotten)),
                    ("failed", n(failed)),
                ],
            ),
            Outcome::Failed { error } => tr.t1("jobs-outcome-failed", "error", error),
        }
    }
}

/// Runs every job due at `now` whose slot no server has claimed yet.
pub async fn run_due(state: &Services, now: DateTime<Utc>) -> anyhow::Result<Vec<Ran>> {
    let mut ran = Vec::new();
    for job in Job::ALL {
        let Some(slot) = job.slot(now) else { continue };
        if !state.db.claim_job(job.as_str(), &slot).await? {
            continue;
        }
        let outcome = match run(state, job, now).await {
            Ok(done) => done,
            Err(e) => {
                tracing::error!(job = job.as_str(), error = %format!("{e:#}"), "a scheduled job failed");
                Outcome::Failed {
                    error: format!("{e:#}"),
                }
            }
        };
        state
            .db
            .finish_job(job.as_str(), &slot, &outcome.stored())
            .await?;
        ran.push(Ran { job, slot, outcome });
    }
    Ok(ran)
}

/// Runs the jobs each minute until the process ends.
pub async fn run_forever(state: std::sync::Arc<Services>) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        if let Err(e) = run_due(&state, Utc::now()).await {
            tracing::error!(error = %format!("{e:#}"), "scheduled jobs could not run");
        }
    }
}

async fn run(state: &Services, job: Job, now: DateTime<Utc>) -> anyhow::Result<Outcome> {
    match job {
        Job::Notices => email_notices(state, NotifyMode::Immediate).await,
        Job::Mail => {
            // The queue keeps the clock's time (a message being sent is held
            // until then), whatever slot the job runs for.
            let (sent, waiting) = crate::outbox::retry_due(state, Utc::now()).await?;
            Ok(Outcome::Mail {
                sent: sent as u64,
                waiting: waiting as u64,
            })
        }
        Job::DailyDigest => email_notices(state, NotifyMode::Daily).await,
        Job::WeeklyDigest => email_notices(state, NotifyMode::Weekly).await,
        Job::Followups => {
            let today = ymarfer_domain::uktime::to_local(now).date();
            let r = crate::followups::send_due(state, today).await?;
            Ok(Outcome::Followups {
                sent: r.sent as u64,
                reminded: r.reminded as u64,
                rechecks: r.rechecks as u64,
                forgotten: r.leads_forgotten as u64,
                failed: r.failed as u64,
            })
        }
    }
}

/// Emails each person who chose `mode` the notices not emailed yet: one email
/// each, claimed first so no other server sends it too. An email that cannot
/// be sent gives its notices back for the next run.
pub async fn email_notices(state: &Services, mode: NotifyMode) -> anyhow::Result<Outcome> {
    let (mut sent, mut failed) = (0u64, 0u64);
    for person in state.db.notice_recipients(mode).await? {
        let notices = state.db.claim_notices_for_email(person.user_id).await?;
        if notices.is_empty() {
            continue;
        }
        let lang = person.lang();
        let tr = Tr(lang);
        let token = state.db.unsubscribe_token(person.user_id).await?;
        let unsubscribe = state.config.link(lang, &format!("unsubscribe/{token}"));
        let mut lines = Vec::new();
        for n in &notices {
            let who = n
                .actor
                .clone()
                .unwrap_or_else(|| tr.t("space-former-member"));
            let text = tr.t1(n.kind.message_id(), "person", &who);
            if let Some(session) = &n.session_path {
                lines.push(format!("- {text}:\n  {}", state.config.link(lang, session)));
                continue;
            }
            match (n.thread_id, n.post_id, n.project_id) {
                (Some(thread), Some(post), _) => lines.push(format!(
                    "- {text}:\n  {}",
                    state
                        .config
                        .link(lang, &format!("posts/{thread}#item-{post}"))
                )),
                (_, _, Some(project)) => lines.push(format!(
                    "- {text}:\n  {}",
                    state
                        .config
                        .link(lang, &format!("projects/{project}#ledger"))
                )),
                _ => lines.push(format!("- {text}")),
            }
        }
        let subject = match (&notices[..], mode) {
            ([one], NotifyMode::Immediate) => {
                let who = one
                    .actor
                    .clone()
                    .unwrap_or_else(|| tr.t("space-former-member"));
                format!("Ymarfer: {}", tr.t1(one.kind.message_id(), "person", &who))
            }
            _ => tr.count("email-notices-subject", notices.len() as i64),
        };
        let body = format!(
            "{}\n\n{}\n\n{}\n{}\n\n{}\n{}\n",
            tr.t("email-notices-intro"),
            lines.join("\n"),
            tr.t("email-notices-settings"),
            state.config.link(lang, "profile#notices-heading"),
            tr.t("email-notices-unsubscribe"),
            unsubscribe,
        );
        let mail = Outgoing {
            to: person.email.clone(),
            subject,
            body,
            unsubscribe: Some(unsubscribe),
            lang,
        };
        match crate::outbox::post(state, mail).await {
            Ok(()) => sent += 1,
            Err(e) => {
                tracing::error!(error = %format!("{e:#}"), user = person.user_id, "notices could not be emailed");
                state.db.release_notices(person.user_id).await?;
                failed += 1;
            }
        }
    }
    Ok(Outcome::Emails { sent, failed })
}
