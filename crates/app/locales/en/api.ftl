## Personal access tokens

tokens-title = Personal access tokens
tokens-back = Back to your profile
tokens-lead = A token lets another program, such as a spreadsheet, a reporting tool or a CRM, read Ymarfer's records as you, through the API. Give each program its own token, with no more access than it needs.
tokens-password-ends = Every token stops working when you change your password.
tokens-profile-lead = Let another program read your records through the API, with a token you can revoke at any time.
tokens-manage = Manage tokens
tokens-made = Your new token
tokens-made-once = Copy it now: this is the only time it is shown. Only a fingerprint of it is kept.
tokens-secret = Token
tokens-new-heading = Make a token
tokens-field-name = Name
tokens-field-name-hint = What it is for, such as “Funder report in Power BI”.
tokens-field-access = Access
tokens-access-read = Read only
tokens-access-write = Read and change
tokens-field-programme = Programme
tokens-all-programmes = Every programme I can see
tokens-programme-gone = A programme that no longer exists
tokens-field-days = Expires after
tokens-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
tokens-create = Make token
tokens-list-heading = Your tokens
tokens-none = You have no tokens.
tokens-created = Made
tokens-expires = Expires
tokens-last-used = Last used
tokens-never-used = Never
tokens-state = State
tokens-state-live = Active
tokens-state-revoked = Revoked
tokens-state-expired = Expired
tokens-revoke = Revoke
tokens-revoked = The token was revoked. It no longer works.
tokens-error-name = Give the token a name.
tokens-error-name-taken = You have a token with this name already. Choose another name, or revoke that one first.
tokens-error-access = Choose read only, or read and change.
tokens-error-programme = Choose a programme you can see, or every programme.
tokens-error-days = Choose how long the token lasts.
audit-token-created = API token made
audit-token-revoked = API token revoked
audit-password-changed = Password changed (other sessions ended, API tokens revoked)

## The API's human page

api-title = The Ymarfer API
api-lead = Ymarfer's records are also available as JSON, for reporting tools, spreadsheets, CRMs and finance systems. The API shows exactly what you could see in Ymarfer, and never more.
api-auth-heading = Signing in
api-auth-body = Every request carries a personal access token in its Authorization header. Make one on your profile:
api-example-host = https://ymarfer.example.ac.uk
api-scope-body = A read-only token cannot change anything. A token limited to one programme answers “not found” for every other.
api-conventions-heading = How answers work
api-paging = Lists come a page at a time, in id order. Pass the “next” value of one page as “after” to get the next; “limit” sets the page length, from 1 to 200.
api-etags = Each answer has an ETag. Send it back in If-None-Match and, if nothing has changed, the answer is 304 with no body.
api-errors = Every error has the same shape: the status, a stable message id, and its text in English and in Welsh. A refused field is named with its own message.
api-rate = { $count ->
    [one] Each token may make { $count } request a minute. Beyond that the answer is 429, with Retry-After.
   *[other] Each token may make { $count } requests a minute. Beyond that the answer is 429, with Retry-After.
}
api-document = The OpenAPI 3.1 document
api-operations-heading = Operations
api-method = Method
api-path = Path
api-what = What it does
api-op-me = Who the token is for, and what it may do
api-op-list-programmes = The programmes you can see
api-op-get-programme = One programme
api-op-list-cohorts = A programme's cohorts
api-op-list-organisations = The organisations taking part in a programme
api-op-get-organisation = One organisation, with its innovation records
api-op-list-projects = A cohort's projects
api-op-get-project = One project, with its tools, test-and-learn cycles and readings
api-op-add-reading = Add a reading of a project's measure
api-op-list-benefits = A project's benefits ledger, every version of each line
api-op-add-benefit = Forecast or claim a benefit on a project's ledger
api-op-review-benefit = Verify a claimed benefit, ask the claimant a question, send it back for rework, or reject it
api-op-answer-query = Answer a reviewer's question about a claimed benefit: it is claimed again, and the reviewer is told
api-op-add-cycle = Begin a test-and-learn cycle on a project
api-op-get-impact = A programme's impact report
api-op-get-funder-return = A programme's funder return for a quarter: each indicator with the firms behind its count, and each firm's value of support
api-op-list-leads = Firms that asked to hear more after the health check
api-op-get-lead = One lead, with its health checks
api-op-change-lead = Change where a lead stands, and its notes
api-op-list-sessions = A cohort's sessions, with the register for its staff
api-op-record-attendance = Record a session's register
api-op-change-organisation-rate = Change an organisation's hourly rate, which values its claimed and forecast hours
api-op-add-post = Post in a cohort's space

## API errors

api-error-not-found = Not found, or not something this token may see.
api-error-bad-request = The request could not be understood.
api-error-bad-body = The body must be JSON in the shape the API describes.
api-error-control-characters = A text holds a control character (such as U+0000); only tab, carriage return and line feed are allowed, and only in the body.
api-error-forbidden = This token may not do that.
api-error-token = A valid personal access token is needed: Authorization: Bearer ymf_…
api-error-method = That method is not allowed here.
api-error-too-large = The request is too large.
api-error-internal = Something went wrong on our side. Nothing was changed.
api-error-invalid = Some fields were refused; each is named.
api-error-limit = The limit must be a whole number from 1 to 200.
api-error-cursor = That cursor is not one this API gave.
api-error-rate = Too many requests this minute. Try again shortly.
api-error-not-enrolled = That person is not taking part in this cohort.
api-error-twice = Each person may be marked only once.
api-error-review-changed = The line has changed since the version sent: read it again before you review it.
api-error-idempotency-key = The Idempotency-Key must be 1 to 255 visible ASCII characters.
api-error-idempotency-mismatch = That Idempotency-Key was already used for a different request. Use a new key for each change.
api-error-idempotency-pending = A request with that Idempotency-Key is still being acted on. Try again shortly.

## The mail queue

job-mail = Emails waiting to be tried again
mail-queue-title = Mail queue
mail-queue-intro = Every email is kept here until it is sent. If the mail server refuses one, it is tried again after 1, 5 and 15 minutes, then hourly and less often, up to eight times. A sent email's words are not kept.
mail-count-waiting = { $count ->
    [one] { $count } email waiting
   *[other] { $count } emails waiting
}
mail-count-sent = { $count ->
    [one] { $count } email sent in the last day
   *[other] { $count } emails sent in the last day
}
mail-count-given-up = { $count ->
    [one] { $count } email given up after eight attempts
   *[other] { $count } emails given up after eight attempts
}
mail-messages = Emails
mail-none = No emails in the last day.
mail-to = To
mail-subject = Subject
mail-state = State
mail-attempts = Attempts
mail-when = Sent, or next attempt
mail-error = Last error
mail-state-sent = Sent
mail-state-waiting = Waiting
mail-state-given-up = Given up
jobs-outcome-emails = { $sent } emails sent, { $failed } failed
jobs-outcome-mail = { $sent } sent, { $waiting } still waiting
jobs-outcome-followups = { $sent } follow-ups, { $reminded } reminders, { $rechecks } health checks to take again, { $forgotten } leads forgotten, { $failed } failed
jobs-outcome-failed = Failed: { $error }
