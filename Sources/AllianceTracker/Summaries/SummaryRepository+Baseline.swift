import Foundation
import PostgresNIO

/// The multi-year view: growth since the baseline year, like for like.
extension SummaryRepository {
    /// Compound annual growth from `baseline` to `year`, over the countries that
    /// reported the indicator in both years. Keyed by indicator code.
    func sinceBaseline(_ year: Int, baseline: Int, on session: DatabaseSession) async throws -> [String: BaselineGrowth] {
        guard baseline < year else { return [:] }
        let rows = try await session.rows(
            """
            WITH accepted AS (
                SELECT r.year, r.country, v.indicator, v.value
                FROM reports r JOIN report_values v ON v.report_id = r.id AND v.version = r.accepted_version
                WHERE r.year IN (\(Int16(year)), \(Int16(baseline))) AND r.accepted_version IS NOT NULL AND v.value IS NOT NULL
            ),
            panel AS (
                SELECT c.indicator, c.value AS cur, b.value AS base
                FROM accepted c JOIN accepted b ON b.country = c.country AND b.indicator = c.indicator
                WHERE c.year = \(Int16(year)) AND b.year = \(Int16(baseline))
            ),
            figures AS (
                SELECT indicator, count(*) AS n,
                       sum(base) AS base_total, avg(base) AS base_mean, median_of(array_agg(base ORDER BY base)) AS base_median,
                       count(*) FILTER (WHERE base = 1) * 100.0 / count(*) AS base_share,
                       sum(cur) AS cur_total, avg(cur) AS cur_mean, median_of(array_agg(cur ORDER BY cur)) AS cur_median,
                       count(*) FILTER (WHERE cur = 1) * 100.0 / count(*) AS cur_share
                FROM panel GROUP BY indicator
            ),
            headlines AS (
                SELECT i.code, coalesce(f.n, 0) AS n,
                       \(unescaped: HeadlineSQL.headline("base_")) AS base,
                       \(unescaped: HeadlineSQL.headline("cur_")) AS cur
                FROM indicators i LEFT JOIN figures f ON f.indicator = i.code
            )
            SELECT code, n, base, cur,
                   CASE WHEN base > 0 AND cur >= 0 THEN (power(cur / base, 1.0 / \(year - baseline)) - 1) * 100 END
            FROM headlines
            """
        )
        var result: [String: BaselineGrowth] = [:]
        for row in rows {
            let (code, n, base, cur, cagr) = try row.decode((String, Int, Decimal?, Decimal?, Decimal?).self)
            result[code] = BaselineGrowth(
                baselineYear: Nullable(baseline),
                countries: n,
                baseline: Nullable(base),
                current: Nullable(cur),
                cagrPct: Nullable(cagr),
                suppressed: false
            )
        }
        return result
    }

    /// The first year with a reporting cycle: the baseline of the multi-year view.
    func baselineYear(on session: DatabaseSession) async throws -> Int? {
        try await session.rows("SELECT min(year)::int FROM reporting_cycles")
            .first.flatMap { try $0.decode(Int?.self) }
    }
}
