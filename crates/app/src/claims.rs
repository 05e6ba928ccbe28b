//! Reviewing a claimed saving: verifying it, sending it back to the claimant
//! for rework, rejecting it, or reopening a verified line. Each act asks the
//! policy itself, refuses a version other than the one the reviewer saw, and
//! writes the new state of the line, its audit record and the claimant's
//! notice in one transaction. The same act sent twice does nothing the second
//! time.

use crate::acting::{Acting, refusal};
use crate::error::{Error, Result};
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::authz::missing;
use ymarfer_domain::impact::Status;
use ymarfer_domain::{Action, Decision, Resource};
use ymarfer_store::ledger::{Claim, Review, Reviewed};
use ymarfer_store::programmes::Programme;

/// The longest note or reason a reviewer may write, in characters.
pub const NOTE_MAX: usize = 1000;

/// Which line, which version the reviewer saw, and what they wrote.
#[derive(Debug, Clone)]
pub struct Seen<'a> {
    pub project: i64,
    pub line: i64,
    pub version: i64,
    /// Why the reviewer is satisfied (verify), or why the claim goes back, is
    /// rejected or is reopened: required.
    pub note: &'a str,
}

/// What became of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done: the line is at its new status, the claimant told, the act recorded.
    Done,
    /// The same review was done already (the form was sent twice); nothing changed.
    AlreadyDone,
    /// The line changed since the reviewer looked; nothing changed.
    Changed { seen: i64, current: i64 },
    /// The line's status does not allow this review; nothing changed.
    NotOpen { status: Status },
}

impl Outcome {
    /// The Fluent message that says why nothing was done, if nothing was.
    pub fn message_id(&self) -> Option<&'static str> {
        match self {
            Outcome::Done | Outcome::AlreadyDone => None,
            Outcome::Changed { .. } => Some("benefit-verify-changed"),
            Outcome::NotOpen { .. } => Some("claim-review-not-open"),
        }
    }
}

/// Verifies a claim: the saving counts from now on.
pub async fn verify(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Verify).await
}

/// Sends a claim back to the claimant for rework, with the reason: they may
/// change it and claim it again.
pub async fn return_claim(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Return).await
}

/// Rejects a claim, with the reason: the line is closed.
pub async fn reject(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Reject).await
}

/// Returns a verified line to claimed, with the reason, as a new version.
pub async fn reopen(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Reopen).await
}

/// The record each review leaves in the audit trail.
fn audit_action(review: Review) -> AuditAction {
    match review {
        Review::Verify => AuditAction::LineVerified,
        Review::Return => AuditAction::LineReturned,
        Review::Reject => AuditAction::LineRejected,
        Review::Reopen => AuditAction::LineReopened,
    }
}

/// Checks a reviewer's note: required, and at most [`NOTE_MAX`] characters.
/// The error names the Fluent message that says what is wrong.
pub fn check_note(note: &str) -> Result<&str> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::Invalid("error-required"));
    }
    if note.chars().count() > NOTE_MAX {
        return Err(Error::Invalid("claim-note-too-long"));
    }
    Ok(note)
}

async fn review(s: &Services, acting: &Acting, seen: Seen<'_>, review: Review) -> Result<Outcome> {
    let programme = authorise(s, acting, seen.project).await?;
    if s.db.benefit_line_project(seen.line).await? != Some(seen.project) {
        return Err(Error::NotFound);
    }
    let note = check_note(seen.note)?;
    let by = acting.user_id().ok_or(Error::SignIn)?;
    let mut audit = acting.event(audit_action(review));
    audit.programme_id = Some(programme);
    audit.subject = format!(
        "line {} version {}, project {}",
        seen.line, seen.version, seen.project
    );
    audit.detail = note.to_string();
    let outcome =
        s.db.review_benefit_line(seen.line, by, seen.version, review, note, &audit)
            .await?;
    Ok(match outcome {
        Reviewed::Done => Outcome::Done,
        Reviewed::AlreadyDone => Outcome::AlreadyDone,
        Reviewed::Changed { current } => Outcome::Changed {
            seen: seen.version,
            current,
        },
        Reviewed::NotOpen { status } => Outcome::NotOpen { status },
    })
}

/// Asks the policy whether the person may review the project's claims; the
/// project's programme if so. Who relates to the project is the rule
/// [`crate::projects::Relation`] writes once for every door.
async fn authorise(s: &Services, acting: &Acting, project: i64) -> Result<i64> {
    let hide = || hidden(missing(acting.actor.as_ref()));
    let Some(p) = s.db.project(project).await? else {
        return Err(hide());
    };
    let Some((facts, cohort)) = crate::projects::facts_of(s, acting, &p).await? else {
        return Err(hide());
    };
    acting.may(Action::VerifyBenefit, Resource::Project(facts))?;
    Ok(cohort.programme_id)
}

/// The refusal for a project that is not there (an `Allow` here is hidden too).
fn hidden(decision: Decision) -> Error {
    match refusal(decision) {
        Ok(()) => Error::NotFound,
        Err(e) => e,
    }
}

/// The claims of a programme the person may review, oldest first: the
/// claims queue, whichever door shows it.
pub async fn queue(s: &Services, acting: &Acting, programme: &Programme) -> Result<Vec<Claim>> {
    Ok(s.db
        .claims_in(programme.id)
        .await?
        .into_iter()
        .filter(|claim| may_review_in(acting, programme.id, claim.cohort_id))
        .collect())
}

/// How many claims wait that the person may review, counted in one query.
pub async fn waiting(s: &Services, acting: &Acting, programme: &Programme) -> Result<i64> {
    Ok(s.db
        .claims_by_cohort(programme.id)
        .await?
        .into_iter()
        .filter(|(cohort, _)| may_review_in(acting, programme.id, *cohort))
        .map(|(_, n)| n)
        .sum())
}

/// Reviewing needs no relation to the firm, only a staff role in its cohort.
fn may_review_in(acting: &Acting, programme: i64, cohort: i64) -> bool {
    let facts = crate::projects::Relation::none().facts(
        programme,
        cohort,
        0,
        ymarfer_domain::projects::Visibility::Private,
        false,
    );
    acting
        .decide(Action::VerifyBenefit, Resource::Project(facts))
        .allowed()
}
