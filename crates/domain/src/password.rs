/// Rules a new password must meet. Length is what matters most; we do not demand
/// symbol soup, which only pushes people towards worse passwords.
pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordError {
    TooShort,
    TooLong,
    SameAsEmail,
}

impl PasswordError {
    pub fn message_id(self) -> &'static str {
        match self {
            PasswordError::TooShort => "error-password-too-short",
            PasswordError::TooLong => "error-password-too-long",
            PasswordError::SameAsEmail => "error-password-same-as-email",
        }
    }
}

pub fn check_new_password(password: &str, email: &str) -> Result<(), PasswordError> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordError::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordError::TooLong);
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(PasswordError::SameAsEmail);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules() {
        assert_eq!(
            check_new_password("short", "a@b.cy"),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            check_new_password(&"x".repeat(257), "a@b.cy"),
            Err(PasswordError::TooLong)
        );
        assert_eq!(
            check_new_password("Person@Example.com", "person@example.com"),
            Err(PasswordError::SameAsEmail)
        );
        assert_eq!(
            check_new_password("correct horse battery", "a@b.cy"),
            Ok(())
        );
        // Welsh letters count as one character each.
        assert_eq!(check_new_password("ŵŷâêîôûŵŷâ", "a@b.cy"), Ok(()));
    }
}
