import Foundation

/// A commitment's figures in a year: computed once by `CommitmentTracking`, shown by
/// the commitments API and counted by the live summary.
struct CommitmentStanding: Codable, Sendable, Equatable {
    /// The year the commitment is judged in.
    var year: Int
    var status: CommitmentStatus
    /// The latest accepted value of the indicator up to `year`, and its year.
    var current: Nullable<Decimal>
    var currentYear: Nullable<Int>
    /// The value the path from baseline to target requires in `year`.
    var expected: Nullable<Decimal>
}
