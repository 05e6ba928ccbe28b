-- Net additional impact (design.md, "Net additional impact"). Each programme's
-- additionality settings: deadweight, displacement, leakage and substitution
-- in hundredths of a percent (1250 is 12.50%), each with an optional low and
-- high for a range and where the figure comes from; and the persistence
-- profile, the share of the first-year value still counted in years 2 and 3.
-- A programme without a row has every setting at 0.
CREATE TABLE programme_additionality (
    programme_id           BIGINT PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
    deadweight_bp          BIGINT NOT NULL DEFAULT 0 CHECK (deadweight_bp BETWEEN 0 AND 10000),
    deadweight_low_bp      BIGINT CHECK (deadweight_low_bp BETWEEN 0 AND 10000),
    deadweight_high_bp     BIGINT CHECK (deadweight_high_bp BETWEEN 0 AND 10000),
    deadweight_source      TEXT NOT NULL DEFAULT '',
    displacement_bp        BIGINT NOT NULL DEFAULT 0 CHECK (displacement_bp BETWEEN 0 AND 10000),
    displacement_low_bp    BIGINT CHECK (displacement_low_bp BETWEEN 0 AND 10000),
    displacement_high_bp   BIGINT CHECK (displacement_high_bp BETWEEN 0 AND 10000),
    displacement_source    TEXT NOT NULL DEFAULT '',
    leakage_bp             BIGINT NOT NULL DEFAULT 0 CHECK (leakage_bp BETWEEN 0 AND 10000),
    leakage_low_bp         BIGINT CHECK (leakage_low_bp BETWEEN 0 AND 10000),
    leakage_high_bp        BIGINT CHECK (leakage_high_bp BETWEEN 0 AND 10000),
    leakage_source         TEXT NOT NULL DEFAULT '',
    substitution_bp        BIGINT NOT NULL DEFAULT 0 CHECK (substitution_bp BETWEEN 0 AND 10000),
    substitution_low_bp    BIGINT CHECK (substitution_low_bp BETWEEN 0 AND 10000),
    substitution_high_bp   BIGINT CHECK (substitution_high_bp BETWEEN 0 AND 10000),
    substitution_source    TEXT NOT NULL DEFAULT '',
    persistence_year2_bp   BIGINT NOT NULL DEFAULT 0 CHECK (persistence_year2_bp BETWEEN 0 AND 10000),
    persistence_year3_bp   BIGINT NOT NULL DEFAULT 0 CHECK (persistence_year3_bp BETWEEN 0 AND 10000),
    persistence_source     TEXT NOT NULL DEFAULT '',
    updated_at             TIMESTAMPTZ NOT NULL
);

-- A firm's answer at a follow-up, per project: would it have made this change
-- without the programme? It sets the project's deadweight (the latest answer
-- counts).
CREATE TABLE project_counterfactuals (
    followup_id  BIGINT NOT NULL REFERENCES followups (id) ON DELETE CASCADE,
    project_id   BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    answer       TEXT NOT NULL CHECK (answer IN ('not_at_all', 'later', 'smaller', 'the_same')),
    answered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (followup_id, project_id)
);
CREATE INDEX project_counterfactuals_project ON project_counterfactuals (project_id);
