//! Welsh and English are complete and in step: every message exists in both
//! languages, every file parses, and every key the code or templates use exists.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out
}

fn keys(lang: &str) -> BTreeSet<String> {
    let re = Regex::new(r"(?m)^([a-zA-Z][a-zA-Z0-9_-]*)\s*=").unwrap();
    let mut keys = BTreeSet::new();
    for file in files(&root().join("../app/locales").join(lang), "ftl") {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Err((_, errors)) =
            fluent_templates::fluent_bundle::FluentResource::try_new(text.clone())
        {
            panic!("{} does not parse: {errors:?}", file.display());
        }
        for c in re.captures_iter(&text) {
            assert!(
                keys.insert(c[1].to_string()),
                "{} defines {} twice",
                file.display(),
                &c[1]
            );
        }
    }
    keys
}

#[test]
fn both_languages_have_every_message() {
    let en = keys("en");
    let cy = keys("cy");
    assert!(en.len() > 50, "English messages were found");
    let missing_cy: Vec<_> = en.difference(&cy).collect();
    let missing_en: Vec<_> = cy.difference(&en).collect();
    assert!(
        missing_cy.is_empty(),
        "missing in Welsh (locales/cy): {missing_cy:?}"
    );
    assert!(
        missing_en.is_empty(),
        "missing in English (locales/en): {missing_en:?}"
    );
}

#[test]
fn every_key_used_exists() {
    let en = keys("en");
    let call =
        Regex::new(r#"(?:\bt|\bt1|\bcount|\btitled|\bmessage|\bargs)\(\s*"([a-z][a-z0-9-]*)""#)
            .unwrap();
    let literal =
        Regex::new(r#""((?:error|role|email|month|language|field|status|import|impact|innovation|employee|tool|toolkit|done|ledger)-[a-z0-9-]+)""#).unwrap();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut sources = files(&root().join("templates"), "html");
    sources.extend(files(&root().join("src"), "rs"));
    sources.extend(files(&root().join("../domain/src"), "rs"));
    sources.extend(files(&root().join("../app/src"), "rs"));
    for file in &sources {
        let text = std::fs::read_to_string(file).unwrap();
        for c in call.captures_iter(&text) {
            used.insert(c[1].to_string());
        }
        let rust = file.extension().is_some_and(|e| e == "rs");
        for c in literal.captures_iter(&text).filter(|_| rust) {
            let key = c[1].to_string();
            // Email keys name a family: subject and body.
            if key.starts_with("email-") && !en.contains(&key) {
                used.insert(format!("{key}-subject"));
                used.insert(format!("{key}-body"));
            } else {
                used.insert(key);
            }
        }
    }
    // Keys built at run time from coded values.
    use ymarfer_domain::programme::{Attendance, DeliveryMode, SessionKind};
    use ymarfer_domain::projects::{CycleDecision, ProjectStatus, Visibility};
    used.extend(
        ProjectStatus::ALL
            .iter()
            .map(|v| v.message_id().to_string()),
    );
    used.extend(Visibility::ALL.iter().map(|v| v.message_id().to_string()));
    used.extend(
        CycleDecision::ALL
            .iter()
            .map(|v| v.message_id().to_string()),
    );
    used.extend(DeliveryMode::ALL.iter().map(|v| v.message_id().to_string()));
    used.extend(
        ymarfer_domain::programme::DeliveryLanguage::ALL
            .iter()
            .map(|v| v.message_id().to_string()),
    );
    used.extend(SessionKind::ALL.iter().map(|v| v.message_id().to_string()));
    used.extend(Attendance::ALL.iter().map(|v| v.message_id().to_string()));
    used.extend(
        ymarfer_domain::engagement::SpaceEventKind::ALL
            .iter()
            .map(|v| v.message_id().to_string()),
    );
    for column in ymarfer_domain::import::COLUMNS {
        used.insert(format!("import-column-{}", column.replace('_', "-")));
    }
    for done in [
        "saved",
        "team-added",
        "invited",
        "withdrawn",
        "readmitted",
        "imported",
        "attendance",
        "approved",
        "reading",
        "benefit",
        "verified",
    ] {
        used.insert(format!("done-{done}"));
    }
    // Keys built at run time.
    for m in 1..=12 {
        used.insert(format!("month-{m}"));
    }
    for l in ["en", "cy"] {
        used.insert(format!("language-{l}"));
    }
    let error_pages: Vec<String> = used
        .iter()
        .filter(|k| k.starts_with("error-") && en.contains(&format!("{k}-detail")))
        .cloned()
        .collect();
    assert!(
        error_pages.len() >= 8,
        "error pages have details: {error_pages:?}"
    );
    // Tool ids look like keys but are file names.
    let tool_ids: Vec<String> = files(&root().join("../../toolkit"), "toml")
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    used.retain(|k| !tool_ids.contains(k));
    let missing: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
    assert!(used.len() > 50);
}

#[test]
fn welsh_is_not_english_copied() {
    // A message identical in both languages is usually a forgotten translation.
    let read = |lang: &str| -> Vec<(String, String)> {
        let re = Regex::new(r"(?m)^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.+)$").unwrap();
        files(&root().join("../app/locales").join(lang), "ftl")
            .iter()
            .flat_map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                re.captures_iter(&text)
                    .map(|c| (c[1].to_string(), c[2].trim().to_string()))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let en: std::collections::HashMap<_, _> = read("en").into_iter().collect();
    let same: Vec<_> = read("cy")
        .into_iter()
        .filter(|(k, v)| {
            v.split_whitespace().count() > 1 && en.get(k) == Some(v) && !v.starts_with('{')
        })
        .map(|(k, _)| k)
        .collect();
    assert!(
        same.is_empty(),
        "Welsh messages identical to English: {same:?}"
    );
}

/// Every message of a locale: key → text, continuation lines included.
fn messages(lang: &str) -> std::collections::BTreeMap<String, String> {
    let start = Regex::new(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=(.*)$").unwrap();
    let mut out = std::collections::BTreeMap::new();
    for file in files(&root().join("../app/locales").join(lang), "ftl") {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if let Some(c) = start.captures(line) {
                current = Some(c[1].to_string());
                out.insert(c[1].to_string(), c[2].to_string());
            } else if line.starts_with(' ')
                && let Some(key) = &current
            {
                out.entry(key.clone()).and_modify(|t: &mut String| {
                    t.push(' ');
                    t.push_str(line.trim());
                });
            } else if !line.trim().is_empty() {
                current = None;
            }
        }
    }
    out
}

/// The glossary's table of renderings not used: (English, [rejected Welsh]).
fn rejected_renderings() -> Vec<(String, Vec<String>)> {
    let glossary = std::fs::read_to_string(root().join("../../docs/glossary.md")).unwrap();
    let section = glossary
        .split("## Renderings not used")
        .nth(1)
        .expect("the glossary lists renderings not used")
        .split("\n## ")
        .next()
        .unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| English") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let not = cells[2]
                .split(',')
                .map(|w| w.trim().to_lowercase())
                .collect();
            (cells[0].to_lowercase(), not)
        })
        .collect()
}

#[test]
fn welsh_uses_the_glossary_terms() {
    let en = messages("en");
    let cy = messages("cy");
    let rules = rejected_renderings();
    assert!(
        rules.len() >= 5,
        "the glossary's rules were read: {rules:?}"
    );
    let word = |w: &str| Regex::new(&format!(r"(?i)\b{}\b", regex::escape(w))).unwrap();
    let mut wrong = Vec::new();
    for (term, not) in &rules {
        let english = word(term);
        for (key, text) in &en {
            if !english.is_match(text) {
                continue;
            }
            let welsh = cy.get(key).map(String::as_str).unwrap_or_default();
            for w in not {
                if word(w).is_match(welsh) {
                    wrong.push(format!("{key}: \"{term}\" as \"{w}\" in: {welsh}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "renderings the glossary rejects:\n{}",
        wrong.join("\n")
    );
    // The rule bites: a message that says "verified" as "dilys" is found.
    assert!(
        word("dilys").is_match("canlyniadau dilys") && !word("dilys").is_match("wedi'u dilysu")
    );
}
