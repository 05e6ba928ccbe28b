//! The programme showcase: open to anyone, only projects approved as public,
//! each with what the firm changed and its verified savings, filtered by
//! sector, size, tool and the wastes found.

use crate::on_both;
use crate::support::TestApp;
use reqwest::StatusCode;
use std::collections::BTreeMap;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::toolkit::{Row, ToolValues, Value};

async fn firm(app: &TestApp, programme: i64, name: &str, sector: char) -> i64 {
    Firm::named(name)
        .sector(sector)
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap()
        .id
}

async fn only_approved_public_projects_with_what_they_saved(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let bakery = firm(&app, programme, "Becws Bach", 'C').await;
    let garage = firm(&app, programme, "Garej Glan", 'G').await;
    let shown = crate::support::project(
        &app,
        cohort,
        bakery,
        "Waiting for flour",
        "sustaining",
        "public",
    )
    .await;
    let unapproved = crate::support::project(
        &app,
        cohort,
        garage,
        "Searching for parts",
        "testing",
        "public",
    )
    .await;
    let cohort_only =
        crate::support::project(&app, cohort, garage, "Booking jobs", "testing", "cohort").await;
    // What they did: a waste walk that found waiting, an adopted change, a verified saving.
    let walk = ToolValues {
        tool_id: "eight-wastes".into(),
        tool_version: 1,
        values: BTreeMap::from([(
            "wastes".to_string(),
            Value::Rows(vec![Row(BTreeMap::from([(
                "waste".to_string(),
                Value::Choice("waiting".into()),
            )]))]),
        )]),
    };
    app.db
        .save_application(
            shown.id,
            "eight-wastes",
            1,
            &serde_json::to_string(&walk).unwrap(),
            None,
        )
        .await
        .unwrap();
    app.db
        .create_cycle(
            shown.id,
            &ymarfer_store::projects::CycleInput {
                change_idea: "Order flour every Monday".into(),
                decision: Some(ymarfer_domain::projects::CycleDecision::Adopt),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let line = Line::monthly("Fewer emergency deliveries", 10_000)
        .category(ymarfer_domain::impact::Category::Transport)
        .verified();
    line.add(&app.db, shown.id, manager.id).await.unwrap();

    // Approved last: a change to a project asks for approval again.
    app.db
        .approve_public(shown.id, Some(manager.id))
        .await
        .unwrap();
    let visitor = app.client();
    // The public front door leads to it, counting what is shown.
    let home = visitor.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!("href=\"/en/programmes/{slug}/showcase\""))
            && home.contains(": 1 project</li>"),
        "{home}"
    );
    let res = visitor
        .get(&format!("/en/programmes/{slug}/showcase"))
        .await;
    assert_eq!(res.status(), StatusCode::OK, "open to anyone");
    let page = res.text().await.unwrap();
    // The bakery gave no consent to a case study: described, never named.
    assert!(
        page.contains("Waiting for flour")
            && !page.contains("Becws Bach")
            && page.contains("A micro firm (Manufacturing) in Gwynedd"),
        "{page}"
    );
    assert!(
        page.contains("Order flour every Monday"),
        "what they changed"
    );
    assert!(
        page.contains("£1,200"),
        "twelve months of £100, verified: {page}"
    );
    assert!(page.contains("The eight wastes (TIMWOODS) walk") && page.contains("Waiting"));
    for hidden in [&unapproved.title, &cohort_only.title] {
        assert!(!page.contains(hidden.as_str()), "{hidden} is not public");
    }
    let filtered = |q: &'static str| {
        let c = &visitor;
        let slug = slug.clone();
        async move {
            c.get(&format!("/en/programmes/{slug}/showcase?{q}"))
                .await
                .text()
                .await
                .unwrap()
        }
    };
    assert!(
        filtered("waste=waiting")
            .await
            .contains("Waiting for flour")
    );
    assert!(
        !filtered("waste=defects")
            .await
            .contains("Waiting for flour")
    );
    assert!(
        filtered("sector=C&band=micro&tool=eight-wastes")
            .await
            .contains("Waiting for flour")
    );
    assert!(!filtered("sector=G").await.contains("Waiting for flour"));
    assert!(filtered("tool=a3").await.contains("0 projects"));
    let cy = visitor
        .get(&format!("/cy/programmes/{slug}/showcase?waste=waiting"))
        .await
        .text()
        .await
        .unwrap();
    assert!(cy.contains("yr arddangosfa") && cy.contains("Order flour every Monday"));
    assert_eq!(
        visitor
            .get("/en/programmes/no-such-programme/showcase")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

on_both! {
    showcase_public => super::only_approved_public_projects_with_what_they_saved;
}
