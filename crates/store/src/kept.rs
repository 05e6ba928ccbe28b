//! Figures kept current by the writes that change them, and their
//! recomputation from the records, for `ymarfer check` and the tests that
//! prove the two agree. See `docs/kept-figures.md`.

use crate::db::Result;
use crate::ledger::{VALUING_SELECT, Valuing, factors, joined, split_sum};
use crate::{Db, with_pool};
use std::collections::BTreeMap;

/// A kept figure that is not what the records make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// Which figure: `version values`, `line values`, `peer savings` or
    /// `cohort places`.
    pub figure: &'static str,
    /// Which one of them: the line, organisation or cohort.
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

type PeerRow = (String, String, i64, i64);
/// A line, its status and value, and its current version's.
type LineCopy = (
    i64,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<i64>,
);

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
            split_sum("l.first_year_pence", "value")
        );
        let recomputed: Vec<(i64, String, String, i64, i64, i64)> =
            with_pool!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await?);
        let mut by_firm: BTreeMap<i64, (Option<PeerRow>, Option<PeerRow>)> = BTreeMap::new();
        for (org, band, sector, value, lines) in kept {
            by_firm.entry(org).or_default().0 = Some((band, sector, value, lines));
        }
        for (org, band, sector, high, low, lines) in recomputed {
            by_firm.entry(org).or_default().1 = Some((band, sector, joined(high, low), lines));
        }
        for (org, (kept, recomputed)) in by_firm {
            if kept != recomputed {
                drift.push(Drift {
                    figure: "peer savings",
                    key: org,
                    kept: format!("{kept:?}"),
                    recomputed: format!("{recomputed:?}"),
                });
            }
        }
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
