//! Turning what people type into typed values, with the message to show when it fails.

use crate::forms::FieldErrors;
use chrono::NaiveDate;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Pence;
use ymarfer_domain::bounds::Bound;
use ymarfer_domain::decimal::DecimalError;

/// An optional date from an `<input type="date">`.
pub fn date(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
) -> Option<NaiveDate> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, tr.t("error-date-invalid"));
            None
        }
    }
}

/// An amount of money in pounds, at most the widest bound of money
/// ([`Bound::Cost`]); `None` when empty and not required.
pub fn money(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
    required: bool,
) -> Option<Pence> {
    money_within(tr, errors, field, input, required, Bound::Cost)
}

/// An amount of money in pounds of the kind `bound` (an amount per period, an
/// hourly rate, a cost), zero or more and at most its bound; `None` when
/// empty and not required.
pub fn money_within(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
    required: bool,
    bound: Bound,
) -> Option<Pence> {
    if input.trim().is_empty() {
        if required {
            errors.add(field, tr.t("error-required"));
        }
        return None;
    }
    match bound.parse(input) {
        Ok(p) => Some(Pence(p)),
        Err(DecimalError::Negative) => {
            errors.add(field, tr.t("error-money-negative"));
            None
        }
        Err(DecimalError::TooLarge) => {
            errors.add(field, too_large(tr, bound));
            None
        }
        Err(_) => {
            errors.add(field, tr.t("error-money-invalid"));
            None
        }
    }
}

/// Hours or a quantity (`bound`), zero or more and at most its bound; `None`
/// when empty. `invalid` is the message for what is not such a number.
pub fn bounded(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
    bound: Bound,
    invalid: &str,
) -> Option<i64> {
    if input.trim().is_empty() {
        return None;
    }
    match bound.parse(input) {
        Ok(v) => Some(v),
        Err(DecimalError::TooLarge) => {
            errors.add(field, too_large(tr, bound));
            None
        }
        Err(_) => {
            errors.add(field, tr.t(invalid));
            None
        }
    }
}

/// "Enter at most £10,000,000.00.": the message for a value above its bound.
pub fn too_large(tr: Tr, bound: Bound) -> String {
    tr.t1("error-number-too-large", "max", &bound.describe(tr.lang()))
}

/// Required text of at most `max` characters, trimmed.
pub fn text(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
    max: usize,
    required: bool,
) -> String {
    let s = input.trim();
    if required && s.is_empty() {
        errors.add(field, tr.t("error-required"));
    } else if s.chars().count() > max {
        errors.add(field, tr.t1("error-too-long", "max", &max.to_string()));
    }
    s.to_string()
}

/// The language a form says its words are written in (`en` or `cy`): the
/// language of the person writing (`tr`'s) when it says none; anything else
/// is refused.
pub fn written_in(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
) -> ymarfer_domain::Lang {
    match input.trim() {
        "" => tr.lang(),
        code => ymarfer_domain::Lang::parse(code).unwrap_or_else(|| {
            errors.add(field, tr.t("error-choose-one"));
            tr.lang()
        }),
    }
}

/// A whole number within bounds.
pub fn whole(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
    min: i64,
    max: i64,
) -> i64 {
    match input.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.add(
                field,
                tr.t1("error-whole-number", "range", &format!("{min}–{max}")),
            );
            min
        }
    }
}

pub fn dates_in_order(
    tr: Tr,
    errors: &mut FieldErrors,
    field: &'static str,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) {
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        errors.add(field, tr.t("error-end-before-start"));
    }
}

/// A filter's period from two optional days (YYYY-MM-DD) to instants: from
/// the start of the first day, to the start of the day after the last. An
/// empty or unreadable day leaves that end open.
pub fn period(
    from: &str,
    to: &str,
) -> (
    Option<chrono::DateTime<chrono::Utc>>,
    Option<chrono::DateTime<chrono::Utc>>,
) {
    let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    (
        day(from).and_then(start),
        day(to).and_then(|d| start(d + chrono::Duration::days(1))),
    )
}

/// The text of a stored amount for a form field: "1250.00".
pub fn pounds_input(p: Option<i64>) -> String {
    p.map(|p| format!("{}.{:02}", p / 100, (p % 100).abs()))
        .unwrap_or_default()
}
