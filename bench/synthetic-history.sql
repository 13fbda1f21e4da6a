-- A large synthetic reporting history for benchmarks, loaded into a migrated and
-- seeded database:  psql -v countries=200 -v years=30 -v indicators=40 -v versions=3 -f synthetic-history.sql
-- Countries, indicators and values are made up and marked demo; never load this
-- into a real database.
\set ON_ERROR_STOP on
BEGIN;

-- countries beyond the seeded ones, with two-letter codes not yet in use
INSERT INTO countries (code, name, region, iso_official, eu_member_at_launch, founding_member, note)
SELECT code, 'Bench country ' || code, 'Europe', false, false, false, 'synthetic (benchmark)'
FROM (SELECT chr(a) || chr(b) AS code FROM generate_series(65, 90) a, generate_series(65, 90) b) codes
WHERE code NOT IN (SELECT code FROM countries)
ORDER BY code
LIMIT greatest(0, :countries - (SELECT count(*) FROM countries));

INSERT INTO memberships (country, joined_on, source)
SELECT code, '2000-01-01', 'synthetic (benchmark)' FROM countries c
WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.country = c.code);

-- indicators beyond the catalogue's, cycling through the measure kinds
INSERT INTO indicators (code, goal, name, unit, measure_kind, definition, expected_min, expected_max)
SELECT 'bench_' || n, 1 + n % 4, 'Bench indicator ' || n, 'units',
       (ARRAY['flow', 'stock', 'ratio', 'duration', 'boolean'])[1 + n % 5],
       'A synthetic indicator for benchmarks only.', 0, CASE WHEN n % 5 IN (2, 4) THEN 100 END
FROM generate_series(1, greatest(0, :indicators - (SELECT count(*) FROM indicators))) n;

-- one cycle a year, every member expected, every indicator required
INSERT INTO reporting_cycles (year, opens_on, due_on, locks_on)
SELECT y, make_date(y + 1, 1, 1), make_date(y + 1, 3, 31), make_date(y + 1, 6, 30)
FROM generate_series(2012, 2011 + :years) y;
INSERT INTO cycle_required_indicators SELECT c.year, i.code FROM reporting_cycles c, indicators i;
INSERT INTO cycle_expected_reporters SELECT c.year, m.country FROM reporting_cycles c, memberships m;

-- a report per country and year, with :versions versions: the last is a pending
-- amendment, the one before it is accepted
INSERT INTO reports (country, year, status, current_version, accepted_version, first_submitted_at, submitted_at, accepted_at, demo)
SELECT m.country, c.year, 'draft', :versions, greatest(1, :versions - 1),
       make_date(c.year + 1, 3, 1) + (random() * 60)::int * interval '1 day', make_date(c.year + 1, 3, 1), make_date(c.year + 1, 5, 1), true
FROM reporting_cycles c, memberships m;
INSERT INTO report_versions (report_id, version) SELECT r.id, v FROM reports r, generate_series(1, :versions) v;

-- every value of every version; about 2 % not available
INSERT INTO report_values (report_id, version, indicator, measure_kind, value, not_available, nature)
SELECT report_id, version, code, kind, CASE WHEN gap THEN NULL ELSE val END, CASE WHEN gap THEN 'synthetic gap' END, 'estimated'
FROM (
    SELECT v.report_id, v.version, i.code, i.measure_kind AS kind, random() < 0.02 AS gap,
           CASE i.measure_kind
               WHEN 'ratio' THEN round((random() * 100)::numeric, 1)
               WHEN 'duration' THEN round((random() * 30)::numeric, 1)
               WHEN 'boolean' THEN (random() < 0.6)::int
               ELSE floor(random() * 5000) END AS val
    FROM report_versions v, indicators i
) generated;

COMMIT;
-- as autovacuum leaves an append-only table in steady state: visibility map set, statistics fresh
VACUUM ANALYZE;
