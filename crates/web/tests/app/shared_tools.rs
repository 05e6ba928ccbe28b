//! A tool shared to the cohort space is drawn inside its post, read-only, as
//! the tool's own page draws it, so peers can give feedback from the stream.

use crate::on_both;
use crate::support::{TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::Lang;

async fn a_shared_fishbone_is_drawn_in_the_stream(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let mut clients = Vec::new();
    let mut firms = Vec::new();
    for (email, firm) in [
        ("siwan@becws.cymru", "Becws Siwan"),
        ("gareth@garej.cymru", "Garej Gareth"),
    ] {
        let org = Firm::named(firm).add(&app.db, programme).await.unwrap();
        let user = app.user(email, Lang::En, false).await;
        app.db
            .enrol(programme, cohort, user.id, Some(org.id), None)
            .await
            .unwrap();
        let c = app.client();
        c.sign_in(email).await;
        clients.push(c);
        firms.push(org.id);
    }
    let (siwan, gareth) = (&clients[0], &clients[1]);
    // Siwan's project is private: Gareth may not open it, only what she shares.
    let project = crate::support::project(
        &app,
        cohort,
        firms[0],
        "Waiting for flour",
        "testing",
        "private",
    )
    .await
    .id;
    let res = siwan
        .post(
            &format!("/en/projects/{project}/tools/fishbone"),
            &[
                ("effect", "Bread is late on Mondays"),
                ("causes[0][category]", "method"),
                ("causes[0][cause]", "Dough proved overnight by guesswork"),
                ("causes[1][category]", "material"),
                ("causes[1][cause]", "Flour delivered on Monday morning"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = siwan
        .post(
            &format!("/en/projects/{project}/share"),
            &[
                ("what", "tool:fishbone"),
                ("share_note", "Which bone is biggest?"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The share goes to its post: /en/posts/{id}?done=shared.
    let item: i64 = location(&res)
        .strip_prefix("/en/posts/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .expect("the share's post");

    let space = format!("/en/programmes/{slug}/cohorts/cohort-1/space");
    let res = gareth.get(&space).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    // The post names the tool and carries the drawing: effect, bones, causes.
    let post = html
        .split(&format!("id=\"item-{item}\""))
        .nth(1)
        .and_then(|rest| rest.split("</article>").next())
        .expect("the post in the stream");
    assert!(post.contains("Which bone is biggest?"));
    assert!(
        post.contains(&format!(
            "<h3 id=\"item-{item}-computed-heading\">Causes by category</h3>"
        )),
        "{post}"
    );
    assert!(post.contains("Bread is late on Mondays"));
    assert!(post.contains("<li>Dough proved overnight by guesswork</li>"));
    assert!(post.contains("<li>Flour delivered on Monday morning</li>"));
    assert!(post.contains("class=\"fishbone\""));
    // Read-only: no form of the tool, no field to type in.
    assert!(!post.contains("name=\"effect\""));
    // Gareth may still not open the project itself.
    let res = gareth
        .get(&format!("/en/projects/{project}/tools/fishbone"))
        .await;
    assert_ne!(res.status(), StatusCode::OK);

    // The post's own page draws it too, in Welsh for a Welsh reader.
    let html = gareth
        .get(&format!("/cy/posts/{item}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Achosion fesul categori"));
    assert!(html.contains("<li>Flour delivered on Monday morning</li>"));

    // A tool with no drawing is read back field by field: the five whys.
    let res = siwan
        .post(
            &format!("/en/projects/{project}/tools/five-whys"),
            &[
                ("problem", "Bread is late on Mondays"),
                ("why_1", "The oven is cold at six"),
                ("root_cause", "Nobody is rostered to light it"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = siwan
        .post(
            &format!("/en/projects/{project}/share"),
            &[("what", "tool:five-whys"), ("share_note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = gareth.get(&space).await.text().await.unwrap();
    assert!(html.contains("<dl class=\"answers\">"), "{html}");
    assert!(html.contains("Nobody is rostered to light it"));
    // Two tools drawn in one stream, and the post's page: valid HTML, each id once.
    let post = gareth
        .get(&format!("/en/posts/{item}"))
        .await
        .text()
        .await
        .unwrap();
    let errors = crate::markup::html_errors(&[
        ("stream with shared tools".to_string(), html),
        ("shared fishbone".to_string(), post),
    ]);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// On a phone, in Welsh and English: the stream with a shared fishbone, its
/// post, and a project page whose run chart marks a shift pass axe and reflow
/// at 320 px.
async fn shared_tool_and_run_chart_pass_axe(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let org = Firm::named("Becws Siwan")
        .add(&app.db, programme)
        .await
        .unwrap();
    let user = app.user("siwan@becws.cymru", Lang::Cy, false).await;
    app.db
        .enrol(programme, cohort, user.id, Some(org.id), None)
        .await
        .unwrap();
    let c = app.client();
    c.sign_in("siwan@becws.cymru").await;
    let project = ymarfer_app::fixtures::Project::titled("Aros am flawd")
        .aim(
            "Munudau o aros",
            "mun",
            6000,
            3000,
            chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        )
        .visibility(ymarfer_domain::projects::Visibility::Cohort)
        .add(&app.db, cohort, org.id, None)
        .await
        .unwrap()
        .id;
    let res = c
        .post(
            &format!("/en/projects/{project}/tools/fishbone"),
            &[
                (
                    "effect",
                    "Mae'r bara'n hwyr bob dydd Llun oherwydd bod y blawd yn cyrraedd yn hwyr",
                ),
                ("causes[0][category]", "method"),
                (
                    "causes[0][cause]",
                    "Dim trefn ar gyfer archebu blawd ar ddydd Gwener",
                ),
                ("causes[1][category]", "material"),
                ("causes[1][cause]", "Blawd yn cyrraedd fore Llun"),
                ("causes[2][category]", "people"),
                ("causes[2][cause]", "Neb yn gyfrifol am y stoc"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = c
        .post(
            &format!("/en/projects/{project}/share"),
            &[
                ("what", "tool:fishbone"),
                ("share_note", "Pa asgwrn yw'r mwyaf?"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let post = location(&res)
        .strip_prefix("/en/posts/")
        .and_then(|rest| rest.split('?').next())
        .unwrap()
        .to_string();
    let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let values = [
        "52", "48", "55", "47", "51", "49", "53", "46", "50", "54", "45", "44", "46", "43", "45",
        "44",
    ];
    for (i, v) in values.iter().enumerate() {
        let on = (from + chrono::Duration::weeks(i as i64)).to_string();
        if i == 10 {
            let res = c
                .post(
                    &format!("/en/projects/{project}/cycles/new"),
                    &[
                        ("change_idea", "Archebu ddydd Gwener"),
                        ("tested_on", on.as_str()),
                    ],
                )
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        }
        let res = c
            .post(
                &format!("/en/projects/{project}/readings"),
                &[("taken_on", on.as_str()), ("value", v)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }

    let b = crate::browser::Browser::start().await;
    b.goto(&app.url("/cy/sign-in")).await;
    b.fill("#email", "siwan@becws.cymru").await;
    b.fill("#password", crate::support::PASSWORD).await;
    b.submit("form[action='/cy/sign-in'] button").await;
    for (what, path) in [
        (
            "gofod gydag asgwrn pysgodyn",
            format!("/cy/programmes/{slug}/cohorts/cohort-1/space"),
        ),
        ("asgwrn pysgodyn a rannwyd", format!("/cy/posts/{post}")),
        (
            "siart rhediad gyda symudiad",
            format!("/cy/projects/{project}"),
        ),
        ("run chart with a shift", format!("/en/projects/{project}")),
    ] {
        b.goto(&app.url(&path)).await;
        b.assert_accessible(what).await;
        b.assert_reflows(what).await;
    }
    assert!(b.text("main").await.contains("a shift"));
    b.close().await;
}

on_both! {
    shared_fishbone => super::a_shared_fishbone_is_drawn_in_the_stream;
    browser_shared_tool_and_run_chart => super::shared_tool_and_run_chart_pass_axe;
}
