## The cohort space
space-title = { $cohort }: the cohort space
space-intro = What your cohort is trying, and what it learnt. Only the cohort's participants and staff see this space.
space-former-member = Former participant
space-shared-tool = { $tool }, version { $version }
space-shared-cycle = Cycle { $number }: { $change } – { $decision }
space-shared-reading = Latest reading: { $value } { $unit } on { $date }
space-error-too-long = Write 5,000 characters at most.
space-shared-gone = What was shared is no longer recorded.
space-item-title = Shared by { $author } on { $when }
space-kind-post = Post
space-kind-tool = Tool shared
space-kind-cycle = Cycle shared
space-kind-reading = Reading shared
space-kind-reflection = Reflection
space-kind-comment = Comment
space-requests-heading = Asked for your feedback
space-request-from = { $person } asked for your feedback on “{ $what }”
space-post-heading = Share with your cohort
space-post-hint = Markdown works: **bold**, lists and links. Write @ and a person's name to mention them.
space-post = Post
space-share-hint = To share a tool, a cycle or a reading, open your project and choose “Share with my cohort”.
space-stream-heading = What the cohort shared
space-filter = Filter
space-filter-any = Any
space-filter-anyone = Anyone
space-filter-clear = Show everything
space-none = Nothing has been shared yet. Be the first: post a question, or share a tool from your project.
space-none-filtered = Nothing shared matches these filters.
space-older = Older items
space-new-items = { $count ->
    [one] { $count } new item – show it
   *[other] { $count } new items – show them
}
space-back = Back to the item
space-edit-title = Edit what you wrote
space-edit-hint = The earlier text is kept in the item's history.
space-save = Save the changes
space-edited = edited
space-removed = This item was removed.
space-comments-count = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
space-feedback-count = { $count ->
    [one] { $count } piece of feedback
   *[other] { $count } pieces of feedback
}
space-edit = Edit
space-delete = Delete
space-restore = Restore
space-comments-heading = Comments
space-comments-none = No comments yet.
space-comment = Add the comment
space-history-heading = Earlier versions
space-history-entry = Before { $person } edited it on { $when }:
share-heading = Share with my cohort
share-note = A note for your cohort (optional)
share-tool = Share this tool
share-cycle = Share this cycle
share-reading = Share the latest reading
share-with-cohort = Share with my cohort
lang-cy = Cymraeg
lang-en = English
field-body = Your post
field-comment = Your comment
field-lang = Written in
field-project = Project
field-person = Person
field-tool = Tool
field-kind = Kind
field-strong = What's strong
field-question = A question
field-suggestion = A suggestion
field-peer = Who to ask
reaction-useful = Useful
reaction-tried = I tried this too
feedback-heading = Feedback
feedback-none = No feedback yet.
feedback-from = Feedback from { $person }
feedback-check-yes = yes
feedback-check-no = not yet
feedback-give = Give feedback
feedback-hint = Fill in one part or more. Be specific and kind: name what works, ask what you want to know, suggest one thing to try.
feedback-checklist = The tool's checklist: tick what the work does well
feedback-send = Send the feedback
feedback-error-empty = Write at least one of: what's strong, a question, or a suggestion.
feedback-ask-heading = Ask for feedback
feedback-ask-who = Ask these people
feedback-ask-set = Everyone in my action-learning set
feedback-ask = Ask for feedback
feedback-ask-answered = has given feedback
feedback-ask-waiting = asked, not answered yet
feedback-ask-error-none = Choose at least one person to ask.
notices-title = Your notices
notices-heading = Notices
notices-none = Nothing new.
notices-new = new
notices-mark-read = Mark all as read
notice-mention = { $person } mentioned you
notice-comment = { $person } commented on what you shared
notice-feedback = { $person } gave you feedback
notice-feedback-request = { $person } asked for your feedback
notice-claim-verified = { $person } verified a saving you claimed
notice-claim-queried = { $person } asked a question about a saving you claimed: answer it on the claim
notice-claim-answered = { $person } answered your question about a claimed saving
notice-claim-returned = { $person } sent back a saving you claimed, with a reason: change it and claim it again
notice-claim-rejected = { $person } rejected a saving you claimed, with a reason
notice-project-approved = { $person } approved your project for the public showcase
checkin-done = Done
checkin-partly = Partly
checkin-not-yet = Not yet
done-posted = Posted to your cohort.
done-commented = Comment added.
done-edited = Changes saved; the earlier text is kept.
done-deleted = Deleted. A facilitator can restore it.
done-restored = Restored.
done-feedback = Feedback sent. Thank you.
done-asked = Your request for feedback was sent.
done-shared = Shared with your cohort.
done-read = All notices marked as read.
done-committed = Commitment recorded.
done-checked-in = Check-in recorded.
done-reflected = Added to your learning log.
share-what = What to share
share-option-cycle = Cycle { $number }: { $change }
space-enter = The cohort space: share and learn together
rhythm-heading = Your commitments
checkin-heading = Check in on what you committed to
checkin-legend = You said: “{ $commitment }”. How did it go?
checkin-note = What I learnt (optional)
checkin-save = Save the check-in
checkin-done-heading = Already checked in
checkin-error-status = Choose how it went: done, partly or not yet.
commitment-heading = Before the next session I will try…
field-commitment = My commitment
commitment-hint = One thing you will try in your firm before the next session.
commitment-save = Record the commitment
commitment-later = You can record commitments once the session has begun.
commitment-error-future = This session has not begun yet: record commitments at it or after it.
log-title = My learning log
log-intro = Reflections for you alone: what you tried, what happened, what you learnt. Share one with your cohort when you choose.
log-no-cohort = Your learning log opens when you join a cohort.
field-reflection = A reflection
field-cohort = Cohort
log-hint = Markdown works. Nobody else sees this unless you share it.
log-add = Add to my log
log-entries = My reflections
log-none = No reflections yet.
log-shared = shared with my cohort
log-private = private
log-see-shared = See it in the cohort space
log-share = Share with my cohort
log-error-cohort = Choose one of your cohorts.
home-feedback-asked = { $count ->
    [one] { $count } person asked for your feedback
   *[other] { $count } people asked for your feedback
}
home-notices-unread = { $count ->
    [one] { $count } new notice
   *[other] { $count } new notices
}
files-heading = Photos and documents
files-none = No photos or documents yet.
field-file = A photo or PDF (optional)
file-hint = A photo of the shop floor, or a PDF of a process map: JPEG, PNG, WebP or PDF, up to 10 MB. Photos lose their location and other hidden details when saved.
file-upload = Add the file
file-photo-alt = Photo: { $name }
file-error-too-large = The file is larger than 10 MB. Choose a smaller one, or take the photo at a lower size.
file-error-type = This file is not a JPEG, PNG or WebP photo, or a PDF, whatever its name says. Choose one of those.
file-error-unreadable = This photo could not be read; it may be damaged. Try saving it again.
file-error-too-many-pixels = This photo has more than 40 megapixels. Save it at a smaller size, such as 4,000 × 3,000 pixels, and add it again.
file-error-none = Choose a file to add.
done-attached = File added.
search-title = Search
search-title-for = Search: { $query }
search-label = Search what your cohorts shared and the projects you can see
search-hint = Welsh or English words; every word must match. Welsh words are found in any mutated form (bara, fara, mara).
search-button = Search
search-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-none = Nothing matches. Try fewer words, or the start of a word.
search-post-title = { $author }, { $when }
search-cycle = Cycle { $number }
search-tool = Tool: { $tool }
search-benefit = Benefit line
search-project = project of { $organisation }
nav-search = Search
email-notices-subject = { $count ->
    [one] Ymarfer: { $count } new notice from your cohort
   *[other] Ymarfer: { $count } new notices from your cohort
}
email-notices-intro = Here is what is new for you in your cohort space:
email-notices-settings = Choose how often these emails come, on your profile:
email-notices-unsubscribe = To stop these emails with one click:
job-notices = Notices by email, at once
job-daily-digest = Daily digest of notices
job-weekly-digest = Weekly digest of notices
job-followups = Follow-ups and re-check invitations
notify-immediate = At once, one email each time
notify-daily = A daily digest
notify-weekly = A weekly digest, on Mondays
notify-off = Never: I will look in Ymarfer
notices-email-heading = Email about your notices
notices-email-legend = When someone mentions you, comments on what you shared, gives you feedback or asks for yours, email me:
notices-email-save = Save the choice
done-notify = Your choice of emails is saved.
unsubscribe-title = Stop emails about notices
unsubscribe-intro = Press the button to stop emails about your notices. You will still see them in Ymarfer, and you can turn the emails on again from your profile.
unsubscribe-button = Stop these emails
unsubscribe-done = Done: no more emails about notices. You can turn them on again from your profile.
unsubscribe-unknown = This link is not valid any more. Sign in and choose your emails on your profile.
showcase-title = { $programme }: the showcase
showcase-intro = Projects the firms chose to share with everyone, approved by their facilitators. Find a firm like yours that solved a problem like yours: what it changed, and what that saved.
showcase-sector = Sector
field-band = Size
field-waste = Waste found
showcase-count = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
showcase-none = No shared project matches these filters yet.
showcase-changed = What they changed
showcase-saved = Verified savings, first year
showcase-saved-none = None verified yet
showcase-tools = Tools used
showcase-wastes = Wastes found
showcase-case-study = Case study: { $title }
showcase-more = More projects
showcase-link = The showcase: what firms changed and saved
engagement-title = { $cohort }: engagement in the space
engagement-link = Engagement: who takes part, who has gone quiet
engagement-quiet-heading = Gone quiet
engagement-quiet-intro = Nothing from these participants in the space for two weeks or more. A call or a word at the next session may help.
engagement-quiet-none = Everyone has taken part in the last two weeks.
engagement-weeks-heading = Each week
engagement-members = { $count ->
    [one] Active members each week, of { $count } participant.
   *[other] Active members each week, of { $count } participants.
}
engagement-week = Week
engagement-week-of = Week of { $date }
engagement-active = Active members
engagement-shared = Items shared
engagement-feedback = Feedback given
engagement-commitments = Commitments made
engagement-kept = Commitments kept (of check-ins)
engagement-reactions = Reactions given
engagement-checked = Check-ins on commitments not yet done
engagement-people-heading = Who gives and who receives
engagement-people-intro = Feedback given and received by each participant, so nobody is left out.
engagement-comments = Comments
engagement-given = Feedback given
engagement-received = Feedback received
engagement-last = Last active
engagement-never = Not yet
engagement-quiet = gone quiet
followups-begun-after = Projects begun after the programme ended
followups-begun-after-value = { $projects } (by { $firms ->
    [one] { $firms } firm
   *[other] { $firms } firms
}), counted as sustained innovation
followup-begun-hint = { $count ->
    [one] Your firm has begun { $count } project in Ymarfer since the programme ended; it is counted already. Add any others here.
   *[other] Your firm has begun { $count } projects in Ymarfer since the programme ended; they are counted already. Add any others here.
}
alumni-title = { $programme }: the alumni space
alumni-intro = For everyone whose cohort has finished, from every cohort of the programme: keep asking, sharing and helping one another. Your projects stay yours, and you can start new ones with the toolkit whenever you like.
alumni-post-heading = Ask or share with the programme's alumni
alumni-none = Nothing here yet. Ask the first question: someone from another cohort may have solved it.
alumni-link = The alumni space: help across the programme's cohorts
operations-programmes-title = Programmes and their teams
operations-programmes-none = No programmes yet.
operations-programme-counts = { $cohorts } cohorts, { $participants } participants taking part
operations-team-none = No team yet.
operations-role = Role
operations-where = Where
operations-whole-programme = The whole programme
operations-jobs-title = Scheduled jobs
operations-jobs-intro = What the servers do on their own: emails about notices, digests and follow-ups. Each run happens once, whichever server does it.
operations-jobs-latest = The latest run of each
operations-jobs-runs = Recent runs
operations-job = Job
operations-jobs-slot = For
operations-jobs-finished = Finished
operations-jobs-outcome = Outcome
operations-jobs-never = Not run yet.
operations-jobs-running = Running, or stopped before it finished
operations-link-programmes = Programmes and their teams
operations-link-jobs = Scheduled jobs

## Sessions and their rhythm, in the audit trail and notices
notice-session-changed = { $person } changed the time or place of a session of your cohort
audit-session-scheduled = Session scheduled
audit-session-changed = Session changed
audit-attendance-recorded = Session register taken
audit-commitment-made = Commitment made at a session
audit-commitment-checked-in = Check-in on a commitment
audit-reflection-added = Reflection added to a learning log
audit-reflection-shared = Reflection shared with a cohort
audit-calendar-link-made = Secret calendar link made (any earlier one stopped)
audit-calendar-link-revoked = Secret calendar link stopped
field-file-description = What the photo shows (optional)
file-description-hint = A sentence for people who cannot see it, such as “Our process map on the workshop wall, with the three waits marked in red”.
search-pages = Pages of results
