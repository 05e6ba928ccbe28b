//! Engagement in a cohort space, for its facilitators: per week, who was
//! active, what was shared, feedback given, commitments kept; per person, who
//! gives and who receives feedback; and who has gone quiet.

use crate::code::coded_enum;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{BTreeSet, HashMap};

coded_enum! {
    /// The kind of something done in a space, as the store reads it back from
    /// the records themselves (posts, feedback, reactions, commitments).
    pub enum SpaceEventKind {
        Shared = "shared", "engagement-shared";
        Comment = "comment", "engagement-comments";
        Feedback = "feedback", "engagement-feedback";
        Reaction = "reaction", "engagement-reactions";
        Commitment = "commitment", "engagement-commitments";
        /// A check-in on a commitment that was done.
        Kept = "kept", "engagement-kept";
        /// A check-in on a commitment not (yet) done.
        Checked = "checked", "engagement-checked";
    }
}

impl SpaceEventKind {
    /// The event, with `other` (the person feedback was given to).
    pub fn event(self, other: Option<i64>) -> EventKind {
        match self {
            SpaceEventKind::Shared => EventKind::Shared,
            SpaceEventKind::Comment => EventKind::Comment,
            SpaceEventKind::Feedback => EventKind::Feedback { to: other },
            SpaceEventKind::Reaction => EventKind::Reaction,
            SpaceEventKind::Commitment => EventKind::Commitment,
            SpaceEventKind::Kept => EventKind::CheckIn { kept: true },
            SpaceEventKind::Checked => EventKind::CheckIn { kept: false },
        }
    }
}

/// Something a person did in the space, on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub user: i64,
    pub on: NaiveDate,
    pub kind: EventKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// An item shared to the stream.
    Shared,
    Comment,
    /// Feedback given to `to` (the item's author).
    Feedback {
        to: Option<i64>,
    },
    Reaction,
    Commitment,
    /// A check-in; `kept` when the commitment was done.
    CheckIn {
        kept: bool,
    },
}

/// One week (from Monday) of a cohort space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Week {
    pub starts: NaiveDate,
    /// People who did anything at all.
    pub active: usize,
    pub shared: usize,
    pub feedback: usize,
    pub commitments: usize,
    /// Check-ins saying the commitment was done, of all check-ins.
    pub kept: usize,
    pub checked_in: usize,
}

/// A person's part in the space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    pub user: i64,
    pub shared: usize,
    pub comments: usize,
    pub given: usize,
    pub received: usize,
    pub last_active: Option<NaiveDate>,
}

/// Days without any activity after which a member has gone quiet.
pub const QUIET_DAYS: i64 = 14;

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Each week from the one holding `from` to the one holding `to`, in order.
pub fn weekly(events: &[Event], from: NaiveDate, to: NaiveDate) -> Vec<Week> {
    let mut weeks = Vec::new();
    let mut start = monday(from);
    let last = monday(to);
    while start <= last && weeks.len() < 104 {
        weeks.push(Week {
            starts: start,
            ..Week::default()
        });
        start += Duration::days(7);
    }
    let mut active: HashMap<NaiveDate, BTreeSet<i64>> = HashMap::new();
    for e in events {
        let Some(w) = weeks.iter_mut().find(|w| w.starts == monday(e.on)) else {
            continue;
        };
        active.entry(w.starts).or_default().insert(e.user);
        match e.kind {
            EventKind::Shared => w.shared += 1,
            EventKind::Feedback { .. } => w.feedback += 1,
            EventKind::Commitment => w.commitments += 1,
            EventKind::CheckIn { kept } => {
                w.checked_in += 1;
                if kept {
                    w.kept += 1;
                }
            }
            EventKind::Comment | EventKind::Reaction => {}
        }
    }
    for w in &mut weeks {
        w.active = active.get(&w.starts).map_or(0, BTreeSet::len);
    }
    weeks
}

/// Each member's part, in the order given, including those who did nothing.
pub fn parts(events: &[Event], members: &[i64]) -> Vec<Part> {
    let mut parts: Vec<Part> = members
        .iter()
        .map(|u| Part {
            user: *u,
            ..Part::default()
        })
        .collect();
    for e in events {
        if let EventKind::Feedback { to: Some(to) } = e.kind
            && let Some(p) = parts.iter_mut().find(|p| p.user == to)
        {
            p.received += 1;
        }
        let Some(p) = parts.iter_mut().find(|p| p.user == e.user) else {
            continue;
        };
        match e.kind {
            EventKind::Shared => p.shared += 1,
            EventKind::Comment => p.comments += 1,
            EventKind::Feedback { .. } => p.given += 1,
            _ => {}
        }
        p.last_active = p.last_active.max(Some(e.on));
    }
    parts
}

/// Whether a member has gone quiet by `today`: nothing for [`QUIET_DAYS`],
/// or nothing at all since `since` (when they joined the space, or it began).
pub fn is_quiet(part: &Part, since: NaiveDate, today: NaiveDate) -> bool {
    let last = part.last_active.unwrap_or(since);
    (today - last).num_days() >= QUIET_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn events() -> Vec<Event> {
        vec![
            // Week of Monday 2 November.
            Event {
                user: 1,
                on: day(2),
                kind: EventKind::Shared,
            },
            Event {
                user: 2,
                on: day(3),
                kind: EventKind::Feedback { to: Some(1) },
            },
            Event {
                user: 2,
                on: day(4),
                kind: EventKind::Comment,
            },
            Event {
                user: 1,
                on: day(6),
                kind: EventKind::Commitment,
            },
            // Week of Monday 9 November: nothing. Week of 16 November:
            Event {
                user: 1,
                on: day(16),
                kind: EventKind::CheckIn { kept: true },
            },
            Event {
                user: 3,
                on: day(17),
                kind: EventKind::Reaction,
            },
            Event {
                user: 3,
                on: day(18),
                kind: EventKind::CheckIn { kept: false },
            },
        ]
    }

    #[test]
    fn weeks_count_people_and_what_they_did() {
        let weeks = weekly(&events(), day(4), day(20));
        assert_eq!(weeks.len(), 3);
        assert_eq!(weeks[0].starts, day(2));
        assert_eq!(
            (
                weeks[0].active,
                weeks[0].shared,
                weeks[0].feedback,
                weeks[0].commitments
            ),
            (2, 1, 1, 1)
        );
        assert_eq!(
            weeks[1],
            Week {
                starts: day(9),
                ..Week::default()
            }
        );
        assert_eq!(
            (weeks[2].active, weeks[2].kept, weeks[2].checked_in),
            (2, 1, 2)
        );
    }

    #[test]
    fn who_gives_who_receives_and_who_is_quiet() {
        let parts = parts(&events(), &[1, 2, 3, 4]);
        assert_eq!(
            (parts[0].shared, parts[0].received, parts[0].given),
            (1, 1, 0)
        );
        assert_eq!(
            (parts[1].given, parts[1].comments, parts[1].received),
            (1, 1, 0)
        );
        assert_eq!(parts[3].last_active, None);
        let today = day(20);
        assert!(!is_quiet(&parts[0], day(1), today), "active on the 16th");
        assert!(is_quiet(&parts[1], day(1), today), "nothing since the 4th");
        assert!(is_quiet(&parts[3], day(1), today), "never active");
        assert!(!is_quiet(&parts[3], day(10), today), "joined ten days ago");
    }
}
