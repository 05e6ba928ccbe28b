//! Acts on programmes: creating one, editing it, setting its additionality,
//! and adding people to its team.

use crate::acting::Acting;
use crate::audit::moved;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::impact::net::{Additionality, Percent, Setting};
use ymarfer_domain::{Action, Email, Lang, Pence, Resource, Role, Scope};
use ymarfer_store::programmes::{Programme, ProgrammeInput};

/// Someone to invite by email (an account is made for them if they have none).
#[derive(Debug, Clone)]
pub struct Invitee {
    pub email: Email,
    /// Their name, when given.
    pub name: String,
    /// The language their invitation is written in.
    pub language: Lang,
}

/// A capture factor in thousandths, for the trail: "0.800".
fn factor(thousandths: i64) -> String {
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

/// Creates a programme; the person creating it becomes its manager. A slug
/// in use already is refused (`error-slug-taken`), so sending the same form
/// twice makes one programme and records one event.
pub async fn create(
    services: &Services,
    acting: &Acting,
    input: &ProgrammeInput,
) -> Result<Programme> {
    acting.may(Action::CreateProgramme, Resource::Site)?;
    let creator = acting.user_id().ok_or(Error::Forbidden)?;
    if services.db.programme_by_slug(&input.slug).await?.is_some() {
        return Err(Error::Invalid("error-slug-taken"));
    }
    // The trail is written in English, as every act's is.
    let tr = Tr(Lang::En);
    let mut event = acting.event(AuditAction::ProgrammeCreated);
    event.subject = input.slug.clone();
    event.detail = format!(
        "cost {}; hourly rate {}; capture factor {}",
        tr.money(Pence(input.cost_pence)),
        tr.money(Pence(input.default_hourly_rate_pence)),
        factor(input.capture_factor_thousandths),
    );
    match services
        .db
        .create_programme_recorded(input, creator, &event)
        .await
    {
        Ok(p) => Ok(p),
        // The same slug, sent twice at once: the second finds it taken.
        Err(e) if e.is_unique_violation() => Err(Error::Invalid("error-slug-taken")),
        Err(e) => Err(e.into()),
    }
}

/// What an edit changed, by field (empty: nothing, and nothing recorded).
#[derive(Debug, Clone, Default)]
pub struct Edited {
    pub changed: Vec<&'static str>,
}

/// Edits a programme (its slug stays). Its cost, hourly rate and capture
/// factor move every figure: the trail records each before and after, and a
/// rate or factor change also the claimed first-year total before and after,
/// all in the transaction that revalues the lines not yet verified. The same
/// edit again changes and records nothing.
pub async fn edit(
    services: &Services,
    acting: &Acting,
    programme_id: i64,
    input: &ProgrammeInput,
) -> Result<Edited> {
    acting.may(Action::ManageProgramme, Resource::Programme(programme_id))?;
    let p = services
        .db
        .programme_by_id(programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let changed: Vec<&'static str> = [
        ("cost", p.cost_pence != input.cost_pence),
        (
            "cost_breakdown",
            (
                p.cost_delivery_pence,
                p.cost_venues_pence,
                p.cost_materials_pence,
                p.cost_in_kind_pence,
            ) != (
                input.cost_delivery_pence,
                input.cost_venues_pence,
                input.cost_materials_pence,
                input.cost_in_kind_pence,
            ),
        ),
        (
            "hourly_rate",
            p.default_hourly_rate_pence != input.default_hourly_rate_pence,
        ),
        (
            "capture_factor",
            p.capture_factor_thousandths != input.capture_factor_thousandths,
        ),
        (
            "dates",
            p.starts_on != input.starts_on || p.ends_on != input.ends_on,
        ),
        (
            "names",
            p.name_en != input.name_en || p.name_cy != input.name_cy,
        ),
        (
            "descriptions",
            p.description_en != input.description_en || p.description_cy != input.description_cy,
        ),
        (
            "funder",
            p.funder != input.funder || p.funder_cy != input.funder_cy,
        ),
    ]
    .into_iter()
    .filter(|(_, c)| *c)
    .map(|(f, _)| f)
    .collect();
    if changed.is_empty() {
        return Ok(Edited::default());
    }
    let tr = Tr(Lang::En);
    let rates_move = p.default_hourly_rate_pence != input.default_hourly_rate_pence
        || p.capture_factor_thousandths != input.capture_factor_thousandths;
    let rates = acting.event(AuditAction::RatesChanged);
    let mut programme_changed = acting.event(AuditAction::ProgrammeChanged);
    programme_changed.programme_id = Some(p.id);
    programme_changed.subject = p.slug.clone();
    let mut detail = changed.join(", ");
    if p.cost_pence != input.cost_pence {
        detail.push_str(&format!(
            "; cost {}",
            moved(
                &tr.money(Pence(p.cost_pence)),
                &tr.money(Pence(input.cost_pence))
            )
        ));
    }
    programme_changed.detail = detail;
    let (rate_before, rate_after) = (p.default_hourly_rate_pence, input.default_hourly_rate_pence);
    let (factor_before, factor_after) = (
        p.capture_factor_thousandths,
        input.capture_factor_thousandths,
    );
    let slug = p.slug.clone();
    let events = move |claimed_before: i64, claimed_after: i64| {
        let mut events = Vec::new();
        if rates_move {
            let mut e = rates.clone();
            e.programme_id = Some(programme_id);
            e.subject = slug.clone();
            e.detail = format!(
                "hourly rate {}; capture factor {}; claimed first-year total {}",
                moved(&tr.money(Pence(rate_before)), &tr.money(Pence(rate_after))),
                moved(&factor(factor_before), &factor(factor_after)),
                moved(
                    &tr.money(Pence(claimed_before)),
                    &tr.money(Pence(claimed_after))
                ),
            );
            events.push(e);
        }
        events.push(programme_changed.clone());
        events
    };
    services
        .db
        .update_programme_recorded(programme_id, input, &events)
        .await?;
    Ok(Edited { changed })
}

/// Adds someone to the programme's team in a role the acting person may
/// grant there, inviting them by email in their language when they have no
/// account. A role held already changes and records nothing (`false`).
pub async fn add_to_team(
    services: &Services,
    acting: &Acting,
    programme_id: i64,
    invitee: &Invitee,
    role: Role,
) -> Result<bool> {
    acting.may(Action::ManageProgramme, Resource::Programme(programme_id))?;
    acting.may(Action::Grant(role), Resource::Programme(programme_id))?;
    services
        .db
        .programme_by_id(programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let user = crate::invitations::find_or_invite(
        services,
        &invitee.email,
        &invitee.name,
        invitee.language,
        None,
    )
    .await?;
    let mut event = acting.event(AuditAction::RoleGranted);
    event.programme_id = Some(programme_id);
    event.subject = invitee.email.as_str().to_string();
    event.detail = role.as_str().to_string();
    Ok(services
        .db
        .grant_recorded(user.id, role, Scope::Programme(programme_id), &event)
        .await?)
}

/// A setting as the trail writes it: "20.00% (15.00–30.00%), source \"Business case\"".
fn setting_text(s: &Setting) -> String {
    let end = |p: Option<Percent>| p.map_or_else(|| "–".to_string(), |p| p.to_string());
    let range = if s.has_range() {
        format!(" ({}–{}%)", end(s.low), end(s.high))
    } else {
        String::new()
    };
    format!("{}%{range}, source \"{}\"", s.value, s.source)
}

/// Sets a programme's additionality settings (deadweight, displacement,
/// leakage and substitution with their ranges and sources, and the
/// persistence profile), which take its verified value from gross to net.
/// Each value is from 0 to 100% with its low at most it and its high at least
/// it. The trail records each setting that changed, before and after, in the
/// transaction that saves them; the same settings again change and record
/// nothing (false).
pub async fn set_additionality(
    services: &Services,
    acting: &Acting,
    programme_id: i64,
    settings: &Additionality,
) -> Result<bool> {
    acting.may(Action::ManageProgramme, Resource::Programme(programme_id))?;
    let p = services
        .db
        .programme_by_id(programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut a = settings.clone();
    for s in [
        &mut a.deadweight,
        &mut a.displacement,
        &mut a.leakage,
        &mut a.substitution,
    ] {
        s.source = s.source.trim().to_string();
        let percents = [Some(s.value), s.low, s.high];
        if percents.iter().flatten().any(|p| p.held() != p.0) {
            return Err(Error::Invalid("error-percent-invalid"));
        }
        if !s.in_order() {
            return Err(Error::Invalid("error-additionality-range"));
        }
        if s.source.chars().count() > 200 {
            return Err(Error::Invalid("error-too-long"));
        }
    }
    a.persistence_source = a.persistence_source.trim().to_string();
    if [a.persistence_year2, a.persistence_year3]
        .iter()
        .any(|p| p.held() != p.0)
    {
        return Err(Error::Invalid("error-percent-invalid"));
    }
    if a.persistence_source.chars().count() > 200 {
        return Err(Error::Invalid("error-too-long"));
    }
    let mut event = acting.event(AuditAction::AdditionalityChanged);
    event.programme_id = Some(p.id);
    event.subject = p.slug.clone();
    let after = a.clone();
    let describe = move |before: &Additionality| -> Option<ymarfer_store::audit::NewAuditEvent> {
        if *before == after {
            return None;
        }
        let mut changes: Vec<String> = before
            .settings()
            .iter()
            .zip(after.settings().iter())
            .filter(|((_, b), (_, a))| b != a)
            .map(|((name, b), (_, a))| {
                format!("{name} {}", moved(&setting_text(b), &setting_text(a)))
            })
            .collect();
        if (
            before.persistence_year2,
            before.persistence_year3,
            &before.persistence_source,
        ) != (
            after.persistence_year2,
            after.persistence_year3,
            &after.persistence_source,
        ) {
            changes.push(format!(
                "persistence {}",
                moved(
                    &format!(
                        "year 2 {}%, year 3 {}%, source \"{}\"",
                        before.persistence_year2,
                        before.persistence_year3,
                        before.persistence_source
                    ),
                    &format!(
                        "year 2 {}%, year 3 {}%, source \"{}\"",
                        after.persistence_year2, after.persistence_year3, after.persistence_source
                    ),
                )
            ));
        }
        let mut e = event.clone();
        e.detail = changes.join("; ");
        Some(e)
    };
    Ok(services
        .db
        .set_additionality_recorded(programme_id, &a, &describe)
        .await?)
}
