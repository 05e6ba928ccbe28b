//! How a cohort's capability changed, as the impact page shows it.

use crate::error::AppError;
use crate::state::AppState;
use ymarfer_domain::Lang;
use ymarfer_domain::capability::{self, PairedChange};

/// Per question: (question, pairs, mean before, mean after), from people who
/// answered both before and after.
pub async fn capability_change(
    state: &AppState,
    lang: Lang,
    programme: i64,
    cohort: Option<i64>,
) -> Result<Vec<(String, PairedChange)>, AppError> {
    let answers = state.db.capability_in(programme, cohort).await?;
    let answers: Vec<capability::Answer<'_>> = answers
        .iter()
        .map(|(c, a)| capability::Answer {
            cohort: *c,
            person: a.user_id,
            question: &a.question,
            after: a.stage == capability::Moment::After,
            score: a.score,
        })
        .collect();
    Ok(capability::paired_changes(&answers)
        .into_iter()
        .map(|(q, change)| (q.text(lang).to_string(), change))
        .collect())
}
