use serde::Serialize;

/// An email address that has passed a practical syntax check and is stored lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("error-email-empty")]
    Empty,
    #[error("error-email-invalid")]
    Invalid,
}

impl EmailError {
    /// The Fluent message id that explains this error to a person.
    pub fn message_id(self) -> &'static str {
        match self {
            EmailError::Empty => "error-email-empty",
            EmailError::Invalid => "error-email-invalid",
        }
    }
}

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::Invalid);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(EmailError::Invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(EmailError::Invalid);
        }
        // The mail library's own rules: an address accepted here can be sent to.
        if !email_address::EmailAddress::is_valid_local_part(local)
            || !email_address::EmailAddress::is_valid_domain(domain)
        {
            return Err(EmailError::Invalid);
        }
        Ok(Email(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(
            Email::parse("  Siân.Jones@Example.CYMRU ").map(|e| e.0),
            Ok("siân.jones@example.cymru".to_string())
        );
    }

    #[test]
    fn rejects_bad_addresses() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        for bad in [
            "no-at-sign",
            "a@b",
            "@example.com",
            "a b@example.com",
            "a@example..com",
            "a(b@example.test",
            "a\"b@example.test",
            ".a@example.test",
            "a..b@example.test",
            "a@.example.com",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
    }
}
