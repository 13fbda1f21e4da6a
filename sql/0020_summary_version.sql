-- The live summary's data version (issue 14): one counter that every change able to
-- alter a year's live summary moves, in the same transaction as the change, so that
-- the service may serve a repeat from memory while the counter reads the same. The
-- triggers below move it: no code path (a route, the import, the demo, the owner's
-- own SQL) can forget to. A reader reads the counter before the figures: a change
-- committed between the two is then seen by the figures and kept under the older
-- counter, which the next read no longer asks for; never the reverse.
CREATE TABLE summary_data_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL DEFAULT 1
);
INSERT INTO summary_data_version DEFAULT VALUES;

-- The service reads the counter; only the triggers' function (running as the owner)
-- moves it, so the service's role needs no UPDATE on it.
GRANT SELECT ON summary_data_version TO alliance_app;

-- Once per transaction: the row triggers below are deferred to the commit, so that the
-- counter's one row is locked only while a transaction commits, when it waits for
-- nothing else. Taken at the first change instead, it would be held across the
-- whole transaction (an import of fifty reports), queueing every review and
-- submission behind it, and taken after row and advisory locks in one transaction but
-- before them in another, a deadlock.
CREATE FUNCTION bump_summary_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF current_setting('alliance.summary_version_moved', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('alliance.summary_version_moved', 'yes', true);
        UPDATE summary_data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION bump_summary_version() FROM PUBLIC;

-- Values and narratives are append-only and count only through a report's
-- accepted_version: a new draft's rows move nothing (so that filing does not queue on
-- the counter's row), rows added to a version that already counts do.
CREATE FUNCTION bump_summary_version_if_accepted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    -- rare (a version is accepted after its rows are written): at once, not deferred
    IF EXISTS (SELECT 1 FROM added a JOIN reports r ON r.id = a.report_id AND r.accepted_version = a.version) THEN
        UPDATE summary_data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION bump_summary_version_if_accepted() FROM PUBLIC;

-- Read by the summary as a whole: any row changed moves the counter, at commit; a
-- TRUNCATE (the owner's alone) at once.
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON countries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON countries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON goals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON goals
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON indicators
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON targets
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON reporting_cycles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON reporting_cycles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON cycle_required_indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON cycle_required_indicators
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON cycle_expected_reporters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON cycle_expected_reporters
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE ON commitments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON commitments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();

-- reports: a new report, or a change of what the summary reads of one (the version
-- that counts, the first submission, the status, the demo flag). A draft saved again
-- (current_version, submitted_at) moves nothing.
CREATE CONSTRAINT TRIGGER summary_version_added AFTER INSERT OR DELETE ON reports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_truncated AFTER TRUNCATE ON reports
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE CONSTRAINT TRIGGER summary_version_changed AFTER UPDATE ON reports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.accepted_version IS DISTINCT FROM NEW.accepted_version
          OR OLD.first_submitted_at IS DISTINCT FROM NEW.first_submitted_at
          OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.demo IS DISTINCT FROM NEW.demo
          OR OLD.country IS DISTINCT FROM NEW.country
          OR OLD.year IS DISTINCT FROM NEW.year)
    EXECUTE FUNCTION bump_summary_version();

CREATE TRIGGER summary_version_added AFTER INSERT ON report_values
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version_if_accepted();
CREATE TRIGGER summary_version_added AFTER INSERT ON report_narratives
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version_if_accepted();
-- append-only (0002's reject_change refuses these), but the owner could truncate
CREATE TRIGGER summary_version_removed AFTER TRUNCATE ON report_values
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_removed AFTER TRUNCATE ON report_narratives
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();

-- Each flow's accepted yearly numbers per country as running sums over unbroken runs
-- of years, so that the level (a flow read as the sum since its baseline year, over the
-- countries with a number every year: SummaryRepository.cumulativeLevels) reads two
-- rows per country, the baseline year's and this year's, whatever the history's length.
-- Kept by the triggers below from `reports` and `report_values`, in the same
-- transaction; the service only reads it.
CREATE TABLE summary_level_runs (
    indicator text     NOT NULL,
    country   char(2)  NOT NULL,
    year      smallint NOT NULL,
    value     numeric  NOT NULL,
    -- the first year of the unbroken run of years with a number that ends with this one
    run_start smallint NOT NULL,
    -- the run's numbers summed from run_start to this year
    run_total numeric  NOT NULL,
    PRIMARY KEY (indicator, year, country)
);
CREATE INDEX summary_level_runs_country ON summary_level_runs (country);
GRANT SELECT ON summary_level_runs TO alliance_app;

-- Recomputes the runs of the given countries from their accepted numbers. A lock per
-- country makes two transactions accepting reports of one country take turns, the
-- second recomputing from what the first committed.
CREATE FUNCTION refresh_level_runs(codes char(2)[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF cardinality(codes) = 0 THEN
        RETURN;  -- a new draft, or values of a version that does not count
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('summary_level_runs'), hashtext(c))
    FROM (SELECT DISTINCT unnest(codes)::text AS c ORDER BY 1) locked;
    DELETE FROM summary_level_runs WHERE country = ANY (codes);
    INSERT INTO summary_level_runs (indicator, country, year, value, run_start, run_total)
    SELECT indicator, country, year, value,
           min(year) OVER (PARTITION BY indicator, country, year - position),
           sum(value) OVER (PARTITION BY indicator, country, year - position ORDER BY year)
    FROM (
        SELECT v.indicator, r.country, r.year, v.value,
               row_number() OVER (PARTITION BY v.indicator, r.country ORDER BY r.year) AS position
        FROM reports r
        JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
        JOIN indicators i ON i.code = v.indicator AND i.measure_kind = 'flow'
        WHERE r.country = ANY (codes) AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
    ) accepted;
END;
$$;
REVOKE ALL ON FUNCTION refresh_level_runs(char(2)[]) FROM PUBLIC;

CREATE FUNCTION level_runs_after_reports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM refresh_level_runs(ARRAY(SELECT DISTINCT country FROM changed WHERE accepted_version IS NOT NULL));
    RETURN NULL;
END;
$$;
CREATE FUNCTION level_runs_after_report_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM refresh_level_runs(ARRAY[OLD.country, NEW.country]);
    RETURN NULL;
END;
$$;
CREATE FUNCTION level_runs_after_values() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM refresh_level_runs(ARRAY(
        SELECT DISTINCT r.country FROM added a JOIN reports r ON r.id = a.report_id AND r.accepted_version = a.version
    ));
    RETURN NULL;
END;
$$;
CREATE FUNCTION level_runs_after_indicators() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM refresh_level_runs(ARRAY(SELECT code FROM countries));
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION level_runs_after_reports(), level_runs_after_report_update(), level_runs_after_values(),
    level_runs_after_indicators() FROM PUBLIC;

CREATE TRIGGER level_runs_added AFTER INSERT ON reports
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION level_runs_after_reports();
CREATE TRIGGER level_runs_changed AFTER UPDATE ON reports
    FOR EACH ROW
    WHEN (OLD.accepted_version IS DISTINCT FROM NEW.accepted_version
          OR OLD.country IS DISTINCT FROM NEW.country OR OLD.year IS DISTINCT FROM NEW.year)
    EXECUTE FUNCTION level_runs_after_report_update();
CREATE TRIGGER level_runs_added AFTER INSERT ON report_values
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION level_runs_after_values();
CREATE TRIGGER level_runs_kinds AFTER INSERT OR UPDATE OR DELETE ON indicators
    FOR EACH STATEMENT EXECUTE FUNCTION level_runs_after_indicators();
-- the owner's TRUNCATE of reports or values: every country again
CREATE TRIGGER level_runs_truncated AFTER TRUNCATE ON reports
    FOR EACH STATEMENT EXECUTE FUNCTION level_runs_after_indicators();
CREATE TRIGGER level_runs_truncated AFTER TRUNCATE ON report_values
    FOR EACH STATEMENT EXECUTE FUNCTION level_runs_after_indicators();

SELECT refresh_level_runs(ARRAY(SELECT code FROM countries));
