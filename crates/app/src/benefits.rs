//! A project's ledger as its people keep it: a saving forecast or claimed,
//! and a line changed as a new version. Each act asks the policy itself and
//! writes the line with its audit event in one transaction. The ledger never
//! holds the same line twice: a claim with a line's natural key (description,
//! start, category, amount or hours) is that line, whichever door it came by.
//! Reviewing a claim is in [`crate::claims`].

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::projects::project_for;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::impact::Status;
use ymarfer_domain::{Action, Lang, Pence};
use ymarfer_store::ledger::{BenefitInput, Claimed};

/// A line in words for the trail: its description, status and figure.
fn in_words(b: &BenefitInput) -> String {
    let tr = Tr(Lang::En);
    let figure = match (b.amount_pence, b.hours_hundredths) {
        (Some(p), _) => tr.money(Pence(p)),
        (None, Some(h)) => format!("{} hours", crate::i18n::format_hundredths(h)),
        (None, None) => "no figure".to_string(),
    };
    format!(
        "{}: {} {} {}, {}, from {}",
        b.status.as_str(),
        b.category.as_str(),
        b.frequency.as_str(),
        figure,
        b.description.trim(),
        b.starts_on
    )
}

/// Adds a line to a project's ledger, forecast or claimed (never verified:
/// that is a reviewer's act). A line the ledger holds already is answered
/// with and left as it is.
pub async fn add(
    s: &Services,
    acting: &Acting,
    project: i64,
    input: &BenefitInput,
) -> Result<Claimed> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let action = match input.status {
        Status::Forecast => AuditAction::LineForecast,
        _ => AuditAction::LineClaimed,
    };
    let mut event = acting.event(action);
    event.programme_id = Some(ctx.programme.id);
    event.detail = in_words(input);
    Ok(s.db
        .claim_benefit_line(project, input, acting.user_id(), &event)
        .await?)
}

/// Changes a line of a project's ledger as a new version (a verified line
/// returns to claimed; the earlier versions stay). A rejected line is closed:
/// its saving is claimed again as a new line. The same line as it stands
/// changes and records nothing: false.
pub async fn change(
    s: &Services,
    acting: &Acting,
    project: i64,
    line: i64,
    input: &BenefitInput,
) -> Result<bool> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    if s.db.benefit_line_project(line).await? != Some(project) {
        return Err(Error::NotFound);
    }
    let history = s.db.benefit_line_versions(line).await?;
    let Some(current) = history.last() else {
        return Err(Error::NotFound);
    };
    if current.status == Status::Rejected {
        return Err(Error::Invalid("benefit-rejected-closed"));
    }
    let mut event = acting.event(AuditAction::LineChanged);
    event.programme_id = Some(ctx.programme.id);
    event.detail = format!(
        "{} → {}",
        in_words(&BenefitInput {
            description: current.description.clone(),
            category: current.category,
            savings_type: current.savings_type,
            frequency: current.frequency,
            starts_on: current.starts_on,
            status: current.status,
            amount_pence: current.amount_pence,
            hours_hundredths: current.hours_hundredths,
            hourly_rate_pence: current.hourly_rate_pence,
            ..BenefitInput::default()
        }),
        in_words(input)
    );
    Ok(s.db
        .edit_benefit_line(line, input, acting.user_id(), &event)
        .await?)
}
