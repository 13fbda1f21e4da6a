import Foundation
import Logging

/// The public figures, assembled from the frozen documents of the published
/// releases: each indicator's series across years, and the overview of every year.
struct PublicStatisticsService: Sendable {
    let database: Database
    let releases: PublicReleases
    var repository = PublicStatisticsRepository()

    func series(_ code: String, logger: Logger) async throws -> IndicatorSeries {
        let found = try await database.read(logger: logger) { try await repository.indicator(code, on: $0) }
        guard let (kind, unit) = found else { throw DomainError.unknownIndicator(code) }
        var series = IndicatorSeries(indicator: code, measureKind: kind, unit: unit, demo: false, points: [])
        for info in try await releases.latestByYear(logger: logger) {
            let summary = try await releases.published(info, logger: logger)
            guard let figure = summary.indicators.first(where: { $0.code == code }) else { continue }
            series.demo = series.demo || summary.demo
            series.points.append(
                .init(
                    year: info.year,
                    release: info.release,
                    revised: info.release > 1,
                    value: Nullable(figure.headline),
                    countries: figure.countriesReporting,
                    growthLikeForLikePct: Nullable(figure.growth.likeForLike.pct),
                    changeLikeForLikePp: Self.points(figure),
                    suppressed: figure.headlineWithheld,
                    withheld: figure.shownWithheld
                )
            )
        }
        return series
    }

    func overview(logger: Logger) async throws -> Overview {
        let headlines = try await releases.headlineIndicators(logger: logger)
        var years: [Overview.Year] = []
        for info in try await releases.latestByYear(logger: logger) {
            let summary = try await releases.published(info, logger: logger)
            let figures = summary.indicators.filter { headlines.contains($0.code) }.map { figure in
                Overview.Headline(
                    indicator: figure.code,
                    measureKind: figure.measureKind,
                    value: Nullable(figure.headline),
                    countries: figure.countriesReporting,
                    growthLikeForLikePct: Nullable(figure.growth.likeForLike.pct),
                    changeLikeForLikePp: Self.points(figure),
                    suppressed: figure.headlineWithheld,
                    withheld: figure.shownWithheld
                )
            }
            years.append(
                .init(
                    year: info.year,
                    release: info.release,
                    publishedAt: info.publishedAt,
                    revised: info.release > 1,
                    demo: summary.demo,
                    expected: summary.completeness.expected,
                    accepted: summary.completeness.accepted,
                    onTimeRatePct: Nullable(summary.completeness.onTimeRate.pct),
                    headlines: figures,
                    targets: summary.targets
                )
            )
        }
        let demo = years.contains { $0.demo }
        return Overview(demo: demo, notice: demo ? Overview.demoNotice : nil, years: years)
    }

    /// Proportions change in points; other kinds have no such field.
    private static func points(_ figure: PublishedSummaryV1.Indicator) -> Nullable<Decimal>? {
        figure.measureKind.changesInPoints ? Nullable(figure.growth.likeForLike.points) : nil
    }

    func referenceSeries(logger: Logger) async throws -> ReferenceSeries {
        try await database.read(logger: logger) { try await ReferenceSeriesRepository().all(on: $0) }
    }
}
