import HTTPTypes
import Hummingbird

/// Adds `Link: <licence>; rel="license"` (RFC 8288) to every answer of the public side
/// that carries its data: the pages (`/`, `/years/…`, `/indicators/…`) and `/v1/public/…`,
/// SDMX included, as 200 or 304 (a 304 refreshes the headers a cache keeps). A CSV states
/// its licence this way; JSON bodies and pages state it in their body too.
struct LicenceLinkMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Made once: it is added to every public answer.
    private let link: HTTPField

    init(licence: DataLicence) {
        link = HTTPField(name: .link, value: "<\(licence.url)>; rel=\"license\"")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard Self.isPublic(request.uri.path), response.status == .ok || response.status == .notModified else { return response }
        response.headers.append(link)
        return response
    }

    static func isPublic(_ path: String) -> Bool {
        path == "/" || path.hasPrefix("/years/") || path.hasPrefix("/indicators/") || path.hasPrefix("/v1/public/")
    }
}

extension HTTPField.Name {
    static let link = Self("Link")!
}
