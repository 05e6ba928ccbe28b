//! When follow-ups are due: 3, 6 and 12 months after a cohort ends, with one
//! reminder to those unanswered after two weeks.

use chrono::{Months, NaiveDate};

/// Months after a cohort's end at which each organisation is asked again.
pub const MONTHS: [u32; 3] = [3, 6, 12];

/// Days after a follow-up was sent before its one reminder goes.
pub const REMIND_AFTER_DAYS: i64 = 14;

/// The follow-ups due by `today` for a cohort that ended on `end`, in months.
pub fn due(end: NaiveDate, today: NaiveDate) -> Vec<i64> {
    MONTHS
        .iter()
        .filter(|m| end.checked_add_months(Months::new(**m)).unwrap_or(end) <= today)
        .map(|m| i64::from(*m))
        .collect()
}

/// Whether an unanswered, unreminded follow-up sent on `sent_on` is due its reminder.
pub fn reminder_due(sent_on: NaiveDate, today: NaiveDate) -> bool {
    (today - sent_on).num_days() > REMIND_AFTER_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_at_three_six_and_twelve_months() {
        let end = d(2026, 1, 31);
        assert!(due(end, d(2026, 4, 29)).is_empty());
        assert_eq!(due(end, d(2026, 4, 30)), vec![3], "end of a shorter month");
        assert_eq!(due(end, d(2026, 8, 1)), vec![3, 6]);
        assert_eq!(due(end, d(2027, 2, 1)), vec![3, 6, 12]);
    }

    #[test]
    fn one_reminder_after_two_weeks() {
        assert!(!reminder_due(d(2026, 5, 1), d(2026, 5, 15)));
        assert!(reminder_due(d(2026, 5, 1), d(2026, 5, 16)));
    }
}
