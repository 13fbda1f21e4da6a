import Foundation
import Logging

extension PublicStatisticsService {
    /// Every figure of every public release (embargoed ones are not read), from the
    /// frozen documents only.
    /// `visible`: the public releases, read once by the caller (see `revisions`).
    func download(among visible: [ReleaseInfo], logger: Logger) async throws -> PublicDownload {
        var published: [(info: ReleaseInfo, figures: [SDMXObservation])] = []
        for info in visible {
            let figures = try SDMXPublishedFigures(try await releases.frozen(info, logger: logger))
            published.append((info, SDMXObservation.all(in: figures, of: info)))
        }
        return PublicDownload(published)
    }
}
