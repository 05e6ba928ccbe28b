//! Acts on the organisations taking part.

use crate::acting::Acting;
use crate::audit;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Action, Lang, Pence, Resource};
use ymarfer_store::organisations::Organisation;

/// A firm's hourly rate, changed: what it was and is, and its programme's
/// claimed first-year total before and after (none if it is in no programme).
#[derive(Debug, Clone)]
pub struct RateChange {
    pub organisation: Organisation,
    pub rate_before: Option<i64>,
    pub rate_after: Option<i64>,
    pub claimed: Option<(Pence, Pence)>,
}

/// Changes an organisation's hourly rate (`None`: its programme's default),
/// which values its claimed and forecast hours; verified lines keep the rate
/// they were verified at. Recorded in the audit trail with the programme's
/// claimed first-year total before and after. Nothing is recorded when the
/// rate does not move.
pub async fn change_rate(
    services: &Services,
    acting: &Acting,
    organisation_id: i64,
    rate: Option<i64>,
) -> Result<RateChange> {
    let Some(org) = services.db.organisation_by_id(organisation_id).await? else {
        return Err(acting.unknown());
    };
    let programmes = org.programmes();
    acting.may(
        Action::EditOrganisation,
        Resource::Organisation {
            programmes: &programmes,
        },
    )?;
    let before = org.hourly_rate_pence;
    if before == rate {
        return Ok(RateChange {
            rate_before: before,
            rate_after: rate,
            claimed: None,
            organisation: org,
        });
    }
    // The trail is written in English, as every act's is.
    let tr = Tr(Lang::En);
    let shown = |r: Option<i64>| {
        r.map(|p| tr.money(Pence(p)))
            .unwrap_or_else(|| "the programme's".to_string())
    };
    let mut claimed = None;
    services
        .db
        .change_organisation_rate(organisation_id, rate, |moved| {
            claimed = moved;
            let mut detail = format!("hourly rate {}", audit::moved(&shown(before), &shown(rate)));
            if let Some((before, after)) = moved {
                detail.push_str(&format!(
                    "; claimed first-year total {}",
                    audit::moved(&tr.money(before), &tr.money(after))
                ));
            }
            let mut event = acting.event(AuditAction::OrganisationRateChanged);
            event.programme_id = org.programme_id;
            event.subject = format!("organisation {organisation_id} ({})", org.name);
            event.detail = detail;
            event
        })
        .await?;
    let organisation = services
        .db
        .organisation_by_id(organisation_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(RateChange {
        organisation,
        rate_before: before,
        rate_after: rate,
        claimed,
    })
}
