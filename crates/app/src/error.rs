//! What an act answers when it does not do what was asked. Each case names a
//! Fluent message, so every door can say it in the person's language.

/// Why an act was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Nobody is signed in, and the act needs someone.
    #[error("sign in first")]
    SignIn,
    /// The acting person may not do this to a record they may see.
    #[error("forbidden")]
    Forbidden,
    /// The record does not exist, or the acting person may not know it does.
    #[error("not found")]
    NotFound,
    /// The input cannot be acted on; the message says why.
    #[error("invalid: {0}")]
    Invalid(&'static str),
    /// An email the act depends on could not be sent, and nothing was saved.
    #[error("mail could not be sent")]
    MailFailed,
    /// Too many attempts lately from this person or address; wait.
    #[error("too many attempts")]
    Throttled,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl Error {
    /// The Fluent message that tells a person what happened.
    pub fn message_id(&self) -> &'static str {
        match self {
            Error::SignIn => "error-sign-in",
            Error::Forbidden => "error-forbidden",
            Error::NotFound => "error-not-found",
            Error::Invalid(id) => id,
            Error::MailFailed => "error-mail-failed",
            Error::Throttled => "error-too-many",
            Error::Internal(_) => "error-internal",
        }
    }
}

impl From<ymarfer_store::StoreError> for Error {
    fn from(e: ymarfer_store::StoreError) -> Self {
        Error::Internal(e.into())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
