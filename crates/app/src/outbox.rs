//! The mail queue: every message is kept before it is sent, so nothing is
//! lost when the mail server is away; the mail job tries again later.

use crate::mail::{Outgoing, Queued};
use crate::services::Services;
use ymarfer_domain::Lang;

/// Sends a message through the queue: it is kept first, so nothing is lost,
/// then tried at once. When the server refuses it, it waits in the queue and
/// the mail job tries again (see [`retry_due`]); only a database failure is
/// an error here.
pub async fn post(state: &Services, mail: Outgoing) -> anyhow::Result<()> {
    let (id, at) = state
        .db
        .queue_mail(
            &mail.to,
            &mail.subject,
            &mail.body,
            mail.unsubscribe.as_deref(),
            mail.lang,
        )
        .await?;
    match state.mailer.send(mail, Queued { id, at }).await {
        Ok(()) => state.db.mail_sent(id).await?,
        Err(e) => {
            tracing::warn!(mail = id, error = %format!("{e:#}"), "email queued to try again");
            state.db.mail_failed(id, &format!("{e:#}")).await?;
        }
    }
    Ok(())
}

/// Tries again each queued message that is due: how many went, and how many
/// are still waiting.
pub async fn retry_due(
    state: &Services,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<(usize, usize)> {
    let due = state.db.claim_due_mail(now, 100).await?;
    let (mut sent, mut failed) = (0, 0);
    for m in due {
        let mail = Outgoing {
            to: m.to_addr,
            subject: m.subject,
            body: m.body,
            unsubscribe: m.unsubscribe,
            lang: Lang::parse(&m.language).unwrap_or_default(),
        };
        let queued = Queued {
            id: m.id,
            at: m.created_at,
        };
        match state.mailer.send(mail, queued).await {
            Ok(()) => {
                state.db.mail_sent(m.id).await?;
                sent += 1;
            }
            Err(e) => {
                state.db.mail_failed(m.id, &format!("{e:#}")).await?;
                failed += 1;
            }
        }
    }
    Ok((sent, failed))
}
