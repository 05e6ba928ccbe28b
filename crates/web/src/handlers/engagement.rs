//! Engagement in a cohort space (`/programmes/{p}/cohorts/{c}/engagement`),
//! for its facilitators: each week's active members, items shared, feedback
//! given and commitments kept, as a chart with its table; who gives and who
//! receives feedback; and who has gone quiet.

use crate::context;
use crate::error::AppResult;
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use chrono::Duration;
use ymarfer_domain::Action;
use ymarfer_domain::engagement::{self, Event, Part, Week};
use ymarfer_store::programmes::{Cohort, Programme};

/// Weeks the page shows, at most.
const WEEKS: i64 = 16;

pub struct Row {
    pub name: String,
    pub part: Part,
    pub last: String,
    pub quiet: bool,
}

#[derive(Template)]
#[template(path = "space/engagement.html")]
struct EngagementPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    weeks: Vec<(Week, String, f64)>,
    members: usize,
    rows: Vec<Row>,
    quiet: Vec<String>,
}

pub async fn engagement(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ModerateSpace).await?;
    let today = ymarfer_domain::uktime::today();
    let people: Vec<_> = state
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| e.is_active())
        .collect();
    let events: Vec<Event> = state
        .db
        .space_events(cohort.id)
        .await?
        .into_iter()
        .map(|e| Event {
            user: e.user_id,
            on: ymarfer_domain::uktime::to_local(e.at).date(),
            kind: e.kind.event(e.other),
        })
        .collect();
    let end = cohort
        .ends_on
        .map_or(today, |e| e.min(today).max(e.min(today)));
    let from = cohort
        .starts_on
        .unwrap_or(end - Duration::weeks(WEEKS - 1))
        .max(end - Duration::weeks(WEEKS - 1));
    let weeks = engagement::weekly(&events, from, end.max(from));
    let members = people.len();
    let weeks = weeks
        .into_iter()
        .map(|w| {
            let label = page.t1("engagement-week-of", "date", &page.tr.day(w.starts));
            let width = if members == 0 {
                0.0
            } else {
                w.active as f64 / members as f64 * 100.0
            };
            (w, label, width)
        })
        .collect();
    let ids: Vec<i64> = people.iter().map(|p| p.user_id).collect();
    let parts = engagement::parts(&events, &ids);
    let since = |p: &ymarfer_store::people::Enrolled| {
        ymarfer_domain::uktime::to_local(p.created_at)
            .date()
            .max(cohort.starts_on.unwrap_or(today))
    };
    let rows: Vec<Row> = people
        .iter()
        .zip(parts)
        .map(|(p, part)| Row {
            name: page.person_only(&p.display_name, &p.email),
            last: part
                .last_active
                .map(|d| page.tr.day(d))
                .unwrap_or_else(|| page.t("engagement-never")),
            quiet: engagement::is_quiet(&part, since(p), today),
            part,
        })
        .collect();
    let quiet = rows
        .iter()
        .filter(|r| r.quiet)
        .map(|r| r.name.clone())
        .collect();
    let mut page = page;
    page.title = page.t1(
        "engagement-title",
        "cohort",
        page.pick(&cohort.name_en, &cohort.name_cy),
    );
    render(&EngagementPage {
        page,
        programme,
        cohort,
        weeks,
        members,
        rows,
        quiet,
    })
}
