//! The CSV format for importing organisations and their people into a cohort,
//! and for exporting them again. Documented in `docs/import.md`.
//!
//! Parsing checks every row and reports every problem with its line number; the
//! caller writes nothing unless the whole file is good.

use crate::{Email, Lang, Pence, reference};

pub const COLUMNS: [&str; 9] = [
    "email",
    "name",
    "language",
    "organisation",
    "companies_house",
    "sector",
    "employee_band",
    "area",
    "hourly_rate_gbp",
];

const REQUIRED: [&str; 7] = [
    "email",
    "name",
    "organisation",
    "sector",
    "employee_band",
    "area",
    "language",
];

pub const BANDS: [&str; 4] = ["micro", "small", "medium", "large"];

/// One good row: a person and the organisation they work for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub email: Email,
    pub name: String,
    pub language: Lang,
    pub organisation: String,
    pub companies_house: Option<String>,
    pub sector: char,
    pub employee_band: &'static str,
    pub area: &'static str,
    pub hourly_rate: Option<Pence>,
}

/// A problem with one value; `message_id` is a Fluent key, `value` what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub column: &'static str,
    pub message_id: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportErrors {
    /// A problem with the whole file (no header, missing columns, empty).
    pub file: Option<Problem>,
    pub rows: Vec<RowError>,
}

fn band(input: &str) -> Option<&'static str> {
    let s = input.trim().to_lowercase();
    let welsh = ["meicro", "bach", "canolig", "mawr"];
    BANDS
        .iter()
        .zip(welsh)
        .find(|(en, cy)| **en == s || *cy == s)
        .map(|(en, _)| *en)
}

/// A language as a file may give it: its code, or its name in either language.
fn language(input: &str) -> Option<Lang> {
    match input.trim().to_lowercase().as_str() {
        "english" | "saesneg" => Some(Lang::En),
        "welsh" | "cymraeg" => Some(Lang::Cy),
        code => Lang::parse(code),
    }
}

/// Parses and checks a people CSV. UTF-8 (a byte-order mark is allowed); the first
/// line names the columns, in any order; blank lines are skipped.
pub fn parse_people(bytes: &[u8]) -> Result<Vec<PersonRow>, ImportErrors> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let file_error = |message_id, value: String| ImportErrors {
        file: Some(Problem {
            column: "",
            message_id,
            value,
        }),
        rows: Vec::new(),
    };
    let header: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|c| column_name(&String::from_utf8_lossy(c)))
            .collect(),
        Err(e) => return Err(file_error("import-error-unreadable", e.to_string())),
    };
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(file_error("import-error-columns", missing.join(", ")));
    }
    let index = |name: &str| header.iter().position(|h| h == name);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    // Each email with the line it first appeared on.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Line numbers are counted as the reader moves on, so the whole file is
    // read once however long it is: newlines before `counted` are in `lines`.
    let mut counted = 0usize;
    let mut lines = 0usize;
    for (i, record) in reader.byte_records().enumerate() {
        // Line numbers as a spreadsheet shows them; the reader skips blank lines.
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map(|p| {
                // The reader's position can fall on blank lines it skipped.
                let mut start = (p.byte() as usize).min(bytes.len());
                while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                    start += 1;
                }
                if start >= counted {
                    lines += bytes[counted..start]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count();
                    counted = start;
                    1 + lines
                } else {
                    1 + bytes[..start].iter().filter(|b| **b == b'\n').count()
                }
            })
            .unwrap_or(i + 2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    line,
                    problems: vec![Problem {
                        column: "",
                        message_id: "import-error-unreadable",
                        value: e.to_string(),
                    }],
                });
                continue;
            }
        };
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let mut problems = Vec::new();
        let mut get = |column: &'static str| -> String {
            let Some(raw) = index(column).and_then(|i| record.get(i)) else {
                return String::new();
            };
            match std::str::from_utf8(raw) {
                Ok(s) => s.trim().to_string(),
                Err(_) => {
                    problems.push(Problem {
                        column,
                        message_id: "import-error-encoding",
                        value: String::from_utf8_lossy(raw).into_owned(),
                    });
                    String::new()
                }
            }
        };
        let values: Vec<String> = COLUMNS.iter().map(|c| get(c)).collect();
        let value =
            |c: &str| -> &str { &values[COLUMNS.iter().position(|x| *x == c).unwrap_or(0)] };
        let require = |column: &'static str, problems: &mut Vec<Problem>| -> bool {
            let empty = value(column).is_empty();
            if empty && !problems.iter().any(|p| p.column == column) {
                problems.push(Problem {
                    column,
                    message_id: "import-error-missing",
                    value: String::new(),
                });
            }
            !empty
        };
        let email = if require("email", &mut problems) {
            match Email::parse(value("email")) {
                Ok(e) => {
                    if let Some(first) = seen.get(e.as_str()) {
                        problems.push(Problem {
                            column: "email",
                            message_id: "import-error-duplicate",
                            value: first.to_string(),
                        });
                    } else {
                        seen.insert(e.as_str().to_string(), line);
                    }
                    Some(e)
                }
                Err(_) => {
                    problems.push(Problem {
                        column: "email",
                        message_id: "import-error-email",
                        value: value("email").into(),
                    });
                    None
                }
            }
        } else {
            None
        };
        let has_name = require("name", &mut problems);
        if has_name && value("name").chars().count() > 100 {
            problems.push(Problem {
                column: "name",
                message_id: "import-error-too-long",
                value: value("name").into(),
            });
        }
        require("organisation", &mut problems);
        let language = match value("language") {
            "" => Some(Lang::En),
            l => language(l).or_else(|| {
                problems.push(Problem {
                    column: "language",
                    message_id: "import-error-language",
                    value: l.into(),
                });
                None
            }),
        };
        let companies_house = match value("companies_house") {
            "" => Some(None),
            n => crate::programme::companies_house_number(n)
                .map(Some)
                .or_else(|| {
                    problems.push(Problem {
                        column: "companies_house",
                        message_id: "import-error-company-number",
                        value: n.into(),
                    });
                    None
                }),
        };
        let sector = if require("sector", &mut problems) {
            reference::sic_section(value("sector")).or_else(|| {
                problems.push(Problem {
                    column: "sector",
                    message_id: "import-error-sector",
                    value: value("sector").into(),
                });
                None
            })
        } else {
            None
        };
        let employee_band = if require("employee_band", &mut problems) {
            band(value("employee_band")).or_else(|| {
                problems.push(Problem {
                    column: "employee_band",
                    message_id: "import-error-band",
                    value: value("employee_band").into(),
                });
                None
            })
        } else {
            None
        };
        let area = if require("area", &mut problems) {
            reference::area(value("area")).map(|a| a.code).or_else(|| {
                problems.push(Problem {
                    column: "area",
                    message_id: "import-error-area",
                    value: value("area").into(),
                });
                None
            })
        } else {
            None
        };
        let hourly_rate = match value("hourly_rate_gbp") {
            "" => Some(None),
            r => match crate::bounds::Bound::HourlyRate.parse(r) {
                Ok(p) => Some(Some(Pence(p))),
                Err(e) => {
                    problems.push(Problem {
                        column: "hourly_rate_gbp",
                        message_id: if e == crate::decimal::DecimalError::TooLarge {
                            "import-error-rate-too-large"
                        } else {
                            "import-error-money"
                        },
                        value: r.into(),
                    });
                    None
                }
            },
        };
        match (
            email,
            language,
            companies_house,
            sector,
            employee_band,
            area,
            hourly_rate,
        ) {
            (
                Some(email),
                Some(language),
                Some(companies_house),
                Some(sector),
                Some(employee_band),
                Some(area),
                Some(hourly_rate),
            ) if problems.is_empty() => rows.push(PersonRow {
                line,
                email,
                name: value("name").to_string(),
                language,
                organisation: value("organisation").to_string(),
                companies_house,
                sector,
                employee_band,
                area,
                hourly_rate,
            }),
            _ => errors.push(RowError { line, problems }),
        }
    }
    if !errors.is_empty() {
        return Err(ImportErrors {
            file: None,
            rows: errors,
        });
    }
    if rows.is_empty() {
        return Err(file_error("import-error-empty", String::new()));
    }
    Ok(rows)
}

/// A person for export, in the import format.
pub struct ExportRow<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub language: &'a str,
    pub organisation: &'a str,
    pub companies_house: &'a str,
    pub sector: &'a str,
    pub employee_band: &'a str,
    pub area: &'a str,
    pub hourly_rate: Option<Pence>,
}

/// Writes people in the import format, so that an export imports again unchanged.
pub fn write_people(rows: &[ExportRow<'_>]) -> Result<String, csv::Error> {
    let mut w = crate::csvout::CsvOut::new();
    w.row(COLUMNS)?;
    for r in rows {
        let rate = r
            .hourly_rate
            .map(|p| format!("{}.{:02}", p.0 / 100, p.0 % 100))
            .unwrap_or_default();
        w.row([
            r.email,
            r.name,
            r.language,
            r.organisation,
            r.companies_house,
            r.sector,
            r.employee_band,
            r.area,
            &rate,
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "email,name,language,organisation,companies_house,sector,employee_band,area,hourly_rate_gbp\n";

    #[test]
    fn good_file_with_welsh_letters_and_bom() {
        let csv = format!(
            "\u{feff}{HEADER}siân@example.cymru,Siân Ŵyn,cy,Becws Bach,01234567,C,micro,Ynys Môn,22.50\n\
             \n\
             tom@example.com,Tom Jones,en,Garej Glan,,G,small,Wrexham,\n"
        );
        let rows = parse_people(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Siân Ŵyn");
        assert_eq!(rows[0].area, "isle_of_anglesey");
        assert_eq!(rows[0].hourly_rate, Some(Pence(2250)));
        assert_eq!(rows[0].language, Lang::Cy);
        assert_eq!(rows[1].line, 4, "blank lines count in line numbers");
        assert_eq!(rows[1].companies_house, None);
    }

    #[test]
    fn a_file_headed_in_welsh() {
        let csv = "E-bost,Enw,Iaith,Sefydliad,Rhif Tŷ'r Cwmnïau,Sector,Band gweithwyr,Ardal,Cyfradd yr awr GBP\n\
                   nia@example.cymru,Nia,cy,Becws,,C,micro,Gwynedd,18.00\n";
        let rows = parse_people(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].email.as_str(), "nia@example.cymru");
        assert_eq!(rows[0].organisation, "Becws");
        assert_eq!(rows[0].hourly_rate, Some(Pence(1800)));
    }

    #[test]
    fn languages_and_bands_by_their_welsh_names() {
        let csv = format!(
            "{HEADER}nia@example.cymru,Nia,Cymraeg,Becws,,C,bach,Gwynedd,\n\
             tom@example.com,Tom,English,Garej,,G,canolig,Conwy,\n"
        );
        let rows = parse_people(csv.as_bytes()).unwrap();
        assert_eq!(rows[0].language, Lang::Cy);
        assert_eq!(rows[1].language, Lang::En);
        assert_eq!(rows[0].employee_band, "small");
        assert_eq!(rows[1].employee_band, "medium");
    }

    #[test]
    fn every_bad_row_is_named_with_its_reasons() {
        let mut bytes = HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(b",No Email,en,Firm A,,C,micro,Cardiff,\n"); // line 2
        bytes.extend_from_slice(b"a@example.com,Ann,en,Firm B,,C,micro,Atlantis,\n"); // line 3
        bytes.extend_from_slice(b"a@example.com,Ann Again,en,Firm B,,C,micro,Cardiff,\n"); // line 4
        bytes.extend_from_slice(b"b@example.com,Bad \xff\xfe Bytes,en,Firm C,,Z,huge,Powys,-3\n"); // line 5
        bytes.extend_from_slice(b"c@example.com,Good,en,Firm D,,C,micro,Powys,\n"); // line 6
        let err = parse_people(&bytes).unwrap_err();
        let lines: Vec<usize> = err.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5]);
        let ids = |line: usize| -> Vec<&str> {
            err.rows
                .iter()
                .find(|r| r.line == line)
                .unwrap()
                .problems
                .iter()
                .map(|p| p.message_id)
                .collect()
        };
        assert_eq!(ids(2), vec!["import-error-missing"]);
        assert_eq!(ids(3), vec!["import-error-area"]);
        assert_eq!(ids(4), vec!["import-error-duplicate"]);
        assert_eq!(
            err.rows[2].problems[0].value, "3",
            "names the first line with that email"
        );
        assert_eq!(
            ids(5),
            vec![
                "import-error-encoding",
                "import-error-sector",
                "import-error-band",
                "import-error-money"
            ]
        );
    }

    #[test]
    fn missing_columns_and_empty_files() {
        let err = parse_people(b"email,name\nx@example.com,X\n").unwrap_err();
        assert_eq!(err.file.unwrap().message_id, "import-error-columns");
        let err = parse_people(HEADER.as_bytes()).unwrap_err();
        assert_eq!(err.file.unwrap().message_id, "import-error-empty");
    }

    #[test]
    fn export_imports_again() {
        let out = write_people(&[ExportRow {
            email: "siân@example.cymru",
            name: "Siân, \"Sian\" Ŵyn",
            language: "cy",
            organisation: "Becws Bach",
            companies_house: "",
            sector: "C",
            employee_band: "micro",
            area: "gwynedd",
            hourly_rate: Some(Pence(1805)),
        }])
        .unwrap();
        let rows = parse_people(out.as_bytes()).unwrap();
        assert_eq!(rows[0].name, "Siân, \"Sian\" Ŵyn");
        assert_eq!(rows[0].hourly_rate, Some(Pence(1805)));
    }

    /// A national file reads in one pass: 60,000 lines, blank lines between,
    /// every line number right and a duplicate at the end named by its first
    /// line. (Line numbers were once counted from the start of the file for
    /// each line, and duplicates looked for line by line: quadratic work.)
    #[test]
    fn a_long_file_is_read_with_right_line_numbers() {
        let mut csv = HEADER.to_string();
        for n in 0..60_000 {
            csv.push_str(&format!(
                "p{n}@example.com,Person {n},en,Firm {n},,C,micro,Cardiff,18.50\n"
            ));
            if n % 1000 == 0 {
                csv.push_str("\r\n");
            }
        }
        let rows = parse_people(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 60_000);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4, "after a blank line");
        assert_eq!(rows[59_999].line, 60_000 + 60 + 1);
        csv.push_str("p7@example.com,Again,en,Firm,,C,micro,Cardiff,\n");
        let err = parse_people(csv.as_bytes()).unwrap_err();
        assert_eq!(err.rows.len(), 1);
        assert_eq!(err.rows[0].line, 60_000 + 60 + 2);
        assert_eq!(err.rows[0].problems[0].message_id, "import-error-duplicate");
        assert_eq!(err.rows[0].problems[0].value, "10");
    }

    #[test]
    fn an_hourly_rate_above_its_bound_is_named() {
        let csv = format!(
            "{HEADER}a@example.com,A,en,Firm,,C,micro,Cardiff,1000.01\n\
             b@example.com,B,en,Firm,,C,micro,Cardiff,1000\n"
        );
        let err = parse_people(csv.as_bytes()).unwrap_err();
        assert_eq!(err.rows.len(), 1);
        assert_eq!(
            err.rows[0].problems[0].message_id,
            "import-error-rate-too-large"
        );
    }
}

/// The column names the people and ledger CSV files take in Welsh, each with
/// the English name it stands for. A header is read as written in either
/// language, in any case, with spaces or hyphens for underscores.
const WELSH_COLUMNS: [(&str, &str); 24] = [
    ("ebost", "email"),
    ("e_bost", "email"),
    ("enw", "name"),
    ("iaith", "language"),
    ("sefydliad", "organisation"),
    ("rhif_tŷ'r_cwmnïau", "companies_house"),
    ("rhif_ty'r_cwmniau", "companies_house"),
    ("sector", "sector"),
    ("band_gweithwyr", "employee_band"),
    ("ardal", "area"),
    ("cyfradd_yr_awr_gbp", "hourly_rate_gbp"),
    ("prosiect", "project"),
    ("disgrifiad", "description"),
    ("categori", "category"),
    ("math_o_arbediad", "savings_type"),
    ("amlder", "frequency"),
    ("dyddiad_dechrau", "start_date"),
    ("statws", "status"),
    ("swm_gbp", "amount_gbp"),
    ("oriau", "hours"),
    ("ynni_kwh", "energy_kwh"),
    ("gwastraff_kg", "waste_kg"),
    ("tanwydd_litrau", "fuel_litres"),
    ("cyfradd_awr_gbp", "hourly_rate_gbp"),
];

/// A CSV header cell as the column it names: its English name, whether it was
/// written in English or Welsh.
pub fn column_name(cell: &str) -> String {
    let name: String = cell
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    WELSH_COLUMNS
        .iter()
        .find(|(cy, _)| *cy == name)
        .map_or(name, |(_, en)| (*en).to_string())
}

#[cfg(test)]
mod column_tests {
    use super::{COLUMNS, column_name};

    #[test]
    fn headers_are_read_in_either_language() {
        for c in COLUMNS {
            assert_eq!(column_name(c), c);
            assert_eq!(column_name(&c.to_uppercase()), c);
        }
        assert_eq!(column_name(" E-bost "), "email");
        assert_eq!(column_name("Enw"), "name");
        assert_eq!(column_name("Band gweithwyr"), "employee_band");
        assert_eq!(column_name("Rhif Tŷ'r Cwmnïau"), "companies_house");
        assert_eq!(column_name("Dyddiad dechrau"), "start_date");
        assert_eq!(column_name("Swm GBP"), "amount_gbp");
        // What is neither is kept, to be named as missing or ignored.
        assert_eq!(column_name("Nodiadau"), "nodiadau");
    }
}
