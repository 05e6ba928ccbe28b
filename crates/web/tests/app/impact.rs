//! The benefit ledger and impact: lines valued by the method, verified by staff,
//! changes that return a verified line to claimed, and the dashboards.

use crate::on_both;
use crate::support::{TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::{Lang, Role, Scope};

async fn ledger_verify_change_and_dashboards(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let mut p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    // Programme: cost £1,000.00, default rate £25.00, capture factor 0.8.
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        cost_pence: 100_000,
        default_hourly_rate_pence: 2500,
        capture_factor_thousandths: 800,
        ..Default::default()
    };
    app.db.update_programme(p.id, &input).await.unwrap();
    p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let org = Firm::named("Garej Glan")
        .sector('G')
        .area("conwy")
        .rate(2000)
        .add(&app.db, programme)
        .await
        .unwrap();
    let owner = app.user("gwen@garej.cymru", Lang::En, false).await;
    app.db
        .enrol(programme, cohort, owner.id, Some(org.id), None)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Parts", "testing", "cohort").await;
    let c = app.client();
    c.sign_in("gwen@garej.cymru").await;
    let new = format!("/en/projects/{}/benefits/new", project.id);
    let base = [
        ("description", "Time saved searching"),
        ("category", "labour_time"),
        ("savings_type", "soft"),
        ("frequency", "weekly"),
        ("starts_on", "2026-02-30"),
        ("status", "claimed"),
    ];
    let res = c.post(&new, &base).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Give either an amount or hours, not both and not neither.")
            && html.contains("Enter a real date.")
    );
    let mut form = base.to_vec();
    form[4] = ("starts_on", "2026-03-02");
    form.push(("hours", "-2"));
    assert!(
        c.post(&new, &form)
            .await
            .text()
            .await
            .unwrap()
            .contains("Enter hours as a number")
    );
    form.pop();
    // 2.5 hours a week at the firm's £20.00 × 0.8 = £40.00 a week → £2,080.00 in the first year.
    form.push(("hours", "2.5"));
    let res = c.post(&new, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // £150.00 a month of materials, forecast → £1,800.00.
    let res = c
        .post(
            &new,
            &[
                ("description", "Less stock written off"),
                ("category", "materials"),
                ("savings_type", "hard"),
                ("frequency", "monthly"),
                ("starts_on", "2026-03-02"),
                ("status", "forecast"),
                ("amount", "150"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = c
        .get(&format!("/en/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("£2,080.00") && html.contains("£1,800.00"),
        "{html}"
    );
    assert!(!html.contains("/verify"), "owners cannot verify");
    let line = app.db.benefit_history(project.id).await.unwrap()[0].line_id;
    assert_eq!(
        c.post(
            &format!("/en/projects/{}/benefits/{line}/verify", project.id),
            &[("version", "1")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );

    let facilitator = app.user("hwylusydd@example.com", Lang::Cy, false).await;
    app.db
        .grant(
            facilitator.id,
            Role::Facilitator,
            Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    let f = app.client();
    f.sign_in("hwylusydd@example.com").await;
    let res = f
        .post(
            &format!("/cy/projects/{}/benefits/{line}/verify", project.id),
            &[("version", "1"), ("note", "Gwelais y cofnodion amser.")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/cy/projects/{}?done=verified#ledger", project.id)
    );
    let v = app
        .db
        .benefit_history(project.id)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.line_id == line)
        .unwrap();
    assert_eq!(
        (v.status.as_str(), v.verified_by),
        ("verified", Some(facilitator.id))
    );
    assert!(v.verified_at.is_some());

    // The dashboards, in both languages: verified £2,080.00 on a cost of £1,000.00 is 2.1 : 1.
    for (lang, roi) in [("en", "2.1 : 1"), ("cy", "2.1 : 1")] {
        let html = f
            .get(&format!("/{lang}/programmes/{slug}/impact"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("£2,080.00") && html.contains(roi),
            "{lang}: {html}"
        );
    }
    let (report, _) =
        ymarfer_app::report::impact_report(&app.db, ymarfer_app::i18n::Tr(Lang::En), &p, None)
            .await
            .unwrap();
    assert_eq!(
        (
            report.first_year_pence.verified,
            report.first_year_pence.forecast
        ),
        (208_000, 180_000)
    );
    assert_eq!(report.roi_verified, Some(2.08));

    // Changing a verified line makes a new version, back at claimed.
    let edit = format!("/en/projects/{}/benefits/{line}", project.id);
    assert!(
        c.get(&edit)
            .await
            .text()
            .await
            .unwrap()
            .contains("This line has been verified.")
    );
    let mut changed = form.clone();
    changed.pop();
    changed.push(("hours", "3"));
    assert_eq!(
        c.post(&edit, &changed).await.status(),
        StatusCode::SEE_OTHER
    );
    let history: Vec<_> = app
        .db
        .benefit_history(project.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|v| v.line_id == line)
        .collect();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[0].status.as_str(), history[1].status.as_str()),
        ("verified", "claimed")
    );
    assert_eq!(
        history[0].hours_hundredths,
        Some(250),
        "the verified version is kept as it was"
    );

    // A case study needs the organisation's consent.
    let case = format!("/en/projects/{}/case-study", project.id);
    assert_eq!(c.get(&case).await.status(), StatusCode::NOT_FOUND);
    let res = c
        .post(
            &format!("/en/projects/{}/edit", project.id),
            &[
                ("title", "Parts"),
                ("problem", "An hour a day"),
                ("business_function", "production"),
                ("status", "sustaining"),
                ("visibility", "cohort"),
                ("case_study_consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = c.get(&case).await.text().await.unwrap();
    assert!(
        html.contains("Case study: Parts")
            && html.contains("Garej Glan, Wholesale and retail trade"),
        "{html}"
    );
    assert!(
        html.contains("Verified first-year savings: £0.00."),
        "the changed line is claimed again: {html}"
    );

    // The organisation's own figures, across its projects.
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let html = m
        .get(&format!("/en/organisations/{}", org.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<dt>Claimed</dt><dd>£2,496.00</dd>")
            && html.contains("<dt>Forecast</dt><dd>£1,800.00</dd>"),
        "3 h × £20 × 0.8 × 52: {html}"
    );

    // An observer sees the dashboard, but no project or ledger.
    let observer = app.user("observer@example.com", Lang::En, false).await;
    app.db
        .grant(observer.id, Role::Observer, Scope::Programme(programme))
        .await
        .unwrap();
    let o = app.client();
    o.sign_in("observer@example.com").await;
    assert_eq!(
        o.get(&format!("/en/programmes/{slug}/impact"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        o.get(&format!("/en/projects/{}", project.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let csv = o
        .get(&format!("/en/programmes/{slug}/reports/impact.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("first_year_verified_pence,0"),
        "after the change nothing is verified: {csv}"
    );
    assert_eq!(
        o.get(&format!("/en/programmes/{slug}/reports/impact.xlsx"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let xlsx = m
        .get(&format!("/en/programmes/{slug}/reports/impact.xlsx"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(&xlsx[..2], b"PK", "an XLSX workbook");
}

async fn capability_and_followups(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    // The cohort ended four months ago.
    let mut c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    c.ends_on = Some(chrono::Utc::now().date_naive() - chrono::Duration::days(125));
    let input = ymarfer_store::programmes::CohortInput {
        slug: c.slug.clone(),
        name_en: c.name_en.clone(),
        name_cy: c.name_cy.clone(),
        starts_on: None,
        ends_on: c.ends_on,
        capacity: 10,
        delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
        region: ymarfer_domain::reference::Region::MidWales,
        cost_share_pence: None,
        language: c.language,
    };
    app.db.update_cohort(cohort, &input).await.unwrap();
    let org = Firm::named("Melin Wlân")
        .band(ymarfer_domain::innovation::EmployeeBand::Small)
        .add(&app.db, programme)
        .await
        .unwrap();
    let me = app.user("elen@melin.cymru", Lang::Cy, false).await;
    app.db
        .enrol(programme, cohort, me.id, Some(org.id), None)
        .await
        .unwrap();
    let p = app.client();
    p.sign_in("elen@melin.cymru").await;
    // Her home says the cohort has finished, rather than waiting for a session.
    let home = p.get("/cy").await.text().await.unwrap();
    assert!(home.contains("Daeth y garfan i ben ar"), "{home}");
    let cap = format!("/cy/programmes/{slug}/cohorts/cohort-1/capability");
    let html = p.get(&cap).await.text().await.unwrap();
    assert!(
        html.contains("Cyn i&#39;r rhaglen ddechrau")
            && html.contains("name=\"stage\" value=\"pre\"")
    );
    let res = p
        .post(
            &cap,
            &[("stage", "pre"), ("map_process", "2"), ("find_causes", "9")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Dewiswch rif o 1 i 5."));
    let answers = |stage: &'static str, score: &'static str| {
        vec![
            ("stage", stage),
            ("map_process", score),
            ("find_causes", score),
            ("test_change", score),
            ("measure_result", score),
            ("lead_improvement", score),
        ]
    };
    assert_eq!(
        p.post(&cap, &answers("pre", "2")).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(
        p.get(&cap)
            .await
            .text()
            .await
            .unwrap()
            .contains("name=\"stage\" value=\"post\""),
        "post after pre"
    );
    assert_eq!(
        p.post(&cap, &answers("post", "4")).await.status(),
        StatusCode::SEE_OTHER
    );
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    assert_eq!(
        m.get(&cap).await.status(),
        StatusCode::FORBIDDEN,
        "only participants answer"
    );
    let html = m
        .get(&format!("/en/programmes/{slug}/cohorts/cohort-1/impact"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<td>I can plan and run a small test of a change.</td><td>1</td><td>2.0</td><td>4.0</td>"), "{html}");

    // A forecast saving whose actual figure the follow-up asks for.
    let project =
        crate::support::project(&app, cohort, org.id, "Dyeing", "sustaining", "cohort").await;
    let forecast = Line::monthly("Less dye wasted", 10_000)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
        .forecast();
    let line = forecast.add(&app.db, project.id, None).await.unwrap();

    // The 3-month follow-up is due; the 6- and 12-month ones are not.
    let today = chrono::Utc::now().date_naive();
    let run = |sent, reminded| ymarfer_app::followups::FollowupRun {
        sent,
        reminded,
        rechecks: 0,
        leads_forgotten: 0,
        failed: 0,
    };
    assert_eq!(
        ymarfer_app::followups::send_due(&app.state, today)
            .await
            .unwrap(),
        run(1, 0)
    );
    assert_eq!(
        ymarfer_app::followups::send_due(&app.state, today)
            .await
            .unwrap(),
        run(0, 0),
        "not sent twice"
    );
    let (_, subject, _) = app.outbox().pop().unwrap();
    assert_eq!(
        subject, "Sut mae eich newid yn mynd?",
        "in the participant's language"
    );
    // Unanswered after two weeks: one reminder, with a fresh link.
    let later = today + chrono::Duration::days(15);
    assert_eq!(
        ymarfer_app::followups::send_due(&app.state, later)
            .await
            .unwrap(),
        run(0, 1)
    );
    assert_eq!(
        ymarfer_app::followups::send_due(&app.state, later)
            .await
            .unwrap(),
        run(0, 0),
        "reminded once"
    );
    let link = app.emailed_link("elen@melin.cymru");
    assert!(link.starts_with("/cy/follow-up/"));
    let visitor = app.client();
    // A project the firm began on its own after the end (the cohort's dates
    // were set after its first project, so that one counts too).
    crate::support::project(&app, cohort, org.id, "Lliwio eto", "defining", "private").await;
    let html = visitor.get(&link).await.text().await.unwrap();
    assert!(html.contains("Mae 3 mis ers i&#39;ch carfan ddod i ben."));
    assert!(
        html.contains(
            "Mae eich cwmni wedi dechrau 2 brosiect yn Ymarfer ers i&#39;r rhaglen ddod i ben"
        ),
        "projects begun after the end are counted already: {html}"
    );
    assert!(
        html.contains("Less dye wasted (Dyeing)"),
        "forecast lines are asked about: {html}"
    );
    let actual = format!("actual-{line}");
    let res = visitor
        .post(
            &link,
            &[("new_projects", "lots"), (actual.as_str(), "£eighty")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text().await.unwrap().contains("value=\"£eighty\""),
        "what was typed is kept"
    );
    let res = visitor
        .post(
            &link,
            &[
                ("still_in_use", "yes"),
                ("new_projects", "2"),
                ("q2", "yes"),
                (actual.as_str(), "80"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        visitor.get(&link).await.status(),
        StatusCode::GONE,
        "answered once"
    );
    // Sent again, it is gone: nothing more is written or recorded.
    let again = visitor
        .post(
            &link,
            &[
                ("still_in_use", "no"),
                ("new_projects", "0"),
                (actual.as_str(), "1"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::GONE);
    let trail = app
        .trail(
            programme,
            ymarfer_domain::audit::AuditAction::FollowupAnswered,
        )
        .await;
    assert_eq!(trail.len(), 1, "one record of the answer");
    assert!(
        trail[0]
            .detail
            .contains("still in use: yes; 2 new projects; 1 actual figures"),
        "{}",
        trail[0].detail
    );
    let versions = app.db.benefit_line_versions(line).await.unwrap();
    let last = versions.last().unwrap();
    assert_eq!(
        (versions.len(), last.status.as_str(), last.amount_pence),
        (2, "claimed", Some(8_000)),
        "the actual figure, as a claim"
    );
    let history = app.db.innovation_answers(org.id).await.unwrap();
    assert!(
        history
            .iter()
            .any(|a| a.stage == ymarfer_domain::innovation::Stage::FollowUp3
                && a.new_business_process)
    );
    let html = m
        .get(&format!("/en/programmes/{slug}/impact"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<dd>100% (1/1)</dd>"),
        "answered and sustained: {html}"
    );
    assert!(
        html.contains("<dd>2 (by 1 firm), counted as sustained innovation</dd>"),
        "{html}"
    );
}

/// A cohort's figures stay put: once it has verified savings its share of the
/// cost is fixed, so adding a cohort leaves its return on investment unchanged;
/// the share changes only when someone has seen the return before and after.
/// Cohorts run within their programme's dates.
async fn cohort_figures_are_stable(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        ends_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
        cost_pence: 100_000,
        default_hourly_rate_pence: 2500,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    app.db.update_programme(programme, &input).await.unwrap();
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let org = Firm::named("Becws")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Bara", "testing", "cohort").await;
    // £100 a month → £1,200.00 in the first year.
    let line = Line::monthly("Less flour wasted", 10_000)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    let id = line.add(&app.db, project.id, None).await.unwrap();
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let res = m
        .post(
            &format!("/en/projects/{}/benefits/{id}/verify", project.id),
            &[("version", "1"), ("note", "Invoices seen")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let roi = |app: &TestApp, cohort: i64| {
        let db = app.db.clone();
        let p = p.clone();
        async move {
            let c = db.cohort_by_id(cohort).await.unwrap().unwrap();
            ymarfer_app::report::impact_report(&db, ymarfer_app::i18n::Tr(Lang::En), &p, Some(&c))
                .await
                .unwrap()
                .0
                .roi_display
        }
    };
    assert_eq!(roi(&app, cohort).await, "1.2 : 1");
    assert_eq!(
        app.db
            .cohort_by_id(cohort)
            .await
            .unwrap()
            .unwrap()
            .cost_share_pence,
        Some(100_000),
        "fixed when its first saving was verified"
    );

    // A cohort outside the programme's dates is refused; one inside is added.
    let new = format!("/en/programmes/{}/cohorts/new", p.slug);
    let cohort_form = |slug: &'static str, starts: &'static str, ends: &'static str| {
        vec![
            ("name_en", "Second"),
            ("name_cy", "Ail"),
            ("slug", slug),
            ("starts_on", starts),
            ("ends_on", ends),
            ("capacity", "10"),
            ("delivery_mode", "online"),
            ("region", "mid_wales"),
        ]
    };
    let res = m
        .post(&new, &cohort_form("second", "2025-12-01", "2027-02-01"))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("A cohort cannot start before its programme does (1 January 2026)."));
    assert!(html.contains("A cohort cannot end after its programme does (31 December 2026)."));
    // The first cohort's share took the whole cost when it was fixed, so an
    // equal share of what is left would be nothing: a share must be given.
    let res = m
        .post(&new, &cohort_form("second", "2026-06-01", "2026-11-30"))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The other cohorts&#39; fixed shares take the whole programme cost")
    );
    let mut with_share = cohort_form("second", "2026-06-01", "2026-11-30");
    with_share.push(("cost_share", "500"));
    let res = m.post(&new, &with_share).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        roi(&app, cohort).await,
        "1.2 : 1",
        "adding a cohort leaves a finished cohort's return unchanged"
    );
    let second = app
        .db
        .cohort_by_slug(programme, "second")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(second.cost_share_pence, Some(50_000));
    let html = m
        .get(&format!("/en/programmes/{}", p.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(
            "The cohorts&#39; shares add up to £1,500.00, but the programme costs £1,000.00."
        ),
        "the programme page says the shares do not add up"
    );

    // Changing the share shows the return before and after, and saves only when confirmed.
    let edit = format!("/en/programmes/{}/cohorts/cohort-1/edit", p.slug);
    let c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    let starts = c.starts_on.map(|d| d.to_string()).unwrap_or_default();
    let ends = c.ends_on.map(|d| d.to_string()).unwrap_or_default();
    let mut form = vec![
        ("name_en", c.name_en.as_str()),
        ("name_cy", c.name_cy.as_str()),
        ("starts_on", starts.as_str()),
        ("ends_on", ends.as_str()),
        ("capacity", "10"),
        ("delivery_mode", "online"),
        ("region", "mid_wales"),
        ("cost_share", "500"),
    ];
    let res = m.post(&edit, &form).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("from £1,000.00 to £500.00") && html.contains("from 1.2 : 1 to 2.4 : 1"),
        "{html}"
    );
    assert_eq!(roi(&app, cohort).await, "1.2 : 1", "nothing saved yet");
    form.push(("confirm_share", "yes"));
    assert_eq!(m.post(&edit, &form).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(roi(&app, cohort).await, "2.4 : 1");
}

/// Each dashboard offers only the downloads its viewer may follow, and the
/// cohort's own CSV works.
async fn downloads_offered_to_those_who_may(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let observer = app.user("arsyllwr@example.com", Lang::En, false).await;
    app.db
        .grant(observer.id, Role::Observer, Scope::Programme(programme))
        .await
        .unwrap();
    let _ = cohort;
    let o = app.client();
    o.sign_in("arsyllwr@example.com").await;
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let csv_link = regex::Regex::new(r#"href="([^"]+impact\.csv)""#).unwrap();
    let xlsx_link = regex::Regex::new(r#"href="([^"]+impact\.xlsx)""#).unwrap();
    for page in [
        format!("/en/programmes/{slug}/impact"),
        format!("/en/programmes/{slug}/cohorts/cohort-1/impact"),
    ] {
        let seen = o.get(&page).await.text().await.unwrap();
        assert!(
            !seen.contains("impact.xlsx"),
            "no link that would be refused"
        );
        let csv = csv_link.captures(&seen).expect("a CSV link")[1].to_string();
        let res = o.get(&csv).await;
        assert_eq!(res.status(), StatusCode::OK, "{csv}");
        assert!(
            res.text()
                .await
                .unwrap()
                .starts_with("measure,value,description,unit")
        );
        // In the reader's language, with the stable codes kept for programs.
        let welsh = o
            .get(&csv.replacen("/en/", "/cy/", 1))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            welsh.starts_with("mesur,gwerth,disgrifiad,uned")
                && welsh.contains("first_year_verified_pence,0,Gwerth y flwyddyn gyntaf wedi'i ddilysu (ceiniogau),pence"),
            "{welsh}"
        );
        let managed = m.get(&page).await.text().await.unwrap();
        let xlsx = xlsx_link.captures(&managed).expect("an XLSX link")[1].to_string();
        assert_eq!(m.get(&xlsx).await.status(), StatusCode::OK, "{xlsx}");
    }
}

/// Verifying is a considered act: a queue of claims, a page that shows how a
/// line is worked out and what deserves a second look, a required note, and
/// "verified by whom, when, with what note" shown with the line.
async fn verification_people_can_defend(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
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
    let project = crate::support::project(&app, cohort, org.id, "Bara", "testing", "cohort").await;
    // A micro bakery claiming £1,200 a week: £62,400 in the first year.
    let line = Line::weekly("Flour bought to demand", 120_000)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    let id = line.add(&app.db, project.id, None).await.unwrap();
    let (_, f) = crate::support::signed_in_with(
        &app,
        "hwylusydd@example.com",
        Role::Facilitator,
        Scope::Cohort { programme, cohort },
    )
    .await;
    // Their home leads to the claim, and the manager's shows the programme's figures.
    let home = f.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "href=\"/en/programmes/{slug}/claims\">1 claimed saving to verify</a>"
        )),
        "{home}"
    );
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let home = m.get("/cy").await.text().await.unwrap();
    assert!(
        home.contains("Wedi&#39;i ddilysu")
            && home.contains("1 arbediad a hawliwyd i&#39;w ddilysu"),
        "{home}"
    );
    // The facilitator's home leads to the cohort's own queue too.
    let home = f.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "href=\"/en/programmes/{slug}/claims?cohort=cohort-1\">1 claimed saving to verify</a>"
        )),
        "{home}"
    );
    let queue = f
        .get(&format!("/en/programmes/{slug}/claims"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        queue.contains("1 claim waiting") && queue.contains("£62,400.00"),
        "{queue}"
    );
    assert!(queue.contains("Large for the firm&#39;s size"), "{queue}");
    let verify = format!("/en/projects/{}/benefits/{id}/verify", project.id);
    assert!(queue.contains(&verify));
    let page = f.get(&verify).await.text().await.unwrap();
    assert!(
        page.contains("£1,200.00 a period × 52 (Every week) = £62,400.00 in the first year."),
        "{page}"
    );
    assert!(page.contains("more than a Micro"), "{page}");
    let res = f.post(&verify, &[("version", "1"), ("note", "  ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        app.db.benefit_history(project.id).await.unwrap()[0].status
            == ymarfer_domain::impact::Status::Claimed,
        "no note, not verified"
    );
    let res = f
        .post(
            &verify,
            &[("version", "1"), ("note", "Saw a year of flour invoices.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = f
        .get(&format!("/en/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Verified by Test Person on")
            && html.contains("Saw a year of flour invoices."),
        "{html}"
    );
    let queue = f
        .get(&format!("/en/programmes/{slug}/claims"))
        .await
        .text()
        .await
        .unwrap();
    assert!(queue.contains("No claimed savings are waiting to be verified."));

    // Back to claimed: an explicit act with a reason, the verified version kept.
    let reopen = format!("/en/projects/{}/benefits/{id}/reopen", project.id);
    let res = f.post(&reopen, &[("version", "1"), ("reason", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = f
        .post(
            &reopen,
            &[
                ("version", "1"),
                ("reason", "The invoices were for the other shop."),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/projects/{}?done=reopened#ledger", project.id)
    );
    let history = app.db.benefit_history(project.id).await.unwrap();
    assert_eq!(history.len(), 2, "the verified version is kept");
    assert_eq!(history[0].status, ymarfer_domain::impact::Status::Verified);
    assert_eq!(history[1].status, ymarfer_domain::impact::Status::Claimed);
    assert_eq!(
        history[1].change_note.as_deref(),
        Some("The invoices were for the other shop.")
    );
    let queue = f
        .get(&format!("/en/programmes/{slug}/claims"))
        .await
        .text()
        .await
        .unwrap();
    assert!(queue.contains("1 claim waiting"), "back in the queue");
    // One cohort's queue, and back to it after verifying; a made-up return is ignored.
    let mine = f
        .get(&format!("/en/programmes/{slug}/claims?cohort=cohort-1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        mine.contains("1 claim waiting") && mine.contains("verify?from=queue/cohort-1"),
        "{mine}"
    );
    assert_eq!(
        f.get(&format!("/en/programmes/{slug}/claims?cohort=nope"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = f
        .post(
            &verify,
            &[
                ("version", "2"),
                ("note", "The right shop's invoices."),
                ("from", "queue/cohort-1"),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/programmes/{slug}/claims?cohort=cohort-1&done=verified")
    );
    let reopened = f
        .post(&reopen, &[("version", "2"), ("reason", "Checking again.")])
        .await;
    assert_eq!(reopened.status(), StatusCode::SEE_OTHER);
    let res = f
        .post(
            &verify,
            &[
                ("version", "3"),
                ("note", "Checked."),
                ("from", "queue/../../evil"),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/projects/{}?done=verified#ledger", project.id)
    );
}

/// Every current line's stored value and CO2e are what the impact method gives,
/// and the report's sums of them equal the method's totals over the lines.
async fn assert_values_current(app: &TestApp, programme: i64) {
    // Every kept figure (line values, the programme's sums, similar firms'
    // savings) equals what the records make.
    assert_eq!(app.db.kept_drift().await.unwrap(), vec![], "kept figures");
    use ymarfer_domain::Pence;
    use ymarfer_domain::impact::GhgFactors;
    use ymarfer_domain::ledger::Summary;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let factors = GhgFactors::shipped().unwrap();
    let rate = Pence(p.default_hourly_rate_pence);
    let capture = ymarfer_store::ledger::capture_factor(p.capture_factor_thousandths);
    let current = app.db.current_lines(programme, None).await.unwrap();
    assert!(!current.is_empty());
    let mut lines = Vec::new();
    for c in &current {
        let line = c.v.line(c.organisation_rate).unwrap();
        assert_eq!(
            c.v.first_year_pence,
            Some(line.first_year_value(rate, capture).0),
            "line {} version {}",
            c.v.line_id,
            c.v.version
        );
        assert_eq!(
            c.v.co2e_grams,
            Some(factors.first_year_co2e_grams(&line.environment, line.frequency))
        );
        lines.push(line);
    }
    let expected = Summary::of(&lines, Pence(p.cost_pence), rate, capture, Some(factors));
    let (report, summary) =
        ymarfer_app::report::impact_report(&app.db, ymarfer_app::i18n::Tr(Lang::En), &p, None)
            .await
            .unwrap();
    assert_eq!(summary, expected);
    // And the lines' own figures, summed by line, cohort and organisation.
    use ymarfer_store::ledger::VerifiedBy;
    let verified: Vec<_> = current
        .iter()
        .zip(&lines)
        .filter(|(_, l)| l.status == ymarfer_domain::impact::Status::Verified)
        .map(|(c, l)| (c, l.first_year_value(rate, capture)))
        .collect();
    type Key = fn(&ymarfer_store::ledger::CurrentLine) -> i64;
    let by = |key: Key| {
        let mut sums = std::collections::BTreeMap::<i64, i64>::new();
        for (c, v) in &verified {
            *sums.entry(key(c)).or_default() += v.0;
        }
        sums.into_iter()
            .map(|(k, v)| (k, Pence(v)))
            .collect::<Vec<_>>()
    };
    let keys: [(VerifiedBy, Key); 3] = [
        (VerifiedBy::Line, |c| c.v.line_id),
        (VerifiedBy::Cohort, |c| c.cohort_id),
        (VerifiedBy::Organisation, |c| c.organisation_id),
    ];
    for (grouping, key) in keys {
        assert_eq!(
            app.db.verified_by(programme, grouping).await.unwrap(),
            by(key),
            "{grouping:?}"
        );
    }
    assert_eq!(
        report.first_year_pence.verified,
        expected.first_year.verified.0
    );
}

/// Stored values follow every write that could change them: lines added,
/// verified, changed and returned to claimed, and the organisation's and the
/// programme's rates changed; a verified line keeps the rate it was verified at.
async fn stored_values_follow_every_write(app: TestApp) {
    let (staff, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let firm = Firm::named("Popty Pen").area("gwynedd").rate(2000);
    let org = firm.add(&app.db, programme).await.unwrap();
    let mut input = firm.input();
    let project = crate::support::project(&app, cohort, org.id, "Ovens", "testing", "cohort").await;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    // 2.5 hours a week at the firm's rate, with energy saved; and £150 a month.
    let hours = Line::hours("Less time cleaning", 250)
        .starting(day)
        .energy_kwh_milli(12_500);
    let amount = Line::monthly("Less flour wasted", 15_000)
        .savings(ymarfer_domain::impact::SavingsType::Soft)
        .starting(day);
    let ids = Line::add_all(
        &app.db,
        &[(project.id, hours.clone()), (project.id, amount)],
        None,
    )
    .await
    .unwrap();
    assert_values_current(&app, programme).await;
    let value_of = |line: i64| {
        let app = &app;
        async move {
            app.db
                .current_lines(programme, None)
                .await
                .unwrap()
                .into_iter()
                .find(|c| c.v.line_id == line)
                .and_then(|c| c.v.first_year_pence)
                .unwrap()
        }
    };
    // £20 × 2.5 h × 52 at the programme's capture factor (1.0 here).
    let before = value_of(ids[0]).await;
    assert_eq!(before, 260_000);
    // The hours line verified: it keeps the £20 rate from now on.
    let seen = app.db.benefit_line_versions(ids[0]).await.unwrap().len() as i64;
    app.db
        .verify_benefit_line(ids[0], staff.id, seen, "Seen the rota")
        .await
        .unwrap();
    assert_values_current(&app, programme).await;
    // The firm's rate rises to £30: the verified line stays; a claimed hours
    // line added now is valued at £30.
    input.hourly_rate_pence = Some(3000);
    app.db
        .save_organisation(org.id, &input, None, |_| Vec::new())
        .await
        .unwrap();
    let later = hours.add(&app.db, project.id, None).await.unwrap();
    assert_eq!(value_of(ids[0]).await, before);
    assert_eq!(value_of(later).await, 390_000);
    assert_values_current(&app, programme).await;
    // The firm's own rate removed: the claimed line falls back to the
    // programme's, at its capture factor.
    input.hourly_rate_pence = None;
    app.db
        .save_organisation(org.id, &input, None, |_| Vec::new())
        .await
        .unwrap();
    assert_values_current(&app, programme).await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let settings = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        cost_pence: 500_000,
        default_hourly_rate_pence: 2400,
        capture_factor_thousandths: 750,
        ..Default::default()
    };
    app.db.update_programme(programme, &settings).await.unwrap();
    // £24 × 0.75 × 2.5 h × 52 = £2,340.00.
    assert_eq!(value_of(later).await, 234_000);
    assert_eq!(value_of(ids[0]).await, before);
    assert_values_current(&app, programme).await;
    // A changed line, and the verified one returned to claimed: both valued
    // at today's rates.
    let mut changed = hours.input();
    changed.hours_hundredths = Some(400);
    app.db
        .change_benefit_line(ids[1], &changed, None)
        .await
        .unwrap();
    let seen = app.db.benefit_line_versions(ids[0]).await.unwrap().len() as i64;
    app.db
        .reopen_benefit_line(ids[0], staff.id, seen, "Rota was wrong")
        .await
        .unwrap();
    assert_eq!(value_of(ids[0]).await, 234_000);
    assert_values_current(&app, programme).await;
    // Versions written before values were stored are valued when the server
    // starts.
    app.db.forget_values().await.unwrap();
    app.db.migrate().await.unwrap();
    assert_values_current(&app, programme).await;
}

/// The cumulative chart shows what has happened: its months run from the
/// programme's start to this month, the last standing at today, and payback
/// is explained under it.
async fn cumulative_savings_stop_at_today(app: TestApp) {
    use chrono::Datelike;
    let (_, programme, cohort) = manager(&app, "rheolwr.heddiw@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let today = ymarfer_domain::uktime::today();
    let this_month = today.with_day(1).unwrap();
    let start = this_month - chrono::Months::new(3);
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        starts_on: Some(start),
        cost_pence: 100_000,
        default_hourly_rate_pence: 2500,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    app.db.update_programme(programme, &input).await.unwrap();
    let org = Firm::named("Becws Heddiw")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Bara", "testing", "cohort").await;
    let manager_user = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("rheolwr.heddiw@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    // £300 a month from the programme's start: £3,600 in the first year.
    let line = Line::monthly("Less flour wasted", 30_000)
        .starting(start)
        .verified();
    line.add(&app.db, project.id, manager_user.id)
        .await
        .unwrap();
    let m = app.client();
    m.sign_in("rheolwr.heddiw@example.com").await;
    let html = m
        .get(&format!("/en/programmes/{}/impact", p.slug))
        .await
        .text()
        .await
        .unwrap();
    let table = html
        .split("id=\"break-even-heading\"")
        .nth(1)
        .and_then(|t| t.split("<tbody>").nth(1))
        .and_then(|t| t.split("</tbody>").next())
        .expect("the month-by-month table");
    let cell = regex::Regex::new(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>").unwrap();
    let months: Vec<String> = cell
        .captures_iter(table)
        .map(|c| format!("{}|{}", &c[1], &c[2]))
        .collect();
    assert_eq!(
        months.len(),
        4,
        "three months gone and this one: {months:?}"
    );
    let tr = ymarfer_app::i18n::Tr(Lang::En);
    assert!(
        months[3].starts_with(&tr.day(today)),
        "the last figure stands at today: {months:?}"
    );
    // A month of savings is £300: the fourth month's total is £1,200.00.
    assert!(months[3].ends_with("£1,200.00"), "{months:?}");
    assert!(html.contains("Payback (3.3 months) is the cost divided by one month"));
    assert!(html.contains("and stops at today"));
}

/// The spreadsheet a funder downloads can be used as one: figures are numbers
/// and dates are dates (read back by a spreadsheet library we did not
/// write), the ledger marks each line's current version, and the sheet of
/// current lines adds up to the headline.
async fn reports_a_spreadsheet_can_use(app: TestApp) {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use ymarfer_app::fixtures::{Firm, Line};
    let (manager_user, programme, cohort) = manager(&app, "rheolwr.taenlen@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        cost_pence: 100_000,
        default_hourly_rate_pence: 2500,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    app.db.update_programme(programme, &input).await.unwrap();
    let org = Firm::named("Becws Taenlen")
        .add(&app.db, programme)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Bara", "testing", "cohort").await;
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    // £100 a month verified (£1,200.00), and £50 a month claimed, changed to
    // £60 (£720.00).
    let verified = Line::monthly("Less flour wasted", 10_000)
        .starting(start)
        .verified();
    let claimed = Line::monthly("Fewer deliveries", 5_000)
        .starting(start)
        .claimed();
    let ids = Line::add_all(
        &app.db,
        &[(project.id, verified), (project.id, claimed)],
        manager_user.id,
    )
    .await
    .unwrap();
    assert_eq!(ids.len(), 2);
    // The claim is changed once, so the ledger keeps an earlier version.
    let changed = ymarfer_store::ledger::BenefitInput {
        description: "Fewer deliveries".into(),
        category: ymarfer_domain::impact::Category::Materials,
        savings_type: ymarfer_domain::impact::SavingsType::Hard,
        frequency: ymarfer_domain::impact::Frequency::Monthly,
        starts_on: start,
        status: ymarfer_domain::impact::Status::Claimed,
        amount_pence: Some(6_000),
        ..Default::default()
    };
    let acting = app.acting(manager_user.id).await;
    assert!(
        ymarfer_app::benefits::change(&app.state, &acting, project.id, ids[1], &changed)
            .await
            .unwrap()
    );
    let m = app.client();
    m.sign_in("rheolwr.taenlen@example.com").await;
    let bytes = m
        .get(&format!("/en/programmes/{}/reports/impact.xlsx", p.slug))
        .await
        .bytes()
        .await
        .unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let summary = book.worksheet_range("Summary").unwrap();
    let value_of = |label: &str| {
        summary
            .rows()
            .find(|r| r[0] == Data::String(label.into()))
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("{label} in the summary"))
    };
    assert_eq!(value_of("Cost"), Data::Float(1000.0));
    assert_eq!(value_of("Verified"), Data::Float(1200.0));
    assert_eq!(value_of("Claimed"), Data::Float(720.0));
    assert_eq!(value_of("Return on investment"), Data::Float(1.2));
    assert!(matches!(value_of("Organisations"), Data::Float(_)));
    let ledger = book.worksheet_range("Ledger").unwrap();
    let header: Vec<String> = ledger
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let rows: Vec<&[Data]> = ledger.rows().skip(1).collect();
    assert!(
        rows.len() >= 3,
        "every version of every line: {}",
        rows.len()
    );
    for row in &rows {
        assert!(
            matches!(row[col("In use from")], Data::DateTime(_)),
            "a date, not text: {:?}",
            row[col("In use from")]
        );
        assert!(matches!(row[col("Current version")], Data::Bool(_)));
    }
    // One current version per line, the rest earlier ones.
    let current = rows
        .iter()
        .filter(|r| r[col("Current version")] == Data::Bool(true))
        .count();
    assert_eq!(current, 2);
    let current_sheet = book.worksheet_range("Current lines").unwrap();
    let verified_col = 8;
    let lines: Vec<&[Data]> = current_sheet.rows().skip(1).collect();
    let (total, body) = lines.split_last().unwrap();
    let sum: f64 = body
        .iter()
        .filter_map(|r| match r[verified_col] {
            Data::Float(f) => Some(f),
            _ => None,
        })
        .sum();
    assert_eq!(body.len(), 2, "one row per line");
    assert_eq!(sum, 1200.0, "the verified column adds up to the headline");
    assert_eq!(total[verified_col], Data::Float(1200.0));
}

on_both! {
    spreadsheet => super::reports_a_spreadsheet_can_use;
    cumulative_to_today => super::cumulative_savings_stop_at_today;
    stored_values => super::stored_values_follow_every_write;
    verification_workflow => super::verification_people_can_defend;
    downloads => super::downloads_offered_to_those_who_may;
    stable_figures => super::cohort_figures_are_stable;
    ledger_and_dashboards => super::ledger_verify_change_and_dashboards;
    capability_and_followups => super::capability_and_followups;
}
