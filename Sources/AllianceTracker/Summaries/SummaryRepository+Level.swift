import Foundation
import PostgresNIO

/// Flows read as levels: the baseline year's figure plus the accepted yearly figures since.
extension SummaryRepository {
    /// Per flow indicator with a panel: the countries with an accepted number every
    /// year from the baseline year (as in `sinceBaseline`) to `year`, and their level
    /// at the end of last year and of this year. Keyed by indicator code.
    ///
    /// Kept per cycle year (sql/0022) from `summary_level_runs` (sql/0020): a country
    /// is in the panel when this year's unbroken run of years began by the baseline
    /// year, and its level is this year's running total less the run's total before the
    /// baseline year. The same sums as adding up every year.
    func cumulativeLevels(_ year: Int, on session: DatabaseSession) async throws -> [String: CumulativeLevel] {
        let rows = try await session.rows(
            """
            SELECT indicator, base_year, countries, previous, current, growth
            FROM summary_level_figures WHERE year = \(Int16(year))
            """
        )
        var result: [String: CumulativeLevel] = [:]
        for row in rows {
            let (code, baseYear, countries, previous, current, growth) = try row.decode(
                (String, Int, String, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?).self
            )
            let panel = Self.countryCodes(countries)
            result[code] = CumulativeLevel(
                baselineYear: Nullable(baseYear),
                countries: panel.count,
                panel: panel,
                previous: Nullable(stored: previous),
                current: Nullable(stored: current),
                growthPct: Nullable(stored: growth),
                suppressed: false
            )
        }
        return result
    }
}
