import Foundation

/// A target as data: which figure of which indicator must meet which rule.
struct Target: Encodable, Sendable, Equatable {
    var id: String
    var indicator: String
    var operationalGoal: String?
    var scope: TargetScope
    var country: String?
    var rule: TargetRule
    var threshold: Decimal?
    var basis: TargetBasis
    var baselineYear: Int?
    var description: String
    var source: String?
}
