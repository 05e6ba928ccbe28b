## Layout
skip-to-content = Skip to main content
switch-language = Cymraeg
nav-label = Main menu
nav-home = Home
nav-profile = Your profile
nav-notices = Notices
nav-admin-users = People
nav-sign-in = Sign in
nav-sign-out = Sign out
footer-about = Ymarfer helps communities of practice turn what small firms learn into changes that last, in Welsh and English.
footer-signed-in-as = Signed in as { $name }.
form-error-summary = There is a problem
title-refused = Error:

## Home
home-title = Home
home-heading = Learn by doing, together
home-lead = Ymarfer runs programme communities of practice: staff from small firms apply innovation tools to a real problem in their own business, test changes, learn from each other and record what they saved.
home-how-heading = How a programme works
home-how-1 = Join a cohort with staff from other small firms across Wales.
home-how-2 = Choose a real process problem in your own firm and apply the toolkit to it.
home-how-3 = Test a change, measure it, and decide whether to adopt, adapt or abandon it.
home-how-4 = Record what it saved, so that your firm and your funders can see the difference.
home-welcome-back = Welcome back, { $name }.

## Fields
field-email = Email address
field-password = Password
field-name = Name
field-name-optional = Name (optional)
field-new-password = New password
field-confirm-password = Type the new password again
field-current-password = Current password
table-scrolls = This table is wider than the screen: scroll it sideways to see every column.
field-language = Language
password-hint = Use at least 10 characters. A few unrelated words make a strong password that is easy to remember.
language-en = English
language-cy = Welsh

## Signing in
sign-in-title = Sign in
sign-in-password-heading = Sign in with your password
sign-in-button = Sign in
sign-in-forgot = Forgotten your password?
sign-in-link-heading = Or get a sign-in link by email
sign-in-link-intro = We will email you a link that signs you in once, within 15 minutes.
sign-in-link-request = Email me a sign-in link
sign-in-link-sent-title = Check your email
sign-in-link-sent = If { $email } has an account, we have sent it a sign-in link. The link works once, within 15 minutes.
sign-in-link-title = Sign in to Ymarfer
sign-in-link-confirm = Press the button to finish signing in on this device.
sign-in-link-button = Continue to sign in
link-invalid-title = This link no longer works
link-invalid = The link has expired or has already been used. Links work once and only for a short time. You can ask for a new one.

## Passwords
reset-title = Reset your password
reset-intro = Enter the email address of your account and we will send you a link to choose a new password.
reset-button = Send me a reset link
reset-sent-title = Check your email
reset-sent = If { $email } has an account, we have sent it a link to choose a new password. The link works once, within an hour.
reset-choose-title = Choose a new password
reset-choose-intro = Choose a new password for { $email }. You will be signed out on every other device.
invitation-title = Accept your invitation
invitation-intro = You have been invited to Ymarfer as { $email }. Tell us your name and choose a password to finish setting up your account.
setup-title = Set up Ymarfer
setup-intro = Create the first administrator account for this Ymarfer site.
set-password-button = Save and sign in

## Profile
profile-title = Your profile
profile-saved = Your profile has been saved.
profile-password-changed = Your password has been changed.
profile-session-ended = That session has been signed out.
profile-details-heading = Your details
profile-email = Your email address is { $email }.
profile-save = Save your details
profile-password-heading = Change your password
profile-password-ends = Changing your password signs you out on every other device and revokes all your API tokens: programs that use them will need new ones.
profile-password-button = Change password
profile-sessions-heading = Where you are signed in
profile-sessions-count = { $count ->
    [one] You are signed in on { $count } device.
   *[other] You are signed in on { $count } devices.
}
profile-session-device = Device
profile-session-started = Signed in
profile-session-last-seen = Last active
profile-session-actions = Actions
profile-session-this = this device
profile-session-end = Sign out
profile-session-unknown-device = Unknown device
profile-sign-out-everywhere = Sign out everywhere

## Administration
admin-users-title = People
admin-invite-heading = Invite someone
admin-invite-language = Language for their invitation and emails
admin-invite-button = Send invitation
admin-invited = An invitation has been sent to { $email }.
admin-users-heading = Everyone with an account
admin-user-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
admin-users-status = Status
admin-users-joined = Added
admin-users-admin = Administrator
admin-users-active = Active
admin-users-invited = Invited

## Roles
role-programme-manager = Programme manager
role-facilitator = Facilitator
role-participant = Participant
role-observer = Observer

## Validation messages
error-email-empty = Enter your email address.
error-email-invalid = Enter an email address in the correct format, like name@example.co.uk.
error-email-taken = Someone already has an account with this email address.
error-password-empty = Enter your password.
error-password-too-short = The password must be at least 10 characters long.
error-password-too-long = The password must be 256 characters or fewer.
error-password-same-as-email = The password must not be your email address.
error-password-mismatch = The two passwords do not match. Type the same password twice.
error-password-current = Your current password is not right.
error-sign-in-failed = The email address or password is not right.
error-throttled = There have been too many attempts to sign in. Wait 15 minutes and try again, or ask for a sign-in link.
error-name-empty = Enter your name.
error-name-too-long = The name must be 100 characters or fewer.
error-language-invalid = Choose English or Welsh.
error-money-invalid = Enter an amount in pounds, like 1250 or 1,250.50.
error-number-too-large = Enter { $max } at most.

## Error pages
error-status = Error code: { $code }
error-go-home = Go to the home page
error-bad-request = Something in that request was not right
error-bad-request-detail = The form could not be read. Go back, check what you entered and try again.
error-page-link = That link to a page of the list was not right
error-page-link-detail = The link named no place in the list, perhaps because it was changed or cut short. Go back to the start of the list and page through from there.
error-too-many = Too many tries
error-too-many-detail = There have been too many tries from here at codes that open nothing. Wait 15 minutes, then check the code on the screen and try again.
error-control-characters = That request held characters that cannot be used
error-control-characters-detail = What was sent held an invisible control character (such as a null character), which text in Ymarfer cannot contain. Go back, remove it (retyping the text usually does) and try again.
error-sign-in = Sign in to continue
error-sign-in-detail = You need to sign in to see this page.
error-forbidden = You do not have access to this page
error-forbidden-detail = Your account does not have permission to see or change this. If you think it should, ask your programme manager.
error-not-found = Page not found
error-not-found-detail = If you typed the web address, check it is correct. If you followed a link, it may be out of date.
error-method = That action is not available here
error-method-detail = This page cannot do what was asked of it. Go back and try again.
error-csrf = Your form has expired
error-csrf-detail = For your security, forms only work on the page they came from. Go back, reload the page, and send the form again.
error-too-large = That was too large
error-too-large-detail = What you sent is larger than Ymarfer accepts. Try a smaller file.
error-internal = Sorry, something went wrong
error-internal-detail = Nothing you did caused this, and nothing you entered was saved half-way. Try again in a few minutes.

## Emails
email-greeting = Dear { $name },
email-signature = Ymarfer
email-sign-in-subject = Your Ymarfer sign-in link
email-sign-in-body =
    Use this link to sign in to Ymarfer. It works once, within 15 minutes:

    { $link }

    If you did not ask to sign in, you can ignore this email.
email-reset-subject = Reset your Ymarfer password
email-reset-body =
    Use this link to choose a new password for Ymarfer. It works once, within an hour:

    { $link }

    If you did not ask to reset your password, you can ignore this email and your password will stay the same.
email-invitation-cohort-subject = You are invited to the cohort { $cohort }
email-invitation-cohort = You have a place in the cohort { $cohort }.
email-invitation-cohort-starts = You have a place in the cohort { $cohort }, which starts on { $date }.
email-invitation-subject = You are invited to Ymarfer
email-invitation-body =
    You have been invited to join Ymarfer, where communities of practice help small firms innovate.
    Use this link within 7 days to choose a password and start:

    { $link }

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
error-mail-failed = The email could not be sent
error-mail-failed-detail = Nothing has been saved. Please try again in a few minutes; if it keeps happening, tell your administrator.
admin-index-title = Administration
admin-index-intro = What you look after for the whole of Ymarfer.
admin-index-users = Add people, invite them, suspend or erase an account.
admin-index-leads = Firms that asked to join without choosing a programme: send each to one.
admin-index-programmes = Every programme, and the people who run it.
admin-index-jobs = The scheduled jobs (reminders, follow-ups, backups) and how each last went.
admin-index-mail = Emails waiting to go, sent, or given up on.
admin-index-audit = Who did what, and when, across every programme.
admin-index-smes = How many small firms each area has, for the scenario planner.
nav-admin = Administration
home-administrator = You look after Ymarfer as a whole rather than a cohort:
home-showcase-heading = What firms like yours changed
home-showcase-lead = Projects firms chose to share: the problem, what they tried, and what it saved.
home-showcase-projects = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
admin-users-pages = Pages of people
error-too-fast = Too many pages asked for too quickly
error-too-fast-detail = So many requests came from your network so quickly that we have slowed it down, to keep the health check quick for everyone. Wait a minute, then go back and carry on; your answers are kept.
