import Foundation

/// A lock exception as granted: one country may change a locked year's report until `until`.
struct LockException: Encodable, Sendable {
    var id: Int64
    var year: Int
    var country: String
    var until: Date
    var reason: String
    var grantedAt: Date
}
