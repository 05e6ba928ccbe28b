//! Learning by doing: a participant starts a project, applies tools, logs cycles,
//! adds readings; facilitators see every project; visibility is enforced.

use crate::on_both;
use crate::support::{TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::organisations::OrganisationInput;

/// A participant (with their firm) in a cohort: (programme, cohort, org id).
async fn participant(
    app: &TestApp,
    email: &str,
    firm: &str,
    programme: i64,
    cohort: i64,
    lang: Lang,
) -> i64 {
    let org = match app.db.organisation_by_name(programme, firm).await.unwrap() {
        Some(o) => o,
        None => Firm::named(firm)
            .sector('G')
            .band(ymarfer_domain::innovation::EmployeeBand::Small)
            .area("conwy")
            .add(&app.db, programme)
            .await
            .unwrap(),
    };
    let user = app.user(email, lang, false).await;
    app.db
        .enrol(programme, cohort, user.id, Some(org.id), None)
        .await
        .unwrap();
    org.id
}

const VSM: [(&str, &str, &str, &str); 4] = [
    ("Take the order", "10", "60", "90"),
    ("Find the parts", "20", "240", "80"),
    ("Repair", "90", "120", "95"),
    ("Invoice", "10", "100", "100"),
];

fn vsm_form(steps: &[(&str, &str, &str, &str)]) -> Vec<(String, String)> {
    let mut form = vec![("product_family".to_string(), "Car servicing".to_string())];
    for (i, (step, pt, lt, pca)) in steps.iter().enumerate() {
        form.push((format!("steps[{i}][step]"), step.to_string()));
        form.push((format!("steps[{i}][process_time]"), pt.to_string()));
        form.push((format!("steps[{i}][lead_time]"), lt.to_string()));
        form.push((format!("steps[{i}][pca]"), pca.to_string()));
    }
    form
}

async fn participant_works_a_project(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    participant(
        &app,
        "gwen@garej.cymru",
        "Garej Glan",
        programme,
        cohort,
        Lang::Cy,
    )
    .await;
    let c = app.client();
    c.sign_in("gwen@garej.cymru").await;
    let base = format!("/cy/programmes/{slug}/cohorts/cohort-1/projects");
    assert_eq!(c.get(&format!("{base}/new")).await.status(), StatusCode::OK);
    let res = c
        .post(
            &format!("{base}/new"),
            &[
                ("title", ""),
                ("problem", ""),
                ("business_function", "nope"),
                ("visibility", "cohort"),
                ("organisation", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Ni all hwn fod yn wag."));
    let org = app
        .db
        .organisation_by_name(programme, "Garej Glan")
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let res = c
        .post(
            &format!("{base}/new"),
            &[
                ("organisation", org.as_str()),
                ("title", "Chwilio am rannau"),
                (
                    "problem",
                    "Mae'r mecanyddion yn treulio awr y dydd yn chwilio am rannau.",
                ),
                ("business_function", "production"),
                ("aim_measure", "Amser chwilio y dydd"),
                ("aim_unit", "munud"),
                ("aim_baseline", "60"),
                ("aim_target", "30"),
                ("aim_by", "2027-03-31"),
                ("status", "testing"),
                ("visibility", "cohort"),
            ],
        )
        .await;
    let project_path = location(&res);
    assert!(project_path.starts_with("/cy/projects/"), "{project_path}");
    let id: i64 = project_path.rsplit('/').next().unwrap().parse().unwrap();
    let html = c.get(&project_path).await.text().await.unwrap();
    assert!(
        html.contains("Chwilio am rannau") && html.contains("o 60 i 30 munud erbyn 31 Mawrth 2027"),
        "{html}"
    );

    // A value stream map with bad input is refused, and what was typed is kept.
    let tool = format!("/en/projects/{id}/tools/value-stream-map");
    let mut bad = vsm_form(&[
        ("Take the order", "ten", "60", "90"),
        ("", "20", "240", "80"),
        ("Repair", "90", "120", "140"),
    ]);
    bad.push(("demand_per_week".into(), "12".into()));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = c.post(&tool, &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Enter a number, such as 12 or 12.5."),
        "text in a number field"
    );
    assert!(html.contains("Enter 100 or less."), "a %C&amp;A of 140");
    assert!(
        html.contains("This cannot be empty."),
        "an empty required step"
    );
    assert!(
        html.contains("value=\"ten\"")
            && html.contains("value=\"140\"")
            && html.contains("value=\"Car servicing\""),
        "input kept"
    );
    assert!(
        app.db.applications(id).await.unwrap().is_empty(),
        "nothing saved"
    );

    let good = vsm_form(&VSM);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = c.post(&tool, &good).await;
    assert_eq!(location(&res), format!("{tool}?done=saved"));
    let html = c.get(&tool).await.text().await.unwrap();
    // ΣPT = 130, ΣLT = 520, activity ratio 25.0%, rolled %C&A 0.9 × 0.8 × 0.95 × 1.0 = 68.4%.
    assert!(
        html.contains("<dd>520 minutes</dd>") && html.contains("<dd>130 minutes</dd>"),
        "{html}"
    );
    assert!(html.contains("25.0%") && html.contains("68.4%"));
    assert!(
        html.contains("<strong>Find the parts</strong>: 220"),
        "largest wait first"
    );
    // The same form sent again makes no second version.
    c.post(&tool, &good).await;
    assert_eq!(app.db.applications(id).await.unwrap().len(), 1);
    // A changed save keeps the first as version 1.
    let mut changed = vsm_form(&VSM);
    changed.push(("demand_per_week".into(), "13".into()));
    let changed: Vec<(&str, &str)> = changed
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    c.post(&tool, &changed).await;
    let html = c
        .get(&format!(
            "/en/projects/{id}/tools/value-stream-map/versions/1"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Version 1") && html.contains("Find the parts"));
    assert_eq!(app.db.applications(id).await.unwrap().len(), 2);

    // Two test-and-learn cycles: the first adapted, the next adopted.
    let cycles = format!("/en/projects/{id}/cycles");
    let res = c
        .post(
            &format!("{cycles}/new"),
            &[("change_idea", "Label the shelves"), ("decision", "adapt")],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Write what you learned before deciding.")
    );
    let res = c
        .post(
            &format!("{cycles}/new"),
            &[
                ("change_idea", "Label the shelves"),
                ("prediction", "Searching drops to 40 minutes"),
                ("plan_who", "Gwen"),
                ("happened", "Labels fell off"),
                ("study", "45 minutes; labels need to last"),
                ("decision", "adapt"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{cycles}/1?done=cycle"));
    let html = c.get(&format!("{cycles}/1")).await.text().await.unwrap();
    assert!(html.contains("Start the next cycle from it"));
    let html = c
        .get(&format!("{cycles}/new?from=1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Label the shelves"),
        "the next cycle starts from the adapted one"
    );
    let res = c
        .post(
            &format!("{cycles}/new"),
            &[
                ("change_idea", "Label the shelves with engraved tags"),
                ("prediction", "30 minutes"),
                ("study", "28 minutes"),
                ("decision", "adopt"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{cycles}/2?done=cycle"));
    // Saved, the cycle reads as a record with a confirmation; its form opens to edit.
    let html = c
        .get(&format!("{cycles}/2?done=cycle"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("The cycle is saved.") && html.contains("Edit this cycle"));
    assert!(!html.contains("<textarea"), "read, not a form");
    let html = c
        .get(&format!("{cycles}/2/edit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<textarea") && html.contains("id=\"tested_on\""));
    let res = c
        .post(
            &format!("{cycles}/2"),
            &[
                ("change_idea", "Label the shelves with engraved tags"),
                ("tested_on", "2999-01-01"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a change cannot begin in the future"
    );
    let decisions: Vec<Option<String>> = app
        .db
        .cycles(id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.decision.map(|d| d.as_str().to_string()))
        .collect();
    assert_eq!(decisions, vec![Some("adapt".into()), Some("adopt".into())]);

    // Readings and the run chart.
    let readings = format!("/en/projects/{id}/readings");
    let res = c
        .post(
            &readings,
            &[
                ("taken_on", "2026-10-11"),
                ("value", "lots"),
                ("note", "after lunch"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("value=\"lots\"") && html.contains("value=\"after lunch\""),
        "a refused reading keeps what was typed"
    );
    assert!(html.contains("action=\"/en/projects/") && html.contains("/readings#reading-form\""));
    let tomorrow = (ymarfer_domain::uktime::today() + chrono::Duration::days(1)).to_string();
    let res = c
        .post(
            &readings,
            &[("taken_on", tomorrow.as_str()), ("value", "5")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Enter a date that has passed"),
        "a reading from the future is refused"
    );
    for (on, v) in [
        ("2026-10-11", "60"),
        ("2026-10-18", "45"),
        ("2026-10-25", "35"),
        ("2026-11-01", "28"),
    ] {
        let res = c.post(&readings, &[("taken_on", on), ("value", v)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let html = c
        .get(&format!("/en/projects/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<svg")
            && html.contains("class=\"median\"")
            && html.contains("class=\"target\"")
    );
    assert!(
        html.contains("4 readings, with the median at 40."),
        "median of 60, 45, 35, 28 is 40"
    );
    assert!(html.contains("<td>1 November 2026</td><td class=\"num\">28</td>"));
    // Each cycle is marked on the run chart, numbered.
    assert!(html.contains("class=\"change-label\">1</text>"), "{html}");

    // A reading corrected, then one removed: the chart changes, the history keeps
    // what they said.
    let stored = app.db.readings(id).await.unwrap();
    let first = format!("/en/projects/{id}/readings/{}", stored[0].id);
    let form = c.get(&first).await.text().await.unwrap();
    assert!(form.contains("value=\"60\"") && form.contains("<title>Correct a reading: "));
    let res = c
        .post(&first, &[("taken_on", tomorrow.as_str()), ("value", "61")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "no future dates"
    );
    let res = c
        .post(
            &first,
            &[
                ("taken_on", "2026-10-11"),
                ("value", "62"),
                ("note", "misread"),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/projects/{id}?done=reading-corrected#measures")
    );
    let res = c
        .post(
            &format!("/en/projects/{id}/readings/{}/remove", stored[3].id),
            &[],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/projects/{id}?done=reading-removed#measures")
    );
    let now: Vec<i64> = app
        .db
        .readings(id)
        .await
        .unwrap()
        .iter()
        .map(|r| r.value)
        .collect();
    assert_eq!(now, [6200, 4500, 3500]);
    let history = app.db.reading_history(id).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[1].value, history[1].action),
        (6000, ymarfer_domain::projects::ReadingAction::Corrected)
    );
    assert_eq!(history[0].value, 2800);
    let html = c
        .get(&format!("/en/projects/{id}?done=reading-removed"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("The reading is removed."));
    assert!(html.contains("Earlier values of readings") && html.contains("Removed by "));
    // Another project's reading is not this project's to change.
    let res = c
        .post(&format!("/en/projects/{id}/readings/999999/remove"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The timeline shows tools and cycles in order.
    let html = &html[html.find("id=\"timeline-heading\"").expect("a timeline")..];
    let t1 = html
        .find("Value stream map saved (version 1)")
        .expect("tool on the timeline");
    let c1 = html
        .find("Cycle 1: Label the shelves")
        .expect("cycle on the timeline");
    assert!(t1 < c1);
}

async fn facilitators_see_who_is_stuck_and_visibility_holds(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = participant(
        &app,
        "gwen@garej.cymru",
        "Garej Glan",
        programme,
        cohort,
        Lang::En,
    )
    .await;
    participant(
        &app,
        "peer@becws.cymru",
        "Becws",
        programme,
        cohort,
        Lang::En,
    )
    .await;
    let project =
        crate::support::project(&app, cohort, org, "Parts search", "testing", "private").await;
    let path = format!("/en/projects/{}", project.id);
    let facilitator = app.user("hwylusydd@example.com", Lang::Cy, false).await;
    app.db
        .grant(
            facilitator.id,
            Role::Facilitator,
            Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    let observer = app.user("observer@example.com", Lang::En, false).await;
    app.db
        .grant(observer.id, Role::Observer, Scope::Programme(programme))
        .await
        .unwrap();
    let f = app.client();
    f.sign_in("hwylusydd@example.com").await;
    let html = f
        .get(&format!("/cy/programmes/{slug}/cohorts/cohort-1/projects"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Parts search") && html.contains("Garej Glan") && html.contains("Yn profi"),
        "{html}"
    );
    assert_eq!(
        f.get(&path).await.status(),
        StatusCode::OK,
        "facilitators see private projects"
    );

    let peer = app.client();
    peer.sign_in("peer@becws.cymru").await;
    let o = app.client();
    o.sign_in("observer@example.com").await;
    assert_eq!(
        peer.get(&path).await.status(),
        StatusCode::NOT_FOUND,
        "private: not for peers"
    );
    assert_eq!(
        o.get(&path).await.status(),
        StatusCode::NOT_FOUND,
        "observers never see project content"
    );
    let list = peer
        .get(&format!("/en/programmes/{slug}/cohorts/cohort-1/projects"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains("Parts search"));

    let owner = app.client();
    owner.sign_in("gwen@garej.cymru").await;
    let res = owner
        .post(
            &format!("{path}/edit"),
            &[
                ("title", "Parts search"),
                ("problem", "An hour a day"),
                ("business_function", "production"),
                ("status", "testing"),
                ("visibility", "cohort"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        peer.get(&path).await.status(),
        StatusCode::OK,
        "cohort: peers see it"
    );
    assert_eq!(
        peer.get(&format!("{path}/edit")).await.status(),
        StatusCode::FORBIDDEN,
        "but may not change it"
    );
    assert_eq!(
        peer.post(
            &format!("{path}/readings"),
            &[("taken_on", "2026-10-01"), ("value", "1")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(o.get(&path).await.status(), StatusCode::NOT_FOUND);

    // Public needs a facilitator's approval before anyone outside sees it.
    owner
        .post(
            &format!("{path}/edit"),
            &[
                ("title", "Parts search"),
                ("problem", "An hour a day"),
                ("business_function", "production"),
                ("status", "sustaining"),
                ("visibility", "public"),
            ],
        )
        .await;
    let visitor = app.client();
    assert_eq!(
        visitor.get(&path).await.status(),
        StatusCode::SEE_OTHER,
        "not yet approved: sign in"
    );
    assert_eq!(
        owner.post(&format!("{path}/approve"), &[]).await.status(),
        StatusCode::FORBIDDEN,
        "owners cannot approve their own"
    );
    assert_eq!(
        location(&f.post(&format!("{path}/approve"), &[]).await),
        format!("{path}?done=approved")
    );
    assert_eq!(
        visitor.get(&path).await.status(),
        StatusCode::OK,
        "approved public case study"
    );
    assert_eq!(o.get(&path).await.status(), StatusCode::OK);
}

async fn programme_adds_its_own_tool(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let path = format!("/en/programmes/{slug}/tools");
    let res = c
        .post(&path, &[("definition", "id = \"broken\nversion = 1")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The definition is not valid TOML")
    );
    let mut sipoc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../toolkit/sipoc.toml"
    ))
    .unwrap();
    let res = c.post(&path, &[("definition", sipoc.as_str())]).await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The shipped toolkit already has a tool called sipoc.")
    );
    sipoc = sipoc.replacen("id = \"sipoc\"", "id = \"daily-huddle\"", 1);
    let missing_welsh = sipoc.replacen("cy = \"", "cy = \"\" # ", 1);
    let res = c
        .post(&path, &[("definition", missing_welsh.as_str())])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "both languages are required"
    );
    let res = c.post(&path, &[("definition", sipoc.as_str())]).await;
    assert_eq!(location(&res), format!("{path}?done=saved"));
    let org = participant(
        &app,
        "gwen@garej.cymru",
        "Garej Glan",
        programme,
        cohort,
        Lang::En,
    )
    .await;
    let project = crate::support::project(&app, cohort, org, "T", "defining", "cohort").await;
    let owner = app.client();
    owner.sign_in("gwen@garej.cymru").await;
    let html = owner
        .get(&format!("/en/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&format!("/en/projects/{}/tools/daily-huddle", project.id)),
        "the programme's tool is offered"
    );
    assert_eq!(
        owner
            .get(&format!("/en/projects/{}/tools/daily-huddle", project.id))
            .await
            .status(),
        StatusCode::OK
    );
}

async fn matrix_and_fishbone_are_drawn(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let org = participant(
        &app,
        "gwen@garej.cymru",
        "Garej Glan",
        programme,
        cohort,
        Lang::En,
    )
    .await;
    let project = crate::support::project(&app, cohort, org, "T", "testing", "cohort").await;
    let c = app.client();
    c.sign_in("gwen@garej.cymru").await;
    let matrix = format!("/en/projects/{}/tools/impact-effort", project.id);
    let res = c
        .post(
            &matrix,
            &[
                ("goal", "Halve the search"),
                ("ideas[0][idea]", "Label shelves"),
                ("ideas[0][impact]", "4"),
                ("ideas[0][effort]", "1"),
                ("ideas[1][idea]", "New stock system"),
                ("ideas[1][impact]", "5"),
                ("ideas[1][effort]", "5"),
                ("ideas[2][idea]", "Tidy van"),
                ("ideas[2][impact]", "2"),
                ("ideas[2][effort]", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = c.get(&matrix).await.text().await.unwrap();
    assert!(html.contains("<svg") && html.contains("class=\"matrix\""));
    assert!(
        html.contains("Quick wins:</strong> Label shelves"),
        "{html}"
    );
    assert!(html.contains("<td>New stock system</td><td>5</td><td>5</td><td>Major project</td>"));
    let res = c
        .post(
            &matrix,
            &[
                ("goal", "x"),
                ("ideas[0][idea]", "A"),
                ("ideas[0][impact]", "9"),
                ("ideas[0][effort]", "1"),
            ],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose a rating from 1 to 5.")
    );

    let fish = format!("/cy/projects/{}/tools/fishbone", project.id);
    // Before anything is saved, the effect starts from the project's problem.
    app.db
        .update_project(
            project.id,
            &ymarfer_store::projects::ProjectInput {
                title: "T".into(),
                problem: "Parts go missing in the store".into(),
                business_function: "production".into(),
                status: ymarfer_domain::projects::ProjectStatus::Testing,
                visibility: ymarfer_domain::projects::Visibility::Cohort,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let html = c.get(&fish).await.text().await.unwrap();
    assert!(
        html.contains(">Parts go missing in the store</textarea>")
            || html.contains("value=\"Parts go missing in the store\""),
        "{html}"
    );
    assert!(
        html.contains(": T – Ymarfer</title>"),
        "the title names the project"
    );
    // Rows are added and removed in one visit, without scripts and without saving.
    let res = c
        .post(
            &fish,
            &[
                ("effect", "Parts go missing"),
                ("causes[0][category]", "method"),
                ("causes[0][cause]", "No labels"),
                ("_blank_causes", "1"),
                ("_rows", "add:causes"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("value=\"No labels\"") && html.contains("id=\"causes-2-cause\""),
        "two empty rows now"
    );
    assert!(!html.contains("id=\"causes-3-cause\""));
    let res = c
        .post(
            &fish,
            &[
                ("effect", "Parts go missing"),
                ("causes[0][category]", "method"),
                ("causes[0][cause]", "No labels"),
                ("causes[1][category]", "people"),
                ("causes[1][cause]", "Nobody owns the store"),
                ("_rows", "remove:causes:0"),
            ],
        )
        .await;
    let html = res.text().await.unwrap();
    assert!(!html.contains("No labels") && html.contains("value=\"Nobody owns the store\""));
    assert!(
        app.db
            .applications(project.id)
            .await
            .unwrap()
            .iter()
            .all(|a| a.tool_id != "fishbone"),
        "nothing saved"
    );
    let res = c
        .post(
            &fish,
            &[
                ("effect", "Parts go missing"),
                ("causes[0][category]", "method"),
                ("causes[0][cause]", "No labels"),
                ("causes[1][category]", "people"),
                ("causes[1][cause]", "New starters"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = c.get(&fish).await.text().await.unwrap();
    assert!(
        html.contains("class=\"fishbone\"")
            && html.contains("<h3>Dull</h3><ul><li>No labels</li>")
            && html.contains("Parts go missing</p>"),
        "{html}"
    );
}

/// A participant's home leads to her own project, one click from its next step.
async fn home_leads_to_the_next_step(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let org = Firm::named("Garej Glan")
        .sector('G')
        .band(ymarfer_domain::innovation::EmployeeBand::Small)
        .area("conwy")
        .add(&app.db, programme)
        .await
        .unwrap();
    let other = app
        .db
        .create_organisation(
            &OrganisationInput {
                name: "Another Firm".into(),
                ..Default::default()
            },
            None,
            Some(programme),
        )
        .await
        .unwrap();
    let me = app.user("gwen@garej.cymru", Lang::En, false).await;
    app.db
        .enrol(programme, cohort, me.id, Some(org.id), None)
        .await
        .unwrap();
    let mine =
        crate::support::project(&app, cohort, org.id, "Parts search", "defining", "private").await;
    crate::support::project(&app, cohort, other.id, "Not hers", "defining", "cohort").await;
    crate::support::project(
        &app,
        cohort,
        other.id,
        "Kept private",
        "defining",
        "private",
    )
    .await;
    let c = app.client();
    c.sign_in("gwen@garej.cymru").await;
    let home = c.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "href=\"/en/projects/{}\">Parts search</a>",
            mine.id
        )),
        "{home}"
    );
    // Her own projects lead to their next step; another firm's project she may
    // see is listed as news from the cohort, a private one not at all.
    let (what_next, news) = home
        .split_once("New in your cohort")
        .expect("news from the cohort");
    assert!(
        !what_next.contains("Not hers"),
        "only her own firm's projects"
    );
    assert!(
        news.contains("Not hers") && news.contains("Another Firm"),
        "{news}"
    );
    assert!(!home.contains("Kept private"));
    assert!(home.contains("apply a first tool to the problem"));
    // With a tool applied, the next step is a cycle; with a cycle, a reading.
    app.db
        .save_application(mine.id, "five-whys", 1, "{}", Some(me.id))
        .await
        .unwrap();
    let home = c.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "href=\"/en/projects/{}/cycles/new\">plan a test-and-learn cycle</a>",
            mine.id
        )),
        "{home}"
    );
    app.db
        .create_cycle(
            mine.id,
            &ymarfer_store::projects::CycleInput {
                change_idea: "Label the shelves".into(),
                ..Default::default()
            },
            Some(me.id),
        )
        .await
        .unwrap();
    // An undecided cycle is the next step, one click from its form.
    let home = c.get("/cy").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "href=\"/cy/projects/{}/cycles/1/edit\">gorffen cylch 1",
            mine.id
        )),
        "{home}"
    );
    let decided = ymarfer_store::projects::CycleInput {
        change_idea: "Label the shelves".into(),
        study: "It helped".into(),
        decision: Some(ymarfer_domain::projects::CycleDecision::Adopt),
        ..Default::default()
    };
    app.db.update_cycle(mine.id, 1, &decided).await.unwrap();
    let home = c.get("/en").await.text().await.unwrap();
    assert!(
        home.contains("record a first reading of your measure"),
        "{home}"
    );
    app.db
        .add_reading(
            mine.id,
            ymarfer_domain::uktime::today(),
            100,
            "",
            Some(me.id),
        )
        .await
        .unwrap();
    let home = c.get("/cy").await.text().await.unwrap();
    assert!(
        home.contains("cofnodi darlleniad, neu brofi&#39;r newid nesaf"),
        "{home}"
    );

    // A facilitator's home lists the registers still to take.
    let started = chrono::Utc::now() - chrono::Duration::days(2);
    let session = app
        .db
        .create_meeting(
            cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Mapping".into(),
                starts_at: started,
                ends_at: started + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (_, f) = crate::support::signed_in_with(
        &app,
        "hwylusydd@example.com",
        Role::Facilitator,
        Scope::Cohort { programme, cohort },
    )
    .await;
    let home = f.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "/sessions/{}\">1 register to take</a>",
            session.id
        )),
        "{home}"
    );
}

/// What a person types keeps the language it was written in: her interface's
/// to begin with, or the one she chooses on the form; a page in the other
/// language marks it with `lang`, and the API gives it.
async fn typed_words_keep_their_language(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = participant(
        &app,
        "sian@example.com",
        "Caffi Sian",
        programme,
        cohort,
        Lang::En,
    )
    .await
    .to_string();
    let c = app.client();
    c.sign_in("sian@example.com").await;
    let base = format!("/en/programmes/{slug}/cohorts/cohort-1/projects");
    let form = |lang: &'static str| {
        vec![
            ("organisation", org.clone()),
            ("title", "Llai o wastraff bwyd".to_string()),
            ("problem", "Rydym yn taflu gormod o fara.".to_string()),
            ("business_function", "production".to_string()),
            ("visibility", "cohort".to_string()),
            ("lang", lang.to_string()),
        ]
    };
    // A language the form does not offer is refused, and nothing is made.
    let refused = c
        .post(
            &format!("{base}/new"),
            &form("fr")
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Choose one of the options.")
    );
    assert!(app.db.cohort_projects(cohort).await.unwrap().is_empty());
    // Written in Welsh from the English interface.
    let made = c
        .post(
            &format!("{base}/new"),
            &form("cy")
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(
        made.status(),
        StatusCode::SEE_OTHER,
        "{}",
        made.text().await.unwrap()
    );
    let project = app.db.cohort_projects(cohort).await.unwrap()[0].clone();
    assert_eq!(project.lang, "cy");
    let english = c
        .get(&format!("/en/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        english.contains(r#"<h1><span lang="cy">Llai o wastraff bwyd</span></h1>"#),
        "{english}"
    );
    assert!(english.contains(r#"<p class="prose" lang="cy">Rydym yn taflu gormod o fara.</p>"#));
    let welsh = c
        .get(&format!("/cy/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(welsh.contains("<h1>Llai o wastraff bwyd</h1>"), "{welsh}");
    // Its edit form offers Welsh, as written, and marks the words it holds.
    let edit = c
        .get(&format!("/en/projects/{}/edit", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(edit.contains(r#"<option value="cy" selected>"#), "{edit}");
    assert!(
        edit.contains(r#"name="problem" rows="5" lang="cy""#),
        "{edit}"
    );
    // A reading's note left to her interface is English, and marked on a Welsh page.
    let res = c
        .post(
            &format!("/en/projects/{}/readings", project.id),
            &[
                ("taken_on", "2026-01-05"),
                ("value", "12"),
                ("note", "A busy Monday"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let welsh = c
        .get(&format!("/cy/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        welsh.contains(r#"<td lang="en">A busy Monday</td>"#),
        "{welsh}"
    );
    // The API gives each record's language, and takes a cycle's.
    let sian = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("sian@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = crate::api::token_for(&app, sian.id, true, None).await;
    let (status, cycle) = crate::api::call(
        &app,
        "POST",
        &format!("/api/v1/projects/{}/cycles", project.id),
        Some(&token),
        Some(serde_json::json!({"change_idea": "Pobi llai ar ddydd Llun", "lang": "cy"})),
    )
    .await;
    assert_eq!(status, 201, "{cycle}");
    assert_eq!(cycle["lang"], "cy");
    let (status, bad) = crate::api::call(
        &app,
        "POST",
        &format!("/api/v1/projects/{}/cycles", project.id),
        Some(&token),
        Some(serde_json::json!({"change_idea": "Bake less", "lang": "fr"})),
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    let (_, read) = crate::api::call(
        &app,
        "GET",
        &format!("/api/v1/projects/{}", project.id),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(read["lang"], "cy");
    assert_eq!(read["readings"][0]["lang"], "en");
    assert_eq!(read["cycles"][0]["lang"], "cy");
    // Her learning log keeps a reflection in the language she chose for it.
    let cohort_id = cohort.to_string();
    let res = c
        .post(
            "/en/log",
            &[
                ("reflection", "Dysgais fod mesur yn bwysig."),
                ("cohort", cohort_id.as_str()),
                ("lang", "cy"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let log = c.get("/en/log").await.text().await.unwrap();
    assert!(
        log.contains(r#"<div class="prose" lang="cy"><p>Dysgais fod mesur yn bwysig.</p>"#),
        "{log}"
    );
    let log = c.get("/cy/log").await.text().await.unwrap();
    assert!(
        log.contains(r#"<div class="prose"><p>Dysgais fod mesur yn bwysig.</p>"#),
        "{log}"
    );
}

on_both! {
    typed_words_keep_their_language => super::typed_words_keep_their_language;
    home_next_step => super::home_leads_to_the_next_step;
    participant_project => super::participant_works_a_project;
    facilitator_view_and_visibility => super::facilitators_see_who_is_stuck_and_visibility_holds;
    programme_tool => super::programme_adds_its_own_tool;
    matrix_and_fishbone => super::matrix_and_fishbone_are_drawn;
}
