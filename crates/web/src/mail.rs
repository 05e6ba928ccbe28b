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
