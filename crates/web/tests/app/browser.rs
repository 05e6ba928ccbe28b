//! End-to-end tests in headless Chromium through WebDriver, on a phone-sized
//! window. Every page visited is checked with axe-core for WCAG 2.2 AA.

use crate::on_both;
use crate::support::{PASSWORD, TestApp};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use ymarfer_app::fixtures::{Firm, Line};
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

    /// Runs axe-core on the page and fails on any WCAG 2.2 A/AA violation. With
    /// `YMARFER_SCREENSHOTS=DIR`, also saves a picture of the page for people to look at.
    pub async fn assert_accessible(&self, what: &str) {
        if let Ok(dir) = std::env::var("YMARFER_SCREENSHOTS") {
            let png = self.c.screenshot().await.unwrap();
            let name: String = what
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), png).unwrap();
        }
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

    /// What axe cannot see: the page reflows at 320 CSS pixels with no sideways
    /// scrolling, and its title names what is on it.
    pub async fn assert_reflows(&self, what: &str) {
        self.c.set_window_size(320, 800).await.unwrap();
        let (wide, title, width) = self
            .c
            .execute(
                "return [document.documentElement.scrollWidth - document.documentElement.clientWidth, document.title, window.innerWidth];",
                vec![],
            )
            .await
            .map(|v| {
                (
                    v[0].as_i64().unwrap_or(i64::MAX),
                    v[1].as_str().unwrap_or_default().to_string(),
                    v[2].as_i64().unwrap_or(i64::MAX),
                )
            })
            .unwrap();
        // What sticks out, to name in a failure.
        let culprit = if wide > 0 {
            self.c
                .execute(
                    "const w = window.innerWidth; const e = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).pop(); return e ? e.outerHTML.slice(0, 300) : '';",
                    vec![],
                )
                .await
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .unwrap_or_default()
        } else {
            String::new()
        };
        // No text is cut off by a box too small for it, and a table wider
        // than the screen says, above it, that it scrolls.
        let (clipped, silent) = self
            .c
            .execute(
                r#"window.dispatchEvent(new Event('resize'));
                const clipped = [...document.querySelectorAll('body *')].filter(e => {
                  const s = getComputedStyle(e);
                  if (e.clientWidth <= 1 || e.closest('.table-wrap, .visually-hidden, [aria-hidden="true"]') || !['hidden', 'clip'].includes(s.overflowX)) return false;
                  return e.scrollWidth > e.clientWidth + 1 && e.textContent.trim() !== '';
                }).map(e => e.outerHTML.slice(0, 200));
                const silent = [...document.querySelectorAll('.table-wrap')].filter(r =>
                  r.scrollWidth > r.clientWidth + 1 && !(r.previousElementSibling && r.previousElementSibling.classList.contains('scroll-hint')
                    && r.getAttribute('aria-describedby') === r.previousElementSibling.id && r.getAttribute('role') === 'region' && r.tabIndex === 0)
                ).map(e => e.outerHTML.slice(0, 200));
                const small = [...document.querySelectorAll('svg text')].filter(t => {
                  const svg = t.ownerSVGElement;
                  if (!svg || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) return false;
                  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                  return t.textContent.trim() !== '' && parseFloat(getComputedStyle(t).fontSize) * scale < 13.5;
                }).map(t => t.textContent.slice(0, 40));
                return [clipped, silent.concat(small.map(t => 'chart text under 14 px: ' + t))];"#,
                vec![],
            )
            .await
            .map(|v| (v[0].to_string(), v[1].to_string()))
            .unwrap();
        self.c.set_window_size(390, 844).await.unwrap();
        assert_eq!(
            clipped,
            "[]",
            "{what}: text cut off at 320 px ({})",
            self.url().await
        );
        assert_eq!(
            silent,
            "[]",
            "{what}: a table scrolls at 320 px without saying so ({})",
            self.url().await
        );
        assert!(width <= 320, "the window is {width} px wide, not 320");
        assert!(
            wide <= 0,
            "{what} is {wide} px wider than a 320 px window ({}): {culprit}",
            self.url().await
        );
        assert!(
            title.ends_with(" – Ymarfer") && title.len() > " – Ymarfer".len() + 3,
            "{what} has the title “{title}”"
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
        // A marker in the page: gone once a new page loads, or once htmx swaps in
        // the new content of a boosted form.
        self.c
            .execute(
                "var m = document.createElement('span'); m.id = 'ymarfer-old'; m.hidden = true; \
                 (document.querySelector('main') || document.body).appendChild(m); return true;",
                vec![],
            )
            .await
            .unwrap();
        // A live page may be redrawn by the server's events between finding
        // the button and clicking it: find it again.
        let mut clicked = false;
        for _ in 0..20 {
            if let Ok(el) = self.c.find(locator).await
                && el.click().await.is_ok()
            {
                clicked = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            clicked,
            "could not click {locator:?} on {}",
            self.url().await
        );
        for _ in 0..100 {
            let state = self
                .c
                .execute(
                    "return document.getElementById('ymarfer-old') ? 'old' : document.readyState;",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_string));
            if state.as_deref() == Some("complete") {
                tokio::time::sleep(Duration::from_millis(50)).await;
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

    /// The page's title, and the class of the element that has the focus.
    pub async fn focus_and_title(&self) -> (String, String) {
        let title = self.c.title().await.unwrap();
        let focused = self
            .c
            .execute("return document.activeElement.className;", vec![])
            .await
            .unwrap();
        (title, focused.as_str().unwrap_or_default().to_string())
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
    // The refusal is announced: the title says so first, and the summary
    // has the focus, so the next Tab reaches its links.
    let (title, focused) = b.focus_and_title().await;
    assert!(title.starts_with("Error: "), "{title}");
    assert!(focused.contains("error-summary"), "focus on {focused}");
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

/// Sets a field's value by script, for inputs (date and time pickers) that typing
/// cannot reliably fill.
async fn set_value(b: &Browser, css: &str, value: &str) {
    b.c.execute(
        "document.querySelector(arguments[0]).value = arguments[1]; return true;",
        vec![serde_json::json!(css), serde_json::json!(value)],
    )
    .await
    .unwrap();
}

async fn manager_and_facilitator_run_a_cohort(app: TestApp) {
    crate::support::manager(&app, "rheolwr@example.com").await;
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "rheolwr@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    b.click_link("Programmes").await;
    b.assert_accessible("programmes").await;
    b.click_link("Start a programme").await;
    b.assert_accessible("new programme").await;
    b.fill("#name_en", "Circular Wales").await;
    b.fill("#name_cy", "Cymru Gylchol").await;
    b.fill("#cost", "49000").await;
    b.submit("main form button").await;
    assert_eq!(b.path().await, "/en/programmes/circular-wales");
    b.assert_accessible("programme").await;
    b.click_link("Add a cohort").await;
    b.fill("#name_en", "North").await;
    b.fill("#name_cy", "Gogledd").await;
    b.assert_accessible("new cohort").await;
    b.submit("main form button").await;
    assert_eq!(
        b.path().await,
        "/en/programmes/circular-wales/cohorts/north"
    );
    b.assert_accessible("cohort, empty").await;

    // Import people from a file, with a preview first.
    b.click_link("Import people from CSV").await;
    b.assert_accessible("import").await;
    let file = app.data_dir.join("people.csv");
    let mut csv = String::from(
        "email,name,language,organisation,companies_house,sector,employee_band,area,hourly_rate_gbp\n",
    );
    for i in 0..8 {
        csv.push_str(&format!(
            "p{i}@example.cymru,Person {i},cy,Cwmni {},,{},micro,Gwynedd,\n",
            i % 4,
            ['C', 'I'][i % 2]
        ));
    }
    csv.push_str("hwylusydd@example.cymru,Hywel,cy,Cwmni 0,,C,micro,Gwynedd,\n");
    std::fs::write(&file, csv).unwrap();
    b.c.find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(&file.display().to_string())
        .await
        .unwrap();
    b.submit("main form button").await;
    assert!(
        b.text("main")
            .await
            .contains("9 people are ready to import.")
    );
    b.assert_accessible("import preview").await;
    b.click("#invite").await;
    b.submit("main form button").await;
    assert!(b.text(".notice").await.contains("imported"));
    b.assert_accessible("cohort with people").await;

    // Make Hywel a facilitator instead, through the invitation form.
    let hywel = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("hwylusydd@example.cymru").unwrap())
        .await
        .unwrap()
        .unwrap();
    let cohort = app.db.my_cohorts(hywel.id).await.unwrap()[0].cohort_id;
    app.db.withdraw(cohort, hywel.id, None, "").await.unwrap();
    b.goto(&app.url("/en/programmes/circular-wales/cohorts/north"))
        .await;
    b.fill("#email", "hwylusydd@example.cymru").await;
    b.c.find(Locator::Css("#role option[value='facilitator']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.submit("form[action$='/people'] button").await;
    assert!(b.text(".notice").await.contains("Done."));

    // Schedule a session.
    b.click_link("Schedule a session").await;
    b.assert_accessible("new session").await;
    b.fill("#title", "Mapping your process").await;
    set_value(&b, "#starts_at", "2027-06-10T10:00").await;
    set_value(&b, "#ends_at", "2027-06-10T12:30").await;
    b.fill("#agenda", "1. Welcome\n2. **SIPOC** in pairs").await;
    b.submit("main form button").await;
    assert!(b.text("main").await.contains("10 June 2027 10:00–12:30"));
    b.assert_accessible("session").await;
    b.close().await;

    // The facilitator, in Welsh: takes the register and proposes sets.
    let hash = ymarfer_app::passwords::hash(PASSWORD.into()).await.unwrap();
    app.db
        .set_password_hash(hywel.id, &hash, None, |_| None)
        .await
        .unwrap();
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "hwylusydd@example.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    assert!(
        b.text("main").await.contains("Mapping your process"),
        "next session on the home page"
    );
    b.assert_accessible("hafan hwylusydd").await;
    b.click_link("Gogledd").await;
    b.assert_accessible("carfan").await;
    b.click_link("Mapping your process").await;
    // The register in one move, then an exception in one tap.
    b.submit("button[name='everyone'][value='present']").await;
    assert!(
        b.text(".notice")
            .await
            .contains("Mae'r gofrestr wedi'i chadw.")
    );
    let marks = b.text(".register-rows").await;
    assert!(
        !marks.contains("Heb ei nodi") && marks.contains("Yn bresennol"),
        "{marks}"
    );
    b.submit(".register-row button[name='mark'][value$='-apologies']")
        .await;
    assert!(b.text(".register-rows").await.contains("Ymddiheuriadau"));
    b.assert_accessible("sesiwn gyda chofrestr").await;
    b.assert_reflows("sesiwn gyda chofrestr").await;
    b.goto(&app.url("/cy/programmes/circular-wales/cohorts/north/sets"))
        .await;
    b.submit("form[action$='/propose'] button").await;
    assert!(b.text("main").await.contains("Set dysgu 1"));
    b.assert_accessible("setiau").await;
    b.close().await;
}

async fn participant_learns_by_doing_on_a_phone(app: TestApp) {
    let (_, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = Firm::named("Garej Glan")
        .sector('G')
        .band(ymarfer_domain::innovation::EmployeeBand::Small)
        .area("conwy")
        .add(&app.db, programme)
        .await
        .unwrap();
    let me = app.user("gwen@garej.cymru", Lang::Cy, false).await;
    app.db
        .enrol(programme, cohort, me.id, Some(org.id), None)
        .await
        .unwrap();
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "gwen@garej.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    b.goto(&app.url(&format!("/cy/programmes/{slug}/cohorts/cohort-1/projects")))
        .await;
    b.assert_accessible("prosiectau").await;
    b.click_link("Dechrau prosiect her").await;
    b.assert_accessible("prosiect newydd").await;
    b.fill("#title", "Chwilio am rannau").await;
    b.fill("#problem", "Awr y dydd yn chwilio am rannau.").await;
    b.c.find(Locator::Css(
        "#business_function option[value='production']",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    b.fill("#aim_measure", "Amser chwilio").await;
    b.fill("#aim_unit", "munud").await;
    b.fill("#aim_baseline", "60").await;
    b.fill("#aim_target", "30").await;
    b.submit("main form button").await;
    assert!(b.path().await.starts_with("/cy/projects/"));
    let project = b.path().await;
    b.assert_accessible("prosiect").await;

    // The value stream map, in English: a bad value first, then the real map.
    b.goto(&app.url(&format!(
        "{}/tools/value-stream-map",
        project.replacen("/cy/", "/en/", 1)
    )))
    .await;
    b.assert_accessible("value stream map, empty").await;
    b.fill("#product_family", "Car servicing").await;
    for (i, (step, pt, lt, pca)) in [
        ("Take the order", "10", "60", "90"),
        ("Find the parts", "20", "240", "140"),
    ]
    .iter()
    .enumerate()
    {
        // One empty row is offered; "Add a row" brings another, keeping what
        // was typed, without saving.
        if i > 0 {
            b.submit("button[value='add:steps']").await;
            assert_eq!(b.value("#steps-0-step").await, "Take the order");
        }
        b.fill(&format!("#steps-{i}-step"), step).await;
        b.fill(&format!("#steps-{i}-process_time"), pt).await;
        b.fill(&format!("#steps-{i}-lead_time"), lt).await;
        b.fill(&format!("#steps-{i}-pca"), pca).await;
    }
    b.submit("#tool-save").await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("Enter 100 or less.")
    );
    assert_eq!(
        b.value("#steps-1-pca").await,
        "140",
        "what was typed is kept"
    );
    assert!(
        b.text(".error-summary")
            .await
            .contains("%C&A (complete and accurate) 2: Enter 100 or less."),
        "the summary names the field"
    );
    b.assert_accessible("value stream map with errors").await;
    b.fill("#steps-1-pca", "80").await;
    b.submit("#tool-save").await;
    let text = b.text("main").await;
    // ΣPT 30, ΣLT 300: activity ratio 10.0%; rolled %C&A 0.9 × 0.8 = 72.0%.
    assert!(text.contains("10.0%") && text.contains("72.0%"), "{text}");
    b.assert_accessible("value stream map, computed").await;

    // Two cycles: adapt, then adopt.
    b.goto(&app.url(&format!("{project}/cycles/new"))).await;
    b.assert_accessible("cylch newydd").await;
    b.fill("#change_idea", "Labelu'r silffoedd").await;
    b.fill("#prediction", "40 munud").await;
    b.fill("#study", "45 munud; mae'r labeli'n disgyn").await;
    b.c.find(Locator::Css("#decision option[value='adapt']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.submit("main form button").await;
    b.click_link("Dechrau'r cylch nesaf ar sail y newid hwn")
        .await;
    assert_eq!(b.value("#change_idea").await, "Labelu'r silffoedd");
    b.fill("#change_idea", "Tagiau wedi'u hysgythru").await;
    b.fill("#study", "28 munud").await;
    b.c.find(Locator::Css("#decision option[value='adopt']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.submit("main form button").await;
    b.assert_accessible("cylch").await;

    // Readings, and the run chart.
    for (on, v) in [
        ("2026-10-11", "60"),
        ("2026-10-18", "41"),
        ("2026-10-25", "28"),
    ] {
        b.goto(&app.url(&project)).await;
        set_value(&b, "#taken_on", on).await;
        b.fill("#value", v).await;
        b.submit("#reading-form button").await;
    }
    assert!(b.c.find(Locator::Css("svg.run-chart")).await.is_ok());
    assert!(b.text("#measures-section").await.contains("28"));
    b.assert_accessible("prosiect gyda siart").await;
    b.close().await;
}

async fn impact_dashboard_in_both_languages(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: "Demo".into(),
        name_cy: "Demo".into(),
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        cost_pence: 100_000,
        default_hourly_rate_pence: 2000,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    app.db.update_programme(p.id, &input).await.unwrap();
    let org = Firm::named("Becws")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Queue", "testing", "cohort").await;
    let line = Line::monthly("Less waste", 25_000)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap())
        .verified();
    line.add(&app.db, project.id, manager.id).await.unwrap();
    // And a claim waiting to be verified.
    let claimed = line.description("Fewer deliveries").claimed();
    let claim = claimed.add(&app.db, project.id, None).await.unwrap();
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "rheolwr@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    b.goto(&app.url(&format!("/en/programmes/{}/impact", p.slug)))
        .await;
    // £250 a month: £3,000 in the first year on a cost of £1,000; covered by the end of May.
    let text = b.text("main").await;
    assert!(
        text.contains("£3,000.00")
            && text.contains("3.0 : 1")
            && text.contains("covered the cost by 31 May 2026"),
        "{text}"
    );
    b.assert_accessible("impact dashboard").await;
    b.click(".lang-switch").await;
    b.goto(&app.url(&format!("/cy/programmes/{}/impact", p.slug)))
        .await;
    assert!(b.text("main").await.contains("erbyn 31 Mai 2026"));
    b.assert_accessible("dangosfwrdd effaith").await;
    // The additionality settings, in Welsh: a figure out of range is refused
    // on the page itself, then the settings saved show on the dashboard.
    b.goto(&app.url(&format!("/cy/programmes/{}/additionality", p.slug)))
        .await;
    b.assert_accessible("gosodiadau ychwanegedd").await;
    b.fill("#deadweight", "120").await;
    b.submit("main form button").await;
    assert!(b.text("main").await.contains("Rhowch ganran o 0 i 100"));
    b.assert_accessible("gosodiadau ychwanegedd wedi'u gwrthod")
        .await;
    b.fill("#deadweight", "20").await;
    b.fill("#deadweight_source", "Achos busnes, 2025").await;
    b.submit("main form button").await;
    b.goto(&app.url(&format!("/cy/programmes/{}/impact", p.slug)))
        .await;
    let text = b.text("main").await;
    assert!(
        text.contains("Achos busnes, 2025") && text.contains("£2,400.00"),
        "net £3,000.00 × 0.8: {text}"
    );
    b.assert_accessible("dangosfwrdd effaith net").await;
    b.goto(&app.url(&format!("/en/projects/{}", project.id)))
        .await;
    b.assert_accessible("project with ledger").await;
    b.goto(&app.url(&format!("/en/projects/{}/benefits/new", project.id)))
        .await;
    b.assert_accessible("new benefit line").await;
    // The verifier's way: the queue, then the claim's page, then a note.
    b.goto(&app.url(&format!("/cy/programmes/{}/claims", p.slug)))
        .await;
    assert!(b.text("main").await.contains("Fewer deliveries"));
    b.assert_accessible("hawliadau i'w dilysu").await;
    b.goto(&app.url(&format!(
        "/en/projects/{}/benefits/{claim}/verify",
        project.id
    )))
    .await;
    b.submit("main form button").await;
    assert!(b.text("main").await.contains("This cannot be empty."));
    b.assert_accessible("verification refused without a note")
        .await;
    b.fill("#note", "Delivery notes for three months seen.")
        .await;
    b.submit("main form button").await;
    assert!(
        b.text("#ledger-section")
            .await
            .contains("Delivery notes for three months seen."),
        "the note is shown with the line"
    );
    b.goto(&app.url(&format!(
        "/cy/projects/{}/benefits/{claim}/reopen",
        project.id
    )))
    .await;
    b.assert_accessible("dychwelyd i wedi'i hawlio").await;
    b.close().await;
}

/// Each role's day, on a phone: a participant goes from her home to her
/// project's next step in one click and logs a cycle (in Welsh); a facilitator
/// clears the queue of claimed savings with notes (in English); the manager
/// finds the headline figures on her home (in both).
async fn each_roles_day_on_a_phone(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = Firm::named("Becws Bach")
        .band(ymarfer_domain::innovation::EmployeeBand::Small)
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let nia = app.user("nia@becws.cymru", Lang::Cy, false).await;
    app.db
        .enrol(programme, cohort, nia.id, Some(org.id), None)
        .await
        .unwrap();
    let project =
        crate::support::project(&app, cohort, org.id, "Ciw'r bore", "testing", "cohort").await;
    app.db
        .save_application(project.id, "five-whys", 1, "{}", Some(nia.id))
        .await
        .unwrap();
    let mut c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    c.language = ymarfer_domain::programme::DeliveryLanguage::English;
    app.db
        .update_cohort(
            cohort,
            &ymarfer_store::programmes::CohortInput {
                slug: c.slug.clone(),
                name_en: c.name_en.clone(),
                name_cy: c.name_cy.clone(),
                starts_on: c.starts_on,
                ends_on: c.ends_on,
                capacity: c.capacity,
                delivery_mode: c.delivery_mode,
                region: c.region,
                cost_share_pence: c.cost_share_pence,
                language: c.language,
            },
        )
        .await
        .unwrap();
    let start = chrono::Utc::now() + chrono::Duration::days(7);
    app.db
        .create_meeting(
            cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Mapping the process".into(),
                kind: ymarfer_domain::programme::SessionKind::Workshop,
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let facilitator = app.user("ffion@example.com", Lang::En, false).await;
    app.db
        .grant(
            facilitator.id,
            ymarfer_domain::Role::Facilitator,
            ymarfer_domain::Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    let claim = |description: &str, pence: i64| Line::monthly(description, pence);
    Line::add_all(
        &app.db,
        &[
            (project.id, claim("Less bread thrown away", 20_000)),
            (project.id, claim("Fewer paper bags", 5_000)),
        ],
        nia.id,
    )
    .await
    .unwrap();

    // The participant, in Welsh: home, one click to the next step, a cycle logged.
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "nia@becws.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    assert_eq!(b.path().await, "/cy");
    b.assert_accessible("hafan cyfranogwr").await;
    b.assert_reflows("hafan cyfranogwr").await;
    let session =
        b.c.find(Locator::Css("main a[href*='/sessions/']"))
            .await
            .unwrap();
    assert_eq!(session.text().await.unwrap(), "Mapping the process");
    assert_eq!(
        b.c.find(Locator::Css("main span[lang='en']"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "Mapping the process",
        "an English session title is marked as English on a Welsh page"
    );
    b.click_link("cynllunio cylch profi a dysgu").await;
    assert_eq!(
        b.path().await,
        format!("/cy/projects/{}/cycles/new", project.id),
        "one click from home to the next step"
    );
    b.assert_accessible("cylch newydd o'r hafan").await;
    b.fill("#change_idea", "Bagio'r deg torth gyntaf cyn agor")
        .await;
    b.fill("#prediction", "Llai na phedair munud o aros").await;
    b.submit("main form button").await;
    assert!(b.text("main").await.contains("Mae'r cylch wedi'i gadw."));
    b.assert_accessible("cylch wedi'i gadw").await;
    b.assert_reflows("cylch wedi'i gadw").await;
    for (page, path) in [
        ("prosiect", format!("/cy/projects/{}", project.id)),
        (
            "map ffrwd werth",
            format!("/cy/projects/{}/tools/value-stream-map", project.id),
        ),
        (
            "asgwrn pysgodyn",
            format!("/cy/projects/{}/tools/fishbone", project.id),
        ),
        ("effaith", format!("/cy/programmes/{slug}/impact")),
    ] {
        b.goto(&app.url(&path)).await;
        b.assert_accessible(page).await;
        b.assert_reflows(page).await;
    }
    // Home now leads to finishing that cycle.
    b.goto(&app.url("/cy")).await;
    assert!(b.text("main").await.contains("gorffen cylch 1"));
    b.close().await;

    // The facilitator, in English: the queue from home, each claim verified with a note.
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "ffion@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    b.assert_accessible("facilitator home").await;
    b.click_link("2 claimed savings to verify").await;
    assert_eq!(b.path().await, format!("/en/programmes/{slug}/claims"));
    b.assert_accessible("queue of claims").await;
    b.assert_reflows("queue of claims").await;
    for (description, note) in [
        (
            "Less bread thrown away",
            "Bakery waste log for six weeks seen.",
        ),
        (
            "Fewer paper bags",
            "Supplier invoices before and after seen.",
        ),
    ] {
        b.click_link(description).await;
        let text = b.text("main").await;
        assert!(text.contains(description), "{text}");
        b.assert_accessible("verify a claim").await;
        b.assert_reflows("verify a claim").await;
        b.fill("#note", note).await;
        b.submit("main form button").await;
        assert_eq!(
            b.path().await,
            format!("/en/programmes/{slug}/claims?done=verified"),
            "back to the queue"
        );
    }
    let text = b.text("main").await;
    assert!(
        text.contains("No claimed savings are waiting to be verified."),
        "{text}"
    );
    b.assert_accessible("queue cleared").await;
    b.close().await;
    let history = app.db.current_lines(programme, None).await.unwrap();
    assert!(history.iter().all(|l| {
        l.v.status == ymarfer_domain::impact::Status::Verified
            && l.v.verified_by == Some(facilitator.id)
            && l.v
                .verify_note
                .as_deref()
                .is_some_and(|n| n.ends_with("seen."))
    }));

    // The manager: headline figures and cohorts at a glance on her home, in
    // her language, then in the other.
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "rheolwr@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    let text = b.text("main").await;
    // £200 + £50 a month: £3,000 verified in the first year.
    assert!(
        text.contains("Verified")
            && text.contains("£3,000.00")
            && text.contains("Cohorts at a glance"),
        "{text}"
    );
    b.assert_accessible("manager home").await;
    b.assert_reflows("manager home").await;
    b.goto(&app.url(&format!("/en/programmes/{slug}/cohorts/cohort-1/import")))
        .await;
    b.assert_accessible("import people").await;
    b.assert_reflows("import people").await;
    b.goto(&app.url("/cy")).await;
    let text = b.text("main").await;
    assert!(
        text.contains("£3,000.00") && text.contains("Y carfanau ar yr olwg gyntaf"),
        "{text}"
    );
    b.assert_accessible("hafan rheolwr").await;
    b.close().await;
    let _ = manager;
}

/// A newcomer takes the health check on a phone: from the home page in one
/// click, eight answers, and a result naming tools, similar firms and cohorts;
/// in Welsh, then in English.
async fn health_check_on_a_phone(app: TestApp) {
    let b = Browser::start().await;
    for (lang, start, next, result, answers) in [
        (
            "cy",
            "Gwneud y gwiriad iechyd arloesi",
            "Nesaf",
            "Gweld fy nghanlyniad",
            ["C", "micro", "gwynedd", "no", "no", "no", "no"],
        ),
        (
            "en",
            "Take the innovation health check",
            "Next",
            "See my result",
            ["G", "small", "powys", "yes", "no", "no", "yes"],
        ),
    ] {
        b.goto(&app.url(&format!("/{lang}"))).await;
        b.click_link(start).await;
        assert_eq!(b.path().await, format!("/{lang}/health-check"));
        b.assert_accessible(&format!("health check intro {lang}"))
            .await;
        b.assert_reflows(&format!("health check intro {lang}"))
            .await;
        b.submit("main form button").await;
        for (i, answer) in answers.iter().enumerate() {
            if i == 0 {
                let label =
                    b.c.find(Locator::Css("button[name='next']:not(.visually-hidden)"))
                        .await
                        .unwrap()
                        .text()
                        .await
                        .unwrap();
                assert_eq!(label, next);
                // Going on without an answer says what to do, and keeps the screen.
                b.submit("button[name='next']:not(.visually-hidden)").await;
                assert!(b.c.find(Locator::Css(".error-summary")).await.is_ok());
                b.assert_accessible(&format!("health check error {lang}"))
                    .await;
            }
            b.click(&format!("input[value='{answer}']")).await;
            if i == 3 {
                b.assert_accessible(&format!("health check yes/no {lang}"))
                    .await;
                b.assert_reflows(&format!("health check yes/no {lang}"))
                    .await;
            }
            b.submit("button[name='next']:not(.visually-hidden)").await;
        }
        // The pain points: any number.
        b.click("input[value='waiting']").await;
        b.click("input[value='paperwork']").await;
        b.assert_accessible(&format!("health check pains {lang}"))
            .await;
        let last =
            b.c.find(Locator::Css("button[name='next']:not(.visually-hidden)"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
        assert_eq!(last, result);
        b.submit("button[name='next']:not(.visually-hidden)").await;
        assert!(b.path().await.ends_with("/result"));
        let text = b.text("main").await;
        let expected = if lang == "cy" {
            [
                "Heb ddechrau arloesi eto",
                "Map ffrwd werth",
                "Mae gan lai na 10",
                "Carfanau",
            ]
        } else {
            [
                "Innovation active",
                "Process map",
                "Fewer than 10",
                "Cohorts you could join",
            ]
        };
        for e in expected {
            assert!(text.contains(e), "{e}: {text}");
        }
        b.assert_accessible(&format!("health check result {lang}"))
            .await;
        b.assert_reflows(&format!("health check result {lang}"))
            .await;
    }
    b.close().await;
}

/// A firm owner, in Welsh on a phone, from the home page to her first
/// project: the health check, her details left for the cohort near her, the
/// thank-you page that says what happens next; the manager invites her; she
/// accepts the emailed invitation, and starts her challenge project from her
/// home page.
async fn firm_owner_joins_on_a_phone(app: TestApp) {
    let (_, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    crate::health::open_cohort(&app, cohort).await;
    let b = Browser::start().await;
    b.goto(&app.url("/cy")).await;
    b.click_link("Gwneud y gwiriad iechyd arloesi").await;
    b.submit("main form button").await;
    for answer in ["C", "micro", "gwynedd", "no", "no", "no", "no"] {
        b.click(&format!("input[value='{answer}']")).await;
        b.submit("button[name='next']:not(.visually-hidden)").await;
    }
    b.click("input[value='waiting']").await;
    b.submit("button[name='next']:not(.visually-hidden)").await;
    assert!(b.path().await.ends_with("/result"));
    b.fill("#name", "Nia Jones").await;
    b.fill("#email", "nia@becws.cymru").await;
    b.fill("#phone", "01970 123456").await;
    b.fill("#organisation", "Becws Nia").await;
    let choose = format!(
        "document.querySelector('#cohort').value = '{cohort}'; return document.querySelector('#cohort').value;"
    );
    assert_eq!(
        b.c.execute(&choose, vec![]).await.unwrap().as_str(),
        Some(cohort.to_string().as_str())
    );
    b.click("input[name='consent']").await;
    b.submit("#interest button[type='submit']").await;
    assert!(b.path().await.ends_with("/thanks"), "{}", b.path().await);
    let text = b.text("main").await;
    for e in [
        "Diolch: mae eich manylion gennym",
        "Beth sy'n digwydd nesaf",
        "Bydd y tîm sy'n rhedeg Canolbarth Cymru yn darllen eich manylion",
        "drwy e-bost neu ar y ffôn, yn Gymraeg",
    ] {
        assert!(text.contains(e), "{e}: {text}");
    }
    b.assert_accessible("thank-you page cy").await;
    b.assert_reflows("thank-you page cy").await;

    // The manager invites her to the cohort she chose.
    let lead = app.db.leads_of(Some(programme)).await.unwrap()[0].id;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let res = m
        .post(
            &format!("/en/programmes/{slug}/leads/{lead}/invite"),
            &[("cohort", &cohort.to_string())],
        )
        .await;
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);

    // She accepts, and starts her project from her home page.
    b.goto(&app.url(&app.emailed_link("nia@becws.cymru"))).await;
    b.assert_accessible("invitation cy").await;
    b.fill("#password", "bara brith a the").await;
    b.fill("#confirm", "bara brith a the").await;
    b.submit("main form button[type='submit']").await;
    assert_eq!(b.path().await, "/cy");
    let home = b.text("main").await;
    assert!(home.contains("Canolbarth Cymru"), "{home}");
    b.assert_accessible("first home cy").await;
    b.assert_reflows("first home cy").await;
    let start =
        b.c.find(Locator::Css("main a[href*='/projects/new']"))
            .await
            .expect("her home offers to start a project");
    start.click().await.unwrap();
    b.fill("#title", "Llai o aros am y popty").await;
    b.fill("#problem", "Mae'r bara yn aros awr am y popty bob bore.")
        .await;
    b.c.execute(
        "const s = document.querySelector('#business_function'); s.selectedIndex = 1; return s.value;",
        vec![],
    )
    .await
    .unwrap();
    b.submit("main form button[type='submit']").await;
    let at = b.path().await;
    assert!(at.contains("/projects/") && !at.ends_with("/new"), "{at}");
    let main = b.text("main").await;
    assert!(main.contains("Llai o aros am y popty"), "{main}");
    b.assert_accessible("first project cy").await;
    b.assert_reflows("first project cy").await;
    b.close().await;
}

/// The cohort space on a phone: a participant posts a photo of her process
/// map (in Welsh) and asks a peer for feedback; he gives it (in English); she
/// records a commitment at a session and checks in at the next.
async fn learning_together_on_a_phone(app: TestApp) {
    let (_, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let mut people = Vec::new();
    for (email, name, firm, lang) in [
        ("siwan@becws.cymru", "Siwan Evans", "Becws Siwan", Lang::Cy),
        (
            "gareth@garage.wales",
            "Gareth Jones",
            "Gareth's Garage",
            Lang::En,
        ),
    ] {
        let org = Firm::named(firm)
            .area("gwynedd")
            .add(&app.db, programme)
            .await
            .unwrap();
        let user = app.user(email, lang, false).await;
        app.db.update_profile(user.id, name, lang).await.unwrap();
        app.db
            .enrol(programme, cohort, user.id, Some(org.id), None)
            .await
            .unwrap();
        people.push(user);
    }
    let meeting = |days: i64, title: &str| ymarfer_store::schedule::MeetingInput {
        title: title.into(),
        kind: ymarfer_domain::programme::SessionKind::Workshop,
        starts_at: chrono::Utc::now() + chrono::Duration::days(days),
        ends_at: chrono::Utc::now() + chrono::Duration::days(days) + chrono::Duration::hours(2),
        ..Default::default()
    };
    let first = app
        .db
        .create_meeting(cohort, &meeting(-1, "Mapio'r broses"))
        .await
        .unwrap()
        .id;
    let next = app
        .db
        .create_meeting(cohort, &meeting(14, "Profi newid"))
        .await
        .unwrap()
        .id;
    let photo =
        std::env::temp_dir().join(format!("ymarfer-map-{}.png", people[0].id * 1000 + first));
    std::fs::write(&photo, crate::space::png()).unwrap();

    // Siwan, in Welsh: from her home to the space, and a photo of her map.
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "siwan@becws.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    b.click_link("Gofod y garfan: rhannu a dysgu gyda'ch gilydd")
        .await;
    let space = format!("/cy/programmes/{slug}/cohorts/cohort-1/space");
    assert_eq!(b.path().await, space);
    b.assert_accessible("gofod y garfan, gwag").await;
    b.assert_reflows("gofod y garfan").await;
    b.fill(
        "#body",
        "Dyma ein map proses. Ble mae'r aros, yn eich barn chi?",
    )
    .await;
    b.c.find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(&photo.display().to_string())
        .await
        .unwrap();
    b.submit("form[enctype='multipart/form-data'] button[type='submit']")
        .await;
    assert!(b.path().await.starts_with(&format!("{space}?done=posted")));
    assert!(b.text("[role='status']").await.contains("Wedi'i phostio"));
    let thumb =
        b.c.find(Locator::Css("ul.files img"))
            .await
            .unwrap()
            .attr("alt")
            .await
            .unwrap()
            .unwrap_or_default();
    assert!(thumb.starts_with("Llun: ymarfer-map-"), "{thumb}");
    // With a post in it, the space opens on its posts: the form to write
    // another is folded away, so the first post is on the phone's first screen.
    let top = b
        .c
        .execute(
            "return [document.querySelector('article.post').getBoundingClientRect().top, document.querySelector('details.compose').open];",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        top[0].as_f64().unwrap_or(f64::MAX) < 844.0 && top[1] == serde_json::Value::Bool(false),
        "the first post starts {top:?} down a 844 px phone screen"
    );
    let loaded: bool =
        b.c.execute(
            "return document.querySelector('ul.files img').naturalWidth > 0;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false);
    assert!(loaded, "the thumbnail is served to her");
    b.assert_accessible("gofod y garfan, llun").await;
    b.click_link("Dim sylwadau").await;
    b.assert_accessible("eitem").await;
    b.click(&format!("#ask-{}", people[1].id)).await;
    b.submit("form[action$='/ask'] button").await;
    assert!(
        b.text("[role='status']")
            .await
            .contains("Anfonwyd eich cais")
    );
    b.close().await;

    // Gareth, in English: the request on his home, and his feedback.
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "gareth@garage.wales").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    b.click_link("1 person asked for your feedback").await;
    b.assert_accessible("notices").await;
    b.click_link("Siwan Evans asked for your feedback on “Dyma ein map proses. Ble mae'r aros, yn eich barn chi?”").await;
    b.assert_accessible("item to give feedback on").await;
    let body_lang: String =
        b.c.execute(
            "return document.querySelector('article.post .prose').getAttribute('lang');",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(body_lang, "cy", "her Welsh is marked on his English page");
    b.submit("#give-feedback + form button, form[action$='/feedback'] button")
        .await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("Write at least one of")
    );
    b.assert_accessible("feedback refused").await;
    b.fill("#strong", "The photo makes the waiting obvious.")
        .await;
    b.fill("#question", "How long does an order wait before cutting?")
        .await;
    b.fill("#suggestion", "Time five orders this week.").await;
    b.submit("form[action$='/feedback'] button").await;
    assert!(b.text("[role='status']").await.contains("Feedback sent"));
    assert!(
        b.text("#feedback-heading + article")
            .await
            .contains("The photo makes the waiting obvious.")
    );
    b.assert_reflows("item with feedback").await;
    b.close().await;

    // Siwan again: a commitment at this session, a check-in at the next.
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "siwan@becws.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    let sessions = format!("/cy/programmes/{slug}/cohorts/cohort-1/sessions");
    b.goto(&app.url(&format!("{sessions}/{first}"))).await;
    b.fill("#commitment", "Amseru pum archeb yr wythnos hon")
        .await;
    b.submit("form[action$='/commitments'] button").await;
    assert!(
        b.text("[role='status']")
            .await
            .contains("Cofnodwyd yr ymrwymiad")
    );
    b.assert_accessible("sesiwn, ymrwymiad").await;
    b.goto(&app.url(&format!("{sessions}/{next}"))).await;
    assert!(
        b.text("form.checkin legend")
            .await
            .contains("Amseru pum archeb yr wythnos hon"),
        "the next session asks her about it"
    );
    b.click("input[name='status'][value='partly']").await;
    b.fill(
        "textarea[name='note']",
        "Tair archeb: roedd yr aros yn hirach ar ddydd Llun",
    )
    .await;
    b.submit("form[action$='/check-in'] button").await;
    assert!(
        b.text("[role='status']")
            .await
            .contains("Cofnodwyd eich diweddariad")
    );
    let rhythm = b.text("section[aria-labelledby='rhythm-heading']").await;
    assert!(
        rhythm.contains("Yn rhannol") && rhythm.contains("roedd yr aros yn hirach"),
        "{rhythm}"
    );
    b.assert_accessible("sesiwn nesaf, diweddariad").await;
    b.assert_reflows("sesiwn nesaf").await;
    b.close().await;
    let _ = std::fs::remove_file(photo);
}

/// Every page of learning together, on a phone, passes axe and reflows at
/// 320 px: the space with its filters, an item, its edit form, the notices,
/// the learning log, engagement, search, the showcase and an unsubscribe page.
async fn learning_together_pages_pass_axe(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = Firm::named("Becws Bach")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let siwan = app.user("siwan@becws.cymru", Lang::Cy, false).await;
    app.db
        .update_profile(siwan.id, "Siwan Evans", Lang::Cy)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, siwan.id, Some(org.id), None)
        .await
        .unwrap();
    let project = crate::support::project(
        &app,
        cohort,
        org.id,
        "Aros am flawd",
        "sustaining",
        "public",
    )
    .await;
    app.db
        .approve_public(project.id, Some(manager.id))
        .await
        .unwrap();
    let item = |author, body: &'static str, parent| ymarfer_store::space::NewItem {
        cohort,
        parent,
        author,
        kind: if parent.is_some() {
            ymarfer_domain::space::ItemKind::Comment
        } else {
            ymarfer_domain::space::ItemKind::Post
        },
        project: None,
        tool_id: None,
        ref_id: None,
        body,
        lang: Lang::Cy,
        alumni: None,
    };
    let post = app
        .db
        .add_item(
            &item(siwan.id, "Blawd yn hwyr **eto**. Syniadau?", None),
            &[],
        )
        .await
        .unwrap();
    app.db
        .add_item(
            &item(manager.id, "Beth am archebu ar ddydd Llun?", Some(post)),
            &[(siwan.id, ymarfer_domain::space::NoticeKind::Comment)],
        )
        .await
        .unwrap();
    app.db
        .add_reflection(siwan.id, cohort, "Mesur yn gyntaf.")
        .await
        .unwrap();
    let token = app.db.unsubscribe_token(siwan.id).await.unwrap();
    let space = format!("/programmes/{slug}/cohorts/cohort-1/space");
    // Stored attempts at script: in a name, a comment and a file's name.
    let attack = "document.title='pwned'";
    let evil = app.user("evil@example.com", Lang::En, false).await;
    app.db
        .update_profile(
            evil.id,
            &format!("<img src=x onerror=\"{attack}\">Evil"),
            Lang::En,
        )
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, evil.id, Some(org.id), None)
        .await
        .unwrap();
    let body: &'static str = Box::leak(
        format!("<script>{attack}</script><img src=x onerror=\"{attack}\"> [click](javascript:{attack}) <b onmouseover=\"{attack}\">bold</b>")
            .into_boxed_str(),
    );
    app.db
        .add_item(&item(evil.id, body, Some(post)), &[])
        .await
        .unwrap();
    let photo = ymarfer_app::files::prepare(
        &format!("<svg onload=\"{attack}\">.png"),
        &crate::space::png(),
    )
    .unwrap();
    let photo = app.state.files.put(photo).await.unwrap();
    app.db
        .add_item_with(&item(evil.id, "A photo", None), &[], &[photo])
        .await
        .unwrap();

    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "siwan@becws.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    // Rendered inert: nothing ran, no element came from the attempts, and the
    // name reads as the text it is.
    for path in [format!("/cy/posts/{post}"), format!("/cy{space}")] {
        b.goto(&app.url(&path)).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let (title, injected, text): (String, i64, String) = b
            .c
            .execute(
                "return [document.title, document.querySelectorAll(\"img[src='x'], svg[onload], main script, a[href^='javascript'], [onmouseover]\").length, document.querySelector('main').textContent];",
                vec![],
            )
            .await
            .map(|v| {
                (
                    v[0].as_str().unwrap_or_default().to_string(),
                    v[1].as_i64().unwrap_or(-1),
                    v[2].as_str().unwrap_or_default().to_string(),
                )
            })
            .unwrap();
        assert!(!title.contains("pwned"), "{path}: {title}");
        assert_eq!(injected, 0, "{path}: markup from people's words");
        assert!(
            text.contains("<img src=x onerror="),
            "{path}: the name shown as text"
        );
    }
    for (what, path) in [
        ("gofod, wedi'i hidlo", format!("/cy{space}?kind=post")),
        ("eitem", format!("/cy/posts/{post}")),
        ("golygu", format!("/cy/posts/{post}/edit")),
        ("hysbysiadau", "/cy/notices".to_string()),
        ("dyddlyfr", "/cy/log".to_string()),
        ("chwilio", "/cy/search?q=blawd".to_string()),
    ] {
        b.goto(&app.url(&path)).await;
        b.assert_accessible(what).await;
        b.assert_reflows(what).await;
    }
    b.close().await;
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "rheolwr@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    for (what, path) in [
        (
            "engagement",
            format!("/en/programmes/{slug}/cohorts/cohort-1/engagement"),
        ),
        ("space in English", format!("/en{space}")),
        ("search in English", "/en/search?q=blawd".to_string()),
    ] {
        b.goto(&app.url(&path)).await;
        b.assert_accessible(what).await;
        b.assert_reflows(what).await;
    }
    b.close().await;
    // Signed out: the showcase and an emailed unsubscribe link.
    let b = Browser::start().await;
    for (what, path) in [
        ("showcase", format!("/en/programmes/{slug}/showcase")),
        (
            "arddangosfa",
            format!("/cy/programmes/{slug}/showcase?sector=C"),
        ),
        ("unsubscribe", format!("/cy/unsubscribe/{token}")),
    ] {
        b.goto(&app.url(&path)).await;
        b.assert_accessible(what).await;
        b.assert_reflows(what).await;
    }
    assert!(b.text("main").await.contains("Atal y negeseuon hyn"));
    b.close().await;
    // An administrator's view of how the instance runs.
    ymarfer_app::jobs::run_due(&app.state, chrono::Utc::now())
        .await
        .unwrap();
    app.user("admin@example.com", Lang::En, true).await;
    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "admin@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    for (what, path) in [
        ("jobs", "/en/admin/jobs"),
        ("rhaglenni a'u timau", "/cy/admin/programmes"),
        ("ciw post", "/cy/admin/mail"),
    ] {
        b.goto(&app.url(path)).await;
        b.assert_accessible(what).await;
        b.assert_reflows(what).await;
    }
    b.close().await;
}

/// A programme manager makes an API token in Welsh, sees it once, and reads
/// the API's page in both languages: axe-checked, and reflowed at 320 px.
async fn tokens_and_api_pages_pass_axe(app: TestApp) {
    let (programme, _) = app
        .db
        .create_programme_with_cohort("cyllid", "Cyllid")
        .await
        .unwrap();
    let user = app.user("rheolwr@example.com", Lang::Cy, false).await;
    app.db
        .grant(
            user.id,
            ymarfer_domain::Role::ProgrammeManager,
            ymarfer_domain::Scope::Programme(programme),
        )
        .await
        .unwrap();
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "rheolwr@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    b.goto(&app.url("/cy/profile")).await;
    b.navigating(Locator::LinkText("Rheoli tocynnau")).await;
    b.assert_accessible("tocynnau").await;
    b.assert_reflows("tocynnau").await;
    // Refused first: the name is missing.
    b.submit("form[action='/cy/profile/tokens'] button").await;
    assert!(b.text("main").await.contains("Rhowch enw i'r tocyn."));
    b.assert_accessible("tocyn wedi'i wrthod").await;
    b.fill("#name", "Adroddiad Power BI").await;
    b.submit("form[action='/cy/profile/tokens'] button").await;
    let secret: String =
        b.c.execute(
            "return document.querySelector('#token-secret').value;",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(secret.starts_with("ymf_"), "{secret}");
    b.assert_accessible("tocyn newydd").await;
    b.assert_reflows("tocyn newydd").await;
    b.close().await;
    // The token works, read-only for every programme she can see.
    let (status, me) = crate::api::call(&app, "GET", "/api/v1/me", Some(&secret), None).await;
    assert_eq!(status, 200);
    assert_eq!(me["write"], false);
    let b = Browser::start().await;
    for (what, path) in [("API", "/en/api"), ("API yn Gymraeg", "/cy/api")] {
        b.goto(&app.url(path)).await;
        b.assert_accessible(what).await;
        b.assert_reflows(what).await;
    }
    assert!(b.text("main").await.contains("Cofnodi cofrestr sesiwn"));
    b.close().await;
    // The scenario planner, declining and then projecting.
    let b = Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "rheolwr@example.com").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    b.goto(&app.url("/cy/programmes/cyllid")).await;
    b.navigating(Locator::LinkText("Cynllunydd senarios")).await;
    assert!(
        b.text("main")
            .await
            .contains("mae angen o leiaf 10 ar ragamcan")
    );
    b.assert_accessible("cynllunydd, yn gwrthod").await;
    let cohort = app.db.cohorts_of(programme).await.unwrap()[0].id;
    let verifier = app.user("dilyswr@example.com", Lang::En, true).await;
    crate::scenarios::firms_with_verified_savings(&app, programme, cohort, 0..12, verifier.id)
        .await;
    b.goto(&app.url("/cy/programmes/cyllid/scenarios")).await;
    b.fill("#dropout", "200").await;
    b.submit("form[action='/cy/programmes/cyllid/scenarios'] button")
        .await;
    assert!(b.text("main").await.contains("Rhowch rif cyfan o 0 i 100."));
    b.assert_accessible("cynllunydd, gwall").await;
    b.fill("#dropout", "20").await;
    b.submit("form[action='/cy/programmes/cyllid/scenarios'] button")
        .await;
    assert!(b.text("main").await.contains("Fesul blwyddyn"));
    b.assert_accessible("cynllunydd").await;
    b.assert_reflows("cynllunydd").await;
    b.goto(&app.url("/en/programmes/cyllid/scenarios?years=10"))
        .await;
    b.assert_accessible("scenario planner").await;
    b.assert_reflows("scenario planner").await;
    b.close().await;
}

/// Picks an option of a select by its value.
async fn choose(b: &Browser, select: &str, value: &str) {
    b.click(&format!("{select} option[value='{value}']")).await;
}

/// A participant's loop from her home, on a phone: a first tool, the next
/// steps it offers, a cycle, a commitment and a claim, each save landing on a
/// page that says what was saved and what comes next, and the home gathering
/// them; the home passes axe and reflows at 320 px at the start and the end.
async fn participant_loop_from_home_on_a_phone(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = Firm::named("Swyddfa Sali")
        .area("ceredigion")
        .add(&app.db, programme)
        .await
        .unwrap();
    let sali = app.user("sali@swyddfa.cymru", Lang::En, false).await;
    app.db
        .enrol(programme, cohort, sali.id, Some(org.id), None)
        .await
        .unwrap();
    let project =
        crate::support::project(&app, cohort, org.id, "Slow invoices", "testing", "cohort").await;
    let meeting = |days: i64, title: &str| ymarfer_store::schedule::MeetingInput {
        title: title.into(),
        kind: ymarfer_domain::programme::SessionKind::Workshop,
        starts_at: chrono::Utc::now() + chrono::Duration::days(days),
        ends_at: chrono::Utc::now() + chrono::Duration::days(days) + chrono::Duration::hours(2),
        ..Default::default()
    };
    let kickoff = app
        .db
        .create_meeting(cohort, &meeting(-7, "Kick-off"))
        .await
        .unwrap()
        .id;
    let review = app
        .db
        .create_meeting(cohort, &meeting(7, "Review day"))
        .await
        .unwrap()
        .id;

    let b = Browser::start().await;
    b.goto(&app.url("/en/sign-in")).await;
    b.fill("#email", "sali@swyddfa.cymru").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/en/sign-in'] button").await;
    assert_eq!(b.path().await, "/en");
    b.assert_accessible("participant home, at the start").await;
    b.assert_reflows("participant home, at the start").await;

    // The first tool of the toolkit, one click from home.
    b.click_link("apply a first tool to the problem").await;
    assert_eq!(
        b.path().await,
        format!("/en/projects/{}/tools/sipoc", project.id)
    );
    for (field, value) in [
        ("#process_name", "Invoicing"),
        ("#start", "A job is finished"),
        ("#end", "The invoice is paid"),
        ("#suppliers", "The workshop"),
        ("#inputs", "Job sheets"),
        ("#process_steps-0-step", "Type the invoice"),
        ("#outputs", "An invoice"),
        ("#customers", "Our clients"),
    ] {
        b.fill(field, value).await;
    }
    b.submit("#tool-save").await;
    assert!(
        b.path().await.ends_with("?done=saved"),
        "{}",
        b.path().await
    );
    let next = b.text(".next-steps").await;
    assert!(next.contains("Apply the next tool: Process map"), "{next}");
    b.assert_accessible("tool saved, with next steps").await;
    b.assert_reflows("tool saved, with next steps").await;

    // A cycle from it, which offers a reading next.
    b.click_link("Start a test-and-learn cycle from what this showed")
        .await;
    assert_eq!(
        b.path().await,
        format!("/en/projects/{}/cycles/new", project.id)
    );
    b.fill("#change_idea", "Invoice the day the job ends").await;
    b.fill("#prediction", "Paid a week sooner").await;
    b.submit("main form button").await;
    assert!(b.text("main").await.contains("The cycle is saved."));
    assert!(
        b.text(".next-steps")
            .await
            .contains("Record a reading of your measure")
    );
    b.assert_accessible("cycle saved, with next steps").await;

    // A commitment at the session that has begun, which points to her home.
    b.goto(&app.url(&format!(
        "/en/programmes/{slug}/cohorts/cohort-1/sessions/{kickoff}"
    )))
    .await;
    b.fill("#commitment", "Send every invoice the same day")
        .await;
    b.submit("form[action$='/commitments'] button").await;
    assert!(b.text("main").await.contains("Commitment recorded."));
    b.assert_accessible("commitment saved").await;

    // A claim, which points to her home too.
    b.goto(&app.url(&format!("/en/projects/{}/benefits/new", project.id)))
        .await;
    b.fill("#description", "Less time chasing payments").await;
    choose(&b, "#category", "labour_time").await;
    choose(&b, "#frequency", "monthly").await;
    set_value(&b, "#starts_on", "2026-11-02").await;
    choose(&b, "#status", "claimed").await;
    b.fill("#amount", "120").await;
    b.submit("main form button[type='submit']").await;
    assert!(
        b.text("main")
            .await
            .contains("The benefit line has been saved.")
    );
    b.assert_accessible("claim saved, with next steps").await;

    // Her question to answer arrives as a notice, counted in the navigation.
    let line = app.db.benefit_history(project.id).await.unwrap()[0].line_id;
    ymarfer_app::claims::query(
        &app.state,
        &app.acting(manager.id).await,
        ymarfer_app::claims::Seen {
            project: project.id,
            line,
            version: 1,
            note: "Which invoices?",
        },
    )
    .await
    .unwrap();
    b.click_link("Follow your claims on your home page").await;
    assert_eq!(b.path().await, "/en");
    let count = b.text("nav .unread-count").await;
    assert!(
        count.starts_with('1') && count.contains("unread notice"),
        "{count}"
    );
    let main = b.text("main").await;
    for shown in [
        "SIPOC",
        "Tool to try next: Process map",
        "Send every invoice the same day",
        "check in at Review day",
        "Less time chasing payments: Queried",
        "Answer the question",
    ] {
        assert!(main.contains(shown), "the home shows “{shown}”: {main}");
    }
    assert!(
        b.c.find(Locator::Css(&format!(
            "main a[href$='/sessions/{review}#rhythm-heading']"
        )))
        .await
        .is_ok()
    );
    b.assert_accessible("participant home, with her loop").await;
    b.assert_reflows("participant home, with her loop").await;
    b.close().await;
}

on_both! {
    browser_learning_together_pages => super::learning_together_pages_pass_axe;
    browser_tokens_and_api => super::tokens_and_api_pages_pass_axe;
    browser_health_check => super::health_check_on_a_phone;
    browser_firm_owner_joins => super::firm_owner_joins_on_a_phone;
    browser_learning_together => super::learning_together_on_a_phone;
    browser_roles_day => super::each_roles_day_on_a_phone;
    browser_sign_in_and_switch => super::password_sign_in_and_language_switch;
    browser_link_sign_in => super::emailed_link_sign_in;
    browser_forms_and_profile => super::rejected_forms_keep_input_and_profile_changes;
    browser_run_a_cohort => super::manager_and_facilitator_run_a_cohort;
    browser_learn_by_doing => super::participant_learns_by_doing_on_a_phone;
    browser_impact => super::impact_dashboard_in_both_languages;
    browser_participant_loop => super::participant_loop_from_home_on_a_phone;
}
