-- Publication: frozen summary releases, and the reference series of published
-- statistics (ICSE, NCMEC, IWF, INHOPE) with their sources and caveats.

-- Release n of a year's summary, as it was computed when published. Never changed:
-- a correction is a new release.
CREATE TABLE summary_releases (
    year          smallint NOT NULL REFERENCES reporting_cycles (year),
    release       integer  NOT NULL CHECK (release >= 1),
    published_at  timestamptz NOT NULL DEFAULT now(),
    embargo_until timestamptz,
    published_by  bigint REFERENCES tokens (id),
    note          text CHECK (length(note) <= 2000),
    -- true when the summary was computed from made-up demo reports
    demo          boolean NOT NULL DEFAULT false,
    summary       jsonb NOT NULL,
    PRIMARY KEY (year, release)
);
CREATE TRIGGER summary_releases_immutable BEFORE UPDATE OR DELETE ON summary_releases
    FOR EACH ROW EXECUTE FUNCTION reject_change();

CREATE TABLE reference_series (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{2,62}$'),
    name        text NOT NULL,
    publisher   text NOT NULL,
    unit        text NOT NULL,
    -- cumulative series are milestones of a running total, not yearly counts
    cumulative  boolean NOT NULL,
    caveat      text
);

-- One published figure. `period` keeps the reference's qualifier ("1 Mar", "H1",
-- "c.") rather than rounding it into another year. Observations of one series with
-- different `counting` are not comparable: a chart or a growth figure must not
-- join them into one line.
CREATE TABLE reference_observations (
    series       text     NOT NULL REFERENCES reference_series (code),
    year         smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    period       text     NOT NULL DEFAULT '',
    value        numeric  NOT NULL CHECK (value >= 0),
    counting     text     NOT NULL,
    detail       text,
    -- C confirmed in the cited source, D derived arithmetically from a confirmed figure
    confidence   char(1)  NOT NULL CHECK (confidence IN ('C', 'D')),
    confidence_note text,
    sources      text[]   NOT NULL CHECK (cardinality(sources) >= 1),
    PRIMARY KEY (series, year, period)
);
