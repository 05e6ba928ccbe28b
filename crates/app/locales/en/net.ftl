# Net additional impact: the additionality settings, the follow-up question,
# and gross beside net on the dashboard and in the reports.

error-percent-invalid = Enter a percentage from 0 to 100 with at most two decimals, such as 12.5.
error-additionality-range = The low value must be no more than the value, and the high value no less.
audit-additionality-changed = Additionality settings changed

counterfactual-not-at-all = Not at all
counterfactual-later = Yes, but later
counterfactual-smaller = Yes, but on a smaller scale
counterfactual-the-same = Yes, just the same

followup-counterfactual = Would you have made this change without the programme? ({ $project })
followup-counterfactual-hint = For each project: this tells the funder how much of the saving the programme made happen. Leave it blank if you are not sure.

net-heading = Gross and net additional impact
net-caption = Verified savings before and after deadweight, displacement, leakage and substitution
net-gross = Gross
net-net = Net
net-first-year = First-year value
net-year2 = Year 2
net-year3 = Year 3
net-roi = Return on investment
net-roi-range = Net return on investment, range
net-roi-range-value = { $low } to { $high }
net-value-range = Net first-year value, range
net-value-range-value = { $low } to { $high }
net-range-low = Net, low end of the range
net-range-high = Net, high end of the range
net-assumptions = Assumptions and their sources
net-assumption = Assumption
net-value = Value
net-value-pct = Value (%)
net-low-pct = Low (%)
net-high-pct = High (%)
net-range = Range
net-source = Source
net-no-source = No source given
net-deadweight = Deadweight
net-displacement = Displacement
net-leakage = Leakage
net-substitution = Substitution
net-persistence-year2 = Still counted in year 2
net-persistence-year3 = Still counted in year 3
net-firm-deadweight-projects = Projects with the firm's own deadweight
net-method-note = Net = each verified line × (1 − deadweight) × (1 − displacement) × (1 − leakage) × (1 − substitution), rounded to the penny per line, then added up (HM Treasury Green Book additionality guidance). A project's deadweight is its firm's answer at a follow-up where given (not at all 0%, later 50%, smaller 50%, the same 100%), otherwise the programme's.
net-firm-deadweight = { $count ->
    [one] { $count } project uses its firm's own answer for deadweight.
   *[other] { $count } projects use their firm's own answer for deadweight.
}
net-forecast-accuracy = Forecast accuracy
net-forecast-accuracy-value = { $accuracy }: verified lines that began as forecasts are worth { $verified } against the { $forecast } first forecast ({ $lines } lines).
net-forecast-lines = Lines
net-forecast-verified = Verified first-year value
net-forecast-original = First forecast first-year value
net-all = All
net-change-settings = Change the additionality settings

additionality-title = Additionality settings
additionality-page-title = Additionality settings: { $name }
additionality-intro = These settings take the programme's verified savings from gross to net additional impact. Give each as a percentage with up to two decimals, and say where the figure comes from.
additionality-range-hint = Give a low and a high value where you have them: the dashboard then shows the range of the net figures.
additionality-deadweight-hint = The share of the savings that would have happened anyway, without the programme. A firm's own answer at a follow-up takes its place for that firm's project.
additionality-displacement-hint = The share of the savings that is taken from other firms in the area.
additionality-leakage-hint = The share of the benefit that goes to people or places outside the area the programme serves.
additionality-substitution-hint = The share where a firm swaps one activity for a similar one to take part.
additionality-value = Value (%)
additionality-low = Low (%)
additionality-high = High (%)
additionality-percent-hint = A percentage from 0 to 100, such as 12.5.
additionality-source = Source
additionality-source-hint = For example: Programme business case, 2025.
additionality-persistence = Persistence
additionality-persistence-hint = The share of each line's net first-year value still counted in the second and third years.
additionality-back = Back to the impact dashboard

xlsx-sheet-net = Gross and net
xlsx-col-measure = Measure

csv-gross-first-year-pence = Gross first-year value, verified (pence)
csv-net-first-year-pence = Net additional first-year value (pence)
csv-net-year2-pence = Net value still counted in year 2 (pence)
csv-net-year3-pence = Net value still counted in year 3 (pence)
csv-net-low-pence = Net first-year value, low end of the range (pence)
csv-net-high-pence = Net first-year value, high end of the range (pence)
csv-roi-gross = Gross return on investment (to 1)
csv-roi-net = Net return on investment (to 1)
csv-roi-net-low = Net return on investment, low end of the range (to 1)
csv-roi-net-high = Net return on investment, high end of the range (to 1)
csv-assumption-value = { $setting } (%)
csv-assumption-low = { $setting }, low (%)
csv-assumption-high = { $setting }, high (%)
csv-assumption-source = { $setting }: source
csv-persistence-year2-pct = Share still counted in year 2 (%)
csv-persistence-year3-pct = Share still counted in year 3 (%)
csv-persistence-source = Persistence: source
csv-projects-with-firm-deadweight = Projects with the firm's own deadweight
csv-forecast-lines = Verified lines that began as forecasts
csv-forecast-lines-verified-pence = Their verified first-year value (pence)
csv-forecast-lines-forecast-pence = Their first forecast first-year value (pence)
csv-forecast-accuracy-pct = Forecast accuracy (%)
csv-forecast-accuracy-cohort = Forecast accuracy in { $cohort } (%)
comparison-heading = Compared with firms that did not join
comparison-intro = The change in the share of firms that are innovation active, for participants (from entry to the follow-up 6 or 12 months after their cohort ended) and for a comparison pool: firms that took the innovation health check, agreed to take it again, and did not join a cohort (from their first check to the check taken again 6 or 12 months later). Only firms with both answers count.
comparison-caption = Innovation-active share { $months } months on: participants and the comparison pool
comparison-col-group = Group
comparison-col-firms = Firms with both answers
comparison-col-before = Share before
comparison-col-after = Share { $months } months on
comparison-col-change = Change (percentage points)
comparison-participants = Participants
comparison-pool = Comparison pool
comparison-did = Difference in differences at { $months } months: { $points } percentage points (the participants' change less the comparison pool's).
comparison-withheld = Not shown at { $months } months: each group needs at least { $min } firms with both answers, and there are { $participants } participants and { $pool } firms in the comparison pool. Small groups give figures that mislead and could identify a firm.
comparison-limits = What this can and cannot say: firms chose to join, or not, so the two groups may differ in ways that matter (self-selection); every answer is the firm's own (self-report); the groups are small, so a few firms move the shares a lot; and firms were not assigned at random, so the difference does not prove that the programme caused it. The participants' span runs from entry to months after their cohort ended, longer than the pool's.
