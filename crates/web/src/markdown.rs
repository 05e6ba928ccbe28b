//! Markdown that people write (agendas, resources, posts), rendered to HTML and
//! sanitised: only safe tags and attributes survive, links get rel=noopener.

use pulldown_cmark::{Options, Parser, html};

pub fn render(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    sanitiser().clean(&unsafe_html).to_string()
}

/// The sanitiser's rules, built once (building them costs more than most
/// posts take to clean). No images: a picture comes as an attachment, checked
/// and stripped of its metadata; an image by address would load from anywhere.
fn sanitiser() -> &'static ammonia::Builder<'static> {
    static RULES: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
        let mut rules = ammonia::Builder::default();
        rules
            .rm_tags(["img"])
            .link_rel(Some("noopener noreferrer nofollow"))
            .url_schemes(["http", "https", "mailto"].into_iter().collect());
        rules
    });
    &RULES
}

#[cfg(test)]
mod tests {
    #[test]
    fn scripts_and_handlers_are_removed() {
        let out = super::render(
            "# Agenda\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**",
        );
        assert!(out.contains("<h1>Agenda</h1>") && out.contains("<strong>bold</strong>"));
        assert!(
            !out.contains("<script")
                && !out.contains("javascript:")
                && !out.contains("onerror")
                && !out.contains("<img"),
            "{out}"
        );
    }
}
