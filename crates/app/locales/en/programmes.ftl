## Navigation and common words
nav-programmes = Programmes
nav-organisations = Organisations
save = Save
choose = Choose…
yes = Yes
no = No
back-to-cohort = Back to the cohort

## Notices after an action
done-saved = Your changes have been saved.
done-team-added = They have been added to the team. If they had no account, an invitation is on its way.
done-invited = Done. If they had no account, an invitation is on its way in their language.
done-withdrawn = They have been withdrawn from the cohort. Their history is kept.
done-readmitted = They have been re-admitted to the cohort.
done-imported = The people in your file have been imported.
done-attendance = The register has been saved.

## Programmes
programmes-title = Programmes
programmes-none = You are not part of any programme yet.
programme-new-title = Start a programme
programme-edit-title = Edit the programme
programme-funded-by = Funded by { $funder }
programme-section-names = About the programme
programme-section-cost = Cost and valuation
programme-breakdown-hint = You can break the total down. The parts must not add up to more than the total.
programme-dates = Dates
cohorts-heading = Cohorts
cohorts-none = There are no cohorts yet.
team-heading = Programme team
team-add-heading = Add someone to the team
team-add-button = Add to the team

## Programme and cohort fields
field-name-en = Name in English
field-name-cy = Name in Welsh
field-slug = Short name for web addresses
field-slug-hint = Lower-case letters, numbers and hyphens, such as ceic-wales-2026. Leave it empty to make one from the English name.
field-description-en = Description in English
field-description-cy = Description in Welsh
field-funder = Funder, in English
field-funder-cy = Funder, in Welsh
programme-funder = Funder
field-starts-on = Start date
field-ends-on = End date
field-cost = Total cost in pounds
field-pounds-hint = In pounds, such as 49000 or 49,000.00.
field-cost-delivery = Delivery staff
field-cost-venues = Venues
field-cost-materials = Materials
field-cost-in-kind = In-kind contributions
field-hourly-rate = Default loaded hourly rate in pounds
field-hourly-rate-hint = Used to value hours saved when neither the saving nor the firm gives its own rate.
field-capture-factor = Time-saving capture factor
field-capture-factor-hint = The share of hours saved that counts as value, from 0.01 to 1. Use 1 to count every hour.
field-capacity = Places
field-delivery-mode = How the cohort meets
field-region = Region
field-cost-share = This cohort's share of the programme cost
field-cost-share-hint = Leave empty to share what the other cohorts' fixed shares leave of the cost equally. Once the cohort has verified savings its share is fixed, so that other cohorts never change its figures.
cohort-error-no-cost-left = The other cohorts' fixed shares take the whole programme cost, so an equal share would be nothing. Give this cohort its share of the cost, or lower another cohort's first.
cohort-shares-differ = The cohorts' shares add up to { $shares }, but the programme costs { $cost }. Each cohort's return on investment is worked on its own share.
field-role = Role
field-organisation = Organisation
field-organisation-none = No organisation
field-title = Title
field-session-kind = Kind of session
field-starts-at = Starts
field-ends-at = Ends
field-uk-time-hint = In UK time.
field-location = Place
field-online-url = Online link
field-agenda = Agenda
field-resources = Resources
field-markdown-hint = You can use Markdown: **bold**, lists with -, and links.
field-companies-house = Companies House number
field-companies-house-hint = Optional. Eight characters, such as 01234567 or SC123456.
field-sector = Sector (SIC 2007 section)
field-employee-band = Size
field-area = Principal area
field-org-hourly-rate = Loaded hourly rate in pounds
field-org-hourly-rate-hint = Optional. Wages plus on-costs for a typical hour of staff time at this firm.
field-asked-on = Date asked

## Cohorts
cohort-new-title = Add a cohort
cohort-edit-title = Edit the cohort
cohort-participants = Participants
cohort-people-count = { $count } participants
cohort-organisations = Organisations
cohort-attendance = Attendance
cohort-cost-share = Share of cost
cohort-people-heading = People
cohort-people-none = Nobody has been enrolled yet.
cohort-counts-only = { $people ->
    [one] { $people } participant is enrolled.
   *[other] { $people } participants are enrolled.
} Names are shown only to the cohort's members and staff.
cohort-staff-heading = Facilitators and observers
cohort-invite-heading = Invite or enrol someone
person-unnamed = (no name yet)
person-withdraw = Withdraw
person-withdrawn = Withdrawn
person-readmit = Re-admit
export-people = Download people as CSV

## Sessions
sessions-heading = Sessions
sessions-none = No sessions have been scheduled yet.
session-new-title = Schedule a session
session-edit-title = Edit the session
session-when = When
session-present = Present
register-heading = Attendance register
register-everyone = Mark everyone present
register-hint = People already marked keep their mark. Then change the exceptions: one tap records a late arrival, an apology or an absence.
register-unmarked = Not marked

## Action-learning sets
set-heading = Action-learning set
sets-title = Action-learning sets
sets-intro = Sets of four to seven participants meet to work on each other's challenges.
sets-propose = Propose sets automatically
sets-propose-hint = This replaces the current sets with new ones that mix sectors and balance sizes.
sets-default-name = Set { $number }
sets-size = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
sets-size-warning = A set works best with four to seven members.
sets-unplaced = Not in a set
sets-move-heading = Move people between sets
sets-move = Move
sets-none = No set

## Calendars
calendar-heading = Calendar link
calendar-cohort-intro = A secret link to this cohort's sessions, to add to Outlook, Google Calendar or Apple Calendar. Anyone with the link can see the sessions, so share it with care.
calendar-person-intro = A secret link to the sessions of all your cohorts, to add to your calendar app. Making a new link stops the old one working.
calendar-link-made = Here is your new link. Copy it now: it will not be shown again.
calendar-link = Calendar link
calendar-new-link = Make a new calendar link
calendar-revoke = Stop my calendar link working
profile-calendar-revoked = Your calendar link no longer works.

## Import
import-title = Import people from CSV
import-preview-title = Check before importing
import-intro = Upload a CSV file saved as UTF-8, one person per row, with these columns. Nothing is saved until you have checked the preview and confirmed.
import-file = CSV file
import-progress = Upload progress
import-check = Check the file
import-confirm = Import everyone
import-send-invitations = Send each new person an invitation by email
import-ready = { $count ->
    [one] { $count } person is ready to import.
   *[other] { $count } people are ready to import.
}
import-preview-first = The first { $shown } lines are listed below; all of them are checked and will be imported.
import-line-heading = Line
import-line = Line { $line }:
import-problems-heading = The file cannot be imported
import-nothing-written = Nothing has been saved. Correct these lines and upload the file again.
import-error-unreadable = The file could not be read as CSV: { $value }
import-error-columns = The first line must name the columns. Missing: { $value }.
import-error-empty = The file has no people in it.
import-error-missing = { $column } is empty.
import-error-email = { $column } “{ $value }” is not an email address.
import-error-duplicate = This email address is already on line { $line }.
import-error-too-long = { $column } is too long.
import-error-language = { $column } must be en (English) or cy (Welsh), not “{ $value }”.
import-error-company-number = { $column } “{ $value }” is not a Companies House number.
import-error-sector = { $column } “{ $value }” is not a SIC 2007 section (A to U).
import-error-band = { $column } “{ $value }” must be micro, small, medium or large (in Welsh: meicro, bach, canolig or mawr).
import-error-area = { $column } “{ $value }” is not a Welsh principal area or “Outside Wales”.
import-error-money = { $column } “{ $value }” is not an amount in pounds.
import-error-rate-too-large = { $column } “{ $value }” is more than an hourly rate may be ({ $max }).
import-error-encoding = { $column } is not in UTF-8. Save the file as “CSV UTF-8” and try again.
import-error-enrolled = { $email } is already enrolled in this cohort.
import-column-email = The email
import-column-name = The name
import-column-language = The language
import-column-organisation = The organisation
import-column-companies-house = The Companies House number
import-column-sector = The sector
import-column-employee-band = The size
import-column-area = The area
import-column-hourly-rate-gbp = The hourly rate

## Organisations
organisations-title = Organisations
organisations-none = No organisations have been added yet.
organisations-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
organisation-new-title = Add an organisation
organisation-edit-title = Edit the organisation
organisation-active-at-entry = Innovation active at entry
organisation-rate-programme = The programme's default
innovation-heading = Innovation status
innovation-none = The innovation questions have not been asked yet.
innovation-stage = When
innovation-active = Innovation active
innovation-broader = Broader innovator
innovation-entry-heading = Innovation in the last three years (at entry)
innovation-entry-intro = Tick each that is true of the organisation over the last three years.
innovation-q1 = It introduced a new or significantly improved good or service.
innovation-q2 = It brought into use a new or significantly improved business process.
innovation-q3 = It had innovation work under way, or abandoned.
innovation-q4 = It spent on R&D, training, outside knowledge, or equipment or software for innovation.

## Home
home-no-cohort = You are not in a cohort yet. When a programme manager or facilitator adds you, your cohort will appear here.
home-next-session = Next session
home-no-next-session = No session is scheduled yet.
home-what-next = What to do next
home-what-next-participant = Pick a real process problem in your own firm to work on, and bring what you know about it to your next session.

## More validation messages
error-required = This cannot be empty.
error-too-long = { $max ->
    [one] This must be { $max } character or fewer.
   *[other] This must be { $max } characters or fewer.
}
error-date-invalid = Enter a real date.
error-datetime-invalid = Enter a real date and time.
error-end-before-start = The end must come after the start.
error-money-negative = The amount cannot be less than zero.
error-breakdown-exceeds-cost = The parts of the cost add up to more than the total.
error-rate-zero = The hourly rate must be more than zero.
error-capture-factor = Enter a number from 0.01 to 1, such as 0.8.
error-slug = Use lower-case letters, numbers and single hyphens, such as cohort-1.
error-slug-taken = That short name is already in use. Choose another.
error-choose-one = Choose one of the options.
error-whole-number = Enter a whole number from { $range }.
error-url = Enter a web address starting with https://.
error-company-number = Enter a Companies House number such as 01234567 or SC123456.
error-organisation-exists = This programme already has an organisation with this name.
error-organisation-needed = Choose the participant's organisation, or add it first.
error-hours-invalid = Enter hours as a number with at most two decimals, such as 1.5.
error-capture-factor-invalid = Enter a number from 0 to 1, such as 0.8.
error-quantity-invalid = Enter a quantity that is not negative, with at most three decimals.
innovation-record = Record the answers again
organisation-savings = First-year savings across its projects
organisation-exists = This programme holds a record of this organisation already, so here it is. Check its details are still right.
organisation-edit-named = Edit { $name }
field-programme = Programme
pager-label = Pages
pager-previous = Previous page
pager-next = Next page
error-cohort-before-programme = A cohort cannot start before its programme does ({ $date }).
error-cohort-after-programme = A cohort cannot end after its programme does ({ $date }).
cohort-share-change-heading = Check the change to this cohort's share of the cost
cohort-share-change = Its share of the cost goes from { $before } to { $after }, so its verified return on investment goes from { $roi_before } to { $roi_after }. Nothing has been saved yet.
cohort-share-confirm = Save with the new share
home-step-tool = apply a first tool to the problem
home-step-cycle = plan a test-and-learn cycle
home-step-measure = record a reading, or test the next change
home-needs-attention = Needs your attention
home-claims-waiting = { $count ->
    [one] { $count } claimed saving to verify
   *[other] { $count } claimed savings to verify
}
home-registers = { $count ->
    [one] { $count } register to take
   *[other] { $count } registers to take
}
home-quiet-projects = { $count ->
    [one] { $count } project has gone quiet
   *[other] { $count } projects have gone quiet
}
