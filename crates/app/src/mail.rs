//! Sends email through SMTP when configured, or writes each message as an `.eml`
//! file to the outbox folder, where a person (or a test) can open it.

use crate::config::{Config, SmtpSecurity};
use anyhow::Context;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use ymarfer_domain::Lang;

pub struct Mailer {
    via: Via,
    from: Mailbox,
    /// The configured public host: the right-hand side of every `Message-ID`.
    domain: String,
}

enum Via {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

/// A message ready to send, already written in the recipient's language.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// A one-click unsubscribe address (RFC 8058), for emails people may stop.
    pub unsubscribe: Option<String>,
    /// The language it is written in.
    pub lang: Lang,
}

/// Which queued message this is: its queue id and when it was queued, which
/// make its `Message-ID` (the same on every attempt, so a message tried twice
/// is known as one).
#[derive(Debug, Clone, Copy)]
pub struct Queued {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The HTML part: the same words as the plain text, paragraph by paragraph,
/// with each address a link, in a document that names its language.
pub fn html_of(subject: &str, body: &str, lang: Lang) -> String {
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n<body style=\"font-family: sans-serif; font-size: 16px; \
         line-height: 1.5; max-width: 40em\">\n",
        lang.code(),
        escape_html(subject)
    );
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph.lines().map(linked).collect();
        html.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// Text made safe to put in HTML, between tags or in a quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A line of text with each web address in it made a link.
fn linked(line: &str) -> String {
    let mut out = String::new();
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let word_escaped = escape_html(word);
        if word.starts_with("https://") || word.starts_with("http://") {
            out.push_str(&format!("<a href=\"{word_escaped}\">{word_escaped}</a>"));
        } else {
            out.push_str(&word_escaped);
        }
    }
    out
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        let from: Mailbox = config.mail_from.parse().context("YMARFER_MAIL_FROM")?;
        let domain = config
            .base_url
            .host_str()
            .unwrap_or("localhost")
            .trim_matches(['[', ']'])
            .to_string();
        let Some(smtp) = &config.smtp else {
            return Ok(Mailer {
                via: Via::Outbox(config.outbox_dir()),
                from,
                domain,
            });
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
        Ok(Mailer {
            via: Via::Smtp(builder.build()),
            from,
            domain,
        })
    }

    pub fn describe(&self) -> String {
        match &self.via {
            Via::Smtp(..) => "SMTP".to_string(),
            Via::Outbox(dir) => format!("outbox folder {}", dir.display()),
        }
    }

    /// The message as mail systems expect it: `Message-ID` on the configured
    /// host, `Date`, `MIME-Version`, `Content-Language`, `Auto-Submitted` (every
    /// email Ymarfer sends is written by it, not by a person), a plain-text and
    /// an HTML part, and the one-click unsubscribe headers where they apply.
    pub fn message(&self, mail: Outgoing, queued: Queued) -> anyhow::Result<Message> {
        use lettre::message::header::{HeaderName, HeaderValue};
        let html = html_of(&mail.subject, &mail.body, mail.lang);
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(mail.to.parse().context("recipient address")?)
            .subject(mail.subject)
            .message_id(Some(format!(
                "<mail-{}.{}@{}>",
                queued.id,
                queued.at.timestamp(),
                self.domain
            )))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                mail.lang.code().to_string(),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".to_string(),
            ));
        if let Some(url) = &mail.unsubscribe {
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
        Ok(builder.multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(mail.body),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html),
                ),
        )?)
    }

    pub async fn send(&self, mail: Outgoing, queued: Queued) -> anyhow::Result<()> {
        let message = self.message(mail, queued)?;
        match &self.via {
            Via::Smtp(transport) => {
                transport.send(message).await.context("SMTP delivery")?;
                tracing::info!("email sent by SMTP");
            }
            Via::Outbox(dir) => {
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
