import HTTPTypes
import Hummingbird

/// The outermost responder: every answer, errors included, says `nosniff`; an HTML
/// page also gets a Content-Security-Policy that allows nothing but its own inline
/// styles and images (the dashboard has no script, form, frame or external resource)
/// and sends no Referer to the links it holds.
struct SecurityHeadersResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context
    let inner: Inner

    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        var response = try await inner.respond(to: request, context: context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.contentType]?.lowercased().hasPrefix("text/html") == true {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            response.headers[.referrerPolicy] = "no-referrer"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
