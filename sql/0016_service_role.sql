-- The service's own database role (SPEC §2: the audit log "cannot be changed through
-- the service nor by the service's own database role").
--
-- The owner (the role `alliance migrate` and `alliance seed` connect as) owns every
-- table. The service connects as a login role (SERVICE_ROLE, default
-- alliance_service) that owns nothing and is a member of the NOLOGIN group role
-- alliance_app, which holds exactly the privileges below. `alliance migrate` creates
-- the login role after migrating (or prints the SQL an administrator must run).
--
-- Correction to 0002_reporting.sql, which says "only a superuser can switch it off"
-- of the append-only triggers: that is wrong. A table's owner can too
-- (ALTER TABLE … DISABLE TRIGGER, DROP TRIGGER, DROP TABLE). What keeps the service
-- from rewriting the record is that it is not the owner and has no UPDATE, DELETE or
-- TRUNCATE on those tables; the triggers remain a second guard, against the owner's
-- mistakes, not against the owner.
--
-- Every table states what the service may do with it: a table added by a later
-- migration must be granted (or deliberately not) there, and the test
-- ServicePrivilegeTests fails on a table it has no decision for.
--
-- Sequences: every key is GENERATED ALWAYS AS IDENTITY, whose sequence PostgreSQL
-- advances for an INSERT without checking privileges on it, so the service needs
-- none (and may not set or reset one).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'alliance_app') THEN
        CREATE ROLE alliance_app NOLOGIN;
    END IF;
EXCEPTION
    -- another database of the cluster created it at the same moment
    WHEN duplicate_object OR unique_violation THEN NULL;
END;
$$;

GRANT USAGE ON SCHEMA public TO alliance_app;

-- Append-only: read and add, nothing else.
GRANT SELECT, INSERT ON audit_log, report_versions, report_values, report_narratives,
    summary_releases, published_summaries TO alliance_app;

-- The catalogue and reference data come from `alliance seed` (the owner): read only.
GRANT SELECT ON goals, operational_goals, indicators, reference_series, reference_observations
    TO alliance_app;

-- Changed by the service's own routes and commands. UPDATE also covers the
-- SELECT … FOR UPDATE the services lock rows with.
GRANT SELECT, INSERT, UPDATE ON countries, memberships, targets, tokens, reporting_cycles,
    lock_exceptions, commitments, reports TO alliance_app;
GRANT SELECT, INSERT, DELETE ON cycle_required_indicators TO alliance_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cycle_expected_reporters, cycle_expected_removals
    TO alliance_app;
GRANT SELECT, INSERT ON idempotency_keys TO alliance_app;

-- schema_migrations: nothing; only the owner migrates.
