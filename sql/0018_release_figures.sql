-- Disclosure control that survives subtraction (docs/statistics.md "Disclosure
-- control"): every figure a release makes public is recorded with its quantity
-- (an indicator's values of one data year) and its contributor set (the countries
-- it adds up), so that a later release never publishes a figure of the same
-- quantity whose set differs from a public one by 1 to k−1 countries.
--
-- Written in the release's own transaction; append-only like the other release tables.
CREATE TABLE release_figures (
    year          smallint NOT NULL,
    release       integer  NOT NULL,
    indicator     text     NOT NULL REFERENCES indicators (code),
    data_year     smallint NOT NULL,
    -- the contributor set, by country code, sorted; NULL when it is not known
    -- (a release published before this table: see below)
    countries     char(2)[],
    country_count integer  NOT NULL CHECK (country_count >= 1),
    CHECK (countries IS NULL OR cardinality(countries) = country_count),
    FOREIGN KEY (year, release) REFERENCES summary_releases (year, release)
);
CREATE INDEX release_figures_quantity ON release_figures (indicator, data_year);
CREATE TRIGGER release_figures_immutable BEFORE UPDATE OR DELETE ON release_figures
    FOR EACH ROW EXECUTE FUNCTION reject_change();
-- The service may read and add, nothing else (sql/0016).
GRANT SELECT, INSERT ON release_figures TO alliance_app;

-- A release published before this table: its frozen public document gives which
-- figures were public and from how many countries, but not which countries (the
-- accepted versions may have changed since, and the full summary stored with the
-- release lists no headline's countries). Each of its public figures is recorded
-- with its count and an unknown set (NULL), which the rule reads as the worst case:
-- any set of that many countries (docs/statistics.md). Called by this migration for
-- every frozen release, and by `alliance migrate` for each release it freezes later.
CREATE FUNCTION record_earlier_release_figures(y smallint, r integer) RETURNS void LANGUAGE sql AS $$
    WITH doc AS (
        SELECT p.year, p.release, i AS ind
        FROM published_summaries p, jsonb_array_elements(p.document::jsonb -> 'indicators') i
        WHERE p.year = y AND p.release = r
          AND NOT EXISTS (SELECT 1 FROM release_figures f WHERE f.year = y AND f.release = r)
    ),
    sums (year, release, indicator, data_year, n) AS (
        SELECT year, release, ind ->> 'code', year, (ind ->> 'countries_reporting')::int
        FROM doc WHERE jsonb_typeof(ind -> 'headline') = 'number'
        UNION
        SELECT year, release, ind ->> 'code', year - 1, (ind ->> 'previous_countries')::int
        FROM doc WHERE jsonb_typeof(ind -> 'previous') = 'number'
           OR jsonb_typeof(ind #> '{growth,all_reporters,pct}') = 'number'
           OR jsonb_typeof(ind #> '{growth,all_reporters,change_pp}') = 'number'
        UNION
        SELECT year, release, ind ->> 'code', year - d, (ind #>> '{growth,like_for_like,countries}')::int
        FROM doc, (VALUES (0), (1)) AS o (d)
        WHERE jsonb_typeof(ind #> '{growth,like_for_like,pct}') = 'number'
           OR jsonb_typeof(ind #> '{growth,like_for_like,change_pp}') = 'number'
           OR jsonb_typeof(ind #> '{growth,like_for_like,current}') = 'number'
        UNION
        SELECT year, release, ind ->> 'code', base_year, (ind #>> '{since_baseline,countries}')::int
        FROM doc, LATERAL (VALUES (year), ((ind #>> '{since_baseline,baseline_year}')::int)) AS b (base_year)
        WHERE base_year IS NOT NULL AND (jsonb_typeof(ind #> '{since_baseline,cagr_pct}') = 'number'
           OR jsonb_typeof(ind #> '{since_baseline,change_pp}') = 'number')
        UNION
        SELECT year, release, ind ->> 'code', ly, (ind #>> '{level,countries}')::int
        FROM doc, generate_series((ind #>> '{level,baseline_year}')::int, year) AS ly
        WHERE jsonb_typeof(ind #> '{level,growth_pct}') = 'number'
    )
    INSERT INTO release_figures (year, release, indicator, data_year, countries, country_count)
    SELECT year, release, indicator, data_year, NULL, n FROM sums WHERE n >= 1;
$$;

SELECT record_earlier_release_figures(year, release) FROM published_summaries ORDER BY year, release;
