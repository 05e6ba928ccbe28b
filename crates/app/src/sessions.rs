//! A cohort's sessions: scheduling one, changing it (its cohort told when its
//! time or place moves) and taking its register. Each act asks the policy
//! itself, writes with its audit event in one transaction, and changes nothing
//! when sent twice.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use std::collections::BTreeMap;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::programme::Attendance;
use ymarfer_domain::{Action, Lang, Resource};
use ymarfer_store::programmes::Cohort;
use ymarfer_store::schedule::{FeedTarget, Meeting, MeetingInput};

/// What scheduling did.
#[derive(Debug, Clone)]
pub struct Scheduled {
    pub meeting: Meeting,
    /// False when the cohort had this session already (the form sent twice).
    pub new: bool,
}

/// What changing a session did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edited {
    /// False when the session held these values already: nothing was written.
    pub changed: bool,
    /// How many of the cohort's people were told (its time or place moved).
    pub told: usize,
}

/// What taking a register did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Register {
    /// The register as it stands: (person, mark), by person.
    pub marks: Vec<(i64, Attendance)>,
    /// False when it held these marks already: nothing was written.
    pub changed: bool,
}

fn staff_of(acting: &Acting, cohort: &Cohort) -> Result<()> {
    acting.may(
        Action::ManageCohort,
        Resource::Cohort {
            programme: cohort.programme_id,
            cohort: cohort.id,
        },
    )
}

/// What every door checks of a session's details before it is kept.
fn check(input: &MeetingInput) -> Result<()> {
    if input.title.trim().is_empty() {
        return Err(Error::Invalid("error-required"));
    }
    if input.ends_at <= input.starts_at {
        return Err(Error::Invalid("error-end-before-start"));
    }
    Ok(())
}

/// The trail's words for a session's time and place, in English as every
/// act's are.
fn when_and_where(m: &MeetingInput) -> String {
    let tr = Tr(Lang::En);
    let place = [m.location.as_str(), m.online_url.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}–{}{}",
        tr.date_time(m.starts_at),
        tr.time(m.ends_at),
        if place.is_empty() {
            String::new()
        } else {
            format!(" at {place}")
        }
    )
}

fn input_of(m: &Meeting) -> MeetingInput {
    MeetingInput {
        title: m.title.clone(),
        kind: m.kind,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        location: m.location.clone(),
        online_url: m.online_url.clone(),
        agenda: m.agenda.clone(),
        resources: m.resources.clone(),
    }
}

/// Schedules a session of the cohort: its staff may. A session of the cohort
/// with the same title and start is the one the form made already, and is
/// returned as it is; nothing more is recorded. Nobody is told: the session
/// is on the cohort's page and in its calendar feeds.
pub async fn schedule(
    services: &Services,
    acting: &Acting,
    cohort: &Cohort,
    input: &MeetingInput,
) -> Result<Scheduled> {
    staff_of(acting, cohort)?;
    check(input)?;
    let mut event = acting.event(AuditAction::SessionScheduled);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("{} (cohort {})", input.title, cohort.id);
    event.detail = when_and_where(input);
    let (meeting, new) = services
        .db
        .schedule_meeting(cohort.id, input, &event)
        .await?;
    Ok(Scheduled { meeting, new })
}

/// Changes a session of the cohort: its staff may. When its time or place
/// moves, the cohort's people (its active participants and its staff, not the
/// person changing it) are told in the app and by their email rhythm. Sent
/// twice, the second finds the session as asked and changes, records and
/// tells nothing.
pub async fn edit(
    services: &Services,
    acting: &Acting,
    cohort: &Cohort,
    session: i64,
    input: &MeetingInput,
) -> Result<Edited> {
    staff_of(acting, cohort)?;
    let before = services
        .db
        .meeting(cohort.id, session)
        .await?
        .ok_or(Error::NotFound)?;
    check(input)?;
    let was = input_of(&before);
    let moved = (was.starts_at, was.ends_at, &was.location, &was.online_url)
        != (
            input.starts_at,
            input.ends_at,
            &input.location,
            &input.online_url,
        );
    let mut event = acting.event(AuditAction::SessionChanged);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("session {session}: {} (cohort {})", input.title, cohort.id);
    event.detail = if moved {
        format!("{} → {}", when_and_where(&was), when_and_where(input))
    } else {
        "time and place as they were".to_string()
    };
    let notify = if moved {
        members(services, cohort).await?
    } else {
        Vec::new()
    };
    let changed = services
        .db
        .change_meeting(session, input, &event, &notify)
        .await?;
    let told = if changed {
        notify
            .iter()
            .filter(|p| Some(**p) != acting.user_id())
            .count()
    } else {
        0
    };
    Ok(Edited { changed, told })
}

/// The cohort's people who hear of its sessions: the people of its space,
/// less participants who are no longer active in it.
async fn members(services: &Services, cohort: &Cohort) -> Result<Vec<i64>> {
    let gone: Vec<i64> = services
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| !e.is_active())
        .map(|e| e.user_id)
        .collect();
    Ok(services
        .db
        .space_members(cohort.programme_id, cohort.id)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .filter(|u| !gone.contains(u))
        .collect())
}

/// Takes a session's register: `marks` replace what was recorded. Its staff
/// may; each mark must be for a person active in the cohort, once. Recorded
/// with the counts before and after and each mark that moved; the same
/// register sent twice changes and records nothing. Nobody is told: the
/// cohort's page shows the attendance rate.
pub async fn take_register(
    services: &Services,
    acting: &Acting,
    cohort: &Cohort,
    session: i64,
    marks: &[(i64, Attendance)],
) -> Result<Register> {
    staff_of(acting, cohort)?;
    if services.db.meeting(cohort.id, session).await?.is_none() {
        return Err(Error::NotFound);
    }
    let active: Vec<i64> = services
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| e.is_active())
        .map(|e| e.user_id)
        .collect();
    let mut after = BTreeMap::new();
    for (user, mark) in marks {
        if !active.contains(user) {
            return Err(Error::Invalid("api-error-not-enrolled"));
        }
        if after.insert(*user, *mark).is_some() {
            return Err(Error::Invalid("api-error-twice"));
        }
    }
    let before: BTreeMap<i64, Attendance> = services
        .db
        .register_of(session)
        .await?
        .into_iter()
        .collect();
    let marks: Vec<(i64, Attendance)> = after.iter().map(|(u, a)| (*u, *a)).collect();
    if before == after {
        return Ok(Register {
            marks,
            changed: false,
        });
    }
    let mut event = acting.event(AuditAction::AttendanceRecorded);
    event.programme_id = Some(cohort.programme_id);
    event.subject = format!("session {session} (cohort {})", cohort.id);
    event.detail = register_change(&before, &after);
    let by = acting.user_id().unwrap_or_default();
    let changed = services
        .db
        .take_register(session, &marks, by, &event)
        .await?;
    Ok(Register { marks, changed })
}

/// Whose sessions a secret calendar link shows.
#[derive(Debug, Clone, Copy)]
pub enum Calendar<'a> {
    /// A cohort's sessions: its staff make the link to hand on.
    Cohort(&'a Cohort),
    /// The sessions of every cohort the person acting holds a role in.
    Mine,
}

/// Makes a new secret calendar link and returns its secret (shown once);
/// the link made before for the same calendar stops working. A cohort's
/// staff may make its link; anyone signed in, their own. Each link is a new
/// key, so each is recorded (never the secret); sent twice, only the link
/// shown last works.
pub async fn make_calendar_link(
    services: &Services,
    acting: &Acting,
    calendar: Calendar<'_>,
) -> Result<String> {
    let mut event = acting.event(AuditAction::CalendarLinkMade);
    let target = match calendar {
        Calendar::Cohort(cohort) => {
            staff_of(acting, cohort)?;
            event.programme_id = Some(cohort.programme_id);
            event.subject = format!("cohort {}", cohort.id);
            FeedTarget::Cohort(cohort.id)
        }
        Calendar::Mine => {
            let me = own_account(acting)?;
            event.subject = format!("account {me}");
            FeedTarget::Person(me)
        }
    };
    Ok(services
        .db
        .new_calendar_feed_recorded(target, &event)
        .await?)
}

/// Stops the person's own calendar link. With none live (sent twice), nothing
/// changes or is recorded, and the answer is false.
pub async fn revoke_calendar_link(services: &Services, acting: &Acting) -> Result<bool> {
    let me = own_account(acting)?;
    let mut event = acting.event(AuditAction::CalendarLinkRevoked);
    event.subject = format!("account {me}");
    Ok(services
        .db
        .revoke_calendar_feeds_recorded(FeedTarget::Person(me), &event)
        .await?)
}

/// The account acting, if it may manage itself.
fn own_account(acting: &Acting) -> Result<i64> {
    let me = acting.user_id().ok_or(Error::SignIn)?;
    acting.may(Action::ManageOwnAccount, Resource::Account(me))?;
    Ok(me)
}

/// The register's counts before and after, and each mark that moved.
fn register_change(
    before: &BTreeMap<i64, Attendance>,
    after: &BTreeMap<i64, Attendance>,
) -> String {
    let counts = |r: &BTreeMap<i64, Attendance>| {
        Attendance::ALL
            .iter()
            .map(|a| format!("{} {}", r.values().filter(|m| *m == a).count(), a.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shown = |m: Option<&Attendance>| m.map(|a| a.as_str()).unwrap_or("none");
    let people: std::collections::BTreeSet<&i64> = before.keys().chain(after.keys()).collect();
    let moved: Vec<String> = people
        .into_iter()
        .filter(|u| before.get(u) != after.get(u))
        .map(|u| {
            format!(
                "person {u} {} → {}",
                shown(before.get(u)),
                shown(after.get(u))
            )
        })
        .collect();
    format!(
        "before: {}; after: {}; {}",
        counts(before),
        counts(after),
        moved.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_change_names_counts_and_moves() {
        let before = BTreeMap::from([(1, Attendance::Absent), (2, Attendance::Present)]);
        let after = BTreeMap::from([(1, Attendance::Present), (3, Attendance::Apologies)]);
        assert_eq!(
            register_change(&before, &after),
            "before: 1 present, 0 apologies, 1 absent; after: 1 present, 1 apologies, 0 absent; \
             person 1 absent → present; person 2 present → none; person 3 none → apologies"
        );
    }
}
