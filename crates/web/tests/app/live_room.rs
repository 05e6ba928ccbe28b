//! The room itself, in real browsers: a projector and three phones (one in
//! Welsh), each its own headless Chromium. The facilitator runs a silent
//! brainstorm onto a fishbone from the projector view; the phones write,
//! the notes are revealed and voted on, a timer runs and "I'm done" counts
//! reach three, with every screen redrawn by the server's events, not by
//! reloading. Afterwards each firm's fishbone has a new version with its own
//! causes and the cohort space has the ranked result. Every view is checked
//! with axe-core and reflowed at 320 pixels.

use crate::browser::Browser;
use crate::on_both;
use crate::support::{PASSWORD, TestApp};
use fantoccini::Locator;
use std::time::Duration;
use ymarfer_domain::Lang;

async fn signed_in(app: &TestApp, email: &str, lang: &str) -> Browser {
    let b = Browser::start().await;
    b.goto(&app.url(&format!("/{lang}/sign-in"))).await;
    b.fill("#email", email).await;
    b.fill("#password", PASSWORD).await;
    b.submit(&format!("form[action='/{lang}/sign-in'] button"))
        .await;
    b
}

/// Waits (up to five seconds) for the element's text to hold `want`, with
/// no reload: what the server's events redraw.
async fn shows(b: &Browser, css: &str, want: &str) {
    let mut last = String::new();
    for _ in 0..50 {
        if let Ok(el) = b.c.find(Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if last.contains(want) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{css} on {} did not come to show {want:?}; it shows {last:?}",
        b.url().await
    );
}

async fn a_projector_and_three_phones_run_a_brainstorm(app: TestApp) {
    let r = crate::live::room(&app).await;
    // A third phone: a colleague of the first firm's participant.
    let cai = app.user("cai@example.com", Lang::En, false).await;
    let programme = app.db.programme_by_slug("byw").await.unwrap().unwrap().id;
    app.db
        .enrol(programme, r.cohort, cai.id, Some(r.firms[0]), None)
        .await
        .unwrap();

    // The facilitator starts the room from the session's page and plans a
    // silent brainstorm onto the fishbone, two votes each.
    let screen = signed_in(&app, "hwylusydd@example.com", "en").await;
    screen
        .goto(&app.url(&format!(
            "/en/programmes/byw/cohorts/cohort-1/sessions/{}",
            r.session
        )))
        .await;
    screen
        .submit(&format!(
            "form[action='/en/programmes/byw/cohorts/cohort-1/sessions/{}/live'] button",
            r.session
        ))
        .await;
    let path = screen.path().await;
    let code = path
        .trim_start_matches("/en/live/")
        .trim_end_matches("/screen")
        .to_string();
    assert_eq!(code.len(), 6, "started at {path}");
    screen
        .c
        .find(Locator::Css("#tool"))
        .await
        .unwrap()
        .select_by_value("fishbone")
        .await
        .unwrap();
    screen.fill("#prompt", "Why are deliveries late?").await;
    screen.fill("#votes", "2").await;
    screen.submit("form[action$='/plan'] button").await;
    screen
        .submit("#controls form[action$='/advance'] button")
        .await;
    shows(&screen, "#live", "Why are deliveries late?").await;
    screen.assert_accessible("live projector").await;

    // Three phones join and write, each in its own language.
    let mut phones = Vec::new();
    for (email, lang, heading, note) in [
        (
            "alys@example.com",
            "en",
            "people",
            "Only one driver knows the routes",
        ),
        (
            "bryn@example.com",
            "cy",
            "method",
            "Dim taflen daith ysgrifenedig",
        ),
        (
            "cai@example.com",
            "en",
            "material",
            "Pallets wait for shrink wrap",
        ),
    ] {
        let phone = signed_in(&app, email, lang).await;
        phone.goto(&app.url(&format!("/{lang}/live/{code}"))).await;
        phone.submit("form[action$='/join'] button").await;
        phone
            .c
            .find(Locator::Css("#heading"))
            .await
            .unwrap()
            .select_by_value(heading)
            .await
            .unwrap();
        phone.fill("#body", note).await;
        phone.submit("#write button").await;
        // Silent: the phone shows its own note.
        shows(&phone, "#board", note).await;
        phones.push((phone, lang, note));
    }
    // The projector counts the notes as they come, and shows none of them.
    shows(&screen, ".live-written", "3").await;
    let hidden = screen.text("#live").await;
    assert!(!hidden.contains("Only one driver"), "{hidden}");
    for (phone, lang, _) in &phones {
        phone
            .assert_accessible(&format!("live phone writing ({lang})"))
            .await;
    }
    // Each phone sees only its own note while the room writes.
    let first = phones[0].0.text("#board").await;
    assert!(!first.contains("Dim taflen daith"), "{first}");

    // Revealed: every phone is redrawn with everyone's notes, the Welsh one
    // marked as Welsh on an English phone.
    screen
        .submit("#controls form[action$='/advance'] button")
        .await;
    for (phone, _, _) in &phones {
        for (_, _, note) in &phones {
            shows(phone, "#board", note).await;
        }
    }
    let welsh_note = phones[0]
        .0
        .c
        .find(Locator::XPath(
            "//*[@id='board']//span[contains(., 'Dim taflen daith')]",
        ))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(welsh_note.as_deref(), Some("cy"));

    // The vote, with a timer on every screen.
    screen
        .submit("#controls form[action$='/advance'] button")
        .await;
    screen.fill("#minutes", "2").await;
    screen.submit("form[action$='/timer'] button").await;
    for (phone, _, _) in &phones {
        shows(phone, ".live-votes", "").await;
        // The timer, seen on every phone.
        shows(phone, ".live-timer", "").await;
    }
    // Everyone votes for the first firm's driver problem; Bryn also for his own.
    for (phone, _, _) in &phones {
        phone.submit(".live-votes li:first-child form button").await;
    }
    phones[1]
        .0
        .submit(".live-votes li:nth-child(2) form button:not(.secondary)")
        .await;
    // "I'm done", counted on the projector as it comes.
    for (phone, lang, _) in &phones {
        phone.submit("form[action$='/done'] button").await;
        phone
            .assert_accessible(&format!("live phone voted ({lang})"))
            .await;
    }
    shows(&screen, "#live", "3 finished").await;
    screen.assert_accessible("live projector voting").await;
    screen.assert_reflows("live projector voting").await;
    for (phone, lang, _) in &phones {
        phone.assert_reflows(&format!("live phone ({lang})")).await;
    }

    // Closed: each firm's fishbone gains a version with its own causes; the
    // cohort space has the ranked result.
    screen
        .submit("#controls form[action$='/advance'] button")
        .await;
    let causes = |project: i64| {
        let app = &app;
        async move {
            let apps = app.db.applications(project).await.unwrap();
            let fishbone = apps
                .iter()
                .rev()
                .find(|a| a.tool_id == "fishbone")
                .expect("a fishbone version");
            fishbone.data.clone()
        }
    };
    let first_firm = causes(r.projects[0]).await;
    assert!(
        first_firm.contains("Only one driver knows the routes"),
        "{first_firm}"
    );
    assert!(
        first_firm.contains("Pallets wait for shrink wrap"),
        "{first_firm}"
    );
    assert!(!first_firm.contains("Dim taflen daith"), "{first_firm}");
    let second_firm = causes(r.projects[1]).await;
    assert!(
        second_firm.contains("Dim taflen daith ysgrifenedig"),
        "{second_firm}"
    );
    assert!(!second_firm.contains("Only one driver"), "{second_firm}");
    let space = phones[0].0.c.clone();
    space
        .goto(&app.url("/en/programmes/byw/cohorts/cohort-1/space"))
        .await
        .unwrap();
    let stream = phones[0].0.text("main").await;
    let top = stream.find("Only one driver knows the routes");
    let next = stream.find("Dim taflen daith ysgrifenedig");
    assert!(
        top.is_some() && next.is_some() && top < next,
        "the ranked result, most votes first, in the space:\n{stream}"
    );
    for (phone, _, _) in phones {
        phone.close().await;
    }
    screen.close().await;
}

on_both! {
    projector_and_three_phones => super::a_projector_and_three_phones_run_a_brainstorm;
}
