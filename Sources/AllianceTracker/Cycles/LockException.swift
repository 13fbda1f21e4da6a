import Foundation

/// A lock exception: one country may change a locked year's report until `until`,
/// unless the secretariat revoked it first.
struct LockException: Encodable, Sendable {
    var id: Int64
    var year: Int
    var country: String
    var until: Date
    var reason: String
    var grantedAt: Date
    /// Null while the exception stands.
    var revokedAt: Nullable<Date> = nil
}
