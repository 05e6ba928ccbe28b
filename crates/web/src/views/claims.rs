//! Where the verify page returns to after a claim from a queue.

use ymarfer_store::programmes::Programme;

/// Where the verify page returns to after a claim from a queue: the
/// programme's queue, or one cohort's (`queue/SLUG`).
pub fn queue_return(p: &Programme, from: &str) -> Option<String> {
    match from.strip_prefix("queue") {
        Some("") => Some(format!("programmes/{}/claims?done=verified", p.slug)),
        Some(rest) => {
            let cohort = ymarfer_domain::programme::Slug::parse(rest.strip_prefix('/')?)?;
            Some(format!(
                "programmes/{}/claims?cohort={}&done=verified",
                p.slug,
                cohort.as_str()
            ))
        }
        None => None,
    }
}
