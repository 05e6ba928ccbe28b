## The public innovation health check
health-title = Innovation health check
health-lead = Eight short questions about your business and what gets in the way day to day. At the end: how your business innovates today, two or three tools to try on Monday, what similar firms achieved, and cohorts you could join.
health-promise-time = It takes about five minutes, on a phone or a computer.
health-promise-private = You do not need an account, and we store nothing that identifies you unless you ask us to get in touch.
health-promise-result = Your result stays at its own private address for 30 days, so you can come back to it or print it.
health-start = Start the check
health-other-language = Gwneud y gwiriad yn Gymraeg
health-throttled = Too many checks have been started from here in the last few minutes. Please try again in a quarter of an hour.
health-question-title = Question { $number } of { $total }: innovation health check
health-progress = Question { $number } of { $total }
health-next = Next
health-back = Back
health-see-result = See my result
health-q-new-goods-yes = Yes
health-q-new-goods-no = No
health-q-new-process-yes = Yes
health-q-new-process-no = No
health-q-under-way-yes = Yes
health-q-under-way-no = No
health-q-spending-yes = Yes
health-q-spending-no = No
health-error-answer = Choose an answer to go on.
health-q-sector = What does your business mainly do?
health-q-sector-hint = Choose the closest. This is the UK's standard list of industries.
health-q-band = How many people work in the business?
health-q-band-hint = Count everyone on the payroll, full time or part time, including you.
health-q-area = Where is the business based?
health-q-area-hint = The council area of your main site.
health-q-new-goods = In the last three years, have you brought in a new or much improved product or service?
health-q-new-goods-hint = For example: a café that started selling its own bread, or a garage that added electric-car servicing.
health-q-new-process = In the last three years, have you changed how the work gets done, in a way that made a real difference?
health-q-new-process-hint = For example: online booking instead of phone calls, a new stock system, or a different layout for the workshop.
health-q-under-way = Is there a change like that under way now, or one you tried and gave up on?
health-q-under-way-hint = For example: testing a new supplier, or a new piece of software you stopped using.
health-q-spending = In the last three years, have you spent money or time on training, advice, equipment or software to do things differently?
health-q-spending-hint = For example: a course for staff, a consultant's visit, or a machine that saves a step.
health-q-pains = What gets in the way most days?
health-q-pains-hint = Tick as many as you like, or none.
health-pain-waiting = Time lost waiting, or looking for things
health-pain-rework = Mistakes, and work done twice
health-pain-paperwork = Paperwork and forms
health-pain-stock = Too much stock, or things thrown away
health-pain-energy = Energy bills
health-pain-handoffs = Jobs passed between people and getting stuck
health-result-title = Your innovation health check
health-status-heading = How your business innovates today
health-status-active = Innovation active
health-status-active-detail = You have brought in something new or changed how you work in the last three years, or have a change under way. A programme can help you do more of it, and count what it saves.
health-status-broader = Getting ready to innovate
health-status-broader-detail = You have invested in training, advice or equipment, but have not yet changed a product or how the work is done. The tools below turn that investment into a first change.
health-status-not-yet = Not innovating yet
health-status-not-yet-detail = Like about 7 in 10 small firms in Wales, you have not changed a product or the way you work in the last three years. That is the place to start: a small change to one real problem, tested and measured.
health-tools-heading = Tools to try
health-monday = What you would do on Monday:
health-tool-guide = How to use the { $tool }
health-monday-value-stream-map = Follow one order from start to finish and write down, for each step, how long the work takes and how long it waits.
health-monday-process-map = Draw the steps of one everyday job on a sheet of paper with the people who do it, and circle where it stalls.
health-monday-eight-wastes = Walk round the business for twenty minutes with the list of eight wastes and note one example of each you see.
health-monday-five-whys = Take the last mistake that cost you, and ask "why?" five times with the person closest to it.
health-monday-fishbone = Write the problem at the head of a fishbone and ask the team for causes under six headings, before choosing one to check.
health-monday-pdsa = Pick one small change, predict what it will do, try it for a week and measure before and after.
health-monday-sipoc = List who supplies one process, what goes in, the steps, what comes out, and who receives it, on one page.
health-monday-waste-hierarchy = List what you throw away or pay to run each week, and for each ask whether it could be avoided first.
health-monday-model-for-improvement = Write down what you want to improve, how you will know, and one change to test, in three sentences.
health-similar-heading = What similar firms achieved
health-similar-group = { $band } firms in { $sector }
health-similar-shown = { $group } in our programmes saved a median of { $median } in their first year (verified savings, { $firms } firms).
health-similar-withheld = Fewer than { $min } { $group } have verified savings in our programmes yet ({ $firms }), so we do not show their figures: no firm could then be identified.
health-similar-none = Answer the questions about your sector and size to compare with similar firms.
health-cohorts-heading = Cohorts you could join
health-cohorts-none = No cohort has places just now. Leave your details below and we will tell you when one opens.
health-places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
health-kept-until = This result stays at this address until { $date }. Keep the link, or print the page.
health-interest-heading = Hear more
health-interest-lead = Leave your details and a programme manager will be in touch. We use them only for that.
health-interest-cohort = A cohort you are interested in
health-interest-any = Any, or not sure yet
health-leave-empty = Leave this empty
health-consent = I agree that the programme team may store these details and contact me about the programme. I can ask them to delete them at any time.
health-error-consent = Tick the box to agree, so that we may keep your details and contact you.
health-interest-send = Send
field-your-name = Your name
field-phone = Phone (optional)
field-organisation-name = Your business
email-lead-subject = A firm would like to hear more
email-lead-body = { $organisation } took the innovation health check and would like to hear more. Their details and answers: { $link }

## Leads and the funnel
leads-title = Leads: { $name }
leads-heading = Leads
leads-unassigned-title = Leads waiting for a programme
leads-unassigned-lead = Firms that asked to hear more after the health check without choosing a cohort, the longest waiting first. Give each to the programme that should contact it; its managers are told. Every administrator sees this list, and every manager of a programme taking firms.
leads-unassigned-none = Every lead has a programme.
leads-assign-programme = Programme
leads-assign = Give to this programme
leads-none = No firm has left its details after the health check yet.
leads-count = { $count ->
    [one] 1 lead
   *[other] { $count } leads
}
lead-title = Lead: { $name }
lead-status = Status
lead-when = When
lead-notes = Notes
lead-follow-up = Follow-up
lead-status-new = New
lead-status-contacted = Contacted
lead-status-invited = Invited
lead-status-enrolled = Enrolled
lead-status-completed = Completed the cohort
lead-status-closed = Closed
lead-invite-heading = Invite to a cohort
lead-invite-hint = The business joins the programme with its health check answers as its entry record, and the person receives an invitation in their language.
lead-invite = Invite
funnel-title = Engagement funnel: { $name }
funnel-heading = The funnel
funnel-filter = Filter
funnel-any = Any
funnel-from = From
funnel-to = To
funnel-source = Source
funnel-apply = Show
funnel-step = Step
funnel-count = Firms
funnel-share = Of the step before
funnel-started = Health checks started
funnel-completed = Completed
funnel-interest = Asked to hear more
funnel-invited = Invited
funnel-enrolled = Enrolled
funnel-finished = Completed a cohort
funnel-sustained = Sustained (follow-up)
funnel-reach-heading = Firms that were not innovation active
funnel-reach-lead = Of the firms whose check said they were not innovation active, how many went on, and how far.
funnel-area-heading = Reach by area
funnel-source-heading = By source
funnel-source-direct = Direct
funnel-none = No health checks in this selection.
home-check-lead = Is your business innovating? Eight questions, five minutes, no account: find out, and get two or three tools to try next week.
home-check-start = Take the innovation health check
health-recheck = Invite me to take the check again in 6 and 12 months, so that I can see what has changed.
health-recheck-hint = If you agree, your answers then (never your name or details) are also counted, with other firms', to compare firms that join a programme with those that do not. You may ignore the invitations; we stop asking after 12 months.
email-recheck-subject = Take the innovation health check again
email-recheck-body = { $months } months ago { $organisation } took the innovation health check. Take it again, in five minutes, to see how the business innovates now: { $link }
lead-checks = The checks this firm has taken
lead-check-row = { $date }: { $status }
funnel-smes = SMEs in the area
funnel-per-thousand = Checks per 1,000 SMEs
funnel-smes-source = SME counts: { $source }
funnel-smes-none = The number of SMEs in each area has not been entered yet; an administrator can enter it from an official source.
smes-title = SMEs in each area
smes-lead = How many small and medium-sized firms each principal area has, from an official source such as StatsWales's size analysis of businesses. The funnel reads each programme's reach against them. Saving replaces every count.
field-smes-source = Source
field-smes-source-hint = Where the figures come from and for which year, e.g. "StatsWales, Size analysis of businesses, 2025".
field-smes-counts = Counts
field-smes-counts-hint = One area a line: its name or code, a comma, and the number of SMEs, e.g. "Gwynedd, 9120".
smes-error-lines = These lines are not an area and a number of SMEs (or name an area twice): { $lines }.
leads-waiting-since = Came on { $date }: waiting { $days ->
    [one] { $days } day
   *[other] { $days } days
}
lead-contact = Contact
lead-phone = Phone
leads-waiting-link = { $count ->
    [one] One lead is waiting for a programme
   *[other] { $count } leads are waiting for a programme
}
lead-status-follows = Once invited, the status follows the person: enrolled when they first sign in, completed when their cohort ends. Choose another only to set it aside.
lead-status-chosen = Status chosen by the team
health-thanks-title = Thank you: we have your details
health-thanks-lead = Thank you. Your details are with the programme team; nothing more is needed from you today.
health-thanks-next = What happens next
health-thanks-read = A programme manager reads your details, usually within five working days, and finds the programme and cohort nearest to you.
health-thanks-read-cohort = The team running { $cohort } reads your details, usually within five working days.
health-thanks-contact = They contact you by email, in { $language ->
        [cy] Welsh
       *[other] English
    }, to talk about your business and whether the cohort suits it.
health-thanks-contact-phone = They contact you by email or phone, in { $language ->
        [cy] Welsh
       *[other] English
    }, to talk about your business and whether the cohort suits it.
health-thanks-invite = If you join, you receive an email invitation with a link to set up your account, and the dates of the sessions.
health-thanks-invite-date = If you join, you receive an email invitation with a link to set up your account. The cohort starts on { $date }.
health-thanks-meanwhile = In the meantime
health-thanks-meanwhile-text = Try one of the tools your result suggested next week: each takes less than an hour, and it gives you something to talk about when the team calls.
health-thanks-back = Back to your result and the tools to try
leads-pages = Pages of leads
leads-unassigned-pages = Pages of leads waiting
leads-unassigned-count = { $count ->
    [one] 1 lead waiting in all
   *[other] { $count } leads waiting in all
}
