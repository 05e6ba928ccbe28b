//! The public innovation health check (docs/health-check.md): its questions,
//! what its answers say, which tools fit a firm's pain points, and when figures
//! about similar firms may be shown.

use crate::Pence;
use crate::code::coded_enum;
use crate::innovation::InnovationAnswers;

coded_enum! {
    /// The day-to-day problems the check asks about.
    pub enum PainPoint {
        Waiting = "waiting", "health-pain-waiting";
        Rework = "rework", "health-pain-rework";
        Paperwork = "paperwork", "health-pain-paperwork";
        Stock = "stock", "health-pain-stock";
        Energy = "energy", "health-pain-energy";
        Handoffs = "handoffs", "health-pain-handoffs";
    }
}

coded_enum! {
    /// The check's screens, in order: one question each.
    pub enum Question {
        Sector = "sector", "health-q-sector";
        Band = "band", "health-q-band";
        Area = "area", "health-q-area";
        NewGoods = "new_goods", "health-q-new-goods";
        NewProcess = "new_process", "health-q-new-process";
        UnderWay = "under_way", "health-q-under-way";
        Spending = "spending", "health-q-spending";
        Pains = "pains", "health-q-pains";
    }
}

impl Question {
    /// The screen's number, from 1.
    pub fn number(self) -> usize {
        Question::ALL.iter().position(|q| *q == self).unwrap_or(0) + 1
    }

    pub fn at(number: usize) -> Option<Question> {
        number
            .checked_sub(1)
            .and_then(|i| Question::ALL.get(i))
            .copied()
    }

    /// The yes/no innovation question it is, 0–3.
    pub fn innovation_index(self) -> Option<usize> {
        match self {
            Question::NewGoods => Some(0),
            Question::NewProcess => Some(1),
            Question::UnderWay => Some(2),
            Question::Spending => Some(3),
            _ => None,
        }
    }
}

coded_enum! {
    /// Where a lead stands with the programme's team.
    pub enum LeadStatus {
        New = "new", "lead-status-new";
        Contacted = "contacted", "lead-status-contacted";
        Invited = "invited", "lead-status-invited";
        Enrolled = "enrolled", "lead-status-enrolled";
        /// The person's cohort has ended (see `following`); the page offers
        /// it to nobody, the API to whoever records it by hand.
        Completed = "completed", "lead-status-completed";
        Closed = "closed", "lead-status-closed";
    }
}

impl LeadStatus {
    /// A lead's status follows the person it became, with nobody to update
    /// it: invited, then enrolled once they have joined (an account they have
    /// used) and are active in the cohort, then completed once that cohort
    /// has ended. A status the team chose otherwise (new, contacted, closed)
    /// is theirs.
    pub fn following(self, joined_and_active: bool, cohort_ended: bool) -> LeadStatus {
        match self {
            LeadStatus::Invited | LeadStatus::Enrolled if joined_and_active => {
                if cohort_ended {
                    LeadStatus::Completed
                } else {
                    LeadStatus::Enrolled
                }
            }
            other => other,
        }
    }

    /// The statuses the team may choose: completion follows the cohort.
    pub fn chosen() -> impl Iterator<Item = LeadStatus> {
        LeadStatus::ALL
            .iter()
            .copied()
            .filter(|s| *s != LeadStatus::Completed)
    }
}

/// How many screens the check has.
pub const QUESTIONS: usize = Question::ALL.len();

/// How long a result stays at its address.
pub const KEPT_DAYS: i64 = 30;

coded_enum! {
    /// What the four answers say, in the words of UKIS (design.md).
    pub enum Status {
        Active = "active", "health-status-active";
        Broader = "broader", "health-status-broader";
        NotYet = "not_yet", "health-status-not-yet";
    }
}

impl Status {
    /// The same classification as for enrolled firms.
    pub fn of(answers: &InnovationAnswers) -> Status {
        if answers.is_innovation_active() {
            Status::Active
        } else if answers.is_broader_innovator() {
            Status::Broader
        } else {
            Status::NotYet
        }
    }
}

/// Toolkit tools that help with a pain point, the best first.
fn tools_for_pain(pain: PainPoint) -> &'static [&'static str] {
    match pain {
        PainPoint::Waiting => &["value-stream-map", "process-map", "eight-wastes"],
        PainPoint::Rework => &["five-whys", "fishbone", "pdsa"],
        PainPoint::Paperwork => &["process-map", "sipoc", "eight-wastes"],
        PainPoint::Stock => &["eight-wastes", "waste-hierarchy", "value-stream-map"],
        PainPoint::Energy => &["waste-hierarchy", "pdsa", "model-for-improvement"],
        PainPoint::Handoffs => &["sipoc", "process-map", "value-stream-map"],
    }
}

/// The two or three tools that fit the pain points: those that help with most
/// of them, then in the order each pain lists them. With no pain point named,
/// a map of the process and a first test of change.
pub fn tools_for(pains: &[PainPoint]) -> Vec<&'static str> {
    if pains.is_empty() {
        return vec!["process-map", "pdsa"];
    }
    let mut scored: Vec<(&'static str, usize, usize)> = Vec::new();
    for pain in pains {
        for (rank, tool) in tools_for_pain(*pain).iter().enumerate() {
            match scored.iter_mut().find(|(t, _, _)| t == tool) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 = entry.2.min(rank);
                }
                None => scored.push((tool, 1, rank)),
            }
        }
    }
    // Most pains helped first, then the better rank; the sort is stable, so
    // ties keep the order the pains were named in.
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    scored.into_iter().take(3).map(|(t, _, _)| t).collect()
}

/// Fewer firms than this in a group, and its figures are withheld, so that no
/// firm can be identified.
pub const MIN_GROUP: usize = 10;

/// What similar firms achieved: the median of their verified first-year savings,
/// or withheld because the group is too small. Always with the group's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Similar {
    Shown { median: Pence, firms: usize },
    Withheld { firms: usize },
}

impl Similar {
    /// From each similar firm's verified first-year savings.
    pub fn of(savings: &[Pence]) -> Similar {
        let mut v = savings.to_vec();
        v.sort_unstable();
        let (offset, take) = Similar::middle(v.len());
        Similar::ranked(v.len(), &v[offset..(offset + take).min(v.len())])
    }

    /// Where the middle of `firms` values ranked from the least lies: the
    /// offset of the first middle value and how many to read (two for an
    /// even count).
    pub fn middle(firms: usize) -> (usize, usize) {
        (
            firms.saturating_sub(1) / 2,
            if firms.is_multiple_of(2) { 2 } else { 1 },
        )
    }

    /// From the size of the group and its middle value(s), read at
    /// [`Similar::middle`] from the values ranked. An even count takes the
    /// mean of the middle two, rounded half away from zero.
    pub fn ranked(firms: usize, middle: &[Pence]) -> Similar {
        let median = match middle {
            [one] if firms % 2 == 1 => one.0,
            [low, high] if firms.is_multiple_of(2) => {
                crate::decimal::div_round(i128::from(low.0) + i128::from(high.0), 2) as i64
            }
            _ => return Similar::Withheld { firms },
        };
        if firms < MIN_GROUP {
            return Similar::Withheld { firms };
        }
        Similar::Shown {
            median: Pence(median),
            firms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_follows_its_person() {
        use LeadStatus::*;
        // Invited, and the person has not come: still invited.
        assert_eq!(Invited.following(false, false), Invited);
        assert_eq!(Invited.following(false, true), Invited);
        // Joined and active: enrolled, then completed when the cohort ends.
        assert_eq!(Invited.following(true, false), Enrolled);
        assert_eq!(Invited.following(true, true), Completed);
        assert_eq!(Enrolled.following(true, true), Completed);
        // The team's own choices stand.
        for s in [New, Contacted, Closed] {
            assert_eq!(s.following(true, true), s);
        }
        assert!(!LeadStatus::chosen().any(|s| s == Completed));
        assert_eq!(LeadStatus::chosen().count(), LeadStatus::ALL.len() - 1);
    }

    #[test]
    fn every_combination_of_answers_classifies_as_for_enrolled_firms() {
        // All sixteen combinations, against design.md's rule written out.
        for bits in 0..16u8 {
            let a = InnovationAnswers {
                new_goods_or_services: bits & 1 != 0,
                new_business_process: bits & 2 != 0,
                ongoing_or_abandoned: bits & 4 != 0,
                innovation_spending: bits & 8 != 0,
            };
            let expected = if bits & 0b0111 != 0 {
                Status::Active
            } else if bits & 0b1000 != 0 {
                Status::Broader
            } else {
                Status::NotYet
            };
            assert_eq!(Status::of(&a), expected, "answers {bits:04b}");
            assert_eq!(Status::of(&a) == Status::Active, a.is_innovation_active());
        }
    }

    #[test]
    fn tools_fit_the_pains_named() {
        assert_eq!(
            tools_for(&[PainPoint::Waiting]),
            ["value-stream-map", "process-map", "eight-wastes"]
        );
        // Paperwork and hand-offs both point to the process map and SIPOC.
        assert_eq!(
            tools_for(&[PainPoint::Paperwork, PainPoint::Handoffs]),
            ["process-map", "sipoc", "eight-wastes"]
        );
        assert_eq!(tools_for(&[]), ["process-map", "pdsa"]);
        assert!(tools_for(&PainPoint::ALL).len() == 3);
    }

    #[test]
    fn small_groups_are_withheld_and_medians_are_exact() {
        let p = |v: &[i64]| v.iter().map(|x| Pence(*x)).collect::<Vec<_>>();
        assert_eq!(
            Similar::of(&p(&[1, 2, 3, 4, 5, 6, 7, 8, 9])),
            Similar::Withheld { firms: 9 }
        );
        assert_eq!(
            Similar::of(&p(&[10, 1, 9, 2, 8, 3, 7, 4, 6, 5])),
            // 5 and 6 in the middle: 5.5 pence rounds half away from zero to 6.
            Similar::Shown {
                median: Pence(6),
                firms: 10
            }
        );
        assert_eq!(
            Similar::of(&p(&[100; 11])),
            Similar::Shown {
                median: Pence(100),
                firms: 11
            }
        );
    }

    #[test]
    fn questions_are_numbered_in_order() {
        assert_eq!(QUESTIONS, 8);
        assert_eq!(Question::Sector.number(), 1);
        assert_eq!(Question::at(8), Some(Question::Pains));
        assert_eq!(Question::at(0), None);
        assert_eq!(Question::at(9), None);
        assert_eq!(Question::Spending.innovation_index(), Some(3));
    }
}
