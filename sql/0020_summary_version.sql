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

CREATE FUNCTION bump_summary_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE summary_data_version SET version = version + 1;
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
    IF EXISTS (SELECT 1 FROM added a JOIN reports r ON r.id = a.report_id AND r.accepted_version = a.version) THEN
        UPDATE summary_data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION bump_summary_version_if_accepted() FROM PUBLIC;

-- Read by the summary as a whole: any statement moves the counter.
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON goals
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reporting_cycles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cycle_required_indicators
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cycle_expected_reporters
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commitments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();

-- reports: a new report, or a change of what the summary reads of one (the version
-- that counts, the first submission, the status, the demo flag). A draft saved again
-- (current_version, submitted_at) moves nothing.
CREATE TRIGGER summary_version_added AFTER INSERT OR DELETE OR TRUNCATE ON reports
    FOR EACH STATEMENT EXECUTE FUNCTION bump_summary_version();
CREATE TRIGGER summary_version_changed AFTER UPDATE ON reports
    FOR EACH ROW
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
