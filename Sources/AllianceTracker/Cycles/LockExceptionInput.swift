import Foundation

/// The body of `POST /v1/cycles/{year}/exceptions`.
struct LockExceptionInput: Decodable, Sendable {
    var country: String
    /// Until when the country may change its report: an RFC 3339 time.
    var until: Date
    var reason: String
}
