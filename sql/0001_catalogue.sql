-- The catalogue: countries and their membership, goals, operational goals,
-- indicators and targets. Read by the public; changed only by seeding and by the
-- secretariat.

-- Membership periods of one country may not overlap: an exclusion constraint on
-- (country, period) needs btree_gist for the equality part.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE countries (
    code                char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name                text    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    region              text    NOT NULL CHECK (region IN ('Africa', 'Americas', 'Asia', 'Europe', 'Oceania')),
    -- false for user-assigned codes such as Kosovo's XK
    iso_official        boolean NOT NULL DEFAULT true,
    eu_member_at_launch boolean NOT NULL,
    founding_member     boolean NOT NULL,
    note                text,
    source              text
);

-- A country is a member on a day when one of its periods covers that day. A later
-- joiner whose joining date is not known has no period yet: it is listed, but not
-- expected to report until the secretariat records the date.
CREATE TABLE memberships (
    country   char(2) NOT NULL REFERENCES countries (code),
    joined_on date    NOT NULL,
    left_on   date,
    source    text,
    PRIMARY KEY (country, joined_on),
    CHECK (left_on IS NULL OR left_on > joined_on),
    EXCLUDE USING gist (country WITH =, daterange(joined_on, left_on) WITH &&)
);

CREATE TABLE goals (
    id         smallint PRIMARY KEY CHECK (id BETWEEN 1 AND 4),
    code       text NOT NULL UNIQUE CHECK (code ~ '^PT[1-4]$'),
    title      text NOT NULL,
    wording    text NOT NULL,
    -- as the reference gives it: C confirmed, M from memory, or C(short)/M(long)
    confidence text NOT NULL,
    source     text NOT NULL
);

CREATE TABLE operational_goals (
    code       text PRIMARY KEY CHECK (code ~ '^OG[1-4]\.[0-9]+$'),
    goal       smallint NOT NULL REFERENCES goals (id),
    wording    text NOT NULL,
    -- M rows are unverified working labels and are shown as such
    confidence char(1) NOT NULL CHECK (confidence IN ('C', 'M')),
    source     text,
    UNIQUE (code, goal),
    CHECK (substr(code, 3, 1)::smallint = goal)
);

CREATE TABLE indicators (
    code             text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{2,62}$'),
    goal             smallint NOT NULL REFERENCES goals (id),
    operational_goal text,
    name             text NOT NULL,
    unit             text NOT NULL,
    measure_kind     text NOT NULL CHECK (measure_kind IN ('flow', 'stock', 'ratio', 'duration', 'boolean')),
    definition       text NOT NULL CHECK (length(definition) >= 20),
    -- values outside this range need a justification in their note (SPEC §2)
    expected_min     numeric,
    expected_max     numeric,
    headline         boolean NOT NULL DEFAULT false,
    UNIQUE (code, goal),
    UNIQUE (code, measure_kind),
    FOREIGN KEY (operational_goal, goal) REFERENCES operational_goals (code, goal),
    CHECK (expected_min IS NULL OR expected_max IS NULL OR expected_min <= expected_max),
    CHECK (measure_kind <> 'ratio' OR (expected_min >= 0 AND expected_max <= 100))
);

CREATE TABLE targets (
    id               text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
    indicator        text NOT NULL REFERENCES indicators (code),
    operational_goal text REFERENCES operational_goals (code),
    scope            text NOT NULL CHECK (scope IN ('alliance', 'country')),
    country          char(2) REFERENCES countries (code),
    rule             text NOT NULL CHECK (rule IN ('annual_growth_at_least', 'level_at_least', 'level_at_most', 'true')),
    threshold        numeric,
    -- which figure the rule is tested against: a growth form, or a level aggregate
    basis            text NOT NULL CHECK (basis IN ('like_for_like', 'all_reporters', 'total', 'mean', 'median', 'share')),
    baseline_year    smallint CHECK (baseline_year BETWEEN 2000 AND 2100),
    description      text NOT NULL,
    source           text,
    CHECK ((scope = 'country') = (country IS NOT NULL)),
    CHECK ((rule = 'true') = (threshold IS NULL)),
    CHECK ((rule = 'annual_growth_at_least') = (basis IN ('like_for_like', 'all_reporters')))
);
