//! Lists that grow come a page at a time: the first page, then "Next page"
//! to the rest, with nothing lost or shown twice, filters kept across pages,
//! "Previous page" back again, and a bad link to a page answered with a
//! translated page, not an error.

use crate::support::{Client, TestApp, signed_in_with};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Line, Person};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::audit::NewAuditEvent;
use ymarfer_store::health::LeadInput;

/// Every `prefix` followed by three digits in the page, in order.
fn items(html: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(prefix) {
        let after = &rest[i + prefix.len()..];
        let digits: String = after.chars().take(3).collect();
        if digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            found.push(format!("{prefix}{digits}"));
        }
        rest = &rest[i + prefix.len()..];
    }
    found
}

/// The link with this `rel` (`next` or `prev`), if the page has one.
fn link(html: &str, rel: &str) -> Option<String> {
    let end = html.find(&format!("\" rel=\"{rel}\""))?;
    let start = html[..end].rfind("href=\"")? + "href=\"".len();
    Some(html[start..end].replace("&amp;", "&").replace("&#38;", "&"))
}

/// Each page of a list from `path` on, following "Next page": the items on each.
async fn walk(c: &Client, path: &str, prefix: &str) -> Vec<(String, Vec<String>, String)> {
    let mut pages = Vec::new();
    let mut at = Some(path.to_string());
    while let Some(path) = at {
        let res = c.get(&path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        at = link(&html, "next");
        pages.push((path, items(&html, prefix), html));
        assert!(
            pages.len() < 20,
            "the pages never end: {:?}",
            pages
                .iter()
                .map(|p: &(String, Vec<String>, String)| (&p.0, p.1.len()))
                .collect::<Vec<_>>()
        );
    }
    pages
}

/// The items of every page, checked for none lost and none twice.
fn all_once(pages: &[(String, Vec<String>, String)], expected: usize) -> Vec<String> {
    let seen: Vec<String> = pages.iter().flat_map(|(_, i, _)| i.clone()).collect();
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "an item shown twice: {seen:?}");
    assert_eq!(seen.len(), expected, "{seen:?}");
    seen
}

/// A bad link to a page of `path` is a translated 400 page in both languages.
async fn bad_links_are_explained(c: &Client, path: &str) {
    for (lang, words) in [
        ("en", "That link to a page of the list was not right"),
        ("cy", "Nid oedd y ddolen honno i dudalen o"),
    ] {
        let join = if path.contains('?') { '&' } else { '?' };
        for bad in ["after=abc", "before=-4", "after=1&before=2"] {
            let url = format!("/{lang}{path}{join}{bad}");
            let res = c.get(&url).await;
            assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{url}");
            let html = res.text().await.unwrap();
            assert!(html.contains(words), "{url}: {html}");
        }
    }
}

async fn the_claims_queue_comes_a_page_at_a_time(app: TestApp) {
    let (programme, first) = app
        .db
        .create_programme_with_cohort("paged", "Paged")
        .await
        .unwrap();
    let second = app
        .db
        .create_cohort(
            programme,
            &ymarfer_store::programmes::CohortInput {
                slug: "cohort-2".into(),
                name_en: "Two".into(),
                name_cy: "Dau".into(),
                capacity: 50,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
                region: ymarfer_domain::reference::Region::NorthWales,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let (manager, c) = signed_in_with(
        &app,
        "verifier@example.com",
        Role::ProgrammeManager,
        Scope::Programme(programme),
    )
    .await;
    // 60 claims in the first cohort, 7 in the second.
    let mut lines = Vec::new();
    for (cohort, n, from) in [(first, 60, 0), (second, 7, 100)] {
        let org = Firm::named(&format!("Firm {cohort}"))
            .add(&app.db, programme)
            .await
            .unwrap();
        let project =
            crate::support::project(&app, cohort, org.id, "Less waiting", "testing", "cohort")
                .await;
        for i in 0..n {
            lines.push((
                project.id,
                Line::monthly(&format!("Saving {:03}", from + i), 10_000)
                    .status(ymarfer_domain::impact::Status::Claimed),
            ));
        }
    }
    Line::add_all(&app.db, &lines, manager.id).await.unwrap();
    let pages = walk(&c, "/en/programmes/paged/claims", "Saving ").await;
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].1.len(), 50);
    assert!(
        pages[0].2.contains("67 claims waiting"),
        "the whole queue counted"
    );
    assert!(pages[1].2.contains("67 claims waiting"));
    let seen = all_once(&pages, 67);
    // In the order the claims were entered.
    let mut ordered = seen.clone();
    ordered.sort();
    assert_eq!(seen, ordered);
    // Back from the second page to the first.
    let back = link(&pages[1].2, "prev").expect("a link back");
    let html = c.get(&back).await.text().await.unwrap();
    assert_eq!(items(&html, "Saving "), pages[0].1);
    assert!(link(&pages[0].2, "prev").is_none());
    // One cohort's claims, page after page.
    let pages = walk(&c, "/en/programmes/paged/claims?cohort=cohort-1", "Saving ").await;
    assert_eq!(pages.len(), 2);
    assert!(pages[1].0.contains("cohort=cohort-1"), "{}", pages[1].0);
    let seen = all_once(&pages, 60);
    assert!(seen.iter().all(|s| s.as_str() < "Saving 100"), "{seen:?}");
    assert!(pages[0].2.contains("60 claims waiting"));
    let pages = walk(&c, "/en/programmes/paged/claims?cohort=cohort-2", "Saving ").await;
    assert_eq!(pages.len(), 1);
    all_once(&pages, 7);
    bad_links_are_explained(&c, "/programmes/paged/claims").await;
    bad_links_are_explained(&c, "/programmes/paged/claims?cohort=cohort-1").await;
}

async fn leads_people_organisations_and_the_trail_page_too(app: TestApp) {
    let (programme, _) = app
        .db
        .create_programme_with_cohort("paged", "Paged")
        .await
        .unwrap();
    let (_, manager) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(programme),
    )
    .await;
    let admin = app.user("admin@example.com", Lang::En, true).await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let hash = ymarfer_app::passwords::hash(crate::support::PASSWORD.into())
        .await
        .unwrap();
    for i in 0..56 {
        for (programme_id, prefix) in [(Some(programme), "Lead firm "), (None, "Waiting firm ")] {
            app.db
                .create_lead(&LeadInput {
                    health_check_id: None,
                    programme_id,
                    cohort_id: None,
                    name: format!("Contact {i}"),
                    email: format!("lead{i}@example.com"),
                    phone: String::new(),
                    organisation_name: format!("{prefix}{i:03}"),
                    language: Lang::En,
                    recheck: false,
                })
                .await
                .unwrap();
        }
        Firm::named(&format!("Listed firm {i:03}"))
            .add(&app.db, programme)
            .await
            .unwrap();
        Person::new(&format!("paged{i}@example.com"))
            .name(&format!("Paged person {i:03}"))
            .add(&app.db, &hash)
            .await
            .unwrap();
    }
    for i in 0..130 {
        app.db
            .record_audit(&NewAuditEvent {
                actor_id: Some(admin.id),
                actor: String::new(),
                action: Some(if i % 2 == 0 {
                    AuditAction::AuditExported
                } else {
                    AuditAction::LeadAssigned
                }),
                programme_id: Some(programme),
                subject: format!("Event {i:03}"),
                detail: String::new(),
                address: String::new(),
            })
            .await
            .unwrap();
    }
    // A programme's leads, newest first.
    let pages = walk(&manager, "/en/programmes/paged/leads", "Lead firm ").await;
    assert_eq!(pages.len(), 2);
    assert!(pages[0].2.contains("56 leads"));
    let seen = all_once(&pages, 56);
    assert_eq!(seen[0], "Lead firm 055");
    bad_links_are_explained(&manager, "/programmes/paged/leads").await;
    // The API lists the same leads, by the same ids, oldest first.
    let token = crate::api::token_for(&app, admin.id, false, None).await;
    let mut by_api = Vec::new();
    let mut path = "/api/v1/programmes/paged/leads?limit=20".to_string();
    loop {
        let (status, body) = crate::api::call(&app, "GET", &path, Some(&token), None).await;
        assert_eq!(status, 200, "{path}");
        for lead in body["items"].as_array().unwrap() {
            by_api.push(lead["organisation_name"].as_str().unwrap().to_string());
        }
        match body["next"].as_str() {
            Some(next) => path = format!("/api/v1/programmes/paged/leads?limit=20&after={next}"),
            None => break,
        }
    }
    by_api.reverse();
    assert_eq!(by_api, seen);
    // Leads waiting for a programme, the longest waiting first.
    let pages = walk(&a, "/en/leads/waiting", "Waiting firm ").await;
    assert_eq!(pages.len(), 2);
    let seen = all_once(&pages, 56);
    assert_eq!(seen[0], "Waiting firm 000");
    bad_links_are_explained(&a, "/leads/waiting").await;
    // Organisations by name.
    let pages = walk(&a, "/en/organisations", "Listed firm ").await;
    assert_eq!(pages.len(), 2);
    let seen = all_once(&pages, 56);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);
    bad_links_are_explained(&a, "/organisations").await;
    // People, searched: the search is kept from page to page.
    let pages = walk(&a, "/en/admin/users?q=paged+person", "Paged person ").await;
    assert_eq!(pages.len(), 2);
    assert!(pages[1].0.contains("q=paged+person"), "{}", pages[1].0);
    assert!(pages[0].2.contains("56 "));
    all_once(&pages, 56);
    bad_links_are_explained(&a, "/admin/users?q=paged").await;
    // The trail, newest first, one action only: 65 of the 130.
    let path = format!(
        "/en/programmes/paged/audit?action={}",
        AuditAction::LeadAssigned.as_str()
    );
    let pages = walk(&manager, &path, "Event ").await;
    assert_eq!(pages.len(), 1);
    let seen = all_once(&pages, 65);
    assert_eq!(seen[0], "Event 129");
    let pages = walk(&manager, "/en/programmes/paged/audit", "Event ").await;
    assert_eq!(pages.len(), 2);
    assert!(pages[1].0.contains("after="));
    all_once(&pages, 130);
    let back = link(&pages[1].2, "prev").expect("a link back");
    let html = manager.get(&back).await.text().await.unwrap();
    assert_eq!(items(&html, "Event "), pages[0].1);
    bad_links_are_explained(&a, "/admin/audit").await;
}

crate::on_both! {
    claims_queue_pages => super::the_claims_queue_comes_a_page_at_a_time;
    lists_page => super::leads_people_organisations_and_the_trail_page_too;
}
