# A participant's loop: her home, the next step after each save, the navigation's count.
nav-notices-unread = { $count ->
    [one] unread notice
   *[other] unread notices
}
home-next-step = Next step:
home-tools-applied = Tools applied:
home-tools-none = none yet
home-tool-suggested = Tool to try next:
home-claims-heading = Your claims:
home-claim-rework = Change it and claim again
home-commitments-heading = Your commitments to check in on
home-commitment-made = made at { $session }
home-commitment-due = check in at { $session }, { $date }
home-commitment-unscheduled = check in at the next session, once it is scheduled
home-feedback-heading = Feedback asked of you
home-feedback-item = { $name } asked for your feedback on { $what }
project-tool-applied = applied
next-steps-heading = What next
next-tool = Apply the next tool: { $tool }
next-cycle-from-tool = Start a test-and-learn cycle from what this showed
next-back-to-project = Back to the project
next-share-tool = Share this tool with your cohort
next-reading = Record a reading of your measure
next-share-cycle = Share this cycle with your cohort
next-cycle = Plan the next test-and-learn cycle
next-benefit = Record what the change saved
next-share-reading = Share this reading with your cohort
next-follow-claim = Follow your claims on your home page
next-another-benefit = Add another benefit line
commitment-on-home = Your home page lists each commitment, with the session to check in at, until you do.
commitment-home-link = Go to your home page
