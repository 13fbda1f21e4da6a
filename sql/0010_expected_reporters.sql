-- Expected reporters change (issue 10): before a cycle opens they follow the
-- memberships on its due date, recomputed on every membership change and every PUT
-- of the cycle; the secretariat adds or removes a country explicitly, with a reason.
-- Each entry says where it comes from; an explicit removal is kept, so that a
-- recompute does not bring the country back. Rows already there came from the
-- memberships when their cycle was created.
ALTER TABLE cycle_expected_reporters
    ADD COLUMN source   text NOT NULL DEFAULT 'membership' CHECK (source IN ('membership', 'explicit')),
    ADD COLUMN reason   text CHECK (length(reason) BETWEEN 1 AND 2000),
    ADD COLUMN added_by bigint REFERENCES tokens (id),
    ADD COLUMN added_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT cycle_expected_reporters_explicit_reason CHECK ((source = 'explicit') = (reason IS NOT NULL));

UPDATE cycle_expected_reporters e SET added_at = c.created_at FROM reporting_cycles c WHERE c.year = e.year;

-- A country the secretariat took off a year's list, and why. Deleted again when the
-- country is added back explicitly.
CREATE TABLE cycle_expected_removals (
    year       smallint NOT NULL REFERENCES reporting_cycles (year),
    country    char(2)  NOT NULL REFERENCES countries (code),
    reason     text     NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    removed_by bigint REFERENCES tokens (id),
    removed_at timestamptz NOT NULL,
    PRIMARY KEY (year, country)
);
