//! Figures kept current by the writes that change them, and their
//! recomputation from the records, for `ymarfer check` and the tests that
//! prove the two agree. See `docs/kept-figures.md`.

use crate::db::Result;
use crate::ledger::{VALUING_SELECT, Valuing, factors, joined, split_sum};
use crate::{Db, with_pool};
use std::collections::BTreeMap;
use ymarfer_domain::bounds::{MAX_LINE_CO2E_GRAMS, MAX_LINE_FIRST_YEAR_PENCE};

/// A kept figure that is not what the records make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// Which figure: `version values`, `line values`, `ledger sums`, `peer
    /// savings` or `cohort places`.
    pub figure: &'static str,
    /// Which one of them: the line, programme, organisation or cohort.
    pub key: i64,
    pub kept: String,
    pub recomputed: String,
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: kept {}, recomputed {}",
            self.figure, self.key, self.kept, self.recomputed
        )
    }
}

/// `expr` held within ±`bound`, as the triggers that keep the sums count
/// each line (at most its bound, so that no write can overflow them).
fn clamped(db: &Db, expr: &str, bound: i64) -> String {
    match db {
        Db::Sqlite(_) => format!("MIN(MAX(COALESCE({expr}, 0), -{bound}), {bound})"),
        Db::Postgres(_) => format!("LEAST(GREATEST(COALESCE({expr}, 0), -{bound}), {bound})"),
    }
}
/// A kept sum as read: its key, then [`Sums`].
type KeptSumRow = (i64, i64, String, String, i64, i64, i64);
/// A sum recomputed: its key, value and CO2e in two parts each, and lines.
type SumRow = (i64, i64, String, String, i64, i64, i64, i64, i64);
/// A line, its status and value, and its current version's.
type LineCopy = (
    i64,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<i64>,
);

/// The kept figures that differ from their recomputation, matched by key: a
/// figure kept and not recomputed (or the other way) differs too. `named`
/// gives the key the drift is reported under and what prefixes the kept
/// value.
fn differences<K: Ord, V: PartialEq + std::fmt::Debug>(
    figure: &'static str,
    kept: impl IntoIterator<Item = (K, V)>,
    recomputed: impl IntoIterator<Item = (K, V)>,
    named: impl Fn(&K) -> (i64, String),
) -> Vec<Drift> {
    let mut both: BTreeMap<K, (Option<V>, Option<V>)> = BTreeMap::new();
    for (k, v) in kept {
        both.entry(k).or_insert((None, None)).0 = Some(v);
    }
    for (k, v) in recomputed {
        both.entry(k).or_insert((None, None)).1 = Some(v);
    }
    both.into_iter()
        .filter(|(_, (kept, recomputed))| kept != recomputed)
        .map(|(k, (kept, recomputed))| {
            let (key, prefix) = named(&k);
            Drift {
                figure,
                key,
                kept: format!("{prefix}{kept:?}"),
                recomputed: format!("{recomputed:?}"),
            }
        })
        .collect()
}

impl Db {
    /// The kept figures the records do not bear out: each line's copy of its
    /// current version, each firm's verified savings among similar firms,
    /// and each cohort's places taken. Reads everything; for checking, not
    /// for pages.
    pub async fn kept_drift(&self) -> Result<Vec<Drift>> {
        let mut drift = Vec::new();
        // Each current version's stored value is the impact method's, read
        // a slice of lines at a time.
        let factors = factors()?;
        let sql = format!(
            "{VALUING_SELECT} WHERE v.line_id > $1 \
             AND v.version = (SELECT MAX(w.version) FROM benefit_versions w WHERE w.line_id = v.line_id) \
             ORDER BY v.line_id LIMIT 5000"
        );
        let mut after = 0i64;
        loop {
            let slice: Vec<Valuing> = with_pool!(self, |pool| {
                sqlx::query_as(&sql).bind(after).fetch_all(pool).await?
            });
            let Some(last) = slice.last() else { break };
            after = last.v.line_id;
            for valuing in &slice {
                let (value, co2e) = valuing.values(factors);
                let stored = (valuing.v.first_year_pence, valuing.v.co2e_grams);
                if stored != (Some(value), Some(co2e)) {
                    drift.push(Drift {
                        figure: "version values",
                        key: valuing.v.line_id,
                        kept: format!("{stored:?}"),
                        recomputed: format!("{:?}", (value, co2e)),
                    });
                }
            }
        }
        // A line carries its current version's status and figures.
        let lines: Vec<LineCopy> = with_pool!(self, |pool| {
            sqlx::query_as(
                    "SELECT l.id, l.status, l.first_year_pence, v.status, v.first_year_pence \
                     FROM benefit_lines l JOIN benefit_versions v ON v.line_id = l.id \
                     AND v.version = (SELECT MAX(w.version) FROM benefit_versions w WHERE w.line_id = l.id) \
                     WHERE l.status IS DISTINCT FROM v.status \
                     OR l.first_year_pence IS DISTINCT FROM v.first_year_pence \
                     OR l.co2e_grams IS DISTINCT FROM v.co2e_grams \
                     ORDER BY l.id",
                )
                .fetch_all(pool)
                .await?
        });
        for (id, status, value, v_status, v_value) in lines {
            drift.push(Drift {
                figure: "line values",
                key: id,
                kept: format!("{status:?} {value:?}"),
                recomputed: format!("{v_status:?} {v_value:?}"),
            });
        }
        // Each firm's verified savings, with its size band and sector.
        let kept: Vec<(i64, String, String, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT organisation_id, employee_band, sic_section, value_pence, lines \
                 FROM peer_savings ORDER BY organisation_id",
            )
            .fetch_all(pool)
            .await?
        });
        let sql = format!(
            "SELECT o.id, o.employee_band, o.sic_section, {}, COUNT(*) FROM organisations o \
             JOIN benefit_lines l ON l.organisation_id = o.id AND l.status = 'verified' \
             GROUP BY o.id, o.employee_band, o.sic_section ORDER BY o.id",
            split_sum(
                &clamped(self, "l.first_year_pence", MAX_LINE_FIRST_YEAR_PENCE),
                "value"
            )
        );
        let recomputed: Vec<(i64, String, String, i64, i64, i64)> =
            with_pool!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await?);
        drift.extend(differences(
            "peer savings",
            kept.into_iter()
                .map(|(org, band, sector, value, lines)| (org, (band, sector, value, lines))),
            recomputed
                .into_iter()
                .map(|(org, band, sector, high, low, lines)| {
                    (org, (band, sector, joined(high, low), lines))
                }),
            |org| (*org, String::new()),
        ));
        // Each programme's lines summed by cohort, status and category.
        let kept: Vec<KeptSumRow> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT programme_id, cohort_id, status, category, value_pence, co2e_grams, lines \
                 FROM ledger_sums",
            )
            .fetch_all(pool)
            .await?
        });
        // By cohort (0 for none), and across the programme (-1).
        let sums = format!(
            "{}, {}, COUNT(*) FROM benefit_lines l \
             WHERE programme_id IS NOT NULL AND status IS NOT NULL AND category IS NOT NULL",
            split_sum(
                &clamped(self, "l.first_year_pence", MAX_LINE_FIRST_YEAR_PENCE),
                "value"
            ),
            split_sum(&clamped(self, "l.co2e_grams", MAX_LINE_CO2E_GRAMS), "co2e")
        );
        let sql = format!(
            "SELECT programme_id, COALESCE(cohort_id, 0), status, category, {sums} \
             GROUP BY programme_id, COALESCE(cohort_id, 0), status, category \
             UNION ALL SELECT programme_id, -1, status, category, {sums} \
             GROUP BY programme_id, status, category"
        );
        let recomputed: Vec<SumRow> =
            with_pool!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await?);
        drift.extend(differences(
            "ledger sums",
            kept.into_iter()
                .map(|(p, c, status, category, value, co2e, lines)| {
                    ((p, c, status, category), (value, co2e, lines))
                }),
            recomputed
                .into_iter()
                .map(|(p, c, status, category, vh, vl, ch, cl, lines)| {
                    (
                        (p, c, status, category),
                        (joined(vh, vl), joined(ch, cl), lines),
                    )
                }),
            |(p, c, status, category)| (*p, format!("cohort {c} {status} {category}: ")),
        ));
        // Each cohort's places taken.
        let cohorts: Vec<(i64, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, active_enrolments, counted FROM (SELECT c.id, c.active_enrolments, \
                 (SELECT COUNT(*) FROM enrolments e WHERE e.cohort_id = c.id AND e.status = 'active') AS counted \
                 FROM cohorts c) x WHERE active_enrolments <> counted ORDER BY id",
            )
            .fetch_all(pool)
            .await?
        });
        for (id, kept, counted) in cohorts {
            drift.push(Drift {
                figure: "cohort places",
                key: id,
                kept: kept.to_string(),
                recomputed: counted.to_string(),
            });
        }
        Ok(drift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The triggers hold each line within the same bounds as the check.
    #[test]
    fn the_triggers_count_lines_within_the_bounds() {
        for sql in [
            include_str!("../migrations/sqlite/0046_kept_figures.sql"),
            include_str!("../migrations/postgres/0046_kept_figures.sql"),
            include_str!("../migrations/sqlite/0048_ledger_sums.sql"),
            include_str!("../migrations/postgres/0048_ledger_sums.sql"),
        ] {
            assert!(sql.contains(&format!(
                "-{MAX_LINE_FIRST_YEAR_PENCE}), {MAX_LINE_FIRST_YEAR_PENCE})"
            )));
        }
        for sql in [
            include_str!("../migrations/sqlite/0048_ledger_sums.sql"),
            include_str!("../migrations/postgres/0048_ledger_sums.sql"),
        ] {
            assert!(sql.contains(&format!("-{MAX_LINE_CO2E_GRAMS}), {MAX_LINE_CO2E_GRAMS})")));
        }
    }
}
