-- Disclosure control for a goal's commitment counts (docs/statistics.md "Disclosure
-- control"). `on_track`, `off_track`, `achieved` and `no_data` count the countries'
-- commitments by status, and a commitment's status is its country's own (never
-- public alone). Two releases of a year whose commitments differ by one country's
-- would give that country's statuses by difference, as two totals give a value. So
-- each release records, per goal, the commitments behind its public counts: an
-- element per commitment naming its country, id and status (`FR=12:on_track`).
--
-- Written in the release's own transaction; append-only like the other release tables.
CREATE TABLE release_goal_figures (
    year          smallint NOT NULL,
    release       integer  NOT NULL,
    goal          smallint NOT NULL REFERENCES goals (id),
    data_year     smallint NOT NULL,
    -- NULL when not known (a release published before this table: see below)
    commitments   text[],
    -- how many countries the commitments belong to; NULL when not known
    country_count integer CHECK (country_count >= 1),
    CHECK ((commitments IS NULL) = (country_count IS NULL)),
    FOREIGN KEY (year, release) REFERENCES summary_releases (year, release)
);
CREATE INDEX release_goal_figures_quantity ON release_goal_figures (goal, data_year);
CREATE TRIGGER release_goal_figures_immutable BEFORE UPDATE OR DELETE ON release_goal_figures
    FOR EACH ROW EXECUTE FUNCTION reject_change();
-- The service may read and add, nothing else (sql/0016).
GRANT SELECT, INSERT ON release_goal_figures TO alliance_app;

-- A release published before this table made its goals' counts public without
-- naming the commitments or even their countries: each is recorded as unknown, which
-- the rule reads as any set at all, so a later release of that year withholds them.
-- Called here for every frozen release, and by `alliance migrate` for each release
-- it freezes later.
CREATE FUNCTION record_earlier_goal_figures(y smallint, r integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO release_goal_figures (year, release, goal, data_year)
    SELECT p.year, p.release, (g ->> 'goal')::smallint, p.year
    FROM published_summaries p, jsonb_array_elements(p.document::jsonb -> 'goals') g
    WHERE p.year = y AND p.release = r
      AND jsonb_typeof(g -> 'on_track') = 'number'
      AND NOT EXISTS (SELECT 1 FROM release_goal_figures f WHERE f.year = y AND f.release = r);
$$;

SELECT record_earlier_goal_figures(year, release) FROM published_summaries ORDER BY year, release;
