# Funder returns: the quarterly return of each indicator with the firms behind
# it, the value of support against the minimal financial assistance limit, and
# the subsidy notice.

indicator-set-ukspf = UK Shared Prosperity Fund
indicator-set-eu = EU common indicators

evidence-rule-supported = Took part in the quarter: present at a session, or enrolled in a cohort running in it
evidence-rule-supported-hours-min = Took part in the quarter, with enough hours of support from registers and session lengths
evidence-rule-new-process-adopted = A test-and-learn cycle decided “adopt” in the quarter
evidence-rule-new-to-firm-product = Said in the quarter that it had a new or improved good or service, having said no at entry
evidence-rule-manual = Not in Ymarfer’s records: counted from the fund’s own evidence

subsidy-level-clear = Within the limit
subsidy-level-near = Nearing the limit
subsidy-level-over = Over the limit

audit-indicator-sets-changed = Indicator sets changed
audit-indicator-added = Indicator added

error-indicator-code = Enter a code of 2 to 20 letters, digits, hyphens or underscores.
error-indicator-names = Enter the indicator’s name in English and in Welsh.
error-indicator-hours = Enter the hours of support this indicator asks for, from 1 to 10,000.
error-indicator-rule = Choose how the indicator is counted.
error-indicator-code-shipped = That code is one of the indicators Ymarfer ships. Choose another.

returns-col-period = Quarter
returns-col-code = Code
returns-col-indicator = Indicator
returns-col-count = Firms counted
returns-col-firm = Firm
returns-col-firms = Firms behind the count
returns-col-companies-house = Companies House number
returns-col-hours = Hours of support in the quarter
returns-col-value = Value of support (£)
returns-col-level = Against the limit
returns-col-evidence = How it is counted
returns-col-notice = Notice
returns-value-of-support = Value of support
returns-sheet-indicators = Indicators
returns-sheet-firms = Firms counted
returns-sheet-support = Value of support

returns-title = Funder return: { $name }
returns-link = Funder return
returns-intro = Each indicator the programme reports against in { $period }, with the firms behind its count. A firm is counted once per indicator, whichever cohorts it took part in: by its Companies House number where it gave one, else by its record.
returns-period = Quarter of the financial year
returns-show = Show
returns-download-csv = Download the return as CSV
returns-download-xlsx = Download the return as a spreadsheet (XLSX)
returns-caption = Indicators for { $period }
returns-not-computed = Counted from the fund’s own evidence
returns-none = None
returns-hours-needed = At least { $hours } hours of support.
returns-support-heading = Value of support and the subsidy limit
returns-support-intro = Each firm’s share of the cost of the cohorts it took part in (each cohort’s share of the programme’s cost, split equally among its firms), over the financial years { $years }. Minimal financial assistance is limited to { $limit } per enterprise over the current financial year and the two before it; a firm at 80% of that or more is flagged.
returns-support-caption = Value of support per firm, financial years { $years }
returns-support-none = No firm received support in these years.
returns-warning-near = { $firm } is nearing the minimal financial assistance limit: { $value } of { $limit }.
returns-warning-over = { $firm } is over the minimal financial assistance limit: { $value } of { $limit }.
returns-notice-link = Subsidy notice for { $firm }

subsidy-notice-title = Minimal financial assistance notice: { $firm }
subsidy-notice-statement = { $programme } has given { $firm } support worth { $value } as minimal financial assistance under the Subsidy Control Act 2022.
subsidy-notice-funder = The programme is funded by { $funder }.
subsidy-notice-company = Companies House number: { $number }.
subsidy-notice-window = This is the value of the support the firm received from this programme in the financial years { $years } (the current financial year and the two before it), as on { $day }. It is the firm’s equal share of the cost of each cohort it took part in.
subsidy-notice-caption = Value of support by financial year
subsidy-notice-year = Financial year
subsidy-notice-total = Total
subsidy-notice-limit = An enterprise may receive at most { $limit } of minimal financial assistance over that period, from all sources together. Keep this notice: you may be asked to declare it when you apply for other minimal financial assistance.
subsidy-notice-print = Print this page to give the firm its notice.

indicators-title = Indicators reported: { $name }
indicators-link = Choose the indicators reported
indicators-sets = Indicator sets this programme reports against
indicators-sets-hint = With none chosen, the return shows every set.
indicators-added = Your fund’s own indicators
indicators-none-added = None added yet.
indicators-add = Add an indicator of your fund
indicators-add-button = Add indicator
indicators-code-hint = 2 to 20 letters, digits, hyphens or underscores, such as FUND-01.
indicators-choose-rule = Choose how it is counted
indicators-hours-hint = Only for an indicator counted by hours of support.
field-code = Code
field-rule = How it is counted
field-definition-en = Definition in English (optional)
field-definition-cy = Definition in Welsh (optional)
