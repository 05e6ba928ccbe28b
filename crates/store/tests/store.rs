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
    let (session, found, _) = db.session_user(&s1).await.unwrap().unwrap();
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
