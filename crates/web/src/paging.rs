//! Pages of lists that grow, for people: "Previous page" and "Next page"
//! links that seek from an item's id (`?after=` / `?before=`, the same plain
//! ids as the API's cursors), keeping the list's filters. Plain links, so
//! they work without JavaScript.

use crate::error::{AppError, ErrorKind};
use ymarfer_store::seek::{Paged, Seek};

/// How many items a page of a list shows.
pub const PAGE_SIZE: i64 = 50;

/// Where the page asked for starts: from `after` or `before` (an item's id).
/// Anything but an id is a bad link, answered with a translated page.
pub fn seek(after: Option<&str>, before: Option<&str>) -> Result<Seek, AppError> {
    let id = |s: &str| {
        s.parse::<i64>()
            .ok()
            .filter(|n| *n >= 0 && s.bytes().all(|b| b.is_ascii_digit()))
            .ok_or(AppError::Kind(ErrorKind::BadPageLink))
    };
    match (
        after.filter(|s| !s.is_empty()),
        before.filter(|s| !s.is_empty()),
    ) {
        (None, None) => Ok(Seek::First),
        (Some(a), None) => Ok(Seek::After(id(a)?)),
        (None, Some(b)) => Ok(Seek::Before(id(b)?)),
        (Some(_), Some(_)) => Err(AppError::Kind(ErrorKind::BadPageLink)),
    }
}

/// A numbered page of a ranked list asked for: a number from 1 to `last`;
/// none is the first, anything else a bad link, answered with a translated
/// page.
pub fn page_number(asked: &str, last: u32) -> Result<u32, AppError> {
    if asked.is_empty() {
        return Ok(1);
    }
    asked
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=last).contains(n) && asked.bytes().all(|b| b.is_ascii_digit()))
        .ok_or(AppError::Kind(ErrorKind::BadPageLink))
}

/// The links to the pages either side of one page of a list.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    pub previous: Option<String>,
    pub next: Option<String>,
    /// How many items the whole list holds.
    pub total: i64,
}

impl Pager {
    /// The links from `base` (the list's address with its filters, already
    /// escaped), seeking with `after`/`before` under the given names.
    pub fn of<T>(base: &str, (after, before): (&str, &str), page: &Paged<T>, total: i64) -> Pager {
        let join = if base.contains('?') { '&' } else { '?' };
        Pager {
            previous: page.previous.map(|id| format!("{base}{join}{before}={id}")),
            next: page.next.map(|id| format!("{base}{join}{after}={id}")),
            total,
        }
    }

    /// Whether there is more than this page.
    pub fn any(&self) -> bool {
        self.previous.is_some() || self.next.is_some()
    }
}

/// A list's address with its filters: `base` and each non-empty pair.
pub fn with_query(base: &str, pairs: &[(&str, &str)]) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            q.append_pair(k, v);
        }
    }
    let q = q.finish();
    if q.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{q}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_numbers_up_to_the_last() {
        assert_eq!(page_number("", 25).unwrap(), 1);
        assert_eq!(page_number("3", 25).unwrap(), 3);
        for bad in ["0", "26", "x", "+2", "-1", "2.0", "99999999999"] {
            assert!(page_number(bad, 25).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_ids_seek() {
        assert_eq!(seek(None, None).unwrap(), Seek::First);
        assert_eq!(seek(Some(""), Some("")).unwrap(), Seek::First);
        assert_eq!(seek(Some("12"), None).unwrap(), Seek::After(12));
        assert_eq!(seek(None, Some("7")).unwrap(), Seek::Before(7));
        for bad in ["x", "-1", "+3", "1e3", "99999999999999999999"] {
            assert!(seek(Some(bad), None).is_err(), "{bad}");
        }
        assert!(seek(Some("1"), Some("2")).is_err());
    }

    #[test]
    fn links_keep_the_filters() {
        let page = Paged {
            items: vec![1, 2],
            previous: Some(1),
            next: Some(2),
        };
        let p = Pager::of("/en/x?cohort=a%20b", ("after", "before"), &page, 9);
        assert_eq!(p.previous.as_deref(), Some("/en/x?cohort=a%20b&before=1"));
        assert_eq!(p.next.as_deref(), Some("/en/x?cohort=a%20b&after=2"));
        let p = Pager::of("/en/x", ("after", "before"), &page, 9);
        assert_eq!(p.next.as_deref(), Some("/en/x?after=2"));
        assert_eq!(
            with_query("/en/x", &[("q", "a b"), ("s", "")]),
            "/en/x?q=a+b"
        );
    }
}
