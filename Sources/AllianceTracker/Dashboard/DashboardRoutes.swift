import Foundation
import Hummingbird
import Logging

/// `/` and `/years/{year}`: the public dashboard, rendered once per set of
/// published releases and then served from memory.
struct DashboardRoutes {
    let releases: PublicReleases
    let statistics: PublicStatisticsService
    let catalogue: CatalogueService
    let minimumCountries: Int
    let citation: Citation

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            guard let latest = try await releases.latestByYear(logger: context.logger).last else {
                return Self.html(Self.nothingPublished)
            }
            return try await page(latest.year, request: request, logger: context.logger)
        }
        router.get("years/{year}") { request, context in
            try await page(try context.yearParameter(), request: request, logger: context.logger)
        }
        registerIndicators(on: router)
    }

    private func page(_ year: Int, request: Request, logger: Logger) async throws -> Response {
        let published = try await releases.latestByYear(logger: logger)
        guard let release = published.first(where: { $0.year == year }) else { throw DomainError.noRelease(year) }
        let key = "page/\(year)/" + (try await releases.signature(logger: logger))
        let rendered = try await releases.renderedNow(key) { [self] in
            let html = try await render(year: year, release: release, published: published, logger: logger)
            return CacheableResponse.Rendered(body: Data(html.utf8), contentType: "text/html; charset=utf-8")
        }
        return CacheableResponse.response(rendered, for: request)
    }

    private func render(year: Int, release: ReleaseInfo, published: [ReleaseInfo], logger: Logger) async throws -> String {
        let summary = try await releases.published(release, logger: logger)
        let indicators = try await catalogue.indicators(logger: logger)
        var series: [IndicatorSeries] = []
        for indicator in indicators where indicator.headline {
            series.append(try await statistics.series(indicator.code, logger: logger))
        }
        let reference = try await statistics.referenceSeries(logger: logger)
        return DashboardPage(
            year: year,
            release: release,
            summary: summary,
            published: published,
            goals: try await catalogue.goals(logger: logger),
            indicators: indicators,
            series: series,
            reference: reference,
            minimumCountries: minimumCountries,
            citation: citation.view(citation.reference(release))
        ).html
    }

    static func html(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: CacheableResponse.cacheControl],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    static var nothingPublished: String {
        DashboardTemplates.render([String: String](), as: "empty")
    }
}
