//! The cohort space: what its items are, the reactions and check-ins people may
//! give, and how mentions are found. Who may see and change an item is decided
//! in [`crate::authz`].

use crate::code::coded_enum;

coded_enum! {
    /// What an item of the cohort space is.
    pub enum ItemKind {
        Post = "post", "space-kind-post";
        Tool = "tool", "space-kind-tool";
        Cycle = "cycle", "space-kind-cycle";
        Reading = "reading", "space-kind-reading";
        Reflection = "reflection", "space-kind-reflection";
        Comment = "comment", "space-kind-comment";
    }
}

impl ItemKind {
    /// The kinds the stream lists (comments live under their item).
    pub const STREAM: [ItemKind; 5] = [
        ItemKind::Post,
        ItemKind::Tool,
        ItemKind::Cycle,
        ItemKind::Reading,
        ItemKind::Reflection,
    ];

    /// A share of a project's record (as opposed to words alone).
    pub fn is_share(self) -> bool {
        matches!(self, ItemKind::Tool | ItemKind::Cycle | ItemKind::Reading)
    }
}

coded_enum! {
    /// The only reactions the space offers.
    pub enum Reaction {
        Useful = "useful", "reaction-useful";
        TriedToo = "tried", "reaction-tried";
    }
}

coded_enum! {
    /// How a commitment went, told at a later session.
    pub enum CheckIn {
        Done = "done", "checkin-done";
        Partly = "partly", "checkin-partly";
        NotYet = "not_yet", "checkin-not-yet";
    }
}

coded_enum! {
    /// Why a person is told something in the app.
    pub enum NoticeKind {
        Mention = "mention", "notice-mention";
        Comment = "comment", "notice-comment";
        Feedback = "feedback", "notice-feedback";
        FeedbackRequest = "feedback_request", "notice-feedback-request";
        /// A saving the person claimed was verified; the notice leads to its project's ledger.
        ClaimVerified = "claim_verified", "notice-claim-verified";
        /// A reviewer asked the person a question about their claim.
        ClaimQueried = "claim_queried", "notice-claim-queried";
        /// The claimant answered the person's question about a claim.
        ClaimAnswered = "claim_answered", "notice-claim-answered";
        /// A claim was sent back to the person for rework, with the reason.
        ClaimReturned = "claim_returned", "notice-claim-returned";
        /// A claim was rejected, with the reason.
        ClaimRejected = "claim_rejected", "notice-claim-rejected";
        /// A session of the person's cohort moved, or its place changed; the
        /// notice leads to the session.
        SessionChanged = "session_changed", "notice-session-changed";
        /// A facilitator approved the person's firm's project for the public.
        ProjectApproved = "project_approved", "notice-project-approved";
    }
}

coded_enum! {
    /// How a person hears of their notices by email.
    pub enum NotifyMode {
        Immediate = "immediate", "notify-immediate";
        Daily = "daily", "notify-daily";
        Weekly = "weekly", "notify-weekly";
        Off = "off", "notify-off";
    }
}

/// The longest post, comment, feedback part or reflection, in characters.
pub const BODY_MAX: usize = 5000;
/// The longest commitment or check-in note, in characters.
pub const COMMITMENT_MAX: usize = 500;
/// Items a page of the stream lists.
pub const PAGE_SIZE: i64 = 20;

/// The people a text mentions: each `@` followed by the name of one of
/// `people` (id, name), matched without regard to case, longest name first so
/// that "@Siân Jones" finds Siân Jones and not a Siân. Each person once, in the
/// order first mentioned.
pub fn mentioned(text: &str, people: &[(i64, String)]) -> Vec<i64> {
    let mut by_length: Vec<(i64, String)> = people
        .iter()
        .filter(|(_, name)| !name.trim().is_empty())
        .map(|(id, name)| (*id, name.trim().to_lowercase()))
        .collect();
    by_length.sort_by_key(|(_, name)| std::cmp::Reverse(name.chars().count()));
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices('@') {
        let rest = &lower[at + 1..];
        let hit = by_length.iter().find(|(_, name)| {
            rest.starts_with(name.as_str())
                && rest[name.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if let Some((id, _)) = hit
            && !found.contains(id)
        {
            found.push(*id);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<(i64, String)> {
        vec![
            (1, "Siân".into()),
            (2, "Siân Jones".into()),
            (3, "Gareth Evans".into()),
        ]
    }

    #[test]
    fn mentions_match_the_longest_name_once_each() {
        assert_eq!(
            mentioned(
                "Thanks @siân jones, and @Gareth Evans! @Siân Jones",
                &people()
            ),
            vec![2, 3]
        );
        assert_eq!(mentioned("@Siân, did it work?", &people()), vec![1]);
    }

    #[test]
    fn an_at_sign_without_a_known_name_mentions_nobody() {
        assert!(mentioned("mail me at a@b.com or @Gareth", &people()).is_empty());
        assert!(mentioned("@Gareth Evansson", &people()).is_empty());
    }

    #[test]
    fn codes_round_trip() {
        for k in ItemKind::ALL {
            assert_eq!(ItemKind::parse(k.as_str()), Some(k));
        }
        assert!(ItemKind::STREAM.iter().all(|k| *k != ItemKind::Comment));
        assert_eq!(CheckIn::parse("not_yet"), Some(CheckIn::NotYet));
        assert_eq!(Reaction::parse("love"), None);
    }
}
