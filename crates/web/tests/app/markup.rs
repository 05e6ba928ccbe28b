//! Valid HTML: pages are checked by the W3C Nu Html Checker (`vnu-jar`, from
//! npm beside axe-core, run by the Java that `./scripts/test` installs). All
//! pages go to one run of the checker, so Java starts once.

use std::path::PathBuf;
use std::process::Command;

/// The checker's jar, or a failure saying how to get it.
fn vnu_jar() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        path.is_file(),
        "the Nu Html Checker is not at {}. Run ./scripts/test, or `npm ci` in the repository root.",
        path.display()
    );
    path
}

/// Every error the Nu Html Checker finds in `pages` (a name for each page,
/// such as `Manager GET /en/programmes`, and its HTML), one line each, naming
/// the page, the line and column, the message and the markup around it.
pub fn html_errors(pages: &[(String, String)]) -> Vec<String> {
    if pages.is_empty() {
        return Vec::new();
    }
    let dir = std::env::temp_dir().join(format!(
        "ymarfer-html-{}",
        &ymarfer_store::secret::new_secret().0[..12]
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (i, (_, html)) in pages.iter().enumerate() {
        let file = dir.join(format!("page-{i}.html"));
        std::fs::write(&file, html).unwrap();
        files.push(file);
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .unwrap_or_else(|e| {
            panic!("could not run `java` for the Nu Html Checker ({e}). Run ./scripts/test, which installs default-jre-headless.")
        });
    // The report is on standard error; it exits 1 when it found errors.
    let report: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "the Nu Html Checker gave no report ({e}), status {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    });
    std::fs::remove_dir_all(&dir).ok();
    let mut errors = Vec::new();
    for message in report["messages"].as_array().expect("messages") {
        let kind = message["type"].as_str().unwrap_or_default();
        // Warnings are left out by --errors-only; "non-document-error" is the
        // checker failing to read a file, which is an error too.
        if kind == "info" {
            continue;
        }
        let url = message["url"].as_str().unwrap_or_default();
        let page = url
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_prefix("page-"))
            .and_then(|f| f.strip_suffix(".html"))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| pages.get(i))
            .map_or(url, |(name, _)| name.as_str());
        errors.push(format!(
            "{page}, line {}:{}: {} [{}]",
            message["lastLine"],
            message["firstColumn"],
            message["message"].as_str().unwrap_or_default(),
            message["extract"]
                .as_str()
                .unwrap_or_default()
                .replace('\n', " ")
        ));
    }
    assert!(
        output.status.success() || !errors.is_empty(),
        "the Nu Html Checker failed ({}) without naming an error: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    errors
}

/// The check fails when it should: a page with errors is reported, by name,
/// and a valid one is not.
#[test]
fn the_checker_reports_invalid_markup_by_page() {
    let valid = r#"<!DOCTYPE html><html lang="en"><head><title>Fine</title></head><body><p data-hx-get="/en">A page</p><select name="c"><option value="" label="Choose"></option></select><time datetime="2026-01-02T03:04:05Z">then</time></body></html>"#;
    let invalid = r#"<!DOCTYPE html><html lang="en"><head><title>Not fine</title></head><body><p hx-get="/en">A page</p><select name="c"><option value=""></option></select><time datetime="2026-01-02T03:04:05.123456789Z">then</time></body></html>"#;
    let errors = html_errors(&[
        ("valid page".into(), valid.into()),
        ("invalid page".into(), invalid.into()),
    ]);
    assert!(
        errors.iter().all(|e| e.starts_with("invalid page, ")),
        "{errors:#?}"
    );
    for fault in ["hx-get", "option", "datetime"] {
        assert!(
            errors.iter().any(|e| e.contains(fault)),
            "no error about {fault}: {errors:#?}"
        );
    }
}
