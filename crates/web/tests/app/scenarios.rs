//! The scenario planner: projected from the programme's own verified savings,
//! declining below ten organisations, refusing bad assumptions clearly.

use crate::on_both;
use crate::support::{TestApp, project, signed_in_with};
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::impact::Category;
use ymarfer_domain::{Role, Scope};

/// `n` firms in the cohort, each with one verified saving of £1,000 a year.
pub async fn firms_with_verified_savings(
    app: &TestApp,
    programme: i64,
    cohort: i64,
    firms: std::ops::Range<usize>,
    verifier: i64,
) {
    let mut lines = Vec::new();
    for i in firms {
        let org = Firm::named(&format!("Firm {i}"))
            .add(&app.db, programme)
            .await
            .unwrap();
        let p = project(app, cohort, org.id, "Less waiting", "testing", "cohort").await;
        lines.push((
            p.id,
            Line::yearly("Less waiting", 100_000)
                .category(Category::LabourTime)
                .starting(chrono::Utc::now().date_naive())
                .verified(),
        ));
    }
    Line::add_all(&app.db, &lines, verifier).await.unwrap();
}

async fn the_planner_projects_from_verified_savings(app: TestApp) {
    let (programme, cohort) = app
        .db
        .create_programme_with_cohort("cynllun", "Cynllun")
        .await
        .unwrap();
    let (_, observer) = signed_in_with(
        &app,
        "observer@example.com",
        Role::Observer,
        Scope::Programme(programme),
    )
    .await;
    // Nine organisations: too few, and it says so.
    let verifier = app
        .user("verifier@example.com", ymarfer_domain::Lang::En, true)
        .await;
    firms_with_verified_savings(&app, programme, cohort, 0..9, verifier.id).await;
    let res = observer.get("/en/programmes/cynllun/scenarios").await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(
        page.contains(
            "This programme has 9 organisations taking part; a projection needs at least 10"
        ),
        "{page}"
    );
    assert!(!page.contains("Year by year"));

    // A tenth: the hand-worked case of the domain's tests, through the page.
    firms_with_verified_savings(&app, programme, cohort, 9..10, verifier.id).await;
    let query = "cohorts=4&size=12&cost=25000&years=3&not_innovating=75&dropout=25&target=1";
    let page = observer
        .get(&format!("/en/programmes/cynllun/scenarios?{query}"))
        .await
        .text()
        .await
        .unwrap();
    for expected in [
        "£1,000",
        "£36,000",
        "0.4 : 1",
        "£108,000",
        "£300,000",
        "resampling the 10 firms taking part here 10,000 times (10 with verified savings",
        "came to between £36,000.00 and £36,000.00",
    ] {
        assert!(page.contains(expected), "{expected} in the projection");
    }
    // No additionality settings: no net projection (net is gross).
    assert!(!page.contains("Net of what would have happened anyway"));
    // With deadweight of 50% and nothing else, each firm's net saving is half
    // its gross: the same resampling gives half, £18,000, and 0.2 : 1.
    let (_, manager) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(programme),
    )
    .await;
    let res = manager
        .post(
            "/en/programmes/cynllun/additionality",
            &[
                ("deadweight", "50"),
                ("deadweight_source", "Business case"),
                ("displacement", "0"),
                ("leakage", "0"),
                ("substitution", "0"),
                ("persistence_year2", "0"),
                ("persistence_year3", "0"),
                ("persistence_source", "None counted"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = manager
        .get(&format!("/en/programmes/cynllun/scenarios?{query}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(
            "the same resampling of all 10 firms gives one year&#39;s first-year net savings of £18,000.00 in the middle, \
             and between £18,000.00 and £18,000.00 in 8 of every 10 resamples: a net return of 0.2 : 1"
        ),
        "{page}"
    );
    // Firms taking part with nothing verified yet are resampled too, as zeros:
    // two more, and a firm's middle saving falls from £1,000 to about £833.
    for name in ["Firm without savings 1", "Firm without savings 2"] {
        let org = Firm::named(name).add(&app.db, programme).await.unwrap();
        project(&app, cohort, org.id, "Still testing", "testing", "cohort").await;
    }
    let page = observer
        .get(&format!("/en/programmes/cynllun/scenarios?{query}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(
            "resampling the 12 firms taking part here 10,000 times (10 with verified savings"
        ),
        "{page}"
    );
    assert!(
        !page.contains("£36,000.00 and £36,000.00"),
        "zeros widen the band"
    );
    // In Welsh too.
    let cy = observer
        .get(&format!("/cy/programmes/cynllun/scenarios?{query}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(cy.contains("Rhagamcan") && cy.contains("£36,000"));

    // Bad assumptions: each named, nothing projected.
    let res = observer
        .get("/en/programmes/cynllun/scenarios?cohorts=0&size=x&cost=-5&years=99&not_innovating=101&dropout=&target=0")
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for message in [
        "Enter a whole number from 1 to 500.",
        "Enter a whole number from 1 to 100.",
        "Enter a whole number from 1 to 20.",
        "Enter a whole number from 0 to 100.",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert!(!page.contains("Year by year"));

    // A participant may not plan.
    let (_, participant) = signed_in_with(
        &app,
        "participant@example.com",
        Role::Participant,
        Scope::Cohort { programme, cohort },
    )
    .await;
    assert_eq!(
        participant
            .get("/en/programmes/cynllun/scenarios")
            .await
            .status(),
        403
    );
}

on_both! {
    scenario_planner => super::the_planner_projects_from_verified_savings;
}
