import Foundation
import PostgresNIO

/// The multi-year view: since each indicator's baseline year, like for like.
extension SummaryRepository {
    /// Each indicator's baseline year is its alliance-wide target's `baseline_year`,
    /// or, without one, the first year up to `year` with an accepted value: an empty
    /// earlier cycle does not move it. The panel is the countries with an accepted
    /// value in both years. Read from the figures kept per cycle year (sql/0022), with
    /// the headline the measure kind calls for. Keyed by indicator code.
    func sinceBaseline(_ year: Int, on session: DatabaseSession) async throws -> [String: BaselineGrowth] {
        let rows = try await session.rows(
            """
            WITH headlines AS (
                SELECT i.code, i.measure_kind, f.base_year, coalesce(f.has_base, false) AS has_base,
                       coalesce(f.countries, '') AS countries,
                       \(unescaped: HeadlineSQL.headline("base_")) AS base, \(unescaped: HeadlineSQL.headline("cur_")) AS cur
                FROM indicators i LEFT JOIN summary_baseline_figures f ON f.year = \(Int16(year)) AND f.indicator = i.code
            )
            SELECT code, measure_kind, base_year, has_base, countries, base, cur,
                   CASE WHEN base > 0 AND cur >= 0 AND base_year < \(year) THEN (power(cur / base, 1.0 / (\(year) - base_year)) - 1) * 100 END
            FROM headlines
            """
        )
        var result: [String: BaselineGrowth] = [:]
        for row in rows {
            let (code, kind, baseYear, hasBase, countries, base, cur, cagr) = try row.decode(
                (String, MeasureKind, Int?, Bool, String, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?).self
            )
            result[code] = Self.baselineGrowth(
                year: year,
                kind: kind,
                baseYear: baseYear,
                hasBase: hasBase,
                panel: (Self.countryCodes(countries), base?.value, cur?.value),
                cagr: cagr?.value
            )
        }
        return result
    }

    /// "BE,DE" as ["BE", "DE"]; "" as none.
    /// Split on the UTF-8 bytes: `String.split` took 8 % of a cold summary's time (perf).
    static func countryCodes(_ joined: String) -> [String] {
        joined.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
        } ?? joined.split(separator: ",").map(String.init)
    }

    /// The figure, or null with its reason: compound annual growth (computed in the
    /// query), or the change in points for proportions.
    static func baselineGrowth(
        year: Int,
        kind: MeasureKind,
        baseYear: Int?,
        hasBase: Bool,
        panel: (countries: [String], base: Decimal?, current: Decimal?),
        cagr: Decimal?
    ) -> BaselineGrowth {
        let (countries, base, current) = panel
        var figure = BaselineGrowth.none
        figure.baselineYear = Nullable(baseYear)
        guard let baseYear else { return figure }
        // before `hasBase`: a target's baseline year later than this one has no data up to
        // this year, and is still not after it (docs/statistics.md)
        guard baseYear < year else {
            figure.reason = Nullable(.notAfterBaseline)
            return figure
        }
        guard hasBase else { return figure }
        guard let base, let current, !countries.isEmpty else {
            figure.reason = Nullable(.noCommonCountries)
            return figure
        }
        figure.countries = countries.count
        figure.panel = countries
        figure.baseline = Nullable(base)
        figure.current = Nullable(current)
        figure.reason = Nullable(nil)
        if kind.changesInPoints {
            figure.changePp = Nullable(current - base)
        } else if let cagr {
            figure.cagrPct = Nullable(cagr)
        } else {
            figure.reason = Nullable(.baselineZero)
        }
        return figure
    }
}
