import Foundation
import Logging
import PostgresNIO

/// The summary's figures, one query a section, computed where the data are.
/// Only accepted versions count; a not-available value is not a number.
struct SummaryRepository: Sendable {

    /// Returns nil when the year has no cycle.
    func completeness(_ year: Int, on session: DatabaseSession) async throws -> Completeness? {
        try await completenessByYear(year, on: session).first?.completeness
    }

    /// Every cycle's dates and completeness (docs/statistics.md), or only `year`'s:
    /// the one definition, in one statement, for the summary and the cycle list.
    func completenessByYear(_ year: Int? = nil, on session: DatabaseSession) async throws -> [CycleCompleteness] {
        let rows = try await session.rows(
            """
            SELECT c.year::int, c.opens_on::text, c.due_on::text, c.locks_on::text,
                   count(e.country),
                   count(r.first_submitted_at),
                   count(r.accepted_version),
                   count(*) FILTER (WHERE (r.first_submitted_at AT TIME ZONE 'UTC')::date <= c.due_on)
            FROM reporting_cycles c
            LEFT JOIN cycle_expected_reporters e ON e.year = c.year
            LEFT JOIN reports r ON r.country = e.country AND r.year = e.year
            WHERE \(year.map(Int16.init))::smallint IS NULL OR c.year = \(year.map(Int16.init))
            GROUP BY c.year
            ORDER BY c.year
            """
        )
        return try rows.map { row in
            let (year, opens, due, locks, expected, submitted, accepted, onTime) = try row.decode(
                (Int, String, String, String, Int, Int, Int, Int).self
            )
            let counts = Completeness(
                expected: expected,
                submitted: submitted,
                accepted: accepted,
                onTime: onTime,
                submissionRate: Rate(submitted, of: expected),
                acceptanceRate: Rate(accepted, of: expected),
                onTimeRate: Rate(onTime, of: expected)
            )
            return CycleCompleteness(year: year, opensOn: opens, dueOn: due, locksOn: locks, completeness: counts)
        }
    }

    /// Each indicator's aggregates this year and last, and both growth forms: all
    /// reporters from each year's figures, like for like from the figures over the
    /// countries with a number in both years. The figures are kept as the accepted
    /// values change (sql/0022), so that this reads three rows an indicator. `headline`
    /// picks the figure the measure kind calls for.
    func indicators(_ year: Int, on session: DatabaseSession) async throws -> [IndicatorSummary] {
        let rows = try await session.rows(
            """
            WITH headlines AS (
                SELECT i.code, i.goal, i.unit, i.measure_kind,
                       coalesce(c.n, 0) AS n, coalesce(c.unavailable, 0) AS unavailable,
                       c.total, c.mean, c.median, c.low, c.high, c.share, coalesce(p.n, 0) AS prev_n,
                       coalesce(f.n, 0) AS panel_n,
                       \(unescaped: HeadlineSQL.headline("", of: "c")) AS cur,
                       \(unescaped: HeadlineSQL.headline("", of: "p")) AS prev,
                       \(unescaped: HeadlineSQL.headline("cur_")) AS panel_cur,
                       \(unescaped: HeadlineSQL.headline("prev_")) AS panel_prev
                FROM indicators i
                LEFT JOIN summary_year_figures c ON c.year = \(Int16(year)) AND c.indicator = i.code
                LEFT JOIN summary_year_figures p ON p.year = \(Int16(year - 1)) AND p.indicator = i.code
                LEFT JOIN summary_pair_figures f ON f.year = \(Int16(year)) AND f.indicator = i.code
            )
            SELECT code, goal, unit, measure_kind, n, unavailable, cur, total, mean, median, low, high, share, prev, prev_n,
                   CASE WHEN prev <> 0 THEN (cur - prev) / prev * 100 END,
                   panel_n, CASE WHEN panel_n > 0 THEN panel_prev END, CASE WHEN panel_n > 0 THEN panel_cur END,
                   CASE WHEN panel_prev <> 0 THEN (panel_cur - panel_prev) / panel_prev * 100 END,
                   cur - prev, CASE WHEN panel_n > 0 THEN panel_cur - panel_prev END
            FROM headlines ORDER BY goal, code
            """
        )
        return try rows.map(Self.indicator)
    }

    private static func indicator(_ row: PostgresRow) throws -> IndicatorSummary {
        let (
            code, goal, unit, kind, n, unavailable, headline, total, mean, median, low, high, share, previous, previousN,
            allPct, panelN, panelPrevious, panelCurrent, panelPct, allPoints, panelPoints
        ) =
            try row.decode(
                (
                    String, Int, String, MeasureKind, Int, Int, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?,
                    DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?, Int,
                    DatabaseDecimal?, Int, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?, DatabaseDecimal?,
                    DatabaseDecimal?
                ).self
            )
        // a statistic that means nothing for the kind is left out, not shown
        func only(_ statistic: Statistic, _ value: DatabaseDecimal?) -> Nullable<Decimal> {
            Nullable(kind.statistics.contains(statistic) ? value?.value : nil)
        }
        // proportions change in points, never in percent of themselves
        func change(pct: DatabaseDecimal?, points: DatabaseDecimal?) -> (Nullable<Decimal>, Nullable<Decimal>) {
            kind.changesInPoints ? (nil, Nullable(stored: points)) : (Nullable(stored: pct), nil)
        }
        let (allChange, allChangePp) = change(pct: allPct, points: allPoints)
        let (panelChange, panelChangePp) = change(pct: panelPct, points: panelPoints)
        return IndicatorSummary(
            code: code,
            goal: goal,
            unit: unit,
            measureKind: kind,
            countriesReporting: n,
            notAvailable: unavailable,
            headline: Nullable(stored: headline),
            total: only(.total, total),
            mean: only(.mean, mean),
            median: only(.median, median),
            min: only(.min, low),
            max: only(.max, high),
            sharePct: only(.share, share),
            previous: Nullable(stored: previous),
            previousCountries: previousN,
            growth: Growth(
                allReporters: GrowthFigure(
                    pct: allChange,
                    changePp: allChangePp,
                    countries: n,
                    previousCountries: previousN,
                    previous: Nullable(stored: previous),
                    current: Nullable(stored: headline),
                    suppressed: false
                ),
                likeForLike: GrowthFigure(
                    pct: panelChange,
                    changePp: panelChangePp,
                    countries: panelN,
                    previousCountries: panelN,
                    previous: Nullable(stored: panelPrevious),
                    current: Nullable(stored: panelCurrent),
                    suppressed: false
                )
            ),
            sinceBaseline: .none,
            suppressed: false
        )
    }

    /// Per goal: countries whose accepted report describes actions taken.
    func countriesReportingActions(_ year: Int, on session: DatabaseSession) async throws -> [(goal: Int, title: String, countries: Int)] {
        try await session.rows(
            """
            SELECT g.id, g.title, count(DISTINCT r.country)
            FROM goals g
            LEFT JOIN (reports r JOIN report_narratives n
                       ON n.report_id = r.id AND n.version = r.accepted_version
                      AND r.year = \(Int16(year)) AND btrim(n.actions_taken) <> '')
                   ON n.goal = g.id
            GROUP BY g.id, g.title ORDER BY g.id
            """
        ).map { row in
            let (goal, title, countries) = try row.decode((Int, String, Int).self)
            return (goal, title, countries)
        }
    }

    /// Every commitment not withdrawn, with its country's latest accepted value up to
    /// `year`: the same figures as the commitments API (`CommitmentRepository`).
    func commitments(_ year: Int, on session: DatabaseSession) async throws -> [(commitment: CommitmentRow, latest: AcceptedValue?)] {
        let repository = CommitmentRepository()
        let latest = try await repository.latestValues(country: nil, upTo: year, in: session)
        return try await repository.select(country: nil, id: nil, in: session).filter { $0.withdrawnAt == nil }.map { ($0.row, latest[$0.id]) }
    }

    /// Per indicator: the year's expected reporters whose accepted report gives a
    /// number for it (the numerator of a target's coverage), kept in the year's figures
    /// (sql/0022).
    func coveredReporters(_ year: Int, on session: DatabaseSession) async throws -> [String: Int] {
        var covered: [String: Int] = [:]
        let rows = try await session.rows(
            """
            SELECT indicator, covered FROM summary_year_figures WHERE year = \(Int16(year))
            """
        )
        for row in rows {
            let (indicator, count) = try row.decode((String, Int).self)
            covered[indicator] = count
        }
        return covered
    }

    /// Whether made-up demonstration reports go into the year's figures (this year's or last year's).
    func includesDemo(_ year: Int, on session: DatabaseSession) async throws -> Bool {
        try await session.rows(
            "SELECT EXISTS (SELECT 1 FROM reports WHERE year IN (\(Int16(year)), \(Int16(year - 1))) AND demo)"
        )[0].decode(Bool.self)
    }
}
