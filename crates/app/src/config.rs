use std::net::IpAddr;
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
    /// Reverse proxies in front of Ymarfer. A request from one of these names its
    /// client in `X-Forwarded-For`; from anywhere else that header is ignored.
    pub trusted_proxies: Vec<IpAddr>,
    /// Partners' sites (origins such as `https://www.example.gov.wales`) that
    /// may show the public health check in a frame.
    pub frame_origins: Vec<String>,
    /// How long details left after a health check are kept when the firm
    /// never enrolled.
    pub lead_retention_days: i64,
    /// Where attached files live: `s3://BUCKET`, or the data folder when unset.
    pub attachments: Option<String>,
    /// How many API requests one token may make in a minute.
    pub api_per_minute: i64,
    /// How many of the public health check's question and result pages one
    /// address may load in a minute on each server (0: no limit).
    pub public_per_minute: u32,
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
    #[error(
        "YMARFER_FRAME_ORIGINS must list origins such as https://www.example.gov.wales, with no path (got {0:?})"
    )]
    FrameOrigin(String),
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
            trusted_proxies: Vec::new(),
            frame_origins: Vec::new(),
            lead_retention_days: 365,
            attachments: None,
            api_per_minute: 600,
            public_per_minute: 120,
        })
    }

    /// The same configuration, allowing each API token this many requests a minute.
    pub fn with_api_limit(mut self, per_minute: i64) -> Config {
        self.api_per_minute = per_minute.max(1);
        self
    }

    /// The same configuration, allowing one address this many of the public
    /// health check's question and result pages a minute (0: no limit).
    pub fn with_public_limit(mut self, per_minute: u32) -> Config {
        self.public_per_minute = per_minute;
        self
    }

    /// The same configuration, keeping unenrolled leads this many days.
    /// The same configuration, keeping attached files at `location` (`s3://BUCKET`).
    pub fn with_attachments(mut self, location: Option<String>) -> Config {
        self.attachments = location.filter(|l| !l.trim().is_empty());
        self
    }

    pub fn with_lead_retention_days(mut self, days: i64) -> Config {
        self.lead_retention_days = days.max(1);
        self
    }

    /// The same configuration, letting these partners' sites frame the health check.
    pub fn with_frame_origins(mut self, origins: &[String]) -> Result<Config, ConfigError> {
        self.frame_origins = origins
            .iter()
            .map(|o| {
                let o = o.trim().trim_end_matches('/');
                let url = Url::parse(o).map_err(|_| ConfigError::FrameOrigin(o.to_string()))?;
                let origin = url.origin().ascii_serialization();
                if !matches!(url.scheme(), "http" | "https") || origin != o {
                    return Err(ConfigError::FrameOrigin(o.to_string()));
                }
                Ok(origin)
            })
            .collect::<Result<_, _>>()?;
        Ok(self)
    }

    /// The same configuration, trusting these reverse proxies.
    pub fn with_trusted_proxies(mut self, proxies: Vec<IpAddr>) -> Config {
        self.trusted_proxies = proxies;
        self
    }

    /// The address a request came from, for throttling: the peer itself, unless
    /// it is a trusted proxy, in which case the nearest address in
    /// `X-Forwarded-For` that is not a trusted proxy (each proxy appends the
    /// address it heard from, so the right-most untrusted one is the client).
    pub fn client_address(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> String {
        let Some(peer) = peer else {
            return "unknown".into();
        };
        if !self.trusted_proxies.contains(&peer) {
            return peer.to_string();
        }
        forwarded_for
            .unwrap_or("")
            .rsplit(',')
            .filter_map(|a| a.trim().parse::<IpAddr>().ok())
            .find(|a| !self.trusted_proxies.contains(a))
            .unwrap_or(peer)
            .to_string()
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
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        let plain = Config::new("http://x", PathBuf::new(), "a@b.cy", None).unwrap();
        let behind = plain.clone().with_trusted_proxies(vec![proxy]);
        let xff = Some("198.51.100.7, 10.0.0.5");
        // Without a trusted proxy the header is ignored: anyone could send it.
        assert_eq!(plain.client_address(Some(proxy), xff), "10.0.0.5");
        assert_eq!(
            behind.client_address(Some("203.0.113.9".parse().unwrap()), xff),
            "203.0.113.9",
            "a peer that is not a trusted proxy speaks for itself"
        );
        assert_eq!(behind.client_address(Some(proxy), xff), "198.51.100.7");
        assert_eq!(
            behind.client_address(Some(proxy), Some("1.2.3.4, 198.51.100.7")),
            "198.51.100.7",
            "the right-most untrusted address, not one the client made up"
        );
        assert_eq!(behind.client_address(Some(proxy), None), "10.0.0.5");
        assert_eq!(behind.client_address(None, xff), "unknown");
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
