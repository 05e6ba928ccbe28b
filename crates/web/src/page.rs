//! What every page's template needs: language, translator, the viewer, the CSRF
//! token for forms, and the links to this page in both languages.

use crate::csrf::CsrfToken;
use crate::error::{AppError, AppResult};
use askama::Template;
use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use std::sync::Arc;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::{Actor, Lang};
use ymarfer_store::users::User;

/// The signed-in person, if any, as loaded from the session cookie.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    pub actor: Actor,
    pub session_id: i64,
    /// Notices not yet read, counted with the session itself.
    pub unread: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Viewer(pub Option<Arc<CurrentUser>>);

impl Viewer {
    pub fn actor(&self) -> Option<&Actor> {
        self.0.as_ref().map(|c| &c.actor)
    }

    /// The signed-in person's id, recorded as who made a change.
    pub fn user_id(&self) -> Option<i64> {
        self.0.as_ref().map(|c| c.user.id)
    }

    /// The viewer as the application layer knows them, through `door`, from
    /// the address `addr`.
    pub fn acting(
        &self,
        door: ymarfer_app::acting::Door,
        addr: impl Into<String>,
    ) -> ymarfer_app::acting::Acting {
        ymarfer_app::acting::Acting::person(self.actor(), door, addr)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Ok(parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .unwrap_or_default())
    }
}

pub struct Page {
    pub tr: Tr,
    pub lang: Lang,
    pub title: String,
    /// The page's heading as HTML, when words people typed in it are marked
    /// with their language (see [`Page::entitle`]); otherwise the title.
    pub heading: Option<String>,
    /// What the page is about, when its title alone would name several pages
    /// ("Edit the project" of which project): added to the window's title.
    pub about: Option<String>,
    pub csrf: String,
    pub user_name: Option<String>,
    /// The viewer may manage the instance's users (the navigation's link).
    pub manages_users: bool,
    pub manages_organisations: bool,
    /// The signed-in person's unread notices (the navigation's count).
    pub unread: i64,
    /// This page's path in the other language.
    pub other_href: String,
    pub self_href: String,
}

impl Page {
    pub fn new(lang: Lang, path_and_query: &str, viewer: Viewer, csrf: String) -> Page {
        let rest = path_and_query
            .strip_prefix(&format!("/{}", lang.code()))
            .filter(|r| r.is_empty() || r.starts_with('/') || r.starts_with('?'))
            .unwrap_or("/");
        // The home page is `/en` or `/cy`, with no trailing slash.
        let rest = if rest == "/" { "" } else { rest };
        let user = viewer.0.as_ref();
        Page {
            tr: Tr(lang),
            lang,
            title: String::new(),
            heading: None,
            about: None,
            csrf,
            user_name: user.map(|c| c.user.name().to_string()),
            manages_users: ymarfer_domain::can(
                user.map(|c| &c.actor),
                ymarfer_domain::Action::ManageUsers,
                ymarfer_domain::Resource::Site,
            )
            .allowed(),
            manages_organisations: ymarfer_domain::can(
                user.map(|c| &c.actor),
                ymarfer_domain::Action::StaffWork,
                ymarfer_domain::Resource::Site,
            )
            .allowed(),
            unread: user.map_or(0, |c| c.unread),
            other_href: format!("/{}{}", lang.other().code(), rest),
            self_href: format!("/{}{}", lang.code(), rest),
        }
    }

    pub fn titled(mut self, key: &str) -> Page {
        self.title = self.tr.t(key);
        self
    }

    /// Names what the page is about in the window's title: "Edit the
    /// project: Less waiting – Ymarfer".
    pub fn about(mut self, what: &str) -> Page {
        self.about = Some(what.to_string());
        self
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// How a person is named on any page: "Former participant" once their
    /// data was erased (never the placeholder address), their name, or else
    /// their address (or "(no name yet)" when it is not to be shown).
    pub fn person(&self, name: &str, email: &str) -> String {
        person_name(&self.tr, name, email, true)
    }

    /// A person's name where their address is not shown: "Former participant"
    /// once erased, else their name or "(no name yet)".
    pub fn person_only(&self, name: &str, email: &str) -> String {
        person_name(&self.tr, name, email, false)
    }

    /// The confirmation a page shows after a save (`?done=CODE`); nothing for a
    /// code it does not know.
    pub fn done_notice(&self, done: Option<&str>) -> Option<String> {
        const DONE: &[&str] = &[
            "posted",
            "commented",
            "edited",
            "deleted",
            "restored",
            "feedback",
            "asked",
            "shared",
            "read",
            "committed",
            "checked-in",
            "reflected",
            "returned",
            "queried",
            "answered",
            "rejected",
            "attached",
            "notify",
            "suspended",
            "reactivated",
            "signed-out",
            "reading-corrected",
            "reading-removed",
            "cycle",
            "saved",
            "team-added",
            "invited",
            "withdrawn",
            "readmitted",
            "imported",
            "attendance",
            "approved",
            "reading",
            "benefit",
            "verified",
            "capability",
            "reopened",
            "live-no-votes",
            "live-answer-saved",
            "live-place-both",
            "live-template-saved",
        ];
        let code = done.filter(|d| DONE.contains(d))?;
        Some(self.t(&format!("done-{code}")))
    }

    /// The language to mark on text a cohort wrote, when it is not this page's
    /// (a Welsh session title on an English page): its code, for `lang`.
    pub fn marked(
        &self,
        language: &ymarfer_domain::programme::DeliveryLanguage,
    ) -> Option<&'static str> {
        language
            .lang()
            .filter(|l| *l != self.lang)
            .map(|l| l.code())
    }

    /// The label of a form field, for naming it in an error summary: the
    /// message `field-NAME` (underscores as hyphens), when there is one.
    pub fn field_label(&self, field: &str) -> Option<String> {
        self.tr
            .try_t(&format!("field-{}", field.replace('_', "-")))
            .map(|l| {
                l.trim_end_matches(" (optional)")
                    .trim_end_matches(" (dewisol)")
                    .to_string()
            })
    }

    /// The two languages, to say which one a text is written in: (code, name).
    pub fn languages(&self) -> [(&'static str, String); 2] {
        [("cy", self.t("lang-cy")), ("en", self.t("lang-en"))]
    }

    /// The language a form chose, or, before it chose, this page's.
    pub fn chosen_lang<'a>(&'a self, typed: &'a str) -> &'a str {
        if typed.is_empty() {
            self.lang.code()
        } else {
            typed
        }
    }

    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.tr.t1(key, name, value)
    }

    /// A bilingual text from the toolkit, in this page's language.
    pub fn text<'a>(&self, t: &'a ymarfer_domain::toolkit::Text) -> &'a str {
        t.get(self.lang)
    }

    /// A message with several named arguments.
    pub fn args(&self, key: &str, args: impl AsRef<[(&'static str, String)]>) -> String {
        self.tr.args(key, args.as_ref())
    }

    /// Titles the page with a message whose arguments named in `typed` are
    /// words people wrote in the language `written`: the heading marks them.
    pub fn entitle(
        &mut self,
        key: &str,
        args: &[(&'static str, String)],
        typed: &[&str],
        written: &str,
    ) {
        self.title = self.tr.args(key, args);
        self.heading = Some(self.args_in(key, args, typed, written));
    }

    /// Titles the page with words people wrote in the language `written`.
    pub fn entitle_typed(&mut self, words: &str, written: &str) {
        self.title = words.to_string();
        let mark = self.lang_of(written);
        self.heading = Some(if mark.is_empty() {
            escape_html(words)
        } else {
            format!("<span{mark}>{}</span>", escape_html(words))
        });
    }

    /// No error, for a form field that cannot have one.
    pub fn no_error(&self) -> Option<String> {
        None
    }

    /// The page's heading, as HTML.
    pub fn h1(&self) -> String {
        self.heading
            .clone()
            .unwrap_or_else(|| escape_html(&self.title))
    }

    /// A message with several named arguments, as HTML, where the arguments
    /// named in `typed` are words people wrote in the language `written`:
    /// each is marked with `lang` when that is not this page's language.
    pub fn args_in(
        &self,
        key: &str,
        args: impl AsRef<[(&'static str, String)]>,
        typed: &[&str],
        written: &str,
    ) -> String {
        let args = args.as_ref();
        let hold = |i: usize| format!("\u{E000}{i}\u{E001}");
        let held: Vec<(&'static str, String)> = args
            .iter()
            .enumerate()
            .map(|(i, (name, value))| {
                if typed.contains(name) {
                    (*name, hold(i))
                } else {
                    (*name, value.clone())
                }
            })
            .collect();
        let mut html = escape_html(&self.tr.args(key, &held));
        let mark = self.lang_of(written);
        for (i, (name, value)) in args.iter().enumerate() {
            if typed.contains(name) {
                let words = escape_html(value);
                let shown = if mark.is_empty() {
                    words
                } else {
                    format!("<span{mark}>{words}</span>")
                };
                html = html.replace(&hold(i), &shown);
            }
        }
        html
    }

    pub fn count(&self, key: &str, n: impl std::borrow::Borrow<i64>) -> String {
        self.tr.count(key, *n.borrow())
    }

    /// A link to a page in this page's language.
    pub fn href(&self, path: &str) -> String {
        format!("/{}/{}", self.lang.code(), path.trim_start_matches('/'))
    }

    /// The text in this page's language, or the other's when this one is empty.
    pub fn pick<'a>(&self, en: &'a str, cy: &'a str) -> &'a str {
        self.tr.pick(en, cy)
    }

    pub fn money(&self, pence: &i64) -> String {
        self.tr.money(ymarfer_domain::Pence(*pence))
    }

    pub fn date(&self, d: &Option<chrono::NaiveDate>) -> String {
        match d {
            Some(d) => self.tr.day(*d),
            None => "—".to_string(),
        }
    }

    /// A moment as a `datetime` attribute reads it: UTC, to the second.
    pub fn datetime(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        machine_time(at)
    }

    /// ` lang="cy"` (or `"en"`) for words written in the other language than
    /// this page's, to put on the element that holds them, so that screen
    /// readers speak them in their own language; nothing for words in the
    /// page's own.
    pub fn lang_of(&self, written: &str) -> &'static str {
        lang_mark(self.lang, written)
    }

    /// [`Page::lang_of`] for words that may not be there.
    pub fn lang_of_some(&self, written: &Option<String>) -> &'static str {
        self.lang_of(written.as_deref().unwrap_or_default())
    }

    pub fn other_lang(&self) -> Lang {
        self.lang.other()
    }

    pub fn signed_in(&self) -> bool {
        self.user_name.is_some()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        // The language of the page is set on the `/en` and `/cy` routers.
        let lang = parts
            .extensions
            .get::<Lang>()
            .copied()
            .ok_or(AppError::NOT_FOUND)?;
        let viewer = Viewer::from_request_parts(parts, state).await?;
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.clone())
            .unwrap_or_else(|| parts.uri.clone());
        let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        Ok(Page::new(lang, path, viewer, csrf))
    }
}

/// Remembers the language of each page served, so that `/` picks it next time.
pub async fn remember_language(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let lang = req.extensions().get::<Lang>().copied();
    let mut response = next.run(req).await;
    if let Some(lang) = lang.filter(|_| response.status().is_success()) {
        let cookie = format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            crate::cookies::LANG,
            lang.code()
        );
        if let Ok(v) = cookie.parse() {
            response
                .headers_mut()
                .append(axum::http::header::SET_COOKIE, v);
        }
    }
    response
}

/// Whether a select option is the chosen one, whatever string-like types the two are.
pub fn same(a: impl std::fmt::Display, b: impl std::fmt::Display) -> bool {
    format!("{a}") == format!("{b}")
}

/// Renders a template as a complete HTML response.
pub fn render(template: &impl Template) -> AppResult {
    render_status(StatusCode::OK, template)
}

pub fn render_status(status: StatusCode, template: &impl Template) -> AppResult {
    let mut html = template.render()?;
    if html.contains("class=\"error-summary\"") {
        html = titled_as_refused(&html);
    }
    Ok((status, Html(html)).into_response())
}

/// A page that refuses what was sent says so first in its title, in its own
/// language ("Error: Sign in – Ymarfer"), so a screen reader announces it as
/// the page loads; its error summary takes the focus (`autofocus`).
fn titled_as_refused(html: &str) -> String {
    let lang = html
        .split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.get(..2))
        .and_then(Lang::parse)
        .unwrap_or_default();
    let prefix = ymarfer_app::i18n::Tr(lang).t("title-refused");
    html.replacen("<title>", &format!("<title>{prefix} "), 1)
}

/// The start of a text, at most `chars` characters, with an ellipsis when cut.
pub fn excerpt(text: &str, chars: usize) -> String {
    let mut cut: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        cut.push('…');
    }
    cut
}

/// A moment for machines (a `<time datetime>`): UTC, to the second, as
/// `2026-01-02T03:04:05Z`; HTML accepts no more than three digits of a
/// second, and readers need none.
pub fn machine_time(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The one rule for naming a person (see `Page::person`).
pub fn person_name(
    tr: &ymarfer_app::i18n::Tr,
    name: &str,
    email: &str,
    show_email: bool,
) -> String {
    if ymarfer_store::privacy::is_erased_address(email) {
        tr.t("former-participant")
    } else if !name.trim().is_empty() {
        name.to_string()
    } else if show_email && !email.is_empty() {
        email.to_string()
    } else {
        tr.t("person-unnamed")
    }
}

/// ` lang="cy"` (or `"en"`) for words written in `written` shown on a page in
/// `shown_in`, when the two differ; nothing otherwise.
pub fn lang_mark(shown_in: Lang, written: &str) -> &'static str {
    match Lang::parse(written) {
        Some(l) if l != shown_in => match l {
            Lang::Cy => " lang=\"cy\"",
            Lang::En => " lang=\"en\"",
        },
        _ => "",
    }
}

pub use ymarfer_app::mail::escape_html;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_time_is_utc_to_the_second() {
        use chrono::TimeZone;
        let at = chrono::Utc.with_ymd_and_hms(2026, 7, 1, 9, 30, 5).unwrap()
            + chrono::Duration::nanoseconds(123_456_789);
        assert_eq!(machine_time(&at), "2026-07-01T09:30:05Z");
    }

    #[test]
    fn counterpart_links_swap_language_and_keep_the_rest() {
        let p = Page::new(
            Lang::En,
            "/en/profile?saved=1",
            Viewer::default(),
            String::new(),
        );
        assert_eq!(p.other_href, "/cy/profile?saved=1");
        assert_eq!(p.self_href, "/en/profile?saved=1");
        let p = Page::new(Lang::Cy, "/cy", Viewer::default(), String::new());
        assert_eq!(p.other_href, "/en");
        let p = Page::new(Lang::Cy, "/cy?x=1", Viewer::default(), String::new());
        assert_eq!(p.other_href, "/en?x=1");
        let p = Page::new(Lang::Cy, "/cymraeg", Viewer::default(), String::new());
        assert_eq!(p.other_href, "/en");
    }
}
