//! Text as it arrives, checked once at the edge: no control characters (NUL,
//! escape, the C1 controls…) in query strings, form fields or JSON strings;
//! only tab, carriage return and line feed, and only in bodies, where a field
//! may hold several lines. A request carrying one is refused with a translated
//! 422 before any handler, store or page sees it.

use crate::error::{AppError, ErrorKind};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether `c` may not arrive in text; `multi_line` allows tab, CR and LF.
pub fn unwanted(c: char, multi_line: bool) -> bool {
    c.is_control() && !(multi_line && matches!(c, '\t' | '\r' | '\n'))
}

/// Whether `text` has no unwanted character.
pub fn clean(text: &str, multi_line: bool) -> bool {
    !text.chars().any(|c| unwanted(c, multi_line))
}

/// Whether every name and value of a URL-encoded string (a query, or a form
/// body when `multi_line`), once decoded, is clean.
pub fn clean_encoded(encoded: &[u8], multi_line: bool) -> bool {
    url::form_urlencoded::parse(encoded).all(|(k, v)| clean(&k, false) && clean(&v, multi_line))
}

/// Whether every string in a JSON value (its keys too) is clean.
pub fn clean_json(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => clean(s, true),
        Value::Array(items) => items.iter().all(clean_json),
        Value::Object(fields) => fields.iter().all(|(k, v)| clean(k, false) && clean_json(v)),
        Value::Null | Value::Bool(_) | Value::Number(_) => true,
    }
}

/// Whether a request's query string is clean.
pub fn clean_query(req: &Request) -> bool {
    req.uri()
        .query()
        .is_none_or(|q| clean_encoded(q.as_bytes(), false))
}

/// Refuses a page request whose query string carries a control character.
pub async fn refuse_control_characters(req: Request, next: Next) -> Response {
    if !clean_query(&req) {
        return AppError::Kind(ErrorKind::ControlCharacters).into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_unwanted_but_line_breaks_in_bodies() {
        assert!(!clean("a\u{0}b", true));
        assert!(!clean("a\u{11}b", true));
        assert!(!clean("a\u{7f}", true));
        assert!(!clean("a\u{85}", true));
        assert!(clean("line one\r\nline two\tend", true));
        assert!(!clean("line one\nline two", false));
        assert!(clean("Siân’s café — ŵ", false));
        assert!(!clean_encoded(b"q=%00", false));
        assert!(!clean_encoded(b"q%01=x", false));
        assert!(clean_encoded(b"q=kanban+board&page=2", false));
        assert!(clean_encoded(b"body=one%0D%0Atwo", true));
        assert!(!clean_encoded(b"body=one%0D%0Atwo", false));
        let json: serde_json::Value =
            serde_json::from_str(r#"{"a": ["ok", {"b": "x\u0000"}]}"#).unwrap();
        assert!(!clean_json(&json));
        let json: serde_json::Value =
            serde_json::from_str(r#"{"a": ["ok\nfine", 3, null, {"b": true}]}"#).unwrap();
        assert!(clean_json(&json));
    }
}
