//! Welsh and English through Fluent. Messages live in `locales/<lang>/*.ftl`,
//! compiled into the binary. Welsh is never treated less favourably: a missing
//! key is a test failure, not a silent fallback.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};
use ymarfer_domain::uktime;
use ymarfer_domain::{Lang, Pence};

static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks would surround every argument and confuse
        // screen readers reading names and amounts.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static CY: LanguageIdentifier = langid!("cy");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::En => &EN,
        Lang::Cy => &CY,
    }
}

/// Anything that is, or refers to, an instant or a date (templates hand over
/// references to references).
pub trait Instant {
    fn instant(&self) -> DateTime<Utc>;
}

impl Instant for DateTime<Utc> {
    fn instant(&self) -> DateTime<Utc> {
        *self
    }
}

impl<T: Instant + ?Sized> Instant for &T {
    fn instant(&self) -> DateTime<Utc> {
        (**self).instant()
    }
}

pub trait Day {
    fn calendar_day(&self) -> NaiveDate;
}

impl Day for NaiveDate {
    fn calendar_day(&self) -> NaiveDate {
        *self
    }
}

impl<T: Day + ?Sized> Day for &T {
    fn calendar_day(&self) -> NaiveDate {
        (**self).calendar_day()
    }
}

/// An argument for a message: a whole number written plainly is passed as a
/// number, so that plural selects apply to it; anything else stays text.
fn argument(value: &str) -> FluentValue<'static> {
    match value.parse::<i64>() {
        Ok(n) if n.to_string() == value => FluentValue::from(n),
        _ => FluentValue::from(value.to_string()),
    }
}

/// A translator bound to one language, handed to every template.
#[derive(Debug, Clone, Copy)]
pub struct Tr(pub Lang);

impl Tr {
    pub fn lang(&self) -> Lang {
        self.0
    }

    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(id(self.0), key)
    }

    /// A message, if there is one with this id.
    pub fn try_t(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(id(self.0), key)
    }

    /// A message with one named argument (a name, a link, an email address).
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), argument(value));
        LOCALES.lookup_with_args(id(self.0), key, &args)
    }

    /// A message with several named arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        for (name, value) in args {
            map.insert(Cow::Borrowed(*name), argument(value));
        }
        LOCALES.lookup_with_args(id(self.0), key, &map)
    }

    /// A message chosen by a count, so that each language's plural forms apply
    /// (Welsh has six).
    pub fn count(&self, key: &str, n: i64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(n));
        LOCALES.lookup_with_args(id(self.0), key, &args)
    }

    /// A count that may be large: `$count` chooses the plural form and
    /// `$shown` writes it with its thousands separated ("192,240").
    pub fn large_count(&self, key: &str, n: i64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(n));
        args.insert(
            Cow::Borrowed("shown"),
            FluentValue::from(grouped_hundredths(n.saturating_mul(100))),
        );
        LOCALES.lookup_with_args(id(self.0), key, &args)
    }

    /// The text in this language, or the other's when this one is empty.
    pub fn pick<'a>(&self, en: &'a str, cy: &'a str) -> &'a str {
        match self.0 {
            Lang::En if !en.trim().is_empty() => en,
            Lang::Cy if !cy.trim().is_empty() => cy,
            Lang::En => cy,
            Lang::Cy => en,
        }
    }

    pub fn money(&self, p: Pence) -> String {
        p.format(self.0)
    }

    /// A date written out in the language, e.g. "27 November 2026" / "27 Tachwedd 2026".
    pub fn day(&self, d: impl Day) -> String {
        let d = d.calendar_day();
        let month = self.t(&format!("month-{}", d.month()));
        format!("{} {} {}", d.day(), month, d.year())
    }

    /// A month for an axis, "Nov 2026" / "Tach 2026".
    pub fn month_year(&self, d: impl Day) -> String {
        let d = d.calendar_day();
        format!(
            "{} {}",
            self.t(&format!("month-short-{}", d.month())),
            d.year()
        )
    }

    /// A day for an axis, "5 Nov" / "5 Tach".
    pub fn day_month(&self, d: impl Day) -> String {
        let d = d.calendar_day();
        format!(
            "{} {}",
            d.day(),
            self.t(&format!("month-short-{}", d.month()))
        )
    }

    /// The UK date of an instant.
    pub fn date(&self, at: impl Instant) -> String {
        let at = at.instant();
        self.day(uktime::to_local(at).date())
    }

    /// Date and time on the UK's 24-hour clock (GMT or BST as the date requires).
    pub fn date_time(&self, at: impl Instant) -> String {
        let at = at.instant();
        let local = uktime::to_local(at);
        format!("{} {}", self.day(local.date()), local.format("%H:%M"))
    }

    /// A time of day in the UK, "09:30".
    pub fn time(&self, at: impl Instant) -> String {
        let at = at.instant();
        uktime::to_local(at).format("%H:%M").to_string()
    }
}

/// A firm described without its name: "A small firm (Manufacturing) in
/// Gwynedd".
pub fn describe_firm(
    tr: Tr,
    sic_section: &str,
    band: Option<ymarfer_domain::innovation::EmployeeBand>,
    area: &str,
) -> String {
    let letter = sic_section.chars().next().unwrap_or('S');
    let sector = ymarfer_domain::reference::sic_name(letter, tr.0).to_string();
    let band = band.map(|b| b.as_str()).unwrap_or("small").to_string();
    match ymarfer_domain::reference::area(area) {
        Some(a) => tr.args(
            "firm-described",
            &[
                ("band", band),
                ("sector", sector),
                ("area", a.name(tr.0).to_string()),
            ],
        ),
        None => tr.args(
            "firm-described-nowhere",
            &[("band", band), ("sector", sector)],
        ),
    }
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A value in hundredths, written plainly: 1250 → "12.5", 12_345_600 → "123,456".
pub fn format_hundredths(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    if a.is_multiple_of(100) {
        format!("{sign}{}", a / 100)
    } else {
        format!("{sign}{}.{:02}", a / 100, a % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

/// Like [`format_hundredths`], with thousands separated, for axes.
pub fn grouped_hundredths(v: i64) -> String {
    let plain = format_hundredths(v);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, format!(".{f}")),
        None => (rest, String::new()),
    };
    format!("{sign}{}{fraction}", group(whole))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_and_plurals_per_language() {
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 5, 0).unwrap();
        assert_eq!(Tr(Lang::En).date(at), "27 November 2026");
        assert_eq!(Tr(Lang::Cy).date(at), "27 Tachwedd 2026");
        assert_eq!(Tr(Lang::Cy).date_time(at), "27 Tachwedd 2026 09:05");
        assert_eq!(Tr(Lang::En).count("admin-user-count", 1), "1 person");
        assert_eq!(Tr(Lang::En).count("admin-user-count", 3), "3 people");
        assert_eq!(Tr(Lang::Cy).count("admin-user-count", 2), "2 berson");
        assert_eq!(Tr(Lang::Cy).count("admin-user-count", 3), "3 pherson");
        assert_eq!(Tr(Lang::Cy).count("admin-user-count", 7), "7 person");
        // Whole numbers given as text choose plural forms too.
        assert_eq!(
            Tr(Lang::En).t1("admin-user-count", "count", "1"),
            "1 person"
        );
        assert_eq!(
            Tr(Lang::Cy).args("admin-user-count", &[("count", "3".into())]),
            "3 pherson"
        );
        assert_eq!(Tr(Lang::En).t1("vsm-minutes", "count", "1"), "1 minute");
        assert_eq!(
            Tr(Lang::En).t1("vsm-minutes", "count", "1,830"),
            "1,830 minutes"
        );
        // Welsh counts mutate: two firms, three cohorts, two minutes.
        let cy = Tr(Lang::Cy);
        assert_eq!(
            cy.args(
                "followups-begun-after-value",
                &[("projects", "4".into()), ("firms", "2".into())]
            ),
            "4 (gan 2 gwmni), wedi'u cyfrif fel arloesi parhaus"
        );
        assert_eq!(
            cy.args(
                "operations-programme-counts",
                &[("cohorts", "3".into()), ("participants", "6".into())]
            ),
            "3 charfan, 6 chyfranogwr yn cymryd rhan"
        );
        assert_eq!(cy.t1("vsm-minutes", "count", "2"), "2 funud");
        assert_eq!(cy.t1("vsm-minutes", "count", "12"), "12 munud");
        assert_eq!(argument("007"), FluentValue::from("007"));
        assert_eq!(argument("12.50"), FluentValue::from("12.50"));
        assert_eq!(
            Tr(Lang::En).t1("email-greeting", "name", "Siân"),
            "Dear Siân,"
        );
    }

    #[test]
    fn numbers_in_hundredths() {
        assert_eq!(format_hundredths(1250), "12.5");
        assert_eq!(format_hundredths(-5), "-0.05");
        assert_eq!(grouped_hundredths(12_345_650), "123,456.5");
    }
}
