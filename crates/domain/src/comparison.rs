//! The comparison group (docs/impact.md, "Comparison group"): the change in
//! the innovation-active share of participants set beside the change over the
//! same span for firms that took the health check, agreed to take it again,
//! and did not join a cohort. The difference between the two changes is a
//! difference-in-differences, in percentage points.
//!
//! "Innovation active" is [`InnovationAnswers::is_innovation_active`], the one
//! rule for enrolled firms and health checks alike. Only firms with both
//! observations (before, and at the months asked) count, on each side. Below
//! [`MIN_FIRMS`] firms on either side nothing is worked out: small groups give
//! figures that mislead and may identify a firm.

use crate::decimal::div_round;
use crate::innovation::{InnovationAnswers, percent_tenths};

/// Fewer firms with both observations than this on either side, and the
/// comparison is withheld. The same threshold as other small groups
/// ([`crate::health::MIN_GROUP`]).
pub const MIN_FIRMS: u64 = crate::health::MIN_GROUP as u64;

/// The months after the first observation at which the sides are compared.
pub const HORIZONS: [u32; 2] = [6, 12];

/// One side's firms with both observations: how many, and how many of them
/// were innovation active before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Side {
    pub firms: u64,
    pub active_before: u64,
    pub active_after: u64,
}

impl Side {
    /// Counts each firm's pair of answers (before, after).
    pub fn of<'a, I>(pairs: I) -> Side
    where
        I: IntoIterator<Item = &'a (InnovationAnswers, InnovationAnswers)>,
    {
        let mut side = Side::default();
        for (before, after) in pairs {
            side.firms += 1;
            side.active_before += u64::from(before.is_innovation_active());
            side.active_after += u64::from(after.is_innovation_active());
        }
        side
    }

    /// The innovation-active share before, in tenths of a percent.
    pub fn before_tenths(&self) -> Option<i64> {
        percent_tenths(self.active_before, self.firms)
    }

    /// The innovation-active share after, in tenths of a percent.
    pub fn after_tenths(&self) -> Option<i64> {
        percent_tenths(self.active_after, self.firms)
    }

    /// The change in share, in tenths of a percentage point, worked from the
    /// counts and rounded once (half away from zero).
    pub fn change_tenths(&self) -> Option<i64> {
        (self.firms > 0).then(|| {
            let moved = i128::from(self.active_after) - i128::from(self.active_before);
            i64::try_from(div_round(moved * 1000, i128::from(self.firms))).unwrap_or(0)
        })
    }

    /// Whether the side has enough firms to be shown.
    pub fn enough(&self) -> bool {
        self.firms >= MIN_FIRMS
    }
}

/// Participants and the comparison pool at one horizon, and the
/// difference-in-differences when both sides have enough firms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    pub months: u32,
    pub participants: Side,
    pub comparison: Side,
    /// Participants' change less the comparison pool's, in tenths of a
    /// percentage point; `None` when withheld.
    pub did_tenths: Option<i64>,
}

impl Horizon {
    pub fn of(months: u32, participants: Side, comparison: Side) -> Horizon {
        let did_tenths = (participants.enough() && comparison.enough())
            .then(|| did_tenths(&participants, &comparison));
        Horizon {
            months,
            participants,
            comparison,
            did_tenths,
        }
    }

    /// Withheld: either side has fewer than [`MIN_FIRMS`] firms.
    pub fn withheld(&self) -> bool {
        self.did_tenths.is_none()
    }
}

/// `(p_after − p_before) ÷ p_firms − (c_after − c_before) ÷ c_firms`, in
/// tenths of a percentage point, worked exactly over the common denominator
/// and rounded once, half away from zero. Both sides must have firms.
fn did_tenths(p: &Side, c: &Side) -> i64 {
    let (pn, cn) = (i128::from(p.firms), i128::from(c.firms));
    let p_moved = i128::from(p.active_after) - i128::from(p.active_before);
    let c_moved = i128::from(c.active_after) - i128::from(c.active_before);
    let numerator = (p_moved * cn - c_moved * pn) * 1000;
    i64::try_from(div_round(numerator, pn * cn)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn active(yes: bool) -> InnovationAnswers {
        InnovationAnswers {
            new_business_process: yes,
            ..InnovationAnswers::default()
        }
    }

    fn pairs(n: usize, before: usize, after: usize) -> Vec<(InnovationAnswers, InnovationAnswers)> {
        (0..n)
            .map(|i| (active(i < before), active(i < after)))
            .collect()
    }

    #[test]
    fn spending_alone_is_not_active_on_either_side() {
        let spender = InnovationAnswers {
            innovation_spending: true,
            ..InnovationAnswers::default()
        };
        let side = Side::of(&[(spender, active(true))]);
        assert_eq!(
            side,
            Side {
                firms: 1,
                active_before: 0,
                active_after: 1
            }
        );
    }

    #[test]
    fn worked_by_hand() {
        // Participants: 12 firms, 3 active before (25.0%), 9 after (75.0%):
        // a change of +50.0 points. Comparison: 14 firms, 4 active before
        // (28.571…% → 28.6%), 5 after (35.714…% → 35.7%): a change of
        // 1/14 = +7.142… → +7.1 points. Difference: 50 − 7.142… = 42.857…
        // → 42.9 points. (Subtracting the rounded changes would agree here;
        // the exact working is what counts.)
        let p = Side::of(&pairs(12, 3, 9));
        let c = Side::of(&pairs(14, 4, 5));
        assert_eq!(
            (p.before_tenths(), p.after_tenths()),
            (Some(250), Some(750))
        );
        assert_eq!(
            (c.before_tenths(), c.after_tenths()),
            (Some(286), Some(357))
        );
        assert_eq!(p.change_tenths(), Some(500));
        assert_eq!(c.change_tenths(), Some(71));
        let h = Horizon::of(6, p, c);
        assert_eq!(h.did_tenths, Some(429));
        assert!(!h.withheld());
    }

    #[test]
    fn rounds_once_half_away_from_zero() {
        // Participants 10 firms, 2 → 3 (+10.0 points); comparison 16 firms,
        // 8 → 11 (+18.75 points). Exactly −8.75 → −8.8 (away from zero);
        // the rounded changes (10.0 − 18.8 = −8.8) happen to agree, but a
        // falling share is rounded away from zero too: 16 firms 11 → 8 is
        // −18.75 → −18.8.
        let p = Side::of(&pairs(10, 2, 3));
        let c = Side::of(&pairs(16, 8, 11));
        assert_eq!(c.change_tenths(), Some(188));
        assert_eq!(Horizon::of(12, p, c).did_tenths, Some(-88));
        let falling = Side::of(&pairs(16, 11, 8));
        assert_eq!(falling.change_tenths(), Some(-188));
        assert_eq!(Horizon::of(12, p, falling).did_tenths, Some(288));
    }

    #[test]
    fn withheld_below_ten_firms_a_side() {
        let ten = Side::of(&pairs(10, 1, 2));
        let nine = Side::of(&pairs(9, 1, 2));
        assert!(Horizon::of(6, ten, nine).withheld());
        assert!(Horizon::of(6, nine, ten).withheld());
        let h = Horizon::of(6, ten, ten);
        assert_eq!(h.did_tenths, Some(0));
        assert!(!h.withheld());
        // Nobody at all: no shares, no change, withheld.
        let none = Side::of(&[]);
        assert_eq!((none.before_tenths(), none.change_tenths()), (None, None));
        assert!(Horizon::of(12, none, ten).withheld());
    }
}
