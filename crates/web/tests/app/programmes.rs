//! Running a programme: creating it and its cohorts, importing people, scheduling
//! sessions with a calendar feed, attendance, sets, and who may see what.

use crate::on_both;
use crate::support::{TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::programme::Attendance;
use ymarfer_domain::{Lang, Role, Scope};

const HEADER: &str =
    "email,name,language,organisation,companies_house,sector,employee_band,area,hourly_rate_gbp\n";

fn thirty_people() -> String {
    let sectors = ['C', 'F', 'G', 'I', 'M', 'Q'];
    let areas = [
        "Ynys Môn",
        "Gwynedd",
        "Caerdydd",
        "Swansea",
        "Powys",
        "Wrecsam",
        "Ceredigion",
        "Sir Benfro",
    ];
    let mut csv = HEADER.to_string();
    for i in 0..30 {
        let lang = if i % 3 == 0 { "cy" } else { "en" };
        csv.push_str(&format!(
            "person{i}@cwmni{}.cymru,Siân Ŵyn {i},{lang},Cwmni {} Cyf,,{},{},{},{}\n",
            i / 2,
            i / 2,
            sectors[i % sectors.len()],
            ["micro", "small", "medium"][i % 3],
            areas[i % areas.len()],
            if i % 4 == 0 { "21.50" } else { "" }
        ));
    }
    csv
}

async fn manager_creates_programme_and_cohort(app: TestApp) {
    manager(&app, "rheolwr@example.com").await;
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    // A bad form keeps what was typed and says what is wrong, in Welsh.
    let res = c
        .post(
            "/cy/programmes/new",
            &[
                ("name_en", "Circular Wales"),
                ("name_cy", ""),
                ("cost", "lots"),
                ("hourly_rate", "25"),
                ("starts_on", "2026-09-01"),
                ("ends_on", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("value=\"Circular Wales\""));
    assert!(
        html.contains("Ni all hwn fod yn wag."),
        "Welsh name required"
    );
    assert!(
        html.contains("Rhowch swm mewn punnoedd"),
        "cost must be money"
    );
    assert!(html.contains("Rhaid i&#39;r diwedd ddod ar ôl y dechrau."));
    assert!(
        app.db
            .programme_by_slug("circular-wales")
            .await
            .unwrap()
            .is_none(),
        "nothing saved"
    );

    let res = c
        .post(
            "/en/programmes/new",
            &[
                ("name_en", "Circular Wales"),
                ("name_cy", "Cymru Gylchol"),
                ("description_en", "Process innovation for small firms."),
                ("description_cy", "Arloesi prosesau i gwmnïau bach."),
                ("funder", "Welsh Government"),
                ("funder_cy", "Llywodraeth Cymru"),
                ("starts_on", "2026-09-01"),
                ("ends_on", "2027-07-31"),
                ("cost", "49,000"),
                ("cost_delivery", "30000"),
                ("cost_venues", "9000"),
                ("hourly_rate", "25.00"),
                ("capture_factor", "0.8"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en/programmes/circular-wales");
    let p = app
        .db
        .programme_by_slug("circular-wales")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            p.cost_pence,
            p.cost_delivery_pence,
            p.capture_factor_thousandths
        ),
        (4_900_000, Some(3_000_000), 800)
    );
    let html = c
        .get("/cy/programmes/circular-wales")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Cymru Gylchol")
            && html.contains("£49,000.00")
            && html.contains("Arloesi prosesau")
            && html.contains("<dd>Llywodraeth Cymru</dd>"),
        "the funder is named in the reader's language"
    );

    for (name_en, name_cy) in [
        ("North cohort", "Carfan y Gogledd"),
        ("South cohort", "Carfan y De"),
    ] {
        let res = c
            .post(
                "/en/programmes/circular-wales/cohorts/new",
                &[
                    ("name_en", name_en),
                    ("name_cy", name_cy),
                    ("starts_on", "2026-09-01"),
                    ("ends_on", "2026-12-15"),
                    ("capacity", "20"),
                    ("delivery_mode", "blended"),
                    ("region", "north_wales"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{name_en}");
    }
    let res = c
        .post(
            "/en/programmes/circular-wales/cohorts/new",
            &[
                ("name_en", "North cohort"),
                ("name_cy", "Carfan"),
                ("capacity", "20"),
                ("delivery_mode", "blended"),
                ("region", "north_wales"),
            ],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("That short name is already in use.")
    );
    let html = c
        .get("/en/programmes/circular-wales")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("North cohort") && html.contains("£24,500.00"),
        "cost shared equally: {html}"
    );
}

async fn import_thirty_people_then_export(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = format!(
        "seed-{}",
        app.db
            .user_by_email(&ymarfer_domain::Email::parse("rheolwr@example.com").unwrap())
            .await
            .unwrap()
            .unwrap()
            .id
    );
    let base = format!("/en/programmes/{slug}/cohorts/cohort-1");
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let csv = thirty_people();
    let res = c
        .post_multipart(
            &format!("{base}/import"),
            &[],
            Some(("file", csv.clone().into_bytes())),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("30 people are ready to import."), "{html}");
    assert!(html.contains("Siân Ŵyn 7"), "Welsh letters intact");
    assert_eq!(
        app.db.enrolled(cohort).await.unwrap().len(),
        0,
        "nothing written before confirming"
    );

    let res = c
        .post_multipart(
            &format!("{base}/import"),
            &[("csv", &csv), ("confirm", "yes"), ("invite", "yes")],
            None,
        )
        .await;
    assert_eq!(location(&res), format!("{base}?done=imported"));
    let enrolled = app.db.enrolled(cohort).await.unwrap();
    assert_eq!(enrolled.len(), 30);
    assert_eq!(
        app.db
            .programme_organisations(programme)
            .await
            .unwrap()
            .len(),
        15,
        "two people per firm, each firm taking part in the programme"
    );
    let mails = app.outbox();
    assert_eq!(mails.len(), 30, "an invitation each");
    assert!(
        mails
            .iter()
            .any(|(to, subject, _)| to == "person0@cwmni0.cymru"
                && subject.starts_with("Gwahoddiad i'r garfan "))
    );
    assert!(
        mails
            .iter()
            .any(|(to, subject, _)| to == "person1@cwmni0.cymru"
                && subject.starts_with("You are invited to the cohort "))
    );

    // Importing the same people again is refused: they are already enrolled.
    let res = c
        .post_multipart(
            &format!("{base}/import"),
            &[],
            Some(("file", csv.into_bytes())),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("person0@cwmni0.cymru is already enrolled in this cohort.")
    );

    let res = c.get(&format!("{base}/people.csv")).await;
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let exported = res.text().await.unwrap();
    let rows = ymarfer_domain::import::parse_people(exported.as_bytes()).unwrap();
    assert_eq!(rows.len(), 30);
    assert!(
        rows.iter()
            .any(|r| r.name == "Siân Ŵyn 7" && r.area == "isle_of_anglesey"
                || r.name == "Siân Ŵyn 8")
    );
    let _ = programme;
}

async fn bad_rows_import_nothing_and_are_named(app: TestApp) {
    manager(&app, "rheolwr@example.com").await;
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let slug = app.db.programmes_visible_to(0, true).await.unwrap()[0]
        .slug
        .clone();
    let base = format!("/cy/programmes/{slug}/cohorts/cohort-1");
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b",Dim E-bost,cy,Cwmni A,,C,micro,Cardiff,\n");
    bytes.extend_from_slice(b"a@example.com,Ann,en,Cwmni B,,C,micro,Atlantis,\n");
    bytes.extend_from_slice(b"a@example.com,Ann Eto,en,Cwmni B,,C,micro,Cardiff,\n");
    bytes.extend_from_slice(b"b@example.com,Bl\xe2w,en,Cwmni C,,C,micro,Powys,\n");
    bytes.extend_from_slice(b"c@example.com,Da,en,Cwmni D,,C,micro,Powys,\n");
    let res = c
        .post_multipart(
            &format!("{base}/import"),
            &[("confirm", "yes")],
            Some(("file", bytes)),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    for expected in [
        "Llinell 2:</strong> Nid oes dim wedi&#39;i roi ar gyfer y cyfeiriad e-bost.",
        "Llinell 3:</strong> Nid yw&#39;r gwerth “Atlantis” ar gyfer yr ardal",
        "Llinell 4:</strong> Mae&#39;r cyfeiriad e-bost hwn eisoes ar linell 3.",
        "Llinell 5:</strong> Nid yw&#39;r gwerth ar gyfer yr enw wedi&#39;i gadw fel UTF-8.",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in\n{html}");
    }
    assert!(!html.contains("Llinell 6"), "the good row is not named");
    assert!(html.contains("Nid oes dim wedi&#39;i gadw."));
    assert!(
        app.db
            .organisations_page(&ymarfer_store::organisations::InProgrammes::All, 0, 1)
            .await
            .unwrap()
            .1
            == 0,
        "nothing written"
    );
}

async fn sessions_attendance_and_calendar_feeds(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let base = format!("/en/programmes/{slug}/cohorts/cohort-1");
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let org = Firm::named("Becws Bach")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let res = c
        .post(
            &format!("{base}/people"),
            &[
                ("email", "nia@becws.cymru"),
                ("display_name", "Nia"),
                ("role", "participant"),
                ("organisation", &org.id.to_string()),
                ("language", "cy"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{base}?done=invited"));
    let nia = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("nia@becws.cymru").unwrap())
        .await
        .unwrap()
        .unwrap();

    let res = c
        .post(
            &format!("{base}/sessions/new"),
            &[
                ("title", "Mapio prosesau"),
                ("kind", "workshop"),
                ("starts_at", "2026-06-10T10:00"),
                ("ends_at", "2026-06-10T09:00"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The end must come after the start.")
    );
    let res = c
        .post(
            &format!("{base}/sessions/new"),
            &[
                ("title", "Mapio prosesau"),
                ("kind", "workshop"),
                ("starts_at", "2026-06-10T10:00"),
                ("ends_at", "2026-06-10T12:30"),
                ("location", "Canolfan, Caernarfon"),
                (
                    "agenda",
                    "1. Welcome\n2. **Map** the process\n\n<script>alert(1)</script>",
                ),
            ],
        )
        .await;
    let session_path = location(&res);
    assert!(session_path.starts_with(&format!("{base}/sessions/")));
    let html = c.get(&session_path).await.text().await.unwrap();
    assert!(
        html.contains("<strong>Map</strong>") && !html.contains("<script>alert"),
        "agenda sanitised"
    );
    assert!(
        html.contains("10 June 2026 10:00–12:30"),
        "shown in UK time: {html}"
    );
    let id: i64 = session_path.rsplit('/').next().unwrap().parse().unwrap();
    let meeting = app.db.meeting(cohort, id).await.unwrap().unwrap();
    assert_eq!(
        meeting.starts_at.to_rfc3339(),
        "2026-06-10T09:00:00+00:00",
        "stored in UTC"
    );

    let res = c
        .post(
            &format!("{session_path}/attendance"),
            &[(&format!("status-{}", nia.id), "present")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("{session_path}?done=attendance#register-heading")
    );
    // The register in one move: everyone present, then one tap for each
    // exception, as the page's own form sends it.
    let invite = c
        .post(
            &format!("{base}/people"),
            &[
                ("email", "hwyr@example.com"),
                ("display_name", "Huw Hwyr"),
                ("role", "participant"),
                ("organisation", &org.id.to_string()),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(location(&invite), format!("{base}?done=invited"));
    let huw = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("hwyr@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    let register = |html: &str| {
        let field = regex::Regex::new(
            r#"<input type="hidden" name="(person|status-\d+)" value="([^"]*)">"#,
        )
        .unwrap();
        field
            .captures_iter(html)
            .map(|c| (c[1].to_string(), c[2].to_string()))
            .collect::<Vec<_>>()
    };
    let html = c.get(&session_path).await.text().await.unwrap();
    assert!(
        html.contains("Mark everyone present") && html.contains("Not marked"),
        "{html}"
    );
    let mut form = register(&html);
    assert!(
        form.contains(&("person".into(), huw.id.to_string())),
        "{form:?}"
    );
    form.push(("everyone".into(), "present".into()));
    let res = c
        .post(&format!("{session_path}/attendance"), &borrowed(&form))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let marks = app.db.register_of(id).await.unwrap();
    assert!(
        marks.len() >= 2 && marks.iter().all(|(_, a)| *a == Attendance::Present),
        "{marks:?}"
    );
    // One tap: Huw sent apologies; everyone else keeps their mark.
    let html = c.get(&session_path).await.text().await.unwrap();
    assert!(html.contains(&format!("name=\"mark\" value=\"{}-apologies\"", huw.id)));
    let mut form = register(&html);
    form.push(("mark".into(), format!("{}-apologies", huw.id)));
    let res = c
        .post(&format!("{session_path}/attendance"), &borrowed(&form))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let after = app.db.register_of(id).await.unwrap();
    assert_eq!(after.len(), marks.len());
    for (user, mark) in &after {
        let expected = if *user == huw.id {
            Attendance::Apologies
        } else {
            Attendance::Present
        };
        assert_eq!(*mark, expected, "{after:?}");
    }
    // Everyone present again leaves the exception as it is.
    let mut form = register(&c.get(&session_path).await.text().await.unwrap());
    form.push(("everyone".into(), "present".into()));
    c.post(&format!("{session_path}/attendance"), &borrowed(&form))
        .await;
    assert_eq!(app.db.register_of(id).await.unwrap(), after);
    // Back to Nia alone present, as the rest of this test expects.
    let withdrawn = c
        .post(&format!("{base}/people/{}/withdraw", huw.id), &[])
        .await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    let res = c
        .post(
            &format!("{session_path}/attendance"),
            &[(&format!("status-{}", nia.id), "present")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = c
        .post(
            &format!("{session_path}/attendance"),
            &[("status-999999", "present")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "only people in the cohort"
    );
    let html = c.get(&base).await.text().await.unwrap();
    assert!(html.contains("100%"), "attendance rate shown");

    // The cohort's calendar feed.
    let html = c
        .post(&format!("{base}/calendar"), &[])
        .await
        .text()
        .await
        .unwrap();
    let re = regex::Regex::new(r#"value="(http://[^"]+\.ics)""#).unwrap();
    let link = re.captures(&html).expect("a calendar link")[1].to_string();
    let path = link
        .strip_prefix(&format!("http://{}", app.addr))
        .unwrap()
        .to_string();
    let feed_client = app.client();
    let res = feed_client.get(&path).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = res.text().await.unwrap();
    assert!(
        ics.contains("BEGIN:VCALENDAR")
            && ics.contains("BEGIN:VEVENT")
            && ics.contains("SUMMARY:Mapio prosesau")
    );
    assert!(ics.contains("DTSTART:20260610T090000Z"), "{ics}");
    assert!(
        ics.contains("LOCATION:Canolfan\\, Caernarfon"),
        "escaped per RFC 5545: {ics}"
    );
    // To RFC 5545: every line at most 75 octets, and read back by a parser.
    let read = |ics: &str| {
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let calendar: icalendar::Calendar = ics.parse().expect("a calendar a parser reads");
        let event = calendar
            .components
            .iter()
            .find_map(|c| c.as_event())
            .expect("an event")
            .clone();
        (calendar, event)
    };
    use icalendar::Component;
    let (calendar, event) = read(&ics);
    assert_eq!(
        calendar.property_value("PRODID"),
        Some("-//Ymarfer//Ymarfer calendar//EN")
    );
    let host = url::Url::parse(&app.url("")).unwrap();
    assert_eq!(
        event.get_uid(),
        Some(format!("session-{id}@{}", host.host_str().unwrap()).as_str()),
        "unique to this instance"
    );
    assert_eq!(event.get_sequence(), Some(0));
    let stamp = event.get_timestamp().expect("DTSTAMP");
    assert_eq!(event.get_summary(), Some("Mapio prosesau"));
    // Changing the session moves its SEQUENCE, LAST-MODIFIED and DTSTAMP on,
    // so calendars that hold it update it.
    let res = c
        .post(
            &format!("{session_path}/edit"),
            &[
                ("title", "Mapio prosesau (ail ran)"),
                ("kind", "workshop"),
                ("starts_at", "2026-06-10T10:00"),
                ("ends_at", "2026-06-10T13:00"),
                ("location", "Canolfan, Caernarfon"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let ics = feed_client.get(&path).await.text().await.unwrap();
    let (_, event) = read(&ics);
    assert_eq!(event.get_sequence(), Some(1), "{ics}");
    assert!(event.get_timestamp().unwrap() >= stamp);
    let changed = app.db.meeting(cohort, id).await.unwrap().unwrap();
    assert!(
        changed.updated_at > changed.created_at,
        "DTSTAMP follows the change"
    );
    assert!(event.get_last_modified().is_some());
    assert_eq!(event.get_summary(), Some("Mapio prosesau (ail ran)"));
    // A new link revokes the old one.
    c.post(&format!("{base}/calendar"), &[]).await;
    assert_eq!(feed_client.get(&path).await.status(), StatusCode::NOT_FOUND);

    // Nia's own feed, from her profile.
    let nia_client = app.client();
    let hash = ymarfer_app::passwords::hash(crate::support::PASSWORD.into())
        .await
        .unwrap();
    app.db
        .set_password_hash(nia.id, &hash, None, |_| None)
        .await
        .unwrap();
    nia_client.sign_in("nia@becws.cymru").await;
    let html = nia_client
        .post("/cy/profile/calendar", &[])
        .await
        .text()
        .await
        .unwrap();
    let link = re.captures(&html).expect("a personal calendar link")[1].to_string();
    let path = link
        .strip_prefix(&format!("http://{}", app.addr))
        .unwrap()
        .to_string();
    assert!(
        feed_client
            .get(&path)
            .await
            .text()
            .await
            .unwrap()
            .contains("SUMMARY:Mapio prosesau")
    );
    let home = nia_client.get("/cy").await.text().await.unwrap();
    assert!(
        home.contains("Mapio prosesau") && home.contains("Y sesiwn nesaf")
            || home.contains("Nid oes sesiwn"),
        "{home}"
    );
    nia_client.post("/cy/profile/calendar/revoke", &[]).await;
    assert_eq!(feed_client.get(&path).await.status(), StatusCode::NOT_FOUND);
}

async fn withdraw_readmit_sets_and_visibility(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let base = format!("/en/programmes/{slug}/cohorts/cohort-1");
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let res = c
        .post_multipart(
            &format!("{base}/import"),
            &[("csv", &thirty_people()), ("confirm", "yes")],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(app.outbox().is_empty(), "no invitations unless asked");
    let people = app.db.enrolled(cohort).await.unwrap();
    let first = people[0].user_id;

    let res = c
        .post(&format!("{base}/people/{first}/withdraw"), &[])
        .await;
    assert_eq!(location(&res), format!("{base}?done=withdrawn"));
    assert_eq!(
        c.post(&format!("{base}/people/{first}/withdraw"), &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    c.post(&format!("{base}/people/{first}/readmit"), &[]).await;
    let history = app.db.enrolment_history(cohort).await.unwrap();
    let kinds: Vec<&str> = history
        .iter()
        .filter(|e| e.user_id == first)
        .map(|e| e.kind.as_str())
        .collect();
    assert_eq!(kinds, vec!["enrolled", "withdrawn", "readmitted"]);

    let res = c.post(&format!("{base}/sets/propose"), &[]).await;
    assert_eq!(location(&res), format!("{base}/sets"));
    let sets = app.db.set_names(cohort).await.unwrap();
    assert_eq!(sets.len(), 5, "30 people make five sets of six");
    let html = c.get(&format!("{base}/sets")).await.text().await.unwrap();
    assert!(html.contains("Set 1") && html.contains("6 members"));

    // A participant sees names but not contact details; an observer sees counts only.
    let participant = app.db.user_by_id(people[1].user_id).await.unwrap().unwrap();
    let hash = ymarfer_app::passwords::hash(crate::support::PASSWORD.into())
        .await
        .unwrap();
    app.db
        .set_password_hash(participant.id, &hash, None, |_| None)
        .await
        .unwrap();
    let p = app.client();
    p.sign_in(&participant.email).await;
    let html = p.get(&base).await.text().await.unwrap();
    assert!(
        html.contains("Siân Ŵyn 2") && !html.contains("person2@cwmni1.cymru"),
        "no emails for participants"
    );
    assert!(!html.contains("/withdraw"));
    assert_eq!(
        p.get(&format!("{base}/people.csv")).await.status(),
        StatusCode::FORBIDDEN
    );
    let observer = app.user("sylwedydd@example.com", Lang::Cy, false).await;
    app.db
        .grant(observer.id, Role::Observer, Scope::Programme(programme))
        .await
        .unwrap();
    let o = app.client();
    o.sign_in("sylwedydd@example.com").await;
    let html = o.get(&base).await.text().await.unwrap();
    assert!(
        html.contains("30 participants are enrolled.") || html.contains("Mae 30 o gyfranogwyr"),
        "{html}"
    );
    assert!(!html.contains("Siân Ŵyn 2"), "observers see no names");
    // Someone from another programme cannot tell the cohort exists.
    let (_, other_programme, _) = manager(&app, "arall@example.com").await;
    let _ = other_programme;
    let other = app.client();
    other.sign_in("arall@example.com").await;
    assert_eq!(other.get(&base).await.status(), StatusCode::NOT_FOUND);
}

async fn organisations_record_innovation_status(app: TestApp) {
    let (_, programme, _) = manager(&app, "rheolwr@example.com").await;
    let programme = programme.to_string();
    let c = app.client();
    c.sign_in("rheolwr@example.com").await;
    let res = c
        .post(
            "/cy/organisations/new",
            &[
                ("name", "Garej Glan"),
                ("companies_house", "12AB"),
                ("sector", "Z"),
                ("employee_band", "small"),
                ("principal_area", "wrexham"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("Rhowch rif Tŷ&#39;r Cwmnïau") && html.contains("value=\"Garej Glan\""));
    let res = c
        .post(
            "/en/organisations/new",
            &[
                ("programme", programme.as_str()),
                ("name", "Garej Glan"),
                ("companies_house", "1234567"),
                ("sector", "G"),
                ("employee_band", "small"),
                ("principal_area", "wrexham"),
                ("hourly_rate", "28.50"),
                ("asked_on", "2026-09-01"),
                ("q4", "yes"),
            ],
        )
        .await;
    let path = location(&res);
    let html = c.get(&path).await.text().await.unwrap();
    assert!(html.contains("01234567") && html.contains("Wrexham") && html.contains("£28.50"));
    // Spending alone makes a broader innovator, not an innovation-active firm.
    assert!(
        html.contains("<td>At entry</td><td>1 September 2026</td><td>No</td><td>Yes</td>"),
        "{html}"
    );
    // Asked again at the end of the cohort: a new process makes it innovation active.
    let res = c
        .post(
            &format!("{path}/innovation"),
            &[("stage", "end"), ("asked_on", "2027-01-15"), ("q2", "yes")],
        )
        .await;
    assert_eq!(location(&res), path);
    let html = c.get(&path).await.text().await.unwrap();
    assert!(
        html.contains(
            "<td>At the end of the cohort</td><td>15 January 2027</td><td>Yes</td><td>Yes</td>"
        ),
        "{html}"
    );
    assert_eq!(
        c.post(&format!("{path}/innovation"), &[("stage", "later")])
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    let list = c.get("/cy/organisations").await.text().await.unwrap();
    assert!(list.contains("Garej Glan") && list.contains("Wrecsam"));
    // Without a programme, nothing is added.
    let res = c
        .post(
            "/en/organisations/new",
            &[
                ("name", "Becws Newydd"),
                ("sector", "C"),
                ("employee_band", "micro"),
                ("principal_area", "wrexham"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose one of the options.")
    );
    // One record per firm in a programme: adding a firm the programme holds
    // already leads to its record.
    let res = c
        .post(
            "/en/organisations/new",
            &[
                ("programme", programme.as_str()),
                ("name", "garej glan"),
                ("sector", "G"),
                ("employee_band", "small"),
                ("principal_area", "wrexham"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{path}?done=exists"));
    let html = c.get(&location(&res)).await.text().await.unwrap();
    assert!(html.contains("This programme holds a record of this organisation already"));
}

/// A form's fields, as the test client sends them.
fn borrowed(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

on_both! {
    create_programme => super::manager_creates_programme_and_cohort;
    import_thirty => super::import_thirty_people_then_export;
    import_bad_rows => super::bad_rows_import_nothing_and_are_named;
    sessions_and_calendars => super::sessions_attendance_and_calendar_feeds;
    people_sets_visibility => super::withdraw_readmit_sets_and_visibility;
    organisations => super::organisations_record_innovation_status;
}
