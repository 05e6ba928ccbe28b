//! CSRF protection for every state-changing request: a double-submit token.
//! Each visitor has a random token in an HttpOnly, SameSite=Lax cookie; every form
//! carries the same token in a hidden `_csrf` field (htmx sends it as the
//! `X-CSRF-Token` header). A POST whose proof does not match is refused, and so
//! is one the browser says came from another site (`Sec-Fetch-Site`) or whose
//! `Origin` is not the configured base URL's, whatever its token. A request
//! without those headers (an older browser, a script) is judged by its token
//! alone; `Origin: null`, which browsers send under our `no-referrer` policy,
//! says nothing either way. The public health check and emailed unsubscribe
//! links are the exceptions (see `protect`).

use crate::cookies;
use crate::error::{AppError, ErrorKind};
use crate::state::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Largest body the CSRF check will read; larger bodies are refused earlier by
/// the body limit.
pub const MAX_BODY: usize = ymarfer_app::files::MAX_FILE + 2 * 1024 * 1024;

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

/// Whether the browser says the request came from another site: a
/// `Sec-Fetch-Site` other than same-origin (or `none`, typed by the person),
/// or an `Origin` that is not the base URL's.
fn from_elsewhere(headers: &HeaderMap, base: &url::Url) -> bool {
    let fetch_site = headers
        .get("sec-fetch-site")
        .map(|v| v.to_str().unwrap_or("cross-site").to_ascii_lowercase());
    if fetch_site.is_some_and(|s| s != "same-origin" && s != "none") {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    if origin == "null" {
        return false;
    }
    !origin
        .trim_end_matches('/')
        .eq_ignore_ascii_case(&base.origin().ascii_serialization())
}

/// Refuses a state change with the translated 403, logging the path as every
/// log line names one: with its secrets masked.
fn refuse(method: &Method, path: &str, why: &'static str) -> Response {
    tracing::warn!(%method, path = %crate::security::logged_path(path), why, "CSRF check failed");
    AppError::Kind(ErrorKind::CsrfFailed).into_response()
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
        if from_elsewhere(&parts.headers, &state.config.base_url) {
            return refuse(&parts.method, parts.uri.path(), "another site");
        }
        let Some(expected) = cookie.clone() else {
            return refuse(&parts.method, parts.uri.path(), "no cookie");
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
            return refuse(&parts.method, parts.uri.path(), "token");
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
    use std::sync::{Arc, Mutex};
    use tracing::Subscriber;
    use tracing::field::{Field, Visit};
    use tracing_subscriber::Layer;
    use tracing_subscriber::layer::{Context, SubscriberExt};

    /// Every field of every event, as text.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<String>>);
    impl Visit for Captured {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            let mut text = self.0.lock().unwrap();
            text.push_str(&format!("{}={value:?} ", field.name()));
        }
    }
    impl<S: Subscriber> Layer<S> for Captured {
        fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
            event.record(&mut self.clone());
        }
    }

    /// A refused form on an emailed link's page names the route's place in
    /// the log, never the link's secret.
    #[test]
    fn a_refusal_never_logs_a_link_secret() {
        let secret = "3f".repeat(32);
        let captured = Captured::default();
        let subscriber = tracing_subscriber::registry().with(captured.clone());
        tracing::subscriber::with_default(subscriber, || {
            for path in [
                format!("/en/reset-password/{secret}"),
                format!("/cy/invitation/{secret}"),
                format!("/en/sign-in/link/{secret}"),
                format!("/en/setup/{secret}"),
                format!("/en/follow-up/{secret}"),
                format!("/calendar/{secret}.ics"),
            ] {
                let res = refuse(&Method::POST, &path, "token");
                assert_eq!(res.status(), 403);
            }
        });
        let log = captured.0.lock().unwrap().clone();
        assert!(log.contains("/en/reset-password/"), "{log}");
        assert!(!log.contains(&secret), "{log}");
    }

    #[test]
    fn another_site_is_refused_whatever_its_token() {
        let base = url::Url::parse("https://ymarfer.example.org/").unwrap();
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_static(v));
            }
            from_elsewhere(&h, &base)
        };
        // Nothing said: the token decides.
        assert!(!with(&[]));
        assert!(!with(&[("origin", "https://ymarfer.example.org")]));
        assert!(!with(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-origin")
        ]));
        assert!(!with(&[("sec-fetch-site", "none")]));
        assert!(with(&[("origin", "https://evil.example.com")]));
        assert!(with(&[("origin", "http://ymarfer.example.org")]));
        assert!(with(&[("origin", "https://ymarfer.example.org:8443")]));
        assert!(with(&[("sec-fetch-site", "cross-site")]));
        assert!(with(&[("sec-fetch-site", "same-site")]));
        assert!(with(&[
            ("origin", "https://ymarfer.example.org"),
            ("sec-fetch-site", "cross-site")
        ]));
    }

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
