//! A project's test-and-learn cycles: begun with a change idea and a
//! prediction, then studied and decided (adopt, adapt or abandon).

use crate::acting::{Acting, Door};
use crate::error::{Error, Result};
use crate::projects::project_for;
use crate::services::Services;
use ymarfer_domain::Action;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::projects::CycleDecision;
use ymarfer_store::projects::{Cycle, CycleInput};

/// A cycle begun, or the one the same form began already.
#[derive(Debug, Clone)]
pub struct Begun {
    pub cycle: Cycle,
    /// False when the project's latest cycle said the same already (the form
    /// sent twice): nothing was written.
    pub new: bool,
}

/// Begins a cycle on a project, numbered after its last. The same cycle sent
/// again from a page (the latest says the same) is given back and nothing is
/// written; at the API a retry carries its `Idempotency-Key`, and a request
/// without one begins a cycle of its own, as the API promises.
pub async fn start(
    s: &Services,
    acting: &Acting,
    project: i64,
    input: &CycleInput,
) -> Result<Begun> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let mut event = acting.event(AuditAction::CycleStarted);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("project {project}");
    event.detail = decided(None, input.decision);
    let (cycle, new) =
        s.db.start_cycle(
            project,
            input,
            acting.user_id(),
            acting.door != Door::Api,
            &event,
        )
        .await?;
    Ok(Begun { cycle, new })
}

/// Saves what a cycle found and what was decided. Nothing is written or
/// recorded when it says what the cycle says already; the decision before and
/// after is recorded when it moves. True when something changed.
pub async fn update(
    s: &Services,
    acting: &Acting,
    project: i64,
    number: i64,
    input: &CycleInput,
) -> Result<bool> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let Some(cycle) =
        s.db.cycles(project)
            .await?
            .into_iter()
            .find(|c| c.number == number)
    else {
        return Err(Error::NotFound);
    };
    let before = cycle.input();
    if before == *input {
        return Ok(false);
    }
    let mut event = acting.event(AuditAction::CycleChanged);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("cycle {number} of project {project}");
    event.detail = decided(before.decision, input.decision);
    if !s
        .db
        .update_cycle_recorded(project, number, &before, input, &event)
        .await?
    {
        return Err(Error::Invalid("cycle-changed-meanwhile"));
    }
    Ok(true)
}

/// The decision before and after, for the trail.
fn decided(before: Option<CycleDecision>, after: Option<CycleDecision>) -> String {
    let name = |d: Option<CycleDecision>| d.map_or("undecided", CycleDecision::as_str);
    if before == after {
        format!("decision {}", name(after))
    } else {
        format!(
            "decision {}",
            crate::audit::moved(name(before), name(after))
        )
    }
}
