//! Every act of the application layer, walked from its row in
//! `ymarfer_app::acts::ACTS`: refused to someone who may not, recorded once in
//! the audit trail, unchanged when sent again, telling whom it concerns, and
//! reached through at least two doors where it has them. An act added without
//! a case here fails the test.

use crate::support::{TestApp, location};
use reqwest::StatusCode;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::acts::ACTS;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::audit::AuditQuery;

async fn events(app: &TestApp, action: AuditAction) -> Vec<ymarfer_store::audit::AuditEvent> {
    app.db
        .audit_events(
            &AuditQuery {
                action: Some(action),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap()
}

/// A participant of the cohort, acting as themselves.
async fn participant(app: &TestApp, email: &str, programme: i64, cohort: i64) -> Acting {
    let user = app.user(email, Lang::Cy, false).await;
    app.db
        .grant(
            user.id,
            Role::Participant,
            Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    let actor = app.db.actor(&user).await.unwrap();
    Acting::person(Some(&actor), Door::Api, "127.0.0.1")
}

async fn every_act_keeps_its_promises(app: TestApp) {
    assert!(ACTS.len() >= 2);
    for act in ACTS {
        match act.name {
            "people_import::import" => people_import(&app).await,
            "ledger_import::import_ledger" => ledger_import(&app).await,
            "accounts::add_user" => add_user(&app).await,
            "leads::register_interest" => register_interest(&app).await,
            "leads::assign" => assign_lead(&app).await,
            "tokens::create" | "tokens::revoke" => tokens(&app).await,
            // Walked through the API beside the page in tests/app/api_acts.rs,
            // on a server of their own.
            "organisations::change_rate" => {
                crate::api_acts::the_rate_changes_through_the_api(fresh(&app).await).await
            }
            "space::post" => {
                crate::acts_space::a_post_sent_twice_is_one_post(&app).await;
                crate::api_acts::a_post_through_the_api_is_in_the_space(fresh(&app).await).await
            }
            "organisations::add" | "organisations::edit" | "organisations::record_innovation" => {
                crate::acts_organisations::organisation_act(&app, act.name).await
            }
            "space::post_alumni"
            | "space::comment"
            | "space::edit"
            | "space::delete"
            | "space::restore"
            | "space::react"
            | "space::give_feedback"
            | "space::ask_feedback"
            | "space::share" => crate::acts_space::space_act(&app, act.name).await,
            "benefits::add" | "benefits::change" | "projects::attach" => {
                crate::acts_benefits::benefit_act(&app, act.name).await
            }
            "claims::verify" => review(&app, Review::Verify).await,
            "claims::query" => review(&app, Review::Query).await,
            "claims::answer" => answer(&app).await,
            "claims::return_claim" => review(&app, Review::Return).await,
            "claims::reject" => review(&app, Review::Reject).await,
            "claims::reopen" => review(&app, Review::Reopen).await,
            "accounts::change_password" => crate::acts_accounts::change_password(&app).await,
            "capability::answer" => crate::acts_accounts::answer_capability(&app).await,
            "accounts::update_profile" | "accounts::read_notices" | "accounts::set_notify_mode" => {
                crate::acts_accounts::profile_and_notices(&app, act.name).await
            }
            "accounts::set_access" => set_access(&app).await,
            "accounts::erase" => erase(&app).await,
            "programmes::create" => crate::acts_programmes::create_programme(&app).await,
            "programmes::edit" => crate::acts_programmes::edit_programme(&app).await,
            "programmes::add_to_team" => crate::acts_programmes::add_to_team(&app).await,
            "programmes::set_additionality" => {
                crate::acts_programmes::set_additionality(&app).await
            }
            "returns::set_indicator_sets" => crate::acts_programmes::set_indicator_sets(&app).await,
            "returns::add_indicator" => crate::acts_programmes::add_indicator(&app).await,
            "cohorts::create" => crate::acts_programmes::create_cohort(&app).await,
            "cohorts::edit" => crate::acts_programmes::edit_cohort(&app).await,
            "cohorts::propose_sets" => crate::acts_programmes::propose_sets(&app).await,
            "people::invite" => crate::acts_programmes::invite_to_cohort(&app).await,
            "people::withdraw" => crate::acts_programmes::withdraw_and_readmit(&app, false).await,
            "people::readmit" => crate::acts_programmes::withdraw_and_readmit(&app, true).await,
            "people::place_in_set" => crate::acts_programmes::place_in_set(&app).await,
            "leads::set_status" => crate::acts_programmes::set_lead_status(&app).await,
            "leads::invite" => crate::acts_programmes::invite_lead(&app).await,
            // Sessions and their rhythm: tests/app/acts_sessions.rs.
            "sessions::schedule" => crate::acts_sessions::schedule(&app).await,
            "sessions::edit" => crate::acts_sessions::edit(&app).await,
            "sessions::take_register" => crate::acts_sessions::take_register(&app).await,
            "sessions::make_calendar_link" | "sessions::revoke_calendar_link" => {
                crate::acts_sessions::calendar_links(&app).await
            }
            "rhythm::commit" => crate::acts_sessions::commit(&app).await,
            "rhythm::check_in" => crate::acts_sessions::check_in(&app).await,
            "rhythm::reflect" => crate::acts_sessions::reflect(&app).await,
            "rhythm::share_reflection" => crate::acts_sessions::share_reflection(&app).await,
            "projects::start" => crate::acts_projects::start(&app).await,
            "projects::edit" => crate::acts_projects::edit(&app).await,
            "projects::approve" => crate::acts_projects::approve(&app).await,
            "tools::apply" => crate::acts_projects::apply_tool(&app).await,
            "cycles::start" => crate::acts_projects::start_cycle(&app).await,
            "cycles::update" => crate::acts_projects::update_cycle(&app).await,
            "readings::record" => crate::acts_projects::record_reading(&app).await,
            "readings::correct" | "readings::remove" => {
                crate::acts_projects::correct_and_remove_reading(&app).await
            }
            "tools::add_to_programme" => crate::acts_projects::add_programme_tool(&app).await,
            live if live.starts_with("live::") => {
                crate::live::act_keeps_its_promises(&fresh(&app).await, live).await
            }
            other => panic!("the act {other} has no case in tests/app/acts.rs"),
        }
    }
}

/// Another server on the same kind of database, for a case that needs one.
async fn fresh(app: &TestApp) -> TestApp {
    let backend = match app.db {
        ymarfer_store::Db::Sqlite(_) => ymarfer_store::Backend::Sqlite,
        ymarfer_store::Db::Postgres(_) => ymarfer_store::Backend::Postgres,
    };
    TestApp::spawn(backend).await.expect("a second server")
}

fn people_csv(emails: &[&str]) -> String {
    let mut csv = String::from(
        "email,name,language,organisation,companies_house,sector,employee_band,area,hourly_rate_gbp\n",
    );
    for (i, email) in emails.iter().enumerate() {
        csv.push_str(&format!(
            "{email},Person {i},cy,Cwmni Act {i},,C,micro,Gwynedd,\n"
        ));
    }
    csv
}

async fn people_import(app: &TestApp) {
    let (_, programme, cohort) = crate::support::manager(app, "rheolwr.pobl@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let c = app.db.cohorts_of(programme).await.unwrap().remove(0);
    assert_eq!(c.id, cohort);
    let base = format!("/en/programmes/{}/cohorts/{}", p.slug, c.slug);
    let csv = people_csv(&["newydd@example.com"]);
    let rows = ymarfer_app::people_import::check(
        &app.db,
        ymarfer_app::i18n::Tr(Lang::En),
        cohort,
        csv.as_bytes(),
    )
    .await
    .unwrap()
    .unwrap_or_else(|_| panic!("the file is good"));

    // Refused to a participant, through the act itself and through the page.
    let someone = participant(app, "cyfranogwr@example.com", programme, cohort).await;
    let refused =
        ymarfer_app::people_import::import(&app.state, &someone, &p, &c, &rows, false, &|_, _| {})
            .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{refused:?}"
    );
    let stranger = app.client();
    stranger.sign_in("cyfranogwr@example.com").await;
    let res = stranger
        .post_multipart(
            &format!("{base}/import"),
            &[("csv", &csv), ("confirm", "yes")],
            None,
        )
        .await;
    assert!(
        matches!(res.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        res.status()
    );
    assert!(events(app, AuditAction::PeopleImported).await.is_empty());
    assert_eq!(app.db.enrolled(cohort).await.unwrap().len(), 0);

    // Through the page: one event, the new person invited.
    let manager = app.client();
    manager.sign_in("rheolwr.pobl@example.com").await;
    let import = format!("{base}/import");
    let form = [("csv", csv.as_str()), ("confirm", "yes"), ("invite", "yes")];
    let res = manager.post_multipart(&import, &form, None).await;
    assert_eq!(location(&res), format!("{base}?done=imported"));
    let recorded = events(app, AuditAction::PeopleImported).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].programme_id, Some(programme));
    assert!(recorded[0].detail.contains("1 people"), "{:?}", recorded[0]);
    assert!(
        app.outbox()
            .iter()
            .any(|(to, subject, _)| to == "newydd@example.com"
                && subject.starts_with("Gwahoddiad i'r garfan ")),
        "the new person is told, in Welsh"
    );

    // Sent again: refused, nothing changes.
    let res = manager.post_multipart(&import, &form, None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(events(app, AuditAction::PeopleImported).await.len(), 1);
    assert_eq!(app.db.enrolled(cohort).await.unwrap().len(), 1);

    // The command line's door: the same act, named as the command line.
    let more = people_csv(&["arall@example.com"]);
    let rows = ymarfer_app::people_import::check(
        &app.db,
        ymarfer_app::i18n::Tr(Lang::En),
        cohort,
        more.as_bytes(),
    )
    .await
    .unwrap()
    .unwrap_or_else(|_| panic!("the file is good"));
    ymarfer_app::people_import::import(
        &app.state,
        &Acting::command_line(),
        &p,
        &c,
        &rows,
        false,
        &|_, _| {},
    )
    .await
    .unwrap();
    let recorded = events(app, AuditAction::PeopleImported).await;
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].actor, "command line");
    assert_eq!(recorded[0].actor_id, None);
}

async fn ledger_import(app: &TestApp) {
    let (manager, programme, cohort) =
        crate::support::manager(app, "rheolwr.llyfr@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let org = Firm::named("Melin Act")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    crate::support::project(app, cohort, org.id, "Stock", "testing", "cohort").await;
    let file = "organisation,project,description,category,savings_type,frequency,start_date,status,amount_gbp,hours,hourly_rate_gbp,energy_kwh,waste_kg,fuel_litres\n\
                Melin Act,Stock,Less waste,materials,hard,weekly,2026-01-05,verified,12.50,,,,,\n";
    let import = async |acting: Acting| {
        ymarfer_app::ledger_import::import_ledger(
            &app.db,
            &acting,
            ymarfer_app::i18n::Tr(Lang::En),
            &p,
            file.as_bytes(),
            Some(manager.id),
        )
        .await
    };
    let totals = || async {
        app.db
            .ledger_totals(programme, None)
            .await
            .unwrap()
            .iter()
            .map(|t| (t.status, t.first_year_pence))
            .collect::<Vec<_>>()
    };

    let refused =
        import(participant(app, "cyfranogwr.llyfr@example.com", programme, cohort).await).await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{refused:?}"
    );
    assert!(totals().await.is_empty());
    assert!(events(app, AuditAction::LedgerImported).await.is_empty());

    let first = import(Acting::command_line()).await.unwrap();
    assert!(first.is_ok(), "{first:?}");
    let after_first = totals().await;
    assert_eq!(after_first.len(), 1, "{after_first:?}");
    let recorded = events(app, AuditAction::LedgerImported).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].actor, "command line");

    // The same file again: refused, saying when and by whom; nothing moves.
    let again = import(Acting::command_line()).await.unwrap();
    match again {
        Err(ymarfer_app::ledger_import::Refused::AlreadyImported(why)) => {
            assert!(why.contains("rheolwr.llyfr@example.com"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(totals().await, after_first);
    assert_eq!(events(app, AuditAction::LedgerImported).await.len(), 1);
}

async fn add_user(app: &TestApp) {
    use ymarfer_app::accounts::{Delivery, NewAccount};
    app.user("gweinyddwr@example.com", Lang::En, true).await;
    let (_, programme, cohort) = crate::support::manager(app, "rheolwr.cyfrif@example.com").await;
    let email = ymarfer_domain::Email::parse("newydd.cyfrif@example.com").unwrap();
    let new = || NewAccount {
        email: &email,
        name: "Newydd",
        language: Lang::Cy,
        admin: false,
    };
    // A manager of a programme may not add accounts to the instance.
    let manager = app
        .db
        .actor(
            &app.db
                .user_by_email(&ymarfer_domain::Email::parse("rheolwr.cyfrif@example.com").unwrap())
                .await
                .unwrap()
                .unwrap(),
        )
        .await
        .unwrap();
    let refused = ymarfer_app::accounts::add_user(
        &app.state,
        &Acting::person(Some(&manager), Door::Api, ""),
        new(),
        Delivery::Email,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{:?}",
        refused.err()
    );
    let _ = (programme, cohort);
    assert!(events(app, AuditAction::UserAdded).await.is_empty());

    let admin = app.client();
    admin.sign_in("gweinyddwr@example.com").await;
    let form = [
        ("email", "newydd.cyfrif@example.com"),
        ("display_name", "Newydd"),
        ("language", "cy"),
    ];
    let res = admin.post("/en/admin/users/invite", &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(events(app, AuditAction::UserAdded).await.len(), 1);
    assert!(
        app.outbox()
            .iter()
            .any(|(to, subject, _)| to == "newydd.cyfrif@example.com"
                && subject == "Gwahoddiad i Ymarfer")
    );
    let res = admin.post("/en/admin/users/invite", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(events(app, AuditAction::UserAdded).await.len(), 1);

    // The command line hands over a link instead.
    let other = ymarfer_domain::Email::parse("arall.cyfrif@example.com").unwrap();
    let added = ymarfer_app::accounts::add_user(
        &app.state,
        &Acting::command_line(),
        NewAccount {
            email: &other,
            name: "Arall",
            language: Lang::En,
            admin: true,
        },
        Delivery::Link,
    )
    .await
    .unwrap();
    assert!(added.link.unwrap().contains("/en/invitation/"));
    let recorded = events(app, AuditAction::UserAdded).await;
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].actor, "command line");
    assert_eq!(recorded[0].detail, "administrator");
}

async fn set_access(app: &TestApp) {
    let admin_user = app
        .user("gweinyddwr.mynediad@example.com", Lang::En, true)
        .await;
    let person = app
        .user("person.mynediad@example.com", Lang::Cy, false)
        .await;
    let admin = app.client();
    admin.sign_in("gweinyddwr.mynediad@example.com").await;
    let suspend = format!("/en/admin/users/{}/suspend", person.id);

    // Someone who does not manage users is refused.
    let someone = app.db.actor(&person).await.unwrap();
    let refused = ymarfer_app::accounts::set_access(
        &app.state,
        &Acting::person(Some(&someone), Door::Page, ""),
        admin_user.id,
        ymarfer_app::accounts::Access::Suspend,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{:?}",
        refused.err()
    );

    let res = admin.post(&suspend, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        app.db
            .user_by_id(person.id)
            .await
            .unwrap()
            .unwrap()
            .suspended_at
            .is_some()
    );
    assert_eq!(events(app, AuditAction::UserSuspended).await.len(), 1);
    // Sent twice: nothing more.
    let res = admin.post(&suspend, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(events(app, AuditAction::UserSuspended).await.len(), 1);
    // Not on oneself.
    let res = admin
        .post(&format!("/en/admin/users/{}/suspend", admin_user.id), &[])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(events(app, AuditAction::UserSuspended).await.len(), 1);
}

fn lead_input(email: &str) -> ymarfer_store::health::LeadInput {
    ymarfer_store::health::LeadInput {
        health_check_id: None,
        programme_id: None,
        cohort_id: None,
        name: "Nia".into(),
        email: email.into(),
        phone: String::new(),
        organisation_name: "Becws Act".into(),
        language: Lang::Cy,
        recheck: false,
    }
}

async fn register_interest(app: &TestApp) {
    use ymarfer_app::leads::{Interest, register_interest};
    let admin = app
        .user("gweinyddwr.diddordeb@example.com", Lang::Cy, true)
        .await;
    let visitor = Acting::person(None, Door::Page, "");
    let input = lead_input("nia.diddordeb@example.com");
    let key = "interest:0123456789abcdef0123456789abcdef";
    let told = || {
        app.outbox()
            .iter()
            .filter(|(to, _, _)| to == admin.email.as_str())
            .count()
    };
    let before = told();
    let first = register_interest(&app.state, &visitor, &input, Some(key), "hash")
        .await
        .unwrap();
    let Interest::Registered(lead) = first else {
        panic!("{first:?}")
    };
    let again = register_interest(&app.state, &visitor, &input, Some(key), "hash")
        .await
        .unwrap();
    assert!(matches!(again, Interest::AlreadySent), "{again:?}");
    let recorded = events(app, AuditAction::LeadRegistered).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].subject, format!("lead {lead}"));
    assert_eq!(
        (recorded[0].actor_id, recorded[0].address.as_str()),
        (None, "")
    );
    assert_eq!(told(), before + 1, "the administrator is emailed once");
    assert_eq!(
        app.db
            .leads_of(None)
            .await
            .unwrap()
            .iter()
            .filter(|l| l.email == input.email)
            .count(),
        1
    );
}

async fn assign_lead(app: &TestApp) {
    let (manager, programme, cohort) =
        crate::support::manager(app, "rheolwr.arwain@example.com").await;
    let admin_user = app
        .user("gweinyddwr.arwain@example.com", Lang::En, true)
        .await;
    let admin = Acting::person(
        Some(&app.db.actor(&admin_user).await.unwrap()),
        Door::Page,
        "",
    );
    let lead = app
        .db
        .create_lead(&lead_input("arwain@example.com"))
        .await
        .unwrap();
    let someone = participant(app, "cyfranogwr.arwain@example.com", programme, cohort).await;
    let refused = ymarfer_app::leads::assign(&app.state, &someone, lead.id, programme).await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{:?}",
        refused.err()
    );
    let told = || {
        app.outbox()
            .iter()
            .filter(|(to, _, _)| to == manager.email.as_str())
            .count()
    };
    for _ in 0..2 {
        ymarfer_app::leads::assign(&app.state, &admin, lead.id, programme)
            .await
            .unwrap();
        assert_eq!(events(app, AuditAction::LeadAssigned).await.len(), 1);
        assert_eq!(told(), 1, "the programme's manager is told once");
    }
    assert_eq!(
        app.db
            .lead_by_id(lead.id)
            .await
            .unwrap()
            .unwrap()
            .programme_id,
        Some(programme)
    );
}

/// Making and revoking a token (both acts, walked together once each row).
async fn tokens(app: &TestApp) {
    if !events(app, AuditAction::TokenCreated).await.is_empty() {
        return;
    }
    app.user("tocyn@example.com", Lang::En, false).await;
    let c = app.client();
    c.sign_in("tocyn@example.com").await;
    let form = [
        ("name", "Power BI"),
        ("access", "read"),
        ("days", "30"),
        ("programme", ""),
    ];
    let res = c.post("/en/profile/tokens", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.text().await.unwrap().contains("ymf_"),
        "the secret, shown once"
    );
    assert_eq!(events(app, AuditAction::TokenCreated).await.len(), 1);
    // Sent twice: refused, naming why; no second token.
    let res = c.post("/en/profile/tokens", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("You have a token with this name already.")
    );
    assert_eq!(events(app, AuditAction::TokenCreated).await.len(), 1);
    let user = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("tocyn@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    let tokens = app.db.api_tokens_of(user.id).await.unwrap();
    assert_eq!(tokens.len(), 1);

    // Someone else cannot revoke it.
    let other = app.user("arall.tocyn@example.com", Lang::En, false).await;
    let someone = Acting::person(Some(&app.db.actor(&other).await.unwrap()), Door::Page, "");
    let refused = ymarfer_app::tokens::revoke(&app.state, &someone, tokens[0].id).await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
    let revoke = format!("/en/profile/tokens/{}/revoke", tokens[0].id);
    for _ in 0..2 {
        let res = c.post(&revoke, &[]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(events(app, AuditAction::TokenRevoked).await.len(), 1);
    }
}

async fn erase(app: &TestApp) {
    app.user("gweinyddwr.dileu@example.com", Lang::En, true)
        .await;
    let person = app.user("dileu@example.com", Lang::Cy, false).await;
    let someone = Acting::person(Some(&app.db.actor(&person).await.unwrap()), Door::Page, "");
    let refused =
        ymarfer_app::accounts::erase(&app.state, &someone, person.id, "dileu@example.com", "x")
            .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{refused:?}"
    );
    let admin = app.client();
    admin.sign_in("gweinyddwr.dileu@example.com").await;
    let erase = format!("/en/admin/users/{}/erase", person.id);
    let res = admin.post(&erase, &[("confirm", "someone@else.com")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(events(app, AuditAction::PersonErased).await.is_empty());
    for _ in 0..2 {
        let res = admin
            .post(&erase, &[("confirm", "DILEU@example.com")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let recorded = events(app, AuditAction::PersonErased).await;
        assert_eq!(recorded.len(), 1);
        assert_eq!(recorded[0].subject, format!("account {}", person.id));
    }
    let gone = app.db.user_by_id(person.id).await.unwrap().unwrap();
    assert!(gone.erased_at.is_some() && gone.display_name.is_empty());
}

#[derive(Clone, Copy, Debug)]
enum Review {
    Verify,
    Query,
    Return,
    Reject,
    Reopen,
}

/// A claim reviewed by a facilitator: refused to the claimant, recorded once
/// when sent twice, and (but for reopening) told to the claimant.
async fn review(app: &TestApp, how: Review) {
    use ymarfer_app::claims::{Outcome, Seen};
    let tag = format!("{how:?}").to_lowercase();
    let (_, programme, cohort) =
        crate::support::manager(app, &format!("rheolwr.{tag}@example.com")).await;
    let staff = app
        .db
        .user_by_email(
            &ymarfer_domain::Email::parse(&format!("rheolwr.{tag}@example.com")).unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
    let staff = Acting::person(Some(&app.db.actor(&staff).await.unwrap()), Door::Api, "");
    let claimant = app
        .user(&format!("hawlydd.{tag}@example.com"), Lang::Cy, false)
        .await;
    let org = Firm::named(&format!("Cwmni {tag}"))
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, claimant.id, Some(org.id), None)
        .await
        .unwrap();
    let project = crate::support::project(app, cohort, org.id, "Stock", "testing", "cohort").await;
    let status = match how {
        Review::Reopen => ymarfer_domain::impact::Status::Verified,
        _ => ymarfer_domain::impact::Status::Claimed,
    };
    let line = Line::weekly("Less waste", 1250)
        .savings(ymarfer_domain::impact::SavingsType::Soft)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        .status(status)
        .add(&app.db, project.id, claimant.id)
        .await
        .unwrap();
    let seen = || Seen {
        project: project.id,
        line,
        version: 1,
        note: "Receipts seen",
    };
    let act = async |acting: &Acting| match how {
        Review::Verify => ymarfer_app::claims::verify(&app.state, acting, seen()).await,
        Review::Query => ymarfer_app::claims::query(&app.state, acting, seen()).await,
        Review::Return => ymarfer_app::claims::return_claim(&app.state, acting, seen()).await,
        Review::Reject => ymarfer_app::claims::reject(&app.state, acting, seen()).await,
        Review::Reopen => ymarfer_app::claims::reopen(&app.state, acting, seen()).await,
    };
    let recorded = match how {
        Review::Verify => AuditAction::LineVerified,
        Review::Query => AuditAction::LineQueried,
        Review::Return => AuditAction::LineReturned,
        Review::Reject => AuditAction::LineRejected,
        Review::Reopen => AuditAction::LineReopened,
    };
    let before = events(app, recorded).await.len();
    let by_claimant = Acting::person(
        Some(&app.db.actor(&claimant).await.unwrap()),
        Door::Page,
        "",
    );
    let refused = act(&by_claimant).await;
    assert!(
        matches!(
            refused,
            Err(ymarfer_app::Error::Forbidden | ymarfer_app::Error::NotFound)
        ),
        "{how:?}: {refused:?}"
    );
    assert_eq!(events(app, recorded).await.len(), before);
    let notices = app.db.notices(claimant.id, 50).await.unwrap().len();
    assert_eq!(act(&staff).await.unwrap(), Outcome::Done, "{how:?}");
    assert_eq!(
        act(&staff).await.unwrap(),
        Outcome::AlreadyDone,
        "{how:?} again"
    );
    assert_eq!(events(app, recorded).await.len(), before + 1, "{how:?}");
    let told = app.db.notices(claimant.id, 50).await.unwrap().len() - notices;
    let expected = if matches!(how, Review::Reopen) { 0 } else { 1 };
    assert_eq!(told, expected, "{how:?}: the claimant is told once");
}

/// A question answered by the claimant: refused to a participant of another
/// firm, recorded once when sent twice, and told to the reviewer who asked.
async fn answer(app: &TestApp) {
    use ymarfer_app::claims::{Outcome, Seen};
    let (manager, programme, cohort) =
        crate::support::manager(app, "rheolwr.answer@example.com").await;
    let staff = Acting::person(Some(&app.db.actor(&manager).await.unwrap()), Door::Page, "");
    let claimant = app
        .user("hawlydd.answer@example.com", Lang::Cy, false)
        .await;
    let stranger = app
        .user("dieithryn.answer@example.com", Lang::En, false)
        .await;
    let org = Firm::named("Cwmni ateb")
        .add(&app.db, programme)
        .await
        .unwrap();
    let other = Firm::named("Cwmni arall")
        .add(&app.db, programme)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, claimant.id, Some(org.id), None)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, stranger.id, Some(other.id), None)
        .await
        .unwrap();
    let project = crate::support::project(app, cohort, org.id, "Stock", "testing", "cohort").await;
    let line = Line::weekly("Less waste", 1250)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        .claimed()
        .add(&app.db, project.id, claimant.id)
        .await
        .unwrap();
    let seen = |version: i64, note: &'static str| Seen {
        project: project.id,
        line,
        version,
        note,
    };
    let asked = ymarfer_app::claims::query(&app.state, &staff, seen(1, "Which receipts?"))
        .await
        .unwrap();
    assert_eq!(asked, Outcome::Done);
    let person = |u: &ymarfer_store::users::User| {
        let u = u.clone();
        async move { Acting::person(Some(&app.db.actor(&u).await.unwrap()), Door::Api, "") }
    };
    let before = events(app, AuditAction::LineAnswered).await.len();
    let refused =
        ymarfer_app::claims::answer(&app.state, &person(&stranger).await, seen(2, "Mine")).await;
    assert!(
        matches!(
            refused,
            Err(ymarfer_app::Error::Forbidden | ymarfer_app::Error::NotFound)
        ),
        "{refused:?}"
    );
    let told_before = app.db.notices(manager.id, 50).await.unwrap().len();
    let by_claimant = person(&claimant).await;
    for expected in [Outcome::Done, Outcome::AlreadyDone] {
        let outcome =
            ymarfer_app::claims::answer(&app.state, &by_claimant, seen(2, "The March receipts"))
                .await
                .unwrap();
        assert_eq!(outcome, expected);
    }
    assert_eq!(
        events(app, AuditAction::LineAnswered).await.len(),
        before + 1
    );
    let told = app.db.notices(manager.id, 50).await.unwrap().len() - told_before;
    assert_eq!(told, 1, "the reviewer who asked is told once");
}

crate::on_both! {
    acts_keep_their_promises => super::every_act_keeps_its_promises;
}
