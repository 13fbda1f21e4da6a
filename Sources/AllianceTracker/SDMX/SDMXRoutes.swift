import Foundation
import Hummingbird

/// `/v1/public/sdmx/…`: the SDMX REST API v2 paths for the published statistics
/// (docs/open-data.md). Structures as SDMX-JSON 2.0.0; data as SDMX-CSV 2.0.0 or
/// SDMX-JSON 2.0.0 by `Accept` or `?format=csv|json`.
struct SDMXRoutes {
    let sdmx: SDMXService

    func register(on v1: RouterGroup<AppRequestContext>) {
        let group = v1.group("public/sdmx")
        for kind in [SDMXStructureMessage.Kind.dataflow, .datastructure, .codelist] {
            group.get("structure/\(kind.rawValue)/{agencyID}/{resourceID}/{version}") { request, context in
                let query = try Self.artefact(context)
                let message = try await sdmx.structure(kind, query, logger: context.logger)
                let body = CacheableResponse.Rendered(body: message.encoded(), contentType: SDMXStructureMessage.contentType)
                return CacheableResponse.response(body, for: request)
            }
        }
        group.get("data/dataflow/{agencyID}/{resourceID}/{version}/{key}") { request, context in
            let query = try Self.artefact(context)
            let key = try SDMXKey(Self.path(context, "key"))
            let format = try SDMXDataFormat(request)
            let travel = try SDMXTimeTravel(
                asOf: Self.time(request, "asOf"),
                updatedAfter: Self.time(request, "updatedAfter"),
                includeHistory: request.flagParameter("includeHistory")
            )
            if let asOf = travel.asOf, let after = travel.updatedAfter, after > asOf {
                throw DomainError.invalidParameter("updatedAfter", "must not be later than asOf")
            }
            let observations = try await sdmx.data(query, key: key, travel: travel, logger: context.logger)
            let csv = SDMXDataCSV.render(observations)
            // the same figures give the same message (id and time included), so its ETag holds
            let body =
                switch format {
                case .csv: csv
                case .json:
                    SDMXDataJSON.render(
                        observations,
                        names: try await sdmx.codeNames(logger: context.logger),
                        id: CacheableResponse.fingerprint(csv),
                        prepared: observations.map(\.published).max() ?? sdmx.clock.now()
                    )
                }
            return CacheableResponse.response(CacheableResponse.Rendered(body: body, contentType: format.contentType), for: request)
        }
    }

    static func artefact(_ context: AppRequestContext) throws -> SDMXArtefactQuery {
        try SDMXArtefactQuery(
            agency: path(context, "agencyID"),
            resource: path(context, "resourceID"),
            version: path(context, "version")
        )
    }

    /// A path segment as the client meant it: a client may send `*` or `~` percent-encoded.
    static func path(_ context: AppRequestContext, _ name: String) -> String {
        let raw = context.parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// An RFC 3339 time; one without a zone (as pysdmx sends a naive `datetime`) is UTC,
    /// the service's own time.
    static func time(_ request: Request, _ name: String) throws -> Date? {
        guard let raw = request.uri.queryParameters.get(name) else { return nil }
        let zoned = raw.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?/) != nil ? raw + "Z" : raw
        guard let time = JSONCoding.time(zoned) else {
            throw DomainError.invalidParameter(name, "must be an RFC 3339 time such as 2025-03-31T12:00:00Z, not '\(raw)'")
        }
        return time
    }
}

/// SDMX-CSV or SDMX-JSON data: `?format=csv|json`, else the `Accept` header; SDMX-JSON when neither says.
enum SDMXDataFormat: String, Sendable {
    case csv, json

    init(_ request: Request) throws {
        if let asked = request.uri.queryParameters["format"] {
            guard let format = SDMXDataFormat(rawValue: String(asked)) else {
                throw DomainError.invalidParameter("format", "must be csv or json, not '\(asked)'")
            }
            self = format
        } else if let accept = request.headers[.accept], accept.contains("vnd.sdmx.data+csv") || accept.contains("text/csv") {
            self = .csv
        } else {
            self = .json
        }
    }

    var contentType: String {
        switch self {
        case .csv: SDMXDataCSV.contentType
        case .json: SDMXDataJSON.contentType
        }
    }
}
