//! The organisations taking part, a page at a time (`/organisations`).

use super::common::PER_PAGE;
use crate::error::{AppResult, authorise};
use crate::page::{Page, Viewer, render};
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
    total: i64,
    /// This page's number (from 1) and the last page's.
    number: i64,
    last: i64,
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
    fn page_href(&self, n: i64) -> String {
        self.page.href(&format!("organisations?page={n}"))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    page: Option<String>,
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
    let number = q
        .page
        .as_deref()
        .and_then(|n| n.trim().parse::<i64>().ok())
        .unwrap_or(1)
        .max(1);
    let (rows, total) = state
        .db
        .organisations_page(&scope, (number - 1) * PER_PAGE, PER_PAGE)
        .await?;
    let last = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let mut page = page.titled("organisations-title");
    if last > 1 {
        page.title = page.args(
            "organisations-page-title",
            [("number", number.to_string()), ("last", last.to_string())],
        );
    }
    render(&ListPage {
        page,
        rows,
        total,
        number,
        last,
    })
}
