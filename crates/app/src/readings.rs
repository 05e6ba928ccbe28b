//! Readings of a project's measure, drawn on its run chart.

use crate::acting::{Acting, Door};
use crate::audit::moved;
use crate::error::{Error, Result};
use crate::projects::project_for;
use crate::services::Services;
use chrono::NaiveDate;
use ymarfer_domain::Action;
use ymarfer_domain::audit::AuditAction;
use ymarfer_store::projects::ReadingChange;

/// A reading of the measure, checked: the day, the value in hundredths of the
/// measure's unit, and a note.
#[derive(Debug, Clone)]
pub struct NewReading<'a> {
    pub taken_on: NaiveDate,
    pub value: i64,
    pub note: &'a str,
    /// The language the note is written in.
    pub lang: ymarfer_domain::Lang,
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
            (reading.note, reading.lang),
            acting.user_id(),
            acting.door != Door::Api,
            &event,
        )
        .await?;
    Ok(Recorded { id, new })
}

/// Corrects a reading, keeping what it said before in its history. Nothing is
/// written or recorded when it says so already; the value before and after
/// is recorded when it moves. True when it changed.
pub async fn correct(
    s: &Services,
    acting: &Acting,
    project: i64,
    reading: i64,
    to: NewReading<'_>,
) -> Result<bool> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let Some(now) =
        s.db.readings(project)
            .await?
            .into_iter()
            .find(|r| r.id == reading)
    else {
        return Err(Error::NotFound);
    };
    if (
        now.taken_on,
        now.value,
        now.note.as_str(),
        now.lang.as_str(),
    ) == (to.taken_on, to.value, to.note, to.lang.code())
    {
        return Ok(false);
    }
    let mut event = acting.event(AuditAction::ReadingCorrected);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("reading {reading} of project {project}");
    event.detail = moved_reading(now.taken_on, now.value, to.taken_on, to.value);
    let change = ReadingChange::Correct {
        taken_on: to.taken_on,
        value: to.value,
        note: to.note,
        lang: to.lang,
    };
    if !s
        .db
        .correct_reading(project, reading, change, acting.user_id(), &event)
        .await?
    {
        return Err(Error::NotFound);
    }
    Ok(true)
}

/// Removes a reading, keeping what it said in its history. A reading removed
/// already (the form sent twice) is left so: nothing more is recorded. True
/// when it was removed now; a reading the project never had is not found.
pub async fn remove(s: &Services, acting: &Acting, project: i64, reading: i64) -> Result<bool> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let Some(now) =
        s.db.readings(project)
            .await?
            .into_iter()
            .find(|r| r.id == reading)
    else {
        // Removed already (the form sent twice) is done; never there is not found.
        let removed = s.db.reading_history(project).await?.iter().any(|h| {
            h.reading_id == reading && h.action == ymarfer_domain::projects::ReadingAction::Removed
        });
        return if removed {
            Ok(false)
        } else {
            Err(Error::NotFound)
        };
    };
    let mut event = acting.event(AuditAction::ReadingRemoved);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("reading {reading} of project {project}");
    event.detail = format!(
        "{}: {}",
        now.taken_on,
        crate::i18n::format_hundredths(now.value)
    );
    Ok(s.db
        .correct_reading(
            project,
            reading,
            ReadingChange::Remove,
            acting.user_id(),
            &event,
        )
        .await?)
}

/// A reading's day and value before and after, for the trail.
fn moved_reading(day: NaiveDate, value: i64, to_day: NaiveDate, to_value: i64) -> String {
    let mut parts = Vec::new();
    if day != to_day {
        parts.push(format!(
            "day {}",
            moved(&day.to_string(), &to_day.to_string())
        ));
    }
    if value != to_value {
        parts.push(format!(
            "value {}",
            moved(
                &crate::i18n::format_hundredths(value),
                &crate::i18n::format_hundredths(to_value)
            )
        ));
    }
    if parts.is_empty() {
        "note".to_string()
    } else {
        parts.join("; ")
    }
}

/// The day a cycle's change began: the day the team says it was tested, or
/// (when they have not said) the day the cycle was logged.
pub fn change_day(cycle: &ymarfer_store::projects::Cycle) -> NaiveDate {
    cycle
        .tested_on
        .unwrap_or_else(|| ymarfer_domain::uktime::to_local(cycle.created_at).date())
}

/// What the run chart rules say about a project's readings (oldest first),
/// with the day its first change began and which way its aim says is better
/// (a target below the baseline: lower).
pub struct Judged {
    pub analysis: ymarfer_domain::runchart::Analysis,
    pub first_change: Option<NaiveDate>,
    pub better: Option<ymarfer_domain::runchart::Better>,
    /// The day of each reading, by the indexes the signals use.
    pub days: Vec<NaiveDate>,
}

pub fn judge(
    project: &ymarfer_store::projects::Project,
    readings: &[ymarfer_store::projects::Reading],
    cycles: &[ymarfer_store::projects::Cycle],
) -> Judged {
    let first_change = cycles.iter().map(change_day).min();
    let series: Vec<(NaiveDate, i64)> = readings.iter().map(|r| (r.taken_on, r.value)).collect();
    Judged {
        analysis: ymarfer_domain::runchart::analyse(&series, first_change),
        first_change,
        better: ymarfer_domain::runchart::Better::of(project.aim_baseline, project.aim_target),
        days: series.iter().map(|r| r.0).collect(),
    }
}
