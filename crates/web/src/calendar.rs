//! Calendar feeds to RFC 5545: each session an event whose `UID` is unique to
//! this instance (its public host), whose `SEQUENCE`, `LAST-MODIFIED` and
//! `DTSTAMP` move when the session changes, and whose lines are folded at 75
//! octets, never inside a character.

use icalendar::{Calendar, Component, Event, EventLike};
use ymarfer_domain::programme::DeliveryLanguage;
use ymarfer_store::programmes::Cohort;
use ymarfer_store::schedule::Meeting;

/// The longest a content line may be, in octets, without its CRLF.
const LINE_OCTETS: usize = 75;

/// An http(s) address with nothing in it that could break out of a calendar
/// line or an HTML attribute: no spaces and no control characters (CR, LF…).
pub fn web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s.chars().any(|c| c.is_control() || c.is_whitespace())
        && url::Url::parse(s).is_ok()
}

/// Text for a calendar property: every kind of line break becomes one newline
/// (which the calendar library escapes) and other control characters go, so
/// that no text can start a property of its own.
fn calendar_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// A cohort's two names, its own language's first.
fn names(c: &Cohort) -> String {
    match c.language {
        DeliveryLanguage::Welsh => format!("{} / {}", c.name_cy, c.name_en),
        DeliveryLanguage::English | DeliveryLanguage::Both => {
            format!("{} / {}", c.name_en, c.name_cy)
        }
    }
}

fn event(m: &Meeting, cohort: Option<&Cohort>, base: &url::Url) -> Event {
    let host = base.host_str().unwrap_or("localhost");
    let mut e = Event::new();
    e.uid(&format!("session-{}@{host}", m.id))
        .summary(&calendar_text(&m.title))
        .starts(m.starts_at)
        .ends(m.ends_at)
        .timestamp(m.updated_at)
        .last_modified(m.updated_at)
        .sequence(u32::try_from(m.sequence).unwrap_or(u32::MAX));
    let place = match (m.location.trim(), m.online_url.trim()) {
        ("", "") => None,
        ("", url) => Some(url.to_string()),
        (loc, "") => Some(loc.to_string()),
        (loc, url) => Some(format!("{loc} / {url}")),
    };
    if let Some(place) = place {
        e.location(&calendar_text(&place));
    }
    let mut description = m.agenda.clone();
    if let Some(c) = cohort {
        description = format!("{}\n\n{description}", names(c));
    }
    // A URL value is written as it is, so only a clean address goes in.
    if web_address(&m.online_url) {
        e.url(&m.online_url);
    } else {
        e.url(base.as_str());
    }
    e.description(&calendar_text(description.trim())).done()
}

/// The feed of these sessions: a cohort's (named in its own language first)
/// or a person's.
pub fn feed(meetings: &[Meeting], cohort: Option<&Cohort>, base: &url::Url) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Ymarfer//Ymarfer calendar//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(icalendar::Property::new(key, value));
    }
    let name = match cohort {
        Some(c) => format!("Ymarfer: {}", names(c)),
        None => "Ymarfer".to_string(),
    };
    calendar.name(&name);
    for m in meetings {
        calendar.push(event(m, cohort, base));
    }
    fold(&calendar.done().to_string())
}

/// Folds every content line at 75 octets (counting UTF-8 bytes, never inside
/// a character): the first part up to 75 octets, each further part a space
/// and up to 74. Lines already folded are unfolded first.
fn fold(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = LINE_OCTETS;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = LINE_OCTETS - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{LINE_OCTETS, calendar_text, fold, web_address};

    #[test]
    fn calendar_text_cannot_start_a_property() {
        assert_eq!(
            calendar_text("Kick-off\rATTENDEE:mailto:x@example.test"),
            "Kick-off\nATTENDEE:mailto:x@example.test"
        );
        assert_eq!(calendar_text("a\r\nb\u{0}c"), "a\nbc");
    }

    #[test]
    fn addresses_with_line_breaks_are_refused() {
        assert!(web_address("https://meet.example.test/abc?x=1"));
        assert!(!web_address("https://meet.example.test/\r\nATTENDEE:x"));
        assert!(!web_address("https://meet.example.test/a b"));
        assert!(!web_address("javascript:alert(1)"));
        assert!(!web_address("ftp://example.test"));
    }

    #[test]
    fn lines_fold_at_75_octets_between_characters() {
        // Lengths around each limit, in one-, two- and three-byte letters.
        for letter in ["a", "ŵ", "€"] {
            for n in 60..200 {
                let line = format!("DESCRIPTION:{}", letter.repeat(n));
                let folded = fold(&format!("BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT\r\n"));
                for part in folded.split_terminator("\r\n") {
                    assert!(part.len() <= LINE_OCTETS, "{} octets: {part}", part.len());
                }
                let back = folded.replace("\r\n ", "");
                assert!(back.contains(&line), "unfolds to what it was");
                assert!(folded.ends_with("END:VEVENT\r\n"));
            }
        }
    }
}
