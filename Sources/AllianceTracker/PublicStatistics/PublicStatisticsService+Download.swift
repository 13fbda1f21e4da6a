import Foundation
import Logging

extension PublicStatisticsService {
    /// Every figure of every public release (embargoed ones are not read), from the
    /// frozen documents only.
    func download(logger: Logger) async throws -> PublicDownload {
        var published: [(info: ReleaseInfo, figures: [SDMXObservation])] = []
        for info in try await releases.visibleNow(logger: logger) {
            let figures = try SDMXPublishedFigures(try await releases.frozen(info, logger: logger))
            published.append((info, SDMXObservation.all(in: figures, of: info)))
        }
        return PublicDownload(published)
    }
}
