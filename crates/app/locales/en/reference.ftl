## Names of coded values

deliverymode-in-person = In person
deliverymode-online = Online
deliverymode-blended = Blended

region-cardiff-capital = Cardiff Capital Region
region-swansea-bay = Swansea Bay
region-mid-wales = Mid Wales
region-north-wales = North Wales
region-outside-wales = Outside Wales

sessionkind-workshop = Workshop
sessionkind-site-visit = Site visit
sessionkind-action-learning-set = Action-learning set
sessionkind-masterclass = Masterclass
sessionkind-clinic = Clinic

attendance-present = Present
attendance-apologies = Apologies
attendance-absent = Absent

employee-band-micro = Micro (0–9 staff)
employee-band-small = Small (10–49 staff)
employee-band-medium = Medium (50–249 staff)
employee-band-large = Large (250 staff or more)

innovation-stage-entry = At entry
innovation-stage-end = At the end of the cohort
innovation-stage-follow-up-3 = Three months after
innovation-stage-follow-up-6 = Six months after
innovation-stage-follow-up-12 = Twelve months after

innovation-function-production = Production of goods or services
innovation-function-distribution-and-logistics = Distribution and logistics
innovation-function-marketing-and-sales = Marketing and sales
innovation-function-information-and-communication-systems = Information and communication systems
innovation-function-administration-and-management = Administration and management
innovation-function-product-and-process-development = Product and business process development

innovation-transition-became-active = Became innovation active
innovation-transition-stayed-active = Stayed innovation active
innovation-transition-stayed-inactive = Stayed not innovation active
innovation-transition-lapsed = No longer innovation active

impact-category-labour-time = Labour time
impact-category-materials = Materials
impact-category-energy = Energy
impact-category-waste-disposal = Waste disposal
impact-category-consumables = Consumables
impact-category-transport = Transport
impact-category-avoided-cost = Avoided cost
impact-category-new-revenue = New revenue
impact-category-other = Other

impact-savings-type-hard = Hard (visible in the accounts)
impact-savings-type-soft = Soft (capacity freed or cost avoided)

impact-frequency-one-off = Once
impact-frequency-weekly = Every week
impact-frequency-monthly = Every month
impact-frequency-quarterly = Every quarter
impact-frequency-annually = Every year

impact-status-forecast = Forecast
impact-status-claimed = Claimed
impact-status-verified = Verified
impact-status-queried = Queried: waiting for the claimant's answer
impact-status-returned = Returned for rework
impact-status-rejected = Rejected

impact-waste-level-prevention = Prevention
impact-waste-level-preparing-for-reuse = Preparing for re-use
impact-waste-level-recycling = Recycling
impact-waste-level-other-recovery = Other recovery
impact-waste-level-disposal = Disposal

## Filling in a tool
tool-error-required = This cannot be empty.
tool-error-number = Enter a number, such as 12 or 12.5.
tool-error-decimals = Use at most two decimal places.
tool-error-number-too-large = That number is too large.
tool-error-integer = Enter a whole number.
tool-error-min = Enter { $min } or more.
tool-error-max = Enter { $max } or less.
tool-error-choice = Choose one of the options.
tool-error-rating = Choose a rating from { $min } to { $max }.
tool-error-too-long = { $max ->
    [one] This must be { $max } character or fewer.
   *[other] This must be { $max } characters or fewer.
}
tool-error-too-many-rows = { $max ->
    [one] There can be at most { $max } row.
   *[other] There can be at most { $max } rows.
}
tool-error-lead-time-below-process-time = The lead time includes the process time, so it cannot be less than { $min }.
tool-quadrant-quick-win = Quick win
tool-quadrant-major-project = Major project
tool-quadrant-fill-in = Fill-in
tool-quadrant-thankless-task = Thankless task

## Checking a tool definition
toolkit-error-bound = A minimum or maximum is not a number.
toolkit-error-column-kind = A table column cannot be of this kind.
toolkit-error-computed-needs = The calculation this tool names needs fields it does not have.
toolkit-error-duplicate = Two fields have the same id.
toolkit-error-empty = A text that must be in both languages is empty.
toolkit-error-fractional-bound = A whole-number field has a bound with decimals.
toolkit-error-id-not-file-name = The tool's id does not match its file name.
toolkit-error-key-not-allowed = A setting is not allowed for this kind of field.
toolkit-error-min-above-max = The minimum is greater than the maximum.
toolkit-error-missing = A required setting is missing.
toolkit-error-no-columns = A table needs at least one column.
toolkit-error-not-identifier = An id must be lower-case letters, numbers and underscores.
toolkit-error-not-slug = The tool's id must be lower-case letters, numbers and hyphens.
toolkit-error-rating-scale = A rating scale must run from a lower to a higher whole number.
toolkit-error-too-few-options = A choice needs at least two options.
toolkit-error-unknown-computed = The calculation this tool names does not exist.
toolkit-error-unknown-kind = This kind of field does not exist.
toolkit-error-version = The version must be a whole number of 1 or more.
