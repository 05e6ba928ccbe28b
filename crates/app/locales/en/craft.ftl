## Short month names, for chart axes.
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Charts
impact-chart-desc = Verified savings added up month by month, against the programme's cost of { $cost }.
impact-axis-pounds = Pounds (£)
impact-key-cost = Cost: { $cost }
run-chart-key-change = Change tested (cycle number)

## Correcting readings
reading-action-corrected = Corrected
reading-action-removed = Removed
reading-edit-title = Correct a reading: { $project }
reading-edit = Correct
reading-save = Save the correction
reading-remove = Remove this reading
reading-remove-hint = Removing a reading takes it off the run chart. What it said is kept in the project's history of readings.
reading-history = Earlier values of readings
reading-history-none = No reading has been corrected or removed.
reading-history-by = { $action } by { $name } on { $date }
done-reading-corrected = The reading is corrected. Its earlier value is kept in the history below the table.
done-reading-removed = The reading is removed. What it said is kept in the history below the table.
readings-actions = Actions
cycle-tested-on = Day the change began (optional)
cycle-tested-on-hint = Marked on the run chart, so everyone can see whether the readings moved after the change.

## Cycles
cycle-page-title = Cycle { $number }: { $project }
cycle-edit-page-title = Edit cycle { $number }: { $project }
cycle-edit = Edit this cycle
done-cycle = The cycle is saved.
cycle-tested-on-read = Change began

## Value stream map and fishbone drawings
vsm-map-caption = The map: each step's box, the wait before it, and the lead-time ladder (waiting above, work below).
vsm-wait-before = Waits { $time }
vsm-pt = Process time
vsm-lt = Lead time
vsm-ca = Complete and accurate
vsm-ladder-wait = Waiting
vsm-ladder-work = Working
vsm-total-wait = Total waiting time
fishbone-caption = The effect at the head, with the causes found on each bone.
fishbone-effect = Effect
fishbone-no-causes = No causes yet

## Rows in tools
tool-row-add = Add a row
tool-row-remove = Remove row

## The language a cohort works in
cohort-language = Language the cohort works in
deliverylanguage-both = Welsh and English
deliverylanguage-cy = Welsh
deliverylanguage-en = English

## Homes
home-step-finish-cycle = finish cycle { $number }: what happened, and what you decide
home-step-first-reading = record a first reading of your measure
home-cohorts-glance = Cohorts at a glance
cohort-heading = Cohort
cohort-stage = Where it stands
cohort-stage-starting = Starts on { $date }
cohort-stage-running = Running now
cohort-stage-finished = Finished on { $date }
vsm-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
home-cohort-finished = The cohort finished on { $date }. Follow-ups ask what has lasted.
home-cohort-news = New in your cohort
home-active-on = last worked on { $date }

## Queue of claims
claims-by-cohort = Claims by cohort
claims-all-cohorts = All cohorts

## The audit trail
audit-title = Audit trail
audit-programme-title = Audit trail: { $name }
audit-lead = Every sensitive act, newest first: who, when, what and from where. Nothing here can be changed or removed.
audit-caption = Recorded acts
audit-when = When
audit-who = Who
audit-action = Act
audit-what = What
audit-detail = Detail
audit-from = From
audit-none = Nothing recorded matches.
audit-download = Download as CSV
audit-pages = Pages of the trail
audit-newer = Newer
audit-older = Older
audit-sign-in = Signed in
audit-sign-in-failed = Sign-in refused
audit-role-granted = Role granted
audit-line-verified = Saving verified
audit-line-reopened = Saving returned to claimed
audit-line-queried = Question asked about a claim
audit-line-answered = Question about a claim answered
audit-live-started = Live session started
audit-live-landed = Live activity closed: notes added to the firms' tools
audit-line-returned = Claim sent back for rework
audit-line-rejected = Claim rejected
audit-followup-answered = Follow-up answered by the firm
audit-line-forecast = Saving forecast
audit-line-claimed = Saving claimed
audit-line-changed = Ledger line changed
audit-post-deleted = Post deleted from a space
audit-post-restored = Post restored in a space
audit-organisation-added = Organisation added to a programme
audit-organisation-changed = Organisation details changed
audit-innovation-recorded = Innovation answers recorded
audit-project-approved = Project approved for the public
audit-report-downloaded = Report downloaded
audit-people-exported = People exported
audit-programme-changed = Programme changed
audit-lead-invited = Lead invited to a cohort
audit-lead-assigned = Lead given to a programme
audit-audit-exported = Audit trail exported
audit-ledger-imported = Benefit ledger imported
audit-people-imported = People imported into a cohort
audit-lead-registered = Interest registered after a health check
audit-user-added = Account added
audit-rates-changed = Programme rate or capture factor changed
audit-organisation-rate-changed = Organisation's hourly rate changed
audit-programme-created = Programme created
audit-cohort-created = Cohort created
audit-cohort-changed = Cohort changed
audit-participant-enrolled = Participant enrolled in a cohort
audit-participant-withdrawn = Participant withdrawn from a cohort
audit-participant-readmitted = Participant re-admitted to a cohort
audit-sets-proposed = Action-learning sets proposed afresh
audit-set-member-moved = Participant moved between action-learning sets
audit-lead-status-changed = Lead's status or notes changed

## Personal data
former-participant = Former participant
audit-person-erased = Personal data erased
audit-data-downloaded = Own data downloaded
privacy-title = Privacy notice
privacy-lead = What Ymarfer holds about you, why, for how long, and what you can ask.
privacy-what-heading = What we hold
privacy-what-account = Your account: your name, email address, language and, if you set one, a password (stored only as a one-way hash).
privacy-what-work = Your part in a programme: your cohorts and role, attendance, your firm's projects and the savings they record, your self-assessment and follow-up answers.
privacy-what-check = If you took the health check: your answers, with nothing that identifies you, unless you asked to hear more, when we also keep the details you gave.
privacy-what-security = For security: your signed-in sessions and an audit trail of sensitive acts (such as signing in), with the network address they came from.
privacy-why-heading = Why
privacy-why = To run the programme you take part in, and to report its verified results to the programme's funders, who see figures, never your personal details, unless your firm agrees to a case study.
privacy-rights-heading = Your rights
privacy-rights = You can download everything held about you from your profile at any time. You can ask the programme team to correct or erase it: erasure removes your personal details, while your firm's results stay in the figures as those of a former participant.
privacy-keep-heading = How long
privacy-keep = Your account lasts while you take part and follow-ups run. Details left after a health check by firms that never enrolled are deleted after a year.
my-data-heading = Your data
my-data-lead = Download everything Ymarfer holds about you, in one file.
my-data-download = Download my data
erase-title = Erase a person's data
erase-column = Personal data
erase-link = Erase
erase-what = This removes their name, email address, password, sessions and links, and the details they left after a health check. Their firm's projects, savings and every figure stay, attributed to a former participant. It cannot be undone, and it is recorded.
erase-confirm = Type their email address to confirm
erase-button = Erase their personal data
erase-error-confirm = Type the person's email address exactly to confirm. (You cannot erase your own account here.)

## Accounts, for administrators
admin-users-search = Search by name or email
admin-users-search-button = Search
admin-users-suspended = Suspended
admin-suspend = Suspend
admin-reactivate = Reactivate
admin-sign-out = Sign out everywhere
done-suspended = The account is suspended and signed out everywhere.
done-reactivated = The account can sign in again.
done-signed-out = The account is signed out everywhere.
error-suspended = This account is suspended. Ask the administrator of Ymarfer to reactivate it.
audit-user-suspended = Account suspended
audit-user-reactivated = Account reactivated
audit-user-signed-out = Account signed out everywhere
data-readme =
    Your data from Ymarfer

    This file is everything Ymarfer holds that you entered or that was recorded about you, as of the date you downloaded it.

    records.json holds, in sections: your account; your cohorts and role; your signed-in sessions; your attendance at each session; your capability self-assessment; what you wrote in cohort spaces (items, comments, feedback you gave, commitments and check-ins, your learning log, notes from live sessions); follow-ups; the projects you created, tool applications, improvement cycles and readings; every version of the savings claims you made; earlier versions of your items; feedback others gave on your items (without their names); your reactions; your health check leads; and the audit trail of what you did and what was done to your account.

    The folder files/ holds the files you attached, as stored.

    Dates and times are in UTC. Money is in pence.
audit-record-live-session = live session
audit-record-of-project = of project
audit-record-organisation = organisation
audit-record-activity = activity
audit-record-account = account
audit-record-project = project
audit-record-reading = reading
audit-record-session = session
audit-record-cohort = cohort
audit-record-person = person
audit-record-cycle = cycle
audit-record-lead = lead
audit-record-tool = tool
audit-record-user = user
audit-record-file = file
audit-record-in = in
audit-code = Code (the same in both languages)
audit-count = { $count ->
    [one] 1 event
   *[other] { $count } events
}
audit-count-more = more than { $count } events
