//! End-to-end tests in headless Chromium through WebDriver, on a phone-sized
//! window. Every page visited is checked with axe-core for WCAG 2.2 AA.

use crate::on_both;
use crate::support::{PASSWORD, TestApp};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use ymarfer_domain::Lang;

pub struct Browser {
    pub c: Client,
    driver: Child,
    profile: PathBuf,
    axe: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn axe_source() -> String {
    let path = std::env::var("YMARFER_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("axe-core not found at {} ({e}). Run ./scripts/test, or `npm install axe-core` in the repository root.", path.display())
    })
}

impl Browser {
    pub async fn start() -> Browser {
        let axe = axe_source();
        let driver_bin =
            std::env::var("YMARFER_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let chromium =
            std::env::var("YMARFER_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin} ({e}). Run ./scripts/test, or install chromium and chromium-driver."));
        let profile = std::env::temp_dir().join(format!("ymarfer-chromium-{port}"));
        let caps = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=390,844",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let caps = match caps {
            serde_json::Value::Object(map) => map,
            _ => unreachable!(),
        };
        let mut last_err = String::new();
        for _ in 0..50 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => {
                    return Browser {
                        c,
                        driver,
                        profile,
                        axe,
                    };
                }
                Err(e) => last_err = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("cannot start a WebDriver session: {last_err}");
    }

    pub async fn goto(&self, url: &str) {
        self.c.goto(url).await.unwrap();
    }

    /// Runs axe-core on the page and fails on any WCAG 2.2 A/AA violation.
    pub async fn assert_accessible(&self, what: &str) {
        self.c
            .execute(&format!("{}\nreturn true;", self.axe), vec![])
            .await
            .unwrap();
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))))
              .catch(e => done('axe failed: ' + e));
        "#;
        let result = self.c.execute_async(script, vec![]).await.unwrap();
        let text = result.as_str().unwrap_or_default().to_string();
        assert_eq!(
            text,
            "[]",
            "axe-core violations on {what} ({}):\n{text}",
            self.url().await
        );
    }

    pub async fn url(&self) -> String {
        self.c
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    pub async fn path(&self) -> String {
        let u = self.c.current_url().await.unwrap();
        match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        }
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let el = self.c.find(Locator::Css(css)).await.unwrap();
        el.clear().await.unwrap();
        el.send_keys(value).await.unwrap();
    }

    pub async fn value(&self, css: &str) -> String {
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Clicks something that does not leave the page (a radio button, a checkbox).
    pub async fn click(&self, css: &str) {
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }

    /// Marks the current document, clicks, then waits until a new document has
    /// loaded, so that what follows never reads the page being left.
    async fn navigating(&self, locator: Locator<'_>) {
        self.c
            .execute("window.__ymarferOld = true; return true;", vec![])
            .await
            .unwrap();
        self.c.find(locator).await.unwrap().click().await.unwrap();
        for _ in 0..100 {
            let state = self
                .c
                .execute(
                    "return (window.__ymarferOld ? 'old' : document.readyState);",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_string));
            if state.as_deref() == Some("complete") {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the page did not change after clicking");
    }

    /// Clicks a button or link that loads another page, and waits for it.
    pub async fn submit(&self, css: &str) {
        self.navigating(Locator::Css(css)).await;
    }

    pub async fn click_link(&self, text: &str) {
        self.navigating(Locator::LinkText(text)).await;
    }

    pub async fn text(&self, css: &str) -> String {
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    pub async fn html_lang(&self) -> String {
        self.c
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    pub async fn close(self) {
        let _ = self.c.clone().close().await;
    }
}

async fn password_sign_in_and_language_switch(app: TestApp) {
    app.user("bethan@example.com", Lang::En, false).await;
    let b = Browser::start().await;
    b.goto(&app.url("/en")).await;
    b.assert_accessible("home").await;
    b.click_link("Sign in").await;
    assert_eq!(b.path().await, "/en/sign-in");
    b.assert_accessible("sign in").await;
    b.fill("#email", "bethan@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    assert_eq!(b.path().await, "/en");
    assert!(b.text("main").await.contains("Welcome back, Test Person."));
    b.assert_accessible("home, signed in").await;
    b.submit(".lang-switch").await;
    assert_eq!(b.path().await, "/cy");
    assert_eq!(b.html_lang().await, "cy");
    assert!(b.text("main").await.contains("Croeso'n ôl, Test Person."));
    b.assert_accessible("hafan").await;
    b.click_link("Eich proffil").await;
    assert_eq!(b.path().await, "/cy/profile");
    b.assert_accessible("proffil").await;
    b.submit(".lang-switch").await;
    assert_eq!(b.path().await, "/en/profile");
    assert_eq!(b.html_lang().await, "en");
    b.close().await;
}

async fn emailed_link_sign_in(app: TestApp) {
    app.user("ffion@example.com", Lang::Cy, false).await;
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#link_email", "ffion@example.com").await;
    b.submit("form[action='/cy/sign-in/link'] button").await;
    assert!(b.text("main").await.contains("Edrychwch ar eich e-bost"));
    b.assert_accessible("dolen wedi'i hanfon").await;
    let link = app.emailed_link("ffion@example.com");
    b.goto(&app.url(&link)).await;
    b.assert_accessible("cadarnhau dolen").await;
    b.submit("main form button").await;
    assert_eq!(b.path().await, "/cy");
    assert!(b.text("main").await.contains("Croeso'n ôl"));
    // The used link no longer works.
    b.goto(&app.url(&link)).await;
    assert!(
        b.text("h1")
            .await
            .contains("Nid yw'r ddolen hon yn gweithio mwyach")
    );
    b.assert_accessible("dolen wedi'i defnyddio").await;
    b.close().await;
}

async fn rejected_forms_keep_input_and_profile_changes(app: TestApp) {
    app.user("nia@example.com", Lang::En, true).await;
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "nia-at-example").await;
    b.fill("#password", "whatever it is").await;
    b.submit("form[action='/en/sign-in'] button").await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("Enter an email address in the correct format")
    );
    assert_eq!(
        b.value("#email").await,
        "nia-at-example",
        "what was typed is kept"
    );
    b.assert_accessible("sign in with errors").await;
    b.fill("#email", "nia@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;

    b.goto(&app.url("/en/profile")).await;
    b.fill("#display_name", "").await;
    b.submit("form[action='/en/profile'] button").await;
    assert!(b.text(".error-summary").await.contains("Enter your name."));
    b.assert_accessible("profile with errors").await;
    b.fill("#display_name", "Nia Wyn").await;
    b.click("#language-cy").await;
    b.submit("form[action='/en/profile'] button").await;
    assert_eq!(b.path().await, "/cy/profile?done=saved");
    assert!(
        b.text(".notice")
            .await
            .contains("Mae eich proffil wedi'i gadw.")
    );
    assert_eq!(b.value("#display_name").await, "Nia Wyn");

    b.goto(&app.url("/cy/admin/users")).await;
    b.assert_accessible("pobl").await;
    b.fill("#email", "dim-yn-gyfeiriad").await;
    b.fill("#display_name", "Gareth").await;
    b.submit("form[action='/cy/admin/users/invite'] button")
        .await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("Rhowch gyfeiriad e-bost yn y fformat cywir")
    );
    assert_eq!(b.value("#email").await, "dim-yn-gyfeiriad");
    assert_eq!(b.value("#display_name").await, "Gareth");
    b.assert_accessible("pobl, gyda gwallau").await;
    b.goto(&app.url("/cy/tudalen-goll")).await;
    b.assert_accessible("404").await;
    b.close().await;
}

on_both! {
    browser_sign_in_and_switch => super::password_sign_in_and_language_switch;
    browser_link_sign_in => super::emailed_link_sign_in;
    browser_forms_and_profile => super::rejected_forms_keep_input_and_profile_changes;
}
