import Foundation
import Logging
import NIOCore

/// A year's summary (docs/rules.md §4), computed from accepted report versions: live for
/// the secretariat, or inside a publication's transaction.
struct SummaryService: Sendable {
    let database: Database
    let clock: AppClock
    /// Rendered live summaries by data version; nil when `SUMMARY_CACHE=off`.
    var cache: LiveSummaryCache? = nil
    private static let repository = SummaryRepository()

    /// The live figures.
    func live(year: Int, logger: Logger) async throws -> Summary {
        try await database.read(logger: logger) { try await Self.build(year: year, now: clock.now(), on: $0) }
    }

    /// The live figures rendered by `render` (one format), served again from the cache
    /// while the data version (sql/0020) stays the same. `version`: the data version as
    /// the request's token check read it (`AppRequestContext.summaryDataVersion`), so
    /// that a repeat sends no statement; read here when nil. Either way it is read
    /// before the figures, so that figures kept under it are never older than it. With
    /// no version at all (its row deleted) every read computes and nothing is kept.
    func live(
        year: Int,
        format: String,
        version known: Int64?,
        logger: Logger,
        render: @escaping @Sendable (Summary) throws -> ByteBuffer
    ) async throws -> ByteBuffer {
        guard let cache else { return try render(try await live(year: year, logger: logger)) }
        let key = LiveSummaryCache.Key(year: year, format: format)
        if let known, let body = cache.body(key, version: known) { return body }
        return try await database.read(logger: logger) { session in
            var version = known
            if version == nil {
                version = try await Self.repository.dataVersion(on: session)
                if let version, let body = cache.body(key, version: version) { return body }
            }
            let body = try render(try await Self.build(year: year, now: clock.now(), on: session))
            if let version { cache.store(key, version: version, body: body) }
            return body
        }
    }

    /// Recomputes the kept figures (sql/0022) that this transaction's own changes
    /// touched, which are otherwise recomputed at its commit: for a publication that
    /// reads them in the transaction that changed them (the demo accepts and publishes
    /// in one). Only inside a transaction.
    static func recomputeOwnChanges(on session: DatabaseSession) async throws {
        try await session.run("SET CONSTRAINTS summary_figures_due IMMEDIATE")
        try await session.run("SET CONSTRAINTS summary_figures_due DEFERRED")
    }

    /// The figures as `session` sees them (a live read, a publication's transaction, a dry run).
    static func build(year: Int, now: Date, on session: DatabaseSession) async throws -> Summary {
        guard let completeness = try await repository.completeness(year, on: session) else { throw DomainError.unknownCycle(year) }
        var indicators = try await repository.indicators(year, on: session)
        let baselineGrowth = try await repository.sinceBaseline(year, on: session)
        for index in indicators.indices {
            if let figure = baselineGrowth[indicators[index].code] { indicators[index].sinceBaseline = figure }
        }
        let levels = try await repository.cumulativeLevels(year, on: session)
        for index in indicators.indices where indicators[index].measureKind == .flow {
            var level = levels[indicators[index].code] ?? .none
            level.baselineYear = indicators[index].sinceBaseline.baselineYear
            indicators[index].level = level
        }
        let progress = try await repository.commitments(year, on: session).map {
            CommitmentTracking.progress($0.commitment, latest: $0.latest, year: year)
        }
        let goals = SummaryAssembler.goals(try await repository.countriesReportingActions(year, on: session), progress: progress)
        let targets = SummaryAssembler.targets(
            try await TargetRepository().judged(year, on: session),
            indicators: indicators,
            covered: try await repository.coveredReporters(year, on: session),
            expected: completeness.expected
        )
        return Summary(
            year: year,
            release: nil,
            publishedAt: nil,
            computedAt: now,
            demo: try await repository.includesDemo(year, on: session),
            completeness: completeness,
            indicators: indicators,
            targets: targets,
            goals: goals,
            commitmentProgress: progress
        )
    }
}
