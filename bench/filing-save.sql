-- pgbench script of bench/filing.sh: the floor of a whole-report save, the statements the
-- service sends for `PUT /v1/countries/{cc}/reports/{year}` with If-Match, in the same
-- order and the same round trips (bench/results/filing-save-statements.log has them as
-- the server logged one save), without HTTP, JSON decoding or Swift. Run with
-- -M prepared, as the service sends them (Database/PreparedStatement.swift: each
-- statement parsed and planned once per connection, then run by name).
-- Variables: year, tmpl (the values as JSON with @F@ @R@ @D@ @B@ where the numbers go).
-- Client n saves bench_filers row n's report, as its own country's token.

-- AuthenticationMiddleware → TokenRepository.live (its own read, before the transaction,
-- with the live summary's data version); the country comes with it from bench_filers
SELECT t.token_hash, t.role, f.country AS cc, f.token_id AS token_id, coalesce(t.expires_at <= now(), false) AS expired,
       t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' AS stale,
       (SELECT version FROM summary_data_version) AS summary_data_version
FROM tokens t JOIN bench_filers f ON f.token_id = t.id WHERE f.n = :client_id AND t.revoked_at IS NULL
\gset
BEGIN;
-- ReportService.save → ReportRepository.saveState: the catalogue's kinds, the cycle's
-- window, the membership and the report's row, locked, in one statement
SELECT k.codes, k.kinds, w.opens_on, w.locks_on, w.excepted, m.may_report,
       r.id AS report_id, r.status, r.current_version, r.accepted_version, r.first_submitted_at, r.submitted_at, r.accepted_at
FROM (SELECT coalesce(array_agg(code), '{}') AS codes, coalesce(array_agg(measure_kind), '{}') AS kinds FROM indicators) k
LEFT JOIN LATERAL (
    SELECT opens_on::text AS opens_on, locks_on::text AS locks_on,
           EXISTS (SELECT 1 FROM lock_exceptions e WHERE e.year = c.year AND e.country = :cc
                   AND e.until > now() AND e.revoked_at IS NULL) AS excepted
    FROM reporting_cycles c WHERE c.year = :year) w ON true
LEFT JOIN LATERAL (
    SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.country = c.code
                   AND m.joined_on <= make_date(:year, 12, 31)
                   AND (m.left_on IS NULL OR m.left_on > make_date(:year, 1, 1)))
        OR EXISTS (SELECT 1 FROM cycle_expected_reporters e WHERE e.country = c.code AND e.year = :year) AS may_report
    FROM countries c WHERE c.code = :cc) m ON true
LEFT JOIN LATERAL (
    SELECT id, status, current_version, accepted_version, first_submitted_at, submitted_at, accepted_at
    FROM reports WHERE country = :cc AND year = :year FOR UPDATE) r ON true
\gset
\set v :current_version + 1
\set r :v % 100
\set d :v % 30
-- ReportRepository.writeVersion: the version, its values, its narratives, the save's audit
-- entries (its own, then one for each value that changed), the report pointed at it
WITH saved AS (
    INSERT INTO report_versions (report_id, version, created_at, created_by)
    VALUES (:report_id, :v, now(), :token_id) RETURNING created_at
), saved_values AS (
    INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available, note, source, nature)
    SELECT :report_id, :v, v.indicator, i.measure_kind, v.value, v.not_available, v.note, v.source, v.nature
    FROM jsonb_to_recordset(replace(replace(replace(replace(:tmpl, '@F@', (100 + :v)::text), '@R@', :r::text),
                                            '@D@', :d::text || '.5'), '@B@', (1 - :v % 2)::text)::jsonb)
         AS v(indicator text, value numeric, not_available text, note text, source text, nature text)
    JOIN indicators i ON i.code = v.indicator
    RETURNING indicator, version, value, not_available, note, source, nature
), saved_narratives AS (
    INSERT INTO report_narratives (report_id, version, goal, actions_taken, actions_planned)
    SELECT :report_id, :v, n.goal, n.actions_taken, n.actions_planned
    FROM jsonb_to_recordset('[{"goal":1,"actions_taken":"bench","actions_planned":"bench"}]'::jsonb)
         AS n(goal smallint, actions_taken text, actions_planned text)
), entry AS (
    INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
    VALUES (now(), :token_id, 'country', 'report.saved', :cc, :year, 'report', :cc::text || '/' || :year::text,
            ('{"status":"draft","version":' || :current_version || '}')::jsonb, ('{"status":"draft","version":' || :v || '}')::jsonb)
    RETURNING id
), value_changes AS (
    INSERT INTO audit_log (at, actor_token, actor_role, action, country, year, entity, entity_id, old_value, new_value)
    SELECT now(), :token_id, 'country', 'report.value_changed', :cc, :year, 'report_value',
           :cc::text || '/' || :year::text || '/' || coalesce(n.indicator, o.indicator),
           CASE WHEN o.indicator IS NOT NULL THEN jsonb_build_object('version', o.version, 'value', o.value,
                'not_available', o.not_available, 'note', o.note, 'source', o.source, 'nature', o.nature) END,
           CASE WHEN n.indicator IS NOT NULL THEN jsonb_build_object('version', n.version, 'value', n.value,
                'not_available', n.not_available, 'note', n.note, 'source', n.source, 'nature', n.nature) END
    FROM (SELECT * FROM saved_values WHERE EXISTS (SELECT FROM entry)) n
    FULL JOIN (SELECT * FROM report_values WHERE report_id = :report_id AND version = :v - 1) o
         ON o.indicator = n.indicator
    WHERE (n.value, n.not_available, n.note, n.source, n.nature)
          IS DISTINCT FROM (o.value, o.not_available, o.note, o.source, o.nature)
)
UPDATE reports SET current_version = :v, status = 'draft' WHERE id = :report_id
RETURNING (SELECT created_at FROM saved);
-- (the answer is built from what was written: Report.saved, no read back)
COMMIT;
