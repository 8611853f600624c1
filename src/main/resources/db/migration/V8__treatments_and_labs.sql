-- Supplements and medicines the user takes or took (contract "Treatment fields"). A missing stopped date means
-- the user is still taking it. The checks repeat the form's rules so that no other path can store a dose
-- the pages cannot show.
CREATE TABLE treatment (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id    BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind        VARCHAR(10)  NOT NULL CONSTRAINT treatment_kind_code CHECK (kind IN ('supplement', 'medicine')),
    name        VARCHAR(100) NOT NULL,
    dose        VARCHAR(100) NULL,
    started     DATE         NOT NULL,
    stopped     DATE         NULL,
    notes       VARCHAR(500) NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- Optimistic locking, as for journal entries: a stale edit is refused, not silently applied.
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT treatment_stopped_after_started CHECK (stopped IS NULL OR stopped >= started)
);

-- The list (current first, then past) and the before/after read one owner's treatments by start date.
CREATE INDEX treatment_owner_started ON treatment (owner_id, started DESC, id DESC);

-- Blood test results as printed by the lab (contract "Lab result fields"). The value and the range are kept as
-- typed decimals (NUMERIC keeps "12.0" apart from "12"), with the unit the lab printed: the app never converts
-- units and never judges a value against a range of its own.
CREATE TABLE lab_result (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id     BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    test         VARCHAR(20)  NOT NULL CONSTRAINT lab_result_test_code CHECK (test IN ('ferritin', 'haemoglobin',
                     'vitamin-d', 'vitamin-b12', 'active-b12', 'folate', 'magnesium', 'tsh', 'hba1c', 'other')),
    name         VARCHAR(100) NULL,
    value        NUMERIC      NOT NULL CONSTRAINT lab_result_value_not_negative CHECK (value >= 0),
    unit         VARCHAR(20)  NOT NULL,
    range_low    NUMERIC      NULL,
    range_high   NUMERIC      NULL,
    result_date  DATE         NOT NULL,
    notes        VARCHAR(500) NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version      INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT lab_result_other_named CHECK (test <> 'other' OR name IS NOT NULL),
    CONSTRAINT lab_result_range_order CHECK (range_low IS NULL OR range_high IS NULL OR range_low <= range_high)
);

-- The list groups by test, newest first; the entry page asks for the latest result of a few tests.
CREATE INDEX lab_result_owner_test_newest ON lab_result (owner_id, test, result_date DESC, id DESC);
