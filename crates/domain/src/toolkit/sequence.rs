//! Which tool comes next for a project: the toolkit's own teaching order
//! (the shipped tools first, then a programme's own, as listed).

/// The tool to suggest next, as an index into `order` (the tools in teaching
/// order), given the ids of the tools a project has applied: the first tool
/// not yet applied after the furthest one applied, or, when every tool after
/// it is applied, the first not applied at all. `None` once every tool is.
pub fn next_in_sequence<S: AsRef<str>>(order: &[S], applied: &[S]) -> Option<usize> {
    let done = |id: &str| applied.iter().any(|a| a.as_ref() == id);
    let furthest = order.iter().rposition(|t| done(t.as_ref()));
    let after = furthest.map_or(0, |i| i + 1);
    (after..order.len())
        .chain(0..after)
        .find(|&i| !done(order[i].as_ref()))
}

#[cfg(test)]
mod tests {
    use super::next_in_sequence;

    const ORDER: [&str; 4] = ["sipoc", "process-map", "five-whys", "fishbone"];

    #[test]
    fn a_project_with_no_tool_starts_at_the_first() {
        assert_eq!(next_in_sequence(&ORDER, &[]), Some(0));
    }

    #[test]
    fn the_next_is_the_one_after_the_furthest_applied() {
        assert_eq!(next_in_sequence(&ORDER, &["sipoc"]), Some(1));
        assert_eq!(next_in_sequence(&ORDER, &["sipoc", "five-whys"]), Some(3));
    }

    #[test]
    fn past_the_end_it_goes_back_for_one_skipped() {
        assert_eq!(next_in_sequence(&ORDER, &["fishbone"]), Some(0));
        assert_eq!(
            next_in_sequence(&ORDER, &["sipoc", "five-whys", "fishbone"]),
            Some(1)
        );
    }

    #[test]
    fn nothing_once_every_tool_is_applied() {
        assert_eq!(next_in_sequence(&ORDER, &ORDER), None);
    }
}
