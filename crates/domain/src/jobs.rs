//! Scheduled jobs and when each is due. A job runs once per slot: the slot
//! names the minute, day or week it is for, so that several servers sharing a
//! database agree on it and only the first to claim it runs it.

use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};

use crate::code::coded_enum;

coded_enum! {
    /// The jobs `serve` runs.
    pub enum Job {
        /// Emails notices to those who want them at once (every minute).
        Notices = "notices", "job-notices";
        /// The daily digest of notices, from 07:00 UK time.
        DailyDigest = "daily_digest", "job-daily-digest";
        /// The weekly digest, on Mondays from 07:00 UK time.
        WeeklyDigest = "weekly_digest", "job-weekly-digest";
        /// Follow-ups, re-check invitations and forgetting old leads, from 06:00.
        Followups = "followups", "job-followups";
        /// Emails waiting in the queue, tried again when due (every minute).
        Mail = "mail", "job-mail";
    }
}

impl Job {
    /// The slot due at `now`, or `None` when the job is not due yet today
    /// (or this week).
    pub fn slot(self, now: DateTime<Utc>) -> Option<String> {
        let local = crate::uktime::to_local(now);
        match self {
            Job::Notices | Job::Mail => Some(local.format("%Y-%m-%dT%H:%M").to_string()),
            Job::DailyDigest => (local.hour() >= 7).then(|| local.format("%Y-%m-%d").to_string()),
            Job::WeeklyDigest => {
                (local.weekday() == Weekday::Mon && local.hour() >= 7).then(|| {
                    let week = local.iso_week();
                    format!("{}-W{:02}", week.year(), week.week())
                })
            }
            Job::Followups => (local.hour() >= 6).then(|| local.format("%Y-%m-%d").to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn slots_follow_uk_time() {
        // 06:30 UTC on a Monday in December is 06:30 in the UK.
        let early = Utc.with_ymd_and_hms(2026, 11, 30, 6, 30, 0).unwrap();
        assert_eq!(
            Job::Notices.slot(early).as_deref(),
            Some("2026-11-30T06:30")
        );
        assert_eq!(Job::DailyDigest.slot(early), None);
        assert_eq!(Job::Followups.slot(early).as_deref(), Some("2026-11-30"));
        let later = Utc.with_ymd_and_hms(2026, 11, 30, 7, 0, 0).unwrap();
        assert_eq!(Job::DailyDigest.slot(later).as_deref(), Some("2026-11-30"));
        assert_eq!(Job::WeeklyDigest.slot(later).as_deref(), Some("2026-W49"));
        // In summer the UK is an hour ahead: 06:10 UTC is 07:10 BST.
        let summer = Utc.with_ymd_and_hms(2026, 7, 6, 6, 10, 0).unwrap();
        assert_eq!(Job::DailyDigest.slot(summer).as_deref(), Some("2026-07-06"));
        let tuesday = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        assert_eq!(Job::WeeklyDigest.slot(tuesday), None);
    }
}
