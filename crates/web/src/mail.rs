//! Sends email through SMTP when configured, or writes each message as an `.eml`
//! file to the outbox folder, where a person (or a test) can open it.

use crate::config::{Config, SmtpSecurity};
use anyhow::Context;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>, Mailbox),
    Outbox(PathBuf, Mailbox),
}

/// A message ready to send, already written in the recipient's language.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// A one-click unsubscribe address (RFC 8058), for emails people may stop.
    pub unsubscribe: Option<String>,
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        let from: Mailbox = config.mail_from.parse().context("YMARFER_MAIL_FROM")?;
        let Some(smtp) = &config.smtp else {
            return Ok(Mailer::Outbox(config.outbox_dir(), from));
        };
        let builder = match smtp.security {
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
            SmtpSecurity::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?
            }
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            }
        };
        let mut builder = builder.port(smtp.port);
        if let (Some(user), Some(pass)) = (&smtp.username, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
        }
        Ok(Mailer::Smtp(builder.build(), from))
    }

    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp(..) => "SMTP".to_string(),
            Mailer::Outbox(dir, _) => format!("outbox folder {}", dir.display()),
        }
    }

    pub async fn send(&self, mail: Outgoing) -> anyhow::Result<()> {
        let from = match self {
            Mailer::Smtp(_, from) | Mailer::Outbox(_, from) => from.clone(),
        };
        let mut builder = Message::builder()
            .from(from)
            .to(mail.to.parse().context("recipient address")?)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN);
        if let Some(url) = &mail.unsubscribe {
            use lettre::message::header::{HeaderName, HeaderValue};
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        let message = builder.body(mail.body)?;
        match self {
            Mailer::Smtp(transport, _) => {
                transport.send(message).await.context("SMTP delivery")?;
                tracing::info!("email sent by SMTP");
            }
            Mailer::Outbox(dir, _) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .context("create outbox")?;
                let (unique, _) = ymarfer_store::secret::new_secret();
                let name = format!(
                    "{}-{}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
                    &unique[..8]
                );
                let path = dir.join(name);
                tokio::fs::write(&path, message.formatted())
                    .await
                    .context("write outbox")?;
                tracing::info!(path = %path.display(), "email written to outbox");
            }
        }
        Ok(())
    }
}

/// Sends a message through the queue: it is kept first, so nothing is lost,
/// then tried at once. When the server refuses it, it waits in the queue and
/// the mail job tries again (see [`retry_due`]); only a database failure is
/// an error here.
pub async fn post(state: &crate::state::AppState, mail: Outgoing) -> anyhow::Result<()> {
    let id = state
        .db
        .queue_mail(
            &mail.to,
            &mail.subject,
            &mail.body,
            mail.unsubscribe.as_deref(),
        )
        .await?;
    match state.mailer.send(mail).await {
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
    state: &crate::state::AppState,
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
        };
        match state.mailer.send(mail).await {
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
