//! A project's benefits ledger, as its page shows it.

use crate::error::AppError;
use crate::state::AppState;
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_domain::Pence;
use ymarfer_domain::impact::Status;
use ymarfer_store::ledger::BenefitVersion;

/// A line of a project's ledger as its page shows it.
pub struct LedgerRow {
    pub line: i64,
    pub description: String,
    pub category: String,
    pub status: String,
    pub status_code: Status,
    pub first_year: String,
    pub versions: i64,
    /// Who verified it, when, and what they wrote.
    pub verified_by: Option<String>,
    /// A reviewer's question waiting for an answer, or why the claim was sent
    /// back or rejected.
    pub note: Option<String>,
}

impl LedgerRow {
    pub fn verified(&self) -> bool {
        self.status_code == Status::Verified
    }

    /// Whether a reviewer's question waits for the claimant's answer.
    pub fn queried(&self) -> bool {
        self.status_code == Status::Queried
    }
}

/// The ledger section of a project page: rows and the totals by status.
pub async fn project_ledger(
    state: &AppState,
    tr: Tr,
    ctx: &ProjectCtx,
) -> Result<(Vec<LedgerRow>, [String; 3]), AppError> {
    let history = state.db.benefit_history(ctx.project.id).await?;
    let org_rate = state
        .db
        .organisation_by_id(ctx.project.organisation_id)
        .await?
        .and_then(|o| o.hourly_rate_pence);
    let programme_rate = Pence(ctx.programme.default_hourly_rate_pence);
    let capture = ymarfer_app::report::capture(&ctx.programme);
    let mut rows = Vec::new();
    let mut totals = ymarfer_domain::impact::FirstYear::default();
    let mut lines: Vec<i64> = history.iter().map(|v| v.line_id).collect();
    lines.dedup();
    for line in lines {
        let versions: Vec<&BenefitVersion> = history.iter().filter(|v| v.line_id == line).collect();
        let Some(v) = versions.last() else { continue };
        let Some(l) = v.line(org_rate) else {
            continue;
        };
        let value = l.first_year_value(programme_rate, capture);
        totals.add(l.status, value);
        rows.push(LedgerRow {
            line,
            description: v.description.clone(),
            category: tr.t(l.category.message_id()),
            status: tr.t(l.status.message_id()),
            status_code: v.status,
            first_year: tr.money(value),
            versions: versions.len() as i64,
            note: match v.status {
                Status::Queried => v
                    .change_note
                    .as_ref()
                    .map(|q| tr.t1("ledger-question", "question", q)),
                Status::Returned | Status::Rejected => v.change_note.clone(),
                _ => None,
            },
            verified_by: v.verified_at.map(|at| {
                tr.args(
                    "benefit-verified-by",
                    &[
                        (
                            "name",
                            v.verifier_name.clone().unwrap_or_else(|| "—".into()),
                        ),
                        ("date", tr.date(at)),
                        ("note", v.verify_note.clone().unwrap_or_default()),
                    ],
                )
            }),
        });
    }
    Ok((
        rows,
        [
            tr.money(totals.verified),
            tr.money(totals.claimed),
            tr.money(totals.forecast),
        ],
    ))
}
