//! Reading and writing the few cookies Ymarfer uses.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION: &str = "ymarfer_session";
pub const CSRF: &str = "ymarfer_csrf";
pub const LANG: &str = "ymarfer_lang";

pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
}

/// A `Set-Cookie` value. Every cookie is HttpOnly and SameSite=Lax; Secure behind HTTPS.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    format!(
        "{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear(name: &str, secure: bool) -> String {
    set(name, "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn reads_named_cookie() {
        let mut h = HeaderMap::new();
        h.insert(
            COOKIE,
            HeaderValue::from_static("a=1; ymarfer_csrf=abc; b=2"),
        );
        assert_eq!(get(&h, CSRF).as_deref(), Some("abc"));
        assert_eq!(get(&h, SESSION), None);
        assert!(set(SESSION, "x", 10, true).ends_with("; Secure"));
        assert!(clear(SESSION, false).contains("Max-Age=0"));
    }
}
