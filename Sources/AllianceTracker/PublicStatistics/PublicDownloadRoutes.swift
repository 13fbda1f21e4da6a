import Foundation
import Hummingbird

/// `/v1/public/indicators/{code}/revisions` and `/v1/public/download.csv`: built from
/// every public release of every year, not only each year's latest, so rendered once
/// per set of public releases (an embargo's end changes the key).
struct PublicDownloadRoutes {
    let releases: PublicReleases
    let statistics: PublicStatisticsService
    let citation: Citation

    static let filename = "attachment; filename=\"alliance-statistics.csv\""

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("public")
        group.get("indicators/{code}/revisions") { request, context in
            let code = try context.parameters.require("code")
            let format = try ResponseFormat(request)
            let visible = try await releases.visibleNow(logger: context.logger)
            let rendered = try await releases.renderedNow("revisions/\(code)/\(format.rawValue)/\(ReleaseIndex.names(visible))") {
                [statistics, citation, logger = context.logger] in
                let revisions = try await statistics.revisions(code, among: visible, logger: logger)
                let cited = citation.fields(citation.reference(every: visible))
                return try PublicRoutes.render(revisions, csv: revisions.csv, format: format, cited: cited)
            }
            return CacheableResponse.response(rendered, for: request)
        }
        group.get("download.csv") { request, context in
            let visible = try await releases.visibleNow(logger: context.logger)
            let rendered = try await releases.renderedNow("download/\(ReleaseIndex.names(visible))") {
                [statistics, citation, logger = context.logger] in
                CacheableResponse.Rendered(
                    body: try await statistics.download(among: visible, logger: logger).csv(citation: citation),
                    contentType: ResponseFormat.csv.contentType
                )
            }
            var response = CacheableResponse.response(rendered, for: request)
            if response.status == .ok { response.headers[.contentDisposition] = Self.filename }
            return response
        }
    }
}
