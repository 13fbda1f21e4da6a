import Foundation
import Hummingbird

/// A target as data: which figure of which indicator must meet which rule.
struct Target: ResponseEncodable, Equatable {
    var id: String
    var indicator: String
    var operationalGoal: String?
    var scope: String
    var country: String?
    var rule: String
    var threshold: Decimal?
    var basis: String
    var baselineYear: Int?
    var description: String
    var source: String?
}
