//! Leads from the health check: a firm registering its interest, a lead that
//! chose no programme given to one, and telling staff of each: the managers of
//! its programme, or the administrators for a lead that chose none, each in
//! their own language.

use crate::acting::Acting;
use crate::error::Error;
use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Action, Resource};
use ymarfer_store::health::{Lead, LeadInput};
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

/// Gives a lead that chose no programme to a programme, whose managers then
/// hear of it as of any lead. Only those who manage leads on the site and in
/// that programme may. A lead given already (the form sent twice, or by another
/// administrator) is left as it is, and nothing more is recorded or sent.
pub async fn assign(
    services: &Services,
    acting: &Acting,
    lead: i64,
    programme: i64,
) -> Result<(), Error> {
    acting.may(Action::ManageLeads, Resource::Site)?;
    let found = services.db.lead_by_id(lead).await?.ok_or(Error::NotFound)?;
    let p = services
        .db
        .programme_by_id(programme)
        .await?
        .ok_or(Error::Invalid("error-choose-one"))?;
    acting.may(Action::ManageLeads, Resource::Programme(p.id))?;
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
/// the administrators), each in their own language.
pub async fn tell_managers(state: &Services, lead: &Lead) -> Result<(), Error> {
    let people = state.db.lead_recipients(lead.programme_id).await?;
    let programme = match lead.programme_id {
        Some(p) => state.db.programme_by_id(p).await?,
        None => None,
    };
    for user in &people {
        let tr = Tr(user.lang());
        let path = match &programme {
            Some(p) => format!("programmes/{}/leads/{}", p.slug, lead.id),
            None => "admin/leads".to_string(),
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
