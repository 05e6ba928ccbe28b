//! The impact method of design.md ("Impact method"): first-year value of benefit
//! lines, totals by status, ROI and its companions, cohort cost shares, and CO2e.
//!
//! Everything here is integer arithmetic. Money is [`Pence`]; hours are hundredths
//! of an hour; the capture factor is thousandths; environmental quantities are
//! thousandths of their unit. Products are formed exactly in `i128` and divided
//! once, rounding half away from zero, so a report and a test worked by hand
//! always agree to the penny.

use crate::Pence;
use crate::decimal::{self, Sign};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares a fieldless enum with a stable snake_case storage code and a Fluent
/// message id per variant: `ALL`, `as_str()`, `parse()`, `message_id()`, and
/// `TryFrom<String>` so that stored rows decode into it. Serde uses the same
/// codes, so storage, CSV and JSON never disagree. Every code in Ymarfer is
/// declared this way.
macro_rules! coded_enum {
    (
        $(#[$enum_meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $code:literal, $message:literal;
            )+
        }
    ) => {
        $(#[$enum_meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The stable code used in storage and CSV.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Reads a stable code back; `None` for anything else.
            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The Fluent message id of the value's name.
            pub fn message_id(self) -> &'static str {
                match self {
                    $($name::$variant => $message,)+
                }
            }
        }

        /// Stored rows decode straight into the type (`#[sqlx(try_from = "String")]`).
        impl TryFrom<String> for $name {
            type Error = $crate::UnknownCode;
            fn try_from(code: String) -> Result<$name, $crate::UnknownCode> {
                $name::parse(&code).ok_or($crate::UnknownCode(code))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum! {
    /// What kind of saving or gain a benefit line records.
    pub enum Category {
        LabourTime = "labour_time", "impact-category-labour-time";
        Materials = "materials", "impact-category-materials";
        Energy = "energy", "impact-category-energy";
        WasteDisposal = "waste_disposal", "impact-category-waste-disposal";
        Consumables = "consumables", "impact-category-consumables";
        Transport = "transport", "impact-category-transport";
        AvoidedCost = "avoided_cost", "impact-category-avoided-cost";
        NewRevenue = "new_revenue", "impact-category-new-revenue";
        Other = "other", "impact-category-other";
    }
}

coded_enum! {
    /// Hard savings show in the accounts; soft savings are capacity freed or cost avoided.
    pub enum SavingsType {
        Hard = "hard", "impact-savings-type-hard";
        Soft = "soft", "impact-savings-type-soft";
    }
}

coded_enum! {
    /// How often a benefit line's amount (or hours) recurs.
    pub enum Frequency {
        OneOff = "one_off", "impact-frequency-one-off";
        Weekly = "weekly", "impact-frequency-weekly";
        Monthly = "monthly", "impact-frequency-monthly";
        Quarterly = "quarterly", "impact-frequency-quarterly";
        Annually = "annually", "impact-frequency-annually";
    }
}

impl Frequency {
    /// How many times the per-period value counts in the first 12 months.
    /// A one-off counts once, exactly like an annual line.
    pub fn periods_per_year(self) -> i64 {
        match self {
            Frequency::OneOff | Frequency::Annually => 1,
            Frequency::Weekly => 52,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
        }
    }

    /// Whether the value repeats (everything but one-off).
    pub fn is_recurring(self) -> bool {
        self != Frequency::OneOff
    }
}

coded_enum! {
    /// Where a benefit line stands: forecast → claimed → verified.
    pub enum Status {
        Forecast = "forecast", "impact-status-forecast";
        Claimed = "claimed", "impact-status-claimed";
        Verified = "verified", "impact-status-verified";
    }
}

coded_enum! {
    /// The waste hierarchy, most preferred first.
    pub enum WasteLevel {
        Prevention = "prevention", "impact-waste-level-prevention";
        PreparingForReuse = "preparing_for_reuse", "impact-waste-level-preparing-for-reuse";
        Recycling = "recycling", "impact-waste-level-recycling";
        OtherRecovery = "other_recovery", "impact-waste-level-other-recovery";
        Disposal = "disposal", "impact-waste-level-disposal";
    }
}

/// Why a typed number was refused. Each message is a Fluent message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImpactParseError {
    #[error("error-hours-invalid")]
    Hours,
    #[error("error-capture-factor-invalid")]
    CaptureFactor,
    #[error("error-quantity-invalid")]
    Quantity,
}

/// Hours in hundredths of an hour: `Hours(150)` is 1.5 h.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Hours(pub i64);

impl Hours {
    /// Whole hours.
    pub fn from_whole(hours: i64) -> Hours {
        Hours(hours.saturating_mul(100))
    }

    /// Parses hours as typed: "1.5", "2", ".25". At most two decimals; negatives
    /// are refused (a line that costs time is entered as its own line).
    pub fn parse(input: &str) -> Result<Hours, ImpactParseError> {
        parse_scaled(input, 2)
            .map(Hours)
            .ok_or(ImpactParseError::Hours)
    }
}

impl fmt::Display for Hours {
    /// "1.5", "2", "0.25": no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(self.0, 2))
    }
}

/// The programme's capture factor in thousandths: `CaptureFactor(800)` is 0.8.
/// It scales the value of hours freed, since not every freed hour becomes value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CaptureFactor(pub u32);

impl CaptureFactor {
    /// 1.0: every freed hour counts in full (the design's default).
    pub const ONE: CaptureFactor = CaptureFactor(1000);

    /// Parses "0.8", "1", "0.125": at most three decimals, from 0 to 1 inclusive.
    pub fn parse(input: &str) -> Result<CaptureFactor, ImpactParseError> {
        parse_scaled(input, 3)
            .filter(|v| (0..=1000).contains(v))
            .and_then(|v| u32::try_from(v).ok())
            .map(CaptureFactor)
            .ok_or(ImpactParseError::CaptureFactor)
    }
}

impl Default for CaptureFactor {
    fn default() -> Self {
        CaptureFactor::ONE
    }
}

impl fmt::Display for CaptureFactor {
    /// "0.8", "1".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(i64::from(self.0), 3))
    }
}

/// The hourly rate that values a line's hours: the line's own rate, else its
/// organisation's loaded hourly rate, else the programme default.
pub fn resolve_rate(line: Option<Pence>, organisation: Option<Pence>, programme: Pence) -> Pence {
    line.or(organisation).unwrap_or(programme)
}

/// A benefit line's value per period as stored: an amount, or hours with the
/// line's own rate if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineValue {
    /// Pence per period.
    Amount(Pence),
    /// Hours per period; valued at the resolved rate × capture factor.
    Hours {
        hours: Hours,
        line_rate: Option<Pence>,
    },
}

/// A line's value per period with the hourly rate already resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerPeriod {
    /// Pence per period.
    Amount(Pence),
    /// Hours per period at `rate` pence an hour (before the capture factor).
    Hours { hours: Hours, rate: Pence },
}

/// What valuing a line needs beyond the line itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Valuation {
    /// The organisation's loaded hourly rate, if recorded.
    pub organisation_rate: Option<Pence>,
    /// The programme's default hourly rate.
    pub programme_rate: Pence,
    /// The programme's capture factor.
    pub capture: CaptureFactor,
}

impl LineValue {
    /// Resolves the hourly rate (line, else organisation, else programme).
    pub fn per_period(self, organisation_rate: Option<Pence>, programme_rate: Pence) -> PerPeriod {
        match self {
            LineValue::Amount(amount) => PerPeriod::Amount(amount),
            LineValue::Hours { hours, line_rate } => PerPeriod::Hours {
                hours,
                rate: resolve_rate(line_rate, organisation_rate, programme_rate),
            },
        }
    }

    /// The line's first-year value; see [`first_year_value`].
    pub fn first_year_value(self, frequency: Frequency, valuation: &Valuation) -> Pence {
        first_year_value(
            self.per_period(valuation.organisation_rate, valuation.programme_rate),
            frequency,
            valuation.capture,
        )
    }
}

/// First-year value of one line, rounded half away from zero to whole pence.
///
/// One-off: the value once. Recurring: the value per period × periods in 12
/// months (weekly 52, monthly 12, quarterly 4, annually 1). Hours are valued at
/// `rate × capture`, computed exactly as
/// `hours_hundredths × rate_pence × capture_thousandths × periods ÷ 100_000`
/// and rounded only once, at the end. The capture factor applies to hours only.
pub fn first_year_value(
    per_period: PerPeriod,
    frequency: Frequency,
    capture: CaptureFactor,
) -> Pence {
    let periods = i128::from(frequency.periods_per_year());
    let value = match per_period {
        PerPeriod::Amount(amount) => checked_product(&[i128::from(amount.0), periods]),
        PerPeriod::Hours { hours, rate } => checked_product(&[
            i128::from(hours.0),
            i128::from(rate.0),
            i128::from(capture.0),
            periods,
        ])
        .map(|exact| decimal::div_round(exact, HOURS_SCALE * CAPTURE_SCALE)),
    };
    Pence(value.map_or_else(|| saturated(is_negative(per_period)), saturate_i64))
}

const HOURS_SCALE: i128 = 100;
const CAPTURE_SCALE: i128 = 1000;

/// First-year value split by each line's current status. A line counts once,
/// under its own status; headline figures use `verified` only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct FirstYear {
    pub verified: Pence,
    pub claimed: Pence,
    pub forecast: Pence,
}

impl FirstYear {
    /// Adds one line's (already rounded) first-year value under its status.
    pub fn add(&mut self, status: Status, value: Pence) {
        let slot = match status {
            Status::Verified => &mut self.verified,
            Status::Claimed => &mut self.claimed,
            Status::Forecast => &mut self.forecast,
        };
        slot.0 = slot.0.saturating_add(value.0);
    }

    /// The total for one status.
    pub fn get(&self, status: Status) -> Pence {
        match status {
            Status::Verified => self.verified,
            Status::Claimed => self.claimed,
            Status::Forecast => self.forecast,
        }
    }

    /// Sums `(status, first-year value)` pairs.
    pub fn from_lines<I: IntoIterator<Item = (Status, Pence)>>(lines: I) -> FirstYear {
        lines.into_iter().collect()
    }
}

impl FromIterator<(Status, Pence)> for FirstYear {
    fn from_iter<I: IntoIterator<Item = (Status, Pence)>>(lines: I) -> Self {
        let mut totals = FirstYear::default();
        for (status, value) in lines {
            totals.add(status, value);
        }
        totals
    }
}

/// ROI = benefit ÷ cost in hundredths (302 is 3.02), rounded half away from
/// zero. `None` when the cost is zero.
pub fn roi_hundredths(benefit: Pence, cost: Pence) -> Option<i64> {
    scaled_ratio(i128::from(benefit.0), i128::from(cost.0), 100)
}

/// ROI as shown to people: "3.0 : 1", one decimal, rounded half away from zero
/// from the exact ratio (never from a rounded one). "–" when the cost is zero.
pub fn format_roi(benefit: Pence, cost: Pence) -> String {
    match scaled_ratio(i128::from(benefit.0), i128::from(cost.0), 10) {
        Some(tenths) => format!("{} : 1", format_tenths(tenths)),
        None => "–".to_string(),
    }
}

/// Net return = (benefit − cost) ÷ cost, in tenths of a percent (2020 is
/// 202.0%). `None` when the cost is zero.
pub fn net_return_percent_tenths(benefit: Pence, cost: Pence) -> Option<i64> {
    let net = i128::from(benefit.0) - i128::from(cost.0);
    scaled_ratio(net, i128::from(cost.0), 1000)
}

/// Payback = cost ÷ (benefit ÷ 12) = 12 × cost ÷ benefit, in tenths of a
/// month (40 is 4.0 months). `None` when the benefit is zero or negative,
/// since then the cost is never paid back.
pub fn payback_months_tenths(benefit: Pence, cost: Pence) -> Option<i64> {
    if benefit.0 <= 0 {
        return None;
    }
    scaled_ratio(i128::from(cost.0), i128::from(benefit.0), 120)
}

/// Writes a value held in tenths with one decimal: 2020 → "202.0", -5 → "-0.5".
pub fn format_tenths(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

/// Splits a cost into `parts` equal shares that sum exactly to `total`; the
/// remainder pennies go one each to the first shares. No parts gives an empty
/// list. (A negative total splits the same way: shares differ by at most 1p.)
pub fn split_cost(total: Pence, parts: usize) -> Vec<Pence> {
    let Ok(n) = i64::try_from(parts) else {
        return Vec::new();
    };
    if n == 0 {
        return Vec::new();
    }
    let base = total.0.div_euclid(n);
    // rem_euclid is in 0..n, so it always fits back into usize.
    let extra = usize::try_from(total.0.rem_euclid(n)).unwrap_or(0);
    (0..parts)
        .map(|i| Pence(if i < extra { base + 1 } else { base }))
        .collect()
}

/// Each cohort's share of a programme's cost, in order: a cohort with its own
/// figure keeps it; the rest of the cost is split equally among the others.
pub fn cohort_shares(total: Pence, fixed: &[Option<Pence>]) -> Vec<Pence> {
    let taken: i64 = fixed.iter().flatten().map(|p| p.0).sum();
    let open = fixed.iter().filter(|f| f.is_none()).count();
    let mut equal = split_cost(Pence((total.0 - taken).max(0)), open).into_iter();
    fixed
        .iter()
        .map(|f| f.unwrap_or_else(|| equal.next().unwrap_or_default()))
        .collect()
}

// ---------------------------------------------------------------------------
// Environmental quantities and CO2e
// ---------------------------------------------------------------------------

/// An environmental quantity in thousandths of its unit: kWh are held as Wh,
/// kg as grams, litres as millilitres. `Quantity(1500)` is 1.5 kWh (or kg, or l).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Quantity(pub i64);

impl Quantity {
    /// Whole units.
    pub fn from_whole(units: i64) -> Quantity {
        Quantity(units.saturating_mul(1000))
    }

    /// Parses "1,200", "12.5", "0.125": at most three decimals; no negatives
    /// (a saving is entered as the amount saved).
    pub fn parse(input: &str) -> Result<Quantity, ImpactParseError> {
        parse_scaled(input, 3)
            .map(Quantity)
            .ok_or(ImpactParseError::Quantity)
    }
}

impl fmt::Display for Quantity {
    /// "1.5", "1200": no trailing zeros and no grouping.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(self.0, 3))
    }
}

/// A published conversion factor, kg CO2e per unit, in hundred-thousandths:
/// `EmissionFactor(22535)` is 0.22535 kg CO2e per unit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct EmissionFactor(pub i64);

impl EmissionFactor {
    /// Reads a published figure such as "0.20705" or "520.3342" exactly.
    pub fn parse(input: &str) -> Option<EmissionFactor> {
        parse_scaled(input, 5).map(EmissionFactor)
    }
}

impl fmt::Display for EmissionFactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(self.0, 5))
    }
}

/// The environmental quantities a benefit line saves in one period.
///
/// Waste is read against the waste hierarchy: `waste_kg` is waste that no longer
/// goes to landfill, and `waste_level` is where it sits now (prevention: it no
/// longer arises at all). Waste without a level counts no CO2e.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct EnvironmentalQuantities {
    pub energy_kwh: Quantity,
    pub waste_kg: Quantity,
    pub waste_level: Option<WasteLevel>,
    pub fuel_litres: Quantity,
}

/// The UK Government GHG conversion factors the platform uses, with the year
/// of the edition they come from. Build it with [`GhgFactors::shipped`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GhgFactors {
    /// The edition's year; reports state it beside every CO2e figure.
    pub factor_year: u16,
    pub source: String,
    pub source_url: String,
    /// Grid electricity per kWh: generation plus transmission and distribution.
    pub electricity_per_kwh: EmissionFactor,
    /// Diesel (average biofuel blend) per litre.
    pub diesel_per_litre: EmissionFactor,
    /// Commercial and industrial waste to landfill, per tonne.
    pub waste_landfill_per_tonne: EmissionFactor,
    /// Recycling (closed loop), per tonne.
    pub waste_recycling_per_tonne: EmissionFactor,
    /// Combustion with energy recovery, per tonne.
    pub waste_combustion_per_tonne: EmissionFactor,
}

/// Why a factor file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GhgFactorsError {
    #[error("GHG factor file is not valid: {0}")]
    Toml(String),
    #[error("GHG factor `{0}` is not a decimal with at most five places")]
    Factor(&'static str),
}

/// The factor file shipped with the crate (`data/ghg_factors.toml`).
pub const SHIPPED_GHG_FACTORS_TOML: &str = include_str!("../data/ghg_factors.toml");

// The file's shape. Factors are strings so they are read exactly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactorFile {
    factor_year: u16,
    source: String,
    source_url: String,
    electricity: ElectricityRows,
    fuel: FuelRows,
    waste: WasteRows,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ElectricityRows {
    generation_kg_per_kwh: String,
    transmission_distribution_kg_per_kwh: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FuelRows {
    diesel_kg_per_litre: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WasteRows {
    landfill_kg_per_tonne: String,
    recycling_kg_per_tonne: String,
    combustion_kg_per_tonne: String,
}

fn factor(text: &str, name: &'static str) -> Result<EmissionFactor, GhgFactorsError> {
    EmissionFactor::parse(text).ok_or(GhgFactorsError::Factor(name))
}

// Denominator that turns Σ quantity × factor into grams: see `period_numerator`.
const CO2E_GRAMS_SCALE: i128 = 100_000_000;

impl GhgFactors {
    /// The factors shipped with this build, read once. The server checks them at
    /// start and will not run with a broken file; nothing zeroes CO2e silently.
    pub fn shipped() -> Result<&'static GhgFactors, GhgFactorsError> {
        static SHIPPED: std::sync::OnceLock<Result<GhgFactors, GhgFactorsError>> =
            std::sync::OnceLock::new();
        SHIPPED
            .get_or_init(|| GhgFactors::from_toml(SHIPPED_GHG_FACTORS_TOML))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a factor file in the shape of `data/ghg_factors.toml`.
    pub fn from_toml(text: &str) -> Result<GhgFactors, GhgFactorsError> {
        let file: FactorFile =
            toml::from_str(text).map_err(|e| GhgFactorsError::Toml(e.to_string()))?;
        let generation = factor(
            &file.electricity.generation_kg_per_kwh,
            "electricity.generation_kg_per_kwh",
        )?;
        let transmission = factor(
            &file.electricity.transmission_distribution_kg_per_kwh,
            "electricity.transmission_distribution_kg_per_kwh",
        )?;
        Ok(GhgFactors {
            factor_year: file.factor_year,
            source: file.source,
            source_url: file.source_url,
            electricity_per_kwh: EmissionFactor(generation.0.saturating_add(transmission.0)),
            diesel_per_litre: factor(&file.fuel.diesel_kg_per_litre, "fuel.diesel_kg_per_litre")?,
            waste_landfill_per_tonne: factor(
                &file.waste.landfill_kg_per_tonne,
                "waste.landfill_kg_per_tonne",
            )?,
            waste_recycling_per_tonne: factor(
                &file.waste.recycling_kg_per_tonne,
                "waste.recycling_kg_per_tonne",
            )?,
            waste_combustion_per_tonne: factor(
                &file.waste.combustion_kg_per_tonne,
                "waste.combustion_kg_per_tonne",
            )?,
        })
    }

    /// kg CO2e avoided per tonne of waste kept out of landfill and handled at
    /// `level` instead: the landfill factor less the factor of the new route.
    /// Prevention and preparing for re-use avoid the landfill emissions whole
    /// (the factors give the waste producer no emissions for re-use); disposal
    /// avoids nothing.
    pub fn waste_saving_per_tonne(&self, level: WasteLevel) -> EmissionFactor {
        let landfill = self.waste_landfill_per_tonne.0;
        EmissionFactor(match level {
            WasteLevel::Prevention | WasteLevel::PreparingForReuse => landfill,
            WasteLevel::Recycling => landfill - self.waste_recycling_per_tonne.0,
            WasteLevel::OtherRecovery => landfill - self.waste_combustion_per_tonne.0,
            WasteLevel::Disposal => 0,
        })
    }

    // Σ quantity × factor for one period, exact, in units of 1e-8 g:
    // kWh and litres: thousandths × hundred-thousandths of a kg = 1e-8 kg = 1e-5 g,
    // so they are scaled by 1000; waste: thousandths of a kg (1e-6 t) × 1e-5 kg
    // per tonne = 1e-11 kg = 1e-8 g.
    fn period_numerator(&self, quantities: &EnvironmentalQuantities) -> Option<i128> {
        let energy = checked_product(&[
            i128::from(quantities.energy_kwh.0),
            i128::from(self.electricity_per_kwh.0),
            1000,
        ])?;
        let fuel = checked_product(&[
            i128::from(quantities.fuel_litres.0),
            i128::from(self.diesel_per_litre.0),
            1000,
        ])?;
        let waste = match quantities.waste_level {
            Some(level) => checked_product(&[
                i128::from(quantities.waste_kg.0),
                i128::from(self.waste_saving_per_tonne(level).0),
            ])?,
            None => 0,
        };
        energy.checked_add(fuel)?.checked_add(waste)
    }

    /// Grams of CO2e avoided in one period, rounded half away from zero.
    pub fn co2e_grams(&self, quantities: &EnvironmentalQuantities) -> i64 {
        self.co2e_over_periods(quantities, 1)
    }

    /// Grams of CO2e avoided in the first 12 months, by the same frequency rule
    /// as money: exact per-period CO2e × periods, rounded once at the end.
    pub fn first_year_co2e_grams(
        &self,
        quantities: &EnvironmentalQuantities,
        frequency: Frequency,
    ) -> i64 {
        self.co2e_over_periods(quantities, frequency.periods_per_year())
    }

    fn co2e_over_periods(&self, quantities: &EnvironmentalQuantities, periods: i64) -> i64 {
        self.period_numerator(quantities)
            .and_then(|n| n.checked_mul(i128::from(periods)))
            .map_or(i64::MAX, |n| {
                saturate_i64(decimal::div_round(n, CO2E_GRAMS_SCALE))
            })
    }
}

// ---------------------------------------------------------------------------
// Integer helpers
// ---------------------------------------------------------------------------

/// `numerator × scale ÷ denominator`, rounded half away from zero; `None` when
/// the denominator is zero.
fn scaled_ratio(numerator: i128, denominator: i128, scale: i128) -> Option<i64> {
    if denominator == 0 {
        return None;
    }
    Some(saturate_i64(decimal::div_round(
        numerator * scale,
        denominator,
    )))
}

fn checked_product(factors: &[i128]) -> Option<i128> {
    factors.iter().try_fold(1i128, |acc, f| acc.checked_mul(*f))
}

fn saturate_i64(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// The i64 limit an overflowing result of this sign saturates to.
fn saturated(negative: bool) -> i64 {
    if negative { i64::MIN } else { i64::MAX }
}

/// Whether a per-period value is below zero (the sign of its first-year value).
fn is_negative(per_period: PerPeriod) -> bool {
    match per_period {
        PerPeriod::Amount(amount) => amount.0 < 0,
        PerPeriod::Hours { hours, rate } => (hours.0 < 0) != (rate.0 < 0),
    }
}

/// A non-negative decimal with at most `decimals` places, scaled; see [`decimal`].
fn parse_scaled(input: &str, decimals: u32) -> Option<i64> {
    decimal::parse(input, decimals, Sign::NonNegative).ok()
}

fn format_scaled(value: i64, decimals: u32) -> String {
    decimal::format(value, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// £ → pence, for readable examples.
    fn pounds(p: i64) -> Pence {
        Pence(p * 100)
    }

    // ---- enums ---------------------------------------------------------------

    #[test]
    fn codes_round_trip_and_message_ids_are_distinct() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
            message_id: fn(T) -> &'static str,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &value in all {
                assert_eq!(parse(as_str(value)), Some(value));
                assert!(message_id(value).starts_with("impact-"));
                assert!(seen.insert(message_id(value)), "duplicate message id");
                // Codes are snake_case ASCII.
                assert!(
                    as_str(value)
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_')
                );
            }
            assert_eq!(parse("nonsense"), None);
            assert_eq!(parse(""), None);
        }
        check(
            &Category::ALL,
            Category::as_str,
            Category::parse,
            Category::message_id,
        );
        check(
            &SavingsType::ALL,
            SavingsType::as_str,
            SavingsType::parse,
            SavingsType::message_id,
        );
        check(
            &Frequency::ALL,
            Frequency::as_str,
            Frequency::parse,
            Frequency::message_id,
        );
        check(
            &Status::ALL,
            Status::as_str,
            Status::parse,
            Status::message_id,
        );
        check(
            &WasteLevel::ALL,
            WasteLevel::as_str,
            WasteLevel::parse,
            WasteLevel::message_id,
        );
        assert_eq!(Category::ALL.len(), 9);
        assert_eq!(
            Category::LabourTime.message_id(),
            "impact-category-labour-time"
        );
        assert_eq!(
            WasteLevel::PreparingForReuse.as_str(),
            "preparing_for_reuse"
        );
        assert_eq!(Frequency::parse("one_off"), Some(Frequency::OneOff));
        assert_eq!(Status::parse("Verified"), None, "codes are exact");
    }

    #[test]
    fn serde_uses_the_storage_codes() {
        #[derive(Deserialize)]
        struct Row {
            category: Category,
            frequency: Frequency,
            level: WasteLevel,
        }
        let row: Row = toml::from_str(
            "category = \"avoided_cost\"\nfrequency = \"one_off\"\nlevel = \"other_recovery\"",
        )
        .unwrap();
        assert_eq!(row.category, Category::AvoidedCost);
        assert_eq!(row.frequency, Frequency::OneOff);
        assert_eq!(row.level, WasteLevel::OtherRecovery);
    }

    #[test]
    fn periods_per_year() {
        assert_eq!(Frequency::OneOff.periods_per_year(), 1);
        assert_eq!(Frequency::Weekly.periods_per_year(), 52);
        assert_eq!(Frequency::Monthly.periods_per_year(), 12);
        assert_eq!(Frequency::Quarterly.periods_per_year(), 4);
        assert_eq!(Frequency::Annually.periods_per_year(), 1);
        assert!(!Frequency::OneOff.is_recurring());
        assert!(Frequency::Weekly.is_recurring());
    }

    // ---- parsing -------------------------------------------------------------

    #[test]
    fn parses_hours() {
        assert_eq!(Hours::parse("1.5"), Ok(Hours(150)));
        assert_eq!(Hours::parse("2"), Ok(Hours(200)));
        assert_eq!(Hours::parse(" 0.25 "), Ok(Hours(25)));
        assert_eq!(Hours::parse(".5"), Ok(Hours(50)));
        assert_eq!(Hours::parse("3."), Ok(Hours(300)));
        assert_eq!(Hours::parse("1,000"), Ok(Hours(100_000)));
        assert_eq!(Hours::parse("1.255"), Err(ImpactParseError::Hours));
        assert_eq!(Hours::parse("-1"), Err(ImpactParseError::Hours));
        assert_eq!(Hours::parse("1,5"), Err(ImpactParseError::Hours));
        assert_eq!(Hours::parse(""), Err(ImpactParseError::Hours));
        assert_eq!(Hours::parse("."), Err(ImpactParseError::Hours));
        assert_eq!(Hours::parse("two"), Err(ImpactParseError::Hours));
        assert_eq!(
            Hours::parse("99999999999999999999"),
            Err(ImpactParseError::Hours)
        );
        assert_eq!(Hours::from_whole(3), Hours(300));
        assert_eq!(ImpactParseError::Hours.to_string(), "error-hours-invalid");
    }

    #[test]
    fn formats_hours_without_trailing_zeros() {
        assert_eq!(Hours(150).to_string(), "1.5");
        assert_eq!(Hours(200).to_string(), "2");
        assert_eq!(Hours(25).to_string(), "0.25");
        assert_eq!(Hours(-50).to_string(), "-0.5");
    }

    #[test]
    fn parses_capture_factor() {
        assert_eq!(CaptureFactor::default(), CaptureFactor(1000));
        assert_eq!(CaptureFactor::parse("0.8"), Ok(CaptureFactor(800)));
        assert_eq!(CaptureFactor::parse("1"), Ok(CaptureFactor::ONE));
        assert_eq!(CaptureFactor::parse("0.125"), Ok(CaptureFactor(125)));
        assert_eq!(CaptureFactor::parse("0"), Ok(CaptureFactor(0)));
        assert_eq!(
            CaptureFactor::parse("1.1"),
            Err(ImpactParseError::CaptureFactor)
        );
        assert_eq!(
            CaptureFactor::parse("0.8125"),
            Err(ImpactParseError::CaptureFactor)
        );
        assert_eq!(
            CaptureFactor::parse("-0.5"),
            Err(ImpactParseError::CaptureFactor)
        );
        assert_eq!(CaptureFactor(800).to_string(), "0.8");
        assert_eq!(CaptureFactor::ONE.to_string(), "1");
    }

    #[test]
    fn parses_quantities() {
        assert_eq!(Quantity::parse("1,200"), Ok(Quantity(1_200_000)));
        assert_eq!(Quantity::parse("12.5"), Ok(Quantity(12_500)));
        assert_eq!(Quantity::parse("0.125"), Ok(Quantity(125)));
        assert_eq!(Quantity::parse("0.1255"), Err(ImpactParseError::Quantity));
        assert_eq!(Quantity::parse("-3"), Err(ImpactParseError::Quantity));
        assert_eq!(Quantity::parse("12,34"), Err(ImpactParseError::Quantity));
        assert_eq!(Quantity::parse(",123"), Err(ImpactParseError::Quantity));
        assert_eq!(Quantity::from_whole(50), Quantity(50_000));
        assert_eq!(Quantity(1_500).to_string(), "1.5");
        assert_eq!(Quantity(1_200_000).to_string(), "1200");
    }

    // ---- rates ---------------------------------------------------------------

    #[test]
    fn rate_is_line_else_organisation_else_programme() {
        let line = Some(pounds(30));
        let organisation = Some(pounds(20));
        let programme = pounds(15);
        assert_eq!(resolve_rate(line, organisation, programme), pounds(30));
        assert_eq!(resolve_rate(None, organisation, programme), pounds(20));
        assert_eq!(resolve_rate(None, None, programme), pounds(15));
        assert_eq!(resolve_rate(line, None, programme), pounds(30));
    }

    #[test]
    fn hours_valued_at_line_organisation_and_programme_rates() {
        // 2 h a week; line rate £30, organisation £20, programme £15; capture 1.0.
        let valuation = Valuation {
            organisation_rate: Some(pounds(20)),
            programme_rate: pounds(15),
            capture: CaptureFactor::ONE,
        };
        let with_line_rate = LineValue::Hours {
            hours: Hours(200),
            line_rate: Some(pounds(30)),
        };
        let without_line_rate = LineValue::Hours {
            hours: Hours(200),
            line_rate: None,
        };
        // Line rate: 2 h × £30 = £60 a week × 52 = £3,120.00.
        assert_eq!(
            with_line_rate.first_year_value(Frequency::Weekly, &valuation),
            Pence(312_000)
        );
        // Organisation rate: 2 h × £20 = £40 a week × 52 = £2,080.00.
        assert_eq!(
            without_line_rate.first_year_value(Frequency::Weekly, &valuation),
            Pence(208_000)
        );
        // Programme default: 2 h × £15 = £30 a week × 52 = £1,560.00.
        let no_organisation_rate = Valuation {
            organisation_rate: None,
            ..valuation
        };
        assert_eq!(
            without_line_rate.first_year_value(Frequency::Weekly, &no_organisation_rate),
            Pence(156_000)
        );
        assert_eq!(
            without_line_rate.per_period(None, pounds(15)),
            PerPeriod::Hours {
                hours: Hours(200),
                rate: pounds(15)
            }
        );
    }

    #[test]
    fn capture_factor_scales_hours_only() {
        // 2 h a week at £25.00 with capture 0.8:
        //   200 × 2500 × 800 × 52 = 20,800,000,000; ÷ 100,000 = 208,000p.
        //   By hand: 2 × £25 × 0.8 = £40 a week; × 52 = £2,080.00.
        let hours = PerPeriod::Hours {
            hours: Hours(200),
            rate: Pence(2500),
        };
        assert_eq!(
            first_year_value(hours, Frequency::Weekly, CaptureFactor(800)),
            Pence(208_000)
        );
        // The same line at capture 1.0 is £2,600.00.
        assert_eq!(
            first_year_value(hours, Frequency::Weekly, CaptureFactor::ONE),
            Pence(260_000)
        );
        // An amount line ignores the capture factor: £50 a month × 12 = £600.00.
        assert_eq!(
            first_year_value(
                PerPeriod::Amount(pounds(50)),
                Frequency::Monthly,
                CaptureFactor(800)
            ),
            pounds(600)
        );
    }

    // ---- first-year value ----------------------------------------------------

    #[test]
    fn every_frequency_for_an_amount() {
        let value = |pence, frequency| {
            first_year_value(
                PerPeriod::Amount(Pence(pence)),
                frequency,
                CaptureFactor::ONE,
            )
        };
        // One-off £5,000.00 counts once: £5,000.00.
        assert_eq!(value(500_000, Frequency::OneOff), Pence(500_000));
        // Weekly £40.25 × 52 = £2,093.00.
        assert_eq!(value(4_025, Frequency::Weekly), Pence(209_300));
        // Monthly £125.50 × 12 = £1,506.00.
        assert_eq!(value(12_550, Frequency::Monthly), Pence(150_600));
        // Quarterly £1,000.00 × 4 = £4,000.00.
        assert_eq!(value(100_000, Frequency::Quarterly), Pence(400_000));
        // Annually £2,400.00 × 1 = £2,400.00.
        assert_eq!(value(240_000, Frequency::Annually), Pence(240_000));
    }

    #[test]
    fn every_frequency_for_hours() {
        // 1.5 h at £12.34 (1234p), capture 1.0: per period 150 × 1234 × 1000 =
        // 185,100,000; ÷ 100,000 = 1,851p (£18.51) exactly.
        let hours = PerPeriod::Hours {
            hours: Hours(150),
            rate: Pence(1234),
        };
        let value = |frequency| first_year_value(hours, frequency, CaptureFactor::ONE);
        assert_eq!(value(Frequency::OneOff), Pence(1_851));
        assert_eq!(value(Frequency::Weekly), Pence(96_252)); // 1,851 × 52
        assert_eq!(value(Frequency::Monthly), Pence(22_212)); // 1,851 × 12
        assert_eq!(value(Frequency::Quarterly), Pence(7_404)); // 1,851 × 4
        assert_eq!(value(Frequency::Annually), Pence(1_851));
    }

    #[test]
    fn rounds_halves_away_from_zero() {
        // 0.5 h at £10.01, one-off: 50 × 1001 × 1000 = 50,050,000; ÷ 100,000 =
        // 500.5p → 501p.
        let half_up = PerPeriod::Hours {
            hours: Hours(50),
            rate: Pence(1001),
        };
        assert_eq!(
            first_year_value(half_up, Frequency::OneOff, CaptureFactor::ONE),
            Pence(501)
        );
        // A credit line (0.5 h more each time): −500.5p → −501p, not −500p.
        let credit = PerPeriod::Hours {
            hours: Hours(-50),
            rate: Pence(1001),
        };
        assert_eq!(
            first_year_value(credit, Frequency::OneOff, CaptureFactor::ONE),
            Pence(-501)
        );
        // Just under a half rounds toward zero: 0.33 h × £10.01 = 330.33p → 330p;
        // and −330.33p → −330p.
        let under = PerPeriod::Hours {
            hours: Hours(33),
            rate: Pence(1001),
        };
        assert_eq!(
            first_year_value(under, Frequency::OneOff, CaptureFactor::ONE),
            Pence(330)
        );
        let under_credit = PerPeriod::Hours {
            hours: Hours(-33),
            rate: Pence(1001),
        };
        assert_eq!(
            first_year_value(under_credit, Frequency::OneOff, CaptureFactor::ONE),
            Pence(-330)
        );
        // Rounding happens after × periods, not per period: 0.25 h at £10.01
        // weekly is 250.25p a week; exactly 25 × 1001 × 1000 × 52 ÷ 100,000 =
        // 13,013p. Rounding each week first would give 250p × 52 = 13,000p.
        let weekly = PerPeriod::Hours {
            hours: Hours(25),
            rate: Pence(1001),
        };
        assert_eq!(
            first_year_value(weekly, Frequency::Weekly, CaptureFactor::ONE),
            Pence(13_013)
        );
        // A capture factor can create the half: 0.01 h × £0.50 × 0.9 = 0.45p → 0p;
        // 0.01 h × £1.00 × 0.5 = 0.5p → 1p.
        let tiny = |rate, capture| {
            first_year_value(
                PerPeriod::Hours {
                    hours: Hours(1),
                    rate: Pence(rate),
                },
                Frequency::OneOff,
                CaptureFactor(capture),
            )
        };
        assert_eq!(tiny(50, 900), Pence(0));
        assert_eq!(tiny(100, 500), Pence(1));
    }

    #[test]
    fn negative_amount_lines_keep_their_sign() {
        // A credit of £12.50 a month: −1,250 × 12 = −£150.00.
        assert_eq!(
            first_year_value(
                PerPeriod::Amount(Pence(-1_250)),
                Frequency::Monthly,
                CaptureFactor::ONE
            ),
            Pence(-15_000)
        );
    }

    #[test]
    fn extreme_values_saturate_instead_of_panicking() {
        let huge = PerPeriod::Hours {
            hours: Hours(i64::MAX),
            rate: Pence(i64::MAX),
        };
        assert_eq!(
            first_year_value(huge, Frequency::Weekly, CaptureFactor::ONE),
            Pence(i64::MAX)
        );
        assert_eq!(
            first_year_value(
                PerPeriod::Amount(Pence(i64::MIN)),
                Frequency::Weekly,
                CaptureFactor::ONE
            ),
            Pence(i64::MIN)
        );
    }

    // ---- totals --------------------------------------------------------------

    #[test]
    fn totals_split_by_status_and_sum_rounded_lines() {
        let capture = CaptureFactor::ONE;
        let half_hour_at_1001 = PerPeriod::Hours {
            hours: Hours(50),
            rate: Pence(1001),
        };
        let lines = [
            // A: verified one-off £5,000.00 → 500,000p.
            (
                Status::Verified,
                first_year_value(PerPeriod::Amount(pounds(5_000)), Frequency::OneOff, capture),
            ),
            // B: verified £125.50 a month → 150,600p.
            (
                Status::Verified,
                first_year_value(
                    PerPeriod::Amount(Pence(12_550)),
                    Frequency::Monthly,
                    capture,
                ),
            ),
            // C and D: claimed, 0.5 h at £10.01 one-off → 500.5p → 501p each.
            (
                Status::Claimed,
                first_year_value(half_hour_at_1001, Frequency::OneOff, capture),
            ),
            (
                Status::Claimed,
                first_year_value(half_hour_at_1001, Frequency::OneOff, capture),
            ),
            // E: forecast £1,000 a quarter → 400,000p.
            (
                Status::Forecast,
                first_year_value(
                    PerPeriod::Amount(pounds(1_000)),
                    Frequency::Quarterly,
                    capture,
                ),
            ),
            // F: verified credit, −0.5 h at £10.01 → −501p.
            (
                Status::Verified,
                first_year_value(
                    PerPeriod::Hours {
                        hours: Hours(-50),
                        rate: Pence(1001),
                    },
                    Frequency::OneOff,
                    capture,
                ),
            ),
        ];
        let totals = FirstYear::from_lines(lines);
        // verified = 500,000 + 150,600 − 501 = 650,099p (£6,500.99)
        // claimed  = 501 + 501 = 1,002p: the rounded lines are summed, so not
        //            round(500.5 + 500.5) = 1,001p.
        // forecast = 400,000p.
        assert_eq!(
            totals,
            FirstYear {
                verified: Pence(650_099),
                claimed: Pence(1_002),
                forecast: Pence(400_000),
            }
        );
        assert_eq!(totals.get(Status::Claimed), Pence(1_002));
        let collected: FirstYear = lines.into_iter().collect();
        assert_eq!(collected, totals);
        assert_eq!(FirstYear::from_lines([]), FirstYear::default());
    }

    // ---- ROI and companions --------------------------------------------------

    #[test]
    fn roi_of_the_welsh_programme() {
        // £148,000 verified on a £49,000 cost: 148,000 ÷ 49,000 = 3.0204…
        let benefit = pounds(148_000);
        let cost = pounds(49_000);
        assert_eq!(roi_hundredths(benefit, cost), Some(302));
        assert_eq!(format_roi(benefit, cost), "3.0 : 1");
        // Net return: (148,000 − 49,000) ÷ 49,000 = 2.020408… → 202.0%.
        assert_eq!(net_return_percent_tenths(benefit, cost), Some(2020));
        assert_eq!(format_tenths(2020), "202.0");
        // Payback: 49,000 ÷ (148,000 ÷ 12) = 12 × 49,000 ÷ 148,000 = 3.9729…
        // months → 4.0.
        assert_eq!(payback_months_tenths(benefit, cost), Some(40));
    }

    #[test]
    fn roi_formatting_and_halves() {
        // Exactly 3:1.
        assert_eq!(format_roi(pounds(30_000), pounds(10_000)), "3.0 : 1");
        assert_eq!(roi_hundredths(pounds(30_000), pounds(10_000)), Some(300));
        // 3.05 exactly rounds up to 3.1; 3.049… rounds down to 3.0.
        assert_eq!(format_roi(Pence(305), Pence(100)), "3.1 : 1");
        assert_eq!(format_roi(Pence(3_049), Pence(1_000)), "3.0 : 1");
        // Rounded from the exact ratio, not from hundredths: 2.949 → "2.9",
        // even though it is 2.95 to two places.
        assert_eq!(roi_hundredths(Pence(2_949), Pence(1_000)), Some(295));
        assert_eq!(format_roi(Pence(2_949), Pence(1_000)), "2.9 : 1");
        // 1.005 → hundredths 101 (half away from zero).
        assert_eq!(roi_hundredths(Pence(1_005), Pence(1_000)), Some(101));
        // Below one and negative.
        assert_eq!(format_roi(Pence(50), Pence(100)), "0.5 : 1");
        assert_eq!(format_roi(Pence(-305), Pence(100)), "-3.1 : 1");
        // −0.04 rounds to zero and is shown without a sign.
        assert_eq!(format_roi(Pence(-4), Pence(100)), "0.0 : 1");
        assert_eq!(roi_hundredths(Pence(-305), Pence(100)), Some(-305));
        // No cost.
        assert_eq!(roi_hundredths(pounds(1), Pence(0)), None);
        assert_eq!(format_roi(pounds(1), Pence(0)), "–");
        // A large programme: £12.5m on £4m = 3.125 → 3.13, "3.1 : 1".
        assert_eq!(
            roi_hundredths(pounds(12_500_000), pounds(4_000_000)),
            Some(313)
        );
        assert_eq!(format_roi(pounds(12_500_000), pounds(4_000_000)), "3.1 : 1");
    }

    #[test]
    fn net_return_cases() {
        // Break-even: 0.0%.
        assert_eq!(net_return_percent_tenths(pounds(100), pounds(100)), Some(0));
        // Half the cost back: (50 − 100) ÷ 100 = −50.0%.
        assert_eq!(
            net_return_percent_tenths(pounds(50), pounds(100)),
            Some(-500)
        );
        // (1 − 3) ÷ 3 = −66.666…% → −66.7%.
        assert_eq!(net_return_percent_tenths(Pence(1), Pence(3)), Some(-667));
        assert_eq!(format_tenths(-667), "-66.7");
        // (2001 − 2000) ÷ 2000 = 0.05% → 0.1% (half away from zero).
        assert_eq!(
            net_return_percent_tenths(Pence(2_001), Pence(2_000)),
            Some(1)
        );
        assert_eq!(net_return_percent_tenths(pounds(1), Pence(0)), None);
    }

    #[test]
    fn payback_cases() {
        // Benefit £24,000 a year on £6,000 cost: 12 × 6,000 ÷ 24,000 = 3.0 months.
        assert_eq!(
            payback_months_tenths(pounds(24_000), pounds(6_000)),
            Some(30)
        );
        // Cost larger than a year's benefit: 12 × 50,000 ÷ 40,000 = 15.0 months.
        assert_eq!(
            payback_months_tenths(pounds(40_000), pounds(50_000)),
            Some(150)
        );
        // 12 × 1 ÷ 16 = 0.75 months → 0.8 (half away from zero).
        assert_eq!(payback_months_tenths(Pence(16), Pence(1)), Some(8));
        // Nothing or less than nothing back: never paid back.
        assert_eq!(payback_months_tenths(Pence(0), pounds(1)), None);
        assert_eq!(payback_months_tenths(Pence(-1), pounds(1)), None);
        // No cost: paid back at once.
        assert_eq!(payback_months_tenths(pounds(1), Pence(0)), Some(0));
    }

    // ---- cost shares ---------------------------------------------------------

    #[test]
    fn split_cost_sums_exactly() {
        // £100.00 over 3: 10,000 = 3,333 × 3 + 1 → [3,334, 3,333, 3,333].
        assert_eq!(
            split_cost(pounds(100), 3),
            vec![Pence(3_334), Pence(3_333), Pence(3_333)]
        );
        // 10p over 4: 2 each, 2 left → [3, 3, 2, 2].
        assert_eq!(
            split_cost(Pence(10), 4),
            vec![Pence(3), Pence(3), Pence(2), Pence(2)]
        );
        // 2p over 5 → [1, 1, 0, 0, 0].
        assert_eq!(
            split_cost(Pence(2), 5),
            vec![Pence(1), Pence(1), Pence(0), Pence(0), Pence(0)]
        );
        // Even split.
        assert_eq!(split_cost(pounds(90), 3), vec![pounds(30); 3]);
        // £49,000 over 3 cohorts: 4,900,000 = 1,633,333 × 3 + 1.
        let shares = split_cost(pounds(49_000), 3);
        assert_eq!(
            shares,
            vec![Pence(1_633_334), Pence(1_633_333), Pence(1_633_333)]
        );
        assert_eq!(shares.iter().map(|p| p.0).sum::<i64>(), 4_900_000);
        // Negative totals still sum exactly: −10 over 3 → [−3, −3, −4].
        let negative = split_cost(Pence(-10), 3);
        assert_eq!(negative, vec![Pence(-3), Pence(-3), Pence(-4)]);
        assert_eq!(split_cost(pounds(100), 0), Vec::<Pence>::new());
        assert_eq!(split_cost(pounds(7), 1), vec![pounds(7)]);
    }

    #[test]
    fn cohort_roi_uses_its_share_of_the_cost() {
        // Programme cost £49,000 over 3 cohorts; cohort 1's share is £16,333.34.
        // Its verified £49,000.02 on that share: 4,900,002 ÷ 1,633,334 = 3 exactly.
        let share = split_cost(pounds(49_000), 3)[0];
        assert_eq!(format_roi(Pence(4_900_002), share), "3.0 : 1");
    }

    // ---- CO2e ----------------------------------------------------------------

    fn factors() -> GhgFactors {
        GhgFactors::shipped().unwrap().clone()
    }

    #[test]
    fn shipped_factors_are_the_2024_edition() {
        let f = factors();
        assert_eq!(f.factor_year, 2024);
        assert!(f.source_url.contains("conversion-factors-2024"));
        // 0.20705 generation + 0.01830 T&D = 0.22535 kg CO2e per kWh.
        assert_eq!(f.electricity_per_kwh, EmissionFactor(22_535));
        assert_eq!(f.electricity_per_kwh.to_string(), "0.22535");
        assert_eq!(f.diesel_per_litre, EmissionFactor(251_279));
        assert_eq!(f.waste_landfill_per_tonne, EmissionFactor(52_033_420));
        assert_eq!(f.waste_recycling_per_tonne, EmissionFactor(641_061));
        assert_eq!(f.waste_combustion_per_tonne, EmissionFactor(641_061));
    }

    #[test]
    fn bad_factor_files_are_errors_not_panics() {
        assert!(matches!(
            GhgFactors::from_toml("factor_year = ["),
            Err(GhgFactorsError::Toml(_))
        ));
        let float_factor = SHIPPED_GHG_FACTORS_TOML.replace(
            "diesel_kg_per_litre = \"2.51279\"",
            "diesel_kg_per_litre = \"2.512791\"",
        );
        assert_eq!(
            GhgFactors::from_toml(&float_factor),
            Err(GhgFactorsError::Factor("fuel.diesel_kg_per_litre"))
        );
        let unknown = format!("{SHIPPED_GHG_FACTORS_TOML}\nextra = 1\n");
        assert!(matches!(
            GhgFactors::from_toml(&unknown),
            Err(GhgFactorsError::Toml(_))
        ));
    }

    #[test]
    fn waste_saving_per_level() {
        let f = factors();
        // Landfill 520.3342 less the new route's factor, kg CO2e per tonne.
        assert_eq!(
            f.waste_saving_per_tonne(WasteLevel::Prevention).to_string(),
            "520.3342"
        );
        assert_eq!(
            f.waste_saving_per_tonne(WasteLevel::PreparingForReuse)
                .to_string(),
            "520.3342"
        );
        // 520.33420 − 6.41061 = 513.92359.
        assert_eq!(
            f.waste_saving_per_tonne(WasteLevel::Recycling),
            EmissionFactor(51_392_359)
        );
        assert_eq!(
            f.waste_saving_per_tonne(WasteLevel::OtherRecovery),
            EmissionFactor(51_392_359)
        );
        assert_eq!(
            f.waste_saving_per_tonne(WasteLevel::Disposal),
            EmissionFactor(0)
        );
    }

    #[test]
    fn co2e_for_each_quantity() {
        let f = factors();
        // 1,000 kWh × 0.22535 kg = 225.35 kg = 225,350 g.
        let energy = EnvironmentalQuantities {
            energy_kwh: Quantity::from_whole(1_000),
            ..Default::default()
        };
        assert_eq!(f.co2e_grams(&energy), 225_350);
        // 50 l diesel × 2.51279 kg = 125.6395 kg = 125,639.5 g → 125,640 g
        // (half away from zero).
        let fuel = EnvironmentalQuantities {
            fuel_litres: Quantity::from_whole(50),
            ..Default::default()
        };
        assert_eq!(f.co2e_grams(&fuel), 125_640);
        // 200 kg moved from landfill to recycling: 0.2 t × 513.92359 kg =
        // 102.784718 kg → 102,785 g.
        let recycled = EnvironmentalQuantities {
            waste_kg: Quantity::from_whole(200),
            waste_level: Some(WasteLevel::Recycling),
            ..Default::default()
        };
        assert_eq!(f.co2e_grams(&recycled), 102_785);
        // 200 kg prevented: 0.2 t × 520.3342 kg = 104.06684 kg → 104,067 g.
        let prevented = EnvironmentalQuantities {
            waste_level: Some(WasteLevel::Prevention),
            ..recycled
        };
        assert_eq!(f.co2e_grams(&prevented), 104_067);
        // Still landfilled, or no level given: no waste CO2e.
        let landfilled = EnvironmentalQuantities {
            waste_level: Some(WasteLevel::Disposal),
            ..recycled
        };
        assert_eq!(f.co2e_grams(&landfilled), 0);
        let no_level = EnvironmentalQuantities {
            waste_level: None,
            ..recycled
        };
        assert_eq!(f.co2e_grams(&no_level), 0);
        assert_eq!(f.co2e_grams(&EnvironmentalQuantities::default()), 0);
    }

    #[test]
    fn co2e_combined_and_first_year() {
        let f = factors();
        // Each month: 1,000 kWh, 200 kg recycled, 50 l diesel.
        let monthly = EnvironmentalQuantities {
            energy_kwh: Quantity::from_whole(1_000),
            waste_kg: Quantity::from_whole(200),
            waste_level: Some(WasteLevel::Recycling),
            fuel_litres: Quantity::from_whole(50),
        };
        // Exact grams: 225,350 + 125,639.5 + 102,784.718 = 453,774.218 → 453,774 g.
        assert_eq!(f.co2e_grams(&monthly), 453_774);
        // First year, × 12 before rounding: 5,445,290.616 → 5,445,291 g
        // (12 × the rounded month would be 5,445,288 g).
        assert_eq!(
            f.first_year_co2e_grams(&monthly, Frequency::Monthly),
            5_445_291
        );
        // Every frequency uses the money rule.
        assert_eq!(
            f.first_year_co2e_grams(&monthly, Frequency::OneOff),
            453_774
        );
        assert_eq!(
            f.first_year_co2e_grams(&monthly, Frequency::Annually),
            453_774
        );
        // × 4 = 1,815,096.872 → 1,815,097 g.
        assert_eq!(
            f.first_year_co2e_grams(&monthly, Frequency::Quarterly),
            1_815_097
        );
        // × 52 = 23,596,259.336 → 23,596,259 g.
        assert_eq!(
            f.first_year_co2e_grams(&monthly, Frequency::Weekly),
            23_596_259
        );
        // Fractional quantities: 12.5 kWh × 0.22535 = 2.816875 kg → 2,817 g.
        let small = EnvironmentalQuantities {
            energy_kwh: Quantity::parse("12.5").unwrap(),
            ..Default::default()
        };
        assert_eq!(f.co2e_grams(&small), 2_817);
    }

    #[test]
    fn negative_quantities_give_negative_co2e() {
        // A change that uses 10 l more diesel: −25.1279 kg → −25,128 g.
        let f = factors();
        let more_fuel = EnvironmentalQuantities {
            fuel_litres: Quantity(-10_000),
            ..Default::default()
        };
        assert_eq!(f.co2e_grams(&more_fuel), -25_128);
    }

    // ---- helpers -------------------------------------------------------------

    #[test]
    fn cohort_shares_keep_fixed_figures_and_split_the_rest() {
        // £1,000.01 with one cohort fixed at £400: £600.01 left for two → £300.01 and £300.00.
        assert_eq!(
            cohort_shares(Pence(100_001), &[None, Some(Pence(40_000)), None]),
            vec![Pence(30_001), Pence(40_000), Pence(30_000)]
        );
        assert_eq!(
            cohort_shares(Pence(100), &[Some(Pence(500))]),
            vec![Pence(500)],
            "a fixed figure stands even above the total"
        );
        assert!(cohort_shares(Pence(100), &[]).is_empty());
    }

    #[test]
    fn rounding_helper() {
        assert_eq!(decimal::div_round(5, 2), 3);
        assert_eq!(decimal::div_round(-5, 2), -3);
        assert_eq!(decimal::div_round(7, 4), 2);
        assert_eq!(decimal::div_round(-7, 4), -2);
        assert_eq!(decimal::div_round(5, -2), -3);
        assert_eq!(decimal::div_round(-5, -2), 3);
        assert_eq!(decimal::div_round(0, 3), 0);
        assert_eq!(decimal::div_round(4, 3), 1);
    }
}
