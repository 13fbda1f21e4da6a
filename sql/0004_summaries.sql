-- What the annual summaries need: an exact median (percentile_cont works in
-- double precision; published figures must not pick up binary rounding), and an
-- index to find one year's reports among many years.

-- The median of a sorted array of numerics: the middle value, or the mean of the
-- two middle values. Call as median_of(array_agg(x ORDER BY x)).
CREATE FUNCTION median_of(sorted numeric[]) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN cardinality(sorted) = 0 THEN NULL
        WHEN cardinality(sorted) % 2 = 1 THEN sorted[(cardinality(sorted) + 1) / 2]
        ELSE (sorted[cardinality(sorted) / 2] + sorted[cardinality(sorted) / 2 + 1]) / 2
    END
$$;

CREATE INDEX reports_year ON reports (year) INCLUDE (country, accepted_version);

-- A summary reads one version's values of a few hundred reports: with the values
-- in the index, that is an index-only scan rather than a pass over every version
-- of every year (report_values only grows, so the visibility map stays current).
CREATE INDEX report_values_by_version ON report_values (report_id, version) INCLUDE (indicator, value);
