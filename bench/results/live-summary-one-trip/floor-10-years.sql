SELECT c.year::int, c.opens_on::text, c.due_on::text, c.locks_on::text,
	       count(e.country),
	       count(r.first_submitted_at),
	       count(r.accepted_version),
	       count(*) FILTER (WHERE (r.first_submitted_at AT TIME ZONE 'UTC')::date <= c.due_on)
	FROM reporting_cycles c
	LEFT JOIN cycle_expected_reporters e ON e.year = c.year
	LEFT JOIN reports r ON r.country = e.country AND r.year = e.year
	WHERE '2021'::smallint IS NULL OR c.year = '2021'
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
	    LEFT JOIN summary_year_figures c ON c.year = '2021' AND c.indicator = i.code
	    LEFT JOIN summary_year_figures p ON p.year = '2020' AND p.indicator = i.code
	    LEFT JOIN summary_pair_figures f ON f.year = '2021' AND f.indicator = i.code
	)
	SELECT code, goal, unit, measure_kind, n, unavailable, cur, total, mean, median, low, high, share, prev, prev_n,
	       CASE WHEN prev <> 0 THEN (cur - prev) / prev * 100 END,
	       panel_n, CASE WHEN panel_n > 0 THEN panel_prev END, CASE WHEN panel_n > 0 THEN panel_cur END,
	       CASE WHEN panel_prev <> 0 THEN (panel_cur - panel_prev) / panel_prev * 100 END,
	       cur - prev, CASE WHEN panel_n > 0 THEN panel_cur - panel_prev END
	FROM headlines ORDER BY goal, code;
WITH headlines AS (
	    SELECT i.code, i.measure_kind, f.base_year, coalesce(f.has_base, false) AS has_base,
	           coalesce(f.countries, '') AS countries,
	           CASE i.measure_kind WHEN 'flow' THEN f.base_total WHEN 'stock' THEN f.base_total WHEN 'ratio' THEN f.base_mean WHEN 'duration' THEN f.base_median WHEN 'boolean' THEN f.base_share END AS base, CASE i.measure_kind WHEN 'flow' THEN f.cur_total WHEN 'stock' THEN f.cur_total WHEN 'ratio' THEN f.cur_mean WHEN 'duration' THEN f.cur_median WHEN 'boolean' THEN f.cur_share END AS cur
	    FROM indicators i LEFT JOIN summary_baseline_figures f ON f.year = '2021' AND f.indicator = i.code
	)
	SELECT code, measure_kind, base_year, has_base, countries, base, cur,
	       CASE WHEN base > 0 AND cur >= 0 AND base_year < '2021' THEN (power(cur / base, 1.0 / ('2021' - base_year)) - 1) * 100 END
	FROM headlines;
SELECT indicator, base_year, countries, previous, current, growth
	FROM summary_level_figures WHERE year = '2021';
SELECT m.id, l.value, l.year FROM commitments m
	CROSS JOIN LATERAL (
	    SELECT v.value, r.year FROM reports r
	    JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
	    WHERE r.country = m.country AND r.year <= '2021' AND v.indicator = m.indicator AND v.value IS NOT NULL
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
	          AND r.year = '2021' AND btrim(n.actions_taken) <> '')
	       ON n.goal = g.id
	GROUP BY g.id, g.title ORDER BY g.id;
SELECT t.id, t.indicator, t.scope, t.country::text, t.rule, t.threshold, t.basis, t.change, t.min_coverage_pct,
	       cur.value, coalesce(cur.found AND cur.value IS NULL, false), prev.value
	FROM targets t
	LEFT JOIN LATERAL (SELECT v.value, true AS found FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
	                   WHERE r.country = t.country AND r.year = '2021' AND v.indicator = t.indicator) cur ON true
	LEFT JOIN LATERAL (SELECT v.value FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
	                   WHERE r.country = t.country AND r.year = '2020' AND v.indicator = t.indicator) prev ON true
	WHERE NULL::text IS NULL OR t.country = NULL
	ORDER BY t.scope, t.id;
SELECT indicator, covered FROM summary_year_figures WHERE year = '2021';
SELECT EXISTS (SELECT 1 FROM reports WHERE year IN ('2021', '2020') AND demo);
UNLISTEN "alliance_releases";
