//! Bounded numbers and clean text at every door: extremes typed into the
//! form, the JSON API and the ledger import are refused with a translated
//! message naming the bound; values at the bound, and rows stored before the
//! bounds, never make a page, report or API answer fail. Control characters
//! are refused at the edge.

use crate::api::{call, token_for};
use crate::on_both;
use crate::support::{TestApp, manager};
use reqwest::StatusCode;
use serde_json::json;
use ymarfer_app::fixtures::Firm;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Lang;

/// Extremes seen in the wild and just past each bound.
const TOO_LARGE_AMOUNTS: [&str; 4] = [
    "92233720368547758.07",
    "50000000000000000",
    "99999999999999999999999",
    "10000000.01",
];

/// A programme at the largest cost, a firm, its participant and a project.
struct Setting {
    slug: String,
    cohort_slug: String,
    project: i64,
    participant: crate::support::Client,
    manager: crate::support::Client,
    programme: ymarfer_store::programmes::Programme,
    participant_id: i64,
    manager_id: i64,
}

async fn setting(app: &TestApp) -> Setting {
    let (staff, programme, cohort) = manager(app, "rheolwr@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        cost_pence: ymarfer_domain::bounds::MAX_COST_PENCE,
        default_hourly_rate_pence: ymarfer_domain::bounds::MAX_HOURLY_RATE_PENCE,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    app.db.update_programme(p.id, &input).await.unwrap();
    let programme = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let org = Firm::named("Ffatri Fawr")
        .band(ymarfer_domain::innovation::EmployeeBand::Large)
        .area("gwynedd")
        .rate(ymarfer_domain::bounds::MAX_HOURLY_RATE_PENCE)
        .add(&app.db, programme.id)
        .await
        .unwrap();
    let owner = app.user("gwen@ffatri.cymru", Lang::En, false).await;
    app.db
        .enrol(programme.id, cohort, owner.id, Some(org.id), None)
        .await
        .unwrap();
    let project =
        crate::support::project(app, cohort, org.id, "Llinell", "testing", "cohort").await;
    let participant = app.client();
    participant.sign_in("gwen@ffatri.cymru").await;
    let manager = app.client();
    manager.sign_in("rheolwr@example.com").await;
    let cohort_slug = app.db.cohort_by_id(cohort).await.unwrap().unwrap().slug;
    Setting {
        slug: programme.slug.clone(),
        cohort_slug,
        project: project.id,
        participant,
        manager,
        programme,
        participant_id: owner.id,
        manager_id: staff.id,
    }
}

fn line<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("description", "Time saved"),
        ("category", "labour_time"),
        ("savings_type", "hard"),
        ("frequency", "weekly"),
        ("starts_on", "2026-03-02"),
        ("status", "claimed"),
    ];
    form.extend_from_slice(extra);
    form
}

/// Every page, download and API answer that sums the ledger answers 200.
async fn nothing_fails(app: &TestApp, s: &Setting, token: &str) {
    let (slug, cohort) = (&s.slug, &s.cohort_slug);
    let pages = [
        "/en".to_string(),
        "/cy".to_string(),
        format!("/en/programmes/{slug}"),
        format!("/en/programmes/{slug}/impact"),
        format!("/cy/programmes/{slug}/impact"),
        format!("/en/programmes/{slug}/claims"),
        format!("/en/programmes/{slug}/reports/impact.csv"),
        format!("/en/programmes/{slug}/reports/impact.xlsx"),
        format!("/en/programmes/{slug}/cohorts/{cohort}/impact"),
        format!("/en/programmes/{slug}/cohorts/{cohort}/reports/impact.csv"),
        format!("/en/programmes/{slug}/cohorts/{cohort}/reports/impact.xlsx"),
        format!("/en/programmes/{slug}/cohorts/{cohort}"),
        format!("/en/programmes/{slug}/scenarios"),
        format!("/en/programmes/{slug}/showcase"),
        format!("/en/projects/{}", s.project),
    ];
    for path in &pages {
        let res = s.manager.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
    for path in ["/en".to_string(), format!("/en/projects/{}", s.project)] {
        let res = s.participant.get(&path).await;
        assert_eq!(res.status(), StatusCode::OK, "participant {path}");
    }
    let (status, body) = call(
        app,
        "GET",
        &format!("/api/v1/programmes/{slug}/impact"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(
        app,
        "GET",
        &format!("/api/v1/projects/{}/benefits", s.project),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

async fn extremes_at_every_door(app: TestApp) {
    let s = setting(&app).await;
    let new = format!("/en/projects/{}/benefits/new", s.project);
    let cy_new = format!("/cy/projects/{}/benefits/new", s.project);

    // The form: each extreme refused, in English and in Welsh, naming the bound.
    for amount in TOO_LARGE_AMOUNTS {
        let res = s.participant.post(&new, &line(&[("amount", amount)])).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{amount}");
        let html = res.text().await.unwrap();
        assert!(html.contains("Enter £10,000,000.00 at most."), "{amount}");
        let res = s
            .participant
            .post(&cy_new, &line(&[("amount", amount)]))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{amount}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Rhowch £10,000,000.00 ar y mwyaf."),
            "{amount}"
        );
    }
    for (extra, message) in [
        (
            [("hours", "10000.01"), ("hourly_rate", "")],
            "Enter 10,000 at most.",
        ),
        (
            [("hours", "2"), ("hourly_rate", "1000.01")],
            "Enter £1,000.00 at most.",
        ),
        (
            [("amount", "5"), ("energy_kwh", "1000000.001")],
            "Enter 1,000,000 at most.",
        ),
    ] {
        let res = s.participant.post(&new, &line(&extra)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{extra:?}");
        assert!(res.text().await.unwrap().contains(message), "{extra:?}");
    }
    // At the bounds exactly: accepted.
    for extra in [
        vec![("amount", "10,000,000.00")],
        vec![("amount", "£10000000")],
        vec![("hours", "10000"), ("hourly_rate", "1000")],
        vec![("hours", "10000")],
        vec![
            ("amount", "10000000"),
            ("energy_kwh", "1000000"),
            ("waste_kg", "1000000"),
            ("waste_level", "prevention"),
            ("fuel_litres", "1000000"),
        ],
    ] {
        let res = s.participant.post(&new, &line(&extra)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{extra:?}");
    }

    // The API: the same bound, said in both languages.
    let token = token_for(&app, s.participant_id, true, None).await;
    let benefits = format!("/api/v1/projects/{}/benefits", s.project);
    for amount in TOO_LARGE_AMOUNTS {
        let body = json!({
            "description": "Less waiting", "category": "labour_time", "savings_type": "hard",
            "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed", "amount": amount
        });
        let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(body)).await;
        assert_eq!(status, 422, "{body}");
        let field = &body["error"]["fields"][0];
        assert_eq!(field["field"], "amount", "{body}");
        assert_eq!(field["message"]["en"], "Enter £10,000,000.00 at most.");
        assert_eq!(field["message"]["cy"], "Rhowch £10,000,000.00 ar y mwyaf.");
    }
    let body = json!({
        "description": "Most allowed", "category": "labour_time", "savings_type": "hard",
        "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed",
        "hours": "10000", "hourly_rate": "1000"
    });
    let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(body)).await;
    assert_eq!(status, 201, "{body}");

    // The ledger import: every too-large cell named, nothing written.
    let header = "organisation,project,description,category,savings_type,frequency,start_date,status,amount_gbp,hours,hourly_rate_gbp,energy_kwh,waste_kg,fuel_litres\n";
    let mut csv = header.to_string();
    for amount in TOO_LARGE_AMOUNTS {
        csv.push_str(&format!(
            "Ffatri Fawr,Llinell,Big,materials,hard,weekly,2026-01-05,claimed,{amount},,,,,\n"
        ));
    }
    csv.push_str("Ffatri Fawr,Llinell,Long,labour_time,hard,weekly,2026-01-05,claimed,,10000.01,1000.01,,,\n");
    let before = app.db.benefit_history(s.project).await.unwrap().len();
    let refused = ymarfer_app::ledger_import::import_ledger(
        &app.db,
        &ymarfer_app::acting::Acting::command_line(),
        Tr(Lang::En),
        &s.programme,
        csv.as_bytes(),
        None,
    )
    .await
    .unwrap()
    .expect_err("refused");
    let ymarfer_app::ledger_import::Refused::BadRows(refused) = refused else {
        panic!("bad rows, not {refused:?}");
    };
    assert_eq!(refused.len(), 5);
    for bad in &refused[..4] {
        assert!(
            bad.reasons
                .iter()
                .any(|r| r.contains("is more than a line may record: £10,000,000.00 at most")),
            "{:?}",
            bad.reasons
        );
    }
    assert_eq!(refused[4].reasons.len(), 2, "{:?}", refused[4].reasons);
    assert_eq!(
        app.db.benefit_history(s.project).await.unwrap().len(),
        before
    );
    let mut csv = header.to_string();
    csv.push_str("Ffatri Fawr,Llinell,Big,materials,hard,weekly,2026-01-05,verified,\"10,000,000.00\",,,1000000,1000000,1000000\n");
    csv.push_str(
        "Ffatri Fawr,Llinell,Long,labour_time,hard,weekly,2026-01-05,claimed,,10000,1000,,,\n",
    );
    let imported = ymarfer_app::ledger_import::import_ledger(
        &app.db,
        &ymarfer_app::acting::Acting::command_line(),
        Tr(Lang::En),
        &s.programme,
        csv.as_bytes(),
        None,
    )
    .await
    .unwrap();
    assert_eq!(imported.ok().map(|i| i.added), Some(2));

    // Everything at the bound: every page, download and API answer works.
    let manager_token = token_for(&app, s.manager_id, false, None).await;
    nothing_fails(&app, &s, &manager_token).await;

    // Rows stored before the bounds (or by other means): the largest 64-bit
    // values in every figure, verified, many of them. Summed, they are far
    // past what 64 bits hold; every page still answers.
    for _ in 0..3 {
        let res = s
            .participant
            .post(&new, &line(&[("amount", "10000000")]))
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let max = i64::MAX;
    for sql in [
        format!(
            "UPDATE benefit_versions SET amount_pence = CASE WHEN amount_pence IS NULL THEN NULL ELSE {max} END, \
             hours_hundredths = CASE WHEN hours_hundredths IS NULL THEN NULL ELSE {max} END, \
             hourly_rate_pence = CASE WHEN hourly_rate_pence IS NULL THEN NULL ELSE {max} END, \
             energy_kwh_milli = {max}, fuel_litres_milli = {max}, \
             first_year_pence = {max}, co2e_grams = {max}, status = 'verified'"
        ),
        format!(
            "UPDATE benefit_lines SET first_year_pence = {max}, co2e_grams = {max}, status = 'verified'"
        ),
        format!("UPDATE organisations SET hourly_rate_pence = {max}"),
        format!("UPDATE programmes SET cost_pence = {max}, default_hourly_rate_pence = {max}"),
    ] {
        app.db.execute_unchecked(&sql).await.unwrap();
    }
    nothing_fails(&app, &s, &manager_token).await;
    // And once the stored values are worked out again by the method, each
    // line counts at its bound.
    app.db.forget_values().await.unwrap();
    app.db.value_unvalued_versions().await.unwrap();
    nothing_fails(&app, &s, &manager_token).await;
    let totals = app.db.ledger_totals(s.programme.id, None).await.unwrap();
    let verified: i64 = totals
        .iter()
        .filter(|t| t.status == ymarfer_domain::impact::Status::Verified)
        .map(|t| t.first_year_pence)
        .sum();
    let lines = i64::try_from(
        app.db
            .current_lines(s.programme.id, None)
            .await
            .unwrap()
            .len(),
    )
    .unwrap();
    assert_eq!(
        verified,
        lines * ymarfer_domain::bounds::MAX_LINE_FIRST_YEAR_PENCE
    );
}

/// NUL and other control characters are refused at the edge: in a query
/// string, a form field and an API JSON string.
async fn control_characters_are_refused(app: TestApp) {
    let s = setting(&app).await;
    for path in ["/en/search?q=%00", "/cy/search?q=a%00b", "/en/search?q=%1B"] {
        let res = s.manager.get(path).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("That request held characters that cannot be used")
                || html.contains("Roedd nodau na ellir eu defnyddio yn y cais hwnnw"),
            "{path}"
        );
        assert!(!html.contains('\u{0}') && !html.contains('\u{1b}'));
    }
    let res = s.manager.get("/en/search?q=kanban").await;
    assert_eq!(res.status(), StatusCode::OK);
    // A form field with U+0011: refused, nothing saved.
    let new = format!("/en/projects/{}/benefits/new", s.project);
    let before = app.db.benefit_history(s.project).await.unwrap().len();
    let res = s
        .participant
        .post(
            &new,
            &line(&[("amount", "5")])
                .into_iter()
                .map(|(k, v)| {
                    if k == "description" {
                        (k, "Time\u{11} saved")
                    } else {
                        (k, v)
                    }
                })
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("That request held characters that cannot be used")
    );
    assert_eq!(
        app.db.benefit_history(s.project).await.unwrap().len(),
        before
    );
    // Line breaks and tabs in a multi-line field are fine.
    let res = s
        .participant
        .post(
            &new,
            &line(&[("amount", "5")])
                .into_iter()
                .map(|(k, v)| {
                    if k == "description" {
                        (k, "Time\tsaved\r\non Mondays")
                    } else {
                        (k, v)
                    }
                })
                .collect::<Vec<_>>(),
        )
        .await;
    assert_ne!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.status().is_redirection(), "{}", res.status());
    // An API JSON string with U+0000, and an API query string with one.
    let token = token_for(&app, s.participant_id, true, None).await;
    let body = json!({
        "description": "Less\u{0} waiting", "category": "labour_time", "savings_type": "hard",
        "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed", "amount": "5"
    });
    let benefits = format!("/api/v1/projects/{}/benefits", s.project);
    let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(body)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["id"], "api-error-control-characters");
    assert!(
        body["error"]["message"]["cy"]
            .as_str()
            .unwrap()
            .contains("nod rheoli")
    );
    let (status, body) = call(
        &app,
        "GET",
        "/api/v1/programmes?cursor=%00",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["id"], "api-error-control-characters");
}

/// A PNG of 12,000 × 12,000 black pixels: well under a megabyte that would
/// be 432 MB decoded. Written row by row, never held whole.
fn vast_png() -> Vec<u8> {
    let side = 12_000u32;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Balanced);
        let mut writer = encoder.write_header().unwrap();
        let mut stream = writer.stream_writer().unwrap();
        let row = vec![0u8; side as usize * 3];
        for _ in 0..side {
            std::io::Write::write_all(&mut stream, &row).unwrap();
        }
        stream.finish().unwrap();
    }
    out
}

/// An image above the pixel budget is refused from its header, with a
/// translated message, and nothing is stored; several at once all are.
async fn vast_images_are_refused(app: TestApp) {
    let s = setting(&app).await;
    let vast = vast_png();
    assert!(
        vast.len() < ymarfer_app::files::MAX_FILE,
        "{} bytes",
        vast.len()
    );
    let path = format!("/en/projects/{}/attachments", s.project);
    let attempt = || {
        s.participant
            .post_file(&path, &[], "vast.png", vast.clone())
    };
    let (a, b, c) = tokio::join!(attempt(), attempt(), attempt());
    for res in [a, b, c] {
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("This photo has more than 40 megapixels.")
        );
    }
    let cy = format!("/cy/projects/{}/attachments", s.project);
    let res = s.participant.post_file(&cy, &[], "vast.png", vast).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Mae gan y llun hwn fwy na 40 megapicsel.")
    );
    let page = s
        .participant
        .get(&format!("/en/projects/{}", s.project))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("vast.png"));
}

on_both! {
    bounded_numbers => super::extremes_at_every_door;
    vast_images => super::vast_images_are_refused;
    control_characters => super::control_characters_are_refused;
}
