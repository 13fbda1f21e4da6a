import Hummingbird

/// The one route with a larger body and no request deadline: `POST /v1/imports`, the
/// secretariat's CSV import (up to 10 MiB, loaded in one transaction that may outlast
/// the 5 s deadline). `DeadlineResponder` asks `matches` before it reads a body; every
/// other request keeps the 1 MiB limit and the deadline.
enum BulkUpload {
    static let path = "/v1/imports"
    static let maximumBodyBytes = 10 << 20

    static func matches(_ request: Request) -> Bool {
        request.method == .post && request.uri.path == path
    }
}
