import Foundation
import PostgresNIO

/// Flows read as levels: the baseline year's figure plus the accepted yearly figures since.
extension SummaryRepository {
    /// Per flow indicator with a panel: the countries with an accepted number every
    /// year from the baseline year (as in `sinceBaseline`) to `year`, and their level
    /// at the end of last year and of this year. Keyed by indicator code.
    ///
    /// Read from `summary_level_runs` (sql/0020): a country is in the panel when this
    /// year's unbroken run of years began by the baseline year, and its level is this
    /// year's running total less the run's total before the baseline year: two rows a
    /// country, whatever the history's length. The same sums as adding up every year.
    func cumulativeLevels(_ year: Int, on session: DatabaseSession) async throws -> [String: CumulativeLevel] {
        let rows = try await session.rows(
            """
            WITH \(unescaped: BaselineSQL.bases(upTo: year, flowsOnly: true)),
            panel AS (
                SELECT x.indicator, e.country::text AS country, x.base_year,
                       e.run_total - b.run_total + b.value - e.value AS previous,
                       e.run_total - b.run_total + b.value AS current
                FROM bases x
                JOIN summary_level_runs e ON e.indicator = x.indicator AND e.year = \(Int16(year))
                JOIN summary_level_runs b ON b.indicator = x.indicator AND b.country = e.country AND b.year = x.base_year
                WHERE x.base_year < \(year) AND e.run_start <= x.base_year
            )
            SELECT indicator, base_year, string_agg(country, ',' ORDER BY country), sum(previous), sum(current),
                   CASE WHEN sum(previous) > 0 THEN (sum(current) - sum(previous)) / sum(previous) * 100 END
            FROM panel GROUP BY indicator, base_year
            """
        )
        var result: [String: CumulativeLevel] = [:]
        for row in rows {
            let (code, baseYear, countries, previous, current, growth) = try row.decode(
                (String, Int, String, Decimal?, Decimal?, Decimal?).self
            )
            let panel = Self.countryCodes(countries)
            result[code] = CumulativeLevel(
                baselineYear: Nullable(baseYear),
                countries: panel.count,
                panel: panel,
                previous: Nullable(previous),
                current: Nullable(current),
                growthPct: Nullable(growth),
                suppressed: false
            )
        }
        return result
    }
}
