//! Reference data every programme shares (`/admin/smes`): how many SMEs each
//! principal area has, entered by an administrator from an official source, so
//! that the funnel reads a programme's reach against them.

use super::{FormData, see_other};
use crate::error::{AppResult, authorise};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_domain::{Action, Resource, can};

#[derive(Template)]
#[template(path = "admin/smes.html")]
struct SmesPage {
    page: Page,
    counts: String,
    source: String,
    errors: FieldErrors,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SmesForm {
    counts: String,
    source: String,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::ManageReference, Resource::Site))?;
    let current = state.db.sme_counts().await?;
    let source = current.first().map(|c| c.2.clone()).unwrap_or_default();
    let counts = current
        .iter()
        .map(|(area, n, _)| format!("{area},{n}"))
        .collect::<Vec<_>>()
        .join("\n");
    let notice = page.done_notice(q.done.as_deref());
    render(&SmesPage {
        page: page.titled("smes-title"),
        counts,
        source,
        errors: FieldErrors::default(),
        notice,
    })
}

pub async fn save(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    FormData(form): FormData<SmesForm>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::ManageReference, Resource::Site))?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let source = parse::text(tr, &mut errors, "source", &form.source, 300, true);
    // Each line: an area (its code or its name in either language), a count.
    let mut counts: Vec<(String, i64)> = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in form
        .counts
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let parsed = line.split_once(',').and_then(|(area, n)| {
            let area = ymarfer_domain::reference::area(area.trim())?;
            let n = n.trim().replace([',', ' '], "").parse::<i64>().ok()?;
            (n > 0).then(|| (area.code.to_string(), n))
        });
        match parsed {
            Some(c) if !counts.iter().any(|x| x.0 == c.0) => counts.push(c),
            _ => bad.push((i + 1).to_string()),
        }
    }
    if !bad.is_empty() {
        errors.add(
            "counts",
            tr.t1("smes-error-lines", "lines", &bad.join(", ")),
        );
    } else if counts.is_empty() {
        errors.add("counts", tr.t("error-required"));
    }
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SmesPage {
                page: page.titled("smes-title"),
                counts: form.counts,
                source: form.source,
                errors,
                notice: None,
            },
        );
    }
    state
        .db
        .replace_sme_counts(&counts, &source, viewer.user_id())
        .await?;
    Ok(see_other(&page.href("admin/smes?done=saved")))
}
