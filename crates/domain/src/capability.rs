//! The capability and confidence self-assessment each participant answers before
//! and after the programme, and the paired change per cohort.

use crate::Lang;

/// A statement rated from 1 (not at all confident) to 5 (very confident).
pub struct Question {
    pub id: &'static str,
    pub en: &'static str,
    pub cy: &'static str,
}

impl Question {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Cy => self.cy,
        }
    }
}

pub const SCALE: std::ops::RangeInclusive<i64> = 1..=5;

pub const QUESTIONS: [Question; 5] = [
    Question {
        id: "map_process",
        en: "I can map a process in my own organisation, step by step.",
        cy: "Gallaf fapio proses yn fy sefydliad fy hun, gam wrth gam.",
    },
    Question {
        id: "find_causes",
        en: "I can find the root causes of a problem rather than its symptoms.",
        cy: "Gallaf ddod o hyd i wir achosion problem yn hytrach na'i symptomau.",
    },
    Question {
        id: "test_change",
        en: "I can plan and run a small test of a change.",
        cy: "Gallaf gynllunio a chynnal prawf bach o newid.",
    },
    Question {
        id: "measure_result",
        en: "I can measure whether a change made things better.",
        cy: "Gallaf fesur a yw newid wedi gwella pethau.",
    },
    Question {
        id: "lead_improvement",
        en: "I am confident leading improvement with colleagues at work.",
        cy: "Rwy'n hyderus wrth arwain gwelliant gyda chydweithwyr yn y gwaith.",
    },
];

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The paired change for one question: only people who answered both before and
/// after count. Means are in tenths (36 = 3.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairedChange {
    pub pairs: usize,
    pub before_tenths: i64,
    pub after_tenths: i64,
}

impl PairedChange {
    pub fn of(pairs: &[(i64, i64)]) -> PairedChange {
        let n = pairs.len() as i64;
        let mean = |sum: i64| if n == 0 { 0 } else { (sum * 20 + n) / (2 * n) };
        PairedChange {
            pairs: pairs.len(),
            before_tenths: mean(pairs.iter().map(|p| p.0).sum()),
            after_tenths: mean(pairs.iter().map(|p| p.1).sum()),
        }
    }

    pub fn change_tenths(&self) -> i64 {
        self.after_tenths - self.before_tenths
    }
}

crate::code::coded_enum! {
    /// When a self-assessment was made: before the programme, or after it.
    pub enum Moment {
        Before = "pre", "capability-moment-before";
        After = "post", "capability-moment-after";
    }
}

/// One person's answer to one question, before (`after == false`) or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer<'a> {
    pub cohort: i64,
    pub person: i64,
    pub question: &'a str,
    pub after: bool,
    pub score: i64,
}

/// The paired change for each question, in order: a person counts for a
/// question only if they answered it both before and after, in the same cohort.
pub fn paired_changes(answers: &[Answer<'_>]) -> Vec<(&'static Question, PairedChange)> {
    QUESTIONS
        .iter()
        .map(|q| {
            let pairs: Vec<(i64, i64)> = answers
                .iter()
                .filter(|a| a.question == q.id && !a.after)
                .filter_map(|before| {
                    answers
                        .iter()
                        .find(|a| {
                            a.after
                                && a.question == q.id
                                && a.cohort == before.cohort
                                && a.person == before.person
                        })
                        .map(|after| (before.score, after.score))
                })
                .collect();
            (q, PairedChange::of(&pairs))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_means_round_to_tenths() {
        // Before 2, 3, 3 → 8/3 = 2.67 → 2.7; after 4, 4, 5 → 13/3 = 4.33 → 4.3.
        let c = PairedChange::of(&[(2, 4), (3, 4), (3, 5)]);
        assert_eq!(
            (c.pairs, c.before_tenths, c.after_tenths, c.change_tenths()),
            (3, 27, 43, 16)
        );
        assert_eq!(PairedChange::of(&[]).pairs, 0);
        let a = |cohort, person, after, score| Answer {
            cohort,
            person,
            question: "test_change",
            after,
            score,
        };
        // Person 1 answered both; person 2 only before; person 3's "after" is in another cohort.
        let changes = paired_changes(&[
            a(1, 1, false, 2),
            a(1, 1, true, 4),
            a(1, 2, false, 1),
            a(1, 3, false, 3),
            a(2, 3, true, 5),
        ]);
        let (_, c) = changes.iter().find(|(q, _)| q.id == "test_change").unwrap();
        assert_eq!((c.pairs, c.before_tenths, c.after_tenths), (1, 20, 40));
        assert_eq!(QUESTIONS.len(), 5);
        assert!(question("test_change").is_some_and(|q| q.text(Lang::Cy).starts_with("Gallaf")));
    }
}
