use crate::Lang;
use crate::decimal::{self, Sign};
use serde::{Deserialize, Serialize};

/// An amount of money in whole pence. Money never touches floating point.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Pence(pub i64);

/// The widest any sum of money typed may be, either way: £1,000,000,000.00.
pub const WIDEST_PENCE: i64 = 100_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("error-money-invalid")]
pub struct MoneyParseError;

impl Pence {
    /// Parses pounds as typed by a person: "1,234.50", "£12", "0.5", "-3". At most
    /// two decimals; commas only as thousands separators, so "12,50" is refused;
    /// never beyond the widest bound of money, £1,000,000,000.00 either way (the
    /// bounds module reads each kind of money within its own, narrower bound).
    pub fn parse_pounds(input: &str) -> Result<Pence, MoneyParseError> {
        decimal::parse_within(&without_pound_sign(input), 2, Sign::Any, WIDEST_PENCE)
            .map(Pence)
            .map_err(|_| MoneyParseError)
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

/// "-£3.10" → "-3.10", "£12" → "12": the pound sign is optional.
pub(crate) fn without_pound_sign(input: &str) -> String {
    let text = input.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", text),
    };
    let text = text.strip_prefix('£').unwrap_or(text);
    format!("{negative}{text}")
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
        assert_eq!(
            Pence::parse_pounds("12,50"),
            Err(MoneyParseError),
            "a decimal comma is refused, not read as £1,250"
        );
        assert_eq!(Pence::parse_pounds("£1,250.50"), Ok(Pence(125_050)));
        assert_eq!(Pence::parse_pounds("1,5"), Err(MoneyParseError));
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
