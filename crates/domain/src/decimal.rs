//! The one way Ymarfer reads and rounds the numbers people type: money, hours,
//! quantities and the numbers in tools. A value is an integer scaled by 10^places
//! (pence are hundredths of a pound). Commas are allowed only as thousands
//! separators in groups of three, so "1,250.50" is read and "12,50" is refused
//! rather than misread as 1,250. Every division rounds half away from zero.

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Not a number at all ("abc", "1e5", "1.2.3", "12,50", "").
    Invalid,
    /// More decimal places than allowed.
    TooPrecise,
    /// Too large to hold.
    TooLarge,
    /// Below zero where only zero or more makes sense.
    Negative,
}

/// Whether a minus sign is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// Zero or more.
    NonNegative,
    /// Any sign.
    Any,
}

/// Reads `input` as a decimal with at most `places` decimal places, scaled by
/// 10^places: `parse("1,250.5", 2, Sign::Any)` is `Ok(125050)`.
pub fn parse(input: &str, places: u32, sign: Sign) -> Result<i64, DecimalError> {
    let text = input.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole = strip_thousands_separators(whole).ok_or(DecimalError::Invalid)?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(&whole) || !digits(fraction) {
        return Err(DecimalError::Invalid);
    }
    if fraction.len() > places as usize {
        return Err(DecimalError::TooPrecise);
    }
    let significant = whole.trim_start_matches('0');
    let whole_value: i64 = if significant.is_empty() {
        0
    } else {
        significant.parse().map_err(|_| DecimalError::TooLarge)?
    };
    let fraction_value: i64 = if fraction.is_empty() {
        0
    } else {
        let padding = places - fraction.len() as u32;
        fraction
            .parse::<i64>()
            .map_err(|_| DecimalError::Invalid)?
            .checked_mul(10i64.pow(padding))
            .ok_or(DecimalError::TooLarge)?
    };
    let value = whole_value
        .checked_mul(10i64.pow(places))
        .and_then(|v| v.checked_add(fraction_value))
        .ok_or(DecimalError::TooLarge)?;
    match (negative && value != 0, sign) {
        (true, Sign::NonNegative) => Err(DecimalError::Negative),
        (true, Sign::Any) => Ok(-value),
        (false, _) => Ok(value),
    }
}

/// Like [`parse`], refusing a value whose size is above `max` (scaled) as
/// [`DecimalError::TooLarge`]: `parse_within("10.01", 2, Sign::Any, 1000)` is
/// too large. Every bounded kind of number goes through here; see `bounds.rs`.
pub fn parse_within(input: &str, places: u32, sign: Sign, max: i64) -> Result<i64, DecimalError> {
    let value = parse(input, places, sign)?;
    if value.unsigned_abs() > max.unsigned_abs() {
        return Err(DecimalError::TooLarge);
    }
    Ok(value)
}

/// "12,345" → "12345"; `None` if commas are not in groups of three.
fn strip_thousands_separators(whole: &str) -> Option<String> {
    if !whole.contains(',') {
        return Some(whole.to_string());
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

/// Writes a scaled integer as a plain decimal without trailing zeros or grouping:
/// `(150, 2)` → "1.5".
pub fn format(value: i64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let abs = value.unsigned_abs();
    let sign = if value < 0 { "-" } else { "" };
    let whole = abs / scale;
    let fraction = abs % scale;
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// `numerator ÷ denominator`, rounded half away from zero: the one rounding rule.
/// `denominator` must not be zero.
pub fn div_round(numerator: i128, denominator: i128) -> i128 {
    let (n, d) = if denominator < 0 {
        (-numerator, -denominator)
    } else {
        (numerator, denominator)
    };
    // Integer division truncates toward zero, so the remainder carries n's sign.
    let quotient = n / d;
    let remainder = n % d;
    if remainder.abs() * 2 >= d {
        quotient + n.signum()
    } else {
        quotient
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalError::*;

    #[test]
    fn reads_what_people_type() {
        assert_eq!(parse("12", 2, Sign::Any), Ok(1200));
        assert_eq!(parse(" 1,250.5 ", 2, Sign::Any), Ok(125050));
        assert_eq!(parse(".25", 2, Sign::Any), Ok(25));
        assert_eq!(parse("-3.5", 2, Sign::Any), Ok(-350));
        assert_eq!(parse("1,234,567", 0, Sign::Any), Ok(1234567));
        assert_eq!(parse("0.125", 3, Sign::NonNegative), Ok(125));
        assert_eq!(parse("-0", 2, Sign::NonNegative), Ok(0));
    }

    #[test]
    fn refuses_what_it_cannot_read_for_sure() {
        assert_eq!(
            parse("12,50", 2, Sign::Any),
            Err(Invalid),
            "a decimal comma"
        );
        assert_eq!(parse("1,5", 2, Sign::Any), Err(Invalid));
        assert_eq!(parse("12345,678", 2, Sign::Any), Err(Invalid));
        assert_eq!(parse(",500", 2, Sign::Any), Err(Invalid));
        assert_eq!(parse("", 2, Sign::Any), Err(Invalid));
        assert_eq!(parse("1e5", 2, Sign::Any), Err(Invalid));
        assert_eq!(parse("1.2.3", 2, Sign::Any), Err(Invalid));
        assert_eq!(parse("1.234", 2, Sign::Any), Err(TooPrecise));
        assert_eq!(parse("-1", 2, Sign::NonNegative), Err(Negative));
        assert_eq!(parse("99999999999999999999", 2, Sign::Any), Err(TooLarge));
        assert_eq!(parse_within("10.00", 2, Sign::Any, 1000), Ok(1000));
        assert_eq!(parse_within("10.01", 2, Sign::Any, 1000), Err(TooLarge));
        assert_eq!(parse_within("-10.01", 2, Sign::Any, 1000), Err(TooLarge));
        assert_eq!(
            parse_within("-1", 2, Sign::NonNegative, 1000),
            Err(Negative)
        );
    }

    #[test]
    fn writes_and_rounds() {
        assert_eq!(format(150, 2), "1.5");
        assert_eq!(format(-5, 2), "-0.05");
        assert_eq!(format(1200, 3), "1.2");
        assert_eq!(format(7, 0), "7");
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(4, 3), 1);
        assert_eq!(div_round(5, -2), -3);
    }
}
