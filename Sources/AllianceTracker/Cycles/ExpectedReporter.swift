import Foundation

/// Why a country is on a cycle's list of expected reporters.
enum ExpectedSource: String, DatabaseEnum {
    /// A member on the cycle's due date, put there by a recompute.
    case membership
    /// Added by the secretariat, with a reason.
    case explicit
}

/// One country on a cycle's list of expected reporters.
struct ExpectedReporter: Encodable, Sendable {
    var country: String
    var source: ExpectedSource
    /// The secretariat's reason; null for a membership entry.
    var reason: Nullable<String>
    /// The token that added it; null for a membership entry.
    var addedBy: Nullable<Int64>
    var addedAt: Date
}

/// A country the secretariat took off a cycle's list: a recompute leaves it off.
struct ExpectedRemoval: Encodable, Sendable {
    var country: String
    var reason: String
    var removedBy: Nullable<Int64>
    var removedAt: Date
}

/// `GET /v1/cycles/{year}/expected`: the list as it stands, and the removals it keeps.
struct ExpectedReporters: Encodable, Sendable {
    var year: Int
    var expected: [ExpectedReporter]
    var removed: [ExpectedRemoval]
}

/// The body of `POST /v1/cycles/{year}/expected`.
struct ExpectedReporterInput: Decodable, Sendable {
    var country: String
    var reason: String
}
