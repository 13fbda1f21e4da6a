import Foundation
import Logging
import PostgresNIO

/// The public figures, assembled from the published releases: each indicator's
/// series across years, and the overview of every year.
struct PublicStatistics: Sendable {
    let database: Database
    let releases: PublicReleases

    func series(_ code: String, logger: Logger) async throws -> IndicatorSeries {
        let known = try await database.query("SELECT measure_kind, unit FROM indicators WHERE code = \(code)", logger: logger).collect()
        guard let row = known.first else { throw DomainError.unknownIndicator(code) }
        let (kind, unit) = try row.decode((String, String).self)
        var series = IndicatorSeries(indicator: code, measureKind: kind, unit: unit, demo: false, points: [])
        for info in try await releases.latestByYear(logger: logger) {
            let summary = try await releases.summary(info, latest: info.release, logger: logger)
            guard let figure = summary.indicators.first(where: { $0.code == code }) else { continue }
            series.demo = series.demo || summary.demo
            series.points.append(.init(
                year: info.year, release: info.release, revised: info.release > 1, value: figure.headline,
                countries: figure.countriesReporting, growthLikeForLikePct: figure.growth.likeForLike.pct, suppressed: figure.suppressed
            ))
        }
        return series
    }

    func overview(logger: Logger) async throws -> Overview {
        let headlines = try await releases.headlineIndicators(logger: logger)
        var years: [Overview.Year] = []
        for info in try await releases.latestByYear(logger: logger) {
            let summary = try await releases.summary(info, latest: info.release, logger: logger)
            let figures = summary.indicators.filter { headlines.contains($0.code) }.map { figure in
                Overview.Headline(indicator: figure.code, measureKind: figure.measureKind, value: figure.headline,
                                  countries: figure.countriesReporting, growthLikeForLikePct: figure.growth.likeForLike.pct,
                                  suppressed: figure.suppressed)
            }
            years.append(.init(year: info.year, release: info.release, publishedAt: info.publishedAt, revised: info.release > 1,
                               demo: summary.demo, expected: summary.completeness.expected, accepted: summary.completeness.accepted,
                               onTimeRatePct: summary.completeness.onTimeRate.pct, headlines: figures, targets: summary.targets))
        }
        let demo = years.contains { $0.demo }
        return Overview(demo: demo, notice: demo ? Overview.demoNotice : nil, years: years)
    }
}
