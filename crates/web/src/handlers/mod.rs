pub mod account;
pub mod additionality;
pub mod admin;
pub mod api_docs;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod benefits;
pub mod capability;
pub mod claims;
pub mod cohorts;
pub mod cycles;
pub mod engagement;
pub mod followup;
pub mod health;
pub mod health_check;
pub mod home;
pub mod impact;
pub mod leads;
pub mod live;
pub mod operations;
pub mod organisations;
pub mod people;
pub mod privacy;
pub mod programmes;
pub mod projects;
pub mod readings;
pub mod reference;
pub mod returns;
pub mod rhythm;
pub mod scenarios;
pub mod search;
pub mod sessions;
pub mod sets;
pub mod showcase;
pub mod space;
pub mod tokens;
pub mod tools;

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;

/// A URL-encoded form. A body that cannot be read as the form is a translated
/// 400 page, never a bare rejection.
pub struct FormData<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for FormData<T> {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        // The body is read once and checked at the edge before it is parsed:
        // a control character (but tab and line breaks) is a 422.
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, crate::csrf::MAX_BODY)
            .await
            .map_err(|_| AppError::BAD_REQUEST)?;
        if !crate::edge::clean_encoded(&bytes, true) {
            return Err(AppError::Kind(crate::error::ErrorKind::ControlCharacters));
        }
        let req = Request::from_parts(parts, axum::body::Body::from(bytes));
        axum::Form::<T>::from_request(req, state)
            .await
            .map(|f| FormData(f.0))
            .map_err(|_| AppError::BAD_REQUEST)
    }
}

/// A multipart form with at most one file (in the field `file`): its text
/// fields, and the file's name and bytes when one was chosen. A body that is
/// not such a form is a translated 400 page.
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub file: Option<(String, bytes::Bytes)>,
}

impl Upload {
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let mut multipart = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| AppError::BAD_REQUEST)?;
        let mut upload = Upload {
            fields: Vec::new(),
            file: None,
        };
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| AppError::BAD_REQUEST)?
        {
            let name = field.name().unwrap_or_default().to_string();
            if name == "file" {
                let filename = field.file_name().unwrap_or_default().to_string();
                let data = field.bytes().await.map_err(|_| AppError::BAD_REQUEST)?;
                // A browser sends an empty part when no file was chosen.
                if !data.is_empty() {
                    upload.file = Some((filename, data));
                }
            } else {
                let text = field.text().await.map_err(|_| AppError::BAD_REQUEST)?;
                if !crate::edge::clean(&name, false) || !crate::edge::clean(&text, true) {
                    return Err(AppError::Kind(crate::error::ErrorKind::ControlCharacters));
                }
                upload.fields.push((name, text));
            }
        }
        Ok(upload)
    }
}

/// The network address a request came from, for throttling.
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(ClientAddr(state.config.client_address(peer, forwarded)))
    }
}

/// A page's query after a form: which change was just made, for its notice.
#[derive(serde::Deserialize, Default)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// Where to go after signing in: only a path on this site, never elsewhere.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?.trim();
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.chars().any(|c| c.is_control() || c.is_whitespace())
        && !next.contains('\\')
        && !next.contains("://");
    let ours = next.starts_with("/en") || next.starts_with("/cy");
    (local && ours).then(|| next.to_string())
}

/// 303 See Other: the answer to a successful form.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_with_line_breaks_is_dropped() {
        assert_eq!(safe_next(Some("/en/profile\r\nSet-Cookie: x=1")), None);
        assert_eq!(safe_next(Some("/en/pro file")), None);
    }

    #[test]
    fn next_stays_on_site() {
        assert_eq!(
            safe_next(Some("/cy/profile")).as_deref(),
            Some("/cy/profile")
        );
        assert_eq!(safe_next(Some("//evil.example/en")), None);
        assert_eq!(safe_next(Some("https://evil.example/en")), None);
        assert_eq!(safe_next(Some("/static/x")), None);
        assert_eq!(safe_next(None), None);
    }
}
