import Foundation
import Hummingbird
import Logging

/// `/indicators/{code}`: one page per indicator of the catalogue, rendered once per set
/// of published releases, as the year pages are. An unknown code is 404
/// `unknown_indicator`, as `/years/{year}` answers an unpublished year 404 `no_release`.
extension DashboardRoutes {
    func registerIndicators(on router: Router<AppRequestContext>) {
        router.get("indicators/{code}") { request, context in
            let code = try context.parameters.require("code")
            // every public release, not each year's latest: the page shows the revision history
            let visible = try await releases.visibleNow(logger: context.logger)
            let key = "indicator/\(code)/" + ReleaseIndex.names(visible)
            // made (and kept) only for a code the catalogue has: an unknown one throws first
            let rendered = try await releases.renderedNow(key) { [self, logger = context.logger] in
                let html = try await indicatorPage(code, among: visible, logger: logger)
                return CacheableResponse.Rendered(body: Data(html.utf8), contentType: "text/html; charset=utf-8")
            }
            return CacheableResponse.response(rendered, for: request)
        }
    }

    private func indicatorPage(_ code: String, among visible: [ReleaseInfo], logger: Logger) async throws -> String {
        let indicator = try await catalogue.indicator(code, logger: logger)
        let goal = try await catalogue.goals(logger: logger).first { $0.id == indicator.goal }
        let series = try await statistics.series(code, logger: logger)
        var summaries: [PublishedSummaryV1] = []
        let latest = try await releases.latestByYear(logger: logger)
        for info in latest {
            summaries.append(try await releases.published(info, logger: logger))
        }
        return IndicatorPage(
            indicator: indicator,
            goal: goal,
            series: series,
            history: try await statistics.revisions(code, among: visible, logger: logger),
            summaries: summaries,
            minimumCountries: minimumCountries,
            citation: citation.view(citation.reference(latestOf: latest))
        ).html
    }
}
