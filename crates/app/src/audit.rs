//! Recording sensitive acts in the audit trail: one call from each act, with
//! who, what, where, and from which address.

use crate::error::Error;
use crate::services::Services;
use ymarfer_domain::Pence;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::impact::Status;
use ymarfer_store::audit::NewAuditEvent;

/// What was done, to what, in which programme.
pub struct Act {
    pub action: AuditAction,
    pub programme: Option<i64>,
    pub subject: String,
    pub detail: String,
}

impl Act {
    pub fn new(action: AuditAction, programme: Option<i64>, subject: impl Into<String>) -> Act {
        Act {
            action,
            programme,
            subject: subject.into(),
            detail: String::new(),
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Act {
        self.detail = detail.into();
        self
    }
}

/// A programme's claimed first-year total now: what a rate or capture-factor
/// change moves, recorded before and after it.
pub async fn claimed_total(state: &Services, programme: i64) -> Result<Pence, Error> {
    Ok(Pence(
        state
            .db
            .ledger_totals(programme, None)
            .await?
            .iter()
            .filter(|t| t.status == Status::Claimed)
            .map(|t| t.first_year_pence)
            .sum(),
    ))
}

/// A figure before and after, for the trail: "£25.00 → £30.00".
pub fn moved(before: &str, after: &str) -> String {
    format!("{before} → {after}")
}

/// Records an act by the signed-in person (`actor_id`).
pub async fn record(
    state: &Services,
    actor_id: Option<i64>,
    address: &str,
    act: Act,
) -> Result<(), Error> {
    record_as(state, actor_id, String::new(), address, act).await
}

/// Records an act by an account (`actor_id`), or by someone with none, named by
/// `actor` (a refused sign-in for an address with no account).
pub async fn record_as(
    state: &Services,
    actor_id: Option<i64>,
    actor: String,
    address: &str,
    act: Act,
) -> Result<(), Error> {
    state
        .db
        .record_audit(&NewAuditEvent {
            actor_id,
            actor,
            action: Some(act.action),
            programme_id: act.programme,
            subject: act.subject,
            detail: act.detail,
            address: address.to_string(),
        })
        .await?;
    Ok(())
}
