//! The toolkit's tests: definitions, values and computed outputs.

use super::*;
use crate::Pence;
use std::collections::BTreeSet;

fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn shipped(id: &str) -> Tool {
    shipped_tools()
        .unwrap()
        .into_iter()
        .find(|t| t.id == id)
        .unwrap()
}

fn n(whole: i64) -> Number {
    Number::from_int(whole)
}

fn error_ids(errors: &[FieldError]) -> Vec<(&str, &str)> {
    errors
        .iter()
        .map(|e| (e.field.as_str(), e.message_id))
        .collect()
}

// --- numbers -------------------------------------------------------------

#[test]
fn numbers_parse_as_people_type_them() {
    assert_eq!(Number::parse("12"), Ok(Number(1200)));
    assert_eq!(Number::parse(" 12.5 "), Ok(Number(1250)));
    assert_eq!(Number::parse(".25"), Ok(Number(25)));
    assert_eq!(Number::parse("5."), Ok(Number(500)));
    assert_eq!(Number::parse("-3.05"), Ok(Number(-305)));
    assert_eq!(Number::parse("1,440"), Ok(Number(144_000)));
    assert_eq!(Number::parse("£1,250.50"), Ok(Number(125_050)));
    assert_eq!(Number::parse("95%"), Ok(Number(9500)));
    assert_eq!(Number::parse("0007"), Ok(Number(700)));
    assert_eq!(Number::parse("ten"), Err(NumberError::Invalid));
    assert_eq!(Number::parse(""), Err(NumberError::Invalid));
    assert_eq!(Number::parse("-"), Err(NumberError::Invalid));
    assert_eq!(Number::parse("."), Err(NumberError::Invalid));
    assert_eq!(Number::parse("1e5"), Err(NumberError::Invalid));
    assert_eq!(Number::parse("1.2.3"), Err(NumberError::Invalid));
    // A decimal comma is not a thousands separator: refused, not read as 15.
    assert_eq!(Number::parse("1,5"), Err(NumberError::Invalid));
    assert_eq!(Number::parse(",500"), Err(NumberError::Invalid));
    assert_eq!(Number::parse("1.234"), Err(NumberError::TooPrecise));
    assert_eq!(
        Number::parse("999999999999"),
        Ok(Number(99_999_999_999_900))
    );
    assert_eq!(Number::parse("1000000000000"), Err(NumberError::TooLarge));
}

#[test]
fn numbers_display_without_trailing_zeros() {
    assert_eq!(Number(1200).to_string(), "12");
    assert_eq!(Number(1250).to_string(), "12.5");
    assert_eq!(Number(1205).to_string(), "12.05");
    assert_eq!(Number(-5).to_string(), "-0.05");
    assert_eq!(Percent { tenths: 581 }.to_string(), "58.1%");
    assert_eq!(Percent { tenths: 1000 }.to_string(), "100.0%");
    assert_eq!(Percent { tenths: 4 }.to_string(), "0.4%");
}

#[test]
fn stored_values_read_back() {
    // The web layer stores JSON; TOML exercises the same Deserialize impls.
    #[derive(Deserialize)]
    struct Stored {
        values: ToolValues,
    }
    let stored: Stored = toml::from_str(
        r#"
        [values]
        tool_id = "value-stream-map"
        tool_version = 1
        [values.values.product_family]
        kind = "text"
        value = "Service"
        [values.values.steps]
        kind = "rows"
        value = [{ step = { kind = "text", value = "Repair" }, pca = { kind = "number", value = "95.5" } }]
        "#,
    )
    .unwrap();
    let values = stored.values;
    assert_eq!(values.text("product_family"), Some("Service"));
    assert_eq!(values.rows("steps")[0].number("pca"), Some(Number(9550)));
    assert_eq!(values.rows("steps")[0].text("step"), Some("Repair"));
}

// --- the shipped toolkit -------------------------------------------------

fn assert_both(at: &str, t: &Text) {
    assert!(!t.en.trim().is_empty(), "{at}.en is empty");
    assert!(!t.cy.trim().is_empty(), "{at}.cy is empty");
}

fn assert_kind_bilingual(at: &str, kind: &FieldKind) {
    match kind {
        FieldKind::Number(spec) => {
            if let Some(unit) = &spec.unit {
                assert_both(&format!("{at}.unit"), unit);
            }
        }
        FieldKind::Choice { options } => {
            for o in options {
                assert!(!o.en.is_empty() && !o.cy.is_empty(), "{at}.{}", o.id);
                assert_ne!(o.en, o.cy, "{at}.{} is not translated", o.id);
            }
        }
        FieldKind::Rows { columns } => {
            for c in columns {
                let here = format!("{at}.{}", c.id);
                assert_both(&here, &c.label);
                if let Some(help) = &c.help {
                    assert_both(&here, help);
                }
                assert_kind_bilingual(&here, &c.kind);
            }
        }
        _ => {}
    }
}

#[test]
fn every_shipped_tool_parses_and_has_both_languages() {
    let tools = shipped_tools().unwrap();
    assert_eq!(tools.len(), 12);
    let ids: BTreeSet<&str> = tools.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 12, "tool ids are unique");
    for tool in &tools {
        let at = tool.id.as_str();
        assert!(tool.version >= 1);
        for (what, text) in [
            ("name", &tool.name),
            ("purpose", &tool.purpose),
            ("when_to_use", &tool.when_to_use),
            ("example", &tool.example),
        ] {
            assert_both(&format!("{at}.{what}"), text);
        }
        // Real prose in both languages, not one copied into the other.
        for text in [&tool.purpose, &tool.when_to_use, &tool.example] {
            assert_ne!(text.en, text.cy, "{at}: Welsh copied from English");
        }
        assert!(tool.steps.len() >= 4, "{at}: step-by-step guidance");
        for (i, step) in tool.steps.iter().enumerate() {
            assert_both(&format!("{at}.steps[{i}]"), step);
            assert_ne!(step.en, step.cy);
        }
        // A worked example has believable numbers in it.
        assert!(tool.example.en.chars().any(|c| c.is_ascii_digit()), "{at}");
        assert!(tool.example.cy.chars().any(|c| c.is_ascii_digit()), "{at}");
        assert!(!tool.fields.is_empty());
        assert!(
            tool.fields.iter().any(|f| f.required),
            "{at}: something required"
        );
        for f in &tool.fields {
            let here = format!("{at}.{}", f.id);
            assert_both(&here, &f.label);
            if let Some(help) = &f.help {
                assert_both(&here, help);
            }
            assert_kind_bilingual(&here, &f.kind);
        }
        // Every tool accepts what it asks for: an empty form is refused
        // with errors naming only the tool's own fields.
        let errors = tool.validate(&[]).unwrap_err();
        for e in &errors {
            assert!(tool.field(&e.field).is_some(), "{at}: {}", e.field);
            assert_eq!(e.message_id, "tool-error-required");
        }
    }
    let computed: Vec<(&str, ComputedKind)> = tools
        .iter()
        .filter_map(|t| Some((t.id.as_str(), t.computed?)))
        .collect();
    assert_eq!(
        computed,
        vec![
            ("value-stream-map", ComputedKind::ValueStream),
            ("eight-wastes", ComputedKind::Wastes),
            ("fishbone", ComputedKind::Fishbone),
            ("impact-effort", ComputedKind::ImpactEffort),
        ]
    );
}

#[test]
fn every_shipped_tool_has_a_short_bilingual_review_checklist() {
    for tool in shipped_tools().unwrap() {
        let at = tool.id.as_str();
        assert!(
            (3..=5).contains(&tool.checklist.len()),
            "{at}: 3 to 5 checklist items, found {}",
            tool.checklist.len()
        );
        for (i, item) in tool.checklist.iter().enumerate() {
            assert_both(&format!("{at}.checklist[{i}]"), item);
            assert_ne!(
                item.en, item.cy,
                "{at}.checklist[{i}]: Welsh copied from English"
            );
        }
    }
}

#[test]
fn shipped_value_stream_columns_are_as_specified() {
    let tool = shipped("value-stream-map");
    let steps = tool.field("steps").unwrap();
    let ids: Vec<&str> = steps.columns().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["step", "process_time", "lead_time", "pca"]);
    let FieldKind::Number(pca) = &steps.column("pca").unwrap().kind else {
        panic!("pca is a number");
    };
    assert_eq!((pca.min, pca.max), (Some(n(0)), Some(n(100))));
}

// --- definition errors ---------------------------------------------------

const HEAD: &str = r#"
id = "test-tool"
version = 1
name = { en = "Test", cy = "Prawf" }
purpose = { en = "Purpose", cy = "Diben" }
when_to_use = { en = "When", cy = "Pryd" }
steps = [{ en = "Step", cy = "Cam" }]
example = { en = "Example", cy = "Enghraifft" }
"#;

fn issues_of(fields: &str) -> Vec<(String, Problem)> {
    match Tool::parse(&format!("{HEAD}{fields}")) {
        Err(ToolError::Invalid(issues)) => issues.into_iter().map(|i| (i.at, i.problem)).collect(),
        other => panic!("expected rule errors, got {other:?}"),
    }
}

fn issue(at: &str, problem: Problem) -> Vec<(String, Problem)> {
    vec![(at.to_string(), problem)]
}

#[test]
fn a_minimal_tool_parses() {
    let tool = Tool::parse(&format!(
        "{HEAD}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
    ))
    .unwrap();
    assert_eq!(tool.id, "test-tool");
    assert_eq!(tool.fields[0].kind, FieldKind::Text);
    assert!(!tool.fields[0].required, "required defaults to false");
    assert_eq!(tool.name.get(Lang::Cy), "Prawf");
    assert_eq!(tool.name.get(Lang::En), "Test");
}

#[test]
fn not_toml_or_unknown_keys_name_the_line() {
    let Err(ToolError::Toml(msg)) = Tool::parse("id = \"x\"\nversion = = 1\n") else {
        panic!("syntax error expected");
    };
    assert!(msg.contains("line 2"), "{msg}");
    let Err(ToolError::Toml(msg)) = Tool::parse(&format!(
        "{HEAD}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nrequried = true\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
    )) else {
        panic!("unknown key expected");
    };
    assert!(msg.contains("requried"), "{msg}");
}

#[test]
fn tool_id_must_be_a_slug_and_version_positive() {
    let src = HEAD
        .replace("\"test-tool\"", "\"Test Tool\"")
        .replace("version = 1", "version = 0");
    let err = Tool::parse(&format!(
        "{src}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
    ))
    .unwrap_err();
    let got: Vec<(String, Problem)> = err
        .issues()
        .iter()
        .map(|i| (i.at.clone(), i.problem.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("id".into(), Problem::NotSlug("Test Tool".into())),
            ("version".into(), Problem::BadVersion(0)),
        ]
    );
    assert!(!is_slug("a--b") && !is_slug("-a") && !is_slug("a-") && !is_slug(""));
    assert!(is_slug("a3") && is_slug("value-stream-map"));
}

#[test]
fn both_languages_are_required_everywhere() {
    let got = issues_of(
        r#"
[[fields]]
id = "a"
kind = "text"
label = { en = "A" }
help = { en = "  ", cy = "Help" }
"#,
    );
    assert_eq!(
        got,
        vec![
            (r#"fields[0] "a".label.cy"#.into(), Problem::Missing),
            (r#"fields[0] "a".help.en"#.into(), Problem::Empty),
        ]
    );
    let src = HEAD.replace(
        r#"{ en = "Step", cy = "Cam" }"#,
        r#"{ en = "Step", cy = "" }"#,
    );
    let err = Tool::parse(&format!(
        "{src}\n[[fields]]\nid = \"a\"\nkind = \"text\"\nlabel = {{ en = \"A\", cy = \"A\" }}\n"
    ))
    .unwrap_err();
    assert_eq!(err.to_string(), "steps[0].cy: is empty");
}

#[test]
fn field_ids_must_be_unique() {
    let got = issues_of(
        r#"
[[fields]]
id = "aim"
kind = "text"
label = { en = "Aim", cy = "Nod" }

[[fields]]
id = "aim"
kind = "long_text"
label = { en = "Aim again", cy = "Nod eto" }
"#,
    );
    assert_eq!(
        got,
        issue(r#"fields[1] "aim".id"#, Problem::Duplicate("aim".into()))
    );
}

#[test]
fn bad_field_ids_and_kinds_are_named() {
    let got = issues_of(
        r#"
[[fields]]
id = "Process-Time"
kind = "numbr"
label = { en = "PT", cy = "PT" }
"#,
    );
    assert_eq!(
        got,
        vec![
            (
                r#"fields[0] "Process-Time".id"#.into(),
                Problem::NotIdentifier("Process-Time".into())
            ),
            (
                r#"fields[0] "Process-Time".kind"#.into(),
                Problem::UnknownKind("numbr".into())
            ),
        ]
    );
}

#[test]
fn a_choice_needs_options() {
    let got = issues_of(
        r#"
[[fields]]
id = "decision"
kind = "choice"
label = { en = "Decision", cy = "Penderfyniad" }
"#,
    );
    assert_eq!(
        got,
        issue(r#"fields[0] "decision".options"#, Problem::Missing)
    );
    let got = issues_of(
        r#"
[[fields]]
id = "decision"
kind = "choice"
label = { en = "Decision", cy = "Penderfyniad" }
options = [{ id = "adopt", en = "Adopt", cy = "Mabwysiadu" }]
"#,
    );
    assert_eq!(
        got,
        issue(r#"fields[0] "decision".options"#, Problem::TooFewOptions)
    );
    let got = issues_of(
        r#"
[[fields]]
id = "decision"
kind = "choice"
label = { en = "Decision", cy = "Penderfyniad" }
options = [
  { id = "adopt", en = "Adopt", cy = "Mabwysiadu" },
  { id = "adopt", en = "Adapt", cy = "" },
]
"#,
    );
    assert_eq!(
        got,
        vec![
            (
                r#"fields[0] "decision".options[1] "adopt".id"#.into(),
                Problem::Duplicate("adopt".into())
            ),
            (
                r#"fields[0] "decision".options[1] "adopt".cy"#.into(),
                Problem::Empty
            ),
        ]
    );
}

#[test]
fn rows_need_columns_of_simple_kinds() {
    let got = issues_of(
        r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }
"#,
    );
    assert_eq!(got, issue(r#"fields[0] "steps".columns"#, Problem::Missing));
    let got = issues_of(
        r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }
columns = []
"#,
    );
    assert_eq!(
        got,
        issue(r#"fields[0] "steps".columns"#, Problem::NoColumns)
    );
    let got = issues_of(
        r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }

[[fields.columns]]
id = "notes"
kind = "long_text"
label = { en = "Notes", cy = "Nodiadau" }
"#,
    );
    assert_eq!(
        got,
        issue(
            r#"fields[0] "steps".columns[0] "notes".kind"#,
            Problem::NotAllowedInColumn("long_text")
        )
    );
}

#[test]
fn number_bounds_are_checked() {
    let got = issues_of(
        r#"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }

[[fields.columns]]
id = "pca"
kind = "number"
min = 100
max = 0
label = { en = "%C&A", cy = "%C&A" }
"#,
    );
    assert_eq!(
        got,
        issue(
            r#"fields[0] "steps".columns[0] "pca".min"#,
            Problem::MinAboveMax
        )
    );
    let got = issues_of(
        r#"
[[fields]]
id = "count"
kind = "number"
integer = true
min = 0.5
max = 2.125
label = { en = "Count", cy = "Nifer" }
"#,
    );
    assert_eq!(
        got,
        vec![
            (r#"fields[0] "count".min"#.into(), Problem::FractionalBound),
            (r#"fields[0] "count".max"#.into(), Problem::BadBound),
        ]
    );
    // Equal bounds are allowed; decimals with two places are exact.
    let tool = Tool::parse(&format!(
        "{HEAD}\n[[fields]]\nid = \"x\"\nkind = \"number\"\nmin = 2.5\nmax = 2.5\nlabel = {{ en = \"X\", cy = \"X\" }}\n"
    ))
    .unwrap();
    let FieldKind::Number(spec) = &tool.fields[0].kind else {
        panic!()
    };
    assert_eq!(spec.min, Some(Number(250)));
}

#[test]
fn keys_of_other_kinds_and_bad_rating_scales_are_refused() {
    let got = issues_of(
        r#"
[[fields]]
id = "name"
kind = "text"
max = 10
label = { en = "Name", cy = "Enw" }

[[fields]]
id = "score"
kind = "rating"
min = 5
max = 5
unit = { en = "points", cy = "pwyntiau" }
label = { en = "Score", cy = "Sgôr" }
"#,
    );
    assert_eq!(
        got,
        vec![
            (
                r#"fields[0] "name".max"#.into(),
                Problem::NotAllowedHere {
                    key: "max",
                    kind: "text"
                }
            ),
            (
                r#"fields[1] "score".unit"#.into(),
                Problem::NotAllowedHere {
                    key: "unit",
                    kind: "rating"
                }
            ),
            (r#"fields[1] "score".min"#.into(), Problem::BadRatingScale),
        ]
    );
}

#[test]
fn computed_outputs_need_their_fields() {
    let got = issues_of(
        r#"
computed = "value_steam"
[[fields]]
id = "a"
kind = "text"
label = { en = "A", cy = "A" }
"#,
    );
    assert_eq!(
        got,
        issue("computed", Problem::UnknownComputed("value_steam".into()))
    );
    // A value stream whose %C&A has no upper bound of 100.
    let got = issues_of(
        r#"
computed = "value_stream"
[[fields]]
id = "steps"
kind = "rows"
label = { en = "Steps", cy = "Camau" }
[[fields.columns]]
id = "step"
kind = "text"
required = true
label = { en = "Step", cy = "Cam" }
[[fields.columns]]
id = "process_time"
kind = "number"
required = true
min = 0
label = { en = "PT", cy = "PT" }
[[fields.columns]]
id = "lead_time"
kind = "number"
required = true
min = 0
label = { en = "LT", cy = "LT" }
[[fields.columns]]
id = "pca"
kind = "number"
required = true
min = 0
label = { en = "%C&A", cy = "%C&A" }
"#,
    );
    assert_eq!(
        got,
        issue(
            "computed",
            Problem::ComputedNeeds {
                computed: ComputedKind::ValueStream,
                field: "steps",
                column: Some("pca"),
                requirement: "a required number column with min ≥ 0 and max ≤ 100",
            }
        )
    );
    let got = issues_of(
        r#"
computed = "fishbone"
[[fields]]
id = "effect"
kind = "text"
label = { en = "Effect", cy = "Effaith" }
"#,
    );
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].1.to_string(),
        "fishbone needs \"causes\": a rows field with this id"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let err = Tool::parse(
        r#"
id = "x"
version = 1
name = { en = "X" }
[[fields]]
kind = "choice"
label = { en = "A", cy = "A" }
options = []
"#,
    )
    .unwrap_err();
    let text = err.to_string();
    for part in [
        "name.cy: is missing",
        "purpose: is missing",
        "when_to_use: is missing",
        "steps: is missing",
        "example: is missing",
        "fields[0].id: is missing",
        "fields[0].options: a choice needs at least two options",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
    assert_eq!(
        err.issues()[0].problem.message_id(),
        "toolkit-error-missing"
    );
}

// --- validating what a participant typed ---------------------------------

fn garage_form() -> Vec<(String, String)> {
    form(&[
        ("_csrf", "token"),
        ("product_family", "Routine service, fault found"),
        ("steps[0][step]", "Check-in"),
        ("steps[0][process_time]", "10"),
        ("steps[0][lead_time]", "30"),
        ("steps[0][pca]", "90"),
        ("steps[1][step]", "Diagnosis"),
        ("steps[1][process_time]", "45"),
        ("steps[1][lead_time]", "240"),
        ("steps[1][pca]", "80"),
        ("steps[2][step]", "Repair"),
        ("steps[2][process_time]", "120"),
        ("steps[2][lead_time]", "1,440"),
        ("steps[2][pca]", "95%"),
        ("steps[3][step]", "Invoice and hand-back"),
        ("steps[3][process_time]", "15"),
        ("steps[3][lead_time]", "120"),
        ("steps[3][pca]", "85"),
        // A blank row the form offered for adding a step.
        ("steps[4][step]", ""),
        ("steps[4][process_time]", " "),
    ])
}

#[test]
fn a_good_value_stream_is_accepted() {
    let tool = shipped("value-stream-map");
    let values = tool.validate(&garage_form()).unwrap();
    assert_eq!(values.tool_id, "value-stream-map");
    assert_eq!(values.tool_version, 1);
    let rows = values.rows("steps");
    assert_eq!(rows.len(), 4, "the blank row is dropped");
    assert_eq!(rows[2].number("lead_time"), Some(n(1440)));
    assert_eq!(rows[2].number("pca"), Some(n(95)));
    assert_eq!(values.get("demand_per_week"), None, "empty optional field");
    assert_eq!(values.get("_csrf"), None);
}

#[test]
fn text_in_a_number_140_percent_and_an_empty_step_are_refused() {
    let tool = shipped("value-stream-map");
    let posted = form(&[
        ("product_family", "Kitchens"),
        ("steps[0][step]", "Survey"),
        ("steps[0][process_time]", "ten"),
        ("steps[0][lead_time]", "60"),
        ("steps[0][pca]", "140"),
        ("steps[1][step]", "   "),
        ("steps[1][process_time]", "30"),
        ("steps[1][lead_time]", "90"),
        ("steps[1][pca]", "75"),
    ]);
    let errors = tool.validate(&posted).unwrap_err();
    assert_eq!(
        error_ids(&errors),
        vec![
            ("steps[0][process_time]", "tool-error-number"),
            ("steps[0][pca]", "tool-error-max"),
            ("steps[1][step]", "tool-error-required"),
        ]
    );
    assert_eq!(errors[1].max, Some(n(100)));
    assert_eq!(errors[1].min, None);

    // What they typed is kept so the form can be shown again.
    let input = RawInput::from_form(&tool, &posted);
    assert_eq!(input.value("product_family"), "Kitchens");
    assert_eq!(input.row_count("steps"), 2);
    assert_eq!(input.cell("steps", 0, "process_time"), "ten");
    assert_eq!(input.cell("steps", 0, "pca"), "140");
    assert_eq!(input.cell("steps", 1, "pca"), "75");
    assert_eq!(input.cell("steps", 5, "pca"), "");
    assert_eq!(tool.validate_input(&input).unwrap_err(), errors);
}

#[test]
fn more_value_errors() {
    let tool = shipped("value-stream-map");
    // Nothing but a blank row: the required rows field is empty.
    let errors = tool
        .validate(&form(&[("steps[0][step]", ""), ("product_family", "")]))
        .unwrap_err();
    assert_eq!(
        error_ids(&errors),
        vec![
            ("product_family", "tool-error-required"),
            ("steps", "tool-error-required"),
        ]
    );

    let errors = tool
        .validate(&form(&[
            ("product_family", "x"),
            ("demand_per_week", "12.5"),
            ("steps[0][step]", "Cut"),
            ("steps[0][process_time]", "-1"),
            ("steps[0][lead_time]", "1.255"),
            ("steps[0][pca]", "50"),
            ("steps[1][step]", "Fit"),
            ("steps[1][process_time]", "90"),
            ("steps[1][lead_time]", "60"),
            ("steps[1][pca]", "100"),
        ]))
        .unwrap_err();
    assert_eq!(
        error_ids(&errors),
        vec![
            ("demand_per_week", "tool-error-integer"),
            ("steps[0][process_time]", "tool-error-min"),
            ("steps[0][lead_time]", "tool-error-decimals"),
            (
                "steps[1][lead_time]",
                "tool-error-lead-time-below-process-time"
            ),
        ]
    );
    assert_eq!(errors[1].min, Some(n(0)));
    assert_eq!(errors[3].min, Some(n(90)));
}

#[test]
fn choices_ratings_and_lengths_are_checked() {
    let tool = shipped("impact-effort");
    let long = "x".repeat(TEXT_MAX_CHARS + 1);
    let errors = tool
        .validate(&form(&[
            ("goal", &long),
            ("ideas[0][idea]", "Postcode order"),
            ("ideas[0][impact]", "6"),
            ("ideas[0][effort]", "two"),
        ]))
        .unwrap_err();
    assert_eq!(
        error_ids(&errors),
        vec![
            ("goal", "tool-error-too-long"),
            ("ideas[0][impact]", "tool-error-rating"),
            ("ideas[0][effort]", "tool-error-rating"),
        ]
    );
    assert_eq!(errors[0].max, Some(n(300)));
    assert_eq!((errors[1].min, errors[1].max), (Some(n(1)), Some(n(5))));

    let wastes = shipped("eight-wastes");
    let errors = wastes
        .validate(&form(&[
            ("area", "Yard"),
            ("wastes[0][waste]", "laziness"),
            ("wastes[0][where_seen]", "Loading bay"),
            ("wastes[0][cost_per_month]", "40"),
        ]))
        .unwrap_err();
    assert_eq!(
        error_ids(&errors),
        vec![("wastes[0][waste]", "tool-error-choice")]
    );
}

#[test]
fn text_is_normalised() {
    let tool = shipped("pdsa");
    let values = tool
        .validate(&form(&[
            ("cycle", "1"),
            ("change", "  Pre-orders\r\nfor sourdough "),
            ("prediction", "  15 of 40\r\n\r\nloaves\u{0} "),
            ("plan", "Sign on the counter"),
            ("decision", "adapt"),
        ]))
        .unwrap();
    assert_eq!(values.text("change"), Some("Pre-orders  for sourdough"));
    assert_eq!(values.text("prediction"), Some("15 of 40\n\nloaves"));
    assert_eq!(values.get("decision"), Some(&Value::Choice("adapt".into())));
    assert_eq!(values.get("cycle"), Some(&Value::Number(n(1))));
}

#[test]
fn rows_are_renumbered_in_posted_order_and_round_trip() {
    let tool = shipped("fishbone");
    // Rows 0 and 2 were filled in, row 1 left blank, row 10 added by script.
    let posted = form(&[
        ("effect", "14 late deliveries in a quarter"),
        ("causes[10][category]", "environment"),
        ("causes[10][cause]", "Roadworks on the A483"),
        ("causes[0][category]", "method"),
        ("causes[0][cause]", "No run sheet"),
        ("causes[1][category]", ""),
        ("causes[1][cause]", ""),
        ("causes[2][category]", "people"),
        ("causes[2][cause]", ""),
        ("causes[2][unknown]", "ignored"),
        ("causes[x][cause]", "ignored"),
    ]);
    let input = RawInput::from_form(&tool, &posted);
    assert_eq!(input.row_count("causes"), 3);
    assert_eq!(input.cell("causes", 1, "category"), "people");
    assert_eq!(input.cell("causes", 2, "cause"), "Roadworks on the A483");
    let errors = tool.validate_input(&input).unwrap_err();
    assert_eq!(
        error_ids(&errors),
        vec![("causes[1][cause]", "tool-error-required")]
    );

    let mut fixed = input.clone();
    fixed.rows.get_mut("causes").unwrap()[1]
        .insert("cause".into(), "One driver knows the routes".into());
    let values = tool.validate_input(&fixed).unwrap();
    let again = RawInput::from_values(&values);
    assert_eq!(tool.validate_input(&again).unwrap(), values);
    assert_eq!(
        again.cell("causes", 1, "cause"),
        "One driver knows the routes"
    );
}

#[test]
fn too_many_rows_are_refused() {
    let tool = shipped("sipoc");
    let mut posted = Vec::new();
    for i in 0..=MAX_ROWS {
        posted.push((format!("process_steps[{i}][step]"), format!("Step {i}")));
    }
    let errors = tool.validate(&posted).unwrap_err();
    assert!(errors.contains(&FieldError {
        field: "process_steps".into(),
        message_id: "tool-error-too-many-rows",
        min: None,
        max: Some(n(100)),
    }));
}

#[test]
fn form_names_are_located() {
    let tool = shipped("value-stream-map");
    let (field, cell) = tool.locate("steps[1][pca]").unwrap();
    assert_eq!(field.id, "steps");
    let (row, column) = cell.unwrap();
    assert_eq!((row, column.id.as_str()), (1, "pca"));
    assert_eq!(column.label.get(Lang::Cy), "%C&A (cyflawn a chywir)");
    let (field, cell) = tool.locate("product_family").unwrap();
    assert_eq!(
        (field.id.as_str(), cell.is_none()),
        ("product_family", true)
    );
    assert!(tool.locate("steps[1][nope]").is_none());
    assert!(tool.locate("_csrf").is_none());
}

#[test]
fn cell_names() {
    assert_eq!(cell_name("steps", 3, "pca"), "steps[3][pca]");
    assert_eq!(parse_cell_name("steps[3][pca]"), Some(("steps", 3, "pca")));
    assert_eq!(parse_cell_name("steps[3]"), None);
    assert_eq!(parse_cell_name("steps[-1][pca]"), None);
    assert_eq!(parse_cell_name("steps[1][pca][x]"), None);
    assert_eq!(parse_cell_name("steps[9999999][pca]"), None);
    assert_eq!(parse_cell_name("[0][pca]"), None);
}

// --- computed outputs ----------------------------------------------------

fn step(name: &str, pt: i64, lt: i64, pca: i64) -> VsmStep {
    VsmStep {
        name: name.into(),
        process_time: n(pt),
        lead_time: n(lt),
        pca: n(pca),
    }
}

#[test]
fn value_stream_of_four_steps_worked_by_hand() {
    // Garej Tywi, minutes:
    //   step        PT    LT   wait = LT − PT   %C&A
    //   check-in    10    30     20              90
    //   diagnosis   45   240    195              80
    //   repair     120  1440   1320              95
    //   invoice     15   120    105              85
    //   ΣPT = 10 + 45 + 120 + 15 = 190
    //   ΣLT = 30 + 240 + 1440 + 120 = 1830
    //   Σwait = 1830 − 190 = 1640
    //   activity ratio = 190 ÷ 1830 = 0.103825… → 10.3825% → 10.4%
    //   rolled %C&A = 0.90 × 0.80 × 0.95 × 0.85
    //               = 0.72 × 0.95 × 0.85 = 0.684 × 0.85 = 0.5814 → 58.1%
    let tool = shipped("value-stream-map");
    let values = tool.validate(&garage_form()).unwrap();
    let Some(Computed::ValueStream(vs)) = tool.compute(&values) else {
        panic!("a value stream");
    };
    assert_eq!(vs.total_process_time, n(190));
    assert_eq!(vs.total_lead_time, n(1830));
    assert_eq!(vs.total_wait, n(1640));
    assert_eq!(vs.activity_ratio, Some(Percent { tenths: 104 }));
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 581 }));
    let waits: Vec<(usize, &str, Number)> = vs
        .waits
        .iter()
        .map(|w| (w.index, w.name.as_str(), w.wait))
        .collect();
    assert_eq!(
        waits,
        vec![
            (2, "Repair", n(1320)),
            (1, "Diagnosis", n(195)),
            (3, "Invoice and hand-back", n(105)),
            (0, "Check-in", n(20)),
        ]
    );
    let top: Vec<usize> = vs.largest_waits().iter().map(|w| w.index).collect();
    assert_eq!(top, vec![2, 1, 3]);
}

#[test]
fn activity_ratio_rounds_half_away_from_zero() {
    // 1 ÷ 3 = 33.333…% → 33.3%
    let vs = ValueStream::from_steps(vec![step("a", 1, 3, 100)]);
    assert_eq!(vs.activity_ratio, Some(Percent { tenths: 333 }));
    // 1 ÷ 16 = 6.25% exactly, a tie → 6.3%
    let vs = ValueStream::from_steps(vec![step("a", 1, 16, 100)]);
    assert_eq!(vs.activity_ratio, Some(Percent { tenths: 63 }));
    // 0.5 ÷ 1.5 minutes: decimals cancel, 33.3%
    let vs = ValueStream::from_steps(vec![VsmStep {
        name: "a".into(),
        process_time: Number(50),
        lead_time: Number(150),
        pca: n(100),
    }]);
    assert_eq!(vs.activity_ratio, Some(Percent { tenths: 333 }));
    // All lead times zero: no ratio rather than a division by zero.
    let vs = ValueStream::from_steps(vec![step("a", 0, 0, 100)]);
    assert_eq!(vs.activity_ratio, None);
    assert!(vs.waits.is_empty());
    let vs = ValueStream::from_steps(vec![]);
    assert_eq!((vs.activity_ratio, vs.rolled_pca), (None, None));
}

#[test]
fn rolled_pca_worked_by_hand() {
    // 95% × 95% = 0.9025 → 90.25% → a tie at the second decimal → 90.3%
    let vs = ValueStream::from_steps(vec![step("a", 1, 1, 95), step("b", 1, 1, 95)]);
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 903 }));
    // 50% × 50% × 50% = 0.125 → 12.5%
    let vs = ValueStream::from_steps(vec![
        step("a", 1, 1, 50),
        step("b", 1, 1, 50),
        step("c", 1, 1, 50),
    ]);
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 125 }));
    // 99.5% × 99.5% = 0.990025 → 99.0025% → 99.0%
    let vs = ValueStream::from_steps(vec![
        VsmStep {
            pca: Number(9950),
            ..step("a", 1, 1, 0)
        },
        VsmStep {
            pca: Number(9950),
            ..step("b", 1, 1, 0)
        },
    ]);
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 990 }));
    // One step at 0%: nothing gets through first time.
    let vs = ValueStream::from_steps(vec![step("a", 1, 1, 100), step("b", 1, 1, 0)]);
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 0 }));
    // Twenty steps at 99%: 0.99^20 = 0.817906… → 81.8%
    let vs = ValueStream::from_steps((0..20).map(|_| step("s", 1, 1, 99)).collect());
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 818 }));
    // Single step at 100%: 100.0%
    let vs = ValueStream::from_steps(vec![step("a", 1, 1, 100)]);
    assert_eq!(vs.rolled_pca, Some(Percent { tenths: 1000 }));
}

#[test]
fn equal_waits_keep_step_order() {
    let vs = ValueStream::from_steps(vec![
        step("a", 5, 10, 100), // wait 5
        step("b", 1, 21, 100), // wait 20
        step("c", 5, 5, 100),  // no wait: not listed
        step("d", 0, 20, 100), // wait 20, after b
    ]);
    let order: Vec<&str> = vs.waits.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(order, ["b", "d", "a"]);
}

#[test]
fn wastes_are_ranked_by_monthly_cost() {
    // Becws Bryn, £ a month:
    //   motion          225.00 + 30.50 = 255.50 → 25,550p
    //   overproduction  445.00         → 44,500p
    //   waiting         140.00         → 14,000p
    //   transport       120.00         → 12,000p  } tie: TIMWOODS order,
    //   defects         120.00         → 12,000p  } transport before defects
    //   total = 44,500 + 25,550 + 14,000 + 12,000 + 12,000 = 108,050p
    let tool = shipped("eight-wastes");
    let values = tool
        .validate(&form(&[
            ("area", "Production floor"),
            ("wastes[0][waste]", "motion"),
            ("wastes[0][where_seen]", "Trays from the back store"),
            ("wastes[0][cost_per_month]", "225"),
            ("wastes[1][waste]", "overproduction"),
            ("wastes[1][where_seen]", "Unsold loaves"),
            ("wastes[1][cost_per_month]", "£445.00"),
            ("wastes[2][waste]", "defects"),
            ("wastes[2][where_seen]", "Over-baked rolls"),
            ("wastes[2][cost_per_month]", "120"),
            ("wastes[3][waste]", "waiting"),
            ("wastes[3][where_seen]", "Van driver"),
            ("wastes[3][cost_per_month]", "140"),
            ("wastes[4][waste]", "motion"),
            ("wastes[4][where_seen]", "Searching for labels"),
            ("wastes[4][cost_per_month]", "30.5"),
            ("wastes[5][waste]", "transport"),
            ("wastes[5][where_seen]", "Flour sacks moved twice"),
            ("wastes[5][cost_per_month]", "120"),
        ]))
        .unwrap();
    let Some(Computed::Wastes(ranking)) = tool.compute(&values) else {
        panic!("a ranking");
    };
    let ranked: Vec<(Waste, Pence)> = ranking
        .ranked
        .iter()
        .map(|t| (t.waste, t.monthly_cost))
        .collect();
    assert_eq!(
        ranked,
        vec![
            (Waste::Overproduction, Pence(44_500)),
            (Waste::Motion, Pence(25_550)),
            (Waste::Waiting, Pence(14_000)),
            (Waste::Transport, Pence(12_000)),
            (Waste::Defects, Pence(12_000)),
        ]
    );
    assert_eq!(ranking.total_monthly, Pence(108_050));
    let motion: Vec<&str> = ranking.ranked[1]
        .sightings
        .iter()
        .map(|s| s.where_seen.as_str())
        .collect();
    assert_eq!(
        motion,
        ["Trays from the back store", "Searching for labels"]
    );
    assert!(ranking.ranked.iter().all(|t| t.waste != Waste::Skills));
}

#[test]
fn quadrant_rule_edges() {
    // High impact: 3–5. Low effort: 1–2.
    assert_eq!(Quadrant::of(3, 2), Quadrant::QuickWin); // both edges in
    assert_eq!(Quadrant::of(5, 1), Quadrant::QuickWin);
    assert_eq!(Quadrant::of(3, 3), Quadrant::MajorProject); // effort 3 is not low
    assert_eq!(Quadrant::of(5, 5), Quadrant::MajorProject);
    assert_eq!(Quadrant::of(2, 2), Quadrant::FillIn); // impact 2 is not high
    assert_eq!(Quadrant::of(1, 1), Quadrant::FillIn);
    assert_eq!(Quadrant::of(2, 3), Quadrant::ThanklessTask);
    assert_eq!(Quadrant::of(1, 5), Quadrant::ThanklessTask);
    for impact in 1..=5u8 {
        for effort in 1..=5u8 {
            let q = Quadrant::of(impact, effort);
            assert_eq!(q == Quadrant::QuickWin, impact >= 3 && effort <= 2);
        }
    }
}

#[test]
fn quick_wins_are_named_best_first() {
    // Gofal Glannau:
    //   postcode order   4/2 → quick win
    //   WhatsApp swaps   3/1 → quick win
    //   rota software    5/5 → major project
    //   printed maps     1/2 → fill-in
    //   move the office  2/5 → thankless task
    //   shared car       4/1 → quick win
    // Quick wins by impact desc, then effort asc:
    //   shared car (4/1), postcode order (4/2), WhatsApp (3/1)
    let tool = shipped("impact-effort");
    let values = tool
        .validate(&form(&[
            ("goal", "Less driving between visits"),
            ("ideas[0][idea]", "Postcode order"),
            ("ideas[0][impact]", "4"),
            ("ideas[0][effort]", "2"),
            ("ideas[1][idea]", "WhatsApp swaps"),
            ("ideas[1][impact]", "3"),
            ("ideas[1][effort]", "1"),
            ("ideas[2][idea]", "Rota software"),
            ("ideas[2][impact]", "5"),
            ("ideas[2][effort]", "5"),
            ("ideas[3][idea]", "Printed maps"),
            ("ideas[3][impact]", "1"),
            ("ideas[3][effort]", "2"),
            ("ideas[4][idea]", "Move the office"),
            ("ideas[4][impact]", "2"),
            ("ideas[4][effort]", "5"),
            ("ideas[5][idea]", "Shared car"),
            ("ideas[5][impact]", "4"),
            ("ideas[5][effort]", "1"),
        ]))
        .unwrap();
    let Some(Computed::ImpactEffort(matrix)) = tool.compute(&values) else {
        panic!("a matrix");
    };
    assert_eq!(
        matrix.quick_wins,
        ["Shared car", "Postcode order", "WhatsApp swaps"]
    );
    let quadrants: Vec<Quadrant> = matrix.ideas.iter().map(|i| i.quadrant).collect();
    assert_eq!(
        quadrants,
        [
            Quadrant::QuickWin,
            Quadrant::QuickWin,
            Quadrant::MajorProject,
            Quadrant::FillIn,
            Quadrant::ThanklessTask,
            Quadrant::QuickWin,
        ]
    );
    let major: Vec<&str> = matrix
        .in_quadrant(Quadrant::MajorProject)
        .map(|i| i.idea.as_str())
        .collect();
    assert_eq!(major, ["Rota software"]);
}

#[test]
fn fishbone_groups_causes_in_fixed_order() {
    // Entered: method A, people B, environment C, method D.
    // Drawn:   people [B] · method [A, D] · machine [] · material []
    //          · measurement [] · environment [C]
    let tool = shipped("fishbone");
    let values = tool
        .validate(&form(&[
            ("effect", "Late buffets"),
            ("causes[0][category]", "method"),
            ("causes[0][cause]", "A"),
            ("causes[1][category]", "people"),
            ("causes[1][cause]", "B"),
            ("causes[2][category]", "environment"),
            ("causes[2][cause]", "C"),
            ("causes[3][category]", "method"),
            ("causes[3][cause]", "D"),
        ]))
        .unwrap();
    let Some(Computed::Fishbone(fish)) = tool.compute(&values) else {
        panic!("a fishbone");
    };
    assert_eq!(fish.effect.as_deref(), Some("Late buffets"));
    let bones: Vec<(Bone, Vec<&str>)> = fish
        .bones
        .iter()
        .map(|b| (b.bone, b.causes.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        bones,
        vec![
            (Bone::People, vec!["B"]),
            (Bone::Method, vec!["A", "D"]),
            (Bone::Machine, vec![]),
            (Bone::Material, vec![]),
            (Bone::Measurement, vec![]),
            (Bone::Environment, vec!["C"]),
        ]
    );
}

#[test]
fn tools_without_a_computed_output_compute_nothing() {
    let tool = shipped("pdsa");
    let values = tool
        .validate(&form(&[
            ("cycle", "2"),
            ("change", "Text ordering"),
            ("prediction", "Fewer unsold loaves"),
            ("plan", "Two Saturdays"),
        ]))
        .unwrap();
    assert_eq!(tool.compute(&values), None);
}
