//! Kept figures (`docs/kept-figures.md`) follow every write that changes
//! them: what a page reads from them equals what the records make, and a
//! figure altered by hand is named.

use crate::on_both;
use crate::support::{TestApp, manager};
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::Lang;
use ymarfer_domain::health::Similar;
use ymarfer_domain::impact::Status;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::money::Pence;

/// The similar-firms figure of micro manufacturers, read as the health
/// check's result reads it.
async fn similar(app: &TestApp) -> Similar {
    let (firms, middle) = app.db.peer_savings("micro", "C").await.unwrap();
    Similar::ranked(firms, &middle)
}

/// The same figure worked out from every current line.
async fn recomputed(app: &TestApp, programme: i64) -> Similar {
    let mut by_firm = std::collections::BTreeMap::<i64, i64>::new();
    for c in app.db.current_lines(programme, None).await.unwrap() {
        let org = app
            .db
            .organisation_by_id(c.organisation_id)
            .await
            .unwrap()
            .unwrap();
        if c.v.status == Status::Verified
            && org.employee_band == EmployeeBand::Micro
            && org.sic_section == "C"
        {
            *by_firm.entry(c.organisation_id).or_default() += c.v.first_year_pence.unwrap();
        }
    }
    Similar::of(&by_firm.into_values().map(Pence).collect::<Vec<_>>())
}

/// No kept figure differs from the records, and the similar-firms figure
/// read from them is the one worked out afresh.
async fn same(app: &TestApp, programme: i64) -> Similar {
    assert_eq!(app.db.kept_drift().await.unwrap(), vec![]);
    // The median a claim is set beside, read from the index, is the one
    // worked out from every verified line.
    let (count, middle) = app.db.verified_middle(programme).await.unwrap();
    let every: Vec<Pence> = app
        .db
        .verified_by(programme, ymarfer_store::ledger::VerifiedBy::Line)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(count, every.len());
    assert_eq!(
        ymarfer_domain::ledger::Verified::ranked(count, &middle),
        ymarfer_domain::ledger::Verified::of(&every)
    );
    let kept = similar(app).await;
    assert_eq!(kept, recomputed(app, programme).await);
    kept
}

/// A line verified by `by`, at the version they saw.
async fn verify(app: &TestApp, by: i64, line: i64) {
    let seen = app.db.benefit_line_versions(line).await.unwrap().len() as i64;
    app.db
        .verify_benefit_line(line, by, seen, "Gwelwyd")
        .await
        .unwrap();
}

async fn kept_figures_follow_every_write(app: TestApp) {
    let (staff, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    // Twelve micro manufacturers, each with a claimed line: none counts yet.
    let mut firms = Vec::new();
    for i in 0..12i64 {
        let org = Firm::named(&format!("Gwaith {i}"))
            .add(&app.db, programme)
            .await
            .unwrap();
        let project = crate::support::project(
            &app,
            cohort,
            org.id,
            &format!("Prosiect {i}"),
            "testing",
            "cohort",
        )
        .await;
        let line = Line::monthly("Llai o wastraff", 10_000 * (i + 1))
            .starting(day)
            .add(&app.db, project.id, None)
            .await
            .unwrap();
        firms.push((org, project.id, line));
    }
    assert_eq!(same(&app, programme).await, Similar::Withheld { firms: 0 });
    // Each verified: all twelve count.
    for (_, _, line) in &firms {
        verify(&app, staff.id, *line).await;
    }
    assert!(matches!(
        same(&app, programme).await,
        Similar::Shown { firms: 12, .. }
    ));
    // A second verified line adds to its firm, not to the count.
    Line::monthly("Llai o amser", 5_000)
        .starting(day)
        .verified()
        .add(&app.db, firms[0].1, staff.id)
        .await
        .unwrap();
    assert!(matches!(
        same(&app, programme).await,
        Similar::Shown { firms: 12, .. }
    ));
    // A firm grows out of the band; another's line goes back to claimed.
    let mut input = Firm::named("Gwaith 1").band(EmployeeBand::Small).input();
    input.name = firms[1].0.name.clone();
    app.db
        .save_organisation(firms[1].0.id, &input, None, |_| Vec::new())
        .await
        .unwrap();
    let seen = app
        .db
        .benefit_line_versions(firms[2].2)
        .await
        .unwrap()
        .len() as i64;
    app.db
        .reopen_benefit_line(firms[2].2, staff.id, seen, "Anghywir")
        .await
        .unwrap();
    assert!(matches!(
        same(&app, programme).await,
        Similar::Shown { firms: 10, .. }
    ));
    // Changed and verified again at a new amount.
    let mut changed = Line::monthly("Llai o wastraff", 99_000)
        .starting(day)
        .input();
    changed.status = Status::Claimed;
    app.db
        .change_benefit_line(firms[2].2, &changed, None)
        .await
        .unwrap();
    verify(&app, staff.id, firms[2].2).await;
    assert!(matches!(
        same(&app, programme).await,
        Similar::Shown { firms: 11, .. }
    ));

    // Places: people enrolled, one withdrawn; counted as they change.
    for (i, (org, _, _)) in firms.iter().take(3).enumerate() {
        let person = app
            .user(&format!("person{i}@example.com"), Lang::Cy, false)
            .await;
        app.db
            .enrol(programme, cohort, person.id, Some(org.id), None)
            .await
            .unwrap();
        if i == 0 {
            app.db
                .withdraw(cohort, person.id, None, "Symud")
                .await
                .unwrap();
        }
    }
    same(&app, programme).await;

    // A kept figure altered by hand is named.
    app.db
        .execute_unchecked("UPDATE peer_savings SET value_pence = value_pence + 1")
        .await
        .unwrap();
    app.db
        .execute_unchecked(&format!(
            "UPDATE cohorts SET active_enrolments = 7 WHERE id = {cohort}"
        ))
        .await
        .unwrap();
    app.db
        .execute_unchecked("UPDATE ledger_sums SET lines = lines + 1 WHERE status = 'verified'")
        .await
        .unwrap();
    let drift = app.db.kept_drift().await.unwrap();
    let figures: Vec<_> = drift.iter().map(|d| (d.figure, d.key)).collect();
    assert!(figures.contains(&("ledger sums", programme)), "{drift:?}");
    assert!(
        figures.contains(&("peer savings", firms[0].0.id)),
        "{drift:?}"
    );
    assert!(figures.contains(&("cohort places", cohort)), "{drift:?}");
    assert!(drift.iter().all(|d| d.kept != d.recomputed));
    app.db
        .execute_unchecked("UPDATE peer_savings SET value_pence = value_pence - 1")
        .await
        .unwrap();
    app.db
        .execute_unchecked("UPDATE ledger_sums SET lines = lines - 1 WHERE status = 'verified'")
        .await
        .unwrap();
    app.db
        .execute_unchecked(&format!(
            "UPDATE cohorts SET active_enrolments = 2 WHERE id = {cohort}"
        ))
        .await
        .unwrap();
    same(&app, programme).await;

    // A claim far above the programme's typical verified line is flagged in
    // the claims queue, beside the median read from the index.
    Line::monthly("Llawer mwy", 10_000_000)
        .starting(day)
        .add(&app.db, firms[3].1, None)
        .await
        .unwrap();
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let queue = c
        .get(&format!("/en/programmes/{slug}/claims"))
        .await
        .text()
        .await
        .unwrap();
    assert!(queue.contains("Far above other lines"), "{queue}");

    // The programme removed: its lines and places go with it.
    app.db.delete_programme(programme).await.unwrap();
    assert_eq!(app.db.kept_drift().await.unwrap(), vec![]);
}

on_both! {
    kept_figures => super::kept_figures_follow_every_write;
}
