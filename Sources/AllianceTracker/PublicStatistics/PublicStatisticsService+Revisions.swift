import Foundation
import Logging

extension PublicStatisticsService {
    /// The indicator's headline figure in every public release of each year, with the
    /// revision between the year's first and latest (`RevisionHistory`). Embargoed
    /// releases are not read. `visible`: the public releases, read once by the caller, so
    /// that what it names the body by (its cache key, its citation) is what the body holds.
    func revisions(_ code: String, among visible: [ReleaseInfo], logger: Logger) async throws -> IndicatorRevisions {
        let found = try await database.read(logger: logger) { try await repository.indicator(code, on: $0) }
        guard let (kind, unit) = found else { throw DomainError.unknownIndicator(code) }
        var published: [(info: ReleaseInfo, indicator: PublishedSummaryV1.Indicator)] = []
        var demo = false
        for info in visible {
            let summary = try await releases.published(info, logger: logger)
            guard let figure = summary.indicators.first(where: { $0.code == code }) else { continue }
            demo = demo || summary.demo
            published.append((info, figure))
        }
        return IndicatorRevisions(indicator: code, measureKind: kind, unit: unit, demo: demo, years: RevisionHistory.years(published, kind: kind))
    }
}
