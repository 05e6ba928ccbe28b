-- Funder returns. The indicator sets a programme reports against (a programme
-- with none chosen reports against every shipped set), and indicators a
-- programme's managers add for their own fund, each counted by one of the
-- evidence rules Ymarfer computes from its records.
CREATE TABLE programme_indicator_sets (
    programme_id  INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    indicator_set TEXT NOT NULL CHECK (indicator_set IN ('ukspf', 'eu')),
    PRIMARY KEY (programme_id, indicator_set)
);

CREATE TABLE programme_indicators (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    code          TEXT NOT NULL,
    rule          TEXT NOT NULL CHECK (rule IN ('supported', 'supported_hours_min', 'new_process_adopted',
                                                'new_to_firm_product', 'manual')),
    hours         INTEGER CHECK (hours BETWEEN 1 AND 10000),
    name_en       TEXT NOT NULL,
    name_cy       TEXT NOT NULL,
    definition_en TEXT NOT NULL DEFAULT '',
    definition_cy TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    UNIQUE (programme_id, code)
);
