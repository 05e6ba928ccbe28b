//! The benefit claims a viewer may verify, and where the queue sends them back to.

use crate::error::AppError;
use crate::page::Viewer;
use crate::state::AppState;
use ymarfer_app::projects::Relation;
use ymarfer_domain::projects::Visibility;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::ledger::Claim;
use ymarfer_store::programmes::Programme;

/// The claims of a programme that the viewer may verify, oldest first.
pub async fn verifiable_claims(
    state: &AppState,
    viewer: &Viewer,
    p: &Programme,
) -> Result<Vec<Claim>, AppError> {
    Ok(state
        .db
        .claims_in(p.id)
        .await?
        .into_iter()
        .filter(|claim| may_verify_in(viewer, p, claim.cohort_id))
        .collect())
}

/// How many claims wait that the viewer may verify, counted by cohort.
pub async fn verifiable_claim_count(
    state: &AppState,
    viewer: &Viewer,
    p: &Programme,
) -> Result<i64, AppError> {
    Ok(state
        .db
        .claims_by_cohort(p.id)
        .await?
        .into_iter()
        .filter(|(cohort, _)| may_verify_in(viewer, p, *cohort))
        .map(|(_, n)| n)
        .sum())
}

/// Verifying needs no relation to the firm, only a staff role in its cohort.
fn may_verify_in(viewer: &Viewer, p: &Programme, cohort: i64) -> bool {
    let facts = Relation::none().facts(p.id, cohort, 0, Visibility::Private, false);
    can(
        viewer.actor(),
        Action::VerifyBenefit,
        Resource::Project(facts),
    )
    .allowed()
}

/// Where the verify page returns to after a claim from a queue: the
/// programme's queue, or one cohort's (`queue/SLUG`).
pub fn queue_return(p: &Programme, from: &str) -> Option<String> {
    match from.strip_prefix("queue") {
        Some("") => Some(format!("programmes/{}/claims?done=verified", p.slug)),
        Some(rest) => {
            let cohort = ymarfer_domain::programme::Slug::parse(rest.strip_prefix('/')?)?;
            Some(format!(
                "programmes/{}/claims?cohort={}&done=verified",
                p.slug,
                cohort.as_str()
            ))
        }
        None => None,
    }
}
