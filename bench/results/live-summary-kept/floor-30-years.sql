SELECT c.year::int, c.opens_on::text, c.due_on::text, c.locks_on::text,
	       count(e.country),
	       count(r.first_submitted_at),
	       count(r.accepted_version),
	       count(*) FILTER (WHERE (r.first_submitted_at AT TIME ZONE 'UTC')::date <= c.due_on)
	FROM reporting_cycles c
	LEFT JOIN cycle_expected_reporters e ON e.year = c.year
	LEFT JOIN reports r ON r.country = e.country AND r.year = e.year
	WHERE '2041'::smallint IS NULL OR c.year = '2041'
	GROUP BY c.year
	ORDER BY c.year;
WITH headlines AS (
	    SELECT i.code, i.goal, i.unit, i.measure_kind,
	           coalesce(c.n, 0) AS n, coalesce(c.unavailable, 0) AS unavailable,
	           c.total, c.mean, c.median, c.low, c.high, c.share, coalesce(p.n, 0) AS prev_n,
	           coalesce(f.n, 0) AS panel_n,
	           CASE i.measure_kind WHEN 'flow' THEN c.total WHEN 'stock' THEN c.total WHEN 'ratio' THEN c.mean WHEN 'duration' THEN c.median WHEN 'boolean' THEN c.share END AS cur,
	           CASE i.measure_kind WHEN 'flow' THEN p.total WHEN 'stock' THEN p.total WHEN 'ratio' THEN p.mean WHEN 'duration' THEN p.median WHEN 'boolean' THEN p.share END AS prev,
	           CASE i.measure_kind WHEN 'flow' THEN f.cur_total WHEN 'stock' THEN f.cur_total WHEN 'ratio' THEN f.cur_mean WHEN 'duration' THEN f.cur_median WHEN 'boolean' THEN f.cur_share END AS panel_cur,
	           CASE i.measure_kind WHEN 'flow' THEN f.prev_total WHEN 'stock' THEN f.prev_total WHEN 'ratio' THEN f.prev_mean WHEN 'duration' THEN f.prev_median WHEN 'boolean' THEN f.prev_share END AS panel_prev
	    FROM indicators i
	    LEFT JOIN summary_year_figures c ON c.year = '2041' AND c.indicator = i.code
	    LEFT JOIN summary_year_figures p ON p.year = '2040' AND p.indicator = i.code
	    LEFT JOIN summary_pair_figures f ON f.year = '2041' AND f.indicator = i.code
	)
	SELECT code, goal, unit, measure_kind, n, unavailable, cur, total, mean, median, low, high, share, prev, prev_n,
	       CASE WHEN prev <> 0 THEN (cur - prev) / prev * 100 END,
	       panel_n, CASE WHEN panel_n > 0 THEN panel_prev END, CASE WHEN panel_n > 0 THEN panel_cur END,
	       CASE WHEN panel_prev <> 0 THEN (panel_cur - panel_prev) / panel_prev * 100 END,
	       cur - prev, CASE WHEN panel_n > 0 THEN panel_cur - panel_prev END
	FROM headlines ORDER BY goal, code;
WITH bases AS MATERIALIZED (
	    SELECT i.code AS indicator, i.measure_kind AS kind,
	           coalesce((SELECT min(t.baseline_year)::int FROM targets t
	                     WHERE t.indicator = i.code AND t.scope = 'alliance'),
	                    (SELECT min(f.year)::int FROM summary_year_figures f
	                     WHERE f.indicator = i.code AND f.year <= 2041 AND f.n > 0)) AS base_year
	    FROM indicators i 
	),
	-- this year's numbers gathered once and joined by hash with each baseline year's:
	-- joined row by row, the planner probed the primary key once per number (34 ms
	-- instead of 13 ms at 30 years, docs/benchmarks.md "Live summary")
	current AS MATERIALIZED (
	    SELECT indicator, country, value FROM summary_values WHERE year = '2041' AND value IS NOT NULL
	),
	panel AS (
	    SELECT x.indicator, x.kind, c.country, c.value AS cur, b.value AS base
	    FROM bases x
	    JOIN summary_values b ON b.year = x.base_year AND b.indicator = x.indicator AND b.value IS NOT NULL
	    JOIN current c ON c.indicator = b.indicator AND c.country = b.country
	    WHERE x.base_year < '2041'
	),
	-- only the statistic each kind's headline is (HeadlineSQL): the others are not read
	figures AS (
	    SELECT indicator, count(*) AS n, array_agg(country ORDER BY country) AS countries,
	           sum(base) FILTER (WHERE kind IN ('flow', 'stock')) AS base_total,
	           avg(base) FILTER (WHERE kind IN ('ratio')) AS base_mean,
	           median_of(array_agg(base ORDER BY base) FILTER (WHERE kind IN ('duration'))) AS base_median,
	           count(*) FILTER (WHERE base = 1) * 100.0 / count(*) AS base_share,
	           sum(cur) FILTER (WHERE kind IN ('flow', 'stock')) AS cur_total,
	           avg(cur) FILTER (WHERE kind IN ('ratio')) AS cur_mean,
	           median_of(array_agg(cur ORDER BY cur) FILTER (WHERE kind IN ('duration'))) AS cur_median,
	           count(*) FILTER (WHERE cur = 1) * 100.0 / count(*) AS cur_share
	    FROM panel GROUP BY indicator
	),
	headlines AS (
	    SELECT i.code, i.measure_kind, x.base_year,
	           EXISTS (SELECT 1 FROM summary_year_figures a WHERE a.indicator = i.code AND a.year = x.base_year AND a.n > 0) AS has_base,
	           coalesce(f.countries, '{}') AS countries,
	           CASE i.measure_kind WHEN 'flow' THEN f.base_total WHEN 'stock' THEN f.base_total WHEN 'ratio' THEN f.base_mean WHEN 'duration' THEN f.base_median WHEN 'boolean' THEN f.base_share END AS base, CASE i.measure_kind WHEN 'flow' THEN f.cur_total WHEN 'stock' THEN f.cur_total WHEN 'ratio' THEN f.cur_mean WHEN 'duration' THEN f.cur_median WHEN 'boolean' THEN f.cur_share END AS cur
	    FROM indicators i JOIN bases x ON x.indicator = i.code LEFT JOIN figures f ON f.indicator = i.code
	)
	SELECT code, measure_kind, base_year, has_base, countries, base, cur,
	       CASE WHEN base > 0 AND cur >= 0 AND base_year < '2041' THEN (power(cur / base, 1.0 / ('2041' - base_year)) - 1) * 100 END
	FROM headlines;
WITH bases AS MATERIALIZED (
	    SELECT i.code AS indicator, i.measure_kind AS kind,
	           coalesce((SELECT min(t.baseline_year)::int FROM targets t
	                     WHERE t.indicator = i.code AND t.scope = 'alliance'),
	                    (SELECT min(f.year)::int FROM summary_year_figures f
	                     WHERE f.indicator = i.code AND f.year <= 2041 AND f.n > 0)) AS base_year
	    FROM indicators i WHERE i.measure_kind = 'flow'
	),
	panel AS (
	    SELECT x.indicator, e.country::text AS country, x.base_year,
	           e.run_total - b.run_total + b.value - e.value AS previous,
	           e.run_total - b.run_total + b.value AS current
	    FROM bases x
	    JOIN summary_level_runs e ON e.indicator = x.indicator AND e.year = '2041'
	    JOIN summary_level_runs b ON b.indicator = x.indicator AND b.country = e.country AND b.year = x.base_year
	    WHERE x.base_year < '2041' AND e.run_start <= x.base_year
	)
	SELECT indicator, base_year, array_agg(country ORDER BY country), sum(previous), sum(current),
	       CASE WHEN sum(previous) > 0 THEN (sum(current) - sum(previous)) / sum(previous) * 100 END
	FROM panel GROUP BY indicator, base_year;
SELECT m.id, l.value, l.year FROM commitments m
	CROSS JOIN LATERAL (
	    SELECT v.value, r.year FROM reports r
	    JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
	    WHERE r.country = m.country AND r.year <= '2041' AND v.indicator = m.indicator AND v.value IS NOT NULL
	      -- a value from before the baseline says nothing of progress since it
	      AND (m.baseline_year IS NULL OR r.year >= m.baseline_year)
	    ORDER BY r.year DESC LIMIT 1) l
	WHERE (NULL::bpchar IS NULL OR m.country = NULL::bpchar);
SELECT id, country::text, goal, operational_goal, indicator, title, description, baseline_year, baseline_value,
	       target_year, target_value, target_growth_pct, version, withdrawn_at, withdrawal_reason, created_at, updated_at
	FROM commitments WHERE (NULL::bpchar IS NULL OR country = NULL::bpchar) AND (NULL::bigint IS NULL OR id = NULL) ORDER BY country, id;
SELECT g.id, g.title, count(DISTINCT r.country)
	FROM goals g
	LEFT JOIN (reports r JOIN report_narratives n
	           ON n.report_id = r.id AND n.version = r.accepted_version
	          AND r.year = '2041' AND btrim(n.actions_taken) <> '')
	       ON n.goal = g.id
	GROUP BY g.id, g.title ORDER BY g.id;
SELECT t.id, t.indicator, t.scope, t.country::text, t.rule, t.threshold, t.basis, t.change, t.min_coverage_pct,
	       cur.value, coalesce(cur.found AND cur.value IS NULL, false), prev.value
	FROM targets t
	LEFT JOIN LATERAL (SELECT v.value, true AS found FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
	                   WHERE r.country = t.country AND r.year = '2041' AND v.indicator = t.indicator) cur ON true
	LEFT JOIN LATERAL (SELECT v.value FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
	                   WHERE r.country = t.country AND r.year = '2040' AND v.indicator = t.indicator) prev ON true
	WHERE NULL::text IS NULL OR t.country = NULL
	ORDER BY t.scope, t.id;
SELECT v.indicator, count(*)::int
	FROM cycle_expected_reporters e
	JOIN summary_values v ON v.year = e.year AND v.country = e.country AND v.value IS NOT NULL
	WHERE e.year = '2041' GROUP BY v.indicator;
SELECT EXISTS (SELECT 1 FROM reports WHERE year IN ('2041', '2040') AND demo);
UNLISTEN "alliance_releases";
