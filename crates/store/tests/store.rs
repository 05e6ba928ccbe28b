//! Storage behaviour, proved on SQLite and PostgreSQL alike.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ymarfer_domain::{Email, Lang, Role, Scope};
use ymarfer_store::throttle::Attempt;
use ymarfer_store::tokens::Purpose;
use ymarfer_store::users::NewUser;
use ymarfer_store::{Db, both_backends};

async fn user(db: &Db, email: &str) -> ymarfer_store::users::User {
    let email = Email::parse(email).unwrap();
    db.create_user(NewUser {
        email: &email,
        display_name: "Siân",
        language: Lang::Cy,
        is_admin: false,
        password_hash: None,
    })
    .await
    .unwrap()
}

async fn users_are_unique_by_email(db: Db, _url: String) {
    let u = user(&db, "Sian@Example.com").await;
    assert_eq!(u.email, "sian@example.com");
    assert_eq!(u.lang(), Lang::Cy);
    let email = Email::parse("sian@example.com").unwrap();
    let clash = db
        .create_user(NewUser {
            email: &email,
            display_name: "",
            language: Lang::En,
            is_admin: false,
            password_hash: None,
        })
        .await
        .unwrap_err();
    assert!(clash.is_unique_violation(), "{clash}");
    assert!(!db.any_admin().await.unwrap());
    db.set_admin(u.id, true).await.unwrap();
    assert!(db.any_admin().await.unwrap());
    db.update_profile(u.id, "  Siân Jones ", Lang::En)
        .await
        .unwrap();
    let again = db.user_by_email(&email).await.unwrap().unwrap();
    assert_eq!(
        (again.display_name.as_str(), again.lang()),
        ("Siân Jones", Lang::En)
    );
}

async fn tokens_are_single_use(db: Db, _url: String) {
    let u = user(&db, "a@example.com").await;
    let secret = db.issue_token(Purpose::Reset, Some(u.id)).await.unwrap();
    assert_eq!(
        db.peek_token(Purpose::SignIn, &secret).await.unwrap(),
        None,
        "purpose must match"
    );
    assert_eq!(
        db.peek_token(Purpose::Reset, &secret).await.unwrap(),
        Some(Some(u.id))
    );
    assert_eq!(
        db.consume_token(Purpose::Reset, &secret).await.unwrap(),
        Some(Some(u.id))
    );
    assert_eq!(
        db.consume_token(Purpose::Reset, &secret).await.unwrap(),
        None,
        "second use refused"
    );
    assert_eq!(
        db.peek_token(Purpose::Reset, "not-a-token").await.unwrap(),
        None
    );
}

async fn sessions_end_one_or_all(db: Db, _url: String) {
    let u = user(&db, "b@example.com").await;
    let s1 = db.create_session(u.id, "Firefox").await.unwrap();
    let s2 = db.create_session(u.id, "Chromium").await.unwrap();
    assert_ne!(s1, s2);
    let ymarfer_store::sessions::SignedIn {
        session,
        user: found,
        ..
    } = db.session_user(&s1).await.unwrap().unwrap();
    assert_eq!(found.id, u.id);
    assert_eq!(db.sessions_of(u.id).await.unwrap().len(), 2);
    assert!(
        !db.end_session_by_id(u.id + 1, session.id).await.unwrap(),
        "not someone else's"
    );
    db.end_session(&s1).await.unwrap();
    assert!(db.session_user(&s1).await.unwrap().is_none());
    assert!(db.session_user(&s2).await.unwrap().is_some());
    assert_eq!(db.end_all_sessions(u.id).await.unwrap(), 1);
    assert!(db.session_user(&s2).await.unwrap().is_none());
}

async fn throttling_counts_failures(db: Db, _url: String) {
    let pw = Attempt::Password;
    for _ in 0..4 {
        db.record_attempt(pw, "x@example.com", "10.0.0.1", false)
            .await
            .unwrap();
    }
    assert!(!db.throttled(pw, "x@example.com", "10.0.0.2").await.unwrap());
    db.record_attempt(pw, "x@example.com", "10.0.0.1", true)
        .await
        .unwrap();
    assert!(
        !db.throttled(pw, "x@example.com", "10.0.0.2").await.unwrap(),
        "successes do not count"
    );
    db.record_attempt(pw, "x@example.com", "10.0.0.1", false)
        .await
        .unwrap();
    assert!(db.throttled(pw, "x@example.com", "10.0.0.2").await.unwrap());
    assert!(!db.throttled(pw, "y@example.com", "10.0.0.2").await.unwrap());
    assert!(
        !db.throttled(Attempt::EmailLink, "x@example.com", "10.0.0.2")
            .await
            .unwrap(),
        "kinds are counted apart"
    );
    // Attempts from an hour ago are forgotten at the next attempt.
    db.age_attempts(chrono::Duration::hours(1)).await.unwrap();
    assert_eq!(db.remembered_attempts().await.unwrap(), 6);
    db.record_attempt(pw, "z@example.com", "10.0.0.3", false)
        .await
        .unwrap();
    assert_eq!(
        db.remembered_attempts().await.unwrap(),
        1,
        "old attempts pruned"
    );
    assert!(!db.throttled(pw, "x@example.com", "10.0.0.2").await.unwrap());
}

async fn memberships_round_trip(db: Db, _url: String) {
    let u = user(&db, "c@example.com").await;
    let (p, c) = db
        .create_programme_with_cohort("ceic-wales", "CEIC Wales")
        .await
        .unwrap();
    db.grant(
        u.id,
        Role::Facilitator,
        Scope::Cohort {
            programme: p,
            cohort: c,
        },
    )
    .await
    .unwrap();
    db.grant(
        u.id,
        Role::Facilitator,
        Scope::Cohort {
            programme: p,
            cohort: c,
        },
    )
    .await
    .unwrap();
    db.grant(u.id, Role::Observer, Scope::Programme(p))
        .await
        .unwrap();
    let actor = db.actor(&u).await.unwrap();
    assert_eq!(
        actor.memberships.len(),
        2,
        "a repeated grant is one membership"
    );
    assert!(
        actor
            .memberships
            .iter()
            .any(|m| m.role == Role::Observer && m.scope == Scope::Programme(p))
    );
    db.ping().await.unwrap();
    // Deleting a programme takes its cohorts and roles with it.
    db.delete_programme(p).await.unwrap();
    assert!(db.programme_by_id(p).await.unwrap().is_none());
    assert!(db.cohort_by_id(c).await.unwrap().is_none());
    assert!(db.actor(&u).await.unwrap().memberships.is_empty());
}

both_backends! {
    users_unique => super::users_are_unique_by_email;
    tokens_single_use => super::tokens_are_single_use;
    sessions => super::sessions_end_one_or_all;
    throttling => super::throttling_counts_failures;
    memberships => super::memberships_round_trip;
}

/// Before each programme had its own record of a firm, one record was shared by
/// every programme the firm took part in. Migrating splits it: the first
/// programme keeps the record, each other gets a copy, and every row a
/// programme wrote about the firm moves with it; no figure changes.
async fn shared_firms_split_per_programme(db: Db) {
    use ymarfer_domain::impact::{Category, Frequency, Status};
    use ymarfer_store::ledger::BenefitInput;
    let (a, cohort_a) = db.create_programme_with_cohort("a", "A").await.unwrap();
    let (b, cohort_b) = db.create_programme_with_cohort("b", "B").await.unwrap();
    let at = "'2026-01-05T09:00:00Z'";
    // People as the schema of the time held them (no later columns).
    db.execute_unchecked(&format!(
        "INSERT INTO users (email, display_name, language, is_admin, created_at) \
         VALUES ('gwen@example.com', 'Gwen', 'cy', FALSE, {at}), ('huw@example.com', 'Huw', 'cy', FALSE, {at})"
    ))
    .await
    .unwrap();
    let gwen = db
        .user_by_email(&Email::parse("gwen@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    let huw = db
        .user_by_email(&Email::parse("huw@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    // Rows with the ids this test names.
    let given = match db.backend() {
        ymarfer_store::Backend::Sqlite => "",
        ymarfer_store::Backend::Postgres => "OVERRIDING SYSTEM VALUE",
    };
    for sql in [
        format!(
            "INSERT INTO organisations (id, name, sic_section, employee_band, principal_area, \
             hourly_rate_pence, created_at) {given} VALUES (7, 'Shared', 'C', 'micro', 'powys', 2000, {at}), \
             (8, 'Only A', 'C', 'micro', 'powys', NULL, {at}), \
             (9, 'Nowhere', 'C', 'micro', 'powys', NULL, {at})"
        ),
        format!(
            "INSERT INTO programme_organisations (programme_id, organisation_id) \
             VALUES ({a}, 7), ({b}, 7), ({a}, 8)"
        ),
        format!(
            "INSERT INTO innovation_answers (organisation_id, stage, asked_on, new_goods_or_services, \
             new_business_process, ongoing_or_abandoned, innovation_spending, employee_band, created_at) \
             VALUES (7, 'entry', '2026-01-01', FALSE, TRUE, FALSE, FALSE, 'micro', {at})"
        ),
        format!(
            "INSERT INTO enrolments (cohort_id, user_id, organisation_id, status, created_at) \
             VALUES ({cohort_a}, {}, 7, 'active', {at}), ({cohort_b}, {}, 7, 'active', {at})",
            gwen.id, huw.id
        ),
        format!(
            "INSERT INTO projects (id, cohort_id, organisation_id, title, business_function, created_at, updated_at) \
             {given} VALUES (11, {cohort_a}, 7, 'In A', 'operations', {at}, {at}), \
             (12, {cohort_b}, 7, 'In B', 'operations', {at}, {at})"
        ),
    ] {
        db.execute_unchecked(&sql).await.unwrap();
    }
    let weekly = |hours| BenefitInput {
        description: "Time saved".into(),
        category: Category::LabourTime,
        frequency: Frequency::Weekly,
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 2, 2).unwrap(),
        status: Status::Claimed,
        hours_hundredths: Some(hours),
        ..Default::default()
    };
    db.add_benefit_lines(&[(11, weekly(200)), (12, weekly(300))], None, false)
        .await
        .unwrap();
    let figures = |db: Db| async move {
        let mut out = Vec::new();
        for (org, _) in [(7, ()), (8, ())] {
            for (programme, line) in db.organisation_lines(org).await.unwrap() {
                out.push((programme, line.v.first_year_pence));
            }
        }
        out
    };
    let before = figures(db.clone()).await;
    assert_eq!(before.len(), 2, "{before:?}");

    db.migrate().await.unwrap();

    let shared = db.organisation_by_id(7).await.unwrap().unwrap();
    assert_eq!(shared.programme_id, Some(a), "the first programme keeps it");
    let in_b = db.programme_organisations(b).await.unwrap();
    assert_eq!(in_b.len(), 1);
    let copy = &in_b[0];
    assert_ne!(copy.id, 7);
    assert_eq!(
        (
            copy.name.as_str(),
            copy.hourly_rate_pence,
            copy.programme_id
        ),
        ("Shared", Some(2000), Some(b))
    );
    let names = |orgs: Vec<ymarfer_store::organisations::Organisation>| {
        orgs.into_iter().map(|o| o.name).collect::<Vec<_>>()
    };
    assert_eq!(
        names(db.programme_organisations(a).await.unwrap()),
        ["Only A", "Shared"]
    );
    assert_eq!(
        db.organisation_by_id(9)
            .await
            .unwrap()
            .unwrap()
            .programme_id,
        None,
        "a firm no programme took in stays administrators' only"
    );
    // Both records keep the answers both programmes saw.
    assert_eq!(db.innovation_answers(7).await.unwrap().len(), 1);
    assert_eq!(db.innovation_answers(copy.id).await.unwrap().len(), 1);
    // B's enrolment, project and line now name B's record; A's stay.
    let enrolled_b = db.enrolled(cohort_b).await.unwrap();
    assert_eq!(enrolled_b[0].organisation_id, Some(copy.id));
    let enrolled_a = db.enrolled(cohort_a).await.unwrap();
    assert_eq!(enrolled_a[0].organisation_id, Some(7));
    assert_eq!(
        db.project(12).await.unwrap().unwrap().organisation_id,
        copy.id
    );
    assert_eq!(db.project(11).await.unwrap().unwrap().organisation_id, 7);
    let a_lines = db.organisation_lines(7).await.unwrap();
    let b_lines = db.organisation_lines(copy.id).await.unwrap();
    assert_eq!((a_lines.len(), b_lines.len()), (1, 1));
    assert_eq!(
        (a_lines[0].0, b_lines[0].0),
        (a, b),
        "each line stays with its programme"
    );
    let mut after = vec![
        (a_lines[0].0, a_lines[0].1.v.first_year_pence),
        (b_lines[0].0, b_lines[0].1.v.first_year_pence),
    ];
    after.sort();
    let mut before = before;
    before.sort();
    assert_eq!(before, after, "no figure moves");

    // New records carry on after the copies' ids, and a name is unique only
    // within a programme.
    let input = ymarfer_store::organisations::OrganisationInput {
        name: "shared".into(),
        sic_section: "C".into(),
        principal_area: "powys".into(),
        ..Default::default()
    };
    let clash = db
        .create_organisation(&input, None, Some(b))
        .await
        .unwrap_err();
    assert!(clash.is_unique_violation(), "{clash}");
    let clash = db
        .create_organisation(&input, None, Some(a))
        .await
        .unwrap_err();
    assert!(clash.is_unique_violation(), "{clash}");
    let (c, _) = db.create_programme_with_cohort("c", "C").await.unwrap();
    let third = db.create_organisation(&input, None, Some(c)).await.unwrap();
    assert!(third.id > copy.id);
}

mod shared_firms_split {
    #[tokio::test]
    async fn sqlite() {
        let (db, _) = ymarfer_store::testing::db_at_version(ymarfer_store::Backend::Sqlite, 23)
            .await
            .unwrap();
        super::shared_firms_split_per_programme(db).await;
    }
    #[tokio::test]
    async fn postgres() {
        if let Some((db, _)) =
            ymarfer_store::testing::db_at_version(ymarfer_store::Backend::Postgres, 23).await
        {
            super::shared_firms_split_per_programme(db).await;
        }
    }
}
