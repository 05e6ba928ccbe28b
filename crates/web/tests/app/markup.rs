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

/// Words people typed in one language, shown on a page in the other without
/// `lang` saying so: for each page (named as for [`html_errors`], its
/// language from its path), every run of text that holds `marker[lang]` (a
/// word only text typed in that language holds) where the nearest `lang`
/// around it is not that language. Text in the page's `<head>` (its title
/// cannot carry another language) and in attributes is not looked at.
pub fn unmarked_language(pages: &[(String, String)], markers: &[(&str, &str)]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, html) in pages {
        let page_lang = if name.contains(" /cy") { "cy" } else { "en" };
        for (written, word) in markers {
            if *written == page_lang {
                continue;
            }
            for text in texts_outside(html, written, word) {
                found.push(format!(
                    "{name}: \"{text}\" is not marked lang=\"{written}\""
                ));
            }
        }
    }
    found
}

/// The runs of text in `html` holding `word` whose nearest `lang` is not `lang`.
fn texts_outside(html: &str, lang: &str, word: &str) -> Vec<String> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };
    use std::cell::RefCell;

    /// Elements with no end tag.
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];

    #[derive(Default)]
    struct Walk {
        /// Open elements: name, and the `lang` each sets (if any).
        open: Vec<(String, Option<String>)>,
        text: String,
        found: Vec<String>,
        lang: String,
        word: String,
    }

    impl Walk {
        fn lang_here(&self) -> Option<&str> {
            self.open.iter().rev().find_map(|(_, l)| l.as_deref())
        }

        fn end_text(&mut self) {
            let text = std::mem::take(&mut self.text);
            let in_head = self.open.iter().any(|(n, _)| n == "head" || n == "title");
            if !in_head
                && text.to_lowercase().contains(&self.word)
                && self.lang_here() != Some(self.lang.as_str())
            {
                self.found
                    .push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }

    struct Sink(RefCell<Walk>);

    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let mut w = self.0.borrow_mut();
            match token {
                Token::CharacterTokens(t) => w.text.push_str(&t),
                Token::TagToken(tag) => {
                    let name = tag.name.to_string();
                    // Inline elements inside a run of text (a highlighted word)
                    // do not end it; anything else does.
                    let inline = matches!(name.as_str(), "mark" | "strong" | "em" | "b" | "i");
                    if !inline {
                        w.end_text();
                    }
                    match tag.kind {
                        TagKind::StartTag => {
                            if !VOID.contains(&name.as_str()) && !tag.self_closing {
                                let lang = tag
                                    .attrs
                                    .iter()
                                    .find(|a| &*a.name.local == "lang")
                                    .map(|a| a.value.to_string());
                                w.open.push((name, lang));
                            }
                        }
                        TagKind::EndTag => {
                            if let Some(at) = w.open.iter().rposition(|(n, _)| *n == name) {
                                w.open.truncate(at);
                            }
                        }
                    }
                }
                Token::EOFToken => w.end_text(),
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }

    let sink = Sink(RefCell::new(Walk {
        lang: lang.to_string(),
        word: word.to_lowercase(),
        ..Default::default()
    }));
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    std::mem::take(&mut tokenizer.sink.0.borrow_mut().found)
}

#[test]
fn unmarked_language_finds_text_without_its_lang() {
    let page = |path: &str, body: &str| {
        (
            format!("Manager GET {path}"),
            format!(
                "<!DOCTYPE html><html lang=\"{}\"><head><title>Y becws</title></head><body>{body}</body></html>",
                &path[1..3]
            ),
        )
    };
    let markers = [("cy", "becws"), ("en", "bakery")];
    let found = unmarked_language(
        &[
            page(
                "/en/a",
                "<h1>Less waiting</h1><p>Aros yn y <mark>becws</mark></p>",
            ),
            page(
                "/en/b",
                "<p lang=\"cy\">Aros yn y <b>becws</b></p><img alt=\"becws\"><p>The bakery</p>",
            ),
            page(
                "/cy/c",
                "<ul><li lang=\"en\">The bakery</li><li>At the bakery</li></ul><p>Y becws</p>",
            ),
        ],
        &markers,
    );
    assert_eq!(
        found,
        [
            "Manager GET /en/a: \"Aros yn y becws\" is not marked lang=\"cy\"",
            "Manager GET /cy/c: \"At the bakery\" is not marked lang=\"en\"",
        ]
    );
}
