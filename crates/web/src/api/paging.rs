//! Lists, paged in id order by a cursor: the id of the last item seen.

use crate::api::error::{ApiError, ApiResult};
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use utoipa::ToSchema;

/// The most items one page of a list holds, and how many it holds unless asked.
pub const MAX_LIMIT: i64 = 200;
pub const DEFAULT_LIMIT: i64 = 50;

/// Where a page of a list starts and how long it is.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next` cursor of the previous page; none for the first page.
    #[param(pattern = r"^[0-9]{0,18}$")]
    pub after: Option<String>,
    /// How many items, 1 to 200; 50 unless given.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

impl PageQuery {
    /// The last id already seen (0 for the first page) and the page's length.
    pub fn bounds(&self) -> ApiResult<(i64, i64)> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::new(StatusCode::BAD_REQUEST, "api-error-limit"));
        }
        let after = match self.after.as_deref() {
            None | Some("") => 0,
            Some(cursor) => cursor
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0 && cursor.bytes().all(|b| b.is_ascii_digit()))
                // Cursors this API gave before they were plain numbers.
                .or_else(|| {
                    URL_SAFE_NO_PAD
                        .decode(cursor)
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                        .and_then(|s| s.strip_prefix("id:").and_then(|n| n.parse::<i64>().ok()))
                        .filter(|n| *n >= 0)
                })
                .ok_or_else(|| ApiError::new(StatusCode::BAD_REQUEST, "api-error-cursor"))?,
        };
        Ok((after, limit))
    }
}

/// A page of a list, in id order, and the cursor of the next page (none at the end).
#[derive(Debug, Serialize, ToSchema)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

impl<T> Paged<T> {
    /// From one more item than asked for: its presence says there is a next page.
    pub fn of(mut items: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> Paged<T> {
        let more = items.len() as i64 > limit;
        items.truncate(limit.max(0) as usize);
        let next = if more {
            items.last().map(|last| id(last).to_string())
        } else {
            None
        };
        Paged { items, next }
    }
}
