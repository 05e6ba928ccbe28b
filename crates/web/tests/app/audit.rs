//! The audit trail: sensitive acts recorded with who, when, what and from where;
//! scoped to a programme for its managers; append-only in the database itself.

use crate::on_both;
use crate::support::{TestApp, location};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::Lang;
use ymarfer_domain::audit::AuditAction;
use ymarfer_store::audit::AuditQuery;

async fn sensitive_acts_are_recorded(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let (_, other, _) = crate::support::manager(&app, "arall@example.com").await;

    // A refused sign-in and a good one, with the address they came from.
    let c = app.client();
    let res = c
        .post(
            "/en/sign-in",
            &[("email", "rheolwr@example.com"), ("password", "wrong")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    c.sign_in("rheolwr@example.com").await;
    let all = app
        .db
        .audit_events(&AuditQuery::default(), 100, 0)
        .await
        .unwrap();
    let failed = all
        .iter()
        .find(|e| e.action == AuditAction::SignInFailed)
        .expect("the refusal");
    assert_eq!(
        (failed.actor_id, failed.address.as_str()),
        (Some(manager.id), "127.0.0.1")
    );
    assert!(
        all.iter()
            .any(|e| e.action == AuditAction::SignIn && e.actor_id == Some(manager.id))
    );

    // A download and a role granted, in the programme.
    assert_eq!(
        c.get(&format!("/en/programmes/{slug}/reports/impact.xlsx"))
            .await
            .status(),
        StatusCode::OK
    );
    let res = c
        .post(
            &format!("/en/programmes/{slug}/team"),
            &[
                ("email", "sylwedydd@example.com"),
                ("role", "observer"),
                ("language", "cy"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mine = AuditQuery {
        programme: Some(programme),
        ..AuditQuery::default()
    };
    let events = app.db.audit_events(&mine, 100, 0).await.unwrap();
    let actions: Vec<AuditAction> = events.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [AuditAction::RoleGranted, AuditAction::ReportDownloaded]
    );
    assert_eq!(events[0].detail, "observer");

    // The manager reads her programme's trail, filters it, and exports it; the
    // export is itself recorded. Another programme's trail is not hers.
    let html = c
        .get(&format!("/en/programmes/{slug}/audit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Role granted") && html.contains("Report downloaded"),
        "{html}"
    );
    assert!(
        !html.contains("<td>Signed in</td>"),
        "sign-ins belong to no programme"
    );
    let filtered = c
        .get(&format!("/en/programmes/{slug}/audit?action=role_granted"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        filtered.contains("sylwedydd@example.com")
            && !filtered.contains("<td>Report downloaded</td>")
    );
    let csv = c
        .get(&format!("/en/programmes/{slug}/audit?format=csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("role_granted") && csv.contains("report_downloaded"),
        "{csv}"
    );
    assert!(
        app.db
            .audit_events(&mine, 100, 0)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == AuditAction::AuditExported)
    );
    // The trail reads in the page's language: the words naming kinds of
    // record are translated, what people typed is as they typed it.
    app.db
        .record_audit(&ymarfer_store::audit::NewAuditEvent {
            actor_id: Some(manager.id),
            actor: String::new(),
            action: Some(AuditAction::ReadingRecorded),
            programme_id: Some(programme),
            subject: "reading 4 of project 7".into(),
            detail: String::new(),
            address: String::new(),
        })
        .await
        .unwrap();
    let cy = c
        .get(&format!("/cy/programmes/{slug}/audit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(cy.contains("<td>darlleniad 4 o brosiect 7</td>"), "{cy}");
    let csv = c
        .get(&format!("/cy/programmes/{slug}/audit?format=csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("darlleniad 4 o brosiect 7") && csv.contains(",reading_recorded,"),
        "{csv}"
    );
    let other_slug = app.db.programme_by_id(other).await.unwrap().unwrap().slug;
    assert_eq!(
        c.get(&format!("/en/programmes/{other_slug}/audit"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.get("/en/admin/audit").await.status(),
        StatusCode::FORBIDDEN
    );
    // An administrator sees everything.
    app.user("admin@example.com", Lang::En, true).await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let html = a.get("/en/admin/audit").await.text().await.unwrap();
    assert!(html.contains("Sign-in refused") && html.contains("Role granted"));
    let _ = (cohort, location);
}

/// Nothing can change or remove a recorded act, not even a direct query.
async fn the_trail_is_append_only(app: TestApp) {
    app.user("x@example.com", Lang::En, false).await;
    let c = app.client();
    c.post(
        "/en/sign-in",
        &[("email", "x@example.com"), ("password", "no")],
    )
    .await;
    assert_eq!(
        app.db
            .audit_events(&AuditQuery::default(), 10, 0)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        app.db
            .execute_unchecked("UPDATE audit_events SET actor = 'someone else'")
            .await
            .is_err()
    );
    assert!(
        app.db
            .execute_unchecked("DELETE FROM audit_events")
            .await
            .is_err()
    );
    let e = &app
        .db
        .audit_events(&AuditQuery::default(), 10, 0)
        .await
        .unwrap()[0];
    assert_eq!(e.actor_email.as_deref(), Some("x@example.com"));
}

/// The fields of the first form on `html` with the values it shows.
fn form_fields(html: &str) -> Vec<(String, String)> {
    let input = regex::Regex::new(r#"<input [^>]*name="([^"]+)"[^>]*value="([^"]*)""#).unwrap();
    let area =
        regex::Regex::new(r#"(?s)<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>"#).unwrap();
    let selected =
        regex::Regex::new(r#"(?s)<select [^>]*name="([^"]+)".*?<option value="([^"]*)" selected"#)
            .unwrap();
    let mut fields: Vec<(String, String)> = Vec::new();
    for c in input
        .captures_iter(html)
        .chain(area.captures_iter(html))
        .chain(selected.captures_iter(html))
    {
        if !html[c.get(0).unwrap().range()].contains("type=\"radio\"")
            && !html[c.get(0).unwrap().range()].contains("type=\"checkbox\"")
        {
            fields.push((
                c[1].to_string(),
                c[2].replace("&#x27;", "'").replace("&amp;", "&"),
            ));
        }
    }
    fields
}

/// Acts that move figures leave an event with the figures before and after:
/// a programme's rate and capture factor, a firm's hourly rate, and an import.
async fn figure_moving_acts_are_recorded(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let org = Firm::named("Garej Glan")
        .sector('G')
        .area("conwy")
        .add(&app.db, programme)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Parts", "testing", "cohort").await;
    // 10 hours a week, claimed: valued at whichever rate applies.
    Line::hours("Less rework", 1000)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        .add(&app.db, project.id, manager.id)
        .await
        .unwrap();
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;

    let edit = format!("/en/programmes/{}/edit", p.slug);
    let mut form = form_fields(&c.get(&edit).await.text().await.unwrap());
    for (k, v) in form.iter_mut() {
        match k.as_str() {
            "hourly_rate" => *v = "30.00".into(),
            "capture_factor" => *v = "0.5".into(),
            _ => {}
        }
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = c.post(&edit, &form).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );

    let edit = format!("/en/organisations/{}/edit", org.id);
    let mut form = form_fields(&c.get(&edit).await.text().await.unwrap());
    for (k, v) in form.iter_mut() {
        if k == "hourly_rate" {
            *v = "20.00".into();
        }
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = c.post(&edit, &form).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );

    let file = "organisation,project,description,category,savings_type,frequency,start_date,status,amount_gbp,hours,hourly_rate_gbp,energy_kwh,waste_kg,fuel_litres\n\
                Garej Glan,Parts,Parts bought to demand,materials,hard,weekly,2026-01-05,verified,12.50,,,,,\n";
    let imported = ymarfer_app::ledger_import::import_ledger(
        &app.db,
        &ymarfer_app::acting::Acting::command_line(),
        ymarfer_app::i18n::Tr(Lang::En),
        &p,
        file.as_bytes(),
        Some(manager.id),
    )
    .await
    .unwrap()
    .unwrap();

    let csv = c
        .get(&format!("/en/programmes/{}/audit?format=csv", p.slug))
        .await
        .text()
        .await
        .unwrap();
    let row = |action: &str| {
        csv.lines()
            .find(|l| l.contains(action))
            .unwrap_or_else(|| panic!("{action} in {csv}"))
            .to_string()
    };
    let default_rate = ymarfer_domain::Pence(p.default_hourly_rate_pence);
    let tr = ymarfer_app::i18n::Tr(Lang::En);
    // 10 h × 52 weeks: at the default rate × its capture factor, then £30.00 × 0.5.
    let before = p.default_hourly_rate_pence * 520 * p.capture_factor_thousandths / 1000;
    let rates = row("rates_changed");
    assert!(
        rates.contains(&format!(
            "hourly rate {} → £30.00; capture factor {}.{:03} → 0.500; claimed first-year total {} → £7,800.00",
            tr.money(default_rate),
            p.capture_factor_thousandths / 1000,
            p.capture_factor_thousandths % 1000,
            tr.money(ymarfer_domain::Pence(before)),
        )),
        "{rates}"
    );
    // Then the firm's own £20.00 × 0.5: £5,200.00.
    let firm = row("organisation_rate_changed");
    assert!(
        firm.contains(
            "hourly rate the programme's → £20.00; claimed first-year total £7,800.00 → £5,200.00"
        ),
        "{firm}"
    );
    let import = row("ledger_imported");
    assert!(
        import.contains(&format!("file sha256 {}", imported.sha256))
            && import
                .contains("1 lines in the file: 1 added (1 verified), 0 already in the ledger"),
        "{import}"
    );
    let html = c
        .get(&format!("/en/programmes/{}/audit", p.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Benefit ledger imported")
            && html.contains("Programme rate or capture factor changed")
            && html.contains("Organisation&#39;s hourly rate changed"),
        "{html}"
    );
}

on_both! {
    audit_figures => super::figure_moving_acts_are_recorded;
    audit_recorded => super::sensitive_acts_are_recorded;
    audit_append_only => super::the_trail_is_append_only;
}
