//! Security headers on every response.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The public health check may be framed by the partners' sites the
/// configuration names; every other page by none.
pub async fn partner_framing(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let framable = is_health_check(req.uri().path()) && !state.config.frame_origins.is_empty();
    let mut res = next.run(req).await;
    if framable {
        let policy = CONTENT_SECURITY_POLICY.replace(
            "frame-ancestors 'none'",
            &format!("frame-ancestors {}", state.config.frame_origins.join(" ")),
        );
        if let Ok(v) = HeaderValue::from_str(&policy) {
            // Browsers follow frame-ancestors over X-Frame-Options when both are sent.
            res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    res
}

/// Segments after which a path carries a link's secret.
const SECRET_AFTER: &[&str] = &[
    "link",
    "reset-password",
    "invitation",
    "setup",
    "follow-up",
    "unsubscribe",
    "health-check",
    "calendar",
];

/// A path as every log line that names one writes it: the secret of an
/// emailed link, a calendar feed or a health check replaced by `***`, and so
/// is any segment that looks like a secret (a long run of hex digits, an API
/// token). Logs otherwise name the route a request matched, never its path.
pub fn logged_path(path: &str) -> String {
    let looks_secret = |segment: &str| {
        segment.starts_with("ymf_")
            || segment
                .split(|c: char| !c.is_ascii_hexdigit())
                .any(|run| run.len() >= 32)
    };
    let mut previous = "";
    let mut out = Vec::new();
    for segment in path.split('/') {
        let masked =
            SECRET_AFTER.contains(&previous) && !segment.is_empty() || looks_secret(segment);
        out.push(if masked { "***" } else { segment });
        previous = segment;
    }
    out.join("/")
}

/// The public health check's pages, in either language.
pub fn is_health_check(path: &str) -> bool {
    ["/en/health-check", "/cy/health-check"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

/// An emailed unsubscribe link, which a mail program may post to without any
/// cookie (RFC 8058); its unguessable token is the proof.
pub fn is_unsubscribe(path: &str) -> bool {
    ["/en/unsubscribe/", "/cy/unsubscribe/"]
        .iter()
        .any(|p| path.starts_with(p))
}

pub fn layers() -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // Emailed links carry secrets in their path: never send it elsewhere.
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
        (header::CACHE_CONTROL, "no-store"),
    ];
    fixed
        .into_iter()
        .map(|(name, value)| {
            SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::logged_path;

    #[test]
    fn logged_paths_keep_no_secret() {
        let secret = "0a".repeat(32);
        for (path, logged) in [
            (
                format!("/en/reset-password/{secret}"),
                "/en/reset-password/***",
            ),
            (format!("/cy/invitation/{secret}"), "/cy/invitation/***"),
            (format!("/en/sign-in/link/{secret}"), "/en/sign-in/link/***"),
            (
                format!("/en/health-check/{secret}/3"),
                "/en/health-check/***/3",
            ),
            (format!("/calendar/{secret}.ics"), "/calendar/***"),
            (format!("/en/anything/{secret}"), "/en/anything/***"),
            ("/en/unsubscribe/short".to_string(), "/en/unsubscribe/***"),
            ("/en/projects/12/edit".to_string(), "/en/projects/12/edit"),
            ("/en/health-check".to_string(), "/en/health-check"),
        ] {
            assert_eq!(logged_path(&path), logged, "{path}");
        }
    }
}
