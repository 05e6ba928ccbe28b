//! Pages in both languages, language choice, security headers, error pages.

use crate::on_both;
use crate::support::{TestApp, location};
use reqwest::StatusCode;

async fn healthz_names_the_backend(app: TestApp) {
    let res = app.client().get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], app.db.backend().name());
}

async fn every_page_has_its_counterpart(app: TestApp) {
    let c = app.client();
    for (path, lang, other, heading) in [
        ("/en", "en", "/cy", "Learn by doing, together"),
        ("/cy", "cy", "/en", "Dysgu drwy wneud, gyda&#39;n gilydd"),
        ("/en/sign-in", "en", "/cy/sign-in", "Sign in"),
        (
            "/cy/sign-in?next=%2Fcy%2Fprofile",
            "cy",
            "/en/sign-in?next=%2Fcy%2Fprofile",
            "Mewngofnodi",
        ),
        (
            "/cy/reset-password",
            "cy",
            "/en/reset-password",
            "Ailosod eich cyfrinair",
        ),
    ] {
        let res = c.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path}: lang"
        );
        assert!(
            html.contains(&format!("class=\"lang-switch\" href=\"{other}\"")),
            "{path}: switch link\n{html}"
        );
        assert!(
            html.contains(&format!(
                "hreflang=\"{}\" href=\"{other}\"",
                if lang == "en" { "cy" } else { "en" }
            )),
            "{path}: hreflang"
        );
        assert!(html.contains(heading), "{path}: heading");
    }
}

async fn root_picks_a_language(app: TestApp) {
    let c = app.client();
    let res = c
        .http
        .get(app.url("/"))
        .header("accept-language", "cy-GB,cy;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/cy");
    let res = c
        .http
        .get(app.url("/"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/en");
    // A page visited in Welsh is remembered by cookie and wins over the header.
    c.get("/cy/sign-in").await;
    let res = c
        .http
        .get(app.url("/"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/cy");
    // Signed in, with no cookie, the profile's language is used.
    app.user("iaith@example.com", ymarfer_domain::Lang::Cy, false)
        .await;
    let fresh = app.client();
    let res = fresh
        .post(
            "/en/sign-in",
            &[
                ("email", "iaith@example.com"),
                ("password", crate::support::PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        "/cy",
        "after sign-in, home in their language"
    );
    let res = fresh
        .http
        .get(app.url("/"))
        .header("accept-language", "en")
        .header("cookie", "ymarfer_lang=")
        .send()
        .await
        .unwrap();
    assert!(location(&res).starts_with('/'));
}

async fn security_headers_and_static_assets(app: TestApp) {
    let c = app.client();
    let res = c.get("/en").await;
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
            && csp.contains("frame-ancestors 'none'")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(h.contains_key("x-request-id"));
    let cookie = h
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("ymarfer_csrf="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Secure")
    );
    let html = res.text().await.unwrap();
    assert!(
        !html.contains("<script>") && !html.contains(" style="),
        "no inline script or style"
    );
    for asset in ["/static/htmx.min.js", "/static/app.css"] {
        let res = c.get(asset).await;
        assert_eq!(res.status(), StatusCode::OK, "{asset}");
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("max-age")
        );
    }
    assert_eq!(
        c.get("/static/nope.js").await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn errors_are_translated_pages(app: TestApp) {
    let c = app.client();
    let res = c.get("/cy/dim-yma").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains("Heb ddod o hyd i&#39;r dudalen") && html.contains("<html lang=\"cy\">"));
    let res = c.get("/en/nowhere").await;
    assert!(res.text().await.unwrap().contains("Page not found"));
    // A POST with no CSRF proof is refused, in the page's language.
    let res = c
        .http
        .post(app.url("/cy/sign-in"))
        .form(&[("email", "a@b.cy"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Mae eich ffurflen wedi dod i ben")
    );
    // ...and so is one with the wrong proof, even with the cookie present.
    c.csrf().await;
    let res = c
        .http
        .post(app.url("/en/sign-in"))
        .form(&[("email", "a@b.cy"), ("_csrf", "0000")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The header htmx sends is accepted.
    let token = c.csrf().await;
    let res = c
        .http
        .post(app.url("/en/sign-in"))
        .header("x-csrf-token", token)
        .form(&[("email", "bad")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A method a route does not have.
    let res = c
        .http
        .delete(app.url("/en/profile"))
        .header("x-csrf-token", c.csrf().await)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    // A form body that is not a form gives a page, not a bare rejection.
    let res = c
        .http
        .post(app.url("/en/sign-in"))
        .header("x-csrf-token", c.csrf().await)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Something in that request was not right")
    );
    // An oversized body is refused.
    let big = "x".repeat(13 * 1024 * 1024);
    let res = c
        .http
        .post(app.url("/en/sign-in"))
        .form(&[("email", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

on_both! {
    healthz => super::healthz_names_the_backend;
    counterparts => super::every_page_has_its_counterpart;
    root_language => super::root_picks_a_language;
    headers => super::security_headers_and_static_assets;
    error_pages => super::errors_are_translated_pages;
}
