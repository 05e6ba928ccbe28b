//! What the claims queue and the verification page share: where the verify
//! page returns to, and how a project's evidence is put in words.

use ymarfer_app::i18n::Tr;
use ymarfer_domain::evidence::{Evidence, Fit};
use ymarfer_domain::impact::Category;
use ymarfer_store::programmes::Programme;

/// Where the verify page returns to after a claim from a queue: the
/// programme's queue, or one cohort's (`queue/SLUG`), saying what was `done`.
pub fn queue_return(p: &Programme, from: &str, done: &str) -> Option<String> {
    match from.strip_prefix("queue") {
        Some("") => Some(format!("programmes/{}/claims?done={done}", p.slug)),
        Some(rest) => {
            let cohort = ymarfer_domain::programme::Slug::parse(rest.strip_prefix('/')?)?;
            Some(format!(
                "programmes/{}/claims?cohort={}&done={done}",
                p.slug,
                cohort.as_str()
            ))
        }
        None => None,
    }
}

/// A project's evidence, counted: readings (of what), files, changes tested.
pub fn evidence_counts(tr: Tr, e: &Evidence) -> String {
    let unit = if e.unit.trim().is_empty() {
        "—".to_string()
    } else {
        e.unit.clone()
    };
    tr.args(
        "evidence-counts",
        &[
            ("readings", e.readings.to_string()),
            ("unit", unit),
            ("files", e.attachments.to_string()),
            ("tested", e.tested.to_string()),
        ],
    )
}

/// How the evidence stands against a claim of `category`, in a sentence.
pub fn evidence_fit(tr: Tr, e: &Evidence, fit: Fit, category: Category) -> String {
    let kind = match fit {
        Fit::Unmatched(kind) => tr.t(kind.message_id()),
        _ => String::new(),
    };
    tr.args(
        fit.message_id(),
        &[
            ("unit", e.unit.clone()),
            ("kind", kind),
            ("category", tr.t(category.message_id())),
        ],
    )
}
