//! A session's page, with its register and rhythm.

use crate::context;
use crate::error::{AppError, AppResult};
use crate::page::{Page, Viewer};
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use ymarfer_domain::Action;
use ymarfer_domain::programme::Attendance;
use ymarfer_store::people::Enrolled;
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::schedule::Meeting;

pub struct RegisterRow {
    pub person: Enrolled,
    /// What the register records for them, if anything.
    pub status: Option<Attendance>,
}

impl RegisterRow {
    /// Whether the register records this mark for them.
    pub fn is(&self, mark: Attendance) -> bool {
        self.status == Some(mark)
    }
}

#[derive(Template)]
#[template(path = "meetings/show.html")]
struct ShowPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    m: Meeting,
    agenda: String,
    resources: String,
    register: Vec<RegisterRow>,
    manage: bool,
    notice: Option<String>,
    /// The viewer's commitments and check-ins, when they are of the cohort's space.
    rhythm: Option<crate::views::rhythm::Rhythm>,
    /// The session's live room, once started: its code.
    live: Option<String>,
    /// Whether the session has not ended yet (a live room may start).
    upcoming: bool,
}

impl ShowPage {
    fn kind_name(&self) -> String {
        self.page.t(self.m.kind.message_id())
    }
    fn when(&self) -> String {
        format!(
            "{}–{}",
            self.page.tr.date_time(self.m.starts_at),
            self.page.tr.time(self.m.ends_at)
        )
    }
    fn statuses(&self) -> Vec<(Attendance, String)> {
        Attendance::ALL
            .iter()
            .map(|a| (*a, self.page.t(a.message_id())))
            .collect()
    }
    fn base(&self) -> String {
        self.page.href(&format!(
            "programmes/{}/cohorts/{}/sessions/{}",
            self.programme.slug, self.cohort.slug, self.m.id
        ))
    }
}

/// A session's page; `typed` is a refused commitment or check-in, shown again
/// with its errors (and the page answers 422).
pub async fn show_with(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    (slug, cslug, id): (&str, &str, i64),
    done: Option<String>,
    typed: crate::views::rhythm::Typed,
) -> AppResult {
    let (programme, cohort, m) =
        meeting_for(state, viewer, slug, cslug, id, Action::ViewCohort).await?;
    let manage = context::may(viewer, Action::ManageCohort, programme.id, cohort.id);
    let register = if manage {
        let records = state.db.attendance_of_cohort(cohort.id).await?;
        state
            .db
            .enrolled(cohort.id)
            .await?
            .into_iter()
            .filter(|e| e.is_active())
            .map(|person| {
                let status = records
                    .iter()
                    .find(|r| r.session_id == id && r.user_id == person.user_id)
                    .map(|r| r.status);
                RegisterRow { person, status }
            })
            .collect()
    } else {
        Vec::new()
    };
    let notice = page.done_notice(done.as_deref());
    let live = state.db.live_of_session(m.id).await?.map(|l| l.code);
    let upcoming = m.ends_at > chrono::Utc::now();
    let refused = !typed.errors.is_empty();
    let rhythm =
        crate::views::rhythm::for_session(state, &page, viewer, &programme, &cohort, &m, typed)
            .await?;
    let mut page = page;
    page.title = m.title.clone();
    page.about = Some(page.pick(&cohort.name_en, &cohort.name_cy).to_string());
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    crate::page::render_status(
        status,
        &ShowPage {
            rhythm,
            agenda: crate::markdown::render(&m.agenda),
            resources: crate::markdown::render(&m.resources),
            page,
            programme,
            cohort,
            m,
            register,
            manage,
            notice,
            live,
            upcoming,
        },
    )
}

pub async fn meeting_for(
    state: &AppState,
    viewer: &Viewer,
    slug: &str,
    cslug: &str,
    id: i64,
    action: Action,
) -> Result<(Programme, Cohort, Meeting), AppError> {
    let (programme, cohort) = context::cohort(state, viewer, slug, cslug, action).await?;
    let meeting = state
        .db
        .meeting(cohort.id, id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    Ok((programme, cohort, meeting))
}
