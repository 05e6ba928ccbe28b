//! Whether a claim's evidence is of the kind its category needs. A project
//! measures one thing (its aim), in a unit people type ("minutes", "kWh",
//! "£", "archebion"); a claimed saving names a category. A claim of new
//! revenue backed only by readings of waiting time is not backed at all, and
//! the verifier should see that before deciding.
//!
//! The rule, in full:
//! - a file attached to the project backs any claim (the verifier reads it);
//! - otherwise readings back the claim when their unit is of a kind the
//!   category can be measured in (see [`kinds_for`]);
//! - readings in a unit Ymarfer does not recognise are not judged;
//! - readings of the wrong kind, and no file, are flagged as not matching;
//! - no readings and no file (tested changes alone say a change was tried,
//!   not what it saved) are flagged as unmeasured.

use crate::impact::Category;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureKind {
    Time,
    Money,
    Energy,
    Mass,
    Distance,
    Count,
}

impl MeasureKind {
    /// The Fluent message naming the kind.
    pub fn message_id(self) -> &'static str {
        match self {
            MeasureKind::Time => "measure-kind-time",
            MeasureKind::Money => "measure-kind-money",
            MeasureKind::Energy => "measure-kind-energy",
            MeasureKind::Mass => "measure-kind-mass",
            MeasureKind::Distance => "measure-kind-distance",
            MeasureKind::Count => "measure-kind-count",
        }
    }
}

/// Words of units, in English and Welsh, by what they measure.
const WORDS: &[(MeasureKind, &[&str])] = &[
    (
        MeasureKind::Time,
        &[
            "second",
            "seconds",
            "sec",
            "secs",
            "s",
            "minute",
            "minutes",
            "min",
            "mins",
            "hour",
            "hours",
            "hr",
            "hrs",
            "h",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "eiliad",
            "eiliadau",
            "munud",
            "munudau",
            "awr",
            "oriau",
            "diwrnod",
            "diwrnodau",
            "dydd",
            "dyddiau",
            "wythnos",
            "wythnosau",
            "mis",
            "misoedd",
        ],
    ),
    (
        MeasureKind::Money,
        &[
            "£",
            "gbp",
            "pound",
            "pounds",
            "pence",
            "punt",
            "punnoedd",
            "ceiniog",
            "ceiniogau",
        ],
    ),
    (
        MeasureKind::Energy,
        &[
            "kwh", "mwh", "wh", "kw", "therm", "therms", "litre", "litres", "liter", "liters", "l",
            "litr", "litrau",
        ],
    ),
    (
        MeasureKind::Mass,
        &[
            "g",
            "gram",
            "grams",
            "kg",
            "kgs",
            "kilo",
            "kilos",
            "kilogram",
            "kilograms",
            "tonne",
            "tonnes",
            "ton",
            "tons",
            "t",
            "cilo",
            "cilogram",
            "cilogramau",
            "tunnell",
            "tunelli",
        ],
    ),
    (
        MeasureKind::Distance,
        &[
            "km",
            "kilometre",
            "kilometres",
            "mile",
            "miles",
            "metre",
            "metres",
            "m",
            "milltir",
            "milltiroedd",
            "cilometr",
            "cilometrau",
            "metr",
            "metrau",
        ],
    ),
    (
        MeasureKind::Count,
        &[
            "item",
            "items",
            "unit",
            "units",
            "order",
            "orders",
            "customer",
            "customers",
            "error",
            "errors",
            "defect",
            "defects",
            "complaint",
            "complaints",
            "job",
            "jobs",
            "enquiry",
            "enquiries",
            "sale",
            "sales",
            "eitem",
            "eitemau",
            "uned",
            "unedau",
            "archeb",
            "archebion",
            "cwsmer",
            "cwsmeriaid",
            "gwall",
            "gwallau",
            "cwyn",
            "cwynion",
            "swydd",
            "swyddi",
            "ymholiad",
            "ymholiadau",
            "gwerthiant",
            "gwerthiannau",
        ],
    ),
];

/// What a typed unit measures, if Ymarfer recognises it: the first word that
/// names a kind decides ("kg per order" is a mass). "£" counts as a word
/// wherever it stands ("£k", "£ per week").
pub fn measure_kind(unit: &str) -> Option<MeasureKind> {
    let unit = unit.to_lowercase();
    if unit.contains('£') {
        return Some(MeasureKind::Money);
    }
    unit.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|word| {
            WORDS
                .iter()
                .find(|(_, words)| words.contains(&word))
                .map(|(kind, _)| *kind)
        })
}

/// The kinds of measure that can back a claim of this category; `None` when
/// any can (a saving of another kind).
pub fn kinds_for(category: Category) -> Option<&'static [MeasureKind]> {
    use MeasureKind::*;
    Some(match category {
        Category::LabourTime => &[Time, Count],
        Category::Materials | Category::WasteDisposal | Category::Consumables => {
            &[Mass, Count, Money]
        }
        Category::Energy => &[Energy, Money],
        Category::Transport => &[Distance, Energy, Money, Time],
        Category::AvoidedCost => &[Money, Count, Time],
        Category::NewRevenue => &[Money, Count],
        Category::Other => return None,
    })
}

/// The evidence a project holds for its claims.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The unit of the project's measure, as typed.
    pub unit: String,
    /// Readings of that measure.
    pub readings: i64,
    /// Files attached to the project.
    pub attachments: i64,
    /// Changes tested and decided on (adopt, adapt or abandon).
    pub tested: i64,
}

/// How a claim's evidence stands against its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Backed by a file, or by readings of a fitting kind.
    Backed,
    /// Readings in a unit Ymarfer does not recognise: for the verifier to judge.
    Unjudged,
    /// Only readings of a kind that cannot back this category.
    Unmatched(MeasureKind),
    /// No readings and no file.
    Unmeasured,
}

impl Fit {
    /// Whether the queue flags the claim.
    pub fn flagged(self) -> bool {
        matches!(self, Fit::Unmatched(_) | Fit::Unmeasured)
    }

    /// The Fluent message saying how the evidence stands (with `$unit`,
    /// `$kind` and `$category` where it needs them).
    pub fn message_id(self) -> &'static str {
        match self {
            Fit::Backed => "evidence-backed",
            Fit::Unjudged => "evidence-unjudged",
            Fit::Unmatched(_) => "evidence-unmatched",
            Fit::Unmeasured => "evidence-unmeasured",
        }
    }
}

/// Whether `evidence` can back a claim of `category` (the rule in this
/// module's heading).
pub fn fit(category: Category, evidence: &Evidence) -> Fit {
    if evidence.attachments > 0 {
        return Fit::Backed;
    }
    if evidence.readings == 0 {
        return Fit::Unmeasured;
    }
    match (measure_kind(&evidence.unit), kinds_for(category)) {
        (None, _) => Fit::Unjudged,
        (Some(_), None) => Fit::Backed,
        (Some(kind), Some(kinds)) if kinds.contains(&kind) => Fit::Backed,
        (Some(kind), Some(_)) => Fit::Unmatched(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(unit: &str) -> Evidence {
        Evidence {
            unit: unit.into(),
            readings: 6,
            attachments: 0,
            tested: 2,
        }
    }

    #[test]
    fn units_are_read_in_either_language() {
        assert_eq!(measure_kind("minutes"), Some(MeasureKind::Time));
        assert_eq!(measure_kind("Munudau aros"), Some(MeasureKind::Time));
        assert_eq!(measure_kind("£ per week"), Some(MeasureKind::Money));
        assert_eq!(measure_kind("£k"), Some(MeasureKind::Money));
        assert_eq!(measure_kind("kWh"), Some(MeasureKind::Energy));
        assert_eq!(measure_kind("kg per order"), Some(MeasureKind::Mass));
        assert_eq!(measure_kind("archebion"), Some(MeasureKind::Count));
        assert_eq!(measure_kind("milltiroedd"), Some(MeasureKind::Distance));
        assert_eq!(measure_kind("score"), None);
        assert_eq!(measure_kind(""), None);
    }

    #[test]
    fn revenue_backed_only_by_waiting_time_does_not_match() {
        assert_eq!(
            fit(Category::NewRevenue, &readings("minutes")),
            Fit::Unmatched(MeasureKind::Time)
        );
        assert!(fit(Category::NewRevenue, &readings("minutes")).flagged());
        // The same readings back a claim of labour time.
        assert_eq!(fit(Category::LabourTime, &readings("minutes")), Fit::Backed);
        // A file backs anything.
        let filed = Evidence {
            attachments: 1,
            ..readings("minutes")
        };
        assert_eq!(fit(Category::NewRevenue, &filed), Fit::Backed);
        // Another kind of saving is backed by any recognised readings.
        assert_eq!(fit(Category::Other, &readings("kg")), Fit::Backed);
    }

    #[test]
    fn nothing_measured_is_flagged_and_an_unknown_unit_is_left_to_the_verifier() {
        let tested_only = Evidence {
            unit: "minutes".into(),
            readings: 0,
            attachments: 0,
            tested: 3,
        };
        assert_eq!(fit(Category::LabourTime, &tested_only), Fit::Unmeasured);
        assert!(Fit::Unmeasured.flagged());
        assert_eq!(fit(Category::Energy, &readings("score")), Fit::Unjudged);
        assert!(!Fit::Unjudged.flagged());
    }
}
