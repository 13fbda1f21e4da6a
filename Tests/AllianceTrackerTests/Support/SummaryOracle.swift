import AllianceTracker
import Foundation

/// The live summary's figures recomputed by plain SQL written from docs/statistics.md
/// alone (none of `Summaries/*SQL.swift` or the repositories): per indicator, an object
/// keyed by the figure's path in the summary's JSON.
enum SummaryOracle {
    static func indicators(_ url: DatabaseURL, year: Int) throws -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for row in try sql(url, statement, [String(year)]) {
            let object = try JSONSerialization.jsonObject(with: Data(row[1]!.utf8)) as! [String: Any]
            result[row[0]!] = object
        }
        return result
    }

    /// Expected members on the due date (from the membership periods), and of them how
    /// many ever submitted, were accepted, and first submitted by the due date (UTC).
    static func completeness(_ url: DatabaseURL, year: Int) throws -> [String: Int] {
        let row = try sql(
            url,
            """
            WITH due AS (SELECT make_date($1::int + 1, 3, 31) AS day),
            expected AS (
                SELECT DISTINCT m.country FROM memberships m, due
                WHERE m.joined_on <= due.day AND (m.left_on IS NULL OR m.left_on > due.day)
            )
            SELECT count(*), count(r.first_submitted_at), count(r.accepted_version),
                   count(*) FILTER (WHERE (r.first_submitted_at AT TIME ZONE 'UTC')::date <= (SELECT day FROM due))
            FROM expected e LEFT JOIN reports r ON r.country = e.country AND r.year = $1::int
            """,
            [String(year)]
        )[0]
        let counts = row.map { Int($0!)! }
        return ["expected": counts[0], "submitted": counts[1], "accepted": counts[2], "on_time": counts[3]]
    }

    static let statement = """
        WITH counted AS (  -- the version that counts: each report's accepted one
            SELECT r.country::text AS country, r.year::int AS year, v.indicator, v.value
            FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
            WHERE r.year <= $1::int
        ),
        numbers AS (SELECT country, year, indicator, value FROM counted WHERE value IS NOT NULL),
        base AS (  -- the alliance-wide target's baseline year, else the first year with a number
            SELECT i.code AS indicator,
                   coalesce((SELECT min(t.baseline_year)::int FROM targets t WHERE t.indicator = i.code AND t.scope = 'alliance'),
                            (SELECT min(n.year) FROM numbers n WHERE n.indicator = i.code)) AS year
            FROM indicators i
        ),
        sets AS (  -- the countries (and their values) each figure is taken over
            SELECT indicator, 'cur' AS part, country, value FROM numbers WHERE year = $1::int
            UNION ALL SELECT indicator, 'prev', country, value FROM numbers WHERE year = $1::int - 1
            UNION ALL SELECT c.indicator, 'lfl_cur', c.country, c.value FROM numbers c
                JOIN numbers p ON p.indicator = c.indicator AND p.country = c.country AND p.year = $1::int - 1
                WHERE c.year = $1::int
            UNION ALL SELECT p.indicator, 'lfl_prev', p.country, p.value FROM numbers p
                JOIN numbers c ON c.indicator = p.indicator AND c.country = p.country AND c.year = $1::int
                WHERE p.year = $1::int - 1
            UNION ALL SELECT c.indicator, 'base_cur', c.country, c.value FROM numbers c JOIN base b ON b.indicator = c.indicator
                JOIN numbers o ON o.indicator = c.indicator AND o.country = c.country AND o.year = b.year
                WHERE c.year = $1::int AND b.year < $1::int
            UNION ALL SELECT o.indicator, 'base_base', o.country, o.value FROM numbers o JOIN base b ON b.indicator = o.indicator
                JOIN numbers c ON c.indicator = o.indicator AND c.country = o.country AND c.year = $1::int
                WHERE o.year = b.year AND b.year < $1::int
        ),
        ranked AS (
            SELECT s.*, row_number() OVER (PARTITION BY indicator, part ORDER BY value) AS rn,
                   count(*) OVER (PARTITION BY indicator, part) AS size
            FROM sets s
        ),
        stats AS (
            SELECT r.indicator, r.part, count(*) AS n, sum(value) AS total, sum(value) / count(*) AS mean,
                   avg(value) FILTER (WHERE rn = (size + 1) / 2 OR rn = (size + 2) / 2) AS median,
                   min(value) AS low, max(value) AS high, 100.0 * count(*) FILTER (WHERE value = 1) / count(*) AS share,
                   string_agg(country, ',' ORDER BY country) AS countries,
                   CASE (SELECT measure_kind FROM indicators WHERE code = r.indicator)
                       WHEN 'flow' THEN sum(value) WHEN 'stock' THEN sum(value) WHEN 'ratio' THEN sum(value) / count(*)
                       WHEN 'duration' THEN avg(value) FILTER (WHERE rn = (size + 1) / 2 OR rn = (size + 2) / 2)
                       WHEN 'boolean' THEN 100.0 * count(*) FILTER (WHERE value = 1) / count(*) END AS head
            FROM ranked r GROUP BY r.indicator, r.part
        ),
        level_panel AS (  -- flows: the countries with a number every year from the baseline year
            SELECT n.indicator, n.country FROM numbers n JOIN base b ON b.indicator = n.indicator
            JOIN indicators i ON i.code = n.indicator AND i.measure_kind = 'flow'
            WHERE n.year >= b.year AND b.year < $1::int
            GROUP BY n.indicator, n.country, b.year HAVING count(*) = $1::int - b.year + 1
        ),
        level AS (
            SELECT p.indicator, count(DISTINCT p.country) AS n, string_agg(DISTINCT p.country, ',' ORDER BY p.country) AS countries,
                   sum(n.value) FILTER (WHERE n.year < $1::int) AS previous, sum(n.value) AS current
            FROM level_panel p JOIN numbers n ON n.indicator = p.indicator AND n.country = p.country
            JOIN base b ON b.indicator = p.indicator WHERE n.year >= b.year
            GROUP BY p.indicator
        ),
        figures AS (
            SELECT i.code, i.measure_kind AS kind, i.measure_kind IN ('ratio', 'boolean') AS points, b.year AS base_year,
                   EXISTS (SELECT 1 FROM numbers n WHERE n.indicator = i.code AND n.year = b.year) AS has_base,
                   (SELECT count(*) FROM counted c WHERE c.indicator = i.code AND c.year = $1::int AND c.value IS NULL) AS unavailable,
                   cur.n AS n, cur.total, cur.mean, cur.median, cur.low, cur.high, cur.share, cur.head AS head,
                   prev.n AS prev_n, prev.head AS prev_head, lc.n AS lfl_n, lc.head AS lfl_cur, lp.head AS lfl_prev,
                   bc.n AS base_n, bc.countries AS base_panel, bb.head AS base_head, bc.head AS base_cur,
                   l.n AS level_n, l.countries AS level_panel, l.previous AS level_prev, l.current AS level_cur
            FROM indicators i JOIN base b ON b.indicator = i.code
            LEFT JOIN stats cur ON cur.indicator = i.code AND cur.part = 'cur'
            LEFT JOIN stats prev ON prev.indicator = i.code AND prev.part = 'prev'
            LEFT JOIN stats lc ON lc.indicator = i.code AND lc.part = 'lfl_cur'
            LEFT JOIN stats lp ON lp.indicator = i.code AND lp.part = 'lfl_prev'
            LEFT JOIN stats bc ON bc.indicator = i.code AND bc.part = 'base_cur'
            LEFT JOIN stats bb ON bb.indicator = i.code AND bb.part = 'base_base'
            LEFT JOIN level l ON l.indicator = i.code
        )
        SELECT code, jsonb_build_object(
            'countries_reporting', coalesce(n, 0), 'not_available', unavailable, 'headline', head,
            'total', CASE WHEN kind IN ('flow', 'stock') THEN total END,
            'mean', CASE WHEN kind IN ('flow', 'stock', 'ratio') THEN mean END,
            'median', CASE WHEN kind <> 'boolean' THEN median END,
            'min', CASE WHEN kind <> 'boolean' THEN low END, 'max', CASE WHEN kind <> 'boolean' THEN high END,
            'share_pct', CASE WHEN kind = 'boolean' THEN share END,
            'previous', prev_head, 'previous_countries', coalesce(prev_n, 0),
            'growth.all_reporters.countries', coalesce(n, 0), 'growth.all_reporters.previous_countries', coalesce(prev_n, 0),
            'growth.all_reporters.previous', prev_head, 'growth.all_reporters.current', head,
            'growth.all_reporters.pct', CASE WHEN NOT points AND prev_head <> 0 THEN 100 * (head - prev_head) / prev_head END,
            'growth.all_reporters.change_pp', CASE WHEN points THEN head - prev_head END,
            'growth.like_for_like.countries', coalesce(lfl_n, 0), 'growth.like_for_like.previous_countries', coalesce(lfl_n, 0),
            'growth.like_for_like.previous', lfl_prev, 'growth.like_for_like.current', lfl_cur,
            'growth.like_for_like.pct', CASE WHEN NOT points AND lfl_prev <> 0 THEN 100 * (lfl_cur - lfl_prev) / lfl_prev END,
            'growth.like_for_like.change_pp', CASE WHEN points THEN lfl_cur - lfl_prev END,
            'since_baseline.baseline_year', base_year,
            'since_baseline.countries', coalesce(base_n, 0), 'since_baseline.panel', coalesce(base_panel, ''),
            'since_baseline.baseline', base_head, 'since_baseline.current', base_cur,
            'since_baseline.cagr_pct', CASE WHEN NOT points AND base_head > 0 THEN
                CASE WHEN base_cur = 0 THEN -100 ELSE 100 * (exp(ln(base_cur / base_head) / ($1::int - base_year)) - 1) END END,
            'since_baseline.change_pp', CASE WHEN points THEN base_cur - base_head END,
            'since_baseline.reason', CASE WHEN base_year IS NULL THEN 'no_baseline_data'
                WHEN base_year >= $1::int THEN 'not_after_baseline' WHEN NOT has_base THEN 'no_baseline_data'
                WHEN base_n IS NULL THEN 'no_common_countries' WHEN NOT points AND base_head = 0 THEN 'baseline_zero' END,
            'level', kind = 'flow',
            'level.baseline_year', CASE WHEN kind = 'flow' THEN base_year END,
            'level.countries', coalesce(level_n, 0), 'level.panel', coalesce(level_panel, ''),
            'level.previous', level_prev, 'level.current', level_cur,
            'level.growth_pct', CASE WHEN level_prev <> 0 THEN 100 * (level_cur - level_prev) / level_prev END
        )::text
        FROM figures
        """
}
