//! Leads from the health check: a firm registering its interest, a lead that
//! chose no programme given to one, and telling staff of each: the managers of
//! its programme, or the administrators for a lead that chose none, each in
//! their own language.

use crate::acting::Acting;
use crate::error::Error;
use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use std::collections::HashSet;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::health::LeadStatus;
use ymarfer_domain::{Action, Resource};
use ymarfer_store::health::{Lead, LeadInput};
use ymarfer_store::programmes::Programme;
use ymarfer_store::seek::{Order, Paged, Seek};
use ymarfer_store::throttle::Attempt;

/// What registering interest did.
#[derive(Debug)]
pub enum Interest {
    /// A new lead (its id), and its programme's managers (or the
    /// administrators) told.
    Registered(i64),
    /// The same form was acted on already: nothing changed.
    AlreadySent,
    /// Too many from this address or email lately: nothing kept.
    Throttled,
}

/// A firm leaves its details after the health check. Anyone may; a form sent
/// twice (the same one-time key) makes one lead and one email; too many from
/// one address or email are refused. The lead and its audit event (naming no
/// one: the person has no account) are written together; then staff are told.
pub async fn register_interest(
    services: &Services,
    acting: &Acting,
    input: &LeadInput,
    form_key: Option<&str>,
    address_hash: &str,
) -> Result<Interest, Error> {
    acting.may(Action::ViewPublic, Resource::Site)?;
    if let Some(key) = form_key
        && services.db.form_key_used(key).await?
    {
        return Ok(Interest::AlreadySent);
    }
    if services
        .db
        .throttled(Attempt::Interest, &input.email, address_hash)
        .await?
    {
        return Ok(Interest::Throttled);
    }
    services
        .db
        .record_attempt(Attempt::Interest, &input.email, address_hash, false)
        .await?;
    let mut event = acting.event(AuditAction::LeadRegistered);
    // The trail keeps no personal details of someone without an account.
    event.address = String::new();
    match services.db.record_lead(input, form_key, &event).await? {
        Some(lead) => {
            tell_managers(services, &lead).await?;
            Ok(Interest::Registered(lead.id))
        }
        // The same form, sent twice at once, made its lead the first time.
        None => Ok(Interest::AlreadySent),
    }
}

/// Leads that chose no programme, and the programmes a person may give them
/// to.
pub struct Waiting {
    /// A page of them, oldest first: the one waiting longest is answered
    /// first (none when only counted).
    pub leads: Paged<Lead>,
    /// How many wait.
    pub total: i64,
    pub programmes: Vec<Programme>,
}

/// How many waiting leads a page of the queue shows.
pub const WAITING_PAGE: i64 = 50;

/// The programmes a waiting lead may go to: each one open to it (a cohort
/// taking firms), and, for those who manage leads across the site, every one.
/// Only those that `acting` manages leads in.
async fn open_to_leads(services: &Services, acting: &Acting) -> Result<Vec<Programme>, Error> {
    let Some(user) = acting.user_id() else {
        return Ok(Vec::new());
    };
    let site = acting.decide(Action::ManageLeads, Resource::Site).allowed();
    let open: HashSet<i64> = services
        .db
        .open_cohorts(ymarfer_domain::uktime::today(), None, i64::MAX)
        .await?
        .iter()
        .map(|c| c.programme_id)
        .collect();
    Ok(services
        .db
        .programmes_visible_to(user, site)
        .await?
        .into_iter()
        .filter(|p| {
            acting
                .decide(Action::ManageLeads, Resource::Programme(p.id))
                .allowed()
                && (site || open.contains(&p.id))
        })
        .collect())
}

/// The queue of leads that chose no programme: every administrator sees it,
/// and every manager of a programme open to them, so no lead waits unseen.
/// `page` says which page of them to read, sought by id; none only counts them.
pub async fn waiting(
    services: &Services,
    acting: &Acting,
    page: Option<Seek>,
) -> Result<Waiting, Error> {
    let programmes = open_to_leads(services, acting).await?;
    if programmes.is_empty() {
        acting.may(Action::ManageLeads, Resource::Site)?;
    }
    let leads = match page {
        Some(seek) => {
            services
                .db
                .leads_page(None, seek, Order::Up, WAITING_PAGE)
                .await?
        }
        None => Paged {
            items: Vec::new(),
            previous: None,
            next: None,
        },
    };
    let total = services.db.leads_count(None).await?;
    Ok(Waiting {
        leads,
        total,
        programmes,
    })
}

/// Gives a lead that chose no programme to a programme, whose managers then
/// hear of it as of any lead. An administrator may give it to any programme;
/// a programme's manager may take it into theirs while the programme is open
/// to firms. A lead given already (the form sent twice, or by someone else)
/// is left as it is, and nothing more is recorded or sent.
pub async fn assign(
    services: &Services,
    acting: &Acting,
    lead: i64,
    programme: i64,
) -> Result<(), Error> {
    let open = open_to_leads(services, acting).await?;
    if open.is_empty() {
        acting.may(Action::ManageLeads, Resource::Site)?;
    }
    let found = services.db.lead_by_id(lead).await?.ok_or(Error::NotFound)?;
    let p = open
        .into_iter()
        .find(|p| p.id == programme)
        .ok_or(Error::Invalid("error-choose-one"))?;
    if found.programme_id.is_some() {
        return Ok(());
    }
    let mut event = acting.event(AuditAction::LeadAssigned);
    event.programme_id = Some(p.id);
    event.subject = format!("lead {lead}: {}", found.organisation_name);
    event.detail = p.slug.clone();
    if let Some(given) = services.db.assign_lead(lead, p.id, &event).await? {
        tell_managers(services, &given).await?;
    }
    Ok(())
}

/// Emails the managers of the lead's programme (or, for a lead that chose none,
/// the administrators and the managers of every programme open to firms), each
/// in their own language.
pub async fn tell_managers(state: &Services, lead: &Lead) -> Result<(), Error> {
    let programmes: Vec<i64> = match lead.programme_id {
        Some(p) => vec![p],
        None => {
            let mut open: Vec<i64> = state
                .db
                .open_cohorts(ymarfer_domain::uktime::today(), None, i64::MAX)
                .await?
                .iter()
                .map(|c| c.programme_id)
                .collect();
            open.sort_unstable();
            open.dedup();
            open
        }
    };
    let people = state
        .db
        .lead_recipients(&programmes, lead.programme_id.is_none())
        .await?;
    let programme = match lead.programme_id {
        Some(p) => state.db.programme_by_id(p).await?,
        None => None,
    };
    for user in &people {
        let tr = Tr(user.lang());
        let path = match &programme {
            Some(p) => format!("programmes/{}/leads/{}", p.slug, lead.id),
            None => "leads/waiting".to_string(),
        };
        let link = state.config.link(user.lang(), &path);
        let body = tr.args(
            "email-lead-body",
            &[
                ("organisation", lead.organisation_name.clone()),
                ("link", link),
            ],
        );
        let greeting = tr.t1("email-greeting", "name", user.name());
        let sent = crate::outbox::post(
            state,
            Outgoing {
                to: user.email.clone(),
                subject: tr.t("email-lead-subject"),
                body: format!("{greeting}\n\n{body}\n\n{}\n", tr.t("email-signature")),
                unsubscribe: None,
                lang: user.lang(),
            },
        )
        .await;
        // The lead is kept whatever the mail server says; the list shows it.
        if let Err(e) = sent {
            tracing::warn!(error = %e, "could not tell a manager about a lead");
        }
    }
    Ok(())
}

/// The lead, when it is the programme's.
async fn lead_in(services: &Services, programme: i64, lead: i64) -> Result<Lead, Error> {
    services
        .db
        .lead_by_id(lead)
        .await?
        .filter(|l| l.programme_id == Some(programme))
        .ok_or(Error::NotFound)
}

/// Sets a lead's status and the team's notes on it. A lead with that status
/// and those notes already is left as it is: `false`, nothing recorded.
pub async fn set_status(
    services: &Services,
    acting: &Acting,
    programme: i64,
    lead: i64,
    status: LeadStatus,
    notes: &str,
) -> Result<bool, Error> {
    acting.may(Action::ManageLeads, Resource::Programme(programme))?;
    let found = lead_in(services, programme, lead).await?;
    if found.chosen_status() == status && found.notes == notes {
        return Ok(false);
    }
    let mut event = acting.event(AuditAction::LeadStatusChanged);
    event.programme_id = Some(programme);
    event.subject = format!("lead {lead}: {}", found.organisation_name);
    let mut detail = Vec::new();
    if found.chosen_status() != status {
        detail.push(format!(
            "status {}",
            crate::audit::moved(found.chosen_status().as_str(), status.as_str())
        ));
    }
    if found.notes != notes {
        detail.push("notes".to_string());
    }
    event.detail = detail.join("; ");
    Ok(services
        .db
        .update_lead_recorded(lead, status, notes, &event)
        .await?)
}

/// In one step: the firm joins the programme (the programme's own record of
/// it, found by name, or made with its health check's answers), and the
/// person is enrolled in the cohort for it, invited by email in their
/// language when they have no account. A lead invited to that cohort already
/// is left as it is: `false`, nothing recorded or sent.
pub async fn invite(
    services: &Services,
    acting: &Acting,
    programme: i64,
    lead: i64,
    cohort: i64,
) -> Result<bool, Error> {
    acting.may(Action::ManageLeads, Resource::Programme(programme))?;
    let found = lead_in(services, programme, lead).await?;
    let cohort = services
        .db
        .cohort_by_id(cohort)
        .await?
        .filter(|c| c.programme_id == programme)
        .filter(|c| {
            acting
                .decide(
                    Action::ManageCohort,
                    Resource::Cohort {
                        programme,
                        cohort: c.id,
                    },
                )
                .allowed()
        })
        .ok_or(Error::Invalid("error-choose-one"))?;
    if found.chosen_status() == LeadStatus::Invited && found.cohort_id == Some(cohort.id) {
        return Ok(false);
    }
    let email = ymarfer_domain::Email::parse(&found.email).map_err(|_| Error::NotFound)?;
    let check = match found.health_check_id {
        Some(h) => services.db.check_by_id(h).await?,
        None => None,
    };
    // The programme's own record of the firm; other programmes' are never
    // looked at.
    let org = match services
        .db
        .organisation_by_name(programme, &found.organisation_name)
        .await?
    {
        Some(o) => o,
        None => {
            let entry = check.as_ref().map(|c| {
                let a = c.answers();
                (
                    c.created_at.date_naive(),
                    ymarfer_store::organisations::Answers {
                        new_goods_or_services: a.new_goods_or_services,
                        new_business_process: a.new_business_process,
                        ongoing_or_abandoned: a.ongoing_or_abandoned,
                        innovation_spending: a.innovation_spending,
                    },
                )
            });
            services
                .db
                .create_organisation(
                    &ymarfer_store::organisations::OrganisationInput {
                        name: found.organisation_name.clone(),
                        companies_house: None,
                        sic_section: check
                            .as_ref()
                            .and_then(|c| c.sector.clone())
                            .unwrap_or_else(|| "S".into()),
                        employee_band: check
                            .as_ref()
                            .and_then(|c| c.band())
                            .unwrap_or(ymarfer_domain::innovation::EmployeeBand::Micro),
                        principal_area: check
                            .as_ref()
                            .and_then(|c| c.principal_area.clone())
                            .unwrap_or_else(|| "outside_wales".into()),
                        hourly_rate_pence: None,
                    },
                    entry,
                    Some(programme),
                )
                .await?
        }
    };
    let language = ymarfer_domain::Lang::parse(&found.language).unwrap_or_default();
    let user =
        crate::invitations::find_or_invite(services, &email, &found.name, language, Some(&cohort))
            .await?;
    let mut event = acting.event(AuditAction::LeadInvited);
    event.programme_id = Some(programme);
    event.subject = format!("lead {lead}: {}", found.organisation_name);
    event.detail = cohort.slug.clone();
    Ok(services
        .db
        .invite_lead_recorded(
            lead,
            programme,
            cohort.id,
            org.id,
            user.id,
            acting.user_id(),
            &event,
        )
        .await?)
}
