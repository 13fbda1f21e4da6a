-- The live summary's per-year figures, kept as the data change (issue 14: the first
-- read after a change within 20 ms). Recomputing them on every such read aggregated
-- two years of accepted values, 16,000 at 200 countries × 40 indicators: 24 ms for
-- the indicators and 33 ms for the multi-year view at 30 years (docs/benchmarks.md).
--
-- summary_values: every accepted value (null: not available), one row per year,
-- indicator and country, kept from `reports` and `report_values` in the change's own
-- statement. The multi-year view and the targets' coverage read it.
--
-- summary_year_figures and summary_pair_figures: each year's aggregates per
-- indicator over all reporters, and like for like with the year before.
-- summary_baseline_figures and summary_level_figures: each cycle year's multi-year
-- view (like for like since the baseline year) and flows' levels, which read the
-- baseline year's values, the first year with a number and the alliance targets.
--
-- All are recomputed at commit (deferred triggers), after taking the data version's
-- row (sql/0020): writers of the figures take turns, and each recomputes from what the
-- one before it committed, never from a snapshot older than its own change. What is
-- recomputed: the year figures of the years whose values changed, the pair figures of
-- those years and the next, and the multi-year view and levels of every cycle year
-- from the earliest of them on (a year's values can be a later year's baseline or part
-- of its level); every cycle year's after a change of targets, indicators or cycles.
-- The aggregates are those SummaryRepository computed before.

-- The first fill below reads the reports; a review accepted on an instance still running
-- while this migrates, committed between the fill and the triggers, would be missed.
LOCK TABLE reports, report_values, targets, indicators, reporting_cycles, cycle_expected_reporters
    IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE summary_values (
    year      smallint NOT NULL,
    indicator text     NOT NULL,
    country   char(2)  NOT NULL,
    value     numeric,
    PRIMARY KEY (year, indicator, country)
);

CREATE TABLE summary_year_figures (
    year        smallint NOT NULL,
    indicator   text     NOT NULL,
    n           integer  NOT NULL,
    unavailable integer  NOT NULL,
    -- of the year's expected reporters, those with a number (a target's coverage)
    covered     integer  NOT NULL,
    total       numeric,
    mean        numeric,
    median      numeric,
    low         numeric,
    high        numeric,
    share       numeric,
    PRIMARY KEY (year, indicator)
);

-- over the countries with a number in both `year` and the year before
CREATE TABLE summary_pair_figures (
    year        smallint NOT NULL,
    indicator   text     NOT NULL,
    n           integer  NOT NULL,
    cur_total   numeric,
    prev_total  numeric,
    cur_mean    numeric,
    prev_mean   numeric,
    cur_median  numeric,
    prev_median numeric,
    cur_share   numeric,
    prev_share  numeric,
    PRIMARY KEY (year, indicator)
);

-- every statistic a headline can be (HeadlineSQL picks one by measure kind when read),
-- over the countries with a number in both the baseline year and `year`
CREATE TABLE summary_baseline_figures (
    year        smallint NOT NULL,
    indicator   text     NOT NULL,
    base_year   integer,
    has_base    boolean  NOT NULL,
    countries   text     NOT NULL,  -- the panel's codes, "BE,DE"
    base_total  numeric,
    base_mean   numeric,
    base_median numeric,
    base_share  numeric,
    cur_total   numeric,
    cur_mean    numeric,
    cur_median  numeric,
    cur_share   numeric,
    PRIMARY KEY (year, indicator)
);

-- flows with a panel only (SummaryRepository.cumulativeLevels)
CREATE TABLE summary_level_figures (
    year      smallint NOT NULL,
    indicator text     NOT NULL,
    base_year integer  NOT NULL,
    countries text     NOT NULL,
    previous  numeric,
    current   numeric,
    growth    numeric,
    PRIMARY KEY (year, indicator)
);

GRANT SELECT ON summary_values, summary_year_figures, summary_pair_figures, summary_baseline_figures,
    summary_level_figures TO alliance_app;

CREATE FUNCTION mark_summary_from(earliest integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    SELECT set_config('alliance.summary_dirty_from',
                      least(earliest, nullif(current_setting('alliance.summary_dirty_from', true), '')::int)::text, true);
$$;

-- The years whose values this transaction changed, and the earliest year whose
-- multi-year view and levels must be recomputed, until they are.
-- `later`: the years' values changed, so later years' multi-year view and levels too;
-- without it only the years' own figures (their expected reporters changed).
CREATE FUNCTION mark_summary_years(years smallint[], later boolean DEFAULT true) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    SELECT set_config('alliance.summary_dirty_years',
                      concat_ws(',', nullif(current_setting('alliance.summary_dirty_years', true), ''),
                                array_to_string(years, ',')),
                      true),
           CASE WHEN later THEN mark_summary_from((SELECT min(y) FROM unnest(years) y)) END
    WHERE cardinality(years) > 0;
$$;

-- Every cycle year's multi-year view and levels: after a change of the alliance targets
-- (their baseline years), of the indicators (measure kinds) or of the cycles.
CREATE FUNCTION mark_every_summary_year() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM mark_summary_from(0);
    RETURN NULL;
END;
$$;

-- The years whose expected reporters changed (a cycle opened, a membership changed):
-- their coverage is in the year figures.
CREATE FUNCTION mark_expected_years() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM mark_summary_years(ARRAY(SELECT DISTINCT year FROM changed_new), later => false);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM mark_summary_years(ARRAY(SELECT DISTINCT year FROM changed_old), later => false);
    END IF;
    RETURN NULL;
END;
$$;

-- One year at a time, so that each statement reads one year's rows through the primary
-- key (given all the years at once, the planner scanned every year's values).
CREATE FUNCTION compute_summary_figures(years smallint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    y smallint;
BEGIN
    FOREACH y IN ARRAY years LOOP
        DELETE FROM summary_year_figures WHERE year = y;
        INSERT INTO summary_year_figures (year, indicator, n, unavailable, covered, total, mean, median, low, high, share)
        SELECT y, v.indicator, count(v.value), count(*) FILTER (WHERE v.value IS NULL),
               count(v.value) FILTER (WHERE e.country IS NOT NULL),
               sum(v.value), avg(v.value), median_of(array_agg(v.value ORDER BY v.value) FILTER (WHERE v.value IS NOT NULL)),
               min(v.value), max(v.value), count(*) FILTER (WHERE v.value = 1) * 100.0 / nullif(count(v.value), 0)
        FROM summary_values v LEFT JOIN cycle_expected_reporters e ON e.year = v.year AND e.country = v.country
        WHERE v.year = y
        GROUP BY v.indicator;
    END LOOP;
    -- a year's values are also the next year's previous ones
    FOREACH y IN ARRAY ARRAY(SELECT DISTINCT u FROM unnest(years || ARRAY(SELECT x + 1 FROM unnest(years) x)::smallint[]) u) LOOP
        DELETE FROM summary_pair_figures WHERE year = y;
        INSERT INTO summary_pair_figures (year, indicator, n, cur_total, prev_total, cur_mean, prev_mean,
                                          cur_median, prev_median, cur_share, prev_share)
        SELECT y, c.indicator, count(*), sum(c.value), sum(p.value), avg(c.value), avg(p.value),
               median_of(array_agg(c.value ORDER BY c.value)), median_of(array_agg(p.value ORDER BY p.value)),
               count(*) FILTER (WHERE c.value = 1) * 100.0 / count(*), count(*) FILTER (WHERE p.value = 1) * 100.0 / count(*)
        FROM summary_values c
        JOIN summary_values p ON p.year = y - 1 AND p.indicator = c.indicator AND p.country = c.country AND p.value IS NOT NULL
        WHERE c.year = y AND c.value IS NOT NULL
        GROUP BY c.indicator;
    END LOOP;
END;
$$;

-- An indicator's baseline year as of year `y`: its alliance target's, or else its first
-- year up to `y` with a number (an empty earlier cycle does not move it). The multi-year
-- view and the levels both start from it.
CREATE FUNCTION summary_base_year(indicator_code text, y smallint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce((SELECT min(t.baseline_year)::int FROM targets t WHERE t.indicator = indicator_code AND t.scope = 'alliance'),
                    (SELECT min(f.year)::int FROM summary_year_figures f WHERE f.indicator = indicator_code AND f.year <= y AND f.n > 0));
$$;

-- The multi-year view of year `y`, as SummaryRepository.sinceBaseline computed it: from
-- each indicator's baseline year (summary_base_year), over the panel of the countries
-- with a number in both years.
CREATE FUNCTION compute_summary_baselines(y smallint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    DELETE FROM summary_baseline_figures WHERE year = y;
    INSERT INTO summary_baseline_figures (year, indicator, base_year, has_base, countries, base_total, base_mean,
                                          base_median, base_share, cur_total, cur_mean, cur_median, cur_share)
    WITH bases AS MATERIALIZED (
        SELECT i.code AS indicator, summary_base_year(i.code, y) AS base_year FROM indicators i
    ),
    -- this year's numbers gathered once and joined by hash with each baseline year's
    current AS MATERIALIZED (
        SELECT indicator, country, value FROM summary_values WHERE year = y AND value IS NOT NULL
    ),
    panel AS (
        SELECT x.indicator, c.country, c.value AS cur, b.value AS base
        FROM bases x
        JOIN summary_values b ON b.year = x.base_year AND b.indicator = x.indicator AND b.value IS NOT NULL
        JOIN current c ON c.indicator = b.indicator AND c.country = b.country
        WHERE x.base_year < y
    ),
    figures AS (
        SELECT indicator, string_agg(country::text, ',' ORDER BY country) AS countries,
               sum(base) AS base_total, avg(base) AS base_mean, median_of(array_agg(base ORDER BY base)) AS base_median,
               count(*) FILTER (WHERE base = 1) * 100.0 / count(*) AS base_share,
               sum(cur) AS cur_total, avg(cur) AS cur_mean, median_of(array_agg(cur ORDER BY cur)) AS cur_median,
               count(*) FILTER (WHERE cur = 1) * 100.0 / count(*) AS cur_share
        FROM panel GROUP BY indicator
    )
    SELECT y, x.indicator, x.base_year,
           EXISTS (SELECT 1 FROM summary_year_figures a WHERE a.indicator = x.indicator AND a.year = x.base_year AND a.n > 0),
           coalesce(f.countries, ''), f.base_total, f.base_mean, f.base_median, f.base_share,
           f.cur_total, f.cur_mean, f.cur_median, f.cur_share
    FROM bases x LEFT JOIN figures f ON f.indicator = x.indicator;
END;
$$;

-- Flows' levels in year `y`, as SummaryRepository.cumulativeLevels computed them from
-- summary_level_runs (sql/0020): over the countries whose unbroken run of years began
-- by the baseline year, this year's running total less the run's total before it.
CREATE FUNCTION compute_summary_levels(y smallint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    DELETE FROM summary_level_figures WHERE year = y;
    INSERT INTO summary_level_figures (year, indicator, base_year, countries, previous, current, growth)
    WITH bases AS MATERIALIZED (
        SELECT i.code AS indicator, summary_base_year(i.code, y) AS base_year FROM indicators i WHERE i.measure_kind = 'flow'
    ),
    panel AS (
        SELECT x.indicator, e.country::text AS country, x.base_year,
               e.run_total - b.run_total + b.value - e.value AS previous,
               e.run_total - b.run_total + b.value AS current
        FROM bases x
        JOIN summary_level_runs e ON e.indicator = x.indicator AND e.year = y
        JOIN summary_level_runs b ON b.indicator = x.indicator AND b.country = e.country AND b.year = x.base_year
        WHERE x.base_year < y AND e.run_start <= x.base_year
    )
    SELECT y, indicator, base_year, string_agg(country, ',' ORDER BY country), sum(previous), sum(current),
           CASE WHEN sum(previous) > 0 THEN (sum(current) - sum(previous)) / sum(previous) * 100 END
    FROM panel GROUP BY indicator, base_year;
END;
$$;

-- Deferred, once per changed row: the first call of a transaction (or of a SET
-- CONSTRAINTS … IMMEDIATE, which a publication issues before it reads the figures)
-- recomputes every year marked, the others find nothing marked.
CREATE FUNCTION refresh_summary_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    years smallint[] := ARRAY(
        SELECT DISTINCT y::smallint
        FROM unnest(string_to_array(nullif(current_setting('alliance.summary_dirty_years', true), ''), ',')) y
    );
    earliest integer := nullif(current_setting('alliance.summary_dirty_from', true), '')::int;
    y smallint;
BEGIN
    IF earliest IS NULL AND cardinality(years) = 0 THEN
        RETURN NULL;  -- nothing marked, or already recomputed by an earlier call
    END IF;
    PERFORM set_config('alliance.summary_dirty_years', '', true);
    PERFORM set_config('alliance.summary_dirty_from', '', true);
    -- the version's row: held to the commit, so that the next writer waits and then reads
    -- what this one committed (a statement after the wait sees it: READ COMMITTED)
    IF current_setting('alliance.summary_version_moved', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('alliance.summary_version_moved', 'yes', true);
        UPDATE summary_data_version SET version = version + 1;
    END IF;
    PERFORM compute_summary_figures(years);
    FOR y IN SELECT year FROM reporting_cycles WHERE year >= earliest ORDER BY year LOOP
        PERFORM compute_summary_baselines(y);
        PERFORM compute_summary_levels(y);
    END LOOP;
    RETURN NULL;
END;
$$;

-- A report's accepted values, again: on insert, on a new accepted version, on a move
-- to another country or year, on delete.
CREATE FUNCTION summary_values_after_report() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM summary_values WHERE year = OLD.year AND country = OLD.country;
        PERFORM mark_summary_years(ARRAY[OLD.year]);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.accepted_version IS NOT NULL THEN
        -- the values' own trigger may have come first (one statement writing both)
        INSERT INTO summary_values (year, indicator, country, value)
        SELECT NEW.year, v.indicator, NEW.country, v.value
        FROM report_values v WHERE v.report_id = NEW.id AND v.version = NEW.accepted_version
        ON CONFLICT (year, indicator, country) DO UPDATE SET value = EXCLUDED.value;
        PERFORM mark_summary_years(ARRAY[NEW.year]);
    END IF;
    RETURN NULL;
END;
$$;

-- Values added to a version that already counts (an import, the demo, the owner's SQL).
-- A draft's values, every save's, cost the one query that finds they do not count.
CREATE FUNCTION summary_values_after_values() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    years smallint[] := ARRAY(
        SELECT DISTINCT r.year FROM added a JOIN reports r ON r.id = a.report_id AND r.accepted_version = a.version
    );
BEGIN
    IF cardinality(years) = 0 THEN
        RETURN NULL;
    END IF;
    PERFORM mark_summary_years(years);
    INSERT INTO summary_values (year, indicator, country, value)
    SELECT r.year, a.indicator, r.country, a.value
    FROM added a JOIN reports r ON r.id = a.report_id AND r.accepted_version = a.version
    ON CONFLICT (year, indicator, country) DO UPDATE SET value = EXCLUDED.value;
    RETURN NULL;
END;
$$;

-- Everything again, at once: after the owner's TRUNCATE of a table the figures read
-- (a TRUNCATE fires no row trigger, so nothing would be marked), or by the owner after
-- restoring only some tables (docs/operations.md). Takes the version's row first, as the
-- deferred refresh does, and moves the version (running services let their cache go).
CREATE FUNCTION recompute_summary_figures() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE summary_data_version SET version = version + 1;
    DELETE FROM summary_values;
    INSERT INTO summary_values (year, indicator, country, value)
    SELECT r.year, v.indicator, r.country, v.value
    FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
    WHERE r.accepted_version IS NOT NULL;
    -- the years kept before as well, so that a year left without values loses its figures
    PERFORM compute_summary_figures(ARRAY(
        SELECT DISTINCT year FROM summary_values
        UNION SELECT year FROM summary_year_figures UNION SELECT year FROM summary_pair_figures
    ));
    DELETE FROM summary_baseline_figures;
    DELETE FROM summary_level_figures;
    PERFORM compute_summary_baselines(year), compute_summary_levels(year) FROM reporting_cycles ORDER BY year;
    -- what this transaction marked before is done
    PERFORM set_config('alliance.summary_dirty_years', '', true);
    PERFORM set_config('alliance.summary_dirty_from', '', true);
END;
$$;

CREATE FUNCTION summary_figures_after_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM recompute_summary_figures();
    RETURN NULL;
END;
$$;

REVOKE ALL ON FUNCTION mark_summary_years(smallint[], boolean), mark_summary_from(integer), mark_every_summary_year(), mark_expected_years(),
    compute_summary_figures(smallint[]), summary_base_year(text, smallint), compute_summary_baselines(smallint),
    compute_summary_levels(smallint),
    refresh_summary_figures(),
    summary_values_after_report(), summary_values_after_values(), recompute_summary_figures(),
    summary_figures_after_truncate() FROM PUBLIC;

-- the first fill, before the triggers exist
SELECT recompute_summary_figures();

CREATE TRIGGER summary_values_added AFTER INSERT ON reports
    FOR EACH ROW WHEN (NEW.accepted_version IS NOT NULL) EXECUTE FUNCTION summary_values_after_report();
CREATE TRIGGER summary_values_changed AFTER UPDATE ON reports
    FOR EACH ROW
    WHEN (OLD.accepted_version IS DISTINCT FROM NEW.accepted_version
          OR OLD.country IS DISTINCT FROM NEW.country OR OLD.year IS DISTINCT FROM NEW.year)
    EXECUTE FUNCTION summary_values_after_report();
CREATE TRIGGER summary_values_removed AFTER DELETE ON reports
    FOR EACH ROW EXECUTE FUNCTION summary_values_after_report();
CREATE TRIGGER summary_values_added AFTER INSERT ON report_values
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION summary_values_after_values();
CREATE TRIGGER summary_values_truncated AFTER TRUNCATE ON reports
    FOR EACH STATEMENT EXECUTE FUNCTION summary_figures_after_truncate();
CREATE TRIGGER summary_values_truncated AFTER TRUNCATE ON report_values
    FOR EACH STATEMENT EXECUTE FUNCTION summary_figures_after_truncate();
CREATE CONSTRAINT TRIGGER summary_figures_due AFTER INSERT OR UPDATE OR DELETE ON summary_values
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_summary_figures();
-- the multi-year view's and the levels' other inputs: every cycle year again
CREATE TRIGGER summary_figures_marked AFTER INSERT OR UPDATE OR DELETE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION mark_every_summary_year();
CREATE CONSTRAINT TRIGGER summary_figures_due AFTER INSERT OR UPDATE OR DELETE ON targets
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_summary_figures();
CREATE TRIGGER summary_figures_marked AFTER INSERT OR UPDATE OR DELETE ON indicators
    FOR EACH STATEMENT EXECUTE FUNCTION mark_every_summary_year();
CREATE CONSTRAINT TRIGGER summary_figures_due AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_summary_figures();
CREATE TRIGGER summary_figures_marked AFTER INSERT OR UPDATE OR DELETE ON reporting_cycles
    FOR EACH STATEMENT EXECUTE FUNCTION mark_every_summary_year();
CREATE CONSTRAINT TRIGGER summary_figures_due AFTER INSERT OR UPDATE OR DELETE ON reporting_cycles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_summary_figures();
-- the year figures' coverage: the years whose expected reporters changed
CREATE TRIGGER summary_figures_expected_added AFTER INSERT ON cycle_expected_reporters
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION mark_expected_years();
CREATE TRIGGER summary_figures_expected_changed AFTER UPDATE ON cycle_expected_reporters
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION mark_expected_years();
CREATE TRIGGER summary_figures_expected_removed AFTER DELETE ON cycle_expected_reporters
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION mark_expected_years();
CREATE CONSTRAINT TRIGGER summary_figures_due AFTER INSERT OR UPDATE OR DELETE ON cycle_expected_reporters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_summary_figures();
-- the owner's TRUNCATE of the other tables the figures read: everything again, at once
CREATE TRIGGER summary_figures_truncated AFTER TRUNCATE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION summary_figures_after_truncate();
CREATE TRIGGER summary_figures_truncated AFTER TRUNCATE ON indicators
    FOR EACH STATEMENT EXECUTE FUNCTION summary_figures_after_truncate();
CREATE TRIGGER summary_figures_truncated AFTER TRUNCATE ON reporting_cycles
    FOR EACH STATEMENT EXECUTE FUNCTION summary_figures_after_truncate();
CREATE TRIGGER summary_figures_truncated AFTER TRUNCATE ON cycle_expected_reporters
    FOR EACH STATEMENT EXECUTE FUNCTION summary_figures_after_truncate();
