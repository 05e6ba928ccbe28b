//! A participant's own view of their capability to innovate, asked at the
//! start of a cohort and again at its end: the change is one of the outcomes
//! a programme reports.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::services::Services;
use ymarfer_domain::capability::{Moment, QUESTIONS, SCALE};
use ymarfer_domain::{Action, Resource};

/// Records one's answers at a stage: every question, each on the scale. They
/// replace one's earlier answers at that stage, so the same answers again
/// change nothing.
pub async fn answer(
    s: &Services,
    acting: &Acting,
    programme: i64,
    cohort: i64,
    stage: Moment,
    scores: &[(&str, i64)],
) -> Result<()> {
    acting.may(
        Action::AnswerCapability,
        Resource::Cohort { programme, cohort },
    )?;
    let me = acting.user_id().ok_or(Error::SignIn)?;
    let complete = QUESTIONS.iter().all(|q| {
        scores
            .iter()
            .any(|(id, score)| *id == q.id && SCALE.contains(score))
    });
    if !complete || scores.len() != QUESTIONS.len() {
        return Err(Error::Invalid("capability-error"));
    }
    s.db.save_capability(cohort, me, stage, scores).await?;
    Ok(())
}
