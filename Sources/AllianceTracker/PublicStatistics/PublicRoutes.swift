import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `/v1/public/…`: published releases only, as frozen when published (after
/// disclosure control), cacheable, as JSON or CSV. What is built from releases is
/// rendered once per set of releases (`PublicReleases.rendered`); the reference
/// series are read each time.
struct PublicRoutes {
    let releases: PublicReleases
    let statistics: PublicStatisticsService
    let citation: Citation

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("public")
        group.get("summaries/{year}") { request, context in
            let year = try context.yearParameter()
            let format = try ResponseFormat(request)
            guard let latest = try await releases.latestVisibleNow(year: year, logger: context.logger) else {
                throw DomainError.noRelease(year)
            }
            return try await summaryResponse(latest, latest: latest.release, format: format, request: request, logger: context.logger)
        }
        group.get("summaries/{year}/releases/{n}") { request, context in
            let year = try context.yearParameter()
            let format = try ResponseFormat(request)
            let published = try await releases.visibleNow(logger: context.logger).filter { $0.year == year }
            guard let number = Int(context.parameters.get("n") ?? ""), let info = published.first(where: { $0.release == number }),
                let latest = published.last
            else {
                throw DomainError(.noRelease, "\(year) has no published release \(context.parameters.get("n") ?? "").")
            }
            return try await summaryResponse(info, latest: latest.release, format: format, request: request, logger: context.logger)
        }
        group.get("indicators/{code}/series") { request, context in
            let code = try context.parameters.require("code")
            let format = try ResponseFormat(request)
            let visible = try await releases.signature(logger: context.logger)
            let rendered = try await releases.renderedNow("series/\(code)/\(format.rawValue)/\(visible)") { [self, logger = context.logger] in
                let series = try await statistics.series(code, logger: logger)
                let cited = citation.fields(citation.reference(latestOf: try await releases.latestByYear(logger: logger)))
                return try Self.render(series, csv: series.csv, format: format, cited: cited)
            }
            return CacheableResponse.response(rendered, for: request)
        }
        group.get("overview") { request, context in
            let format = try ResponseFormat(request)
            let visible = try await releases.signature(logger: context.logger)
            let rendered = try await releases.renderedNow("overview/\(format.rawValue)/\(visible)") { [self, logger = context.logger] in
                let overview = try await statistics.overview(logger: logger)
                let cited = citation.fields(citation.reference(latestOf: try await releases.latestByYear(logger: logger)))
                return try Self.render(overview, csv: overview.csv, format: format, cited: cited)
            }
            return CacheableResponse.response(rendered, for: request)
        }
        group.get("reference-series") { request, context in
            let format = try ResponseFormat(request)
            let reference = try await statistics.referenceSeries(logger: context.logger)
            let cited = citation.fields(citation.referenceSeries)
            return CacheableResponse.response(try Self.render(reference, csv: reference.csv, format: format, cited: cited), for: request)
        }
    }

    private func summaryResponse(
        _ info: ReleaseInfo,
        latest: Int,
        format: ResponseFormat,
        request: Request,
        logger: Logger
    ) async throws -> Response {
        let key = "summary/\(info.year)/\(info.release)/\(latest)/\(format.rawValue)"
        let rendered = try await releases.renderedNow(key) { [releases, citation] in
            let frozen = try await releases.frozen(info, logger: logger)
            // RFC 8574: the release's own address is the one to cite, whichever path asked
            let citeAs: HTTPFields = [.link: "</v1/public/summaries/\(info.year)/releases/\(info.release)>; rel=\"cite-as\""]
            // served as stored: only which release is latest, the citation and the licence are added to the JSON
            return switch format {
            case .json:
                CacheableResponse.Rendered(
                    body: try citation.fields(citation.reference(info)).added(to: frozen.json(release: info.release, latest: latest)),
                    contentType: format.contentType,
                    fields: citeAs
                )
            case .csv: CacheableResponse.Rendered(body: Data(frozen.csv.utf8), contentType: format.contentType, fields: citeAs)
            }
        }
        return CacheableResponse.response(rendered, for: request)
    }

    /// JSON with `cite_as` and `licence` added; CSV as it is (its licence is in the `Link` header).
    static func render(
        _ value: some Encodable,
        csv: @autoclosure () -> Data,
        format: ResponseFormat,
        cited: Citation.Fields
    ) throws -> CacheableResponse.Rendered {
        switch format {
        case .json: CacheableResponse.Rendered(body: try cited.added(to: JSONCoding.encoder.encode(value)), contentType: format.contentType)
        case .csv: CacheableResponse.Rendered(body: csv(), contentType: format.contentType)
        }
    }
}
