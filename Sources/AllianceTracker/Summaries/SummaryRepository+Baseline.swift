import Foundation
import PostgresNIO

/// The multi-year view: since each indicator's baseline year, like for like.
extension SummaryRepository {
    /// Each indicator's baseline year is its alliance-wide target's `baseline_year`,
    /// or, without one, the first year up to `year` with an accepted value: an empty
    /// earlier cycle does not move it. The panel is the countries with an accepted
    /// value in both years. Keyed by indicator code.
    func sinceBaseline(_ year: Int, on session: DatabaseSession) async throws -> [String: BaselineGrowth] {
        let rows = try await session.rows(
            """
            WITH \(unescaped: BaselineSQL.acceptedAndBases(upTo: year, flowsOnly: false)),
            -- the numbers of this year and of the baseline years, gathered once and joined by
            -- hash: joined row by row, each number read every number of its country's base report
            -- (docs/benchmarks.md, "Live summary")
            years AS MATERIALIZED (
                SELECT a.year, a.indicator, a.country, a.value FROM accepted a
                WHERE a.year = \(year) OR a.year IN (SELECT base_year FROM bases WHERE base_year < \(year))
            ),
            panel AS (
                SELECT c.indicator, c.country, c.value AS cur, b.value AS base
                FROM bases x
                JOIN years c ON c.indicator = x.indicator AND c.year = \(year)
                JOIN years b ON b.indicator = x.indicator AND b.country = c.country AND b.year = x.base_year
                WHERE x.base_year < \(year)
            ),
            figures AS (
                SELECT indicator, count(*) AS n, array_agg(country ORDER BY country) AS countries,
                       sum(base) AS base_total, avg(base) AS base_mean, median_of(array_agg(base ORDER BY base)) AS base_median,
                       count(*) FILTER (WHERE base = 1) * 100.0 / count(*) AS base_share,
                       sum(cur) AS cur_total, avg(cur) AS cur_mean, median_of(array_agg(cur ORDER BY cur)) AS cur_median,
                       count(*) FILTER (WHERE cur = 1) * 100.0 / count(*) AS cur_share
                FROM panel GROUP BY indicator
            ),
            headlines AS (
                SELECT i.code, i.measure_kind, x.base_year,
                       EXISTS (SELECT 1 FROM accepted a WHERE a.indicator = i.code AND a.year = x.base_year) AS has_base,
                       coalesce(f.countries, '{}') AS countries,
                       \(unescaped: HeadlineSQL.headline("base_")) AS base, \(unescaped: HeadlineSQL.headline("cur_")) AS cur
                FROM indicators i JOIN bases x ON x.indicator = i.code LEFT JOIN figures f ON f.indicator = i.code
            )
            SELECT code, measure_kind, base_year, has_base, countries, base, cur,
                   CASE WHEN base > 0 AND cur >= 0 AND base_year < \(year) THEN (power(cur / base, 1.0 / (\(year) - base_year)) - 1) * 100 END
            FROM headlines
            """
        )
        var result: [String: BaselineGrowth] = [:]
        for row in rows {
            let (code, kind, baseYear, hasBase, countries, base, cur, cagr) = try row.decode(
                (String, MeasureKind, Int?, Bool, [String], Decimal?, Decimal?, Decimal?).self
            )
            result[code] = Self.baselineGrowth(
                year: year,
                kind: kind,
                baseYear: baseYear,
                hasBase: hasBase,
                panel: (countries, base, cur),
                cagr: cagr
            )
        }
        return result
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
