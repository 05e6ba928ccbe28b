//! Environmental quantities and the CO2e they save, from the UK Government GHG
//! conversion factors shipped in `data/ghg_factors.toml`.

use super::*;
use serde::{Deserialize, Serialize};
use std::fmt;

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
    /// More than [`crate::bounds::Bound::Quantity`] is refused.
    pub fn parse(input: &str) -> Result<Quantity, ImpactParseError> {
        parse_bounded(input, Bound::Quantity, ImpactParseError::Quantity).map(Quantity)
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
pub const SHIPPED_GHG_FACTORS_TOML: &str = include_str!("../../data/ghg_factors.toml");

// The file's shape. Factors are strings so they are read exactly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FactorFile {
    factor_year: u16,
    source: String,
    source_url: String,
    electricity: ElectricityRows,
    fuel: FuelRows,
    waste: WasteRows,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ElectricityRows {
    generation_kg_per_kwh: String,
    transmission_distribution_kg_per_kwh: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FuelRows {
    diesel_kg_per_litre: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WasteRows {
    landfill_kg_per_tonne: String,
    recycling_kg_per_tonne: String,
    combustion_kg_per_tonne: String,
}

pub(crate) fn factor(text: &str, name: &'static str) -> Result<EmissionFactor, GhgFactorsError> {
    EmissionFactor::parse(text).ok_or(GhgFactorsError::Factor(name))
}

// Denominator that turns Σ quantity × factor into grams: see `period_numerator`.
pub(crate) const CO2E_GRAMS_SCALE: i128 = 100_000_000;

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
    // Each quantity is held to its bound first (see `bounds.rs`).
    fn period_numerator(&self, quantities: &EnvironmentalQuantities) -> Option<i128> {
        let held = |q: Quantity| i128::from(Bound::Quantity.hold(q.0));
        let energy = checked_product(&[
            held(quantities.energy_kwh),
            i128::from(self.electricity_per_kwh.0),
            1000,
        ])?;
        let fuel = checked_product(&[
            held(quantities.fuel_litres),
            i128::from(self.diesel_per_litre.0),
            1000,
        ])?;
        let waste = match quantities.waste_level {
            Some(level) => checked_product(&[
                held(quantities.waste_kg),
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

    /// Never beyond [`crate::bounds::MAX_LINE_CO2E_GRAMS`] either way.
    fn co2e_over_periods(&self, quantities: &EnvironmentalQuantities, periods: i64) -> i64 {
        let limit = crate::bounds::MAX_LINE_CO2E_GRAMS;
        self.period_numerator(quantities)
            .and_then(|n| n.checked_mul(i128::from(periods)))
            .map_or(limit, |n| {
                saturate_i64(decimal::div_round(n, CO2E_GRAMS_SCALE)).clamp(-limit, limit)
            })
    }
}
