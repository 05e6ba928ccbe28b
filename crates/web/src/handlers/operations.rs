//! How the instance runs, for administrators: every programme and its team at
//! a glance (`/admin/programmes`), and the scheduled jobs with their last runs
//! (`/admin/jobs`).

use crate::error::{AppResult, authorise};
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use ymarfer_domain::jobs::Job;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::jobs::{JobRun, ProgrammeGlance, TeamRow};

#[derive(Template)]
#[template(path = "admin/programmes.html")]
struct ProgrammesPage {
    page: Page,
    programmes: Vec<(ProgrammeGlance, Vec<TeamRow>)>,
}

impl ProgrammesPage {
    fn role(&self, r: &TeamRow) -> String {
        self.page.t(r.role.message_id())
    }
}

pub async fn programmes(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    authorise(can(viewer.actor(), Action::ViewOperations, Resource::Site))?;
    let (programmes, team) = state.db.programmes_at_a_glance().await?;
    let programmes = programmes
        .into_iter()
        .map(|p| {
            let mine = team
                .iter()
                .filter(|t| t.programme_id == p.id)
                .cloned()
                .collect();
            (p, mine)
        })
        .collect();
    render(&ProgrammesPage {
        page: page.titled("operations-programmes-title"),
        programmes,
    })
}

#[derive(Template)]
#[template(path = "admin/jobs.html")]
struct JobsPage {
    page: Page,
    runs: Vec<JobRun>,
    /// Each job with its latest run, if any.
    latest: Vec<(String, Option<JobRun>)>,
}

impl JobsPage {
    fn job_name(&self, code: &str) -> String {
        Job::parse(code)
            .map(|j| self.page.t(j.message_id()))
            .unwrap_or_else(|| code.to_string())
    }

    /// What a run came to, in the reader's language (a run still going has
    /// nothing yet; text kept by an older version is shown as kept).
    fn outcome(&self, stored: &str) -> String {
        ymarfer_app::jobs::Outcome::read(stored)
            .map(|o| o.text(self.page.tr))
            .unwrap_or_else(|| stored.to_string())
    }

    fn when(&self, at: &Option<chrono::DateTime<chrono::Utc>>) -> String {
        at.map(|a| crate::views::space::when(&a))
            .unwrap_or_else(|| self.page.t("operations-jobs-running"))
    }
}

pub async fn jobs(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    authorise(can(viewer.actor(), Action::ViewOperations, Resource::Site))?;
    let runs = state.db.job_runs(100).await?;
    let latest = Job::ALL
        .iter()
        .map(|j| {
            (
                page.t(j.message_id()),
                runs.iter().find(|r| r.name == j.as_str()).cloned(),
            )
        })
        .collect();
    render(&JobsPage {
        page: page.titled("operations-jobs-title"),
        runs,
        latest,
    })
}

#[derive(Template)]
#[template(path = "admin/mail.html")]
struct MailPage {
    page: Page,
    counts: ymarfer_store::mail_queue::MailCounts,
    messages: Vec<ymarfer_store::mail_queue::QueuedMail>,
}

impl MailPage {
    fn state(&self, m: &ymarfer_store::mail_queue::QueuedMail) -> String {
        if m.sent_at.is_some() {
            self.page.t("mail-state-sent")
        } else if m.attempts >= ymarfer_store::mail_queue::MAX_ATTEMPTS {
            self.page.t("mail-state-given-up")
        } else {
            self.page.t("mail-state-waiting")
        }
    }

    fn at(&self, m: &ymarfer_store::mail_queue::QueuedMail) -> String {
        crate::views::space::when(&m.sent_at.unwrap_or(m.next_attempt_at))
    }
}

/// The mail queue: what waits, why, and when it is tried again; what went in
/// the last day. Never the messages' words.
pub async fn mail(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    authorise(can(viewer.actor(), Action::ViewOperations, Resource::Site))?;
    let (counts, messages) = state.db.mail_queue_view(200).await?;
    render(&MailPage {
        page: page.titled("mail-queue-title"),
        counts,
        messages,
    })
}
