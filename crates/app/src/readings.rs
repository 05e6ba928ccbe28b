//! Readings of a project's measure, drawn on its run chart.

use crate::acting::{Acting, Door};
use crate::error::Result;
use crate::projects::project_for;
use crate::services::Services;
use chrono::NaiveDate;
use ymarfer_domain::Action;
use ymarfer_domain::audit::AuditAction;

/// A reading of the measure, checked: the day, the value in hundredths of the
/// measure's unit, and a note.
#[derive(Debug, Clone)]
pub struct NewReading<'a> {
    pub taken_on: NaiveDate,
    pub value: i64,
    pub note: &'a str,
}

/// A reading recorded, or the same one there already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub id: i64,
    /// False when the project had this reading already (the same day, value
    /// and note: sent twice): nothing was written.
    pub new: bool,
}

/// Records a reading of a project's measure. The same reading sent again
/// from a page (a form has no key) is the one recorded already; nothing more
/// is written. At the API a retry carries its `Idempotency-Key`, and a request
/// without one is a reading of its own, as the API promises.
pub async fn record(
    s: &Services,
    acting: &Acting,
    project: i64,
    reading: NewReading<'_>,
) -> Result<Recorded> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let mut event = acting.event(AuditAction::ReadingRecorded);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("project {project}");
    event.detail = format!(
        "{}: {} {}",
        reading.taken_on,
        crate::i18n::format_hundredths(reading.value),
        ctx.project.aim_unit
    )
    .trim_end()
    .to_string();
    let (id, new) =
        s.db.record_reading(
            project,
            reading.taken_on,
            reading.value,
            reading.note,
            acting.user_id(),
            acting.door != Door::Api,
            &event,
        )
        .await?;
    Ok(Recorded { id, new })
}
