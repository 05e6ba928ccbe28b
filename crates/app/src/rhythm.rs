//! The rhythm of sessions: at a session each person commits to what they will
//! try before the next; at a later one they check in on it. And the personal
//! learning log, private until a reflection is shared with the cohort. Each
//! act is the person's own, asked of the policy as a write in the cohort's
//! space, recorded with its audit event in one transaction (naming records by
//! number, never quoting the person's words), and changes nothing when sent
//! twice.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::services::Services;
use chrono::Utc;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::space::{BODY_MAX, COMMITMENT_MAX, CheckIn};
use ymarfer_domain::{Action, Resource};
use ymarfer_store::programmes::Cohort;

/// A record made, or found made already by the same form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    pub id: i64,
    /// False when the same form made it already: nothing was written.
    pub new: bool,
}

/// The person acting, if they may write in the cohort's space.
fn member_of(acting: &Acting, programme: i64, cohort: i64) -> Result<i64> {
    acting.may(Action::PostInSpace, Resource::Cohort { programme, cohort })?;
    acting.user_id().ok_or(Error::SignIn)
}

/// The words typed, trimmed: required, and at most `max` characters.
fn words(text: &str, max: usize) -> Result<&str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::Invalid("error-required"));
    }
    if text.chars().count() > max {
        return Err(Error::Invalid("error-bad-request"));
    }
    Ok(text)
}

/// Records what the person commits to try before the next session, at a
/// session of the cohort that has begun. The same words by the same person
/// at the same session are one commitment: sent twice, the second finds it
/// and records nothing. Nobody is told: it is the person's own.
pub async fn commit(
    services: &Services,
    acting: &Acting,
    cohort: &Cohort,
    session: i64,
    body: &str,
    lang: ymarfer_domain::Lang,
) -> Result<Made> {
    let me = member_of(acting, cohort.programme_id, cohort.id)?;
    let m = services
        .db
        .meeting(cohort.id, session)
        .await?
        .ok_or(Error::NotFound)?;
    let body = words(body, COMMITMENT_MAX)?;
    if m.starts_at > Utc::now() {
        return Err(Error::Invalid("commitment-error-future"));
    }
    let mut event = acting.event(AuditAction::CommitmentMade);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("session {session} (cohort {})", cohort.id);
    let (id, new) = services
        .db
        .make_commitment(session, me, (body, lang), &event)
        .await?;
    Ok(Made { id, new })
}

/// Checks in, at a session of the cohort, on one of the person's own
/// commitments: how it went, and a note. The same check-in at the same
/// session again changes and records nothing (the answer is false). Someone
/// else's commitment, or one made in another cohort, is not found.
pub async fn check_in(
    services: &Services,
    acting: &Acting,
    cohort: &Cohort,
    session: i64,
    commitment: i64,
    status: CheckIn,
    note: &str,
) -> Result<bool> {
    let me = member_of(acting, cohort.programme_id, cohort.id)?;
    if services.db.meeting(cohort.id, session).await?.is_none() {
        return Err(Error::NotFound);
    }
    // Only the person's own commitments, made in this cohort.
    if !services
        .db
        .commitments(cohort.id, me)
        .await?
        .iter()
        .any(|c| c.id == commitment)
    {
        return Err(Error::NotFound);
    }
    let note = note.trim();
    if note.chars().count() > COMMITMENT_MAX {
        return Err(Error::Invalid("error-bad-request"));
    }
    let mut event = acting.event(AuditAction::CommitmentCheckedIn);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!(
        "commitment {commitment}, at session {session} (cohort {})",
        cohort.id
    );
    event.detail = status.as_str().to_string();
    services
        .db
        .check_in_recorded(commitment, me, status, note, session, &event)
        .await?
        .ok_or(Error::NotFound)
}

/// Adds a reflection to the person's learning log, for one of their cohorts.
/// It stays private until they share it. The same words for the same cohort
/// again are the same reflection: nothing more is written or recorded.
pub async fn reflect(
    services: &Services,
    acting: &Acting,
    cohort: &Cohort,
    body: &str,
    lang: ymarfer_domain::Lang,
) -> Result<Made> {
    let me = member_of(acting, cohort.programme_id, cohort.id)?;
    let body = words(body, BODY_MAX)?;
    let mut event = acting.event(AuditAction::ReflectionAdded);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("cohort {}", cohort.id);
    let (id, new) = services
        .db
        .reflect(me, cohort.id, (body, lang), &event)
        .await?;
    Ok(Made { id, new })
}

/// Shares one of the person's reflections with its cohort, as a post in the
/// language it was written in; only into a space they are still of. A reflection shared
/// already is left as it is: its post, and nothing more recorded.
pub async fn share_reflection(
    services: &Services,
    acting: &Acting,
    reflection: i64,
) -> Result<Made> {
    acting.may(Action::ViewSignedInPages, Resource::Site)?;
    let me = acting.user_id().ok_or(Error::SignIn)?;
    let r = services
        .db
        .reflections(me)
        .await?
        .into_iter()
        .find(|r| r.id == reflection)
        .ok_or(Error::NotFound)?;
    let cohort = services
        .db
        .cohort_by_id(r.cohort_id)
        .await?
        .ok_or(Error::NotFound)?;
    member_of(acting, cohort.programme_id, cohort.id)?;
    let mut event = acting.event(AuditAction::ReflectionShared);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("cohort {}", cohort.id);
    let (id, new) = services
        .db
        .share_reflection_recorded(reflection, me, Some(&event))
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Made { id, new })
}
