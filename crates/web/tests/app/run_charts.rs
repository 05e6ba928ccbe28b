//! The run chart rules on a project's page: a shift after the change is named
//! in words, in English and Welsh, with what it means for the aim; readings
//! that vary as before give no signal; too few readings are not judged.

use crate::on_both;
use crate::support::{TestApp, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Project};
use ymarfer_domain::Lang;

/// A participant of a firm in the cohort, signed in; the firm's id.
async fn participant(app: &TestApp, programme: i64, cohort: i64) -> (crate::support::Client, i64) {
    let org = Firm::named("Garej Glan")
        .add(&app.db, programme)
        .await
        .unwrap();
    let user = app.user("gwen@garej.cymru", Lang::En, false).await;
    app.db
        .enrol(programme, cohort, user.id, Some(org.id), None)
        .await
        .unwrap();
    let c = app.client();
    c.sign_in("gwen@garej.cymru").await;
    (c, org.id)
}

/// Readings a week apart from `from`, each sent through the reading form.
async fn record(c: &crate::support::Client, project: i64, from: &str, values: &[&str]) {
    let from = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap();
    for (i, v) in values.iter().enumerate() {
        let on = (from + chrono::Duration::weeks(i as i64)).to_string();
        let res = c
            .post(
                &format!("/en/projects/{project}/readings"),
                &[("taken_on", on.as_str()), ("value", v)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "reading {on}: {v}");
    }
}

async fn page(c: &crate::support::Client, lang: &str, project: i64) -> String {
    c.get(&format!("/{lang}/projects/{project}"))
        .await
        .text()
        .await
        .unwrap()
        .replace("&#39;", "'")
}

async fn a_shift_after_the_change_is_named(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let (c, org) = participant(&app, programme, cohort).await;
    // Minutes spent looking for parts: from 60 down to 30, so lower is better.
    let project = Project::titled("Find parts faster")
        .aim(
            "Minutes searching",
            "min",
            6000,
            3000,
            chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        )
        .add(&app.db, cohort, org, None)
        .await
        .unwrap()
        .id;
    // Ten weekly readings before the change: the baseline, median 50.5.
    record(
        &c,
        project,
        "2025-01-06",
        &["52", "48", "55", "47", "51", "49", "53", "46", "50", "54"],
    )
    .await;
    let res = c
        .post(
            &format!("/en/projects/{project}/cycles/new"),
            &[
                ("change_idea", "Label the shelves"),
                ("tested_on", "2025-03-17"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Six readings in a row below the median from the day of the change.
    record(
        &c,
        project,
        "2025-03-17",
        &["45", "44", "46", "43", "45", "44"],
    )
    .await;

    let html = page(&c, "en", project).await;
    assert!(
        html.contains(
            "6 readings in a row are below the median from 17 March 2025: a shift. \
             The change has made a difference."
        ),
        "{html}"
    );
    assert!(html.contains(
        "The median is that of the 10 readings taken before the first change, on 17 March 2025."
    ));
    assert!(html.contains("16 readings, with the median at 50.5."));
    // Each point of the shift is marked by its outline, named in the key.
    assert_eq!(html.matches("class=\"signal shift\"").count(), 6);
    assert!(html.contains("<span class=\"key-shift\">Shift</span>"));
    assert!(!html.contains("No signal yet"));

    let html = page(&c, "cy", project).await;
    assert!(
        html.contains(
            "Mae 6 darlleniad yn olynol o dan y canolrif o 17 Mawrth 2025 ymlaen: dyma symudiad. \
             Mae'r newid wedi gwneud gwahaniaeth."
        ),
        "{html}"
    );
    assert!(html.contains("<span class=\"key-shift\">Symudiad</span>"));
    // The chart with its marks and words is valid HTML.
    let raw = c
        .get(&format!("/en/projects/{project}"))
        .await
        .text()
        .await
        .unwrap();
    let errors = crate::markup::html_errors(&[("project with a shift".to_string(), raw)]);
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // Had the aim been to raise the measure, the same shift is for the worse.
    let res = c
        .post(
            &format!("/en/projects/{project}/edit"),
            &[
                ("title", "Find parts faster"),
                ("problem", "Parts go missing"),
                ("business_function", "production"),
                ("status", "testing"),
                ("visibility", "cohort"),
                ("aim_measure", "Minutes searching"),
                ("aim_unit", "min"),
                ("aim_baseline", "30"),
                ("aim_target", "60"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = page(&c, "en", project).await;
    assert!(html.contains(
        "below the median from 17 March 2025: a shift. The readings have got worse since the change."
    ));
}

async fn readings_that_vary_as_before_give_no_signal(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let (c, org) = participant(&app, programme, cohort).await;
    let project = crate::support::project(&app, cohort, org, "Less scrap", "testing", "cohort")
        .await
        .id;
    record(
        &c,
        project,
        "2025-01-06",
        &["5", "7", "4", "6", "8", "5", "3", "6", "7"],
    )
    .await;
    // Nine readings: too few to judge.
    let html = page(&c, "en", project).await;
    assert!(html.contains(
        "Too few readings to judge yet: the run chart rules need at least 10, and there are 9."
    ));
    assert!(!html.contains("No signal yet"));
    let html = page(&c, "cy", project).await;
    assert!(html.contains(
        "Dim digon o ddarlleniadau i farnu eto: mae angen o leiaf 10 darlleniad ar reolau'r siart rhediad, a dim ond 9 sydd yma hyd yn hyn."
    ));

    record(&c, project, "2025-03-10", &["4", "6", "5"]).await;
    let html = page(&c, "en", project).await;
    assert!(
        html.contains("No signal yet: the readings vary as they did before."),
        "{html}"
    );
    assert!(html.contains("The median is that of all the readings."));
    assert!(!html.contains("class=\"signal "));
    let html = page(&c, "cy", project).await;
    assert!(html.contains("Dim arwydd eto: mae'r darlleniadau'n amrywio fel o'r blaen."));
}

on_both! {
    shift_named => super::a_shift_after_the_change_is_named;
    no_signal => super::readings_that_vary_as_before_give_no_signal;
}
