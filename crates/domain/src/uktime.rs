//! UK civil time. Times are stored in UTC; people type and read them in UK time,
//! which is GMT in winter and BST (UTC+1) from 01:00 UTC on the last Sunday of March
//! until 01:00 UTC on the last Sunday of October.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let mut day = next_month.pred_opt()?;
    while day.weekday() != Weekday::Sun {
        day = day.pred_opt()?;
    }
    Some(day)
}

/// Whether BST is in force at this instant.
pub fn is_bst(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let (Some(start), Some(end)) = (last_sunday(year, 3), last_sunday(year, 10)) else {
        return false;
    };
    let one_am = |d: NaiveDate| d.and_hms_opt(1, 0, 0).map(|t| Utc.from_utc_datetime(&t));
    match (one_am(start), one_am(end)) {
        (Some(s), Some(e)) => at >= s && at < e,
        _ => false,
    }
}

pub fn to_local(at: DateTime<Utc>) -> NaiveDateTime {
    let offset = if is_bst(at) {
        Duration::hours(1)
    } else {
        Duration::zero()
    };
    (at + offset).naive_utc()
}

/// The UTC instant of a UK wall-clock time. In the hour that does not exist in
/// spring, and the hour that happens twice in autumn, the BST reading is taken.
pub fn to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    let as_bst = Utc.from_utc_datetime(&(local - Duration::hours(1)));
    if is_bst(as_bst) {
        as_bst
    } else {
        Utc.from_utc_datetime(&local)
    }
}

/// Parses the value of an `<input type="datetime-local">` (UK time) to UTC.
pub fn parse_local(input: &str) -> Option<DateTime<Utc>> {
    let s = input.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()
        .map(to_utc)
}

/// Today's date in the UK.
pub fn today() -> NaiveDate {
    to_local(Utc::now()).date()
}

/// The value for an `<input type="datetime-local">`, in UK time.
pub fn format_local_input(at: DateTime<Utc>) -> String {
    to_local(at).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn summer_and_winter() {
        // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert!(!is_bst(utc("2026-03-29T00:59:59Z")));
        assert!(is_bst(utc("2026-03-29T01:00:00Z")));
        assert!(is_bst(utc("2026-10-25T00:59:59Z")));
        assert!(!is_bst(utc("2026-10-25T01:00:00Z")));
        assert_eq!(
            parse_local("2026-06-10T09:30"),
            Some(utc("2026-06-10T08:30:00Z"))
        );
        assert_eq!(
            parse_local("2026-12-10T09:30"),
            Some(utc("2026-12-10T09:30:00Z"))
        );
        assert_eq!(
            format_local_input(utc("2026-06-10T08:30:00Z")),
            "2026-06-10T09:30"
        );
        assert_eq!(parse_local("10/06/2026"), None);
    }
}
