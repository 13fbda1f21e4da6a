import Foundation

/// One line of the audit log: who, when, what (old and new), and why.
struct AuditEntry: Encodable, Sendable {
    var id: Int64
    var at: Date
    var actorToken: Int64?
    var actorRole: ActorRole
    var action: String
    var country: String?
    var year: Int?
    var entity: String
    var entityId: String?
    var oldValue: JSONValue?
    var newValue: JSONValue?
    var reason: String?
}
