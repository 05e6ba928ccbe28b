//! Small pieces the cohort space's pages share with others: times, requests
//! and members.

use crate::page::Page;
use ymarfer_store::space::Member;

/// A moment as the UK's clocks showed it.
pub fn when(at: &chrono::DateTime<chrono::Utc>) -> String {
    ymarfer_domain::uktime::to_local(*at)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// A request for feedback in words, as HTML: who asked, about what (the
/// project's title or the post's first words, marked with their language).
pub fn request_line(page: &Page, r: &ymarfer_store::space::OpenRequest) -> String {
    let (what, written) = match (&r.project_title, &r.project_lang) {
        (Some(title), Some(lang)) => (title.clone(), lang.as_str()),
        _ => (crate::page::excerpt(&r.body, 60), r.lang.as_str()),
    };
    page.args_in(
        "space-request-from",
        [
            ("person", r.asked_by.clone().unwrap_or_default()),
            ("what", what),
        ],
        &["what"],
        written,
    )
}

/// The people of a space as choices for a filter: (id, name).
pub fn member_options(members: &[Member]) -> Vec<(i64, String)> {
    members
        .iter()
        .map(|m| (m.user_id, m.display_name.clone()))
        .collect()
}
