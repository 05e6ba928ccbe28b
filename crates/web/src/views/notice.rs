//! A page that only tells the person something.

use crate::page::Page;
use askama::Template;

#[derive(Template)]
#[template(path = "notice.html")]
pub struct Notice {
    page: Page,
    message: String,
    pub action: Option<String>,
    pub button: String,
    pub link: Option<(String, String)>,
}

impl Notice {
    pub fn new(page: Page, title_key: &str, message: String) -> Notice {
        Notice {
            page: page.titled(title_key),
            message,
            action: None,
            button: String::new(),
            link: None,
        }
    }
}
