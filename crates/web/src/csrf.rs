//! CSRF protection for every state-changing request: a double-submit token.
//! Each visitor has a random token in an HttpOnly, SameSite=Lax cookie; every form
//! carries the same token in a hidden `_csrf` field (htmx sends it as the
//! `X-CSRF-Token` header). A POST whose proof does not match is refused. The
//! public health check is the one exception (see `protect`).

use crate::cookies;
use crate::error::{AppError, ErrorKind};
use crate::state::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Largest body the CSRF check will read; larger bodies are refused earlier by
/// the body limit.
pub const MAX_BODY: usize = crate::files::MAX_FILE + 2 * 1024 * 1024;

pub fn new_token() -> String {
    ymarfer_store::secret::new_secret().0
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Finds the `_csrf` value in a URL-encoded or multipart form body.
fn token_in_body(content_type: &str, body: &[u8]) -> Option<String> {
    if content_type.starts_with("application/x-www-form-urlencoded") {
        return url::form_urlencoded::parse(body)
            .find(|(k, _)| k == "_csrf")
            .map(|(_, v)| v.into_owned());
    }
    if content_type.starts_with("multipart/form-data") {
        let text = String::from_utf8_lossy(body);
        let start = text.find("name=\"_csrf\"")?;
        let after = &text[start..];
        let value_start = after.find("\r\n\r\n")? + 4;
        let value = &after[value_start..];
        let end = value.find("\r\n")?;
        return Some(value[..end].trim().to_string());
    }
    None
}

pub async fn protect(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let cookie = cookies::get(req.headers(), cookies::CSRF).filter(|c| c.len() >= 32);
    // The public health check needs no cookie, so that it works framed on a
    // partner's site: each of its forms but the first acts on a check whose
    // unguessable token is in the address, which a forger cannot know; the
    // first only starts an empty check, and is throttled.
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || crate::security::is_health_check(req.uri().path())
        || crate::security::is_unsubscribe(req.uri().path());
    let (parts, body) = req.into_parts();
    let req = if safe {
        Request::from_parts(parts, body)
    } else {
        let Some(expected) = cookie.clone() else {
            return AppError::Kind(ErrorKind::CsrfFailed).into_response();
        };
        let header_token = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let (token, body) = match header_token {
            Some(t) => (Some(t), body),
            None => {
                let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
                    return AppError::Kind(ErrorKind::TooLarge).into_response();
                };
                let content_type = parts
                    .headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                (token_in_body(content_type, &bytes), Body::from(bytes))
            }
        };
        if !token.is_some_and(|t| constant_time_eq(t.as_bytes(), expected.as_bytes())) {
            tracing::warn!(method = %parts.method, path = %parts.uri.path(), "CSRF check failed");
            return AppError::Kind(ErrorKind::CsrfFailed).into_response();
        }
        Request::from_parts(parts, body)
    };
    let (token, fresh) = match cookie {
        Some(t) => (t, false),
        None => (new_token(), true),
    };
    let mut req = req;
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(req).await;
    let handler_set_one = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.as_bytes().starts_with(cookies::CSRF.as_bytes()));
    if fresh && !handler_set_one {
        let value = cookies::set(
            cookies::CSRF,
            &token,
            60 * 60 * 24 * 30,
            state.config.secure_cookies(),
        );
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_token_in_bodies() {
        assert_eq!(
            token_in_body(
                "application/x-www-form-urlencoded",
                b"a=1&_csrf=abc%20d&b=2"
            )
            .as_deref(),
            Some("abc d")
        );
        let multipart =
            b"--X\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok123\r\n--X--\r\n";
        assert_eq!(
            token_in_body("multipart/form-data; boundary=X", multipart).as_deref(),
            Some("tok123")
        );
        assert_eq!(token_in_body("text/plain", b"_csrf=abc"), None);
        assert!(
            constant_time_eq(b"abc", b"abc")
                && !constant_time_eq(b"abc", b"abd")
                && !constant_time_eq(b"a", b"ab")
        );
    }
}
