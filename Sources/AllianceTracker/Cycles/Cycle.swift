import Foundation

/// A reporting cycle: when a year's reports open, are due, and lock.
struct Cycle: Encodable, Sendable {
    var year: Int
    var opensOn: String
    var dueOn: String
    var locksOn: String
    var requiredIndicators: [String]
    /// The expected reporters as they stand (`GET /v1/cycles/{year}/expected` says why each is there).
    var expectedReporters: [String]
}
