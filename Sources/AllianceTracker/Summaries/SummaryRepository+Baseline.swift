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
            WITH \(unescaped: BaselineSQL.bases(upTo: year, flowsOnly: false)),
            -- this year's numbers gathered once and joined by hash with each baseline year's:
            -- joined row by row, the planner probed the primary key once per number (34 ms
            -- instead of 13 ms at 30 years, docs/benchmarks.md "Live summary")
            current AS MATERIALIZED (
                SELECT indicator, country, value FROM summary_values WHERE year = \(Int16(year)) AND value IS NOT NULL
            ),
            panel AS (
                SELECT x.indicator, x.kind, c.country, c.value AS cur, b.value AS base
                FROM bases x
                JOIN summary_values b ON b.year = x.base_year AND b.indicator = x.indicator AND b.value IS NOT NULL
                JOIN current c ON c.indicator = b.indicator AND c.country = b.country
                WHERE x.base_year < \(year)
            ),
            -- only the statistic each kind's headline is (HeadlineSQL): the others are not read
            figures AS (
                -- the panel as one text ("BE,DE"): decoding it as an array of texts cost the service
                -- more than the statement
                SELECT indicator, count(*) AS n, string_agg(country::text, ',' ORDER BY country) AS countries,
                       sum(base) FILTER (WHERE kind IN \(unescaped: Self.kinds(.total))) AS base_total,
                       avg(base) FILTER (WHERE kind IN \(unescaped: Self.kinds(.mean))) AS base_mean,
                       median_of(array_agg(base ORDER BY base) FILTER (WHERE kind IN \(unescaped: Self.kinds(.median)))) AS base_median,
                       count(*) FILTER (WHERE base = 1) * 100.0 / count(*) AS base_share,
                       sum(cur) FILTER (WHERE kind IN \(unescaped: Self.kinds(.total))) AS cur_total,
                       avg(cur) FILTER (WHERE kind IN \(unescaped: Self.kinds(.mean))) AS cur_mean,
                       median_of(array_agg(cur ORDER BY cur) FILTER (WHERE kind IN \(unescaped: Self.kinds(.median)))) AS cur_median,
                       count(*) FILTER (WHERE cur = 1) * 100.0 / count(*) AS cur_share
                FROM panel GROUP BY indicator
            ),
            headlines AS (
                SELECT i.code, i.measure_kind, x.base_year,
                       EXISTS (SELECT 1 FROM summary_year_figures a WHERE a.indicator = i.code AND a.year = x.base_year AND a.n > 0) AS has_base,
                       coalesce(f.countries, '') AS countries,
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
                (String, MeasureKind, Int?, Bool, String, Decimal?, Decimal?, Decimal?).self
            )
            result[code] = Self.baselineGrowth(
                year: year,
                kind: kind,
                baseYear: baseYear,
                hasBase: hasBase,
                panel: (Self.countryCodes(countries), base, cur),
                cagr: cagr
            )
        }
        return result
    }

    /// "BE,DE" as ["BE", "DE"]; "" as none.
    static func countryCodes(_ joined: String) -> [String] {
        joined.split(separator: ",").map(String.init)
    }

    /// `('flow', 'stock')`: the measure kinds whose headline is `statistic`.
    static func kinds(_ statistic: Statistic) -> String {
        let names = MeasureKind.allCases.filter { $0.headline == statistic }.map { "'\($0.rawValue)'" }
        return "(\(names.isEmpty ? "NULL" : names.joined(separator: ", ")))"
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
