//! Small pieces the cohort space's pages share with others: times, requests,
//! members and finished cohorts.

use crate::error::AppError;
use crate::page::Page;
use crate::state::AppState;
use ymarfer_store::space::Member;

/// A moment as the UK's clocks showed it.
pub fn when(at: &chrono::DateTime<chrono::Utc>) -> String {
    ymarfer_domain::uktime::to_local(*at)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// A request for feedback in words: who asked, about what.
pub fn request_line(page: &Page, r: &ymarfer_store::space::OpenRequest) -> String {
    let what = r
        .project_title
        .clone()
        .unwrap_or_else(|| crate::page::excerpt(&r.body, 60));
    page.args(
        "space-request-from",
        [
            ("person", r.asked_by.clone().unwrap_or_default()),
            ("what", what),
        ],
    )
}

/// The people of a space as choices for a filter: (id, name).
pub fn member_options(members: &[Member]) -> Vec<(i64, String)> {
    members
        .iter()
        .map(|m| (m.user_id, m.display_name.clone()))
        .collect()
}

/// Whether a cohort with this last day has finished by `today`.
pub fn has_finished(ends_on: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> bool {
    ends_on.is_some_and(|end| end < today)
}

/// The finished cohorts of a programme, whose people make its alumni space.
pub async fn finished_cohorts(state: &AppState, programme: i64) -> Result<Vec<i64>, AppError> {
    let today = ymarfer_domain::uktime::today();
    Ok(state
        .db
        .cohorts_of(programme)
        .await?
        .into_iter()
        .filter(|c| has_finished(c.ends_on, today))
        .map(|c| c.id)
        .collect())
}
