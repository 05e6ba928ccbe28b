-- A programme's verified values in order, so that the median a claim is set
-- beside is read as an order statistic (a count, then the middle one or two
-- at an offset), not worked out from every verified line.
CREATE INDEX benefit_lines_ranked ON benefit_lines (programme_id, status, first_year_pence);
