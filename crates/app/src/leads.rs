//! Telling staff of a lead: the managers of its programme, or the
//! administrators for a lead that chose none, each in their own language.

use crate::error::Error;
use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use ymarfer_store::health::Lead;

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
