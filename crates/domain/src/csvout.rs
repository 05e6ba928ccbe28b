//! Every CSV file Ymarfer writes goes through [`CsvOut`], which neutralises cells
//! that a spreadsheet would run as a formula (CSV injection): text starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe.
//! Plain numbers, negative ones included, are written as they are.

use crate::decimal::{self, Sign};
use std::borrow::Cow;

/// A cell as it is safe to write.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && decimal::parse(cell, 6, Sign::Any).is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A CSV document being written, row by row.
pub struct CsvOut {
    w: csv::Writer<Vec<u8>>,
}

impl Default for CsvOut {
    fn default() -> Self {
        CsvOut::new()
    }
}

impl CsvOut {
    pub fn new() -> CsvOut {
        CsvOut {
            w: csv::Writer::from_writer(Vec::new()),
        }
    }

    pub fn row<I, S>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| neutralise(c.as_ref()).into_owned())
            .collect();
        self.w.write_record(&cells)
    }

    pub fn finish(self) -> Result<String, csv::Error> {
        let bytes = self.w.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for risky in ["+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "-", "=1"] {
            assert!(neutralise(risky).starts_with('\''), "{risky:?}");
        }
        for safe in ["Siân", "-3.10", "-1,250.50", "42", "", "a=b"] {
            assert_eq!(neutralise(safe), safe);
        }
        let mut out = CsvOut::new();
        out.row(["name", "note"]).unwrap();
        out.row(["=cmd|' /C calc'!A0", "-12"]).unwrap();
        assert_eq!(
            out.finish().unwrap(),
            "name,note\n'=cmd|' /C calc'!A0,-12\n"
        );
    }
}
