//! Acts on cohorts: creating one, editing it, and proposing its
//! action-learning sets.

use crate::acting::Acting;
use crate::audit::moved;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::programme::{SetCandidate, propose_sets as proposal};
use ymarfer_domain::{Action, Lang, Pence, Resource};
use ymarfer_store::programmes::{Cohort, CohortInput, Programme};

/// The cohort and its programme, once the acting person may `action` on it.
pub(crate) async fn found(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    action: Action,
) -> Result<(Programme, Cohort)> {
    let Some(cohort) = services.db.cohort_by_id(cohort_id).await? else {
        return Err(match acting.actor {
            None => Error::SignIn,
            Some(_) => Error::NotFound,
        });
    };
    acting.may(
        action,
        Resource::Cohort {
            programme: cohort.programme_id,
            cohort: cohort.id,
        },
    )?;
    let programme = services
        .db
        .programme_by_id(cohort.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((programme, cohort))
}

/// A cohort's share of its programme's cost, were the cohorts these.
fn share_of(p: &Programme, cohorts: &[Cohort], cohort: i64) -> Pence {
    let shares = crate::report::cohort_shares(p, cohorts);
    cohorts
        .iter()
        .position(|c| c.id == cohort)
        .and_then(|i| shares.get(i).copied())
        .unwrap_or_default()
}

/// Creates a cohort in a programme. A slug in use in the programme already
/// is refused (`error-slug-taken`), so sending the same form twice makes one
/// cohort and records one event.
pub async fn create(
    services: &Services,
    acting: &Acting,
    programme_id: i64,
    input: &CohortInput,
) -> Result<Cohort> {
    acting.may(Action::ManageProgramme, Resource::Programme(programme_id))?;
    let programme = services
        .db
        .programme_by_id(programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    if services
        .db
        .cohort_by_slug(programme_id, &input.slug)
        .await?
        .is_some()
    {
        return Err(Error::Invalid("error-slug-taken"));
    }
    // A cohort left to share the cost equally never gets nothing by accident:
    // when the other cohorts' fixed shares take the whole cost, a share must
    // be given.
    if input.cost_share_pence.is_none() && programme.cost_pence > 0 {
        // The impact method's own split, with the new cohort last (it takes
        // the smallest of the equal parts).
        let mut fixed: Vec<Option<Pence>> = services
            .db
            .cohorts_of(programme_id)
            .await?
            .iter()
            .map(|c| c.cost_share_pence.map(Pence))
            .collect();
        fixed.push(None);
        let shares = ymarfer_domain::impact::cohort_shares(Pence(programme.cost_pence), &fixed);
        if shares.last() == Some(&Pence(0)) {
            return Err(Error::Invalid("cohort-error-no-cost-left"));
        }
    }
    let tr = Tr(Lang::En);
    let mut event = acting.event(AuditAction::CohortCreated);
    event.programme_id = Some(programme_id);
    event.subject = input.slug.clone();
    event.detail = format!(
        "{} places; {}; {}; {}",
        input.capacity,
        input.delivery_mode,
        input.region,
        match input.cost_share_pence {
            Some(p) => format!("cost share {}", tr.money(Pence(p))),
            None => "an equal share of the cost".to_string(),
        }
    );
    match services
        .db
        .create_cohort_recorded(programme_id, input, &event)
        .await
    {
        Ok(c) => Ok(c),
        Err(e) if e.is_unique_violation() => Err(Error::Invalid("error-slug-taken")),
        Err(e) => Err(e.into()),
    }
}

/// What an edit changed, by field (empty: nothing, and nothing recorded).
#[derive(Debug, Clone, Default)]
pub struct Edited {
    pub changed: Vec<&'static str>,
}

/// Edits a cohort (its slug stays). A new share of the programme's cost
/// moves the cohort's figures: the trail records its share before and after.
/// The same edit again changes and records nothing.
pub async fn edit(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    input: &CohortInput,
) -> Result<Edited> {
    let (programme, cohort) = found(services, acting, cohort_id, Action::ManageCohort).await?;
    let changed: Vec<&'static str> = [
        (
            "names",
            cohort.name_en != input.name_en || cohort.name_cy != input.name_cy,
        ),
        (
            "dates",
            cohort.starts_on != input.starts_on || cohort.ends_on != input.ends_on,
        ),
        ("capacity", cohort.capacity != input.capacity),
        ("delivery_mode", cohort.delivery_mode != input.delivery_mode),
        ("region", cohort.region != input.region),
        ("language", cohort.language != input.language),
        (
            "cost_share",
            cohort.cost_share_pence != input.cost_share_pence,
        ),
    ]
    .into_iter()
    .filter(|(_, c)| *c)
    .map(|(f, _)| f)
    .collect();
    if changed.is_empty() {
        return Ok(Edited::default());
    }
    let mut detail = changed.join(", ");
    if cohort.cost_share_pence != input.cost_share_pence {
        let tr = Tr(Lang::En);
        let mut cohorts = services.db.cohorts_of(programme.id).await?;
        let before = share_of(&programme, &cohorts, cohort.id);
        if let Some(c) = cohorts.iter_mut().find(|c| c.id == cohort.id) {
            c.cost_share_pence = input.cost_share_pence;
        }
        let after = share_of(&programme, &cohorts, cohort.id);
        detail.push_str(&format!(
            "; share of the programme's cost {}",
            moved(&tr.money(before), &tr.money(after))
        ));
    }
    let mut event = acting.event(AuditAction::CohortChanged);
    event.programme_id = Some(programme.id);
    event.subject = cohort.slug.clone();
    event.detail = detail;
    services
        .db
        .update_cohort_recorded(cohort.id, input, &event)
        .await?;
    Ok(Edited { changed })
}

/// Replaces the cohort's action-learning sets with a proposal that mixes
/// sectors and balances sizes, named in `lang`. A proposal the same as the
/// sets there now changes and records nothing (`false`).
pub async fn propose_sets(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    lang: Lang,
) -> Result<bool> {
    let (programme, cohort) = found(services, acting, cohort_id, Action::ManageCohort).await?;
    let candidates: Vec<SetCandidate> = services
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| e.is_active())
        .map(|e| SetCandidate {
            user_id: e.user_id,
            sector: e.sic_section.and_then(|s| s.chars().next()).unwrap_or('S'),
            band: e.employee_band.unwrap_or_default(),
        })
        .collect();
    let tr = Tr(lang);
    let sets: Vec<(String, Vec<i64>)> = proposal(&candidates)
        .into_iter()
        .enumerate()
        .map(|(i, members)| {
            (
                tr.t1("sets-default-name", "number", &(i + 1).to_string()),
                members,
            )
        })
        .collect();
    // The sets there now, to compare: by name, members in order.
    let members = services.db.set_members(cohort.id).await?;
    let mut now: Vec<(String, Vec<i64>)> = services
        .db
        .set_names(cohort.id)
        .await?
        .into_iter()
        .map(|(id, name)| {
            let mut ids: Vec<i64> = members
                .iter()
                .filter(|m| m.set_id == id)
                .map(|m| m.user_id)
                .collect();
            ids.sort_unstable();
            (name, ids)
        })
        .collect();
    now.sort();
    let mut proposed: Vec<(String, Vec<i64>)> = sets
        .iter()
        .map(|(name, ids)| {
            let mut ids = ids.clone();
            ids.sort_unstable();
            (name.clone(), ids)
        })
        .collect();
    proposed.sort();
    if now == proposed {
        return Ok(false);
    }
    let mut event = acting.event(AuditAction::SetsProposed);
    event.programme_id = Some(programme.id);
    event.subject = cohort.slug.clone();
    event.detail = format!("{} sets for {} participants", sets.len(), candidates.len());
    services
        .db
        .replace_sets_recorded(cohort.id, &sets, &event)
        .await?;
    Ok(true)
}
