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
-- indicator over all reporters, and like for like with the year before. They are
-- recomputed for the years whose values changed, at commit (a deferred trigger), after
-- taking the data version's row (sql/0020): writers of the figures take turns, and
-- each recomputes from what the one before it committed, never from a snapshot older
-- than its own change. The aggregates are those SummaryRepository computed before.
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

GRANT SELECT ON summary_values, summary_year_figures, summary_pair_figures TO alliance_app;

-- The years whose values this transaction changed, until their figures are recomputed.
CREATE FUNCTION mark_summary_years(years smallint[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    SELECT set_config('alliance.summary_dirty_years',
                      concat_ws(',', nullif(current_setting('alliance.summary_dirty_years', true), ''),
                                array_to_string(years, ',')),
                      true)
    WHERE cardinality(years) > 0;
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
        INSERT INTO summary_year_figures (year, indicator, n, unavailable, total, mean, median, low, high, share)
        SELECT y, indicator, count(value), count(*) FILTER (WHERE value IS NULL),
               sum(value), avg(value), median_of(array_agg(value ORDER BY value) FILTER (WHERE value IS NOT NULL)),
               min(value), max(value), count(*) FILTER (WHERE value = 1) * 100.0 / nullif(count(value), 0)
        FROM summary_values WHERE year = y
        GROUP BY indicator;
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
BEGIN
    IF cardinality(years) = 0 THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('alliance.summary_dirty_years', '', true);
    -- the version's row: held to the commit, so that the next writer waits and then reads
    -- what this one committed (a statement after the wait sees it: READ COMMITTED)
    IF current_setting('alliance.summary_version_moved', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('alliance.summary_version_moved', 'yes', true);
        UPDATE summary_data_version SET version = version + 1;
    END IF;
    PERFORM compute_summary_figures(years);
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
        INSERT INTO summary_values (year, indicator, country, value)
        SELECT NEW.year, v.indicator, NEW.country, v.value
        FROM report_values v WHERE v.report_id = NEW.id AND v.version = NEW.accepted_version;
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

-- Everything again: after the owner's TRUNCATE of reports or values.
CREATE FUNCTION rebuild_summary_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    DELETE FROM summary_values;
    INSERT INTO summary_values (year, indicator, country, value)
    SELECT r.year, v.indicator, r.country, v.value
    FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
    WHERE r.accepted_version IS NOT NULL;
    PERFORM mark_summary_years(ARRAY(
        SELECT DISTINCT year FROM summary_values
        UNION SELECT year FROM summary_year_figures UNION SELECT year FROM summary_pair_figures
    ));
    RETURN NULL;
END;
$$;

REVOKE ALL ON FUNCTION mark_summary_years(smallint[]), compute_summary_figures(smallint[]), refresh_summary_figures(),
    summary_values_after_report(), summary_values_after_values(), rebuild_summary_figures() FROM PUBLIC;

INSERT INTO summary_values (year, indicator, country, value)
SELECT r.year, v.indicator, r.country, v.value
FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
WHERE r.accepted_version IS NOT NULL;
SELECT compute_summary_figures(ARRAY(SELECT DISTINCT year FROM summary_values));

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
    FOR EACH STATEMENT EXECUTE FUNCTION rebuild_summary_figures();
CREATE TRIGGER summary_values_truncated AFTER TRUNCATE ON report_values
    FOR EACH STATEMENT EXECUTE FUNCTION rebuild_summary_figures();
CREATE CONSTRAINT TRIGGER summary_figures_due AFTER INSERT OR UPDATE OR DELETE ON summary_values
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_summary_figures();
