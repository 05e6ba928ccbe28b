//! Reviewing a claimed saving: verifying it, asking the claimant a question
//! (which they answer on the claim), sending it back to the claimant for
//! rework, rejecting it, or reopening a verified line. Each act asks the
//! policy itself, refuses a version other than the one the reviewer saw, and
//! writes the new state of the line, its audit record and the claimant's
//! notice in one transaction. The same act sent twice does nothing the second
//! time.

use crate::acting::{Acting, refusal};
use crate::error::{Error, Result};
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::authz::missing;
use ymarfer_domain::evidence::{Evidence, Fit};
use ymarfer_domain::impact::Status;
use ymarfer_domain::{Action, Decision as Policy, Resource};
use ymarfer_store::ledger::{Claim, Review, Reviewed};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::seek::{Paged, Seek};

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

/// What a reviewer may decide about a claim, as every door offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Verify,
    Query,
    Return,
    Reject,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Verify,
        Decision::Query,
        Decision::Return,
        Decision::Reject,
    ];

    /// The code a form or the API sends.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Verify => "verify",
            Decision::Query => "query",
            Decision::Return => "return",
            Decision::Reject => "reject",
        }
    }

    /// The Fluent message naming the choice.
    pub fn message_id(self) -> &'static str {
        match self {
            Decision::Verify => "review-verify",
            Decision::Query => "review-query",
            Decision::Return => "review-return",
            Decision::Reject => "review-reject",
        }
    }

    /// The decision a code names.
    pub fn parse(code: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.code() == code.trim())
    }

    /// The word the page that follows a done review is told (`?done=`).
    pub fn done(self) -> &'static str {
        match self {
            Decision::Verify => "verified",
            Decision::Query => "queried",
            Decision::Return => "returned",
            Decision::Reject => "rejected",
        }
    }
}

/// Verifies a claim: the saving counts from now on.
pub async fn verify(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Verify).await
}

/// Asks the claimant a question about a claim (the note): the claim waits for
/// their answer and counts nowhere meanwhile.
pub async fn query(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Query).await
}

/// The claimant's answer to a reviewer's question (the note): the line is
/// claimed again, as a new version carrying the answer, and the reviewer who
/// asked is told. Anyone who may edit the project may answer.
pub async fn answer(s: &Services, acting: &Acting, seen: Seen<'_>) -> Result<Outcome> {
    review(s, acting, seen, Review::Answer).await
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
        Review::Query => AuditAction::LineQueried,
        Review::Answer => AuditAction::LineAnswered,
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
    let action = match review {
        Review::Answer => Action::EditProject,
        _ => Action::VerifyBenefit,
    };
    let programme = authorise(s, acting, seen.project, action).await?;
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

/// Asks the policy whether the person may act so on the project's claims
/// (review them, or answer a question as one who may edit the project); the
/// project's programme if so. Who relates to the project is the rule
/// [`crate::projects::Relation`] writes once for every door.
async fn authorise(s: &Services, acting: &Acting, project: i64, action: Action) -> Result<i64> {
    let hide = || hidden(missing(acting.actor.as_ref()));
    let Some(p) = s.db.project(project).await? else {
        return Err(hide());
    };
    let Some((facts, cohort)) = crate::projects::facts_of(s, acting, &p).await? else {
        return Err(hide());
    };
    acting.may(action, Resource::Project(facts))?;
    Ok(cohort.programme_id)
}

/// The refusal for a project that is not there (an `Allow` here is hidden too).
fn hidden(decision: Policy) -> Error {
    match refusal(decision) {
        Ok(()) => Error::NotFound,
        Err(e) => e,
    }
}

/// A claim in the queue, with who claimed it and the evidence its project holds.
#[derive(Debug, Clone)]
pub struct Queued {
    pub claim: Claim,
    pub evidence: Evidence,
    /// How the evidence stands against the claim's category.
    pub fit: Fit,
}

/// One page of the claims queue of a programme, as the person may review it.
#[derive(Debug, Clone)]
pub struct Queue {
    /// Claims waiting for review, in the order their lines were entered.
    pub waiting: Paged<Queued>,
    /// Claims queried, waiting for the claimant's answer, in the same order.
    pub queried: Paged<Queued>,
    /// How many claims wait in each cohort the person may review (those
    /// with any), whichever cohort is shown.
    pub by_cohort: Vec<(i64, i64)>,
    /// How many claims wait, and how many are queried, in what is shown.
    pub waiting_total: i64,
    pub queried_total: i64,
}

/// How many claims a page of the queue shows.
pub const QUEUE_PAGE: i64 = 50;

/// A page of the claims of a programme the person may review (optionally
/// one cohort's), in the order their lines were entered, and a page of those
/// waiting for a claimant's answer: the claims queue, whichever door shows
/// it. Each page is sought in the index from where the last one ended, so
/// the queue costs the same five queries however long it is; `cohorts` are
/// the programme's.
pub async fn queue(
    s: &Services,
    acting: &Acting,
    programme: &Programme,
    cohorts: &[Cohort],
    cohort: Option<i64>,
    waiting: Seek,
    queried: Seek,
) -> Result<Queue> {
    let allowed: Vec<i64> = cohorts
        .iter()
        .map(|c| c.id)
        .filter(|c| may_review_in(acting, programme.id, *c))
        .filter(|c| cohort.is_none_or(|only| only == *c))
        .collect();
    // Every cohort of the programme needs no naming.
    let only = (allowed.len() < cohorts.len()).then_some(allowed.as_slice());
    let waiting =
        s.db.claims_page(programme.id, false, only, waiting, QUEUE_PAGE)
            .await?;
    let queried =
        s.db.claims_page(programme.id, true, only, queried, QUEUE_PAGE)
            .await?;
    let mut projects: Vec<i64> = waiting
        .items
        .iter()
        .chain(&queried.items)
        .map(|c| c.project_id)
        .collect();
    projects.sort_unstable();
    projects.dedup();
    let held = s.db.evidence_of_projects(&projects).await?;
    let queue_of = |page: Paged<Claim>| Paged {
        previous: page.previous,
        next: page.next,
        items: page
            .items
            .into_iter()
            .map(|claim| {
                let evidence = held.get(&claim.project_id).cloned().unwrap_or_default();
                let fit = ymarfer_domain::evidence::fit(claim.v.category, &evidence);
                Queued {
                    claim,
                    evidence,
                    fit,
                }
            })
            .collect(),
    };
    let by_cohort: Vec<(i64, i64)> =
        s.db.claims_by_cohort(programme.id)
            .await?
            .into_iter()
            .filter(|(c, n)| *n > 0 && may_review_in(acting, programme.id, *c))
            .collect();
    let waiting_total = by_cohort
        .iter()
        .filter(|(c, _)| allowed.contains(c))
        .map(|(_, n)| n)
        .sum();
    let queried_total =
        s.db.queried_by_cohort(programme.id)
            .await?
            .into_iter()
            .filter(|(c, _)| allowed.contains(c))
            .map(|(_, n)| n)
            .sum();
    Ok(Queue {
        waiting: queue_of(waiting),
        queried: queue_of(queried),
        by_cohort,
        waiting_total,
        queried_total,
    })
}

/// The evidence one project holds for its claims, and how it stands against
/// a claim of `category` (for the verification page).
pub async fn evidence_of(
    s: &Services,
    project: i64,
    category: ymarfer_domain::impact::Category,
) -> Result<(Evidence, Fit)> {
    let evidence = s.db.project_evidence(project).await?;
    let fit = ymarfer_domain::evidence::fit(category, &evidence);
    Ok((evidence, fit))
}

/// How many claims wait that the person may review, counted in one query.
pub async fn waiting(s: &Services, acting: &Acting, programme: &Programme) -> Result<i64> {
    Ok(waiting_by_cohort(s, acting, programme.id)
        .await?
        .into_iter()
        .map(|(_, n)| n)
        .sum())
}

/// How many claims wait in each of a programme's cohorts where the person
/// may review them: (cohort, claims), counted in one query.
pub async fn waiting_by_cohort(
    s: &Services,
    acting: &Acting,
    programme: i64,
) -> Result<Vec<(i64, i64)>> {
    Ok(s.db
        .claims_by_cohort(programme)
        .await?
        .into_iter()
        .filter(|(cohort, _)| may_review_in(acting, programme, *cohort))
        .collect())
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
