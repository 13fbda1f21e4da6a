import Foundation
import Hummingbird

/// `/v1/public/releases` (JSON or CSV) and `/v1/public/releases.atom`: rendered once
/// per snapshot of the releases (which are known, which are public now), so a body
/// made before an embargo's end is never served after it.
struct ReleaseFeedRoutes {
    let feed: ReleaseListService

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("public")
        group.get("releases") { request, context in
            let format = try ResponseFormat(request)
            let snapshot = try await feed.snapshot(logger: context.logger)
            let rendered = try await feed.releases.renderedNow("releases/\(format.rawValue)/\(snapshot.signature)") {
                [feed, logger = context.logger] in
                let listing = try await feed.listing(snapshot, logger: logger)
                let cited = feed.citation.fields(feed.citation.reference(latestOf: snapshot.latestPublicByYear))
                return try PublicRoutes.render(listing, csv: ReleaseListingCSV.render(listing), format: format, cited: cited)
            }
            return CacheableResponse.response(rendered, for: request)
        }
        group.get("releases.atom") { request, context in
            let snapshot = try await feed.snapshot(logger: context.logger)
            let rendered = try await feed.releases.renderedNow("releases.atom/\(snapshot.signature)") { [feed, logger = context.logger] in
                let listing = try await feed.listing(snapshot, logger: logger)
                return CacheableResponse.Rendered(
                    body: Data(ReleaseAtomFeed.render(listing, licence: feed.citation.licence).utf8),
                    contentType: ReleaseAtomFeed.contentType
                )
            }
            return CacheableResponse.response(rendered, for: request)
        }
    }
}
