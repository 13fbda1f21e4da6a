import Foundation
import PostgresNIO

/// Flows read as levels: the baseline year's figure plus the accepted yearly figures since.
extension SummaryRepository {
    /// Per flow indicator with a panel: the countries with an accepted number every
    /// year from the baseline year (as in `sinceBaseline`) to `year`, and their level
    /// at the end of last year and of this year. Keyed by indicator code.
    func cumulativeLevels(_ year: Int, on session: DatabaseSession) async throws -> [String: CumulativeLevel] {
        let rows = try await session.rows(
            """
            WITH \(unescaped: BaselineSQL.acceptedAndBases(upTo: year, flowsOnly: true)),
            panel AS (
                SELECT a.indicator, a.country, x.base_year,
                       sum(a.value) FILTER (WHERE a.year < \(year)) AS previous, sum(a.value) AS current
                FROM bases x JOIN accepted a ON a.indicator = x.indicator AND a.year >= x.base_year
                WHERE x.base_year < \(year)
                GROUP BY a.indicator, a.country, x.base_year
                HAVING count(*) = \(year) - x.base_year + 1
            )
            SELECT indicator, base_year, array_agg(country ORDER BY country), sum(previous), sum(current),
                   CASE WHEN sum(previous) > 0 THEN (sum(current) - sum(previous)) / sum(previous) * 100 END
            FROM panel GROUP BY indicator, base_year
            """
        )
        var result: [String: CumulativeLevel] = [:]
        for row in rows {
            let (code, baseYear, countries, previous, current, growth) = try row.decode(
                (String, Int, [String], Decimal?, Decimal?, Decimal?).self
            )
            result[code] = CumulativeLevel(
                baselineYear: Nullable(baseYear),
                countries: countries.count,
                panel: countries,
                previous: Nullable(previous),
                current: Nullable(current),
                growthPct: Nullable(growth),
                suppressed: false
            )
        }
        return result
    }
}
