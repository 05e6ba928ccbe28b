//! Acts on the people in a cohort: inviting and enrolling them or giving
//! them a role, withdrawing and re-admitting participants, and placing them
//! in action-learning sets.

use crate::acting::Acting;
use crate::cohorts::found;
use crate::error::{Error, Result};
use crate::programmes::Invitee;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::programme::EnrolmentStatus;
use ymarfer_domain::{Action, Resource, Role, Scope};

/// Invites someone to a cohort: a participant is enrolled for one of the
/// programme's organisations, anyone else given the role in the cohort. A
/// person with no account is made one and sent an invitation in their
/// language. Someone enrolled (or holding the role) already is left as they
/// are: `false`, nothing recorded.
pub async fn invite(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    invitee: &Invitee,
    role: Role,
    organisation: Option<i64>,
) -> Result<bool> {
    let (programme, cohort) = found(services, acting, cohort_id, Action::ManageCohort).await?;
    let scope = Resource::Cohort {
        programme: programme.id,
        cohort: cohort.id,
    };
    acting.may(Action::Grant(role), scope)?;
    // Only an organisation taking part in this programme.
    let organisation = match organisation {
        Some(id) => Some(
            services
                .db
                .programme_organisations(programme.id)
                .await?
                .into_iter()
                .find(|o| o.id == id)
                .ok_or(Error::Invalid("error-organisation-needed"))?,
        ),
        None => None,
    };
    if role.enrols() && organisation.is_none() {
        return Err(Error::Invalid("error-organisation-needed"));
    }
    let user = crate::invitations::find_or_invite(
        services,
        &invitee.email,
        &invitee.name,
        invitee.language,
        Some(&cohort),
    )
    .await?;
    if role.enrols() {
        let mut event = acting.event(AuditAction::ParticipantEnrolled);
        event.programme_id = Some(programme.id);
        event.subject = format!("person {} in {}", user.id, cohort.slug);
        event.detail = organisation
            .as_ref()
            .map(|o| format!("organisation {}", o.id))
            .unwrap_or_default();
        Ok(services
            .db
            .enrol_recorded(
                programme.id,
                cohort.id,
                user.id,
                organisation.map(|o| o.id),
                acting.user_id(),
                &event,
            )
            .await?)
    } else {
        let mut event = acting.event(AuditAction::RoleGranted);
        event.programme_id = Some(programme.id);
        event.subject = invitee.email.as_str().to_string();
        event.detail = format!("{} in {}", role.as_str(), cohort.slug);
        Ok(services
            .db
            .grant_recorded(
                user.id,
                role,
                Scope::Cohort {
                    programme: programme.id,
                    cohort: cohort.id,
                },
                &event,
            )
            .await?)
    }
}

/// Where a person's enrolment in the cohort stands, if they have one.
async fn enrolment(services: &Services, cohort: i64, user: i64) -> Result<Option<EnrolmentStatus>> {
    Ok(services
        .db
        .enrolled(cohort)
        .await?
        .into_iter()
        .find(|e| e.user_id == user)
        .map(|e| e.status))
}

/// Withdraws a participant from a cohort: the enrolment stays with its
/// history, the role and set place go. Someone withdrawn already is left as
/// they are (`false`, nothing recorded); someone never enrolled is not found.
pub async fn withdraw(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    user_id: i64,
) -> Result<bool> {
    let (programme, cohort) = found(services, acting, cohort_id, Action::ManageCohort).await?;
    match enrolment(services, cohort.id, user_id).await? {
        None => return Err(Error::NotFound),
        Some(EnrolmentStatus::Withdrawn) => return Ok(false),
        Some(EnrolmentStatus::Active) => {}
    }
    let mut event = acting.event(AuditAction::ParticipantWithdrawn);
    event.programme_id = Some(programme.id);
    event.subject = format!("person {user_id} in {}", cohort.slug);
    Ok(services
        .db
        .withdraw_recorded(cohort.id, user_id, acting.user_id(), "", &event)
        .await?)
}

/// Re-admits a withdrawn participant. Someone active already is left as they
/// are (`false`, nothing recorded); someone never enrolled is not found.
pub async fn readmit(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    user_id: i64,
) -> Result<bool> {
    let (programme, cohort) = found(services, acting, cohort_id, Action::ManageCohort).await?;
    match enrolment(services, cohort.id, user_id).await? {
        None => return Err(Error::NotFound),
        Some(EnrolmentStatus::Active) => return Ok(false),
        Some(EnrolmentStatus::Withdrawn) => {}
    }
    let mut event = acting.event(AuditAction::ParticipantReadmitted);
    event.programme_id = Some(programme.id);
    event.subject = format!("person {user_id} in {}", cohort.slug);
    Ok(services
        .db
        .enrol_recorded(
            programme.id,
            cohort.id,
            user_id,
            None,
            acting.user_id(),
            &event,
        )
        .await?)
}

/// Places an active participant in one of the cohort's action-learning sets
/// (`None`: in none). Where they are already, nothing changes or is recorded
/// (`false`). Anyone not active in the cohort, or a set not the cohort's, is
/// refused (`error-choose-one`).
pub async fn place_in_set(
    services: &Services,
    acting: &Acting,
    cohort_id: i64,
    user_id: i64,
    set: Option<i64>,
) -> Result<bool> {
    let (programme, cohort) = found(services, acting, cohort_id, Action::ManageCohort).await?;
    if enrolment(services, cohort.id, user_id).await? != Some(EnrolmentStatus::Active) {
        return Err(Error::Invalid("error-choose-one"));
    }
    let sets = services.db.set_names(cohort.id).await?;
    let name = match set {
        Some(id) => Some(
            sets.iter()
                .find(|(s, _)| *s == id)
                .map(|(_, name)| name.clone())
                .ok_or(Error::Invalid("error-choose-one"))?,
        ),
        None => None,
    };
    let mut event = acting.event(AuditAction::SetMemberMoved);
    event.programme_id = Some(programme.id);
    event.subject = format!("person {user_id} in {}", cohort.slug);
    event.detail = name.unwrap_or_else(|| "no set".to_string());
    Ok(services
        .db
        .move_to_set_recorded(cohort.id, user_id, set, &event)
        .await?)
}
