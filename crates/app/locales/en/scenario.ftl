## The scenario planner

scenario-title = Scenario planner
scenario-link = Plan a scenario for scaling
scenario-lead = What would running this programme at another scale deliver? The projection rests on what this programme's own firms saved, as verified, and says how sure it can be.
scenario-assumptions = Assumptions
scenario-field-cohorts = Cohorts a year
scenario-field-size = Firms recruited into each cohort
scenario-field-cost = Cost of each cohort (£)
scenario-field-cost-hint = Everything a cohort costs to run, in pounds.
scenario-field-years = Years
scenario-field-not-innovating = Recruits not yet innovation active (%)
scenario-field-not-innovating-hint = In Wales, 72% of SMEs are not innovation active.
scenario-field-dropout = Firms that do not complete (%)
scenario-field-target = Share of Wales's non-innovating SMEs to reach (%)
scenario-field-target-hint = { $count ->
    [one] Wales has { $shown } non-innovating SME.
   *[other] Wales has { $shown } non-innovating SMEs.
}
scenario-project = Project
scenario-error-range = Enter a whole number from { $min } to { $max }.
scenario-projection = Projection
scenario-reached = Firms reached a year
scenario-completing = Firms completing a year
scenario-non-innovating = Non-innovating firms reached a year
scenario-per-firm = First-year savings per firm
scenario-savings-year = First-year savings of a year's firms
scenario-roi = Return on a year's cost
scenario-years-to-target = Time to reach the target share
scenario-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
scenario-never = Never: no non-innovating firms are reached
scenario-target-firms = { $count ->
    [one] { $shown } firm
   *[other] { $shown } firms
}
scenario-by-year = Year by year, so far
scenario-year = { $count ->
    [one] Year { $count }
   *[other] Year { $count }
}
scenario-year-col = Year
scenario-reached-col = Firms reached
scenario-non-innovating-col = Non-innovating
scenario-p10 = Savings, low (10th percentile)
scenario-median = Savings, middle
scenario-p90 = Savings, high (90th percentile)
scenario-cost-col = Cost
scenario-how = How this is worked out
scenario-how-first-year = Each year's firms are counted for their first year only; savings that last longer are not projected. Only firms that complete are counted as saving.
scenario-how-wales = Wales's SMEs are the counts by area entered by an administrator, or about 267,000 when none are; 72% of them are taken as not innovation active.
scenario-declined = This programme has { $have } organisations taking part; a projection needs at least { $need }. With fewer, nobody can say what a firm saves.
scenario-band = The middle and the range come from resampling the { $count } firms taking part here 10,000 times ({ $with } with verified savings; the others count as saving nothing, however far along they are). Each resample draws { $count } firms at random, with replacement, and takes the average firm's first-year savings: in 8 of every 10 resamples that average, times the { $completing } firms completing a year, came to between { $low } and { $high }.
scenario-net-band = Net of what would have happened anyway (the programme's additionality settings at their central values, and each firm's own answer where it gave one), the same resampling of all { $count } firms gives one year's first-year net savings of { $median } in the middle, and between { $low } and { $high } in 8 of every 10 resamples: a net return of { $roi }.
scenario-net-settings = The additionality settings and their sources
scenario-actuals-heading = What each cohort returned
scenario-actual-cohort = Cohort
scenario-actual-verified = Verified first-year savings
scenario-actual-share = Share of the cost
scenario-actual-roi = Return
scenario-actuals-within = The projection's middle return, { $roi }, is within the range of the cohorts' actual returns ({ $low } to { $high }).
scenario-actuals-outside = The projection's middle return, { $roi }, is outside the range of the cohorts' actual returns ({ $low } to { $high }): the assumptions above differ from how the programme has run, or its cohorts differ from one another more than the resampling shows.
scenario-actuals-none = No cohort has both verified savings and a share of the cost yet, so there is no actual return to set beside the projection.
