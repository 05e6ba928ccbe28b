//! Personal data: a person's own download, and erasure that leaves no trace of
//! them while every figure stays the same.

use crate::on_both;
use crate::support::{TestApp, location};
use reqwest::StatusCode;
use std::io::Read;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::Lang;

async fn download_and_erasure(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let org = Firm::named("Becws Siwan")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let siwan = app.user("siwan.unigryw@becws.cymru", Lang::Cy, false).await;
    app.db
        .update_profile(siwan.id, "Siwan Unigryw", Lang::Cy)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, siwan.id, Some(org.id), None)
        .await
        .unwrap();
    let project = app
        .db
        .create_project(
            cohort,
            org.id,
            &ymarfer_store::projects::ProjectInput {
                title: "Bara".into(),
                business_function: "production".into(),
                owners: "Siwan Unigryw and Dafydd".into(),
                ..Default::default()
            },
            Some(siwan.id),
        )
        .await
        .unwrap();
    let line = Line::monthly("Less flour", 20_000).verified();
    line.add(&app.db, project.id, manager.id).await.unwrap();
    // A claim of her own, not yet verified.
    Line::monthly("Llai o wastraff toes", 3_000)
        .add(&app.db, project.id, siwan.id)
        .await
        .unwrap();

    // What she wrote in her cohort's space, and a peer's post naming her.
    let post = |author, body: &'static str| ymarfer_store::space::NewItem {
        cohort,
        parent: None,
        author,
        kind: ymarfer_domain::space::ItemKind::Post,
        project: None,
        tool_id: None,
        ref_id: None,
        body,
        lang: Lang::Cy,
        alumni: None,
    };
    let photo = ymarfer_app::files::prepare("popty.png", &crate::space::png()).unwrap();
    let photo = app.state.files.put(photo).await.unwrap();
    let photo_key = photo.object_key.clone();
    let hers = app
        .db
        .add_item_with(&post(siwan.id, "Rysáit surdoes unigryw"), &[], &[photo])
        .await
        .unwrap();
    app.db
        .edit_item(
            hers,
            "Rysáit surdoes unigryw, wedi'i golygu",
            Lang::Cy,
            siwan.id,
        )
        .await
        .unwrap();
    app.db
        .add_item(&post(manager.id, "Diolch Siwan Unigryw am y syniad"), &[])
        .await
        .unwrap();
    app.db
        .add_reflection(siwan.id, cohort, "Dysgais i fesur cyn newid")
        .await
        .unwrap();

    // Her own data, and nobody else's.
    let s = app.client();
    s.sign_in("siwan.unigryw@becws.cymru").await;
    let res = s.get("/cy/profile/data.zip").await;
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut json = String::new();
    zip.by_name("records.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    let records: serde_json::Value = serde_json::from_str(&json).unwrap();
    for kind in ymarfer_store::privacy::entry_kinds().into_iter().chain([
        "account",
        "cohorts",
        "attendance",
        "capability_self_assessment",
        "cohort_spaces",
        "follow_ups",
        "audit_trail",
        "health_check_leads",
    ]) {
        assert!(records.get(kind).is_some(), "{kind} in {json}");
    }
    assert_eq!(
        records["projects"][0]["title"], "Bara",
        "the project she created"
    );
    assert!(
        records["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["description"] == "Llai o wastraff toes"),
        "her claim: {json}"
    );
    assert!(
        records["post_versions"]
            .as_array()
            .is_some_and(|v| !v.is_empty()),
        "the earlier version of her item"
    );
    let mut readme = String::new();
    zip.by_name("README.txt")
        .unwrap()
        .read_to_string(&mut readme)
        .unwrap();
    assert!(readme.contains("Eich data o Ymarfer"), "in Welsh: {readme}");
    assert!(
        json.contains("siwan.unigryw@becws.cymru") && json.contains("\"participant\""),
        "{json}"
    );
    assert!(
        json.contains("Rysáit surdoes unigryw, wedi'i golygu")
            && json.contains("Dysgais i fesur cyn newid"),
        "what she wrote: {json}"
    );
    assert!(
        !json.contains("rheolwr@example.com") && !json.contains("Diolch Siwan"),
        "nothing of anyone else's"
    );
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("files/") && n.ends_with("-popty.png")),
        "her photo: {names:?}"
    );

    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let report = format!("/en/programmes/{slug}/reports/impact.csv");
    let before = m.get(&report).await.text().await.unwrap();
    assert!(
        before.contains("first_year_verified_pence,240000"),
        "{before}"
    );

    // Only an administrator erases, and only with the email typed again.
    let erase = format!("/en/admin/users/{}/erase", siwan.id);
    assert_eq!(m.get(&erase).await.status(), StatusCode::FORBIDDEN);
    app.user("admin@example.com", Lang::En, true).await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let page = a.get(&erase).await.text().await.unwrap();
    assert!(page.contains("Siwan Unigryw"));
    let res = a.post(&erase, &[("confirm", "someone@else")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .post(&erase, &[("confirm", "SIWAN.UNIGRYW@becws.cymru")])
        .await;
    assert_eq!(location(&res), "/en/admin/users?erased=1");

    // No personal field of hers remains anywhere; every figure is unchanged.
    for needle in [
        "siwan.unigryw",
        "Siwan Unigryw",
        "surdoes unigryw",
        "Dysgais i fesur",
    ] {
        let found = app.db.columns_containing(needle).await.unwrap();
        assert!(found.is_empty(), "{needle} still in {found:?}");
    }
    assert_eq!(m.get(&report).await.text().await.unwrap(), before);
    assert!(app.db.attachments_by(siwan.id).await.unwrap().is_empty());
    assert!(
        app.state.files.get(&photo_key).await.is_err(),
        "her photo's bytes are gone"
    );
    assert_eq!(
        app.db.enrolled(cohort).await.unwrap().len(),
        1,
        "the enrolment stays, for the figures"
    );
    let owners = app.db.project(project.id).await.unwrap().unwrap().owners;
    assert_eq!(owners, "Former participant and Dafydd");
    // She is signed out everywhere; the trail says what happened, naming no one.
    assert_eq!(s.get("/cy/profile").await.status(), StatusCode::SEE_OTHER);
    let trail = a.get("/en/admin/audit").await.text().await.unwrap();
    assert!(
        trail.contains("Personal data erased") && trail.contains(&format!("account {}", siwan.id))
    );
    let users = a.get("/en/admin/users").await.text().await.unwrap();
    assert!(users.contains("Former participant"));
    assert_eq!(
        a.get(&erase).await.status(),
        StatusCode::NOT_FOUND,
        "erased once"
    );
}

/// An administrator finds an account, suspends it (it is signed out and cannot
/// sign in), and reactivates it; each act is recorded.
async fn suspending_an_account(app: TestApp) {
    app.user("admin@example.com", Lang::En, true).await;
    let gwen = app.user("gwen.jones@garej.cymru", Lang::Cy, false).await;
    let g = app.client();
    g.sign_in("gwen.jones@garej.cymru").await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let found = a
        .get("/en/admin/users?q=GWEN.JON")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        found.contains("gwen.jones@garej.cymru") && !found.contains("<td>admin@example.com</td>")
    );
    let res = a
        .post(&format!("/en/admin/users/{}/suspend", gwen.id), &[])
        .await;
    assert_eq!(location(&res), "/en/admin/users?done=suspended");
    assert_eq!(
        g.get("/cy/profile").await.status(),
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let res = g
        .post(
            "/cy/sign-in",
            &[
                ("email", "gwen.jones@garej.cymru"),
                ("password", crate::support::PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Mae&#39;r cyfrif hwn wedi&#39;i atal"),
        "the person is told why"
    );
    let list = a.get("/en/admin/users").await.text().await.unwrap();
    assert!(list.contains("Suspended") && list.contains("Reactivate"));
    a.post(&format!("/en/admin/users/{}/reactivate", gwen.id), &[])
        .await;
    g.sign_in("gwen.jones@garej.cymru").await;
    assert_eq!(g.get("/cy/profile").await.status(), StatusCode::OK);
    let res = a
        .post(&format!("/en/admin/users/{}/sign-out", gwen.id), &[])
        .await;
    assert_eq!(location(&res), "/en/admin/users?done=signed-out");
    assert_eq!(g.get("/cy/profile").await.status(), StatusCode::SEE_OTHER);
    let trail = a.get("/en/admin/audit").await.text().await.unwrap();
    for act in [
        "Account suspended",
        "Account reactivated",
        "Account signed out everywhere",
    ] {
        assert!(trail.contains(&format!("<td>{act}</td>")), "{act}");
    }
}

/// Erasing a participant keeps every count (funnel, register, engagement) as
/// it was, and every page she appeared on names her "Former participant",
/// never by a placeholder.
async fn erasure_keeps_every_count(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let cslug = app.db.cohort_by_id(cohort).await.unwrap().unwrap().slug;
    let org = Firm::named("Becws Siwan")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let siwan = app.user("siwan@becws.cymru", Lang::Cy, false).await;
    app.db
        .update_profile(siwan.id, "Siwan Hughes", Lang::Cy)
        .await
        .unwrap();
    let elin = app.user("elin@melin.cymru", Lang::En, false).await;
    app.db
        .update_profile(elin.id, "Elin Parry", Lang::En)
        .await
        .unwrap();
    for u in [siwan.id, elin.id] {
        app.db
            .enrol(programme, cohort, u, Some(org.id), None)
            .await
            .unwrap();
    }
    // Her health check and lead, in the funnel.
    let check = app
        .db
        .record_check(
            Lang::Cy,
            "",
            &ymarfer_store::health::CheckAnswers {
                sector: Some("C".into()),
                principal_area: Some("gwynedd".into()),
                ..Default::default()
            },
            chrono::Utc::now(),
            true,
        )
        .await
        .unwrap();
    let lead = app
        .db
        .create_lead(&ymarfer_store::health::LeadInput {
            health_check_id: Some(check),
            programme_id: Some(programme),
            cohort_id: Some(cohort),
            name: "Siwan Hughes".into(),
            email: "siwan@becws.cymru".into(),
            phone: "01234 567890".into(),
            organisation_name: "Becws Siwan".into(),
            language: Lang::Cy,
            recheck: false,
        })
        .await
        .unwrap();
    // A register, a learning set, and a post of hers.
    let start = chrono::Utc::now() - chrono::Duration::days(2);
    let meeting = app
        .db
        .create_meeting(
            cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Mapio".into(),
                kind: ymarfer_domain::programme::SessionKind::Workshop,
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    use ymarfer_domain::programme::Attendance;
    app.db
        .record_attendance(
            meeting.id,
            &[
                (siwan.id, Attendance::Present),
                (elin.id, Attendance::Absent),
            ],
            manager.id,
        )
        .await
        .unwrap();
    app.db
        .replace_sets(cohort, &[("Set 1".into(), vec![siwan.id, elin.id])])
        .await
        .unwrap();
    app.db
        .add_item(
            &ymarfer_store::space::NewItem {
                cohort,
                parent: None,
                author: siwan.id,
                kind: ymarfer_domain::space::ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body: "Bara newydd",
                lang: Lang::Cy,
                alumni: None,
            },
            &[],
        )
        .await
        .unwrap();

    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let e = app.client();
    e.sign_in("elin@melin.cymru").await;
    let base = format!("/en/programmes/{slug}/cohorts/{cslug}");
    let staff_pages = [
        format!("/en/programmes/{slug}/funnel"),
        format!("/en/programmes/{slug}/leads"),
        format!("/en/programmes/{slug}/leads/{}", lead.id),
        base.clone(),
        format!("{base}/sessions/{}", meeting.id),
        format!("{base}/engagement"),
        format!("{base}/sets"),
        format!("{base}/space"),
    ];
    let peer_pages = ["/en".to_string(), base.clone(), format!("{base}/space")];
    // Every figure of a page; rows ordered by name may move, so sorted.
    let numbers = |html: &str| -> Vec<String> {
        let mut all: Vec<String> = html
            .split("<td class=\"num\">")
            .skip(1)
            .map(|c| c.split('<').next().unwrap_or_default().to_string())
            .collect();
        all.sort();
        all
    };
    let mut before = Vec::new();
    for p in &staff_pages {
        let res = m.get(p).await;
        assert_eq!(res.status(), StatusCode::OK, "{p}");
        let html = res.text().await.unwrap();
        assert!(
            p.ends_with("/funnel") || html.contains("Siwan Hughes") || html.contains("Becws Siwan"),
            "{p} names her before"
        );
        before.push(numbers(&html));
    }
    let res = e.get("/en").await;
    assert_eq!(res.status(), StatusCode::OK);
    let home = res.text().await.unwrap();
    assert!(home.contains("Siwan Hughes"), "{home}");

    app.user("admin@example.com", Lang::En, true).await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let res = a
        .post(
            &format!("/en/admin/users/{}/erase", siwan.id),
            &[("confirm", "siwan@becws.cymru")],
        )
        .await;
    assert_eq!(location(&res), "/en/admin/users?erased=1");

    // Every count as it was; no placeholder anywhere she appeared.
    for (p, was) in staff_pages.iter().zip(&before) {
        let res = m.get(p).await;
        assert_eq!(res.status(), StatusCode::OK, "{p}");
        let html = res.text().await.unwrap();
        assert_eq!(&numbers(&html), was, "{p}: counts unchanged");
        for gone in [
            "erased.invalid",
            "(no name yet)",
            "Siwan Hughes",
            "siwan@becws",
        ] {
            assert!(!html.contains(gone), "{p} shows {gone}: {html}");
        }
    }
    for p in [
        base.clone(),
        format!("{base}/sessions/{}", meeting.id),
        format!("{base}/engagement"),
        format!("{base}/sets"),
        format!("/en/programmes/{slug}/leads"),
    ] {
        let html = m.get(&p).await.text().await.unwrap();
        assert!(html.contains("Former participant"), "{p}: {html}");
    }
    for p in &peer_pages {
        let html = e.get(p).await.text().await.unwrap();
        for gone in ["erased.invalid", "(no name yet)", "Siwan Hughes"] {
            assert!(!html.contains(gone), "{p} shows {gone} to a peer");
        }
    }
    let home = e.get("/en").await.text().await.unwrap();
    assert!(
        home.contains("Former participant"),
        "her set on Elin's home: {home}"
    );
    assert_eq!(
        app.db.register_of(meeting.id).await.unwrap().len(),
        2,
        "the register keeps her mark"
    );
    // The lead stays, anonymous.
    let kept = app.db.leads_of(Some(programme)).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].email.is_empty() && kept[0].phone.is_empty() && kept[0].name.is_empty());
}

on_both! {
    privacy_erasure => super::download_and_erasure;
    privacy_suspension => super::suspending_an_account;
    privacy_erasure_counts => super::erasure_keeps_every_count;
}
