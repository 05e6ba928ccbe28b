//! The audit trail (`/admin/audit` for administrators, `/programmes/{p}/audit`
//! for a programme's managers): filterable, pageable, and exportable as CSV.

use super::ClientAddr;
use crate::context;
use crate::error::{AppResult, authorise};
use crate::page::{Page, Viewer, render};
use crate::paging::{self, Pager};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use ymarfer_app::audit::{Act, record};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::csvout::CsvOut;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::audit::{AUDIT_COUNT_MOST, AUDIT_PAGE, AuditEvent, AuditQuery};

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AuditFilter {
    action: String,
    from: String,
    to: String,
    /// Where the page starts (or ends): an event's id.
    after: Option<String>,
    before: Option<String>,
    format: String,
}

impl AuditFilter {
    fn query(&self, programme: Option<i64>) -> AuditQuery {
        let (from, to) = crate::parse::period(&self.from, &self.to);
        AuditQuery {
            programme,
            action: AuditAction::parse(&self.action),
            from,
            to,
            actor: None,
        }
    }

    /// This filter's address (or as CSV).
    fn href(&self, base: &str, format: &str) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        if !format.is_empty() {
            q.append_pair("format", format);
        }
        let q = q.finish();
        if q.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{q}")
        }
    }
}

/// Who did it: the account as it is now, "former participant" once erased, or
/// the address typed when there was no account.
fn who(tr: ymarfer_app::i18n::Tr, e: &AuditEvent) -> String {
    match (e.actor_id, &e.actor_name, &e.actor_email) {
        (Some(_), _, _) if e.actor_erased => tr.t("former-participant"),
        (Some(_), Some(name), Some(email)) if !name.is_empty() => format!("{name} <{email}>"),
        (Some(_), _, Some(email)) => email.clone(),
        _ if e.actor.is_empty() => "—".into(),
        _ => e.actor.clone(),
    }
}

pub struct AuditRow {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
    pub address: String,
}

#[derive(Template)]
#[template(path = "audit/list.html")]
struct AuditPage {
    page: Page,
    rows: Vec<AuditRow>,
    filter: AuditFilter,
    actions: Vec<(&'static str, String)>,
    action_href: String,
    csv_href: String,
    pager: Pager,
    /// How many events match, when more than the trail counts.
    more_than: Option<i64>,
    none: Option<String>,
}

/// Administrators: every event.
pub async fn site(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Query(filter): Query<AuditFilter>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::ViewAudit, Resource::Site))?;
    let base = page.href("admin/audit");
    let title = page.t("audit-title");
    trail(state, page, viewer, addr, filter, None, base, title).await
}

/// A programme's managers: its events.
pub async fn programme(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(slug): Path<String>,
    Query(filter): Query<AuditFilter>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ViewAudit).await?;
    let base = page.href(&format!("programmes/{slug}/audit"));
    let title = page.t1(
        "audit-programme-title",
        "name",
        page.pick(&p.name_en, &p.name_cy),
    );
    trail(state, page, viewer, addr, filter, Some(p.id), base, title).await
}

#[allow(clippy::too_many_arguments)]
async fn trail(
    state: AppState,
    page: Page,
    viewer: Viewer,
    addr: String,
    filter: AuditFilter,
    programme: Option<i64>,
    base: String,
    title: String,
) -> AppResult {
    let tr = page.tr;
    let query = filter.query(programme);
    if filter.format == "csv" {
        // Every matching event, newest first; the export itself is recorded.
        let act = Act::new(AuditAction::AuditExported, programme, "audit.csv");
        record(&state, viewer.user_id(), &addr, act).await?;
        let events = state.db.audit_events(&query, i64::MAX / 2, 0).await?;
        let mut w = CsvOut::new();
        w.row([
            tr.t("audit-when"),
            tr.t("audit-who"),
            tr.t("audit-action"),
            tr.t("audit-code"),
            tr.t("audit-what"),
            tr.t("audit-detail"),
            tr.t("audit-from"),
        ])?;
        for e in &events {
            w.row([
                e.at.to_rfc3339(),
                who(tr, e),
                tr.t(e.action.message_id()),
                e.action.as_str().to_string(),
                subject(tr, &e.subject),
                e.detail.clone(),
                e.address.clone(),
            ])?;
        }
        return Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit.csv\"".to_string(),
                ),
            ],
            w.finish()?,
        )
            .into_response());
    }
    let seek = paging::seek(filter.after.as_deref(), filter.before.as_deref())?;
    let (events, total) = state.db.audit_seek(&query, seek, AUDIT_PAGE).await?;
    let pager = Pager::of(&filter.href(&base, ""), ("after", "before"), &events, total);
    let more_than = (total > AUDIT_COUNT_MOST).then_some(AUDIT_COUNT_MOST);
    let rows = events
        .items
        .into_iter()
        .map(|e| AuditRow {
            when: tr.date_time(e.at),
            actor: who(tr, &e),
            action: tr.t(e.action.message_id()),
            subject: subject(tr, &e.subject),
            detail: e.detail,
            address: e.address,
        })
        .collect();
    let mut page = page;
    page.title = title;
    render(&AuditPage {
        pager,
        more_than,
        csv_href: filter.href(&base, "csv"),
        action_href: base,
        actions: AuditAction::ALL
            .iter()
            .map(|a| (a.as_str(), tr.t(a.message_id())))
            .collect(),
        rows,
        filter,
        page,
        none: None,
    })
}

/// An event's subject in the reader's language: the words naming kinds of
/// record translated, numbers, slugs and what people typed as recorded.
fn subject(tr: ymarfer_app::i18n::Tr, recorded: &str) -> String {
    ymarfer_domain::audit::subject_parts(recorded)
        .into_iter()
        .map(|part| match part {
            ymarfer_domain::audit::SubjectPart::Record(id) => tr.t(id),
            ymarfer_domain::audit::SubjectPart::Text(text) => text.to_string(),
        })
        .collect()
}
