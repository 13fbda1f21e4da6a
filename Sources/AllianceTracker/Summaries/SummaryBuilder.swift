import Foundation
import Logging
import PostgresNIO

/// Assembles a year's summary from its sections. The figures come from SQL
/// (`SummaryQueries`); here they are only put together, and targets judged.
struct SummaryBuilder {
    let connection: PostgresConnection
    let logger: Logger
    /// When given, the two heaviest queries run at once on two connections. A
    /// release is built inside its transaction, on one connection, without it.
    var pool: Database? = nil

    func build(year: Int, now: Date) async throws -> Summary {
        let queries = SummaryQueries(connection: connection, logger: logger)
        guard let completeness = try await queries.completeness(year) else { throw DomainError.unknownCycle(year) }
        let baseline = try await queries.baselineYear()
        async let sinceBaseline = baselineGrowth(year, baseline: baseline)
        var indicators = try await queries.indicators(year)
        if baseline != nil {
            let growth = try await sinceBaseline
            for index in indicators.indices {
                if let figure = growth[indicators[index].code] { indicators[index].sinceBaseline = figure }
            }
        }
        let progress = try await queries.commitments(year).map {
            CommitmentTracking.progress($0.commitment, current: $0.current, year: year)
        }
        let goals = try await queries.countriesReportingActions(year).map { goal, title, countries in
            let mine = progress.filter { $0.goal == goal }
            return GoalSummary(goal: goal, title: title, countriesReportingActions: countries, commitments: mine.count,
                               onTrack: Nullable(mine.filter { $0.status == "on_track" }.count),
                               offTrack: Nullable(mine.filter { $0.status == "off_track" }.count),
                               noData: Nullable(mine.filter { $0.status == "no_data" }.count))
        }
        let demo = try await connection.query(
            "SELECT EXISTS (SELECT 1 FROM reports WHERE year IN (\(Int16(year)), \(Int16(year - 1))) AND demo)", logger: logger
        ).collect()[0].decode(Bool.self)
        return Summary(
            year: year, release: nil, publishedAt: nil, computedAt: now, demo: demo, completeness: completeness,
            indicators: indicators, targets: try await targets(indicators), goals: goals, commitmentProgress: progress
        )
    }

    private func baselineGrowth(_ year: Int, baseline: Int?) async throws -> [String: BaselineGrowth] {
        guard let baseline else { return [:] }
        guard let pool else {
            return try await SummaryQueries(connection: connection, logger: logger).sinceBaseline(year, baseline: baseline)
        }
        return try await pool.withConnection { connection in
            try await SummaryQueries(connection: connection, logger: logger).sinceBaseline(year, baseline: baseline)
        }
    }

    /// Alliance-wide targets, judged on the indicator figures. `met` is null when
    /// the figure the target needs is missing: never a guess.
    private func targets(_ indicators: [IndicatorSummary]) async throws -> [TargetResult] {
        let rows = try await connection.query(
            "SELECT id, indicator, rule, threshold, basis FROM targets WHERE scope = 'alliance' ORDER BY id", logger: logger
        ).collect()
        return try rows.map { row in
            let (id, code, rule, threshold, basis) = try row.decode((String, String, String, Decimal?, String).self)
            let figure = indicators.first { $0.code == code }
            let (value, countries) = Self.value(of: figure, basis: basis)
            let met: Bool? = value.map { value in
                switch rule {
                case "annual_growth_at_least", "level_at_least": value >= (threshold ?? 0)
                case "level_at_most": value <= (threshold ?? 0)
                default: value == 100  // rule 'true': every reporting country answers yes
                }
            }
            return TargetResult(id: id, indicator: code, rule: rule, basis: basis, threshold: Nullable(threshold),
                                value: Nullable(value), met: Nullable(met), countries: countries, suppressed: false)
        }
    }

    static func value(of figure: IndicatorSummary?, basis: String) -> (Decimal?, Int) {
        guard let figure else { return (nil, 0) }
        switch basis {
        case "like_for_like": return (figure.growth.likeForLike.pct.value, figure.growth.likeForLike.countries)
        case "all_reporters": return (figure.growth.allReporters.pct.value, figure.growth.allReporters.countries)
        case "total": return (figure.total.value, figure.countriesReporting)
        case "mean": return (figure.mean.value, figure.countriesReporting)
        case "median": return (figure.median.value, figure.countriesReporting)
        default: return (figure.sharePct.value, figure.countriesReporting)
        }
    }
}
