/// One entry to append to the audit log: who did what to which thing, its state
/// before and after, and why.
struct AuditRecord: Sendable {
    var actor: AuditActor
    var action: AuditAction
    var country: String?
    var year: Int?
    var entityID: String?
    var old: [String: JSONValue]?
    var new: [String: JSONValue]?
    var reason: String?

    init(
        _ action: AuditAction,
        by actor: AuditActor,
        country: String? = nil,
        year: Int? = nil,
        entityID: String?,
        old: [String: JSONValue]? = nil,
        new: [String: JSONValue]? = nil,
        reason: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.country = country
        self.year = year
        self.entityID = entityID
        self.old = old
        self.new = new
        self.reason = reason
    }
}
