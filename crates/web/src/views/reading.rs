//! A reading as typed on a project's page or sent to the API, and its checks.

use crate::forms::FieldErrors;
use crate::parse;
use chrono::NaiveDate;
use serde::Deserialize;
use ymarfer_app::i18n::Tr;
use ymarfer_app::i18n::format_hundredths;
use ymarfer_domain::toolkit::Number;
use ymarfer_store::projects::Reading;

/// A reading as typed: kept to show again when it is refused. (Also the
/// API's body for a new reading.)
#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
#[serde(default)]
pub struct ReadingForm {
    /// The day it was taken, `YYYY-MM-DD`, not one still to come.
    pub taken_on: String,
    /// The value, as a number such as `12.5`.
    pub value: String,
    /// Up to 300 characters.
    pub note: String,
    /// `en` or `cy`: the language the note is written in; the writer's
    /// language unless given.
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
}

/// A checked reading: its day (not one still to come), value in hundredths and note.
pub struct Checked {
    pub taken_on: NaiveDate,
    pub value: i64,
    pub note: String,
    pub lang: ymarfer_domain::Lang,
}

impl ReadingForm {
    pub fn from_reading(r: &Reading) -> ReadingForm {
        ReadingForm {
            taken_on: r.taken_on.to_string(),
            value: format_hundredths(r.value),
            note: r.note.clone(),
            lang: r.lang.clone(),
        }
    }

    pub fn check(&self, tr: Tr) -> Result<Checked, FieldErrors> {
        let mut errors = FieldErrors::default();
        let taken_on = parse::date(tr, &mut errors, "taken_on", &self.taken_on);
        if self.taken_on.trim().is_empty() {
            errors.add("taken_on", tr.t("error-required"));
        }
        // A reading is of something measured: not a day still to come.
        if taken_on.is_some_and(|d| d > ymarfer_domain::uktime::today()) {
            errors.add("taken_on", tr.t("error-date-future"));
        }
        let value = match Number::parse(&self.value) {
            Ok(n) => Some(n.hundredths()),
            Err(_) => {
                errors.add("value", tr.t("tool-error-number"));
                None
            }
        };
        let note = parse::text(tr, &mut errors, "note", &self.note, 300, false);
        let lang = parse::written_in(tr, &mut errors, "lang", &self.lang);
        match (taken_on, value) {
            (Some(taken_on), Some(value)) if errors.is_empty() => Ok(Checked {
                taken_on,
                value,
                note,
                lang,
            }),
            _ => Err(errors),
        }
    }
}
