-- Reporting: tokens, cycles, commitments, reports and their immutable versions,
-- the append-only audit log, and idempotency keys.

-- Rows that must never change once written (report versions and their contents,
-- the audit log, releases) share one guard. A trigger holds for every role,
-- the table's owner included; only a superuser can switch it off.
CREATE FUNCTION reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TABLE tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SHA-256 of the secret; the secret itself is never stored
    token_hash   bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    role         text NOT NULL CHECK (role IN ('secretariat', 'country')),
    country      char(2) REFERENCES countries (code),
    label        text CHECK (length(label) <= 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CHECK ((role = 'country') = (country IS NOT NULL))
);

CREATE TABLE reporting_cycles (
    year       smallint PRIMARY KEY CHECK (year BETWEEN 2012 AND 2100),
    opens_on   date NOT NULL,
    due_on     date NOT NULL,
    locks_on   date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (opens_on <= due_on AND due_on <= locks_on)
);

CREATE TABLE cycle_required_indicators (
    year      smallint NOT NULL REFERENCES reporting_cycles (year),
    indicator text NOT NULL REFERENCES indicators (code),
    PRIMARY KEY (year, indicator)
);

-- Frozen when the cycle opens: the members on the cycle's due date.
CREATE TABLE cycle_expected_reporters (
    year    smallint NOT NULL REFERENCES reporting_cycles (year),
    country char(2)  NOT NULL REFERENCES countries (code),
    PRIMARY KEY (year, country)
);

-- A dated permission for one country to change a locked year's report.
CREATE TABLE lock_exceptions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year       smallint NOT NULL REFERENCES reporting_cycles (year),
    country    char(2)  NOT NULL REFERENCES countries (code),
    until      timestamptz NOT NULL,
    reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    granted_by bigint REFERENCES tokens (id),
    granted_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE commitments (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country           char(2)  NOT NULL REFERENCES countries (code),
    goal              smallint NOT NULL REFERENCES goals (id),
    operational_goal  text,
    indicator         text,
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description       text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    baseline_year     smallint CHECK (baseline_year BETWEEN 2000 AND 2100),
    baseline_value    numeric,
    target_year       smallint CHECK (target_year BETWEEN 2000 AND 2100),
    target_value      numeric,
    target_growth_pct numeric,
    demo              boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (operational_goal, goal) REFERENCES operational_goals (code, goal),
    FOREIGN KEY (indicator, goal) REFERENCES indicators (code, goal),
    CHECK ((baseline_year IS NULL) = (baseline_value IS NULL)),
    CHECK (target_value IS NULL OR target_growth_pct IS NULL),
    CHECK (target_year IS NULL OR baseline_year IS NULL OR target_year >= baseline_year)
);
CREATE INDEX commitments_country ON commitments (country);

-- One report per country and year. The row holds the mutable pointers; what was
-- filed lives in report_versions, which never change.
CREATE TABLE reports (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country            char(2)  NOT NULL REFERENCES countries (code),
    year               smallint NOT NULL REFERENCES reporting_cycles (year),
    status             text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    -- the newest version: the report's ETag
    current_version    integer NOT NULL CHECK (current_version >= 1),
    -- the version that counts in summaries; stays while an amendment is worked on
    accepted_version   integer CHECK (accepted_version >= 1 AND accepted_version <= current_version),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    accepted_at        timestamptz,
    demo               boolean NOT NULL DEFAULT false,
    UNIQUE (country, year),
    CHECK ((status = 'accepted') <= (accepted_version IS NOT NULL))
);

CREATE TABLE report_versions (
    report_id  bigint  NOT NULL REFERENCES reports (id),
    version    integer NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by bigint REFERENCES tokens (id),
    PRIMARY KEY (report_id, version)
);

-- A value is a number or a not-available reason, never both. The indicator's
-- measure kind is carried along (and checked against the catalogue by the foreign
-- key) so that the ranges below hold in the database itself.
CREATE TABLE report_values (
    report_id     bigint  NOT NULL,
    version       integer NOT NULL,
    indicator     text    NOT NULL,
    measure_kind  text    NOT NULL,
    value         numeric,
    not_available text CHECK (length(not_available) BETWEEN 1 AND 2000),
    note          text CHECK (length(note) <= 4000),
    source        text CHECK (length(source) <= 2000),
    nature        text NOT NULL DEFAULT 'reported' CHECK (nature IN ('reported', 'estimated')),
    PRIMARY KEY (report_id, version, indicator),
    FOREIGN KEY (report_id, version) REFERENCES report_versions (report_id, version),
    FOREIGN KEY (indicator, measure_kind) REFERENCES indicators (code, measure_kind),
    CHECK ((value IS NULL) <> (not_available IS NULL)),
    CHECK (value IS NULL OR CASE measure_kind
        WHEN 'flow'     THEN value >= 0 AND value = trunc(value)
        WHEN 'stock'    THEN value >= 0 AND value = trunc(value)
        WHEN 'ratio'    THEN value BETWEEN 0 AND 100
        WHEN 'duration' THEN value >= 0
        WHEN 'boolean'  THEN value IN (0, 1)
    END)
);

CREATE TABLE report_narratives (
    report_id       bigint   NOT NULL,
    version         integer  NOT NULL,
    goal            smallint NOT NULL REFERENCES goals (id),
    actions_taken   text NOT NULL DEFAULT '' CHECK (length(actions_taken) <= 20000),
    actions_planned text NOT NULL DEFAULT '' CHECK (length(actions_planned) <= 20000),
    PRIMARY KEY (report_id, version, goal),
    FOREIGN KEY (report_id, version) REFERENCES report_versions (report_id, version)
);

-- The report's pointers name versions that exist; checked at commit, since a new
-- report and its first version are written in one transaction.
ALTER TABLE reports
    ADD FOREIGN KEY (id, current_version) REFERENCES report_versions (report_id, version)
        DEFERRABLE INITIALLY DEFERRED,
    ADD FOREIGN KEY (id, accepted_version) REFERENCES report_versions (report_id, version)
        DEFERRABLE INITIALLY DEFERRED;

CREATE TRIGGER report_versions_immutable BEFORE UPDATE OR DELETE ON report_versions
    FOR EACH ROW EXECUTE FUNCTION reject_change();
CREATE TRIGGER report_values_immutable BEFORE UPDATE OR DELETE ON report_values
    FOR EACH ROW EXECUTE FUNCTION reject_change();
CREATE TRIGGER report_narratives_immutable BEFORE UPDATE OR DELETE ON report_narratives
    FOR EACH ROW EXECUTE FUNCTION reject_change();

-- Who did what, when, and why. Rows are only ever added.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_token bigint REFERENCES tokens (id),
    actor_role  text NOT NULL CHECK (actor_role IN ('secretariat', 'country', 'system')),
    action      text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    country     char(2) REFERENCES countries (code),
    year        smallint,
    entity      text NOT NULL,
    entity_id   text,
    old_value   jsonb,
    new_value   jsonb,
    reason      text
);
CREATE INDEX audit_log_country_year ON audit_log (country, year, at);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- A POST retried with the same key returns the first answer (SPEC §2).
CREATE TABLE idempotency_keys (
    token_id      bigint NOT NULL REFERENCES tokens (id),
    key           text   NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    method        text   NOT NULL,
    path          text   NOT NULL,
    request_hash  bytea  NOT NULL,
    status        smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
    location      text,
    response_body bytea  NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (token_id, key)
);
