use crate::Lang;
use serde::{Deserialize, Serialize};

/// An amount of money in whole pence. Money never touches floating point.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Pence(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("error-money-invalid")]
pub struct MoneyParseError;

impl Pence {
    /// Parses pounds as typed by a person: "1,234.50", "£12", "0.5". At most two decimals.
    pub fn parse_pounds(input: &str) -> Result<Pence, MoneyParseError> {
        let s: String = input
            .trim()
            .trim_start_matches('£')
            .chars()
            .filter(|c| *c != ',' && *c != ' ')
            .collect();
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, s),
        };
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, f),
            None => (s.as_str(), ""),
        };
        if (whole.is_empty() && frac.is_empty())
            || frac.len() > 2
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err(MoneyParseError);
        }
        let pounds: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyParseError)?
        };
        let pence: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| MoneyParseError)? * 10,
            _ => frac.parse().map_err(|_| MoneyParseError)?,
        };
        let total = pounds
            .checked_mul(100)
            .and_then(|p| p.checked_add(pence))
            .ok_or(MoneyParseError)?;
        Ok(Pence(if negative { -total } else { total }))
    }

    /// Formats as pounds with thousands separators, e.g. "£148,250.00".
    /// Welsh and English both write sterling this way.
    pub fn format(self, _lang: Lang) -> String {
        let negative = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let pounds = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!(
            "{}£{}.{:02}",
            if negative { "-" } else { "" },
            grouped,
            abs % 100
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pounds() {
        assert_eq!(Pence::parse_pounds("£1,234.5"), Ok(Pence(123_450)));
        assert_eq!(Pence::parse_pounds("12"), Ok(Pence(1200)));
        assert_eq!(Pence::parse_pounds(".05"), Ok(Pence(5)));
        assert_eq!(Pence::parse_pounds("-3.10"), Ok(Pence(-310)));
        assert_eq!(Pence::parse_pounds("1.234"), Err(MoneyParseError));
        assert_eq!(Pence::parse_pounds("abc"), Err(MoneyParseError));
        assert_eq!(Pence::parse_pounds(""), Err(MoneyParseError));
        assert_eq!(
            Pence::parse_pounds("99999999999999999999"),
            Err(MoneyParseError)
        );
    }

    #[test]
    fn formats_with_grouping() {
        assert_eq!(Pence(14_825_000).format(Lang::En), "£148,250.00");
        assert_eq!(Pence(5).format(Lang::Cy), "£0.05");
        assert_eq!(Pence(-123_456).format(Lang::En), "-£1,234.56");
        assert_eq!(Pence(100_000_000).format(Lang::En), "£1,000,000.00");
    }
}
