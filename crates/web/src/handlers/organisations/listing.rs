//! The organisations taking part, a page at a time (`/organisations`).

use super::common::PER_PAGE;
use crate::error::{AppResult, authorise};
use crate::page::{Page, Viewer, render};
use crate::paging::{self, Pager};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use ymarfer_domain::authz::organisation_programmes;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::reference::{self};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::organisations::{InProgrammes, OrganisationRow};

#[derive(Template)]
#[template(path = "organisations/list.html")]
struct ListPage {
    page: Page,
    rows: Vec<OrganisationRow>,
    pager: Pager,
}

impl ListPage {
    fn area(&self, code: &str) -> &'static str {
        reference::area(code)
            .map(|a| a.name(self.page.lang))
            .unwrap_or("")
    }
    fn band(&self, band: &EmployeeBand) -> String {
        self.page.t(band.message_id())
    }
    fn active_at_entry(&self, row: &OrganisationRow) -> Option<bool> {
        row.entry().map(|a| a.innovation().is_innovation_active())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    /// Where the page starts (or ends): an organisation's id.
    after: Option<String>,
    before: Option<String>,
}

/// The organisations taking part in the programmes the viewer works in, a page
/// at a time.
pub async fn list(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::StaffWork, Resource::Site))?;
    let scope = match viewer
        .actor()
        .and_then(|a| organisation_programmes(a, Action::ViewOrganisation))
    {
        None => InProgrammes::All,
        Some(ids) => InProgrammes::Only(ids),
    };
    let seek = paging::seek(q.after.as_deref(), q.before.as_deref())?;
    let (found, total) = state.db.organisations_seek(&scope, seek, PER_PAGE).await?;
    let pager = Pager::of(
        &page.href("organisations"),
        ("after", "before"),
        &found,
        total,
    );
    let page = page.titled("organisations-title");
    render(&ListPage {
        page,
        rows: found.items,
        pager,
    })
}
