//! A cohort's page, with what the pages that lead to it add.

use crate::context;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer};
use crate::state::AppState;
use askama::Template;
use std::collections::HashMap;
use ymarfer_app::report::cohort_shares;
use ymarfer_domain::programme::{Attendance, attendance_percent};
use ymarfer_domain::{Action, Pence};
use ymarfer_store::people::Enrolled;
use ymarfer_store::programmes::{Cohort, Programme, TeamMember};
use ymarfer_store::schedule::Meeting;

pub struct PersonRow {
    pub e: Enrolled,
    pub attendance: Option<u32>,
    pub set: Option<String>,
}

pub struct MeetingRow {
    pub m: Meeting,
    pub present: usize,
    pub recorded: usize,
}

#[derive(Template)]
#[template(path = "cohorts/show.html")]
pub struct ShowPage {
    pub page: Page,
    pub programme: Programme,
    pub cohort: Cohort,
    pub share: Pence,
    pub people: Vec<PersonRow>,
    pub active: usize,
    pub organisations: usize,
    pub meetings: Vec<MeetingRow>,
    pub staff: Vec<TeamMember>,
    pub cohort_rate: Option<u32>,
    pub see_people: bool,
    pub manage: bool,
    pub notice: Option<String>,
    pub invite: crate::views::invite::InviteForm,
    pub invite_errors: FieldErrors,
    pub org_choices: Vec<(i64, String)>,
    pub feed_link: Option<String>,
    pub is_participant: bool,
    /// The viewer may enter the cohort space.
    pub space: bool,
}

impl ShowPage {
    pub fn mode_name(&self) -> String {
        self.page.t(self.cohort.delivery_mode.message_id())
    }
    pub fn region_name(&self) -> &'static str {
        self.cohort.region.name(self.page.lang)
    }
    pub fn base(&self) -> String {
        self.page.href(&format!(
            "programmes/{}/cohorts/{}",
            self.programme.slug, self.cohort.slug
        ))
    }
}

/// Everything the cohort page shows, gathered once for viewing and for re-showing
/// the invitation form with its errors.
/// The parts of the cohort page that depend on what just happened.
pub struct Extras {
    pub notice: Option<String>,
    pub invite: crate::views::invite::InviteForm,
    pub invite_errors: FieldErrors,
    pub feed_link: Option<String>,
}

impl Extras {
    pub fn new(lang: ymarfer_domain::Lang) -> Extras {
        Extras {
            notice: None,
            invite: crate::views::invite::InviteForm::new(lang),
            invite_errors: FieldErrors::default(),
            feed_link: None,
        }
    }
}

pub async fn show_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    programme: Programme,
    cohort: Cohort,
    extras: Extras,
) -> Result<ShowPage, AppError> {
    let see_people = context::may(viewer, Action::ViewCohortPeople, programme.id, cohort.id);
    let manage = context::may(viewer, Action::ManageCohort, programme.id, cohort.id);
    let all_cohorts = state.db.cohorts_of(programme.id).await?;
    let share = all_cohorts
        .iter()
        .position(|c| c.id == cohort.id)
        .and_then(|i| cohort_shares(&programme, &all_cohorts).get(i).copied())
        .unwrap_or_default();
    let enrolled = state.db.enrolled(cohort.id).await?;
    let active = enrolled.iter().filter(|e| e.is_active()).count();
    let organisations = {
        let mut ids: Vec<i64> = enrolled
            .iter()
            .filter(|e| e.is_active())
            .filter_map(|e| e.organisation_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let meetings = state.db.meetings_of(cohort.id).await?;
    let records = state.db.attendance_of_cohort(cohort.id).await?;
    let mut by_person: HashMap<i64, Vec<Attendance>> = HashMap::new();
    for r in &records {
        by_person.entry(r.user_id).or_default().push(r.status);
    }
    let sets: HashMap<i64, String> = state
        .db
        .set_members(cohort.id)
        .await?
        .into_iter()
        .map(|m| (m.user_id, m.set_name))
        .collect();
    let people = if see_people {
        enrolled
            .into_iter()
            .map(|e| PersonRow {
                attendance: by_person
                    .get(&e.user_id)
                    .and_then(|a| attendance_percent(a)),
                set: sets.get(&e.user_id).cloned(),
                e,
            })
            .collect()
    } else {
        Vec::new()
    };
    let all: Vec<Attendance> = records.iter().map(|r| r.status).collect();
    let meetings = meetings
        .into_iter()
        .map(|m| {
            let of: Vec<_> = records.iter().filter(|r| r.session_id == m.id).collect();
            MeetingRow {
                present: of
                    .iter()
                    .filter(|r| r.status == Attendance::Present)
                    .count(),
                recorded: of.len(),
                m,
            }
        })
        .collect();
    let staff = state.db.cohort_staff(cohort.id).await?;
    let org_choices = if manage {
        state
            .db
            .programme_organisations(programme.id)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect()
    } else {
        Vec::new()
    };
    let mut page = page;
    page.title = page.pick(&cohort.name_en, &cohort.name_cy).to_string();
    page.about = Some(
        page.pick(&programme.name_en, &programme.name_cy)
            .to_string(),
    );
    let (programme_id, cohort_id) = (programme.id, cohort.id);
    Ok(ShowPage {
        page,
        programme,
        cohort,
        share,
        people,
        active,
        organisations,
        meetings,
        staff,
        cohort_rate: attendance_percent(&all),
        see_people,
        manage,
        notice: extras.notice,
        invite: extras.invite,
        invite_errors: extras.invite_errors,
        org_choices,
        feed_link: extras.feed_link,
        is_participant: context::may(viewer, Action::AnswerCapability, programme_id, cohort_id),
        space: context::may(viewer, Action::ViewSpace, programme_id, cohort_id),
    })
}
