import Hummingbird

/// The one route with a larger body and no request deadline: `POST /v1/imports`, the
/// secretariat's CSV import (up to 10 MiB, loaded in one transaction that may outlast
/// the 5 s deadline). `DeadlineResponder` asks `matches` before it reads a body; every
/// other request keeps the 1 MiB limit and the deadline.
///
/// Only a request that says it is one (a bearer token, `Content-Type: text/csv`) gets the
/// larger limit: one without a token, or not CSV, is read as any other (1 MiB, the
/// deadline) and refused by the route with 401 or 415. The token itself is checked
/// after the body is read, as for every route.
enum BulkUpload {
    static let path = "/v1/imports"
    static let maximumBodyBytes = 10 << 20

    static func matches(_ request: Request) -> Bool {
        request.method == .post && request.uri.path == path
            && request.headers[.authorization]?.hasPrefix("Bearer ") == true
            && request.headers[.contentType]?.lowercased().hasPrefix("text/csv") == true
    }
}
