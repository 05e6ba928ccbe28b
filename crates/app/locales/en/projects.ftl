## Challenge projects
projects-title = Challenge projects
projects-staff-intro = Every project in the cohort, with its status and its last activity. Projects quiet for three weeks are flagged, so you can see who might be stuck.
projects-none = No projects have been started yet.
projects-count = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
projects-tools = Tools used
projects-cycles = Cycles logged
projects-last-activity = Last activity
projects-stuck = Quiet for three weeks
project-new-title = Start a challenge project
project-edit-title = Edit the project
project-title-hint = A short name for the problem, such as “Waiting for parts”.
project-aim-heading = The aim
project-aim-hint = A measurable aim: what you will measure, where it is now, where you want it and by when.
project-aim-sentence = { $measure }: from { $baseline } to { $target } { $unit } by { $by }.
project-measures-heading = Measures
project-tools-heading = Tools
project-tools-intro = Apply a tool from the toolkit to this problem. Each save keeps the earlier versions.
project-approve = Approve as a public case study
project-approved = approved for the showcase
project-awaiting-approval = waiting for a facilitator to approve it
done-approved = The project is approved as a public case study.
done-reading = The reading has been added.
field-problem = The problem
field-problem-hint = What goes wrong, where, how often, and what it costs the firm.
field-business-function = Business function it touches
field-aim-measure = Measure
field-aim-unit = Unit
field-aim-baseline = Baseline
field-aim-target = Target
field-aim-by = By when
field-outcome-measures = Outcome measures
field-process-measures = Process measures
field-balancing-measures = Balancing measures
field-balancing-hint = What might get worse because of the change, so that you watch for it.
field-owners = Who owns it
field-status = Status
field-visibility = Who can see it
field-visibility-hint = Private: your organisation and the cohort's facilitators. Set: your action-learning set. Cohort, programme: everyone in them. Public: a showcase case study, once a facilitator approves it.

projectstatus-defining = Defining
projectstatus-testing = Testing
projectstatus-implementing = Implementing
projectstatus-sustaining = Sustaining
projectstatus-closed = Closed

visibility-private = Private
visibility-set = My action-learning set
visibility-cohort = My cohort
visibility-programme = The whole programme
visibility-public = Public

## Test-and-learn cycles
cycles-heading = Test-and-learn cycles
cycles-none = No cycles yet. A cycle tests one change on a small scale: plan it, do it, study what happened, then decide.
cycle-new-title = Log a test of change
cycle-title = Cycle { $number }
cycle-plan = Plan
cycle-do = Do
cycle-study = Study
cycle-act = Act
cycle-open = still running
cycle-undecided = Not decided yet
cycle-next-hint = This change was not adopted as it was.
cycle-next = Start the next cycle from it
field-change-idea = The change you will test
field-prediction = What you predict will happen
field-prediction-hint = Be specific, with a number if you can: it is what you will compare the result with.
field-plan-who = Who
field-plan-what = What will be done
field-plan-when = When
field-plan-where = Where
field-happened = What happened
field-study = Results against the prediction
field-study-hint = Compare what happened with what you predicted. What did you learn?
field-decision = Decision
cycledecision-adopt = Adopt
cycledecision-adapt = Adapt
cycledecision-abandon = Abandon
error-study-before-decision = Write what you learned before deciding.

## Measures over time
readings-heading = Measures over time
readings-none = No readings yet. Add the first to start the run chart.
readings-table = Readings
reading-add = Add a reading
field-taken-on = Date
field-value = Value
field-note = Note
run-chart-title = Run chart: { $measure }
run-chart-desc = { $count ->
    [one] { $count } reading, with the median at { $median }.
   *[other] { $count } readings, with the median at { $median }.
} The same figures are in the table below.
run-chart-key-readings = Readings
run-chart-key-median = Median
run-chart-key-target = Target
runchart-key-shift = Shift
runchart-key-trend = Trend
runchart-key-astronomical = Astronomical point
runchart-heading = What the chart shows
runchart-too-few = { $count ->
    [one] Too few readings to judge yet: the run chart rules need at least { $need }, and there is { $count }.
   *[other] Too few readings to judge yet: the run chart rules need at least { $need }, and there are { $count }.
}
runchart-no-signal = No signal yet: the readings vary as they did before.
runchart-shift-above = { $count } readings in a row are above the median from { $date }: a shift.
runchart-shift-below = { $count } readings in a row are below the median from { $date }: a shift.
runchart-trend-up = { $count } readings in a row each rose from { $date }: a trend.
runchart-trend-down = { $count } readings in a row each fell from { $date }: a trend.
runchart-few-runs = The readings cross the median too seldom: { $runs } runs among { $useful } readings off the median, where chance gives at least { $lower }. They are not varying by chance alone.
runchart-many-runs = The readings cross the median too often: { $runs } runs among { $useful } readings off the median, where chance gives at most { $upper }. Something alternates, such as two ways of working or two sources of data.
runchart-astronomical = The reading of { $date } is far from all the others: an astronomical point. Find out what happened then.
runchart-meaning-better = The change has made a difference.
runchart-meaning-worse = The readings have got worse since the change.
runchart-meaning-moved = The readings have moved since the change; the aim does not say which way is better.
runchart-meaning-other = Something has changed in the process: find out what.
runchart-basis-baseline = The median is that of the { $count } readings taken before the first change, on { $date }.
runchart-basis-all = The median is that of all the readings.

## Timeline
timeline-heading = Timeline
timeline-none = Nothing has been done on this project yet.
timeline-tool = { $tool } saved (version { $version })
timeline-cycle = Cycle { $number }: { $idea }

## Toolkit
toolkit-title = Toolkit
toolkit-intro = Tools to apply to a real problem in your own firm. Each comes with step-by-step guidance and a worked example from a small Welsh firm.
tool-when = When to use it
tool-steps = Step by step
tool-example = A worked example
tool-guidance = Read the guidance
tool-save = Save this version
tool-versions = Saved versions
tool-version = Version { $version }
tool-saved-on = Saved { $when }
vsm-heading = What the value stream map shows
vsm-total-lead-time = Total lead time
vsm-total-process-time = Total process time
vsm-activity-ratio = Activity ratio (process time ÷ lead time)
vsm-rolled-pca = Rolled % complete and accurate
vsm-largest-waits = The largest waits
wastes-heading = Wastes ranked by cost
wastes-total = Estimated cost of all the wastes seen: { $total } a month.
wastes-per-month = a month
wastes-sightings = { $count ->
    [one] seen once
   *[other] seen { $count } times
}
matrix-heading = Impact and effort
matrix-desc = Each idea is placed by its effort (across) and its impact (up). Quick wins are high impact for low effort. The table below lists the same ideas.
matrix-impact = Impact
matrix-effort = Effort
matrix-idea = Idea
matrix-quadrant = Where it falls
matrix-table = The ideas
matrix-quick-wins = Quick wins:
fishbone-heading = Causes by category

## A programme's own tools
programme-tools-title = The programme's own tools
programme-tools-intro = Add a tool of your own to this programme's toolkit. Write it in the same format as the shipped tools (see docs/toolkit.md): both languages, guidance, a worked example and its fields. It is checked before it is saved.
programme-tools-definition = Tool definition (TOML)
programme-tools-hint = Adding a tool with an id you used before saves a new version of it.
programme-tools-add = Check and add the tool
programme-tools-problems = The tool cannot be added yet
programme-tools-clash = The shipped toolkit already has a tool called { $id }. Choose another id.
programme-tools-toml = The definition is not valid TOML: { $detail }

## Benefit ledger
ledger-heading = Benefit ledger
ledger-none = No savings recorded yet. Add what the change saves, even as a forecast.
ledger-first-year = First-year value
benefit-new-title = Add a benefit line
benefit-edit-title = Change a benefit line
benefit-verify = Verify
benefit-verified-change = This line has been verified. Saving a change keeps the verified version and returns the line to claimed until it is verified again.
benefit-history = Every version of this line
benefit-value-heading = How much, each time
benefit-value-hint = Give either an amount in pounds or the hours saved, not both. Hours are valued at the rate below, else the firm's, else the programme's.
benefit-environment-heading = Environmental quantities, each time (optional)
done-benefit = The benefit line has been saved.
done-verified = The line has been verified.
field-description = Description
field-category = Category
field-savings-type = Kind of saving
field-frequency = How often
field-benefit-starts-on = Date the change went into use
field-benefit-status = Status
field-amount = Amount in pounds
field-hours = Hours
field-line-rate = Hourly rate for this line in pounds
field-line-rate-hint = Optional.
field-energy-kwh = Energy saved (kWh)
field-waste-kg = Waste avoided (kg)
field-waste-level = Waste hierarchy level
field-fuel-litres = Fuel saved (litres)
error-amount-or-hours = Give either an amount or hours, not both and not neither.
ledger-import-unknown-project = There is no project “{ $value }” in this programme.
ledger-import-missing = The { $value } is empty.
ledger-import-bad-code = { $column } “{ $value }” is not one of: { $allowed }.
ledger-import-bad-date = “{ $value }” is not a real date.
ledger-import-amount-or-hours = Give either amount_gbp or hours, not both and not neither.
ledger-import-bad-amount = “{ $value }” is not an amount in pounds.
ledger-import-too-large = “{ $value }” is more than a line may record: { $max } at most.
ledger-import-bad-hours = “{ $value }” is not a number of hours that is zero or more.
ledger-import-bad-quantity = “{ $value }” is not a quantity that is zero or more.
ledger-import-repeated = This line repeats line { $value }: one saving, written twice.
ledger-import-already = This file was imported into { $programme } on { $when } by { $who }. Importing it again would count its savings twice, so nothing was imported.
ledger-import-verifier-refused = The person named as verifier may not verify savings in this programme, so nothing was imported.
ledger-import-by-nobody = someone at the command line who named no verifier

## Impact
impact-title = Impact: { $name }
impact-verified-savings = Verified first-year savings
impact-roi = Return on the programme's cost
impact-innovation-active = Firms innovation active, at entry and now
impact-organisations = Organisations taking part
impact-net-return = Net return
impact-payback = Payback
impact-months = { $months ->
    [one] { $months } month
   *[other] { $months } months
}
impact-co2e = Carbon saved in the first year (verified)
impact-co2e-kg = { $kg } kg CO2e
impact-method-note = Headline figures count verified savings only; claimed and forecast savings are shown apart. First-year value: each line's amount per period times the periods in twelve months, rounded to the penny.
impact-micro-note = Micro firms (under ten staff) are included, although the UK Innovation Survey covers only firms with ten or more.
impact-by-category = Verified savings by category
impact-none-verified = No savings have been verified yet.
impact-download-csv = Download as CSV
impact-download-xlsx = Download as a spreadsheet (XLSX)
report-programme = Programme
report-cost = Cost
report-verified = Verified
report-claimed = Claimed
report-forecast = Forecast
report-roi = Return on investment
report-organisations = Organisations
report-participants = Participants
report-projects = Projects
impact-heading = Impact and return

## Capability and follow-ups
capability-title = Your capability and confidence
capability-intro-pre = Before the programme starts: how confident are you today? There are no right answers; the point is to see the change.
capability-intro-post = Now that the programme has ended: how confident are you today?
capability-done = Thank you: you have answered before and after.
capability-scale = 1 means not at all confident, 5 means very confident.
capability-error = Choose a number from 1 to 5.
capability-heading = Capability and confidence (people who answered before and after)
capability-question = Statement
capability-pairs = People
capability-before = Before
capability-after = After
done-capability = Thank you. Your answers have been saved.
followup-title = How is the change going?
followup-intro = { $months ->
    [one] It is { $months } month since your cohort ended.
   *[other] It is { $months } months since your cohort ended.
} Three questions help the programme see what lasts.
followup-still-in-use = Is the change you made still in use?
followup-new-projects = How many new improvement projects have you started since?
followup-innovation = Over the last three years, did your organisation…
followup-send = Send my answers
followup-thanks-title = Thank you
followup-thanks = Your answers have been saved. They help show funders what lasts after a programme.
followups-heading = Follow-ups
followups-completion = Follow-ups answered
followups-sustained = Changes still in use, or new projects begun
link-invalid-title-detail = The link has expired or has already been used.
email-followup-subject = How is your change going?
email-followup-body =
    { $months ->
        [one] It is { $months } month since your Ymarfer cohort ended.
       *[other] It is { $months } months since your Ymarfer cohort ended.
    } Would you answer three short questions about what has lasted? It takes two minutes:

    { $link }
email-followup-reminder-subject = A reminder: how is your change going?
email-followup-reminder-body =
    A short reminder: three questions about what has lasted, { $months ->
        [one] { $months } month
       *[other] { $months } months
    } after your cohort ended. It takes two minutes:

    { $link }
impact-break-even-heading = Cumulative savings against cost
impact-break-even = Verified savings covered the cost by { $month }.
impact-break-even-not-yet = Verified savings have not yet covered the cost.
impact-payback-explained = Payback ({ $months } months) is the cost divided by one month of the verified first-year savings: how long they take to cover the cost once every change is in use.
impact-chart-to-today = The chart counts each verified saving from the month it started, a twelfth of its first-year value a month, and stops at today; so the cost can be covered later than the payback suggests, while changes are still being made.
impact-cumulative = Cumulative verified savings
impact-cumulative-table = The figures month by month
impact-month = Month ending
impact-pounds-hundreds = (axis in pounds)
field-case-study-consent = Our organisation agrees to a one-page case study of this project.
case-study-link = One-page case study
case-study-title = Case study: { $title }
case-study-firm = { $organisation }, { $sector }, { $area }.
case-study-tools = Tools applied
case-study-changes = Changes tested and adopted
case-study-results = Results
case-study-measure = { $measure }: { $first } at the start; { $last } at the latest reading.
case-study-verified = Verified first-year savings: { $amount }.
print = Print or save as PDF
print-hint = This page is laid out for printing: use your browser's print command to save it as a PDF.
followup-actuals = What did these forecast savings turn out to be?
followup-actuals-hint = The actual amount in pounds each time (each week, month…), where you know it. Leave it empty if you do not.
project-aim-none = No measurable aim has been set yet. Edit the project to add one.
benefit-verify-changed = This line has changed since you looked at it: you saw version { $seen }, and it is now at version { $current }. Check the latest version below before you verify it.
xlsx-sheet-summary = Summary
xlsx-sheet-ledger = Ledger
xlsx-sheet-projects = Projects
xlsx-sheet-organisations = Organisations
xlsx-sheet-capability = Capability
xlsx-net-return = Net return (%)
xlsx-payback = Payback (months)
xlsx-co2e = CO2e saved in the first year (kg)
xlsx-verified-category = Verified first-year value: { $category }
xlsx-col-project = Project
xlsx-col-organisation = Organisation
xlsx-col-line = Line
xlsx-col-version = Version
xlsx-col-description = Description
xlsx-col-category = Category
xlsx-col-savings-type = Savings type
xlsx-col-frequency = Frequency
xlsx-col-starts-on = In use from
xlsx-col-status = Status
xlsx-col-amount = Amount per period (£)
xlsx-col-hours = Hours per period
xlsx-col-rate = Hourly rate used (£)
xlsx-col-capture = Capture factor
xlsx-col-first-year = First-year value (£)
xlsx-col-verified-by = Verified by
xlsx-col-verified-at = Verified on
xlsx-col-cohort = Cohort
xlsx-col-tools = Tools applied
xlsx-col-cycles = Test-and-learn cycles
xlsx-col-sector = Sector
xlsx-col-employee-band = Size
xlsx-col-area = Principal area
xlsx-col-active-at-entry = Innovation active at entry
xlsx-col-question = Statement
xlsx-col-people = People who answered before and after
xlsx-col-before = Before (mean)
xlsx-col-after = After (mean)
verify-title = Verify “{ $line }”
verify-how = How it is worked out:
verify-computation-amount = { $amount } a period × { $periods } ({ $frequency }) = { $value } in the first year.
verify-computation-hours = { $hours ->
    [one] { $hours } hour a period
   *[other] { $hours } hours a period
} × { $rate } an hour × capture factor { $capture } × { $periods } ({ $frequency }) = { $value } in the first year.
verify-concerns = Worth a second look
concern-large-for-size = This is more than a { $band } firm usually saves from one change in a year ({ $ceiling }). Check the evidence before verifying.
concern-far-above-others = This is more than { $times } times the programme's typical verified line ({ $median }).
concern-large-for-size-short = Large for the firm's size
concern-far-above-others-short = Far above other lines
verify-evidence = The project's evidence
verify-no-evidence = The project has recorded no readings or test-and-learn cycles yet.
verify-changes = Changes tested
verify-readings = Readings
field-verify-note = Why you are satisfied
field-verify-note-hint = For example what you saw, who you spoke to, or which records you checked. It is kept with the line and shown wherever it appears.
benefit-check-verify = Check and verify
benefit-verified-by = Verified by { $name } on { $date }: { $note }
claims-title = Claims to verify: { $name }
claims-none = No claimed savings are waiting to be verified.
claims-intro = Oldest first. Open a claim to see how it is worked out and the project's evidence, then verify it with a note.
claims-project = Project
claims-count = { $count ->
    [one] { $count } claim waiting
   *[other] { $count } claims waiting
}
claims-link = Claims to verify
reopen-title = Return “{ $line }” to claimed
reopen-intro = The verified version is kept in the line's history. A new version goes back to claimed, with your reason, until someone verifies it again.
field-reopen-reason = Why it goes back to claimed
reopen-button = Return to claimed
benefit-reopen = Return to claimed
done-reopened = The line is back at claimed, with your reason. Its verified version is kept in its history.
review-decision = Your decision
review-verify = Verify: the saving counts
review-return = Send back to the claimant to rework and claim again
review-reject = Reject: the line is closed
review-decision-required = Choose whether to verify the claim, ask a question, send it back or reject it.
field-review-note = Your note or reason
field-review-note-hint = To verify: why you are satisfied, for example what you saw or which records you checked. To ask: your question. To send back or reject: why, so the claimant knows what to change. It is kept with the line and shown wherever it appears.
review-button = Record the decision
claim-review-not-open = This line is not waiting for this review: it has been verified, queried, sent back for rework or rejected. Its history below shows what happened.
claim-note-too-long = Write 1,000 characters at most.
benefit-rejected-closed = This line was rejected and is closed. To claim the saving again, add a new line.
done-returned = The claim has been sent back to the claimant with your reason.
done-rejected = The claim has been rejected, with your reason.
review-query = Ask the claimant a question: the claim waits for their answer
done-queried = Your question has been sent to the claimant. The claim waits for their answer.
done-answered = Your answer has been sent. The claim is back in the queue for review.
evidence-counts = Readings: { $readings } ({ $unit }) · Files: { $files } · Changes tested: { $tested }
evidence-backed = The evidence can back this claim: a file is attached, or the readings measure something a claim of this kind is measured in.
evidence-unjudged = The readings are in “{ $unit }”, a unit Ymarfer does not recognise: check for yourself that they back a claim of { $category }.
evidence-unmatched = The evidence does not match the claim: the only readings measure { $kind } (“{ $unit }”), which cannot back a claim of { $category }, and no file is attached.
evidence-unmeasured = Nothing measured backs this claim: the project has no readings and no file attached.
evidence-unmatched-short = Evidence does not match
evidence-unmeasured-short = Nothing measured
evidence-backed-short = Backed
evidence-unjudged-short = Unit not recognised
measure-kind-time = time
measure-kind-money = money
measure-kind-energy = energy or fuel
measure-kind-mass = weight
measure-kind-distance = distance
measure-kind-count = a count of things
claims-claimant = Claimed by
claims-claimed-on = Claimed on
claims-days-waiting = Days waiting
claims-evidence = Evidence
claims-queried-heading = Queried: waiting for the claimant's answer
claims-queried-intro = You asked these claimants a question. Each claim returns to the queue above when they answer; you may still send one back or reject it.
claims-queried-count = { $count ->
    [one] One claim queried
   *[other] { $count } claims queried
}
claims-question = Question
claims-asked-on = Asked on
answer-title = Answer the question about “{ $line }”
answer-intro = { $name } asked this on { $date }:
field-answer = Your answer
field-answer-hint = Say what the reviewer asked for. If the figures need changing, change the line instead: that claims it again too.
answer-button = Send the answer
claim-not-queried = There is no question waiting for an answer on this line. Its history shows what happened.
ledger-answer = Answer the question
ledger-question = Question: { $question }
error-date-future = Enter a date that has passed: a reading is of something already measured.
csv-measure = measure
csv-value = value
csv-description = description
csv-programme = Programme
csv-cohort = Cohort
csv-cost-pence = Cost (pence)
csv-first-year-verified-pence = Verified first-year value (pence)
csv-first-year-claimed-pence = Claimed first-year value (pence)
csv-first-year-forecast-pence = Forecast first-year value (pence)
csv-roi-verified = Return on investment from verified value (to 1)
csv-net-return-pct = Net return (%)
csv-payback-months = Payback (months)
csv-organisations = Organisations taking part
csv-participants = Participants
csv-projects = Projects
csv-co2e-kg-first-year = CO2e saved in the first year (kg)
project-sections = On this page

## A firm named publicly only with its consent
firm-described = { $band ->
    [micro] A micro firm
    [medium] A medium-sized firm
    [large] A large firm
   *[small] A small firm
} ({ $sector }) in { $area }
firm-described-nowhere = { $band ->
    [micro] A micro firm
    [medium] A medium-sized firm
    [large] A large firm
   *[small] A small firm
} ({ $sector })

## Acts on projects, in the audit trail and their refusals
audit-project-started = Project started
audit-project-changed = Project changed
audit-tool-applied = Tool saved on a project
audit-cycle-started = Test-and-learn cycle begun
audit-cycle-changed = Test-and-learn cycle changed
audit-reading-recorded = Reading recorded
project-title-taken = This firm has a project with this title in the cohort already. Choose another title, or open that project.
project-approve-not-public = Only a project its people made public can be approved for the public.
cycle-changed-meanwhile = Someone changed this cycle while you were editing it. Look at it again, then make your change.
tool-error-version = This tool has changed since the form was opened. Open it again and save.
audit-reading-corrected = Reading corrected
audit-reading-removed = Reading removed
audit-programme-tool-added = Programme's own tool added
programme-tools-invalid = This tool's definition cannot be used; correct it and try again.
xlsx-col-current = Current version
xlsx-sheet-current = Current lines
xlsx-col-verified-first-year = Verified first-year value (£)
xlsx-total = Total
csv-unit = unit
claims-pages = Pages of claims waiting
claims-queried-pages = Pages of claims queried
