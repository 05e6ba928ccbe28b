//! Acts on the organisations taking part: adding one to a programme, editing
//! its details and answers at entry, changing its hourly rate, and recording
//! its answers to the innovation questions at a later stage. Each asks the
//! policy itself and writes with its audit event in one transaction; what
//! moves a figure (the rate, the answers) is recorded before and after.

use crate::acting::Acting;
use crate::audit;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use chrono::NaiveDate;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::innovation::Stage;
use ymarfer_domain::{Action, Lang, Pence, Resource};
use ymarfer_store::audit::NewAuditEvent;
use ymarfer_store::organisations::{Added, Answers, Organisation, OrganisationInput};

/// The organisation, if the person may do `action` to it through the
/// programme whose record it is; otherwise as if it did not exist.
pub async fn organisation_for(
    s: &Services,
    acting: &Acting,
    id: i64,
    action: Action,
) -> Result<Organisation> {
    let Some(org) = s.db.organisation_by_id(id).await? else {
        return Err(acting.unknown());
    };
    let programmes = org.programmes();
    acting.may(
        action,
        Resource::Organisation {
            programmes: &programmes,
        },
    )?;
    Ok(org)
}

/// Adds an organisation to a programme with its answers at entry. One the
/// programme has by that name already is answered with and left as it is.
pub async fn add(
    s: &Services,
    acting: &Acting,
    programme: i64,
    input: &OrganisationInput,
    entry: (NaiveDate, Answers),
) -> Result<Added> {
    acting.may(Action::AddOrganisation, Resource::Programme(programme))?;
    let mut event = acting.event(AuditAction::OrganisationAdded);
    event.programme_id = Some(programme);
    event.detail = format!("answers at entry: {}", answers_in_words(Some(entry.1)));
    Ok(s.db
        .add_organisation(input, entry, programme, &event)
        .await?)
}

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
    s: &Services,
    acting: &Acting,
    organisation_id: i64,
    rate: Option<i64>,
) -> Result<RateChange> {
    let org = organisation_for(s, acting, organisation_id, Action::EditOrganisation).await?;
    let input = OrganisationInput {
        hourly_rate_pence: rate,
        ..input_of(&org)
    };
    let claimed = save(s, acting, &org, &input, None).await?;
    Ok(RateChange {
        rate_before: org.hourly_rate_pence,
        rate_after: rate,
        claimed,
        organisation: s
            .db
            .organisation_by_id(organisation_id)
            .await?
            .ok_or(Error::NotFound)?,
    })
}

/// Changes an organisation's details, its hourly rate and its answers at
/// entry. What changed is recorded before and after (the rate with its
/// programme's claimed total); the same again changes and records nothing. A
/// name another of the programme's organisations has is refused.
pub async fn edit(
    s: &Services,
    acting: &Acting,
    organisation_id: i64,
    input: &OrganisationInput,
    entry: (NaiveDate, Answers),
) -> Result<Organisation> {
    let org = organisation_for(s, acting, organisation_id, Action::EditOrganisation).await?;
    save(s, acting, &org, input, Some(entry)).await?;
    s.db.organisation_by_id(organisation_id)
        .await?
        .ok_or(Error::NotFound)
}

/// Saves what changed of an organisation, with an event for its details and
/// one for its rate. Its programme's claimed total before and after, when
/// the rate moved.
async fn save(
    s: &Services,
    acting: &Acting,
    org: &Organisation,
    input: &OrganisationInput,
    entry: Option<(NaiveDate, Answers)>,
) -> Result<Option<(Pence, Pence)>> {
    // The trail is written in English, as every act's is.
    let tr = Tr(Lang::En);
    let was = input_of(org);
    let mut changes = Vec::new();
    let mut note = |what: &str, before: &str, after: &str| {
        if before != after {
            changes.push(format!("{what} {}", audit::moved(before, after)));
        }
    };
    note("name", was.name.trim(), input.name.trim());
    note(
        "Companies House number",
        was.companies_house.as_deref().unwrap_or(""),
        input.companies_house.as_deref().unwrap_or(""),
    );
    note("sector", &was.sic_section, &input.sic_section);
    note(
        "size",
        was.employee_band.as_str(),
        input.employee_band.as_str(),
    );
    note("area", &was.principal_area, &input.principal_area);
    if let Some((on, answers)) = entry {
        let before =
            s.db.innovation_answers(org.id)
                .await?
                .into_iter()
                .find(|a| a.stage == Stage::Entry);
        let before_words = match &before {
            Some(a) => format!("{} on {}", answers_in_words(Some(a.answers())), a.asked_on),
            None => "none".to_string(),
        };
        note(
            "answers at entry",
            &before_words,
            &format!("{} on {on}", answers_in_words(Some(answers))),
        );
    }
    let rate_moves = was.hourly_rate_pence != input.hourly_rate_pence;
    if changes.is_empty() && !rate_moves {
        return Ok(None);
    }
    let subject = format!("organisation {} ({})", org.id, org.name);
    let event = |action| {
        let mut e = acting.event(action);
        e.programme_id = org.programme_id;
        e.subject = subject.clone();
        e
    };
    let shown = |r: Option<i64>| {
        r.map(|p| tr.money(Pence(p)))
            .unwrap_or_else(|| "the programme's".to_string())
    };
    let mut claimed = None;
    let saved =
        s.db.save_organisation(org.id, input, entry, |moved| {
            let mut events: Vec<NewAuditEvent> = Vec::new();
            if !changes.is_empty() {
                let mut e = event(AuditAction::OrganisationChanged);
                e.detail = changes.join("; ");
                events.push(e);
            }
            if rate_moves {
                claimed = moved;
                let mut detail = format!(
                    "hourly rate {}",
                    audit::moved(
                        &shown(was.hourly_rate_pence),
                        &shown(input.hourly_rate_pence)
                    )
                );
                if let Some((before, after)) = moved {
                    detail.push_str(&format!(
                        "; claimed first-year total {}",
                        audit::moved(&tr.money(before), &tr.money(after))
                    ));
                }
                let mut e = event(AuditAction::OrganisationRateChanged);
                e.detail = detail;
                events.push(e);
            }
            events
        })
        .await;
    match saved {
        Err(e) if e.is_unique_violation() => Err(Error::Invalid("error-organisation-exists")),
        other => {
            other?;
            Ok(claimed)
        }
    }
}

/// Records the four innovation questions again, at the end of a cohort or at a
/// follow-up: the change in this status is the headline outcome for policy.
/// The same answers on the same day at the same stage again record nothing:
/// false.
pub async fn record_innovation(
    s: &Services,
    acting: &Acting,
    organisation_id: i64,
    stage: Stage,
    on: NaiveDate,
    answers: Answers,
) -> Result<bool> {
    let org = organisation_for(s, acting, organisation_id, Action::RecordInnovation).await?;
    let mut event = acting.event(AuditAction::InnovationRecorded);
    event.programme_id = org.programme_id;
    event.subject = format!("organisation {} ({})", org.id, org.name);
    event.detail = format!(
        "{} on {on}: {}",
        stage.as_str(),
        answers_in_words(Some(answers))
    );
    Ok(s.db
        .record_innovation(
            organisation_id,
            stage.as_str(),
            on,
            answers,
            org.employee_band,
            Some(&event),
        )
        .await?)
}

/// An organisation's details as a form would send them.
fn input_of(org: &Organisation) -> OrganisationInput {
    OrganisationInput {
        name: org.name.clone(),
        companies_house: org.companies_house.clone(),
        sic_section: org.sic_section.clone(),
        employee_band: org.employee_band,
        principal_area: org.principal_area.clone(),
        hourly_rate_pence: org.hourly_rate_pence,
    }
}

/// The four answers for the trail: which were yes.
fn answers_in_words(a: Option<Answers>) -> String {
    let Some(a) = a else {
        return "none".to_string();
    };
    let yes: Vec<&str> = [
        (a.new_goods_or_services, "new goods or services"),
        (a.new_business_process, "new business process"),
        (a.ongoing_or_abandoned, "ongoing or abandoned activity"),
        (a.innovation_spending, "innovation spending"),
    ]
    .into_iter()
    .filter_map(|(given, what)| given.then_some(what))
    .collect();
    if yes.is_empty() {
        "no to all four".to_string()
    } else {
        format!("yes to {}", yes.join(", "))
    }
}
