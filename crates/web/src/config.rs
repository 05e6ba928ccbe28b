use std::path::PathBuf;
use url::Url;
use ymarfer_domain::Lang;

/// Where to send email. Without it, messages go to `<data dir>/outbox/` as `.eml` files.
#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    /// `tls` (implicit TLS, usually port 465), `starttls` (usually 587) or `none`
    /// (plain, for a relay on the same host).
    pub security: SmtpSecurity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    Tls,
    StartTls,
    None,
}

impl std::fmt::Debug for SmtpConfig {
    // The password never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "********"))
            .field("security", &self.security)
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The address people reach Ymarfer at; links in emails start with it.
    pub base_url: Url,
    pub data_dir: PathBuf,
    pub mail_from: String,
    pub smtp: Option<SmtpConfig>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "YMARFER_BASE_URL must be an http:// or https:// URL, such as https://ymarfer.example.ac.uk (got {0:?})"
    )]
    BaseUrl(String),
    #[error("YMARFER_SMTP_SECURITY must be one of tls, starttls or none (got {0:?})")]
    SmtpSecurity(String),
    #[error(
        "YMARFER_MAIL_FROM must be an address such as \"Ymarfer <noreply@example.ac.uk>\" (got {0:?})"
    )]
    MailFrom(String),
}

impl SmtpSecurity {
    pub fn parse(s: &str) -> Result<SmtpSecurity, ConfigError> {
        match s.to_ascii_lowercase().as_str() {
            "tls" => Ok(SmtpSecurity::Tls),
            "starttls" => Ok(SmtpSecurity::StartTls),
            "none" => Ok(SmtpSecurity::None),
            _ => Err(ConfigError::SmtpSecurity(s.to_string())),
        }
    }
}

impl Config {
    pub fn new(
        base_url: &str,
        data_dir: PathBuf,
        mail_from: &str,
        smtp: Option<SmtpConfig>,
    ) -> Result<Config, ConfigError> {
        let mut url =
            Url::parse(base_url).map_err(|_| ConfigError::BaseUrl(base_url.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(ConfigError::BaseUrl(base_url.to_string()));
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        mail_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|_| ConfigError::MailFrom(mail_from.to_string()))?;
        Ok(Config {
            base_url: url,
            data_dir,
            mail_from: mail_from.to_string(),
            smtp,
        })
    }

    /// Cookies are marked Secure when Ymarfer is reached over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.scheme() == "https"
    }

    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }

    /// An absolute link to a page, for emails and the console.
    pub fn link(&self, lang: Lang, path: &str) -> String {
        format!(
            "{}{}/{}",
            self.base_url,
            lang.code(),
            path.trim_start_matches('/')
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_is_checked_and_links_are_absolute() {
        let c = Config::new(
            "https://ymarfer.example/app",
            PathBuf::from("d"),
            "Ymarfer <a@b.cy>",
            None,
        )
        .unwrap();
        assert!(c.secure_cookies());
        assert_eq!(
            c.link(Lang::Cy, "/setup/abc"),
            "https://ymarfer.example/app/cy/setup/abc"
        );
        assert!(matches!(
            Config::new("ftp://x", PathBuf::new(), "a@b.cy", None),
            Err(ConfigError::BaseUrl(_))
        ));
        assert!(matches!(
            Config::new("not a url", PathBuf::new(), "a@b.cy", None),
            Err(ConfigError::BaseUrl(_))
        ));
        assert!(matches!(
            Config::new("http://x", PathBuf::new(), "nope", None),
            Err(ConfigError::MailFrom(_))
        ));
        assert!(SmtpSecurity::parse("STARTTLS").is_ok() && SmtpSecurity::parse("ssl").is_err());
    }

    #[test]
    fn smtp_password_is_not_printed() {
        let s = SmtpConfig {
            host: "h".into(),
            port: 25,
            username: Some("u".into()),
            password: Some("hunter2-secret".into()),
            security: SmtpSecurity::None,
        };
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
