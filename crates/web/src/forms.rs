//! Field-by-field validation messages, kept beside what the person typed.

/// Messages for the fields of one form, already translated.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[(&'static str, String)] {
        &self.0
    }
}

/// A new one-time key for a form: shown in it as a hidden field, it lets the
/// act see the same form sent twice (a double tap, a retry) and do it once.
pub fn once_key() -> String {
    ymarfer_store::secret::new_secret().0
}

/// Whether a form's one-time key looks like one [`once_key`] makes.
pub fn sound_once_key(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
