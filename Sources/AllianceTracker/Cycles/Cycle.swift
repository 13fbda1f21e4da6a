import Foundation

/// A reporting cycle: when a year's reports open, are due, and lock.
struct Cycle: Encodable, Sendable {
    var year: Int
    var opensOn: String
    var dueOn: String
    var locksOn: String
    var requiredIndicators: [String]
    /// Members on the due date, frozen when the cycle was created.
    var expectedReporters: [String]
}
