live-title = Live: { $session }
live-screen-title = Projector view: { $session }
live-join-title = Join a live session
live-join-code = The code on the screen
live-join-hint = Six letters and numbers, for example ACD 3E4.
live-join-button = Join
live-join-intro = Join to write your notes, vote and say when you have finished. Joining marks you present at this session.
live-join-unknown = No live session has that code. Check it on the screen.
live-join-at = Join on your phone: scan the code, or go to { $url } and type
live-start = Start the live session
live-start-intro = Run this session live: a projector view with a code to join, notes written from phones, and the results added to each firm's tools.
live-open = Open the live session
live-screen-link = Projector view and controls
live-phone-link = Phone view
live-code-is = code { $code }
live-ended = This session has ended. What the room wrote is kept to read; nothing more can be added.
live-none = Nothing is running yet. The facilitator will open the first activity.
live-counts = { $joined } joined · { $done } finished
live-written = { $count ->
    [one] One note written so far, hidden until the facilitator reveals them.
   *[other] { $count } notes written so far, hidden until the facilitator reveals them.
}
live-board = Everyone's notes
live-your-notes = Your notes (the others are hidden until revealed)
live-stage-ready = Waiting to start
live-stage-writing = Writing in silence
live-stage-revealed = Revealed
live-stage-voting = Voting
live-stage-closed = Closed
live-advance-writing = Open for writing
live-advance-reveal = Reveal the notes
live-advance-vote = Open the vote
live-advance-close = Close, and add the notes to each firm's tool
live-note-add = Add a note
live-note-heading = Heading
live-note-heading-choose = Choose one
live-note-body = Your note
live-note-hint = One idea a note, 200 characters at most. Nobody sees it until the facilitator reveals the notes.
live-vote = Vote
live-unvote = Take back your vote
live-votes-left = { $count ->
    [one] You have one vote left.
   *[other] You have { $count } votes left.
}
live-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
live-done = I'm done
live-you-done = You said you have finished.
live-timer-ends = Time is up at { $time }
live-timer-minutes = Minutes on the timer
live-timer-hint = From 1 to 60. Leave it empty to stop the timer.
live-timer-set = Set the timer
live-controls = Running the room
live-running-order = Running order
live-order-none = Nothing planned yet: add an activity below.
live-plan-heading = Add an activity: a silent brainstorm onto a tool
live-plan-tool = The tool whose headings the room writes under
live-plan-prompt = What the room is asked
live-plan-votes = Votes each person spends
live-plan-add = Add to the running order
live-refresh = Refresh
live-qr-alt = QR code that opens this live session on a phone
live-post-intro = Written in the live session, ranked by the room's votes:
live-error-ended = This session has ended, so its live session cannot start or take anything more.
live-error-busy = The live session is busy; try again.
live-error-tool = Choose a tool with headings to write under, such as the fishbone.
live-error-prompt = Write 300 characters at most.
live-error-votes = Enter a whole number from 1 to 10.
live-error-not-writing = Writing has closed for this activity.
live-error-heading = Choose one of the headings.
live-error-note-long = Write 200 characters at most.
live-error-key = Reload the page and write the note again.
live-error-timer = Enter a whole number of minutes from 1 to 60.
done-live-no-votes = You have spent all your votes. Take one back to vote for another note.
live-kind-brainstorm = Silent brainstorm
live-kind-poll-single = Quick poll: one choice
live-kind-poll-multiple = Quick poll: any number of choices
live-kind-poll-scale = Quick poll: a scale from 1 to 5
live-kind-round = Round of the room
live-kind-placement = Impact and effort
live-stage-answering = Answering
live-stage-shown = Results shown
live-advance-open = Open for answers
live-advance-show = Show the results
live-advance-post = Close, and post the result to the cohort space
live-answered = { $count ->
    [one] One person has answered so far.
   *[other] { $count } people have answered so far.
}
live-results = The room's answers
live-poll-results = How the room answered
live-poll-option = Option
live-poll-count = Answers
live-poll-pick-one = Choose one. You can change your answer until the results are shown.
live-poll-pick-any = Choose as many as apply. You can change your answer until the results are shown.
live-answer-send = Send my answer
live-answer-change = Change my answer
live-line = Your line
live-line-hint = One line, 200 characters at most. Sending another replaces it.
live-place-intro = Place each idea by the difference it would make and the effort it would take. You can change where you placed it until the results are shown.
live-impact = Impact
live-effort = Effort
live-high = High
live-low = Low
live-place = Place this idea
live-placed-count = placed here by { $count } of { $of }
live-quadrant-quick-win = Quick wins: high impact, low effort
live-quadrant-major-project = Major projects: high impact, high effort
live-quadrant-fill-in = Fill-ins: low impact, low effort
live-quadrant-thankless = Thankless tasks: low impact, high effort
live-prepare-heading = Add an activity: a quick poll or a round of the room
live-prepare-kind = What kind
live-prepare-question = The question, or the prompt for the round
live-prepare-options = The poll's options
live-prepare-options-hint = One a line, from 2 to 10. Not needed for a scale or a round of the room.
live-placement-heading = Add an activity: place a brainstorm's ideas by impact and effort
live-placement-source = The brainstorm whose ideas the room places
live-error-kind = Choose a poll or a round of the room.
live-error-question = Write the question the room answers.
live-error-options-count = Give from 2 to 10 options, one a line.
live-error-option-long = Keep each option to 100 characters at most.
live-error-option-repeated = Give each option once.
live-error-source = Choose a brainstorm whose notes have been revealed.
live-error-pick = Choose one of the options.
done-live-answer-saved = Your answer is saved. You can change it until the results are shown.
done-live-place-both = Choose the idea's impact and its effort, then place it.
live-meeting-link = Join the meeting online
live-templates = Saved running orders
live-template-name = Save this running order as
live-template-name-hint = A name for the programme's facilitators to find it by, such as "Workshop 3: causes". Saving again under the same name replaces it.
live-template-save = Save the running order
live-template-apply-which = A running order saved for this programme
live-template-apply = Add its activities to this running order
live-templates-none = No running orders are saved for this programme yet.
live-activities = { $count ->
    [one] one activity
   *[other] { $count } activities
}
live-error-template-name = Give the running order a name of 100 characters at most.
live-error-template-empty = Add an activity to the running order before saving it.
done-live-template-saved = The running order is saved for this programme.
