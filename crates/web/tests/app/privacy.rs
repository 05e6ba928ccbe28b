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
    zip.by_name("ymarfer-my-data.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
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

on_both! {
    privacy_erasure => super::download_and_erasure;
    privacy_suspension => super::suspending_an_account;
}
